/* setting — see setting.h. */
#include "setting.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "booking.h"
#include "store/audit.h"

/* "" (no weekly closing day) is shown and chosen as "-". */
static const struct choice weekdays[] = {
	{"-", N_("None")},
	{"0", N_("Sunday")},
	{"1", N_("Monday")},
	{"2", N_("Tuesday")},
	{"3", N_("Wednesday")},
	{"4", N_("Thursday")},
	{"5", N_("Friday")},
	{"6", N_("Saturday")},
	{NULL, NULL},
};

static const struct choice holidays[] = {
	{"yes", N_("Open as usual")},
	{"no", N_("Closed")},
	{NULL, NULL},
};

static const struct choice languages[] = {
	{"ja", N_("Japanese")},
	{"en", N_("English")},
	{NULL, NULL},
};

/* "auto" asks the terminal at start whether it draws …, ← or ● wide. */
static const struct choice on_off[] = {
	{"auto", N_("Automatic")},
	{"0", N_("Off")},
	{"1", N_("On")},
	{NULL, NULL},
};

/* A category of user group's fee waiver (group.h reads it): the codes a
 * booking's waiver takes. */
static const struct choice group_waivers[] = {
	{"none", N_("None")},
	{"half", N_("Half waiver")},
	{"full", N_("Full waiver")},
	{NULL, NULL},
};

const struct setting_def setting_defs[] = {
	{"slots", N_("time slots, e.g. 09:00-12:00,13:00-17:00,18:00-22:00"), true,
	    OPENING_DEFAULT_SLOTS, {.name = "slots", .label = N_("Time slots"),
	    .type = FIELD_TEXT, .required = true, .max = 200}},
	{"closed_yearly", N_("yearly closed days, e.g. 12-29..01-03"), true,
	    OPENING_DEFAULT_YEARLY, {.name = "closed_yearly", .label = N_("Closed every year"),
	    .type = FIELD_TEXT, .max = 200}},
	{"closed_weekday", N_("weekly closing day: 0 (Sunday) to 6, or empty"), true, "",
	    {.name = "closed_weekday", .label = N_("Weekly closing day"), .type = FIELD_CHOICE,
	    .required = true, .choices = weekdays}},
	{"open_on_holidays", N_("yes or no"), true, "yes", {.name = "open_on_holidays",
	    .label = N_("National holidays"), .type = FIELD_CHOICE, .required = true,
	    .choices = holidays}},
	{"booking_horizon_months", N_("how many months ahead bookings open, or empty"), true,
	    "", {.name = "booking_horizon_months", .label = N_("Bookings open (months ahead)"),
	    .type = FIELD_COUNT, .max = 36}},
	{"language", N_("the kiosk's language: ja or en"), false, NULL, {.name = "language",
	    .label = N_("Language"), .type = FIELD_CHOICE, .required = true,
	    .choices = languages}},
	{"ascii_lines", N_("auto (ask the terminal at start), 1 (ASCII lines and no "
	    "ambiguous-width characters, for a terminal that draws them wide) or 0"), false,
	    "auto", {.name = "ascii_lines", .label = N_("ASCII lines"), .type = FIELD_CHOICE,
	    .required = true, .choices = on_off}},
	{"idle_minutes", N_("minutes of no input before the kiosk locks (1-240)"), false, "10",
	    {.name = "idle_minutes", .label = N_("Lock after (minutes idle)"),
	    .type = FIELD_COUNT, .required = true, .min = 1, .max = SETTING_IDLE_MAX}},
	/* The fee waiver (減免) of each category of user group (group.h), the
	 * city's usual rates by default. */
	{"group_waiver_body", N_("fee waiver for the community body itself: none, half or full"),
	    false, "full", {.name = "group_waiver_body", .label = N_("Waiver: the community body"),
	    .type = FIELD_CHOICE, .required = true, .choices = group_waivers}},
	{"group_waiver_registered", N_("fee waiver for registered groups: none, half or full"),
	    false, "half", {.name = "group_waiver_registered",
	    .label = N_("Waiver: registered groups"), .type = FIELD_CHOICE, .required = true,
	    .choices = group_waivers}},
	{"group_waiver_other", N_("fee waiver for other groups: none, half or full"), false,
	    "none", {.name = "group_waiver_other", .label = N_("Waiver: other groups"),
	    .type = FIELD_CHOICE, .required = true, .choices = group_waivers}},
	{NULL, NULL, false, NULL, {0}},
};

const struct setting_def *
setting_find(const char *key)
{
	const struct setting_def *d;

	for (d = setting_defs; d->key != NULL; d++)
		if (strcmp(d->key, key) == 0)
			return d;
	return NULL;
}

static long
setting_number(const char *value)
{
	char *end;
	long n;

	if (*value < '0' || *value > '9')
		return -1;
	n = strtol(value, &end, 10);
	return *end == '\0' ? n : -1;
}

void
setting_fields(const char *const keys[], int n, struct field *out)
{
	int i;

	for (i = 0; i < n; i++) {
		const struct setting_def *d = setting_find(keys[i]);

		assert(d != NULL);
		out[i] = d->field;
	}
}

