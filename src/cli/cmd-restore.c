/* kyodo restore — put a backup back, checked, keeping the current store aside. */
#include <limits.h>
#include <stdio.h>

#include "cli.h"
#include "domain/backup.h"
#include "base/i18n.h"
#include "base/wrap.h"

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

/* What a restore does to a kiosk running on the store: the question an
 * administrator has before running it. */
static void
print_line(void *ctx, const char *line, size_t len)
{
	(void)ctx;
	printf("%.*s\n", (int)len, line);
}

static int
more_help(const struct cmd_entry *self, const struct cmd_args *a)
{
	(void)self;
	(void)a;
	putchar('\n');
	wrap_lines(_("A restore runs only while nothing else has the store open: while "
	    "the kiosk (or another kyodo command) has it open, restore changes nothing and "
	    "names the process that holds it.  Quit the kiosk (F10) first; when it starts "
	    "again it opens the restored store.  Records made after the backup stay in the "
	    "store kept aside, and the restore is written to the restored store's audit log."),
	    78, print_line, NULL);
	return EXIT_DONE;
}

const struct cmd_entry cmd_restore_entry = {
	.name = "restore",
	.synopsis = "--db FILE --from BACKUP",
	.summary = N_("Put a backup back after checking it; the current store is kept aside."),
	.opts = opts,
	.exec = exec_restore,
	.more_help = more_help,
};
