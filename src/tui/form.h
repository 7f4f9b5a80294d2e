/*
 * form — one line per field of a record kind, edited in place: text, date,
 * time and number fields with a line editor, choices cycled with ←/→ or
 * Space.  Driven by `struct kind`, so every kind (and the settings) shares
 * it.  A field is checked when the cursor leaves it; saving goes through
 * record_set and record_check, and a refusal puts the cursor on the field
 * at fault with the core's sentence under the form.
 */
#ifndef KYODO_TUI_FORM_H
#define KYODO_TUI_FORM_H

#include <stdbool.h>

#include "app.h"
#include "domain/group.h"
#include "domain/record.h"
#include "keys.h"
#include "lineedit.h"

struct form {
	const struct kind *kind;
	struct lineedit edit[RECORD_MAX_FIELDS];	/* text-like fields */
	int choice[RECORD_MAX_FIELDS];	/* choice fields: index, -1 for none */
	char *field_err[RECORD_MAX_FIELDS];	/* owned; the field's last refusal */
	int cur;		/* field under the cursor */
	int top;		/* first field in view */
	bool changed;
	char refusal[512];	/* the last save refusal, "" when none */
	/* Reference fields (a room, a project): the names to pick from. */
	char **ref_names[RECORD_MAX_FIELDS];
	/* What each name stands for, when its kind also has a "name" (a grant
	 * program's code and its name); NULL entries where none. */
	char **ref_labels[RECORD_MAX_FIELDS];
	int ref_count[RECORD_MAX_FIELDS];
	/* One text field may complete as one types (a booking's group): the
	 * names it offers (the screen's), the matches shown under the field
	 * and the one highlighted (-1: none, the cursor stays in the field). */
	int complete;		/* the field, -1 for none */
	const struct group_names *names;
	int *match, nmatch, pick;
	bool pick_open;
};

/* Fills the form from r's values, or empty (a required choice starts on
 * its first entry) when r is NULL. */
void form_init(struct form *f, const struct kind *k, const struct record *r);
void form_free(struct form *f);
/* Loads the names each reference field can pick from (the store's own
 * records of that kind, and the city's); ←/→ then pick among them while
 * the field is empty or holds one of them. */
void form_load_refs(struct form *f, struct store *s);
/* Field i completes from names (kept by the caller while f lives): as one
 * types, the names whose start or reading's start is what was typed are
 * listed under the field; Down/Up highlight one, Enter takes it, Esc closes
 * the list.  Any other text is still taken as typed. */
void form_complete_from(struct form *f, int i, const struct group_names *names);
/* Sets field i to canonical text (a default). */
void form_set(struct form *f, int i, const char *value);
/* Field i as it stands (a choice's code, "" for none), checked or not;
 * valid until f changes. */
const char *form_text(const struct form *f, int i);
/* Esc on a form screen: closes it at once when nothing was changed, else
 * asks before the changes are dropped.  Returns RES_* bits. */
int form_cancel(struct app *a, struct form *f);
/* Handles a key for the fields; returns RES_* bits, 0 when not used. */
int form_key(struct form *f, struct key k);
/* A form screen's keys, the same on every one: the save action calls
 * save(a, state), cancel goes through form_cancel, the rest edit f. */
int form_screen_key(struct app *a, struct form *f, struct key k, int act,
    void (*save)(struct app *a, void *state), void *state);
/* The actions a form screen offers, in the key bar's order. */
const struct action_def *const *form_screen_actions(void *state);
/* Puts every field into r (already record_init'd for the kind) with
 * record_set, then record_check.  On refusal shows err and moves the cursor
 * to the field at fault; returns false and r may hold part of the values. */
bool form_collect(struct form *f, struct record *r);
/* Shows a refusal that came later (the store refused). */
void form_refuse(struct form *f, const struct error *err);
/* Draws the fields in rows y … y+h-1 across the window, the message under
 * them wrapped whole (fewer fields shown when it is long), and places the
 * cursor on the field being edited.  Returns the row after the message. */
int form_draw(struct app *a, struct form *f, int y, int h);

#endif
