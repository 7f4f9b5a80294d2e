/*
 * date — calendar dates and clock times as the center uses them: local,
 * Gregorian, `YYYY-MM-DD` and `HH:MM`; fiscal years (April–March) and the
 * Japanese eras.  No time zones: a center lives in one.
 */
#ifndef KYODO_DATE_H
#define KYODO_DATE_H

#include <stdbool.h>
#include <stddef.h>

struct date {
	int year, month, day;
};

bool date_valid(int year, int month, int day);
int date_days_in_month(int year, int month);
/* Parses "YYYY-MM-DD" (also '/' separators, one-digit month and day,
 * full-width digits).  Returns false unless it is a real date, 1900–2999. */
bool date_parse(const char *s, struct date *d);
/* "YYYY-MM-DD" into out (at least 11 bytes). */
void date_format(struct date d, char *out);
/* The month as ISO dates [from, to): its first day and the next month's. */
void date_month_range(int year, int month, char from[11], char to[11]);
/* Parses "YYYY-MM" (full-width too). */
bool date_parse_month(const char *s, int *year, int *month);
/* Parses "HH:MM" (also "H:MM", full-width) into minutes after midnight. */
bool time_parse(const char *s, int *minutes);
/* "HH:MM" into out (at least 6 bytes). */
void time_format(int minutes, char *out);

/* Days since 1970-01-01 and back. */
long date_to_days(struct date d);
struct date date_from_days(long days);
/* 0 = Sunday … 6 = Saturday. */
int date_weekday(struct date d);
struct date date_add_days(struct date d, long n);
int date_compare(struct date a, struct date b);

/* Today, local time; the environment variable KYODO_TODAY (YYYY-MM-DD)
 * fixes it, for tests and demonstrations. */
struct date date_today(void);
/* Now in UTC as ISO 8601 "YYYY-MM-DDTHH:MM:SSZ" into out (21 bytes). */
void date_now_utc(char *out);

/* The fiscal year (年度) a date falls in: April to March, named by the
 * calendar year it starts in. */
int date_fiscal_year(struct date d);

enum era_lang { ERA_JA, ERA_EN };

/* The era a date falls in and the year within it (1 = 元年). */
bool era_of_date(struct date d, const char **name_ja, const char **name_en, int *year);
/* "令和8年11月28日" / "2026-11-28 (Reiwa 8)". */
void era_format_date(struct date d, enum era_lang lang, char *out, size_t size);
/* "令和8年11月" / "2026-11 (Reiwa 8)". */
void era_format_month(int year, int month, enum era_lang lang, char *out, size_t size);
/* "令和8年度" / "FY2026 (Reiwa 8)".  A fiscal year is named in the newest era
 * that began in its first calendar year, so FY2019 is 令和元年度. */
void era_format_fy(int fy, enum era_lang lang, char *out, size_t size);
/* A fiscal year as people write it, back to its Western year: 2026,
 * FY2026, "FY2026 (Reiwa 8)", 令和8, 令和8年度, 令和元年度, R8, Reiwa 8,
 * 平成30年 …; ASCII digits (fold full-width ones first).  False when in is
 * none of these or names no year of its era. */
bool era_parse_fy(const char *in, int *fy);
/* A day as a person types it to go to it: ISO (2026-12-03, 2026/12/3),
 * 和暦 (令和8年12月3日, 令和元年5月1日, R8.12.3, R8/12/3, Reiwa 8.12.3),
 * 2026年12月3日, or a month and day in this year (12/3, 12月3日);
 * full-width digits too.  A date before its era began, or past the years
 * it had, is refused.  False when in is none of these or no real day. */
bool date_parse_typed(const char *in, struct date *d);

#endif
