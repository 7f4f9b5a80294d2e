/*
 * save — writing records: a new record (its uuid, owner and first version),
 * an edit (the next version, refused when the row changed meanwhile or
 * belongs to another origin), a tombstone and its undoing; each checked against the
 * actor's role and the kind's rules, its references resolved to ids, and
 * audited, in one transaction.  Reading is query.c's.
 */
#include "record.h"

#include <assert.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/date.h"
#include "base/i18n.h"
#include "store/audit.h"

/* Yen and counts go in as integers (their columns are INTEGER), the rest
 * as text. */
static void
bind_value(sqlite3_stmt *st, int col, const struct field *f, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, col);
	else if (f->type == FIELD_YEN || f->type == FIELD_COUNT)
		sqlite3_bind_int64(st, col, strtoll(v, NULL, 10));
	else
		sqlite3_bind_text(st, col, v, -1, SQLITE_TRANSIENT);
}

/* Binds the field values from column col on, then the ids of references;
 * returns the next free column. */
static int
bind_fields(sqlite3_stmt *st, int col, const struct record *r)
{
	const struct kind *k = r->kind;
	int i;

	for (i = 0; i < k->nfields; i++)
		bind_value(st, col++, &k->fields[i], r->value[i]);
	for (i = 0; i < k->nfields; i++) {
		if (k->fields[i].type != FIELD_REF)
			continue;
		if (r->ref_id[i][0] != '\0')
			sqlite3_bind_text(st, col, r->ref_id[i], -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, col);
		col++;
	}
	return col;
}

/* Lists up to a few live names of kind k, for a refusal. */
static void
known_names(struct store *s, const struct kind *k, struct buf *out)
{
	struct buf sql = {0};
	sqlite3_stmt *st;
	int n = 0;

	buf_printf(&sql, "SELECT \"%s\" FROM %s WHERE deleted = 0 ORDER BY 1 LIMIT 9",
	    k->title, k->table);
	if (store_prepare(s, buf_str(&sql), &st) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW)
			buf_printf(out, "%s%s", n++ ? ", " : "",
			    (const char *)sqlite3_column_text(st, 0));
		store_done(s, st);
	}
	buf_free(&sql);
}

/* Finds the record each reference names.  A name that matches none is
 * refused, unless the reference is loose or the other kind has no records
 * yet (a center that has not listed its rooms can still log their use). */
static bool
resolve_refs(struct store *s, struct record *r, struct error *err)
{
	const struct kind *k = r->kind, *to;
	struct buf sql = {0}, names = {0};
	sqlite3_stmt *st;
	int i, rc;

	for (i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];

		if (f->type != FIELD_REF)
			continue;
		r->ref_id[i][0] = '\0';
		if (r->value[i] == NULL)
			continue;
		to = kind_find(f->ref);
		assert(to != NULL);	/* kinds.c refers only to kinds it lists */
		buf_reset(&sql);
		/* A store names its own records, or the city's reference data. */
		buf_printf(&sql, "SELECT uuid, (SELECT count(*) FROM %s WHERE deleted = 0 AND "
		    "origin IN (?2, 'city')) FROM (SELECT 1) LEFT JOIN %s ON deleted = 0 AND "
		    "origin IN (?2, 'city') AND (\"%s\" = ?1 OR uuid = ?1) LIMIT 1",
		    to->table, to->table, to->title);
		if (store_prepare(s, buf_str(&sql), &st) != SQLITE_OK) {
			store_sql_error(s, _("Reading"), err);
			buf_free(&sql);
			return false;
		}
		sqlite3_bind_text(st, 1, r->value[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, store_origin(s), -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
			snprintf(r->ref_id[i], sizeof r->ref_id[i], "%s",
			    (const char *)sqlite3_column_text(st, 0));
		} else if (rc == SQLITE_ROW && !f->ref_loose && sqlite3_column_int(st, 1) > 0) {
			known_names(s, to, &names);
			error_set(err, _("%s: \"%s\" is not on the list (%s)."),
			    field_label(f), r->value[i], buf_str(&names));
			if (err != NULL)
				err->field = i;
			buf_free(&names);
			store_done(s, st);
			buf_free(&sql);
			return false;
		}
		store_done(s, st);
	}
	buf_free(&sql);
	return true;
}

static void (*uuid_source)(void *ctx, unsigned char bytes[16]);
static void *uuid_source_ctx;

void
record_set_uuid_source(void (*fill)(void *ctx, unsigned char bytes[16]), void *ctx)
{
	uuid_source = fill;
	uuid_source_ctx = ctx;
}

void
record_new_uuid(char out[37])
{
	unsigned char b[16];

	if (uuid_source != NULL)
		uuid_source(uuid_source_ctx, b);
	else
		randombytes_buf(b, sizeof b);
	b[6] = (b[6] & 0x0F) | 0x40;	/* version 4 */
	b[8] = (b[8] & 0x3F) | 0x80;	/* RFC 4122 variant */
	snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4], b[5], b[6],
	    b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

