/* keys — see keys.h. */
#include "keys.h"

#include <assert.h>
#include <curses.h>

#include "base/i18n.h"
#include "base/text.h"
#include "draw.h"

const struct action_def act_help = {
	ACT_HELP, "F1", N_("Help"), N_("Show the keys of this screen."), true,
	{ACT_KEY_CODE(KEY_F(1))},
};

const struct action_def act_add = {
	ACT_ADD, "F2", N_("New"), N_("Add a new record."), true,
	{ACT_KEY_CODE(KEY_F(2))},
};

const struct action_def act_save = {
	ACT_SAVE, "F2", N_("Save"), N_("Save (also Ctrl-S)."), true,
	{ACT_KEY_CODE(KEY_F(2)), ACT_KEY_CHAR(ACT_CTRL('S'))},
};

const struct action_def act_edit = {
	ACT_EDIT, "F3", N_("Edit"), N_("Edit the selected record (also Enter)."), true,
	{ACT_KEY_CODE(KEY_F(3)), ACT_KEY_CHAR('\r'), ACT_KEY_CHAR('\n')},
};

const struct action_def act_delete = {
	ACT_DELETE, "F4", N_("Delete"), N_("Delete the selected record, after asking."),
	true, {ACT_KEY_CODE(KEY_F(4)), ACT_KEY_CODE(KEY_DC)},
};

const struct action_def act_prev_month = {
	ACT_PREV_MONTH, "F5", N_("Prev"), N_("Previous month (also Left)."), true,
	{ACT_KEY_CODE(KEY_F(5)), ACT_KEY_CODE(KEY_LEFT)},
};

const struct action_def act_next_month = {
	ACT_NEXT_MONTH, "F6", N_("Next"), N_("Next month (also Right)."), true,
	{ACT_KEY_CODE(KEY_F(6)), ACT_KEY_CODE(KEY_RIGHT)},
};

const struct action_def act_this_month = {
	ACT_THIS_MONTH, "F7", N_("Today"), N_("Back to this month."), false,
	{ACT_KEY_CODE(KEY_F(7))},
};

const struct action_def act_settings = {
	ACT_SETTINGS, "F8", N_("Settings"), N_("Language, lines and the idle lock."),
	true, {ACT_KEY_CODE(KEY_F(8))},
};

const struct action_def act_lock = {
	ACT_LOCK, "F9", N_("Lock"), N_("Sign out and lock the kiosk."), true,
	{ACT_KEY_CODE(KEY_F(9))},
};

const struct action_def act_quit = {
	ACT_QUIT, "F10", N_("Quit"), N_("Close kyodo, after asking."), true,
	{ACT_KEY_CODE(KEY_F(10))},
};

const struct action_def act_back = {
	ACT_BACK, "Esc", N_("Back"), N_("Go back (in a list: clear the filter first)."),
	true, {ACT_KEY_CHAR(27)},
};

const struct action_def act_cancel = {
	ACT_CANCEL, "Esc", N_("Cancel"),
	N_("Close without saving (asks when changed)."), true, {ACT_KEY_CHAR(27)},
};

const struct action_def act_open = {
	ACT_OPEN, "Enter", N_("Open"), N_("Open the chosen menu entry."), false,
	{ACT_KEYS_ENTER},
};

const struct action_def act_move = {
	ACT_MOVE, "Up/Down", N_("Move"), N_("Move up and down."), false,
	{ACT_KEYS_NONE},
};

const struct action_def act_page = {
	ACT_PAGE, "PgUp/PgDn", N_("Page"),
	N_("A screen up or down; Home/End: first/last."), false, {ACT_KEYS_NONE},
};

const struct action_def act_next_field = {
	ACT_NEXT_FIELD, "Enter/Tab", N_("Next field"), N_("Go to the next field."),
	false, {ACT_KEYS_NONE},
};

const struct action_def act_prev_field = {
	ACT_PREV_FIELD, "Shift-Tab", N_("Previous field"),
	N_("Go to the previous field."), false, {ACT_KEYS_NONE},
};

