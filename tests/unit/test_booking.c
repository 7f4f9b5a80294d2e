/* Unit tests for core/booking, core/room and core/ics in a real store: the
 * overlap rules, opening hours and closed days, the booking horizon, rooms
 * that are unknown or out of use, the settings' checks, repeating bookings
 * (skipped closed dates, all-or-nothing collisions, count and until, fifth
 * weekdays), cancelling and changing "this and later", checking a booking in
 * as a facility use, rooms linking and renaming the rows that name them, and
 * the iCalendar export (CRLF, folding at 75 octets without splitting a
 * character, escaping, TZID, cancelled events); and a month's closed days
 * read at once, as opening_closed says them day by day.
 */
#include "unit.h"

#include "base/actor.h"
#include "domain/booking.h"
#include "base/holiday.h"
#include "domain/ics.h"
#include "base/recur.h"
#include "domain/record.h"
#include "base/text.h"

/* ---- helpers ---- */

struct fx {
	struct unit_fx u;
	struct actor who;
	char washitsu[37];	/* room 和室, fee 1000 */
	char hall[37];		/* room 大会議室 */
};

static const struct kind *
K(const char *name)
{
	const struct kind *k = kind_find(name);

	if (k == NULL)
		fail_msg("no kind %s", name);
	return k;
}

static void
add_room(struct store *s, const struct actor *who, const char *name, const char *fee,
    const char *active, char uuid[37])
{
	struct record r;
	struct error err;

	record_init(&r, K("room"));
	unit_set(&r, "name", name);
	if (fee != NULL)
		unit_set(&r, "fee", fee);
	if (active != NULL)
		unit_set(&r, "active", active);
	if (!record_insert(s, who, &r, &err)) {
		record_free(&r);
		fail_msg("adding room %s: %s", name, err.text);
	}
	if (uuid != NULL)
		snprintf(uuid, 37, "%s", r.uuid);
	record_free(&r);
}

/* A booking record (not stored) for room, date, start–end, group. */
static void
booking_rec(struct record *r, const char *room, const char *date, const char *start,
    const char *end, const char *group)
{
	record_init(r, K("booking"));
	unit_set(r, "room", room);
	unit_set(r, "date", date);
	unit_set(r, "start", start);
	unit_set(r, "end", end);
	unit_set(r, "group", group);
}

/* Tries to store a booking; on success its id goes to uuid (may be NULL). */
static bool
try_book(struct store *s, const struct actor *who, const char *room, const char *date,
    const char *start, const char *end, const char *group, char *uuid, struct error *err)
{
	struct record r;
	bool ok;

	booking_rec(&r, room, date, start, end, group);
	error_clear(err);
	ok = record_insert(s, who, &r, err);
	if (ok && uuid != NULL)
		snprintf(uuid, 37, "%s", r.uuid);
	record_free(&r);
	return ok;
}

/* Stores a booking; the test fails when it is refused. */
static void
book(struct store *s, const struct actor *who, const char *room, const char *date,
    const char *start, const char *end, const char *group, char *uuid)
{
	struct error err;

	if (!try_book(s, who, room, date, start, end, group, uuid, &err))
		fail_msg("booking %s %s %s-%s %s refused: %s", room, date, start, end, group,
		    err.text);
}

/* The booking is refused and the message holds each of the words. */
static void
refused(struct store *s, const struct actor *who, const char *room, const char *date,
    const char *start, const char *end, const char *group, const char *const *words)
{
	struct error err;
	long long before = unit_sql_int(s, "SELECT count(*) FROM booking");

	if (try_book(s, who, room, date, start, end, group, NULL, &err))
		fail_msg("booking %s %s %s-%s %s was accepted", room, date, start, end, group);
	for (; *words != NULL; words++)
		assert_contains(err.text, *words);
	assert_int_equal(unit_sql_int(s, "SELECT count(*) FROM booking"), before);
}

static long long
sqlf_int(struct store *s, const char *fmt, const char *arg)
{
	char sql[1024];

	snprintf(sql, sizeof sql, fmt, arg);
	return unit_sql_int(s, sql);
}

static void
sqlf_text(struct store *s, const char *fmt, const char *arg, char *out, size_t size)
{
	char sql[1024];

	snprintf(sql, sizeof sql, fmt, arg);
	unit_sql_text(s, sql, out, size);
}

static void
setting(struct store *s, const char *key, const char *value)
{
	struct error err;

	if (!store_set_setting(s, key, value, &err))
		fail_msg("setting %s: %s", key, err.text);
}

static void
add_closed(struct store *s, const struct actor *who, const char *date, const char *reason,
    char uuid[37])
{
	struct record r;
	struct error err;

	record_init(&r, K("closed"));
	unit_set(&r, "date", date);
	if (reason != NULL)
		unit_set(&r, "reason", reason);
	if (!record_insert(s, who, &r, &err)) {
		record_free(&r);
		fail_msg("adding closed day %s: %s", date, err.text);
	}
	if (uuid != NULL)
		snprintf(uuid, 37, "%s", r.uuid);
	record_free(&r);
}

static void
get(struct store *s, const char *kind, const char *uuid, struct record *r)
{
	struct error err;

	if (!record_get(s, K(kind), uuid, r, &err))
		fail_msg("record_get %s %s: %s", kind, uuid, err.text);
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
	add_room(f->u.s, &f->who, "和室", "1000", NULL, f->washitsu);
	add_room(f->u.s, &f->who, "大会議室", NULL, NULL, f->hall);
	*state = f;
	return 0;
}

/* A store with no rooms yet. */
static int
setup_bare(void **state)
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

	if (f == NULL)
		return 0;
	unit_fx_close(&f->u);
	free(f);
	unsetenv("KYODO_TODAY");
	return 0;
}

#define S(f) ((f)->u.s)
#define W(f) (&(f)->who)

/* ---- overlap ---- */

static void
test_overlaps_are_refused_naming_the_other(void **state)
{
	struct fx *f = *state;
	static const char *const words[] = {"囲碁クラブ", "2026-10-06", "10:00", "12:00", NULL};

	/* 2026-10-06 is a Tuesday, an ordinary open day. */
	book(S(f), W(f), "和室", "2026-10-06", "10:00", "12:00", "囲碁クラブ", NULL);
	/* inside */
	refused(S(f), W(f), "和室", "2026-10-06", "10:30", "11:30", "書道会", words);
	/* across its start */
	refused(S(f), W(f), "和室", "2026-10-06", "09:00", "10:30", "書道会", words);
	/* across its end */
	refused(S(f), W(f), "和室", "2026-10-06", "11:59", "13:00", "書道会", words);
	/* containing it */
	refused(S(f), W(f), "和室", "2026-10-06", "09:00", "15:00", "書道会", words);
	/* exactly the same times */
	refused(S(f), W(f), "和室", "2026-10-06", "10:00", "12:00", "書道会", words);
	assert_int_equal(unit_sql_int(S(f), "SELECT count(*) FROM booking"), 1);
}

static void
test_touching_ranges_and_other_rooms_are_accepted(void **state)
{
	struct fx *f = *state;

	book(S(f), W(f), "和室", "2026-10-06", "10:00", "12:00", "囲碁クラブ", NULL);
	/* starts where the other ends; ends where it starts */
	book(S(f), W(f), "和室", "2026-10-06", "12:00", "13:00", "書道会", NULL);
	book(S(f), W(f), "和室", "2026-10-06", "09:00", "10:00", "朝ヨガ", NULL);
	/* the same times in another room; and the next day in the same room */
	book(S(f), W(f), "大会議室", "2026-10-06", "10:00", "12:00", "自治会", NULL);
	book(S(f), W(f), "和室", "2026-10-07", "10:00", "12:00", "囲碁クラブ", NULL);
	assert_int_equal(unit_sql_int(S(f), "SELECT count(*) FROM booking"), 5);
	assert_int_equal(unit_sql_int(S(f),
	    "SELECT count(*) FROM booking WHERE room = '和室' AND date = '2026-10-06'"), 3);
}

static void
test_cancelled_booking_does_not_block(void **state)
{
	struct fx *f = *state;
	static const char *const words[] = {"囲碁クラブ", NULL};
	struct error err;
	char id[37], again[37];
	int n = 0;

	book(S(f), W(f), "和室", "2026-10-06", "10:00", "12:00", "囲碁クラブ", id);
	refused(S(f), W(f), "和室", "2026-10-06", "10:00", "12:00", "書道会", words);
	assert_true(booking_cancel(S(f), W(f), id, false, &n, &err));
	assert_int_equal(n, 1);
	assert_int_equal(sqlf_int(S(f), "SELECT status = 'cancelled' FROM booking WHERE uuid = '%s'",
	    id), 1);
	book(S(f), W(f), "和室", "2026-10-06", "10:00", "12:00", "書道会", again);
	assert_string_not_equal(id, again);
}

