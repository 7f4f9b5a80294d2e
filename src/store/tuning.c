/* tuning — see tuning.h. */
#include "tuning.h"

#include <sqlite3.h>
#include <stdio.h>

void
store_cache_kib(struct store *s, long kib)
{
	char sql[64];

	/* A negative cache_size counts KiB, not pages. */
	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%ld", kib);
	sqlite3_exec(store_db(s), sql, NULL, NULL, NULL);
}

bool
store_opened_readonly(struct store *s)
{
	return sqlite3_db_readonly(store_db(s), "main") == 1;
}
