/*
 * grant — the city's grant programmes and the rule for what one allows.
 *
 * A programme (city-owned reference data) has a limit in yen (0: none), a
 * rate as a fraction, a rounding unit (1, 100 or 1,000 yen, cut down), the
 * fiscal years it is open and the stage it serves.  What it allows for an
 * eligible cost is min(limit, cost × rate cut down to the unit), computed
 * in integers.
 */
#ifndef KYODO_GRANT_H
#define KYODO_GRANT_H

#include <stdbool.h>

struct programme_terms {
	long long limit;	/* yen; 0 = no limit */
	int rate_num, rate_den;
	int unit;		/* 1, 100 or 1000 */
	int fy_from, fy_to;	/* fy_to 0 = no end */
};

/* The amount the programme allows for cost (>= 0); -1 if the terms are
 * impossible (rate_den 0, unit not 1/100/1000). */
long long grant_allowed(const struct programme_terms *t, long long cost);
/* True when the programme is open in fiscal year fy. */
bool grant_open_in(const struct programme_terms *t, int fy);

/* a + b and a - b for yen totals, held at the int64 limits instead of
 * overflowing: each row is at most a field's maximum (10^12 yen), but a sum
 * over millions of rows, or a value a damaged store holds, could pass
 * INT64_MAX, and signed overflow in C is undefined.  A total that reaches
 * the limit shows as ¥9,223,372,036,854,775,807, plainly wrong, never as a
 * small or negative number. */
long long grant_yen_add(long long a, long long b);
long long grant_yen_sub(long long a, long long b);

#endif
