/*
 * grants — the city's grant programmes (code, name, limit, rate, years
 * open), then the applications of one fiscal year with their status as
 * derived from the body's row and the city's decision (grant_lines), and
 * for the selected one its money as a gauge with the warnings (spent past
 * the decided amount, results report due).  At a center: new applications
 * and expenses, apply, report results, withdraw; the city's amounts are
 * only shown.  At city hall (a city store): every center's applications,
 * those waiting for a decision first, and the city's steps — decide,
 * advance, settle, pay.  The core refuses what a role or a programme does
 * not allow, and its sentence is what is shown.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "askform.h"
#include "base/fyspan.h"
#include "base/i18n.h"
#include "base/text.h"
#include "grants.h"
#include "output.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/fmt.h"

static const struct action_def act_grant_open = {
	ACT_GRANT_OPEN, "Enter", N_("Expense list"),
	N_("Open the selected application with its expenses."), {ACT_KEYS_ENTER},
};

/* The application columns, in the order drawn.  Those with a lower keep
 * value go first when the window is too narrow. */
enum col { C_CENTER, C_TITLE, C_PROG, C_STATUS, C_REQ, C_DEC, C_SPENT, C_LEFT, C_N };

struct prog {
	char code[32], name[160];
	long long limit;
	int num, den, from, to;
};

struct grants {
	bool city;
	int fy;
	struct prog *progs;
	int nprog, pcap;
	struct grant_row *rows;
	int n, cap, cur, top;
	long long decided, spent;	/* the year's totals */
	int cell_w[C_N];		/* the widest cell of each column (enum col), read at load */
	/* The columns shown, chosen when a year's list is first laid out at
	 * this width and kept after an action, so a decision that widens a
	 * cell narrows the title rather than hiding a column. */
	bool on[C_N], have_on;
	int on_w[C_N], on_cols;
	char keep[37];		/* the application to select after a reload */
	char sticky[37];	/* the one selected before the year changed */
	struct grant_pending pend;
	char err[512];
};

/* Rows of each part of the screen for the window's height. */
struct layout {
	int money;		/* the selected application's panel, its rule included */
	int progs;		/* programme lines shown (0: the section is left out) */
	int list;		/* application rows */
};

static struct layout
layout(const struct grants *g)
{
	struct layout l;
	int avail = draw_lines() - 3, rest;

	l.money = avail >= 14 ? 5 : avail >= 9 ? 3 : 0;
	rest = avail - l.money - 2;
	l.progs = g->nprog < (rest - 3) / 2 ? g->nprog : (rest - 3) / 2;
	/* One row for several programmes would only say how many: leave it out. */
	if (l.progs < 1 || (l.progs < 2 && l.progs < g->nprog))
		l.progs = 0;
	l.list = rest - (l.progs > 0 ? l.progs + 1 : 0);
	if (l.list < 1)
		l.list = 1;
	return l;
}

static bool
keep_prog(void *ctx, const struct record *r)
{
	struct grants *g = ctx;
	struct prog *p;

	if (g->nprog == g->pcap) {
		g->pcap = g->pcap ? g->pcap * 2 : 8;
		g->progs = xreallocarray(g->progs, (size_t)g->pcap, sizeof *g->progs);
	}
	p = &g->progs[g->nprog++];
	snprintf(p->code, sizeof p->code, "%s", r->value[kind_field(r->kind, "code")]);
	snprintf(p->name, sizeof p->name, "%s", r->value[kind_field(r->kind, "name")]);
	p->limit = record_int(r, kind_field(r->kind, "limit"));
	p->num = (int)record_int(r, kind_field(r->kind, "rate_num"));
	p->den = (int)record_int(r, kind_field(r->kind, "rate_den"));
	p->from = (int)record_int(r, kind_field(r->kind, "fy_from"));
	p->to = (int)record_int(r, kind_field(r->kind, "fy_to"));
	return true;
}

static void
keep_line(void *ctx, const struct grant_line *l)
{
	struct grants *g = ctx;

	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 16;
		g->rows = xreallocarray(g->rows, (size_t)g->cap, sizeof *g->rows);
	}
	grant_row_from(&g->rows[g->n++], l);
	/* The year's totals, held at the int64 limit (grant.h). */
	g->decided = grant_yen_add(g->decided, l->decided);
	g->spent = grant_yen_add(g->spent, l->spent);
}

/* City hall works through the applications waiting for its decision
 * first; the order among each group stays the core's (center, title). */
