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
 * Export and import block while they run.  The app's loop is waiting for
 * them, so the core's progress callback draws the whole screen with the
 * bar and refreshes the terminal itself.  "Safe to remove the stick" is
 * said only when sync_export returned true: the file was written, read
 * back and compared, and renamed into place.
 *
 * Where sticks are and which files on one are addressed here: core/stick.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "domain/grantbook.h"
#include "base/i18n.h"
#include "sync/keys.h"
#include "sync/stick.h"
#include "sync/sync.h"
#include "sync/synclog.h"
#include "base/text.h"
#include "base/wrap.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/fmt.h"
#include "tui/lineedit.h"

#define CENTERS_MAX 256
#define HEAD_ROWS 6	/* title, fingerprint, last export, last import, warning, line */
#define BAR_MAX 50

enum view { V_STICKS, V_FOLDER, V_CENTERS, V_RESULT };

struct file {
	struct stick_file f;
	char taken[17];		/* when it was imported here, local; "" if never */
};

struct center {
	char code[17];
	char name[128];
};

struct line {
	char *text;
	enum tui_attr attr;
};

struct sync {
	struct app *app;
	enum view view;
	bool city;
	/* What the head shows. */
	char fingerprint[32];
	bool same_machine, peer_key;
	bool has_export, has_import;
	struct synclog_entry last_export, last_import;
	char info_err[512];
	/* Step 1: the sticks, and a folder typed in (the row after them). */
	char *sticks[STICK_MAX];
	int nsticks;
	struct lineedit typed;
	/* Step 2: the folder chosen and the files in it addressed here. */
	char folder[PATH_MAX];
	struct file *files;
	int nfiles, nother;
	char folder_err[512];
	/* At city hall: the centers to export for (row 0: all of them). */
	struct center *centers;
	int ncenters;
	/* Step 3: what happened. */
	struct line *lines;
	int nlines;
	/* The list under the cursor in the current view. */
	int cur, top;
	/* Work in progress, drawn by the progress callback; kept after. */
	bool working;
	char work_title[PATH_MAX + 64];
	char work_what[128];
	long work_done, work_total;
	bool bar_shown;
	enum action acts[16];	/* what actions() returns */
};

/* ---- the sticks and the folder ---- */

/* Finds the sticks again; true when the list changed. */
static bool
scan_sticks(struct sync *y)
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
	if (y->view == V_STICKS && y->cur > n)
		y->cur = n;
	return true;
}

/* Reads the folder again; true when what it shows changed. */
static bool
scan_files(struct app *a, struct sync *y)
{
	struct stick_file *found;
	struct synclog_entry e;
	struct error err;
	struct file *files = NULL;
	char why[512] = "";
	int n, other, i;
	bool changed;

	n = stick_files(y->folder, store_origin(app_store(a)), &found, &other, &err);
	if (n < 0) {
		snprintf(why, sizeof why, "%s", err.text);
		n = 0;
	}
	if (n > 0)
		files = xcalloc((size_t)n, sizeof *files);
	for (i = 0; i < n; i++) {
		files[i].f = found[i];
		if (synclog_imported(app_store(a), found[i].name, &e, NULL) == 1)
			synclog_local_time(e.at, files[i].taken, sizeof files[i].taken);
	}
	free(found);
	changed = n != y->nfiles || other != y->nother || strcmp(why, y->folder_err) != 0 ||
	    (n > 0 && memcmp(files, y->files, (size_t)n * sizeof *files) != 0);
	free(y->files);
	y->files = files;
	y->nfiles = n;
	y->nother = other;
	snprintf(y->folder_err, sizeof y->folder_err, "%s", why);
	if (y->view == V_FOLDER && y->cur >= n)
		y->cur = n > 0 ? n - 1 : 0;
	return changed;
}

/* ---- the head: key, log, machine ---- */

static void
load_info(struct app *a, struct sync *y)
{
	struct store *s = app_store(a);
	struct public_key k;
	struct error err;

	y->info_err[0] = '\0';
	y->fingerprint[0] = '\0';
	if (keys_own(s, &k, &err))
		keys_fingerprint(&k, y->fingerprint);
	else
		snprintf(y->info_err, sizeof y->info_err, "%s", err.text);
	y->same_machine = keys_same_machine(s);
	y->peer_key = y->city || keys_peer(s, "city", &k, NULL);
	y->has_export = synclog_last(s, "export", NULL, &y->last_export, &err) == 1;
	y->has_import = synclog_last(s, "import", NULL, &y->last_import, &err) == 1;
}

