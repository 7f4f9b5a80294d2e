/*
 * kinds — the record kinds, each described once.  Adding a field here adds it
 * to the forms, `kyodo add`, `kyodo list`, CSV and sync; its column comes in
 * a migration in data/.
 */
#include <string.h>

#include "i18n.h"
#include "record.h"

#define NFIELDS(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* End after start, when both are given. */
static bool
check_times(const struct record *r, struct error *err)
{
	int s = kind_field(r->kind, "start"), e = kind_field(r->kind, "end");

	if (s < 0 || e < 0 || r->value[s] == NULL || r->value[e] == NULL)
		return true;
	if (strcmp(r->value[e], r->value[s]) > 0)
		return true;
	error_set(err, _("%s: %s is not after the start (%s)."),
	    field_label(&r->kind->fields[e]), r->value[e], r->value[s]);
	err->field = e;
	return false;
}

static const struct choice meeting_kinds[] = {
	{"round-table", N_("Round table")},
	{"board", N_("Board meeting")},
	{"preparatory", N_("Preparatory meeting")},
	{"city", N_("Talks with the city")},
	{"other", N_("Other")},
	{NULL, NULL},
};

static const struct choice activity_fields[] = {
	{"safety", N_("Safety")},
	{"welfare", N_("Welfare")},
	{"environment", N_("Environment")},
	{"culture", N_("Culture")},
	{"childcare", N_("Childcare")},
	{"learning", N_("Learning")},
	{"other", N_("Other")},
	{NULL, NULL},
};

static const struct choice use_categories[] = {
	{"own", N_("Center programme")},
	{"body", N_("Community body")},
	{"group", N_("Group use")},
	{"individual", N_("Individual use")},
	{"city", N_("City use")},
	{NULL, NULL},
};

static const struct field meeting_fields[] = {
	{"date", N_("Date"), FIELD_DATE, true, 0, NULL, 10},
	{"start", N_("Start"), FIELD_TIME, false, 0, NULL, 5},
	{"end", N_("End"), FIELD_TIME, false, 0, NULL, 5},
	{"kind", N_("Kind"), FIELD_CHOICE, true, 0, meeting_kinds, 12},
	{"title", N_("Title"), FIELD_TEXT, true, 100, NULL, 28},
	{"room", N_("Room"), FIELD_TEXT, false, 40, NULL, 10},
	{"attendees", N_("Attendees"), FIELD_COUNT, false, 10000, NULL, 6},
	{"agenda", N_("Agenda"), FIELD_NOTE, false, 2000, NULL, 0},
	{"summary", N_("Summary"), FIELD_NOTE, false, 4000, NULL, 0},
};

static const struct field event_fields[] = {
	{"date", N_("Date"), FIELD_DATE, true, 0, NULL, 10},
	{"start", N_("Start"), FIELD_TIME, false, 0, NULL, 5},
	{"end", N_("End"), FIELD_TIME, false, 0, NULL, 5},
	{"title", N_("Event name"), FIELD_TEXT, true, 100, NULL, 26},
	{"field", N_("Field"), FIELD_CHOICE, true, 0, activity_fields, 10},
	{"organizer", N_("Organizer"), FIELD_TEXT, false, 60, NULL, 12},
	{"participants", N_("Participants"), FIELD_COUNT, false, 100000, NULL, 6},
	{"volunteers", N_("Volunteers"), FIELD_COUNT, false, 10000, NULL, 6},
	{"cost", N_("Cost"), FIELD_YEN, false, 1000000000000LL, NULL, 10},
};

static const struct field use_fields[] = {
	{"date", N_("Date"), FIELD_DATE, true, 0, NULL, 10},
	{"start", N_("Start"), FIELD_TIME, false, 0, NULL, 5},
	{"end", N_("End"), FIELD_TIME, false, 0, NULL, 5},
	{"room", N_("Room"), FIELD_TEXT, true, 40, NULL, 12},
	{"group", N_("User or group"), FIELD_TEXT, false, 60, NULL, 20},
	{"category", N_("Category"), FIELD_CHOICE, true, 0, use_categories, 12},
	{"people", N_("People"), FIELD_COUNT, false, 10000, NULL, 5},
	{"fee", N_("Fee"), FIELD_YEN, false, 100000000LL, NULL, 8},
	{"exemption", N_("Fee waived"), FIELD_YEN, false, 100000000LL, NULL, 8},
};

static const struct kind meeting_kind = {
	"meeting", "meeting", N_("Meeting"), meeting_fields, NFIELDS(meeting_fields),
	4, check_times,
};

static const struct kind event_kind = {
	"event", "event", N_("Event"), event_fields, NFIELDS(event_fields),
	3, check_times,
};

static const struct kind use_kind = {
	"use", "facility_use", N_("Facility use"), use_fields, NFIELDS(use_fields),
	4, check_times,
};

static const struct kind *const kinds[] = {
	&meeting_kind, &event_kind, &use_kind, NULL,
};

const struct kind *const *
kind_all(void)
{
	return kinds;
}
