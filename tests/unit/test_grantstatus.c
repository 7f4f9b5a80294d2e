/* Unit tests for grantstatus: the codes as stored and written to CSV, their
 * labels, the status derived from the application and the city's decision,
 * and the predicates the screens ask — each status against each predicate,
 * as the kiosk offered its moves when it compared codes. */
#include "unit.h"

#include "domain/grantstatus.h"

static const enum grant_status all[] = {
	GRANT_STATUS_OTHER, GRANT_STATUS_DRAFT, GRANT_STATUS_APPLIED, GRANT_STATUS_DECIDED,
	GRANT_STATUS_REPORTED, GRANT_STATUS_SETTLED, GRANT_STATUS_PAID, GRANT_STATUS_WITHDRAWN,
};
#define NALL ((int)(sizeof all / sizeof all[0]))

static void
test_codes(void **state)
{
	static const char *const codes[] = {
		"", "draft", "applied", "decided", "reported", "settled", "paid", "withdrawn",
	};
	int i;

	(void)state;
	for (i = 0; i < NALL; i++) {
		assert_string_equal(grant_status_code(all[i]), codes[i]);
		if (all[i] != GRANT_STATUS_OTHER)
			assert_int_equal(grant_status_of(codes[i]), all[i]);
	}
	/* Codes are exact: no other spelling, nothing, nothing at all. */
	assert_int_equal(grant_status_of(""), GRANT_STATUS_OTHER);
	assert_int_equal(grant_status_of(NULL), GRANT_STATUS_OTHER);
	assert_int_equal(grant_status_of("Draft"), GRANT_STATUS_OTHER);
	assert_int_equal(grant_status_of("paid "), GRANT_STATUS_OTHER);
	assert_int_equal(grant_status_of("booked"), GRANT_STATUS_OTHER);
	/* A value out of the enum's range has no code. */
	assert_string_equal(grant_status_code((enum grant_status)99), "");
}

static void
test_labels(void **state)
{
	const char *odd = "mystery";

	(void)state;
	assert_string_equal(grant_status_label("draft"), "Draft");
	assert_string_equal(grant_status_label("applied"), "Applied");
	assert_string_equal(grant_status_label("decided"), "Decided");
	assert_string_equal(grant_status_label("reported"), "Results reported");
	assert_string_equal(grant_status_label("settled"), "Settled");
	assert_string_equal(grant_status_label("paid"), "Paid");
	assert_string_equal(grant_status_label("withdrawn"), "Withdrawn");
	/* A code kyodo does not know is shown as it is stored. */
	assert_ptr_equal(grant_status_label(odd), odd);
}

static void
test_derive(void **state)
{
	(void)state;
	/* No decision row: the stored status as it is. */
	assert_int_equal(grant_status_derive(GRANT_STATUS_DRAFT, false, false, false),
	    GRANT_STATUS_DRAFT);
	assert_int_equal(grant_status_derive(GRANT_STATUS_APPLIED, false, false, false),
	    GRANT_STATUS_APPLIED);
	assert_int_equal(grant_status_derive(GRANT_STATUS_REPORTED, false, false, false),
	    GRANT_STATUS_REPORTED);
	assert_int_equal(grant_status_derive(GRANT_STATUS_OTHER, false, false, false),
	    GRANT_STATUS_OTHER);
	/* A decided amount: decided, until the center reports. */
	assert_int_equal(grant_status_derive(GRANT_STATUS_APPLIED, true, false, false),
	    GRANT_STATUS_DECIDED);
	assert_int_equal(grant_status_derive(GRANT_STATUS_OTHER, true, false, false),
	    GRANT_STATUS_DECIDED);
	assert_int_equal(grant_status_derive(GRANT_STATUS_REPORTED, true, false, false),
	    GRANT_STATUS_REPORTED);
	/* The city's later steps pass the center's report. */
	assert_int_equal(grant_status_derive(GRANT_STATUS_REPORTED, true, true, false),
	    GRANT_STATUS_SETTLED);
	assert_int_equal(grant_status_derive(GRANT_STATUS_REPORTED, true, true, true),
	    GRANT_STATUS_PAID);
	/* Withdrawn wins over everything the city's row says. */
	assert_int_equal(grant_status_derive(GRANT_STATUS_WITHDRAWN, true, false, false),
	    GRANT_STATUS_WITHDRAWN);
	assert_int_equal(grant_status_derive(GRANT_STATUS_WITHDRAWN, true, true, true),
	    GRANT_STATUS_WITHDRAWN);
}

/* Each predicate and the statuses it is true for (false for the rest),
 * as the screens answered when they compared codes. */
struct expect {
	const char *name;
	bool (*pred)(enum grant_status s);
	enum grant_status yes[8];
	int nyes;
};

#define S(x) GRANT_STATUS_##x

static void
test_predicates(void **state)
{
	static const struct expect table[] = {
		{"is_withdrawn", grant_is_withdrawn, {S(WITHDRAWN)}, 1},
		{"is_waiting", grant_is_waiting, {S(APPLIED)}, 1},
		{"has_decision", grant_has_decision, {S(DECIDED), S(REPORTED), S(SETTLED), S(PAID)}, 4},
		{"has_final", grant_has_final, {S(SETTLED), S(PAID)}, 2},
		{"takes_expenses", grant_takes_expenses, {S(OTHER), S(DRAFT), S(APPLIED), S(DECIDED),
		    S(REPORTED), S(SETTLED), S(PAID)}, 7},
		{"can_apply", grant_can_apply, {S(DRAFT)}, 1},
		{"can_report", grant_can_report, {S(DECIDED)}, 1},
		{"can_withdraw", grant_can_withdraw, {S(OTHER), S(DRAFT), S(APPLIED), S(DECIDED),
		    S(REPORTED), S(SETTLED)}, 6},
		{"can_decide", grant_can_decide, {S(APPLIED)}, 1},
		{"can_advance", grant_can_advance, {S(DECIDED), S(REPORTED)}, 2},
		{"can_settle", grant_can_settle, {S(REPORTED)}, 1},
		{"can_pay", grant_can_pay, {S(SETTLED)}, 1},
	};
	int t, i, j;

	(void)state;
	for (t = 0; t < (int)(sizeof table / sizeof table[0]); t++) {
		const struct expect *e = &table[t];

		for (i = 0; i < NALL; i++) {
			bool want = false;

			for (j = 0; j < e->nyes; j++)
				want = want || e->yes[j] == all[i];
			if (e->pred(all[i]) != want)
				fail_msg("grant_%s(\"%s\") is %s", e->name,
				    grant_status_code(all[i]), want ? "false" : "true");
		}
	}
}

/* What follows from what: a final amount is decided first, the steps after
 * the decision need one, a withdrawn application offers nothing, and the
 * city decides what waits for it. */
static void
test_predicates_agree(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < NALL; i++) {
		enum grant_status s = all[i];

		if (grant_has_final(s))
			assert_true(grant_has_decision(s));
		if (grant_can_report(s) || grant_can_advance(s) || grant_can_settle(s) ||
		    grant_can_pay(s))
			assert_true(grant_has_decision(s));
		if (grant_is_withdrawn(s))
			assert_false(grant_takes_expenses(s) || grant_can_withdraw(s) ||
			    grant_can_apply(s) || grant_can_decide(s));
		assert_int_equal(grant_can_decide(s), grant_is_waiting(s));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_derive),
		cmocka_unit_test(test_predicates),
		cmocka_unit_test(test_predicates_agree),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
