/*
 * records — the one list screen every record kind uses (meetings, events,
 * facility use): a month at a time, paged through the store, filtered by
 * typing, with add, edit and delete.  meetings.c, events.c and uses.c
 * export thin screens over it.
 */
#ifndef KYODO_SCREENS_RECORDS_H
#define KYODO_SCREENS_RECORDS_H

#include "domain/record.h"
#include "tui/app.h"

/* State for kind_name's list ("meeting", "event", "use"), this month. */
void *records_init(struct app *a, const char *kind_name);
void records_free(void *state);
void records_enter(struct app *a, void *state);
int records_key(struct app *a, void *state, struct key k, enum action act);
void records_draw(struct app *a, void *state);
const enum action *records_actions(void *state);

#endif
