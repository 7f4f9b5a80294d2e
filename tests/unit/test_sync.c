/* Unit tests for core/sync (and the keys it uses) on real stores in a fresh
 * folder: a city and a center that have exchanged keys, a real file written
 * by sync_export, then every way a file is refused — each with its own
 * sentence and the receiving store left as it was — and what a good file
 * brings.
 *
 * Files the public API cannot write (a center's file to another center, a
 * file whose inner database was tampered with before signing) are built here
 * the way sync.c and envelope.c build them: the inner database from the
 * sender's own connection, sealed to the receiver and signed with the
 * sender's secret key (keys_secret).  A control test shows such a file,
 * untampered, is taken. */
#include "unit.h"

#include <limits.h>
#include <sys/stat.h>
#include <time.h>

#include "base/actor.h"
#include "base/buf.h"
#include "domain/grantbook.h"
#include "sync/bundle.h"
#include "sync/keys.h"
#include "domain/record.h"
#include "sync/sync.h"

/* The stamp of files built here: now, as a real file's would be (a file
 * older than the last one taken is not applied at all). */
static char created_now[16];
#define CREATED created_now

static void
stamp_now(void)
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(created_now, sizeof created_now, "%Y%m%d-%H%M%S", &tm);
}

static const struct actor admin = {"cli:test", ROLE_ADMIN};

struct sx {
	char *dir;
	char city_path[4200], c1_path[4200];
	struct store *city, *c1;
	char file[PATH_MAX];		/* c1's file to the city, made by sync_export */
	unsigned char *data;
	size_t n;
	char use_uuid[37], room_uuid[37];
	/* What a test makes beyond that, freed by teardown even when it fails. */
	struct store *extra[4];
	int nextra;
	char *dirs[4];
	int ndirs;
	struct buf f;			/* a file built by hand */
	struct buf inner;		/* an inner database built by hand */
	unsigned char *copy;		/* a copy of data to damage */
};

/* ---- small helpers ---- */

static void
insert(struct store *s, struct record *r, char *uuid)
{
	struct error err;

	if (!record_insert(s, &admin, r, &err)) {
		record_free(r);
		fail_msg("record_insert: %s", err.text);
	}
	if (uuid != NULL)
		snprintf(uuid, 37, "%s", r->uuid);
	record_free(r);
}

static void
add_room(struct store *s, const char *name, char *uuid)
{
	struct record r;

	record_init(&r, kind_find("room"));
	unit_set(&r, "name", name);
	unit_set(&r, "active", "yes");
	insert(s, &r, uuid);
}

static void
add_use(struct store *s, const char *date, const char *room, const char *group, char *uuid)
{
	struct record r;

	record_init(&r, kind_find("use"));
	unit_set(&r, "date", date);
	unit_set(&r, "start", "13:00");
	unit_set(&r, "end", "15:00");
	unit_set(&r, "room", room);
	unit_set(&r, "group", group);
	unit_set(&r, "category", "group");
	unit_set(&r, "people", "8");
	unit_set(&r, "fee", "1200");
	insert(s, &r, uuid);
}

static void
add_meeting(struct store *s, const char *title)
{
	struct record r;

	record_init(&r, kind_find("meeting"));
	unit_set(&r, "date", "2026-04-05");
	unit_set(&r, "kind", "board");
	unit_set(&r, "title", title);
	insert(s, &r, NULL);
}

static void
exec(struct store *s, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(store_db(s), sql, NULL, NULL, &msg) != SQLITE_OK) {
		char copy[300];

		snprintf(copy, sizeof copy, "%s", msg ? msg : "?");
		sqlite3_free(msg);
		fail_msg("%s: %s", sql, copy);
	}
}

/* What the store holds, in one string: every table's row count and, where
 * it has one, the sum of its versions.  Equal before and after a refusal. */
static void
snapshot(struct store *s, char *out, size_t size)
{
	sqlite3_stmt *st;
	char sql[512];
	size_t len = 0;

	if (sqlite3_prepare_v2(store_db(s), "SELECT name, (SELECT count(*) FROM pragma_table_info"
	    "(m.name) WHERE name = 'version') FROM sqlite_master m WHERE type = 'table' "
	    "ORDER BY name", -1, &st, NULL) != SQLITE_OK)
		fail_msg("snapshot: %s", sqlite3_errmsg(store_db(s)));
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		snprintf(sql, sizeof sql, sqlite3_column_int(st, 1) ?
		    "SELECT count(*) * 1000000 + total(version) FROM \"%s\"" :
		    "SELECT count(*) FROM \"%s\"", t);
		len += (size_t)snprintf(out + len, len < size ? size - len : 0, "%s=%lld ", t,
		    unit_sql_int(s, sql));
	}
	sqlite3_finalize(st);
	assert_true(len < size);
}

static bool
has_bytes(const unsigned char *d, size_t n, const char *needle)
{
	size_t len = strlen(needle), i;

	for (i = 0; i + len <= n; i++)
		if (memcmp(d + i, needle, len) == 0)
			return true;
	return false;
}

static unsigned char *read_all(const char *path, size_t *n);

/* The file at path into x->f. */
static void
load_f(struct sx *x, const char *path)
{
	size_t n;
	unsigned char *d = read_all(path, &n);

	buf_reset(&x->f);
	buf_add(&x->f, d, n);
	free(d);
}

static unsigned char *
read_all(const char *path, size_t *n)
{
	struct buf b = {0};
	char chunk[65536];
	size_t got;
	FILE *f = fopen(path, "rb");

	assert_non_null(f);
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, got);
	fclose(f);
	*n = b.len;
	return (unsigned char *)buf_steal(&b);
}

/* Enrols a's public key at b. */
static void
enrol(struct store *a, struct store *b)
{
	struct public_key k;
	struct error err;

	if (!keys_own(a, &k, &err) || !keys_enrol(b, &admin, &k, false, &err))
		fail_msg("enrol %s at %s: %s", store_origin(a), store_origin(b), err.text);
}

/* Another store in the test's folder, closed by teardown. */
static struct store *
new_store(struct sx *x, const char *file, enum store_kind kind, const char *code)
{
	char path[4200];
	struct error err;
	struct store *s;

	assert_true(x->nextra < 4);
	unit_path(path, sizeof path, x->dir, file);
	s = store_create(path, kind, code, kind == STORE_CITY ? "一関市" : "テストセンター", &err);
	if (s == NULL)
		fail_msg("store_create %s: %s", file, err.text);
	x->extra[x->nextra++] = s;
	return s;
}

