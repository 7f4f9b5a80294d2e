/* actor — see actor.h. */
#include "actor.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"

static const struct {
	const char *code;
	const char *label;
} roles[] = {
	[ROLE_CENTER] = {"center", N_("Center staff")},
	[ROLE_SECRETARIAT] = {"secretariat", N_("Secretariat staff")},
	[ROLE_CITY] = {"city", N_("City division")},
	[ROLE_ADMIN] = {"admin", N_("Administrator")},
};

const char *
role_code(enum role r)
{
	return roles[r].code;
}

const char *
role_label(enum role r)
{
	return _(roles[r].label);
}

bool
role_parse(const char *code, enum role *out)
{
	size_t i;

	for (i = 0; i < sizeof roles / sizeof roles[0]; i++) {
		if (strcmp(code, roles[i].code) == 0) {
			*out = (enum role)i;
			return true;
		}
	}
	return false;
}

void
actor_cli(struct actor *a)
{
	const struct passwd *pw = getpwuid(getuid());
	const char *login = pw != NULL ? pw->pw_name : getenv("USER");

	snprintf(a->name, sizeof a->name, "cli:%s", login != NULL ? login : "unknown");
	a->role = ROLE_ADMIN;
}
