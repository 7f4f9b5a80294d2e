/*
 * bookingform — a new booking, opened from the day grid with the room, the
 * date and the slot's times filled in.  The fields are the booking kind's
 * own (from the kind table, through the generic form; the status is left
 * out: a new booking is booked), followed by how it repeats: not at all,
 * weekly, every 2 weeks or monthly on the same weekday (第2火曜), until a
 * date or for a number of dates.
 *
 * One date is saved with record_insert; a repeat with booking_add_series,
 * which skips the center's closed days (the message then lists them).  When
 * some dates of the repeat are taken, the form first says which (with the
 * group holding each) and asks whether to book the free ones
 * (booking_add_free_dates); no, and nothing is written.  A refusal is the
 * core's sentence, shown under the form, the cursor on the field at fault.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/booking.h"
#include "groupfee.h"
#include "base/i18n.h"
#include "base/recur.h"
#include "base/text.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/fmt.h"
#include "tui/form.h"

static const struct choice repeats[] = {
	{"none", N_("Does not repeat")},
	{"weekly", N_("Weekly")},
	{"every-2-weeks", N_("Every 2 weeks")},
	{"monthly-nth", N_("Monthly, same weekday")},
	{NULL, NULL},
};

static const struct field repeat_fields[] = {
	{ .name = "repeat", .label = N_("Repeat"), .type = FIELD_CHOICE, .required = true,
	    .choices = repeats, .dflt = "none" },
	{ .name = "until", .label = N_("Repeat until"), .type = FIELD_DATE },
	{ .name = "count", .label = N_("Number of dates"), .type = FIELD_COUNT,
	    .max = RECUR_MAX },
};

#define NREPEAT ((int)(sizeof repeat_fields / sizeof repeat_fields[0]))
#define SKIPPED_SHOWN 4	/* skipped dates named in the message */
#define TAKEN_SHOWN 12	/* taken dates named in the question and message */

/* The form's kind: the booking's fields without the status, then the
 * repeat.  Built once from the booking kind, so a field added there shows
 * up here too.  Never stored: saving copies the values into a booking. */
static struct field form_fields[RECORD_MAX_FIELDS];
static struct kind form_kind;

static bool check_form(const struct record *r, struct error *err);

static const struct kind *
booking_kind(void)
{
	return kind_find("booking");
}

static void
build_kind(void)
{
	const struct kind *b = booking_kind();
	int i, n = 0;

	if (form_kind.nfields > 0)
		return;
	for (i = 0; i < b->nfields && n < RECORD_MAX_FIELDS - NREPEAT; i++)
		if (strcmp(b->fields[i].name, "status") != 0)
			form_fields[n++] = b->fields[i];
	for (i = 0; i < NREPEAT; i++)
		form_fields[n++] = repeat_fields[i];
	form_kind = *b;
	form_kind.fields = form_fields;
	form_kind.nfields = n;
	form_kind.title = "group";
	form_kind.check = check_form;
	form_kind.check_store = NULL;
	form_kind.after_write = NULL;
}

static int
F(const char *name)
{
	return kind_field(&form_kind, name);
}

/* The booking's own checks (times, waiver), then the repeat's: an end
 * date or a number of dates, not both. */
static bool
check_form(const struct record *r, struct error *err)
{
	const char *rep = r->value[F("repeat")];
	int until = F("until"), count = F("count");

	if (booking_kind()->check != NULL && !booking_kind()->check(r, err))
		return false;
	if (rep == NULL || strcmp(rep, "none") == 0)
		return true;
	if (r->value[until] == NULL && (r->value[count] == NULL || record_int(r, count) < 1)) {
		error_set(err, _("%s: give the last date, or a number of dates below."),
		    field_label(&form_fields[until]));
		error_field(err, until);
		return false;
	}
	if (r->value[until] != NULL && r->value[count] != NULL) {
		error_set(err, _("%s: give the last date or a number of dates, not both."),
		    field_label(&form_fields[count]));
		error_field(err, count);
		return false;
	}
	return true;
}

struct bookingform {
	struct form form;
	char fee_shown[32];	/* the slot's fee filled in, "" for none */
	struct groupfee gf;	/* the group from the register, the fee shown */
	void (*saved)(void *ctx, const char *uuid);
	void *ctx;
	/* The series asked about when some of its dates are taken. */
	struct record pending;
	struct recur pending_rule;
	bool has_pending;
	bool copy;		/* filled from another booking */
};

