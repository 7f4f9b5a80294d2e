/*
 * rooms — the center's rooms for the staff who manage them: name, capacity,
 * kind, fee per slot and whether the room is in use, filtered by typing;
 * F2 adds, Enter/F3 edits (the generic form over the "room" kind), F4 or
 * Delete deletes after asking.  The core decides who may change rooms; a
 * refusal is its sentence, and a line at the top says so beforehand.
 *
 * A center has tens of rooms at most, so the list is read whole.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/fmt.h"
#include "tui/lineedit.h"

#define TOP 3		/* title, filter line, headings */

struct rooms {
	const struct kind *kind;
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

	(void)arg;
	r->kind = kind_find("room");
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
saved(void *ctx, const char *uuid)
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
		.kind = r->kind, .uuid = uuid, .day = date_today(), .saved = saved, .ctx = r,
	};

	app_push(a, &screen_record_form, &arg);
	return RES_HANDLED | RES_REDRAW;
}

static void
delete_yes(struct app *a, void *ctx)
{
	struct rooms *r = ctx;
	struct record rec;
	struct error err;

	if (r->set.n == 0)
		return;
	if (!record_get(app_store(a), r->kind, r->set.rows[r->cur].uuid, &rec, &err)) {
		app_error(a, "%s", err.text);
		return;
	}
	if (!record_delete(app_store(a), app_actor(a), &rec, &err))
		app_error(a, "%s", err.text);
	else
		app_message(a, _("Deleted: %s"), rec.value[0]);
	record_free(&rec);
	load(a, r, NULL);
}

static int
ask_delete(struct app *a, struct rooms *r)
{
	char q[512];

	if (r->set.n == 0)
		return RES_HANDLED;
	snprintf(q, sizeof q, _("Delete \"%s\"? (y/n)"), r->set.rows[r->cur].value[0]);
	app_confirm(a, q, delete_yes, r);
	return RES_HANDLED | RES_REDRAW;
}

static int
filter_key(struct app *a, struct rooms *r, struct key k)
{
	if (k.code && k.ch != KEY_BACKSPACE && k.ch != KEY_LEFT && k.ch != KEY_RIGHT)
		return 0;
	if (!k.code && k.ch < 0x20 && k.ch != 8)
		return 0;
	if (lineedit_key(&r->filter, k.ch, k.code) != LINEEDIT_CHANGED)
		return RES_HANDLED | RES_REDRAW;
	r->cur = 0;
	load(a, r, NULL);
	return RES_HANDLED | RES_REDRAW;
}

static int
rooms_key(struct app *a, void *state, struct key k, int act)
{
	struct rooms *r = state;
	int page = LINES - 2 - TOP;

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

struct column {
	int field, width;
	bool right;
};

/* The kind's listed fields; the name takes the width left over. */
static int
layout(const struct kind *k, int width, struct column *cols)
{
	int i, n = 0, total = 0, w;

	for (i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];

		if (f->width == 0)
			continue;
		w = text_width(field_label(f));
		if (w < f->width)
			w = f->width;
		cols[n].field = i;
		cols[n].width = w;
		cols[n].right = f->type == FIELD_YEN || f->type == FIELD_COUNT;
		total += w + (n > 0);
		n++;
	}
	while (total > width && n > 1) {
		total -= cols[n - 1].width + 1;
		n--;
	}
	if (n > 0 && total < width)
		cols[0].width += width - total;
	else if (n > 0 && total > width)
		cols[0].width = width;
	return n;
}

static void
cell(const struct field *f, const char *v, char *out, size_t size)
{
	if (v == NULL)
		out[0] = '\0';
	else if (f->type == FIELD_CHOICE)
		snprintf(out, size, "%s", field_choice_label(f, v));
	else if (f->type == FIELD_YEN)
		fmt_yen(strtoll(v, NULL, 10), out, size);
	else
		snprintf(out, size, "%s", v);
}

static void
rooms_draw(struct app *a, void *state)
{
	struct rooms *r = state;
	struct column cols[RECORD_MAX_FIELDS];
	char buf[512];
	int n, i, j, x, y, rows = LINES - 2 - TOP, w;

	snprintf(buf, sizeof buf, P_("%s  %d room", "%s  %d rooms", (unsigned long)r->set.n),
	    _("Rooms"), r->set.n);
	app_draw_title(a, buf);
	if (r->filter.text.len > 0) {
		w = draw_text(1, 1, COLS - 2, _("Filter: "), ATTR_HEADER);
		draw_text(1, 1 + w, COLS - 2 - w, lineedit_text(&r->filter), ATTR_INPUT);
	} else if (r->may_not[0] != '\0') {
		draw_text(1, 1, COLS - 2, r->may_not, ATTR_DIM);
	} else {
		draw_text(1, 1, COLS - 2, _("Type to filter"), ATTR_DIM);
	}
	n = layout(r->kind, COLS - 2, cols);
	for (j = 0, x = 1; j < n; x += cols[j].width + 1, j++)
		draw_pad(2, x, cols[j].width, field_label(&r->kind->fields[cols[j].field]),
		    cols[j].right, ATTR_HEADER);
	if (rows < 1)
		rows = 1;
	if (r->cur < r->top)
		r->top = r->cur;
	if (r->cur >= r->top + rows)
		r->top = r->cur - rows + 1;
	for (i = r->top, y = TOP; i < r->set.n && y < LINES - 2; i++, y++) {
		enum tui_attr at = i == r->cur ? ATTR_SELECTED : ATTR_NORMAL;

		if (at == ATTR_SELECTED)
			draw_fill(y, 0, COLS, at);
		for (j = 0, x = 1; j < n; x += cols[j].width + 1, j++) {
			const struct field *f = &r->kind->fields[cols[j].field];

			cell(f, r->set.rows[i].value[cols[j].field], buf, sizeof buf);
			draw_pad(y, x, cols[j].width, buf, cols[j].right, at);
		}
	}
	if (r->set.n == 0)
		draw_text(TOP + 1, 2, COLS - 3, r->filter.text.len > 0 ?
		    _("No room matches the filter.") : _("No rooms yet. F2 adds one."), ATTR_DIM);
	if (r->err[0] != '\0')
		draw_text(LINES - 2, 1, COLS - 2, r->err, ATTR_ERROR);
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
