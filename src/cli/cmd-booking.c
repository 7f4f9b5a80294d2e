/* kyodo booking cancel|check-in — a booking's life after it is made. */
#include <stdio.h>

#include "cli.h"
#include "domain/booking.h"
#include "base/i18n.h"

static const struct cmd_opt cancel_opts[] = {
	{"db", "FILE", N_("the store")},
	{"following", NULL, N_("also cancel the later dates of a repeating booking")},
	{NULL, NULL, NULL},
};

/* Finds the booking named by the first positional (id, id prefix or group). */
static bool
find_booking(struct store *s, const char *name, struct record *r)
{
	struct error err;

	if (record_find(s, kind_find("booking"), name, r, &err))
		return true;
	cmd_fail("%s", err.text);
	return false;
}

static int
exec_cancel(const struct cmd_entry *self, const struct cmd_args *a)
{
	struct store *s = cmd_open_store(a);
	struct record r;
	struct actor who;
	struct error err;
	int n = 0;
	bool ok;

	(void)self;
	if (s == NULL)
		return EXIT_REFUSED;
	if (!find_booking(s, a->pos[0], &r)) {
		store_close(s);
		return EXIT_REFUSED;
	}
	actor_cli(&who);
	ok = booking_cancel(s, &who, r.uuid, cmd_flag(a, "following"), &n, &err);
	record_free(&r);
	store_close(s);
	if (!ok)
		return cmd_fail("%s", err.text);
	printf(P_("Cancelled %d booking.\n", "Cancelled %d bookings.\n", (unsigned long)n), n);
	return EXIT_DONE;
}

const struct cmd_entry cmd_booking_cancel_entry = {
	.name = "booking cancel",
	.synopsis = "ID --db FILE [--following]",
	.summary = N_("Cancel a booking (and with --following, the later dates of its series)."),
	.opts = cancel_opts,
	.min_pos = 1,
	.max_pos = 1,
	.exec = exec_cancel,
};

static const struct cmd_opt checkin_opts[] = {
	{"db", "FILE", N_("the store")},
	{"people", "N", N_("how many people came")},
	{NULL, NULL, NULL},
};

static int
exec_check_in(const struct cmd_entry *self, const struct cmd_args *a)
{
	const char *people = cmd_opt(a, "people");
	char use[37];
	struct store *s;
	struct record r;
	struct actor who;
	struct error err;
	bool ok;

	if (people == NULL)
		return cmd_usage(self, _("--people is required."));
	s = cmd_open_store(a);
	if (s == NULL)
		return EXIT_REFUSED;
	if (!find_booking(s, a->pos[0], &r)) {
		store_close(s);
		return EXIT_REFUSED;
	}
	actor_cli(&who);
	ok = booking_check_in(s, &who, r.uuid, people, use, &err);
	record_free(&r);
	store_close(s);
	if (!ok)
		return cmd_fail("%s", err.text);
	printf("%s\t%s\n", use, _("Checked in; the facility use is recorded."));
	return EXIT_DONE;
}

const struct cmd_entry cmd_booking_check_in_entry = {
	.name = "booking check-in",
	.synopsis = "ID --db FILE --people N",
	.summary = N_("Record the facility use of a booking with the real headcount."),
	.opts = checkin_opts,
	.min_pos = 1,
	.max_pos = 1,
	.exec = exec_check_in,
};
