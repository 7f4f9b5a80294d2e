/* csvin — see csvin.h.
 *
 * libcsv does the quoting; it is fed one physical line at a time, so the
 * line each row starts on is known without a second pass over the text.
 * Cells are applied to the record as libcsv hands them over, and a row is
 * written when it ends: memory holds one row, never the file's records.
 */
#include "csvin.h"

#include <csv.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/csv.h"
#include "base/i18n.h"
#include "base/text.h"

/* Where a column's cells go, when not to a field. */
#define COL_UNNAMED (-1)	/* no heading: only empty cells are allowed */
#define COL_ID (-2)		/* the id of `kyodo list`: a new record gets a new one */
/* What match_heading finds besides a field. */
#define MATCH_NONE (-3)
#define MATCH_AMBIGUOUS (-4)

/* libcsv grows its field buffer by this much at a time; its default (128
 * bytes) makes a 10 MB value cost tens of thousands of reallocations. */
#define CSV_BLOCK (64 * 1024)

/* Header text shown back in a refusal is cut to this many columns. */
#define SHOWN_WIDTH 40

struct importer {
	struct store *s;
	const struct actor *who;
	const struct kind *k;
	struct csvin_result *res;
	struct error *err;
	bool fatal;		/* err is set; everything after is ignored */

	/* The labels in both languages, so a header written in either works
	 * whichever language kyodo runs in. */
	char *label_ja[RECORD_MAX_FIELDS], *label_en[RECORD_MAX_FIELDS];

	bool have_header;
	struct buf map;		/* ints: column → field index, COL_UNNAMED or COL_ID */
	size_t ncols;

	size_t line;		/* the physical line being fed to libcsv */
	size_t row_line;	/* the line the current row starts on */
	bool in_row;

	/* The row being read. */
	size_t col;
	bool row_open, row_content, row_bad;
	struct record r;
	struct error row_err;
	struct buf cell;
};

/* The end of the line that starts at pos: just past its CRLF, CR or LF, or
 * n on the last line. */
static size_t
line_end(const char *p, size_t pos, size_t n)
{
	while (pos < n && p[pos] != '\n' && p[pos] != '\r')
		pos++;
	if (pos < n && p[pos] == '\r' && pos + 1 < n && p[pos + 1] == '\n')
		return pos + 2;
	return pos < n ? pos + 1 : n;
}

/* The physical line (from 1) that byte pos is on. */
static size_t
line_of(const char *p, size_t pos)
{
	size_t line = 1, i = 0;

	for (;;) {
		/* Looks no further than pos itself, so a line end just before pos
		 * moves to the next line and one at pos does not. */
		i = line_end(p, i, pos + 1);
		if (i > pos)
			return line;
		line++;
	}
}

/* True when libcsv will see something on this line besides blanks and the
 * line end (it skips those between rows, so such a line starts no row). */
static bool
has_content(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
			return true;
	return false;
}

/* Blank as record_set would see it after trimming: ASCII white space and the
 * ideographic space (U+3000) only. */
static bool
is_blank(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n' ||
		    s[i] == '\v' || s[i] == '\f')
			i++;
		else if (n - i >= 3 && memcmp(s + i, "\xE3\x80\x80", 3) == 0)
			i += 3;
		else
			return false;
	}
	return true;
}

/* Header text fit to show in a sentence: controls made visible, cut. */
static void
shown(const char *s, char *out, size_t size)
{
	char *v = text_visible(s);
	size_t fit = text_fit(v, SHOWN_WIDTH, NULL);

	snprintf(out, size, "%.*s%s", (int)fit, v, v[fit] != '\0' ? "…" : "");
	free(v);
}

static void
fatal(struct importer *im, const char *fmt, ...) KYODO_PRINTFLIKE(2, 3);

static void
fatal(struct importer *im, const char *fmt, ...)
{
	va_list ap;

	if (im->fatal)
		return;
	im->fatal = true;
	if (im->err != NULL) {
		va_start(ap, fmt);
		vsnprintf(im->err->text, sizeof im->err->text, fmt, ap);
		va_end(ap);
		im->err->field = -1;
	}
}

