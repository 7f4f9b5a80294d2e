/*
 * csv — RFC 4180 output: fields quoted when they hold a comma, a quote, a
 * line break or edge spaces; quotes doubled; CRLF after every row.
 */
#ifndef KYODO_CSV_H
#define KYODO_CSV_H

#include <stdbool.h>

#include "buf.h"

/* Appends a field, with the separating comma unless first. */
void csv_field(struct buf *row, const char *value, bool first);
/* Ends the row with CRLF. */
void csv_end_row(struct buf *row);

#endif
