/*
 * syncpage — what the sync screen's views share (see syncpage.h): the
 * head, the lists' cursor, and work under a progress bar.
 *
 * Export and import block while they run.  The app's loop is waiting for
 * them, so the core's progress callback draws the screen (the head, the
 * work's title and its bar) and refreshes the terminal itself.
 */
#include "syncpage.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "sync/keys.h"
#include "tui/draw.h"
#include "tui/gauge.h"

const struct action_def act_export = {
	ACT_EXPORT, "F2", N_("Export"),
	N_("Write the file for the other side to the chosen stick."), {ACT_KEY_CODE(KEY_F(2))},
};

const struct action_def act_choose = {
	ACT_CHOOSE, "Enter", N_("Choose"), N_("Use the chosen folder or center."), {ACT_KEYS_ENTER},
};

/* ---- the head: key, log, machine ---- */

void
syncpage_load_info(struct app *a, struct syncpage *y)
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

bool
syncpage_scan_files(struct app *a, struct syncpage *y)
{
	struct stick_file *found;
	struct synclog_entry e;
	struct error err;
	struct syncpage_file *files = NULL;
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
	if (y->view == SYNCPAGE_FOLDER && y->cur >= n)
		y->cur = n > 0 ? n - 1 : 0;
	return changed;
}

/* label then value on one row; returns the next column. */
static int
draw_pair(int row, int x, const char *label, const char *value, enum tui_attr attr)
{
	x += draw_text(row, x, COLS - x - 1, label, ATTR_HEADER);
	x += draw_text(row, x, COLS - x - 1, " ", ATTR_NORMAL);
	return x + draw_text(row, x, COLS - x - 1, value, attr);
}

/* label, when, (an import) the rows and the file's name; the name on a row
 * of its own when the row cannot hold it, so it is not cut.  Returns the
 * next row. */
static int
draw_log_line(int row, const char *label, bool has, const struct synclog_entry *e,
    bool import)
{
	char when[32], text[1400];
	const char *file;
	int pass;

	if (!has) {
		draw_pair(row, 1, label, _("none yet"), ATTR_DIM);
		return row + 1;
	}
	synclog_local_time(e->at, when, sizeof when);
	file = synclog_basename(e->file);
	for (pass = 0; pass < 2; pass++) {
		/* The file's name says who sent it to whom. */
		if (import)
			snprintf(text, sizeof text, P_("%s  %ld row  %s", "%s  %ld rows  %s",
			    (unsigned long)e->rows), when, e->rows, pass == 0 ? file : "");
		else
			snprintf(text, sizeof text, "%s  %s", when, pass == 0 ? file : "");
		/* Its own row only where it fits there whole and the view below
		 * keeps its rows. */
		if (pass == 0 && (1 + text_width(label) + 1 + text_width(text) <= COLS - 1 ||
		    3 + text_width(file) > COLS - 1 || draw_lines() < 16))
			break;
	}
	draw_pair(row, 1, label, text, ATTR_NORMAL);
	if (pass == 0)
		return row + 1;
	draw_text(row + 1, 3, COLS - 4, file, ATTR_NORMAL);
	return row + 2;
}

static int head_rows = 6;

int
syncpage_head_rows(void)
{
	return head_rows;
}

/* The fingerprint under its label from row on, whole: staff read it aloud,
 * so a group of four is never split; a screen too narrow for it all breaks
 * it after a dash.  Returns the next row. */
int
syncpage_draw_fingerprint(int row, const char *label, const char *fp)
{
	int lw = text_width(label), fw = (int)strlen(fp), x = 3, n;
	const char *p = fp;

	if (1 + lw + 1 + fw <= COLS - 1) {
		draw_pair(row, 1, label, fp, ATTR_NOTICE);
		return row + 1;
	}
	draw_text(row++, 1, COLS - 2, label, ATTR_HEADER);
	while (*p != '\0') {
		/* As many groups ("8A71-") as fit, at least one. */
		for (n = 0; p[n] != '\0' && (x + n + 5 <= COLS - 1 || n == 0);
		    n += p[n + 4] == '-' ? 5 : 4)
			;
		draw_text(row++, x, n, p, ATTR_NOTICE);
		p += n;
	}
	return row;
}

void
syncpage_draw_head(struct app *a, struct syncpage *y)
{
	struct store *s = app_store(a);
	const char *label = _("Key fingerprint:"), *warning = NULL;
	char who[256];
	int x, row;

	app_draw_title(a, y->city ? _("Sync with the centers") : _("Sync with city hall"));
	snprintf(who, sizeof who, "%s (%s)", store_name(s), store_origin(s));
	x = draw_text(1, 1, COLS - 2, who, ATTR_NORMAL) + 3;
	if (x + text_width(label) + 1 + (int)strlen(y->fingerprint) <= COLS - 1) {
		draw_pair(1, x, label, y->fingerprint, ATTR_NOTICE);
		row = 2;
	} else {
		row = syncpage_draw_fingerprint(2, label, y->fingerprint);
	}
	row = draw_log_line(row, _("Last export:"), y->has_export, &y->last_export, false);
	row = draw_log_line(row, _("Last import:"), y->has_import, &y->last_import, true);
	if (!y->same_machine)
		warning = _("Another machine: export refused until an administrator accepts it "
		    "(F7).");
	else if (!y->peer_key)
		warning = _("The city's key is not registered here yet. An administrator registers "
		    "it from its file on the stick: choose the stick, then F4.");
	else if (y->info_err[0] != '\0')
		warning = y->info_err;
	/* The warning wrapped whole, leaving the view a few rows. */
	if (warning != NULL)
		row = draw_wrap(row, draw_lines() - 6 > row ? draw_lines() - 6 : row + 1, 1, COLS - 2, warning, 0,
		    ATTR_ERROR);
	else if (row <= 4)
		row++;	/* the warning's row stays blank while the head is short */
	draw_hline(row, 0, COLS, ATTR_DIM);
	head_rows = row + 1;
}

