/* form — see form.h. */
#include "form.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/i18n.h"
#include "base/text.h"
#include "draw.h"
#include "fmt.h"

static bool
is_choice(const struct form *f, int i)
{
	return f->kind->fields[i].type == FIELD_CHOICE;
}

static int
choice_count(const struct field *fd)
{
	int n = 0;

	while (fd->choices[n].code != NULL)
		n++;
	return n;
}

void
form_init(struct form *f, const struct kind *k, const struct record *r)
{
	int i;

	memset(f, 0, sizeof *f);
	f->kind = k;
	f->complete = -1;
	for (i = 0; i < k->nfields; i++) {
		const struct field *fd = &k->fields[i];

		lineedit_init(&f->edit[i], NULL,
		    fd->type == FIELD_TEXT || fd->type == FIELD_NOTE || fd->type == FIELD_REF ?
		    (size_t)fd->max : 64);
		f->choice[i] = is_choice(f, i) && fd->required ? 0 : -1;
		if (r != NULL)
			form_set(f, i, r->value[i]);
	}
}

void
form_free(struct form *f)
{
	int i, j;

	for (i = 0; i < RECORD_MAX_FIELDS; i++) {
		lineedit_free(&f->edit[i]);
		free(f->field_err[i]);
		f->field_err[i] = NULL;
		for (j = 0; j < f->ref_count[i]; j++) {
			free(f->ref_names[i][j]);
			free(f->ref_labels[i][j]);
		}
		free(f->ref_names[i]);
		free(f->ref_labels[i]);
		f->ref_names[i] = NULL;
		f->ref_labels[i] = NULL;
		f->ref_count[i] = 0;
	}
	free(f->match);
	f->match = NULL;
	f->nmatch = 0;
	f->pick_open = false;
}

static void set_field_err(struct form *f, int i, const char *text);

struct names {
	char ***names, ***labels;
	int *count, cap;
	const char *origin;
};

static bool
keep_name(void *ctx, const struct record *r)
{
	struct names *n = ctx;
	int active = kind_field(r->kind, "active");
	const char *name = r->value[kind_title(r->kind)];
	int label = kind_field(r->kind, "name");

	/* The store's own records or the city's reference data; a room out of
	 * use is not offered. */
	if (name == NULL || (strcmp(r->origin, n->origin) != 0 && strcmp(r->origin, "city") != 0) ||
	    (active >= 0 && r->value[active] != NULL && strcmp(r->value[active], "no") == 0))
		return true;
	if (*n->count == n->cap) {
		n->cap = n->cap ? n->cap * 2 : 16;
		*n->names = xreallocarray(*n->names, (size_t)n->cap, sizeof **n->names);
		*n->labels = xreallocarray(*n->labels, (size_t)n->cap, sizeof **n->labels);
	}
	(*n->labels)[*n->count] = label >= 0 && label != kind_title(r->kind) &&
	    r->value[label] != NULL ? xstrdup(r->value[label]) : NULL;
	(*n->names)[(*n->count)++] = xstrdup(name);
	return true;
}

void
form_load_refs(struct form *f, struct store *s)
{
	struct record_query q = {0};
	int i;

	for (i = 0; i < f->kind->nfields; i++) {
		const struct field *fd = &f->kind->fields[i];
		struct names n = { &f->ref_names[i], &f->ref_labels[i], &f->ref_count[i], 0,
		    store_origin(s) };

		if (fd->type != FIELD_REF || f->ref_names[i] != NULL)
			continue;
		q.limit = 500;
		record_list(s, kind_find(fd->ref), &q, keep_name, &n, NULL);
	}
}

/* Where the field's text stands in its pick-list: an index, -1 when the
 * field is empty, -2 when it holds something typed that is not listed. */
static int
ref_index(const struct form *f, int i)
{
	const char *t = lineedit_text(&f->edit[i]);
	int j;

	if (*t == '\0')
		return -1;
	for (j = 0; j < f->ref_count[i]; j++)
		if (strcmp(f->ref_names[i][j], t) == 0)
			return j;
	return -2;
}

