/* kindhelp — help text shared by the subcommands that take a KIND. */
#ifndef KYODO_KINDHELP_H
#define KYODO_KINDHELP_H

#include "cli.h"
#include "domain/record.h"

/* Prints the kinds, or the fields of the KIND named in a's first positional. */
void kindhelp_print(const struct cmd_entry *self, const struct cmd_args *a);
/* The kind named by name; prints a usage error and returns NULL if none. */
const struct kind *kindhelp_kind(const struct cmd_entry *self, const char *name);

#endif
