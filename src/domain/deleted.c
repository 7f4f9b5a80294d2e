/*
 * deleted — the records this store deleted, as people look for them to
 * bring one back: found by id or title among the deleted (the command
 * line's undelete), or listed the latest deletion first across the kinds a
 * person may write (the kiosk's recently deleted list).  Bringing one back
 * is save.c's (record_undelete); only this store's own rows are offered,
 * since a row from another origin is its owner's to change.
 */
#include "record.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/i18n.h"

bool
record_find_deleted(struct store *s, const struct kind *k, const char *name, struct record *r,
    struct error *err)
{
	char uuid[37];
	int hits = record_find_uuid(s, k, name, true, uuid, err);

	if (hits < 0)
		return false;
	if (hits == 0) {
		error_set(err, _("No deleted %s named \"%s\"."), kind_label(k), name);
		return false;
	}
	if (hits > 1) {
		error_set(err, _("More than one deleted %s is named \"%s\"; give its id instead."),
		    kind_label(k), name);
		return false;
	}
	return record_get(s, k, uuid, r, err);
}

struct gone {
	const struct kind *kind;
	char uuid[37];
	char at[21];
};

/* Latest deletion first; the uuid settles a tie, so the order is stable. */
static int
by_deletion(const void *a, const void *b)
{
	const struct gone *x = a, *y = b;
	int c = strcmp(y->at, x->at);

	return c != 0 ? c : strcmp(x->uuid, y->uuid);
}

/* Adds up to limit of k's deleted rows, latest first, to set (room for
 * KIND_MAX * limit). */
static bool
collect(struct store *s, const struct kind *k, int limit, struct gone *set, int *n,
    struct error *err)
{
	struct buf sql = {0};
	sqlite3_stmt *st;
	int rc;

	buf_printf(&sql, "SELECT uuid, updated_at FROM %s WHERE deleted = 1 AND origin = ? "
	    "ORDER BY updated_at DESC, uuid LIMIT ?", k->table);
	rc = store_prepare(s, buf_str(&sql), &st);
	buf_free(&sql);
	if (rc != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, store_origin(s), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *u = (const char *)sqlite3_column_text(st, 0);
		const char *at = (const char *)sqlite3_column_text(st, 1);

		set[*n].kind = k;
		snprintf(set[*n].uuid, sizeof set[*n].uuid, "%s", u ? u : "");
		snprintf(set[*n].at, sizeof set[*n].at, "%s", at ? at : "");
		(*n)++;
	}
	store_done(s, st);
	if (rc != SQLITE_DONE) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	return true;
}

long
record_list_deleted(struct store *s, const struct actor *who, int limit,
    void (*each)(void *ctx, const struct record *r), void *ctx, struct error *err)
{
	const struct kind *const *k;
	struct gone *set;
	struct record r;
	int n = 0, i;
	long passed = 0;

	if (limit <= 0)
		return 0;
	set = xcalloc((size_t)KIND_MAX * (size_t)limit, sizeof *set);
	for (k = kind_all(); *k != NULL; k++) {
		if (!record_may_write(who, *k, NULL))
			continue;
		if (!collect(s, *k, limit, set, &n, err)) {
			free(set);
			return -1;
		}
	}
	qsort(set, (size_t)n, sizeof *set, by_deletion);
	for (i = 0; i < n && i < limit; i++) {
		if (!record_get(s, set[i].kind, set[i].uuid, &r, err)) {
			free(set);
			return -1;
		}
		each(ctx, &r);
		record_free(&r);
		passed++;
	}
	free(set);
	return passed;
}