/* ---- results ---- */

static void
clear_lines(struct sync *y)
{
	int i;

	for (i = 0; i < y->nlines; i++)
		free(y->lines[i].text);
	free(y->lines);
	y->lines = NULL;
	y->nlines = 0;
}

static void add_line(struct sync *y, enum tui_attr attr, const char *fmt, ...)
    KYODO_PRINTFLIKE(3, 4);

static void
add_line(struct sync *y, enum tui_attr attr, const char *fmt, ...)
{
	struct buf b = {0};
	char text[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	buf_adds(&b, text);
	y->lines = realloc(y->lines, (size_t)(y->nlines + 1) * sizeof *y->lines);
	if (y->lines == NULL)
		abort();
	y->lines[y->nlines].text = buf_steal(&b);
	y->lines[y->nlines].attr = attr;
	y->nlines++;
}

/* A table's name as people know it: the label of its record kind. */
static const char *
table_label(const char *table)
{
	const struct kind *const *k;

	for (k = kind_all(); *k != NULL; k++)
		if (strcmp((*k)->table, table) == 0)
			return kind_label(*k);
	return table;
}

static void
add_decision(void *ctx, const struct grant_line *g)
{
	struct sync *y = ctx;
	char decided[48], final[48], amounts[160];
	bool has = g->decided > 0 || g->final > 0 || strcmp(g->status, "decided") == 0 ||
	    strcmp(g->status, "reported") == 0 || strcmp(g->status, "settled") == 0 ||
	    strcmp(g->status, "paid") == 0;

	if (!has)
		return;
	fmt_yen(g->decided, decided, sizeof decided);
	snprintf(amounts, sizeof amounts, _("Decided: %s"), decided);
	if (g->final > 0) {
		fmt_yen(g->final, final, sizeof final);
		snprintf(amounts + strlen(amounts), sizeof amounts - strlen(amounts), "  ");
		snprintf(amounts + strlen(amounts), sizeof amounts - strlen(amounts), _("Final: %s"),
		    final);
	}
	/* The status only when it says more than "decided". */
	if (strcmp(g->status, "decided") == 0)
		add_line(y, ATTR_NOTICE, "  %s  %s", g->title ? g->title : "", amounts);
	else
		add_line(y, ATTR_NOTICE, "  %s  %s  (%s)", g->title ? g->title : "", amounts,
		    grant_status_label(g->status));
}

/* What one file brought: a line per table it carried and, from the city,
 * the decisions now held on this center's applications. */
static void
add_detail(struct app *a, struct sync *y, const struct sync_result *r)
{
	struct error err;
	int i, before;

	if (r->added + r->updated + r->removed == 0)
		add_line(y, ATTR_NORMAL, "  %s", _("Nothing new: this store already had everything in "
		    "this file."));
	for (i = 0; i < r->ntables; i++)
		if (r->t[i].incoming > 0)
			add_line(y, ATTR_NORMAL, _("  %s: %ld new, %ld updated, %ld unchanged"),
			    table_label(r->t[i].table), r->t[i].added, r->t[i].updated,
			    r->t[i].unchanged);
	if (y->city)
		return;
	add_line(y, ATTR_HEADER, "%s", _("Grant decisions held here now:"));
	before = y->nlines;
	if (grant_lines(app_store(a), 0, add_decision, y, &err) < 0)
		add_line(y, ATTR_ERROR, "  %s", err.text);
	else if (y->nlines == before)
		add_line(y, ATTR_DIM, "  %s", _("No decision on this center's applications yet."));
}

/* ---- work with a progress bar ---- */

static void draw(struct app *a, void *state);

static const enum action no_actions[] = {ACT_NONE};

/* Draws the whole screen now: the loop is not running during the work. */
static void
paint(struct sync *y)
{
	erase();
	if (!draw_too_small()) {
		draw(y->app, y);
		keys_draw_bar(LINES - 1, no_actions);
	}
	curs_set(0);
	refresh();
}

static void
on_progress(void *ctx, const char *what, long done, long total)
{
	struct sync *y = ctx;

	snprintf(y->work_what, sizeof y->work_what, "%s", what);
	y->work_done = done;
	y->work_total = total;
	paint(y);
}

static void work_begin(struct sync *y, const char *fmt, ...) KYODO_PRINTFLIKE(2, 3);

static void
work_begin(struct sync *y, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(y->work_title, sizeof y->work_title, fmt, ap);
	va_end(ap);
	snprintf(y->work_what, sizeof y->work_what, "%s", _("Starting"));
	y->work_done = 0;
	y->work_total = 1;
	y->working = true;
	y->bar_shown = true;
	paint(y);
}

static void
show_result(struct app *a, struct sync *y)
{
	y->working = false;
	/* A bar that stopped short (a refusal) says nothing the lines do not. */
	y->bar_shown = y->work_done >= y->work_total;
	y->view = V_RESULT;
	y->cur = y->top = 0;
	load_info(a, y);
	scan_files(a, y);
}

/* ---- export ---- */

static void
export_center(struct app *a, struct sync *y)
{
	struct sync_progress p = {on_progress, y};
	char path[PATH_MAX];
	struct error err;

	clear_lines(y);
	work_begin(y, _("Writing the file for city hall to %s"), y->folder);
	if (sync_export(app_store(a), app_actor(a), "city", y->folder, path, &p, &err)) {
		add_line(y, ATTR_NORMAL, _("Written and checked: %s"), path);
		add_line(y, ATTR_NOTICE, "%s", _("The file is on the stick and checked: it is safe to "
		    "remove the stick."));
	} else {
		add_line(y, ATTR_ERROR, _("Not written: %s"), err.text);
		if (!keys_same_machine(app_store(a)))
			add_line(y, ATTR_NORMAL, "%s", _("An administrator can accept this machine "
			    "here with F7."));
	}
	show_result(a, y);
}

/* At city hall: the file for the center in row (0: every center). */
static void
export_city(struct app *a, struct sync *y, int row)
{
	struct sync_progress p = {on_progress, y};
	char path[PATH_MAX];
	struct error err;
	int first = row > 0 ? row - 1 : 0, last = row > 0 ? row : y->ncenters, i, failed = 0;

	clear_lines(y);
	for (i = first; i < last; i++) {
		work_begin(y, _("File %d of %d: for %s (%s), to %s"), i - first + 1, last - first,
		    y->centers[i].name, y->centers[i].code, y->folder);
		if (sync_export(app_store(a), app_actor(a), y->centers[i].code, y->folder, path, &p,
		    &err)) {
			add_line(y, ATTR_NORMAL, _("%s: written and checked: %s"), y->centers[i].code,
			    synclog_basename(path));
		} else {
			add_line(y, ATTR_ERROR, _("%s: not written: %s"), y->centers[i].code, err.text);
			failed++;
		}
	}
	if (failed == 0)
		add_line(y, ATTR_NOTICE, "%s", P_("The file is on the stick and checked: it is safe to "
		    "remove the stick.", "Every file is on the stick and checked: it is safe to remove "
		    "the stick.", (unsigned long)(last - first)));
	else
		add_line(y, ATTR_ERROR, P_("%d of %d files was not written.",
		    "%d of %d files were not written.", (unsigned long)failed), failed, last - first);
	show_result(a, y);
}

/* ---- import ---- */

/* Imports the folder's file i; detail: a line per table (and decisions). */
static bool
import_file(struct app *a, struct sync *y, int i, bool detail)
{
	struct sync_progress p = {on_progress, y};
	struct sync_result r;
	char path[PATH_MAX + 256];
	struct error err;

	snprintf(path, sizeof path, "%s/%s", y->folder, y->files[i].f.name);
	if (!sync_import(app_store(a), app_actor(a), path, &r, &p, &err)) {
		add_line(y, ATTR_ERROR, _("%s: refused: %s"), y->files[i].f.name, err.text);
		if (detail)
			add_line(y, ATTR_NORMAL, "  %s", _("The store is unchanged."));
		return false;
	}
	if (r.stale) {
		add_line(y, ATTR_NORMAL, _("%s: older than the file already taken from there; "
		    "nothing was changed."), y->files[i].f.name);
		return true;
	}
	add_line(y, ATTR_NOTICE, _("%s: from %s: %ld new, %ld updated, %ld unchanged"),
	    y->files[i].f.name, r.sender, r.added, r.updated, r.unchanged);
	if (r.removed > 0)
		add_line(y, ATTR_NORMAL, _("  %ld of the city's records are no longer in its file "
		    "and were removed here."), r.removed);
	if (detail)
		add_detail(a, y, &r);
	return true;
}

static void
import_one(struct app *a, struct sync *y)
{
	clear_lines(y);
	work_begin(y, _("Checking and applying %s"), y->files[y->cur].f.name);
	import_file(a, y, y->cur, true);
	show_result(a, y);
}

static void
import_all(struct app *a, struct sync *y)
{
	int i, n = y->nfiles, taken = 0;
	struct file *files = y->files;

	clear_lines(y);
	for (i = 0; i < n; i++) {
		work_begin(y, _("File %d of %d: %s"), i + 1, n, files[i].f.name);
		taken += import_file(a, y, i, false);
	}
	add_line(y, taken == n ? ATTR_NOTICE : ATTR_ERROR, _("%d taken, %d refused."), taken,
	    n - taken);
	show_result(a, y);
}

/* ---- the machine ---- */

static void
accept_yes(struct app *a, void *ctx)
{
	struct sync *y = ctx;
	struct error err;

	if (keys_accept_machine(app_store(a), app_actor(a), &err))
		app_message(a, "%s", _("This machine is now the store's own."));
	else
		app_error(a, "%s", err.text);
	load_info(a, y);
}

static int
ask_accept(struct app *a, struct sync *y)
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

/* ---- the screen ---- */

static void *
init(struct app *a, const void *arg)
{
	struct sync *y = xcalloc(1, sizeof *y);

	(void)arg;
	y->app = a;
	y->city = store_kind(app_store(a)) == STORE_CITY;
	lineedit_init(&y->typed, NULL, 1000);
	load_info(a, y);
	scan_sticks(y);
	return y;
}

static void
done(void *state)
{
	struct sync *y = state;

	stick_free(y->sticks, y->nsticks);
	lineedit_free(&y->typed);
	free(y->files);
	free(y->centers);
	clear_lines(y);
	free(y);
}

static void
enter(struct app *a, void *state)
{
	struct sync *y = state;

	load_info(a, y);
	if (y->view == V_STICKS)
		scan_sticks(y);
	else
		scan_files(a, y);
}

static int
tick(struct app *a, void *state)
{
	struct sync *y = state;

	if (y->view == V_STICKS)
		return scan_sticks(y) ? RES_REDRAW : 0;
	if (y->view == V_FOLDER)
		return scan_files(a, y) ? RES_REDRAW : 0;
	return 0;
}

static int wrapped_rows(const char *text, int width);

/* The result page's rows: the finished bar, what it said, and the lines
 * wrapped to the screen. */
static int
result_rows(const struct sync *y)
{
	int n = y->bar_shown ? 2 : 0, i;

	for (i = 0; i < y->nlines; i++)
		n += wrapped_rows(y->lines[i].text, COLS - 3);
	return n;
}

static int
list_rows(void)
{
	int h = LINES - 2 - (HEAD_ROWS + 1);

	return h < 1 ? 1 : h;
}

/* Rows in the current view's list. */
static int
list_count(const struct sync *y)
{
	switch (y->view) {
	case V_STICKS: return y->nsticks + 1;
	case V_FOLDER: return y->nfiles;
	case V_CENTERS: return y->ncenters + 1;
	default: return result_rows(y);
	}
}

static void
go(struct sync *y, enum view v)
{
	y->view = v;
	y->cur = y->top = 0;
}

static void
collect_center(void *ctx, const struct synclog_center *c)
{
	struct sync *y = ctx;

	if (y->ncenters >= CENTERS_MAX)
		return;
	snprintf(y->centers[y->ncenters].code, sizeof y->centers[0].code, "%s", c->code);
	snprintf(y->centers[y->ncenters].name, sizeof y->centers[0].name, "%s", c->name);
	y->ncenters++;
}

static int
open_centers(struct app *a, struct sync *y)
{
	struct error err;

	free(y->centers);
	y->centers = xcalloc(CENTERS_MAX, sizeof *y->centers);
	y->ncenters = 0;
	if (synclog_centers(app_store(a), date_today(), collect_center, y, &err) < 0) {
		app_error(a, "%s", err.text);
		return RES_HANDLED | RES_REDRAW;
	}
	if (y->ncenters == 0) {
		app_error(a, "%s", _("No center is enrolled yet (kyodo center add)."));
		return RES_HANDLED | RES_REDRAW;
	}
	go(y, V_CENTERS);
	return RES_HANDLED | RES_REDRAW;
}

static int
choose_folder(struct app *a, struct sync *y)
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
	go(y, V_FOLDER);
	y->nfiles = -1;
	scan_files(a, y);
	return RES_HANDLED | RES_REDRAW;
}

