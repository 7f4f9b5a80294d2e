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

const char *
dayplan_kind_name(enum dayplan_kind k)
{
	static const char *const names[] = {"booking", "meeting", "use", "event"};

	return names[k];
}

const char *
dayplan_kind_label(enum dayplan_kind k)
{
	return kind_label(kind_find(dayplan_kind_name(k)));
}

const char *
dayplan_kind_mark(enum dayplan_kind k)
{
	/* TRANSLATORS: one-character marks on the day grid and the week for a
	 * booking, meeting, facility use and event (予 会 利 行). */
	static const char *const marks[] = {N_("B"), N_("M"), N_("U"), N_("E")};

	return _(marks[k]);
}

/* The label of a choice field's code, "" for none. */
static const char *
choice_label(const struct kind *k, const char *field, const char *code)
{
	const char *l;

	if (code == NULL || code[0] == '\0')
		return "";
	l = field_choice_label(&k->fields[kind_field(k, field)], code);
	return l != NULL ? l : code;
}

struct items {
	struct dayplan_item *v;
	int n, cap;
};

/* Columns: uuid, date, start, end, name, detail, status, people, room. */
static void
keep_item(struct items *c, enum dayplan_kind kind, sqlite3_stmt *st)
{
	const struct kind *k = kind_find(dayplan_kind_name(kind));
	struct dayplan_item *it;
	struct dayplan_entry *e;
	const char *name = text(st, 4), *detail = text(st, 5);

	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->v = xreallocarray(c->v, (size_t)c->cap, sizeof *c->v);
	}
	it = &c->v[c->n++];
	memset(it, 0, sizeof *it);
	e = &it->e;
	e->kind = kind;
	if (!date_parse(text(st, 1), &it->date))
		it->date = (struct date){0, 0, 0};
	snprintf(e->uuid, sizeof e->uuid, "%s", text(st, 0));
	/* What the kind's detail column holds is a code but for a booking. */
	if (kind == DAYPLAN_MEETING)
		detail = choice_label(k, "kind", detail);
	else if (kind == DAYPLAN_USE)
		detail = choice_label(k, "category", detail);
	else if (kind == DAYPLAN_EVENT)
		detail = choice_label(k, "field", detail);
	/* A use by no named group is known by its category. */
	snprintf(e->group, sizeof e->group, "%s", name[0] != '\0' ? name : detail);
	snprintf(e->purpose, sizeof e->purpose, "%s", detail);
	snprintf(e->status, sizeof e->status, "%s", text(st, 6));
	e->people = atol(text(st, 7));
	snprintf(it->room_name, sizeof it->room_name, "%s", text(st, 8));
	e->timed = time_parse(text(st, 2), &e->start) && time_parse(text(st, 3), &e->end);
	if (!e->timed)
		e->start = e->end = 0;
	e->first_slot = e->last_slot = -1;
}

/* The date, then the time (those without first), bookings before the
 * others, then the id: the same order every time. */
static int
by_date_then_start(const void *a, const void *b)
{
	const struct dayplan_item *x = a, *y = b;
	int c = date_compare(x->date, y->date);

	if (c != 0)
		return c;
	if (x->e.timed != y->e.timed)
		return x->e.timed ? 1 : -1;
	if (x->e.start != y->e.start)
		return x->e.start < y->e.start ? -1 : 1;
	if (x->e.kind != y->e.kind)
		return x->e.kind < y->e.kind ? -1 : 1;
	return strcmp(x->e.uuid, y->e.uuid);
}

/* Every booking, meeting and use (and event, unless rooms_only) of this
 * store from first for ndays, in date and time order.  With rooms_only a
 * meeting counts only when it names a room of the room list. */