static void
test_deleted_booking_does_not_block(void **state)
{
	struct fx *f = *state;
	static const char *const words[] = {"囲碁クラブ", NULL};
	struct record r;
	struct error err;
	char id[37];

	book(S(f), W(f), "和室", "2026-10-06", "10:00", "12:00", "囲碁クラブ", id);
	refused(S(f), W(f), "和室", "2026-10-06", "11:00", "12:00", "書道会", words);
	get(S(f), "booking", id, &r);
	if (!record_delete(S(f), W(f), &r, &err))
		fail_msg("delete: %s", err.text);
	record_free(&r);
	assert_int_equal(sqlf_int(S(f), "SELECT deleted FROM booking WHERE uuid = '%s'", id), 1);
	book(S(f), W(f), "和室", "2026-10-06", "11:00", "12:00", "書道会", NULL);
}

static void
test_update_is_no_collision_with_itself(void **state)
{
	struct fx *f = *state;
	struct record r;
	struct error err;
	char id[37], other[37];

	book(S(f), W(f), "和室", "2026-10-06", "10:00", "12:00", "囲碁クラブ", id);
	book(S(f), W(f), "和室", "2026-10-06", "13:00", "15:00", "書道会", other);
	get(S(f), "booking", id, &r);
	/* The same slot, a new purpose. */
	unit_set(&r, "purpose", "月例会");
	if (!record_update(S(f), W(f), &r, &err))
		fail_msg("update in its own slot refused: %s", err.text);
	/* Inside its own old slot. */
	unit_set(&r, "start", "10:30");
	if (!record_update(S(f), W(f), &r, &err))
		fail_msg("shrinking within its own slot refused: %s", err.text);
	assert_int_equal(sqlf_int(S(f), "SELECT version FROM booking WHERE uuid = '%s'", id), 3);
	/* But onto the other booking: refused, naming it. */
	unit_set(&r, "end", "14:00");
	assert_false(record_update(S(f), W(f), &r, &err));
	assert_contains(err.text, "書道会");
	assert_contains(err.text, "13:00");
	record_free(&r);
	assert_int_equal(sqlf_int(S(f), "SELECT \"end\" = '12:00' FROM booking WHERE uuid = '%s'",
	    id), 1);
}

/* ---- opening ---- */

static void
test_outside_opening_hours(void **state)
{
	struct fx *f = *state;
	static const char *const early[] = {"08:00", "09:00", "22:00", "opening hours", NULL};
	static const char *const late[] = {"22:30", "09:00", "22:00", "opening hours", NULL};

	refused(S(f), W(f), "和室", "2026-10-06", "08:00", "10:00", "朝会", early);
	refused(S(f), W(f), "和室", "2026-10-06", "21:00", "22:30", "夜会", late);
	book(S(f), W(f), "和室", "2026-10-06", "09:00", "22:00", "一日", NULL);
	/* Narrower hours from the setting. */
	setting(S(f), "slots", "10:00-12:00,13:00-17:00");
	{
		static const char *const narrow[] = {"10:00", "17:00", NULL};

		refused(S(f), W(f), "和室", "2026-10-07", "09:30", "11:00", "朝会", narrow);
		refused(S(f), W(f), "和室", "2026-10-07", "16:00", "18:00", "夕会", narrow);
	}
	book(S(f), W(f), "和室", "2026-10-07", "10:00", "17:00", "一日", NULL);
}

static void
test_year_end_closing(void **state)
{
	struct fx *f = *state;
	static const char *const words[] = {"closed", "12/29", "1/3", NULL};

	refused(S(f), W(f), "和室", "2026-12-29", "10:00", "12:00", "忘年会", words);
	refused(S(f), W(f), "和室", "2026-12-31", "10:00", "12:00", "忘年会", words);
	refused(S(f), W(f), "和室", "2027-01-01", "10:00", "12:00", "新年会", words);
	refused(S(f), W(f), "和室", "2027-01-03", "10:00", "12:00", "新年会", words);
	book(S(f), W(f), "和室", "2026-12-28", "10:00", "12:00", "忘年会", NULL);
	book(S(f), W(f), "和室", "2027-01-04", "10:00", "12:00", "新年会", NULL);
}

static void
test_added_closed_day(void **state)
{
	struct fx *f = *state;
	static const char *const words[] = {"2026-10-14", "館内清掃", NULL};
	char closed[37];
	struct record r;
	struct error err;

	add_closed(S(f), W(f), "2026-10-14", "館内清掃", closed);
	refused(S(f), W(f), "和室", "2026-10-14", "10:00", "12:00", "囲碁クラブ", words);
	refused(S(f), W(f), "大会議室", "2026-10-14", "18:00", "21:00", "自治会", words);
	/* The day before and after are open. */
	book(S(f), W(f), "和室", "2026-10-13", "10:00", "12:00", "囲碁クラブ", NULL);
	book(S(f), W(f), "和室", "2026-10-15", "10:00", "12:00", "囲碁クラブ", NULL);
	/* A closed day without a reason still closes. */
	add_closed(S(f), W(f), "2026-10-16", NULL, NULL);
	{
		static const char *const none[] = {"2026-10-16", "closed", NULL};

		refused(S(f), W(f), "和室", "2026-10-16", "10:00", "12:00", "囲碁クラブ", none);
	}
	/* A deleted closed day no longer closes. */
	get(S(f), "closed", closed, &r);
	if (!record_delete(S(f), W(f), &r, &err))
		fail_msg("delete closed day: %s", err.text);
	record_free(&r);
	book(S(f), W(f), "和室", "2026-10-14", "10:00", "12:00", "囲碁クラブ", NULL);
}

static void
test_closed_weekday(void **state)
{
	struct fx *f = *state;
	static const char *const words[] = {"2026-10-05", "Monday", NULL};

	/* 2026-10-05 and 10-12 are Mondays. */
	book(S(f), W(f), "和室", "2026-10-05", "10:00", "12:00", "before", NULL);
	setting(S(f), "closed_weekday", "1");
	refused(S(f), W(f), "和室", "2026-10-12", "10:00", "12:00", "囲碁クラブ", words + 1);
	refused(S(f), W(f), "大会議室", "2026-10-05", "13:00", "15:00", "囲碁クラブ", words);
	book(S(f), W(f), "和室", "2026-10-06", "10:00", "12:00", "囲碁クラブ", NULL);
	book(S(f), W(f), "和室", "2026-10-11", "10:00", "12:00", "囲碁クラブ", NULL);
	/* Cleared: Mondays open again. */
	setting(S(f), "closed_weekday", "");
	book(S(f), W(f), "和室", "2026-10-12", "10:00", "12:00", "囲碁クラブ", NULL);
}

static void
test_holidays(void **state)
{
	struct fx *f = *state;
	const char *ja = NULL, *en = NULL;
	const char *words[3] = {"2026-11-23", NULL, NULL};

	assert_true(holiday_of((struct date){2026, 11, 23}, &ja, &en));
	assert_string_equal(ja, "勤労感謝の日");
	words[1] = en;
	/* Open on holidays by default. */
	book(S(f), W(f), "和室", "2026-11-23", "09:00", "12:00", "祝日の会", NULL);
	setting(S(f), "open_on_holidays", "no");
	refused(S(f), W(f), "大会議室", "2026-11-23", "10:00", "12:00", "囲碁クラブ", words);
	/* 2026-11-24 is an ordinary Tuesday. */
	book(S(f), W(f), "大会議室", "2026-11-24", "10:00", "12:00", "囲碁クラブ", NULL);
	setting(S(f), "open_on_holidays", "yes");
	book(S(f), W(f), "大会議室", "2026-11-23", "10:00", "12:00", "囲碁クラブ", NULL);
}

/* A month's closed days read at once are what opening_closed says day by
 * day: yearly, weekly and holiday closings, added dates (not deleted ones,
 * nor another center's, nor a date not stored as YYYY-MM-DD). */
