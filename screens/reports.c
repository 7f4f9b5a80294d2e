/*
 * reports — the monthly usage report on screen, with the same numbers as
 * `kyodo report monthly` (both come from report_monthly): per room uses,
 * users, days used, occupancy, fees and waivers, then bars of uses per
 * room, uses by category and by time slot, and bars of uses per day.  The
 * page scrolls (↑/↓, PgUp/PgDn, Home/End); ←/→ change the month.
 *
 * y switches to the fiscal year (April–March, its era in the reportpage_heading): uses
 * per room per month, the totals, and bars per month; ←/→ then change the
 * year.
 *
 * Beside facility use, the month's meetings and events: their counts, and
 * a center's own listed by date (title, date, attendees or participants).
 *
 * At city hall the month lists the centers (report_centers): ↑/↓ pick one
 * and Enter shows that center's own report (report_monthly_center) in the
 * same layout as at the center; Esc goes back to the list.  The centers
 * screen opens this screen on one center (arg: its synclog_center).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "sync/synclog.h"
#include "domain/record.h"
#include "domain/report.h"
#include "base/text.h"
#include "reportpage.h"
#include "output.h"
#include "screens.h"
#include "tui/chart.h"
#include "tui/draw.h"
#include "tui/fmt.h"

static const struct action_def act_fiscal_year = {
	ACT_FISCAL_YEAR, "y", N_("Year"),
	N_("The month or the fiscal year (April to March)."), {ACT_KEY_CHAR('y')},
};

#define PAGE_TOP 2	/* title, reportpage_heading line */
#define KEPT 3		/* months' reports kept for going back to them */

/* A month's report as read, and what it was read for. */
struct kept {
	bool used;
	int year, month;
	char center[128];
	bool centers;		/* city hall's list of centers */
	long long generation;	/* store_generation when read */
	struct report r;
};

struct reports {
	int year, month;
	int fy;
	bool year_view;
	bool city;		/* city hall: the month lists the centers */
	char center[128];	/* city hall: the center shown, "" for the list */
	char center_name[128];	/* the center shown, by its name */
	bool one_center;	/* opened on one center (the centers screen) */
	struct center_names {	/* city hall: the enrolled centers' names */
		char code[17], name[128];
	} *names;
	int nnames, names_cap;
	struct report r;
	bool have_r;
	struct kept shown;	/* what r is: its key (its r unused) */
	struct kept kept[KEPT];	/* months shown before, newest first */
	struct report_year y;
	bool have_y;
	int scroll;		/* first page row in view */
	int cur;		/* city hall's list: the highlighted center */
	char err[512];
};

/* ---- reading ---- */

static bool
same_key(const struct kept *k, const struct kept *want)
{
	return k->used && want->generation >= 0 && k->year == want->year && k->month == want->month &&
	    k->centers == want->centers && k->generation == want->generation &&
	    strcmp(k->center, want->center) == 0;
}

/* Sets r aside as the newest kept month (the oldest one goes). */
static void
keep_shown(struct reports *s)
{
	if (s->kept[KEPT - 1].used)
		report_free(&s->kept[KEPT - 1].r);
	memmove(&s->kept[1], &s->kept[0], (KEPT - 1) * sizeof s->kept[0]);
	s->kept[0] = s->shown;
	s->kept[0].r = s->r;
	s->kept[0].used = true;
	memset(&s->r, 0, sizeof s->r);
	s->have_r = false;
}

/* The month asked for, when it was read before with the store as it is
 * now: ←/→ back to a month, the screen back on top. */
static bool
take_kept(struct reports *s, const struct kept *want)
{
	int i;

	for (i = 0; i < KEPT; i++) {
		if (!same_key(&s->kept[i], want))
			continue;
		s->r = s->kept[i].r;
		s->shown = *want;
		memmove(&s->kept[i], &s->kept[i + 1], (size_t)(KEPT - 1 - i) * sizeof s->kept[0]);
		memset(&s->kept[KEPT - 1], 0, sizeof s->kept[0]);
		return true;
	}
	return false;
}

static void load_names(struct app *a, struct reports *s);
static const char *center_label(const struct reports *s, const char *code);

