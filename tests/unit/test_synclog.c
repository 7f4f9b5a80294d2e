/* Unit tests for core/synclog on real stores: a city and two centers with
 * keys exchanged, a real file written by sync_export and taken by
 * sync_import (so the log rows are the ones sync.c writes), and log rows
 * set to chosen times to test ordering and the 35-day flag. */
#include "unit.h"

#include <limits.h>
#include <time.h>

#include "base/actor.h"
#include "sync/keys.h"
#include "domain/record.h"
#include "sync/sync.h"
#include "sync/synclog.h"

static const struct actor admin = {"cli:test", ROLE_ADMIN};

struct lx {
	char *dir, *stick;
	struct store *city, *c1, *c2;
	char file[PATH_MAX];	/* c1's file to the city */
};

static void
enrol(struct store *a, struct store *b, const char *name)
{
	struct public_key k;
	struct error err;

	if (!keys_own(a, &k, &err))
		fail_msg("keys_own: %s", err.text);
	if (name != NULL)
		snprintf(k.name, sizeof k.name, "%s", name);
	if (!keys_enrol(b, &admin, &k, false, &err))
		fail_msg("keys_enrol: %s", err.text);
}

static void
exec(struct store *s, const char *sql)
{
	if (sqlite3_exec(store_db(s), sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(store_db(s)));
}

static int
setup(void **state)
{
	struct lx *x = calloc(1, sizeof *x);
	char path[4200];
	struct error err;

	if (x == NULL)
		return -1;
	*state = x;
	x->dir = unit_mkdtemp();
	x->stick = unit_mkdtemp();
	x->city = store_create(unit_path(path, sizeof path, x->dir, "city.db"), STORE_CITY, NULL,
	    "一関市", &err);
	x->c1 = store_create(unit_path(path, sizeof path, x->dir, "c1.db"), STORE_CENTER, "c1",
	    "城南市民センター", &err);
	x->c2 = store_create(unit_path(path, sizeof path, x->dir, "c2.db"), STORE_CENTER, "c2",
	    "真柴市民センター", &err);
	if (x->city == NULL || x->c1 == NULL || x->c2 == NULL) {
		fprintf(stderr, "store_create: %s\n", err.text);
		return -1;
	}
	enrol(x->c1, x->city, "城南市民センター");
	enrol(x->c2, x->city, "真柴市民センター");
	enrol(x->city, x->c1, NULL);
	enrol(x->city, x->c2, NULL);
	return 0;
}

static int
teardown(void **state)
{
	struct lx *x = *state;

	if (x == NULL)
		return 0;
	store_close(x->city);
	store_close(x->c1);
	store_close(x->c2);
	unit_rmdir(x->stick);
	unit_rmdir(x->dir);
	free(x);
	return 0;
}

static void
export_c1(struct lx *x)
{
	struct error err;

	if (!sync_export(x->c1, &admin, "city", x->stick, x->file, NULL, &err))
		fail_msg("sync_export: %s", err.text);
}

static void
test_empty_log(void **state)
{
	struct lx *x = *state;
	struct synclog_entry e;
	struct error err;

	assert_int_equal(synclog_last(x->c1, "export", NULL, &e, &err), 0);
	assert_int_equal(synclog_last(x->c1, "import", "city", &e, &err), 0);
	assert_int_equal(synclog_imported(x->c1, "kyodo-city-to-c1-20260101-000000.kyodo", &e,
	    &err), 0);
}

/* What sync.c logs: the export at the sender (the name), the import at the
 * receiver (the path read, the rows it brought). */
static void
test_last_export_and_import(void **state)
{
	struct lx *x = *state;
	struct synclog_entry e;
	struct sync_result res;
	struct error err;
	struct record r;

	record_init(&r, kind_find("room"));
	assert_true(record_set(&r, kind_field(r.kind, "name"), "和室", &err));
	assert_true(record_set(&r, kind_field(r.kind, "active"), "yes", &err));
	assert_true(record_insert(x->c1, &admin, &r, &err));
	record_free(&r);
	export_c1(x);

	assert_int_equal(synclog_last(x->c1, "export", NULL, &e, &err), 1);
	assert_str(e.direction, "export");
	assert_str(e.peer, "city");
	assert_str(e.file, synclog_basename(x->file));
	assert_str(e.result, "ok");
	assert_int_equal(synclog_last(x->c1, "export", "c9", &e, &err), 0);
	assert_int_equal(synclog_last(x->c1, "import", NULL, &e, &err), 0);

	if (!sync_import(x->city, &admin, x->file, &res, NULL, &err))
		fail_msg("sync_import: %s", err.text);
	assert_int_equal(synclog_last(x->city, "import", "c1", &e, &err), 1);
	assert_str(e.file, x->file);
	assert_int_equal(e.rows, 1);
	assert_str(synclog_basename(e.file), synclog_basename(x->file));
	assert_int_equal(synclog_imported(x->city, synclog_basename(x->file), &e, &err), 1);
	assert_str(e.peer, "c1");
	/* A name that only ends like the file is not the file. */
	assert_int_equal(synclog_imported(x->city, synclog_basename(x->file) + 1, &e, &err), 0);
	assert_int_equal(synclog_imported(x->city, "kyodo-c1-to-city-20000101-000000.kyodo", &e,
	    &err), 0);
}

struct seen {
	char ids[256];
	long n;
};

static void
note(void *ctx, const struct synclog_entry *e)
{
	struct seen *s = ctx;
	size_t len = strlen(s->ids);

	snprintf(s->ids + len, sizeof s->ids - len, "%s%lld", len ? "," : "", e->id);
	s->n++;
}

static void
test_list_newest_first(void **state)
{
	struct lx *x = *state;
	struct synclog_entry e;
	struct seen seen = {{0}, 0};
	struct error err;

	exec(x->city, "INSERT INTO sync_log (id, at, direction, peer, file, rows, result) VALUES "
	    "(1, '2026-10-01T01:00:00Z', 'import', 'c1', '/m/a.kyodo', 3, 'ok'),"
	    "(2, '2026-11-01T01:00:00Z', 'import', 'c2', '/m/b.kyodo', 4, 'ok'),"
	    "(3, '2026-11-01T01:00:00Z', 'export', 'c1', 'c.kyodo', 0, 'ok'),"
	    "(4, '2026-09-01T01:00:00Z', 'import', 'c1', '/m/d.kyodo', 5, 'ok')");
	assert_int_equal(synclog_list(x->city, NULL, 0, note, &seen, &err), 4);
	assert_str(seen.ids, "3,2,1,4");	/* same second: the later row first */
	memset(&seen, 0, sizeof seen);
	assert_int_equal(synclog_list(x->city, "c1", 0, note, &seen, &err), 3);
	assert_str(seen.ids, "3,1,4");
	memset(&seen, 0, sizeof seen);
	assert_int_equal(synclog_list(x->city, NULL, 2, note, &seen, &err), 2);
	assert_str(seen.ids, "3,2");
	assert_int_equal(synclog_last(x->city, "import", "c1", &e, &err), 1);
	assert_int_equal(e.id, 1);
	assert_int_equal(e.rows, 3);
	assert_str(e.at, "2026-10-01T01:00:00Z");
	assert_int_equal(synclog_last(x->city, "import", NULL, &e, &err), 1);
	assert_int_equal(e.id, 2);
}

struct centers {
	struct synclog_center c[4];
	int n;
};

static void
keep(void *ctx, const struct synclog_center *c)
{
	struct centers *cs = ctx;

	if (cs->n < 4)
		cs->c[cs->n++] = *c;
}

static void
test_centers_and_the_35_days(void **state)
{
	struct lx *x = *state;
	struct centers cs;
	struct error err;

	memset(&cs, 0, sizeof cs);
	assert_int_equal(synclog_centers(x->city, (struct date){2026, 11, 28}, keep, &cs, &err), 2);
	assert_str(cs.c[0].code, "c1");
	assert_str(cs.c[0].name, "城南市民センター");
	assert_false(cs.c[0].heard);
	assert_true(cs.c[0].late);	/* never heard from */
	assert_str(cs.c[1].code, "c2");

	/* c1: an import 35 days before today, and an export to it later
	 * (exports do not count); c2: 36 days. */
	exec(x->city, "INSERT INTO sync_log (at, direction, peer, file, rows, result) VALUES "
	    "('2026-10-24T23:59:00Z', 'import', 'c1', '/m/old.kyodo', 3, 'ok'),"
	    "('2026-10-20T10:00:00Z', 'import', 'c1', '/m/older.kyodo', 9, 'ok'),"
	    "('2026-11-27T10:00:00Z', 'export', 'c1', 'back.kyodo', 0, 'ok'),"
	    "('2026-10-23T10:00:00Z', 'import', 'c2', '/m/c2.kyodo', 7, 'ok')");
	memset(&cs, 0, sizeof cs);
	assert_int_equal(synclog_centers(x->city, (struct date){2026, 11, 28}, keep, &cs, &err), 2);
	assert_true(cs.c[0].heard);
	assert_str(cs.c[0].last.file, "/m/old.kyodo");
	assert_int_equal(cs.c[0].last.rows, 3);
	assert_int_equal(cs.c[0].days, 35);
	assert_false(cs.c[0].late);
	assert_true(cs.c[1].heard);
	assert_int_equal(cs.c[1].days, 36);
	assert_true(cs.c[1].late);

	/* A day later c1 is late too. */
	memset(&cs, 0, sizeof cs);
	assert_int_equal(synclog_centers(x->city, (struct date){2026, 11, 29}, keep, &cs, &err), 2);
	assert_true(cs.c[0].late);

	/* At a center, the city is its only peer: no centers. */
	memset(&cs, 0, sizeof cs);
	assert_int_equal(synclog_centers(x->c1, (struct date){2026, 11, 28}, keep, &cs, &err), 0);
}

/* The file to city hall: due while none was sent this month (never sent
 * is due, not late), done once one is, late after 35 days without one. */
static void
test_export_state(void **state)
{
	struct lx *x = *state;
	struct synclog_export_state st;
	struct error err;
	struct date d;

	assert_true(date_parse("2026-11-28", &d));
	assert_true(synclog_export_state(x->c1, d, &st, &err));
	assert_int_equal(st.due, SYNCLOG_DUE);
	assert_false(st.sent);
	exec(x->c1, "INSERT INTO sync_log (at, direction, peer, file, rows, result) VALUES "
	    "('2026-11-02T01:00:00Z', 'export', 'city', 'a.kyodo', 0, 'ok')");
	assert_true(synclog_export_state(x->c1, d, &st, &err));
	assert_int_equal(st.due, SYNCLOG_DONE);
	assert_true(st.sent);
	assert_int_equal(st.last.day, 2);
	assert_int_equal(st.days, 26);
	/* December: due, not late, until 35 days have passed. */
	assert_true(date_parse("2026-12-07", &d));
	assert_true(synclog_export_state(x->c1, d, &st, &err));
	assert_int_equal(st.due, SYNCLOG_DUE);
	assert_true(date_parse("2026-12-08", &d));
	assert_true(synclog_export_state(x->c1, d, &st, &err));
	assert_int_equal(st.days, 36);
	assert_int_equal(st.due, SYNCLOG_LATE);
	/* A file to another peer or an import does not count. */
	exec(x->c1, "INSERT INTO sync_log (at, direction, peer, file, rows, result) VALUES "
	    "('2026-12-05T01:00:00Z', 'import', 'city', 'b.kyodo', 0, 'ok')");
	assert_true(synclog_export_state(x->c1, d, &st, &err));
	assert_int_equal(st.due, SYNCLOG_LATE);
}

static void
test_local_time(void **state)
{
	char out[32];

	(void)state;
	setenv("TZ", "JST-9", 1);	/* POSIX form: no tzdata needed */
	tzset();
	synclog_local_time("2026-11-28T00:30:05Z", out, sizeof out);
	assert_str(out, "2026-11-28 09:30");
	synclog_local_time("2026-11-28T20:00:00Z", out, sizeof out);
	assert_str(out, "2026-11-29 05:00");
	setenv("TZ", "UTC", 1);
	tzset();
	synclog_local_time("2026-11-28T00:30:05Z", out, sizeof out);
	assert_str(out, "2026-11-28 00:30");
	synclog_local_time("not a time", out, sizeof out);
	assert_str(out, "not a time");
	synclog_local_time(NULL, out, sizeof out);
	assert_str(out, "");
	assert_str(synclog_basename("/media/usb/kyodo-c1-to-city-20261128-003005.kyodo"),
	    "kyodo-c1-to-city-20261128-003005.kyodo");
	assert_str(synclog_basename("plain.kyodo"), "plain.kyodo");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_empty_log, setup, teardown),
		cmocka_unit_test_setup_teardown(test_last_export_and_import, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_newest_first, setup, teardown),
		cmocka_unit_test_setup_teardown(test_centers_and_the_35_days, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_state, setup, teardown),
		cmocka_unit_test(test_local_time),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
