/* kyodo setting — read or change the store's settings (opening hours,
 * closed days, booking horizon, kiosk language …). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store/audit.h"
#include "domain/booking.h"
#include "base/i18n.h"

static const struct cmd_opt opts[] = {
	{"db", "FILE", N_("the store")},
	{NULL, NULL, NULL},
};

static const struct {
	const char *key;
	const char *help;
} known[] = {
	{"slots", N_("time slots, e.g. 09:00-12:00,13:00-17:00,18:00-22:00")},
	{"closed_yearly", N_("yearly closed days, e.g. 12-29..01-03")},
	{"closed_weekday", N_("weekly closing day: 0 (Sunday) to 6, or empty")},
	{"open_on_holidays", N_("yes or no")},
	{"booking_horizon_months", N_("how many months ahead bookings open, or empty")},
	{"language", N_("the kiosk's language: ja or en")},
	{"ascii_lines", N_("1 to draw boxes with ASCII, for terminals that draw "
	    "ambiguous-width characters double")},
	{"idle_minutes", N_("minutes of no input before the kiosk locks (1-240)")},
};

static int
find_key(const char *key)
{
	size_t i;

	for (i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcmp(known[i].key, key) == 0)
			return (int)i;
	return -1;
}

static bool
valid(const char *key, const char *value, struct error *err)
{
	char *end;
	long n;

	if (strcmp(key, "language") == 0) {
		if (strcmp(value, "ja") == 0 || strcmp(value, "en") == 0)
			return true;
	} else if (strcmp(key, "ascii_lines") == 0) {
		if (strcmp(value, "0") == 0 || strcmp(value, "1") == 0)
			return true;
	} else if (strcmp(key, "idle_minutes") == 0) {
		n = strtol(value, &end, 10);
		if (*value != '\0' && *end == '\0' && n >= 1 && n <= 240)
			return true;
	} else
		return opening_setting_valid(key, value, err);
	error_set(err, _("%s: \"%s\" is not valid; expected %s."), key, value,
	    _(known[find_key(key)].help));
	return false;
}

static int
exec_setting(const struct cmd_entry *self, const struct cmd_args *a)
{
	struct store *s;
	struct error err;
	struct actor who;
	struct buf sum = {0};
	size_t i;
	bool ok;

	if (a->npos > 0 && find_key(a->pos[0]) < 0)
		return cmd_usage(self, _("Unknown setting \"%s\" (see kyodo setting --help)."),
		    a->pos[0]);
	if (a->npos == 2 && !valid(a->pos[0], a->pos[1], &err))
		return cmd_fail("%s", err.text);
	s = cmd_open_store(a);
	if (s == NULL)
		return EXIT_REFUSED;
	if (a->npos < 2) {
		for (i = 0; i < sizeof known / sizeof known[0]; i++) {
			char *v;

			if (a->npos == 1 && strcmp(a->pos[0], known[i].key) != 0)
				continue;
			v = store_setting(s, known[i].key);
			printf("%s=%s\n", known[i].key, v ? v : "");
			free(v);
		}
		store_close(s);
		return EXIT_DONE;
	}
	actor_cli(&who);
	buf_printf(&sum, "%s=%s", a->pos[0], a->pos[1]);
	ok = store_begin(s, &err) && store_set_setting(s, a->pos[0], a->pos[1], &err) &&
	    audit_log(s, &who, "setting", NULL, NULL, buf_str(&sum), &err) &&
	    store_commit(s, &err);
	if (!ok)
		store_rollback(s);
	buf_free(&sum);
	store_close(s);
	return ok ? EXIT_DONE : cmd_fail("%s", err.text);
}

static int
more_help(const struct cmd_entry *self, const struct cmd_args *a)
{
	size_t i;

	(void)self;
	(void)a;
	printf("\n%s:\n", _("Settings"));
	for (i = 0; i < sizeof known / sizeof known[0]; i++)
		printf("  %-24s %s\n", known[i].key, _(known[i].help));
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
