/* Unit tests for paginate: blocks never split, a table's header row above
 * its first row on every page it reaches, headings kept with what follows,
 * a block taller than a page on a page of its own. */
#include "unit.h"

#include "paper/paginate.h"

static struct pg_item
row(double h, int table, double head)
{
	struct pg_item it = { .h = h, .table = table, .head_h = head };

	return it;
}

static struct pg_item
block(double h, bool heading)
{
	struct pg_item it = { .h = h, .table = -1, .keep_next = heading };

	return it;
}

static void
test_one_page(void **state)
{
	struct pg_item it[3] = { block(10, false), block(10, false), block(10, false) };

	(void)state;
	assert_int_equal(paginate(it, 3, 100), 1);
	assert_int_equal(it[2].page, 0);
	/* Nothing at all is still one (empty) page. */
	assert_int_equal(paginate(it, 0, 100), 1);
}

static void
test_rows_whole_header_repeated(void **state)
{
	struct pg_item it[10];
	int i, pages;

	(void)state;
	/* Header 10, rows 20: a 100-point page holds the header and 4 rows. */
	for (i = 0; i < 10; i++)
		it[i] = row(20, 0, 10);
	pages = paginate(it, 10, 100);
	assert_int_equal(pages, 3);
	for (i = 0; i < 10; i++)
		assert_int_equal(it[i].page, i / 4);
	for (i = 0; i < 10; i++)
		assert_int_equal(it[i].head_before, i % 4 == 0);
}

static void
test_row_moves_with_its_header(void **state)
{
	/* A 75-point block leaves 25: a new table's header (10) and its first
	 * row (20) do not fit, so both go to the next page together. */
	struct pg_item it[3] = { block(75, false), row(20, 0, 10), row(20, 0, 10) };

	(void)state;
	assert_int_equal(paginate(it, 3, 100), 2);
	assert_int_equal(it[1].page, 1);
	assert_true(it[1].head_before);
	assert_false(it[2].head_before);
}

static void
test_heading_keeps_with_next(void **state)
{
	/* 80 used; a heading (10) fits but the row after it (20 + header 10)
	 * does not: the heading moves too. */
	struct pg_item it[3] = { block(80, false), block(10, true), row(20, 0, 10) };

	(void)state;
	assert_int_equal(paginate(it, 3, 100), 2);
	assert_int_equal(it[1].page, 1);
	assert_int_equal(it[2].page, 1);
}

static void
test_taller_than_a_page(void **state)
{
	struct pg_item it[3] = { block(10, false), block(250, false), block(10, false) };

	(void)state;
	assert_int_equal(paginate(it, 3, 100), 3);
	assert_int_equal(it[0].page, 0);
	assert_int_equal(it[1].page, 1);
	assert_int_equal(it[2].page, 2);
}

static void
test_two_tables(void **state)
{
	struct pg_item it[4] = { row(20, 0, 10), row(20, 0, 10), row(20, 1, 15), row(20, 1, 15) };

	(void)state;
	assert_int_equal(paginate(it, 4, 200), 1);
	assert_true(it[0].head_before);
	assert_false(it[1].head_before);
	assert_true(it[2].head_before);
	assert_false(it[3].head_before);
}

static void
test_many_tables(void **state)
{
	/* Two rows each of 200 tables: each header once, above its first row. */
	struct pg_item it[400];
	int i;

	(void)state;
	for (i = 0; i < 400; i++)
		it[i] = row(10, i / 2, 5);
	paginate(it, 400, 100);
	for (i = 0; i < 400; i++)
		assert_int_equal(it[i].head_before, i % 2 == 0 || it[i].page != it[i - 1].page);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_page),
		cmocka_unit_test(test_rows_whole_header_repeated),
		cmocka_unit_test(test_row_moves_with_its_header),
		cmocka_unit_test(test_heading_keeps_with_next),
		cmocka_unit_test(test_taller_than_a_page),
		cmocka_unit_test(test_two_tables),
		cmocka_unit_test(test_many_tables),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
