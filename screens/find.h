/*
 * find — finding a record in every month of a list (screen_find, opened
 * with / from a record list) and going to a day typed as people write it
 * (screen_date_ask, opened with act_goto_date from the record lists, the
 * booking calendar and the day grid).
 */
#ifndef KYODO_SCREENS_FIND_H
#define KYODO_SCREENS_FIND_H

#include "base/date.h"
#include "domain/record.h"
#include "tui/app.h"

/* F8: ask for a date and go there; the record lists, the calendar and the
 * day grid offer it. */
extern const struct action_def act_goto_date;
/* /: search every month of a record list. */
extern const struct action_def act_search;

struct find_arg {
	const struct kind *kind;
	const char *text;	/* the words to start with, or NULL */
	/* Called with the record chosen (Enter), before the search closes. */
	void (*chosen)(void *ctx, const char *uuid);
	void *ctx;
};
extern const struct screen screen_find;

struct date_ask_arg {
	struct date day;	/* the day shown now: the prompt starts empty */
	/* Called with the day typed, before the prompt closes. */
	void (*go)(struct app *a, void *ctx, struct date d);
	void *ctx;
};
extern const struct screen screen_date_ask;

#endif
