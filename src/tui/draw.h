/*
 * draw — putting text on the screen by display width: every string is made
 * visible (no control character reaches the terminal), measured in columns,
 * clipped to its space and to the window, and never cut inside a
 * character.  Lines are Unicode box drawing, or ASCII where the terminal
 * draws ambiguous-width characters double or cannot show them.
 */
#ifndef KYODO_TUI_DRAW_H
#define KYODO_TUI_DRAW_H

#include <stdbool.h>

#include "term.h"

/* Smallest screen the kiosk lays out; below it only a short notice. */
#define DRAW_MIN_COLS 40
#define DRAW_MIN_ROWS 10

/* The window's rows as a screen lays them out: LINES less the key bar's
 * rows beyond its first, so "draw_lines() - 1" is the bar's first row and
 * "draw_lines() - 2" the message row.  The app sets the bar's rows before
 * each frame. */
int draw_lines(void);
void draw_set_bar_rows(int rows);

/* ASCII lines ("-", "|", "+") instead of box drawing. */
void draw_set_ascii(bool ascii);
bool draw_ascii(void);

/* Draws s at (y, x) in at most width columns; returns the columns used.
 * Anything outside the window is skipped. */
int draw_text(int y, int x, int width, const char *s, enum tui_attr a);
/* Draws s in exactly width columns: padded, or cut with an ellipsis. */
void draw_pad(int y, int x, int width, const char *s, bool right_align, enum tui_attr a);
/* draw_pad for a cell whose blanks are there already, and so are not
 * written again: a row of an erased frame (a is ATTR_NORMAL), or a row
 * draw_fill has filled with a (filled true).  Writing blanks cost the
 * lists and the reports as much as their text. */
void draw_pad_on_blank(int y, int x, int width, const char *s, bool right_align,
    enum tui_attr a, bool filled);
/* Draws s wrapped to width columns (base/wrap: by display width, typed
 * breaks kept, the kinsoku rule for Japanese) from row y at column x,
 * skipping its first skip rows and stopping before row end; returns the
 * row after the last one drawn. */
int draw_wrap(int y, int end, int x, int width, const char *s, int skip, enum tui_attr a);
/* The rows draw_wrap takes for s at width: at least one. */
int draw_wrap_rows(const char *s, int width);
/* Blanks width columns with the attribute. */
void draw_fill(int y, int x, int width, enum tui_attr a);
void draw_hline(int y, int x, int width, enum tui_attr a);
void draw_vline(int y, int x, int height, enum tui_attr a);
/* A full-width bar at row y: left text, right text (right wins space). */
void draw_bar(int y, const char *left, const char *right, enum tui_attr a);
/* The mark that rows lie above (up) or below a list or a page, at (y, x):
 * ▲ or ▼, ^ or v with ASCII lines. */
void draw_more_mark(int y, int x, bool up, enum tui_attr a);
/* The window is below DRAW_MIN_COLS × DRAW_MIN_ROWS. */
bool draw_window_too_small(void);
/* True when the window is below DRAW_MIN_COLS × DRAW_MIN_ROWS; then it has
 * drawn the "terminal too small" notice. */
bool draw_too_small(void);
/* The "●" shown per hidden PIN digit ("*" in ASCII mode). */
const char *draw_bullet(void);

#endif
