/*
 * sync — see sync.h.  The month's exchange, end to end: export builds the
 * inner database from the store, seals it and writes it; import reads a
 * batch of files, opens and reads each as data before the store is locked,
 * then applies them in one transaction.  The file's outer format and crypto
 * are envelope.c's, writing it verified.c's, the inner tables bundle.c's,
 * reading them inner.c's and applying them merge.c's.
 */
#include "sync.h"

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

#include "base/buf.h"
#include "base/date.h"
#include "base/i18n.h"
#include "base/text.h"
#include "bundle.h"
#include "envelope.h"
#include "inner.h"
#include "keys.h"
#include "merge.h"
#include "store/audit.h"
#include "verified.h"

static bool
exec_sql(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
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

/* Copies the rows of t this store owns into the attached bundle (the city
 * sends a center its decisions on that center's applications, and every
 * programme), and counts them in bundle_meta. */
static bool
copy_table(struct store *s, const struct bundle_table *t, const char *peer)
{
	sqlite3 *db = store_db(s);
	struct buf sql = {0};
	sqlite3_stmt *st;
	bool ok;

	bundle_create_sql(t, &sql);
	ok = create_in_bundle(db, buf_str(&sql));
	buf_reset(&sql);
	buf_printf(&sql, "INSERT INTO bundle.\"%s\" (", t->kind->table);
	bundle_column_list(t, &sql);
	buf_adds(&sql, ") SELECT ");
	bundle_column_list(t, &sql);
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
	buf_free(&sql);
	return ok;
}

/* The bundle_meta rows that say what the file is: the receiver checks each. */
static bool
write_meta(struct store *s, const char *peer, const char *created)
{
	sqlite3_stmt *st;
	char format[16], schema[32];
	bool ok;

	if (sqlite3_prepare_v2(store_db(s), "INSERT INTO bundle.bundle_meta VALUES "
	    "('format', ?1), ('sender', ?2), ('receiver', ?3), ('created_at', ?4), "
	    "('schema_version', ?5)", -1, &st, NULL) != SQLITE_OK)
		return false;
	snprintf(format, sizeof format, "%d", SYNC_FORMAT);
	snprintf(schema, sizeof schema, "%d", store_schema_version());
	sqlite3_bind_text(st, 1, format, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, store_origin(s), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, peer, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, created, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, schema, -1, SQLITE_STATIC);
	ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_finalize(st);
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
	int n, i;
	bool ok;

	if (!connection_idle(s, err))
		return NULL;
	n = bundle_tables(store_kind(s) == STORE_CITY, &tables);
	ok = exec_sql(db, "ATTACH ':memory:' AS bundle") &&
	    create_in_bundle(db, BUNDLE_META_SQL);
	for (i = 0; ok && i < n; i++)
		ok = copy_table(s, &tables[i], peer);
	ok = ok && write_meta(s, peer, created);
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
		    _("The city's key is not registered here yet: an administrator registers it "
		    "from the key file city hall gives.") :
		    _("No center %s is enrolled here: city hall enrolls a center from its key "
		    "file."), peer);
		return false;
	}
	if (!keys_same_machine(s)) {
		error_set(err, _("This store was made on another machine (a copied kiosk?). "
		    "Check it is really %s's kiosk, then accept it: kyodo key --accept-machine."),
		    store_name(s));
		return false;
	}
	sync_progress_report(p, _("Collecting the records"), 0, 3);
	stamp(created);
	inner = build_inner(s, peer, created, &size, err);
	if (inner == NULL)
		return false;
	sync_progress_report(p, _("Encrypting and signing"), 1, 3);
	ok = envelope_seal(s, &to, SYNC_FORMAT, created, inner, (size_t)size, &file, err);
	sodium_memzero(inner, (size_t)size);
	sqlite3_free(inner);
	envelope_file_name(store_origin(s), peer, created, name, sizeof name);
	sync_progress_report(p, _("Writing and checking the file"), 2, 3);
	ok = ok && verified_write(dir, name, &file, path, err);
	buf_free(&file);
	if (ok) {
		sync_progress_report(p, _("Done"), 3, 3);
		snprintf(sum, sizeof sum, "%s → %s", name, peer);
		log_sync(s, "export", peer, name, created, 0, "ok");
		if (store_begin(s, NULL)) {
			audit_log(s, who, "export", NULL, NULL, sum, NULL);
			store_commit(s, NULL);
		}
	}
	return ok;
}

/* ---- import ---- */

/* Unseals data and reads its inner database into f (no store write, no
 * lock held). */
static bool
prepare(struct store *s, const char *path, const unsigned char *data, size_t n,
    struct merge_file *f, struct error *err)
{
	struct inner_expect x;
	struct envelope h;
	unsigned char *plain;
	size_t len = 0;

	memset(f, 0, sizeof *f);
	f->path = path;
	plain = envelope_open(s, path, data, n, SYNC_FORMAT, &h, &len, err);
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
	sync_progress_report(p, _("Checking the file"), 0, 1);
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
			sync_progress_report(p, _("Checking the file"), 0, 1);
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