/* "INSERT INTO <table> (<meta>, <fields>, <ref ids>) VALUES (?, …)", in
 * the order bind_fields binds. */
static void
insert_sql(struct buf *sql, const struct kind *k)
{
	int i;

	buf_printf(sql, "INSERT INTO %s (" RECORD_META_COLUMNS, k->table);
	for (i = 0; i < k->nfields; i++)
		buf_printf(sql, ", \"%s\"", k->fields[i].name);
	for (i = 0; i < k->nfields; i++)
		if (k->fields[i].type == FIELD_REF)
			buf_printf(sql, ", \"%s_id\"", k->fields[i].name);
	buf_adds(sql, ") VALUES (?, ?, ?, ?, ?, ?, ?");
	for (i = 0; i < k->nfields; i++)
		buf_adds(sql, k->fields[i].type == FIELD_REF ? ", ?, ?" : ", ?");
	buf_adds(sql, ")");
}

/* "UPDATE <table> SET …" of a stored version's next: the meta that moves,
 * then every field and ref id in bind_fields' order, for one uuid at one
 * version (none when the row changed meanwhile). */
static void
update_sql(struct buf *sql, const struct kind *k)
{
	int i;

	buf_printf(sql, "UPDATE %s SET version = version + 1, updated_at = ?, "
	    "updated_by = ?, deleted = ?", k->table);
	for (i = 0; i < k->nfields; i++)
		buf_printf(sql, ", \"%s\" = ?", k->fields[i].name);
	for (i = 0; i < k->nfields; i++)
		if (k->fields[i].type == FIELD_REF)
			buf_printf(sql, ", \"%s_id\" = ?", k->fields[i].name);
	buf_adds(sql, " WHERE uuid = ? AND version = ?");
}

static bool
audit_record(struct store *s, const struct actor *who, const char *action,
    const struct record *r, struct error *err)
{
	struct buf sum = {0};
	bool ok;

	record_summary(r, &sum);
	ok = audit_log(s, who, action, r->kind->name, r->uuid, buf_str(&sum), err);
	buf_free(&sum);
	return ok;
}

bool
record_insert_in_tx(struct store *s, const struct actor *who, struct record *r,
    struct error *err)
{
	const struct kind *k = r->kind;
	struct buf sql = {0};
	sqlite3_stmt *st;
	int rc, col;

	if (!record_check(r, err))
		return false;
	if (r->uuid[0] == '\0')
		record_new_uuid(r->uuid);
	if (!record_may_write(who, k, err))
		return false;
	if (k->city_owned && store_kind(s) != STORE_CITY) {
		error_set(err, _("Only city hall writes a %s; it arrives with the city's file."),
		    kind_label(k));
		return false;
	}
	snprintf(r->origin, sizeof r->origin, "%s", store_origin(s));
	r->version = 1;
	date_now_utc(r->updated_at);
	r->deleted = false;
	free(r->created_by);
	free(r->updated_by);
	r->created_by = xstrdup(who->name);
	r->updated_by = xstrdup(who->name);