/* A choice's label; "" as the "-" choice where there is one (the weekly
 * closing day's none), else as nothing. */
static const char *
choice_words(const struct field *f, const char *code)
{
	const char *label = field_choice_label(f, code[0] != '\0' ? code : "-");

	return strcmp(label, "-") == 0 ? "" : label;
}

void
setting_audit_words(const char *summary, char *out, size_t size)
{
	const struct setting_def *d;
	const char *colon = strstr(summary, ": "), *arrow, *old, *now;
	char oldv[128], key[64];
	size_t klen;

	snprintf(out, size, "%s", summary);
	if (colon == NULL || (klen = (size_t)(colon - summary)) >= sizeof key)
		return;
	memcpy(key, summary, klen);
	key[klen] = '\0';
	if ((d = setting_find(key)) == NULL)
		return;
	old = colon + 2;
	if ((arrow = strstr(old, " \xE2\x86\x92 ")) == NULL)
		return;
	now = arrow + strlen(" \xE2\x86\x92 ");
	snprintf(oldv, sizeof oldv, "%.*s", (int)(arrow - old), old);
	/* Entries written before defaults were named: from the default. */
	if (oldv[0] == '\0' && d->dflt != NULL)
		snprintf(oldv, sizeof oldv, "%s", d->dflt);
	if (d->field.type == FIELD_CHOICE) {
		snprintf(out, size, "%s: %s \xE2\x86\x92 %s", field_label(&d->field),
		    choice_words(&d->field, oldv), choice_words(&d->field, now));
	} else {
		snprintf(out, size, "%s: %s \xE2\x86\x92 %s", field_label(&d->field), oldv, now);
	}
}

bool
setting_valid(const char *key, const char *value, struct error *err)
{
	const struct setting_def *d = setting_find(key);
	long n;

	if (d == NULL) {
		error_set(err, _("There is no setting \"%s\"."), key);
		return false;
	}
	if (d->opening)
		return opening_setting_valid(key, value, err);
	if (strcmp(key, "language") == 0 && (strcmp(value, "ja") == 0 ||
	    strcmp(value, "en") == 0))
		return true;
	if (strcmp(key, "ascii_lines") == 0 && (strcmp(value, "0") == 0 ||
	    strcmp(value, "1") == 0 || strcmp(value, "auto") == 0))
		return true;
	/* A waiver rate is one of its choices. */
	if (strncmp(key, "group_waiver_", 13) == 0)
		for (n = 0; d->field.choices[n].code != NULL; n++)
			if (strcmp(d->field.choices[n].code, value) == 0)
				return true;
	n = setting_number(value);
	if (strcmp(key, "idle_minutes") == 0 && n >= 1 && n <= SETTING_IDLE_MAX)
		return true;
	error_set(err, _("%s: \"%s\" is not valid; expected %s."), key, value, _(d->help));
	return false;
}

bool
setting_may(const struct actor *who, const char *key, const char *value, struct error *err)
{
	const struct setting_def *d = setting_find(key);

	if (who->role == ROLE_ADMIN || d == NULL)
		return true;
	if (d->opening && who->role != ROLE_CENTER) {
		error_set(err, _("The opening hours and closed days are changed by center staff "
		    "or an administrator."));
		return false;
	}
	if (strncmp(key, "group_waiver_", 13) == 0 && who->role != ROLE_CENTER) {
		error_set(err, _("The fee waivers of user groups are set by center staff or an "
		    "administrator."));
		return false;
	}
	if (strcmp(key, "idle_minutes") == 0 && setting_number(value) > SETTING_IDLE_STAFF_MAX) {
		error_set(err, _("An idle lock longer than %d minutes is set by an administrator."),
		    SETTING_IDLE_STAFF_MAX);
		return false;
	}
	return true;
}

static bool
setting_write(struct store *s, const struct actor *who, const char *key, const char *value,
    struct error *err)
{
	char *old = store_setting(s, key);
	const struct setting_def *d = setting_find(key);
	struct buf sum = {0};
	bool ok = true;

	if (strcmp(old != NULL ? old : "", value) != 0) {
		/* A setting never set had its default: the change is from that. */
		buf_printf(&sum, "%s: %s \xE2\x86\x92 %s", key, old != NULL ? old :
		    d != NULL && d->dflt != NULL ? d->dflt : "", value);
		ok = store_set_setting(s, key, value, err) &&
		    audit_log(s, who, "setting", NULL, NULL, buf_str(&sum), err);
	}
	buf_free(&sum);
	free(old);
	return ok;
}

bool
setting_set(struct store *s, const struct actor *who, int n, const char *const keys[],
    const char *const values[], struct error *err)
{
	int i;

	for (i = 0; i < n; i++)
		if (!setting_valid(keys[i], values[i], err) ||
		    !setting_may(who, keys[i], values[i], err))
			return false;
	if (!store_begin(s, err))
		return false;
	for (i = 0; i < n; i++) {
		if (!setting_write(s, who, keys[i], values[i], err)) {
			store_rollback(s);
			return false;
		}
	}
	return store_commit(s, err);
}
