/* Unit tests for core/record with the kinds of core/kinds (meeting, event,
 * use): what people type, the checks, and the rows in a real store — insert,
 * update, tombstones, ownership, the audit trail, listing, paging and finding.
 */
#include "unit.h"

#include <signal.h>
#include <sys/wait.h>

#include "base/actor.h"
#include "store/audit.h"
#include "domain/record.h"

static const struct actor hanako = {"佐藤 花子", ROLE_CENTER};
static const struct actor kenichi = {"菅原 健一", ROLE_SECRETARIAT};

static const struct kind *
K(const char *name)
{
	const struct kind *k = kind_find(name);

	if (k == NULL)
		fail_msg("no kind %s", name);
	return k;
}

static int
I(const char *kind, const char *field)
{
	int i = kind_field(K(kind), field);

	if (i < 0)
		fail_msg("no field %s.%s", kind, field);
	return i;
}

static const struct field *
F(const char *kind, const char *field)
{
	return &K(kind)->fields[I(kind, field)];
}

/* field_parse accepts in and gives want (NULL: empty). */
static void
parse_ok(const struct field *f, const char *in, const char *want)
{
	struct error err;
	char *out = NULL;

	error_clear(&err);
	if (!field_parse(f, in, &out, &err))
		fail_msg("%s: \"%s\" refused: %s", f->name, in, err.text);
	if (want == NULL) {
		if (out != NULL) {
			char copy[256];

			snprintf(copy, sizeof copy, "%s", out);
			free(out);
			fail_msg("%s: \"%s\" gave \"%s\", expected empty", f->name, in, copy);
		}
		return;
	}
	if (out == NULL || strcmp(out, want) != 0) {
		char copy[256];

		snprintf(copy, sizeof copy, "%s", out ? out : "(null)");
		free(out);
		fail_msg("%s: \"%s\" gave \"%s\", expected \"%s\"", f->name, in, copy, want);
	}
	free(out);
}

/* field_parse refuses in; the message names the field and holds words. */
static void
parse_bad(const struct field *f, const char *in, const char *words)
{
	struct error err;
	char *out = NULL;

	error_clear(&err);
	if (field_parse(f, in, &out, &err)) {
		char copy[256];

		snprintf(copy, sizeof copy, "%s", out ? out : "(null)");
		free(out);
		fail_msg("%s: \"%s\" accepted as \"%s\"", f->name, in, copy);
	}
	assert_null(out);
	assert_contains(err.text, field_label(f));
	if (words != NULL)
		assert_contains(err.text, words);
}

/* ---- what people type ---- */

/* Controls no form lets anyone type are refused in every text field, the
 * same whether typed, imported from CSV or carried by a sync file. */
static void
test_parse_controls(void **state)
{
	const struct field *title = F("meeting", "title"), *note = F("meeting", "summary");

	(void)state;
	parse_bad(title, "a\x1b[2Jb", "control character");
	parse_bad(title, "a\tb", "control character");
	parse_bad(title, "a\x7f", "control character");
	parse_bad(title, "a\xc2\x9b" "31m", "control character");	/* C1 CSI */
	parse_bad(title, "abc\xe2\x80\xae" "evil", "control character");	/* RLO */
	parse_bad(note, "line\x1b]0;title\x07", "control character");
	parse_ok(note, "一行目\n\t二行目", "一行目\n\t二行目");
	/* A spreadsheet's line breaks are kept as kyodo keeps them. */
	parse_ok(note, "一行目\r\n二行目\r三行目", "一行目\n二行目\n三行目");
	parse_ok(title, "運営委員会", "運営委員会");
}

static void
test_parse_date(void **state)
{
	const struct field *f = F("meeting", "date");

	(void)state;
	parse_ok(f, "2026-04-01", "2026-04-01");
	parse_ok(f, "２０２６－０４－０１", "2026-04-01");
	parse_ok(f, "2026/4/1", "2026-04-01");
	parse_ok(f, "２０２６／０４／０１", "2026-04-01");
	parse_ok(f, "2024-02-29", "2024-02-29");
	parse_ok(f, "  2026-04-01\u3000", "2026-04-01");
	parse_ok(f, "", NULL);
	parse_ok(f, "   ", NULL);
	parse_ok(f, "\u3000", NULL);
	parse_bad(f, "2026-02-30", "2026-02-30");
	parse_bad(f, "2025-02-29", "YYYY-MM-DD");
	parse_bad(f, "2026-13-01", NULL);
	parse_bad(f, "2026-04-01 10:00", NULL);
	parse_bad(f, "tomorrow", "tomorrow");
	/* What the message quotes is safe to show. */
	parse_bad(f, "\x1b[2J", "\xE2\x90\x9B");
}

static void
test_parse_time(void **state)
{
	const struct field *f = F("meeting", "start");

	(void)state;
	parse_ok(f, "9:05", "09:05");
	parse_ok(f, "09:30", "09:30");
	parse_ok(f, "１０：３０", "10:30");
	parse_ok(f, "0:00", "00:00");
	parse_ok(f, "23:59", "23:59");
	parse_bad(f, "24:00", "24:00");
	parse_bad(f, "9:5", "HH:MM");
	parse_bad(f, "12:60", NULL);
	parse_bad(f, "9時", NULL);
	parse_bad(f, "0930", NULL);
	assert_string_equal(field_label(f), "Start");
}

