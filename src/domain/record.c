/* record — see record.h. */
#include "record.h"

#include <assert.h>
#include <inttypes.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "base/date.h"
#include "base/i18n.h"
#include "base/text.h"

/* Columns every synced row has, before the kind's own fields. */
#define META_COLUMNS "uuid, origin, version, updated_at, deleted, created_by, updated_by"
#define META_COUNT 7

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

const char *
field_label(const struct field *f)
{
	return _(f->label);
}

const char *
field_choice_label(const struct field *f, const char *code)
{
	const struct choice *c;

	if (f->choices == NULL || code == NULL)
		return code;
	for (c = f->choices; c->code != NULL; c++)
		if (strcmp(c->code, code) == 0)
			return _(c->label);
	return code;
}

/* Reads a whole number from folded text: digits with optional thousands
 * commas; for yen also a leading ¥/￥ or a trailing 円.  Sets *negative when
 * a minus sign leads. */
static bool
parse_whole(const char *folded, bool yen, long long max, long long *out, bool *negative)
{
	const char *p = folded;
	long long v = 0;
	int digits = 0;

	*negative = false;
	if (yen && strncmp(p, "\xC2\xA5", 2) == 0)	/* ¥ */
		p += 2;
	else if (yen && strncmp(p, "\xEF\xBF\xA5", 3) == 0)	/* ￥ */
		p += 3;
	if (*p == '-') {
		*negative = true;
		return false;
	}
	for (; *p != '\0'; p++) {
		if (*p == ',' && digits > 0)
			continue;
		if (*p < '0' || *p > '9')
			break;
		if (v > (max - (*p - '0')) / 10)
			return false;
		v = v * 10 + (*p - '0');
		digits++;
	}
	if (yen && strcmp(p, "\xE5\x86\x86") == 0)	/* 円 */
		p += 3;
	if (digits == 0 || *p != '\0')
		return false;
	*out = v;
	return true;
}

static const char *
choice_codes(const struct field *f, char *buf, size_t size)
{
	const struct choice *c;
	size_t len = 0;

	buf[0] = '\0';
	for (c = f->choices; c->code != NULL && len < size; c++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s", c == f->choices ? "" : ", ",
		    c->code);
	return buf;
}

static bool
parse_choice(const struct field *f, const char *in, char **out, struct error *err)
{
	const struct choice *c;
	char codes[256];

	for (c = f->choices; c->code != NULL; c++) {
		if (strcmp(in, c->code) == 0 || strcmp(in, c->label) == 0 ||
		    strcmp(in, _(c->label)) == 0) {
			*out = xstrdup(c->code);
			return true;
		}
	}
	error_set(err, _("%s: \"%s\" is not one of: %s."), field_label(f), in,
	    choice_codes(f, codes, sizeof codes));
	return false;
}

static bool
parse_number(const struct field *f, const char *in, char **out, struct error *err)
{
	char *folded = text_fold_ascii(in), num[32];
	bool yen = f->type == FIELD_YEN, negative;
	long long v;

	if (!parse_whole(folded, yen, f->max, &v, &negative)) {
		char *shown = text_visible(in);

		in = shown;	/* what the person sees of it, in the sentence */
		if (negative)
			error_set(err, _("%s: %s cannot be negative."), field_label(f), in);
		else if (yen)
			error_set(err, _("%s: \"%s\" is not an amount in whole yen "
			    "(up to %lld)."), field_label(f), in, f->max);
		else
			error_set(err, _("%s: \"%s\" is not a whole number (0 to %lld)."),
			    field_label(f), in, f->max);
		free(shown);
		free(folded);
		return false;
	}
	free(folded);
	snprintf(num, sizeof num, "%lld", v);
	*out = xstrdup(num);
	return true;
}

/* A character no form lets anyone type: a control (an escape, a tab in a
 * one-line field) or a character that reorders or breaks the line. */
static bool
has_control(const char *t, bool note)
{
	size_t n = strlen(t), i = 0, step;
	uint32_t cp;

	while (i < n) {
		step = utf8_decode(t + i, n - i, &cp);
		if (step == 0)
			return true;
		if (text_is_control(cp) && !(note && (cp == '\n' || cp == '\t')))
			return true;
		i += step;
	}
	return false;
}

/* Line breaks as kyodo keeps them: "\n", whatever the keyboard or the
 * spreadsheet sent ("\r\n", "\r"). */
static void
unify_breaks(char *t)
{
	char *w = t;

	for (; *t != '\0'; t++) {
		if (*t == '\r') {
			*w++ = '\n';
			if (t[1] == '\n')
				t++;
		} else
			*w++ = *t;
	}
	*w = '\0';
}

