/* docview — see docview.h. */
#include "docview.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/wrap.h"
#include "draw.h"

void
docview_init(struct docview *d)
{
	memset(d, 0, sizeof *d);
	d->sel = -1;
}

void
docview_clear(struct docview *d)
{
	int i;

	for (i = 0; i < d->n; i++)
		free(d->lines[i].text);
	d->n = 0;
}

void
docview_free(struct docview *d)
{
	docview_clear(d);
	free(d->lines);
	docview_init(d);
}

void
docview_add(struct docview *d, int indent, enum tui_attr a, int item, const char *text)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->lines = xreallocarray(d->lines, (size_t)d->cap, sizeof *d->lines);
	}
	d->lines[d->n].text = xstrdup(text != NULL ? text : "");
	d->lines[d->n].indent = indent;
	d->lines[d->n].attr = a;
	d->lines[d->n].item = item;
	d->n++;
}

struct wrap_ctx {
	struct docview *d;
	int indent, item;
	enum tui_attr attr;
	struct buf line;
};

static void
wrap_line(void *ctx, const char *text, size_t len)
{
	struct wrap_ctx *w = ctx;

	buf_reset(&w->line);
	buf_add(&w->line, text, len);
	docview_add(w->d, w->indent, w->attr, w->item, buf_str(&w->line));
	w->item = -1;
}

void
docview_wrap(struct docview *d, int indent, int width, enum tui_attr a, int item,
    const char *text)
{
	struct wrap_ctx w = {d, indent, item, a, {0}};

	wrap_lines(text != NULL ? text : "", width, wrap_line, &w);
	buf_free(&w.line);
}

int
docview_item(const struct docview *d)
{
	return d->sel >= 0 && d->sel < d->n ? d->lines[d->sel].item : -1;
}

static int
max_top(const struct docview *d, int height)
{
	return d->n > height ? d->n - height : 0;
}

/* The first selectable line in [from, to), or -1. */
static int
first_item(const struct docview *d, int from, int to)
{
	int i;

	for (i = from < 0 ? 0 : from; i < to && i < d->n; i++)
		if (d->lines[i].item >= 0)
			return i;
	return -1;
}

/* The last selectable line in [from, to), or -1. */
static int
last_item(const struct docview *d, int from, int to)
{
	int i;

	for (i = (to > d->n ? d->n : to) - 1; i >= from && i >= 0; i--)
		if (d->lines[i].item >= 0)
			return i;
	return -1;
}

static bool
in_view(const struct docview *d, int line, int height)
{
	return line >= d->top && line < d->top + height;
}

void
docview_fit(struct docview *d, int height)
{
	if (height < 1)
		height = 1;
	if (d->top > max_top(d, height))
		d->top = max_top(d, height);
	if (d->top < 0)
		d->top = 0;
	if (d->sel >= d->n || (d->sel >= 0 && d->lines[d->sel].item < 0))
		d->sel = -1;
	if (d->sel < 0 || !in_view(d, d->sel, height))
		d->sel = first_item(d, d->top, d->top + height);
}

bool
docview_select(struct docview *d, int item, int height)
{
	int i;

	if (height < 1)
		height = 1;
	for (i = 0; i < d->n; i++) {
		if (d->lines[i].item != item)
			continue;
		d->sel = i;
		if (i < d->top)
			d->top = i;
		else if (i >= d->top + height)
			d->top = i - height / 3;
		docview_fit(d, height);
		return true;
	}
	docview_fit(d, height);
	return false;
}

static void
down(struct docview *d, int height)
{
	int next = first_item(d, d->sel >= d->top ? d->sel + 1 : d->top, d->n);

	if (next >= 0 && in_view(d, next, height)) {
		d->sel = next;
		return;
	}
	if (d->top >= max_top(d, height))
		return;
	d->top++;
	if (next >= 0 && in_view(d, next, height))
		d->sel = next;
	else if (d->sel >= 0 && !in_view(d, d->sel, height))
		d->sel = first_item(d, d->top, d->top + height);
}

static void
up(struct docview *d, int height)
{
	int from = d->sel >= 0 && in_view(d, d->sel, height) ? d->sel : d->top + height;
	int prev = last_item(d, 0, from);

	if (prev >= 0 && in_view(d, prev, height)) {
		d->sel = prev;
		return;
	}
	if (d->top <= 0)
		return;
	d->top--;
	if (prev >= 0 && in_view(d, prev, height))
		d->sel = prev;
	else if (d->sel >= 0 && !in_view(d, d->sel, height))
		d->sel = last_item(d, d->top, d->top + height);
}

bool
docview_key(struct docview *d, struct key k, int height)
{
	if (!k.code)
		return false;
	if (height < 1)
		height = 1;
	switch (k.ch) {
	case KEY_DOWN:
		down(d, height);
		return true;
	case KEY_UP:
		up(d, height);
		return true;
	case KEY_NPAGE:
	case KEY_PPAGE:
		d->top += (k.ch == KEY_NPAGE ? 1 : -1) * (height > 1 ? height - 1 : 1);
		d->sel = -1;
		docview_fit(d, height);
		return true;
	case KEY_HOME:
		d->top = 0;
		d->sel = -1;
		docview_fit(d, height);
		return true;
	case KEY_END:
		d->top = max_top(d, height);
		d->sel = last_item(d, d->top, d->top + height);
		return true;
	default:
		return false;
	}
}

void
docview_draw(const struct docview *d, int y, int height)
{
	int i, row;

	for (row = 0, i = d->top; row < height && i < d->n; row++, i++) {
		const struct doc_line *l = &d->lines[i];
		bool sel = i == d->sel;

		if (sel)
			draw_fill(y + row, 0, COLS - 1, ATTR_SELECTED);
		draw_text(y + row, l->indent, COLS - 1 - l->indent, l->text,
		    sel ? ATTR_SELECTED : l->attr);
	}
	/* Where there is more to read, say so in the last column. */
	if (d->top > 0)
		draw_more_mark(y, COLS - 1, true, ATTR_DIM);
	if (d->top + height < d->n)
		draw_more_mark(y + height - 1, COLS - 1, false, ATTR_DIM);
}
