/*
 * buf — a growable byte buffer, always NUL-terminated.  Allocation failure
 * aborts: kyodo has no sensible way to go on without memory.
 */
#ifndef KYODO_BUF_H
#define KYODO_BUF_H

#include <stddef.h>

#include "error.h"

struct buf {
	char *data;	/* owned; NULL until the first add */
	size_t len;
	size_t cap;
};

/* Room for extra more bytes without growing again. */
void buf_reserve(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) KYODO_PRINTFLIKE(2, 3);
void buf_reset(struct buf *b);
void buf_free(struct buf *b);
/* Returns the contents (never NULL) and leaves b empty; caller frees. */
char *buf_steal(struct buf *b);
/* Returns the contents, "" when empty; valid until b changes. */
const char *buf_str(const struct buf *b);

/* strdup that aborts on exhaustion; NULL in gives NULL out. */
char *xstrdup(const char *s);
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
/* realloc of n elements of size, aborting on overflow or exhaustion. */
void *xreallocarray(void *p, size_t n, size_t size);

#endif
