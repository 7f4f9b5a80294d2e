/* Placeholder until the kiosk screens land (issue: the kiosk). */
#include <stdio.h>

#include "tui.h"

int
tui_run(const struct tui_options *o)
{
	fprintf(stderr, "kyodo: the kiosk is not built yet; use kyodo list --db %s\n", o->db);
	return 1;
}
