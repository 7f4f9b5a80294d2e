/* Unit tests for core/report: a hand-made month in a real store where every
 * figure of the monthly report is worked out here (uses, users, days used,
 * occupancy in tenths rounded half up, uses by category and by slot, fees,
 * waivers, the center's own programmes, uses per day, the total row), days
 * open from closed days and settings, the fiscal-year view's April–March
 * columns, the CSV rows, and the text fitting 80 columns in English and in
 * Japanese; the month's meetings and events counted and listed beside
 * facility use, in the monthly report and the fiscal year.
 */
#include "unit.h"

#include <limits.h>
#include <sys/stat.h>

#include "base/actor.h"
#include "domain/record.h"
#include "domain/report.h"
#include "base/text.h"

struct fx {
	struct unit_fx u;
	struct actor who;
};

#define S(f) ((f)->u.s)
#define W(f) (&(f)->who)

/* Column order of by_category and by_slot. */
enum { OWN, BODY, GROUP, INDIVIDUAL, CITY };
enum { MORNING, AFTERNOON, EVENING, OTHER };

static const struct kind *
K(const char *name)
{
	const struct kind *k = kind_find(name);

	if (k == NULL)
		fail_msg("no kind %s", name);
	return k;
}

static void
insert(struct fx *f, struct record *r, char *uuid)
{
	struct error err;

	if (!record_insert(S(f), W(f), r, &err))
		fail_msg("%s refused: %s", r->kind->name, err.text);
	if (uuid != NULL)
		snprintf(uuid, 37, "%s", r->uuid);
	record_free(r);
}

static void
add_room(struct fx *f, const char *name, const char *active)
{
	struct record r;

	record_init(&r, K("room"));
	unit_set(&r, "name", name);
	unit_set(&r, "active", active);
	insert(f, &r, NULL);
}

static void
add_closed(struct fx *f, const char *date, char *uuid)
{
	struct record r;

	record_init(&r, K("closed"));
	unit_set(&r, "date", date);
	unit_set(&r, "reason", "休館日");
	insert(f, &r, uuid);
}

/* A facility use; start and end may be NULL (no times). */
static void
add_use(struct fx *f, const char *date, const char *start, const char *end, const char *room,
    const char *category, const char *people, const char *fee, const char *waived, char *uuid)
{
	struct record r;

	record_init(&r, K("use"));
	unit_set(&r, "date", date);
	unit_set(&r, "start", start);
	unit_set(&r, "end", end);
	unit_set(&r, "room", room);
	unit_set(&r, "group", "利用者");
	unit_set(&r, "category", category);
	unit_set(&r, "people", people);
	unit_set(&r, "fee", fee);
	unit_set(&r, "exemption", waived);
	insert(f, &r, uuid);
}

static void
delete(struct fx *f, const char *kind, const char *uuid)
{
	struct record r;
	struct error err;

	if (!record_get(S(f), K(kind), uuid, &r, &err))
		fail_msg("get %s: %s", uuid, err.text);
	if (!record_delete(S(f), W(f), &r, &err))
		fail_msg("delete %s: %s", uuid, err.text);
	record_free(&r);
}

static void
setting(struct fx *f, const char *key, const char *value)
{
	struct error err;

	if (!store_set_setting(S(f), key, value, &err))
		fail_msg("setting %s: %s", key, err.text);
}

static const struct report_row *
row_of(const struct report *r, const char *room)
{
	int i;

	for (i = 0; i < r->nrows; i++)
		if (strcmp(r->rows[i].room, room) == 0)
			return &r->rows[i];
	fail_msg("no row for %s", room);
	return NULL;
}

static void
expect_longs(const long *got, const long *want, int n, const char *what)
{
	int i;

	for (i = 0; i < n; i++)
		if (got[i] != want[i])
			fail_msg("%s[%d] = %ld, expected %ld", what, i, got[i], want[i]);
}

/* Each line of text is at most 80 columns wide; returns the widest. */
static int
check_width(const char *text, const char *what)
{
	char *copy = xstrdup(text), *line, *save = NULL;
	int w, widest = 0, n = 0;

	for (line = strtok_r(copy, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		n++;
		w = text_width(line);
		if (w > widest)
			widest = w;
		if (w > 80) {
			char shown[512];

			snprintf(shown, sizeof shown, "%s", line);
			free(copy);
			fail_msg("%s: line %d is %d columns: %s", what, n, w, shown);
		}
	}
	free(copy);
	assert_true(n > 5);
	return widest;
}

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);

	if (f == NULL || unit_fx_open(&f->u) != 0) {
		free(f);
		return -1;
	}
	actor_cli(&f->who);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	i18n_set_lang("en");
	if (f == NULL)
		return 0;
	unit_fx_close(&f->u);
	free(f);
	return 0;
}

