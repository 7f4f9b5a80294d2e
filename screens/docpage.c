/* docpage — see docpage.h. */
#include "docpage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recordlist.h"
#include "screens.h"
#include "tui/draw.h"

void
docpage_init(struct docpage *p, void (*build)(struct app *, void *), void *owner)
{
	memset(p, 0, sizeof *p);
	docview_init(&p->doc);
	p->build = build;
	p->owner = owner;
}

void
docpage_free(struct docpage *p)
{
	docview_free(&p->doc);
	free(p->items);
}

int
docpage_height(void)
{
	return draw_lines() - 3 > 1 ? draw_lines() - 3 : 1;
}

void
docpage_begin(struct docpage *p)
{
	p->err[0] = '\0';
	docview_clear(&p->doc);
	p->nitems = 0;
}

/* What names an item across rebuilds: its code, else its record. */
static const char *
docpage_item_key(const struct docpage_item *it)
{
	return it->code[0] != '\0' ? it->code : it->uuid;
}

void
docpage_end(struct docpage *p)
{
	int i, sel = -1;

	for (i = 0; i < p->nitems && p->keep[0] != '\0' && sel < 0; i++)
		if (strcmp(docpage_item_key(&p->items[i]), p->keep) == 0)
			sel = i;
	if (sel >= 0)
		docview_select(&p->doc, sel, docpage_height());
	else
		docview_fit(&p->doc, docpage_height());
	p->keep[0] = '\0';
}

int
docpage_add_item(struct docpage *p, int tag, const struct kind *kind, const char *uuid,
    const char *code, const char *label)
{
	struct docpage_item *it;

	if (p->nitems == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 32;
		p->items = xreallocarray(p->items, (size_t)p->cap, sizeof *p->items);
	}
	it = &p->items[p->nitems];
	it->tag = tag;
	it->kind = kind;
	snprintf(it->uuid, sizeof it->uuid, "%s", uuid != NULL ? uuid : "");
	snprintf(it->code, sizeof it->code, "%s", code != NULL ? code : "");
	snprintf(it->label, sizeof it->label, "%s", label != NULL ? label : "");
	return p->nitems++;
}

const struct docpage_item *
docpage_selected(const struct docpage *p)
{
	int i = docview_item(&p->doc);

	return i >= 0 && i < p->nitems ? &p->items[i] : NULL;
}

void
docpage_keep_selected(struct docpage *p)
{
	const struct docpage_item *it = docpage_selected(p);

	if (it != NULL)
		snprintf(p->keep, sizeof p->keep, "%s", docpage_item_key(it));
}

void
docpage_rebuild(struct app *a, struct docpage *p)
{
	if (p->keep[0] == '\0')
		docpage_keep_selected(p);
	p->build(a, p->owner);
}

/* The saved record is selected; an item named by its code keeps it. */
static void
docpage_saved(void *ctx, const char *uuid)
{
	struct docpage *p = ctx;
	const struct docpage_item *it = docpage_selected(p);

	if (it != NULL && it->code[0] != '\0' && strcmp(it->uuid, uuid) == 0)
		snprintf(p->keep, sizeof p->keep, "%s", it->code);
	else
		snprintf(p->keep, sizeof p->keep, "%s", uuid);
}

int
docpage_open_form(struct app *a, struct docpage *p, const struct kind *kind, const char *uuid)
{
	struct record_form_arg arg = {
		.kind = kind, .uuid = uuid != NULL && *uuid != '\0' ? uuid : NULL,
		.day = date_today(), .saved = docpage_saved, .ctx = p,
	};

	docpage_keep_selected(p);
	app_push(a, &screen_record_form, &arg);
	return RES_HANDLED | RES_REDRAW;
}

static void
docpage_delete_yes(struct app *a, void *ctx)
{
	struct docpage *p = ctx;
	const struct docpage_item *it = docpage_selected(p);

	if (it == NULL)
		return;
	if (recordlist_delete(a, it->kind, it->uuid, NULL))
		app_message(a, p->deleted, it->label);
	docpage_keep_selected(p);
	p->build(a, p->owner);
}

int
docpage_ask_delete(struct app *a, struct docpage *p, const char *question, const char *deleted)
{
	const struct docpage_item *it = docpage_selected(p);
	char q[512];

	if (it == NULL || it->uuid[0] == '\0')
		return RES_HANDLED;
	snprintf(q, sizeof q, question, it->label);
	p->deleted = deleted;
	app_confirm(a, q, docpage_delete_yes, p);
	return RES_HANDLED | RES_REDRAW;
}

int
docpage_key(struct docpage *p, struct key k)
{
	if (docview_key(&p->doc, k, docpage_height()))
		return RES_HANDLED | RES_REDRAW;
	return 0;
}

void
docpage_draw(struct app *a, const struct docpage *p, const char *title)
{
	app_draw_title(a, title);
	docview_draw(&p->doc, 1, docpage_height());
	if (p->err[0] != '\0')
		draw_text(draw_lines() - 2, 1, COLS - 2, p->err, ATTR_ERROR);
}
