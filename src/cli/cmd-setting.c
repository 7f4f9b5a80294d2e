/* kyodo setting — read or change the store's settings (opening hours,
 * closed days, booking horizon, kiosk language …). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "base/i18n.h"
#include "domain/setting.h"

static const struct cmd_opt opts[] = {
	{"db", "FILE", N_("the store")},
	{NULL, NULL, NULL},
};

static int
exec_setting(const struct cmd_entry *self, const struct cmd_args *a)
{
	struct store *s;
	struct error err;
	struct actor who;
	const struct setting_def *d;
	const char *key, *value;

	if (a->npos > 0 && setting_find(a->pos[0]) == NULL)
		return cmd_usage(self, _("Unknown setting \"%s\" (see kyodo setting --help)."),
		    a->pos[0]);
	if (a->npos == 2 && !setting_valid(a->pos[0], a->pos[1], &err))
		return cmd_fail("%s", err.text);
	s = cmd_open_store(a);
	if (s == NULL)
		return EXIT_REFUSED;
	if (a->npos < 2) {
		for (d = setting_defs; d->key != NULL; d++) {
			char *v;

			if (a->npos == 1 && strcmp(a->pos[0], d->key) != 0)
				continue;
			v = store_setting(s, d->key);
			printf("%s=%s\n", d->key, v ? v : "");
			free(v);
		}
		store_close(s);
		return EXIT_DONE;
	}
	actor_cli(&who);
	key = a->pos[0];
	value = a->pos[1];
	if (!setting_set(s, &who, 1, &key, &value, &err)) {
		store_close(s);
		return cmd_fail("%s", err.text);
	}
	store_close(s);
	return EXIT_DONE;
}

static int
more_help(const struct cmd_entry *self, const struct cmd_args *a)
{
	const struct setting_def *d;

	(void)self;
	(void)a;
	printf("\n%s:\n", _("Settings"));
	for (d = setting_defs; d->key != NULL; d++)
		printf("  %-24s %s\n", d->key, _(d->help));
	return EXIT_DONE;
}

const struct cmd_entry cmd_setting_entry = {
	.name = "setting",
	.synopsis = "--db FILE [KEY [VALUE]]",
	.summary = N_("Show the settings, or set one (empty VALUE clears where allowed)."),
	.opts = opts,
	.max_pos = 2,
	.exec = exec_setting,
	.more_help = more_help,
};
