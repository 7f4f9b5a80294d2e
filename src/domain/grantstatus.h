/*
 * grantstatus — where a grant application stands, and what each standing
 * allows.
 *
 * The application row stores the center's part of it as a code: draft,
 * applied, reported or withdrawn.  The city's decision row adds decided,
 * settled and paid, and the status people see is derived from both
 * (grant_status_derive).  The codes travel in the monthly file and in CSV,
 * so they never change; inside kyodo a status is the enum below, and the
 * kiosk and the command line ask the predicates here rather than compare
 * codes, so each rule about a status is written once.
 *
 * The predicates say which moves a status offers people; the move itself
 * (grant_move, grant_city_step in grantbook.h) checks the stored rows and
 * has the last word.
 */
#ifndef KYODO_GRANTSTATUS_H
#define KYODO_GRANTSTATUS_H

#include <stdbool.h>

enum grant_status {
	GRANT_STATUS_OTHER,	/* a code kyodo does not know (a damaged store) */
	GRANT_STATUS_DRAFT,
	GRANT_STATUS_APPLIED,	/* 申請: sent to the city, no decision yet */
	GRANT_STATUS_DECIDED,	/* 交付決定: the city decided an amount */
	GRANT_STATUS_REPORTED,	/* 実績報告: the center reported its results */
	GRANT_STATUS_SETTLED,	/* 額の確定: the city settled the final amount */
	GRANT_STATUS_PAID,
	GRANT_STATUS_WITHDRAWN,
};

/* The status a code names; GRANT_STATUS_OTHER for NULL or an unknown one. */
enum grant_status grant_status_of(const char *code);
/* The code of s, as stored and written to CSV; "" for GRANT_STATUS_OTHER. */
const char *grant_status_code(enum grant_status s);
/* The label of a code in the user's language; an unknown code as it is. */
const char *grant_status_label(const char *code);

/* The status people see, from the application's stored status and what
 * the city's decision row holds: withdrawn wins; then paid, settled (a
 * final amount), reported, decided (a decided amount); else the stored
 * status. */
enum grant_status grant_status_derive(enum grant_status stored, bool has_decision,
    bool has_final, bool is_paid);

/* Where it stands. */
bool grant_is_withdrawn(enum grant_status s);
/* Applied with no decision yet: the city's queue. */
bool grant_is_waiting(enum grant_status s);
/* The city has decided: there is an amount to spend against (decided,
 * reported, settled, paid). */
bool grant_has_decision(enum grant_status s);
/* The city has settled the final amount (settled, paid). */
bool grant_has_final(enum grant_status s);
/* Expenses may be added: anything but withdrawn. */
bool grant_takes_expenses(enum grant_status s);

/* The center's moves offered: apply (a draft), report the results
 * (decided), withdraw (anything not withdrawn and not yet paid). */
bool grant_can_apply(enum grant_status s);
bool grant_can_report(enum grant_status s);
bool grant_can_withdraw(enum grant_status s);

/* The city's steps offered: decide (waiting), an advance (decided or
 * reported, before the amount is settled), settle (reported), pay
 * (settled). */
bool grant_can_decide(enum grant_status s);
bool grant_can_advance(enum grant_status s);
bool grant_can_settle(enum grant_status s);
bool grant_can_pay(enum grant_status s);

#endif
