/*
 * guides — F1 on the home screen: short task guides, a few steps each
 * naming the keys, for what staff do every day and every month (at a
 * center, or at city hall), then the home screen's keys.  F1 on any other
 * screen lists that screen's keys (help.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "base/wrap.h"
#include "screens.h"
#include "store/store.h"
#include "tui/docview.h"
#include "tui/draw.h"

struct guide {
	const char *title;	/* N_ */
	const char *steps;	/* N_: the steps, one per line */
};

static const struct guide center_guides[] = {
	{N_("Record a meeting"),
	    N_("1. On the menu press 1 (Meetings).\n"
	    "2. F2 (New) opens the form; the date is today's.\n"
	    "3. Type the start and end, choose the kind with Left/Right, type the title, the "
	    "room and how many came. Enter or Tab goes to the next field.\n"
	    "4. F2 saves; the list shows the meeting, selected.\n"
	    "To change one, choose it and press Enter; F4 deletes it (after asking).")},
	{N_("Take a booking"),
	    N_("1. On the menu press 4 (Bookings): the month's calendar.\n"
	    "2. Choose the day with the arrows and press Enter: the rooms and time slots.\n"
	    "3. Choose the room and the slot with the arrows and press n (Book).\n"
	    "4. Type the group, the category and how many are expected; the fee comes from "
	    "the room and the times. For a weekly group choose Repeat with Left/Right.\n"
	    "5. F2 saves. A clash with another booking names it.\n"
	    "On the day, choose the booking and press i (Check in) to type how many came.")},
	{N_("The monthly file for city hall"),
	    N_("1. Put the USB stick in and press 9 (Sync) on the menu.\n"
	    "2. Choose the stick with Up/Down and press Enter (or type a folder).\n"
	    "3. F2 (Export) writes this month's file. When the screen says it is safe to "
	    "remove the stick, take it to city hall.\n"
	    "4. A file from city hall: choose it on the same screen and press Enter (Import).\n"
	    "The home screen says when the file is due and when it is late.")},
	{N_("Report a grant's results"),
	    N_("1. On the menu press 8 (Grants); F5/F6 change the fiscal year.\n"
	    "2. Choose the decided application with Up/Down; Enter lists its expenses and e "
	    "adds one.\n"
	    "3. When every expense is in, choose the application and press r (Report "
	    "results), then y.\n"
	    "4. The report goes to city hall with the next monthly file.")},
	{NULL, NULL},
};

static const struct guide city_guides[] = {
	{N_("Take the centers' monthly files"),
	    N_("1. Put the USB stick in and press 9 (Sync) on the menu.\n"
	    "2. Choose the stick with Up/Down and press Enter.\n"
	    "3. F3 (Import all) checks and takes every file addressed to city hall; Enter "
	    "takes the chosen one.\n"
	    "The home screen marks with ! the centers whose file is late.")},
	{N_("Decide on a grant application"),
	    N_("1. On the menu press 8 (Grants).\n"
	    "2. Choose an application that is applied for with Up/Down and press d (Decide).\n"
	    "3. Type the amount decided (the program's limit is shown) and press F2.\n"
	    "4. The decision goes to the center with city hall's next file for it.")},
	{N_("Send the centers their files"),
	    N_("1. Put the USB stick in and press 9 (Sync); choose the stick and press Enter.\n"
	    "2. F2 (Export) asks for which center: choose All centers (the first row) or one "
	    "center and press Enter.\n"
	    "3. When the screen says it is safe to remove the stick, take it to the centers.")},
	{NULL, NULL},
};

struct guides {
	struct docview doc;
	const struct guide *list;
	const struct action_def *const *home;	/* the keys of the screen below */
};

static int
guides_height(void)
{
	return draw_lines() - 3 > 1 ? draw_lines() - 3 : 1;
}

/* A key's sentence wrapped beside it: the key on the first line, blanks
 * under it on the others. */
struct key_lines {
	struct guides *g;
	const char *key;
	int kw;
	bool first;
};

static void
key_line(void *ctx, const char *text, size_t len)
{
	struct key_lines *kl = ctx;
	char line[512];
	const char *key = kl->first ? kl->key : "";

	snprintf(line, sizeof line, "%s%*s  %.*s", key, kl->kw - text_width(key), "", (int)len,
	    text);
	docview_add(&kl->g->doc, 3, ATTR_NORMAL, -1, line);
	kl->first = false;
}

/* The guides, then the keys, wrapped to the window's width. */
static void
build(struct guides *g)
{
	int w = COLS - 6, i, kw = 0;

	docview_clear(&g->doc);
	for (i = 0; g->list[i].title != NULL; i++) {
		docview_add(&g->doc, 1, ATTR_HEADER, i, _(g->list[i].title));
		docview_wrap(&g->doc, 3, w, ATTR_NORMAL, -1, _(g->list[i].steps));
		docview_add(&g->doc, 0, ATTR_NORMAL, -1, "");
	}
	docview_add(&g->doc, 1, ATTR_HEADER, i, _("Keys on the home screen"));
	for (i = 0; g->home[i] != NULL; i++)
		if (text_width(g->home[i]->keyname) > kw)
			kw = text_width(g->home[i]->keyname);
	for (i = 0; g->home[i] != NULL; i++) {
		struct key_lines kl = {g, g->home[i]->keyname, kw, true};

		wrap_lines(_(g->home[i]->help), w - kw - 2, key_line, &kl);
	}
}

static void *
guides_init(struct app *a, const void *arg)
{
	struct guides *g = xcalloc(1, sizeof *g);

	(void)arg;
	docview_init(&g->doc);
	g->list = store_kind(app_store(a)) == STORE_CITY ? city_guides : center_guides;
	g->home = app_below_actions(a);
	build(g);
	docview_select(&g->doc, 0, guides_height());
	return g;
}

static void
guides_done(void *state)
{
	struct guides *g = state;

	docview_free(&g->doc);
	free(g);
}

static void
guides_enter(struct app *a, void *state)
{
	struct guides *g = state;
	int item = docview_item(&g->doc);

	(void)a;
	build(g);
	if (item < 0 || !docview_select(&g->doc, item, guides_height()))
		docview_fit(&g->doc, guides_height());
}

static int
guides_key(struct app *a, void *state, struct key k, int act)
{
	struct guides *g = state;

	(void)a;
	if (act == ACT_BACK)
		return RES_POP;
	if (docview_key(&g->doc, k, guides_height()))
		return RES_HANDLED | RES_REDRAW;
	return 0;
}

static void
guides_draw(struct app *a, void *state)
{
	struct guides *g = state;

	app_draw_title(a, _("Help: how to"));
	docview_draw(&g->doc, 1, guides_height());
}

static const struct action_def *const *
guides_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_back, &act_scroll, NULL,
	};

	(void)state;
	return acts;
}

const struct screen screen_guides = {
	.name = "guides",
	.init = guides_init,
	.free = guides_done,
	.enter = guides_enter,
	.key = guides_key,
	.draw = guides_draw,
	.actions = guides_actions,
};
