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
#include "domain/report.h"
#include "paper/paper.h"
#include "paper/print.h"
#include "sheet/grantsheet.h"
#include "sheet/listsheet.h"
#include "sheet/reportsheet.h"
#include "sync/stick.h"
#include "tui/draw.h"
#include "tui/fmt.h"
#include "tui/lineedit.h"

const struct action_def act_output = {
	ACT_OUTPUT, "Ctrl-P", N_("Output"),
	N_("What this screen shows as an Excel file or a PDF on a USB stick, or printed."),
	{ACT_KEY_CHAR(ACT_CTRL('P'))},
};

static const struct action_def act_write = {
	ACT_OUTPUT_WRITE, "Enter", N_("Write"),
	N_("Write the file to the chosen stick or to the folder typed; when printing, print."),
	{ACT_KEYS_ENTER},
};

static const struct action_def act_format = {
	ACT_OUTPUT_FORMAT, "Left/Right", N_("Excel/PDF/Print"),
	N_("Choose Excel, PDF or printing."), {ACT_KEY_CODE(KEY_LEFT), ACT_KEY_CODE(KEY_RIGHT)},
};

enum format { FMT_XLSX, FMT_PDF, FMT_PRINT };

static const char *const format_labels[] = {
	N_("Excel file"), N_("PDF file"), N_("Print"),
};

struct output {
	struct output_arg arg;
	enum format fmt;
	char center[17];	/* a center code at city hall, "" for none */
	char filter[256];	/* OUTPUT_LIST: the list's filter, "" for none */
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

static bool
has_xlsx(const struct output *o)
{
	return o->arg.what == OUTPUT_MONTH || o->arg.what == OUTPUT_YEAR ||
	    o->arg.what == OUTPUT_GRANTS || o->arg.what == OUTPUT_LIST;
}

/* A list has no paper form: a workbook is its only output. */
static enum format
last_format(const struct output *o)
{
	return o->arg.what == OUTPUT_LIST ? FMT_XLSX : FMT_PRINT;
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
	snprintf(o->filter, sizeof o->filter, "%s", arg->filter != NULL ? arg->filter : "");
	o->arg.filter = NULL;
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
	case OUTPUT_BOOKINGS:
		fmt_date_long(arg->first, when, sizeof when);
		snprintf(o->title, sizeof o->title, arg->ndays > 1 ? _("Booking sheet, the week of %s") :
		    _("Booking sheet of %s"), when);
		break;
	case OUTPUT_PLAN:
		snprintf(o->title, sizeof o->title, "%s", _("Community plan"));
		break;
	case OUTPUT_LIST:
		fmt_month(arg->year, arg->month, when, sizeof when);
		if (o->filter[0] != '\0')
			snprintf(o->title, sizeof o->title, _("%s %s, those with \"%s\""),
			    kind_label(arg->kind), when, o->filter);
		else
			snprintf(o->title, sizeof o->title, "%s %s", kind_label(arg->kind), when);
		break;
	}
	/* A workbook where there is one; else the PDF. */
	o->fmt = has_xlsx(o) ? FMT_XLSX : FMT_PDF;
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
	case OUTPUT_BOOKINGS:
		snprintf(out, size, "kyodo-bookings-%04d-%02d-%02d", o->arg.first.year,
		    o->arg.first.month, o->arg.first.day);
		break;
	case OUTPUT_PLAN:
		snprintf(out, size, "kyodo-plan");
		break;
	case OUTPUT_LIST:
		snprintf(out, size, "kyodo-%s-%04d-%02d", o->arg.kind->name, o->arg.year,
		    o->arg.month);
		break;
	}
}

/* The list as a workbook: the month's records the filter shows, the month
 * (and the filter) in its title. */
static bool
list_xlsx(struct app *a, const struct output *o, const char *path, struct error *err)
{
	struct record_query q = {.year = o->arg.year, .month = o->arg.month};
	char when[64], extra[384];

	if (o->filter[0] != '\0')
		q.contains = o->filter;
	era_format_month(o->arg.year, o->arg.month, fmt_era_lang(), when, sizeof when);
	if (o->filter[0] != '\0')
		snprintf(extra, sizeof extra, _("%s, those with \"%s\""), when, o->filter);
	else
		snprintf(extra, sizeof extra, "%s", when);
	return listsheet_write(app_store(a), o->arg.kind, &q, NULL, extra, path, err);
}

