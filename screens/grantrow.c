/*
 * grantrow — one grant application as both grant screens use it (see
 * grants.h): its line kept past the core's callback, the moves people make
 * on it — the center's apply, report and withdraw, each after a y/n; the
 * city's decide, advance, settle and pay, each in a small form — and its
 * money drawn as a gauge with the warnings.  The core refuses what is not
 * allowed, and its sentence is what people see.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "askform.h"
#include "base/i18n.h"
#include "base/text.h"
#include "grants.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/fmt.h"
#include "tui/gauge.h"

const struct action_def act_new_expense = {
	ACT_NEW_EXPENSE, "e", N_("Add expense"),
	N_("Add an expense to the selected application."), {ACT_KEY_CHAR('e')},
};

const struct action_def act_grant_apply = {
	ACT_GRANT_APPLY, "a", N_("Apply"),
	N_("Apply for the selected draft, after asking."), {ACT_KEY_CHAR('a')},
};

const struct action_def act_grant_report = {
	ACT_GRANT_REPORT, "r", N_("Report results"),
	N_("Report the results of the selected grant, after asking."), {ACT_KEY_CHAR('r')},
};

const struct action_def act_grant_withdraw = {
	ACT_GRANT_WITHDRAW, "w", N_("Withdraw"),
	N_("Withdraw the selected application, after asking."), {ACT_KEY_CHAR('w')},
};

const struct action_def act_grant_decide = {
	ACT_GRANT_DECIDE, "d", N_("Decide"),
	N_("City hall: decide the grant (amount, date, conditions)."), {ACT_KEY_CHAR('d')},
};

const struct action_def act_grant_advance = {
	ACT_GRANT_ADVANCE, "v", N_("Advance"),
	N_("City hall: record an advance payment."), {ACT_KEY_CHAR('v')},
};

const struct action_def act_grant_settle = {
	ACT_GRANT_SETTLE, "s", N_("Settle"),
	N_("City hall: settle the final amount after the results report."), {ACT_KEY_CHAR('s')},
};

const struct action_def act_grant_pay = {
	ACT_GRANT_PAY, "p", N_("Pay"), N_("City hall: record the payment."), {ACT_KEY_CHAR('p')},
};

const char *
grant_row_program(const struct grant_row *r)
{
	return r->program_name[0] != '\0' ? r->program_name : r->program;
}

void
grant_row_from(struct grant_row *r, const struct grant_line *g)
{
	memset(r, 0, sizeof *r);
	snprintf(r->uuid, sizeof r->uuid, "%s", g->uuid);
	snprintf(r->center, sizeof r->center, "%s", g->center ? g->center : "");
	snprintf(r->center_name, sizeof r->center_name, "%s",
	    g->center_name ? g->center_name : r->center);
	snprintf(r->title, sizeof r->title, "%s", g->title ? g->title : "");
	snprintf(r->program, sizeof r->program, "%s", g->program ? g->program : "");
	snprintf(r->program_name, sizeof r->program_name, "%s",
	    g->program_name ? g->program_name : "");
	snprintf(r->status, sizeof r->status, "%s", g->status);
	r->state = g->state;
	r->fy = g->fy;
	r->cost = g->cost;
	r->requested = g->requested;
	r->allowed = g->allowed;
	r->decided = g->decided;
	r->advance = g->advance;
	r->spent = g->spent;
	r->final = g->final;
	r->paid = g->paid;
	r->remaining = g->remaining;
	r->planned = g->planned;
	r->overspent = g->overspent;
	r->report_due = g->report_due;
	r->waiting = g->waiting;
}

struct find {
	const char *uuid;
	struct grant_row *r;
	bool found;
	int same_title;		/* lines with the found line's title */
	const char *title;
};

static void
each_find(void *ctx, const struct grant_line *g)
{
	struct find *f = ctx;

	if (f->uuid != NULL && strcmp(g->uuid, f->uuid) == 0) {
		grant_row_from(f->r, g);
		f->found = true;
	}
	if (f->title != NULL && g->title != NULL && strcmp(g->title, f->title) == 0)
		f->same_title++;
}

bool
grant_row_get(struct store *s, const char *uuid, struct grant_row *r, struct error *err)
{
	struct find f = {uuid, r, false, 0, NULL};

	if (grant_lines(s, 0, each_find, &f, err) < 0)
		return false;
	if (!f.found)
		error_set(err, _("That application is no longer there."));
	return f.found;
}