static int
move_cursor(struct sync *y, struct key k)
{
	int n = list_count(y), page = list_rows();

	if (!k.code)
		return 0;
	switch (k.ch) {
	case KEY_UP: y->cur--; break;
	case KEY_DOWN: y->cur++; break;
	case KEY_PPAGE: y->cur -= page; break;
	case KEY_NPAGE: y->cur += page; break;
	case KEY_HOME: y->cur = 0; break;
	case KEY_END: y->cur = n - 1; break;
	default: return 0;
	}
	if (y->cur >= n)
		y->cur = n - 1;
	if (y->cur < 0)
		y->cur = 0;
	return RES_HANDLED | RES_REDRAW;
}

/* The result page scrolls as a whole: the cursor is its first row. */
static int
scroll_result(struct sync *y, struct key k)
{
	int n = list_count(y), page = list_rows(), res = move_cursor(y, k);

	if (y->cur > n - page)
		y->cur = n - page > 0 ? n - page : 0;
	y->top = y->cur;
	return res;
}

static int
sticks_key(struct app *a, struct sync *y, struct key k, enum action act)
{
	bool on_typed = y->cur == y->nsticks;

	if (act == ACT_CHOOSE)
		return choose_folder(a, y);
	if (k.code && (k.ch == KEY_UP || k.ch == KEY_DOWN || k.ch == KEY_PPAGE ||
	    k.ch == KEY_NPAGE || (!on_typed && (k.ch == KEY_HOME || k.ch == KEY_END))))
		return move_cursor(y, k);
	/* Typing goes to the folder row, wherever the cursor was. */
	if (!on_typed && (k.code || k.ch < 0x20 || k.ch == 0x7F))
		return 0;
	if (lineedit_key(&y->typed, k.ch, k.code) == LINEEDIT_IGNORED)
		return 0;
	y->cur = y->nsticks;
	return RES_HANDLED | RES_REDRAW;
}

