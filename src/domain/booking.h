/*
 * booking — lending rooms: the rules a booking must keep (inside opening
 * hours and not on a closed day, see opening.h; not too far ahead; not over
 * another live booking of the same room; not more people than the room
 * holds), its fee following the room and times, repeating bookings,
 * cancelling, and checking a booking in as a facility use.
 */
#ifndef KYODO_BOOKING_H
#define KYODO_BOOKING_H

#include <stdbool.h>

#include "base/buf.h"
#include "base/date.h"
#include "base/recur.h"
#include "opening.h"
#include "record.h"

/* kind hook: the store-wide rules above, for one booking. */
bool booking_check_store(struct store *s, const struct record *r, struct error *err);

/* A date of a series that could not be booked because it is taken (or
 * refused for another reason than a closed day). */
struct series_clash {
	struct date date;
	char *holder;		/* the group holding the room then; NULL when none */
	char *why;		/* the refusal's sentence */
};

struct series_result {
	int booked;
	int nskipped;		/* occurrences on closed days, not booked */
	struct date skipped[RECUR_MAX];
	struct buf why;		/* one line per skipped date; caller frees */
	int nclashes;		/* booking_add_free_dates: dates taken, not booked */
	struct series_clash *clashes;	/* owned; series_result_free */
};

/* Frees what res holds (why and the clashes). */
void series_result_free(struct series_result *res);

/* Books every occurrence of rule with the fields of tmpl (its date is the
 * rule's start).  Occurrences on closed days are skipped and listed; if any
 * other occurrence is refused (a collision), nothing is booked and err names
 * every refused date. */
bool booking_add_series(struct store *s, const struct actor *who, const struct record *tmpl,
    const struct recur *rule, struct series_result *res, struct error *err);
/* The same, but a date that is taken (or refused for a reason other than
 * a closed day) is skipped and listed in res->clashes with the group that
 * holds it, and the free dates are booked.  False, nothing written, when
 * no date at all could be booked (err names the refused dates). */
bool booking_add_free_dates(struct store *s, const struct actor *who,
    const struct record *tmpl, const struct recur *rule, struct series_result *res,
    struct error *err);

/* What booking_add_free_dates would book and skip, with nothing written
 * (a form asks before it books part of a series). */
bool booking_series_try(struct store *s, const struct actor *who, const struct record *tmpl,
    const struct recur *rule, struct series_result *res, struct error *err);

/* Which dates of a booking's series a change or a cancel is for: this one
 * only, this and the later live ones, or every live one (a live booking is
 * booked, not used, missed, cancelled or deleted). */
enum booking_scope { BOOKING_ONE, BOOKING_FOLLOWING, BOOKING_ALL };

/* The live dates of uuid's series other than itself: before (earlier) and
 * after (later); both 0 for a booking that does not repeat.  False with
 * err when it cannot be read. */
bool booking_series_others(struct store *s, const char *uuid, int *before, int *after,
    struct error *err);
/* Cancels one booking, or it and the later live occurrences of its series. */
bool booking_cancel(struct store *s, const struct actor *who, const char *uuid,
    bool following, int *cancelled, struct error *err);
/* Cancels the booking and, by scope, the other live dates of its series;
 * all or nothing.  *cancelled gets how many. */
bool booking_cancel_scope(struct store *s, const struct actor *who, const char *uuid,
    enum booking_scope scope, int *cancelled, struct error *err);
/* Applies r's room, times, group, contact, purpose, category, people, fee and
 * waiver to the later live occurrences of its series as well (r itself is
 * saved too).  All or nothing. */
bool booking_update_following(struct store *s, const struct actor *who, struct record *r,
    int *changed, struct error *err);
/* Saves r and, by scope, applies the same terms to the other live dates of
 * its series (their dates stay; a booking changed to cancelled cancels
 * them).  All or nothing; on refusal r still matches the stored row. */
bool booking_update_scope(struct store *s, const struct actor *who, struct record *r,
    enum booking_scope scope, int *changed, struct error *err);
/* Records the facility use of a booking with the real headcount and marks
 * the booking used.  use_uuid (37 bytes) gets the use's id: a new one, or
 * the use of the same room, date, time and group typed by hand before the
 * check-in, which is then tied to the booking rather than counted twice. */
bool booking_check_in(struct store *s, const struct actor *who, const char *uuid,
    const char *people, char *use_uuid, struct error *err);

#endif
