/* grant — see grant.h. */
#include "grant.h"

#include <limits.h>

long long
grant_yen_add(long long a, long long b)
{
	long long v;

	if (__builtin_add_overflow(a, b, &v))
		return b > 0 ? LLONG_MAX : LLONG_MIN;
	return v;
}

long long
grant_yen_sub(long long a, long long b)
{
	long long v;

	if (__builtin_sub_overflow(a, b, &v))
		return b < 0 ? LLONG_MAX : LLONG_MIN;
	return v;
}

long long
grant_allowed(const struct programme_terms *t, long long cost)
{
	long long v;

	if (t->rate_den <= 0 || t->rate_num < 0 || cost < 0 ||
	    (t->unit != 1 && t->unit != 100 && t->unit != 1000))
		return -1;
	/* cost × num / den, cut down, then cut down to the unit: 250,000 at
	 * 2/3 is 166,666 → 166,000.  Within the fields' limits (cost 10^12,
	 * num and den 1,000) the product stays far inside 64 bits; a stored
	 * value past them (a damaged store) is held at the largest amount
	 * rather than wrapped.  cost % den × num is below 2^62 (both ints). */
	if (__builtin_mul_overflow(cost / t->rate_den, (long long)t->rate_num, &v))
		v = LLONG_MAX;
	v = grant_yen_add(v, cost % t->rate_den * t->rate_num / t->rate_den);
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
