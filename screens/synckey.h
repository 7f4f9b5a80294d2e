/*
 * synckey — the sync screen's public key files: at a center, registering
 * the city's key from its file on the stick; at city hall, enrolling a
 * center from its file.  The file is chosen in the stick's folder, read
 * as untrusted input (keys_read_file), its fingerprint shown whole beside
 * this store's own to read over the phone, and enrolled after y/n with
 * the call `kyodo key --city` and `kyodo center add` make (keys_enrol,
 * audited).  An administrator's work, as on the command line.
 */
#ifndef KYODO_SCREENS_SYNCKEY_H
#define KYODO_SCREENS_SYNCKEY_H

#include "syncpage.h"

/* F4 in the folder: the city's key (at a center), a center's (at city
 * hall). */
extern const struct action_def act_sync_key_city, act_sync_key_center;

void synckey_init(struct syncpage *y);
void synckey_free(struct syncpage *y);
/* F4: the key files in the folder.  RES_* bits. */
int synckey_open(struct app *a, struct syncpage *y);
/* A key in SYNCPAGE_KEYS, _KEYFORM or _KEYCHECK.  RES_* bits. */
int synckey_key(struct app *a, struct syncpage *y, struct key k, int act);
void synckey_draw(struct app *a, struct syncpage *y, int row, int rows);

#endif