static void
waiting_first(struct grants *g)
{
	struct grant_row *sorted = xcalloc((size_t)(g->n > 0 ? g->n : 1), sizeof *sorted);
	int i, k = 0, pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < g->n; i++)
			if (g->rows[i].waiting == (pass == 0))
				sorted[k++] = g->rows[i];
	memcpy(g->rows, sorted, (size_t)g->n * sizeof *sorted);
	free(sorted);
}

/* The rows in the order of before (uuids in old, n of them); rows new
 * since go last, in the core's order. */
static void
grants_same_order(struct grants *g, char (*old)[37], int nold)
{
	struct grant_row *sorted = xcalloc((size_t)(g->n > 0 ? g->n : 1), sizeof *sorted);
	bool *used = xcalloc((size_t)(g->n > 0 ? g->n : 1), sizeof *used);
	int i, j, k = 0;

	for (j = 0; j < nold; j++)
		for (i = 0; i < g->n; i++)
			if (!used[i] && strcmp(g->rows[i].uuid, old[j]) == 0) {
				sorted[k++] = g->rows[i];
				used[i] = true;
				break;
			}
	for (i = 0; i < g->n; i++)
		if (!used[i])
			sorted[k++] = g->rows[i];
	memcpy(g->rows, sorted, (size_t)g->n * sizeof *sorted);
	free(sorted);
	free(used);
}

static void measure(struct grants *g);

/* Reads the year's lines.  same_order: after an action, the rows stay
 * where they were (city hall's waiting-first order is made only when a
 * year is first shown), so the row acted on does not jump away. */
static void
load(struct app *a, struct grants *g, bool same_order)
{
	struct record_query q = {0};
	struct error err;
	char (*old)[37] = NULL;
	int i, nold = same_order ? g->n : 0;

	if (nold > 0) {
		old = xcalloc((size_t)nold, sizeof *old);
		for (i = 0; i < nold; i++)
			memcpy(old[i], g->rows[i].uuid, sizeof old[i]);
	}
	g->err[0] = '\0';
	g->nprog = g->n = 0;
	g->decided = g->spent = 0;
	if (record_list(app_store(a), kind_find("programme"), &q, keep_prog, g, &err) < 0 ||
	    grant_lines(app_store(a), g->fy, keep_line, g, &err) < 0)
		snprintf(g->err, sizeof g->err, "%s", err.text);
	if (nold > 0)
		grants_same_order(g, old, nold);
	else if (g->city)
		waiting_first(g);
	free(old);
	if (!same_order)
		g->have_on = false;
	for (i = 0; i < g->n; i++)
		if (strcmp(g->rows[i].uuid, g->keep[0] != '\0' ? g->keep : g->sticky) == 0)
			g->cur = i;
	g->keep[0] = '\0';
	if (g->cur >= g->n)
		g->cur = g->n > 0 ? g->n - 1 : 0;
	measure(g);
}

static const struct grant_row *
current(const struct grants *g)
{
	return g->cur < g->n ? &g->rows[g->cur] : NULL;
}

static void
reload(struct app *a, void *ctx)
{
	struct grants *g = ctx;

	if (current(g) != NULL)
		snprintf(g->keep, sizeof g->keep, "%s", current(g)->uuid);
	load(a, g, true);
}

static void *
grants_init(struct app *a, const void *arg)
{
	struct grants *g = xcalloc(1, sizeof *g);

	(void)arg;
	g->city = store_kind(app_store(a)) == STORE_CITY;
	g->fy = date_fiscal_year(date_today());
	g->pend.after = reload;
	g->pend.ctx = g;
	load(a, g, false);
	return g;
}

static void
grants_done(void *state)
{
	struct grants *g = state;

	free(g->progs);
	free(g->rows);
	free(g);
}

/* Back from a form or the detail: reload, and follow an application just
 * saved into its fiscal year. */
static void
grants_enter(struct app *a, void *state)
{
	struct grants *g = state;
	struct grant_row r;
	int fy = g->fy;

	if (g->keep[0] != '\0' && grant_row_get(app_store(a), g->keep, &r, NULL))
		g->fy = r.fy;
	else if (g->keep[0] == '\0' && current(g) != NULL)
		snprintf(g->keep, sizeof g->keep, "%s", current(g)->uuid);
	/* Back from a step's form or the page: the same year keeps its order. */
	load(a, g, g->fy == fy);
}

static void
saved(void *ctx, const char *uuid)
{
	struct grants *g = ctx;

	snprintf(g->keep, sizeof g->keep, "%s", uuid);
}

