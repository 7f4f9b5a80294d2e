/*
 * settings — what staff may change at the kiosk: the language, ASCII lines
 * (for terminals that draw ─ or ● double) and the idle lock.  The fields
 * are a `struct kind` of their own, so the generic form edits and checks
 * them; they are saved with store_set_setting.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "store/store.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/form.h"

static const struct choice languages[] = {
	{"ja", N_("Japanese")},
	{"en", N_("English")},
	{NULL, NULL},
};

static const struct choice on_off[] = {
	{"0", N_("Off")},
	{"1", N_("On")},
	{NULL, NULL},
};

/* Field names are the setting keys. */
static const struct field fields[] = {
	{.name = "language", .label = N_("Language"), .type = FIELD_CHOICE, .required = true,
	    .choices = languages},
	{.name = "ascii_lines", .label = N_("ASCII lines"), .type = FIELD_CHOICE,
	    .required = true, .choices = on_off},
	{.name = "idle_minutes", .label = N_("Lock after (minutes idle)"), .type = FIELD_COUNT,
	    .required = true, .max = 240},
};

static bool
check(const struct record *r, struct error *err)
{
	if (r->value[2] != NULL && atol(r->value[2]) < 1) {
		error_set(err, _("%s: at least 1 minute."), field_label(&r->kind->fields[2]));
		error_field(err, 2);
		return false;
	}
	return true;
}

static const struct kind settings_kind = {
	.name = "settings", .table = "setting", .label = N_("Settings"),
	.fields = fields, .nfields = 3, .title = "language", .check = check,
};

static const char *const defaults[] = {NULL, "0", "10"};

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
	struct record r;
	struct error err;
	int i;

	record_init(&r, &settings_kind);
	if (!form_collect(&s->form, &r)) {
		record_free(&r);
		return;
	}
	for (i = 0; i < settings_kind.nfields; i++) {
		if (!store_set_setting(app_store(a), fields[i].name, r.value[i], &err)) {
			form_refuse(&s->form, &err);
			record_free(&r);
			return;
		}
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

	app_draw_title(a, _("Settings"));
	form_draw(a, &s->form, 2, LINES - 6);
	draw_text(LINES - 4, 2, COLS - 3, _("Language given with --lang wins over this "
	    "setting until kyodo restarts."), ATTR_DIM);
}

static const struct action_def *const *
settings_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_save, &act_cancel, &act_quit, &act_next_field, &act_prev_field,
		&act_choice, &act_edit_text, NULL,
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
