/* xlsx — see xlsx.h. */
#include "xlsx.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "base/buf.h"
#include "base/date.h"
#include "base/i18n.h"
#include "base/text.h"
#include "store/outfile.h"

/* A cell holds at most this many bytes (Excel's 32,767 characters, read
 * as bytes to stay on the safe side). */
#define CELL_MAX 32767
#define PAPER_A4 9

struct xlsx_sheet {
	struct xlsx *x;
	lxw_worksheet *ws;
	char title[256];
	double *width;		/* display columns of the widest cell, per column */
	int ncols;
	int head_row, freeze_cols;
	int total_row;		/* the last row marked as a total, or -1 */
};

struct xlsx {
	lxw_workbook *wb;
	char path[4096];	/* the final name */
	char dir[1024];		/* the private folder */
	char file[4096];	/* the workbook inside it */
	char place[256];
	lxw_format *fmt[XLSX_NSTYLES][2];	/* [style][total row] */
	lxw_format *title;
	struct xlsx_sheet **sheets;
	int nsheets;
	lxw_error failed;	/* the first error while writing cells */
};

static const char *const num_formats[XLSX_NSTYLES] = {
	[XLSX_COUNT] = "#,##0",
	[XLSX_YEAR] = "0",
	[XLSX_YEN] = "¥#,##0",
	[XLSX_PCT] = "0.0%",
	[XLSX_DATE] = "yyyy-mm-dd",
	[XLSX_TIME] = "hh:mm",
};

static void
make_formats(struct xlsx *x)
{
	int st, t;

	x->title = workbook_add_format(x->wb);
	format_set_bold(x->title);
	format_set_font_size(x->title, 14);
	for (st = 0; st < XLSX_NSTYLES; st++)
		for (t = 0; t < 2; t++) {
			lxw_format *f = workbook_add_format(x->wb);

			if (num_formats[st] != NULL)
				format_set_num_format(f, num_formats[st]);
			if (st == XLSX_NOTE) {
				format_set_text_wrap(f);
				format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
			}
			if (st == XLSX_HEAD) {
				format_set_bold(f);
				format_set_bottom(f, LXW_BORDER_THIN);
				format_set_bg_color(f, 0xE8E8E8);
				format_set_align(f, LXW_ALIGN_CENTER);
			}
			if (t) {
				format_set_bold(f);
				format_set_top(f, LXW_BORDER_THIN);
			}
			x->fmt[st][t] = f;
		}
}

static void
remove_private(struct xlsx *x)
{
	if (x->file[0] != '\0')
		unlink(x->file);
	if (x->dir[0] != '\0')
		rmdir(x->dir);
	x->file[0] = x->dir[0] = '\0';
}

struct xlsx *
xlsx_open(const char *path, const char *place, struct error *err)
{
	struct xlsx *x;
	const char *tmp = getenv("TMPDIR");
	lxw_workbook_options o = {0};

	if (!outfile_check(path, 0, err))
		return NULL;
	x = calloc(1, sizeof *x);
	if (x == NULL) {
		error_set(err, _("Cannot write %s: %s"), path, strerror(ENOMEM));
		return NULL;
	}
	snprintf(x->path, sizeof x->path, "%s", path);
	snprintf(x->place, sizeof x->place, "%s", place != NULL ? place : "");
	if (tmp == NULL || tmp[0] != '/')
		tmp = "/tmp";
	snprintf(x->dir, sizeof x->dir, "%s/kyodo-xlsx.XXXXXX", tmp);
	if (mkdtemp(x->dir) == NULL) {
		error_set(err, _("Cannot write %s: %s"), path, strerror(errno));
		free(x);
		return NULL;
	}
	snprintf(x->file, sizeof x->file, "%s/book.xlsx", x->dir);
	/* libxlsxwriter's own temporary files go in the private folder too. */
	o.tmpdir = x->dir;
	x->wb = workbook_new_opt(x->file, &o);
	if (x->wb == NULL) {
		error_set(err, _("Cannot write %s: %s"), path, strerror(errno ? errno : ENOMEM));
		x->file[0] = '\0';
		remove_private(x);
		free(x);
		return NULL;
	}
	make_formats(x);
	return x;
}