/* The name an expense form gives the application: its title when no
 * other application has it, else its id (the form takes either). */
static const char *
expense_name(struct store *s, const struct grant_row *r)
{
	struct find f = {NULL, NULL, false, 0, r->title};

	if (grant_lines(s, 0, each_find, &f, NULL) >= 0 && f.same_title == 1)
		return r->title;
	return r->uuid;
}

int
grant_row_actions(const struct grant_row *r, bool city, const struct action_def **out, int n, int max)
{
	const struct action_def *want[4];
	int k = 0, i;

	if (r == NULL)
		return n;
	if (city) {
		if (grant_can_decide(r->state))
			want[k++] = &act_grant_decide;
		if (grant_can_advance(r->state))
			want[k++] = &act_grant_advance;
		if (grant_can_settle(r->state))
			want[k++] = &act_grant_settle;
		if (grant_can_pay(r->state))
			want[k++] = &act_grant_pay;
	} else {
		if (grant_takes_expenses(r->state))
			want[k++] = &act_new_expense;
		if (grant_can_apply(r->state))
			want[k++] = &act_grant_apply;
		if (grant_can_report(r->state))
			want[k++] = &act_grant_report;
		if (grant_can_withdraw(r->state))
			want[k++] = &act_grant_withdraw;
	}
	for (i = 0; i < k && n < max; i++)
		out[n++] = want[i];
	return n;
}

static void
grantrow_move_yes(struct app *a, void *ctx)
{
	struct grant_pending *p = ctx;
	const char *to = grant_status_code(p->to);
	struct error err;

	if (!grant_move(app_store(a), app_actor(a), p->row.uuid, to, &err))
		app_error(a, "%s", err.text);
	else
		app_message(a, "%s: %s", grant_status_label(to), p->row.title);
	if (p->after != NULL)
		p->after(a, p->ctx);
}

static int
ask_move(struct app *a, struct grant_pending *p, const struct grant_row *r,
    enum grant_status to, const char *question)
{
	char q[512];

	p->row = *r;
	p->to = to;
	snprintf(q, sizeof q, question, r->title);
	app_confirm(a, q, grantrow_move_yes, p);
	return RES_HANDLED | RES_REDRAW;
}

/* Stores the expense; before the city's decision it is kept as planned,
 * and the message says so rather than "Saved". */
static bool
grantrow_expense_done(struct app *a, void *ctx, struct record *rec, struct error *err)
{
	struct buf sum = {0};
	const char *warn;

	(void)ctx;
	if (!record_insert(app_store(a), app_actor(a), rec, err))
		return false;
	record_summary(rec, &sum);
	warn = grant_expense_warning(app_store(a),
	    rec->ref_id[kind_field(rec->kind, "application")]);
	if (warn != NULL)
		app_error(a, _("Saved as planned: %s. %s"), buf_str(&sum), warn);
	else
		app_message(a, _("Saved: %s"), buf_str(&sum));
	buf_free(&sum);
	return true;
}

static int
new_expense(struct app *a, const struct grant_row *r)
{
	const struct kind *k = kind_find("expense");
	struct ask_form_arg arg = {0};
	char today[11], title[256];

	date_format(date_today(), today);
	snprintf(title, sizeof title, "%s  %s  (%s)", kind_label(k), _("New"), r->title);
	arg.kind = k;
	arg.title = title;
	arg.values[kind_field(k, "application")] = expense_name(app_store(a), r);
	arg.values[kind_field(k, "date")] = today;
	arg.first = kind_field(k, "date");
	arg.done = grantrow_expense_done;
	/* Said before saving too: the form is where the amount is typed. */
	if (!grant_has_decision(r->state))
		arg.note = grant_expense_warning(app_store(a), r->uuid);
	app_push(a, &screen_ask_form, &arg);
	return RES_HANDLED | RES_REDRAW;
}

/* The city's steps: an amount, a date and (deciding) the conditions. */
#define YEN_FIELD(n, l, req) { .name = n, .label = l, .type = FIELD_YEN, .required = req, \
	.max = 1000000000000LL }
#define DATE_FIELD(n, l) { .name = n, .label = l, .type = FIELD_DATE, .required = true }

