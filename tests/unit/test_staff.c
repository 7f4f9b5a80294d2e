/* Unit tests for core/staff: PIN shapes, who may add staff, and signing in
 * with the lock after five wrong PINs — real argon2id hashes in a real store.
 * Each hash or check costs 0.1-0.3 s, so the tests share them. */
#include "unit.h"

#include "base/actor.h"
#include "store/audit.h"
#include "domain/staff.h"

static void
pin_ok(const char *pin, const char *want)
{
	char out[STAFF_PIN_MAX + 1] = "";
	struct error err;

	if (!staff_pin_valid(pin, out, &err))
		fail_msg("PIN \"%s\" refused: %s", pin, err.text);
	assert_string_equal(out, want);
}

static void
pin_bad(const char *pin)
{
	char out[STAFF_PIN_MAX + 1] = "";
	struct error err;

	error_clear(&err);
	if (staff_pin_valid(pin, out, &err))
		fail_msg("PIN \"%s\" accepted", pin);
	assert_contains(err.text, "PIN");
	assert_contains(err.text, "4");
	assert_contains(err.text, "12");
}

static void
test_pin_shape(void **state)
{
	(void)state;
	pin_ok("1234", "1234");
	pin_ok("0000", "0000");
	pin_ok("１２３４", "1234");
	pin_ok("123456789012", "123456789012");
	pin_ok("１２３４５６７８９０１２", "123456789012");
	pin_ok(" 2468 ", "2468");
	pin_bad("123");
	pin_bad("１２３");
	pin_bad("1234567890123");
	pin_bad("12a4");
	pin_bad("abcd");
	pin_bad("ＡＢＣＤ");
	pin_bad("12 34");
	pin_bad("-123");
	pin_bad("");
}

struct seen_staff {
	int n;
	char name[4][128];
	enum role role[4];
	int failed[4];
	long long locked_until[4];
};

static void
collect_staff(void *ctx, const struct staff_member *m)
{
	struct seen_staff *s = ctx;

	if (s->n < 4) {
		snprintf(s->name[s->n], sizeof s->name[0], "%s", m->name);
		s->role[s->n] = m->role;
		s->failed[s->n] = m->failed_pins;
		s->locked_until[s->n] = m->locked_until;
		assert_true(m->active);
	}
	s->n++;
}

/* staff_list_all also lists the deactivated. */
static void
collect_all(void *ctx, const struct staff_member *m)
{
	struct seen_staff *s = ctx;

	(void)m;
	s->n++;
}

static int
list_staff(struct store *s, struct seen_staff *out)
{
	struct error err;

	memset(out, 0, sizeof *out);
	return staff_list(s, collect_staff, out, &err);
}

static void
test_only_admin_adds(void **state)
{
	struct unit_fx *fx = *state;
	struct actor center = {"佐藤 花子", ROLE_CENTER}, city = {"市 担当", ROLE_CITY};
	struct actor secretariat = {"菅原 健一", ROLE_SECRETARIAT};
	struct seen_staff seen;
	struct error err;

	error_clear(&err);
	assert_false(staff_add(fx->s, &center, "新人", ROLE_CENTER, "1234", &err));
	assert_contains(err.text, "administrator");
	error_clear(&err);
	assert_false(staff_add(fx->s, &secretariat, "新人", ROLE_ADMIN, "1234", &err));
	assert_contains(err.text, "administrator");
	error_clear(&err);
	assert_false(staff_add(fx->s, &city, "新人", ROLE_CENTER, "1234", &err));
	assert_contains(err.text, "administrator");
	assert_int_equal(list_staff(fx->s, &seen), 0);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM staff"), 0);
}

