/*
 * deleted — the recently deleted list (最近削除したもの): what this store
 * deleted, of the kinds the signed-in person may change, the latest
 * deletion first, with the kind, the record's date, its title and when it
 * went.  Enter brings the selected one back after asking (record_undelete:
 * a new version, checked as a save is, so a room taken meanwhile is
 * refused with the usual sentence).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "screens.h"
#include "sync/synclog.h"
#include "tui/draw.h"

#define DELETED_MAX 200	/* the latest deletions; older ones stay in the store */
#define TOP_ROWS 3	/* title, a line of help, column headings */

static const struct action_def act_undelete = {
	ACT_UNDELETE, "Enter", N_("Restore"),
	N_("Bring the selected record back as it was, after asking."), {ACT_KEYS_ENTER},
};

struct deleted {
	struct record_rows set;
	int cur, top;
	char err[512];
};

static void
keep(void *ctx, const struct record *r)
{
	record_rows_add(ctx, r);
}

static void
load(struct app *a, struct deleted *d)
{
	struct error err;

	record_rows_clear(&d->set);
	d->err[0] = '\0';
	if (record_list_deleted(app_store(a), app_actor(a), DELETED_MAX, keep, &d->set, &err) < 0)
		snprintf(d->err, sizeof d->err, "%s", err.text);
	if (d->cur >= d->set.n)
		d->cur = d->set.n > 0 ? d->set.n - 1 : 0;
}

static void *
deleted_init(struct app *a, const void *arg)
{
	struct deleted *d = xcalloc(1, sizeof *d);

	(void)arg;
	load(a, d);
	return d;
}

static void
deleted_free(void *state)
{
	struct deleted *d = state;

	record_rows_free(&d->set);
	free(d);
}

static void
deleted_enter(struct app *a, void *state)
{
	load(a, state);
}

/* "2026-11-28 10:00": the record's own date and start, whole (the list
 * spans years); "" for a kind without a date. */
static void
record_when(const struct record *r, char *out, size_t size)
{
	int d = kind_field(r->kind, "date"), s = kind_field(r->kind, "start");
	const char *day = d >= 0 ? r->value[d] : NULL, *start = s >= 0 ? r->value[s] : NULL;

	snprintf(out, size, "%s%s%s", day != NULL ? day : "", day != NULL && start != NULL ?
	    " " : "", start != NULL ? start : "");
}

static const char *
title_of(const struct record *r)
{
	const char *t = r->value[kind_title(r->kind)];

	return t != NULL ? t : "";
}

static void
undelete_yes(struct app *a, void *ctx)
{
	struct deleted *d = ctx;
	struct record rec;
	struct error err;
	struct buf sum = {0};

	if (d->set.n == 0)
		return;
	/* Read again: the row may have changed since the list was drawn. */
	if (!record_get(app_store(a), d->set.rows[d->cur].kind, d->set.rows[d->cur].uuid, &rec,
	    &err)) {
		app_error(a, "%s", err.text);
	} else if (!record_undelete(app_store(a), app_actor(a), &rec, &err)) {
		app_error(a, _("Cannot restore it: %s"), err.text);
		record_free(&rec);
	} else {
		record_summary(&rec, &sum);
		app_message(a, _("Restored: %s"), buf_str(&sum));
		buf_free(&sum);
		record_free(&rec);
	}
	load(a, d);
}

static int
ask_undelete(struct app *a, struct deleted *d)
{
	const struct record *r;
	char q[768], when[40];

	if (d->set.n == 0)
		return RES_HANDLED;
	r = &d->set.rows[d->cur];
	record_when(r, when, sizeof when);
	/* Two records may share a title: the date and time tell them apart. */
	if (when[0] != '\0')
		snprintf(q, sizeof q, _("Restore the %s \"%s\" (%s)? (y/n)"), kind_label(r->kind),
		    title_of(r), when);
	else
		snprintf(q, sizeof q, _("Restore the %s \"%s\"? (y/n)"), kind_label(r->kind),
		    title_of(r));
	app_confirm(a, q, undelete_yes, d);
	return RES_HANDLED | RES_REDRAW;
}

static int
list_rows(void)
{
	int h = draw_lines() - 2 - TOP_ROWS;

	return h < 1 ? 1 : h;
}