#define LONG_ROOM "多目的スペース（第一会議室）"	/* 14 characters, 28 columns */

/*
 * November 2026: 30 days.  One closed day added (11-16); one added and
 * deleted (11-09, still open); one in October (10-30, another month).
 * Holidays (11-03, 11-23) are open by default.  Days open = 30 - 1 = 29.
 *
 * Rooms: 和室, 大会議室, LONG_ROOM (active, never used), 陶芸室 (not in use:
 * no row).  Uses (date, times, room, category, people, fee, waived):
 *
 *  U1  11-02 09:00-12:00 和室     own        15     0     0  morning
 *  U2  11-02 13:00-17:00 和室     group       8  1000     0  afternoon
 *  U3  11-02 18:00-21:00 和室     individual  2   500     0  evening
 *  U4  11-05 (no times)  和室     body       20     0  1000  other
 *  U12 11-05 13:00-15:00 和室     own        12     0     0  afternoon
 *  U5  11-20 10:00-11:30 和室     city        6     0     0  morning
 *  U6  11-20 13:00-16:00 和室     group      10   500   500  afternoon
 *  U7  11-03 09:00-12:00 大会議室 own        30     0     0  morning
 *  U8  11-03 13:00-17:00 大会議室 own        25     0     0  afternoon
 *  U9  11-30 18:30-21:00 大会議室 body       40     0  3000  evening
 *  U10 11-30 12:00-13:00 大会議室 individual  1   300     0  other (in no slot)
 *  U11 11-30 16:00-18:30 大会議室 group      12  2000     0  afternoon (60 min)
 *                                                             over evening (30)
 * Not counted: 10-31 和室 (October), 12-01 大会議室 (December), 11-10
 * LONG_ROOM (deleted).
 */
static void
november(struct fx *f)
{
	char gone[37];

	add_room(f, "和室", "yes");
	add_room(f, "大会議室", "yes");
	add_room(f, LONG_ROOM, "yes");
	add_room(f, "陶芸室", "no");
	add_closed(f, "2026-11-16", NULL);
	add_closed(f, "2026-11-09", gone);
	delete(f, "closed", gone);
	add_closed(f, "2026-10-30", NULL);

	add_use(f, "2026-11-02", "09:00", "12:00", "和室", "own", "15", "0", "0", NULL);
	add_use(f, "2026-11-02", "13:00", "17:00", "和室", "group", "8", "1000", "0", NULL);
	add_use(f, "2026-11-02", "18:00", "21:00", "和室", "individual", "2", "500", "0", NULL);
	add_use(f, "2026-11-05", NULL, NULL, "和室", "body", "20", "0", "1000", NULL);
	add_use(f, "2026-11-05", "13:00", "15:00", "和室", "own", "12", "0", "0", NULL);
	add_use(f, "2026-11-20", "10:00", "11:30", "和室", "city", "6", "0", "0", NULL);
	add_use(f, "2026-11-20", "13:00", "16:00", "和室", "group", "10", "500", "500", NULL);
	add_use(f, "2026-11-03", "09:00", "12:00", "大会議室", "own", "30", "0", "0", NULL);
	add_use(f, "2026-11-03", "13:00", "17:00", "大会議室", "own", "25", "0", "0", NULL);
	add_use(f, "2026-11-30", "18:30", "21:00", "大会議室", "body", "40", "0", "3000", NULL);
	add_use(f, "2026-11-30", "12:00", "13:00", "大会議室", "individual", "1", "300", "0", NULL);
	add_use(f, "2026-11-30", "16:00", "18:30", "大会議室", "group", "12", "2000", "0", NULL);

	add_use(f, "2026-10-31", "09:00", "12:00", "和室", "group", "9", "999", "0", NULL);
	add_use(f, "2026-12-01", "09:00", "12:00", "大会議室", "group", "9", "999", "0", NULL);
	add_use(f, "2026-11-10", "09:00", "12:00", LONG_ROOM, "group", "7", "800", "0", gone);
	delete(f, "use", gone);
}

