/* Unit tests for fyspan: spans of fiscal years in Japanese (one era, two
 * eras, 元年, open-ended) and English. */
#include "unit.h"

#include "base/fyspan.h"

static void
check(int from, int to, enum era_lang lang, const char *want)
{
	char out[64];

	era_format_fy_span(from, to, lang, out, sizeof out);
	assert_str(out, want);
}

static void
test_japanese(void **state)
{
	(void)state;
	check(2014, 2015, ERA_JA, "平成26〜27年度");
	check(2015, 0, ERA_JA, "平成27年度〜");
	check(2026, 2026, ERA_JA, "令和8年度");
	/* FY2019 is 令和元年度; a span across the change names both eras. */
	check(2018, 2020, ERA_JA, "平成30年度〜令和2年度");
	check(2019, 2021, ERA_JA, "令和元〜3年度");
	check(2021, 2030, ERA_JA, "令和3〜12年度");
}

static void
test_english(void **state)
{
	(void)state;
	check(2014, 2015, ERA_EN, "FY2014–2015");
	check(2015, 0, ERA_EN, "FY2015–");
	check(2026, 2026, ERA_EN, "FY2026");
}

static void
test_small_buffer(void **state)
{
	char out[8];

	(void)state;
	/* Cut, never overrun (snprintf); what is kept is the string's start. */
	era_format_fy_span(2018, 2020, ERA_JA, out, sizeof out);
	assert_int_equal(strlen(out), 7);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_japanese),
		cmocka_unit_test(test_english),
		cmocka_unit_test(test_small_buffer),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
