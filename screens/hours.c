/*
 * hours — the center's opening, which bookings and uses keep: the time
 * slots, the weekly closing day, the yearly closed days, whether holidays
 * are open, and how far ahead bookings open; and the fee waiver each
 * category of user group gets (the rules a booking's fee follows).  A form over a `struct kind`
 * of its own (field names are the setting keys); domain/setting checks,
 * saves and audits it, and says who may.  F5 lists the single closed days
 * (the "closed" kind).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "domain/setting.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/form.h"

static const struct action_def act_closed_days = {
	ACT_CLOSED_DAYS, "F5", N_("Closed days"),
	N_("The single closed days (holidays of the center, repairs): a list by month."),
	{ACT_KEY_CODE(KEY_F(5))},
};

/* The fields are the settings' own (domain/setting), in this order. */
static const char *const hours_keys[] = {
	"slots", "closed_weekday", "closed_yearly", "open_on_holidays", "booking_horizon_months",
	"group_waiver_body", "group_waiver_registered", "group_waiver_other",
};

#define NFIELDS ((int)(sizeof hours_keys / sizeof hours_keys[0]))

static struct field fields[NFIELDS];

static const struct kind hours_kind = {
	.name = "hours", .table = "setting", .label = N_("Opening hours"),
	.fields = fields, .nfields = NFIELDS, .title = "slots",
};

struct hours {
	struct form form;
};

/* The form shows "-" for no weekly closing day and 0 for no horizon. */
static const char *
hours_shown(int i, const char *stored)
{
	if (stored[0] == '\0' && i == 1)
		return "-";
	if (stored[0] == '\0' && i == 4)
		return "0";
	return stored;
}

static const char *
hours_stored(int i, const char *shown)
{
	if (shown == NULL)
		return "";
	if ((i == 1 && strcmp(shown, "-") == 0) || (i == 4 && strcmp(shown, "0") == 0))
		return "";
	return shown;
}

static void *
hours_init(struct app *a, const void *arg)
{
	struct hours *h = xcalloc(1, sizeof *h);
	char *v;
	int i;

	(void)arg;
	setting_fields(hours_keys, NFIELDS, fields);
	form_init(&h->form, &hours_kind, NULL);
	for (i = 0; i < NFIELDS; i++) {
		v = store_setting(app_store(a), fields[i].name);
		form_set(&h->form, i, hours_shown(i, v != NULL ? v :
		    setting_find(fields[i].name)->dflt));
		free(v);
	}
	return h;
}

static void
hours_done(void *state)
{
	struct hours *h = state;

	form_free(&h->form);
	free(h);
}

static void
hours_save(struct app *a, void *state)
{
	struct hours *h = state;
	const char *keys[NFIELDS], *values[NFIELDS];
	struct record r;
	struct error err = {"", -1};
	int i;

	record_init(&r, &hours_kind);
	if (!form_collect(&h->form, &r)) {
		record_free(&r);
		return;
	}
	for (i = 0; i < NFIELDS; i++) {
		keys[i] = fields[i].name;
		values[i] = hours_stored(i, r.value[i]);
		/* A value the rules refuse points at its field. */
		if (!setting_valid(keys[i], values[i], &err)) {
			error_field(&err, i);
			form_refuse(&h->form, &err);
			record_free(&r);
			return;
		}
	}
	if (!setting_set(app_store(a), app_actor(a), NFIELDS, keys, values, &err)) {
		form_refuse(&h->form, &err);
		record_free(&r);
		return;
	}
	record_free(&r);
	app_message(a, "%s", _("Opening hours saved."));
	app_close(a);
}

static int
hours_key(struct app *a, void *state, struct key k, int act)
{
	struct hours *h = state;

	if (act == ACT_CLOSED_DAYS) {
		app_push(a, &screen_records, "closed");
		return RES_HANDLED | RES_REDRAW;
	}
	return form_screen_key(a, &h->form, k, act, hours_save, h);
}

static void
hours_draw(struct app *a, void *state)
{
	struct hours *h = state;
	const char *note = _("Time slots: from-to, with commas between (09:00-12:00,13:00-17:00).\n"
	    "Closed every year: month-day ranges, with commas between (12-29..01-03).\n"
	    "Bookings open: 0 for no limit.  Bookings and facility use keep these rules.");
	int w = COLS - 3, y;

	app_draw_title(a, _("Opening hours and closed days"));
	y = draw_lines() - 3 - draw_wrap_rows(note, w);
	form_draw(a, &h->form, 2, y - 3 > 1 ? y - 3 : 1);
	draw_wrap(y, draw_lines() - 2, 2, w, note, 0, ATTR_DIM);
}

static const struct action_def *const *
hours_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_save, &act_closed_days, &act_cancel, &act_quit, &act_clear_text,
		&act_next_field, &act_prev_field, &act_choice, &act_edit_text, NULL,
	};

	(void)state;
	return acts;
}

const struct screen screen_hours = {
	.name = "hours",
	.init = hours_init,
	.free = hours_done,
	.key = hours_key,
	.draw = hours_draw,
	.actions = hours_actions,
};
