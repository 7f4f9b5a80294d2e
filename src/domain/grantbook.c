/*
 * grantbook — the center's side of the grant book (see grantbook.h): the
 * programmes' terms and the rules a programme, an application and an
 * expense row meet, and the center's moves on its applications (apply,
 * report, withdraw).  The city's decision is in grantdecision.c, the lines
 * people see in grantlines.c, the statuses in grantstatus.c.
 */
#include "grantbook.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/i18n.h"
#include "base/money.h"

bool
programme_check(const struct record *r, struct error *err)
{
	const struct kind *k = r->kind;
	int ni = kind_field(k, "rate_num"), di = kind_field(k, "rate_den");
	int ui = kind_field(k, "unit"), from = kind_field(k, "fy_from"), to = kind_field(k, "fy_to");
	long long num = record_int(r, ni), den = record_int(r, di), unit = record_int(r, ui);

	if (r->value[ni] == NULL || den <= 0 || num > den) {
		error_set(err, _("%s: the rate is a fraction from 0 to 1 (e.g. 2/3)."),
		    field_label(&k->fields[di]));
		error_field(err, di);
		return false;
	}
	if (unit != 1 && unit != 100 && unit != 1000) {
		error_set(err, _("%s: 1, 100 or 1000 yen."), field_label(&k->fields[ui]));
		error_field(err, ui);
		return false;
	}
	if (r->value[to] != NULL && record_int(r, to) < record_int(r, from)) {
		error_set(err, _("%s: %s is before the first fiscal year (%s)."),
		    field_label(&k->fields[to]), r->value[to], r->value[from]);
		error_field(err, to);
		return false;
	}
	return true;
}

