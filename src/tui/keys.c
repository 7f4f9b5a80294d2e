/* keys — see keys.h. */
#include "keys.h"

#include <assert.h>
#include <curses.h>

#include "base/i18n.h"
#include "base/text.h"
#include "draw.h"

const struct action_def act_help = {
	ACT_HELP, "F1", N_("Help"), N_("Show the keys of this screen."), {ACT_KEY_CODE(KEY_F(1))},
};

const struct action_def act_add = {
	ACT_ADD, "F2", N_("New"), N_("Add a new record."), {ACT_KEY_CODE(KEY_F(2))},
};

const struct action_def act_save = {
	ACT_SAVE, "F2", N_("Save"), N_("Save (also Ctrl-S)."), {ACT_KEY_CODE(KEY_F(2)), ACT_KEY_CHAR(ACT_CTRL('S'))},
};

const struct action_def act_edit = {
	ACT_EDIT, "F3", N_("Edit"), N_("Edit the selected record (also Enter)."), {ACT_KEY_CODE(KEY_F(3)), ACT_KEY_CHAR('\r'), ACT_KEY_CHAR('\n')},
};

const struct action_def act_delete = {
	ACT_DELETE, "F4", N_("Delete"), N_("Delete the selected record, after asking."),
	{ACT_KEY_CODE(KEY_F(4)), ACT_KEY_CODE(KEY_DC)},
};

const struct action_def act_prev_month = {
	ACT_PREV_MONTH, "F5", N_("Prev"), N_("Previous month (also Left)."), {ACT_KEY_CODE(KEY_F(5)), ACT_KEY_CODE(KEY_LEFT)},
};

const struct action_def act_next_month = {
	ACT_NEXT_MONTH, "F6", N_("Next"), N_("Next month (also Right)."), {ACT_KEY_CODE(KEY_F(6)), ACT_KEY_CODE(KEY_RIGHT)},
};

const struct action_def act_this_month = {
	ACT_THIS_MONTH, "F7", N_("Today"), N_("Back to this month."), {ACT_KEY_CODE(KEY_F(7))},
};

const struct action_def act_settings = {
	ACT_SETTINGS, "F8", N_("Settings"), N_("Language, lines and the idle lock."),
	{ACT_KEY_CODE(KEY_F(8))},
};

const struct action_def act_lock = {
	ACT_LOCK, "F9", N_("Lock"), N_("Sign out and lock the kiosk."), {ACT_KEY_CODE(KEY_F(9))},
};

const struct action_def act_quit = {
	ACT_QUIT, "F10", N_("Quit"), N_("Close kyodo, after asking."), {ACT_KEY_CODE(KEY_F(10))},
};

const struct action_def act_back = {
	ACT_BACK, "Esc", N_("Back"), N_("Go back (in a list: clear the filter first)."),
	{ACT_KEY_CHAR(27)},
};

const struct action_def act_cancel = {
	ACT_CANCEL, "Esc", N_("Cancel"),
	N_("Close without saving (asks when changed)."), {ACT_KEY_CHAR(27)},
};

const struct action_def act_open = {
	ACT_OPEN, "Enter", N_("Open"), N_("Open the chosen menu entry."), {ACT_KEYS_ENTER},
};

const struct action_def act_move = {
	ACT_MOVE, "Up/Down", N_("Move"), N_("Move up and down."), {ACT_KEYS_NONE},
};

const struct action_def act_page = {
	ACT_PAGE, "PgUp/PgDn", N_("Page"),
	N_("A screen up or down; Home/End: first/last."), {ACT_KEYS_NONE},
};

const struct action_def act_next_field = {
	ACT_NEXT_FIELD, "Enter/Tab", N_("Next field"), N_("Go to the next field."),
	{ACT_KEYS_NONE},
};

const struct action_def act_prev_field = {
	ACT_PREV_FIELD, "Shift-Tab", N_("Previous field"),
	N_("Go to the previous field."), {ACT_KEYS_NONE},
};

const struct action_def act_choice = {
	ACT_CHOICE, "Left/Right", N_("Choose"),
	N_("On a choice: show the next or previous choice (also Space)."), {ACT_KEYS_NONE},
};

const struct action_def act_edit_text = {
	ACT_EDIT_TEXT, "Backspace", N_("Edit"),
	N_("In a text field: type (an IME works), Backspace removes a character, "
	"Left/Right/Home/End move."),
	{ACT_KEYS_NONE},
};

const struct action_def act_filter = {
	ACT_FILTER, "abc", N_("Filter"),
	N_("Type to show only records containing the text; Backspace removes, Esc clears."),
	{ACT_KEYS_NONE},
};

const struct action_def act_menu = {
	ACT_MENU, "0-9 a-z", N_("Menu"),
	N_("Open a menu entry by the key shown beside it: a digit or a letter."), {ACT_KEYS_NONE},
};

const struct action_def act_accept = {
	ACT_ACCEPT, "Enter", N_("OK"), N_("Accept what was typed."), {ACT_KEYS_ENTER},
};

