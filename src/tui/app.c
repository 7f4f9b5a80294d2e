/*
 * app — the kiosk's main loop: the screen stack, the one place that draws,
 * the idle lock, resizes, and the message/confirmation line.  See app.h.
 */
#include "app.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>

#include "domain/backup.h"
#include "base/date.h"
#include "base/i18n.h"
#include "store/outfile.h"
#include "store/tuning.h"
#include "base/text.h"
#include "draw.h"
#include "term.h"
#include "tui.h"

#define STACK_MAX 12
#define IDLE_DEFAULT_MINUTES 10

enum pending { PENDING_NONE, PENDING_POP, PENDING_HOME, PENDING_LOCK };

struct app {
	const struct tui_options *opt;
	const struct app_screens *screens;
	struct store *store;
	struct actor who;
	bool signed_in;
	struct {
		const struct screen *s;
		void *state;
	} stack[STACK_MAX];
	int depth;
	char msg[1024];
	bool msg_error;
	char question[1024];
	void (*yes)(struct app *a, void *ctx);
	void *yes_ctx;
	bool asking;
	bool cursor;
	int cursor_y, cursor_x;
	enum pending pending;
	bool in_init;		/* a screen's init is running: it is not on the stack yet */
	bool quit;
	bool english_only;	/* the terminal cannot show Japanese */
	bool ambiguous_wide;	/* the terminal drew "…" two columns wide at start */
	bool asked_width;	/* it was asked (once, before curses) */
	/* Unsaved work the idle lock kept, and whose it is. */
	struct app_draft draft;
	char draft_who[128];
	long idle_seconds;
	time_t last_input;
};

struct store *
app_store(struct app *a)
{
	return a->store;
}

const struct actor *
app_actor(struct app *a)
{
	return a->signed_in ? &a->who : NULL;
}

bool
app_kiosk(struct app *a)
{
	return a->opt->kiosk;
}

static time_t
now_mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

static void KYODO_PRINTFLIKE(3, 0)
app_say(struct app *a, bool error, const char *fmt, va_list ap)
{
	vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	a->msg_error = error;
}

void
app_message(struct app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	app_say(a, false, fmt, ap);
	va_end(ap);
}

void
app_error(struct app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	app_say(a, true, fmt, ap);
	va_end(ap);
}

void
app_confirm(struct app *a, const char *question, void (*yes)(struct app *a, void *ctx),
    void *ctx)
{
	snprintf(a->question, sizeof a->question, "%s", question);
	a->yes = yes;
	a->yes_ctx = ctx;
	a->asking = true;
}

void
app_cursor(struct app *a, int y, int x)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	a->cursor = true;
	a->cursor_y = y;
	a->cursor_x = x;
}

bool
app_push(struct app *a, const struct screen *s, const void *arg)
{
	void *state;

	if (a->depth >= STACK_MAX) {
		app_error(a, "%s", _("Too many screens are open; go back first."));
		return false;
	}
	a->in_init = true;
	state = s->init(a, arg);
	a->in_init = false;
	if (state == NULL)
		return false;
	a->stack[a->depth].s = s;
	a->stack[a->depth].state = state;
	a->depth++;
	return true;
}

static void
pop(struct app *a)
{
	a->depth--;
	a->stack[a->depth].s->free(a->stack[a->depth].state);
	a->stack[a->depth].state = NULL;
}

static void
pop_all(struct app *a)
{
	while (a->depth > 0)
		pop(a);
	a->asking = false;
}

const struct action_def *const *
app_below_actions(struct app *a)
{
	static const struct action_def *const none[] = {NULL};

	int i = a->depth - (a->in_init ? 1 : 2);

	if (i < 0)
		return none;
	return a->stack[i].s->actions(a->stack[i].state);
}

void
app_close(struct app *a)
{
	if (a->pending == PENDING_NONE)
		a->pending = PENDING_POP;
}

void
app_sign_in(struct app *a, const struct actor *who)
{
	a->who = *who;
	a->signed_in = true;
	a->pending = PENDING_HOME;
}

void
app_lock(struct app *a)
{
	a->signed_in = false;
	memset(&a->who, 0, sizeof a->who);
	a->pending = PENDING_LOCK;
}