static bool
read_items(struct store *s, struct date first, int ndays, bool rooms_only, struct items *c,
    struct error *err)
{
	static const struct {
		enum dayplan_kind kind;
		const char *sql;
	} q[] = {
		/* A used booking shows who came, from its use. */
		{DAYPLAN_BOOKING, "SELECT b.uuid, b.date, b.start, b.\"end\", b.\"group\", "
		    "b.purpose, b.status, coalesce((SELECT f.people FROM facility_use f WHERE "
		    "f.booking = b.uuid AND f.deleted = 0 AND f.people IS NOT NULL), b.people), "
		    "b.room FROM booking b WHERE b.deleted = 0 AND b.date >= ?1 AND b.date < ?2 "
		    "AND b.origin = ?3 AND b.status <> 'cancelled'"},
		{DAYPLAN_MEETING, "SELECT uuid, date, start, \"end\", title, kind, '', attendees, "
		    "room FROM meeting m WHERE deleted = 0 AND date >= ?1 AND date < ?2 AND "
		    "origin = ?3 AND (?4 = 0 OR EXISTS (SELECT 1 FROM room r WHERE r.deleted = 0 "
		    "AND r.name = m.room))"},
		/* A check-in's use is its booking, shown as the booking. */
		{DAYPLAN_USE, "SELECT uuid, date, start, \"end\", \"group\", category, '', people, "
		    "room FROM facility_use f WHERE deleted = 0 AND date >= ?1 AND date < ?2 AND "
		    "origin = ?3 AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.uuid = f.booking "
		    "AND b.deleted = 0 AND b.status <> 'cancelled' AND b.date = f.date AND "
		    "b.origin = f.origin)"},
		{DAYPLAN_EVENT, "SELECT uuid, date, start, \"end\", title, field, '', participants, "
		    "'' FROM event WHERE deleted = 0 AND date >= ?1 AND date < ?2 AND origin = ?3 "
		    "AND ?4 = 0"},
	};
	sqlite3_stmt *st;
	char from[11], to[11];
	size_t i;
	int rc = SQLITE_DONE;

	date_format(first, from);
	date_format(date_add_days(first, ndays), to);
	for (i = 0; i < sizeof q / sizeof q[0] && rc == SQLITE_DONE; i++) {
		rc = store_prepare(s, q[i].sql, &st);
		if (rc != SQLITE_OK)
			break;
		sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, store_origin(s), -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, rooms_only);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			keep_item(c, q[i].kind, st);
		store_done(s, st);
	}
	if (rc != SQLITE_DONE) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	if (c->n > 1)
		qsort(c->v, (size_t)c->n, sizeof *c->v, by_date_then_start);
	return true;
}

static int
by_room_then_start(const void *a, const void *b)
{
	const struct dayplan_entry *x = a, *y = b;

	if (x->room != y->room)
		return x->room < y->room ? -1 : 1;
	if (x->timed != y->timed)
		return x->timed ? 1 : -1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->uuid, y->uuid);
}

