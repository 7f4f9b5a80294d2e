/*
 * synckey — public key files on the sync screen (see synckey.h).
 *
 * Three views under the folder, each left with one Esc: the files that
 * may be a key file (stick_key_files: small regular files), then at city
 * hall the center's code and name (from the file, to confirm or correct:
 * the code must be the file's, as `kyodo center add` requires), then both
 * fingerprints and the question.  A file that is not exactly a key file is
 * refused whole with the reader's sentence, never quoted.
 */
#include "synckey.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "synccity.h"
#include "tui/draw.h"

const struct action_def act_sync_key_city = {
	ACT_SYNC_KEY, "F4", N_("City's key"),
	N_("Administrator: register the city's key from its file on the chosen stick (asks)."),
	{ACT_KEY_CODE(KEY_F(4))},
};

const struct action_def act_sync_key_center = {
	ACT_SYNC_KEY, "F4", N_("Enroll center"),
	N_("Administrator: enroll a center from its key file on the chosen stick (asks)."),
	{ACT_KEY_CODE(KEY_F(4))},
};

void
synckey_init(struct syncpage *y)
{
	lineedit_init(&y->key_code, NULL, 16);
	lineedit_init(&y->key_name, NULL, KEYS_NAME_CHARS);
}

void
synckey_free(struct syncpage *y)
{
	stick_free(y->keyfiles, y->nkeyfiles);
	y->nkeyfiles = 0;
	lineedit_free(&y->key_code);
	lineedit_free(&y->key_name);
}

int
synckey_open(struct app *a, struct syncpage *y)
{
	struct error err;
	int n;

	if (app_actor(a)->role != ROLE_ADMIN) {
		app_error(a, "%s", y->city ? _("Only an administrator enrolls a center; ask one to "
		    "sign in.") : _("Only an administrator registers the city's key; ask one to sign "
		    "in."));
		return RES_HANDLED | RES_REDRAW;
	}
	stick_free(y->keyfiles, y->nkeyfiles);
	y->nkeyfiles = 0;
	n = stick_key_files(y->folder, KEYS_FILE_MAX, y->keyfiles, &err);
	if (n < 0) {
		app_error(a, "%s", err.text);
		return RES_HANDLED | RES_REDRAW;
	}
	y->nkeyfiles = n;
	syncpage_go(y, SYNCPAGE_KEYS);
	return RES_HANDLED | RES_REDRAW;
}

/* y/n on the check view: enrolled, then where the key is used. */
static void
synckey_yes(struct app *a, void *ctx)
{
	struct syncpage *y = ctx;
	struct error err;

	if (!keys_enrol(app_store(a), app_actor(a), &y->key, y->key_exists, &err)) {
		app_error(a, "%s", err.text);
		return;
	}
	syncpage_load_info(a, y);
	if (!y->city) {
		app_message(a, _("Registered the city's key %s."), y->key_fp);
		syncpage_go(y, SYNCPAGE_FOLDER);
		syncpage_scan_files(a, y);
		return;
	}
	/* The list of centers, with the new one in it. */
	syncpage_go(y, SYNCPAGE_FOLDER);
	synccity_open_centers(a, y);
	app_message(a, _("Enrolled %s (%s) with the key %s."), y->key.code, y->key.name,
	    y->key_fp);
}

static void
ask(struct app *a, struct syncpage *y)
{
	char q[512];

	/* The fingerprint is in the question too: the message line is never
	 * cut, where a small screen hides the view's rows. */
	if (!y->city)
		snprintf(q, sizeof q, y->key_exists ? _("Replace the city's key registered here "
		    "with the key %s? (y/n)") : _("Register the key %s as the city's? (y/n)"),
		    y->key_fp);
	else
		snprintf(q, sizeof q, y->key_exists ? _("Replace the key of %s (%s) with the key %s? "
		    "(y/n)") : _("Enroll %s (%s) with the key %s? (y/n)"), y->key.code, y->key.name,
		    y->key_fp);
	app_confirm(a, q, synckey_yes, y);
}

