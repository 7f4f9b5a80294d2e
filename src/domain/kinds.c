/*
 * kinds — the record kinds, each described once.  Adding a field here adds it
 * to the forms, `kyodo add`, `kyodo list`, CSV and sync; its column comes in
 * a migration in data/.
 *
 * Adding a kind:
 *   1. data/NNNN_<kind>.sql: its table, with the meta columns every synced
 *      row has (uuid … updated_by, as in data/0003), a column per field
 *      (INTEGER for yen and counts, TEXT otherwise), "<field>_id" for each
 *      reference and a column per link.  test_kinds checks the two agree.
 *   2. Its fields and its entry here, and in kinds[] below: .title names
 *      the field that names a record; .city_owned when the city writes it
 *      (it then travels city → center, else center → city); .writers;
 *      .links for uuid columns the program sets; .today to show it on the
 *      home screen.  Sync (bundle.c) and room renames (room.c) follow the
 *      references and links declared here; nothing else lists kinds.
 *   3. Its screen: a dated kind shown as a list is an entry in
 *      screens/records.c's table.
 *   4. Its messages (labels are N_(); `make pot`) and its tests.
 * Kinds are at most KIND_MAX; a longer list fails to compile.
 */
#include <string.h>

#include "body.h"
#include "booking.h"
#include "grantbook.h"
#include "group.h"
#include "base/actor.h"
#include "base/i18n.h"
#include "room.h"
#include "record.h"
#include "use.h"

#define NFIELDS(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define ROLE(r) (1u << (r))
/* The center's rooms and days are the center staff's; the body's records
 * are the secretariat's and the center staff's; the city writes its own. */
#define CENTER_WRITERS (ROLE(ROLE_CENTER) | ROLE(ROLE_ADMIN))
#define BODY_WRITERS (ROLE(ROLE_CENTER) | ROLE(ROLE_SECRETARIAT) | ROLE(ROLE_ADMIN))
#define CITY_WRITERS (ROLE(ROLE_CITY) | ROLE(ROLE_ADMIN))

#define TEXT(n, l, req, mx, w) \
	{ .name = n, .label = l, .type = FIELD_TEXT, .required = req, .max = mx, .width = w }
#define NOTE(n, l, mx) { .name = n, .label = l, .type = FIELD_NOTE, .max = mx }
#define DATE(n, l, req) { .name = n, .label = l, .type = FIELD_DATE, .required = req, .width = 10 }
#define TIME(n, l, req) { .name = n, .label = l, .type = FIELD_TIME, .required = req, .width = 5 }
#define YEN(n, l, mx, w) { .name = n, .label = l, .type = FIELD_YEN, .max = mx, .width = w }
#define YEN_REQUIRED(n, l, mx, w) { .name = n, .label = l, .type = FIELD_YEN, .required = true, \
	.max = mx, .width = w }
#define COUNT(n, l, mx, w) { .name = n, .label = l, .type = FIELD_COUNT, .max = mx, .width = w }
#define CHOICE(n, l, req, ch, w, d) { .name = n, .label = l, .type = FIELD_CHOICE, \
	.required = req, .choices = ch, .width = w, .dflt = d }
#define REF(n, l, req, to, loose, w) { .name = n, .label = l, .type = FIELD_REF, \
	.required = req, .max = 100, .width = w, .ref = to, .ref_loose = loose }
#define YEAR(n, l, req, w) { .name = n, .label = l, .type = FIELD_COUNT, .required = req, \
	.fiscal_year = true, \
	.max = 2999, .width = w }

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
	{"own", N_("Center program")},
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
	REF("project", N_("Plan project"), false, "project", false, 0),
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
	REF("project", N_("Plan project"), false, "project", false, 0),
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

