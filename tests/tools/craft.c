/*
 * craft — makes monthly files (sync bundles) the way an attacker would: an
 * attacker who is a real center (or the city), with its own store — and so
 * its own secret keys in the store's identity table — and the other side's
 * public key file.  Written from the file format alone (see src/core/sync.c
 * and docs): it links no kyodo code, only SQLite and libsodium, so a bug in
 * kyodo's writer cannot hide the same bug in its reader.
 *
 *   craft open --store RECEIVER.db --in FILE --out INNER.db
 *       Decrypts a file addressed to RECEIVER with RECEIVER's secret box key
 *       and writes the inner SQLite database.  Verifies nothing (not the
 *       signature, not the name, not the addressee).
 *
 *   craft seal --from SENDER.db --to RECEIVER.key --inner INNER.db --out DIR
 *         [--sender CODE] [--receiver CODE] [--created YYYYMMDD-HHMMSS]
 *         [--format N] [--garble-format] [--name NAME] [--keep-meta]
 *       Builds a file as kyodo does: "KYODOSYN", the format (u32 LE), the
 *       sender's and receiver's codes (one length byte each), the 15-byte
 *       created stamp, crypto_box_seal of a fresh secretstream key to the
 *       receiver's box key, the secretstream header, the inner database in
 *       64 KiB chunks as [u32 LE length][ciphertext] (TAG_FINAL on the last),
 *       and an Ed25519 detached signature over everything before it, made
 *       with the sender store's signing key.  Prints the path written.
 *       Defaults: the sender is the store's code (setting "code"), the
 *       receiver the key file's code, created is now (UTC), the format is
 *       kyodo's SYNC_FORMAT, the name kyodo-S-to-R-CREATED.kyodo.
 *       --garble-format writes the format XOR 0xAA00 (1 → 43521).
 *       Unless --keep-meta, the inner database is first made to agree with
 *       the header as kyodo's writer would: its bundle_meta rows created_at,
 *       sender and receiver take the header's values and each rows_TABLE the
 *       count of TABLE's rows (tables only; a view is left as it is).  This
 *       is done on a copy in memory; INNER.db is not changed.  --keep-meta
 *       seals INNER.db's bytes exactly as they are (for a file that is not a
 *       database, or one whose header was mangled on purpose).
 *
 * Exit status: 0 done, 1 failed, 2 usage.
 */
#include <errno.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "sync/sync.h"	/* SYNC_FORMAT only: no kyodo code is linked */

#define MAGIC "KYODOSYN"
#define CHUNK 65536
#define KEY_BYTES crypto_secretstream_xchacha20poly1305_KEYBYTES
#define SEALED_BYTES (crypto_box_SEALBYTES + KEY_BYTES)
#define STREAM_HEADER crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define ABYTES crypto_secretstream_xchacha20poly1305_ABYTES
#define SIG_BYTES crypto_sign_BYTES

struct bytes {
	unsigned char *p;
	size_t n, cap;
};

