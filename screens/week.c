/*
 * week — a week at a glance: a row per room, a column per day (日 … 土),
 * each cell naming what takes the room that day (bookings, meetings 会 and
 * facility use 利, in time order, as many as its rows hold, then "+N").
 * Under the grid the highlighted cell's entries in full.  A larger terminal
 * gives each room more rows and each day more columns (and the start
 * times).
 *
 * Arrows move the highlighted day (across weeks too) and room, F5/F6 (or
 * PgUp/PgDn) a week, F7 this week, Enter opens the day's grid, a the list
 * of the coming days (agenda.c), Esc back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/dayplan.h"
#include "base/holiday.h"
#include "base/i18n.h"
#include "base/text.h"
#include "output.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/fmt.h"

static const struct action_def act_week_prev = {
	ACT_WEEK_PREV, "F5", N_("Prev week"), N_("The week before (also PgUp)."),
	{ACT_KEY_CODE(KEY_F(5)), ACT_KEY_CODE(KEY_PPAGE)},
};

static const struct action_def act_week_next = {
	ACT_WEEK_NEXT, "F6", N_("Next week"), N_("The week after (also PgDn)."),
	{ACT_KEY_CODE(KEY_F(6)), ACT_KEY_CODE(KEY_NPAGE)},
};

static const struct action_def act_this_week = {
	ACT_THIS_WEEK, "F7", N_("Today"), N_("Back to this week, on today."),
	{ACT_KEY_CODE(KEY_F(7))},
};

static const struct action_def act_agenda = {
	ACT_AGENDA, "a", N_("Coming days"),
	N_("List the coming two weeks: every booking, meeting, event and use."),
	{ACT_KEY_CHAR('a')},
};

#define TOP 3		/* title, the day's line, day headings */
#define CELL_MAX 32	/* entries looked at per cell */

struct week {
	struct date cur;	/* the highlighted day */
	int room;		/* the highlighted room */
	int top;		/* first room in view */
	struct dayplan_week w;	/* cur's week */
	bool loaded;
	struct date *follow;	/* the opener's day, kept in step */
	long long generation;	/* the store's when w was read */
	char err[512];
};

/* Reads cur's week unless w holds it and the store is unchanged. */
static void
load(struct app *a, struct week *v)
{
	struct date first = dayplan_week_start(v->cur);
	long long gen = store_generation(app_store(a));
	struct error err;

	if (v->follow != NULL)
		*v->follow = v->cur;
	if (v->loaded && gen >= 0 && gen == v->generation &&
	    date_compare(first, v->w.first) == 0)
		return;
	if (v->loaded)
		dayplan_week_free(&v->w);
	v->err[0] = '\0';
	v->generation = gen;
	v->loaded = dayplan_week_load(app_store(a), first, DAYPLAN_WEEK, &v->w, &err);
	if (!v->loaded) {
		snprintf(v->err, sizeof v->err, "%s", err.text);
		memset(&v->w, 0, sizeof v->w);
	}
	if (v->room >= v->w.nrooms)
		v->room = v->w.nrooms > 0 ? v->w.nrooms - 1 : 0;
}

static void *
week_init(struct app *a, const void *arg)
{
	const struct dayview_arg *da = arg;
	struct week *v = xcalloc(1, sizeof *v);

	v->cur = da != NULL ? da->day : date_today();
	v->follow = da != NULL ? da->follow : NULL;
	load(a, v);
	return v;
}

static void
week_done(void *state)
{
	struct week *v = state;

	if (v->loaded)
		dayplan_week_free(&v->w);
	free(v);
}

static void
week_enter(struct app *a, void *state)
{
	load(a, state);
}

static int
go(struct app *a, struct week *v, struct date d)
{
	if (d.year < 1900 || d.year > 2998)
		return RES_HANDLED;
	v->cur = d;
	load(a, v);
	return RES_HANDLED | RES_REDRAW;
}

