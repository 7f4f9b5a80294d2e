/*
 * grantdetail — one grant application on a page: what was applied for,
 * the city's decision (read-only at a center: it arrives with the city's
 * file), the money as a gauge with its warnings, and the expenses, which
 * F2/F3/F4 add, edit and delete.  The moves on the application (grantrow.c)
 * work here as on the list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "grants.h"
#include "recordlist.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/fmt.h"

#define HEAD_ROWS 5	/* the application (up to 4 rows), the city's decision */
#define MONEY_ROWS 4

struct detail {
	char uuid[37];
	bool city;
	struct grant_row row;
	bool have_row;
	char applied_on[11], reported_on[11], project[128];
	char decision[512];	/* the city's lines, "" when none */
	struct record_rows exp;	/* the expenses, by date */
	int cur, top;
	long long total;
	struct grant_pending pend;
	char err[512];
};

static void
free_expenses(struct detail *d)
{
	record_rows_clear(&d->exp);
	d->total = 0;
}

static bool
keep_expense(void *ctx, const struct record *r)
{
	struct detail *d = ctx;

	record_rows_add(&d->exp, r);
	/* Held at the int64 limit rather than overflowing (grant.h). */
	d->total = grant_yen_add(d->total, record_int(r, kind_field(r->kind, "amount")));
	return true;
}

static void
copy_value(char *out, size_t size, const struct record *r, const char *field)
{
	const char *v = r->value[kind_field(r->kind, field)];

	snprintf(out, size, "%s", v != NULL ? v : "");
}

static bool
read_decision(void *ctx, const struct record *r)
{
	struct detail *d = ctx;
	struct buf b = {0};
	char v[64];
	const char *cond = r->value[kind_field(r->kind, "conditions")];

	copy_value(v, sizeof v, r, "decided_on");
	if (v[0] != '\0')
		buf_printf(&b, "%s %s", field_label(&r->kind->fields[kind_field(r->kind,
		    "decided_on")]), v);
	copy_value(v, sizeof v, r, "settled_on");
	if (v[0] != '\0')
		buf_printf(&b, "  %s %s", field_label(&r->kind->fields[kind_field(r->kind,
		    "settled_on")]), v);
	copy_value(v, sizeof v, r, "paid_on");
	if (v[0] != '\0')
		buf_printf(&b, "  %s %s", field_label(&r->kind->fields[kind_field(r->kind,
		    "paid_on")]), v);
	if (cond != NULL)
		buf_printf(&b, "  %s: %s", field_label(&r->kind->fields[kind_field(r->kind,
		    "conditions")]), cond);
	snprintf(d->decision, sizeof d->decision, "%s", buf_str(&b));
	buf_free(&b);
	return false;
}

static void
load(struct app *a, struct detail *d)
{
	struct record_query q = {0};
	struct record app;
	struct error err;

	d->err[0] = d->decision[0] = '\0';
	free_expenses(d);
	d->have_row = grant_row_get(app_store(a), d->uuid, &d->row, &err);
	if (!d->have_row) {
		snprintf(d->err, sizeof d->err, "%s", err.text);
		return;
	}
	if (record_get(app_store(a), kind_find("application"), d->uuid, &app, &err)) {
		copy_value(d->applied_on, sizeof d->applied_on, &app, "applied_on");
		copy_value(d->reported_on, sizeof d->reported_on, &app, "reported_on");
		copy_value(d->project, sizeof d->project, &app, "project");
		record_free(&app);
	}
	q.eq_field = "application";
	q.eq_value = d->uuid;
	if (record_list(app_store(a), kind_find("decision"), &q, read_decision, d, &err) < 0)
		snprintf(d->err, sizeof d->err, "%s", err.text);
	q.eq_field = "application_id";
	if (record_list(app_store(a), kind_find("expense"), &q, keep_expense, d, &err) < 0)
		snprintf(d->err, sizeof d->err, "%s", err.text);
	if (d->cur >= d->exp.n)
		d->cur = d->exp.n > 0 ? d->exp.n - 1 : 0;
}

static void
reload(struct app *a, void *ctx)
{
	load(a, ctx);
}

static void *
grantdetail_init(struct app *a, const void *arg)
{
	struct detail *d = xcalloc(1, sizeof *d);

	snprintf(d->uuid, sizeof d->uuid, "%s", (const char *)arg);
	d->city = store_kind(app_store(a)) == STORE_CITY;
	d->pend.after = reload;
	d->pend.ctx = d;
	load(a, d);
	if (!d->have_row) {
		app_error(a, "%s", d->err);
		record_rows_free(&d->exp);
		free(d);
		return NULL;
	}
	return d;
}

static void
grantdetail_done(void *state)
{
	struct detail *d = state;

	free_expenses(d);
	record_rows_free(&d->exp);
	free(d);
}

static void
grantdetail_enter(struct app *a, void *state)
{
	load(a, state);
}

static int
list_top(void)
{
	return 1 + HEAD_ROWS + MONEY_ROWS + 2;
}

