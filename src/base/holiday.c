/* holiday — see holiday.h. */
#include "holiday.h"

#include <stddef.h>

struct named {
	const char *ja, *en;
};

/* The day of the nth given weekday (0 = Sunday) of a month. */
static int
nth_weekday(int year, int month, int weekday, int n)
{
	struct date first = {year, month, 1};
	int wd = date_weekday(first);

	return 1 + (weekday - wd + 7) % 7 + (n - 1) * 7;
}

/* Vernal and autumnal equinox days, 1980–2099 approximation, in integers
 * scaled by a million so no rounding surprises creep in. */
static int
equinox_day(int year, bool autumn)
{
	long base = autumn ? 23248800L : 20843100L;
	long y = year - 1980;

	return (int)((base + 242194L * y) / 1000000L - y / 4);
}

/* The holidays named by law (not substitutes or in-between days). */
static bool
statutory(struct date d, struct named *out)
{
	int y = d.year, m = d.month, day = d.day;

#define IS(mm, dd, j, e) if (m == (mm) && day == (dd)) { out->ja = (j); out->en = (e); return true; }
	IS(1, 1, "元日", "New Year's Day");
	IS(1, nth_weekday(y, 1, 1, 2), "成人の日", "Coming of Age Day");
	IS(2, 11, "建国記念の日", "National Foundation Day");
	if (y >= 2020) {
		IS(2, 23, "天皇誕生日", "Emperor's Birthday");
	}
	if (y <= 2018) {
		IS(12, 23, "天皇誕生日", "Emperor's Birthday");
	}
	IS(3, equinox_day(y, false), "春分の日", "Vernal Equinox Day");
	IS(4, 29, "昭和の日", "Showa Day");
	IS(5, 3, "憲法記念日", "Constitution Memorial Day");
	IS(5, 4, "みどりの日", "Greenery Day");
	IS(5, 5, "こどもの日", "Children's Day");
	if (y == 2019) {
		IS(5, 1, "天皇の即位の日", "Enthronement Day");
		IS(10, 22, "即位礼正殿の儀の行われる日", "Enthronement Ceremony Day");
	}
	if (y == 2020) {
		IS(7, 23, "海の日", "Marine Day");
		IS(7, 24, "スポーツの日", "Sports Day");
		IS(8, 10, "山の日", "Mountain Day");
	} else if (y == 2021) {
		IS(7, 22, "海の日", "Marine Day");
		IS(7, 23, "スポーツの日", "Sports Day");
		IS(8, 8, "山の日", "Mountain Day");
	} else {
		IS(7, nth_weekday(y, 7, 1, 3), "海の日", "Marine Day");
		if (y >= 2016) {
			IS(8, 11, "山の日", "Mountain Day");
		}
		if (y >= 2020) {
			IS(10, nth_weekday(y, 10, 1, 2), "スポーツの日", "Sports Day");
		} else {
			IS(10, nth_weekday(y, 10, 1, 2), "体育の日", "Health and Sports Day");
		}
	}
	IS(9, nth_weekday(y, 9, 1, 3), "敬老の日", "Respect for the Aged Day");
	IS(9, equinox_day(y, true), "秋分の日", "Autumnal Equinox Day");
	IS(11, 3, "文化の日", "Culture Day");
	IS(11, 23, "勤労感謝の日", "Labour Thanksgiving Day");
#undef IS
	return false;
}

bool
holiday_of(struct date d, const char **name_ja, const char **name_en)
{
	struct named n = {NULL, NULL};
	struct date p;
	bool found = statutory(d, &n);

	if (!found && date_weekday(d) != 0) {
		/* 振替休日: the first day after a run of holidays that began on a
		 * Sunday, if that day is not itself a holiday. */
		for (p = date_add_days(d, -1); statutory(p, &(struct named){0}); p = date_add_days(p, -1)) {
			if (date_weekday(p) == 0) {
				n = (struct named){"振替休日", "Substitute Holiday"};
				found = true;
				break;
			}
		}
	}
	if (!found && date_weekday(d) != 0 &&
	    statutory(date_add_days(d, -1), &(struct named){0}) &&
	    statutory(date_add_days(d, 1), &(struct named){0})) {
		n = (struct named){"国民の休日", "Citizens' Holiday"};
		found = true;
	}
	if (found) {
		if (name_ja != NULL)
			*name_ja = n.ja;
		if (name_en != NULL)
			*name_en = n.en;
	}
	return found;
}
