/* use — see use.h. */
#include "use.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "group.h"
#include "opening.h"
#include "room.h"
#include "store/store.h"

static const char *
value_of(const struct record *r, const char *name)
{
	return r->value[kind_field(r->kind, name)];
}

static const char *
label_of(const struct record *r, const char *name)
{
	return field_label(&r->kind->fields[kind_field(r->kind, name)]);
}

static bool
refuse(struct error *err, const struct record *r, const char *field)
{
	error_field(err, kind_field(r->kind, field));
	return false;
}

static bool
check_hours(const struct record *r, const struct opening *o, struct error *err)
{
	const char *a = value_of(r, "start"), *b = value_of(r, "end");
	int start = -1, end = -1, open = o->slot_start[0], close = o->slot_end[o->nslots - 1];
	char t1[6], t2[6];

	if (a != NULL)
		time_parse(a, &start);
	if (b != NULL)
		time_parse(b, &end);
	if ((a == NULL || start >= open) && (b == NULL || (end <= close && end > open)) &&
	    (a == NULL || start < close))
		return true;
	time_format(open, t1);
	time_format(close, t2);
	if (a != NULL && b != NULL)
		error_set(err, _("%s: %s–%s is outside the opening hours (%s–%s)."),
		    label_of(r, "start"), a, b, t1, t2);
	else
		error_set(err, _("%s: %s is outside the opening hours (%s–%s)."),
		    label_of(r, a != NULL ? "start" : "end"), a != NULL ? a : b, t1, t2);
	return refuse(err, r, a != NULL && (start < open || start >= close) ? "start" : "end");
}

/* The room's rows: by id once the room is listed, else by its name. */
#define SAME_ROOM "origin = ?1 AND ((?2 <> '' AND room_id = ?2) OR (?2 = '' AND room = ?3)) " \
	"AND date = ?4 AND start < ?5 AND \"end\" > ?6 AND uuid <> ?7 AND deleted = 0"

static void
bind_same_room(sqlite3_stmt *st, struct store *s, const struct record *r)
{
	int room = kind_field(r->kind, "room");

	sqlite3_bind_text(st, 1, store_origin(s), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->ref_id[room], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->value[room], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, value_of(r, "date"), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, value_of(r, "end"), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, value_of(r, "start"), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, r->uuid, -1, SQLITE_STATIC);
}

static bool
same_group(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* Another use of the room at that time; the check-in of a booking by the
 * same group is this use typed twice. */
static bool
check_uses(struct store *s, const struct record *r, struct error *err)
{
	const struct kind *k = r->kind;
	sqlite3_stmt *st;
	const char *group, *who;
	bool clash = false;

	if (store_prepare(s, "SELECT \"group\", category, date, start, \"end\", booking "
	    "FROM facility_use WHERE " SAME_ROOM " ORDER BY start LIMIT 1", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	bind_same_room(st, s, r);
	if (sqlite3_step(st) == SQLITE_ROW) {
		clash = true;
		group = (const char *)sqlite3_column_text(st, 0);
		who = group != NULL ? group : field_choice_label(&k->fields[kind_field(k,
		    "category")], (const char *)sqlite3_column_text(st, 1));
		if (sqlite3_column_type(st, 5) != SQLITE_NULL && same_group(group,
		    value_of(r, "group")))
			error_set(err, _("This use is already recorded: the booking of %s on %s "
			    "%s–%s was checked in."), who, (const char *)sqlite3_column_text(st, 2),
			    (const char *)sqlite3_column_text(st, 3),
			    (const char *)sqlite3_column_text(st, 4));
		else
			error_set(err, _("%s: %s is already in use on %s %s–%s by %s."),
			    label_of(r, "room"), value_of(r, "room"),
			    (const char *)sqlite3_column_text(st, 2),
			    (const char *)sqlite3_column_text(st, 3),
			    (const char *)sqlite3_column_text(st, 4), who);
	}
	store_done(s, st);
	return clash ? refuse(err, r, "start") : true;
}

/* A live booking of the room by another group.  The same group's booking
 * is this use before its check-in. */
static bool
check_bookings(struct store *s, const struct record *r, struct error *err)
{
	sqlite3_stmt *st;
	bool clash = false;
	int rc;

	if (store_prepare(s, "SELECT \"group\", date, start, \"end\" FROM booking WHERE "
	    SAME_ROOM " AND status = 'booked' AND \"group\" IS NOT ?8 ORDER BY start LIMIT 1",
	    &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	bind_same_room(st, s, r);
	sqlite3_bind_text(st, 8, value_of(r, "group"), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		clash = true;
		error_set(err, _("%s: %s is already booked on %s %s–%s by %s."),
		    label_of(r, "room"), value_of(r, "room"),
		    (const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2),
		    (const char *)sqlite3_column_text(st, 3), (const char *)sqlite3_column_text(st, 0));
	}
	store_done(s, st);
	return clash ? refuse(err, r, "start") : true;
}

bool
use_check_store(struct store *s, const struct record *r, struct error *err)
{
	struct opening o;
	struct room_info room = {.capacity = -1, .fee = -1};
	struct buf why = {0};
	struct date d;
	const char *id = r->ref_id[kind_field(r->kind, "room")];
	long long people = record_int(r, kind_field(r->kind, "people")), fee;
	int f = kind_field(r->kind, "fee"), start, end;
	char num[32];

	if (!opening_load(s, &o, err) || !date_parse(value_of(r, "date"), &d))
		return false;
	if (opening_closed(s, &o, d, &why)) {
		error_set(err, _("%s: the center is closed on %s (%s)."), label_of(r, "date"),
		    value_of(r, "date"), buf_str(&why));
		buf_free(&why);
		return refuse(err, r, "date");
	}
	if (!check_hours(r, &o, err))
		return false;
	if (id[0] != '\0' && room_get(s, id, &room) && room.capacity > 0 &&
	    people > room.capacity) {
		error_set(err, _("%s: %lld is more than the capacity of %s (%d)."),
		    label_of(r, "people"), people, room.name, room.capacity);
		return refuse(err, r, "people");
	}
	/* Without both times a use meets no other: the time is not known
	 * (a visit logged from paper, the rows kept before these rules, a
	 * center's old rows at import), so it cannot be said to overlap. */
	if (value_of(r, "start") == NULL || value_of(r, "end") == NULL)
		return true;
	if (!check_uses(s, r, err) || !check_bookings(s, r, err))
		return false;
	time_parse(value_of(r, "start"), &start);
	time_parse(value_of(r, "end"), &end);
	if (r->value[f] == NULL && id[0] != '\0' &&
	    (fee = room_fee_for(s, &o, id, start, end)) >= 0) {
		int x = kind_field(r->kind, "exemption");
		struct group_info g;

		/* A registered group given no waiver gets its category's. */
		if (r->value[x] == NULL && group_lookup(s, value_of(r, "group"), &g)) {
			snprintf(num, sizeof num, "%lld", group_waived(fee, g.waiver));
			((struct record *)r)->value[x] = xstrdup(num);
		}
		fee -= record_int(r, x);
		snprintf(num, sizeof num, "%lld", fee > 0 ? fee : 0);
		/* save.c hands check_store the record it is about to write. */
		((struct record *)r)->value[f] = xstrdup(num);
	}
	return true;
}