static int
pick(struct form *f, int dir)
{
	int i = f->cur, n = f->ref_count[i], c = ref_index(f, i) + dir;
	const struct field *fd = &f->kind->fields[i];
	int lo = fd->required ? 0 : -1;

	if (c < lo)
		c = n - 1;
	if (c >= n)
		c = lo;
	lineedit_set(&f->edit[i], c >= 0 ? f->ref_names[i][c] : NULL);
	f->changed = true;
	set_field_err(f, i, NULL);
	return RES_HANDLED | RES_REDRAW;
}

void
form_complete_from(struct form *f, int i, const struct group_names *names)
{
	f->complete = i;
	f->names = names;
	free(f->match);
	f->match = names->n > 0 ? xreallocarray(NULL, (size_t)names->n, sizeof *f->match) : NULL;
	f->nmatch = 0;
	f->pick = -1;
	f->pick_open = false;
}

/* The names that begin with what the field holds; the list opens when
 * there are some and something is typed. */
static void
refilter(struct form *f)
{
	const char *t = lineedit_text(&f->edit[f->complete]);
	int j;

	f->nmatch = 0;
	f->pick = -1;
	for (j = 0; *t != '\0' && j < f->names->n; j++)
		if (group_match(f->names->v[j].name, f->names->v[j].reading, t))
			f->match[f->nmatch++] = j;
	/* Only the name typed whole: nothing left to pick. */
	f->pick_open = f->nmatch > 1 || (f->nmatch == 1 &&
	    strcmp(f->names->v[f->match[0]].name, t) != 0);
}

/* Keys while the pick list is open; 0 for those it does not take. */
static int
pick_key(struct form *f, struct key k)
{
	bool enter = (!k.code && (k.ch == '\r' || k.ch == '\n')) || (k.code && k.ch == KEY_ENTER);

	if (k.code && k.ch == KEY_DOWN) {
		if (f->pick < f->nmatch - 1)
			f->pick++;
		return RES_HANDLED | RES_REDRAW;
	}
	if (k.code && k.ch == KEY_UP && f->pick >= 0) {
		f->pick--;
		return RES_HANDLED | RES_REDRAW;
	}
	if (enter && f->pick >= 0) {
		lineedit_set(&f->edit[f->cur], f->names->v[f->match[f->pick]].name);
		f->changed = true;
		f->refusal[0] = '\0';
		set_field_err(f, f->cur, NULL);
		f->pick_open = false;
		return RES_HANDLED | RES_REDRAW;
	}
	return 0;
}

void
form_set(struct form *f, int i, const char *value)
{
	const struct field *fd = &f->kind->fields[i];
	int c;

	if (!is_choice(f, i)) {
		char fy[64];

		/* A fiscal year is shown as people name it (令和8年度); it reads
		 * back to the same year. */
		if (fd->fiscal_year && value != NULL && value[0] != '\0' &&
		    strspn(value, "0123456789") == strlen(value) && atoi(value) >= 1000) {
			era_format_fy(atoi(value), fmt_era_lang(), fy, sizeof fy);
			value = fy;
		}
		lineedit_set(&f->edit[i], value);
		return;
	}
	f->choice[i] = fd->required ? 0 : -1;
	for (c = 0; value != NULL && fd->choices[c].code != NULL; c++)
		if (strcmp(fd->choices[c].code, value) == 0)
			f->choice[i] = c;
}

const char *
form_text(const struct form *f, int i)
{
	if (is_choice(f, i))
		return f->choice[i] >= 0 ? f->kind->fields[i].choices[f->choice[i]].code : "";
	return lineedit_text(&f->edit[i]);
}

static void
set_field_err(struct form *f, int i, const char *text)
{
	free(f->field_err[i]);
	f->field_err[i] = text != NULL ? xstrdup(text) : NULL;
}

