/* inner — see inner.h. */
#include "inner.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"

/* No value kyodo writes is longer than a few thousand characters. */
#define VALUE_BYTES_MAX (256 * 1024)

struct budget {
	long long left;
	bool spent;
};

static int
on_progress(void *ctx)
{
	struct budget *b = ctx;

	b->left -= 1000;
	if (b->left < 0)
		b->spent = true;
	return b->spent;
}

bool
inner_uuid_valid(const char *s)
{
	int i;

	if (s == NULL || strlen(s) != 36)
		return false;
	for (i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return false;
		} else if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	}
	return true;
}

const char *
inner_text(const struct inner_table *t, long row, int col)
{
	const struct inner_value *v = inner_value(t, row, col);

	return v->type == SQLITE_TEXT ? t->text.data + v->off : NULL;
}

void
inner_row_name(const struct inner_table *t, long row, struct buf *out)
{
	const struct kind *k = t->shape->kind;
	const char *title = inner_text(t, row, BUNDLE_META_COLUMNS + kind_title(k));
	const char *uuid = inner_text(t, row, COL_UUID);
	char *shown;

	buf_printf(out, "%s ", kind_label(k));
	if (title != NULL && text_is_utf8(title, strlen(title)) && text_chars(title) <= 40 &&
	    *title != '\0') {
		shown = text_visible(title);
		buf_printf(out, _("\"%s\""), shown);
		free(shown);
	} else if (uuid != NULL && inner_uuid_valid(uuid)) {
		/* No title to go by: its date, if it has one, then enough of its
		 * id to find it. */
		int d = kind_field(k, "date");
		const char *date = d >= 0 ? inner_text(t, row, BUNDLE_META_COLUMNS + d) : NULL;

		if (date != NULL && strlen(date) == 10 && text_is_utf8(date, 10)) {
			shown = text_visible(date);
			buf_printf(out, "%s ", shown);
			free(shown);
		}
		buf_printf(out, "(%.8s)", uuid);
	} else
		buf_printf(out, _("(row %ld)"), row + 1);
}

void
inner_refuse(struct error *err, const struct inner_table *t, long row, const char *what)
{
	struct buf name = {0};

	inner_row_name(t, row, &name);
	error_set(err, _("In this file, %s %s."), buf_str(&name), what);
	buf_free(&name);
}

void
inner_refuse_because(struct error *err, const struct inner_table *t, long row, const char *why)
{
	struct buf name = {0};

	inner_row_name(t, row, &name);
	error_set(err, _("In this file, %s: %s"), buf_str(&name), why);
	buf_free(&name);
}

static const char *
column_label(const struct bundle_column *c, const struct kind *k)
{
	return c->role == COL_FIELD || c->role == COL_REF_ID ? field_label(&k->fields[c->field]) :
	    c->name;
}

static const struct inner_table *
find_table(const struct inner *in, const char *name)
{
	int i;

	for (i = 0; i < in->ntables; i++)
		if (strcmp(in->t[i].shape->kind->table, name) == 0)
			return &in->t[i];
	return NULL;
}

const struct inner_table *
inner_table_of(const struct inner *in, const struct kind *k)
{
	return find_table(in, k->table);
}

static const struct inner_table *sorting;

static int
by_uuid(const void *a, const void *b)
{
	return strcmp(inner_text(sorting, *(const long *)a, COL_UUID),
	    inner_text(sorting, *(const long *)b, COL_UUID));
}

