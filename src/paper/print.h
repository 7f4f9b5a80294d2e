/*
 * print — a finished PDF to the default printer through CUPS: `lp FILE`,
 * run with fork and execvp (no shell; the path is one argument), its
 * answer read for the job's id.  No printer set up, lp missing, or lp
 * refusing is one sentence in err.  A paused printer takes the job and
 * holds it: paper_print_paused says so, for the message.
 */
#ifndef KYODO_PRINT_H
#define KYODO_PRINT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/error.h"

/* Sends path to the default printer; job gets the printer's job id
 * ("office-42"), or "" when lp did not say one. */
bool paper_print(const char *path, char *job, size_t size, struct error *err);

/* Whether the printer of job ("office-42") is paused (CUPS: disabled), so
 * the job waits in its queue; false when it prints or cannot be asked. */
bool paper_print_paused(const char *job);

/* A private folder for a PDF made only to be printed (mode 0700, under
 * $TMPDIR or /tmp): its file's path into path (PATH_MAX); remove both with
 * paper_print_cleanup.  False with err. */
bool paper_print_tmp(char *path, struct error *err);
void paper_print_cleanup(const char *path);

#endif
