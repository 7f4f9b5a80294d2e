/* fyspan — see fyspan.h. */
#include "fyspan.h"

#include <stdio.h>
#include <string.h>

/* The era a fiscal year is named in (as era_format_fy: the era in force at
 * the end of its first calendar year) and the year within it, "元" for 1.
 * False before the eras kyodo knows. */
static bool
fy_era(int fy, const char **name, char *year, size_t size)
{
	const char *ja, *en;
	int y;

	if (!era_of_date((struct date){fy, 12, 31}, &ja, &en, &y))
		return false;
	*name = ja;
	if (y == 1)
		snprintf(year, size, "元");
	else
		snprintf(year, size, "%d", y);
	return true;
}

static void
span_ja(int from, int to, char *out, size_t size)
{
	const char *e1, *e2;
	char y1[16], y2[16];

	if (!fy_era(from, &e1, y1, sizeof y1) || (to != 0 && !fy_era(to, &e2, y2, sizeof y2))) {
		if (to == 0)
			snprintf(out, size, "%d年度〜", from);
		else
			snprintf(out, size, "%d〜%d年度", from, to);
		return;
	}
	if (to == 0)
		snprintf(out, size, "%s%s年度〜", e1, y1);
	else if (to == from)
		snprintf(out, size, "%s%s年度", e1, y1);
	else if (strcmp(e1, e2) == 0)
		snprintf(out, size, "%s%s〜%s年度", e1, y1, y2);
	else
		snprintf(out, size, "%s%s年度〜%s%s年度", e1, y1, e2, y2);
}

void
era_format_fy_span(int from, int to, enum era_lang lang, char *out, size_t size)
{
	if (lang == ERA_JA)
		span_ja(from, to, out, size);
	else if (to == 0)
		snprintf(out, size, "FY%d\xE2\x80\x93", from);	/* – */
	else if (to == from)
		snprintf(out, size, "FY%d", from);
	else
		snprintf(out, size, "FY%d\xE2\x80\x93%d", from, to);
}
