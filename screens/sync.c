/*
 * sync — the monthly file on the USB stick, at a center and at city hall.
 *
 * One screen, three steps: choose the stick (the writable mount points
 * under /media and /run/media, or a folder typed in), then, in that folder,
 * export this store's file (a center's to the city; the city's to every
 * center or to one) or import the files addressed here, then read what
 * happened.  Above the steps: this store's key fingerprint (staff read it
 * to the other side over the phone), the last export and import from the
 * sync log, and a warning when the store has moved to another machine
 * (export is then refused by the core until an administrator accepts the
 * machine here).
 *
 * This file is the screen: its keys and drawing, the sticks and the
 * folder, a center's export and the machine's acceptance.  What the views
 * share, the head and the work under a progress bar: syncpage.c.  Imports:
 * syncimport.c.  City hall's centers list, its exports and taking every
 * file at once: synccity.c.
 *
 * "Safe to remove the stick" is said only when sync_export returned true:
 * the file was written, read back and compared, and renamed into place.
 *
 * Key files from the stick (the city's at a center, a center's at city
 * hall): synckey.c.
 *
 * Esc goes up one level in one press (result → folder → sticks → away);
 * the folder typed in is cleared with Ctrl-U, not Esc.  The folder last
 * chosen is kept (sync_last_folder for the session, the store's
 * "sync_folder" setting across restarts) and is under the cursor the next
 * time the sticks are shown.
 *
 * Where sticks are and which files on one are addressed here: sync/stick.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "base/text.h"
#include "screens.h"
#include "sync/keys.h"
#include "sync/sync.h"
#include "synccity.h"
#include "syncimport.h"
#include "synckey.h"
#include "syncpage.h"
#include "sync/synclog.h"
#include "tui/draw.h"

static const struct action_def act_import = {
	ACT_IMPORT, "Enter", N_("Import"), N_("Check the chosen file and apply it."),
	{ACT_KEYS_ENTER},
};

static const struct action_def act_import_all = {
	ACT_IMPORT_ALL, "F3", N_("Import all"),
	N_("Check and apply every file here addressed to this store."), {ACT_KEY_CODE(KEY_F(3))},
};

static const struct action_def act_accept_machine = {
	ACT_ACCEPT_MACHINE, "F7", N_("Accept machine"),
	N_("Administrator: accept this machine after a move (asks)."), {ACT_KEY_CODE(KEY_F(7))},
};

/* The folder last chosen in this session (the store keeps it too). */
static char sync_last_folder[PATH_MAX];

/* ---- the sticks ---- */

/* Finds the sticks again; true when the list changed. */
static bool
scan_sticks(struct syncpage *y)
{
	char *found[STICK_MAX];
	int n = stick_find(found, STICK_MAX), i;
	bool changed = n != y->nsticks;

	for (i = 0; !changed && i < n; i++)
		changed = strcmp(found[i], y->sticks[i]) != 0;
	if (!changed) {
		stick_free(found, n);
		return false;
	}
	stick_free(y->sticks, y->nsticks);
	memcpy(y->sticks, found, (size_t)n * sizeof found[0]);
	y->nsticks = n;
	if (y->view == SYNCPAGE_STICKS && y->cur > n)
		y->cur = n;
	return true;
}

/* ---- a center's export ---- */

static void
export_center(struct app *a, struct syncpage *y)
{
	struct sync_progress p = {syncpage_progress, y};
	char path[PATH_MAX], why[512];
	struct error err;

	linelog_clear(&y->lines);
	syncpage_work_begin(y, _("Writing the file for city hall to %s"), y->folder);
	if (sync_export(app_store(a), app_actor(a), "city", y->folder, path, &p, &err)) {
		linelog_add(&y->lines, ATTR_NORMAL, _("Written and checked: %s"), path);
		linelog_add(&y->lines, ATTR_NOTICE, "%s", _("The file is on the stick and checked: it "
		    "is safe to remove the stick."));
	} else {
		linelog_add(&y->lines, ATTR_ERROR, _("Not written: %s"),
		    syncpage_export_why(a, &err, why, sizeof why));
	}
	syncpage_show_result(a, y);
}

/* ---- the machine ---- */

static void
accept_yes(struct app *a, void *ctx)
{
	struct syncpage *y = ctx;
	struct error err;

	if (keys_accept_machine(app_store(a), app_actor(a), &err))
		app_message(a, "%s", _("This machine is now the store's own."));
	else
		app_error(a, "%s", err.text);
	syncpage_load_info(a, y);
}

