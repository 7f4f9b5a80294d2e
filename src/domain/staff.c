/* staff — see staff.h. */
#include "staff.h"

#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "base/buf.h"
#include "base/date.h"
#include "base/i18n.h"
#include "record.h"
#include "base/text.h"

#define LOCK_FIRST_SECONDS 30
#define LOCK_MAX_SECONDS 3600

static const struct field name_field = {
	.name = "name", .label = N_("Name"), .type = FIELD_TEXT, .required = true, .max = 60,
};

bool
staff_pin_valid(const char *pin, char *out, struct error *err)
{
	char *t = text_trim(pin), *f = text_fold_ascii(t);
	size_t n = strlen(f), i;
	bool ok = n >= STAFF_PIN_MIN && n <= STAFF_PIN_MAX;

	for (i = 0; ok && i < n; i++)
		ok = f[i] >= '0' && f[i] <= '9';
	if (ok)
		memcpy(out, f, n + 1);
	else
		error_set(err, _("A PIN is %d to %d digits."), STAFF_PIN_MIN, STAFF_PIN_MAX);
	sodium_memzero(f, n);
	sodium_memzero(t, strlen(t));
	free(t);
	free(f);
	return ok;
}

/* argon2id at 9 MiB and 4 passes, OWASP's smallest recommended setting:
 * libsodium's "interactive" 64 MiB made a sign-in most of the kiosk's peak
 * memory, for a PIN whose real guard is the lockout.  Hashes made with
 * other settings still verify and are made again at the next sign-in. */
#define PIN_OPSLIMIT 4
#define PIN_MEMLIMIT ((size_t)9 << 20)

bool
staff_add(struct store *s, const struct actor *who, const char *name, enum role role,
    const char *pin, struct error *err)
{
	char hash[crypto_pwhash_STRBYTES], ascii[STAFF_PIN_MAX + 1], uuid[33], now[21];
	unsigned char id[16];
	char *clean = NULL;
	struct buf sum = {0};
	sqlite3_stmt *st = NULL;
	bool ok = false;
	int rc;

	if (who->role != ROLE_ADMIN) {
		error_set(err, _("Only an administrator can add staff."));
		if (store_begin(s, NULL)) {
			audit_log(s, who, "refused", "staff", NULL, "staff add", NULL);
			store_commit(s, NULL);
		}
		return false;
	}
	if (!field_parse(&name_field, name, &clean, err))
		return false;
	if (clean == NULL) {
		error_set(err, _("%s: required."), _("Name"));
		return false;
	}
	if (!staff_pin_valid(pin, ascii, err))
		goto out;
	if (crypto_pwhash_str(hash, ascii, strlen(ascii), PIN_OPSLIMIT, PIN_MEMLIMIT) != 0) {
		error_set(err, _("Not enough memory to protect the PIN."));
		goto out;
	}
	randombytes_buf(id, sizeof id);
	sodium_bin2hex(uuid, sizeof uuid, id, sizeof id);
	date_now_utc(now);
	if (!store_begin(s, err))
		goto out;
	if (store_prepare(s, "INSERT INTO staff (uuid, name, role, pin_hash, "
	    "created_at) VALUES (?, ?, ?, ?, ?)", &st) != SQLITE_OK) {
		store_sql_error(s, _("Adding staff"), err);
		goto rollback;
	}
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, clean, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, role_code(role), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		error_set(err, _("There is already a staff member named %s."), clean);
		goto rollback;
	}
	if (rc != SQLITE_DONE) {
		store_sql_error(s, _("Adding staff"), err);
		goto rollback;
	}
	buf_printf(&sum, "%s (%s)", clean, role_code(role));
	if (!audit_log(s, who, "add", "staff", uuid, buf_str(&sum), err))
		goto rollback;
	ok = store_commit(s, err);
	goto out;
rollback:
	store_rollback(s);
out:
	store_done(s, st);
	sodium_memzero(ascii, sizeof ascii);
	buf_free(&sum);
	free(clean);
	return ok;
}

static long
lock_seconds(int failed)
{
	long secs = LOCK_FIRST_SECONDS;
	int i;

	for (i = STAFF_FREE_TRIES; i < failed && secs < LOCK_MAX_SECONDS; i++)
		secs *= 2;
	return secs < LOCK_MAX_SECONDS ? secs : LOCK_MAX_SECONDS;
}

static bool
save_attempt(struct store *s, const char *name, int failed, long long locked_until,
    struct error *err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, "UPDATE staff SET failed_pins = ?, locked_until = ? "
	    "WHERE name = ?", &st) != SQLITE_OK) {
		store_sql_error(s, _("Signing in"), err);
		return false;
	}
	sqlite3_bind_int(st, 1, failed);
	sqlite3_bind_int64(st, 2, locked_until);
	sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
	return store_end(s, st, sqlite3_step(st), _("Signing in"), err);
}

