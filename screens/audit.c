/*
 * audit — the audit log for administrators: who changed what and when,
 * newest first, a page at a time, filtered by typing (a name, an action, a
 * kind or words of the summary).  The core refuses other readers; this
 * screen shows that sentence instead of a list.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/audit.h"
#include "base/buf.h"
#include "base/i18n.h"
#include "base/text.h"
#include "domain/setting.h"
#include "domain/staff.h"
#include "domain/record.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/lineedit.h"

static const struct action_def act_audit_show = {
	ACT_AUDIT_SHOW, "Enter", N_("Whole entry"),
	N_("Show the selected entry whole on the message line: when, who, what."), {ACT_KEYS_ENTER},
};

#define PAGE_MAX 201	/* a screenful and one more, to know more lie below */
#define STACK_MAX 512

struct entry {
	long long id;
	char at[24], actor[128], action[96], kind[96], summary[256];
};

struct audit {
	struct entry rows[PAGE_MAX];
	int n, cursor;
	bool more;			/* older entries lie below the page */
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

/* What the log names besides the record kinds. */
static const struct {
	const char *code, *label;
} other_kinds[] = {
	{"staff", N_("Staff account")},
	{"peer", N_("Sync key")},
	{"audit", N_("Audit log")},
};

/* A kind as people read it: a record kind's label, else one of the
 * others, else as stored. */
static const char *
kind_text(const char *code)
{
	const struct kind *k;
	size_t i;

	if (code == NULL)
		return "";
	if ((k = kind_find(code)) != NULL)
		return _(k->label);
	for (i = 0; i < sizeof other_kinds / sizeof other_kinds[0]; i++)
		if (strcmp(other_kinds[i].code, code) == 0)
			return _(other_kinds[i].label);
	return code;
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
	snprintf(r->action, sizeof r->action, "%s", audit_action_label(e->action));
	snprintf(r->kind, sizeof r->kind, "%s", kind_text(e->kind));
	/* Roles and settings are stored by their codes; shown by their labels. */
	if (e->kind != NULL && strcmp(e->kind, "staff") == 0 &&
	    (strcmp(e->action, "add") == 0 || strcmp(e->action, "role") == 0))
		staff_audit_words(e->summary, r->summary, sizeof r->summary);
	else if (strcmp(e->action, "setting") == 0)
		setting_audit_words(e->summary, r->summary, sizeof r->summary);
	else
		snprintf(r->summary, sizeof r->summary, "%s", audit_summary_label(e->summary));
}

static int
page_rows(void)
{
	int h = draw_lines() - 5;

	return h < 1 ? 1 : h > PAGE_MAX - 1 ? PAGE_MAX - 1 : h;
}

/* "|meeting|" for "会議": the kinds whose label holds the filter, so
 * typing what the screen shows finds it. */
static void
kinds_labelled(const char *filter, struct buf *out)
{
	const struct kind *const *k;
	size_t i;

	buf_addc(out, '|');
	if (*filter == '\0')
		return;
	for (k = kind_all(); *k != NULL; k++)
		if (audit_label_holds(_((*k)->label), filter))
			buf_printf(out, "%s|", (*k)->name);
	for (i = 0; i < sizeof other_kinds / sizeof other_kinds[0]; i++)
		if (audit_label_holds(_(other_kinds[i].label), filter))
			buf_printf(out, "%s|", other_kinds[i].code);
}

static void
load(struct app *a, struct audit *au)
{
	struct error err;
	struct buf kinds = {0};

	au->n = 0;
	au->err[0] = '\0';
	kinds_labelled(lineedit_text(&au->filter), &kinds);
	if (audit_page(app_store(a), app_actor(a), lineedit_text(&au->filter), buf_str(&kinds),
	    au->before, page_rows() + 1, keep, au, &err) < 0)
		snprintf(au->err, sizeof au->err, "%s", err.text);
	buf_free(&kinds);
	au->more = au->n > page_rows();
	if (au->more)
		au->n = page_rows();
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
		if (au->more && au->nback < STACK_MAX) {
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
	if (k.code && k.ch == KEY_HOME) {
		restart(a, au);		/* the newest entry */
		return RES_HANDLED | RES_REDRAW;
	}
	if (k.code && k.ch == KEY_END) {
		au->cursor = au->n > 0 ? au->n - 1 : 0;
		return RES_HANDLED | RES_REDRAW;
	}
	if (act == ACT_AUDIT_SHOW) {
		/* The summary whole, with who and when, wrapped on the message line. */
		if (au->n > 0)
			app_message(a, "%s  %s  %s  %s", au->rows[au->cursor].at,
			    au->rows[au->cursor].actor, au->rows[au->cursor].action,
			    au->rows[au->cursor].summary);
		return RES_HANDLED | RES_REDRAW;
	}
	if ((k.code && k.ch != KEY_BACKSPACE) || (!k.code && k.ch < 0x20 && k.ch != 8))
		return 0;
	if (lineedit_key(&au->filter, k.ch, k.code) == LINEEDIT_CHANGED)
		restart(a, au);
	return RES_HANDLED | RES_REDRAW;
}

/* The widest of the page's cells in a column (at byte offset off of
 * struct entry), at least its heading's, at most max. */
static int
column_width(const struct audit *au, size_t off, const char *head, int max)
{
	int i, w = text_width(head);

	for (i = 0; i < au->n; i++) {
		int cw = text_width((const char *)&au->rows[i] + off);

		if (cw > w)
			w = cw;
	}
	return w < max ? w : max;
}

/* s cut to width, then an ellipsis.  A cut inside a word of Latin letters
 * or digits moves back to the space before it, if that keeps at least half;
 * Japanese is cut between characters. */
static bool
in_word(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static void
fit_words(const char *s, int width, struct buf *out)
{
	size_t cut, i;
	int used;

	if (text_width(s) <= width || width < 2) {
		buf_adds(out, s);
		return;
	}
	cut = text_fit(s, width - 1, &used);
	for (i = cut; i > 0 && in_word(s[i - 1]) && in_word(s[i]); i--)
		;
	if (i > 0 && i < cut && s[i - 1] == ' ' && i * 2 >= cut)
		cut = i;
	while (cut > 0 && s[cut - 1] == ' ')
		cut--;
	buf_add(out, s, cut);
	buf_adds(out, draw_ascii() ? "~" : "\xE2\x80\xA6");
}

static void
audit_draw(struct app *a, void *state)
{
	struct audit *au = state;
	struct buf cut = {0};
	char line[96];
	int y, i, w_at = 16, w_actor = 14, w_action, w_kind, x;

	app_draw_title(a, _("Audit log"));
	snprintf(line, sizeof line, "%s: ", _("Filter"));
	x = draw_text(1, 1, COLS - 2, line, ATTR_DIM);
	draw_text(1, 1 + x, COLS - 2 - x, lineedit_text(&au->filter), ATTR_NORMAL);
	if (au->err[0] != '\0') {
		draw_text(3, 1, COLS - 2, au->err, ATTR_ERROR);
		return;
	}
	/* Labels whole where they fit: "Sync file taken in", 申請 */
	w_action = column_width(au, offsetof(struct entry, action), _("Action"), 18);
	w_kind = column_width(au, offsetof(struct entry, kind), _("Kind"), 16);
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
	for (i = 0; i < au->n && y + 1 + i < draw_lines() - 2; i++) {
		enum tui_attr at = i == au->cursor ? ATTR_SELECTED : ATTR_NORMAL;
		const struct entry *r = &au->rows[i];
		int row = y + 1 + i, sx = x + w_at + w_actor + w_action + w_kind + 4;

		draw_fill(row, 0, COLS, at);
		draw_pad(row, x, w_at, r->at, false, at);
		draw_pad(row, x + w_at + 1, w_actor, r->actor, false, at);
		draw_pad(row, x + w_at + w_actor + 2, w_action, r->action, false, at);
		draw_pad(row, x + w_at + w_actor + w_action + 3, w_kind, r->kind, false, at);
		if (COLS - sx - 1 > 0) {
			buf_reset(&cut);
			fit_words(r->summary, COLS - sx - 1, &cut);
			draw_pad(row, sx, COLS - sx - 1, buf_str(&cut), false, at);
		}
	}
	buf_free(&cut);
	if (au->nback > 0)
		draw_more_mark(y + 1, COLS - 1, true, ATTR_DIM);
	if (au->more && i > 0)
		draw_more_mark(y + i, COLS - 1, false, ATTR_DIM);
}

static const struct action_def *const *
audit_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_audit_show, &act_filter, &act_move, &act_page, &act_back, NULL,
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
