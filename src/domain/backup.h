/*
 * backup — the kiosk's daily copy of its store and putting one back.
 *
 * On the first start of a day the kiosk copies its store (SQLite online
 * backup, checked) into a backup folder as kyodo-YYYY-MM-DD.db, and keeps
 * the last 14 days and the last copy of each of the last 12 months.
 * Restoring checks the copy first and keeps the current store aside; it
 * never overwrites a store blindly, nor one another process has open.
 */
#ifndef KYODO_BACKUP_H
#define KYODO_BACKUP_H

#include <stdbool.h>

#include "base/actor.h"
#include "base/date.h"
#include "base/error.h"
#include "store/store.h"

/* Makes today's copy in dir if there is none yet, then prunes old ones.
 * made is set when a copy was written today by this call. */
bool backup_daily(struct store *s, const char *dir, struct date today, bool *made,
    struct error *err);
/* The backup folder beside a store: "<store>.backups". */
void backup_dir_for(const char *store_path, char *out, size_t size);
/* Puts the backup at from in place of the store at path, after checking
 * it, and records the restore in the restored store's audit log as who.
 * Only while no other process has the store open (storelock.h): otherwise
 * refused, naming the process.  The current store (if any) is kept under
 * the name aside (PATH_MAX), "" when there was none; the store's name
 * never stands empty meanwhile. */
bool backup_restore_by(const char *path, const char *from, const struct actor *who,
    char *aside, struct error *err);
/* backup_restore_by as the command line (cli:<login name>). */
bool backup_restore(const char *path, const char *from, char *aside, struct error *err);

#endif
