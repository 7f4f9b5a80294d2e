/* Unit tests for core/date: parsing, the calendar, fiscal years and eras. */
#include "unit.h"

#include "base/date.h"

static struct date
D(int y, int m, int d)
{
	struct date x = {y, m, d};

	return x;
}

static void
assert_date(struct date d, int y, int m, int day)
{
	if (d.year != y || d.month != m || d.day != day)
		fail_msg("%04d-%02d-%02d != %04d-%02d-%02d", d.year, d.month, d.day, y, m, day);
}

static void
test_validity_and_leap_years(void **state)
{
	(void)state;
	assert_true(date_valid(2024, 2, 29));
	assert_false(date_valid(2025, 2, 29));
	assert_true(date_valid(2000, 2, 29));	/* divisible by 400 */
	assert_false(date_valid(2100, 2, 29));	/* divisible by 100 */
	assert_false(date_valid(2026, 2, 30));
	assert_false(date_valid(2026, 4, 31));
	assert_true(date_valid(2026, 12, 31));
	assert_false(date_valid(2026, 13, 1));
	assert_false(date_valid(2026, 0, 1));
	assert_false(date_valid(2026, 1, 0));
	assert_false(date_valid(1899, 12, 31));
	assert_true(date_valid(1900, 1, 1));
	assert_true(date_valid(2999, 12, 31));
	assert_false(date_valid(3000, 1, 1));
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2025, 2), 28);
	assert_int_equal(date_days_in_month(2026, 4), 30);
	assert_int_equal(date_days_in_month(2026, 12), 31);
	assert_int_equal(date_days_in_month(2026, 13), 0);
}

static void
test_parse(void **state)
{
	struct date d = {0, 0, 0};
	char out[11];

	(void)state;
	assert_true(date_parse("2026-04-01", &d));
	assert_date(d, 2026, 4, 1);
	assert_true(date_parse("2026/4/1", &d));
	assert_date(d, 2026, 4, 1);
	assert_true(date_parse("２０２６－０４－０１", &d));
	assert_date(d, 2026, 4, 1);
	assert_true(date_parse("２０２６／１１／２８", &d));
	assert_date(d, 2026, 11, 28);
	assert_true(date_parse("2024-02-29", &d));
	assert_date(d, 2024, 2, 29);

	d = D(1, 1, 1);
	assert_false(date_parse("2026-02-30", &d));
	assert_false(date_parse("2025-02-29", &d));
	assert_false(date_parse("2026-13-01", &d));
	assert_false(date_parse("2026-00-10", &d));
	assert_false(date_parse("26-04-01", &d));
	assert_false(date_parse("2026-004-01", &d));
	assert_false(date_parse("2026-04-01x", &d));
	assert_false(date_parse("2026-04", &d));
	assert_false(date_parse("", &d));
	assert_false(date_parse("abcd-ef-gh", &d));
	assert_false(date_parse("1899-12-31", &d));
	/* A refusal leaves the output alone. */
	assert_date(d, 1, 1, 1);

	date_format(D(2026, 4, 1), out);
	assert_string_equal(out, "2026-04-01");
	date_format(D(1900, 1, 9), out);
	assert_string_equal(out, "1900-01-09");
}

static void
test_parse_month(void **state)
{
	int y = 0, m = 0;

	(void)state;
	assert_true(date_parse_month("2026-04", &y, &m));
	assert_int_equal(y, 2026);
	assert_int_equal(m, 4);
	assert_true(date_parse_month("２０２７－１", &y, &m));
	assert_int_equal(y, 2027);
	assert_int_equal(m, 1);
	assert_false(date_parse_month("2026-13", &y, &m));
	assert_false(date_parse_month("2026-04-01", &y, &m));
	assert_false(date_parse_month("2026", &y, &m));
}

static void
test_time(void **state)
{
	char out[6];
	int m = -1;

	(void)state;
	assert_true(time_parse("9:05", &m));
	assert_int_equal(m, 9 * 60 + 5);
	time_format(m, out);
	assert_string_equal(out, "09:05");
	assert_true(time_parse("１０：３０", &m));
	assert_int_equal(m, 10 * 60 + 30);
	assert_true(time_parse("00:00", &m));
	assert_int_equal(m, 0);
	assert_true(time_parse("23:59", &m));
	assert_int_equal(m, 23 * 60 + 59);

	m = -1;
	assert_false(time_parse("24:00", &m));
	assert_false(time_parse("9:5", &m));
	assert_false(time_parse("12:60", &m));
	assert_false(time_parse("123:00", &m));
	assert_false(time_parse("9.05", &m));
	assert_false(time_parse("", &m));
	assert_int_equal(m, -1);

	time_format(0, out);
	assert_string_equal(out, "00:00");
	time_format(23 * 60 + 59, out);
	assert_string_equal(out, "23:59");
}

