/* Unit tests for core/enc: writing UTF-8, UTF-8 with a BOM and CP932 through
 * the real iconv, and reading CP932 and UTF-8 back, byte for byte. */
#include "unit.h"

#include "base/enc.h"

/* A string literal and its length in bytes. */
#define S(lit) (lit), (sizeof(lit) - 1)

/* Converts s with a new encoder of e: the bytes in *out, the number of
 * characters that became 〓 returned. */
static size_t
convert(enum encoding e, const char *s, size_t n, struct buf *out)
{
	struct error err;
	struct encoder *c = encoder_new(e, &err);
	size_t lost;

	if (c == NULL)
		fail_msg("encoder_new: %s", err.text);
	buf_reset(out);
	encoder_start(c, out);
	lost = encoder_convert(c, s, n, out);
	encoder_free(c);
	return lost;
}

/* s in CP932 is exactly the n bytes want, with lost characters lost. */
static void
cp932_is(const char *s, const char *want, size_t n, size_t lost)
{
	struct buf b = {0};
	size_t got = convert(ENC_CP932, s, strlen(s), &b);

	if (b.len != n || (n > 0 && memcmp(b.data, want, n) != 0)) {
		char hex[256] = "";
		size_t i;

		for (i = 0; i < b.len && i < 80; i++)
			snprintf(hex + strlen(hex), sizeof hex - strlen(hex), "%02X ",
			    (unsigned char)b.data[i]);
		buf_free(&b);
		fail_msg("\"%s\" in CP932 gave %s", s, hex);
	}
	assert_int_equal(got, lost);
	buf_free(&b);
}

static void
test_encoding_names(void **state)
{
	enum encoding e;

	(void)state;
	assert_true(encoding_parse("utf-8", &e));
	assert_int_equal(e, ENC_UTF8);
	assert_true(encoding_parse("UTF-8", &e));
	assert_int_equal(e, ENC_UTF8);
	assert_true(encoding_parse("utf8", &e));
	assert_int_equal(e, ENC_UTF8);
	assert_true(encoding_parse("utf-8-bom", &e));
	assert_int_equal(e, ENC_UTF8_BOM);
	assert_true(encoding_parse("cp932", &e));
	assert_int_equal(e, ENC_CP932);
	e = ENC_UTF8;
	assert_true(encoding_parse("CP932", &e));
	assert_int_equal(e, ENC_CP932);
	e = ENC_UTF8;
	assert_true(encoding_parse("Windows-31J", &e));
	assert_int_equal(e, ENC_CP932);
	e = ENC_UTF8;
	assert_true(encoding_parse("sjis", &e));
	assert_int_equal(e, ENC_CP932);
	e = ENC_UTF8;
	assert_true(encoding_parse("shift_jis", &e));
	assert_int_equal(e, ENC_CP932);
	assert_false(encoding_parse("latin1", &e));
	assert_false(encoding_parse("utf-16", &e));
	assert_false(encoding_parse("", &e));
	assert_false(encoding_parse("cp9320", &e));
}

static void
test_cp932_characters(void **state)
{
	(void)state;
	cp932_is("髙橋", "\xFB\xFC\x8B\xB4", 4, 0);
	cp932_is("﨑", "\xFA\xB1", 2, 0);
	cp932_is("㈱", "\x87\x8A", 2, 0);
	cp932_is("①", "\x87\x40", 2, 0);
	cp932_is("abc,\"x\"\r\n", "abc,\"x\"\r\n", 9, 0);
	cp932_is("", "", 0, 0);
	cp932_is("ｱ", "\xB1", 1, 0);	/* half-width katakana: one byte */
}

