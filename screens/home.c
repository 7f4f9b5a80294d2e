/*
 * home — the first screen after sign-in: the center, today's date with the
 * era, today's meetings, events and facility use, this month's counts per
 * kind, and the menu (number keys or ↑/↓ and Enter).  Entries for later
 * work are shown greyed as "coming" and cannot be opened.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "domain/record.h"
#include "base/text.h"
#include "pinform.h"
#include "screens.h"
#include "sync/synclog.h"
#include "tui/draw.h"
#include "tui/fmt.h"

#define TODAY_MAX 40	/* lines kept per kind; more are counted */
#define MENU_WIDTH 30

#define ROLE_BIT(r) (1u << (r))
#define EVERYONE 0u
#define ADMIN_ONLY ROLE_BIT(ROLE_ADMIN)
/* The opening is the center's to set (domain/setting says so too). */
#define OPENING_ROLES (ROLE_BIT(ROLE_CENTER) | ROLE_BIT(ROLE_ADMIN))

struct menu_entry {
	char key;		/* '1' …; 0 for entries not open yet */
	const char *label;	/* N_ */
	const struct screen *screen;
	const void *arg;	/* what the screen is opened with */
	unsigned roles;		/* the roles it is shown to (ROLE_BIT); 0: everyone */
};

static const struct menu_entry menu[] = {
	{'1', N_("Meetings"), &screen_records, "meeting", EVERYONE},
	{'2', N_("Events"), &screen_records, "event", EVERYONE},
	{'3', N_("Facility use"), &screen_records, "use", EVERYONE},
	{'4', N_("Bookings"), &screen_bookings, NULL, EVERYONE},
	{'w', N_("Week"), &screen_week, NULL, EVERYONE},
	{'5', N_("Monthly reports"), &screen_reports, NULL, EVERYONE},
	{'6', N_("Community body"), &screen_body, NULL, EVERYONE},
	{'7', N_("Community plan"), &screen_plan, NULL, EVERYONE},
	{'8', N_("Grants"), &screen_grants, NULL, EVERYONE},
	{'9', N_("Sync"), &screen_sync, NULL, EVERYONE},
	{'0', N_("Rooms"), &screen_rooms, NULL, EVERYONE},
	{'o', N_("Opening hours"), &screen_hours, NULL, OPENING_ROLES},
	/* The register of user groups is kept by the center (kinds.c). */
	{'g', N_("User groups"), &screen_groups, "group", OPENING_ROLES},
	/* Settings and help have their function keys (F8, F1) as well. */
	{'s', N_("Settings"), &screen_settings, NULL, EVERYONE},
	{'h', N_("Help"), &screen_guides, NULL, EVERYONE},
	{'p', N_("Change my PIN"), &screen_pin_form, &pinform_own_pin, EVERYONE},
	/* Every role may change some kind (meetings); the list shows those. */
	{'d', N_("Recently deleted"), &screen_deleted, NULL, EVERYONE},
	/* The administrator's (the core refuses the others too). */
	{'a', N_("Audit log"), &screen_audit, NULL, ADMIN_ONLY},
	{'m', N_("Staff"), &screen_staff, NULL, ADMIN_ONLY},
};

/* City hall's kiosk (a city store): its own work, not a center's logs.
 * Reports and grants are the same screens, which list centers there. */
static const struct menu_entry city_menu[] = {
	{'1', N_("Centers"), &screen_centers, NULL, EVERYONE},
	{'5', N_("Monthly reports"), &screen_reports, NULL, EVERYONE},
	{'8', N_("Grants"), &screen_grants, NULL, EVERYONE},
	{'9', N_("Sync"), &screen_sync, NULL, EVERYONE},
	{'s', N_("Settings"), &screen_settings, NULL, EVERYONE},
	{'h', N_("Help"), &screen_guides, NULL, EVERYONE},
	{'p', N_("Change my PIN"), &screen_pin_form, &pinform_own_pin, EVERYONE},
	{'d', N_("Recently deleted"), &screen_deleted, NULL, EVERYONE},
	{'a', N_("Audit log"), &screen_audit, NULL, ADMIN_ONLY},
	{'m', N_("Staff"), &screen_staff, NULL, ADMIN_ONLY},
};

