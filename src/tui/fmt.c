/* fmt — see fmt.h. */
#include "fmt.h"

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"

static const char *const weekdays[] = {
	N_("Sun"), N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"),
};

static const char *const months_en[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

enum era_lang
fmt_era_lang(void)
{
	return i18n_lang() == LANG_JA ? ERA_JA : ERA_EN;
}

const char *
fmt_weekday(struct date d)
{
	return _(weekdays[date_weekday(d)]);
}

void
fmt_date_long(struct date d, char *out, size_t size)
{
	char day[64];

	era_format_date(d, fmt_era_lang(), day, sizeof day);
	if (fmt_era_lang() == ERA_JA)
		snprintf(out, size, "%s(%s)", day, fmt_weekday(d));
	else
		snprintf(out, size, "%s %s", day, fmt_weekday(d));
}

void
fmt_date_era(const char *iso, char *out, size_t size)
{
	struct date d;

	if (iso == NULL || !date_parse(iso, &d))
		snprintf(out, size, "%s", iso != NULL ? iso : "");
	else
		era_format_date(d, fmt_era_lang(), out, size);
}

void
fmt_month(int year, int month, char *out, size_t size)
{
	struct date first = {year, month, 1};
	const char *ja, *en;
	int ey;

	if (month < 1 || month > 12 || !era_of_date(first, &ja, &en, &ey)) {
		snprintf(out, size, "%04d-%02d", year, month);
		return;
	}
	if (fmt_era_lang() == ERA_JA) {
		if (ey == 1)
			snprintf(out, size, "%s元年%d月", ja, month);
		else
			snprintf(out, size, "%s%d年%d月", ja, ey, month);
	} else {
		snprintf(out, size, "%s %d (%s %d)", months_en[month - 1], year, en, ey);
	}
}

void
fmt_date_short(const char *iso, char *out, size_t size)
{
	struct date d;

	if (iso == NULL || !date_parse(iso, &d)) {
		snprintf(out, size, "%s", iso != NULL ? iso : "");
		return;
	}
	if (fmt_era_lang() == ERA_JA)
		snprintf(out, size, "%02d-%02d(%s)", d.month, d.day, fmt_weekday(d));
	else
		snprintf(out, size, "%02d-%02d %s", d.month, d.day, fmt_weekday(d));
}

void
fmt_yen(long long yen, char *out, size_t size)
{
	char digits[32], grouped[48];
	size_t n, i, j = 0;

	snprintf(digits, sizeof digits, "%lld", yen < 0 ? -yen : yen);
	n = strlen(digits);
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			grouped[j++] = ',';
		grouped[j++] = digits[i];
	}
	grouped[j] = '\0';
	snprintf(out, size, "%s\xC2\xA5%s", yen < 0 ? "-" : "", grouped);
}