static void
test_monthly_figures(void **state)
{
	struct fx *f = *state;
	struct report r;
	struct error err;
	const struct report_row *w, *h, *l;
	long want_day[32] = {0};

	november(f);
	if (!report_monthly(S(f), 2026, 11, &r, &err))
		fail_msg("report: %s", err.text);
	assert_int_equal(r.year, 2026);
	assert_int_equal(r.month, 11);
	/* 30 days - 1 closed (11-16); the deleted 11-09 and October's 10-30 do
	 * not close anything in November. */
	assert_int_equal(r.days_open, 29);
	/* Three active rooms; 陶芸室 is not in use. */
	assert_int_equal(r.nrows, 3);
	for (int i = 0; i < r.nrows; i++)
		assert_string_not_equal(r.rows[i].room, "陶芸室");

	w = row_of(&r, "和室");
	/* uses U1 U2 U3 U4 U12 U5 U6 = 7 */
	assert_int_equal(w->uses, 7);
	/* users 15 + 8 + 2 + 20 + 12 + 6 + 10 = 73 */
	assert_int_equal(w->users, 73);
	/* days 2, 5, 20 = 3 (three uses on the 2nd count once) */
	assert_int_equal(w->days_used, 3);
	assert_int_equal(w->day_mask, (1u << 1) | (1u << 4) | (1u << 19));
	/* 3 / 29 x 100 = 10.344…% → 103 tenths */
	assert_int_equal(w->occupancy_tenths, 103);
	{
		/* own U1 U12, body U4, group U2 U6, individual U3, city U5 */
		static const long cat[5] = {2, 1, 2, 1, 1};
		/* morning U1 U5, afternoon U2 U12 U6, evening U3, other U4 */
		static const long slot[4] = {2, 3, 1, 1};

		expect_longs(w->by_category, cat, 5, "和室 by_category");
		expect_longs(w->by_slot, slot, 4, "和室 by_slot");
	}
	/* fee 1000 + 500 + 500 = 2000; waived 1000 + 500 = 1500 */
	assert_int_equal(w->fee, 2000);
	assert_int_equal(w->waived, 1500);

	h = row_of(&r, "大会議室");
	/* U7 U8 U9 U10 U11 */
	assert_int_equal(h->uses, 5);
	/* 30 + 25 + 40 + 1 + 12 = 108 */
	assert_int_equal(h->users, 108);
	/* days 3 and 30 */
	assert_int_equal(h->days_used, 2);
	assert_int_equal(h->day_mask, (1u << 2) | (1u << 29));
	/* 2 / 29 x 100 = 6.896…% → 69 tenths (rounded up from 68.97) */
	assert_int_equal(h->occupancy_tenths, 69);
	{
		/* own U7 U8, body U9, group U11, individual U10 */
		static const long cat[5] = {2, 1, 1, 1, 0};
		/* morning U7, afternoon U8 U11, evening U9, other U10 */
		static const long slot[4] = {1, 2, 1, 1};

		expect_longs(h->by_category, cat, 5, "大会議室 by_category");
		expect_longs(h->by_slot, slot, 4, "大会議室 by_slot");
	}
	/* fee 300 + 2000 = 2300; waived 3000 */
	assert_int_equal(h->fee, 2300);
	assert_int_equal(h->waived, 3000);

	/* The unused room: a row of zeros (its only use was deleted). */
	l = row_of(&r, LONG_ROOM);
	assert_int_equal(l->uses, 0);
	assert_int_equal(l->users, 0);
	assert_int_equal(l->days_used, 0);
	assert_int_equal(l->occupancy_tenths, 0);
	assert_int_equal(l->fee, 0);
	assert_int_equal(l->waived, 0);
	assert_int_equal(l->day_mask, 0);

	/* Totals: 7 + 5 uses; 73 + 108 users; 3 + 2 room-days. */
	assert_int_equal(r.total.uses, 12);
	assert_int_equal(r.total.users, 181);
	assert_int_equal(r.total.days_used, 5);
	/* 5 room-days over 3 rooms x 29 days = 87: 5.747…% → 57 tenths */
	assert_int_equal(r.total.occupancy_tenths, 57);
	{
		static const long cat[5] = {4, 2, 3, 2, 1};
		static const long slot[4] = {3, 5, 2, 2};

		expect_longs(r.total.by_category, cat, 5, "total by_category");
		expect_longs(r.total.by_slot, slot, 4, "total by_slot");
	}
	/* 2000 + 2300; 1500 + 3000 */
	assert_int_equal(r.total.fee, 4300);
	assert_int_equal(r.total.waived, 4500);
	/* The center's own programmes: U1 U12 U7 U8; 15 + 12 + 30 + 25 people. */
	assert_int_equal(r.own_sessions, 4);
	assert_int_equal(r.own_attendance, 82);
	/* Uses per day: the 2nd U1-U3, 3rd U7 U8, 5th U4 U12, 20th U5 U6,
	 * 30th U9-U11; none on the 10th (deleted) or elsewhere. */
	want_day[2] = 3;
	want_day[3] = 2;
	want_day[5] = 2;
	want_day[20] = 2;
	want_day[30] = 3;
	expect_longs(r.per_day, want_day, 32, "per_day");
	/* The usual three slots. */
	assert_int_equal(r.opening.nslots, 3);
	report_free(&r);
}

