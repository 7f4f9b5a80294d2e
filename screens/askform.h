/*
 * askform — a form that starts filled in and hands what it collects to
 * its opener: an expense for the application selected, a milestone with
 * its code chosen, the reason for an override, the city's decision on a
 * grant.  The kind may be a record kind of the core or a small one of the
 * opener's own (fields checked by the same field_parse as every form).
 */
#ifndef KYODO_SCREENS_ASKFORM_H
#define KYODO_SCREENS_ASKFORM_H

#include "domain/record.h"
#include "tui/app.h"

struct ask_form_arg {
	const struct kind *kind;
	const char *title;	/* the title bar; NULL: the kind's label and "New" */
	const char *note;	/* said above the fields (wrapped), or NULL */
	/* Starting values by field index, canonical text; NULL leaves the
	 * field's default. */
	const char *values[RECORD_MAX_FIELDS];
	int first;		/* the field the cursor starts on */
	/* Called with the collected record (record_check passed).  Returns
	 * false with err to keep the form open showing err.  NULL: the record
	 * is stored as a new one under the signed-in staff member. */
	bool (*done)(struct app *a, void *ctx, struct record *r, struct error *err);
	/* After a record was stored (done NULL): its uuid.  May be NULL. */
	void (*saved)(void *ctx, const char *uuid);
	void *ctx;
};

extern const struct screen screen_ask_form;

#endif