#define MENU_COUNT ((int)(sizeof menu / sizeof menu[0]))
#define CITY_MENU_COUNT ((int)(sizeof city_menu / sizeof city_menu[0]))

struct today {
	const struct kind *kind;
	char *line[TODAY_MAX];
	int n;			/* lines kept */
	int total;		/* records today */
	long month_count;
};

struct home {
	/* The center's or the city's entries this person's role may open. */
	struct menu_entry menu[MENU_COUNT];
	int nmenu;
	struct date today;
	struct today kinds[KIND_MAX];	/* the kinds shown for today (kind->today) */
	int nkinds;
	int cur;		/* menu entry under the cursor */
	int mtop;		/* first menu entry in view (a small terminal) */
	char err[512];
	char body[256], grants[256];	/* the body's stage, the year's grant balance */
	struct synclog_export_state file;	/* the month's file to city hall */
	/* City hall: its centers' monthly files instead of a center's day. */
	bool city;
	struct buf centers;	/* one line a center, "\n" between */
	int ncenters, nlate;
	long long generation;	/* the store's when loaded (store_generation) */
};

/* F1 on home: the task guides (guides.c), which end with these keys. */
static const struct action_def act_guides = {
	ACT_GUIDES, "F1", N_("Help"),
	N_("Short guides to the daily and monthly tasks, then the keys of this screen."),
	{ACT_KEY_CODE(KEY_F(1))},
};

struct collect {
	struct today *t;
	const char *date;
};

static bool
add_today(void *ctx, const struct record *r)
{
	struct collect *c = ctx;
	const struct kind *k = r->kind;
	int d = kind_field(k, "date"), s = kind_field(k, "start"), room = kind_field(k, "room");
	int st = kind_field(k, "status"), e = kind_field(k, "end");
	const char *title = r->value[kind_title(k)];
	struct buf line = {0};

	if (r->value[d] == NULL || strcmp(r->value[d], c->date) != 0)
		return false;	/* past today: the list is in date order */
	/* A cancelled booking no longer comes today. */
	if (st >= 0 && r->value[st] != NULL && strcmp(r->value[st], "cancelled") == 0)
		return true;
	c->t->total++;
	if (c->t->n >= TODAY_MAX)
		return true;
	buf_adds(&line, s >= 0 && r->value[s] != NULL ? r->value[s] : "     ");
	/* A booking's time is its whole span: 09:30-11:30. */
	if (st >= 0 && e >= 0 && r->value[e] != NULL)
		buf_printf(&line, "-%s", r->value[e]);
	buf_adds(&line, "  ");
	if (title != NULL)
		buf_adds(&line, title);
	if (room >= 0 && room != kind_title(k) && r->value[room] != NULL)
		buf_printf(&line, title != NULL ? "  (%s)" : "%s", r->value[room]);
	c->t->line[c->t->n++] = buf_steal(&line);
	return true;
}

static void
free_lines(struct home *h)
{
	int i, j;

	for (i = 0; i < h->nkinds; i++) {
		for (j = 0; j < h->kinds[i].n; j++)
			free(h->kinds[i].line[j]);
		h->kinds[i].n = h->kinds[i].total = 0;
	}
}

/* A center's line at city hall: its name and when its last file came. */
static void
home_each_center(void *ctx, const struct synclog_center *c)
{
	struct home *h = ctx;
	char when[32];

	if (h->centers.len > 0)
		buf_adds(&h->centers, "\n");
	buf_adds(&h->centers, c->late ? "! " : "  ");
	buf_adds(&h->centers, c->name[0] != '\0' ? c->name : c->code);
	buf_adds(&h->centers, "  ");
	if (c->heard) {
		synclog_local_time(c->last.at, when, sizeof when);
		when[10] = '\0';	/* the date is enough here */
		buf_printf(&h->centers, _("last file %s (%ld days)"), when, c->days);
	} else {
		buf_adds(&h->centers, _("no file yet"));
	}
	h->ncenters++;
	h->nlate += c->late;
}

