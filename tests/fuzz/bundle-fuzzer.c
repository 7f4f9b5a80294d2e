/*
 * bundle-fuzzer — libFuzzer target for the reader of the monthly sync file
 * (sync_import_bytes), on a city store made once in a folder under /tmp.
 *
 * The city's key pairs and those of its one enrolled center, c1, are fixed
 * (derived from constant seeds), so a file made with them stays valid and
 * the fuzzer can get past the signature.  An input is read by its first byte:
 *
 *   'K'    the whole input is a file ("KYODOSYN…"), taken as it is: the
 *          header, the early refusals, and the whole import for a valid seed;
 *   'R'    the rest is a file whose last 64 bytes are replaced by c1's
 *          signature of the others: the header, decryption and the body's
 *          chunks, past the signature check;
 *   other  the rest is the inner SQLite database, which the target seals to
 *          the city and signs as c1: integrity, description, ownership and
 *          applying rows, on data only an enrolled center could send.
 *
 * A store that takes a file keeps its rows, as a real one would.
 *
 * The seeds in tests/fuzz/corpus/bundle/: resigned-c1-to-city and inner-c1
 * were written by this program run with KYODO_FUZZ_SEED_DIR=DIR (a file
 * exported by a center store holding c1's fixed keys, with 'R' before it; a
 * small inner database with 0x01 before it; it also leaves the plain file);
 * cli-c1-to-city.kyodo is a file made by `kyodo export` (other keys: it
 * stops at the signature) and cli-truncated.kyodo its first 300 bytes.
 * KYODO_FUZZ_VERBOSE=1 says what became of each input.
 */
#include <limits.h>
#include <sodium.h>
#include <stdbool.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/actor.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/keys.h"
#include "core/record.h"
#include "core/store.h"
#include "core/sync.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CREATED "20260501-093000"

struct pairs {
	unsigned char sign_pk[crypto_sign_PUBLICKEYBYTES], sign_sk[crypto_sign_SECRETKEYBYTES];
	unsigned char box_pk[crypto_box_PUBLICKEYBYTES], box_sk[crypto_box_SECRETKEYBYTES];
};

static const struct actor who = {"fuzz", ROLE_ADMIN};
static struct store *city;
static struct pairs city_keys, c1_keys;
static char dir[64];
static struct buf file;		/* the file built for one input */
static bool verbose;		/* KYODO_FUZZ_VERBOSE: say what became of each input */

static _Noreturn void
die(const char *what, const char *why)
{
	fprintf(stderr, "bundle-fuzzer: %s: %s\n", what, why);
	abort();
}

static void
pairs_from_seed(unsigned char seed_byte, struct pairs *p)
{
	unsigned char seed[32];

	memset(seed, seed_byte, sizeof seed);
	crypto_sign_seed_keypair(p->sign_pk, p->sign_sk, seed);
	seed[0] ^= 0xff;
	crypto_box_seed_keypair(p->box_pk, p->box_sk, seed);
}

static void
exec(struct store *s, const char *sql)
{
	if (sqlite3_exec(store_db(s), sql, NULL, NULL, NULL) != SQLITE_OK)
		die(sql, sqlite3_errmsg(store_db(s)));
}

/* Gives the store the fixed key pairs and enrols its peer's public halves,
 * with plain SQL on the store's tables. */
