/* kyodo grant … — grant applications: their status, the center's moves
 * (apply, report, withdraw) and the city's steps (decide, advance, settle,
 * pay). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "base/csv.h"
#include "base/date.h"
#include "base/enc.h"
#include "domain/grantbook.h"
#include "base/i18n.h"
#include "base/money.h"
#include "base/text.h"
#include "sheet/grantsheet.h"
#include "xlsxout.h"
#include "paper/paper.h"
#include "pdfout.h"

static const struct cmd_opt status_opts[] = {
	{"db", "FILE", N_("the store")},
	{"fy", "YYYY", N_("only this fiscal year")},
	{"format", "FORMAT", N_("text (default), csv, xlsx (an Excel workbook, with --out) or pdf")},
	{"encoding", "ENC", N_("csv: utf-8 (default), utf-8-bom or cp932 (Excel)")},
	{"out", "FILE", N_("xlsx, pdf: the new file to write (never over a file or through a link)")},
	{"print", NULL, N_("pdf: send it to the default printer (CUPS)")},
	{NULL, NULL, NULL},
};

struct status_out {
	struct buf text;
	bool csv, city;
	int last_fy;
	long long requested, decided, spent, final, paid;
};

/* The programme's column in the text: wide enough for the plan's names
 * (地域協働体支援事業補助金); a longer one is cut with an ellipsis. */
#define PROG_WIDTH 24

/* The programme as people read it: its name, else its code. */
static const char *
program_name(const struct grant_line *g)
{
	return g->program_name != NULL && g->program_name[0] != '\0' ? g->program_name :
	    g->program;
}

static void
text_heading(struct status_out *o, int fy)
{
	char era[48];

	era_format_fy(fy, i18n_lang() == LANG_JA ? ERA_JA : ERA_EN, era, sizeof era);
	if (i18n_lang() == LANG_JA)
		buf_printf(&o->text, "\n%s（%d年度）\n", era, fy);
	else
		buf_printf(&o->text, "\n%s\n", era);
	if (o->city) {
		text_pad(&o->text, _("Center"), 14, false);
		buf_addc(&o->text, ' ');
	}
	text_pad(&o->text, _("Application"), o->city ? 14 : 18, false);
	buf_addc(&o->text, ' ');
	text_pad(&o->text, _("Program"), PROG_WIDTH, false);
	buf_addc(&o->text, ' ');
	text_pad(&o->text, _("Status"), 8, false);
	buf_addc(&o->text, ' ');
	text_pad(&o->text, _("Requested"), 9, true);
	buf_addc(&o->text, ' ');
	text_pad(&o->text, _("Decided"), 9, true);
	buf_addc(&o->text, ' ');
	text_pad(&o->text, _("Spent"), 9, true);
	buf_addc(&o->text, ' ');
	text_pad(&o->text, _("Remaining"), 9, true);
	buf_addc(&o->text, '\n');
}

