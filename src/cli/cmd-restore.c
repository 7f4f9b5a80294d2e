/* kyodo restore — put a backup back, checked, keeping the current store aside. */
#include <limits.h>
#include <stdio.h>

#include "cli.h"
#include "core/backup.h"
#include "core/i18n.h"

static const struct cmd_opt opts[] = {
	{"db", "FILE", N_("the store to restore into")},
	{"from", "BACKUP", N_("the backup file (kyodo backup, or the kiosk's daily copies)")},
	{NULL, NULL, NULL},
};

static int
exec_restore(const struct cmd_entry *self, const struct cmd_args *a)
{
	const char *from = cmd_opt(a, "from");
	char aside[PATH_MAX];
	struct error err;

	if (from == NULL)
		return cmd_usage(self, _("--from is required."));
	if (!backup_restore(cmd_db_path(a), from, aside, &err))
		return cmd_fail("%s", err.text);
	if (aside[0] != '\0')
		printf(_("Restored %s from %s; the store that was there is kept as %s.\n"),
		    cmd_db_path(a), from, aside);
	else
		printf(_("Restored %s from %s.\n"), cmd_db_path(a), from);
	return EXIT_DONE;
}

const struct cmd_entry cmd_restore_entry = {
	.name = "restore",
	.synopsis = "--db FILE --from BACKUP",
	.summary = N_("Put a backup back after checking it; the current store is kept aside."),
	.opts = opts,
	.exec = exec_restore,
};
