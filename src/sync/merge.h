/*
 * merge — applying one file's rows, read by inner.c, to the store: the
 * checks that need the store, then the writes.  Called by sync.c inside a
 * transaction; each file runs in a savepoint of its own, so a refused file
 * takes nothing with it and leaves the batch's other files standing.
 *
 * A center's file at city hall: a row is added when new, replaces the
 * stored one when its version is higher (by a sane step), and is left when
 * not; a row someone else owns refuses the file.  The city's file at a
 * center is the whole of the city's rows for that center: it replaces the
 * center's copy of them, so what the city decides last is what the center
 * shows, even after the city went back to a backup.  Either way only the
 * rows that will be written are checked field by field, with the same
 * parsers and rules as a form, and every reference must point at a row of
 * the same owner.  A file not newer than the last one taken from its
 * sender changes nothing and does not count as that sender's latest.
 */
#ifndef KYODO_MERGE_H
#define KYODO_MERGE_H

#include "base/actor.h"
#include "base/error.h"
#include "inner.h"
#include "store/store.h"

struct sync_progress {
	void (*report)(void *ctx, const char *what, long done, long total);
	void *ctx;
};

/* Says how far the work is, when someone listens (p may be NULL). */
static inline void
sync_progress_report(const struct sync_progress *p, const char *what, long done, long total)
{
	if (p != NULL && p->report != NULL)
		p->report(p->ctx, what, done, total);
}

struct sync_counts {
	const char *table;
	long incoming, added, updated, unchanged;
	long removed;		/* city rows at a center that the city's file no longer holds */
};

struct sync_result {
	char sender[17];
	char created[16];	/* YYYYMMDD-HHMMSS, UTC */
	int ntables;
	struct sync_counts t[KIND_MAX];
	long added, updated, unchanged, removed;
	/* Not newer than the last file taken from its sender (last_taken):
	 * nothing was changed. */
	bool stale;
	char last_taken[16];
};

/* A file ahead of this computer's clock by more than this is refused: the
 * sender's clock is wrong, and its rows would look newer than they are. */
#define MERGE_CLOCK_AHEAD_SECONDS (2 * 3600)
/* A row's version moves by at most this between two files of its owner. */
#define MERGE_VERSION_STEP 100000

struct merge_file {
	const char *path;	/* for the log and the audit; may be NULL */
	char sender[17], receiver[17], created[16];
	struct inner in;
};

bool merge_apply(struct store *s, const struct actor *who, const struct merge_file *f,
    struct sync_result *res, const struct sync_progress *p, struct error *err);

#endif
