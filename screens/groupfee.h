/*
 * groupfee — the group of a booking or a facility use, in its form: the
 * field completes from the register of user groups (and from names typed
 * before) as one types; a registered group picked sets the form's waiver
 * and category from its category; and a line under the form shows the fee
 * the room and times come to, what is waived and what is left to pay,
 * before anything is saved.
 */
#ifndef KYODO_SCREENS_GROUPFEE_H
#define KYODO_SCREENS_GROUPFEE_H

#include "base/buf.h"
#include "domain/group.h"
#include "tui/app.h"
#include "tui/form.h"

struct groupfee {
	bool on;			/* the form's kind has a group and a fee */
	struct group_names names;
	char last[256];			/* the group as last looked up */
	bool registered;		/* last names a registered group */
	struct group_info info;
	/* A booking: the fee the form was opened with (the slot's), which
	 * follows the times while left as it is; "" for none. */
	const char *fee_shown;
};

/* Loads the names and ties the form's group field to them (a booking's or
 * a use's form; for other kinds g stays off). */
void groupfee_init(struct groupfee *g, struct app *a, struct form *f, const char *fee_shown);
void groupfee_free(struct groupfee *g);
/* After a key: a group field that now names another registered group sets
 * the waiver (a booking's kind of waiver) and the category from it, and a
 * booking's empty contact to its representative and contact. */
void groupfee_follow(struct groupfee *g, struct app *a, struct form *f);
/* The line under the form: "Fee ¥1,000, waived ¥500 (Registered group:
 * Half waiver): ¥500 to pay."; empty when the fee cannot be told yet. */
void groupfee_line(struct groupfee *g, struct app *a, const struct form *f, struct buf *out);

#endif