static void
test_closed_month(void **state)
{
	static const int months[][2] = {{2026, 11}, {2026, 12}, {2027, 1}, {2028, 2}};
	struct fx *f = *state;
	struct opening o;
	struct error err;
	struct record r;
	char gone[37];
	bool closed[32];
	size_t i;
	int day;

	setting(S(f), "closed_weekday", "1");
	setting(S(f), "open_on_holidays", "no");
	add_closed(S(f), W(f), "2026-11-10", "館内清掃", NULL);
	add_closed(S(f), W(f), "2026-11-30", NULL, NULL);
	add_closed(S(f), W(f), "2026-11-12", NULL, gone);
	get(S(f), "closed", gone, &r);
	if (!record_delete(S(f), W(f), &r, &err))
		fail_msg("delete closed day: %s", err.text);
	record_free(&r);
	assert_int_equal(sqlite3_exec(store_db(S(f)), "INSERT INTO closed_day (uuid, origin, "
	    "updated_at, created_by, updated_by, date) VALUES "
	    "('x1', 'other', '', 't', 't', '2026-11-13'), "
	    "('x2', 'mashiba', '', 't', 't', '2026-11-5'), "
	    "('x3', 'mashiba', '', 't', 't', '2026-11-06 ')", NULL, NULL, NULL), SQLITE_OK);
	assert_true(opening_load(S(f), &o, &err));
	for (i = 0; i < sizeof months / sizeof months[0]; i++) {
		assert_true(opening_closed_month(S(f), &o, months[i][0], months[i][1], store_origin(S(f)),
		    closed));
		for (day = 1; day <= date_days_in_month(months[i][0], months[i][1]); day++)
			assert_int_equal(closed[day], opening_closed(S(f), &o,
			    (struct date){months[i][0], months[i][1], day}, NULL));
	}
	assert_true(opening_closed_month(S(f), &o, 2026, 11, store_origin(S(f)), closed));
	assert_true(closed[10]);	/* added */
	assert_true(closed[30]);	/* added, and a Monday */
	assert_true(closed[23]);	/* a holiday, and a Monday */
	assert_true(closed[3]);		/* 文化の日 */
	assert_false(closed[12]);	/* deleted */
	assert_false(closed[13]);	/* another center's */
	assert_false(closed[5]);
	assert_false(closed[6]);
	assert_false(closed[11]);
}

static void
test_booking_horizon(void **state)
{
	struct fx *f = *state;
	static const char *const words[] = {"2027-03-28", "3 months", "2027-02-28", NULL};
	static const char *const day_after[] = {"2027-03-01", NULL};

	assert_int_equal(setenv("KYODO_TODAY", "2026-11-28", 1), 0);
	/* No limit by default. */
	book(S(f), W(f), "和室", "2027-06-01", "10:00", "12:00", "遠い予約", NULL);
	setting(S(f), "booking_horizon_months", "3");
	/* 4 months ahead: refused; the limit is 2027-02-28. */
	refused(S(f), W(f), "和室", "2027-03-28", "10:00", "12:00", "囲碁クラブ", words);
	refused(S(f), W(f), "和室", "2027-03-01", "10:00", "12:00", "囲碁クラブ", day_after);
	/* 2 months ahead, and the last day allowed. */
	book(S(f), W(f), "和室", "2027-01-28", "10:00", "12:00", "囲碁クラブ", NULL);
	book(S(f), W(f), "和室", "2027-02-26", "10:00", "12:00", "囲碁クラブ", NULL);
	book(S(f), W(f), "和室", "2027-02-28", "10:00", "12:00", "囲碁クラブ", NULL);
}

static void
test_unknown_room_is_refused(void **state)
{
	struct fx *f = *state;
	static const char *const words[] = {"大ホール", NULL};

	refused(S(f), W(f), "大ホール", "2026-10-06", "10:00", "12:00", "囲碁クラブ", words);
	assert_int_equal(unit_sql_int(S(f), "SELECT count(*) FROM booking"), 0);
}

static void
test_no_rooms_yet_is_refused(void **state)
{
	struct fx *f = *state;
	static const char *const words[] = {"和室", "kyodo add room", NULL};

	refused(S(f), W(f), "和室", "2026-10-06", "10:00", "12:00", "囲碁クラブ", words);
}

static void
test_inactive_room_is_refused(void **state)
{
	struct fx *f = *state;
	static const char *const words[] = {"陶芸室", "not in use", NULL};

	add_room(S(f), W(f), "陶芸室", NULL, "no", NULL);
	refused(S(f), W(f), "陶芸室", "2026-10-06", "10:00", "12:00", "陶芸サークル", words);
}

static void
test_settings_are_checked(void **state)
{
	static const struct { const char *key, *value; bool ok; } cases[] = {
		{"slots", "09:00-12:00,13:00-17:00,18:00-22:00", true},
		{"slots", "10:00-16:00", true},
		{"slots", "12:00-09:00", false},		/* ends before it starts */
		{"slots", "09:00-12:00,11:00-13:00", false},	/* overlapping */
		{"slots", "13:00-17:00,09:00-12:00", false},	/* out of order */
		{"slots", "9-12", false},
		{"slots", "", false},
		{"closed_yearly", "12-29..01-03", true},
		{"closed_yearly", "12-29..01-03,08-13..08-15", true},
		{"closed_yearly", "", true},
		{"closed_yearly", "13-01", false},
		{"closed_yearly", "02-30", false},
		{"closed_yearly", "12-29..", false},
		{"closed_weekday", "0", true},
		{"closed_weekday", "6", true},
		{"closed_weekday", "", true},
		{"closed_weekday", "7", false},
		{"closed_weekday", "-1", false},
		{"closed_weekday", "mon", false},
		{"open_on_holidays", "yes", true},
		{"open_on_holidays", "no", true},
		{"open_on_holidays", "maybe", false},
		{"open_on_holidays", "", false},
		{"booking_horizon_months", "1", true},
		{"booking_horizon_months", "36", true},
		{"booking_horizon_months", "", true},
		{"booking_horizon_months", "0", false},
		{"booking_horizon_months", "37", false},
		{"booking_horizon_months", "3x", false},
	};
	struct error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bool got;

		error_clear(&err);
		got = opening_setting_valid(cases[i].key, cases[i].value, &err);
		if (got != cases[i].ok)
			fail_msg("%s=\"%s\": valid %d, expected %d (%s)", cases[i].key,
			    cases[i].value, got, cases[i].ok, err.text);
		if (!got) {
			assert_contains(err.text, cases[i].key);
			assert_contains(err.text, "not valid");
		}
	}
}

static void
test_bad_stored_setting_refuses_bookings(void **state)
{
	struct fx *f = *state;
	static const char *const words[] = {"slots", "bogus", NULL};

	setting(S(f), "slots", "bogus");
	refused(S(f), W(f), "和室", "2026-10-06", "10:00", "12:00", "囲碁クラブ", words);
}

/* ---- series ---- */

static void
series_tmpl(struct record *r, const char *room, const char *date, const char *start,
    const char *end, const char *group)
{
	booking_rec(r, room, date, start, end, group);
}

static void
test_series_skips_closed_dates(void **state)
{
	struct fx *f = *state;
	struct recur rule = {RECUR_WEEKLY, 1, {2026, 10, 6}, true, {2026, 10, 27}, 0};
	struct series_result res;
	struct record t;
	struct error err;
	char iso[11], dates[256];

	add_closed(S(f), W(f), "2026-10-20", "館内清掃", NULL);
	series_tmpl(&t, "和室", "2026-10-06", "10:00", "12:00", "囲碁クラブ");
	if (!booking_add_series(S(f), W(f), &t, &rule, &res, &err))
		fail_msg("series refused: %s", err.text);
	record_free(&t);
	/* 10-06, 10-13, 10-27 booked; 10-20 skipped. */
	assert_int_equal(res.booked, 3);
	assert_int_equal(res.nskipped, 1);
	date_format(res.skipped[0], iso);
	assert_string_equal(iso, "2026-10-20");
	assert_contains(buf_str(&res.why), "2026-10-20");
	assert_contains(buf_str(&res.why), "館内清掃");
	buf_free(&res.why);
	unit_sql_text(S(f), "SELECT group_concat(date, ' ') FROM (SELECT date FROM booking "
	    "ORDER BY date)", dates, sizeof dates);
	assert_string_equal(dates, "2026-10-06 2026-10-13 2026-10-27");
	assert_int_equal(unit_sql_int(S(f), "SELECT count(DISTINCT series) FROM booking"), 1);
	assert_int_equal(unit_sql_int(S(f), "SELECT count(*) FROM booking WHERE series IS NULL "
	    "OR series = ''"), 0);
	assert_int_equal(unit_sql_int(S(f), "SELECT count(*) FROM booking WHERE start = '10:00' "
	    "AND \"end\" = '12:00' AND \"group\" = '囲碁クラブ' AND status = 'booked' "
	    "AND room_id IS NOT NULL"), 3);
}

static void
test_series_collision_books_nothing(void **state)
{
	struct fx *f = *state;
	struct recur rule = {RECUR_WEEKLY, 1, {2026, 10, 6}, true, {2026, 10, 27}, 0};
	struct series_result res;
	struct record t;
	struct error err;
	long long before, audits;

	book(S(f), W(f), "和室", "2026-10-13", "11:00", "13:00", "書道会", NULL);
	book(S(f), W(f), "和室", "2026-10-27", "09:00", "10:30", "朝ヨガ", NULL);
	before = unit_sql_int(S(f), "SELECT count(*) FROM booking");
	audits = unit_sql_int(S(f), "SELECT count(*) FROM audit");
	series_tmpl(&t, "和室", "2026-10-06", "10:00", "12:00", "囲碁クラブ");
	error_clear(&err);
	assert_false(booking_add_series(S(f), W(f), &t, &rule, &res, &err));
	record_free(&t);
	buf_free(&res.why);
	assert_int_equal(res.booked, 0);
	assert_int_equal(unit_sql_int(S(f), "SELECT count(*) FROM booking"), before);
	assert_int_equal(unit_sql_int(S(f), "SELECT count(*) FROM audit"), audits);
	assert_int_equal(unit_sql_int(S(f),
	    "SELECT count(*) FROM booking WHERE \"group\" = '囲碁クラブ'"), 0);
	assert_contains(err.text, "2026-10-13");
	assert_contains(err.text, "2026-10-27");
	assert_contains(err.text, "書道会");
	assert_contains(err.text, "朝ヨガ");
	assert_not_contains(err.text, "2026-10-06");
	assert_not_contains(err.text, "2026-10-20");
}

