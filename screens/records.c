/*
 * records — the one list screen of the dated kinds people log (meetings,
 * events, facility use): a month at a time, paged through the store,
 * filtered by typing, with add, edit, delete and copy (F8: a new record
 * filled from the selected one, dated today or, in another month, the
 * same day of that month) and Ctrl-P (the month as listed, filter and
 * all, as an Excel workbook on a stick).  It is opened with the
 * kind's name (home's menu says which).  Columns are the kind's listed
 * fields (those with a width), sized by display width; the title column
 * takes what is left, and columns that cannot fit are left out from the
 * right.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/fmt.h"
#include "tui/lineedit.h"
#include "tui/listview.h"
#include "find.h"
#include "output.h"
#include "recordlist.h"

#define TOP_ROWS 3	/* title, filter line, column headings */

/* Letters type into the filter here, so the copy is a function key. */
static const struct action_def act_copy_record = {
	ACT_COPY_RECORD, "F11", N_("Copy"),
	N_("A new record filled from the selected one, dated today (in another month: the same "
	"day of that month); nothing is saved until F2.  Ctrl-D does the same."),
	{ACT_KEY_CODE(KEY_F(11)), ACT_KEY_CHAR(ACT_CTRL('D'))},
};

struct records {
	const struct kind *kind;
	struct listview lv;
	int year, month;
	struct lineedit filter;
	long month_count;
	char goto_uuid[37];	/* a record just saved: show it */
	char err[512];
};

static int
list_height(void)
{
	int h = draw_lines() - 2 - TOP_ROWS;

	return h < 1 ? 1 : h;
}

static void
count(struct app *a, struct records *r)
{
	struct error err;

	r->month_count = record_count(app_store(a), r->kind, r->year, r->month, &err);
	if (r->month_count < 0)
		snprintf(r->err, sizeof r->err, "%s", err.text);
}

static void
show_failure(struct records *r)
{
	if (r->lv.failed)
		snprintf(r->err, sizeof r->err, "%s", r->lv.err.text);
}

static void *
records_init(struct app *a, const void *arg)
{
	const char *kind_name = arg;

	struct records *r = xcalloc(1, sizeof *r);
	struct date today = date_today();

	r->kind = kind_find(kind_name);
	r->year = today.year;
	r->month = today.month;
	lineedit_init(&r->filter, NULL, 100);
	listview_init(&r->lv, app_store(a), r->kind, r->year, r->month, list_height());
	show_failure(r);
	count(a, r);
	return r;
}

static void
records_free(void *state)
{
	struct records *r = state;

	listview_free(&r->lv);
	lineedit_free(&r->filter);
	free(r);
}

static void
records_saved(void *ctx, const char *uuid)
{
	struct records *r = ctx;

	snprintf(r->goto_uuid, sizeof r->goto_uuid, "%s", uuid);
}

/* A record chosen in the search: shown in its month, the filter cleared
 * so it can be. */
static void
records_found(void *ctx, const char *uuid)
{
	struct records *r = ctx;

	lineedit_set(&r->filter, NULL);
	listview_set_filter(&r->lv, NULL);
	records_saved(r, uuid);
}

/* Back on top (after the form or help) or resized: reload around the
 * cursor, or go to the record just saved, in its month. */
static void
records_enter(struct app *a, void *state)
{
	struct records *r = state;
	struct record rec;
	struct date d;
	int di = kind_field(r->kind, "date");

	r->err[0] = '\0';
	listview_set_height(&r->lv, list_height());
	if (r->goto_uuid[0] != '\0' && record_get(app_store(a), r->kind, r->goto_uuid, &rec, NULL)) {
		if (rec.value[di] != NULL && date_parse(rec.value[di], &d) &&
		    (d.year != r->year || d.month != r->month)) {
			r->year = d.year;
			r->month = d.month;
			listview_set_month(&r->lv, r->year, r->month);
		}
		/* Wherever it sorts, the saved record is brought into view and
		 * selected (when it matches the filter). */
		listview_show(&r->lv, &rec);
		record_free(&rec);
	} else {
		listview_reload(&r->lv, NULL);
	}
	r->goto_uuid[0] = '\0';
	show_failure(r);
	count(a, r);
}

