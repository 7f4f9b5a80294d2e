/* kindhelp — help text shared by the subcommands that take a KIND. */
#ifndef KYODO_KINDHELP_H
#define KYODO_KINDHELP_H

#include "cli.h"
#include "domain/record.h"

/* Prints the kinds, or the fields of the KIND named in a's first positional. */
int kindhelp_print(const struct cmd_entry *self, const struct cmd_args *a);
/* "  --exemption-reason" for the field exemption_reason: options are
 * spelled with dashes (the underscore form is taken too). */
void kindhelp_option(const char *field, char *out, size_t size);
/* The kind named by name; prints a usage error and returns NULL if none. */
const struct kind *kindhelp_kind(const struct cmd_entry *self, const char *name);

#endif