static void
test_add_refusals_before_hashing(void **state)
{
	struct unit_fx *fx = *state;
	struct actor admin;
	struct error err;

	actor_cli(&admin);
	assert_int_equal(admin.role, ROLE_ADMIN);
	assert_int_equal(strncmp(admin.name, "cli:", 4), 0);
	error_clear(&err);
	assert_false(staff_add(fx->s, &admin, "新人", ROLE_CENTER, "12", &err));
	assert_contains(err.text, "PIN");
	error_clear(&err);
	assert_false(staff_add(fx->s, &admin, "  ", ROLE_CENTER, "1234", &err));
	assert_contains(err.text, "Name");
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM staff"), 0);
}

static void
test_sign_in_and_lock(void **state)
{
	struct unit_fx *fx = *state;
	struct actor admin, who;
	struct seen_staff seen;
	struct error err;
	char hash[256];
	time_t t0 = 1795000000;	/* late 2026 */
	long wait = 0;
	int tries = -1, i;

	actor_cli(&admin);
	if (!staff_add(fx->s, &admin, "佐藤 花子", ROLE_SECRETARIAT, "2468", &err))
		fail_msg("staff_add: %s", err.text);

	/* Only an argon2id hash is kept. */
	unit_sql_text(fx->s, "SELECT pin_hash FROM staff WHERE name = '佐藤 花子'", hash,
	    sizeof hash);
	assert_int_equal(strncmp(hash, "$argon2id$", 10), 0);
	assert_not_contains(hash, "2468");
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM staff WHERE "
	    "instr(name || role || pin_hash || created_at, '2468') > 0"), 0);
	assert_int_equal(list_staff(fx->s, &seen), 1);
	assert_string_equal(seen.name[0], "佐藤 花子");
	assert_int_equal(seen.role[0], ROLE_SECRETARIAT);

	/* The same name again is refused (this costs a hash). */
	error_clear(&err);
	assert_false(staff_add(fx->s, &admin, "佐藤 花子", ROLE_CENTER, "1357", &err));
	assert_contains(err.text, "佐藤 花子");
	assert_contains(err.text, "already");
	assert_int_equal(list_staff(fx->s, &seen), 1);
	assert_int_equal(seen.role[0], ROLE_SECRETARIAT);

	/* The right PIN. */
	memset(&who, 0, sizeof who);
	assert_int_equal(staff_sign_in(fx->s, "佐藤 花子", "2468", t0, &who, &tries, &wait, &err),
	    STAFF_OK);
	assert_string_equal(who.name, "佐藤 花子");
	assert_int_equal(who.role, ROLE_SECRETARIAT);
	assert_int_equal(staff_sign_in(fx->s, "誰か", "2468", t0, &who, &tries, &wait, &err),
	    STAFF_UNKNOWN);

	/* Four wrong PINs count down; the fifth locks.  A mistyped PIN (not
	 * 4-12 digits) counts as a wrong one too, and costs no hash. */
	for (i = 1; i <= 4; i++) {
		static const char *const wrong[] = {"1111", "12", "abcd", "2469"};

		tries = -1;
		assert_int_equal(staff_sign_in(fx->s, "佐藤 花子", wrong[i - 1], t0 + i, &who,
		    &tries, &wait, &err), STAFF_WRONG_PIN);
		assert_int_equal(tries, STAFF_FREE_TRIES - i);
	}
	wait = 0;
	assert_int_equal(staff_sign_in(fx->s, "佐藤 花子", "1357", t0 + 5, &who, &tries, &wait,
	    &err), STAFF_LOCKED);
	assert_true(wait > 0);
	assert_int_equal(wait, 30);

	/* While locked even the right PIN is refused, and a restart does not
	 * lift the lock. */
	store_close(fx->s);
	fx->s = store_open(fx->path, &err);
	assert_non_null(fx->s);
	wait = 0;
	memset(&who, 0, sizeof who);
	assert_int_equal(staff_sign_in(fx->s, "佐藤 花子", "2468", t0 + 15, &who, &tries, &wait,
	    &err), STAFF_LOCKED);
	assert_int_equal(wait, 20);
	assert_string_equal(who.name, "");

	/* After the lock the right PIN works and clears the count. */
	assert_int_equal(staff_sign_in(fx->s, "佐藤 花子", "２４６８", t0 + 36, &who, &tries,
	    &wait, &err), STAFF_OK);
	assert_string_equal(who.name, "佐藤 花子");
	assert_int_equal(list_staff(fx->s, &seen), 1);
	assert_int_equal(seen.failed[0], 0);
	assert_int_equal(seen.locked_until[0], 0);

	/* Further wrong PINs past the fifth lock for longer: 60 s for the
	 * sixth. */
	assert_int_equal(sqlite3_exec(store_db(fx->s), "UPDATE staff SET failed_pins = 5",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(staff_sign_in(fx->s, "佐藤 花子", "99", t0 + 40, &who, &tries, &wait,
	    &err), STAFF_LOCKED);
	assert_int_equal(wait, 60);

	/* Sign-ins and wrong PINs are in the audit log. */
	assert_true(unit_sql_int(fx->s, "SELECT count(*) FROM audit WHERE action = 'wrong-pin'") >= 5);
	assert_true(unit_sql_int(fx->s, "SELECT count(*) FROM audit WHERE action = 'sign-in'") >= 2);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit WHERE action = 'add' "
	    "AND kind = 'staff'"), 1);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit WHERE "
	    "instr(summary, '2468') > 0 OR instr(summary, '1111') > 0"), 0);
}

