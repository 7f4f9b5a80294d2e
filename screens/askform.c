/* askform — see askform.h. */
#include "askform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "domain/plan.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/form.h"

struct askform {
	struct ask_form_arg arg;
	char title[256];
	char *note;		/* owned copy */
	struct form form;
};

static void *
askform_init(struct app *a, const void *argp)
{
	const struct ask_form_arg *arg = argp;
	struct askform *af = xcalloc(1, sizeof *af);
	struct record r;
	int i;

	af->arg = *arg;
	/* The strings need not outlive the call. */
	for (i = 0; i < RECORD_MAX_FIELDS; i++)
		af->arg.values[i] = NULL;
	af->arg.title = af->arg.note = NULL;
	if (arg->title != NULL)
		snprintf(af->title, sizeof af->title, "%s", arg->title);
	else
		snprintf(af->title, sizeof af->title, "%s  %s", kind_label(arg->kind), _("New"));
	af->note = arg->note != NULL ? xstrdup(arg->note) : NULL;
	record_init(&r, arg->kind);
	form_init(&af->form, arg->kind, &r);
	record_free(&r);
	for (i = 0; i < arg->kind->nfields; i++)
		if (arg->values[i] != NULL)
			form_set(&af->form, i, arg->values[i]);
	if (arg->first > 0 && arg->first < arg->kind->nfields)
		af->form.cur = arg->first;
	form_load_refs(&af->form, app_store(a));
	return af;
}

static void
askform_done(void *state)
{
	struct askform *af = state;

	form_free(&af->form);
	free(af->note);
	free(af);
}

static void
askform_save(struct app *a, void *state)
{
	struct askform *af = state;
	struct record r;
	struct error err;
	struct buf sum = {0};
	bool ok;

	record_init(&r, af->arg.kind);
	if (!form_collect(&af->form, &r)) {
		record_free(&r);
		return;
	}
	error_clear(&err);
	if (af->arg.done != NULL)
		ok = af->arg.done(a, af->arg.ctx, &r, &err);
	else
		ok = record_insert(app_store(a), app_actor(a), &r, &err);
	if (!ok) {
		form_refuse(&af->form, &err);
		record_free(&r);
		return;
	}
	if (af->arg.done == NULL) {
		record_summary(&r, &sum);
		app_message(a, _("Saved: %s"), buf_str(&sum));
		buf_free(&sum);
		if (af->arg.saved != NULL)
			af->arg.saved(af->arg.ctx, r.uuid);
	}
	record_free(&r);
	app_close(a);
}

static int
askform_key(struct app *a, void *state, struct key k, int act)
{
	struct askform *af = state;

	return form_screen_key(a, &af->form, k, act, askform_save, af);
}

static void
askform_draw(struct app *a, void *state)
{
	struct askform *af = state;
	struct buf b = {0};
	char *p, *nl;
	int y = 2;

	app_draw_title(a, af->title);
	if (af->note != NULL) {
		plan_wrap(&b, af->note, COLS - 3, "");
		/* The note gets at most a third of the screen; the fields come first. */
		for (p = b.data; p != NULL && y < 2 + (draw_lines() - 4) / 3; p = nl + 1, y++) {
			if ((nl = strchr(p, '\n')) == NULL)
				break;
			*nl = '\0';
			draw_text(y, 2, COLS - 3, p, ATTR_NOTICE);
		}
		buf_free(&b);
		y++;
	}
	form_draw(a, &af->form, y, draw_lines() - 2 - y);
}

const struct screen screen_ask_form = {
	.name = "ask-form",
	.init = askform_init,
	.free = askform_done,
	.key = askform_key,
	.draw = askform_draw,
	.actions = form_screen_actions,
};
