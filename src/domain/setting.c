/* setting — see setting.h. */
#include "setting.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "booking.h"
#include "store/audit.h"

const struct setting_def setting_defs[] = {
	{"slots", N_("time slots, e.g. 09:00-12:00,13:00-17:00,18:00-22:00"), true,
	    OPENING_DEFAULT_SLOTS},
	{"closed_yearly", N_("yearly closed days, e.g. 12-29..01-03"), true,
	    OPENING_DEFAULT_YEARLY},
	{"closed_weekday", N_("weekly closing day: 0 (Sunday) to 6, or empty"), true, ""},
	{"open_on_holidays", N_("yes or no"), true, "yes"},
	{"booking_horizon_months", N_("how many months ahead bookings open, or empty"), true,
	    ""},
	{"language", N_("the kiosk's language: ja or en"), false, NULL},
	{"ascii_lines", N_("auto (ask the terminal at start), 1 (ASCII lines and no "
	    "ambiguous-width characters, for a terminal that draws them wide) or 0"), false,
	    "auto"},
	{"idle_minutes", N_("minutes of no input before the kiosk locks (1-240)"), false, "10"},
	{NULL, NULL, false, NULL},
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
	struct buf sum = {0};
	bool ok = true;

	if (strcmp(old != NULL ? old : "", value) != 0) {
		buf_printf(&sum, "%s: %s \xE2\x86\x92 %s", key, old != NULL ? old : "", value);
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
