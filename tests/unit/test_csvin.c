/* Unit tests for core/csvin in a real store: headers by name and by label
 * (English and Japanese), what Excel writes (quotes, commas and line breaks
 * in values, CRLF, CR alone, a BOM, CP932 through enc), line numbers of
 * refused rows, all-or-nothing without skip_bad and the good rows with it,
 * header refusals, CSV syntax errors, a 10 MB value, and 100,000 rows.
 */
#include "unit.h"

#include <limits.h>
#include <sys/stat.h>
#include <time.h>

#include "base/actor.h"
#include "domain/csvin.h"
#include "base/enc.h"
#include "domain/record.h"

static const struct actor admin = {"cli:test", ROLE_ADMIN};

/* Big (CSVIN_MAX_PROBLEMS sentences): one for the program, not per test. */
static struct csvin_result res;

static const struct kind *
K(const char *name)
{
	const struct kind *k = kind_find(name);

	if (k == NULL)
		fail_msg("no kind %s", name);
	return k;
}

static bool
import_n(struct unit_fx *fx, const char *kind, const char *csv, size_t n, bool skip,
    struct error *err)
{
	error_clear(err);
	return csvin_import(fx->s, &admin, K(kind), csv, n, skip, &res, err);
}

static bool
import(struct unit_fx *fx, const char *kind, const char *csv, bool skip, struct error *err)
{
	return import_n(fx, kind, csv, strlen(csv), skip, err);
}

/* The import succeeds; the test fails showing the reason otherwise. */
static void
import_ok(struct unit_fx *fx, const char *kind, const char *csv, bool skip)
{
	struct error err;

	if (!import(fx, kind, csv, skip, &err))
		fail_msg("refused: %s (first problem: line %zu: %s)", err.text,
		    res.nproblems ? res.problem[0].line : 0,
		    res.nproblems ? res.problem[0].text : "");
}

static long long
rows_in(struct unit_fx *fx, const char *table)
{
	char sql[128];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	return unit_sql_int(fx->s, sql);
}

static long long
audited(struct unit_fx *fx, const char *kind)
{
	char sql[128];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE kind = '%s'", kind);
	return unit_sql_int(fx->s, sql);
}

/* One text value of a meeting picked by its date. */
static void
meeting_value(struct unit_fx *fx, const char *column, const char *date, char *out,
    size_t size)
{
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT %s FROM meeting WHERE date = '%s'", column, date);
	unit_sql_text(fx->s, sql, out, size);
}

static void
test_header_by_names(void **state)
{
	struct unit_fx *fx = *state;
	char v[256];

	import_ok(fx, "meeting", "date,start,end,kind,title,attendees\n"
	    "2026-04-01,10:00,12:00,board,役員会,12\n"
	    "2026-04-02,,,round-table,円卓会議,\n", false);
	assert_int_equal(res.rows, 2);
	assert_int_equal(res.imported, 2);
	assert_int_equal(res.bad, 0);
	assert_int_equal(rows_in(fx, "meeting"), 2);
	assert_int_equal(audited(fx, "meeting"), 2);
	meeting_value(fx, "title || '|' || kind || '|' || start || '|' || attendees",
	    "2026-04-01", v, sizeof v);
	assert_str(v, "役員会|board|10:00|12");
	/* Empty cells are empty values. */
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM meeting WHERE "
	    "date = '2026-04-02' AND start IS NULL AND attendees IS NULL"), 1);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM meeting WHERE "
	    "origin = 'mashiba' AND version = 1 AND created_by = 'cli:test'"), 2);
}

static void
test_header_by_english_labels(void **state)
{
	struct unit_fx *fx = *state;
	char v[256];

	/* Labels in any case, padded; a choice by its label. */
	import_ok(fx, "meeting", " Date ,START,Kind,Title,Attendees\n"
	    "2026-04-01,10:00,Board meeting,Labelled,３\n", false);
	meeting_value(fx, "kind || '|' || title || '|' || attendees", "2026-04-01", v, sizeof v);
	assert_str(v, "board|Labelled|3");
	/* Fields whose label is several words. */
	import_ok(fx, "use", "Date,Room,User or group,Category,Fee waived\n"
	    "2026-04-02,和室,囲碁クラブ,Group use,500\n", false);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM facility_use WHERE "
	    "\"group\" = '囲碁クラブ' AND category = 'group' AND exemption = 500"), 1);
}

