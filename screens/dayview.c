/*
 * dayview — one day's bookings as a grid: a row per room, a column per time
 * slot (午前 午後 夜間, from the opening settings).  A booking fills every
 * slot it holds, its group's name cut by display width; a slot shared by
 * two bookings says "+1", and Tab picks among them.  Under the grid the
 * highlighted slot's bookings in full.  Meetings in a room and facility use
 * take their slots too, marked 会 and 利 (the day's line says what the marks
 * mean, the lines under the grid name each kind); Enter opens them in their
 * own form, and only a booking is checked in or cancelled here.
 *
 * n books the highlighted room and slot (the form starts filled in), Enter
 * opens the booking (or books an empty slot), i checks it in (asks how many
 * came, then booking_check_in), x cancels it (asking "this date, the
 * following too, or all" when it repeats; seriesask.h), c copies it into a
 * new booking form a week later (the group's next visit; saved with F2).  F5/F6 or PgUp/PgDn: the day before or
 * after.  The two questions are asked on the row above the message line, so
 * a refusal can be shown under them.
 *
 * This file reads the keys and acts; daygrid.c draws (the state they share:
 * dayview.h).
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
#include "tui/draw.h"
#include "tui/fmt.h"
#include "tui/lineedit.h"
#include "seriesask.h"
#include "dayview.h"

static const struct action_def act_prev_day = {
	ACT_PREV_DAY, "F5", N_("Prev day"), N_("Previous day (also PgUp)."), {ACT_KEY_CODE(KEY_F(5)), ACT_KEY_CODE(KEY_PPAGE)},
};

static const struct action_def act_next_day = {
	ACT_NEXT_DAY, "F6", N_("Next day"), N_("Next day (also PgDn)."), {ACT_KEY_CODE(KEY_F(6)), ACT_KEY_CODE(KEY_NPAGE)},
};

static const struct action_def act_check_in = {
	ACT_CHECK_IN, "i", N_("Check in"),
	N_("Check the booking in: how many came; records the use."), {ACT_KEY_CHAR('i')},
};

static const struct action_def act_cancel_booking = {
	ACT_CANCEL_BOOKING, "x", N_("Cancel"),
	N_("Cancel the booking, after asking (of a series: this date, the following or all)."), {ACT_KEY_CHAR('x')},
};

static const struct action_def act_next_in_cell = {
	ACT_NEXT_IN_CELL, "Tab", N_("Next booking"),
	N_("A slot with more than one booking: the next of them."), {ACT_KEY_CHAR('\t')},
};

static const struct action_def act_open_booking = {
	ACT_OPEN_BOOKING, "Enter", N_("Open"),
	N_("Open the booking to change it (also F3); free: book."), {ACT_KEY_CHAR('\r'), ACT_KEY_CHAR('\n'), ACT_KEY_CODE(KEY_F(3))},
};

static const struct action_def act_copy_booking = {
	ACT_COPY_BOOKING, "c", N_("Copy +1 week"),
	N_("Copy the booking into a new one a week later, same room, times and group "
	"(nothing is saved until F2)."), {ACT_KEY_CHAR('c')},
};


static void
load(struct app *a, struct dayview *v, struct date day)
{
	struct error err;

	if (v->loaded)
		dayplan_free(&v->p);
	if (v->follow != NULL)
		*v->follow = day;
	v->err[0] = '\0';
	v->generation = store_generation(app_store(a));
	v->loaded = dayplan_load(app_store(a), day, &v->p, &err);
	if (!v->loaded) {
		snprintf(v->err, sizeof v->err, "%s", err.text);
		memset(&v->p, 0, sizeof v->p);
		v->p.day = day;
	}
	if (v->room >= v->p.nrooms)
		v->room = v->p.nrooms > 0 ? v->p.nrooms - 1 : 0;
	if (v->slot >= v->p.opening.nslots)
		v->slot = v->p.opening.nslots > 0 ? v->p.opening.nslots - 1 : 0;
	v->pick = 0;
}

static void *
dayview_init(struct app *a, const void *arg)
{
	const struct dayview_arg *da = arg;
	struct dayview *v = xcalloc(1, sizeof *v);

	lineedit_init(&v->input, NULL, 8);
	v->follow = da->follow;
	load(a, v, da->day);
	return v;
}

static void
dayview_done(void *state)
{
	struct dayview *v = state;

	if (v->loaded)
		dayplan_free(&v->p);
	lineedit_free(&v->input);
	free(v);
}

/* The highlighted cell's bookings (indexes into p.entries); returns the count. */
int
dayview_cell(const struct dayview *v, int *idx)
{
	if (v->p.nrooms == 0 || v->p.opening.nslots == 0)
		return 0;
	return dayplan_cell(&v->p, v->room, v->slot, idx, CELL_MAX);
}

