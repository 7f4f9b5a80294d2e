/* Unit tests for recur: weekly, every N weeks and monthly-nth expansion,
 * fifth-weekday months, the year end, count versus until. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/recur.h"

static void
expect_dates(const struct date *got, int n, const char *const *want, int nwant)
{
	char iso[11];
	int i;

	assert_int_equal(n, nwant);
	for (i = 0; i < n; i++) {
		date_format(got[i], iso);
		assert_string_equal(iso, want[i]);
	}
}

static void
test_weekly_until_crosses_the_year(void **state)
{
	struct recur r = {RECUR_WEEKLY, 1, {2026, 12, 15}, true, {2027, 1, 12}, 0};
	struct date out[RECUR_MAX];
	static const char *const want[] = {
		"2026-12-15", "2026-12-22", "2026-12-29", "2027-01-05", "2027-01-12",
	};

	(void)state;
	expect_dates(out, recur_expand(&r, out, RECUR_MAX), want, 5);
}

static void
test_every_two_weeks_by_count(void **state)
{
	struct recur r = {RECUR_EVERY_N_WEEKS, 2, {2026, 4, 7}, false, {0, 0, 0}, 3};
	struct date out[RECUR_MAX];
	static const char *const want[] = {"2026-04-07", "2026-04-21", "2026-05-05"};

	(void)state;
	expect_dates(out, recur_expand(&r, out, RECUR_MAX), want, 3);
}

static void
test_monthly_second_tuesday(void **state)
{
	/* 2026-04-14 is the second Tuesday of April. */
	struct recur r = {RECUR_MONTHLY_NTH, 1, {2026, 4, 14}, false, {0, 0, 0}, 4};
	struct date out[RECUR_MAX];
	static const char *const want[] = {
		"2026-04-14", "2026-05-12", "2026-06-09", "2026-07-14",
	};

	(void)state;
	assert_int_equal(recur_nth_of_month(r.start), 2);
	expect_dates(out, recur_expand(&r, out, RECUR_MAX), want, 4);
}

static void
test_monthly_fifth_weekday_skips_short_months(void **state)
{
	/* 2026-01-29 is the fifth Thursday; Feb–Apr 2026 have none, April has
	 * the 30th (fifth Thursday), so the next ones are 2026-04-30, 2026-07-30. */
	struct recur r = {RECUR_MONTHLY_NTH, 1, {2026, 1, 29}, true, {2026, 8, 31}, 0};
	struct date out[RECUR_MAX];
	static const char *const want[] = {"2026-01-29", "2026-04-30", "2026-07-30"};

	(void)state;
	expect_dates(out, recur_expand(&r, out, RECUR_MAX), want, 3);
}

static void
test_until_before_start_gives_nothing(void **state)
{
	struct recur r = {RECUR_WEEKLY, 1, {2026, 5, 1}, true, {2026, 4, 30}, 0};
	struct date out[4];

	(void)state;
	assert_int_equal(recur_expand(&r, out, 4), 0);
}

static void
test_max_bounds_the_output(void **state)
{
	struct recur r = {RECUR_WEEKLY, 1, {2026, 5, 1}, false, {0, 0, 0}, 1000};
	struct date out[10];

	(void)state;
	assert_int_equal(recur_expand(&r, out, 10), 10);
}

static void
test_parse_kind(void **state)
{
	enum recur_kind k;
	int weeks;

	(void)state;
	assert_true(recur_parse_kind("weekly", &k, &weeks));
	assert_int_equal(k, RECUR_WEEKLY);
	assert_true(recur_parse_kind("every-2-weeks", &k, &weeks));
	assert_int_equal(k, RECUR_EVERY_N_WEEKS);
	assert_int_equal(weeks, 2);
	assert_true(recur_parse_kind("monthly-nth", &k, &weeks));
	assert_false(recur_parse_kind("every-1-weeks", &k, &weeks));
	assert_false(recur_parse_kind("every-2-weeksx", &k, &weeks));
	assert_false(recur_parse_kind("daily", &k, &weeks));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weekly_until_crosses_the_year),
		cmocka_unit_test(test_every_two_weeks_by_count),
		cmocka_unit_test(test_monthly_second_tuesday),
		cmocka_unit_test(test_monthly_fifth_weekday_skips_short_months),
		cmocka_unit_test(test_until_before_start_gives_nothing),
		cmocka_unit_test(test_max_bounds_the_output),
		cmocka_unit_test(test_parse_kind),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
