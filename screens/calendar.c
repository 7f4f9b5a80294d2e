/*
 * calendar — the bookings screen: a month as seven weekday columns
 * (日 月 火 水 木 金 土), each day showing how full it is (room-slots booked
 * of those open, as a count and a bar), holidays by name and closed days
 * marked.  Arrows move the highlighted day (across months too), F5/F6 or
 * PgUp/PgDn change the month, Enter opens the day's grid of rooms × slots
 * (dayview.c), n books on the highlighted day, w opens its week (week.c).
 *
 * The layout shrinks with the window: three rows a week, then two, then
 * one, and at worst only the weeks around the highlighted day.  A tall
 * window gives a week more rows, and each day lists what takes its rooms
 * by name (会 a meeting, 利 a use) in them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/booking.h"
#include "domain/dayplan.h"
#include "base/holiday.h"
#include "base/i18n.h"
#include "base/text.h"
#include "find.h"
#include "output.h"
#include "screens.h"
#include "tui/chart.h"
#include "tui/draw.h"
#include "tui/fmt.h"

const struct action_def act_book = {
	ACT_BOOK, "n", N_("Book"),
	N_("Book the highlighted room and time slot (also F2)."), {ACT_KEY_CHAR('n'), ACT_KEY_CODE(KEY_F(2))},
};

static const struct action_def act_cal_prev = {
	ACT_CAL_PREV, "F5", N_("Prev"), N_("Previous month (also PgUp)."), {ACT_KEY_CODE(KEY_F(5)), ACT_KEY_CODE(KEY_PPAGE)},
};

static const struct action_def act_cal_next = {
	ACT_CAL_NEXT, "F6", N_("Next"), N_("Next month (also PgDn)."), {ACT_KEY_CODE(KEY_F(6)), ACT_KEY_CODE(KEY_NPAGE)},
};

static const struct action_def act_week = {
	ACT_WEEK, "w", N_("Week"),
	N_("The highlighted day's week: each room's bookings, meetings and uses by name."),
	{ACT_KEY_CHAR('w')},
};

#define TOP 3		/* title, the day's line, weekday headings */

struct calendar {
	struct date cur;	/* the highlighted day */
	struct dayplan_month m;	/* of cur's month */
	bool have_month;
	struct dayplan_agenda names;	/* the month's entries, for tall cells */
	int first[32], count[32];	/* [day]: its entries in names */
	long long generation;	/* the store's when m was read (store_generation) */
	char err[512];
};

/* The month's entries by name, for cells tall enough to list them; none
 * when they cannot be read (the counts still show). */
static void
load_names(struct app *a, struct calendar *c)
{
	struct error err;
	int i, d;

	dayplan_agenda_free(&c->names);
	memset(c->first, 0, sizeof c->first);
	memset(c->count, 0, sizeof c->count);
	if (!dayplan_agenda_load(app_store(a), (struct date){c->cur.year, c->cur.month, 1},
	    date_days_in_month(c->cur.year, c->cur.month), true, &c->names, &err))
		return;
	for (i = c->names.nitems - 1; i >= 0; i--) {
		d = c->names.items[i].date.day;
		if (d >= 1 && d <= 31) {
			c->first[d] = i;
			c->count[d]++;
		}
	}
}

/* Reads cur's month, unless m already holds it and the store is unchanged
 * (back from the day's grid, say). */
static void
load(struct app *a, struct calendar *c)
{
	struct error err;
	long long gen = store_generation(app_store(a));

	if (c->have_month && gen >= 0 && gen == c->generation &&
	    c->m.year == c->cur.year && c->m.month == c->cur.month)
		return;
	c->err[0] = '\0';
	c->generation = gen;
	c->have_month = dayplan_month(app_store(a), c->cur.year, c->cur.month, &c->m, &err);
	if (!c->have_month)
		snprintf(c->err, sizeof c->err, "%s", err.text);
	load_names(a, c);
}

static void *
calendar_init(struct app *a, const void *arg)
{
	struct calendar *c = xcalloc(1, sizeof *c);

	(void)arg;
	c->cur = date_today();
	load(a, c);
	return c;
}

