/* sync — see sync.h. */
#include "sync.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit.h"
#include "buf.h"
#include "date.h"
#include "i18n.h"
#include "keys.h"

#define MAGIC "KYODOSYN"
#define CHUNK 65536
#define SIG_BYTES crypto_sign_BYTES
#define KEY_BYTES crypto_secretstream_xchacha20poly1305_KEYBYTES
#define SEALED_BYTES (crypto_box_SEALBYTES + KEY_BYTES)
#define STREAM_HEADER crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define ABYTES crypto_secretstream_xchacha20poly1305_ABYTES

/* What travels each way, in the order rows must be applied (a booking's
 * room before the booking).  The lists are also the tables a store owns
 * rows in (sync_owned_tables). */
static const char *const center_tables[] = {
	"room", "closed_day", "body", "member", "milestone", "plan", "plan_issue", "project",
	"meeting", "event", "booking", "facility_use", "application", "expense", NULL,
};
static const char *const city_tables[] = {"programme", "decision", NULL};

static void
progress(const struct sync_progress *p, const char *what, long done, long total)
{
	if (p != NULL && p->report != NULL)
		p->report(p->ctx, what, done, total);
}

static bool
exec_sql(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

static void
put_u32(struct buf *b, uint32_t v)
{
	unsigned char t[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
	    (unsigned char)(v >> 24)};

	buf_add(b, t, 4);
}

static uint32_t
get_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void
file_name(const char *sender, const char *receiver, const char *created, char *out, size_t size)
{
	snprintf(out, size, "kyodo-%s-to-%s-%s.kyodo", sender, receiver, created);
}

/* "2026-11-28T09:30:00Z" → "20261128-093000". */
static void
stamp(char out[16])
{
	char now[21];

	date_now_utc(now);
	snprintf(out, 16, "%.4s%.2s%.2s-%.2s%.2s%.2s", now, now + 5, now + 8, now + 11, now + 14,
	    now + 17);
}

/* SQLite will not attach or detach a database while a statement on the
 * connection is still running; such a moment is refused, not half done. */
static bool
connection_idle(struct store *s, struct error *err)
{
	sqlite3_stmt *st;

	for (st = sqlite3_next_stmt(store_db(s), NULL); st != NULL;
	    st = sqlite3_next_stmt(store_db(s), st)) {
		if (sqlite3_stmt_busy(st)) {
			error_set(err, _("The store is busy reading; try again in a moment."));
			return false;
		}
	}
	return true;
}

/* Builds the inner database in memory, from the store's own connection, and
 * returns it serialized (sqlite3_malloc'd). */
static unsigned char *
build_inner(struct store *s, const char *peer, const char *created, sqlite3_int64 *size,
    struct error *err)
{
	sqlite3 *db = store_db(s);
	const char *const *t = store_kind(s) == STORE_CITY ? city_tables : center_tables;
	unsigned char *data = NULL;
	sqlite3_stmt *st;
	char sql[512], num[32];
	bool ok;

	if (!connection_idle(s, err))
		return NULL;
	ok = exec_sql(db, "ATTACH ':memory:' AS bundle") &&
	    exec_sql(db, "CREATE TABLE bundle.bundle_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");

	for (; ok && *t != NULL; t++) {
		if (store_kind(s) == STORE_CITY && strcmp(*t, "decision") == 0)
			snprintf(sql, sizeof sql, "CREATE TABLE bundle.%s AS SELECT * FROM main.%s "
			    "WHERE origin = 'city' AND center = ?1", *t, *t);
		else
			snprintf(sql, sizeof sql, "CREATE TABLE bundle.%s AS SELECT * FROM main.%s "
			    "WHERE origin = ?2", *t, *t);
		ok = sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK;
		if (ok) {
			sqlite3_bind_text(st, 1, peer, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, store_origin(s), -1, SQLITE_STATIC);
			ok = sqlite3_step(st) == SQLITE_DONE;
			sqlite3_finalize(st);
		}
		snprintf(sql, sizeof sql, "INSERT INTO bundle.bundle_meta VALUES ('rows_%s', "
		    "(SELECT count(*) FROM bundle.%s))", *t, *t);
		ok = ok && exec_sql(db, sql);
	}
	snprintf(num, sizeof num, "%d", store_schema_version());
	ok = ok && sqlite3_prepare_v2(db, "INSERT INTO bundle.bundle_meta VALUES ('format', ?1), "
	    "('sender', ?2), ('receiver', ?3), ('created_at', ?4), ('schema_version', ?5)", -1,
	    &st, NULL) == SQLITE_OK;
	if (ok) {
		snprintf(sql, sizeof sql, "%d", SYNC_FORMAT);
		sqlite3_bind_text(st, 1, sql, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, store_origin(s), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, peer, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, created, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, num, -1, SQLITE_STATIC);
		ok = sqlite3_step(st) == SQLITE_DONE;
		sqlite3_finalize(st);
	}
	if (ok)
		data = sqlite3_serialize(db, "bundle", size, 0);
	if (data == NULL)
		store_sql_error(s, _("Making the file"), err);
	if (!exec_sql(db, "DETACH bundle") && data != NULL) {
		sqlite3_free(data);
		data = NULL;
		store_sql_error(s, _("Making the file"), err);
	}
	return data;
}

/* Seals inner to the receiver and signs the whole with the store's key. */
static bool
seal(struct store *s, const struct public_key *to, const char *created, const unsigned char *inner,
    size_t n, struct buf *out, struct error *err)
{
	unsigned char key[KEY_BYTES], sealed[SEALED_BYTES], header[STREAM_HEADER];
	unsigned char sign_sk[crypto_sign_SECRETKEYBYTES], box_sk[crypto_box_SECRETKEYBYTES];
	unsigned char box_pk[crypto_box_PUBLICKEYBYTES], sig[SIG_BYTES], *c;
	crypto_secretstream_xchacha20poly1305_state state;
	unsigned long long clen;
	size_t off = 0, len;
	const char *me = store_origin(s);

	if (!keys_secret(s, sign_sk, box_sk, box_pk, err))
		return false;
	sodium_memzero(box_sk, sizeof box_sk);
	crypto_secretstream_xchacha20poly1305_keygen(key);
	crypto_box_seal(sealed, key, sizeof key, to->box_pk);
	crypto_secretstream_xchacha20poly1305_init_push(&state, header, key);
	sodium_memzero(key, sizeof key);
	buf_add(out, MAGIC, 8);
	put_u32(out, SYNC_FORMAT);
	buf_addc(out, (char)strlen(me));
	buf_adds(out, me);
	buf_addc(out, (char)strlen(to->code));
	buf_adds(out, to->code);
	buf_add(out, created, 15);
	buf_add(out, sealed, sizeof sealed);
	buf_add(out, header, sizeof header);
	c = xmalloc(CHUNK + ABYTES);
	do {
		len = n - off < CHUNK ? n - off : CHUNK;
		crypto_secretstream_xchacha20poly1305_push(&state, c, &clen, inner + off, len, NULL, 0,
		    off + len == n ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
		put_u32(out, (uint32_t)clen);
		buf_add(out, c, (size_t)clen);
		off += len;
	} while (off < n);
	free(c);
	crypto_sign_detached(sig, NULL, (const unsigned char *)out->data, out->len, sign_sk);
	sodium_memzero(sign_sk, sizeof sign_sk);
	buf_add(out, sig, sizeof sig);
	return true;
}

/* A write that runs out of room after KYODO_FAULT_WRITE_LIMIT bytes, so
 * tests can pull the stick out or fill it without a real one. */
static ssize_t
limited_write(int fd, const void *p, size_t n, size_t *written)
{
	const char *limit = getenv("KYODO_FAULT_WRITE_LIMIT");
	ssize_t w;

	if (limit != NULL && *limit != '\0') {
		size_t cap = (size_t)strtoull(limit, NULL, 10);

		if (*written >= cap) {
			errno = ENOSPC;
			return -1;
		}
		if (n > cap - *written)
			n = cap - *written;
	}
	w = write(fd, p, n);
	if (w > 0)
		*written += (size_t)w;
	return w;
}

/* Removes the ".kyodo-A-to-B-….kyodo.part" files an interrupted write of the
 * same sender and receiver left in dir (a stick pulled out, the power cut). */
static void
remove_parts(const char *dir, const char *name)
{
	char prefix[128], path[PATH_MAX];
	const char *stamp = strrchr(name, '-');
	size_t n, len;
	struct dirent *e;
	DIR *d;

	/* "kyodo-c1-to-city-20261128-101010.kyodo": the part before the date. */
	if (stamp == NULL)
		return;
	for (stamp--; stamp > name && *stamp != '-'; stamp--)
		;
	snprintf(prefix, sizeof prefix, ".%.*s", (int)(stamp - name + 1), name);
	n = strlen(prefix);
	d = opendir(dir);
	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (strncmp(e->d_name, prefix, n) == 0 && len > 5 &&
		    strcmp(e->d_name + len - 5, ".part") == 0) {
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			unlink(path);
		}
	}
	closedir(d);
}

static bool
write_verified(const char *dir, const char *name, const struct buf *data, char *path,
    struct error *err)
{
	char tmp[PATH_MAX], final[PATH_MAX];
	unsigned char *back = NULL;
	size_t off = 0, written = 0;
	struct stat st;
	ssize_t w;
	int fd, saved;

	snprintf(final, sizeof final, "%s/%s", dir, name);
	snprintf(tmp, sizeof tmp, "%s/.%s.part", dir, name);
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		error_set(err, _("%s is not a folder (is the stick plugged in?)."), dir);
		return false;
	}
	if (stat(final, &st) == 0) {
		error_set(err, _("%s already exists; try again in a second."), final);
		return false;
	}
	remove_parts(dir, name);	/* left by earlier writes that were cut off */
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0)
		goto fail;
	while (off < data->len) {
		w = limited_write(fd, data->data + off, data->len - off, &written);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			saved = errno;
			close(fd);
			errno = saved;
			goto fail;
		}
		off += (size_t)w;
	}
	if (fsync(fd) != 0) {
		saved = errno;
		close(fd);
		errno = saved;
		goto fail;
	}
	close(fd);
	/* Read it back: a stick that lies about what it stored is caught here. */
	back = xmalloc(data->len + 1);
	fd = open(tmp, O_RDONLY);
	if (fd < 0)
		goto fail;
	off = 0;
	while (off <= data->len) {
		w = read(fd, back + off, data->len + 1 - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	close(fd);
	if (off != data->len || memcmp(back, data->data, data->len) != 0) {
		errno = EIO;
		goto fail;
	}
	free(back);
	back = NULL;
	if (rename(tmp, final) != 0)
		goto fail;
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	snprintf(path, PATH_MAX, "%s", final);
	return true;
fail:
	saved = errno;
	free(back);
	unlink(tmp);
	error_set(err, _("Could not write the file to %s: %s. Nothing was left under its name."),
	    dir, strerror(saved));
	return false;
}

static void
log_sync(struct store *s, const char *direction, const char *peer, const char *file, long rows,
    const char *result)
{
	sqlite3_stmt *st;
	char now[21];

	date_now_utc(now);
	if (sqlite3_prepare_v2(store_db(s), "INSERT INTO sync_log (at, direction, peer, file, "
	    "rows, result) VALUES (?, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, direction, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, peer, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, file, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, rows);
	sqlite3_bind_text(st, 6, result, -1, SQLITE_STATIC);
	sqlite3_step(st);
	sqlite3_finalize(st);
}

bool
sync_export(struct store *s, const struct actor *who, const char *peer, const char *dir,
    char *path, const struct sync_progress *p, struct error *err)
{
	struct public_key to;
	struct buf file = {0};
	unsigned char *inner;
	sqlite3_int64 size = 0;
	char created[16], name[128], sum[256];
	bool ok;

	if (store_kind(s) == STORE_CENTER && strcmp(peer, "city") != 0) {
		error_set(err, _("A center sends its file to the city only."));
		return false;
	}
	if (store_kind(s) == STORE_CITY && strcmp(peer, "city") == 0) {
		error_set(err, _("City hall sends files to centers; name one."));
		return false;
	}
	if (!keys_peer(s, peer, &to, NULL)) {
		error_set(err, store_kind(s) == STORE_CENTER ?
		    _("The city's key is not installed here (kyodo key --city FILE).") :
		    _("No center %s is enrolled (kyodo center add)."), peer);
		return false;
	}
	if (!keys_same_machine(s)) {
		error_set(err, _("This store was made on another machine (a copied kiosk?). "
		    "Check it is really %s's kiosk, then accept it: kyodo key --accept-machine."),
		    store_name(s));
		return false;
	}
	progress(p, _("Collecting the records"), 0, 3);
	stamp(created);
	inner = build_inner(s, peer, created, &size, err);
	if (inner == NULL)
		return false;
	progress(p, _("Encrypting and signing"), 1, 3);
	ok = seal(s, &to, created, inner, (size_t)size, &file, err);
	sodium_memzero(inner, (size_t)size);
	sqlite3_free(inner);
	file_name(store_origin(s), peer, created, name, sizeof name);
	progress(p, _("Writing and checking the file"), 2, 3);
	ok = ok && write_verified(dir, name, &file, path, err);
	buf_free(&file);
	if (ok) {
		progress(p, _("Done"), 3, 3);
		snprintf(sum, sizeof sum, "%s → %s", name, peer);
		log_sync(s, "export", peer, name, 0, "ok");
		if (store_begin(s, NULL)) {
			audit_log(s, who, "export", NULL, NULL, sum, NULL);
			store_commit(s, NULL);
		}
	}
	return ok;
}

/* ---- reading ---- */

struct header {
	char sender[17], receiver[17], created[16];
	const unsigned char *sealed, *stream_header, *body;
	size_t body_len;
};

static bool
valid_code(const char *c)
{
	return strcmp(c, "city") == 0 || store_code_valid(c);
}

static bool
read_code(const unsigned char **p, const unsigned char *end, char out[17])
{
	size_t len;

	if (*p >= end)
		return false;
	len = **p;
	(*p)++;
	if (len == 0 || len > 16 || (size_t)(end - *p) < len)
		return false;
	memcpy(out, *p, len);
	out[len] = '\0';
	*p += len;
	return valid_code(out);
}

static bool
parse_header(const unsigned char *d, size_t n, struct header *h, struct error *err)
{
	const unsigned char *p = d + 12, *end = d + n - SIG_BYTES;
	uint32_t version;
	int i;

	if (n < 12 + SIG_BYTES || memcmp(d, MAGIC, 8) != 0) {
		error_set(err, _("This is not a kyodo sync file."));
		return false;
	}
	version = get_u32(d + 8);
	if (version > SYNC_FORMAT) {
		error_set(err, _("This file was made by a newer kyodo (format %u); update kyodo "
		    "to read it."), (unsigned)version);
		return false;
	}
	if (version != SYNC_FORMAT) {
		error_set(err, _("This file has an unknown format (%u)."), (unsigned)version);
		return false;
	}
	if (!read_code(&p, end, h->sender) || !read_code(&p, end, h->receiver) ||
	    (size_t)(end - p) < 15 + SEALED_BYTES + STREAM_HEADER) {
		error_set(err, _("This file is damaged (its header cannot be read)."));
		return false;
	}
	memcpy(h->created, p, 15);
	h->created[15] = '\0';
	for (i = 0; i < 15; i++)
		if (!(i == 8 ? p[i] == '-' : p[i] >= '0' && p[i] <= '9')) {
			error_set(err, _("This file is damaged (its header cannot be read)."));
			return false;
		}
	p += 15;
	h->sealed = p;
	p += SEALED_BYTES;
	h->stream_header = p;
	p += STREAM_HEADER;
	h->body = p;
	h->body_len = (size_t)(end - p);
	return true;
}

/* Decrypts the body into a buffer from sqlite3_malloc, for deserialize. */
static unsigned char *
open_body(struct store *s, const struct header *h, size_t *out_len, struct error *err)
{
	unsigned char key[KEY_BYTES], sign_sk[crypto_sign_SECRETKEYBYTES];
	unsigned char box_sk[crypto_box_SECRETKEYBYTES], box_pk[crypto_box_PUBLICKEYBYTES];
	crypto_secretstream_xchacha20poly1305_state state;
	unsigned char *plain = NULL, tag = 0;
	unsigned long long mlen;
	size_t off = 0, cap, len = 0;
	uint32_t clen;
	bool ok;

	if (!keys_secret(s, sign_sk, box_sk, box_pk, err))
		return NULL;
	sodium_memzero(sign_sk, sizeof sign_sk);
	ok = crypto_box_seal_open(key, h->sealed, SEALED_BYTES, box_pk, box_sk) == 0;
	sodium_memzero(box_sk, sizeof box_sk);
	if (!ok) {
		error_set(err, _("This file cannot be opened with this store's key."));
		return NULL;
	}
	ok = crypto_secretstream_xchacha20poly1305_init_pull(&state, h->stream_header, key) == 0;
	sodium_memzero(key, sizeof key);
	cap = h->body_len;	/* the plaintext is shorter than the ciphertext */
	plain = sqlite3_malloc64(cap > 0 ? cap : 1);
	if (plain == NULL)
		abort();
	while (ok && tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
		if (h->body_len - off < 4) {
			ok = false;
			break;
		}
		clen = get_u32(h->body + off);
		off += 4;
		if (clen < ABYTES || clen > CHUNK + ABYTES || clen > h->body_len - off) {
			ok = false;
			break;
		}
		ok = crypto_secretstream_xchacha20poly1305_pull(&state, plain + len, &mlen, &tag,
		    h->body + off, clen, NULL, 0) == 0;
		off += clen;
		len += (size_t)mlen;
	}
	if (!ok || off != h->body_len) {
		sqlite3_free(plain);
		error_set(err, _("This file is damaged (it does not decrypt)."));
		return NULL;
	}
	*out_len = len;
	return plain;
}

/* A file's database is attached as "incoming", or "incoming<k>" for the
 * k-th file of a batch: SQLite will not detach a database inside the
 * transaction that read it, so a batch gives each file its own name and
 * detaches them all after the commit. */

static char *
meta(sqlite3 *db, const char *in, const char *key)
{
	char sql[96];
	sqlite3_stmt *st;
	char *v = NULL;

	snprintf(sql, sizeof sql, "SELECT value FROM %s.bundle_meta WHERE key = ?", in);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

/* The first n columns of sql's one row, bound to a and b; false if it fails. */
static bool
counts_of(sqlite3 *db, const char *sql, const char *a, const char *b, long *out, int n)
{
	sqlite3_stmt *st;
	bool ok = false;
	int i;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return false;
	if (a != NULL)
		sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	if (b != NULL)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		for (i = 0; i < n; i++)
			out[i] = sqlite3_column_int64(st, i);
		ok = true;
	}
	sqlite3_finalize(st);
	return ok;
}

static long
count_of(sqlite3 *db, const char *sql, const char *a, const char *b)
{
	long n;

	return counts_of(db, sql, a, b, &n, 1) ? n : -1;
}

/* The columns both schemas have, quoted and comma-separated. */
static bool
common_columns(sqlite3 *db, const char *in, const char *table, struct buf *cols, struct buf *set)
{
	char sql[256];
	sqlite3_stmt *st;
	int n = 0;

	snprintf(sql, sizeof sql, "SELECT i.name FROM pragma_table_info('%s', '%s') i "
	    "JOIN pragma_table_info('%s', 'main') m ON m.name = i.name", table, in, table);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return false;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(st, 0);

		if (strchr(c, '"') != NULL)
			continue;
		buf_printf(cols, "%s\"%s\"", n ? ", " : "", c);
		if (strcmp(c, "uuid") != 0)
			buf_printf(set, "%s\"%s\" = excluded.\"%s\"", set->len ? ", " : "", c, c);
		n++;
	}
	sqlite3_finalize(st);
	return n > 0;
}

static bool
has_columns(sqlite3 *db, const char *in, const char *table)
{
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM pragma_table_info('%s', '%s') "
	    "WHERE name IN ('uuid', 'origin', 'version')", table, in);
	return count_of(db, sql, NULL, NULL) == 3;
}

/* Checks one table's rows against ownership and applies them by version. */
static bool
apply_table(struct store *s, const char *in, const char *table, const struct header *h,
    struct sync_counts *c, struct error *err)
{
	sqlite3 *db = store_db(s);
	struct buf cols = {0}, set = {0}, sql = {0};
	char q[512], *rows_meta, key[64];
	long against[3];
	bool ok = false;
	long n;

	c->table = table;
	if (!has_columns(db, in, table) || !common_columns(db, in, table, &cols, &set)) {
		error_set(err, _("This file is damaged (table %s is not as expected)."), table);
		goto out;
	}
	snprintf(key, sizeof key, "rows_%s", table);
	rows_meta = meta(db, in, key);
	snprintf(q, sizeof q, "SELECT count(*) FROM %s.%s", in, table);
	c->incoming = count_of(db, q, NULL, NULL);
	n = rows_meta != NULL ? strtol(rows_meta, NULL, 10) : -1;
	free(rows_meta);
	if (n != c->incoming) {
		error_set(err, _("This file is damaged (table %s does not hold the rows it "
		    "lists)."), table);
		goto out;
	}
	/* Every row must name itself once, with a version: a row without an id
	 * could never be matched again and would be added on every import. */
	snprintf(q, sizeof q, "SELECT count(*) FROM %s.%s WHERE typeof(uuid) <> 'text' OR "
	    "length(uuid) NOT BETWEEN 1 AND 64 OR typeof(version) <> 'integer' OR version < 1",
	    in, table);
	if (count_of(db, q, NULL, NULL) != 0) {
		error_set(err, _("This file is damaged (%s rows without a proper id or version)."),
		    table);
		goto out;
	}
	snprintf(q, sizeof q, "SELECT count(*) - count(DISTINCT uuid) FROM %s.%s", in, table);
	if (count_of(db, q, NULL, NULL) != 0) {
		error_set(err, _("This file is damaged (%s rows with the same id)."), table);
		goto out;
	}
	/* A sender writes only rows it owns; the city's decisions in a file
	 * for this center concern this center only. */
	snprintf(q, sizeof q, "SELECT count(*) FROM %s.%s WHERE origin IS NOT ?1", in, table);
	if (count_of(db, q, h->sender, NULL) != 0) {
		error_set(err, _("This file holds %s rows that %s does not own; it is refused."),
		    table, h->sender);
		goto out;
	}
	snprintf(q, sizeof q, "SELECT count(*) FROM %s.decision WHERE center IS NOT ?1", in);
	if (strcmp(table, "decision") == 0 && count_of(db, q, h->receiver, NULL) != 0) {
		error_set(err, _("This file holds decisions for another center; it is refused."));
		goto out;
	}
	/* One pass of the file's rows against the store: new rows, newer
	 * versions, and rows someone else owns (which refuse the file). */
	snprintf(q, sizeof q, "SELECT count(*) FILTER (WHERE m.uuid IS NULL), "
	    "count(*) FILTER (WHERE m.origin IS i.origin AND i.version > m.version), "
	    "count(*) FILTER (WHERE m.uuid IS NOT NULL AND m.origin IS NOT i.origin) "
	    "FROM %s.%s i LEFT JOIN main.%s m ON m.uuid = i.uuid", in, table, table);
	if (!counts_of(db, q, NULL, NULL, against, 3)) {
		store_sql_error(s, _("Applying the file"), err);
		goto out;
	}
	if (against[2] != 0) {
		error_set(err, _("This file would overwrite %s rows owned by someone else; it is "
		    "refused."), table);
		goto out;
	}
	c->added = against[0];
	c->updated = against[1];
	c->unchanged = c->incoming - c->added - c->updated;
	if (c->added + c->updated == 0) {
		ok = true;	/* the month's merge: most tables bring nothing new */
		goto out;
	}
	buf_printf(&sql, "INSERT INTO main.%s (%s) SELECT %s FROM %s.%s WHERE true "
	    "ON CONFLICT (uuid) DO UPDATE SET %s WHERE excluded.version > main.%s.version",
	    table, buf_str(&cols), buf_str(&cols), in, table, buf_str(&set), table);
	if (sqlite3_exec(db, buf_str(&sql), NULL, NULL, NULL) != SQLITE_OK) {
		store_sql_error(s, _("Applying the file"), err);
		goto out;
	}
	ok = true;
out:
	buf_free(&cols);
	buf_free(&set);
	buf_free(&sql);
	return ok;
}

static bool
table_allowed(const char *const *list, const char *name)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, name) == 0)
			return true;
	return false;
}