const char *
syncpage_export_why(struct app *a, const struct error *err, char *buf, size_t size)
{
	if (keys_same_machine(app_store(a)))
		return err->text;
	snprintf(buf, size, _("This store was made on another machine (a copied kiosk?). Check "
	    "it is really %s's kiosk; then an administrator accepts it here with F7."),
	    store_name(app_store(a)));
	return buf;
}

/* ---- the lists ---- */

void
syncpage_go(struct syncpage *y, enum syncpage_view v)
{
	y->view = v;
	y->cur = y->top = 0;
}

int
syncpage_list_rows(void)
{
	int h = draw_lines() - 2 - (SYNCPAGE_HEAD_ROWS + 1);

	return h < 1 ? 1 : h;
}

/* The result page's rows: the finished bar, what it said, and the lines
 * wrapped to the screen. */
static int
result_rows(const struct syncpage *y)
{
	return (y->bar_shown ? 2 : 0) + linelog_rows(&y->lines, COLS - 3);
}

/* Rows in the current view's list. */
static int
list_count(const struct syncpage *y)
{
	switch (y->view) {
	case SYNCPAGE_STICKS: return y->nsticks + 1;
	case SYNCPAGE_FOLDER: return y->nfiles;
	case SYNCPAGE_CENTERS: return y->ncenters + 1;
	case SYNCPAGE_KEYS: return y->nkeyfiles;
	case SYNCPAGE_KEYFORM: return 2;
	case SYNCPAGE_KEYCHECK: return 1;
	default: return result_rows(y);
	}
}

int
syncpage_move(struct syncpage *y, struct key k)
{
	int n = list_count(y), page = syncpage_list_rows();

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

void
syncpage_keep_visible(struct syncpage *y, int rows)
{
	if (y->cur < y->top)
		y->top = y->cur;
	if (y->cur >= y->top + rows)
		y->top = y->cur - rows + 1;
	if (y->top < 0)
		y->top = 0;
}

void
syncpage_draw_row(int row, const char *text, bool selected, enum tui_attr attr)
{
	if (selected)
		draw_fill(row, 0, COLS, ATTR_SELECTED);
	draw_text(row, 2, COLS - 3, text, selected ? ATTR_SELECTED : attr);
}

/* ---- work with a progress bar ---- */

static const struct action_def *const no_actions[] = {NULL};

/* Draws the whole screen now: the loop is not running during the work. */
static void
paint(struct syncpage *y)
{
	erase();
	if (!draw_too_small()) {
		syncpage_draw_head(y->app, y);
		syncpage_draw_working(y, SYNCPAGE_HEAD_ROWS);
		draw_set_bar_rows(1);
		keys_draw_bar(no_actions);
	}
	curs_set(0);
	refresh();
}

void
syncpage_progress(void *ctx, const char *what, long done, long total)
{
	struct syncpage *y = ctx;

	snprintf(y->work_what, sizeof y->work_what, "%s", what);
	y->work_done = done;
	y->work_total = total;
	paint(y);
}

void
syncpage_work_begin(struct syncpage *y, const char *fmt, ...)
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

void
syncpage_show_result(struct app *a, struct syncpage *y)
{
	y->working = false;
	/* A bar that stopped short (a refusal) says nothing the lines do not. */
	y->bar_shown = y->work_done >= y->work_total;
	y->view = SYNCPAGE_RESULT;
	y->cur = y->top = 0;
	syncpage_load_info(a, y);
	syncpage_scan_files(a, y);
}

void
syncpage_draw_working(struct syncpage *y, int row)
{
	row = draw_wrap(row, draw_lines() - 2, 1, COLS - 2, y->work_title, 0, ATTR_HEADER) + 1;
	gauge_percent_draw(row++, 2, COLS - 4, y->work_done, y->work_total, ATTR_NOTICE);
	draw_text(row, 2, COLS - 3, y->work_what, ATTR_NORMAL);
}

/* ---- the result page ---- */

void
syncpage_draw_result(struct syncpage *y, int row, int rows)
{
	int end = SYNCPAGE_HEAD_ROWS + 1 + rows, skip = y->top;

	draw_text(row++, 1, COLS - 2, _("Result"), ATTR_HEADER);
	/* The page's first rows: the finished bar and what it last said. */
	if (y->bar_shown) {
		if (skip == 0 && row < end)
			gauge_percent_draw(row++, 2, COLS - 4, y->work_done, y->work_total,
			    ATTR_NOTICE);
		if (skip <= 1 && row < end)
			draw_text(row++, 2, COLS - 3, y->work_what, ATTR_DIM);
		skip = skip > 2 ? skip - 2 : 0;
	}
	linelog_draw(&y->lines, row, end, 2, COLS - 3, skip);
}

/* The result page scrolls as a whole: the cursor is its first row. */
int
syncpage_scroll_result(struct syncpage *y, struct key k)
{
	int n = list_count(y), page = syncpage_list_rows(), res = syncpage_move(y, k);

	if (y->cur > n - page)
		y->cur = n - page > 0 ? n - page : 0;
	y->top = y->cur;
	return res;
}
