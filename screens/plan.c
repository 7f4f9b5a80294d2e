/*
 * plan — the body's development plan (地域づくり計画) read as the plan
 * reads: its title and period, the vision, the issues, then the projects
 * field by field, each with what was done for it year by year (fiscal
 * years with their era): the meetings and events logged against it, their
 * participants and volunteers, and the grant money spent on it
 * (plan_progress).  Text wraps by display width and the page scrolls;
 * Enter edits the plan, an issue or a project under the cursor, F2 and i
 * add a project or an issue (the generic form).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fyspan.h"
#include "base/i18n.h"
#include "domain/plan.h"
#include "base/text.h"
#include "output.h"
#include "screens.h"
#include "docpage.h"
#include "tui/draw.h"
#include "tui/fmt.h"

static const struct action_def act_new_project = {
	ACT_NEW_PROJECT, "F2", N_("New project"), N_("Add a project to the plan."),
	{ACT_KEY_CODE(KEY_F(2))},
};

static const struct action_def act_new_issue = {
	ACT_NEW_ISSUE, "i", N_("New issue"), N_("Add an issue to the plan."), {ACT_KEY_CHAR('i')},
};

/* The page's items (docpage_item.tag), each a record. */
enum item_kind { IT_PLAN, IT_ISSUE, IT_PROJECT };

struct plan {
	struct docpage page;
	bool city;
};

/* Columns text may take after indent (the last column marks scrolling). */
static int
text_room(int indent)
{
	return COLS - indent - 2;
}

/* The store's own rows of a kind (at a center, not the city's). */
struct collect {
	struct record_rows set;
	const char *origin;
};

static bool
keep_row(void *ctx, const struct record *r)
{
	struct collect *c = ctx;

	if (strcmp(r->origin, c->origin) == 0)
		record_rows_add(&c->set, r);
	return true;
}

/* The plan in force (the newest), its period, the vision. */
static void
build_head(struct plan *p, const struct collect *plans)
{
	const struct record *r;
	char span[96], when[96];
	struct buf line = {0};
	int item;

	if (plans->set.n == 0) {
		item = docpage_add_item(&p->page, IT_PLAN, kind_find("plan"), NULL, NULL, NULL);
		docview_wrap(&p->page.doc, 1, text_room(1), ATTR_DIM, item,
		    _("The body has no development plan yet. Enter: draw it up."));
		return;
	}
	r = &plans->set.rows[plans->set.n - 1];
	item = docpage_add_item(&p->page, IT_PLAN, r->kind, r->uuid, NULL, r->value[0]);
	docview_wrap(&p->page.doc, 1, text_room(1), ATTR_HEADER, item, r->value[0]);
	era_format_fy_span((int)record_int(r, 1), (int)record_int(r, 2), fmt_era_lang(), span,
	    sizeof span);
	buf_printf(&line, "%s: %s", _("Period"), span);
	if (r->value[4] != NULL) {
		fmt_date_era(r->value[4], when, sizeof when);
		buf_printf(&line, "   %s: %s", _("Adopted on"), when);
	}
	docview_wrap(&p->page.doc, 1, text_room(1), ATTR_NORMAL, -1, buf_str(&line));
	buf_free(&line);
	docview_add(&p->page.doc, 0, ATTR_NORMAL, -1, "");
	docview_add(&p->page.doc, 1, ATTR_HEADER, -1, _("Vision"));
	if (r->value[3] != NULL)
		docview_wrap(&p->page.doc, 3, text_room(3), ATTR_NORMAL, -1, r->value[3]);
	else
		docview_add(&p->page.doc, 3, ATTR_DIM, -1, _("Not written yet."));
}

static void
build_issues(struct plan *p, const struct collect *issues)
{
	char num[16];
	int i, item;

	docview_add(&p->page.doc, 0, ATTR_NORMAL, -1, "");
	docview_add(&p->page.doc, 1, ATTR_HEADER, -1, _("Issues"));
	if (issues->set.n == 0)
		docview_add(&p->page.doc, 3, ATTR_DIM, -1, _("None yet. i adds one."));
	for (i = 0; i < issues->set.n; i++) {
		const struct record *r = &issues->set.rows[i];
		struct buf line = {0};

		snprintf(num, sizeof num, "%d. ", i + 1);
		buf_printf(&line, "%s%s", num, r->value[0]);
		item = docpage_add_item(&p->page, IT_ISSUE, r->kind, r->uuid, NULL, r->value[0]);
		docview_wrap(&p->page.doc, 3, text_room(3), ATTR_NORMAL, item, buf_str(&line));
		if (r->value[1] != NULL)
			docview_wrap(&p->page.doc, 3 + (int)strlen(num), text_room(3 + (int)strlen(num)),
			    ATTR_NORMAL, -1, r->value[1]);
		buf_free(&line);
	}
}