static int
new_application(struct app *a, struct grants *g)
{
	const struct kind *k = kind_find("application");
	struct ask_form_arg arg = {0};
	char fy[16];
	int i;

	snprintf(fy, sizeof fy, "%d", g->fy);
	arg.kind = k;
	arg.values[kind_field(k, "fy")] = fy;
	/* The first programme open in the year shown; ←/→ picks another. */
	for (i = 0; i < g->nprog; i++)
		if (g->progs[i].from <= g->fy && (g->progs[i].to == 0 || g->fy <= g->progs[i].to)) {
			arg.values[kind_field(k, "program")] = g->progs[i].code;
			break;
		}
	arg.first = kind_field(k, "title");
	arg.saved = saved;
	arg.ctx = g;
	app_push(a, &screen_ask_form, &arg);
	return RES_HANDLED | RES_REDRAW;
}

static int
edit_application(struct app *a, struct grants *g)
{
	struct record_form_arg arg = {0};

	if (current(g) == NULL)
		return RES_HANDLED;
	arg.kind = kind_find("application");
	arg.uuid = current(g)->uuid;
	arg.day = date_today();
	arg.saved = saved;
	arg.ctx = g;
	app_push(a, &screen_record_form, &arg);
	return RES_HANDLED | RES_REDRAW;
}

static int
change_year(struct app *a, struct grants *g, int delta)
{
	/* The selection comes back with its year. */
	if (current(g) != NULL && g->sticky[0] == '\0')
		snprintf(g->sticky, sizeof g->sticky, "%s", current(g)->uuid);
	g->fy = delta == 0 ? date_fiscal_year(date_today()) : g->fy + delta;
	g->cur = g->top = 0;
	load(a, g, false);
	return RES_HANDLED | RES_REDRAW;
}

/* The city's keys at a center: the core says why not. */
static int
city_key_at_center(struct app *a, struct grants *g, struct key k)
{
	static const struct action_def *const city_acts[] = {
		&act_grant_decide, &act_grant_advance, &act_grant_settle, &act_grant_pay, NULL,
	};
	struct error err;

	if (g->city || current(g) == NULL || keys_lookup(city_acts, k) == NULL)
		return 0;
	if (!grant_city_step(app_store(a), app_actor(a), GRANT_DECIDE, current(g)->uuid, 0, NULL,
	    NULL, &err))
		app_error(a, "%s", err.text);
	return RES_HANDLED | RES_REDRAW;
}

static int
grants_key(struct app *a, void *state, struct key k, int act)
{
	struct grants *g = state;
	int res, h = layout(g).list;

	switch (act) {
	case ACT_ADD:
		return new_application(a, g);
	case ACT_EDIT:
		return edit_application(a, g);
	case ACT_GRANT_OPEN:
		if (current(g) != NULL)
			app_push(a, &screen_grant_detail, current(g)->uuid);
		return RES_HANDLED | RES_REDRAW;
	case ACT_OUTPUT: {
		struct output_arg out = {.what = OUTPUT_GRANTS, .fy = g->fy};

		app_push(a, &screen_output, &out);
		return RES_HANDLED | RES_REDRAW;
	}
	case ACT_PREV_YEAR:
		return change_year(a, g, -1);
	case ACT_NEXT_YEAR:
		return change_year(a, g, 1);
	case ACT_THIS_YEAR:
		return change_year(a, g, 0);
	case ACT_BACK:
		return RES_POP;
	default:
		break;
	}
	if ((res = grant_row_act(a, &g->pend, current(g), act)) != 0)
		return res;
	if (!k.code)
		return city_key_at_center(a, g, k);
	g->sticky[0] = '\0';	/* a choice made by hand */
	switch (k.ch) {
	case KEY_DOWN: g->cur++; break;
	case KEY_UP: g->cur--; break;
	case KEY_NPAGE: g->cur += h; break;
	case KEY_PPAGE: g->cur -= h; break;
	case KEY_HOME: g->cur = 0; break;
	case KEY_END: g->cur = g->n - 1; break;
	default: return 0;
	}
	if (g->cur >= g->n)
		g->cur = g->n - 1;
	if (g->cur < 0)
		g->cur = 0;
	return RES_HANDLED | RES_REDRAW;
}

static void
rate_text(const struct prog *p, char *out, size_t size)
{
	if (p->den > 0 && p->num == p->den)
		snprintf(out, size, "100%%");
	else if (p->den == 100)
		snprintf(out, size, "%d%%", p->num);
	else
		snprintf(out, size, "%d/%d", p->num, p->den);
}

