/* grantbook — see grantbook.h. */
#include "grantbook.h"

#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/i18n.h"
#include "base/money.h"

static int
fi(const struct record *r, const char *name)
{
	return kind_field(r->kind, name);
}

bool
programme_check(const struct record *r, struct error *err)
{
	long long num = record_int(r, fi(r, "rate_num")), den = record_int(r, fi(r, "rate_den"));
	long long unit = record_int(r, fi(r, "unit"));

	if (r->value[fi(r, "rate_num")] == NULL || den <= 0 || num > den) {
		error_set(err, _("%s: the rate is a fraction from 0 to 1 (e.g. 2/3)."),
		    field_label(&r->kind->fields[fi(r, "rate_den")]));
		error_field(err, fi(r, "rate_den"));
		return false;
	}
	if (unit != 1 && unit != 100 && unit != 1000) {
		error_set(err, _("%s: 1, 100 or 1000 yen."), field_label(&r->kind->fields[fi(r, "unit")]));
		error_field(err, fi(r, "unit"));
		return false;
	}
	if (r->value[fi(r, "fy_to")] != NULL &&
	    record_int(r, fi(r, "fy_to")) < record_int(r, fi(r, "fy_from"))) {
		error_set(err, _("%s: %s is before the first fiscal year (%s)."),
		    field_label(&r->kind->fields[fi(r, "fy_to")]), r->value[fi(r, "fy_to")],
		    r->value[fi(r, "fy_from")]);
		error_field(err, fi(r, "fy_to"));
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
		error_set(err, _("No grant programme with id %s."), uuid);
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

/* Which moves the center may make, from the stored status to the new one. */
static bool
move_allowed(struct store *s, const char *uuid, const char *from, const char *to,
    struct error *err)
{
	long long amount;

	if (from[0] == '\0') {
		if (strcmp(to, "draft") == 0 || strcmp(to, "applied") == 0)
			return true;
		error_set(err, _("A new application starts as a draft or as applied."));
		return false;
	}
	if (strcmp(from, "withdrawn") == 0) {
		error_set(err, _("This application was withdrawn; it cannot change."));
		return false;
	}
	if (strcmp(from, to) == 0)
		return true;
	if (strcmp(to, "withdrawn") == 0) {
		if (paid(s, uuid)) {
			error_set(err, _("This grant is paid; it can no longer be withdrawn."));
			return false;
		}
		return true;
	}
	if (strcmp(from, "draft") == 0 && strcmp(to, "applied") == 0)
		return true;
	if (strcmp(from, "applied") == 0 && strcmp(to, "reported") == 0) {
		if (decided(s, uuid, &amount))
			return true;
		error_set(err, _("Results can be reported only after the city's grant decision."));
		return false;
	}
	error_set(err, _("An application cannot go from %s to %s."), grant_status_label(from),
	    grant_status_label(to));
	return false;
}

bool
application_check_store(struct store *s, const struct record *r, struct error *err)
{
	const char *status = r->value[fi(r, "status")];
	int p = fi(r, "program"), fy = (int)record_int(r, fi(r, "fy")), old_fy = 0;
	long long cost = record_int(r, fi(r, "cost")), req = record_int(r, fi(r, "requested"));
	long long old_cost = 0, old_req = 0, allowed;
	struct programme_terms t;
	char from[16], old_prog[37] = "", fyname[48], a[32], b[32];

	stored(s, r->uuid, from, &old_cost, &old_req, old_prog, &old_fy);
	if (!move_allowed(s, r->uuid, from, status, err)) {
		error_field(err, fi(r, "status"));
		return false;
	}
	if (from[0] != '\0' && strcmp(from, "draft") != 0 && (cost != old_cost ||
	    req != old_req || fy != old_fy || strcmp(old_prog, r->ref_id[p]) != 0)) {
		error_set(err, _("Once applied, the programme, year and amounts are fixed; "
		    "withdraw and apply again to change them."));
		return false;
	}
	if (strcmp(status, "withdrawn") == 0)
		return true;
	if (r->ref_id[p][0] == '\0') {
		error_set(err, _("%s: there is no grant programme \"%s\"."),
		    field_label(&r->kind->fields[p]), r->value[p]);
		error_field(err, p);
		return false;
	}
	if (!grant_terms(s, r->ref_id[p], &t, err))
		return false;
	if (!grant_open_in(&t, fy)) {
		era_format_fy(fy, i18n_lang() == LANG_JA ? ERA_JA : ERA_EN, fyname, sizeof fyname);
		error_set(err, _("%s: the programme %s is not open in %s."),
		    field_label(&r->kind->fields[fi(r, "fy")]), r->value[p], fyname);
		error_field(err, fi(r, "fy"));
		return false;
	}
	allowed = grant_allowed(&t, cost);
	if (req > allowed) {
		money_format(req, a, sizeof a);
		money_format(allowed, b, sizeof b);
		error_set(err, _("%s: ¥%s is more than the programme allows for this cost (¥%s)."),
		    field_label(&r->kind->fields[fi(r, "requested")]), a, b);
		error_field(err, fi(r, "requested"));
		return false;
	}
	return true;
}

bool
expense_check_store(struct store *s, const struct record *r, struct error *err)
{
	int a = fi(r, "application");
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
	if (strcmp(status, "withdrawn") == 0) {
		error_set(err, _("%s: the application was withdrawn."), field_label(&r->kind->fields[a]));
		error_field(err, a);
		return false;
	}
	return true;
}

/* ---- the city's decision on an application ---- */

/* What a decision is checked against: its application as stored. */
struct app_facts {
	bool found, deleted;
	char origin[17], status[16], program[37];
	long long cost, requested;
};

static const char *
column_or_empty(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return t != NULL ? (const char *)t : "";
}

static bool
app_facts(struct store *s, const char *uuid, struct app_facts *a, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(a, 0, sizeof *a);
	if (store_prepare(s, "SELECT origin, deleted, status, ifnull(program_id, ''), cost, "
	    "requested FROM application WHERE uuid = ?", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		a->found = true;
		snprintf(a->origin, sizeof a->origin, "%s", column_or_empty(st, 0));
		a->deleted = sqlite3_column_int(st, 1) != 0;
		snprintf(a->status, sizeof a->status, "%s", column_or_empty(st, 2));
		snprintf(a->program, sizeof a->program, "%s", column_or_empty(st, 3));
		a->cost = sqlite3_column_int64(st, 4);
		a->requested = sqlite3_column_int64(st, 5);
	}
	store_done(s, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	return true;
}

/* The uuid of a live decision on application other than the row except,
 * into out ("" when there is none); false on a read error. */
static bool
other_decision(struct store *s, const char *application, const char *except, char out[37],
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	out[0] = '\0';
	if (store_prepare(s, "SELECT uuid FROM decision WHERE application = ?1 AND "
	    "deleted = 0 AND uuid IS NOT ?2 LIMIT 1", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, application, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, except, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out, 37, "%s", column_or_empty(st, 0));
	store_done(s, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	return true;
}

/* The decided amount of the stored decision row uuid into *amount; false
 * when there is no such row or it has none. */
static bool
stored_decided(struct store *s, const char *uuid, long long *amount)
{
	sqlite3_stmt *st;
	bool yes = false;

	if (store_prepare(s, "SELECT decided_amount FROM decision WHERE uuid = ? AND "
	    "decided_amount IS NOT NULL", &st) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*amount = sqlite3_column_int64(st, 0);
		yes = true;
	}
	store_done(s, st);
	return yes;
}

/* Refuses with the sentence already set, naming field i for the form. */
static bool
refuse(struct error *err, int i)
{
	error_field(err, i);
	return false;
}

/* An amount and its date go together: one without the other says a step
 * was half taken. */
static bool
paired(const struct record *r, const char *amount, const char *date, struct error *err)
{
	int a = fi(r, amount), d = fi(r, date);
	const struct field *f = r->kind->fields;

	if (r->value[a] != NULL && r->value[d] == NULL) {
		error_set(err, _("%s: an amount goes with its date (%s)."), field_label(&f[a]),
		    field_label(&f[d]));
		return refuse(err, a);
	}
	if (r->value[d] != NULL && r->value[a] == NULL) {
		error_set(err, _("%s: a date goes with its amount (%s)."), field_label(&f[d]),
		    field_label(&f[a]));
		return refuse(err, d);
	}
	return true;
}

/* What an amount may not pass. */
enum bound { BY_REQUEST, BY_PROGRAMME, BY_DECISION, BY_FINAL };

/* Amount field is at most limit, which is the bound named. */
static bool
at_most(const struct record *r, const char *field, long long limit, enum bound bound,
    struct error *err)
{
	int i = fi(r, field);
	const char *label = field_label(&r->kind->fields[i]);
	char a[32], b[32];

	if (r->value[i] == NULL || record_int(r, i) <= limit)
		return true;
	money_format(record_int(r, i), a, sizeof a);
	money_format(limit, b, sizeof b);
	switch (bound) {
	case BY_REQUEST:
		error_set(err, _("%s: ¥%s is more than was requested (¥%s)."), label, a, b);
		break;
	case BY_PROGRAMME:
		error_set(err, _("%s: ¥%s is more than the programme allows for this "
		    "application (¥%s)."), label, a, b);
		break;
	case BY_DECISION:
		error_set(err, _("%s: ¥%s is more than the decided amount (¥%s)."), label, a, b);
		break;
	case BY_FINAL:
		error_set(err, _("%s: ¥%s is more than the final amount (¥%s)."), label, a, b);
		break;
	}
	return refuse(err, i);
}

/* Date field later is not before date field earlier (both canonical
 * YYYY-MM-DD, so they compare as text). */
static bool
not_before(const struct record *r, const char *later, const char *earlier, bool settled,
    struct error *err)
{
	int l = fi(r, later), e = fi(r, earlier);

	if (r->value[l] == NULL || r->value[e] == NULL || strcmp(r->value[l], r->value[e]) >= 0)
		return true;
	if (settled)
		error_set(err, _("%s: %s is before the amount was settled (%s)."),
		    field_label(&r->kind->fields[l]), r->value[l], r->value[e]);
	else
		error_set(err, _("%s: %s is before the decision (%s)."),
		    field_label(&r->kind->fields[l]), r->value[l], r->value[e]);
	return refuse(err, l);
}

/* The rules within the row: what goes with what, amounts and dates in
 * their order. */
static bool
decision_row_fits(const struct record *r, struct error *err)
{
	int d = fi(r, "decided_amount"), pa = fi(r, "paid_amount");
	long long decided = record_int(r, d);

	if (r->value[d] == NULL) {
		error_set(err, _("%s: required."), field_label(&r->kind->fields[d]));
		return refuse(err, d);
	}
	if (!paired(r, "decided_amount", "decided_on", err) ||
	    !paired(r, "advance_amount", "advance_on", err) ||
	    !paired(r, "final_amount", "settled_on", err) ||
	    !paired(r, "paid_amount", "paid_on", err))
		return false;
	if (r->value[pa] != NULL && r->value[fi(r, "final_amount")] == NULL) {
		error_set(err, _("%s: a grant is paid only once its amount is settled."),
		    field_label(&r->kind->fields[pa]));
		return refuse(err, pa);
	}
	return at_most(r, "advance_amount", decided, BY_DECISION, err) &&
	    at_most(r, "final_amount", decided, BY_DECISION, err) &&
	    at_most(r, "paid_amount", record_int(r, fi(r, "final_amount")), BY_FINAL, err) &&
	    not_before(r, "advance_on", "decided_on", false, err) &&
	    not_before(r, "settled_on", "decided_on", false, err) &&
	    not_before(r, "paid_on", "settled_on", true, err);
}

bool
decision_check_store(struct store *s, const struct record *r, struct error *err)
{
	int ai = fi(r, "application"), ci = fi(r, "center"), di = fi(r, "decided_amount");
	const char *app = r->value[ai] != NULL ? r->value[ai] : "";
	const char *center = r->value[ci] != NULL ? r->value[ci] : "";
	const struct field *f = r->kind->fields;
	struct app_facts a;
	struct programme_terms t;
	long long before, allowed;
	char other[37];

	/* A tombstone asserts nothing but its own end. */
	if (r->deleted)
		return true;
	if (!decision_row_fits(r, err))
		return false;
	if (!app_facts(s, app, &a, err))
		return false;
	if (!a.found) {
		error_set(err, _("%s: there is no grant application with id %s."),
		    field_label(&f[ai]), app);
		return refuse(err, ai);
	}
	if (a.deleted) {
		error_set(err, _("%s: the application %s was deleted."), field_label(&f[ai]), app);
		return refuse(err, ai);
	}
	/* The center field is where the decision travels: it must be the
	 * center that owns the application, or the city's file would carry
	 * one center's grant to another. */
	if (strcmp(center, a.origin) != 0) {
		error_set(err, _("%s: the application belongs to %s, not to %s."),
		    field_label(&f[ci]), a.origin, center);
		return refuse(err, ci);
	}
	if (!at_most(r, "decided_amount", a.requested, BY_REQUEST, err))
		return false;
	/* What the programme allows is asked of a decided amount that is new
	 * or changed.  One already stored was judged when it was made; the
	 * city may change a programme's terms afterwards, and the decisions
	 * made under the old ones must still travel and take their next steps. */
	if (!stored_decided(s, r->uuid, &before) || before != record_int(r, di)) {
		if (a.program[0] == '\0' || !grant_terms(s, a.program, &t, NULL) ||
		    (allowed = grant_allowed(&t, a.cost)) < 0) {
			error_set(err, _("%s: the application's grant programme is not known here."),
			    field_label(&f[ai]));
			return refuse(err, ai);
		}
		if (!at_most(r, "decided_amount", allowed, BY_PROGRAMME, err))
			return false;
	}
	/* One decision an application (the unique index decision_by_application
	 * holds it too, but in SQLite's words). */
	if (!other_decision(s, app, r->uuid, other, err))
		return false;
	if (other[0] != '\0') {
		error_set(err, _("%s: this application already has a grant decision; a second "
		    "one is refused."), field_label(&f[ai]));
		return refuse(err, ai);
	}
	return true;
}

const char *
grant_status_label(const char *status)
{
	static const struct choice labels[] = {
		{"draft", N_("Draft")}, {"applied", N_("Applied")}, {"decided", N_("Decided")},
		{"reported", N_("Results reported")}, {"settled", N_("Settled")},
		{"paid", N_("Paid")}, {"withdrawn", N_("Withdrawn")}, {NULL, NULL},
	};
	const struct choice *c;

	for (c = labels; c->code != NULL; c++)
		if (strcmp(c->code, status) == 0)
			return _(c->label);
	return status;
}

/* A sum of yen that cannot fail: SQLite's sum() stops the whole question
 * with "integer overflow" past 2^63, which ten million expenses at a yen
 * field's maximum (10^12) would pass.  The high and low 32 bits of each
 * amount are summed apart (neither sum can overflow short of 2^32 rows),
 * and joined in integers; if the total does not fit, SQLite makes it a
 * REAL, which yen_column holds at the limit. */
#define SAFE_SUM(col) "ifnull(sum(" col " >> 32) * 4294967296 + sum(" col " & 4294967295), 0)"

/* An amount column as whole yen: a total too large for 64 bits (a REAL,
 * see SAFE_SUM) is held at the limit. */
static long long
yen_column(sqlite3_stmt *st, int col)
{
	if (sqlite3_column_type(st, col) == SQLITE_FLOAT)
		return sqlite3_column_double(st, col) > 0 ? LLONG_MAX : LLONG_MIN;
	return sqlite3_column_int64(st, col);
}

/* The lines' question, with a condition on the application (a). */
#define LINES_SQL(where) "SELECT a.uuid, a.origin, a.title, a.program, " \
	"ifnull(p.name, a.program), a.status, a.fy, a.cost, a.requested, " \
	"d.decided_amount, ifnull(d.advance_amount, 0), " \
	"(SELECT " SAFE_SUM("amount") " FROM expense e WHERE e.deleted = 0 AND " \
	"e.application_id = a.uuid), d.final_amount, ifnull(d.paid_amount, 0), d.paid_on, " \
	"ifnull(p.\"limit\", 0), ifnull(p.rate_num, 1), ifnull(p.rate_den, 1), " \
	"ifnull(p.unit, 1) " \
	"FROM application a LEFT JOIN programme p ON p.uuid = a.program_id " \
	"LEFT JOIN decision d ON d.application = a.uuid AND d.deleted = 0 " \
	"WHERE a.deleted = 0" where " ORDER BY a.fy, a.origin, a.title"

long
grant_lines(struct store *s, int fy, void (*each)(void *ctx, const struct grant_line *g),
    void *ctx, struct error *err)
{
	sqlite3_stmt *st;
	struct grant_line g;
	struct date today = date_today();
	long n = 0;
	int rc;

	/* A year's lines ask for it alone ("a.fy = ?", no "?1 = 0 OR"), so
	 * SQLite seeks it in application_by_fy instead of reading every
	 * application. */
	if (store_prepare(s, fy != 0 ? LINES_SQL(" AND a.fy = ?1") : LINES_SQL(""), &st) !=
	    SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return -1;
	}
	if (fy != 0)
		sqlite3_bind_int(st, 1, fy);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *stored_status = (const char *)sqlite3_column_text(st, 5);
		bool has_decision = sqlite3_column_type(st, 9) != SQLITE_NULL;
		bool has_final = sqlite3_column_type(st, 12) != SQLITE_NULL;
		bool is_paid = sqlite3_column_type(st, 14) != SQLITE_NULL;
		struct programme_terms t = {0};

		memset(&g, 0, sizeof g);
		g.uuid = (const char *)sqlite3_column_text(st, 0);
		g.center = (const char *)sqlite3_column_text(st, 1);
		g.title = (const char *)sqlite3_column_text(st, 2);
		g.program = (const char *)sqlite3_column_text(st, 3);
		g.program_name = (const char *)sqlite3_column_text(st, 4);
		g.fy = sqlite3_column_int(st, 6);
		g.cost = sqlite3_column_int64(st, 7);
		g.requested = sqlite3_column_int64(st, 8);
		g.decided = sqlite3_column_int64(st, 9);
		g.advance = sqlite3_column_int64(st, 10);
		g.spent = yen_column(st, 11);
		g.final = sqlite3_column_int64(st, 12);
		g.paid = sqlite3_column_int64(st, 13);
		t.limit = sqlite3_column_int64(st, 15);
		t.rate_num = sqlite3_column_int(st, 16);
		t.rate_den = sqlite3_column_int(st, 17);
		t.unit = sqlite3_column_int(st, 18);
		g.allowed = grant_allowed(&t, g.cost);
		if (strcmp(stored_status, "withdrawn") == 0)
			g.status = "withdrawn";
		else if (is_paid)
			g.status = "paid";
		else if (has_final)
			g.status = "settled";
		else if (strcmp(stored_status, "reported") == 0)
			g.status = "reported";
		else if (has_decision)
			g.status = "decided";
		else
			g.status = stored_status;
		/* What is left to spend is known once the city has decided. */
		g.remaining = has_final ? grant_yen_sub(g.final, g.spent) :
		    has_decision ? grant_yen_sub(g.decided, g.spent) : 0;
		g.overspent = (has_decision || has_final) && g.remaining < 0;
		/* The results report is due by the end of the fiscal year: warn
		 * from March on (and after, until it is reported). */
		g.report_due = strcmp(g.status, "decided") == 0 &&
		    date_compare(today, (struct date){g.fy + 1, 3, 1}) >= 0;
		g.waiting = strcmp(g.status, "applied") == 0;
		each(ctx, &g);
		n++;
	}
	store_done(s, st);
	if (rc != SQLITE_DONE) {
		store_sql_error(s, _("Reading"), err);
		return -1;
	}
	return n;
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
	if (strcmp(to, "applied") == 0 && r.value[kind_field(k, "applied_on")] == NULL)
		r.value[kind_field(k, "applied_on")] = xstrdup(today);
	if (strcmp(to, "reported") == 0 && r.value[kind_field(k, "reported_on")] == NULL)
		r.value[kind_field(k, "reported_on")] = xstrdup(today);
	ok = record_update(s, who, &r, err);
	record_free(&r);
	return ok;
}

static void
set_value(struct record *r, const char *field, const char *v)
{
	int i = kind_field(r->kind, field);

	free(r->value[i]);
	r->value[i] = xstrdup(v);
}

static void
set_amount(struct record *r, const char *field, long long v)
{
	char num[32];

	snprintf(num, sizeof num, "%lld", v);
	set_value(r, field, num);
}

/* A decision on app that has none live, into dec: its uuid is the
 * application's, so the city deciding again after restoring a backup makes
 * the same row (its copy at the center is replaced, not duplicated).  When
 * the store holds a row with that uuid — a decision deleted — it is brought
 * back emptied, to be saved as its next version: true.  Otherwise a new
 * record to insert: false. */
static bool
new_decision(struct store *s, const struct record *app, struct record *dec)
{
	const struct kind *dk = kind_find("decision");
	bool found = record_get(s, dk, app->uuid, dec, NULL);
	int i;

	if (found) {
		for (i = 0; i < dk->nfields; i++) {
			free(dec->value[i]);
			dec->value[i] = NULL;
		}
		dec->deleted = false;
	} else {
		record_init(dec, dk);
		snprintf(dec->uuid, sizeof dec->uuid, "%s", app->uuid);
	}
	set_value(dec, "application", app->uuid);
	set_value(dec, "center", app->origin);
	return found;
}

bool
grant_city_step(struct store *s, const struct actor *who, enum grant_city_step step,
    const char *application, long long amount, const char *date, const char *conditions,
    struct error *err)
{
	const struct kind *ak = kind_find("application"), *dk = kind_find("decision");
	struct record app, dec;
	struct buf sql = {0};
	sqlite3_stmt *st;
	char today[11], dec_uuid[37] = "", a[32], b[32];
	const char *status;
	long long decided_amount = 0, final_amount = 0, advance = 0;
	bool ok = false, have_final = false, revived = false;

	if (store_kind(s) != STORE_CITY) {
		error_set(err, _("Only city hall decides on grants; a center receives the "
		    "decisions with the city's file."));
		return false;
	}
	if (amount < 0 && step != GRANT_PAY) {
		error_set(err, _("An amount cannot be negative."));
		return false;
	}
	if (!record_find(s, ak, application, &app, err))
		return false;
	date_format(date_today(), today);
	if (date == NULL)
		date = today;
	if (store_prepare(s, "SELECT uuid, ifnull(decided_amount, -1), "
	    "ifnull(final_amount, -1), ifnull(advance_amount, 0) FROM decision WHERE "
	    "deleted = 0 AND application = ?", &st) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, app.uuid, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			snprintf(dec_uuid, sizeof dec_uuid, "%s", (const char *)sqlite3_column_text(st, 0));
			decided_amount = sqlite3_column_int64(st, 1);
			final_amount = sqlite3_column_int64(st, 2);
			have_final = final_amount >= 0;
			advance = sqlite3_column_int64(st, 3);
		}
		store_done(s, st);
	}
	status = app.value[kind_field(ak, "status")];
	if (strcmp(status, "withdrawn") == 0) {
		error_set(err, _("This application was withdrawn."));
		goto out;
	}
	if (dec_uuid[0] != '\0') {
		if (!record_get(s, dk, dec_uuid, &dec, err))
			goto out;
	} else
		revived = new_decision(s, &app, &dec);
	switch (step) {
	case GRANT_DECIDE:
		if (strcmp(status, "applied") != 0 || have_final) {
			error_set(err, _("A grant is decided on an application that is applied "
			    "and not yet settled."));
			goto out_dec;
		}
		if (amount > record_int(&app, kind_field(ak, "requested"))) {
			money_format(amount, a, sizeof a);
			money_format(record_int(&app, kind_field(ak, "requested")), b, sizeof b);
			error_set(err, _("The decided amount ¥%s is more than was requested (¥%s)."), a, b);
			goto out_dec;
		}
		set_amount(&dec, "decided_amount", amount);
		set_value(&dec, "decided_on", date);
		if (conditions != NULL)
			set_value(&dec, "conditions", conditions);
		break;
	case GRANT_ADVANCE:
		if (decided_amount < 0 || dec_uuid[0] == '\0' || have_final) {
			error_set(err, _("An advance is paid after the decision and before the "
			    "amount is settled."));
			goto out_dec;
		}
		if (amount > decided_amount) {
			error_set(err, _("An advance cannot be more than the decided amount."));
			goto out_dec;
		}
		set_amount(&dec, "advance_amount", amount);
		set_value(&dec, "advance_on", date);
		break;
	case GRANT_SETTLE:
		if (strcmp(status, "reported") != 0 || decided_amount < 0) {
			error_set(err, _("The amount is settled after the results are reported."));
			goto out_dec;
		}
		if (amount > decided_amount) {
			money_format(amount, a, sizeof a);
			money_format(decided_amount, b, sizeof b);
			error_set(err, _("The final amount ¥%s is more than the decided amount (¥%s)."),
			    a, b);
			goto out_dec;
		}
		set_amount(&dec, "final_amount", amount);
		set_value(&dec, "settled_on", date);
		break;
	case GRANT_PAY:
		if (!have_final) {
			error_set(err, _("A grant is paid once its amount is settled."));
			goto out_dec;
		}
		if (amount < 0 && advance > final_amount) {
			money_format(advance - final_amount, a, sizeof a);
			error_set(err, _("The advance paid is more than the final amount: ¥%s is to "
			    "be returned (返還), and nothing is left to pay."), a);
			goto out_dec;
		}
		/* The advance already paid is set against the final amount. */
		set_amount(&dec, "paid_amount", amount >= 0 ? amount : final_amount - advance);
		set_value(&dec, "paid_on", date);
		break;
	}
	ok = dec_uuid[0] != '\0' || revived ? record_update(s, who, &dec, err) :
	    record_insert(s, who, &dec, err);
out_dec:
	record_free(&dec);
out:
	buf_free(&sql);
	record_free(&app);
	return ok;
}

bool
grant_decision_add(struct store *s, const struct actor *who, struct record *r,
    struct error *err)
{
	const struct kind *ak = kind_find("application");
	int ai = fi(r, "application"), fa = fi(r, "final_amount");
	struct record found;
	struct app_facts a;
	char other[37];
	bool ok;

	/* Who may not write a decision, or where, is refused (and audited) by
	 * the insert itself, in its own words; so is a missing application. */
	if (!record_may_write(who, r->kind, NULL) || store_kind(s) != STORE_CITY ||
	    r->value[ai] == NULL)
		return record_insert(s, who, r, err);
	if (!app_facts(s, r->value[ai], &a, err))
		return false;
	/* The application named by title or id prefix, as elsewhere on the
	 * command line; the row keeps its uuid. */
	if (!a.found && record_find(s, ak, r->value[ai], &found, NULL)) {
		free(r->value[ai]);
		r->value[ai] = xstrdup(found.uuid);
		record_free(&found);
		if (!app_facts(s, r->value[ai], &a, err))
			return false;
	}
	if (!other_decision(s, r->value[ai], "", other, err))
		return false;
	if (other[0] != '\0') {
		error_set(err, _("%s: this application already has a grant decision; a second "
		    "one is refused."), field_label(&r->kind->fields[ai]));
		return refuse(err, ai);
	}
	/* The city's act on the center's application: the same rule as
	 * grant_city_step's.  An application not found (or deleted) is left
	 * to decision_check_store to name. */
	if (a.found && !a.deleted) {
		if (strcmp(a.status, "withdrawn") == 0) {
			error_set(err, _("This application was withdrawn."));
			return refuse(err, ai);
		}
		if (strcmp(a.status, "applied") != 0) {
			error_set(err, _("A grant is decided on an application that is applied "
			    "and not yet settled."));
			return refuse(err, ai);
		}
		if (r->value[fa] != NULL) {
			error_set(err, _("The amount is settled after the results are reported."));
			return refuse(err, fa);
		}
	}
	snprintf(r->uuid, sizeof r->uuid, "%s", r->value[ai]);
	if (!record_get(s, r->kind, r->uuid, &found, NULL))
		return record_insert(s, who, r, err);
	/* A row with this uuid is a decision deleted: r is its next version.
	 * (A live one naming another application is a damaged store.) */
	if (!found.deleted) {
		record_free(&found);
		r->uuid[0] = '\0';
		error_set(err, _("%s: this application already has a grant decision; a second "
		    "one is refused."), field_label(&r->kind->fields[ai]));
		return refuse(err, ai);
	}
	snprintf(r->origin, sizeof r->origin, "%s", found.origin);
	r->version = found.version;
	memcpy(r->updated_at, found.updated_at, sizeof r->updated_at);
	r->deleted = false;
	record_free(&found);
	ok = record_update(s, who, r, err);
	if (!ok)
		r->uuid[0] = '\0';
	return ok;
}
