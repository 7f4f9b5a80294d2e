/*
 * xlsx — the one workbook helper behind every spreadsheet kyodo writes for
 * people (libxlsxwriter): the cell formats (yen as numbers shown ¥#,##0,
 * dates as Excel dates, totals bold), column widths fitted to the display
 * width of what was written (a wide character counts 2), frozen heading
 * rows, A4 print setup (portrait or landscape by the width, one page wide,
 * the heading rows on each page, the center's name and "page / pages" in
 * the page header and footer), and the file itself.
 *
 * libxlsxwriter opens its output by name, so it never writes the final
 * name: it writes into a private folder (mkdtemp, mode 0700, which also
 * holds its own temporary files), and xlsx_close puts the bytes in place
 * through outfile (never over a file, never through a link; nothing left
 * behind on failure).
 */
#ifndef KYODO_XLSX_H
#define KYODO_XLSX_H

#include <stdbool.h>

#include "base/error.h"

struct xlsx;
struct xlsx_sheet;

enum xlsx_style {
	XLSX_TEXT,	/* a line of text */
	XLSX_NOTE,	/* text that may hold line breaks (wrapped) */
	XLSX_HEAD,	/* a column heading */
	XLSX_COUNT,	/* #,##0 */
	XLSX_YEAR,	/* 0: a number that is a year */
	XLSX_YEN,	/* ¥#,##0 */
	XLSX_PCT,	/* 0.0% */
	XLSX_DATE,	/* yyyy-mm-dd */
	XLSX_TIME,	/* hh:mm */
	XLSX_NSTYLES
};

/* A new workbook to be written at path (checked now: a link, a folder or
 * anything there is refused).  place names the center (or city hall) in
 * each page's header.  NULL with err. */
struct xlsx *xlsx_open(const char *path, const char *place, struct error *err);
/* Adds a sheet (name made valid and unique when it is not) with title in
 * its first row, bold; title also goes in the page header.  Owned by x. */
struct xlsx_sheet *xlsx_sheet_add(struct xlsx *x, const char *name, const char *title);
/* A line under the title (row 1 onwards), not counted in the widths. */
void xlsx_line(struct xlsx_sheet *sh, int row, const char *text);
/* The table's heading row: frozen (with the first freeze_cols columns) and
 * printed on every page. */
void xlsx_head_row(struct xlsx_sheet *sh, int row, int freeze_cols);
/* Marks row as a total row: its cells are bold with a line above. */
void xlsx_total_row(struct xlsx_sheet *sh, int row);

/* Cells.  Text is written as text, never as a formula.  A date or time that
 * does not parse is written as the text it is; NULL or "" leaves the cell
 * blank. */
void xlsx_text(struct xlsx_sheet *sh, int row, int col, const char *text, enum xlsx_style st);
void xlsx_num(struct xlsx_sheet *sh, int row, int col, double v, enum xlsx_style st);
void xlsx_date(struct xlsx_sheet *sh, int row, int col, const char *iso);
void xlsx_time(struct xlsx_sheet *sh, int row, int col, const char *hhmm);
/* =SUM over the rectangle r1,c1 .. r2,c2 with its value cached (so a viewer
 * that does not recalculate shows it); an empty range (r2 < r1) writes the
 * number instead. */
void xlsx_sum(struct xlsx_sheet *sh, int row, int col, int r1, int c1, int r2, int c2,
    double cached, enum xlsx_style st);
/* Any formula ("=ROUND(D5/E5,3)") with its value cached. */
void xlsx_formula(struct xlsx_sheet *sh, int row, int col, const char *formula, double cached,
    enum xlsx_style st);
/* "B5" for row 4, column 1. */
void xlsx_cell_name(int row, int col, char out[16]);

/* Finishes every sheet (widths, panes, print setup), writes the workbook
 * and puts it at its path; frees x.  False with err, nothing left behind. */
bool xlsx_close(struct xlsx *x, struct error *err);
/* Drops the workbook: nothing is written; frees x. */
void xlsx_abort(struct xlsx *x);

/* ---- the measures, exported for the unit tests ---- */

/* Columns a text takes as shown: its widest line, wide characters 2. */
int xlsx_text_width(const char *text);
/* Columns a number takes in a style's format ("¥1,234,567" is 10). */
int xlsx_num_width(double v, enum xlsx_style st);
/* The Excel width column col of sh will get from what it holds so far
 * (0: nothing written there). */
double xlsx_column_width(const struct xlsx_sheet *sh, int col);
/* Excel's column width for content that many columns wide: two more for
 * the margins, at least 4, at most 60 (longer text wraps or spills). */
double xlsx_col_width(int display_width);
/* Whether columns of these Excel widths fit across an A4 page upright
 * (one page wide at 100%, default margins); else the sheet prints
 * landscape. */
bool xlsx_fits_portrait(const double *widths, int n);

#endif