static void
load(struct app *a, struct reports *s)
{
	struct store *st = app_store(a);
	struct kept want = {0};
	struct error err;

	want.year = s->year;
	want.month = s->month;
	want.centers = s->city && s->center[0] == '\0';
	snprintf(want.center, sizeof want.center, "%s", s->center);
	want.generation = store_generation(st);
	/* The same month with the store unchanged: nothing to read. */
	if (!s->year_view && s->have_r && same_key(&s->shown, &want))
		return;
	if (s->have_r && s->shown.generation >= 0)
		keep_shown(s);
	if (s->have_r)
		report_free(&s->r);
	if (s->have_y)
		report_year_free(&s->y);
	s->have_r = s->have_y = false;
	s->err[0] = '\0';
	if (s->year_view) {
		s->have_y = report_year(st, s->fy, &s->y, &err);
	} else if (take_kept(s, &want)) {
		s->have_r = true;
	} else {
		if (want.centers)
			s->have_r = report_centers(st, s->year, s->month, &s->r, &err);
		else
			s->have_r = report_monthly_center(st, s->year, s->month,
			    s->center[0] != '\0' ? s->center : NULL, &s->r, &err);
		s->shown = want;
		s->shown.used = s->have_r;
	}
	if (!s->have_r && !s->have_y)
		snprintf(s->err, sizeof s->err, "%s", err.text);
	if (s->have_r && s->cur >= s->r.nrows)
		s->cur = s->r.nrows > 0 ? s->r.nrows - 1 : 0;
}

static void *
reports_init(struct app *a, const void *arg)
{
	struct reports *s = xcalloc(1, sizeof *s);
	struct date today = date_today();

	s->year = today.year;
	s->month = today.month;
	s->fy = date_fiscal_year(today);
	s->city = store_kind(app_store(a)) == STORE_CITY;
	load_names(a, s);
	if (arg != NULL && s->city) {
		const struct synclog_center *c = arg;

		snprintf(s->center, sizeof s->center, "%s", c->code);
		snprintf(s->center_name, sizeof s->center_name, "%s", center_label(s, c->code));
		s->one_center = true;
	}
	load(a, s);
	return s;
}

static void
reports_done(void *state)
{
	struct reports *s = state;
	int i;

	for (i = 0; i < KEPT; i++)
		if (s->kept[i].used)
			report_free(&s->kept[i].r);
	if (s->have_r)
		report_free(&s->r);
	if (s->have_y)
		report_year_free(&s->y);
	free(s->names);
	free(s);
}

static void
reports_enter(struct app *a, void *state)
{
	load_names(a, state);
	load(a, state);
}

static void
reports_keep_name(void *ctx, const struct synclog_center *c)
{
	struct reports *s = ctx;

	if (s->nnames == s->names_cap) {
		s->names_cap = s->names_cap ? s->names_cap * 2 : 16;
		s->names = xreallocarray(s->names, (size_t)s->names_cap, sizeof *s->names);
	}
	snprintf(s->names[s->nnames].code, sizeof s->names[0].code, "%s", c->code);
	snprintf(s->names[s->nnames].name, sizeof s->names[0].name, "%s", c->name);
	s->nnames++;
}

/* City hall's centers by name, read once per visit rather than per row
 * and frame. */
static void
load_names(struct app *a, struct reports *s)
{
	s->nnames = 0;
	if (s->city)
		synclog_centers(app_store(a), date_today(), reports_keep_name, s, NULL);
}

/* A center as people know it: its enrolled name ("真柴市民センター"); the
 * code only for a center city hall has no name for. */
static const char *
center_label(const struct reports *s, const char *code)
{
	int i;

	for (i = 0; i < s->nnames; i++)
		if (strcmp(s->names[i].code, code) == 0 && s->names[i].name[0] != '\0')
			return s->names[i].name;
	return code;
}

/* ---- keys ---- */

static int
change(struct app *a, struct reports *s, int delta)
{
	if (s->year_view) {
		s->fy += delta;
	} else {
		s->month += delta;
		if (s->month < 1) {
			s->month = 12;
			s->year--;
		} else if (s->month > 12) {
			s->month = 1;
			s->year++;
		}
	}
	s->scroll = 0;
	load(a, s);
	return RES_HANDLED | RES_REDRAW;
}

static bool
listing_centers(const struct reports *s)
{
	return s->city && !s->year_view && s->center[0] == '\0';
}

