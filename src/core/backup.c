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

#include "i18n.h"
#include "sync.h"

#define KEEP_DAYS 14
#define KEEP_MONTHS 12

void
backup_dir_for(const char *store_path, char *out, size_t size)
{
	snprintf(out, size, "%s.backups", store_path);
}

static bool
backup_name_date(const char *name, struct date *d)
{
	char iso[11];

	if (strncmp(name, "kyodo-", 6) != 0 || strlen(name) != 19 ||
	    strcmp(name + 16, ".db") != 0)
		return false;
	memcpy(iso, name + 6, 10);
	iso[10] = '\0';
	return date_parse(iso, d);
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

bool
backup_daily(struct store *s, const char *dir, struct date today, bool *made, struct error *err)
{
	char path[PATH_MAX], iso[11];
	struct stat st;

	*made = false;
	/* A store this process cannot write is not copied: it cannot have
	 * changed it, and the folder beside it is most often read-only too. */
	if (sqlite3_db_readonly(store_db(s), "main") == 1)
		return true;
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		error_set(err, _("Cannot make the backup folder %s: %s"), dir, strerror(errno));
		return false;
	}
	date_format(today, iso);
	snprintf(path, sizeof path, "%s/kyodo-%s.db", dir, iso);
	if (stat(path, &st) != 0) {
		if (!store_backup(s, path, err))
			return false;
		*made = true;
	}
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

static bool
lift_versions(struct store *b, const char *aside, struct error *err)
{
	const char *const *t;
	sqlite3_stmt *st;
	char sql[512];
	bool ok;

	if (sqlite3_prepare_v2(store_db(b), "ATTACH ? AS kept", -1, &st, NULL) != SQLITE_OK) {
		store_sql_error(b, _("Restoring"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, aside, -1, SQLITE_STATIC);
	ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_finalize(st);
	ok = ok && store_begin(b, err);
	for (t = sync_owned_tables(store_kind(b)); ok && *t != NULL; t++) {
		snprintf(sql, sizeof sql, "UPDATE main.%s SET version = k.version + 1 FROM kept.%s k "
		    "WHERE k.uuid = main.%s.uuid AND k.version >= main.%s.version AND "
		    "main.%s.origin = ?", *t, *t, *t, *t, *t);
		ok = sqlite3_prepare_v2(store_db(b), sql, -1, &st, NULL) == SQLITE_OK;
		if (ok) {
			sqlite3_bind_text(st, 1, store_origin(b), -1, SQLITE_STATIC);
			ok = sqlite3_step(st) == SQLITE_DONE;
			sqlite3_finalize(st);
		}
	}
	if (ok)
		ok = store_commit(b, err);
	else {
		store_sql_error(b, _("Restoring"), err);
		store_rollback(b);
	}
	sqlite3_exec(store_db(b), "DETACH kept", NULL, NULL, NULL);
	return ok;
}

bool
backup_restore(const char *path, const char *from, char *aside, struct error *err)
{
	struct store *b, *cur;
	struct error why;
	char stamp[32], now[21], side[PATH_MAX + 8], tmp[PATH_MAX];
	struct stat st;
	int problems, fd;

	aside[0] = '\0';
	/* Work on a copy: the backup itself is never opened for writing. */
	snprintf(tmp, sizeof tmp, "%s.restoring", path);
	unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		error_set(err, _("Cannot restore: %s"), strerror(errno));
		return false;
	}
	close(fd);
	if (!copy_with_backup_api(from, tmp, err))
		goto fail;
	/* The copy must be a sound kyodo store this binary can read. */
	b = store_open(tmp, &why);
	if (b == NULL) {
		error_set(err, _("%s cannot be restored: %s"), from, why.text);
		goto fail;
	}
	problems = store_check(b, NULL, NULL, &why);
	sqlite3_exec(store_db(b), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	if (problems != 0) {
		error_set(err, _("%s fails its integrity check; it is not restored."), from);
		store_close(b);
		goto fail;
	}
	if (stat(path, &st) == 0) {
		cur = store_open(path, NULL);
		if (cur != NULL && strcmp(store_origin(cur), store_origin(b)) != 0) {
			error_set(err, _("%s is %s's store, but the backup is %s's; nothing was "
			    "changed."), path, store_origin(cur), store_origin(b));
			store_close(cur);
			store_close(b);
			goto fail;
		}
		/* Fold the journal into the file, so the store moves as one file. */
		if (cur != NULL) {
			sqlite3_exec(store_db(cur), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
			store_close(cur);
		}
		date_now_utc(now);
		snprintf(stamp, sizeof stamp, "%.4s%.2s%.2s-%.2s%.2s%.2s", now, now + 5, now + 8,
		    now + 11, now + 14, now + 17);
		snprintf(aside, PATH_MAX, "%s.before-restore-%s", path, stamp);
		if (rename(path, aside) != 0) {
			error_set(err, _("Cannot move the current store aside: %s"), strerror(errno));
			aside[0] = '\0';
			store_close(b);
			goto fail;
		}
		snprintf(side, sizeof side, "%s-wal", path);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", path);
		unlink(side);
	}
	/* The store goes back in time, but the city has seen its later
	 * versions: each row's next edit must carry a higher one, or the city
	 * would ignore it.  Rows the kept-aside store has are lifted above it. */
	if (aside[0] != '\0' && !lift_versions(b, aside, err)) {
		store_close(b);
		if (rename(aside, path) == 0)
			aside[0] = '\0';
		goto fail;
	}
	store_close(b);
	if (rename(tmp, path) != 0) {
		error_set(err, _("Cannot restore: %s"), strerror(errno));
		/* Put the store that was there back where it was. */
		if (aside[0] != '\0' && rename(aside, path) == 0)
			aside[0] = '\0';
		goto fail;
	}
	snprintf(side, sizeof side, "%s-wal", tmp);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", tmp);
	unlink(side);
	return true;
fail:
	unlink(tmp);
	snprintf(side, sizeof side, "%s-wal", tmp);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", tmp);
	unlink(side);
	return false;
}