/* The booking under the cursor, or NULL. */
static const struct dayplan_entry *
current(const struct dayview *v)
{
	int idx[CELL_MAX], n = dayview_cell(v, idx);

	if (n == 0)
		return NULL;
	if (n > CELL_MAX)
		n = CELL_MAX;
	return &v->p.entries[idx[v->pick % n]];
}

static void
saved(void *ctx, const char *uuid)
{
	struct dayview *v = ctx;

	snprintf(v->goto_uuid, sizeof v->goto_uuid, "%s", uuid);
}

/* After a form: show the booking just saved, on its day, in its room. */
static void
dayview_enter(struct app *a, void *state)
{
	struct dayview *v = state;
	struct record r;
	struct date d = v->p.day;
	int i;

	/* Back from a form that saved nothing: the grid is still true. */
	if (v->goto_uuid[0] == '\0' && v->loaded && v->generation >= 0 &&
	    store_generation(app_store(a)) == v->generation)
		return;
	if (v->goto_uuid[0] != '\0' &&
	    record_get(app_store(a), kind_find("booking"), v->goto_uuid, &r, NULL)) {
		date_parse(r.value[kind_field(r.kind, "date")], &d);
		record_free(&r);
	}
	load(a, v, d);
	for (i = 0; v->goto_uuid[0] != '\0' && i < v->p.nentries; i++) {
		if (strcmp(v->p.entries[i].uuid, v->goto_uuid) == 0) {
			v->room = v->p.entries[i].room;
			v->slot = v->p.entries[i].first_slot;
		}
	}
	v->goto_uuid[0] = '\0';
}

static int
book(struct app *a, struct dayview *v)
{
	struct booking_form_arg arg = {
		.day = v->p.day, .room = NULL, .start = -1, .end = -1, .fee = -1,
		.saved = saved, .ctx = v,
	};

	if (v->p.nrooms > 0) {
		arg.room = v->p.rooms[v->room].name;
		if (v->p.rooms[v->room].uuid[0] != '\0')
			arg.fee = v->p.rooms[v->room].fee;
	}
	if (v->p.opening.nslots > 0) {
		arg.start = v->p.opening.slot_start[v->slot];
		arg.end = v->p.opening.slot_end[v->slot];
	}
	app_push(a, &screen_booking_form, &arg);
	return RES_HANDLED | RES_REDRAW;
}

static int
open_booking(struct app *a, struct dayview *v)
{
	const struct dayplan_entry *e = current(v);
	struct record_form_arg arg = {
		.kind = kind_find("booking"), .day = v->p.day, .saved = saved, .ctx = v,
	};

	if (e == NULL)
		return book(a, v);
	arg.kind = kind_find(dayplan_kind_name(e->kind));
	arg.uuid = e->uuid;
	app_push(a, &screen_record_form, &arg);
	return RES_HANDLED | RES_REDRAW;
}

const char *
dayview_status_label(const char *code)
{
	const struct kind *k = kind_find("booking");

	return field_choice_label(&k->fields[kind_field(k, "status")], code);
}

/* False (and says so) when e is a meeting or use: only a booking is
 * checked in or cancelled. */
static bool
is_booking(struct app *a, const struct dayplan_entry *e)
{
	if (e->kind == DAYPLAN_BOOKING)
		return true;
	app_error(a, _("Only a booking is checked in or cancelled here; this is a %s (%s)."),
	    dayplan_kind_label(e->kind), e->group);
	return false;
}

/* Names the booking in questions: "書道の会, 11-28 09:30–11:30". */
static void
name_target(struct dayview *v, const struct dayplan_entry *e)
{
	char a[6], b[6];

	time_format(e->start, a);
	time_format(e->end, b);
	snprintf(v->target, sizeof v->target, "%s", e->uuid);
	snprintf(v->target_name, sizeof v->target_name, "%s, %02d-%02d %s\xE2\x80\x93%s",
	    e->group, v->p.day.month, v->p.day.day, a, b);
}