static int
open_center(struct app *a, struct reports *s)
{
	if (!listing_centers(s) || !s->have_r || s->r.nrows == 0)
		return RES_HANDLED;
	snprintf(s->center, sizeof s->center, "%s", s->r.rows[s->cur].code);
	snprintf(s->center_name, sizeof s->center_name, "%s", center_label(s, s->center));
	s->scroll = 0;
	load(a, s);
	return RES_HANDLED | RES_REDRAW;
}

static int
reports_key(struct app *a, void *state, struct key k, int act)
{
	struct reports *s = state;
	int page = draw_lines() - 2 - PAGE_TOP;

	switch (act) {
	case ACT_PREV_MONTH:
	case ACT_PREV_YEAR:
		return change(a, s, -1);
	case ACT_NEXT_MONTH:
	case ACT_NEXT_YEAR:
		return change(a, s, 1);
	case ACT_FISCAL_YEAR:
		s->year_view = !s->year_view;
		if (s->year_view)
			s->fy = date_fiscal_year((struct date){s->year, s->month, 1});
		s->scroll = 0;
		load(a, s);
		return RES_HANDLED | RES_REDRAW;
	case ACT_DETAIL:
		return open_center(a, s);
	case ACT_OUTPUT: {
		struct output_arg out = {
			.what = s->year_view ? OUTPUT_YEAR : OUTPUT_MONTH, .year = s->year,
			.month = s->month, .fy = s->fy, .center = s->center,
		};

		app_push(a, &screen_output, &out);
		return RES_HANDLED | RES_REDRAW;
	}
	case ACT_BACK:
		if (s->city && s->center[0] != '\0' && !s->year_view && !s->one_center) {
			s->center[0] = '\0';
			s->scroll = 0;
			load(a, s);
			return RES_HANDLED | RES_REDRAW;
		}
		return RES_POP;
	default:
		break;
	}
	if (!k.code)
		return 0;
	if (page < 1)
		page = 1;
	if (listing_centers(s) && (k.ch == KEY_UP || k.ch == KEY_DOWN)) {
		s->cur += k.ch == KEY_UP ? -1 : 1;
		if (s->cur >= s->r.nrows)
			s->cur = s->r.nrows - 1;
		if (s->cur < 0)
			s->cur = 0;
		return RES_HANDLED | RES_REDRAW;
	}
	switch (k.ch) {
	case KEY_UP: s->scroll--; break;
	case KEY_DOWN: s->scroll++; break;
	case KEY_PPAGE: s->scroll -= page; break;
	case KEY_NPAGE: s->scroll += page; break;
	case KEY_HOME: s->scroll = 0; break;
	case KEY_END: s->scroll = 1 << 20; break;	/* clamped when drawn */
	default: return 0;
	}
	if (s->scroll < 0)
		s->scroll = 0;
	return RES_HANDLED | RES_REDRAW;
}

static void
pct(int tenths, char *out, size_t size)
{
	snprintf(out, size, "%d.%d%%", tenths / 10, tenths % 10);
}

static const char *
category_label(int i)
{
	const struct kind *k = kind_find("use");

	return field_choice_label(&k->fields[kind_field(k, "category")], report_category(i));
}


static int
main_table(const struct reportpage *c, int vr, const struct reports *s)
{
	const struct report *r = &s->r;
	struct reportpage_table t;
	char yen[64], p[16];
	int i, used;

	/* Heading, rows, rule, total. */
	if (!reportpage_in_view(c, vr, r->nrows + 3))
		return r->nrows + 3;
	reportpage_table_init(&t, r->nrows + 2, 7);
	reportpage_table_set(&t, 0, 0, "%s", r->by_center ? _("Center") : _("Room"));
	reportpage_table_set(&t, 0, 1, "%s", _("Uses"));
	reportpage_table_set(&t, 0, 2, "%s", _("Users"));
	reportpage_table_set(&t, 0, 3, "%s", _("Days used"));
	reportpage_table_set(&t, 0, 4, "%s", _("Occupancy"));
	reportpage_table_set(&t, 0, 5, "%s", _("Fees"));
	reportpage_table_set(&t, 0, 6, "%s", _("Waived"));
	for (i = 0; i <= r->nrows; i++) {
		const struct report_row *row = i < r->nrows ? &r->rows[i] : &r->total;

		reportpage_table_set(&t, i + 1, 0, "%s", row->room);
		reportpage_table_set(&t, i + 1, 1, "%ld", row->uses);
		reportpage_table_set(&t, i + 1, 2, "%ld", row->users);
		reportpage_table_set(&t, i + 1, 3, "%ld", row->days_used);
		pct(row->occupancy_tenths, p, sizeof p);
		reportpage_table_set(&t, i + 1, 4, "%s", p);
		fmt_yen(row->fee, yen, sizeof yen);
		reportpage_table_set(&t, i + 1, 5, "%s", yen);
		fmt_yen(row->waived, yen, sizeof yen);
		reportpage_table_set(&t, i + 1, 6, "%s", yen);
	}
	t.total_row = r->nrows + 1;
	used = reportpage_table_draw(c, vr, &t, listing_centers(s) && r->nrows > 0 ? s->cur + 1 : -1);
	reportpage_table_free(&t);
	return used;
}