long
inner_find(const struct inner_table *t, const char *uuid)
{
	long lo = 0, hi = t->nrows - 1, mid;
	int c;

	while (lo <= hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(inner_text(t, t->by_uuid[mid], COL_UUID), uuid);
		if (c == 0)
			return t->by_uuid[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* The file's objects must be bundle_meta and the direction's tables, each
 * exactly as bundle_create_sql() writes it, and nothing else. */
static bool
check_schema(sqlite3 *db, const struct bundle_table *tables, int n, struct error *err)
{
	bool seen[KIND_MAX + 1] = {false};
	struct buf want = {0};
	sqlite3_stmt *st;
	int rc, i, found = 0;
	bool ok = true;

	if (sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, sql FROM sqlite_master", -1, &st,
	    NULL) != SQLITE_OK) {
		error_set(err, _("This file is damaged inside (not a database kyodo can read)."));
		return false;
	}
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		const char *tbl = (const char *)sqlite3_column_text(st, 2);
		const char *sql = (const char *)sqlite3_column_text(st, 3);
		int match = -1;

		if (type != NULL && name != NULL && tbl != NULL && sql != NULL &&
		    strcmp(type, "table") == 0 && strcmp(name, tbl) == 0) {
			if (strcmp(name, "bundle_meta") == 0)
				match = n;
			for (i = 0; i < n && match < 0; i++)
				if (strcmp(name, tables[i].kind->table) == 0)
					match = i;
		}
		if (match >= 0) {
			buf_reset(&want);
			if (match == n)
				buf_adds(&want, BUNDLE_META_SQL);
			else
				bundle_create_sql(&tables[match], &want);
		}
		if (match >= 0 && !seen[match] && strcmp(sql, buf_str(&want)) != 0) {
			error_set(err, _("This file's table of %s is not as kyodo writes it; it is "
			    "refused."), match == n ? _("its description") : kind_label(tables[match].kind));
			ok = false;
			break;
		}
		if (match < 0 || seen[match]) {
			char *shown = text_visible(name != NULL ? name : "?");

			error_set(err, _("This file holds something kyodo does not take (%s); it is "
			    "refused."), shown);
			free(shown);
			ok = false;
			break;
		}
		seen[match] = true;
		found++;
	}
	if (ok && rc != SQLITE_DONE) {
		error_set(err, _("This file is damaged inside (not a database kyodo can read)."));
		ok = false;
	}
	if (ok && found != n + 1) {
		error_set(err, _("This file is damaged inside (tables are missing)."));
		ok = false;
	}
	sqlite3_finalize(st);
	buf_free(&want);
	return ok;
}

struct meta {
	char *format, *sender, *receiver, *created, *schema;
	long rows[KIND_MAX];
};

static bool
set_once(char **slot, const char *value)
{
	if (*slot != NULL)
		return false;
	*slot = xstrdup(value);
	return true;
}

/* A count written by kyodo: decimal digits, nothing else. */
static bool
parse_count(const char *s, long *out)
{
	long v = 0;

	if (*s == '\0' || strlen(s) > 12)
		return false;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = v * 10 + (*s - '0');
	}
	*out = v;
	return true;
}

static bool
read_meta(sqlite3 *db, const struct bundle_table *tables, int n, struct meta *m)
{
	sqlite3_stmt *st;
	char key[64];
	int i, rc;
	bool ok = true;

	for (i = 0; i < n; i++)
		m->rows[i] = -1;
	if (sqlite3_prepare_v2(db, "SELECT key, value FROM bundle_meta", -1, &st, NULL) !=
	    SQLITE_OK)
		return false;
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		const char *v = (const char *)sqlite3_column_text(st, 1);

		if (sqlite3_column_type(st, 0) != SQLITE_TEXT ||
		    sqlite3_column_type(st, 1) != SQLITE_TEXT) {
			ok = false;
			break;
		}
		if (strcmp(k, "format") == 0)
			ok = set_once(&m->format, v);
		else if (strcmp(k, "sender") == 0)
			ok = set_once(&m->sender, v);
		else if (strcmp(k, "receiver") == 0)
			ok = set_once(&m->receiver, v);
		else if (strcmp(k, "created_at") == 0)
			ok = set_once(&m->created, v);
		else if (strcmp(k, "schema_version") == 0)
			ok = set_once(&m->schema, v);
		else {
			ok = false;
			for (i = 0; i < n && !ok; i++) {
				snprintf(key, sizeof key, "rows_%s", tables[i].kind->table);
				if (strcmp(k, key) == 0 && m->rows[i] < 0)
					ok = parse_count(v, &m->rows[i]);
			}
		}
	}
	if (ok && rc != SQLITE_DONE)
		ok = false;
	sqlite3_finalize(st);
	for (i = 0; i < n && ok; i++)
		ok = m->rows[i] >= 0;
	return ok && m->format != NULL && m->sender != NULL && m->receiver != NULL &&
	    m->created != NULL && m->schema != NULL;
}

static void
meta_free(struct meta *m)
{
	free(m->format);
	free(m->sender);
	free(m->receiver);
	free(m->created);
	free(m->schema);
}

/* Checks what every row must be, whatever the store holds: an id, the
 * sender as owner, a version, a tombstone flag. */
