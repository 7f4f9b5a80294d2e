/*
 * lineedit — a one-line UTF-8 text editor: the text, a cursor that always
 * sits between characters, and a horizontal view that keeps the cursor
 * visible.  Key handling is a pure function of (state, key): no curses
 * calls, so it can be unit-tested and fuzzed.  Only the KEY_* numbers are
 * taken from curses.h.
 */
#ifndef KYODO_TUI_LINEEDIT_H
#define KYODO_TUI_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

struct lineedit {
	struct buf text;	/* UTF-8, owned */
	size_t cursor;		/* byte offset, on a character boundary */
	size_t first;		/* byte offset of the first character in view */
	size_t max_chars;	/* 0: no limit */
};

enum lineedit_result {
	LINEEDIT_IGNORED,	/* not an editing key: the caller may use it */
	LINEEDIT_MOVED,		/* cursor moved, text unchanged */
	LINEEDIT_CHANGED,	/* text changed */
};

/* Starts with text (NULL for empty), cursor at the end. */
void lineedit_init(struct lineedit *e, const char *text, size_t max_chars);
void lineedit_free(struct lineedit *e);
/* Replaces the text; cursor at the end. */
void lineedit_set(struct lineedit *e, const char *text);
/* The text ("" when empty); valid until the next change. */
const char *lineedit_text(const struct lineedit *e);
/* Applies one key from get_wch: a character (is_key_code false) or a
 * KEY_* code.  Printable characters are inserted; Backspace/Delete remove a
 * whole character; Left/Right/Home/End (and Ctrl-A/E/B/F) move by
 * characters; Ctrl-U/Ctrl-K cut to the start/end. */
enum lineedit_result lineedit_key(struct lineedit *e, uint32_t wch, bool is_key_code);
/* Fits the view into width columns (width >= 1): moves e->first so the
 * cursor is visible and returns the cursor's column within the view.  The
 * visible text starts at lineedit_text(e) + e->first. */
int lineedit_view(struct lineedit *e, int width);

#endif
