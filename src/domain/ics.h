/*
 * ics — bookings as an iCalendar file (RFC 5545) for a community calendar
 * or a phone: local times in the time zone Asia/Tokyo, lines folded at 75
 * octets without splitting a character, CRLF line ends.
 */
#ifndef KYODO_ICS_H
#define KYODO_ICS_H

#include "base/buf.h"
#include "record.h"

void ics_begin(struct buf *out, const char *calendar_name);
/* One VEVENT for a booking record; stamp is the UTC time of the export. */
void ics_booking(struct buf *out, const struct record *booking, const char *stamp);
void ics_end(struct buf *out);

#endif