static int
category_table(const struct reportpage *c, int vr, const struct reports *s)
{
	const struct report *r = &s->r;
	struct reportpage_table t;
	int i, k, used;

	if (!reportpage_in_view(c, vr, r->nrows + 3))
		return r->nrows + 3;
	reportpage_table_init(&t, r->nrows + 2, REPORT_CATEGORIES + 1);
	reportpage_table_set(&t, 0, 0, "%s", r->by_center ? _("Center") : _("Room"));
	for (k = 0; k < REPORT_CATEGORIES; k++)
		reportpage_table_set(&t, 0, k + 1, "%s", category_label(k));
	for (i = 0; i <= r->nrows; i++) {
		const struct report_row *row = i < r->nrows ? &r->rows[i] : &r->total;

		reportpage_table_set(&t, i + 1, 0, "%s", row->room);
		for (k = 0; k < REPORT_CATEGORIES; k++)
			reportpage_table_set(&t, i + 1, k + 1, "%ld", row->by_category[k]);
	}
	t.total_row = r->nrows + 1;
	used = reportpage_table_draw(c, vr, &t, -1);
	reportpage_table_free(&t);
	return used;
}

static int
slot_table(const struct reportpage *c, int vr, const struct reports *s)
{
	const struct report *r = &s->r;
	struct reportpage_table t;
	char name[64];
	int i, k, ns = r->opening.nslots, used;

	if (!reportpage_in_view(c, vr, r->nrows + 3))
		return r->nrows + 3;
	reportpage_table_init(&t, r->nrows + 2, ns + 2);
	reportpage_table_set(&t, 0, 0, "%s", r->by_center ? _("Center") : _("Room"));
	for (k = 0; k < ns; k++) {
		opening_slot_name(&r->opening, k, name, sizeof name);
		reportpage_table_set(&t, 0, k + 1, "%s", name);
	}
	reportpage_table_set(&t, 0, ns + 1, "%s", _("Other times"));
	for (i = 0; i <= r->nrows; i++) {
		const struct report_row *row = i < r->nrows ? &r->rows[i] : &r->total;

		reportpage_table_set(&t, i + 1, 0, "%s", row->room);
		for (k = 0; k <= ns; k++)
			reportpage_table_set(&t, i + 1, k + 1, "%ld", row->by_slot[k]);
	}
	t.total_row = r->nrows + 1;
	used = reportpage_table_draw(c, vr, &t, -1);
	reportpage_table_free(&t);
	return used;
}

/* At city hall's overview: each center's meetings and events. */
static int
activity_table(const struct reportpage *c, int vr, const struct reports *s)
{
	const struct report *r = &s->r;
	struct reportpage_table t;
	int i, used;

	if (!reportpage_in_view(c, vr, r->nrows + 3))
		return r->nrows + 3;
	reportpage_table_init(&t, r->nrows + 2, 6);
	reportpage_table_set(&t, 0, 0, "%s", _("Center"));
	reportpage_table_set(&t, 0, 1, "%s", _("Meetings"));
	reportpage_table_set(&t, 0, 2, "%s", _("Attendees"));
	reportpage_table_set(&t, 0, 3, "%s", _("Events"));
	reportpage_table_set(&t, 0, 4, "%s", _("Participants"));
	reportpage_table_set(&t, 0, 5, "%s", _("Volunteers"));
	for (i = 0; i <= r->nrows; i++) {
		const struct report_row *row = i < r->nrows ? &r->rows[i] : &r->total;

		reportpage_table_set(&t, i + 1, 0, "%s", row->room);
		reportpage_table_set(&t, i + 1, 1, "%ld", row->meetings);
		reportpage_table_set(&t, i + 1, 2, "%ld", row->attendees);
		reportpage_table_set(&t, i + 1, 3, "%ld", row->events);
		reportpage_table_set(&t, i + 1, 4, "%ld", row->participants);
		reportpage_table_set(&t, i + 1, 5, "%ld", row->volunteers);
	}
	t.total_row = r->nrows + 1;
	used = reportpage_table_draw(c, vr, &t, -1);
	reportpage_table_free(&t);
	return used;
}

