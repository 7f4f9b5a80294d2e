/*
 * money — whole yen, never floating point.
 */
#ifndef KYODO_MONEY_H
#define KYODO_MONEY_H

#include <stddef.h>

/* "1,234,000" (with a leading '-' for a negative amount). */
void money_format(long long yen, char *out, size_t size);

#endif
