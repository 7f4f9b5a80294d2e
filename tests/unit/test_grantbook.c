/* Unit tests for the community body, its development plan and its grants:
 * core/grantbook (the programmes, applications through their life, the
 * city's steps and the derived status), core/body (stage, milestones,
 * advance) and core/plan (progress by project and year, rendering), on real
 * SQLite stores — a center's and, for the city's steps, city hall's, with
 * rows carried between them by raw SQL as the monthly file will carry them.
 */
#include "unit.h"

#include <limits.h>

#include "base/actor.h"
#include "store/audit.h"
#include "domain/backup.h"
#include "domain/body.h"
#include "base/buf.h"
#include "domain/grantbook.h"
#include "domain/plan.h"
#include "domain/record.h"
#include "base/text.h"

static const struct actor hanako = {"佐藤 花子", ROLE_CENTER};
static const struct actor officer = {"一関市 協働推進課", ROLE_CITY};
/* The store's administrator: a role that may write every kind, so what stops
 * it at a center is the city's ownership of the rows. */
static const struct actor admin = {"cli:admin", ROLE_ADMIN};

#define P_CONSENSUS "00000000-0000-4000-8000-000000000001"
#define P_SUPPORT "00000000-0000-4000-8000-000000000002"
#define P_ACTIVITY "00000000-0000-4000-8000-000000000003"

static const struct kind *
K(const char *name)
{
	const struct kind *k = kind_find(name);

	if (k == NULL)
		fail_msg("no kind %s", name);
	return k;
}

static int
I(const char *kind, const char *field)
{
	int i = kind_field(K(kind), field);

	if (i < 0)
		fail_msg("no field %s.%s", kind, field);
	return i;
}

/* A new record of kind with (field, value) pairs up to NULL. */
static void
vmake(struct record *r, const char *kind, va_list ap)
{
	const char *name, *value;
	struct error err;

	record_init(r, K(kind));
	while ((name = va_arg(ap, const char *)) != NULL) {
		value = va_arg(ap, const char *);
		error_clear(&err);
		if (!record_set(r, I(kind, name), value, &err))
			fail_msg("%s.%s = \"%s\": %s", kind, name, value, err.text);
	}
}

/* Inserts a record (pairs up to NULL); fails the test on refusal.  The
 * uuid goes to out when out is not NULL. */
static void
add(struct store *s, const struct actor *who, char *out, const char *kind, ...)
{
	struct record r;
	struct error err;
	va_list ap;

	va_start(ap, kind);
	vmake(&r, kind, ap);
	va_end(ap);
	error_clear(&err);
	if (!record_insert(s, who, &r, &err)) {
		char copy[512];

		snprintf(copy, sizeof copy, "%s", err.text);
		record_free(&r);
		fail_msg("add %s refused: %s", kind, copy);
	}
	if (out != NULL)
		snprintf(out, 37, "%s", r.uuid);
	record_free(&r);
}

/* Inserts a record that must be refused; the reason goes to why. */
static void
add_bad(struct store *s, const struct actor *who, char *why, size_t size, const char *kind, ...)
{
	struct record r;
	struct error err;
	va_list ap;
	bool ok;

	va_start(ap, kind);
	vmake(&r, kind, ap);
	va_end(ap);
	error_clear(&err);
	ok = record_insert(s, who, &r, &err);
	record_free(&r);
	if (ok)
		fail_msg("add %s accepted, expected a refusal", kind);
	snprintf(why, size, "%s", err.text);
}

/* Sets field name of the stored record uuid to value and saves it;
 * returns whether the save was accepted, the reason in why. */
static bool
edit_as(struct store *s, const struct actor *who, const char *kind, const char *uuid,
    const char *name, const char *value, char *why, size_t size)
{
	struct record r;
	struct error err;
	bool ok;

	error_clear(&err);
	if (!record_get(s, K(kind), uuid, &r, &err))
		fail_msg("record_get %s %s: %s", kind, uuid, err.text);
	if (!record_set(&r, I(kind, name), value, &err)) {
		record_free(&r);
		fail_msg("record_set %s.%s: %s", kind, name, err.text);
	}
	ok = record_update(s, who, &r, &err);
	snprintf(why, size, "%s", ok ? "" : err.text);
	record_free(&r);
	return ok;
}

/* As edit_as, by center staff. */
static bool
edit(struct store *s, const char *kind, const char *uuid, const char *name, const char *value,
    char *why, size_t size)
{
	return edit_as(s, &hanako, kind, uuid, name, value, why, size);
}

static void
del_as(struct store *s, const struct actor *who, const char *kind, const char *uuid)
{
	struct record r;
	struct error err;

	error_clear(&err);
	if (!record_get(s, K(kind), uuid, &r, &err))
		fail_msg("record_get %s %s: %s", kind, uuid, err.text);
	if (!record_delete(s, who, &r, &err)) {
		char copy[512];

		snprintf(copy, sizeof copy, "%s", err.text);
		record_free(&r);
		fail_msg("record_delete: %s", copy);
	}
	record_free(&r);
}

/* As del_as, by center staff. */
static void
del(struct store *s, const char *kind, const char *uuid)
{
	del_as(s, &hanako, kind, uuid);
}

static long long
sqlf_int(struct store *s, const char *fmt, const char *arg)
{
	char *sql = sqlite3_mprintf(fmt, arg);
	long long v = unit_sql_int(s, sql);

	sqlite3_free(sql);
	return v;
}

static void
sqlf_text(struct store *s, const char *fmt, const char *arg, char *out, size_t size)
{
	char *sql = sqlite3_mprintf(fmt, arg);

	unit_sql_text(s, sql, out, size);
	sqlite3_free(sql);
}

/* Carries the row uuid of table from the store file from_path into to,
 * unchanged (uuid, origin, version …), as the monthly file will. */
static void
carry(struct store *to, const char *from_path, const char *table, const char *uuid)
{
	char *sql = sqlite3_mprintf("ATTACH %Q AS src; "
	    "INSERT OR REPLACE INTO main.%s SELECT * FROM src.%s WHERE uuid = %Q; "
	    "DETACH src;", from_path, table, table, uuid);
	char *msg = NULL;

	if (sqlite3_exec(store_db(to), sql, NULL, NULL, &msg) != SQLITE_OK) {
		char copy[512];

		snprintf(copy, sizeof copy, "%s", msg ? msg : "?");
		sqlite3_free(msg);
		sqlite3_free(sql);
		fail_msg("carrying %s %s: %s", table, uuid, copy);
	}
	sqlite3_free(sql);
	/* A decision's uuid is its application's: asked of the table carried. */
	sql = sqlite3_mprintf("SELECT count(*) FROM %s WHERE uuid = '%q'", table, uuid);
	if (unit_sql_int(to, sql) != 1) {
		sqlite3_free(sql);
		fail_msg("carrying %s %s: the row did not arrive", table, uuid);
	}
	sqlite3_free(sql);
}

/* ---- the fixture: a center store (unit_fx) and city hall's beside it ---- */

struct world {
	struct unit_fx *fx;
	char city_path[4096];
	struct store *city;
};

/* The center's fixture, and city hall's store in the same folder. */
static int
world_setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	struct error err;

	if (w == NULL || unit_fx_setup(state) != 0) {
		free(w);
		return -1;
	}
	w->fx = *state;
	unit_path(w->city_path, sizeof w->city_path, w->fx->dir, "city.db");
	w->city = store_create(w->city_path, STORE_CITY, "city", "一関市", &err);
	if (w->city == NULL) {
		fprintf(stderr, "store_create city: %s\n", err.text);
		unit_fx_teardown(state);
		free(w);
		return -1;
	}
	*state = w;
	return 0;
}

static int
world_teardown(void **state)
{
	struct world *w = *state;

	store_close(w->city);
	*state = w->fx;
	free(w);
	return unit_fx_teardown(state);
}

/* The application row, center → city. */
static void
to_city(struct world *w, const char *app)
{
	carry(w->city, w->fx->path, "application", app);
}

/* The city's decision on app, city → center. */
static void
to_center(struct world *w, const char *app)
{
	char dec[64];

	sqlf_text(w->city, "SELECT uuid FROM decision WHERE application = '%q'", app, dec,
	    sizeof dec);
	carry(w->fx->s, w->city_path, "decision", dec);
}

static bool
step(struct world *w, enum grant_city_step which, const char *app, long long amount,
    char *why, size_t size)
{
	struct error err;
	bool ok;

	error_clear(&err);
	ok = grant_city_step(w->city, &officer, which, app, amount, NULL, NULL, &err);
	snprintf(why, size, "%s", ok ? "" : err.text);
	return ok;
}

static void
step_ok(struct world *w, enum grant_city_step which, const char *app, long long amount)
{
	char why[512];

	if (!step(w, which, app, amount, why, sizeof why))
		fail_msg("city step %d on %s refused: %s", (int)which, app, why);
}

static bool
move(struct store *s, const char *app, const char *to, char *why, size_t size)
{
	struct error err;
	bool ok;

	error_clear(&err);
	ok = grant_move(s, &hanako, app, to, &err);
	snprintf(why, size, "%s", ok ? "" : err.text);
	return ok;
}

static void
move_ok(struct store *s, const char *app, const char *to)
{
	char why[512];

	if (!move(s, app, to, why, sizeof why))
		fail_msg("move %s to %s refused: %s", app, to, why);
}

/* ---- grant_lines, one application's line ---- */

struct line {
	const char *want;
	bool found;
	int count;
	char status[16], center[17], program[32];
	struct grant_line g;
};

static void
catch_line(void *ctx, const struct grant_line *g)
{
	struct line *l = ctx;

	l->count++;
	if (strcmp(g->uuid, l->want) != 0)
		return;
	if (l->found)
		fail_msg("application %s listed twice", l->want);
	l->found = true;
	/* The enum and the code name one status (but for a code kyodo does not
	 * know, which is shown as stored). */
	if (g->state != GRANT_STATUS_OTHER && strcmp(g->status, grant_status_code(g->state)) != 0)
		fail_msg("line %s: status \"%s\" but state \"%s\"", l->want, g->status,
		    grant_status_code(g->state));
	l->g = *g;
	snprintf(l->status, sizeof l->status, "%s", g->status);
	snprintf(l->center, sizeof l->center, "%s", g->center);
	snprintf(l->program, sizeof l->program, "%s", g->program);
	l->g.uuid = l->g.center = l->g.title = l->g.program = l->g.program_name = NULL;
	l->g.status = NULL;
}

static struct line
line_of(struct store *s, int fy, const char *app)
{
	struct line l;
	struct error err;

	memset(&l, 0, sizeof l);
	l.want = app;
	error_clear(&err);
	if (grant_lines(s, fy, catch_line, &l, &err) < 0)
		fail_msg("grant_lines: %s", err.text);
	if (!l.found)
		fail_msg("application %s not in grant_lines", app);
	return l;
}

static const char *
status_of(struct store *s, const char *app)
{
	static char status[16];

	snprintf(status, sizeof status, "%s", line_of(s, 0, app).status);
	return status;
}

/* A support-programme application: ¥250,000 at 2/3 allows ¥166,000. */
static void
support_app(struct store *s, const char *title, const char *status, char *out)
{
	add(s, &hanako, out, "application", "program", "support", "fy", "2015", "title", title,
	    "cost", "250000", "requested", "166000", "status", status, NULL);
}

