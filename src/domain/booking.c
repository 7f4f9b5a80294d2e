/* booking — see booking.h. */
#include "booking.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "room.h"
#include "store/store.h"

static int
field_of(const struct record *r, const char *name)
{
	return kind_field(r->kind, name);
}

static const char *
value_of(const struct record *r, const char *name)
{
	int i = field_of(r, name);

	return i >= 0 ? r->value[i] : NULL;
}

static bool
refuse(struct error *err, const struct record *r, const char *field)
{
	if (err != NULL)
		err->field = field_of(r, field);
	return false;
}

/* The first live booking of the same room that overlaps r: its group,
 * date, start and end (columns 0–3). */
static bool
prepare_collision(struct store *s, const struct record *r, int room, sqlite3_stmt **st)
{
	if (store_prepare(s, "SELECT \"group\", date, start, \"end\" FROM booking "
	    "WHERE deleted = 0 AND status <> 'cancelled' AND room_id = ? AND date = ? "
	    "AND start < ? AND \"end\" > ? AND uuid <> ? ORDER BY start LIMIT 1", st) != SQLITE_OK)
		return false;
	sqlite3_bind_text(*st, 1, r->ref_id[room], -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 2, value_of(r, "date"), -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 3, value_of(r, "end"), -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 4, value_of(r, "start"), -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 5, r->uuid, -1, SQLITE_STATIC);
	return true;
}

static bool
check_collision(struct store *s, const struct record *r, int room, struct error *err)
{
	sqlite3_stmt *st;
	bool clash = false;

	if (!prepare_collision(s, r, room, &st)) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	if (sqlite3_step(st) == SQLITE_ROW) {
		clash = true;
		error_set(err, _("%s: %s is already booked on %s %s–%s by %s."),
		    field_label(&r->kind->fields[room]), r->value[room],
		    (const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2),
		    (const char *)sqlite3_column_text(st, 3), (const char *)sqlite3_column_text(st, 0));
	}
	store_done(s, st);
	return clash ? refuse(err, r, "start") : true;
}

/* The group holding r's room at r's time, or NULL; the caller frees it. */
static char *
holder_of(struct store *s, const struct record *r)
{
	sqlite3_stmt *st;
	char *group = NULL;
	const char *g;

	if (r->ref_id[field_of(r, "room")][0] == '\0' ||
	    !prepare_collision(s, r, field_of(r, "room"), &st))
		return NULL;
	if (sqlite3_step(st) == SQLITE_ROW) {
		g = (const char *)sqlite3_column_text(st, 0);
		group = xstrdup(g != NULL ? g : "");
	}
	store_done(s, st);
	return group;
}

/* Expected people no more than the room holds. */
static bool
check_capacity(struct store *s, const struct record *r, int room, struct error *err)
{
	struct room_info info;
	long long people = record_int(r, field_of(r, "people"));

	if (!room_get(s, r->ref_id[room], &info) || info.capacity <= 0 ||
	    people <= info.capacity)
		return true;
	error_set(err, _("%s: %lld is more than the capacity of %s (%d)."),
	    field_label(&r->kind->fields[field_of(r, "people")]), people, info.name,
	    info.capacity);
	return refuse(err, r, "people");
}

