/* kyodo init — make a new store for a center or for city hall. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "base/i18n.h"
#include "sync/keys.h"
#include "store/store.h"

static const struct cmd_opt opts[] = {
	{"db", "FILE", N_("the store file to create (must not exist)")},
	{"center", "CODE", N_("the center's code: 2-16 of a-z, 0-9, -")},
	{"city", NULL, N_("make city hall's store instead of a center's")},
	{"name", "NAME", N_("the center's (or city hall's) name")},
	{"city-key", "FILE", N_("a center: install the city's public key from FILE")},
	{NULL, NULL, NULL},
};

/* Reads and checks the city's key file before anything is created. */
static bool
read_city_key(const char *path, struct public_key *k)
{
	struct error err;
	char *name;

	if (!keys_read_file(path, k, &err)) {
		cmd_fail("%s", err.text);
		return false;
	}
	if (strcmp(k->code, "city") != 0) {
		cmd_fail(_("%s is the key of %s, not of the city."), path, k->code);
		return false;
	}
	/* keys_enrol checks the name too, but only once the store is made. */
	name = keys_name_check(k->name, &err);
	if (name == NULL) {
		cmd_fail("%s", err.text);
		return false;
	}
	free(name);
	return true;
}

static int
exec_init(const struct cmd_entry *self, const struct cmd_args *a)
{
	const char *db = cmd_opt(a, "db"), *code = cmd_opt(a, "center"), *name = cmd_opt(a, "name");
	bool city = cmd_flag(a, "city");
	struct public_key city_key;
	struct error err;
	struct store *s;
	char *clean;

	if (db == NULL)
		return cmd_usage(self, _("--db is required."));
	if (city == (code != NULL))
		return cmd_usage(self, _("Give either --center CODE or --city."));
	if (name == NULL)
		return cmd_usage(self, _("--name is required."));
	/* The same rules as for a center enrolled at city hall (keys.h): the
	 * code names files and the name is shown on every screen. */
	if (code != NULL && !keys_code_check(code, &err))
		return cmd_fail("%s", err.text);
	clean = keys_name_check(name, &err);
	if (clean == NULL)
		return cmd_fail("%s", err.text);
	if (cmd_opt(a, "city-key") != NULL) {
		if (city) {
			free(clean);
			return cmd_usage(self, _("--city-key is for a center's store."));
		}
		if (!read_city_key(cmd_opt(a, "city-key"), &city_key)) {
			free(clean);
			return EXIT_REFUSED;
		}
	}
	s = store_create(db, city ? STORE_CITY : STORE_CENTER, code, clean, &err);
	free(clean);
	if (s == NULL)
		return cmd_fail("%s", err.text);
	if (cmd_opt(a, "city-key") != NULL) {
		struct actor who;

		actor_cli(&who);
		if (!keys_enrol(s, &who, &city_key, false, &err)) {
			store_close(s);
			return cmd_fail("%s", err.text);
		}
	}
	printf(_("Made %s: %s (%s).\n"), db, store_name(s), store_origin(s));
	store_close(s);
	return EXIT_DONE;
}

const struct cmd_entry cmd_init_entry = {
	.name = "init",
	.synopsis = "--db FILE (--center CODE | --city) --name NAME [--city-key FILE]",
	.summary = N_("Make a new store for a citizen center or for city hall."),
	.opts = opts,
	.exec = exec_init,
};