const struct action_def act_choice = {
	ACT_CHOICE, "Left/Right", N_("Choose"),
	N_("On a choice: show the next or previous choice (also Space)."), false,
	{ACT_KEYS_NONE},
};

const struct action_def act_edit_text = {
	ACT_EDIT_TEXT, "Backspace", N_("Edit"),
	N_("In a text field: type (an IME works), Backspace removes a character, "
	"Left/Right/Home/End move."),
	false, {ACT_KEYS_NONE},
};

const struct action_def act_filter = {
	ACT_FILTER, "abc", N_("Filter"),
	N_("Type to show only records containing the text; Backspace removes, Esc clears."),
	false, {ACT_KEYS_NONE},
};

const struct action_def act_menu = {
	ACT_MENU, "0-9 a-z", N_("Menu"),
	N_("Open a menu entry by the key shown beside it: a digit or a letter."), false,
	{ACT_KEYS_NONE},
};

const struct action_def act_accept = {
	ACT_ACCEPT, "Enter", N_("OK"), N_("Accept what was typed."), true,
	{ACT_KEYS_ENTER},
};

const struct action_def act_scroll = {
	ACT_SCROLL, "Up/Down", N_("Scroll"),
	N_("Scroll; PgUp/PgDn: a screen; Home/End: top, bottom."), false,
	{ACT_KEYS_NONE},
};

const struct action_def act_detail = {
	ACT_DETAIL, "Enter", N_("Open"),
	N_("Open what is highlighted (a day, a center)."), true, {ACT_KEYS_ENTER},
};

const struct action_def act_prev_year = {
	ACT_PREV_YEAR, "F5", N_("Prev year"), N_("Previous fiscal year (also Left)."),
	false, {ACT_KEY_CODE(KEY_F(5)), ACT_KEY_CODE(KEY_LEFT)},
};

const struct action_def act_next_year = {
	ACT_NEXT_YEAR, "F6", N_("Next year"), N_("Next fiscal year (also Right)."),
	false, {ACT_KEY_CODE(KEY_F(6)), ACT_KEY_CODE(KEY_RIGHT)},
};

const struct action_def act_this_year = {
	ACT_THIS_YEAR, "F7", N_("This year"), N_("Back to this fiscal year."), false,
	{ACT_KEY_CODE(KEY_F(7))},
};

const struct action_def act_grid_move = {
	ACT_GRID_MOVE, "Arrows", N_("Move"),
	N_("Move the highlight: a day or a week; a room or a slot."), false,
	{ACT_KEYS_NONE},
};

const struct action_def *
keys_lookup(const struct action_def *const *acts, struct key k)
{
	const struct action_def *d;
	int i;

	for (; *acts != NULL; acts++) {
		d = *acts;
		for (i = 0; i < KEYS_MAX && (d->keys[i].ch != 0 || d->keys[i].code); i++)
			if (d->keys[i].ch == k.ch && d->keys[i].code == k.code)
				return d;
	}
	return NULL;
}

int
keys_id(const struct action_def *d)
{
	return d != NULL ? d->id : ACT_NONE;
}

const struct action_def *const keys_list_tail[] = {
	&act_lock, &act_quit, &act_back, &act_move, NULL,
};

int
keys_append(const struct action_def **acts, int n, int max,
    const struct action_def *const *more)
{
	for (; *more != NULL; more++) {
		assert(n < max - 1);
		acts[n++] = *more;
	}
	acts[n] = NULL;
	return n;
}

void
keys_draw_bar(int y, const struct action_def *const *acts)
{
	const struct action_def *d;
	int n = 0, sum = 0, gap, slot, x = 0, i, kw, lw;

	for (i = 0; acts[i] != NULL; i++) {
		if ((d = acts[i])->on_bar) {
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
	for (i = 0; acts[i] != NULL; i++) {
		d = acts[i];
		if (!d->on_bar)
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
