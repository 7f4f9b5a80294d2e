/* dayplan — see dayplan.h. */
#include "dayplan.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "record.h"

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
		r->v = realloc(r->v, (size_t)r->cap * sizeof *r->v);
		if (r->v == NULL)
			abort();
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

static const char *
value(const struct record *r, const char *field)
{
	int i = kind_field(r->kind, field);

	return i >= 0 && r->value[i] != NULL ? r->value[i] : "";
}

/* A booking that holds its room: this store's own, not cancelled. */
static bool
holds(struct store *s, const struct record *r)
{
	return strcmp(r->origin, store_origin(s)) == 0 &&
	    strcmp(value(r, "status"), "cancelled") != 0;
}

struct day_ctx {
	struct store *s;
	struct dayplan *p;
	struct rooms rooms;
	int cap;
};

static bool
keep_entry(void *ctx, const struct record *r)
{
	struct day_ctx *c = ctx;
	struct dayplan *p = c->p;
	struct dayplan_entry *e;

	if (!holds(c->s, r))
		return true;
	if (p->nentries == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		p->entries = realloc(p->entries, (size_t)c->cap * sizeof *p->entries);
		if (p->entries == NULL)
			abort();
	}
	e = &p->entries[p->nentries++];
	memset(e, 0, sizeof *e);
	snprintf(e->uuid, sizeof e->uuid, "%s", r->uuid);
	snprintf(e->group, sizeof e->group, "%s", value(r, "group"));
	snprintf(e->purpose, sizeof e->purpose, "%s", value(r, "purpose"));
	snprintf(e->status, sizeof e->status, "%s", value(r, "status"));
	e->people = atol(value(r, "people"));
	e->room = room_index(&c->rooms, value(r, "room"));
	if (!time_parse(value(r, "start"), &e->start))
		e->start = 0;
	if (!time_parse(value(r, "end"), &e->end))
		e->end = e->start;
	dayplan_slots(&p->opening, e->start, e->end, &e->first_slot, &e->last_slot);
	return true;
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
	struct day_ctx c = {s, p, {NULL, 0, 0}, 0};
	struct record_query q = {0};
	struct buf why = {0};
	char iso[11];

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
	date_format(day, iso);
	q.year = day.year;
	q.month = day.month;
	q.eq_field = "date";
	q.eq_value = iso;
	if (record_list(s, kind_find("booking"), &q, keep_entry, &c, err) < 0) {
		p->rooms = c.rooms.v;
		p->nrooms = c.rooms.n;
		dayplan_free(p);
		return false;
	}
	p->rooms = c.rooms.v;
	p->nrooms = c.rooms.n;
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
	struct store *s;
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
		c->held[day] = realloc(c->held[day], (size_t)bytes);
		if (c->held[day] == NULL)
			abort();
		memset(c->held[day] + have, 0, (size_t)(bytes - have));
		c->held_bits[day] = bytes * 8;
	}
	if (!(c->held[day][bit / 8] & (1u << (bit % 8)))) {
		c->held[day][bit / 8] |= (unsigned char)(1u << (bit % 8));
		c->m->booked[day]++;
	}
}

static bool
count_booking(void *ctx, const struct record *r)
{
	struct month_ctx *c = ctx;
	struct date d;
	int start, end, first, last, room, slot;

	if (!holds(c->s, r) || !date_parse(value(r, "date"), &d) || d.day < 1 || d.day > 31)
		return true;
	if (!time_parse(value(r, "start"), &start) || !time_parse(value(r, "end"), &end))
		return true;
	c->m->bookings[d.day]++;
	room = room_index(&c->rooms, value(r, "room"));
	if (!dayplan_slots(c->o, start, end, &first, &last))
		return true;
	for (slot = first; slot <= last; slot++)
		hold(c, d.day, room * c->o->nslots + slot);
	return true;
}

bool
dayplan_month(struct store *s, int year, int month, struct dayplan_month *m,
    struct error *err)
{
	struct opening o;
	struct month_ctx c;
	struct record_query q = {0};
	int day;
	bool ok;

	memset(m, 0, sizeof *m);
	memset(&c, 0, sizeof c);
	m->year = year;
	m->month = month;
	m->days = date_days_in_month(year, month);
	if (!opening_load(s, &o, err))
		return false;
	m->nslots = o.nslots;
	c.s = s;
	c.m = m;
	c.o = &o;
	if (room_list(s, keep_room, &c.rooms, err) < 0) {
		free(c.rooms.v);
		return false;
	}
	m->nrooms = c.rooms.n;
	for (day = 1; day <= m->days; day++) {
		m->closed[day] = opening_closed(s, &o, (struct date){year, month, day}, NULL);
		m->open[day] = m->closed[day] ? 0 : m->nrooms * m->nslots;
	}
	q.year = year;
	q.month = month;
	ok = record_list(s, kind_find("booking"), &q, count_booking, &c, err) >= 0;
	for (day = 0; day < 32; day++)
		free(c.held[day]);
	free(c.rooms.v);
	return ok;
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