/* Whether a sheet name is one Excel takes as it is. */
static bool
name_ok(struct xlsx *x, const char *name)
{
	return name != NULL && name[0] != '\0' && text_chars(name) <= LXW_SHEETNAME_MAX &&
	    workbook_validate_sheet_name(x->wb, name) == LXW_NO_ERROR;
}

/* "&" starts a code in a page header; a name's own is doubled.  Cut to
 * what fits in max bytes, at a character's start. */
static void
header_text(struct buf *b, const char *s, size_t max)
{
	size_t start = b->len;

	for (; *s != '\0'; s++) {
		size_t n = 1;

		while ((s[n] & 0xC0) == 0x80)
			n++;
		if (b->len - start + n + (*s == '&') > max)
			break;
		if (*s == '&')
			buf_addc(b, '&');
		buf_add(b, s, n);
		s += n - 1;
	}
}

struct xlsx_sheet *
xlsx_sheet_add(struct xlsx *x, const char *name, const char *title)
{
	struct xlsx_sheet *sh = calloc(1, sizeof *sh);
	char fallback[32];

	if (sh == NULL)
		abort();
	if (!name_ok(x, name)) {
		snprintf(fallback, sizeof fallback, "Sheet%d", x->nsheets + 1);
		name = fallback;
	}
	sh->x = x;
	sh->ws = workbook_add_worksheet(x->wb, name);
	if (sh->ws == NULL)
		abort();
	sh->head_row = sh->total_row = -1;
	snprintf(sh->title, sizeof sh->title, "%s", title != NULL ? title : "");
	x->sheets = realloc(x->sheets, (size_t)(x->nsheets + 1) * sizeof *x->sheets);
	if (x->sheets == NULL)
		abort();
	x->sheets[x->nsheets++] = sh;
	if (title != NULL && title[0] != '\0')
		worksheet_write_string(sh->ws, 0, 0, title, x->title);
	return sh;
}

void
xlsx_line(struct xlsx_sheet *sh, int row, const char *text)
{
	worksheet_write_string(sh->ws, (lxw_row_t)row, 0, text, NULL);
}

void
xlsx_head_row(struct xlsx_sheet *sh, int row, int freeze_cols)
{
	sh->head_row = row;
	sh->freeze_cols = freeze_cols;
}

void
xlsx_total_row(struct xlsx_sheet *sh, int row)
{
	sh->total_row = row;
}

static void
fit(struct xlsx_sheet *sh, int col, int w)
{
	if (col >= sh->ncols) {
		int n = col + 8, i;

		sh->width = realloc(sh->width, (size_t)n * sizeof *sh->width);
		if (sh->width == NULL)
			abort();
		for (i = sh->ncols; i < n; i++)
			sh->width[i] = 0;
		sh->ncols = n;
	}
	if (w > sh->width[col])
		sh->width[col] = w;
}

static lxw_format *
fmt(struct xlsx_sheet *sh, int row, enum xlsx_style st)
{
	return sh->x->fmt[st][row == sh->total_row];
}

static void
note(struct xlsx_sheet *sh, lxw_error e)
{
	if (e != LXW_NO_ERROR && sh->x->failed == LXW_NO_ERROR)
		sh->x->failed = e;
}

int
xlsx_text_width(const char *text)
{
	int best = 0, w;
	const char *line = text, *nl;
	char *copy;

	while (line != NULL) {
		nl = strchr(line, '\n');
		copy = nl != NULL ? strndup(line, (size_t)(nl - line)) : strdup(line);
		if (copy == NULL)
			abort();
		w = text_width(copy);
		free(copy);
		if (w > best)
			best = w;
		line = nl != NULL ? nl + 1 : NULL;
	}
	return best;
}

int
xlsx_num_width(double v, enum xlsx_style st)
{
	char t[64];
	long long n;
	int digits, w;

	switch (st) {
	case XLSX_DATE:
		return 10;
	case XLSX_TIME:
		return 5;
	case XLSX_PCT:
		return snprintf(t, sizeof t, "%.1f%%", v * 100);
	case XLSX_YEAR:
		return snprintf(t, sizeof t, "%.0f", v);
	default:
		break;
	}
	n = (long long)((v < 0 ? -v : v) + 0.5);
	digits = snprintf(t, sizeof t, "%lld", n);
	w = digits + (digits - 1) / 3 + (v < 0);
	return st == XLSX_YEN ? w + 1 : w;
}