static void
test_monthly_csv(void **state)
{
	struct fx *f = *state;
	struct report r;
	struct error err;
	struct buf out = {0};

	november(f);
	if (!report_monthly(S(f), 2026, 11, &r, &err))
		fail_msg("report: %s", err.text);
	report_csv(&r, &out);
	report_free(&r);
	/* room, uses, users, days used, days open, %, fee, waived, the five
	 * categories, the three slots and other times. */
	assert_contains(buf_str(&out), "Room,Uses,Users,Days used,Days open,Occupancy (%),Fees,"
	    "Waived,");
	/* Then meetings and events, empty on a room's row. */
	assert_contains(buf_str(&out), "Other times,Meetings held,Meeting attendees,Events held,"
	    "Event participants,Event volunteers\r\n");
	assert_contains(buf_str(&out), "\r\n和室,7,73,3,29,10.3,2000,1500,2,1,2,1,1,2,3,1,1,,,,,"
	    "\r\n");
	assert_contains(buf_str(&out), "\r\n大会議室,5,108,2,29,6.9,2300,3000,2,1,1,1,0,1,2,1,1,"
	    ",,,,\r\n");
	/* The total row: room-days open = 3 x 29 = 87. */
	assert_contains(buf_str(&out), "\r\nTotal,12,181,5,87,5.7,4300,4500,4,2,3,2,1,3,5,2,2,"
	    "0,0,0,0,0\r\n");
	buf_free(&out);
}

/* December 2026: 31 days - 3 (12/29-12/31, the yearly closing) - 4 added
 * closed days (the Mondays 7, 14, 21, 28) = 24 days open.  Two rooms. */
static void
test_occupancy_rounds_half_up(void **state)
{
	struct fx *f = *state;
	struct report r;
	struct error err;

	add_room(f, "和室", "yes");
	add_room(f, "大会議室", "yes");
	add_closed(f, "2026-12-07", NULL);
	add_closed(f, "2026-12-14", NULL);
	add_closed(f, "2026-12-21", NULL);
	add_closed(f, "2026-12-28", NULL);
	add_use(f, "2026-12-01", "09:00", "12:00", "和室", "group", "5", NULL, NULL, NULL);
	add_use(f, "2026-12-02", "09:00", "12:00", "和室", "group", "5", NULL, NULL, NULL);
	add_use(f, "2026-12-03", "09:00", "12:00", "大会議室", "group", "5", NULL, NULL, NULL);
	if (!report_monthly(S(f), 2026, 12, &r, &err))
		fail_msg("report: %s", err.text);
	assert_int_equal(r.days_open, 24);
	/* 2 / 24 = 8.333…% → 83 */
	assert_int_equal(row_of(&r, "和室")->occupancy_tenths, 83);
	/* 1 / 24 = 4.1666…% → 42 (not 41) */
	assert_int_equal(row_of(&r, "大会議室")->occupancy_tenths, 42);
	/* 3 room-days / (2 x 24) = 6.25% exactly → 62.5 tenths → 63 half up */
	assert_int_equal(r.total.occupancy_tenths, 63);
	report_free(&r);
	/* January 2027: 1/1-1/3 closed: 31 - 3 = 28. */
	if (!report_monthly(S(f), 2027, 1, &r, &err))
		fail_msg("report: %s", err.text);
	assert_int_equal(r.days_open, 28);
	assert_int_equal(r.total.uses, 0);
	assert_int_equal(r.total.occupancy_tenths, 0);
	report_free(&r);
}