const char *
app_store_path(struct app *a)
{
	return a->opt->db;
}

void
app_take_store(struct app *a, struct store *s)
{
	a->store = s;
	store_cache_kib(s, 8192);
	app_apply_settings(a);
	app_lock(a);
}

void
app_draw_title(struct app *a, const char *title)
{
	char right[256] = "";

	/* The title goes before the role: on a narrow window the name alone. */
	if (a->signed_in) {
		snprintf(right, sizeof right, "%s (%s)", a->who.name, role_label(a->who.role));
		if (text_width(title) + 2 + text_width(right) + 2 > COLS)
			snprintf(right, sizeof right, "%s", a->who.name);
	}
	draw_bar(0, title, right, ATTR_TITLE);
}

void
app_apply_settings(struct app *a)
{
	char *v;
	const char *env;
	bool ascii, autom;
	long minutes = IDLE_DEFAULT_MINUTES;

	if (a->english_only) {
		i18n_set_lang("en");
	} else if (!a->opt->lang_given && a->store != NULL &&
	    (v = store_setting(a->store, "language")) != NULL) {
		i18n_set_lang(v);
		free(v);
	}
	/* "1" and "0" force ASCII or Unicode lines; "auto" (and unset) follow
	 * what the terminal says.  It is asked before curses starts, the first
	 * time "auto" is met; a later switch to "auto" uses that answer, or
	 * takes the terminal as narrow when it was never asked. */
	v = a->store != NULL ? store_setting(a->store, "ascii_lines") : NULL;
	autom = v == NULL || strcmp(v, "auto") == 0;
	ascii = v != NULL && strcmp(v, "1") == 0;
	free(v);
	if (autom && !a->english_only && !a->asked_width && !term_started()) {
		a->ambiguous_wide = term_ambiguous_wide();
		a->asked_width = true;
	}
	ascii = ascii || a->english_only || (autom && a->ambiguous_wide);
	draw_set_ascii(ascii);
	text_set_ascii(ascii);
	v = a->store != NULL ? store_setting(a->store, "idle_minutes") : NULL;
	if (v != NULL && atol(v) > 0)
		minutes = atol(v);
	free(v);
	a->idle_seconds = minutes * 60;
	/* Tests cannot wait minutes: KYODO_IDLE_SECONDS overrides, as
	 * KYODO_TODAY fixes the date. */
	env = getenv("KYODO_IDLE_SECONDS");
	if (env != NULL && atol(env) > 0)
		a->idle_seconds = atol(env);
}

/* The message or question, wrapped (never cut) on as many rows as it takes
 * above the key bar, over the screen's bottom rows; at most every row
 * below the title. */
static void
draw_message(struct app *a, const char *text, enum tui_attr attr)
{
	int rows = draw_wrap_rows(text, COLS - 2), bar = draw_lines() - 1, top, y;

	if (rows > bar - 1)
		rows = bar - 1;
	top = bar - rows;
	for (y = top; y < bar; y++)
		draw_fill(y, 0, COLS, ATTR_NORMAL);
	draw_wrap(top, bar, 1, COLS - 2, text, 0, attr);
	/* A field hidden under the message shows no cursor. */
	if (a->cursor && a->cursor_y >= top)
		a->cursor = false;
}

static void
draw_all(struct app *a)
{
	const struct screen *s = a->stack[a->depth - 1].s;
	void *st = a->stack[a->depth - 1].state;

	erase();
	a->cursor = false;
	if (draw_too_small()) {
		/* F10's question, the one thing a too small window takes. */
		if (a->asking && LINES > 3)
			draw_text(3, 0, COLS, a->question, ATTR_NOTICE);
	} else {
		draw_set_bar_rows(keys_bar_rows(s->actions(st)));
		s->draw(a, st);
		if (a->asking) {
			draw_message(a, a->question, ATTR_NOTICE);
			a->cursor = false;
		} else if (a->msg[0] != '\0') {
			draw_message(a, a->msg, a->msg_error ? ATTR_ERROR : ATTR_NOTICE);
		}
		keys_draw_bar(s->actions(st));
	}
	if (a->cursor) {
		curs_set(1);
		move(a->cursor_y, a->cursor_x);
	} else {
		curs_set(0);
	}
	refresh();
}

