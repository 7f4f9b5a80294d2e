/*
 * actor — who is doing a thing: a signed-in staff member or the command
 * line, and the role the core checks before it writes.
 */
#ifndef KYODO_ACTOR_H
#define KYODO_ACTOR_H

#include <stdbool.h>

enum role { ROLE_CENTER, ROLE_SECRETARIAT, ROLE_CITY, ROLE_ADMIN };

struct actor {
	char name[128];		/* staff name, or "cli:<login>" */
	enum role role;
};

/* "center", "secretariat", "city", "admin". */
const char *role_code(enum role r);
bool role_parse(const char *code, enum role *out);
/* The role's name in the user's language. */
const char *role_label(enum role r);
/* The command line: the administrator who owns the store file, audited as
 * cli:<login name>. */
void actor_cli(struct actor *a);

#endif
