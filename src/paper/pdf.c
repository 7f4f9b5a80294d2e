/* pdf — see pdf.h. */
#include "pdf.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "base/i18n.h"
#include "paginate.h"
#include "store/outfile.h"

/* A4 in points. */
#define A4_W 595.276
#define A4_H 841.890
#define MARGIN 40.0
#define RUNNING_H 18.0	/* the running line and its gap */
#define FOOT_H 22.0	/* the page number and its gap */
#define PAD_X 3.0
#define PAD_Y 2.5
#define BAR_H 14.0
/* Fontconfig's list: the first that is installed sets the text. */
#define FONT "Noto Sans CJK JP,IPAexGothic,IPAGothic,sans-serif"

enum kind { K_TITLE, K_HEADING, K_TEXT, K_ROW, K_BAR };

struct table {
	int ncols;
	double weight[PDOC_MAX_COLS];
	enum pdoc_align align[PDOC_MAX_COLS];
	char *head[PDOC_MAX_COLS];
	double head_h;
};

struct item {
	enum kind kind;
	char *text, *sub;	/* title, heading, text; a bar's label */
	char **cell;		/* a row's ncols cells */
	enum pdoc_style style;
	int table;		/* a row's table; a bar's chart */
	long value;		/* a bar's */
};

struct pdoc {
	bool landscape;
	char *running;
	struct item *it;
	int n, cap;
	struct table *tab;
	int ntab, tcap;
	long *bar_max;		/* per chart */
	int ncharts;
	bool oom;
};

static char *
pdup(struct pdoc *d, const char *s)
{
	char *p = strdup(s != NULL ? s : "");

	if (p == NULL)
		d->oom = true;
	return p;
}

static struct item *
add(struct pdoc *d, enum kind k)
{
	if (d->n == d->cap) {
		int cap = d->cap ? d->cap * 2 : 64;
		struct item *p = realloc(d->it, (size_t)cap * sizeof *p);

		if (p == NULL) {
			d->oom = true;
			return NULL;
		}
		d->it = p;
		d->cap = cap;
	}
	memset(&d->it[d->n], 0, sizeof d->it[0]);
	d->it[d->n].kind = k;
	d->it[d->n].table = -1;
	return &d->it[d->n++];
}

struct pdoc *
pdoc_new(bool landscape, const char *running)
{
	struct pdoc *d = calloc(1, sizeof *d);

	if (d == NULL)
		return NULL;
	d->landscape = landscape;
	d->running = pdup(d, running);
	return d;
}

void
pdoc_free(struct pdoc *d)
{
	int i, c;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++) {
		free(d->it[i].text);
		free(d->it[i].sub);
		if (d->it[i].cell != NULL)
			for (c = 0; c < d->tab[d->it[i].table].ncols; c++)
				free(d->it[i].cell[c]);
		free(d->it[i].cell);
	}
	for (i = 0; i < d->ntab; i++)
		for (c = 0; c < d->tab[i].ncols; c++)
			free(d->tab[i].head[c]);
	free(d->it);
	free(d->tab);
	free(d->bar_max);
	free(d->running);
	free(d);
}

void
pdoc_title(struct pdoc *d, const char *title, const char *sub)
{
	struct item *i = add(d, K_TITLE);

	if (i != NULL) {
		i->text = pdup(d, title);
		i->sub = pdup(d, sub);
	}
}

void
pdoc_heading(struct pdoc *d, const char *text)
{
	struct item *i = add(d, K_HEADING);

	if (i != NULL)
		i->text = pdup(d, text);
}

void
pdoc_text(struct pdoc *d, const char *text)
{
	struct item *i = add(d, K_TEXT);

	if (i != NULL)
		i->text = pdup(d, text);
}

void
pdoc_table(struct pdoc *d, int ncols, const double *weight, const enum pdoc_align *align,
    const char *const *head)
{
	struct table *t;
	int c;

	if (ncols < 1 || ncols > PDOC_MAX_COLS) {
		d->oom = true;	/* a programming error: refuse the document */
		return;
	}
	if (d->ntab == d->tcap) {
		int cap = d->tcap ? d->tcap * 2 : 8;
		struct table *p = realloc(d->tab, (size_t)cap * sizeof *p);

		if (p == NULL) {
			d->oom = true;
			return;
		}
		d->tab = p;
		d->tcap = cap;
	}
	t = &d->tab[d->ntab++];
	memset(t, 0, sizeof *t);
	t->ncols = ncols;
	for (c = 0; c < ncols; c++) {
		t->weight[c] = weight[c];
		t->align[c] = align[c];
		t->head[c] = pdup(d, head[c]);
	}
}