/* A fresh folder (a second export in one second needs one), removed by
 * teardown. */
static const char *
new_dir(struct sx *x)
{
	assert_true(x->ndirs < 4);
	x->dirs[x->ndirs] = unit_mkdtemp();
	return x->dirs[x->ndirs++];
}

static void
export_to_new_dir(struct sx *x, struct store *s, const char *peer, char *path)
{
	struct error err;

	if (!sync_export(s, &admin, peer, new_dir(x), path, NULL, &err))
		fail_msg("sync_export: %s", err.text);
}

static int
setup(void **state)
{
	struct sx *x = calloc(1, sizeof *x);
	struct error err;

	if (x == NULL)
		return -1;
	x->dir = unit_mkdtemp();
	*state = x;
	stamp_now();
	unit_path(x->city_path, sizeof x->city_path, x->dir, "city.db");
	unit_path(x->c1_path, sizeof x->c1_path, x->dir, "c1.db");
	x->city = store_create(x->city_path, STORE_CITY, NULL, "一関市", &err);
	x->c1 = store_create(x->c1_path, STORE_CENTER, "c1", "テストセンター", &err);
	if (x->city == NULL || x->c1 == NULL) {
		fprintf(stderr, "store_create: %s\n", err.text);
		return -1;
	}
	enrol(x->city, x->c1);
	enrol(x->c1, x->city);
	add_room(x->c1, "和室", x->room_uuid);
	add_use(x->c1, "2026-04-02", "和室", "髙橋 花子", x->use_uuid);
	add_meeting(x->c1, "運営委員会");
	if (!sync_export(x->c1, &admin, "city", x->dir, x->file, NULL, &err)) {
		fprintf(stderr, "sync_export: %s\n", err.text);
		return -1;
	}
	x->data = read_all(x->file, &x->n);
	x->copy = malloc(x->n);
	return x->copy == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	struct sx *x = *state;

	if (x == NULL)
		return 0;
	store_close(x->city);
	store_close(x->c1);
	while (x->nextra > 0)
		store_close(x->extra[--x->nextra]);
	while (x->ndirs > 0)
		unit_rmdir(x->dirs[--x->ndirs]);
	buf_free(&x->f);
	buf_free(&x->inner);
	free(x->copy);
	free(x->data);
	unit_rmdir(x->dir);
	free(x);
	return 0;
}

/* Imports bytes at s and expects a refusal whose sentence holds want, with
 * s unchanged. */
static void
expect_refused(struct store *s, const char *path, const unsigned char *d, size_t n,
    const char *want)
{
	struct sync_result res;
	struct error err;
	char before[4096], after[4096];
	bool ok;

	snapshot(s, before, sizeof before);
	err.text[0] = '\0';
	ok = sync_import_bytes(s, &admin, path, d, n, &res, NULL, &err);
	snapshot(s, after, sizeof after);
	if (ok)
		fail_msg("taken, expected a refusal with \"%s\"", want);
	assert_contains(err.text, want);
	assert_str(before, after);
}

static const struct sync_counts *
counts_of(const struct sync_result *r, const char *table)
{
	int i;

	for (i = 0; i < r->ntables; i++)
		if (strcmp(r->t[i].table, table) == 0)
			return &r->t[i];
	fail_msg("no counts for %s", table);
	return NULL;
}

/* ---- building files by hand, as sync.c and envelope.c do ---- */

static void
put_u32(struct buf *b, uint32_t v)
{
	unsigned char t[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
	    (unsigned char)(v >> 24)};

	buf_add(b, t, 4);
}

/* The inner database of from's own rows for receiver, as build_inner makes
 * it (bundle.h's tables); tamper (SQL on schema "bundle") runs before it is
 * serialized. */
static void
make_inner(struct sx *x, struct store *from, const char *receiver, const char *tamper)
{
	sqlite3 *db = store_db(from);
	const struct bundle_table *t;
	sqlite3_int64 size = 0;
	unsigned char *data;
	struct buf sql = {0};
	int n, i;

	stamp_now();
	n = bundle_tables(store_kind(from) == STORE_CITY, &t);
	exec(from, "ATTACH ':memory:' AS bundle");
	exec(from, "CREATE TABLE bundle.\"bundle_meta\" (\"key\" TEXT, \"value\" TEXT)");
	for (i = 0; i < n; i++) {
		buf_reset(&sql);
		bundle_create_sql(&t[i], &sql);
		/* "CREATE TABLE "x" (…)" → "CREATE TABLE bundle."x" (…)" */
		buf_reset(&x->inner);
		buf_printf(&x->inner, "CREATE TABLE bundle.%s", buf_str(&sql) + 13);
		exec(from, buf_str(&x->inner));
		buf_reset(&sql);
		buf_printf(&sql, "INSERT INTO bundle.\"%s\" SELECT ", t[i].kind->table);
		bundle_column_list(&t[i], &sql);
		if (strcmp(t[i].kind->table, "decision") == 0)
			buf_printf(&sql, " FROM main.decision WHERE origin = 'city' AND center = '%s'",
			    receiver);
		else
			buf_printf(&sql, " FROM main.\"%s\" WHERE origin = '%s'", t[i].kind->table,
			    store_origin(from));
		exec(from, buf_str(&sql));
	}
	buf_reset(&sql);
	buf_printf(&sql, "INSERT INTO bundle.bundle_meta VALUES ('format', '%d'), "
	    "('sender', '%s'), ('receiver', '%s'), ('created_at', '%s'), ('schema_version', '%d')",
	    SYNC_FORMAT, store_origin(from), receiver, CREATED, store_schema_version());
	exec(from, buf_str(&sql));
	if (tamper != NULL)
		exec(from, tamper);
	/* The row counts, after any tampering with the rows. */
	for (i = 0; i < n; i++) {
		buf_reset(&sql);
		buf_printf(&sql, "INSERT INTO bundle.bundle_meta SELECT 'rows_%s', "
		    "(SELECT CAST(count(*) AS TEXT) FROM bundle.\"%s\") WHERE NOT EXISTS (SELECT 1 "
		    "FROM bundle.bundle_meta WHERE key = 'rows_%s')", t[i].kind->table,
		    t[i].kind->table, t[i].kind->table);
		if (sqlite3_exec(db, buf_str(&sql), NULL, NULL, NULL) != SQLITE_OK)
			continue;	/* a table the tampering dropped */
	}
	buf_free(&sql);
	data = sqlite3_serialize(db, "bundle", &size, 0);
	exec(from, "DETACH bundle");
	assert_non_null(data);
	buf_reset(&x->inner);
	buf_add(&x->inner, data, (size_t)size);
	sqlite3_free(data);
}

