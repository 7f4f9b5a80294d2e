/* cli — see cli.h. */
#include "cli.h"

#include <errno.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "base/text.h"

static const struct cmd_entry *const commands[] = {
	&cmd_init_entry, &cmd_demo_entry, &cmd_staff_add_entry, &cmd_staff_list_entry,
	&cmd_add_entry, &cmd_delete_entry, &cmd_undelete_entry, &cmd_list_entry, &cmd_import_csv_entry, &cmd_booking_cancel_entry,
	&cmd_booking_check_in_entry,
	&cmd_report_monthly_entry, &cmd_report_year_entry, &cmd_report_bookings_entry,
	&cmd_grant_status_entry,
	&cmd_grant_apply_entry, &cmd_grant_report_entry, &cmd_grant_withdraw_entry,
	&cmd_grant_decide_entry, &cmd_grant_advance_entry, &cmd_grant_settle_entry,
	&cmd_grant_pay_entry, &cmd_plan_show_entry, &cmd_body_show_entry,
	&cmd_body_advance_entry, &cmd_key_entry, &cmd_center_add_entry, &cmd_center_list_entry,
	&cmd_export_entry, &cmd_import_entry, &cmd_setting_entry,
	&cmd_check_entry, &cmd_backup_entry, &cmd_restore_entry, NULL,
};

const char *
cmd_opt(const struct cmd_args *a, const char *name)
{
	int i;

	for (i = a->nopt - 1; i >= 0; i--)
		if (strcmp(a->opt[i].name, name) == 0)
			return a->opt[i].value;
	return NULL;
}

bool
cmd_flag(const struct cmd_args *a, const char *name)
{
	return cmd_opt(a, name) != NULL;
}

static void
print_usage_line(FILE *f, const struct cmd_entry *e)
{
	fprintf(f, "%s: kyodo %s %s\n", _("Usage"), e->name, e->synopsis);
}

