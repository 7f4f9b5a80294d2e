/*
 * recur — the dates of a repeating booking, as classes and circles ask for
 * them: every week on the start's weekday, every N weeks, or monthly on the
 * start's nth weekday (第2火曜), until a date or for a count.
 */
#ifndef KYODO_RECUR_H
#define KYODO_RECUR_H

#include <stdbool.h>

#include "date.h"

enum recur_kind {
	RECUR_WEEKLY,		/* every week */
	RECUR_EVERY_N_WEEKS,	/* every `weeks` weeks */
	RECUR_MONTHLY_NTH,	/* the start's nth weekday of each month */
};

struct recur {
	enum recur_kind kind;
	int weeks;		/* RECUR_EVERY_N_WEEKS: 2 or more */
	struct date start;	/* the first occurrence */
	bool has_until;
	struct date until;	/* last date allowed, inclusive */
	int count;		/* or this many occurrences (when !has_until) */
};

#define RECUR_MAX 520	/* ten years of weekly meetings */

/* "weekly", "every-2-weeks" (any N), "monthly-nth". */
bool recur_parse_kind(const char *s, enum recur_kind *kind, int *weeks);
/* Which weekday-of-month the date is (1 = first … 5 = fifth). */
int recur_nth_of_month(struct date d);
/* Writes the occurrence dates, in order, to out (room for max); returns how
 * many.  A monthly rule on a 5th weekday skips months that have none. */
int recur_expand(const struct recur *r, struct date *out, int max);

#endif
