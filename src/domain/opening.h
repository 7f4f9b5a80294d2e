/*
 * opening — when the center is open: its time slots, the days it is closed
 * (yearly, weekly, holidays, and the dates added as records of kind
 * "closed"), and the booking horizon.  Bookings and facility use both keep
 * these rules.
 *
 * Opening comes from settings: "slots" (default
 * "09:00-12:00,13:00-17:00,18:00-22:00"), "closed_yearly" (default
 * "12-29..01-03"), "closed_weekday" (0 = Sunday … 6; empty for none),
 * "open_on_holidays" ("yes"/"no"; default yes), "booking_horizon_months"
 * (empty for no limit).
 */
#ifndef KYODO_OPENING_H
#define KYODO_OPENING_H

#include <stdbool.h>

#include "base/buf.h"
#include "base/date.h"
#include "base/error.h"
#include "store/store.h"

#define OPENING_DEFAULT_SLOTS "09:00-12:00,13:00-17:00,18:00-22:00"
#define OPENING_DEFAULT_YEARLY "12-29..01-03"
#define OPENING_MAX_SLOTS 8
#define OPENING_MAX_RANGES 8

struct opening {
	int nslots;
	int slot_start[OPENING_MAX_SLOTS], slot_end[OPENING_MAX_SLOTS];	/* minutes */
	int nranges;
	struct { int m1, d1, m2, d2; } yearly[OPENING_MAX_RANGES];
	int closed_weekday;	/* -1: none */
	bool open_on_holidays;
	int horizon_months;	/* 0: no limit */
};

/* Reads the settings (defaults where unset).  false with err when a
 * setting cannot be read as documented above. */
bool opening_load(struct store *s, struct opening *o, struct error *err);
/* Checks a setting's value before it is saved (same rules as load). */
bool opening_setting_valid(const char *key, const char *value, struct error *err);
/* True when the center is closed on d; why (may be NULL) gets the reason:
 * the yearly closing, the weekly closing day, a holiday, or an added date. */
bool opening_closed(struct store *s, const struct opening *o, struct date d,
    struct buf *why);
/* The same for the center whose rows carry origin (at city hall, each
 * center's added closed days are its own). */
bool opening_closed_at(struct store *s, const struct opening *o, struct date d,
    const char *origin, struct buf *why);
/* closed[day] for each day of the month (1-based; [0] unused): what
 * opening_closed_at says of it for origin, with one store read for the
 * whole month.  False when the store cannot be read. */
bool opening_closed_month(struct store *s, const struct opening *o, int year, int month,
    const char *origin, bool closed[32]);
/* The slot's name: 午前/午後/夜間 for the usual three, else its times. */
void opening_slot_name(const struct opening *o, int i, char *out, size_t size);
/* The slot a time range falls in most, or -1. */
int opening_slot_of(const struct opening *o, int start, int end);

/* How many slots the range start–end (minutes) overlaps. */
int opening_slots_covered(const struct opening *o, int start, int end);

#endif