static void
test_parse_yen(void **state)
{
	const struct field *cost = F("event", "cost"), *fee = F("use", "fee");

	(void)state;
	assert_int_equal(cost->type, FIELD_YEN);
	assert_int_equal(fee->type, FIELD_YEN);
	parse_ok(cost, "¥1,200", "1200");
	parse_ok(cost, "１２００円", "1200");
	parse_ok(cost, "￥１，２００", "1200");
	parse_ok(cost, "1200", "1200");
	parse_ok(cost, "0", "0");
	parse_ok(cost, "007", "7");
	parse_ok(cost, "1,000,000,000,000", "1000000000000");	/* the cost's max */
	parse_bad(cost, "-100", "cannot be negative");
	parse_bad(cost, "－１００", "cannot be negative");
	parse_bad(cost, "¥-5", "cannot be negative");
	parse_bad(cost, "12.5", NULL);
	parse_bad(cost, "abc", NULL);
	parse_bad(cost, "1200ドル", NULL);
	parse_bad(cost, "99999999999999999999999", NULL);	/* no overflow */
	parse_ok(fee, "100000000", "100000000");
	parse_bad(fee, "100000001", "100000000");
	parse_bad(fee, "¥100,000,001", NULL);
}

static void
test_parse_count(void **state)
{
	const struct field *f = F("meeting", "attendees");

	(void)state;
	assert_int_equal(f->type, FIELD_COUNT);
	parse_ok(f, "12", "12");
	parse_ok(f, "１２", "12");
	parse_ok(f, " 12 ", "12");
	parse_ok(f, "1,000", "1000");
	parse_ok(f, "10000", "10000");
	parse_bad(f, "10001", "10000");
	parse_bad(f, "-1", "cannot be negative");
	parse_bad(f, "－１", "cannot be negative");
	parse_bad(f, "1.5", NULL);
	parse_bad(f, "abc", NULL);
	parse_bad(f, "¥12", NULL);	/* yen signs are for amounts */
	parse_bad(f, "12円", NULL);
	assert_string_equal(field_label(f), "Attendees");
}

/* n copies of the UTF-8 character ch. */
static char *
repeat(const char *ch, int n)
{
	size_t len = strlen(ch);
	char *s = malloc(len * (size_t)n + 1);
	int i;

	assert_non_null(s);
	for (i = 0; i < n; i++)
		memcpy(s + len * (size_t)i, ch, len);
	s[len * (size_t)n] = '\0';
	return s;
}

static void
test_parse_text(void **state)
{
	const struct field *title = F("meeting", "title"), *org = F("event", "organizer");
	char *s;

	(void)state;
	assert_int_equal(title->max, 100);
	parse_ok(title, "  第1回 円卓会議\u3000", "第1回 円卓会議");
	parse_ok(title, "\u3000\u3000夏祭り 準備会 \t", "夏祭り 準備会");
	/* Characters are counted, not bytes: 100 kanji (300 bytes) fit. */
	s = repeat("議", 100);
	parse_ok(title, s, s);
	free(s);
	s = repeat("議", 101);
	parse_bad(title, s, "at most 100");
	free(s);
	s = repeat("a", 100);
	parse_ok(title, s, s);
	free(s);
	s = repeat("a", 101);
	parse_bad(title, s, "101");
	free(s);
	s = repeat("𠮷", 60);
	parse_ok(org, s, s);
	free(s);
	s = repeat("𠮷", 61);
	parse_bad(org, s, "60");
	free(s);
	/* Bytes that are not UTF-8 are refused, whatever the field. */
	parse_bad(title, "abc\xFF", "UTF-8");
	parse_bad(title, "\xC0\x80", "UTF-8");
	parse_bad(title, "\x82\xA0\x82\xA2", "UTF-8");	/* あい in Shift_JIS */
	parse_bad(F("meeting", "date"), "2026-04-01\xFF", "UTF-8");
	parse_bad(F("event", "cost"), "\xFF" "100", "UTF-8");
}

static void
test_parse_line_breaks(void **state)
{
	(void)state;
	/* A note may hold line breaks ... */
	parse_ok(F("meeting", "agenda"), "1. 報告\n2. 協議", "1. 報告\n2. 協議");
	/* ... a one-line text field may not (record.h: FIELD_TEXT is one line). */
	parse_bad(F("meeting", "title"), "第1回\n円卓会議", NULL);
}

static void
test_parse_choice(void **state)
{
	const struct field *kind = F("meeting", "kind"), *field = F("event", "field");
	struct error err;
	char *out = NULL;

	(void)state;
	parse_ok(kind, "board", "board");
	parse_ok(kind, "round-table", "round-table");
	parse_ok(kind, "Board meeting", "board");	/* the English label */
	parse_ok(kind, "Round table", "round-table");
	parse_ok(kind, "  board\u3000", "board");
	parse_ok(field, "Welfare", "welfare");
	parse_ok(field, "childcare", "childcare");
	parse_ok(kind, "", NULL);

	error_clear(&err);
	assert_false(field_parse(kind, "picnic", &out, &err));
	assert_null(out);
	assert_contains(err.text, "Kind");
	assert_contains(err.text, "picnic");
	assert_contains(err.text, "round-table, board, preparatory, city, other");
	parse_bad(kind, "Board", NULL);
	parse_bad(kind, "BOARD", NULL);

	assert_string_equal(field_choice_label(kind, "board"), "Board meeting");
	assert_string_equal(field_choice_label(kind, "unknown-code"), "unknown-code");
}

/* ---- a record in memory ---- */

static void
test_record_set_names_field(void **state)
{
	struct record r;
	struct error err;
	int start = I("meeting", "start"), att = I("meeting", "attendees");

	(void)state;
	record_init(&r, K("meeting"));
	assert_true(record_set(&r, start, "9:05", &err));
	assert_str(r.value[start], "09:05");
	error_clear(&err);
	err.field = 99;
	assert_false(record_set(&r, start, "25:00", &err));
	assert_int_equal(err.field, start);
	assert_contains(err.text, "Start");
	/* A refused value leaves the old one. */
	assert_str(r.value[start], "09:05");
	error_clear(&err);
	assert_false(record_set(&r, att, "-3", &err));
	assert_int_equal(err.field, att);
	assert_contains(err.text, "cannot be negative");
	/* Setting empty clears. */
	assert_true(record_set(&r, start, "", &err));
	assert_null(r.value[start]);
	assert_true(record_set(&r, att, "１２", &err));
	assert_int_equal(record_int(&r, att), 12);
	record_free(&r);
	assert_null(r.value[att]);
}

