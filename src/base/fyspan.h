/*
 * fyspan — a run of fiscal years as the kiosk names it in one short cell:
 * a programme's years open, a project's period.  Japanese writes the era
 * once when both ends share it (平成26〜27年度), both eras when they differ
 * (平成30年度〜令和2年度); English gives the Western years (FY2014–2015).
 */
#ifndef KYODO_FYSPAN_H
#define KYODO_FYSPAN_H

#include <stddef.h>

#include "date.h"

/* Writes the span from..to into out; to 0 means open-ended ("平成27年度〜",
 * "FY2015–"), from == to one year ("令和8年度", "FY2026"). */
void era_format_fy_span(int from, int to, enum era_lang lang, char *out, size_t size);

#endif
