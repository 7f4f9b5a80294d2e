/*
 * docview — a screen that reads like a document (the plan, the body's
 * profile and checklist): lines of text, some of them the head of an item
 * that can be selected and acted on.  ↑/↓ go from item to item and scroll
 * through the text between them, so every line can be read; PgUp/PgDn and
 * Home/End page.  A screen rebuilds the lines from its state for the
 * current width and draws them; items are the screen's own numbers.
 */
#ifndef KYODO_TUI_DOCVIEW_H
#define KYODO_TUI_DOCVIEW_H

#include <stdbool.h>

#include "keys.h"
#include "term.h"

struct doc_line {
	char *text;		/* owned */
	int indent;		/* columns before the text */
	enum tui_attr attr;
	int item;		/* >= 0 on the first line of a selectable item */
};

struct docview {
	struct doc_line *lines;
	int n, cap;
	int top;		/* first line in view */
	int sel;		/* line of the selected item, -1 for none */
};

void docview_init(struct docview *d);
void docview_free(struct docview *d);
/* Drops the lines; the view and the selected item are kept for
 * docview_select after the rebuild. */
void docview_clear(struct docview *d);
/* One line (cut at the window's edge when drawn). */
void docview_add(struct docview *d, int indent, enum tui_attr a, int item, const char *text);
/* text wrapped to width columns by display width (wrap_lines: typed
 * breaks kept, the kinsoku rule for Japanese); the first line carries
 * item. */
void docview_wrap(struct docview *d, int indent, int width, enum tui_attr a, int item,
    const char *text);
/* The selected item, or -1. */
int docview_item(const struct docview *d);
/* Selects item's line and scrolls it into a view of height rows; false
 * (and the first item in view selected) when no line has it. */
bool docview_select(struct docview *d, int item, int height);
/* Keeps the view inside the lines and the selection in view, after a
 * rebuild or a resize. */
void docview_fit(struct docview *d, int height);
/* ↑ ↓ PgUp PgDn Home End; true when k was one of them. */
bool docview_key(struct docview *d, struct key k, int height);
/* Draws the view in rows y … y+height-1 across the window, and a scroll
 * mark ("more above/below") in the last column. */
void docview_draw(const struct docview *d, int y, int height);

#endif