void
app_draw_now(struct app *a)
{
	draw_all(a);
}

static void
do_quit(struct app *a, void *ctx)
{
	(void)ctx;
	a->quit = true;
}

static void
enter_top(struct app *a)
{
	const struct screen *s = a->stack[a->depth - 1].s;

	if (s->enter != NULL)
		s->enter(a, a->stack[a->depth - 1].state);
}

static void
drop_draft(struct app *a)
{
	if (a->draft.free_arg != NULL)
		a->draft.free_arg(a->draft.arg);
	memset(&a->draft, 0, sizeof a->draft);
	a->draft_who[0] = '\0';
}

/* Before an idle lock: the topmost screen with unsaved work keeps it for
 * the person signed in.  True when something was kept. */
static bool
keep_draft(struct app *a)
{
	struct app_draft d = {0};
	int i;

	for (i = a->depth - 1; i >= 0; i--) {
		const struct screen *s = a->stack[i].s;

		if (s->keep != NULL && s->keep(a->stack[i].state, &d)) {
			drop_draft(a);
			a->draft = d;
			snprintf(a->draft_who, sizeof a->draft_who, "%s", a->who.name);
			return true;
		}
	}
	return false;
}

/* After signing in: the person's kept work opens again; someone else's
 * stays kept, unseen. */
static void
resume_draft(struct app *a)
{
	if (a->draft.screen == NULL || strcmp(a->draft_who, a->who.name) != 0)
		return;
	if (app_push(a, a->draft.screen, a->draft.arg))
		app_message(a, "%s", _("Your unsaved work from before the lock is back: "
		    "check it and save (F2)."));
	drop_draft(a);
}

static void
apply_pending(struct app *a)
{
	enum pending p = a->pending;

	a->pending = PENDING_NONE;
	if (p == PENDING_NONE)
		return;
	if (p == PENDING_POP) {
		if (a->depth > 1) {
			pop(a);
			enter_top(a);
		}
		return;
	}
	pop_all(a);
	if (p == PENDING_HOME && app_push(a, a->screens->home, NULL)) {
		resume_draft(a);
		/* Idle time counts from when the person has the screen, not
		 * from the Enter that a slow PIN check followed. */
		a->last_input = now_mono();
		return;
	}
	a->signed_in = false;
	if (!app_push(a, a->screens->signin, NULL))
		a->quit = true;	/* cannot even list staff: nothing to show */
}

/* Keys the app answers itself, whatever the screen: help, settings, lock,
 * quit (each only where the screen offers it), Ctrl-C outside kiosk mode. */
static bool
global_key(struct app *a, struct key k, int act)
{
	const struct screen *top = a->stack[a->depth - 1].s;

	if (!a->opt->kiosk && !k.code && k.ch == 3) {
		a->quit = true;
		return true;
	}
	switch (act) {
	case ACT_HELP:
		if (top == a->screens->help)
			return false;	/* F1 again closes help */
		app_push(a, a->screens->help, NULL);
		return true;
	case ACT_SETTINGS:
		app_push(a, a->screens->settings, NULL);
		return true;
	case ACT_LOCK:
		app_lock(a);
		return true;
	case ACT_QUIT:
		app_confirm(a, _("Quit kyodo? (y/n)"), do_quit, NULL);
		return true;
	default:
		return false;
	}
}

static void
answer(struct app *a, struct key k)
{
	if (k.code)
		return;
	if (k.ch == 'y' || k.ch == 'Y') {
		a->asking = false;
		a->yes(a, a->yes_ctx);
	} else if (k.ch == 'n' || k.ch == 'N' || k.ch == 27) {
		a->asking = false;
	}
}

