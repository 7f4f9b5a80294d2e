/*
 * bundle — the shape of the database inside a sync file, derived from the
 * record kinds' description, so that a kind added to kinds.c travels (and
 * is checked) without a list kept here.
 *
 * A file from a center holds one table per kind the center owns; a file
 * from the city one per city-owned kind.  Each table has the row's meta
 * columns, the kind's fields, the ids of its references ("<field>_id") and
 * its links, with declared type TEXT or INTEGER and nothing else: no key,
 * no constraint, no collation, no default.  The reader compares the file's
 * schema with bundle_create_sql() to the letter.
 */
#ifndef KYODO_BUNDLE_H
#define KYODO_BUNDLE_H

#include <stdbool.h>

#include "base/buf.h"
#include "domain/record.h"

enum bundle_col_role {
	COL_UUID, COL_ORIGIN, COL_VERSION, COL_UPDATED_AT, COL_DELETED, COL_CREATED_BY,
	COL_UPDATED_BY,
	COL_FIELD,	/* the kind's field number `field` */
	COL_REF_ID,	/* the id of field `field`'s reference */
	COL_LINK,	/* the kind's link number `field` */
};

#define BUNDLE_META_COLUMNS 7
#define BUNDLE_MAX_COLUMNS (BUNDLE_META_COLUMNS + 2 * RECORD_MAX_FIELDS + 4)

struct bundle_column {
	char name[40];
	enum bundle_col_role role;
	int field;
	bool integer;		/* declared INTEGER, else TEXT */
	const char *ref;	/* COL_REF_ID, COL_LINK: the kind pointed at, or NULL */
};

struct bundle_table {
	const struct kind *kind;
	int ncols;
	struct bundle_column cols[BUNDLE_MAX_COLUMNS];
};

/* The tables a file from the city (from_city) or from a center holds, in
 * an order where each kind comes after the kinds it refers to, so rows can
 * be applied with foreign keys checked at once.  Returns the count. */
int bundle_tables(bool from_city, const struct bundle_table **out);

/* "CREATE TABLE "<table>" (…)" as the file holds it. */
void bundle_create_sql(const struct bundle_table *t, struct buf *out);
/* The quoted column list, "uuid", "origin", … */
void bundle_column_list(const struct bundle_table *t, struct buf *out);

/* The file's description table. */
#define BUNDLE_META_SQL "CREATE TABLE \"bundle_meta\" (\"key\" TEXT, \"value\" TEXT)"

#endif