static _Noreturn void
fail(const char *fmt, ...)
{
	va_list ap;

	fputs("craft: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static _Noreturn void
usage(void)
{
	fputs("usage: craft open --store RECEIVER.db --in FILE --out INNER.db\n"
	    "       craft seal --from SENDER.db --to RECEIVER.key --inner INNER.db --out DIR\n"
	    "            [--sender CODE] [--receiver CODE] [--created YYYYMMDD-HHMMSS]\n"
	    "            [--format N] [--garble-format] [--name NAME] [--keep-meta]\n", stderr);
	exit(2);
}

static void
add(struct bytes *b, const void *p, size_t n)
{
	if (b->cap - b->n < n) {
		size_t cap = b->cap ? b->cap : 4096;

		while (cap - b->n < n)
			cap *= 2;
		b->p = realloc(b->p, cap);
		if (b->p == NULL)
			fail("out of memory");
		b->cap = cap;
	}
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

static void
add_u32(struct bytes *b, uint32_t v)
{
	unsigned char t[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
	    (unsigned char)(v >> 24)};

	add(b, t, 4);
}

static uint32_t
get_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void
read_all(const char *path, struct bytes *b)
{
	unsigned char chunk[65536];
	size_t got;
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		fail("cannot read %s: %s", path, strerror(errno));
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		add(b, chunk, got);
	if (ferror(f))
		fail("cannot read %s: %s", path, strerror(errno));
	fclose(f);
}

static void
write_all(const char *path, const unsigned char *p, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL)
		fail("cannot write %s: %s", path, strerror(errno));
	if ((n > 0 && fwrite(p, 1, n, f) != n) || fclose(f) != 0)
		fail("cannot write %s: %s", path, strerror(errno));
}

/* A blob column of the store's identity row, exactly n bytes. */
static void
identity_blob(sqlite3 *db, const char *col, unsigned char *out, size_t n)
{
	char sql[128];
	sqlite3_stmt *st;

	snprintf(sql, sizeof sql, "SELECT %s FROM identity WHERE id = 1", col);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail("the store has no identity table: %s", sqlite3_errmsg(db));
	if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_bytes(st, 0) != (int)n)
		fail("the store has no %s of %zu bytes", col, n);
	memcpy(out, sqlite3_column_blob(st, 0), n);
	sqlite3_finalize(st);
}

static sqlite3 *
open_store(const char *path)
{
	sqlite3 *db;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fail("cannot open %s: %s", path, sqlite3_errmsg(db));
	return db;
}

/* The store's code (setting "code"), into out. */
static void
store_code(sqlite3 *db, char *out, size_t size)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, "SELECT value FROM setting WHERE key = 'code'", -1, &st,
	    NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
		fail("the store has no code setting: %s", sqlite3_errmsg(db));
	snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* ---- open ---- */

static int
cmd_open(int argc, char **argv)
{
	const char *store = NULL, *in = NULL, *out = NULL;
	unsigned char box_pk[crypto_box_PUBLICKEYBYTES], box_sk[crypto_box_SECRETKEYBYTES];
	unsigned char key[KEY_BYTES], tag = 0;
	crypto_secretstream_xchacha20poly1305_state state;
	struct bytes file = {0}, plain = {0};
	const unsigned char *p, *end;
	unsigned long long mlen;
	unsigned char *m;
	uint32_t clen;
	sqlite3 *db;
	int i;

	for (i = 0; i < argc; i++) {
		if (i + 1 >= argc)
			usage();
		if (strcmp(argv[i], "--store") == 0)
			store = argv[++i];
		else if (strcmp(argv[i], "--in") == 0)
			in = argv[++i];
		else if (strcmp(argv[i], "--out") == 0)
			out = argv[++i];
		else
			usage();
	}
	if (store == NULL || in == NULL || out == NULL)
		usage();
	db = open_store(store);
	identity_blob(db, "box_pk", box_pk, sizeof box_pk);
	identity_blob(db, "box_sk", box_sk, sizeof box_sk);
	sqlite3_close(db);

	read_all(in, &file);
	if (file.n < 12 + 2 + 15 + SEALED_BYTES + STREAM_HEADER + SIG_BYTES)
		fail("%s is too short for a kyodo file", in);
	end = file.p + file.n - SIG_BYTES;
	p = file.p + 12;			/* magic and format, not checked */
	p += 1 + *p;				/* sender */
	if (p >= end)
		fail("%s: the header runs past the end", in);
	p += 1 + *p;				/* receiver */
	p += 15;				/* created */
	if (p > end || (size_t)(end - p) < SEALED_BYTES + STREAM_HEADER)
		fail("%s: the header runs past the end", in);
	if (crypto_box_seal_open(key, p, SEALED_BYTES, box_pk, box_sk) != 0)
		fail("%s: the file key does not open with this store's key", in);
	sodium_memzero(box_sk, sizeof box_sk);
	p += SEALED_BYTES;
	if (crypto_secretstream_xchacha20poly1305_init_pull(&state, p, key) != 0)
		fail("%s: bad stream header", in);
	sodium_memzero(key, sizeof key);
	p += STREAM_HEADER;
	m = malloc(CHUNK + 1);
	if (m == NULL)
		fail("out of memory");
	while (tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
		if (end - p < 4)
			fail("%s: the body ends before its last chunk", in);
		clen = get_u32(p);
		p += 4;
		if (clen < ABYTES || clen > CHUNK + ABYTES || clen > (size_t)(end - p))
			fail("%s: a chunk of %u bytes does not fit", in, (unsigned)clen);
		if (crypto_secretstream_xchacha20poly1305_pull(&state, m, &mlen, &tag, p, clen, NULL,
		    0) != 0)
			fail("%s: a chunk does not decrypt", in);
		add(&plain, m, (size_t)mlen);
		p += clen;
	}
	free(m);
	write_all(out, plain.p, plain.n);
	sodium_memzero(plain.p, plain.n);
	free(plain.p);
	free(file.p);
	return 0;
}

/* ---- seal ---- */

struct key_file {
	char code[256];
	unsigned char box_pk[crypto_box_PUBLICKEYBYTES];
	bool have_box;
};

static void
read_key_file(const char *path, struct key_file *k)
{
	struct bytes text = {0};
	char *line, *save = NULL;
	size_t len;

	memset(k, 0, sizeof *k);
	read_all(path, &text);
	add(&text, "", 1);
	for (line = strtok_r((char *)text.p, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		line[strcspn(line, "\r")] = '\0';
		if (strncmp(line, "code: ", 6) == 0)
			snprintf(k->code, sizeof k->code, "%s", line + 6);
		else if (strncmp(line, "box: ", 5) == 0)
			k->have_box = sodium_base642bin(k->box_pk, sizeof k->box_pk, line + 5,
			    strlen(line + 5), NULL, &len, NULL, sodium_base64_VARIANT_ORIGINAL) == 0 &&
			    len == sizeof k->box_pk;
	}
	free(text.p);
	if (!k->have_box || k->code[0] == '\0')
		fail("%s is not a kyodo public key file (no code or box key)", path);
}

static void
exec_or_fail(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail("fixing the inner database's description (%s): %s; use --keep-meta to seal it "
		    "as it is", sql, msg ? msg : "?");
}

static void
set_meta(sqlite3 *db, const char *key, const char *value)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, "UPDATE bundle_meta SET value = ?2 WHERE key = ?1", -1, &st,
	    NULL) != SQLITE_OK)
		fail("fixing bundle_meta: %s; use --keep-meta", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		fail("fixing bundle_meta: %s; use --keep-meta", sqlite3_errmsg(db));
	sqlite3_finalize(st);
}

