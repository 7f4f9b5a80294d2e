/*
 * xlsxout — `--format xlsx --out FILE`, shared by the commands that write
 * a workbook (report monthly|year, grant status, list): an xlsx goes only
 * to a new file named with --out, never to stdout.
 */
#ifndef KYODO_XLSXOUT_H
#define KYODO_XLSXOUT_H

#include <stdbool.h>

#include "cli.h"

/* True when --format xlsx was asked for with --out (its name in *out).
 * Otherwise false, with *rc -1 to go on with another format, or the exit
 * status of the misuse said (xlsx without --out, --out without xlsx,
 * --encoding with xlsx). */
bool xlsxout_wanted(const struct cmd_entry *self, const struct cmd_args *a, const char **out,
    int *rc);
/* The exit status of a workbook written (ok) or refused (err said). */
int xlsxout_done(bool ok, const struct error *err);
/* Opens the store, writes the fiscal year fy's workbook at out with write
 * (reportsheet_year, grantsheet_write), closes it: the exit status. */
int xlsxout_write_fy(const struct cmd_args *a, bool (*write)(struct store *s, int fy,
    const char *path, struct error *err), int fy, const char *out);

#endif
