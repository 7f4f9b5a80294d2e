/* room — see room.h. */
#include "room.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "base/date.h"
#include "base/i18n.h"


bool
room_check_store(struct store *s, const struct record *r, struct error *err)
{
	sqlite3_stmt *st;
	bool taken = false;

	if (store_prepare(s, "SELECT 1 FROM room WHERE deleted = 0 AND name = ? "
	    "AND uuid <> ? AND origin = ?", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, r->value[0], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, store_origin(s), -1, SQLITE_STATIC);
	taken = sqlite3_step(st) == SQLITE_ROW;
	store_done(s, st);
	if (taken) {
		error_set(err, _("%s: there is already a room named %s."),
		    field_label(&r->kind->fields[0]), r->value[0]);
		if (err != NULL)
			err->field = 0;
		return false;
	}
	return true;
}

/* A changed reference is a new version of the referring row, so it travels
 * to city hall like any other edit. */
bool
room_after_write(struct store *s, const struct actor *who, const struct record *old,
    const struct record *r, struct error *err)
{
	const struct kind *const *k;
	const struct field *f;
	char sql[512], now[21];
	int i;

	date_now_utc(now);
	/* Every field of every kind that names a room (kinds.c says which). */
	for (k = kind_all(); *k != NULL; k++)
		for (i = 0; i < (*k)->nfields; i++) {
			f = &(*k)->fields[i];
			if (f->type != FIELD_REF || strcmp(f->ref, "room") != 0)
				continue;
			if (old == NULL && !r->deleted)
				snprintf(sql, sizeof sql, "UPDATE \"%s\" SET \"%s_id\" = ?1, "
				    "version = version + 1, updated_at = ?3, updated_by = ?4 WHERE "
				    "\"%s_id\" IS NULL AND \"%s\" = ?2 AND origin = (SELECT value FROM "
				    "setting WHERE key = 'code')", (*k)->table, f->name, f->name, f->name);
			else if (old != NULL && strcmp(old->value[0], r->value[0]) != 0)
				snprintf(sql, sizeof sql, "UPDATE \"%s\" SET \"%s\" = ?2, "
				    "version = version + 1, updated_at = ?3, updated_by = ?4 WHERE "
				    "\"%s_id\" = ?1 AND origin = (SELECT value FROM setting WHERE key = "
				    "'code')", (*k)->table, f->name, f->name);
			else
				continue;
			if (!store_run(s, sql, 4, (const char *const[]){r->uuid, r->value[0], now,
			    who->name}, _("Saving"), err))
				return false;
		}
	return true;
}

int
room_list(struct store *s, void (*each)(void *ctx, const struct room_info *r), void *ctx,
    struct error *err)
{
	struct room_info info;
	sqlite3_stmt *st;
	int rc, n = 0;

	if (store_prepare(s, "SELECT uuid, name, ifnull(capacity, 0), "
	    "ifnull(fee, 0) FROM room WHERE deleted = 0 AND active = 'yes' AND origin = ? "
	    "ORDER BY name", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return -1;
	}
	sqlite3_bind_text(st, 1, store_origin(s), -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(info.uuid, sizeof info.uuid, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(info.name, sizeof info.name, "%s", (const char *)sqlite3_column_text(st, 1));
		info.capacity = sqlite3_column_int(st, 2);
		info.fee = sqlite3_column_int64(st, 3);
		each(ctx, &info);
		n++;
	}
	return store_end(s, st, rc, _("Reading"), err) ? n : -1;
}

bool
room_get(struct store *s, const char *uuid, struct room_info *info)
{
	sqlite3_stmt *st;
	bool found = false;

	if (store_prepare(s, "SELECT name, ifnull(capacity, -1), ifnull(fee, -1) FROM room "
	    "WHERE uuid = ? AND deleted = 0", &st) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(info->uuid, sizeof info->uuid, "%s", uuid);
		snprintf(info->name, sizeof info->name, "%s",
		    (const char *)sqlite3_column_text(st, 0));
		info->capacity = sqlite3_column_int(st, 1);
		info->fee = sqlite3_column_int64(st, 2);
		found = true;
	}
	store_done(s, st);
	return found;
}

long long
room_fee_for(struct store *s, const struct opening *o, const char *uuid, int start, int end)
{
	struct room_info info;
	int n = opening_slots_covered(o, start, end);

	if (!room_get(s, uuid, &info) || info.fee < 0 || n == 0)
		return -1;
	return info.fee * n;
}