bool
field_parse(const struct field *f, const char *input, char **out, struct error *err)
{
	char *t, *shown = NULL, canon[16];
	struct date d;
	int minutes;
	size_t n;
	bool ok = true;

	*out = NULL;
	if (!text_is_utf8(input, strlen(input))) {
		error_set(err, _("%s: the text is not valid UTF-8 (a wrong encoding?)."),
		    field_label(f));
		return false;
	}
	t = text_trim(input);
	if (*t == '\0') {
		free(t);
		return true;
	}
	switch (f->type) {
	case FIELD_TEXT:
	case FIELD_NOTE:
	case FIELD_REF:
		if (f->type == FIELD_NOTE)
			unify_breaks(t);
		n = text_chars(t);
		if (f->type != FIELD_NOTE && strpbrk(t, "\r\n") != NULL) {
			error_set(err, _("%s: one line only (no line breaks)."), field_label(f));
			ok = false;
		} else if (has_control(t, f->type == FIELD_NOTE)) {
			error_set(err, _("%s: holds a control character (an escape, a tab …); "
			    "give it as plain text."), field_label(f));
			ok = false;
		} else if (f->max > 0 && n > (size_t)f->max) {
			error_set(err, _("%s: at most %lld characters (this has %zu)."),
			    field_label(f), f->max, n);
			ok = false;
		} else {
			*out = t;
			t = NULL;
		}
		break;
	case FIELD_DATE:
		if (date_parse(t, &d)) {
			date_format(d, canon);
			*out = xstrdup(canon);
		} else {
			shown = text_visible(t);
			error_set(err, _("%s: \"%s\" is not a valid date "
			    "(expected YYYY-MM-DD, e.g. 2026-04-01)."), field_label(f), shown);
			ok = false;
		}
		break;
	case FIELD_TIME:
		if (time_parse(t, &minutes)) {
			time_format(minutes, canon);
			*out = xstrdup(canon);
		} else {
			shown = text_visible(t);
			error_set(err, _("%s: \"%s\" is not a valid time "
			    "(expected HH:MM, e.g. 09:30)."), field_label(f), shown);
			ok = false;
		}
		break;
	case FIELD_YEN:
	case FIELD_COUNT:
		ok = parse_number(f, t, out, err);
		break;
	case FIELD_CHOICE:
		ok = parse_choice(f, t, out, err);
		break;
	}
	free(t);
	free(shown);
	return ok;
}

static void
record_init_empty(struct record *r, const struct kind *k)
{
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
		set->rows = realloc(set->rows, (size_t)set->cap * sizeof *set->rows);
		if (set->rows == NULL)
			abort();
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
	int i, rc;

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
	buf_printf(&sql, "INSERT INTO %s (" META_COLUMNS, k->table);
	for (i = 0; i < k->nfields; i++)
		buf_printf(&sql, ", \"%s\"", k->fields[i].name);
	for (i = 0; i < k->nfields; i++)
		if (k->fields[i].type == FIELD_REF)
			buf_printf(&sql, ", \"%s_id\"", k->fields[i].name);
	buf_adds(&sql, ") VALUES (?, ?, ?, ?, ?, ?, ?");
	for (i = 0; i < k->nfields; i++)
		buf_adds(&sql, k->fields[i].type == FIELD_REF ? ", ?, ?" : ", ?");
	buf_adds(&sql, ")");
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
	bind_fields(st, META_COUNT + 1, r);
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
	int i, rc, changed, col;
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
	buf_printf(&sql, "UPDATE %s SET version = version + 1, updated_at = ?, "
	    "updated_by = ?, deleted = ?", k->table);
	for (i = 0; i < k->nfields; i++)
		buf_printf(&sql, ", \"%s\" = ?", k->fields[i].name);
	for (i = 0; i < k->nfields; i++)
		if (k->fields[i].type == FIELD_REF)
			buf_printf(&sql, ", \"%s_id\" = ?", k->fields[i].name);
	buf_adds(&sql, " WHERE uuid = ? AND version = ?");
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

static void
select_columns(struct buf *sql, const struct kind *k)
{
	int i;

	buf_adds(sql, "SELECT " META_COLUMNS);
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
	int i, col = META_COUNT + r->kind->nfields;

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
		r->value[i] = column_dup(st, META_COUNT + i);
	for (i = 0; i < r->kind->nfields; i++) {
		if (r->kind->fields[i].type != FIELD_REF)
			continue;
		t = (const char *)sqlite3_column_text(st, col++);
		snprintf(r->ref_id[i], sizeof r->ref_id[i], "%s", t ? t : "");
	}
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

bool
record_find(struct store *s, const struct kind *k, const char *name, struct record *r,
    struct error *err)
{
	struct buf sql = {0};
	sqlite3_stmt *st;
	char uuid[37] = "";
	int rc, hits = 0;

	buf_printf(&sql, "SELECT uuid FROM %s WHERE deleted = 0 AND (uuid = ?1 OR "
	    "(length(?1) >= 8 AND substr(uuid, 1, length(?1)) = ?1) OR \"%s\" = ?1) LIMIT 2",
	    k->table, k->title);
	rc = store_prepare(s, buf_str(&sql), &st);
	buf_free(&sql);
	if (rc != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (hits++ == 0)
			snprintf(uuid, sizeof uuid, "%s", (const char *)sqlite3_column_text(st, 0));
	}
	store_done(s, st);
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
			for (c = f->choices; c->code != NULL; c++)
				buf_printf(sql, " OR (\"%s\" = '%s' AND instr(?%d, ?90) > 0)",
				    f->name, c->code, LABEL_PARAM(i, c - f->choices));
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
