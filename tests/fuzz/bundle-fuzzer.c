/*
 * bundle-fuzzer — libFuzzer target for the reader of the monthly sync file
 * (sync_import_bytes), on a city store made once in a folder under /tmp.
 *
 * The city's key pairs and those of its enrolled centers, c1 and c2, are
 * fixed (derived from constant seeds), so a file made with them stays valid and
 * the fuzzer can get past the signature.  An input is read by its first byte:
 *
 *   'K'    the whole input is a file ("KYODOSYN…"), taken as it is: the
 *          header, the early refusals, and the whole import for a valid seed;
 *   'R'    the rest is a file whose last 64 bytes are replaced by c1's
 *          signature of the others: the header, decryption and the body's
 *          chunks, past the signature check;
 *   'M'    the rest is a list of byte changes, 4 bytes each (a 24-bit
 *          offset, little-endian, taken modulo the size, and the byte to
 *          put there), made to a genuine inner database — the one
 *          sync_export writes, made at start-up from a store of c2 (a
 *          second enrolled center, so its rows never clash with the c1
 *          files of the other modes) and opened with the city's key —
 *          which the target then seals to the city and signs as c2, as
 *          tests/tools/craft does: the inner reader and the merge past the
 *          signature, on a database that is nearly always well formed;
 *   other  the rest is the inner SQLite database, which the target seals to
 *          the city and signs as c1: integrity, description, ownership and
 *          applying rows, on data only an enrolled center could send.
 *
 * A store that takes a file keeps its rows, as a real one would.
 *
 * The seeds in tests/fuzz/corpus/bundle/: resigned-c1-to-city and inner-c1
 * were written by this program run with KYODO_FUZZ_SEED_DIR=DIR (a file
 * exported by a center store holding c1's fixed keys, with 'R' before it;
 * that file's inner database, its description stamped CREATED, with 0x01
 * before it; it also leaves the plain file);
 * cli-c1-to-city.kyodo is a file made by `kyodo export` (other keys: it
 * stops at the signature) and cli-truncated.kyodo its first 300 bytes;
 * mutate-* are 'M' inputs (none: the genuine database as it is).
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

#include "base/actor.h"
#include "base/buf.h"
#include "base/i18n.h"
#include "sync/keys.h"
#include "domain/record.h"
#include "store/store.h"
#include "sync/sync.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CREATED "20260501-093000"

struct pairs {
	unsigned char sign_pk[crypto_sign_PUBLICKEYBYTES], sign_sk[crypto_sign_SECRETKEYBYTES];
	unsigned char box_pk[crypto_box_PUBLICKEYBYTES], box_sk[crypto_box_SECRETKEYBYTES];
};

static const struct actor who = {"fuzz", ROLE_ADMIN};
static struct store *city;
static struct pairs city_keys, c1_keys, c2_keys;
static char dir[64];
static struct buf file;		/* the file built for one input */
static bool verbose;		/* KYODO_FUZZ_VERBOSE: say what became of each input */
static unsigned char *genuine;	/* c1's inner database as sync_export makes it */
static size_t genuine_len;
static char genuine_created[16];	/* its file's stamp, which its description repeats */
static unsigned char *mutated;	/* genuine with one input's changes */

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

/* A file to the city around inner, as sync.c writes one, from c1 or (for
 * the 'M' mode) c2. */
static void
seal(struct buf *out, bool from_c2, const char *created, const unsigned char *inner, size_t n)
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
	put_u32(out, SYNC_FORMAT);
	buf_add(out, from_c2 ? "\002c2\004city" : "\002c1\004city", 8);
	buf_add(out, created, 15);
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
	    from_c2 ? c2_keys.sign_sk : c1_keys.sign_sk);
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
	free(genuine);
	free(mutated);
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

/* A center store at path, code c1 or c2 with its fixed keys, and a few
 * records. */
