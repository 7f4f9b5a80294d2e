/* backup — see backup.h. */
#include "backup.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/audit.h"
#include "base/i18n.h"
#include "store/outfile.h"
#include "store/storelock.h"
#include "record.h"

#define KEEP_DAYS 14
#define KEEP_MONTHS 12
/* Names tried for one day's copy when something is in the way of the
 * first: kyodo-DATE.db, then kyodo-DATE-2.db … kyodo-DATE-9.db. */
#define DAY_NAMES 9

void
backup_dir_for(const char *store_path, char *out, size_t size)
{
	snprintf(out, size, "%s.backups", store_path);
}

/* "kyodo-2026-11-28.db", or "kyodo-2026-11-28-2.db" when the first name
 * was taken by something else that day. */
static bool
backup_name_date(const char *name, struct date *d)
{
	char iso[11];
	size_t n = strlen(name);

	if (strncmp(name, "kyodo-", 6) != 0 || n < 19 || strcmp(name + n - 3, ".db") != 0)
		return false;
	if (n != 19 && !(n == 21 && name[16] == '-' && name[17] >= '2' && name[17] <= '9'))
		return false;
	memcpy(iso, name + 6, 10);
	iso[10] = '\0';
	return date_parse(iso, d);
}

static void
day_name(const char *dir, const char *iso, int n, char *out)
{
	if (n == 1)
		snprintf(out, PATH_MAX, "%s/kyodo-%s.db", dir, iso);
	else
		snprintf(out, PATH_MAX, "%s/kyodo-%s-%d.db", dir, iso, n);
}

/* The file begins as an SQLite database does. */
static bool
sqlite_header(int fd)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];

	return read(fd, head, sizeof head) == (ssize_t)sizeof head &&
	    memcmp(head, magic, sizeof head) == 0;
}

/* A copy this kiosk made: a plain file (not a link) that begins as an
 * SQLite database does. */
static bool
is_backup(const char *path)
{
	struct stat st;
	bool yes;
	int fd;

	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return false;
	yes = sqlite_header(fd);
	close(fd);
	return yes;
}

/* Keeps the newest KEEP_DAYS copies and, for each of the last KEEP_MONTHS
 * months, its latest copy (the month's end as far as the kiosk ran). */
static void
prune(const char *dir, struct date today)
{
	DIR *dh = opendir(dir);
	struct dirent *e;
	struct date d, month_last[KEEP_MONTHS];
	char path[PATH_MAX];
	long age;
	int months, i;
	bool have[KEEP_MONTHS] = {false};

	if (dh == NULL)
		return;
	/* First pass: the latest copy of each recent month. */
	while ((e = readdir(dh)) != NULL) {
		if (!backup_name_date(e->d_name, &d))
			continue;
		months = (today.year - d.year) * 12 + today.month - d.month;
		if (months < 0 || months >= KEEP_MONTHS)
			continue;
		if (!have[months] || date_compare(d, month_last[months]) > 0) {
			month_last[months] = d;
			have[months] = true;
		}
	}
	rewinddir(dh);
	while ((e = readdir(dh)) != NULL) {
		bool keep = false;

		if (!backup_name_date(e->d_name, &d))
			continue;
		age = date_to_days(today) - date_to_days(d);
		keep = age >= 0 && age < KEEP_DAYS;
		months = (today.year - d.year) * 12 + today.month - d.month;
		for (i = 0; !keep && i < KEEP_MONTHS; i++)
			keep = i == months && have[i] && date_compare(d, month_last[i]) == 0;
		if (!keep) {
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			unlink(path);
		}
	}
	closedir(dh);
}

/* Today's copy, under the first of today's names that is free; a name
 * taken by something that is not a copy (a stray file, a link, a folder)
 * is passed over, never written through.  Nothing to do when one of the
 * names already holds today's copy. */