	if (!resolve_refs(s, r, err) ||
	    (k->check_store != NULL && !k->check_store(s, r, err)))
		return false;
	insert_sql(&sql, k);
	rc = store_prepare(s, buf_str(&sql), &st);
	buf_free(&sql);
	if (rc != SQLITE_OK) {
		store_sql_error(s, _("Saving"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, r->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->origin, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, r->version);
	sqlite3_bind_text(st, 4, r->updated_at, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, 0);
	sqlite3_bind_text(st, 6, r->created_by, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, r->updated_by, -1, SQLITE_STATIC);
	col = bind_fields(st, RECORD_META_COUNT + 1, r);
	assert(col - 1 == sqlite3_bind_parameter_count(st));	/* every "?" bound */
	rc = sqlite3_step(st);
	store_done(s, st);
	if (rc != SQLITE_DONE) {
		store_sql_error(s, _("Saving"), err);
		return false;
	}
	if (k->after_write != NULL && !k->after_write(s, who, NULL, r, err))
		return false;
	return audit_record(s, who, "add", r, err);
}

bool
record_may_write(const struct actor *who, const struct kind *k, struct error *err)
{
	if (k->writers == 0 || (k->writers & (1u << who->role)) != 0)
		return true;
	error_set(err, _("%s cannot change a %s (role: %s)."), who->name, kind_label(k),
	    role_label(who->role));
	return false;
}

/* Refuses a write the actor's role does not allow, and audits the refusal
 * in a transaction of its own so it stands even though nothing else does. */
static bool
allowed(struct store *s, const struct actor *who, const struct record *r, const char *action,
    struct error *err)
{
	struct buf sum = {0};

	if (record_may_write(who, r->kind, err))
		return true;
	buf_printf(&sum, "%s refused: ", action);
	record_summary(r, &sum);
	if (sqlite3_get_autocommit(store_db(s)) && store_begin(s, NULL)) {
		if (audit_log(s, who, "refused", r->kind->name, r->uuid[0] ? r->uuid : NULL,
		    buf_str(&sum), NULL))
			store_commit(s, NULL);
		else
			store_rollback(s);
	}
	buf_free(&sum);
	return false;
}

bool
record_insert(struct store *s, const struct actor *who, struct record *r, struct error *err)
{
	if (!allowed(s, who, r, "add", err) || !record_check(r, err) || !store_begin(s, err))
		return false;
	if (!record_insert_in_tx(s, who, r, err)) {
		store_rollback(s);
		r->uuid[0] = '\0';
		return false;
	}
	return store_commit(s, err);
}

/* Writes r's fields and deleted flag over the stored row at r->version,
 * which becomes r->version + 1, inside the caller's transaction. */
static bool
save_version_in_tx(struct store *s, const struct actor *who, struct record *r,
    const char *action, struct error *err)
{
	const struct kind *k = r->kind;
	struct buf sql = {0};
	struct record old;
	sqlite3_stmt *st;
	char now[21];
	int rc, changed, col;
	bool have_old = false, ok = false;

	if (!record_may_write(who, k, err))
		return false;
	if (strcmp(r->origin, store_origin(s)) != 0) {
		error_set(err, _("This record belongs to %s; only its owner can change it."),
		    r->origin);
		return false;
	}
	if (!r->deleted && (!resolve_refs(s, r, err) ||
	    (k->check_store != NULL && !k->check_store(s, r, err))))
		return false;
	if (k->after_write != NULL) {
		if (!record_get(s, k, r->uuid, &old, err))
			return false;
		have_old = true;
	}
	date_now_utc(now);
	update_sql(&sql, k);
	rc = store_prepare(s, buf_str(&sql), &st);
	buf_free(&sql);
	if (rc != SQLITE_OK) {
		store_sql_error(s, _("Saving"), err);
		goto out;
	}
	sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, who->name, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, r->deleted);
	col = bind_fields(st, 4, r);
	sqlite3_bind_text(st, col, r->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, col + 1, r->version);
	assert(col + 1 == sqlite3_bind_parameter_count(st));	/* every "?" bound */
	rc = sqlite3_step(st);
	store_done(s, st);
	changed = sqlite3_changes(store_db(s));
	if (rc != SQLITE_DONE) {
		store_sql_error(s, _("Saving"), err);
		goto out;
	}
	if (changed == 0) {
		error_set(err, _("Someone else changed or deleted this record meanwhile; "
		    "open it again."));
		goto out;
	}
	if (!audit_record(s, who, action, r, err) ||
	    (k->after_write != NULL && !k->after_write(s, who, &old, r, err)))
		goto out;
	r->version++;
	memcpy(r->updated_at, now, sizeof r->updated_at);
	free(r->updated_by);
	r->updated_by = xstrdup(who->name);
	ok = true;
out:
	if (have_old)
		record_free(&old);
	return ok;
}

static bool
save_version(struct store *s, const struct actor *who, struct record *r,
    const char *action, struct error *err)
{
	struct record before;
	bool ok;

	if (!allowed(s, who, r, action, err) || !store_begin(s, err))
		return false;
	/* On failure r keeps what the person typed, but not a half-made version. */
	before.version = r->version;
	memcpy(before.updated_at, r->updated_at, sizeof before.updated_at);
	ok = save_version_in_tx(s, who, r, action, err) && store_commit(s, err);
	if (!ok) {
		store_rollback(s);
		r->version = before.version;
		memcpy(r->updated_at, before.updated_at, sizeof r->updated_at);
	}
	return ok;
}

bool
record_update_in_tx(struct store *s, const struct actor *who, struct record *r,
    struct error *err)
{
	return record_check(r, err) && save_version_in_tx(s, who, r, "edit", err);
}

bool
record_update(struct store *s, const struct actor *who, struct record *r, struct error *err)
{
	if (!record_check(r, err))
		return false;
	return save_version(s, who, r, "edit", err);
}

bool
record_delete(struct store *s, const struct actor *who, struct record *r, struct error *err)
{
	bool ok;

	r->deleted = true;
	ok = save_version(s, who, r, "delete", err);
	if (!ok)
		r->deleted = false;
	return ok;
}

/* Undoing a delete writes the row as it was before the tombstone, as the
 * next version, through the same checks as an edit: the room may have been
 * booked meanwhile, its name taken, the room it names deleted. */
bool
record_undelete(struct store *s, const struct actor *who, struct record *r, struct error *err)
{
	bool ok;

	if (!r->deleted) {
		error_set(err, _("This %s is not deleted."), kind_label(r->kind));
		return false;
	}
	r->deleted = false;
	ok = record_check(r, err) && save_version(s, who, r, "undelete", err);
	if (!ok)
		r->deleted = true;
	return ok;
}