static void
test_series_count_and_until(void **state)
{
	struct fx *f = *state;
	/* Every two weeks from Tuesday 2026-10-06, 3 times: 10-06, 10-20, 11-03
	 * (文化の日; holidays are open by default). */
	struct recur by_count = {RECUR_EVERY_N_WEEKS, 2, {2026, 10, 6}, false, {0, 0, 0}, 3};
	/* Weekly from 10-07 up to and including 10-28: 10-07, 14, 21, 28. */
	struct recur by_until = {RECUR_WEEKLY, 1, {2026, 10, 7}, true, {2026, 10, 28}, 0};
	struct series_result res;
	struct record t;
	struct error err;
	char dates[256];

	series_tmpl(&t, "和室", "2026-10-06", "10:00", "12:00", "囲碁クラブ");
	if (!booking_add_series(S(f), W(f), &t, &by_count, &res, &err))
		fail_msg("count series refused: %s", err.text);
	record_free(&t);
	buf_free(&res.why);
	assert_int_equal(res.booked, 3);
	assert_int_equal(res.nskipped, 0);
	unit_sql_text(S(f), "SELECT group_concat(date, ' ') FROM (SELECT date FROM booking "
	    "WHERE \"group\" = '囲碁クラブ' ORDER BY date)", dates, sizeof dates);
	assert_string_equal(dates, "2026-10-06 2026-10-20 2026-11-03");

	series_tmpl(&t, "大会議室", "2026-10-07", "18:00", "21:00", "合唱団");
	if (!booking_add_series(S(f), W(f), &t, &by_until, &res, &err))
		fail_msg("until series refused: %s", err.text);
	record_free(&t);
	buf_free(&res.why);
	assert_int_equal(res.booked, 4);
	unit_sql_text(S(f), "SELECT group_concat(date, ' ') FROM (SELECT date FROM booking "
	    "WHERE \"group\" = '合唱団' ORDER BY date)", dates, sizeof dates);
	assert_string_equal(dates, "2026-10-07 2026-10-14 2026-10-21 2026-10-28");
	/* Two series, two series ids. */
	assert_int_equal(unit_sql_int(S(f), "SELECT count(DISTINCT series) FROM booking"), 2);
}

static void
test_series_monthly_fifth_weekday(void **state)
{
	struct fx *f = *state;
	/* 2026-10-29 is the fifth Thursday.  November 2026, January–March 2027
	 * have no fifth Thursday; December's (12-31) falls in the year-end
	 * closing and is skipped; April 2027 has one (04-29, 昭和の日, open). */
	struct recur rule = {RECUR_MONTHLY_NTH, 1, {2026, 10, 29}, false, {0, 0, 0}, 3};
	struct series_result res;
	struct record t;
	struct error err;
	char dates[256], iso[11];

	series_tmpl(&t, "和室", "2026-10-29", "13:00", "16:00", "手芸の会");
	if (!booking_add_series(S(f), W(f), &t, &rule, &res, &err))
		fail_msg("monthly series refused: %s", err.text);
	record_free(&t);
	assert_int_equal(res.booked, 2);
	assert_int_equal(res.nskipped, 1);
	date_format(res.skipped[0], iso);
	assert_string_equal(iso, "2026-12-31");
	assert_contains(buf_str(&res.why), "2026-12-31");
	buf_free(&res.why);
	unit_sql_text(S(f), "SELECT group_concat(date, ' ') FROM (SELECT date FROM booking "
	    "ORDER BY date)", dates, sizeof dates);
	assert_string_equal(dates, "2026-10-29 2027-04-29");
}

/* A rule whose --until comes before its start gives no dates: refused,
 * nothing booked, and the message must not blame closed days (the center is
 * open on 2026-11-17). */
static void
test_series_until_before_start(void **state)
{
	struct fx *f = *state;
	struct recur rule = {RECUR_WEEKLY, 1, {2026, 11, 17}, true, {2026, 11, 1}, 0};
	struct series_result res;
	struct record t;
	struct error err;

	series_tmpl(&t, "和室", "2026-11-17", "10:00", "12:00", "囲碁クラブ");
	error_clear(&err);
	assert_false(booking_add_series(S(f), W(f), &t, &rule, &res, &err));
	record_free(&t);
	buf_free(&res.why);
	assert_int_equal(res.booked, 0);
	assert_int_equal(unit_sql_int(S(f), "SELECT count(*) FROM booking"), 0);
	assert_not_contains(err.text, "closed");
}

/* Books a weekly series of four Tuesdays from 2026-10-06, 10:00–12:00;
 * ids[i] gets the i-th occurrence's id. */
static void
four_tuesdays(struct fx *f, const char *group, char ids[4][37])
{
	struct recur rule = {RECUR_WEEKLY, 1, {2026, 10, 6}, false, {0, 0, 0}, 4};
	struct series_result res;
	struct record t;
	struct error err;
	char sql[256];
	int i;

	series_tmpl(&t, "和室", "2026-10-06", "10:00", "12:00", group);
	if (!booking_add_series(S(f), W(f), &t, &rule, &res, &err))
		fail_msg("series refused: %s", err.text);
	record_free(&t);
	buf_free(&res.why);
	assert_int_equal(res.booked, 4);
	for (i = 0; i < 4; i++) {
		snprintf(sql, sizeof sql, "SELECT uuid FROM booking WHERE \"group\" = '%s' "
		    "ORDER BY date LIMIT 1 OFFSET %d", group, i);
		unit_sql_text(S(f), sql, ids[i], 37);
	}
}

static void
test_cancel_following(void **state)
{
	struct fx *f = *state;
	char ids[4][37], other[37], st[32];
	struct error err;
	int n = 0, i;
	static const char *const want[4] = {"booked", "cancelled", "cancelled", "cancelled"};

	four_tuesdays(f, "囲碁クラブ", ids);
	/* Another group's booking later on; not part of the series. */
	book(S(f), W(f), "大会議室", "2026-10-27", "10:00", "12:00", "自治会", other);
	if (!booking_cancel(S(f), W(f), ids[1], true, &n, &err))
		fail_msg("cancel following: %s", err.text);
	assert_int_equal(n, 3);
	for (i = 0; i < 4; i++) {
		sqlf_text(S(f), "SELECT status FROM booking WHERE uuid = '%s'", ids[i], st, sizeof st);
		assert_string_equal(st, want[i]);
	}
	sqlf_text(S(f), "SELECT status FROM booking WHERE uuid = '%s'", other, st, sizeof st);
	assert_string_equal(st, "booked");
	/* The cancelled slots are free again. */
	book(S(f), W(f), "和室", "2026-10-20", "10:00", "12:00", "書道会", NULL);
}

static void
test_cancel_one_of_a_series(void **state)
{
	struct fx *f = *state;
	char ids[4][37];
	struct error err;
	int n = 0;

	four_tuesdays(f, "囲碁クラブ", ids);
	assert_true(booking_cancel(S(f), W(f), ids[2], false, &n, &err));
	assert_int_equal(n, 1);
	assert_int_equal(unit_sql_int(S(f), "SELECT count(*) FROM booking WHERE status = 'booked'"),
	    3);
	assert_int_equal(sqlf_int(S(f), "SELECT status = 'cancelled' FROM booking WHERE uuid = '%s'",
	    ids[2]), 1);
}

static void
test_update_following(void **state)
{
	struct fx *f = *state;
	char ids[4][37], times[32];
	struct record r;
	struct error err;
	int n = 0, i;
	static const char *const want[4] = {"10:00-12:00", "13:00-15:00", "13:00-15:00",
		"13:00-15:00"};

	four_tuesdays(f, "囲碁クラブ", ids);
	get(S(f), "booking", ids[1], &r);
	unit_set(&r, "start", "13:00");
	unit_set(&r, "end", "15:00");
	unit_set(&r, "people", "14");
	if (!booking_update_following(S(f), W(f), &r, &n, &err))
		fail_msg("update following: %s", err.text);
	record_free(&r);
	assert_int_equal(n, 3);
	for (i = 0; i < 4; i++) {
		sqlf_text(S(f), "SELECT start || '-' || \"end\" FROM booking WHERE uuid = '%s'",
		    ids[i], times, sizeof times);
		assert_string_equal(times, want[i]);
	}
	assert_int_equal(unit_sql_int(S(f), "SELECT count(*) FROM booking WHERE people = 14"), 3);
	/* Dates are kept. */
	sqlf_text(S(f), "SELECT date FROM booking WHERE uuid = '%s'", ids[3], times, sizeof times);
	assert_string_equal(times, "2026-10-27");
}

