/* date — see date.h. */
#include "date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "buf.h"
#include "text.h"

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month < 1 || month > 12)
		return 0;
	return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

bool
date_valid(int year, int month, int day)
{
	return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 &&
	    day >= 1 && day <= date_days_in_month(year, month);
}

/* Reads 1..maxd ASCII digits at *p; advances p. */
static bool
read_num(const char **p, int mind, int maxd, int *out)
{
	int n = 0, d = 0;

	while (**p >= '0' && **p <= '9' && d < maxd) {
		n = n * 10 + (**p - '0');
		(*p)++;
		d++;
	}
	if (d < mind || (**p >= '0' && **p <= '9'))
		return false;
	*out = n;
	return true;
}

static bool
is_date_sep(char c)
{
	return c == '-' || c == '/' || c == '.';
}

/* s with full-width digits and separators folded to ASCII; s itself when
 * it is ASCII already (dates and times as stored), which saves the copy
 * on every row a screen or report reads.  *copy is what to free. */
static const char *
folded(const char *s, char **copy)
{
	const unsigned char *p;

	*copy = NULL;
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p >= 0x80)
			return *copy = text_fold_ascii(s);
	return s;
}

bool
date_parse(const char *s, struct date *d)
{
	char *f;
	const char *p = folded(s, &f);
	int y, m, day;
	bool ok;

	ok = read_num(&p, 4, 4, &y) && is_date_sep(*p++) &&
	    read_num(&p, 1, 2, &m) && is_date_sep(*p++) &&
	    read_num(&p, 1, 2, &day) && *p == '\0' && date_valid(y, m, day);
	free(f);
	if (ok) {
		d->year = y;
		d->month = m;
		d->day = day;
	}
	return ok;
}

