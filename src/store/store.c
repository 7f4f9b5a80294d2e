/*
 * store — see store.h.  The store file itself: opening (read-only when this
 * process cannot write it, and again writable once it can), creating it
 * with its identity, bringing its schema up to date, its settings,
 * transactions, and SQLite's errors said for people.  Checking and copying
 * a store whole is storecheck.c's.
 */
#include "store.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/date.h"
#include "base/i18n.h"
#include "base/machine.h"
#include "migrations.h"
#include "outfile.h"
#include "stmtcache.h"
#include "storelock.h"

#define BUSY_TIMEOUT_MS 15000
/* A schema number beyond any a kyodo could reach: one step a week for a
 * century is about 5,000. */
#define SCHEMA_VERSION_MAX 9999

struct store {
	sqlite3 *db;
	char *path;
	enum store_kind kind;
	char *code;
	char *name;
	int depth;		/* transactions open: the outer one, then savepoints */
	struct stmt_cache *cache;	/* made on the first store_prepare */
	bool readonly;		/* opened read-only: this process could not write it */
	struct storelock *lock;	/* held shared while open (storelock.h) */
	char *fault_full;	/* KYODO_FAULT_FULL's path, or NULL (fault_full) */
};

int
store_schema_version(void)
{
	return migrations_count;
}

/* A constraint the schema holds, said as what it means for the record:
 * SQLite's own text names tables and columns, not what a person typed. */
static void
constraint_error(int code, const char *doing, struct error *err)
{
	switch (code) {
	case SQLITE_CONSTRAINT_NOTNULL:
		error_set(err, _("%s: a value the record needs is missing."), doing);
		break;
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		error_set(err, _("%s: a record with the same name or number is already stored."),
		    doing);
		break;
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		error_set(err, _("%s: it names a record that is not in the store, or a record "
		    "other records still name."), doing);
		break;
	case SQLITE_CONSTRAINT_CHECK:
		error_set(err, _("%s: a value is outside what the store accepts."), doing);
		break;
	default:
		error_set(err, _("%s: the store refused the change as it breaks one of its "
		    "rules."), doing);
		break;
	}
}

void
store_sql_error(struct store *s, const char *doing, struct error *err)
{
	int code = sqlite3_extended_errcode(s->db);

	/* A trigger's RAISE carries a sentence kyodo's own schema wrote. */
	if (code == SQLITE_CONSTRAINT_TRIGGER)
		error_set(err, "%s: %s", doing, sqlite3_errmsg(s->db));
	else if ((code & 0xFF) == SQLITE_CONSTRAINT)
		constraint_error(code, doing, err);
	else if ((code & 0xFF) == SQLITE_FULL)
		error_set(err, _("%s: the disk is full."), doing);
	else if ((code & 0xFF) == SQLITE_READONLY)
		error_set(err, _("%s: the store cannot be written (read-only)."), doing);
	else if ((code & 0xFF) == SQLITE_BUSY)
		error_set(err, _("%s: the store is busy in another program; try again."), doing);
	else if ((code & 0xFF) == SQLITE_CORRUPT || (code & 0xFF) == SQLITE_NOTADB)
		error_set(err, _("%s: the store file is damaged; the daily backups can put it "
		    "back."), doing);
	else if ((code & 0xFF) == SQLITE_IOERR || (code & 0xFF) == SQLITE_CANTOPEN)
		error_set(err, _("%s: the store file could not be read or written."), doing);
	else
		error_set(err, _("%s: the store could not do it (SQLite error %d)."), doing, code);
}

int
store_prepare(struct store *s, const char *sql, sqlite3_stmt **st)
{
	if (s->cache == NULL)
		s->cache = stmt_cache_new(s->db);
	return stmt_cache_prepare(s->cache, sql, st);
}

int
store_done(struct store *s, sqlite3_stmt *st)
{
	return stmt_cache_done(s->cache, st);
}

