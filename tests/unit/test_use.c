/* Unit tests for facility use's rules in a real store (domain/use): opening
 * hours and closed days (yearly, weekly, holidays, added dates), no overlap
 * with another use or another group's live booking of the same room, the
 * room's capacity, a hand-typed use refused as the check-in it repeats (and
 * counted once in the monthly report), the fee filled from the room for the
 * slots covered; and a booking's capacity and its fee following its times.
 */
#include "unit.h"

#include "base/actor.h"
#include "domain/booking.h"
#include "domain/record.h"
#include "domain/report.h"

struct fx {
	struct unit_fx u;
	struct actor who;
};

#define S(f) ((f)->u.s)
#define W(f) (&(f)->who)

static void
add(struct fx *f, const char *kind, const char *const *pairs, char *uuid)
{
	struct record r;
	struct error err;

	record_init(&r, kind_find(kind));
	for (; pairs[0] != NULL; pairs += 2)
		unit_set(&r, pairs[0], pairs[1]);
	if (!record_insert(S(f), W(f), &r, &err))
		fail_msg("adding %s refused: %s", kind, err.text);
	if (uuid != NULL)
		snprintf(uuid, 37, "%s", r.uuid);
	record_free(&r);
}

/* A use of room on date start–end by group with people (NULLs left empty). */
static bool
try_use(struct fx *f, const char *room, const char *date, const char *start, const char *end,
    const char *group, const char *people, const char *fee, char *uuid, struct error *err)
{
	struct record r;
	bool ok;

	record_init(&r, kind_find("use"));
	unit_set(&r, "room", room);
	unit_set(&r, "date", date);
	unit_set(&r, "start", start);
	unit_set(&r, "end", end);
	unit_set(&r, "group", group);
	unit_set(&r, "category", "group");
	unit_set(&r, "people", people);
	unit_set(&r, "fee", fee);
	error_clear(err);
	ok = record_insert(S(f), W(f), &r, err);
	if (ok && uuid != NULL)
		snprintf(uuid, 37, "%s", r.uuid);
	record_free(&r);
	return ok;
}

static void
use_ok(struct fx *f, const char *room, const char *date, const char *start, const char *end,
    const char *group, const char *people, char *uuid)
{
	struct error err;

	if (!try_use(f, room, date, start, end, group, people, NULL, uuid, &err))
		fail_msg("use %s %s %s-%s refused: %s", room, date, start ? start : "",
		    end ? end : "", err.text);
}

/* Refused, nothing stored, and the one sentence holds each word. */
static void
use_refused(struct fx *f, const char *room, const char *date, const char *start,
    const char *end, const char *group, const char *people, const char *const *words)
{
	struct error err;
	long long before = unit_sql_int(S(f), "SELECT count(*) FROM facility_use");

	if (try_use(f, room, date, start, end, group, people, NULL, NULL, &err))
		fail_msg("use %s %s %s-%s was accepted", room, date, start ? start : "",
		    end ? end : "");
	for (; *words != NULL; words++)
		assert_contains(err.text, *words);
	assert_int_equal(unit_sql_int(S(f), "SELECT count(*) FROM facility_use"), before);
}

static void
book(struct fx *f, const char *room, const char *date, const char *start, const char *end,
    const char *group, const char *fee, char *uuid)
{
	add(f, "booking", (const char *const[]){"room", room, "date", date, "start", start,
	    "end", end, "group", group, "fee", fee, NULL}, uuid);
}

