/*
 * storecheck — a store checked and copied whole: SQLite's integrity and
 * foreign-key checks (kyodo check, a restore's look at its backup), and the
 * online backup, which checks its own copy before putting it in place.
 * Declared in store.h; uses only the store's public API.
 */
#include "store.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "outfile.h"

static int
run_check(sqlite3 *db, const char *sql, bool ok_row, void (*report)(void *, const char *),
    void *ctx, struct error *err)
{
	sqlite3_stmt *st;
	struct buf line = {0};
	int rc, problems = 0, i;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		error_set(err, "%s", sqlite3_errmsg(db));
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *first = (const char *)sqlite3_column_text(st, 0);

		if (ok_row && first != NULL && strcmp(first, "ok") == 0)
			continue;
		buf_reset(&line);
		for (i = 0; i < sqlite3_column_count(st); i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);
			buf_printf(&line, "%s%s", i ? " " : "", v ? v : "-");
		}
		if (report != NULL)
			report(ctx, buf_str(&line));
		problems++;
	}
	buf_free(&line);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		error_set(err, "%s", sqlite3_errmsg(db));
		return -1;
	}
	return problems;
}

/* store_check on a connection: the backup checks its copy before it is a
 * store anyone opens. */
static int
check_db(sqlite3 *db, void (*report)(void *ctx, const char *problem), void *ctx,
    struct error *err)
{
	int a, b;

	a = run_check(db, "PRAGMA integrity_check", true, report, ctx, err);
	if (a < 0)
		return -1;
	b = run_check(db, "PRAGMA foreign_key_check", false, report, ctx, err);
	if (b < 0)
		return -1;
	return a + b;
}

int
store_check(struct store *s, void (*report)(void *ctx, const char *problem), void *ctx,
    struct error *err)
{
	return check_db(store_db(s), report, ctx, err);
}

bool
store_backup(struct store *s, const char *path, struct error *err)
{
	struct outfile of;
	sqlite3 *dst = NULL;
	sqlite3_backup *bk;
	int rc, problems;

	if (!outfile_begin(&of, path, 0, 0600, err))
		return false;
	/* SQLite writes the copy by its name; a descriptor of ours closed
	 * after SQLite's would drop SQLite's locks on it. */
	outfile_detach(&of);
	if (sqlite3_open_v2(of.tmp, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		goto fail;
	bk = sqlite3_backup_init(dst, "main", store_db(s), "main");
	if (bk == NULL)
		goto fail;
	do {
		rc = sqlite3_backup_step(bk, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(bk);
	if (rc != SQLITE_DONE)
		goto fail;
	/* A single file is easier to carry: leave the copy in rollback mode. */
	if (sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	problems = check_db(dst, NULL, NULL, err);
	if (problems != 0) {
		if (problems > 0)
			error_set(err, _("The backup copy failed its integrity check."));
		sqlite3_close(dst);
		outfile_abort(&of);
		return false;
	}
	sqlite3_close(dst);
	return outfile_commit(&of, err);
fail:
	error_set(err, _("Cannot write the backup %s: %s"), path,
	    dst ? sqlite3_errmsg(dst) : sqlite3_errmsg(store_db(s)));
	sqlite3_close(dst);
	outfile_abort(&of);
	return false;
}
