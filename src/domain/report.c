/* report — see report.h. */
#include "report.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/csv.h"
#include "base/date.h"
#include "base/i18n.h"
#include "base/money.h"
#include "record.h"
#include "base/text.h"

static const char *const categories[REPORT_CATEGORIES] = {
	"own", "body", "group", "individual", "city",
};

const char *
report_category(int i)
{
	return categories[i];
}

static int
category_index(const char *code)
{
	int i;

	for (i = 0; code != NULL && i < REPORT_CATEGORIES; i++)
		if (strcmp(code, categories[i]) == 0)
			return i;
	return -1;
}

/* Finds or adds the row of a room. */
static struct report_row *
row_for(struct report *r, const char *room, int *cap)
{
	int i;

	for (i = 0; i < r->nrows; i++)
		if (strcmp(r->rows[i].room, room) == 0)
			return &r->rows[i];
	if (r->nrows == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		r->rows = xreallocarray(r->rows, (size_t)*cap, sizeof *r->rows);
	}
	memset(&r->rows[r->nrows], 0, sizeof r->rows[0]);
	snprintf(r->rows[r->nrows].room, sizeof r->rows[0].room, "%s", room);
	return &r->rows[r->nrows++];
}

static int
tenths(long part, long whole)
{
	if (whole <= 0)
		return 0;
	return (int)((part * 2000 + whole) / (2 * whole));
}

bool
report_monthly(struct store *s, int year, int month, struct report *r, struct error *err)
{
	return report_monthly_center(s, year, month, NULL, r, err);
}

static bool aggregate(struct store *s, int year, int month, const char *origin,
    struct report *r, struct error *err);

bool
report_monthly_center(struct store *s, int year, int month, const char *center,
    struct report *r, struct error *err)
{
	return aggregate(s, year, month, center != NULL ? center : store_origin(s), r, err);
}

/* Each center's row is its own report's total, so the overview and every
 * center's report always agree. */
