/* grantstatus — see grantstatus.h. */
#include "grantstatus.h"

#include <stddef.h>
#include <string.h>

#include "base/i18n.h"

/* Each status's code and label, by enum value. */
static const struct {
	const char *code, *label;
} statuses[] = {
	[GRANT_STATUS_OTHER] = {"", ""},
	[GRANT_STATUS_DRAFT] = {"draft", N_("Draft")},
	[GRANT_STATUS_APPLIED] = {"applied", N_("Applied")},
	[GRANT_STATUS_DECIDED] = {"decided", N_("Decided")},
	[GRANT_STATUS_REPORTED] = {"reported", N_("Results reported")},
	[GRANT_STATUS_SETTLED] = {"settled", N_("Settled")},
	[GRANT_STATUS_PAID] = {"paid", N_("Paid")},
	[GRANT_STATUS_WITHDRAWN] = {"withdrawn", N_("Withdrawn")},
};

#define NSTATUSES ((int)(sizeof statuses / sizeof statuses[0]))

enum grant_status
grant_status_of(const char *code)
{
	int i;

	if (code == NULL)
		return GRANT_STATUS_OTHER;
	for (i = GRANT_STATUS_OTHER + 1; i < NSTATUSES; i++)
		if (strcmp(statuses[i].code, code) == 0)
			return (enum grant_status)i;
	return GRANT_STATUS_OTHER;
}

const char *
grant_status_code(enum grant_status s)
{
	return (int)s > GRANT_STATUS_OTHER && (int)s < NSTATUSES ? statuses[s].code : "";
}

const char *
grant_status_label(const char *code)
{
	enum grant_status s = grant_status_of(code);

	/* A code kyodo does not know is shown as stored rather than hidden. */
	return s == GRANT_STATUS_OTHER ? code : _(statuses[s].label);
}

enum grant_status
grant_status_derive(enum grant_status stored, bool has_decision, bool has_final, bool is_paid)
{
	/* The center's withdrawal ends the application whatever the city's
	 * row says; the city's steps come after the center's report. */
	if (stored == GRANT_STATUS_WITHDRAWN)
		return GRANT_STATUS_WITHDRAWN;
	if (is_paid)
		return GRANT_STATUS_PAID;
	if (has_final)
		return GRANT_STATUS_SETTLED;
	if (stored == GRANT_STATUS_REPORTED)
		return GRANT_STATUS_REPORTED;
	if (has_decision)
		return GRANT_STATUS_DECIDED;
	return stored;
}

bool
grant_is_withdrawn(enum grant_status s)
{
	return s == GRANT_STATUS_WITHDRAWN;
}

bool
grant_is_waiting(enum grant_status s)
{
	return s == GRANT_STATUS_APPLIED;
}

bool
grant_has_decision(enum grant_status s)
{
	return s == GRANT_STATUS_DECIDED || s == GRANT_STATUS_REPORTED || grant_has_final(s);
}

bool
grant_has_final(enum grant_status s)
{
	return s == GRANT_STATUS_SETTLED || s == GRANT_STATUS_PAID;
}

bool
grant_takes_expenses(enum grant_status s)
{
	return !grant_is_withdrawn(s);
}

bool
grant_can_apply(enum grant_status s)
{
	return s == GRANT_STATUS_DRAFT;
}

bool
grant_can_report(enum grant_status s)
{
	return s == GRANT_STATUS_DECIDED;
}

bool
grant_can_withdraw(enum grant_status s)
{
	/* Money paid out cannot be taken back by withdrawing. */
	return !grant_is_withdrawn(s) && s != GRANT_STATUS_PAID;
}

bool
grant_can_decide(enum grant_status s)
{
	return grant_is_waiting(s);
}

bool
grant_can_advance(enum grant_status s)
{
	return s == GRANT_STATUS_DECIDED || s == GRANT_STATUS_REPORTED;
}

bool
grant_can_settle(enum grant_status s)
{
	return s == GRANT_STATUS_REPORTED;
}

bool
grant_can_pay(enum grant_status s)
{
	return s == GRANT_STATUS_SETTLED;
}
