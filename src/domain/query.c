/*
 * query — reading records from the store: one by id or by name, a kind's
 * records listed in order with a filter and keyset paging (the lists page
 * through years without OFFSET), and counts.  The SQL is built here from
 * the kind's table of fields; every value is bound, and what is written
 * into the SQL text (tables, columns, choice codes) comes from kinds.c,
 * never from a person.  Writing is save.c's.
 */
#include "record.h"

#include <assert.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/date.h"
#include "base/i18n.h"

/* "SELECT <every column> FROM <table>", in the order read_row reads. */
static void
select_columns(struct buf *sql, const struct kind *k)
{
	int i;

	buf_adds(sql, "SELECT " RECORD_META_COLUMNS);
	for (i = 0; i < k->nfields; i++)
		buf_printf(sql, ", \"%s\"", k->fields[i].name);
	for (i = 0; i < k->nfields; i++)
		if (k->fields[i].type == FIELD_REF)
			buf_printf(sql, ", \"%s_id\"", k->fields[i].name);
	buf_printf(sql, " FROM %s", k->table);
}

static char *
column_dup(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

/* Fills r (initialised, empty) from the current row. */
static void
read_row(sqlite3_stmt *st, struct record *r)
{
	const char *t;
	int i, col = RECORD_META_COUNT + r->kind->nfields;

	t = (const char *)sqlite3_column_text(st, 0);
	snprintf(r->uuid, sizeof r->uuid, "%s", t ? t : "");
	t = (const char *)sqlite3_column_text(st, 1);
	snprintf(r->origin, sizeof r->origin, "%s", t ? t : "");
	r->version = sqlite3_column_int64(st, 2);
	t = (const char *)sqlite3_column_text(st, 3);
	snprintf(r->updated_at, sizeof r->updated_at, "%s", t ? t : "");
	r->deleted = sqlite3_column_int(st, 4) != 0;
	r->created_by = column_dup(st, 5);
	r->updated_by = column_dup(st, 6);
	for (i = 0; i < r->kind->nfields; i++)
		r->value[i] = column_dup(st, RECORD_META_COUNT + i);
	for (i = 0; i < r->kind->nfields; i++) {
		if (r->kind->fields[i].type != FIELD_REF)
			continue;
		t = (const char *)sqlite3_column_text(st, col++);
		snprintf(r->ref_id[i], sizeof r->ref_id[i], "%s", t ? t : "");
	}
	assert(col == sqlite3_column_count(st));	/* select_columns' columns, all read */
}

bool
record_get(struct store *s, const struct kind *k, const char *uuid, struct record *r,
    struct error *err)
{
	struct buf sql = {0};
	sqlite3_stmt *st;
	int rc;

	select_columns(&sql, k);
	buf_adds(&sql, " WHERE uuid = ?");
	rc = store_prepare(s, buf_str(&sql), &st);
	buf_free(&sql);
	if (rc != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	record_init_empty(r, k);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_row(st, r);
	store_done(s, st);
	if (rc != SQLITE_ROW) {
		error_set(err, _("No %s with id %s."), kind_label(k), uuid);
		return false;
	}
	return true;
}

int
record_find_uuid(struct store *s, const struct kind *k, const char *name, bool deleted,
    char uuid[37], struct error *err)
{
	struct buf sql = {0};
	sqlite3_stmt *st;
	int rc, hits = 0;

	/* A deleted one only among this store's own: another's is not ours to
	 * bring back. */
	buf_printf(&sql, "SELECT uuid FROM %s WHERE deleted = %d%s AND (uuid = ?1 OR "
	    "(length(?1) >= 8 AND substr(uuid, 1, length(?1)) = ?1) OR \"%s\" = ?1) LIMIT 2",
	    k->table, deleted ? 1 : 0, deleted ? " AND origin = ?2" : "", k->title);
	rc = store_prepare(s, buf_str(&sql), &st);
	buf_free(&sql);
	if (rc != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return -1;
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (deleted)
		sqlite3_bind_text(st, 2, store_origin(s), -1, SQLITE_STATIC);
	uuid[0] = '\0';
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (hits++ == 0)
			snprintf(uuid, 37, "%s", (const char *)sqlite3_column_text(st, 0));
	}
	store_done(s, st);
	return hits;
}

bool
record_find(struct store *s, const struct kind *k, const char *name, struct record *r,
    struct error *err)
{
	char uuid[37];
	int hits = record_find_uuid(s, k, name, false, uuid, err);

	if (hits < 0)
		return false;
	if (hits == 0) {
		error_set(err, _("No %s named \"%s\"."), kind_label(k), name);
		return false;
	}
	if (hits > 1) {
		error_set(err, _("More than one %s is named \"%s\"; give its id instead."),
		    kind_label(k), name);
		return false;
	}
	return record_get(s, k, uuid, r, err);
}

/* [from, to) of the month, or of the whole year when month is 0. */
static void
month_range(int year, int month, char *from, char *to)
{
	if (month > 0) {
		date_month_range(year, month, from, to);
		return;
	}
	date_format((struct date){year, 1, 1}, from);
	date_format((struct date){year + 1, 1, 1}, to);
}

#define LABEL_PARAM(field, choice) (100 + (field) * 32 + (int)(choice))

/* The filter typed over a list: any text field holding the words, or a
 * choice whose label (in the user's language) holds them. */
static void
add_contains(struct buf *sql, const struct kind *k)
{
	const struct choice *c;
	int i;

	buf_adds(sql, " AND (0");
	for (i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];

		if (f->type == FIELD_TEXT || f->type == FIELD_NOTE || f->type == FIELD_DATE ||
		    f->type == FIELD_REF)
			buf_printf(sql, " OR instr(\"%s\", ?%d) > 0", f->name, 90);
		else if (f->type == FIELD_CHOICE)
			for (c = f->choices; c->code != NULL; c++) {
				/* Each field has 32 parameter numbers for its labels. */
				assert(c - f->choices < 32);
				buf_printf(sql, " OR (\"%s\" = '%s' AND instr(?%d, ?90) > 0)",
				    f->name, c->code, LABEL_PARAM(i, c - f->choices));
			}
	}
	buf_adds(sql, ")");
}

/* Binds the filter text as ?90 and the choice labels from ?100 on (codes and
 * labels come from the static kind table, never from a person). */
static void
bind_contains(sqlite3_stmt *st, int col, const struct kind *k, const char *text)
{
	const struct choice *c;
	int i;

	(void)col;
	sqlite3_bind_text(st, 90, text, -1, SQLITE_TRANSIENT);
	for (i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];

		if (f->type != FIELD_CHOICE)
			continue;
		for (c = f->choices; c->code != NULL; c++)
			sqlite3_bind_text(st, LABEL_PARAM(i, c - f->choices), _(c->label), -1,
			    SQLITE_TRANSIENT);
	}
}

