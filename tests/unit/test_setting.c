/* Unit tests for domain/setting: what each setting takes, who may change
 * it, and every change written with its audit line (old and new value) in
 * a real store. */
#include "unit.h"

#include "base/actor.h"
#include "domain/setting.h"

static struct actor
as(enum role r)
{
	struct actor a = {"佐藤 花子", ROLE_CENTER};

	a.role = r;
	return a;
}

static long long
audits(struct store *s)
{
	return unit_sql_int(s, "SELECT count(*) FROM audit WHERE action = 'setting'");
}

static void
test_valid(void **state)
{
	struct error err;

	(void)state;
	assert_true(setting_valid("idle_minutes", "1", &err));
	assert_true(setting_valid("idle_minutes", "240", &err));
	assert_false(setting_valid("idle_minutes", "0", &err));
	assert_false(setting_valid("idle_minutes", "241", &err));
	assert_false(setting_valid("idle_minutes", "-5", &err));
	assert_false(setting_valid("idle_minutes", "", &err));
	assert_true(setting_valid("language", "en", &err));
	assert_false(setting_valid("language", "fr", &err));
	assert_true(setting_valid("slots", "09:00-12:00,13:00-17:00", &err));
	assert_false(setting_valid("slots", "evening", &err));
	assert_true(setting_valid("closed_weekday", "", &err));
	assert_false(setting_valid("nosuch", "1", &err));
	assert_contains(err.text, "nosuch");
}

static void
test_who_may(void **state)
{
	struct actor center = as(ROLE_CENTER), sec = as(ROLE_SECRETARIAT), admin = as(ROLE_ADMIN);
	struct error err;

	(void)state;
	assert_true(setting_may(&center, "slots", "09:00-12:00", &err));
	assert_false(setting_may(&sec, "slots", "09:00-12:00", &err));
	assert_contains(err.text, "opening hours");
	assert_true(setting_may(&admin, "slots", "09:00-12:00", &err));
	assert_true(setting_may(&sec, "idle_minutes", "30", &err));
	assert_false(setting_may(&center, "idle_minutes", "31", &err));
	assert_contains(err.text, "30");
	assert_true(setting_may(&admin, "idle_minutes", "240", &err));
	assert_true(setting_may(&sec, "language", "en", &err));
}

static void
test_set_audits_changes(void **state)
{
	struct unit_fx *fx = *state;
	struct actor admin = as(ROLE_ADMIN), center = as(ROLE_CENTER);
	const char *keys[] = {"idle_minutes", "language"};
	const char *values[] = {"20", "ja"};
	char sum[256], words[256];
	struct error err;

	if (!setting_set(fx->s, &center, 2, keys, values, &err))
		fail_msg("setting_set: %s", err.text);
	assert_int_equal(unit_sql_int(fx->s, "SELECT value FROM setting WHERE key = "
	    "'idle_minutes'"), 20);
	assert_int_equal(audits(fx->s), 2);
	unit_sql_text(fx->s, "SELECT summary FROM audit WHERE action = 'setting' AND "
	    "summary LIKE 'idle%'", sum, sizeof sum);
	/* Never set before: from its default. */
	assert_string_equal(sum, "idle_minutes: 10 \xE2\x86\x92 20");
	setting_audit_words(sum, words, sizeof words);
	assert_string_equal(words, "Lock after (minutes idle): 10 \xE2\x86\x92 20");
	unit_sql_text(fx->s, "SELECT summary FROM audit WHERE action = 'setting' AND "
	    "summary LIKE 'lang%'", sum, sizeof sum);
	assert_string_equal(sum, "language:  \xE2\x86\x92 ja");
	setting_audit_words(sum, words, sizeof words);
	assert_string_equal(words, "Language:  \xE2\x86\x92 Japanese");
	/* Choices by their labels, the weekly closing day's none too; what is
	 * not a setting's change is left as it was. */
	setting_audit_words("closed_weekday:  \xE2\x86\x92 1", words, sizeof words);
	assert_string_equal(words, "Weekly closing day: None \xE2\x86\x92 Monday");
	setting_audit_words("nosuch: 1 \xE2\x86\x92 2", words, sizeof words);
	assert_string_equal(words, "nosuch: 1 \xE2\x86\x92 2");
	setting_audit_words("idle_minutes: 10", words, sizeof words);
	assert_string_equal(words, "idle_minutes: 10");
	/* The same values again change nothing and say nothing. */
	assert_true(setting_set(fx->s, &center, 2, keys, values, &err));
	assert_int_equal(audits(fx->s), 2);
	/* One refused value refuses them all: nothing written. */
	values[0] = "25";
	keys[1] = "idle_minutes";
	values[1] = "90";
	assert_false(setting_set(fx->s, &center, 2, keys, values, &err));
	assert_int_equal(unit_sql_int(fx->s, "SELECT value FROM setting WHERE key = "
	    "'idle_minutes'"), 20);
	assert_int_equal(audits(fx->s), 2);
	values[1] = "abc";
	assert_false(setting_set(fx->s, &admin, 2, keys, values, &err));
	assert_int_equal(audits(fx->s), 2);
	/* The administrator sets a long lock; the audit says from what. */
	assert_true(setting_set(fx->s, &admin, 1, keys, (const char *[]){"120"}, &err));
	unit_sql_text(fx->s, "SELECT summary FROM audit WHERE action = 'setting' ORDER BY id "
	    "DESC LIMIT 1", sum, sizeof sum);
	assert_string_equal(sum, "idle_minutes: 20 \xE2\x86\x92 120");
}

#define DB(t) cmocka_unit_test_setup_teardown(t, unit_fx_setup, unit_fx_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_who_may),
		DB(test_set_audits_changes),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
