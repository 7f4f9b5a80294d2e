/*
 * body — the community body (地域協働体) on one page: its profile and
 * stage, the city's support open at that stage, each stage's milestones
 * as a checklist with their dates, and its member organisations.  Enter acts
 * on the line under the cursor (edit the profile or a member, record a
 * milestone done on a date); F6 moves the body on a stage, and when
 * milestones are missing the core refuses unless a reason is given, which
 * it audits.  The core checks every write; refusals show its sentence.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "askform.h"
#include "domain/body.h"
#include "domain/grantbook.h"
#include "base/i18n.h"
#include "base/text.h"
#include "screens.h"
#include "docpage.h"
#include "tui/draw.h"
#include "tui/fmt.h"

static const struct action_def act_new_member = {
	ACT_NEW_MEMBER, "F2", N_("New member"),
	N_("Add a member organization of the body."), {ACT_KEY_CODE(KEY_F(2))},
};

static const struct action_def act_next_stage = {
	ACT_NEXT_STAGE, "F6", N_("Next stage"),
	N_("Move the body on to its next stage, after asking; with milestones missing, " "give the reason."),
	{ACT_KEY_CODE(KEY_F(6))},
};

/* The page's items (docpage_item.tag).  A milestone is named by its code,
 * done or not; the others by their record. */
enum item_kind { IT_PROFILE, IT_MILESTONE, IT_MEMBER };

struct body {
	struct body_state st;
	struct docpage page;
	bool city;		/* city hall's store: no body of its own */
};

static const char *
label_of(const char *kind, const char *field)
{
	const struct kind *k = kind_find(kind);

	return field_label(&k->fields[kind_field(k, field)]);
}

static const char *
stage_label(int stage)
{
	char code[8];

	snprintf(code, sizeof code, "%d", stage);
	return field_choice_label(&kind_find("body")->fields[kind_field(kind_find("body"),
	    "stage")], code);
}

/* A line "label   value" with the labels in one column of lw columns. */
static void
pair(struct body *b, int indent, int lw, int item, const char *label, const char *value)
{
	struct buf line = {0};

	text_pad(&line, label, lw, false);
	buf_adds(&line, "  ");
	buf_adds(&line, value != NULL ? value : "");
	docview_add(&b->page.doc, indent, ATTR_NORMAL, item, buf_str(&line));
	buf_free(&line);
}

static void
build_profile(struct app *a, struct body *b)
{
	static const char *const fields[] = {
		"name", "area", "founded_on", "notice_filed_on", "representative", "stage",
	};
	const struct kind *k = kind_find("body");
	struct record r;
	struct error err;
	char when[96];
	int i, lw = 0, w, item;

	docview_add(&b->page.doc, 1, ATTR_HEADER, -1, _("Profile"));
	if (!b->st.exists || !record_get(app_store(a), k, b->st.uuid, &r, &err)) {
		item = docpage_add_item(&b->page, IT_PROFILE, k, NULL, NULL, NULL);
		docview_add(&b->page.doc, 3, ATTR_DIM, item,
		    _("No community body is recorded yet. Enter: record it."));
		return;
	}
	for (i = 0; i < (int)(sizeof fields / sizeof fields[0]); i++)
		if ((w = text_width(label_of("body", fields[i]))) > lw)
			lw = w;
	if (lw > COLS / 3)
		lw = COLS / 3;
	item = docpage_add_item(&b->page, IT_PROFILE, k, r.uuid, NULL, r.value[0]);
	for (i = 0; i < (int)(sizeof fields / sizeof fields[0]) - 1; i++) {
		const char *v = r.value[kind_field(k, fields[i])];

		if (k->fields[kind_field(k, fields[i])].type == FIELD_DATE) {
			fmt_date_era(v, when, sizeof when);
			v = when;
		}
		pair(b, 3, lw, i == 0 ? item : -1, label_of("body", fields[i]), v);
	}
	pair(b, 3, lw, -1, label_of("body", "stage"), stage_label(b->st.stage));
	record_free(&r);
}

struct ms_ctx {
	struct body *b;
	struct store *s;
	int lw;
};

static bool
first_uuid(void *ctx, const struct record *r)
{
	snprintf(ctx, 37, "%s", r->uuid);
	return false;
}