/* A whole file: header, the file key sealed to to_box_pk, the body in
 * secretstream chunks, signed with sign_sk. */
static void
seal_file(struct buf *out, const char *sender, const char *receiver, uint32_t format,
    const unsigned char *inner, size_t n, const unsigned char *to_box_pk,
    const unsigned char *sign_sk)
{
	unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
	unsigned char sealed[crypto_box_SEALBYTES + sizeof key];
	unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
	unsigned char sig[crypto_sign_BYTES], *c;
	crypto_secretstream_xchacha20poly1305_state state;
	unsigned long long clen;
	size_t off = 0, len;

	crypto_secretstream_xchacha20poly1305_keygen(key);
	crypto_box_seal(sealed, key, sizeof key, to_box_pk);
	crypto_secretstream_xchacha20poly1305_init_push(&state, header, key);
	buf_add(out, "KYODOSYN", 8);
	put_u32(out, format);
	buf_addc(out, (char)strlen(sender));
	buf_adds(out, sender);
	buf_addc(out, (char)strlen(receiver));
	buf_adds(out, receiver);
	buf_add(out, CREATED, 15);
	buf_add(out, sealed, sizeof sealed);
	buf_add(out, header, sizeof header);
	c = malloc(65536 + crypto_secretstream_xchacha20poly1305_ABYTES);
	assert_non_null(c);
	do {
		len = n - off < 65536 ? n - off : 65536;
		crypto_secretstream_xchacha20poly1305_push(&state, c, &clen, inner + off, len, NULL, 0,
		    off + len == n ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
		put_u32(out, (uint32_t)clen);
		buf_add(out, c, (size_t)clen);
		off += len;
	} while (off < n);
	free(c);
	crypto_sign_detached(sig, NULL, (const unsigned char *)out->data, out->len, sign_sk);
	buf_add(out, sig, sizeof sig);
}

/* from's file for to (a store), with tamper applied to the inner database,
 * into x->f. */
static void
forge(struct sx *x, struct store *from, struct store *to, const char *tamper)
{
	unsigned char sign_sk[crypto_sign_SECRETKEYBYTES], box_sk[crypto_box_SECRETKEYBYTES];
	unsigned char box_pk[crypto_box_PUBLICKEYBYTES];
	struct public_key tk;
	struct error err;

	assert_true(keys_secret(from, sign_sk, box_sk, box_pk, &err));
	assert_true(keys_own(to, &tk, &err));
	make_inner(x, from, store_origin(to), tamper);
	buf_reset(&x->f);
	seal_file(&x->f, store_origin(from), store_origin(to), SYNC_FORMAT,
	    (const unsigned char *)x->inner.data, x->inner.len, tk.box_pk, sign_sk);
}

/* ---- a good file ---- */

static void
test_export_file(void **state)
{
	struct sx *x = *state;
	char want[PATH_MAX];
	struct stat st;

	assert_int_equal(strncmp((const char *)x->data, "KYODOSYN\2\0\0\0", 12), 0);
	snprintf(want, sizeof want, "%s/kyodo-c1-to-city-", x->dir);
	assert_int_equal(strncmp(x->file, want, strlen(want)), 0);
	assert_int_equal(strlen(x->file), strlen(want) + strlen("20260501-093000.kyodo"));
	assert_int_equal(stat(x->file, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* No personal data readable in the file. */
	assert_false(has_bytes(x->data, x->n, "髙橋 花子"));
	assert_false(has_bytes(x->data, x->n, "運営委員会"));
	assert_false(has_bytes(x->data, x->n, "SQLite format 3"));
	/* … though the store itself holds them. */
	{
		size_t n;
		unsigned char *db = read_all(x->c1_path, &n);
		char wal[4300];
		bool seen = has_bytes(db, n, "髙橋 花子");

		free(db);
		snprintf(wal, sizeof wal, "%s-wal", x->c1_path);
		db = read_all(wal, &n);
		seen = seen || has_bytes(db, n, "髙橋 花子");
		free(db);
		assert_true(seen);
	}
	assert_int_equal(unit_sql_int(x->c1, "SELECT count(*) FROM sync_log WHERE direction = "
	    "'export' AND peer = 'city' AND result = 'ok'"), 1);
}

static void
test_import_counts(void **state)
{
	struct sx *x = *state;
	struct sync_result res;
	struct error err;
	const struct sync_counts *c;
	char path[PATH_MAX];
	struct record r;

	if (!sync_import(x->city, &admin, x->file, &res, NULL, &err))
		fail_msg("sync_import: %s", err.text);
	assert_str(res.sender, "c1");
	assert_int_equal(strlen(res.created), 15);
	assert_int_equal(res.added, 3);
	assert_int_equal(res.updated, 0);
	assert_int_equal(res.unchanged, 0);
	c = counts_of(&res, "room");
	assert_int_equal(c->incoming, 1);
	assert_int_equal(c->added, 1);
	c = counts_of(&res, "facility_use");
	assert_int_equal(c->added, 1);
	c = counts_of(&res, "meeting");
	assert_int_equal(c->added, 1);
	c = counts_of(&res, "booking");
	assert_int_equal(c->incoming, 0);
	assert_int_equal(unit_sql_int(x->city, "SELECT count(*) FROM facility_use WHERE origin = "
	    "'c1' AND \"group\" = '髙橋 花子' AND version = 1"), 1);
	assert_int_equal(unit_sql_int(x->city, "SELECT count(*) FROM sync_log WHERE direction = "
	    "'import' AND peer = 'c1' AND result = 'ok'"), 1);

	/* Again: nothing new, nothing changed. */
	if (!sync_import(x->city, &admin, x->file, &res, NULL, &err))
		fail_msg("sync_import again: %s", err.text);
	assert_int_equal(res.added, 0);
	assert_int_equal(res.updated, 0);
	assert_int_equal(res.unchanged, 3);

	/* An edit and a deletion at the center travel as new versions. */
	assert_true(record_get(x->c1, kind_find("use"), x->use_uuid, &r, &err));
	unit_set(&r, "people", "9");
	if (!record_update(x->c1, &admin, &r, &err))
		fail_msg("record_update: %s", err.text);
	record_free(&r);
	add_room(x->c1, "研修室", NULL);
	export_to_new_dir(x, x->c1, "city", path);
	if (!sync_import(x->city, &admin, path, &res, NULL, &err))
		fail_msg("sync_import of the second file: %s", err.text);
	assert_int_equal(res.added, 1);
	assert_int_equal(res.updated, 1);
	assert_int_equal(res.unchanged, 2);
	assert_int_equal(counts_of(&res, "facility_use")->updated, 1);
	assert_int_equal(counts_of(&res, "room")->added, 1);
	assert_int_equal(unit_sql_int(x->city, "SELECT people * 10 + version FROM facility_use"), 92);

	/* The first file after the second: nothing changes. */
	if (!sync_import(x->city, &admin, x->file, &res, NULL, &err))
		fail_msg("sync_import of the older file: %s", err.text);
	assert_int_equal(res.added + res.updated, 0);
	assert_int_equal(unit_sql_int(x->city, "SELECT people * 10 + version FROM facility_use"), 92);
}

static void
test_tombstone_travels(void **state)
{
	struct sx *x = *state;
	struct sync_result res;
	struct error err;
	struct record r;
	char path[PATH_MAX];

	assert_true(sync_import(x->city, &admin, x->file, &res, NULL, &err));
	assert_true(record_get(x->c1, kind_find("use"), x->use_uuid, &r, &err));
	if (!record_delete(x->c1, &admin, &r, &err))
		fail_msg("record_delete: %s", err.text);
	record_free(&r);
	export_to_new_dir(x, x->c1, "city", path);
	if (!sync_import(x->city, &admin, path, &res, NULL, &err))
		fail_msg("sync_import: %s", err.text);
	assert_int_equal(counts_of(&res, "facility_use")->updated, 1);
	assert_int_equal(unit_sql_int(x->city, "SELECT deleted * 10 + version FROM facility_use"), 12);
}

/* A file written with this test's own sealing, untampered, is taken: the
 * refusals below come from what was changed, not from the writer. */
static void
test_forged_control_taken(void **state)
{
	struct sx *x = *state;
	struct sync_result res;
	struct error err;

	forge(x, x->c1, x->city, NULL);
	if (!sync_import_bytes(x->city, &admin, NULL, (const unsigned char *)x->f.data, x->f.len, &res,
	    NULL, &err))
		fail_msg("the control file was refused: %s", err.text);
	assert_int_equal(res.added, 3);
}

/* ---- refusals of the outside ---- */

static void
test_refuse_wrong_magic(void **state)
{
	struct sx *x = *state;
	unsigned char *d = x->copy;

	memcpy(d, x->data, x->n);
	d[0] ^= 1;
	expect_refused(x->city, x->file, d, x->n, "This is not a kyodo sync file.");
	expect_refused(x->city, x->file, d, 0, "This is not a kyodo sync file.");
	expect_refused(x->city, x->file, x->data, 12 + 63, "This is not a kyodo sync file.");
	expect_refused(x->city, x->file, x->data, 12, "This is not a kyodo sync file.");
}

static void
test_refuse_future_format(void **state)
{
	struct sx *x = *state;
	unsigned char sign_sk[crypto_sign_SECRETKEYBYTES], box_sk[crypto_box_SECRETKEYBYTES];
	unsigned char box_pk[crypto_box_PUBLICKEYBYTES];
	unsigned char *d = x->copy;
	struct public_key city;
	struct error err;

	/* A damaged format number is damage, not a newer kyodo. */
	memcpy(d, x->data, x->n);
	d[9] = 0xAA;
	expect_refused(x->city, x->file, d, x->n, "signature does not match c1's key");
	/* Signed by the sender with another format: another version of kyodo. */
	assert_true(keys_secret(x->c1, sign_sk, box_sk, box_pk, &err));
	assert_true(keys_own(x->city, &city, &err));
	make_inner(x, x->c1, "city", NULL);
	buf_reset(&x->f);
	seal_file(&x->f, "c1", "city", SYNC_FORMAT + 1, (const unsigned char *)x->inner.data,
	    x->inner.len, city.box_pk, sign_sk);
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "This file was made by a newer version of kyodo; update kyodo here to read it.");
	buf_reset(&x->f);
	seal_file(&x->f, "c1", "city", 1, (const unsigned char *)x->inner.data, x->inner.len,
	    city.box_pk, sign_sk);
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "This file was made by an older version of kyodo; update kyodo at c1");
}

static void
test_refuse_damaged_header(void **state)
{
	struct sx *x = *state;
	unsigned char *d = x->copy;

	memcpy(d, x->data, x->n);
	d[12] = 0;	/* the sender's code is empty */
	expect_refused(x->city, x->file, d, x->n, "its header cannot be read");
	memcpy(d, x->data, x->n);
	d[12] = 200;	/* the sender's code runs past the header */
	expect_refused(x->city, x->file, d, x->n, "its header cannot be read");
	memcpy(d, x->data, x->n);
	d[13] = 'C';	/* not a code */
	expect_refused(x->city, x->file, d, x->n, "its header cannot be read");
	memcpy(d, x->data, x->n);
	d[12 + 3 + 5 + 8] = '_';	/* the time in the header */
	expect_refused(x->city, x->file, d, x->n, "its header cannot be read");
	/* Cut short of the sealed key. */
	expect_refused(x->city, x->file, x->data, 12 + 3 + 5 + 15 + 40 + 64,
	    "its header cannot be read");
}

static void
test_refuse_addressed_elsewhere(void **state)
{
	struct sx *x = *state;
	struct store *c2 = new_store(x, "c2.db", STORE_CENTER, "c2");

	enrol(x->city, c2);
	expect_refused(x->c1, x->file, x->data, x->n,
	    "This file is addressed to city, not to this store (c1).");
	expect_refused(c2, x->file, x->data, x->n,
	    "This file is addressed to city, not to this store (c2).");
}

static void
test_refuse_unknown_sender(void **state)
{
	struct sx *x = *state;
	char file[PATH_MAX];
	struct store *c2 = new_store(x, "c2.db", STORE_CENTER, "c2");

	enrol(x->city, c2);	/* c2 knows the city; the city does not know c2 */
	add_room(c2, "大会議室", NULL);
	export_to_new_dir(x, c2, "city", file);
	load_f(x, file);
	expect_refused(x->city, file, (const unsigned char *)x->f.data, x->f.len,
	    "This file comes from c2, whose key is not enrolled here; it is refused.");
}

static void
test_refuse_bad_signature(void **state)
{
	struct sx *x = *state;
	unsigned char *d = x->copy;
	size_t pos[] = {x->n - 1, x->n - 64, x->n - 65, x->n / 2, 12 + 3 + 5 + 15 + 10, 20};
	size_t i;

	for (i = 0; i < sizeof pos / sizeof pos[0]; i++) {
		memcpy(d, x->data, x->n);
		d[pos[i]] ^= 0x01;
		expect_refused(x->city, x->file, d, x->n,
		    "This file's signature does not match c1's key: it is damaged or forged.");
	}
	/* The signature of another file of the same sender. */
}

static void
test_refuse_other_key_same_code(void **state)
{
	struct sx *x = *state;
	char file[PATH_MAX];
	struct store *other = new_store(x, "other.db", STORE_CENTER, "c1");

	enrol(x->city, other);
	export_to_new_dir(x, other, "city", file);
	load_f(x, file);
	expect_refused(x->city, file, (const unsigned char *)x->f.data, x->f.len,
	    "signature does not match c1's key");
}

static void
test_refuse_renamed(void **state)
{
	struct sx *x = *state;
	const char *base = strrchr(x->file, '/') + 1;
	char want[200];

	snprintf(want, sizeof want, "(it should be %s); was it renamed?", base);
	expect_refused(x->city, "/stick/kyodo-c1-to-city-20200101-000000.kyodo", x->data, x->n,
	    want);
	expect_refused(x->city, "kyodo-c2-to-city-20260501-093000.kyodo", x->data, x->n, want);
	expect_refused(x->city, "monthly.kyodo", x->data, x->n, "was it renamed?");
}

/* A center takes files from the city only: even a center whose key it
 * knows cannot send it one. */
static void
test_refuse_wrong_direction(void **state)
{
	struct sx *x = *state;
	struct store *c2 = new_store(x, "c2.db", STORE_CENTER, "c2");

	enrol(c2, x->c1);	/* c1 knows c2's key */
	add_room(c2, "大会議室", NULL);
	forge(x, c2, x->c1, NULL);
	expect_refused(x->c1, NULL, (const unsigned char *)x->f.data, x->f.len, "comes from c2");
	assert_int_equal(unit_sql_int(x->c1, "SELECT count(*) FROM room WHERE origin = 'c2'"), 0);
	/* And the city takes no file from "city", even with its own key enrolled. */
	enrol(x->city, x->city);
	forge(x, x->city, x->city, NULL);
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len, "comes from city");
}

