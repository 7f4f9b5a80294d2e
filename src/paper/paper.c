/* paper — see paper.h. */
#include "paper.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "base/money.h"
#include "domain/dayplan.h"
#include "domain/grantbook.h"
#include "domain/plan.h"
#include "domain/record.h"
#include "pdf.h"

static enum era_lang
era_lang(void)
{
	return i18n_lang() == LANG_JA ? ERA_JA : ERA_EN;
}

/* "市民センター — 月報": the running line at the top of each page. */
static struct pdoc *
new_doc(bool landscape, const char *center, const char *what)
{
	char line[512];

	snprintf(line, sizeof line, "%s — %s", center, what);
	return pdoc_new(landscape, line);
}

static bool
finish(struct pdoc *d, const char *path, struct error *err)
{
	bool ok;

	if (d == NULL) {
		error_set(err, "%s", _("Out of memory while making the document."));
		return false;
	}
	ok = pdoc_save(d, path, err);
	pdoc_free(d);
	return ok;
}

static const char *
num(char *out, size_t size, long long v)
{
	snprintf(out, size, "%lld", v);
	return out;
}

static const char *
yen(char *out, size_t size, long long v)
{
	/* "¥" is two bytes of UTF-8; money_format writes after it. */
	snprintf(out, size, "¥");
	money_format(v, out + strlen(out), size - strlen(out));
	return out;
}

/* ---- the monthly report ---- */

static void
main_row(struct pdoc *d, const struct report_row *row, enum pdoc_style st)
{
	char b[6][32];
	const char *cell[7];

	cell[0] = row->room;
	cell[1] = num(b[0], sizeof b[0], row->uses);
	cell[2] = num(b[1], sizeof b[1], row->users);
	cell[3] = num(b[2], sizeof b[2], row->days_used);
	snprintf(b[3], sizeof b[3], "%d.%d%%", row->occupancy_tenths / 10,
	    row->occupancy_tenths % 10);
	cell[4] = b[3];
	cell[5] = yen(b[4], sizeof b[4], row->fee);
	cell[6] = yen(b[5], sizeof b[5], row->waived);
	pdoc_row(d, cell, st);
}

static void
items(struct pdoc *d, const char *heading, const struct report_item *it, int n, bool events)
{
	static const double w[5] = { 1.3, 0.8, 4, 1.2, 1.2 };
	static const enum pdoc_align al[5] = { PDOC_LEFT, PDOC_LEFT, PDOC_LEFT, PDOC_RIGHT,
	    PDOC_RIGHT };
	const char *head[5], *cell[5];
	char a[32], b[32];
	int i;

	if (n == 0)
		return;
	pdoc_heading(d, heading);
	head[0] = _("Date");
	head[1] = _("Time");
	head[2] = _("Title");
	head[3] = events ? _("Participants") : _("Attendees");
	head[4] = _("Volunteers");
	pdoc_table(d, events ? 5 : 4, w, al, head);
	for (i = 0; i < n; i++) {
		cell[0] = it[i].date;
		cell[1] = it[i].start;
		cell[2] = it[i].title;
		cell[3] = num(a, sizeof a, it[i].people);
		cell[4] = num(b, sizeof b, it[i].volunteers);
		pdoc_row(d, cell, PDOC_PLAIN);
	}
}

