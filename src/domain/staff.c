/* staff — see staff.h. */
#include "staff.h"

#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
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

/* Refusals are audited too, in their own transaction (or savepoint). */
static void
staff_refused(struct store *s, const struct actor *who, const char *what)
{
	if (store_begin(s, NULL)) {
		audit_log(s, who, "refused", "staff", NULL, what, NULL);
		store_commit(s, NULL);
	}
}

static int
staff_count(struct store *s, const char *sql, const char *arg)
{
	sqlite3_stmt *st;
	int n = -1;

	if (store_prepare(s, sql, &st) != SQLITE_OK)
		return -1;
	if (arg != NULL)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	store_done(s, st);
	return n;
}

/* The first administrator is the only account made without an actor: who
 * is NULL, and the check that no staff exists runs in the same (immediate)
 * transaction as the insert, so two kiosks cannot both make one. */
static bool
add_member(struct store *s, const struct actor *who, const char *name, enum role role,
    const char *pin, struct error *err)
{
	static const struct actor first_start = {"kiosk:first-start", ROLE_CENTER};
	char hash[crypto_pwhash_STRBYTES], ascii[STAFF_PIN_MAX + 1], uuid[33], now[21];
	unsigned char id[16];
	char *clean = NULL;
	struct buf sum = {0};
	struct actor self;
	sqlite3_stmt *st = NULL;
	bool ok = false;
	int rc;

	if (who != NULL && who->role != ROLE_ADMIN) {
		error_set(err, _("Only an administrator can add staff."));
		staff_refused(s, who, "staff add");
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
	if (who == NULL) {
		rc = staff_count(s, "SELECT count(*) FROM staff", NULL);
		if (rc != 0) {
			if (rc < 0)
				store_sql_error(s, _("Adding staff"), err);
			else
				error_set(err, _("This store already has staff: an administrator "
				    "signs in and adds the others."));
			store_rollback(s);
			if (rc > 0)
				staff_refused(s, &first_start, "first administrator");
			goto out;
		}
		snprintf(self.name, sizeof self.name, "%s", clean);
		self.role = ROLE_ADMIN;
		who = &self;
	}
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
	buf_printf(&sum, "%s (%s)%s", clean, role_code(role), who == &self ? ", first start" : "");
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

bool
staff_add(struct store *s, const struct actor *who, const char *name, enum role role,
    const char *pin, struct error *err)
{
	return add_member(s, who, name, role, pin, err);
}

bool
staff_add_first_admin(struct store *s, const char *name, const char *pin, struct error *err)
{
	return add_member(s, NULL, name, ROLE_ADMIN, pin, err);
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

/* Counts one more wrong PIN for name inside the caller's transaction,
 * locking once the free tries are used; audited. */
static enum staff_verdict
staff_wrong_pin(struct store *s, const char *name, enum role role, int failed, time_t now,
    int *tries_left, long *wait_seconds, struct error *err)
{
	struct actor anon = { .role = role };
	enum staff_verdict v;
	long long locked_until = 0;

	snprintf(anon.name, sizeof anon.name, "%s", name);
	failed++;
	if (failed >= STAFF_FREE_TRIES) {
		locked_until = (long long)now + lock_seconds(failed);
		*wait_seconds = lock_seconds(failed);
		v = STAFF_LOCKED;
	} else {
		*tries_left = STAFF_FREE_TRIES - failed;
		v = STAFF_WRONG_PIN;
	}
	if (!save_attempt(s, name, failed, locked_until, err) ||
	    !audit_log(s, &anon, "wrong-pin", "staff", NULL, name, err))
		v = STAFF_FAILED;
	return v;
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
		v = staff_wrong_pin(s, name, role, failed, now, tries_left, wait_seconds, err);
	}
	if (v == STAFF_FAILED) {
		store_rollback(s);
		return v;
	}
	return store_commit(s, err) ? v : STAFF_FAILED;
}

/* One staff row, read inside the caller's transaction. */
struct staff_row {
	char uuid[33];
	char hash[crypto_pwhash_STRBYTES];
	enum role role;
	bool active;
	int failed;
	long long locked_until;
};

/* Begins a transaction and reads name's row; refuses an unknown name. */
static bool
staff_begin_on(struct store *s, const char *name, struct staff_row *r, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (!store_begin(s, err))
		return false;
	if (store_prepare(s, "SELECT uuid, pin_hash, role, active, failed_pins, locked_until "
	    "FROM staff WHERE name = ?", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading staff"), err);
		store_rollback(s);
		return false;
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(r->uuid, sizeof r->uuid, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(r->hash, sizeof r->hash, "%s", (const char *)sqlite3_column_text(st, 1));
		r->role = ROLE_CENTER;
		role_parse((const char *)sqlite3_column_text(st, 2), &r->role);
		r->active = sqlite3_column_int(st, 3) != 0;
		r->failed = sqlite3_column_int(st, 4);
		r->locked_until = sqlite3_column_int64(st, 5);
	}
	if (!store_end(s, st, rc, _("Reading staff"), err)) {
		store_rollback(s);
		return false;
	}
	if (rc != SQLITE_ROW) {
		error_set(err, _("There is no staff member named %s."), name);
		store_rollback(s);
		return false;
	}
	return true;
}

/* Writes one change with its audit entry and ends the transaction that
 * staff_begin_on opened. */
static bool
staff_commit_change(struct store *s, const struct actor *who, const struct staff_row *r,
    const char *sql, int n, const char *const text[], const char *action,
    const char *summary, struct error *err)
{
	if (!store_run(s, sql, n, text, _("Changing staff"), err) ||
	    !audit_log(s, who, action, "staff", r->uuid, summary, err)) {
		store_rollback(s);
		return false;
	}
	return store_commit(s, err);
}

static bool
staff_admin_only(struct store *s, const struct actor *who, const char *what,
    struct error *err)
{
	if (who->role == ROLE_ADMIN)
		return true;
	error_set(err, _("Only an administrator can change staff accounts."));
	staff_refused(s, who, what);
	return false;
}

/* True when r is the only active administrator: deactivating or demoting
 * it would leave nobody to manage staff at the kiosk. */
static bool
staff_last_admin(struct store *s, const struct staff_row *r)
{
	return r->role == ROLE_ADMIN && r->active &&
	    staff_count(s, "SELECT count(*) FROM staff WHERE role = 'admin' AND active = 1 "
	    "AND uuid <> ?", r->uuid) == 0;
}

bool
staff_set_active(struct store *s, const struct actor *who, const char *name, bool active,
    struct error *err)
{
	struct staff_row r;

	if (!staff_admin_only(s, who, active ? "staff reactivate" : "staff deactivate", err) ||
	    !staff_begin_on(s, name, &r, err))
		return false;
	if (!active && staff_last_admin(s, &r)) {
		error_set(err, _("%s is the last active administrator and cannot be "
		    "deactivated; make another person an administrator first."), name);
		store_rollback(s);
		return false;
	}
	if (r.active == active) {
		store_rollback(s);
		return true;
	}
	return staff_commit_change(s, who, &r, active ?
	    "UPDATE staff SET active = 1, failed_pins = 0, locked_until = 0 WHERE uuid = ?" :
	    "UPDATE staff SET active = 0 WHERE uuid = ?", 1, (const char *const[]){r.uuid},
	    active ? "reactivate" : "deactivate", name, err);
}

bool
staff_set_role(struct store *s, const struct actor *who, const char *name, enum role role,
    struct error *err)
{
	struct staff_row r;
	struct buf sum = {0};
	bool ok;

	if (!staff_admin_only(s, who, "staff role", err) || !staff_begin_on(s, name, &r, err))
		return false;
	if (role != ROLE_ADMIN && staff_last_admin(s, &r)) {
		error_set(err, _("%s is the last active administrator and must stay one; "
		    "make another person an administrator first."), name);
		store_rollback(s);
		return false;
	}
	if (r.role == role) {
		store_rollback(s);
		return true;
	}
	buf_printf(&sum, "%s (%s → %s)", name, role_code(r.role), role_code(role));
	ok = staff_commit_change(s, who, &r, "UPDATE staff SET role = ? WHERE uuid = ?", 2,
	    (const char *const[]){role_code(role), r.uuid}, "role", buf_str(&sum), err);
	buf_free(&sum);
	return ok;
}

/* A new hash for pin (already checked) in out. */
static bool
staff_hash(const char *ascii, char *out, struct error *err)
{
	if (crypto_pwhash_str(out, ascii, strlen(ascii), PIN_OPSLIMIT, PIN_MEMLIMIT) == 0)
		return true;
	error_set(err, _("Not enough memory to protect the PIN."));
	return false;
}

bool
staff_reset_pin(struct store *s, const struct actor *who, const char *name, const char *pin,
    struct error *err)
{
	char hash[crypto_pwhash_STRBYTES], ascii[STAFF_PIN_MAX + 1];
	struct staff_row r;
	bool ok;

	if (!staff_admin_only(s, who, "staff reset-pin", err))
		return false;
	ok = staff_pin_valid(pin, ascii, err) && staff_hash(ascii, hash, err);
	sodium_memzero(ascii, sizeof ascii);
	if (!ok || !staff_begin_on(s, name, &r, err))
		return false;
	/* A reset also lifts a lock: it is how a locked-out person gets back. */
	return staff_commit_change(s, who, &r, "UPDATE staff SET pin_hash = ?, failed_pins = 0, "
	    "locked_until = 0 WHERE uuid = ?", 2, (const char *const[]){hash, r.uuid},
	    "reset-pin", name, err);
}

bool
staff_change_pin(struct store *s, const struct actor *who, const char *current,
    const char *pin, time_t now, struct error *err)
{
	char hash[crypto_pwhash_STRBYTES], ascii[STAFF_PIN_MAX + 1];
	struct staff_row r;
	enum staff_verdict v;
	long wait = 0;
	int tries = 0;
	bool ok;

	ok = staff_pin_valid(pin, ascii, err) && staff_hash(ascii, hash, err);
	if (!ok) {
		sodium_memzero(ascii, sizeof ascii);
		return false;
	}
	ok = staff_pin_valid(current, ascii, NULL);
	if (!staff_begin_on(s, who->name, &r, err)) {
		sodium_memzero(ascii, sizeof ascii);
		return false;
	}
	if (!r.active || r.locked_until > (long long)now) {
		if (!r.active)
			error_set(err, _("%s cannot sign in any more."), who->name);
		else
			error_set(err, P_("Too many wrong PINs: try again in %ld second.",
			    "Too many wrong PINs: try again in %ld seconds.",
			    (unsigned long)(r.locked_until - now)), (long)(r.locked_until - now));
		store_rollback(s);
		sodium_memzero(ascii, sizeof ascii);
		return false;
	}
	ok = ok && crypto_pwhash_str_verify(r.hash, ascii, strlen(ascii)) == 0;
	sodium_memzero(ascii, sizeof ascii);
	if (!ok) {
		/* Counted like a wrong PIN at sign-in, so an unattended kiosk
		 * cannot be used to guess the PIN. */
		v = staff_wrong_pin(s, who->name, r.role, r.failed, now, &tries, &wait, err);
		if (v == STAFF_FAILED) {
			store_rollback(s);
			return false;
		}
		if (!store_commit(s, err))
			return false;
		if (v == STAFF_LOCKED)
			error_set(err, P_("The current PIN is wrong. Too many wrong PINs: try "
			    "again in %ld second.", "The current PIN is wrong. Too many wrong "
			    "PINs: try again in %ld seconds.", (unsigned long)wait), wait);
		else
			error_set(err, _("The current PIN is wrong."));
		return false;
	}
	return staff_commit_change(s, who, &r, "UPDATE staff SET pin_hash = ?, failed_pins = 0, "
	    "locked_until = 0 WHERE uuid = ?", 2, (const char *const[]){hash, r.uuid},
	    "change-pin", who->name, err);
}

static int
staff_list_where(struct store *s, bool all, void (*each)(void *ctx,
    const struct staff_member *m), void *ctx, struct error *err)
{
	struct staff_member m;
	sqlite3_stmt *st;
	int rc, n = 0;

	if (store_prepare(s, all ? "SELECT name, role, active, failed_pins, locked_until "
	    "FROM staff ORDER BY name" : "SELECT name, role, active, failed_pins, "
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

int
staff_list(struct store *s, void (*each)(void *ctx, const struct staff_member *m), void *ctx,
    struct error *err)
{
	return staff_list_where(s, false, each, ctx, err);
}

int
staff_list_all(struct store *s, void (*each)(void *ctx, const struct staff_member *m),
    void *ctx, struct error *err)
{
	return staff_list_where(s, true, each, ctx, err);
}

void
staff_members_add(void *ctx, const struct staff_member *m)
{
	struct staff_members *l = ctx;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->m = xreallocarray(l->m, (size_t)l->cap, sizeof *l->m);
	}
	l->m[l->n++] = *m;
}

void
staff_members_free(struct staff_members *l)
{
	free(l->m);
	memset(l, 0, sizeof *l);
}

/* "center" → its label; code itself when it names no role. */
static void
role_words(struct buf *b, const char *code, size_t len)
{
	char c[32];
	enum role r;

	snprintf(c, sizeof c, "%.*s", (int)len, code);
	buf_printf(b, "%s", role_parse(c, &r) ? role_label(r) : c);
}

void
staff_audit_words(const char *summary, char *out, size_t size)
{
	static const char arrow[] = " \xE2\x86\x92 ";
	static const char first[] = ", first start";
	const char *open = strrchr(summary, '('), *close, *mid;
	size_t n = strlen(summary);
	bool first_start = n > strlen(first) && strcmp(summary + n - strlen(first), first) == 0;
	struct buf b = {0};

	snprintf(out, size, "%s", summary);
	close = open != NULL ? strchr(open, ')') : NULL;
	if (close == NULL || close - summary + 1 != (ptrdiff_t)(first_start ? n - strlen(first) : n))
		return;
	buf_printf(&b, "%.*s(", (int)(open - summary), summary);
	mid = strstr(open, arrow);
	if (mid != NULL && mid < close) {
		role_words(&b, open + 1, (size_t)(mid - open - 1));
		buf_printf(&b, "%s", arrow);
		role_words(&b, mid + strlen(arrow), (size_t)(close - mid - strlen(arrow)));
	} else {
		role_words(&b, open + 1, (size_t)(close - open - 1));
	}
	buf_addc(&b, ')');
	if (first_start)
		buf_printf(&b, ", %s", _("first start"));
	snprintf(out, size, "%s", buf_str(&b));
	buf_free(&b);
}
