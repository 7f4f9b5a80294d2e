/* Unit tests for core/dayplan: which slots a booking holds (overlap, spans,
 * times between slots), a day's rooms × slots with cancelled bookings left
 * out and a room out of use still shown when booked, a month's room-slots
 * booked and open (closed days, two bookings in one slot counted once), the
 * later dates of a series, and meetings and facility use taking rooms beside
 * bookings (a checked-in booking and its use one entry) in a day, a week and
 * the coming days' list with events. */
#include "unit.h"

#include "base/actor.h"
#include "domain/booking.h"
#include "domain/dayplan.h"
#include "base/recur.h"
#include "domain/record.h"

struct fx {
	struct unit_fx *u;
	struct actor who;
};

static void
add_room(struct store *s, const struct actor *who, const char *name, const char *active)
{
	struct record r;
	struct error err;

	record_init(&r, kind_find("room"));
	unit_set(&r, "name", name);
	unit_set(&r, "active", active);
	if (!record_insert(s, who, &r, &err))
		fail_msg("room %s: %s", name, err.text);
	record_free(&r);
}

static void
book(struct store *s, const struct actor *who, const char *room, const char *date,
    const char *start, const char *end, const char *group, char *uuid)
{
	struct record r;
	struct error err;

	record_init(&r, kind_find("booking"));
	unit_set(&r, "room", room);
	unit_set(&r, "date", date);
	unit_set(&r, "start", start);
	unit_set(&r, "end", end);
	unit_set(&r, "group", group);
	if (!record_insert(s, who, &r, &err))
		fail_msg("booking %s %s: %s", room, date, err.text);
	if (uuid != NULL)
		snprintf(uuid, 37, "%s", r.uuid);
	record_free(&r);
}

/* A meeting, use or event from field=value pairs (NULL-ended). */
static void
add(struct store *s, const struct actor *who, const char *kind, ...)
{
	struct record r;
	struct error err;
	const char *f, *v;
	va_list ap;

	record_init(&r, kind_find(kind));
	va_start(ap, kind);
	while ((f = va_arg(ap, const char *)) != NULL) {
		v = va_arg(ap, const char *);
		unit_set(&r, f, v);
	}
	va_end(ap);
	if (!record_insert(s, who, &r, &err))
		fail_msg("%s: %s", kind, err.text);
	record_free(&r);
}

static int
setup(void **state)
{
	struct fx *fx = calloc(1, sizeof *fx);

	if (fx == NULL || unit_fx_setup((void **)&fx->u) != 0)
		return -1;
	snprintf(fx->who.name, sizeof fx->who.name, "test");
	fx->who.role = ROLE_ADMIN;
	/* Rooms by name: 和室 < 大会議室 < 研修室 in UTF-8 byte order. */
	add_room(fx->u->s, &fx->who, "和室", "yes");
	add_room(fx->u->s, &fx->who, "大会議室", "yes");
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;

	unit_fx_teardown((void **)&fx->u);
	free(fx);
	return 0;
}

static void
test_slots(void **state)
{
	struct opening o;
	int first, last;

	(void)state;
	memset(&o, 0, sizeof o);
	o.nslots = 3;
	o.slot_start[0] = 9 * 60; o.slot_end[0] = 12 * 60;
	o.slot_start[1] = 13 * 60; o.slot_end[1] = 17 * 60;
	o.slot_start[2] = 18 * 60; o.slot_end[2] = 22 * 60;
	assert_true(dayplan_slots(&o, 9 * 60 + 30, 11 * 60 + 30, &first, &last));
	assert_int_equal(first, 0);
	assert_int_equal(last, 0);
	/* Touching a slot's start is not holding it. */
	dayplan_slots(&o, 10 * 60, 13 * 60, &first, &last);
	assert_int_equal(first, 0);
	assert_int_equal(last, 0);
	dayplan_slots(&o, 10 * 60, 19 * 60, &first, &last);
	assert_int_equal(first, 0);
	assert_int_equal(last, 2);
	/* Lunch time, between slots: the nearer one. */
	dayplan_slots(&o, 12 * 60 + 10, 12 * 60 + 40, &first, &last);
	assert_int_equal(first, 0);
	assert_int_equal(last, 0);
	dayplan_slots(&o, 12 * 60 + 30, 12 * 60 + 55, &first, &last);
	assert_int_equal(first, 1);
	assert_int_equal(last, 1);
	o.nslots = 0;
	assert_false(dayplan_slots(&o, 600, 700, &first, &last));
}