static const struct field decide_fields[] = {
	YEN_FIELD("amount", N_("Decided amount"), true),
	DATE_FIELD("date", N_("Decided on")),
	{ .name = "conditions", .label = N_("Conditions"), .type = FIELD_NOTE, .max = 2000 },
};
static const struct field advance_fields[] = {
	YEN_FIELD("amount", N_("Advance payment"), true),
	DATE_FIELD("date", N_("Advance paid on")),
};
static const struct field settle_fields[] = {
	YEN_FIELD("amount", N_("Final amount"), true),
	DATE_FIELD("date", N_("Settled on")),
};
static const struct field pay_fields[] = {
	YEN_FIELD("amount", N_("Paid amount"), false),
	DATE_FIELD("date", N_("Paid on")),
};

static const struct kind step_kinds[] = {
	[GRANT_DECIDE] = { .name = "decide", .label = N_("Decide"), .fields = decide_fields,
	    .nfields = 3 },
	[GRANT_ADVANCE] = { .name = "advance", .label = N_("Advance"), .fields = advance_fields,
	    .nfields = 2 },
	[GRANT_SETTLE] = { .name = "settle", .label = N_("Settle"), .fields = settle_fields,
	    .nfields = 2 },
	[GRANT_PAY] = { .name = "pay", .label = N_("Pay"), .fields = pay_fields, .nfields = 2 },
};

static bool
step_done(struct app *a, void *ctx, struct record *rec, struct error *err)
{
	struct grant_pending *p = ctx;
	long long amount = rec->value[0] != NULL ? record_int(rec, 0) : -1;
	char yen[48];

	if (!grant_city_step(app_store(a), app_actor(a), p->step, p->row.uuid, amount,
	    rec->value[1], p->step == GRANT_DECIDE ? rec->value[2] : NULL, err))
		return false;
	if (amount >= 0) {
		fmt_yen(amount, yen, sizeof yen);
		app_message(a, "%s: %s %s", kind_label(&step_kinds[p->step]), p->row.title, yen);
	} else {
		app_message(a, "%s: %s", kind_label(&step_kinds[p->step]), p->row.title);
	}
	return true;
}

static int
city_step(struct app *a, struct grant_pending *p, const struct grant_row *r,
    enum grant_city_step step)
{
	struct ask_form_arg arg = {0};
	char today[11], amount[32], title[256], y1[48], y2[48], y3[48];
	struct buf note = {0};
	long long dflt = -1;

	p->row = *r;
	p->step = step;
	date_format(date_today(), today);
	fmt_yen(r->requested, y1, sizeof y1);
	fmt_yen(r->cost, y2, sizeof y2);
	fmt_yen(r->allowed, y3, sizeof y3);
	switch (step) {
	case GRANT_DECIDE:
		buf_printf(&note, _("%s (%s) asks for %s for an eligible cost of %s; the program "
		    "allows %s."), r->title, r->center_name, y1, y2, y3);
		dflt = r->requested < r->allowed ? r->requested : r->allowed;
		break;
	case GRANT_ADVANCE:
		fmt_yen(r->decided, y1, sizeof y1);
		buf_printf(&note, _("Decided: %s."), y1);
		dflt = r->decided;
		break;
	case GRANT_SETTLE:
		fmt_yen(r->decided, y1, sizeof y1);
		fmt_yen(r->spent, y2, sizeof y2);
		buf_printf(&note, _("Decided: %s; spent by the results report: %s."), y1, y2);
		dflt = r->spent < r->decided ? r->spent : r->decided;
		break;
	case GRANT_PAY:
		fmt_yen(r->final, y1, sizeof y1);
		fmt_yen(r->advance, y2, sizeof y2);
		buf_printf(&note, _("Final amount %s, advance paid %s.  Leave the amount empty to "
		    "pay the final amount less the advance."), y1, y2);
		break;
	}
	snprintf(amount, sizeof amount, "%lld", dflt);
	snprintf(title, sizeof title, "%s  %s", kind_label(&step_kinds[step]), r->title);
	arg.kind = &step_kinds[step];
	arg.title = title;
	arg.note = buf_str(&note);
	arg.values[0] = dflt >= 0 ? amount : NULL;
	arg.values[1] = today;
	arg.done = step_done;
	arg.ctx = p;
	app_push(a, &screen_ask_form, &arg);
	buf_free(&note);
	return RES_HANDLED | RES_REDRAW;
}

