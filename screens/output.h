/*
 * output — 出力 from a screen: what it shows as an Excel workbook or a PDF
 * on a USB stick (or a folder typed in), or printed on the default printer
 * (a record list: as a workbook only, there being no paper form of it);
 * written through the sheet and paper layers, the same functions as the
 * command line's --format xlsx|pdf and --print.  A file already there is
 * never replaced (the name gains -2, -3 …).
 */
#ifndef KYODO_SCREENS_OUTPUT_H
#define KYODO_SCREENS_OUTPUT_H

#include "base/date.h"
#include "domain/record.h"
#include "tui/keys.h"

enum output_what {
	OUTPUT_MONTH,		/* the 月報 of year-month (center: at city hall, one center's) */
	OUTPUT_YEAR,		/* the fiscal year fy's report */
	OUTPUT_GRANTS,		/* fy's grant applications (0: every year) */
	OUTPUT_BOOKINGS,	/* the booking sheet: ndays days from first */
	OUTPUT_PLAN,		/* the development plan */
	OUTPUT_LIST		/* kind's records of year-month that contain filter */
};

struct output_arg {
	enum output_what what;
	int year, month, fy;
	const char *center;	/* NULL or "" for the store's own, or city hall's overview */
	struct date first;	/* OUTPUT_BOOKINGS */
	int ndays;
	const struct kind *kind;	/* OUTPUT_LIST */
	const char *filter;	/* OUTPUT_LIST: NULL or "" for every record */
};

/* The key that opens it (Ctrl-P), for the screens that offer it. */
extern const struct action_def act_output;

#endif
