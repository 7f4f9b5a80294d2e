/*
 * keys — who a store is to the other side: its signing pair (Ed25519) and
 * receiving pair (X25519), made at init and kept in the store; the public
 * key file staff carry to the other side; the peers a store knows (at a
 * center the city, at city hall every enrolled center); and whether the
 * store has moved to another machine since it was made.
 */
#ifndef KYODO_KEYS_H
#define KYODO_KEYS_H

#include <sodium.h>
#include <stdbool.h>

#include "base/actor.h"
#include "base/buf.h"
#include "base/error.h"
#include "store/store.h"

/* A key file kyodo reads is at most this long; one it writes is a few
 * hundred bytes. */
#define KEYS_FILE_MAX 4096
/* A center's (or city hall's) name is at most this many characters. */
#define KEYS_NAME_CHARS 60

struct public_key {
	char code[17];
	/* KEYS_NAME_CHARS characters; 3 bytes each for kana and kanji.  (Not
	 * 4 × 60: screens print it into 200-byte labels.) */
	char name[200];
	unsigned char sign_pk[crypto_sign_PUBLICKEYBYTES];
	unsigned char box_pk[crypto_box_PUBLICKEYBYTES];
};

/* This store's public key, code and name. */
bool keys_own(struct store *s, struct public_key *k, struct error *err);
/* The secret halves, into caller memory (wipe after use). */
bool keys_secret(struct store *s, unsigned char sign_sk[crypto_sign_SECRETKEYBYTES],
    unsigned char box_sk[crypto_box_SECRETKEYBYTES], unsigned char box_pk[crypto_box_PUBLICKEYBYTES],
    struct error *err);
/* "1A2B-3C4D-5E6F-7A8B-9C0D", 24 hex digits of BLAKE2b over both keys, to
 * read over the phone; out needs 32 bytes. */
void keys_fingerprint(const struct public_key *k, char *out);
/* The key file's text. */
void keys_write_file(const struct public_key *k, struct buf *out);
/* Reads a key file back.  The file comes from outside (a stick, a mail) and
 * is refused whole, with one sentence that never quotes it, unless it is
 * exactly what keys_write_file writes: at most KEYS_FILE_MAX bytes of UTF-8
 * without NUL or other control characters (line ends LF or CRLF), the first
 * line, then each of code (keys_code_check, or "city"), name (no control
 * characters), sign and box once and an optional fingerprint that matches.
 * keys_parse_bytes sees a NUL that a C string would hide; keys_read_file
 * reads the file at path first. */
bool keys_parse_bytes(const char *text, size_t n, struct public_key *k, struct error *err);
bool keys_parse_file(const char *text, struct public_key *k, struct error *err);
bool keys_read_file(const char *path, struct public_key *k, struct error *err);

/* True when code is a center's code (store_code_valid); else false with
 * the sentence that says what a code may be. */
bool keys_code_check(const char *code, struct error *err);
/* A center's or city hall's name as kyodo keeps it: valid UTF-8 without
 * control characters (text_is_control), trimmed, 1 to KEYS_NAME_CHARS
 * characters.  Returns the trimmed copy (caller frees), or NULL with one
 * sentence. */
char *keys_name_check(const char *name, struct error *err);

/* Enrols a peer (the city at a center; a center at city hall); refused
 * when the code is neither a center's code nor "city" (at city hall, "city"
 * only with the store's own key: a center is never enrolled as the city),
 * when the name fails keys_name_check, or when the code is enrolled with
 * another key unless replace is set. */
bool keys_enrol(struct store *s, const struct actor *who, const struct public_key *k,
    bool replace, struct error *err);
/* The enrolled peer with this code. */
bool keys_peer(struct store *s, const char *code, struct public_key *k, struct error *err);
/* True when the store runs on the machine it was made on (machine id). */
bool keys_same_machine(struct store *s);
/* Accepts the current machine as the store's own (audited). */
bool keys_accept_machine(struct store *s, const struct actor *who, struct error *err);

#endif
