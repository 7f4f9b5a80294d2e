/* Unit tests for the register of user groups (domain/group) in a real
 * store: the kind's rules (a name, a reading in kana, a category), a name
 * unique among the center's live groups, the waiver each category brings
 * (settings with the city's defaults, checked and audited), the fee and
 * waiver a use of a registered group gets and the month's 減免額, and the
 * names a group field completes from (prefix of name or reading). */
#include "unit.h"

#include "base/actor.h"
#include "domain/group.h"
#include "domain/record.h"
#include "domain/report.h"
#include "domain/setting.h"

struct fx {
	struct unit_fx u;
	struct actor who;
};

#define S(f) ((f)->u.s)
#define W(f) (&(f)->who)

/* Adds a record of kind from field/value pairs; returns whether it was
 * stored, err saying why not. */
static bool
try_add(struct fx *f, const char *kind, const char *const *pairs, char *uuid,
    struct error *err)
{
	return unit_try_add(S(f), W(f), kind, pairs, uuid, err);
}

static void
add(struct fx *f, const char *kind, const char *const *pairs, char *uuid)
{
	unit_add(S(f), W(f), kind, pairs, uuid);
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
	add(f, "room", (const char *const[]){"name", "和室", "capacity", "24", "fee", "500",
	    NULL}, NULL);
	add(f, "group", (const char *const[]){"name", "山びこ会", "reading", "やまびこかい",
	    "representative", "山田 一郎", "contact", "0191-22-1234", "category", "registered",
	    NULL}, NULL);
	add(f, "group", (const char *const[]){"name", "真柴地域協働体", "reading", "マシバ",
	    "category", "body", NULL}, NULL);
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
test_kind_rules(void **state)
{
	struct fx *f = *state;
	struct error err;
	struct record r;

	/* A new group is of the category that waives nothing. */
	record_init(&r, kind_find("group"));
	assert_string_equal(r.value[kind_field(r.kind, "category")], "other");
	record_free(&r);
	assert_false(try_add(f, "group", (const char *const[]){"reading", "なし", NULL}, NULL,
	    &err));
	assert_contains(err.text, "Group name");
	assert_false(try_add(f, "group", (const char *const[]){"name", "囲碁の会", "reading",
	    "囲碁のかい", NULL}, NULL, &err));
	assert_contains(err.text, "kana");
	assert_int_equal(err.field, kind_field(kind_find("group"), "reading"));
	assert_false(try_add(f, "group", (const char *const[]){"name", "囲碁の会", "category",
	    "vip", NULL}, NULL, &err));
	/* Either script, spaces, the long mark and Latin letters read. */
	add(f, "group", (const char *const[]){"name", "囲碁の会", "reading", "イゴノ カイ",
	    NULL}, NULL);
	add(f, "group", (const char *const[]){"name", "NPOこども", "reading", "NPOこども",
	    NULL}, NULL);
	assert_int_equal(unit_sql_int(S(f), "SELECT count(*) FROM user_group"), 4);
}

static void
test_unique_name(void **state)
{
	struct fx *f = *state;
	struct error err;
	struct record r;
	char uuid[37];

	assert_false(try_add(f, "group", (const char *const[]){"name", "山びこ会", NULL}, NULL,
	    &err));
	assert_contains(err.text, "already a group named 山びこ会");
	add(f, "group", (const char *const[]){"name", "囲碁の会", NULL}, uuid);
	/* Renamed to another's name: refused; the group deleted frees it. */
	if (!record_get(S(f), kind_find("group"), uuid, &r, &err))
		fail_msg("%s", err.text);
	record_set(&r, 0, "山びこ会", &err);
	assert_false(record_update(S(f), W(f), &r, &err));
	record_free(&r);
	if (!record_find(S(f), kind_find("group"), "山びこ会", &r, &err))
		fail_msg("%s", err.text);
	if (!record_delete(S(f), W(f), &r, &err))
		fail_msg("%s", err.text);
	record_free(&r);
	add(f, "group", (const char *const[]){"name", "山びこ会", NULL}, NULL);
}

static void
test_waiver_from_category(void **state)
{
	struct fx *f = *state;
	struct group_info g;
	struct error err;
	struct actor sec = {"事務局 太郎", ROLE_SECRETARIAT};

	assert_string_equal(group_category_waiver(S(f), "body"), "full");
	assert_string_equal(group_category_waiver(S(f), "registered"), "half");
	assert_string_equal(group_category_waiver(S(f), "other"), "none");
	assert_true(group_lookup(S(f), "山びこ会", &g));
	assert_string_equal(g.category, "registered");
	assert_string_equal(g.waiver, "half");
	assert_false(group_lookup(S(f), "通りすがり", &g));
	/* The rates are settings: checked, set by center staff, audited. */
	assert_false(setting_valid("group_waiver_registered", "quarter", &err));
	assert_false(setting_set(S(f), &sec, 1, (const char *const[]){"group_waiver_registered"},
	    (const char *const[]){"full"}, &err));
	assert_contains(err.text, "center staff");
	if (!setting_set(S(f), W(f), 1, (const char *const[]){"group_waiver_registered"},
	    (const char *const[]){"full"}, &err))
		fail_msg("%s", err.text);
	assert_string_equal(group_category_waiver(S(f), "registered"), "full");
	assert_int_equal(unit_sql_int(S(f), "SELECT count(*) FROM audit WHERE summary = "
	    "'group_waiver_registered: half → full'"), 1);
	assert_int_equal(group_waived(1500, "half"), 750);
	assert_int_equal(group_waived(1500, "full"), 1500);
	assert_int_equal(group_waived(1500, "other"), 1500);
	assert_int_equal(group_waived(1500, "none"), 0);
	assert_int_equal(group_waived(501, "half"), 250);
}

static long long
use_value(struct fx *f, const char *uuid, const char *column)
{
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT ifnull(\"%s\", -1) FROM facility_use WHERE uuid = '%s'",
	    column, uuid);
	return unit_sql_int(S(f), sql);
}

static void
test_fee_of_a_use(void **state)
{
	struct fx *f = *state;
	struct report rep;
	struct error err;
	char a[37], b[37], c[37], d[37];

	/* Morning and afternoon: two slots of 500. */
	assert_int_equal(group_room_fee(S(f), "和室", "09:00", "17:00"), 1000);
	assert_int_equal(group_room_fee(S(f), "和室", "10:00", NULL), -1);
	assert_int_equal(group_room_fee(S(f), "ない部屋", "09:00", "12:00"), -1);
	add(f, "use", (const char *const[]){"date", "2026-11-04", "start", "09:00", "end",
	    "17:00", "room", "和室", "group", "山びこ会", "category", "group", "people", "8",
	    NULL}, a);
	assert_int_equal(use_value(f, a, "fee"), 500);
	assert_int_equal(use_value(f, a, "exemption"), 500);
	add(f, "use", (const char *const[]){"date", "2026-11-05", "start", "09:00", "end",
	    "12:00", "room", "和室", "group", "真柴地域協働体", "category", "body", NULL}, b);
	assert_int_equal(use_value(f, b, "fee"), 0);
	assert_int_equal(use_value(f, b, "exemption"), 500);
	/* A walk-in pays the room's fee; a waiver typed is what was meant. */
	add(f, "use", (const char *const[]){"date", "2026-11-06", "start", "09:00", "end",
	    "12:00", "room", "和室", "group", "佐々木さん", "category", "individual", NULL}, c);
	assert_int_equal(use_value(f, c, "fee"), 500);
	assert_int_equal(use_value(f, c, "exemption"), -1);	/* none */
	add(f, "use", (const char *const[]){"date", "2026-11-09", "start", "09:00", "end",
	    "12:00", "room", "和室", "group", "山びこ会", "category", "group", "exemption", "100",
	    NULL}, d);
	assert_int_equal(use_value(f, d, "fee"), 400);
	assert_int_equal(use_value(f, d, "exemption"), 100);
	if (!report_monthly(S(f), 2026, 11, &rep, &err))
		fail_msg("%s", err.text);
	assert_int_equal(rep.total.waived, 500 + 500 + 0 + 100);
	assert_int_equal(rep.total.fee, 500 + 0 + 500 + 400);
	report_free(&rep);
}

static void
test_completion(void **state)
{
	struct fx *f = *state;
	struct group_names g = {0};
	struct error err;
	int i, walkin = -1;

	assert_true(group_match("山びこ会", "やまびこかい", "やま"));
	assert_true(group_match("山びこ会", "やまびこかい", "ヤマビ"));
	assert_true(group_match("山びこ会", "やまびこかい", "ﾔﾏ"));
	assert_true(group_match("山びこ会", "やまびこかい", "山び"));
	assert_false(group_match("山びこ会", "やまびこかい", "びこ"));
	assert_true(group_match("NPOこども", NULL, "npo"));
	assert_true(group_match("真柴地域協働体", "マシバ", "ましば"));
	add(f, "use", (const char *const[]){"date", "2026-11-06", "room", "和室", "group",
	    "佐々木さん", "category", "individual", NULL}, NULL);
	add(f, "use", (const char *const[]){"date", "2026-11-07", "room", "和室", "group",
	    "山びこ会", "category", "group", NULL}, NULL);
	if (!group_names_load(S(f), &g, &err))
		fail_msg("%s", err.text);
	/* The register first, by reading; then names typed before, once. */
	assert_int_equal(g.n, 3);
	assert_string_equal(g.v[0].name, "真柴地域協働体");
	assert_true(g.v[0].registered);
	assert_string_equal(g.v[0].category, "body");
	assert_string_equal(g.v[1].name, "山びこ会");
	for (i = 0; i < g.n; i++)
		if (strcmp(g.v[i].name, "佐々木さん") == 0)
			walkin = i;
	assert_int_equal(walkin, 2);
	assert_false(g.v[walkin].registered);
	/* An event's organizer: the register, then earlier organizers (not a
	 * use's group, nor a registered name twice). */
	add(f, "event", (const char *const[]){"date", "2026-11-08", "field", "culture", "title",
	    "文化講座", "organizer", "郷土芸能保存会", NULL}, NULL);
	add(f, "event", (const char *const[]){"date", "2026-11-09", "field", "culture", "title",
	    "合唱祭", "organizer", "山びこ会", NULL}, NULL);
	if (!group_organizers_load(S(f), &g, &err))
		fail_msg("%s", err.text);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.v[0].name, "真柴地域協働体");
	assert_string_equal(g.v[1].name, "山びこ会");
	assert_string_equal(g.v[2].name, "郷土芸能保存会");
	assert_false(g.v[2].registered);
	group_names_free(&g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_kind_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unique_name, setup, teardown),
		cmocka_unit_test_setup_teardown(test_waiver_from_category, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fee_of_a_use, setup, teardown),
		cmocka_unit_test_setup_teardown(test_completion, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
