/*
 * screens — every screen of the kiosk, one `const struct screen` each
 * (see tui/app.h).
 */
#ifndef KYODO_SCREENS_H
#define KYODO_SCREENS_H

#include "base/date.h"
#include "domain/record.h"
#include "tui/app.h"

/* The numbers of the screens' own actions (tui/keys.h), one list so no two
 * meet on a screen; each action's keys and words stand beside its screen's
 * code, in the file named. */
enum screen_action {
	ACT_SIGN_IN = ACT_SCREEN, ACT_PIN, ACT_FIRST_ADMIN,	/* signin.c */
	ACT_PIN_DIGITS,						/* pinform.c */
	ACT_STAFF_ADD, ACT_STAFF_ACTIVE, ACT_STAFF_ROLE, ACT_STAFF_PIN,	/* staff.c */
	ACT_EXPORT, ACT_CHOOSE,					/* syncpage.c */
	ACT_IMPORT, ACT_IMPORT_ALL, ACT_ACCEPT_MACHINE,		/* sync.c */
	ACT_SYNC_KEY,						/* synckey.c */
	ACT_REPORT,						/* centers.c */
	ACT_BOOK, ACT_CAL_PREV, ACT_CAL_NEXT,			/* calendar.c */
	ACT_PREV_DAY, ACT_NEXT_DAY, ACT_CHECK_IN, ACT_CANCEL_BOOKING,
	ACT_NEXT_IN_CELL, ACT_OPEN_BOOKING,			/* dayview.c */
	ACT_FISCAL_YEAR,					/* reports.c */
	ACT_NEW_MEMBER, ACT_NEXT_STAGE,				/* body.c */
	ACT_NEW_PROJECT, ACT_NEW_ISSUE,				/* plan.c */
	ACT_GRANT_OPEN,						/* grants.c */
	ACT_NEW_EXPENSE, ACT_GRANT_APPLY, ACT_GRANT_REPORT, ACT_GRANT_WITHDRAW,
	ACT_GRANT_DECIDE, ACT_GRANT_ADVANCE, ACT_GRANT_SETTLE,
	ACT_GRANT_PAY,						/* grantrow.c */
	ACT_CLOSED_DAYS,					/* hours.c */
	ACT_AUDIT_SHOW,						/* audit.c */
	ACT_GUIDES,						/* home.c */
	ACT_WEEK,						/* calendar.c */
	ACT_WEEK_PREV, ACT_WEEK_NEXT, ACT_THIS_WEEK, ACT_AGENDA,	/* week.c */
	ACT_COPY_BOOKING,					/* dayview.c */
	ACT_COPY_RECORD,					/* records.c */
	ACT_SEARCH, ACT_GOTO_DATE, ACT_FIND_OPEN,		/* find.c */
	ACT_UNDELETE,						/* deleted.c */
	ACT_OUTPUT, ACT_OUTPUT_WRITE, ACT_OUTPUT_FORMAT		/* output.c */
};

/* The calendar's n (book), offered by the day grid too. */
extern const struct action_def act_book;

extern const struct screen screen_signin, screen_home, screen_help, screen_settings,
    screen_setup, screen_guides, screen_output, screen_record_form;
/* The list of a dated kind people log; opened with the kind's name
 * ("meeting", "event", "use"). */
extern const struct screen screen_records;

/* What the record form is opened with. */
struct record_form_arg {
	const struct kind *kind;
	const char *uuid;	/* the record to edit; NULL for a new one */
	struct date day;	/* a new record's date */
	/* Called with the saved record's uuid, before the form closes. */
	void (*saved)(void *ctx, const char *uuid);
	void *ctx;
	/* The fields as they were typed before an idle lock (app_draft), or
	 * NULL. */
	char *const *draft;
	/* A record of kind to copy into the new one (uuid NULL): every field
	 * filled from it but the date, which is day; NULL for none. */
	const char *copy;
};

/* Bookings (calendar.c, dayview.c, bookingform.c), rooms and reports. */
extern const struct screen screen_bookings, screen_dayview, screen_booking_form,
    screen_rooms, screen_reports;

/* What the day grid is opened with: the day to show (screen_dayview).
 * follow (may be NULL) gets each day it moves to, so the calendar under it
 * shows that day when it is back on top. */
struct dayview_arg {
	struct date day;
	struct date *follow;
};

/* What the booking form is opened with (screen_booking_form): a new
 * booking, filled in from the highlighted room and slot, with a repeat. */
struct booking_form_arg {
	struct date day;
	const char *room;	/* NULL: none chosen */
	int start, end;		/* the slot, minutes; -1: none */
	long long fee;		/* the room's fee for the slot; -1: none */
	/* A booking whose terms (room, times, group, fee …) fill the form,
	 * on day: a copy; NULL for none. */
	const char *copy;
	/* Called with a single booking's uuid (not for a series). */
	void (*saved)(void *ctx, const char *uuid);
	void *ctx;
};

/* The week of rooms × days (week.c), opened with a struct dayview_arg (the
 * day to show, and whom to tell each day it moves to) or NULL for today,
 * and the coming days' list (agenda.c, arg NULL). */
extern const struct screen screen_week, screen_agenda;

/* The community body, its plan and its grants (body.c, plan.c, grants.c,
 * grantdetail.c). */
extern const struct screen screen_body, screen_plan, screen_grants, screen_grant_detail;

/* For the home screen: the body's stage ("Stage 3: practice", "" when the
 * center has no body) and this fiscal year's grant balance (decided − spent
 * over its decided applications; "" when the year has no application),
 * each one line in the user's language. */
void body_home_lines(struct store *s, char *stage, size_t stage_size, char *grants,
    size_t grants_size);

/* Sync with the USB stick (a center's, or city hall's), and city hall's
 * overview of its centers. */
extern const struct screen screen_sync, screen_centers;

extern const struct screen screen_audit;
/* The records deleted lately, to bring one back (deleted.c). */
extern const struct screen screen_deleted;
/* Staff accounts, for the administrator (staff.c). */
extern const struct screen screen_staff;
/* The opening hours and closed days (hours.c), for center staff and the
 * administrator. */
extern const struct screen screen_hours;
/* The register of user groups (rooms.c; opened with "group"). */
extern const struct screen screen_groups;

#endif