static void
each_line(void *ctx, const struct grant_line *g)
{
	struct status_out *o = ctx;
	char num[32];

	/* Totals held at the int64 limit rather than overflowing (grant.h). */
	o->requested = grant_yen_add(o->requested, g->requested);
	o->decided = grant_yen_add(o->decided, g->decided);
	o->spent = grant_yen_add(o->spent, g->spent);
	o->final = grant_yen_add(o->final, g->final);
	o->paid = grant_yen_add(o->paid, g->paid);
	if (o->csv) {
		csv_field(&o->text, g->uuid, true);
		csv_field(&o->text, g->center, false);
		csv_field(&o->text, g->program, false);
		snprintf(num, sizeof num, "%d", g->fy);
		csv_field(&o->text, num, false);
		csv_field(&o->text, g->title, false);
		csv_field(&o->text, g->status, false);
#define N(v) (snprintf(num, sizeof num, "%lld", (long long)(v)), csv_field(&o->text, num, false))
		N(g->requested); N(g->decided); N(g->spent); N(g->final); N(g->paid); N(g->remaining);
		/* The names and the planned expenses come last, so the
		 * columns before them stay where they were. */
		csv_field(&o->text, program_name(g), false);
		N(g->planned);
		csv_field(&o->text, g->center_name, false);
#undef N
		csv_end_row(&o->text);
		return;
	}
	if (g->fy != o->last_fy) {
		text_heading(o, g->fy);
		o->last_fy = g->fy;
	}
	if (o->city) {
		text_pad(&o->text, g->center_name, 14, false);
		buf_addc(&o->text, ' ');
	}
	text_pad(&o->text, g->title, o->city ? 14 : 18, false);
	buf_addc(&o->text, ' ');
	text_pad(&o->text, program_name(g), PROG_WIDTH, false);
	buf_addc(&o->text, ' ');
	text_pad(&o->text, grant_status_label(g->status), 8, false);
	money_cell(&o->text, g->requested, 9);
	money_cell(&o->text, g->decided, 9);
	money_cell(&o->text, g->spent, 9);
	money_cell(&o->text, g->remaining, 9);
	if (g->planned != 0) {
		money_format(g->planned, num, sizeof num);
		buf_printf(&o->text, "  %s ¥%s", _("Planned"), num);
	}
	if (g->overspent)
		buf_printf(&o->text, "  %s", _("over the grant!"));
	if (g->report_due)
		buf_printf(&o->text, "  %s", _("report due"));
	buf_addc(&o->text, '\n');
}

static int
write_encoded(const struct buf *text, enum encoding e)
{
	struct encoder *c;
	struct error err;
	struct buf out = {0};
	bool ok;

	c = encoder_new(e, &err);
	if (c == NULL)
		return cmd_fail("%s", err.text);
	encoder_start(c, &out);
	if (encoder_convert(c, buf_str(text), text->len, &out) > 0)
		fprintf(stderr, "kyodo: %s\n", _("warning: some characters cannot be written in "
		    "this encoding; written as 〓."));
	encoder_free(c);
	ok = cmd_write_out(out.data ? out.data : "", out.len);
	buf_free(&out);
	return ok ? EXIT_DONE : EXIT_REFUSED;
}

/* --format pdf: the status with each application's expenses (paper.h). */
struct status_pdf {
	struct store *s;
	int fy;
};

static bool
status_pdf_make(void *ctx, const char *path, struct error *err)
{
	struct status_pdf *c = ctx;

	return paper_grants(c->s, c->fy, path, err);
}

static int
status_pdf(const struct cmd_args *a, int fy)
{
	struct status_pdf c = { .fy = fy };
	int rc;

	c.s = cmd_open_store(a);
	if (c.s == NULL)
		return EXIT_REFUSED;
	rc = pdfout_run(a, status_pdf_make, &c);
	store_close(c.s);
	return rc;
}

