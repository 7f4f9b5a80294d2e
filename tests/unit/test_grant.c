/* Unit tests for grant: the amount rule on the worked examples and
 * the years a programme is open. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <limits.h>
#include <stdint.h>

#include <cmocka.h>

#include "domain/grant.h"

static const struct programme_terms consensus = {50000, 1, 1, 1000, 2014, 2015};
static const struct programme_terms support = {200000, 2, 3, 1000, 2014, 2015};
static const struct programme_terms activity = {0, 1, 1, 1000, 2015, 0};

static void
test_worked_examples(void **state)
{
	(void)state;
	/* ¥250,000 at 2/3 = 166,666.67 → cut to ¥1,000 → 166,000 */
	assert_int_equal(grant_allowed(&support, 250000), 166000);
	/* ¥400,000 at 2/3 = 266,666 → over the ¥200,000 limit → 200,000 */
	assert_int_equal(grant_allowed(&support, 400000), 200000);
	/* ¥38,500 at 100% → cut to ¥1,000 → 38,000 */
	assert_int_equal(grant_allowed(&activity, 38500), 38000);
	assert_int_equal(grant_allowed(&consensus, 38500), 38000);
	/* ¥0 → 0 */
	assert_int_equal(grant_allowed(&support, 0), 0);
	/* the limit of the consensus programme */
	assert_int_equal(grant_allowed(&consensus, 80000), 50000);
}

static void
test_units_and_edges(void **state)
{
	struct programme_terms t = {0, 2, 3, 1, 2020, 0};

	(void)state;
	assert_int_equal(grant_allowed(&t, 100), 66);	/* 66.67 cut down */
	t.unit = 100;
	assert_int_equal(grant_allowed(&t, 1000), 600);	/* 666 → 600 */
	t.unit = 7;
	assert_int_equal(grant_allowed(&t, 1000), -1);
	t.unit = 1;
	t.rate_den = 0;
	assert_int_equal(grant_allowed(&t, 1000), -1);
	t.rate_den = 3;
	assert_int_equal(grant_allowed(&t, -5), -1);
	/* large costs stay exact: 10^12 × 2/3 */
	assert_int_equal(grant_allowed(&t, 1000000000000LL), 666666666666LL);
}

static void
test_years_open(void **state)
{
	(void)state;
	assert_true(grant_open_in(&consensus, 2014));
	assert_true(grant_open_in(&consensus, 2015));
	assert_false(grant_open_in(&consensus, 2016));	/* FY2016 to consensus: refused */
	assert_false(grant_open_in(&consensus, 2013));
	assert_false(grant_open_in(&activity, 2014));
	assert_true(grant_open_in(&activity, 2026));
	assert_true(grant_open_in(&activity, 2099));
}

/* Totals of yen are held at the int64 limits, never wrapped (a wrapped
 * total would show as a small or negative amount). */
static void
test_sums_held_at_the_limit(void **state)
{
	const long long max_yen = 1000000000000LL;	/* a yen field's maximum */
	long long total = 0;
	long i;

	(void)state;
	assert_true(grant_yen_add(2, 3) == 5);
	assert_true(grant_yen_add(-2, 3) == 1);
	assert_true(grant_yen_add(LLONG_MAX - 1, 1) == LLONG_MAX);
	assert_true(grant_yen_add(LLONG_MAX, max_yen) == LLONG_MAX);
	assert_true(grant_yen_add(LLONG_MIN, -1) == LLONG_MIN);
	assert_true(grant_yen_sub(5, 3) == 2);
	assert_true(grant_yen_sub(0, LLONG_MAX) == -LLONG_MAX);
	assert_true(grant_yen_sub(-2, LLONG_MAX) == LLONG_MIN);
	assert_true(grant_yen_sub(LLONG_MAX, -1) == LLONG_MAX);
	/* Ten million rows at the maximum: 10^19 passes 2^63 - 1. */
	for (i = 0; i < 10000000; i++)
		total = grant_yen_add(total, max_yen);
	assert_true(total == LLONG_MAX);
}

/* Terms and costs past the fields' limits (a damaged store) give an
 * amount, not an overflow. */
static void
test_allowed_past_the_limits(void **state)
{
	struct programme_terms t = {0, 1000, 1, 1000, 2015, 0};

	(void)state;
	assert_true(grant_allowed(&t, LLONG_MAX) == LLONG_MAX - LLONG_MAX % 1000);
	t.limit = 200000;
	assert_true(grant_allowed(&t, LLONG_MAX) == 200000);
	t.rate_num = 2;
	t.rate_den = 3;
	t.limit = 0;
	assert_true(grant_allowed(&t, LLONG_MAX) ==
	    (LLONG_MAX / 3 * 2 + LLONG_MAX % 3 * 2 / 3) / 1000 * 1000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_worked_examples),
		cmocka_unit_test(test_units_and_edges),
		cmocka_unit_test(test_years_open),
		cmocka_unit_test(test_sums_held_at_the_limit),
		cmocka_unit_test(test_allowed_past_the_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