/* Makes the inner database's bundle_meta agree with the header, as kyodo's
 * writer would; returns the new bytes in *inner. */
static void
fix_meta(struct bytes *inner, const char *sender, const char *receiver, const char *created)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	unsigned char *copy, *out;
	sqlite3_int64 size = 0;
	char **tables = NULL;
	size_t ntables = 0, i;
	int has_meta = 0;

	if (sqlite3_open(":memory:", &db) != SQLITE_OK)
		fail("sqlite3_open: out of memory");
	copy = sqlite3_malloc64(inner->n > 0 ? inner->n : 1);
	if (copy == NULL)
		fail("out of memory");
	memcpy(copy, inner->p, inner->n);
	if (sqlite3_deserialize(db, "main", copy, (sqlite3_int64)inner->n,
	    (sqlite3_int64)inner->n, SQLITE_DESERIALIZE_FREEONCLOSE |
	    SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK)
		fail("the inner database cannot be read: %s; use --keep-meta", sqlite3_errmsg(db));
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
	    "name = 'bundle_meta'", -1, &st, NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
		fail("the inner database cannot be read: %s; use --keep-meta", sqlite3_errmsg(db));
	has_meta = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (has_meta) {
		exec_or_fail(db, "BEGIN");
		set_meta(db, "created_at", created);
		set_meta(db, "sender", sender);
		set_meta(db, "receiver", receiver);
		/* rows_T for every T that is a table (counting a view could run
		 * forever: an endless view is one of the attacks). */
		if (sqlite3_prepare_v2(db, "SELECT substr(m.key, 6) FROM bundle_meta m JOIN "
		    "sqlite_master t ON t.type = 'table' AND t.name = substr(m.key, 6) "
		    "WHERE m.key LIKE 'rows\\_%' ESCAPE '\\'", -1, &st, NULL) != SQLITE_OK)
			fail("reading bundle_meta: %s", sqlite3_errmsg(db));
		while (sqlite3_step(st) == SQLITE_ROW) {
			tables = realloc(tables, (ntables + 1) * sizeof *tables);
			if (tables == NULL)
				fail("out of memory");
			tables[ntables++] = strdup((const char *)sqlite3_column_text(st, 0));
		}
		sqlite3_finalize(st);
		for (i = 0; i < ntables; i++) {
			char *q = sqlite3_mprintf("UPDATE bundle_meta SET value = (SELECT count(*) "
			    "FROM \"%w\") WHERE key = 'rows_' || %Q", tables[i], tables[i]);

			if (q == NULL)
				fail("out of memory");
			exec_or_fail(db, q);
			sqlite3_free(q);
			free(tables[i]);
		}
		free(tables);
		exec_or_fail(db, "COMMIT");
	}
	out = sqlite3_serialize(db, "main", &size, 0);
	if (out == NULL)
		fail("serializing the inner database: %s", sqlite3_errmsg(db));
	inner->n = 0;
	add(inner, out, (size_t)size);
	sqlite3_free(out);
	sqlite3_close(db);
}

static void
now_stamp(char out[16])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 16, "%Y%m%d-%H%M%S", &tm);
}

static void
add_code(struct bytes *b, const char *code)
{
	size_t n = strlen(code);
	unsigned char len = (unsigned char)n;

	if (n > 255)
		fail("a code is at most 255 bytes in the header: %s", code);
	add(b, &len, 1);
	add(b, code, n);
}

