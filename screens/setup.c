/*
 * setup — the kiosk started on a data file that does not exist yet: the
 * first screen of a new terminal.  It asks what the store is for (a
 * citizen center, with its code and name, or city hall) and makes it;
 * then the first start asks for the first administrator (signin.c).  The
 * same rules as `kyodo init` (sync/keys: the code names the monthly
 * files, the name shows on every screen).  The city's key is registered
 * later on the sync screen, from the stick.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "screens.h"
#include "store/store.h"
#include "sync/keys.h"
#include "tui/draw.h"
#include "tui/form.h"

enum { F_KIND, F_CODE, F_NAME, NFIELDS };

static const struct choice store_kinds[] = {
	{"center", N_("Citizen center")},
	{"city", N_("City hall")},
	{NULL, NULL},
};

static const struct field fields[NFIELDS] = {
	{.name = "kind", .label = N_("Kind"), .type = FIELD_CHOICE,
	    .required = true, .choices = store_kinds, .dflt = "center"},
	{.name = "code", .label = N_("Center code"), .type = FIELD_TEXT, .max = 16},
	{.name = "name", .label = N_("Official name"), .type = FIELD_TEXT, .required = true,
	    .max = KEYS_NAME_CHARS},
};

static const struct kind setup_kind = {
	.name = "setup", .table = "identity", .label = N_("New data file"),
	.fields = fields, .nfields = NFIELDS, .title = "name",
};

struct setup {
	struct form form;
};

static void *
setup_init(struct app *a, const void *arg)
{
	struct setup *s = xcalloc(1, sizeof *s);

	(void)a;
	(void)arg;
	form_init(&s->form, &setup_kind, NULL);
	form_set(&s->form, F_KIND, "center");
	return s;
}

static void
setup_done(void *state)
{
	struct setup *s = state;

	form_free(&s->form);
	free(s);
}

static void
setup_save(struct app *a, void *state)
{
	struct setup *s = state;
	struct record r;
	struct error err = {"", -1};
	struct store *made;
	bool city;
	char *name = NULL;

	record_init(&r, &setup_kind);
	if (!form_collect(&s->form, &r)) {
		record_free(&r);
		return;
	}
	city = strcmp(r.value[F_KIND], "city") == 0;
	if (!city && r.value[F_CODE] == NULL) {
		error_set(&err, _("%s: required for a citizen center (the city tells you yours, "
		    "e.g. mashiba)."), _("Center code"));
		error_field(&err, F_CODE);
	} else if (!city && !keys_code_check(r.value[F_CODE], &err)) {
		error_field(&err, F_CODE);
	} else if ((name = keys_name_check(r.value[F_NAME], &err)) == NULL) {
		error_field(&err, F_NAME);
	} else if ((made = store_create(app_store_path(a), city ? STORE_CITY : STORE_CENTER,
	    city ? NULL : r.value[F_CODE], name, &err)) != NULL) {
		app_message(a, _("Made the data file of %s. Now the first administrator."),
		    store_name(made));
		free(name);
		record_free(&r);
		app_take_store(a, made);
		return;
	}
	free(name);
	record_free(&r);
	form_refuse(&s->form, &err);
}

static int
setup_key(struct app *a, void *state, struct key k, int act)
{
	struct setup *s = state;

	return form_screen_key(a, &s->form, k, act, setup_save, s);
}

static void
setup_draw(struct app *a, void *state)
{
	struct setup *s = state;
	char where[1024];
	const char *about = _("This terminal has no data file yet. Say what it is for and its "
	    "name, then press F2: kyodo makes the file and asks for the first administrator. A "
	    "center's code is its short name in the monthly files (2 to 16 of a-z, 0-9 and -); "
	    "city hall gives it. City hall's key is registered later on the sync screen.");
	int w = COLS - 3, y;

	app_draw_title(a, _("New data file"));
	y = draw_wrap(2, draw_lines() - 2, 2, w, about, 0, ATTR_NORMAL) + 1;
	snprintf(where, sizeof where, _("Data file: %s"), app_store_path(a));
	y = draw_wrap(y, draw_lines() - 2, 2, w, where, 0, ATTR_DIM) + 1;
	form_draw(a, &s->form, y, draw_lines() - 2 - y);
}

/* Esc has nowhere to go back to: F10 leaves (after asking). */
static const struct action_def *const *
setup_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_save, &act_quit, &act_clear_text, &act_next_field,
		&act_prev_field, &act_choice, &act_edit_text, NULL,
	};

	(void)state;
	return acts;
}

const struct screen screen_setup = {
	.name = "setup",
	.init = setup_init,
	.free = setup_done,
	.key = setup_key,
	.draw = setup_draw,
	.actions = setup_actions,
};