/* A plan or project runs from a fiscal year to the same or a later one. */
static bool
check_fiscal_years(const struct record *r, struct error *err)
{
	int a = kind_field(r->kind, "fy_from"), b = kind_field(r->kind, "fy_to");

	if (r->value[a] == NULL || r->value[b] == NULL || record_int(r, b) >= record_int(r, a))
		return true;
	error_set(err, _("%s: %s is before the first fiscal year (%s)."),
	    field_label(&r->kind->fields[b]), r->value[b], r->value[a]);
	error_field(err, b);
	return false;
}

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
	.title = "title", .check = check_times,
	.today = true,
};

static const struct kind event_kind = {
	.name = "event", .table = "event", .label = N_("Event"),
	.fields = event_fields, .nfields = NFIELDS(event_fields),
	.title = "title", .check = check_times,
	.today = true,
};

/* A use made by checking a booking in names that booking. */
static const struct link use_links[] = {{"booking", "booking"}};

static const struct kind use_kind = {
	.name = "use", .table = "facility_use", .label = N_("Facility use"),
	.fields = use_fields, .nfields = NFIELDS(use_fields),
	.title = "group", .check = check_times, .check_store = use_check_store,
	.links = use_links, .nlinks = NFIELDS(use_links),
	.today = true,
};

static const struct kind room_kind = {
	.name = "room", .table = "room", .label = N_("Room"),
	.fields = room_fields, .nfields = NFIELDS(room_fields),
	.title = "name", .check_store = room_check_store, .after_write = room_after_write,
	.order = "name",
	.writers = CENTER_WRITERS,
};

static const struct kind closed_kind = {
	.name = "closed", .table = "closed_day", .label = N_("Closed day"),
	.fields = closed_fields, .nfields = NFIELDS(closed_fields),
	.title = "reason",
	.writers = CENTER_WRITERS,
};

/* The occurrences of one repeating booking share a series id. */
static const struct link booking_links[] = {{"series", NULL}};

static const struct kind booking_kind = {
	.name = "booking", .table = "booking", .label = N_("Booking"),
	.fields = booking_fields, .nfields = NFIELDS(booking_fields),
	.title = "group", .check = check_booking, .check_store = booking_check_store,
	.links = booking_links, .nlinks = NFIELDS(booking_links),
	.today = true,
};

static const struct choice member_types[] = {
	{"neighbourhood", N_("Neighbourhood association")},
	{"group", N_("Local group")},
	{"npo", N_("NPO")},
	{"company", N_("Company")},
	{"school", N_("School")},
	{"other", N_("Other")},
	{NULL, NULL},
};

static const struct choice stages[] = {
	{"1", N_("Stage 1: founding")},
	{"2", N_("Stage 2: building the organization")},
	{"3", N_("Stage 3: practice")},
	{NULL, NULL},
};

static const struct choice application_statuses[] = {
	{"draft", N_("Draft")},
	{"applied", N_("Applied")},
	{"reported", N_("Results reported")},
	{"withdrawn", N_("Withdrawn")},
	{NULL, NULL},
};

static const struct field body_fields[] = {
	TEXT("name", N_("Body name"), true, 60, 24),
	TEXT("area", N_("Area"), false, 100, 16),
	DATE("founded_on", N_("Founded on"), false),
	DATE("notice_filed_on", N_("Founding notice filed on"), false),
	TEXT("representative", N_("Representative"), false, 40, 12),
	CHOICE("stage", N_("Stage"), true, stages, 8, "1"),
};

static const struct field member_fields[] = {
	TEXT("name", N_("Organization"), true, 60, 28),
	CHOICE("type", N_("Type"), true, member_types, 14, NULL),
};

static const struct field milestone_fields[] = {
	CHOICE("code", N_("Milestone"), true, body_milestones, 30, NULL),
	DATE("date", N_("Done on"), true),
	TEXT("note", N_("Note"), false, 100, 20),
};

static const struct field plan_fields[] = {
	TEXT("title", N_("Plan title"), true, 100, 30),
	YEAR("fy_from", N_("From fiscal year"), true, 6),
	YEAR("fy_to", N_("To fiscal year"), true, 6),
	NOTE("vision", N_("Vision"), 4000),
	DATE("adopted_on", N_("Adopted on"), false),
};