static void
each_milestone(void *ctx, const char *code, const char *label, const char *done_on)
{
	struct ms_ctx *c = ctx;
	struct record_query q = {0};
	struct buf line = {0};
	char uuid[37] = "", when[96];
	int item;

	if (done_on[0] != '\0') {
		q.eq_field = "code";
		q.eq_value = code;
		record_list(c->s, kind_find("milestone"), &q, first_uuid, uuid, NULL);
	}
	item = docpage_add_item(&c->b->page, IT_MILESTONE, kind_find("milestone"), uuid, code,
	    label);
	buf_adds(&line, done_on[0] != '\0' ? "[x] " : "[ ] ");
	text_pad(&line, label, c->lw, false);
	buf_adds(&line, "  ");
	if (done_on[0] != '\0') {
		fmt_date_era(done_on, when, sizeof when);
		buf_adds(&line, when);
	} else {
		buf_adds(&line, _("not yet"));
	}
	docview_add(&c->b->page.doc, 5, done_on[0] != '\0' ? ATTR_NORMAL : ATTR_DIM, item,
	    buf_str(&line));
	buf_free(&line);
}

static void
build_stages(struct app *a, struct body *b)
{
	struct ms_ctx c = {b, app_store(a), 0};
	struct error err;
	char line[256];
	int stage, i, w;

	docview_add(&b->page.doc, 1, ATTR_HEADER, -1, _("Stages and milestones"));
	for (i = 0; body_milestones[i].code != NULL; i++)
		if ((w = text_width(_(body_milestones[i].label))) > c.lw)
			c.lw = w;
	if (c.lw > COLS - 5 - 4 - 2 - 16)
		c.lw = COLS - 5 - 4 - 2 - 16;
	for (stage = 1; stage <= 3; stage++) {
		snprintf(line, sizeof line, _("%s  (%d of %d done)%s"), stage_label(stage),
		    b->st.done[stage - 1], b->st.total[stage - 1],
		    stage == b->st.stage ? _("  (current stage)") : "");
		docview_add(&b->page.doc, 3, stage == b->st.stage ? ATTR_HEADER : ATTR_NORMAL, -1, line);
		if (!body_milestones_of(app_store(a), stage, each_milestone, &c, &err))
			snprintf(b->page.err, sizeof b->page.err, "%s", err.text);
	}
}

static void
each_support(void *ctx, const char *text)
{
	struct body *b = ctx;
	struct buf line = {0};

	buf_printf(&line, "- %s", text);
	docview_wrap(&b->page.doc, 3, COLS - 5, ATTR_NORMAL, -1, buf_str(&line));
	buf_free(&line);
}

struct members {
	struct body *b;
	const char *origin;
	int n;
};

static bool
each_member(void *ctx, const struct record *r)
{
	struct members *m = ctx;
	const struct kind *k = r->kind;
	struct buf line = {0};
	int item;

	/* A city store holds the centers' members too; the body is this store's. */
	if (strcmp(r->origin, m->origin) != 0)
		return true;
	item = docpage_add_item(&m->b->page, IT_MEMBER, k, r->uuid, NULL, r->value[0]);
	text_pad(&line, r->value[0], COLS / 2 - 3, false);
	buf_adds(&line, "  ");
	buf_adds(&line, field_choice_label(&k->fields[kind_field(k, "type")],
	    r->value[kind_field(k, "type")]));
	docview_add(&m->b->page.doc, 3, ATTR_NORMAL, item, buf_str(&line));
	buf_free(&line);
	m->n++;
	return true;
}

static void
body_build(struct app *a, void *owner)
{
	struct body *b = owner;
	struct record_query q = {0};
	struct members m = {b, store_origin(app_store(a)), 0};
	struct error err;
	char line[256];
	int heading;

	docpage_begin(&b->page);
	if (b->city) {
		docview_wrap(&b->page.doc, 1, COLS - 3, ATTR_DIM, -1,
		    _("City hall's store has no community body of its own: each center "
		    "keeps its body's profile, stage and members."));
		docpage_end(&b->page);
		return;
	}
	if (!body_state(app_store(a), &b->st, &err)) {
		snprintf(b->page.err, sizeof b->page.err, "%s", err.text);
		docpage_end(&b->page);
		return;
	}
	/* The support open now comes before the checklist: on a 24-row
	 * screen both the stage and what it brings show at once. */
	build_profile(a, b);
	docview_add(&b->page.doc, 0, ATTR_NORMAL, -1, "");
	snprintf(line, sizeof line, _("Support from the city at stage %d"), b->st.stage);
	docview_add(&b->page.doc, 1, ATTR_HEADER, -1, line);
	if (!body_support_of(app_store(a), b->st.stage, each_support, b, &err))
		snprintf(b->page.err, sizeof b->page.err, "%s", err.text);
	docview_add(&b->page.doc, 0, ATTR_NORMAL, -1, "");
	build_stages(a, b);
	docview_add(&b->page.doc, 0, ATTR_NORMAL, -1, "");
	heading = b->page.doc.n;
	docview_add(&b->page.doc, 1, ATTR_HEADER, -1, "");
	if (record_list(app_store(a), kind_find("member"), &q, each_member, &m, &err) < 0)
		snprintf(b->page.err, sizeof b->page.err, "%s", err.text);
	snprintf(line, sizeof line, _("Member organizations (%d)"), m.n);
	free(b->page.doc.lines[heading].text);
	b->page.doc.lines[heading].text = xstrdup(line);
	if (m.n == 0)
		docview_add(&b->page.doc, 3, ATTR_DIM, -1, _("None yet. F2 adds one."));
	docpage_end(&b->page);
}