/* Reads today's records and the month's counts. */
static void
load(struct home *h, struct app *a)
{
	struct date yesterday = date_add_days(h->today, -1);
	char day[11], before[11];
	struct record_query q = {0};
	struct collect c;
	struct error err;
	int i;

	free_lines(h);
	h->err[0] = '\0';
	h->generation = store_generation(app_store(a));
	if (h->city) {
		buf_reset(&h->centers);
		h->ncenters = h->nlate = 0;
		if (synclog_centers(app_store(a), h->today, home_each_center, h, &err) < 0)
			snprintf(h->err, sizeof h->err, "%s", err.text);
		if (h->err[0] != '\0')
			h->generation = -1;
		return;
	}
	date_format(h->today, day);
	date_format(yesterday, before);
	/* Everything after the last possible row of yesterday: today first. */
	q.year = h->today.year;
	q.month = h->today.month;
	q.after_date = before;
	q.after_start = "~";
	q.after_uuid = "";
	c.date = day;
	for (i = 0; i < h->nkinds; i++) {
		c.t = &h->kinds[i];
		if (record_list(app_store(a), h->kinds[i].kind, &q, add_today, &c, &err) < 0)
			snprintf(h->err, sizeof h->err, "%s", err.text);
		h->kinds[i].month_count = record_count(app_store(a), h->kinds[i].kind,
		    h->today.year, h->today.month, &err);
		if (h->kinds[i].month_count < 0)
			snprintf(h->err, sizeof h->err, "%s", err.text);
	}
	body_home_lines(app_store(a), h->body, sizeof h->body, h->grants, sizeof h->grants);
	if (!synclog_export_state(app_store(a), h->today, &h->file, &err))
		snprintf(h->err, sizeof h->err, "%s", err.text);
	if (h->err[0] != '\0')
		h->generation = -1;	/* read again next time */
}

static void *
home_init(struct app *a, const void *arg)
{
	const struct kind *const *k;
	struct home *h = xcalloc(1, sizeof *h);
	const struct menu_entry *all = store_kind(app_store(a)) == STORE_CITY ? city_menu : menu;
	int i, n = all == city_menu ? CITY_MENU_COUNT : MENU_COUNT;

	(void)arg;
	/* The menu shows only what this person's role may open. */
	for (i = 0; i < n; i++)
		if (all[i].roles == EVERYONE || (all[i].roles & ROLE_BIT(app_actor(a)->role)))
			h->menu[h->nmenu++] = all[i];
	h->today = date_today();
	h->city = all == city_menu;
	for (k = kind_all(); *k != NULL; k++)
		if ((*k)->today)
			h->kinds[h->nkinds++].kind = *k;
	load(h, a);
	return h;
}

static void
home_done(void *state)
{
	struct home *h = state;

	free_lines(h);
	buf_free(&h->centers);
	free(h);
}

static void
home_enter(struct app *a, void *state)
{
	struct home *h = state;
	struct date today = date_today();

	/* Back from another screen, with the store as it was and the same
	 * day: what home shows is still true. */
	if (h->generation >= 0 && date_compare(today, h->today) == 0 &&
	    store_generation(app_store(a)) == h->generation)
		return;
	h->today = today;
	load(h, a);
}

static int
open_entry(struct app *a, struct home *h, int i)
{
	if (h->menu[i].screen == NULL)
		return RES_HANDLED;	/* shown as coming */
	h->cur = i;
	app_push(a, h->menu[i].screen, h->menu[i].arg);
	return RES_HANDLED | RES_REDRAW;
}

static int
menu_move(struct home *h, int dir)
{
	int i = h->cur + dir;

	while (i >= 0 && i < h->nmenu && h->menu[i].screen == NULL)
		i += dir;
	if (i >= 0 && i < h->nmenu)
		h->cur = i;
	return RES_HANDLED | RES_REDRAW;
}

static int
home_key(struct app *a, void *state, struct key k, int act)
{
	struct home *h = state;
	int i;

	if (act == ACT_GUIDES) {
		app_push(a, &screen_guides, NULL);
		return RES_HANDLED | RES_REDRAW;
	}
	if (act == ACT_OPEN)
		return open_entry(a, h, h->cur);
	if (!k.code) {
		for (i = 0; i < h->nmenu; i++)
			if (h->menu[i].key != 0 && (uint32_t)h->menu[i].key == k.ch)
				return open_entry(a, h, i);
		return 0;
	}
	if (k.ch == KEY_UP)
		return menu_move(h, -1);
	if (k.ch == KEY_DOWN)
		return menu_move(h, 1);
	return 0;
}