static long long
sql_int(struct store *s, const char *fmt, const char *arg)
{
	char sql[512];

	snprintf(sql, sizeof sql, fmt, arg);
	return unit_sql_int(s, sql);
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
setup(void **state)
{
	struct fx *f;

	if (setup_bare(state) != 0)
		return -1;
	f = *state;
	add(f, "room", (const char *const[]){"name", "和室", "capacity", "24", "fee", "500",
	    NULL}, NULL);
	add(f, "room", (const char *const[]){"name", "大会議室", "capacity", "60", "fee", "1200",
	    NULL}, NULL);
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	unit_fx_close(&f->u);
	free(f);
	return 0;
}

static void
test_closed_days(void **state)
{
	struct fx *f = *state;
	struct error err;

	use_refused(f, "和室", "2026-12-30", "10:00", "12:00", "囲碁クラブ", "5",
	    (const char *const[]){"2026-12-30", "closed", "12/29", NULL});
	/* Without times too: a closed day has no use at all. */
	use_refused(f, "和室", "2027-01-02", NULL, NULL, "囲碁クラブ", "5",
	    (const char *const[]){"2027-01-02", "closed", NULL});
	add(f, "closed", (const char *const[]){"date", "2026-11-10", "reason", "館内清掃", NULL},
	    NULL);
	use_refused(f, "和室", "2026-11-10", "10:00", "12:00", "囲碁クラブ", "5",
	    (const char *const[]){"2026-11-10", "館内清掃", NULL});
	if (!store_set_setting(S(f), "closed_weekday", "1", &err))	/* Mondays */
		fail_msg("%s", err.text);
	use_refused(f, "和室", "2026-11-16", "10:00", "12:00", "囲碁クラブ", "5",
	    (const char *const[]){"2026-11-16", "Monday", NULL});
	if (!store_set_setting(S(f), "open_on_holidays", "no", &err))
		fail_msg("%s", err.text);
	use_refused(f, "和室", "2026-11-03", "10:00", "12:00", "囲碁クラブ", "5",
	    (const char *const[]){"2026-11-03", "closed", NULL});
	use_ok(f, "和室", "2026-11-11", "10:00", "12:00", "囲碁クラブ", "5", NULL);
	use_ok(f, "和室", "2026-12-25", NULL, NULL, "囲碁クラブ", "5", NULL);
}

static void
test_opening_hours(void **state)
{
	struct fx *f = *state;

	use_refused(f, "和室", "2026-11-11", "08:00", "10:00", "囲碁クラブ", "5",
	    (const char *const[]){"08:00–10:00", "opening hours", "09:00–22:00", NULL});
	use_refused(f, "和室", "2026-11-11", "21:00", "23:00", "囲碁クラブ", "5",
	    (const char *const[]){"21:00–23:00", "opening hours", NULL});
	use_refused(f, "和室", "2026-11-11", "07:30", NULL, "囲碁クラブ", "5",
	    (const char *const[]){"07:30", "opening hours", NULL});
	use_refused(f, "和室", "2026-11-11", NULL, "22:30", "囲碁クラブ", "5",
	    (const char *const[]){"22:30", "opening hours", NULL});
	use_ok(f, "和室", "2026-11-11", "09:00", "12:00", "囲碁クラブ", "5", NULL);
	use_ok(f, "和室", "2026-11-11", "18:00", "22:00", "囲碁クラブ", "5", NULL);
	use_ok(f, "和室", "2026-11-11", "13:00", NULL, "将棋の会", "5", NULL);
}

static void
test_overlapping_uses(void **state)
{
	struct fx *f = *state;
	struct record r;
	struct error err;
	char a[37], gone[37];

	use_ok(f, "大会議室", "2026-12-02", "13:00", "15:00", "囲碁クラブ", "10", a);
	use_refused(f, "大会議室", "2026-12-02", "14:00", "16:00", "書道サークル", "10",
	    (const char *const[]){"大会議室", "2026-12-02", "13:00–15:00", "囲碁クラブ", NULL});
	use_refused(f, "大会議室", "2026-12-02", "09:00", "21:00", "囲碁クラブ", "10",
	    (const char *const[]){"囲碁クラブ", "13:00–15:00", NULL});
	/* Touching, another room, another day: accepted. */
	use_ok(f, "大会議室", "2026-12-02", "15:00", "17:00", "書道サークル", "10", NULL);
	use_ok(f, "和室", "2026-12-02", "13:00", "15:00", "書道サークル", "10", NULL);
	use_ok(f, "大会議室", "2026-12-03", "13:00", "15:00", "書道サークル", "10", NULL);
	/* A use without both times: its time is not known, it meets none. */
	use_ok(f, "大会議室", "2026-12-02", NULL, NULL, "書道サークル", "10", NULL);
	use_ok(f, "大会議室", "2026-12-02", "14:00", NULL, "書道サークル", "10", NULL);
	/* A use is no overlap with itself when edited. */
	if (!record_get(S(f), kind_find("use"), a, &r, &err))
		fail_msg("%s", err.text);
	unit_set(&r, "people", "12");
	if (!record_update(S(f), W(f), &r, &err))
		fail_msg("editing the use refused: %s", err.text);
	/* A deleted use blocks nothing. */
	if (!record_delete(S(f), W(f), &r, &err))
		fail_msg("%s", err.text);
	record_free(&r);
	use_ok(f, "大会議室", "2026-12-02", "14:00", "15:00", "書道サークル", "10", gone);
}

static void
test_bookings_of_other_groups(void **state)
{
	struct fx *f = *state;
	struct error err;
	char b[37];
	int n;

	book(f, "大会議室", "2026-12-04", "13:00", "17:00", "郷土史研究会", NULL, b);
	use_refused(f, "大会議室", "2026-12-04", "16:00", "18:00", "囲碁クラブ", "10",
	    (const char *const[]){"大会議室", "booked", "2026-12-04", "13:00–17:00", "郷土史研究会",
	    NULL});
	/* A use with no group is another group too. */
	use_refused(f, "大会議室", "2026-12-04", "16:00", "18:00", NULL, "10",
	    (const char *const[]){"郷土史研究会", NULL});
	/* The same group's booking is this use before its check-in. */
	use_ok(f, "大会議室", "2026-12-04", "13:00", "16:00", "郷土史研究会", "10", NULL);
	/* A cancelled booking holds nothing. */
	book(f, "和室", "2026-12-04", "13:00", "17:00", "郷土史研究会", NULL, b);
	if (!booking_cancel(S(f), W(f), b, false, &n, &err))
		fail_msg("%s", err.text);
	use_ok(f, "和室", "2026-12-04", "13:00", "15:00", "囲碁クラブ", "10", NULL);
}

static void
test_capacity(void **state)
{
	struct fx *f = *state;
	struct error err;
	struct record r;

	use_refused(f, "和室", "2026-12-07", "13:00", "15:00", "囲碁クラブ", "200",
	    (const char *const[]){"200", "capacity", "和室", "24", NULL});
	use_ok(f, "和室", "2026-12-07", "13:00", "15:00", "囲碁クラブ", "24", NULL);
	/* A booking's expected people too. */
	record_init(&r, kind_find("booking"));
	unit_set(&r, "room", "和室");
	unit_set(&r, "date", "2026-12-08");
	unit_set(&r, "start", "13:00");
	unit_set(&r, "end", "15:00");
	unit_set(&r, "group", "囲碁クラブ");
	unit_set(&r, "people", "25");
	if (record_insert(S(f), W(f), &r, &err))
		fail_msg("a booking for 25 in a room for 24 was accepted");
	assert_contains(err.text, "capacity");
	assert_contains(err.text, "24");
	unit_set(&r, "people", "24");
	if (!record_insert(S(f), W(f), &r, &err))
		fail_msg("booking refused: %s", err.text);
	record_free(&r);
}

static void
test_check_in_is_the_use(void **state)
{
	struct fx *f = *state;
	struct error err;
	struct report rep;
	char b[37], use[37];
	int i;

	book(f, "大会議室", "2026-12-09", "13:00", "17:00", "郷土史研究会", "1200", b);
	if (!booking_check_in(S(f), W(f), b, "15", use, &err))
		fail_msg("check-in refused: %s", err.text);
	use_refused(f, "大会議室", "2026-12-09", "13:00", "17:00", "郷土史研究会", "15",
	    (const char *const[]){"already recorded", "郷土史研究会", "2026-12-09",
	    "13:00–17:00", "checked in", NULL});
	use_refused(f, "大会議室", "2026-12-09", "14:00", "15:00", "郷土史研究会", "15",
	    (const char *const[]){"already recorded", NULL});
	/* Another group meets the check-in as a use. */
	use_refused(f, "大会議室", "2026-12-09", "14:00", "15:00", "囲碁クラブ", "5",
	    (const char *const[]){"already in use", "郷土史研究会", NULL});
	use_ok(f, "大会議室", "2026-12-09", "17:00", "19:00", "郷土史研究会", "15", NULL);
	/* The month counts the checked-in booking once. */
	if (!report_monthly(S(f), 2026, 12, &rep, &err))
		fail_msg("%s", err.text);
	for (i = 0; i < rep.nrows; i++)
		if (strcmp(rep.rows[i].room, "大会議室") == 0) {
			assert_int_equal(rep.rows[i].uses, 2);
			assert_int_equal(rep.rows[i].users, 30);
		}
	assert_int_equal(rep.total.uses, 2);
	report_free(&rep);
}

/* A use typed by hand before its booking's check-in: the check-in takes it
 * (the headcount typed then, the tie to the booking), one use counted. */
static void
test_check_in_takes_the_typed_use(void **state)
{
	struct fx *f = *state;
	struct error err;
	char b[37], typed[37], use[37];

	book(f, "和室", "2026-12-10", "13:00", "17:00", "郷土史研究会", "500", b);
	use_ok(f, "和室", "2026-12-10", "13:00", "16:00", "郷土史研究会", "8", typed);
	if (!booking_check_in(S(f), W(f), b, "12", use, &err))
		fail_msg("check-in refused: %s", err.text);
	assert_string_equal(use, typed);
	assert_int_equal(sql_int(S(f), "SELECT count(*) FROM facility_use WHERE date = '%s' "
	    "AND deleted = 0", "2026-12-10"), 1);
	assert_int_equal(sql_int(S(f), "SELECT people FROM facility_use WHERE uuid = '%s'", use),
	    12);
	assert_int_equal(sql_int(S(f), "SELECT booking = (SELECT uuid FROM booking WHERE "
	    "status = 'used') FROM facility_use WHERE uuid = '%s'", use), 1);
	assert_int_equal(sql_int(S(f), "SELECT version FROM facility_use WHERE uuid = '%s'", use),
	    2);
	/* No headcount at the check-in: the typed one stands. */
	book(f, "和室", "2026-12-11", "13:00", "17:00", "郷土史研究会", "500", b);
	use_ok(f, "和室", "2026-12-11", "13:00", "17:00", "郷土史研究会", "9", typed);
	if (!booking_check_in(S(f), W(f), b, "", use, &err))
		fail_msg("check-in refused: %s", err.text);
	assert_int_equal(sql_int(S(f), "SELECT people FROM facility_use WHERE uuid = '%s'", use),
	    9);
}

static void
test_use_fee_from_the_room(void **state)
{
	struct fx *f = *state;
	struct error err;
	struct record r;
	char u[37];

	/* One slot, two slots (13:00–19:00), three. */
	use_ok(f, "大会議室", "2026-12-10", "09:00", "12:00", "囲碁クラブ", "5", u);
	assert_int_equal(sql_int(S(f), "SELECT fee FROM facility_use WHERE uuid = '%s'", u), 1200);
	use_ok(f, "大会議室", "2026-12-11", "13:00", "19:00", "囲碁クラブ", "5", u);
	assert_int_equal(sql_int(S(f), "SELECT fee FROM facility_use WHERE uuid = '%s'", u), 2400);
	use_ok(f, "和室", "2026-12-11", "10:00", "20:00", "囲碁クラブ", "5", u);
	assert_int_equal(sql_int(S(f), "SELECT fee FROM facility_use WHERE uuid = '%s'", u), 1500);
	/* A fee given stays; no times, no fee. */
	if (!try_use(f, "和室", "2026-12-14", "13:00", "15:00", "囲碁クラブ", "5", "300", u, &err))
		fail_msg("%s", err.text);
	assert_int_equal(sql_int(S(f), "SELECT fee FROM facility_use WHERE uuid = '%s'", u), 300);
	use_ok(f, "和室", "2026-12-15", NULL, NULL, "囲碁クラブ", "5", u);
	assert_int_equal(sql_int(S(f), "SELECT fee IS NULL FROM facility_use WHERE uuid = '%s'",
	    u), 1);
	/* What is waived comes off. */
	record_init(&r, kind_find("use"));
	unit_set(&r, "room", "大会議室");
	unit_set(&r, "date", "2026-12-16");
	unit_set(&r, "start", "13:00");
	unit_set(&r, "end", "17:00");
	unit_set(&r, "category", "group");
	unit_set(&r, "exemption", "600");
	if (!record_insert(S(f), W(f), &r, &err))
		fail_msg("%s", err.text);
	assert_string_equal(r.value[kind_field(r.kind, "fee")], "600");
	record_free(&r);
}

static void
test_booking_fee_follows_times(void **state)
{
	struct fx *f = *state;
	struct error err;
	struct record r;
	char b[37];

	/* Given no fee: the room's for the slots. */
	book(f, "大会議室", "2026-12-17", "13:00", "17:00", "郷土史研究会", NULL, b);
	assert_int_equal(sql_int(S(f), "SELECT fee FROM booking WHERE uuid = '%s'", b), 1200);
	/* Longer: the fee follows (13:00–19:00 covers two slots). */
	if (!record_get(S(f), kind_find("booking"), b, &r, &err))
		fail_msg("%s", err.text);
	unit_set(&r, "end", "19:00");
	if (!record_update(S(f), W(f), &r, &err))
		fail_msg("%s", err.text);
	assert_int_equal(sql_int(S(f), "SELECT fee FROM booking WHERE uuid = '%s'", b), 2400);
	assert_string_equal(r.value[kind_field(r.kind, "fee")], "2400");
	/* Another field changed: the fee stays. */
	unit_set(&r, "people", "8");
	if (!record_update(S(f), W(f), &r, &err))
		fail_msg("%s", err.text);
	assert_int_equal(sql_int(S(f), "SELECT fee FROM booking WHERE uuid = '%s'", b), 2400);
	/* A fee typed in the same change as the times is what was meant. */
	unit_set(&r, "end", "17:00");
	unit_set(&r, "fee", "1000");
	if (!record_update(S(f), W(f), &r, &err))
		fail_msg("%s", err.text);
	assert_int_equal(sql_int(S(f), "SELECT fee FROM booking WHERE uuid = '%s'", b), 1000);
	/* Another room: its fee. */
	unit_set(&r, "room", "和室");
	if (!record_update(S(f), W(f), &r, &err))
		fail_msg("%s", err.text);
	assert_int_equal(sql_int(S(f), "SELECT fee FROM booking WHERE uuid = '%s'", b), 500);
	record_free(&r);
	/* A fee given with a new booking stays. */
	book(f, "大会議室", "2026-12-18", "13:00", "19:00", "郷土史研究会", "700", b);
	assert_int_equal(sql_int(S(f), "SELECT fee FROM booking WHERE uuid = '%s'", b), 700);
}

/* Before the center lists its rooms a use names a room as text: the rules
 * that need no room still hold, and overlap goes by the name. */
static void
test_no_rooms_yet(void **state)
{
	struct fx *f = *state;
	struct error err;
	char u[37];

	use_ok(f, "集会所", "2026-12-02", "13:00", "15:00", "囲碁クラブ", "300", u);
	assert_int_equal(sql_int(S(f), "SELECT fee IS NULL FROM facility_use WHERE uuid = '%s'",
	    u), 1);
	use_refused(f, "集会所", "2026-12-02", "14:00", "16:00", "書道サークル", "5",
	    (const char *const[]){"集会所", "囲碁クラブ", NULL});
	use_refused(f, "集会所", "2026-12-30", "14:00", "16:00", "書道サークル", "5",
	    (const char *const[]){"closed", NULL});
	if (!try_use(f, "別館", "2026-12-02", "14:00", "16:00", "書道サークル", "5", NULL, NULL,
	    &err))
		fail_msg("%s", err.text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_closed_days, setup, teardown),
		cmocka_unit_test_setup_teardown(test_opening_hours, setup, teardown),
		cmocka_unit_test_setup_teardown(test_overlapping_uses, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bookings_of_other_groups, setup, teardown),
		cmocka_unit_test_setup_teardown(test_capacity, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_in_is_the_use, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_in_takes_the_typed_use, setup, teardown),
		cmocka_unit_test_setup_teardown(test_use_fee_from_the_room, setup, teardown),
		cmocka_unit_test_setup_teardown(test_booking_fee_follows_times, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_rooms_yet, setup_bare, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