/* The Japanese catalog, when the build put one beside this program. */
static bool
have_japanese(void)
{
	bool yes;

	i18n_set_lang("ja");
	yes = strcmp(gettext("Date"), "Date") != 0;
	i18n_set_lang("en");
	return yes;
}

static void
test_header_by_japanese_labels(void **state)
{
	struct unit_fx *fx = *state;
	char v[256];

	if (!have_japanese())
		skip();
	/* Read while kyodo runs in English … */
	import_ok(fx, "meeting", "日付,開始,終了,種別,件名\n"
	    "2026-04-01,10:00,11:00,board,会議\n", false);
	meeting_value(fx, "title", "2026-04-01", v, sizeof v);
	assert_str(v, "会議");
	/* … and the language is as it was. */
	assert_str(i18n_lang_code(), "en");
	assert_str(gettext("Date"), "Date");
	/* Running in Japanese, English labels still work. */
	i18n_set_lang("ja");
	import_ok(fx, "meeting", "Date,Kind,Title\n2026-04-02,board,英語\n", false);
	assert_str(i18n_lang_code(), "ja");
	i18n_set_lang("en");
	assert_int_equal(rows_in(fx, "meeting"), 2);
}

static void
test_id_column_ignored(void **state)
{
	struct unit_fx *fx = *state;
	char v[256];

	import_ok(fx, "meeting", "id,date,kind,title\n"
	    "e477401a-e1dd-4bfa-807e-0e4e2e9f4db4,2026-04-01,board,x\n", false);
	meeting_value(fx, "uuid", "2026-04-01", v, sizeof v);
	assert_int_equal(strlen(v), 36);
	assert_string_not_equal(v, "e477401a-e1dd-4bfa-807e-0e4e2e9f4db4");
}

static void
test_quoted_values(void **state)
{
	struct unit_fx *fx = *state;
	char v[256];

	import_ok(fx, "meeting", "date,kind,title,agenda,summary\r\n"
	    "2026-04-01,board,\"Budget, 2026\",\"line one\nline two, with \"\"quotes\"\"\",\r\n"
	    "2026-04-02,board,\"He said \"\"hi\"\"\",\"\",\"a,b\"\r\n"
	    "2026-04-03,board,\"\"\"\",plain,\r\n", false);
	assert_int_equal(res.imported, 3);
	meeting_value(fx, "title", "2026-04-01", v, sizeof v);
	assert_str(v, "Budget, 2026");
	meeting_value(fx, "agenda", "2026-04-01", v, sizeof v);
	assert_str(v, "line one\nline two, with \"quotes\"");
	meeting_value(fx, "title || '|' || ifnull(agenda, 'NULL') || '|' || summary",
	    "2026-04-02", v, sizeof v);
	assert_str(v, "He said \"hi\"|NULL|a,b");
	meeting_value(fx, "title", "2026-04-03", v, sizeof v);
	assert_str(v, "\"");
}

/* Cells csv_field guarded against spreadsheet formulas lose that one
 * apostrophe; an apostrophe that guards nothing is the title's own. */
