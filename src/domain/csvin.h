/*
 * csvin — records of one kind read from CSV (last year's Excel ledger, or
 * `kyodo list KIND --format csv`) and written to the store through the one
 * validation path of record.h, so an imported row is accepted or refused
 * exactly as the kiosk's form would accept or refuse it.
 *
 * The input is UTF-8 already (enc.h's decode_to_utf8 turns CP932 or a BOM
 * into that).  It is RFC 4180 as Excel writes it: CRLF, LF or CR line ends,
 * quoted values holding commas, doubled quotes and line breaks; blank lines
 * (and rows of nothing but empty cells) are skipped.  The first row is the
 * header: each column names a field by its command-line name ("date"), its
 * English label ("Date") or its Japanese label (日付), whatever language
 * kyodo is running in; a column headed "id" is ignored, so list output
 * re-imports.  An empty cell leaves the field empty, or at the field's
 * default (a booking's status "booked") where it has one, as a blank form
 * field would.  A cell that csv_field guarded against spreadsheet formulas
 * ('=SUM(1), see csv.h) is read without that apostrophe.
 *
 * Promises: every row is written in one transaction.  Without skip_bad, one
 * refused row refuses the file and nothing is written; with skip_bad the
 * good rows are written and a refused row leaves no trace (a failure after
 * part of a row was written stops the import and writes nothing).  Either
 * way every refused row is reported with the physical line it starts on
 * (the header is line 1) and the field's own refusal sentence.
 * Memory is the input, one row and one field at a time; rows are written as
 * they are read.  Nothing here prints.
 */
#ifndef KYODO_CSVIN_H
#define KYODO_CSVIN_H

#include <stdbool.h>
#include <stddef.h>

#include "base/actor.h"
#include "base/error.h"
#include "record.h"
#include "store/store.h"

/* Problems kept with their sentences; further refused rows are only counted. */
#define CSVIN_MAX_PROBLEMS 50

struct csvin_problem {
	size_t line;		/* physical line the row starts on; the header is 1 */
	char text[512];		/* why, one sentence in the user's language */
};

struct csvin_result {
	size_t rows;		/* data rows read (blank rows not counted) */
	size_t imported;	/* rows written; 0 when the file was refused */
	size_t bad;		/* rows refused */
	size_t nproblems;	/* the first of them, min(bad, CSVIN_MAX_PROBLEMS) */
	struct csvin_problem problem[CSVIN_MAX_PROBLEMS];
};

/* Reads utf8 (n bytes, need not end in NUL) as CSV records of kind k and
 * writes them as who.  Returns true when rows were written (or there were
 * none): every row without skip_bad, the good ones with it; res says how
 * many and lists the refused ones.  Returns false with err when nothing was
 * written: the header is wrong (an unknown, repeated or ambiguous column, a
 * required field without one), the CSV cannot be read (an unbalanced quote,
 * naming the line), the file is empty, a row was refused without skip_bad
 * (res lists the rows), or the store failed. */
bool csvin_import(struct store *s, const struct actor *who, const struct kind *k,
    const char *utf8, size_t n, bool skip_bad, struct csvin_result *res,
    struct error *err);

#endif
