/*
 * recordform — adding or editing one record of any kind in the generic
 * form.  Saving writes nothing unless the core accepts every field; the
 * signed-in staff member is the actor the change is audited under.
 *
 * A new record may start as a copy of another (record_form_arg.copy): every
 * field filled from it but the date.  Saving a booking that belongs to a
 * series asks first which of its dates the change is for (seriesask.h):
 * this one, this and the following, or all (booking_update_scope).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "groupfee.h"
#include "domain/booking.h"
#include "screens.h"
#include "seriesask.h"
#include "tui/draw.h"
#include "tui/form.h"

struct recordform {
	const struct kind *kind;
	struct record orig;	/* the stored record when editing */
	bool editing;
	bool copy;		/* a new record filled from another */
	struct form form;
	struct groupfee gf;	/* a use's or booking's group and fee */
	struct group_names organizers;	/* an event's organizer completes from these */
	/* Saving a booking of a series: its other live dates, earlier and
	 * later, and the record waiting for the answer (asking). */
	bool asking;
	int before, after;
	struct record pending;
	void (*saved)(void *ctx, const char *uuid);
	void *ctx;
};

/* A new record filled from fa->copy but its date (fa->day) and its id:
 * nothing is saved until F2. */
static bool
copy_from(struct app *a, struct recordform *rf, const struct record_form_arg *fa)
{
	struct record src;
	struct error err;
	char day[11];
	int d = kind_field(fa->kind, "date");

	if (!record_get(app_store(a), fa->kind, fa->copy, &src, &err)) {
		app_error(a, "%s", err.text);
		return false;
	}
	record_init(&rf->orig, fa->kind);
	form_init(&rf->form, fa->kind, &src);
	record_free(&src);
	if (d >= 0) {
		date_format(fa->day, day);
		form_set(&rf->form, d, day);
	}
	rf->form.cur = d >= 0 ? d : 0;
	return true;
}

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
	} else if (fa->copy != NULL && copy_from(a, rf, fa)) {
		rf->copy = true;
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
	/* An event's organizer completes from the register and earlier
	 * events; without the names the field is plain text. */
	if (strcmp(fa->kind->name, "event") == 0 && kind_field(fa->kind, "organizer") >= 0 &&
	    group_organizers_load(app_store(a), &rf->organizers, NULL))
		form_complete_from(&rf->form, kind_field(fa->kind, "organizer"), &rf->organizers);
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
	group_names_free(&rf->organizers);
	record_free(&rf->orig);
	if (rf->asking)
		record_free(&rf->pending);
	free(rf);
}

/* The saved record said, the opener told, the form closed; r is freed. */
static void
saved_and_close(struct app *a, struct recordform *rf, struct record *r, int n)
{
	struct buf sum = {0};

	record_summary(r, &sum);
	if (n > 1)
		app_message(a, P_("Saved: %s (%d date)", "Saved: %s (%d dates)", (unsigned long)n),
		    buf_str(&sum), n);
	else
		app_message(a, _("Saved: %s"), buf_str(&sum));
	buf_free(&sum);
	if (rf->saved != NULL)
		rf->saved(rf->ctx, r->uuid);
	record_free(r);
	app_close(a);
}

/* A booking of a series, live, with other live dates: ask which dates the
 * change is for before saving.  True when it now asks (r kept). */
static bool
ask_series(struct app *a, struct recordform *rf, struct record *r)
{
	struct error err;
	int st = kind_field(rf->kind, "status");

	if (!rf->editing || strcmp(rf->kind->name, "booking") != 0 || st < 0 ||
	    rf->orig.value[st] == NULL || strcmp(rf->orig.value[st], "booked") != 0)
		return false;
	if (!booking_series_others(app_store(a), rf->orig.uuid, &rf->before, &rf->after, &err)) {
		app_error(a, "%s", err.text);
		return false;
	}
	if (rf->before + rf->after == 0)
		return false;
	rf->pending = *r;	/* the record moves into pending */
	rf->asking = true;
	return true;
}

