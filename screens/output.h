/*
 * output — 出力 from a screen: what it shows as an Excel workbook on a USB
 * stick (or a folder typed in), written through the sheet layer; a file
 * already there is never replaced (the name gains -2, -3 …).
 */
#ifndef KYODO_SCREENS_OUTPUT_H
#define KYODO_SCREENS_OUTPUT_H

#include "tui/keys.h"

enum output_what {
	OUTPUT_MONTH,		/* the 月報 of year-month (center: at city hall, one center's) */
	OUTPUT_YEAR,		/* the fiscal year fy's report */
	OUTPUT_GRANTS		/* fy's grant applications (0: every year) */
};

struct output_arg {
	enum output_what what;
	int year, month, fy;
	const char *center;	/* NULL or "" for the store's own, or city hall's overview */
};

/* The key that opens it (Ctrl-P), for the screens that offer it. */
extern const struct action_def act_output;

#endif