/* ==== programmes ==== */

static void
check_terms(struct store *s, const char *uuid, long long limit, int num, int den, int unit,
    int from, int to)
{
	struct programme_terms t;
	struct error err;

	error_clear(&err);
	if (!grant_terms(s, uuid, &t, &err))
		fail_msg("grant_terms %s: %s", uuid, err.text);
	assert_int_equal(t.limit, limit);
	assert_int_equal(t.rate_num, num);
	assert_int_equal(t.rate_den, den);
	assert_int_equal(t.unit, unit);
	assert_int_equal(t.fy_from, from);
	assert_int_equal(t.fy_to, to);
}

static void
test_programmes_shipped(void **state)
{
	struct unit_fx *fx = *state;
	struct programme_terms t;
	struct record r;
	struct error err;

	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM programme WHERE deleted = 0"), 3);
	/* consensus ¥50,000 100% FY2014–2015; support ¥200,000 2/3 FY2014–2015;
	 * activity no limit 100% from FY2015; all cut to ¥1,000. */
	check_terms(fx->s, P_CONSENSUS, 50000, 1, 1, 1000, 2014, 2015);
	check_terms(fx->s, P_SUPPORT, 200000, 2, 3, 1000, 2014, 2015);
	check_terms(fx->s, P_ACTIVITY, 0, 1, 1, 1000, 2015, 0);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM programme WHERE "
	    "origin = 'city' AND deleted = 0"), 3);
	/* Found by code, as the command line names them. */
	error_clear(&err);
	if (!record_find(fx->s, K("programme"), "support", &r, &err))
		fail_msg("record_find support: %s", err.text);
	assert_str(r.uuid, P_SUPPORT);
	assert_str(r.origin, "city");
	record_free(&r);
	/* The rule on the shipped terms: ¥250,000 at 2/3 → ¥166,000. */
	assert_true(grant_terms(fx->s, P_SUPPORT, &t, &err));
	assert_int_equal(grant_allowed(&t, 250000), 166000);
	/* An unknown id. */
	assert_false(grant_terms(fx->s, "00000000-0000-4000-8000-00000000dead", &t, &err));
	assert_contains(err.text, "00000000-0000-4000-8000-00000000dead");
}

static void
test_center_cannot_write_city_rows(void **state)
{
	struct world *w = *state;
	char why[512], app[37], uuid[37];

	/* The same programme is accepted at the city, so the refusal at the
	 * center is the ownership and nothing else. */
	add_bad(w->fx->s, &admin, why, sizeof why, "programme", "code", "extra", "name", "追加",
	    "limit", "10000", "rate_num", "1", "rate_den", "2", "unit", "100", "fy_from", "2016", NULL);
	assert_contains(why, "Only city hall");
	assert_contains(why, "Grant program");
	/* Center staff are refused too (by their role, before the ownership). */
	add_bad(w->fx->s, &hanako, why, sizeof why, "programme", "code", "extra", "name", "追加",
	    "limit", "10000", "rate_num", "1", "rate_den", "2", "unit", "100", "fy_from", "2016", NULL);
	assert_int_equal(unit_sql_int(w->fx->s, "SELECT count(*) FROM programme"), 3);
	add(w->city, &officer, uuid, "programme", "code", "extra", "name", "追加", "limit", "10000",
	    "rate_num", "1", "rate_den", "2", "unit", "100", "fy_from", "2016", NULL);
	assert_int_equal(sqlf_int(w->city, "SELECT count(*) FROM programme WHERE uuid = '%q' AND "
	    "origin = 'city'", uuid), 1);

	/* A decision, likewise. */
	support_app(w->fx->s, "防災訓練", "applied", app);
	add_bad(w->fx->s, &admin, why, sizeof why, "decision", "application", app, "center",
	    "mashiba", "decided_amount", "166000", NULL);
	assert_contains(why, "Only city hall");
	assert_contains(why, "Grant decision");
	add_bad(w->fx->s, &hanako, why, sizeof why, "decision", "application", app, "center",
	    "mashiba", "decided_amount", "166000", NULL);
	assert_int_equal(unit_sql_int(w->fx->s, "SELECT count(*) FROM decision"), 0);
	assert_int_equal(unit_sql_int(w->fx->s, "SELECT count(*) FROM audit WHERE kind IN "
	    "('programme', 'decision') AND action IN ('add', 'edit')"), 0);

	/* A center cannot edit a shipped programme: its origin is the city. */
	assert_false(edit_as(w->fx->s, &admin, "programme", P_SUPPORT, "limit", "300000", why,
	    sizeof why));
	assert_contains(why, "belongs to city");
	assert_false(edit(w->fx->s, "programme", P_SUPPORT, "limit", "300000", why, sizeof why));
	assert_int_equal(sqlf_int(w->fx->s, "SELECT \"limit\" FROM programme WHERE uuid = '%q'",
	    P_SUPPORT), 200000);
	assert_int_equal(sqlf_int(w->fx->s, "SELECT version FROM programme WHERE uuid = '%q'",
	    P_SUPPORT), 1);
	/* The city edits its own. */
	assert_true(edit_as(w->city, &officer, "programme", P_SUPPORT, "limit", "300000", why,
	    sizeof why));
	assert_int_equal(sqlf_int(w->city, "SELECT \"limit\" FROM programme WHERE uuid = '%q'",
	    P_SUPPORT), 300000);
}

/* ==== applications: what is refused ==== */

static void
test_application_refusals(void **state)
{
	struct unit_fx *fx = *state;
	char why[512], app[37];

	/* The consensus programme ends in FY2015 (平成27年度). */
	add_bad(fx->s, &hanako, why, sizeof why, "application", "program", "consensus", "fy",
	    "2016", "title", "準備会", "cost", "30000", "requested", "30000", NULL);
	assert_contains(why, "Fiscal year");
	assert_contains(why, "consensus");
	assert_contains(why, "FY2016 (Heisei 28)");
	/* … and before FY2014 it was not open either. */
	add_bad(fx->s, &hanako, why, sizeof why, "application", "program", "support", "fy",
	    "2013", "title", "準備会", "cost", "30000", "requested", "20000", NULL);
	assert_contains(why, "FY2013");
	/* The activity grant opens in FY2015. */
	add_bad(fx->s, &hanako, why, sizeof why, "application", "program", "activity", "fy",
	    "2014", "title", "準備会", "cost", "30000", "requested", "30000", NULL);
	assert_contains(why, "FY2014 (Heisei 26)");

	/* ¥250,000 at 2/3 allows ¥166,000: one yen more is refused with both. */
	add_bad(fx->s, &hanako, why, sizeof why, "application", "program", "support", "fy",
	    "2015", "title", "防災", "cost", "250000", "requested", "166001", NULL);
	assert_contains(why, "Requested");
	assert_contains(why, "¥166,001");
	assert_contains(why, "¥166,000");
	/* The limit: ¥400,000 at 2/3 is 266,666, capped at ¥200,000. */
	add_bad(fx->s, &hanako, why, sizeof why, "application", "program", "support", "fy",
	    "2015", "title", "防災", "cost", "400000", "requested", "200001", NULL);
	assert_contains(why, "¥200,000");
	/* An unknown programme. */
	add_bad(fx->s, &hanako, why, sizeof why, "application", "program", "nosuch", "fy",
	    "2015", "title", "防災", "cost", "1000", "requested", "1000", NULL);
	assert_contains(why, "nosuch");
	assert_contains(why, "Program");
	/* A new application cannot start past applied. */
	add_bad(fx->s, &hanako, why, sizeof why, "application", "program", "support", "fy",
	    "2015", "title", "防災", "cost", "250000", "requested", "1000", "status", "reported",
	    NULL);
	assert_contains(why, "draft or as applied");
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM application"), 0);

	/* The allowed amount itself is accepted. */
	add(fx->s, &hanako, app, "application", "program", "support", "fy", "2015", "title",
	    "防災", "cost", "250000", "requested", "166000", NULL);
	assert_int_equal(sqlf_int(fx->s, "SELECT requested FROM application WHERE uuid = '%q'",
	    app), 166000);
	assert_int_equal(sqlf_int(fx->s, "SELECT count(*) FROM application WHERE uuid = '%q' AND "
	    "program_id = '" P_SUPPORT "' AND status = 'draft'", app), 1);
	/* With the limit exactly. */
	add(fx->s, &hanako, NULL, "application", "program", "support", "fy", "2014", "title",
	    "広報", "cost", "400000", "requested", "200000", NULL);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM application"), 2);
}

/* ==== the lifecycle ==== */

static void
test_apply_then_report_needs_decision(void **state)
{
	struct unit_fx *fx = *state;
	char why[512], app[37], date[16];

	setenv("KYODO_TODAY", "2015-06-10", 1);
	support_app(fx->s, "防災訓練", "draft", app);
	assert_str(status_of(fx->s, app), "draft");
	sqlf_text(fx->s, "SELECT ifnull(applied_on, '') FROM application WHERE uuid = '%q'", app,
	    date, sizeof date);
	assert_str(date, "");

	move_ok(fx->s, app, "applied");
	sqlf_text(fx->s, "SELECT applied_on FROM application WHERE uuid = '%q'", app, date,
	    sizeof date);
	assert_str(date, "2015-06-10");
	assert_str(status_of(fx->s, app), "applied");
	assert_true(line_of(fx->s, 0, app).g.waiting);

	/* No results report before the city's decision. */
	assert_false(move(fx->s, app, "reported", why, sizeof why));
	assert_contains(why, "after the city's grant decision");
	sqlf_text(fx->s, "SELECT status || '/' || ifnull(reported_on, '') FROM application "
	    "WHERE uuid = '%q'", app, date, sizeof date);
	assert_str(date, "applied/");
	/* Nor back to draft. */
	assert_false(move(fx->s, app, "draft", why, sizeof why));
	assert_contains(why, "cannot go from");
	/* Found by title as well as by id. */
	assert_false(move(fx->s, "防災訓練", "reported", why, sizeof why));
	assert_contains(why, "after the city's grant decision");
	unsetenv("KYODO_TODAY");
}

static void
test_center_cannot_take_city_steps(void **state)
{
	struct unit_fx *fx = *state;
	static const enum grant_city_step steps[] = {
		GRANT_DECIDE, GRANT_ADVANCE, GRANT_SETTLE, GRANT_PAY,
	};
	struct error err;
	char app[37];
	size_t i;

	support_app(fx->s, "防災訓練", "applied", app);
	for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		error_clear(&err);
		assert_false(grant_city_step(fx->s, &officer, steps[i], app, 1000, NULL, NULL, &err));
		assert_contains(err.text, "Only city hall");
	}
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM decision"), 0);
	assert_str(status_of(fx->s, app), "applied");
}