/* Checks the inner database attached as in and applies it in one
 * transaction (a savepoint inside a batch's). */
static bool
apply_inner(struct store *s, const char *in, const struct actor *who, const struct header *h,
    const char *path, struct sync_result *res, const struct sync_progress *p, struct error *err)
{
	sqlite3 *db = store_db(s);
	const char *const *tables = strcmp(h->sender, "city") == 0 ? city_tables : center_tables;
	char *format = NULL, *sender = NULL, *receiver = NULL, *schema = NULL, *ic = NULL;
	char sum[256], q[128];
	sqlite3_stmt *st;
	int i, ntables;
	bool ok = false;

	snprintf(q, sizeof q, "PRAGMA %s.integrity_check(1)", in);
	if (sqlite3_prepare_v2(db, q, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			ic = xstrdup((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	if (ic == NULL || strcmp(ic, "ok") != 0) {
		error_set(err, _("This file is damaged inside (its database fails the integrity "
		    "check)."));
		goto out;
	}
	format = meta(db, in, "format");
	sender = meta(db, in, "sender");
	receiver = meta(db, in, "receiver");
	schema = meta(db, in, "schema_version");
	if (format == NULL || sender == NULL || receiver == NULL || schema == NULL ||
	    atoi(format) != SYNC_FORMAT || strcmp(sender, h->sender) != 0 ||
	    strcmp(receiver, h->receiver) != 0) {
		error_set(err, _("This file is damaged inside (its description does not match)."));
		goto out;
	}
	if (atoi(schema) > store_schema_version()) {
		error_set(err, _("This file was made by a newer kyodo (schema %d; this kyodo knows "
		    "up to %d); update kyodo to read it."), atoi(schema), store_schema_version());
		goto out;
	}
	/* Every table in the file must be one the sender may send. */
	snprintf(q, sizeof q, "SELECT name FROM %s.sqlite_master WHERE type = 'table'", in);
	if (sqlite3_prepare_v2(db, q, -1, &st, NULL) != SQLITE_OK)
		goto out;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);

		if (strcmp(name, "bundle_meta") != 0 && !table_allowed(tables, name)) {
			error_set(err, _("This file holds a table kyodo does not take from %s (%s)."),
			    h->sender, name);
			sqlite3_finalize(st);
			goto out;
		}
	}
	sqlite3_finalize(st);
	for (ntables = 0; tables[ntables] != NULL; ntables++)
		;
	if (!store_begin(s, err))
		goto out;
	exec_sql(db, "PRAGMA defer_foreign_keys = ON");
	snprintf(res->sender, sizeof res->sender, "%s", h->sender);
	snprintf(res->created, sizeof res->created, "%s", h->created);
	for (i = 0; i < ntables; i++) {
		snprintf(q, sizeof q, "SELECT count(*) FROM %s.sqlite_master WHERE name = '%s'", in,
		    tables[i]);
		if (count_of(db, q, NULL, NULL) != 1)
			continue;
		progress(p, _("Applying the records"), i, ntables);
		if (!apply_table(s, in, tables[i], h, &res->t[res->ntables], err)) {
			store_rollback(s);
			goto out;
		}
		res->added += res->t[res->ntables].added;
		res->updated += res->t[res->ntables].updated;
		res->unchanged += res->t[res->ntables].unchanged;
		res->ntables++;
	}
	snprintf(sum, sizeof sum, "%s: +%ld ~%ld =%ld", path ? path : "-", res->added,
	    res->updated, res->unchanged);
	log_sync(s, "import", h->sender, path ? path : "-", res->added + res->updated, "ok");
	if (!audit_log(s, who, "import", NULL, NULL, sum, err) || !store_commit(s, err)) {
		store_rollback(s);
		goto out;
	}
	progress(p, _("Done"), ntables, ntables);
	ok = true;
out:
	free(ic);
	free(format);
	free(sender);
	free(receiver);
	free(schema);
	return ok;
}

/* Everything that needs no SQL: the header, the addressee, the sender's
 * enrolled key and signature, the file's name, decryption.  Returns the
 * inner database (sqlite3_malloc'd) or NULL with err set. */
static unsigned char *
unseal(struct store *s, const char *path, const unsigned char *data, size_t n, struct header *h,
    size_t *len, struct error *err)
{
	struct public_key from;
	const char *base;
	char expect[128];

	if (!parse_header(data, n, h, err))
		return NULL;
	if (strcmp(h->receiver, store_origin(s)) != 0) {
		error_set(err, _("This file is addressed to %s, not to this store (%s)."), h->receiver,
		    store_origin(s));
		return NULL;
	}
	if ((store_kind(s) == STORE_CENTER) != (strcmp(h->sender, "city") == 0)) {
		error_set(err, store_kind(s) == STORE_CENTER ?
		    _("This file comes from %s; a center takes files from the city only.") :
		    _("This file comes from %s; city hall takes files from centers only."),
		    h->sender);
		return NULL;
	}
	if (!keys_peer(s, h->sender, &from, NULL)) {
		error_set(err, _("This file comes from %s, whose key is not enrolled here; it is "
		    "refused."), h->sender);
		return NULL;
	}
	if (crypto_sign_verify_detached(data + n - SIG_BYTES, data, n - SIG_BYTES,
	    from.sign_pk) != 0) {
		error_set(err, _("This file's signature does not match %s's key: it is damaged or "
		    "forged."), h->sender);
		return NULL;
	}
	if (path != NULL) {
		base = strrchr(path, '/');
		base = base ? base + 1 : path;
		file_name(h->sender, h->receiver, h->created, expect, sizeof expect);
		if (strcmp(base, expect) != 0) {
			error_set(err, _("This file's name does not match what it holds (it should be "
			    "%s); was it renamed?"), expect);
			return NULL;
		}
	}
	return open_body(s, h, len, err);
}

/* Attaches the inner database as in; SQLite owns plain from here on. */
static bool
attach(struct store *s, const char *in, unsigned char *plain, size_t len, struct error *err)
{
	char sql[64];

	snprintf(sql, sizeof sql, "ATTACH ':memory:' AS %s", in);
	if (sqlite3_exec(store_db(s), sql, NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_free(plain);
		store_sql_error(s, _("Reading the file"), err);
		return false;
	}
	/* The plaintext stays in memory: SQLite reads it where it lies. */
	if (sqlite3_deserialize(store_db(s), in, plain, (sqlite3_int64)len, (sqlite3_int64)len,
	    SQLITE_DESERIALIZE_FREEONCLOSE) != SQLITE_OK) {
		snprintf(sql, sizeof sql, "DETACH %s", in);
		sqlite3_exec(store_db(s), sql, NULL, NULL, NULL);
		error_set(err, _("This file is damaged inside (not a database)."));
		return false;
	}
	return true;
}

static void
detach(struct store *s, const char *in)
{
	char sql[64];

	snprintf(sql, sizeof sql, "DETACH %s", in);
	sqlite3_exec(store_db(s), sql, NULL, NULL, NULL);
}

bool
sync_import_bytes(struct store *s, const struct actor *who, const char *path,
    const unsigned char *data, size_t n, struct sync_result *res,
    const struct sync_progress *p, struct error *err)
{
	struct header h;
	unsigned char *plain;
	size_t len = 0;
	bool ok;

	memset(res, 0, sizeof *res);
	progress(p, _("Checking the file"), 0, 1);
	if (!connection_idle(s, err))
		return false;
	plain = unseal(s, path, data, n, &h, &len, err);
	if (plain == NULL || !attach(s, "incoming", plain, len, err))
		return false;
	ok = apply_inner(s, "incoming", who, &h, path, res, p, err);
	detach(s, "incoming");
	return ok;
}

static bool
read_file(const char *path, struct buf *data, struct error *err)
{
	char chunk[65536];
	struct stat st;
	size_t got;
	FILE *f;
	bool ok;

	f = fopen(path, "rb");
	if (f == NULL) {
		error_set(err, _("Cannot read %s: %s"), path, strerror(errno));
		return false;
	}
	if (fstat(fileno(f), &st) == 0 && st.st_size > 0)
		buf_reserve(data, (size_t)st.st_size);
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(data, chunk, got);
	ok = !ferror(f);
	fclose(f);
	if (!ok) {
		error_set(err, _("Cannot read %s: %s"), path, strerror(errno));
		buf_free(data);
	}
	return ok;
}

bool
sync_import(struct store *s, const struct actor *who, const char *path, struct sync_result *res,
    const struct sync_progress *p, struct error *err)
{
	bool ok;

	sync_import_files(s, who, &path, 1, res, &ok, err, p);
	return ok;
}

/* One file of a batch, attached as incoming<k>; true when it was applied
 * (inside the batch's transaction, not yet committed). */
static bool
batch_one(struct store *s, const struct actor *who, const char *path, int k, bool *attached,
    struct sync_result *res, const struct sync_progress *p, struct error *err)
{
	struct buf data = {0};
	struct header h;
	unsigned char *plain;
	char in[24];
	size_t len = 0;

	memset(res, 0, sizeof *res);
	progress(p, _("Checking the file"), 0, 1);
	if (!read_file(path, &data, err))
		return false;
	plain = unseal(s, path, (const unsigned char *)buf_str(&data), data.len, &h, &len, err);
	buf_free(&data);
	snprintf(in, sizeof in, "incoming%d", k);
	if (plain == NULL || !attach(s, in, plain, len, err))
		return false;
	*attached = true;
	return apply_inner(s, in, who, &h, path, res, p, err);
}

void
sync_import_files(struct store *s, const struct actor *who, const char *const *paths, int n,
    struct sync_result *res, bool *ok, struct error *errs, const struct sync_progress *p)
{
	bool attached[SYNC_BATCH];
	struct error err;
	int first, last, i, applied;
	char in[24];

	for (first = 0; first < n; first = last) {
		last = first + SYNC_BATCH < n ? first + SYNC_BATCH : n;
		memset(attached, 0, sizeof attached);
		for (i = first; i < last; i++) {
			memset(&res[i], 0, sizeof res[i]);
			ok[i] = false;
		}
		if (!connection_idle(s, &err) || !store_begin(s, &err)) {
			for (i = first; i < last; i++)
				errs[i] = err;
			continue;
		}
		applied = 0;
		for (i = first; i < last; i++) {
			ok[i] = batch_one(s, who, paths[i], i - first, &attached[i - first], &res[i], p,
			    &errs[i]);
			applied += ok[i];
			/* An error that ends the whole transaction (a full disk) takes the
			 * batch's earlier files with it: they are refused too, and the
			 * files after it wait for the next batch. */
			if (sqlite3_get_autocommit(store_db(s))) {
				err = errs[i];
				for (int j = first; j < i; j++)
					if (ok[j]) {
						ok[j] = false;
						errs[j] = err;
					}
				applied = 0;
				last = i + 1;
				break;
			}
		}
		if (applied > 0) {
			if (!store_commit(s, &err))
				for (i = first; i < last; i++)
					if (ok[i]) {
						ok[i] = false;
						errs[i] = err;
					}
		} else
			store_rollback(s);
		for (i = 0; i < SYNC_BATCH; i++)
			if (attached[i]) {
				snprintf(in, sizeof in, "incoming%d", i);
				detach(s, in);
			}
	}
}

const char *const *
sync_owned_tables(enum store_kind k)
{
	return k == STORE_CITY ? city_tables : center_tables;
}
