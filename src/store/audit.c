/* audit — see audit.h. */
#include "audit.h"

#include <sqlite3.h>

#include "base/date.h"
#include "base/i18n.h"

bool
audit_log(struct store *s, const struct actor *who, const char *action,
    const char *kind, const char *uuid, const char *summary, struct error *err)
{
	sqlite3_stmt *st;
	char now[32];
	int rc;

	date_now_utc(now);
	if (store_prepare(s, "INSERT INTO audit (at, actor, action, kind, "
	    "uuid, summary) VALUES (?, ?, ?, ?, ?, ?)", &st) != SQLITE_OK) {
		store_sql_error(s, _("Writing the audit log"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, who->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, summary, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	store_done(s, st);
	if (rc != SQLITE_DONE) {
		store_sql_error(s, _("Writing the audit log"), err);
		return false;
	}
	return true;
}


/* Calls each for the rows of st (id, at, actor, action, kind, uuid,
 * summary), then lets st go.  Returns the count, or -1 with err. */
static int
each_entry(struct store *s, sqlite3_stmt *st, void (*each)(void *ctx,
    const struct audit_entry *e), void *ctx, struct error *err)
{
	struct audit_entry e;
	int rc, n = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		e.id = sqlite3_column_int64(st, 0);
		e.at = (const char *)sqlite3_column_text(st, 1);
		e.actor = (const char *)sqlite3_column_text(st, 2);
		e.action = (const char *)sqlite3_column_text(st, 3);
		e.kind = (const char *)sqlite3_column_text(st, 4);
		e.uuid = (const char *)sqlite3_column_text(st, 5);
		e.summary = (const char *)sqlite3_column_text(st, 6);
		each(ctx, &e);
		n++;
	}
	store_done(s, st);
	if (rc != SQLITE_DONE) {
		store_sql_error(s, _("Reading the audit log"), err);
		return -1;
	}
	return n;
}
int
audit_list(struct store *s, int limit, void (*each)(void *ctx, const struct audit_entry *e),
    void *ctx, struct error *err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, "SELECT id, at, actor, action, kind, uuid, "
	    "summary FROM audit ORDER BY id DESC LIMIT ?", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading the audit log"), err);
		return -1;
	}
	sqlite3_bind_int(st, 1, limit > 0 ? limit : -1);
	return each_entry(s, st, each, ctx, err);
}

int
audit_page(struct store *s, const struct actor *reader, const char *filter, long long before_id,
    int limit, void (*each)(void *ctx, const struct audit_entry *e), void *ctx, struct error *err)
{
	sqlite3_stmt *st;

	if (reader->role != ROLE_ADMIN) {
		error_set(err, _("Only an administrator can read the audit log."));
		if (store_begin(s, NULL)) {
			if (audit_log(s, reader, "refused", "audit", NULL, "read the audit log", NULL))
				store_commit(s, NULL);
			else
				store_rollback(s);
		}
		return -1;
	}
	if (store_prepare(s, "SELECT id, at, actor, action, kind, uuid, summary "
	    "FROM audit WHERE (?1 <= 0 OR id < ?1) AND (?2 IS NULL OR ?2 = '' OR "
	    "instr(actor, ?2) > 0 OR instr(action, ?2) > 0 OR instr(ifnull(kind, ''), ?2) > 0 "
	    "OR instr(summary, ?2) > 0) ORDER BY id DESC LIMIT ?3", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading the audit log"), err);
		return -1;
	}
	sqlite3_bind_int64(st, 1, before_id);
	sqlite3_bind_text(st, 2, filter, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, limit > 0 ? limit : -1);
	return each_entry(s, st, each, ctx, err);
}
