/* Unit tests for roles in the core: what each role may write is decided
 * here, not by which keys a screen shows, and every refusal is audited. */
#include "unit.h"

#include "store/audit.h"
#include "domain/grantbook.h"
#include "domain/record.h"
#include "domain/staff.h"

static long long
refusals(struct store *s)
{
	return unit_sql_int(s, "SELECT count(*) FROM audit WHERE action = 'refused'");
}

static void
make(struct record *r, const char *kind, const char *const *pairs)
{
	const struct kind *k = kind_find(kind);
	struct error err;

	record_init(r, k);
	for (; pairs[0] != NULL; pairs += 2)
		if (!record_set(r, kind_field(k, pairs[0]), pairs[1], &err))
			fail_msg("%s: %s", pairs[0], err.text);
}

static void
test_secretariat_cannot_add_staff(void **state)
{
	struct unit_fx *fx = *state;
	struct actor sec = {"菅原 健一", ROLE_SECRETARIAT};
	struct error err;

	assert_false(staff_add(fx->s, &sec, "新人", ROLE_CENTER, "1234", &err));
	assert_contains(err.text, "administrator");
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM staff"), 0);
	assert_int_equal(refusals(fx->s), 1);
}

static void
test_secretariat_cannot_write_city_rows(void **state)
{
	struct unit_fx *fx = *state;
	struct actor sec = {"菅原 健一", ROLE_SECRETARIAT};
	struct record r;
	struct error err;

	make(&r, "programme", (const char *const[]){"code", "extra", "name", "x", "rate_num", "1",
	    "rate_den", "1", "unit", "1000", "fy_from", "2026", NULL});
	assert_false(record_insert(fx->s, &sec, &r, &err));
	record_free(&r);
	make(&r, "decision", (const char *const[]){"application", "a", "center", "mashiba",
	    "decided_amount", "1000", NULL});
	assert_false(record_insert(fx->s, &sec, &r, &err));
	record_free(&r);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM decision"), 0);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM programme WHERE code = 'extra'"), 0);
	assert_int_equal(refusals(fx->s), 2);
	/* Nor edit a programme the city shipped. */
	assert_true(record_find(fx->s, kind_find("programme"), "support", &r, &err));
	assert_true(record_set(&r, kind_field(r.kind, "limit"), "999999", &err));
	assert_false(record_update(fx->s, &sec, &r, &err));
	record_free(&r);
	assert_int_equal(refusals(fx->s), 3);
	assert_int_equal(unit_sql_int(fx->s, "SELECT \"limit\" FROM programme WHERE code = "
	    "'support'"), 200000);
}

static void
test_secretariat_writes_the_body_but_not_rooms(void **state)
{
	struct unit_fx *fx = *state;
	struct actor sec = {"菅原 健一", ROLE_SECRETARIAT};
	struct record r;
	struct error err;

	make(&r, "project", (const char *const[]){"title", "見守り", "field", "welfare", NULL});
	assert_true(record_insert(fx->s, &sec, &r, &err));
	record_free(&r);
	make(&r, "room", (const char *const[]){"name", "和室", NULL});
	assert_false(record_insert(fx->s, &sec, &r, &err));
	assert_contains(err.text, "Secretariat");
	record_free(&r);
	assert_int_equal(refusals(fx->s), 1);
}

static void
test_center_staff_cannot_decide(void **state)
{
	struct unit_fx *fx = *state;
	struct actor staff = {"佐藤 花子", ROLE_CENTER};
	struct error err;

	/* A center store, so the city's step is refused outright. */
	assert_false(grant_city_step(fx->s, &staff, GRANT_DECIDE, "x", 1000, NULL, NULL, &err));
	assert_contains(err.text, "city hall");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_secretariat_cannot_add_staff, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_secretariat_cannot_write_city_rows, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_secretariat_writes_the_body_but_not_rooms,
		    unit_fx_setup, unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_center_staff_cannot_decide, unit_fx_setup,
		    unit_fx_teardown),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