static bool
same_text(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/* The fee follows the room and times: a new booking given no fee, or one
 * whose room or times change while its fee stays as it was, gets the
 * room's fee for the slots it covers.  A fee changed in the same edit is
 * what the person meant and stays.  save.c hands check_store the record it
 * is about to write, so the fee set here is saved with it. */
static void
follow_fee(struct store *s, const struct opening *o, const struct record *r, int room)
{
	sqlite3_stmt *st;
	int f = field_of(r, "fee"), start, end;
	bool recompute = r->value[f] == NULL;
	long long fee;
	char num[32];

	if (store_prepare(s, "SELECT NULL, start, \"end\", room_id, fee FROM booking "
	    "WHERE uuid = ?", &st) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, r->uuid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		bool moved = !same_text((const char *)sqlite3_column_text(st, 1),
		    value_of(r, "start")) || !same_text((const char *)sqlite3_column_text(st, 2),
		    value_of(r, "end")) || !same_text((const char *)sqlite3_column_text(st, 3),
		    r->ref_id[room]);

		recompute = moved && same_text((const char *)sqlite3_column_text(st, 4),
		    r->value[f]);
	}
	store_done(s, st);
	if (!recompute || !time_parse(value_of(r, "start"), &start) ||
	    !time_parse(value_of(r, "end"), &end) ||
	    (fee = room_fee_for(s, o, r->ref_id[room], start, end)) < 0)
		return;
	snprintf(num, sizeof num, "%lld", fee);
	free(r->value[f]);
	((struct record *)r)->value[f] = xstrdup(num);
}

static bool
room_active(struct store *s, const char *uuid)
{
	sqlite3_stmt *st;
	bool active = false;

	if (store_prepare(s, "SELECT active = 'yes' FROM room WHERE uuid = ?",
	    &st) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
		active = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
		store_done(s, st);
	}
	return active;
}

bool
booking_check_store(struct store *s, const struct record *r, struct error *err)
{
	int room = field_of(r, "room"), start, end;
	struct opening o;
	struct buf why = {0};
	struct date d, limit, today;
	char a[6], b[6], iso[11];
	const char *status = value_of(r, "status");

	/* Only a live booking holds a room to the rules; one that was used,
	 * missed or cancelled is history, kept as it happened. */
	if (status != NULL && strcmp(status, "booked") != 0)
		return true;
	if (r->ref_id[room][0] == '\0') {
		error_set(err, _("%s: there is no room named \"%s\"; add the center's rooms "
		    "first (kyodo add room)."), field_label(&r->kind->fields[room]), r->value[room]);
		return refuse(err, r, "room");
	}
	if (!room_active(s, r->ref_id[room])) {
		error_set(err, _("%s: %s is not in use."), field_label(&r->kind->fields[room]),
		    r->value[room]);
		return refuse(err, r, "room");
	}
	if (!opening_load(s, &o, err) || !date_parse(value_of(r, "date"), &d))
		return false;
	if (opening_closed(s, &o, d, &why)) {
		error_set(err, _("%s: the center is closed on %s (%s)."),
		    field_label(&r->kind->fields[field_of(r, "date")]), value_of(r, "date"),
		    buf_str(&why));
		buf_free(&why);
		return refuse(err, r, "date");
	}
	time_parse(value_of(r, "start"), &start);
	time_parse(value_of(r, "end"), &end);
	if (start < o.slot_start[0] || end > o.slot_end[o.nslots - 1]) {
		time_format(o.slot_start[0], a);
		time_format(o.slot_end[o.nslots - 1], b);
		error_set(err, _("%s: %s–%s is outside the opening hours (%s–%s)."),
		    field_label(&r->kind->fields[field_of(r, "start")]), value_of(r, "start"),
		    value_of(r, "end"), a, b);
		return refuse(err, r, start < o.slot_start[0] ? "start" : "end");
	}
	if (o.horizon_months > 0) {
		today = date_today();
		limit.year = today.year + (today.month - 1 + o.horizon_months) / 12;
		limit.month = (today.month - 1 + o.horizon_months) % 12 + 1;
		limit.day = today.day;
		if (limit.day > date_days_in_month(limit.year, limit.month))
			limit.day = date_days_in_month(limit.year, limit.month);
		if (date_compare(d, limit) > 0) {
			date_format(limit, iso);
			error_set(err, P_("%s: bookings open %d month ahead; %s is after %s.",
			    "%s: bookings open %d months ahead; %s is after %s.",
			    (unsigned long)o.horizon_months),
			    field_label(&r->kind->fields[field_of(r, "date")]), o.horizon_months,
			    value_of(r, "date"), iso);
			return refuse(err, r, "date");
		}
	}
	if (!check_capacity(s, r, room, err) || !check_collision(s, r, room, err))
		return false;
	follow_fee(s, &o, r, room);
	return true;
}

static bool
set_column(struct store *s, const char *sql, const char *value, const char *uuid,
    struct error *err)
{
	return store_run(s, sql, 2, (const char *const[]){value, uuid}, _("Saving"), err);
}

void
series_result_free(struct series_result *res)
{
	int i;

	buf_free(&res->why);
	for (i = 0; i < res->nclashes; i++) {
		free(res->clashes[i].holder);
		free(res->clashes[i].why);
	}
	free(res->clashes);
	res->clashes = NULL;
	res->nclashes = 0;
}

/* Notes a date of the series that is taken: the group holding it. */
static void
add_clash(struct store *s, struct series_result *res, const struct record *r, struct date d,
    const char *why)
{
	struct series_clash *c;

	if (res->clashes == NULL)
		res->clashes = xreallocarray(NULL, RECUR_MAX, sizeof *res->clashes);
	c = &res->clashes[res->nclashes++];
	c->date = d;
	c->holder = holder_of(s, r);
	c->why = xstrdup(why);
}

enum series_mode { SERIES_ALL, SERIES_FREE, SERIES_TRY };

/* Books the series; SERIES_FREE skips a taken date and lists it rather
 * than refusing the whole series; SERIES_TRY does that and then writes
 * nothing. */
static bool
add_series(struct store *s, const struct actor *who, const struct record *tmpl,
    const struct recur *rule, enum series_mode mode, struct series_result *res,
    struct error *err)
{
	bool skip_taken = mode != SERIES_ALL;
	static struct date dates[RECUR_MAX];
	struct buf refused = {0};
	struct opening o;
	struct record r;
	struct error one;
	char series[37], iso[11];
	int n, i, nrefused = 0, nmore = 0, d = field_of(tmpl, "date");

	memset(res, 0, sizeof *res);
	if (!opening_load(s, &o, err))
		return false;
	n = recur_expand(rule, dates, RECUR_MAX);
	record_new_uuid(series);
	if (!store_begin(s, err))
		return false;
	for (i = 0; i < n; i++) {
		date_format(dates[i], iso);
		if (opening_closed(s, &o, dates[i], NULL)) {
			res->skipped[res->nskipped++] = dates[i];
			buf_printf(&res->why, "%s ", iso);
			opening_closed(s, &o, dates[i], &res->why);
			buf_addc(&res->why, '\n');
			continue;
		}
		record_copy(&r, tmpl);
		r.uuid[0] = '\0';
		free(r.value[d]);
		r.value[d] = xstrdup(iso);
		if (!record_insert_in_tx(s, who, &r, &one)) {
			if (skip_taken)
				add_clash(s, res, &r, dates[i], one.text);
			/* A date a line; those past what the error holds are
			 * counted, so no sentence is cut. */
			if (refused.len + strlen(iso) + strlen(one.text) + 3 <
			    sizeof err->text - 160)
				buf_printf(&refused, "\n%s: %s", iso, one.text);
			else
				nmore++;
			nrefused++;
		} else if (!set_column(s, "UPDATE booking SET series = ? WHERE uuid = ?", series,
		    r.uuid, err)) {
			record_free(&r);
			goto fail;
		} else
			res->booked++;
		record_free(&r);
	}
	if (nrefused > 0 && (!skip_taken || res->booked == 0)) {
		if (nmore > 0)
			buf_printf(&refused, "\n(+%d)", nmore);
		error_set(err, _("Nothing was booked; refused: %s"), buf_str(&refused));
		goto fail;
	}
	if (n == 0) {
		error_set(err, _("Nothing was booked: the rule gives no dates (is the end before "
		    "the start?)."));
		goto fail;
	}
	if (res->booked == 0) {
		error_set(err, _("Nothing was booked: the center is closed on every date of "
		    "the rule."));
		goto fail;
	}
	buf_free(&refused);
	if (mode == SERIES_TRY) {
		store_rollback(s);
		return true;
	}
	if (store_commit(s, err))
		return true;
	res->booked = 0;
	return false;
fail:
	buf_free(&refused);
	store_rollback(s);
	res->booked = 0;
	return false;
}

bool
booking_add_series(struct store *s, const struct actor *who, const struct record *tmpl,
    const struct recur *rule, struct series_result *res, struct error *err)
{
	return add_series(s, who, tmpl, rule, SERIES_ALL, res, err);
}

bool
booking_add_free_dates(struct store *s, const struct actor *who, const struct record *tmpl,
    const struct recur *rule, struct series_result *res, struct error *err)
{
	return add_series(s, who, tmpl, rule, SERIES_FREE, res, err);
}

bool
booking_series_try(struct store *s, const struct actor *who, const struct record *tmpl,
    const struct recur *rule, struct series_result *res, struct error *err)
{
	return add_series(s, who, tmpl, rule, SERIES_TRY, res, err);
}

bool
booking_series_others(struct store *s, const char *uuid, int *before, int *after,
    struct error *err)
{
	sqlite3_stmt *st;
	bool ok = false;

	*before = *after = 0;
	if (store_prepare(s, "SELECT count(CASE WHEN b.date < me.date THEN 1 END), "
	    "count(CASE WHEN b.date >= me.date THEN 1 END) FROM booking b, booking me "
	    "WHERE me.uuid = ?1 AND me.series IS NOT NULL AND b.series = me.series "
	    "AND b.uuid <> me.uuid AND b.deleted = 0 AND b.status = 'booked'", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*before = sqlite3_column_int(st, 0);
		*after = sqlite3_column_int(st, 1);
		ok = true;
	} else
		store_sql_error(s, _("Reading"), err);
	store_done(s, st);
	return ok;
}

/* The other live dates of uuid's series that scope takes in, as its stored
 * date reads (so a change of this date does not move the line); the
 * caller frees *uuids.  Returns how many, -1 when they cannot be read. */
static int
series_members(struct store *s, const char *uuid, enum booking_scope scope,
    char (**uuids)[37], struct error *err)
{
	sqlite3_stmt *st;
	int n = 0, cap = 0, rc;

	*uuids = NULL;
	if (scope == BOOKING_ONE)
		return 0;
	if (store_prepare(s, "SELECT b.uuid FROM booking b, booking me WHERE me.uuid = ?1 "
	    "AND me.series IS NOT NULL AND b.series = me.series AND b.uuid <> me.uuid "
	    "AND b.deleted = 0 AND b.status = 'booked' AND (?2 OR b.date > me.date) "
	    "ORDER BY b.date", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return -1;
	}
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, scope == BOOKING_ALL);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			*uuids = xreallocarray(*uuids, (size_t)cap, sizeof **uuids);
		}
		snprintf((*uuids)[n++], 37, "%s", (const char *)sqlite3_column_text(st, 0));
	}
	if (rc != SQLITE_DONE) {
		store_sql_error(s, _("Reading"), err);
		n = -1;
	}
	store_done(s, st);
	return n;
}