static int
key(struct app *a, void *state, struct key k, enum action act)
{
	struct sync *y = state;

	if (act == ACT_ACCEPT_MACHINE)
		return ask_accept(a, y);
	switch (y->view) {
	case V_STICKS:
		if (act == ACT_BACK && y->cur == y->nsticks && y->typed.text.len > 0) {
			lineedit_set(&y->typed, NULL);
			return RES_HANDLED | RES_REDRAW;
		}
		if (act == ACT_BACK)
			return RES_POP;
		return sticks_key(a, y, k, act);
	case V_FOLDER:
		if (act == ACT_BACK) {
			go(y, V_STICKS);
			scan_sticks(y);
			return RES_HANDLED | RES_REDRAW;
		}
		if (act == ACT_EXPORT) {
			if (!y->city) {
				export_center(a, y);
				return RES_HANDLED | RES_REDRAW;
			}
			return open_centers(a, y);
		}
		if (act == ACT_IMPORT && y->nfiles > 0) {
			import_one(a, y);
			return RES_HANDLED | RES_REDRAW;
		}
		if (act == ACT_IMPORT_ALL && y->nfiles > 0) {
			import_all(a, y);
			return RES_HANDLED | RES_REDRAW;
		}
		return move_cursor(y, k);
	case V_CENTERS:
		if (act == ACT_BACK) {
			go(y, V_FOLDER);
			return RES_HANDLED | RES_REDRAW;
		}
		if (act == ACT_CHOOSE || act == ACT_EXPORT) {
			export_city(a, y, y->cur);
			return RES_HANDLED | RES_REDRAW;
		}
		return move_cursor(y, k);
	case V_RESULT:
		if (act == ACT_BACK) {
			go(y, V_FOLDER);
			scan_files(a, y);
			return RES_HANDLED | RES_REDRAW;
		}
		return scroll_result(y, k);
	}
	return 0;
}