static int
exec_status(const struct cmd_entry *self, const struct cmd_args *a)
{
	const char *fy_s = cmd_opt(a, "fy"), *format = cmd_opt(a, "format");
	const char *encname = cmd_opt(a, "encoding"), *out;
	struct status_out o = {0};
	enum encoding enc = ENC_UTF8;
	struct error err;
	struct store *s;
	char *end;
	long fy = 0, n;
	int rc;
	bool pdf;

	if (fy_s != NULL) {
		fy = strtol(fy_s, &end, 10);
		if (*fy_s == '\0' || *end != '\0' || fy < 1900 || fy > 2998)
			return cmd_usage(self, _("--fy takes a year, e.g. 2026 for April 2026 to March 2027."));
	}
	if (xlsxout_wanted(self, a, &out, &rc))
		return xlsxout_write_fy(a, grantsheet_write, (int)fy, out);
	if (rc >= 0)
		return rc;
	rc = pdfout_check(self, a, &pdf);
	if (rc >= 0)
		return rc;
	if (pdf)
		return status_pdf(a, (int)fy);
	if (format != NULL && strcmp(format, "csv") != 0 && strcmp(format, "text") != 0)
		return cmd_usage(self, _("--format is text, csv, xlsx or pdf."));
	o.csv = format != NULL && strcmp(format, "csv") == 0;
	if (encname != NULL && (!o.csv || !encoding_parse(encname, &enc)))
		return cmd_usage(self, _("--encoding is utf-8, utf-8-bom or cp932, with --format csv."));
	s = cmd_open_store(a);
	if (s == NULL)
		return EXIT_REFUSED;
	o.city = store_kind(s) == STORE_CITY;
	if (o.csv) {
		static const char *const head[] = {
			"id", "center", "program", "fy", "title", "status", "requested", "decided",
			"spent", "final", "paid", "remaining", "program_name", "planned",
			"center_name",
		};
		size_t i;

		for (i = 0; i < sizeof head / sizeof head[0]; i++)
			csv_field(&o.text, head[i], i == 0);
		csv_end_row(&o.text);
	} else
		buf_printf(&o.text, "%s — %s\n", store_name(s), _("Grant status"));
	n = grant_lines(s, (int)fy, each_line, &o, &err);
	store_close(s);
	if (n < 0) {
		buf_free(&o.text);
		return cmd_fail("%s", err.text);
	}
	if (!o.csv) {
		if (n == 0)
			buf_printf(&o.text, "\n%s\n", _("No applications."));
		else {
			char a1[32], a2[32], a3[32];

			money_format(o.decided, a1, sizeof a1);
			money_format(o.spent, a2, sizeof a2);
			money_format(o.paid, a3, sizeof a3);
			buf_printf(&o.text, "\n%s: ¥%s  %s: ¥%s  %s: ¥%s\n", _("Decided"), a1,
			    _("Spent"), a2, _("Paid"), a3);
		}
	}
	rc = write_encoded(&o.text, enc);
	buf_free(&o.text);
	return rc;
}

const struct cmd_entry cmd_grant_status_entry = {
	.name = "grant status",
	.synopsis = "--db FILE [--fy YYYY] [--format text|csv|xlsx|pdf] [--encoding ENC] [--out FILE] [--print]",
	.summary = N_("Each application: program, year, status, requested, decided, spent, "
	    "final, paid, remaining."),
	.opts = status_opts,
	.exec = exec_status,
};

static const struct cmd_opt city_opts[] = {
	{"db", "FILE", N_("the city's store")},
	{"application", "ID", N_("the application: its id, id prefix or title")},
	{"amount", "YEN", N_("the amount (for pay: default the final amount less the advance)")},
	{"date", "YYYY-MM-DD", N_("the date (default today)")},
	{"conditions", "TEXT", N_("decide: the conditions of the grant")},
	{NULL, NULL, NULL},
};

static int
city_step(const struct cmd_entry *self, const struct cmd_args *a, enum grant_city_step step)
{
	static const struct field yen = {
		.name = "amount", .label = N_("Amount"), .type = FIELD_YEN, .max = 1000000000000LL,
	};
	static const struct field day = { .name = "date", .label = N_("Date"), .type = FIELD_DATE };
	const char *app = cmd_opt(a, "application"), *amount_s = cmd_opt(a, "amount");
	char *amount = NULL, *date = NULL;
	struct store *s;
	struct actor who;
	struct error err;
	bool ok;

	if (app == NULL)
		return cmd_usage(self, _("--application is required."));
	if (amount_s == NULL && step != GRANT_PAY)
		return cmd_usage(self, _("--amount is required."));
	if ((amount_s != NULL && (!field_parse(&yen, amount_s, &amount, &err) || amount == NULL)) ||
	    (cmd_opt(a, "date") != NULL && !field_parse(&day, cmd_opt(a, "date"), &date, &err))) {
		free(amount);
		return cmd_fail("%s", amount == NULL && amount_s != NULL && err.text[0] == '\0' ?
		    _("Amount: required.") : err.text);
	}
	s = cmd_open_store(a);
	if (s == NULL) {
		free(amount);
		free(date);
		return EXIT_REFUSED;
	}
	actor_cli(&who);
	ok = grant_city_step(s, &who, step, app, amount ? strtoll(amount, NULL, 10) : -1, date,
	    cmd_opt(a, "conditions"), &err);
	store_close(s);
	free(amount);
	free(date);
	if (!ok)
		return cmd_fail("%s", err.text);
	printf("%s\n", _("Recorded."));
	return EXIT_DONE;
}

