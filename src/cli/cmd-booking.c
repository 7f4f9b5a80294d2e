/* kyodo booking cancel|check-in — a booking's life after it is made. */
#include <stdio.h>

#include "cli.h"
#include "domain/booking.h"
#include "base/i18n.h"

static const struct cmd_opt cancel_opts[] = {
	{"db", "FILE", N_("the store")},
	{"following", NULL, N_("also cancel the later dates of a repeating booking")},
	{"all", NULL, N_("cancel every live date of a repeating booking, earlier ones too")},
	{NULL, NULL, NULL},
};

/* Does act, as the command line's actor, to the booking named by the first
 * positional (id, id prefix or group), act's result into out: -1 when done,
 * else the exit status with the refusal said. */
static int
on_booking(const struct cmd_args *a, bool (*act)(struct store *s, const struct actor *who,
    const char *uuid, const struct cmd_args *a, void *out, struct error *err), void *out)
{
	struct store *s = cmd_open_store(a);
	struct record r;
	struct actor who;
	struct error err;
	bool ok;

	if (s == NULL)
		return EXIT_REFUSED;
	if (!record_find(s, kind_find("booking"), a->pos[0], &r, &err)) {
		store_close(s);
		return cmd_fail("%s", err.text);
	}
	actor_cli(&who);
	ok = act(s, &who, r.uuid, a, out, &err);
	record_free(&r);
	store_close(s);
	return ok ? -1 : cmd_fail("%s", err.text);
}

static bool
cancel(struct store *s, const struct actor *who, const char *uuid, const struct cmd_args *a,
    void *cancelled, struct error *err)
{
	enum booking_scope scope = cmd_flag(a, "all") ? BOOKING_ALL :
	    cmd_flag(a, "following") ? BOOKING_FOLLOWING : BOOKING_ONE;

	return booking_cancel_scope(s, who, uuid, scope, cancelled, err);
}

static int
exec_cancel(const struct cmd_entry *self, const struct cmd_args *a)
{
	int n = 0, rc;

	if (cmd_flag(a, "all") && cmd_flag(a, "following"))
		return cmd_usage(self, _("Give --following or --all, not both."));
	rc = on_booking(a, cancel, &n);
	if (rc >= 0)
		return rc;
	printf(P_("Cancelled %d booking.\n", "Cancelled %d bookings.\n", (unsigned long)n), n);
	return EXIT_DONE;
}

const struct cmd_entry cmd_booking_cancel_entry = {
	.name = "booking cancel",
	.synopsis = "ID --db FILE [--following | --all]",
	.summary = N_("Cancel a booking (with --following also the later dates of its series, "
	    "with --all every live date of it)."),
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

static bool
check_in(struct store *s, const struct actor *who, const char *uuid, const struct cmd_args *a,
    void *use, struct error *err)
{
	return booking_check_in(s, who, uuid, cmd_opt(a, "people"), use, err);
}

static int
exec_check_in(const struct cmd_entry *self, const struct cmd_args *a)
{
	char use[37];
	int rc;

	if (cmd_opt(a, "people") == NULL)
		return cmd_usage(self, _("--people is required."));
	rc = on_booking(a, check_in, use);
	if (rc >= 0)
		return rc;
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
