/*
 * record — the record kinds of a center's day (meeting, event, facility
 * use …), each described once as a table of fields, and the one path that
 * parses, validates, stores, lists and tombstones them.  Forms, `kyodo add`,
 * CSV and sync all go through here, so they accept and refuse the same things.
 *
 * Values are held as canonical text ("2026-04-01", "09:30", "12000"); NULL
 * means empty.  A record owns its strings; record_free() releases them.
 *
 * The work is split by job, a file each: field.h/field.c parse what a
 * person types for one field (no SQLite); record.c holds kinds and records
 * in memory; save.c writes records (insert, update, tombstone); query.c
 * reads them (by id or name, lists with keyset paging, counts); kinds.c is
 * the kinds' table.  This header is the API of all of them but field.c
 * (field.h, which it includes), so callers include record.h alone.
 */
#ifndef KYODO_RECORD_H
#define KYODO_RECORD_H

#include <stdbool.h>
#include <stdint.h>

#include "base/actor.h"
#include "base/buf.h"
#include "base/error.h"
#include "field.h"
#include "store/store.h"

#define RECORD_MAX_FIELDS 24
/* Kinds there can be; kinds.c fails to compile when it lists more, so a
 * new kind cannot overflow an array sized by it (the sync result's). */
#define KIND_MAX 24

/* A column the program sets, never a person: the uuid of another row (the
 * booking a use checked in) or of a group of rows (a booking's series).
 * It travels with the row, and ref, when set, names the kind it points at. */
struct link {
	const char *column;
	const char *ref;
};

struct record;

struct kind {
	const char *name;	/* "meeting": the command line's KIND */
	const char *table;
	const char *label;	/* English msgid, e.g. "Meeting" */
	const struct field *fields;
	int nfields;
	const char *title;	/* the field that names a record to people and in the audit */
	/* List order for kinds without a date ("name"); NULL: by date and time. */
	const char *order;
	/* Rows of this kind are written only by city hall (programmes, decisions). */
	bool city_owned;
	/* Shown among the day's records on the home screen, in kind_all's order. */
	bool today;
	/* The roles that may write it, as bits (1 << ROLE_…); 0: every role. */
	unsigned writers;
	/* Checks that span fields (end after start); NULL when none. */
	bool (*check)(const struct record *r, struct error *err);
	/* Checks against the store (collisions, opening hours), inside the
	 * writing transaction; NULL when none. */
	bool (*check_store)(struct store *s, const struct record *r, struct error *err);
	/* Follow-up writes in the same transaction (a renamed room renames its
	 * references); old is NULL for a new record. */
	bool (*after_write)(struct store *s, const struct actor *who,
	    const struct record *old, const struct record *r, struct error *err);
	const struct link *links;
	int nlinks;
};

struct record {
	const struct kind *kind;
	char uuid[37];		/* "" until stored */
	char origin[17];
	long long version;
	char updated_at[21];
	bool deleted;
	char *created_by, *updated_by;
	char *value[RECORD_MAX_FIELDS];
	char ref_id[RECORD_MAX_FIELDS][37];	/* FIELD_REF: the record named, or "" */
};

/* The columns every synced row has, before its kind's own fields, in the
 * order save.c writes and query.c reads them: struct record's meta members. */
#define RECORD_META_COLUMNS "uuid, origin, version, updated_at, deleted, created_by, updated_by"
#define RECORD_META_COUNT 7

/* ---- kinds (record.c; the list itself is kinds.c's) ---- */

/* The kinds, NULL-terminated, and lookup by command-line name. */
bool kind_dated(const struct kind *k);
const struct kind *const *kind_all(void);
/* The tables of the kinds the city (city) or a center owns: what its file
 * carries and what a restore lifts.  NULL-ended. */
const char *const *kind_tables_owned(bool city);
const struct kind *kind_find(const char *name);
/* Index of the field named name, or -1. */
int kind_field(const struct kind *k, const char *name);
/* Index of the field that names a record of kind k (k->title). */
int kind_title(const struct kind *k);
/* The kind's translated label. */
const char *kind_label(const struct kind *k);

/* ---- records in memory (record.c) ---- */

/* An empty record of kind k, with the fields' defaults set. */
void record_init(struct record *r, const struct kind *k);
/* An empty record of kind k without even the defaults: what a row read
 * from the store fills. */
void record_init_empty(struct record *r, const struct kind *k);
/* Deep copy of src into dst (initialised by this call). */
void record_copy(struct record *dst, const struct record *src);
void record_free(struct record *r);