/* A PIN hash made again with this kyodo's settings. */
static bool
save_hash(struct store *s, const char *name, const char *hash, struct error *err)
{
	return store_run(s, "UPDATE staff SET pin_hash = ? WHERE name = ?", 2,
	    (const char *const[]){hash, name}, _("Signing in"), err);
}

enum staff_verdict
staff_sign_in(struct store *s, const char *name, const char *pin, time_t now,
    struct actor *out, int *tries_left, long *wait_seconds, struct error *err)
{
	char hash[crypto_pwhash_STRBYTES] = "", ascii[STAFF_PIN_MAX + 1] = "";
	sqlite3_stmt *st;
	enum staff_verdict v;
	enum role role = ROLE_CENTER;
	long long locked_until = 0;
	int failed = 0, rc;
	bool match, rehash;

	*tries_left = 0;
	*wait_seconds = 0;
	if (store_prepare(s, "SELECT pin_hash, role, failed_pins, locked_until "
	    "FROM staff WHERE name = ? AND active = 1", &st) != SQLITE_OK) {
		store_sql_error(s, _("Signing in"), err);
		return STAFF_FAILED;
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(hash, sizeof hash, "%s", (const char *)sqlite3_column_text(st, 0));
		role_parse((const char *)sqlite3_column_text(st, 1), &role);
		failed = sqlite3_column_int(st, 2);
		locked_until = sqlite3_column_int64(st, 3);
	}
	store_done(s, st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? STAFF_UNKNOWN : STAFF_FAILED;
	if (locked_until > (long long)now) {
		*wait_seconds = (long)(locked_until - now);
		return STAFF_LOCKED;
	}
	match = staff_pin_valid(pin, ascii, NULL) &&
	    crypto_pwhash_str_verify(hash, ascii, strlen(ascii)) == 0;
	rehash = match && crypto_pwhash_str_needs_rehash(hash, PIN_OPSLIMIT, PIN_MEMLIMIT) != 0 &&
	    crypto_pwhash_str(hash, ascii, strlen(ascii), PIN_OPSLIMIT, PIN_MEMLIMIT) == 0;
	sodium_memzero(ascii, sizeof ascii);
	if (!store_begin(s, err))
		return STAFF_FAILED;
	if (match) {
		snprintf(out->name, sizeof out->name, "%s", name);
		out->role = role;
		v = STAFF_OK;
		if ((rehash && !save_hash(s, name, hash, err)) ||
		    !save_attempt(s, name, 0, 0, err) ||
		    !audit_log(s, out, "sign-in", "staff", NULL, name, err))
			v = STAFF_FAILED;
	} else {
		struct actor anon = { .role = role };

		snprintf(anon.name, sizeof anon.name, "%s", name);
		failed++;
		if (failed >= STAFF_FREE_TRIES) {
			locked_until = (long long)now + lock_seconds(failed);
			*wait_seconds = lock_seconds(failed);
			v = STAFF_LOCKED;
		} else {
			locked_until = 0;
			*tries_left = STAFF_FREE_TRIES - failed;
			v = STAFF_WRONG_PIN;
		}
		if (!save_attempt(s, name, failed, locked_until, err) ||
		    !audit_log(s, &anon, "wrong-pin", "staff", NULL, name, err))
			v = STAFF_FAILED;
	}
	if (v == STAFF_FAILED) {
		store_rollback(s);
		return v;
	}
	return store_commit(s, err) ? v : STAFF_FAILED;
}

int
staff_list(struct store *s, void (*each)(void *ctx, const struct staff_member *m), void *ctx,
    struct error *err)
{
	struct staff_member m;
	sqlite3_stmt *st;
	int rc, n = 0;

	if (store_prepare(s, "SELECT name, role, active, failed_pins, "
	    "locked_until FROM staff WHERE active = 1 ORDER BY name", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading staff"), err);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(m.name, sizeof m.name, "%s", (const char *)sqlite3_column_text(st, 0));
		m.role = ROLE_CENTER;
		role_parse((const char *)sqlite3_column_text(st, 1), &m.role);
		m.active = sqlite3_column_int(st, 2) != 0;
		m.failed_pins = sqlite3_column_int(st, 3);
		m.locked_until = sqlite3_column_int64(st, 4);
		each(ctx, &m);
		n++;
	}
	return store_end(s, st, rc, _("Reading staff"), err) ? n : -1;
}