static void
test_update_following_is_all_or_nothing(void **state)
{
	struct fx *f = *state;
	char ids[4][37], times[32];
	struct record r;
	struct error err;
	int n = 0, i;
	long long versions;

	four_tuesdays(f, "囲碁クラブ", ids);
	/* Another group holds 16:00–17:00 on the last Tuesday. */
	book(S(f), W(f), "和室", "2026-10-27", "16:00", "17:00", "書道会", NULL);
	versions = unit_sql_int(S(f), "SELECT sum(version) FROM booking");
	get(S(f), "booking", ids[1], &r);
	unit_set(&r, "start", "15:00");
	unit_set(&r, "end", "17:00");
	error_clear(&err);
	assert_false(booking_update_following(S(f), W(f), &r, &n, &err));
	record_free(&r);
	assert_contains(err.text, "書道会");
	assert_contains(err.text, "2026-10-27");
	for (i = 0; i < 4; i++) {
		sqlf_text(S(f), "SELECT start || '-' || \"end\" FROM booking WHERE uuid = '%s'",
		    ids[i], times, sizeof times);
		assert_string_equal(times, "10:00-12:00");
	}
	assert_int_equal(unit_sql_int(S(f), "SELECT sum(version) FROM booking"), versions);
}

/* After a refused "this and later" change, the record in hand still matches
 * the stored row, so the person can correct the times and save again. */
static void
test_update_following_refused_keeps_record_usable(void **state)
{
	struct fx *f = *state;
	char ids[4][37];
	struct record r;
	struct error err;
	long long stored;
	int n = 0;

	four_tuesdays(f, "囲碁クラブ", ids);
	book(S(f), W(f), "和室", "2026-10-27", "16:00", "17:00", "書道会", NULL);
	get(S(f), "booking", ids[1], &r);
	unit_set(&r, "start", "15:00");
	unit_set(&r, "end", "17:00");
	assert_false(booking_update_following(S(f), W(f), &r, &n, &err));
	stored = sqlf_int(S(f), "SELECT version FROM booking WHERE uuid = '%s'", ids[1]);
	if (r.version != stored) {
		long long v = r.version;

		record_free(&r);
		fail_msg("after the refused update the record says version %lld, the store %lld",
		    v, stored);
	}
	unit_set(&r, "start", "13:00");
	unit_set(&r, "end", "15:00");
	if (!booking_update_following(S(f), W(f), &r, &n, &err)) {
		record_free(&r);
		fail_msg("the corrected update was refused: %s", err.text);
	}
	record_free(&r);
	assert_int_equal(n, 3);
}

/* ---- a series' free dates; one, following, all ---- */

static void
test_series_books_free_dates(void **state)
{
	struct fx *f = *state;
	struct recur rule = {RECUR_WEEKLY, 1, {2026, 10, 6}, false, {0, 0, 0}, 4};
	struct series_result res;
	struct record t;
	struct error err;
	char iso[11], dates[256];

	book(S(f), W(f), "和室", "2026-10-13", "11:00", "13:00", "書道会", NULL);
	add_closed(S(f), W(f), "2026-10-20", "館内清掃", NULL);
	series_tmpl(&t, "和室", "2026-10-06", "10:00", "12:00", "囲碁クラブ");
	if (!booking_add_free_dates(S(f), W(f), &t, &rule, &res, &err))
		fail_msg("free dates refused: %s", err.text);
	record_free(&t);
	/* 10-06 and 10-27 booked; 10-13 taken by 書道会; 10-20 closed. */
	assert_int_equal(res.booked, 2);
	assert_int_equal(res.nclashes, 1);
	date_format(res.clashes[0].date, iso);
	assert_string_equal(iso, "2026-10-13");
	assert_non_null(res.clashes[0].holder);
	assert_string_equal(res.clashes[0].holder, "書道会");
	assert_contains(res.clashes[0].why, "書道会");
	assert_int_equal(res.nskipped, 1);
	assert_contains(buf_str(&res.why), "館内清掃");
	series_result_free(&res);
	unit_sql_text(S(f), "SELECT group_concat(date, ' ') FROM (SELECT date FROM booking "
	    "WHERE \"group\" = '囲碁クラブ' ORDER BY date)", dates, sizeof dates);
	assert_string_equal(dates, "2026-10-06 2026-10-27");
	assert_int_equal(unit_sql_int(S(f), "SELECT count(DISTINCT series) FROM booking "
	    "WHERE \"group\" = '囲碁クラブ'"), 1);
}

static void
test_series_free_dates_none_free(void **state)
{
	struct fx *f = *state;
	struct recur rule = {RECUR_WEEKLY, 1, {2026, 10, 6}, false, {0, 0, 0}, 2};
	struct series_result res;
	struct record t;
	struct error err;
	long long before, audits;

	book(S(f), W(f), "和室", "2026-10-06", "10:00", "12:00", "書道会", NULL);
	book(S(f), W(f), "和室", "2026-10-13", "10:00", "12:00", "朝ヨガ", NULL);
	before = unit_sql_int(S(f), "SELECT count(*) FROM booking");
	audits = unit_sql_int(S(f), "SELECT count(*) FROM audit");
	series_tmpl(&t, "和室", "2026-10-06", "10:00", "12:00", "囲碁クラブ");
	error_clear(&err);
	assert_false(booking_add_free_dates(S(f), W(f), &t, &rule, &res, &err));
	record_free(&t);
	series_result_free(&res);
	assert_int_equal(res.booked, 0);
	assert_contains(err.text, "書道会");
	assert_contains(err.text, "朝ヨガ");
	assert_int_equal(unit_sql_int(S(f), "SELECT count(*) FROM booking"), before);
	assert_int_equal(unit_sql_int(S(f), "SELECT count(*) FROM audit"), audits);
}

static void
statuses(struct fx *f, const char *group, char *out, size_t size)
{
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT group_concat(status, ' ') FROM (SELECT status FROM "
	    "booking WHERE \"group\" = '%s' ORDER BY date)", group);
	unit_sql_text(S(f), sql, out, size);
}

static void
test_cancel_scopes(void **state)
{
	struct fx *f = *state;
	static const struct {
		enum booking_scope scope;
		const char *group;
		int n;
		const char *want;
	} cases[] = {
		{BOOKING_ONE, "一の会", 1, "booked cancelled booked booked"},
		{BOOKING_FOLLOWING, "二の会", 3, "booked cancelled cancelled cancelled"},
		{BOOKING_ALL, "三の会", 4, "cancelled cancelled cancelled cancelled"},
	};
	char ids[4][37], st[128];
	struct error err;
	size_t i;
	int n;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		/* One series after the other in the same room: cancel first. */
		four_tuesdays(f, cases[i].group, ids);
		if (!booking_cancel_scope(S(f), W(f), ids[1], cases[i].scope, &n, &err))
			fail_msg("cancel %s: %s", cases[i].group, err.text);
		assert_int_equal(n, cases[i].n);
		statuses(f, cases[i].group, st, sizeof st);
		assert_string_equal(st, cases[i].want);
		/* Free the slots for the next series. */
		booking_cancel_scope(S(f), W(f), ids[0], BOOKING_ALL, &n, &err);
		booking_cancel_scope(S(f), W(f), ids[2], BOOKING_ALL, &n, &err);
	}
}

static void
test_series_others(void **state)
{
	struct fx *f = *state;
	char ids[4][37];
	struct error err;
	int before, after, n;

	four_tuesdays(f, "囲碁クラブ", ids);
	assert_true(booking_series_others(S(f), ids[1], &before, &after, &err));
	assert_int_equal(before, 1);
	assert_int_equal(after, 2);
	assert_true(booking_cancel_scope(S(f), W(f), ids[3], BOOKING_ONE, &n, &err));
	assert_true(booking_series_others(S(f), ids[1], &before, &after, &err));
	assert_int_equal(after, 1);
	book(S(f), W(f), "大会議室", "2026-10-06", "10:00", "12:00", "自治会", NULL);
	assert_true(booking_series_others(S(f), "no-such-id", &before, &after, &err));
	assert_int_equal(before + after, 0);
}