long
record_list(struct store *s, const struct kind *k, const struct record_query *q,
    bool (*each)(void *ctx, const struct record *r), void *ctx, struct error *err)
{
	struct buf sql = {0};
	sqlite3_stmt *st;
	struct record r;
	char from[11], to[11];
	long n = 0;
	int rc, col = 1;
	/* Dated kinds list by (date, start, uuid); the rest by their order. */
	bool dated = kind_field(k, "date") >= 0 && k->order == NULL;
	bool year = dated && q->year > 0, after = dated && q->after_date != NULL;
	const char *start = kind_field(k, "start") >= 0 ? "start" : "''";

	select_columns(&sql, k);
	buf_adds(&sql, " WHERE 1");
	if (!q->with_deleted)
		buf_adds(&sql, " AND deleted = 0");
	if (year)
		buf_adds(&sql, " AND date >= ? AND date < ?");
	if (after)
		buf_printf(&sql, " AND (date, ifnull(%s, ''), uuid) %s (?, ?, ?)", start,
		    q->backward ? "<" : ">");
	if (q->eq_field != NULL)
		buf_printf(&sql, " AND \"%s\" = ?", q->eq_field);
	if (q->contains != NULL && *q->contains != '\0')
		add_contains(&sql, k);
	if (!dated)
		buf_printf(&sql, " ORDER BY %s, uuid", k->order ? k->order : "uuid");
	else if (q->backward)
		buf_printf(&sql, " ORDER BY date DESC, %s DESC, uuid DESC", start);
	else
		buf_printf(&sql, " ORDER BY date, %s, uuid", start);
	if (q->limit > 0)
		buf_printf(&sql, " LIMIT %d", q->limit);
	rc = store_prepare(s, buf_str(&sql), &st);
	buf_free(&sql);
	if (rc != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return -1;
	}
	if (year) {
		month_range(q->year, q->month, from, to);
		sqlite3_bind_text(st, col++, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, col++, to, -1, SQLITE_STATIC);
	}
	if (after) {
		sqlite3_bind_text(st, col++, q->after_date, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, col++, q->after_start ? q->after_start : "", -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, col++, q->after_uuid ? q->after_uuid : "", -1,
		    SQLITE_STATIC);
	}
	if (q->eq_field != NULL)
		sqlite3_bind_text(st, col++, q->eq_value, -1, SQLITE_STATIC);
	assert(col < 90);	/* the numbered parameters of the filter come after */
	if (q->contains != NULL && *q->contains != '\0')
		bind_contains(st, col, k, q->contains);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		bool more;

		record_init_empty(&r, k);
		read_row(st, &r);
		more = each(ctx, &r);
		record_free(&r);
		n++;
		if (!more)
			break;
	}
	store_done(s, st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		store_sql_error(s, _("Reading"), err);
		return -1;
	}
	return n;
}

long
record_count(struct store *s, const struct kind *k, int year, int month, struct error *err)
{
	struct buf sql = {0};
	sqlite3_stmt *st;
	char from[11], to[11];
	long n = -1;
	int rc;

	if (kind_field(k, "date") < 0)
		year = 0;
	buf_printf(&sql, "SELECT count(*) FROM %s WHERE deleted = 0", k->table);
	if (year > 0)
		buf_adds(&sql, " AND date >= ? AND date < ?");
	rc = store_prepare(s, buf_str(&sql), &st);
	buf_free(&sql);
	if (rc != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return -1;
	}
	if (year > 0) {
		month_range(year, month, from, to);
		sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	else
		store_sql_error(s, _("Reading"), err);
	store_done(s, st);
	return n;
}
