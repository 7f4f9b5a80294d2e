/* daygrid — the day grid drawn: see dayview.c and dayview.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/holiday.h"
#include "base/i18n.h"
#include "base/text.h"
#include "dayview.h"
#include "screens.h"
#include "seriesask.h"
#include "tui/draw.h"
#include "tui/fmt.h"

struct geometry {
	int room_w, slot_w, x0;
};

static struct geometry
geometry(const struct dayview *v)
{
	struct geometry g;
	int i, w, ns = v->p.opening.nslots > 0 ? v->p.opening.nslots : 1;

	g.x0 = 1;
	g.room_w = text_width(_("Room"));
	for (i = 0; i < v->p.nrooms; i++) {
		w = text_width(v->p.rooms[i].name);
		if (w > g.room_w)
			g.room_w = w;
	}
	/* A wide terminal gives long room names more of its width. */
	if (g.room_w > (COLS >= 120 ? 24 : 14))
		g.room_w = COLS >= 120 ? 24 : 14;
	if (g.room_w > COLS / 4)
		g.room_w = COLS / 4;
	/* Each slot: a separator column, then its cell. */
	g.slot_w = (COLS - g.x0 - g.room_w - 1) / ns - 1;
	if (g.slot_w < 1)
		g.slot_w = 1;
	return g;
}

static int
slot_x(const struct geometry *g, int s)
{
	return g->x0 + g->room_w + s * (g->slot_w + 1) + 1;
}

static void
draw_headings(const struct dayview *v, const struct geometry *g, int y)
{
	char name[64], a[6], b[6], text[128];
	int s;

	draw_pad(y, g->x0, g->room_w, _("Room"), false, ATTR_HEADER);
	for (s = 0; s < v->p.opening.nslots; s++) {
		opening_slot_name(&v->p.opening, s, name, sizeof name);
		time_format(v->p.opening.slot_start[s], a);
		time_format(v->p.opening.slot_end[s], b);
		if (strchr(name, ':') != NULL)
			snprintf(text, sizeof text, "%s", name);
		else
			snprintf(text, sizeof text, "%s %s-%s", name, a, b);
		draw_text(y, slot_x(g, s) - 1, 1, draw_ascii() ? "|" : "\xE2\x94\x82", ATTR_NORMAL);
		draw_pad(y, slot_x(g, s), g->slot_w, text, false, ATTR_HEADER);
	}
}

/* The text of a cell: the first entry's name (a meeting's or use's after
 * its mark), "+N" for the others. */
static void
cell_text(const struct dayview *v, const int *idx, int n, struct buf *out)
{
	const struct dayplan_entry *e = &v->p.entries[idx[0]];

	if (e->kind != DAYPLAN_BOOKING)
		buf_printf(out, "%s ", dayplan_kind_mark(e->kind));
	buf_adds(out, e->group);
	if (n > 1)
		buf_printf(out, " +%d", n - 1);
}

static void
draw_room_row(const struct dayview *v, const struct geometry *g, int room, int y)
{
	int idx[CELL_MAX], nidx[CELL_MAX], s, t, n, m, x, w;
	bool sel_row = room == v->room, sel;
	struct buf text = {0};
	enum tui_attr at;

	draw_pad(y, g->x0, g->room_w, v->p.rooms[room].name, false,
	    sel_row ? ATTR_HEADER : ATTR_NORMAL);
	for (s = 0; s < v->p.opening.nslots; s = t + 1) {
		n = dayplan_cell(&v->p, room, s, idx, CELL_MAX);
		t = s;
		/* One booking over several slots: one cell across them. */
		while (n == 1 && t + 1 < v->p.opening.nslots &&
		    (m = dayplan_cell(&v->p, room, t + 1, nidx, CELL_MAX)) == 1 &&
		    nidx[0] == idx[0])
			t++;
		x = slot_x(g, s);
		w = (t - s + 1) * (g->slot_w + 1) - 1;
		sel = sel_row && v->slot >= s && v->slot <= t;
		at = sel ? ATTR_SELECTED : n > 0 && v->p.entries[idx[0]].kind ==
		    DAYPLAN_BOOKING && strcmp(v->p.entries[idx[0]].status,
		    "booked") != 0 ? ATTR_DIM : ATTR_NORMAL;
		draw_text(y, x - 1, 1, draw_ascii() ? "|" : "\xE2\x94\x82", ATTR_NORMAL);
		buf_reset(&text);
		if (n > 0)
			cell_text(v, idx, n, &text);
		else if (v->p.closed)
			buf_adds(&text, "-");
		draw_pad(y, x, w, buf_str(&text), false, at);
	}
	buf_free(&text);
}