/* The first administrator needs nobody signed in, but only while the store
 * has no staff at all; both the add and a refusal are audited. */
static void
test_first_admin(void **state)
{
	struct unit_fx *fx = *state;
	struct seen_staff seen;
	struct actor who;
	struct error err;
	long wait = 0;
	int tries = 0;

	error_clear(&err);
	assert_false(staff_add_first_admin(fx->s, "山田 太郎", "12", &err));
	assert_contains(err.text, "PIN");
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM staff"), 0);
	if (!staff_add_first_admin(fx->s, " 山田 太郎 ", "１３５７", &err))
		fail_msg("first admin: %s", err.text);
	assert_int_equal(list_staff(fx->s, &seen), 1);
	assert_string_equal(seen.name[0], "山田 太郎");
	assert_int_equal(seen.role[0], ROLE_ADMIN);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit WHERE action = 'add' "
	    "AND kind = 'staff' AND actor = '山田 太郎'"), 1);
	assert_int_equal(staff_sign_in(fx->s, "山田 太郎", "1357", 1795000000, &who, &tries,
	    &wait, &err), STAFF_OK);
	assert_int_equal(who.role, ROLE_ADMIN);

	error_clear(&err);
	assert_false(staff_add_first_admin(fx->s, "侵入者", "2468", &err));
	assert_contains(err.text, "already has staff");
	assert_not_contains(err.text, "kyodo");
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM staff"), 1);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit WHERE "
	    "action = 'refused' AND summary = 'first administrator'"), 1);
}

static void
add_or_fail(struct store *s, const char *name, enum role role, const char *pin)
{
	struct actor cli;
	struct error err;

	actor_cli(&cli);
	if (!staff_add(s, &cli, name, role, pin, &err))
		fail_msg("staff_add %s: %s", name, err.text);
}

/* Deactivating, reactivating and changing a role: the administrator only,
 * never leaving the store without an active administrator. */
