/* Unit tests for holiday: every national holiday of 2019–2027 against the
 * Cabinet Office's published lists (内閣府「国民の祝日について」). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "base/holiday.h"

static const char *const official[] = {
	"2019-01-01", "2019-01-14", "2019-02-11", "2019-03-21", "2019-04-29", "2019-04-30",
	"2019-05-01", "2019-05-02", "2019-05-03", "2019-05-04", "2019-05-05", "2019-05-06",
	"2019-07-15", "2019-08-11", "2019-08-12", "2019-09-16", "2019-09-23", "2019-10-14",
	"2019-10-22", "2019-11-03", "2019-11-04", "2019-11-23",
	"2020-01-01", "2020-01-13", "2020-02-11", "2020-02-23", "2020-02-24", "2020-03-20",
	"2020-04-29", "2020-05-03", "2020-05-04", "2020-05-05", "2020-05-06", "2020-07-23",
	"2020-07-24", "2020-08-10", "2020-09-21", "2020-09-22", "2020-11-03", "2020-11-23",
	"2021-01-01", "2021-01-11", "2021-02-11", "2021-02-23", "2021-03-20", "2021-04-29",
	"2021-05-03", "2021-05-04", "2021-05-05", "2021-07-22", "2021-07-23", "2021-08-08",
	"2021-08-09", "2021-09-20", "2021-09-23", "2021-11-03", "2021-11-23",
	"2022-01-01", "2022-01-10", "2022-02-11", "2022-02-23", "2022-03-21", "2022-04-29",
	"2022-05-03", "2022-05-04", "2022-05-05", "2022-07-18", "2022-08-11", "2022-09-19",
	"2022-09-23", "2022-10-10", "2022-11-03", "2022-11-23",
	"2023-01-01", "2023-01-02", "2023-01-09", "2023-02-11", "2023-02-23", "2023-03-21",
	"2023-04-29", "2023-05-03", "2023-05-04", "2023-05-05", "2023-07-17", "2023-08-11",
	"2023-09-18", "2023-09-23", "2023-10-09", "2023-11-03", "2023-11-23",
	"2024-01-01", "2024-01-08", "2024-02-11", "2024-02-12", "2024-02-23", "2024-03-20",
	"2024-04-29", "2024-05-03", "2024-05-04", "2024-05-05", "2024-05-06", "2024-07-15",
	"2024-08-11", "2024-08-12", "2024-09-16", "2024-09-22", "2024-09-23", "2024-10-14",
	"2024-11-03", "2024-11-04", "2024-11-23",
	"2025-01-01", "2025-01-13", "2025-02-11", "2025-02-23", "2025-02-24", "2025-03-20",
	"2025-04-29", "2025-05-03", "2025-05-04", "2025-05-05", "2025-05-06", "2025-07-21",
	"2025-08-11", "2025-09-15", "2025-09-23", "2025-10-13", "2025-11-03", "2025-11-23",
	"2025-11-24",
	"2026-01-01", "2026-01-12", "2026-02-11", "2026-02-23", "2026-03-20", "2026-04-29",
	"2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06", "2026-07-20", "2026-08-11",
	"2026-09-21", "2026-09-22", "2026-09-23", "2026-10-12", "2026-11-03", "2026-11-23",
	"2027-01-01", "2027-01-11", "2027-02-11", "2027-02-23", "2027-03-21", "2027-03-22",
	"2027-04-29", "2027-05-03", "2027-05-04", "2027-05-05", "2027-07-19", "2027-08-11",
	"2027-09-20", "2027-09-23", "2027-10-11", "2027-11-03", "2027-11-23",
};

static bool
in_official(const char *iso)
{
	size_t i;

	for (i = 0; i < sizeof official / sizeof official[0]; i++)
		if (strcmp(official[i], iso) == 0)
			return true;
	return false;
}

/* Every day of 2019–2027 is a holiday exactly when the official list says. */
static void
test_every_day_matches_the_official_list(void **state)
{
	struct date d = {2019, 1, 1}, end = {2028, 1, 1};
	char iso[11];
	int found = 0;

	(void)state;
	for (; date_compare(d, end) < 0; d = date_add_days(d, 1)) {
		date_format(d, iso);
		if (holiday_of(d, NULL, NULL) != in_official(iso))
			fail_msg("%s: computed %d, official %d", iso, holiday_of(d, NULL, NULL),
			    in_official(iso));
		found += holiday_of(d, NULL, NULL);
	}
	assert_int_equal(found, (int)(sizeof official / sizeof official[0]));
}

static void
test_names(void **state)
{
	const char *ja, *en;

	(void)state;
	assert_true(holiday_of((struct date){2026, 9, 22}, &ja, &en));
	assert_string_equal(ja, "国民の休日");
	assert_true(holiday_of((struct date){2026, 5, 6}, &ja, &en));
	assert_string_equal(ja, "振替休日");
	assert_true(holiday_of((struct date){2026, 3, 20}, &ja, &en));
	assert_string_equal(ja, "春分の日");
	assert_string_equal(en, "Vernal Equinox Day");
	assert_true(holiday_of((struct date){2019, 10, 14}, &ja, NULL));
	assert_string_equal(ja, "体育の日");
	assert_true(holiday_of((struct date){2020, 7, 24}, &ja, NULL));
	assert_string_equal(ja, "スポーツの日");
	assert_false(holiday_of((struct date){2019, 12, 23}, &ja, NULL));
	assert_true(holiday_of((struct date){2018, 12, 23}, &ja, NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_day_matches_the_official_list),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