static void
change_month(struct app *a, struct records *r, int delta)
{
	struct date today = date_today();

	if (delta == 0) {
		r->year = today.year;
		r->month = today.month;
	} else {
		r->month += delta;
		if (r->month < 1) {
			r->month = 12;
			r->year--;
		} else if (r->month > 12) {
			r->month = 1;
			r->year++;
		}
	}
	r->err[0] = '\0';
	listview_set_month(&r->lv, r->year, r->month);
	show_failure(r);
	count(a, r);
}

static bool
collect_first(void *ctx, const struct record *rec)
{
	record_rows_add(ctx, rec);
	return false;
}

/* A new record's date: today when the list shows this month, else the
 * month's first day. */
static struct date
default_day(const struct records *r)
{
	struct date today = date_today(), d = {r->year, r->month, 1};

	if (today.year == r->year && today.month == r->month)
		return today;
	return d;
}

static int
open_form(struct app *a, struct records *r, const char *uuid)
{
	struct record_form_arg arg = {
		.kind = r->kind, .uuid = uuid, .day = default_day(r),
		.saved = records_saved, .ctx = r,
	};

	app_push(a, &screen_record_form, &arg);
	return RES_HANDLED | RES_REDRAW;
}

/* The copy's date: today in this month's list; in another month's, the
 * same day of that month (its last day when it is shorter). */
static struct date
copy_day(const struct records *r)
{
	struct date today = date_today(), d = {r->year, r->month, today.day};

	if (d.day > date_days_in_month(d.year, d.month))
		d.day = date_days_in_month(d.year, d.month);
	return d;
}

static int
copy_record(struct app *a, struct records *r)
{
	const struct record *cur = listview_current(&r->lv);
	struct record_form_arg arg = {
		.kind = r->kind, .day = copy_day(r), .saved = records_saved, .ctx = r,
	};

	if (cur == NULL)
		return RES_HANDLED;
	arg.copy = cur->uuid;
	app_push(a, &screen_record_form, &arg);
	return RES_HANDLED | RES_REDRAW;
}

static void
records_delete_yes(struct app *a, void *ctx)
{
	struct records *r = ctx;
	const struct record *cur = listview_current(&r->lv);
	struct buf sum = {0};

	if (cur == NULL)
		return;
	if (recordlist_delete(a, r->kind, cur->uuid, &sum))
		app_message(a, _("Deleted: %s. The home menu's Recently deleted (d) brings it "
		    "back."), buf_str(&sum));
	buf_free(&sum);
	listview_reload(&r->lv, NULL);
	show_failure(r);
	count(a, r);
}

/* "11-28(土) 10:00": the date and start of a dated record. */
static void
records_when(const struct record *rec, char *out, size_t size)
{
	int d = kind_field(rec->kind, "date"), s = kind_field(rec->kind, "start");
	char day[32];

	fmt_date_short(d >= 0 ? rec->value[d] : NULL, day, sizeof day);
	snprintf(out, size, "%s%s%s", day, s >= 0 && rec->value[s] != NULL ? " " : "",
	    s >= 0 && rec->value[s] != NULL ? rec->value[s] : "");
}

static int
ask_delete(struct app *a, struct records *r)
{
	const struct record *cur = listview_current(&r->lv);
	const char *title;
	char q[512], when[64];

	if (cur == NULL)
		return RES_HANDLED;
	title = cur->value[kind_title(r->kind)];
	records_when(cur, when, sizeof when);
	/* Two records may share a title: the date and time tell them apart. */
	snprintf(q, sizeof q, _("Delete \"%s\" (%s)? (y/n)"), title != NULL ? title : "", when);
	app_confirm(a, q, records_delete_yes, r);
	return RES_HANDLED | RES_REDRAW;
}

