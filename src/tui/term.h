/*
 * term — the terminal under the kiosk: curses setup and teardown, the
 * attributes screens draw with (colour when the terminal has it and
 * NO_COLOR is unset, reverse/bold otherwise), ASCII line mode, and the
 * signals a kiosk must not obey.
 */
#ifndef KYODO_TUI_TERM_H
#define KYODO_TUI_TERM_H

#include <curses.h>
#include <stdbool.h>

enum tui_attr {
	ATTR_NORMAL,
	ATTR_TITLE,	/* the title bar */
	ATTR_HEADER,	/* column headings, section titles */
	ATTR_SELECTED,	/* the row or field under the cursor */
	ATTR_INPUT,	/* a field being edited */
	ATTR_BAR_KEY,	/* "F2" in the key bar */
	ATTR_BAR_LABEL,	/* its label */
	ATTR_ERROR,	/* refusals and warnings */
	ATTR_NOTICE,	/* confirmations, good news */
	ATTR_DIM,	/* things not available (yet) */
	ATTR_COUNT
};

/* Asks the terminal (before curses starts) whether it draws East Asian
 * Ambiguous characters two columns wide: writes one and reads the cursor
 * position back (ESC [6n).  False when it draws them narrow, does not
 * answer, or is no terminal. */
bool term_ambiguous_wide(void);
/* Starts curses.  kiosk: raw mode and SIGINT/SIGTSTP/SIGQUIT ignored, so
 * Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys and do nothing by themselves.
 * Returns false (curses not started) when there is no usable terminal. */
bool term_start(bool kiosk);
/* Whether curses is running (term_start succeeded, term_stop not yet). */
bool term_started(void);
/* Ends curses and restores the terminal.  Safe to call twice. */
void term_stop(void);
/* After the first frame: later frames go to the terminal in one write
 * (the caller draws again at once). */
void term_leave_start_mode(void);
/* True once SIGTERM or SIGHUP arrived (or SIGINT outside kiosk mode): the
 * main loop should close down cleanly. */
bool term_should_quit(void);
/* The attributes for a role. */
attr_t term_attr(enum tui_attr a);
bool term_has_colour(void);

#endif
