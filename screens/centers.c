/*
 * centers — city hall's overview of its centers: each enrolled center with
 * the last file taken from it (when, which, how many rows it brought),
 * flagged when nothing came for SYNCLOG_LATE_DAYS days or never.  Typing
 * filters by code or name.  Enter shows that center's monthly report on
 * the report screen, in the layout the center itself sees (facility use,
 * meetings and events), a month at a time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "sync/synclog.h"
#include "base/text.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/fmt.h"
#include "tui/lineedit.h"

static const struct action_def act_report = {
	ACT_REPORT, "Enter", N_("Report"),
	N_("Show the chosen center's monthly report."), {ACT_KEYS_ENTER},
};

#define TOP_ROWS 3	/* title, summary or filter, headings */
#define CENTERS_MAX 512
#define MIN_FILE 12

struct centers {
	struct synclog_center *all;
	int nall;
	int *shown;		/* indexes into all that match the filter */
	int nshown;
	int cur, top;
	int late;
	struct lineedit filter;
	char err[512];
};

static void
collect(void *ctx, const struct synclog_center *c)
{
	struct centers *cs = ctx;

	if (cs->nall < CENTERS_MAX)
		cs->all[cs->nall++] = *c;
}

static bool
matches(const struct synclog_center *c, const char *filter)
{
	return filter[0] == '\0' || strstr(c->code, filter) != NULL ||
	    strstr(c->name, filter) != NULL;
}

static void
apply_filter(struct centers *cs)
{
	const char *f = lineedit_text(&cs->filter);
	int i;

	cs->nshown = 0;
	for (i = 0; i < cs->nall; i++)
		if (matches(&cs->all[i], f))
			cs->shown[cs->nshown++] = i;
	if (cs->cur >= cs->nshown)
		cs->cur = cs->nshown > 0 ? cs->nshown - 1 : 0;
}

static void
load(struct app *a, struct centers *cs)
{
	struct error err;
	int i;

	cs->nall = 0;
	cs->late = 0;
	cs->err[0] = '\0';
	if (synclog_centers(app_store(a), date_today(), collect, cs, &err) < 0)
		snprintf(cs->err, sizeof cs->err, "%s", err.text);
	for (i = 0; i < cs->nall; i++)
		cs->late += cs->all[i].late;
	apply_filter(cs);
}

static void *
centers_init(struct app *a, const void *arg)
{
	struct centers *cs = xcalloc(1, sizeof *cs);

	(void)arg;
	cs->all = xcalloc(CENTERS_MAX, sizeof *cs->all);
	cs->shown = xcalloc(CENTERS_MAX, sizeof *cs->shown);
	lineedit_init(&cs->filter, NULL, 100);
	load(a, cs);
	return cs;
}

static void
centers_done(void *state)
{
	struct centers *cs = state;

	lineedit_free(&cs->filter);
	free(cs->all);
	free(cs->shown);
	free(cs);
}

static void
centers_enter(struct app *a, void *state)
{
	load(a, state);
}

static int
list_rows(void)
{
	int h = draw_lines() - 3 - TOP_ROWS;	/* a detail row above the message row */

	return h < 1 ? 1 : h;
}

static int
centers_key(struct app *a, void *state, struct key k, int act)
{
	struct centers *cs = state;

	if (act == ACT_REPORT) {
		if (cs->nshown > 0)
			app_push(a, &screen_reports, &cs->all[cs->shown[cs->cur]]);
		return RES_HANDLED | RES_REDRAW;
	}
	if (act == ACT_BACK) {
		if (cs->filter.text.len == 0)
			return RES_POP;
		lineedit_set(&cs->filter, NULL);
		apply_filter(cs);
		return RES_HANDLED | RES_REDRAW;
	}
	if (k.code && k.ch != KEY_BACKSPACE) {
		switch (k.ch) {
		case KEY_UP: cs->cur--; break;
		case KEY_DOWN: cs->cur++; break;
		case KEY_PPAGE: cs->cur -= list_rows(); break;
		case KEY_NPAGE: cs->cur += list_rows(); break;
		case KEY_HOME: cs->cur = 0; break;
		case KEY_END: cs->cur = cs->nshown - 1; break;
		default: return 0;
		}
		if (cs->cur >= cs->nshown)
			cs->cur = cs->nshown - 1;
		if (cs->cur < 0)
			cs->cur = 0;
		return RES_HANDLED | RES_REDRAW;
	}
	if (!k.code && k.ch < 0x20 && k.ch != 8)
		return 0;
	if (lineedit_key(&cs->filter, k.ch, k.code) != LINEEDIT_CHANGED)
		return RES_HANDLED;
	apply_filter(cs);
	return RES_HANDLED | RES_REDRAW;
}

/* Column widths: code, name, last import, rows, note; the file takes what
 * is left, or is left out (the detail row shows it). */
struct cols {
	int code, name, when, rows, note, file;
};

static int
widest(int w, const char *s)
{
	int t = text_width(s);

	return t > w ? t : w;
}

