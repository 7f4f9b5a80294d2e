/*
 * find — see find.h.  The search runs again at each key typed: a kind's
 * ten years are read in tens of milliseconds (make bench, search_*), and
 * the person sees what their words find while typing them.
 */
#include "find.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "domain/search.h"
#include "recordlist.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/fmt.h"
#include "tui/lineedit.h"

const struct action_def act_goto_date = {
	ACT_GOTO_DATE, "F8", N_("Go to date"),
	N_("Go to a day: type it as 令和8年12月3日, R8.12.3, 2026-12-03 or 12/3 (this year)."),
	{ACT_KEY_CODE(KEY_F(8))},
};

const struct action_def act_search = {
	ACT_SEARCH, "/", N_("Search"),
	N_("Search every month: type words; the records holding them are listed with their "
	"dates, newest first, and Enter goes to one."), {ACT_KEY_CHAR('/')},
};

static const struct action_def act_find_open = {
	ACT_FIND_OPEN, "Enter", N_("Open"),
	N_("Go to the highlighted record, in its month's list."), {ACT_KEYS_ENTER},
};

/* ---- searching every month ---- */

#define FIND_TOP 4	/* title, the words, what was found, headings */

struct find {
	struct find_arg arg;
	struct lineedit text;
	struct record_rows rows;
	long total;
	int cursor, top;
	char err[512];
};

static int
find_height(void)
{
	int h = draw_lines() - 2 - FIND_TOP;

	return h < 1 ? 1 : h;
}

static void
find_run(struct app *a, struct find *f)
{
	struct error err;

	record_rows_clear(&f->rows);
	f->total = 0;
	f->cursor = f->top = 0;
	f->err[0] = '\0';
	if (!search_records(app_store(a), f->arg.kind, lineedit_text(&f->text), 0, 0,
	    SEARCH_LIMIT, &f->rows, &f->total, &err))
		snprintf(f->err, sizeof f->err, "%s", err.text);
}

static void *
find_init(struct app *a, const void *argp)
{
	const struct find_arg *arg = argp;
	struct find *f = xcalloc(1, sizeof *f);

	f->arg = *arg;
	f->arg.text = NULL;
	lineedit_init(&f->text, arg->text, 100);
	find_run(a, f);
	return f;
}

static void
find_free(void *state)
{
	struct find *f = state;

	record_rows_free(&f->rows);
	lineedit_free(&f->text);
	free(f);
}

static void
find_move(struct find *f, int delta)
{
	f->cursor += delta;
	if (f->cursor >= f->rows.n)
		f->cursor = f->rows.n - 1;
	if (f->cursor < 0)
		f->cursor = 0;
}

static int
find_key(struct app *a, void *state, struct key k, int act)
{
	struct find *f = state;

	switch (act) {
	case ACT_FIND_OPEN:
		if (f->rows.n == 0)
			return RES_HANDLED;
		f->arg.chosen(f->arg.ctx, f->rows.rows[f->cursor].uuid);
		return RES_POP;
	case ACT_BACK:
		return RES_POP;
	default:
		break;
	}
	if (k.code) {
		switch (k.ch) {
		case KEY_DOWN: find_move(f, 1); return RES_HANDLED | RES_REDRAW;
		case KEY_UP: find_move(f, -1); return RES_HANDLED | RES_REDRAW;
		case KEY_NPAGE: find_move(f, find_height()); return RES_HANDLED | RES_REDRAW;
		case KEY_PPAGE: find_move(f, -find_height()); return RES_HANDLED | RES_REDRAW;
		default: break;
		}
	}
	if (!k.code && k.ch < 0x20 && k.ch != 8 && k.ch != ACT_CTRL('U') &&
	    k.ch != ACT_CTRL('K'))
		return 0;
	if (lineedit_key(&f->text, k.ch, k.code) == LINEEDIT_CHANGED)
		find_run(a, f);
	return RES_HANDLED | RES_REDRAW;
}

/* A result's date with its year: 令和8年11月28日 / 2026-11-28 Sat. */
static void
find_date(const char *iso, char *out, size_t size)
{
	struct date d;

	if (fmt_era_lang() == ERA_JA || iso == NULL || !date_parse(iso, &d))
		fmt_date_era(iso, out, size);
	else
		snprintf(out, size, "%s %s", iso, fmt_weekday(d));
}

