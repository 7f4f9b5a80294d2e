/*
 * grantbook — the body's grant applications through their life:
 * draft → applied (申請) → decided (交付決定, city) → results reported
 * (実績報告) → settled (額の確定, city) → paid (city); withdrawn at any point
 * before paid.  An advance payment (概算払, city) is settled against the
 * final amount.  The application row belongs to the center; the city's
 * decision on it is a row of the city's own, and the status people see is
 * derived from both (grantstatus.h).
 *
 * One header, three files: grantbook.c (the programmes' terms, the rules for
 * programme, application and expense rows, the center's moves),
 * grantdecision.c (the city's decision: its rules and the city's steps) and
 * grantlines.c (the lines people see).
 */
#ifndef KYODO_GRANTBOOK_H
#define KYODO_GRANTBOOK_H

#include <stdbool.h>

#include "grant.h"
#include "grantstatus.h"
#include "record.h"

/* kind hooks (grantbook.c; decision_check_store in grantdecision.c) */
bool programme_check(const struct record *r, struct error *err);
bool application_check_store(struct store *s, const struct record *r, struct error *err);
bool expense_check_store(struct store *s, const struct record *r, struct error *err);

/* The decision kind's check_store: what a decision row must be, against the
 * store, whoever writes it and wherever — record_insert and record_update at
 * city hall (the kiosk's steps, `kyodo grant decide|advance|settle|pay`,
 * `kyodo add decision`) and the import of the city's file at a center, row
 * by row.  It depends on neither the store's kind nor the actor, and does not
 * look at the application's status (see grant_decision_add).  A tombstone
 * (r->deleted) passes.  Otherwise, refused with one sentence naming the field
 * or rule, unless:
 *  - application names an application in this store, not deleted;
 *  - center is that application's origin;
 *  - decided_amount and decided_on are both given, and each other amount
 *    comes with its date and each date with its amount (advance_amount and
 *    advance_on, final_amount and settled_on, paid_amount and paid_on);
 *  - decided_amount <= the application's requested amount, and <= what its
 *    programme allows for its cost (grant_terms, grant_allowed) — the
 *    programme is asked only when the decided amount is new or changed from
 *    the stored row with this uuid, so a programme's terms changed later do
 *    not make the decisions made under them refused;
 *  - advance_amount <= decided_amount, final_amount <= decided_amount,
 *    paid_amount <= final_amount, and paid only once settled;
 *  - advance_on and settled_on are not before decided_on, paid_on not
 *    before settled_on;
 *  - no other live decision row (another uuid) names the same application. */
bool decision_check_store(struct store *s, const struct record *r, struct error *err);

/* The terms of the programme with this uuid. */
bool grant_terms(struct store *s, const char *programme_uuid, struct programme_terms *t,
    struct error *err);

struct grant_line {
	const char *uuid, *center, *title, *program, *program_name;
	const char *center_name;	/* the enrolled center's name; its code if unknown */
	const char *status;		/* the derived status's code, as CSV writes it */
	enum grant_status state;	/* the same, for the predicates of grantstatus.h */
	int fy;
	long long cost, requested, allowed, decided, advance, spent, final, paid, remaining;
	/* Expenses of an application the city has not decided on: kept as
	 * planned (予定), not in spent until the decision. */
	long long planned;
	bool overspent;		/* spent passes the decided (or final) amount */
	bool report_due;	/* decided, not yet reported, and the year is ending */
	bool waiting;		/* applied, no decision yet (the city's queue) */
};

/* Calls each for the applications of fiscal year fy (0: all), by year and
 * title; strings are valid during the call.  Returns the count or -1. */
long grant_lines(struct store *s, int fy, void (*each)(void *ctx, const struct grant_line *g),
    void *ctx, struct error *err);

/* An expense on an application the city has not decided yet is kept only
 * as planned: the sentence that says so, in the user's language, or NULL
 * when the application has a decision (or is not there). */
const char *grant_expense_warning(struct store *s, const char *application);

/* The center's moves: applied (sets applied_on), reported (reported_on),
 * withdrawn.  Refused with the reason when the move is not allowed. */
bool grant_move(struct store *s, const struct actor *who, const char *application,
    const char *to, struct error *err);

enum grant_city_step { GRANT_DECIDE, GRANT_ADVANCE, GRANT_SETTLE, GRANT_PAY };
/* The city's steps on an application (city stores only); amount < 0 for pay
 * means "final minus advance"; date NULL means today.  A new decision takes
 * the application's uuid (see grant_decision_add). */
bool grant_city_step(struct store *s, const struct actor *who, enum grant_city_step step,
    const char *application, long long amount, const char *date, const char *conditions,
    struct error *err);

/* Adds the decision r, made whole (`kyodo add decision`).  Its uuid becomes
 * its application's, as grant_city_step's decisions do: a decision made
 * again after city hall restores a backup is then the same row, which
 * replaces the center's copy instead of colliding with it.  The city's rule
 * on the application's status is here, not in decision_check_store (the
 * status is the center's and moves on after the decision, so a city file
 * must not be refused for it): a decision is made on an applied
 * application, never on a draft, a withdrawn or a reported one, and its
 * final amount comes later (settled after the results report).  Refused in
 * a sentence when the application has a live decision already; a tombstone
 * with the application's uuid is brought back as its next version. */
bool grant_decision_add(struct store *s, const struct actor *who, struct record *r,
    struct error *err);

#endif
