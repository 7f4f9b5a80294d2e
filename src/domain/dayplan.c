/* dayplan — see dayplan.h. */
#include "dayplan.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"

bool
dayplan_slots(const struct opening *o, int start, int end, int *first, int *last)
{
	int i, best = -1, dist, best_dist = 0;

	*first = *last = -1;
	if (o->nslots <= 0)
		return false;
	for (i = 0; i < o->nslots; i++) {
		if (start < o->slot_end[i] && end > o->slot_start[i]) {
			if (*first < 0)
				*first = i;
			*last = i;
		}
	}
	if (*first >= 0)
		return true;
	/* Between slots (or outside them): the nearest slot by distance. */
	for (i = 0; i < o->nslots; i++) {
		dist = end <= o->slot_start[i] ? o->slot_start[i] - end : start - o->slot_end[i];
		if (best < 0 || dist < best_dist) {
			best = i;
			best_dist = dist;
		}
	}
	*first = *last = best;
	return true;
}

struct rooms {
	struct room_info *v;
	int n, cap;
};

static void
add_room(struct rooms *r, const struct room_info *info)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->v = xreallocarray(r->v, (size_t)r->cap, sizeof *r->v);
	}
	r->v[r->n++] = *info;
}

static void
keep_room(void *ctx, const struct room_info *info)
{
	add_room(ctx, info);
}

/* The room's index by name, adding it when it is not among the active rooms. */
static int
room_index(struct rooms *r, const char *name)
{
	struct room_info info;
	int i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->v[i].name, name) == 0)
			return i;
	memset(&info, 0, sizeof info);
	snprintf(info.name, sizeof info.name, "%s", name);
	add_room(r, &info);
	return r->n - 1;
}

/* A column's text, "" for NULL. */
static const char *
text(sqlite3_stmt *st, int col)
{
	const char *t = (const char *)sqlite3_column_text(st, col);

	return t != NULL ? t : "";
}

struct day_ctx {
	struct dayplan *p;
	struct rooms rooms;
	int cap;
};

/* Columns: uuid, group, purpose, status, people, room, start, end. */
static void
keep_entry(struct day_ctx *c, sqlite3_stmt *st)
{
	struct dayplan *p = c->p;
	struct dayplan_entry *e;

	if (p->nentries == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		p->entries = xreallocarray(p->entries, (size_t)c->cap, sizeof *p->entries);
	}
	e = &p->entries[p->nentries++];
	memset(e, 0, sizeof *e);
	snprintf(e->uuid, sizeof e->uuid, "%s", text(st, 0));
	snprintf(e->group, sizeof e->group, "%s", text(st, 1));
	snprintf(e->purpose, sizeof e->purpose, "%s", text(st, 2));
	snprintf(e->status, sizeof e->status, "%s", text(st, 3));
	e->people = atol(text(st, 4));
	e->room = room_index(&c->rooms, text(st, 5));
	if (!time_parse(text(st, 6), &e->start))
		e->start = 0;
	if (!time_parse(text(st, 7), &e->end))
		e->end = e->start;
	dayplan_slots(&p->opening, e->start, e->end, &e->first_slot, &e->last_slot);
}

static int
by_room_then_start(const void *a, const void *b)
{
	const struct dayplan_entry *x = a, *y = b;

	if (x->room != y->room)
		return x->room < y->room ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return strcmp(x->uuid, y->uuid);
}

bool
dayplan_load(struct store *s, struct date day, struct dayplan *p, struct error *err)
{
	struct day_ctx c = {p, {NULL, 0, 0}, 0};
	struct buf why = {0};
	sqlite3_stmt *st;
	char iso[11];
	int rc;

	memset(p, 0, sizeof *p);
	p->day = day;
	if (!opening_load(s, &p->opening, err))
		return false;
	p->closed = opening_closed(s, &p->opening, day, &why);
	snprintf(p->why, sizeof p->why, "%s", buf_str(&why));
	buf_free(&why);
	if (room_list(s, keep_room, &c.rooms, err) < 0) {
		free(c.rooms.v);
		return false;
	}
	/* The bookings that hold a room (this store's own, not cancelled), in
	 * list order (start, uuid) so that rooms out of use are added in the
	 * order they first appear. */
	date_format(day, iso);
	rc = store_prepare(s, "SELECT uuid, \"group\", purpose, status, people, room, start, "
	    "\"end\" FROM booking WHERE deleted = 0 AND date = ?1 AND origin = ?2 "
	    "AND status <> 'cancelled' ORDER BY start, uuid", &st);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, iso, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, store_origin(s), -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			keep_entry(&c, st);
		store_done(s, st);
	}
	p->rooms = c.rooms.v;
	p->nrooms = c.rooms.n;
	if (rc != SQLITE_DONE) {
		store_sql_error(s, _("Reading"), err);
		dayplan_free(p);
		return false;
	}
	if (p->nentries > 1)
		qsort(p->entries, (size_t)p->nentries, sizeof *p->entries, by_room_then_start);
	return true;
}

