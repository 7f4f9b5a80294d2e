/*
 * records — the one list screen of the dated kinds people log (meetings,
 * events, facility use): a month at a time, paged through the store,
 * filtered by typing, with add, edit and delete.  It is opened with the
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

#define TOP_ROWS 3	/* title, filter line, column headings */
#define MIN_TITLE 12

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
	int h = LINES - 2 - TOP_ROWS;

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
saved(void *ctx, const char *uuid)
{
	struct records *r = ctx;

	snprintf(r->goto_uuid, sizeof r->goto_uuid, "%s", uuid);
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
		record_free(&rec);
		/* The record may not match the filter; the list shows it anyway
		 * only when it does. */
	}
	listview_reload(&r->lv, r->goto_uuid[0] != '\0' ? r->goto_uuid : NULL);
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
		.saved = saved, .ctx = r,
	};

	app_push(a, &screen_record_form, &arg);
	return RES_HANDLED | RES_REDRAW;
}

static void
delete_yes(struct app *a, void *ctx)
{
	struct records *r = ctx;
	const struct record *cur = listview_current(&r->lv);
	struct record rec;
	struct error err;
	struct buf sum = {0};

	if (cur == NULL)
		return;
	if (!record_get(app_store(a), r->kind, cur->uuid, &rec, &err)) {
		app_error(a, "%s", err.text);
		return;
	}
	if (!record_delete(app_store(a), app_actor(a), &rec, &err)) {
		app_error(a, "%s", err.text);
	} else {
		record_summary(&rec, &sum);
		app_message(a, _("Deleted: %s"), buf_str(&sum));
		buf_free(&sum);
	}
	record_free(&rec);
	listview_reload(&r->lv, NULL);
	show_failure(r);
	count(a, r);
}

static int
ask_delete(struct app *a, struct records *r)
{
	const struct record *cur = listview_current(&r->lv);
	const char *title;
	char q[512];

	if (cur == NULL)
		return RES_HANDLED;
	title = cur->value[kind_title(r->kind)];
	snprintf(q, sizeof q, _("Delete \"%s\"? (y/n)"), title != NULL ? title : "");
	app_confirm(a, q, delete_yes, r);
	return RES_HANDLED | RES_REDRAW;
}

static int
filter_key(struct records *r, struct key k)
{
	/* Only typing and Backspace: ←/→ change the month here. */
	if (k.code && k.ch != KEY_BACKSPACE)
		return 0;
	if (!k.code && k.ch < 0x20 && k.ch != 8)
		return 0;
	if (lineedit_key(&r->filter, k.ch, k.code) != LINEEDIT_CHANGED)
		return RES_HANDLED;
	listview_set_filter(&r->lv, lineedit_text(&r->filter));
	show_failure(r);
	return RES_HANDLED | RES_REDRAW;
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

struct column {
	int field;
	int width;
	bool right;
};

/* Columns of a date cell ("11-28(土)", "11-28 Sat"): the same for every
 * day in a language. */
static int
date_width(void)
{
	char buf[64];

	fmt_date_short("2026-11-28", buf, sizeof buf);
	return text_width(buf);
}

/* Lays out the listed fields in width columns; returns how many fit.
 * A column would be as wide as its heading (and its widest choice).  Too
 * wide: those columns go back to the kind's width first (cut with "…"), then the title
 * narrows, then columns are left out from the right.  Room to spare goes to
 * the title. */
static int
layout(const struct kind *k, int width, struct column *cols)
{
	int base[RECORD_MAX_FIELDS], n = 0, total = 0, i, title = -1, w, lw;

	for (i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];

		if (f->width == 0)
			continue;
		base[n] = f->type == FIELD_DATE ? date_width() : f->width;
		lw = text_width(field_label(f));
		if (f->type == FIELD_CHOICE)
			for (w = 0; f->choices[w].code != NULL; w++)
				if (text_width(_(f->choices[w].label)) > lw)
					lw = text_width(_(f->choices[w].label));
		w = lw > base[n] ? lw : base[n];
		cols[n].field = i;
		cols[n].width = w;
		cols[n].right = f->type == FIELD_YEN || f->type == FIELD_COUNT;
		if (i == kind_title(k))
			title = n;
		total += w + (n > 0);
		n++;
	}
	for (i = n - 1; i >= 0 && total > width; i--) {
		int cut = cols[i].width - base[i];

		if (cut > total - width)
			cut = total - width;
		cols[i].width -= cut;
		total -= cut;
	}
	if (total > width && title >= 0) {
		int cut = total - width, room = cols[title].width - MIN_TITLE;

		if (cut > room)
			cut = room > 0 ? room : 0;
		cols[title].width -= cut;
		total -= cut;
	}
	while (total > width && n > 1 && n - 1 != title) {
		total -= cols[n - 1].width + 1;
		n--;
	}
	if (total < width && title >= 0)
		cols[title].width += width - total;
	return n;
}

