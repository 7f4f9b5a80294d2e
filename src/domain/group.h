/*
 * group — the register of user groups (利用団体) that book rooms and use
 * the facility, as records of kind "group": a name unique among the
 * center's live groups, its reading in kana (よみ), representative, contact
 * and category (区分).  The category decides the fee waiver (減免): the
 * rate of each category is a setting (group_waiver_<category>), with the
 * city's usual defaults — the body itself full, registered groups half,
 * others none.  Bookings and uses name their group as text; a name in the
 * register brings its category's waiver, any other name (a walk-in) none.
 */
#ifndef KYODO_GROUP_H
#define KYODO_GROUP_H

#include <stdbool.h>

#include "record.h"

/* The categories, ending with {NULL, NULL}: "body", "registered", "other". */
extern const struct choice group_categories[];

/* kind hooks: the reading is kana; the name is not another live group's. */
bool group_check(const struct record *r, struct error *err);
bool group_check_store(struct store *s, const struct record *r, struct error *err);

/* The setting that holds category's waiver rate (group_waiver_<category>). */
const char *group_waiver_key(const char *category, char *out, size_t size);
/* The waiver rate of category: the setting, else the city's default.
 * Returns "none", "half" or "full" (static). */
const char *group_category_waiver(struct store *s, const char *category);

struct group_info {
	char name[256];
	char reading[256];
	char contact[256];	/* the representative and contact, "" when neither */
	char category[16];	/* a group_categories code */
	const char *waiver;	/* its rate: "none", "half" or "full" (static) */
};

/* The live group of this center called name; false when the name is not
 * in the register. */
bool group_lookup(struct store *s, const char *name, struct group_info *out);

/* What is waived of fee under a booking's kind of waiver (none, half,
 * full, other): half is rounded down, other waives the whole fee, as a
 * check-in records it. */
long long group_waived(long long fee, const char *waiver);

/* The room's fee (yen, before any waiver) for the room named room of this
 * center from start to end ("HH:MM"); -1 when it cannot be told (no such
 * room, no fee, a time missing or covering no slot). */
long long group_room_fee(struct store *s, const char *room, const char *start,
    const char *end);

/* Whether typed begins name or reading, kana of either script alike
 * (ヤマ finds やまびこ会), Latin letters in any case. */
bool group_match(const char *name, const char *reading, const char *typed);

/* A name a group field can complete to: a registered group (registered
 * true, with its reading and category) or a name typed before for a
 * booking or a use that is not in the register. */
struct group_name {
	char *name, *reading;	/* reading NULL when none */
	const char *category;	/* a group_categories code; NULL unless registered */
	bool registered;
};

struct group_names {
	struct group_name *v;
	int n, cap;
};

/* Fills out (emptied first) with the register's groups, by reading, then up
 * to 200 other names typed in the past year, the latest first. */
bool group_names_load(struct store *s, struct group_names *out, struct error *err);
/* The same for an event's organizer (主催): the register, then organizers
 * typed for events in the past year. */
bool group_organizers_load(struct store *s, struct group_names *out, struct error *err);
void group_names_free(struct group_names *g);

#endif