static void *
body_init(struct app *a, const void *arg)
{
	struct body *b = xcalloc(1, sizeof *b);

	(void)arg;
	docpage_init(&b->page, body_build, b);
	b->city = store_kind(app_store(a)) == STORE_CITY;
	body_build(a, b);
	return b;
}

static void
body_done(void *state)
{
	struct body *b = state;

	docpage_free(&b->page);
	free(b);
}

static void
body_enter(struct app *a, void *state)
{
	struct body *b = state;

	docpage_rebuild(a, &b->page);
}

/* Enter on an unchecked milestone: the milestone form with its code
 * chosen and today's date, the cursor on the date. */
static int
body_record_milestone(struct app *a, struct body *b, const struct docpage_item *it)
{
	struct ask_form_arg arg = {0};
	char today[11], title[256];

	date_format(date_today(), today);
	snprintf(title, sizeof title, "%s  %s", kind_label(it->kind), it->label);
	arg.kind = it->kind;
	arg.title = title;
	arg.note = _("When was it done? Type the date (YYYY-MM-DD) and press F2.");
	arg.values[0] = it->code;
	arg.values[1] = today;
	arg.first = 1;
	docpage_keep_selected(&b->page);
	app_push(a, &screen_ask_form, &arg);
	return RES_HANDLED | RES_REDRAW;
}

static int
body_edit(struct app *a, struct body *b)
{
	const struct docpage_item *it = docpage_selected(&b->page);

	if (it == NULL)
		return RES_HANDLED;
	if (it->tag == IT_MILESTONE && it->uuid[0] == '\0')
		return body_record_milestone(a, b, it);
	return docpage_open_form(a, &b->page, it->kind, it->uuid);
}

static int
body_ask_delete(struct app *a, struct body *b)
{
	const struct docpage_item *it = docpage_selected(&b->page);

	if (it != NULL && it->tag == IT_MEMBER)
		return docpage_ask_delete(a, &b->page, _("Delete \"%s\"? (y/n)"),
		    _("Deleted: %s"));
	if (it != NULL && it->tag == IT_MILESTONE)
		return docpage_ask_delete(a, &b->page, _("Mark \"%s\" as not done? (y/n)"),
		    _("Milestone no longer marked done: %s"));
	return RES_HANDLED;
}

static void
body_advance_yes(struct app *a, void *ctx)
{
	struct body *b = ctx;
	struct error err;
	int stage;

	if (!body_advance(app_store(a), app_actor(a), NULL, &stage, &err))
		app_error(a, "%s", err.text);
	else
		app_message(a, _("The body is now at stage %d."), stage);
	docpage_keep_selected(&b->page);
	body_build(a, b);
}

static const struct field reason_fields[] = {
	{ .name = "reason", .label = N_("Reason"), .type = FIELD_TEXT, .required = true,
	    .max = 200 },
};

static const struct kind reason_kind = {
	.name = "reason", .label = N_("Reason"), .fields = reason_fields, .nfields = 1,
	.title = "reason",
};

static bool
body_override_done(struct app *a, void *ctx, struct record *r, struct error *err)
{
	int stage;

	(void)ctx;
	if (!body_advance(app_store(a), app_actor(a), r->value[0], &stage, err))
		return false;
	app_message(a, _("The body is now at stage %d (reason kept in the audit log)."), stage);
	return true;
}

