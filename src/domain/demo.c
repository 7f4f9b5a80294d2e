/* demo — see demo.h. */
#include "demo.h"

#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "base/actor.h"
#include "booking.h"
#include "grantbook.h"
#include <sqlite3.h>
#include "base/i18n.h"
#include "record.h"
#include "staff.h"

struct rng {
	uint64_t state;
};

/* splitmix64: small, fast and the same everywhere, so a seed names a store. */
static uint64_t
rng_next(struct rng *g)
{
	uint64_t z = (g->state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static int
rng_int(struct rng *g, int lo, int hi)
{
	return lo + (int)(rng_next(g) % (uint64_t)(hi - lo + 1));
}

#define PICK(g, a) ((a)[rng_int(g, 0, (int)(sizeof(a) / sizeof((a)[0])) - 1)])

static void
rng_uuid(struct rng *g, char out[37])
{
	uint64_t a = rng_next(g), b = rng_next(g);

	snprintf(out, 37, "%08x-%04x-4%03x-%04x-%012llx", (unsigned)(a >> 32),
	    (unsigned)(a >> 16) & 0xFFFF, (unsigned)a & 0xFFF,
	    (unsigned)((b >> 48) & 0x3FFF) | 0x8000,
	    (unsigned long long)(b & 0xFFFFFFFFFFFFULL));
}

static const char *const rooms[] = {
	"大会議室", "研修室", "創作室", "和室", "調理室", "ホール",
};
static const int room_fee[] = {1200, 600, 500, 500, 800, 2000};
static const int room_capacity[] = {60, 30, 20, 24, 16, 120};

static const char *const groups[] = {
	"一関民謡保存会", "真柴太極拳クラブ", "書道サークル「墨の会」", "健康体操の会",
	"子ども将棋教室", "郷土史研究会", "手芸サークル「ひだまり」", "真柴寿会",
	"真柴自治会", "読み聞かせ「おはなしの森」", "陶芸同好会", "コーラス「やまびこ」",
	"囲碁クラブ", "フラダンス「レイ」", "ヨガ教室", "PTA 真柴小学校",
};
static const char *const individuals[] = {
	"佐々木 健", "千葉 美穂", "小野寺 誠", "菅原 和子", "阿部 隆",
	"髙橋 直子", "熊谷 翔", "岩渕 陽子",
};
static const char *const slots[][2] = {
	{"09:00", "12:00"}, {"13:00", "17:00"}, {"18:00", "21:00"}, {"10:00", "12:00"},
	{"13:30", "15:30"}, {"19:00", "21:00"},
};

struct demo {
	struct store *s;
	struct rng g;
	struct actor staff[2];
	struct error *err;
	long done, total;
	void (*progress)(void *, long, long);
	void *ctx;
};

/* Sets fields by name from NULL-terminated name/value pairs and stores. */
static bool
put(struct demo *d, const struct kind *k, const char *const *pairs)
{
	struct record r;
	bool ok = true;
	int i;

	record_init(&r, k);
	rng_uuid(&d->g, r.uuid);
	for (; ok && pairs[0] != NULL; pairs += 2) {
		i = kind_field(k, pairs[0]);
		ok = i >= 0 && (pairs[1] == NULL || record_set(&r, i, pairs[1], d->err));
	}
	if (ok) {
		const struct actor *who = &d->staff[rng_int(&d->g, 0, 1)];

		/* The secretariat does not manage rooms: then the center staff do. */
		if (!record_may_write(who, k, NULL))
			who = &d->staff[0];
		ok = record_insert_in_tx(d->s, who, &r, d->err);
	}
	record_free(&r);
	if (ok && d->progress != NULL && ++d->done % 200 == 0)
		d->progress(d->ctx, d->done, d->total);
	return ok;
}

static bool
closed(struct date day)
{
	return (day.month == 12 && day.day >= 29) || (day.month == 1 && day.day <= 3);
}

static bool
add_meetings(struct demo *d, struct date day, int *round_no, int *board_no)
{
	const struct kind *k = kind_find("meeting");
	char title[128], count[16], date[11];
	int wd = date_weekday(day);

	date_format(day, date);
	/* The round table meets on the second Thursday, the board on the last
	 * Tuesday, and working groups most weeks. */
	if (wd == 4 && day.day >= 8 && day.day <= 14) {
		snprintf(title, sizeof title, "第%d回 真柴地域協働体 円卓会議", ++*round_no);
		snprintf(count, sizeof count, "%d", rng_int(&d->g, 18, 32));
		if (!put(d, k, (const char *const[]){"date", date, "start", "19:00", "end",
		    "20:30", "kind", "round-table", "title", title, "room", "大会議室",
		    "attendees", count, "agenda", "各部会の報告、地域づくり計画の進捗について",
		    NULL}))
			return false;
	}
	if (wd == 2 && day.day + 7 > date_days_in_month(day.year, day.month)) {
		snprintf(title, sizeof title, "第%d回 役員会", ++*board_no);
		snprintf(count, sizeof count, "%d", rng_int(&d->g, 7, 12));
		if (!put(d, k, (const char *const[]){"date", date, "start", "18:30", "end",
		    "20:00", "kind", "board", "title", title, "room", "研修室",
		    "attendees", count, NULL}))
			return false;
	}
	if (wd >= 1 && wd <= 5 && rng_int(&d->g, 0, 1) == 0) {
		static const char *const groups_meet[][2] = {
			{"preparatory", "夏祭り実行委員会 準備会"},
			{"preparatory", "敬老会 準備会"},
			{"other", "福祉部会"}, {"other", "環境部会"}, {"other", "防災部会"},
			{"other", "広報部会"}, {"city", "市民センター運営について市と協議"},
			{"city", "地域担当職員との打合せ"},
		};
		int i = rng_int(&d->g, 0, 7);

		snprintf(count, sizeof count, "%d", rng_int(&d->g, 4, 14));
		if (!put(d, k, (const char *const[]){"date", date, "start", "18:30", "end",
		    "20:00", "kind", groups_meet[i][0], "title", groups_meet[i][1],
		    "room", PICK(&d->g, rooms), "attendees", count, NULL}))
			return false;
	}
	return true;
}

#define PROJECT_CARE "見守り・支え合いネットワークづくり"
#define PROJECT_SAFETY "安全・安心な地域づくり"
#define PROJECT_GREEN "花と緑のまちづくり"
#define PROJECT_CULTURE "真柴の伝統と文化の継承"
#define PROJECT_CHILD "子育て応援プロジェクト"

/* The body, its plan and its projects: made before the days are logged,
 * so the events can name their project. */
static bool
add_body_and_plan(struct demo *d, struct date today)
{
	static const char *const members[][2] = {
		{"真柴第一自治会", "neighbourhood"}, {"真柴第二自治会", "neighbourhood"},
		{"上真柴町内会", "neighbourhood"}, {"真柴寿会", "group"},
		{"真柴地区婦人会", "group"}, {"NPO法人ましば未来塾", "npo"},
		{"㈱真柴建設", "company"}, {"一関市立真柴小学校", "school"},
	};
	static const char *const milestones[][2] = {
		{"preparatory-committee", "2014-06-10"}, {"founding", "2014-11-15"},
		{"founding-notice", "2014-12-01"}, {"secretariat", "2015-04-01"},
		{"awareness", "2015-07-20"}, {"survey", "2015-10-31"},
		{"plan-adopted", "2016-03-20"}, {"plan-activities", "2016-05-01"},
		{"base-improved", "2018-03-31"},
	};
	static const char *const projects[][4] = {
		{PROJECT_CARE, "welfare", "一人暮らしの高齢者を地域で見守り、雪かきや買い物を支え合う仕組みをつくる。",
		    "見守り協力員 60人"},
		{PROJECT_SAFETY, "safety", "自主防災組織と連携し、毎年の防災訓練と避難所運営の手順を整える。",
		    "訓練参加 200人"},
		{PROJECT_GREEN, "environment", "河川清掃と花壇づくりで、きれいな真柴を次の世代に残す。",
		    "花壇 10か所"},
		{PROJECT_CULTURE, "culture", "夏祭りとどんと祭を地域みんなで支え、伝統行事を受け継ぐ。",
		    "担い手 30人"},
		{PROJECT_CHILD, "childcare", "子ども食堂と放課後の居場所づくりで、子育て世代を応援する。",
		    "子ども食堂 月4回"},
	};
	static const char *const issues[][2] = {
		{"高齢化と一人暮らし世帯の増加", "65歳以上が4割を超え、冬の雪かきや通院に困る世帯が増えている。"},
		{"地域行事の担い手不足", "祭りや清掃の中心が同じ顔ぶれで、若い世代の参加が少ない。"},
		{"災害への備え", "平成23年の震災の経験を生かし、避難と安否確認の仕組みを整える必要がある。"},
		{"子育て世代の孤立", "共働きの家庭が増え、子どもと親が集まれる場が足りない。"},
	};
	char from[16], to[16];
	size_t i;
	int fy = date_fiscal_year(today);

	if (!put(d, kind_find("body"), (const char *const[]){"name", "真柴まちづくり協議会",
	    "area", "真柴地区（一関市真柴）", "founded_on", "2014-11-15", "notice_filed_on",
	    "2014-12-01", "representative", "千葉 正一", "stage", "3", NULL}))
		return false;
	for (i = 0; i < sizeof members / sizeof members[0]; i++)
		if (!put(d, kind_find("member"), (const char *const[]){"name", members[i][0],
		    "type", members[i][1], NULL}))
			return false;
	for (i = 0; i < sizeof milestones / sizeof milestones[0]; i++)
		if (!put(d, kind_find("milestone"), (const char *const[]){"code", milestones[i][0],
		    "date", milestones[i][1], NULL}))
			return false;
	snprintf(from, sizeof from, "%d", fy - 5);
	snprintf(to, sizeof to, "%d", fy + 4);
	if (!put(d, kind_find("plan"), (const char *const[]){"title", "真柴地区 地域づくり計画（第2期）",
	    "fy_from", from, "fy_to", to, "vision",
	    "みんなで支え合い、笑顔でつながる真柴。\n子どもから高齢者まで、誰もが安心して暮らし続けられる地域を、住民の手でつくります。",
	    "adopted_on", "2021-03-20", NULL}))
		return false;
	for (i = 0; i < sizeof issues / sizeof issues[0]; i++)
		if (!put(d, kind_find("issue"), (const char *const[]){"title", issues[i][0],
		    "description", issues[i][1], NULL}))
			return false;
	for (i = 0; i < sizeof projects / sizeof projects[0]; i++)
		if (!put(d, kind_find("project"), (const char *const[]){"title", projects[i][0],
		    "field", projects[i][1], "description", projects[i][2], "target",
		    projects[i][3], "fy_from", from, "fy_to", to, NULL}))
			return false;
	return true;
}

/* What the city decided, as it arrives with the city's file.  The row's
 * uuid is the application's, as every decision's is (grant_city_step), so
 * the city's real decision on the application, when its file comes, is the
 * same row and replaces this one instead of colliding with it. */
static bool
city_decision(struct demo *d, const char *application, const char *const *set)
{
	const struct kind *k = kind_find("decision");
	struct buf sql = {0};
	sqlite3_stmt *st;
	char unused[37], now[21];
	int rc, n = 0;

	/* Still drawn, so that a seed makes the same store as before. */
	rng_uuid(&d->g, unused);
	date_now_utc(now);
	buf_adds(&sql, "INSERT INTO decision (uuid, origin, version, updated_at, created_by, "
	    "updated_by, application, center");
	for (; set[n] != NULL; n += 2)
		buf_printf(&sql, ", %s", set[n]);
	buf_adds(&sql, ") VALUES (?1, 'city', 1, ?2, 'city', 'city', ?3, ?4");
	for (rc = 0; rc < n; rc += 2)
		buf_printf(&sql, ", ?%d", 5 + rc / 2);
	buf_adds(&sql, ")");
	(void)k;
	rc = sqlite3_prepare_v2(store_db(d->s), buf_str(&sql), -1, &st, NULL);
	buf_free(&sql);
	if (rc != SQLITE_OK) {
		store_sql_error(d->s, "demo", d->err);
		return false;
	}
	sqlite3_bind_text(st, 1, application, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, application, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, store_origin(d->s), -1, SQLITE_STATIC);
	for (rc = 0; rc < n; rc += 2)
		sqlite3_bind_text(st, 5 + rc / 2, set[rc + 1], -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_sql_error(d->s, "demo", d->err);
		return false;
	}
	return true;
}

/* Twenty applications a fiscal year, with about ten expenses each: earlier
 * years settled and paid (one withdrawn), this year at every step. */
static bool
add_grants(struct demo *d, struct date first, struct date today)
{
	static const struct {
		const char *title, *project;
		int cost;
	} kinds_of[] = {
		{"夏祭り開催事業", PROJECT_CULTURE, 480000}, {"防災資機材整備事業", PROJECT_SAFETY, 350000},
		{"見守りネットワーク推進事業", PROJECT_CARE, 250000},
		{"子ども食堂運営事業", PROJECT_CHILD, 180000}, {"花壇整備事業", PROJECT_GREEN, 96500},
		{"広報紙発行事業", NULL, 120000}, {"研修旅行事業", NULL, 300000},
		{"敬老会開催事業", PROJECT_CARE, 220000}, {"防災訓練事業", PROJECT_SAFETY, 150000},
		{"河川清掃事業", PROJECT_GREEN, 80000}, {"どんと祭開催事業", PROJECT_CULTURE, 200000},
		{"雪かき支援事業", PROJECT_CARE, 90000}, {"放課後の居場所づくり事業", PROJECT_CHILD, 160000},
		{"郷土芸能伝承事業", PROJECT_CULTURE, 260000}, {"地域ガイドマップ作成事業", NULL, 140000},
		{"健康づくり講座事業", NULL, 70000}, {"市民センターまつり事業", NULL, 330000},
		{"防犯パトロール事業", PROJECT_SAFETY, 60000}, {"花いっぱい運動事業", PROJECT_GREEN, 50000},
		{"子育てサロン事業", PROJECT_CHILD, 110000},
	};
	/* This year's twenty walk the whole life: which step each has reached. */
	static const char *const this_year[] = {
		"paid", "settled", "reported", "reported", "decided", "decided", "decided", "decided",
		"applied", "applied", "applied", "applied", "draft", "draft", "withdrawn", "decided",
		"decided", "applied", "draft", "reported",
	};
	static const char *const items[] = {
		"消耗品費", "講師謝礼", "印刷製本費", "会場設営費", "保険料", "食材費", "通信運搬費",
		"委託料", "使用料", "備品購入費",
	};
	const struct kind *ak = kind_find("application");
	struct record r;
	char fy[16], date[32], amount[32], reported[32], paid[32], cost[32], requested[32];
	int fyn, i, e, now_fy = date_fiscal_year(today);
	bool ok = true;

	for (fyn = date_fiscal_year(first); ok && fyn <= now_fy; fyn++) {
		for (i = 0; ok && i < 20; i++) {
			const char *step = fyn == now_fy ? this_year[i] : i == 6 ? "withdrawn" : "paid";
			long long c = kinds_of[i].cost + rng_int(&d->g, 0, 40) * 1000;
			long long decided = c / 1000 * 1000;

			snprintf(fy, sizeof fy, "%d", fyn);
			snprintf(cost, sizeof cost, "%lld", c);
			snprintf(requested, sizeof requested, "%lld", decided);
			record_init(&r, ak);
			rng_uuid(&d->g, r.uuid);
			ok = record_set(&r, 0, "activity", d->err) && record_set(&r, 1, fy, d->err) &&
			    record_set(&r, 2, kinds_of[i].title, d->err) &&
			    record_set(&r, 3, cost, d->err) && record_set(&r, 4, requested, d->err) &&
			    (kinds_of[i].project == NULL ||
			    record_set(&r, 5, kinds_of[i].project, d->err)) &&
			    record_set(&r, 6, strcmp(step, "draft") == 0 ? "draft" : "applied", d->err);
			snprintf(date, sizeof date, "%d-05-10", fyn);
			/* The last applications of this year are still drafts or
			 * just applied: no date in the future is made up. */
			ok = ok && (strcmp(step, "draft") == 0 || record_set(&r, 7, date, d->err)) &&
			    record_insert(d->s, &d->staff[1], &r, d->err);
			if (ok && strcmp(step, "draft") != 0 && strcmp(step, "applied") != 0 &&
			    strcmp(step, "withdrawn") != 0) {
				snprintf(amount, sizeof amount, "%lld", decided);
				snprintf(date, sizeof date, "%d-06-01", fyn);
				snprintf(reported, sizeof reported, "%d-03-15", fyn + 1);
				snprintf(paid, sizeof paid, "%lld", decided - decided / 2);
				if (strcmp(step, "paid") == 0)
					ok = city_decision(d, r.uuid, (const char *const[]){"decided_amount",
					    amount, "decided_on", date, "advance_amount", paid, "advance_on",
					    date, "final_amount", amount, "settled_on", reported,
					    "paid_amount", paid, "paid_on", reported, NULL});
				else if (strcmp(step, "settled") == 0)
					ok = city_decision(d, r.uuid, (const char *const[]){"decided_amount",
					    amount, "decided_on", date, "final_amount", amount, "settled_on",
					    reported, NULL});
				else
					ok = city_decision(d, r.uuid, (const char *const[]){"decided_amount",
					    amount, "decided_on", date, NULL});
				/* Expenses through the year, none after today. */
				for (e = 0; ok && e < 10; e++) {
					struct date when = date_add_days((struct date){fyn, 6, 10}, e * 28);
					char iso[11], yen[32], receipt[32];

					if (date_compare(when, today) > 0)
						break;
					date_format(when, iso);
					snprintf(yen, sizeof yen, "%lld", decided / 12 / 100 * 100);
					snprintf(receipt, sizeof receipt, "R%d-%03d", fyn, i * 10 + e + 1);
					ok = put(d, kind_find("expense"), (const char *const[]){"application",
					    r.uuid, "date", iso, "item", items[e], "amount", yen, "receipt",
					    receipt, NULL});
				}
				if (ok && strcmp(step, "decided") != 0)
					ok = grant_move(d->s, &d->staff[1], r.uuid, "reported", d->err);
			}
			if (ok && strcmp(step, "withdrawn") == 0)
				ok = grant_move(d->s, &d->staff[1], r.uuid, "withdrawn", d->err);
			record_free(&r);
		}
	}
	return ok;
}

static bool
add_events(struct demo *d, struct date day)
{
	static const struct {
		int month, day;
		const char *field, *title, *organizer;
		int people;
		const char *project;
	} yearly[] = {
		{5, 20, "environment", "春の河川清掃", "環境部会", 120, PROJECT_GREEN},
		{6, 15, "safety", "地域防災訓練", "防災部会", 180, PROJECT_SAFETY},
		{8, 10, "culture", "真柴夏祭り", "夏祭り実行委員会", 650, PROJECT_CULTURE},
		{9, 14, "welfare", "敬老会", "福祉部会", 140, PROJECT_CARE},
		{10, 26, "culture", "真柴市民センターまつり", "市民センター", 420, NULL},
		{11, 9, "environment", "秋の花壇整備", "環境部会", 40, PROJECT_GREEN},
		{1, 12, "culture", "どんと祭", "真柴自治会", 200, PROJECT_CULTURE},
		{2, 8, "safety", "雪かきボランティア", "福祉部会", 35, PROJECT_CARE},
	};
	const struct kind *k = kind_find("event");
	char date[11], count[16], vol[16], cost[16];
	size_t i;
	int wd = date_weekday(day);

	date_format(day, date);
	for (i = 0; i < sizeof yearly / sizeof yearly[0]; i++) {
		if (yearly[i].month != day.month || yearly[i].day != day.day)
			continue;
		snprintf(count, sizeof count, "%d", yearly[i].people + rng_int(&d->g, -20, 20));
		snprintf(vol, sizeof vol, "%d", rng_int(&d->g, 10, 40));
		snprintf(cost, sizeof cost, "%d", rng_int(&d->g, 10, 150) * 1000);
		if (!put(d, k, (const char *const[]){"date", date, "start", "09:00", "end",
		    "15:00", "title", yearly[i].title, "field", yearly[i].field,
		    "organizer", yearly[i].organizer, "participants", count,
		    "volunteers", vol, "cost", cost, "project", yearly[i].project, NULL}))
			return false;
	}
	/* Weekly programmes: the children's café on Saturdays, courses midweek. */
	if (wd == 6 && rng_int(&d->g, 0, 1) == 0) {
		snprintf(count, sizeof count, "%d", rng_int(&d->g, 15, 40));
		snprintf(vol, sizeof vol, "%d", rng_int(&d->g, 4, 9));
		if (!put(d, k, (const char *const[]){"date", date, "start", "11:00", "end",
		    "14:00", "title", "子ども食堂「ましば」", "field", "childcare", "organizer",
		    "子育て部会", "participants", count, "volunteers", vol, "cost", "8000",
		    "project", PROJECT_CHILD, NULL}))
			return false;
	}
	if ((wd == 3 || wd == 0) && rng_int(&d->g, 0, 9) < 4) {
		static const char *const courses[] = {
			"市民講座「地域の歴史を歩く」", "健康講座「フレイル予防」",
			"パソコン講座「スマホ入門」", "料理教室「郷土料理 はっと」",
		};
		snprintf(count, sizeof count, "%d", rng_int(&d->g, 10, 30));
		if (!put(d, k, (const char *const[]){"date", date, "start", "10:00", "end",
		    "12:00", "title", PICK(&d->g, courses), "field", "learning", "organizer",
		    "市民センター", "participants", count, "volunteers", "0", "cost", "5000",
		    NULL}))
			return false;
	}
	return true;
}

/* Whether room is free from start to end on date: no use and no live or
 * used booking there, so a use typed by hand keeps the rules and a later
 * check-in meets nothing. */
static bool
room_free(struct demo *d, const char *room, const char *date, const char *start,
    const char *end)
{
	sqlite3_stmt *st;
	bool taken = true;

	if (store_prepare(d->s, "SELECT EXISTS (SELECT 1 FROM facility_use WHERE deleted = 0 "
	    "AND room = ?1 AND date = ?2 AND start < ?4 AND \"end\" > ?3) OR EXISTS (SELECT 1 "
	    "FROM booking WHERE deleted = 0 AND status <> 'cancelled' AND room = ?1 AND "
	    "date = ?2 AND start < ?4 AND \"end\" > ?3)", &st) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, room, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, start, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, end, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		taken = sqlite3_column_int(st, 0);
	store_done(d->s, st);
	return !taken;
}

static bool
add_uses(struct demo *d, struct date day)
{
	const struct kind *k = kind_find("use");
	char date[11], people[16], fee[16], waived[16];
	int n = rng_int(&d->g, 0, 3), i, room, slot, cat;
	static const char *const cats[] = {
		"group", "group", "group", "group", "group", "group", "own", "own",
		"body", "individual", "individual", "city",
	};

	date_format(day, date);
	for (i = 0; i < n; i++) {
		const char *category = PICK(&d->g, cats), *who;
		int charge, waive;

		room = rng_int(&d->g, 0, 5);
		slot = rng_int(&d->g, 0, 5);
		cat = rng_int(&d->g, 0, 9);
		/* Each demo time lies in one opening slot: the room's fee once. */
		charge = room_fee[room];
		waive = 0;
		if (strcmp(category, "group") == 0) {
			who = PICK(&d->g, groups);
			if (cat < 3) {	/* a registered learning group pays half */
				waive = charge / 2;
				charge -= waive;
			}
		} else if (strcmp(category, "individual") == 0)
			who = PICK(&d->g, individuals);
		else {
			who = strcmp(category, "own") == 0 ? "市民センター" :
			    strcmp(category, "body") == 0 ? "真柴地域協働体" : "一関市";
			waive = charge;
			charge = 0;
		}
		snprintf(people, sizeof people, "%d", rng_int(&d->g, 3,
		    room_capacity[room] < 30 ? room_capacity[room] : 30));
		snprintf(fee, sizeof fee, "%d", charge);
		if (!room_free(d, rooms[room], date, slots[slot][0], slots[slot][1]))
			continue;
		snprintf(waived, sizeof waived, "%d", waive);
		if (!put(d, k, (const char *const[]){"date", date, "start", slots[slot][0],
		    "end", slots[slot][1], "room", rooms[room], "group", who, "category",
		    category, "people", people, "fee", fee, "exemption", waived, NULL}))
			return false;
	}
	return true;
}

static void
rng_bytes(void *ctx, unsigned char bytes[16])
{
	struct demo *d = ctx;
	uint64_t a = rng_next(&d->g), b = rng_next(&d->g);

	memcpy(bytes, &a, 8);
	memcpy(bytes + 8, &b, 8);
}

static bool
add_rooms(struct demo *d)
{
	static const char *const kinds[] = {"会議室", "研修室", "創作室", "和室", "調理室", "ホール"};
	const struct kind *k = kind_find("room");
	char fee[16], capacity[16];
	size_t i;

	for (i = 0; i < sizeof rooms / sizeof rooms[0]; i++) {
		snprintf(fee, sizeof fee, "%d", room_fee[i]);
		snprintf(capacity, sizeof capacity, "%d", room_capacity[i]);
		if (!put(d, k, (const char *const[]){"name", rooms[i], "capacity", capacity,
		    "kind", kinds[i], "fee", fee, NULL}))
			return false;
	}
	return true;
}

/* One repeating booking from the first weekday (nth of the month for a
 * monthly rule) on or after from, until until. */
static bool
book_series(struct demo *d, const char *group, const char *room, const char *start,
    const char *end, const char *purpose, const char *rule_name, const char *category,
    const char *exemption, const char *fee, const char *people, int weekday, int nth,
    struct date from, struct date until)
{
	const struct kind *k = kind_find("booking");
	struct series_result res = {0};
	struct record r;
	struct recur rule;
	struct date first;
	char iso[11];
	bool ok;

	memset(&rule, 0, sizeof rule);
	recur_parse_kind(rule_name, &rule.kind, &rule.weeks);
	first = date_add_days(from, (weekday - date_weekday(from) + 7) % 7);
	while (nth > 0 && recur_nth_of_month(first) != nth)
		first = date_add_days(first, 7);
	if (date_compare(first, until) > 0)
		return true;
	rule.start = first;
	rule.has_until = true;
	rule.until = until;
	record_init(&r, k);
	date_format(first, iso);
	ok = record_set(&r, kind_field(k, "room"), room, d->err) &&
	    record_set(&r, kind_field(k, "date"), iso, d->err) &&
	    record_set(&r, kind_field(k, "start"), start, d->err) &&
	    record_set(&r, kind_field(k, "end"), end, d->err) &&
	    record_set(&r, kind_field(k, "group"), group, d->err) &&
	    record_set(&r, kind_field(k, "purpose"), purpose, d->err) &&
	    record_set(&r, kind_field(k, "category"), category, d->err) &&
	    record_set(&r, kind_field(k, "exemption"), exemption, d->err) &&
	    record_set(&r, kind_field(k, "fee"), fee, d->err) &&
	    record_set(&r, kind_field(k, "people"), people, d->err);
	/* A rule whose dates all fall on closed days books nothing: fine here. */
	if (ok && !booking_add_series(d->s, &d->staff[0], &r, &rule, &res, d->err))
		ok = res.booked == 0 && res.nskipped > 0;
	buf_free(&res.why);
	record_free(&r);
	return ok;
}

/* The weekly classes and circles, and the monthly ones, from the start of
 * the demo to three months ahead; each registers again every fiscal year,
 * so each is one series a year. */
static bool
add_season(struct demo *d, struct date from, struct date today)
{
	static const struct {
		const char *group, *room, *start, *end, *purpose, *rule, *category, *exemption;
		int weekday, nth, people;
	} classes[] = {
		{"書道サークル「墨の会」", "和室", "13:30", "15:30", "書道の練習", "weekly", "group", "half", 2, 0, 12},
		{"健康体操の会", "ホール", "10:00", "12:00", "健康体操", "weekly", "group", "half", 4, 0, 25},
		{"真柴太極拳クラブ", "大会議室", "09:30", "11:30", "太極拳", "weekly", "group", "none", 6, 0, 18},
		{"コーラス「やまびこ」", "研修室", "18:30", "20:30", "合唱練習", "every-2-weeks", "group", "none", 3, 0, 22},
		{"郷土史研究会", "研修室", "13:30", "16:00", "例会", "monthly-nth", "group", "half", 5, 2, 10},
		{"料理教室「ふるさとの味」", "調理室", "10:00", "13:00", "郷土料理", "monthly-nth", "own", "full", 6, 3, 14},
		{"子ども将棋教室", "創作室", "10:00", "12:00", "将棋", "weekly", "own", "full", 0, 0, 9},
	};
	/* Three circles a room, each on its own weekday and slot, clear of
	 * the classes above. */
	static const char *const slot_times[][2] = {
		{"09:30", "11:30"}, {"13:30", "15:30"}, {"19:00", "21:00"},
	};
	struct date end = date_add_days(today, 91), start;
	struct date fy_start, fy_end;
	char people[16], fee[16];
	size_t i;
	int f, fy, room, j;

	for (fy = date_fiscal_year(from); fy <= date_fiscal_year(end); fy++) {
		fy_start = (struct date){fy, 4, 1};
		fy_end = (struct date){fy + 1, 3, 31};
		if (date_compare(fy_start, from) < 0)
			fy_start = from;
		if (date_compare(fy_end, end) > 0)
			fy_end = end;
		for (i = 0; i < sizeof classes / sizeof classes[0]; i++) {
			snprintf(fee, sizeof fee, "%d", room_fee[0]);
			for (f = 0; f < (int)(sizeof rooms / sizeof rooms[0]); f++)
				if (strcmp(rooms[f], classes[i].room) == 0)
					snprintf(fee, sizeof fee, "%d", room_fee[f]);
			snprintf(people, sizeof people, "%d", classes[i].people);
			if (!book_series(d, classes[i].group, classes[i].room, classes[i].start,
			    classes[i].end, classes[i].purpose, classes[i].rule, classes[i].category,
			    classes[i].exemption, fee, people, classes[i].weekday, classes[i].nth,
			    fy_start, fy_end))
				return false;
		}
		for (room = 0; room < (int)(sizeof rooms / sizeof rooms[0]); room++) {
			for (j = 0; j < 3; j++) {
				snprintf(fee, sizeof fee, "%d", room_fee[room]);
				snprintf(people, sizeof people, "%d", 6 + (room * 3 + j) %
				    (room_capacity[room] < 20 ? room_capacity[room] - 5 : 15));
				start = fy_start;
				if (!book_series(d, groups[(room * 3 + j) % (int)(sizeof groups /
				    sizeof groups[0])], rooms[room], slot_times[j][0], slot_times[j][1],
				    "定例の活動", "weekly", "group", j == 0 ? "half" : "none", fee, people,
				    1 + (room + 2 * j) % 6, 0, start, fy_end))
					return false;
			}
		}
	}
	return true;
}

struct pending {
	char (*uuid)[37];
	int n, cap;
};

static bool
collect(void *ctx, const struct record *r)
{
	struct pending *p = ctx;

	if (strcmp(r->value[kind_field(r->kind, "status")], "booked") != 0)
		return true;
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->uuid = xreallocarray(p->uuid, (size_t)p->cap, sizeof *p->uuid);
	}
	snprintf(p->uuid[p->n++], 37, "%s", r->uuid);
	return true;
}

/* At most 28 people come, and never more than the room holds. */
static int
most_people(const char *room)
{
	size_t i;

	for (i = 0; i < sizeof rooms / sizeof rooms[0]; i++)
		if (strcmp(rooms[i], room) == 0 && room_capacity[i] < 28)
			return room_capacity[i];
	return 28;
}

/* Past bookings turned into uses; a few were cancelled or nobody came. */
static bool
settle_past(struct demo *d, struct date today)
{
	struct pending p = {0};
	struct record_query q = {0};
	struct record r;
	char iso[11], people[16], use[37];
	int i, roll;
	bool ok = true;

	date_format(today, iso);
	q.after_date = "0000-00-00";
	if (record_list(d->s, kind_find("booking"), &q, collect, &p, d->err) < 0)
		return false;
	for (i = 0; ok && i < p.n; i++) {
		if (!record_get(d->s, kind_find("booking"), p.uuid[i], &r, d->err)) {
			ok = false;
			break;
		}
		if (strcmp(r.value[kind_field(r.kind, "date")], iso) < 0) {
			roll = rng_int(&d->g, 0, 19);
			snprintf(people, sizeof people, "%d", rng_int(&d->g, 6,
			    most_people(r.value[kind_field(r.kind, "room")])));
			if (roll == 0) {
				int n;

				ok = booking_cancel(d->s, &d->staff[0], r.uuid, false, &n, d->err);
			} else if (roll == 1) {
				free(r.value[kind_field(r.kind, "status")]);
				r.value[kind_field(r.kind, "status")] = xstrdup("no-show");
				ok = record_update(d->s, &d->staff[0], &r, d->err);
			} else
				ok = booking_check_in(d->s, &d->staff[rng_int(&d->g, 0, 1)], r.uuid,
				    people, use, d->err);
		}
		record_free(&r);
	}
	free(p.uuid);
	return ok;
}

bool
demo_fill(struct store *s, int years, uint64_t seed, struct date today,
    void (*progress)(void *ctx, long done, long total), void *ctx, struct error *err)
{
	struct demo d = { .s = s, .g = { seed }, .err = err, .progress = progress, .ctx = ctx };
	struct actor admin;
	struct date day, first = { date_fiscal_year(today) - years + 1, 4, 1 };
	struct date last = date_add_days(today, 14);
	int round_no = 0, board_no = 0;
	bool ok;

	actor_cli(&admin);
	if (!staff_add(s, &admin, DEMO_STAFF_NAME, ROLE_CENTER, DEMO_STAFF_PIN, err) ||
	    !staff_add(s, &admin, "菅原 健一", ROLE_SECRETARIAT, "2345", err) ||
	    !staff_add(s, &admin, DEMO_ADMIN_NAME, ROLE_ADMIN, DEMO_ADMIN_PIN, err))
		return false;
	snprintf(d.staff[0].name, sizeof d.staff[0].name, "%s", DEMO_STAFF_NAME);
	d.staff[0].role = ROLE_CENTER;
	snprintf(d.staff[1].name, sizeof d.staff[1].name, "%s", "菅原 健一");
	d.staff[1].role = ROLE_SECRETARIAT;
	d.total = (date_to_days(last) - date_to_days(first) + 1) * 5;
	record_set_uuid_source(rng_bytes, &d);
	/* A demo store is made anew if the power fails: no fsync, and the
	 * rollback journal kept in memory, while it is filled. */
	sqlite3_exec(store_db(s), "PRAGMA synchronous=OFF; PRAGMA journal_mode=MEMORY; "
	    "PRAGMA cache_size=-65536", NULL, NULL, NULL);

	/* The bookings first, so the uses typed by hand keep clear of them. */
	ok = store_begin(s, err) && add_rooms(&d) && add_body_and_plan(&d, today) &&
	    add_season(&d, first, today);
	for (day = first; ok && date_compare(day, last) <= 0; day = date_add_days(day, 1)) {
		if (closed(day))
			continue;
		/* Uses are what happened: none after today. */
		ok = add_meetings(&d, day, &round_no, &board_no) && add_events(&d, day) &&
		    (date_compare(day, today) > 0 || add_uses(&d, day));
	}
	if (!ok || !store_commit(s, err)) {
		store_rollback(s);
		record_set_uuid_source(NULL, NULL);
		return false;
	}
	/* One transaction around the rest: each step inside is a savepoint. */
	ok = store_begin(s, err) && settle_past(&d, today) &&
	    add_grants(&d, first, today);
	if (ok)
		ok = store_commit(s, err);
	else
		store_rollback(s);
	record_set_uuid_source(NULL, NULL);
	sqlite3_exec(store_db(s), "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
	    "PRAGMA cache_size=-2000", NULL, NULL, NULL);
	if (ok && progress != NULL)
		progress(ctx, d.total, d.total);
	return ok;
}