static bool
check_row_meta(const struct inner_table *t, long row, const char *owner, struct error *err)
{
	const char *uuid = inner_text(t, row, COL_UUID), *origin = inner_text(t, row, COL_ORIGIN);
	const struct inner_value *version = inner_value(t, row, COL_VERSION);
	const struct inner_value *deleted = inner_value(t, row, COL_DELETED);

	if (!inner_uuid_valid(uuid)) {
		inner_refuse(err, t, row, _("has no proper id"));
		return false;
	}
	if (origin == NULL || strcmp(origin, owner) != 0) {
		inner_refuse(err, t, row, _("belongs to someone other than the sender"));
		return false;
	}
	if (version->type != SQLITE_INTEGER || version->i < 1 || version->i > INNER_VERSION_MAX) {
		inner_refuse(err, t, row, _("has a version kyodo does not accept"));
		return false;
	}
	if (deleted->type != SQLITE_INTEGER || (deleted->i != 0 && deleted->i != 1)) {
		inner_refuse(err, t, row, _("is neither kept nor deleted"));
		return false;
	}
	if (inner_text(t, row, COL_UPDATED_AT) == NULL || inner_text(t, row, COL_CREATED_BY) == NULL ||
	    inner_text(t, row, COL_UPDATED_BY) == NULL) {
		inner_refuse(err, t, row, _("does not say who changed it and when"));
		return false;
	}
	return true;
}

static bool
read_table(sqlite3 *db, struct inner_table *t, const char *owner, struct error *err)
{
	const struct bundle_table *shape = t->shape;
	struct buf sql = {0}, what = {0};
	sqlite3_stmt *st;
	size_t cap = 0;
	long row;
	int rc, c, n = shape->ncols;
	bool ok = true;

	buf_adds(&sql, "SELECT ");
	bundle_column_list(shape, &sql);
	buf_printf(&sql, " FROM \"%s\"", shape->kind->table);
	rc = sqlite3_prepare_v2(db, buf_str(&sql), -1, &st, NULL);
	buf_free(&sql);
	if (rc != SQLITE_OK)
		return false;
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((size_t)t->nrows == cap) {
			cap = cap ? cap * 2 : 256;
			t->v = xreallocarray(t->v, (size_t)cap * (size_t)n, sizeof *t->v);
		}
		row = t->nrows++;
		for (c = 0; c < n; c++) {
			struct inner_value *v = &t->v[row * n + c];
			int type = sqlite3_column_type(st, c);

			memset(v, 0, sizeof *v);
			v->type = type;
			if (type == SQLITE_INTEGER && shape->cols[c].integer)
				v->i = sqlite3_column_int64(st, c);
			else if (type == SQLITE_TEXT && !shape->cols[c].integer) {
				const char *s = (const char *)sqlite3_column_text(st, c);
				int bytes = sqlite3_column_bytes(st, c);

				v->off = (uint32_t)t->text.len;
				v->len = (uint32_t)bytes;
				buf_add(&t->text, s, (size_t)bytes);
				buf_addc(&t->text, '\0');
				if (strlen(s) != (size_t)bytes)
					v->type = -1;
				else if (bytes > VALUE_BYTES_MAX)
					v->type = -2;
			} else if (type != SQLITE_NULL)
				v->type = -1;
		}
		/* Only after the whole row is in, so the refusal can name it. */
		for (c = 0; c < n && ok; c++) {
			if (t->v[row * n + c].type >= 0)
				continue;
			buf_reset(&what);
			buf_printf(&what, t->v[row * n + c].type == -2 ?
			    _("has a value far longer than any form takes in %s") :
			    _("has a value of the wrong kind in %s"),
			    column_label(&shape->cols[c], shape->kind));
			t->v[row * n + c].type = SQLITE_NULL;
			inner_refuse(err, t, row, buf_str(&what));
			ok = false;
		}
		ok = ok && check_row_meta(t, row, owner, err);
	}
	buf_free(&what);
	if (ok && rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return false;	/* the caller names the cause */
	}
	sqlite3_finalize(st);
	return ok;
}

static bool
index_uuids(struct inner_table *t, struct error *err)
{
	long i;

	t->by_uuid = xmalloc((size_t)(t->nrows > 0 ? t->nrows : 1) * sizeof *t->by_uuid);
	for (i = 0; i < t->nrows; i++)
		t->by_uuid[i] = i;
	sorting = t;
	qsort(t->by_uuid, (size_t)t->nrows, sizeof *t->by_uuid, by_uuid);
	sorting = NULL;
	for (i = 1; i < t->nrows; i++)
		if (strcmp(inner_text(t, t->by_uuid[i - 1], COL_UUID),
		    inner_text(t, t->by_uuid[i], COL_UUID)) == 0) {
			inner_refuse(err, t, t->by_uuid[i], _("appears twice"));
			return false;
		}
	return true;
}

