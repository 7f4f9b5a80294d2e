/*
 * gauge — a horizontal bar of a part against a whole: a grant's spending
 * against the decided amount.  Drawn by display width in block characters
 * (with eighth blocks for the last cell), or in ASCII ('#' and '.') when
 * text_ascii() is on.  A part above the whole fills the bar and ends in
 * '!' drawn as an error.  Work in progress is the same bar in whole cells
 * with its percentage beside it.
 */
#ifndef KYODO_TUI_GAUGE_H
#define KYODO_TUI_GAUGE_H

#include "base/buf.h"
#include "term.h"

/* Appends the bar for part of whole in exactly width columns (nothing for
 * width < 1).  whole <= 0 gives an empty bar (nothing decided yet). */
void gauge_text(struct buf *out, int width, long long part, long long whole);
/* Draws it at (y, x), clipped to the window: the filled part in attr, the
 * rest dim, an overflow in the error attribute. */
void gauge_draw(int y, int x, int width, long long part, long long whole, enum tui_attr attr);
/* Work done out of total as "[█████░░░░░]  50%" in at most width columns,
 * all in attr: the bar in whole cells, at most 50 of them, left out when
 * fewer than 4 fit.  total <= 0 counts as done. */
void gauge_percent_draw(int y, int x, int width, long long done, long long total,
    enum tui_attr attr);

#endif