static void
test_decide(void **state)
{
	struct world *w = *state;
	char why[512], app[37], got[64];
	struct line l;

	setenv("KYODO_TODAY", "2015-07-01", 1);
	support_app(w->fx->s, "防災訓練", "draft", app);
	/* A draft is not decided on. */
	to_city(w, app);
	assert_false(step(w, GRANT_DECIDE, app, 100000, why, sizeof why));
	assert_contains(why, "applied");
	move_ok(w->fx->s, app, "applied");
	to_city(w, app);
	/* The row arrived as the center's: its uuid and origin. */
	assert_int_equal(sqlf_int(w->city, "SELECT count(*) FROM application WHERE uuid = '%q' AND "
	    "origin = 'mashiba' AND status = 'applied'", app), 1);
	assert_str(status_of(w->city, app), "applied");

	/* More than requested is refused, with both amounts. */
	assert_false(step(w, GRANT_DECIDE, app, 166001, why, sizeof why));
	assert_contains(why, "¥166,001");
	assert_contains(why, "¥166,000");
	assert_int_equal(unit_sql_int(w->city, "SELECT count(*) FROM decision"), 0);
	/* A step before a decision exists is refused too. */
	assert_false(step(w, GRANT_ADVANCE, app, 1000, why, sizeof why));
	assert_contains(why, "after the decision");
	assert_false(step(w, GRANT_SETTLE, app, 1000, why, sizeof why));
	assert_false(step(w, GRANT_PAY, app, -1, why, sizeof why));
	assert_int_equal(unit_sql_int(w->city, "SELECT count(*) FROM decision"), 0);

	step_ok(w, GRANT_DECIDE, app, 166000);
	assert_int_equal(sqlf_int(w->city, "SELECT count(*) FROM decision WHERE application = '%q' "
	    "AND origin = 'city' AND center = 'mashiba' AND decided_amount = 166000 AND "
	    "decided_on = '2015-07-01'", app), 1);
	assert_str(status_of(w->city, app), "decided");

	/* At the center, nothing yet; once the city's file arrives, decided. */
	assert_str(status_of(w->fx->s, app), "applied");
	to_center(w, app);
	l = line_of(w->fx->s, 2015, app);
	assert_str(l.status, "decided");
	assert_true(grant_has_decision(l.g.state));
	assert_true(grant_can_report(l.g.state));	/* the move the kiosk offers now */
	assert_int_equal(l.g.decided, 166000);
	assert_int_equal(l.g.requested, 166000);
	assert_int_equal(l.g.allowed, 166000);
	assert_int_equal(l.g.remaining, 166000);
	assert_false(l.g.waiting);
	assert_str(l.center, "mashiba");
	assert_str(l.program, "support");

	/* Now the results can be reported. */
	setenv("KYODO_TODAY", "2016-02-15", 1);
	move_ok(w->fx->s, app, "reported");
	sqlf_text(w->fx->s, "SELECT reported_on FROM application WHERE uuid = '%q'", app, got,
	    sizeof got);
	assert_str(got, "2016-02-15");
	assert_str(status_of(w->fx->s, app), "reported");
	unsetenv("KYODO_TODAY");
}

static void
test_settle(void **state)
{
	struct world *w = *state;
	char why[512], app[37];
	struct line l;

	setenv("KYODO_TODAY", "2015-07-01", 1);
	support_app(w->fx->s, "防災訓練", "applied", app);
	to_city(w, app);
	step_ok(w, GRANT_DECIDE, app, 166000);
	/* Not before the results are reported. */
	assert_false(step(w, GRANT_SETTLE, app, 150000, why, sizeof why));
	assert_contains(why, "after the results are reported");
	assert_int_equal(unit_sql_int(w->city, "SELECT count(*) FROM decision WHERE "
	    "final_amount IS NOT NULL"), 0);

	to_center(w, app);
	move_ok(w->fx->s, app, "reported");
	to_city(w, app);
	/* Not more than was decided. */
	assert_false(step(w, GRANT_SETTLE, app, 166001, why, sizeof why));
	assert_contains(why, "¥166,001");
	assert_contains(why, "¥166,000");
	step_ok(w, GRANT_SETTLE, app, 150000);
	assert_int_equal(unit_sql_int(w->city, "SELECT final_amount FROM decision"), 150000);
	/* Once settled, no new decision. */
	assert_false(step(w, GRANT_DECIDE, app, 100000, why, sizeof why));
	assert_int_equal(unit_sql_int(w->city, "SELECT decided_amount FROM decision"), 166000);

	to_center(w, app);
	l = line_of(w->fx->s, 0, app);
	assert_str(l.status, "settled");
	assert_int_equal(l.g.final, 150000);
	assert_int_equal(l.g.decided, 166000);
	assert_int_equal(l.g.remaining, 150000);
	unsetenv("KYODO_TODAY");
}

static void
test_advance_and_pay(void **state)
{
	struct world *w = *state;
	char why[512], app[37];
	struct line l;

	setenv("KYODO_TODAY", "2015-07-01", 1);
	support_app(w->fx->s, "防災訓練", "applied", app);
	to_city(w, app);
	step_ok(w, GRANT_DECIDE, app, 166000);
	/* An advance (概算払) is at most the decided amount. */
	assert_false(step(w, GRANT_ADVANCE, app, 166001, why, sizeof why));
	assert_contains(why, "more than the decided amount");
	step_ok(w, GRANT_ADVANCE, app, 100000);
	assert_int_equal(unit_sql_int(w->city, "SELECT advance_amount FROM decision"), 100000);
	assert_int_equal(unit_sql_int(w->city, "SELECT count(*) FROM decision WHERE "
	    "advance_on = '2015-07-01'"), 1);
	/* Not paid before the amount is settled. */
	assert_false(step(w, GRANT_PAY, app, -1, why, sizeof why));
	assert_contains(why, "settled");

	to_center(w, app);
	l = line_of(w->fx->s, 0, app);
	assert_str(l.status, "decided");
	assert_int_equal(l.g.advance, 100000);
	move_ok(w->fx->s, app, "reported");
	to_city(w, app);
	step_ok(w, GRANT_SETTLE, app, 150000);
	/* No advance once settled. */
	assert_false(step(w, GRANT_ADVANCE, app, 10000, why, sizeof why));
	assert_contains(why, "before the amount is settled");
	assert_int_equal(unit_sql_int(w->city, "SELECT advance_amount FROM decision"), 100000);

	/* Paid without an amount: the final amount less the advance. */
	step_ok(w, GRANT_PAY, app, -1);
	assert_int_equal(unit_sql_int(w->city, "SELECT paid_amount FROM decision"), 50000);
	assert_int_equal(unit_sql_int(w->city, "SELECT count(*) FROM decision WHERE "
	    "paid_on = '2015-07-01'"), 1);
	to_center(w, app);
	l = line_of(w->fx->s, 0, app);
	assert_str(l.status, "paid");
	assert_int_equal(l.g.paid, 50000);
	assert_int_equal(l.g.final, 150000);

	/* Once paid, it cannot be withdrawn: not offered, and refused. */
	assert_false(grant_can_withdraw(l.g.state));
	assert_false(move(w->fx->s, app, "withdrawn", why, sizeof why));
	assert_contains(why, "paid");
	assert_int_equal(sqlf_int(w->fx->s, "SELECT count(*) FROM application WHERE uuid = '%q' "
	    "AND status = 'reported'", app), 1);
	assert_str(status_of(w->fx->s, app), "paid");
	unsetenv("KYODO_TODAY");
}

static void
test_pay_with_amount(void **state)
{
	struct world *w = *state;
	char app[37], other[37];

	support_app(w->fx->s, "防災訓練", "applied", app);
	to_city(w, app);
	step_ok(w, GRANT_DECIDE, app, 166000);
	to_center(w, app);
	move_ok(w->fx->s, app, "reported");
	to_city(w, app);
	step_ok(w, GRANT_SETTLE, app, 120000);
	/* No advance: pay without an amount pays the final amount. */
	step_ok(w, GRANT_PAY, app, -1);
	assert_int_equal(sqlf_int(w->city, "SELECT paid_amount FROM decision WHERE "
	    "application = '%q'", app), 120000);

	/* An amount given is recorded as given. */
	support_app(w->fx->s, "二件目", "applied", other);
	to_city(w, other);
	step_ok(w, GRANT_DECIDE, other, 166000);
	step_ok(w, GRANT_ADVANCE, other, 60000);
	to_center(w, other);
	move_ok(w->fx->s, other, "reported");
	to_city(w, other);
	step_ok(w, GRANT_SETTLE, other, 166000);
	step_ok(w, GRANT_PAY, other, 90000);
	assert_int_equal(sqlf_int(w->city, "SELECT paid_amount FROM decision WHERE "
	    "application = '%q'", other), 90000);
}

/* An advance larger than the final amount: the body owes money back
 * (返還); paying "final minus advance" must not record a negative payment
 * in a yen field (refused, or nothing more to pay). */
static void
test_pay_after_larger_advance(void **state)
{
	struct world *w = *state;
	char why[512], app[37];

	support_app(w->fx->s, "防災訓練", "applied", app);
	to_city(w, app);
	step_ok(w, GRANT_DECIDE, app, 166000);
	step_ok(w, GRANT_ADVANCE, app, 166000);
	to_center(w, app);
	move_ok(w->fx->s, app, "reported");
	to_city(w, app);
	step_ok(w, GRANT_SETTLE, app, 150000);
	if (step(w, GRANT_PAY, app, -1, why, sizeof why) &&
	    unit_sql_int(w->city, "SELECT paid_amount FROM decision") < 0)
		fail_msg("pay with an advance of ¥166,000 against a final ¥150,000 recorded a "
		    "payment of %lld yen", unit_sql_int(w->city, "SELECT paid_amount FROM decision"));
}

static void
test_withdraw(void **state)
{
	struct world *w = *state;
	char why[512], draft[37], decided[37];

	/* A draft can be withdrawn. */
	support_app(w->fx->s, "下書き", "draft", draft);
	move_ok(w->fx->s, draft, "withdrawn");
	assert_str(status_of(w->fx->s, draft), "withdrawn");
	/* So can a decided grant not yet paid. */
	support_app(w->fx->s, "決定済み", "applied", decided);
	to_city(w, decided);
	step_ok(w, GRANT_DECIDE, decided, 166000);
	to_center(w, decided);
	assert_str(status_of(w->fx->s, decided), "decided");
	move_ok(w->fx->s, decided, "withdrawn");
	assert_str(status_of(w->fx->s, decided), "withdrawn");
	assert_int_equal(line_of(w->fx->s, 0, decided).g.decided, 166000);

	/* A withdrawn application cannot change any more. */
	assert_false(move(w->fx->s, draft, "applied", why, sizeof why));
	assert_contains(why, "withdrawn");
	assert_false(move(w->fx->s, decided, "reported", why, sizeof why));
	assert_contains(why, "withdrawn");
	assert_int_equal(sqlf_int(w->fx->s, "SELECT count(*) FROM application WHERE uuid = '%q' "
	    "AND status = 'withdrawn' AND reported_on IS NULL", decided), 1);

	/* The city takes no step on it. */
	to_city(w, decided);
	assert_false(step(w, GRANT_ADVANCE, decided, 1000, why, sizeof why));
	assert_contains(why, "withdrawn");
	assert_int_equal(unit_sql_int(w->city, "SELECT count(*) FROM decision WHERE "
	    "advance_amount IS NOT NULL"), 0);
}

/* Withdrawn, an application keeps its programme, year, amounts and title:
 * it "cannot change". */
