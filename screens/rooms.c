/*
 * rooms — the center's rooms for the staff who manage them: name, capacity,
 * kind, fee per slot and whether the room is in use, filtered by typing;
 * F2 adds, Enter/F3 edits (the generic form over the "room" kind), F4 or
 * Delete deletes after asking.  The core decides who may change rooms; a
 * refusal is its sentence, and a line at the top says so beforehand.
 *
 * The register of user groups (利用団体, screen_groups) is the same screen
 * over the "group" kind: name, reading, representative, contact, category.
 *
 * A center has tens of rooms and some hundreds of groups at most, so the
 * list is read whole.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "domain/group.h"
#include "domain/setting.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/fmt.h"
#include "tui/lineedit.h"
#include "recordlist.h"

#define TOP 3		/* title, filter line, headings */

struct rooms {
	const struct kind *kind;
	bool groups;		/* the register of user groups, not the rooms */
	struct record_rows set;	/* this store's rooms, as listed */
	int cur, top;
	struct lineedit filter;
	char goto_uuid[37];
	char err[512];
	char may_not[512];	/* why this staff member cannot change rooms */
};

struct collect {
	struct rooms *r;
	const char *origin;
};

static bool
keep(void *ctx, const struct record *rec)
{
	struct collect *c = ctx;
	struct rooms *r = c->r;

	if (strcmp(rec->origin, c->origin) == 0)
		record_rows_add(&r->set, rec);
	return true;
}

/* Reads the rooms (matching the filter); the cursor stays on uuid's row
 * when it is listed, else at its place. */
static void
load(struct app *a, struct rooms *r, const char *uuid)
{
	struct record_query q = {0};
	struct collect c = {r, store_origin(app_store(a))};
	struct error err;
	int i;

	record_rows_clear(&r->set);
	r->err[0] = '\0';
	q.contains = lineedit_text(&r->filter);
	if (record_list(app_store(a), r->kind, &q, keep, &c, &err) < 0)
		snprintf(r->err, sizeof r->err, "%s", err.text);
	for (i = 0; uuid != NULL && *uuid != '\0' && i < r->set.n; i++)
		if (strcmp(r->set.rows[i].uuid, uuid) == 0)
			r->cur = i;
	if (r->cur >= r->set.n)
		r->cur = r->set.n > 0 ? r->set.n - 1 : 0;
}

static void *
rooms_init(struct app *a, const void *arg)
{
	struct rooms *r = xcalloc(1, sizeof *r);
	struct error err;

	/* arg: the kind's name ("group"); NULL for the rooms. */
	r->groups = arg != NULL && strcmp(arg, "group") == 0;
	r->kind = kind_find(r->groups ? "group" : "room");
	lineedit_init(&r->filter, NULL, 100);
	if (!record_may_write(app_actor(a), r->kind, &err))
		snprintf(r->may_not, sizeof r->may_not, "%s", err.text);
	load(a, r, NULL);
	return r;
}

static void
rooms_done(void *state)
{
	struct rooms *r = state;

	record_rows_free(&r->set);
	lineedit_free(&r->filter);
	free(r);
}

static void
rooms_saved(void *ctx, const char *uuid)
{
	struct rooms *r = ctx;

	snprintf(r->goto_uuid, sizeof r->goto_uuid, "%s", uuid);
}

static void
rooms_enter(struct app *a, void *state)
{
	struct rooms *r = state;
	char uuid[37] = "";

	if (r->goto_uuid[0] != '\0')
		snprintf(uuid, sizeof uuid, "%s", r->goto_uuid);
	else if (r->set.n > 0)
		snprintf(uuid, sizeof uuid, "%s", r->set.rows[r->cur].uuid);
	load(a, r, uuid);
	r->goto_uuid[0] = '\0';
}