static struct store *
center_store(const char *path, const char *code)
{
	static const char *const room[] = {"name", "和室", "active", "yes", NULL};
	static const char *const use[] = {"date", "2026-04-02", "start", "13:00", "end", "15:00",
	    "room", "和室", "group", "囲碁クラブ", "category", "group", "people", "8", "fee", "1200",
	    NULL};
	static const char *const meeting[] = {"date", "2026-04-05", "kind", "board", "title",
	    "運営委員会", NULL};
	static const char *const closed[] = {"date", "2026-04-29", "reason", "工事", NULL};
	struct error err;
	struct store *c1;

	c1 = store_create(path, STORE_CENTER, code, "シードセンター", &err);
	if (c1 == NULL)
		die(code, err.text);
	fix_keys(c1, strcmp(code, "c2") == 0 ? &c2_keys : &c1_keys, "city", &city_keys);
	add(c1, "room", room);
	add(c1, "use", use);
	add(c1, "meeting", meeting);
	add(c1, "closed", closed);
	return c1;
}

static unsigned char *
read_whole(const char *path, size_t *len)
{
	unsigned char *d;
	FILE *f;
	long n;

	f = fopen(path, "rb");
	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0)
		die("cannot read", path);
	rewind(f);
	d = malloc(n > 0 ? (size_t)n : 1);
	if (d == NULL || fread(d, 1, (size_t)n, f) != (size_t)n)
		die("cannot read", path);
	fclose(f);
	*len = (size_t)n;
	return d;
}

/* Opens a file from code ("c1", "c2") to the city with the city's key:
 * its inner database into plain, its stamp into created. */
static void
open_file(const unsigned char *d, size_t n, const char *code, struct buf *plain,
    char created[16])
{
	unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES], tag = 0;
	static unsigned char m[65536];
	crypto_secretstream_xchacha20poly1305_state state;
	const unsigned char *p, *end;
	unsigned long long mlen;
	char codes[9];
	uint32_t clen;

	/* magic 8, format 4, "\002cN", "\004city", the stamp 15, the sealed key,
	 * the stream header, the chunks, the signature */
	snprintf(codes, sizeof codes, "\002%s\004city", code);
	if (n < 35 + crypto_box_SEALBYTES + sizeof key +
	    crypto_secretstream_xchacha20poly1305_HEADERBYTES + crypto_sign_BYTES ||
	    memcmp(d + 12, codes, 8) != 0)
		die(code, "the export is not a file to the city as expected");
	memcpy(created, d + 20, 15);
	created[15] = '\0';
	p = d + 35;
	end = d + n - crypto_sign_BYTES;
	if (crypto_box_seal_open(key, p, crypto_box_SEALBYTES + sizeof key, city_keys.box_pk,
	    city_keys.box_sk) != 0)
		die(code, "the file key does not open with the city's key");
	p += crypto_box_SEALBYTES + sizeof key;
	if (crypto_secretstream_xchacha20poly1305_init_pull(&state, p, key) != 0)
		die(code, "bad stream header");
	p += crypto_secretstream_xchacha20poly1305_HEADERBYTES;
	while (tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
		if (end - p < 4)
			die(code, "the body ends early");
		clen = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
		    (uint32_t)p[3] << 24;
		p += 4;
		if (clen > sizeof m + crypto_secretstream_xchacha20poly1305_ABYTES ||
		    clen > (size_t)(end - p) || crypto_secretstream_xchacha20poly1305_pull(&state, m,
		    &mlen, &tag, p, clen, NULL, 0) != 0)
			die(code, "a chunk does not decrypt");
		buf_add(plain, m, (size_t)mlen);
		p += clen;
	}
}

/* The genuine inner database: a file sync_export writes for the city,
 * opened with the city's key (so it follows whatever the format is).  It
 * is c2's, so that its rows never clash with those of the c1 files the
 * other modes bring (another store, the same room names). */