static void
handle_key(struct app *a, struct key k)
{
	const struct screen *s = a->stack[a->depth - 1].s;
	void *st = a->stack[a->depth - 1].state;
	int act;
	int res;

	if (a->asking) {
		answer(a, k);
		return;
	}
	/* Nothing shows in a window too small: no key may act on what is
	 * hidden, but F10 still closes kyodo (after asking). */
	if (draw_window_too_small()) {
		if (k.code && k.ch == (uint32_t)KEY_F(10))
			app_confirm(a, _("Quit kyodo? (y/n)"), do_quit, NULL);
		return;
	}
	a->msg[0] = '\0';
	act = keys_id(keys_lookup(s->actions(st), k));
	if (global_key(a, k, act))
		return;
	res = s->key(a, st, k, act);
	if ((res & RES_POP) && a->depth > 1 && a->pending == PENDING_NONE) {
		pop(a);
		enter_top(a);
	}
}

/* Once a second without a key: the idle lock, then the screen's own
 * clock.  Returns true when the screen must be drawn again. */
static bool
tick(struct app *a)
{
	const struct screen *s = a->stack[a->depth - 1].s;

	if (a->signed_in && now_mono() - a->last_input >= a->idle_seconds) {
		long minutes = a->idle_seconds / 60;
		char who[128];
		bool kept = keep_draft(a);

		snprintf(who, sizeof who, "%s", a->who.name);
		app_lock(a);
		apply_pending(a);
		if (minutes > 0)
			app_message(a, P_("Locked after %ld minute without use.",
			    "Locked after %ld minutes without use.", minutes), minutes);
		else
			app_message(a, "%s", _("Locked after a while without use."));
		if (kept) {
			char line[512];

			snprintf(line, sizeof line, _("%s  The unsaved form is kept for %s: it opens "
			    "again when they sign in."), a->msg, who);
			app_message(a, "%s", line);
		}
		return true;
	}
	return s->tick != NULL && (s->tick(a, a->stack[a->depth - 1].state) & RES_REDRAW);
}

/* The first start of a day copies the store aside (kept 14 days and 12
 * month ends).  A failure is said, not fatal: the kiosk must still open.
 * A read-only store is not copied; the kiosk says once that it is
 * read-only (a save then says so again, and works once it is writable). */
static void
daily_backup(struct app *a, const char *db)
{
	char dir[PATH_MAX];
	struct error err;
	bool made;

	if (a->store == NULL)
		return;		/* a new terminal: nothing to copy yet */
	if (store_opened_readonly(a->store)) {
		app_error(a, "%s", _("The store is read-only: nothing can be saved until it can "
		    "be written again."));
		return;
	}
	backup_dir_for(db, dir, sizeof dir);
	if (!backup_daily(a->store, dir, date_today(), &made, &err))
		app_error(a, _("Today's backup failed: %s"), err.text);
}

/* KYODO_FRAME_LOG=FILE: the benchmark's view of the kiosk: the time from
 * the process's start to its first full frame, the CPU time from each key
 * to its frame, and the peak memory at the end. */
static FILE *frame_log;

/* A new file, like every file kyodo writes (outfile.h); a log that cannot
 * be made is simply not kept. */
static FILE *
open_frame_log(const char *path)
{
	struct error err;
	int fd = outfile_create(path, 0600, &err);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;

	if (fd >= 0 && f == NULL)
		close(fd);
	return f;
}

static double
elapsed_ms(struct timespec from, clockid_t clock)
{
	struct timespec now;

	clock_gettime(clock, &now);
	return (double)(now.tv_sec - from.tv_sec) * 1e3 + (double)(now.tv_nsec - from.tv_nsec) / 1e6;
}

