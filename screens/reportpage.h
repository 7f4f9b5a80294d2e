/*
 * reportpage — the report screen's page: a long document of rows of which
 * only those in view are drawn (the rest are only counted), tables of text
 * cells and bar charts on it.  Split from reports.c, which builds the pages.
 */
#ifndef KYODO_SCREENS_REPORTPAGE_H
#define KYODO_SCREENS_REPORTPAGE_H

#include <stdbool.h>

#include "base/error.h"
#include "tui/chart.h"

#define REPORTPAGE_NAME_MAX_W 26	/* the first column's widest */

struct reportpage {
	int y0, rows;		/* screen rows y0 … y0+rows-1 */
	int first;		/* the page row shown at y0 */
	bool draw;		/* false: only measure */
};

/* A table of text cells: row 0 the headings, column 0 left-aligned, the
 * rest right-aligned; a rule above the total row. */
struct reportpage_table {
	int rows, cols;
	char **cell;		/* rows × cols, owned */
	int total_row;		/* -1: none */
};


/* The screen row of page row vr, or -1 when it is not in view. */
int reportpage_at(const struct reportpage *c, int vr);
/* True when any of page rows vr … vr+height-1 is drawn. */
bool reportpage_in_view(const struct reportpage *c, int vr, int height);
void reportpage_table_init(struct reportpage_table *t, int rows, int cols);
void reportpage_table_set(struct reportpage_table *t, int r, int c, const char *fmt, ...)
    KYODO_PRINTFLIKE(4, 5);
void reportpage_table_free(struct reportpage_table *t);
/* Draws t from page row vr; sel is a row to highlight (-1: none).
 * Returns the page rows used. */
int reportpage_table_draw(const struct reportpage *c, int vr, const struct reportpage_table *t,
    int sel);
/* A heading line; returns 1. */
int reportpage_heading(const struct reportpage *c, int vr, const char *text);
/* n bars; returns n. */
int reportpage_chart(const struct reportpage *c, int vr, const struct chart_item *items, int n);

#endif
