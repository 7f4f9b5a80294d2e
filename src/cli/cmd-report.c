/* kyodo report monthly|year — the usage report the city asks for. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "base/enc.h"
#include "base/i18n.h"
#include "domain/report.h"
#include "sheet/reportsheet.h"
#include "xlsxout.h"
#include "paper/paper.h"
#include "pdfout.h"

static const struct cmd_opt monthly_opts[] = {
	{"db", "FILE", N_("the store")},
	{"month", "YYYY-MM", N_("the month to report")},
	{"center", "CODE", N_("(city) the report of one center, as at that center")},
	{"format", "FORMAT", N_("text (default), csv, xlsx (an Excel workbook, with --out) or pdf")},
	{"encoding", "ENC", N_("csv: utf-8 (default), utf-8-bom or cp932 (Excel)")},
	{"out", "FILE", N_("xlsx, pdf: the new file to write (never over a file or through a link)")},
	{"print", NULL, N_("pdf: send it to the default printer (CUPS)")},
	{NULL, NULL, NULL},
};

/* Checks --format/--encoding; returns -1 to go on, or a usage exit status. */
static int
output_options(const struct cmd_entry *self, const struct cmd_args *a, bool *csv,
    enum encoding *enc)
{
	const char *format = cmd_opt(a, "format"), *encname = cmd_opt(a, "encoding");

	*enc = ENC_UTF8;
	if (format != NULL && strcmp(format, "csv") != 0 && strcmp(format, "text") != 0)
		return cmd_usage(self, _("--format is text, csv, xlsx or pdf."));
	*csv = format != NULL && strcmp(format, "csv") == 0;
	if (encname != NULL && !encoding_parse(encname, enc))
		return cmd_usage(self, _("--encoding is utf-8, utf-8-bom or cp932."));
	if (encname != NULL && !*csv)
		return cmd_usage(self, _("--encoding goes with --format csv."));
	return -1;
}

/* Writes text in the chosen encoding; a character lost becomes 〓 with a
 * warning. */
static int
emit(const struct buf *text, enum encoding e)
{
	struct encoder *c;
	struct error err;
	struct buf out = {0};
	size_t lost;
	bool ok;

	c = encoder_new(e, &err);
	if (c == NULL)
		return cmd_fail("%s", err.text);
	encoder_start(c, &out);
	lost = encoder_convert(c, buf_str(text), text->len, &out);
	encoder_free(c);
	if (lost > 0)
		fprintf(stderr, P_("kyodo: warning: %zu character of a room name cannot be "
		    "written in this encoding; written as 〓.\n", "kyodo: warning: %zu characters "
		    "of room names cannot be written in this encoding; written as 〓.\n", lost), lost);
	ok = cmd_write_out(out.data ? out.data : "", out.len);
	buf_free(&out);
	return ok ? EXIT_DONE : EXIT_REFUSED;
}

/* What both reports do about the one they make: --format and --encoding
 * checked, the store open while make reads it, the text written out.  make
 * returns -1 when text holds the report, else the exit status, its refusal
 * said. */
static int
run_report(const struct cmd_entry *self, const struct cmd_args *a,
    int (*make)(const struct cmd_entry *self, const struct cmd_args *a, struct store *s,
    int year, int month, bool csv, struct buf *text), int year, int month)
{
	struct buf text = {0};
	struct store *s;
	enum encoding enc;
	int rc;
	bool csv = false;

	rc = output_options(self, a, &csv, &enc);
	if (rc >= 0)
		return rc;
	s = cmd_open_store(a);
	if (s == NULL)
		return EXIT_REFUSED;
	rc = make(self, a, s, year, month, csv, &text);
	store_close(s);
	if (rc < 0)
		rc = emit(&text, enc);
	buf_free(&text);
	return rc;
}

static int
make_monthly(const struct cmd_entry *self, const struct cmd_args *a, struct store *s,
    int year, int month, bool csv, struct buf *text)
{
	const char *center = cmd_opt(a, "center");
	struct report r;
	struct error err;

	if (center != NULL && store_kind(s) != STORE_CITY)
		return cmd_usage(self, _("--center is for city hall's store."));
	if (!report_month(s, year, month, center, &r, &err))
		return cmd_fail("%s", err.text);
	if (csv)
		report_csv(&r, text);
	else
		report_text(&r, text);
	report_free(&r);
	return -1;
}

/* The report as a workbook at out (reportsheet.h). */
static int
monthly_xlsx(const struct cmd_entry *self, const struct cmd_args *a, int year, int month,
    const char *out)
{
	const char *center = cmd_opt(a, "center");
	struct error err;
	struct store *s;
	bool ok;
	int rc;

	if ((s = cmd_open_store_for_center(self, a, &rc)) == NULL)
		return rc;
	ok = reportsheet_monthly(s, year, month, center, out, &err);
	store_close(s);
	return xlsxout_done(ok, &err);
}

/* --format pdf: the report for paper (paper.h). */
struct paper_ctx {
	const struct report *r;
	const struct report_year *y;
	char name[256];
};

static bool
paper_make(void *ctx, const char *path, struct error *err)
{
	struct paper_ctx *c = ctx;

	return c->r != NULL ? paper_monthly(c->r, c->name, path, err) :
	    paper_year(c->y, c->name, path, err);
}