static bool
copy_today(struct store *s, const char *dir, struct date today, bool *made, struct error *err)
{
	char path[PATH_MAX], first[PATH_MAX], iso[11];
	struct stat st;
	int n;

	date_format(today, iso);
	day_name(dir, iso, 1, first);
	for (n = 1; n <= DAY_NAMES; n++) {
		day_name(dir, iso, n, path);
		if (is_backup(path))
			return true;
		if (lstat(path, &st) == 0)
			continue;	/* in the way */
		if (store_backup(s, path, err)) {
			*made = true;
			return true;
		}
		if (lstat(path, &st) != 0)
			return false;	/* a failure of its own: the disk, the folder */
	}
	/* What is wrong comes first: the kiosk's message line may cut the path. */
	error_set(err, _("each of today's backup names is taken by something else (%s and "
	    "the next %d)."), first, DAY_NAMES - 1);
	return false;
}

bool
backup_daily(struct store *s, const char *dir, struct date today, bool *made, struct error *err)
{
	*made = false;
	/* A store this process cannot write is not copied: it cannot have
	 * changed it, and the folder beside it is most often read-only too. */
	if (sqlite3_db_readonly(store_db(s), "main") == 1)
		return true;
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		error_set(err, _("Cannot make the backup folder %s: %s"), dir, strerror(errno));
		return false;
	}
	if (!copy_today(s, dir, today, made, err))
		return false;
	prune(dir, today);
	return true;
}

