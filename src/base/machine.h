/*
 * machine — which computer this is, so a store copied to another machine
 * (a cloned kiosk) is noticed before it sends files under the first one's
 * name.  Read once per call; KYODO_MACHINE_ID stands in for it in tests.
 */
#ifndef KYODO_MACHINE_H
#define KYODO_MACHINE_H

#include <stddef.h>

/* systemd's machine id, else the host name, else "unknown". */
void machine_id(char *out, size_t size);

#endif