struct progress {
	struct plan *p;
	const char *field;	/* the field heading last written */
	long n;
};

static const char *const heads[] = {
	N_("Fiscal year"), N_("Activities"), N_("Participants"), N_("Volunteers"),
	N_("Grant spent"),
};
#define COLS_N 5

/* One year's cells. */
static void
cells(const struct plan_year *y, char out[COLS_N][64])
{
	era_format_fy(y->fy, fmt_era_lang(), out[0], 64);
	snprintf(out[1], 64, "%ld", y->activities);
	snprintf(out[2], 64, "%ld", y->participants);
	snprintf(out[3], 64, "%ld", y->volunteers);
	fmt_yen(y->spent, out[4], 64);
}

/* The years as a table when it fits in the width, else a sentence a year. */
static void
years(struct plan *p, const struct plan_project *pp, int indent)
{
	char c[sizeof pp->years / sizeof pp->years[0]][COLS_N][64];
	int w[COLS_N], total = 0, i, j, cw;
	struct buf line = {0};

	for (j = 0; j < COLS_N; j++)
		w[j] = text_width(_(heads[j]));
	for (i = 0; i < pp->nyears; i++) {
		cells(&pp->years[i], c[i]);
		for (j = 0; j < COLS_N; j++)
			if ((cw = text_width(c[i][j])) > w[j])
				w[j] = cw;
	}
	for (j = 0; j < COLS_N; j++)
		total += w[j] + (j > 0 ? 2 : 0);
	if (total > text_room(indent)) {
		for (i = 0; i < pp->nyears; i++) {
			buf_reset(&line);
			buf_printf(&line, _("%s: activities %s, participants %s, volunteers %s, "
			    "grant spent %s"), c[i][0], c[i][1], c[i][2], c[i][3], c[i][4]);
			docview_wrap(&p->page.doc, indent, text_room(indent), ATTR_NORMAL, -1,
			    buf_str(&line));
		}
		buf_free(&line);
		return;
	}
	for (i = -1; i < pp->nyears; i++) {
		buf_reset(&line);
		for (j = 0; j < COLS_N; j++) {
			if (j > 0)
				buf_adds(&line, "  ");
			text_pad(&line, i < 0 ? _(heads[j]) : c[i][j], w[j], j > 0);
		}
		docview_add(&p->page.doc, indent, i < 0 ? ATTR_DIM : ATTR_NORMAL, -1, buf_str(&line));
	}
	buf_free(&line);
}

static void
each_project(void *ctx, const struct plan_project *pp)
{
	struct progress *g = ctx;
	const struct record *r = pp->project;
	const struct kind *k = r->kind;
	const char *field = r->value[kind_field(k, "field")];
	const char *desc = r->value[kind_field(k, "description")];
	const char *target = r->value[kind_field(k, "target")];
	int from = (int)record_int(r, kind_field(k, "fy_from"));
	int to = (int)record_int(r, kind_field(k, "fy_to"));
	struct buf line = {0};
	char span[96];
	int item;

	if (g->field == NULL || strcmp(g->field, field) != 0) {
		g->field = field;
		docview_add(&g->p->page.doc, 0, ATTR_NORMAL, -1, "");
		docview_add(&g->p->page.doc, 2, ATTR_HEADER, -1,
		    field_choice_label(&k->fields[kind_field(k, "field")], field));
	}
	buf_printf(&line, "%s %s", draw_ascii() ? "*" : "\xE2\x96\xA0", r->value[0]);
	item = docpage_add_item(&g->p->page, IT_PROJECT, k, r->uuid, NULL, r->value[0]);
	docview_wrap(&g->p->page.doc, 3, text_room(3), ATTR_NORMAL, item, buf_str(&line));
	if (desc != NULL)
		docview_wrap(&g->p->page.doc, 5, text_room(5), ATTR_NORMAL, -1, desc);
	buf_reset(&line);
	if (target != NULL)
		buf_printf(&line, "%s: %s", _("Target"), target);
	if (from > 0) {
		era_format_fy_span(from, to, fmt_era_lang(), span, sizeof span);
		buf_printf(&line, "%s%s: %s", target != NULL ? "   " : "", _("Period"), span);
	}
	if (line.len > 0)
		docview_wrap(&g->p->page.doc, 5, text_room(5), ATTR_NORMAL, -1, buf_str(&line));
	buf_free(&line);
	if (pp->nyears == 0)
		docview_add(&g->p->page.doc, 5, ATTR_DIM, -1, _("Nothing logged yet."));
	else
		years(g->p, pp, 5);
	g->n++;
}