/* "kyodo: <sentence>" on stderr, the start of every refusal. */
static void
say(const char *fmt, va_list ap)
{
	fputs("kyodo: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

int
cmd_usage(const struct cmd_entry *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(fmt, ap);
	va_end(ap);
	print_usage_line(stderr, e);
	fprintf(stderr, _("Try: kyodo %s --help\n"), e->name);
	return EXIT_USAGE;
}

int
cmd_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(fmt, ap);
	va_end(ap);
	return EXIT_REFUSED;
}

const char *
cmd_db_path(const struct cmd_args *a)
{
	static char path[4096];
	const char *db = cmd_opt(a, "db"), *xdg, *home;

	if (db != NULL)
		return db;
	db = getenv("KYODO_DB");
	if (db != NULL && *db != '\0')
		return db;
	xdg = getenv("XDG_DATA_HOME");
	home = getenv("HOME");
	if (xdg != NULL && *xdg != '\0')
		snprintf(path, sizeof path, "%s/kyodo/kyodo.db", xdg);
	else
		snprintf(path, sizeof path, "%s/.local/share/kyodo/kyodo.db", home ? home : ".");
	return path;
}

struct store *
cmd_open_store(const struct cmd_args *a)
{
	struct error err;
	struct store *s = store_open(cmd_db_path(a), &err);

	if (s == NULL)
		cmd_fail("%s", err.text);
	return s;
}

struct store *
cmd_open_store_for_center(const struct cmd_entry *self, const struct cmd_args *a, int *rc)
{
	struct store *s = cmd_open_store(a);

	*rc = EXIT_REFUSED;
	if (s != NULL && cmd_opt(a, "center") != NULL && store_kind(s) != STORE_CITY) {
		store_close(s);
		*rc = cmd_usage(self, _("--center is for city hall's store."));
		return NULL;
	}
	return s;
}

bool
cmd_write_out(const char *data, size_t n)
{
	if (fwrite(data, 1, n, stdout) != n || fflush(stdout) != 0) {
		cmd_fail(_("Cannot write the output: %s"), strerror(errno));
		return false;
	}
	return true;
}

static const struct cmd_opt *
find_opt(const struct cmd_entry *e, const char *name)
{
	const struct cmd_opt *o;

	for (o = e->opts; o->name != NULL; o++)
		if (strcmp(o->name, name) == 0)
			return o;
	return NULL;
}

static int
print_help(const struct cmd_entry *e, const struct cmd_args *a)
{
	const struct cmd_opt *o;
	struct buf line = {0};
	char left[64];

	print_usage_line(stdout, e);
	printf("\n%s\n", _(e->summary));
	if (e->opts[0].name != NULL)
		printf("\n%s:\n", _("Options"));
	for (o = e->opts; o->name != NULL; o++) {
		snprintf(left, sizeof left, "--%s%s%s", o->name, o->arg ? " " : "",
		    o->arg ? o->arg : "");
		buf_reset(&line);
		buf_adds(&line, "  ");
		text_pad(&line, left, 22, false);
		printf("%s %s\n", buf_str(&line), _(o->help));
	}
	buf_free(&line);
	return e->more_help != NULL ? e->more_help(e, a) : EXIT_DONE;
}

/* Splits argv into options and positionals.  "--name value" and
 * "--name=value" both work; a flag takes no value; "--" ends options. */
static int
parse_args(const struct cmd_entry *e, int argc, char **argv, struct cmd_args *a)
{
	const struct cmd_opt *o;
	bool only_pos = false;
	char *eq, *name;
	int i;

	memset(a, 0, sizeof *a);
	for (i = 0; i < argc; i++) {
		if (only_pos || strncmp(argv[i], "--", 2) != 0 || argv[i][2] == '\0') {
			if (!only_pos && strcmp(argv[i], "--") == 0) {
				only_pos = true;
				continue;
			}
			if (a->npos >= e->max_pos)
				return cmd_usage(e, _("Unexpected argument: %s"), argv[i]);
			a->pos[a->npos++] = argv[i];
			continue;
		}
		if (a->nopt >= CMD_MAX_ARGS)
			return cmd_usage(e, _("Too many options."));
		name = argv[i] + 2;
		eq = strchr(name, '=');
		if (eq != NULL)
			*eq = '\0';
		o = find_opt(e, name);
		if (o == NULL && strcmp(name, "help") != 0 && !e->field_opts)
			return cmd_usage(e, _("Unknown option: --%s"), name);
		a->opt[a->nopt].name = name;
		if (eq != NULL)
			a->opt[a->nopt].value = eq + 1;
		else if ((o != NULL && o->arg == NULL) || strcmp(name, "help") == 0)
			a->opt[a->nopt].value = "";
		else if (i + 1 < argc)
			a->opt[a->nopt].value = argv[++i];
		else
			return cmd_usage(e, _("--%s needs a value."), name);
		a->nopt++;
	}
	return -1;
}

/* Matches the longest command name made of argv's first words. */
static const struct cmd_entry *
find_command(int argc, char **argv, int *words)
{
	const struct cmd_entry *const *c, *best = NULL;
	char joined[64];

	for (c = commands; *c != NULL; c++) {
		if (strchr((*c)->name, ' ') != NULL) {
			if (argc < 2)
				continue;
			snprintf(joined, sizeof joined, "%s %s", argv[0], argv[1]);
			if (strcmp(joined, (*c)->name) == 0) {
				*words = 2;
				return *c;
			}
		} else if (strcmp(argv[0], (*c)->name) == 0) {
			best = *c;
			*words = 1;
		}
	}
	return best;
}

void
cli_print_commands(FILE *f, const char *group)
{
	const struct cmd_entry *const *c;
	struct buf line = {0};
	char left[128];
	size_t n = group != NULL ? strlen(group) : 0;

	for (c = commands; *c != NULL; c++) {
		if (group != NULL && (strncmp((*c)->name, group, n) != 0 || (*c)->name[n] != ' '))
			continue;
		buf_reset(&line);
		snprintf(left, sizeof left, "kyodo %s", (*c)->name);
		buf_adds(&line, "  ");
		text_pad(&line, left, 24, false);
		fprintf(f, "%s %s\n", buf_str(&line), _((*c)->summary));
	}
	buf_free(&line);
}

/* "staff" and "booking" are groups of commands: alone or with --help they
 * list their commands; with a word that is none of them, they say so. */
static int
group_main(int argc, char **argv)
{
	const struct cmd_entry *const *c;
	size_t n = strlen(argv[0]);
	bool group = false;

	for (c = commands; *c != NULL && !group; c++)
		group = strncmp((*c)->name, argv[0], n) == 0 && (*c)->name[n] == ' ';
	if (!group)
		return -1;
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf("%s: kyodo %s COMMAND [--help] ...\n\n%s:\n", _("Usage"), argv[0],
		    _("Commands"));
		cli_print_commands(stdout, argv[0]);
		return EXIT_DONE;
	}
	if (argc < 2 || argv[1][0] == '-')
		fprintf(stderr, _("kyodo: %s needs a command:\n"), argv[0]);
	else
		fprintf(stderr, _("kyodo: unknown command \"%s %s\".\n"), argv[0], argv[1]);
	cli_print_commands(stderr, argv[0]);
	return EXIT_USAGE;
}

int
cli_main(int argc, char **argv)
{
	const struct cmd_entry *e;
	struct cmd_args a;
	int words = 0, rc;

	if (argc < 1)
		return -1;
	e = find_command(argc, argv, &words);
	if (e == NULL)
		return group_main(argc, argv);
	rc = parse_args(e, argc - words, argv + words, &a);
	if (rc >= 0)
		return rc;
	if (cmd_flag(&a, "help"))
		return print_help(e, &a);
	if (a.npos < e->min_pos)
		return cmd_usage(e, _("Missing argument."));
	return e->exec(e, &a);
}
