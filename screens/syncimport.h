/*
 * syncimport — taking the files on the stick addressed to this store, and
 * saying in the result's lines what each brought.
 */
#ifndef KYODO_SCREENS_SYNCIMPORT_H
#define KYODO_SCREENS_SYNCIMPORT_H

#include <stdbool.h>

#include "syncpage.h"

/* Imports the folder's file i under the bar, adding its lines to the
 * result; detail: a line per table it carried (and, at a center, the
 * grant decisions held now).  True when it was taken. */
bool syncimport_file(struct app *a, struct syncpage *y, int i, bool detail);
/* Imports the file under the cursor, in detail, and shows the result. */
void syncimport_one(struct app *a, struct syncpage *y);

#endif
