/* Unit tests for core/demo: a year of demo data in a real store, made twice
 * with the same seed.  The stores are made once for the whole group (each
 * costs three PIN hashes). */
#include "unit.h"

#include "base/actor.h"
#include "domain/demo.h"
#include "domain/grantbook.h"
#include "domain/record.h"
#include "domain/staff.h"

static const struct date today = {2026, 11, 28};

struct demo_fx {
	char *dir;
	struct store *a, *b;
	long progress_calls, last_done, last_total;
	bool progress_backwards;
};

static void
progress(void *ctx, long done, long total)
{
	struct demo_fx *fx = ctx;

	if (done < fx->last_done || done > total)
		fx->progress_backwards = true;
	fx->progress_calls++;
	fx->last_done = done;
	fx->last_total = total;
}

static struct store *
make_demo(struct demo_fx *fx, const char *name, uint64_t seed, bool watch)
{
	char path[4200];
	struct store *s;
	struct error err;

	unit_path(path, sizeof path, fx->dir, name);
	s = store_create(path, STORE_CENTER, "mashiba", "真柴市民センター", &err);
	if (s == NULL) {
		fprintf(stderr, "store_create: %s\n", err.text);
		return NULL;
	}
	if (!demo_fill(s, 1, seed, today, watch ? progress : NULL, fx, &err)) {
		fprintf(stderr, "demo_fill: %s\n", err.text);
		store_close(s);
		return NULL;
	}
	return s;
}

static int
group_setup(void **state)
{
	struct demo_fx *fx = calloc(1, sizeof *fx);

	if (fx == NULL)
		return -1;
	*state = fx;
	fx->dir = unit_mkdtemp();
	fx->a = make_demo(fx, "a.db", 7, true);
	fx->b = make_demo(fx, "b.db", 7, false);
	return fx->a != NULL && fx->b != NULL ? 0 : -1;
}

static int
group_teardown(void **state)
{
	struct demo_fx *fx = *state;

	if (fx == NULL)
		return 0;
	store_close(fx->a);
	store_close(fx->b);
	unit_rmdir(fx->dir);
	free(fx);
	return 0;
}

static bool
take_uuid(void *ctx, const struct record *r)
{
	snprintf(ctx, 37, "%s", r->uuid);
	return false;
}

/* The first (or with backward, the last) uuid of kind k in list order. */
static void
edge_uuid(struct store *s, const struct kind *k, bool backward, char out[37])
{
	struct record_query q = {0};
	struct error err;

	q.backward = backward;
	q.limit = 1;
	out[0] = '\0';
	if (record_list(s, k, &q, take_uuid, out, &err) != 1)
		fail_msg("%s: no first row: %s", k->name, err.text);
}

static void
test_same_seed_same_store(void **state)
{
	static const char *const kinds[] = {"meeting", "event", "use"};
	struct demo_fx *fx = *state;
	char ua[37], ub[37];
	struct error err;
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		const struct kind *k = kind_find(kinds[i]);
		long na, nb;

		assert_non_null(k);
		na = record_count(fx->a, k, 0, 0, &err);
		nb = record_count(fx->b, k, 0, 0, &err);
		if (na <= 0)
			fail_msg("no %s rows", kinds[i]);
		assert_int_equal(na, nb);
		edge_uuid(fx->a, k, false, ua);
		edge_uuid(fx->b, k, false, ub);
		assert_int_equal(strlen(ua), 36);
		assert_string_equal(ua, ub);
		edge_uuid(fx->a, k, true, ua);
		edge_uuid(fx->b, k, true, ub);
		assert_string_equal(ua, ub);
	}
	/* Enough to try a kiosk on: facility use most days. */
	assert_true(record_count(fx->a, kind_find("use"), 0, 0, &err) > 200);
	assert_true(record_count(fx->a, kind_find("meeting"), 0, 0, &err) >= 8);
}

struct check_ctx {
	struct store *s;
	long rows, bad;
	char first[11], last[11];
	char why[800];
};

static bool
check_row(void *ctx, const struct record *r)
{
	struct check_ctx *c = ctx;
	const char *date = r->value[kind_field(r->kind, "date")];
	struct error err;

	c->rows++;
	if (!record_check(r, &err)) {
		if (c->bad++ == 0)
			snprintf(c->why, sizeof c->why, "%s %s: %s", r->kind->name, r->uuid, err.text);
	}
	if (strcmp(r->origin, "mashiba") != 0 || r->version != 1 || r->deleted) {
		if (c->bad++ == 0)
			snprintf(c->why, sizeof c->why, "%s %s: origin %s version %lld",
			    r->kind->name, r->uuid, r->origin, r->version);
	}
	if (date != NULL) {
		if (c->first[0] == '\0' || strcmp(date, c->first) < 0)
			snprintf(c->first, sizeof c->first, "%s", date);
		if (strcmp(date, c->last) > 0)
			snprintf(c->last, sizeof c->last, "%s", date);
	}
	return true;
}