static void
test_day(void **state)
{
	struct fx *fx = *state;
	struct store *s = fx->u->s;
	struct dayplan p;
	struct error err;
	char cancelled[37];
	int idx[4], n, cancelled_count;

	book(s, &fx->who, "和室", "2026-11-10", "09:30", "11:30", "書道の会", NULL);
	book(s, &fx->who, "和室", "2026-11-10", "13:00", "19:00", "長い会合", NULL);
	book(s, &fx->who, "大会議室", "2026-11-10", "09:00", "10:00", "朝の会", NULL);
	book(s, &fx->who, "大会議室", "2026-11-10", "10:00", "12:00", "次の会", NULL);
	book(s, &fx->who, "大会議室", "2026-11-10", "18:00", "20:00", "取消", cancelled);
	book(s, &fx->who, "大会議室", "2026-11-11", "09:00", "10:00", "翌日", NULL);
	assert_true(booking_cancel(s, &fx->who, cancelled, false, &cancelled_count, &err));
	/* A room taken out of use keeps its booking on the grid. */
	add_room(s, &fx->who, "研修室", "yes");
	book(s, &fx->who, "研修室", "2026-11-10", "18:00", "20:00", "夜の会", NULL);
	{
		struct record r;

		assert_true(record_find(s, kind_find("room"), "研修室", &r, &err));
		unit_set(&r, "active", "no");
		assert_true(record_update(s, &fx->who, &r, &err));
		record_free(&r);
	}

	assert_true(dayplan_load(s, (struct date){2026, 11, 10}, &p, &err));
	assert_false(p.closed);
	assert_int_equal(p.opening.nslots, 3);
	assert_int_equal(p.nrooms, 3);
	assert_string_equal(p.rooms[0].name, "和室");
	assert_string_equal(p.rooms[1].name, "大会議室");
	assert_string_equal(p.rooms[2].name, "研修室");
	assert_int_equal(p.nentries, 5);
	/* 和室: morning, and one booking over the afternoon and evening. */
	n = dayplan_cell(&p, 0, 0, idx, 4);
	assert_int_equal(n, 1);
	assert_string_equal(p.entries[idx[0]].group, "書道の会");
	assert_int_equal(dayplan_cell(&p, 0, 1, idx, 4), 1);
	assert_string_equal(p.entries[idx[0]].group, "長い会合");
	assert_int_equal(dayplan_cell(&p, 0, 2, idx, 4), 1);
	assert_string_equal(p.entries[idx[0]].group, "長い会合");
	/* 大会議室: two in the morning, in start order; the cancelled one gone. */
	assert_int_equal(dayplan_cell(&p, 1, 0, idx, 4), 2);
	assert_string_equal(p.entries[idx[0]].group, "朝の会");
	assert_string_equal(p.entries[idx[1]].group, "次の会");
	assert_int_equal(dayplan_cell(&p, 1, 0, idx, 1), 2);
	assert_int_equal(dayplan_cell(&p, 1, 2, idx, 4), 0);
	assert_int_equal(dayplan_cell(&p, 2, 2, idx, 4), 1);
	assert_string_equal(p.entries[idx[0]].status, "booked");
	dayplan_free(&p);

	/* New Year: closed, with the reason. */
	assert_true(dayplan_load(s, (struct date){2027, 1, 2}, &p, &err));
	assert_true(p.closed);
	assert_contains(p.why, "12/29");
	assert_int_equal(p.nentries, 0);
	dayplan_free(&p);
}

