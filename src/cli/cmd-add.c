/* kyodo add KIND — add a record, through the same checks as the kiosk form. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "core/i18n.h"
#include "kindhelp.h"

static const struct cmd_opt opts[] = {
	{"db", "FILE", N_("the store")},
	{NULL, NULL, NULL},
};

static int
exec_add(const struct cmd_entry *self, const struct cmd_args *a)
{
	const struct kind *k = kindhelp_kind(self, a->pos[0]);
	struct record r;
	struct actor who;
	struct error err;
	struct store *s;
	struct buf sum = {0};
	int i, f;

	if (k == NULL)
		return EXIT_USAGE;
	record_init(&r, k);
	for (i = 0; i < a->nopt; i++) {
		if (strcmp(a->opt[i].name, "db") == 0)
			continue;
		f = kind_field(k, a->opt[i].name);
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
	if (!record_insert(s, &who, &r, &err)) {
		record_free(&r);
		store_close(s);
		return cmd_fail("%s", err.text);
	}
	record_summary(&r, &sum);
	printf("%s\t%s\n", r.uuid, buf_str(&sum));
	buf_free(&sum);
	record_free(&r);
	store_close(s);
	return EXIT_DONE;
}

const struct cmd_entry cmd_add_entry = {
	.name = "add",
	.synopsis = "KIND --db FILE --FIELD VALUE ...",
	.summary = N_("Add a record; prints its id. Fields are checked as in the kiosk's form."),
	.opts = opts,
	.min_pos = 1,
	.max_pos = 1,
	.field_opts = true,
	.exec = exec_add,
	.more_help = kindhelp_print,
};
