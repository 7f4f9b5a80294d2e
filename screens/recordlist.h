/*
 * recordlist — what the lists of records (records.c for the dated kinds,
 * rooms.c) share: columns laid out from the kind's listed fields by display
 * width, each cell as a list shows it, the heading and a row drawn, typing
 * into the filter, and a record deleted as the signed-in staff member.
 */
#ifndef KYODO_SCREENS_RECORDLIST_H
#define KYODO_SCREENS_RECORDLIST_H

#include <stdbool.h>

#include "base/buf.h"
#include "domain/record.h"
#include "tui/app.h"
#include "tui/lineedit.h"

struct recordlist_column {
	int field;
	int width;
	bool right;
};

/* Lays out k's listed fields (those with a width) in width columns into
 * cols (RECORD_MAX_FIELDS of them); returns how many fit.  A column would
 * be as wide as its heading (and its widest choice).  Too wide: those
 * columns go back to the kind's width first (cut with "…"), then the title
 * narrows, then columns are left out from the right.  Room to spare goes
 * to the title. */
int recordlist_layout(const struct kind *k, int width, struct recordlist_column *cols);
/* Columns of a date cell in a list ("11-28(土)", "11-28 Sat"). */
int recordlist_date_width(void);
/* Value v of field f as a list's cell shows it (a choice by its label,
 * yen grouped, a date short), into out. */
void recordlist_cell(const struct field *f, const char *v, char *out, size_t size);
/* The headings on row y. */
void recordlist_draw_heading(int y, const struct kind *k, const struct recordlist_column *cols,
    int n);
/* rec on row y, highlighted when selected. */
void recordlist_draw_row(int y, const struct record *rec, const struct recordlist_column *cols,
    int n, bool selected);
/* A key typed into filter: RECORDLIST_FILTERED when the text changed,
 * RECORDLIST_TAKEN when the key was the filter's but changed nothing, 0
 * when it is not the filter's.  arrows: ←/→ move in the filter (a list
 * that pages by month keeps them). */
enum { RECORDLIST_TAKEN = 1, RECORDLIST_FILTERED = 2 };
int recordlist_filter_key(struct lineedit *filter, struct key k, bool arrows);
/* Deletes uuid of k, saying why not on the message line; true when it was
 * deleted.  summary (may be NULL) gets the record's summary.  Every screen
 * that deletes a record goes through here (the pages and grant expenses
 * too). */
bool recordlist_delete(struct app *a, const struct kind *k, const char *uuid,
    struct buf *summary);

#endif
