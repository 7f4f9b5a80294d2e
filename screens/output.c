/*
 * output — see output.h.  The stick is chosen as on the sync screen: the
 * sticks found (sync/stick), or a folder typed in.
 */
#include "output.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/date.h"
#include "base/i18n.h"
#include "screens.h"
#include "sheet/grantsheet.h"
#include "sheet/reportsheet.h"
#include "sync/stick.h"
#include "tui/draw.h"
#include "tui/fmt.h"
#include "tui/lineedit.h"

const struct action_def act_output = {
	ACT_OUTPUT, "Ctrl-P", N_("Output"),
	N_("What this screen shows as an Excel file on a USB stick."),
	{ACT_KEY_CHAR(ACT_CTRL('P'))},
};

static const struct action_def act_write = {
	ACT_OUTPUT_WRITE, "Enter", N_("Write"),
	N_("Write the file to the chosen stick or to the folder typed."), {ACT_KEYS_ENTER},
};

struct output {
	struct output_arg arg;
	char center[17];	/* a center code at city hall, "" for none */
	char title[256];	/* what is written, in words */
	char *sticks[STICK_MAX];
	int nsticks, cur;	/* cur == nsticks: the folder typed */
	struct lineedit folder;
	char result[PATH_MAX + 256];
	bool failed;
};

static void
find_sticks(struct output *o)
{
	stick_free(o->sticks, o->nsticks);
	o->nsticks = stick_find(o->sticks, STICK_MAX);
	if (o->cur > o->nsticks)
		o->cur = o->nsticks;
}

static void *
output_init(struct app *a, const void *argp)
{
	const struct output_arg *arg = argp;
	struct output *o = xcalloc(1, sizeof *o);
	char when[64];

	(void)a;
	o->arg = *arg;
	snprintf(o->center, sizeof o->center, "%s", arg->center != NULL ? arg->center : "");
	o->arg.center = NULL;
	switch (arg->what) {
	case OUTPUT_MONTH:
		fmt_month(arg->year, arg->month, when, sizeof when);
		snprintf(o->title, sizeof o->title, _("Monthly report %s"), when);
		break;
	case OUTPUT_YEAR:
		era_format_fy(arg->fy, fmt_era_lang(), when, sizeof when);
		snprintf(o->title, sizeof o->title, _("Report of %s"), when);
		break;
	case OUTPUT_GRANTS:
		era_format_fy(arg->fy, fmt_era_lang(), when, sizeof when);
		snprintf(o->title, sizeof o->title, _("Grant applications %s"), when);
		break;
	}
	lineedit_init(&o->folder, NULL, 200);
	find_sticks(o);
	return o;
}

static void
output_done(void *state)
{
	struct output *o = state;

	stick_free(o->sticks, o->nsticks);
	lineedit_free(&o->folder);
	free(o);
}

/* The file's name: what it is and when, e.g. kyodo-report-2026-11.xlsx. */
static void
base_name(const struct output *o, char *out, size_t size)
{
	switch (o->arg.what) {
	case OUTPUT_MONTH:
		snprintf(out, size, "kyodo-report-%04d-%02d%s%s", o->arg.year, o->arg.month,
		    o->center[0] != '\0' ? "-" : "", o->center);
		break;
	case OUTPUT_YEAR:
		snprintf(out, size, "kyodo-report-fy%04d", o->arg.fy);
		break;
	case OUTPUT_GRANTS:
		snprintf(out, size, "kyodo-grants-fy%04d", o->arg.fy);
		break;
	}
}

static bool
write_file(struct app *a, const struct output *o, const char *path, struct error *err)
{
	switch (o->arg.what) {
	case OUTPUT_MONTH:
		return reportsheet_monthly(app_store(a), o->arg.year, o->arg.month,
		    o->center[0] != '\0' ? o->center : NULL, path, err);
	case OUTPUT_YEAR:
		return reportsheet_year(app_store(a), o->arg.fy, path, err);
	case OUTPUT_GRANTS:
		return grantsheet_write(app_store(a), o->arg.fy, path, err);
	}
	return false;
}

/* Writes into folder under the first free name (NAME.xlsx, NAME-2.xlsx …):
 * a file already there is never replaced. */