static void
test_admin_changes(void **state)
{
	struct unit_fx *fx = *state;
	struct actor admin = {"山田 太郎", ROLE_ADMIN}, center = {"佐藤 花子", ROLE_CENTER};
	struct actor who;
	struct seen_staff seen;
	struct error err;
	long wait = 0;
	int tries = 0;

	add_or_fail(fx->s, "山田 太郎", ROLE_ADMIN, "1357");
	add_or_fail(fx->s, "佐藤 花子", ROLE_CENTER, "2468");

	error_clear(&err);
	assert_false(staff_set_active(fx->s, &center, "山田 太郎", false, &err));
	assert_contains(err.text, "administrator");
	error_clear(&err);
	assert_false(staff_set_role(fx->s, &center, "佐藤 花子", ROLE_ADMIN, &err));
	assert_contains(err.text, "administrator");
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit WHERE "
	    "action = 'refused' AND actor = '佐藤 花子'"), 2);

	error_clear(&err);
	assert_false(staff_set_active(fx->s, &admin, "誰か", false, &err));
	assert_contains(err.text, "誰か");
	error_clear(&err);
	assert_false(staff_set_role(fx->s, &admin, "誰か", ROLE_CITY, &err));
	assert_contains(err.text, "no staff member");

	/* The only administrator stays one, and active. */
	error_clear(&err);
	assert_false(staff_set_active(fx->s, &admin, "山田 太郎", false, &err));
	assert_contains(err.text, "last active administrator");
	error_clear(&err);
	assert_false(staff_set_role(fx->s, &admin, "山田 太郎", ROLE_CENTER, &err));
	assert_contains(err.text, "last active administrator");

	/* Deactivated staff cannot sign in and leave the sign-in list. */
	if (!staff_set_active(fx->s, &admin, "佐藤 花子", false, &err))
		fail_msg("deactivate: %s", err.text);
	assert_int_equal(list_staff(fx->s, &seen), 1);
	assert_int_equal(staff_list_all(fx->s, collect_all, &seen, &err), 2);
	assert_int_equal(staff_sign_in(fx->s, "佐藤 花子", "2468", 1795000000, &who, &tries,
	    &wait, &err), STAFF_UNKNOWN);
	if (!staff_set_active(fx->s, &admin, "佐藤 花子", true, &err))
		fail_msg("reactivate: %s", err.text);
	assert_int_equal(staff_sign_in(fx->s, "佐藤 花子", "2468", 1795000000, &who, &tries,
	    &wait, &err), STAFF_OK);

	/* With a second administrator the first may step down. */
	if (!staff_set_role(fx->s, &admin, "佐藤 花子", ROLE_ADMIN, &err))
		fail_msg("role: %s", err.text);
	if (!staff_set_role(fx->s, &admin, "山田 太郎", ROLE_SECRETARIAT, &err))
		fail_msg("role: %s", err.text);
	error_clear(&err);
	assert_false(staff_set_active(fx->s, &admin, "佐藤 花子", false, &err));
	assert_contains(err.text, "佐藤 花子");
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM staff WHERE role = 'admin' "
	    "AND active = 1"), 1);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit WHERE kind = 'staff' "
	    "AND action IN ('deactivate', 'reactivate', 'role')"), 4);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit WHERE action = 'role' "
	    "AND summary = '山田 太郎 (admin → secretariat)'"), 1);
}

/* A PIN reset by the administrator lifts a lock; one's own change needs
 * the current PIN, and a wrong one counts towards the lock. */
