/*
 * linelog — what a piece of work said, a line at a time (what an export or
 * an import did): each line kept whole with its attribute, and wrapped by
 * display width only when drawn (draw_wrap), so a resize wraps it again.
 * A page that shows the lines below rows of its own scrolls them by rows:
 * linelog_rows says how many they take at a width, linelog_draw starts
 * that many rows in.
 */
#ifndef KYODO_TUI_LINELOG_H
#define KYODO_TUI_LINELOG_H

#include "base/error.h"
#include "term.h"

struct linelog_line {
	char *text;		/* owned */
	enum tui_attr attr;
};

/* Zeroed is empty. */
struct linelog {
	struct linelog_line *lines;
	int n;
};

/* Drops every line: the log is empty (and zeroed) again. */
void linelog_clear(struct linelog *l);
/* Appends one line, printf-style, whole however long. */
void linelog_add(struct linelog *l, enum tui_attr attr, const char *fmt, ...)
    KYODO_PRINTFLIKE(3, 4);
/* The rows the lines take wrapped to width. */
int linelog_rows(const struct linelog *l, int width);
/* Draws the lines wrapped to width at column x from row y, skipping their
 * first skip rows and stopping before row end; returns the row after the
 * last one drawn. */
int linelog_draw(const struct linelog *l, int y, int end, int x, int width, int skip);

#endif