static void
test_record_check_required(void **state)
{
	struct record r;
	struct error err;

	(void)state;
	record_init(&r, K("meeting"));
	error_clear(&err);
	assert_false(record_check(&r, &err));
	assert_int_equal(err.field, I("meeting", "date"));
	assert_contains(err.text, "Date");
	assert_contains(err.text, "required");

	assert_true(record_set(&r, I("meeting", "date"), "2026-04-09", &err));
	error_clear(&err);
	assert_false(record_check(&r, &err));
	assert_int_equal(err.field, I("meeting", "kind"));
	assert_contains(err.text, "Kind");

	assert_true(record_set(&r, I("meeting", "kind"), "round-table", &err));
	error_clear(&err);
	assert_false(record_check(&r, &err));
	assert_int_equal(err.field, I("meeting", "title"));
	assert_contains(err.text, "Title");

	assert_true(record_set(&r, I("meeting", "title"), "第1回 円卓会議", &err));
	assert_true(record_check(&r, &err));
	record_free(&r);

	record_init(&r, K("event"));
	assert_true(record_set(&r, I("event", "date"), "2026-05-20", &err));
	assert_true(record_set(&r, I("event", "title"), "春の河川清掃", &err));
	error_clear(&err);
	assert_false(record_check(&r, &err));
	assert_int_equal(err.field, I("event", "field"));
	assert_contains(err.text, "Field");
	record_free(&r);
}

static void
fill_meeting(struct record *r, const char *date, const char *start, const char *end,
    const char *title)
{
	struct error err;

	record_init(r, K("meeting"));
	assert_true(record_set(r, I("meeting", "date"), date, &err));
	assert_true(record_set(r, I("meeting", "kind"), "board", &err));
	assert_true(record_set(r, I("meeting", "title"), title, &err));
	if (start != NULL)
		assert_true(record_set(r, I("meeting", "start"), start, &err));
	if (end != NULL)
		assert_true(record_set(r, I("meeting", "end"), end, &err));
}

static void
test_record_check_times(void **state)
{
	struct record r;
	struct error err;

	(void)state;
	fill_meeting(&r, "2026-04-09", "10:00", "9:00", "役員会");
	error_clear(&err);
	assert_false(record_check(&r, &err));
	assert_int_equal(err.field, I("meeting", "end"));
	assert_contains(err.text, "End");
	assert_contains(err.text, "10:00");
	record_free(&r);

	fill_meeting(&r, "2026-04-09", "10:00", "10:00", "役員会");
	error_clear(&err);
	assert_false(record_check(&r, &err));
	assert_int_equal(err.field, I("meeting", "end"));
	record_free(&r);

	fill_meeting(&r, "2026-04-09", "10:00", "10:01", "役員会");
	assert_true(record_check(&r, &err));
	record_free(&r);
	fill_meeting(&r, "2026-04-09", NULL, "10:00", "役員会");
	assert_true(record_check(&r, &err));
	record_free(&r);
	fill_meeting(&r, "2026-04-09", "9:00", "21:00", "役員会");	/* not a text compare of "9:00" */
	assert_true(record_check(&r, &err));
	record_free(&r);
}

static void
test_record_check_without_err(void **state)
{
	struct record r;
	int status = -1;
	pid_t pid;

	(void)state;
	/* error.h: "a NULL err is allowed everywhere an error is taken".  Run
	 * in a child so a crash fails this test alone. */
	fill_meeting(&r, "2026-04-09", "10:00", "9:00", "役員会");
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		bool ok;

		/* Let a crash kill the child instead of cmocka catching it. */
		signal(SIGSEGV, SIG_DFL);
		signal(SIGBUS, SIG_DFL);
		signal(SIGILL, SIG_DFL);
		signal(SIGFPE, SIG_DFL);
		ok = record_check(&r, NULL);

		_exit(ok ? 2 : 0);
	}
	record_free(&r);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (!WIFEXITED(status))
		fail_msg("record_check(r, NULL) crashed (signal %d)",
		    WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	if (WEXITSTATUS(status) != 0)
		fail_msg("record_check(r, NULL) %s (exit status %d)", WEXITSTATUS(status) == 2 ?
		    "accepted an end before the start" : "failed in the child", WEXITSTATUS(status));
}

static void
test_record_summary(void **state)
{
	struct record r;
	struct buf b = {0};

	(void)state;
	fill_meeting(&r, "2026-04-09", "19:00", "20:30", "第1回 円卓会議");
	record_summary(&r, &b);
	assert_contains(buf_str(&b), "2026-04-09");
	assert_contains(buf_str(&b), "19:00");
	assert_contains(buf_str(&b), "第1回 円卓会議");
	buf_free(&b);
	record_free(&r);
}

/* ---- rows in a store ---- */

static void
insert(struct store *s, const struct actor *who, struct record *r)
{
	struct error err;

	if (!record_insert(s, who, r, &err))
		fail_msg("record_insert: %s", err.text);
}

/* Inserts a meeting and frees it; its uuid into uuid (37 bytes) if wanted. */
static void
add_meeting(struct store *s, const char *uuid_in, const char *date, const char *start,
    const char *title, const char *kind, char *uuid_out)
{
	struct record r;
	struct error err;

	fill_meeting(&r, date, start, NULL, title);
	if (kind != NULL)
		assert_true(record_set(&r, I("meeting", "kind"), kind, &err));
	if (uuid_in != NULL)
		snprintf(r.uuid, sizeof r.uuid, "%s", uuid_in);
	insert(s, &hanako, &r);
	if (uuid_out != NULL)
		memcpy(uuid_out, r.uuid, 37);
	record_free(&r);
}