/* Fills the form from booking uuid: every field but its date and status
 * (a copy is a new booking, on the form's date).  The fee is copied as it
 * was, not worked out again. */
static bool
copy_booking(struct app *a, struct bookingform *bf, const char *uuid)
{
	const struct kind *k = booking_kind();
	struct record src;
	struct error err;
	int i;

	if (!record_get(app_store(a), k, uuid, &src, &err)) {
		app_error(a, "%s", err.text);
		return false;
	}
	for (i = 0; i < k->nfields; i++) {
		if (strcmp(k->fields[i].name, "date") == 0 ||
		    strcmp(k->fields[i].name, "status") == 0 || F(k->fields[i].name) < 0)
			continue;
		form_set(&bf->form, F(k->fields[i].name), src.value[i] != NULL ? src.value[i] : "");
	}
	bf->fee_shown[0] = '\0';
	bf->copy = true;
	record_free(&src);
	return true;
}

static void *
bookingform_init(struct app *a, const void *arg)
{
	const struct booking_form_arg *fa = arg;
	struct bookingform *bf = xcalloc(1, sizeof *bf);
	struct record r;
	char text[32];
	bool copied;

	build_kind();
	bf->saved = fa->saved;
	bf->ctx = fa->ctx;
	record_init(&r, &form_kind);
	form_init(&bf->form, &form_kind, &r);
	record_free(&r);
	date_format(fa->day, text);
	form_set(&bf->form, F("date"), text);
	if (fa->room != NULL)
		form_set(&bf->form, F("room"), fa->room);
	if (fa->start >= 0 && fa->end > fa->start) {
		time_format(fa->start, text);
		form_set(&bf->form, F("start"), text);
		time_format(fa->end, text);
		form_set(&bf->form, F("end"), text);
	}
	if (fa->fee >= 0) {
		snprintf(text, sizeof text, "%lld", fa->fee);
		form_set(&bf->form, F("fee"), text);
		snprintf(bf->fee_shown, sizeof bf->fee_shown, "%s", text);
	}
	copied = fa->copy != NULL && copy_booking(a, bf, fa->copy);
	/* Room, date and times are filled in: start on who books (on a copy,
	 * the date it moved to). */
	bf->form.cur = copied ? F("date") : fa->room != NULL ? F("group") : F("room");
	form_load_refs(&bf->form, app_store(a));
	groupfee_init(&bf->gf, a, &bf->form, bf->fee_shown);
	return bf;
}

static void
bookingform_done(void *state)
{
	struct bookingform *bf = state;

	form_free(&bf->form);
	groupfee_free(&bf->gf);
	if (bf->has_pending)
		record_free(&bf->pending);
	free(bf);
}

/* A refusal about a booking field, with the cursor on that field here. */
static void
refuse(struct bookingform *bf, const struct error *err)
{
	struct error e = *err;
	const struct kind *b = booking_kind();

	e.field = e.field >= 0 && e.field < b->nfields ? F(b->fields[e.field].name) : -1;
	form_refuse(&bf->form, &e);
}

/* The booking to store, from the form's values. */
static bool
to_booking(const struct record *c, struct record *b, struct error *err)
{
	const struct kind *k = booking_kind();
	int i, j;

	record_init(b, k);
	for (i = 0; i < k->nfields; i++) {
		j = F(k->fields[i].name);
		if (j >= 0 && !record_set(b, i, c->value[j] != NULL ? c->value[j] : "", err))
			return false;
	}
	return record_check(b, err);
}

static bool
make_rule(const struct record *c, struct recur *rule)
{
	const char *rep = c->value[F("repeat")];

	memset(rule, 0, sizeof *rule);
	if (!recur_parse_kind(rep, &rule->kind, &rule->weeks) ||
	    !date_parse(c->value[F("date")], &rule->start))
		return false;
	rule->has_until = c->value[F("until")] != NULL &&
	    date_parse(c->value[F("until")], &rule->until);
	rule->count = (int)record_int(c, F("count"));
	return true;
}

/* "12-08(火) 書道会, 12-15(火) 書道会": the taken dates with who holds
 * them, the first TAKEN_SHOWN of them. */
static void
taken_dates(const struct series_result *res, struct buf *out)
{
	char iso[11], day[32];
	int i;

	for (i = 0; i < res->nclashes && i < TAKEN_SHOWN; i++) {
		date_format(res->clashes[i].date, iso);
		fmt_date_short(iso, day, sizeof day);
		if (i > 0)
			buf_adds(out, _(", "));
		buf_printf(out, "%s %s", day, res->clashes[i].holder != NULL &&
		    res->clashes[i].holder[0] != '\0' ? res->clashes[i].holder :
		    res->clashes[i].why);
	}
	if (res->nclashes > TAKEN_SHOWN)
		buf_printf(out, " (+%d)", res->nclashes - TAKEN_SHOWN);
}