static void
cell(const struct field *f, const char *v, char *out, size_t size)
{
	if (v == NULL)
		out[0] = '\0';
	else if (f->type == FIELD_DATE)
		fmt_date_short(v, out, size);
	else if (f->type == FIELD_CHOICE)
		snprintf(out, size, "%s", field_choice_label(f, v));
	else if (f->type == FIELD_YEN)
		fmt_yen(strtoll(v, NULL, 10), out, size);
	else
		snprintf(out, size, "%s", v);
}

static void
draw_filter_line(struct records *r, int y)
{
	char right[160], fy[64];
	int rw, w;

	era_format_fy(date_fiscal_year((struct date){r->year, r->month, 1}), fmt_era_lang(),
	    fy, sizeof fy);
	snprintf(right, sizeof right, P_("%s  %ld record this month", "%s  %ld records this month",
	    r->month_count), fy, r->month_count);
	rw = text_width(right);
	if (rw > COLS / 2)
		rw = COLS / 2;
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
	struct column cols[RECORD_MAX_FIELDS];
	char title[256], month[96], buf[512];
	int n, i, j, x, y;

	fmt_month(r->year, r->month, month, sizeof month);
	snprintf(title, sizeof title, "%s  %s", kind_label(r->kind), month);
	app_draw_title(a, title);
	draw_filter_line(r, 1);
	n = layout(r->kind, COLS - 2, cols);
	for (j = 0, x = 1; j < n; x += cols[j].width + 1, j++)
		draw_pad(2, x, cols[j].width, field_label(&r->kind->fields[cols[j].field]),
		    cols[j].right, ATTR_HEADER);
	for (i = 0, y = TOP_ROWS; i < r->lv.n && y < LINES - 2; i++, y++) {
		const struct record *rec = &r->lv.rows[i];
		enum tui_attr at = i == r->lv.cursor ? ATTR_SELECTED : ATTR_NORMAL;

		if (at == ATTR_SELECTED)
			draw_fill(y, 0, COLS, at);
		for (j = 0, x = 1; j < n; x += cols[j].width + 1, j++) {
			const struct field *f = &r->kind->fields[cols[j].field];

			cell(f, rec->value[cols[j].field], buf, sizeof buf);
			/* The selected row was filled above. */
			draw_pad_on_blank(y, x, cols[j].width, buf, cols[j].right, at,
			    at == ATTR_SELECTED);
		}
	}
	if (r->lv.n == 0)
		draw_text(TOP_ROWS + 1, 2, COLS - 3, r->filter.text.len > 0 ?
		    _("Nothing in this month matches the filter.") :
		    _("No records in this month. F2 adds one."), ATTR_DIM);
	if (r->err[0] != '\0')
		draw_text(LINES - 2, 1, COLS - 2, r->err, ATTR_ERROR);
}

static const struct action_def *const *
records_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_add, &act_edit, &act_delete, &act_prev_month, &act_next_month,
		&act_this_month, &act_lock, &act_quit, &act_back, &act_move, &act_page, &act_filter,
		NULL,
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
