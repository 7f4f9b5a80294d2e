/* kyodo staff add|list — the people who sign in at the kiosk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "cli.h"
#include "base/i18n.h"
#include "domain/staff.h"
#include "base/text.h"

static const struct cmd_opt add_opts[] = {
	{"db", "FILE", N_("the store")},
	{"name", "NAME", N_("the staff member's name as shown at sign-in")},
	{"role", "ROLE", N_("center, secretariat, city or admin")},
	{"pin-stdin", NULL, N_("read the PIN from standard input (for scripts)")},
	{NULL, NULL, NULL},
};

/* Reads one line without echo when stdin is a terminal.  Returns false at
 * end of input. */
static bool
read_pin(const char *prompt, char *out, size_t size)
{
	struct termios old, quiet;
	bool tty = isatty(STDIN_FILENO), ok;
	size_t n;

	if (prompt != NULL) {
		fputs(prompt, stderr);
		fflush(stderr);
	}
	if (tty) {
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	ok = fgets(out, (int)size, stdin) != NULL;
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (!ok)
		return false;
	n = strcspn(out, "\r\n");
	out[n] = '\0';
	return true;
}

static int
exec_add(const struct cmd_entry *self, const struct cmd_args *a)
{
	const char *name = cmd_opt(a, "name"), *role_s = cmd_opt(a, "role");
	char pin[128] = "", again[128] = "", *shown;
	struct actor who;
	struct error err;
	struct store *s;
	enum role role;
	bool ok;

	if (name == NULL || role_s == NULL)
		return cmd_usage(self, _("--name and --role are required."));
	if (!role_parse(role_s, &role))
		return cmd_usage(self, _("--role is one of: center, secretariat, city, admin."));
	if (!cmd_flag(a, "pin-stdin") && !isatty(STDIN_FILENO))
		return cmd_usage(self, _("No terminal to ask the PIN on; use --pin-stdin."));
	if (cmd_flag(a, "pin-stdin")) {
		if (!read_pin(NULL, pin, sizeof pin))
			return cmd_fail(_("No PIN on standard input."));
	} else {
		if (!read_pin(_("PIN: "), pin, sizeof pin) ||
		    !read_pin(_("PIN again: "), again, sizeof again))
			return cmd_fail(_("No PIN given."));
		if (strcmp(pin, again) != 0) {
			sodium_memzero(pin, sizeof pin);
			sodium_memzero(again, sizeof again);
			return cmd_fail(_("The two PINs differ; nothing was saved."));
		}
	}
	s = cmd_open_store(a);
	if (s == NULL)
		return EXIT_REFUSED;
	actor_cli(&who);
	ok = staff_add(s, &who, name, role, pin, &err);
	sodium_memzero(pin, sizeof pin);
	sodium_memzero(again, sizeof again);
	store_close(s);
	if (!ok)
		return cmd_fail("%s", err.text);
	shown = text_visible(name);
	printf(_("Added %s (%s).\n"), shown, role_label(role));
	free(shown);
	return EXIT_DONE;
}

const struct cmd_entry cmd_staff_add_entry = {
	.name = "staff add",
	.synopsis = "--db FILE --name NAME --role ROLE [--pin-stdin]",
	.summary = N_("Add a staff member; the PIN is asked for and never shown."),
	.opts = add_opts,
	.exec = exec_add,
};

static const struct cmd_opt list_opts[] = {
	{"db", "FILE", N_("the store")},
	{NULL, NULL, NULL},
};

static void
print_member(void *ctx, const struct staff_member *m)
{
	struct buf *line = ctx;

	buf_reset(line);
	text_pad(line, m->name, 24, false);
	printf("%s %s\n", buf_str(line), role_label(m->role));
}

static int
exec_list(const struct cmd_entry *self, const struct cmd_args *a)
{
	struct buf line = {0};
	struct error err;
	struct store *s = cmd_open_store(a);
	int n;

	(void)self;
	if (s == NULL)
		return EXIT_REFUSED;
	n = staff_list(s, print_member, &line, &err);
	buf_free(&line);
	store_close(s);
	return n < 0 ? cmd_fail("%s", err.text) : EXIT_DONE;
}

const struct cmd_entry cmd_staff_list_entry = {
	.name = "staff list",
	.synopsis = "--db FILE",
	.summary = N_("List the staff who can sign in."),
	.opts = list_opts,
	.exec = exec_list,
};