const struct action_def act_scroll = {
	ACT_SCROLL, "Up/Down", N_("Scroll"),
	N_("Scroll; PgUp/PgDn: a screen; Home/End: top, bottom."), {ACT_KEYS_NONE},
};

const struct action_def act_detail = {
	ACT_DETAIL, "Enter", N_("Open"),
	N_("Open what is highlighted (a day, a center)."), {ACT_KEYS_ENTER},
};

const struct action_def act_prev_year = {
	ACT_PREV_YEAR, "F5", N_("Prev year"), N_("Previous fiscal year (also Left)."),
	{ACT_KEY_CODE(KEY_F(5)), ACT_KEY_CODE(KEY_LEFT)},
};

const struct action_def act_next_year = {
	ACT_NEXT_YEAR, "F6", N_("Next year"), N_("Next fiscal year (also Right)."),
	{ACT_KEY_CODE(KEY_F(6)), ACT_KEY_CODE(KEY_RIGHT)},
};

const struct action_def act_this_year = {
	ACT_THIS_YEAR, "F7", N_("This year"), N_("Back to this fiscal year."), {ACT_KEY_CODE(KEY_F(7))},
};

const struct action_def act_clear_text = {
	ACT_CLEAR_TEXT, "Ctrl-U", N_("Clear"),
	N_("In a text field: clear what is before the cursor (Ctrl-K: what is after it)."),
	{ACT_KEY_CHAR(ACT_CTRL('U'))},
};

const struct action_def act_grid_move = {
	ACT_GRID_MOVE, "Arrows", N_("Move"),
	N_("Move the highlight: a day or a week; a room or a slot."), {ACT_KEYS_NONE},
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

static bool
keys_has_keys(const struct action_def *d)
{
	return d->keys[0].ch != 0 || d->keys[0].code;
}

/* The bar's layout at the window's width: the actions shown, in rows of
 * cols columns, each column as wide as its widest entry ("F1 Help").  The
 * fewest rows where every label fits whole, up to a third of the window;
 * on a window too narrow even then, the labels are cut.  Two blanks part
 * the columns, one where two would take another row. */
struct bar_layout {
	const struct action_def *shown[KEYS_BAR_MAX];
	int n, rows, cols, gap;
	int width[KEYS_BAR_MAX];	/* per column */
	bool fits;
};

static int
entry_width(const struct action_def *d)
{
	return text_width(d->keyname) + 1 + text_width(_(d->label));
}

/* The columns' widths for l->rows rows; returns the sum of the widths. */
static int
column_widths(struct bar_layout *l)
{
	int sum = 0, i, c;

	l->cols = l->n == 0 ? 0 : (l->n + l->rows - 1) / l->rows;
	for (c = 0; c < l->cols; c++) {
		l->width[c] = 0;
		for (i = c; i < l->n; i += l->cols)
			if (entry_width(l->shown[i]) > l->width[c])
				l->width[c] = entry_width(l->shown[i]);
		sum += l->width[c];
	}
	return sum;
}

static void
bar_layout(const struct action_def *const *acts, struct bar_layout *l)
{
	int most = LINES / 3, sum = 0, i, c;

	l->n = 0;
	for (i = 0; acts[i] != NULL; i++)
		if (keys_has_keys(acts[i]) && l->n < KEYS_BAR_MAX)
			l->shown[l->n++] = acts[i];
	if (most < 1)
		most = 1;
	for (l->rows = 1;; l->rows++) {
		sum = column_widths(l);
		for (l->gap = 2; l->gap >= 1; l->gap--)
			if ((l->fits = sum + l->gap * (l->cols > 0 ? l->cols - 1 : 0) <= COLS))
				break;
		if (l->fits || l->rows >= most || l->rows >= l->n)
			break;
	}
	if (l->fits && l->cols > 0) {
		/* What is left over spreads evenly, so the bar spans the row. */
		sum += l->gap * (l->cols - 1);
		for (c = 0; c < l->cols; c++)
			l->width[c] += (COLS - sum) / l->cols;
	} else {
		l->gap = 1;
		for (c = 0; c < l->cols; c++)
			l->width[c] = COLS / l->cols - 1;
	}
}

int
keys_bar_rows(const struct action_def *const *acts)
{
	struct bar_layout l;

	bar_layout(acts, &l);
	return l.rows;
}

void
keys_draw_bar(const struct action_def *const *acts)
{
	struct bar_layout l;
	int i, y, x = 0, w, kw;

	bar_layout(acts, &l);
	for (y = LINES - l.rows; y < LINES; y++)
		draw_fill(y, 0, COLS, ATTR_NORMAL);
	for (i = 0; i < l.n; i++) {
		if (i % l.cols == 0)
			x = 0;
		y = LINES - l.rows + i / l.cols;
		w = l.width[i % l.cols];
		kw = draw_text(y, x, w, l.shown[i]->keyname, ATTR_BAR_KEY);
		if (kw + 1 < w)
			draw_pad(y, x + kw + 1, w - kw - 1, _(l.shown[i]->label), false,
			    ATTR_BAR_LABEL);
		x += w + l.gap;
	}
}
