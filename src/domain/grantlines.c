/*
 * grantlines — the grant applications as people see them (see grantbook.h):
 * one line each with its amounts, what is spent against it, the status
 * derived from the application and the city's decision, and the warnings.
 */
#include "grantbook.h"

#include <limits.h>
#include <sqlite3.h>
#include <string.h>

#include "base/date.h"
#include "base/i18n.h"

/* A sum of yen that cannot fail: SQLite's sum() stops the whole question
 * with "integer overflow" past 2^63, which ten million expenses at a yen
 * field's maximum (10^12) would pass.  The high and low 32 bits of each
 * amount are summed apart (neither sum can overflow short of 2^32 rows),
 * and joined in integers; if the total does not fit, SQLite makes it a
 * REAL, which yen_column holds at the limit. */
#define SAFE_SUM(col) "ifnull(sum(" col " >> 32) * 4294967296 + sum(" col " & 4294967295), 0)"

/* An amount column as whole yen: a total too large for 64 bits (a REAL,
 * see SAFE_SUM) is held at the limit. */
static long long
yen_column(sqlite3_stmt *st, int col)
{
	if (sqlite3_column_type(st, col) == SQLITE_FLOAT)
		return sqlite3_column_double(st, col) > 0 ? LLONG_MAX : LLONG_MIN;
	return sqlite3_column_int64(st, col);
}

/* The lines' question, with a condition on the application (a). */
#define LINES_SQL(where) "SELECT a.uuid, a.origin, a.title, a.program, " \
	"ifnull(p.name, a.program), a.status, a.fy, a.cost, a.requested, " \
	"d.decided_amount, ifnull(d.advance_amount, 0), " \
	"(SELECT " SAFE_SUM("amount") " FROM expense e WHERE e.deleted = 0 AND " \
	"e.application_id = a.uuid), d.final_amount, ifnull(d.paid_amount, 0), d.paid_on, " \
	"ifnull(p.\"limit\", 0), ifnull(p.rate_num, 1), ifnull(p.rate_den, 1), " \
	"ifnull(p.unit, 1), ifnull(c.name, a.origin) " \
	"FROM application a LEFT JOIN programme p ON p.uuid = a.program_id " \
	"LEFT JOIN peer c ON c.code = a.origin " \
	"LEFT JOIN decision d ON d.application = a.uuid AND d.deleted = 0 " \
	"WHERE a.deleted = 0" where " ORDER BY a.fy, a.origin, a.title"

long
grant_lines(struct store *s, int fy, void (*each)(void *ctx, const struct grant_line *g),
    void *ctx, struct error *err)
{
	sqlite3_stmt *st;
	struct grant_line g;
	struct date today = date_today();
	long n = 0;
	int rc;

	/* A year's lines ask for it alone ("a.fy = ?", no "?1 = 0 OR"), so
	 * SQLite seeks it in application_by_fy instead of reading every
	 * application. */
	if (store_prepare(s, fy != 0 ? LINES_SQL(" AND a.fy = ?1") : LINES_SQL(""), &st) !=
	    SQLITE_OK) {
		store_sql_error(s, _("Reading"), err);
		return -1;
	}
	if (fy != 0)
		sqlite3_bind_int(st, 1, fy);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *stored_status = (const char *)sqlite3_column_text(st, 5);
		bool has_decision = sqlite3_column_type(st, 9) != SQLITE_NULL;
		bool has_final = sqlite3_column_type(st, 12) != SQLITE_NULL;
		bool is_paid = sqlite3_column_type(st, 14) != SQLITE_NULL;
		struct programme_terms t = {0};

		memset(&g, 0, sizeof g);
		g.uuid = (const char *)sqlite3_column_text(st, 0);
		g.center = (const char *)sqlite3_column_text(st, 1);
		g.center_name = (const char *)sqlite3_column_text(st, 19);
		/* A center knows its own name; city hall its centers' (peer). */
		if (g.center != NULL && strcmp(g.center, store_origin(s)) == 0)
			g.center_name = store_name(s);
		g.title = (const char *)sqlite3_column_text(st, 2);
		g.program = (const char *)sqlite3_column_text(st, 3);
		g.program_name = (const char *)sqlite3_column_text(st, 4);
		g.fy = sqlite3_column_int(st, 6);
		g.cost = sqlite3_column_int64(st, 7);
		g.requested = sqlite3_column_int64(st, 8);
		g.decided = sqlite3_column_int64(st, 9);
		g.advance = sqlite3_column_int64(st, 10);
		/* Spent only once the city has decided; before, planned. */
		if (has_decision || has_final)
			g.spent = yen_column(st, 11);
		else
			g.planned = yen_column(st, 11);
		g.final = sqlite3_column_int64(st, 12);
		g.paid = sqlite3_column_int64(st, 13);
		t.limit = sqlite3_column_int64(st, 15);
		t.rate_num = sqlite3_column_int(st, 16);
		t.rate_den = sqlite3_column_int(st, 17);
		t.unit = sqlite3_column_int(st, 18);
		g.allowed = grant_allowed(&t, g.cost);
		g.state = grant_status_derive(grant_status_of(stored_status), has_decision,
		    has_final, is_paid);
		/* A code kyodo does not know is shown as stored. */
		g.status = g.state != GRANT_STATUS_OTHER ? grant_status_code(g.state) : stored_status;
		/* What is left to spend is known once the city has decided. */
		g.remaining = has_final ? grant_yen_sub(g.final, g.spent) :
		    has_decision ? grant_yen_sub(g.decided, g.spent) : 0;
		g.overspent = (has_decision || has_final) && g.remaining < 0;
		/* The results report is due by the end of the fiscal year: warn
		 * from March on (and after, until it is reported). */
		g.report_due = grant_can_report(g.state) &&
		    date_compare(today, (struct date){g.fy + 1, 3, 1}) >= 0;
		g.waiting = grant_is_waiting(g.state);
		each(ctx, &g);
		n++;
	}
	return store_end(s, st, rc, _("Reading"), err) ? n : -1;
}