/* ---- drawing ---- */

struct wrap_draw {
	int row, end, x, width, skip;
	enum tui_attr attr;
};

static void
count_row(void *ctx, const char *line, size_t len)
{
	(void)line;
	(void)len;
	(*(int *)ctx)++;
}

/* Rows text takes wrapped to width. */
static int
wrapped_rows(const char *text, int width)
{
	int rows = 0;

	wrap_lines(text, width, count_row, &rows);
	return rows > 0 ? rows : 1;
}

static void
draw_row_of(void *ctx, const char *line, size_t len)
{
	struct wrap_draw *w = ctx;
	char piece[1024];

	if (w->skip > 0) {
		w->skip--;
		return;
	}
	if (w->row >= w->end)
		return;
	snprintf(piece, sizeof piece, "%.*s", (int)len, line);
	draw_text(w->row++, w->x, w->width, piece, w->attr);
}

/* Draws text wrapped to width from row, skipping its first skip rows and
 * stopping before row end; returns the row after the last drawn. */
static int
draw_wrapped(int row, int end, int x, int width, const char *text, int skip, enum tui_attr attr)
{
	struct wrap_draw w = {row, end, x, width, skip, attr};

	wrap_lines(text, width, draw_row_of, &w);
	return w.row;
}

/* "[█████░░░░░]  50%" in at most width columns. */
static void
draw_progress(int row, int x, int width, long done, long total)
{
	struct buf b = {0};
	int pct = total > 0 ? (int)(done * 100 / total) : 100, bw = width - 7, filled, i;

	if (pct < 0)
		pct = 0;
	if (pct > 100)
		pct = 100;
	if (bw > BAR_MAX)
		bw = BAR_MAX;
	if (bw >= 4) {
		filled = bw * pct / 100;
		buf_addc(&b, '[');
		for (i = 0; i < bw; i++)
			buf_adds(&b, draw_ascii() ? (i < filled ? "#" : ".") :
			    (i < filled ? "\xE2\x96\x88" : "\xE2\x96\x91"));	/* █ ░ */
		buf_adds(&b, "] ");
	}
	buf_printf(&b, "%3d%%", pct);
	draw_text(row, x, width, buf_str(&b), ATTR_NOTICE);
	buf_free(&b);
}

