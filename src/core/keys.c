/* keys — see keys.h. */
#include "keys.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "date.h"
#include "i18n.h"
#include "text.h"

#define KEY_FILE_FIRST_LINE "kyodo public key 1"

/* The machine's identity: systemd's machine id, else the host name.
 * KYODO_MACHINE_ID stands in for it in tests of a moved store. */
static void
machine_id(char *out, size_t size)
{
	const char *env = getenv("KYODO_MACHINE_ID");
	FILE *f;

	if (env != NULL && *env != '\0') {
		snprintf(out, size, "%s", env);
		return;
	}
	out[0] = '\0';
	f = fopen("/etc/machine-id", "r");
	if (f != NULL) {
		if (fgets(out, (int)size, f) == NULL)
			out[0] = '\0';
		fclose(f);
		out[strcspn(out, "\r\n")] = '\0';
	}
	if (out[0] == '\0' && gethostname(out, size) != 0)
		snprintf(out, size, "unknown");
}

bool
keys_create(struct store *s, struct error *err)
{
	unsigned char spk[crypto_sign_PUBLICKEYBYTES], ssk[crypto_sign_SECRETKEYBYTES];
	unsigned char bpk[crypto_box_PUBLICKEYBYTES], bsk[crypto_box_SECRETKEYBYTES];
	char machine[256];
	sqlite3_stmt *st;
	int rc;

	crypto_sign_keypair(spk, ssk);
	crypto_box_keypair(bpk, bsk);
	machine_id(machine, sizeof machine);
	if (sqlite3_prepare_v2(store_db(s), "INSERT INTO identity (id, sign_pk, sign_sk, box_pk, "
	    "box_sk, machine) VALUES (1, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK) {
		store_sql_error(s, _("Making the keys"), err);
		return false;
	}
	sqlite3_bind_blob(st, 1, spk, sizeof spk, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, ssk, sizeof ssk, SQLITE_STATIC);
	sqlite3_bind_blob(st, 3, bpk, sizeof bpk, SQLITE_STATIC);
	sqlite3_bind_blob(st, 4, bsk, sizeof bsk, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, machine, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	sodium_memzero(ssk, sizeof ssk);
	sodium_memzero(bsk, sizeof bsk);
	if (rc != SQLITE_DONE) {
		store_sql_error(s, _("Making the keys"), err);
		return false;
	}
	return true;
}

static bool
copy_blob(sqlite3_stmt *st, int col, unsigned char *out, size_t n)
{
	if (sqlite3_column_bytes(st, col) != (int)n)
		return false;
	memcpy(out, sqlite3_column_blob(st, col), n);
	return true;
}

bool
keys_own(struct store *s, struct public_key *k, struct error *err)
{
	sqlite3_stmt *st;
	bool ok = false;

	memset(k, 0, sizeof *k);
	snprintf(k->code, sizeof k->code, "%s", store_origin(s));
	snprintf(k->name, sizeof k->name, "%s", store_name(s));
	if (sqlite3_prepare_v2(store_db(s), "SELECT sign_pk, box_pk FROM identity WHERE id = 1",
	    -1, &st, NULL) != SQLITE_OK) {
		store_sql_error(s, _("Reading the keys"), err);
		return false;
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		ok = copy_blob(st, 0, k->sign_pk, sizeof k->sign_pk) &&
		    copy_blob(st, 1, k->box_pk, sizeof k->box_pk);
	sqlite3_finalize(st);
	if (!ok)
		error_set(err, _("This store has no keys."));
	return ok;
}

bool
keys_secret(struct store *s, unsigned char sign_sk[crypto_sign_SECRETKEYBYTES],
    unsigned char box_sk[crypto_box_SECRETKEYBYTES], unsigned char box_pk[crypto_box_PUBLICKEYBYTES],
    struct error *err)
{
	sqlite3_stmt *st;
	bool ok = false;

	if (sqlite3_prepare_v2(store_db(s), "SELECT sign_sk, box_sk, box_pk FROM identity "
	    "WHERE id = 1", -1, &st, NULL) != SQLITE_OK) {
		store_sql_error(s, _("Reading the keys"), err);
		return false;
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		ok = copy_blob(st, 0, sign_sk, crypto_sign_SECRETKEYBYTES) &&
		    copy_blob(st, 1, box_sk, crypto_box_SECRETKEYBYTES) &&
		    copy_blob(st, 2, box_pk, crypto_box_PUBLICKEYBYTES);
	sqlite3_finalize(st);
	if (!ok)
		error_set(err, _("This store has no keys."));
	return ok;
}

void
keys_fingerprint(const struct public_key *k, char *out)
{
	unsigned char both[sizeof k->sign_pk + sizeof k->box_pk], hash[12];
	char hex[25];
	int i, j = 0;

	memcpy(both, k->sign_pk, sizeof k->sign_pk);
	memcpy(both + sizeof k->sign_pk, k->box_pk, sizeof k->box_pk);
	crypto_generichash(hash, sizeof hash, both, sizeof both, NULL, 0);
	sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
	for (i = 0; i < 24; i++) {
		if (i > 0 && i % 4 == 0)
			out[j++] = '-';
		out[j++] = (char)(hex[i] >= 'a' ? hex[i] - 'a' + 'A' : hex[i]);
	}
	out[j] = '\0';
}

void
keys_write_file(const struct public_key *k, struct buf *out)
{
	char b64s[sodium_base64_ENCODED_LEN(crypto_sign_PUBLICKEYBYTES, sodium_base64_VARIANT_ORIGINAL)];
	char b64b[sodium_base64_ENCODED_LEN(crypto_box_PUBLICKEYBYTES, sodium_base64_VARIANT_ORIGINAL)];
	char fp[32];

	sodium_bin2base64(b64s, sizeof b64s, k->sign_pk, sizeof k->sign_pk,
	    sodium_base64_VARIANT_ORIGINAL);
	sodium_bin2base64(b64b, sizeof b64b, k->box_pk, sizeof k->box_pk,
	    sodium_base64_VARIANT_ORIGINAL);
	keys_fingerprint(k, fp);
	buf_printf(out, "%s\ncode: %s\nname: %s\nsign: %s\nbox: %s\nfingerprint: %s\n",
	    KEY_FILE_FIRST_LINE, k->code, k->name, b64s, b64b, fp);
}

static bool
decode_key(const char *b64, unsigned char *out, size_t n)
{
	size_t len = 0;

	return sodium_base642bin(out, n, b64, strlen(b64), NULL, &len, NULL,
	    sodium_base64_VARIANT_ORIGINAL) == 0 && len == n;
}

bool
keys_parse_file(const char *text, struct public_key *k, struct error *err)
{
	char *copy = xstrdup(text), *line, *save = NULL, *colon, *v;
	char fp[64] = "", want[32];
	bool first = true, have_sign = false, have_box = false, ok = true;

	memset(k, 0, sizeof *k);
	for (line = strtok_r(copy, "\n", &save); ok && line != NULL; line = strtok_r(NULL, "\n", &save)) {
		line[strcspn(line, "\r")] = '\0';
		if (first) {
			ok = strcmp(line, KEY_FILE_FIRST_LINE) == 0;
			first = false;
			continue;
		}
		colon = strstr(line, ": ");
		if (colon == NULL)
			continue;
		*colon = '\0';
		v = colon + 2;
		if (strcmp(line, "code") == 0)
			ok = snprintf(k->code, sizeof k->code, "%s", v) < (int)sizeof k->code;
		else if (strcmp(line, "name") == 0)
			snprintf(k->name, sizeof k->name, "%s", v);
		else if (strcmp(line, "sign") == 0)
			ok = have_sign = decode_key(v, k->sign_pk, sizeof k->sign_pk);
		else if (strcmp(line, "box") == 0)
			ok = have_box = decode_key(v, k->box_pk, sizeof k->box_pk);
		else if (strcmp(line, "fingerprint") == 0)
			snprintf(fp, sizeof fp, "%s", v);
	}
	free(copy);
	if (!ok || first || !have_sign || !have_box || k->code[0] == '\0' ||
	    !text_is_utf8(k->name, strlen(k->name))) {
		error_set(err, _("This is not a kyodo public key file (or it is damaged)."));
		return false;
	}
	keys_fingerprint(k, want);
	if (fp[0] != '\0' && strcmp(fp, want) != 0) {
		error_set(err, _("The key file's fingerprint does not match its keys; it is damaged "
		    "or was altered."));
		return false;
	}
	return true;
}

bool
keys_enrol(struct store *s, const struct actor *who, const struct public_key *k, bool replace,
    struct error *err)
{
	struct public_key old;
	struct buf sum = {0};
	sqlite3_stmt *st;
	char now[21], fp[32];
	bool exists, ok = false;
	int rc;

	exists = keys_peer(s, k->code, &old, NULL);
	if (exists && !replace && (memcmp(old.sign_pk, k->sign_pk, sizeof k->sign_pk) != 0 ||
	    memcmp(old.box_pk, k->box_pk, sizeof k->box_pk) != 0)) {
		error_set(err, _("%s is enrolled with another key; check the fingerprint with "
		    "them, then replace it on purpose."), k->code);
		return false;
	}
	date_now_utc(now);
	if (!store_begin(s, err))
		return false;
	if (sqlite3_prepare_v2(store_db(s), "INSERT INTO peer (code, name, sign_pk, box_pk, "
	    "enrolled_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = "
	    "excluded.name, sign_pk = excluded.sign_pk, box_pk = excluded.box_pk, "
	    "enrolled_at = excluded.enrolled_at", -1, &st, NULL) != SQLITE_OK) {
		store_sql_error(s, _("Enrolling a key"), err);
		store_rollback(s);
		return false;
	}
	sqlite3_bind_text(st, 1, k->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, k->name, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 3, k->sign_pk, sizeof k->sign_pk, SQLITE_STATIC);
	sqlite3_bind_blob(st, 4, k->box_pk, sizeof k->box_pk, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	keys_fingerprint(k, fp);
	buf_printf(&sum, "%s (%s) %s", k->code, k->name, fp);
	if (rc != SQLITE_DONE)
		store_sql_error(s, _("Enrolling a key"), err);
	else
		ok = audit_log(s, who, exists ? "key-replace" : "key-enrol", "peer", NULL,
		    buf_str(&sum), err) && store_commit(s, err);
	if (!ok)
		store_rollback(s);
	buf_free(&sum);
	return ok;
}

bool
keys_peer(struct store *s, const char *code, struct public_key *k, struct error *err)
{
	sqlite3_stmt *st;
	bool ok = false;

	memset(k, 0, sizeof *k);
	if (sqlite3_prepare_v2(store_db(s), "SELECT code, name, sign_pk, box_pk FROM peer WHERE "
	    "code = ?", -1, &st, NULL) != SQLITE_OK) {
		store_sql_error(s, _("Reading the keys"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(k->code, sizeof k->code, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(k->name, sizeof k->name, "%s", (const char *)sqlite3_column_text(st, 1));
		ok = copy_blob(st, 2, k->sign_pk, sizeof k->sign_pk) &&
		    copy_blob(st, 3, k->box_pk, sizeof k->box_pk);
	}
	sqlite3_finalize(st);
	if (!ok)
		error_set(err, _("No key is enrolled for %s."), code);
	return ok;
}

bool
keys_same_machine(struct store *s)
{
	char here[256];
	sqlite3_stmt *st;
	bool same = false;

	machine_id(here, sizeof here);
	if (sqlite3_prepare_v2(store_db(s), "SELECT machine FROM identity WHERE id = 1", -1, &st,
	    NULL) != SQLITE_OK)
		return false;
	if (sqlite3_step(st) == SQLITE_ROW)
		same = strcmp((const char *)sqlite3_column_text(st, 0), here) == 0;
	sqlite3_finalize(st);
	return same;
}

bool
keys_accept_machine(struct store *s, const struct actor *who, struct error *err)
{
	char here[256];
	sqlite3_stmt *st;
	bool ok;

	machine_id(here, sizeof here);
	if (!store_begin(s, err))
		return false;
	ok = sqlite3_prepare_v2(store_db(s), "UPDATE identity SET machine = ? WHERE id = 1", -1,
	    &st, NULL) == SQLITE_OK;
	if (ok) {
		sqlite3_bind_text(st, 1, here, -1, SQLITE_STATIC);
		ok = sqlite3_step(st) == SQLITE_DONE;
		sqlite3_finalize(st);
	}
	if (!ok)
		store_sql_error(s, _("Saving"), err);
	ok = ok && audit_log(s, who, "machine-moved", NULL, NULL, here, err) && store_commit(s, err);
	if (!ok)
		store_rollback(s);
	return ok;
}
