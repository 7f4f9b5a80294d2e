/*
 * settings — what staff may change at the kiosk: the language, ASCII lines
 * (for terminals that draw ─ or ● double) and the idle lock.  The fields
 * are a `struct kind` of their own, so the generic form edits and checks
 * them; domain/setting says who may set what, saves and audits them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "domain/setting.h"
#include "store/store.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/form.h"

/* The fields are the settings' own (domain/setting), in this order. */
static const char *const settings_keys[] = {"language", "ascii_lines", "idle_minutes"};
static struct field fields[3];

static const struct kind settings_kind = {
	.name = "settings", .table = "setting", .label = N_("Settings"),
	.fields = fields, .nfields = 3, .title = "language",
};

static const char *const defaults[] = {NULL, "auto", "10"};

struct settings {
	struct form form;
};

static void *
settings_init(struct app *a, const void *arg)
{
	struct settings *s = xcalloc(1, sizeof *s);
	char *v;
	int i;

	(void)arg;
	setting_fields(settings_keys, 3, fields);
	form_init(&s->form, &settings_kind, NULL);
	for (i = 0; i < settings_kind.nfields; i++) {
		v = store_setting(app_store(a), fields[i].name);
		form_set(&s->form, i, v != NULL ? v : i == 0 ? i18n_lang_code() : defaults[i]);
		free(v);
	}
	return s;
}

static void
settings_done(void *state)
{
	struct settings *s = state;

	form_free(&s->form);
	free(s);
}

static void
settings_save(struct app *a, void *state)
{
	struct settings *s = state;
	const char *keys[3], *values[3];
	struct record r;
	struct error err = {"", -1};
	int i;

	record_init(&r, &settings_kind);
	if (!form_collect(&s->form, &r)) {
		record_free(&r);
		return;
	}
	for (i = 0; i < settings_kind.nfields; i++) {
		keys[i] = fields[i].name;
		values[i] = r.value[i];
	}
	/* The idle lock's limit for staff points at its field. */
	if (!setting_may(app_actor(a), keys[2], values[2], &err))
		error_field(&err, 2);
	if (err.field == 2 ||
	    !setting_set(app_store(a), app_actor(a), settings_kind.nfields, keys, values, &err)) {
		form_refuse(&s->form, &err);
		record_free(&r);
		return;
	}
	record_free(&r);
	app_apply_settings(a);
	app_message(a, "%s", _("Settings saved."));
	app_close(a);
}

static int
settings_key(struct app *a, void *state, struct key k, int act)
{
	struct settings *s = state;

	return form_screen_key(a, &s->form, k, act, settings_save, s);
}

static void
settings_draw(struct app *a, void *state)
{
	struct settings *s = state;
	const char *lang = _("Language given with --lang wins over this setting until kyodo "
	    "restarts.");
	char limit[256];
	int w = COLS - 3, y;

	snprintf(limit, sizeof limit, _("The idle lock: staff up to %d minutes, an administrator "
	    "up to %d."), SETTING_IDLE_STAFF_MAX, SETTING_IDLE_MAX);
	app_draw_title(a, _("Settings"));
	/* The notes sit above the message line, whole. */
	y = draw_lines() - 3 - draw_wrap_rows(limit, w) - draw_wrap_rows(lang, w);
	form_draw(a, &s->form, 2, y - 3 > 1 ? y - 3 : 1);
	y = draw_wrap(y, draw_lines() - 2, 2, w, limit, 0, ATTR_DIM);
	draw_wrap(y, draw_lines() - 2, 2, w, lang, 0, ATTR_DIM);
}

static const struct action_def *const *
settings_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_save, &act_cancel, &act_quit, &act_clear_text, &act_next_field,
		&act_prev_field, &act_choice, &act_edit_text, NULL,
	};

	(void)state;
	return acts;
}

const struct screen screen_settings = {
	.name = "settings",
	.init = settings_init,
	.free = settings_done,
	.key = settings_key,
	.draw = settings_draw,
	.actions = settings_actions,
};