bool
paper_monthly(const struct report *r, const char *center, const char *path, struct error *err)
{
	static const double mw[7] = { 3, 1, 1.2, 1.1, 1.1, 1.4, 1.4 };
	static const enum pdoc_align right[PDOC_MAX_COLS] = { PDOC_LEFT, PDOC_RIGHT, PDOC_RIGHT,
	    PDOC_RIGHT, PDOC_RIGHT, PDOC_RIGHT, PDOC_RIGHT, PDOC_RIGHT, PDOC_RIGHT, PDOC_RIGHT,
	    PDOC_RIGHT, PDOC_RIGHT, PDOC_RIGHT, PDOC_RIGHT, PDOC_RIGHT, PDOC_RIGHT };
	double w[PDOC_MAX_COLS];
	const char *head[PDOC_MAX_COLS], *cell[PDOC_MAX_COLS], **label;
	char era[64], sub[160], line[768], b[PDOC_MAX_COLS][32], slot[OPENING_MAX_SLOTS + 1][32];
	long *value;
	struct pdoc *d;
	int i, c, s, ns;

	d = new_doc(false, center, _("Monthly usage report"));
	if (d == NULL)
		return finish(NULL, path, err);
	era_format_month(r->year, r->month, era_lang(), era, sizeof era);
	snprintf(line, sizeof line, "%s %s", center, _("Monthly usage report"));
	/* The period first, as the city's forms put it. */
	snprintf(sub, sizeof sub, "%s　", era);
	snprintf(sub + strlen(sub), sizeof sub - strlen(sub), _("Days open: %d"), r->days_open);
	pdoc_title(d, line, sub);

	head[0] = r->by_center ? _("Center") : _("Room");
	head[1] = _("Uses");
	head[2] = _("Users");
	head[3] = _("Days used");
	head[4] = _("Occupancy");
	head[5] = _("Fees");
	head[6] = _("Waived");
	pdoc_table(d, 7, mw, right, head);
	for (i = 0; i < r->nrows; i++)
		main_row(d, &r->rows[i], PDOC_PLAIN);
	main_row(d, &r->total, PDOC_TOTAL);

	/* Uses per room as bars: which rooms carry the center. */
	if (r->nrows > 0) {
		label = calloc((size_t)r->nrows, sizeof *label);
		value = calloc((size_t)r->nrows, sizeof *value);
		if (label != NULL && value != NULL) {
			for (i = 0; i < r->nrows; i++) {
				label[i] = r->rows[i].room;
				value[i] = r->rows[i].uses;
			}
			pdoc_heading(d, _("Uses per room"));
			pdoc_bars(d, r->nrows, label, value);
		}
		free(label);
		free(value);
	}

	pdoc_heading(d, _("Uses by category"));
	w[0] = 3;
	head[0] = _("Room");
	for (c = 0; c < REPORT_CATEGORIES; c++) {
		w[c + 1] = 1.2;
		head[c + 1] = report_category_label(c);
	}
	pdoc_table(d, REPORT_CATEGORIES + 1, w, right, head);
	for (i = 0; i <= r->nrows; i++) {
		const struct report_row *row = i < r->nrows ? &r->rows[i] : &r->total;

		cell[0] = row->room;
		for (c = 0; c < REPORT_CATEGORIES; c++)
			cell[c + 1] = num(b[c], sizeof b[c], row->by_category[c]);
		pdoc_row(d, cell, i < r->nrows ? PDOC_PLAIN : PDOC_TOTAL);
	}

	pdoc_heading(d, _("Uses by time slot"));
	ns = r->opening.nslots;
	if (ns > OPENING_MAX_SLOTS || ns + 2 > PDOC_MAX_COLS)
		ns = 0;
	for (s = 0; s < ns; s++) {
		opening_slot_name(&r->opening, s, slot[s], sizeof slot[s]);
		head[s + 1] = slot[s];
		w[s + 1] = 1.2;
	}
	head[ns + 1] = _("Other times");
	w[ns + 1] = 1.2;
	pdoc_table(d, ns + 2, w, right, head);
	for (i = 0; i <= r->nrows; i++) {
		const struct report_row *row = i < r->nrows ? &r->rows[i] : &r->total;

		cell[0] = row->room;
		for (s = 0; s < ns; s++)
			cell[s + 1] = num(b[s], sizeof b[s], row->by_slot[s]);
		cell[ns + 1] = num(b[ns], sizeof b[ns], row->by_slot[r->opening.nslots]);
		pdoc_row(d, cell, i < r->nrows ? PDOC_PLAIN : PDOC_TOTAL);
	}

	pdoc_heading(d, _("Meetings and events"));
	/* One block, so the three lines stay on one page. */
	snprintf(line, sizeof line, P_("Center programs: %ld session",
	    "Center programs: %ld sessions", (unsigned long)r->own_sessions), r->own_sessions);
	snprintf(line + strlen(line), sizeof line - strlen(line), P_(", %ld attendee",
	    ", %ld attendees", (unsigned long)r->own_attendance), r->own_attendance);
	strcat(line, "\n");
	report_activity_line(r, false, line + strlen(line), sizeof line - strlen(line));
	strcat(line, "\n");
	report_activity_line(r, true, line + strlen(line), sizeof line - strlen(line));
	pdoc_text(d, line);
	items(d, _("Meetings"), r->meeting_list, r->nmeeting_list, false);
	items(d, _("Events"), r->event_list, r->nevent_list, true);
	return finish(d, path, err);
}

