/*
 * report — the monthly usage report (月報) the city asks each center for,
 * and the fiscal-year view of it.
 *
 * Per room: uses (回数), users (延べ利用者数), days used, occupancy
 * (稼働率 = days used ÷ days open × 100, in tenths, rounded half up), uses by
 * category and by slot, fees charged and fees waived (減免額); the center's
 * own programmes (主催事業: sessions and attendance); a total row; uses per
 * day.  One indexed pass over the month's facility use; integer arithmetic.
 * Beside facility use, the body's work in the month: meetings (回数,
 * 延べ出席者) and events (回数, 参加者, ボランティア), counted and listed.
 */
#ifndef KYODO_REPORT_H
#define KYODO_REPORT_H

#include <stdbool.h>

#include "booking.h"
#include "base/buf.h"
#include "base/enc.h"
#include "base/error.h"
#include "store/store.h"

#define REPORT_CATEGORIES 5	/* own, body, group, individual, city */

struct report_row {
	char room[128];			/* the room; in city hall's overview the center's name */
	char code[17];			/* in city hall's overview: the center's code */
	long uses, users, days_used;
	long by_category[REPORT_CATEGORIES];
	long by_slot[OPENING_MAX_SLOTS + 1];	/* the last: outside every slot */
	long long fee, waived;
	unsigned int day_mask;	/* bit d-1: used on day d */
	int occupancy_tenths;	/* 稼働率 × 10 */
	/* Meetings and events: a center's in its total row (rooms hold none),
	 * at city hall's overview each center's in its row. */
	long meetings, attendees, events, participants, volunteers;
};

/* One meeting or event of the month (attendees, or participants and
 * volunteers). */
struct report_item {
	char date[11], start[6];
	char title[128];
	long people, volunteers;
};

struct report {
	int year, month;
	int days_open;
	struct opening opening;
	int nrows;
	struct report_row *rows;	/* owned */
	struct report_row total;
	long own_sessions, own_attendance;
	long per_day[32];		/* uses on day 1..31 */
	bool by_center;			/* rows are centers (city hall's overview) */
	/* A center's month: its meetings and events by date (owned; none in
	 * city hall's overview). */
	struct report_item *meeting_list, *event_list;
	int nmeeting_list, nevent_list;
};

bool report_monthly(struct store *s, int year, int month, struct report *r, struct error *err);
/* The same for one center's rows (at city hall: as that center reported;
 * center NULL: every row the store holds). */
bool report_monthly_center(struct store *s, int year, int month, const char *center,
    struct report *r, struct error *err);

/* City hall's overview: one row per enrolled center (its name in room, its
 * code in code). */
bool report_centers(struct store *s, int year, int month, struct report *r, struct error *err);
/* The month's report as `kyodo report monthly` shows it: at city hall
 * without a center, the centers' overview; else report_monthly_center. */
bool report_month(struct store *s, int year, int month, const char *center, struct report *r,
    struct error *err);
void report_free(struct report *r);
/* At city hall: the enrolled name of the center with code, for titles;
 * the code itself when it has none. */
void report_center_name(struct store *s, const char *code, char *out, size_t size);
/* The category codes in column order. */
const char *report_category(int i);
/* The category's label in the user's language (the use kind's choice). */
const char *report_category_label(int i);

/* The report as text that fits 80 columns and prints cleanly. */
void report_text(const struct report *r, struct buf *out);
/* "Meetings: N, attendees in total: M" (events: true, the events' line),
 * the same words on screen and on paper. */
void report_activity_line(const struct report *r, bool events, char *out, size_t size);
/* The report as CSV (header row, one row per room, then the total; the
 * meetings' and events' columns last, empty on a room's row). */
void report_csv(const struct report *r, struct buf *out);

/* The fiscal year (April–March) view: uses per room per month, then
 * meetings and events per month. */
struct report_year {
	int fy;
	int nrows;
	struct { char room[128]; long uses[12], users[12]; } *rows;	/* owned */
	long total_uses[12], total_users[12];
	long meetings[12], attendees[12], events[12], participants[12], volunteers[12];
};

bool report_year(struct store *s, int fy, struct report_year *y, struct error *err);
void report_year_free(struct report_year *y);
/* A row's twelve months (uses or users) summed: its year. */
long report_year_sum(const long months[12]);
void report_year_text(const struct report_year *y, struct buf *out);
void report_year_csv(const struct report_year *y, struct buf *out);

#endif