static int
find_date_width(void)
{
	char buf[64];

	find_date(fmt_era_lang() == ERA_JA ? "2028-12-28" : "2026-11-28", buf, sizeof buf);
	return text_width(buf);	/* 令和10年12月28日: the widest in this era */
}

static void
find_status(struct find *f, int y)
{
	char line[256];

	if (!search_has_words(lineedit_text(&f->text)))
		snprintf(line, sizeof line, "%s", _("Type words to find; every month is searched."));
	else if (f->total == 0)
		snprintf(line, sizeof line, "%s", _("Nothing found in any month."));
	else if (f->total <= f->rows.n)
		snprintf(line, sizeof line, P_("%ld record found, newest first.",
		    "%ld records found, newest first.", (unsigned long)f->total), f->total);
	else
		snprintf(line, sizeof line, _("The newest %d of %ld records found; add a word to "
		    "narrow the search."), f->rows.n, f->total);
	draw_text(y, 1, COLS - 2, line, ATTR_DIM);
}

static void
find_draw(struct app *a, void *state)
{
	struct find *f = state;
	const struct kind *k = f->arg.kind;
	struct recordlist_column cols[RECORD_MAX_FIELDS];
	char title[256], cell[512];
	int dw = find_date_width(), di = kind_field(k, "date"), n, i, j, x, y, w, col;
	int h = find_height();

	snprintf(title, sizeof title, _("%s: search every month"), kind_label(k));
	app_draw_title(a, title);
	w = draw_text(1, 1, COLS - 2, _("Search: "), ATTR_HEADER);
	col = lineedit_view(&f->text, COLS - 3 - w > 1 ? COLS - 3 - w : 1);
	draw_fill(1, 1 + w, COLS - 2 - w, ATTR_INPUT);
	draw_text(1, 1 + w, COLS - 2 - w, lineedit_text(&f->text) + f->text.first, ATTR_INPUT);
	find_status(f, 2);
	/* The kind's columns, the date among them put first with its year. */
	n = recordlist_layout(k, COLS - 2 - dw - 1 + recordlist_date_width() + 1, cols);
	for (i = 0; i < n; i++)
		if (cols[i].field == di) {
			memmove(&cols[i], &cols[i + 1], (size_t)(n - i - 1) * sizeof cols[0]);
			n--;
			break;
		}
	draw_pad(3, 1, dw, field_label(&k->fields[di]), false, ATTR_HEADER);
	for (j = 0, x = 2 + dw; j < n; x += cols[j].width + 1, j++)
		draw_pad(3, x, cols[j].width, field_label(&k->fields[cols[j].field]), cols[j].right,
		    ATTR_HEADER);
	if (f->cursor < f->top)
		f->top = f->cursor;
	if (f->cursor >= f->top + h)
		f->top = f->cursor - h + 1;
	for (i = f->top, y = FIND_TOP; i < f->rows.n && y < FIND_TOP + h; i++, y++) {
		const struct record *rec = &f->rows.rows[i];
		bool sel = i == f->cursor;
		enum tui_attr at = sel ? ATTR_SELECTED : ATTR_NORMAL;

		if (sel)
			draw_fill(y, 0, COLS, at);
		find_date(rec->value[di], cell, sizeof cell);
		draw_pad_on_blank(y, 1, dw, cell, false, at, sel);
		for (j = 0, x = 2 + dw; j < n; x += cols[j].width + 1, j++) {
			recordlist_cell(&k->fields[cols[j].field], rec->value[cols[j].field], cell,
			    sizeof cell);
			draw_pad_on_blank(y, x, cols[j].width, cell, cols[j].right, at, sel);
		}
	}
	if (f->top > 0)
		draw_more_mark(FIND_TOP, COLS - 1, true, ATTR_DIM);
	if (f->top + h < f->rows.n)
		draw_more_mark(FIND_TOP + h - 1, COLS - 1, false, ATTR_DIM);
	if (f->err[0] != '\0')
		draw_wrap(FIND_TOP, draw_lines() - 2, 1, COLS - 2, f->err, 0, ATTR_ERROR);
	app_cursor(a, 1, 1 + w + col);
}

