/*
 * use — the rules a facility use keeps, the same as a booking's: inside the
 * opening hours and not on a closed day (opening.h), not over another use of
 * the same room nor a live booking of it by another group, not more people
 * than the room holds.  A use typed by hand that repeats a booking's
 * check-in (same room, group, date and overlapping time) is refused as that
 * check-in, so the two are never counted twice (and a check-in takes such
 * a use typed before it as its own: booking_check_in).  A use without
 * both times is allowed and meets no other (its time is not known).  A use
 * given no fee gets the room's fee for the slots it covers, less what is
 * waived; given neither fee nor waiver, a group in the register (group.h)
 * gets its category's waiver.
 */
#ifndef KYODO_USE_H
#define KYODO_USE_H

#include "record.h"

/* kind hook: the rules above, for one use.  On success it fills an empty
 * fee into r, which save.c then writes (r is the caller's own record). */
bool use_check_store(struct store *s, const struct record *r, struct error *err);

#endif