/* One entry in full: times, name, purpose or kind of meeting, people, and
 * a booking's status (予約済 …) or what the entry is (会議, 施設利用). */
static void
detail_line(const struct dayplan_entry *e, bool pick, struct buf *line)
{
	char t[12];

	dayplan_entry_times(e, t);
	buf_printf(line, "%s %s  %s", pick ? ">" : " ", t[0] != '\0' ? t : _("no time"),
	    e->group);
	if (e->purpose[0] != '\0' && strcmp(e->purpose, e->group) != 0)
		buf_printf(line, "  %s", e->purpose);
	if (e->people > 0)
		buf_printf(line, P_("  %ld person", "  %ld people", (unsigned long)e->people),
		    e->people);
	buf_printf(line, "  [%s]", e->kind == DAYPLAN_BOOKING ? dayview_status_label(e->status) :
	    dayplan_kind_label(e->kind));
}

/* The highlighted slot's entries in full, then the room's entries without
 * times, from row y to bottom-1. */
static void
draw_details(const struct dayview *v, int y, int bottom)
{
	int idx[CELL_MAX], n = dayview_cell(v, idx), i, pick, nu;
	char slot[64];
	struct buf line = {0};

	if (y >= bottom || v->p.nrooms == 0 || v->p.opening.nslots == 0)
		return;
	if (n == 0) {
		opening_slot_name(&v->p.opening, v->slot, slot, sizeof slot);
		buf_printf(&line, _("%s, %s: free. n books it."), v->p.rooms[v->room].name, slot);
		draw_text(y++, 1, COLS - 2, buf_str(&line), ATTR_DIM);
	}
	if (n > CELL_MAX)
		n = CELL_MAX;
	pick = n > 0 ? v->pick % n : -1;
	for (i = 0; i < n && y < bottom; i++, y++) {
		buf_reset(&line);
		detail_line(&v->p.entries[idx[i]], i == pick && n > 1, &line);
		draw_text(y, 1, COLS - 2, buf_str(&line), i == pick ? ATTR_HEADER : ATTR_NORMAL);
	}
	nu = dayplan_untimed(&v->p, v->room, idx, CELL_MAX);
	for (i = 0; i < nu && i < CELL_MAX && y < bottom; i++, y++) {
		buf_reset(&line);
		detail_line(&v->p.entries[idx[i]], false, &line);
		draw_text(y, 1, COLS - 2, buf_str(&line), ATTR_DIM);
	}
	buf_free(&line);
}

/* "2 bookings  会議 1  施設利用 1  (会 会議  利 施設利用)": the meetings and
 * uses counted and their marks explained only when the day has them (and
 * the line has room for it whole). */
static void
day_counts(const struct dayview *v, struct buf *line)
{
	size_t start;
	int n[DAYPLAN_EVENT + 1] = {0}, i, k;

	for (i = 0; i < v->p.nentries; i++)
		n[v->p.entries[i].kind]++;
	buf_printf(line, P_("%d booking", "%d bookings", (unsigned long)n[DAYPLAN_BOOKING]),
	    n[DAYPLAN_BOOKING]);
	for (k = DAYPLAN_MEETING; k <= DAYPLAN_USE; k++)
		if (n[k] > 0)
			buf_printf(line, "  %s %d", dayplan_kind_label(k), n[k]);
	if (n[DAYPLAN_MEETING] + n[DAYPLAN_USE] == 0)
		return;
	start = line->len;
	buf_adds(line, "  (");
	for (k = DAYPLAN_MEETING; k <= DAYPLAN_USE; k++)
		buf_printf(line, "%s%s %s", k > DAYPLAN_MEETING ? "  " : "",
		    dayplan_kind_mark(k), dayplan_kind_label(k));
	buf_adds(line, ")");
	if (text_width(buf_str(line)) > COLS - 2) {
		line->len = start;
		line->data[start] = '\0';
	}
}