static void
test_update_scopes(void **state)
{
	struct fx *f = *state;
	static const struct {
		enum booking_scope scope;
		const char *group, *room;
		int n;
		const char *want;
	} cases[] = {
		{BOOKING_ONE, "一の会", "和室", 1, "10:00 13:00 10:00 10:00"},
		{BOOKING_FOLLOWING, "二の会", "和室", 3, "10:00 13:00 13:00 13:00"},
		{BOOKING_ALL, "三の会", "和室", 4, "13:00 13:00 13:00 13:00"},
	};
	char ids[4][37], got[128], sql[256];
	struct record r;
	struct error err;
	size_t i;
	int n;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		four_tuesdays(f, cases[i].group, ids);
		get(S(f), "booking", ids[1], &r);
		unit_set(&r, "start", "13:00");
		unit_set(&r, "end", "15:00");
		unit_set(&r, "purpose", "例会");
		if (!booking_update_scope(S(f), W(f), &r, cases[i].scope, &n, &err))
			fail_msg("update %s: %s", cases[i].group, err.text);
		record_free(&r);
		assert_int_equal(n, cases[i].n);
		snprintf(sql, sizeof sql, "SELECT group_concat(start, ' ') FROM (SELECT start FROM "
		    "booking WHERE \"group\" = '%s' ORDER BY date)", cases[i].group);
		unit_sql_text(S(f), sql, got, sizeof got);
		assert_string_equal(got, cases[i].want);
		/* Dates stay. */
		snprintf(sql, sizeof sql, "SELECT group_concat(date, ' ') FROM (SELECT date FROM "
		    "booking WHERE \"group\" = '%s' ORDER BY date)", cases[i].group);
		unit_sql_text(S(f), sql, got, sizeof got);
		assert_string_equal(got, "2026-10-06 2026-10-13 2026-10-20 2026-10-27");
		booking_cancel_scope(S(f), W(f), ids[0], BOOKING_ALL, &n, &err);
		booking_cancel_scope(S(f), W(f), ids[1], BOOKING_ALL, &n, &err);
		booking_cancel_scope(S(f), W(f), ids[2], BOOKING_ONE, &n, &err);
		booking_cancel_scope(S(f), W(f), ids[3], BOOKING_ONE, &n, &err);
	}
}

/* Cancelling in the form (status cancelled), for the following dates. */
static void
test_update_to_cancelled_following(void **state)
{
	struct fx *f = *state;
	char ids[4][37], st[128];
	struct record r;
	struct error err;
	int n;

	four_tuesdays(f, "囲碁クラブ", ids);
	get(S(f), "booking", ids[2], &r);
	unit_set(&r, "status", "cancelled");
	if (!booking_update_scope(S(f), W(f), &r, BOOKING_FOLLOWING, &n, &err))
		fail_msg("update to cancelled: %s", err.text);
	record_free(&r);
	assert_int_equal(n, 2);
	statuses(f, "囲碁クラブ", st, sizeof st);
	assert_string_equal(st, "booked booked cancelled cancelled");
}

/* ---- check-in ---- */

/* Books 和室 on date with fee and waiver, checks it in with people; returns
 * the use's fee and waived yen. */
static void
check_in_with(struct fx *f, const char *date, const char *fee, const char *exemption,
    const char *reason, long long *use_fee, long long *use_waived)
{
	struct record r;
	struct error err;
	char use[37] = "", linked[37], st[32];

	booking_rec(&r, "和室", date, "13:00", "16:00", "囲碁クラブ");
	unit_set(&r, "category", "body");
	unit_set(&r, "people", "20");
	unit_set(&r, "fee", fee);
	unit_set(&r, "exemption", exemption);
	if (reason != NULL)
		unit_set(&r, "exemption_reason", reason);
	if (!record_insert(S(f), W(f), &r, &err))
		fail_msg("booking refused: %s", err.text);
	if (!booking_check_in(S(f), W(f), r.uuid, "12", use, &err))
		fail_msg("check-in refused: %s", err.text);
	assert_int_equal(strlen(use), 36);
	sqlf_text(S(f), "SELECT booking FROM facility_use WHERE uuid = '%s'", use, linked,
	    sizeof linked);
	assert_string_equal(linked, r.uuid);
	assert_int_equal(sqlf_int(S(f), "SELECT people FROM facility_use WHERE uuid = '%s'", use),
	    12);
	sqlf_text(S(f), "SELECT date FROM facility_use WHERE uuid = '%s'", use, linked,
	    sizeof linked);
	assert_string_equal(linked, date);
	sqlf_text(S(f), "SELECT category FROM facility_use WHERE uuid = '%s'", use, linked,
	    sizeof linked);
	assert_string_equal(linked, "body");
	sqlf_text(S(f), "SELECT status FROM booking WHERE uuid = '%s'", r.uuid, st, sizeof st);
	assert_string_equal(st, "used");
	*use_fee = sqlf_int(S(f), "SELECT fee FROM facility_use WHERE uuid = '%s'", use);
	*use_waived = sqlf_int(S(f), "SELECT exemption FROM facility_use WHERE uuid = '%s'", use);
	record_free(&r);
}

static void
test_check_in_fees(void **state)
{
	struct fx *f = *state;
	long long fee, waived;

	/* none: the whole 2000 charged */
	check_in_with(f, "2026-10-06", "2000", "none", NULL, &fee, &waived);
	assert_int_equal(fee, 2000);
	assert_int_equal(waived, 0);
	/* half: 1000 charged, 1000 waived */
	check_in_with(f, "2026-10-07", "2000", "half", NULL, &fee, &waived);
	assert_int_equal(fee, 1000);
	assert_int_equal(waived, 1000);
	/* full: nothing charged, 2000 waived */
	check_in_with(f, "2026-10-08", "2000", "full", NULL, &fee, &waived);
	assert_int_equal(fee, 0);
	assert_int_equal(waived, 2000);
	/* charged + waived is always the booking's fee */
	check_in_with(f, "2026-10-09", "1500", "half", NULL, &fee, &waived);
	assert_int_equal(fee + waived, 1500);
	assert_int_equal(waived, 750);
}

static void
test_check_in_copies_the_booking(void **state)
{
	struct fx *f = *state;
	struct record r;
	struct error err;
	char use[37], row[256], room_id[37];

	booking_rec(&r, "大会議室", "2026-10-06", "18:00", "21:00", "合唱団");
	unit_set(&r, "category", "individual");
	unit_set(&r, "fee", "3000");
	if (!record_insert(S(f), W(f), &r, &err))
		fail_msg("booking refused: %s", err.text);
	if (!booking_check_in(S(f), W(f), r.uuid, "１２", use, &err))
		fail_msg("check-in refused: %s", err.text);
	sqlf_text(S(f), "SELECT date || '|' || start || '|' || \"end\" || '|' || room || '|' || "
	    "\"group\" || '|' || category || '|' || people || '|' || fee || '|' || exemption || '|' "
	    "|| deleted FROM facility_use WHERE uuid = '%s'", use, row, sizeof row);
	assert_string_equal(row, "2026-10-06|18:00|21:00|大会議室|合唱団|individual|12|3000|0|0");
	sqlf_text(S(f), "SELECT room_id FROM facility_use WHERE uuid = '%s'", use, room_id,
	    sizeof room_id);
	assert_string_equal(room_id, f->hall);
	/* Audited. */
	assert_int_equal(sqlf_int(S(f), "SELECT count(*) FROM audit WHERE uuid = '%s'", use), 1);
	record_free(&r);
}

static void
test_check_in_refusals(void **state)
{
	struct fx *f = *state;
	struct error err;
	char a[37], b[37], use[37];
	long long uses;
	int n;

	book(S(f), W(f), "和室", "2026-10-06", "10:00", "12:00", "囲碁クラブ", a);
	book(S(f), W(f), "和室", "2026-10-07", "10:00", "12:00", "書道会", b);
	/* A bad headcount: refused, nothing written. */
	assert_false(booking_check_in(S(f), W(f), a, "many", use, &err));
	assert_false(booking_check_in(S(f), W(f), a, "", use, &err));
	assert_int_equal(unit_sql_int(S(f), "SELECT count(*) FROM facility_use"), 0);
	assert_int_equal(sqlf_int(S(f), "SELECT status = 'booked' FROM booking WHERE uuid = '%s'",
	    a), 1);
	/* Twice: the second is refused. */
	if (!booking_check_in(S(f), W(f), a, "10", use, &err))
		fail_msg("check-in refused: %s", err.text);
	uses = unit_sql_int(S(f), "SELECT count(*) FROM facility_use");
	assert_int_equal(uses, 1);
	error_clear(&err);
	assert_false(booking_check_in(S(f), W(f), a, "10", use, &err));
	assert_contains(err.text, "Used");
	assert_int_equal(unit_sql_int(S(f), "SELECT count(*) FROM facility_use"), uses);
	/* Cancelled: refused. */
	assert_true(booking_cancel(S(f), W(f), b, false, &n, &err));
	error_clear(&err);
	assert_false(booking_check_in(S(f), W(f), b, "10", use, &err));
	assert_contains(err.text, "Cancelled");
	assert_int_equal(unit_sql_int(S(f), "SELECT count(*) FROM facility_use"), uses);
	/* Unknown id: refused. */
	assert_false(booking_check_in(S(f), W(f), "00000000-0000-4000-8000-000000000000", "10",
	    use, &err));
}