void
pdoc_row(struct pdoc *d, const char *const *cell, enum pdoc_style style)
{
	struct item *i;
	int c, n;

	if (d->ntab == 0) {
		d->oom = true;
		return;
	}
	n = d->tab[d->ntab - 1].ncols;
	i = add(d, K_ROW);
	if (i == NULL)
		return;
	i->table = d->ntab - 1;
	i->style = style;
	i->cell = calloc((size_t)n, sizeof *i->cell);
	if (i->cell == NULL) {
		d->oom = true;
		return;
	}
	for (c = 0; c < n; c++)
		i->cell[c] = pdup(d, cell[c]);
}

void
pdoc_bars(struct pdoc *d, int n, const char *const *label, const long *value)
{
	long *p = realloc(d->bar_max, (size_t)(d->ncharts + 1) * sizeof *p);
	int k;

	if (p == NULL) {
		d->oom = true;
		return;
	}
	d->bar_max = p;
	p[d->ncharts] = 0;
	for (k = 0; k < n; k++) {
		struct item *i = add(d, K_BAR);

		if (i == NULL)
			return;
		i->table = d->ncharts;
		i->text = pdup(d, label[k]);
		i->value = value[k];
		if (value[k] > p[d->ncharts])
			p[d->ncharts] = value[k];
	}
	d->ncharts++;
}

/* ---- layout and drawing ---- */

struct page {
	cairo_t *cr;
	PangoLayout *lay;
	double w, h;		/* the page */
	double body_w;		/* between the margins */
};

static void
font(struct page *pg, double size, bool bold)
{
	PangoFontDescription *fd = pango_font_description_from_string(FONT);

	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(pg->lay, fd);
	pango_font_description_free(fd);
}

