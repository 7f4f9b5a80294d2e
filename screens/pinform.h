/*
 * pinform — the forms about staff accounts, where a PIN is typed hidden:
 * the first administrator, a new staff member, a PIN reset, one's own new
 * PIN.  Each asks some of a name, a role, the current PIN and a new PIN
 * twice; the two new PINs must match and have a PIN's shape before the
 * opener's done is called.
 */
#ifndef KYODO_SCREENS_PINFORM_H
#define KYODO_SCREENS_PINFORM_H

#include "base/actor.h"
#include "tui/app.h"

/* Which fields a form asks, in this order. */
#define PINFORM_NAME 0x01
#define PINFORM_ROLE 0x02
#define PINFORM_CURRENT 0x04	/* the current PIN */
#define PINFORM_NEW 0x08	/* a new PIN, typed twice */

struct pinform_values {
	const char *name;	/* "" when not asked */
	enum role role;
	const char *current, *pin;	/* ASCII digits; "" when not asked */
};

struct pinform_arg {
	const char *title;	/* msgid: translated when shown */
	const char *note;	/* msgid said above the fields (wrapped), or NULL */
	int fields;		/* PINFORM_* */
	enum role role;		/* the role shown first */
	/* Called on F2 with what was typed.  Returns false with err to keep
	 * the form open showing err; true closes it (unless done pushed or
	 * signed in, which replaces it anyway). */
	bool (*done)(struct app *a, void *ctx, const struct pinform_values *v,
	    struct error *err);
	void *ctx;
};

extern const struct screen screen_pin_form;
/* Changing one's own PIN (staff.c): the home menu opens screen_pin_form
 * with it. */
extern const struct pinform_arg pinform_own_pin;
/* The digit a key types, full-width ０-９ folded; -1 for anything else
 * (the sign-in screen's PIN too). */
int pinform_digit(struct key k);

#endif
