/*
 * listview — a screenful of one kind's records for one month, paged
 * through the store with keyset queries (record_list after/before a row),
 * so a month of any size scrolls without being loaded whole.  It holds at
 * most `height` records: the ones in view.
 */
#ifndef KYODO_TUI_LISTVIEW_H
#define KYODO_TUI_LISTVIEW_H

#include <stdbool.h>

#include "base/error.h"
#include "domain/record.h"
#include "store/store.h"

struct listview {
	struct store *store;
	const struct kind *kind;
	int year, month;
	char *filter;		/* owned; NULL or "" for none */
	int height;		/* rows in view, >= 1 */
	struct record *rows;	/* height slots; n in use, in list order */
	int n;
	int cursor;		/* index into rows; 0 when empty */
	bool more_above, more_below;	/* rows lie beyond the view */
	bool failed;		/* the last query failed: err says why */
	struct error err;
};

void listview_init(struct listview *lv, struct store *s, const struct kind *k,
    int year, int month, int height);
void listview_free(struct listview *lv);
/* Each of these reloads; the first rows of the month are shown. */
void listview_set_month(struct listview *lv, int year, int month);
void listview_set_filter(struct listview *lv, const char *filter);
/* Keeps the cursor's row (or, when it is gone, its place) in view. */
void listview_set_height(struct listview *lv, int height);
/* Reloads around the cursor; with uuid, puts the cursor on that record if
 * it is in the list. */
void listview_reload(struct listview *lv, const char *uuid);
/* Shows r, a record of the list's month, with the cursor on it (at the
 * cursor's row on screen when it can), wherever it was before. */
void listview_show(struct listview *lv, const struct record *r);
void listview_down(struct listview *lv);
void listview_up(struct listview *lv);
void listview_page_down(struct listview *lv);
void listview_page_up(struct listview *lv);
void listview_top(struct listview *lv);
void listview_bottom(struct listview *lv);
/* The record under the cursor, or NULL when the list is empty. */
const struct record *listview_current(const struct listview *lv);

#endif