/* Copies of records kept in a growing array, e.g. from record_list. */
struct record_rows {
	struct record *rows;
	int n, cap;
};
void record_rows_add(struct record_rows *set, const struct record *r);
/* Frees the copies; the array stays for the next ones. */
void record_rows_clear(struct record_rows *set);
void record_rows_free(struct record_rows *set);
/* Sets field i from input (see field_parse); err->field = i on refusal. */
bool record_set(struct record *r, int i, const char *input, struct error *err);
/* The value as a number (0 when empty). */
long long record_int(const struct record *r, int i);
/* Required fields present and cross-field checks pass. */
bool record_check(const struct record *r, struct error *err);
/* One line naming the record: date, time and title. */
void record_summary(const struct record *r, struct buf *out);

/* ---- writing (save.c) ---- */

/* Stores a new record (owner: this store; version 1; a fresh uuid unless
 * r->uuid is already set) and audits it, in one transaction. */
bool record_insert(struct store *s, const struct actor *who, struct record *r,
    struct error *err);
/* Saves changes to a stored record: version + 1.  Refused when the row
 * belongs to another origin or was changed since r was read. */
bool record_update(struct store *s, const struct actor *who, struct record *r,
    struct error *err);
/* Marks the record deleted (a tombstone that still travels): version + 1. */
bool record_delete(struct store *s, const struct actor *who, struct record *r,
    struct error *err);
/* Brings a deleted record back (its values as they were): version + 1,
 * audited "undelete", so it travels like an edit.  Refused when r is not
 * deleted, when who may not write its kind, when it belongs to another
 * origin, or when it breaks a rule of its kind now (the kind's check and
 * check_store: a room taken meanwhile, a name now used). */
bool record_undelete(struct store *s, const struct actor *who, struct record *r,
    struct error *err);
/* As insert, but inside the caller's transaction (bulk loads). */
bool record_insert_in_tx(struct store *s, const struct actor *who, struct record *r,
    struct error *err);

/* True when who may write records of kind k; otherwise err says why.  The
 * core checks this on every write, so the screens hiding a key is a
 * convenience, not the protection. */
bool record_may_write(const struct actor *who, const struct kind *k, struct error *err);

/* A fresh random (version 4) uuid. */
void record_new_uuid(char out[37]);
/* Makes record_new_uuid draw its bytes from fill instead of the system's
 * random source (NULL restores it): the demo store is the same for a seed. */
void record_set_uuid_source(void (*fill)(void *ctx, unsigned char bytes[16]), void *ctx);

/* As update, but inside the caller's transaction. */
bool record_update_in_tx(struct store *s, const struct actor *who, struct record *r,
    struct error *err);

/* ---- reading (query.c) ---- */

/* Reads one record by uuid; false with err when there is none. */
bool record_get(struct store *s, const struct kind *k, const char *uuid,
    struct record *r, struct error *err);
/* Finds a live record by uuid, a unique uuid prefix (8+ characters) or a
 * unique title. */
/* The uuid of the record of kind k that name is (its id, an id prefix of
 * 8 or more, or its title), live or (deleted) among this store's own
 * deleted ones: the number found, 0 to 2 (2: more than one), or -1 with
 * err.  record_find and record_find_deleted say what the count means. */
int record_find_uuid(struct store *s, const struct kind *k, const char *name, bool deleted,
    char uuid[37], struct error *err);
bool record_find(struct store *s, const struct kind *k, const char *name,
    struct record *r, struct error *err);

/* As record_find, among the deleted records of this store's own (what
 * record_undelete may bring back). */
bool record_find_deleted(struct store *s, const struct kind *k, const char *name,
    struct record *r, struct error *err);
/* Calls each for up to limit deleted records of this store's own, of the
 * kinds who may write, the latest deletion first (record valid during the
 * call only).  Returns the number passed, or -1 with err. */
long record_list_deleted(struct store *s, const struct actor *who, int limit,
    void (*each)(void *ctx, const struct record *r), void *ctx, struct error *err);

struct record_query {
	int year, month;	/* month 0: every month */
	bool with_deleted;
	/* Keyset paging: rows after (date, start, uuid) in list order, or with
	 * backward set, the rows before it, nearest first. */
	const char *after_date, *after_start, *after_uuid;
	bool backward;
	/* Only records whose text fields or choice labels contain this. */
	const char *contains;
	/* Only records whose field eq_field holds exactly eq_value. */
	const char *eq_field, *eq_value;
	int limit;		/* 0: no limit */
};

/* Calls each for the records that match, in (date, start, uuid) order.
 * The record passed is valid during the call only; each returns false to
 * stop.  Returns the number of rows passed, or -1 with err. */
long record_list(struct store *s, const struct kind *k, const struct record_query *q,
    bool (*each)(void *ctx, const struct record *r), void *ctx, struct error *err);
/* Live records of kind k in a month (month 0: the whole year; year 0: all). */
long record_count(struct store *s, const struct kind *k, int year, int month,
    struct error *err);

#endif