void
dayplan_free(struct dayplan *p)
{
	free(p->rooms);
	free(p->entries);
	p->rooms = NULL;
	p->entries = NULL;
	p->nrooms = p->nentries = 0;
}

int
dayplan_cell(const struct dayplan *p, int room, int slot, int *idx, int max)
{
	int i, n = 0;

	for (i = 0; i < p->nentries; i++) {
		const struct dayplan_entry *e = &p->entries[i];

		if (e->room != room || slot < e->first_slot || slot > e->last_slot)
			continue;
		if (n < max)
			idx[n] = i;
		n++;
	}
	return n;
}

struct month_ctx {
	struct dayplan_month *m;
	const struct opening *o;
	struct rooms rooms;
	/* held[day] is a bitmap over (room, slot), grown with the rooms. */
	unsigned char *held[32];
	int held_bits[32];
};

static void
hold(struct month_ctx *c, int day, int bit)
{
	int bytes = bit / 8 + 1, have = (c->held_bits[day] + 7) / 8;

	if (bit >= c->held_bits[day]) {
		c->held[day] = xreallocarray(c->held[day], (size_t)bytes, 1);
		memset(c->held[day] + have, 0, (size_t)(bytes - have));
		c->held_bits[day] = bytes * 8;
	}
	if (!(c->held[day][bit / 8] & (1u << (bit % 8)))) {
		c->held[day][bit / 8] |= (unsigned char)(1u << (bit % 8));
		c->m->booked[day]++;
	}
}

/* Columns: date, start, end, room. */
static void
count_booking(struct month_ctx *c, sqlite3_stmt *st)
{
	struct date d;
	int start, end, first, last, room, slot;

	if (!date_parse(text(st, 0), &d) || d.day < 1 || d.day > 31)
		return;
	if (!time_parse(text(st, 1), &start) || !time_parse(text(st, 2), &end))
		return;
	c->m->bookings[d.day]++;
	room = room_index(&c->rooms, text(st, 3));
	if (!dayplan_slots(c->o, start, end, &first, &last))
		return;
	for (slot = first; slot <= last; slot++)
		hold(c, d.day, room * c->o->nslots + slot);
}

bool
dayplan_month(struct store *s, int year, int month, struct dayplan_month *m,
    struct error *err)
{
	struct month_ctx c;
	sqlite3_stmt *st;
	char from[11], to[11];
	int day, rc;

	memset(m, 0, sizeof *m);
	memset(&c, 0, sizeof c);
	m->year = year;
	m->month = month;
	m->days = date_days_in_month(year, month);
	if (!opening_load(s, &m->opening, err))
		return false;
	m->nslots = m->opening.nslots;
	c.m = m;
	c.o = &m->opening;
	if (room_list(s, keep_room, &c.rooms, err) < 0) {
		free(c.rooms.v);
		return false;
	}
	m->nrooms = c.rooms.n;
	if (!opening_closed_month(s, &m->opening, year, month, store_origin(s), m->closed)) {
		store_sql_error(s, _("Reading"), err);
		free(c.rooms.v);
		return false;
	}
	for (day = 1; day <= m->days; day++)
		m->open[day] = m->closed[day] ? 0 : m->nrooms * m->nslots;
	/* Only the columns counted, of the bookings that hold a room: a range
	 * of booking_by_date and the month's rows (a covering index for this
	 * one question would cost every booking saved and city hall's import
	 * more than the month's hundred rows cost here). */
	date_month_range(year, month, from, to);
	rc = store_prepare(s, "SELECT date, start, \"end\", room FROM booking WHERE deleted = 0 "
	    "AND date >= ?1 AND date < ?2 AND origin = ?3 AND status <> 'cancelled'", &st);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, store_origin(s), -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			count_booking(&c, st);
		store_done(s, st);
	}
	if (rc != SQLITE_DONE)
		store_sql_error(s, _("Reading"), err);
	for (day = 0; day < 32; day++)
		free(c.held[day]);
	free(c.rooms.v);
	return rc == SQLITE_DONE;
}

int
dayplan_series_following(struct store *s, const char *uuid, struct error *err)
{
	sqlite3_stmt *st;
	int n = -1;

	if (store_prepare(s, "SELECT count(*) FROM booking b, booking me WHERE "
	    "me.uuid = ?1 AND me.series IS NOT NULL AND b.series = me.series AND b.deleted = 0 "
	    "AND b.status = 'booked' AND b.date > me.date", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return -1;
	}
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	else
		store_sql_error(s, _("Reading"), err);
	store_done(s, st);
	return n;
}