/* ---- the fiscal year ---- */

static void
year_row(struct pdoc *d, const char *name, const long m[12], enum pdoc_style st)
{
	char b[13][24];
	const char *cell[14];
	int c;

	cell[0] = name;
	for (c = 0; c < 12; c++)
		cell[c + 1] = num(b[c], sizeof b[c], m[c]);
	cell[13] = num(b[12], sizeof b[12], report_year_sum(m));
	pdoc_row(d, cell, st);
}

bool
paper_year(const struct report_year *y, const char *center, const char *path,
    struct error *err)
{
	static const enum pdoc_align al[14] = { PDOC_LEFT, PDOC_RIGHT, PDOC_RIGHT, PDOC_RIGHT,
	    PDOC_RIGHT, PDOC_RIGHT, PDOC_RIGHT, PDOC_RIGHT, PDOC_RIGHT, PDOC_RIGHT, PDOC_RIGHT,
	    PDOC_RIGHT, PDOC_RIGHT, PDOC_RIGHT };
	static const char *const act[5] = {
		N_("Meetings held"), N_("Meeting attendees"), N_("Events held"),
		N_("Event participants"), N_("Event volunteers"),
	};
	const long *arow[5] = { y->meetings, y->attendees, y->events, y->participants,
	    y->volunteers };
	double w[14];
	const char *head[14];
	char m[12][16], era[64], line[256];
	struct pdoc *d;
	int i, c;

	d = new_doc(true, center, _("Uses by month"));
	if (d == NULL)
		return finish(NULL, path, err);
	era_format_fy(y->fy, era_lang(), era, sizeof era);
	snprintf(line, sizeof line, "%s %s", center, _("Uses by month"));
	pdoc_title(d, line, era);
	w[0] = 3.2;
	head[0] = _("Room");
	for (c = 0; c < 12; c++) {
		snprintf(m[c], sizeof m[c], _("%dm"), (c + 3) % 12 + 1);
		head[c + 1] = m[c];
		w[c + 1] = 1;
	}
	head[13] = _("Total");
	w[13] = 1.3;
	pdoc_heading(d, _("Uses"));
	pdoc_table(d, 14, w, al, head);
	for (i = 0; i < y->nrows; i++)
		year_row(d, y->rows[i].room, y->rows[i].uses, PDOC_PLAIN);
	year_row(d, _("Total"), y->total_uses, PDOC_TOTAL);
	pdoc_heading(d, _("Users"));
	pdoc_table(d, 14, w, al, head);
	for (i = 0; i < y->nrows; i++)
		year_row(d, y->rows[i].room, y->rows[i].users, PDOC_PLAIN);
	year_row(d, _("Total"), y->total_users, PDOC_TOTAL);
	pdoc_heading(d, _("Meetings and events"));
	head[0] = "";
	pdoc_table(d, 14, w, al, head);
	for (i = 0; i < 5; i++)
		year_row(d, _(act[i]), arow[i], PDOC_PLAIN);
	return finish(d, path, err);
}

/* ---- grants ---- */

struct grants {
	struct store *s;
	struct pdoc *d;
	int last_fy, n;
	long long decided, spent, paid;
	struct error err;
	bool failed;
	/* this application's expenses */
	const struct kind *k;
	int f_date, f_item, f_amount, f_receipt;
	long long total;
};

static const double gw[7] = { 3, 3, 1.3, 1.4, 1.4, 1.4, 1.4 };
static const enum pdoc_align gal[7] = { PDOC_LEFT, PDOC_LEFT, PDOC_LEFT, PDOC_RIGHT,
    PDOC_RIGHT, PDOC_RIGHT, PDOC_RIGHT };

