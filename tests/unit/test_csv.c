/* Unit tests for core/csv: RFC 4180 quoting and row ends, byte for byte. */
#include "unit.h"

#include "core/csv.h"

/* One field written first in a row. */
static void
field_is(const char *value, const char *want)
{
	struct buf b = {0};

	csv_field(&b, value, true);
	assert_string_equal(buf_str(&b), want);
	buf_free(&b);
}

static void
test_plain_fields(void **state)
{
	(void)state;
	field_is("abc", "abc");
	field_is("真柴市民センター", "真柴市民センター");
	field_is("a b", "a b");		/* inner spaces need no quotes */
	field_is("2026-04-01", "2026-04-01");
	field_is("'quote'", "'quote'");	/* only double quotes matter */
}

static void
test_quoting(void **state)
{
	(void)state;
	field_is("a,b", "\"a,b\"");
	field_is("say \"hi\"", "\"say \"\"hi\"\"\"");
	field_is("\"", "\"\"\"\"");
	field_is("line1\nline2", "\"line1\nline2\"");
	field_is("line1\r\nline2", "\"line1\r\nline2\"");
	field_is("cr\ronly", "\"cr\ronly\"");
	field_is(" lead", "\" lead\"");
	field_is("trail ", "\"trail \"");
	field_is(" ", "\" \"");
	field_is("会議,準備会", "\"会議,準備会\"");
}

static void
test_empty_and_null(void **state)
{
	struct buf b = {0};

	(void)state;
	/* An empty value and a missing one are both an empty field (the header
	 * quotes only commas, quotes, line breaks and edge spaces); either way
	 * the row keeps its columns. */
	field_is("", "");
	field_is(NULL, "");
	csv_field(&b, "a", true);
	csv_field(&b, NULL, false);
	csv_field(&b, "", false);
	csv_field(&b, "b", false);
	csv_field(&b, NULL, false);
	csv_end_row(&b);
	assert_string_equal(buf_str(&b), "a,,,b,\r\n");
	buf_free(&b);
}

static void
test_rows(void **state)
{
	struct buf b = {0};

	(void)state;
	csv_field(&b, "id", true);
	csv_field(&b, "title", false);
	csv_field(&b, "room", false);
	csv_end_row(&b);
	csv_field(&b, "0b1c", true);
	csv_field(&b, "第1回 円卓会議, 臨時", false);
	csv_field(&b, " 大会議室", false);
	csv_end_row(&b);
	csv_field(&b, NULL, true);
	csv_end_row(&b);
	assert_string_equal(buf_str(&b),
	    "id,title,room\r\n"
	    "0b1c,\"第1回 円卓会議, 臨時\",\" 大会議室\"\r\n"
	    "\r\n");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_fields),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_empty_and_null),
		cmocka_unit_test(test_rows),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
