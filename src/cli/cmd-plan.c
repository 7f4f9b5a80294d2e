/* kyodo plan show / body show|advance — the body, its stage and its plan. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "domain/body.h"
#include "base/i18n.h"
#include "domain/plan.h"
#include "paper/paper.h"
#include "pdfout.h"

static const struct cmd_opt show_opts[] = {
	{"db", "FILE", N_("the store")},
	{"format", "FORMAT", N_("text (default), markdown or pdf")},
	{"out", "FILE", N_("pdf: the new file to write")},
	{"print", NULL, N_("pdf: send it to the default printer (CUPS)")},
	{NULL, NULL, NULL},
};

static bool
plan_pdf_make(void *ctx, const char *path, struct error *err)
{
	return paper_plan(ctx, path, err);
}

static int
exec_plan_show(const struct cmd_entry *self, const struct cmd_args *a)
{
	const char *format = cmd_opt(a, "format");
	struct buf out = {0};
	struct error err;
	struct store *s;
	bool ok, pdf;
	int rc;

	rc = pdfout_check(self, a, &pdf);
	if (rc >= 0)
		return rc;
	if (pdf) {
		s = cmd_open_store(a);
		if (s == NULL)
			return EXIT_REFUSED;
		rc = pdfout_run(a, plan_pdf_make, s);
		store_close(s);
		return rc;
	}
	if (format != NULL && strcmp(format, "text") != 0 && strcmp(format, "markdown") != 0)
		return cmd_usage(self, _("--format is text or markdown."));
	s = cmd_open_store(a);
	if (s == NULL)
		return EXIT_REFUSED;
	ok = plan_render(s, format != NULL && strcmp(format, "markdown") == 0 ? PLAN_MARKDOWN :
	    PLAN_TEXT, 78, &out, &err);
	store_close(s);
	if (!ok) {
		buf_free(&out);
		return cmd_fail("%s", err.text);
	}
	ok = cmd_write_out(buf_str(&out), out.len);
	buf_free(&out);
	return ok ? EXIT_DONE : EXIT_REFUSED;
}

const struct cmd_entry cmd_plan_show_entry = {
	.name = "plan show",
	.synopsis = "--db FILE [--format text|markdown|pdf] [--out FILE] [--print]",
	.summary = N_("Print the development plan with its progress, for the general meeting."),
	.opts = show_opts,
	.exec = exec_plan_show,
};

static const struct cmd_opt body_opts[] = {
	{"db", "FILE", N_("the store")},
	{"override", "REASON", N_("advance: move on although milestones are missing (audited)")},
	{NULL, NULL, NULL},
};

static void
print_milestone(void *ctx, const char *code, const char *label, const char *done_on)
{
	(void)ctx;
	(void)code;
	printf("  [%s] %s%s%s\n", *done_on ? "x" : " ", label, *done_on ? "  " : "", done_on);
}

static void
print_support(void *ctx, const char *text)
{
	(void)ctx;
	printf("  - %s\n", text);
}

static int
exec_body_show(const struct cmd_entry *self, const struct cmd_args *a)
{
	struct body_state b;
	struct error err;
	struct store *s = cmd_open_store(a);
	int stage;

	(void)self;
	if (s == NULL)
		return EXIT_REFUSED;
	if (!body_state(s, &b, &err)) {
		store_close(s);
		return cmd_fail("%s", err.text);
	}
	printf("%s\n", b.exists ? b.name : _("(no community body recorded yet)"));
	printf(_("Stage %d of 3\n"), b.stage);
	for (stage = 1; stage <= 3; stage++) {
		printf(_("\nStage %d milestones (%d of %d done):\n"), stage, b.done[stage - 1],
		    b.total[stage - 1]);
		body_milestones_of(s, stage, print_milestone, NULL, &err);
	}
	printf("\n%s\n", _("The city's support at this stage:"));
	body_support_of(s, b.stage, print_support, NULL, &err);
	store_close(s);
	return EXIT_DONE;
}

const struct cmd_entry cmd_body_show_entry = {
	.name = "body show",
	.synopsis = "--db FILE",
	.summary = N_("The community body's stage, milestones and the support open to it."),
	.opts = body_opts,
	.exec = exec_body_show,
};

static int
exec_body_advance(const struct cmd_entry *self, const struct cmd_args *a)
{
	struct store *s = cmd_open_store(a);
	struct actor who;
	struct error err;
	int stage;
	bool ok;

	(void)self;
	if (s == NULL)
		return EXIT_REFUSED;
	actor_cli(&who);
	ok = body_advance(s, &who, cmd_opt(a, "override"), &stage, &err);
	store_close(s);
	if (!ok)
		return cmd_fail("%s", err.text);
	printf(_("The body is now at stage %d.\n"), stage);
	return EXIT_DONE;
}

const struct cmd_entry cmd_body_advance_entry = {
	.name = "body advance",
	.synopsis = "--db FILE [--override REASON]",
	.summary = N_("Move the body to its next stage once the milestones are done."),
	.opts = body_opts,
	.exec = exec_body_advance,
};
