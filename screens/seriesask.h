/*
 * seriesask — the question a booking of a series asks before it is
 * changed or cancelled: 1 this date only, 2 this and the following dates,
 * 3 every live date of the series (the day grid's cancel, the booking
 * form's save).  The words, and the key that answers it.
 */
#ifndef KYODO_SCREENS_SERIESASK_H
#define KYODO_SCREENS_SERIESASK_H

#include "base/buf.h"
#include "domain/booking.h"
#include "tui/keys.h"

/* The choices, one line: "1: this date only   2: this and the 2 following
 * dates   3: all 4 dates   Esc: <esc>", for a booking with before earlier
 * and after later live dates in its series.  esc is already translated. */
void seriesask_choices(struct buf *out, int before, int after, const char *esc);
/* The scope key k answers (1, 2 or 3), or -1 when it is none of them. */
int seriesask_key(struct key k);

#endif
