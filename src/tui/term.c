/* term — see term.h. */
#include "term.h"

#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static bool started;
static bool colour;
static volatile sig_atomic_t quit_flag;

/* Only sets a flag: the main loop polls it (get_wch times out every second
 * and returns early when a signal interrupts it). */
static void
on_quit_signal(int sig)
{
	(void)sig;
	quit_flag = 1;
}

static void
set_signal(int sig, void (*handler)(int))
{
	struct sigaction sa = {0};

	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void
init_colours(void)
{
	const char *no = getenv("NO_COLOR");

	colour = has_colors() && (no == NULL || *no == '\0');
	if (!colour)
		return;
	start_color();
	use_default_colors();
	init_pair(1, COLOR_WHITE, COLOR_BLUE);	/* title */
	init_pair(2, COLOR_BLACK, COLOR_CYAN);	/* key labels, selection */
	init_pair(3, COLOR_RED, -1);		/* errors */
	init_pair(4, COLOR_GREEN, -1);		/* notices */
	init_pair(5, COLOR_BLUE, -1);		/* headers */
}

bool
term_started(void)
{
	return started;
}

bool
term_ambiguous_wide(void)
{
	static const char ask[] = "\r\xE2\x80\xA6\033[6n";	/* "…", then: where am I? */
	struct termios old, raw;
	struct pollfd p = {STDIN_FILENO, POLLIN, 0};
	char reply[32], *esc;
	size_t n = 0;
	ssize_t got;
	int row, col = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) ||
	    tcgetattr(STDIN_FILENO, &old) != 0)
		return false;
	raw = old;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) != 0)
		return false;
	if (write(STDOUT_FILENO, ask, sizeof ask - 1) == (ssize_t)(sizeof ask - 1)) {
		/* A terminal that does not answer costs a fifth of a second. */
		while (n < sizeof reply - 1 && memchr(reply, 'R', n) == NULL &&
		    poll(&p, 1, 200) > 0 &&
		    (got = read(STDIN_FILENO, reply + n, sizeof reply - 1 - n)) > 0)
			n += (size_t)got;
	}
	reply[n] = '\0';
	if (write(STDOUT_FILENO, "\r   \r", 5) < 0)
		n = 0;
	tcsetattr(STDIN_FILENO, TCSANOW, &old);
	esc = strstr(reply, "\033[");
	if (esc == NULL || sscanf(esc + 2, "%d;%dR", &row, &col) != 2)
		return false;
	return col == 3;	/* the cursor after "…" in column 3: drawn wide */
}

bool
term_start(bool kiosk)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return false;
	if (kiosk) {
		set_signal(SIGINT, SIG_IGN);
		set_signal(SIGQUIT, SIG_IGN);
		set_signal(SIGTSTP, SIG_IGN);
	} else {
		set_signal(SIGINT, on_quit_signal);
	}
	set_signal(SIGTERM, on_quit_signal);
	set_signal(SIGHUP, on_quit_signal);
	/* Esc goes back: do not make people wait for it. */
	set_escdelay(50);
	if (initscr() == NULL)
		return false;
	started = true;
	/* raw in both modes: Ctrl-S (save) must arrive, not stop the output;
	 * outside kiosk mode the screens treat Ctrl-C as quit themselves. */
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	/* No typeahead check while painting: ncurses would poll the keyboard
	 * every few lines, and a frame here is drawn in well under a
	 * keystroke's time. */
	typeahead(-1);
	curs_set(0);
	init_colours();
	return true;
}

void
term_leave_start_mode(void)
{
	/* ncurses 6.4 flushes its output after every cursor movement until
	 * the first endwin() (for low-level terminfo callers), so a frame went
	 * out in some thirty writes.  Leaving once and resuming at the next
	 * refresh makes every later frame one write.  Done after the first
	 * frame: leaving costs two terminal mode changes, each waiting for the
	 * terminal to take the output, and the first frame should not wait. */
	endwin();
}

void
term_stop(void)
{
	if (!started)
		return;
	started = false;
	curs_set(1);
	endwin();
}

bool
term_should_quit(void)
{
	return quit_flag != 0;
}

bool
term_has_colour(void)
{
	return colour;
}

attr_t
term_attr(enum tui_attr a)
{
	switch (a) {
	case ATTR_TITLE:
		return colour ? COLOR_PAIR(1) | A_BOLD : A_REVERSE | A_BOLD;
	case ATTR_HEADER:
		return colour ? COLOR_PAIR(5) | A_BOLD : A_BOLD;
	case ATTR_SELECTED:
		return A_REVERSE;
	case ATTR_INPUT:
		return A_UNDERLINE;
	case ATTR_BAR_KEY:
		return A_BOLD;
	case ATTR_BAR_LABEL:
		return colour ? COLOR_PAIR(2) : A_REVERSE;
	case ATTR_ERROR:
		return colour ? COLOR_PAIR(3) | A_BOLD : A_BOLD;
	case ATTR_NOTICE:
		return colour ? COLOR_PAIR(4) | A_BOLD : A_BOLD;
	case ATTR_DIM:
		return A_DIM;
	default:
		return A_NORMAL;
	}
}
