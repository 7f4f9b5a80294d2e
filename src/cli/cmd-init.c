/* kyodo init — make a new store for a center or for city hall. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "core/i18n.h"
#include "core/record.h"
#include "core/store.h"

static const struct cmd_opt opts[] = {
	{"db", "FILE", N_("the store file to create (must not exist)")},
	{"center", "CODE", N_("the center's code: 2-16 of a-z, 0-9, -")},
	{"city", NULL, N_("make city hall's store instead of a center's")},
	{"name", "NAME", N_("the center's (or city hall's) name")},
	{NULL, NULL, NULL},
};

static int
exec_init(const struct cmd_entry *self, const struct cmd_args *a)
{
	static const struct field name_field = {
	.name = "name", .label = N_("Name"), .type = FIELD_TEXT, .required = true, .max = 60,
};
	const char *db = cmd_opt(a, "db"), *code = cmd_opt(a, "center"), *name = cmd_opt(a, "name");
	bool city = cmd_flag(a, "city");
	struct error err;
	struct store *s;
	char *clean;

	if (db == NULL)
		return cmd_usage(self, _("--db is required."));
	if (city == (code != NULL))
		return cmd_usage(self, _("Give either --center CODE or --city."));
	if (name == NULL)
		return cmd_usage(self, _("--name is required."));
	if (code != NULL && !store_code_valid(code))
		return cmd_fail(_("\"%s\" is not a center code: use 2-16 of a-z, 0-9 and -, "
		    "starting with a letter (not \"city\")."), code);
	if (!field_parse(&name_field, name, &clean, &err))
		return cmd_fail("%s", err.text);
	if (clean == NULL)
		return cmd_fail(_("%s: required."), _("Name"));
	s = store_create(db, city ? STORE_CITY : STORE_CENTER, code, clean, &err);
	free(clean);
	if (s == NULL)
		return cmd_fail("%s", err.text);
	printf(_("Made %s: %s (%s).\n"), db, store_name(s), store_origin(s));
	store_close(s);
	return EXIT_DONE;
}

const struct cmd_entry cmd_init_entry = {
	.name = "init",
	.synopsis = "--db FILE (--center CODE | --city) --name NAME",
	.summary = N_("Make a new store for a citizen center or for city hall."),
	.opts = opts,
	.exec = exec_init,
};
