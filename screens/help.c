/*
 * help — the keys of the screen it was opened from, read from the same
 * actions as the key bar, then the keys that work everywhere.
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
	const struct action_def *acts[HELP_MAX];
	int n;
	int top;		/* the first row shown of the wrapped lines */
	int rows, page;		/* all the rows and those shown, as last drawn */
};

static bool
help_listed(const struct help *h, const struct action_def *d)
{
	int i;

	for (i = 0; i < h->n; i++)
		if (h->acts[i] == d)
			return true;
	return false;
}

/* Some listed action already has this key (Esc is Back or Cancel). */
static bool
help_key_listed(const struct help *h, const struct action_def *d)
{
	int i;

	for (i = 0; i < h->n; i++)
		if (strcmp(h->acts[i]->keyname, d->keyname) == 0)
			return true;
	return false;
}

static void
help_add(struct help *h, const struct action_def *d)
{
	if (h->n < HELP_MAX && !help_listed(h, d))
		h->acts[h->n++] = d;
}

static void *
help_init(struct app *a, const void *arg)
{
	static const struct action_def *const everywhere[] = {&act_help, &act_back, &act_quit, NULL};
	const struct action_def *const *below = app_below_actions(a);
	struct help *h = xcalloc(1, sizeof *h);
	int i;

	(void)arg;
	for (i = 0; below[i] != NULL; i++)
		help_add(h, below[i]);
	for (i = 0; everywhere[i] != NULL; i++)
		if (!help_key_listed(h, everywhere[i]))
			help_add(h, everywhere[i]);
	return h;
}

static void
help_done(void *state)
{
	free(state);
}

static int
help_key(struct app *a, void *state, struct key k, int act)
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
	if (h->top > h->rows - h->page)
		h->top = h->rows - h->page;
	if (h->top < 0)
		h->top = 0;
	return RES_HANDLED | RES_REDRAW;
}

/* The rows of action d: its sentence wrapped in hw columns, under the key
 * and label when below. */
static int
help_rows(const struct action_def *d, int hw, bool below)
{
	return (below ? 1 : 0) + draw_wrap_rows(_(d->help), hw);
}

static void
help_draw(struct app *a, void *state)
{
	struct help *h = state;
	int end = draw_lines() - 4, i, kw = 0, lw = 0, w, hx, hw, r, y;
	bool below;

	app_draw_title(a, _("Help: keys"));
	for (i = 0; i < h->n; i++) {
		const struct action_def *d = h->acts[i];

		if ((w = text_width(d->keyname)) > kw)
			kw = w;
		if ((w = text_width(_(d->label))) > lw)
			lw = w;
	}
	/* Each sentence wraps in its column; a narrow screen puts it under
	 * the key and label instead. */
	hx = 2 + kw + 2 + lw + 2;
	hw = COLS - hx - 1;
	below = hw < 20;
	if (below) {
		hx = 6;
		hw = COLS - hx - 1;
	}
	h->page = end - 2 > 1 ? end - 2 : 1;
	for (i = 0, h->rows = 0; i < h->n; i++)
		h->rows += help_rows(h->acts[i], hw, below);
	if (h->top > h->rows - h->page)
		h->top = h->rows - h->page > 0 ? h->rows - h->page : 0;
	for (i = 0, r = 0; i < h->n && 2 + r - h->top < end; i++) {
		const struct action_def *d = h->acts[i];
		int n = help_rows(d, hw, below);

		y = 2 + r - h->top;
		r += n;
		if (y + n <= 2)
			continue;
		if (y >= 2) {
			draw_pad(y, 2, kw, d->keyname, false, ATTR_BAR_KEY);
			draw_pad(y, 2 + kw + 2, lw, _(d->label), false, ATTR_HEADER);
		}
		if (below)
			y++;
		draw_wrap(y < 2 ? 2 : y, end, hx, hw, _(d->help), y < 2 ? 2 - y : 0,
		    ATTR_NORMAL);
	}
	draw_text(draw_lines() - 3, 2, COLS - 3, app_store_path(a), ATTR_DIM);
}

static const struct action_def *const *
help_actions(void *state)
{
	static const struct action_def *const acts[] = {&act_help, &act_back, &act_move, NULL};

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
