/*
 * grants — what the grants list (grants.c) and one application's page
 * (grantdetail.c) share, kept in grantrow.c: an application's line held
 * past the core's callback, the moves people make on it (the center's
 * apply, report and withdraw; the city's decide, advance, settle and pay),
 * and its money drawn as a gauge with the warnings that go with it.
 */
#ifndef KYODO_SCREENS_GRANTS_H
#define KYODO_SCREENS_GRANTS_H

#include <stdbool.h>

#include "domain/grantbook.h"
#include "screens.h"
#include "tui/app.h"

/* The moves on an application (grantrow.c): the center's and the city's. */
extern const struct action_def act_new_expense, act_grant_apply, act_grant_report,
    act_grant_withdraw, act_grant_decide, act_grant_advance, act_grant_settle, act_grant_pay;

/* A grant_line with its strings copied. */
struct grant_row {
	char uuid[37], center[17], center_name[128], title[128], program[32], program_name[160];
	char status[16];		/* the code, for grant_status_label */
	enum grant_status state;	/* for the predicates (grantstatus.h) */
	int fy;
	long long cost, requested, allowed, decided, advance, spent, final, paid, remaining;
	long long planned;	/* expenses before the decision (grant_line) */
	bool overspent, report_due, waiting;
};

void grant_row_from(struct grant_row *r, const struct grant_line *g);
/* The programme as people read it: its name, its code only when it has
 * none. */
const char *grant_row_program(const struct grant_row *r);
/* Reads one application's line; false with err when it is not there. */
bool grant_row_get(struct store *s, const char *uuid, struct grant_row *r, struct error *err);

/* A move waiting for its y/n or its form: kept in the opener's state, so
 * it outlives the key that started it. */
struct grant_pending {
	struct grant_row row;
	enum grant_status to;	/* the status grant_move moves it to */
	enum grant_city_step step;
	/* Called after a change was made, to reload what the opener shows. */
	void (*after)(struct app *a, void *ctx);
	void *ctx;
};

/* The moves that apply to r now (ending with NULL), appended to out
 * from index n; returns the new count.  At city hall the city's steps,
 * at a center the center's. */
int grant_row_actions(const struct grant_row *r, bool city, const struct action_def **out, int n, int max);
/* Acts on r for act (a move, a city step, a new expense): asks first or
 * opens a form.  p is the opener's, filled here.  Returns RES_* bits, 0 when
 * act is not one of these. */
int grant_row_act(struct app *a, struct grant_pending *p, const struct grant_row *r,
    int act);
/* Draws r's money in rows y … y+rows-1: the amounts, the gauge of spent
 * against decided (or final), and the warnings.  rows >= 1. */
void grant_row_draw_money(const struct grant_row *r, bool city, int y, int rows);

#endif