static void
test_formula_guard_read_back(void **state)
{
	struct unit_fx *fx = *state;
	char v[256];

	import_ok(fx, "meeting", "date,kind,title,agenda\r\n"
	    "2026-04-01,board,\"'=HYPERLINK(\"\"http://x\"\"&A1,\"\"y\"\")\",'@SUM(1)\r\n"
	    "2026-04-02,board,'+1,'-1+1\r\n"
	    "2026-04-03,board,'quoted,'-4900000\r\n"
	    "2026-04-04,board,''=x,'\r\n"
	    "2026-04-05,board,=1+1,@x\r\n", false);
	assert_int_equal(res.imported, 5);
	meeting_value(fx, "title || '|' || agenda", "2026-04-01", v, sizeof v);
	assert_str(v, "=HYPERLINK(\"http://x\"&A1,\"y\")|@SUM(1)");
	meeting_value(fx, "title || '|' || agenda", "2026-04-02", v, sizeof v);
	assert_str(v, "+1|-1+1");
	/* A number is never guarded, so '-4900000 is written as it stands. */
	meeting_value(fx, "title || '|' || agenda", "2026-04-03", v, sizeof v);
	assert_str(v, "'quoted|'-4900000");
	meeting_value(fx, "title || '|' || agenda", "2026-04-04", v, sizeof v);
	assert_str(v, "'=x|'");
	/* An unguarded formula-like cell is text like any other. */
	meeting_value(fx, "title || '|' || agenda", "2026-04-05", v, sizeof v);
	assert_str(v, "=1+1|@x");
}

/* Line numbers are physical lines, with the header as line 1: a value's
 * line breaks count, blank lines count, and a row of empty cells is
 * skipped but counted as a line. */
static void
test_line_numbers(void **state)
{
	struct unit_fx *fx = *state;
	struct error err;

	assert_true(import(fx, "meeting", "date,kind,title,agenda\n"	/* 1 */
	    "2026-04-01,board,ok,\"multi\n"				/* 2 */
	    "line\n"							/* 3 */
	    "note\"\n"							/* 4 */
	    "\n"							/* 5 */
	    "2026-02-30,board,bad date,\n"				/* 6 */
	    ",,,\n"							/* 7 */
	    "  \n"							/* 8 */
	    "2026-04-03,party,bad kind,\n"				/* 9 */
	    "2026-04-04,board,\"two\n"					/* 10 */
	    "lines\",\n"						/* 11 */
	    "2026-04-05,board,last,\n"					/* 12 */
	    "\n\n", true, &err));
	assert_int_equal(res.rows, 5);
	assert_int_equal(res.imported, 2);
	assert_int_equal(res.bad, 3);
	assert_int_equal(res.nproblems, 3);
	assert_int_equal(res.problem[0].line, 6);
	assert_contains(res.problem[0].text, "Date:");
	assert_contains(res.problem[0].text, "2026-02-30");
	assert_int_equal(res.problem[1].line, 9);
	assert_contains(res.problem[1].text, "Kind:");
	assert_contains(res.problem[1].text, "party");
	assert_int_equal(res.problem[2].line, 10);
	assert_contains(res.problem[2].text, "one line only");
	assert_int_equal(rows_in(fx, "meeting"), 2);
}

static void
test_line_ends(void **state)
{
	struct unit_fx *fx = *state;
	struct error err;

	/* CR alone, as old Mac Excel wrote; no line end after the last row. */
	assert_false(import(fx, "meeting", "date,kind,title\r2026-04-01,board,a\r"
	    "2026-13-01,board,b\r2026-04-03,board,c", false, &err));
	assert_int_equal(res.problem[0].line, 3);
	assert_true(import(fx, "meeting", "date,kind,title\r2026-04-01,board,a\r"
	    "2026-04-02,board,b\r\r", false, &err));
	assert_int_equal(res.imported, 2);
	/* CRLF counts as one line end; mixed ends in one file. */
	assert_false(import(fx, "meeting", "date,kind,title\r\n2026-04-03,board,a\r\n"
	    "\r\n2026-04-04,board,b\n2026-04-31,board,c\r\n\r\n", false, &err));
	assert_int_equal(res.problem[0].line, 5);
	assert_int_equal(rows_in(fx, "meeting"), 2);
	assert_true(import(fx, "meeting", "date,kind,title\r\n2026-04-03,board,a\r\n"
	    "2026-04-04,board,\"b\r\nc\"\r\n\r\n\r\n", true, &err));
	assert_int_equal(res.imported, 1);
	assert_int_equal(res.problem[0].line, 3);	/* a title of two lines */
}