/* Calls fn(other, r) for each of the n bookings named in uuids. */
static bool
each_member(struct store *s, const struct record *r, char (*uuids)[37], int n,
    bool (*fn)(struct store *, const struct actor *, struct record *, const struct record *,
    struct error *), const struct actor *who, int *count, struct error *err)
{
	struct record other;
	int i;
	bool ok = true;

	*count = 0;
	for (i = 0; ok && i < n; i++) {
		if (!record_get(s, r->kind, uuids[i], &other, err))
			return false;
		ok = fn(s, who, &other, r, err);
		record_free(&other);
		*count += ok;
	}
	return ok;
}

static bool
cancel_one(struct store *s, const struct actor *who, struct record *r,
    const struct record *from, struct error *err)
{
	int st = field_of(r, "status");

	(void)from;
	free(r->value[st]);
	r->value[st] = xstrdup("cancelled");
	return record_update_in_tx(s, who, r, err);
}

bool
booking_cancel(struct store *s, const struct actor *who, const char *uuid, bool following,
    int *cancelled, struct error *err)
{
	return booking_cancel_scope(s, who, uuid, following ? BOOKING_FOLLOWING : BOOKING_ONE,
	    cancelled, err);
}

bool
booking_cancel_scope(struct store *s, const struct actor *who, const char *uuid,
    enum booking_scope scope, int *cancelled, struct error *err)
{
	const struct kind *k = kind_find("booking");
	struct record r;
	char (*uuids)[37] = NULL;
	int more = 0, n;
	bool ok;