static void
test_withdrawn_application_frozen(void **state)
{
	struct unit_fx *fx = *state;
	char why[512], draft[37], applied[37];

	support_app(fx->s, "下書き", "draft", draft);
	support_app(fx->s, "申請済み", "applied", applied);
	move_ok(fx->s, draft, "withdrawn");
	move_ok(fx->s, applied, "withdrawn");
	if (edit(fx->s, "application", draft, "cost", "100000", why, sizeof why))
		fail_msg("a withdrawn draft's cost was changed to ¥100,000 (now %lld)",
		    sqlf_int(fx->s, "SELECT cost FROM application WHERE uuid = '%q'", draft));
	assert_contains(why, "withdrawn");
	if (edit(fx->s, "application", applied, "requested", "1000", why, sizeof why))
		fail_msg("a withdrawn application's requested amount was changed to ¥1,000");
	if (edit(fx->s, "application", applied, "title", "別の事業", why, sizeof why))
		fail_msg("a withdrawn application's title was changed");
	assert_int_equal(sqlf_int(fx->s, "SELECT version FROM application WHERE uuid = '%q'",
	    applied), 2);
}

static void
test_amounts_frozen_once_applied(void **state)
{
	struct unit_fx *fx = *state;
	char why[512], app[37];

	support_app(fx->s, "防災訓練", "draft", app);
	/* In draft, free. */
	assert_true(edit(fx->s, "application", app, "cost", "300000", why, sizeof why));
	assert_true(edit(fx->s, "application", app, "requested", "190000", why, sizeof why));
	assert_true(edit(fx->s, "application", app, "fy", "2014", why, sizeof why));
	/* … within the programme's rule still. */
	assert_false(edit(fx->s, "application", app, "requested", "200001", why, sizeof why));
	assert_contains(why, "¥200,000");

	move_ok(fx->s, app, "applied");
	assert_false(edit(fx->s, "application", app, "cost", "250000", why, sizeof why));
	assert_contains(why, "fixed");
	assert_false(edit(fx->s, "application", app, "requested", "1000", why, sizeof why));
	assert_contains(why, "fixed");
	assert_false(edit(fx->s, "application", app, "fy", "2015", why, sizeof why));
	assert_contains(why, "fixed");
	assert_false(edit(fx->s, "application", app, "program", "consensus", why, sizeof why));
	assert_contains(why, "fixed");
	assert_int_equal(sqlf_int(fx->s, "SELECT cost * 1000000 + requested FROM application "
	    "WHERE uuid = '%q'", app), 300000LL * 1000000 + 190000);
	assert_int_equal(sqlf_int(fx->s, "SELECT fy FROM application WHERE uuid = '%q'", app),
	    2014);
	/* Words may still be put right. */
	assert_true(edit(fx->s, "application", app, "title", "防災訓練（改）", why, sizeof why));
}

/* ==== the city's decision: the rules in the core (decision_check_store) ==== */

/* A decision record (pairs up to NULL), not stored. */
static void
make(struct record *r, const char *kind, ...)
{
	va_list ap;

	va_start(ap, kind);
	vmake(r, kind, ap);
	va_end(ap);
}

/* An applied support application (¥166,000 requested) at the center and
 * its copy at the city. */
static void
applied_at_city(struct world *w, const char *title, char *app)
{
	support_app(w->fx->s, title, "applied", app);
	to_city(w, app);
}

static long long
decisions(struct store *s)
{
	return unit_sql_int(s, "SELECT count(*) FROM decision");
}

static void
test_decision_needs_its_application(void **state)
{
	struct world *w = *state;
	char why[512], app[37], gone[37];

	applied_at_city(w, "防災訓練", app);
	/* An application the store does not hold. */
	add_bad(w->city, &officer, why, sizeof why, "decision", "application",
	    "00000000-0000-4000-8000-0000000000aa", "center", "mashiba", "decided_amount",
	    "1000", "decided_on", "2015-07-01", NULL);
	assert_contains(why, "Application id");
	assert_contains(why, "no grant application");
	assert_contains(why, "00000000-0000-4000-8000-0000000000aa");
	/* A deleted one. */
	support_app(w->fx->s, "削除", "draft", gone);
	del(w->fx->s, "application", gone);
	to_city(w, gone);
	add_bad(w->city, &officer, why, sizeof why, "decision", "application", gone, "center",
	    "mashiba", "decided_amount", "1000", "decided_on", "2015-07-01", NULL);
	assert_contains(why, "Application id");
	assert_contains(why, "deleted");
	assert_int_equal(decisions(w->city), 0);
	/* Its own application is accepted. */
	add(w->city, &officer, NULL, "decision", "application", app, "center", "mashiba",
	    "decided_amount", "166000", "decided_on", "2015-07-01", NULL);
	assert_int_equal(decisions(w->city), 1);
}

static void
test_decision_center_is_the_owner(void **state)
{
	struct world *w = *state;
	char why[512], app[37];

	applied_at_city(w, "防災訓練", app);
	/* Another center's decision would travel to the wrong center. */
	add_bad(w->city, &officer, why, sizeof why, "decision", "application", app, "center",
	    "hagisho", "decided_amount", "166000", "decided_on", "2015-07-01", NULL);
	assert_contains(why, "Center");
	assert_contains(why, "mashiba");
	assert_contains(why, "hagisho");
	assert_int_equal(decisions(w->city), 0);
	add(w->city, &officer, NULL, "decision", "application", app, "center", "mashiba",
	    "decided_amount", "166000", "decided_on", "2015-07-01", NULL);
	assert_int_equal(unit_sql_int(w->city, "SELECT count(*) FROM decision WHERE "
	    "center = 'mashiba'"), 1);
}

static void
test_decision_amounts(void **state)
{
	struct world *w = *state;
	char why[512], app[37], uuid[37];

	applied_at_city(w, "防災訓練", app);
	/* Not above the request. */
	add_bad(w->city, &officer, why, sizeof why, "decision", "application", app, "center",
	    "mashiba", "decided_amount", "166001", "decided_on", "2015-07-01", NULL);
	assert_contains(why, "Decided amount");
	assert_contains(why, "¥166,001");
	assert_contains(why, "¥166,000");
	/* An advance, a final amount, not above the decided amount. */
	add_bad(w->city, &officer, why, sizeof why, "decision", "application", app, "center",
	    "mashiba", "decided_amount", "100000", "decided_on", "2015-07-01",
	    "advance_amount", "100001", "advance_on", "2015-07-02", NULL);
	assert_contains(why, "Advance payment");
	assert_contains(why, "decided amount");
	add_bad(w->city, &officer, why, sizeof why, "decision", "application", app, "center",
	    "mashiba", "decided_amount", "100000", "decided_on", "2015-07-01",
	    "final_amount", "100001", "settled_on", "2016-03-01", NULL);
	assert_contains(why, "Final amount");
	assert_contains(why, "¥100,001");
	/* A payment not above the final amount. */
	add_bad(w->city, &officer, why, sizeof why, "decision", "application", app, "center",
	    "mashiba", "decided_amount", "100000", "decided_on", "2015-07-01",
	    "final_amount", "90000", "settled_on", "2016-03-01", "paid_amount", "90001",
	    "paid_on", "2016-03-10", NULL);
	assert_contains(why, "Paid amount");
	assert_contains(why, "final amount");
	assert_int_equal(decisions(w->city), 0);
	/* Each at its bound is accepted. */
	add(w->city, &officer, uuid, "decision", "application", app, "center", "mashiba",
	    "decided_amount", "166000", "decided_on", "2015-07-01", "advance_amount", "166000",
	    "advance_on", "2015-07-01", "final_amount", "166000", "settled_on", "2016-03-01",
	    "paid_amount", "166000", "paid_on", "2016-03-01", NULL);
	assert_int_equal(decisions(w->city), 1);
}

/* What the programme allows bounds a decided amount that is new or
 * changed; one made under terms the city changed later still takes its
 * next steps. */
static void
test_decision_within_the_programme(void **state)
{
	struct world *w = *state;
	char why[512], app[37], other[37];

	applied_at_city(w, "防災訓練", app);
	applied_at_city(w, "広報", other);
	step_ok(w, GRANT_DECIDE, app, 166000);
	/* The city lowers the support programme's limit to ¥100,000. */
	assert_true(edit_as(w->city, &officer, "programme", P_SUPPORT, "limit", "100000", why,
	    sizeof why));
	add_bad(w->city, &officer, why, sizeof why, "decision", "application", other, "center",
	    "mashiba", "decided_amount", "100001", "decided_on", "2015-07-01", NULL);
	assert_contains(why, "Decided amount");
	assert_contains(why, "program allows");
	assert_contains(why, "¥100,000");
	assert_false(step(w, GRANT_DECIDE, other, 100001, why, sizeof why));
	assert_contains(why, "program allows");
	step_ok(w, GRANT_DECIDE, other, 100000);
	/* The decision made before: its advance is taken … */
	step_ok(w, GRANT_ADVANCE, app, 50000);
	/* … but its amount is not changed past the new terms. */
	assert_false(step(w, GRANT_DECIDE, app, 150000, why, sizeof why));
	assert_contains(why, "program allows");
	assert_int_equal(sqlf_int(w->city, "SELECT decided_amount FROM decision WHERE "
	    "application = '%q'", app), 166000);
}

static void
test_decision_amounts_with_dates(void **state)
{
	struct world *w = *state;
	char why[512], app[37];

	applied_at_city(w, "防災訓練", app);
	/* A decision states its amount … */
	add_bad(w->city, &officer, why, sizeof why, "decision", "application", app, "center",
	    "mashiba", "decided_on", "2015-07-01", NULL);
	assert_contains(why, "Decided amount");
	assert_contains(why, "required");
	/* … with its date; each amount with its date, each date with its amount. */
	add_bad(w->city, &officer, why, sizeof why, "decision", "application", app, "center",
	    "mashiba", "decided_amount", "1000", NULL);
	assert_contains(why, "Decided amount");
	assert_contains(why, "Decided on");
	add_bad(w->city, &officer, why, sizeof why, "decision", "application", app, "center",
	    "mashiba", "decided_amount", "1000", "decided_on", "2015-07-01", "advance_amount",
	    "500", NULL);
	assert_contains(why, "Advance payment");
	assert_contains(why, "Advance paid on");
	add_bad(w->city, &officer, why, sizeof why, "decision", "application", app, "center",
	    "mashiba", "decided_amount", "1000", "decided_on", "2015-07-01", "settled_on",
	    "2016-03-01", NULL);
	assert_contains(why, "Settled on");
	assert_contains(why, "Final amount");
	add_bad(w->city, &officer, why, sizeof why, "decision", "application", app, "center",
	    "mashiba", "decided_amount", "1000", "decided_on", "2015-07-01", "final_amount",
	    "1000", "settled_on", "2016-03-01", "paid_on", "2016-03-02", NULL);
	assert_contains(why, "Paid on");
	assert_contains(why, "Paid amount");
	assert_int_equal(decisions(w->city), 0);
}