static void
assert_uuid_shape(const char *u)
{
	int i;

	assert_int_equal(strlen(u), 36);
	for (i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23)
			assert_int_equal(u[i], '-');
		else if (!((u[i] >= '0' && u[i] <= '9') || (u[i] >= 'a' && u[i] <= 'f')))
			fail_msg("uuid %s: '%c' at %d", u, u[i], i);
	}
	assert_int_equal(u[14], '4');	/* version 4 */
}

static long long
count_sql(struct store *s, const char *sql_fmt, const char *arg)
{
	char sql[512];

	snprintf(sql, sizeof sql, sql_fmt, arg);
	return unit_sql_int(s, sql);
}

static void
test_insert(void **state)
{
	struct unit_fx *fx = *state;
	struct record r, got;
	struct error err;
	char first[37];

	fill_meeting(&r, "2026-04-09", "19:00", "20:30", "第1回 円卓会議");
	assert_true(record_set(&r, I("meeting", "attendees"), "２４", &err));
	insert(fx->s, &hanako, &r);
	assert_uuid_shape(r.uuid);
	assert_int_equal(r.version, 1);
	assert_string_equal(r.origin, "mashiba");
	assert_str(r.created_by, "佐藤 花子");
	assert_str(r.updated_by, "佐藤 花子");
	assert_false(r.deleted);
	assert_int_equal(strlen(r.updated_at), 20);

	if (!record_get(fx->s, K("meeting"), r.uuid, &got, &err))
		fail_msg("record_get: %s", err.text);
	assert_string_equal(got.uuid, r.uuid);
	assert_int_equal(got.version, 1);
	assert_string_equal(got.origin, "mashiba");
	assert_str(got.created_by, "佐藤 花子");
	assert_str(got.updated_by, "佐藤 花子");
	assert_false(got.deleted);
	assert_str(got.value[I("meeting", "date")], "2026-04-09");
	assert_str(got.value[I("meeting", "start")], "19:00");
	assert_str(got.value[I("meeting", "end")], "20:30");
	assert_str(got.value[I("meeting", "kind")], "board");
	assert_str(got.value[I("meeting", "title")], "第1回 円卓会議");
	assert_str(got.value[I("meeting", "attendees")], "24");
	assert_null(got.value[I("meeting", "agenda")]);
	/* Numbers are stored as integers. */
	assert_int_equal(count_sql(fx->s, "SELECT count(*) FROM meeting WHERE uuid = '%s' AND "
	    "typeof(attendees) = 'integer'", r.uuid), 1);
	memcpy(first, r.uuid, sizeof first);
	record_free(&got);
	record_free(&r);

	/* Each record gets its own uuid; a given one is kept. */
	fill_meeting(&r, "2026-04-10", NULL, NULL, "役員会");
	insert(fx->s, &kenichi, &r);
	assert_string_not_equal(r.uuid, first);
	assert_str(r.created_by, "菅原 健一");
	record_free(&r);
	add_meeting(fx->s, "0b1c2d3e-0000-4000-8000-000000000001", "2026-04-11", NULL, "部会",
	    NULL, NULL);
	assert_int_equal(count_sql(fx->s, "SELECT count(*) FROM meeting WHERE uuid = '%s'",
	    "0b1c2d3e-0000-4000-8000-000000000001"), 1);
	assert_int_equal(record_count(fx->s, K("meeting"), 0, 0, &err), 3);
}

static void
test_insert_refused_writes_nothing(void **state)
{
	struct unit_fx *fx = *state;
	struct record r;
	struct error err;

	record_init(&r, K("meeting"));
	assert_true(record_set(&r, I("meeting", "date"), "2026-04-09", &err));
	error_clear(&err);
	assert_false(record_insert(fx->s, &hanako, &r, &err));
	assert_contains(err.text, "required");
	assert_string_equal(r.uuid, "");
	record_free(&r);

	fill_meeting(&r, "2026-04-09", "10:00", "09:00", "逆転");
	error_clear(&err);
	assert_false(record_insert(fx->s, &hanako, &r, &err));
	assert_contains(err.text, "End");
	record_free(&r);

	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM meeting"), 0);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit"), 0);
}

static void
test_update_and_stale(void **state)
{
	struct unit_fx *fx = *state;
	struct record r, mine, theirs;
	struct error err;
	char uuid[37];

	fill_meeting(&r, "2026-04-09", "19:00", "20:30", "第1回 円卓会議");
	insert(fx->s, &hanako, &r);
	memcpy(uuid, r.uuid, sizeof uuid);
	record_free(&r);

	/* Two kiosks read version 1. */
	assert_true(record_get(fx->s, K("meeting"), uuid, &mine, &err));
	assert_true(record_get(fx->s, K("meeting"), uuid, &theirs, &err));

	assert_true(record_set(&mine, I("meeting", "title"), "第1回 円卓会議（臨時）", &err));
	if (!record_update(fx->s, &kenichi, &mine, &err))
		fail_msg("record_update: %s", err.text);
	assert_int_equal(mine.version, 2);
	assert_str(mine.updated_by, "菅原 健一");
	assert_str(mine.created_by, "佐藤 花子");

	assert_true(record_get(fx->s, K("meeting"), uuid, &r, &err));
	assert_int_equal(r.version, 2);
	assert_str(r.updated_by, "菅原 健一");
	assert_str(r.created_by, "佐藤 花子");
	assert_str(r.value[I("meeting", "title")], "第1回 円卓会議（臨時）");
	assert_string_equal(r.origin, "mashiba");
	record_free(&r);

	/* The other kiosk's copy is stale now: refused, nothing written. */
	assert_true(record_set(&theirs, I("meeting", "title"), "上書き", &err));
	error_clear(&err);
	assert_false(record_update(fx->s, &hanako, &theirs, &err));
	assert_contains(err.text, "changed");
	assert_int_equal(theirs.version, 1);
	assert_false(record_delete(fx->s, &hanako, &theirs, &err));
	assert_false(theirs.deleted);
	assert_true(record_get(fx->s, K("meeting"), uuid, &r, &err));
	assert_int_equal(r.version, 2);
	assert_false(r.deleted);
	assert_str(r.value[I("meeting", "title")], "第1回 円卓会議（臨時）");
	record_free(&r);

	/* An update is checked like an insert. */
	assert_true(record_set(&mine, I("meeting", "end"), "18:00", &err));
	error_clear(&err);
	assert_false(record_update(fx->s, &kenichi, &mine, &err));
	assert_int_equal(err.field, I("meeting", "end"));
	assert_int_equal(count_sql(fx->s, "SELECT version FROM meeting WHERE uuid = '%s'", uuid), 2);

	/* Only the successful writes are audited: add and edit. */
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit"), 2);
	record_free(&mine);
	record_free(&theirs);
}

