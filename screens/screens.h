/*
 * screens — every screen of the kiosk, one `const struct screen` each
 * (see tui/app.h).
 */
#ifndef KYODO_SCREENS_H
#define KYODO_SCREENS_H

#include "core/date.h"
#include "core/record.h"
#include "tui/app.h"

extern const struct screen screen_signin, screen_home, screen_help, screen_settings,
    screen_meetings, screen_events, screen_uses, screen_record_form;

/* What the record form is opened with. */
struct record_form_arg {
	const struct kind *kind;
	const char *uuid;	/* the record to edit; NULL for a new one */
	struct date day;	/* a new record's date */
	/* Called with the saved record's uuid, before the form closes. */
	void (*saved)(void *ctx, const char *uuid);
	void *ctx;
};

#endif
