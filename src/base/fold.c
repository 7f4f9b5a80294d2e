/* fold — see fold.h. */
#include "fold.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Half-width katakana U+FF61 … U+FF9F as their full-width forms. */
static const uint16_t halfwidth[] = {
	0x3002, 0x300C, 0x300D, 0x3001, 0x30FB,		/* ｡ ｢ ｣ ､ ･ */
	0x30F2,						/* ｦ */
	0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9,		/* ｧ ｨ ｩ ｪ ｫ */
	0x30E3, 0x30E5, 0x30E7, 0x30C3,			/* ｬ ｭ ｮ ｯ */
	0x30FC,						/* ｰ */
	0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA,		/* ｱ … ｵ */
	0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3,		/* ｶ … ｺ */
	0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD,		/* ｻ … ｿ */
	0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8,		/* ﾀ … ﾄ */
	0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE,		/* ﾅ … ﾉ */
	0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB,		/* ﾊ … ﾎ */
	0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2,		/* ﾏ … ﾓ */
	0x30E4, 0x30E6, 0x30E8,				/* ﾔ ﾕ ﾖ */
	0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED,		/* ﾗ … ﾛ */
	0x30EF, 0x30F3,					/* ﾜ ﾝ */
	0x309B, 0x309C,					/* ﾞ ﾟ */
};

/* A full-width katakana that takes a voiced mark (゛) as the next code
 * point: カ→ガ … ト→ド, ハ→バ … ホ→ボ; ウ takes it as ヴ. */
static bool
voiceable(uint32_t cp)
{
	if (cp >= 0x30AB && cp <= 0x30C2)	/* カ … ヂ: unvoiced ones are odd */
		return (cp & 1) == 1;
	if (cp >= 0x30C4 && cp <= 0x30C8)	/* ツ テ ト: even */
		return (cp & 1) == 0;
	return cp >= 0x30CF && cp <= 0x30DB && (cp - 0x30CF) % 3 == 0;	/* ハ … ホ */
}

static bool
semivoiceable(uint32_t cp)
{
	return cp >= 0x30CF && cp <= 0x30DB && (cp - 0x30CF) % 3 == 0;
}

/* One character as folded (after half-width katakana became full-width). */
static uint32_t
fold_char(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp >= 0xFF01 && cp <= 0xFF5E)	/* full-width ASCII */
		return fold_char(cp - 0xFF01 + 0x21);
	if (cp == 0x3000)
		return ' ';
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)	/* Latin-1 capitals, not × */
		return cp + 32;
	if (cp >= 0x30A1 && cp <= 0x30F6)	/* katakana ァ … ヶ */
		return cp - 0x60;
	if (cp == 0x30FD || cp == 0x30FE)	/* ヽ ヾ */
		return cp - 0x60;
	return cp;
}

/* Writes cp as UTF-8 at o; returns the bytes written. */
static size_t
put_utf8(unsigned char *o, uint32_t cp)
{
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | cp >> 6);
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | cp >> 12);
		o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | cp >> 18);
	o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
	o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Written straight into the buffer: a search folds every row of a kind's
 * years, and a character at a time through buf_addc was a fifth of it.
 * No character folds into more bytes than it had (full-width ASCII 3 → 1,
 * kana 3 → 3, Latin-1 2 → 2, a half-width kana and its mark 6 → 3), so n
 * bytes (and the NUL) are room enough. */
void
fold_append(struct buf *out, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char *o;
	size_t i = 0, k, k2;
	uint32_t cp, next;

	if (n == 0)	/* a reserved buffer is not terminated until added to */
		return;
	buf_reserve(out, n + 1);
	o = (unsigned char *)out->data + out->len;
	while (i < n) {
		if (u[i] < 0x80) {	/* the common case, short */
			*o++ = (unsigned char)(u[i] >= 'A' && u[i] <= 'Z' ? u[i] + 32 : u[i]);
			i++;
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			*o++ = u[i++];
			continue;
		}
		i += k;
		if (cp >= 0xFF61 && cp <= 0xFF9F) {
			cp = halfwidth[cp - 0xFF61];
			/* ｶﾞ is two characters for one: が. */
			k2 = i < n ? utf8_decode(s + i, n - i, &next) : 0;
			if (k2 > 0 && next == 0xFF9E && (voiceable(cp) || cp == 0x30A6)) {
				cp = cp == 0x30A6 ? 0x30F4 : cp + 1;
				i += k2;
			} else if (k2 > 0 && next == 0xFF9F && semivoiceable(cp)) {
				cp += 2;
				i += k2;
			}
		}
		o += put_utf8(o, fold_char(cp));
	}
	*o = '\0';
	out->len = (size_t)((char *)o - out->data);
}

char *
fold_text(const char *s)
{
	struct buf b = {0};

	fold_append(&b, s, strlen(s));
	return buf_steal(&b);
}

bool
fold_words_in(const char *needle, const char *haystack)
{
	char *n = fold_text(needle), *h = fold_text(haystack), *w, *save = NULL;
	bool any = false, all = true;

	for (w = strtok_r(n, " \t", &save); w != NULL; w = strtok_r(NULL, " \t", &save)) {
		any = true;
		if (strstr(h, w) == NULL) {
			all = false;
			break;
		}
	}
	free(n);
	free(h);
	return any && all;
}