void
report_center_name(struct store *s, const char *code, char *out, size_t size)
{
	sqlite3_stmt *st;

	snprintf(out, size, "%s", code);
	if (store_prepare(s, "SELECT name FROM peer WHERE code = ?1 AND name <> ''", &st) !=
	    SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	store_done(s, st);
}

bool
report_month(struct store *s, int year, int month, const char *center, struct report *r,
    struct error *err)
{
	return store_kind(s) == STORE_CITY && center == NULL ?
	    report_centers(s, year, month, r, err) :
	    report_monthly_center(s, year, month, center, r, err);
}

bool
report_centers(struct store *s, int year, int month, struct report *r, struct error *err)
{
	sqlite3_stmt *st;
	struct report one;
	struct report_row *row;
	char code[sizeof r->rows[0].code];
	long room_days_open = 0;
	int cap = 0, d, c;

	memset(r, 0, sizeof *r);
	r->year = year;
	r->month = month;
	r->by_center = true;
	if (!opening_load(s, &r->opening, err))
		return false;
	if (store_prepare(s, "SELECT code, ifnull(nullif(name, ''), code) FROM peer "
	    "WHERE code <> 'city' ORDER BY code", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(code, sizeof code, "%s", (const char *)sqlite3_column_text(st, 0));
		row = row_for(r, code, &cap);
		snprintf(row->code, sizeof row->code, "%s", code);
		snprintf(row->room, sizeof row->room, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	store_done(s, st);
	for (c = 0; c < r->nrows; c++) {
		char name[sizeof row->room];

		row = &r->rows[c];
		snprintf(code, sizeof code, "%s", row->code);
		snprintf(name, sizeof name, "%s", row->room);
		if (!aggregate(s, year, month, code, &one, err)) {
			report_free(r);
			return false;
		}
		*row = one.total;
		snprintf(row->room, sizeof row->room, "%s", name);
		snprintf(row->code, sizeof row->code, "%s", code);
		r->days_open = one.days_open;
		room_days_open += (long)one.days_open * one.nrows;
		r->own_sessions += one.own_sessions;
		r->own_attendance += one.own_attendance;
		for (d = 0; d < 32; d++)
			r->per_day[d] += one.per_day[d];
		report_free(&one);
	}
	snprintf(r->total.room, sizeof r->total.room, "%s", _("Total"));
	for (c = 0; c < r->nrows; c++) {
		row = &r->rows[c];
		r->total.uses += row->uses;
		r->total.users += row->users;
		r->total.days_used += row->days_used;
		r->total.fee += row->fee;
		r->total.waived += row->waived;
		r->total.meetings += row->meetings;
		r->total.attendees += row->attendees;
		r->total.events += row->events;
		r->total.participants += row->participants;
		r->total.volunteers += row->volunteers;
		for (d = 0; d < REPORT_CATEGORIES; d++)
			r->total.by_category[d] += row->by_category[d];
		for (d = 0; d <= OPENING_MAX_SLOTS; d++)
			r->total.by_slot[d] += row->by_slot[d];
	}
	r->total.occupancy_tenths = tenths(r->total.days_used, room_days_open);
	return true;
}

static void
add_room_rows(struct store *s, const char *origin, struct report *r, int *cap)
{
	sqlite3_stmt *st;

	if (store_prepare(s, "SELECT name FROM room WHERE deleted = 0 AND "
	    "active = 'yes' AND origin = ? ORDER BY name", &st) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		row_for(r, (const char *)sqlite3_column_text(st, 0), cap);
	store_done(s, st);
}

/* The month's meetings (events: true, its events) of one origin, by date:
 * listed in r and counted in its total row. */
static bool
read_activity(struct store *s, bool events, const char *origin, const char *from,
    const char *to, struct report *r)
{
	sqlite3_stmt *st;
	struct report_item *it, **list = events ? &r->event_list : &r->meeting_list;
	int *n = events ? &r->nevent_list : &r->nmeeting_list, cap = 0, rc;

	if (store_prepare(s, events ?
	    "SELECT date, ifnull(start, ''), title, ifnull(participants, 0), "
	    "ifnull(volunteers, 0) FROM event WHERE deleted = 0 AND origin = ?3 AND "
	    "date >= ?1 AND date < ?2 ORDER BY date, start, uuid" :
	    "SELECT date, ifnull(start, ''), title, ifnull(attendees, 0), 0 FROM meeting "
	    "WHERE deleted = 0 AND origin = ?3 AND date >= ?1 AND date < ?2 "
	    "ORDER BY date, start, uuid", &st) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, origin, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*list = xreallocarray(*list, (size_t)cap, sizeof **list);
		}
		it = &(*list)[(*n)++];
		memset(it, 0, sizeof *it);
		snprintf(it->date, sizeof it->date, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(it->start, sizeof it->start, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(it->title, sizeof it->title, "%s", (const char *)sqlite3_column_text(st, 2));
		it->people = sqlite3_column_int64(st, 3);
		it->volunteers = sqlite3_column_int64(st, 4);
		if (events) {
			r->total.events++;
			r->total.participants += it->people;
			r->total.volunteers += it->volunteers;
		} else {
			r->total.meetings++;
			r->total.attendees += it->people;
		}
	}
	store_done(s, st);
	return rc == SQLITE_DONE;
}

static bool
aggregate(struct store *s, int year, int month, const char *origin, struct report *r,
    struct error *err)
{
	sqlite3_stmt *st;
	char from[11], to[11];
	int cap = 0, i, rc, day, start, end, slot, cat;
	bool closed[32];
	struct report_row *row;

	memset(r, 0, sizeof *r);
	r->year = year;
	r->month = month;
	if (!opening_load(s, &r->opening, err))
		return false;
	date_month_range(year, month, from, to);
	if (!opening_closed_month(s, &r->opening, year, month, origin, closed)) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	for (day = 1; day <= date_days_in_month(year, month); day++)
		r->days_open += !closed[day];
	add_room_rows(s, origin, r, &cap);
	/* One range scan of the (origin, date) index: the report reads only
	 * its center's month. */
	if (store_prepare(s, "SELECT u.room, u.date, ifnull(u.start, ''), "
	    "ifnull(u.\"end\", ''), u.category, ifnull(u.people, 0), ifnull(u.fee, 0), "
	    "ifnull(u.exemption, 0) FROM facility_use u WHERE u.deleted = 0 AND u.origin = ?3 "
	    "AND u.date >= ?1 AND u.date < ?2", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		report_free(r);
		return false;
	}
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, origin, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long people = sqlite3_column_int(st, 5);

		row = row_for(r, (const char *)sqlite3_column_text(st, 0), &cap);
		day = atoi((const char *)sqlite3_column_text(st, 1) + 8);
		row->uses++;
		row->users += people;
		row->day_mask |= 1u << (day - 1);
		row->fee += sqlite3_column_int64(st, 6);
		row->waived += sqlite3_column_int64(st, 7);
		cat = category_index((const char *)sqlite3_column_text(st, 4));
		if (cat >= 0)
			row->by_category[cat]++;
		if (cat == 0) {
			r->own_sessions++;
			r->own_attendance += people;
		}
		slot = r->opening.nslots;
		if (time_parse((const char *)sqlite3_column_text(st, 2), &start) &&
		    time_parse((const char *)sqlite3_column_text(st, 3), &end)) {
			slot = opening_slot_of(&r->opening, start, end);
			if (slot < 0)
				slot = r->opening.nslots;
		}
		row->by_slot[slot]++;
		r->per_day[day]++;
	}
	store_done(s, st);
	if (rc != SQLITE_DONE) {
		store_sql_error(s, _("Reading"), err);
		report_free(r);
		return false;
	}
	snprintf(r->total.room, sizeof r->total.room, "%s", _("Total"));
	for (i = 0; i < r->nrows; i++) {
		row = &r->rows[i];
		row->days_used = __builtin_popcount(row->day_mask);
		row->occupancy_tenths = tenths(row->days_used, r->days_open);
		r->total.uses += row->uses;
		r->total.users += row->users;
		r->total.days_used += row->days_used;
		r->total.fee += row->fee;
		r->total.waived += row->waived;
		for (cat = 0; cat < REPORT_CATEGORIES; cat++)
			r->total.by_category[cat] += row->by_category[cat];
		for (slot = 0; slot <= OPENING_MAX_SLOTS; slot++)
			r->total.by_slot[slot] += row->by_slot[slot];
	}
	/* The center as a whole: room-days used over room-days open. */
	r->total.occupancy_tenths = tenths(r->total.days_used, (long)r->days_open * r->nrows);
	if (!read_activity(s, false, origin, from, to, r) ||
	    !read_activity(s, true, origin, from, to, r)) {
		store_sql_error(s, _("Reading"), err);
		report_free(r);
		return false;
	}
	return true;
}

void
report_free(struct report *r)
{
	free(r->rows);
	free(r->meeting_list);
	free(r->event_list);
	r->rows = NULL;
	r->meeting_list = r->event_list = NULL;
	r->nrows = r->nmeeting_list = r->nevent_list = 0;
}

static const char *
category_label(int i)
{
	const struct kind *k = kind_find("use");

	return field_choice_label(&k->fields[kind_field(k, "category")], categories[i]);
}

const char *
report_category_label(int i)
{
	return category_label(i);
}

static void
cell_num(struct buf *b, long long v, int width)
{
	char t[32];

	buf_addc(b, ' ');
	snprintf(t, sizeof t, "%lld", v);
	text_pad(b, t, width, true);
}

static void
cell_pct(struct buf *b, int tenths_v, int width)
{
	char t[32];

	buf_addc(b, ' ');
	snprintf(t, sizeof t, "%d.%d%%", tenths_v / 10, tenths_v % 10);
	text_pad(b, t, width, true);
}

static void
cell_head(struct buf *b, const char *label, int width)
{
	buf_addc(b, ' ');
	text_pad(b, label, width, true);
}

static void
end_line(struct buf *b)
{
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
	buf_addc(b, '\n');
}

#define ROOM_W 12

static void
main_table_row(struct buf *b, const struct report_row *row)
{
	text_pad(b, row->room, ROOM_W, false);
	cell_num(b, row->uses, 6);
	cell_num(b, row->users, 12);
	cell_num(b, row->days_used, 9);
	cell_pct(b, row->occupancy_tenths, 9);
	money_cell(b, row->fee, 10);
	money_cell(b, row->waived, 10);
	end_line(b);
}

static void
rule(struct buf *b, int width)
{
	for (; width > 0; width--)
		buf_addc(b, '-');
	buf_addc(b, '\n');
}

void
report_activity_line(const struct report *r, bool events, char *out, size_t size)
{
	const struct report_row *t = &r->total;

	if (events)
		snprintf(out, size, _("Events: %ld, participants: %ld, volunteers: %ld"),
		    t->events, t->participants, t->volunteers);
	else
		snprintf(out, size, _("Meetings: %ld, attendees in total: %ld"), t->meetings,
		    t->attendees);
}

#define TITLE_W 36

/* A center's meetings or events of the month, one a line. */
static void
item_table(struct buf *b, const char *heading, const struct report_item *it, int n, bool events)
{
	int i;

	if (n == 0)
		return;
	buf_printf(b, "\n%s\n", heading);
	text_pad(b, _("Date"), 10, false);
	buf_addc(b, ' ');
	text_pad(b, _("Title"), TITLE_W, false);
	cell_head(b, events ? _("Participants") : _("Attendees"), 10);
	if (events)
		cell_head(b, _("Volunteers"), 14);
	end_line(b);
	for (i = 0; i < n; i++) {
		text_pad(b, it[i].date, 10, false);
		buf_addc(b, ' ');
		text_pad(b, it[i].title, TITLE_W, false);
		cell_num(b, it[i].people, 10);
		if (events)
			cell_num(b, it[i].volunteers, 14);
		end_line(b);
	}
}

void
report_text(const struct report *r, struct buf *out)
{
	char era[64], slot[32], line[256];
	int i, s, c;

	era_format_month(r->year, r->month, i18n_lang() == LANG_JA ? ERA_JA : ERA_EN, era,
	    sizeof era);
	buf_printf(out, _("Monthly usage report %04d-%02d"), r->year, r->month);
	buf_printf(out, "  %s\n", era);
	buf_printf(out, _("Days open: %d"), r->days_open);
	buf_addc(out, '\n');
	buf_addc(out, '\n');
	text_pad(out, r->by_center ? _("Center") : _("Room"), ROOM_W, false);
	cell_head(out, _("Uses"), 6);
	cell_head(out, _("Users"), 12);
	cell_head(out, _("Days used"), 9);
	cell_head(out, _("Occupancy"), 9);
	cell_head(out, _("Fees"), 10);
	cell_head(out, _("Waived"), 10);
	end_line(out);
	rule(out, 74);
	for (i = 0; i < r->nrows; i++)
		main_table_row(out, &r->rows[i]);
	rule(out, 74);
	main_table_row(out, &r->total);

	buf_printf(out, "\n%s\n", _("Uses by category"));
	text_pad(out, _("Room"), ROOM_W, false);
	for (c = 0; c < REPORT_CATEGORIES; c++)
		cell_head(out, category_label(c), 10);
	end_line(out);
	for (i = 0; i <= r->nrows; i++) {
		const struct report_row *row = i < r->nrows ? &r->rows[i] : &r->total;

		text_pad(out, row->room, ROOM_W, false);
		for (c = 0; c < REPORT_CATEGORIES; c++)
			cell_num(out, row->by_category[c], 10);
		end_line(out);
	}

	buf_printf(out, "\n%s\n", _("Uses by time slot"));
	text_pad(out, _("Room"), ROOM_W, false);
	for (s = 0; s < r->opening.nslots; s++) {
		opening_slot_name(&r->opening, s, slot, sizeof slot);
		cell_head(out, slot, 11);
	}
	cell_head(out, _("Other times"), 11);
	end_line(out);
	for (i = 0; i <= r->nrows; i++) {
		const struct report_row *row = i < r->nrows ? &r->rows[i] : &r->total;

		text_pad(out, row->room, ROOM_W, false);
		for (s = 0; s <= r->opening.nslots; s++)
			cell_num(out, row->by_slot[s], 11);
		end_line(out);
	}
	buf_addc(out, '\n');
	buf_printf(out, P_("Center programs: %ld session", "Center programs: %ld sessions",
	    (unsigned long)r->own_sessions), r->own_sessions);
	buf_printf(out, P_(", %ld attendee", ", %ld attendees", (unsigned long)r->own_attendance),
	    r->own_attendance);
	buf_addc(out, '\n');
	report_activity_line(r, false, line, sizeof line);
	buf_printf(out, "%s\n", line);
	report_activity_line(r, true, line, sizeof line);
	buf_printf(out, "%s\n", line);
	item_table(out, _("Meetings"), r->meeting_list, r->nmeeting_list, false);
	item_table(out, _("Events"), r->event_list, r->nevent_list, true);
}

static void
csv_num(struct buf *b, long long v)
{
	char t[32];

	snprintf(t, sizeof t, "%lld", v);
	csv_field(b, t, false);
}

/* The meetings' and events' columns and rows, in this order everywhere. */
static const char *const activity_heads[5] = {
	N_("Meetings held"), N_("Meeting attendees"), N_("Events held"),
	N_("Event participants"), N_("Event volunteers"),
};

void
report_csv(const struct report *r, struct buf *out)
{
	char slot[32], pct[16];
	int i, c, s;

	csv_field(out, r->by_center ? _("Center") : _("Room"), true);
	csv_field(out, _("Uses"), false);
	csv_field(out, _("Users"), false);
	csv_field(out, _("Days used"), false);
	csv_field(out, _("Days open"), false);
	csv_field(out, _("Occupancy (%)"), false);
	csv_field(out, _("Fees"), false);
	csv_field(out, _("Waived"), false);
	for (c = 0; c < REPORT_CATEGORIES; c++)
		csv_field(out, category_label(c), false);
	for (s = 0; s < r->opening.nslots; s++) {
		opening_slot_name(&r->opening, s, slot, sizeof slot);
		csv_field(out, slot, false);
	}
	csv_field(out, _("Other times"), false);
	for (c = 0; c < 5; c++)
		csv_field(out, _(activity_heads[c]), false);
	csv_end_row(out);
	for (i = 0; i <= r->nrows; i++) {
		const struct report_row *row = i < r->nrows ? &r->rows[i] : &r->total;

		csv_field(out, row->room, true);
		csv_num(out, row->uses);
		csv_num(out, row->users);
		csv_num(out, row->days_used);
		csv_num(out, i < r->nrows ? r->days_open : (long long)r->days_open * r->nrows);
		snprintf(pct, sizeof pct, "%d.%d", row->occupancy_tenths / 10,
		    row->occupancy_tenths % 10);
		csv_field(out, pct, false);
		csv_num(out, row->fee);
		csv_num(out, row->waived);
		for (c = 0; c < REPORT_CATEGORIES; c++)
			csv_num(out, row->by_category[c]);
		for (s = 0; s <= r->opening.nslots; s++)
			csv_num(out, row->by_slot[s]);
		if (i == r->nrows || r->by_center) {
			csv_num(out, row->meetings);
			csv_num(out, row->attendees);
			csv_num(out, row->events);
			csv_num(out, row->participants);
			csv_num(out, row->volunteers);
		} else {
			for (c = 0; c < 5; c++)
				csv_field(out, "", false);
		}
		csv_end_row(out);
	}
}

/* Meetings (events: true, events) per month of the fiscal year. */
static bool
year_activity(struct store *s, bool events, const char *from, const char *to,
    struct report_year *y)
{
	sqlite3_stmt *st;
	int m, rc;

	if (store_prepare(s, events ?
	    "SELECT CAST(substr(date, 6, 2) AS INTEGER), count(*), sum(ifnull(participants, 0)), "
	    "sum(ifnull(volunteers, 0)) FROM event WHERE deleted = 0 AND date >= ? AND date < ? "
	    "GROUP BY 1" :
	    "SELECT CAST(substr(date, 6, 2) AS INTEGER), count(*), sum(ifnull(attendees, 0)), 0 "
	    "FROM meeting WHERE deleted = 0 AND date >= ? AND date < ? GROUP BY 1",
	    &st) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m = (sqlite3_column_int(st, 0) + 8) % 12;
		if (events) {
			y->events[m] = sqlite3_column_int64(st, 1);
			y->participants[m] = sqlite3_column_int64(st, 2);
			y->volunteers[m] = sqlite3_column_int64(st, 3);
		} else {
			y->meetings[m] = sqlite3_column_int64(st, 1);
			y->attendees[m] = sqlite3_column_int64(st, 2);
		}
	}
	store_done(s, st);
	return rc == SQLITE_DONE;
}

/* The year's activity rows in activity_heads' order. */
static const long *
year_activity_row(const struct report_year *y, int i)
{
	const long *rows[5] = {y->meetings, y->attendees, y->events, y->participants,
	    y->volunteers};

	return rows[i];
}

bool
report_year(struct store *s, int fy, struct report_year *y, struct error *err)
{
	sqlite3_stmt *st;
	char from[11], to[11];
	int cap = 0, i, m, rc;

	memset(y, 0, sizeof *y);
	y->fy = fy;
	date_format((struct date){fy, 4, 1}, from);
	date_format((struct date){fy + 1, 4, 1}, to);
	if (store_prepare(s, "SELECT room, CAST(substr(date, 6, 2) AS INTEGER), "
	    "count(*), sum(ifnull(people, 0)) FROM facility_use WHERE deleted = 0 AND date >= ? "
	    "AND date < ? GROUP BY 1, 2 ORDER BY 1", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *room = (const char *)sqlite3_column_text(st, 0);

		for (i = 0; i < y->nrows && strcmp(y->rows[i].room, room) != 0; i++)
			;
		if (i == y->nrows) {
			if (y->nrows == cap) {
				cap = cap ? cap * 2 : 16;
				y->rows = xreallocarray(y->rows, (size_t)cap, sizeof *y->rows);
			}
			memset(&y->rows[i], 0, sizeof y->rows[0]);
			snprintf(y->rows[i].room, sizeof y->rows[i].room, "%s", room);
			y->nrows++;
		}
		/* Column 0 is April, 11 is March. */
		m = (sqlite3_column_int(st, 1) + 8) % 12;
		y->rows[i].uses[m] = sqlite3_column_int64(st, 2);
		y->rows[i].users[m] = sqlite3_column_int64(st, 3);
		y->total_uses[m] += y->rows[i].uses[m];
		y->total_users[m] += y->rows[i].users[m];
	}
	store_done(s, st);
	if (rc != SQLITE_DONE || !year_activity(s, false, from, to, y) ||
	    !year_activity(s, true, from, to, y)) {
		store_sql_error(s, _("Reading"), err);
		report_year_free(y);
		return false;
	}
	return true;
}

void
report_year_free(struct report_year *y)
{
	free(y->rows);
	y->rows = NULL;
	y->nrows = 0;
}

long
report_year_sum(const long months[12])
{
	long t = 0;
	int i;

	for (i = 0; i < 12; i++)
		t += months[i];
	return t;
}

void
report_year_text(const struct report_year *y, struct buf *out)
{
	char era[64], m[8];
	int i, c;

	era_format_fy(y->fy, i18n_lang() == LANG_JA ? ERA_JA : ERA_EN, era, sizeof era);
	buf_printf(out, _("Uses by month, %s"), era);
	buf_addc(out, '\n');
	buf_addc(out, '\n');
	text_pad(out, _("Room"), 10, false);
	for (c = 0; c < 12; c++) {
		snprintf(m, sizeof m, _("%dm"), (c + 3) % 12 + 1);
		cell_head(out, m, 4);
	}
	cell_head(out, _("Total"), 5);
	end_line(out);
	for (i = 0; i < y->nrows; i++) {
		text_pad(out, y->rows[i].room, 10, false);
		for (c = 0; c < 12; c++)
			cell_num(out, y->rows[i].uses[c], 4);
		cell_num(out, report_year_sum(y->rows[i].uses), 5);
		end_line(out);
	}
	text_pad(out, _("Total"), 10, false);
	for (c = 0; c < 12; c++)
		cell_num(out, y->total_uses[c], 4);
	cell_num(out, report_year_sum(y->total_uses), 5);
	end_line(out);
	text_pad(out, _("Users"), 10, false);
	for (c = 0; c < 12; c++)
		cell_num(out, y->total_users[c], 4);
	cell_num(out, report_year_sum(y->total_users), 5);
	end_line(out);
	buf_addc(out, '\n');
	for (i = 0; i < 5; i++) {
		const long *row = year_activity_row(y, i);

		buf_printf(out, "%s\n", _(activity_heads[i]));
		text_pad(out, "", 10, false);
		for (c = 0; c < 12; c++)
			cell_num(out, row[c], 4);
		cell_num(out, report_year_sum(row), 5);
		end_line(out);
	}
}

void
report_year_csv(const struct report_year *y, struct buf *out)
{
	char m[16];
	int i, c;

	csv_field(out, _("Room"), true);
	for (c = 0; c < 12; c++) {
		snprintf(m, sizeof m, "%04d-%02d", c < 9 ? y->fy : y->fy + 1, (c + 3) % 12 + 1);
		csv_field(out, m, false);
	}
	csv_field(out, _("Total"), false);
	csv_end_row(out);
	for (i = 0; i <= y->nrows; i++) {
		const long *uses = i < y->nrows ? y->rows[i].uses : y->total_uses;

		csv_field(out, i < y->nrows ? y->rows[i].room : _("Total"), true);
		for (c = 0; c < 12; c++)
			csv_num(out, uses[c]);
		csv_num(out, report_year_sum(uses));
		csv_end_row(out);
	}
	for (i = 0; i < 5; i++) {
		const long *row = year_activity_row(y, i);

		csv_field(out, _(activity_heads[i]), true);
		for (c = 0; c < 12; c++)
			csv_num(out, row[c]);
		csv_num(out, report_year_sum(row));
		csv_end_row(out);
	}
}
