/* merge — see merge.h. */
#include "merge.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/audit.h"
#include "base/date.h"
#include "base/i18n.h"
#include "synclog.h"
#include "base/text.h"

/* Who changed a row, as the file says: a name or "cli:login", one line. */
#define WHO_CHARS_MAX 100

/* UTC now plus ahead seconds, in the two forms files use. */
static void
clock_limit(char stamp[16], char iso[21])
{
	time_t t = time(NULL) + MERGE_CLOCK_AHEAD_SECONDS;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(stamp, 16, "%Y%m%d-%H%M%S", &tm);
	strftime(iso, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* "20261128-093000" (UTC) as local "2026-11-28 18:30". */
static void
stamp_local(const char *stamp, char *out, size_t size)
{
	char iso[21];

	snprintf(iso, sizeof iso, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", stamp, stamp + 4, stamp + 6,
	    stamp + 9, stamp + 11, stamp + 13);
	synclog_local_time(iso, out, size);
}

/* "YYYY-MM-DDTHH:MM:SSZ" with a real date and time. */
static bool
iso_valid(const char *s)
{
	static const int digits[] = {11, 12, 14, 15, 17, 18};
	char day[11], canon[11];
	struct date d;
	size_t i;

	if (s == NULL || strlen(s) != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
	    s[19] != 'Z')
		return false;
	for (i = 0; i < sizeof digits / sizeof digits[0]; i++)
		if (s[digits[i]] < '0' || s[digits[i]] > '9')
			return false;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (!date_parse(day, &d))
		return false;
	date_format(d, canon);
	return strcmp(canon, day) == 0 && memcmp(s + 11, "24", 2) < 0 &&
	    memcmp(s + 14, "60", 2) < 0 && memcmp(s + 17, "60", 2) < 0;
}

/* The newest stamp of a file taken from sender, or "". */
static bool
last_taken(struct store *s, const char *sender, char out[16], struct error *err)
{
	sqlite3_stmt *st;
	const char *t;
	int rc;

	out[0] = '\0';
	if (store_prepare(s, "SELECT max(created) FROM sync_log WHERE direction = 'import' AND "
	    "peer = ? AND result = 'ok'", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading the sync log"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, sender, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && (t = (const char *)sqlite3_column_text(st, 0)) != NULL)
		snprintf(out, 16, "%s", t);
	store_done(s, st);
	if (rc != SQLITE_ROW) {
		store_sql_error(s, _("Reading the sync log"), err);
		return false;
	}
	return true;
}

/* The owner of the row uuid of kind k in the store; false when there is none. */
static bool
stored_owner(struct store *s, const struct kind *k, const char *uuid, char owner[17])
{
	char sql[128];
	sqlite3_stmt *st;
	bool found = false;

	snprintf(sql, sizeof sql, "SELECT origin FROM main.\"%s\" WHERE uuid = ?", k->table);
	if (store_prepare(s, sql, &st) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(owner, 17, "%s", (const char *)sqlite3_column_text(st, 0));
		found = true;
	}
	store_done(s, st);
	return found;
}

/* A reference from a row of sender's to id, a row of kind name: it must be
 * a row of the same owner (of the city's, for a city-owned kind), in the
 * file or already here. */
static bool
reference_holds(struct store *s, const struct merge_file *f, const char *name, const char *id)
{
	const struct kind *k = kind_find(name);
	const char *owner = k->city_owned ? "city" : f->sender;
	const struct inner_table *t = inner_table_of(&f->in, k);
	char found[17];

	if (!inner_uuid_valid(id))
		return false;
	if (t != NULL && strcmp(owner, f->sender) == 0 && inner_find(t, id) >= 0)
		return true;
	return stored_owner(s, k, id, found) && strcmp(found, owner) == 0;
}

/* Who changed a row: one line of printable text. */
static bool
who_valid(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && text_is_utf8(s, n) && text_chars(s) <= WHO_CHARS_MAX &&
	    text_find_control(s, n, "") == NULL;
}

/* Every check a row to be written must pass: its fields as a form parses
 * them, the kind's rules, its references, who and when. */
static bool
check_row(struct store *s, const struct merge_file *f, const struct inner_table *t, long row,
    const char *iso_limit, struct error *err)
{
	const struct bundle_table *shape = t->shape;
	const struct kind *k = shape->kind;
	struct record r;
	struct error why;
	char num[32], *canon = NULL, *shown;
	const char *v;
	int c;
	bool ok = false;

	memset(&r, 0, sizeof r);
	r.kind = k;
	error_clear(&why);
	v = inner_text(t, row, COL_UPDATED_AT);
	if (!iso_valid(v)) {
		inner_refuse(err, t, row, _("has no proper time of its last change"));
		return false;
	}
	if (strcmp(v, iso_limit) > 0) {
		inner_refuse(err, t, row, _("was changed later than this computer's clock says it is now"));
		return false;
	}
	if (!who_valid(inner_text(t, row, COL_CREATED_BY)) ||
	    !who_valid(inner_text(t, row, COL_UPDATED_BY))) {
		inner_refuse(err, t, row, _("does not say properly who changed it"));
		return false;
	}
	snprintf(r.uuid, sizeof r.uuid, "%s", inner_text(t, row, COL_UUID));
	snprintf(r.origin, sizeof r.origin, "%s", f->sender);
	r.version = inner_value(t, row, COL_VERSION)->i;
	r.deleted = inner_value(t, row, COL_DELETED)->i != 0;
	for (c = BUNDLE_META_COLUMNS; c < shape->ncols; c++) {
		const struct bundle_column *col = &shape->cols[c];
		const struct inner_value *iv = inner_value(t, row, c);

		if (col->role == COL_FIELD) {
			if (iv->type == SQLITE_INTEGER) {
				snprintf(num, sizeof num, "%lld", iv->i);
				v = num;
			} else
				v = inner_text(t, row, c);
			if (v == NULL)
				continue;
			if (!field_parse(&k->fields[col->field], v, &canon, &why)) {
				inner_refuse_because(err, t, row, why.text);
				goto out;
			}
			if (canon == NULL || strcmp(canon, v) != 0) {
				shown = text_visible(v);
				error_set(&why, _("%s: \"%.40s\" is not written as kyodo writes it."),
				    field_label(&k->fields[col->field]), shown);
				free(shown);
				free(canon);
				inner_refuse_because(err, t, row, why.text);
				goto out;
			}
			r.value[col->field] = canon;
			canon = NULL;
		} else if (col->role == COL_REF_ID || col->role == COL_LINK) {
			v = inner_text(t, row, c);
			if (v == NULL)
				continue;
			if (col->ref == NULL ? !inner_uuid_valid(v) : !reference_holds(s, f, col->ref, v)) {
				error_set(&why, _("names a %s that is not %s's own"),
				    kind_label(kind_find(col->ref != NULL ? col->ref : k->name)),
				    f->sender);
				inner_refuse(err, t, row, why.text);
				goto out;
			}
			if (col->role == COL_REF_ID)
				snprintf(r.ref_id[col->field], sizeof r.ref_id[col->field], "%s", v);
		}
	}
	/* A reference a form resolves must come with the id it resolved to. */
	for (c = 0; c < k->nfields; c++)
		if (k->fields[c].type == FIELD_REF && !k->fields[c].ref_loose &&
		    r.value[c] != NULL && r.ref_id[c][0] == '\0') {
			error_set(&why, _("%s: names no %s here."), field_label(&k->fields[c]),
			    kind_label(kind_find(k->fields[c].ref)));
			inner_refuse_because(err, t, row, why.text);
			goto out;
		}
	if (!record_check(&r, &why)) {
		inner_refuse_because(err, t, row, why.text);
		goto out;
	}
	/* The city's rows for a center: about that center only, and within
	 * the grant rules every way in keeps (check_store). */
	if (k->city_owned) {
		c = kind_field(k, "center");
		if (c >= 0 && (r.value[c] == NULL || strcmp(r.value[c], f->receiver) != 0)) {
			inner_refuse(err, t, row, _("concerns another center"));
			goto out;
		}
		if (k->check_store != NULL && !k->check_store(s, &r, &why)) {
			inner_refuse_because(err, t, row, why.text);
			goto out;
		}
	}
	ok = true;
out:
	record_free(&r);
	return ok;
}

static void
bind_row(sqlite3_stmt *st, const struct inner_table *t, long row)
{
	int c;

	for (c = 0; c < t->shape->ncols; c++) {
		const struct inner_value *v = inner_value(t, row, c);

		if (v->type == SQLITE_INTEGER)
			sqlite3_bind_int64(st, c + 1, v->i);
		else if (v->type == SQLITE_TEXT)
			sqlite3_bind_text(st, c + 1, t->text.data + v->off, (int)v->len, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, c + 1);
	}
}

/* The city's rows here that its file no longer holds go: the file is the
 * whole of them.  (A center never sends a row it does not own, and city
 * rows at a center travel nowhere.) */
static bool
drop_missing(struct store *s, const struct inner_table *t, struct sync_counts *c,
    struct error *err)
{
	const struct kind *k = t->shape->kind;
	struct buf gone = {0};
	sqlite3_stmt *st;
	char sql[160];
	size_t off;
	bool ok = true;

	snprintf(sql, sizeof sql, "SELECT uuid FROM main.\"%s\" WHERE origin = 'city'", k->table);
	if (store_prepare(s, sql, &st) != SQLITE_OK) {
		store_sql_error(s, _("Applying the file"), err);
		return false;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *uuid = (const char *)sqlite3_column_text(st, 0);

		if (uuid != NULL && inner_find(t, uuid) < 0) {
			buf_adds(&gone, uuid);
			buf_addc(&gone, '\0');
		}
	}
	store_done(s, st);
	snprintf(sql, sizeof sql, "DELETE FROM main.\"%s\" WHERE uuid = ?", k->table);
	for (off = 0; ok && off < gone.len; off += strlen(gone.data + off) + 1) {
		ok = store_prepare(s, sql, &st) == SQLITE_OK;
		if (!ok)
			break;
		sqlite3_bind_text(st, 1, gone.data + off, -1, SQLITE_STATIC);
		ok = sqlite3_step(st) == SQLITE_DONE;
		store_done(s, st);
		c->removed++;
	}
	if (!ok) {
		if ((sqlite3_extended_errcode(store_db(s)) & 0xFF) == SQLITE_CONSTRAINT)
			error_set(err, _("This file drops a %s that rows here still name."), kind_label(k));
		else
			store_sql_error(s, _("Applying the file"), err);
	}
	buf_free(&gone);
	return ok;
}

/* True when the store holds row exactly as the file has it. */
static bool
same_as_stored(struct store *s, const struct inner_table *t, long row)
{
	struct buf sql = {0};
	sqlite3_stmt *st;
	bool same = false;
	int c;

	buf_adds(&sql, "SELECT ");
	bundle_column_list(t->shape, &sql);
	buf_printf(&sql, " FROM main.\"%s\" WHERE uuid = ?", t->shape->kind->table);
	if (store_prepare(s, buf_str(&sql), &st) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, inner_text(t, row, COL_UUID), -1, SQLITE_STATIC);
		same = sqlite3_step(st) == SQLITE_ROW;
		for (c = 0; same && c < t->shape->ncols; c++) {
			const struct inner_value *v = inner_value(t, row, c);
			const char *text = (const char *)sqlite3_column_text(st, c);

			same = sqlite3_column_type(st, c) == v->type &&
			    (v->type != SQLITE_INTEGER || sqlite3_column_int64(st, c) == v->i) &&
			    (v->type != SQLITE_TEXT || strcmp(text, inner_text(t, row, c)) == 0);
		}
		store_done(s, st);
	}
	buf_free(&sql);
	return same;
}

/* The rows of a table to be written wait in a temporary table, and go
 * into the store in one statement: a statement per row would have SQLite
 * journal every page it touches once per row. */
static bool
stage_table(struct store *s, const struct inner_table *t, struct buf *name, struct error *err)
{
	struct buf sql = {0};
	bool ok;

	buf_reset(name);
	buf_printf(name, "temp.\"merge_%s\"", t->shape->kind->table);
	buf_printf(&sql, "CREATE TEMP TABLE IF NOT EXISTS \"merge_%s\" AS SELECT ",
	    t->shape->kind->table);
	bundle_column_list(t->shape, &sql);
	buf_printf(&sql, " FROM main.\"%s\" WHERE false; DELETE FROM %s", t->shape->kind->table,
	    buf_str(name));
	ok = sqlite3_exec(store_db(s), buf_str(&sql), NULL, NULL, NULL) == SQLITE_OK;
	if (!ok)
		store_sql_error(s, _("Applying the file"), err);
	buf_free(&sql);
	return ok;
}

/* Writes the staged rows over the store's. */
static bool
write_staged(struct store *s, const struct inner_table *t, const char *staged, struct error *err)
{
	const struct bundle_table *shape = t->shape;
	struct buf sql = {0};
	int i, code;
	bool ok;

	buf_printf(&sql, "INSERT INTO main.\"%s\" (", shape->kind->table);
	bundle_column_list(shape, &sql);
	buf_adds(&sql, ") SELECT ");
	bundle_column_list(shape, &sql);
	buf_printf(&sql, " FROM %s WHERE true ON CONFLICT (uuid) DO UPDATE SET ", staged);
	for (i = 1; i < shape->ncols; i++)
		buf_printf(&sql, "%s\"%s\" = excluded.\"%s\"", i > 1 ? ", " : "",
		    shape->cols[i].name, shape->cols[i].name);
	buf_printf(&sql, "; DELETE FROM %s", staged);
	ok = sqlite3_exec(store_db(s), buf_str(&sql), NULL, NULL, NULL) == SQLITE_OK;
	buf_free(&sql);
	if (ok)
		return true;
	code = sqlite3_extended_errcode(store_db(s));
	if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
		error_set(err, _("In this file, a %s clashes with one here of the same name (or on "
		    "the same grant application)."), kind_label(shape->kind));
	else if (code == SQLITE_CONSTRAINT_FOREIGNKEY)
		error_set(err, _("In this file, a %s names a row that is not here."),
		    kind_label(shape->kind));
	else if ((code & 0xFF) == SQLITE_CONSTRAINT)
		error_set(err, _("In this file, a %s is not complete."), kind_label(shape->kind));
	else
		store_sql_error(s, _("Applying the file"), err);
	return false;
}

static bool
apply_table(struct store *s, const struct merge_file *f, const struct inner_table *t,
    const char *iso_limit, struct sync_counts *c, struct error *err)
{
	const struct kind *k = t->shape->kind;
	const bool mirror = f->in.from_city;
	struct buf lookup = {0}, stage = {0}, staged = {0};
	sqlite3_stmt *get = NULL, *put = NULL;
	long row, next;
	int i;
	bool ok = false;

	c->table = k->table;
	c->incoming = t->nrows;
	if (mirror && !drop_missing(s, t, c, err))
		return false;
	if (!stage_table(s, t, &staged, err))
		return false;
	buf_printf(&lookup, "SELECT origin, version FROM main.\"%s\" WHERE uuid = ?",
	    k->table);
	buf_printf(&stage, "INSERT INTO %s VALUES (", buf_str(&staged));
	for (i = 0; i < t->shape->ncols; i++)
		buf_adds(&stage, i ? ", ?" : "?");
	buf_adds(&stage, ")");
	if (sqlite3_prepare_v2(store_db(s), buf_str(&lookup), -1, &get, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(store_db(s), buf_str(&stage), -1, &put, NULL) != SQLITE_OK) {
		store_sql_error(s, _("Applying the file"), err);
		goto out;
	}
	/* In id order: the store's index is walked from one end to the other
	 * instead of at random, and new rows go in as appended. */
	for (next = 0; next < t->nrows; next++) {
		const char *uuid = inner_text(t, t->by_uuid[next], COL_UUID);
		long long version = inner_value(t, t->by_uuid[next], COL_VERSION)->i, have = 0;
		bool exists, write;

		row = t->by_uuid[next];

		sqlite3_reset(get);
		sqlite3_bind_text(get, 1, uuid, -1, SQLITE_STATIC);
		exists = sqlite3_step(get) == SQLITE_ROW;
		if (exists) {
			const char *owner = (const char *)sqlite3_column_text(get, 0);

			if (owner == NULL || strcmp(owner, f->sender) != 0) {
				inner_refuse(err, t, row, _("would change a row that belongs to someone else"));
				goto out;
			}
			have = sqlite3_column_int64(get, 1);
		}
		if (!exists) {
			write = true;
			if (!mirror && version > MERGE_VERSION_STEP) {
				inner_refuse(err, t, row, _("is new here but says it was changed more times "
				    "than anyone could"));
				goto out;
			}
		} else if (mirror) {
			write = !same_as_stored(s, t, row);
		} else {
			write = version > have;
			if (write && version - have > MERGE_VERSION_STEP) {
				inner_refuse(err, t, row, _("jumps ahead by more versions than anyone could "
				    "have made"));
				goto out;
			}
		}
		sqlite3_reset(get);
		if (!write) {
			c->unchanged++;
			continue;
		}
		if (!check_row(s, f, t, row, iso_limit, err))
			goto out;
		sqlite3_reset(put);
		bind_row(put, t, row);
		if (sqlite3_step(put) != SQLITE_DONE) {
			store_sql_error(s, _("Applying the file"), err);
			goto out;
		}
		if (exists)
			c->updated++;
		else
			c->added++;
	}
	ok = c->added + c->updated == 0 || write_staged(s, t, buf_str(&staged), err);
out:
	sqlite3_finalize(get);
	sqlite3_finalize(put);
	buf_free(&lookup);
	buf_free(&stage);
	buf_free(&staged);
	return ok;
}

static void
log_import(struct store *s, const struct merge_file *f, long rows)
{
	sqlite3_stmt *st;
	char now[21];

	date_now_utc(now);
	if (store_prepare(s, "INSERT INTO sync_log (at, direction, peer, file, rows, result, "
	    "created) VALUES (?, 'import', ?, ?, ?, 'ok', ?)", &st) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, f->sender, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, f->path != NULL ? f->path : "-", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, rows);
	sqlite3_bind_text(st, 5, f->created, -1, SQLITE_STATIC);
	sqlite3_step(st);
	store_done(s, st);
}

static bool
savepoint(struct store *s, const char *sql)
{
	return sqlite3_exec(store_db(s), sql, NULL, NULL, NULL) == SQLITE_OK;
}

bool
merge_apply(struct store *s, const struct actor *who, const struct merge_file *f,
    struct sync_result *res, const struct sync_progress *p, struct error *err)
{
	char stamp_limit[16], iso_limit[21], now[21], last[16], a[32], b[32], sum[256];
	int i;

	memset(res, 0, sizeof *res);
	snprintf(res->sender, sizeof res->sender, "%s", f->sender);
	snprintf(res->created, sizeof res->created, "%s", f->created);
	clock_limit(stamp_limit, iso_limit);
	if (strcmp(f->created, stamp_limit) > 0) {
		stamp_local(f->created, a, sizeof a);
		date_now_utc(now);
		synclog_local_time(now, b, sizeof b);
		error_set(err, _("This file says it was made at %s, but this computer's clock says "
		    "it is %s: the clock of one of the two computers is wrong; set it right and "
		    "make the file again."), a, b);
		return false;
	}
	if (!last_taken(s, f->sender, last, err))
		return false;
	/* Stamps count seconds: a file of the same second as the last is
	 * judged row by row, as any other (taken twice, it changes nothing). */
	if (last[0] != '\0' && strcmp(f->created, last) < 0) {
		res->stale = true;
		snprintf(res->last_taken, sizeof res->last_taken, "%s", last);
		return true;
	}
	if (!savepoint(s, "SAVEPOINT merge_file")) {
		store_sql_error(s, _("Applying the file"), err);
		return false;
	}
	for (i = 0; i < f->in.ntables; i++) {
		sync_progress_report(p, _("Applying the records"), i, f->in.ntables);
		if (!apply_table(s, f, &f->in.t[i], iso_limit, &res->t[res->ntables], err))
			goto fail;
		res->added += res->t[res->ntables].added;
		res->updated += res->t[res->ntables].updated;
		res->unchanged += res->t[res->ntables].unchanged;
		res->removed += res->t[res->ntables].removed;
		res->ntables++;
	}
	/* The log's newest file from a sender is its latest: a file of the
	 * last one's second that brought nothing does not take its place. */
	if (last[0] == '\0' || strcmp(f->created, last) > 0 ||
	    res->added + res->updated + res->removed > 0)
		log_import(s, f, res->added + res->updated + res->removed);
	snprintf(sum, sizeof sum, "%s: +%ld ~%ld -%ld =%ld", f->path ? f->path : "-", res->added,
	    res->updated, res->removed, res->unchanged);
	if (!audit_log(s, who, "import", NULL, NULL, sum, err))
		goto fail;
	if (!savepoint(s, "RELEASE merge_file")) {
		store_sql_error(s, _("Applying the file"), err);
		goto fail;
	}
	sync_progress_report(p, _("Done"), f->in.ntables, f->in.ntables);
	return true;
fail:
	/* Nothing of this file stays; the batch's other files do. */
	if (!sqlite3_get_autocommit(store_db(s))) {
		savepoint(s, "ROLLBACK TO merge_file");
		savepoint(s, "RELEASE merge_file");
	}
	res->added = res->updated = res->removed = 0;
	return false;
}