static int
ask_check_in(struct app *a, struct dayview *v)
{
	const struct dayplan_entry *e = current(v);
	char people[32] = "";

	if (e == NULL)
		return RES_HANDLED;
	if (!is_booking(a, e))
		return RES_HANDLED | RES_REDRAW;
	if (strcmp(e->status, "booked") != 0) {
		app_error(a, _("This booking is %s; only a booked one can be checked in."),
		    dayview_status_label(e->status));
		return RES_HANDLED | RES_REDRAW;
	}
	name_target(v, e);
	if (e->people > 0)
		snprintf(people, sizeof people, "%ld", e->people);
	lineedit_set(&v->input, people);
	v->mode = MODE_HEADCOUNT;
	return RES_HANDLED | RES_REDRAW;
}

static void
check_in(struct app *a, struct dayview *v)
{
	const struct kind *uk = kind_find("use");
	struct error err;
	char use[37], *people = NULL;

	if (!booking_check_in(app_store(a), app_actor(a), v->target, lineedit_text(&v->input),
	    use, &err)) {
		app_error(a, "%s", err.text);
		return;
	}
	/* The number as stored (１７ typed is 17). */
	field_parse(&uk->fields[kind_field(uk, "people")], lineedit_text(&v->input), &people,
	    NULL);
	app_message(a, _("Recorded as facility use: %s, %s people."), v->target_name,
	    people != NULL ? people : lineedit_text(&v->input));
	free(people);
	v->mode = MODE_GRID;
	load(a, v, v->p.day);
}

/* c: a new booking a week on, filled from the highlighted one. */
static int
copy_next_week(struct app *a, struct dayview *v)
{
	const struct dayplan_entry *e = current(v);
	struct booking_form_arg arg = {
		.day = date_add_days(v->p.day, 7), .room = NULL, .start = -1, .end = -1,
		.fee = -1, .saved = saved, .ctx = v,
	};

	if (e == NULL)
		return RES_HANDLED;
	arg.copy = e->uuid;
	app_push(a, &screen_booking_form, &arg);
	return RES_HANDLED | RES_REDRAW;
}

static void
cancel(struct app *a, struct dayview *v, enum booking_scope scope)
{
	struct error err;
	int n = 0;

	v->mode = MODE_GRID;
	if (!booking_cancel_scope(app_store(a), app_actor(a), v->target, scope, &n, &err)) {
		app_error(a, "%s", err.text);
		return;
	}
	app_message(a, P_("Cancelled %d booking: %s", "Cancelled %d bookings: %s",
	    (unsigned long)n), n, v->target_name);
	load(a, v, v->p.day);
}

static void
cancel_yes(struct app *a, void *ctx)
{
	cancel(a, ctx, BOOKING_ONE);
}

static int
ask_cancel(struct app *a, struct dayview *v)
{
	const struct dayplan_entry *e = current(v);
	struct error err;
	char q[512];

	if (e == NULL)
		return RES_HANDLED;
	if (!is_booking(a, e))
		return RES_HANDLED | RES_REDRAW;
	if (strcmp(e->status, "booked") != 0) {
		app_error(a, _("This booking is %s; only a booked one can be cancelled."),
		    dayview_status_label(e->status));
		return RES_HANDLED | RES_REDRAW;
	}
	name_target(v, e);
	if (!booking_series_others(app_store(a), e->uuid, &v->before, &v->following, &err)) {
		app_error(a, "%s", err.text);
		return RES_HANDLED | RES_REDRAW;
	}
	if (v->before + v->following > 0) {
		v->mode = MODE_CANCEL;
		return RES_HANDLED | RES_REDRAW;
	}
	snprintf(q, sizeof q, _("Cancel the booking %s? (y/n)"), v->target_name);
	app_confirm(a, q, cancel_yes, v);
	return RES_HANDLED | RES_REDRAW;
}

static int
prompt_key(struct app *a, struct dayview *v, struct key k, int act)
{
	if (act == ACT_BACK) {
		v->mode = MODE_GRID;
		return RES_HANDLED | RES_REDRAW;
	}
	if (v->mode == MODE_CANCEL) {
		if (seriesask_key(k) >= 0)
			cancel(a, v, (enum booking_scope)seriesask_key(k));
		return RES_HANDLED | RES_REDRAW;
	}
	if (act == ACT_ACCEPT) {
		check_in(a, v);
		return RES_HANDLED | RES_REDRAW;
	}
	lineedit_key(&v->input, k.ch, k.code);
	return RES_HANDLED | RES_REDRAW;
}

