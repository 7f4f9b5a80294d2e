/*
 * store — the kiosk's SQLite file: opening, creating, schema migrations,
 * settings, transactions (store.c), integrity checks and online backup
 * (storecheck.c), one statement run whole (storerun.c).
 *
 * Every store runs with WAL, foreign keys on and synchronous=FULL (the kiosk
 * is switched off at the wall) and waits for another process's lock rather
 * than failing.  A store made by a newer kyodo is refused.
 */
#ifndef KYODO_STORE_H
#define KYODO_STORE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "base/error.h"

struct store;

enum store_kind { STORE_CENTER, STORE_CITY };

/* Opens an existing store and brings its schema up to date.  On failure
 * returns NULL with the reason in err. */
struct store *store_open(const char *path, struct error *err);
/* Creates a new store file (mode 0600; refused if path exists) for a center
 * (code and name) or for city hall (code is then "city"). */
struct store *store_create(const char *path, enum store_kind kind,
    const char *code, const char *name, struct error *err);
void store_close(struct store *s);

sqlite3 *store_db(struct store *s);
/* sqlite3_prepare_v2 through the store's statement cache (stmtcache.h):
 * give the statement back with store_done, not sqlite3_finalize. */
int store_prepare(struct store *s, const char *sql, sqlite3_stmt **st);
int store_done(struct store *s, sqlite3_stmt *st);
/* A number that changes whenever the store's content may have (a write on
 * this connection or a commit on another): a screen showing what it read
 * need not read again while it stays the same.  -1 when unknown. */
long long store_generation(struct store *s);
const char *store_path(const struct store *s);
enum store_kind store_kind(const struct store *s);
/* The origin of rows written here: the center code, or "city". */
const char *store_origin(const struct store *s);
/* The center's (or city hall's) display name. */
const char *store_name(const struct store *s);
/* The schema version this binary knows. */
int store_schema_version(void);

/* A center code: 2–16 of a-z, 0-9 and '-', starting with a letter; not "city". */
bool store_code_valid(const char *code);

/* Transactions.  begin takes the write lock at once (BEGIN IMMEDIATE). */
bool store_begin(struct store *s, struct error *err);
bool store_commit(struct store *s, struct error *err);
void store_rollback(struct store *s);

/* Settings are key/value text.  get returns a malloc'd copy or NULL. */
char *store_setting(struct store *s, const char *key);
bool store_set_setting(struct store *s, const char *key, const char *value,
    struct error *err);

/* Runs integrity_check and foreign_key_check; each problem found is passed
 * to report.  Returns the number of problems, or -1 if the check itself
 * could not run (err says why). */
int store_check(struct store *s, void (*report)(void *ctx, const char *problem),
    void *ctx, struct error *err);
/* Copies the live store to path with the online backup API (path must not
 * exist; written as a temp file, then renamed). */
bool store_backup(struct store *s, const char *path, struct error *err);

/* Sets err to the store's last SQLite error, prefixed by what was being done. */
void store_sql_error(struct store *s, const char *doing, struct error *err);

/* Gives st back after its last sqlite3_step, which returned rc: true when
 * that was a row or the end, else false with store_sql_error(doing).
 * (storerun.c) */
bool store_end(struct store *s, sqlite3_stmt *st, int rc, const char *doing,
    struct error *err);
/* Runs sql once, returning no row, with the n texts bound to ?1..?n (NULL
 * binds NULL); false with store_sql_error(doing) when it fails. */
bool store_run(struct store *s, const char *sql, int n, const char *const text[],
    const char *doing, struct error *err);

#endif