static void
test_bom_and_cp932(void **state)
{
	struct unit_fx *fx = *state;
	/* "date,kind,title\r\n2026-04-01,board,髙橋㈱\r\n" in CP932. */
	static const char cp932[] = "date,kind,title\r\n2026-04-01,board,"
	    "\xFB\xFC\x8B\xB4\x87\x8A\r\n";
	static const char bom[] = "\xEF\xBB\xBF" "date,kind,title\r\n2026-04-02,board,bom\r\n";
	struct buf text = {0};
	struct error err;
	char v[256];

	assert_true(decode_to_utf8(ENC_CP932, cp932, sizeof cp932 - 1, &text, &err));
	assert_true(import_n(fx, "meeting", buf_str(&text), text.len, false, &err));
	meeting_value(fx, "title", "2026-04-01", v, sizeof v);
	assert_str(v, "髙橋㈱");
	buf_reset(&text);
	assert_true(decode_to_utf8(ENC_UTF8, bom, sizeof bom - 1, &text, &err));
	assert_true(import_n(fx, "meeting", buf_str(&text), text.len, false, &err));
	buf_free(&text);
	/* A BOM handed over undecoded is no part of the first heading. */
	import_ok(fx, "meeting", "\xEF\xBB\xBF" "date,kind,title\n2026-04-03,board,raw\n", false);
	assert_int_equal(rows_in(fx, "meeting"), 3);
}

static void
test_bad_row_refuses_all(void **state)
{
	struct unit_fx *fx = *state;
	struct error err;

	assert_false(import(fx, "meeting", "date,kind,title\n"
	    "2026-04-01,board,a\n2026-02-30,board,b\n2026-04-03,board,c\n", false, &err));
	assert_contains(err.text, "Nothing was imported");
	assert_contains(err.text, "1 row");
	assert_int_equal(res.imported, 0);
	assert_int_equal(res.bad, 1);
	assert_int_equal(res.nproblems, 1);
	assert_int_equal(res.problem[0].line, 3);
	assert_contains(res.problem[0].text, "2026-02-30");
	assert_int_equal(rows_in(fx, "meeting"), 0);
	assert_int_equal(audited(fx, "meeting"), 0);
}

static void
test_skip_bad(void **state)
{
	struct unit_fx *fx = *state;

	import_ok(fx, "meeting", "date,start,end,kind,title\n"
	    "2026-04-01,,,board,a\n"
	    "2026-04-02,12:00,10:00,board,b\n"	/* end before start: record_check */
	    "2026-04-03,,,board,\n"		/* title required */
	    "2026-04-04,,,board,d\n", true);
	assert_int_equal(res.rows, 4);
	assert_int_equal(res.imported, 2);
	assert_int_equal(res.bad, 2);
	assert_int_equal(res.problem[0].line, 3);
	assert_contains(res.problem[0].text, "not after the start");
	assert_int_equal(res.problem[1].line, 4);
	assert_contains(res.problem[1].text, "Title: required");
	assert_int_equal(rows_in(fx, "meeting"), 2);
	assert_int_equal(audited(fx, "meeting"), 2);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM meeting WHERE title IN "
	    "('a', 'd')"), 2);
}

/* Every refused row is counted; the first CSVIN_MAX_PROBLEMS are kept. */
static void
test_many_bad_rows(void **state)
{
	struct unit_fx *fx = *state;
	struct buf csv = {0};
	struct error err;
	int i;

	buf_adds(&csv, "date,kind,title\n");
	for (i = 0; i < 80; i++)
		buf_adds(&csv, "2026-02-30,board,x\n");
	assert_false(import(fx, "meeting", buf_str(&csv), false, &err));
	buf_free(&csv);
	assert_contains(err.text, "80 rows");
	assert_int_equal(res.bad, 80);
	assert_int_equal(res.nproblems, CSVIN_MAX_PROBLEMS);
	assert_int_equal(res.problem[CSVIN_MAX_PROBLEMS - 1].line, CSVIN_MAX_PROBLEMS + 1);
}