static void
test_refuse_sealed_to_another(void **state)
{
	struct sx *x = *state;
	unsigned char sign_sk[crypto_sign_SECRETKEYBYTES], box_sk[crypto_box_SECRETKEYBYTES];
	unsigned char box_pk[crypto_box_PUBLICKEYBYTES], other_pk[crypto_box_PUBLICKEYBYTES];
	unsigned char other_sk[crypto_box_SECRETKEYBYTES];
	struct error err;

	assert_true(keys_secret(x->c1, sign_sk, box_sk, box_pk, &err));
	crypto_box_keypair(other_pk, other_sk);
	make_inner(x, x->c1, "city", NULL);
	buf_reset(&x->f);
	seal_file(&x->f, "c1", "city", SYNC_FORMAT, (const unsigned char *)x->inner.data, x->inner.len,
	    other_pk, sign_sk);
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "This file cannot be opened with this store's key.");

	/* Signed garbage where the body should be. */
	{
		struct public_key city;
		unsigned char junk[300];

		assert_true(keys_own(x->city, &city, &err));
		buf_reset(&x->f);
		seal_file(&x->f, "c1", "city", SYNC_FORMAT, (const unsigned char *)x->inner.data,
		    x->inner.len, city.box_pk, sign_sk);
		/* Keep the header; put junk for the body and sign it again. */
		x->f.len = 12 + 3 + 5 + 15 + 80 + 24;
		randombytes_buf(junk, sizeof junk);
		buf_add(&x->f, junk, sizeof junk);
		{
			unsigned char sig[crypto_sign_BYTES];

			crypto_sign_detached(sig, NULL, (const unsigned char *)x->f.data, x->f.len, sign_sk);
			buf_add(&x->f, sig, sizeof sig);
		}
		expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
		    "This file is damaged (it does not decrypt).");
	}
}

