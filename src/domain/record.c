/*
 * record — see record.h.  Records in memory: finding a kind and its
 * fields, a record's values (made, copied, set through field_parse, read as
 * numbers, checked, summed up in a line) and growing arrays of them.
 * Nothing here touches the store: reading is query.c's, writing save.c's,
 * parsing field.c's.
 */
#include "record.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"

const struct kind *
kind_find(const char *name)
{
	const struct kind *const *k;

	for (k = kind_all(); *k != NULL; k++)
		if (strcmp((*k)->name, name) == 0)
			return *k;
	return NULL;
}

bool
kind_dated(const struct kind *k)
{
	return k->order == NULL && kind_field(k, "date") >= 0;
}

int
kind_field(const struct kind *k, const char *name)
{
	int i;

	for (i = 0; i < k->nfields; i++)
		if (strcmp(k->fields[i].name, name) == 0)
			return i;
	return -1;
}

int
kind_title(const struct kind *k)
{
	int i = kind_field(k, k->title);

	assert(i >= 0);	/* kinds.c names a field it does not have */
	return i;
}

const char *
kind_label(const struct kind *k)
{
	return _(k->label);
}

void
record_init_empty(struct record *r, const struct kind *k)
{
	/* kinds.c gives every kind at most RECORD_MAX_FIELDS fields. */
	assert(k != NULL && k->nfields <= RECORD_MAX_FIELDS);
	memset(r, 0, sizeof *r);
	r->kind = k;
}

void
record_init(struct record *r, const struct kind *k)
{
	int i;

	record_init_empty(r, k);
	for (i = 0; i < k->nfields; i++)
		r->value[i] = xstrdup(k->fields[i].dflt);
}

void
record_rows_add(struct record_rows *set, const struct record *r)
{
	if (set->n == set->cap) {
		set->cap = set->cap ? set->cap * 2 : 16;
		set->rows = xreallocarray(set->rows, (size_t)set->cap, sizeof *set->rows);
	}
	record_copy(&set->rows[set->n++], r);
}

void
record_rows_clear(struct record_rows *set)
{
	int i;

	for (i = 0; i < set->n; i++)
		record_free(&set->rows[i]);
	set->n = 0;
}

void
record_rows_free(struct record_rows *set)
{
	record_rows_clear(set);
	free(set->rows);
	set->rows = NULL;
	set->cap = 0;
}

void
record_copy(struct record *dst, const struct record *src)
{
	int i;

	*dst = *src;
	for (i = 0; i < RECORD_MAX_FIELDS; i++)
		dst->value[i] = xstrdup(src->value[i]);
	dst->created_by = xstrdup(src->created_by);
	dst->updated_by = xstrdup(src->updated_by);
}

void
record_free(struct record *r)
{
	int i;

	for (i = 0; i < RECORD_MAX_FIELDS; i++) {
		free(r->value[i]);
		r->value[i] = NULL;
	}
	free(r->created_by);
	free(r->updated_by);
	r->created_by = r->updated_by = NULL;
}

bool
record_set(struct record *r, int i, const char *input, struct error *err)
{
	char *v;

	assert(i >= 0 && i < r->kind->nfields);	/* i comes from kind_field, never -1 */
	if (!field_parse(&r->kind->fields[i], input, &v, err)) {
		if (err != NULL)
			err->field = i;
		return false;
	}
	free(r->value[i]);
	r->value[i] = v;
	return true;
}

long long
record_int(const struct record *r, int i)
{
	assert(i >= 0 && i < r->kind->nfields);
	return r->value[i] != NULL ? strtoll(r->value[i], NULL, 10) : 0;
}

bool
record_check(const struct record *r, struct error *err)
{
	int i;

	for (i = 0; i < r->kind->nfields; i++) {
		if (r->kind->fields[i].required && r->value[i] == NULL) {
			error_set(err, _("%s: required."), field_label(&r->kind->fields[i]));
			if (err != NULL)
				err->field = i;
			return false;
		}
	}
	return r->kind->check == NULL || r->kind->check(r, err);
}

void
record_summary(const struct record *r, struct buf *out)
{
	int d = kind_field(r->kind, "date"), s = kind_field(r->kind, "start");
	const char *title = r->value[kind_title(r->kind)];

	buf_printf(out, "%s", kind_label(r->kind));
	if (d >= 0 && r->value[d] != NULL)
		buf_printf(out, " %s", r->value[d]);
	if (s >= 0 && r->value[s] != NULL)
		buf_printf(out, " %s", r->value[s]);
	if (title != NULL)
		buf_printf(out, " %s", title);
}