static int
draw_programmes(const struct grants *g, int y, int rows)
{
	char limit[48], rate[16], span[96];
	int i, lw = text_width(_("no limit")), sw = 0, nw, x;

	if (rows == 0)
		return y;
	draw_text(y++, 1, COLS - 2, _("Grant programs"), ATTR_HEADER);
	for (i = 0; i < g->nprog; i++) {
		fmt_yen(g->progs[i].limit, limit, sizeof limit);
		era_format_fy_span(g->progs[i].from, g->progs[i].to, fmt_era_lang(), span,
		    sizeof span);
		if (text_width(limit) > lw)
			lw = text_width(limit);
		if (text_width(span) > sw)
			sw = text_width(span);
	}
	/* By name: the code is the city's, for files. */
	nw = COLS - 2 - lw - 5 - sw - 3 - 2;
	for (i = 0; i < rows && i < g->nprog; i++, y++) {
		const struct prog *p = &g->progs[i];

		if (i == rows - 1 && g->nprog > rows) {
			snprintf(span, sizeof span, _("(%d more)"), g->nprog - i);
			draw_text(y++, 3, COLS - 4, span, ATTR_DIM);
			break;
		}
		if (p->limit > 0)
			fmt_yen(p->limit, limit, sizeof limit);
		else
			snprintf(limit, sizeof limit, "%s", _("no limit"));
		rate_text(p, rate, sizeof rate);
		era_format_fy_span(p->from, p->to, fmt_era_lang(), span, sizeof span);
		x = 2;
		if (nw >= 6) {
			draw_pad(y, x, nw, p->name, false, ATTR_NORMAL);
			x += nw + 1;
		}
		draw_pad(y, x, lw, limit, true, ATTR_NORMAL);
		x += lw + 1;
		draw_pad(y, x, 5, rate, true, ATTR_NORMAL);
		x += 6;
		draw_pad(y, x, sw, span, false, ATTR_NORMAL);
	}
	return y;
}

/* The widest the programme column grows in the list; on a window of 110
 * columns or more, wide enough for most names whole. */
#define PROG_COL_MAX 20
#define PROG_COL_WIDE 32
/* The narrowest it gets before it is left out: 地域協働体活動… and
 * 地域協働体支援… still differ. */
#define PROG_COL_MIN 16
/* The narrowest the title gets to keep the columns after an action. */
#define TITLE_MIN 12

struct cols {
	int w[C_N];
	bool on[C_N];
};

static const char *
col_head(enum col c)
{
	static const char *const heads[C_N] = {
		N_("Center"), N_("Application"), N_("Program"), N_("Status"), N_("Requested"),
		N_("Decided"), N_("Spent"), N_("Remaining"),
	};

	return _(heads[c]);
}

static void
cell(const struct grant_row *r, enum col c, char *out, size_t size)
{
	switch (c) {
	case C_CENTER: snprintf(out, size, "%s", r->center_name); break;
	case C_TITLE: snprintf(out, size, "%s", r->title); break;
	case C_PROG: snprintf(out, size, "%s", grant_row_program(r)); break;
	case C_STATUS: snprintf(out, size, "%s", grant_status_label(r->status)); break;
	case C_REQ: fmt_yen(r->requested, out, size); break;
	case C_DEC: fmt_yen(r->decided, out, size); break;
	case C_SPENT: fmt_yen(r->spent, out, size); break;
	case C_LEFT: fmt_yen(r->remaining, out, size); break;
	default: out[0] = '\0';
	}
}

/* Widens cell_w to what the city's steps can make a cell: the statuses
 * they lead to, a decided or remaining amount up to the request, the
 * expenses planned until the decision then spent (and overspent), so that
 * deciding, settling or paying never changes the columns. */
static void
city_room(struct grants *g)
{
	static const enum grant_status after[] = {
		GRANT_STATUS_DECIDED, GRANT_STATUS_SETTLED, GRANT_STATUS_PAID,
	};
	char buf[64];
	size_t k;
	int i, w;

	for (k = 0; k < sizeof after / sizeof after[0]; k++) {
		w = text_width(grant_status_label(grant_status_code(after[k])));
		if (w > g->cell_w[C_STATUS])
			g->cell_w[C_STATUS] = w;
	}
	for (i = 0; i < g->n; i++) {
		const struct grant_row *r = &g->rows[i];
		long long all = grant_yen_add(r->spent, r->planned);

		fmt_yen(r->requested, buf, sizeof buf);
		w = text_width(buf);
		if (w > g->cell_w[C_DEC])
			g->cell_w[C_DEC] = w;
		if (w > g->cell_w[C_LEFT])
			g->cell_w[C_LEFT] = w;
		fmt_yen(all, buf, sizeof buf);
		if (text_width(buf) > g->cell_w[C_SPENT])
			g->cell_w[C_SPENT] = text_width(buf);
		fmt_yen(-all, buf, sizeof buf);
		if (text_width(buf) > g->cell_w[C_LEFT])
			g->cell_w[C_LEFT] = text_width(buf);
	}
}