static void
test_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(D(2026, 11, 28)), 6);	/* Saturday */
	assert_int_equal(date_weekday(D(1970, 1, 1)), 4);	/* Thursday */
	assert_int_equal(date_weekday(D(2000, 1, 1)), 6);	/* Saturday */
	assert_int_equal(date_weekday(D(2024, 2, 29)), 4);	/* Thursday */
	assert_int_equal(date_weekday(D(2026, 4, 5)), 0);	/* Sunday */
	assert_int_equal(date_weekday(D(1900, 1, 1)), 1);	/* Monday */
}

static void
test_days_round_trip(void **state)
{
	struct date first = D(1900, 1, 1), d, prev;
	long n, start = date_to_days(first);

	(void)state;
	assert_int_equal(date_to_days(D(1970, 1, 1)), 0);
	assert_int_equal(date_to_days(D(1970, 1, 2)), 1);
	assert_int_equal(date_to_days(D(1969, 12, 31)), -1);
	/* Every day from 1900 to 2200 comes back as itself, and the next day
	 * is the next valid date. */
	prev = first;
	for (n = start; n < start + 300 * 366; n++) {
		d = date_from_days(n);
		if (date_to_days(d) != n)
			fail_msg("day %ld round-trips to %ld", n, date_to_days(d));
		if (n > start && date_compare(prev, d) >= 0)
			fail_msg("day %ld is not after the one before", n);
		if (d.year <= 2999 && !date_valid(d.year, d.month, d.day))
			fail_msg("day %ld is %d-%d-%d", n, d.year, d.month, d.day);
		prev = d;
	}
}

static void
test_add_days(void **state)
{
	(void)state;
	assert_date(date_add_days(D(2025, 12, 31), 1), 2026, 1, 1);
	assert_date(date_add_days(D(2026, 1, 1), -1), 2025, 12, 31);
	assert_date(date_add_days(D(2024, 2, 28), 1), 2024, 2, 29);
	assert_date(date_add_days(D(2023, 2, 28), 1), 2023, 3, 1);
	assert_date(date_add_days(D(2023, 3, 1), -1), 2023, 2, 28);
	assert_date(date_add_days(D(2024, 1, 1), 365), 2024, 12, 31);
	assert_date(date_add_days(D(2025, 1, 1), 365), 2026, 1, 1);
	assert_date(date_add_days(D(2026, 11, 28), 14), 2026, 12, 12);
	assert_date(date_add_days(D(2026, 11, 28), 0), 2026, 11, 28);
	assert_int_equal(date_compare(D(2026, 1, 1), D(2025, 12, 31)), 1);
	assert_int_equal(date_compare(D(2025, 12, 31), D(2026, 1, 1)), -1);
	assert_int_equal(date_compare(D(2026, 1, 1), D(2026, 1, 1)), 0);
}

static void
test_fiscal_year(void **state)
{
	(void)state;
	assert_int_equal(date_fiscal_year(D(2026, 3, 31)), 2025);
	assert_int_equal(date_fiscal_year(D(2026, 4, 1)), 2026);
	assert_int_equal(date_fiscal_year(D(2026, 1, 1)), 2025);
	assert_int_equal(date_fiscal_year(D(2026, 12, 31)), 2026);
}

static void
check_era_date(struct date d, const char *want)
{
	char out[64];

	era_format_date(d, ERA_JA, out, sizeof out);
	assert_string_equal(out, want);
}

static void
test_era_dates_ja(void **state)
{
	(void)state;
	check_era_date(D(2019, 4, 30), "平成31年4月30日");
	check_era_date(D(2019, 5, 1), "令和元年5月1日");
	check_era_date(D(1989, 1, 7), "昭和64年1月7日");
	check_era_date(D(1989, 1, 8), "平成元年1月8日");
	check_era_date(D(2026, 11, 28), "令和8年11月28日");
	check_era_date(D(2020, 1, 1), "令和2年1月1日");
	check_era_date(D(1926, 12, 24), "大正15年12月24日");
	check_era_date(D(1926, 12, 25), "昭和元年12月25日");
	check_era_date(D(1912, 7, 30), "大正元年7月30日");
	check_era_date(D(1912, 7, 29), "明治45年7月29日");
	/* Before 明治 there is no era to give: the plain date. */
	check_era_date(D(1868, 10, 22), "1868-10-22");
}

