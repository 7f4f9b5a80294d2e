/* Unit tests for backup: the daily copy (a name in the way passed over,
 * never written through), what is kept (14 days, 12 month ends), and
 * restore (checked, audited, the old store kept aside, refused while the
 * store is open, another center's backup refused, the backup itself
 * untouched). */
#include "unit.h"

#include <sys/stat.h>

#include "store/audit.h"
#include "domain/backup.h"
#include "domain/record.h"

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

/* Files in dir whose names begin with prefix. */
static int
count_named(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		n += strncmp(e->d_name, prefix, strlen(prefix)) == 0 &&
		    strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
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

/* Something under today's name that is not a copy (a link to a file, a
 * dangling link, a stray file, a folder) is passed over: the copy goes
 * under the next free name, and what was there is as it was. */
static void
test_a_name_in_the_way_gets_the_next(void **state)
{
	struct unit_fx *fx = *state;
	char dir[PATH_MAX], path[PATH_MAX + 32], target[PATH_MAX + 32];
	struct date today = {2026, 11, 28};
	struct error err;
	struct stat st;
	bool made;
	FILE *f;
	int n;

	snprintf(dir, sizeof dir, "%s/b", fx->dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(target, sizeof target, "%s/precious.txt", fx->dir);
	f = fopen(target, "w");
	assert_non_null(f);
	fputs("precious\n", f);
	fclose(f);
	snprintf(path, sizeof path, "%s/kyodo-2026-11-28.db", dir);
	assert_int_equal(symlink(target, path), 0);
	snprintf(path, sizeof path, "%s/kyodo-2026-11-28-2.db", dir);
	assert_int_equal(symlink("/nonexistent/kyodo", path), 0);
	snprintf(path, sizeof path, "%s/kyodo-2026-11-28-3.db", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
	snprintf(path, sizeof path, "%s/kyodo-2026-11-28-4.db", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_true(backup_daily(fx->s, dir, today, &made, &err));
	assert_true(made);
	snprintf(path, sizeof path, "%s/kyodo-2026-11-28-5.db", dir);
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_size % 4096, 0);
	assert_int_equal(lstat(target, &st), 0);
	assert_int_equal(st.st_size, 9);
	/* Once made, the day is done. */
	assert_true(backup_daily(fx->s, dir, today, &made, &err));
	assert_false(made);
	/* Every name taken: said in one sentence, not skipped in silence. */
	snprintf(dir, sizeof dir, "%s/c", fx->dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	for (n = 1; n <= 9; n++) {
		if (n == 1)
			snprintf(path, sizeof path, "%s/kyodo-2026-11-28.db", dir);
		else
			snprintf(path, sizeof path, "%s/kyodo-2026-11-28-%d.db", dir, n);
		assert_int_equal(symlink(target, path), 0);
	}
	assert_false(backup_daily(fx->s, dir, today, &made, &err));
	assert_false(made);
	assert_contains(err.text, "kyodo-2026-11-28.db");
	assert_int_equal(lstat(target, &st), 0);
	assert_int_equal(st.st_size, 9);
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
	/* Open (here, in this very process): refused, nothing changed. */
	assert_false(backup_restore_by(path, copy, &who, aside, &err));
	assert_contains(err.text, "is open in");
	assert_string_equal(aside, "");
	assert_int_equal(record_count(fx->s, k, 0, 0, &err), 2);
	store_close(fx->s);
	fx->s = NULL;
	assert_true(backup_restore_by(path, copy, &who, aside, &err));
	assert_true(exists(aside));
	s = store_open(path, &err);
	assert_non_null(s);
	assert_int_equal(record_count(s, k, 0, 0, &err), 1);
	/* The restore is in the restored store's audit log. */
	assert_int_equal(unit_sql_int(s, "SELECT count(*) FROM audit WHERE action = 'restore' "
	    "AND actor = 'test' AND summary LIKE '%copy.db%before-restore%'"), 1);
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
	struct actor who = {"test", ROLE_ADMIN};
	struct error err;
	struct store *o;
	FILE *f;

	snprintf(other, sizeof other, "%s/other.db", fx->dir);
	o = store_create(other, STORE_CENTER, "other", "Other", &err);
	assert_non_null(o);
	store_close(o);
	snprintf(path, sizeof path, "%s", fx->path);
	store_close(fx->s);
	fx->s = NULL;
	assert_false(backup_restore_by(path, other, &who, aside, &err));
	assert_contains(err.text, "other");
	assert_string_equal(aside, "");
	snprintf(junk, sizeof junk, "%s/junk.db", fx->dir);
	f = fopen(junk, "w");
	assert_non_null(f);
	fputs("not a database at all, just text", f);
	fclose(f);
	assert_false(backup_restore_by(path, junk, &who, aside, &err));
	assert_string_equal(aside, "");
	/* The store is still there and whole; no copy or second name is left. */
	assert_true(exists(path));
	assert_int_equal(count_named(fx->dir, "."), 0);
	assert_int_equal(count_named(fx->dir, "kyodo.db"), 1);
	fx->s = store_open(path, &err);
	assert_non_null(fx->s);
	assert_int_equal(store_check(fx->s, NULL, NULL, &err), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_daily_copy_once_a_day, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_a_name_in_the_way_gets_the_next, unit_fx_setup,
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
