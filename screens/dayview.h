/*
 * dayview.h — what the day grid's two files share: its state (dayview.c
 * reads keys and acts, daygrid.c draws it).
 */
#ifndef KYODO_SCREENS_DAYVIEW_H
#define KYODO_SCREENS_DAYVIEW_H

#include <stdbool.h>

#include "domain/dayplan.h"
#include "tui/app.h"
#include "tui/lineedit.h"

#define TOP 3		/* title, the day's line, slot headings */
#define CELL_MAX 16	/* bookings listed per slot */

enum mode { MODE_GRID, MODE_HEADCOUNT, MODE_CANCEL };

struct dayview {
	struct dayplan p;
	bool loaded;
	int room, slot;		/* the highlighted cell */
	int pick;		/* which of the cell's bookings */
	int top;		/* first room in view */
	enum mode mode;
	struct lineedit input;	/* the headcount being typed */
	char target[37];	/* the booking asked about */
	char target_name[300];
	int following;		/* its series' later live dates */
	int before;		/* and its earlier ones */
	char goto_uuid[37];	/* a booking just saved: show it */
	struct date *follow;	/* the opener's day, kept in step */
	long long generation;	/* the store's when p was read (store_generation) */
	char err[512];
};

/* The cell's entries (their indexes in p, at most CELL_MAX) and how many. */
int dayview_cell(const struct dayview *v, int *idx);
/* Keeps the highlighted room in a view of rows rooms. */
void dayview_scroll_to(struct dayview *v, int rows);
/* A booking's status by its label (予約済, 利用済 …). */
const char *dayview_status_label(const char *code);
/* The screen's draw. */
void dayview_draw(struct app *a, void *state);

#endif