long long
store_generation(struct store *s)
{
	sqlite3_stmt *st;
	long long v = -1;

	if (store_prepare(s, "PRAGMA data_version", &st) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	store_done(s, st);
	/* data_version moves with other connections' commits, the total of
	 * changed rows with this connection's own. */
	return v < 0 ? -1 : (v << 40) + sqlite3_total_changes64(s->db);
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

static bool writable_now(struct store *s, struct error *err);

/* A full disk, on demand: while the file named by KYODO_FAULT_FULL exists,
 * every write is refused as SQLite refuses one on a full disk.  Tests use
 * it to check that nothing typed is lost and that saving works again once
 * there is room.  The variable is read once, when the store is opened; the
 * file is looked for at each transaction, because tests/e2e/diskfull.sh
 * creates and removes it while the kiosk runs.  Without the variable (any
 * real kiosk) that is one pointer test, no getenv and no stat. */
static bool
fault_full(const struct store *s)
{
	struct stat st;

	return s->fault_full != NULL && stat(s->fault_full, &st) == 0;
}

/* The test switch's path, or NULL when it is not set (see fault_full). */
static char *
fault_full_path(void)
{
	const char *flag = getenv("KYODO_FAULT_FULL");

	return flag != NULL && *flag != '\0' ? xstrdup(flag) : NULL;
}

/* Transactions nest: inside one, begin makes a savepoint, so a unit of work
 * (a booking series, a check-in) can run alone or as part of a larger one
 * and still stand or fall whole. */
bool
store_begin(struct store *s, struct error *err)
{
	char sql[32];

	if (fault_full(s)) {
		error_set(err, _("%s: the disk is full."), _("Store"));
		return false;
	}
	if (s->depth > 0 && sqlite3_get_autocommit(s->db))
		s->depth = 0;	/* SQLite ended the transaction itself (an error) */
	if (s->depth == 0 && !writable_now(s, err))
		return false;
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

	assert(s->depth > 0);	/* every commit has its store_begin */
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

	if (store_prepare(s, "SELECT value FROM setting WHERE key = ?", &st) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	store_done(s, st);
	return v;
}

bool
store_set_setting(struct store *s, const char *key, const char *value, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	/* Alone (the kiosk's settings screen) it is a write of its own. */
	if (sqlite3_get_autocommit(s->db) && !writable_now(s, err))
		return false;
	if (store_prepare(s, "INSERT INTO setting (key, value) VALUES (?, ?) "
	    "ON CONFLICT (key) DO UPDATE SET value = excluded.value", &st) != SQLITE_OK) {
		store_sql_error(s, _("Saving a setting"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	store_done(s, st);
	if (rc != SQLITE_DONE) {
		store_sql_error(s, _("Saving a setting"), err);
		return false;
	}
	return true;
}

/* Opens the file without writing to it: a file that is not a kyodo store
 * must leave as it came (not even switched to WAL).  uri, when given, is
 * what SQLite opens (path with parameters); path is what messages name. */
static struct store *
connect(const char *path, const char *uri, int flags, struct error *err)
{
	struct store *s = xcalloc(1, sizeof *s);

	s->path = xstrdup(path);
	s->fault_full = fault_full_path();
	if (sqlite3_open_v2(uri != NULL ? uri : path, &s->db, flags, NULL) != SQLITE_OK) {
		error_set(err, _("Cannot open the store %s: %s"), path,
		    s->db ? sqlite3_errmsg(s->db) : "out of memory");
		store_close(s);
		return NULL;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	return s;
}

/* The kiosk's pragmas, once the file is known to be ours.  A read-only
 * connection keeps the file's journal mode: it could not change it. */
static bool
configure(struct store *s, struct error *err)
{
	if (s->readonly)
		return exec(s, "PRAGMA foreign_keys=ON", err);
	return exec(s, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; "
	    "PRAGMA synchronous=FULL", err);
}

/* A store this process cannot write (its file, or its folder where SQLite
 * makes the -wal and -shm files) is opened read-only.  With no -wal beside
 * it, it is opened immutable: SQLite then needs no -shm either, which it
 * could not make in a read-only folder and would leave behind in a
 * writable one.  A -wal beside it may hold changes not yet in the file, so
 * then it is opened read-only as usual and SQLite reads them through the
 * -shm (see sqlite.org/wal.html, "Read-Only Databases"). */
static struct store *
connect_readonly(const char *path, struct error *err)
{
	char side[PATH_MAX];
	struct buf uri = {0};
	struct stat st;
	struct store *s;
	const char *p;

	snprintf(side, sizeof side, "%s-wal", path);
	if (stat(side, &st) == 0) {
		s = connect(path, NULL, SQLITE_OPEN_READONLY, err);
	} else {
		/* An absolute path gets an empty authority (file:///…). */
		buf_adds(&uri, path[0] == '/' ? "file://" : "file:");
		for (p = path; *p != '\0'; p++) {
			unsigned char c = (unsigned char)*p;

			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9') || strchr("/-._~", c) != NULL)
				buf_addc(&uri, (char)c);
			else
				buf_printf(&uri, "%%%02X", c);
		}
		buf_adds(&uri, "?immutable=1");
		s = connect(path, buf_str(&uri), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, err);
		buf_free(&uri);
	}
	if (s != NULL)
		s->readonly = true;
	return s;
}

/* SQLite's answer when it may not write what it needs to read a WAL store:
 * the file or folder is read-only. */
static bool
refused_readonly(struct store *s)
{
	int code = sqlite3_extended_errcode(s->db) & 0xFF;

	return code == SQLITE_READONLY || code == SQLITE_CANTOPEN;
}

/* Reads the schema version; refuses a file that is not a kyodo store. */
static int
probe(struct store *s, struct error *err)
{
	sqlite3_stmt *st;
	sqlite3_int64 v = -1;
	int rc, tables = 0;

	rc = sqlite3_prepare_v2(s->db, "SELECT (SELECT user_version FROM pragma_user_version), "
	    "(SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'setting')",
	    -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = sqlite3_column_int64(st, 0);
		tables = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if ((rc & 0xFF) == SQLITE_NOTADB) {
		error_set(err, _("%s is not a kyodo store (not an SQLite database)."), s->path);
		return -1;
	}
	if (rc != SQLITE_ROW) {
		store_sql_error(s, s->path, err);
		return -1;
	}
	/* Read fine, but no kyodo ever wrote it (a negative number, or one far
	 * past any schema): SQLite has no error to tell here. */
	if (v < 0 || v > SCHEMA_VERSION_MAX) {
		error_set(err, _("%s is not a kyodo store (its schema number %lld is not one "
		    "kyodo makes)."), s->path, (long long)v);
		return -1;
	}
	if (v == 0 || tables == 0) {
		error_set(err, _("%s is not a kyodo store."), s->path);
		return -1;
	}
	if (v > migrations_count) {
		error_set(err, _("%s was made by a newer kyodo (schema %d; this kyodo knows "
		    "up to %d). Use the newer kyodo."), s->path, (int)v, migrations_count);
		return -1;
	}
	return (int)v;
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

/* Brings the schema up to date, only while no other process has the store
 * open: a migration may rewrite every table, under a kiosk that read them
 * with the old schema. */
static bool
update_schema(struct store *s, struct storelock *lock, int from, struct error *err)
{
	bool ok;

	if (!storelock_upgrade(lock, s->path, _("%s must be updated for this kyodo, but %s has "
	    "it open; close it there, then try again."), err))
		return false;
	ok = store_begin(s, err) && migrate(s, from, err) && store_commit(s, err);
	if (!ok)
		store_rollback(s);
	storelock_downgrade(lock);
	return ok;
}

/* store_open, with the store's lock held by the caller. */
static struct store *
open_locked(const char *path, struct storelock *lock, struct error *err)
{
	struct store *s;
	int v;

	s = connect(path, NULL, SQLITE_OPEN_READWRITE, err);
	if (s == NULL)
		return NULL;
	/* SQLite opens a file it cannot write read-only without a word. */
	if (sqlite3_db_readonly(s->db, "main") == 1) {
		store_close(s);
		s = connect_readonly(path, err);
		if (s == NULL)
			return NULL;
	}
	v = probe(s, err);
	if (v < 0 && !s->readonly && refused_readonly(s)) {
		/* The file can be written, its folder cannot. */
		store_close(s);
		s = connect_readonly(path, err);
		if (s == NULL)
			return NULL;
		v = probe(s, err);
	}
	if (v < 0 && s->readonly && refused_readonly(s))
		error_set(err, _("%s is read-only for this user, and the changes waiting beside "
		    "it (%s-wal) cannot be read."), path, path);
	if (v < 0 || !configure(s, err)) {
		store_close(s);
		return NULL;
	}
	if (v < migrations_count && s->readonly) {
		error_set(err, _("%s must be updated for this kyodo, but it is read-only."), path);
		store_close(s);
		return NULL;
	}
	if (v < migrations_count && !update_schema(s, lock, v, err)) {
		store_close(s);
		return NULL;
	}
	if (!load_identity(s, err)) {
		store_close(s);
		return NULL;
	}
	return s;
}

struct store *
store_open(const char *path, struct error *err)
{
	struct storelock *lock;
	struct store *s;
	struct stat st;

	if (stat(path, &st) != 0) {
		error_set(err, _("There is no store at %s (make one with: kyodo init)."), path);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		error_set(err, _("%s is not a kyodo store (not a file)."), path);
		return NULL;
	}
	/* Held for as long as the store is open: a restore waits for none. */
	lock = storelock_share(path, BUSY_TIMEOUT_MS, err);
	if (lock == NULL)
		return NULL;
	s = open_locked(path, lock, err);
	if (s == NULL) {
		storelock_release(lock);
		return NULL;
	}
	s->lock = lock;
	return s;
}

/* A store opened read-only is opened again for writing once its file can
 * be written, so the kiosk (which runs all day) saves on the next F2
 * without a restart.  Only a connection with nothing else on it can be
 * replaced: no statement running, none open outside the statement cache
 * (whose idle statements go with the old connection: a write begins with
 * none of them taken), no other database attached. */
static bool
reopen_writable(struct store *s)
{
	struct store *n;
	struct error ignored;
	sqlite3_stmt *st;
	char *code;
	bool alone = false, same = false;

	if (stmt_cache_taken(s->cache) > 0)
		return false;
	for (st = sqlite3_next_stmt(s->db, NULL); st != NULL; st = sqlite3_next_stmt(s->db, st))
		if (sqlite3_stmt_busy(st))
			return false;
	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM pragma_database_list "
	    "WHERE name NOT IN ('main', 'temp')", -1, &st, NULL) == SQLITE_OK) {
		alone = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 0;
		sqlite3_finalize(st);
	}
	if (!alone)
		return false;
	n = connect(s->path, NULL, SQLITE_OPEN_READWRITE, &ignored);
	if (n == NULL)
		return false;
	if (sqlite3_db_readonly(n->db, "main") == 0 && probe(n, &ignored) == migrations_count &&
	    configure(n, &ignored)) {
		code = store_setting(n, "code");
		same = code != NULL && strcmp(code, s->code) == 0;
		free(code);
	}
	if (same) {
		stmt_cache_free(s->cache);
		s->cache = NULL;
		same = sqlite3_next_stmt(s->db, NULL) == NULL;
	}
	if (same) {
		sqlite3_close(s->db);
		s->db = n->db;
		s->cache = n->cache;
		n->db = NULL;
		n->cache = NULL;
		s->readonly = false;
	}
	store_close(n);
	return same;
}

/* Before each write.  A store made read-only while open is not written
 * either, though SQLite still could through the file it holds open: the
 * file's permission says what may be done to the store, now. */
static bool
writable_now(struct store *s, struct error *err)
{
	const char *file = sqlite3_db_filename(s->db, "main");

	if (s->readonly ? reopen_writable(s) :
	    file == NULL || *file == '\0' || faccessat(AT_FDCWD, file, W_OK, AT_EACCESS) == 0 ||
	    (errno != EACCES && errno != EPERM && errno != EROFS))
		return true;
	/* What is wrong comes first: the kiosk's message line may cut a long path. */
	error_set(err, _("The store cannot be written (read-only): %s"), s->path);
	return false;
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

/* The store's key pairs (signing, and opening files sealed to it) and the
 * machine it was made on, in the creating transaction: a store is born
 * with its identity. */
static bool
create_identity(struct store *s, struct error *err)
{
	unsigned char spk[crypto_sign_PUBLICKEYBYTES], ssk[crypto_sign_SECRETKEYBYTES];
	unsigned char bpk[crypto_box_PUBLICKEYBYTES], bsk[crypto_box_SECRETKEYBYTES];
	char machine[256];
	sqlite3_stmt *st;
	int rc;

	crypto_sign_keypair(spk, ssk);
	crypto_box_keypair(bpk, bsk);
	machine_id(machine, sizeof machine);
	if (sqlite3_prepare_v2(store_db(s), "INSERT INTO identity (id, sign_pk, sign_sk, box_pk, "
	    "box_sk, machine) VALUES (1, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK) {
		store_sql_error(s, _("Making the keys"), err);
		return false;
	}
	sqlite3_bind_blob(st, 1, spk, sizeof spk, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, ssk, sizeof ssk, SQLITE_STATIC);
	sqlite3_bind_blob(st, 3, bpk, sizeof bpk, SQLITE_STATIC);
	sqlite3_bind_blob(st, 4, bsk, sizeof bsk, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, machine, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	sodium_memzero(ssk, sizeof ssk);
	sodium_memzero(bsk, sizeof bsk);
	if (rc != SQLITE_DONE) {
		store_sql_error(s, _("Making the keys"), err);
		return false;
	}
	return true;
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
	s = connect(path, NULL, SQLITE_OPEN_READWRITE, err);
	if (s != NULL && (s->lock = storelock_share(path, 0, err)) == NULL) {
		store_close(s);
		remove_store_files(path);
		return NULL;
	}
	/* City hall's store takes every center's records in bulk: with 64 KiB
	 * pages its B-trees are shallower and a merge writes fewer, larger
	 * pages (the first import of 34 ten-year centers: 27 s -> 19.5 s).  A
	 * center writes one record at a time and keeps SQLite's 4 KiB. */
	if (s != NULL && kind == STORE_CITY && !exec(s, "PRAGMA page_size = 65536", err)) {
		store_close(s);
		remove_store_files(path);
		return NULL;
	}
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
	    !store_set_setting(s, "created_at", now, err) || !create_identity(s, err) ||
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
	stmt_cache_free(s->cache);
	sqlite3_close(s->db);
	/* After SQLite's close: letting go closes a descriptor of the file. */
	storelock_release(s->lock);
	free(s->path);
	free(s->fault_full);
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
