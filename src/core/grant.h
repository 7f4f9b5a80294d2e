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

#endif
