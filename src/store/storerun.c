/*
 * storerun — one statement taken, stepped and given back, with the store's
 * sentence when SQLite refuses; the shape of most of kyodo's reads and
 * writes.  Declared in store.h; uses only the store's public API.
 */
#include "store.h"

bool
store_end(struct store *s, sqlite3_stmt *st, int rc, const char *doing, struct error *err)
{
	store_done(s, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_sql_error(s, doing, err);
		return false;
	}
	return true;
}

bool
store_run(struct store *s, const char *sql, int n, const char *const text[],
    const char *doing, struct error *err)
{
	sqlite3_stmt *st;
	int i;

	if (store_prepare(s, sql, &st) != SQLITE_OK) {
		store_sql_error(s, doing, err);
		return false;
	}
	for (i = 0; i < n; i++)
		sqlite3_bind_text(st, i + 1, text[i], -1, SQLITE_STATIC);
	return store_end(s, st, sqlite3_step(st), doing, err);
}
