/*
 * holiday — Japan's national holidays (国民の祝日), computed: fixed days,
 * "happy Monday" days, the equinoxes, the one-off days of 2019–2021,
 * substitute holidays (振替休日) and days between two holidays (国民の休日).
 * Valid for 2000–2099 under the law as it stands (equinoxes by the usual
 * astronomical approximation, which matches the Cabinet Office's lists).
 */
#ifndef KYODO_HOLIDAY_H
#define KYODO_HOLIDAY_H

#include <stdbool.h>

#include "date.h"

/* True when d is a national holiday; *name_ja and *name_en (may be NULL)
 * get its name. */
bool holiday_of(struct date d, const char **name_ja, const char **name_en);

#endif
