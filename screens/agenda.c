/*
 * agenda — the coming days as one list: from today, two weeks of every
 * booking, meeting, event and facility use by date and time, each with its
 * kind, name and room, under a heading per day (only days with something
 * on them).  Up/Down move the highlight, PgUp/PgDn a screen, Home/End the
 * first and last; ▲/▼ say more lies above or below.  Enter opens the
 * highlighted day's grid; Esc back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/dayplan.h"
#include "base/holiday.h"
#include "base/i18n.h"
#include "base/text.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/fmt.h"

#define AGENDA_DAYS 14
#define TOP 2		/* title, column headings */

/* A row of the list: a day's heading (item -1) or one item. */
struct row {
	struct date date;
	int item;
};

struct agenda {
	struct dayplan_agenda ag;
	bool loaded;
	struct row *rows;
	int nrows;
	int cur;		/* the highlighted row (an item's) */
	int top;		/* first row in view */
	long long generation;
	char err[512];
};

static void
load(struct app *a, struct agenda *v)
{
	long long gen = store_generation(app_store(a));
	struct error err;
	int i;

	if (v->loaded && gen >= 0 && gen == v->generation &&
	    date_compare(v->ag.first, date_today()) == 0)
		return;
	if (v->loaded)
		dayplan_agenda_free(&v->ag);
	free(v->rows);
	v->rows = NULL;
	v->nrows = 0;
	v->err[0] = '\0';
	v->generation = gen;
	v->loaded = dayplan_agenda_load(app_store(a), date_today(), AGENDA_DAYS, false, &v->ag,
	    &err);
	if (!v->loaded) {
		snprintf(v->err, sizeof v->err, "%s", err.text);
		return;
	}
	/* At most a heading per item, and the items. */
	v->rows = xreallocarray(NULL, (size_t)(2 * v->ag.nitems + 1), sizeof *v->rows);
	for (i = 0; i < v->ag.nitems; i++) {
		if (i == 0 || date_compare(v->ag.items[i].date, v->ag.items[i - 1].date) != 0)
			v->rows[v->nrows++] = (struct row){v->ag.items[i].date, -1};
		v->rows[v->nrows++] = (struct row){v->ag.items[i].date, i};
	}
	if (v->cur >= v->nrows)
		v->cur = v->nrows - 1;
	while (v->cur >= 0 && v->cur < v->nrows && v->rows[v->cur].item < 0)
		v->cur++;
	if (v->cur < 0 || v->cur >= v->nrows)
		v->cur = v->nrows > 1 ? 1 : 0;
}

static void *
agenda_init(struct app *a, const void *arg)
{
	struct agenda *v = xcalloc(1, sizeof *v);

	(void)arg;
	v->cur = 1;
	load(a, v);
	return v;
}

static void
agenda_done(void *state)
{
	struct agenda *v = state;

	if (v->loaded)
		dayplan_agenda_free(&v->ag);
	free(v->rows);
	free(v);
}

static void
agenda_enter(struct app *a, void *state)
{
	load(a, state);
}

/* The rows the list shows on this window. */
static int
list_rows(void)
{
	int n = draw_lines() - 2 - TOP;

	return n > 1 ? n : 1;
}

/* Moves the highlight by delta rows, onto an item: a heading gives way to
 * the item before it going up, else to the item after it (every heading
 * has one). */
static int
move_to(struct agenda *v, int delta)
{
	int i = v->cur + delta;

	if (v->nrows == 0)
		return RES_HANDLED;
	if (i < 0)
		i = 0;
	if (i >= v->nrows)
		i = v->nrows - 1;
	if (v->rows[i].item < 0)
		i += delta < 0 && i > 0 ? -1 : 1;
	v->cur = i;
	return RES_HANDLED | RES_REDRAW;
}

static int
agenda_key(struct app *a, void *state, struct key k, int act)
{
	struct agenda *v = state;
	struct dayview_arg arg;

	if (k.code) {
		switch (k.ch) {
		case KEY_UP: return move_to(v, -1);
		case KEY_DOWN: return move_to(v, 1);
		case KEY_PPAGE: return move_to(v, -list_rows());
		case KEY_NPAGE: return move_to(v, list_rows());
		case KEY_HOME: return move_to(v, -v->nrows);
		case KEY_END: return move_to(v, v->nrows);
		default: break;
		}
	}
	switch (act) {
	case ACT_DETAIL:
		if (v->cur < 0 || v->cur >= v->nrows)
			return RES_HANDLED;
		arg.day = v->rows[v->cur].date;
		arg.follow = NULL;
		app_push(a, &screen_dayview, &arg);
		return RES_HANDLED | RES_REDRAW;
	case ACT_BACK:
		return RES_POP;
	default:
		return 0;
	}
}

/* ---- drawing ---- */

struct columns {
	int time_x, kind_x, kind_w, name_x, name_w, room_x, room_w;
};

/* Columns: time, kind, name (with the purpose), room.  The room column is
 * as wide as the widest room listed (up to a third of the rest); the name
 * takes what is left, so a wider terminal shows more of it. */
