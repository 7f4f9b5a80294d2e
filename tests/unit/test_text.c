/* Unit tests for core/text: UTF-8, display widths, fitting and padding, and
 * making text safe for a terminal. */
#include "unit.h"

#include "base/text.h"

/* Decodes the whole of s (given length) as one character. */
static size_t
decode(const char *s, size_t n, uint32_t *cp)
{
	*cp = 0xDEADBEEF;
	return utf8_decode(s, n, cp);
}

static void
test_decode_valid(void **state)
{
	uint32_t cp;

	(void)state;
	assert_int_equal(decode("a", 1, &cp), 1);
	assert_int_equal(cp, 'a');
	assert_int_equal(decode("\xC3\xA9", 2, &cp), 2);	/* é */
	assert_int_equal(cp, 0xE9);
	assert_int_equal(decode("日", 3, &cp), 3);
	assert_int_equal(cp, 0x65E5);
	assert_int_equal(decode("𠮷", 4, &cp), 4);
	assert_int_equal(cp, 0x20BB7);
	/* The edges of each length. */
	assert_int_equal(decode("\xC2\x80", 2, &cp), 2);
	assert_int_equal(cp, 0x80);
	assert_int_equal(decode("\xDF\xBF", 2, &cp), 2);
	assert_int_equal(cp, 0x7FF);
	assert_int_equal(decode("\xE0\xA0\x80", 3, &cp), 3);
	assert_int_equal(cp, 0x800);
	assert_int_equal(decode("\xED\x9F\xBF", 3, &cp), 3);	/* U+D7FF */
	assert_int_equal(cp, 0xD7FF);
	assert_int_equal(decode("\xEE\x80\x80", 3, &cp), 3);	/* U+E000 */
	assert_int_equal(cp, 0xE000);
	assert_int_equal(decode("\xEF\xBF\xBF", 3, &cp), 3);
	assert_int_equal(cp, 0xFFFF);
	assert_int_equal(decode("\xF0\x90\x80\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x10000);
	assert_int_equal(decode("\xF4\x8F\xBF\xBF", 4, &cp), 4);
	assert_int_equal(cp, 0x10FFFF);
	/* Only the first character is read. */
	assert_int_equal(decode("日本", 6, &cp), 3);
	assert_int_equal(cp, 0x65E5);
}

static void
test_decode_invalid(void **state)
{
	static const struct {
		const char *bytes;
		size_t n;
		const char *what;
	} bad[] = {
		{"\xC0\x80", 2, "overlong NUL"},
		{"\xC1\xBF", 2, "overlong 2-byte"},
		{"\xE0\x80\x80", 3, "overlong 3-byte NUL"},
		{"\xE0\x9F\xBF", 3, "overlong 3-byte U+07FF"},
		{"\xF0\x80\x80\x80", 4, "overlong 4-byte NUL"},
		{"\xF0\x8F\xBF\xBF", 4, "overlong 4-byte U+FFFF"},
		{"\xED\xA0\x80", 3, "surrogate U+D800"},
		{"\xED\xBF\xBF", 3, "surrogate U+DFFF"},
		{"\xED\xB0\x80", 3, "surrogate U+DC00"},
		{"\xF4\x90\x80\x80", 4, "past U+10FFFF"},
		{"\xF5\x80\x80\x80", 4, "lead F5"},
		{"\xFF", 1, "byte FF"},
		{"\xFE", 1, "byte FE"},
		{"\x80", 1, "lone continuation"},
		{"\xBF", 1, "lone continuation BF"},
		{"\xE6\x97", 2, "truncated 3-byte"},
		{"\xE6", 1, "truncated lead"},
		{"\xF0\xA0\xAE", 3, "truncated 4-byte"},
		{"\xC3", 1, "truncated 2-byte"},
		{"\xE6\x97" "A", 3, "3-byte with ASCII inside"},
		{"\xC3" "A", 2, "2-byte with ASCII inside"},
		{"\xE6\xE6\x97", 3, "two leads"},
	};
	uint32_t cp;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (decode(bad[i].bytes, bad[i].n, &cp) != 0)
			fail_msg("%s accepted", bad[i].what);
	/* n limits the read even when more bytes follow. */
	assert_int_equal(decode("日", 2, &cp), 0);
	assert_int_equal(decode("a", 0, &cp), 0);
	assert_false(text_is_utf8("ab\xC0\x80", 4));
	assert_false(text_is_utf8("ab\xED\xA0\x80", 5));
	assert_false(text_is_utf8("日本\xE8", 7));
	assert_false(text_is_utf8("a\0b", 3));
	assert_true(text_is_utf8("日本語 abc 𠮷", strlen("日本語 abc 𠮷")));
	assert_true(text_is_utf8("", 0));
}

static void
test_encode_round_trip(void **state)
{
	static const uint32_t cps[] = {
		0x01, 'A', 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x3000, 0x65E5, 0xD7FF, 0xE000,
		0xFFFD, 0xFFFF, 0x10000, 0x20BB7, 0x10FFFF,
	};
	struct buf b = {0};
	uint32_t cp;
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		buf_reset(&b);
		utf8_encode(&b, cps[i]);
		k = decode(b.data, b.len, &cp);
		assert_int_equal(k, b.len);
		assert_int_equal(cp, cps[i]);
	}
	buf_reset(&b);
	utf8_encode(&b, 0x20BB7);
	assert_memory_equal(b.data, "\xF0\xA0\xAE\xB7", 4);
	buf_free(&b);
}

static void
test_chars_trim_fold(void **state)
{
	char *t;

	(void)state;
	assert_int_equal(text_chars(""), 0);
	assert_int_equal(text_chars("abc"), 3);
	assert_int_equal(text_chars("日本語abc"), 6);
	assert_int_equal(text_chars("𠮷野家"), 3);

	t = text_trim("  \t会議 室\u3000 \n");
	assert_string_equal(t, "会議 室");
	free(t);
	t = text_trim("\u3000\u3000");
	assert_string_equal(t, "");
	free(t);
	t = text_trim("abc");
	assert_string_equal(t, "abc");
	free(t);

	t = text_fold_ascii("２０２６－０４－０１");
	assert_string_equal(t, "2026-04-01");
	free(t);
	t = text_fold_ascii("１０：３０");
	assert_string_equal(t, "10:30");
	free(t);
	t = text_fold_ascii("ＡＢＣ／１２３");
	assert_string_equal(t, "ABC/123");
	free(t);
	t = text_fold_ascii("−‐ー");	/* minus, hyphen, long vowel mark */
	assert_string_equal(t, "---");
	free(t);
	/* Other characters stay as they are. */
	t = text_fold_ascii("日本語 abc");
	assert_string_equal(t, "日本語 abc");
	free(t);
}

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width("日本語"), 6);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("a日b"), 4);
	assert_int_equal(text_width("ｱｲｳ"), 3);	/* half-width katakana */
	assert_int_equal(text_width("𠮷"), 2);
	/* Controls count one column each, as text_visible shows them. */
	assert_int_equal(text_width("\x1b"), 1);
	assert_int_equal(text_width("a\x1b[0mb"), 6);
	assert_int_equal(text_width("\t\n\r"), 3);
	assert_int_equal(text_width("\x7f"), 1);
	assert_int_equal(text_width("\xC2\x85"), 1);	/* C1 NEL */
	/* An invalid byte is shown as one U+FFFD. */
	assert_int_equal(text_width("a\xFF" "b"), 3);
	assert_int_equal(text_char_width(0x1B), 1);
	assert_int_equal(text_char_width(0x65E5), 2);
	assert_int_equal(text_char_width('a'), 1);
}

