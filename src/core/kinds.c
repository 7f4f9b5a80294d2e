/*
 * kinds — the record kinds, each described once.  Adding a field here adds it
 * to the forms, `kyodo add`, `kyodo list`, CSV and sync; its column comes in
 * a migration in data/.
 */
#include <string.h>

#include "booking.h"
#include "i18n.h"
#include "room.h"
#include "record.h"

#define NFIELDS(a) ((int)(sizeof(a) / sizeof((a)[0])))

#define TEXT(n, l, req, mx, w) \
	{ .name = n, .label = l, .type = FIELD_TEXT, .required = req, .max = mx, .width = w }
#define NOTE(n, l, mx) { .name = n, .label = l, .type = FIELD_NOTE, .max = mx }
#define DATE(n, l, req) { .name = n, .label = l, .type = FIELD_DATE, .required = req, .width = 10 }
#define TIME(n, l, req) { .name = n, .label = l, .type = FIELD_TIME, .required = req, .width = 5 }
#define YEN(n, l, mx, w) { .name = n, .label = l, .type = FIELD_YEN, .max = mx, .width = w }
#define COUNT(n, l, mx, w) { .name = n, .label = l, .type = FIELD_COUNT, .max = mx, .width = w }
#define CHOICE(n, l, req, ch, w, d) { .name = n, .label = l, .type = FIELD_CHOICE, \
	.required = req, .choices = ch, .width = w, .dflt = d }
#define REF(n, l, req, to, loose, w) { .name = n, .label = l, .type = FIELD_REF, \
	.required = req, .max = 40, .width = w, .ref = to, .ref_loose = loose }

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
	error_field(err, e);
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

static const struct choice exemptions[] = {
	{"none", N_("None")},
	{"full", N_("Full waiver")},
	{"half", N_("Half waiver")},
	{"other", N_("Other waiver")},
	{NULL, NULL},
};

static const struct choice booking_statuses[] = {
	{"booked", N_("Booked")},
	{"cancelled", N_("Cancelled")},
	{"used", N_("Used")},
	{"no-show", N_("No-show")},
	{NULL, NULL},
};

static const struct choice yes_no[] = {
	{"yes", N_("Yes")},
	{"no", N_("No")},
	{NULL, NULL},
};

static const struct field meeting_fields[] = {
	DATE("date", N_("Date"), true),
	TIME("start", N_("Start"), false),
	TIME("end", N_("End"), false),
	CHOICE("kind", N_("Kind"), true, meeting_kinds, 12, NULL),
	TEXT("title", N_("Title"), true, 100, 28),
	REF("room", N_("Room"), false, "room", true, 10),
	COUNT("attendees", N_("Attendees"), 10000, 6),
	NOTE("agenda", N_("Agenda"), 2000),
	NOTE("summary", N_("Summary"), 4000),
};

static const struct field event_fields[] = {
	DATE("date", N_("Date"), true),
	TIME("start", N_("Start"), false),
	TIME("end", N_("End"), false),
	TEXT("title", N_("Event name"), true, 100, 26),
	CHOICE("field", N_("Field"), true, activity_fields, 10, NULL),
	TEXT("organizer", N_("Organizer"), false, 60, 12),
	COUNT("participants", N_("Participants"), 100000, 6),
	COUNT("volunteers", N_("Volunteers"), 10000, 6),
	YEN("cost", N_("Cost"), 1000000000000LL, 10),
};

static const struct field use_fields[] = {
	DATE("date", N_("Date"), true),
	TIME("start", N_("Start"), false),
	TIME("end", N_("End"), false),
	REF("room", N_("Room"), true, "room", false, 12),
	TEXT("group", N_("User or group"), false, 60, 20),
	CHOICE("category", N_("Category"), true, use_categories, 12, NULL),
	COUNT("people", N_("People"), 10000, 5),
	YEN("fee", N_("Fee"), 100000000LL, 8),
	YEN("exemption", N_("Fee waived"), 100000000LL, 8),
};

static const struct field room_fields[] = {
	TEXT("name", N_("Room name"), true, 40, 14),
	COUNT("capacity", N_("Capacity"), 10000, 6),
	TEXT("kind", N_("Room kind"), false, 20, 10),
	YEN("fee", N_("Fee per slot"), 1000000LL, 8),
	CHOICE("active", N_("In use"), true, yes_no, 6, "yes"),
};

static const struct field closed_fields[] = {
	DATE("date", N_("Date"), true),
	TEXT("reason", N_("Reason"), false, 60, 30),
};

static const struct field booking_fields[] = {
	REF("room", N_("Room"), true, "room", false, 10),
	DATE("date", N_("Date"), true),
	TIME("start", N_("Start"), true),
	TIME("end", N_("End"), true),
	TEXT("group", N_("User or group"), true, 60, 20),
	TEXT("contact", N_("Contact"), false, 60, 0),
	TEXT("purpose", N_("Purpose"), false, 100, 14),
	CHOICE("category", N_("Category"), true, use_categories, 10, "group"),
	COUNT("people", N_("Expected people"), 10000, 5),
	YEN("fee", N_("Fee"), 100000000LL, 7),
	CHOICE("exemption", N_("Fee waiver"), true, exemptions, 0, "none"),
	TEXT("exemption_reason", N_("Waiver reason"), false, 100, 0),
	CHOICE("status", N_("Status"), true, booking_statuses, 9, "booked"),
};

/* A waiver of kind "other" says why. */
static bool
check_booking(const struct record *r, struct error *err)
{
	int e = kind_field(r->kind, "exemption"), why = kind_field(r->kind, "exemption_reason");

	if (!check_times(r, err))
		return false;
	if (r->value[e] != NULL && strcmp(r->value[e], "other") == 0 && r->value[why] == NULL) {
		error_set(err, _("%s: say why the fee is waived."),
		    field_label(&r->kind->fields[why]));
		error_field(err, why);
		return false;
	}
	return true;
}

static const struct kind meeting_kind = {
	.name = "meeting", .table = "meeting", .label = N_("Meeting"),
	.fields = meeting_fields, .nfields = NFIELDS(meeting_fields),
	.title_field = 4, .check = check_times,
};

static const struct kind event_kind = {
	.name = "event", .table = "event", .label = N_("Event"),
	.fields = event_fields, .nfields = NFIELDS(event_fields),
	.title_field = 3, .check = check_times,
};

static const struct kind use_kind = {
	.name = "use", .table = "facility_use", .label = N_("Facility use"),
	.fields = use_fields, .nfields = NFIELDS(use_fields),
	.title_field = 4, .check = check_times,
};

static const struct kind room_kind = {
	.name = "room", .table = "room", .label = N_("Room"),
	.fields = room_fields, .nfields = NFIELDS(room_fields),
	.title_field = 0, .check_store = room_check_store, .after_write = room_after_write,
	.order = "name",
};

static const struct kind closed_kind = {
	.name = "closed", .table = "closed_day", .label = N_("Closed day"),
	.fields = closed_fields, .nfields = NFIELDS(closed_fields),
	.title_field = 1,
};

static const struct kind booking_kind = {
	.name = "booking", .table = "booking", .label = N_("Booking"),
	.fields = booking_fields, .nfields = NFIELDS(booking_fields),
	.title_field = 4, .check = check_booking, .check_store = booking_check_store,
};

static const struct kind *const kinds[] = {
	&meeting_kind, &event_kind, &use_kind, &room_kind, &closed_kind, &booking_kind, NULL,
};

const struct kind *const *
kind_all(void)
{
	return kinds;
}