static const struct field issue_fields[] = {
	TEXT("title", N_("Issue"), true, 100, 40),
	NOTE("description", N_("Description"), 4000),
};

static const struct field project_fields[] = {
	TEXT("title", N_("Project"), true, 100, 28),
	CHOICE("field", N_("Field"), true, activity_fields, 10, NULL),
	NOTE("description", N_("Description"), 4000),
	TEXT("target", N_("Target"), false, 200, 20),
	YEAR("fy_from", N_("From fiscal year"), false, 6),
	YEAR("fy_to", N_("To fiscal year"), false, 6),
};

static const struct field programme_fields[] = {
	TEXT("code", N_("Code"), true, 20, 10),
	TEXT("name", N_("Program"), true, 100, 30),
	YEN("limit", N_("Limit"), 1000000000000LL, 10),
	/* The store keeps these NOT NULL: the form requires them too. */
	{ .name = "rate_num", .label = N_("Rate numerator"), .type = FIELD_COUNT,
	    .required = true, .max = 1000, .width = 4 },
	{ .name = "rate_den", .label = N_("Rate denominator"), .type = FIELD_COUNT,
	    .required = true, .max = 1000, .width = 4 },
	{ .name = "unit", .label = N_("Rounding unit"), .type = FIELD_COUNT, .required = true,
	    .max = 1000, .width = 5 },
	YEAR("fy_from", N_("From fiscal year"), true, 6),
	YEAR("fy_to", N_("To fiscal year"), false, 6),
	CHOICE("stage", N_("Stage"), false, stages, 6, NULL),
};

static const struct field application_fields[] = {
	REF("program", N_("Program"), true, "programme", false, 10),
	YEAR("fy", N_("Fiscal year"), true, 6),
	TEXT("title", N_("Application"), true, 100, 24),
	YEN_REQUIRED("cost", N_("Eligible cost"), 1000000000000LL, 10),
	YEN_REQUIRED("requested", N_("Requested"), 1000000000000LL, 10),
	REF("project", N_("Plan project"), false, "project", false, 0),
	CHOICE("status", N_("Status"), true, application_statuses, 10, "draft"),
	DATE("applied_on", N_("Applied on"), false),
	DATE("reported_on", N_("Reported on"), false),
};

static const struct field decision_fields[] = {
	TEXT("application", N_("Application id"), true, 36, 8),
	TEXT("center", N_("Center"), true, 16, 8),
	YEN("decided_amount", N_("Decided amount"), 1000000000000LL, 10),
	DATE("decided_on", N_("Decided on"), false),
	NOTE("conditions", N_("Conditions"), 2000),
	YEN("advance_amount", N_("Advance payment"), 1000000000000LL, 10),
	DATE("advance_on", N_("Advance paid on"), false),
	YEN("final_amount", N_("Final amount"), 1000000000000LL, 10),
	DATE("settled_on", N_("Settled on"), false),
	YEN("paid_amount", N_("Paid amount"), 1000000000000LL, 10),
	DATE("paid_on", N_("Paid on"), false),
};

static const struct field expense_fields[] = {
	REF("application", N_("Application"), true, "application", false, 16),
	DATE("date", N_("Date"), true),
	TEXT("item", N_("Item"), true, 100, 24),
	YEN_REQUIRED("amount", N_("Amount"), 1000000000000LL, 10),
	TEXT("receipt", N_("Receipt number"), false, 40, 10),
};

static const struct kind body_kind = {
	.name = "body", .table = "body", .label = N_("Community body"),
	.fields = body_fields, .nfields = NFIELDS(body_fields), .title = "name",
	.order = "name", .check_store = body_check_store,
	.writers = BODY_WRITERS,
};

static const struct kind member_kind = {
	.name = "member", .table = "member", .label = N_("Member organization"),
	.fields = member_fields, .nfields = NFIELDS(member_fields), .title = "name",
	.order = "name",
	.writers = BODY_WRITERS,
};

