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

#include "store/audit.h"
#include "base/buf.h"
#include "bundle.h"
#include "base/date.h"
#include "base/i18n.h"
#include "inner.h"
#include "keys.h"
#include "merge.h"
#include "store/outfile.h"
#include "base/text.h"

#define MAGIC "KYODOSYN"
#define CHUNK 65536
#define SIG_BYTES crypto_sign_BYTES
#define KEY_BYTES crypto_secretstream_xchacha20poly1305_KEYBYTES
#define SEALED_BYTES (crypto_box_SEALBYTES + KEY_BYTES)
#define STREAM_HEADER crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define ABYTES crypto_secretstream_xchacha20poly1305_ABYTES

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

/* Runs create, a "CREATE TABLE "t" (…)" of bundle.h, in the attached bundle
 * (SQLite keeps the text without the "bundle." in the file). */
static bool
create_in_bundle(sqlite3 *db, const char *create)
{
	struct buf sql = {0};
	bool ok;

	buf_printf(&sql, "CREATE TABLE bundle.%s", create + strlen("CREATE TABLE "));
	ok = exec_sql(db, buf_str(&sql));
	buf_free(&sql);
	return ok;
}

/* Builds the inner database in memory, from the store's own connection, and
 * returns it serialized (sqlite3_malloc'd).  Its tables are
 * bundle_create_sql()'s, which the receiver checks to the letter. */
static unsigned char *
build_inner(struct store *s, const char *peer, const char *created, sqlite3_int64 *size,
    struct error *err)
{
	sqlite3 *db = store_db(s);
	const struct bundle_table *tables;
	unsigned char *data = NULL;
	struct buf sql = {0};
	sqlite3_stmt *st;
	char num[32];
	int n, i;
	bool ok;

