/* draw — see draw.h. */
#include "draw.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "base/text.h"
#include "base/wrap.h"

static bool ascii_lines;

void
draw_set_ascii(bool ascii)
{
	ascii_lines = ascii;
}

bool
draw_ascii(void)
{
	return ascii_lines;
}

const char *
draw_bullet(void)
{
	return ascii_lines ? "*" : "\xE2\x97\x8F";
}

/* Clips (y, x, width) to the window; false when nothing is left. */
static bool
clip(int y, int *x, int *width)
{
	if (y < 0 || y >= LINES || *x >= COLS || *width <= 0)
		return false;
	if (*x < 0) {
		*width += *x;
		*x = 0;
	}
	if (*width > COLS - *x)
		*width = COLS - *x;
	return *width > 0;
}

int
draw_text(int y, int x, int width, const char *s, enum tui_attr a)
{
	char *vis;
	size_t n;
	int used;

	if (s == NULL || !clip(y, &x, &width))
		return 0;
	vis = text_visible(s);
	if (ascii_lines) {
		/* A terminal drawing ambiguous characters wide: none is sent. */
		char *narrow = text_narrow(vis);

		free(vis);
		vis = narrow;
	}
	n = text_fit(vis, width, &used);
	if (n > 0) {
		attrset(term_attr(a));
		mvaddnstr(y, x, vis, (int)n);
		attrset(A_NORMAL);
	}
	free(vis);
	return used;
}

void
draw_pad(int y, int x, int width, const char *s, bool right_align, enum tui_attr a)
{
	struct buf b = {0};
	int w = width;

	if (!clip(y, &x, &w))
		return;
	/* Cut to the space left in the window, so the ellipsis stays visible. */
	text_pad(&b, s != NULL ? s : "", w, right_align);
	draw_text(y, x, w, buf_str(&b), a);
	buf_free(&b);
}

void
draw_pad_on_blank(int y, int x, int width, const char *s, bool right_align,
    enum tui_attr a, bool filled)
{
	char *vis;
	int w;

	/* Blanks of another attribute, a cell cut by the window's edge: as
	 * draw_pad writes them. */
	if ((a != ATTR_NORMAL && !filled) || x < 0 || x + width > COLS) {
		draw_pad(y, x, width, s, right_align, a);
		return;
	}
	if (y < 0 || y >= LINES || width <= 0 || s == NULL)
		return;
	vis = text_visible(s);
	w = text_width(vis);
	if (w > width)
		draw_pad(y, x, width, s, right_align, a);	/* cut, with its ellipsis */
	else if (w > 0)
		draw_text(y, right_align ? x + width - w : x, w, vis, a);
	free(vis);
}

struct wrap_draw {
	int y, end, x, width, skip;
	enum tui_attr attr;
	struct buf line;
};

static void
draw_wrapped_line(void *ctx, const char *line, size_t len)
{
	struct wrap_draw *w = ctx;

	if (w->skip > 0) {
		w->skip--;
		return;
	}
	if (w->y >= w->end)
		return;
	/* wrap_lines hands a piece of the text, not a string. */
	buf_reset(&w->line);
	buf_add(&w->line, line, len);
	draw_text(w->y++, w->x, w->width, buf_str(&w->line), w->attr);
}

int
draw_wrap(int y, int end, int x, int width, const char *s, int skip, enum tui_attr a)
{
	struct wrap_draw w = {y, end, x, width, skip, a, {0}};

	wrap_lines(s, width, draw_wrapped_line, &w);
	buf_free(&w.line);
	return w.y;
}

static void
count_line(void *ctx, const char *line, size_t len)
{
	(void)line;
	(void)len;
	(*(int *)ctx)++;
}

int
draw_wrap_rows(const char *s, int width)
{
	int rows = 0;

	wrap_lines(s, width, count_line, &rows);
	return rows > 0 ? rows : 1;
}

void
draw_fill(int y, int x, int width, enum tui_attr a)
{
	int i;

	if (!clip(y, &x, &width))
		return;
	attrset(term_attr(a));
	move(y, x);
	for (i = 0; i < width; i++)
		addch(' ');
	attrset(A_NORMAL);
}

void
draw_hline(int y, int x, int width, enum tui_attr a)
{
	wchar_t line[2] = {ascii_lines ? L'-' : 0x2500, 0};	/* ─ */
	attr_t at = term_attr(a);
	cchar_t cc;

	if (!clip(y, &x, &width))
		return;
	/* One call for the rule: a character at a time cost a list's frame
	 * as much as a row of text. */
	setcchar(&cc, line, at & ~A_COLOR, (short)PAIR_NUMBER(at), NULL);
	mvhline_set(y, x, &cc, width);
}

void
draw_vline(int y, int x, int height, enum tui_attr a)
{
	int i;

	for (i = 0; i < height; i++)
		draw_text(y + i, x, 1, ascii_lines ? "|" : "\xE2\x94\x82", a);	/* │ */
}

void
draw_bar(int y, const char *left, const char *right, enum tui_attr a)
{
	int rw = right != NULL ? text_width(right) : 0;

	draw_fill(y, 0, COLS, a);
	if (rw > COLS - 2)
		rw = COLS - 2;
	if (rw > 0)
		draw_text(y, COLS - rw - 1, rw, right, a);
	draw_text(y, 1, COLS - 1 - (rw > 0 ? rw + 2 : 0), left, a);
}

void
draw_more_mark(int y, int x, bool up, enum tui_attr a)
{
	const char *mark = up ? "\xE2\x96\xB2" : "\xE2\x96\xBC";	/* ▲ ▼ */

	if (ascii_lines)
		mark = up ? "^" : "v";
	draw_text(y, x, 1, mark, a);
}

static int bar_rows = 1;

int
draw_lines(void)
{
	return LINES - (bar_rows - 1);
}

void
draw_set_bar_rows(int rows)
{
	bar_rows = rows < 1 ? 1 : rows;
}

bool
draw_window_too_small(void)
{
	return COLS < DRAW_MIN_COLS || LINES < DRAW_MIN_ROWS;
}

bool
draw_too_small(void)
{
	char least[32];

	if (!draw_window_too_small())
		return false;
	erase();
	/* ncurses 6.4 reads before its line when it paints the last cell of a
	 * one-column screen (tests/valgrind/ncurses.supp): leave it blank. */
	if (COLS < 2)
		return true;
	draw_text(0, 0, COLS, _("Terminal too small"), ATTR_ERROR);
	snprintf(least, sizeof least, "%dx%d+", DRAW_MIN_COLS, DRAW_MIN_ROWS);
	if (LINES > 1)
		draw_text(1, 0, COLS, least, ATTR_NORMAL);
	if (LINES > 2)
		draw_text(2, 0, COLS, _("F10: quit"), ATTR_NORMAL);
	return true;
}