/* A center's meetings (events: true, its events) of the month: title,
 * date, attendees (participants, volunteers). */
static int
item_table(const struct reportpage *c, int vr, const struct report_item *it, int n, bool events)
{
	struct reportpage_table t;
	char when[64];
	int i, used;

	if (!reportpage_in_view(c, vr, n + 1))
		return n + 1;
	reportpage_table_init(&t, n + 1, events ? 4 : 3);
	reportpage_table_set(&t, 0, 0, "%s", _("Title"));
	reportpage_table_set(&t, 0, 1, "%s", _("Date"));
	reportpage_table_set(&t, 0, 2, "%s", events ? _("Participants") : _("Attendees"));
	if (events)
		reportpage_table_set(&t, 0, 3, "%s", _("Volunteers"));
	for (i = 0; i < n; i++) {
		fmt_date_short(it[i].date, when, sizeof when);
		reportpage_table_set(&t, i + 1, 0, "%s", it[i].title);
		reportpage_table_set(&t, i + 1, 1, "%s", when);
		reportpage_table_set(&t, i + 1, 2, "%ld", it[i].people);
		if (events)
			reportpage_table_set(&t, i + 1, 3, "%ld", it[i].volunteers);
	}
	used = reportpage_table_draw(c, vr, &t, -1);
	reportpage_table_free(&t);
	return used;
}

/* The month's meetings and events beside facility use: the counts, then
 * per center (city hall's overview) or the center's own by date. */
static int
activity(const struct reportpage *c, int vr0, const struct reports *s)
{
	const struct report *r = &s->r;
	char line[256];
	int vr = vr0;

	report_activity_line(r, false, line, sizeof line);
	draw_text(reportpage_at(c, vr++), 1, COLS - 2, line, ATTR_NORMAL);
	report_activity_line(r, true, line, sizeof line);
	draw_text(reportpage_at(c, vr++), 1, COLS - 2, line, ATTR_NORMAL);
	vr++;
	if (r->by_center) {
		vr += reportpage_heading(c, vr, _("Meetings and events"));
		vr += activity_table(c, vr, s) + 1;
		return vr - vr0;
	}
	if (r->nmeeting_list > 0) {
		vr += reportpage_heading(c, vr, _("Meetings"));
		vr += item_table(c, vr, r->meeting_list, r->nmeeting_list, false) + 1;
	}
	if (r->nevent_list > 0) {
		vr += reportpage_heading(c, vr, _("Events"));
		vr += item_table(c, vr, r->event_list, r->nevent_list, true) + 1;
	}
	return vr - vr0;
}