static int
week_key(struct app *a, void *state, struct key k, int act)
{
	struct week *v = state;
	struct dayview_arg arg;

	if (k.code) {
		switch (k.ch) {
		case KEY_LEFT: return go(a, v, date_add_days(v->cur, -1));
		case KEY_RIGHT: return go(a, v, date_add_days(v->cur, 1));
		case KEY_UP:
			if (v->room > 0)
				v->room--;
			return RES_HANDLED | RES_REDRAW;
		case KEY_DOWN:
			if (v->room + 1 < v->w.nrooms)
				v->room++;
			return RES_HANDLED | RES_REDRAW;
		default: break;
		}
	}
	switch (act) {
	case ACT_WEEK_PREV:
		return go(a, v, date_add_days(v->cur, -7));
	case ACT_WEEK_NEXT:
		return go(a, v, date_add_days(v->cur, 7));
	case ACT_THIS_WEEK:
		return go(a, v, date_today());
	case ACT_DETAIL:
		arg.day = v->cur;
		arg.follow = &v->cur;
		app_push(a, &screen_dayview, &arg);
		return RES_HANDLED | RES_REDRAW;
	case ACT_OUTPUT: {
		struct output_arg out = {.what = OUTPUT_BOOKINGS, .first = dayplan_week_start(v->cur),
		    .ndays = 7};

		app_push(a, &screen_output, &out);
		return RES_HANDLED | RES_REDRAW;
	}
	case ACT_AGENDA:
		app_push(a, &screen_agenda, NULL);
		return RES_HANDLED | RES_REDRAW;
	case ACT_BACK:
		return RES_POP;
	default:
		return 0;
	}
}

/* ---- drawing ---- */

struct geometry {
	int room_w, day_w, x0;
	int rows;		/* rows per room */
	int per;		/* rows per entry: 2 puts its times above its name */
};

/* The room's entries on day d, in time order (indexes into the day's
 * entries, at most max); returns how many there are. */
static int
room_day(const struct week *v, int d, int room, int *idx, int max)
{
	const struct dayplan *p = &v->w.day[d];
	int i, n = 0;

	/* Entries are by room then start, those without times first. */
	for (i = 0; i < p->nentries; i++) {
		if (p->entries[i].room != room)
			continue;
		if (n < max)
			idx[n] = i;
		n++;
	}
	return n;
}

static struct geometry
geometry(const struct week *v, int avail)
{
	struct geometry g;
	int i, d, w, most = 1, idx[1], cap;

	g.x0 = 1;
	g.room_w = text_width(_("Room"));
	for (i = 0; i < v->w.nrooms; i++) {
		w = text_width(v->w.rooms[i].name);
		if (w > g.room_w)
			g.room_w = w;
	}
	cap = COLS >= 120 ? 16 : 10;
	if (g.room_w > cap)
		g.room_w = cap;
	g.day_w = (COLS - g.x0 - g.room_w - 1) / DAYPLAN_WEEK - 1;
	if (g.day_w < 2)
		g.day_w = 2;
	/* As many rows a room as its busiest day needs, two an entry (its
	 * times, then its name) when every room fits so, else one; at least
	 * one row. */
	for (i = 0; i < v->w.nrooms; i++)
		for (d = 0; d < v->w.ndays; d++) {
			w = room_day(v, d, i, idx, 0);
			if (w > most)
				most = w;
		}
	g.per = v->w.nrooms > 0 && v->w.nrooms * most * 2 <= avail ? 2 : 1;
	g.rows = v->w.nrooms > 0 ? avail / v->w.nrooms : 1;
	if (g.rows > most * g.per)
		g.rows = most * g.per;
	if (g.rows < 1)
		g.rows = 1;
	return g;
}

static int
day_x(const struct geometry *g, int d)
{
	return g->x0 + g->room_w + d * (g->day_w + 1) + 1;
}

static const char *
bar(void)
{
	return draw_ascii() ? "|" : "\xE2\x94\x82";
}

static void
draw_headings(const struct week *v, const struct geometry *g, int y)
{
	struct date d, now = date_today();
	const char *ja, *en;
	char text[128];
	int i;

	draw_pad(y, g->x0, g->room_w, _("Room"), false, ATTR_HEADER);
	for (i = 0; i < v->w.ndays; i++) {
		d = date_add_days(v->w.first, i);
		/* "28 Sat*": the day, its weekday, today marked; a holiday's
		 * name when there is room. */
		snprintf(text, sizeof text, "%d %s%s", d.day, fmt_weekday(d),
		    date_compare(d, now) == 0 ? "*" : "");
		if (holiday_of(d, &ja, &en) && g->day_w >= 12) {
			strncat(text, " ", sizeof text - strlen(text) - 1);
			strncat(text, fmt_era_lang() == ERA_JA ? ja : en,
			    sizeof text - strlen(text) - 1);
		}
		draw_text(y, day_x(g, i) - 1, 1, bar(), ATTR_NORMAL);
		draw_pad(y, day_x(g, i), g->day_w, text, false,
		    date_compare(d, v->cur) == 0 ? ATTR_SELECTED : ATTR_HEADER);
	}
}

/* An entry's times as a cell shows them: "09:30-11:30", or the start alone
 * in a narrow cell. */
