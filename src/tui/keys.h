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
	ACT_EXPORT,	/* sync: write the file to the stick */
	ACT_IMPORT,	/* sync: take the chosen file */
	ACT_IMPORT_ALL,	/* sync at city hall: take every file addressed here */
	ACT_ACCEPT_MACHINE,	/* sync: a moved store, accepted by an administrator */
	ACT_CHOOSE,	/* Enter: use the chosen folder or center */
	ACT_REPORT,	/* Enter on a center: its monthly report */
	/* Bookings, rooms and reports. */
	ACT_DETAIL,	/* Enter: open the day, the center … under the cursor */
	ACT_CAL_MOVE,	/* arrows over a calendar or a grid: described for help */
	ACT_CAL_PREV,	/* F5/PgUp: the previous month (calendar) */
	ACT_CAL_NEXT,	/* F6/PgDn: the next month (calendar) */
	ACT_PREV_DAY,	/* F5/PgUp in the day grid */
	ACT_NEXT_DAY,	/* F6/PgDn in the day grid */
	ACT_BOOK,	/* n: book the highlighted slot */
	ACT_CHECK_IN,	/* i: check a booking in */
	ACT_CANCEL_BOOKING,	/* x: cancel a booking */
	ACT_NEXT_IN_CELL,	/* Tab: the next booking in a shared slot */
	ACT_OPEN_BOOKING,	/* Enter/F3 in the day grid */
	ACT_ACCEPT,	/* Enter in a one-line prompt */
	ACT_FISCAL_YEAR,	/* y: the fiscal-year view of the report */
	ACT_SCROLL,	/* Up/Down/PgUp/PgDn over a long page: for help */
	/* The body, the plan and grants. */
	ACT_PREV_YEAR,	/* F5/Left: the previous fiscal year */
	ACT_NEXT_YEAR,	/* F6/Right: the next fiscal year */
	ACT_THIS_YEAR,	/* F7: this fiscal year */
	ACT_NEW_MEMBER,	/* F2 on the body: a member organisation */
	ACT_NEXT_STAGE,	/* F6 on the body: move on a stage */
	ACT_NEW_PROJECT,	/* F2 on the plan */
	ACT_NEW_ISSUE,	/* i on the plan */
	ACT_GRANT_OPEN,	/* Enter: an application and its expenses */
	ACT_NEW_EXPENSE,	/* e: an expense of the selected application */
	ACT_GRANT_APPLY,	/* a: draft → applied */
	ACT_GRANT_REPORT,	/* r: decided → results reported */
	ACT_GRANT_WITHDRAW,	/* w: withdraw */
	ACT_GRANT_DECIDE,	/* d: city hall decides */
	ACT_GRANT_ADVANCE,	/* v: city hall pays an advance */
	ACT_GRANT_SETTLE,	/* s: city hall settles the final amount */
	ACT_GRANT_PAY,	/* p: city hall pays */
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
