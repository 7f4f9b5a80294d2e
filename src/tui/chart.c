/* chart — see chart.h. */
#include "chart.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "base/text.h"
#include "draw.h"

/* Full block, then ⅞ … ⅛ (U+2589 … U+258F). */
static const char *const eighths[8] = {
	"", "\xE2\x96\x8F", "\xE2\x96\x8E", "\xE2\x96\x8D", "\xE2\x96\x8C",
	"\xE2\x96\x8B", "\xE2\x96\x8A", "\xE2\x96\x89",
};
#define FULL_BLOCK "\xE2\x96\x88"

void
chart_bar(struct buf *out, long value, long max, int width, const char *track)
{
	long long units, per = text_ascii() ? 1 : 8, filled;
	int used = 0, i;

	if (width <= 0)
		return;
	if (max < 1)
		max = 1;
	if (value < 0)
		value = 0;
	if (value > max)
		value = max;
	/* Rounded to the nearest unit; a value above zero shows at least one. */
	units = ((long long)value * width * per * 2 + max) / (2LL * max);
	if (value > 0 && units == 0)
		units = 1;
	filled = units / per;
	for (i = 0; i < filled; i++)
		buf_adds(out, text_ascii() ? "#" : FULL_BLOCK);
	used = (int)filled;
	if (per == 8 && units % 8 != 0) {
		buf_adds(out, eighths[units % 8]);
		used++;
	}
	for (; used < width; used++)
		buf_adds(out, track != NULL ? track : " ");
}

static int
digits(long v)
{
	char t[32];

	return snprintf(t, sizeof t, "%ld", v);
}

void
chart_layout(struct chart *c, const struct chart_item *items, int n, int width)
{
	int i, w;

	c->items = items;
	c->n = n;
	c->max = 1;
	c->label_w = 0;
	c->value_w = 1;
	for (i = 0; i < n; i++) {
		if (items[i].value > c->max)
			c->max = items[i].value;
		w = text_width(items[i].label != NULL ? items[i].label : "");
		if (w > c->label_w)
			c->label_w = w;
		w = digits(items[i].value);
		if (w > c->value_w)
			c->value_w = w;
	}
	if (c->label_w > width / 3)
		c->label_w = width / 3;
	/* label, space, bar, space, value */
	c->bar_w = width - c->label_w - c->value_w - 2;
	if (c->bar_w < 1)
		c->bar_w = 1;
}

/* draw_text for a bar: its leading run of one character (the full blocks)
 * goes to the window in one call instead of a character at a time. */
static void
draw_bar_text(int y, int x, int width, const char *s, enum tui_attr a)
{
	wchar_t wc[2] = {0, 0};
	attr_t at = term_attr(a);
	uint32_t cp;
	size_t k, n = 0;
	cchar_t cc;

	k = utf8_decode(s, strlen(s), &cp);
	/* Plain one-column characters only: what text_visible leaves as it is
	 * and text_fit counts as one. */
	if (k > 1 && cp >= 0xA0 && wcwidth((wchar_t)cp) == 1 && x >= 0 && y >= 0 &&
	    y < LINES) {
		while (strncmp(s + n * k, s, k) == 0)
			n++;
	}
	if (n < 2 || (int)n > width || x + (int)n > COLS) {
		draw_text(y, x, width, s, a);
		return;
	}
	wc[0] = (wchar_t)cp;
	setcchar(&cc, wc, at & ~A_COLOR, (short)PAIR_NUMBER(at), NULL);
	mvhline_set(y, x, &cc, (int)n);
	draw_text(y, x + (int)n, width - (int)n, s + n * k, a);
}

void
chart_draw_row(const struct chart *c, int i, int y, int x, enum tui_attr a)
{
	struct buf bar = {0};
	char value[32];
	size_t len;

	if (i < 0 || i >= c->n || y < 0 || y >= LINES)
		return;
	/* On an erased row (ATTR_NORMAL) the blanks are there already. */
	draw_pad_on_blank(y, x, c->label_w, c->items[i].label, false, a, false);
	chart_bar(&bar, c->items[i].value, c->max, c->bar_w, NULL);
	for (len = bar.len; a == ATTR_NORMAL && len > 0 && bar.data[len - 1] == ' '; len--)
		bar.data[len - 1] = '\0';
	draw_bar_text(y, x + c->label_w + 1, c->bar_w, buf_str(&bar), a);
	buf_free(&bar);
	snprintf(value, sizeof value, "%ld", c->items[i].value);
	draw_pad_on_blank(y, x + c->label_w + 1 + c->bar_w + 1, c->value_w, value, true, a, false);
}

void
chart_draw(const struct chart *c, int y, int x, int first, int height)
{
	int i;

	for (i = 0; i < height && first + i < c->n; i++)
		chart_draw_row(c, first + i, y + i, x, ATTR_NORMAL);
}
