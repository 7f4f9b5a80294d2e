/*
 * app — the kiosk's one loop and its screen stack.  Each screen exports one
 * `const struct screen` of function pointers (as tmux's window modes do) and
 * keeps its own state.  Key handlers change state and return a result
 * bitmask; only the loop draws, so a screen is drawn whole each time,
 * from its state.
 */
#ifndef KYODO_TUI_APP_H
#define KYODO_TUI_APP_H

#include <stdbool.h>

#include "base/actor.h"
#include "base/error.h"
#include "store/store.h"
#include "keys.h"

/* What a key handler did. */
#define RES_HANDLED 0x01	/* the key meant something here */
#define RES_REDRAW 0x02		/* state changed: draw again */
#define RES_POP 0x04		/* close this screen */

struct app;

/* Work a screen had not saved when the kiosk locked itself: the screen to
 * open again and what to open it with, given back to the same person
 * after they sign in again. */
struct app_draft {
	const struct screen *screen;
	void *arg;			/* owned; freed with free_arg */
	void (*free_arg)(void *arg);
};

struct screen {
	const char *name;
	/* Makes the screen's state from arg (copied as needed; arg need not
	 * outlive the call).  Returns NULL when it could not (app_error()
	 * says why). */
	void *(*init)(struct app *a, const void *arg);
	void (*free)(void *state);
	/* Called when the screen is on top again after the one above it
	 * closed, and after a resize: reload what it shows.  May be NULL. */
	void (*enter)(struct app *a, void *state);
	/* One key; act is the action the key means among actions(), or
	 * ACT_NONE (an enum action or the screen's own number).  Returns
	 * RES_* bits. */
	int (*key)(struct app *a, void *state, struct key k, int act);
	/* Draws rows 0 … draw_lines()-3; the app draws the message line
	 * (draw_lines()-2) over it when it has something to say, and the key
	 * bar from draw_lines()-1 to the foot. */
	void (*draw)(struct app *a, void *state);
	/* Once a second while the screen is on top; may be NULL. */
	int (*tick)(struct app *a, void *state);
	/* The actions offered now, ending with NULL. */
	const struct action_def *const *(*actions)(void *state);
	/* When it holds unsaved work: fills d and returns true, so an idle
	 * lock does not throw the work away.  May be NULL. */
	bool (*keep)(void *state, struct app_draft *d);
};

/* The store and the signed-in staff member (NULL at the sign-in screen).
 * The store is NULL only on the setup screen of a new terminal. */
struct store *app_store(struct app *a);
/* The store's file (--db), made or not. */
const char *app_store_path(struct app *a);
/* The store the setup screen made: the kiosk goes on with it, at the
 * first start's sign-in. */
void app_take_store(struct app *a, struct store *s);
const struct actor *app_actor(struct app *a);
/* Signs who in: the stack is replaced by the home screen. */
void app_sign_in(struct app *a, const struct actor *who);
/* Signs out: back to the sign-in screen, everything unsaved dropped. */
void app_lock(struct app *a);
/* Closes the top screen after the current key (from a confirmation). */
void app_close(struct app *a);
/* Opens a screen on top.  False (with app_error) when it could not. */
bool app_push(struct app *a, const struct screen *s, const void *arg);
/* The actions of the screen under the top one (for help). */
const struct action_def *const *app_below_actions(struct app *a);
/* A line on the message row until the next key. */
void app_message(struct app *a, const char *fmt, ...) KYODO_PRINTFLIKE(2, 3);
void app_error(struct app *a, const char *fmt, ...) KYODO_PRINTFLIKE(2, 3);
/* Asks question on the message row; y calls yes(a, ctx), n or Esc nothing. */
void app_confirm(struct app *a, const char *question,
    void (*yes)(struct app *a, void *ctx), void *ctx);
/* Draws the whole screen now, before a long piece of work (a progress
 * line), instead of after the key. */
void app_draw_now(struct app *a);
/* Puts the terminal cursor at (y, x) after drawing (a field being edited). */
void app_cursor(struct app *a, int y, int x);
/* Applies the store's settings (language unless given on the command line,
 * ASCII lines, idle minutes) after they changed. */
void app_apply_settings(struct app *a);
/* The title bar on row 0: title at the left, who is signed in at the right. */
void app_draw_title(struct app *a, const char *title);
bool app_kiosk(struct app *a);

/* The screens the app itself opens. */
struct app_screens {
	const struct screen *signin, *home, *help, *settings;
	const struct screen *setup;	/* a new terminal's, when --db names no file */
};

struct tui_options;
/* Opens the store (or, when no file is there, starts at the setup screen),
 * runs the kiosk until it quits, restores the terminal.  Returns the exit
 * status (1 with a sentence on stderr when the store cannot be opened). */
int app_run(const struct tui_options *o, const struct app_screens *screens);

#endif