static int
monthly_pdf(const struct cmd_entry *self, const struct cmd_args *a, int year, int mon)
{
	const char *center = cmd_opt(a, "center");
	struct paper_ctx c = {0};
	struct report r;
	struct error err;
	struct store *s;
	bool ok;
	int rc;

	if ((s = cmd_open_store_for_center(self, a, &rc)) == NULL)
		return rc;
	ok = report_month(s, year, mon, center, &r, &err);
	if (center != NULL)
		report_center_name(s, center, c.name, sizeof c.name);
	else
		snprintf(c.name, sizeof c.name, "%s", store_name(s));
	store_close(s);
	if (!ok)
		return cmd_fail("%s", err.text);
	c.r = &r;
	rc = pdfout_run(a, paper_make, &c);
	report_free(&r);
	return rc;
}

static int
exec_monthly(const struct cmd_entry *self, const struct cmd_args *a)
{
	const char *month = cmd_opt(a, "month"), *out;
	int year, mon, rc;
	bool pdf;

	if (month == NULL || !date_parse_month(month, &year, &mon))
		return cmd_usage(self, _("--month takes YYYY-MM, e.g. 2026-04."));
	if (xlsxout_wanted(self, a, &out, &rc))
		return monthly_xlsx(self, a, year, mon, out);
	if (rc >= 0)
		return rc;
	rc = pdfout_check(self, a, &pdf);
	if (rc >= 0)
		return rc;
	if (pdf)
		return monthly_pdf(self, a, year, mon);
	return run_report(self, a, make_monthly, year, mon);
}

const struct cmd_entry cmd_report_monthly_entry = {
	.name = "report monthly",
	.synopsis = "--db FILE --month YYYY-MM [--center CODE] [--format text|csv|xlsx|pdf] "
	    "[--encoding ENC] [--out FILE] [--print]",
	.summary = N_("The monthly usage report: uses, users, occupancy, fees per room (at city "
	    "hall: per center)."),
	.opts = monthly_opts,
	.exec = exec_monthly,
};

static const struct cmd_opt year_opts[] = {
	{"db", "FILE", N_("the store")},
	{"fy", "YYYY", N_("the fiscal year (April to March) that starts in YYYY")},
	{"format", "FORMAT", N_("text (default), csv, xlsx (an Excel workbook, with --out) or pdf")},
	{"encoding", "ENC", N_("csv: utf-8 (default), utf-8-bom or cp932 (Excel)")},
	{"out", "FILE", N_("xlsx, pdf: the new file to write (never over a file or through a link)")},
	{"print", NULL, N_("pdf: send it to the default printer (CUPS)")},
	{NULL, NULL, NULL},
};

/* year is the fiscal year; month is not used. */
static int
make_year(const struct cmd_entry *self, const struct cmd_args *a, struct store *s,
    int year, int month, bool csv, struct buf *text)
{
	struct report_year y;
	struct error err;

	(void)self;
	(void)a;
	(void)month;
	if (!report_year(s, year, &y, &err))
		return cmd_fail("%s", err.text);
	if (csv)
		report_year_csv(&y, text);
	else
		report_year_text(&y, text);
	report_year_free(&y);
	return -1;
}

static int
year_pdf(const struct cmd_args *a, int fy)
{
	struct paper_ctx c = {0};
	struct report_year y;
	struct error err;
	struct store *s;
	bool ok;
	int rc;

	s = cmd_open_store(a);
	if (s == NULL)
		return EXIT_REFUSED;
	ok = report_year(s, fy, &y, &err);
	snprintf(c.name, sizeof c.name, "%s", store_name(s));
	store_close(s);
	if (!ok)
		return cmd_fail("%s", err.text);
	c.y = &y;
	rc = pdfout_run(a, paper_make, &c);
	report_year_free(&y);
	return rc;
}

static int
exec_year(const struct cmd_entry *self, const struct cmd_args *a)
{
	const char *fy_s = cmd_opt(a, "fy"), *out;
	char *end;
	long fy;
	int rc;
	bool pdf;

	fy = fy_s != NULL ? strtol(fy_s, &end, 10) : 0;
	if (fy_s == NULL || *fy_s == '\0' || *end != '\0' || fy < 1900 || fy > 2998)
		return cmd_usage(self, _("--fy takes a year, e.g. 2026 for April 2026 to March 2027."));
	if (xlsxout_wanted(self, a, &out, &rc))
		return xlsxout_write_fy(a, reportsheet_year, (int)fy, out);
	if (rc >= 0)
		return rc;
	rc = pdfout_check(self, a, &pdf);
	if (rc >= 0)
		return rc;
	if (pdf)
		return year_pdf(a, (int)fy);
	return run_report(self, a, make_year, (int)fy, 0);
}

const struct cmd_entry cmd_report_year_entry = {
	.name = "report year",
	.synopsis = "--db FILE --fy YYYY [--format text|csv|xlsx|pdf] [--encoding ENC] [--out FILE] "
	    "[--print]",
	.summary = N_("Uses per room for each month of a fiscal year (xlsx: a summary sheet and "
	    "one sheet per month)."),
	.opts = year_opts,
	.exec = exec_year,
};