/* ---- refusals of the inside (signed by the enrolled sender) ---- */

static void
test_refuse_not_a_database(void **state)
{
	struct sx *x = *state;
	unsigned char sign_sk[crypto_sign_SECRETKEYBYTES], box_sk[crypto_box_SECRETKEYBYTES];
	unsigned char box_pk[crypto_box_PUBLICKEYBYTES], junk[5000];
	struct public_key city;
	struct error err;

	assert_true(keys_secret(x->c1, sign_sk, box_sk, box_pk, &err));
	assert_true(keys_own(x->city, &city, &err));
	memset(junk, 'x', sizeof junk);
	buf_reset(&x->f);
	seal_file(&x->f, "c1", "city", SYNC_FORMAT, junk, sizeof junk, city.box_pk, sign_sk);
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len, "damaged inside");
}

static void
test_refuse_description_mismatch(void **state)
{
	struct sx *x = *state;

	forge(x, x->c1, x->city, "UPDATE bundle.bundle_meta SET value = 'c9' WHERE key = 'sender'");
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "its description does not match");
	forge(x, x->c1, x->city, "DELETE FROM bundle.bundle_meta WHERE key = 'format'");
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "its description does not match");
}

static void
test_refuse_newer_schema(void **state)
{
	struct sx *x = *state;

	forge(x, x->c1, x->city, "UPDATE bundle.bundle_meta SET value = '999' WHERE key = "
	    "'schema_version'");
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "newer kyodo (schema 999");
}