static void
plan_build(struct app *a, void *owner)
{
	struct plan *p = owner;
	struct collect plans = {{NULL, 0, 0}, store_origin(app_store(a))};
	struct collect issues = {{NULL, 0, 0}, store_origin(app_store(a))};
	struct record_query q = {0};
	struct progress g = {p, NULL, 0};
	struct error err;

	docpage_begin(&p->page);
	if (p->city) {
		docview_wrap(&p->page.doc, 1, text_room(1), ATTR_DIM, -1,
		    _("City hall's store has no development plan of its own: each center's "
		    "body keeps its plan."));
		docpage_end(&p->page);
		return;
	}
	if (record_list(app_store(a), kind_find("plan"), &q, keep_row, &plans, &err) < 0 ||
	    record_list(app_store(a), kind_find("issue"), &q, keep_row, &issues, &err) < 0)
		snprintf(p->page.err, sizeof p->page.err, "%s", err.text);
	build_head(p, &plans);
	build_issues(p, &issues);
	docview_add(&p->page.doc, 0, ATTR_NORMAL, -1, "");
	docview_add(&p->page.doc, 1, ATTR_HEADER, -1, _("Projects"));
	if (plan_progress(app_store(a), each_project, &g, &err) < 0)
		snprintf(p->page.err, sizeof p->page.err, "%s", err.text);
	else if (g.n == 0)
		docview_add(&p->page.doc, 3, ATTR_DIM, -1, _("None yet. F2 adds one."));
	record_rows_free(&plans.set);
	record_rows_free(&issues.set);
	docpage_end(&p->page);
}

static void *
plan_init(struct app *a, const void *arg)
{
	struct plan *p = xcalloc(1, sizeof *p);

	(void)arg;
	docpage_init(&p->page, plan_build, p);
	p->city = store_kind(app_store(a)) == STORE_CITY;
	plan_build(a, p);
	return p;
}

static void
plan_done(void *state)
{
	struct plan *p = state;

	docpage_free(&p->page);
	free(p);
}

static void
plan_enter(struct app *a, void *state)
{
	struct plan *p = state;

	docpage_rebuild(a, &p->page);
}

static int
plan_edit(struct app *a, struct plan *p)
{
	const struct docpage_item *it = docpage_selected(&p->page);

	if (it == NULL)
		return RES_HANDLED;
	return docpage_open_form(a, &p->page, it->kind, it->uuid);
}

static int
plan_ask_delete(struct app *a, struct plan *p)
{
	const struct docpage_item *it = docpage_selected(&p->page);

	/* The plan itself stays: a new period is a new plan. */
	if (it == NULL || it->tag == IT_PLAN)
		return RES_HANDLED;
	return docpage_ask_delete(a, &p->page, _("Delete \"%s\"? (y/n)"), _("Deleted: %s"));
}

static int
plan_key(struct app *a, void *state, struct key k, int act)
{
	struct plan *p = state;

	switch (act) {
	case ACT_EDIT:
		return plan_edit(a, p);
	case ACT_NEW_PROJECT:
		return docpage_open_form(a, &p->page, kind_find("project"), NULL);
	case ACT_NEW_ISSUE:
		return docpage_open_form(a, &p->page, kind_find("issue"), NULL);
	case ACT_DELETE:
		return plan_ask_delete(a, p);
	case ACT_OUTPUT: {
		struct output_arg out = {.what = OUTPUT_PLAN};

		app_push(a, &screen_output, &out);
		return RES_HANDLED | RES_REDRAW;
	}
	case ACT_BACK:
		return RES_POP;
	default:
		return docpage_key(&p->page, k);
	}
}

static void
plan_draw(struct app *a, void *state)
{
	struct plan *p = state;

	docpage_draw(a, &p->page, _("Community plan"));
}

static const struct action_def *const *
plan_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_new_project, &act_new_issue, &act_edit, &act_delete, &act_output,
		&act_lock, &act_quit, &act_back, &act_scroll, NULL,
	};
	static const struct action_def *const city[] = {
		&act_help, &act_lock, &act_quit, &act_back, &act_scroll, NULL,
	};
	const struct plan *p = state;

	return p->city ? city : acts;
}

const struct screen screen_plan = {
	.name = "plan",
	.init = plan_init,
	.free = plan_done,
	.enter = plan_enter,
	.key = plan_key,
	.draw = plan_draw,
	.actions = plan_actions,
};