/* Copies the field labels as each language gives them, then puts the
 * user's language back. */
static void
load_labels(struct importer *im)
{
	const char *was = i18n_lang_code();
	int i;

	i18n_set_lang("ja");
	for (i = 0; i < im->k->nfields; i++)
		im->label_ja[i] = xstrdup(gettext(im->k->fields[i].label));
	i18n_set_lang("en");
	for (i = 0; i < im->k->nfields; i++)
		im->label_en[i] = xstrdup(gettext(im->k->fields[i].label));
	i18n_set_lang(was);
}

static void
free_labels(struct importer *im)
{
	int i;

	for (i = 0; i < RECORD_MAX_FIELDS; i++) {
		free(im->label_ja[i]);
		free(im->label_en[i]);
	}
}

/* "date, start, end …": the names a header may use. */
static void
field_names(const struct kind *k, struct buf *out)
{
	int i;

	for (i = 0; i < k->nfields; i++)
		buf_printf(out, "%s%s", i ? ", " : "", k->fields[i].name);
}

/* The field a heading names: its command-line name first (any case), else
 * a label in English or Japanese.  MATCH_NONE, or MATCH_AMBIGUOUS when the
 * labels of two fields match (*first and *second get them). */
static int
match_heading(const struct importer *im, const char *h, int *first, int *second)
{
	const struct kind *k = im->k;
	int i, found = MATCH_NONE;

	for (i = 0; i < k->nfields; i++)
		if (strcasecmp(h, k->fields[i].name) == 0)
			return i;
	for (i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];

		if (strcasecmp(h, f->label) != 0 && strcasecmp(h, im->label_en[i]) != 0 &&
		    strcmp(h, im->label_ja[i]) != 0 && strcmp(h, _(f->label)) != 0)
			continue;
		if (found >= 0) {
			*first = found;
			*second = i;
			return MATCH_AMBIGUOUS;
		}
		found = i;
	}
	return found;
}

/* Where the cells of column c go. */
static int
column(const struct importer *im, size_t c)
{
	int f;

	memcpy(&f, im->map.data + c * sizeof f, sizeof f);
	return f;
}

static void
header_cell(struct importer *im)
{
	const struct kind *k = im->k;
	char *h = text_trim(buf_str(&im->cell)), show[256];
	struct buf names = {0};
	int f, first = 0, second = 0;
	size_t c;

	f = COL_UNNAMED;
	if (*h != '\0') {
		f = match_heading(im, h, &first, &second);
		if (f == MATCH_NONE && strcasecmp(h, "id") == 0)
			f = COL_ID;
	}
	shown(h, show, sizeof show);
	if (f == MATCH_NONE) {
		field_names(k, &names);
		fatal(im, _("Line %zu, column %zu: \"%s\" is not a field of a %s; the columns "
		    "can be: id, %s (or their labels)."), im->row_line, im->col + 1, show,
		    k->name, buf_str(&names));
		buf_free(&names);
	} else if (f == MATCH_AMBIGUOUS) {
		fatal(im, _("Line %zu, column %zu: \"%s\" could be %s or %s; head the column "
		    "with the field's name."), im->row_line, im->col + 1, show,
		    k->fields[first].name, k->fields[second].name);
	}
	free(h);
	if (im->fatal)
		return;
	for (c = 0; f >= 0 && c < im->ncols; c++) {
		if (column(im, c) == f) {
			fatal(im, _("Line %zu: columns %zu and %zu both give %s (%s)."),
			    im->row_line, c + 1, im->col + 1, field_label(&k->fields[f]),
			    k->fields[f].name);
			return;
		}
	}
	buf_add(&im->map, &f, sizeof f);
	im->ncols++;
}

/* The header row has ended: it must give every required field a column,
 * unless the field has a default (a booking's status). */
