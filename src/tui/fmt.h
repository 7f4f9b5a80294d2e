/*
 * fmt — dates, months and money as the kiosk shows them, in the user's
 * language and with the Japanese era (令和8年11月28日(土) / 2026-11-28
 * (Reiwa 8) Sat).
 */
#ifndef KYODO_TUI_FMT_H
#define KYODO_TUI_FMT_H

#include <stddef.h>

#include "base/date.h"

/* The era style matching the language in use. */
enum era_lang fmt_era_lang(void);
/* The weekday's short name, translated ("Sat" / "土"). */
const char *fmt_weekday(struct date d);
/* A full date with era and weekday. */
void fmt_date_long(struct date d, char *out, size_t size);
/* A stored date (YYYY-MM-DD) with era and no weekday: "令和8年11月28日";
 * anything else as it is. */
void fmt_date_era(const char *iso, char *out, size_t size);
/* A month with era: "令和8年11月" / "November 2026 (Reiwa 8)". */
void fmt_month(int year, int month, char *out, size_t size);
/* A list cell for a date inside a known month: "11-28(土)" / "11-28 Sat". */
void fmt_date_short(const char *iso, char *out, size_t size);
/* Whole yen with thousands separators: "¥12,000". */
void fmt_yen(long long yen, char *out, size_t size);

#endif