/* Keeps the highlighted room in view of `rows` rows. */
void
dayview_scroll_to(struct dayview *v, int rows)
{
	if (rows < 1)
		rows = 1;
	if (v->room < v->top)
		v->top = v->room;
	if (v->room >= v->top + rows)
		v->top = v->room - rows + 1;
	if (v->top < 0)
		v->top = 0;
}

static int
move_cursor(struct dayview *v, int drooms, int dslots)
{
	int r = v->room + drooms, s = v->slot + dslots;

	if (r >= 0 && r < v->p.nrooms)
		v->room = r;
	if (s >= 0 && s < v->p.opening.nslots)
		v->slot = s;
	v->pick = 0;
	return RES_HANDLED | RES_REDRAW;
}

static void
dayview_go_date(struct app *a, void *ctx, struct date d)
{
	load(a, ctx, d);
}

static int
dayview_key(struct app *a, void *state, struct key k, int act)
{
	struct dayview *v = state;
	int idx[CELL_MAX], n;

	if (v->mode != MODE_GRID)
		return prompt_key(a, v, k, act);
	if (k.code) {
		switch (k.ch) {
		case KEY_LEFT: return move_cursor(v, 0, -1);
		case KEY_RIGHT: return move_cursor(v, 0, 1);
		case KEY_UP: return move_cursor(v, -1, 0);
		case KEY_DOWN: return move_cursor(v, 1, 0);
		case KEY_HOME: return move_cursor(v, -v->room, 0);
		case KEY_END: return move_cursor(v, v->p.nrooms - 1 - v->room, 0);
		default: break;
		}
	}
	switch (act) {
	case ACT_PREV_DAY:
		load(a, v, date_add_days(v->p.day, -1));
		return RES_HANDLED | RES_REDRAW;
	case ACT_NEXT_DAY:
		load(a, v, date_add_days(v->p.day, 1));
		return RES_HANDLED | RES_REDRAW;
	case ACT_NEXT_IN_CELL:
		n = dayview_cell(v, idx);
		if (n > 1)
			v->pick = (v->pick + 1) % (n < CELL_MAX ? n : CELL_MAX);
		return RES_HANDLED | RES_REDRAW;
	case ACT_BOOK:
		return book(a, v);
	case ACT_OPEN_BOOKING:
		return open_booking(a, v);
	case ACT_CHECK_IN:
		return ask_check_in(a, v);
	case ACT_CANCEL_BOOKING:
		return ask_cancel(a, v);
	case ACT_COPY_BOOKING:
		return copy_next_week(a, v);
	case ACT_OUTPUT: {
		struct output_arg out = {.what = OUTPUT_BOOKINGS, .first = v->p.day, .ndays = 1};

		app_push(a, &screen_output, &out);
		return RES_HANDLED | RES_REDRAW;
	}
	case ACT_GOTO_DATE: {
		struct date_ask_arg ask = {.day = v->p.day, .go = dayview_go_date, .ctx = v};

		app_push(a, &screen_date_ask, &ask);
		return RES_HANDLED | RES_REDRAW;
	}
	case ACT_BACK:
		return RES_POP;
	default:
		return 0;
	}
}

static const struct action_def *const *
dayview_actions(void *state)
{
	static const struct action_def *const grid[] = {
		&act_help, &act_book, &act_check_in, &act_cancel_booking, &act_prev_day, &act_next_day,
		&act_goto_date, &act_copy_booking, &act_output, &act_lock, &act_quit, &act_back,
		&act_open_booking, &act_grid_move, &act_next_in_cell, NULL,
	};
	static const struct action_def *const headcount[] = {
		&act_accept, &act_back, &act_edit_text, NULL,
	};
	static const struct action_def *const ask[] = {&act_back, NULL};
	const struct dayview *v = state;

	return v->mode == MODE_GRID ? grid : v->mode == MODE_HEADCOUNT ? headcount : ask;
}

const struct screen screen_dayview = {
	.name = "dayview",
	.init = dayview_init,
	.free = dayview_done,
	.enter = dayview_enter,
	.key = dayview_key,
	.draw = dayview_draw,
	.actions = dayview_actions,
};