static void
write_to(struct app *a, struct output *o, const char *folder)
{
	char base[128], path[PATH_MAX];
	struct error err = {"", -1};
	struct stat st;
	int n;

	o->failed = true;
	if (folder[0] == '\0') {
		snprintf(o->result, sizeof o->result, "%s",
		    _("Choose a stick, or type the folder to write to."));
		return;
	}
	if (stat(folder, &st) != 0 || !S_ISDIR(st.st_mode)) {
		snprintf(o->result, sizeof o->result, _("There is no folder %s."), folder);
		return;
	}
	base_name(o, base, sizeof base);
	for (n = 1; n < 100; n++) {
		if (n == 1)
			snprintf(path, sizeof path, "%s/%s.xlsx", folder, base);
		else
			snprintf(path, sizeof path, "%s/%s-%d.xlsx", folder, base, n);
		if (lstat(path, &st) != 0)
			break;
	}
	if (!write_file(a, o, path, &err)) {
		snprintf(o->result, sizeof o->result, _("Not written: %s"), err.text);
		return;
	}
	o->failed = false;
	/* The name on a line of its own: a long folder wraps, the name not. */
	snprintf(o->result, sizeof o->result, _("Written: %s\nin %s\nThe stick can be taken out."),
	    strrchr(path, '/') + 1, folder);
}

static int
output_key(struct app *a, void *state, struct key k, int act)
{
	struct output *o = state;

	if (act == ACT_BACK)
		return RES_POP;
	if (act == ACT_OUTPUT_WRITE) {
		write_to(a, o, o->cur < o->nsticks ? o->sticks[o->cur] : lineedit_text(&o->folder));
		return RES_HANDLED | RES_REDRAW;
	}
	if (k.code && (k.ch == KEY_UP || k.ch == KEY_DOWN)) {
		o->cur += k.ch == KEY_UP ? -1 : 1;
		if (o->cur < 0)
			o->cur = 0;
		if (o->cur > o->nsticks)
			o->cur = o->nsticks;
		return RES_HANDLED | RES_REDRAW;
	}
	/* Typing goes to the folder row, wherever the cursor was. */
	if (lineedit_key(&o->folder, k.ch, k.code) == LINEEDIT_IGNORED)
		return 0;
	o->cur = o->nsticks;
	return RES_HANDLED | RES_REDRAW;
}

static int
output_tick(struct app *a, void *state)
{
	struct output *o = state;
	int before = o->nsticks;

	(void)a;
	find_sticks(o);
	return o->nsticks != before ? RES_REDRAW : 0;
}

static void
output_draw(struct app *a, void *state)
{
	struct output *o = state;
	int y = 2, i, bottom = draw_lines() - 2, x, col;
	char line[PATH_MAX + 64];

	app_draw_title(a, _("Output"));
	snprintf(line, sizeof line, _("%s as an Excel file"), o->title);
	y = draw_wrap(y, bottom, 1, COLS - 2, line, 0, ATTR_HEADER) + 1;
	y = draw_wrap(y, bottom, 1, COLS - 2, _("Choose the USB stick with Up/Down, or type a "
	    "folder, then press Enter."), 0, ATTR_NORMAL);
	if (o->nsticks == 0 && y < bottom)
		y = draw_wrap(y, bottom, 2, COLS - 3, _("No USB stick is found: put one in (it "
		    "shows here) or type a folder below."), 0, ATTR_DIM);
	for (i = 0; i < o->nsticks && y < bottom; i++, y++) {
		if (i == o->cur)
			draw_fill(y, 0, COLS, ATTR_SELECTED);
		draw_text(y, 2, COLS - 3, o->sticks[i], i == o->cur ? ATTR_SELECTED : ATTR_NORMAL);
	}
	if (y < bottom) {
		x = 2 + draw_text(y, 2, COLS - 3, _("Folder: "), o->cur == o->nsticks ?
		    ATTR_HEADER : ATTR_NORMAL);
		col = lineedit_view(&o->folder, COLS - x - 1);
		draw_fill(y, x, COLS - x - 1, ATTR_INPUT);
		draw_text(y, x, COLS - x - 1, lineedit_text(&o->folder) + o->folder.first, ATTR_INPUT);
		if (o->cur == o->nsticks)
			app_cursor(a, y, x + col);
		y += 2;
	}
	if (o->result[0] != '\0' && y < bottom)
		draw_wrap(y, bottom, 1, COLS - 2, o->result, 0, o->failed ? ATTR_ERROR : ATTR_NOTICE);
}

static const struct action_def *const *
output_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_write, &act_clear_text, &act_lock, &act_quit, &act_back, &act_move,
		&act_edit_text, NULL,
	};

	(void)state;
	return acts;
}

const struct screen screen_output = {
	.name = "output",
	.init = output_init,
	.free = output_done,
	.key = output_key,
	.draw = output_draw,
	.tick = output_tick,
	.actions = output_actions,
};
