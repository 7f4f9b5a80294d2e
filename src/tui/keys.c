/* keys — see keys.h. */
#include "keys.h"

#include <curses.h>

#include "core/i18n.h"
#include "core/text.h"
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
