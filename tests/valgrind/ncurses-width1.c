/* ncurses-width1 — the smallest program that makes ncurses 6.4 read before
 * a line buffer when the screen is one column wide (see ncurses.supp).
 *
 * Only stdscr, no subwindows or pads: it draws one character at (0, 0) and
 * refreshes.  At 1×1 that cell is the bottom-right corner, and doupdate()
 * writes it with PutCharLR(), which on a terminal with `am` but without
 * `smam`/`rmam` (TERM=screen, tmux-256color; not xterm-256color) inserts the
 * cell to its left, text[COLS - 2] = text[-1], out of the 1-cell buffer that
 * resize_term() gave the line.
 *
 *   ncurses-width1          waits for keys; resize its terminal from outside
 *                           (tmux resize-window -x 1 -y 1, then back), q quits
 *   ncurses-width1 --self   resizes its own terminal 80x24 -> 1x1 -> 80x24
 *                           (TIOCSWINSZ, so the kernel sends the SIGWINCH),
 *                           then quits; prints curses_version() on stderr
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static void
set_size(int rows, int cols)
{
	struct winsize ws;

	memset(&ws, 0, sizeof ws);
	ws.ws_row = (unsigned short)rows;
	ws.ws_col = (unsigned short)cols;
	ioctl(STDOUT_FILENO, TIOCSWINSZ, &ws);
}

int
main(int argc, char **argv)
{
	static const int sizes[][2] = {{1, 1}, {24, 80}};
	int self = argc > 1 && strcmp(argv[1], "--self") == 0;
	int step = 0, r = OK;
	wint_t wc;

	setlocale(LC_ALL, "");
	initscr();
	raw();
	noecho();
	keypad(stdscr, TRUE);
	/* --self: ncurses 6.4 looks at a SIGWINCH that came before the wait only
	 * once the wait is over, so keep it short. */
	timeout(self ? 100 : -1);
	for (;;) {
		erase();
		mvaddch(0, 0, 'x');	/* at 1x1, the bottom-right cell */
		refresh();
		if (self) {
			if (step == 2)
				break;
			set_size(sizes[step][0], sizes[step][1]);
			step++;
		}
		r = get_wch(&wc);	/* KEY_RESIZE: draw again */
		if (r == ERR || (r == OK && wc == 'q'))
			break;
	}
	endwin();
	if (self)
		fprintf(stderr, "%s%s\n", curses_version(),
		    step == 2 && r != ERR ? "" : " (no resize seen)");
	return 0;
}
