/* opening — see opening.h. */
#include "opening.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/holiday.h"
#include "base/i18n.h"
#include "store/store.h"

#define DEFAULT_SLOTS OPENING_DEFAULT_SLOTS
#define DEFAULT_YEARLY OPENING_DEFAULT_YEARLY

static bool
parse_slots(const char *v, struct opening *o)
{
	char *copy = xstrdup(v), *tok, *save = NULL, *dash;
	int a, b, prev_end = -1;
	bool ok = true;

	o->nslots = 0;
	for (tok = strtok_r(copy, ",", &save); ok && tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		dash = strchr(tok, '-');
		if (dash == NULL || o->nslots == OPENING_MAX_SLOTS) {
			ok = false;
			break;
		}
		*dash = '\0';
		ok = time_parse(tok, &a) && time_parse(dash + 1, &b) && a < b && a >= prev_end;
		if (ok) {
			o->slot_start[o->nslots] = a;
			o->slot_end[o->nslots++] = b;
			prev_end = b;
		}
	}
	free(copy);
	return ok && o->nslots > 0;
}

static bool
parse_month_day(const char *s, int *m, int *d)
{
	char tail;

	return sscanf(s, "%2d-%2d%c", m, d, &tail) == 2 && date_valid(2000, *m, *d);
}

static bool
parse_yearly(const char *v, struct opening *o)
{
	char *copy = xstrdup(v), *tok, *save = NULL, *dots;
	bool ok = true;

	o->nranges = 0;
	for (tok = strtok_r(copy, ",", &save); ok && tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		if (o->nranges == OPENING_MAX_RANGES) {
			ok = false;
			break;
		}
		dots = strstr(tok, "..");
		if (dots != NULL)
			*dots = '\0';
		ok = parse_month_day(tok, &o->yearly[o->nranges].m1, &o->yearly[o->nranges].d1) &&
		    parse_month_day(dots ? dots + 2 : tok, &o->yearly[o->nranges].m2,
		    &o->yearly[o->nranges].d2);
		o->nranges += ok;
	}
	free(copy);
	return ok;
}

static bool
parse_setting(struct opening *o, const char *key, const char *v)
{
	char *end;
	long n;

	if (strcmp(key, "slots") == 0)
		return parse_slots(v, o);
	if (strcmp(key, "closed_yearly") == 0)
		return parse_yearly(v, o);
	if (strcmp(key, "open_on_holidays") == 0) {
		o->open_on_holidays = strcmp(v, "yes") == 0;
		return o->open_on_holidays || strcmp(v, "no") == 0;
	}
	if (*v == '\0') {
		if (strcmp(key, "closed_weekday") == 0)
			o->closed_weekday = -1;
		else
			o->horizon_months = 0;
		return true;
	}
	n = strtol(v, &end, 10);
	if (*end != '\0')
		return false;
	if (strcmp(key, "closed_weekday") == 0) {
		o->closed_weekday = (int)n;
		return n >= 0 && n <= 6;
	}
	o->horizon_months = (int)n;
	return n >= 1 && n <= 36;
}

static const char *const opening_keys[] = {
	"slots", "closed_yearly", "closed_weekday", "open_on_holidays", "booking_horizon_months",
};

static const char *
setting_help(const char *key)
{
	if (strcmp(key, "slots") == 0)
		return _("time slots like 09:00-12:00,13:00-17:00, in order");
	if (strcmp(key, "closed_yearly") == 0)
		return _("yearly closed days like 12-29..01-03 (comma-separated), or empty");
	if (strcmp(key, "closed_weekday") == 0)
		return _("a weekday number 0 (Sunday) to 6, or empty");
	if (strcmp(key, "open_on_holidays") == 0)
		return _("yes or no");
	return _("months from 1 to 36, or empty for no limit");
}

bool
opening_setting_valid(const char *key, const char *value, struct error *err)
{
	struct opening o;

	if (parse_setting(&o, key, value))
		return true;
	error_set(err, _("%s: \"%s\" is not valid; expected %s."), key, value, setting_help(key));
	return false;
}

bool
opening_load(struct store *s, struct opening *o, struct error *err)
{
	static const char *const defaults[] = {DEFAULT_SLOTS, DEFAULT_YEARLY, "", "yes", ""};
	size_t i;

	memset(o, 0, sizeof *o);
	for (i = 0; i < sizeof opening_keys / sizeof opening_keys[0]; i++) {
		char *v = store_setting(s, opening_keys[i]);
		bool ok = parse_setting(o, opening_keys[i], v != NULL ? v : defaults[i]);

		if (!ok) {
			error_set(err, _("The setting %s (\"%s\") is not valid; expected %s."),
			    opening_keys[i], v, setting_help(opening_keys[i]));
			free(v);
			return false;
		}
		free(v);
	}
	return true;
}