	*cancelled = 0;
	if (!store_begin(s, err))
		return false;
	if (!record_get(s, k, uuid, &r, err)) {
		store_rollback(s);
		return false;
	}
	if (r.deleted || strcmp(r.value[kind_field(k, "status")], "booked") != 0) {
		error_set(err, r.deleted ? _("This booking was deleted.") :
		    _("This booking is %s; only a booked one can be cancelled."),
		    field_choice_label(&k->fields[kind_field(k, "status")],
		    r.value[kind_field(k, "status")]));
		store_rollback(s);
		record_free(&r);
		return false;
	}
	n = series_members(s, r.uuid, scope, &uuids, err);
	ok = n >= 0 && each_member(s, &r, uuids, n, cancel_one, who, &more, err) &&
	    cancel_one(s, who, &r, NULL, err) && store_commit(s, err);
	if (!ok)
		store_rollback(s);
	else
		*cancelled = more + 1;
	free(uuids);
	record_free(&r);
	return ok;
}

static bool
copy_terms(struct store *s, const struct actor *who, struct record *r,
    const struct record *from, struct error *err)
{
	static const char *const terms[] = {
		"room", "start", "end", "group", "contact", "purpose", "category", "people",
		"fee", "exemption", "exemption_reason",
	};
	size_t i;
	int f;

	for (i = 0; i < sizeof terms / sizeof terms[0]; i++) {
		f = field_of(r, terms[i]);
		free(r->value[f]);
		r->value[f] = from->value[f] != NULL ? xstrdup(from->value[f]) : NULL;
		memcpy(r->ref_id[f], from->ref_id[f], sizeof r->ref_id[f]);
	}
	/* Cancelling in the form is a cancel of the dates chosen too; a
	 * check-in (used, no-show) is one date's. */
	f = field_of(r, "status");
	if (strcmp(from->value[f], "cancelled") == 0) {
		free(r->value[f]);
		r->value[f] = xstrdup("cancelled");
	}
	return record_update_in_tx(s, who, r, err);
}