/* Days open follow the settings: a weekly closing day and holidays. */
static void
test_days_open_follow_settings(void **state)
{
	struct fx *f = *state;
	struct report r;
	struct error err;

	add_room(f, "和室", "yes");
	setting(f, "closed_weekday", "1");
	setting(f, "open_on_holidays", "no");
	/* November 2026: Mondays 2, 9, 16, 23 (勤労感謝の日 too), 30 = 5; the
	 * holiday 11-03 (Tuesday) = 1 more.  30 - 6 = 24. */
	if (!report_monthly(S(f), 2026, 11, &r, &err))
		fail_msg("report: %s", err.text);
	assert_int_equal(r.days_open, 24);
	report_free(&r);
	/* February 2027 (28 days): Mondays 1, 8, 15, 22 = 4; holidays 2-11
	 * (Thursday) and 2-23 (Tuesday) = 2.  28 - 6 = 22. */
	if (!report_monthly(S(f), 2027, 2, &r, &err))
		fail_msg("report: %s", err.text);
	assert_int_equal(r.days_open, 22);
	report_free(&r);
}

static void
test_year_columns(void **state)
{
	struct fx *f = *state;
	struct report_year y;
	struct error err;
	char gone[37];
	int i, wa = -1, hall = -1;

	add_room(f, "和室", "yes");
	add_room(f, "大会議室", "yes");
	add_room(f, "調理室", "yes");
	add_use(f, "2026-03-31", NULL, NULL, "和室", "group", "50", NULL, NULL, NULL);	/* FY2025 */
	add_use(f, "2026-04-01", NULL, NULL, "和室", "group", "5", NULL, NULL, NULL);	/* col 0 */
	add_use(f, "2026-11-02", NULL, NULL, "和室", "group", "7", NULL, NULL, NULL);	/* col 7 */
	add_use(f, "2026-11-20", NULL, NULL, "和室", "own", "3", NULL, NULL, NULL);	/* col 7 */
	add_use(f, "2027-03-15", NULL, NULL, "和室", "group", "4", NULL, NULL, NULL);	/* col 11 */
	add_use(f, "2027-04-01", NULL, NULL, "和室", "group", "60", NULL, NULL, NULL);	/* FY2027 */
	add_use(f, "2026-05-10", NULL, NULL, "和室", "group", "70", NULL, NULL, gone);
	delete(f, "use", gone);
	add_use(f, "2026-12-28", NULL, NULL, "大会議室", "group", "2", NULL, NULL, NULL); /* col 8 */
	add_use(f, "2027-01-10", NULL, NULL, "大会議室", "group", "10", NULL, NULL, NULL); /* col 9 */

	if (!report_year(S(f), 2026, &y, &err))
		fail_msg("report_year: %s", err.text);
	assert_int_equal(y.fy, 2026);
	for (i = 0; i < y.nrows; i++) {
		if (strcmp(y.rows[i].room, "和室") == 0)
			wa = i;
		else if (strcmp(y.rows[i].room, "大会議室") == 0)
			hall = i;
		else {
			/* Any other room (調理室) has no uses. */
			static const long zero[12];

			expect_longs(y.rows[i].uses, zero, 12, y.rows[i].room);
		}
	}
	assert_true(wa >= 0 && hall >= 0);
	{
		static const long wa_uses[12] = {1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 1};
		static const long wa_users[12] = {5, 0, 0, 0, 0, 0, 0, 10, 0, 0, 0, 4};
		static const long hall_uses[12] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0};
		static const long hall_users[12] = {0, 0, 0, 0, 0, 0, 0, 0, 2, 10, 0, 0};
		static const long total_uses[12] = {1, 0, 0, 0, 0, 0, 0, 2, 1, 1, 0, 1};
		static const long total_users[12] = {5, 0, 0, 0, 0, 0, 0, 10, 2, 10, 0, 4};

		expect_longs(y.rows[wa].uses, wa_uses, 12, "和室 uses");
		expect_longs(y.rows[wa].users, wa_users, 12, "和室 users");
		expect_longs(y.rows[hall].uses, hall_uses, 12, "大会議室 uses");
		expect_longs(y.rows[hall].users, hall_users, 12, "大会議室 users");
		expect_longs(y.total_uses, total_uses, 12, "total uses");
		expect_longs(y.total_users, total_users, 12, "total users");
	}
	report_year_free(&y);

	/* 2026-03-31 is March of FY2025: its column 11. */
	if (!report_year(S(f), 2025, &y, &err))
		fail_msg("report_year: %s", err.text);
	assert_int_equal(y.total_uses[11], 1);
	assert_int_equal(y.total_users[11], 50);
	for (i = 0; i < 11; i++)
		assert_int_equal(y.total_uses[i], 0);
	report_year_free(&y);
}