static bool
collect_uuid(void *ctx, const struct record *r)
{
	struct buf *b = ctx;

	buf_printf(b, "%s%s", b->len ? "," : "", r->uuid);
	return true;
}

static void
test_delete_tombstone(void **state)
{
	struct unit_fx *fx = *state;
	struct record_query q = {0};
	struct record r;
	struct error err;
	struct buf seen = {0};
	char keep[37], gone[37];

	add_meeting(fx->s, NULL, "2026-04-09", NULL, "残る会議", NULL, keep);
	add_meeting(fx->s, NULL, "2026-04-10", NULL, "消える会議", NULL, gone);
	assert_true(record_get(fx->s, K("meeting"), gone, &r, &err));
	if (!record_delete(fx->s, &kenichi, &r, &err))
		fail_msg("record_delete: %s", err.text);
	assert_true(r.deleted);
	assert_int_equal(r.version, 2);
	record_free(&r);

	/* The row stays, marked. */
	assert_true(record_get(fx->s, K("meeting"), gone, &r, &err));
	assert_true(r.deleted);
	assert_int_equal(r.version, 2);
	assert_str(r.updated_by, "菅原 健一");
	assert_str(r.value[I("meeting", "title")], "消える会議");
	record_free(&r);
	assert_int_equal(count_sql(fx->s, "SELECT deleted FROM meeting WHERE uuid = '%s'", gone), 1);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM meeting"), 2);

	/* Lists skip it unless asked. */
	assert_int_equal(record_list(fx->s, K("meeting"), &q, collect_uuid, &seen, &err), 1);
	assert_string_equal(buf_str(&seen), keep);
	buf_reset(&seen);
	q.with_deleted = true;
	assert_int_equal(record_list(fx->s, K("meeting"), &q, collect_uuid, &seen, &err), 2);
	assert_contains(buf_str(&seen), gone);
	buf_free(&seen);
	assert_int_equal(record_count(fx->s, K("meeting"), 0, 0, &err), 1);
	assert_int_equal(record_count(fx->s, K("meeting"), 2026, 4, &err), 1);
	error_clear(&err);
	assert_false(record_find(fx->s, K("meeting"), gone, &r, &err));
	assert_false(record_find(fx->s, K("meeting"), "消える会議", &r, &err));
}