bool
booking_update_following(struct store *s, const struct actor *who, struct record *r,
    int *changed, struct error *err)
{
	return booking_update_scope(s, who, r, BOOKING_FOLLOWING, changed, err);
}

bool
booking_update_scope(struct store *s, const struct actor *who, struct record *r,
    enum booking_scope scope, int *changed, struct error *err)
{
	long long version = r->version;
	char updated_at[sizeof r->updated_at];
	char (*uuids)[37] = NULL;
	int more = 0, n;
	bool ok;

	*changed = 0;
	memcpy(updated_at, r->updated_at, sizeof updated_at);
	if (!store_begin(s, err))
		return false;
	/* The dates are chosen before r is saved: from its date as stored. */
	n = series_members(s, r->uuid, scope, &uuids, err);
	ok = n >= 0 && record_update_in_tx(s, who, r, err) &&
	    each_member(s, r, uuids, n, copy_terms, who, &more, err) && store_commit(s, err);
	free(uuids);
	if (!ok) {
		/* Nothing was saved: r must still match the stored row. */
		store_rollback(s);
		r->version = version;
		memcpy(r->updated_at, updated_at, sizeof updated_at);
		return false;
	}
	*changed = more + 1;
	return true;
}

/* The use of the booking's room and time by its group typed by hand before
 * the check-in, not yet tied to a booking: the check-in takes it as its use
 * rather than count the visit twice.  Fills uuid (37 bytes); false when
 * there is none (or it could not be read). */
static bool
use_typed_before(struct store *s, const struct record *b, char *uuid)
{
	sqlite3_stmt *st;
	bool found = false;

	if (value_of(b, "group") == NULL || store_prepare(s, "SELECT uuid FROM facility_use "
	    "WHERE deleted = 0 AND booking IS NULL AND origin = ?1 AND date = ?2 AND "
	    "\"group\" = ?3 AND ((?4 <> '' AND room_id = ?4) OR (?4 = '' AND room = ?5)) AND "
	    "ifnull(start, '00:00') < ?6 AND ifnull(\"end\", '24:00') > ?7 ORDER BY start LIMIT 1",
	    &st) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, store_origin(s), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value_of(b, "date"), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, value_of(b, "group"), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, b->ref_id[field_of(b, "room")], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, value_of(b, "room"), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, value_of(b, "end"), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, value_of(b, "start"), -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(uuid, 37, "%s", (const char *)sqlite3_column_text(st, 0));
		found = true;
	}
	store_done(s, st);
	return found;
}