static void
test_unknown_heading(void **state)
{
	struct unit_fx *fx = *state;
	struct error err;

	assert_false(import(fx, "meeting", "date,colour,kind,title\n2026-04-01,red,board,x\n",
	    true, &err));
	assert_contains(err.text, "Line 1, column 2");
	assert_contains(err.text, "\"colour\"");
	assert_contains(err.text, "date, start, end");
	assert_int_equal(res.imported, 0);
	assert_int_equal(rows_in(fx, "meeting"), 0);
	/* A heading that names a field of another kind. */
	assert_false(import(fx, "meeting", "date,kind,title,participants\n", true, &err));
	assert_contains(err.text, "column 4");
	assert_contains(err.text, "participants");
}

static void
test_missing_required_column(void **state)
{
	struct unit_fx *fx = *state;
	struct error err;

	assert_false(import(fx, "meeting", "date,title\n2026-04-01,x\n", true, &err));
	assert_contains(err.text, "Line 1");
	assert_contains(err.text, "Kind (kind)");
	assert_int_equal(rows_in(fx, "meeting"), 0);
	/* A required field with a default needs no column (a booking's status). */
	assert_false(import(fx, "booking", "date,start,end,group\n", true, &err));
	assert_contains(err.text, "Room (room)");
}

static void
test_repeated_and_unnamed_columns(void **state)
{
	struct unit_fx *fx = *state;
	struct error err;

	assert_false(import(fx, "meeting", "date,kind,Date,title\n", true, &err));
	assert_contains(err.text, "columns 1 and 3 both give Date");
	/* An unnamed column may hold nothing; cells past the header likewise. */
	assert_true(import(fx, "meeting", "date,kind,,title\n"
	    "2026-04-01,board,,a\n"
	    "2026-04-02,board,stray,b\n"
	    "2026-04-03,board,,c,\n"
	    "2026-04-04,board,,d,extra\n"
	    "2026-04-05,board\n", true, &err));
	assert_int_equal(res.imported, 2);
	assert_int_equal(res.bad, 3);
	assert_int_equal(res.problem[0].line, 3);
	assert_contains(res.problem[0].text, "Column 3 has no heading");
	assert_int_equal(res.problem[1].line, 5);
	assert_contains(res.problem[1].text, "Column 5");
	assert_int_equal(res.problem[2].line, 6);
	assert_contains(res.problem[2].text, "Title: required");
}

static void
test_empty_and_nul(void **state)
{
	struct unit_fx *fx = *state;
	struct error err;

	assert_false(import(fx, "meeting", "", false, &err));
	assert_contains(err.text, "no header row");
	assert_false(import(fx, "meeting", "\r\n\r\n,,\r\n", false, &err));
	assert_contains(err.text, "no header row");
	/* A header alone imports nothing, and that is fine. */
	assert_true(import(fx, "meeting", "date,kind,title\r\n", false, &err));
	assert_int_equal(res.imported, 0);
	assert_false(import_n(fx, "meeting", "date,kind,title\n2026-04-01,bo\0rd,x\n", 35,
	    false, &err));
	assert_contains(err.text, "Line 2");
	assert_contains(err.text, "NUL");
	assert_false(import_n(fx, "meeting", "date,kind,title\r\n\0", 18, false, &err));
	assert_contains(err.text, "Line 2");
	assert_false(import_n(fx, "meeting", "date\r\r\0", 7, false, &err));
	assert_contains(err.text, "Line 3");
	assert_false(import_n(fx, "meeting", "\0", 1, false, &err));
	assert_contains(err.text, "Line 1");
	assert_int_equal(rows_in(fx, "meeting"), 0);
}