static int exec_decide(const struct cmd_entry *e, const struct cmd_args *a) { return city_step(e, a, GRANT_DECIDE); }
static int exec_settle(const struct cmd_entry *e, const struct cmd_args *a) { return city_step(e, a, GRANT_SETTLE); }
static int exec_advance(const struct cmd_entry *e, const struct cmd_args *a) { return city_step(e, a, GRANT_ADVANCE); }
static int exec_pay(const struct cmd_entry *e, const struct cmd_args *a) { return city_step(e, a, GRANT_PAY); }

const struct cmd_entry cmd_grant_decide_entry = {
	.name = "grant decide", .synopsis = "--db CITY --application ID --amount YEN [--date YYYY-MM-DD] [--conditions TEXT]",
	.summary = N_("(city) Decide a grant: the decided amount (交付決定)."),
	.opts = city_opts, .exec = exec_decide,
};
const struct cmd_entry cmd_grant_settle_entry = {
	.name = "grant settle", .synopsis = "--db CITY --application ID --amount YEN [--date YYYY-MM-DD]",
	.summary = N_("(city) Settle a grant after its results report: the final amount (額の確定)."),
	.opts = city_opts, .exec = exec_settle,
};
const struct cmd_entry cmd_grant_advance_entry = {
	.name = "grant advance", .synopsis = "--db CITY --application ID --amount YEN [--date YYYY-MM-DD]",
	.summary = N_("(city) Record an advance payment (概算払)."),
	.opts = city_opts, .exec = exec_advance,
};
const struct cmd_entry cmd_grant_pay_entry = {
	.name = "grant pay", .synopsis = "--db CITY --application ID [--amount YEN] [--date YYYY-MM-DD]",
	.summary = N_("(city) Record the payment of a settled grant."),
	.opts = city_opts, .exec = exec_pay,
};

static const struct cmd_opt move_opts[] = {
	{"db", "FILE", N_("the store")},
	{"application", "ID", N_("the application: its id, id prefix or title")},
	{NULL, NULL, NULL},
};

static int
move(const struct cmd_entry *self, const struct cmd_args *a, const char *to)
{
	const char *app = cmd_opt(a, "application");
	struct store *s;
	struct actor who;
	struct error err;
	bool ok;

	if (app == NULL)
		return cmd_usage(self, _("--application is required."));
	s = cmd_open_store(a);
	if (s == NULL)
		return EXIT_REFUSED;
	actor_cli(&who);
	ok = grant_move(s, &who, app, to, &err);
	store_close(s);
	if (!ok)
		return cmd_fail("%s", err.text);
	printf("%s\n", grant_status_label(to));
	return EXIT_DONE;
}

static int exec_apply(const struct cmd_entry *e, const struct cmd_args *a) { return move(e, a, "applied"); }
static int exec_report(const struct cmd_entry *e, const struct cmd_args *a) { return move(e, a, "reported"); }
static int exec_withdraw(const struct cmd_entry *e, const struct cmd_args *a) { return move(e, a, "withdrawn"); }

const struct cmd_entry cmd_grant_apply_entry = {
	.name = "grant apply", .synopsis = "--db FILE --application ID",
	.summary = N_("Submit a draft application (申請)."), .opts = move_opts, .exec = exec_apply,
};
const struct cmd_entry cmd_grant_report_entry = {
	.name = "grant report", .synopsis = "--db FILE --application ID",
	.summary = N_("Report the results of a decided grant (実績報告)."), .opts = move_opts,
	.exec = exec_report,
};
const struct cmd_entry cmd_grant_withdraw_entry = {
	.name = "grant withdraw", .synopsis = "--db FILE --application ID",
	.summary = N_("Withdraw an application (before it is paid)."), .opts = move_opts,
	.exec = exec_withdraw,
};
