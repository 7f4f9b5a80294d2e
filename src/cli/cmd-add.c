/* kyodo add KIND — add a record, through the same checks as the kiosk form.
 * A booking may repeat (--repeat with --until or --count). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "domain/booking.h"
#include "domain/grantbook.h"
#include "base/i18n.h"
#include "base/text.h"
#include "kindhelp.h"

static const struct cmd_opt opts[] = {
	{"db", "FILE", N_("the store")},
	{"repeat", "RULE", N_("booking: weekly, every-N-weeks (e.g. every-2-weeks) or monthly-nth")},
	{"until", "YYYY-MM-DD", N_("booking: repeat up to this date")},
	{"count", "N", N_("booking: repeat this many times")},
	{"skip-taken", NULL, N_("booking: book the free dates and list the taken ones (each "
	    "with the group holding it) instead of refusing the whole series")},
	{NULL, NULL, NULL},
};

/* A field by its name as an option: --exemption_reason or, as options
 * usually read, --exemption-reason. */
static int
field_by_option(const struct kind *k, const char *name)
{
	char alt[64];
	size_t i;

	if (kind_field(k, name) >= 0)
		return kind_field(k, name);
	snprintf(alt, sizeof alt, "%s", name);
	for (i = 0; alt[i] != '\0'; i++)
		if (alt[i] == '-')
			alt[i] = '_';
	return kind_field(k, alt);
}

static bool
is_command_option(const char *name)
{
	return strcmp(name, "db") == 0 || strcmp(name, "repeat") == 0 ||
	    strcmp(name, "until") == 0 || strcmp(name, "count") == 0 ||
	    strcmp(name, "skip-taken") == 0;
}

/* Reads --repeat/--until/--count into rule; returns -1 to go on, or the
 * exit status of a usage error. */
static int
read_rule(const struct cmd_entry *self, const struct cmd_args *a, const struct record *r,
    struct recur *rule)
{
	const char *repeat = cmd_opt(a, "repeat"), *until = cmd_opt(a, "until");
	const char *count = cmd_opt(a, "count");
	char *end;
	long n;

	memset(rule, 0, sizeof *rule);
	if (repeat == NULL) {
		if (until != NULL || count != NULL || cmd_flag(a, "skip-taken"))
			return cmd_usage(self, _("--until, --count and --skip-taken go with --repeat."));
		return -1;
	}
	if (strcmp(r->kind->name, "booking") != 0)
		return cmd_usage(self, _("Only a booking can repeat."));
	if (!recur_parse_kind(repeat, &rule->kind, &rule->weeks))
		return cmd_usage(self, _("--repeat is weekly, every-N-weeks or monthly-nth."));
	if ((until == NULL) == (count == NULL))
		return cmd_usage(self, _("A repeating booking needs --until or --count."));
	if (until != NULL) {
		const char *start = r->value[kind_field(r->kind, "date")];

		rule->has_until = true;
		if (!date_parse(until, &rule->until))
			return cmd_usage(self, _("--until takes a date, YYYY-MM-DD."));
		if (start != NULL && strcmp(until, start) < 0 && strlen(until) == 10)
			return cmd_usage(self, _("--until %s is before the first date %s."), until, start);
	} else {
		n = strtol(count, &end, 10);
		if (*count == '\0' || *end != '\0' || n < 1 || n > RECUR_MAX)
			return cmd_usage(self, _("--count takes a whole number from 1 to %d."), RECUR_MAX);
		rule->count = (int)n;
	}
	return -1;
}

/* "2026-12-08 囲碁クラブ" a line for each taken date skipped. */
static void
print_clashes(const struct series_result *res)
{
	char iso[11], *shown;
	int i;

	if (res->nclashes == 0)
		return;
	printf(P_("Skipped %d date already taken:\n", "Skipped %d dates already taken:\n",
	    (unsigned long)res->nclashes), res->nclashes);
	for (i = 0; i < res->nclashes; i++) {
		date_format(res->clashes[i].date, iso);
		shown = text_visible(res->clashes[i].holder != NULL ? res->clashes[i].holder :
		    res->clashes[i].why);
		printf("%s %s\n", iso, shown);
		free(shown);
	}
}

