/*
 * unit — what the cmocka programs in tests/unit share: the process setup
 * (English messages, a UTF-8 locale, libsodium), a fresh temporary folder per
 * test and a store in it, and assertions that say what they saw.
 *
 * Everything here is static inline so that a program that does not use a
 * helper does not warn about it.
 */
#ifndef KYODO_UNIT_H
#define KYODO_UNIT_H

#include <dirent.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sodium.h>

#include "base/actor.h"
#include "base/i18n.h"
#include "domain/record.h"
#include "store/store.h"

/* Messages in English (the msgids), characters as UTF-8, libsodium ready. */
static inline void
unit_init(void)
{
	i18n_setup("en");
	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "unit: the C.UTF-8 locale is missing\n");
		exit(1);
	}
	if (sodium_init() < 0) {
		fprintf(stderr, "unit: sodium_init failed\n");
		exit(1);
	}
}

/* s holds needle; on failure shows both. */
#define assert_contains(s, needle) do { \
	const char *s_ = (s), *n_ = (needle); \
	if (s_ == NULL || strstr(s_, n_) == NULL) \
		fail_msg("\"%s\" does not contain \"%s\"", s_ ? s_ : "(null)", n_); \
} while (0)

#define assert_not_contains(s, needle) do { \
	const char *s_ = (s), *n_ = (needle); \
	if (s_ != NULL && strstr(s_, n_) != NULL) \
		fail_msg("\"%s\" contains \"%s\"", s_, n_); \
} while (0)

/* a and b are both non-NULL and equal. */
#define assert_str(a, b) do { \
	const char *a_ = (a), *b_ = (b); \
	if (a_ == NULL || b_ == NULL || strcmp(a_, b_) != 0) \
		fail_msg("\"%s\" != \"%s\"", a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
} while (0)

/* A fresh folder under $TMPDIR (or /tmp); caller frees with unit_rmdir. */
static inline char *
unit_mkdtemp(void)
{
	const char *t = getenv("TMPDIR");
	char path[4096];
	char *dir;

	snprintf(path, sizeof path, "%s/kyodo-unit.XXXXXX", t && *t ? t : "/tmp");
	dir = mkdtemp(path);
	assert_non_null(dir);
	return strdup(dir);
}

/* Removes a folder and everything in it (one level of subfolders is all the
 * tests make, but any depth is handled). */
static inline void
unit_rmtree(const char *dir)
{
	struct dirent *e;
	DIR *d = opendir(dir);
	size_t n;
	char *path;

	if (d != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			n = strlen(dir) + strlen(e->d_name) + 2;
			path = malloc(n);
			if (path == NULL)
				break;
			snprintf(path, n, "%s/%s", dir, e->d_name);
			if (unlink(path) != 0)
				unit_rmtree(path);
			free(path);
		}
		closedir(d);
	}
	rmdir(dir);
}

/* Removes the folder made by unit_mkdtemp and all in it, then frees dir. */
static inline void
unit_rmdir(char *dir)
{
	if (dir == NULL)
		return;
	unit_rmtree(dir);
	free(dir);
}

/* A path inside dir, in a static buffer of the caller's. */
static inline const char *
unit_path(char *out, size_t size, const char *dir, const char *name)
{
	snprintf(out, size, "%s/%s", dir, name);
	return out;
}

/* The fixture most store tests use: a folder and a new center store in it. */
struct unit_fx {
	char *dir;
	char path[4096];
	struct store *s;
};

/* Fills fx in place (a test's own fixture may hold one); -1 on failure. */
static inline int
unit_fx_open(struct unit_fx *fx)
{
	struct error err;

	fx->dir = unit_mkdtemp();
	unit_path(fx->path, sizeof fx->path, fx->dir, "kyodo.db");
	fx->s = store_create(fx->path, STORE_CENTER, "mashiba", "真柴市民センター", &err);
	if (fx->s == NULL) {
		fprintf(stderr, "store_create: %s\n", err.text);
		unit_rmdir(fx->dir);
		return -1;
	}
	return 0;
}

static inline void
unit_fx_close(struct unit_fx *fx)
{
	store_close(fx->s);
	unit_rmdir(fx->dir);
}

static inline int
unit_fx_setup(void **state)
{
	struct unit_fx *fx = calloc(1, sizeof *fx);

	if (fx == NULL || unit_fx_open(fx) != 0) {
		free(fx);
		return -1;
	}
	*state = fx;
	return 0;
}

static inline int
unit_fx_teardown(void **state)
{
	struct unit_fx *fx = *state;

	if (fx == NULL)
		return 0;
	unit_fx_close(fx);
	free(fx);
	return 0;
}

/* One integer from SQL on the store's own connection; fails the test when
 * the statement does not give a row. */
static inline long long
unit_sql_int(struct store *s, const char *sql)
{
	sqlite3_stmt *st;
	long long v;

	if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(store_db(s)));
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		fail_msg("%s: no row", sql);
	}
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* One text value from SQL into out ("" when NULL). */
static inline void
unit_sql_text(struct store *s, const char *sql, char *out, size_t size)
{
	sqlite3_stmt *st;
	const unsigned char *t;

	if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(store_db(s)));
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		fail_msg("%s: no row", sql);
	}
	t = sqlite3_column_text(st, 0);
	snprintf(out, size, "%s", t ? (const char *)t : "");
	sqlite3_finalize(st);
}

/* Sets r's field from text as a person typed it (NULL: leaves it as it
 * is); fails the test, naming the refusal, when the kind has no such field
 * or the field's rules refuse the value. */
static inline void
unit_set(struct record *r, const char *field, const char *value)
{
	struct error err;
	int i = kind_field(r->kind, field);

	if (i < 0)
		fail_msg("no field %s.%s", r->kind->name, field);
	if (value == NULL)
		return;
	error_clear(&err);
	if (!record_set(r, i, value, &err))
		fail_msg("%s.%s = \"%s\" refused: %s", r->kind->name, field, value, err.text);
}

/* Adds a record of kind as who from field/value pairs ending with NULL;
 * uuid (37 bytes, may be NULL) gets its id.  False with err when a value
 * or the record is refused. */
static inline bool
unit_try_add(struct store *s, const struct actor *who, const char *kind,
    const char *const *pairs, char *uuid, struct error *err)
{
	struct record r;
	bool ok = true;

	record_init(&r, kind_find(kind));
	error_clear(err);
	for (; ok && pairs[0] != NULL; pairs += 2)
		ok = record_set(&r, kind_field(r.kind, pairs[0]), pairs[1], err);
	ok = ok && record_insert(s, who, &r, err);
	if (ok && uuid != NULL)
		snprintf(uuid, 37, "%s", r.uuid);
	record_free(&r);
	return ok;
}

/* The same, failing the test when refused. */
static inline void
unit_add(struct store *s, const struct actor *who, const char *kind, const char *const *pairs,
    char *uuid)
{
	struct error err;

	if (!unit_try_add(s, who, kind, pairs, uuid, &err))
		fail_msg("adding %s refused: %s", kind, err.text);
}

#endif
