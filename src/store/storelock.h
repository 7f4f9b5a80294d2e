/*
 * storelock — who has a store open.  Every kyodo process holds a shared
 * advisory lock (flock) on each store file it has open, for as long as it
 * has it open; whatever replaces or rewrites the file (restore, a schema
 * migration) needs the lock exclusive, so it runs only when no other
 * process has the store open, and says which process holds it otherwise.
 *
 * The lock is on the store file itself: nothing is made beside the store
 * (a read-only store in a read-only folder is locked all the same), and a
 * store moved or copied carries no stale lock file with it.  flock locks
 * are separate from the POSIX (fcntl) locks SQLite takes on the same file.
 *
 * The process keeps one descriptor per store file however often it opens
 * the store, and closes it only when the last holder lets go: closing any
 * descriptor of a file drops every POSIX lock the process holds on it,
 * SQLite's included.
 */
#ifndef KYODO_STORELOCK_H
#define KYODO_STORELOCK_H

#include <stdbool.h>
#include <sys/types.h>

#include "base/error.h"

struct storelock;

/* Takes the shared lock on the store at path (following a symbolic link),
 * waiting up to wait_ms while another process holds it exclusive (a
 * restore); when that process replaced the file meanwhile, the new file is
 * locked.  NULL with err when it cannot. */
struct storelock *storelock_share(const char *path, int wait_ms, struct error *err);
/* Takes the lock exclusive without waiting.  When any other holder exists
 * (this process included) returns NULL and sets err from refused, a
 * translated format with two %s: the path, then who holds it ("kyodo
 * (process 1234)").  The file must exist. */
struct storelock *storelock_exclusive(const char *path, const char *refused,
    struct error *err);
/* Makes a shared lock exclusive (a schema migration), without waiting:
 * false with err set as above when another holder exists, the lock then
 * shared again.  storelock_downgrade makes it shared again after the work. */
bool storelock_upgrade(struct storelock *l, const char *path, const char *refused,
    struct error *err);
void storelock_downgrade(struct storelock *l);
/* Lets go of one hold; the lock goes with the last.  NULL is allowed. */
void storelock_release(struct storelock *l);

/* A file this process holds as a store (its device and inode). */
bool storelock_is_store(dev_t dev, ino_t ino);
/* path names a store this process holds (STORELOCK_NAMES_STORE), or one of
 * the files SQLite keeps beside it, -wal, -shm, -journal
 * (STORELOCK_NAMES_SIDE), whether or not the name exists yet; else 0. */
#define STORELOCK_NAMES_STORE 1
#define STORELOCK_NAMES_SIDE 2
int storelock_names_store(const char *path);

/* Who holds the lock on the file (dev, ino) besides this process's own
 * descriptor: "kyodo (process 1234)", "process 1234, 5678" …, into out;
 * false when no holder can be named (no /proc/locks, another machine). */
bool storelock_holders(dev_t dev, ino_t ino, char *out, size_t size);

#endif
