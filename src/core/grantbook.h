/*
 * grantbook — the body's grant applications through their life:
 * draft → applied (申請) → decided (交付決定, city) → results reported
 * (実績報告) → settled (額の確定, city) → paid (city); withdrawn at any point
 * before paid.  An advance payment (概算払, city) is settled against the
 * final amount.  The application row belongs to the center; the city's
 * decision on it is a row of the city's own, and the status people see is
 * derived from both.
 */
#ifndef KYODO_GRANTBOOK_H
#define KYODO_GRANTBOOK_H

#include <stdbool.h>

#include "grant.h"
#include "record.h"

/* kind hooks */
bool programme_check(const struct record *r, struct error *err);
bool application_check_store(struct store *s, const struct record *r, struct error *err);
bool expense_check_store(struct store *s, const struct record *r, struct error *err);

/* The terms of the programme with this uuid. */
bool grant_terms(struct store *s, const char *programme_uuid, struct programme_terms *t,
    struct error *err);

struct grant_line {
	const char *uuid, *center, *title, *program, *program_name, *status;
	int fy;
	long long cost, requested, allowed, decided, advance, spent, final, paid, remaining;
	bool overspent;		/* spent passes the decided (or final) amount */
	bool report_due;	/* decided, not yet reported, and the year is ending */
	bool waiting;		/* applied, no decision yet (the city's queue) */
};

/* The derived status code of a line: draft, applied, decided, reported,
 * settled, paid, withdrawn; and its label in the user's language. */
const char *grant_status_label(const char *status);

/* Calls each for the applications of fiscal year fy (0: all), by year and
 * title; strings are valid during the call.  Returns the count or -1. */
long grant_lines(struct store *s, int fy, void (*each)(void *ctx, const struct grant_line *g),
    void *ctx, struct error *err);

/* The center's moves: applied (sets applied_on), reported (reported_on),
 * withdrawn.  Refused with the reason when the move is not allowed. */
bool grant_move(struct store *s, const struct actor *who, const char *application,
    const char *to, struct error *err);

enum grant_city_step { GRANT_DECIDE, GRANT_ADVANCE, GRANT_SETTLE, GRANT_PAY };
/* The city's steps on an application (city stores only); amount < 0 for pay
 * means "final minus advance"; date NULL means today. */
bool grant_city_step(struct store *s, const struct actor *who, enum grant_city_step step,
    const char *application, long long amount, const char *date, const char *conditions,
    struct error *err);

#endif
