/* machine — see machine.h. */
#include "machine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The machine's identity: systemd's machine id, else the host name.
 * KYODO_MACHINE_ID stands in for it in tests of a moved store. */
void
machine_id(char *out, size_t size)
{
	const char *env = getenv("KYODO_MACHINE_ID");
	FILE *f;

	if (env != NULL && *env != '\0') {
		snprintf(out, size, "%s", env);
		return;
	}
	out[0] = '\0';
	f = fopen("/etc/machine-id", "r");
	if (f != NULL) {
		if (fgets(out, (int)size, f) == NULL)
			out[0] = '\0';
		fclose(f);
		out[strcspn(out, "\r\n")] = '\0';
	}
	if (out[0] == '\0' && gethostname(out, size) != 0)
		snprintf(out, size, "unknown");
}
