/* grant — see grant.h. */
#include "grant.h"

long long
grant_allowed(const struct programme_terms *t, long long cost)
{
	long long v;

	if (t->rate_den <= 0 || t->rate_num < 0 || cost < 0 ||
	    (t->unit != 1 && t->unit != 100 && t->unit != 1000))
		return -1;
	/* cost × num / den, cut down, then cut down to the unit: 250,000 at
	 * 2/3 is 166,666 → 166,000.  cost is at most 10^12, num a small
	 * numerator, so the product stays far inside 64 bits. */
	v = cost / t->rate_den * t->rate_num + cost % t->rate_den * t->rate_num / t->rate_den;
	v -= v % t->unit;
	if (t->limit > 0 && v > t->limit)
		v = t->limit;
	return v;
}

bool
grant_open_in(const struct programme_terms *t, int fy)
{
	return fy >= t->fy_from && (t->fy_to == 0 || fy <= t->fy_to);
}
