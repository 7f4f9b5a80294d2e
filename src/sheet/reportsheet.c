/* reportsheet — see reportsheet.h. */
#include "reportsheet.h"

#include <stdio.h>
#include <string.h>

#include "xlsx.h"
#include "base/date.h"
#include "base/i18n.h"
#include "domain/record.h"
#include "domain/report.h"

/* The meetings' and events' columns, as report_csv has them. */
static const char *const activity_heads[5] = {
	N_("Meetings held"), N_("Meeting attendees"), N_("Events held"),
	N_("Event participants"), N_("Event volunteers"),
};

static enum era_lang
era_lang(void)
{
	return i18n_lang() == LANG_JA ? ERA_JA : ERA_EN;
}

static const char *
category_label(int i)
{
	const struct kind *k = kind_find("use");

	return field_choice_label(&k->fields[kind_field(k, "category")], report_category(i));
}

static long
activity(const struct report_row *row, int i)
{
	const long v[5] = {row->meetings, row->attendees, row->events, row->participants,
	    row->volunteers};

	return v[i];
}

#define HEAD 3		/* the table's heading row; the title and a line above */

/* The month's table on its own sheet: the columns of report_csv. */
static void
month_table(struct xlsx *x, const struct report *r, const char *extra)
{
	char name[64], title[256], slot[32], line[128], f[96], d[16], e[16];
	struct xlsx_sheet *sh;
	int i, c, s, col, last = HEAD + r->nrows;

	era_format_month(r->year, r->month, era_lang(), name, sizeof name);
	snprintf(title, sizeof title, _("Monthly usage report %04d-%02d"), r->year, r->month);
	snprintf(title + strlen(title), sizeof title - strlen(title), "  %s%s%s", name,
	    extra != NULL ? "  " : "", extra != NULL ? extra : "");
	sh = xlsx_sheet_add(x, name, title);
	snprintf(line, sizeof line, _("Days open: %d"), r->days_open);
	xlsx_line(sh, 1, line);
	col = 0;
	xlsx_text(sh, HEAD, col++, r->by_center ? _("Center") : _("Room"), XLSX_HEAD);
	xlsx_text(sh, HEAD, col++, _("Uses"), XLSX_HEAD);
	xlsx_text(sh, HEAD, col++, _("Users"), XLSX_HEAD);
	xlsx_text(sh, HEAD, col++, _("Days used"), XLSX_HEAD);
	xlsx_text(sh, HEAD, col++, _("Days open"), XLSX_HEAD);
	xlsx_text(sh, HEAD, col++, _("Occupancy"), XLSX_HEAD);
	xlsx_text(sh, HEAD, col++, _("Fees"), XLSX_HEAD);
	xlsx_text(sh, HEAD, col++, _("Waived"), XLSX_HEAD);
	for (c = 0; c < REPORT_CATEGORIES; c++)
		xlsx_text(sh, HEAD, col++, category_label(c), XLSX_HEAD);
	for (s = 0; s < r->opening.nslots; s++) {
		opening_slot_name(&r->opening, s, slot, sizeof slot);
		xlsx_text(sh, HEAD, col++, slot, XLSX_HEAD);
	}
	xlsx_text(sh, HEAD, col++, _("Other times"), XLSX_HEAD);
	for (c = 0; c < 5; c++)
		xlsx_text(sh, HEAD, col++, _(activity_heads[c]), XLSX_HEAD);
	xlsx_head_row(sh, HEAD, 1);
	xlsx_total_row(sh, last + 1);
	for (i = 0; i <= r->nrows; i++) {
		const struct report_row *row = i < r->nrows ? &r->rows[i] : &r->total;
		int at = HEAD + 1 + i;
		bool total = i == r->nrows;
		double v;

		xlsx_text(sh, at, 0, row->room, XLSX_TEXT);
		/* The counted columns: a total is the sum of the rows above. */
#define NUM(colno, value, style) do { v = (double)(value); if (total) \
	xlsx_sum(sh, at, colno, HEAD + 1, colno, last, colno, v, style); \
	else xlsx_num(sh, at, colno, v, style); } while (0)
		NUM(1, row->uses, XLSX_COUNT);
		NUM(2, row->users, XLSX_COUNT);
		NUM(3, row->days_used, XLSX_COUNT);
		NUM(4, total ? (long long)r->days_open * r->nrows : r->days_open, XLSX_COUNT);
		/* Occupancy is days used over days open, as the report rounds
		 * it (half up, to a tenth of a percent); city hall's rows are
		 * each center's own figure. */
		v = row->occupancy_tenths / 1000.0;
		if (r->by_center) {
			xlsx_num(sh, at, 5, v, XLSX_PCT);
		} else {
			xlsx_cell_name(at, 3, d);
			xlsx_cell_name(at, 4, e);
			snprintf(f, sizeof f, "=IF(%s>0,ROUND(%s/%s,3),0)", e, d, e);
			xlsx_formula(sh, at, 5, f, v, XLSX_PCT);
		}
		NUM(6, row->fee, XLSX_YEN);
		NUM(7, row->waived, XLSX_YEN);
		col = 8;
		for (c = 0; c < REPORT_CATEGORIES; c++, col++)
			NUM(col, row->by_category[c], XLSX_COUNT);
		for (s = 0; s <= r->opening.nslots; s++, col++)
			NUM(col, row->by_slot[s], XLSX_COUNT);
		/* A center's meetings and events are its own, not a room's:
		 * on its total row only.  City hall's are each center's. */
		for (c = 0; c < 5; c++, col++) {
			if (r->by_center)
				NUM(col, activity(row, c), XLSX_COUNT);
			else if (total)
				xlsx_num(sh, at, col, (double)activity(row, c), XLSX_COUNT);
		}
#undef NUM
	}
	snprintf(line, sizeof line, P_("Center programs: %ld session",
	    "Center programs: %ld sessions", (unsigned long)r->own_sessions), r->own_sessions);
	snprintf(line + strlen(line), sizeof line - strlen(line), P_(", %ld attendee",
	    ", %ld attendees", (unsigned long)r->own_attendance), r->own_attendance);
	xlsx_line(sh, last + 3, line);
}