static void
cell_times(const struct geometry *g, const struct dayplan_entry *e, struct buf *out)
{
	char t[12];

	dayplan_entry_times(e, t);
	if (t[0] == '\0') {
		buf_adds(out, _("no time"));
		return;
	}
	if (g->day_w < 11)
		t[5] = '\0';
	buf_adds(out, t);
}

/* One entry as a cell names it: its mark (not for a booking), its name. */
static void
cell_entry(const struct dayplan_entry *e, struct buf *out)
{
	if (e->kind != DAYPLAN_BOOKING)
		buf_printf(out, "%s ", dayplan_kind_mark(e->kind));
	buf_adds(out, e->group);
}

static void
draw_cell(const struct week *v, const struct geometry *g, int room, int d, int y)
{
	const struct dayplan *p = &v->w.day[d];
	const struct dayplan_entry *e;
	int idx[CELL_MAX], n = room_day(v, d, room, idx, CELL_MAX), r, x = day_x(g, d), mw;
	bool sel = room == v->room && date_compare(date_add_days(v->w.first, d), v->cur) == 0;
	enum tui_attr at;
	struct buf text = {0};
	char more[16];

	for (r = 0; r < g->rows; r++) {
		draw_text(y + r, x - 1, 1, bar(), ATTR_NORMAL);
		e = r / g->per < n && r / g->per < CELL_MAX ? &p->entries[idx[r / g->per]] : NULL;
		/* A booking used or missed is past; a closed day is dim. */
		at = sel ? ATTR_SELECTED : (e != NULL && e->kind == DAYPLAN_BOOKING &&
		    strcmp(e->status, "booked") != 0) || (e == NULL && p->closed) ? ATTR_DIM :
		    ATTR_NORMAL;
		buf_reset(&text);
		if (e != NULL && g->per == 2 && r % 2 == 0)
			cell_times(g, e, &text);
		else if (e != NULL)
			cell_entry(e, &text);
		else if (r == 0 && p->closed)
			buf_adds(&text, _("closed"));
		/* The last row says how many more there are, "+N" kept whole. */
		mw = 0;
		if (r == g->rows - 1 && n > g->rows / g->per) {
			snprintf(more, sizeof more, "+%d", n - g->rows / g->per);
			mw = text_width(more) + 1;
			if (mw >= g->day_w)
				mw = g->day_w;
			draw_pad(y + r, x + g->day_w - mw, mw, more, true, at);
		}
		draw_pad(y + r, x, g->day_w - mw, buf_str(&text), false, at);
	}
	buf_free(&text);
}

/* The highlighted day's counts on row y, and what the marks mean. */
static void
draw_day_line(const struct week *v, int y)
{
	const struct dayplan *p;
	int d;
	int n[DAYPLAN_EVENT + 1] = {0}, i, k;
	struct buf line = {0}, legend = {0};
	char day[96];
	const char *ja, *en;

	/* Which of the week's days cur is. */
	for (d = 0; d < v->w.ndays; d++)
		if (date_compare(date_add_days(v->w.first, d), v->cur) == 0)
			break;
	if (d >= v->w.ndays)
		return;
	p = &v->w.day[d];
	fmt_date_long(v->cur, day, sizeof day);
	buf_adds(&line, day);
	if (holiday_of(v->cur, &ja, &en))
		buf_printf(&line, "  %s", fmt_era_lang() == ERA_JA ? ja : en);
	buf_adds(&line, "  ");
	if (p->closed) {
		buf_printf(&line, _("Closed: %s"), p->why);
	} else {
		for (i = 0; i < p->nentries; i++)
			n[p->entries[i].kind]++;
		buf_printf(&line, P_("%d booking", "%d bookings",
		    (unsigned long)n[DAYPLAN_BOOKING]), n[DAYPLAN_BOOKING]);
		for (k = DAYPLAN_MEETING; k <= DAYPLAN_USE; k++)
			if (n[k] > 0)
				buf_printf(&line, "  %s %d", dayplan_kind_label(k), n[k]);
	}
	/* What the marks mean, when the line has room for it whole. */
	buf_adds(&legend, "  (");
	for (k = DAYPLAN_MEETING; k <= DAYPLAN_USE; k++)
		buf_printf(&legend, "%s%s %s", k > DAYPLAN_MEETING ? "  " : "",
		    dayplan_kind_mark(k), dayplan_kind_label(k));
	buf_adds(&legend, ")");
	if (text_width(buf_str(&line)) + text_width(buf_str(&legend)) <= COLS - 2)
		buf_adds(&line, buf_str(&legend));
	draw_wrap(y, y + 1, 1, COLS - 2, buf_str(&line), 0, p->closed ? ATTR_ERROR :
	    ATTR_NORMAL);
	buf_free(&line);
	buf_free(&legend);
}