double
xlsx_col_width(int display_width)
{
	double w = display_width + 2;

	return w < 4 ? 4 : w > 60 ? 60 : w;
}

double
xlsx_column_width(const struct xlsx_sheet *sh, int col)
{
	if (col < 0 || col >= sh->ncols || sh->width[col] <= 0)
		return 0;
	return xlsx_col_width((int)sh->width[col]);
}

bool
xlsx_fits_portrait(const double *widths, int n)
{
	/* A4 upright with Excel's default margins (0.7 in a side) leaves
	 * about 660 pixels; a column of width w takes 7w + 5 of them in the
	 * default font. */
	double px = 0;
	int i;

	for (i = 0; i < n; i++)
		if (widths[i] > 0)
			px += 7 * widths[i] + 5;
	return px <= 660;
}

void
xlsx_text(struct xlsx_sheet *sh, int row, int col, const char *text, enum xlsx_style st)
{
	char *shown = NULL;
	const char *s = text;
	size_t n;

	if (text == NULL || text[0] == '\0') {
		if (row == sh->total_row)
			worksheet_write_blank(sh->ws, (lxw_row_t)row, (lxw_col_t)col, fmt(sh, row, st));
		return;
	}
	/* XML cannot carry most controls or broken bytes: such a value (a
	 * store written before the rules) is written as the screen shows it. */
	if (text_find_control(text, strlen(text), st == XLSX_NOTE ? "\n\t" : "\t") != NULL)
		s = shown = text_visible(text);
	n = strlen(s);
	if (n > CELL_MAX) {
		if (shown == NULL && (shown = strdup(s)) == NULL)
			abort();
		for (n = CELL_MAX; n > 0 && (shown[n] & 0xC0) == 0x80; n--)
			;
		shown[n] = '\0';
		s = shown;
	}
	note(sh, worksheet_write_string(sh->ws, (lxw_row_t)row, (lxw_col_t)col, s,
	    fmt(sh, row, st)));
	fit(sh, col, xlsx_text_width(s));
	free(shown);
}

void
xlsx_num(struct xlsx_sheet *sh, int row, int col, double v, enum xlsx_style st)
{
	note(sh, worksheet_write_number(sh->ws, (lxw_row_t)row, (lxw_col_t)col, v,
	    fmt(sh, row, st)));
	fit(sh, col, xlsx_num_width(v, st));
}

void
xlsx_date(struct xlsx_sheet *sh, int row, int col, const char *iso)
{
	struct date d;
	lxw_datetime dt = {0};

	if (iso == NULL || iso[0] == '\0' || !date_parse(iso, &d) || d.year < 1900) {
		xlsx_text(sh, row, col, iso, XLSX_TEXT);
		return;
	}
	dt.year = d.year;
	dt.month = d.month;
	dt.day = d.day;
	note(sh, worksheet_write_datetime(sh->ws, (lxw_row_t)row, (lxw_col_t)col, &dt,
	    fmt(sh, row, XLSX_DATE)));
	fit(sh, col, xlsx_num_width(0, XLSX_DATE));
}

void
xlsx_time(struct xlsx_sheet *sh, int row, int col, const char *hhmm)
{
	int m;

	if (hhmm == NULL || hhmm[0] == '\0' || !time_parse(hhmm, &m)) {
		xlsx_text(sh, row, col, hhmm, XLSX_TEXT);
		return;
	}
	/* A time is the fraction of a day. */
	xlsx_num(sh, row, col, m / 1440.0, XLSX_TIME);
}

void
xlsx_cell_name(int row, int col, char out[16])
{
	lxw_rowcol_to_cell(out, (lxw_row_t)row, (lxw_col_t)col);
}

void
xlsx_formula(struct xlsx_sheet *sh, int row, int col, const char *formula, double cached,
    enum xlsx_style st)
{
	note(sh, worksheet_write_formula_num(sh->ws, (lxw_row_t)row, (lxw_col_t)col, formula,
	    fmt(sh, row, st), cached));
	fit(sh, col, xlsx_num_width(cached, st));
}

void
xlsx_sum(struct xlsx_sheet *sh, int row, int col, int r1, int c1, int r2, int c2,
    double cached, enum xlsx_style st)
{
	char a[16], b[16], f[48];

	if (r2 < r1 || c2 < c1) {
		xlsx_num(sh, row, col, cached, st);
		return;
	}
	xlsx_cell_name(r1, c1, a);
	xlsx_cell_name(r2, c2, b);
	snprintf(f, sizeof f, "=SUM(%s:%s)", a, b);
	xlsx_formula(sh, row, col, f, cached, st);
}

