/*
 * setting — the store's settings people change: the opening hours, closed
 * days and booking horizon (the rules bookings and uses keep), and the
 * kiosk's language, lines and idle lock.  Which exist, what each takes,
 * who may change it, and the change written with one audit line each.
 * The command line and the kiosk's screens both go through here.
 */
#ifndef KYODO_SETTING_H
#define KYODO_SETTING_H

#include <stdbool.h>
#include <stddef.h>

#include "base/actor.h"
#include "base/error.h"
#include "field.h"
#include "store/store.h"

/* The idle lock staff may set; more is for an administrator. */
#define SETTING_IDLE_STAFF_MAX 30
#define SETTING_IDLE_MAX 240

struct setting_def {
	const char *key;
	const char *help;	/* N_: what it takes, for --help */
	bool opening;		/* a rule of the center's opening */
	const char *dflt;	/* what holds while it was never set */
	/* How a screen edits it (its name the key; the weekly closing day's
	 * "" shown and chosen as "-"). */
	struct field field;
};

/* The settings, ending with {NULL}. */
extern const struct setting_def setting_defs[];
/* The setting called key, or NULL. */
const struct setting_def *setting_find(const char *key);
/* Copies the fields of the n settings keys[i] (each one that exists) into
 * out[i], for a screen's form. */
void setting_fields(const char *const keys[], int n, struct field *out);
/* A change as the audit log keeps it ("idle_minutes: 10 → 20") in the
 * reader's words ("自動ロック（分）: 10 → 20"), choices by their labels;
 * summary itself when it is not one. */
void setting_audit_words(const char *summary, char *out, size_t size);
/* Whether value is one key takes (an empty value clears where allowed). */
bool setting_valid(const char *key, const char *value, struct error *err);
/* Whether who may set key to value: the opening by an administrator or
 * center staff; an idle lock above SETTING_IDLE_STAFF_MAX minutes by an
 * administrator; the rest by anyone signed in. */
bool setting_may(const struct actor *who, const char *key, const char *value,
    struct error *err);
/* Sets keys[i] to values[i] for i < n in one transaction, after checking
 * every one; a value that does not change is neither written nor
 * audited, each change is audited as "key: old → new". */
bool setting_set(struct store *s, const struct actor *who, int n, const char *const keys[],
    const char *const values[], struct error *err);

#endif
