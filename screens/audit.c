/*
 * audit — the audit log for administrators: who changed what and when,
 * newest first, a page at a time, filtered by typing (a name, an action, a
 * kind or words of the summary).  The core refuses other readers; this
 * screen shows that sentence instead of a list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/audit.h"
#include "base/i18n.h"
#include "base/text.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/lineedit.h"

#define PAGE_MAX 200
#define STACK_MAX 512

struct entry {
	long long id;
	char at[24], actor[128], action[24], kind[24], summary[256];
};

struct audit {
	struct entry rows[PAGE_MAX];
	int n, cursor;
	long long before;		/* the page shows entries older than this (0: newest) */
	long long back[STACK_MAX];	/* where earlier pages began, for PgUp */
	int nback;
	struct lineedit filter;
	char err[512];
};

/* "2026-11-28T01:30:00Z" in the kiosk's local time: "2026-11-28 10:30". */
static void
local_time(const char *utc, char *out, size_t size)
{
	struct tm tm = {0}, lt;
	time_t t;

	if (sscanf(utc, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
	    &tm.tm_min, &tm.tm_sec) != 6) {
		snprintf(out, size, "%s", utc);
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	localtime_r(&t, &lt);
	strftime(out, size, "%Y-%m-%d %H:%M", &lt);
}

static void
keep(void *ctx, const struct audit_entry *e)
{
	struct audit *au = ctx;
	struct entry *r;

	if (au->n >= PAGE_MAX)
		return;
	r = &au->rows[au->n++];
	r->id = e->id;
	local_time(e->at, r->at, sizeof r->at);
	snprintf(r->actor, sizeof r->actor, "%s", e->actor);
	snprintf(r->action, sizeof r->action, "%s", e->action);
	snprintf(r->kind, sizeof r->kind, "%s", e->kind ? e->kind : "");
	snprintf(r->summary, sizeof r->summary, "%s", e->summary);
}

static int
page_rows(void)
{
	int h = LINES - 5;

	return h < 1 ? 1 : h > PAGE_MAX ? PAGE_MAX : h;
}

static void
load(struct app *a, struct audit *au)
{
	struct error err;

	au->n = 0;
	au->err[0] = '\0';
	if (audit_page(app_store(a), app_actor(a), lineedit_text(&au->filter), au->before,
	    page_rows(), keep, au, &err) < 0)
		snprintf(au->err, sizeof au->err, "%s", err.text);
	if (au->cursor >= au->n)
		au->cursor = au->n > 0 ? au->n - 1 : 0;
}

static void *
audit_init(struct app *a, const void *arg)
{
	struct audit *au = xcalloc(1, sizeof *au);

	(void)arg;
	lineedit_init(&au->filter, NULL, 40);
	load(a, au);
	return au;
}

static void
audit_done(void *state)
{
	struct audit *au = state;

	lineedit_free(&au->filter);
	free(au);
}

static void
audit_enter(struct app *a, void *state)
{
	load(a, state);
}

static void
restart(struct app *a, struct audit *au)
{
	au->before = 0;
	au->nback = 0;
	au->cursor = 0;
	load(a, au);
}

static int
audit_key(struct app *a, void *state, struct key k, int act)
{
	struct audit *au = state;

	if (act == ACT_BACK) {
		if (au->filter.text.len == 0)
			return RES_POP;
		lineedit_set(&au->filter, NULL);
		restart(a, au);
		return RES_HANDLED | RES_REDRAW;
	}
	if (k.code && k.ch == KEY_DOWN && au->cursor + 1 < au->n) {
		au->cursor++;
		return RES_HANDLED | RES_REDRAW;
	}
	if (k.code && k.ch == KEY_UP && au->cursor > 0) {
		au->cursor--;
		return RES_HANDLED | RES_REDRAW;
	}
	if (k.code && k.ch == KEY_NPAGE) {
		/* Older entries: the next page starts below the last one shown. */
		if (au->n == page_rows() && au->nback < STACK_MAX) {
			au->back[au->nback++] = au->before;
			au->before = au->rows[au->n - 1].id;
			au->cursor = 0;
			load(a, au);
		}
		return RES_HANDLED | RES_REDRAW;
	}
	if (k.code && k.ch == KEY_PPAGE) {
		if (au->nback > 0) {
			au->before = au->back[--au->nback];
			au->cursor = 0;
			load(a, au);
		}
		return RES_HANDLED | RES_REDRAW;
	}
	if (k.code && (k.ch == KEY_ENTER) ) {
		if (au->n > 0)
			app_message(a, "%s", au->rows[au->cursor].summary);
		return RES_HANDLED | RES_REDRAW;
	}
	if (!k.code && (k.ch == '\r' || k.ch == '\n')) {
		if (au->n > 0)
			app_message(a, "%s", au->rows[au->cursor].summary);
		return RES_HANDLED | RES_REDRAW;
	}
	if ((k.code && k.ch != KEY_BACKSPACE) || (!k.code && k.ch < 0x20 && k.ch != 8))
		return 0;
	if (lineedit_key(&au->filter, k.ch, k.code) == LINEEDIT_CHANGED)
		restart(a, au);
	return RES_HANDLED | RES_REDRAW;
}

static void
audit_draw(struct app *a, void *state)
{
	struct audit *au = state;
	char line[96];
	int y, i, w_at = 16, w_actor = 14, w_action = 10, w_kind = 10, x;

	app_draw_title(a, _("Audit log"));
	snprintf(line, sizeof line, "%s: ", _("Filter"));
	x = draw_text(1, 1, COLS - 2, line, ATTR_DIM);
	draw_text(1, 1 + x, COLS - 2 - x, lineedit_text(&au->filter), ATTR_NORMAL);
	if (au->err[0] != '\0') {
		draw_text(3, 1, COLS - 2, au->err, ATTR_ERROR);
		return;
	}
	y = 2;
	x = 1;
	draw_pad(y, x, w_at, _("When"), false, ATTR_HEADER);
	draw_pad(y, x + w_at + 1, w_actor, _("Who"), false, ATTR_HEADER);
	draw_pad(y, x + w_at + w_actor + 2, w_action, _("Action"), false, ATTR_HEADER);
	draw_pad(y, x + w_at + w_actor + w_action + 3, w_kind, _("Kind"), false, ATTR_HEADER);
	draw_text(y, x + w_at + w_actor + w_action + w_kind + 4,
	    COLS - (x + w_at + w_actor + w_action + w_kind + 5), _("Summary"), ATTR_HEADER);
	if (au->n == 0)
		draw_text(y + 1, 1, COLS - 2, _("No entries."), ATTR_DIM);
	for (i = 0; i < au->n && y + 1 + i < LINES - 2; i++) {
		enum tui_attr at = i == au->cursor ? ATTR_SELECTED : ATTR_NORMAL;
		const struct entry *r = &au->rows[i];
		int row = y + 1 + i, sx = x + w_at + w_actor + w_action + w_kind + 4;

		draw_fill(row, 0, COLS, at);
		draw_pad(row, x, w_at, r->at, false, at);
		draw_pad(row, x + w_at + 1, w_actor, r->actor, false, at);
		draw_pad(row, x + w_at + w_actor + 2, w_action, r->action, false, at);
		draw_pad(row, x + w_at + w_actor + w_action + 3, w_kind, r->kind, false, at);
		if (COLS - sx - 1 > 0)
			draw_pad(row, sx, COLS - sx - 1, r->summary, false, at);
	}
}

static const struct action_def *const *
audit_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_filter, &act_move, &act_page, &act_back, NULL,
	};

	(void)state;
	return acts;
}

const struct screen screen_audit = {
	.name = "audit",
	.init = audit_init,
	.free = audit_done,
	.enter = audit_enter,
	.key = audit_key,
	.draw = audit_draw,
	.actions = audit_actions,
};
