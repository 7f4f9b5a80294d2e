/* keys — see keys.h. */
#include "keys.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/audit.h"
#include "base/date.h"
#include "base/machine.h"
#include "base/i18n.h"
#include "base/text.h"

#define KEY_FILE_FIRST_LINE "kyodo public key 1"


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

/* Text from outside shown in a sentence: controls made visible, cut to a
 * few columns (a code on the command line may be anything). */
static void
shown_cut(const char *s, char *out, size_t size)
{
	char *v = text_visible(s);
	size_t fit = text_fit(v, 24, NULL), all = fit;

	/* Characters of no width (combining marks) fit without end: bound the
	 * bytes too, at a character's start. */
	while (fit + 4 > size) {
		fit--;
		while (fit > 0 && ((unsigned char)v[fit] & 0xC0) == 0x80)
			fit--;
	}
	snprintf(out, size, "%.*s%s", (int)fit, v, v[all] != '\0' || fit < all ? "…" : "");
	free(v);
}

bool
keys_code_check(const char *code, struct error *err)
{
	char shown[128];

	if (store_code_valid(code))
		return true;
	shown_cut(code, shown, sizeof shown);
	error_set(err, _("\"%s\" is not a center code: use 2-16 of a-z, 0-9 and -, starting "
	    "with a letter (not \"city\")."), shown);
	return false;
}

char *
keys_name_check(const char *name, struct error *err)
{
	size_t n = strlen(name), chars;
	char *t;

	/* Not even trimmed first: a name is one line of text, and a tab or a
	 * line break at its end is a sign it came from somewhere it should not. */
	if (!text_is_utf8(name, n)) {
		error_set(err, _("The name is not valid UTF-8 text."));
		return NULL;
	}
	if (text_find_control(name, n, "") != NULL) {
		error_set(err, _("The name holds a control character (a line break, a tab, an "
		    "escape …); give it as plain text."));
		return NULL;
	}
	t = text_trim(name);
	chars = text_chars(t);
	if (chars == 0) {
		error_set(err, _("The name is required; this one is blank."));
		free(t);
		return NULL;
	}
	if (chars > KEYS_NAME_CHARS) {
		error_set(err, _("The name is at most %d characters (this has %zu)."),
		    KEYS_NAME_CHARS, chars);
		free(t);
		return NULL;
	}
	return t;
}

/* The key file's lines, each "label: value". */
enum { F_CODE, F_NAME, F_SIGN, F_BOX, F_FINGERPRINT, F_COUNT };

static const char *const key_labels[F_COUNT] = {
	"code", "name", "sign", "box", "fingerprint",
};

static bool
not_key_file(struct error *err)
{
	error_set(err, _("This is not a kyodo public key file (or it is damaged)."));
	return false;
}

/* Checks the bytes as a whole before any line is read: the size, NUL,
 * UTF-8, control characters (CR only before LF). */
static bool
plain_text(const char *text, size_t n, struct error *err)
{
	const char *c;
	size_t at = 0;

	if (n > KEYS_FILE_MAX) {
		error_set(err, _("This file is too large to be a kyodo public key file (one is a "
		    "few hundred bytes)."));
		return false;
	}
	if (memchr(text, '\0', n) != NULL) {
		error_set(err, _("This file holds a NUL byte, so it is not a kyodo public key "
		    "file."));
		return false;
	}
	if (!text_is_utf8(text, n))
		return not_key_file(err);
	while ((c = text_find_control(text + at, n - at, "")) != NULL) {
		at = (size_t)(c - text) + 1;
		if (*c == '\n' || (*c == '\r' && at < n && text[at] == '\n'))
			continue;
		error_set(err, _("This file holds a control character (an escape, a tab …), so "
		    "it is not a kyodo public key file."));
		return false;
	}
	return true;
}

/* Reads one "label: value" line into k; false when the line is not one the
 * file may hold, or repeats one. */
static bool
key_line(char *line, struct public_key *k, bool seen[F_COUNT], char *fp, size_t fpsize)
{
	char *colon = strstr(line, ": "), *v;
	int f;

	if (colon == NULL)
		return false;
	*colon = '\0';
	v = colon + 2;
	for (f = 0; f < F_COUNT && strcmp(line, key_labels[f]) != 0; f++)
		;
	if (f == F_COUNT || seen[f])
		return false;
	seen[f] = true;
	switch (f) {
	case F_CODE:
		/* Checked for what it is after the whole file reads well. */
		return snprintf(k->code, sizeof k->code, "%s", v) < (int)sizeof k->code;
	case F_NAME:
		return snprintf(k->name, sizeof k->name, "%s", v) < (int)sizeof k->name;
	case F_SIGN:
		return decode_key(v, k->sign_pk, sizeof k->sign_pk);
	case F_BOX:
		return decode_key(v, k->box_pk, sizeof k->box_pk);
	default:
		return snprintf(fp, fpsize, "%s", v) < (int)fpsize;
	}
}

