/* keys — see keys.h. */
#include "keys.h"

#include <curses.h>

#include "base/i18n.h"
#include "base/text.h"
#include "draw.h"

#define K(c) {(uint32_t)(c), true}
#define C(c) {(uint32_t)(c), false}
#define CTRL(c) ((c) & 0x1F)

static const struct action_def actions[] = {
	{ACT_HELP, "F1", N_("Help"), N_("Show the keys of this screen."), true,
	    {K(KEY_F(1))}},
	{ACT_ADD, "F2", N_("New"), N_("Add a new record."), true, {K(KEY_F(2))}},
	{ACT_SAVE, "F2", N_("Save"), N_("Save (also Ctrl-S)."), true,
	    {K(KEY_F(2)), C(CTRL('S'))}},
	{ACT_EDIT, "F3", N_("Edit"), N_("Edit the selected record (also Enter)."), true,
	    {K(KEY_F(3)), C('\r'), C('\n')}},
	{ACT_DELETE, "F4", N_("Delete"), N_("Delete the selected record, after asking."),
	    true, {K(KEY_F(4)), K(KEY_DC)}},
	{ACT_PREV_MONTH, "F5", N_("Prev"), N_("Previous month (also Left)."), true,
	    {K(KEY_F(5)), K(KEY_LEFT)}},
	{ACT_NEXT_MONTH, "F6", N_("Next"), N_("Next month (also Right)."), true,
	    {K(KEY_F(6)), K(KEY_RIGHT)}},
	{ACT_THIS_MONTH, "F7", N_("Today"), N_("Back to this month."), false,
	    {K(KEY_F(7))}},
	{ACT_SETTINGS, "F8", N_("Settings"), N_("Language, lines and the idle lock."), true,
	    {K(KEY_F(8))}},
	{ACT_LOCK, "F9", N_("Lock"), N_("Sign out and lock the kiosk."), true,
	    {K(KEY_F(9))}},
	{ACT_QUIT, "F10", N_("Quit"), N_("Close kyodo, after asking."), true,
	    {K(KEY_F(10))}},
	{ACT_BACK, "Esc", N_("Back"), N_("Go back (in a list: clear the filter first)."),
	    true, {C(27)}},
	{ACT_CANCEL, "Esc", N_("Cancel"), N_("Close without saving (asks when changed)."),
	    true, {C(27)}},
	{ACT_SIGN_IN, "Enter", N_("Sign in"), N_("Sign in with the chosen name and PIN."),
	    false, {C('\r'), C('\n'), K(KEY_ENTER)}},
	{ACT_OPEN, "Enter", N_("Open"), N_("Open the chosen menu entry."), false,
	    {C('\r'), C('\n'), K(KEY_ENTER)}},
	{ACT_MOVE, "Up/Down", N_("Move"), N_("Move up and down."), false,
	    {{0, false}}},
	{ACT_PAGE, "PgUp/PgDn", N_("Page"), N_("A screen up or down; Home/End: first/last."),
	    false, {{0, false}}},
	{ACT_NEXT_FIELD, "Enter/Tab", N_("Next field"), N_("Go to the next field."), false,
	    {{0, false}}},
	{ACT_PREV_FIELD, "Shift-Tab", N_("Previous field"), N_("Go to the previous field."),
	    false, {{0, false}}},
	{ACT_CHOICE, "Left/Right", N_("Choose"),
	    N_("On a choice: show the next or previous choice (also Space)."), false,
	    {{0, false}}},
	{ACT_EDIT_TEXT, "Backspace", N_("Edit"),
	    N_("In a text field: type (an IME works), Backspace removes a character, "
	    "Left/Right/Home/End move."), false, {{0, false}}},
	{ACT_FILTER, "abc", N_("Filter"),
	    N_("Type to show only records containing the text; Backspace removes, Esc clears."),
	    false, {{0, false}}},
	{ACT_MENU, "1-9", N_("Menu"), N_("Open a menu entry by its number."), false,
	    {{0, false}}},
	{ACT_PIN, "0-9", N_("PIN"), N_("Type your PIN; it is not shown."), false,
	    {{0, false}}},
	{ACT_EXPORT, "F2", N_("Export"),
	    N_("Write the file for the other side to the chosen stick."), true, {K(KEY_F(2))}},
	{ACT_IMPORT, "Enter", N_("Import"), N_("Check the chosen file and apply it."), true,
	    {C('\r'), C('\n'), K(KEY_ENTER)}},
	{ACT_IMPORT_ALL, "F3", N_("Import all"),
	    N_("Check and apply every file here addressed to this store."), true, {K(KEY_F(3))}},
	{ACT_ACCEPT_MACHINE, "F7", N_("Accept machine"),
	    N_("Administrator: accept this machine after a move (asks)."), true, {K(KEY_F(7))}},
	{ACT_CHOOSE, "Enter", N_("Choose"), N_("Use the chosen folder or center."), true,
	    {C('\r'), C('\n'), K(KEY_ENTER)}},
	{ACT_REPORT, "Enter", N_("Report"), N_("Show the chosen center's monthly report."), true,
	    {C('\r'), C('\n'), K(KEY_ENTER)}},
	{ACT_DETAIL, "Enter", N_("Open"), N_("Open what is highlighted (a day, a center)."),
	    true, {C('\r'), C('\n'), K(KEY_ENTER)}},
	{ACT_CAL_MOVE, "Arrows", N_("Move"),
	    N_("Move the highlight: a day or a week; a room or a slot."),
	    false, {{0, false}}},
	{ACT_CAL_PREV, "F5", N_("Prev"), N_("Previous month (also PgUp)."), true,
	    {K(KEY_F(5)), K(KEY_PPAGE)}},
	{ACT_CAL_NEXT, "F6", N_("Next"), N_("Next month (also PgDn)."), true,
	    {K(KEY_F(6)), K(KEY_NPAGE)}},
	{ACT_PREV_DAY, "F5", N_("Prev day"), N_("Previous day (also PgUp)."), true,
	    {K(KEY_F(5)), K(KEY_PPAGE)}},
	{ACT_NEXT_DAY, "F6", N_("Next day"), N_("Next day (also PgDn)."), true,
	    {K(KEY_F(6)), K(KEY_NPAGE)}},
	{ACT_BOOK, "n", N_("Book"),
	    N_("Book the highlighted room and time slot (also F2)."),
	    true, {C('n'), K(KEY_F(2))}},
	{ACT_CHECK_IN, "i", N_("Check in"),
	    N_("Check the booking in: how many came; records the use."), true, {C('i')}},
	{ACT_CANCEL_BOOKING, "x", N_("Cancel"),
	    N_("Cancel the booking, after asking (or later dates too)."), true,
	    {C('x')}},
	{ACT_NEXT_IN_CELL, "Tab", N_("Next booking"),
	    N_("A slot with more than one booking: the next of them."), false,
	    {C('\t')}},
	{ACT_OPEN_BOOKING, "Enter", N_("Open"),
	    N_("Open the booking to change it (also F3); free: book."),
	    false, {C('\r'), C('\n'), K(KEY_F(3))}},
	{ACT_ACCEPT, "Enter", N_("OK"), N_("Accept what was typed."), true,
	    {C('\r'), C('\n'), K(KEY_ENTER)}},
	{ACT_FISCAL_YEAR, "y", N_("Year"),
	    N_("The month or the fiscal year (April to March)."), true,
	    {C('y')}},
	{ACT_SCROLL, "Up/Down", N_("Scroll"),
	    N_("Scroll; PgUp/PgDn: a screen; Home/End: top, bottom."),
	    false, {{0, false}}},
	{ACT_PREV_YEAR, "F5", N_("Prev year"), N_("Previous fiscal year (also Left)."), false,
	    {K(KEY_F(5)), K(KEY_LEFT)}},
	{ACT_NEXT_YEAR, "F6", N_("Next year"), N_("Next fiscal year (also Right)."), false,
	    {K(KEY_F(6)), K(KEY_RIGHT)}},
	{ACT_THIS_YEAR, "F7", N_("This year"), N_("Back to this fiscal year."), false,
	    {K(KEY_F(7))}},
	{ACT_NEW_MEMBER, "F2", N_("New member"), N_("Add a member organisation of the body."),
	    true, {K(KEY_F(2))}},
	{ACT_NEXT_STAGE, "F6", N_("Next stage"),
	    N_("Move the body on to its next stage, after asking; with milestones missing, "
	    "give the reason."), true, {K(KEY_F(6))}},
	{ACT_NEW_PROJECT, "F2", N_("New project"), N_("Add a project to the plan."), true,
	    {K(KEY_F(2))}},
	{ACT_NEW_ISSUE, "i", N_("New issue"), N_("Add an issue to the plan."), true, {C('i')}},
	{ACT_GRANT_OPEN, "Enter", N_("Expenses"),
	    N_("Open the selected application with its expenses."), false,
	    {C('\r'), C('\n'), K(KEY_ENTER)}},
	{ACT_NEW_EXPENSE, "e", N_("Expense"), N_("Add an expense to the selected application."),
	    true, {C('e')}},
	{ACT_GRANT_APPLY, "a", N_("Apply"), N_("Apply for the selected draft, after asking."),
	    true, {C('a')}},
	{ACT_GRANT_REPORT, "r", N_("Report results"),
	    N_("Report the results of the selected grant, after asking."), true, {C('r')}},
	{ACT_GRANT_WITHDRAW, "w", N_("Withdraw"),
	    N_("Withdraw the selected application, after asking."), true, {C('w')}},
	{ACT_GRANT_DECIDE, "d", N_("Decide"),
	    N_("City hall: decide the grant (amount, date, conditions)."), true, {C('d')}},
	{ACT_GRANT_ADVANCE, "v", N_("Advance"), N_("City hall: record an advance payment."),
	    true, {C('v')}},
	{ACT_GRANT_SETTLE, "s", N_("Settle"),
	    N_("City hall: settle the final amount after the results report."), true, {C('s')}},
	{ACT_GRANT_PAY, "p", N_("Pay"), N_("City hall: record the payment."), true, {C('p')}},
};