/* Widths, panes and the page of one sheet. */
static void
finish(struct xlsx *x, struct xlsx_sheet *sh)
{
	struct buf h = {0};
	double *w = calloc((size_t)sh->ncols + 1, sizeof *w);
	int c;

	if (w == NULL)
		abort();
	for (c = 0; c < sh->ncols; c++) {
		w[c] = xlsx_column_width(sh, c);
		if (w[c] <= 0)
			continue;
		worksheet_set_column(sh->ws, (lxw_col_t)c, (lxw_col_t)c, w[c], NULL);
	}
	worksheet_set_paper(sh->ws, PAPER_A4);
	if (xlsx_fits_portrait(w, sh->ncols))
		worksheet_set_portrait(sh->ws);
	else
		worksheet_set_landscape(sh->ws);
	free(w);
	worksheet_fit_to_pages(sh->ws, 1, 0);
	if (sh->head_row >= 0) {
		worksheet_freeze_panes(sh->ws, (lxw_row_t)sh->head_row + 1,
		    (lxw_col_t)sh->freeze_cols);
		worksheet_repeat_rows(sh->ws, (lxw_row_t)sh->head_row, (lxw_row_t)sh->head_row);
	}
	/* Page header: the place at the left, the sheet's title at the right,
	 * within libxlsxwriter's 255. */
	buf_adds(&h, "&L");
	header_text(&h, x->place, 110);
	buf_adds(&h, "&R");
	header_text(&h, sh->title, 110);
	note(sh, worksheet_set_header(sh->ws, buf_str(&h)));
	buf_free(&h);
	note(sh, worksheet_set_footer(sh->ws, "&C&P / &N"));
}

static void
free_sheets(struct xlsx *x)
{
	int i;

	for (i = 0; i < x->nsheets; i++) {
		free(x->sheets[i]->width);
		free(x->sheets[i]);
	}
	free(x->sheets);
	x->sheets = NULL;
	x->nsheets = 0;
}

/* Copies the finished workbook to its final name through outfile. */
static bool
place_file(struct xlsx *x, struct error *err)
{
	struct outfile of;
	char block[65536];
	ssize_t n, w;
	int in = open(x->file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);

	if (in < 0) {
		error_set(err, _("Cannot write %s: %s"), x->path, strerror(errno));
		return false;
	}
	if (!outfile_begin(&of, x->path, 0, 0644, err)) {
		close(in);
		return false;
	}
	for (;;) {
		n = read(in, block, sizeof block);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		for (char *p = block; n > 0; p += w, n -= w) {
			w = write(of.fd, p, (size_t)n);
			if (w < 0 && errno == EINTR) {
				w = 0;
				continue;
			}
			if (w <= 0) {
				error_set(err, _("Cannot write %s: %s"), x->path,
				    strerror(w < 0 ? errno : ENOSPC));
				close(in);
				outfile_abort(&of);
				return false;
			}
		}
	}
	if (n < 0) {
		error_set(err, _("Cannot write %s: %s"), x->path, strerror(errno));
		close(in);
		outfile_abort(&of);
		return false;
	}
	close(in);
	return outfile_commit(&of, err);
}

bool
xlsx_close(struct xlsx *x, struct error *err)
{
	lxw_error e;
	bool ok;
	int i;

	for (i = 0; i < x->nsheets; i++)
		finish(x, x->sheets[i]);
	e = workbook_close(x->wb);
	x->wb = NULL;
	if (e == LXW_NO_ERROR)
		e = x->failed;
	if (e != LXW_NO_ERROR) {
		error_set(err, _("Cannot write %s: %s"), x->path, lxw_strerror(e));
		ok = false;
	} else {
		ok = place_file(x, err);
	}
	remove_private(x);
	free_sheets(x);
	free(x);
	return ok;
}

void
xlsx_abort(struct xlsx *x)
{
	if (x == NULL)
		return;
	/* libxlsxwriter has no way to drop a workbook unwritten: it is
	 * written into the private folder, then removed with it. */
	if (x->wb != NULL)
		workbook_close(x->wb);
	remove_private(x);
	free_sheets(x);
	free(x);
}