static void
test_refuse_table_not_taken(void **state)
{
	struct sx *x = *state;

	forge(x, x->c1, x->city, "CREATE TABLE bundle.programme AS SELECT * FROM main.programme");
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "This file holds something kyodo does not take (programme); it is refused.");
	forge(x, x->c1, x->city, "CREATE TABLE bundle.staff AS SELECT * FROM main.staff");
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len, "(staff)");
}

static void
test_refuse_row_count_mismatch(void **state)
{
	struct sx *x = *state;

	forge(x, x->c1, x->city, "INSERT INTO bundle.bundle_meta VALUES ('rows_meeting', '5')");
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "table Meeting does not hold the rows it lists");
	forge(x, x->c1, x->city, "ALTER TABLE bundle.meeting DROP COLUMN version");
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "This file's table of Meeting is not as kyodo writes it; it is refused.");
	/* Declared otherwise, to fool a check: a collation, a default, a key. */
	forge(x, x->c1, x->city, "ALTER TABLE bundle.meeting RENAME TO m0; "
	    "CREATE TABLE bundle.meeting AS SELECT * FROM bundle.m0; DROP TABLE bundle.m0");
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "This file's table of Meeting is not as kyodo writes it; it is refused.");
	forge(x, x->c1, x->city, "CREATE INDEX bundle.mine ON meeting (uuid)");
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "This file holds something kyodo does not take (mine); it is refused.");
	forge(x, x->c1, x->city, "CREATE VIEW bundle.v AS SELECT 1");
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "This file holds something kyodo does not take (v); it is refused.");
	forge(x, x->c1, x->city, "CREATE TRIGGER bundle.t AFTER INSERT ON meeting BEGIN "
	    "SELECT 1; END");
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "This file holds something kyodo does not take (t); it is refused.");
}

/* A row in c1's file that c1 does not own. */
static void
test_refuse_foreign_origin(void **state)
{
	struct sx *x = *state;

	forge(x, x->c1, x->city, "UPDATE bundle.meeting SET origin = 'c2'");
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "In this file, Meeting \"運営委員会\" belongs to someone other than the "
	    "sender.");
	forge(x, x->c1, x->city, "UPDATE bundle.facility_use SET origin = 'city'");
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "Facility use \"髙橋 花子\" belongs to someone other than the sender");
	forge(x, x->c1, x->city, "UPDATE bundle.room SET origin = NULL");
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "Room \"和室\" belongs to someone other than the sender");
	/* Compared to the letter: "C1" is not c1. */
	forge(x, x->c1, x->city, "UPDATE bundle.room SET origin = 'C1'");
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "Room \"和室\" belongs to someone other than the sender");
	assert_int_equal(unit_sql_int(x->city, "SELECT count(*) FROM meeting"), 0);
}

/* Rows without an id cannot be matched again: a second import would add
 * them again.  The file is refused. */
static void
test_refuse_rows_without_uuid(void **state)
{
	struct sx *x = *state;

	forge(x, x->c1, x->city, "UPDATE bundle.meeting SET uuid = NULL");
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "Meeting \"運営委員会\" has no proper id.");
	forge(x, x->c1, x->city, "INSERT INTO bundle.meeting SELECT * FROM bundle.meeting");
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "Meeting \"運営委員会\" appears twice.");
	/* A row without a title is named by its date and the start of its id. */
	forge(x, x->c1, x->city, "UPDATE bundle.facility_use SET \"group\" = NULL, people = -1");
	expect_refused(x->city, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "In this file, Facility use 2026-04-02 (");
	assert_int_equal(unit_sql_int(x->city, "SELECT count(*) FROM meeting WHERE uuid IS NULL"), 0);
}

/* A row already at the city under another owner is not overwritten by c1. */
static void
test_refuse_overwrite_other_owner(void **state)
{
	struct sx *x = *state;
	char sql[512];

	snprintf(sql, sizeof sql, "INSERT INTO facility_use (uuid, origin, version, updated_at, "
	    "created_by, updated_by, date, room, category) VALUES ('%s', 'c2', 1, "
	    "'2026-04-01T00:00:00Z', 'x', 'x', '2026-04-01', '大会議室', 'group')", x->use_uuid);
	exec(x->city, sql);
	expect_refused(x->city, x->file, x->data, x->n,
	    "In this file, Facility use \"髙橋 花子\" would change a row that belongs to "
	    "someone else.");
	assert_int_equal(unit_sql_int(x->city, "SELECT count(*) FROM room"), 0);
}

/* The city's file to c1 holds only c1's decisions and the programmes. */
/* An application of c1's, applied, sent to the city and taken there. */
static void
applied_at_city(struct sx *x, char *uuid)
{
	struct sync_result res;
	struct error err;
	struct record r;
	char path[PATH_MAX];

	record_init(&r, kind_find("application"));
	unit_set(&r, "program", "activity");
	unit_set(&r, "fy", "2026");
	unit_set(&r, "title", "夏祭り");
	unit_set(&r, "cost", "300000");
	unit_set(&r, "requested", "200000");
	insert(x->c1, &r, uuid);
	if (!grant_move(x->c1, &admin, uuid, "applied", &err))
		fail_msg("grant_move: %s", err.text);
	export_to_new_dir(x, x->c1, "city", path);
	if (!sync_import(x->city, &admin, path, &res, NULL, &err))
		fail_msg("sync_import at the city: %s", err.text);
}

/* The city's file is the whole of its rows for the center: a decision made
 * again after the city went back to a backup (a lower version) replaces
 * the one the center had; another center's decision or a row that is not
 * the city's refuses the file. */
