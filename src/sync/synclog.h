/*
 * synclog — what the sync log says: the files this store has written and
 * read (the sync_log table, which sync.c fills on every file written or
 * taken; a refused file is not logged).  For the sync screen's "last
 * export, last import" and for city hall's overview of its centers: each
 * enrolled center's last file, flagged when nothing came for
 * SYNCLOG_LATE_DAYS days.  Read-only, but for the folder last chosen on
 * the sync screen (a store setting, synclog_set_folder).
 */
#ifndef KYODO_SYNCLOG_H
#define KYODO_SYNCLOG_H

#include <stdbool.h>
#include <stddef.h>

#include "base/date.h"
#include "base/error.h"
#include "store/store.h"

/* A center whose last file is older than this (or that never sent one) is
 * flagged at city hall. */
#define SYNCLOG_LATE_DAYS 35

struct synclog_entry {
	long long id;
	char at[21];		/* UTC, ISO 8601 "YYYY-MM-DDTHH:MM:SSZ" */
	char direction[8];	/* "export" or "import" */
	char peer[17];		/* the other side: "city" or a center code */
	char file[1024];	/* as logged: the name written, or the path read */
	long rows;		/* rows added or updated (imports) */
	char result[32];
};

/* The newest entry in direction ("export" or "import") with peer (NULL:
 * any peer).  Returns 1 and fills e, 0 when there is none, -1 on error. */
int synclog_last(struct store *s, const char *direction, const char *peer,
    struct synclog_entry *e, struct error *err);

/* Calls each for entries newest first (peer NULL: every peer; limit 0: all);
 * e is valid during the call.  Returns the count, or -1 on error. */
long synclog_list(struct store *s, const char *peer, int limit,
    void (*each)(void *ctx, const struct synclog_entry *e), void *ctx, struct error *err);

/* The newest import of a file with this name (without folder) from any
 * folder.  Returns 1 and fills e, 0 when never imported, -1 on error. */
int synclog_imported(struct store *s, const char *name, struct synclog_entry *e,
    struct error *err);

struct synclog_center {
	char code[17];
	char name[128];
	bool heard;			/* a file from it was taken at least once */
	struct synclog_entry last;	/* the last file taken, when heard */
	long days;			/* days from the last file to today (heard) */
	bool late;			/* never heard, or silent > SYNCLOG_LATE_DAYS */
};

/* Each center enrolled at this store (city hall), by code, judged late
 * against today.  Returns the count, or -1 on error. */
long synclog_centers(struct store *s, struct date today,
    void (*each)(void *ctx, const struct synclog_center *c), void *ctx, struct error *err);

/* A center's monthly file for city hall: sent this month (done), not yet
 * this month (due by the month's end), or nothing sent for more than
 * SYNCLOG_LATE_DAYS days (late).  Never sent is due, not late: a new
 * store has had no month to send. */
enum synclog_due { SYNCLOG_DONE, SYNCLOG_DUE, SYNCLOG_LATE };

struct synclog_export_state {
	enum synclog_due due;
	bool sent;			/* a file was written at least once */
	struct date last;		/* the day of the last one, when sent */
	long days;			/* days from it to today, when sent */
};

/* The state of the file to city hall against today.  False (with err) when
 * the log could not be read. */
bool synclog_export_state(struct store *s, struct date today, struct synclog_export_state *out,
    struct error *err);

/* A logged UTC time as local "YYYY-MM-DD HH:MM" (size >= 17); the text as it
 * is when it is not a logged time. */
void synclog_local_time(const char *at, char *out, size_t size);
/* The file's name without its folder (points into file). */
const char *synclog_basename(const char *file);

/* The folder last chosen on the sync screen (malloc'd), or NULL. */
char *synclog_folder(struct store *s);
/* Keeps it for the next time (the setting "sync_folder"); not audited: it
 * says where the stick was, nothing about the store's data. */
bool synclog_set_folder(struct store *s, const char *folder, struct error *err);

#endif
