/* stmtcache — see stmtcache.h. */
#include "stmtcache.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"

/* Enough for every screen's questions and a booking's checks; the least
 * recently used idle one makes room. */
#define SLOTS 64

struct slot {
	sqlite3_stmt *st;
	uint32_t hash;
	bool busy;
	unsigned long used;
};

struct stmt_cache {
	sqlite3 *db;
	unsigned long clock;
	struct slot slot[SLOTS];
};

static uint32_t
hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

struct stmt_cache *
stmt_cache_new(sqlite3 *db)
{
	struct stmt_cache *c = xcalloc(1, sizeof *c);

	c->db = db;
	return c;
}

void
stmt_cache_free(struct stmt_cache *c)
{
	int i;

	if (c == NULL)
		return;
	for (i = 0; i < SLOTS; i++)
		sqlite3_finalize(c->slot[i].st);
	free(c);
}

int
stmt_cache_prepare(struct stmt_cache *c, const char *sql, sqlite3_stmt **st)
{
	uint32_t h = hash(sql);
	struct slot *victim = NULL;
	int i, rc;

	for (i = 0; i < SLOTS; i++) {
		struct slot *e = &c->slot[i];

		if (e->st != NULL && !e->busy && e->hash == h && strcmp(sqlite3_sql(e->st), sql) == 0) {
			e->busy = true;
			e->used = ++c->clock;
			*st = e->st;
			return SQLITE_OK;
		}
	}
	rc = sqlite3_prepare_v3(c->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL);
	if (rc != SQLITE_OK || *st == NULL)
		return rc;
	for (i = 0; i < SLOTS; i++) {
		struct slot *e = &c->slot[i];

		if (e->st == NULL) {
			victim = e;
			break;
		}
		if (!e->busy && (victim == NULL || e->used < victim->used))
			victim = e;
	}
	if (victim == NULL)
		return rc;	/* all in use: this one is finalized when done */
	sqlite3_finalize(victim->st);
	victim->st = *st;
	victim->hash = h;
	victim->busy = true;
	victim->used = ++c->clock;
	return rc;
}

int
stmt_cache_done(struct stmt_cache *c, sqlite3_stmt *st)
{
	int i, rc;

	if (st == NULL)
		return SQLITE_OK;
	for (i = 0; c != NULL && i < SLOTS; i++)
		if (c->slot[i].st == st) {
			rc = sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			c->slot[i].busy = false;
			return rc;
		}
	return sqlite3_finalize(st);
}

int
stmt_cache_size(const struct stmt_cache *c)
{
	int i, n = 0;

	for (i = 0; c != NULL && i < SLOTS; i++)
		n += c->slot[i].st != NULL;
	return n;
}

int
stmt_cache_taken(const struct stmt_cache *c)
{
	int i, n = 0;

	for (i = 0; c != NULL && i < SLOTS; i++)
		n += c->slot[i].st != NULL && c->slot[i].busy;
	return n;
}
