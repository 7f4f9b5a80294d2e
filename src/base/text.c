/* text — see text.h. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700	/* wcwidth */
#endif
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ambiguous.h"

static bool ascii_mode;

size_t
utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c, min;
	size_t len, i;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2; c = s[0] & 0x1F; min = 0x80;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3; c = s[0] & 0x0F; min = 0x800;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4; c = s[0] & 0x07; min = 0x10000;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

void
utf8_encode(struct buf *b, uint32_t cp)
{
	char t[4];

	if (cp < 0x80) {
		t[0] = (char)cp;
		buf_add(b, t, 1);
	} else if (cp < 0x800) {
		t[0] = (char)(0xC0 | (cp >> 6));
		t[1] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, t, 2);
	} else if (cp < 0x10000) {
		t[0] = (char)(0xE0 | (cp >> 12));
		t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[2] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, t, 3);
	} else {
		t[0] = (char)(0xF0 | (cp >> 18));
		t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[3] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, t, 4);
	}
}

bool
text_is_utf8(const char *s, size_t n)
{
	uint32_t cp;
	size_t i = 0, k;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (k == 0 || cp == 0)
			return false;
		i += k;
	}
	return true;
}

size_t
text_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static bool
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' ||
	    cp == '\v' || cp == '\f' || cp == 0x3000;
}

char *
text_trim(const char *s)
{
	size_t n = strlen(s), start = 0, end = 0, i = 0, k;
	uint32_t cp;
	bool seen = false;
	char *out;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			k = 1;
			cp = 0xFFFD;
		}
		if (!is_space(cp)) {
			if (!seen)
				start = i;
			seen = true;
			end = i + k;
		}
		i += k;
	}
	if (!seen)
		return xstrdup("");
	out = xmalloc(end - start + 1);
	memcpy(out, s + start, end - start);
	out[end - start] = '\0';
	return out;
}

static uint32_t
fold_char(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFF01 + 0x21;
	switch (cp) {
	case 0x3000:
		return ' ';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212: case 0x30FC: case 0xFF70:
		return '-';
	case 0x3001:	/* 、 typed for a thousands comma */
		return ',';
	default:
		return cp;
	}
}

/* s with every character passed through map; an invalid byte is copied as
 * it is (keep_invalid) or read as U+FFFD. */
static char *
map_chars(const char *s, uint32_t (*map)(uint32_t), bool keep_invalid)
{
	struct buf b = {0};
	size_t n = strlen(s), i = 0, k;
	uint32_t cp;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (k == 0 && keep_invalid)
			buf_addc(&b, s[i]);
		else
			utf8_encode(&b, map(k == 0 ? 0xFFFD : cp));
		i += k == 0 ? 1 : k;
	}
	return buf_steal(&b);
}

char *
text_fold_ascii(const char *s)
{
	return map_chars(s, fold_char, true);
}

bool
text_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
	    cp == 0x061C || cp == 0x200E || cp == 0x200F ||	/* bidi marks */
	    (cp >= 0x202A && cp <= 0x202E) ||			/* embeddings, overrides */
	    (cp >= 0x2066 && cp <= 0x2069) ||			/* isolates */
	    cp == 0x2028 || cp == 0x2029;			/* line, paragraph separators */
}

/* What a character is shown as: C0 controls and DEL become their Control
 * Pictures symbol (␛, ␡), the rest of text_is_control and invalid bytes the
 * replacement character.  A bidi override would otherwise turn the rest of
 * the line around on the terminal: "a" U+202E "gpj.exe" shows as
 * "aexe.jpg". */
static uint32_t
visible_char(uint32_t cp)
{
	if (cp < 0x20)
		return 0x2400 + cp;
	if (cp == 0x7F)
		return 0x2421;
	if (text_is_control(cp))
		return 0xFFFD;
	return cp;
}

int
text_char_width(uint32_t cp)
{
	int w;

	cp = visible_char(cp);
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

int
text_width(const char *s)
{
	size_t n = strlen(s), i = 0, k;
	uint32_t cp;
	int w = 0;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			k = 1;
			cp = 0xFFFD;
		}
		w += text_char_width(cp);
		i += k;
	}
	return w;
}