static void
draw_menu(struct home *h, int y, int bottom)
{
	char buf[128];
	int i, rows = bottom - y - 1, first;

	draw_text(y++, 1, MENU_WIDTH - 2, _("Menu"), ATTR_HEADER);
	/* The highlight stays in view; marks say entries lie above or below. */
	if (rows < 1)
		rows = 1;
	if (h->cur < h->mtop)
		h->mtop = h->cur;
	if (h->cur >= h->mtop + rows)
		h->mtop = h->cur - rows + 1;
	if (h->mtop > 0 && h->mtop + rows > h->nmenu)
		h->mtop = h->nmenu - rows > 0 ? h->nmenu - rows : 0;
	first = y;
	if (h->mtop > 0)
		draw_more_mark(first, MENU_WIDTH - 3, true, ATTR_DIM);
	if (h->mtop + rows < h->nmenu)
		draw_more_mark(first + rows - 1, MENU_WIDTH - 3, false, ATTR_DIM);
	for (i = h->mtop; i < h->nmenu && y < first + rows; i++, y++) {
		if (h->menu[i].screen == NULL) {
			snprintf(buf, sizeof buf, "   %s (%s)", _(h->menu[i].label), _("coming"));
			draw_pad(y, 1, MENU_WIDTH - 3, buf, false, ATTR_DIM);
			continue;
		}
		snprintf(buf, sizeof buf, " %c %s", h->menu[i].key, _(h->menu[i].label));
		if (i == h->cur)
			draw_fill(y, 1, MENU_WIDTH - 4, ATTR_SELECTED);
		draw_text(y, 1, MENU_WIDTH - 4, buf, i == h->cur ? ATTR_SELECTED : ATTR_NORMAL);
	}
}

/* Shares rows among the kinds: each gets what it needs (one line for
 * "none"), a turn at a time, until the rows run out. */
static void
share_rows(const struct home *h, int rows, int *alloc)
{
	bool more = true;
	int i, want;

	for (i = 0; i < h->nkinds; i++)
		alloc[i] = 0;
	while (more && rows > 0) {
		more = false;
		for (i = 0; i < h->nkinds && rows > 0; i++) {
			want = h->kinds[i].total > 0 ? h->kinds[i].total : 1;
			if (alloc[i] < want) {
				alloc[i]++;
				rows--;
				more = true;
			}
		}
	}
}

static void
draw_today(struct home *h, int y, int bottom)
{
	int x = MENU_WIDTH + 1, w = COLS - x - 1, alloc[KIND_MAX], i, j;
	char buf[256], day[128], month[64];

	fmt_date_long(h->today, day, sizeof day);
	snprintf(buf, sizeof buf, "%s  %s", _("Today"), day);
	draw_text(y++, x, w, buf, ATTR_HEADER);
	/* The kinds share the rows left after their headings and the month's
	 * counts (a blank row and 2 rows). */
	share_rows(h, bottom - 3 - y - h->nkinds, alloc);
	for (i = 0; i < h->nkinds && y < bottom - 3; i++) {
		struct today *t = &h->kinds[i];

		snprintf(buf, sizeof buf, "%s (%d)", kind_label(t->kind), t->total);
		draw_text(y++, x, w, buf, ATTR_NORMAL);
		if (t->total == 0 && alloc[i] > 0) {
			draw_text(y++, x + 2, w - 2, _("none"), ATTR_DIM);
			continue;
		}
		for (j = 0; j < t->n && j < alloc[i]; j++) {
			/* The last line given says how many more there are. */
			if (j == alloc[i] - 1 && t->total > alloc[i]) {
				snprintf(buf, sizeof buf, _("(%d more)"), t->total - j);
				draw_text(y++, x + 2, w - 2, buf, ATTR_DIM);
				break;
			}
			/* A long line ends in "…": the record opens whole from its list. */
			draw_pad(y++, x + 2, w - 2, t->line[j], false, ATTR_NORMAL);
		}
	}
	y = bottom - 2;
	fmt_month(h->today.year, h->today.month, month, sizeof month);
	snprintf(buf, sizeof buf, _("This month: %s"), month);
	draw_text(y++, x, w, buf, ATTR_HEADER);
	snprintf(buf, sizeof buf, "%s %ld   %s %ld   %s %ld",
	    kind_label(h->kinds[0].kind), h->kinds[0].month_count,
	    kind_label(h->kinds[1].kind), h->kinds[1].month_count,
	    kind_label(h->kinds[2].kind), h->kinds[2].month_count);
	draw_text(y, x + 2, w - 2, buf, ATTR_NORMAL);
}

