/* Unit tests for undoing a delete (domain/save.c record_undelete,
 * domain/deleted.c): bringing a record back is its next version, audited,
 * with its values as they were; it keeps the kind's rules (a room used
 * meanwhile, a name taken) and its writers (a role that may not write the
 * kind, a row of another origin); the deleted records are found by title
 * and listed the latest deletion first, of the kinds the person may write.
 */
#include "unit.h"

#include <sqlite3.h>

#include "base/actor.h"
#include "domain/record.h"
#include "store/audit.h"

static const struct actor hanako = {"佐藤 花子", ROLE_CENTER};
static const struct actor kenichi = {"菅原 健一", ROLE_SECRETARIAT};

/* Records added by 佐藤 花子 (center staff). */
static void
add(struct store *s, const char *kind, const char *const *pairs, char *uuid)
{
	unit_add(s, &hanako, kind, pairs, uuid);
}

static void
delete(struct store *s, const char *kind, const char *uuid)
{
	struct record r;
	struct error err;

	if (!record_get(s, kind_find(kind), uuid, &r, &err))
		fail_msg("%s", err.text);
	if (!record_delete(s, &hanako, &r, &err))
		fail_msg("deleting refused: %s", err.text);
	record_free(&r);
}

static long long
count(struct store *s, const char *fmt, const char *arg)
{
	char sql[512];

	snprintf(sql, sizeof sql, fmt, arg);
	return unit_sql_int(s, sql);
}

static void
test_undelete_is_a_new_version(void **state)
{
	struct unit_fx *fx = *state;
	const struct kind *k = kind_find("meeting");
	struct record r;
	struct error err;
	char id[37], text[256];

	add(fx->s, "meeting", (const char *const[]){"date", "2026-11-10", "start", "10:00",
	    "kind", "board", "title", "役員会議", "attendees", "12", NULL}, id);
	delete(fx->s, "meeting", id);
	assert_true(record_get(fx->s, k, id, &r, &err));
	assert_true(r.deleted);
	assert_int_equal(r.version, 2);
	if (!record_undelete(fx->s, &kenichi, &r, &err))
		fail_msg("record_undelete: %s", err.text);
	assert_false(r.deleted);
	assert_int_equal(r.version, 3);
	assert_str(r.updated_by, "菅原 健一");
	record_free(&r);

	/* Stored as the next version, live, its values as they were: it travels
	 * in the monthly file as an edit does. */
	assert_true(record_get(fx->s, k, id, &r, &err));
	assert_false(r.deleted);
	assert_int_equal(r.version, 3);
	assert_str(r.value[kind_field(k, "title")], "役員会議");
	assert_str(r.value[kind_field(k, "attendees")], "12");
	assert_str(r.value[kind_field(k, "start")], "10:00");
	record_free(&r);
	assert_int_equal(record_count(fx->s, k, 2026, 11, &err), 1);
	assert_true(record_find(fx->s, k, "役員会議", &r, &err));
	record_free(&r);

	/* Audited, naming the record. */
	assert_int_equal(count(fx->s, "SELECT count(*) FROM audit WHERE action = 'undelete' AND "
	    "kind = 'meeting' AND uuid = '%s' AND actor = '菅原 健一'", id), 1);
	unit_sql_text(fx->s, "SELECT summary FROM audit WHERE action = 'undelete'", text,
	    sizeof text);
	assert_contains(text, "役員会議");
	assert_contains(text, "2026-11-10");
	/* The audit screen reads it by its label. */
	assert_string_equal(audit_action_label("undelete"), "Restored");

	/* A live record is not brought back again. */
	assert_true(record_get(fx->s, k, id, &r, &err));
	error_clear(&err);
	assert_false(record_undelete(fx->s, &hanako, &r, &err));
	assert_contains(err.text, "not deleted");
	assert_int_equal(r.version, 3);
	record_free(&r);
	assert_int_equal(count(fx->s, "SELECT count(*) FROM audit WHERE uuid = '%s'", id), 3);
}