static void
test_pins(void **state)
{
	struct unit_fx *fx = *state;
	struct actor admin = {"山田 太郎", ROLE_ADMIN}, sato = {"佐藤 花子", ROLE_CENTER};
	struct actor who;
	struct error err;
	time_t t0 = 1795000000;
	long wait = 0;
	int tries = 0, i;

	add_or_fail(fx->s, "山田 太郎", ROLE_ADMIN, "1357");
	add_or_fail(fx->s, "佐藤 花子", ROLE_CENTER, "2468");
	for (i = 0; i < STAFF_FREE_TRIES; i++)
		staff_sign_in(fx->s, "佐藤 花子", "0000", t0, &who, &tries, &wait, &err);
	assert_int_equal(staff_sign_in(fx->s, "佐藤 花子", "2468", t0, &who, &tries, &wait,
	    &err), STAFF_LOCKED);

	error_clear(&err);
	assert_false(staff_reset_pin(fx->s, &sato, "佐藤 花子", "9999", &err));
	assert_contains(err.text, "administrator");
	error_clear(&err);
	assert_false(staff_reset_pin(fx->s, &admin, "佐藤 花子", "99", &err));
	assert_contains(err.text, "PIN");
	error_clear(&err);
	assert_false(staff_reset_pin(fx->s, &admin, "誰か", "9999", &err));
	assert_contains(err.text, "誰か");
	if (!staff_reset_pin(fx->s, &admin, "佐藤 花子", "９８７６", &err))
		fail_msg("reset: %s", err.text);
	assert_int_equal(staff_sign_in(fx->s, "佐藤 花子", "9876", t0 + 1, &who, &tries, &wait,
	    &err), STAFF_OK);

	/* One's own PIN: the new one must have the shape, the current one must
	 * match; four wrong ones leave one try, the fifth locks. */
	error_clear(&err);
	assert_false(staff_change_pin(fx->s, &sato, "9876", "12", t0 + 2, &err));
	assert_contains(err.text, "PIN");
	for (i = 1; i < STAFF_FREE_TRIES; i++) {
		error_clear(&err);
		assert_false(staff_change_pin(fx->s, &sato, "1111", "5555", t0 + 2, &err));
		assert_contains(err.text, "current PIN is wrong");
	}
	if (!staff_change_pin(fx->s, &sato, "9876", "5555", t0 + 3, &err))
		fail_msg("change: %s", err.text);
	assert_int_equal(unit_sql_int(fx->s, "SELECT failed_pins FROM staff WHERE "
	    "name = '佐藤 花子'"), 0);
	assert_int_equal(staff_sign_in(fx->s, "佐藤 花子", "9876", t0 + 4, &who, &tries, &wait,
	    &err), STAFF_WRONG_PIN);
	assert_int_equal(staff_sign_in(fx->s, "佐藤 花子", "5555", t0 + 4, &who, &tries, &wait,
	    &err), STAFF_OK);
	for (i = 0; i < STAFF_FREE_TRIES - 1; i++)
		staff_change_pin(fx->s, &sato, "1111", "4444", t0 + 5, &err);
	error_clear(&err);
	assert_false(staff_change_pin(fx->s, &sato, "1111", "4444", t0 + 5, &err));
	assert_contains(err.text, "seconds");
	error_clear(&err);
	assert_false(staff_change_pin(fx->s, &sato, "5555", "4444", t0 + 6, &err));
	assert_contains(err.text, "seconds");

	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit WHERE action = "
	    "'reset-pin' AND summary = '佐藤 花子'"), 1);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit WHERE action = "
	    "'change-pin' AND actor = '佐藤 花子'"), 1);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit WHERE instr(summary, "
	    "'9876') > 0 OR instr(summary, '5555') > 0"), 0);
}

static void
test_roles(void **state)
{
	enum role r = ROLE_CENTER;

	(void)state;
	assert_string_equal(role_code(ROLE_CENTER), "center");
	assert_string_equal(role_code(ROLE_SECRETARIAT), "secretariat");
	assert_string_equal(role_code(ROLE_CITY), "city");
	assert_string_equal(role_code(ROLE_ADMIN), "admin");
	assert_true(role_parse("admin", &r));
	assert_int_equal(r, ROLE_ADMIN);
	assert_true(role_parse("secretariat", &r));
	assert_int_equal(r, ROLE_SECRETARIAT);
	assert_false(role_parse("root", &r));
	assert_string_equal(role_label(ROLE_ADMIN), "Administrator");
}

/* New hashes use 9 MiB and 4 passes; a hash made with libsodium's
 * "interactive" 64 MiB (as kyodo made them before) still signs in and is
 * made again with the new settings; a wrong PIN changes nothing. */
