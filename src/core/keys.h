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

#include "actor.h"
#include "buf.h"
#include "error.h"
#include "store.h"

struct public_key {
	char code[17];
	char name[128];
	unsigned char sign_pk[crypto_sign_PUBLICKEYBYTES];
	unsigned char box_pk[crypto_box_PUBLICKEYBYTES];
};

/* Makes the store's key pairs (inside the caller's transaction). */
bool keys_create(struct store *s, struct error *err);
/* This store's public key, code and name. */
bool keys_own(struct store *s, struct public_key *k, struct error *err);
/* The secret halves, into caller memory (wipe after use). */
bool keys_secret(struct store *s, unsigned char sign_sk[crypto_sign_SECRETKEYBYTES],
    unsigned char box_sk[crypto_box_SECRETKEYBYTES], unsigned char box_pk[crypto_box_PUBLICKEYBYTES],
    struct error *err);
/* "1A2B-3C4D-5E6F-7A8B-9C0D", 24 hex digits of BLAKE2b over both keys, to
 * read over the phone; out needs 32 bytes. */
void keys_fingerprint(const struct public_key *k, char *out);
/* The key file's text, and reading one back (refused with a reason when it
 * is not a kyodo key file). */
void keys_write_file(const struct public_key *k, struct buf *out);
bool keys_parse_file(const char *text, struct public_key *k, struct error *err);
/* Enrols a peer (the city at a center; a center at city hall); refused
 * when the code is enrolled with another key unless replace is set. */
bool keys_enrol(struct store *s, const struct actor *who, const struct public_key *k,
    bool replace, struct error *err);
/* The enrolled peer with this code. */
bool keys_peer(struct store *s, const char *code, struct public_key *k, struct error *err);
/* True when the store runs on the machine it was made on (machine id). */
bool keys_same_machine(struct store *s);
/* Accepts the current machine as the store's own (audited). */
bool keys_accept_machine(struct store *s, const struct actor *who, struct error *err);

#endif