static void
draw_day_line(const struct dayview *v, int y)
{
	struct buf line = {0};
	const char *ja, *en;

	if (holiday_of(v->p.day, &ja, &en))
		buf_printf(&line, "%s  ", fmt_era_lang() == ERA_JA ? ja : en);
	if (v->p.closed)
		buf_printf(&line, _("Closed: %s"), v->p.why);
	else
		day_counts(v, &line);
	draw_text(y, 1, COLS - 2, buf_str(&line), v->p.closed ? ATTR_ERROR : ATTR_NORMAL);
	buf_free(&line);
}

/* The question being asked, on row y (the cancel question also on the
 * row above). */
/* The prompt's question: for a cancel, with its choices on a line of
 * their own. */
static void
prompt_text(const struct dayview *v, char *q, size_t size)
{
	struct buf choices = {0};

	if (v->mode == MODE_CANCEL) {
		seriesask_choices(&choices, v->before, v->following, _("keep it"));
		snprintf(q, size, _("Cancel %s?"), v->target_name);
		snprintf(q + strlen(q), size - strlen(q), "\n%s", buf_str(&choices));
		buf_free(&choices);
	} else {
		snprintf(q, size, _("How many came (%s)? "), v->target_name);
	}
}

/* Rows the prompt takes: the question wrapped, and for the head count the
 * field beside its last line or, when that is full, under it. */
static int
prompt_rows(const struct dayview *v)
{
	char q[700];
	int rows;

	prompt_text(v, q, sizeof q);
	rows = draw_wrap_rows(q, COLS - 2);
	if (v->mode != MODE_CANCEL && (rows > 1 || text_width(q) + 10 > COLS - 2))
		rows++;
	return rows;
}

/* The cancel question or the head count prompt, wrapped (never cut) on
 * rows top … the row above the message row. */
static void
draw_prompt(struct app *a, struct dayview *v, int top)
{
	char q[700];
	int end = draw_lines() - 2, y, x = 1, w, col, ew;

	for (y = top; y < end; y++)
		draw_fill(y, 0, COLS, ATTR_NORMAL);
	prompt_text(v, q, sizeof q);
	y = draw_wrap(top, end, 1, COLS - 2, q, 0, ATTR_NOTICE);
	if (v->mode == MODE_CANCEL)
		return;
	if (prompt_rows(v) == 1) {
		y = top;
		x = 1 + text_width(q);
	}
	w = COLS - 1 - x;
	ew = w > 8 ? 8 : w;
	if (ew < 2 || y >= end)
		return;
	col = lineedit_view(&v->input, ew);
	draw_fill(y, x, ew, ATTR_INPUT);
	draw_text(y, x, ew, lineedit_text(&v->input) + v->input.first, ATTR_INPUT);
	app_cursor(a, y, x + col);
}

void
dayview_draw(struct app *a, void *state)
{
	struct dayview *v = state;
	struct geometry g;
	char title[256], day[96];
	int bottom = draw_lines() - 2, rows, detail, i, y;

	fmt_date_long(v->p.day, day, sizeof day);
	snprintf(title, sizeof title, "%s  %s", _("Bookings"), day);
	app_draw_title(a, title);
	/* The prompt takes the rows above the message row, as many as it
	 * needs, leaving the day's line and the headings. */
	if (v->mode != MODE_GRID) {
		bottom = draw_lines() - 2 - prompt_rows(v);
		if (bottom < TOP)
			bottom = TOP;
	}
	if (!v->loaded) {
		draw_wrap(2, draw_lines() - 2, 1, COLS - 2, v->err, 0, ATTR_ERROR);
		return;
	}
	draw_day_line(v, 1);
	if (v->p.nrooms == 0) {
		draw_wrap(TOP, bottom, 1, COLS - 2, _("No rooms yet: add them under Rooms "
		    "(menu 0)."), 0, ATTR_DIM);
	} else {
		g = geometry(v);
		draw_headings(v, &g, 2);
		/* Rooms first; a separator and at least two rows of details when
		 * there is room for them. */
		detail = bottom - TOP >= 8 ? 3 : 0;
		rows = bottom - TOP - detail;
		if (rows > v->p.nrooms)
			rows = v->p.nrooms;
		dayview_scroll_to(v, rows);
		for (i = v->top, y = TOP; i < v->p.nrooms && y < TOP + rows; i++, y++)
			draw_room_row(v, &g, i, y);
		if (detail > 0) {
			draw_hline(y, 0, COLS, ATTR_DIM);
			draw_details(v, y + 1, bottom);
		}
	}
	if (v->mode != MODE_GRID)
		draw_prompt(a, v, bottom);
}

