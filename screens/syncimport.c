/*
 * syncimport — an import on the sync screen (see syncimport.h): the core
 * checks and applies the file under the progress bar; the result says
 * what came in, table by table, and at a center the city's decisions on
 * its grant applications as they stand now.  A refused file leaves the
 * store unchanged, and the line says so.
 */
#include "syncimport.h"

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "domain/grantbook.h"
#include "sync/sync.h"
#include "tui/fmt.h"

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
	struct syncpage *y = ctx;
	char decided[48], final[48], amounts[160], fy[64];
	bool has = g->decided > 0 || g->final > 0 || grant_has_decision(g->state);

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
	/* Every year's decisions are listed: each names its fiscal year
	 * (令和8年度 in Japanese). */
	era_format_fy(g->fy, fmt_era_lang(), fy, sizeof fy);
	/* The status only when it says more than "decided". */
	if (g->state == GRANT_STATUS_DECIDED)
		linelog_add(&y->lines, ATTR_NOTICE, "  %s  %s  %s", fy, g->title ? g->title : "",
		    amounts);
	else
		linelog_add(&y->lines, ATTR_NOTICE, "  %s  %s  %s  (%s)", fy,
		    g->title ? g->title : "", amounts, grant_status_label(g->status));
}

/* What one file brought: a line per table it carried and, from the city,
 * the decisions now held on this center's applications. */
static void
add_detail(struct app *a, struct syncpage *y, const struct sync_result *r)
{
	struct error err;
	int i, before;

	if (r->added + r->updated + r->removed == 0)
		linelog_add(&y->lines, ATTR_NORMAL, "  %s", _("Nothing new: this store already had "
		    "everything in this file."));
	for (i = 0; i < r->ntables; i++)
		if (r->t[i].incoming > 0)
			linelog_add(&y->lines, ATTR_NORMAL, _("  %s: %ld new, %ld updated, %ld "
			    "unchanged"), table_label(r->t[i].table), r->t[i].added, r->t[i].updated,
			    r->t[i].unchanged);
	if (y->city)
		return;
	linelog_add(&y->lines, ATTR_HEADER, "%s", _("Grant decisions held here now:"));
	before = y->lines.n;
	if (grant_lines(app_store(a), 0, add_decision, y, &err) < 0)
		linelog_add(&y->lines, ATTR_ERROR, "  %s", err.text);
	else if (y->lines.n == before)
		linelog_add(&y->lines, ATTR_DIM, "  %s", _("No decision on this center's "
		    "applications yet."));
}

bool
syncimport_file(struct app *a, struct syncpage *y, int i, bool detail)
{
	struct sync_progress p = {syncpage_progress, y};
	struct sync_result r;
	char path[PATH_MAX + 256];
	struct error err;

	snprintf(path, sizeof path, "%s/%s", y->folder, y->files[i].f.name);
	if (!sync_import(app_store(a), app_actor(a), path, &r, &p, &err)) {
		linelog_add(&y->lines, ATTR_ERROR, _("%s: refused: %s"), y->files[i].f.name,
		    err.text);
		if (detail)
			linelog_add(&y->lines, ATTR_NORMAL, "  %s", _("The store is unchanged."));
		return false;
	}
	if (r.stale) {
		linelog_add(&y->lines, ATTR_NORMAL, _("%s: older than the file already taken from "
		    "there; nothing was changed."), y->files[i].f.name);
		return true;
	}
	linelog_add(&y->lines, ATTR_NOTICE, _("%s: from %s: %ld new, %ld updated, %ld unchanged"),
	    y->files[i].f.name, r.sender, r.added, r.updated, r.unchanged);
	if (r.removed > 0)
		linelog_add(&y->lines, ATTR_NORMAL, _("  %ld of the city's records are no longer in "
		    "its file and were removed here."), r.removed);
	if (detail)
		add_detail(a, y, &r);
	return true;
}

void
syncimport_one(struct app *a, struct syncpage *y)
{
	linelog_clear(&y->lines);
	syncpage_work_begin(y, _("Checking and applying %s"), y->files[y->cur].f.name);
	syncimport_file(a, y, y->cur, true);
	syncpage_show_result(a, y);
}