/* City hall's panel: every enrolled center and its last monthly file,
 * the late ones marked "!" and counted. */
static void
draw_centers(struct home *h, int y, int bottom)
{
	int x = MENU_WIDTH + 1, w = COLS - x - 1;
	char buf[256];

	snprintf(buf, sizeof buf, _("Monthly files from the centers (! late: %d)"), h->nlate);
	draw_text(y++, x, w, buf, ATTR_HEADER);
	if (h->ncenters == 0) {
		draw_text(y, x + 2, w - 2, _("No center is enrolled yet."), ATTR_DIM);
		return;
	}
	draw_wrap(y, bottom, x, w, buf_str(&h->centers), 0, ATTR_NORMAL);
}

/* The month's file to city hall: sent, due by the month's end, or late
 * (then in the error colour), with the day of the last one. */
static void
draw_file_line(const struct home *h, int y)
{
	char buf[256], last[64] = "", iso[11];
	enum tui_attr at = ATTR_NORMAL;

	if (h->file.sent) {
		date_format(h->file.last, iso);
		fmt_date_short(iso, last, sizeof last);
	}
	if (h->file.due == SYNCLOG_DONE) {
		snprintf(buf, sizeof buf, _("Monthly file: sent %s"), last);
	} else if (h->file.due == SYNCLOG_LATE) {
		snprintf(buf, sizeof buf, _("Monthly file late: %ld days since the last"),
		    h->file.days);
		at = ATTR_ERROR;
	} else if (h->file.sent) {
		snprintf(buf, sizeof buf, _("Monthly file: due by month end (last %s)"), last);
		at = ATTR_NOTICE;
	} else {
		snprintf(buf, sizeof buf, "%s", _("Monthly file: due by month end (9 Sync)"));
		at = ATTR_NOTICE;
	}
	draw_pad(y, MENU_WIDTH + 1, COLS - MENU_WIDTH - 2, buf, false, at);
}

static void
home_draw(struct app *a, void *state)
{
	struct home *h = state;
	int bottom = draw_lines() - 2;
	char title[256], fy[64];

	/* The fiscal year (年度) is how the center counts its work. */
	era_format_fy(date_fiscal_year(h->today), fmt_era_lang(), fy, sizeof fy);
	snprintf(title, sizeof title, "%s  %s", store_name(app_store(a)), fy);
	app_draw_title(a, title);
	draw_menu(h, 2, bottom);
	draw_vline(2, MENU_WIDTH - 1, bottom - 2, ATTR_NORMAL);
	if (h->city) {
		draw_centers(h, 2, bottom);
		if (h->err[0] != '\0')
			draw_text(draw_lines() - 2, 1, COLS - 2, h->err, ATTR_ERROR);
		return;
	}
	/* The month's file, the body's stage and the year's grant balance
	 * under the day's lists. */
	draw_today(h, 2, bottom - 3);
	draw_file_line(h, bottom - 3);
	draw_text(bottom - 2, MENU_WIDTH + 1, COLS - MENU_WIDTH - 2, h->body, ATTR_NORMAL);
	draw_text(bottom - 1, MENU_WIDTH + 1, COLS - MENU_WIDTH - 2, h->grants, ATTR_NORMAL);
	if (h->err[0] != '\0')
		draw_text(draw_lines() - 2, 1, COLS - 2, h->err, ATTR_ERROR);
}

static const struct action_def *const *
home_actions(void *state)
{
	static const struct action_def *const acts[] = {
		&act_guides, &act_settings, &act_lock, &act_quit, &act_menu, &act_open, &act_move,
		NULL,
	};

	(void)state;
	return acts;
}

const struct screen screen_home = {
	.name = "home",
	.init = home_init,
	.free = home_done,
	.enter = home_enter,
	.key = home_key,
	.draw = home_draw,
	.actions = home_actions,
};