static void
test_unbalanced_quotes(void **state)
{
	struct unit_fx *fx = *state;
	struct error err;

	/* A quote never closed swallows the rest of the file. */
	assert_false(import(fx, "meeting", "date,kind,title\n2026-04-01,board,a\n"
	    "2026-04-02,board,\"open\n2026-04-03,board,x\n", true, &err));
	assert_contains(err.text, "Line 3");
	assert_contains(err.text, "never closed");
	assert_int_equal(rows_in(fx, "meeting"), 0);
	/* A quote inside an unquoted value. */
	assert_false(import(fx, "meeting", "date,kind,title\n2026-04-01,board,a\n"
	    "2026-04-02,board,ab\"c\n", true, &err));
	assert_contains(err.text, "Line 3");
	assert_contains(err.text, "quotation mark");
	/* Text after a closing quote, on a later line of a multi-line value. */
	assert_false(import(fx, "meeting", "date,kind,title,agenda\n"
	    "2026-04-01,board,a,\"x\ny\"z\n", true, &err));
	assert_contains(err.text, "Line 3");
	assert_int_equal(rows_in(fx, "meeting"), 0);
}

/* A 10 MB value is refused by its field's limit, as any over-long value. */
static void
test_huge_value(void **state)
{
	struct unit_fx *fx = *state;
	size_t big = 10 * 1024 * 1024, head;
	struct error err;
	char *csv;

	csv = xmalloc(big + 128);
	head = (size_t)sprintf(csv, "date,kind,title\n2026-04-01,board,\"");
	memset(csv + head, 'x', big);
	strcpy(csv + head + big, "\"\n2026-04-02,board,ok\n");
	assert_true(import(fx, "meeting", csv, true, &err));
	assert_int_equal(res.imported, 1);
	assert_int_equal(res.bad, 1);
	assert_int_equal(res.problem[0].line, 2);
	assert_contains(res.problem[0].text, "at most 100 characters");
	/* The same in a heading, unquoted. */
	memset(csv, 'h', big);
	strcpy(csv + big, ",kind\n");
	assert_false(import(fx, "meeting", csv, true, &err));
	assert_contains(err.text, "column 1");
	assert_true(strlen(err.text) < 400);
	free(csv);
	assert_int_equal(rows_in(fx, "meeting"), 1);
}

static void
test_every_kind(void **state)
{
	struct unit_fx *fx = *state;
	struct error err;

	/* Rooms: a kind without a date, with its own store check. */
	import_ok(fx, "room", "name,capacity,fee\n和室,20,1000\n大会議室,60,\n和室,10,\n", true);
	assert_int_equal(res.imported, 2);
	assert_int_equal(res.problem[0].line, 4);
	assert_contains(res.problem[0].text, "already a room named");
	/* Bookings that collide with each other inside the file; an empty
	 * status keeps the default. */
	assert_false(import(fx, "booking", "room,date,start,end,group,status\n"
	    "和室,2026-04-07,10:00,11:00,A,\n"
	    "和室,2026-04-07,10:30,11:30,B,\n"
	    "大会議室,2026-04-07,10:30,11:30,C,\n"
	    "茶室,2026-04-07,10:30,11:30,D,\n", false, &err));
	assert_int_equal(res.bad, 2);
	assert_int_equal(res.problem[0].line, 3);
	assert_int_equal(res.problem[1].line, 5);
	assert_contains(res.problem[1].text, "茶室");
	assert_int_equal(rows_in(fx, "booking"), 0);
	import_ok(fx, "booking", "room,date,start,end,group,status\n"
	    "和室,2026-04-07,10:00,11:00,A,\n"
	    "和室,2026-04-07,10:30,11:30,B,\n"
	    "大会議室,2026-04-07,10:30,11:30,C,\n", true);
	assert_int_equal(res.imported, 2);
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM booking WHERE "
	    "status = 'booked' AND category = 'group' AND room_id IS NOT NULL"), 2);
	import_ok(fx, "closed", "date,reason\n2026-05-07,点検\n", false);
	import_ok(fx, "event", "date,title,field,cost\n2026-05-03,防災訓練,safety,\"¥35,000\"\n",
	    false);
	assert_int_equal(unit_sql_int(fx->s, "SELECT cost FROM event"), 35000);
}

/* A row that fails after its insert (here the audit, made to refuse it)
 * stops the import even with skip_bad, and nothing at all is written. */