const char *
text_find_control(const char *s, size_t n, const char *allowed)
{
	size_t i = 0, k;
	uint32_t cp;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (k == 0)
			return s + i;
		if (text_is_control(cp) && !(cp < 0x80 && cp != 0 && strchr(allowed, (int)cp)))
			return s + i;
		i += k;
	}
	return NULL;
}

char *
text_visible(const char *s)
{
	return map_chars(s, visible_char, false);
}

/* A one-column stand-in for an ambiguous-width character: a look-alike
 * where there is one, else "?". */
static uint32_t
narrow_char(uint32_t cp)
{
	static const struct { uint32_t cp; char ascii; } like[] = {
		{0x2026, '~'}, {0x00B7, '.'}, {0x2022, '*'}, {0x25CF, '*'}, {0x25CB, 'o'},
		{0x25EF, 'o'}, {0x25CE, '@'}, {0x25A0, '#'}, {0x25A1, '#'}, {0x2588, '#'},
		{0x258F, '|'}, {0x2502, '|'}, {0x2500, '-'}, {0x253C, '+'}, {0x2190, '<'},
		{0x2192, '>'}, {0x2191, '^'}, {0x2193, 'v'}, {0x25B2, '^'}, {0x25B3, '^'},
		{0x25BC, 'v'}, {0x25BD, 'v'}, {0x25C6, '*'}, {0x25C7, '*'}, {0x203B, '*'},
		{0x00D7, 'x'}, {0x00F7, '/'}, {0x00B1, '+'}, {0x00B0, 'o'}, {0x2018, '\''},
		{0x2019, '\''}, {0x201C, '"'}, {0x201D, '"'}, {0x2010, '-'}, {0x2013, '-'},
		{0x2014, '-'}, {0x2015, '-'}, {0xFFFD, '?'}, {0x00A7, 'S'}, {0x2116, '#'},
	};
	size_t i;

	if (cp < 0x80 || !ambiguous_is(cp) || wcwidth((wchar_t)cp) != 1)
		return cp;
	if (cp >= 0x2460 && cp <= 0x2468)	/* ①–⑨ */
		return '1' + (cp - 0x2460);
	if (cp >= 0x2160 && cp <= 0x2168)	/* Ⅰ–Ⅸ */
		return '1' + (cp - 0x2160);
	for (i = 0; i < sizeof like / sizeof like[0]; i++)
		if (like[i].cp == cp)
			return (uint32_t)like[i].ascii;
	return '?';
}

char *
text_narrow(const char *s)
{
	return map_chars(s, narrow_char, true);
}

size_t
text_fit(const char *s, int width, int *used)
{
	size_t n = strlen(s), i = 0, k;
	uint32_t cp;
	int w = 0, cw;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			k = 1;
			cp = 0xFFFD;
		}
		cw = text_char_width(cp);
		if (w + cw > width)
			break;
		w += cw;
		i += k;
	}
	if (used != NULL)
		*used = w;
	return i;
}

void
text_set_ascii(bool ascii)
{
	ascii_mode = ascii;
}

bool
text_ascii(void)
{
	return ascii_mode;
}

void
text_pad(struct buf *out, const char *s, int width, bool right_align)
{
	char *vis;
	size_t cut;
	int w, used, pad;

	if (width <= 0)
		return;
	vis = text_visible(s);
	w = text_width(vis);
	if (w > width) {
		cut = text_fit(vis, width - 1, &used);
		vis[cut] = '\0';
		buf_adds(out, vis);
		buf_adds(out, ascii_mode ? "~" : "\xE2\x80\xA6");
		for (pad = width - 1 - used; pad > 0; pad--)
			buf_addc(out, ' ');
		free(vis);
		return;
	}
	pad = width - w;
	if (right_align)
		for (; pad > 0; pad--)
			buf_addc(out, ' ');
	buf_adds(out, vis);
	for (; pad > 0; pad--)
		buf_addc(out, ' ');
	free(vis);
}