static void
calendar_done(void *state)
{
	struct calendar *c = state;

	dayplan_agenda_free(&c->names);
	free(c);
}

static void
calendar_enter(struct app *a, void *state)
{
	load(a, state);
}

/* Moves the highlight to d, reading the month when it changes. */
static int
go(struct app *a, struct calendar *c, struct date d)
{
	bool other = d.year != c->cur.year || d.month != c->cur.month;

	if (d.year < 1900 || d.year > 2998)
		return RES_HANDLED;
	c->cur = d;
	if (other)
		load(a, c);
	return RES_HANDLED | RES_REDRAW;
}

static int
change_month(struct app *a, struct calendar *c, int delta)
{
	struct date d = c->cur;
	int days;

	d.month += delta;
	if (d.month < 1) {
		d.month = 12;
		d.year--;
	} else if (d.month > 12) {
		d.month = 1;
		d.year++;
	}
	days = date_days_in_month(d.year, d.month);
	if (d.day > days)
		d.day = days;
	return go(a, c, d);
}

static int
book(struct app *a, struct calendar *c)
{
	struct booking_form_arg arg = {
		.day = c->cur, .room = NULL, .start = -1, .end = -1, .fee = -1,
	};

	app_push(a, &screen_booking_form, &arg);
	return RES_HANDLED | RES_REDRAW;
}

static void
calendar_go_date(struct app *a, void *ctx, struct date d)
{
	go(a, ctx, d);
}

static int
calendar_key(struct app *a, void *state, struct key k, int act)
{
	struct calendar *c = state;
	struct dayview_arg arg;

	if (k.code) {
		switch (k.ch) {
		case KEY_LEFT: return go(a, c, date_add_days(c->cur, -1));
		case KEY_RIGHT: return go(a, c, date_add_days(c->cur, 1));
		case KEY_UP: return go(a, c, date_add_days(c->cur, -7));
		case KEY_DOWN: return go(a, c, date_add_days(c->cur, 7));
		case KEY_HOME: return go(a, c, (struct date){c->cur.year, c->cur.month, 1});
		case KEY_END:
			return go(a, c, (struct date){c->cur.year, c->cur.month,
			    date_days_in_month(c->cur.year, c->cur.month)});
		default: break;
		}
	}
	switch (act) {
	case ACT_CAL_PREV:
		return change_month(a, c, -1);
	case ACT_CAL_NEXT:
		return change_month(a, c, 1);
	case ACT_THIS_MONTH:
		return go(a, c, date_today());
	case ACT_DETAIL:
		arg.day = c->cur;
		arg.follow = &c->cur;
		app_push(a, &screen_dayview, &arg);
		return RES_HANDLED | RES_REDRAW;
	case ACT_BOOK:
		return book(a, c);
	case ACT_OUTPUT: {
		struct output_arg out = {.what = OUTPUT_BOOKINGS, .first = dayplan_week_start(c->cur),
		    .ndays = 7};

		app_push(a, &screen_output, &out);
		return RES_HANDLED | RES_REDRAW;
	}
	case ACT_WEEK:
		arg.day = c->cur;
		arg.follow = &c->cur;
		app_push(a, &screen_week, &arg);
		return RES_HANDLED | RES_REDRAW;
	case ACT_GOTO_DATE: {
		struct date_ask_arg ask = {.day = c->cur, .go = calendar_go_date, .ctx = c};

		app_push(a, &screen_date_ask, &ask);
		return RES_HANDLED | RES_REDRAW;
	}
	case ACT_BACK:
		return RES_POP;
	default:
		return 0;
	}
}

/* The day's holiday name in the user's language, or NULL. */
static const char *
holiday_name(struct date d)
{
	const char *ja, *en;

	if (!holiday_of(d, &ja, &en))
		return NULL;
	return fmt_era_lang() == ERA_JA ? ja : en;
}

/* The day's entries by name on rows y … y+rows-1 (before bottom), the
 * last row "+N" when more than rows are left. */