static void
test_era_dates_en(void **state)
{
	const char *ja, *en;
	char out[64];
	int year = 0;

	(void)state;
	assert_true(era_of_date(D(2019, 5, 1), &ja, &en, &year));
	assert_string_equal(ja, "令和");
	assert_string_equal(en, "Reiwa");
	assert_int_equal(year, 1);
	assert_true(era_of_date(D(2019, 4, 30), &ja, &en, &year));
	assert_string_equal(en, "Heisei");
	assert_int_equal(year, 31);

	era_format_date(D(2026, 11, 28), ERA_EN, out, sizeof out);
	assert_contains(out, "Reiwa 8");
	assert_contains(out, "2026");
	assert_not_contains(out, "令和");
	era_format_date(D(2019, 5, 1), ERA_EN, out, sizeof out);
	assert_contains(out, "Reiwa 1");
	era_format_date(D(2019, 4, 30), ERA_EN, out, sizeof out);
	assert_contains(out, "Heisei 31");
	era_format_date(D(1989, 1, 7), ERA_EN, out, sizeof out);
	assert_contains(out, "Showa 64");
}

static void
check_era_fy(int fy, enum era_lang lang, const char *want)
{
	char out[64];

	era_format_fy(fy, lang, out, sizeof out);
	assert_string_equal(out, want);
}

static void
test_era_fiscal_years(void **state)
{
	(void)state;
	check_era_fy(2019, ERA_JA, "令和元年度");
	check_era_fy(2014, ERA_JA, "平成26年度");
	check_era_fy(2026, ERA_JA, "令和8年度");
	check_era_fy(1988, ERA_JA, "昭和63年度");
	check_era_fy(1989, ERA_JA, "平成元年度");
	check_era_fy(2018, ERA_JA, "平成30年度");
	check_era_fy(2026, ERA_EN, "FY2026 (Reiwa 8)");
	check_era_fy(2019, ERA_EN, "FY2019 (Reiwa 1)");
	check_era_fy(2014, ERA_EN, "FY2014 (Heisei 26)");
}

static void
test_era_small_buffer(void **state)
{
	char out[8];

	(void)state;
	memset(out, 'x', sizeof out);
	era_format_date(D(2026, 11, 28), ERA_JA, out, sizeof out);
	assert_non_null(memchr(out, '\0', sizeof out));
	era_format_fy(2026, ERA_EN, out, sizeof out);
	assert_non_null(memchr(out, '\0', sizeof out));
}

static void
test_today_and_now(void **state)
{
	struct date d;
	char now[21];
	int i;

	(void)state;
	setenv("KYODO_TODAY", "2026-11-28", 1);
	d = date_today();
	unsetenv("KYODO_TODAY");
	assert_date(d, 2026, 11, 28);
	d = date_today();
	assert_true(date_valid(d.year, d.month, d.day));

	date_now_utc(now);
	assert_int_equal(strlen(now), 20);
	for (i = 0; i < 20; i++) {
		const char *shape = "dddd-dd-ddTdd:dd:ddZ";

		if (shape[i] == 'd')
			assert_true(now[i] >= '0' && now[i] <= '9');
		else
			assert_int_equal(now[i], shape[i]);
	}
}

static void
fy_is(const char *in, int want)
{
	int fy = 0;

	if (!era_parse_fy(in, &fy))
		fail_msg("\"%s\" not read as a fiscal year", in);
	if (fy != want)
		fail_msg("\"%s\": %d, not %d", in, fy, want);
}

static void
test_era_parse_fy(void **state)
{
	int fy;

	(void)state;
	fy_is("2026", 2026);
	fy_is("FY2026", 2026);
	fy_is("fy 2026", 2026);
	fy_is("FY2026 (Reiwa 8)", 2026);
	fy_is("令和8", 2026);
	fy_is("令和8年度", 2026);
	fy_is("令和 8 年度", 2026);
	fy_is("令和元年度", 2019);
	fy_is("R8", 2026);
	fy_is("r8", 2026);
	fy_is("Reiwa 8", 2026);
	fy_is("平成30年", 2018);
	fy_is("H31", 2019);
	fy_is("昭和64", 1989);
	/* Each formatted year reads back. */
	for (fy = 1990; fy <= 2040; fy++) {
		char ja[64], en[64];

		era_format_fy(fy, ERA_JA, ja, sizeof ja);
		era_format_fy(fy, ERA_EN, en, sizeof en);
		fy_is(ja, fy);
		fy_is(en, fy);
	}
	assert_false(era_parse_fy("", &fy));
	assert_false(era_parse_fy("令和", &fy));
	assert_false(era_parse_fy("平成32", &fy));	/* Heisei ended in its 31st year */
	assert_false(era_parse_fy("R0", &fy));
	assert_false(era_parse_fy("26", &fy));
	assert_false(era_parse_fy("2026年度x", &fy));
	assert_false(era_parse_fy("X8", &fy));
}