static sqlite3 *
open_guarded(unsigned char *plain, size_t len, struct budget *b)
{
	sqlite3 *db = NULL;

	/* One thread reads it: no mutex on every call. */
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	    SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		sqlite3_close(db);
		sqlite3_free(plain);
		return NULL;
	}
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
	sqlite3_limit(db, SQLITE_LIMIT_LENGTH, VALUE_BYTES_MAX * 4);
	sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
	sqlite3_limit(db, SQLITE_LIMIT_COLUMN, BUNDLE_MAX_COLUMNS + 8);
	/* Reading a row costs tens of steps; this is ample for any file kyodo
	 * writes and ends anything built to loop. */
	b->left = 10000000LL + 64LL * (long long)len;
	b->spent = false;
	sqlite3_progress_handler(db, 1000, on_progress, b);
	if (sqlite3_deserialize(db, "main", plain, (sqlite3_int64)len, (sqlite3_int64)len,
	    SQLITE_DESERIALIZE_READONLY | SQLITE_DESERIALIZE_FREEONCLOSE) != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

static bool
header_fields_zero(sqlite3 *db)
{
	static const char *const sql[] = {"PRAGMA user_version", "PRAGMA application_id"};
	sqlite3_stmt *st;
	bool zero = true;
	size_t i;

	for (i = 0; zero && i < sizeof sql / sizeof sql[0]; i++) {
		zero = sqlite3_prepare_v2(db, sql[i], -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) == 0;
		sqlite3_finalize(st);
	}
	return zero;
}

bool
inner_read(unsigned char *plain, size_t len, const struct inner_expect *x, struct inner *in,
    struct error *err)
{
	const struct bundle_table *tables;
	struct meta m;
	struct budget budget;
	struct error why;
	sqlite3 *db;
	long schema = 0;
	int n, i;
	bool ok = false;

	memset(in, 0, sizeof *in);
	memset(&m, 0, sizeof m);
	error_clear(&why);
	in->from_city = strcmp(x->sender, "city") == 0;
	n = bundle_tables(in->from_city, &tables);
	db = open_guarded(plain, len, &budget);
	if (db == NULL) {
		error_set(err, _("This file is damaged inside (not a database kyodo can read)."));
		return false;
	}
	/* kyodo leaves the header's free fields at zero. */
	if (!header_fields_zero(db)) {
		if (!budget.spent)
			error_set(err, _("This file is damaged inside (not a database kyodo can read)."));
		goto out;
	}
	if (!check_schema(db, tables, n, err))
		goto out;
	if (!read_meta(db, tables, n, &m) || strcmp(m.sender, x->sender) != 0 ||
	    strcmp(m.receiver, x->receiver) != 0 || strcmp(m.created, x->created) != 0 ||
	    !parse_count(m.format, &schema) || schema != x->format || !parse_count(m.schema, &schema) ||
	    schema < 1) {
		if (!budget.spent)
			error_set(err, _("This file is damaged inside (its description does not "
			    "match)."));
		goto out;
	}
	if (schema > x->schema_max) {
		error_set(err, _("This file was made by a newer kyodo (schema %ld; this kyodo knows "
		    "up to %d); update kyodo to read it."), schema, x->schema_max);
		goto out;
	}
	in->schema_version = (int)schema;
	for (i = 0; i < n; i++) {
		struct inner_table *t = &in->t[in->ntables++];

		t->shape = &tables[i];
		error_clear(&why);
		if (!read_table(db, t, x->sender, &why)) {
			if (why.text[0] != '\0')
				*err = why;
			else if (!budget.spent)
				error_set(err, _("This file is damaged inside (not a database kyodo "
				    "can read)."));
			goto out;
		}
		if (t->nrows != m.rows[i]) {
			error_set(err, _("This file is damaged inside (table %s does not hold the "
			    "rows it lists)."), kind_label(t->shape->kind));
			goto out;
		}
		if (!index_uuids(t, err))
			goto out;
	}
	ok = true;
out:
	if (!ok && budget.spent)
		error_set(err, _("Reading this file took far more work than any kyodo file "
		    "needs."));
	meta_free(&m);
	sqlite3_close(db);
	if (!ok)
		inner_free(in);
	return ok;
}

void
inner_free(struct inner *in)
{
	int i;

	for (i = 0; i < in->ntables; i++) {
		free(in->t[i].v);
		free(in->t[i].by_uuid);
		buf_free(&in->t[i].text);
	}
	memset(in, 0, sizeof *in);
}
