/* kyodo backup — a consistent copy of a live store (SQLite online backup). */
#include <stdio.h>

#include "cli.h"
#include "base/i18n.h"

static const struct cmd_opt opts[] = {
	{"db", "FILE", N_("the store")},
	{"out", "FILE", N_("the backup file to write (must not exist)")},
	{NULL, NULL, NULL},
};

static int
exec_backup(const struct cmd_entry *self, const struct cmd_args *a)
{
	const char *out = cmd_opt(a, "out");
	struct error err;
	struct store *s;
	bool ok;

	if (out == NULL)
		return cmd_usage(self, _("--out is required."));
	s = cmd_open_store(a);
	if (s == NULL)
		return EXIT_REFUSED;
	ok = store_backup(s, out, &err);
	store_close(s);
	if (!ok)
		return cmd_fail("%s", err.text);
	printf(_("Backed up to %s (checked).\n"), out);
	return EXIT_DONE;
}

const struct cmd_entry cmd_backup_entry = {
	.name = "backup",
	.synopsis = "--db FILE --out FILE",
	.summary = N_("Copy the store, while in use, to a checked backup file."),
	.opts = opts,
	.exec = exec_backup,
};
