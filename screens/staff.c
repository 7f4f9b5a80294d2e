/*
 * staff — the staff accounts, for the administrator: everyone with their
 * role and whether they can sign in; F2 adds (name, role, PIN twice), F4
 * deactivates or reactivates after asking, F5 changes the role, F6 resets
 * the PIN.  The core decides and audits each; a refusal is its sentence.
 * Also the form for changing one's own PIN, open to everyone signed in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/i18n.h"
#include "base/text.h"
#include "domain/staff.h"
#include "pinform.h"
#include "screens.h"
#include "tui/draw.h"

static const struct action_def act_staff_add = {
	ACT_STAFF_ADD, "F2", N_("New"), N_("Add a staff member: name, role and PIN."), {ACT_KEY_CODE(KEY_F(2))},
};

/* One id, two words: what F4 does to the highlighted person. */
static const struct action_def act_staff_deactivate = {
	ACT_STAFF_ACTIVE, "F4", N_("Deactivate"),
	N_("Stop the highlighted person from signing in, after asking."), {ACT_KEY_CODE(KEY_F(4)), ACT_KEY_CODE(KEY_DC)},
};

static const struct action_def act_staff_reactivate = {
	ACT_STAFF_ACTIVE, "F4", N_("Reactivate"),
	N_("Let the highlighted person sign in again, after asking."), {ACT_KEY_CODE(KEY_F(4)), ACT_KEY_CODE(KEY_DC)},
};

static const struct action_def act_staff_role = {
	ACT_STAFF_ROLE, "F5", N_("Role"), N_("Change the highlighted person's role."), {ACT_KEY_CODE(KEY_F(5))},
};

static const struct action_def act_staff_pin = {
	ACT_STAFF_PIN, "F6", N_("Reset PIN"),
	N_("Give the highlighted person a new PIN (typed twice); this also lifts a lock."),
	{ACT_KEY_CODE(KEY_F(6))},
};

struct staff {
	struct staff_members list;	/* everyone, the deactivated too */
	int cur, top;
	char target[128];	/* the person an open form or question is about */
	long long generation;
};

/* Reads everyone again; the cursor stays on name when it is listed. */
static void
staff_load(struct app *a, struct staff *s, const char *name)
{
	struct error err;
	int i;

	s->list.n = 0;
	if (staff_list_all(app_store(a), staff_members_add, &s->list, &err) < 0)
		app_error(a, "%s", err.text);
	s->generation = store_generation(app_store(a));
	for (i = 0; name != NULL && i < s->list.n; i++)
		if (strcmp(s->list.m[i].name, name) == 0)
			s->cur = i;
	if (s->cur >= s->list.n)
		s->cur = s->list.n > 0 ? s->list.n - 1 : 0;
}

static void *
staff_init(struct app *a, const void *arg)
{
	struct staff *s = xcalloc(1, sizeof *s);

	(void)arg;
	staff_load(a, s, NULL);
	return s;
}

static void
staff_done(void *state)
{
	struct staff *s = state;

	staff_members_free(&s->list);
	free(s);
}

static void
staff_enter(struct app *a, void *state)
{
	struct staff *s = state;

	staff_load(a, s, s->target[0] != '\0' ? s->target : NULL);
}

static bool
staff_add_done(struct app *a, void *ctx, const struct pinform_values *v, struct error *err)
{
	struct staff *s = ctx;
	char *name;

	if (!staff_add(app_store(a), app_actor(a), v->name, v->role, v->pin, err))
		return false;
	name = text_trim(v->name);
	snprintf(s->target, sizeof s->target, "%s", name);
	app_message(a, _("Added %s (%s)."), name, role_label(v->role));
	free(name);
	return true;
}

static bool
staff_role_done(struct app *a, void *ctx, const struct pinform_values *v, struct error *err)
{
	struct staff *s = ctx;

	if (!staff_set_role(app_store(a), app_actor(a), s->target, v->role, err))
		return false;
	app_message(a, _("%s is now: %s."), s->target, role_label(v->role));
	return true;
}

static bool
staff_pin_done(struct app *a, void *ctx, const struct pinform_values *v, struct error *err)
{
	struct staff *s = ctx;

	if (!staff_reset_pin(app_store(a), app_actor(a), s->target, v->pin, err))
		return false;
	app_message(a, _("%s has a new PIN."), s->target);
	return true;
}

static void
staff_toggle_yes(struct app *a, void *ctx)
{
	struct staff *s = ctx;
	struct error err;
	bool active = !s->list.m[s->cur].active;

	if (!staff_set_active(app_store(a), app_actor(a), s->target, active, &err)) {
		app_error(a, "%s", err.text);
		return;
	}
	staff_load(a, s, s->target);
	app_message(a, active ? _("%s can sign in again.") : _("%s can no longer sign in."),
	    s->target);
}

static int
staff_act(struct app *a, struct staff *s, int act)
{
	struct pinform_arg arg = {.ctx = s};
	char q[512];

	if (act == ACT_STAFF_ADD) {
		s->target[0] = '\0';
		arg.title = N_("New staff member");
		arg.fields = PINFORM_NAME | PINFORM_ROLE | PINFORM_NEW;
		arg.role = store_kind(app_store(a)) == STORE_CITY ? ROLE_CITY : ROLE_CENTER;
		arg.done = staff_add_done;
		app_push(a, &screen_pin_form, &arg);
		return RES_HANDLED | RES_REDRAW;
	}
	if (s->list.n == 0)
		return RES_HANDLED;
	snprintf(s->target, sizeof s->target, "%s", s->list.m[s->cur].name);
	if (act == ACT_STAFF_ACTIVE) {
		snprintf(q, sizeof q, s->list.m[s->cur].active ? _("Deactivate %s? They can no "
		    "longer sign in. (y/n)") : _("Reactivate %s? They can sign in again. (y/n)"),
		    s->target);
		app_confirm(a, q, staff_toggle_yes, s);
		return RES_HANDLED | RES_REDRAW;
	}
	if (act == ACT_STAFF_ROLE) {
		arg.title = N_("Role");
		arg.note = N_("Choose the role with Left/Right, then F2.");
		arg.fields = PINFORM_ROLE;
		arg.role = s->list.m[s->cur].role;
		arg.done = staff_role_done;
	} else {
		arg.title = N_("Reset PIN");
		arg.note = N_("Type the new PIN twice; tell it to the person, who can change "
		    "it after signing in.");
		arg.fields = PINFORM_NEW;
		arg.done = staff_pin_done;
	}
	app_push(a, &screen_pin_form, &arg);
	return RES_HANDLED | RES_REDRAW;
}

