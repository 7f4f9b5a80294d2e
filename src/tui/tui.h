/*
 * tui — the kiosk: the full-screen program staff sign in to.
 */
#ifndef KYODO_TUI_H
#define KYODO_TUI_H

#include <stdbool.h>
#include <time.h>

struct tui_options {
	const char *db;		/* the store's path */
	bool kiosk;		/* Ctrl-C/Z/\ do nothing; no way to a shell */
	bool lang_given;	/* --lang was given: the store's setting does not override */
	struct timespec started;	/* when the process started (CLOCK_MONOTONIC) */
};

/* Runs the kiosk until F10; returns the exit status. */
int tui_run(const struct tui_options *o);

#endif
