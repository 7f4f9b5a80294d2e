/*
 * csv — RFC 4180 output: fields quoted when they hold a comma, a quote, a
 * line break or edge spaces; quotes doubled; CRLF after every row.
 *
 * CSV goes to spreadsheets, which run a cell that starts with =, +, -, @,
 * TAB or CR as a formula (=HYPERLINK(…) sends data away, a DDE formula runs
 * a program).  csv_field writes such a cell with a leading apostrophe, as
 * OWASP advises, so it is shown as text; csv_unguard takes the apostrophe
 * off again when CSV is read back, so `kyodo list` → `kyodo import-csv`
 * changes nothing.  A cell that is only a number (-4900000, -12.5) is not
 * a formula and stays a number.  A cell already starting with apostrophes
 * before one of those characters ('=x) gets one more, so that reading it
 * back gives it unchanged.
 */
#ifndef KYODO_CSV_H
#define KYODO_CSV_H

#include <stdbool.h>

#include "buf.h"

/* Appends a field, with the separating comma unless first; guarded with an
 * apostrophe when csv_guarded says so. */
void csv_field(struct buf *row, const char *value, bool first);
/* Ends the row with CRLF. */
void csv_end_row(struct buf *row);

/* True when csv_field writes value with a leading apostrophe: past any
 * apostrophes it starts with =, +, -, @, TAB or CR, and it is not a plain
 * number. */
bool csv_guarded(const char *value);
/* A cell as it was before csv_field guarded it: past its first apostrophe
 * when what follows is guarded, else the cell itself. */
const char *csv_unguard(const char *cell);

#endif
