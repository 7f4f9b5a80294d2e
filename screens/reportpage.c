/* reportpage — see reportpage.h. */
#include "reportpage.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/text.h"
#include "tui/draw.h"


/* The screen row of page row vr, or -1 when it is not in view (every draw
 * function skips row -1). */
int
reportpage_at(const struct reportpage *c, int vr)
{
	if (!c->draw || vr < c->first || vr >= c->first + c->rows)
		return -1;
	return c->y0 + vr - c->first;
}

/* True when any of page rows vr … vr+height-1 is drawn: the parts out of
 * view are only counted, never built. */
bool
reportpage_in_view(const struct reportpage *c, int vr, int height)
{
	return c->draw && vr + height > c->first && vr < c->first + c->rows;
}


void
reportpage_table_init(struct reportpage_table *t, int rows, int cols)
{
	t->rows = rows;
	t->cols = cols;
	t->cell = xcalloc((size_t)rows * (size_t)cols, sizeof *t->cell);
	t->total_row = -1;
}

void
reportpage_table_set(struct reportpage_table *t, int r, int c, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	free(t->cell[r * t->cols + c]);
	t->cell[r * t->cols + c] = xstrdup(tmp);
}

void
reportpage_table_free(struct reportpage_table *t)
{
	int i;

	for (i = 0; i < t->rows * t->cols; i++)
		free(t->cell[i]);
	free(t->cell);
}

/* Draws t from page row vr; sel is a row to highlight (-1: none).
 * Returns the page rows used. */
int
reportpage_table_draw(const struct reportpage *c, int vr, const struct reportpage_table *t, int sel)
{
	int w[32] = {0}, n = t->cols < 32 ? t->cols : 32, i, j, x, total, avail = COLS - 2;
	int used = 0, gap = 2;

	for (j = 0; j < n; j++) {
		for (i = 0; i < t->rows; i++) {
			const char *v = t->cell[i * t->cols + j];
			int cw = v != NULL ? text_width(v) : 0;

			if (cw > w[j])
				w[j] = cw;
		}
	}
	/* A wide window shows longer names whole. */
	if (w[0] > REPORTPAGE_NAME_MAX_W * (COLS >= 110 ? 2 : 1))
		w[0] = REPORTPAGE_NAME_MAX_W * (COLS >= 110 ? 2 : 1);
	/* Too wide: closer columns, a narrower first column, then columns
	 * left out from the right. */
	for (total = 0, j = 0; j < n; j++)
		total += w[j] + (j > 0 ? gap : 0);
	if (total > avail) {
		total -= n - 1;
		gap = 1;
	}
	if (total > avail && w[0] > 6) {
		int cut = total - avail < w[0] - 6 ? total - avail : w[0] - 6;

		w[0] -= cut;
		total -= cut;
	}
	while (total > avail && n > 1) {
		n--;
		total -= w[n] + gap;
	}
	for (i = 0; i < t->rows; i++) {
		int y;
		enum tui_attr a = i == 0 ? ATTR_HEADER : i == sel ? ATTR_SELECTED : ATTR_NORMAL;

		if (i == t->total_row) {
			draw_hline(reportpage_at(c, vr + used), 1, total, ATTR_DIM);
			used++;
		}
		y = reportpage_at(c, vr + used);
		if (i == sel)
			draw_fill(y, 0, COLS, ATTR_SELECTED);
		for (j = 0, x = 1; y >= 0 && j < n; x += w[j] + gap, j++)
			draw_pad_on_blank(y, x, w[j], t->cell[i * t->cols + j], j > 0, a, i == sel);
		used++;
	}
	return used;
}

int
reportpage_heading(const struct reportpage *c, int vr, const char *text)
{
	draw_text(reportpage_at(c, vr), 1, COLS - 2, text, ATTR_HEADER);
	return 1;
}

int
reportpage_chart(const struct reportpage *c, int vr, const struct chart_item *items, int n)
{
	struct chart ch;
	int i;

	if (!reportpage_in_view(c, vr, n))
		return n;
	chart_layout(&ch, items, n, COLS - 4);
	for (i = 0; i < n; i++)
		chart_draw_row(&ch, i, reportpage_at(c, vr + i), 3, ATTR_NORMAL);
	return n;
}
