/*
 * money — whole yen, never floating point.
 */
#ifndef KYODO_MONEY_H
#define KYODO_MONEY_H

#include <stddef.h>

#include "buf.h"

/* "1,234,000" (with a leading '-' for a negative amount). */
void money_format(long long yen, char *out, size_t size);
/* A column of a text table: a space, then the amount right-aligned in width
 * columns. */
void money_cell(struct buf *b, long long yen, int width);

#endif
