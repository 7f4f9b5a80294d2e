/*
 * reportsheet — the monthly usage report (月報) and its fiscal year as
 * workbooks, beside report_csv and report_year_csv: the same columns and
 * headings, numbers as numbers, totals as formulas with their values.
 */
#ifndef KYODO_REPORTSHEET_H
#define KYODO_REPORTSHEET_H

#include <stdbool.h>

#include "base/error.h"
#include "store/store.h"

/* The month's report at path: at a center (or at city hall for center,
 * as that center reported) the rooms' table, then a sheet of the month's
 * meetings and one of its events; at city hall without center, one row
 * per center. */
bool reportsheet_monthly(struct store *s, int year, int month, const char *center,
    const char *path, struct error *err);
/* The fiscal year fy at path: a summary sheet (uses per room per month)
 * and one sheet per month, April to March, each that month's table. */
bool reportsheet_year(struct store *s, int fy, const char *path, struct error *err);

#endif