static void
test_foreign_rows_refused(void **state)
{
	static const char *const uuid = "c17c17c1-0000-4000-8000-000000000001";
	struct unit_fx *fx = *state;
	struct record r;
	struct error err;

	assert_int_equal(sqlite3_exec(store_db(fx->s), "INSERT INTO meeting (uuid, origin, "
	    "version, updated_at, deleted, created_by, updated_by, date, kind, title) VALUES "
	    "('c17c17c1-0000-4000-8000-000000000001', 'city', 3, '2026-04-01T00:00:00Z', 0, "
	    "'city:ito', 'city:ito', '2026-04-15', 'city', '市との協議')", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_true(record_get(fx->s, K("meeting"), uuid, &r, &err));
	assert_string_equal(r.origin, "city");

	assert_true(record_set(&r, I("meeting", "title"), "書き換え", &err));
	error_clear(&err);
	assert_false(record_update(fx->s, &hanako, &r, &err));
	assert_contains(err.text, "city");
	assert_contains(err.text, "owner");
	assert_int_equal(r.version, 3);
	error_clear(&err);
	assert_false(record_delete(fx->s, &hanako, &r, &err));
	assert_contains(err.text, "owner");
	assert_false(r.deleted);
	record_free(&r);

	assert_true(record_get(fx->s, K("meeting"), uuid, &r, &err));
	assert_int_equal(r.version, 3);
	assert_false(r.deleted);
	assert_str(r.value[I("meeting", "title")], "市との協議");
	record_free(&r);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit"), 0);
}

struct audit_seen {
	int n;
	char actor[4][64], action[4][16], kind[4][16], uuid[4][37];
};

static void
collect_audit(void *ctx, const struct audit_entry *e)
{
	struct audit_seen *a = ctx;

	if (a->n < 4) {
		snprintf(a->actor[a->n], sizeof a->actor[0], "%s", e->actor);
		snprintf(a->action[a->n], sizeof a->action[0], "%s", e->action);
		snprintf(a->kind[a->n], sizeof a->kind[0], "%s", e->kind ? e->kind : "");
		snprintf(a->uuid[a->n], sizeof a->uuid[0], "%s", e->uuid ? e->uuid : "");
		assert_non_null(e->at);
		assert_non_null(e->summary);
	}
	a->n++;
}

static void
test_audit_trail(void **state)
{
	struct unit_fx *fx = *state;
	struct audit_seen a;
	struct record r;
	struct error err;
	char uuid[37];

	fill_meeting(&r, "2026-04-09", "19:00", "20:30", "第1回 円卓会議");
	insert(fx->s, &hanako, &r);
	memcpy(uuid, r.uuid, sizeof uuid);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit"), 1);
	assert_true(record_set(&r, I("meeting", "attendees"), "20", &err));
	assert_true(record_update(fx->s, &kenichi, &r, &err));
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit"), 2);
	assert_true(record_delete(fx->s, &hanako, &r, &err));
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit"), 3);
	record_free(&r);

	memset(&a, 0, sizeof a);
	assert_int_equal(audit_list(fx->s, 0, collect_audit, &a, &err), 3);
	/* Newest first. */
	assert_string_equal(a.action[0], "delete");
	assert_string_equal(a.actor[0], "佐藤 花子");
	assert_string_equal(a.action[1], "edit");
	assert_string_equal(a.actor[1], "菅原 健一");
	assert_string_equal(a.action[2], "add");
	assert_string_equal(a.actor[2], "佐藤 花子");
	assert_string_equal(a.kind[2], "meeting");
	assert_string_equal(a.uuid[0], uuid);
	assert_string_equal(a.uuid[1], uuid);
	assert_string_equal(a.uuid[2], uuid);
	assert_int_equal(count_sql(fx->s, "SELECT count(*) FROM audit WHERE uuid = '%s' AND "
	    "summary LIKE '%%第1回 円卓会議%%' AND at LIKE '____-__-__T__:__:__Z'", uuid), 3);
	memset(&a, 0, sizeof a);
	assert_int_equal(audit_list(fx->s, 1, collect_audit, &a, &err), 1);
	assert_string_equal(a.action[0], "delete");
}

static void
test_audit_is_append_only(void **state)
{
	struct unit_fx *fx = *state;
	sqlite3 *db = store_db(fx->s);

	add_meeting(fx->s, NULL, "2026-04-09", NULL, "役員会", NULL, NULL);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit"), 1);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE audit SET actor = 'someone else'",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_contains(sqlite3_errmsg(db), "append-only");
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM audit", NULL, NULL, NULL), SQLITE_OK);
	assert_contains(sqlite3_errmsg(db), "append-only");
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit"), 1);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM audit WHERE actor = '佐藤 花子'"), 1);
}

/* ---- listing ---- */

struct row {
	char uuid[37], date[11], start[6];
	bool has_start;
};

struct rows {
	struct row r[64];
	int n;
};

static bool
collect_row(void *ctx, const struct record *r)
{
	struct rows *rs = ctx;
	struct row *w;
	const char *start = r->value[I(r->kind->name, "start")];

	assert_true(rs->n < 64);
	w = &rs->r[rs->n++];
	snprintf(w->uuid, sizeof w->uuid, "%s", r->uuid);
	snprintf(w->date, sizeof w->date, "%s", r->value[I(r->kind->name, "date")]);
	w->has_start = start != NULL;
	snprintf(w->start, sizeof w->start, "%s", start ? start : "");
	return true;
}

static long
list_rows(struct store *s, const struct record_query *q, struct rows *out)
{
	struct error err;
	long n;

	memset(out, 0, sizeof *out);
	n = record_list(s, K("meeting"), q, collect_row, out, &err);
	if (n < 0)
		fail_msg("record_list: %s", err.text);
	assert_int_equal(n, out->n);
	return n;
}

/* The dates listed, joined by spaces. */
static void
dates_of(const struct rows *rs, char *out, size_t size)
{
	int i;

	out[0] = '\0';
	for (i = 0; i < rs->n; i++)
		snprintf(out + strlen(out), size - strlen(out), "%s%s", i ? " " : "", rs->r[i].date);
}

static void
test_list_month_filter(void **state)
{
	static const char *const dates[] = {
		"2026-03-31", "2026-04-01", "2026-04-15", "2026-04-30", "2026-05-01",
		"2026-12-31", "2027-01-01", "2025-12-31",
	};
	struct unit_fx *fx = *state;
	struct record_query q = {0};
	struct rows rs;
	struct error err;
	char got[256];
	size_t i;

	for (i = 0; i < sizeof dates / sizeof dates[0]; i++)
		add_meeting(fx->s, NULL, dates[i], NULL, "会議", NULL, NULL);
	q.year = 2026;
	q.month = 4;
	list_rows(fx->s, &q, &rs);
	dates_of(&rs, got, sizeof got);
	assert_string_equal(got, "2026-04-01 2026-04-15 2026-04-30");
	q.month = 12;
	list_rows(fx->s, &q, &rs);
	dates_of(&rs, got, sizeof got);
	assert_string_equal(got, "2026-12-31");
	q.month = 3;
	list_rows(fx->s, &q, &rs);
	dates_of(&rs, got, sizeof got);
	assert_string_equal(got, "2026-03-31");
	q.year = 2027;
	q.month = 1;
	list_rows(fx->s, &q, &rs);
	dates_of(&rs, got, sizeof got);
	assert_string_equal(got, "2027-01-01");
	q.year = 2026;
	q.month = 0;
	assert_int_equal(list_rows(fx->s, &q, &rs), 6);
	q.year = 0;
	assert_int_equal(list_rows(fx->s, &q, &rs), 8);

	assert_int_equal(record_count(fx->s, K("meeting"), 2026, 4, &err), 3);
	assert_int_equal(record_count(fx->s, K("meeting"), 2026, 12, &err), 1);
	assert_int_equal(record_count(fx->s, K("meeting"), 2026, 0, &err), 6);
	assert_int_equal(record_count(fx->s, K("meeting"), 0, 0, &err), 8);
	assert_int_equal(record_count(fx->s, K("meeting"), 2026, 6, &err), 0);
	assert_int_equal(record_count(fx->s, K("event"), 0, 0, &err), 0);
}

