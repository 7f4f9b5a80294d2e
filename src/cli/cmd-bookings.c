/* kyodo report bookings — the week's (or a day's) rooms and who has them:
 * the sheet pinned by the entrance. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "base/buf.h"
#include "base/date.h"
#include "base/i18n.h"
#include "domain/dayplan.h"
#include "paper/paper.h"
#include "pdfout.h"

static const struct cmd_opt bookings_opts[] = {
	{"db", "FILE", N_("the store")},
	{"week", "YYYY-MM-DD", N_("the week (Sunday to Saturday) with this day")},
	{"day", "YYYY-MM-DD", N_("this day only")},
	{"format", "FORMAT", N_("text (default) or pdf")},
	{"out", "FILE", N_("pdf: the new file to write")},
	{"print", NULL, N_("pdf: send it to the default printer (CUPS)")},
	{NULL, NULL, NULL},
};

struct sheet {
	struct store *s;
	struct date first;
	int ndays;
};

static bool
sheet_make(void *ctx, const char *path, struct error *err)
{
	struct sheet *c = ctx;

	return paper_bookings(c->s, c->first, c->ndays, path, err);
}

/* The same as text: each day, each room's entries. */
static int
sheet_text(struct sheet *c)
{
	struct dayplan_week w;
	struct error err;
	struct buf out = {0};
	char day[64], times[12];
	int i, r, k;
	bool ok;

	if (!dayplan_week_load(c->s, c->first, c->ndays, &w, &err)) {
		dayplan_week_free(&w);
		return cmd_fail("%s", err.text);
	}
	buf_printf(&out, "%s — %s\n", store_name(c->s), _("Room bookings"));
	for (i = 0; i < c->ndays; i++) {
		const struct dayplan *p = &w.day[i];

		date_format(p->day, day);
		buf_printf(&out, "\n%s%s%s\n", day, p->closed ? "  " : "",
		    p->closed ? _("Closed") : "");
		for (r = 0; r < w.nrooms; r++)
			for (k = 0; k < p->nentries; k++) {
				if (p->entries[k].room != r)
					continue;
				dayplan_entry_times(&p->entries[k], times);
				buf_printf(&out, "  %s  %-11s %s\n", w.rooms[r].name, times,
				    p->entries[k].group);
			}
	}
	dayplan_week_free(&w);
	ok = cmd_write_out(buf_str(&out), out.len);
	buf_free(&out);
	return ok ? EXIT_DONE : EXIT_REFUSED;
}

static int
exec_bookings(const struct cmd_entry *self, const struct cmd_args *a)
{
	const char *week = cmd_opt(a, "week"), *day = cmd_opt(a, "day");
	const char *format = cmd_opt(a, "format");
	struct sheet c;
	struct date d;
	bool pdf;
	int rc;

	if ((week == NULL) == (day == NULL))
		return cmd_usage(self, _("Give --week YYYY-MM-DD or --day YYYY-MM-DD."));
	if (!date_parse(week != NULL ? week : day, &d))
		return cmd_usage(self, _("The date is YYYY-MM-DD, e.g. 2026-11-28."));
	if (format != NULL && strcmp(format, "text") != 0 && strcmp(format, "pdf") != 0)
		return cmd_usage(self, _("--format is text or pdf."));
	rc = pdfout_check(self, a, &pdf);
	if (rc >= 0)
		return rc;
	c.first = week != NULL ? dayplan_week_start(d) : d;
	c.ndays = week != NULL ? DAYPLAN_WEEK : 1;
	c.s = cmd_open_store(a);
	if (c.s == NULL)
		return EXIT_REFUSED;
	rc = pdf ? pdfout_run(a, sheet_make, &c) : sheet_text(&c);
	store_close(c.s);
	return rc;
}

const struct cmd_entry cmd_report_bookings_entry = {
	.name = "report bookings",
	.synopsis = "--db FILE (--week YYYY-MM-DD | --day YYYY-MM-DD) [--format text|pdf] "
	    "[--out FILE] [--print]",
	.summary = N_("The rooms and who has them, for a week or a day: the sheet for the "
	    "notice board."),
	.opts = bookings_opts,
	.exec = exec_bookings,
};