static void
layout(const struct centers *cs, struct cols *c)
{
	int i, used;

	c->code = widest(0, _("Code"));
	c->name = widest(0, _("Center"));
	c->when = widest(16, _("Last file"));
	c->rows = widest(5, _("Rows"));
	c->note = widest(widest(0, _("no file in 35 days")), _("never sent a file"));
	for (i = 0; i < cs->nall; i++) {
		c->code = widest(c->code, cs->all[i].code);
		c->name = widest(c->name, cs->all[i].name);
	}
	if (c->name > 24)
		c->name = 24;
	used = 1 + c->code + 1 + c->name + 1 + c->when + 1 + c->rows + 1 + c->note;
	c->file = COLS - 2 - used;
	if (c->file < MIN_FILE)
		c->file = 0;
}

static void
draw_center(int y, const struct synclog_center *c, const struct cols *w, bool selected)
{
	enum tui_attr at = selected ? ATTR_SELECTED : ATTR_NORMAL;
	char when[32] = "-", rows[24] = "", *note;
	int x = 1;

	if (selected)
		draw_fill(y, 0, COLS, ATTR_SELECTED);
	if (c->heard) {
		synclog_local_time(c->last.at, when, sizeof when);
		snprintf(rows, sizeof rows, "%ld", c->last.rows);
	}
	note = !c->late ? "" : c->heard ? _("no file in 35 days") : _("never sent a file");
	draw_pad(y, x, w->code, c->code, false, at);
	x += w->code + 1;
	draw_pad(y, x, w->name, c->name, false, at);
	x += w->name + 1;
	draw_pad(y, x, w->when, when, false, at);
	x += w->when + 1;
	draw_pad(y, x, w->rows, rows, true, at);
	x += w->rows + 1;
	draw_pad(y, x, w->note, note, false, selected ? at : ATTR_ERROR);
	x += w->note + 1;
	if (w->file > 0 && c->heard)
		draw_pad(y, x, w->file, synclog_basename(c->last.file), false, at);
}

static void
draw_summary(struct centers *cs, int y)
{
	char text[256];
	int w;

	if (cs->filter.text.len > 0) {
		w = draw_text(y, 1, COLS - 2, _("Filter: "), ATTR_HEADER);
		draw_text(y, 1 + w, COLS - 2 - w, lineedit_text(&cs->filter), ATTR_INPUT);
		return;
	}
	snprintf(text, sizeof text, P_("%d center enrolled", "%d centers enrolled",
	    (unsigned long)cs->nall), cs->nall);
	w = draw_text(y, 1, COLS - 2, text, ATTR_NORMAL);
	if (cs->late > 0) {
		snprintf(text, sizeof text, P_("; %d not heard from in 35 days",
		    "; %d not heard from in 35 days", (unsigned long)cs->late), cs->late);
		draw_text(y, 1 + w, COLS - 2 - w, text, ATTR_ERROR);
	}
}

static void
centers_draw(struct app *a, void *state)
{
	struct centers *cs = state;
	struct cols w;
	char detail[1400];
	int rows = list_rows(), i, y, x;

	app_draw_title(a, _("Centers"));
	draw_summary(cs, 1);
	layout(cs, &w);
	x = 1;
	draw_pad(2, x, w.code, _("Code"), false, ATTR_HEADER);
	x += w.code + 1;
	draw_pad(2, x, w.name, _("Center"), false, ATTR_HEADER);
	x += w.name + 1;
	draw_pad(2, x, w.when, _("Last file"), false, ATTR_HEADER);
	x += w.when + 1;
	draw_pad(2, x, w.rows, _("Rows"), true, ATTR_HEADER);
	x += w.rows + 1 + w.note + 1;
	if (w.file > 0)
		draw_pad(2, x, w.file, _("File"), false, ATTR_HEADER);
	if (cs->cur < cs->top)
		cs->top = cs->cur;
	if (cs->cur >= cs->top + rows)
		cs->top = cs->cur - rows + 1;
	for (i = cs->top, y = TOP_ROWS; i < cs->nshown && y < TOP_ROWS + rows; i++, y++)
		draw_center(y, &cs->all[cs->shown[i]], &w, i == cs->cur);
	if (cs->nall == 0)
		draw_wrap(TOP_ROWS, draw_lines() - 2, 2, COLS - 3, _("No center is enrolled yet: an "
		    "administrator enrolls one from its key file on the sync screen (9)."), 0,
		    ATTR_DIM);
	else if (cs->nshown == 0)
		draw_text(TOP_ROWS, 2, COLS - 3, _("No center matches the filter."), ATTR_DIM);
	else if (cs->all[cs->shown[cs->cur]].heard) {
		snprintf(detail, sizeof detail, _("Last file: %s"),
		    cs->all[cs->shown[cs->cur]].last.file);
		draw_text(draw_lines() - 3, 1, COLS - 2, detail, ATTR_DIM);
	}
	if (cs->err[0] != '\0')
		draw_text(draw_lines() - 2, 1, COLS - 2, cs->err, ATTR_ERROR);
}

static const struct action_def *const *
centers_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_report, &act_lock, &act_quit, &act_back, &act_move, &act_filter, NULL,
	};

	(void)state;
	return acts;
}

const struct screen screen_centers = {
	.name = "centers",
	.init = centers_init,
	.free = centers_done,
	.enter = centers_enter,
	.key = centers_key,
	.draw = centers_draw,
	.actions = centers_actions,
};