static void
make_genuine(void)
{
	char path[PATH_MAX], out[PATH_MAX];
	struct buf plain = {0};
	struct error err;
	struct store *c2;
	unsigned char *d;
	size_t n;

	snprintf(path, sizeof path, "%s/c2.db", dir);
	c2 = center_store(path, "c2");
	if (!sync_export(c2, &who, "city", dir, out, NULL, &err))
		die("export", err.text);
	store_close(c2);
	remove_store(path);
	d = read_whole(out, &n);
	unlink(out);
	open_file(d, n, "c2", &plain, genuine_created);
	free(d);
	genuine_len = plain.len;
	genuine = malloc(genuine_len > 0 ? genuine_len : 1);
	mutated = malloc(genuine_len > 0 ? genuine_len : 1);
	if (genuine == NULL || mutated == NULL || genuine_len == 0)
		die("genuine", "out of memory");
	memcpy(genuine, plain.data, genuine_len);
	buf_free(&plain);
}

/* The seeds: a center store with c1's fixed keys and a few records. */
static void
make_seeds(const char *out_dir)
{
	char path[PATH_MAX], out[PATH_MAX], stamp[16];
	struct buf plain = {0};
	struct error err;
	struct store *c1;
	sqlite3_int64 size;
	unsigned char *inner, *d;
	sqlite3 *db;
	size_t n;

	snprintf(path, sizeof path, "%s/c1.db", dir);
	c1 = center_store(path, "c1");
	if (!sync_export(c1, &who, "city", out_dir, out, NULL, &err))
		die("export", err.text);
	store_close(c1);
	remove_store(path);
	/* The exported file again, for the 'R' mode. */
	d = read_whole(out, &n);
	write_seed(out_dir, "resigned-c1-to-city", 'R', d, n);
	/* 'M': the genuine inner database as it is. */
	write_seed(out_dir, "mutate-none", 'M', (const unsigned char *)"", 0);
	/* The file's inner database, its description stamped CREATED (the
	 * stamp the other mode's header carries). */
	open_file(d, n, "c1", &plain, stamp);
	free(d);
	d = sqlite3_malloc64(plain.len > 0 ? plain.len : 1);
	if (d == NULL || sqlite3_open(":memory:", &db) != SQLITE_OK)
		die("seeds", "out of memory");
	memcpy(d, plain.data, plain.len);
	if (sqlite3_deserialize(db, "main", d, (sqlite3_int64)plain.len,
	    (sqlite3_int64)plain.len, SQLITE_DESERIALIZE_FREEONCLOSE |
	    SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK ||
	    sqlite3_exec(db, "UPDATE bundle_meta SET value = '" CREATED "' WHERE key = "
	    "'created_at'", NULL, NULL, NULL) != SQLITE_OK)
		die("seeds", sqlite3_errmsg(db));
	inner = sqlite3_serialize(db, "main", &size, 0);
	if (inner == NULL)
		die("serialize", sqlite3_errmsg(db));
	write_seed(out_dir, "inner-c1", '\001', inner, (size_t)size);
	sqlite3_free(inner);
	sqlite3_close(db);
	buf_free(&plain);
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
	pairs_from_seed(0xc2, &c2_keys);
	snprintf(path, sizeof path, "%s/city.db", dir);
	city = store_create(path, STORE_CITY, NULL, "ファズ市", &err);
	if (city == NULL)
		die("city", err.text);
	fix_keys(city, &city_keys, "c1", &c1_keys);
	fix_keys(city, &city_keys, "c2", &c2_keys);
	/* Speed: this store need not survive a power cut. */
	exec(city, "PRAGMA synchronous = OFF");
	verbose = getenv("KYODO_FUZZ_VERBOSE") != NULL;
	atexit(cleanup);
	make_genuine();
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
	} else if (data[0] == 'M') {
		const uint8_t *d = data + 1;
		size_t left = size - 1, off;

		memcpy(mutated, genuine, genuine_len);
		for (; left >= 4; d += 4, left -= 4) {
			off = ((size_t)d[0] | (size_t)d[1] << 8 | (size_t)d[2] << 16) % genuine_len;
			mutated[off] = d[3];
		}
		seal(&file, true, genuine_created, mutated, genuine_len);
	} else
		seal(&file, false, CREATED, data + 1, size - 1);
	import((const unsigned char *)file.data, file.len);
	return 0;
}