	if (!connection_idle(s, err))
		return NULL;
	n = bundle_tables(store_kind(s) == STORE_CITY, &tables);
	ok = exec_sql(db, "ATTACH ':memory:' AS bundle") &&
	    create_in_bundle(db, BUNDLE_META_SQL);
	for (i = 0; ok && i < n; i++) {
		const struct bundle_table *t = &tables[i];

		buf_reset(&sql);
		bundle_create_sql(t, &sql);
		ok = create_in_bundle(db, buf_str(&sql));
		buf_reset(&sql);
		buf_printf(&sql, "INSERT INTO bundle.\"%s\" (", t->kind->table);
		bundle_column_list(t, &sql);
		buf_adds(&sql, ") SELECT ");
		bundle_column_list(t, &sql);
		/* The city sends a center its decisions on that center's
		 * applications, and every programme. */
		if (kind_field(t->kind, "center") >= 0 && store_kind(s) == STORE_CITY)
			buf_printf(&sql, " FROM main.\"%s\" WHERE origin = ?2 AND center = ?1",
			    t->kind->table);
		else
			buf_printf(&sql, " FROM main.\"%s\" WHERE origin = ?2", t->kind->table);
		ok = ok && sqlite3_prepare_v2(db, buf_str(&sql), -1, &st, NULL) == SQLITE_OK;
		if (ok) {
			sqlite3_bind_text(st, 1, peer, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, store_origin(s), -1, SQLITE_STATIC);
			ok = sqlite3_step(st) == SQLITE_DONE;
			sqlite3_finalize(st);
		}
		buf_reset(&sql);
		buf_printf(&sql, "INSERT INTO bundle.bundle_meta VALUES ('rows_%s', "
		    "(SELECT CAST(count(*) AS TEXT) FROM bundle.\"%s\"))", t->kind->table,
		    t->kind->table);
		ok = ok && exec_sql(db, buf_str(&sql));
	}
	buf_free(&sql);
	snprintf(num, sizeof num, "%d", store_schema_version());
	ok = ok && sqlite3_prepare_v2(db, "INSERT INTO bundle.bundle_meta VALUES ('format', ?1), "
	    "('sender', ?2), ('receiver', ?3), ('created_at', ?4), ('schema_version', ?5)", -1,
	    &st, NULL) == SQLITE_OK;
	if (ok) {
		char format[16];

		snprintf(format, sizeof format, "%d", SYNC_FORMAT);
		sqlite3_bind_text(st, 1, format, -1, SQLITE_TRANSIENT);
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
	/* Nothing there, not even a link: a file is never written over or
	 * through one (outfile.h). */
	if (!outfile_check(final, 0, err))
		return false;
	remove_parts(dir, name);	/* left by earlier writes that were cut off */
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);
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
	if (!outfile_rename_new(tmp, final))
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
log_sync(struct store *s, const char *direction, const char *peer, const char *file,
    const char *created, long rows, const char *result)
{
	sqlite3_stmt *st;
	char now[21];

	date_now_utc(now);
	if (sqlite3_prepare_v2(store_db(s), "INSERT INTO sync_log (at, direction, peer, file, "
	    "rows, result, created) VALUES (?, ?, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, direction, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, peer, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, file, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, rows);
	sqlite3_bind_text(st, 6, result, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, created, -1, SQLITE_STATIC);
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
		log_sync(s, "export", peer, name, created, 0, "ok");
		if (store_begin(s, NULL)) {
			audit_log(s, who, "export", NULL, NULL, sum, NULL);
			store_commit(s, NULL);
		}
	}
	return ok;
}

/* ---- reading ---- */

struct header {
	uint32_t format;
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
	return strlen(out) == len && valid_code(out);
}

/* The header as this format lays it out; the format number itself is
 * judged only once the signature has shown who wrote it. */
static bool
parse_header(const unsigned char *d, size_t n, struct header *h, struct error *err)
{
	const unsigned char *p = d + 12, *end = d + n - SIG_BYTES;
	int i;

	if (n < 12 + SIG_BYTES || memcmp(d, MAGIC, 8) != 0) {
		error_set(err, _("This is not a kyodo sync file."));
		return false;
	}
	h->format = get_u32(d + 8);
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
	if (plain == NULL) {
		error_set(err, _("There is not enough memory to open this file."));
		return NULL;
	}
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

/* Everything that needs no SQL: the header, the addressee, the sender's
 * enrolled key and signature, the format, the file's name, decryption.
 * Returns the inner database (sqlite3_malloc'd) or NULL with err set. */
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
	/* Signed by the sender's own key: a format other than ours is a kyodo
	 * of another version, not damage. */
	if (h->format > SYNC_FORMAT) {
		error_set(err, _("This file was made by a newer version of kyodo; update kyodo "
		    "here to read it."));
		return NULL;
	}
	if (h->format != SYNC_FORMAT) {
		error_set(err, _("This file was made by an older version of kyodo; update kyodo "
		    "at %s and make the file again."), h->sender);
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

/* Unseals data and reads its inner database into f (no store write, no
 * lock held). */
static bool
prepare(struct store *s, const char *path, const unsigned char *data, size_t n,
    struct merge_file *f, struct error *err)
{
	struct inner_expect x;
	struct header h;
	unsigned char *plain;
	size_t len = 0;

	memset(f, 0, sizeof *f);
	f->path = path;
	plain = unseal(s, path, data, n, &h, &len, err);
	if (plain == NULL)
		return false;
	snprintf(f->sender, sizeof f->sender, "%s", h.sender);
	snprintf(f->receiver, sizeof f->receiver, "%s", h.receiver);
	snprintf(f->created, sizeof f->created, "%s", h.created);
	x.sender = h.sender;
	x.receiver = h.receiver;
	x.created = h.created;
	x.format = SYNC_FORMAT;
	x.schema_max = store_schema_version();
	return inner_read(plain, len, &x, &f->in, err);
}

/* Reads a whole file, refusing anything but a regular file of at most
 * SYNC_FILE_MAX bytes before reading a byte of it. */
static bool
read_file(const char *path, struct buf *data, struct error *err)
{
	char *shown = text_visible(path);
	struct stat st;
	size_t off = 0;
	ssize_t got;
	int fd;
	bool ok = false;

	fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		error_set(err, _("Cannot read %s: %s"), shown, strerror(errno));
		goto out;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		error_set(err, _("%s is not a file kyodo can read."), shown);
		goto out;
	}
	if (st.st_size > SYNC_FILE_MAX) {
		error_set(err, _("%s is %lld MB; a kyodo file is never larger than %ld MB, so it is "
		    "refused unread."), shown, (long long)(st.st_size / (1024 * 1024)),
		    SYNC_FILE_MAX / (1024 * 1024));
		goto out;
	}
	buf_reserve(data, (size_t)st.st_size + 1);
	while (off < (size_t)st.st_size + 1) {
		got = read(fd, data->data + off, (size_t)st.st_size + 1 - off);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			error_set(err, _("Cannot read %s: %s"), shown, strerror(errno));
			goto out;
		}
		if (got == 0)
			break;
		off += (size_t)got;
	}
	if (off != (size_t)st.st_size) {
		error_set(err, _("%s changed while it was read; try again."), shown);
		goto out;
	}
	data->len = off;
	ok = true;
out:
	if (fd >= 0)
		close(fd);
	if (!ok)
		buf_free(data);
	free(shown);
	return ok;
}

bool
sync_import_bytes(struct store *s, const struct actor *who, const char *path,
    const unsigned char *data, size_t n, struct sync_result *res,
    const struct sync_progress *p, struct error *err)
{
	struct merge_file f;
	bool ok;

	memset(res, 0, sizeof *res);
	progress(p, _("Checking the file"), 0, 1);
	if (!prepare(s, path, data, n, &f, err))
		return false;
	ok = connection_idle(s, err) && store_begin(s, err);
	if (ok) {
		ok = merge_apply(s, who, &f, res, p, err);
		if (ok)
			ok = store_commit(s, err);
		else
			store_rollback(s);
	}
	inner_free(&f.in);
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

/* Applies the prepared files of a batch in one transaction, each in a
 * savepoint of its own. */
static void
apply_batch(struct store *s, const struct actor *who, struct merge_file *f, int n,
    struct sync_result *res, bool *ok, struct error *errs, const struct sync_progress *p)
{
	struct error err;
	int i, applied = 0;

	if (!connection_idle(s, &err) || !store_begin(s, &err)) {
		for (i = 0; i < n; i++)
			if (ok[i]) {
				ok[i] = false;
				errs[i] = err;
			}
		return;
	}
	for (i = 0; i < n; i++) {
		if (!ok[i])
			continue;
		ok[i] = merge_apply(s, who, &f[i], &res[i], p, &errs[i]);
		applied += ok[i];
		/* An error that ends the whole transaction (a full disk) takes the
		 * batch's earlier files with it, and the later ones too. */
		if (sqlite3_get_autocommit(store_db(s))) {
			err = errs[i];
			for (int j = 0; j < n; j++)
				if (j != i && (ok[j] || j > i)) {
					ok[j] = false;
					errs[j] = err;
				}
			return;
		}
	}
	if (applied > 0) {
		if (!store_commit(s, &err))
			for (i = 0; i < n; i++)
				if (ok[i]) {
					ok[i] = false;
					errs[i] = err;
				}
	} else
		store_rollback(s);
}

void
sync_import_files(struct store *s, const struct actor *who, const char *const *paths, int n,
    struct sync_result *res, bool *ok, struct error *errs, const struct sync_progress *p)
{
	struct merge_file *f = xcalloc(SYNC_BATCH, sizeof *f);
	struct buf data = {0};
	int first, last, i;
	size_t bytes;

	/* merge.c stages rows in temporary tables: memory, not a file. */
	sqlite3_exec(store_db(s), "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
	for (first = 0; first < n; first = last) {
		/* Read and check a batch's files before the store is locked. */
		bytes = 0;
		for (last = first; last < n && last - first < SYNC_BATCH &&
		    bytes < SYNC_BATCH_BYTES; last++) {
			i = last - first;
			memset(&res[last], 0, sizeof res[last]);
			error_clear(&errs[last]);
			progress(p, _("Checking the file"), 0, 1);
			ok[last] = read_file(paths[last], &data, &errs[last]) &&
			    prepare(s, paths[last], (const unsigned char *)data.data, data.len, &f[i],
			    &errs[last]);
			bytes += data.len;
			buf_free(&data);
		}
		apply_batch(s, who, f, last - first, res + first, ok + first, errs + first, p);
		for (i = 0; i < last - first; i++)
			inner_free(&f[i].in);
	}
	free(f);
}