/* label then value on one row; returns the next column. */
static int
draw_pair(int row, int x, const char *label, const char *value, enum tui_attr attr)
{
	x += draw_text(row, x, COLS - x - 1, label, ATTR_HEADER);
	x += draw_text(row, x, COLS - x - 1, " ", ATTR_NORMAL);
	return x + draw_text(row, x, COLS - x - 1, value, attr);
}

static void
draw_log_line(int row, const char *label, bool has, const struct synclog_entry *e,
    bool import)
{
	char when[32], text[1400];

	if (!has) {
		draw_pair(row, 1, label, _("none yet"), ATTR_DIM);
		return;
	}
	synclog_local_time(e->at, when, sizeof when);
	/* The file's name says who sent it to whom. */
	if (import)
		snprintf(text, sizeof text, P_("%s  %ld row  %s", "%s  %ld rows  %s",
		    (unsigned long)e->rows), when, e->rows, synclog_basename(e->file));
	else
		snprintf(text, sizeof text, "%s  %s", when, synclog_basename(e->file));
	draw_pair(row, 1, label, text, ATTR_NORMAL);
}

static void
draw_head(struct app *a, struct sync *y)
{
	struct store *s = app_store(a);
	char who[256];
	int x;

	app_draw_title(a, y->city ? _("Sync with the centers") : _("Sync with city hall"));
	snprintf(who, sizeof who, "%s (%s)", store_name(s), store_origin(s));
	x = draw_text(1, 1, COLS - 2, who, ATTR_NORMAL) + 3;
	draw_pair(1, x, _("Key fingerprint:"), y->fingerprint, ATTR_NOTICE);
	draw_log_line(2, _("Last export:"), y->has_export, &y->last_export, false);
	draw_log_line(3, _("Last import:"), y->has_import, &y->last_import, true);
	if (!y->same_machine)
		draw_text(4, 1, COLS - 2, _("Another machine: export refused until an administrator "
		    "accepts it (F7)."), ATTR_ERROR);
	else if (!y->peer_key)
		draw_text(4, 1, COLS - 2, _("The city's key is not installed here (kyodo key --city "
		    "FILE)."), ATTR_ERROR);
	else if (y->info_err[0] != '\0')
		draw_text(4, 1, COLS - 2, y->info_err, ATTR_ERROR);
	draw_hline(HEAD_ROWS - 1, 0, COLS, ATTR_DIM);
}

