/*
 * field — one field of a record kind, and what a person types for it: the
 * field's description (type, limits, choices, reference) and the one parser
 * that turns typed text into the canonical text kyodo stores.  Forms,
 * `kyodo add`, CSV and sync all parse through field_parse, so they accept
 * and refuse the same things.  No SQLite: the kinds themselves and the
 * records are record.h's.
 */
#ifndef KYODO_FIELD_H
#define KYODO_FIELD_H

#include <stdbool.h>

#include "base/error.h"

enum field_type {
	FIELD_TEXT,	/* one line */
	FIELD_NOTE,	/* free text, may hold line breaks */
	FIELD_DATE,
	FIELD_TIME,
	FIELD_YEN,	/* integer yen, >= 0 */
	FIELD_COUNT,	/* integer, >= 0 */
	FIELD_CHOICE,
	FIELD_REF,	/* names a record of another kind (a room), by its name */
};

struct choice {
	const char *code;	/* stored and typed on the command line */
	const char *label;	/* English msgid */
};

struct field {
	const char *name;	/* column, command-line option, CSV header */
	const char *label;	/* English msgid; gettext gives the Japanese */
	enum field_type type;
	bool required;
	long long max;		/* characters (text) or largest value (numbers) */
	long long min;		/* smallest value (numbers); 0 unless set */
	bool fiscal_year;	/* a count that is a fiscal year: 令和8 and R8 read too */
	const struct choice *choices;	/* FIELD_CHOICE; ends with {NULL, NULL} */
	int width;		/* columns in a list; 0 = not listed */
	/* FIELD_REF: the kind named; its id is stored in column "<name>_id".
	 * A loose reference keeps a name that matches no record as text. */
	const char *ref;
	bool ref_loose;
	const char *dflt;	/* value of a new record, or NULL */
};

/* The field's translated label. */
const char *field_label(const struct field *f);
/* The translated label of a choice code ("round-table" → 円卓会議); the
 * code itself when unknown. */
const char *field_choice_label(const struct field *f, const char *code);

/* Parses what a person typed for field f into canonical text (*out, malloc'd,
 * NULL for empty).  Full-width digits, ：and － are accepted.  On refusal
 * returns false and err names the field and what is expected. */
bool field_parse(const struct field *f, const char *input, char **out, struct error *err);

#endif
