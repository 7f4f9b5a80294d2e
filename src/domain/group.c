/* group — see group.h. */
#include "group.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/i18n.h"
#include "base/text.h"
#include "opening.h"
#include "room.h"
#include "setting.h"

const struct choice group_categories[] = {
	{"body", N_("Community body")},
	{"registered", N_("Registered group")},
	{"other", N_("Other")},
	{NULL, NULL},
};

/* Kana of either script, the long mark and middle dot, spaces, and ASCII
 * letters and digits (a reading may spell "NPO" or "2丁目" as people say
 * them).  Kanji are what a reading is there to spell out. */
static bool
reading_char(uint32_t cp)
{
	return (cp >= 0x3041 && cp <= 0x309F) || (cp >= 0x30A0 && cp <= 0x30FF) ||
	    (cp >= 0xFF66 && cp <= 0xFF9F) || cp == 0x3000 || cp == ' ' || cp == '-' ||
	    (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
	    (cp >= 0xFF41 && cp <= 0xFF5A);
}

bool
group_check(const struct record *r, struct error *err)
{
	int f = kind_field(r->kind, "reading");
	const char *p;
	uint32_t cp;
	size_t n;

	if (f < 0 || r->value[f] == NULL)
		return true;
	for (p = r->value[f]; *p != '\0'; p += n) {
		n = utf8_decode(p, strlen(p), &cp);
		if (n == 0 || !reading_char(cp)) {
			error_set(err, _("%s: write the reading in kana (e.g. やまびこかい)."),
			    field_label(&r->kind->fields[f]));
			error_field(err, f);
			return false;
		}
	}
	return true;
}

bool
group_check_store(struct store *s, const struct record *r, struct error *err)
{
	sqlite3_stmt *st;
	int f = kind_field(r->kind, "name");
	bool taken;

	if (store_prepare(s, "SELECT 1 FROM user_group WHERE deleted = 0 AND name = ? "
	    "AND uuid <> ? AND origin = ?", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, r->value[f], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->uuid, -1, SQLITE_STATIC);
	/* A row from a center's file is checked against that center's groups. */
	sqlite3_bind_text(st, 3, r->origin[0] != '\0' ? r->origin : store_origin(s), -1,
	    SQLITE_STATIC);
	taken = sqlite3_step(st) == SQLITE_ROW;
	store_done(s, st);
	if (!taken)
		return true;
	error_set(err, _("%s: there is already a group named %s."),
	    field_label(&r->kind->fields[f]), r->value[f]);
	error_field(err, f);
	return false;
}

const char *
group_waiver_key(const char *category, char *out, size_t size)
{
	snprintf(out, size, "group_waiver_%s", category);
	return out;
}

const char *
group_category_waiver(struct store *s, const char *category)
{
	const struct setting_def *d;
	const struct choice *c;
	char key[64], *v;

	if ((d = setting_find(group_waiver_key(category, key, sizeof key))) == NULL)
		return "none";
	v = store_setting(s, key);
	/* Back to the static code: a value the store holds that is not one
	 * (never written: setting_set refuses it) waives nothing. */
	for (c = d->field.choices; c->code != NULL; c++)
		if (strcmp(c->code, v != NULL ? v : d->dflt) == 0) {
			free(v);
			return c->code;
		}
	free(v);
	return "none";
}

bool
group_lookup(struct store *s, const char *name, struct group_info *out)
{
	sqlite3_stmt *st;
	bool found = false;

	if (name == NULL || *name == '\0' || store_prepare(s, "SELECT name, "
	    "ifnull(reading, ''), category, trim(ifnull(representative, '') || ' ' || "
	    "ifnull(contact, '')) FROM user_group WHERE deleted = 0 AND name = ? AND origin = ?",
	    &st) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, store_origin(s), -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(out->name, sizeof out->name, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(out->reading, sizeof out->reading, "%s",
		    (const char *)sqlite3_column_text(st, 1));
		snprintf(out->category, sizeof out->category, "%s",
		    (const char *)sqlite3_column_text(st, 2));
		snprintf(out->contact, sizeof out->contact, "%s",
		    (const char *)sqlite3_column_text(st, 3));
		found = true;
	}
	store_done(s, st);
	if (found)
		out->waiver = group_category_waiver(s, out->category);
	return found;
}

long long
group_waived(long long fee, const char *waiver)
{
	if (fee <= 0 || waiver == NULL || strcmp(waiver, "none") == 0)
		return 0;
	return strcmp(waiver, "half") == 0 ? fee / 2 : fee;
}

long long
group_room_fee(struct store *s, const char *room, const char *start, const char *end)
{
	struct opening o;
	sqlite3_stmt *st;
	char uuid[37] = "";
	int a, b;

	if (room == NULL || start == NULL || end == NULL || !time_parse(start, &a) ||
	    !time_parse(end, &b) || b <= a || !opening_load(s, &o, NULL))
		return -1;
	if (store_prepare(s, "SELECT uuid FROM room WHERE deleted = 0 AND name = ? AND "
	    "origin = ?", &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, room, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, store_origin(s), -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(uuid, sizeof uuid, "%s", (const char *)sqlite3_column_text(st, 0));
	store_done(s, st);
	return uuid[0] != '\0' ? room_fee_for(s, &o, uuid, a, b) : -1;
}

/* s folded for matching: katakana (full and half width) as hiragana, ASCII
 * and full-width letters lower case, full-width digits as ASCII. */
static void
fold(const char *s, struct buf *out)
{
	/* Half-width katakana ｦ (U+FF66) … ﾝ (U+FF9D) as their hiragana. */
	static const char *const half =
	    "をぁぃぅぇぉゃゅょっーあいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほ"
	    "まみむめもやゆよらりるれろわん";
	uint32_t cp, h;
	size_t n, i;
	const char *p;

	for (; s != NULL && *s != '\0'; s += n) {
		if ((n = utf8_decode(s, strlen(s), &cp)) == 0)
			return;
		if (cp >= 0x30A1 && cp <= 0x30F6)
			cp -= 0x60;
		else if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		else if (cp >= 0xFF21 && cp <= 0xFF3A)
			cp = cp - 0xFF21 + 'a';
		else if (cp >= 0xFF41 && cp <= 0xFF5A)
			cp = cp - 0xFF41 + 'a';
		else if (cp >= 0xFF10 && cp <= 0xFF19)
			cp = cp - 0xFF10 + '0';
		else if (cp >= 0xFF66 && cp <= 0xFF9D) {
			for (p = half, i = 0; i < cp - 0xFF66; i++)
				p += utf8_decode(p, strlen(p), &h);
			utf8_decode(p, strlen(p), &cp);
		}
		utf8_encode(out, cp);
	}
}

static bool
begins(const char *text, const char *typed)
{
	struct buf a = {0}, b = {0};
	bool yes;

	if (text == NULL)
		return false;
	fold(text, &a);
	fold(typed, &b);
	yes = strncmp(buf_str(&a), buf_str(&b), b.len) == 0;
	buf_free(&a);
	buf_free(&b);
	return yes;
}

bool
group_match(const char *name, const char *reading, const char *typed)
{
	return typed == NULL || *typed == '\0' || begins(name, typed) || begins(reading, typed);
}

/* The register in kana order whichever script each reading is in. */
static int
by_reading(const void *a, const void *b)
{
	const struct group_name *x = a, *y = b;
	struct buf fx = {0}, fy = {0};
	int c;

	fold(x->reading != NULL ? x->reading : x->name, &fx);
	fold(y->reading != NULL ? y->reading : y->name, &fy);
	c = strcmp(buf_str(&fx), buf_str(&fy));
	buf_free(&fx);
	buf_free(&fy);
	return c != 0 ? c : strcmp(x->name, y->name);
}

static void
add_name(struct group_names *g, const char *name, const char *reading, const char *category)
{
	struct group_name *n;
	int i;

	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 32;
		g->v = xreallocarray(g->v, (size_t)g->cap, sizeof *g->v);
	}
	n = &g->v[g->n++];
	n->name = xstrdup(name);
	n->reading = reading != NULL && *reading != '\0' ? xstrdup(reading) : NULL;
	n->category = NULL;
	n->registered = category != NULL;
	for (i = 0; category != NULL && group_categories[i].code != NULL; i++)
		if (strcmp(group_categories[i].code, category) == 0)
			n->category = group_categories[i].code;
}

/* The register's groups, by reading, into out (emptied first). */
static bool
load_register(struct store *s, struct group_names *out, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	group_names_free(out);
	if (store_prepare(s, "SELECT name, reading, category FROM user_group WHERE "
	    "deleted = 0 AND origin = ?1 ORDER BY ifnull(reading, name), name", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, store_origin(s), -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_name(out, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2));
	if (!store_end(s, st, rc, _("Reading"), err))
		return false;
	if (out->n > 1)
		qsort(out->v, (size_t)out->n, sizeof *out->v, by_reading);
	return true;
}

/* The register, then the names sql gives (?1 the origin, ?2 a year ago:
 * names typed in the past year that the register does not hold, the
 * latest first, read by date through the indexes — a ten-year store holds
 * tens of thousands of rows and a form opens at once). */
static bool
load_register_and_typed(struct store *s, const char *sql, struct group_names *out,
    struct error *err)
{
	sqlite3_stmt *st;
	char since[11];
	int rc;

	if (!load_register(s, out, err))
		return false;
	if (store_prepare(s, sql, &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	date_format(date_add_days(date_today(), -366), since);
	sqlite3_bind_text(st, 1, store_origin(s), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, since, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_name(out, (const char *)sqlite3_column_text(st, 0), NULL, NULL);
	return store_end(s, st, rc, _("Reading"), err);
}

bool
group_organizers_load(struct store *s, struct group_names *out, struct error *err)
{
	return load_register_and_typed(s, "SELECT organizer FROM event WHERE origin = ?1 AND "
	    "date >= ?2 AND deleted = 0 AND organizer IS NOT NULL AND organizer NOT IN (SELECT "
	    "name FROM user_group WHERE deleted = 0 AND origin = ?1) GROUP BY organizer ORDER BY "
	    "max(date) DESC, organizer LIMIT 200", out, err);
}

bool
group_names_load(struct store *s, struct group_names *out, struct error *err)
{
	/* Walk-ins and groups not yet registered, from bookings and uses. */
	return load_register_and_typed(s, "SELECT g FROM (SELECT \"group\" AS g, date FROM "
	    "booking WHERE date >= ?2 AND deleted = 0 AND origin = ?1 UNION ALL SELECT \"group\", "
	    "date FROM facility_use WHERE origin = ?1 AND date >= ?2 AND deleted = 0) WHERE g IS "
	    "NOT NULL AND g NOT IN (SELECT name FROM user_group WHERE deleted = 0 AND origin = ?1) "
	    "GROUP BY g ORDER BY max(date) DESC, g LIMIT 200", out, err);
}

void
group_names_free(struct group_names *g)
{
	int i;

	for (i = 0; i < g->n; i++) {
		free(g->v[i].name);
		free(g->v[i].reading);
	}
	free(g->v);
	memset(g, 0, sizeof *g);
}