/* The month's meetings (events: its events), one a row, with a total. */
static void
item_sheet(struct xlsx *x, const struct report *r, bool events)
{
	const struct report_item *it = events ? r->event_list : r->meeting_list;
	int n = events ? r->nevent_list : r->nmeeting_list, i, ncount = events ? 2 : 1, c;
	char era[64], title[256], name[64];
	struct xlsx_sheet *sh;
	long sum[2] = {0, 0};

	era_format_month(r->year, r->month, era_lang(), era, sizeof era);
	snprintf(name, sizeof name, "%s", events ? _("Events") : _("Meetings"));
	snprintf(title, sizeof title, "%s  %s", name, era);
	sh = xlsx_sheet_add(x, name, title);
	xlsx_text(sh, 2, 0, _("Date"), XLSX_HEAD);
	xlsx_text(sh, 2, 1, _("Start"), XLSX_HEAD);
	xlsx_text(sh, 2, 2, _("Title"), XLSX_HEAD);
	xlsx_text(sh, 2, 3, events ? _("Participants") : _("Attendees"), XLSX_HEAD);
	if (events)
		xlsx_text(sh, 2, 4, _("Volunteers"), XLSX_HEAD);
	xlsx_head_row(sh, 2, 0);
	for (i = 0; i < n; i++) {
		xlsx_date(sh, 3 + i, 0, it[i].date);
		xlsx_time(sh, 3 + i, 1, it[i].start);
		xlsx_text(sh, 3 + i, 2, it[i].title, XLSX_TEXT);
		xlsx_num(sh, 3 + i, 3, (double)it[i].people, XLSX_COUNT);
		sum[0] += it[i].people;
		if (events) {
			xlsx_num(sh, 3 + i, 4, (double)it[i].volunteers, XLSX_COUNT);
			sum[1] += it[i].volunteers;
		}
	}
	xlsx_total_row(sh, 3 + n);
	xlsx_text(sh, 3 + n, 0, _("Total"), XLSX_TEXT);
	xlsx_text(sh, 3 + n, 1, "", XLSX_TEXT);
	xlsx_text(sh, 3 + n, 2, "", XLSX_TEXT);
	for (c = 0; c < ncount; c++)
		xlsx_sum(sh, 3 + n, 3 + c, 3, 3 + c, 2 + n, 3 + c, (double)sum[c], XLSX_COUNT);
}

