/* recur — see recur.h. */
#include "recur.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool
recur_parse_kind(const char *s, enum recur_kind *kind, int *weeks)
{
	int n;
	char tail[16];

	*weeks = 1;
	if (strcmp(s, "weekly") == 0) {
		*kind = RECUR_WEEKLY;
		return true;
	}
	if (strcmp(s, "monthly-nth") == 0) {
		*kind = RECUR_MONTHLY_NTH;
		return true;
	}
	if (sscanf(s, "every-%d-%15s", &n, tail) == 2 && strcmp(tail, "weeks") == 0 &&
	    n >= 2 && n <= 52) {
		*kind = RECUR_EVERY_N_WEEKS;
		*weeks = n;
		return true;
	}
	return false;
}

int
recur_nth_of_month(struct date d)
{
	return (d.day - 1) / 7 + 1;
}

static bool
within(const struct recur *r, struct date d, int made)
{
	if (r->has_until)
		return date_compare(d, r->until) <= 0;
	return made < r->count;
}

int
recur_expand(const struct recur *r, struct date *out, int max)
{
	struct date d = r->start, first;
	int n = 0, step, nth, wd, year, month, day, months = 0;

	if (r->kind != RECUR_MONTHLY_NTH) {
		step = r->kind == RECUR_WEEKLY ? 7 : 7 * r->weeks;
		for (; n < max && within(r, d, n); d = date_add_days(d, step))
			out[n++] = d;
		return n;
	}
	nth = recur_nth_of_month(r->start);
	wd = date_weekday(r->start);
	year = r->start.year;
	month = r->start.month;
	/* A rule bounded only by count still ends: at most max months ahead. */
	while (n < max && months++ < RECUR_MAX) {
		first = (struct date){year, month, 1};
		day = 1 + (wd - date_weekday(first) + 7) % 7 + (nth - 1) * 7;
		if (day <= date_days_in_month(year, month)) {
			d = (struct date){year, month, day};
			if (!within(r, d, n))
				break;
			out[n++] = d;
		} else if (r->has_until && date_compare(first, r->until) > 0)
			break;
		if (++month > 12) {
			month = 1;
			year++;
		}
	}
	return n;
}