/* The search over every month, starting from the words in the filter. */
static int
open_search(struct app *a, struct records *r)
{
	struct find_arg arg = {
		.kind = r->kind, .text = lineedit_text(&r->filter),
		.chosen = records_found, .ctx = r,
	};

	app_push(a, &screen_find, &arg);
	return RES_HANDLED | RES_REDRAW;
}

/* The month of d, the cursor on its first record on or after d (among
 * those the filter shows), else on the month's last. */
static void
records_go_date(struct app *a, void *ctx, struct date d)
{
	struct records *r = ctx;
	struct record_query q = {0};
	struct record_rows first = {0};
	struct error err;
	char iso[11];

	date_format(d, iso);
	r->year = d.year;
	r->month = d.month;
	r->err[0] = '\0';
	listview_set_month(&r->lv, r->year, r->month);
	q.year = d.year;
	q.month = d.month;
	q.after_date = iso;
	q.after_start = "";
	q.after_uuid = "";
	q.contains = lineedit_text(&r->filter);
	q.limit = 1;
	if (record_list(app_store(a), r->kind, &q, collect_first, &first, &err) > 0 &&
	    first.n > 0)
		listview_show(&r->lv, &first.rows[0]);
	else
		listview_bottom(&r->lv);
	record_rows_free(&first);
	show_failure(r);
	count(a, r);
}

static int
ask_date(struct app *a, struct records *r)
{
	const struct record *cur = listview_current(&r->lv);
	int di = kind_field(r->kind, "date");
	struct date_ask_arg arg = {.day = default_day(r), .go = records_go_date, .ctx = r};

	if (cur != NULL && cur->value[di] != NULL)
		date_parse(cur->value[di], &arg.day);
	app_push(a, &screen_date_ask, &arg);
	return RES_HANDLED | RES_REDRAW;
}

static int
filter_key(struct records *r, struct key k)
{
	/* ←/→ change the month here. */
	switch (recordlist_filter_key(&r->filter, k, false)) {
	case RECORDLIST_FILTERED:
		listview_set_filter(&r->lv, lineedit_text(&r->filter));
		show_failure(r);
		return RES_HANDLED | RES_REDRAW;
	case RECORDLIST_TAKEN:
		return RES_HANDLED;
	default:
		return 0;
	}
}

static int
records_key(struct app *a, void *state, struct key k, int act)
{
	struct records *r = state;
	const struct record *cur;

	switch (act) {
	case ACT_ADD:
		return open_form(a, r, NULL);
	case ACT_EDIT:
		cur = listview_current(&r->lv);
		return cur != NULL ? open_form(a, r, cur->uuid) : RES_HANDLED;
	case ACT_DELETE:
		return ask_delete(a, r);
	case ACT_COPY_RECORD:
		return copy_record(a, r);
	case ACT_SEARCH:
		return open_search(a, r);
	case ACT_GOTO_DATE:
		return ask_date(a, r);
	case ACT_OUTPUT: {
		/* The month as listed: the filter's records only. */
		struct output_arg out = {
			.what = OUTPUT_LIST, .year = r->year, .month = r->month, .kind = r->kind,
			.filter = lineedit_text(&r->filter),
		};

		app_push(a, &screen_output, &out);
		return RES_HANDLED | RES_REDRAW;
	}
	case ACT_PREV_MONTH:
		change_month(a, r, -1);
		return RES_HANDLED | RES_REDRAW;
	case ACT_NEXT_MONTH:
		change_month(a, r, 1);
		return RES_HANDLED | RES_REDRAW;
	case ACT_THIS_MONTH:
		change_month(a, r, 0);
		return RES_HANDLED | RES_REDRAW;
	case ACT_BACK:
		if (r->filter.text.len == 0)
			return RES_POP;
		lineedit_set(&r->filter, NULL);
		listview_set_filter(&r->lv, NULL);
		show_failure(r);
		return RES_HANDLED | RES_REDRAW;
	default:
		break;
	}
	if (k.code) {
		switch (k.ch) {
		case KEY_DOWN: listview_down(&r->lv); break;
		case KEY_UP: listview_up(&r->lv); break;
		case KEY_NPAGE: listview_page_down(&r->lv); break;
		case KEY_PPAGE: listview_page_up(&r->lv); break;
		case KEY_HOME: listview_top(&r->lv); break;
		case KEY_END: listview_bottom(&r->lv); break;
		default: return filter_key(r, k);
		}
		show_failure(r);
		return RES_HANDLED | RES_REDRAW;
	}
	return filter_key(r, k);
}