/* The report to print: at city hall the overview or one center's. */
static bool
pdf_report(struct app *a, const struct output *o, const char *path, struct error *err)
{
	struct store *st = app_store(a);
	const char *center = o->center[0] != '\0' ? o->center : NULL;
	char name[256];
	bool ok;

	if (center != NULL)
		report_center_name(st, center, name, sizeof name);
	else
		snprintf(name, sizeof name, "%s", store_name(st));
	if (o->arg.what == OUTPUT_YEAR) {
		struct report_year y;

		if (!report_year(st, o->arg.fy, &y, err))
			return false;
		ok = paper_year(&y, name, path, err);
		report_year_free(&y);
	} else {
		struct report r;

		if (!report_month(st, o->arg.year, o->arg.month, center, &r, err))
			return false;
		ok = paper_monthly(&r, name, path, err);
		report_free(&r);
	}
	return ok;
}

static bool
write_file(struct app *a, const struct output *o, const char *path, struct error *err)
{
	if (o->fmt == FMT_XLSX) {
		switch (o->arg.what) {
		case OUTPUT_MONTH:
			return reportsheet_monthly(app_store(a), o->arg.year, o->arg.month,
			    o->center[0] != '\0' ? o->center : NULL, path, err);
		case OUTPUT_YEAR:
			return reportsheet_year(app_store(a), o->arg.fy, path, err);
		case OUTPUT_GRANTS:
			return grantsheet_write(app_store(a), o->arg.fy, path, err);
		case OUTPUT_LIST:
			return list_xlsx(a, o, path, err);
		default:
			break;
		}
		return false;
	}
	switch (o->arg.what) {
	case OUTPUT_MONTH:
	case OUTPUT_YEAR:
		return pdf_report(a, o, path, err);
	case OUTPUT_GRANTS:
		return paper_grants(app_store(a), o->arg.fy, path, err);
	case OUTPUT_BOOKINGS:
		return paper_bookings(app_store(a), o->arg.first, o->arg.ndays, path, err);
	case OUTPUT_PLAN:
		return paper_plan(app_store(a), path, err);
	case OUTPUT_LIST:
		break;
	}
	return false;
}

/* Makes the PDF in a private folder, sends it to the default printer and
 * removes it. */