/* "Booked 4 dates; skipped (closed): 2026-12-29 closed every year …". */
static void
series_message(struct app *a, const struct series_result *res)
{
	struct buf msg = {0}, why = {0}, taken = {0};
	const char *p;
	int lines = 0;

	buf_printf(&msg, P_("Booked %d date.", "Booked %d dates.", (unsigned long)res->booked),
	    res->booked);
	if (res->nclashes > 0) {
		taken_dates(res, &taken);
		buf_addc(&msg, ' ');
		buf_printf(&msg, P_("Skipped %d date already taken: %s.",
		    "Skipped %d dates already taken: %s.", (unsigned long)res->nclashes),
		    res->nclashes, buf_str(&taken));
		buf_free(&taken);
	}
	if (res->nskipped > 0) {
		/* One line per skipped date; the first few fit the message line. */
		for (p = buf_str(&res->why); *p != '\0' && lines < SKIPPED_SHOWN; p++) {
			if (*p != '\n') {
				buf_addc(&why, *p);
			} else if (p[1] != '\0' && ++lines < SKIPPED_SHOWN) {
				buf_addc(&why, '\n');	/* the message wraps: a date a line */
			}
		}
		if (res->nskipped > SKIPPED_SHOWN)
			buf_printf(&why, " (+%d)", res->nskipped - SKIPPED_SHOWN);
		buf_addc(&msg, ' ');
		buf_printf(&msg, P_("Skipped %d closed date: %s", "Skipped %d closed dates: %s",
		    (unsigned long)res->nskipped), res->nskipped, buf_str(&why));
	}
	app_message(a, "%s", buf_str(&msg));
	buf_free(&msg);
	buf_free(&why);
}

/* y to "book the free dates?": books them (taken ones skipped). */
static void
book_free_dates(struct app *a, void *ctx)
{
	struct bookingform *bf = ctx;
	struct series_result res;
	struct error err;

	if (!bf->has_pending)
		return;
	if (!booking_add_free_dates(app_store(a), app_actor(a), &bf->pending, &bf->pending_rule,
	    &res, &err)) {
		series_result_free(&res);
		refuse(bf, &err);
		return;
	}
	series_message(a, &res);
	series_result_free(&res);
	app_close(a);
}

/* Some dates of the series are taken: says which, with who holds them,
 * and asks whether to book the free ones.  The question wraps. */
static void
ask_free_dates(struct app *a, struct bookingform *bf, const struct record *b,
    const struct recur *rule, const struct series_result *res)
{
	struct buf q = {0}, taken = {0};

	if (bf->has_pending)
		record_free(&bf->pending);
	record_copy(&bf->pending, b);
	bf->pending_rule = *rule;
	bf->has_pending = true;
	taken_dates(res, &taken);
	buf_printf(&q, P_("%d date is already taken: %s.", "%d dates are already taken: %s.",
	    (unsigned long)res->nclashes), res->nclashes, buf_str(&taken));
	buf_addc(&q, ' ');
	buf_printf(&q, P_("Book the %d free date? (y/n)", "Book the %d free dates? (y/n)",
	    (unsigned long)res->booked), res->booked);
	app_confirm(a, buf_str(&q), book_free_dates, bf);
	buf_free(&q);
	buf_free(&taken);
}