static int
ask_accept(struct app *a, struct syncpage *y)
{
	char q[512];

	if (y->same_machine)
		return RES_HANDLED;
	if (app_actor(a)->role != ROLE_ADMIN) {
		app_error(a, "%s", _("Only an administrator can accept this machine; ask one to sign "
		    "in."));
		return RES_HANDLED | RES_REDRAW;
	}
	snprintf(q, sizeof q, _("Accept this machine as %s's kiosk? (y/n)"),
	    store_name(app_store(a)));
	app_confirm(a, q, accept_yes, y);
	return RES_HANDLED | RES_REDRAW;
}

/* The cursor on the folder last chosen: its stick, else the typed row. */
static void
sync_recall_folder(struct app *a, struct syncpage *y)
{
	char *saved = NULL;
	const char *f = sync_last_folder;
	struct stat st;
	int i;

	if (f[0] == '\0')
		f = saved = synclog_folder(app_store(a));
	if (f == NULL || f[0] == '\0') {
		free(saved);
		return;
	}
	for (i = 0; i < y->nsticks; i++)
		if (strcmp(y->sticks[i], f) == 0) {
			y->cur = i;
			break;
		}
	if (i == y->nsticks && stat(f, &st) == 0 && S_ISDIR(st.st_mode)) {
		lineedit_set(&y->typed, f);
		y->cur = y->nsticks;
	}
	free(saved);
}

/* ---- the screen ---- */

static void *
sync_init(struct app *a, const void *arg)
{
	struct syncpage *y = xcalloc(1, sizeof *y);

	(void)arg;
	y->app = a;
	y->city = store_kind(app_store(a)) == STORE_CITY;
	lineedit_init(&y->typed, NULL, 1000);
	synckey_init(y);
	syncpage_load_info(a, y);
	scan_sticks(y);
	sync_recall_folder(a, y);
	return y;
}

static void
sync_done(void *state)
{
	struct syncpage *y = state;

	stick_free(y->sticks, y->nsticks);
	lineedit_free(&y->typed);
	synckey_free(y);
	free(y->files);
	free(y->centers);
	linelog_clear(&y->lines);
	free(y);
}

static void
sync_enter(struct app *a, void *state)
{
	struct syncpage *y = state;

	syncpage_load_info(a, y);
	if (y->view == SYNCPAGE_STICKS)
		scan_sticks(y);
	else
		syncpage_scan_files(a, y);
}

static int
sync_tick(struct app *a, void *state)
{
	struct syncpage *y = state;

	if (y->view == SYNCPAGE_STICKS)
		return scan_sticks(y) ? RES_REDRAW : 0;
	if (y->view == SYNCPAGE_FOLDER)
		return syncpage_scan_files(a, y) ? RES_REDRAW : 0;
	return 0;
}

static int
choose_folder(struct app *a, struct syncpage *y)
{
	struct stat st;
	char *typed = NULL;
	const char *path;

	if (y->cur < y->nsticks) {
		path = y->sticks[y->cur];
	} else {
		typed = text_trim(lineedit_text(&y->typed));
		path = typed;
		if (path[0] == '\0') {
			app_error(a, "%s", _("Type the folder's path first."));
			free(typed);
			return RES_HANDLED | RES_REDRAW;
		}
		if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
			app_error(a, _("%s is not a folder (is the stick plugged in?)."), path);
			free(typed);
			return RES_HANDLED | RES_REDRAW;
		}
	}
	snprintf(y->folder, sizeof y->folder, "%s", path);
	free(typed);
	snprintf(sync_last_folder, sizeof sync_last_folder, "%s", y->folder);
	/* A store that cannot be written still syncs; only the memory is lost. */
	synclog_set_folder(app_store(a), y->folder, NULL);
	syncpage_go(y, SYNCPAGE_FOLDER);
	y->nfiles = -1;
	syncpage_scan_files(a, y);
	return RES_HANDLED | RES_REDRAW;
}