static const struct kind milestone_kind = {
	.name = "milestone", .table = "milestone", .label = N_("Milestone"),
	.fields = milestone_fields, .nfields = NFIELDS(milestone_fields), .title = "code",
	.check_store = milestone_check_store,
	.writers = BODY_WRITERS,
};

static const struct kind plan_kind = {
	.name = "plan", .table = "plan", .label = N_("Development plan"),
	.fields = plan_fields, .nfields = NFIELDS(plan_fields), .title = "title",
	.order = "fy_from", .check = check_fiscal_years,
	.writers = BODY_WRITERS,
};

static const struct kind issue_kind = {
	.name = "issue", .table = "plan_issue", .label = N_("Plan issue"),
	.fields = issue_fields, .nfields = NFIELDS(issue_fields), .title = "title",
	.order = "rowid",
	.writers = BODY_WRITERS,
};

static const struct kind project_kind = {
	.name = "project", .table = "project", .label = N_("Plan project"),
	.fields = project_fields, .nfields = NFIELDS(project_fields), .title = "title",
	.order = "field, title", .check = check_fiscal_years,
	.writers = BODY_WRITERS,
};

static const struct kind programme_kind = {
	.name = "programme", .table = "programme", .label = N_("Grant program"),
	.fields = programme_fields, .nfields = NFIELDS(programme_fields), .title = "code",
	.order = "fy_from, code", .city_owned = true, .check = programme_check,
	.writers = CITY_WRITERS,
};

static const struct kind application_kind = {
	.name = "application", .table = "application", .label = N_("Grant application"),
	.fields = application_fields, .nfields = NFIELDS(application_fields), .title = "title",
	.order = "fy, title", .check_store = application_check_store,
	.writers = BODY_WRITERS,
};

static const struct kind decision_kind = {
	.name = "decision", .table = "decision", .label = N_("Grant decision"),
	.fields = decision_fields, .nfields = NFIELDS(decision_fields), .title = "application",
	.order = "application", .city_owned = true, .check_store = decision_check_store,
	.writers = CITY_WRITERS,
};

static const struct kind expense_kind = {
	.name = "expense", .table = "expense", .label = N_("Expense"),
	.fields = expense_fields, .nfields = NFIELDS(expense_fields), .title = "item",
	.check_store = expense_check_store,
	.writers = BODY_WRITERS,
};

/* The register of user groups (利用団体); the category decides the waiver
 * (group.h).  Like rooms, kept by the center's staff. */
static const struct field group_fields[] = {
	TEXT("name", N_("Group name"), true, 60, 18),
	TEXT("reading", N_("Reading (kana)"), false, 60, 14),
	TEXT("representative", N_("Representative"), false, 40, 14),
	TEXT("contact", N_("Contact"), false, 60, 14),
	CHOICE("category", N_("Group category"), true, group_categories, 16, "other"),
};

static const struct kind group_kind = {
	.name = "group", .table = "user_group", .label = N_("User group"),
	.fields = group_fields, .nfields = NFIELDS(group_fields),
	.title = "name", .check = group_check, .check_store = group_check_store,
	.order = "ifnull(reading, name), name",	/* in kana order (あいうえお順) */
	.writers = CENTER_WRITERS,
};

static const struct kind *const kinds[] = {
	&meeting_kind, &event_kind, &use_kind, &room_kind, &closed_kind, &booking_kind,
	&body_kind, &member_kind, &milestone_kind, &plan_kind, &issue_kind, &project_kind,
	&programme_kind, &application_kind, &decision_kind, &expense_kind, &group_kind, NULL,
};
_Static_assert(NFIELDS(kinds) - 1 <= KIND_MAX, "more kinds than KIND_MAX");

const struct kind *const *
kind_all(void)
{
	return kinds;
}

const char *const *
kind_tables_owned(bool city)
{
	static const char *names[2][KIND_MAX + 1];
	int n = 0, i;

	if (names[city][0] == NULL)
		for (i = 0; kinds[i] != NULL; i++)
			if (kinds[i]->city_owned == city)
				names[city][n++] = kinds[i]->table;
	return names[city];
}