static void
test_month(void **state)
{
	struct fx *fx = *state;
	struct store *s = fx->u->s;
	struct dayplan_month m;
	struct record r;
	struct error err;
	char cancelled[37];
	int n;

	book(s, &fx->who, "和室", "2026-12-01", "09:00", "10:00", "一", NULL);
	book(s, &fx->who, "和室", "2026-12-01", "10:00", "11:00", "二", NULL);
	book(s, &fx->who, "和室", "2026-12-01", "13:00", "19:00", "三", NULL);
	book(s, &fx->who, "大会議室", "2026-12-02", "18:00", "21:00", "四", NULL);
	book(s, &fx->who, "大会議室", "2026-12-02", "09:00", "10:00", "取消", cancelled);
	assert_true(booking_cancel(s, &fx->who, cancelled, false, &n, &err));
	record_init(&r, kind_find("closed"));
	unit_set(&r, "date", "2026-12-10");
	if (!record_insert(s, &fx->who, &r, &err))
		fail_msg("closed day: %s", err.text);
	record_free(&r);
	assert_true(dayplan_month(s, 2026, 12, &m, &err));
	assert_int_equal(m.days, 31);
	assert_int_equal(m.nrooms, 2);
	assert_int_equal(m.nslots, 3);
	assert_int_equal(m.open[1], 6);
	/* Two in one morning count once; the long one holds two slots. */
	assert_int_equal(m.booked[1], 3);
	assert_int_equal(m.bookings[1], 3);
	/* The cancelled one holds nothing. */
	assert_int_equal(m.booked[2], 1);
	assert_int_equal(m.bookings[2], 1);
	assert_int_equal(m.booked[3], 0);
	assert_true(m.closed[29]);
	assert_int_equal(m.open[29], 0);
	assert_false(m.closed[28]);
	assert_true(m.closed[10]);
	assert_int_equal(m.open[10], 0);
	assert_int_equal(m.opening.nslots, 3);
	/* Another month: nothing of December. */
	assert_true(dayplan_month(s, 2026, 11, &m, &err));
	assert_int_equal(m.days, 30);
	assert_int_equal(m.bookings[1], 0);
	assert_int_equal(m.booked[2], 0);
}

static void
test_series(void **state)
{
	struct fx *fx = *state;
	struct store *s = fx->u->s;
	struct series_result res;
	struct recur rule = {0};
	struct record t;
	struct error err;
	char one[37], first[37], third[37], last[37];
	int n;

	book(s, &fx->who, "和室", "2026-11-02", "09:00", "10:00", "単発", one);
	assert_int_equal(dayplan_series_following(s, one, &err), 0);
	record_init(&t, kind_find("booking"));
	unit_set(&t, "room", "大会議室");
	unit_set(&t, "date", "2026-11-03");
	unit_set(&t, "start", "13:00");
	unit_set(&t, "end", "15:00");
	unit_set(&t, "group", "毎週の会");
	rule.kind = RECUR_WEEKLY;
	rule.start = (struct date){2026, 11, 3};
	rule.count = 4;
	assert_true(booking_add_series(s, &fx->who, &t, &rule, &res, &err));
	buf_free(&res.why);
	record_free(&t);
	assert_int_equal(res.booked, 4);
	unit_sql_text(s, "SELECT uuid FROM booking WHERE date = '2026-11-03'", first, sizeof first);
	unit_sql_text(s, "SELECT uuid FROM booking WHERE date = '2026-11-17'", third, sizeof third);
	unit_sql_text(s, "SELECT uuid FROM booking WHERE date = '2026-11-24'", last, sizeof last);
	assert_int_equal(dayplan_series_following(s, first, &err), 3);
	assert_int_equal(dayplan_series_following(s, third, &err), 1);
	assert_int_equal(dayplan_series_following(s, last, &err), 0);
	/* A cancelled later date no longer follows. */
	assert_true(booking_cancel(s, &fx->who, last, false, &n, &err));
	assert_int_equal(dayplan_series_following(s, first, &err), 2);
	assert_int_equal(dayplan_series_following(s, "no-such-id", &err), 0);
}