/* The day typed to go to it (the kiosk's "jump to date"). */
static void
test_parse_typed(void **state)
{
	struct date d = {0, 0, 0};

	(void)state;
	setenv("KYODO_TODAY", "2026-11-28", 1);
	assert_true(date_parse_typed("2026-12-03", &d));
	assert_date(d, 2026, 12, 3);
	assert_true(date_parse_typed(" 2026/12/3 ", &d));
	assert_date(d, 2026, 12, 3);
	assert_true(date_parse_typed("令和8年12月3日", &d));
	assert_date(d, 2026, 12, 3);
	assert_true(date_parse_typed("令和８年１２月３日", &d));
	assert_date(d, 2026, 12, 3);
	assert_true(date_parse_typed("R8.12.3", &d));
	assert_date(d, 2026, 12, 3);
	assert_true(date_parse_typed("r8/12/3", &d));
	assert_date(d, 2026, 12, 3);
	assert_true(date_parse_typed("Reiwa 8.12.3", &d));
	assert_date(d, 2026, 12, 3);
	assert_true(date_parse_typed("令和元年5月1日", &d));
	assert_date(d, 2019, 5, 1);
	assert_true(date_parse_typed("平成31年4月30日", &d));
	assert_date(d, 2019, 4, 30);
	assert_true(date_parse_typed("H26.4.1", &d));
	assert_date(d, 2014, 4, 1);
	assert_true(date_parse_typed("2026年12月3日", &d));
	assert_date(d, 2026, 12, 3);
	/* A month and day: this year. */
	assert_true(date_parse_typed("12/3", &d));
	assert_date(d, 2026, 12, 3);
	assert_true(date_parse_typed("１２／３", &d));
	assert_date(d, 2026, 12, 3);
	assert_true(date_parse_typed("4月1日", &d));
	assert_date(d, 2026, 4, 1);
	assert_true(date_parse_typed("4月1", &d));
	assert_date(d, 2026, 4, 1);
	setenv("KYODO_TODAY", "2027-01-05", 1);
	assert_true(date_parse_typed("12/3", &d));
	assert_date(d, 2027, 12, 3);
	unsetenv("KYODO_TODAY");

	d = (struct date){1, 1, 1};
	assert_false(date_parse_typed("", &d));
	assert_false(date_parse_typed("tomorrow", &d));
	assert_false(date_parse_typed("12/32", &d));
	assert_false(date_parse_typed("2/30", &d));
	assert_false(date_parse_typed("2026-13-01", &d));
	assert_false(date_parse_typed("26/12/3", &d));	/* which century? */
	assert_false(date_parse_typed("令和元年4月30日", &d));	/* still 平成 */
	assert_false(date_parse_typed("平成40年1月1日", &d));	/* past its years */
	assert_false(date_parse_typed("令和8年12月", &d));	/* no day */
	assert_false(date_parse_typed("令和8年", &d));
	assert_false(date_parse_typed("12月3年", &d));	/* units out of place */
	assert_false(date_parse_typed("3日12月", &d));
	assert_false(date_parse_typed("12/", &d));
	assert_false(date_parse_typed("12/3/", &d));
	assert_false(date_parse_typed("12/3 x", &d));
	assert_false(date_parse_typed("R8.12", &d));
	assert_date(d, 1, 1, 1);	/* untouched */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validity_and_leap_years),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_month),
		cmocka_unit_test(test_time),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_days_round_trip),
		cmocka_unit_test(test_add_days),
		cmocka_unit_test(test_fiscal_year),
		cmocka_unit_test(test_era_dates_ja),
		cmocka_unit_test(test_era_dates_en),
		cmocka_unit_test(test_era_fiscal_years),
		cmocka_unit_test(test_era_parse_fy),
		cmocka_unit_test(test_era_small_buffer),
		cmocka_unit_test(test_today_and_now),
		cmocka_unit_test(test_parse_typed),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
