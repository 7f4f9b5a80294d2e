/*
 * audit — the append-only record of every change a person makes: who, when
 * (UTC), what, and a one-line summary.  The table's triggers refuse any
 * update or delete, so history cannot be rewritten through SQL either.
 */
#ifndef KYODO_AUDIT_H
#define KYODO_AUDIT_H

#include <stdbool.h>

#include "base/actor.h"
#include "base/error.h"
#include "store.h"

struct audit_entry {
	long long id;
	const char *at, *actor, *action, *kind, *uuid, *summary;
};

/* Appends one entry; kind and uuid may be NULL.  Runs inside the caller's
 * transaction, so the change and its entry stand or fall together. */
bool audit_log(struct store *s, const struct actor *who, const char *action,
    const char *kind, const char *uuid, const char *summary, struct error *err);
/* Calls each for entries newest first, at most limit (0 = all); strings
 * are valid during the call only.  Returns the count, or -1. */
int audit_list(struct store *s, int limit, void (*each)(void *ctx,
    const struct audit_entry *e), void *ctx, struct error *err);

/* An action as people read it, in the user's language: "削除" for
 * "delete"; an action this table does not know is shown as stored. */
const char *audit_action_label(const char *action);
/* Whether label holds filter, ASCII letters in either case: how a typed
 * filter finds a label. */
bool audit_label_holds(const char *label, const char *filter);
/* A summary the core wrote in its own words ("read the audit log"), in
 * the user's language; any other summary as stored. */
const char *audit_summary_label(const char *summary);

/* A page of the log for a reader: entries older than before_id (0: from the
 * newest), newest first, whose actor, action, kind or summary contains
 * filter (NULL or "": all), or whose action's label contains it, or whose
 * kind is one of also_kinds ("|meeting|staff|": the kinds whose labels the
 * caller found it in; NULL: none), at most limit.  Only an administrator may read
 * it; another role is refused (and the refusal logged).  Returns the count,
 * or -1 with err. */
int audit_page(struct store *s, const struct actor *reader, const char *filter,
    const char *also_kinds, long long before_id, int limit, void (*each)(void *ctx, const struct audit_entry *e),
    void *ctx, struct error *err);

#endif
