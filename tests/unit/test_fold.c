/* Unit tests for base/fold: text folded for matching, on both sides. */
#include "unit.h"

#include <stdlib.h>

#include "base/fold.h"

static void
assert_folds(const char *in, const char *want)
{
	char *got = fold_text(in);

	assert_string_equal(got, want);
	free(got);
}

static void
test_kana(void **state)
{
	(void)state;
	assert_folds("カイギ", "かいぎ");
	assert_folds("かいぎ", "かいぎ");
	assert_folds("ァヴヵヶヽヾ", "ぁゔゕゖゝゞ");
	/* ー stays: it is written in hiragana words too. */
	assert_folds("コーヒー", "こーひー");
	/* Half-width katakana, the voiced marks joined to their kana. */
	assert_folds("ｶｲｷﾞ", "かいぎ");
	assert_folds("ﾊﾟﾊﾞﾊ", "ぱばは");
	assert_folds("ｳﾞｧ", "ゔぁ");
	assert_folds("ｺｰﾋｰ", "こーひー");
	assert_folds("ｱﾞ", "あ゛");	/* no voiced ア: the mark stays a mark */
	assert_folds("ｰ｡｢｣､･", "ー。「」、・");
	/* Kanji and other text are left as they are. */
	assert_folds("円卓会議", "円卓会議");
}

static void
test_width_and_case(void **state)
{
	(void)state;
	assert_folds("ＡＢＣ１２３", "abc123");
	assert_folds("NPO法人", "npo法人");
	assert_folds("Ｒｏｏｍ　Ａ", "room a");
	assert_folds("CAFÉ Ærø", "café ærø");
	assert_folds("×", "×");
	assert_folds("", "");
	/* An invalid byte is kept, not dropped. */
	assert_folds("a\xFFZ", "a\xFFz");
}

static void
test_words(void **state)
{
	(void)state;
	assert_true(fold_words_in("かいぎ", "第3回 カイギ"));
	assert_true(fold_words_in("ｶｲｷﾞ", "かいぎ室"));
	assert_true(fold_words_in("カイギ", "ｶｲｷﾞ"));
	assert_true(fold_words_in("npo", "ＮＰＯ法人ひまわり"));
	assert_true(fold_words_in("ひまわり npo", "ＮＰＯ法人ヒマワリ"));
	assert_true(fold_words_in("ひまわり　npo", "ＮＰＯ法人ヒマワリ"));
	assert_false(fold_words_in("ひまわり 会議", "ＮＰＯ法人ヒマワリ"));
	assert_false(fold_words_in("", "anything"));
	assert_false(fold_words_in("   ", "anything"));
	assert_false(fold_words_in("かいぎ", ""));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kana),
		cmocka_unit_test(test_width_and_case),
		cmocka_unit_test(test_words),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