static void
test_year_csv(void **state)
{
	struct fx *f = *state;
	struct report_year y;
	struct error err;
	struct buf out = {0};

	add_room(f, "和室", "yes");
	add_use(f, "2026-04-01", NULL, NULL, "和室", "group", "5", NULL, NULL, NULL);
	add_use(f, "2027-03-15", NULL, NULL, "和室", "group", "4", NULL, NULL, NULL);
	add_use(f, "2027-03-16", NULL, NULL, "和室", "group", "4", NULL, NULL, NULL);
	if (!report_year(S(f), 2026, &y, &err))
		fail_msg("report_year: %s", err.text);
	report_year_csv(&y, &out);
	report_year_free(&y);
	assert_contains(buf_str(&out), "Room,2026-04,2026-05,2026-06,2026-07,2026-08,2026-09,"
	    "2026-10,2026-11,2026-12,2027-01,2027-02,2027-03,Total\r\n");
	assert_contains(buf_str(&out), "\r\n和室,1,0,0,0,0,0,0,0,0,0,0,2,3\r\n");
	assert_contains(buf_str(&out), "\r\nTotal,1,0,0,0,0,0,0,0,0,0,0,2,3\r\n");
	buf_free(&out);
}

static void
add_meeting(struct fx *f, const char *date, const char *title, const char *attendees)
{
	struct record r;

	record_init(&r, K("meeting"));
	unit_set(&r, "date", date);
	unit_set(&r, "kind", "board");
	unit_set(&r, "title", title);
	unit_set(&r, "attendees", attendees);
	insert(f, &r, NULL);
}

static void
add_event(struct fx *f, const char *date, const char *title, const char *participants,
    const char *volunteers)
{
	struct record r;

	record_init(&r, K("event"));
	unit_set(&r, "date", date);
	unit_set(&r, "title", title);
	unit_set(&r, "field", "welfare");
	unit_set(&r, "participants", participants);
	unit_set(&r, "volunteers", volunteers);
	insert(f, &r, NULL);
}

/* November's meetings and events, and some either side of the month. */
static void
november_activity(struct fx *f)
{
	add_meeting(f, "2026-10-31", "十月の役員会", "99");
	add_meeting(f, "2026-11-20", "第8回 役員会", "8");
	add_meeting(f, "2026-11-03", "第7回 役員会", "12");
	add_meeting(f, "2026-11-25", "出席者の記録なし", NULL);
	add_event(f, "2026-11-05", "子ども食堂", "40", "5");
	add_event(f, "2026-11-23", "河川清掃", "64", "7");
	add_event(f, "2026-12-01", "十二月の行事", "500", "50");
}

/* Meetings (回数, 延べ出席者) and events (回数, 参加者, ボランティア) of
 * the month, beside facility use: the total row, the lists by date, the
 * text and the CSV.  The old report counted facility use only. */
static void
test_monthly_activity(void **state)
{
	struct fx *f = *state;
	struct report r;
	struct error err;
	struct buf out = {0};

	november(f);
	november_activity(f);
	if (!report_monthly(S(f), 2026, 11, &r, &err))
		fail_msg("report: %s", err.text);
	assert_int_equal(r.total.meetings, 3);
	assert_int_equal(r.total.attendees, 20);
	assert_int_equal(r.total.events, 2);
	assert_int_equal(r.total.participants, 104);
	assert_int_equal(r.total.volunteers, 12);
	/* Facility use is as before, and rooms carry no meetings. */
	assert_int_equal(r.total.uses, 12);
	assert_int_equal(r.rows[0].meetings, 0);
	assert_int_equal(r.nmeeting_list, 3);
	assert_string_equal(r.meeting_list[0].date, "2026-11-03");
	assert_string_equal(r.meeting_list[0].title, "第7回 役員会");
	assert_int_equal(r.meeting_list[0].people, 12);
	assert_string_equal(r.meeting_list[1].date, "2026-11-20");
	assert_int_equal(r.meeting_list[2].people, 0);
	assert_int_equal(r.nevent_list, 2);
	assert_string_equal(r.event_list[1].title, "河川清掃");
	assert_int_equal(r.event_list[1].people, 64);
	assert_int_equal(r.event_list[1].volunteers, 7);

	report_text(&r, &out);
	check_width(buf_str(&out), "monthly with activity, English");
	assert_contains(buf_str(&out), "\nMeetings: 3, attendees in total: 20\n");
	assert_contains(buf_str(&out), "\nEvents: 2, participants: 104, volunteers: 12\n");
	assert_contains(buf_str(&out), "\n2026-11-03 第7回 役員会");
	assert_contains(buf_str(&out), "\n2026-11-23 河川清掃");
	assert_not_contains(buf_str(&out), "十月の役員会");
	assert_not_contains(buf_str(&out), "十二月の行事");
	buf_reset(&out);
	report_csv(&r, &out);
	assert_contains(buf_str(&out), "\r\nTotal,12,181,5,87,5.7,4300,4500,4,2,3,2,1,3,5,2,2,"
	    "3,20,2,104,12\r\n");
	report_free(&r);
	assert_null(r.meeting_list);

	/* Another month has its own. */
	if (!report_monthly(S(f), 2026, 12, &r, &err))
		fail_msg("report: %s", err.text);
	assert_int_equal(r.total.meetings, 0);
	assert_int_equal(r.total.events, 1);
	assert_int_equal(r.total.participants, 500);
	report_free(&r);

	/* A deleted meeting no longer counts. */
	{
		struct record m;

		if (!record_find(S(f), K("meeting"), "第8回 役員会", &m, &err))
			fail_msg("find: %s", err.text);
		if (!record_delete(S(f), W(f), &m, &err))
			fail_msg("delete: %s", err.text);
		record_free(&m);
	}
	if (!report_monthly(S(f), 2026, 11, &r, &err))
		fail_msg("report: %s", err.text);
	assert_int_equal(r.total.meetings, 2);
	assert_int_equal(r.total.attendees, 12);
	report_free(&r);
	buf_free(&out);
}