static const struct action_def *const *
find_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_find_open, &act_back, &act_clear_text, &act_lock, &act_quit,
		&act_move, &act_edit_text, NULL,
	};

	(void)state;
	return acts;
}

const struct screen screen_find = {
	.name = "find",
	.init = find_init,
	.free = find_free,
	.key = find_key,
	.draw = find_draw,
	.actions = find_actions,
};

/* ---- going to a day ---- */

struct date_ask {
	struct date_ask_arg arg;
	struct lineedit text;
	char err[512];
};

static void *
date_ask_init(struct app *a, const void *argp)
{
	struct date_ask *d = xcalloc(1, sizeof *d);

	(void)a;
	d->arg = *(const struct date_ask_arg *)argp;
	lineedit_init(&d->text, NULL, 40);
	return d;
}

static void
date_ask_free(void *state)
{
	struct date_ask *d = state;

	lineedit_free(&d->text);
	free(d);
}

/* The forms a date is read in, said the same way in the note and in a
 * refusal. */
#define DATE_FORMS N_("Type the day as 令和8年12月3日, R8.12.3, 2026-12-03, or 12/3 for this year.")

static int
date_ask_key(struct app *a, void *state, struct key k, int act)
{
	struct date_ask *d = state;
	struct date day;
	char *shown;

	if (act == ACT_BACK)
		return RES_POP;
	if (act == ACT_ACCEPT) {
		if (date_parse_typed(lineedit_text(&d->text), &day)) {
			d->arg.go(a, d->arg.ctx, day);
			return RES_POP;
		}
		shown = text_visible(lineedit_text(&d->text));
		if (*shown == '\0')
			snprintf(d->err, sizeof d->err, "%s %s", _("Type a date first."),
			    _(DATE_FORMS));
		else
			snprintf(d->err, sizeof d->err, _("\"%s\" is not a day kyodo can read. %s"),
			    shown, _(DATE_FORMS));
		free(shown);
		return RES_HANDLED | RES_REDRAW;
	}
	if (!k.code && k.ch < 0x20 && k.ch != 8 && k.ch != ACT_CTRL('U') &&
	    k.ch != ACT_CTRL('K'))
		return 0;
	if (lineedit_key(&d->text, k.ch, k.code) == LINEEDIT_CHANGED)
		d->err[0] = '\0';
	return RES_HANDLED | RES_REDRAW;
}

static void
date_ask_draw(struct app *a, void *state)
{
	struct date_ask *d = state;
	char now[96], line[160];
	int w, col, y, bottom = draw_lines() - 2;

	app_draw_title(a, _("Go to date"));
	fmt_date_long(d->arg.day, now, sizeof now);
	snprintf(line, sizeof line, _("Now: %s"), now);
	draw_text(2, 2, COLS - 3, line, ATTR_DIM);
	w = draw_text(4, 2, COLS - 3, _("Date: "), ATTR_HEADER);
	col = lineedit_view(&d->text, COLS - 4 - w > 1 ? COLS - 4 - w : 1);
	draw_fill(4, 2 + w, COLS - 3 - w, ATTR_INPUT);
	draw_text(4, 2 + w, COLS - 3 - w, lineedit_text(&d->text) + d->text.first, ATTR_INPUT);
	y = draw_wrap(6, bottom, 2, COLS - 3, _(DATE_FORMS), 0, ATTR_NOTICE);
	if (d->err[0] != '\0')
		draw_wrap(y + 1, bottom, 2, COLS - 3, d->err, 0, ATTR_ERROR);
	app_cursor(a, 4, 2 + w + col);
}

static const struct action_def *const *
date_ask_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_accept, &act_back, &act_clear_text, &act_lock, &act_quit,
		&act_edit_text, NULL,
	};

	(void)state;
	return acts;
}

const struct screen screen_date_ask = {
	.name = "date-ask",
	.init = date_ask_init,
	.free = date_ask_free,
	.key = date_ask_key,
	.draw = date_ask_draw,
	.actions = date_ask_actions,
};