static void
draw_names(const struct calendar *c, struct date d, int y, int x, int w, int rows, int bottom,
    enum tui_attr at)
{
	int n = c->count[d.day], r;
	struct buf line = {0};

	for (r = 0; r < rows && r < n && y + r < bottom; r++) {
		const struct dayplan_entry *e = &c->names.items[c->first[d.day] + r].e;

		buf_reset(&line);
		if (r == rows - 1 && n > rows)
			buf_printf(&line, "+%d", n - r);
		else if (e->kind != DAYPLAN_BOOKING)
			buf_printf(&line, "%s %s", dayplan_kind_mark(e->kind), e->group);
		else
			buf_adds(&line, e->group);
		draw_pad(y + r, x, w, buf_str(&line), false, at);
	}
	buf_free(&line);
}

/* Rows 0 … rows-1 of one day's cell at (y, x), w columns wide. */
static void
draw_cell(struct calendar *c, struct date d, struct date now, int y, int x, int w, int rows,
    int bottom)
{
	const struct dayplan_month *m = &c->m;
	bool sel = date_compare(d, c->cur) == 0, today = date_compare(d, now) == 0;
	enum tui_attr at = sel ? ATTR_SELECTED : ATTR_NORMAL;
	const char *hol = holiday_name(d);
	struct buf line = {0};
	char num[16], count[32];
	int r, used, booked = m->booked[d.day];

	if (booked > m->open[d.day])
		booked = m->open[d.day];
	for (r = 0; r < rows && y + r < bottom; r++)
		if (sel)
			draw_fill(y + r, x, w, at);
	/* Row 0: the day, marked when it is today, then the holiday or
	 * "closed".  With one row a week the count follows the day. */
	snprintf(num, sizeof num, today ? "%2d*" : "%2d ", d.day);
	used = draw_text(y, x, w, num, sel ? at : today || hol != NULL ? ATTR_HEADER : at);
	if (m->closed[d.day])
		snprintf(count, sizeof count, "%s", _("closed"));
	else if (m->open[d.day] > 0)
		snprintf(count, sizeof count, "%d/%d", booked, m->open[d.day]);
	else
		count[0] = '\0';
	if (rows == 1) {
		/* Narrow: a bar as wide as there is room for instead of the count. */
		if (text_width(count) > w - used && !m->closed[d.day] && m->open[d.day] > 0)
			chart_bar(&line, booked, m->open[d.day], w - used, NULL);
		else
			buf_adds(&line, count);
		draw_pad(y, x + used, w - used, buf_str(&line), true,
		    m->closed[d.day] && !sel ? ATTR_DIM : at);
		buf_free(&line);
		return;
	}
	if (m->closed[d.day])
		draw_pad(y, x + used, w - used, _("closed"), false, sel ? at : ATTR_DIM);
	else if (hol != NULL)
		draw_pad(y, x + used, w - used, hol, false, sel ? at : ATTR_HEADER);
	if (y + 1 >= bottom || m->closed[d.day] || m->open[d.day] == 0)
		return;
	/* Row 1: a bar of the room-slots booked, and the count. */
	used = text_width(count);
	if (w - used - 1 >= 2) {
		chart_bar(&line, booked, m->open[d.day], w - used - 1, text_ascii() ? "." :
		    "\xC2\xB7");
		buf_addc(&line, ' ');
	}
	buf_adds(&line, count);
	draw_pad(y + 1, x, w, buf_str(&line), true, at);
	buf_free(&line);
	/* Rows 2 on, when there are more than three: what takes the rooms, by
	 * name, the last row saying how many more. */
	if (rows >= 4) {
		draw_names(c, d, y + 2, x, w, rows - 2, bottom, sel ? at : ATTR_NORMAL);
		return;
	}
	/* Row 2: how many bookings. */
	if (rows >= 3 && y + 2 < bottom && m->bookings[d.day] > 0) {
		snprintf(count, sizeof count, P_("%d booking", "%d bookings",
		    (unsigned long)m->bookings[d.day]), m->bookings[d.day]);
		draw_pad(y + 2, x, w, count, true, sel ? at : ATTR_DIM);
	}
}

