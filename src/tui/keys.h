/*
 * keys — the action table: every action a screen offers, with its keys and
 * its label (an N_ msgid translated when drawn).  The function-key bar, the
 * help screen and key dispatch all read this one table, so they never
 * disagree.  A screen lists the actions it offers; a key means the first
 * listed action that has it.
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
	ACT_SIGN_IN,
	ACT_OPEN,
	ACT_MOVE,	/* ↑/↓: described for help; screens read the keys */
	ACT_PAGE,	/* PgUp/PgDn, Home/End */
	ACT_NEXT_FIELD,
	ACT_PREV_FIELD,
	ACT_CHOICE,	/* ←/→/Space on a choice field */
	ACT_EDIT_TEXT,	/* typing, Backspace, ←/→ in a text field */
	ACT_FILTER,	/* typing over a list */
	ACT_MENU,	/* number keys */
	ACT_PIN,	/* typing the PIN */
	ACT_COUNT
};

/* A key as get_wch gave it: a character, or a KEY_* code. */
struct key {
	uint32_t ch;
	bool code;
};

#define KEYS_MAX 3

struct action_def {
	enum action id;
	const char *keyname;	/* shown in the bar and help: "F2", "Enter" */
	const char *label;	/* N_: short, for the bar */
	const char *help;	/* N_: one sentence, for the help screen */
	bool on_bar;		/* has a function key to show */
	/* Keys that trigger it; none for actions the screen reads raw keys
	 * for (typing, arrows).  {0, false} ends the list early. */
	struct key keys[KEYS_MAX];
};

const struct action_def *keys_action(enum action id);
/* The action among acts (ending with ACT_NONE) that key k triggers. */
enum action keys_lookup(const enum action *acts, struct key k);
/* Draws the function-key bar for acts on row y across the window. */
void keys_draw_bar(int y, const enum action *acts);

#endif