bool
grant_terms(struct store *s, const char *uuid, struct programme_terms *t, struct error *err)
{
	sqlite3_stmt *st;
	bool found = false;

	if (store_prepare(s, "SELECT ifnull(\"limit\", 0), rate_num, rate_den, "
	    "unit, fy_from, ifnull(fy_to, 0) FROM programme WHERE uuid = ?", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		t->limit = sqlite3_column_int64(st, 0);
		t->rate_num = sqlite3_column_int(st, 1);
		t->rate_den = sqlite3_column_int(st, 2);
		t->unit = sqlite3_column_int(st, 3);
		t->fy_from = sqlite3_column_int(st, 4);
		t->fy_to = sqlite3_column_int(st, 5);
		found = true;
	}
	store_done(s, st);
	if (!found)
		error_set(err, _("No grant program with id %s."), uuid);
	return found;
}

/* The stored status and amounts of an application, or "" for a new one. */
static void
stored(struct store *s, const char *uuid, char *status, long long *cost, long long *requested,
    char *program, int *fy)
{
	sqlite3_stmt *st;

	status[0] = '\0';
	if (store_prepare(s, "SELECT status, cost, requested, program_id, fy "
	    "FROM application WHERE uuid = ?", &st) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(status, 16, "%s", (const char *)sqlite3_column_text(st, 0));
		*cost = sqlite3_column_int64(st, 1);
		*requested = sqlite3_column_int64(st, 2);
		snprintf(program, 37, "%s", sqlite3_column_text(st, 3) ?
		    (const char *)sqlite3_column_text(st, 3) : "");
		*fy = sqlite3_column_int(st, 4);
	}
	store_done(s, st);
}

static bool
decided(struct store *s, const char *application, long long *amount)
{
	sqlite3_stmt *st;
	bool yes = false;

	*amount = 0;
	if (store_prepare(s, "SELECT decided_amount FROM decision WHERE "
	    "deleted = 0 AND application = ? AND decided_amount IS NOT NULL", &st) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, application, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*amount = sqlite3_column_int64(st, 0);
		yes = true;
	}
	store_done(s, st);
	return yes;
}

static bool
paid(struct store *s, const char *application)
{
	sqlite3_stmt *st;
	bool yes = false;

	if (store_prepare(s, "SELECT 1 FROM decision WHERE deleted = 0 AND "
	    "application = ? AND paid_on IS NOT NULL", &st) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, application, -1, SQLITE_STATIC);
	yes = sqlite3_step(st) == SQLITE_ROW;
	store_done(s, st);
	return yes;
}

/* Which moves the center may make, from the stored status code ("" for a
 * new application) to the new one. */
static bool
move_allowed(struct store *s, const char *uuid, const char *from_code, const char *to_code,
    struct error *err)
{
	enum grant_status from = grant_status_of(from_code), to = grant_status_of(to_code);
	long long amount;

	if (from_code[0] == '\0') {
		if (to == GRANT_STATUS_DRAFT || to == GRANT_STATUS_APPLIED)
			return true;
		error_set(err, _("A new application starts as a draft or as applied."));
		return false;
	}
	if (from == GRANT_STATUS_WITHDRAWN) {
		error_set(err, _("This application was withdrawn; it cannot change."));
		return false;
	}
	/* The same code, even one kyodo does not know: other fields edited. */
	if (strcmp(from_code, to_code) == 0)
		return true;
	if (to == GRANT_STATUS_WITHDRAWN) {
		if (paid(s, uuid)) {
			error_set(err, _("This grant is paid; it can no longer be withdrawn."));
			return false;
		}
		return true;
	}
	if (from == GRANT_STATUS_DRAFT && to == GRANT_STATUS_APPLIED)
		return true;
	if (from == GRANT_STATUS_APPLIED && to == GRANT_STATUS_REPORTED) {
		if (decided(s, uuid, &amount))
			return true;
		error_set(err, _("Results can be reported only after the city's grant decision."));
		return false;
	}
	error_set(err, _("An application cannot go from %s to %s."), grant_status_label(from_code),
	    grant_status_label(to_code));
	return false;
}

bool
application_check_store(struct store *s, const struct record *r, struct error *err)
{
	const struct kind *k = r->kind;
	int si = kind_field(k, "status"), p = kind_field(k, "program"), yi = kind_field(k, "fy");
	int qi = kind_field(k, "requested"), fy = (int)record_int(r, yi), old_fy = 0;
	const char *status = r->value[si];
	long long cost = record_int(r, kind_field(k, "cost")), req = record_int(r, qi);
	long long old_cost = 0, old_req = 0, allowed;
	struct programme_terms t;
	char from[16], old_prog[37] = "", fyname[48], a[32], b[32];

	stored(s, r->uuid, from, &old_cost, &old_req, old_prog, &old_fy);
	if (!move_allowed(s, r->uuid, from, status, err)) {
		error_field(err, si);
		return false;
	}
	if (from[0] != '\0' && grant_status_of(from) != GRANT_STATUS_DRAFT && (cost != old_cost ||
	    req != old_req || fy != old_fy || strcmp(old_prog, r->ref_id[p]) != 0)) {
		error_set(err, _("Once applied, the program, year and amounts are fixed; "
		    "withdraw and apply again to change them."));
		return false;
	}
	if (grant_is_withdrawn(grant_status_of(status)))
		return true;
	if (r->ref_id[p][0] == '\0') {
		error_set(err, _("%s: there is no grant program \"%s\"."),
		    field_label(&r->kind->fields[p]), r->value[p]);
		error_field(err, p);
		return false;
	}
	if (!grant_terms(s, r->ref_id[p], &t, err))
		return false;
	if (!grant_open_in(&t, fy)) {
		era_format_fy(fy, i18n_lang() == LANG_JA ? ERA_JA : ERA_EN, fyname, sizeof fyname);
		error_set(err, _("%s: the program %s is not open in %s."),
		    field_label(&k->fields[yi]), r->value[p], fyname);
		error_field(err, yi);
		return false;
	}
	allowed = grant_allowed(&t, cost);
	if (req > allowed) {
		money_format(req, a, sizeof a);
		money_format(allowed, b, sizeof b);
		error_set(err, _("%s: ¥%s is more than the program allows for this cost (¥%s)."),
		    field_label(&k->fields[qi]), a, b);
		error_field(err, qi);
		return false;
	}
	return true;
}

bool
expense_check_store(struct store *s, const struct record *r, struct error *err)
{
	int a = kind_field(r->kind, "application");
	char status[16], prog[37];
	long long c, q;
	int fy;

	if (r->ref_id[a][0] == '\0') {
		error_set(err, _("%s: there is no grant application \"%s\"."),
		    field_label(&r->kind->fields[a]), r->value[a]);
		error_field(err, a);
		return false;
	}
	stored(s, r->ref_id[a], status, &c, &q, prog, &fy);
	if (!grant_takes_expenses(grant_status_of(status))) {
		error_set(err, _("%s: the application was withdrawn."), field_label(&r->kind->fields[a]));
		error_field(err, a);
		return false;
	}
	return true;
}

const char *
grant_expense_warning(struct store *s, const char *application)
{
	long long amount;

	if (application == NULL || application[0] == '\0' || decided(s, application, &amount))
		return NULL;
	return _("The grant is not decided yet: this expense is kept as planned and counts as "
	    "spent only once the city decides.");
}

bool
grant_move(struct store *s, const struct actor *who, const char *application, const char *to,
    struct error *err)
{
	const struct kind *k = kind_find("application");
	struct record r;
	char today[11];
	bool ok;

	if (!record_find(s, k, application, &r, err))
		return false;
	date_format(date_today(), today);
	free(r.value[kind_field(k, "status")]);
	r.value[kind_field(k, "status")] = xstrdup(to);
	if (grant_status_of(to) == GRANT_STATUS_APPLIED &&
	    r.value[kind_field(k, "applied_on")] == NULL)
		r.value[kind_field(k, "applied_on")] = xstrdup(today);
	if (grant_status_of(to) == GRANT_STATUS_REPORTED &&
	    r.value[kind_field(k, "reported_on")] == NULL)
		r.value[kind_field(k, "reported_on")] = xstrdup(today);
	ok = record_update(s, who, &r, err);
	record_free(&r);
	return ok;
}