static void
test_cp932_lost_characters(void **state)
{
	(void)state;
	/* 𠮷 (U+20BB7) is not in CP932: it becomes 〓 (81 AC) and is counted. */
	cp932_is("𠮷", "\x81\xAC", 2, 1);
	/* Mixed strings keep the characters that convert, exactly. */
	cp932_is("𠮷野家", "\x81\xAC\x96\xEC\x89\xC6", 6, 1);
	cp932_is("A𠮷B", "A\x81\xAC" "B", 4, 1);
	cp932_is("髙𠮷﨑𠮷", "\xFB\xFC\x81\xAC\xFA\xB1\x81\xAC", 8, 2);
	/* An invalid input byte also becomes 〓 and never passes through. */
	cp932_is("a\xFF" "b", "a\x81\xAC" "b", 4, 1);
	cp932_is("a\xE6\x97", "a\x81\xAC\x81\xAC", 5, 2);
}

static void
test_utf8_and_bom(void **state)
{
	const char *s = "髙橋 𠮷 ①,\"x\"\r\n";
	struct buf b = {0};

	(void)state;
	assert_int_equal(convert(ENC_UTF8, s, strlen(s), &b), 0);
	assert_int_equal(b.len, strlen(s));
	assert_memory_equal(b.data, s, strlen(s));

	assert_int_equal(convert(ENC_UTF8_BOM, s, strlen(s), &b), 0);
	assert_int_equal(b.len, 3 + strlen(s));
	assert_memory_equal(b.data, "\xEF\xBB\xBF", 3);
	assert_memory_equal(b.data + 3, s, strlen(s));

	/* CP932 has no byte-order mark. */
	convert(ENC_CP932, "a", 1, &b);
	assert_int_equal(b.len, 1);
	assert_int_equal(b.data[0], 'a');

	/* A broken byte in UTF-8 output becomes 〓 too. */
	assert_int_equal(convert(ENC_UTF8, "a\xC0\x80z", 4, &b), 2);
	assert_string_equal(buf_str(&b), "a〓〓z");
	buf_free(&b);
}

static void
test_decode_cp932(void **state)
{
	const char *text = "髙橋,﨑,㈱,①,野家\r\n二行目 ｱｲｳ\r\n";
	struct buf enc = {0}, dec = {0};
	struct error err;
	size_t i;

	(void)state;
	assert_true(decode_to_utf8(ENC_CP932, "\xFB\xFC\x8B\xB4\r\n\x87\x40", 8, &dec, &err));
	assert_string_equal(buf_str(&dec), "髙橋\r\n①");

	/* UTF-8 → CP932 → UTF-8 gives the text back. */
	assert_int_equal(convert(ENC_CP932, text, strlen(text), &enc), 0);
	buf_reset(&dec);
	assert_true(decode_to_utf8(ENC_CP932, enc.data, enc.len, &dec, &err));
	assert_string_equal(buf_str(&dec), text);

	/* Longer than iconv's working buffer. */
	buf_reset(&enc);
	for (i = 0; i < 3000; i++)
		buf_adds(&enc, "\xFB\xFC");
	buf_reset(&dec);
	assert_true(decode_to_utf8(ENC_CP932, enc.data, enc.len, &dec, &err));
	assert_int_equal(dec.len, 3000 * 3);
	for (i = 0; i < 3000; i++)
		if (memcmp(dec.data + 3 * i, "髙", 3) != 0)
			fail_msg("character %zu is wrong", i);
	buf_free(&enc);
	buf_free(&dec);
}

static void
test_decode_bom(void **state)
{
	struct buf dec = {0};
	struct error err;

	(void)state;
	assert_true(decode_to_utf8(ENC_UTF8, S("\xEF\xBB\xBF" "日本,a\r\n"), &dec, &err));
	assert_string_equal(buf_str(&dec), "日本,a\r\n");
	buf_reset(&dec);
	assert_true(decode_to_utf8(ENC_UTF8_BOM, "\xEF\xBB\xBF" "abc", 6, &dec, &err));
	assert_string_equal(buf_str(&dec), "abc");
	/* Without a BOM, UTF-8 passes through unchanged. */
	buf_reset(&dec);
	assert_true(decode_to_utf8(ENC_UTF8, S("日本,a\r\n"), &dec, &err));
	assert_string_equal(buf_str(&dec), "日本,a\r\n");
	buf_free(&dec);
}