static int
list_height(void)
{
	int h = draw_lines() - 2 - list_top();

	return h < 1 ? 1 : h;
}

static void
grantdetail_delete_yes(struct app *a, void *ctx)
{
	struct detail *d = ctx;
	const struct record *r;
	char title[256];

	if (d->cur >= d->exp.n)
		return;
	r = &d->exp.rows[d->cur];
	snprintf(title, sizeof title, "%s", r->value[kind_title(r->kind)] != NULL ?
	    r->value[kind_title(r->kind)] : "");
	if (recordlist_delete(a, r->kind, r->uuid, NULL))
		app_message(a, _("Deleted: %s. The home menu's Recently deleted (d) brings it "
		    "back."), title);
	load(a, d);
}

static int
grantdetail_key(struct app *a, void *state, struct key k, int act)
{
	struct detail *d = state;
	struct record_form_arg arg = {0};
	char q[512];
	int res;

	switch (act) {
	case ACT_ADD:
		return grant_row_act(a, &d->pend, &d->row, ACT_NEW_EXPENSE);
	case ACT_EDIT:
		if (d->cur >= d->exp.n)
			return RES_HANDLED;
		arg.kind = d->exp.rows[d->cur].kind;
		arg.uuid = d->exp.rows[d->cur].uuid;
		arg.day = date_today();
		app_push(a, &screen_record_form, &arg);
		return RES_HANDLED | RES_REDRAW;
	case ACT_DELETE:
		if (d->cur >= d->exp.n)
			return RES_HANDLED;
		snprintf(q, sizeof q, _("Delete \"%s\"? (y/n)"),
		    d->exp.rows[d->cur].value[kind_title(d->exp.rows[d->cur].kind)]);
		app_confirm(a, q, grantdetail_delete_yes, d);
		return RES_HANDLED | RES_REDRAW;
	case ACT_BACK:
		return RES_POP;
	default:
		break;
	}
	if ((res = grant_row_act(a, &d->pend, &d->row, act)) != 0)
		return res;
	if (!k.code)
		return 0;
	switch (k.ch) {
	case KEY_DOWN: d->cur++; break;
	case KEY_UP: d->cur--; break;
	case KEY_NPAGE: d->cur += list_height(); break;
	case KEY_PPAGE: d->cur -= list_height(); break;
	case KEY_HOME: d->cur = 0; break;
	case KEY_END: d->cur = d->exp.n - 1; break;
	default: return 0;
	}
	if (d->cur >= d->exp.n)
		d->cur = d->exp.n - 1;
	if (d->cur < 0)
		d->cur = 0;
	return RES_HANDLED | RES_REDRAW;
}

/* Draws pieces ("label value") in rows y … y+rows-1, as many to a row as
 * fit, two spaces apart; a piece wider than the row is cut.  Returns the
 * rows used. */
static int
flow(char pieces[][192], int n, int y, int rows, enum tui_attr at)
{
	int i, x = 1, row = 0, w;

	for (i = 0; i < n && row < rows; i++) {
		w = text_width(pieces[i]);
		if (x > 1 && x + 2 + w > COLS - 1) {
			if (++row >= rows)
				break;
			x = 1;
		}
		if (x > 1)
			x += 2;
		x += draw_text(y + row, x, COLS - 1 - x, pieces[i], at);
	}
	return n > 0 ? row + 1 : 0;
}

static void
draw_head(struct detail *d, int y)
{
	char p[10][192], v[48], fy[64];
	int n = 0, used;

	snprintf(p[n++], sizeof p[0], "%s: %s", _("Status"), grant_status_label(d->row.status));
	era_format_fy(d->row.fy, fmt_era_lang(), fy, sizeof fy);
	snprintf(p[n++], sizeof p[0], "%s", fy);
	snprintf(p[n++], sizeof p[0], "%s", grant_row_program(&d->row));
	fmt_yen(d->row.cost, v, sizeof v);
	snprintf(p[n++], sizeof p[0], "%s %s", _("Eligible cost"), v);
	fmt_yen(d->row.requested, v, sizeof v);
	snprintf(p[n++], sizeof p[0], "%s %s", _("Requested"), v);
	fmt_yen(d->row.allowed, v, sizeof v);
	snprintf(p[n++], sizeof p[0], "%s %s", _("Allowed"), v);
	if (d->applied_on[0] != '\0')
		snprintf(p[n++], sizeof p[0], "%s %s", _("Applied on"), d->applied_on);
	if (d->reported_on[0] != '\0')
		snprintf(p[n++], sizeof p[0], "%s %s", _("Reported on"), d->reported_on);
	if (d->city)
		snprintf(p[n++], sizeof p[0], "%s %s", _("Center"), d->row.center_name);
	else if (d->project[0] != '\0')
		snprintf(p[n++], sizeof p[0], "%s: %s", _("Plan project"), d->project);
	used = flow(p, n, y, HEAD_ROWS - 1, ATTR_NORMAL);
	/* City-owned: shown, never edited here at a center. */
	if (d->decision[0] != '\0') {
		struct buf b = {0};

		buf_printf(&b, "%s: %s", d->city ? _("The city's decision") :
		    _("From the city (read-only)"), d->decision);
		draw_text(y + used, 1, COLS - 2, buf_str(&b), ATTR_DIM);
		buf_free(&b);
	}
}

