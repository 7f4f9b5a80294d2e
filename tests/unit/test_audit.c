/* Unit tests for the audit log's reading side: pages newest first with a
 * keyset on id, the filter, and the refusal (itself logged) of a reader who
 * is not an administrator; and that the log cannot be rewritten. */
#include "unit.h"

#include "store/audit.h"

struct seen {
	long long ids[64];
	int n;
};

static void
note(void *ctx, const struct audit_entry *e)
{
	struct seen *s = ctx;

	if (s->n < 64)
		s->ids[s->n++] = e->id;
}

static void
fill(struct store *s, int n)
{
	struct actor who = {"佐藤 花子", ROLE_CENTER};
	char sum[64];
	int i;

	for (i = 0; i < n; i++) {
		snprintf(sum, sizeof sum, "%s %d", i % 2 ? "会議" : "行事", i);
		assert_true(store_begin(s, NULL));
		assert_true(audit_log(s, &who, i % 3 ? "add" : "edit", "meeting", NULL, sum, NULL));
		assert_true(store_commit(s, NULL));
	}
}

static void
test_pages_newest_first(void **state)
{
	struct unit_fx *fx = *state;
	struct actor admin = {"管理者", ROLE_ADMIN};
	struct seen a = {0}, b = {0};
	struct error err;

	fill(fx->s, 25);
	assert_int_equal(audit_page(fx->s, &admin, NULL, NULL, 0, 10, note, &a, &err), 10);
	assert_true(a.ids[0] > a.ids[9]);
	assert_int_equal(audit_page(fx->s, &admin, NULL, NULL, a.ids[9], 10, note, &b, &err), 10);
	assert_int_equal(b.ids[0], a.ids[9] - 1);	/* no gap, no repeat */
}

static void
test_filter(void **state)
{
	struct unit_fx *fx = *state;
	struct actor admin = {"管理者", ROLE_ADMIN};
	struct seen a = {0};
	struct error err;

	fill(fx->s, 12);
	/* Summaries "会議 1", "会議 3" … : six of twelve. */
	assert_int_equal(audit_page(fx->s, &admin, "会議", NULL, 0, 50, note, &a, &err), 6);
	a.n = 0;
	/* The action: i % 3 == 0 is an edit: 0, 3, 6, 9. */
	assert_int_equal(audit_page(fx->s, &admin, "edit", NULL, 0, 50, note, &a, &err), 4);
	a.n = 0;
	/* The action's label, as the screen shows it, in either case. */
	assert_int_equal(audit_page(fx->s, &admin, "changed", NULL, 0, 50, note, &a, &err), 4);
	a.n = 0;
	/* A kind the caller found by its label: every row is a meeting. */
	assert_int_equal(audit_page(fx->s, &admin, "Meeting", "|meeting|", 0, 50, note, &a,
	    &err), 12);
	a.n = 0;
	assert_int_equal(audit_page(fx->s, &admin, "nothing", "|", 0, 50, note, &a, &err), 0);
}

static void
test_labels(void **state)
{
	(void)state;
	assert_string_equal(audit_action_label("delete"), "Deleted");
	assert_string_equal(audit_action_label("sign-in"), "Signed in");
	/* An action kyodo does not know is shown as stored. */
	assert_string_equal(audit_action_label("made-up"), "made-up");
	assert_string_equal(audit_summary_label("read the audit log"),
	    "Tried to read the audit log");
	assert_string_equal(audit_summary_label("2026-11-10 会議"), "2026-11-10 会議");
}

static void
test_only_administrators_read_it(void **state)
{
	struct unit_fx *fx = *state;
	struct actor staff = {"佐藤 花子", ROLE_CENTER};
	struct seen a = {0};
	struct error err;
	long long before = unit_sql_int(fx->s, "SELECT count(*) FROM audit");

	assert_int_equal(audit_page(fx->s, &staff, NULL, NULL, 0, 10, note, &a, &err), -1);
	assert_contains(err.text, "administrator");
	assert_int_equal(a.n, 0);
	/* The refusal is itself in the log. */
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit"), before + 1);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit WHERE action = "
	    "'refused' AND actor = '佐藤 花子'"), 1);
}

static void
test_cannot_be_rewritten(void **state)
{
	struct unit_fx *fx = *state;

	fill(fx->s, 2);
	assert_int_not_equal(sqlite3_exec(store_db(fx->s), "UPDATE audit SET summary = 'x'",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(store_db(fx->s), "DELETE FROM audit", NULL, NULL,
	    NULL), SQLITE_OK);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit WHERE summary = 'x'"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pages_newest_first, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_filter, unit_fx_setup, unit_fx_teardown),
		cmocka_unit_test(test_labels),
		cmocka_unit_test_setup_teardown(test_only_administrators_read_it, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_cannot_be_rewritten, unit_fx_setup,
		    unit_fx_teardown),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