/* Refused: r stays deleted at its version, the store unchanged. */
static void
undelete_refused(struct store *s, const struct actor *who, const char *kind, const char *id,
    const char *words)
{
	struct record r;
	struct error err;
	long long version;

	if (!record_get(s, kind_find(kind), id, &r, &err))
		fail_msg("%s", err.text);
	version = r.version;
	error_clear(&err);
	if (record_undelete(s, who, &r, &err))
		fail_msg("bringing back %s was accepted", id);
	assert_contains(err.text, words);
	assert_true(r.deleted);
	assert_int_equal(r.version, version);
	record_free(&r);
	if (!record_get(s, kind_find(kind), id, &r, &err))
		fail_msg("%s", err.text);
	assert_true(r.deleted);
	assert_int_equal(r.version, version);
	record_free(&r);
	assert_int_equal(count(s, "SELECT count(*) FROM audit WHERE action = 'undelete' AND "
	    "uuid = '%s'", id), 0);
}

static void
test_undelete_keeps_the_rules(void **state)
{
	struct unit_fx *fx = *state;
	struct error err;
	char use[37], room[37], again[37];

	/* A use brought back over the room's use made meanwhile. */
	add(fx->s, "use", (const char *const[]){"date", "2026-11-20", "start", "10:00", "end",
	    "12:00", "room", "和室", "group", "書道会", "category", "group", NULL}, use);
	delete(fx->s, "use", use);
	add(fx->s, "use", (const char *const[]){"date", "2026-11-20", "start", "11:00", "end",
	    "12:00", "room", "和室", "group", "囲碁クラブ", "category", "group", NULL}, NULL);
	undelete_refused(fx->s, &hanako, "use", use, "囲碁クラブ");

	/* A room whose name another room took meanwhile. */
	add(fx->s, "room", (const char *const[]){"name", "大会議室", NULL}, room);
	delete(fx->s, "room", room);
	add(fx->s, "room", (const char *const[]){"name", "大会議室", "capacity", "60", NULL}, again);
	undelete_refused(fx->s, &hanako, "room", room, "大会議室");

	/* Once the way is clear it comes back. */
	delete(fx->s, "room", again);
	{
		struct record r;

		assert_true(record_get(fx->s, kind_find("room"), room, &r, &err));
		if (!record_undelete(fx->s, &hanako, &r, &err))
			fail_msg("record_undelete: %s", err.text);
		record_free(&r);
	}
	assert_int_equal(count(fx->s, "SELECT deleted FROM room WHERE uuid = '%s'", room), 0);
}

static void
test_undelete_refused_for_others(void **state)
{
	static const char *const city_row = "c17c17c1-0000-4000-8000-000000000001";
	struct unit_fx *fx = *state;
	char room[37];

	/* The secretariat may not change rooms: nor bring one back.  The
	 * refusal is audited as every refused write is. */
	add(fx->s, "room", (const char *const[]){"name", "和室", NULL}, room);
	delete(fx->s, "room", room);
	undelete_refused(fx->s, &kenichi, "room", room, "cannot change");
	assert_int_equal(count(fx->s, "SELECT count(*) FROM audit WHERE action = 'refused' AND "
	    "uuid = '%s'", room), 1);

	/* A row another store owns is its owner's to bring back. */
	assert_int_equal(sqlite3_exec(store_db(fx->s), "INSERT INTO meeting (uuid, origin, "
	    "version, updated_at, deleted, created_by, updated_by, date, kind, title) VALUES "
	    "('c17c17c1-0000-4000-8000-000000000001', 'city', 3, '2026-04-01T00:00:00Z', 1, "
	    "'city:ito', 'city:ito', '2026-04-15', 'city', '市との協議')", NULL, NULL, NULL),
	    SQLITE_OK);
	undelete_refused(fx->s, &hanako, "meeting", city_row, "owner");
}

struct seen {
	int n;
	char kind[8][16], title[8][64];
};

