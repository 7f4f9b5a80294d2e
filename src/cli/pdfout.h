/*
 * pdfout — what the reports' commands share for --format pdf: --out FILE
 * (a new file, never over or through anything) and --print (the default
 * printer through CUPS; without --out the PDF is a private temporary file,
 * removed after).
 */
#ifndef KYODO_PDFOUT_H
#define KYODO_PDFOUT_H

#include <stdbool.h>

#include "cli.h"

/* Checks --format pdf with --out/--print (and no --encoding): returns -1
 * to go on, *pdf telling whether a PDF was asked for, or a usage exit
 * status. */
int pdfout_check(const struct cmd_entry *self, const struct cmd_args *a, bool *pdf);
/* Makes the PDF with make (path in, err out) at --out, or a temporary file
 * for --print, and prints it when asked; returns the exit status, its
 * refusal said. */
int pdfout_run(const struct cmd_args *a, bool (*make)(void *ctx, const char *path,
    struct error *err), void *ctx);

#endif