/* The check-in of a booking whose use was typed by hand before: that use
 * gets the headcount and the tie to the booking, the booking is used. */
static bool
check_in_typed(struct store *s, const struct actor *who, struct record *b,
    const char *use, const char *people, struct error *err)
{
	struct record u;
	bool ok = false;

	if (!record_get(s, kind_find("use"), use, &u, err))
		return false;
	/* No headcount typed: the one typed with the use stands. */
	if (people != NULL && people[0] != '\0' &&
	    !record_set(&u, field_of(&u, "people"), people, err))
		goto out;
	if (!store_begin(s, err))
		goto out;
	free(b->value[field_of(b, "status")]);
	b->value[field_of(b, "status")] = xstrdup("used");
	if (!record_update_in_tx(s, who, &u, err) ||
	    !set_column(s, "UPDATE facility_use SET booking = ?2 WHERE uuid = ?1", use, b->uuid,
	    err) || !record_update_in_tx(s, who, b, err) || !store_commit(s, err)) {
		store_rollback(s);
		goto out;
	}
	ok = true;
out:
	record_free(&u);
	return ok;
}

bool
booking_check_in(struct store *s, const struct actor *who, const char *uuid,
    const char *people, char *use_uuid, struct error *err)
{
	static const char *const copied[] = {"date", "start", "end", "room", "group", "category"};
	const struct kind *bk = kind_find("booking"), *uk = kind_find("use");
	struct record b, u;
	long long fee, waived;
	const char *ex, *status;
	char num[32];
	size_t i;
	bool ok = false;

	if (!record_get(s, bk, uuid, &b, err))
		return false;
	status = value_of(&b, "status");
	if (b.deleted || strcmp(status, "booked") != 0) {
		error_set(err, b.deleted ? _("This booking was deleted.") :
		    _("This booking is %s; only a booked one can be checked in."),
		    field_choice_label(&bk->fields[field_of(&b, "status")], status));
		record_free(&b);
		return false;
	}
	if (use_typed_before(s, &b, use_uuid)) {
		ok = check_in_typed(s, who, &b, use_uuid, people, err);
		record_free(&b);
		return ok;
	}
	record_init(&u, uk);
	for (i = 0; i < sizeof copied / sizeof copied[0]; i++) {
		int f = field_of(&u, copied[i]);

		free(u.value[f]);
		u.value[f] = xstrdup(value_of(&b, copied[i]));
	}
	if (!record_set(&u, field_of(&u, "people"), people, err))
		goto out;
	if (u.value[field_of(&u, "people")] == NULL) {
		error_set(err, _("%s: required."), field_label(&uk->fields[field_of(&u, "people")]));
		goto out;
	}
	/* The booking holds the slot's fee and the kind of waiver; the use
	 * records what was charged and what was waived, in yen. */
	fee = record_int(&b, field_of(&b, "fee"));
	ex = value_of(&b, "exemption");
	waived = strcmp(ex, "none") == 0 ? 0 : strcmp(ex, "half") == 0 ? fee / 2 : fee;
	snprintf(num, sizeof num, "%lld", fee - waived);
	u.value[field_of(&u, "fee")] = xstrdup(num);
	snprintf(num, sizeof num, "%lld", waived);
	u.value[field_of(&u, "exemption")] = xstrdup(num);
	if (!store_begin(s, err))
		goto out;
	free(b.value[field_of(&b, "status")]);
	b.value[field_of(&b, "status")] = xstrdup("used");
	if (!record_insert_in_tx(s, who, &u, err) ||
	    !set_column(s, "UPDATE facility_use SET booking = ?2 WHERE uuid = ?1", u.uuid, uuid, err) ||
	    !record_update_in_tx(s, who, &b, err) || !store_commit(s, err)) {
		store_rollback(s);
		goto out;
	}
	snprintf(use_uuid, 37, "%s", u.uuid);
	ok = true;
out:
	record_free(&u);
	record_free(&b);
	return ok;
}