int
grant_row_act(struct app *a, struct grant_pending *p, const struct grant_row *r,
    int act)
{
	if (r == NULL)
		return 0;
	switch (act) {
	case ACT_GRANT_APPLY:
		return ask_move(a, p, r, GRANT_STATUS_APPLIED,
		    _("Apply to the city for \"%s\"? (y/n)"));
	case ACT_GRANT_REPORT:
		return ask_move(a, p, r, GRANT_STATUS_REPORTED,
		    _("Report the results of \"%s\"? (y/n)"));
	case ACT_GRANT_WITHDRAW:
		return ask_move(a, p, r, GRANT_STATUS_WITHDRAWN, _("Withdraw \"%s\"? (y/n)"));
	case ACT_NEW_EXPENSE:
		return new_expense(a, r);
	case ACT_GRANT_DECIDE:
		return city_step(a, p, r, GRANT_DECIDE);
	case ACT_GRANT_ADVANCE:
		return city_step(a, p, r, GRANT_ADVANCE);
	case ACT_GRANT_SETTLE:
		return city_step(a, p, r, GRANT_SETTLE);
	case ACT_GRANT_PAY:
		return city_step(a, p, r, GRANT_PAY);
	default:
		return 0;
	}
}

/* "Label ¥1,234" appended with two spaces before it. */
static void
amount(struct buf *b, const char *label, long long yen)
{
	char v[48];

	fmt_yen(yen, v, sizeof v);
	buf_printf(b, "%s%s %s", b->len > 0 ? "  " : "", label, v);
}

void
grant_row_draw_money(const struct grant_row *r, bool city, int y, int rows)
{
	struct buf line = {0};
	const char *warn[3];
	char pct[16], due[96], yen[48], text[3][256];
	long long whole = grant_has_final(r->state) ? r->final : r->decided;
	int nwarn = 0, i, w;

	if (rows < 1)
		return;
	if (grant_has_decision(r->state)) {
		amount(&line, _("Decided"), r->decided);
		if (grant_has_final(r->state))
			amount(&line, _("Final"), r->final);
		amount(&line, _("Spent"), r->spent);
		amount(&line, _("Remaining"), r->remaining);
		if (r->advance > 0)
			amount(&line, _("Advance"), r->advance);
		if (r->paid > 0)
			amount(&line, _("Paid"), r->paid);
	} else {
		amount(&line, _("Requested"), r->requested);
		amount(&line, _("Spent"), r->spent);
		if (r->planned != 0)
			amount(&line, _("Planned"), r->planned);
		buf_printf(&line, "  (%s)", grant_is_withdrawn(r->state) ?
		    grant_status_label(r->status) : _("not decided yet"));
	}
	draw_text(y, 1, COLS - 2, buf_str(&line), ATTR_NORMAL);
	buf_free(&line);
	if (rows < 2)
		return;
	/* The gauge: spent of what there is to spend, and the share in %. */
	if (whole > 0)
		snprintf(pct, sizeof pct, " %3lld%%", r->spent > whole * 10 ? 999 :
		    r->spent * 100 / whole);
	else
		snprintf(pct, sizeof pct, "    -");
	w = COLS - 2 - text_width(pct);
	gauge_draw(y + 1, 1, w, r->spent, whole, r->overspent ? ATTR_ERROR : ATTR_NORMAL);
	draw_text(y + 1, 1 + w, text_width(pct), pct, r->overspent ? ATTR_ERROR : ATTR_NORMAL);
	if (r->overspent) {
		fmt_yen(-r->remaining, yen, sizeof yen);
		snprintf(text[nwarn], sizeof text[nwarn], grant_has_final(r->state) ?
		    _("! Spending passes the final amount by %s.") :
		    _("! Spending passes the decided amount by %s."), yen);
		warn[nwarn] = text[nwarn];
		nwarn++;
	}
	if (r->report_due) {
		era_format_date((struct date){r->fy + 1, 3, 31}, fmt_era_lang(), due, sizeof due);
		snprintf(text[nwarn], sizeof text[nwarn],
		    _("! The results report is due: the fiscal year ends on %s."), due);
		warn[nwarn] = text[nwarn];
		nwarn++;
	}
	if (r->waiting)
		warn[nwarn++] = city ? _("* Waiting for the city's decision.") :
		    _("Applied: the city's decision arrives with its file.");
	for (i = 0; i < nwarn && 2 + i < rows; i++)
		draw_text(y + 2 + i, 1, COLS - 2, warn[i],
		    warn[i][0] == '!' ? ATTR_ERROR : ATTR_NOTICE);
}