/* The highlighted day in words on row y. */
static void
draw_day_line(struct app *a, struct calendar *c, int y)
{
	const struct dayplan_month *m = &c->m;
	struct buf line = {0}, why = {0};
	const char *hol = holiday_name(c->cur);
	char day[96];
	int booked = m->booked[c->cur.day];

	fmt_date_long(c->cur, day, sizeof day);
	buf_adds(&line, day);
	if (hol != NULL)
		buf_printf(&line, "  %s", hol);
	buf_adds(&line, "  ");
	/* The month says whether; only a closed day's reason is read here. */
	if (m->closed[c->cur.day]) {
		opening_closed(app_store(a), &m->opening, c->cur, &why);
		buf_printf(&line, _("Closed: %s"), buf_str(&why));
	} else if (m->nrooms == 0) {
		buf_adds(&line, _("No rooms yet: add them under Rooms (menu 0)."));
	} else {
		if (booked > m->open[c->cur.day])
			booked = m->open[c->cur.day];
		buf_printf(&line, P_("%d of %d room-slot booked", "%d of %d room-slots booked",
		    (unsigned long)m->open[c->cur.day]), booked, m->open[c->cur.day]);
	}
	draw_text(y, 1, COLS - 2, buf_str(&line), ATTR_NORMAL);
	buf_free(&line);
	buf_free(&why);
}

static void
calendar_draw(struct app *a, void *state)
{
	static const char *const wd[7] = {
		N_("Sun"), N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"),
	};
	struct calendar *c = state;
	struct date first = {c->cur.year, c->cur.month, 1}, now = date_today();
	char title[256], month[96];
	int cw = COLS / 7, x0, lead, weeks, avail, rows, shown, top_week, cur_week, i, day, y;
	int bottom = draw_lines() - 2;

	fmt_month(c->cur.year, c->cur.month, month, sizeof month);
	snprintf(title, sizeof title, "%s  %s", _("Bookings"), month);
	app_draw_title(a, title);
	if (!c->have_month) {
		draw_text(2, 1, COLS - 2, c->err, ATTR_ERROR);
		return;
	}
	draw_day_line(a, c, 1);
	if (cw < 2)
		return;
	x0 = (COLS - 7 * cw) / 2;
	for (i = 0; i < 7; i++)
		draw_pad(2, x0 + i * cw, cw - 1, _(wd[i]), false, ATTR_HEADER);
	lead = date_weekday(first);
	weeks = (lead + c->m.days + 6) / 7;
	avail = bottom - TOP;
	rows = avail / weeks;
	/* Past three rows a week, the names of what takes the rooms. */
	if (rows > 7)
		rows = 7;
	if (rows < 1)
		rows = 1;
	/* Too few rows for every week: the weeks around the highlighted day. */
	shown = avail / rows;
	cur_week = (lead + c->cur.day - 1) / 7;
	top_week = cur_week - shown + 1 > 0 ? cur_week - shown + 1 : 0;
	for (day = 1; day <= c->m.days; day++) {
		int week = (lead + day - 1) / 7 - top_week, col = (lead + day - 1) % 7;

		if (week < 0 || week >= shown)
			continue;
		y = TOP + week * rows;
		draw_cell(c, (struct date){c->cur.year, c->cur.month, day}, now, y,
		    x0 + col * cw, cw - 1, rows, bottom);
	}
}

static const struct action_def *const *
calendar_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_book, &act_cal_prev, &act_cal_next, &act_this_month, &act_week,
		&act_goto_date, &act_output, &act_lock, &act_quit, &act_back, &act_detail,
		&act_grid_move, NULL,
	};

	(void)state;
	return acts;
}

const struct screen screen_bookings = {
	.name = "bookings",
	.init = calendar_init,
	.free = calendar_done,
	.enter = calendar_enter,
	.key = calendar_key,
	.draw = calendar_draw,
	.actions = calendar_actions,
};
