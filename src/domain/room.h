/*
 * room — the center's rooms, as records of kind "room", and what follows
 * when one is added or renamed: rows that named it as text are linked to it,
 * and rows that point at it take its new name.
 */
#ifndef KYODO_ROOM_H
#define KYODO_ROOM_H

#include "opening.h"
#include "record.h"

/* kind hooks (see struct kind) */
bool room_check_store(struct store *s, const struct record *r, struct error *err);
bool room_after_write(struct store *s, const struct actor *who, const struct record *old,
    const struct record *r, struct error *err);

struct room_info {
	char uuid[37];
	char name[128];
	int capacity;
	long long fee;		/* yen per slot */
};

/* The room with id uuid (any origin, active or not): capacity and fee are
 * -1 when not given.  False when there is no such room. */
bool room_get(struct store *s, const char *uuid, struct room_info *info);

/* The fee for using room uuid from start to end (minutes): its fee per
 * slot times the opening slots the range covers.  -1 when the room has no
 * fee or the range covers no slot. */
long long room_fee_for(struct store *s, const struct opening *o, const char *uuid, int start,
    int end);

/* Calls each for the active rooms, by name.  Returns the count or -1. */
int room_list(struct store *s, void (*each)(void *ctx, const struct room_info *r),
    void *ctx, struct error *err);

#endif