static void
keep_visible(struct sync *y, int rows)
{
	if (y->cur < y->top)
		y->top = y->cur;
	if (y->cur >= y->top + rows)
		y->top = y->cur - rows + 1;
	if (y->top < 0)
		y->top = 0;
}

static void
draw_row(int row, const char *text, bool selected, enum tui_attr attr)
{
	if (selected)
		draw_fill(row, 0, COLS, ATTR_SELECTED);
	draw_text(row, 2, COLS - 3, text, selected ? ATTR_SELECTED : attr);
}

static void
draw_sticks(struct app *a, struct sync *y, int row, int rows)
{
	const char *label = _("Folder:");
	int i, x, w, col;

	draw_text(row++, 1, COLS - 2, _("Choose the USB stick, or type the folder's path:"),
	    ATTR_HEADER);
	keep_visible(y, rows);
	for (i = y->top; i < y->nsticks && row < HEAD_ROWS + 1 + rows; i++, row++)
		draw_row(row, y->sticks[i], i == y->cur, ATTR_NORMAL);
	if (y->nsticks == 0 && y->top == 0 && rows > 1)
		row = draw_wrapped(row, HEAD_ROWS + rows, 2, COLS - 3, _("No USB stick found: plug "
		    "one in (the list follows), or type a folder below."), 0, ATTR_DIM);
	if (row >= HEAD_ROWS + 1 + rows)
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
draw_folder(struct sync *y, int row, int rows)
{
	char head[PATH_MAX + 64], text[512];
	int i, end = HEAD_ROWS + 1 + rows;

	snprintf(head, sizeof head, _("Folder: %s"), y->folder);
	draw_text(row++, 1, COLS - 2, head, ATTR_HEADER);
	if (y->folder_err[0] != '\0') {
		draw_wrapped(row, end, 2, COLS - 3, y->folder_err, 0, ATTR_ERROR);
		return;
	}
	keep_visible(y, rows);
	for (i = y->top; i < y->nfiles && row < end; i++, row++) {
		if (y->files[i].taken[0] != '\0')
			snprintf(text, sizeof text, _("%s  from %s  (imported %s)"), y->files[i].f.name,
			    y->files[i].f.sender, y->files[i].taken);
		else
			snprintf(text, sizeof text, _("%s  from %s"), y->files[i].f.name,
			    y->files[i].f.sender);
		draw_row(row, text, i == y->cur, ATTR_NORMAL);
	}
	if (y->nfiles == 0 && row < end)
		row = draw_wrapped(row, end, 2, COLS - 3, y->city ? _("No file addressed to city hall "
		    "here. F2 writes the files for the centers.") : _("No file addressed to this "
		    "center here. F2 writes this center's file for city hall."), 0, ATTR_DIM);
	if (y->nother > 0 && row < end) {
		snprintf(text, sizeof text, P_("%d other kyodo file here is not addressed to this "
		    "store.", "%d other kyodo files here are not addressed to this store.",
		    (unsigned long)y->nother), y->nother);
		draw_wrapped(row, end, 2, COLS - 3, text, 0, ATTR_DIM);
	}
}

static void
draw_centers(struct sync *y, int row, int rows)
{
	char text[256];
	int i;

	draw_text(row++, 1, COLS - 2, _("Write the file for which center?"), ATTR_HEADER);
	keep_visible(y, rows);
	for (i = y->top; i <= y->ncenters && row < HEAD_ROWS + 1 + rows; i++, row++) {
		if (i == 0)
			snprintf(text, sizeof text, P_("All centers (%d)", "All centers (%d)",
			    (unsigned long)y->ncenters), y->ncenters);
		else
			snprintf(text, sizeof text, "%s  %s", y->centers[i - 1].code,
			    y->centers[i - 1].name);
		draw_row(row, text, i == y->cur, ATTR_NORMAL);
	}
}

static void
draw_working(struct sync *y, int row)
{
	row = draw_wrapped(row, LINES - 2, 1, COLS - 2, y->work_title, 0, ATTR_HEADER) + 1;
	draw_progress(row++, 2, COLS - 4, y->work_done, y->work_total);
	draw_text(row, 2, COLS - 3, y->work_what, ATTR_NORMAL);
}

static void
draw_result(struct sync *y, int row, int rows)
{
	int i, end = HEAD_ROWS + 1 + rows, skip = y->top, n;

	draw_text(row++, 1, COLS - 2, _("Result"), ATTR_HEADER);
	/* The page's first rows: the finished bar and what it last said. */
	if (y->bar_shown) {
		if (skip == 0 && row < end)
			draw_progress(row++, 2, COLS - 4, y->work_done, y->work_total);
		if (skip <= 1 && row < end)
			draw_text(row++, 2, COLS - 3, y->work_what, ATTR_DIM);
		skip = skip > 2 ? skip - 2 : 0;
	}
	for (i = 0; i < y->nlines && row < end; i++) {
		n = wrapped_rows(y->lines[i].text, COLS - 3);
		if (skip >= n) {
			skip -= n;
			continue;
		}
		row = draw_wrapped(row, end, 2, COLS - 3, y->lines[i].text, skip, y->lines[i].attr);
		skip = 0;
	}
}

static void
draw(struct app *a, void *state)
{
	struct sync *y = state;
	int rows = list_rows();

	draw_head(a, y);
	if (y->working)
		draw_working(y, HEAD_ROWS);
	else if (y->view == V_STICKS)
		draw_sticks(a, y, HEAD_ROWS, rows);
	else if (y->view == V_FOLDER)
		draw_folder(y, HEAD_ROWS, rows);
	else if (y->view == V_CENTERS)
		draw_centers(y, HEAD_ROWS, rows);
	else
		draw_result(y, HEAD_ROWS, rows);
}

/* The actions offered now: what the view can do, and the machine's
 * acceptance only while the store is on a machine it was not made on. */
static const enum action *
actions(void *state)
{
	struct sync *y = state;
	enum action *o = y->acts;
	int n = 0;

	if (y->working)
		return no_actions;
	o[n++] = ACT_HELP;
	if (y->view == V_STICKS) {
		o[n++] = ACT_CHOOSE;
	} else if (y->view == V_FOLDER) {
		o[n++] = ACT_EXPORT;
		if (y->nfiles > 0)
			o[n++] = ACT_IMPORT;
		if (y->nfiles > 0 && y->city)
			o[n++] = ACT_IMPORT_ALL;
	} else if (y->view == V_CENTERS) {
		o[n++] = ACT_CHOOSE;
		o[n++] = ACT_EXPORT;
	}
	if (!y->same_machine && y->view != V_RESULT)
		o[n++] = ACT_ACCEPT_MACHINE;
	o[n++] = ACT_LOCK;
	o[n++] = ACT_QUIT;
	o[n++] = ACT_BACK;
	o[n++] = ACT_MOVE;
	if (y->view == V_RESULT)
		o[n++] = ACT_PAGE;
	if (y->view == V_STICKS)
		o[n++] = ACT_EDIT_TEXT;
	o[n] = ACT_NONE;
	return o;
}

const struct screen screen_sync = {
	.name = "sync",
	.init = init,
	.free = done,
	.enter = enter,
	.key = key,
	.draw = draw,
	.tick = tick,
	.actions = actions,
};
