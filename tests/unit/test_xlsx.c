/* Unit tests for the workbook helper (src/sheet/xlsx): widths by display
 * columns (wide characters 2, a note by its widest line), numbers by
 * their formatted width, upright or landscape by the columns' widths, and
 * the file: put in place whole, never over a file, nothing left behind. */
#include "unit.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sheet/xlsx.h"

static void
test_text_width(void **state)
{
	(void)state;
	assert_int_equal(xlsx_text_width("Room"), 4);
	assert_int_equal(xlsx_text_width("部屋"), 4);
	/* 𠮷 (outside the BMP) and 髙 are wide like any kanji. */
	assert_int_equal(xlsx_text_width("𠮷田 髙橋"), 9);
	assert_int_equal(xlsx_text_width("short\nその次の行は長い\nx"), 16);
	assert_int_equal(xlsx_text_width(""), 0);
}

static void
test_num_width(void **state)
{
	(void)state;
	assert_int_equal(xlsx_num_width(0, XLSX_COUNT), 1);
	assert_int_equal(xlsx_num_width(1234, XLSX_COUNT), 5);
	assert_int_equal(xlsx_num_width(1234567, XLSX_YEN), 10);	/* ¥1,234,567 */
	assert_int_equal(xlsx_num_width(-4900000, XLSX_YEN), 11);	/* -¥4,900,000 */
	assert_int_equal(xlsx_num_width(100, XLSX_YEN), 4);
	assert_int_equal(xlsx_num_width(0.565, XLSX_PCT), 5);		/* 56.5% */
	assert_int_equal(xlsx_num_width(1, XLSX_PCT), 6);		/* 100.0% */
	assert_int_equal(xlsx_num_width(45000, XLSX_DATE), 10);
	assert_int_equal(xlsx_num_width(0.5, XLSX_TIME), 5);
	assert_int_equal(xlsx_num_width(2026, XLSX_YEAR), 4);
}

static void
test_col_width(void **state)
{
	double narrow[3] = {10, 12, 20}, wide[12];
	int i;

	(void)state;
	assert_true(xlsx_col_width(10) == 12);
	assert_true(xlsx_col_width(0) == 4);
	assert_true(xlsx_col_width(500) == 60);
	assert_true(xlsx_fits_portrait(narrow, 3));
	for (i = 0; i < 12; i++)
		wide[i] = 12;
	assert_false(xlsx_fits_portrait(wide, 12));
	/* Empty columns take no room. */
	wide[0] = 60;
	for (i = 1; i < 12; i++)
		wide[i] = 0;
	assert_true(xlsx_fits_portrait(wide, 12));
}

/* Names in dir that look like kyodo's temporary files or folders. */
static int
leftovers(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += strstr(e->d_name, ".part") != NULL || strstr(e->d_name, "kyodo-xlsx") != NULL;
	closedir(d);
	return n;
}

static void
test_book(void **state)
{
	char dir[] = "/tmp/kyodo-xlsx-test.XXXXXX", path[256], head[3] = "";
	struct xlsx_sheet *sh;
	struct xlsx *x;
	struct error err;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	setenv("TMPDIR", dir, 1);
	snprintf(path, sizeof path, "%s/book.out.xlsx", dir);
	x = xlsx_open(path, "真柴市民センター", &err);
	assert_non_null(x);
	sh = xlsx_sheet_add(x, "令和8年10月", "title, not counted in the widths");
	xlsx_text(sh, 2, 0, "部屋", XLSX_HEAD);
	xlsx_text(sh, 3, 0, "髙𠮷ホール", XLSX_TEXT);
	xlsx_num(sh, 3, 1, 1234567, XLSX_YEN);
	xlsx_date(sh, 3, 2, "2026-10-06");
	xlsx_text(sh, 3, 4, "=HYPERLINK(\"x\")", XLSX_TEXT);
	xlsx_sum(sh, 4, 1, 3, 1, 3, 1, 1234567, XLSX_YEN);
	assert_true(xlsx_column_width(sh, 0) == 12);	/* 髙𠮷ホール: 10 + 2 */
	assert_true(xlsx_column_width(sh, 1) == 12);	/* ¥1,234,567 */
	assert_true(xlsx_column_width(sh, 2) == 12);	/* 2026-10-06 */
	assert_true(xlsx_column_width(sh, 3) == 0);
	assert_true(xlsx_close(x, &err));
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fread(head, 1, 2, f), 2);
	fclose(f);
	assert_memory_equal(head, "PK", 2);
	assert_int_equal(leftovers(dir), 0);

	/* A file there is refused at the start and left alone. */
	assert_null(xlsx_open(path, "x", &err));
	assert_non_null(strstr(err.text, "already exists"));
	/* Dropped: nothing written, nothing left. */
	snprintf(path, sizeof path, "%s/dropped.xlsx", dir);
	x = xlsx_open(path, "x", &err);
	assert_non_null(x);
	xlsx_sheet_add(x, "a", "a");
	xlsx_abort(x);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(leftovers(dir), 0);

	unlink(path);
	snprintf(path, sizeof path, "%s/book.out.xlsx", dir);
	unlink(path);
	rmdir(dir);
	unsetenv("TMPDIR");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_width),
		cmocka_unit_test(test_num_width),
		cmocka_unit_test(test_col_width),
		cmocka_unit_test(test_book),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