static void
test_hash_settings_and_rehash(void **state)
{
	struct unit_fx *fx = *state;
	char hash[crypto_pwhash_STRBYTES], old[crypto_pwhash_STRBYTES], sql[512];
	struct actor admin, who;
	struct error err;
	long wait = 0;
	int tries = 0;

	actor_cli(&admin);
	if (!staff_add(fx->s, &admin, "髙橋 一郎", ROLE_CENTER, "5793", &err))
		fail_msg("staff_add: %s", err.text);
	unit_sql_text(fx->s, "SELECT pin_hash FROM staff WHERE name = '髙橋 一郎'", hash,
	    sizeof hash);
	assert_contains(hash, "$m=9216,t=4,p=1$");
	assert_int_equal(crypto_pwhash_str(old, "5793", 4, crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE), 0);
	assert_contains(old, "$m=65536,");
	snprintf(sql, sizeof sql, "UPDATE staff SET pin_hash = '%s' WHERE name = '髙橋 一郎'", old);
	assert_int_equal(sqlite3_exec(store_db(fx->s), sql, NULL, NULL, NULL), SQLITE_OK);

	assert_int_equal(staff_sign_in(fx->s, "髙橋 一郎", "0000", 1795000000, &who, &tries, &wait,
	    &err), STAFF_WRONG_PIN);
	unit_sql_text(fx->s, "SELECT pin_hash FROM staff WHERE name = '髙橋 一郎'", hash,
	    sizeof hash);
	assert_string_equal(hash, old);
	assert_int_equal(staff_sign_in(fx->s, "髙橋 一郎", "5793", 1795000000, &who, &tries, &wait,
	    &err), STAFF_OK);
	unit_sql_text(fx->s, "SELECT pin_hash FROM staff WHERE name = '髙橋 一郎'", hash,
	    sizeof hash);
	assert_contains(hash, "$m=9216,t=4,p=1$");
	assert_int_equal(crypto_pwhash_str_verify(hash, "5793", 4), 0);
	assert_int_equal(staff_sign_in(fx->s, "髙橋 一郎", "5793", 1795000100, &who, &tries, &wait,
	    &err), STAFF_OK);
}

/* The audit log keeps roles by code; staff_audit_words reads them back by
 * label, from the entries the adds and the role change wrote. */
static void
test_audit_words(void **state)
{
	struct unit_fx *fx = *state;
	struct actor admin = {"山田 太郎", ROLE_ADMIN};
	struct error err;
	char sum[256], words[256];

	error_clear(&err);
	if (!staff_add_first_admin(fx->s, "山田 太郎", "1357", &err))
		fail_msg("first admin: %s", err.text);
	add_or_fail(fx->s, "佐藤 花子", ROLE_CENTER, "2468");
	if (!staff_set_role(fx->s, &admin, "佐藤 花子", ROLE_SECRETARIAT, &err))
		fail_msg("role: %s", err.text);
	unit_sql_text(fx->s, "SELECT summary FROM audit WHERE action = 'add' AND "
	    "actor = '山田 太郎' AND summary LIKE '山田%'", sum, sizeof sum);
	staff_audit_words(sum, words, sizeof words);
	assert_string_equal(words, "山田 太郎 (Administrator), first start");
	unit_sql_text(fx->s, "SELECT summary FROM audit WHERE action = 'add' AND "
	    "summary LIKE '佐藤%'", sum, sizeof sum);
	staff_audit_words(sum, words, sizeof words);
	assert_string_equal(words, "佐藤 花子 (Center staff)");
	unit_sql_text(fx->s, "SELECT summary FROM audit WHERE action = 'role'", sum, sizeof sum);
	staff_audit_words(sum, words, sizeof words);
	assert_string_equal(words, "佐藤 花子 (Center staff \xE2\x86\x92 Secretariat staff)");
	/* What is not a role is left as it was. */
	staff_audit_words("田中 (臨時)", words, sizeof words);
	assert_string_equal(words, "田中 (臨時)");
	staff_audit_words("(", words, sizeof words);
	assert_string_equal(words, "(");
}

#define DB(t) cmocka_unit_test_setup_teardown(t, unit_fx_setup, unit_fx_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pin_shape),
		DB(test_only_admin_adds),
		DB(test_add_refusals_before_hashing),
		DB(test_sign_in_and_lock),
		DB(test_hash_settings_and_rehash),
		DB(test_first_admin),
		DB(test_admin_changes),
		DB(test_pins),
		DB(test_audit_words),
		cmocka_unit_test(test_roles),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
