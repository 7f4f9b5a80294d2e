/*
 * pdf — a printed document laid out with cairo and pango: A4, a title
 * block, headings, lines of text, tables and bars, on pages numbered
 * "1 / 3".  The content is collected first and laid out when written, so
 * the page count is known on every page and paginate.h decides the breaks
 * (rows never split, a table's header row repeated on each page, long
 * names wrapped inside their cell by width).  The text is set in a
 * Japanese font (Noto Sans CJK JP, else IPAexGothic) that cairo embeds as
 * a subset.  Nothing here knows a report: paper.h fills documents.
 */
#ifndef KYODO_PDF_H
#define KYODO_PDF_H

#include <stdbool.h>

#include "base/error.h"

#define PDOC_MAX_COLS 16

enum pdoc_align { PDOC_LEFT, PDOC_RIGHT, PDOC_CENTER };
enum pdoc_style { PDOC_PLAIN, PDOC_TOTAL, PDOC_SUB };

struct pdoc;

/* A new document; running is the line at the top of every page (the
 * center's name and what the document is). */
struct pdoc *pdoc_new(bool landscape, const char *running);
void pdoc_free(struct pdoc *d);

/* The title block: title in large type, sub (the period) under it. */
void pdoc_title(struct pdoc *d, const char *title, const char *sub);
/* A heading that stays with what follows it. */
void pdoc_heading(struct pdoc *d, const char *text);
/* A paragraph, wrapped to the page's width. */
void pdoc_text(struct pdoc *d, const char *text);
/* Starts a table: ncols columns sharing the width by weight, each with its
 * header and alignment.  Rows added after belong to it. */
void pdoc_table(struct pdoc *d, int ncols, const double *weight, const enum pdoc_align *align,
    const char *const *head);
/* A row of the current table (ncols cells; NULL is empty).  PDOC_TOTAL is
 * bold on grey, PDOC_SUB smaller (an application's expenses). */
void pdoc_row(struct pdoc *d, const char *const *cell, enum pdoc_style style);
/* A bar chart, one bar per label, scaled to the largest value. */
void pdoc_bars(struct pdoc *d, int n, const char *const *label, const long *value);

/* Lays the document out and writes it as PDF to fd; false with err. */
bool pdoc_write_fd(struct pdoc *d, int fd, struct error *err);
/* Writes it to a new file at path (outfile.h: never over or through
 * anything there); false with the one sentence why, nothing left. */
bool pdoc_save(struct pdoc *d, const char *path, struct error *err);

#endif
