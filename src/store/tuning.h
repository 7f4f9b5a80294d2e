/*
 * tuning — how much of the store SQLite keeps in memory, and whether this
 * connection can write it: what the kiosk and the commands ask of the store
 * without a line of SQL of their own.
 */
#ifndef KYODO_TUNING_H
#define KYODO_TUNING_H

#include <stdbool.h>

#include "store.h"

/* SQLite's page cache for this connection, in KiB: the kiosk keeps it
 * small; city hall's import of every center gives it room. */
void store_cache_kib(struct store *s, long kib);
/* True when this connection opened the store read-only. */
bool store_opened_readonly(struct store *s);

#endif