static int
deleted_key(struct app *a, void *state, struct key k, int act)
{
	struct deleted *d = state;

	if (act == ACT_BACK)
		return RES_POP;
	if (act == ACT_UNDELETE)
		return ask_undelete(a, d);
	if (!k.code)
		return 0;
	switch (k.ch) {
	case KEY_DOWN: d->cur++; break;
	case KEY_UP: d->cur--; break;
	case KEY_NPAGE: d->cur += list_rows(); break;
	case KEY_PPAGE: d->cur -= list_rows(); break;
	case KEY_HOME: d->cur = 0; break;
	case KEY_END: d->cur = d->set.n - 1; break;
	default: return 0;
	}
	if (d->cur >= d->set.n)
		d->cur = d->set.n - 1;
	if (d->cur < 0)
		d->cur = 0;
	return RES_HANDLED | RES_REDRAW;
}

/* The widest kind label among the rows, at least the heading's. */
static int
kind_width(const struct deleted *d)
{
	int i, w = text_width(_("Kind"));

	for (i = 0; i < d->set.n; i++)
		if (text_width(kind_label(d->set.rows[i].kind)) > w)
			w = text_width(kind_label(d->set.rows[i].kind));
	return w > 20 ? 20 : w;
}

static void
deleted_draw(struct app *a, void *state)
{
	struct deleted *d = state;
	char when[40], at[40];
	int rows = list_rows(), wk = kind_width(d), wd = 16, wa = 16, wt, x, i, y;

	app_draw_title(a, _("Recently deleted"));
	draw_text(1, 1, COLS - 2, _("What was deleted, the latest first. Enter brings one back."), ATTR_DIM);
	if (d->err[0] != '\0') {
		draw_wrap(TOP_ROWS, draw_lines() - 2, 1, COLS - 2, d->err, 0, ATTR_ERROR);
		return;
	}
	if (text_width(_("Deleted at")) > wa)
		wa = text_width(_("Deleted at"));
	/* The title takes what the other columns leave. */
	wt = COLS - 2 - wk - wd - wa - 3 - 1;
	if (wt < 8)
		wt = 8;
	x = 1;
	draw_pad(2, x, wk, _("Kind"), false, ATTR_HEADER);
	draw_pad(2, x + wk + 1, wd, _("Date"), false, ATTR_HEADER);
	draw_pad(2, x + wk + wd + 2, wt, _("Title"), false, ATTR_HEADER);
	draw_pad(2, x + wk + wd + wt + 3, wa, _("Deleted at"), false, ATTR_HEADER);
	if (d->set.n == 0) {
		draw_text(TOP_ROWS, 2, COLS - 3, _("Nothing has been deleted."), ATTR_DIM);
		return;
	}
	/* The cursor stays in view. */
	if (d->cur < d->top)
		d->top = d->cur;
	if (d->cur >= d->top + rows)
		d->top = d->cur - rows + 1;
	if (d->top > 0 && d->top + rows > d->set.n)
		d->top = d->set.n - rows > 0 ? d->set.n - rows : 0;
	for (i = d->top, y = TOP_ROWS; i < d->set.n && y < TOP_ROWS + rows; i++, y++) {
		const struct record *r = &d->set.rows[i];
		enum tui_attr at_attr = i == d->cur ? ATTR_SELECTED : ATTR_NORMAL;

		record_when(r, when, sizeof when);
		synclog_local_time(r->updated_at, at, sizeof at);
		draw_fill(y, 0, COLS, at_attr);
		draw_pad(y, x, wk, kind_label(r->kind), false, at_attr);
		draw_pad(y, x + wk + 1, wd, when, false, at_attr);
		draw_pad(y, x + wk + wd + 2, wt, title_of(r), false, at_attr);
		draw_pad(y, x + wk + wd + wt + 3, wa, at, false, at_attr);
	}
	if (d->top > 0)
		draw_more_mark(TOP_ROWS, COLS - 1, true, ATTR_DIM);
	if (d->top + rows < d->set.n)
		draw_more_mark(y - 1, COLS - 1, false, ATTR_DIM);
}

static const struct action_def *const *
deleted_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_undelete, &act_lock, &act_quit, &act_back, &act_move, &act_page,
		NULL,
	};

	(void)state;
	return acts;
}

const struct screen screen_deleted = {
	.name = "deleted",
	.init = deleted_init,
	.free = deleted_free,
	.enter = deleted_enter,
	.key = deleted_key,
	.draw = deleted_draw,
	.actions = deleted_actions,
};