static int
open_form(struct app *a, struct rooms *r, const char *uuid)
{
	struct record_form_arg arg = {
		.kind = r->kind, .uuid = uuid, .day = date_today(), .saved = rooms_saved, .ctx = r,
	};

	app_push(a, &screen_record_form, &arg);
	return RES_HANDLED | RES_REDRAW;
}

static void
rooms_delete_yes(struct app *a, void *ctx)
{
	struct rooms *r = ctx;
	char name[256];

	if (r->set.n == 0)
		return;
	snprintf(name, sizeof name, "%s", r->set.rows[r->cur].value[0]);
	if (recordlist_delete(a, r->kind, r->set.rows[r->cur].uuid, NULL))
		app_message(a, _("Deleted: %s. The home menu's Recently deleted (d) brings it "
		    "back."), name);
	load(a, r, NULL);
}

static int
ask_delete(struct app *a, struct rooms *r)
{
	char q[512];

	if (r->set.n == 0)
		return RES_HANDLED;
	snprintf(q, sizeof q, _("Delete \"%s\"? (y/n)"), r->set.rows[r->cur].value[0]);
	app_confirm(a, q, rooms_delete_yes, r);
	return RES_HANDLED | RES_REDRAW;
}

static int
filter_key(struct app *a, struct rooms *r, struct key k)
{
	switch (recordlist_filter_key(&r->filter, k, true)) {
	case RECORDLIST_FILTERED:
		r->cur = 0;
		load(a, r, NULL);
		return RES_HANDLED | RES_REDRAW;
	case RECORDLIST_TAKEN:
		return RES_HANDLED | RES_REDRAW;
	default:
		return 0;
	}
}

static int
rooms_key(struct app *a, void *state, struct key k, int act)
{
	struct rooms *r = state;
	int page = draw_lines() - 2 - TOP;

	switch (act) {
	case ACT_ADD:
		return open_form(a, r, NULL);
	case ACT_EDIT:
		return r->set.n > 0 ? open_form(a, r, r->set.rows[r->cur].uuid) : RES_HANDLED;
	case ACT_DELETE:
		return ask_delete(a, r);
	case ACT_BACK:
		if (r->filter.text.len == 0)
			return RES_POP;
		lineedit_set(&r->filter, NULL);
		load(a, r, r->set.n > 0 ? r->set.rows[r->cur].uuid : NULL);
		return RES_HANDLED | RES_REDRAW;
	default:
		break;
	}
	if (page < 1)
		page = 1;
	if (k.code) {
		switch (k.ch) {
		case KEY_DOWN: r->cur++; break;
		case KEY_UP: r->cur--; break;
		case KEY_NPAGE: r->cur += page; break;
		case KEY_PPAGE: r->cur -= page; break;
		case KEY_HOME: r->cur = 0; break;
		case KEY_END: r->cur = r->set.n - 1; break;
		default: return filter_key(a, r, k);
		}
		if (r->cur >= r->set.n)
			r->cur = r->set.n - 1;
		if (r->cur < 0)
			r->cur = 0;
		return RES_HANDLED | RES_REDRAW;
	}
	return filter_key(a, r, k);
}

/* The waiver each category brings, and where it is changed. */
static void
waivers_line(struct app *a, struct buf *line)
{
	const struct field *cat = &kind_find("group")->fields[kind_field(kind_find("group"),
	    "category")];
	char key[64];
	int i;

	struct buf items = {0};

	for (i = 0; cat->choices[i].code != NULL; i++) {
		const struct setting_def *d = setting_find(group_waiver_key(cat->choices[i].code,
		    key, sizeof key));

		if (i > 0)
			buf_adds(&items, _(", "));
		buf_printf(&items, _("%s: %s"), _(cat->choices[i].label), d == NULL ? "" :
		    field_choice_label(&d->field, group_category_waiver(app_store(a),
		    cat->choices[i].code)));
	}
	buf_printf(line, _("Fee waivers: %s (changed on the opening hours screen, o)."),
	    buf_str(&items));
	buf_free(&items);
}

