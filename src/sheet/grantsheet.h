/*
 * grantsheet — `kyodo grant status` as a workbook, beside its CSV: one row
 * per application (at city hall with its center), the yen as numbers and
 * each column's total as a formula.
 */
#ifndef KYODO_GRANTSHEET_H
#define KYODO_GRANTSHEET_H

#include <stdbool.h>

#include "base/error.h"
#include "store/store.h"

/* The applications of fiscal year fy (0: every year) at path. */
bool grantsheet_write(struct store *s, int fy, const char *path, struct error *err);

#endif