static bool
each_expense(void *ctx, const struct record *r)
{
	struct grants *g = ctx;
	const char *cell[4];
	char b[40];

	cell[0] = r->value[g->f_date];
	cell[1] = r->value[g->f_item];
	cell[2] = r->value[g->f_receipt];
	g->total = grant_yen_add(g->total, record_int(r, g->f_amount));
	cell[3] = yen(b, sizeof b, record_int(r, g->f_amount));
	pdoc_row(g->d, cell, PDOC_PLAIN);
	return true;
}

static void
each_grant(void *ctx, const struct grant_line *l)
{
	static const double ew[4] = { 1.4, 4, 1.6, 1.6 };
	static const enum pdoc_align eal[4] = { PDOC_LEFT, PDOC_LEFT, PDOC_LEFT, PDOC_RIGHT };
	struct grants *g = ctx;
	struct record_query q = {0};
	const char *cell[7], *head[7];
	char era[64], b[4][40], line[512];
	long n;

	if (g->failed)
		return;
	g->n++;
	g->decided = grant_yen_add(g->decided, l->decided);
	g->spent = grant_yen_add(g->spent, l->spent);
	g->paid = grant_yen_add(g->paid, l->paid);
	if (l->fy != g->last_fy) {
		era_format_fy(l->fy, era_lang(), era, sizeof era);
		pdoc_heading(g->d, era);
		g->last_fy = l->fy;
	}
	head[0] = _("Application");
	head[1] = _("Program");
	head[2] = _("Status");
	head[3] = _("Requested");
	head[4] = _("Decided");
	head[5] = _("Spent");
	head[6] = _("Remaining");
	pdoc_table(g->d, 7, gw, gal, head);
	cell[0] = l->title;
	cell[1] = l->program_name != NULL && l->program_name[0] != '\0' ? l->program_name :
	    l->program;
	cell[2] = grant_status_label(l->status);
	cell[3] = yen(b[0], sizeof b[0], l->requested);
	cell[4] = yen(b[1], sizeof b[1], l->decided);
	cell[5] = yen(b[2], sizeof b[2], l->spent);
	cell[6] = yen(b[3], sizeof b[3], l->remaining);
	pdoc_row(g->d, cell, PDOC_TOTAL);
	if (l->planned != 0) {
		money_format(l->planned, b[0], sizeof b[0]);
		snprintf(line, sizeof line, "%s ¥%s", _("Planned"), b[0]);
		pdoc_text(g->d, line);
	}
	if (l->overspent)
		pdoc_text(g->d, _("over the grant!"));

	head[0] = _("Date");
	head[1] = _("Item");
	head[2] = _("Receipt number");
	head[3] = _("Amount");
	pdoc_table(g->d, 4, ew, eal, head);
	q.eq_field = "application";
	q.eq_value = l->uuid;
	g->total = 0;
	n = record_list(g->s, g->k, &q, each_expense, g, &g->err);
	if (n < 0) {
		g->failed = true;
		return;
	}
	cell[0] = _("Total");
	cell[1] = "";
	cell[2] = "";
	cell[3] = yen(b[0], sizeof b[0], g->total);
	pdoc_row(g->d, cell, PDOC_TOTAL);
}

bool
paper_grants(struct store *s, int fy, const char *path, struct error *err)
{
	struct grants g = { .s = s };
	char era[64], line[512], a[3][40];
	long n;

	g.k = kind_find("expense");
	g.f_date = kind_field(g.k, "date");
	g.f_item = kind_field(g.k, "item");
	g.f_amount = kind_field(g.k, "amount");
	g.f_receipt = kind_field(g.k, "receipt");
	g.d = new_doc(false, store_name(s), _("Grant status"));
	if (g.d == NULL)
		return finish(NULL, path, err);
	snprintf(line, sizeof line, "%s %s", store_name(s), _("Grant status"));
	if (fy > 0)
		era_format_fy(fy, era_lang(), era, sizeof era);
	else
		snprintf(era, sizeof era, "%s", _("Every fiscal year"));
	pdoc_title(g.d, line, era);
	n = grant_lines(s, fy, each_grant, &g, err);
	if (n < 0 || g.failed) {
		if (g.failed)
			*err = g.err;
		pdoc_free(g.d);
		return false;
	}
	if (n == 0)
		pdoc_text(g.d, _("No applications."));
	else {
		snprintf(line, sizeof line, "%s: %s　%s: %s　%s: %s", _("Decided"),
		    yen(a[0], sizeof a[0], g.decided), _("Spent"), yen(a[1], sizeof a[1], g.spent),
		    _("Paid"), yen(a[2], sizeof a[2], g.paid));
		pdoc_heading(g.d, line);
	}
	return finish(g.d, path, err);
}

