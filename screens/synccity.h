/*
 * synccity — the sync screen's views at city hall: the enrolled centers to
 * write the return files for (every one, or one), and taking every file
 * on the stick at once.
 */
#ifndef KYODO_SCREENS_SYNCCITY_H
#define KYODO_SCREENS_SYNCCITY_H

#include "syncpage.h"

/* F2 in the folder: the list of centers to write for.  RES_* bits. */
int synccity_open_centers(struct app *a, struct syncpage *y);
/* A key on the list of centers.  RES_* bits. */
int synccity_centers_key(struct app *a, struct syncpage *y, struct key k, int act);
void synccity_draw_centers(struct syncpage *y, int row, int rows);
/* Imports every file in the folder, a line each, and shows the result. */
void synccity_import_all(struct app *a, struct syncpage *y);

#endif