/* The whole month page; returns its height in rows. */
static int
month_page(const struct reportpage *c, const struct reports *s)
{
	const struct report *r = &s->r;
	struct chart_item *items;
	char line[256], (*labels)[32];
	int vr = 0, i, days = date_days_in_month(r->year, r->month);

	snprintf(line, sizeof line, _("Days open: %d"), r->days_open);
	if (!r->by_center) {
		size_t n = strlen(line);

		snprintf(line + n, sizeof line - n, "   ");
		n = strlen(line);
		snprintf(line + n, sizeof line - n, P_("Center programs: %ld session",
		    "Center programs: %ld sessions", (unsigned long)r->own_sessions),
		    r->own_sessions);
		n = strlen(line);
		snprintf(line + n, sizeof line - n, P_(", %ld attendee", ", %ld attendees",
		    (unsigned long)r->own_attendance), r->own_attendance);
	}
	draw_text(reportpage_at(c, vr++), 1, COLS - 2, line, ATTR_NORMAL);
	vr++;
	vr += main_table(c, vr, s);
	if (listing_centers(s))
		draw_text(reportpage_at(c, vr), 1, COLS - 2, _("Enter: the highlighted center's own report."),
		    ATTR_DIM);
	vr += 2;
	vr += activity(c, vr, s);

	items = xcalloc((size_t)(r->nrows > days ? r->nrows : days) + 1, sizeof *items);
	labels = xcalloc(32, sizeof *labels);
	vr += reportpage_heading(c, vr, r->by_center ? _("Uses per center") : _("Uses per room"));
	for (i = 0; i < r->nrows; i++) {
		items[i].label = r->rows[i].room;
		items[i].value = r->rows[i].uses;
	}
	vr += reportpage_chart(c, vr, items, r->nrows) + 1;

	vr += reportpage_heading(c, vr, _("Uses by category"));
	vr += category_table(c, vr, s) + 1;
	vr += reportpage_heading(c, vr, _("Uses by time slot"));
	vr += slot_table(c, vr, s) + 1;

	vr += reportpage_heading(c, vr, _("Uses per day"));
	for (i = 0; reportpage_in_view(c, vr, days) && i < days; i++) {
		char iso[11];

		date_format((struct date){r->year, r->month, i + 1}, iso);
		fmt_date_short(iso, labels[i], sizeof labels[i]);
		items[i].label = labels[i];
		items[i].value = r->per_day[i + 1];
	}
	vr += reportpage_chart(c, vr, items, days);
	free(items);
	free(labels);
	return vr;
}

/* The fiscal year's meetings and events per month, as `kyodo report year`
 * has them. */
static int
year_activity(const struct reportpage *c, int vr, const struct report_year *y,
    char labels[12][32])
{
	static const char *const heads[5] = {
		N_("Meetings held"), N_("Meeting attendees"), N_("Events held"),
		N_("Event participants"), N_("Event volunteers"),
	};
	const long *rows[5] = {y->meetings, y->attendees, y->events, y->participants,
	    y->volunteers};
	struct reportpage_table t;
	int i, m, used;

	reportpage_table_init(&t, 6, 14);
	reportpage_table_set(&t, 0, 0, "%s", _("Meetings and events"));
	for (m = 0; m < 12; m++)
		reportpage_table_set(&t, 0, m + 1, "%s", labels[m]);
	reportpage_table_set(&t, 0, 13, "%s", _("Total"));
	for (i = 0; i < 5; i++) {
		reportpage_table_set(&t, i + 1, 0, "%s", _(heads[i]));
		for (m = 0; m < 12; m++)
			reportpage_table_set(&t, i + 1, m + 1, "%ld", rows[i][m]);
		reportpage_table_set(&t, i + 1, 13, "%ld", report_year_sum(rows[i]));
	}
	used = reportpage_table_draw(c, vr, &t, -1);
	reportpage_table_free(&t);
	return used;
}

/* The fiscal year's page; returns its height in rows. */
static int
year_page(const struct reportpage *c, const struct reports *s)
{
	const struct report_year *y = &s->y;
	struct chart_item items[12];
	char labels[12][32];
	struct reportpage_table t;
	int vr = 0, i, m;

	reportpage_table_init(&t, y->nrows + 3, 14);
	reportpage_table_set(&t, 0, 0, "%s", _("Room"));
	for (m = 0; m < 12; m++) {
		snprintf(labels[m], sizeof labels[m], _("%dm"), (m + 3) % 12 + 1);
		reportpage_table_set(&t, 0, m + 1, "%s", labels[m]);
	}
	reportpage_table_set(&t, 0, 13, "%s", _("Total"));
	for (i = 0; i < y->nrows; i++) {
		reportpage_table_set(&t, i + 1, 0, "%s", y->rows[i].room);
		for (m = 0; m < 12; m++)
			reportpage_table_set(&t, i + 1, m + 1, "%ld", y->rows[i].uses[m]);
		reportpage_table_set(&t, i + 1, 13, "%ld", report_year_sum(y->rows[i].uses));
	}
	reportpage_table_set(&t, y->nrows + 1, 0, "%s", _("Total"));
	reportpage_table_set(&t, y->nrows + 2, 0, "%s", _("Users"));
	for (m = 0; m < 12; m++) {
		reportpage_table_set(&t, y->nrows + 1, m + 1, "%ld", y->total_uses[m]);
		reportpage_table_set(&t, y->nrows + 2, m + 1, "%ld", y->total_users[m]);
	}
	reportpage_table_set(&t, y->nrows + 1, 13, "%ld", report_year_sum(y->total_uses));
	reportpage_table_set(&t, y->nrows + 2, 13, "%ld", report_year_sum(y->total_users));
	t.total_row = y->nrows + 1;
	vr += reportpage_table_draw(c, vr, &t, -1) + 1;
	reportpage_table_free(&t);
	if (y->nrows == 0)
		draw_text(reportpage_at(c, vr++), 1, COLS - 2, _("No facility use in this fiscal year."),
		    ATTR_DIM);
	vr += year_activity(c, vr, y, labels) + 1;
	vr += reportpage_heading(c, vr, _("Uses per month"));
	for (m = 0; m < 12; m++) {
		items[m].label = labels[m];
		items[m].value = y->total_uses[m];
	}
	vr += reportpage_chart(c, vr, items, 12);
	return vr;
}