/* a comes before b in list order: date, start (none first), uuid. */
static int
row_cmp(const struct row *a, const struct row *b)
{
	int c = strcmp(a->date, b->date);

	if (c != 0)
		return c;
	if (a->has_start != b->has_start)
		return a->has_start ? 1 : -1;
	c = strcmp(a->start, b->start);
	return c != 0 ? c : strcmp(a->uuid, b->uuid);
}

/* 23 meetings over five days, some with no start and several sharing a
 * date and start, inserted out of order. */
static void
add_paging_rows(struct store *s)
{
	static const char *const dates[] = {
		"2026-04-20", "2026-04-03", "2026-04-11", "2026-04-03", "2026-04-27",
	};
	static const char *const starts[] = {"13:00", NULL, "09:00", "13:00", "9:30"};
	int i;

	for (i = 0; i < 23; i++)
		add_meeting(s, NULL, dates[i % 5], starts[(i / 5) % 5], "会議", NULL, NULL);
}

static void
test_list_order(void **state)
{
	struct unit_fx *fx = *state;
	struct record_query q = {0};
	struct rows rs;
	int i;

	add_paging_rows(fx->s);
	assert_int_equal(list_rows(fx->s, &q, &rs), 23);
	for (i = 1; i < rs.n; i++)
		if (row_cmp(&rs.r[i - 1], &rs.r[i]) >= 0)
			fail_msg("row %d (%s %s %s) is not after row %d (%s %s %s)", i,
			    rs.r[i].date, rs.r[i].start, rs.r[i].uuid, i - 1, rs.r[i - 1].date,
			    rs.r[i - 1].start, rs.r[i - 1].uuid);
	assert_string_equal(rs.r[0].date, "2026-04-03");
	assert_false(rs.r[0].has_start);
	assert_string_equal(rs.r[22].date, "2026-04-27");
	/* A limit takes the first rows. */
	q.limit = 4;
	assert_int_equal(list_rows(fx->s, &q, &rs), 4);
}

/* Pages through the meetings (with filter q) by keyset, size per page,
 * forward or backward; out gets the rows in the order the pages gave. */
static void
page_through(struct store *s, const struct record_query *filter, int size, bool backward,
    struct rows *out)
{
	struct record_query q = *filter;
	struct rows page;
	const struct row *last;
	int pages = 0, i;

	memset(out, 0, sizeof *out);
	q.limit = size;
	q.backward = backward;
	q.after_date = NULL;
	for (;;) {
		list_rows(s, &q, &page);
		assert_true(page.n <= size);
		for (i = 0; i < page.n; i++) {
			assert_true(out->n < 64);
			out->r[out->n++] = page.r[i];
		}
		if (page.n < size)
			break;
		/* The cursor points into out, which outlives the next call. */
		last = &out->r[out->n - 1];
		q.after_date = last->date;
		q.after_start = last->has_start ? last->start : NULL;
		q.after_uuid = last->uuid;
		assert_true(++pages < 100);
	}
}

static void
test_list_paging(void **state)
{
	struct unit_fx *fx = *state;
	struct record_query q = {0};
	struct rows all, fwd, back;
	int i, size;

	add_paging_rows(fx->s);
	list_rows(fx->s, &q, &all);
	assert_int_equal(all.n, 23);
	for (size = 1; size <= 24; size += (size < 6 ? 1 : 6)) {
		page_through(fx->s, &q, size, false, &fwd);
		assert_int_equal(fwd.n, all.n);
		for (i = 0; i < all.n; i++)
			if (strcmp(fwd.r[i].uuid, all.r[i].uuid) != 0)
				fail_msg("page size %d forward: row %d differs", size, i);
		page_through(fx->s, &q, size, true, &back);
		assert_int_equal(back.n, all.n);
		for (i = 0; i < all.n; i++)
			if (strcmp(back.r[i].uuid, all.r[all.n - 1 - i].uuid) != 0)
				fail_msg("page size %d backward: row %d differs", size, i);
	}

	/* Backward from a row in the middle gives the rows before it, nearest
	 * first. */
	q.after_date = all.r[10].date;
	q.after_start = all.r[10].has_start ? all.r[10].start : NULL;
	q.after_uuid = all.r[10].uuid;
	q.backward = true;
	q.limit = 3;
	list_rows(fx->s, &q, &back);
	assert_int_equal(back.n, 3);
	assert_string_equal(back.r[0].uuid, all.r[9].uuid);
	assert_string_equal(back.r[1].uuid, all.r[8].uuid);
	assert_string_equal(back.r[2].uuid, all.r[7].uuid);
	q.backward = false;
	list_rows(fx->s, &q, &fwd);
	assert_int_equal(fwd.n, 3);
	assert_string_equal(fwd.r[0].uuid, all.r[11].uuid);

	/* Paging inside a month filter. */
	add_meeting(fx->s, NULL, "2026-05-01", NULL, "五月", NULL, NULL);
	add_meeting(fx->s, NULL, "2026-03-31", "10:00", "三月", NULL, NULL);
	memset(&q, 0, sizeof q);
	q.year = 2026;
	q.month = 4;
	page_through(fx->s, &q, 4, false, &fwd);
	assert_int_equal(fwd.n, 23);
	for (i = 0; i < all.n; i++)
		assert_string_equal(fwd.r[i].uuid, all.r[i].uuid);
	page_through(fx->s, &q, 4, true, &back);
	assert_int_equal(back.n, 23);
}

static long
count_containing(struct store *s, const char *text)
{
	struct record_query q = {0};
	struct rows rs;

	q.contains = text;
	return list_rows(s, &q, &rs);
}