static void
run(struct app *a)
{
	bool dirty = true, first = true;
	struct timespec key_cpu = {0, 0};
	double handle_us = 0;
	bool key_was_code = false;
	wint_t wc, key_was = 0;
	int r, i;

	a->last_input = now_mono();
	while (!a->quit && !term_should_quit()) {
		if (dirty) {
			draw_all(a);
			if (frame_log != NULL && first)
				fprintf(frame_log, "first_frame_ms %.3f\n",
				    elapsed_ms(a->opt->started, CLOCK_MONOTONIC));
			else if (frame_log != NULL && key_cpu.tv_sec + key_cpu.tv_nsec > 0)
				fprintf(frame_log, "key_cpu_us %.1f %s%u %s handled_in %.1f\n",
				    elapsed_ms(key_cpu, CLOCK_PROCESS_CPUTIME_ID) * 1e3,
				    key_was_code ? "k" : "c", (unsigned)key_was,
				    a->depth > 0 ? a->stack[a->depth - 1].s->name : "-", handle_us);
			/* The day's backup waits for the first frame (the first
			 * start of a day copies the whole store), and so does the
			 * switch to frames written in one piece; then the frame is
			 * drawn again, with what the backup said. */
			if (first) {
				first = false;
				daily_backup(a, a->opt->db);
				term_leave_start_mode();
				continue;
			}
		}
		key_cpu = (struct timespec){0, 0};
		dirty = false;
		/* Wake once a second for the idle lock and countdowns. */
		timeout(1000);
		r = get_wch(&wc);
		if (r == ERR) {
			dirty = tick(a);
			continue;
		}
		dirty = true;
		if (r == KEY_CODE_YES && wc == KEY_RESIZE) {
			for (i = 0; i < a->depth; i++)
				if (a->stack[i].s->enter != NULL)
					a->stack[i].s->enter(a, a->stack[i].state);
			continue;
		}
		a->last_input = now_mono();
		if (frame_log != NULL) {
			key_was = wc;
			key_was_code = r == KEY_CODE_YES;
			clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &key_cpu);
		}
		/* A key changes something nearly always (even the message line
		 * clears), so every key is followed by a draw. */
		handle_key(a, (struct key){(uint32_t)wc, r == KEY_CODE_YES});
		apply_pending(a);
		if (frame_log != NULL)
			handle_us = elapsed_ms(key_cpu, CLOCK_PROCESS_CPUTIME_ID) * 1e3;
	}
}

/* A terminal that cannot show Japanese: a locale that is not UTF-8, or the
 * Linux console, which has no CJK font. */
static bool
terminal_lacks_japanese(void)
{
	const char *term = getenv("TERM");

	return !i18n_user_locale_utf8() || (term != NULL && strcmp(term, "linux") == 0);
}


int
app_run(const struct tui_options *o, const struct app_screens *screens)
{
	struct app a;
	struct error err;

	memset(&a, 0, sizeof a);
	a.opt = o;
	a.screens = screens;
	/* No file at all: a new terminal, set up on screen.  Anything else
	 * (a file kyodo cannot read) is said and nothing is touched. */
	if (access(o->db, F_OK) != 0 && errno == ENOENT && screens->setup != NULL) {
		a.store = NULL;
	} else if ((a.store = store_open(o->db, &err)) == NULL) {
		fprintf(stderr, "kyodo: %s\n", err.text);
		return 1;
	} else {
		/* Room for what a day's screens read (8 MB rather than SQLite's
		 * 2), so a screen opened again after the others still finds its
		 * pages. */
		store_cache_kib(a.store, 8192);
	}
	a.english_only = terminal_lacks_japanese();
	app_apply_settings(&a);
	if (!term_start(o->kiosk)) {
		fprintf(stderr, "kyodo: %s\n", _("The kiosk needs a terminal."));
		if (a.store != NULL)
			store_close(a.store);
		return 1;
	}
	if (!app_push(&a, a.store != NULL ? screens->signin : screens->setup, NULL)) {
		term_stop();
		fprintf(stderr, "kyodo: %s\n", a.msg);
		if (a.store != NULL)
			store_close(a.store);
		return 1;
	}
	if (a.english_only)
		app_message(&a, "%s", _("This terminal cannot show Japanese; kyodo runs in "
		    "English with ASCII lines."));
	if (getenv("KYODO_FRAME_LOG") != NULL)
		frame_log = open_frame_log(getenv("KYODO_FRAME_LOG"));
	/* A line at a time: the benchmark waits for the first frame's line. */
	if (frame_log != NULL)
		setvbuf(frame_log, NULL, _IOLBF, 0);
	run(&a);
	pop_all(&a);
	drop_draft(&a);
	term_stop();
	if (a.store != NULL)
		store_close(a.store);
	if (frame_log != NULL) {
		struct rusage ru;

		getrusage(RUSAGE_SELF, &ru);
		fprintf(frame_log, "maxrss_kb %ld\n", ru.ru_maxrss);
		fclose(frame_log);
		frame_log = NULL;
	}
	return 0;
}