static int
staff_key(struct app *a, void *state, struct key k, int act)
{
	struct staff *s = state;

	switch (act) {
	case ACT_STAFF_ADD:
	case ACT_STAFF_ACTIVE:
	case ACT_STAFF_ROLE:
	case ACT_STAFF_PIN:
		return staff_act(a, s, act);
	case ACT_BACK:
		return RES_POP;
	default:
		break;
	}
	if (k.code && k.ch == KEY_UP && s->cur > 0)
		s->cur--;
	else if (k.code && k.ch == KEY_DOWN && s->cur < s->list.n - 1)
		s->cur++;
	else if (k.code && k.ch == KEY_HOME)
		s->cur = 0;
	else if (k.code && k.ch == KEY_END && s->list.n > 0)
		s->cur = s->list.n - 1;
	else
		return 0;
	return RES_HANDLED | RES_REDRAW;
}

static int
staff_tick(struct app *a, void *state)
{
	struct staff *s = state;

	if (store_generation(app_store(a)) == s->generation)
		return 0;
	staff_load(a, s, s->list.n > 0 ? s->list.m[s->cur].name : NULL);
	return RES_REDRAW;
}

static void
staff_draw(struct app *a, void *state)
{
	struct staff *s = state;
	int y = 2, rows, i, namew = text_width(_("Name")), rolew = text_width(_("Role")), w;
	enum tui_attr at;
	const char *more;

	app_draw_title(a, _("Staff"));
	for (i = 0; i < s->list.n; i++) {
		if ((w = text_width(s->list.m[i].name)) > namew)
			namew = w;
		if ((w = text_width(role_label(s->list.m[i].role))) > rolew)
			rolew = w;
	}
	if (namew > COLS / 2)
		namew = COLS / 2;
	draw_pad(y, 3, namew, _("Name"), false, ATTR_HEADER);
	draw_pad(y, 3 + namew + 2, rolew, _("Role"), false, ATTR_HEADER);
	draw_text(y, 3 + namew + rolew + 4, COLS - namew - rolew - 8, _("Sign-in"), ATTR_HEADER);
	y++;
	rows = draw_lines() - 2 - y;
	if (rows < 1)
		rows = 1;
	if (s->cur < s->top)
		s->top = s->cur;
	if (s->cur >= s->top + rows)
		s->top = s->cur - rows + 1;
	for (i = s->top; i < s->list.n && i < s->top + rows; i++, y++) {
		at = i == s->cur ? ATTR_SELECTED : s->list.m[i].active ? ATTR_NORMAL : ATTR_DIM;
		if (i == s->cur)
			draw_fill(y, 1, COLS - 2, at);
		/* ▲/▼ in the margin when rows lie beyond the view. */
		more = i == s->top && s->top > 0 ? (draw_ascii() ? "^" : "▲") :
		    i == s->top + rows - 1 && i < s->list.n - 1 ? (draw_ascii() ? "v" : "▼") : NULL;
		if (more != NULL)
			draw_text(y, 1, 1, more, at);
		draw_pad(y, 3, namew, s->list.m[i].name, false, at);
		draw_pad(y, 3 + namew + 2, rolew, role_label(s->list.m[i].role), false, at);
		draw_text(y, 3 + namew + rolew + 4, COLS - namew - rolew - 8,
		    s->list.m[i].active ? _("Active") : _("Deactivated"), at);
	}
}

static const struct action_def *const *
staff_actions(void *state)
{
	static const struct action_def *const on[] = {
		&act_help, &act_staff_add, &act_staff_deactivate, &act_staff_role, &act_staff_pin,
		&act_lock, &act_quit, &act_back, &act_move, NULL,
	};
	static const struct action_def *const off[] = {
		&act_help, &act_staff_add, &act_staff_reactivate, &act_staff_role, &act_staff_pin,
		&act_lock, &act_quit, &act_back, &act_move, NULL,
	};
	const struct staff *s = state;

	return s->list.n > 0 && !s->list.m[s->cur].active ? off : on;
}

const struct screen screen_staff = {
	.name = "staff",
	.init = staff_init,
	.free = staff_done,
	.enter = staff_enter,
	.key = staff_key,
	.draw = staff_draw,
	.tick = staff_tick,
	.actions = staff_actions,
};

static bool
staff_own_pin_done(struct app *a, void *ctx, const struct pinform_values *v,
    struct error *err)
{
	(void)ctx;
	if (!staff_change_pin(app_store(a), app_actor(a), v->current, v->pin, time(NULL), err))
		return false;
	app_message(a, "%s", _("Your PIN was changed."));
	return true;
}

const struct pinform_arg pinform_own_pin = {
	.title = N_("Change my PIN"),
	.note = N_("Type your current PIN, then the new one (4 to 12 digits) twice."),
	.fields = PINFORM_CURRENT | PINFORM_NEW,
	.done = staff_own_pin_done,
};