bool
reportsheet_monthly(struct store *s, int year, int month, const char *center,
    const char *path, struct error *err)
{
	struct report r;
	struct xlsx *x = xlsx_open(path, store_name(s), err);

	if (x == NULL)
		return false;
	if (!report_month(s, year, month, center, &r, err)) {
		xlsx_abort(x);
		return false;
	}
	if (center != NULL) {
		char name[128];

		/* City hall's copy of one center's month: titled by its name. */
		report_center_name(s, center, name, sizeof name);
		month_table(x, &r, name);
	} else {
		month_table(x, &r, NULL);
	}
	if (!r.by_center) {
		item_sheet(x, &r, false);
		item_sheet(x, &r, true);
	}
	report_free(&r);
	return xlsx_close(x, err);
}

/* The summary: uses per room per month, then the year's other rows. */
static void
year_summary(struct xlsx *x, const struct report_year *y)
{
	char era[64], title[256], m[16];
	struct xlsx_sheet *sh;
	const int head = 2;
	int i, c, at, last = head + y->nrows;

	era_format_fy(y->fy, era_lang(), era, sizeof era);
	snprintf(title, sizeof title, _("Uses by month, %s"), era);
	sh = xlsx_sheet_add(x, era, title);
	xlsx_text(sh, head, 0, _("Room"), XLSX_HEAD);
	for (c = 0; c < 12; c++) {
		snprintf(m, sizeof m, _("%dm"), (c + 3) % 12 + 1);
		xlsx_text(sh, head, 1 + c, m, XLSX_HEAD);
	}
	xlsx_text(sh, head, 13, _("Total"), XLSX_HEAD);
	xlsx_head_row(sh, head, 1);
	for (i = 0; i < y->nrows; i++) {
		at = head + 1 + i;
		xlsx_text(sh, at, 0, y->rows[i].room, XLSX_TEXT);
		for (c = 0; c < 12; c++)
			xlsx_num(sh, at, 1 + c, (double)y->rows[i].uses[c], XLSX_COUNT);
		xlsx_sum(sh, at, 13, at, 1, at, 12, (double)report_year_sum(y->rows[i].uses),
		    XLSX_COUNT);
	}
	at = last + 1;
	xlsx_total_row(sh, at);
	xlsx_text(sh, at, 0, _("Total"), XLSX_TEXT);
	for (c = 0; c < 12; c++)
		xlsx_sum(sh, at, 1 + c, head + 1, 1 + c, last, 1 + c, (double)y->total_uses[c],
		    XLSX_COUNT);
	xlsx_sum(sh, at, 13, head + 1, 13, last, 13, (double)report_year_sum(y->total_uses),
	    XLSX_COUNT);
	/* The other rows, each summed across its year. */
	for (i = 0; i < 6; i++) {
		const long *row = i == 0 ? y->total_users : i == 1 ? y->meetings :
		    i == 2 ? y->attendees : i == 3 ? y->events : i == 4 ? y->participants :
		    y->volunteers;

		at = last + 3 + i;
		xlsx_text(sh, at, 0, i == 0 ? _("Users") : _(activity_heads[i - 1]), XLSX_TEXT);
		for (c = 0; c < 12; c++)
			xlsx_num(sh, at, 1 + c, (double)row[c], XLSX_COUNT);
		xlsx_sum(sh, at, 13, at, 1, at, 12, (double)report_year_sum(row), XLSX_COUNT);
	}
}

bool
reportsheet_year(struct store *s, int fy, const char *path, struct error *err)
{
	struct report_year y;
	struct report r;
	struct xlsx *x = xlsx_open(path, store_name(s), err);
	int m;

	if (x == NULL)
		return false;
	if (!report_year(s, fy, &y, err)) {
		xlsx_abort(x);
		return false;
	}
	year_summary(x, &y);
	report_year_free(&y);
	for (m = 0; m < 12; m++) {
		if (!report_month(s, m < 9 ? fy : fy + 1, (m + 3) % 12 + 1, NULL, &r, err)) {
			xlsx_abort(x);
			return false;
		}
		month_table(x, &r, NULL);
		report_free(&r);
	}
	return xlsx_close(x, err);
}