static int
sticks_key(struct app *a, struct syncpage *y, struct key k, int act)
{
	bool on_typed = y->cur == y->nsticks;

	/* Esc leaves at once, typed text or not (Ctrl-U clears it). */
	if (act == ACT_BACK)
		return RES_POP;
	if (act == ACT_CHOOSE)
		return choose_folder(a, y);
	if (act == ACT_CLEAR_TEXT) {
		lineedit_set(&y->typed, "");
		y->cur = y->nsticks;
		return RES_HANDLED | RES_REDRAW;
	}
	if (k.code && (k.ch == KEY_UP || k.ch == KEY_DOWN || k.ch == KEY_PPAGE ||
	    k.ch == KEY_NPAGE || (!on_typed && (k.ch == KEY_HOME || k.ch == KEY_END))))
		return syncpage_move(y, k);
	/* Typing goes to the folder row, wherever the cursor was. */
	if (!on_typed && (k.code || k.ch < 0x20 || k.ch == 0x7F))
		return 0;
	if (lineedit_key(&y->typed, k.ch, k.code) == LINEEDIT_IGNORED)
		return 0;
	y->cur = y->nsticks;
	return RES_HANDLED | RES_REDRAW;
}

static int
folder_key(struct app *a, struct syncpage *y, struct key k, int act)
{
	if (act == ACT_BACK) {
		syncpage_go(y, SYNCPAGE_STICKS);
		scan_sticks(y);
		return RES_HANDLED | RES_REDRAW;
	}
	if (act == ACT_EXPORT) {
		if (!y->city) {
			export_center(a, y);
			return RES_HANDLED | RES_REDRAW;
		}
		return synccity_open_centers(a, y);
	}
	if (act == ACT_SYNC_KEY)
		return synckey_open(a, y);
	if (act == ACT_IMPORT && y->nfiles > 0) {
		syncimport_one(a, y);
		return RES_HANDLED | RES_REDRAW;
	}
	if (act == ACT_IMPORT_ALL && y->nfiles > 0) {
		synccity_import_all(a, y);
		return RES_HANDLED | RES_REDRAW;
	}
	return syncpage_move(y, k);
}

static int
sync_key(struct app *a, void *state, struct key k, int act)
{
	struct syncpage *y = state;

	if (act == ACT_ACCEPT_MACHINE)
		return ask_accept(a, y);
	switch (y->view) {
	case SYNCPAGE_STICKS:
		return sticks_key(a, y, k, act);
	case SYNCPAGE_FOLDER:
		return folder_key(a, y, k, act);
	case SYNCPAGE_CENTERS:
		return synccity_centers_key(a, y, k, act);
	case SYNCPAGE_RESULT:
		if (act == ACT_BACK) {
			syncpage_go(y, SYNCPAGE_FOLDER);
			syncpage_scan_files(a, y);
			return RES_HANDLED | RES_REDRAW;
		}
		return syncpage_scroll_result(y, k);
	case SYNCPAGE_KEYS:
	case SYNCPAGE_KEYFORM:
	case SYNCPAGE_KEYCHECK:
		return synckey_key(a, y, k, act);
	}
	return 0;
}

/* ---- drawing ---- */

static void
draw_sticks(struct app *a, struct syncpage *y, int row, int rows)
{
	const char *label = _("Folder:");
	int i, x, w, col, end = SYNCPAGE_HEAD_ROWS + 1 + rows;

	draw_text(row++, 1, COLS - 2, _("Choose the USB stick, or type the folder's path:"),
	    ATTR_HEADER);
	syncpage_keep_visible(y, rows);
	for (i = y->top; i < y->nsticks && row < end; i++, row++)
		syncpage_draw_row(row, y->sticks[i], i == y->cur, ATTR_NORMAL);
	if (y->nsticks == 0 && y->top == 0 && rows > 1)
		row = draw_wrap(row, SYNCPAGE_HEAD_ROWS + rows, 2, COLS - 3, _("No USB stick found: "
		    "plug one in (the list follows), or type a folder below."), 0, ATTR_DIM);
	if (row >= end)
		return;
	if (y->cur == y->nsticks)
		draw_fill(row, 0, COLS, ATTR_SELECTED);
	x = 2 + draw_text(row, 2, COLS - 3, label, y->cur == y->nsticks ? ATTR_SELECTED :
	    ATTR_HEADER) + 1;
	w = COLS - x - 1;
	if (w < 1)
		return;
	draw_fill(row, x, w, ATTR_INPUT);
	col = lineedit_view(&y->typed, w);
	draw_text(row, x, w, lineedit_text(&y->typed) + y->typed.first, ATTR_INPUT);
	if (y->cur == y->nsticks)
		app_cursor(a, row, x + col);
}

