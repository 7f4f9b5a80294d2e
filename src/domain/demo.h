/*
 * demo — a plausible citizen center for trying kyodo out and for tests:
 * staff, and N fiscal years of meetings, events and facility use up to a
 * fortnight after today.  The same seed and today give the same store.
 */
#ifndef KYODO_DEMO_H
#define KYODO_DEMO_H

#include <stdbool.h>
#include <stdint.h>

#include "base/date.h"
#include "base/error.h"
#include "store/store.h"

/* The staff member the README names, to sign in with. */
#define DEMO_STAFF_NAME "佐藤 花子"
#define DEMO_STAFF_PIN "1234"
#define DEMO_ADMIN_NAME "管理者"
#define DEMO_ADMIN_PIN "9999"

/* Fills a new, empty center store.  Progress is reported through progress
 * (may be NULL) as done/total. */
bool demo_fill(struct store *s, int years, uint64_t seed, struct date today,
    void (*progress)(void *ctx, long done, long total), void *ctx, struct error *err);

#endif
