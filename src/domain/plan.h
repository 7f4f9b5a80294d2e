/*
 * plan — the body's development plan (地域づくり計画) read as the plan reads:
 * the vision, the issues, then the projects by field, each with what was
 * done for it year by year — the meetings and events logged against it,
 * their participants and volunteers, and the grant money spent on it.
 */
#ifndef KYODO_PLAN_H
#define KYODO_PLAN_H

#include <stdbool.h>

#include "base/buf.h"
#include "record.h"

struct plan_year {
	int fy;
	long activities, participants, volunteers;
	long long spent;	/* expenses of applications linked to the project */
};

struct plan_project {
	const struct record *project;	/* kind "project" */
	int nyears;
	struct plan_year years[32];
};

/* Calls each project (by field, then title) with its progress by fiscal year
 * (only years with something logged).  Returns the count or -1. */
long plan_progress(struct store *s, void (*each)(void *ctx, const struct plan_project *p),
    void *ctx, struct error *err);

enum plan_format { PLAN_TEXT, PLAN_MARKDOWN };
/* The whole plan for the body's general meeting; width wraps text lines
 * (display columns) in PLAN_TEXT. */
bool plan_render(struct store *s, enum plan_format f, int width, struct buf *out,
    struct error *err);
/* Appends text wrapped to width display columns, each line after indent. */
void plan_wrap(struct buf *out, const char *text, int width, const char *indent);

#endif
