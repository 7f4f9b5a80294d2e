/* gauge — see gauge.h. */
#include "gauge.h"

#include "base/text.h"
#include "draw.h"

/* U+2588 FULL BLOCK, then U+258F … U+2589: one to seven eighths, left-aligned. */
static const char *const eighths[8] = {
	"", "\xE2\x96\x8F", "\xE2\x96\x8E", "\xE2\x96\x8D", "\xE2\x96\x8C",
	"\xE2\x96\x8B", "\xE2\x96\x8A", "\xE2\x96\x89",
};
#define FULL "\xE2\x96\x88"
#define EMPTY "\xE2\x96\x91"	/* U+2591 LIGHT SHADE */

/* How many eighths of width cells part fills; integers only, no overflow
 * for any yen amount (width is a screen's width). */
static long long
filled_eighths(int width, long long part, long long whole)
{
	long long cells = (long long)width * 8;

	if (whole <= 0 || part <= 0)
		return 0;
	if (part >= whole)
		return cells;
	/* part < whole <= 10^15 or so; cells <= a few thousand: fits. */
	return part / whole * cells + part % whole * cells / whole;
}

/* The pieces of the bar: full cells, the partial cell's eighths, empty
 * cells, and whether it overflows (the last cell then is '!'). */
struct pieces {
	int full, part, empty;
	bool over;
};

static struct pieces
split(int width, long long part, long long whole)
{
	struct pieces p = {0, 0, 0, false};
	long long e;

	if (width < 1)
		return p;
	p.over = whole > 0 && part > whole;
	if (p.over) {
		p.full = width - 1;
		return p;
	}
	e = filled_eighths(width, part, whole);
	p.full = (int)(e / 8);
	p.part = (int)(e % 8);
	/* ASCII has no eighths: a cell at least half full counts as full. */
	if (text_ascii()) {
		if (p.part >= 4)
			p.full++;
		p.part = 0;
	}
	p.empty = width - p.full - (p.part > 0);
	return p;
}

static void
add_n(struct buf *out, const char *s, int n)
{
	while (n-- > 0)
		buf_adds(out, s);
}

void
gauge_text(struct buf *out, int width, long long part, long long whole)
{
	struct pieces p = split(width, part, whole);
	bool ascii = text_ascii();

	if (width < 1)
		return;
	add_n(out, ascii ? "#" : FULL, p.full);
	if (p.part > 0)
		buf_adds(out, eighths[p.part]);
	add_n(out, ascii ? "." : EMPTY, p.empty);
	if (p.over)
		buf_addc(out, '!');
}

void
gauge_draw(int y, int x, int width, long long part, long long whole, enum tui_attr attr)
{
	struct pieces p = split(width, part, whole);
	struct buf b = {0};
	bool ascii = text_ascii();
	int used;

	if (width < 1)
		return;
	add_n(&b, ascii ? "#" : FULL, p.full);
	if (p.part > 0)
		buf_adds(&b, eighths[p.part]);
	used = draw_text(y, x, width, buf_str(&b), p.over ? ATTR_ERROR : attr);
	buf_reset(&b);
	add_n(&b, ascii ? "." : EMPTY, p.empty);
	used += draw_text(y, x + used, width - used, buf_str(&b), ATTR_DIM);
	if (p.over)
		draw_text(y, x + used, width - used, "!", ATTR_ERROR);
	buf_free(&b);
}

/* A bar across a wide screen says no more than one of 50 cells. */
#define PERCENT_CELLS 50

void
gauge_percent_draw(int y, int x, int width, long long done, long long total,
    enum tui_attr attr)
{
	struct buf b = {0};
	long long pct = total > 0 ? done * 100 / total : 100;
	int cells = width - 7;	/* "[", "] " and "100%" */

	if (pct < 0)
		pct = 0;
	if (pct > 100)
		pct = 100;
	if (cells > PERCENT_CELLS)
		cells = PERCENT_CELLS;
	if (cells >= 4) {
		buf_addc(&b, '[');
		/* Whole cells only: the percentage beside it is rounded down too. */
		gauge_text(&b, cells, cells * pct / 100, cells);
		buf_adds(&b, "] ");
	}
	buf_printf(&b, "%3d%%", (int)pct);
	draw_text(y, x, width, buf_str(&b), attr);
	buf_free(&b);
}