static void
header_end(struct importer *im)
{
	const struct kind *k = im->k;
	bool named = false;
	size_t c;
	int i;

	for (c = 0; c < im->ncols; c++)
		named |= column(im, c) != COL_UNNAMED;
	if (!named) {
		/* A row of empty cells, as Excel leaves above a table: not the
		 * header yet. */
		im->ncols = 0;
		buf_reset(&im->map);
		return;
	}
	for (i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];

		if (!f->required || f->dflt != NULL)
			continue;
		for (c = 0; c < im->ncols && column(im, c) != i; c++)
			;
		if (c == im->ncols) {
			fatal(im, _("Line %zu: there is no column for %s (%s), which every %s "
			    "needs."), im->row_line, field_label(f), f->name, k->name);
			return;
		}
	}
	im->have_header = true;
}

static void
row_refuse(struct importer *im, const char *fmt, ...) KYODO_PRINTFLIKE(2, 3);

/* Keeps the first reason a row is refused. */
static void
row_refuse(struct importer *im, const char *fmt, ...)
{
	va_list ap;

	if (im->row_bad)
		return;
	im->row_bad = true;
	va_start(ap, fmt);
	vsnprintf(im->row_err.text, sizeof im->row_err.text, fmt, ap);
	va_end(ap);
}

/* A data cell goes straight into the row's record, through record_set. */
static void
row_cell(struct importer *im)
{
	const char *v = buf_str(&im->cell);
	bool blank = is_blank(v, im->cell.len);
	int f = im->col < im->ncols ? column(im, im->col) : COL_UNNAMED;
	struct error e;

	if (!im->row_open) {
		record_init(&im->r, im->k);
		im->row_open = true;
		im->row_content = im->row_bad = false;
	}
	if (!blank)
		im->row_content = true;
	/* A blank cell keeps the field's default, as a blank form field does. */
	if (blank || f == COL_ID || im->row_bad)
		return;
	if (f == COL_UNNAMED) {
		if (im->col >= im->ncols)
			row_refuse(im, _("Column %zu: the header has %zu columns, and this row "
			    "has a value past them."), im->col + 1, im->ncols);
		else
			row_refuse(im, _("Column %zu has no heading, and this row has a value "
			    "in it."), im->col + 1);
		return;
	}
	error_clear(&e);
	if (!record_set(&im->r, f, v, &e))
		row_refuse(im, "%s", e.text);
}

static void
on_field(void *data, size_t len, void *ctx)
{
	struct importer *im = ctx;

	if (im->fatal)
		return;
	buf_reset(&im->cell);
	if (len > 0)
		buf_add(&im->cell, data, len);
	/* The apostrophe csv_field put before a formula-like cell comes off, so
	 * what `kyodo list` wrote reads back unchanged.  (The file holds no NUL,
	 * so the cell's string is all of it.) */
	if (csv_unguard(buf_str(&im->cell)) != buf_str(&im->cell)) {
		memmove(im->cell.data, im->cell.data + 1, im->cell.len);
		im->cell.len--;
	}
	if (im->have_header)
		row_cell(im);
	else
		header_cell(im);
	im->col++;
}

/* Writes the row.  A refusal by the checks (field, record, store: room
 * names, collisions) comes before anything is written, so the row simply
 * is not there and the import goes on.  A failure after something was
 * written (a follow-up write, the audit) or one that ended the transaction
 * (a full disk) stops the whole import, which is then rolled back: a row
 * is never left half-written.  This is cheaper than a savepoint per row,
 * which doubles the time of a large file. */
static void
write_row(struct importer *im)
{
	sqlite3 *db = store_db(im->s);
	int before = sqlite3_total_changes(db);
	struct error e;

	error_clear(&e);
	if (record_insert_in_tx(im->s, im->who, &im->r, &e)) {
		im->res->imported++;
		return;
	}
	if (sqlite3_get_autocommit(db) || sqlite3_total_changes(db) != before) {
		fatal(im, _("Line %zu: %s (the import stopped; nothing was written)."),
		    im->row_line, e.text);
		return;
	}
	row_refuse(im, "%s", e.text);
}

static void
add_problem(struct importer *im)
{
	struct csvin_result *res = im->res;
	struct csvin_problem *p;

	res->bad++;
	if (res->nproblems >= CSVIN_MAX_PROBLEMS)
		return;
	p = &res->problem[res->nproblems++];
	p->line = im->row_line;
	snprintf(p->text, sizeof p->text, "%s", im->row_err.text);
}