static int
body_next_stage(struct app *a, struct body *b)
{
	struct ask_form_arg arg = {0};
	struct body_state st;
	struct error err;
	struct buf note = {0};
	char q[256];
	int stage;

	if (!body_state(app_store(a), &st, &err)) {
		app_error(a, "%s", err.text);
		return RES_HANDLED | RES_REDRAW;
	}
	if (st.exists && st.stage < 3 && st.done[st.stage - 1] >= st.total[st.stage - 1]) {
		snprintf(q, sizeof q, _("Move the body on to stage %d? (y/n)"), st.stage + 1);
		app_confirm(a, q, body_advance_yes, b);
		return RES_HANDLED | RES_REDRAW;
	}
	/* The core says why not; with milestones missing it moves on when
	 * given a reason. */
	if (body_advance(app_store(a), app_actor(a), NULL, &stage, &err)) {
		app_message(a, _("The body is now at stage %d."), stage);
		body_build(a, b);
		return RES_HANDLED | RES_REDRAW;
	}
	if (!st.exists || st.stage >= 3) {
		app_error(a, "%s", err.text);
		return RES_HANDLED | RES_REDRAW;
	}
	buf_printf(&note, "%s\n%s", err.text,
	    _("To move on anyway, give the reason and press F2; it is kept in the audit log. "
	    "Esc: stay at this stage."));
	arg.kind = &reason_kind;
	arg.title = _("Next stage without every milestone");
	arg.note = buf_str(&note);
	arg.done = body_override_done;
	arg.ctx = b;
	docpage_keep_selected(&b->page);
	app_push(a, &screen_ask_form, &arg);
	buf_free(&note);
	return RES_HANDLED | RES_REDRAW;
}

static int
body_key(struct app *a, void *state, struct key k, int act)
{
	struct body *b = state;

	switch (act) {
	case ACT_EDIT:
		return body_edit(a, b);
	case ACT_NEW_MEMBER:
		return docpage_open_form(a, &b->page, kind_find("member"), NULL);
	case ACT_DELETE:
		return body_ask_delete(a, b);
	case ACT_NEXT_STAGE:
		return body_next_stage(a, b);
	case ACT_BACK:
		return RES_POP;
	default:
		return docpage_key(&b->page, k);
	}
}

static void
body_draw(struct app *a, void *state)
{
	struct body *b = state;
	char title[256];

	snprintf(title, sizeof title, "%s  %s", _("Community body"),
	    b->st.exists ? b->st.name : "");
	docpage_draw(a, &b->page, title);
}

static const struct action_def *const *
body_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_new_member, &act_edit, &act_delete, &act_next_stage, &act_lock,
		&act_quit, &act_back, &act_scroll, NULL,
	};
	static const struct action_def *const city[] = {
		&act_help, &act_lock, &act_quit, &act_back, NULL,
	};
	const struct body *b = state;

	return b->city ? city : acts;
}

const struct screen screen_body = {
	.name = "body",
	.init = body_init,
	.free = body_done,
	.enter = body_enter,
	.key = body_key,
	.draw = body_draw,
	.actions = body_actions,
};

struct balance {
	long long decided, spent;
	int live;		/* applications not withdrawn */
};

static void
each_balance(void *ctx, const struct grant_line *g)
{
	struct balance *bal = ctx;

	/* Only what the city has decided counts: a draft or an application
	 * waiting has no money yet, a withdrawn one none at all. */
	if (grant_is_withdrawn(g->state))
		return;
	bal->live++;
	if (!grant_has_decision(g->state))
		return;
	bal->decided += g->decided;
	bal->spent += g->spent;
}

void
body_home_lines(struct store *s, char *stage, size_t stage_size, char *grants,
    size_t grants_size)
{
	struct body_state st;
	struct balance bal = {0, 0, 0};
	struct error err;
	char fy[64], yen[48];
	int year = date_fiscal_year(date_today());

	stage[0] = grants[0] = '\0';
	if (body_state(s, &st, &err) && st.exists)
		snprintf(stage, stage_size, "%s  %s", _("Community body"), stage_label(st.stage));
	/* A center with no application this year has no balance to show. */
	if (grant_lines(s, year, each_balance, &bal, &err) < 0 || bal.live == 0)
		return;
	era_format_fy(year, fmt_era_lang(), fy, sizeof fy);
	fmt_yen(bal.decided - bal.spent, yen, sizeof yen);
	snprintf(grants, grants_size, _("Grant balance %s: %s"), fy, yen);
}