static void
collect(void *ctx, const struct record *r)
{
	struct seen *s = ctx;
	const char *t = r->value[kind_title(r->kind)];

	assert_true(r->deleted);
	if (s->n < 8) {
		snprintf(s->kind[s->n], sizeof s->kind[0], "%s", r->kind->name);
		snprintf(s->title[s->n], sizeof s->title[0], "%s", t ? t : "");
	}
	s->n++;
}

/* Sets when the row was deleted, to the second as the store keeps it. */
static void
deleted_at(struct store *s, const char *table, const char *id, const char *at)
{
	char sql[256];

	snprintf(sql, sizeof sql, "UPDATE %s SET updated_at = '%s' WHERE uuid = '%s'", table,
	    at, id);
	assert_int_equal(sqlite3_exec(store_db(s), sql, NULL, NULL, NULL), SQLITE_OK);
}

static void
test_deleted_listed_and_found(void **state)
{
	struct unit_fx *fx = *state;
	struct seen seen;
	struct record r;
	struct error err;
	char m1[37], m2[37], room[37], ev[37], prefix[9];

	add(fx->s, "meeting", (const char *const[]){"date", "2026-11-10", "kind", "board",
	    "title", "役員会議", NULL}, m1);
	add(fx->s, "meeting", (const char *const[]){"date", "2026-11-12", "kind", "board",
	    "title", "準備会", NULL}, m2);
	add(fx->s, "room", (const char *const[]){"name", "和室", NULL}, room);
	add(fx->s, "event", (const char *const[]){"date", "2026-11-15", "title", "餅つき",
	    "field", "culture", NULL}, ev);
	add(fx->s, "meeting", (const char *const[]){"date", "2026-11-16", "kind", "board",
	    "title", "残る会議", NULL}, NULL);
	delete(fx->s, "meeting", m1);
	delete(fx->s, "meeting", m2);
	delete(fx->s, "room", room);
	delete(fx->s, "event", ev);
	deleted_at(fx->s, "meeting", m1, "2026-11-28T01:00:00Z");
	deleted_at(fx->s, "room", room, "2026-11-28T02:00:00Z");
	deleted_at(fx->s, "event", ev, "2026-11-28T03:00:00Z");
	deleted_at(fx->s, "meeting", m2, "2026-11-28T04:00:00Z");

	/* The latest deletion first, across kinds; the live one not at all. */
	memset(&seen, 0, sizeof seen);
	assert_int_equal(record_list_deleted(fx->s, &hanako, 50, collect, &seen, &err), 4);
	assert_string_equal(seen.title[0], "準備会");
	assert_string_equal(seen.title[1], "餅つき");
	assert_string_equal(seen.title[2], "和室");
	assert_string_equal(seen.kind[2], "room");
	assert_string_equal(seen.title[3], "役員会議");
	memset(&seen, 0, sizeof seen);
	assert_int_equal(record_list_deleted(fx->s, &hanako, 2, collect, &seen, &err), 2);
	assert_string_equal(seen.title[1], "餅つき");
	/* Only the kinds the person may write: the secretariat sees no room. */
	memset(&seen, 0, sizeof seen);
	assert_int_equal(record_list_deleted(fx->s, &kenichi, 50, collect, &seen, &err), 3);
	assert_string_equal(seen.title[2], "役員会議");

	/* Found by title or id prefix among the deleted only. */
	assert_true(record_find_deleted(fx->s, kind_find("meeting"), "役員会議", &r, &err));
	assert_string_equal(r.uuid, m1);
	record_free(&r);
	snprintf(prefix, sizeof prefix, "%.8s", m2);
	assert_true(record_find_deleted(fx->s, kind_find("meeting"), prefix, &r, &err));
	assert_string_equal(r.uuid, m2);
	record_free(&r);
	error_clear(&err);
	assert_false(record_find_deleted(fx->s, kind_find("meeting"), "残る会議", &r, &err));
	assert_contains(err.text, "No deleted Meeting");
}

#define DB(t) cmocka_unit_test_setup_teardown(t, unit_fx_setup, unit_fx_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		DB(test_undelete_is_a_new_version),
		DB(test_undelete_keeps_the_rules),
		DB(test_undelete_refused_for_others),
		DB(test_deleted_listed_and_found),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
