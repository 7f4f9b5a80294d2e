/*
 * chart — horizontal bar charts, laid out by display width: a label column
 * (labels cut with an ellipsis, never inside a character), a bar scaled to
 * the largest value in eighths of a column (█▉▊▋▌▍▎▏), and the value at the
 * right.  In ASCII mode (text_ascii()) bars are '#' in whole columns.  A
 * value above zero always shows at least a sliver, so "a few" never looks
 * like "none".  Everything is clipped to the window.
 */
#ifndef KYODO_TUI_CHART_H
#define KYODO_TUI_CHART_H

#include "base/buf.h"
#include "term.h"

struct chart_item {
	const char *label;
	long value;
};

struct chart {
	const struct chart_item *items;	/* not owned */
	int n;
	long max;		/* the scale: the largest value, at least 1 */
	int label_w, bar_w, value_w;
};

/* Lays out n items across width columns (a label takes at most a third). */
void chart_layout(struct chart *c, const struct chart_item *items, int n, int width);
/* Draws item i on row y from column x; a for the label and value. */
void chart_draw_row(const struct chart *c, int i, int y, int x, enum tui_attr a);
/* Draws items first … first+height-1 on rows y … (fewer when they run out). */
void chart_draw(const struct chart *c, int y, int x, int first, int height);
/* Appends a bar for value on a scale of max in exactly width columns;
 * the rest of the width is track (NULL: spaces). */
void chart_bar(struct buf *out, long value, long max, int width, const char *track);

#endif
