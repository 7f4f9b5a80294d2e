/* synclog — see synclog.h. */
#include "synclog.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/i18n.h"

#define ENTRY_COLUMNS "id, at, direction, peer, file, rows, result"

static void
copy_text(sqlite3_stmt *st, int col, char *out, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(out, size, "%s", t != NULL ? (const char *)t : "");
}

/* The entry in columns first … first + 6 (ENTRY_COLUMNS' order). */
static void
read_entry(sqlite3_stmt *st, int first, struct synclog_entry *e)
{
	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(st, first);
	copy_text(st, first + 1, e->at, sizeof e->at);
	copy_text(st, first + 2, e->direction, sizeof e->direction);
	copy_text(st, first + 3, e->peer, sizeof e->peer);
	copy_text(st, first + 4, e->file, sizeof e->file);
	e->rows = (long)sqlite3_column_int64(st, first + 5);
	copy_text(st, first + 6, e->result, sizeof e->result);
}

/* Steps a prepared one-row query: 1 with the entry, 0 without, -1 failed. */
static int
one_entry(struct store *s, sqlite3_stmt *st, struct synclog_entry *e, struct error *err)
{
	int rc = sqlite3_step(st), found = 0;

	if (rc == SQLITE_ROW) {
		read_entry(st, 0, e);
		found = 1;
	} else if (rc != SQLITE_DONE) {
		store_sql_error(s, _("Reading the sync log"), err);
		found = -1;
	}
	store_done(s, st);
	return found;
}

int
synclog_last(struct store *s, const char *direction, const char *peer,
    struct synclog_entry *e, struct error *err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, "SELECT " ENTRY_COLUMNS " FROM sync_log "
	    "WHERE direction = ?1 AND (?2 IS NULL OR peer = ?2) ORDER BY at DESC, id DESC "
	    "LIMIT 1", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading the sync log"), err);
		return -1;
	}
	sqlite3_bind_text(st, 1, direction, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, peer, -1, SQLITE_STATIC);
	return one_entry(s, st, e, err);
}

bool
synclog_export_state(struct store *s, struct date today, struct synclog_export_state *out,
    struct error *err)
{
	struct synclog_entry e;
	char day[11];
	int found;

	memset(out, 0, sizeof *out);
	out->due = SYNCLOG_DUE;
	found = synclog_last(s, "export", "city", &e, err);
	if (found < 0)
		return false;
	snprintf(day, sizeof day, "%.10s", e.at);
	if (found == 0 || !date_parse(day, &out->last))
		return true;
	out->sent = true;
	out->days = date_to_days(today) - date_to_days(out->last);
	if (out->last.year == today.year && out->last.month == today.month)
		out->due = SYNCLOG_DONE;
	else if (out->days > SYNCLOG_LATE_DAYS)
		out->due = SYNCLOG_LATE;
	return true;
}

long
synclog_list(struct store *s, const char *peer, int limit,
    void (*each)(void *ctx, const struct synclog_entry *e), void *ctx, struct error *err)
{
	struct synclog_entry e;
	sqlite3_stmt *st;
	long n = 0;
	int rc;

	if (store_prepare(s, "SELECT " ENTRY_COLUMNS " FROM sync_log "
	    "WHERE ?1 IS NULL OR peer = ?1 ORDER BY at DESC, id DESC LIMIT ?2", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading the sync log"), err);
		return -1;
	}
	sqlite3_bind_text(st, 1, peer, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_entry(st, 0, &e);
		each(ctx, &e);
		n++;
	}
	store_done(s, st);
	if (rc != SQLITE_DONE) {
		store_sql_error(s, _("Reading the sync log"), err);
		return -1;
	}
	return n;
}

int
synclog_imported(struct store *s, const char *name, struct synclog_entry *e, struct error *err)
{
	sqlite3_stmt *st;

	/* The log holds the path the file was read from: match the name at
	 * its end, after a '/', with no pattern characters involved. */
	if (store_prepare(s, "SELECT " ENTRY_COLUMNS " FROM sync_log "
	    "WHERE direction = 'import' AND (file = ?1 OR substr(file, -length(?1) - 1) = "
	    "'/' || ?1) ORDER BY at DESC, id DESC LIMIT 1", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading the sync log"), err);
		return -1;
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	return one_entry(s, st, e, err);
}

long
synclog_centers(struct store *s, struct date today,
    void (*each)(void *ctx, const struct synclog_center *c), void *ctx, struct error *err)
{
	struct synclog_center c;
	struct date d;
	sqlite3_stmt *st;
	char day[11];
	long n = 0;
	int rc;

	if (store_prepare(s, "SELECT p.code, p.name, l.id, l.at, l.direction, "
	    "l.peer, l.file, l.rows, l.result FROM peer p LEFT JOIN sync_log l ON l.id = "
	    "(SELECT id FROM sync_log WHERE peer = p.code AND direction = 'import' "
	    "ORDER BY at DESC, id DESC LIMIT 1) WHERE p.code <> 'city' ORDER BY p.code", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading the enrolled centers"), err);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&c, 0, sizeof c);
		copy_text(st, 0, c.code, sizeof c.code);
		copy_text(st, 1, c.name, sizeof c.name);
		c.heard = sqlite3_column_type(st, 2) != SQLITE_NULL;
		c.late = true;
		if (c.heard) {
			read_entry(st, 2, &c.last);
			snprintf(day, sizeof day, "%.10s", c.last.at);
			if (date_parse(day, &d)) {
				c.days = date_to_days(today) - date_to_days(d);
				c.late = c.days > SYNCLOG_LATE_DAYS;
			}
		}
		each(ctx, &c);
		n++;
	}
	store_done(s, st);
	if (rc != SQLITE_DONE) {
		store_sql_error(s, _("Reading the enrolled centers"), err);
		return -1;
	}
	return n;
}

void
synclog_local_time(const char *at, char *out, size_t size)
{
	struct tm tm;
	time_t t;

	memset(&tm, 0, sizeof tm);
	if (at == NULL || sscanf(at, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
		snprintf(out, size, "%s", at != NULL ? at : "");
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	localtime_r(&t, &tm);
	if (strftime(out, size, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(out, size, "%s", at);
}

const char *
synclog_basename(const char *file)
{
	const char *slash = strrchr(file, '/');

	return slash != NULL ? slash + 1 : file;
}

char *
synclog_folder(struct store *s)
{
	return store_setting(s, "sync_folder");
}

bool
synclog_set_folder(struct store *s, const char *folder, struct error *err)
{
	char *old = synclog_folder(s);
	bool same = old != NULL && strcmp(old, folder) == 0;

	free(old);
	return same || store_set_setting(s, "sync_folder", folder, err);
}