static void
test_decision_dates_in_order(void **state)
{
	struct world *w = *state;
	char why[512], app[37];

	applied_at_city(w, "防災訓練", app);
	/* Paid before it is settled. */
	add_bad(w->city, &officer, why, sizeof why, "decision", "application", app, "center",
	    "mashiba", "decided_amount", "1000", "decided_on", "2015-07-01", "paid_amount",
	    "1000", "paid_on", "2015-07-02", NULL);
	assert_contains(why, "Paid amount");
	assert_contains(why, "settled");
	/* An advance before the decision. */
	add_bad(w->city, &officer, why, sizeof why, "decision", "application", app, "center",
	    "mashiba", "decided_amount", "1000", "decided_on", "2015-07-01", "advance_amount",
	    "500", "advance_on", "2015-06-30", NULL);
	assert_contains(why, "Advance paid on");
	assert_contains(why, "2015-06-30");
	assert_contains(why, "before the decision");
	/* Settled before the decision. */
	add_bad(w->city, &officer, why, sizeof why, "decision", "application", app, "center",
	    "mashiba", "decided_amount", "1000", "decided_on", "2015-07-01", "final_amount",
	    "1000", "settled_on", "2015-06-01", NULL);
	assert_contains(why, "Settled on");
	assert_contains(why, "before the decision");
	/* Paid before it was settled. */
	add_bad(w->city, &officer, why, sizeof why, "decision", "application", app, "center",
	    "mashiba", "decided_amount", "1000", "decided_on", "2015-07-01", "final_amount",
	    "1000", "settled_on", "2016-03-01", "paid_amount", "1000", "paid_on", "2016-02-28",
	    NULL);
	assert_contains(why, "Paid on");
	assert_contains(why, "before the amount was settled");
	assert_int_equal(decisions(w->city), 0);
	/* Through the city's steps too: a settlement dated before the decision. */
	setenv("KYODO_TODAY", "2015-07-01", 1);
	step_ok(w, GRANT_DECIDE, app, 1000);
	unsetenv("KYODO_TODAY");
	to_center(w, app);
	move_ok(w->fx->s, app, "reported");
	to_city(w, app);
	{
		struct error err;

		error_clear(&err);
		assert_false(grant_city_step(w->city, &officer, GRANT_SETTLE, app, 1000,
		    "2015-06-30", NULL, &err));
		assert_contains(err.text, "Settled on");
		assert_true(grant_city_step(w->city, &officer, GRANT_SETTLE, app, 1000,
		    "2015-07-01", NULL, &err));
	}
	/* The same day all through is accepted. */
	assert_int_equal(unit_sql_int(w->city, "SELECT count(*) FROM decision WHERE "
	    "settled_on = '2015-07-01'"), 1);
}

static void
test_decision_one_per_application(void **state)
{
	struct world *w = *state;
	char why[512], app[37], first[37];

	applied_at_city(w, "防災訓練", app);
	add(w->city, &officer, first, "decision", "application", app, "center", "mashiba",
	    "decided_amount", "100000", "decided_on", "2015-07-01", NULL);
	/* A second row for the same application: kyodo's sentence, not SQLite's. */
	add_bad(w->city, &officer, why, sizeof why, "decision", "application", app, "center",
	    "mashiba", "decided_amount", "90000", "decided_on", "2015-07-02", NULL);
	assert_contains(why, "Application id");
	assert_contains(why, "already has a grant decision");
	assert_not_contains(why, "UNIQUE");
	assert_int_equal(decisions(w->city), 1);
	/* Its own row is saved again freely. */
	assert_true(edit_as(w->city, &officer, "decision", first, "decided_amount", "120000",
	    why, sizeof why));
	/* Once it is deleted, another may be made. */
	del_as(w->city, &officer, "decision", first);
	add(w->city, &officer, NULL, "decision", "application", app, "center", "mashiba",
	    "decided_amount", "90000", "decided_on", "2015-07-02", NULL);
	assert_int_equal(unit_sql_int(w->city, "SELECT count(*) FROM decision WHERE "
	    "deleted = 0"), 1);
}

/* The check asks neither the store's kind nor the actor: at a center, the
 * city's row arriving with its file is judged the same way. */
static void
test_decision_check_at_a_center(void **state)
{
	struct world *w = *state;
	struct record r;
	struct error err;
	char app[37];

	support_app(w->fx->s, "防災訓練", "applied", app);
	make(&r, "decision", "application", app, "center", "mashiba", "decided_amount",
	    "166000", "decided_on", "2015-07-01", NULL);
	snprintf(r.uuid, sizeof r.uuid, "%s", app);
	snprintf(r.origin, sizeof r.origin, "city");
	error_clear(&err);
	assert_true(decision_check_store(w->fx->s, &r, &err));
	/* Another center's, or above the request: refused at the center too. */
	assert_true(record_set(&r, I("decision", "center"), "hagisho", &err));
	assert_false(decision_check_store(w->fx->s, &r, &err));
	assert_contains(err.text, "Center");
	assert_int_equal(err.field, I("decision", "center"));
	assert_true(record_set(&r, I("decision", "center"), "mashiba", &err));
	assert_true(record_set(&r, I("decision", "decided_amount"), "166001", &err));
	assert_false(decision_check_store(w->fx->s, &r, &err));
	assert_contains(err.text, "¥166,001");
	/* A tombstone says nothing more to check. */
	r.deleted = true;
	assert_true(decision_check_store(w->fx->s, &r, &err));
	record_free(&r);
}

/* The city's file, as the import applies a decision row: checked, then
 * written by uuid over the center's copy. */