static void
draw_folder(struct syncpage *y, int row, int rows)
{
	char head[PATH_MAX + 64], text[512];
	int i, end = SYNCPAGE_HEAD_ROWS + 1 + rows;

	snprintf(head, sizeof head, _("Folder: %s"), y->folder);
	draw_text(row++, 1, COLS - 2, head, ATTR_HEADER);
	if (y->folder_err[0] != '\0') {
		draw_wrap(row, end, 2, COLS - 3, y->folder_err, 0, ATTR_ERROR);
		return;
	}
	syncpage_keep_visible(y, rows);
	for (i = y->top; i < y->nfiles && row < end; i++, row++) {
		if (y->files[i].taken[0] != '\0')
			snprintf(text, sizeof text, _("%s  from %s  (imported %s)"), y->files[i].f.name,
			    y->files[i].f.sender, y->files[i].taken);
		else
			snprintf(text, sizeof text, _("%s  from %s"), y->files[i].f.name,
			    y->files[i].f.sender);
		syncpage_draw_row(row, text, i == y->cur, ATTR_NORMAL);
	}
	if (y->nfiles == 0 && row < end)
		row = draw_wrap(row, end, 2, COLS - 3, y->city ? _("No file addressed to city hall "
		    "here. F2 writes the files for the centers.") : _("No file addressed to this "
		    "center here. F2 writes this center's file for city hall."), 0, ATTR_DIM);
	if (y->nother > 0 && row < end) {
		snprintf(text, sizeof text, P_("%d other kyodo file here is not addressed to this "
		    "store.", "%d other kyodo files here are not addressed to this store.",
		    (unsigned long)y->nother), y->nother);
		draw_wrap(row, end, 2, COLS - 3, text, 0, ATTR_DIM);
	}
}

static void
sync_draw(struct app *a, void *state)
{
	struct syncpage *y = state;
	int rows = syncpage_list_rows();

	syncpage_draw_head(a, y);
	if (y->working)
		syncpage_draw_working(y, SYNCPAGE_HEAD_ROWS);
	else if (y->view == SYNCPAGE_STICKS)
		draw_sticks(a, y, SYNCPAGE_HEAD_ROWS, rows);
	else if (y->view == SYNCPAGE_FOLDER)
		draw_folder(y, SYNCPAGE_HEAD_ROWS, rows);
	else if (y->view == SYNCPAGE_CENTERS)
		synccity_draw_centers(y, SYNCPAGE_HEAD_ROWS, rows);
	else if (y->view >= SYNCPAGE_KEYS)
		synckey_draw(a, y, SYNCPAGE_HEAD_ROWS, rows);
	else
		syncpage_draw_result(y, SYNCPAGE_HEAD_ROWS, rows);
}

static const struct action_def *const no_actions[] = {NULL};

/* The actions offered now: what the view can do, and the machine's
 * acceptance only while the store is on a machine it was not made on. */
static const struct action_def *const *
sync_actions(void *state)
{
	struct syncpage *y = state;
	const struct action_def **o = y->acts;
	int n = 0;

	if (y->working)
		return no_actions;
	o[n++] = &act_help;
	if (y->view == SYNCPAGE_STICKS) {
		o[n++] = &act_choose;
		o[n++] = &act_clear_text;
	} else if (y->view == SYNCPAGE_FOLDER) {
		o[n++] = &act_export;
		if (y->nfiles > 0)
			o[n++] = &act_import;
		if (y->nfiles > 0 && y->city)
			o[n++] = &act_import_all;
		o[n++] = y->city ? &act_sync_key_center : &act_sync_key_city;
	} else if (y->view == SYNCPAGE_KEYS || y->view == SYNCPAGE_KEYFORM ||
	    y->view == SYNCPAGE_KEYCHECK) {
		o[n++] = &act_choose;
		if (y->view == SYNCPAGE_KEYFORM)
			o[n++] = &act_clear_text;
	} else if (y->view == SYNCPAGE_CENTERS) {
		o[n++] = &act_choose;
		o[n++] = &act_export;
	}
	if (!y->same_machine && y->view != SYNCPAGE_RESULT)
		o[n++] = &act_accept_machine;
	n = keys_append(o, n, 16, keys_list_tail);
	if (y->view == SYNCPAGE_RESULT)
		o[n++] = &act_page;
	if (y->view == SYNCPAGE_STICKS || y->view == SYNCPAGE_KEYFORM)
		o[n++] = &act_edit_text;
	o[n] = NULL;
	return o;
}

const struct screen screen_sync = {
	.name = "sync",
	.init = sync_init,
	.free = sync_done,
	.enter = sync_enter,
	.key = sync_key,
	.draw = sync_draw,
	.tick = sync_tick,
	.actions = sync_actions,
};