/* Sets the layout to text in width w (points); returns its height. */
static double
set_text(struct page *pg, const char *text, double w, enum pdoc_align a, double size, bool bold)
{
	int lw, lh;

	font(pg, size, bold);
	pango_layout_set_width(pg->lay, (int)(w * PANGO_SCALE));
	pango_layout_set_wrap(pg->lay, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(pg->lay, a == PDOC_RIGHT ? PANGO_ALIGN_RIGHT :
	    a == PDOC_CENTER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
	pango_layout_set_text(pg->lay, text, -1);
	pango_layout_get_size(pg->lay, &lw, &lh);
	return (double)lh / PANGO_SCALE;
}

static void
show(struct page *pg, double x, double y)
{
	cairo_move_to(pg->cr, x, y);
	pango_cairo_show_layout(pg->cr, pg->lay);
}

static double
cell_size(enum pdoc_style s)
{
	return s == PDOC_SUB ? 7.5 : 8.5;
}

/* The x of each column's left edge (ncols + 1 edges). */
static void
columns(const struct page *pg, const struct table *t, double *x)
{
	double sum = 0;
	int c;

	for (c = 0; c < t->ncols; c++)
		sum += t->weight[c] > 0 ? t->weight[c] : 1;
	x[0] = MARGIN;
	for (c = 0; c < t->ncols; c++)
		x[c + 1] = x[c] + pg->body_w * (t->weight[c] > 0 ? t->weight[c] : 1) / sum;
}

/* Draws (draw) or only measures a table row; returns its height. */
static double
row(struct page *pg, const struct table *t, char *const *cell, enum pdoc_style style,
    bool header, double y, bool draw)
{
	double x[PDOC_MAX_COLS + 1], h = 0, ch;
	int c;

	columns(pg, t, x);
	for (c = 0; c < t->ncols; c++) {
		ch = set_text(pg, cell[c] ? cell[c] : "", x[c + 1] - x[c] - 2 * PAD_X,
		    header ? PDOC_CENTER : t->align[c], cell_size(style), header || style == PDOC_TOTAL);
		if (ch > h)
			h = ch;
	}
	h += 2 * PAD_Y;
	if (!draw)
		return h;
	if (header || style == PDOC_TOTAL) {
		cairo_set_source_rgb(pg->cr, header ? 0.85 : 0.93, header ? 0.88 : 0.93,
		    header ? 0.93 : 0.93);
		cairo_rectangle(pg->cr, x[0], y, x[t->ncols] - x[0], h);
		cairo_fill(pg->cr);
	}
	cairo_set_source_rgb(pg->cr, 0.45, 0.45, 0.45);
	cairo_set_line_width(pg->cr, 0.4);
	for (c = 0; c <= t->ncols; c++) {
		cairo_move_to(pg->cr, x[c], y);
		cairo_line_to(pg->cr, x[c], y + h);
	}
	cairo_move_to(pg->cr, x[0], y + h);
	cairo_line_to(pg->cr, x[t->ncols], y + h);
	if (header) {
		cairo_move_to(pg->cr, x[0], y);
		cairo_line_to(pg->cr, x[t->ncols], y);
	}
	cairo_stroke(pg->cr);
	cairo_set_source_rgb(pg->cr, 0, 0, 0);
	for (c = 0; c < t->ncols; c++) {
		set_text(pg, cell[c] ? cell[c] : "", x[c + 1] - x[c] - 2 * PAD_X,
		    header ? PDOC_CENTER : t->align[c], cell_size(style),
		    header || style == PDOC_TOTAL);
		show(pg, x[c] + PAD_X, y + PAD_Y);
	}
	return h;
}

/* Draws or measures item i (without its table's header); returns its
 * height with the gap below it. */
static double
item(struct pdoc *d, struct page *pg, int i, double y, bool draw)
{
	struct item *it = &d->it[i];
	double h, h2, label_w = pg->body_w * 0.28, num_w = 48, bw;
	char num[32];
	bool next_row = i + 1 < d->n && d->it[i + 1].kind == it->kind &&
	    d->it[i + 1].table == it->table;

	switch (it->kind) {
	case K_TITLE:
		h = set_text(pg, it->text, pg->body_w, PDOC_LEFT, 16, true);
		if (draw)
			show(pg, MARGIN, y);
		h2 = set_text(pg, it->sub, pg->body_w, PDOC_LEFT, 11, false);
		if (draw)
			show(pg, MARGIN, y + h + 2);
		return h + 2 + h2 + 12;
	case K_HEADING:
		h = set_text(pg, it->text, pg->body_w, PDOC_LEFT, 11, true);
		if (draw)
			show(pg, MARGIN, y);
		return h + 4;
	case K_TEXT:
		h = set_text(pg, it->text, pg->body_w, PDOC_LEFT, 9, false);
		if (draw)
			show(pg, MARGIN, y);
		return h + 3;
	case K_ROW:
		return row(pg, &d->tab[it->table], it->cell, it->style, false, y, draw) +
		    (next_row ? 0 : 12);
	case K_BAR:
		h = BAR_H;
		if (draw) {
			long max = d->bar_max[it->table];

			set_text(pg, it->text, label_w - PAD_X, PDOC_LEFT, 8.5, false);
			pango_layout_set_ellipsize(pg->lay, PANGO_ELLIPSIZE_END);
			show(pg, MARGIN, y + 1);
			pango_layout_set_ellipsize(pg->lay, PANGO_ELLIPSIZE_NONE);
			bw = max > 0 ? (pg->body_w - label_w - num_w) * (double)it->value / max : 0;
			cairo_set_source_rgb(pg->cr, 0.30, 0.48, 0.72);
			cairo_rectangle(pg->cr, MARGIN + label_w, y + 2, bw, BAR_H - 4);
			cairo_fill(pg->cr);
			cairo_set_source_rgb(pg->cr, 0, 0, 0);
			snprintf(num, sizeof num, "%ld", it->value);
			set_text(pg, num, num_w - PAD_X, PDOC_LEFT, 8.5, false);
			show(pg, MARGIN + label_w + bw + PAD_X, y + 1);
		}
		return h + (next_row ? 0 : 12);
	}
	return 0;
}

struct sink {
	int fd;
	int err_no;	/* 0, or why a write failed */
};

static cairo_status_t
sink_write(void *ctx, const unsigned char *data, unsigned int len)
{
	struct sink *s = ctx;
	ssize_t w;

	while (len > 0) {
		w = write(s->fd, data, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			s->err_no = w < 0 ? errno : EIO;
			return CAIRO_STATUS_WRITE_ERROR;
		}
		data += w;
		len -= (unsigned int)w;
	}
	return CAIRO_STATUS_SUCCESS;
}

static void
running(struct pdoc *d, struct page *pg, int page, int pages)
{
	char num[32];

	cairo_set_source_rgb(pg->cr, 0.35, 0.35, 0.35);
	set_text(pg, d->running, pg->body_w, PDOC_LEFT, 8, false);
	show(pg, MARGIN, MARGIN - 14);
	snprintf(num, sizeof num, "%d / %d", page + 1, pages);
	set_text(pg, num, pg->body_w, PDOC_CENTER, 9, false);
	show(pg, MARGIN, pg->h - MARGIN + 6);
	cairo_set_source_rgb(pg->cr, 0, 0, 0);
}

bool
pdoc_write_fd(struct pdoc *d, int fd, struct error *err)
{
	struct sink sink = { .fd = fd, .err_no = 0 };
	cairo_surface_t *surf;
	struct pg_item *pgi;
	struct page pg;
	cairo_status_t st;
	double body_h, y;
	int i, p, pages;

	if (d == NULL || d->oom) {
		error_set(err, "%s", _("Out of memory while making the document."));
		return false;
	}
	pg.w = d->landscape ? A4_H : A4_W;
	pg.h = d->landscape ? A4_W : A4_H;
	pg.body_w = pg.w - 2 * MARGIN;
	body_h = pg.h - 2 * MARGIN - RUNNING_H - FOOT_H;
	surf = cairo_pdf_surface_create_for_stream(sink_write, &sink, pg.w, pg.h);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, "kyodo");
	for (i = 0; i < d->n; i++)
		if (d->it[i].kind == K_TITLE) {
			cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, d->it[i].text);
			break;
		}
	pg.cr = cairo_create(surf);
	pg.lay = pango_cairo_create_layout(pg.cr);
	pgi = calloc((size_t)(d->n ? d->n : 1), sizeof *pgi);
	if (pgi == NULL) {
		d->oom = true;
		pages = 1;
	} else {
		for (i = 0; i < d->n; i++) {
			pgi[i].h = item(d, &pg, i, 0, false);
			pgi[i].table = d->it[i].kind == K_ROW ? d->it[i].table : -1;
			if (pgi[i].table >= 0) {
				struct table *t = &d->tab[pgi[i].table];

				if (t->head_h == 0)
					t->head_h = row(&pg, t, t->head, PDOC_PLAIN, true, 0, false);
				pgi[i].head_h = t->head_h;
			}
			pgi[i].keep_next = d->it[i].kind == K_HEADING || d->it[i].kind == K_TITLE;
		}
		pages = paginate(pgi, d->n, body_h);
	}
	for (p = 0, i = 0; p < pages && pgi != NULL; p++) {
		running(d, &pg, p, pages);
		y = MARGIN + RUNNING_H;
		for (; i < d->n && pgi[i].page == p; i++) {
			if (pgi[i].head_before) {
				struct table *t = &d->tab[pgi[i].table];

				y += row(&pg, t, t->head, PDOC_PLAIN, true, y, true);
			}
			cairo_save(pg.cr);
			/* A block taller than the page is cut at the page's foot. */
			cairo_rectangle(pg.cr, 0, 0, pg.w, MARGIN + RUNNING_H + body_h);
			cairo_clip(pg.cr);
			y += item(d, &pg, i, y, true);
			cairo_restore(pg.cr);
		}
		cairo_show_page(pg.cr);
	}
	free(pgi);
	g_object_unref(pg.lay);
	cairo_destroy(pg.cr);
	cairo_surface_finish(surf);
	st = cairo_surface_status(surf);
	cairo_surface_destroy(surf);
	if (sink.err_no != 0) {
		error_set(err, _("The document could not be written: %s."), strerror(sink.err_no));
		return false;
	}
	if (d->oom || st != CAIRO_STATUS_SUCCESS) {
		error_set(err, _("The document could not be made: %s."),
		    d->oom ? strerror(ENOMEM) : cairo_status_to_string(st));
		return false;
	}
	return true;
}

bool
pdoc_save(struct pdoc *d, const char *path, struct error *err)
{
	struct outfile of;

	if (!outfile_begin(&of, path, 0, 0644, err))
		return false;
	if (!pdoc_write_fd(d, of.fd, err)) {
		outfile_abort(&of);
		return false;
	}
	return outfile_commit(&of, err);
}
