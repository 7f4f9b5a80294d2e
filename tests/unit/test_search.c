/* Unit tests for domain/search: every month of a kind, newest first, the
 * words folded on both sides, the limit and the count beyond it. */
#include "unit.h"

#include "domain/record.h"
#include "domain/search.h"

static const struct actor hanako = {"佐藤 花子", ROLE_CENTER};

/* Adds a record of kind from name=value pairs (NULL-ended); its uuid into
 * uuid (37 bytes) when given. */
static void
add(struct store *s, const char *kind, char *uuid, ...)
{
	const struct kind *k = kind_find(kind);
	struct record r;
	struct error err;
	const char *name, *value;
	va_list ap;

	record_init(&r, k);
	va_start(ap, uuid);
	while ((name = va_arg(ap, const char *)) != NULL) {
		value = va_arg(ap, const char *);
		if (!record_set(&r, kind_field(k, name), value, &err))
			fail_msg("%s: %s", name, err.text);
	}
	va_end(ap);
	if (!record_insert(s, &hanako, &r, &err))
		fail_msg("record_insert: %s", err.text);
	if (uuid != NULL)
		memcpy(uuid, r.uuid, 37);
	record_free(&r);
}

static void
test_fields_searched(void **state)
{
	const struct kind *m = kind_find("meeting"), *u = kind_find("use");

	(void)state;
	assert_true(search_field(&m->fields[kind_field(m, "title")]));
	assert_true(search_field(&m->fields[kind_field(m, "summary")]));
	assert_true(search_field(&m->fields[kind_field(m, "room")]));
	assert_false(search_field(&m->fields[kind_field(m, "kind")]));
	assert_false(search_field(&m->fields[kind_field(m, "date")]));
	assert_false(search_field(&m->fields[kind_field(m, "attendees")]));
	assert_true(search_field(&u->fields[kind_field(u, "group")]));
	assert_false(search_field(&u->fields[kind_field(u, "fee")]));
	assert_true(search_has_words("かいぎ"));
	assert_false(search_has_words(" 　 "));
	assert_false(search_has_words(NULL));
}

static void
test_every_month_newest_first(void **state)
{
	struct unit_fx *fx = *state;
	const struct kind *m = kind_find("meeting");
	struct record_rows rows = {0};
	struct error err;
	char a[37], b[37], c[37];
	long total;

	add(fx->s, "meeting", a, "date", "2024-05-01", "kind", "board", "title", "カラオケの件", NULL);
	add(fx->s, "meeting", b, "date", "2026-11-02", "kind", "board", "title", "定例",
	    "start", "10:00", "agenda", "ｶﾗｵｹ機材", NULL);
	add(fx->s, "meeting", c, "date", "2026-11-02", "kind", "board", "title", "からおけ",
	    "start", "13:00", NULL);
	add(fx->s, "meeting", NULL, "date", "2026-11-03", "kind", "board", "title", "円卓", NULL);
	assert_true(search_records(fx->s, m, "カラオケ", 0, 0, 0, &rows, &total, &err));
	assert_int_equal(rows.n, 3);
	assert_int_equal(total, 3);
	assert_str(rows.rows[0].uuid, c);	/* the same day: the later start first */
	assert_str(rows.rows[1].uuid, b);
	assert_str(rows.rows[2].uuid, a);
	/* What is stored is not folded. */
	assert_str(rows.rows[1].value[kind_field(m, "agenda")], "ｶﾗｵｹ機材");
	record_rows_clear(&rows);

	/* A month narrows; two words must both be there. */
	assert_true(search_records(fx->s, m, "からおけ", 2024, 5, 0, &rows, &total, &err));
	assert_int_equal(rows.n, 1);
	assert_str(rows.rows[0].uuid, a);
	record_rows_clear(&rows);
	assert_true(search_records(fx->s, m, "からおけ　機材", 0, 0, 0, &rows, &total, &err));
	assert_int_equal(rows.n, 1);
	assert_str(rows.rows[0].uuid, b);
	record_rows_clear(&rows);

	/* A word does not match across two fields. */
	assert_true(search_records(fx->s, m, "定例ｶﾗ", 0, 0, 0, &rows, &total, &err));
	assert_int_equal(total, 0);
	/* Blank finds nothing, and is no error. */
	assert_true(search_records(fx->s, m, "  ", 0, 0, 0, &rows, &total, &err));
	assert_int_equal(rows.n, 0);
	assert_int_equal(total, 0);
	record_rows_free(&rows);
}

static void
test_limit_and_total(void **state)
{
	struct unit_fx *fx = *state;
	const struct kind *u = kind_find("use");
	struct record_rows rows = {0};
	struct error err;
	char date[16];
	long total;
	int i;

	assert_true(store_begin(fx->s, &err));
	for (i = 0; i < 30; i++) {
		snprintf(date, sizeof date, "2025-%02d-%02d", i % 12 + 1, i % 20 + 5);
		add(fx->s, "use", NULL, "date", date, "room", "和室", "group", "ＮＰＯ法人ひまわり",
		    "category", "group", NULL);
	}
	add(fx->s, "use", NULL, "date", "2025-01-05", "room", "和室", "group", "囲碁",
	    "category", "group", NULL);
	assert_true(store_commit(fx->s, &err));
	assert_true(search_records(fx->s, u, "npo ヒマワリ", 0, 0, 10, &rows, &total, &err));
	assert_int_equal(rows.n, 10);
	assert_int_equal(total, 30);
	assert_str(rows.rows[0].value[kind_field(u, "date")], "2025-12-16");
	record_rows_free(&rows);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields_searched),
		cmocka_unit_test_setup_teardown(test_every_month_newest_first, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_limit_and_total, unit_fx_setup,
		    unit_fx_teardown),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
