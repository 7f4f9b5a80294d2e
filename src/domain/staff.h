/*
 * staff — the people who sign in at the kiosk: name, role and PIN.
 *
 * PINs are stored only as libsodium crypto_pwhash_str (argon2id) hashes.
 * Five wrong PINs in a row lock the account for a delay that doubles with
 * each further wrong PIN (30 s, 60 s, … up to an hour).  Staff rows stay in
 * the store that made them; their hashes never travel in a sync bundle.
 */
#ifndef KYODO_STAFF_H
#define KYODO_STAFF_H

#include <stdbool.h>
#include <time.h>

#include "base/actor.h"
#include "base/error.h"
#include "store/store.h"

#define STAFF_PIN_MIN 4
#define STAFF_PIN_MAX 12
#define STAFF_FREE_TRIES 5

struct staff_member {
	char name[128];
	enum role role;
	bool active;
	int failed_pins;
	long long locked_until;	/* unix seconds; 0 when not locked */
};

/* Checks a PIN's shape (4–12 digits; full-width digits accepted) and
 * returns its ASCII form in out (STAFF_PIN_MAX + 1 bytes). */
bool staff_pin_valid(const char *pin, char *out, struct error *err);
/* Adds a staff member; only an administrator may.  Audited. */
bool staff_add(struct store *s, const struct actor *who, const char *name,
    enum role role, const char *pin, struct error *err);
/* The first administrator of a store with no staff at all (the kiosk's
 * first start): nobody is signed in to authorise it, so it is refused once
 * any staff member exists.  Audited as the new administrator. */
bool staff_add_first_admin(struct store *s, const char *name, const char *pin,
    struct error *err);

/* The administrator's changes to an account, each audited and refused (with
 * a sentence in err) for another role or an unknown name.  The last active
 * administrator can be neither deactivated nor given another role.  A
 * reactivation or a PIN reset also lifts a lock. */
bool staff_set_active(struct store *s, const struct actor *who, const char *name,
    bool active, struct error *err);
bool staff_set_role(struct store *s, const struct actor *who, const char *name,
    enum role role, struct error *err);
bool staff_reset_pin(struct store *s, const struct actor *who, const char *name,
    const char *pin, struct error *err);
/* A signed-in person changes their own PIN, giving the current one; a wrong
 * current PIN counts towards the lock as at sign-in. */
bool staff_change_pin(struct store *s, const struct actor *who, const char *current,
    const char *pin, time_t now, struct error *err);

enum staff_verdict {
	STAFF_OK,		/* *out is the signed-in actor */
	STAFF_WRONG_PIN,	/* *tries_left before the lock */
	STAFF_LOCKED,		/* *wait_seconds until the next try */
	STAFF_UNKNOWN,
	STAFF_FAILED,		/* the store failed; err says why */
};
/* Checks name and PIN at time now, counting wrong PINs in the store so a
 * restart does not reset the lock. */
enum staff_verdict staff_sign_in(struct store *s, const char *name, const char *pin,
    time_t now, struct actor *out, int *tries_left, long *wait_seconds,
    struct error *err);
/* Staff read into an array (staff_members_add as staff_list's each). */
struct staff_members {
	struct staff_member *m;	/* owned */
	int n, cap;
};
void staff_members_add(void *ctx, const struct staff_member *m);
void staff_members_free(struct staff_members *l);

/* Calls each for active staff, by name.  Returns the count, or -1. */
int staff_list(struct store *s, void (*each)(void *ctx, const struct staff_member *m),
    void *ctx, struct error *err);
/* The same for every staff member, the deactivated too. */
int staff_list_all(struct store *s, void (*each)(void *ctx, const struct staff_member *m),
    void *ctx, struct error *err);

/* An account's change as the audit log keeps it ("佐藤 (center → admin)",
 * "佐藤 (admin), first start") with the roles by their labels. */
void staff_audit_words(const char *summary, char *out, size_t size);

#endif