static void
fix_keys(struct store *s, const struct pairs *own, const char *peer, const struct pairs *other)
{
	sqlite3 *db = store_db(s);
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, "UPDATE identity SET sign_pk = ?, sign_sk = ?, box_pk = ?, "
	    "box_sk = ? WHERE id = 1", -1, &st, NULL) != SQLITE_OK)
		die("identity", sqlite3_errmsg(db));
	sqlite3_bind_blob(st, 1, own->sign_pk, sizeof own->sign_pk, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, own->sign_sk, sizeof own->sign_sk, SQLITE_STATIC);
	sqlite3_bind_blob(st, 3, own->box_pk, sizeof own->box_pk, SQLITE_STATIC);
	sqlite3_bind_blob(st, 4, own->box_sk, sizeof own->box_sk, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		die("identity", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO peer (code, name, sign_pk, box_pk, "
	    "enrolled_at) VALUES (?, ?, ?, ?, '2026-04-01T00:00:00Z')", -1, &st, NULL) != SQLITE_OK)
		die("peer", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, peer, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, peer, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 3, other->sign_pk, sizeof other->sign_pk, SQLITE_STATIC);
	sqlite3_bind_blob(st, 4, other->box_pk, sizeof other->box_pk, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		die("peer", sqlite3_errmsg(db));
	sqlite3_finalize(st);
}

static void
put_u32(struct buf *b, uint32_t v)
{
	unsigned char t[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
	    (unsigned char)(v >> 24)};

	buf_add(b, t, 4);
}

/* c1's file to the city around inner, as sync.c writes one. */
static void
seal(struct buf *out, const unsigned char *inner, size_t n)
{
	unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
	unsigned char sealed[crypto_box_SEALBYTES + sizeof key];
	unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
	unsigned char sig[crypto_sign_BYTES];
	static unsigned char c[65536 + crypto_secretstream_xchacha20poly1305_ABYTES];
	crypto_secretstream_xchacha20poly1305_state state;
	unsigned long long clen;
	size_t off = 0, len;

	buf_reset(out);
	crypto_secretstream_xchacha20poly1305_keygen(key);
	crypto_box_seal(sealed, key, sizeof key, city_keys.box_pk);
	crypto_secretstream_xchacha20poly1305_init_push(&state, header, key);
	buf_add(out, "KYODOSYN", 8);
	put_u32(out, 1);
	buf_add(out, "\002c1\004city", 8);
	buf_add(out, CREATED, 15);
	buf_add(out, sealed, sizeof sealed);
	buf_add(out, header, sizeof header);
	do {
		len = n - off < 65536 ? n - off : 65536;
		crypto_secretstream_xchacha20poly1305_push(&state, c, &clen, inner + off, len, NULL, 0,
		    off + len == n ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
		put_u32(out, (uint32_t)clen);
		buf_add(out, c, (size_t)clen);
		off += len;
	} while (off < n);
	crypto_sign_detached(sig, NULL, (const unsigned char *)out->data, out->len,
	    c1_keys.sign_sk);
	buf_add(out, sig, sizeof sig);
}

static void
remove_store(const char *path)
{
	char side[PATH_MAX];

	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

static void
cleanup(void)
{
	char path[PATH_MAX];

	store_close(city);
	city = NULL;
	buf_free(&file);
	snprintf(path, sizeof path, "%s/city.db", dir);
	remove_store(path);
	rmdir(dir);
}

static void
write_seed(const char *out_dir, const char *name, char first, const unsigned char *d, size_t n)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", out_dir, name);
	f = fopen(path, "wb");
	if (f == NULL)
		die("cannot write", path);
	if (first != '\0')
		fputc(first, f);
	if (fwrite(d, 1, n, f) != n || fclose(f) != 0)
		die("cannot write", path);
}

static void
add(struct store *s, const char *kind, const char *const *fv)
{
	const struct kind *k = kind_find(kind);
	struct record r;
	struct error err;

	record_init(&r, k);
	for (; fv[0] != NULL; fv += 2)
		if (!record_set(&r, kind_field(k, fv[0]), fv[1], &err))
			die(fv[0], err.text);
	if (!record_insert(s, &who, &r, &err))
		die(kind, err.text);
	record_free(&r);
}

/* The seeds: a center store with c1's fixed keys and a few records. */
static void
make_seeds(const char *out_dir)
{
	static const char *const tables[] = {
		"room", "closed_day", "body", "member", "milestone", "plan", "plan_issue", "project",
		"meeting", "event", "booking", "facility_use", "application", "expense", NULL,
	};
	static const char *const room[] = {"name", "和室", "active", "yes", NULL};
	static const char *const use[] = {"date", "2026-04-02", "start", "13:00", "end", "15:00",
	    "room", "和室", "group", "囲碁クラブ", "category", "group", "people", "8", "fee", "1200",
	    NULL};
	static const char *const meeting[] = {"date", "2026-04-05", "kind", "board", "title",
	    "運営委員会", NULL};
	static const char *const closed[] = {"date", "2026-04-29", "reason", "工事", NULL};
	char path[PATH_MAX], out[PATH_MAX], sql[512];
	const char *const *t;
	struct error err;
	struct store *c1;
	sqlite3_int64 size;
	unsigned char *inner, *d;
	FILE *f;
	long n;

	snprintf(path, sizeof path, "%s/c1.db", dir);
	c1 = store_create(path, STORE_CENTER, "c1", "シードセンター", &err);
	if (c1 == NULL)
		die("c1", err.text);
	fix_keys(c1, &c1_keys, "city", &city_keys);
	add(c1, "room", room);
	add(c1, "use", use);
	add(c1, "meeting", meeting);
	add(c1, "closed", closed);
	if (!sync_export(c1, &who, "city", out_dir, out, NULL, &err))
		die("export", err.text);
	/* The exported file again, for the 'R' mode. */
	f = fopen(out, "rb");
	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0)
		die("cannot read", out);
	rewind(f);
	d = malloc((size_t)n);
	if (d == NULL || fread(d, 1, (size_t)n, f) != (size_t)n)
		die("cannot read", out);
	fclose(f);
	write_seed(out_dir, "resigned-c1-to-city", 'R', d, (size_t)n);
	free(d);
	/* A small inner database (512-byte pages), as build_inner makes it. */
	exec(c1, "ATTACH ':memory:' AS bundle");
	exec(c1, "PRAGMA bundle.page_size = 512");
	exec(c1, "CREATE TABLE bundle.bundle_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
	for (t = tables; *t != NULL; t++) {
		snprintf(sql, sizeof sql, "CREATE TABLE bundle.%s AS SELECT * FROM main.%s WHERE "
		    "origin = 'c1'", *t, *t);
		exec(c1, sql);
		snprintf(sql, sizeof sql, "INSERT INTO bundle.bundle_meta VALUES ('rows_%s', "
		    "(SELECT count(*) FROM bundle.%s))", *t, *t);
		exec(c1, sql);
	}
	snprintf(sql, sizeof sql, "INSERT INTO bundle.bundle_meta VALUES ('format', '1'), "
	    "('sender', 'c1'), ('receiver', 'city'), ('created_at', '%s'), ('schema_version', "
	    "'%d')", CREATED, store_schema_version());
	exec(c1, sql);
	exec(c1, "VACUUM bundle");
	inner = sqlite3_serialize(store_db(c1), "bundle", &size, 0);
	if (inner == NULL)
		die("serialize", sqlite3_errmsg(store_db(c1)));
	write_seed(out_dir, "inner-c1", '\001', inner, (size_t)size);
	sqlite3_free(inner);
	exec(c1, "DETACH bundle");
	store_close(c1);
	remove_store(path);
	fprintf(stderr, "bundle-fuzzer: seeds written to %s\n", out_dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char path[PATH_MAX];
	const char *seeds = getenv("KYODO_FUZZ_SEED_DIR");
	struct error err;

	(void)argc;
	(void)argv;
	if (sodium_init() < 0)
		die("sodium_init", "failed");
	i18n_setup("en");
	snprintf(dir, sizeof dir, "/tmp/kyodo-fuzz.XXXXXX");
	if (mkdtemp(dir) == NULL)
		die("mkdtemp", dir);
	pairs_from_seed(0x11, &city_keys);
	pairs_from_seed(0xc1, &c1_keys);
	snprintf(path, sizeof path, "%s/city.db", dir);
	city = store_create(path, STORE_CITY, NULL, "ファズ市", &err);
	if (city == NULL)
		die("city", err.text);
	fix_keys(city, &city_keys, "c1", &c1_keys);
	/* Speed: this store need not survive a power cut. */
	exec(city, "PRAGMA synchronous = OFF");
	verbose = getenv("KYODO_FUZZ_VERBOSE") != NULL;
	atexit(cleanup);
	if (seeds != NULL && *seeds != '\0')
		make_seeds(seeds);
	return 0;
}

static void
import(const unsigned char *d, size_t n)
{
	struct sync_result res;
	struct error err;

	if (sync_import_bytes(city, &who, NULL, d, n, &res, NULL, &err)) {
		if (verbose)
			fprintf(stderr, "taken: %ld new, %ld updated, %ld unchanged\n", res.added,
			    res.updated, res.unchanged);
	} else if (verbose)
		fprintf(stderr, "refused: %s\n", err.text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	if (data[0] == 'K') {
		import(data, size);
		return 0;
	}
	if (data[0] == 'R') {
		buf_reset(&file);
		buf_add(&file, data + 1, size - 1);
		if (file.len > crypto_sign_BYTES)
			crypto_sign_detached((unsigned char *)file.data + file.len - crypto_sign_BYTES,
			    NULL, (const unsigned char *)file.data, file.len - crypto_sign_BYTES,
			    c1_keys.sign_sk);
	} else
		seal(&file, data + 1, size - 1);
	import((const unsigned char *)file.data, file.len);
	return 0;
}