const struct action_def *
keys_action(enum action id)
{
	size_t i;

	for (i = 0; i < sizeof actions / sizeof actions[0]; i++)
		if (actions[i].id == id)
			return &actions[i];
	return NULL;
}

enum action
keys_lookup(const enum action *acts, struct key k)
{
	const struct action_def *d;
	int i;

	for (; *acts != ACT_NONE; acts++) {
		d = keys_action(*acts);
		if (d == NULL)
			continue;
		for (i = 0; i < KEYS_MAX && (d->keys[i].ch != 0 || d->keys[i].code); i++)
			if (d->keys[i].ch == k.ch && d->keys[i].code == k.code)
				return *acts;
	}
	return ACT_NONE;
}

void
keys_draw_bar(int y, const enum action *acts)
{
	const struct action_def *d;
	int n = 0, sum = 0, gap, slot, x = 0, i, kw, lw;

	for (i = 0; acts[i] != ACT_NONE; i++) {
		if ((d = keys_action(acts[i])) != NULL && d->on_bar) {
			n++;
			sum += text_width(d->keyname) + text_width(_(d->label));
		}
	}
	draw_fill(y, 0, COLS, ATTR_NORMAL);
	if (n == 0)
		return;
	/* Natural widths spread over the row when they fit; else equal slots
	 * with the labels cut. */
	gap = sum + n <= COLS ? (COLS - sum) / n : -1;
	slot = COLS / n;
	for (i = 0; acts[i] != ACT_NONE; i++) {
		d = keys_action(acts[i]);
		if (d == NULL || !d->on_bar)
			continue;
		kw = draw_text(y, x, COLS, d->keyname, ATTR_BAR_KEY);
		if (gap >= 0) {
			lw = text_width(_(d->label)) + gap - 1;
			draw_pad(y, x + kw, lw, _(d->label), false, ATTR_BAR_LABEL);
			x += kw + lw + 1;
		} else {
			draw_pad(y, x + kw, slot - kw - 1, _(d->label), false, ATTR_BAR_LABEL);
			x += slot;
		}
	}
}