static void
draw_expenses(struct detail *d, int y)
{
	const struct kind *k = kind_find("expense");
	int fd = kind_field(k, "date"), fi = kind_field(k, "item"), fa = kind_field(k, "amount");
	int fr = kind_field(k, "receipt"), h = list_height(), dw = 10, aw = 12, rw = 12, iw, i, row;
	char head[256], total[48], v[64];

	fmt_yen(d->total, total, sizeof total);
	/* Before the city's decision they are planned, not spent (grantbook.h). */
	if (d->exp.n > 0 && !grant_has_decision(d->row.state) && !grant_is_withdrawn(d->row.state))
		snprintf(head, sizeof head, _("Expenses (%d)  planned %s: not spent until the "
		    "city decides"), d->exp.n, total);
	else
		snprintf(head, sizeof head, _("Expenses (%d)  total %s"), d->exp.n, total);
	draw_text(y, 1, COLS - 2, head, ATTR_HEADER);
	iw = COLS - 2 - dw - aw - rw - 3;
	if (iw < 8) {
		rw = 0;
		iw = COLS - 2 - dw - aw - 2;
	}
	draw_pad(y + 1, 1, dw, field_label(&k->fields[fd]), false, ATTR_DIM);
	draw_pad(y + 1, 2 + dw, iw, field_label(&k->fields[fi]), false, ATTR_DIM);
	draw_pad(y + 1, 3 + dw + iw, aw, field_label(&k->fields[fa]), true, ATTR_DIM);
	if (rw > 0)
		draw_pad(y + 1, 4 + dw + iw + aw, rw, field_label(&k->fields[fr]), false, ATTR_DIM);
	if (d->cur < d->top)
		d->top = d->cur;
	if (d->cur >= d->top + h)
		d->top = d->cur - h + 1;
	if (d->exp.n == 0)
		draw_text(y + 2, 3, COLS - 4, d->city ? _("No expenses.") :
		    _("No expenses yet. F2 adds one."), ATTR_DIM);
	for (i = d->top, row = y + 2; i < d->exp.n && row < draw_lines() - 2; i++, row++) {
		const struct record *r = &d->exp.rows[i];
		enum tui_attr at = i == d->cur ? ATTR_SELECTED : ATTR_NORMAL;

		if (at == ATTR_SELECTED)
			draw_fill(row, 0, COLS, at);
		draw_pad(row, 1, dw, r->value[fd], false, at);
		draw_pad(row, 2 + dw, iw, r->value[fi], false, at);
		fmt_yen(record_int(r, fa), v, sizeof v);
		draw_pad(row, 3 + dw + iw, aw, v, true, at);
		if (rw > 0)
			draw_pad(row, 4 + dw + iw + aw, rw, r->value[fr], false, at);
	}
}

static void
grantdetail_draw(struct app *a, void *state)
{
	struct detail *d = state;
	char title[256];

	snprintf(title, sizeof title, "%s  %s", kind_label(kind_find("application")),
	    d->row.title);
	app_draw_title(a, title);
	draw_head(d, 1);
	grant_row_draw_money(&d->row, d->city, 1 + HEAD_ROWS, MONEY_ROWS);
	draw_hline(1 + HEAD_ROWS + MONEY_ROWS, 0, COLS, ATTR_DIM);
	draw_expenses(d, 1 + HEAD_ROWS + MONEY_ROWS + 1);
	if (d->err[0] != '\0')
		draw_text(draw_lines() - 2, 1, COLS - 2, d->err, ATTR_ERROR);
}

static const struct action_def *const *
grantdetail_actions(void *state)
{
	static const struct action_def *acts[24];
	struct detail *d = state;
	int n = 0, i, j;

	acts[n++] = &act_help;
	if (!d->city) {
		if (grant_takes_expenses(d->row.state))
			acts[n++] = &act_add;
		acts[n++] = &act_edit;
		acts[n++] = &act_delete;
	}
	n = grant_row_actions(&d->row, d->city, acts, n, 20);
	/* F2 adds the expense here: e would say the same on the bar. */
	for (i = j = 0; i < n; i++)
		if (acts[i] != &act_new_expense)
			acts[j++] = acts[i];
	keys_append(acts, j, 24, keys_list_tail);
	return acts;
}

const struct screen screen_grant_detail = {
	.name = "grant-detail",
	.init = grantdetail_init,
	.free = grantdetail_done,
	.enter = grantdetail_enter,
	.key = grantdetail_key,
	.draw = grantdetail_draw,
	.actions = grantdetail_actions,
};
