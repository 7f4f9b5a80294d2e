/* body — see body.h. */
#include "body.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "base/i18n.h"

const struct choice body_milestones[] = {
	{"preparatory-committee", N_("Preparatory committee formed")},
	{"founding", N_("Body founded")},
	{"founding-notice", N_("Founding notice filed")},
	{"secretariat", N_("Secretariat staff secured")},
	{"awareness", N_("Awareness campaign held")},
	{"survey", N_("Residents' survey done")},
	{"plan-adopted", N_("Development plan adopted")},
	{"plan-activities", N_("Plan-based activities under way")},
	{"base-improved", N_("Activity base improved")},
	{"independent", N_("Acting independently")},
	{NULL, NULL},
};

static const int milestone_stage[] = {1, 1, 1, 2, 2, 2, 2, 3, 3, 3};

int
body_milestone_stage(const char *code)
{
	int i;

	for (i = 0; body_milestones[i].code != NULL; i++)
		if (strcmp(body_milestones[i].code, code) == 0)
			return milestone_stage[i];
	return 0;
}

static long
count_rows(struct store *s, const char *sql, const char *param)
{
	sqlite3_stmt *st;
	long n = -1;

	if (store_prepare(s, sql, &st) != SQLITE_OK)
		return -1;
	if (param != NULL)
		sqlite3_bind_text(st, 1, param, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	store_done(s, st);
	return n;
}

/* One body per center: a second profile would leave "the body" ambiguous. */
bool
body_check_store(struct store *s, const struct record *r, struct error *err)
{
	sqlite3_stmt *st;
	bool other = false;

	if (store_prepare(s, "SELECT 1 FROM body WHERE deleted = 0 AND uuid <> ? "
	    "AND origin = ?", &st) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, r->uuid, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, store_origin(s), -1, SQLITE_STATIC);
		other = sqlite3_step(st) == SQLITE_ROW;
		store_done(s, st);
	}
	if (other) {
		error_set(err, _("The center has its community body already; edit it instead."));
		return false;
	}
	return true;
}

bool
milestone_check_store(struct store *s, const struct record *r, struct error *err)
{
	sqlite3_stmt *st;
	bool dup = false;

	if (store_prepare(s, "SELECT 1 FROM milestone WHERE deleted = 0 "
	    "AND code = ? AND uuid <> ? AND origin = ?", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, r->value[0], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, store_origin(s), -1, SQLITE_STATIC);
	dup = sqlite3_step(st) == SQLITE_ROW;
	store_done(s, st);
	if (dup) {
		error_set(err, _("%s: \"%s\" is recorded already."), field_label(&r->kind->fields[0]),
		    field_choice_label(&r->kind->fields[0], r->value[0]));
		error_field(err, 0);
		return false;
	}
	return true;
}

bool
body_state(struct store *s, struct body_state *b, struct error *err)
{
	sqlite3_stmt *st;
	int i;

	memset(b, 0, sizeof *b);
	b->stage = 1;
	if (store_prepare(s, "SELECT uuid, name, stage FROM body WHERE deleted = 0 "
	    "AND origin = ? LIMIT 1", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, store_origin(s), -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		b->exists = true;
		snprintf(b->uuid, sizeof b->uuid, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(b->name, sizeof b->name, "%s", (const char *)sqlite3_column_text(st, 1));
		b->stage = atoi((const char *)sqlite3_column_text(st, 2));
	}
	store_done(s, st);
	for (i = 0; body_milestones[i].code != NULL; i++) {
		int stg = milestone_stage[i] - 1;

		b->total[stg]++;
		b->done[stg] += count_rows(s, "SELECT count(*) FROM milestone WHERE deleted = 0 "
		    "AND code = ?", body_milestones[i].code) > 0;
	}
	return true;
}

bool
body_milestones_of(struct store *s, int stage,
    void (*each)(void *ctx, const char *code, const char *label, const char *done_on),
    void *ctx, struct error *err)
{
	sqlite3_stmt *st;
	int i;

	if (store_prepare(s, "SELECT date FROM milestone WHERE deleted = 0 AND "
	    "code = ?", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	for (i = 0; body_milestones[i].code != NULL; i++) {
		char done[11] = "";

		if (milestone_stage[i] != stage)
			continue;
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, body_milestones[i].code, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(done, sizeof done, "%s", (const char *)sqlite3_column_text(st, 0));
		each(ctx, body_milestones[i].code, _(body_milestones[i].label), done);
	}
	store_done(s, st);
	return true;
}

bool
body_support_of(struct store *s, int stage, void (*each)(void *ctx, const char *text), void *ctx,
    struct error *err)
{
	sqlite3_stmt *st;
	char code[16];

	snprintf(code, sizeof code, "%d", stage);
	if (store_prepare(s, i18n_lang() == LANG_JA ?
	    "SELECT name_ja FROM stage_support WHERE stage = ? ORDER BY ord" :
	    "SELECT name_en FROM stage_support WHERE stage = ? ORDER BY ord", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		each(ctx, (const char *)sqlite3_column_text(st, 0));
	store_done(s, st);
	return true;
}

bool
body_advance(struct store *s, const struct actor *who, const char *override_reason,
    int *new_stage, struct error *err)
{
	const struct kind *k = kind_find("body");
	struct body_state b;
	struct record r;
	struct buf sum = {0};
	char next[16];
	bool ok;

	if (!body_state(s, &b, err))
		return false;
	if (!b.exists) {
		error_set(err, _("The center has no community body recorded yet."));
		return false;
	}
	if (b.stage >= 3) {
		error_set(err, _("The body is at the last stage already."));
		return false;
	}
	if (b.done[b.stage - 1] < b.total[b.stage - 1] &&
	    (override_reason == NULL || *override_reason == '\0')) {
		error_set(err, _("Stage %d has %d of %d milestones done; record the rest, or "
		    "give a reason to move on anyway."), b.stage, b.done[b.stage - 1],
		    b.total[b.stage - 1]);
		return false;
	}
	if (!record_get(s, k, b.uuid, &r, err))
		return false;
	snprintf(next, sizeof next, "%d", b.stage + 1);
	free(r.value[kind_field(k, "stage")]);
	r.value[kind_field(k, "stage")] = xstrdup(next);
	ok = store_begin(s, err) && record_update_in_tx(s, who, &r, err);
	if (ok && override_reason != NULL && *override_reason != '\0') {
		buf_printf(&sum, "stage %d -> %s: %s", b.stage, next, override_reason);
		ok = audit_log(s, who, "stage-override", "body", b.uuid, buf_str(&sum), err);
	}
	ok = ok && store_commit(s, err);
	if (!ok)
		store_rollback(s);
	else
		*new_stage = b.stage + 1;
	buf_free(&sum);
	record_free(&r);
	return ok;
}