static void
test_occupied(void **state)
{
	struct fx *fx = *state;
	struct store *s = fx->u->s;
	struct dayplan p;
	struct dayplan_week w;
	struct dayplan_agenda ag;
	struct error err;
	char used[37], use[37], times[12];
	int idx[4], i;

	book(s, &fx->who, "和室", "2026-11-10", "09:30", "11:30", "書道の会", used);
	book(s, &fx->who, "和室", "2026-11-10", "18:00", "20:00", "夜の会", NULL);
	add(s, &fx->who, "meeting", "date", "2026-11-10", "start", "13:30", "end", "15:00",
	    "kind", "board", "title", "役員会", "room", "大会議室", (char *)NULL);
	/* A meeting away from the center's rooms takes none of them. */
	add(s, &fx->who, "meeting", "date", "2026-11-10", "start", "10:00", "end", "11:00",
	    "kind", "city", "title", "市との協議", "room", "市役所", (char *)NULL);
	add(s, &fx->who, "use", "date", "2026-11-10", "start", "09:00", "end", "12:00",
	    "room", "大会議室", "group", "体操の会", "category", "group", "people", "12",
	    (char *)NULL);
	/* No times: known to be in the room that day, in no slot. */
	add(s, &fx->who, "use", "date", "2026-11-10", "room", "和室", "category", "own",
	    (char *)NULL);
	add(s, &fx->who, "event", "date", "2026-11-12", "start", "10:00", "end", "12:00",
	    "title", "秋祭り", "field", "culture", (char *)NULL);
	assert_true(booking_check_in(s, &fx->who, used, "15", use, &err));

	assert_true(dayplan_load(s, (struct date){2026, 11, 10}, &p, &err));
	assert_int_equal(p.nrooms, 2);
	/* 書道の会, 夜の会, the untimed use, 役員会, 体操の会: the check-in's
	 * use is its booking, not a second entry. */
	assert_int_equal(p.nentries, 5);
	assert_int_equal(dayplan_cell(&p, 0, 0, idx, 4), 1);
	assert_int_equal(p.entries[idx[0]].kind, DAYPLAN_BOOKING);
	assert_string_equal(p.entries[idx[0]].uuid, used);
	assert_string_equal(p.entries[idx[0]].status, "used");
	assert_int_equal(p.entries[idx[0]].people, 15);
	dayplan_entry_times(&p.entries[idx[0]], times);
	assert_string_equal(times, "09:30-11:30");
	/* 大会議室: the use in the morning, the meeting in the afternoon. */
	assert_int_equal(dayplan_cell(&p, 1, 0, idx, 4), 1);
	assert_int_equal(p.entries[idx[0]].kind, DAYPLAN_USE);
	assert_string_equal(p.entries[idx[0]].group, "体操の会");
	assert_int_equal(dayplan_cell(&p, 1, 1, idx, 4), 1);
	assert_int_equal(p.entries[idx[0]].kind, DAYPLAN_MEETING);
	assert_string_equal(p.entries[idx[0]].group, "役員会");
	assert_int_equal(dayplan_cell(&p, 1, 2, idx, 4), 0);
	/* The use with no times, named by its category, in no slot. */
	assert_int_equal(dayplan_untimed(&p, 0, idx, 4), 1);
	assert_false(p.entries[idx[0]].timed);
	assert_int_equal(p.entries[idx[0]].first_slot, -1);
	assert_string_not_equal(p.entries[idx[0]].group, "");
	dayplan_entry_times(&p.entries[idx[0]], times);
	assert_string_equal(times, "");
	assert_int_equal(dayplan_untimed(&p, 1, idx, 4), 0);
	for (i = 0; i < p.nentries; i++)
		assert_string_not_equal(p.entries[i].group, "市との協議");
	dayplan_free(&p);

	/* The week of the 10th: Sunday the 8th to Saturday the 14th. */
	assert_int_equal(date_compare(dayplan_week_start((struct date){2026, 11, 10}),
	    (struct date){2026, 11, 8}), 0);
	assert_int_equal(date_compare(dayplan_week_start((struct date){2026, 11, 8}),
	    (struct date){2026, 11, 8}), 0);
	assert_true(dayplan_week_load(s, (struct date){2026, 11, 8}, 7, &w, &err));
	assert_int_equal(w.ndays, 7);
	assert_int_equal(w.nrooms, 2);
	assert_int_equal(w.day[0].nentries, 0);
	assert_int_equal(w.day[2].nentries, 5);
	assert_int_equal(dayplan_cell(&w.day[2], 1, 1, idx, 4), 1);
	assert_string_equal(w.day[2].entries[idx[0]].group, "役員会");
	/* An event takes no room. */
	assert_int_equal(w.day[4].nentries, 0);
	dayplan_week_free(&w);

	/* The coming days: every kind, events and the meeting away too, in
	 * date and time order; the check-in still once. */
	assert_true(dayplan_agenda_load(s, (struct date){2026, 11, 10}, 14, false, &ag, &err));
	assert_int_equal(ag.nitems, 7);
	assert_false(ag.items[0].e.timed);
	assert_string_equal(ag.items[1].e.group, "体操の会");
	assert_string_equal(ag.items[1].room_name, "大会議室");
	assert_string_equal(ag.items[2].e.group, "書道の会");
	assert_string_equal(ag.items[3].e.group, "市との協議");
	assert_string_equal(ag.items[3].room_name, "市役所");
	assert_string_equal(ag.items[4].e.group, "役員会");
	assert_int_equal(ag.items[4].e.kind, DAYPLAN_MEETING);
	assert_string_equal(ag.items[5].e.group, "夜の会");
	assert_string_equal(ag.items[6].e.group, "秋祭り");
	assert_int_equal(ag.items[6].e.kind, DAYPLAN_EVENT);
	assert_int_equal(date_compare(ag.items[6].date, (struct date){2026, 11, 12}), 0);
	assert_string_equal(ag.items[6].room_name, "");
	dayplan_agenda_free(&ag);
	/* From the 11th: the event alone; over one day before: nothing. */
	assert_true(dayplan_agenda_load(s, (struct date){2026, 11, 11}, 14, false, &ag, &err));
	assert_int_equal(ag.nitems, 1);
	dayplan_agenda_free(&ag);
	assert_true(dayplan_agenda_load(s, (struct date){2026, 11, 9}, 1, false, &ag, &err));
	assert_int_equal(ag.nitems, 0);
	dayplan_agenda_free(&ag);

	/* Only what takes a room: no event, no meeting at city hall. */
	assert_true(dayplan_agenda_load(s, (struct date){2026, 11, 10}, 14, true, &ag, &err));
	assert_int_equal(ag.nitems, 5);
	for (i = 0; i < ag.nitems; i++) {
		assert_int_not_equal(ag.items[i].e.kind, DAYPLAN_EVENT);
		assert_string_not_equal(ag.items[i].e.group, "市との協議");
	}
	dayplan_agenda_free(&ag);

	/* The month's fill counts the meeting and the use as the grid does;
	 * its count of bookings stays bookings. */
	{
		struct dayplan_month m;

		assert_true(dayplan_month(s, 2026, 11, &m, &err));
		assert_int_equal(m.booked[10], 4);
		assert_int_equal(m.bookings[10], 2);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slots),
		cmocka_unit_test_setup_teardown(test_day, setup, teardown),
		cmocka_unit_test_setup_teardown(test_month, setup, teardown),
		cmocka_unit_test_setup_teardown(test_series, setup, teardown),
		cmocka_unit_test_setup_teardown(test_occupied, setup, teardown),
	};

	unit_init();
	unsetenv("KYODO_TODAY");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