static void
bookingform_save(struct app *a, void *state)
{
	struct bookingform *bf = state;
	struct record c, b;
	struct series_result res;
	struct recur rule;
	struct error err;
	struct buf sum = {0};
	const char *rep;
	bool ok;

	record_init(&c, &form_kind);
	if (!form_collect(&bf->form, &c)) {
		record_free(&c);
		return;
	}
	/* The slot's fee left as filled in follows the times chosen: the
	 * core works it out from the room when none is given. */
	if (bf->fee_shown[0] != '\0' && c.value[F("fee")] != NULL &&
	    strcmp(c.value[F("fee")], bf->fee_shown) == 0)
		record_set(&c, F("fee"), "", &err);
	if (!to_booking(&c, &b, &err)) {
		refuse(bf, &err);
		goto out;
	}
	rep = c.value[F("repeat")];
	if (rep == NULL || strcmp(rep, "none") == 0) {
		ok = record_insert(app_store(a), app_actor(a), &b, &err);
		if (!ok) {
			refuse(bf, &err);
			goto out;
		}
		record_summary(&b, &sum);
		app_message(a, _("Saved: %s"), buf_str(&sum));
		buf_free(&sum);
		if (bf->saved != NULL)
			bf->saved(bf->ctx, b.uuid);
		app_close(a);
		goto out;
	}
	if (!make_rule(&c, &rule)) {
		error_set(&err, "%s", _("The repeat cannot be read."));
		error_field(&err, -1);
		form_refuse(&bf->form, &err);
		goto out;
	}
	/* Tried first, written nowhere: a taken date is asked about. */
	if (!booking_series_try(app_store(a), app_actor(a), &b, &rule, &res, &err)) {
		series_result_free(&res);
		refuse(bf, &err);
		goto out;
	}
	if (res.nclashes > 0) {
		ask_free_dates(a, bf, &b, &rule, &res);
		series_result_free(&res);
		goto out;
	}
	series_result_free(&res);
	if (!booking_add_series(app_store(a), app_actor(a), &b, &rule, &res, &err)) {
		series_result_free(&res);
		refuse(bf, &err);
		goto out;
	}
	series_message(a, &res);
	series_result_free(&res);
	app_close(a);
out:
	record_free(&b);
	record_free(&c);
}

static int
bookingform_key(struct app *a, void *state, struct key k, int act)
{
	struct bookingform *bf = state;
	int res = form_screen_key(a, &bf->form, k, act, bookingform_save, bf);

	groupfee_follow(&bf->gf, a, &bf->form);
	return res;
}

/* The text of field name as typed ("" when empty). */
static const char *
typed(struct bookingform *bf, const char *name)
{
	return lineedit_text(&bf->form.edit[F(name)]);
}

/* The repeat in words: "Every week on Sat from 2026-11-28, 4 dates". */
static void
describe_rule(struct bookingform *bf, struct buf *out)
{
	static const char *const nth[] = {
		N_("1st"), N_("2nd"), N_("3rd"), N_("4th"), N_("5th"),
	};
	int rep = bf->form.choice[F("repeat")];
	struct date d;
	long count = atol(typed(bf, "count"));

	if (rep <= 0 || !date_parse(typed(bf, "date"), &d))
		return;
	if (strcmp(repeats[rep].code, "weekly") == 0)
		buf_printf(out, _("Every week on %s from %s"), fmt_weekday(d), typed(bf, "date"));
	else if (strcmp(repeats[rep].code, "every-2-weeks") == 0)
		buf_printf(out, _("Every 2 weeks on %s from %s"), fmt_weekday(d),
		    typed(bf, "date"));
	else
		buf_printf(out, _("Every month on the %s %s from %s"),
		    _(nth[recur_nth_of_month(d) - 1]), fmt_weekday(d), typed(bf, "date"));
	if (*typed(bf, "until") != '\0')
		buf_printf(out, _(", until %s"), typed(bf, "until"));
	else if (count > 0)
		buf_printf(out, P_(", %ld date", ", %ld dates", (unsigned long)count), count);
	else
		buf_adds(out, _(": give the last date or a number of dates."));
}

static void
bookingform_draw(struct app *a, void *state)
{
	struct bookingform *bf = state;
	struct buf rule = {0}, fee = {0};
	char title[256];
	int row;

	snprintf(title, sizeof title, "%s  %s", kind_label(booking_kind()),
	    bf->copy ? _("New (copy)") : _("New"));
	app_draw_title(a, title);
	/* The form wraps a refusal (a collision lists every date) itself. */
	row = form_draw(a, &bf->form, 2, draw_lines() - 5);
	if (bf->form.refusal[0] != '\0')
		return;
	/* The fee and its waiver, before saving. */
	groupfee_line(&bf->gf, a, &bf->form, &fee);
	if (fee.len > 0)
		row = draw_wrap(row, draw_lines() - 2, 2, COLS - 3, buf_str(&fee), 0, ATTR_NOTICE);
	buf_free(&fee);
	describe_rule(bf, &rule);
	if (rule.len > 0)
		draw_wrap(row, draw_lines() - 2, 2, COLS - 3, buf_str(&rule), 0, ATTR_NOTICE);
	buf_free(&rule);
}

const struct screen screen_booking_form = {
	.name = "booking-form",
	.init = bookingform_init,
	.free = bookingform_done,
	.key = bookingform_key,
	.draw = bookingform_draw,
	.actions = form_screen_actions,
};