/* The widest cell of each column, once per load rather than per frame. */
static void
measure(struct grants *g)
{
	char buf[256];
	int i, j;

	for (j = 0; j < C_N; j++) {
		g->cell_w[j] = 0;
		for (i = 0; i < g->n && j != C_TITLE; i++) {
			cell(&g->rows[i], j, buf, sizeof buf);
			if (text_width(buf) > g->cell_w[j])
				g->cell_w[j] = text_width(buf);
		}
	}
	if (g->city)
		city_room(g);
	/* A programme's full name is long; its start tells them apart and the
	 * detail page shows it whole. */
	if (g->cell_w[C_PROG] > (COLS >= 110 ? PROG_COL_WIDE : PROG_COL_MAX))
		g->cell_w[C_PROG] = COLS >= 110 ? PROG_COL_WIDE : PROG_COL_MAX;
}

static struct cols
columns(struct grants *g)
{
	/* The requested amount stands in the money panel too; the programme's
	 * name is what a row is read by, so it goes after it. */
	static const enum col drop[] = {C_REQ, C_PROG, C_LEFT, C_DEC};
	struct cols c;
	int i, j, total = 0, room = COLS - 4;

	for (j = 0; j < C_N; j++) {
		c.on[j] = j != C_CENTER || g->city;
		c.w[j] = text_width(col_head(j));
		if (g->cell_w[j] > c.w[j])
			c.w[j] = g->cell_w[j];
	}
	c.w[C_TITLE] = 12;
	for (j = 0; j < C_N; j++)
		total += c.on[j] ? c.w[j] + 1 : 0;
	if (g->have_on && g->on_cols == COLS) {
		/* Kept since the year was shown, each as wide or wider; the title
		 * takes what is left, if that is enough. */
		struct cols k = c;

		total = 0;
		for (j = 0; j < C_N; j++) {
			k.on[j] = g->on[j];
			if (j == C_PROG || (g->on_w[j] > k.w[j] && j != C_TITLE))
				k.w[j] = g->on_w[j];
			if (k.on[j] && j != C_TITLE)
				total += k.w[j] + 1;
		}
		k.w[C_TITLE] = room - total - 1;
		if (k.w[C_TITLE] >= TITLE_MIN)
			return k;
	}
	for (i = 0; i < (int)(sizeof drop / sizeof drop[0]) && total > room; i++) {
		/* The programme narrows before it goes: its start still names it. */
		if (drop[i] == C_PROG && total - room <= c.w[C_PROG] - PROG_COL_MIN) {
			c.w[C_PROG] -= total - room;
			total = room;
			break;
		}
		c.on[drop[i]] = false;
		total -= c.w[drop[i]] + 1;
	}
	/* The title takes what is left. */
	if (total < room)
		c.w[C_TITLE] += room - total;
	memcpy(g->on, c.on, sizeof g->on);
	memcpy(g->on_w, c.w, sizeof g->on_w);
	g->have_on = true;
	g->on_cols = COLS;
	return c;
}

static void
draw_row(const struct grants *g, const struct cols *c, const struct grant_row *r, int y,
    enum tui_attr at)
{
	char buf[256];
	const char *mark = " ";
	int j, x = 1;

	if (r != NULL) {
		if (r->overspent || r->report_due)
			mark = "!";
		else if (r->waiting && g->city)
			mark = "*";
		draw_text(y, x, 1, mark, at == ATTR_SELECTED ? at :
		    mark[0] == '!' ? ATTR_ERROR : ATTR_NOTICE);
	}
	x = 3;
	for (j = 0; j < C_N; j++) {
		bool right = j >= C_REQ;

		if (!c->on[j])
			continue;
		if (r == NULL)
			snprintf(buf, sizeof buf, "%s", col_head(j));
		else
			cell(r, j, buf, sizeof buf);
		/* A selected row is filled before its cells (draw_apps). */
		draw_pad_on_blank(y, x, c->w[j], buf, right, at, at == ATTR_SELECTED);
		x += c->w[j] + 1;
	}
}

