/*
 * recordform — adding or editing one record of any kind in the generic
 * form.  Saving writes nothing unless the core accepts every field; the
 * signed-in staff member is the actor the change is audited under.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "groupfee.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/form.h"

struct recordform {
	const struct kind *kind;
	struct record orig;	/* the stored record when editing */
	bool editing;
	struct form form;
	struct groupfee gf;	/* a use's or booking's group and fee */
	void (*saved)(void *ctx, const char *uuid);
	void *ctx;
};

static void *
recordform_init(struct app *a, const void *arg)
{
	const struct record_form_arg *fa = arg;
	struct recordform *rf = xcalloc(1, sizeof *rf);
	struct error err;
	char day[11];
	int d;

	rf->kind = fa->kind;
	rf->saved = fa->saved;
	rf->ctx = fa->ctx;
	if (fa->uuid != NULL) {
		/* record_get fills rf->orig whole: no defaults first (they leak). */
		if (!record_get(app_store(a), fa->kind, fa->uuid, &rf->orig, &err)) {
			app_error(a, "%s", err.text);
			free(rf);
			return NULL;
		}
		rf->editing = true;
		form_init(&rf->form, fa->kind, &rf->orig);
	} else {
		/* A new record: record_init gives the fields' defaults. */
		record_init(&rf->orig, fa->kind);
		form_init(&rf->form, fa->kind, &rf->orig);
		if ((d = kind_field(fa->kind, "date")) >= 0) {
			date_format(fa->day, day);
			form_set(&rf->form, d, day);
		}
		/* Start where people type first: the first field after the date
		 * (a kind without a date, like a room, on its first field). */
		d = kind_field(fa->kind, "date");
		rf->form.cur = d >= 0 && d + 1 < fa->kind->nfields ? d + 1 : 0;
	}
	form_load_refs(&rf->form, app_store(a));
	if (fa->draft != NULL) {
		int i;

		for (i = 0; i < fa->kind->nfields; i++)
			form_set(&rf->form, i, fa->draft[i]);
		rf->form.changed = true;
	}
	groupfee_init(&rf->gf, a, &rf->form, NULL);
	return rf;
}

/* What an idle lock keeps of a form with changes: its kind, its record,
 * and every field as typed. */
struct recordform_draft {
	struct record_form_arg arg;	/* first: the draft is the arg */
	char uuid[37];
	char *text[RECORD_MAX_FIELDS];
};

static void
recordform_draft_free(void *arg)
{
	struct recordform_draft *d = arg;
	int i;

	for (i = 0; i < RECORD_MAX_FIELDS; i++)
		free(d->text[i]);
	free(d);
}

static bool
recordform_keep(void *state, struct app_draft *out)
{
	struct recordform *rf = state;
	struct recordform_draft *d;
	int i;

	if (!rf->form.changed)
		return false;
	d = xcalloc(1, sizeof *d);
	d->arg.kind = rf->kind;
	if (rf->editing) {
		snprintf(d->uuid, sizeof d->uuid, "%s", rf->orig.uuid);
		d->arg.uuid = d->uuid;
	}
	d->arg.day = date_today();
	for (i = 0; i < rf->kind->nfields; i++)
		d->text[i] = xstrdup(form_text(&rf->form, i));
	d->arg.draft = d->text;
	out->screen = &screen_record_form;
	out->arg = d;
	out->free_arg = recordform_draft_free;
	return true;
}

static void
recordform_done(void *state)
{
	struct recordform *rf = state;

	form_free(&rf->form);
	groupfee_free(&rf->gf);
	record_free(&rf->orig);
	free(rf);
}

static void
recordform_save(struct app *a, void *state)
{
	struct recordform *rf = state;
	struct record r;
	struct error err;
	struct buf sum = {0};
	bool ok;

	/* The stored row's uuid and version come along: record_update refuses
	 * an edit of a row changed meanwhile. */
	record_copy(&r, &rf->orig);
	if (!form_collect(&rf->form, &r)) {
		record_free(&r);
		return;
	}
	ok = rf->editing ? record_update(app_store(a), app_actor(a), &r, &err) :
	    record_insert(app_store(a), app_actor(a), &r, &err);
	if (!ok) {
		form_refuse(&rf->form, &err);
		record_free(&r);
		return;
	}
	record_summary(&r, &sum);
	app_message(a, _("Saved: %s"), buf_str(&sum));
	buf_free(&sum);
	if (rf->saved != NULL)
		rf->saved(rf->ctx, r.uuid);
	record_free(&r);
	app_close(a);
}

static int
recordform_key(struct app *a, void *state, struct key k, int act)
{
	struct recordform *rf = state;
	int res = form_screen_key(a, &rf->form, k, act, recordform_save, rf);

	groupfee_follow(&rf->gf, a, &rf->form);
	return res;
}

static void
recordform_draw(struct app *a, void *state)
{
	struct recordform *rf = state;
	struct buf fee = {0};
	char title[256];
	int row;

	snprintf(title, sizeof title, "%s  %s", kind_label(rf->kind),
	    rf->editing ? _("Edit") : _("New"));
	app_draw_title(a, title);
	if (!rf->gf.on) {
		form_draw(a, &rf->form, 2, draw_lines() - 4);
		return;
	}
	/* A use's or booking's fee and waiver, before saving. */
	row = form_draw(a, &rf->form, 2, draw_lines() - 5);
	if (rf->form.refusal[0] != '\0')
		return;
	groupfee_line(&rf->gf, a, &rf->form, &fee);
	if (fee.len > 0)
		draw_wrap(row, draw_lines() - 2, 2, COLS - 3, buf_str(&fee), 0, ATTR_NOTICE);
	buf_free(&fee);
}

const struct screen screen_record_form = {
	.name = "record-form",
	.init = recordform_init,
	.free = recordform_done,
	.key = recordform_key,
	.draw = recordform_draw,
	.actions = form_screen_actions,
	.keep = recordform_keep,
};