static void
test_rows_are_sound(void **state)
{
	struct demo_fx *fx = *state;
	const struct kind *const *k;
	struct record_query q = {0};
	struct check_ctx c;
	struct error err;
	long total = 0;

	for (k = kind_all(); *k != NULL; k++) {
		if (strcmp((*k)->name, "meeting") != 0 && strcmp((*k)->name, "event") != 0 &&
		    strcmp((*k)->name, "use") != 0)
			continue;
		memset(&c, 0, sizeof c);
		assert_true(record_list(fx->a, *k, &q, check_row, &c, &err) > 0);
		if (c.bad > 0)
			fail_msg("%ld bad rows, first: %s", c.bad, c.why);
		/* From the start of the fiscal year to a fortnight after today. */
		if (strcmp(c.first, "2026-04-01") < 0 || strcmp(c.last, "2026-12-12") > 0)
			fail_msg("%s rows run from %s to %s", (*k)->name, c.first, c.last);
		total += c.rows;
	}
	/* Every record of these kinds and each of the three staff was audited. */
	assert_int_equal(unit_sql_int(fx->a, "SELECT count(*) FROM audit WHERE action = 'add' "
	    "AND kind IN ('meeting', 'event', 'use', 'staff')"), total + 3);
	assert_int_equal(store_check(fx->a, NULL, NULL, &err), 0);
}

struct names {
	int n;
	bool staff, admin;
};

static void
note_staff(void *ctx, const struct staff_member *m)
{
	struct names *n = ctx;

	n->n++;
	if (strcmp(m->name, DEMO_STAFF_NAME) == 0)
		n->staff = m->role == ROLE_CENTER;
	if (strcmp(m->name, DEMO_ADMIN_NAME) == 0)
		n->admin = m->role == ROLE_ADMIN;
}

static void
test_staff_and_progress(void **state)
{
	struct demo_fx *fx = *state;
	struct names n = {0};
	struct error err;

	assert_int_equal(staff_list(fx->a, note_staff, &n, &err), 3);
	assert_true(n.staff);
	assert_true(n.admin);
	assert_true(fx->progress_calls > 1);
	assert_false(fx->progress_backwards);
	assert_int_equal(fx->last_done, fx->last_total);
}

/* Each decision the demo makes passes the rules a real one does. */
static bool
check_decision(void *ctx, const struct record *r)
{
	struct check_ctx *c = ctx;
	struct error err;

	c->rows++;
	error_clear(&err);
	if (!decision_check_store(c->s, r, &err) && c->bad++ == 0)
		snprintf(c->why, sizeof c->why, "decision %s: %s", r->uuid, err.text);
	return true;
}

/* The demo's "city" rows are the city's decisions on its applications, by
 * the applications' uuids, and the shipped programmes; nothing else of the
 * city's that a real city row could collide with. */
static void
test_city_rows_replaceable(void **state)
{
	struct demo_fx *fx = *state;
	const struct kind *const *k;
	struct record_query q = {0};
	struct check_ctx c;
	struct error err;
	char app[37], *sql;

	assert_true(unit_sql_int(fx->b, "SELECT count(*) FROM decision") > 10);
	assert_int_equal(unit_sql_int(fx->b, "SELECT count(*) FROM decision WHERE "
	    "uuid IS NOT application"), 0);
	memset(&c, 0, sizeof c);
	c.s = fx->b;
	assert_true(record_list(fx->b, kind_find("decision"), &q, check_decision, &c, &err) > 10);
	if (c.bad > 0)
		fail_msg("%ld decisions refused, first: %s", c.bad, c.why);
	for (k = kind_all(); *k != NULL; k++) {
		if (strcmp((*k)->name, "decision") == 0 || strcmp((*k)->name, "programme") == 0)
			continue;
		sql = sqlite3_mprintf("SELECT count(*) FROM %s WHERE origin = 'city'", (*k)->table);
		if (unit_sql_int(fx->b, sql) != 0)
			fail_msg("the demo made city rows of kind %s", (*k)->name);
		sqlite3_free(sql);
	}
	/* The programmes are data/0003's, with the same uuids in every store. */
	assert_int_equal(unit_sql_int(fx->b, "SELECT count(*) FROM programme WHERE "
	    "uuid NOT LIKE '00000000-0000-4000-8000-00000000000_'"), 0);

	/* The city's real decision on a demo application arrives as the
	 * import writes it, by uuid: it replaces the demo's row, and the
	 * index of one decision an application is not in its way. */
	unit_sql_text(fx->b, "SELECT application FROM decision WHERE final_amount IS NULL "
	    "ORDER BY application LIMIT 1", app, sizeof app);
	sql = sqlite3_mprintf("INSERT INTO decision (uuid, origin, version, updated_at, "
	    "created_by, updated_by, application, center, decided_amount, decided_on) VALUES "
	    "(%Q, 'city', 2, '2026-12-01T00:00:00Z', 'city', 'city', %Q, 'mashiba', 1000, "
	    "'2026-12-01') ON CONFLICT (uuid) DO UPDATE SET version = excluded.version, "
	    "decided_amount = excluded.decided_amount, decided_on = excluded.decided_on",
	    app, app);
	assert_int_equal(sqlite3_exec(store_db(fx->b), sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	sql = sqlite3_mprintf("SELECT count(*) FROM decision WHERE application = %Q AND "
	    "decided_amount = 1000 AND version = 2", app);
	assert_int_equal(unit_sql_int(fx->b, sql), 1);
	sqlite3_free(sql);
	sql = sqlite3_mprintf("SELECT count(*) FROM decision WHERE application = %Q", app);
	assert_int_equal(unit_sql_int(fx->b, sql), 1);
	sqlite3_free(sql);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_seed_same_store),
		cmocka_unit_test(test_rows_are_sound),
		cmocka_unit_test(test_staff_and_progress),
		cmocka_unit_test(test_city_rows_replaceable),
	};

	unit_init();
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
