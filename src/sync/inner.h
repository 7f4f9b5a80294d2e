/*
 * inner — the database inside a sync file, read as untrusted data.
 *
 * The plaintext is opened on a connection of its own, read-only, with
 * SQLite's defensive settings (no triggers, no views, no extensions,
 * untrusted schema), value lengths capped and a budget of work it may
 * cost, so no file can hang or flood the reader and nothing in it ever
 * touches the store's connection.  Its schema must be bundle_create_sql()'s
 * to the letter; its rows are read once, into memory, with each value's
 * type and each row's id, owner and version checked.  Everything that
 * needs the store (what is new, references, the kinds' rules) is sync.c's.
 */
#ifndef KYODO_INNER_H
#define KYODO_INNER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "bundle.h"
#include "base/error.h"

/* Versions count a row's edits by its owner; no row gets near this. */
#define INNER_VERSION_MAX 1000000000LL

struct inner_value {
	long long i;		/* INTEGER */
	uint32_t off, len;	/* TEXT: in the table's text buffer, NUL-ended */
	int type;		/* SQLITE_NULL, SQLITE_INTEGER or SQLITE_TEXT */
};

struct inner_table {
	const struct bundle_table *shape;
	long nrows;
	struct inner_value *v;	/* nrows × shape->ncols */
	struct buf text;
	long *by_uuid;		/* row numbers sorted by uuid */
};

struct inner {
	bool from_city;
	int schema_version;
	int ntables;
	struct inner_table t[KIND_MAX];
};

/* What the signed header says; the inner description must agree. */
struct inner_expect {
	const char *sender, *receiver, *created;
	int format;
	int schema_max;		/* the newest schema this kyodo reads */
};

/* Opens plain (len bytes from sqlite3_malloc, which this call frees) and
 * reads it into in.  On refusal returns false with one sentence in err
 * and in holds nothing. */
bool inner_read(unsigned char *plain, size_t len, const struct inner_expect *x, struct inner *in,
    struct error *err);
void inner_free(struct inner *in);

static inline const struct inner_value *
inner_value(const struct inner_table *t, long row, int col)
{
	return &t->v[row * t->shape->ncols + col];
}

/* The text of a TEXT value, NULL for NULL (and for an INTEGER). */
const char *inner_text(const struct inner_table *t, long row, int col);
/* The row whose uuid is uuid, or -1. */
long inner_find(const struct inner_table *t, const char *uuid);
/* The table of kind k in the file, or NULL. */
const struct inner_table *inner_table_of(const struct inner *in, const struct kind *k);
/* "Meeting 「総会」" or "Meeting 1a2b3c4d": the row as a refusal names it,
 * safe for a terminal. */
void inner_row_name(const struct inner_table *t, long row, struct buf *out);

/* The refusal of a file for one of its rows: "In this file, <row> <what>."
 * (what: "has no proper id"), or with because a sentence of the form's
 * parser or a kind's check, which names the field and ends itself. */
void inner_refuse(struct error *err, const struct inner_table *t, long row, const char *what);
void inner_refuse_because(struct error *err, const struct inner_table *t, long row,
    const char *why);

/* A uuid as kyodo writes them: 36 characters, lowercase hex and dashes. */
bool inner_uuid_valid(const char *s);

#endif