static void
arrive(struct world *w, const char *app)
{
	struct record r;
	struct error err;
	char *sql;

	error_clear(&err);
	if (!record_get(w->city, K("decision"), app, &r, &err))
		fail_msg("the city's decision on %s: %s", app, err.text);
	if (!decision_check_store(w->fx->s, &r, &err)) {
		char copy[512];

		snprintf(copy, sizeof copy, "%s", err.text);
		record_free(&r);
		fail_msg("the center refuses the city's decision: %s", copy);
	}
	record_free(&r);
	sql = sqlite3_mprintf("ATTACH %Q AS src; INSERT INTO main.decision SELECT * FROM "
	    "src.decision WHERE uuid = %Q ON CONFLICT (uuid) DO UPDATE SET "
	    "version = excluded.version, decided_amount = excluded.decided_amount, "
	    "decided_on = excluded.decided_on; DETACH src;", w->city_path, app);
	assert_int_equal(sqlite3_exec(store_db(w->fx->s), sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
}

/* Every decision's uuid is its application's, so the city deciding again
 * after it restored a backup remakes the same row: the center's copy is
 * replaced, never a second decision beside it. */
static void
test_decision_uuid_survives_restore(void **state)
{
	struct world *w = *state;
	char bak[4200], aside[4200], app[37];
	struct error err;

	applied_at_city(w, "防災訓練", app);
	unit_path(bak, sizeof bak, w->fx->dir, "city-before.db");
	error_clear(&err);
	if (!store_backup(w->city, bak, &err))
		fail_msg("store_backup: %s", err.text);
	step_ok(w, GRANT_DECIDE, app, 150000);
	assert_int_equal(sqlf_int(w->city, "SELECT count(*) FROM decision WHERE uuid = '%q' "
	    "AND application = uuid", app), 1);
	arrive(w, app);
	assert_int_equal(line_of(w->fx->s, 0, app).g.decided, 150000);

	/* City hall restores the backup made before the decision, and
	 * decides again. */
	store_close(w->city);
	w->city = NULL;
	if (!backup_restore(w->city_path, bak, aside, &err))
		fail_msg("backup_restore: %s", err.text);
	w->city = store_open(w->city_path, &err);
	if (w->city == NULL)
		fail_msg("store_open: %s", err.text);
	assert_int_equal(decisions(w->city), 0);
	step_ok(w, GRANT_DECIDE, app, 120000);
	assert_int_equal(sqlf_int(w->city, "SELECT count(*) FROM decision WHERE uuid = '%q'",
	    app), 1);
	arrive(w, app);
	assert_int_equal(sqlf_int(w->fx->s, "SELECT count(*) FROM decision WHERE "
	    "application = '%q'", app), 1);
	assert_int_equal(line_of(w->fx->s, 0, app).g.decided, 120000);
}

/* `kyodo add decision`: the application's uuid, the city's rule on the
 * application's status, one decision an application. */
static void
test_decision_add(void **state)
{
	struct world *w = *state;
	char why[512], draft[37], gone[37], app[37];
	struct record r;
	struct error err;

	support_app(w->fx->s, "下書き", "draft", draft);
	to_city(w, draft);
	support_app(w->fx->s, "取下げ", "applied", gone);
	move_ok(w->fx->s, gone, "withdrawn");
	to_city(w, gone);
	applied_at_city(w, "防災訓練", app);

#define DECISION(r, a, ...) make(r, "decision", "application", a, "center", "mashiba", \
	"decided_amount", "100000", "decided_on", "2015-07-01", __VA_ARGS__)
	/* Not on a draft: nothing has been applied for. */
	DECISION(&r, draft, NULL);
	error_clear(&err);
	assert_false(grant_decision_add(w->city, &officer, &r, &err));
	assert_contains(err.text, "applied");
	record_free(&r);
	/* Not on a withdrawn application. */
	DECISION(&r, gone, NULL);
	assert_false(grant_decision_add(w->city, &officer, &r, &err));
	assert_contains(err.text, "withdrawn");
	record_free(&r);
	/* No final amount before the results are reported. */
	DECISION(&r, app, "final_amount", "100000", "settled_on", "2016-03-01", NULL);
	assert_false(grant_decision_add(w->city, &officer, &r, &err));
	assert_contains(err.text, "after the results are reported");
	record_free(&r);
	assert_int_equal(decisions(w->city), 0);

	/* On the applied one: the row takes the application's uuid. */
	DECISION(&r, app, NULL);
	if (!grant_decision_add(w->city, &officer, &r, &err))
		fail_msg("grant_decision_add: %s", err.text);
	assert_str(r.uuid, app);
	record_free(&r);
	assert_int_equal(sqlf_int(w->city, "SELECT count(*) FROM decision WHERE uuid = '%q' "
	    "AND application = uuid AND origin = 'city' AND version = 1", app), 1);
	/* A second: a sentence, not SQLite's constraint. */
	DECISION(&r, app, NULL);
	assert_false(grant_decision_add(w->city, &officer, &r, &err));
	assert_contains(err.text, "already has a grant decision");
	record_free(&r);
	/* Deleted, a decision is made again as the same row's next version. */
	del_as(w->city, &officer, "decision", app);
	DECISION(&r, app, NULL);
	if (!grant_decision_add(w->city, &officer, &r, &err))
		fail_msg("grant_decision_add after delete: %s", err.text);
	record_free(&r);
	assert_int_equal(sqlf_int(w->city, "SELECT count(*) FROM decision WHERE uuid = '%q' "
	    "AND deleted = 0 AND version = 3", app), 1);
	(void)why;
#undef DECISION
}

/* The city's steps make their decision with the application's uuid, and
 * bring a deleted one back as its next version. */
static void
test_city_step_uuid(void **state)
{
	struct world *w = *state;
	char app[37];

	applied_at_city(w, "防災訓練", app);
	step_ok(w, GRANT_DECIDE, app, 100000);
	assert_int_equal(sqlf_int(w->city, "SELECT count(*) FROM decision WHERE uuid = '%q'",
	    app), 1);
	del_as(w->city, &officer, "decision", app);
	step_ok(w, GRANT_DECIDE, app, 90000);
	assert_int_equal(sqlf_int(w->city, "SELECT count(*) FROM decision WHERE uuid = '%q' "
	    "AND deleted = 0 AND decided_amount = 90000 AND version = 3", app), 1);
	assert_int_equal(decisions(w->city), 1);
}

/* Sums of yen past 64 bits (values a damaged store may hold; ten million
 * rows within the fields' limits would do the same) are held at the limit:
 * no overflow, no SQLite "integer overflow" in place of the list. */
static void
test_lines_sum_held_at_the_limit(void **state)
{
	struct world *w = *state;
	char app[37], *sql;
	struct line l;

	applied_at_city(w, "防災訓練", app);
	step_ok(w, GRANT_DECIDE, app, 166000);
	to_center(w, app);
	sql = sqlite3_mprintf("INSERT INTO expense (uuid, origin, updated_at, created_by, "
	    "updated_by, application, application_id, date, item, amount) SELECT "
	    "column1, 'mashiba', '2015-07-01T00:00:00Z', 'x', 'x', %Q, %Q, '2015-07-01', 'x', "
	    "4000000000000000000 FROM (VALUES ('e1'), ('e2'), ('e3'))", app, app);
	assert_int_equal(sqlite3_exec(store_db(w->fx->s), sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	l = line_of(w->fx->s, 0, app);
	assert_true(l.g.spent == LLONG_MAX);
	assert_true(l.g.remaining == 166000 - LLONG_MAX);
	assert_true(l.g.overspent);
	/* Within 64 bits the sum is exact, the negative too. */
	assert_int_equal(sqlite3_exec(store_db(w->fx->s), "UPDATE expense SET amount = "
	    "CASE uuid WHEN 'e1' THEN 1000000000000 WHEN 'e2' THEN 4294967297 ELSE -3 END",
	    NULL, NULL, NULL), SQLITE_OK);
	l = line_of(w->fx->s, 0, app);
	assert_true(l.g.spent == 1000000000000LL + 4294967297LL - 3);
}

/* ==== grant_lines: money ==== */

static void
test_lines_spent_and_remaining(void **state)
{
	struct world *w = *state;
	char app[37], gone[37];
	struct line l;

	setenv("KYODO_TODAY", "2015-07-01", 1);
	support_app(w->fx->s, "防災訓練", "applied", app);
	add(w->fx->s, &hanako, NULL, "expense", "application", app, "date", "2015-06-20",
	    "item", "チラシ印刷", "amount", "50000", NULL);
	/* Before a decision: the expense is planned, not spent; nothing
	 * remains, and saving one is warned about. */
	l = line_of(w->fx->s, 0, app);
	assert_int_equal(l.g.spent, 0);
	assert_int_equal(l.g.planned, 50000);
	assert_int_equal(l.g.remaining, 0);
	assert_false(l.g.overspent);
	assert_non_null(grant_expense_warning(w->fx->s, app));

	add(w->fx->s, &hanako, NULL, "expense", "application", "防災訓練", "date", "2015-07-20",
	    "item", "会場費", "amount", "30000", NULL);
	add(w->fx->s, &hanako, gone, "expense", "application", app, "date", "2015-07-21",
	    "item", "取消", "amount", "20000", NULL);
	del(w->fx->s, "expense", gone);
	to_city(w, app);
	step_ok(w, GRANT_DECIDE, app, 166000);
	to_center(w, app);
	l = line_of(w->fx->s, 0, app);
	assert_int_equal(l.g.spent, 80000);		/* the deleted ¥20,000 does not count */
	assert_int_equal(l.g.planned, 0);		/* the decision made them spent */
	assert_null(grant_expense_warning(w->fx->s, app));
	assert_int_equal(l.g.remaining, 166000 - 80000);
	assert_false(l.g.overspent);

	/* Past the decided amount: overspent. */
	add(w->fx->s, &hanako, NULL, "expense", "application", app, "date", "2015-08-01",
	    "item", "備品", "amount", "86000", NULL);
	l = line_of(w->fx->s, 0, app);
	assert_int_equal(l.g.spent, 166000);
	assert_int_equal(l.g.remaining, 0);
	assert_false(l.g.overspent);		/* exactly the decided amount */
	add(w->fx->s, &hanako, NULL, "expense", "application", app, "date", "2015-08-02",
	    "item", "備品", "amount", "1", NULL);
	l = line_of(w->fx->s, 0, app);
	assert_int_equal(l.g.remaining, -1);
	assert_true(l.g.overspent);

	/* Settled: what remains is counted from the final amount. */
	move_ok(w->fx->s, app, "reported");
	to_city(w, app);
	step_ok(w, GRANT_SETTLE, app, 160000);
	to_center(w, app);
	l = line_of(w->fx->s, 0, app);
	assert_str(l.status, "settled");
	assert_int_equal(l.g.spent, 166001);
	assert_int_equal(l.g.remaining, 160000 - 166001);
	assert_true(l.g.overspent);
	unsetenv("KYODO_TODAY");
}

static int
count_lines(struct store *s, int fy)
{
	struct line l;
	struct error err;

	memset(&l, 0, sizeof l);
	l.want = "";
	error_clear(&err);
	if (grant_lines(s, fy, catch_line, &l, &err) < 0)
		fail_msg("grant_lines: %s", err.text);
	return l.count;
}

static void
test_lines_by_year_and_status(void **state)
{
	struct unit_fx *fx = *state;
	char a[37], b[37], c[37], d[37];

	add(fx->s, &hanako, a, "application", "program", "consensus", "fy", "2014", "title",
	    "準備会", "cost", "38500", "requested", "38000", NULL);
	add(fx->s, &hanako, b, "application", "program", "activity", "fy", "2016", "title",
	    "夏祭り", "cost", "100000", "requested", "100000", "status", "applied", NULL);
	add(fx->s, &hanako, c, "application", "program", "activity", "fy", "2016", "title",
	    "取消", "cost", "100000", "requested", "1000", NULL);
	add(fx->s, &hanako, d, "application", "program", "activity", "fy", "2017", "title",
	    "削除", "cost", "100000", "requested", "1000", NULL);
	move_ok(fx->s, c, "withdrawn");
	del(fx->s, "application", d);
	assert_int_equal(count_lines(fx->s, 0), 3);	/* the deleted one is not listed */
	assert_int_equal(count_lines(fx->s, 2014), 1);
	assert_int_equal(count_lines(fx->s, 2016), 2);
	assert_int_equal(count_lines(fx->s, 2017), 0);
	assert_str(status_of(fx->s, a), "draft");
	assert_str(status_of(fx->s, b), "applied");
	assert_str(status_of(fx->s, c), "withdrawn");
	assert_int_equal(line_of(fx->s, 0, a).g.allowed, 38000);
	assert_int_equal(line_of(fx->s, 0, b).g.allowed, 100000);
}

/* A status code kyodo does not know (a store damaged by hand) is listed as
 * it is stored, offers nothing of its own, and is still counted. */
static void
test_lines_unknown_status(void **state)
{
	struct unit_fx *fx = *state;
	char app[37], *sql;
	struct line l;

	support_app(fx->s, "防災訓練", "draft", app);
	sql = sqlite3_mprintf("UPDATE application SET status = 'mystery' WHERE uuid = %Q", app);
	assert_int_equal(sqlite3_exec(store_db(fx->s), sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	l = line_of(fx->s, 0, app);
	assert_str(l.status, "mystery");
	assert_int_equal(l.g.state, GRANT_STATUS_OTHER);
	assert_str(grant_status_label(l.status), "mystery");
	assert_false(l.g.waiting);
	assert_false(l.g.report_due);
	assert_int_equal(count_lines(fx->s, 2015), 1);
}

static void
test_report_due(void **state)
{
	struct world *w = *state;
	char app[37], other[37];

	support_app(w->fx->s, "防災訓練", "applied", app);
	support_app(w->fx->s, "未決定", "applied", other);
	to_city(w, app);
	step_ok(w, GRANT_DECIDE, app, 166000);
	to_center(w, app);
	/* FY2015 ends 2016-03-31; the report is due from March 1. */
	setenv("KYODO_TODAY", "2016-02-29", 1);
	assert_false(line_of(w->fx->s, 0, app).g.report_due);
	setenv("KYODO_TODAY", "2016-03-01", 1);
	assert_true(line_of(w->fx->s, 0, app).g.report_due);
	assert_false(line_of(w->fx->s, 0, other).g.report_due);	/* not decided */
	setenv("KYODO_TODAY", "2017-01-10", 1);
	assert_true(line_of(w->fx->s, 0, app).g.report_due);	/* and after, until reported */
	setenv("KYODO_TODAY", "2015-04-01", 1);
	assert_false(line_of(w->fx->s, 0, app).g.report_due);
	setenv("KYODO_TODAY", "2016-03-01", 1);
	move_ok(w->fx->s, app, "reported");
	assert_false(line_of(w->fx->s, 0, app).g.report_due);
	unsetenv("KYODO_TODAY");
}

static void
test_expense_on_withdrawn_refused(void **state)
{
	struct unit_fx *fx = *state;
	char why[512], app[37];

	support_app(fx->s, "防災訓練", "applied", app);
	add(fx->s, &hanako, NULL, "expense", "application", app, "date", "2015-06-01", "item",
	    "印刷", "amount", "1000", NULL);
	move_ok(fx->s, app, "withdrawn");
	add_bad(fx->s, &hanako, why, sizeof why, "expense", "application", app, "date",
	    "2015-06-02", "item", "印刷", "amount", "1000", NULL);
	assert_contains(why, "withdrawn");
	add_bad(fx->s, &hanako, why, sizeof why, "expense", "application", "ない申請", "date",
	    "2015-06-02", "item", "印刷", "amount", "1000", NULL);
	assert_contains(why, "ない申請");
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM expense"), 1);
}

/* ==== the body ==== */

static void
test_one_body(void **state)
{
	struct unit_fx *fx = *state;
	struct body_state b;
	struct error err;
	char why[512], uuid[37];

	assert_true(body_state(fx->s, &b, &err));
	assert_false(b.exists);
	assert_int_equal(b.stage, 1);
	add(fx->s, &hanako, uuid, "body", "name", "真柴まちづくり協議会", "area", "真柴", NULL);
	add_bad(fx->s, &hanako, why, sizeof why, "body", "name", "もう一つの協議会", NULL);
	assert_contains(why, "already");
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM body"), 1);
	/* Editing the one body is fine. */
	assert_true(edit(fx->s, "body", uuid, "representative", "菅原 健一", why, sizeof why));
	assert_true(body_state(fx->s, &b, &err));
	assert_true(b.exists);
	assert_str(b.name, "真柴まちづくり協議会");
	assert_int_equal(b.stage, 1);
	assert_int_equal(b.total[0], 3);
	assert_int_equal(b.total[1], 4);
	assert_int_equal(b.total[2], 3);
}

static void
record_stage(struct store *s, int stage)
{
	int i;

	for (i = 0; body_milestones[i].code != NULL; i++)
		if (body_milestone_stage(body_milestones[i].code) == stage)
			add(s, &hanako, NULL, "milestone", "code", body_milestones[i].code, "date",
			    "2015-01-10", NULL);
}

static void
test_body_advance(void **state)
{
	struct unit_fx *fx = *state;
	struct body_state b;
	struct error err;
	char why[512], body[37], summary[512];
	int stage = 0;

	/* No body, no advance. */
	error_clear(&err);
	assert_false(body_advance(fx->s, &hanako, NULL, &stage, &err));
	assert_contains(err.text, "no community body");
	add(fx->s, &hanako, body, "body", "name", "真柴まちづくり協議会", NULL);
	add(fx->s, &hanako, NULL, "milestone", "code", "preparatory-committee", "date",
	    "2014-06-01", NULL);
	/* A milestone is recorded once. */
	add_bad(fx->s, &hanako, why, sizeof why, "milestone", "code", "preparatory-committee",
	    "date", "2014-07-01", NULL);
	assert_contains(why, "recorded already");
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM milestone"), 1);

	/* Two of stage 1's three are missing. */
	error_clear(&err);
	assert_false(body_advance(fx->s, &hanako, NULL, &stage, &err));
	assert_contains(err.text, "1 of 3");
	error_clear(&err);
	assert_false(body_advance(fx->s, &hanako, "", &stage, &err));	/* an empty reason is none */
	assert_contains(err.text, "1 of 3");
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit WHERE action = "
	    "'stage-override'"), 0);
	assert_true(body_state(fx->s, &b, &err));
	assert_int_equal(b.stage, 1);
	assert_int_equal(b.done[0], 1);

	/* With a reason, it moves on; the reason is audited. */
	error_clear(&err);
	if (!body_advance(fx->s, &hanako, "設立総会は来月、市と協議済み", &stage, &err))
		fail_msg("body_advance with override: %s", err.text);
	assert_int_equal(stage, 2);
	assert_int_equal(sqlf_int(fx->s, "SELECT count(*) FROM body WHERE uuid = '%q' AND "
	    "stage = '2'", body), 1);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit WHERE action = "
	    "'stage-override'"), 1);
	sqlf_text(fx->s, "SELECT summary FROM audit WHERE action = 'stage-override' AND "
	    "uuid = '%q'", body, summary, sizeof summary);
	assert_contains(summary, "設立総会は来月、市と協議済み");

	/* Stage 2 with all its milestones: no reason needed, none audited. */
	error_clear(&err);
	assert_false(body_advance(fx->s, &hanako, NULL, &stage, &err));
	assert_contains(err.text, "0 of 4");
	record_stage(fx->s, 2);
	assert_true(body_state(fx->s, &b, &err));
	assert_int_equal(b.done[1], 4);
	error_clear(&err);
	if (!body_advance(fx->s, &hanako, NULL, &stage, &err))
		fail_msg("body_advance with the milestones done: %s", err.text);
	assert_int_equal(stage, 3);
	assert_true(body_state(fx->s, &b, &err));
	assert_int_equal(b.stage, 3);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit WHERE action = "
	    "'stage-override'"), 1);

	/* Stage 3 is the last, even with a reason and every milestone. */
	record_stage(fx->s, 3);
	error_clear(&err);
	assert_false(body_advance(fx->s, &hanako, "もっと先へ", &stage, &err));
	assert_contains(err.text, "last stage");
	assert_int_equal(sqlf_int(fx->s, "SELECT count(*) FROM body WHERE uuid = '%q' AND "
	    "stage = '3'", body), 1);
}