static int
cmd_seal(int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *inner_path = NULL, *dir = NULL;
	const char *sender = NULL, *receiver = NULL, *created = NULL, *name = NULL;
	char own_code[256], stamp[16], path[4096], made_name[1024];
	unsigned char sign_sk[crypto_sign_SECRETKEYBYTES], key[KEY_BYTES];
	unsigned char sealed[SEALED_BYTES], header[STREAM_HEADER], sig[SIG_BYTES], *c;
	crypto_secretstream_xchacha20poly1305_state state;
	bool garble = false, keep_meta = false;
	struct bytes inner = {0}, out = {0};
	uint32_t format = SYNC_FORMAT;
	unsigned long long clen;
	struct key_file k;
	size_t off = 0, len;
	sqlite3 *db;
	char *e;
	int i;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--garble-format") == 0) {
			garble = true;
			continue;
		}
		if (strcmp(argv[i], "--keep-meta") == 0) {
			keep_meta = true;
			continue;
		}
		if (i + 1 >= argc)
			usage();
		if (strcmp(argv[i], "--from") == 0)
			from = argv[++i];
		else if (strcmp(argv[i], "--to") == 0)
			to = argv[++i];
		else if (strcmp(argv[i], "--inner") == 0)
			inner_path = argv[++i];
		else if (strcmp(argv[i], "--out") == 0)
			dir = argv[++i];
		else if (strcmp(argv[i], "--sender") == 0)
			sender = argv[++i];
		else if (strcmp(argv[i], "--receiver") == 0)
			receiver = argv[++i];
		else if (strcmp(argv[i], "--created") == 0)
			created = argv[++i];
		else if (strcmp(argv[i], "--name") == 0)
			name = argv[++i];
		else if (strcmp(argv[i], "--format") == 0) {
			unsigned long v;

			errno = 0;
			v = strtoul(argv[++i], &e, 10);
			if (errno != 0 || *e != '\0' || v > UINT32_MAX)
				fail("--format takes a number up to %lu", (unsigned long)UINT32_MAX);
			format = (uint32_t)v;
		} else
			usage();
	}
	if (from == NULL || to == NULL || inner_path == NULL || dir == NULL)
		usage();
	if (garble)
		format ^= 0xAA00u;

	db = open_store(from);
	identity_blob(db, "sign_sk", sign_sk, sizeof sign_sk);
	store_code(db, own_code, sizeof own_code);
	sqlite3_close(db);
	read_key_file(to, &k);
	if (sender == NULL)
		sender = own_code;
	if (receiver == NULL)
		receiver = k.code;
	if (created == NULL) {
		now_stamp(stamp);
		created = stamp;
	}
	if (strlen(created) != 15)
		fail("--created takes 15 characters (YYYYMMDD-HHMMSS), not \"%s\"", created);
	if (name == NULL) {
		snprintf(made_name, sizeof made_name, "kyodo-%s-to-%s-%s.kyodo", sender, receiver,
		    created);
		name = made_name;
	}

	read_all(inner_path, &inner);
	if (!keep_meta)
		fix_meta(&inner, sender, receiver, created);

	crypto_secretstream_xchacha20poly1305_keygen(key);
	crypto_box_seal(sealed, key, sizeof key, k.box_pk);
	crypto_secretstream_xchacha20poly1305_init_push(&state, header, key);
	sodium_memzero(key, sizeof key);
	add(&out, MAGIC, 8);
	add_u32(&out, format);
	add_code(&out, sender);
	add_code(&out, receiver);
	add(&out, created, 15);
	add(&out, sealed, sizeof sealed);
	add(&out, header, sizeof header);
	c = malloc(CHUNK + ABYTES);
	if (c == NULL)
		fail("out of memory");
	do {
		len = inner.n - off < CHUNK ? inner.n - off : CHUNK;
		crypto_secretstream_xchacha20poly1305_push(&state, c, &clen, inner.p + off, len, NULL,
		    0, off + len == inner.n ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
		add_u32(&out, (uint32_t)clen);
		add(&out, c, (size_t)clen);
		off += len;
	} while (off < inner.n);
	free(c);
	crypto_sign_detached(sig, NULL, out.p, out.n, sign_sk);
	sodium_memzero(sign_sk, sizeof sign_sk);
	add(&out, sig, sizeof sig);

	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		fail("cannot make %s: %s", dir, strerror(errno));
	snprintf(path, sizeof path, "%s/%s", dir, name);
	write_all(path, out.p, out.n);
	printf("%s\n", path);
	free(inner.p);
	free(out.p);
	return 0;
}

int
main(int argc, char **argv)
{
	if (sodium_init() < 0)
		fail("sodium_init failed");
	if (argc < 2)
		usage();
	if (strcmp(argv[1], "open") == 0)
		return cmd_open(argc - 2, argv + 2);
	if (strcmp(argv[1], "seal") == 0)
		return cmd_seal(argc - 2, argv + 2);
	usage();
}