static bool
copy_with_backup_api(const char *from, const char *to, struct error *err)
{
	sqlite3 *src = NULL, *dst = NULL;
	sqlite3_backup *b;
	bool ok = false;

	if (sqlite3_open_v2(from, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_open_v2(to, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		error_set(err, _("Cannot copy %s: %s"), from, sqlite3_errmsg(dst ? dst : src));
		goto out;
	}
	b = sqlite3_backup_init(dst, "main", src, "main");
	if (b != NULL) {
		ok = sqlite3_backup_step(b, -1) == SQLITE_DONE;
		sqlite3_backup_finish(b);
	}
	ok = ok && sqlite3_exec(dst, "PRAGMA journal_mode=WAL", NULL, NULL, NULL) == SQLITE_OK;
	if (!ok)
		error_set(err, _("Cannot copy %s: %s"), from, sqlite3_errmsg(dst));
out:
	sqlite3_close(src);
	sqlite3_close(dst);
	return ok;
}

/* The store goes back in time, but the city has seen its later versions:
 * each row's next edit must carry a higher one, or the city would ignore
 * it.  Rows the kept-aside store (attached as kept) has are lifted above
 * it.  Runs inside the caller's transaction. */
/* Runs sql on b with text bound to its one parameter; prepared here, not
 * kept in the statement cache: these name "kept", attached for one restore. */
static bool
run_bound(struct store *b, const char *sql, const char *text)
{
	sqlite3_stmt *st;
	bool ok;

	if (sqlite3_prepare_v2(store_db(b), sql, -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_finalize(st);
	return ok;
}

static bool
lift_versions(struct store *b, struct error *err)
{
	const char *const *t;
	char sql[512];
	bool ok = true;

	for (t = kind_tables_owned(store_kind(b) == STORE_CITY); ok && *t != NULL; t++) {
		snprintf(sql, sizeof sql, "UPDATE main.%s SET version = k.version + 1 FROM kept.%s k "
		    "WHERE k.uuid = main.%s.uuid AND k.version >= main.%s.version AND "
		    "main.%s.origin = ?", *t, *t, *t, *t, *t);
		ok = run_bound(b, sql, store_origin(b));
	}
	if (!ok)
		store_sql_error(b, _("Restoring"), err);
	return ok;
}

static bool
attach_kept(struct store *b, const char *aside, struct error *err)
{
	if (!run_bound(b, "ATTACH ? AS kept", aside)) {
		store_sql_error(b, _("Restoring"), err);
		return false;
	}
	return true;
}

/* The restored copy's last changes before it goes in place, in one
 * transaction: versions lifted above the kept-aside store's (when there
 * is one), and the restore in its audit log. */
static bool
finish_copy(struct store *b, const char *from, const char *aside, const struct actor *who,
    struct error *err)
{
	char sum[PATH_MAX * 2 + 64];
	bool ok;

	if (aside[0] != '\0' && !attach_kept(b, aside, err))
		return false;
	snprintf(sum, sizeof sum, "from %s%s%s", from, aside[0] ? "; the store before is kept as " : "",
	    aside);
	ok = store_begin(b, err) && (aside[0] == '\0' || lift_versions(b, err)) &&
	    audit_log(b, who, "restore", NULL, NULL, sum, err) && store_commit(b, err);
	if (!ok)
		store_rollback(b);
	if (aside[0] != '\0')
		sqlite3_exec(store_db(b), "DETACH kept", NULL, NULL, NULL);
	return ok;
}

static void
remove_side_files(const char *path)
{
	char side[PATH_MAX + 8];

	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

/* A copy of the backup beside the store, opened and checked: a sound kyodo
 * store this binary can read.  The backup itself is never opened for
 * writing.  tmp (PATH_MAX) names the copy, "" when none was made. */
static struct store *
checked_copy(const char *beside, const char *from, char *tmp, struct error *err)
{
	struct store *b;
	struct error why;
	int fd = outfile_temp(beside, 0600, tmp, err);

	if (fd < 0)
		return NULL;
	close(fd);	/* before SQLite opens it: see outfile_detach */
	if (!copy_with_backup_api(from, tmp, err))
		return NULL;
	b = store_open(tmp, &why);
	if (b == NULL) {
		error_set(err, _("%s cannot be restored: %s"), from, why.text);
		return NULL;
	}
	if (store_check(b, NULL, NULL, &why) != 0) {
		error_set(err, _("%s fails its integrity check; it is not restored."), from);
		store_close(b);
		return NULL;
	}
	return b;
}

/* Where the store that was there went: a second name for the same file
 * (so a store stays in place until the copy replaces it), or, where the
 * file system has no hard links, the file itself moved. */
struct kept {
	char *path;		/* the caller's aside (PATH_MAX) */
	bool moved;		/* renamed, not linked */
	bool wal;		/* its -wal went with it */
};

/* "<store>.before-restore-20261128-101010", then "…-2" and on when that
 * name is taken; false when the name would not fit. */
static bool
aside_name(const char *real, const char *stamp, int n, char *out)
{
	char suffix[48] = "";

	if (n > 1)
		snprintf(suffix, sizeof suffix, "-%d", n);
	return strlen(real) + strlen(stamp) + strlen(suffix) + 17 < PATH_MAX &&
	    snprintf(out, PATH_MAX, "%.*s.before-restore-%s%s", PATH_MAX - 64, real, stamp,
	    suffix) < PATH_MAX;
}

static bool
name_aside(const char *real, struct kept *k, struct error *err)
{
	char stamp[32], now[21];
	int n;

	date_now_utc(now);
	snprintf(stamp, sizeof stamp, "%.4s%.2s%.2s-%.2s%.2s%.2s", now, now + 5, now + 8,
	    now + 11, now + 14, now + 17);
	for (n = 1; n <= 9; n++) {
		if (!aside_name(real, stamp, n, k->path)) {
			errno = ENAMETOOLONG;
			break;
		}
		if (link(real, k->path) == 0)
			return true;
		if (errno == EPERM || errno == ENOSYS || errno == EOPNOTSUPP) {
			k->moved = outfile_rename_new(real, k->path);
			if (k->moved)
				return true;
		}
		if (errno != EEXIST)
			break;
	}
	error_set(err, _("Cannot move the current store aside: %s"), strerror(errno));
	k->path[0] = '\0';
	return false;
}

/* The current store, checked to be the same center's, folded into one
 * file and kept under a name of its own.  A -wal SQLite could not fold in
 * (a store it cannot open) goes with it. */
static bool
keep_aside(const char *path, const char *real, struct store *b, struct kept *k,
    struct error *err)
{
	char side[PATH_MAX + 8], kept_side[PATH_MAX + 8];
	struct store *cur = store_open(real, NULL);	/* under our exclusive lock */
	struct stat st;

	if (cur != NULL && strcmp(store_origin(cur), store_origin(b)) != 0) {
		error_set(err, _("%s is %s's store, but the backup is %s's; nothing was "
		    "changed."), path, store_origin(cur), store_origin(b));
		store_close(cur);
		return false;
	}
	if (cur != NULL) {
		sqlite3_exec(store_db(cur), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
		store_close(cur);
	}
	if (!name_aside(real, k, err))
		return false;
	snprintf(side, sizeof side, "%s-wal", real);
	snprintf(kept_side, sizeof kept_side, "%s-wal", k->path);
	if (lstat(side, &st) == 0 && st.st_size > 0) {
		if (!outfile_rename_new(side, kept_side)) {
			error_set(err, _("Cannot move the current store aside: %s"), strerror(errno));
			return false;	/* the caller undoes the second name */
		}
		k->wal = true;
	}
	remove_side_files(real);
	return true;
}

/* Puts the current store back as it was before keep_aside. */
static void
undo_aside(const char *real, struct kept *k)
{
	char side[PATH_MAX + 8], kept_side[PATH_MAX + 8];

	if (k->path[0] == '\0')
		return;
	snprintf(side, sizeof side, "%s-wal", real);
	snprintf(kept_side, sizeof kept_side, "%s-wal", k->path);
	if (k->wal)
		outfile_rename_new(kept_side, side);
	snprintf(kept_side, sizeof kept_side, "%s-shm", k->path);
	unlink(kept_side);
	if (k->moved ? outfile_rename_new(k->path, real) : unlink(k->path) == 0)
		k->path[0] = '\0';
}

static bool
restore_locked(const char *path, const char *real, bool exists, const char *from,
    const struct actor *who, char *aside, struct error *err)
{
	struct kept k = { aside, false, false };
	char tmp[PATH_MAX] = "";
	struct store *b = checked_copy(real, from, tmp, err);
	bool ok = b != NULL;

	if (ok && exists)
		ok = keep_aside(path, real, b, &k, err);
	ok = ok && finish_copy(b, from, aside, who, err);
	store_close(b);
	/* In one step the store becomes the copy, never a missing file. */
	if (ok && !(exists && !k.moved ? rename(tmp, real) == 0 : outfile_rename_new(tmp, real))) {
		error_set(err, _("Cannot restore: %s"), strerror(errno));
		ok = false;
	}
	if (!ok) {
		undo_aside(real, &k);
		if (tmp[0] != '\0')
			unlink(tmp);
	}
	if (tmp[0] != '\0')
		remove_side_files(tmp);
	return ok;
}

/* What is at path may be replaced by a restored store: nothing, or a
 * store (an SQLite file: a damaged store is what a restore is for).  Never
 * a folder, a link to nothing, or some other file given by mistake. */
static bool
may_restore_over(const char *path, struct error *err)
{
	struct stat st;
	bool store;
	int fd;

	if (lstat(path, &st) != 0)
		return true;
	if (stat(path, &st) != 0) {
		error_set(err, _("%s is a symbolic link to nothing; kyodo makes no file through "
		    "a link."), path);
		return false;
	}
	if (!S_ISREG(st.st_mode)) {
		error_set(err, _("%s is not a kyodo store (not a file)."), path);
		return false;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	store = st.st_size == 0 || (fd >= 0 && sqlite_header(fd));
	if (fd >= 0)
		close(fd);
	if (!store)
		error_set(err, _("%s is not a kyodo store; a backup is put back only in place of "
		    "a store."), path);
	return store;
}

bool
backup_restore_by(const char *path, const char *from, const struct actor *who, char *aside,
    struct error *err)
{
	struct storelock *lock = NULL;
	char real[PATH_MAX];
	bool ok;

	aside[0] = '\0';
	if (!may_restore_over(path, err))
		return false;
	/* A store reached through a symbolic link is restored where it is. */
	if (realpath(path, real) != NULL) {
		lock = storelock_exclusive(path, _("%s is open in %s; close it there, then "
		    "restore."), err);
		if (lock == NULL)
			return false;
	} else if (errno == ENOENT) {
		snprintf(real, sizeof real, "%s", path);
	} else {
		error_set(err, _("Cannot restore: %s"), strerror(errno));
		return false;
	}
	ok = restore_locked(path, real, lock != NULL, from, who, aside, err);
	storelock_release(lock);
	return ok;
}

bool
backup_restore(const char *path, const char *from, char *aside, struct error *err)
{
	struct actor who;

	actor_cli(&who);
	return backup_restore_by(path, from, &who, aside, err);
}