static void
test_decode_refusals(void **state)
{
	struct buf dec = {0};
	struct error err;

	(void)state;
	/* 81 20 is a lead byte followed by a byte that cannot trail it. */
	error_clear(&err);
	assert_false(decode_to_utf8(ENC_CP932, S("a,b\r\nc,d\r\n\x81\x20,e\r\n"), &dec, &err));
	assert_contains(err.text, "Line 3");
	assert_contains(err.text, "CP932");
	buf_reset(&dec);
	error_clear(&err);
	assert_false(decode_to_utf8(ENC_CP932, "\xFF\r\n", 3, &dec, &err));
	assert_contains(err.text, "Line 1");
	/* A lead byte cut off at the end of the file. */
	buf_reset(&dec);
	error_clear(&err);
	assert_false(decode_to_utf8(ENC_CP932, "ok\r\n\x8B", 5, &dec, &err));
	assert_contains(err.text, "Line 2");
	/* A NUL is not text: said as such, with its line, in either encoding. */
	buf_reset(&dec);
	error_clear(&err);
	assert_false(decode_to_utf8(ENC_CP932, "a\0b", 3, &dec, &err));
	assert_contains(err.text, "Line 1");
	assert_contains(err.text, "NUL byte");
	assert_not_contains(err.text, "CP932");

	buf_reset(&dec);
	error_clear(&err);
	assert_false(decode_to_utf8(ENC_UTF8, "a\nb\n\xFF\n", 6, &dec, &err));
	assert_contains(err.text, "Line 3");
	assert_contains(err.text, "UTF-8");
	buf_reset(&dec);
	error_clear(&err);
	assert_false(decode_to_utf8(ENC_UTF8, "x\r\n\xED\xA0\x80", 6, &dec, &err));
	assert_contains(err.text, "Line 2");
	buf_reset(&dec);
	error_clear(&err);
	assert_false(decode_to_utf8(ENC_UTF8_BOM, "\xEF\xBB\xBF" "\x82\xA0", 5, &dec, &err));
	assert_contains(err.text, "Line 1");
	buf_reset(&dec);
	error_clear(&err);
	assert_false(decode_to_utf8(ENC_UTF8, "a\0b", 3, &dec, &err));
	assert_contains(err.text, "Line 1");
	assert_contains(err.text, "NUL byte");
	assert_not_contains(err.text, "UTF-8 (");
	/* Lines end in CRLF, LF or CR alone, as csvin counts them. */
	buf_reset(&dec);
	error_clear(&err);
	assert_false(decode_to_utf8(ENC_UTF8, S("date\r\n2026\n\rx,\0"), &dec, &err));
	assert_contains(err.text, "Line 4");
	assert_contains(err.text, "NUL byte");
	buf_reset(&dec);
	error_clear(&err);
	assert_false(decode_to_utf8(ENC_CP932, S("a\r\nb\r\n\x82\xA0\0"), &dec, &err));
	assert_contains(err.text, "Line 3");
	/* UTF-16 (Excel's "Unicode text"), BOM and all. */
	buf_reset(&dec);
	error_clear(&err);
	assert_false(decode_to_utf8(ENC_UTF8, S("\xFF\xFE" "d\0a\0"), &dec, &err));
	assert_contains(err.text, "UTF-16");
	assert_int_equal(dec.len, 0);
	buf_free(&dec);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encoding_names),
		cmocka_unit_test(test_cp932_characters),
		cmocka_unit_test(test_cp932_lost_characters),
		cmocka_unit_test(test_utf8_and_bom),
		cmocka_unit_test(test_decode_cp932),
		cmocka_unit_test(test_decode_bom),
		cmocka_unit_test(test_decode_refusals),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
