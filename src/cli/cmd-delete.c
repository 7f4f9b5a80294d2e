/* kyodo delete|undelete KIND ID — tombstone a record, or bring a deleted one
 * back as its next version, through the same checks as the kiosk.  ID is
 * the id, a prefix of it (8+ characters) or the record's title. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "base/i18n.h"
#include "base/text.h"
#include "kindhelp.h"

static const struct cmd_opt opts[] = {
	{"db", "FILE", N_("the store")},
	{NULL, NULL, NULL},
};

/* Prints "<id>\t<what was done>: <summary>", the id first as `add` does. */
static void
say_done(const struct record *r, const char *fmt)
{
	struct buf sum = {0};
	char *shown;

	record_summary(r, &sum);
	shown = text_visible(buf_str(&sum));
	printf("%s\t", r->uuid);
	printf(fmt, shown);
	printf("\n");
	free(shown);
	buf_free(&sum);
}

static int
exec_change(const struct cmd_entry *self, const struct cmd_args *a, bool undelete)
{
	const struct kind *k = kindhelp_kind(self, a->pos[0]);
	struct record r;
	struct actor who;
	struct error err;
	struct store *s;
	int rc = EXIT_DONE;

	if (k == NULL)
		return EXIT_USAGE;
	s = cmd_open_store(a);
	if (s == NULL)
		return EXIT_REFUSED;
	if (!(undelete ? record_find_deleted(s, k, a->pos[1], &r, &err) :
	    record_find(s, k, a->pos[1], &r, &err))) {
		store_close(s);
		return cmd_fail("%s", err.text);
	}
	actor_cli(&who);
	if (!(undelete ? record_undelete(s, &who, &r, &err) : record_delete(s, &who, &r, &err)))
		rc = cmd_fail("%s", err.text);
	else
		say_done(&r, undelete ? _("Restored: %s") : _("Deleted: %s"));
	record_free(&r);
	store_close(s);
	return rc;
}

static int
exec_delete(const struct cmd_entry *self, const struct cmd_args *a)
{
	return exec_change(self, a, false);
}

static int
exec_undelete(const struct cmd_entry *self, const struct cmd_args *a)
{
	return exec_change(self, a, true);
}

const struct cmd_entry cmd_delete_entry = {
	.name = "delete",
	.synopsis = "KIND ID --db FILE",
	.summary = N_("Delete a record (ID: its id, the start of it, or its title)."),
	.opts = opts,
	.min_pos = 2,
	.max_pos = 2,
	.exec = exec_delete,
	.more_help = kindhelp_print,
};

const struct cmd_entry cmd_undelete_entry = {
	.name = "undelete",
	.synopsis = "KIND ID --db FILE",
	.summary = N_("Bring a deleted record back as it was (a new version, checked "
	    "as a save is)."),
	.opts = opts,
	.min_pos = 2,
	.max_pos = 2,
	.exec = exec_undelete,
	.more_help = kindhelp_print,
};
