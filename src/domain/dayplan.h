/*
 * dayplan — what takes the center's rooms, laid out as the kiosk shows it:
 * one day as rooms × time slots (which booking, meeting or facility use
 * holds which slot), a week as seven such days over one list of rooms, the
 * coming days as one list in date and time order (events too), and a month
 * as how full each day is (room-slots booked of room-slots open).
 *
 * Only this store's own rows count.  A cancelled booking frees its slots,
 * while one that was used or missed still held them.  A meeting takes a
 * room when it names one of the rooms; a facility use always does.  A use
 * made by checking a booking in (its `booking` names a live booking of the
 * same day) is that booking, shown once, as the booking.  An entry holds
 * every slot it overlaps; one that falls between slots (a lunch-time hour)
 * is shown in the nearest slot, so nothing is hidden.  One without times
 * (a meeting or use logged without them: its time is not known) holds no
 * slot and is listed with its room.
 */
#ifndef KYODO_DAYPLAN_H
#define KYODO_DAYPLAN_H

#include <stdbool.h>

#include "booking.h"
#include "base/date.h"
#include "base/error.h"
#include "room.h"
#include "store/store.h"

/* What an entry is: the record kind it stands for. */
enum dayplan_kind { DAYPLAN_BOOKING, DAYPLAN_MEETING, DAYPLAN_USE, DAYPLAN_EVENT };

/* The kind's record name ("booking", "meeting", "use", "event"). */
const char *dayplan_kind_name(enum dayplan_kind k);
/* The kind's label (予約, 会議, 施設利用, 行事) and one-character mark (予, 会,
 * 利, 行), in the user's language. */
const char *dayplan_kind_label(enum dayplan_kind k);
const char *dayplan_kind_mark(enum dayplan_kind k);

struct dayplan_entry {
	enum dayplan_kind kind;
	char uuid[37];
	char group[256];	/* the name shown: a booking's or use's group (a
				 * use without one: its category), a meeting's
				 * or event's title */
	char purpose[416];	/* a booking's purpose, a meeting's kind, a use's
				 * category, an event's field */
	char status[16];	/* a booking's "booked", "used", "no-show"; "" */
	int room;		/* index into rooms */
	bool timed;		/* start and end given */
	int start, end;		/* minutes after midnight (0 when not timed) */
	int first_slot, last_slot;	/* the slots it holds (see dayplan_slots);
					 * -1 when not timed */
	long people;		/* expected people (a used booking: who came),
				 * 0 when not given */
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
	struct dayplan_entry *entries;	/* owned, by room then start (untimed
					 * first), bookings before the others */
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
/* The same for the room's entries without times (slot taken as -1). */
int dayplan_untimed(const struct dayplan *p, int room, int *idx, int max);
/* "09:30-11:30", or "" when e has no times (out: 12 bytes). */
void dayplan_entry_times(const struct dayplan_entry *e, char *out);

/* A week (or any run of days) over one list of rooms: the active rooms,
 * then any other room an entry of the days names. */
#define DAYPLAN_WEEK 7
struct dayplan_week {
	struct date first;
	int ndays;
	struct dayplan day[DAYPLAN_WEEK];	/* their entries' room is an index
						 * into rooms here (theirs are
						 * empty) */
	int nrooms;
	struct room_info *rooms;	/* owned */
};

/* Reads ndays (at most DAYPLAN_WEEK) days from first into w (freed with
 * dayplan_week_free, also after a failure). */
bool dayplan_week_load(struct store *s, struct date first, int ndays,
    struct dayplan_week *w, struct error *err);
void dayplan_week_free(struct dayplan_week *w);
/* The Sunday of d's week (the calendar's weeks start on Sunday). */
struct date dayplan_week_start(struct date d);

/* The coming days as one list: every booking, meeting, facility use and
 * event of the days from first on (each entry's day in `date`, its room's
 * name in `room_name`), by date then time.  With rooms_only, only what
 * takes a room, as on the day's grid (no events, no meeting elsewhere). */
struct dayplan_item {
	struct date date;
	struct dayplan_entry e;	/* e.room is not used */
	char room_name[128];	/* "" for an event or a meeting without a room */
};

struct dayplan_agenda {
	struct date first;
	int ndays;
	int nitems;
	struct dayplan_item *items;	/* owned */
};

bool dayplan_agenda_load(struct store *s, struct date first, int ndays, bool rooms_only,
    struct dayplan_agenda *ag, struct error *err);
void dayplan_agenda_free(struct dayplan_agenda *ag);

struct dayplan_month {
	int year, month, days;
	struct opening opening;	/* the hours the month was counted by */
	int nrooms;		/* active rooms */
	int nslots;
	bool closed[32];	/* [day], 1-based */
	int booked[32];		/* room-slots held on that day (by bookings,
				 * meetings and uses, as the day's grid) */
	int open[32];		/* room-slots open that day (0 when closed) */
	int bookings[32];	/* live bookings that day */
};

bool dayplan_month(struct store *s, int year, int month, struct dayplan_month *m,
    struct error *err);

/* How many later live occurrences the booking's series has (0 when it has
 * no series or is the last); -1 with err when it cannot be read. */
int dayplan_series_following(struct store *s, const char *uuid, struct error *err);

#endif
