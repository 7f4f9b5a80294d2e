/* bundle — see bundle.h. */
#include "bundle.h"

#include <stdio.h>
#include <string.h>

static const char *const meta_names[BUNDLE_META_COLUMNS] = {
	"uuid", "origin", "version", "updated_at", "deleted", "created_by", "updated_by",
};

static void
add_column(struct bundle_table *t, const char *name, enum bundle_col_role role, int field,
    bool integer, const char *ref)
{
	struct bundle_column *c = &t->cols[t->ncols++];

	snprintf(c->name, sizeof c->name, "%s", name);
	c->role = role;
	c->field = field;
	c->integer = integer;
	c->ref = ref;
}

/* Columns in the order query.c reads a row: meta, fields, reference ids,
 * then the links. */
static void
describe(struct bundle_table *t, const struct kind *k)
{
	char name[40];
	int i;

	t->kind = k;
	t->ncols = 0;
	for (i = 0; i < BUNDLE_META_COLUMNS; i++)
		add_column(t, meta_names[i], (enum bundle_col_role)i, -1,
		    i == COL_VERSION || i == COL_DELETED, NULL);
	for (i = 0; i < k->nfields; i++)
		add_column(t, k->fields[i].name, COL_FIELD, i,
		    k->fields[i].type == FIELD_YEN || k->fields[i].type == FIELD_COUNT, NULL);
	for (i = 0; i < k->nfields; i++) {
		if (k->fields[i].type != FIELD_REF)
			continue;
		snprintf(name, sizeof name, "%s_id", k->fields[i].name);
		add_column(t, name, COL_REF_ID, i, false, k->fields[i].ref);
	}
	for (i = 0; i < k->nlinks; i++)
		add_column(t, k->links[i].column, COL_LINK, i, false, k->links[i].ref);
}

static bool
refers_to(const struct kind *k, const char *name)
{
	int i;

	for (i = 0; i < k->nfields; i++)
		if (k->fields[i].type == FIELD_REF && strcmp(k->fields[i].ref, name) == 0)
			return true;
	for (i = 0; i < k->nlinks; i++)
		if (k->links[i].ref != NULL && strcmp(k->links[i].ref, name) == 0)
			return true;
	return false;
}

/* Kinds of one direction, each after those it refers to (kind_all's order
 * where there is no reference between two). */
static int
order(bool from_city, struct bundle_table *out)
{
	const struct kind *pending[KIND_MAX], *k;
	const struct kind *const *all;
	int npending = 0, n = 0, i, j;
	bool ready, moved;

	for (all = kind_all(); *all != NULL; all++)
		if ((*all)->city_owned == from_city)
			pending[npending++] = *all;
	while (npending > 0) {
		moved = false;
		for (i = 0; i < npending; i++) {
			k = pending[i];
			ready = true;
			for (j = 0; j < npending && ready; j++)
				ready = j == i || !refers_to(k, pending[j]->name);
			if (!ready)
				continue;
			describe(&out[n++], k);
			memmove(&pending[i], &pending[i + 1], (size_t)(npending - i - 1) * sizeof *pending);
			npending--;
			moved = true;
			break;
		}
		if (!moved) {	/* a cycle of references: kinds.c is wrong */
			for (i = 0; i < npending; i++)
				describe(&out[n++], pending[i]);
			npending = 0;
		}
	}
	return n;
}

int
bundle_tables(bool from_city, const struct bundle_table **out)
{
	static struct bundle_table center[KIND_MAX], city[KIND_MAX];
	static int ncenter = -1, ncity = -1;

	if (ncenter < 0) {
		ncenter = order(false, center);
		ncity = order(true, city);
	}
	*out = from_city ? city : center;
	return from_city ? ncity : ncenter;
}

void
bundle_column_list(const struct bundle_table *t, struct buf *out)
{
	int i;

	for (i = 0; i < t->ncols; i++)
		buf_printf(out, "%s\"%s\"", i ? ", " : "", t->cols[i].name);
}

void
bundle_create_sql(const struct bundle_table *t, struct buf *out)
{
	int i;

	buf_printf(out, "CREATE TABLE \"%s\" (", t->kind->table);
	for (i = 0; i < t->ncols; i++)
		buf_printf(out, "%s\"%s\" %s", i ? ", " : "", t->cols[i].name,
		    t->cols[i].integer ? "INTEGER" : "TEXT");
	buf_adds(out, ")");
}