/* The highlighted cell's entries in full, rows y … bottom-1. */
static void
draw_details(const struct week *v, int y, int bottom)
{
	int idx[CELL_MAX], n, d, i;
	struct buf line = {0};
	char t[12];

	for (d = 0; d < v->w.ndays; d++)
		if (date_compare(date_add_days(v->w.first, d), v->cur) == 0)
			break;
	if (d >= v->w.ndays || v->w.nrooms == 0 || y >= bottom)
		return;
	n = room_day(v, d, v->room, idx, CELL_MAX);
	if (n == 0) {
		buf_printf(&line, _("%s: free all day. Enter opens the day."),
		    v->w.rooms[v->room].name);
		draw_text(y, 1, COLS - 2, buf_str(&line), ATTR_DIM);
		buf_free(&line);
		return;
	}
	for (i = 0; i < n && i < CELL_MAX && y < bottom; i++, y++) {
		const struct dayplan_entry *e = &v->w.day[d].entries[idx[i]];

		buf_reset(&line);
		dayplan_entry_times(e, t);
		buf_printf(&line, "%-11s  %s  %s", t[0] != '\0' ? t : _("no time"),
		    dayplan_kind_label(e->kind), e->group);
		if (e->purpose[0] != '\0' && strcmp(e->purpose, e->group) != 0)
			buf_printf(&line, "  %s", e->purpose);
		draw_text(y, 1, COLS - 2, buf_str(&line), ATTR_NORMAL);
	}
	buf_free(&line);
}

static void
week_draw(struct app *a, void *state)
{
	struct week *v = state;
	struct geometry g;
	struct date last = date_add_days(v->w.first, DAYPLAN_WEEK - 1);
	char title[256], from[96];
	int bottom = draw_lines() - 2, avail, detail, rooms, i, y, d;

	fmt_date_long(v->w.first, from, sizeof from);
	snprintf(title, sizeof title, "%s  %s - %02d-%02d", _("Week"), from, last.month,
	    last.day);
	app_draw_title(a, title);
	if (!v->loaded) {
		draw_wrap(2, bottom, 1, COLS - 2, v->err, 0, ATTR_ERROR);
		return;
	}
	draw_day_line(v, 1);
	if (v->w.nrooms == 0) {
		draw_wrap(TOP, bottom, 1, COLS - 2, _("No rooms yet: add them under Rooms "
		    "(menu 0)."), 0, ATTR_DIM);
		return;
	}
	/* The rooms first; a line and the cell's entries below when there is
	 * room for at least three of them. */
	avail = bottom - TOP;
	detail = avail - v->w.nrooms >= 5 ? 4 : 0;
	g = geometry(v, avail - detail);
	rooms = (avail - detail) / g.rows;
	if (rooms > v->w.nrooms)
		rooms = v->w.nrooms;
	if (rooms < 1)
		rooms = 1;
	if (v->room < v->top)
		v->top = v->room;
	if (v->room >= v->top + rooms)
		v->top = v->room - rooms + 1;
	draw_headings(v, &g, 2);
	for (i = v->top, y = TOP; i < v->w.nrooms && i < v->top + rooms; i++, y += g.rows) {
		draw_pad(y, g.x0, g.room_w, v->w.rooms[i].name, false,
		    i == v->room ? ATTR_HEADER : ATTR_NORMAL);
		for (d = 0; d < v->w.ndays; d++)
			draw_cell(v, &g, i, d, y);
	}
	if (v->top > 0)
		draw_more_mark(TOP, 0, true, ATTR_DIM);
	if (v->top + rooms < v->w.nrooms)
		draw_more_mark(y - 1, 0, false, ATTR_DIM);
	if (detail > 0 && y < bottom) {
		draw_hline(y, 0, COLS, ATTR_DIM);
		draw_details(v, y + 1, bottom);
	}
}

static const struct action_def *const *
week_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_week_prev, &act_week_next, &act_this_week, &act_agenda, &act_output,
		&act_lock, &act_quit, &act_back, &act_detail, &act_grid_move, NULL,
	};

	(void)state;
	return acts;
}

const struct screen screen_week = {
	.name = "week",
	.init = week_init,
	.free = week_done,
	.enter = week_enter,
	.key = week_key,
	.draw = week_draw,
	.actions = week_actions,
};
