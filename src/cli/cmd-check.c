/* kyodo check — integrity and foreign-key check of a store. */
#include <stdio.h>

#include "cli.h"
#include "base/i18n.h"

static const struct cmd_opt opts[] = {
	{"db", "FILE", N_("the store")},
	{NULL, NULL, NULL},
};

static void
report(void *ctx, const char *problem)
{
	(void)ctx;
	fprintf(stderr, "kyodo: %s\n", problem);
}

static int
exec_check(const struct cmd_entry *self, const struct cmd_args *a)
{
	struct store *s = cmd_open_store(a);
	struct error err;
	int problems;

	(void)self;
	if (s == NULL)
		return EXIT_REFUSED;
	problems = store_check(s, report, NULL, &err);
	store_close(s);
	if (problems < 0)
		return cmd_fail(_("The check could not run: %s"), err.text);
	if (problems > 0)
		return cmd_fail(P_("The store has %d problem (listed above).",
		    "The store has %d problems (listed above).", (unsigned long)problems), problems);
	printf(_("The store is sound (schema %d).\n"), store_schema_version());
	return EXIT_DONE;
}

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.synopsis = "--db FILE",
	.summary = N_("Check the store's integrity and references."),
	.opts = opts,
	.exec = exec_check,
};