/* The check view, and the question. */
static int
to_check(struct app *a, struct syncpage *y)
{
	y->key_exists = keys_peer(app_store(a), y->key.code, &y->key_old, NULL);
	keys_fingerprint(&y->key, y->key_fp);
	if (y->key_exists)
		keys_fingerprint(&y->key_old, y->key_old_fp);
	if (y->key_exists && strcmp(y->key_fp, y->key_old_fp) == 0 &&
	    (y->city ? strcmp(y->key.name, y->key_old.name) == 0 : true)) {
		app_message(a, "%s", y->city ? _("This center is enrolled with this key already.") :
		    _("The city's key is registered here already."));
		return RES_HANDLED | RES_REDRAW;
	}
	syncpage_go(y, SYNCPAGE_KEYCHECK);
	ask(a, y);
	return RES_HANDLED | RES_REDRAW;
}

static int
choose_file(struct app *a, struct syncpage *y)
{
	char path[PATH_MAX + 256], *shown;
	struct error err;

	if (y->cur >= y->nkeyfiles)
		return RES_HANDLED;
	snprintf(y->keyfile, sizeof y->keyfile, "%s", y->keyfiles[y->cur]);
	snprintf(path, sizeof path, "%s/%s", y->folder, y->keyfile);
	if (!keys_read_file(path, &y->key, &err)) {
		app_error(a, "%s", err.text);
		return RES_HANDLED | RES_REDRAW;
	}
	/* The file's name is from outside: shown only made visible. */
	if (y->city == (strcmp(y->key.code, "city") == 0)) {
		shown = text_visible(y->keyfile);
		if (y->city)
			app_error(a, _("%s is city hall's own key, not a center's."), shown);
		else
			app_error(a, _("%s is the key of %s, not of the city."), shown, y->key.code);
		free(shown);
		return RES_HANDLED | RES_REDRAW;
	}
	if (!y->city)
		return to_check(a, y);
	lineedit_set(&y->key_code, y->key.code);
	lineedit_set(&y->key_name, y->key.name);
	syncpage_go(y, SYNCPAGE_KEYFORM);
	y->cur = 1;
	return RES_HANDLED | RES_REDRAW;
}

/* The code and name typed: checked as `kyodo center add` checks them. */
static int
form_done(struct app *a, struct syncpage *y)
{
	char *code = text_trim(lineedit_text(&y->key_code)), *name, *shown;
	struct error err;
	int res = RES_HANDLED | RES_REDRAW;

	if (!keys_code_check(code, &err)) {
		app_error(a, "%s", err.text);
	} else if (strcmp(code, y->key.code) != 0) {
		shown = text_visible(y->keyfile);
		app_error(a, _("%s is the key of %s, not of %s."), shown, y->key.code, code);
		free(shown);
	} else if ((name = keys_name_check(lineedit_text(&y->key_name), &err)) == NULL) {
		app_error(a, "%s", err.text);
	} else {
		snprintf(y->key.name, sizeof y->key.name, "%s", name);
		free(name);
		res = to_check(a, y);
	}
	free(code);
	return res;
}

static int
form_key(struct app *a, struct syncpage *y, struct key k, int act)
{
	struct lineedit *e = y->cur == 0 ? &y->key_code : &y->key_name;

	if (act == ACT_CHOOSE)
		return y->cur == 0 ? (y->cur = 1, RES_HANDLED | RES_REDRAW) : form_done(a, y);
	if (k.code && (k.ch == KEY_UP || k.ch == KEY_DOWN || k.ch == KEY_BTAB)) {
		y->cur = k.ch == KEY_UP || k.ch == KEY_BTAB ? 0 : 1;
		return RES_HANDLED | RES_REDRAW;
	}
	if (!k.code && k.ch == '\t') {
		y->cur = 1 - y->cur;
		return RES_HANDLED | RES_REDRAW;
	}
	if (lineedit_key(e, k.ch, k.code) == LINEEDIT_IGNORED)
		return 0;
	return RES_HANDLED | RES_REDRAW;
}

int
synckey_key(struct app *a, struct syncpage *y, struct key k, int act)
{
	if (act == ACT_BACK) {
		/* One level up: the check goes back to what led to it. */
		if (y->view == SYNCPAGE_KEYCHECK && y->city) {
			syncpage_go(y, SYNCPAGE_KEYFORM);
			y->cur = 1;
		} else if (y->view == SYNCPAGE_KEYS) {
			syncpage_go(y, SYNCPAGE_FOLDER);
			syncpage_scan_files(a, y);
		} else {
			return synckey_open(a, y);
		}
		return RES_HANDLED | RES_REDRAW;
	}
	switch (y->view) {
	case SYNCPAGE_KEYS:
		if (act == ACT_CHOOSE)
			return choose_file(a, y);
		return syncpage_move(y, k);
	case SYNCPAGE_KEYFORM:
		return form_key(a, y, k, act);
	case SYNCPAGE_KEYCHECK:
		if (act == ACT_CHOOSE) {
			ask(a, y);
			return RES_HANDLED | RES_REDRAW;
		}
		return 0;
	default:
		return 0;
	}
}

