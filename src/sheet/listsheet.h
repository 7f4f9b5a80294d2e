/*
 * listsheet — `kyodo list KIND` as a workbook, beside its CSV: a column per
 * field under its label, dates and times as Excel's, choices by their
 * labels, yen and counts as numbers with their totals as formulas.
 */
#ifndef KYODO_LISTSHEET_H
#define KYODO_LISTSHEET_H

#include <stdbool.h>

#include "base/error.h"
#include "domain/record.h"

/* The records of k that q selects (at city hall only center's when center
 * is not NULL) at path; deleted ones marked in a last column when q asks
 * for them.  title_extra (the month, the room; may be NULL) follows the
 * kind's name in the title. */
bool listsheet_write(struct store *s, const struct kind *k, const struct record_query *q,
    const char *center, const char *title_extra, const char *path, struct error *err);

#endif