static bool
in_yearly(const struct opening *o, struct date d, int *which)
{
	int i, md = d.month * 100 + d.day, a, b;

	for (i = 0; i < o->nranges; i++) {
		a = o->yearly[i].m1 * 100 + o->yearly[i].d1;
		b = o->yearly[i].m2 * 100 + o->yearly[i].d2;
		if (a <= b ? (md >= a && md <= b) : (md >= a || md <= b)) {
			*which = i;
			return true;
		}
	}
	return false;
}

static const char *
weekday_name(int wd)
{
	static const char *const names[] = {
		N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"),
		N_("Thursday"), N_("Friday"), N_("Saturday"),
	};

	return _(names[wd]);
}

bool
opening_closed(struct store *s, const struct opening *o, struct date d, struct buf *why)
{
	return opening_closed_at(s, o, d, store_origin(s), why);
}

/* Closed by the settings alone (yearly, weekly, holidays): no store read. */
static bool
closed_by_rule(const struct opening *o, struct date d, struct buf *why)
{
	const char *ja, *en;
	int which;

	if (in_yearly(o, d, &which)) {
		if (why != NULL)
			buf_printf(why, _("closed every year %d/%d–%d/%d"), o->yearly[which].m1,
			    o->yearly[which].d1, o->yearly[which].m2, o->yearly[which].d2);
		return true;
	}
	if (o->closed_weekday == date_weekday(d)) {
		if (why != NULL)
			buf_printf(why, _("closed on %s"), weekday_name(o->closed_weekday));
		return true;
	}
	if (!o->open_on_holidays && holiday_of(d, &ja, &en)) {
		if (why != NULL)
			buf_adds(why, i18n_lang() == LANG_JA ? ja : en);
		return true;
	}
	return false;
}

/* The added closed days of origin from ?2 to ?3: one statement for a day
 * and for a month, so the statement cache holds it once. */
#define CLOSED_DAYS_SQL "SELECT date, ifnull(reason, '') FROM closed_day " \
	"WHERE deleted = 0 AND origin = ?1 AND date >= ?2 AND date <= ?3"

bool
opening_closed_at(struct store *s, const struct opening *o, struct date d, const char *origin,
    struct buf *why)
{
	sqlite3_stmt *st;
	char iso[11];
	bool closed = false;

	if (closed_by_rule(o, d, why))
		return true;
	date_format(d, iso);
	if (store_prepare(s, CLOSED_DAYS_SQL, &st) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, origin, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, iso, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, iso, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			const char *reason = (const char *)sqlite3_column_text(st, 1);

			closed = true;
			if (why != NULL)
				buf_adds(why, *reason ? reason : _("closed day"));
		}
		store_done(s, st);
	}
	return closed;
}

bool
opening_closed_month(struct store *s, const struct opening *o, int year, int month,
    const char *origin, bool closed[32])
{
	sqlite3_stmt *st;
	char from[11], to[11];
	const char *t;
	int day, days = date_days_in_month(year, month), rc;

	memset(closed, 0, 32 * sizeof *closed);
	for (day = 1; day <= days; day++)
		closed[day] = closed_by_rule(o, (struct date){year, month, day}, NULL);
	/* The added dates, in one read.  opening_closed matches a day's ISO
	 * date exactly: "YYYY-MM-" of this month and two digits. */
	date_format((struct date){year, month, 1}, from);
	date_format((struct date){year, month, days}, to);
	if (store_prepare(s, CLOSED_DAYS_SQL, &st) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		t = (const char *)sqlite3_column_text(st, 0);
		if (t == NULL || strlen(t) != 10 || memcmp(t, from, 8) != 0 ||
		    t[8] < '0' || t[8] > '9' || t[9] < '0' || t[9] > '9')
			continue;
		day = (t[8] - '0') * 10 + t[9] - '0';
		if (day >= 1 && day <= days)
			closed[day] = true;
	}
	store_done(s, st);
	return rc == SQLITE_DONE;
}

void
opening_slot_name(const struct opening *o, int i, char *out, size_t size)
{
	static const char *const usual[] = {N_("Morning"), N_("Afternoon"), N_("Evening")};
	char a[6], b[6];

	if (o->nslots == 3 && o->slot_start[0] == 9 * 60 && o->slot_end[2] == 22 * 60) {
		snprintf(out, size, "%s", _(usual[i]));
		return;
	}
	time_format(o->slot_start[i], a);
	time_format(o->slot_end[i], b);
	snprintf(out, size, "%s-%s", a, b);
}

int
opening_slot_of(const struct opening *o, int start, int end)
{
	int i, best = -1, most = 0, lo, hi;

	for (i = 0; i < o->nslots; i++) {
		lo = start > o->slot_start[i] ? start : o->slot_start[i];
		hi = end < o->slot_end[i] ? end : o->slot_end[i];
		if (hi - lo > most) {
			most = hi - lo;
			best = i;
		}
	}
	return best;
}

int
opening_slots_covered(const struct opening *o, int start, int end)
{
	int i, n = 0;

	for (i = 0; i < o->nslots; i++)
		n += start < o->slot_end[i] && end > o->slot_start[i];
	return n;
}