/* Checks field i alone, as the cursor leaves it. */
static void
check_field(struct form *f, int i)
{
	struct error err;
	char *out = NULL;

	if (is_choice(f, i))
		return;
	if (field_parse(&f->kind->fields[i], lineedit_text(&f->edit[i]), &out, &err))
		set_field_err(f, i, NULL);
	else
		set_field_err(f, i, err.text);
	free(out);
}

static int
move_to(struct form *f, int i)
{
	if (i < 0 || i >= f->kind->nfields || i == f->cur)
		return RES_HANDLED;
	check_field(f, f->cur);
	f->cur = i;
	f->pick_open = false;
	return RES_HANDLED | RES_REDRAW;
}

static int
cycle(struct form *f, int dir)
{
	const struct field *fd = &f->kind->fields[f->cur];
	int n = choice_count(fd), lo = fd->required ? 0 : -1, c = f->choice[f->cur] + dir;

	if (c < lo)
		c = n - 1;
	if (c >= n)
		c = lo;
	f->choice[f->cur] = c;
	f->changed = true;
	set_field_err(f, f->cur, NULL);
	return RES_HANDLED | RES_REDRAW;
}

int
form_key(struct form *f, struct key k)
{
	int res;

	if (f->pick_open && f->cur == f->complete && (res = pick_key(f, k)) != 0)
		return res;
	if (!k.code && (k.ch == '\t' || k.ch == '\r' || k.ch == '\n'))
		return move_to(f, f->cur + 1);
	if (k.code && (k.ch == KEY_DOWN || k.ch == KEY_ENTER))
		return move_to(f, f->cur + 1);
	if (k.code && (k.ch == KEY_UP || k.ch == KEY_BTAB))
		return move_to(f, f->cur - 1);
	if (is_choice(f, f->cur)) {
		if ((k.code && k.ch == KEY_RIGHT) || (!k.code && k.ch == ' '))
			return cycle(f, 1);
		if (k.code && k.ch == KEY_LEFT)
			return cycle(f, -1);
		return 0;
	}
	if (f->ref_count[f->cur] > 0 && ref_index(f, f->cur) != -2 && k.code &&
	    (k.ch == KEY_RIGHT || k.ch == KEY_LEFT))
		return pick(f, k.ch == KEY_RIGHT ? 1 : -1);
	switch (lineedit_key(&f->edit[f->cur], k.ch, k.code)) {
	case LINEEDIT_CHANGED:
		f->changed = true;
		f->refusal[0] = '\0';
		set_field_err(f, f->cur, NULL);
		if (f->cur == f->complete)
			refilter(f);
		return RES_HANDLED | RES_REDRAW;
	case LINEEDIT_MOVED:
		return RES_HANDLED | RES_REDRAW;
	default:
		return 0;
	}
}

void
form_refuse(struct form *f, const struct error *err)
{
	snprintf(f->refusal, sizeof f->refusal, "%s", err->text);
	if (err->field >= 0 && err->field < f->kind->nfields) {
		f->cur = err->field;
		f->pick_open = false;
		set_field_err(f, err->field, err->text);
	}
}

bool
form_collect(struct form *f, struct record *r)
{
	struct error err;
	int i;

	for (i = 0; i < f->kind->nfields; i++) {
		const char *v;

		v = form_text(f, i);
		if (!record_set(r, i, v, &err)) {
			form_refuse(f, &err);
			return false;
		}
		set_field_err(f, i, NULL);
	}
	if (!record_check(r, &err)) {
		form_refuse(f, &err);
		return false;
	}
	f->refusal[0] = '\0';
	return true;
}

static int
label_width(const struct form *f)
{
	int i, w, max = 0;

	for (i = 0; i < f->kind->nfields; i++) {
		w = text_width(field_label(&f->kind->fields[i]));
		if (w > max)
			max = w;
	}
	return max;
}

