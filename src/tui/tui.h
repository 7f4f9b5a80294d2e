/*
 * tui — the kiosk: the full-screen program staff sign in to.
 */
#ifndef KYODO_TUI_H
#define KYODO_TUI_H

#include <stdbool.h>

struct tui_options {
	const char *db;		/* the store's path */
	bool kiosk;		/* Ctrl-C/Z/\ do nothing; no way to a shell */
	bool lang_given;	/* --lang was given: the store's setting does not override */
};

/* Runs the kiosk until F10; returns the exit status. */
int tui_run(const struct tui_options *o);

#endif