static void
test_list_contains(void **state)
{
	struct unit_fx *fx = *state;
	struct record r;
	struct error err;

	add_meeting(fx->s, NULL, "2026-04-09", "19:00", "第1回 円卓会議", "round-table", NULL);
	add_meeting(fx->s, NULL, "2026-04-28", "18:30", "第1回 役員会", "board", NULL);
	add_meeting(fx->s, NULL, "2026-05-13", "18:30", "夏祭り実行委員会", "preparatory", NULL);
	fill_meeting(&r, "2026-06-03", NULL, NULL, "部会");
	assert_true(record_set(&r, I("meeting", "kind"), "other", &err));
	assert_true(record_set(&r, I("meeting", "agenda"), "防災訓練の打合せ", &err));
	insert(fx->s, &hanako, &r);
	record_free(&r);

	assert_int_equal(count_containing(fx->s, "円卓"), 1);
	assert_int_equal(count_containing(fx->s, "第1回"), 2);
	assert_int_equal(count_containing(fx->s, "防災"), 1);	/* a note */
	/* A choice matches by its label, not its code. */
	assert_int_equal(count_containing(fx->s, "Board"), 1);
	assert_int_equal(count_containing(fx->s, "meeting"), 2);	/* Board / Preparatory meeting */
	assert_int_equal(count_containing(fx->s, "Round table"), 1);
	assert_int_equal(count_containing(fx->s, "2026-04"), 2);
	assert_int_equal(count_containing(fx->s, "会議は"), 0);
	assert_int_equal(count_containing(fx->s, "'; DROP TABLE meeting; --"), 0);
	assert_int_equal(count_containing(fx->s, ""), 4);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM meeting"), 4);
}

static void
test_find(void **state)
{
	struct unit_fx *fx = *state;
	const struct kind *k = K("meeting");
	struct record r;
	struct error err;

	add_meeting(fx->s, "abcdef01-0000-4000-8000-000000000001", "2026-04-28", NULL, "役員会",
	    NULL, NULL);
	add_meeting(fx->s, "abcdef01-9000-4000-8000-000000000002", "2026-05-26", NULL, "役員会",
	    NULL, NULL);
	add_meeting(fx->s, "99999999-0000-4000-8000-000000000003", "2026-04-09", NULL, "円卓会議",
	    NULL, NULL);

	assert_true(record_find(fx->s, k, "abcdef01-0000-4000-8000-000000000001", &r, &err));
	assert_string_equal(r.uuid, "abcdef01-0000-4000-8000-000000000001");
	record_free(&r);
	assert_true(record_find(fx->s, k, "abcdef01-9", &r, &err));
	assert_string_equal(r.uuid, "abcdef01-9000-4000-8000-000000000002");
	record_free(&r);
	assert_true(record_find(fx->s, k, "99999999-00", &r, &err));
	assert_string_equal(r.uuid, "99999999-0000-4000-8000-000000000003");
	record_free(&r);
	assert_true(record_find(fx->s, k, "円卓会議", &r, &err));
	assert_string_equal(r.uuid, "99999999-0000-4000-8000-000000000003");
	assert_str(r.value[I("meeting", "title")], "円卓会議");
	record_free(&r);

	/* A prefix under 8 characters names nothing, even when unique. */
	error_clear(&err);
	assert_false(record_find(fx->s, k, "9999999", &r, &err));
	assert_contains(err.text, "9999999");
	/* An 8-character prefix shared by two is ambiguous. */
	error_clear(&err);
	assert_false(record_find(fx->s, k, "abcdef01", &r, &err));
	assert_contains(err.text, "More than one");
	error_clear(&err);
	assert_false(record_find(fx->s, k, "役員会", &r, &err));
	assert_contains(err.text, "More than one");
	assert_contains(err.text, "役員会");
	error_clear(&err);
	assert_false(record_find(fx->s, k, "存在しない会議", &r, &err));
	assert_contains(err.text, "No Meeting");
	/* Another kind's table is not searched. */
	assert_false(record_find(fx->s, K("event"), "円卓会議", &r, &err));

	/* Once one of the two is deleted the title is unique again. */
	assert_true(record_get(fx->s, k, "abcdef01-0000-4000-8000-000000000001", &r, &err));
	assert_true(record_delete(fx->s, &hanako, &r, &err));
	record_free(&r);
	assert_true(record_find(fx->s, k, "役員会", &r, &err));
	assert_string_equal(r.uuid, "abcdef01-9000-4000-8000-000000000002");
	record_free(&r);
	error_clear(&err);
	assert_false(record_get(fx->s, k, "00000000-0000-4000-8000-000000000000", &r, &err));
	assert_contains(err.text, "00000000-0000-4000-8000-000000000000");
}

#define DB(t) cmocka_unit_test_setup_teardown(t, unit_fx_setup, unit_fx_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_controls),
		cmocka_unit_test(test_parse_date),
		cmocka_unit_test(test_parse_time),
		cmocka_unit_test(test_parse_yen),
		cmocka_unit_test(test_parse_count),
		cmocka_unit_test(test_parse_text),
		cmocka_unit_test(test_parse_line_breaks),
		cmocka_unit_test(test_parse_choice),
		cmocka_unit_test(test_record_set_names_field),
		cmocka_unit_test(test_record_check_required),
		cmocka_unit_test(test_record_check_times),
		cmocka_unit_test(test_record_check_without_err),
		cmocka_unit_test(test_record_summary),
		DB(test_insert),
		DB(test_insert_refused_writes_nothing),
		DB(test_update_and_stale),
		DB(test_delete_tombstone),
		DB(test_foreign_rows_refused),
		DB(test_audit_trail),
		DB(test_audit_is_append_only),
		DB(test_list_month_filter),
		DB(test_list_order),
		DB(test_list_paging),
		DB(test_list_contains),
		DB(test_find),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