static void
rooms_draw(struct app *a, void *state)
{
	struct rooms *r = state;
	struct recordlist_column cols[RECORD_MAX_FIELDS];
	struct buf waivers = {0};
	char buf[512];
	int n, i, y, bottom = draw_lines() - 2, rows, w;

	/* The groups' waivers under the list, wrapped whole. */
	if (r->groups) {
		waivers_line(a, &waivers);
		bottom = draw_lines() - 1 - draw_wrap_rows(buf_str(&waivers), COLS - 2);
	}
	rows = bottom - TOP;

	if (r->groups)
		snprintf(buf, sizeof buf, P_("%s  %d group", "%s  %d groups",
		    (unsigned long)r->set.n), _("User groups"), r->set.n);
	else
		snprintf(buf, sizeof buf, P_("%s  %d room", "%s  %d rooms",
		    (unsigned long)r->set.n), _("Rooms"), r->set.n);
	app_draw_title(a, buf);
	if (r->filter.text.len > 0) {
		w = draw_text(1, 1, COLS - 2, _("Filter: "), ATTR_HEADER);
		draw_text(1, 1 + w, COLS - 2 - w, lineedit_text(&r->filter), ATTR_INPUT);
	} else if (r->may_not[0] != '\0') {
		draw_text(1, 1, COLS - 2, r->may_not, ATTR_DIM);
	} else {
		draw_text(1, 1, COLS - 2, _("Type to filter"), ATTR_DIM);
	}
	n = recordlist_layout(r->kind, COLS - 2, cols);
	recordlist_draw_heading(2, r->kind, cols, n);
	if (rows < 1)
		rows = 1;
	if (r->cur < r->top)
		r->top = r->cur;
	if (r->cur >= r->top + rows)
		r->top = r->cur - rows + 1;
	for (i = r->top, y = TOP; i < r->set.n && y < bottom; i++, y++)
		recordlist_draw_row(y, &r->set.rows[i], cols, n, i == r->cur);
	if (r->top > 0)
		draw_more_mark(TOP, COLS - 1, true, ATTR_DIM);
	if (i < r->set.n)
		draw_more_mark(y - 1, COLS - 1, false, ATTR_DIM);
	if (r->set.n == 0 && r->groups)
		draw_wrap(TOP + 1, bottom, 2, COLS - 3, r->filter.text.len > 0 ?
		    _("No group matches the filter.") : _("No groups registered yet. F2 adds "
		    "one: its name, reading and category (which decides its fee waiver)."), 0,
		    ATTR_DIM);
	else if (r->set.n == 0)
		draw_text(TOP + 1, 2, COLS - 3, r->filter.text.len > 0 ?
		    _("No room matches the filter.") : _("No rooms yet. F2 adds one."), ATTR_DIM);
	if (r->groups)
		draw_wrap(bottom, draw_lines() - 1, 1, COLS - 2, buf_str(&waivers), 0, ATTR_DIM);
	buf_free(&waivers);
	if (r->err[0] != '\0')
		draw_text(draw_lines() - 2, 1, COLS - 2, r->err, ATTR_ERROR);
}

static const struct action_def *const *
rooms_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_add, &act_edit, &act_delete, &act_lock, &act_quit, &act_back, &act_move,
		&act_page, &act_filter, NULL,
	};

	(void)state;
	return acts;
}

const struct screen screen_rooms = {
	.name = "rooms",
	.init = rooms_init,
	.free = rooms_done,
	.enter = rooms_enter,
	.key = rooms_key,
	.draw = rooms_draw,
	.actions = rooms_actions,
};

/* The register of user groups: the same screen over the "group" kind. */
const struct screen screen_groups = {
	.name = "groups",
	.init = rooms_init,
	.free = rooms_done,
	.enter = rooms_enter,
	.key = rooms_key,
	.draw = rooms_draw,
	.actions = rooms_actions,
};
