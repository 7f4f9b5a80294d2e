/*
 * body — the community body (地域協働体): its profile (one per center), its
 * stage in the plan (1 founding, 2 building the organisation, 3 practice)
 * and the milestones that move it on, and the city's support open at each
 * stage (reference data from data/0003).
 */
#ifndef KYODO_BODY_H
#define KYODO_BODY_H

#include <stdbool.h>

#include "record.h"

/* The plan's milestones, as choices (code, label), stage by stage. */
extern const struct choice body_milestones[];
/* The stage ("1".."3") a milestone code belongs to, or 0. */
int body_milestone_stage(const char *code);

/* kind hooks */
bool body_check_store(struct store *s, const struct record *r, struct error *err);
bool milestone_check_store(struct store *s, const struct record *r, struct error *err);

struct body_state {
	bool exists;
	char uuid[37];
	char name[128];
	int stage;
	int done[3], total[3];		/* milestones done / in each stage */
};

bool body_state(struct store *s, struct body_state *b, struct error *err);
/* Calls each for the milestones of a stage, with the date done ("" if not). */
bool body_milestones_of(struct store *s, int stage,
    void (*each)(void *ctx, const char *code, const char *label, const char *done_on),
    void *ctx, struct error *err);
/* Calls each for the support the city offers at a stage, in the user's language. */
bool body_support_of(struct store *s, int stage, void (*each)(void *ctx, const char *text),
    void *ctx, struct error *err);
/* Moves the body to the next stage: refused while a milestone of the current
 * stage is not done, unless override_reason is given (audited with it). */
bool body_advance(struct store *s, const struct actor *who, const char *override_reason,
    int *new_stage, struct error *err);

#endif
