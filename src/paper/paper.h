/*
 * paper — kyodo's documents for printing, as PDF files: the monthly usage
 * report (月報) and the fiscal year's, the grant status with each
 * application's expenses (the draft of the results report, 実績報告), and
 * the week's (or a day's) booking sheet for the notice board.  The same
 * figures as the text and CSV (report.h, grantbook.h, dayplan.h), laid out
 * by pdf.h.  Each takes what to print and a path, and says in err why a
 * file could not be made (the kiosk and the command line call the same
 * functions); the file is new (outfile.h), never over or through anything.
 */
#ifndef KYODO_PAPER_H
#define KYODO_PAPER_H

#include <stdbool.h>

#include "base/date.h"
#include "base/error.h"
#include "domain/report.h"
#include "store/store.h"

/* The monthly report r (a center's, or city hall's overview) of the
 * center (or city) named center. */
bool paper_monthly(const struct report *r, const char *center, const char *path,
    struct error *err);
/* The fiscal year's uses per room per month. */
bool paper_year(const struct report_year *y, const char *center, const char *path,
    struct error *err);
/* The applications of fiscal year fy (0: every year) with their expenses. */
bool paper_grants(struct store *s, int fy, const char *path, struct error *err);
/* The booking sheet: rooms × ndays days (1 to 7) from first, each cell the
 * times and names that take the room that day. */
bool paper_bookings(struct store *s, struct date first, int ndays, const char *path,
    struct error *err);

/* The development plan (地域づくり計画) with its progress, as plan_render
 * writes it for the general meeting. */
bool paper_plan(struct store *s, const char *path, struct error *err);

#endif