static const char *
hint(const struct field *fd)
{
	switch (fd->type) {
	case FIELD_DATE:
		return _("A date: YYYY-MM-DD, e.g. 2026-04-01.");
	case FIELD_TIME:
		return _("A time: HH:MM, e.g. 09:30.");
	case FIELD_YEN:
		return _("Whole yen, e.g. 12000.");
	case FIELD_COUNT:
		return _("A whole number.");
	case FIELD_CHOICE:
		return _("Left/Right or Space: choose.");
	case FIELD_REF:
		return _("Left/Right: pick from the list, or type a name.");
	default:
		return fd->required ? _("Required.") : "";
	}
}

/* After a picked reference, what it stands for (a program's name beside
 * its code), dimmed. */
static void
draw_ref_label(const struct form *f, int i, int y, int x, int w)
{
	int j = f->kind->fields[i].type == FIELD_REF ? ref_index(f, i) : -1;
	int tw;

	if (j < 0 || f->ref_labels[i] == NULL || f->ref_labels[i][j] == NULL)
		return;
	tw = text_width(lineedit_text(&f->edit[i]));
	if (tw + 3 < w)
		draw_text(y, x + tw + 2, w - tw - 2, f->ref_labels[i][j], ATTR_DIM);
}

static void
draw_value(struct app *a, struct form *f, int i, int y, int x, int w)
{
	const struct field *fd = &f->kind->fields[i];
	bool current = i == f->cur;
	char buf[256];
	int col;

	if (is_choice(f, i)) {
		const char *label = f->choice[i] >= 0 ? _(fd->choices[f->choice[i]].label) : "-";

		/* The value starts in the same column as the others; the
		 * arrows of the field being chosen stand in the gap before it. */
		snprintf(buf, sizeof buf, current ? "< %s >" : "%s", label);
		if (current)
			draw_text(y, x - 2, w + 2, buf, ATTR_SELECTED);
		else
			draw_text(y, x, w, buf, ATTR_NORMAL);
		return;
	}
	if (!current) {
		draw_pad(y, x, w, lineedit_text(&f->edit[i]), false, ATTR_NORMAL);
	} else {
		col = lineedit_view(&f->edit[i], w);
		draw_fill(y, x, w, ATTR_INPUT);
		draw_text(y, x, w, lineedit_text(&f->edit[i]) + f->edit[i].first, ATTR_INPUT);
		app_cursor(a, y, x + col);
	}
	draw_ref_label(f, i, y, x, w);
}

#define PICKS_SHOWN 6	/* names the pick list shows at once */

/* What a name in the pick list is: a registered group's reading and
 * category, or a name typed before. */
static void
pick_note(const struct group_name *g, char *out, size_t size)
{
	const char *cat = "";
	int i;

	for (i = 0; g->category != NULL && group_categories[i].code != NULL; i++)
		if (strcmp(group_categories[i].code, g->category) == 0)
			cat = _(group_categories[i].label);
	if (!g->registered)
		snprintf(out, size, "%s", _("(typed before, not registered)"));
	else
		snprintf(out, size, "%s%s%s", g->reading != NULL ? g->reading : "",
		    g->reading != NULL ? "  " : "", cat);
}

/* The pick list under the field at row fy (over it when there is no room
 * below), between rows top and end, from column x, w wide. */
static void
draw_picks(const struct form *f, int fy, int top, int end, int x, int w)
{
	int rows = f->nmatch < PICKS_SHOWN ? f->nmatch : PICKS_SHOWN, first = 0, i, y, used;
	char note[512];

	if (f->pick >= rows)
		first = f->pick - rows + 1;
	y = fy + 1;
	if (y + rows > end && fy - rows >= top)
		y = fy - rows;
	if (y + rows > end)
		rows = end - y;
	for (i = 0; i < rows; i++) {
		const struct group_name *g = &f->names->v[f->match[first + i]];
		enum tui_attr at = first + i == f->pick ? ATTR_SELECTED : ATTR_INPUT;

		draw_fill(y + i, x, w, at);
		used = draw_text(y + i, x + 1, w - 3, g->name, at);
		pick_note(g, note, sizeof note);
		if (used + 4 < w - 2)
			draw_text(y + i, x + 1 + used + 2, w - 3 - used - 2, note, at);
	}
	if (first > 0)
		draw_more_mark(y, x + w - 1, true, ATTR_INPUT);
	if (first + rows < f->nmatch && rows > 0)
		draw_more_mark(y + rows - 1, x + w - 1, false, ATTR_INPUT);
}