/* The fiscal year: meetings and events per month, April first. */
static void
test_year_activity(void **state)
{
	struct fx *f = *state;
	struct report_year y;
	struct error err;
	struct buf out = {0};

	november_activity(f);
	add_event(f, "2027-03-31", "年度末の行事", "10", "1");
	add_event(f, "2027-04-01", "翌年度の行事", "1000", "100");
	if (!report_year(S(f), 2026, &y, &err))
		fail_msg("report_year: %s", err.text);
	assert_int_equal(y.meetings[6], 1);	/* October */
	assert_int_equal(y.meetings[7], 3);	/* November */
	assert_int_equal(y.attendees[7], 20);
	assert_int_equal(y.events[7], 2);
	assert_int_equal(y.participants[7], 104);
	assert_int_equal(y.volunteers[7], 12);
	assert_int_equal(y.events[8], 1);	/* December */
	assert_int_equal(y.events[11], 1);	/* March */
	assert_int_equal(report_year_sum(y.participants), 614);
	report_year_csv(&y, &out);
	assert_contains(buf_str(&out), "\r\nMeetings held,0,0,0,0,0,0,1,3,0,0,0,0,4\r\n");
	assert_contains(buf_str(&out), "\r\nMeeting attendees,0,0,0,0,0,0,99,20,0,0,0,0,119\r\n");
	assert_contains(buf_str(&out), "\r\nEvents held,0,0,0,0,0,0,0,2,1,0,0,1,4\r\n");
	assert_contains(buf_str(&out), "\r\nEvent participants,0,0,0,0,0,0,0,104,500,0,0,10,614\r\n");
	assert_contains(buf_str(&out), "\r\nEvent volunteers,0,0,0,0,0,0,0,12,50,0,0,1,63\r\n");
	buf_reset(&out);
	report_year_text(&y, &out);
	check_width(buf_str(&out), "year with activity");
	assert_contains(buf_str(&out), "Event participants");
	report_year_free(&y);
	buf_free(&out);
}

/* Splits a line into blank-separated words into out (at most max). */
static int
words_of(const char *line, char out[][64], int max)
{
	int n = 0;
	const char *p = line, *e;

	while (*p != '\0' && n < max) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		e = strchr(p, ' ');
		if (e == NULL)
			e = p + strlen(p);
		snprintf(out[n++], 64, "%.*s", (int)(e - p), p);
		p = e;
	}
	return n;
}

/* The line of text that starts with prefix, into out. */
static void
line_of(const char *text, const char *prefix, char *out, size_t size)
{
	const char *p = text, *e;

	while (p != NULL && *p != '\0') {
		e = strchr(p, '\n');
		if (strncmp(p, prefix, strlen(prefix)) == 0) {
			snprintf(out, size, "%.*s", (int)(e ? e - p : (long)strlen(p)), p);
			return;
		}
		p = e ? e + 1 : NULL;
	}
	fail_msg("no line starting with %s", prefix);
}

