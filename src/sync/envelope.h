/*
 * envelope — the monthly file's outer format and its crypto, around the
 * inner database (bundle.h, inner.h) that export builds and import reads.
 *
 *   "KYODOSYN"  format (u32 LE)  len sender  len receiver  created (15)
 *   sealed file key (crypto_box_seal to the receiver's box key)
 *   secretstream header, then chunks: length (u32 LE) and ciphertext,
 *     the last tagged FINAL
 *   Ed25519 signature of everything before it, by the sender's key
 *
 * Opening checks, in this order and before any SQL: the magic and header,
 * that the file is addressed to this store and comes from the side it takes
 * files from, the sender's enrolled key and the signature, then the format
 * (judged only once the signature shows who wrote it), the file's name
 * against the signed header, and decryption.  Each refusal is one sentence.
 */
#ifndef KYODO_ENVELOPE_H
#define KYODO_ENVELOPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/error.h"
#include "keys.h"
#include "store/store.h"

/* The header of a file, as read; the pointers point into the file's bytes. */
struct envelope {
	uint32_t format;
	char sender[17], receiver[17], created[16];	/* created: YYYYMMDD-HHMMSS */
	const unsigned char *sealed, *stream_header, *body;
	size_t body_len;
};

/* The file's name, kyodo-<sender>-to-<receiver>-<created>.kyodo, into out. */
void envelope_file_name(const char *sender, const char *receiver, const char *created,
    char *out, size_t size);

/* Appends to out the file around inner (n bytes): sealed to the peer to,
 * signed with this store's key, format and created (YYYYMMDD-HHMMSS) in its
 * header.  False with err when the store's keys cannot be read. */
bool envelope_seal(struct store *s, const struct public_key *to, uint32_t format,
    const char *created, const unsigned char *inner, size_t n, struct buf *out,
    struct error *err);

/* Checks the file data (n bytes) as above, format being the one this kyodo
 * reads and path its name (NULL skips the name check), and decrypts it.
 * Returns the inner database (sqlite3_malloc'd, *len bytes) with h filled,
 * or NULL with err set. */
unsigned char *envelope_open(struct store *s, const char *path, const unsigned char *data,
    size_t n, uint32_t format, struct envelope *h, size_t *len, struct error *err);

#endif
