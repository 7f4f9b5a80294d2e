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

void
fold_append(struct buf *out, const char *s, size_t n)
{
	size_t i = 0, k, k2;
	uint32_t cp, next;

	if (n == 0)	/* a reserved buffer is not terminated until added to */
		return;
	buf_reserve(out, n + 1);
	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			buf_addc(out, s[i++]);
			continue;
		}
		i += k;
		if (cp < 0x80) {	/* the common case, short */
			buf_addc(out, (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
			continue;
		}
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
		utf8_encode(out, fold_char(cp));
	}
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
