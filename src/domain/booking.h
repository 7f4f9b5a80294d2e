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

struct series_result {
	int booked;
	int nskipped;		/* occurrences on closed days, not booked */
	struct date skipped[RECUR_MAX];
	struct buf why;		/* one line per skipped date; caller frees */
};

/* Books every occurrence of rule with the fields of tmpl (its date is the
 * rule's start).  Occurrences on closed days are skipped and listed; if any
 * other occurrence is refused (a collision), nothing is booked and err names
 * every refused date. */
bool booking_add_series(struct store *s, const struct actor *who, const struct record *tmpl,
    const struct recur *rule, struct series_result *res, struct error *err);
/* Cancels one booking, or it and the later live occurrences of its series. */
bool booking_cancel(struct store *s, const struct actor *who, const char *uuid,
    bool following, int *cancelled, struct error *err);
/* Applies r's room, times, group, contact, purpose, category, people, fee and
 * waiver to the later live occurrences of its series as well (r itself is
 * saved too).  All or nothing. */
bool booking_update_following(struct store *s, const struct actor *who, struct record *r,
    int *changed, struct error *err);
/* Records the facility use of a booking with the real headcount and marks
 * the booking used.  use_uuid (37 bytes) gets the use's id: a new one, or
 * the use of the same room, date, time and group typed by hand before the
 * check-in, which is then tied to the booking rather than counted twice. */
bool booking_check_in(struct store *s, const struct actor *who, const char *uuid,
    const char *people, char *use_uuid, struct error *err);

#endif
