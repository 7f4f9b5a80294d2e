/*
 * dayplan — the center's bookings laid out as the kiosk's calendar shows
 * them: one day as rooms × time slots (which booking holds which slot), and
 * a month as how full each day is (room-slots booked of room-slots open).
 *
 * Only this store's own live bookings count; a cancelled booking frees its
 * slots, while one that was used or missed still held them.  A booking holds
 * every slot it overlaps; one that falls between slots (a lunch-time hour)
 * is shown in the nearest slot, so nothing booked is hidden.
 */
#ifndef KYODO_DAYPLAN_H
#define KYODO_DAYPLAN_H

#include <stdbool.h>

#include "booking.h"
#include "base/date.h"
#include "base/error.h"
#include "room.h"
#include "store/store.h"

struct dayplan_entry {
	char uuid[37];
	char group[256];
	char purpose[416];
	char status[16];	/* "booked", "used", "no-show" */
	int room;		/* index into rooms */
	int start, end;		/* minutes after midnight */
	int first_slot, last_slot;	/* the slots it holds (see dayplan_slots) */
	long people;		/* expected people, 0 when not given */
};

struct dayplan {
	struct date day;
	struct opening opening;
	bool closed;
	char why[256];		/* why the center is closed, "" when open */
	int nrooms;
	struct room_info *rooms;	/* owned: active rooms by name, then any other
					 * room a booking of the day names */
	int nentries;
	struct dayplan_entry *entries;	/* owned, by room then start */
};

/* The slots [*first, *last] a booking from start to end (minutes) holds:
 * those it overlaps, else the nearest one.  False when there are no slots. */
bool dayplan_slots(const struct opening *o, int start, int end, int *first, int *last);

/* Reads day's plan into p (freed with dayplan_free, also after a failure). */
bool dayplan_load(struct store *s, struct date day, struct dayplan *p, struct error *err);
void dayplan_free(struct dayplan *p);
/* The entries holding room's slot: their indexes (at most max) into idx,
 * in start order; returns how many there are in all. */
int dayplan_cell(const struct dayplan *p, int room, int slot, int *idx, int max);

struct dayplan_month {
	int year, month, days;
	struct opening opening;	/* the hours the month was counted by */
	int nrooms;		/* active rooms */
	int nslots;
	bool closed[32];	/* [day], 1-based */
	int booked[32];		/* room-slots held on that day */
	int open[32];		/* room-slots open that day (0 when closed) */
	int bookings[32];	/* live bookings that day */
};

bool dayplan_month(struct store *s, int year, int month, struct dayplan_month *m,
    struct error *err);

/* How many later live occurrences the booking's series has (0 when it has
 * no series or is the last); -1 with err when it cannot be read. */
int dayplan_series_following(struct store *s, const char *uuid, struct error *err);

#endif