static void
test_text_english(void **state)
{
	struct fx *f = *state;
	struct report r;
	struct report_year y;
	struct error err;
	struct buf out = {0};
	char line[512], w[12][64];
	int n;

	november(f);
	if (!report_monthly(S(f), 2026, 11, &r, &err))
		fail_msg("report: %s", err.text);
	report_text(&r, &out);
	report_free(&r);
	check_width(buf_str(&out), "monthly, English");
	assert_contains(buf_str(&out), "2026-11");
	assert_contains(buf_str(&out), "Reiwa 8");
	assert_contains(buf_str(&out), "Days open: 29");
	assert_contains(buf_str(&out), "4 sessions, 82 attendees");
	/* The main table's row of 和室: uses, users, days, %, fee, waived. */
	line_of(buf_str(&out), "和室", line, sizeof line);
	n = words_of(line, w, 12);
	assert_int_equal(n, 7);
	assert_string_equal(w[1], "7");
	assert_string_equal(w[2], "73");
	assert_string_equal(w[3], "3");
	assert_string_equal(w[4], "10.3%");
	assert_string_equal(w[5], "2,000");
	assert_string_equal(w[6], "1,500");
	line_of(buf_str(&out), "Total", line, sizeof line);
	n = words_of(line, w, 12);
	assert_int_equal(n, 7);
	assert_string_equal(w[1], "12");
	assert_string_equal(w[2], "181");
	assert_string_equal(w[4], "5.7%");
	assert_string_equal(w[5], "4,300");
	assert_string_equal(w[6], "4,500");
	/* The long room name is cut to fit, with an ellipsis. */
	assert_not_contains(buf_str(&out), LONG_ROOM);
	assert_contains(buf_str(&out), "多目的");
	buf_reset(&out);

	if (!report_year(S(f), 2026, &y, &err))
		fail_msg("report_year: %s", err.text);
	report_year_text(&y, &out);
	report_year_free(&y);
	check_width(buf_str(&out), "year, English");
	buf_free(&out);
}

static void
test_text_japanese(void **state)
{
	struct fx *f = *state;
	struct report r;
	struct report_year y;
	struct error err;
	struct buf out = {0};

	november(f);
	assert_true(i18n_set_lang("ja"));
	if (!report_monthly(S(f), 2026, 11, &r, &err))
		fail_msg("report: %s", err.text);
	report_text(&r, &out);
	report_free(&r);
	check_width(buf_str(&out), "monthly, Japanese");
	assert_contains(buf_str(&out), "令和8年11月");
	{
		/* With the catalog built, the headings are Japanese. */
		char mo[PATH_MAX + 64];
		struct stat st;

		snprintf(mo, sizeof mo, "%s/ja/LC_MESSAGES/kyodo.mo", i18n_localedir());
		if (stat(mo, &st) == 0)
			assert_contains(buf_str(&out), "部屋");
		else
			fprintf(stderr, "# no catalog at %s: headings stay English\n", mo);
	}
	buf_reset(&out);
	if (!report_year(S(f), 2026, &y, &err))
		fail_msg("report_year: %s", err.text);
	report_year_text(&y, &out);
	report_year_free(&y);
	check_width(buf_str(&out), "year, Japanese");
	assert_contains(buf_str(&out), "令和8年度");
	buf_free(&out);
	i18n_set_lang("en");
}

/* Where the build keeps the catalogs: $BUILD/locale beside $BUILD/tests. */
static void
find_catalogs(void)
{
	char exe[PATH_MAX], dir[PATH_MAX + 16];
	ssize_t n;
	char *slash;

	if (getenv("KYODO_LOCALEDIR") != NULL)
		return;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0) {
		setenv("KYODO_LOCALEDIR", "build/locale", 1);
		return;
	}
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash != NULL)
		*slash = '\0';	/* …/BUILD/tests */
	slash = strrchr(exe, '/');
	if (slash != NULL)
		*slash = '\0';	/* …/BUILD */
	snprintf(dir, sizeof dir, "%s/locale", exe);
	setenv("KYODO_LOCALEDIR", dir, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_monthly_figures, setup, teardown),
		cmocka_unit_test_setup_teardown(test_monthly_csv, setup, teardown),
		cmocka_unit_test_setup_teardown(test_occupancy_rounds_half_up, setup, teardown),
		cmocka_unit_test_setup_teardown(test_days_open_follow_settings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_year_columns, setup, teardown),
		cmocka_unit_test_setup_teardown(test_year_csv, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_english, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_japanese, setup, teardown),
		cmocka_unit_test_setup_teardown(test_monthly_activity, setup, teardown),
		cmocka_unit_test_setup_teardown(test_year_activity, setup, teardown),
	};

	if (sodium_init() < 0)
		return 1;
	find_catalogs();
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return 1;
	i18n_setup("en");
	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