static void
draw_filter_line(struct records *r, int y)
{
	char right[160], fy[64];
	int rw, w;

	era_format_fy(date_fiscal_year((struct date){r->year, r->month, 1}), fmt_era_lang(),
	    fy, sizeof fy);
	snprintf(right, sizeof right, P_("%s  %ld record in the month",
	    "%s  %ld records in the month", r->month_count), fy, r->month_count);
	/* The count is read whole; the filter keeps room to type. */
	rw = text_width(right);
	if (rw > COLS - 24)
		rw = COLS - 24 > 0 ? COLS - 24 : 0;
	draw_text(y, COLS - rw - 1, rw, right, ATTR_DIM);
	if (r->filter.text.len == 0) {
		draw_text(y, 1, COLS - rw - 3, _("Type to filter"), ATTR_DIM);
		return;
	}
	w = draw_text(y, 1, COLS - rw - 3, _("Filter: "), ATTR_HEADER);
	w += draw_text(y, 1 + w, COLS - rw - 3 - w, lineedit_text(&r->filter), ATTR_INPUT);
}

static void
records_draw(struct app *a, void *state)
{
	struct records *r = state;
	struct recordlist_column cols[RECORD_MAX_FIELDS];
	char title[256], month[96];
	int n, i, y;

	fmt_month(r->year, r->month, month, sizeof month);
	snprintf(title, sizeof title, "%s  %s", kind_label(r->kind), month);
	app_draw_title(a, title);
	draw_filter_line(r, 1);
	n = recordlist_layout(r->kind, COLS - 2, cols);
	recordlist_draw_heading(2, r->kind, cols, n);
	for (i = 0, y = TOP_ROWS; i < r->lv.n && y < draw_lines() - 2; i++, y++)
		recordlist_draw_row(y, &r->lv.rows[i], cols, n, i == r->lv.cursor);
	if (r->lv.more_above)
		draw_more_mark(TOP_ROWS, COLS - 1, true, ATTR_DIM);
	if (r->lv.more_below)
		draw_more_mark(y - 1, COLS - 1, false, ATTR_DIM);
	if (r->lv.n == 0)
		draw_text(TOP_ROWS + 1, 2, COLS - 3, r->filter.text.len > 0 ?
		    _("Nothing in this month matches the filter.") :
		    _("No records in this month. F2 adds one."), ATTR_DIM);
	if (r->err[0] != '\0')
		draw_text(draw_lines() - 2, 1, COLS - 2, r->err, ATTR_ERROR);
}

static const struct action_def *const *
records_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_add, &act_edit, &act_delete, &act_prev_month, &act_next_month,
		&act_this_month, &act_goto_date, &act_search, &act_copy_record, &act_output, &act_lock,
		&act_quit,
		&act_back, &act_move, &act_page, &act_filter, NULL,
	};

	(void)state;
	return acts;
}

const struct screen screen_records = {
	.name = "records",
	.init = records_init,
	.free = records_free,
	.enter = records_enter,
	.key = records_key,
	.draw = records_draw,
	.actions = records_actions,
};
