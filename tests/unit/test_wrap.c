/* Unit tests for wrap: Latin words at spaces, Japanese anywhere but
 * under the kinsoku rule, typed line breaks kept, widths by display
 * columns, never a character cut. */
#include "unit.h"

#include "base/buf.h"
#include "base/text.h"
#include "base/wrap.h"

struct lines {
	char *line[32];
	int n;
};

static void
keep(void *ctx, const char *line, size_t len)
{
	struct lines *l = ctx;

	assert_true(l->n < 32);
	l->line[l->n] = strndup(line, len);
	l->n++;
}

static void
wrap(struct lines *l, const char *text, int width)
{
	int i;

	memset(l, 0, sizeof *l);
	wrap_lines(text, width, keep, l);
	for (i = 0; i < l->n; i++) {
		assert_true(text_is_utf8(l->line[i], strlen(l->line[i])));
		assert_true(text_width(l->line[i]) <= (width < 10 ? 10 : width));
	}
}

static void
lines_free(struct lines *l)
{
	int i;

	for (i = 0; i < l->n; i++)
		free(l->line[i]);
}

static void
test_latin_words(void **state)
{
	struct lines l;

	(void)state;
	wrap(&l, "the quick brown fox jumps", 10);
	assert_int_equal(l.n, 3);
	assert_str(l.line[0], "the quick");
	assert_str(l.line[1], "brown fox");
	assert_str(l.line[2], "jumps");
	lines_free(&l);
}

static void
test_japanese_by_width(void **state)
{
	struct lines l;

	(void)state;
	/* 12 characters, 24 columns, in 10-column lines: 5 a line. */
	wrap(&l, "あいうえおかきくけこさし", 10);
	assert_int_equal(l.n, 3);
	assert_str(l.line[0], "あいうえお");
	assert_str(l.line[1], "かきくけこ");
	assert_str(l.line[2], "さし");
	lines_free(&l);
}

static void
test_kinsoku(void **state)
{
	struct lines l;

	(void)state;
	/* 。 may not start a line: こ goes down with it. */
	wrap(&l, "あいうえおかきくけこ。さしすせそ", 20);
	assert_int_equal(l.n, 2);
	assert_str(l.line[0], "あいうえおかきくけ");
	assert_str(l.line[1], "こ。さしすせそ");
	lines_free(&l);
	/* 「 may not end a line. */
	wrap(&l, "あいうえおかきくけ「こ」", 20);
	assert_int_equal(l.n, 2);
	assert_str(l.line[0], "あいうえおかきくけ");
	assert_str(l.line[1], "「こ」");
	lines_free(&l);
	/* Two closing marks in a row: two characters go down. */
	wrap(&l, "あいうえおかきくけこ」。", 20);
	assert_int_equal(l.n, 2);
	assert_str(l.line[0], "あいうえおかきくけ");
	assert_str(l.line[1], "こ」。");
	lines_free(&l);
}

static void
test_breaks_and_edges(void **state)
{
	struct lines l;

	(void)state;
	/* Typed breaks stay, an empty line too. */
	wrap(&l, "一行目\n\n三行目", 40);
	assert_int_equal(l.n, 3);
	assert_str(l.line[0], "一行目");
	assert_str(l.line[1], "");
	assert_str(l.line[2], "三行目");
	lines_free(&l);
	/* Empty text: one empty line. */
	wrap(&l, "", 40);
	assert_int_equal(l.n, 1);
	assert_str(l.line[0], "");
	lines_free(&l);
	/* A width under 10 counts as 10. */
	wrap(&l, "abcdefghijklmnop", 3);
	assert_int_equal(l.n, 2);
	assert_str(l.line[0], "abcdefghij");
	lines_free(&l);
	/* A control character is shown, not sent to the terminal. */
	wrap(&l, "a\tb", 40);
	assert_int_equal(l.n, 1);
	assert_null(strchr(l.line[0], '\t'));
	lines_free(&l);
	/* A long run without spaces in Latin is cut by width. */
	wrap(&l, "https://www.city.ichinoseki.iwate.jp/kyodo/", 20);
	assert_int_equal(l.n, 3);
	assert_str(l.line[0], "https://www.city.ich");
	lines_free(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_latin_words),
		cmocka_unit_test(test_japanese_by_width),
		cmocka_unit_test(test_kinsoku),
		cmocka_unit_test(test_breaks_and_edges),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
