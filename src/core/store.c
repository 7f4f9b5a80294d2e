/* store — see store.h. */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "date.h"
#include "i18n.h"
#include "keys.h"
#include "migrations.h"

#define BUSY_TIMEOUT_MS 15000

struct store {
	sqlite3 *db;
	char *path;
	enum store_kind kind;
	char *code;
	char *name;
	int depth;		/* transactions open: the outer one, then savepoints */
};

int
store_schema_version(void)
{
	return migrations_count;
}

void
store_sql_error(struct store *s, const char *doing, struct error *err)
{
	int code = sqlite3_extended_errcode(s->db);

	if ((code & 0xFF) == SQLITE_FULL)
		error_set(err, _("%s: the disk is full."), doing);
	else if ((code & 0xFF) == SQLITE_READONLY)
		error_set(err, _("%s: the store cannot be written (read-only)."), doing);
	else if ((code & 0xFF) == SQLITE_BUSY)
		error_set(err, _("%s: the store is busy in another program; try again."), doing);
	else
		error_set(err, "%s: %s", doing, sqlite3_errmsg(s->db));
}

bool
store_code_valid(const char *code)
{
	size_t n = strlen(code), i;

	if (n < 2 || n > 16 || code[0] < 'a' || code[0] > 'z' || strcmp(code, "city") == 0)
		return false;
	for (i = 0; i < n; i++)
		if (!((code[i] >= 'a' && code[i] <= 'z') ||
		    (code[i] >= '0' && code[i] <= '9') || code[i] == '-'))
			return false;
	return true;
}

static bool
exec(struct store *s, const char *sql, struct error *err)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		store_sql_error(s, _("Store"), err);
		return false;
	}
	return true;
}

/* A full disk, on demand: while the file named by KYODO_FAULT_FULL exists,
 * every write is refused as SQLite refuses one on a full disk.  Tests use
 * it to check that nothing typed is lost and that saving works again once
 * there is room. */
static bool
fault_full(void)
{
	const char *flag = getenv("KYODO_FAULT_FULL");
	struct stat st;

	return flag != NULL && *flag != '\0' && stat(flag, &st) == 0;
}

/* Transactions nest: inside one, begin makes a savepoint, so a unit of work
 * (a booking series, a check-in) can run alone or as part of a larger one
 * and still stand or fall whole. */
bool
store_begin(struct store *s, struct error *err)
{
	char sql[32];

	if (fault_full()) {
		error_set(err, _("%s: the disk is full."), _("Store"));
		return false;
	}
	if (s->depth > 0 && sqlite3_get_autocommit(s->db))
		s->depth = 0;	/* SQLite ended the transaction itself (an error) */
	if (s->depth == 0) {
		if (!exec(s, "BEGIN IMMEDIATE", err))
			return false;
	} else {
		snprintf(sql, sizeof sql, "SAVEPOINT kyodo%d", s->depth);
		if (!exec(s, sql, err))
			return false;
	}
	s->depth++;
	return true;
}

bool
store_commit(struct store *s, struct error *err)
{
	char sql[32];
	bool ok;

	if (s->depth <= 1) {
		ok = exec(s, "COMMIT", err);
		if (ok)
			s->depth = 0;
	} else {
		snprintf(sql, sizeof sql, "RELEASE kyodo%d", s->depth - 1);
		ok = exec(s, sql, err);
		if (ok)
			s->depth--;
	}
	if (!ok)
		store_rollback(s);
	return ok;
}

void
store_rollback(struct store *s)
{
	char sql[64];

	if (sqlite3_get_autocommit(s->db)) {
		s->depth = 0;
		return;
	}
	if (s->depth <= 1) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		s->depth = 0;
		return;
	}
	snprintf(sql, sizeof sql, "ROLLBACK TO kyodo%d; RELEASE kyodo%d", s->depth - 1,
	    s->depth - 1);
	sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	s->depth--;
}

/* Applies the steps past the store's version; the caller holds a transaction,
 * so a failing step leaves the store as it was. */
