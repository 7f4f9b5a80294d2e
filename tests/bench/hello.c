/*
 * hello — the start-up baseline: a trivial ncurses program that draws one
 * frame, timed the way the kiosk times itself (from main to the first
 * refresh), and writes the figure to KYODO_FRAME_LOG.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int
main(void)
{
	struct timespec a, b;
	const char *log = getenv("KYODO_FRAME_LOG");
	FILE *f;

	clock_gettime(CLOCK_MONOTONIC, &a);
	setlocale(LC_ALL, "C.UTF-8");
	initscr();
	mvaddstr(0, 0, "kyodo baseline: one frame");
	refresh();
	clock_gettime(CLOCK_MONOTONIC, &b);
	endwin();
	if (log != NULL && (f = fopen(log, "w")) != NULL) {
		fprintf(f, "first_frame_ms %.3f\n", (double)(b.tv_sec - a.tv_sec) * 1e3 +
		    (double)(b.tv_nsec - a.tv_nsec) / 1e6);
		fclose(f);
	}
	return 0;
}