/* The answer: saves the booking for the dates chosen. */
static void
save_series(struct app *a, struct recordform *rf, enum booking_scope scope)
{
	struct record r = rf->pending;
	struct error err;
	int n = 0;

	rf->asking = false;
	if (!booking_update_scope(app_store(a), app_actor(a), &r, scope, &n, &err)) {
		form_refuse(&rf->form, &err);
		record_free(&r);
		return;
	}
	saved_and_close(a, rf, &r, n);
}

static void
recordform_save(struct app *a, void *state)
{
	struct recordform *rf = state;
	struct record r;
	struct error err;
	bool ok;

	/* The stored row's uuid and version come along: record_update refuses
	 * an edit of a row changed meanwhile. */
	record_copy(&r, &rf->orig);
	if (!form_collect(&rf->form, &r)) {
		record_free(&r);
		return;
	}
	if (ask_series(a, rf, &r))
		return;
	ok = rf->editing ? record_update(app_store(a), app_actor(a), &r, &err) :
	    record_insert(app_store(a), app_actor(a), &r, &err);
	if (!ok) {
		form_refuse(&rf->form, &err);
		record_free(&r);
		return;
	}
	saved_and_close(a, rf, &r, 1);
}

static int
recordform_key(struct app *a, void *state, struct key k, int act)
{
	struct recordform *rf = state;
	int res;

	if (rf->asking) {
		if (act == ACT_BACK || act == ACT_CANCEL) {
			rf->asking = false;
			record_free(&rf->pending);
		} else if (seriesask_key(k) >= 0) {
			save_series(a, rf, (enum booking_scope)seriesask_key(k));
		}
		return RES_HANDLED | RES_REDRAW;
	}
	res = form_screen_key(a, &rf->form, k, act, recordform_save, rf);
	groupfee_follow(&rf->gf, a, &rf->form);
	return res;
}

/* Saving a booking of a series: the question under the fields, wrapped,
 * on the rows above the message line. */
static void
draw_series_question(struct app *a, struct recordform *rf)
{
	struct buf q = {0};
	int rows, top, y;

	buf_adds(&q, _("This booking repeats. Save the change for which dates?"));
	buf_addc(&q, '\n');
	seriesask_choices(&q, rf->before, rf->after, _("back to the form"));
	rows = draw_wrap_rows(buf_str(&q), COLS - 2);
	top = draw_lines() - 2 - rows;
	if (top < 2)
		top = 2;
	form_draw(a, &rf->form, 2, top - 2 > 1 ? top - 2 : 1);
	for (y = top; y < draw_lines() - 2; y++)
		draw_fill(y, 0, COLS, ATTR_NORMAL);
	draw_wrap(top, draw_lines() - 2, 1, COLS - 2, buf_str(&q), 0, ATTR_NOTICE);
	buf_free(&q);
}

static void
recordform_draw(struct app *a, void *state)
{
	struct recordform *rf = state;
	struct buf fee = {0};
	char title[256];
	int row;

	snprintf(title, sizeof title, "%s  %s", kind_label(rf->kind),
	    rf->editing ? _("Edit") : rf->copy ? _("New (copy)") : _("New"));
	app_draw_title(a, title);
	if (rf->asking) {
		draw_series_question(a, rf);
		return;
	}
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

static const struct action_def *const *
recordform_actions(void *state)
{
	static const struct action_def *const ask[] = {&act_back, &act_quit, NULL};
	const struct recordform *rf = state;

	return rf->asking ? ask : form_screen_actions(state);
}

const struct screen screen_record_form = {
	.name = "record-form",
	.init = recordform_init,
	.free = recordform_done,
	.key = recordform_key,
	.draw = recordform_draw,
	.actions = recordform_actions,
	.keep = recordform_keep,
};
