/* audit — see audit.h. */
#include "audit.h"

#include <sqlite3.h>
#include <string.h>

#include "base/buf.h"
#include "base/date.h"
#include "base/i18n.h"

/* Every action the core writes, with its label. */
static const struct {
	const char *code, *label;
} actions[] = {
	{"add", N_("Added")},
	{"edit", N_("Changed")},
	{"delete", N_("Deleted")},
	{"undelete", N_("Restored")},
	{"refused", N_("Refused")},
	{"sign-in", N_("Signed in")},
	{"wrong-pin", N_("Wrong PIN")},
	{"setting", N_("Setting changed")},
	{"export", N_("Sync file written")},
	{"import", N_("Sync file taken in")},
	{"key-enrol", N_("Key registered")},
	{"key-replace", N_("Key replaced")},
	{"machine-moved", N_("Moved to another machine")},
	{"restore", N_("Restored from a backup")},
	{"stage-override", N_("Stage moved on by exception")},
	{"deactivate", N_("Account deactivated")},
	{"reactivate", N_("Account reactivated")},
	{"role", N_("Role changed")},
	{"reset-pin", N_("PIN reset by the administrator")},
};

const char *
audit_action_label(const char *action)
{
	size_t i;

	for (i = 0; action != NULL && i < sizeof actions / sizeof actions[0]; i++)
		if (strcmp(actions[i].code, action) == 0)
			return _(actions[i].label);
	return action != NULL ? action : "";
}

const char *
audit_summary_label(const char *summary)
{
	/* The words audit_page writes for a refused reader. */
	if (summary != NULL && strcmp(summary, "read the audit log") == 0)
		return _("Tried to read the audit log");
	return summary != NULL ? summary : "";
}

bool
audit_label_holds(const char *hay, const char *needle)
{
	size_t n = strlen(needle), i;

	for (; *hay != '\0'; hay++) {
		for (i = 0; i < n && hay[i] != '\0'; i++) {
			char a = hay[i], b = needle[i];

			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (char)(b - 'A' + 'a');
			if (a != b)
				break;
		}
		if (i == n)
			return true;
	}
	return false;
}

/* "|delete|" for "削除": the actions whose label holds filter, for the
 * page's question (case aside for English). */
static void
actions_labelled(const char *filter, struct buf *out)
{
	size_t i;

	buf_addc(out, '|');
	for (i = 0; filter != NULL && *filter != '\0' && i < sizeof actions / sizeof actions[0]; i++)
		if (audit_label_holds(_(actions[i].label), filter))
			buf_printf(out, "%s|", actions[i].code);
}

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
audit_page(struct store *s, const struct actor *reader, const char *filter,
    const char *also_kinds, long long before_id, int limit,
    void (*each)(void *ctx, const struct audit_entry *e), void *ctx, struct error *err)
{
	sqlite3_stmt *st;
	struct buf labelled = {0};
	int n;

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
	    "OR instr(summary, ?2) > 0 OR instr(?4, '|' || action || '|') > 0 OR "
	    "instr(?5, '|' || kind || '|') > 0) ORDER BY id DESC LIMIT ?3", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading the audit log"), err);
		return -1;
	}
	actions_labelled(filter, &labelled);
	sqlite3_bind_int64(st, 1, before_id);
	sqlite3_bind_text(st, 2, filter, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, limit > 0 ? limit : -1);
	sqlite3_bind_text(st, 4, buf_str(&labelled), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, also_kinds != NULL ? also_kinds : "", -1, SQLITE_STATIC);
	n = each_entry(s, st, each, ctx, err);
	buf_free(&labelled);
	return n;
}