static void
print_now(struct app *a, struct output *o)
{
	char path[PATH_MAX], job[128];
	struct error err = {"", -1};
	bool ok;

	o->failed = true;
	if (!paper_print_tmp(path, &err)) {
		snprintf(o->result, sizeof o->result, _("Not printed: %s"), err.text);
		return;
	}
	ok = write_file(a, o, path, &err) && paper_print(path, job, sizeof job, &err);
	paper_print_cleanup(path);
	if (!ok) {
		snprintf(o->result, sizeof o->result, _("Not printed: %s"), err.text);
		return;
	}
	o->failed = false;
	if (job[0] != '\0' && paper_print_paused(job)) {
		/* Sent, but nothing comes out: said as a failure is. */
		o->failed = true;
		snprintf(o->result, sizeof o->result, _("Sent to the printer (job %s). %s"), job,
		    _("The printer is paused: the document waits and prints once the printer is "
		    "started again; tell whoever looks after it."));
	} else if (job[0] != '\0')
		snprintf(o->result, sizeof o->result, _("Sent to the printer (job %s)."), job);
	else
		snprintf(o->result, sizeof o->result, "%s", _("Sent to the printer."));
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
		const char *ext = o->fmt == FMT_XLSX ? "xlsx" : "pdf";

		if (n == 1)
			snprintf(path, sizeof path, "%s/%s.%s", folder, base, ext);
		else
			snprintf(path, sizeof path, "%s/%s-%d.%s", folder, base, n, ext);
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
		/* The progress line, on screen while the file is made. */
		snprintf(o->result, sizeof o->result, "%s", o->fmt == FMT_PRINT ?
		    _("Making the document and sending it to the printer…") :
		    _("Writing the file…"));
		o->failed = false;
		app_draw_now(a);
		if (o->fmt == FMT_PRINT)
			print_now(a, o);
		else
			write_to(a, o, o->cur < o->nsticks ? o->sticks[o->cur] :
			    lineedit_text(&o->folder));
		return RES_HANDLED | RES_REDRAW;
	}
	/* Left/Right choose the format, unless the folder typed is being
	 * edited (then they move in it). */
	if (act == ACT_OUTPUT_FORMAT && last_format(o) != FMT_XLSX &&
	    (o->cur < o->nsticks || o->fmt == FMT_PRINT || lineedit_text(&o->folder)[0] == '\0')) {
		int first = has_xlsx(o) ? FMT_XLSX : FMT_PDF, f = (int)o->fmt;

		f = k.ch == KEY_LEFT ? (f == first ? FMT_PRINT : f - 1) :
		    (f == FMT_PRINT ? first : f + 1);
		o->fmt = (enum format)f;
		o->result[0] = '\0';
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
	/* Typing goes to the folder row, wherever the cursor was; the keys
	 * that move in it or edit it act only there. */
	if (k.code && o->cur < o->nsticks)
		return 0;
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
	y = draw_wrap(y, bottom, 1, COLS - 2, o->title, 0, ATTR_HEADER) + 1;
	/* The formats, the chosen one marked as a choice field is. */
	x = 1;
	for (i = has_xlsx(o) ? FMT_XLSX : FMT_PDF; i <= (int)last_format(o) && y < bottom; i++) {
		snprintf(line, sizeof line, (int)o->fmt == i ? "< %s >" : "  %s  ", _(format_labels[i]));
		x += draw_text(y, x, COLS - x - 1, line, (int)o->fmt == i ? ATTR_SELECTED :
		    ATTR_NORMAL) + 1;
	}
	y += 2;
	if (o->fmt == FMT_PRINT) {
		y = draw_wrap(y, bottom, 1, COLS - 2, _("Enter prints it on this computer's "
		    "printer. Left/Right: another format."), 0, ATTR_NORMAL) + 1;
	} else {
		y = draw_wrap(y, bottom, 1, COLS - 2, last_format(o) == FMT_XLSX ?
		    _("Choose the USB stick with Up/Down, or type a folder, then press Enter.") :
		    _("Choose the USB stick with Up/Down, or type a folder, then press Enter. "
		    "Left/Right: another format."), 0, ATTR_NORMAL);
		if (o->nsticks == 0 && y < bottom)
			y = draw_wrap(y, bottom, 2, COLS - 3, _("No USB stick is found: put one in "
			    "(it shows here) or type a folder below."), 0, ATTR_DIM);
		for (i = 0; i < o->nsticks && y < bottom; i++, y++) {
			if (i == o->cur)
				draw_fill(y, 0, COLS, ATTR_SELECTED);
			draw_text(y, 2, COLS - 3, o->sticks[i], i == o->cur ? ATTR_SELECTED :
			    ATTR_NORMAL);
		}
		if (y < bottom) {
			x = 2 + draw_text(y, 2, COLS - 3, _("Folder: "), o->cur == o->nsticks ?
			    ATTR_HEADER : ATTR_NORMAL);
			col = lineedit_view(&o->folder, COLS - x - 1);
			draw_fill(y, x, COLS - x - 1, ATTR_INPUT);
			draw_text(y, x, COLS - x - 1, lineedit_text(&o->folder) + o->folder.first,
			    ATTR_INPUT);
			if (o->cur == o->nsticks)
				app_cursor(a, y, x + col);
			y += 2;
		}
	}
	if (o->result[0] != '\0' && y < bottom)
		draw_wrap(y, bottom, 1, COLS - 2, o->result, 0, o->failed ? ATTR_ERROR : ATTR_NOTICE);
}

static const struct action_def *const *
output_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_help, &act_write, &act_format, &act_clear_text, &act_lock, &act_quit, &act_back,
		&act_move, &act_edit_text, NULL,
	};
	static const struct action_def *const workbook_only[] = {
		&act_help, &act_write, &act_clear_text, &act_lock, &act_quit, &act_back,
		&act_move, &act_edit_text, NULL,
	};
	const struct output *o = state;

	return last_format(o) == FMT_XLSX ? workbook_only : acts;
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