bool
dayplan_load(struct store *s, struct date day, struct dayplan *p, struct error *err)
{
	struct rooms rooms = {NULL, 0, 0};
	struct items c = {NULL, 0, 0};
	struct buf why = {0};
	struct dayplan_entry *e;
	int i;

	memset(p, 0, sizeof *p);
	p->day = day;
	if (!opening_load(s, &p->opening, err))
		return false;
	p->closed = opening_closed(s, &p->opening, day, &why);
	snprintf(p->why, sizeof p->why, "%s", buf_str(&why));
	buf_free(&why);
	if (room_list(s, keep_room, &rooms, err) < 0) {
		free(rooms.v);
		return false;
	}
	if (!read_items(s, day, 1, true, &c, err)) {
		free(rooms.v);
		free(c.v);
		return false;
	}
	/* In time order, so that rooms out of use are added in the order they
	 * first appear. */
	p->entries = xreallocarray(NULL, (size_t)(c.n > 0 ? c.n : 1), sizeof *p->entries);
	for (i = 0; i < c.n; i++) {
		e = &p->entries[p->nentries++];
		*e = c.v[i].e;
		e->room = room_index(&rooms, c.v[i].room_name);
		if (e->timed)
			dayplan_slots(&p->opening, e->start, e->end, &e->first_slot,
			    &e->last_slot);
	}
	free(c.v);
	p->rooms = rooms.v;
	p->nrooms = rooms.n;
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

int
dayplan_untimed(const struct dayplan *p, int room, int *idx, int max)
{
	int i, n = 0;

	for (i = 0; i < p->nentries; i++) {
		if (p->entries[i].room != room || p->entries[i].timed)
			continue;
		if (n < max)
			idx[n] = i;
		n++;
	}
	return n;
}

void
dayplan_entry_times(const struct dayplan_entry *e, char *out)
{
	out[0] = '\0';
	if (!e->timed)
		return;
	time_format(e->start, out);
	out[5] = '-';
	time_format(e->end, out + 6);
}

struct date
dayplan_week_start(struct date d)
{
	return date_add_days(d, -date_weekday(d));
}

bool
dayplan_week_load(struct store *s, struct date first, int ndays, struct dayplan_week *w,
    struct error *err)
{
	struct rooms rooms = {NULL, 0, 0};
	int d, i, *map;

	memset(w, 0, sizeof *w);
	w->first = first;
	if (ndays > DAYPLAN_WEEK)
		ndays = DAYPLAN_WEEK;
	for (d = 0; d < ndays; d++) {
		w->ndays = d + 1;
		if (!dayplan_load(s, date_add_days(first, d), &w->day[d], err)) {
			w->rooms = rooms.v;
			dayplan_week_free(w);
			return false;
		}
		/* Every day starts with the same active rooms: the week's list
		 * is theirs, then each other room as it first appears. */
		map = xreallocarray(NULL, (size_t)(w->day[d].nrooms + 1), sizeof *map);
		for (i = 0; i < w->day[d].nrooms; i++) {
			map[i] = room_index(&rooms, w->day[d].rooms[i].name);
			rooms.v[map[i]] = w->day[d].rooms[i];
		}
		for (i = 0; i < w->day[d].nentries; i++)
			w->day[d].entries[i].room = map[w->day[d].entries[i].room];
		free(map);
		free(w->day[d].rooms);
		w->day[d].rooms = NULL;
		w->day[d].nrooms = 0;
	}
	w->rooms = rooms.v;
	w->nrooms = rooms.n;
	return true;
}

void
dayplan_week_free(struct dayplan_week *w)
{
	int d;

	for (d = 0; d < w->ndays; d++)
		dayplan_free(&w->day[d]);
	free(w->rooms);
	w->rooms = NULL;
	w->nrooms = w->ndays = 0;
}

bool
dayplan_agenda_load(struct store *s, struct date first, int ndays, bool rooms_only,
    struct dayplan_agenda *ag, struct error *err)
{
	struct items c = {NULL, 0, 0};

	memset(ag, 0, sizeof *ag);
	ag->first = first;
	ag->ndays = ndays;
	if (!read_items(s, first, ndays, rooms_only, &c, err)) {
		free(c.v);
		return false;
	}
	ag->items = c.v;
	ag->nitems = c.n;
	return true;
}

void
dayplan_agenda_free(struct dayplan_agenda *ag)
{
	free(ag->items);
	ag->items = NULL;
	ag->nitems = 0;
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

/* Columns: date, start, end, room, whether it is a booking. */
static void
count_booking(struct month_ctx *c, sqlite3_stmt *st)
{
	struct date d;
	int start, end, first, last, room, slot;

	if (!date_parse(text(st, 0), &d) || d.day < 1 || d.day > 31)
		return;
	if (!time_parse(text(st, 1), &start) || !time_parse(text(st, 2), &end))
		return;
	if (sqlite3_column_int(st, 4))
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
	/* Only the columns counted, of what holds a room (as the day's grid
	 * has it: bookings, meetings in one of the rooms, uses but a
	 * check-in's): ranges of the *_by_date indexes and the month's rows
	 * (a covering index for this one question would cost every booking
	 * saved and city hall's import more than the month's hundred rows
	 * cost here). */
	date_month_range(year, month, from, to);
	rc = store_prepare(s, "SELECT date, start, \"end\", room, 1 FROM booking WHERE deleted = 0 "
	    "AND date >= ?1 AND date < ?2 AND origin = ?3 AND status <> 'cancelled' "
	    "UNION ALL SELECT date, start, \"end\", room, 0 FROM meeting m WHERE deleted = 0 "
	    "AND date >= ?1 AND date < ?2 AND origin = ?3 AND EXISTS (SELECT 1 FROM room r "
	    "WHERE r.deleted = 0 AND r.name = m.room) "
	    "UNION ALL SELECT date, start, \"end\", room, 0 FROM facility_use f WHERE "
	    "deleted = 0 AND date >= ?1 AND date < ?2 AND origin = ?3 AND NOT EXISTS (SELECT 1 "
	    "FROM booking b WHERE b.uuid = f.booking AND b.deleted = 0 AND b.status <> "
	    "'cancelled' AND b.date = f.date AND b.origin = f.origin)", &st);
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