static void
on_row(int c, void *ctx)
{
	struct importer *im = ctx;

	(void)c;
	im->in_row = false;
	im->col = 0;
	if (!im->fatal && !im->have_header) {
		header_end(im);
		return;
	}
	if (!im->row_open)
		return;
	if (!im->fatal && im->row_content) {
		im->res->rows++;
		if (!im->row_bad)
			write_row(im);
		if (im->row_bad && !im->fatal)
			add_problem(im);
	}
	record_free(&im->r);
	im->row_open = false;
}

/* libcsv stopped: says why, naming the line. */
static void
csv_refused(struct importer *im, struct csv_parser *p, size_t line, bool at_end)
{
	if (csv_error(p) != CSV_EPARSE)
		fatal(im, _("Line %zu: a value is too large to read."), line);
	else if (at_end)
		fatal(im, _("Line %zu: a quoted value in this row is never closed "
		    "(a \" is missing)."), line);
	else
		fatal(im, _("Line %zu: a quotation mark is out of place (a value holding \" "
		    "must be quoted, with each \" doubled)."), line);
}

/* Feeds libcsv one physical line at a time; a row starts on the first line
 * with something on it after the previous row ended. */
static void
parse(struct importer *im, struct csv_parser *p, const char *utf8, size_t n)
{
	size_t pos = 0, end, len;

	while (pos < n && !im->fatal) {
		end = line_end(utf8, pos, n);
		len = end - pos;
		im->line++;
		if (!im->in_row && has_content(utf8 + pos, len)) {
			im->in_row = true;
			im->row_line = im->line;
		}
		if (csv_parse(p, utf8 + pos, len, on_field, on_row, im) != len)
			csv_refused(im, p, im->line, false);
		pos = end;
	}
	if (!im->fatal && csv_fini(p, on_field, on_row, im) != 0)
		csv_refused(im, p, im->row_line, true);
	if (!im->fatal && !im->have_header)
		fatal(im, _("The file is empty: there is no header row."));
}

bool
csvin_import(struct store *s, const struct actor *who, const struct kind *k,
    const char *utf8, size_t n, bool skip_bad, struct csvin_result *res,
    struct error *err)
{
	struct importer im;
	struct csv_parser p;
	const char *nul;
	bool ok = false;

	memset(res, 0, sizeof *res);
	error_clear(err);
	/* decode_to_utf8 drops a BOM; a caller that did not decode may pass one. */
	if (n >= 3 && memcmp(utf8, "\xEF\xBB\xBF", 3) == 0) {
		utf8 += 3;
		n -= 3;
	}
	nul = memchr(utf8, '\0', n);
	if (nul != NULL) {
		error_set(err, _("Line %zu: the file holds a NUL byte, so it is not text (a "
		    "binary file, or text saved as UTF-16?)."), line_of(utf8, (size_t)(nul - utf8)));
		return false;
	}
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		error_set(err, _("Cannot read CSV: out of memory."));
		return false;
	}
	csv_set_blk_size(&p, CSV_BLOCK);
	memset(&im, 0, sizeof im);
	im.s = s;
	im.who = who;
	im.k = k;
	im.res = res;
	im.err = err;
	load_labels(&im);
	if (!store_begin(s, err)) {
		im.fatal = true;
		goto out;
	}
	parse(&im, &p, utf8, n);
	if (im.fatal) {
		store_rollback(s);
	} else if (res->bad > 0 && !skip_bad) {
		store_rollback(s);
		error_set(err, P_("Nothing was imported: %zu row is refused (--skip-bad imports "
		    "the others).", "Nothing was imported: %zu rows are refused (--skip-bad "
		    "imports the others).", (unsigned long)res->bad), res->bad);
	} else {
		ok = store_commit(s, err);
	}
out:
	if (!ok)
		res->imported = 0;
	if (im.row_open)
		record_free(&im.r);
	csv_free(&p);
	buf_free(&im.cell);
	buf_free(&im.map);
	free_labels(&im);
	return ok;
}