static void
test_city_file_to_center(void **state)
{
	struct sx *x = *state;
	struct sync_result res;
	struct error err;
	char path[PATH_MAX], app[37];

	applied_at_city(x, app);
	if (!grant_city_step(x->city, &admin, GRANT_DECIDE, app, 150000, "2026-05-10", NULL, &err))
		fail_msg("decide: %s", err.text);
	exec(x->city, "INSERT INTO decision (uuid, origin, updated_at, created_by, updated_by, "
	    "application, center, decided_amount) VALUES ('00000000-0000-4000-8000-0000000000d2', "
	    "'city', '2026-05-01T00:00:00Z', 'x', 'x', '00000000-0000-4000-8000-0000000000a2', "
	    "'c2', 2000)");
	export_to_new_dir(x, x->city, "c1", path);
	if (!sync_import(x->c1, &admin, path, &res, NULL, &err))
		fail_msg("sync_import at c1: %s", err.text);
	assert_str(res.sender, "city");
	assert_int_equal(counts_of(&res, "decision")->added, 1);
	assert_int_equal(counts_of(&res, "programme")->unchanged, 3);
	assert_int_equal(unit_sql_int(x->c1, "SELECT count(*) FROM decision"), 1);
	assert_int_equal(unit_sql_int(x->c1, "SELECT decided_amount FROM decision"), 150000);

	/* The city goes back to a backup and decides again: version 1 again,
	 * a lower amount.  The center shows what the city decided last. */
	exec(x->city, "UPDATE decision SET decided_amount = 120000, version = 1, "
	    "updated_at = '2026-05-20T00:00:00Z' WHERE center = 'c1'");
	exec(x->c1, "UPDATE decision SET version = 2");
	export_to_new_dir(x, x->city, "c1", path);
	if (!sync_import(x->c1, &admin, path, &res, NULL, &err))
		fail_msg("sync_import of the decision made again: %s", err.text);
	assert_int_equal(counts_of(&res, "decision")->updated, 1);
	assert_int_equal(unit_sql_int(x->c1, "SELECT decided_amount FROM decision"), 120000);

	/* A city file holding another center's decision is refused. */
	forge(x, x->city, x->c1, "INSERT INTO bundle.decision SELECT uuid, origin, version, "
	    "updated_at, deleted, created_by, updated_by, application, center, decided_amount, "
	    "decided_on, conditions, advance_amount, advance_on, final_amount, settled_on, "
	    "paid_amount, paid_on FROM main.decision WHERE center = 'c2'");
	expect_refused(x->c1, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "concerns another center");
	/* Above what c1 asked for: the grant rules hold for the city's file too. */
	forge(x, x->city, x->c1, "UPDATE bundle.decision SET decided_amount = 250000");
	expect_refused(x->c1, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "In this file, Grant decision");
	/* A city file holding a center's row. */
	forge(x, x->city, x->c1, "UPDATE bundle.programme SET origin = 'c1'");
	expect_refused(x->c1, NULL, (const unsigned char *)x->f.data, x->f.len,
	    "belongs to someone other than the sender");
	assert_int_equal(unit_sql_int(x->c1, "SELECT decided_amount FROM decision"), 120000);
}

/* ---- export refusals ---- */

static void
test_export_refusals(void **state)
{
	struct sx *x = *state;
	char path[PATH_MAX], missing[4300];
	struct error err;

	assert_false(sync_export(x->c1, &admin, "c2", x->dir, path, NULL, &err));
	assert_contains(err.text, "A center sends its file to the city only.");
	assert_false(sync_export(x->city, &admin, "city", x->dir, path, NULL, &err));
	assert_contains(err.text, "City hall sends files to centers; name one.");
	assert_false(sync_export(x->city, &admin, "c9", x->dir, path, NULL, &err));
	assert_contains(err.text, "No center c9 is enrolled");
	unit_path(missing, sizeof missing, x->dir, "no-stick");
	assert_false(sync_export(x->c1, &admin, "city", missing, path, NULL, &err));
	assert_contains(err.text, "is not a folder");
	setenv("KYODO_FAULT_WRITE_LIMIT", "100", 1);
	{
		const char *dir2 = new_dir(x);
		DIR *d;
		struct dirent *e;
		int files = 0;

		assert_false(sync_export(x->c1, &admin, "city", dir2, path, NULL, &err));
		unsetenv("KYODO_FAULT_WRITE_LIMIT");
		assert_contains(err.text, "Nothing was left under its name.");
		d = opendir(dir2);
		assert_non_null(d);
		while ((e = readdir(d)) != NULL)
			files += e->d_name[0] != '.' || strstr(e->d_name, ".part") != NULL;
		closedir(d);
		assert_int_equal(files, 0);
	}
	unsetenv("KYODO_FAULT_WRITE_LIMIT");
	assert_int_equal(unit_sql_int(x->c1, "SELECT count(*) FROM sync_log"), 1);
}

/* The city writes one file per center while it walks the list of enrolled
 * centers (as `kyodo export` first did, and a screen might). */
