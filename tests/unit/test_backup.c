/* Unit tests for backup: the daily copy, what is kept (14 days, 12 month
 * ends), and restore (checked, the old store kept aside, another center's
 * backup refused, the backup itself untouched). */
#include "unit.h"

#include <sys/stat.h>

#include "core/backup.h"
#include "core/record.h"

static int
count_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static bool
exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

static void
test_daily_copy_once_a_day(void **state)
{
	struct unit_fx *fx = *state;
	char dir[PATH_MAX], path[PATH_MAX + 32];
	struct error err;
	bool made;

	snprintf(dir, sizeof dir, "%s/b", fx->dir);
	assert_true(backup_daily(fx->s, dir, (struct date){2026, 11, 28}, &made, &err));
	assert_true(made);
	snprintf(path, sizeof path, "%s/kyodo-2026-11-28.db", dir);
	assert_true(exists(path));
	assert_true(backup_daily(fx->s, dir, (struct date){2026, 11, 28}, &made, &err));
	assert_false(made);
	assert_int_equal(count_files(dir), 1);
}

static void
test_keeps_14_days_and_12_month_ends(void **state)
{
	struct unit_fx *fx = *state;
	char dir[PATH_MAX], path[PATH_MAX + 32];
	struct date d = {2025, 6, 1}, end = {2026, 11, 28};
	struct error err;
	bool made;
	int months = 0;

	snprintf(dir, sizeof dir, "%s/b", fx->dir);
	/* A kiosk started every day from June 2025 to 28 November 2026. */
	for (; date_compare(d, end) <= 0; d = date_add_days(d, 1))
		assert_true(backup_daily(fx->s, dir, d, &made, &err));
	/* The last 14 days: 15–28 November. */
	snprintf(path, sizeof path, "%s/kyodo-2026-11-15.db", dir);
	assert_true(exists(path));
	snprintf(path, sizeof path, "%s/kyodo-2026-11-14.db", dir);
	assert_false(exists(path));
	/* The month ends of the 12 months December 2025 … November 2026 (the
	 * month in progress counts by its latest copy, today's). */
	snprintf(path, sizeof path, "%s/kyodo-2026-10-31.db", dir);
	assert_true(exists(path));
	snprintf(path, sizeof path, "%s/kyodo-2025-12-31.db", dir);
	assert_true(exists(path));
	snprintf(path, sizeof path, "%s/kyodo-2025-11-30.db", dir);
	assert_false(exists(path));
	snprintf(path, sizeof path, "%s/kyodo-2026-10-30.db", dir);
	assert_false(exists(path));
	/* 14 days + 11 earlier month ends. */
	months = count_files(dir);
	assert_int_equal(months, 14 + 11);
}

static void
test_restore_keeps_the_old_store_aside(void **state)
{
	struct unit_fx *fx = *state;
	const struct kind *k = kind_find("meeting");
	char copy[PATH_MAX], aside[PATH_MAX], path[PATH_MAX + 8];
	struct actor who = {"test", ROLE_ADMIN};
	struct record r;
	struct error err;
	struct store *s;

	record_init(&r, k);
	assert_true(record_set(&r, 0, "2026-04-01", &err));
	assert_true(record_set(&r, kind_field(k, "kind"), "board", &err));
	assert_true(record_set(&r, kind_field(k, "title"), "before", &err));
	assert_true(record_insert(fx->s, &who, &r, &err));
	record_free(&r);
	snprintf(copy, sizeof copy, "%s/copy.db", fx->dir);
	assert_true(store_backup(fx->s, copy, &err));
	record_init(&r, k);
	assert_true(record_set(&r, 0, "2026-04-02", &err));
	assert_true(record_set(&r, kind_field(k, "kind"), "board", &err));
	assert_true(record_set(&r, kind_field(k, "title"), "after", &err));
	assert_true(record_insert(fx->s, &who, &r, &err));
	record_free(&r);
	snprintf(path, sizeof path, "%s", fx->path);
	store_close(fx->s);
	fx->s = NULL;
	assert_true(backup_restore(path, copy, aside, &err));
	assert_true(exists(aside));
	s = store_open(path, &err);
	assert_non_null(s);
	assert_int_equal(record_count(s, k, 0, 0, &err), 1);
	store_close(s);
	s = store_open(aside, &err);
	assert_non_null(s);
	assert_int_equal(record_count(s, k, 0, 0, &err), 2);
	store_close(s);
	/* The backup was read, never written: no journal beside it. */
	snprintf(path, sizeof path, "%s-wal", copy);
	assert_false(exists(path));
	fx->s = store_open(fx->path, &err);
}

static void
test_restore_refuses_another_center_and_junk(void **state)
{
	struct unit_fx *fx = *state;
	char other[PATH_MAX], junk[PATH_MAX], aside[PATH_MAX], path[PATH_MAX];
	struct error err;
	struct store *o;
	FILE *f;

	snprintf(other, sizeof other, "%s/other.db", fx->dir);
	o = store_create(other, STORE_CENTER, "other", "Other", &err);
	assert_non_null(o);
	store_close(o);
	snprintf(path, sizeof path, "%s", fx->path);
	assert_false(backup_restore(path, other, aside, &err));
	assert_contains(err.text, "other");
	assert_string_equal(aside, "");
	snprintf(junk, sizeof junk, "%s/junk.db", fx->dir);
	f = fopen(junk, "w");
	assert_non_null(f);
	fputs("not a database at all, just text", f);
	fclose(f);
	assert_false(backup_restore(path, junk, aside, &err));
	/* The store is still there and whole. */
	assert_true(exists(path));
	assert_int_equal(store_check(fx->s, NULL, NULL, &err), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_daily_copy_once_a_day, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_keeps_14_days_and_12_month_ends, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_restore_keeps_the_old_store_aside, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_restore_refuses_another_center_and_junk,
		    unit_fx_setup, unit_fx_teardown),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