int
form_draw(struct app *a, struct form *f, int y, int h)
{
	int lw = label_width(f), rows, i, row, vx, pick_y;
	const char *msg;
	enum tui_attr at = ATTR_ERROR;

	/* Under the form: the refusal, else the field's own trouble, else how
	 * to fill it in; wrapped whole, the fields giving up rows for it. */
	if (f->refusal[0] != '\0') {
		msg = f->refusal;
	} else if (f->pick_open && f->cur == f->complete) {
		msg = _("Down/Up: choose a name from the list, Enter: take it; or type on (a name "
		    "not listed is kept as typed).");
		at = ATTR_DIM;
	} else if (f->field_err[f->cur] != NULL) {
		msg = f->field_err[f->cur];
	} else {
		msg = hint(&f->kind->fields[f->cur]);
		at = ATTR_DIM;
	}
	rows = h - 1 - draw_wrap_rows(msg, COLS - 3);
	if (rows < 1)
		rows = 1;
	if (f->cur < f->top)
		f->top = f->cur;
	if (f->cur >= f->top + rows)
		f->top = f->cur - rows + 1;
	vx = 2 + lw + 2;
	pick_y = -1;
	for (i = f->top, row = 0; i < f->kind->nfields && row < rows; i++, row++) {
		const struct field *fd = &f->kind->fields[i];
		bool bad = f->field_err[i] != NULL;

		draw_text(y + row, 0, 1, bad ? "!" : fd->required ? "*" : " ",
		    bad ? ATTR_ERROR : ATTR_NORMAL);
		draw_pad(y + row, 2, lw, field_label(fd), false,
		    i == f->cur ? ATTR_HEADER : ATTR_NORMAL);
		draw_value(a, f, i, y + row, vx, COLS - vx - 1);
		if (i == f->complete && i == f->cur)
			pick_y = y + row;
	}
	if (f->pick_open && pick_y >= 0) {
		int pw = COLS - vx - 1 < 50 ? COLS - vx - 1 : 50;

		draw_picks(f, pick_y, y, y + rows, vx, pw);
	}
	row = y + (rows < f->kind->nfields ? rows : f->kind->nfields) + 1;
	if (row >= y + h)
		row = y + h - 1;
	return draw_wrap(row, y + h, 2, COLS - 3, msg, 0, at);
}

static void
discard_yes(struct app *a, void *ctx)
{
	(void)ctx;
	app_close(a);
}

int
form_screen_key(struct app *a, struct form *f, struct key k, int act,
    void (*save)(struct app *a, void *state), void *state)
{
	if (act == ACT_SAVE) {
		save(a, state);
		return RES_HANDLED | RES_REDRAW;
	}
	/* Esc closes an open pick list first. */
	if (act == ACT_CANCEL && f->pick_open) {
		f->pick_open = false;
		return RES_HANDLED | RES_REDRAW;
	}
	if (act == ACT_CANCEL)
		return form_cancel(a, f);
	return form_key(f, k);
}

const struct action_def *const *
form_screen_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_save, &act_cancel, &act_quit, &act_clear_text, &act_next_field,
		&act_prev_field, &act_edit_text, &act_choice, NULL,
	};

	(void)state;
	return acts;
}

int
form_cancel(struct app *a, struct form *f)
{
	if (!f->changed)
		return RES_POP;
	app_confirm(a, _("Discard the changes? (y/n)"), discard_yes, f);
	return RES_HANDLED | RES_REDRAW;
}
