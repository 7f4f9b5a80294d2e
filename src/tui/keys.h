/*
 * keys — actions: what a key does on a screen, with its keys and its label
 * (an N_ msgid translated when drawn).  The function-key bar, the help
 * screen and key dispatch all read a screen's one list of actions, so they
 * never disagree.  A key means the first listed action that has it.
 *
 * The library defines only the actions every kind of screen shares (help,
 * save, the month and the year, moving over a list …).  A screen declares
 * its own actions beside its code, numbered from ACT_SCREEN (screens.h
 * keeps their numbers apart), and lists them with these.
 */
#ifndef KYODO_TUI_KEYS_H
#define KYODO_TUI_KEYS_H

#include <stdbool.h>
#include <stdint.h>

enum action {
	ACT_NONE,
	ACT_HELP,
	ACT_ADD,
	ACT_SAVE,
	ACT_EDIT,
	ACT_DELETE,
	ACT_PREV_MONTH,
	ACT_NEXT_MONTH,
	ACT_THIS_MONTH,
	ACT_SETTINGS,
	ACT_LOCK,
	ACT_QUIT,
	ACT_BACK,
	ACT_CANCEL,
	ACT_OPEN,
	ACT_MOVE,	/* ↑/↓: described for help; screens read the keys */
	ACT_PAGE,	/* PgUp/PgDn, Home/End */
	ACT_NEXT_FIELD,
	ACT_PREV_FIELD,
	ACT_CHOICE,	/* ←/→/Space on a choice field */
	ACT_EDIT_TEXT,	/* typing, Backspace, ←/→ in a text field */
	ACT_FILTER,	/* typing over a list */
	ACT_MENU,	/* number keys */
	ACT_ACCEPT,	/* Enter in a one-line prompt */
	ACT_SCROLL,	/* Up/Down/PgUp/PgDn over a long page: for help */
	ACT_DETAIL,	/* Enter: open what is under the cursor */
	ACT_GRID_MOVE,	/* arrows over a calendar or a grid: for help */
	ACT_PREV_YEAR,	/* F5/Left: the previous fiscal year */
	ACT_NEXT_YEAR,	/* F6/Right: the next fiscal year */
	ACT_THIS_YEAR,	/* F7: this fiscal year */
	ACT_CLEAR_TEXT,	/* Ctrl-U in a text field (lineedit does it) */
	ACT_SCREEN = 64	/* the first number of a screen's own actions */
};

/* A key as get_wch gave it: a character, or a KEY_* code. */
struct key {
	uint32_t ch;
	bool code;
};

#define KEYS_MAX 3
#define ACT_KEY_CODE(c) {(uint32_t)(c), true}
#define ACT_KEY_CHAR(c) {(uint32_t)(c), false}
#define ACT_KEYS_ENTER ACT_KEY_CHAR('\r'), ACT_KEY_CHAR('\n'), ACT_KEY_CODE(KEY_ENTER)
#define ACT_KEYS_NONE {0, false}
#define ACT_CTRL(c) ((c) & 0x1F)

struct action_def {
	int id;			/* an enum action, or a screen's own number */
	const char *keyname;	/* shown in the bar and help: "F2", "Enter" */
	const char *label;	/* N_: short, for the bar */
	const char *help;	/* N_: one sentence, for the help screen */
	/* Keys that trigger it; none for actions the screen reads raw keys
	 * for (typing, arrows), which only help describes.  {0, false} ends
	 * the list early.  Every action with keys shows on the bar. */
	struct key keys[KEYS_MAX];
};

extern const struct action_def act_help, act_add, act_save, act_edit, act_delete,
    act_prev_month, act_next_month, act_this_month, act_settings, act_lock, act_quit,
    act_back, act_cancel, act_open, act_move, act_page, act_next_field, act_prev_field,
    act_choice, act_edit_text, act_filter, act_menu, act_accept, act_scroll, act_detail,
    act_grid_move, act_prev_year, act_next_year, act_this_year, act_clear_text;

/* A screen's actions are a NULL-terminated array of pointers to these.
 * The action in acts that key k triggers, or NULL. */
const struct action_def *keys_lookup(const struct action_def *const *acts, struct key k);
/* Its id, ACT_NONE for NULL. */
int keys_id(const struct action_def *d);
/* Appends more (NULL-terminated) to acts, which holds n and has room for
 * max pointers, and ends it with NULL; returns the new count.  For a
 * screen whose actions depend on what is shown. */
int keys_append(const struct action_def **acts, int n, int max,
    const struct action_def *const *more);
/* What a list or a page ends with: lock, quit, back, move. */
extern const struct action_def *const keys_list_tail[];
/* The function-key bar: every action of acts that has a key to show, as
 * "key label", on as many rows at the window's foot as it takes (never a
 * label cut while a third of the window holds them). */
#define KEYS_BAR_MAX 24
int keys_bar_rows(const struct action_def *const *acts);
void keys_draw_bar(const struct action_def *const *acts);

#endif