/* ---- the booking sheet ---- */

static const char *const weekdays[7] = {
	N_("Sun"), N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"),
};

bool
paper_bookings(struct store *s, struct date first, int ndays, const char *path,
    struct error *err)
{
	struct dayplan_week w;
	struct buf cellbuf[DAYPLAN_WEEK] = {{0}};
	double cw[DAYPLAN_WEEK + 1];
	enum pdoc_align al[DAYPLAN_WEEK + 1];
	const char *head[DAYPLAN_WEEK + 1], *cell[DAYPLAN_WEEK + 1];
	char dh[DAYPLAN_WEEK][160], a[64], b[64], line[512], sub[512], times[12];
	struct pdoc *d;
	int i, r, k;

	if (ndays < 1 || ndays > DAYPLAN_WEEK)
		ndays = DAYPLAN_WEEK;
	if (!dayplan_week_load(s, first, ndays, &w, err)) {
		dayplan_week_free(&w);
		return false;
	}
	d = new_doc(ndays > 1, store_name(s), _("Room bookings"));
	if (d == NULL) {
		dayplan_week_free(&w);
		return finish(NULL, path, err);
	}
	era_format_date(first, era_lang(), a, sizeof a);
	if (ndays > 1) {
		era_format_date(date_add_days(first, ndays - 1), era_lang(), b, sizeof b);
		snprintf(line, sizeof line, "%s – %s", a, b);
	} else
		snprintf(line, sizeof line, "%s（%s）", a, _(weekdays[date_weekday(first)]));
	snprintf(sub, sizeof sub, "%s", line);
	snprintf(line, sizeof line, "%s %s", store_name(s), _("Room bookings"));
	pdoc_title(d, line, sub);

	head[0] = _("Room");
	cw[0] = ndays > 1 ? 1.6 : 1.5;
	al[0] = PDOC_LEFT;
	for (i = 0; i < ndays; i++) {
		struct date day = date_add_days(first, i);

		snprintf(dh[i], sizeof dh[i], "%d/%d（%s）%s%s", day.month, day.day,
		    _(weekdays[date_weekday(day)]), w.day[i].closed ? "\n" : "",
		    w.day[i].closed ? _("Closed") : "");
		head[i + 1] = dh[i];
		cw[i + 1] = ndays > 1 ? 1.5 : 4;
		al[i + 1] = PDOC_LEFT;
	}
	pdoc_table(d, ndays + 1, cw, al, head);
	for (r = 0; r < w.nrooms; r++) {
		cell[0] = w.rooms[r].name;
		for (i = 0; i < ndays; i++) {
			const struct dayplan *p = &w.day[i];

			buf_free(&cellbuf[i]);
			for (k = 0; k < p->nentries; k++) {
				const struct dayplan_entry *e = &p->entries[k];

				if (e->room != r)
					continue;
				dayplan_entry_times(e, times);
				if (cellbuf[i].len > 0)
					buf_addc(&cellbuf[i], '\n');
				if (times[0] != '\0')
					buf_printf(&cellbuf[i], "%s ", times);
				buf_printf(&cellbuf[i], "%s", e->group);
			}
			cell[i + 1] = cellbuf[i].len > 0 ? buf_str(&cellbuf[i]) : "";
		}
		pdoc_row(d, cell, PDOC_PLAIN);
	}
	for (i = 0; i < ndays; i++)
		buf_free(&cellbuf[i]);
	if (w.nrooms == 0)
		pdoc_text(d, _("No rooms."));
	dayplan_week_free(&w);
	return finish(d, path, err);
}