/* A booking that was checked in has a facility use pointing at it: it can no
 * longer be cancelled (that would free a slot that was in fact used, and
 * leave the use pointing at a cancelled booking). */
static void
test_cancel_used_booking_is_refused(void **state)
{
	struct fx *f = *state;
	struct error err;
	char id[37], use[37], st[32];
	int n = -1;

	book(S(f), W(f), "和室", "2026-10-06", "10:00", "12:00", "囲碁クラブ", id);
	if (!booking_check_in(S(f), W(f), id, "10", use, &err))
		fail_msg("check-in refused: %s", err.text);
	error_clear(&err);
	assert_false(booking_cancel(S(f), W(f), id, false, &n, &err));
	sqlf_text(S(f), "SELECT status FROM booking WHERE uuid = '%s'", id, st, sizeof st);
	assert_string_equal(st, "used");
	/* The slot stays taken. */
	{
		static const char *const words[] = {"囲碁クラブ", NULL};

		refused(S(f), W(f), "和室", "2026-10-06", "10:00", "12:00", "書道会", words);
	}
}

/* ---- rooms ---- */

static void
add_use(struct fx *f, const char *room, const char *date, char uuid[37])
{
	struct record r;
	struct error err;

	record_init(&r, K("use"));
	unit_set(&r, "date", date);
	unit_set(&r, "room", room);
	unit_set(&r, "category", "group");
	if (!record_insert(S(f), W(f), &r, &err))
		fail_msg("use refused: %s", err.text);
	snprintf(uuid, 37, "%s", r.uuid);
	record_free(&r);
}

static void
test_room_links_and_renames(void **state)
{
	struct fx *f = *state;
	char u1[37], u2[37], other[37], m1[37], room[37], bk[37], got[128];
	struct record r;
	struct error err;

	/* Before any room exists, uses name rooms as free text. */
	add_use(f, "和室", "2026-10-01", u1);
	add_use(f, "和室", "2026-10-02", u2);
	add_use(f, "研修室", "2026-10-02", other);
	record_init(&r, K("meeting"));
	unit_set(&r, "date", "2026-10-03");
	unit_set(&r, "kind", "board");
	unit_set(&r, "title", "役員会");
	unit_set(&r, "room", "和室");
	if (!record_insert(S(f), W(f), &r, &err))
		fail_msg("meeting refused: %s", err.text);
	snprintf(m1, sizeof m1, "%s", r.uuid);
	record_free(&r);
	assert_int_equal(unit_sql_int(S(f), "SELECT count(*) FROM facility_use WHERE room_id IS "
	    "NOT NULL"), 0);

	/* Adding the room links the rows that name it, as new versions. */
	add_room(S(f), W(f), "和室", "1000", NULL, room);
	sqlf_text(S(f), "SELECT ifnull(room_id, '') FROM facility_use WHERE uuid = '%s'", u1, got,
	    sizeof got);
	assert_string_equal(got, room);
	sqlf_text(S(f), "SELECT ifnull(room_id, '') FROM facility_use WHERE uuid = '%s'", u2, got,
	    sizeof got);
	assert_string_equal(got, room);
	sqlf_text(S(f), "SELECT ifnull(room_id, '') FROM meeting WHERE uuid = '%s'", m1, got,
	    sizeof got);
	assert_string_equal(got, room);
	assert_int_equal(sqlf_int(S(f), "SELECT version FROM facility_use WHERE uuid = '%s'", u1),
	    2);
	assert_int_equal(sqlf_int(S(f), "SELECT version FROM meeting WHERE uuid = '%s'", m1), 2);
	/* Another room's use is left alone. */
	assert_int_equal(sqlf_int(S(f), "SELECT room_id IS NULL FROM facility_use WHERE uuid = '%s'",
	    other), 1);
	assert_int_equal(sqlf_int(S(f), "SELECT version FROM facility_use WHERE uuid = '%s'", other),
	    1);

	/* A booking of it, then the rename. */
	book(S(f), W(f), "和室", "2026-10-06", "10:00", "12:00", "囲碁クラブ", bk);
	get(S(f), "room", room, &r);
	unit_set(&r, "name", "和室A");
	if (!record_update(S(f), W(f), &r, &err))
		fail_msg("rename refused: %s", err.text);
	record_free(&r);
	sqlf_text(S(f), "SELECT room FROM facility_use WHERE uuid = '%s'", u1, got, sizeof got);
	assert_string_equal(got, "和室A");
	sqlf_text(S(f), "SELECT room FROM meeting WHERE uuid = '%s'", m1, got, sizeof got);
	assert_string_equal(got, "和室A");
	sqlf_text(S(f), "SELECT room FROM booking WHERE uuid = '%s'", bk, got, sizeof got);
	assert_string_equal(got, "和室A");
	assert_int_equal(sqlf_int(S(f), "SELECT version FROM facility_use WHERE uuid = '%s'", u1),
	    3);
	assert_int_equal(sqlf_int(S(f), "SELECT version FROM booking WHERE uuid = '%s'", bk), 2);
	sqlf_text(S(f), "SELECT room FROM facility_use WHERE uuid = '%s'", other, got, sizeof got);
	assert_string_equal(got, "研修室");
	/* The old name is no longer a room. */
	{
		static const char *const words[] = {"和室", NULL};

		refused(S(f), W(f), "和室", "2026-10-07", "10:00", "12:00", "書道会", words);
	}
	book(S(f), W(f), "和室A", "2026-10-07", "10:00", "12:00", "書道会", NULL);
}

static void
test_room_names_are_unique(void **state)
{
	struct fx *f = *state;
	struct record r;
	struct error err;
	long long rooms = unit_sql_int(S(f), "SELECT count(*) FROM room");

	record_init(&r, K("room"));
	unit_set(&r, "name", "和室");
	error_clear(&err);
	assert_false(record_insert(S(f), W(f), &r, &err));
	assert_contains(err.text, "和室");
	assert_contains(err.text, "already");
	record_free(&r);
	assert_int_equal(unit_sql_int(S(f), "SELECT count(*) FROM room"), rooms);
	/* Renaming onto another room's name: refused too. */
	get(S(f), "room", f->hall, &r);
	unit_set(&r, "name", "和室");
	assert_false(record_update(S(f), W(f), &r, &err));
	assert_contains(err.text, "already");
	record_free(&r);
	/* A deleted room's name can be used again. */
	get(S(f), "room", f->washitsu, &r);
	if (!record_delete(S(f), W(f), &r, &err))
		fail_msg("delete room: %s", err.text);
	record_free(&r);
	add_room(S(f), W(f), "和室", NULL, NULL, NULL);
}

/* ---- ics ---- */

/* Checks the physical lines: CRLF ends only, each at most 75 octets and
 * valid UTF-8 by itself. */
static void
check_ics_lines(const char *ics)
{
	const char *p = ics, *nl;
	size_t len;
	int n = 0;

	assert_true(strlen(ics) >= 2);
	assert_string_equal(ics + strlen(ics) - 2, "\r\n");
	while (*p != '\0') {
		nl = strchr(p, '\n');
		assert_non_null(nl);
		if (nl == p || nl[-1] != '\r')
			fail_msg("line %d does not end in CRLF: %.40s", n + 1, p);
		len = (size_t)(nl - 1 - p);
		if (len > 75)
			fail_msg("line %d has %zu octets: %.*s", n + 1, len, (int)len, p);
		if (!text_is_utf8(p, len))
			fail_msg("line %d is not valid UTF-8 by itself: %.*s", n + 1, (int)len, p);
		if (memchr(p, '\r', len) != NULL)
			fail_msg("line %d holds a bare CR", n + 1);
		p = nl + 1;
		n++;
	}
}

/* Joins folded lines (CRLF followed by a space) and drops the CRLFs, one
 * '\n' per logical line.  Caller frees. */
static char *
ics_unfold(const char *ics)
{
	struct buf b = {0};
	const char *p;
	char *out;

	for (p = ics; *p != '\0'; p++) {
		if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ') {
			p += 2;
			continue;
		}
		if (p[0] == '\r' && p[1] == '\n') {
			buf_addc(&b, '\n');
			p++;
			continue;
		}
		buf_addc(&b, *p);
	}
	out = xstrdup(buf_str(&b));
	buf_free(&b);
	return out;
}

/* The logical line that starts with prefix, or fail. */
static void
logical_line(const char *unfolded, const char *prefix, char *out, size_t size)
{
	const char *p = unfolded, *e;

	for (;;) {
		if (strncmp(p, prefix, strlen(prefix)) == 0) {
			e = strchr(p, '\n');
			snprintf(out, size, "%.*s", (int)(e - p), p);
			return;
		}
		p = strchr(p, '\n');
		if (p == NULL || *++p == '\0')
			fail_msg("no line %s", prefix);
	}
}