static int
page(const struct reportpage *c, const struct reports *s)
{
	return s->year_view ? year_page(c, s) : month_page(c, s);
}

static void
reports_draw(struct app *a, void *state)
{
	struct reports *s = state;
	struct reportpage c;
	char title[384], when[96];
	int height, line_y = 1;

	if (s->year_view)
		era_format_fy(s->fy, fmt_era_lang(), when, sizeof when);
	else
		fmt_month(s->year, s->month, when, sizeof when);
	/* A center's report at city hall is named by the center. */
	if (s->city && s->center[0] != '\0' && !s->year_view)
		snprintf(title, sizeof title, "%s  %s", s->center_name, when);
	else
		snprintf(title, sizeof title, "%s  %s", s->year_view ? _("Uses by month") :
		    _("Monthly report"), when);
	app_draw_title(a, title);
	draw_text(line_y, 1, COLS - 2, s->year_view ?
	    _("Fiscal year: April to March. Left/Right: another year. y: the month.") :
	    s->city && s->center[0] != '\0' ?
	    _("A center's monthly report. Left/Right: another month. Esc: the centers.") :
	    _("Left/Right: another month. Up/Down: scroll. y: the fiscal year."), ATTR_DIM);
	if (!s->have_r && !s->have_y) {
		draw_text(PAGE_TOP, 1, COLS - 2, s->err, ATTR_ERROR);
		return;
	}
	c.y0 = PAGE_TOP;
	c.rows = draw_lines() - 2 - PAGE_TOP;
	if (c.rows < 1)
		c.rows = 1;
	c.first = 0;
	c.draw = false;
	height = page(&c, s);
	/* The highlighted center stays in view (page rows 3 … for the table). */
	if (listing_centers(s)) {
		if (3 + s->cur >= s->scroll + c.rows)
			s->scroll = 3 + s->cur - c.rows + 1;
		if (3 + s->cur < s->scroll)
			s->scroll = 3 + s->cur;
	}
	if (s->scroll > height - c.rows)
		s->scroll = height - c.rows;
	if (s->scroll < 0)
		s->scroll = 0;
	c.first = s->scroll;
	c.draw = true;
	page(&c, s);
}

static const struct action_def *const *
reports_actions(void *state)
{
	static const struct action_def *const month[] = {
		&act_help, &act_prev_month, &act_next_month, &act_fiscal_year, &act_output, &act_lock,
		&act_quit, &act_back, &act_scroll, NULL,
	};
	static const struct action_def *const year[] = {
		&act_help, &act_prev_year, &act_next_year, &act_fiscal_year, &act_output, &act_lock,
		&act_quit, &act_back, &act_scroll, NULL,
	};
	static const struct action_def *const centers[] = {
		&act_help, &act_detail, &act_prev_month, &act_next_month, &act_fiscal_year,
		&act_output, &act_lock,
		&act_quit, &act_back, &act_move, NULL,
	};

	const struct reports *s = state;

	return s->year_view ? year : listing_centers(s) ? centers : month;
}

const struct screen screen_reports = {
	.name = "reports",
	.init = reports_init,
	.free = reports_done,
	.enter = reports_enter,
	.key = reports_key,
	.draw = reports_draw,
	.actions = reports_actions,
};