/* ---- the plan ---- */

/* The plan is laid out once, in plan.c, as Markdown; its few shapes become
 * the document's: "#" the title, "##"… headings, "|" rows a table (the
 * second, "|---:|", gives each column's alignment), "**X**" plain X, and a
 * run of other lines one paragraph. */

/* Splits a "| a | b |" line into at most max trimmed cells (in place). */
static int
md_cells(char *line, char **cell, int max)
{
	char *p = line, *end;
	int n = 0;

	while (*p == ' ')
		p++;
	if (*p == '|')
		p++;
	while (*p != '\0' && n < max) {
		end = strchr(p, '|');
		if (end != NULL)
			*end = '\0';
		while (*p == ' ')
			p++;
		cell[n] = p;
		p += strlen(p);
		while (p > cell[n] && p[-1] == ' ')
			*--p = '\0';
		n++;
		if (end == NULL)
			break;
		p = end + 1;
		if (*p == '\0')
			break;
	}
	return n;
}

/* Removes "**" marks in place. */
static void
md_plain(char *s)
{
	char *r = s, *w = s;

	while (*r != '\0') {
		if (r[0] == '*' && r[1] == '*') {
			r += 2;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

static void
md_flush(struct pdoc *d, struct buf *para)
{
	if (para->len > 0) {
		pdoc_text(d, buf_str(para));
		buf_free(para);
	}
}

bool
paper_plan(struct store *s, const char *path, struct error *err)
{
	struct buf md = {0}, para = {0};
	struct pdoc *d;
	char *text, *line, *next, *head[PDOC_MAX_COLS], *cell[PDOC_MAX_COLS];
	const char *c[PDOC_MAX_COLS];
	double w[PDOC_MAX_COLS];
	enum pdoc_align al[PDOC_MAX_COLS];
	int ncols = 0, n, k;
	bool titled = false;

	/* A width no line reaches: pango wraps, not plan_wrap. */
	if (!plan_render(s, PLAN_MARKDOWN, 100000, &md, err)) {
		buf_free(&md);
		return false;
	}
	d = new_doc(false, store_name(s), _("Development plan"));
	text = strdup(buf_str(&md));
	buf_free(&md);
	if (d == NULL || text == NULL) {
		free(text);
		pdoc_free(d);
		return finish(NULL, path, err);
	}
	for (line = text; line != NULL; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		if (line[0] == '|') {
			md_flush(d, &para);
			if (ncols == 0) {
				ncols = md_cells(line, head, PDOC_MAX_COLS);
				continue;
			}
			n = md_cells(line, cell, PDOC_MAX_COLS);
			if (n > 0 && strncmp(cell[0], "---", 3) == 0) {
				/* the alignment row: the table starts here */
				for (k = 0; k < ncols; k++) {
					al[k] = k < n && cell[k][0] != '\0' &&
					    cell[k][strlen(cell[k]) - 1] == ':' ? PDOC_RIGHT : PDOC_LEFT;
					w[k] = k == 0 ? 1.6 : 1;
					c[k] = head[k];
				}
				pdoc_table(d, ncols, w, al, c);
				continue;
			}
			for (k = 0; k < ncols; k++) {
				if (k < n)
					md_plain(cell[k]);
				c[k] = k < n ? cell[k] : "";
			}
			pdoc_row(d, c, PDOC_PLAIN);
			continue;
		}
		ncols = 0;
		if (line[0] == '#') {
			md_flush(d, &para);
			for (k = 0; line[k] == '#'; k++)
				;
			while (line[k] == ' ')
				k++;
			if (!titled && line[1] == ' ') {
				pdoc_title(d, line + k, store_name(s));
				titled = true;
			} else if (line[k] != '\0')
				pdoc_heading(d, line + k);
			continue;
		}
		if (line[0] == '\0') {
			md_flush(d, &para);
			continue;
		}
		md_plain(line);
		if (para.len > 0)
			buf_addc(&para, '\n');
		buf_printf(&para, "%s", line);
	}
	md_flush(d, &para);
	free(text);
	return finish(d, path, err);
}
