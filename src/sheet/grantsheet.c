/* grantsheet — see grantsheet.h. */
#include "grantsheet.h"

#include <stdio.h>
#include <string.h>

#include "xlsx.h"
#include "base/date.h"
#include "base/i18n.h"
#include "domain/grantbook.h"

#define HEAD 2
#define NYEN 7

struct grant_out {
	struct xlsx_sheet *sh;
	bool city;
	int row;
	long long sum[NYEN];
};

static void
each_line(void *ctx, const struct grant_line *g)
{
	struct grant_out *o = ctx;
	const long long yen[NYEN] = {g->requested, g->decided, g->spent, g->planned, g->final,
	    g->paid, g->remaining};
	char era[48], notes[128] = "";
	int col = 0, i;

	era_format_fy(g->fy, i18n_lang() == LANG_JA ? ERA_JA : ERA_EN, era, sizeof era);
	if (o->city)
		xlsx_text(o->sh, o->row, col++, g->center_name, XLSX_TEXT);
	xlsx_text(o->sh, o->row, col++, era, XLSX_TEXT);
	xlsx_text(o->sh, o->row, col++, g->title, XLSX_TEXT);
	xlsx_text(o->sh, o->row, col++, g->program_name != NULL && g->program_name[0] != '\0' ?
	    g->program_name : g->program, XLSX_TEXT);
	xlsx_text(o->sh, o->row, col++, grant_status_label(g->status), XLSX_TEXT);
	for (i = 0; i < NYEN; i++) {
		xlsx_num(o->sh, o->row, col++, (double)yen[i], XLSX_YEN);
		o->sum[i] = grant_yen_add(o->sum[i], yen[i]);
	}
	if (g->overspent)
		snprintf(notes, sizeof notes, "%s", _("over the grant!"));
	if (g->report_due)
		snprintf(notes + strlen(notes), sizeof notes - strlen(notes), "%s%s",
		    notes[0] != '\0' ? " " : "", _("report due"));
	xlsx_text(o->sh, o->row, col, notes, XLSX_TEXT);
	o->row++;
}

bool
grantsheet_write(struct store *s, int fy, const char *path, struct error *err)
{
	static const char *const heads[] = {
		N_("Fiscal year"), N_("Application"), N_("Program"), N_("Status"),
		N_("Requested"), N_("Decided"), N_("Spent"), N_("Planned"), N_("Final"),
		N_("Paid"), N_("Remaining"), N_("Note"),
	};
	struct grant_out o = {0};
	struct xlsx *x = xlsx_open(path, store_name(s), err);
	char title[256], era[48];
	size_t h;
	int col = 0, i, first;
	long n;

	if (x == NULL)
		return false;
	snprintf(title, sizeof title, "%s", _("Grant status"));
	if (fy != 0) {
		era_format_fy(fy, i18n_lang() == LANG_JA ? ERA_JA : ERA_EN, era, sizeof era);
		snprintf(title + strlen(title), sizeof title - strlen(title), "  %s", era);
	}
	o.sh = xlsx_sheet_add(x, _("Grant status"), title);
	o.city = store_kind(s) == STORE_CITY;
	if (o.city)
		xlsx_text(o.sh, HEAD, col++, _("Center"), XLSX_HEAD);
	for (h = 0; h < sizeof heads / sizeof heads[0]; h++)
		xlsx_text(o.sh, HEAD, col++, _(heads[h]), XLSX_HEAD);
	xlsx_head_row(o.sh, HEAD, 0);
	o.row = HEAD + 1;
	n = grant_lines(s, fy, each_line, &o, err);
	if (n < 0) {
		xlsx_abort(x);
		return false;
	}
	/* The total row: each yen column summed. */
	xlsx_total_row(o.sh, o.row);
	first = o.city ? 5 : 4;
	for (col = 0; col < first; col++)
		xlsx_text(o.sh, o.row, col, col == 0 ? _("Total") : "", XLSX_TEXT);
	for (i = 0; i < NYEN; i++)
		xlsx_sum(o.sh, o.row, first + i, HEAD + 1, first + i, o.row - 1, first + i,
		    (double)o.sum[i], XLSX_YEN);
	xlsx_text(o.sh, o.row, first + NYEN, "", XLSX_TEXT);
	return xlsx_close(x, err);
}