static bool
migrate(struct store *s, int from, struct error *err)
{
	char sql[64];
	int i;

	for (i = from; i < migrations_count; i++) {
		if (sqlite3_exec(s->db, migrations[i].sql, NULL, NULL, NULL) != SQLITE_OK) {
			error_set(err, _("Schema step %s failed: %s"), migrations[i].name,
			    sqlite3_errmsg(s->db));
			return false;
		}
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", migrations_count);
	return exec(s, sql, err);
}

char *
store_setting(struct store *s, const char *key)
{
	sqlite3_stmt *st;
	char *v = NULL;

	if (sqlite3_prepare_v2(s->db, "SELECT value FROM setting WHERE key = ?", -1,
	    &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

bool
store_set_setting(struct store *s, const char *key, const char *value, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, "INSERT INTO setting (key, value) VALUES (?, ?) "
	    "ON CONFLICT (key) DO UPDATE SET value = excluded.value", -1, &st, NULL) != SQLITE_OK) {
		store_sql_error(s, _("Saving a setting"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_sql_error(s, _("Saving a setting"), err);
		return false;
	}
	return true;
}

/* Opens the file without writing to it: a file that is not a kyodo store
 * must leave as it came (not even switched to WAL). */
static struct store *
connect(const char *path, int flags, struct error *err)
{
	struct store *s = xcalloc(1, sizeof *s);

	s->path = xstrdup(path);
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		error_set(err, _("Cannot open the store %s: %s"), path,
		    s->db ? sqlite3_errmsg(s->db) : "out of memory");
		store_close(s);
		return NULL;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	return s;
}

/* The kiosk's pragmas, once the file is known to be ours. */
static bool
configure(struct store *s, struct error *err)
{
	return exec(s, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; "
	    "PRAGMA synchronous=FULL", err);
}

/* Reads the schema version; refuses a file that is not a kyodo store. */
static int
probe(struct store *s, struct error *err)
{
	sqlite3_stmt *st;
	int v = -1, rc, tables = 0;

	rc = sqlite3_prepare_v2(s->db, "SELECT (SELECT user_version FROM pragma_user_version), "
	    "(SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'setting')",
	    -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = sqlite3_column_int(st, 0);
		tables = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if ((rc & 0xFF) == SQLITE_NOTADB) {
		error_set(err, _("%s is not a kyodo store (not an SQLite database)."), s->path);
		return -1;
	}
	if (v < 0) {
		store_sql_error(s, s->path, err);
		return -1;
	}
	if (v == 0 || tables == 0) {
		error_set(err, _("%s is not a kyodo store."), s->path);
		return -1;
	}
	if (v > migrations_count) {
		error_set(err, _("%s was made by a newer kyodo (schema %d; this kyodo knows "
		    "up to %d). Use the newer kyodo."), s->path, v, migrations_count);
		return -1;
	}
	return v;
}

static bool
load_identity(struct store *s, struct error *err)
{
	char *kind = store_setting(s, "kind");

	s->code = store_setting(s, "code");
	s->name = store_setting(s, "name");
	if (kind == NULL || s->code == NULL || s->name == NULL) {
		free(kind);
		error_set(err, _("%s is not a kyodo store (it has no center settings)."), s->path);
		return false;
	}
	s->kind = strcmp(kind, "city") == 0 ? STORE_CITY : STORE_CENTER;
	free(kind);
	return true;
}

struct store *
store_open(const char *path, struct error *err)
{
	struct store *s;
	struct stat st;
	int v;

	if (stat(path, &st) != 0) {
		error_set(err, _("There is no store at %s (make one with: kyodo init)."), path);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		error_set(err, _("%s is not a kyodo store (not a file)."), path);
		return NULL;
	}
	s = connect(path, SQLITE_OPEN_READWRITE, err);
	if (s == NULL)
		return NULL;
	v = probe(s, err);
	if (v < 0 || !configure(s, err)) {
		store_close(s);
		return NULL;
	}
	if (v < migrations_count) {
		if (!store_begin(s, err) || !migrate(s, v, err) || !store_commit(s, err)) {
			store_rollback(s);
			store_close(s);
			return NULL;
		}
	}
	if (!load_identity(s, err)) {
		store_close(s);
		return NULL;
	}
	return s;
}

static void
remove_store_files(const char *path)
{
	char side[PATH_MAX];

	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

struct store *
store_create(const char *path, enum store_kind kind, const char *code,
    const char *name, struct error *err)
{
	unsigned char id[16];
	char hex[33], now[32];
	struct store *s;
	int fd;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			error_set(err, _("%s already exists; kyodo will not overwrite a store."), path);
		else
			error_set(err, _("Cannot create %s: %s"), path, strerror(errno));
		return NULL;
	}
	close(fd);
	s = connect(path, SQLITE_OPEN_READWRITE, err);
	if (s == NULL || !configure(s, err)) {
		store_close(s);
		remove_store_files(path);
		return NULL;
	}
	randombytes_buf(id, sizeof id);
	sodium_bin2hex(hex, sizeof hex, id, sizeof id);
	date_now_utc(now);
	if (!store_begin(s, err) || !migrate(s, 0, err) ||
	    !store_set_setting(s, "kind", kind == STORE_CITY ? "city" : "center", err) ||
	    !store_set_setting(s, "code", kind == STORE_CITY ? "city" : code, err) ||
	    !store_set_setting(s, "name", name, err) ||
	    !store_set_setting(s, "store_id", hex, err) ||
	    !store_set_setting(s, "created_at", now, err) || !keys_create(s, err) ||
	    !store_commit(s, err) || !load_identity(s, err)) {
		store_rollback(s);
		store_close(s);
		remove_store_files(path);
		return NULL;
	}
	return s;
}

void
store_close(struct store *s)
{
	if (s == NULL)
		return;
	sqlite3_close(s->db);
	free(s->path);
	free(s->code);
	free(s->name);
	free(s);
}

sqlite3 *
store_db(struct store *s)
{
	return s->db;
}

const char *
store_path(const struct store *s)
{
	return s->path;
}

enum store_kind
store_kind(const struct store *s)
{
	return s->kind;
}

const char *
store_origin(const struct store *s)
{
	return s->code;
}

const char *
store_name(const struct store *s)
{
	return s->name;
}

static int
run_check(sqlite3 *db, const char *sql, bool ok_row, void (*report)(void *, const char *),
    void *ctx, struct error *err)
{
	sqlite3_stmt *st;
	struct buf line = {0};
	int rc, problems = 0, i;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		error_set(err, "%s", sqlite3_errmsg(db));
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *first = (const char *)sqlite3_column_text(st, 0);

		if (ok_row && first != NULL && strcmp(first, "ok") == 0)
			continue;
		buf_reset(&line);
		for (i = 0; i < sqlite3_column_count(st); i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);
			buf_printf(&line, "%s%s", i ? " " : "", v ? v : "-");
		}
		if (report != NULL)
			report(ctx, buf_str(&line));
		problems++;
	}
	buf_free(&line);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		error_set(err, "%s", sqlite3_errmsg(db));
		return -1;
	}
	return problems;
}

int
store_check(struct store *s, void (*report)(void *ctx, const char *problem), void *ctx,
    struct error *err)
{
	int a, b;

	a = run_check(s->db, "PRAGMA integrity_check", true, report, ctx, err);
	if (a < 0)
		return -1;
	b = run_check(s->db, "PRAGMA foreign_key_check", false, report, ctx, err);
	if (b < 0)
		return -1;
	return a + b;
}

static bool
fsync_path(const char *path, bool dir)
{
	int fd = open(path, dir ? O_RDONLY | O_DIRECTORY : O_RDONLY);
	bool ok;

	if (fd < 0)
		return false;
	ok = fsync(fd) == 0;
	close(fd);
	return ok;
}

bool
store_backup(struct store *s, const char *path, struct error *err)
{
	char tmp[PATH_MAX], dir[PATH_MAX];
	sqlite3 *dst = NULL;
	sqlite3_backup *bk;
	struct stat st;
	int rc, fd, problems;

	if (stat(path, &st) == 0) {
		error_set(err, _("%s already exists; choose another name for the backup."), path);
		return false;
	}
	snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		error_set(err, _("Cannot write the backup %s: %s"), path, strerror(errno));
		return false;
	}
	close(fd);
	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		goto fail;
	bk = sqlite3_backup_init(dst, "main", s->db, "main");
	if (bk == NULL)
		goto fail;
	do {
		rc = sqlite3_backup_step(bk, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(bk);
	if (rc != SQLITE_DONE)
		goto fail;
	/* A single file is easier to carry: leave the copy in rollback mode. */
	if (sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	{
		struct store copy = { .db = dst, .path = tmp };

		problems = store_check(&copy, NULL, NULL, err);
		if (problems != 0) {
			if (problems > 0)
				error_set(err, _("The backup copy failed its integrity check."));
			sqlite3_close(dst);
			unlink(tmp);
			return false;
		}
	}
	sqlite3_close(dst);
	dst = NULL;
	if (!fsync_path(tmp, false) || link(tmp, path) != 0)
		goto fail_errno;
	unlink(tmp);
	snprintf(dir, sizeof dir, "%s", path);
	fsync_path(dirname(dir), true);
	return true;
fail:
	error_set(err, _("Cannot write the backup %s: %s"), path,
	    dst ? sqlite3_errmsg(dst) : sqlite3_errmsg(s->db));
	sqlite3_close(dst);
	unlink(tmp);
	return false;
fail_errno:
	error_set(err, _("Cannot write the backup %s: %s"), path, strerror(errno));
	unlink(tmp);
	return false;
}