static void
test_failure_after_write(void **state)
{
	struct unit_fx *fx = *state;
	struct error err;

	assert_int_equal(sqlite3_exec(store_db(fx->s), "CREATE TEMP TRIGGER boom BEFORE "
	    "INSERT ON main.audit WHEN NEW.summary LIKE '%boom%' BEGIN "
	    "SELECT RAISE(ABORT, 'boom'); END", NULL, NULL, NULL), SQLITE_OK);
	assert_false(import(fx, "meeting", "date,kind,title\n2026-04-01,board,a\n"
	    "2026-04-02,board,boom\n2026-04-03,board,c\n", true, &err));
	/* The store's refusal is said in kyodo's words (store_sql_error), not
	 * as the trigger's text. */
	assert_contains(err.text, "Line 3");
	assert_contains(err.text, "nothing was written");
	assert_int_equal(res.imported, 0);
	assert_int_equal(rows_in(fx, "meeting"), 0);
	assert_int_equal(audited(fx, "meeting"), 0);
}

static double
seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static void
test_hundred_thousand_rows(void **state)
{
	struct unit_fx *fx = *state;
	struct buf csv = {0};
	struct timespec t0;
	struct error err;
	double took;
	int i;

	buf_adds(&csv, "date,start,kind,title\r\n");
	for (i = 0; i < 100000; i++)
		buf_printf(&csv, "20%02d-%02d-%02d,%02d:%02d,board,Meeting %d\r\n", 10 + i / 6000,
		    1 + i / 500 % 12, 1 + i % 28, 9 + i % 10, i % 60, i);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_true(import_n(fx, "meeting", buf_str(&csv), csv.len, false, &err));
	took = seconds_since(&t0);
	buf_free(&csv);
	print_message("100000 rows imported in %.2f s\n", took);
	assert_int_equal(res.imported, 100000);
	assert_int_equal(rows_in(fx, "meeting"), 100000);
	assert_int_equal(audited(fx, "meeting"), 100000);
	/* A few seconds on a kiosk; the bound is generous for a busy machine,
	 * and more so under the sanitizers, which slow every call. */
#ifdef __SANITIZE_ADDRESS__
	assert_true(took < 300.0);
#else
	assert_true(took < 30.0);
#endif
}

/* Points gettext at the catalogs the build made beside this program
 * (BUILD/tests/test_csvin → BUILD/locale), so Japanese labels can be tested. */
static void
use_build_catalogs(void)
{
	char exe[PATH_MAX], dir[PATH_MAX + 64], *slash;
	struct stat st;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n <= 0 || getenv("KYODO_LOCALEDIR") != NULL)
		return;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash == NULL)
		return;
	*slash = '\0';
	snprintf(dir, sizeof dir, "%s/../locale/ja/LC_MESSAGES/kyodo.mo", exe);
	if (stat(dir, &st) != 0)
		return;
	snprintf(dir, sizeof dir, "%s/../locale", exe);
	setenv("KYODO_LOCALEDIR", dir, 1);
}

#define DB(t) cmocka_unit_test_setup_teardown(t, unit_fx_setup, unit_fx_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		DB(test_header_by_names),
		DB(test_header_by_english_labels),
		DB(test_header_by_japanese_labels),
		DB(test_id_column_ignored),
		DB(test_quoted_values),
		DB(test_formula_guard_read_back),
		DB(test_line_numbers),
		DB(test_line_ends),
		DB(test_bom_and_cp932),
		DB(test_bad_row_refuses_all),
		DB(test_skip_bad),
		DB(test_many_bad_rows),
		DB(test_unknown_heading),
		DB(test_missing_required_column),
		DB(test_repeated_and_unnamed_columns),
		DB(test_empty_and_nul),
		DB(test_unbalanced_quotes),
		DB(test_huge_value),
		DB(test_every_kind),
		DB(test_failure_after_write),
		DB(test_hundred_thousand_rows),
	};

	use_build_catalogs();
	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