static void
test_ics(void **state)
{
	struct fx *f = *state;
	/* 40 kanji in the group, 60 in the purpose: 300 octets of UTF-8. */
	const char *group = "一関市地域協働推進計画の概要版を読む会一関市地域協働推進計画の概要版を読む会";
	const char *purpose = "市民センターでの地域づくり計画の策定と実践のための勉強会市民センターでの地域づくり計画の策定と実践のための勉強会";
	struct record a, b;
	struct buf out = {0}, want = {0};
	struct error err;
	char *un, line[2048];
	int n;

	booking_rec(&a, "和室", "2026-10-06", "10:00", "12:30", group);
	unit_set(&a, "purpose", purpose);
	if (!record_insert(S(f), W(f), &a, &err))
		fail_msg("booking refused: %s", err.text);
	booking_rec(&b, "大会議室", "2026-10-07", "18:00", "21:00", "Choir, Tokyo; \"east\"\\x");
	if (!record_insert(S(f), W(f), &b, &err))
		fail_msg("booking refused: %s", err.text);
	assert_true(booking_cancel(S(f), W(f), b.uuid, false, &n, &err));
	snprintf(line, sizeof line, "%s", b.uuid);
	record_free(&b);
	get(S(f), "booking", line, &b);

	ics_begin(&out, "真柴市民センター");
	ics_booking(&out, &a, "2026-11-28T01:02:03Z");
	ics_booking(&out, &b, "2026-11-28T01:02:03Z");
	ics_end(&out);
	check_ics_lines(buf_str(&out));
	assert_true(strncmp(buf_str(&out), "BEGIN:VCALENDAR\r\n", 17) == 0);
	assert_string_equal(buf_str(&out) + out.len - 15, "END:VCALENDAR\r\n");

	un = ics_unfold(buf_str(&out));
	/* The long summary (8 + 120 + 3 + 180 = 311 octets) was folded onto at
	 * least five physical lines, and unfolds to the whole text. */
	{
		const char *p = buf_str(&out);
		int folds = 0;

		while ((p = strstr(p, "\r\n ")) != NULL && ++folds)
			p++;
		assert_true(folds >= 4);
	}
	assert_not_contains(buf_str(&out), "SUMMARY:一関市地域協働推進計画の概要版を読む会一関市地域協働推進計画の概要版を読む会 - 市民");
	buf_printf(&want, "SUMMARY:%s - %s", group, purpose);
	logical_line(un, "SUMMARY:", line, sizeof line);
	assert_string_equal(line, buf_str(&want));
	logical_line(un, "DTSTART;", line, sizeof line);
	assert_string_equal(line, "DTSTART;TZID=Asia/Tokyo:20261006T100000");
	logical_line(un, "DTEND;", line, sizeof line);
	assert_string_equal(line, "DTEND;TZID=Asia/Tokyo:20261006T123000");
	logical_line(un, "DTSTAMP", line, sizeof line);
	assert_string_equal(line, "DTSTAMP:20261128T010203Z");
	logical_line(un, "LOCATION", line, sizeof line);
	assert_string_equal(line, "LOCATION:和室");
	buf_reset(&want);
	buf_printf(&want, "UID:%s@kyodo", a.uuid);
	assert_contains(un, buf_str(&want));
	assert_contains(un, "BEGIN:VTIMEZONE\nTZID:Asia/Tokyo\n");
	assert_contains(un, "X-WR-CALNAME:真柴市民センター\n");
	/* The second event: escaped text, cancelled. */
	logical_line(strstr(un, b.uuid), "SUMMARY:", line, sizeof line);
	assert_string_equal(line, "SUMMARY:Choir\\, Tokyo\\; \"east\"\\\\x");
	logical_line(strstr(un, b.uuid), "STATUS:", line, sizeof line);
	assert_string_equal(line, "STATUS:CANCELLED");
	logical_line(strstr(un, b.uuid), "SEQUENCE:", line, sizeof line);
	assert_string_equal(line, "SEQUENCE:1");
	logical_line(strstr(un, a.uuid), "STATUS:", line, sizeof line);
	assert_string_equal(line, "STATUS:CONFIRMED");
	/* Two events, balanced. */
	{
		const char *p = un;
		int begins = 0, ends = 0;

		while ((p = strstr(p, "BEGIN:VEVENT\n")) != NULL && ++begins)
			p++;
		for (p = un; (p = strstr(p, "END:VEVENT\n")) != NULL && ++ends;)
			p++;
		assert_int_equal(begins, 2);
		assert_int_equal(ends, 2);
	}
	free(un);
	buf_free(&out);
	buf_free(&want);
	record_free(&a);
	record_free(&b);
}

/* Folding splits at 75 octets exactly: a 75-octet line stays whole, a
 * 76-octet one is folded, and a 3-byte character that would cross the
 * 75th octet moves to the next line whole. */
static void
test_ics_fold_boundaries(void **state)
{
	struct fx *f = *state;
	struct record r;
	struct buf out = {0};
	struct error err;
	char group[128], *un, line[256];
	const char *p;

	/* "SUMMARY:" is 8 octets; 67 ASCII letters make 75. */
	memset(group, 'a', 60);
	group[60] = '\0';
	booking_rec(&r, "和室", "2026-10-06", "10:00", "12:00", group);
	unit_set(&r, "purpose", "bcd");	/* " - bcd": 8 + 60 + 6 = 74 */
	if (!record_insert(S(f), W(f), &r, &err))
		fail_msg("booking refused: %s", err.text);
	ics_booking(&out, &r, "2026-11-28T01:02:03Z");
	check_ics_lines(buf_str(&out));
	p = strstr(buf_str(&out), "SUMMARY:");
	assert_non_null(p);
	assert_int_equal(strchr(p, '\r') - p, 74);
	buf_reset(&out);
	unit_set(&r, "purpose", "bcde");	/* 75: still one line */
	ics_booking(&out, &r, "2026-11-28T01:02:03Z");
	p = strstr(buf_str(&out), "SUMMARY:");
	assert_int_equal(strchr(p, '\r') - p, 75);
	assert_int_equal(p[77], 'L');	/* the next line is LOCATION, not a fold */
	buf_reset(&out);
	unit_set(&r, "purpose", "bcd字");	/* 74 + 3 octets: 字 moves whole */
	ics_booking(&out, &r, "2026-11-28T01:02:03Z");
	check_ics_lines(buf_str(&out));
	p = strstr(buf_str(&out), "SUMMARY:");
	assert_int_equal(strchr(p, '\r') - p, 74);
	assert_true(strncmp(strchr(p, '\r'), "\r\n 字\r\n", 8) == 0);
	un = ics_unfold(buf_str(&out));
	logical_line(un, "SUMMARY:", line, sizeof line);
	assert_contains(line, "- bcd字");
	free(un);
	buf_free(&out);
	record_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_overlaps_are_refused_naming_the_other, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_touching_ranges_and_other_rooms_are_accepted,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_cancelled_booking_does_not_block, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_deleted_booking_does_not_block, setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_is_no_collision_with_itself, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_outside_opening_hours, setup, teardown),
		cmocka_unit_test_setup_teardown(test_year_end_closing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_added_closed_day, setup, teardown),
		cmocka_unit_test_setup_teardown(test_closed_weekday, setup, teardown),
		cmocka_unit_test_setup_teardown(test_holidays, setup, teardown),
		cmocka_unit_test_setup_teardown(test_closed_month, setup, teardown),
		cmocka_unit_test_setup_teardown(test_booking_horizon, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_room_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_rooms_yet_is_refused, setup_bare, teardown),
		cmocka_unit_test_setup_teardown(test_inactive_room_is_refused, setup, teardown),
		cmocka_unit_test(test_settings_are_checked),
		cmocka_unit_test_setup_teardown(test_bad_stored_setting_refuses_bookings, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_series_skips_closed_dates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_series_collision_books_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_series_count_and_until, setup, teardown),
		cmocka_unit_test_setup_teardown(test_series_monthly_fifth_weekday, setup, teardown),
		cmocka_unit_test_setup_teardown(test_series_until_before_start, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cancel_following, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cancel_one_of_a_series, setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_following, setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_following_is_all_or_nothing, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_update_following_refused_keeps_record_usable,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_series_books_free_dates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_series_free_dates_none_free, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cancel_scopes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_series_others, setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_scopes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_to_cancelled_following, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_in_fees, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_in_copies_the_booking, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_in_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cancel_used_booking_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_room_links_and_renames, setup_bare, teardown),
		cmocka_unit_test_setup_teardown(test_room_names_are_unique, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ics, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ics_fold_boundaries, setup, teardown),
	};

	if (sodium_init() < 0)
		return 1;
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return 1;
	i18n_setup("en");
	setlocale(LC_ALL, "C.UTF-8");
	unsetenv("KYODO_TODAY");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
