/*
 * envelope — see envelope.h.  The bytes around the inner database: writing
 * the header, sealing and signing (envelope_seal), and reading them back
 * with every check that needs no SQL (envelope_open).  Secret keys are
 * wiped as soon as they are used.
 */
#include "envelope.h"

#include <assert.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"

#define MAGIC "KYODOSYN"
#define CHUNK 65536	/* plaintext bytes per secretstream chunk */
#define SIG_BYTES crypto_sign_BYTES
#define KEY_BYTES crypto_secretstream_xchacha20poly1305_KEYBYTES
#define SEALED_BYTES (crypto_box_SEALBYTES + KEY_BYTES)
#define STREAM_HEADER crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define ABYTES crypto_secretstream_xchacha20poly1305_ABYTES

static void
put_u32(struct buf *b, uint32_t v)
{
	unsigned char t[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
	    (unsigned char)(v >> 24)};

	buf_add(b, t, 4);
}

static uint32_t
get_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

void
envelope_file_name(const char *sender, const char *receiver, const char *created, char *out,
    size_t size)
{
	snprintf(out, size, "kyodo-%s-to-%s-%s.kyodo", sender, receiver, created);
}

bool
envelope_seal(struct store *s, const struct public_key *to, uint32_t format, const char *created,
    const unsigned char *inner, size_t n, struct buf *out, struct error *err)
{
	unsigned char key[KEY_BYTES], sealed[SEALED_BYTES], header[STREAM_HEADER];
	unsigned char sign_sk[crypto_sign_SECRETKEYBYTES], box_sk[crypto_box_SECRETKEYBYTES];
	unsigned char box_pk[crypto_box_PUBLICKEYBYTES], sig[SIG_BYTES], *c;
	crypto_secretstream_xchacha20poly1305_state state;
	unsigned long long clen;
	size_t off = 0, len;
	const char *me = store_origin(s);

	/* Codes are 2-16 characters (a length byte each), created 15. */
	assert(strlen(me) <= 16 && strlen(to->code) <= 16 && strlen(created) == 15);
	if (!keys_secret(s, sign_sk, box_sk, box_pk, err))
		return false;
	sodium_memzero(box_sk, sizeof box_sk);
	crypto_secretstream_xchacha20poly1305_keygen(key);
	crypto_box_seal(sealed, key, sizeof key, to->box_pk);
	crypto_secretstream_xchacha20poly1305_init_push(&state, header, key);
	sodium_memzero(key, sizeof key);
	buf_add(out, MAGIC, 8);
	put_u32(out, format);
	buf_addc(out, (char)strlen(me));
	buf_adds(out, me);
	buf_addc(out, (char)strlen(to->code));
	buf_adds(out, to->code);
	buf_add(out, created, 15);
	buf_add(out, sealed, sizeof sealed);
	buf_add(out, header, sizeof header);
	c = xmalloc(CHUNK + ABYTES);
	do {
		len = n - off < CHUNK ? n - off : CHUNK;
		crypto_secretstream_xchacha20poly1305_push(&state, c, &clen, inner + off, len, NULL, 0,
		    off + len == n ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
		put_u32(out, (uint32_t)clen);
		buf_add(out, c, (size_t)clen);
		off += len;
	} while (off < n);
	free(c);
	crypto_sign_detached(sig, NULL, (const unsigned char *)out->data, out->len, sign_sk);
	sodium_memzero(sign_sk, sizeof sign_sk);
	buf_add(out, sig, sizeof sig);
	return true;
}

/* ---- reading ---- */

static bool
valid_code(const char *c)
{
	return strcmp(c, "city") == 0 || store_code_valid(c);
}

static bool
read_code(const unsigned char **p, const unsigned char *end, char out[17])
{
	size_t len;

	if (*p >= end)
		return false;
	len = **p;
	(*p)++;
	if (len == 0 || len > 16 || (size_t)(end - *p) < len)
		return false;
	memcpy(out, *p, len);
	out[len] = '\0';
	*p += len;
	return strlen(out) == len && valid_code(out);
}

/* The header as this format lays it out; the format number itself is
 * judged only once the signature has shown who wrote it. */
static bool
parse_header(const unsigned char *d, size_t n, struct envelope *h, struct error *err)
{
	const unsigned char *p = d + 12, *end = d + n - SIG_BYTES;
	int i;

	if (n < 12 + SIG_BYTES || memcmp(d, MAGIC, 8) != 0) {
		error_set(err, _("This is not a kyodo sync file."));
		return false;
	}
	h->format = get_u32(d + 8);
	if (!read_code(&p, end, h->sender) || !read_code(&p, end, h->receiver) ||
	    (size_t)(end - p) < 15 + SEALED_BYTES + STREAM_HEADER) {
		error_set(err, _("This file is damaged (its header cannot be read)."));
		return false;
	}
	memcpy(h->created, p, 15);
	h->created[15] = '\0';
	for (i = 0; i < 15; i++)
		if (!(i == 8 ? p[i] == '-' : p[i] >= '0' && p[i] <= '9')) {
			error_set(err, _("This file is damaged (its header cannot be read)."));
			return false;
		}
	p += 15;
	h->sealed = p;
	p += SEALED_BYTES;
	h->stream_header = p;
	p += STREAM_HEADER;
	h->body = p;
	h->body_len = (size_t)(end - p);
	return true;
}

/* Decrypts the body into a buffer from sqlite3_malloc, for deserialize. */
static unsigned char *
open_body(struct store *s, const struct envelope *h, size_t *out_len, struct error *err)
{
	unsigned char key[KEY_BYTES], sign_sk[crypto_sign_SECRETKEYBYTES];
	unsigned char box_sk[crypto_box_SECRETKEYBYTES], box_pk[crypto_box_PUBLICKEYBYTES];
	crypto_secretstream_xchacha20poly1305_state state;
	unsigned char *plain = NULL, tag = 0;
	unsigned long long mlen;
	size_t off = 0, cap, len = 0;
	uint32_t clen;
	bool ok;

	if (!keys_secret(s, sign_sk, box_sk, box_pk, err))
		return NULL;
	sodium_memzero(sign_sk, sizeof sign_sk);
	ok = crypto_box_seal_open(key, h->sealed, SEALED_BYTES, box_pk, box_sk) == 0;
	sodium_memzero(box_sk, sizeof box_sk);
	if (!ok) {
		error_set(err, _("This file cannot be opened with this store's key."));
		return NULL;
	}
	ok = crypto_secretstream_xchacha20poly1305_init_pull(&state, h->stream_header, key) == 0;
	sodium_memzero(key, sizeof key);
	cap = h->body_len;	/* the plaintext is shorter than the ciphertext */
	plain = sqlite3_malloc64(cap > 0 ? cap : 1);
	if (plain == NULL) {
		error_set(err, _("There is not enough memory to open this file."));
		return NULL;
	}
	while (ok && tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
		if (h->body_len - off < 4) {
			ok = false;
			break;
		}
		clen = get_u32(h->body + off);
		off += 4;
		if (clen < ABYTES || clen > CHUNK + ABYTES || clen > h->body_len - off) {
			ok = false;
			break;
		}
		ok = crypto_secretstream_xchacha20poly1305_pull(&state, plain + len, &mlen, &tag,
		    h->body + off, clen, NULL, 0) == 0;
		off += clen;
		len += (size_t)mlen;
	}
	assert(len <= cap);	/* each chunk's plaintext is shorter than its ciphertext */
	if (!ok || off != h->body_len) {
		sqlite3_free(plain);
		error_set(err, _("This file is damaged (it does not decrypt)."));
		return NULL;
	}
	*out_len = len;
	return plain;
}

unsigned char *
envelope_open(struct store *s, const char *path, const unsigned char *data, size_t n,
    uint32_t format, struct envelope *h, size_t *len, struct error *err)
{
	struct public_key from;
	const char *base;
	char expect[128];

	if (!parse_header(data, n, h, err))
		return NULL;
	if (strcmp(h->receiver, store_origin(s)) != 0) {
		error_set(err, _("This file is addressed to %s, not to this store (%s)."), h->receiver,
		    store_origin(s));
		return NULL;
	}
	if ((store_kind(s) == STORE_CENTER) != (strcmp(h->sender, "city") == 0)) {
		error_set(err, store_kind(s) == STORE_CENTER ?
		    _("This file comes from %s; a center takes files from the city only.") :
		    _("This file comes from %s; city hall takes files from centers only."),
		    h->sender);
		return NULL;
	}
	if (!keys_peer(s, h->sender, &from, NULL)) {
		error_set(err, _("This file comes from %s, whose key is not enrolled here; it is "
		    "refused."), h->sender);
		return NULL;
	}
	if (crypto_sign_verify_detached(data + n - SIG_BYTES, data, n - SIG_BYTES,
	    from.sign_pk) != 0) {
		error_set(err, _("This file's signature does not match %s's key: it is damaged or "
		    "forged."), h->sender);
		return NULL;
	}
	/* Signed by the sender's own key: a format other than ours is a kyodo
	 * of another version, not damage. */
	if (h->format > format) {
		error_set(err, _("This file was made by a newer version of kyodo; update kyodo "
		    "here to read it."));
		return NULL;
	}
	if (h->format != format) {
		error_set(err, _("This file was made by an older version of kyodo; update kyodo "
		    "at %s and make the file again."), h->sender);
		return NULL;
	}
	if (path != NULL) {
		base = strrchr(path, '/');
		base = base ? base + 1 : path;
		envelope_file_name(h->sender, h->receiver, h->created, expect, sizeof expect);
		if (strcmp(base, expect) != 0) {
			error_set(err, _("This file's name does not match what it holds (it should be "
			    "%s); was it renamed?"), expect);
			return NULL;
		}
	}
	return open_body(s, h, len, err);
}