void
date_format(struct date d, char *out)
{
	char tmp[48];

	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", d.year, d.month, d.day);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

void
date_month_range(int year, int month, char from[11], char to[11])
{
	date_format((struct date){year, month, 1}, from);
	date_format(month == 12 ? (struct date){year + 1, 1, 1} :
	    (struct date){year, month + 1, 1}, to);
}

bool
date_parse_month(const char *s, int *year, int *month)
{
	char *f;
	const char *p = folded(s, &f);
	int y, m;
	bool ok;

	ok = read_num(&p, 4, 4, &y) && is_date_sep(*p++) &&
	    read_num(&p, 1, 2, &m) && *p == '\0' && date_valid(y, m, 1);
	free(f);
	if (ok) {
		*year = y;
		*month = m;
	}
	return ok;
}

bool
time_parse(const char *s, int *minutes)
{
	char *f;
	const char *p = folded(s, &f);
	int h, m;
	bool ok;

	ok = read_num(&p, 1, 2, &h) && *p++ == ':' && read_num(&p, 2, 2, &m) &&
	    *p == '\0' && h < 24 && m < 60;
	free(f);
	if (ok)
		*minutes = h * 60 + m;
	return ok;
}

void
time_format(int minutes, char *out)
{
	char tmp[32];

	snprintf(tmp, sizeof tmp, "%02d:%02d", minutes / 60, minutes % 60);
	memcpy(out, tmp, 5);
	out[5] = '\0';
}

/* Howard Hinnant's days-from-civil algorithm. */
long
date_to_days(struct date d)
{
	long y = d.year - (d.month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct date
date_from_days(long z)
{
	struct date d;
	long era, doe, yoe, y, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(y + (d.month <= 2));
	return d;
}

int
date_weekday(struct date d)
{
	long n = date_to_days(d) % 7;	/* 1970-01-01 was a Thursday */

	return (int)((n + 4 + 7) % 7);
}

struct date
date_add_days(struct date d, long n)
{
	return date_from_days(date_to_days(d) + n);
}

int
date_compare(struct date a, struct date b)
{
	long x = date_to_days(a), y = date_to_days(b);

	return x < y ? -1 : x > y;
}

struct date
date_today(void)
{
	const char *fixed = getenv("KYODO_TODAY");
	struct date d;
	struct tm tm;
	time_t now;

	if (fixed != NULL && date_parse(fixed, &d))
		return d;
	now = time(NULL);
	localtime_r(&now, &tm);
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	return d;
}

void
date_now_utc(char *out)
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int
date_fiscal_year(struct date d)
{
	return d.month >= 4 ? d.year : d.year - 1;
}

static const struct era {
	struct date start;
	const char *ja, *en;
} eras[] = {
	{{2019, 5, 1}, "令和", "Reiwa"},
	{{1989, 1, 8}, "平成", "Heisei"},
	{{1926, 12, 25}, "昭和", "Showa"},
	{{1912, 7, 30}, "大正", "Taisho"},
	{{1868, 10, 23}, "明治", "Meiji"},
};

/* The era named at the start of *s (令和, Reiwa, R …), its words read. */
static const struct era *
era_named(const char **s)
{
	size_t i, n;

	for (i = 0; i < sizeof eras / sizeof eras[0]; i++) {
		n = strlen(eras[i].ja);
		if (strncmp(*s, eras[i].ja, n) == 0) {
			*s += n;
			return &eras[i];
		}
		n = strlen(eras[i].en);
		if (strncasecmp(*s, eras[i].en, n) == 0) {
			*s += n;
			return &eras[i];
		}
		if ((**s == eras[i].en[0] || **s == eras[i].en[0] + 32) &&
		    ((*s)[1] >= '0' && (*s)[1] <= '9')) {
			*s += 1;
			return &eras[i];
		}
	}
	return NULL;
}

static const char *
skip_spaces(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

bool
era_parse_fy(const char *in, int *fy)
{
	const struct era *e;
	const char *s = skip_spaces(in), *end;
	long n;
	char *stop;

	if (strncasecmp(s, "FY", 2) == 0)
		s = skip_spaces(s + 2);
	e = era_named(&s);
	s = skip_spaces(s);
	if (e != NULL && strncmp(s, "元", strlen("元")) == 0) {
		n = 1;
		end = s + strlen("元");
	} else {
		if (*s < '0' || *s > '9')
			return false;
		n = strtol(s, &stop, 10);
		end = stop;
	}
	end = skip_spaces(end);
	if (strncmp(end, "年度", strlen("年度")) == 0)
		end += strlen("年度");
	else if (strncmp(end, "年", strlen("年")) == 0)
		end += strlen("年");
	end = skip_spaces(end);
	/* "FY2026 (Reiwa 8)": the era in brackets only repeats the year. */
	if (e == NULL && *end == '(' && strchr(end, ')') != NULL)
		end = skip_spaces(strchr(end, ')') + 1);
	if (*end != '\0' || n < 1)
		return false;
	if (e == NULL) {
		if (n < 1000 || n > 2999)
			return false;
		*fy = (int)n;
		return true;
	}
	/* An era's years are counted from its first calendar year; a year past
	 * its last is no year of it. */
	if (n > 99 || (e != eras && e[-1].start.year - e->start.year + 1 < n))
		return false;
	*fy = e->start.year + (int)n - 1;
	return true;
}

bool
era_of_date(struct date d, const char **name_ja, const char **name_en, int *year)
{
	size_t i;

	for (i = 0; i < sizeof eras / sizeof eras[0]; i++) {
		if (date_compare(d, eras[i].start) >= 0) {
			*name_ja = eras[i].ja;
			*name_en = eras[i].en;
			*year = d.year - eras[i].start.year + 1;
			return true;
		}
	}
	return false;
}

static void
era_year_ja(int year, char *out, size_t size)
{
	if (year == 1)
		snprintf(out, size, "元");
	else
		snprintf(out, size, "%d", year);
}

void
era_format_date(struct date d, enum era_lang lang, char *out, size_t size)
{
	const char *ja, *en;
	char y[16];
	int year;

	if (!era_of_date(d, &ja, &en, &year)) {
		snprintf(out, size, "%04d-%02d-%02d", d.year, d.month, d.day);
		return;
	}
	if (lang == ERA_JA) {
		era_year_ja(year, y, sizeof y);
		snprintf(out, size, "%s%s年%d月%d日", ja, y, d.month, d.day);
	} else
		snprintf(out, size, "%04d-%02d-%02d (%s %d)", d.year, d.month, d.day, en, year);
}

void
era_format_month(int year, int month, enum era_lang lang, char *out, size_t size)
{
	struct date last = {year, month, date_days_in_month(year, month)};
	const char *ja, *en;
	char y[16];
	int ey;

	/* A month is named in the era in force at its end (2019-05 is 令和元年5月). */
	if (!era_of_date(last, &ja, &en, &ey)) {
		snprintf(out, size, "%04d-%02d", year, month);
		return;
	}
	if (lang == ERA_JA) {
		era_year_ja(ey, y, sizeof y);
		snprintf(out, size, "%s%s年%d月", ja, y, month);
	} else
		snprintf(out, size, "%04d-%02d (%s %d)", year, month, en, ey);
}

void
era_format_fy(int fy, enum era_lang lang, char *out, size_t size)
{
	struct date last_day = {fy, 12, 31};
	const char *ja, *en;
	char y[16];
	int year;

	if (!era_of_date(last_day, &ja, &en, &year)) {
		snprintf(out, size, "FY%d", fy);
		return;
	}
	if (lang == ERA_JA) {
		era_year_ja(year, y, sizeof y);
		snprintf(out, size, "%s%s年度", ja, y);
	} else
		snprintf(out, size, "FY%d (%s %d)", fy, en, year);
}

/* Reads a number of 1-4 digits (or 元 when era, the first year of it) at
 * *p into *n, and what follows: a Japanese unit (年, 月, 日 as 'y', 'm',
 * 'd'), a separator ('.', '/', '-' as '.'), or nothing ('\0'). */
static bool
read_part(const char **p, bool era, int *n, char *sep)
{
	const char *s = skip_spaces(*p);
	static const struct {
		const char *text;
		char sep;
	} units[] = {{"年", 'y'}, {"月", 'm'}, {"日", 'd'}};
	size_t i;

	if (era && strncmp(s, "元", strlen("元")) == 0) {
		*n = 1;
		s += strlen("元");
	} else if (!read_num(&s, 1, 4, n)) {
		return false;
	}
	s = skip_spaces(s);
	*sep = '\0';
	for (i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strncmp(s, units[i].text, strlen(units[i].text)) == 0) {
			*sep = units[i].sep;
			s += strlen(units[i].text);
		}
	if (*sep == '\0' && is_date_sep(*s)) {
		*sep = '.';
		s++;
	}
	*p = s;
	return true;
}

bool
date_parse_typed(const char *in, struct date *d)
{
	char *f = text_fold_ascii(in), sep[3];
	const char *s = skip_spaces(f);
	const struct era *e;
	int n[3], cnt = 0, i;
	/* The unit each part may carry, by how many parts there are. */
	static const char units3[] = "ymd", units2[] = "md";
	struct date r;
	bool ok = false;

	if (date_parse(s, d)) {
		free(f);
		return true;
	}
	e = era_named(&s);
	while (cnt < 3 && read_part(&s, e != NULL && cnt == 0, &n[cnt], &sep[cnt])) {
		cnt++;
		if (sep[cnt - 1] == '\0')
			break;
	}
	s = skip_spaces(s);
	if (*s != '\0' || cnt < 2 || (cnt == 2 && e != NULL))
		goto out;
	for (i = 0; i < cnt; i++) {
		char unit = (cnt == 3 ? units3 : units2)[i];

		/* A unit is the part's own; a separator parts two; the last part
		 * ends bare or with its unit. */
		if (sep[i] != '\0' && sep[i] != '.' && sep[i] != unit)
			goto out;
		if (sep[i] == '.' && i == cnt - 1)
			goto out;
		if (sep[i] == '\0' && i != cnt - 1)
			goto out;
	}
	if (cnt == 2) {
		r = (struct date){date_today().year, n[0], n[1]};
	} else if (e != NULL) {
		/* An era's years are counted from its first calendar year; none
		 * before its first day, none past its last year. */
		if (n[0] > 99 || (e != eras && e[-1].start.year - e->start.year + 1 < n[0]))
			goto out;
		r = (struct date){e->start.year + n[0] - 1, n[1], n[2]};
		if (date_valid(r.year, r.month, r.day) && date_compare(r, e->start) < 0)
			goto out;
	} else {
		if (n[0] < 1000)	/* 26/12/3: which century is not ours to guess */
			goto out;
		r = (struct date){n[0], n[1], n[2]};
	}
	if (date_valid(r.year, r.month, r.day)) {
		*d = r;
		ok = true;
	}
out:
	free(f);
	return ok;
}