static void
test_body_advance_all_done(void **state)
{
	struct unit_fx *fx = *state;
	struct error err;
	char gone[64];
	int stage = 0;

	add(fx->s, &hanako, NULL, "body", "name", "真柴まちづくり協議会", NULL);
	record_stage(fx->s, 1);
	/* A deleted milestone no longer counts; recorded again, it does. */
	sqlf_text(fx->s, "SELECT uuid FROM milestone WHERE code = '%q'", "founding", gone,
	    sizeof gone);
	del(fx->s, "milestone", gone);
	error_clear(&err);
	assert_false(body_advance(fx->s, &hanako, NULL, &stage, &err));
	assert_contains(err.text, "2 of 3");
	add(fx->s, &hanako, NULL, "milestone", "code", "founding", "date", "2015-02-01", NULL);
	error_clear(&err);
	if (!body_advance(fx->s, &hanako, NULL, &stage, &err))
		fail_msg("body_advance: %s", err.text);
	assert_int_equal(stage, 2);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit WHERE action = "
	    "'stage-override'"), 0);
	assert_int_equal(body_milestone_stage("founding"), 1);
	assert_int_equal(body_milestone_stage("plan-adopted"), 2);
	assert_int_equal(body_milestone_stage("independent"), 3);
	assert_int_equal(body_milestone_stage("nothing"), 0);
}

struct lines {
	int n;
	char text[8][512];
};

static void
catch_support(void *ctx, const char *text)
{
	struct lines *l = ctx;

	if (l->n < 8)
		snprintf(l->text[l->n], sizeof l->text[l->n], "%s", text);
	l->n++;
}

static void
test_body_support(void **state)
{
	struct unit_fx *fx = *state;
	struct lines l;
	struct error err;

	memset(&l, 0, sizeof l);
	assert_true(body_support_of(fx->s, 1, catch_support, &l, &err));
	assert_int_equal(l.n, 1);
	assert_contains(l.text[0], "¥50,000");
	memset(&l, 0, sizeof l);
	assert_true(body_support_of(fx->s, 2, catch_support, &l, &err));
	assert_int_equal(l.n, 3);
	assert_contains(l.text[0], "Secretariat");
	assert_contains(l.text[2], "2/3");
	memset(&l, 0, sizeof l);
	assert_true(body_support_of(fx->s, 3, catch_support, &l, &err));
	assert_int_equal(l.n, 4);
	assert_contains(l.text[1], "citizen center");
	/* In Japanese, the plan's own words. */
	assert_true(i18n_set_lang("ja"));
	memset(&l, 0, sizeof l);
	assert_true(body_support_of(fx->s, 2, catch_support, &l, &err));
	i18n_set_lang("en");
	assert_int_equal(l.n, 3);
	assert_contains(l.text[2], "限度額20万円、補助率2/3");
	memset(&l, 0, sizeof l);
	assert_true(body_support_of(fx->s, 4, catch_support, &l, &err));
	assert_int_equal(l.n, 0);
}

/* ==== the plan ==== */

struct progress {
	int n;
	struct {
		char title[128];
		int nyears;
		struct plan_year years[8];
	} p[8];
};

static void
catch_project(void *ctx, const struct plan_project *p)
{
	struct progress *g = ctx;
	int i;

	if (g->n >= 8)
		fail_msg("too many projects");
	snprintf(g->p[g->n].title, sizeof g->p[g->n].title, "%s", p->project->value[0]);
	g->p[g->n].nyears = p->nyears;
	for (i = 0; i < p->nyears && i < 8; i++)
		g->p[g->n].years[i] = p->years[i];
	g->n++;
}

static void
year_is(const struct progress *g, int project, int i, int fy, long activities,
    long participants, long volunteers, long long spent)
{
	const struct plan_year *y;

	if (i >= g->p[project].nyears)
		fail_msg("%s: no year %d (has %d)", g->p[project].title, fy, g->p[project].nyears);
	y = &g->p[project].years[i];
	if (y->fy != fy || y->activities != activities || y->participants != participants ||
	    y->volunteers != volunteers || y->spent != spent)
		fail_msg("%s: FY%d %ld/%ld/%ld/%lld, expected FY%d %ld/%ld/%ld/%lld",
		    g->p[project].title, y->fy, y->activities, y->participants, y->volunteers,
		    y->spent, fy, activities, participants, volunteers, spent);
}

/* Three projects (one with nothing logged), meetings, events and grant money
 * in FY2014–2016. */
static void
plan_data(struct store *s, const char *vision)
{
	char gone[37], app15[37], app16[37], loose[37];

	add(s, &hanako, NULL, "plan", "title", "真柴地域づくり計画", "fy_from", "2015", "fy_to",
	    "2019", "vision", vision, "adopted_on", "2015-03-20", NULL);
	add(s, &hanako, NULL, "project", "title", "防災マップ", "field", "safety", "description",
	    "地区ごとの危険箇所を歩いて確かめる", "target", "全12地区", NULL);
	add(s, &hanako, NULL, "project", "title", "見守り", "field", "welfare", NULL);
	add(s, &hanako, NULL, "project", "title", "まだ何も", "field", "culture", NULL);
	/* 防災マップ: FY2015 from 2015-04-01 to 2016-03-31. */
	add(s, &hanako, NULL, "event", "date", "2015-04-01", "title", "まち歩き", "field",
	    "safety", "participants", "30", "volunteers", "5", "project", "防災マップ", NULL);
	add(s, &hanako, NULL, "event", "date", "2016-03-31", "title", "報告会", "field",
	    "safety", "participants", "10", "volunteers", "2", "project", "防災マップ", NULL);
	add(s, &hanako, NULL, "meeting", "date", "2015-06-01", "kind", "board", "title",
	    "検討会", "attendees", "12", "project", "防災マップ", NULL);
	add(s, &hanako, gone, "event", "date", "2015-05-05", "title", "中止", "field", "safety",
	    "participants", "1000", "volunteers", "100", "project", "防災マップ", NULL);
	del(s, "event", gone);
	/* FY2016 starts 2016-04-01. */
	add(s, &hanako, NULL, "event", "date", "2016-04-01", "title", "配布", "field", "safety",
	    "participants", "7", "volunteers", "1", "project", "防災マップ", NULL);
	/* Not linked to a project: counted nowhere. */
	add(s, &hanako, NULL, "event", "date", "2015-08-01", "title", "夏祭り", "field", "culture",
	    "participants", "500", "volunteers", "40", NULL);
	/* 見守り: one meeting in FY2014 (2015-03-15). */
	add(s, &hanako, NULL, "meeting", "date", "2015-03-15", "kind", "round-table", "title",
	    "円卓会議", "attendees", "8", "project", "見守り", NULL);

	/* Grant money: FY2015 and FY2016 applications linked to 防災マップ. */
	add(s, &hanako, app15, "application", "program", "activity", "fy", "2015", "title",
	    "マップ作成", "cost", "100000", "requested", "100000", "project", "防災マップ",
	    "status", "applied", NULL);
	add(s, &hanako, NULL, "expense", "application", app15, "date", "2015-09-01", "item",
	    "地図印刷", "amount", "40000", NULL);
	add(s, &hanako, NULL, "expense", "application", app15, "date", "2016-04-10", "item",
	    "追加印刷", "amount", "5000", NULL);
	add(s, &hanako, gone, "expense", "application", app15, "date", "2015-09-02", "item",
	    "誤り", "amount", "9999", NULL);
	del(s, "expense", gone);
	add(s, &hanako, app16, "application", "program", "activity", "fy", "2016", "title",
	    "マップ配布", "cost", "3000", "requested", "3000", "project", "防災マップ", NULL);
	add(s, &hanako, NULL, "expense", "application", app16, "date", "2016-05-01", "item",
	    "封筒", "amount", "3000", NULL);
	/* Not linked to a project. */
	add(s, &hanako, loose, "application", "program", "activity", "fy", "2015", "title",
	    "備品", "cost", "77000", "requested", "77000", NULL);
	add(s, &hanako, NULL, "expense", "application", loose, "date", "2015-09-01", "item",
	    "備品", "amount", "77777", NULL);
}