/* The prefix text_fit gives ends on a character boundary, fits, and its
 * width is what it says. */
static void
check_fit(const char *s, int width)
{
	size_t cut, n = strlen(s);
	int used = -1;
	char *prefix;

	cut = text_fit(s, width, &used);
	assert_true(cut <= n);
	if (cut < n && ((unsigned char)s[cut] & 0xC0) == 0x80)
		fail_msg("text_fit(\"%s\", %d) cut inside a character at byte %zu", s, width, cut);
	prefix = strndup(s, cut);
	assert_non_null(prefix);
	assert_true(text_is_utf8(prefix, cut));
	assert_int_equal(text_width(prefix), used);
	assert_true(used <= (width > 0 ? width : 0));
	/* It is the longest such prefix: the next character would not fit. */
	if (cut < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + cut, n - cut, &cp);

		if (k > 0)
			assert_true(used + text_char_width(cp) > width);
	}
	free(prefix);
}

static void
test_fit(void **state)
{
	static const char *const samples[] = {
		"日本語", "abc", "a日b本c語", "𠮷野家の牛丼", "ｱｲｳ日本", "a\x1b" "日", "",
	};
	size_t i;
	int w, used;

	(void)state;
	assert_int_equal(text_fit("日本語", 5, &used), 6);
	assert_int_equal(used, 4);
	assert_int_equal(text_fit("日本語", 6, &used), 9);
	assert_int_equal(used, 6);
	assert_int_equal(text_fit("日本語", 1, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(text_fit("a日b", 2, &used), 1);
	assert_int_equal(used, 1);
	assert_int_equal(text_fit("abc", 10, NULL), 3);
	for (i = 0; i < sizeof samples / sizeof samples[0]; i++)
		for (w = 0; w <= 14; w++)
			check_fit(samples[i], w);
}

/* text_pad gives exactly width columns of valid UTF-8. */
static void
check_pad(const char *s, int width, bool right)
{
	struct buf b = {0};

	text_pad(&b, s, width, right);
	if (text_width(buf_str(&b)) != width)
		fail_msg("text_pad(\"%s\", %d) gave \"%s\", %d columns", s, width, buf_str(&b),
		    text_width(buf_str(&b)));
	assert_true(text_is_utf8(buf_str(&b), b.len));
	buf_free(&b);
}

static void
pad_is(const char *s, int width, bool right, const char *want)
{
	struct buf b = {0};

	text_pad(&b, s, width, right);
	assert_string_equal(buf_str(&b), want);
	buf_free(&b);
}

static void
test_pad(void **state)
{
	static const char *const samples[] = {
		"日本語テキスト", "abc", "a日b本c", "", "\x1b[31m赤", "𠮷野家", "ｱｲｳ",
		"bad\xFF" "byte",
	};
	struct buf b = {0};
	size_t i;
	int w;

	(void)state;
	pad_is("ab", 4, false, "ab  ");
	pad_is("ab", 4, true, "  ab");
	pad_is("日本", 4, false, "日本");
	pad_is("日本", 5, true, " 日本");
	pad_is("日本語", 5, false, "日本…");
	pad_is("日本語", 4, false, "日… ");	/* 本 would not fit beside the … */
	pad_is("日本", 1, false, "…");
	pad_is("abcdef", 4, false, "abc…");
	pad_is("a\x1b" "b", 3, false, "a␛b");
	text_set_ascii(true);
	assert_true(text_ascii());
	pad_is("日本語", 5, false, "日本~");
	text_set_ascii(false);
	assert_false(text_ascii());

	/* Width 0 adds nothing. */
	text_pad(&b, "abc", 0, false);
	assert_int_equal(b.len, 0);
	buf_free(&b);

	for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		for (w = 1; w <= 16; w++) {
			check_pad(samples[i], w, false);
			check_pad(samples[i], w, true);
		}
	}
}

static void
test_visible(void **state)
{
	char all[64], *v;
	size_t i, n = 0;

	(void)state;
	v = text_visible("a\x1b[0m");
	assert_string_equal(v, "a\xE2\x90\x9B[0m");	/* ␛ U+241B */
	free(v);
	v = text_visible("x\ny");
	assert_string_equal(v, "x␊y");
	free(v);
	v = text_visible("\x7f");
	assert_string_equal(v, "␡");
	free(v);
	v = text_visible("\xFF");
	assert_string_equal(v, "\xEF\xBF\xBD");
	free(v);
	v = text_visible("\xC2\x9B" "31m");	/* C1 CSI */
	assert_string_equal(v, "\xEF\xBF\xBD" "31m");
	free(v);
	v = text_visible("日本語 abc");
	assert_string_equal(v, "日本語 abc");
	free(v);

	/* Every C0 control and DEL: nothing below 0x20 and no DEL comes out,
	 * and each becomes one visible character. */
	for (i = 1; i < 0x20; i++)
		all[n++] = (char)i;
	all[n++] = 0x7F;
	all[n] = '\0';
	v = text_visible(all);
	for (i = 0; v[i] != '\0'; i++)
		if ((unsigned char)v[i] < 0x20 || (unsigned char)v[i] == 0x7F)
			fail_msg("raw byte 0x%02x at %zu", (unsigned char)v[i], i);
	assert_true(text_is_utf8(v, strlen(v)));
	assert_int_equal(text_chars(v), 32);
	assert_int_equal(text_width(v), 32);
	free(v);
}

/* No output of text_visible holds a byte or character a terminal would act
 * on: every C0 control, DEL, every C1 control, the bidi controls and
 * invalid UTF-8 come out as visible, one-column characters. */
static void
assert_inert(const char *v)
{
	size_t i = 0, k, n = strlen(v);
	uint32_t cp;

	if (!text_is_utf8(v, n))
		fail_msg("not valid UTF-8: %s", v);
	while (i < n) {
		k = utf8_decode(v + i, n - i, &cp);
		if (text_is_control(cp))
			fail_msg("U+%04X at byte %zu", (unsigned)cp, i);
		i += k;
	}
}

static void
test_visible_controls(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"\x1b]0;title\x07", "␛]0;title␇"},		/* OSC: set the title */
		{"a\rb", "a␍b"},				/* CR: overwrite the line */
		{"ab\b\bxy", "ab␈␈xy"},				/* backspace */
		{"\x07", "␇"},					/* BEL */
		{"\x0e\x0f", "␎␏"},				/* shift out, shift in */
		{"\x7f", "␡"},
		{"\xC2\x85", "\xEF\xBF\xBD"},			/* NEL */
		{"\xC2\x9B" "2J", "\xEF\xBF\xBD" "2J"},		/* CSI */
		{"\xC2\x9D" "0;x\xC2\x9C", "\xEF\xBF\xBD" "0;x\xEF\xBF\xBD"},	/* OSC, ST */
		{"\xE2\x80\xAE" "txt.exe", "\xEF\xBF\xBD" "txt.exe"},	/* RLO */
		{"\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD",
		    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},	/* LRE RLE PDF LRO */
		{"\xE2\x81\xA6\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9",
		    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},	/* LRI RLI FSI PDI */
		{"\xE2\x80\x8E\xE2\x80\x8F\xD8\x9C", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
		{"a\xE2\x80\xA8" "b", "a\xEF\xBF\xBD" "b"},	/* line separator */
		{"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},	/* overlong '/' */
		{"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},	/* surrogate */
		{"\xE6\x97", "\xEF\xBF\xBD\xEF\xBF\xBD"},	/* 日 cut short */
		{"\xF5\x80\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
		/* What is not a control stays: kana, kanji, 𠮷, a zero-width joiner. */
		{"真柴 ｶﾅ 𠮷", "真柴 ｶﾅ 𠮷"},
		{"\xE2\x80\x8D", "\xE2\x80\x8D"},
		{"\xC2\xA0\xC2\xA9", "\xC2\xA0\xC2\xA9"},	/* U+00A0, U+00A9: past C1 */
	};
	char one[8];
	uint32_t cp;
	size_t i;
	char *v;
	struct buf b = {0};

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		v = text_visible(cases[i].in);
		if (strcmp(v, cases[i].out) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, v, cases[i].out);
		assert_inert(v);
		free(v);
	}
	/* Every C1 control, each one replacement character of one column. */
	for (cp = 0x80; cp < 0xA0; cp++) {
		buf_reset(&b);
		utf8_encode(&b, cp);
		v = text_visible(buf_str(&b));
		assert_string_equal(v, "\xEF\xBF\xBD");
		assert_int_equal(text_width(buf_str(&b)), 1);
		free(v);
		assert_true(text_is_control(cp));
	}
	/* Every byte alone: whatever it is, what comes out is inert. */
	for (i = 1; i < 256; i++) {
		one[0] = (char)i;
		one[1] = '\0';
		v = text_visible(one);
		assert_inert(v);
		assert_int_equal(text_chars(v), 1);
		free(v);
	}
	assert_false(text_is_control(' '));
	assert_false(text_is_control(0xA0));
	assert_false(text_is_control(0x3000));
	assert_false(text_is_control(0x200D));
	/* Widths agree with what is shown. */
	assert_int_equal(text_width("\xE2\x80\xAE" "ab"), 3);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_valid),
		cmocka_unit_test(test_decode_invalid),
		cmocka_unit_test(test_encode_round_trip),
		cmocka_unit_test(test_chars_trim_fold),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_pad),
		cmocka_unit_test(test_visible),
		cmocka_unit_test(test_visible_controls),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
