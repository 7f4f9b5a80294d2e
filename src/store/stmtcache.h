/*
 * stmtcache — prepared statements kept for reuse on one connection.
 *
 * The kiosk asks the same questions on every key (a month's rows, a count,
 * a setting); parsing and planning them again each time cost more than
 * answering them.  A statement is taken with stmt_cache_prepare and given
 * back with stmt_cache_done, which resets it and clears its bindings; the
 * same SQL text taken again gets the same statement.  One in use is never
 * handed out twice: a nested use of the same SQL gets its own.
 */
#ifndef KYODO_STMTCACHE_H
#define KYODO_STMTCACHE_H

#include <sqlite3.h>

struct stmt_cache;

struct stmt_cache *stmt_cache_new(sqlite3 *db);
/* Finalizes every statement kept; before sqlite3_close. */
void stmt_cache_free(struct stmt_cache *c);
/* As sqlite3_prepare_v2 on the whole of sql. */
int stmt_cache_prepare(struct stmt_cache *c, const char *sql, sqlite3_stmt **st);
/* Gives st back (NULL is fine); returns what sqlite3_finalize would. */
int stmt_cache_done(struct stmt_cache *c, sqlite3_stmt *st);
/* Statements taken and not given back yet. */
int stmt_cache_taken(const struct stmt_cache *c);
/* Statements kept, for tests. */
int stmt_cache_size(const struct stmt_cache *c);

#endif
