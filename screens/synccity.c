/*
 * synccity — the sync screen at city hall (see synccity.h).  The return
 * files: the centers enrolled here, listed after an "all centers" row,
 * and a file written and checked for each one chosen.  The files from
 * the centers: every one in the folder taken in turn, a line each, so a
 * refused file does not stop the others.
 */
#include "synccity.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "syncimport.h"
#include "sync/sync.h"
#include "tui/draw.h"

#define CENTERS_MAX 256

static void
collect_center(void *ctx, const struct synclog_center *c)
{
	struct syncpage *y = ctx;

	if (y->ncenters >= CENTERS_MAX)
		return;
	snprintf(y->centers[y->ncenters].code, sizeof y->centers[0].code, "%s", c->code);
	snprintf(y->centers[y->ncenters].name, sizeof y->centers[0].name, "%s", c->name);
	y->ncenters++;
}

int
synccity_open_centers(struct app *a, struct syncpage *y)
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
		app_error(a, "%s", _("No center is enrolled yet: enroll one from its key "
		    "file with F4."));
		return RES_HANDLED | RES_REDRAW;
	}
	syncpage_go(y, SYNCPAGE_CENTERS);
	return RES_HANDLED | RES_REDRAW;
}

/* The file for the center in row (0: every center). */
static void
export_city(struct app *a, struct syncpage *y, int row)
{
	struct sync_progress p = {syncpage_progress, y};
	char path[PATH_MAX], why[512];
	struct error err;
	int first = row > 0 ? row - 1 : 0, last = row > 0 ? row : y->ncenters, i, failed = 0;

	linelog_clear(&y->lines);
	for (i = first; i < last; i++) {
		syncpage_work_begin(y, _("File %d of %d: for %s (%s), to %s"), i - first + 1,
		    last - first, y->centers[i].name, y->centers[i].code, y->folder);
		if (sync_export(app_store(a), app_actor(a), y->centers[i].code, y->folder, path, &p,
		    &err)) {
			linelog_add(&y->lines, ATTR_NORMAL, _("%s: written and checked: %s"),
			    y->centers[i].code, synclog_basename(path));
		} else {
			linelog_add(&y->lines, ATTR_ERROR, _("%s: not written: %s"), y->centers[i].code,
			    syncpage_export_why(a, &err, why, sizeof why));
			failed++;
		}
	}
	if (failed == 0)
		linelog_add(&y->lines, ATTR_NOTICE, "%s", P_("The file is on the stick and checked: it "
		    "is safe to remove the stick.", "Every file is on the stick and checked: it is "
		    "safe to remove the stick.", (unsigned long)(last - first)));
	else
		linelog_add(&y->lines, ATTR_ERROR, P_("%d of %d files was not written.",
		    "%d of %d files were not written.", (unsigned long)failed), failed, last - first);
	syncpage_show_result(a, y);
}

int
synccity_centers_key(struct app *a, struct syncpage *y, struct key k, int act)
{
	if (act == ACT_BACK) {
		syncpage_go(y, SYNCPAGE_FOLDER);
		return RES_HANDLED | RES_REDRAW;
	}
	if (act == ACT_CHOOSE || act == ACT_EXPORT) {
		export_city(a, y, y->cur);
		return RES_HANDLED | RES_REDRAW;
	}
	return syncpage_move(y, k);
}

void
synccity_draw_centers(struct syncpage *y, int row, int rows)
{
	char text[256];
	int i;

	draw_text(row++, 1, COLS - 2, _("Write the file for which center?"), ATTR_HEADER);
	syncpage_keep_visible(y, rows);
	for (i = y->top; i <= y->ncenters && row < SYNCPAGE_HEAD_ROWS + 1 + rows; i++, row++) {
		if (i == 0)
			snprintf(text, sizeof text, P_("All centers (%d)", "All centers (%d)",
			    (unsigned long)y->ncenters), y->ncenters);
		else
			snprintf(text, sizeof text, "%s  %s", y->centers[i - 1].code,
			    y->centers[i - 1].name);
		syncpage_draw_row(row, text, i == y->cur, ATTR_NORMAL);
	}
}

void
synccity_import_all(struct app *a, struct syncpage *y)
{
	int i, n = y->nfiles, taken = 0;
	struct syncpage_file *files = y->files;

	linelog_clear(&y->lines);
	for (i = 0; i < n; i++) {
		syncpage_work_begin(y, _("File %d of %d: %s"), i + 1, n, files[i].f.name);
		taken += syncimport_file(a, y, i, false);
	}
	linelog_add(&y->lines, taken == n ? ATTR_NOTICE : ATTR_ERROR, _("%d taken, %d refused."),
	    taken, n - taken);
	syncpage_show_result(a, y);
}