bool
keys_parse_bytes(const char *text, size_t n, struct public_key *k, struct error *err)
{
	bool seen[F_COUNT] = {false}, ok = true, first = true;
	char *copy, *line, *next, fp[64] = "", want[32];
	int f;

	memset(k, 0, sizeof *k);
	if (!plain_text(text, n, err))
		return false;
	copy = xmalloc(n + 1);
	memcpy(copy, text, n);
	copy[n] = '\0';
	for (line = copy; ok && line != NULL; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		line[strcspn(line, "\r")] = '\0';
		if (first) {
			ok = strcmp(line, KEY_FILE_FIRST_LINE) == 0;
			first = false;
		} else if (*line != '\0') {
			ok = key_line(line, k, seen, fp, sizeof fp);
		}
	}
	free(copy);
	for (f = 0; ok && f < F_COUNT; f++)
		ok = seen[f] || f == F_FINGERPRINT;
	if (!ok) {
		memset(k, 0, sizeof *k);
		return not_key_file(err);
	}
	if (strcmp(k->code, "city") != 0 && !keys_code_check(k->code, err)) {
		memset(k, 0, sizeof *k);
		return false;
	}
	keys_fingerprint(k, want);
	if (fp[0] != '\0' && strcmp(fp, want) != 0) {
		memset(k, 0, sizeof *k);
		error_set(err, _("The key file's fingerprint does not match its keys; it is damaged "
		    "or was altered."));
		return false;
	}
	return true;
}

bool
keys_parse_file(const char *text, struct public_key *k, struct error *err)
{
	return keys_parse_bytes(text, strlen(text), k, err);
}

bool
keys_read_file(const char *path, struct public_key *k, struct error *err)
{
	/* One byte more than a key file may hold, to see that it is larger. */
	char text[KEYS_FILE_MAX + 1];
	size_t n;
	FILE *f = fopen(path, "rb");

	memset(k, 0, sizeof *k);
	if (f == NULL) {
		error_set(err, _("Cannot read %s: %s."), path, strerror(errno));
		return false;
	}
	n = fread(text, 1, sizeof text, f);
	if (ferror(f)) {
		error_set(err, _("Cannot read %s: %s."), path, strerror(errno));
		fclose(f);
		return false;
	}
	fclose(f);
	return keys_parse_bytes(text, n, k, err);
}

bool
keys_enrol(struct store *s, const struct actor *who, const struct public_key *k, bool replace,
    struct error *err)
{
	struct public_key old, own;
	struct buf sum = {0};
	sqlite3_stmt *st;
	char now[21], fp[32], *name;
	bool exists, ok = false;
	int rc;

	/* The code becomes a file name at export and a row's origin at import:
	 * only a center's code, or the city's. */
	if (strcmp(k->code, "city") != 0 && !keys_code_check(k->code, err))
		return false;
	if (strcmp(k->code, "city") == 0 && store_kind(s) == STORE_CITY &&
	    (!keys_own(s, &own, NULL) || memcmp(own.sign_pk, k->sign_pk, sizeof k->sign_pk) != 0 ||
	    memcmp(own.box_pk, k->box_pk, sizeof k->box_pk) != 0)) {
		error_set(err, _("\"city\" is city hall's own code; a center is enrolled under its "
		    "own code."));
		return false;
	}
	/* A name that fills the buffer was cut on its way in (by a caller's
	 * snprintf); it is not what was given. */
	if (strlen(k->name) >= sizeof k->name - 1) {
		error_set(err, _("The name is too long (at most %d characters)."), KEYS_NAME_CHARS);
		return false;
	}
	name = keys_name_check(k->name, err);
	if (name == NULL)
		return false;
	exists = keys_peer(s, k->code, &old, NULL);
	if (exists && !replace && (memcmp(old.sign_pk, k->sign_pk, sizeof k->sign_pk) != 0 ||
	    memcmp(old.box_pk, k->box_pk, sizeof k->box_pk) != 0)) {
		error_set(err, _("%s is enrolled with another key; check the fingerprint with "
		    "them, then replace it on purpose."), k->code);
		free(name);
		return false;
	}
	date_now_utc(now);
	if (!store_begin(s, err)) {
		free(name);
		return false;
	}
	if (sqlite3_prepare_v2(store_db(s), "INSERT INTO peer (code, name, sign_pk, box_pk, "
	    "enrolled_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = "
	    "excluded.name, sign_pk = excluded.sign_pk, box_pk = excluded.box_pk, "
	    "enrolled_at = excluded.enrolled_at", -1, &st, NULL) != SQLITE_OK) {
		store_sql_error(s, _("Enrolling a key"), err);
		store_rollback(s);
		free(name);
		return false;
	}
	sqlite3_bind_text(st, 1, k->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 3, k->sign_pk, sizeof k->sign_pk, SQLITE_STATIC);
	sqlite3_bind_blob(st, 4, k->box_pk, sizeof k->box_pk, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	keys_fingerprint(k, fp);
	buf_printf(&sum, "%s (%s) %s", k->code, name, fp);
	if (rc != SQLITE_DONE)
		store_sql_error(s, _("Enrolling a key"), err);
	else
		ok = audit_log(s, who, exists ? "key-replace" : "key-enrol", "peer", NULL,
		    buf_str(&sum), err) && store_commit(s, err);
	if (!ok)
		store_rollback(s);
	buf_free(&sum);
	free(name);
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