static void
draw_apps(struct grants *g, int y, int rows)
{
	struct cols c = columns(g);
	char fy[64], head[256], a1[48], a2[48], right[160];
	int i, row, rw, hw;

	era_format_fy(g->fy, fmt_era_lang(), fy, sizeof fy);
	snprintf(head, sizeof head, _("Applications in %s"), fy);
	fmt_yen(g->decided, a1, sizeof a1);
	fmt_yen(g->spent, a2, sizeof a2);
	snprintf(right, sizeof right, "%s %s  %s %s", _("Decided"), a1, _("Spent"), a2);
	rw = text_width(right);
	if (rw > COLS / 2)
		rw = COLS / 2;
	draw_text(y, COLS - rw - 1, rw, right, ATTR_DIM);
	hw = draw_text(y, 1, COLS - rw - 3, head, ATTR_HEADER);
	/* The keys for another year, where there is room. */
	if (1 + hw + 2 + text_width(_("(F5/F6: year)")) < COLS - rw - 2)
		draw_text(y, 1 + hw + 2, COLS - rw - 4 - hw, _("(F5/F6: year)"), ATTR_DIM);
	draw_row(g, &c, NULL, y + 1, ATTR_DIM);
	if (g->cur < g->top)
		g->top = g->cur;
	if (g->cur >= g->top + rows)
		g->top = g->cur - rows + 1;
	if (g->n == 0)
		draw_text(y + 2, 3, COLS - 4, g->city ? _("No applications in this year.") :
		    _("No applications in this year. F2 adds one."), ATTR_DIM);
	for (i = g->top, row = 0; i < g->n && row < rows; i++, row++) {
		enum tui_attr at = i == g->cur ? ATTR_SELECTED : ATTR_NORMAL;

		if (at == ATTR_SELECTED)
			draw_fill(y + 2 + row, 0, COLS, at);
		draw_row(g, &c, &g->rows[i], y + 2 + row, at);
	}
	/* Rows beyond the view, in the margin the columns leave free. */
	if (g->top > 0)
		draw_more_mark(y + 2, COLS - 1, true,
		    g->cur == g->top ? ATTR_SELECTED : ATTR_DIM);
	if (g->top + rows < g->n)
		draw_more_mark(y + 1 + rows, COLS - 1, false,
		    g->cur == g->top + rows - 1 ? ATTR_SELECTED : ATTR_DIM);
}

static void
grants_draw(struct app *a, void *state)
{
	struct grants *g = state;
	struct layout l = layout(g);
	const struct grant_row *r = current(g);
	char title[256], fy[64];
	int y;

	era_format_fy(g->fy, fmt_era_lang(), fy, sizeof fy);
	snprintf(title, sizeof title, "%s  %s", _("Grants"), fy);
	app_draw_title(a, title);
	y = draw_programmes(g, 1, l.progs);
	draw_apps(g, y, l.list);
	if (l.money > 0 && r != NULL) {
		y = draw_lines() - 2 - l.money;
		draw_hline(y, 0, COLS, ATTR_DIM);
		draw_text(y, 2, COLS - 4, r->title, ATTR_HEADER);
		grant_row_draw_money(r, g->city, y + 1, l.money - 1);
	}
	if (g->err[0] != '\0')
		draw_text(draw_lines() - 2, 1, COLS - 2, g->err, ATTR_ERROR);
}

static const struct action_def *const *
grants_actions(void *state)
{
	static const struct action_def *const years[] = {
		&act_prev_year, &act_next_year, &act_this_year, NULL,
	};
	static const struct action_def *acts[24];
	struct grants *g = state;
	int n = 0;

	acts[n++] = &act_help;
	/* Enter opens the application (listed before F3 Edit, which has Enter too). */
	acts[n++] = &act_grant_open;
	if (!g->city) {
		acts[n++] = &act_add;
		if (current(g) != NULL)
			acts[n++] = &act_edit;
	}
	n = grant_row_actions(current(g), g->city, acts, n, 16);
	n = keys_append(acts, n, 24, years);
	acts[n++] = &act_output;
	keys_append(acts, n, 24, keys_list_tail);
	return acts;
}

const struct screen screen_grants = {
	.name = "grants",
	.init = grants_init,
	.free = grants_done,
	.enter = grants_enter,
	.key = grants_key,
	.draw = grants_draw,
	.actions = grants_actions,
};