/* ---- drawing ---- */

static void
draw_keys(struct syncpage *y, int row, int rows)
{
	int i, end = SYNCPAGE_HEAD_ROWS + 1 + rows;
	char *shown;

	row = draw_wrap(row, end, 1, COLS - 2, y->city ? _("Choose the center's key file:") :
	    _("Choose the city's key file:"), 0, ATTR_HEADER);
	syncpage_keep_visible(y, end - row);
	for (i = y->top; i < y->nkeyfiles && row < end; i++, row++) {
		shown = text_visible(y->keyfiles[i]);
		syncpage_draw_row(row, shown, i == y->cur, ATTR_NORMAL);
		free(shown);
	}
	if (y->nkeyfiles == 0 && row < end)
		draw_wrap(row, end, 2, COLS - 3, _("No key file in this folder. The key file is "
		    "written by the other side's kyodo; copy it onto the stick."), 0, ATTR_DIM);
}

static void
draw_field(struct app *a, int row, const char *label, struct lineedit *e, bool on)
{
	int x = 2 + draw_text(row, 2, COLS - 3, label, on ? ATTR_SELECTED : ATTR_HEADER) + 1, w,
	    col;

	w = COLS - x - 1;
	if (w < 1)
		return;
	draw_fill(row, x, w, ATTR_INPUT);
	col = lineedit_view(e, w);
	draw_text(row, x, w, lineedit_text(e) + e->first, ATTR_INPUT);
	if (on)
		app_cursor(a, row, x + col);
}

static void
draw_form(struct app *a, struct syncpage *y, int row, int rows)
{
	int end = SYNCPAGE_HEAD_ROWS + 1 + rows;
	char *shown = text_visible(y->keyfile), head[512];

	snprintf(head, sizeof head, _("Enroll the center in %s: check its code and name."), shown);
	free(shown);
	row = draw_wrap(row, end, 1, COLS - 2, head, 0, ATTR_HEADER);
	if (row < end)
		draw_field(a, row++, _("Code:"), &y->key_code, y->cur == 0);
	if (row < end)
		draw_field(a, row++, _("Name:"), &y->key_name, y->cur == 1);
	if (row < end)
		draw_wrap(row, end, 2, COLS - 3, _("The code is the one in the key file; the name is "
		    "how city hall's screens show the center."), 0, ATTR_DIM);
}

static void
draw_check(struct syncpage *y, int row, int rows)
{
	int end = SYNCPAGE_HEAD_ROWS + 1 + rows;
	char *shown = text_visible(y->keyfile), head[512], who[256];

	if (y->city) {
		snprintf(who, sizeof who, "%s (%s)", y->key.code, y->key.name);
		snprintf(head, sizeof head, _("The key of %s in %s:"), who, shown);
	} else {
		snprintf(head, sizeof head, _("The city's key in %s:"), shown);
	}
	free(shown);
	row = draw_wrap(row, end, 1, COLS - 2, head, 0, ATTR_HEADER);
	/* Both fingerprints whole, one under the other, to read aloud. */
	if (row < end)
		row = syncpage_draw_fingerprint(row, _("Its fingerprint:"), y->key_fp);
	if (row < end)
		row = syncpage_draw_fingerprint(row, _("This store's fingerprint:"), y->fingerprint);
	if (y->key_exists && row < end)
		row = syncpage_draw_fingerprint(row, _("Registered now:"), y->key_old_fp);
	if (row < end)
		draw_wrap(row, end, 2, COLS - 3, _("Read the fingerprint to the other side over the "
		    "phone; register it only when theirs is the same."), 0, ATTR_DIM);
}

void
synckey_draw(struct app *a, struct syncpage *y, int row, int rows)
{
	if (y->view == SYNCPAGE_KEYS)
		draw_keys(y, row, rows);
	else if (y->view == SYNCPAGE_KEYFORM)
		draw_form(a, y, row, rows);
	else
		draw_check(y, row, rows);
}