static int
add_series(struct store *s, const struct actor *who, struct record *r, struct recur *rule,
    bool skip_taken)
{
	struct series_result res;
	struct error err;
	bool ok;

	date_parse(r->value[kind_field(r->kind, "date")], &rule->start);
	ok = skip_taken ? booking_add_free_dates(s, who, r, rule, &res, &err) :
	    booking_add_series(s, who, r, rule, &res, &err);
	if (!ok) {
		series_result_free(&res);
		return cmd_fail("%s", err.text);
	}
	printf(P_("Booked %d date.\n", "Booked %d dates.\n", (unsigned long)res.booked), res.booked);
	print_clashes(&res);
	if (res.nskipped > 0) {
		printf(P_("Skipped %d date when the center is closed:\n",
		    "Skipped %d dates when the center is closed:\n", (unsigned long)res.nskipped),
		    res.nskipped);
		fputs(buf_str(&res.why), stdout);
	}
	series_result_free(&res);
	return EXIT_DONE;
}

static int
exec_add(const struct cmd_entry *self, const struct cmd_args *a)
{
	const struct kind *k = kindhelp_kind(self, a->pos[0]);
	struct record r;
	struct recur rule;
	struct actor who;
	struct error err;
	struct store *s;
	struct buf sum = {0};
	const char *warn = NULL;
	int i, f, rc;

	if (k == NULL)
		return EXIT_USAGE;
	record_init(&r, k);
	for (i = 0; i < a->nopt; i++) {
		if (is_command_option(a->opt[i].name))
			continue;
		f = field_by_option(k, a->opt[i].name);
		if (f < 0) {
			record_free(&r);
			return cmd_usage(self, _("A %s has no field --%s (see kyodo add %s --help)."),
			    k->name, a->opt[i].name, k->name);
		}
		if (!record_set(&r, f, a->opt[i].value, &err)) {
			record_free(&r);
			return cmd_fail("%s", err.text);
		}
	}
	rc = read_rule(self, a, &r, &rule);
	if (rc >= 0) {
		record_free(&r);
		return rc;
	}
	if (!record_check(&r, &err)) {
		record_free(&r);
		return cmd_fail("%s", err.text);
	}
	s = cmd_open_store(a);
	if (s == NULL) {
		record_free(&r);
		return EXIT_REFUSED;
	}
	actor_cli(&who);
	/* A decision goes through the city's rules for making one: its uuid is
	 * its application's, and the application's status is asked. */
	if (cmd_opt(a, "repeat") != NULL)
		rc = add_series(s, &who, &r, &rule, cmd_flag(a, "skip-taken"));
	else if (!(strcmp(k->name, "decision") == 0 ? grant_decision_add(s, &who, &r, &err) :
	    record_insert(s, &who, &r, &err)))
		rc = cmd_fail("%s", err.text);
	else {
		char *shown;

		record_summary(&r, &sum);
		shown = text_visible(buf_str(&sum));
		printf("%s\t%s\n", r.uuid, shown);
		free(shown);
		buf_free(&sum);
		/* Saved, yet not spent: said beside the id, not in it. */
		if (strcmp(k->name, "expense") == 0)
			warn = grant_expense_warning(s, r.ref_id[kind_field(k, "application")]);
		if (warn != NULL)
			fprintf(stderr, "kyodo: %s %s\n", _("warning:"), warn);
		rc = EXIT_DONE;
	}
	record_free(&r);
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_add_entry = {
	.name = "add",
	.synopsis = "KIND --db FILE --FIELD VALUE ... [--repeat RULE (--until DATE | --count N) [--skip-taken]]",
	.summary = N_("Add a record; prints its id. Fields are checked as in the kiosk's form."),
	.opts = opts,
	.min_pos = 1,
	.max_pos = 1,
	.field_opts = true,
	.exec = exec_add,
	.more_help = kindhelp_print,
};