static void
test_plan_progress(void **state)
{
	struct unit_fx *fx = *state;
	struct progress g;
	struct error err;
	int bousai = -1, mimamori = -1, nothing = -1, i;

	plan_data(fx->s, "安心して暮らせるまち");
	memset(&g, 0, sizeof g);
	error_clear(&err);
	assert_int_equal(plan_progress(fx->s, catch_project, &g, &err), 3);
	assert_int_equal(g.n, 3);
	for (i = 0; i < g.n; i++) {
		if (strcmp(g.p[i].title, "防災マップ") == 0)
			bousai = i;
		else if (strcmp(g.p[i].title, "見守り") == 0)
			mimamori = i;
		else if (strcmp(g.p[i].title, "まだ何も") == 0)
			nothing = i;
	}
	assert_true(bousai >= 0 && mimamori >= 0 && nothing >= 0);
	/* Each project once, with only the years that have something logged. */
	assert_int_equal(g.p[bousai].nyears, 2);
	/* FY2015: 2 events + 1 meeting; 30+10 participants + 12 attendees;
	 * 5+2 volunteers; ¥40,000 + ¥5,000 of the FY2015 application (the
	 * deleted event and expense not counted). */
	year_is(&g, bousai, 0, 2015, 3, 52, 7, 45000);
	year_is(&g, bousai, 1, 2016, 1, 7, 1, 3000);
	assert_int_equal(g.p[mimamori].nyears, 1);
	year_is(&g, mimamori, 0, 2014, 1, 8, 0, 0);
	assert_int_equal(g.p[nothing].nyears, 0);
}

static void
test_plan_progress_withdrawn_money(void **state)
{
	struct unit_fx *fx = *state;
	struct progress g;
	struct error err;
	char app[37];

	add(fx->s, &hanako, NULL, "project", "title", "防災マップ", "field", "safety", NULL);
	add(fx->s, &hanako, app, "application", "program", "activity", "fy", "2015", "title",
	    "マップ作成", "cost", "100000", "requested", "100000", "project", "防災マップ", NULL);
	add(fx->s, &hanako, NULL, "expense", "application", app, "date", "2015-09-01", "item",
	    "地図印刷", "amount", "40000", NULL);
	memset(&g, 0, sizeof g);
	assert_int_equal(plan_progress(fx->s, catch_project, &g, &err), 1);
	year_is(&g, 0, 0, 2015, 0, 0, 0, 40000);
	move_ok(fx->s, app, "withdrawn");
	memset(&g, 0, sizeof g);
	assert_int_equal(plan_progress(fx->s, catch_project, &g, &err), 1);
	assert_int_equal(g.p[0].nyears, 0);
}

/* Each line of out is at most width columns; false with those that are not
 * in bad (and the count of lines in *lines). */
static bool
lines_fit(const char *out, int width, struct buf *bad, int *lines)
{
	const char *p = out, *nl;
	int n = 0, over = 0;

	while (*p != '\0') {
		char line[2048];
		size_t len;

		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		snprintf(line, sizeof line, "%.*s", (int)len, p);
		n++;
		if (text_width(line) > width) {
			over++;
			buf_printf(bad, "\n#   line %d, %d columns: \"%s\"", n, text_width(line),
			    line);
		}
		p += len + (nl != NULL);
	}
	*lines = n;
	return over == 0;
}

/* 300 characters of Japanese (600 columns), with a line break the writer typed. */
static void
long_vision(char *out, size_t size)
{
	static const char *const phrase = "誰もが安心して暮らし、学び合い、支え合う真柴。";
	size_t used = 0;
	int chars = 0;

	out[0] = '\0';
	char *p;

	while (chars < 300) {
		used += (size_t)snprintf(out + used, size - used, "%s", phrase);
		chars += (int)text_chars(phrase);
		if (chars == 3 * (int)text_chars(phrase))
			used += (size_t)snprintf(out + used, size - used, "\n");
	}
	assert_true(used < size);
	/* Cut after the 300th character (counting the line break). */
	for (p = out, chars = 0; *p != '\0'; p++)
		if (((unsigned char)*p & 0xC0) != 0x80 && ++chars == 301) {
			*p = '\0';
			break;
		}
	assert_int_equal(text_chars(out), 300);
}

static void
render_fits(struct store *s, int width, const char *title)
{
	struct buf out = {0};
	struct error err;

	struct buf bad = {0};
	char copy[4096];
	bool rendered, fits, titled;
	int n = 0;

	error_clear(&err);
	rendered = plan_render(s, PLAN_TEXT, width, &out, &err);
	titled = strstr(buf_str(&out), title) != NULL;
	fits = lines_fit(buf_str(&out), width, &bad, &n);
	snprintf(copy, sizeof copy, "%s", buf_str(&bad));
	buf_free(&out);
	buf_free(&bad);
	if (!rendered)
		fail_msg("plan_render: %s", err.text);
	if (!titled)
		fail_msg("plan_render: the title %s is missing", title);
	if (!fits)
		fail_msg("width %d: lines wider than the width:%s", width, copy);
	assert_true(n > 5);
}

/* A plan with a long vision, issue and project description; nothing logged. */
static void
prose_plan(struct store *s)
{
	char vision[4096];

	long_vision(vision, sizeof vision);
	assert_true(text_chars(vision) >= 300);
	add(s, &hanako, NULL, "plan", "title", "真柴の将来", "fy_from", "2015", "fy_to",
	    "2019", "vision", vision, NULL);
	add(s, &hanako, NULL, "issue", "title", "担い手不足", "description", vision, NULL);
	add(s, &hanako, NULL, "project", "title", "防災", "field", "safety", "description",
	    vision, "target", "全12地区", NULL);
}

/* The prose (vision, issues, project descriptions) wraps to the width the
 * command line uses. */
static void
test_plan_render_width_78(void **state)
{
	struct unit_fx *fx = *state;

	prose_plan(fx->s);
	render_fits(fx->s, 78, "真柴の将来");
}

/* … and to a narrow one: every line, the headings too. */
static void
test_plan_render_width_40(void **state)
{
	struct unit_fx *fx = *state;

	prose_plan(fx->s);
	render_fits(fx->s, 40, "真柴の将来");
}

/* With progress logged, every line still fits: the year rows too. */
static void
test_plan_render_progress_width_78(void **state)
{
	struct unit_fx *fx = *state;
	char vision[4096];

	long_vision(vision, sizeof vision);
	plan_data(fx->s, vision);
	render_fits(fx->s, 78, "真柴地域づくり計画");
}

static void
test_plan_render_progress_width_40(void **state)
{
	struct unit_fx *fx = *state;
	char vision[4096];

	long_vision(vision, sizeof vision);
	plan_data(fx->s, vision);
	render_fits(fx->s, 40, "真柴地域づくり計画");
}

static int
count_prefix(const char *text, const char *prefix)
{
	const char *p = text;
	int n = 0;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, prefix, strlen(prefix)) == 0)
			n++;
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return n;
}

static void
test_plan_render_markdown(void **state)
{
	struct unit_fx *fx = *state;
	struct buf out = {0};
	struct error err;
	const char *t;

	plan_data(fx->s, "安心して暮らせるまち");
	add(fx->s, &hanako, NULL, "issue", "title", "担い手不足", "description", "若い世代が少ない",
	    NULL);
	error_clear(&err);
	if (!plan_render(fx->s, PLAN_MARKDOWN, 78, &out, &err))
		fail_msg("plan_render: %s", err.text);
	t = buf_str(&out);
	assert_int_equal(strncmp(t, "# 真柴地域づくり計画\n", strlen("# 真柴地域づくり計画\n")), 0);
	assert_int_equal(count_prefix(t, "# 真柴地域づくり計画"), 1);
	assert_contains(t, "FY2015 (Heisei 27) – FY2019 (Reiwa 1)");
	assert_contains(t, "1. 担い手不足");
	assert_contains(t, "#### 防災マップ");
	/* A table row per project and year: 防災マップ FY2015 and FY2016, 見守り FY2014. */
	assert_int_equal(count_prefix(t, "| FY"), 3);
	assert_contains(t, "| FY2015 (Heisei 27) | 3 | 52 | 7 | ¥45,000 |");
	assert_contains(t, "| FY2016 (Heisei 28) | 1 | 7 | 1 | ¥3,000 |");
	assert_contains(t, "| FY2014 (Heisei 26) | 1 | 8 | 0 | ¥0 |");
	assert_int_equal(count_prefix(t, "|---|"), 2);
	assert_contains(t, "Nothing logged yet.");
	buf_free(&out);
}

static void
test_plan_render_without_plan(void **state)
{
	struct unit_fx *fx = *state;
	struct buf out = {0};
	struct error err;

	add(fx->s, &hanako, NULL, "project", "title", "防災マップ", "field", "safety", NULL);
	error_clear(&err);
	assert_false(plan_render(fx->s, PLAN_TEXT, 78, &out, &err));
	assert_contains(err.text, "no development plan");
	assert_false(plan_render(fx->s, PLAN_MARKDOWN, 78, &out, &err));
	buf_free(&out);
}

#define DB(t) cmocka_unit_test_setup_teardown(t, unit_fx_setup, unit_fx_teardown)
#define WORLD(t) cmocka_unit_test_setup_teardown(t, world_setup, world_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		DB(test_programmes_shipped),
		WORLD(test_center_cannot_write_city_rows),
		DB(test_application_refusals),
		DB(test_apply_then_report_needs_decision),
		DB(test_center_cannot_take_city_steps),
		WORLD(test_decide),
		WORLD(test_settle),
		WORLD(test_advance_and_pay),
		WORLD(test_pay_with_amount),
		WORLD(test_pay_after_larger_advance),
		WORLD(test_withdraw),
		WORLD(test_decision_needs_its_application),
		WORLD(test_decision_center_is_the_owner),
		WORLD(test_decision_amounts),
		WORLD(test_decision_within_the_programme),
		WORLD(test_decision_amounts_with_dates),
		WORLD(test_decision_dates_in_order),
		WORLD(test_decision_one_per_application),
		WORLD(test_decision_check_at_a_center),
		WORLD(test_decision_uuid_survives_restore),
		WORLD(test_decision_add),
		WORLD(test_city_step_uuid),
		WORLD(test_lines_sum_held_at_the_limit),
		DB(test_withdrawn_application_frozen),
		DB(test_amounts_frozen_once_applied),
		WORLD(test_lines_spent_and_remaining),
		DB(test_lines_by_year_and_status),
		DB(test_lines_unknown_status),
		WORLD(test_report_due),
		DB(test_expense_on_withdrawn_refused),
		DB(test_one_body),
		DB(test_body_advance),
		DB(test_body_advance_all_done),
		DB(test_body_support),
		DB(test_plan_progress),
		DB(test_plan_progress_withdrawn_money),
		DB(test_plan_render_width_78),
		DB(test_plan_render_width_40),
		DB(test_plan_render_progress_width_78),
		DB(test_plan_render_progress_width_40),
		DB(test_plan_render_markdown),
		DB(test_plan_render_without_plan),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