static struct columns
columns(const struct agenda *v)
{
	struct columns c;
	int k, w, i, rest;

	c.time_x = 2;
	c.kind_x = c.time_x + 13;
	c.kind_w = text_width(_("Kind"));
	for (k = DAYPLAN_BOOKING; k <= DAYPLAN_EVENT; k++) {
		w = text_width(dayplan_kind_label(k));
		if (w > c.kind_w)
			c.kind_w = w;
	}
	c.name_x = c.kind_x + c.kind_w + 2;
	rest = COLS - 2 - c.name_x;
	c.room_w = text_width(_("Room"));
	for (i = 0; i < v->ag.nitems; i++) {
		w = text_width(v->ag.items[i].room_name);
		if (w > c.room_w)
			c.room_w = w;
	}
	if (c.room_w > rest / 3)
		c.room_w = rest / 3;
	if (c.room_w < 1)
		c.room_w = 1;
	c.name_w = rest - c.room_w - 2;
	/* Past a long name's width the room reads better beside it. */
	if (c.name_w > 56) {
		c.name_w = 56;
		c.room_w = rest - c.name_w - 2;
	}
	if (c.name_w < 1)
		c.name_w = 1;
	c.room_x = c.name_x + c.name_w + 2;
	return c;
}

static void
draw_item(const struct agenda *v, const struct columns *c, int i, int y, bool sel)
{
	const struct dayplan_item *it = &v->ag.items[i];
	enum tui_attr at = sel ? ATTR_SELECTED : ATTR_NORMAL;
	struct buf name = {0};
	char t[12];

	if (sel)
		draw_fill(y, 1, COLS - 2, at);
	dayplan_entry_times(&it->e, t);
	draw_pad(y, c->time_x, 11, t[0] != '\0' ? t : _("no time"), false,
	    t[0] != '\0' ? at : sel ? at : ATTR_DIM);
	draw_pad(y, c->kind_x, c->kind_w, dayplan_kind_label(it->e.kind), false, at);
	buf_adds(&name, it->e.group);
	if (it->e.purpose[0] != '\0' && strcmp(it->e.purpose, it->e.group) != 0)
		buf_printf(&name, " (%s)", it->e.purpose);
	draw_pad(y, c->name_x, c->name_w, buf_str(&name), false, at);
	draw_pad(y, c->room_x, c->room_w, it->room_name, false, at);
	buf_free(&name);
}

static void
draw_heading(const struct row *r, int y)
{
	struct buf line = {0};
	char day[96];
	const char *ja, *en;

	fmt_date_long(r->date, day, sizeof day);
	buf_adds(&line, day);
	if (date_compare(r->date, date_today()) == 0)
		buf_printf(&line, "  %s", _("Today"));
	if (holiday_of(r->date, &ja, &en))
		buf_printf(&line, "  %s", fmt_era_lang() == ERA_JA ? ja : en);
	draw_text(y, 1, COLS - 3, buf_str(&line), ATTR_HEADER);
	buf_free(&line);
}

static void
agenda_draw(struct app *a, void *state)
{
	struct agenda *v = state;
	struct date last = date_add_days(date_today(), AGENDA_DAYS - 1);
	struct columns c = columns(v);
	char title[256], from[96];
	int rows = list_rows(), i, y;

	fmt_date_long(date_today(), from, sizeof from);
	snprintf(title, sizeof title, "%s  %s - %02d-%02d", _("Coming days"), from, last.month,
	    last.day);
	app_draw_title(a, title);
	if (!v->loaded) {
		draw_wrap(TOP, draw_lines() - 2, 1, COLS - 2, v->err, 0, ATTR_ERROR);
		return;
	}
	draw_pad(1, c.time_x, 11, _("Time"), false, ATTR_DIM);
	draw_pad(1, c.kind_x, c.kind_w, _("Kind"), false, ATTR_DIM);
	draw_pad(1, c.name_x, c.name_w, _("Name or title"), false, ATTR_DIM);
	draw_pad(1, c.room_x, c.room_w, _("Room"), false, ATTR_DIM);
	if (v->nrows == 0) {
		draw_wrap(TOP, draw_lines() - 2, 1, COLS - 2, _("Nothing is booked or planned "
		    "in the coming two weeks."), 0, ATTR_DIM);
		return;
	}
	/* The highlight stays in view, its day's heading too when it can. */
	if (v->cur < v->top)
		v->top = v->cur > 0 && v->rows[v->cur - 1].item < 0 ? v->cur - 1 : v->cur;
	if (v->cur >= v->top + rows)
		v->top = v->cur - rows + 1;
	if (v->top > 0 && v->top + rows > v->nrows)
		v->top = v->nrows - rows > 0 ? v->nrows - rows : 0;
	for (i = v->top, y = TOP; i < v->nrows && y < TOP + rows; i++, y++) {
		if (v->rows[i].item < 0)
			draw_heading(&v->rows[i], y);
		else
			draw_item(v, &c, v->rows[i].item, y, i == v->cur);
	}
	if (v->top > 0)
		draw_more_mark(TOP, COLS - 2, true, ATTR_DIM);
	if (v->top + rows < v->nrows)
		draw_more_mark(TOP + rows - 1, COLS - 2, false, ATTR_DIM);
}

static const struct action_def *const *
agenda_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_lock, &act_quit, &act_back, &act_detail, &act_move, &act_page,
		NULL,
	};

	(void)state;
	return acts;
}

const struct screen screen_agenda = {
	.name = "agenda",
	.init = agenda_init,
	.free = agenda_done,
	.enter = agenda_enter,
	.key = agenda_key,
	.draw = agenda_draw,
	.actions = agenda_actions,
};
