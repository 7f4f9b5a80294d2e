/*
 * help — the keys of the screen it was opened from, read from the same
 * action table as the key bar, then the keys that work everywhere.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "store/store.h"
#include "base/text.h"
#include "screens.h"
#include "tui/draw.h"

#define HELP_MAX 48

struct help {
	enum action acts[HELP_MAX];
	int n;
	int top;
};

static bool
listed(const struct help *h, enum action id)
{
	int i;

	for (i = 0; i < h->n; i++)
		if (h->acts[i] == id)
			return true;
	return false;
}

/* Some listed action already has this key (Esc is Back or Cancel). */
static bool
key_listed(const struct help *h, enum action id)
{
	int i;

	for (i = 0; i < h->n; i++)
		if (strcmp(keys_action(h->acts[i])->keyname, keys_action(id)->keyname) == 0)
			return true;
	return false;
}

static void
add(struct help *h, enum action id)
{
	if (id != ACT_NONE && h->n < HELP_MAX && !listed(h, id) && keys_action(id) != NULL)
		h->acts[h->n++] = id;
}

static void *
help_init(struct app *a, const void *arg)
{
	static const enum action everywhere[] = {ACT_HELP, ACT_BACK, ACT_QUIT, ACT_NONE};
	const enum action *below = app_below_actions(a);
	struct help *h = xcalloc(1, sizeof *h);
	int i;

	(void)arg;
	for (i = 0; below[i] != ACT_NONE; i++)
		add(h, below[i]);
	for (i = 0; everywhere[i] != ACT_NONE; i++)
		if (!key_listed(h, everywhere[i]))
			add(h, everywhere[i]);
	return h;
}

static void
help_done(void *state)
{
	free(state);
}

static int
help_key(struct app *a, void *state, struct key k, enum action act)
{
	struct help *h = state;

	(void)a;
	if (act == ACT_BACK || act == ACT_HELP || (!k.code && (k.ch == 'q' || k.ch == '\r')))
		return RES_POP;
	if (k.code && (k.ch == KEY_DOWN || k.ch == KEY_NPAGE))
		h->top += k.ch == KEY_DOWN ? 1 : LINES / 2;
	else if (k.code && (k.ch == KEY_UP || k.ch == KEY_PPAGE))
		h->top -= k.ch == KEY_UP ? 1 : LINES / 2;
	else
		return 0;
	if (h->top > h->n - 1)
		h->top = h->n - 1;
	if (h->top < 0)
		h->top = 0;
	return RES_HANDLED | RES_REDRAW;
}

static void
help_draw(struct app *a, void *state)
{
	struct help *h = state;
	int y = 2, i, kw = 0, lw = 0, w;

	app_draw_title(a, _("Help: keys"));
	for (i = 0; i < h->n; i++) {
		const struct action_def *d = keys_action(h->acts[i]);

		if ((w = text_width(d->keyname)) > kw)
			kw = w;
		if ((w = text_width(_(d->label))) > lw)
			lw = w;
	}
	for (i = h->top; i < h->n && y < LINES - 4; i++, y++) {
		const struct action_def *d = keys_action(h->acts[i]);

		draw_pad(y, 2, kw, d->keyname, false, ATTR_BAR_KEY);
		draw_pad(y, 2 + kw + 2, lw, _(d->label), false, ATTR_HEADER);
		draw_text(y, 2 + kw + 2 + lw + 2, COLS - kw - lw - 7, _(d->help), ATTR_NORMAL);
	}
	draw_text(LINES - 3, 2, COLS - 3, store_path(app_store(a)), ATTR_DIM);
}

static const enum action *
help_actions(void *state)
{
	static const enum action acts[] = {ACT_HELP, ACT_BACK, ACT_MOVE, ACT_NONE};

	(void)state;
	return acts;
}

const struct screen screen_help = {
	.name = "help",
	.init = help_init,
	.free = help_done,
	.key = help_key,
	.draw = help_draw,
	.actions = help_actions,
};
