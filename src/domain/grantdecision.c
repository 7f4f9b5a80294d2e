/*
 * grantdecision — the city's decision on an application (see grantbook.h):
 * the rules every decision row meets wherever it is written or arrives
 * (decision_check_store), and the city's steps that write it — decide,
 * advance, settle, pay (grant_city_step) and a decision added whole
 * (grant_decision_add).
 */
#include "grantbook.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/i18n.h"
#include "base/money.h"

static int
fi(const struct record *r, const char *name)
{
	return kind_field(r->kind, name);
}

/* What a decision is checked against: its application as stored. */
struct app_facts {
	bool found, deleted;
	enum grant_status status;
	char origin[17], program[37];
	long long cost, requested;
};

static const char *
column_or_empty(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return t != NULL ? (const char *)t : "";
}

static bool
app_facts(struct store *s, const char *uuid, struct app_facts *a, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(a, 0, sizeof *a);
	if (store_prepare(s, "SELECT origin, deleted, status, ifnull(program_id, ''), cost, "
	    "requested FROM application WHERE uuid = ?", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		a->found = true;
		snprintf(a->origin, sizeof a->origin, "%s", column_or_empty(st, 0));
		a->deleted = sqlite3_column_int(st, 1) != 0;
		a->status = grant_status_of(column_or_empty(st, 2));
		snprintf(a->program, sizeof a->program, "%s", column_or_empty(st, 3));
		a->cost = sqlite3_column_int64(st, 4);
		a->requested = sqlite3_column_int64(st, 5);
	}
	return store_end(s, st, rc, _("Reading"), err);
}

/* The uuid of a live decision on application other than the row except,
 * into out ("" when there is none); false on a read error. */
static bool
other_decision(struct store *s, const char *application, const char *except, char out[37],
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	out[0] = '\0';
	if (store_prepare(s, "SELECT uuid FROM decision WHERE application = ?1 AND "
	    "deleted = 0 AND uuid IS NOT ?2 LIMIT 1", &st) != SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	sqlite3_bind_text(st, 1, application, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, except, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out, 37, "%s", column_or_empty(st, 0));
	return store_end(s, st, rc, _("Reading"), err);
}

/* The decided amount of the stored decision row uuid into *amount; false
 * when there is no such row or it has none. */
static bool
stored_decided(struct store *s, const char *uuid, long long *amount)
{
	sqlite3_stmt *st;
	bool yes = false;

	if (store_prepare(s, "SELECT decided_amount FROM decision WHERE uuid = ? AND "
	    "decided_amount IS NOT NULL", &st) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*amount = sqlite3_column_int64(st, 0);
		yes = true;
	}
	store_done(s, st);
	return yes;
}

/* Refuses with the sentence already set, naming field i for the form. */
static bool
refuse(struct error *err, int i)
{
	error_field(err, i);
	return false;
}

/* An amount and its date go together: one without the other says a step
 * was half taken. */
static bool
paired(const struct record *r, const char *amount, const char *date, struct error *err)
{
	int a = fi(r, amount), d = fi(r, date);
	const struct field *f = r->kind->fields;

	if (r->value[a] != NULL && r->value[d] == NULL) {
		error_set(err, _("%s: an amount goes with its date (%s)."), field_label(&f[a]),
		    field_label(&f[d]));
		return refuse(err, a);
	}
	if (r->value[d] != NULL && r->value[a] == NULL) {
		error_set(err, _("%s: a date goes with its amount (%s)."), field_label(&f[d]),
		    field_label(&f[a]));
		return refuse(err, d);
	}
	return true;
}

/* What an amount may not pass. */
enum bound { BY_REQUEST, BY_PROGRAMME, BY_DECISION, BY_FINAL };

/* Amount field is at most limit, which is the bound named. */
static bool
at_most(const struct record *r, const char *field, long long limit, enum bound bound,
    struct error *err)
{
	int i = fi(r, field);
	const char *label = field_label(&r->kind->fields[i]);
	char a[32], b[32];

	if (r->value[i] == NULL || record_int(r, i) <= limit)
		return true;
	money_format(record_int(r, i), a, sizeof a);
	money_format(limit, b, sizeof b);
	switch (bound) {
	case BY_REQUEST:
		error_set(err, _("%s: ¥%s is more than was requested (¥%s)."), label, a, b);
		break;
	case BY_PROGRAMME:
		error_set(err, _("%s: ¥%s is more than the program allows for this "
		    "application (¥%s)."), label, a, b);
		break;
	case BY_DECISION:
		error_set(err, _("%s: ¥%s is more than the decided amount (¥%s)."), label, a, b);
		break;
	case BY_FINAL:
		error_set(err, _("%s: ¥%s is more than the final amount (¥%s)."), label, a, b);
		break;
	}
	return refuse(err, i);
}

/* Date field later is not before date field earlier (both canonical
 * YYYY-MM-DD, so they compare as text). */
static bool
not_before(const struct record *r, const char *later, const char *earlier, bool settled,
    struct error *err)
{
	int l = fi(r, later), e = fi(r, earlier);

	if (r->value[l] == NULL || r->value[e] == NULL || strcmp(r->value[l], r->value[e]) >= 0)
		return true;
	if (settled)
		error_set(err, _("%s: %s is before the amount was settled (%s)."),
		    field_label(&r->kind->fields[l]), r->value[l], r->value[e]);
	else
		error_set(err, _("%s: %s is before the decision (%s)."),
		    field_label(&r->kind->fields[l]), r->value[l], r->value[e]);
	return refuse(err, l);
}

/* The rules within the row: what goes with what, amounts and dates in
 * their order. */
static bool
decision_row_fits(const struct record *r, struct error *err)
{
	int d = fi(r, "decided_amount"), pa = fi(r, "paid_amount");
	long long decided = record_int(r, d);

	if (r->value[d] == NULL) {
		error_set(err, _("%s: required."), field_label(&r->kind->fields[d]));
		return refuse(err, d);
	}
	if (!paired(r, "decided_amount", "decided_on", err) ||
	    !paired(r, "advance_amount", "advance_on", err) ||
	    !paired(r, "final_amount", "settled_on", err) ||
	    !paired(r, "paid_amount", "paid_on", err))
		return false;
	if (r->value[pa] != NULL && r->value[fi(r, "final_amount")] == NULL) {
		error_set(err, _("%s: a grant is paid only once its amount is settled."),
		    field_label(&r->kind->fields[pa]));
		return refuse(err, pa);
	}
	return at_most(r, "advance_amount", decided, BY_DECISION, err) &&
	    at_most(r, "final_amount", decided, BY_DECISION, err) &&
	    at_most(r, "paid_amount", record_int(r, fi(r, "final_amount")), BY_FINAL, err) &&
	    not_before(r, "advance_on", "decided_on", false, err) &&
	    not_before(r, "settled_on", "decided_on", false, err) &&
	    not_before(r, "paid_on", "settled_on", true, err);
}

bool
decision_check_store(struct store *s, const struct record *r, struct error *err)
{
	int ai = fi(r, "application"), ci = fi(r, "center"), di = fi(r, "decided_amount");
	const char *app = r->value[ai] != NULL ? r->value[ai] : "";
	const char *center = r->value[ci] != NULL ? r->value[ci] : "";
	const struct field *f = r->kind->fields;
	struct app_facts a;
	struct programme_terms t;
	long long before, allowed;
	char other[37];

	/* A tombstone asserts nothing but its own end. */
	if (r->deleted)
		return true;
	if (!decision_row_fits(r, err))
		return false;
	if (!app_facts(s, app, &a, err))
		return false;
	if (!a.found) {
		error_set(err, _("%s: there is no grant application with id %s."),
		    field_label(&f[ai]), app);
		return refuse(err, ai);
	}
	if (a.deleted) {
		error_set(err, _("%s: the application %s was deleted."), field_label(&f[ai]), app);
		return refuse(err, ai);
	}
	/* The center field is where the decision travels: it must be the
	 * center that owns the application, or the city's file would carry
	 * one center's grant to another. */
	if (strcmp(center, a.origin) != 0) {
		error_set(err, _("%s: the application belongs to %s, not to %s."),
		    field_label(&f[ci]), a.origin, center);
		return refuse(err, ci);
	}
	if (!at_most(r, "decided_amount", a.requested, BY_REQUEST, err))
		return false;
	/* What the programme allows is asked of a decided amount that is new
	 * or changed.  One already stored was judged when it was made; the
	 * city may change a programme's terms afterwards, and the decisions
	 * made under the old ones must still travel and take their next steps. */
	if (!stored_decided(s, r->uuid, &before) || before != record_int(r, di)) {
		if (a.program[0] == '\0' || !grant_terms(s, a.program, &t, NULL) ||
		    (allowed = grant_allowed(&t, a.cost)) < 0) {
			error_set(err, _("%s: the application's grant program is not known here."),
			    field_label(&f[ai]));
			return refuse(err, ai);
		}
		if (!at_most(r, "decided_amount", allowed, BY_PROGRAMME, err))
			return false;
	}
	/* One decision an application (the unique index decision_by_application
	 * holds it too, but in SQLite's words). */
	if (!other_decision(s, app, r->uuid, other, err))
		return false;
	if (other[0] != '\0') {
		error_set(err, _("%s: this application already has a grant decision; a second "
		    "one is refused."), field_label(&f[ai]));
		return refuse(err, ai);
	}
	return true;
}

static void
set_value(struct record *r, const char *field, const char *v)
{
	int i = kind_field(r->kind, field);

	free(r->value[i]);
	r->value[i] = xstrdup(v);
}

static void
set_amount(struct record *r, const char *field, long long v)
{
	char num[32];

	snprintf(num, sizeof num, "%lld", v);
	set_value(r, field, num);
}

/* A decision on app that has none live, into dec: its uuid is the
 * application's, so the city deciding again after restoring a backup makes
 * the same row (its copy at the center is replaced, not duplicated).  When
 * the store holds a row with that uuid — a decision deleted — it is brought
 * back emptied, to be saved as its next version: true.  Otherwise a new
 * record to insert: false. */
static bool
new_decision(struct store *s, const struct record *app, struct record *dec)
{
	const struct kind *dk = kind_find("decision");
	bool found = record_get(s, dk, app->uuid, dec, NULL);
	int i;

	if (found) {
		for (i = 0; i < dk->nfields; i++) {
			free(dec->value[i]);
			dec->value[i] = NULL;
		}
		dec->deleted = false;
	} else {
		record_init(dec, dk);
		snprintf(dec->uuid, sizeof dec->uuid, "%s", app->uuid);
	}
	set_value(dec, "application", app->uuid);
	set_value(dec, "center", app->origin);
	return found;
}

bool
grant_city_step(struct store *s, const struct actor *who, enum grant_city_step step,
    const char *application, long long amount, const char *date, const char *conditions,
    struct error *err)
{
	const struct kind *ak = kind_find("application"), *dk = kind_find("decision");
	struct record app, dec;
	struct buf sql = {0};
	sqlite3_stmt *st;
	char today[11], dec_uuid[37] = "", a[32], b[32];
	enum grant_status status;
	long long decided_amount = 0, final_amount = 0, advance = 0;
	bool ok = false, have_final = false, revived = false;

	if (store_kind(s) != STORE_CITY) {
		error_set(err, _("Only city hall decides on grants; a center receives the "
		    "decisions with the city's file."));
		return false;
	}
	if (amount < 0 && step != GRANT_PAY) {
		error_set(err, _("An amount cannot be negative."));
		return false;
	}
	if (!record_find(s, ak, application, &app, err))
		return false;
	date_format(date_today(), today);
	if (date == NULL)
		date = today;
	if (store_prepare(s, "SELECT uuid, ifnull(decided_amount, -1), "
	    "ifnull(final_amount, -1), ifnull(advance_amount, 0) FROM decision WHERE "
	    "deleted = 0 AND application = ?", &st) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, app.uuid, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			snprintf(dec_uuid, sizeof dec_uuid, "%s", (const char *)sqlite3_column_text(st, 0));
			decided_amount = sqlite3_column_int64(st, 1);
			final_amount = sqlite3_column_int64(st, 2);
			have_final = final_amount >= 0;
			advance = sqlite3_column_int64(st, 3);
		}
		store_done(s, st);
	}
	status = grant_status_of(app.value[kind_field(ak, "status")]);
	if (status == GRANT_STATUS_WITHDRAWN) {
		error_set(err, _("This application was withdrawn."));
		goto out;
	}
	if (dec_uuid[0] != '\0') {
		if (!record_get(s, dk, dec_uuid, &dec, err))
			goto out;
	} else
		revived = new_decision(s, &app, &dec);
	switch (step) {
	case GRANT_DECIDE:
		if (status != GRANT_STATUS_APPLIED || have_final) {
			error_set(err, _("A grant is decided on an application that is applied "
			    "and not yet settled."));
			goto out_dec;
		}
		if (amount > record_int(&app, kind_field(ak, "requested"))) {
			money_format(amount, a, sizeof a);
			money_format(record_int(&app, kind_field(ak, "requested")), b, sizeof b);
			error_set(err, _("The decided amount ¥%s is more than was requested (¥%s)."), a, b);
			goto out_dec;
		}
		set_amount(&dec, "decided_amount", amount);
		set_value(&dec, "decided_on", date);
		if (conditions != NULL)
			set_value(&dec, "conditions", conditions);
		break;
	case GRANT_ADVANCE:
		if (decided_amount < 0 || dec_uuid[0] == '\0' || have_final) {
			error_set(err, _("An advance is paid after the decision and before the "
			    "amount is settled."));
			goto out_dec;
		}
		if (amount > decided_amount) {
			error_set(err, _("An advance cannot be more than the decided amount."));
			goto out_dec;
		}
		set_amount(&dec, "advance_amount", amount);
		set_value(&dec, "advance_on", date);
		break;
	case GRANT_SETTLE:
		if (status != GRANT_STATUS_REPORTED || decided_amount < 0) {
			error_set(err, _("The amount is settled after the results are reported."));
			goto out_dec;
		}
		if (amount > decided_amount) {
			money_format(amount, a, sizeof a);
			money_format(decided_amount, b, sizeof b);
			error_set(err, _("The final amount ¥%s is more than the decided amount (¥%s)."),
			    a, b);
			goto out_dec;
		}
		set_amount(&dec, "final_amount", amount);
		set_value(&dec, "settled_on", date);
		break;
	case GRANT_PAY:
		if (!have_final) {
			error_set(err, _("A grant is paid once its amount is settled."));
			goto out_dec;
		}
		if (amount < 0 && advance > final_amount) {
			money_format(advance - final_amount, a, sizeof a);
			error_set(err, _("The advance paid is more than the final amount: ¥%s is to "
			    "be returned (返還), and nothing is left to pay."), a);
			goto out_dec;
		}
		/* The advance already paid is set against the final amount. */
		set_amount(&dec, "paid_amount", amount >= 0 ? amount : final_amount - advance);
		set_value(&dec, "paid_on", date);
		break;
	}
	ok = dec_uuid[0] != '\0' || revived ? record_update(s, who, &dec, err) :
	    record_insert(s, who, &dec, err);
out_dec:
	record_free(&dec);
out:
	buf_free(&sql);
	record_free(&app);
	return ok;
}

bool
grant_decision_add(struct store *s, const struct actor *who, struct record *r,
    struct error *err)
{
	const struct kind *ak = kind_find("application");
	int ai = fi(r, "application"), fa = fi(r, "final_amount");
	struct record found;
	struct app_facts a;
	char other[37];
	bool ok;

	/* Who may not write a decision, or where, is refused (and audited) by
	 * the insert itself, in its own words; so is a missing application. */
	if (!record_may_write(who, r->kind, NULL) || store_kind(s) != STORE_CITY ||
	    r->value[ai] == NULL)
		return record_insert(s, who, r, err);
	if (!app_facts(s, r->value[ai], &a, err))
		return false;
	/* The application named by title or id prefix, as elsewhere on the
	 * command line; the row keeps its uuid. */
	if (!a.found && record_find(s, ak, r->value[ai], &found, NULL)) {
		free(r->value[ai]);
		r->value[ai] = xstrdup(found.uuid);
		record_free(&found);
		if (!app_facts(s, r->value[ai], &a, err))
			return false;
	}
	if (!other_decision(s, r->value[ai], "", other, err))
		return false;
	if (other[0] != '\0') {
		error_set(err, _("%s: this application already has a grant decision; a second "
		    "one is refused."), field_label(&r->kind->fields[ai]));
		return refuse(err, ai);
	}
	/* The city's act on the center's application: the same rule as
	 * grant_city_step's.  An application not found (or deleted) is left
	 * to decision_check_store to name. */
	if (a.found && !a.deleted) {
		if (a.status == GRANT_STATUS_WITHDRAWN) {
			error_set(err, _("This application was withdrawn."));
			return refuse(err, ai);
		}
		if (a.status != GRANT_STATUS_APPLIED) {
			error_set(err, _("A grant is decided on an application that is applied "
			    "and not yet settled."));
			return refuse(err, ai);
		}
		if (r->value[fa] != NULL) {
			error_set(err, _("The amount is settled after the results are reported."));
			return refuse(err, fa);
		}
	}
	snprintf(r->uuid, sizeof r->uuid, "%s", r->value[ai]);
	if (!record_get(s, r->kind, r->uuid, &found, NULL))
		return record_insert(s, who, r, err);
	/* A row with this uuid is a decision deleted: r is its next version.
	 * (A live one naming another application is a damaged store.) */
	if (!found.deleted) {
		record_free(&found);
		r->uuid[0] = '\0';
		error_set(err, _("%s: this application already has a grant decision; a second "
		    "one is refused."), field_label(&r->kind->fields[ai]));
		return refuse(err, ai);
	}
	snprintf(r->origin, sizeof r->origin, "%s", found.origin);
	r->version = found.version;
	memcpy(r->updated_at, found.updated_at, sizeof r->updated_at);
	r->deleted = false;
	record_free(&found);
	ok = record_update(s, who, r, err);
	if (!ok)
		r->uuid[0] = '\0';
	return ok;
}