static void
test_export_each_center_while_listing(void **state)
{
	struct sx *x = *state;
	char out[PATH_MAX];
	struct store *c2 = new_store(x, "c2.db", STORE_CENTER, "c2");
	const char *dir2 = new_dir(x);
	sqlite3_stmt *st;
	struct error err;
	int made = 0, tried = 0;

	enrol(c2, x->city);
	assert_int_equal(sqlite3_prepare_v2(store_db(x->city), "SELECT code FROM peer ORDER BY "
	    "code", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char code[17];

		snprintf(code, sizeof code, "%s", (const char *)sqlite3_column_text(st, 0));
		tried++;
		err.text[0] = '\0';
		if (sync_export(x->city, &admin, code, dir2, out, NULL, &err))
			made++;
		else
			fprintf(stderr, "# export to %s: %s\n", code, err.text);
	}
	sqlite3_finalize(st);
	assert_int_equal(tried, 2);
	/* Refusing to export while a statement runs would be fair (the command
	 * line reads the list first); leaving the store's connection unable to
	 * export for the rest of the day is not: the kiosk keeps it open. */
	if (!sync_export(x->city, &admin, "c2", new_dir(x), out, NULL, &err))
		fail_msg("export after the walk (%d of 2 made during it): %s", made, err.text);
	if (!sync_export(x->city, &admin, "c1", new_dir(x), out, NULL, &err))
		fail_msg("export to c1 after the walk: %s", err.text);
}

/* The same for reading: a file imported while a statement runs on the
 * store's connection must leave the connection able to import the next. */
static void
test_import_while_listing(void **state)
{
	struct sx *x = *state;
	struct sync_result res;
	sqlite3_stmt *st;
	struct error err;
	char file[PATH_MAX];
	bool during;

	assert_int_equal(sqlite3_prepare_v2(store_db(x->city), "SELECT code FROM peer", -1, &st,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	during = sync_import(x->city, &admin, x->file, &res, NULL, &err);
	if (!during)
		fprintf(stderr, "# import during the walk: %s\n", err.text);
	sqlite3_finalize(st);
	add_room(x->c1, "研修室", NULL);
	export_to_new_dir(x, x->c1, "city", file);
	if (!sync_import(x->city, &admin, file, &res, NULL, &err))
		fail_msg("import after the walk (during it: %s): %s", during ? "taken" : "refused",
		    err.text);
	assert_int_equal(unit_sql_int(x->city, "SELECT count(*) FROM room"), 2);
}

/* Every center has a 和室: two centers' rooms of one name both reach the
 * city. */
static void
test_same_room_name_two_centers(void **state)
{
	struct sx *x = *state;
	char file[PATH_MAX];
	struct store *c2 = new_store(x, "c2.db", STORE_CENTER, "c2");
	struct sync_result res;
	struct error err;

	enrol(x->city, c2);
	enrol(c2, x->city);
	add_room(c2, "和室", NULL);
	assert_true(sync_import(x->city, &admin, x->file, &res, NULL, &err));
	export_to_new_dir(x, c2, "city", file);
	if (!sync_import(x->city, &admin, file, &res, NULL, &err))
		fail_msg("c2's file refused: %s", err.text);
	assert_int_equal(unit_sql_int(x->city, "SELECT count(*) FROM room WHERE name = '和室'"), 2);
}

/* ---- keys ---- */

static void
test_keys_file_and_fingerprint(void **state)
{
	struct sx *x = *state;
	struct public_key k, back;
	struct buf *text = &x->f;
	struct error err;
	char fp[32], *p;
	int i;

	assert_true(keys_own(x->c1, &k, &err));
	keys_fingerprint(&k, fp);
	assert_int_equal(strlen(fp), 29);
	for (i = 0; i < 29; i++)
		if (i % 5 == 4 ? fp[i] != '-' : !((fp[i] >= '0' && fp[i] <= '9') ||
		    (fp[i] >= 'A' && fp[i] <= 'F')))
			fail_msg("fingerprint %s", fp);
	keys_write_file(&k, text);
	assert_contains(buf_str(text), "kyodo public key 1\ncode: c1\n");
	assert_contains(buf_str(text), fp);
	assert_true(keys_parse_file(buf_str(text), &back, &err));
	assert_memory_equal(back.sign_pk, k.sign_pk, sizeof k.sign_pk);
	assert_memory_equal(back.box_pk, k.box_pk, sizeof k.box_pk);
	/* One character of the signing key changed. */
	p = strstr(text->data, "sign: ") + 10;
	*p = *p == 'A' ? 'B' : 'A';
	assert_false(keys_parse_file(buf_str(text), &back, &err));
	assert_contains(err.text, "fingerprint does not match");
	*p = '!';
	assert_false(keys_parse_file(buf_str(text), &back, &err));
	assert_contains(err.text, "not a kyodo public key file");
	assert_false(keys_parse_file("", &back, &err));
	assert_false(keys_parse_file("kyodo public key 1\ncode: c1\n", &back, &err));
}

static void
test_keys_enrol_other_key_refused(void **state)
{
	struct sx *x = *state;
	struct store *other = new_store(x, "other.db", STORE_CENTER, "c1");
	struct public_key k, was;
	struct error err;
	char before[4096], after[4096];

	snapshot(x->city, before, sizeof before);
	assert_true(keys_own(other, &k, &err));
	assert_false(keys_enrol(x->city, &admin, &k, false, &err));
	assert_contains(err.text, "c1 is enrolled with another key");
	snapshot(x->city, after, sizeof after);
	assert_str(before, after);
	assert_true(keys_peer(x->city, "c1", &was, &err));
	assert_memory_not_equal(was.sign_pk, k.sign_pk, sizeof k.sign_pk);
	assert_true(keys_enrol(x->city, &admin, &k, true, &err));
	assert_true(keys_peer(x->city, "c1", &was, &err));
	assert_memory_equal(was.sign_pk, k.sign_pk, sizeof k.sign_pk);
	/* Now c1's real file no longer verifies. */
	expect_refused(x->city, x->file, x->data, x->n, "signature does not match c1's key");
}

static void
test_keys_moved_machine(void **state)
{
	struct sx *x = *state;
	char path[PATH_MAX];
	struct error err;

	setenv("KYODO_MACHINE_ID", "another-machine", 1);
	assert_false(keys_same_machine(x->c1));
	assert_false(sync_export(x->c1, &admin, "city", x->dir, path, NULL, &err));
	assert_contains(err.text, "テストセンター");
	assert_contains(err.text, "kyodo key --accept-machine");
	assert_true(keys_accept_machine(x->c1, &admin, &err));
	assert_true(keys_same_machine(x->c1));
	unsetenv("KYODO_MACHINE_ID");
	assert_false(keys_same_machine(x->c1));
	assert_true(keys_accept_machine(x->c1, &admin, &err));
	assert_true(keys_same_machine(x->c1));
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_export_file),
		T(test_import_counts),
		T(test_tombstone_travels),
		T(test_forged_control_taken),
		T(test_refuse_wrong_magic),
		T(test_refuse_future_format),
		T(test_refuse_damaged_header),
		T(test_refuse_addressed_elsewhere),
		T(test_refuse_unknown_sender),
		T(test_refuse_bad_signature),
		T(test_refuse_other_key_same_code),
		T(test_refuse_renamed),
		T(test_refuse_wrong_direction),
		T(test_refuse_sealed_to_another),
		T(test_refuse_not_a_database),
		T(test_refuse_description_mismatch),
		T(test_refuse_newer_schema),
		T(test_refuse_table_not_taken),
		T(test_refuse_row_count_mismatch),
		T(test_refuse_foreign_origin),
		T(test_refuse_rows_without_uuid),
		T(test_refuse_overwrite_other_owner),
		T(test_city_file_to_center),
		T(test_export_refusals),
		T(test_export_each_center_while_listing),
		T(test_import_while_listing),
		T(test_same_room_name_two_centers),
		T(test_keys_file_and_fingerprint),
		T(test_keys_enrol_other_key_refused),
		T(test_keys_moved_machine),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
