/* kyodo demo — a new center store full of plausible data. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "domain/demo.h"
#include "base/i18n.h"
#include "sync/keys.h"

static const struct cmd_opt opts[] = {
	{"db", "FILE", N_("the store file to create (must not exist)")},
	{"years", "N", N_("fiscal years of records, 1-30 (default 2)")},
	{"seed", "N", N_("the random seed; the same seed gives the same store")},
	{"center", "CODE", N_("the center's code (default mashiba)")},
	{"name", "NAME", N_("the center's name (default 真柴市民センター)")},
	{NULL, NULL, NULL},
};

static void
show_progress(void *ctx, long done, long total)
{
	(void)ctx;
	fprintf(stderr, "\r%s %3ld%%", _("Making demo data"), total ? done * 100 / total : 100);
	if (done >= total)
		fputc('\n', stderr);
}

static bool
parse_int(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

static int
exec_demo(const struct cmd_entry *self, const struct cmd_args *a)
{
	const char *db = cmd_opt(a, "db"), *code = cmd_opt(a, "center");
	long years = 2, seed = 1;
	struct error err;
	struct store *s;
	char *name;

	if (db == NULL)
		return cmd_usage(self, _("--db is required."));
	if (cmd_opt(a, "years") != NULL && !parse_int(cmd_opt(a, "years"), 1, 30, &years))
		return cmd_usage(self, _("--years takes a whole number from 1 to 30."));
	if (cmd_opt(a, "seed") != NULL && !parse_int(cmd_opt(a, "seed"), 0, 2147483647L, &seed))
		return cmd_usage(self, _("--seed takes a whole number."));
	/* The rules of kyodo init: a demo store may be exported and enrolled. */
	if (code != NULL && !keys_code_check(code, &err))
		return cmd_fail("%s", err.text);
	name = keys_name_check(cmd_opt(a, "name") ? cmd_opt(a, "name") : "真柴市民センター", &err);
	if (name == NULL)
		return cmd_fail("%s", err.text);
	s = store_create(db, STORE_CENTER, code != NULL ? code : "mashiba", name, &err);
	free(name);
	if (s == NULL)
		return cmd_fail("%s", err.text);
	if (!demo_fill(s, (int)years, (uint64_t)seed, date_today(),
	    isatty(STDERR_FILENO) ? show_progress : NULL, NULL, &err)) {
		store_close(s);
		unlink(db);
		return cmd_fail("%s", err.text);
	}
	printf(_("Made the demo store %s. Sign in as %s with PIN %s.\n"), db,
	    DEMO_STAFF_NAME, DEMO_STAFF_PIN);
	store_close(s);
	return EXIT_DONE;
}

const struct cmd_entry cmd_demo_entry = {
	.name = "demo",
	.synopsis = "--db FILE [--years N] [--seed N] [--center CODE --name NAME]",
	.summary = N_("Make a center store full of plausible demo data."),
	.opts = opts,
	.exec = exec_demo,
};
