/* plan — see plan.h. */
#include "plan.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/date.h"
#include "base/i18n.h"
#include "base/money.h"
#include "base/text.h"

static bool
keep(void *ctx, const struct record *r)
{
	record_rows_add(ctx, r);
	return true;
}

static struct plan_year *
year_of(struct plan_project *p, int fy)
{
	int i;

	for (i = 0; i < p->nyears; i++)
		if (p->years[i].fy == fy)
			return &p->years[i];
	if (p->nyears == (int)(sizeof p->years / sizeof p->years[0]))
		return NULL;
	/* Keep the years in order as they are added. */
	for (i = p->nyears; i > 0 && p->years[i - 1].fy > fy; i--)
		p->years[i] = p->years[i - 1];
	memset(&p->years[i], 0, sizeof p->years[i]);
	p->years[i].fy = fy;
	p->nyears++;
	return &p->years[i];
}

/* Meetings count their attendees as participants; events their
 * participants and volunteers; the fiscal year starts in April.  Two
 * questions for the whole plan, each read from an index alone in its
 * order (data/0005), so SQLite neither visits rows nor sorts: the years
 * are summed here. */
static const char *const activity_sql =
	"SELECT project_id, date, ifnull(attendees, 0), 0 FROM meeting "
	"WHERE project_id IS NOT NULL AND deleted = 0 "
	"UNION ALL SELECT project_id, date, ifnull(participants, 0), ifnull(volunteers, 0) "
	"FROM event WHERE project_id IS NOT NULL AND deleted = 0";
static const char *const spent_sql =
	"SELECT a.project_id, a.fy, sum(e.amount) FROM application a JOIN expense e ON "
	"e.application_id = a.uuid WHERE a.project_id IS NOT NULL AND a.deleted = 0 AND "
	"a.status <> 'withdrawn' AND e.deleted = 0 GROUP BY a.project_id, a.fy";

/* The fiscal year of an ISO date: April to March. */
static int
fiscal_year(const unsigned char *iso)
{
	int y = 0, m, i;

	/* By hand: sscanf was a tenth of the plan's cost, at one call a row. */
	if (iso == NULL)
		return 0;
	for (i = 0; i < 4; i++) {
		if (iso[i] < '0' || iso[i] > '9')
			return 0;
		y = y * 10 + (iso[i] - '0');
	}
	if (iso[4] != '-' || iso[5] < '0' || iso[5] > '9' || iso[6] < '0' || iso[6] > '9')
		return 0;
	m = (iso[5] - '0') * 10 + (iso[6] - '0');
	return m < 4 ? y - 1 : y;
}

static struct plan_project *
project_of(struct plan_project *p, int n, const unsigned char *uuid)
{
	int i;

	for (i = 0; uuid != NULL && i < n; i++)
		if (strcmp(p[i].project->uuid, (const char *)uuid) == 0)
			return &p[i];
	return NULL;
}

long
plan_progress(struct store *s, void (*each)(void *ctx, const struct plan_project *p), void *ctx,
    struct error *err)
{
	struct record_rows c = {0};
	struct record_query q = {0};
	struct plan_project *p = NULL, *pp;
	struct plan_year *y;
	sqlite3_stmt *st = NULL;
	long n;
	int i;

	n = record_list(s, kind_find("project"), &q, keep, &c, err);
	if (n < 0)
		return -1;
	p = xcalloc((size_t)c.n + 1, sizeof *p);
	for (i = 0; i < c.n; i++)
		p[i].project = &c.rows[i];
	if (store_prepare(s, activity_sql, &st) != SQLITE_OK)
		goto fail;
	while (sqlite3_step(st) == SQLITE_ROW) {
		pp = project_of(p, c.n, sqlite3_column_text(st, 0));
		y = pp != NULL ? year_of(pp, fiscal_year(sqlite3_column_text(st, 1))) : NULL;
		if (y == NULL)
			continue;
		y->activities++;
		y->participants += sqlite3_column_int64(st, 2);
		y->volunteers += sqlite3_column_int64(st, 3);
	}
	store_done(s, st);
	if (store_prepare(s, spent_sql, &st) != SQLITE_OK)
		goto fail;
	while (sqlite3_step(st) == SQLITE_ROW) {
		pp = project_of(p, c.n, sqlite3_column_text(st, 0));
		y = pp != NULL ? year_of(pp, sqlite3_column_int(st, 1)) : NULL;
		if (y != NULL)
			y->spent += sqlite3_column_int64(st, 2);
	}
	store_done(s, st);
	for (i = 0; i < c.n; i++)
		each(ctx, &p[i]);
	goto out;
fail:
	store_sql_error(s, _("Reading"), err);
	n = -1;
out:
	free(p);
	record_rows_free(&c);
	return n;
}

void
plan_wrap(struct buf *out, const char *text, int width, const char *indent)
{
	char *copy = xstrdup(text), *line, *next, *shown, *p;
	int avail = width - text_width(indent);
	size_t cut;

	if (avail < 10)
		avail = 10;
	/* Line breaks the writer typed are kept; each line is then cut by
	 * display width, never inside a character. */
	for (line = copy; line != NULL; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		shown = text_visible(line);
		p = shown;
		do {
			size_t keep, sp;

			cut = text_fit(p, avail, NULL);
			if (cut == 0 && *p != '\0')
				cut = strlen(p);	/* a character wider than the line */
			keep = cut;
			/* Latin words break at a space; Japanese breaks anywhere. */
			if (p[cut] != '\0') {
				for (sp = cut; sp > 0 && p[sp] != ' '; sp--)
					;
				if (sp > cut / 2)
					keep = sp;
			}
			buf_adds(out, indent);
			buf_add(out, p, keep);
			buf_addc(out, '\n');
			p += keep;
			while (*p == ' ')
				p++;
		} while (*p != '\0');
		free(shown);
	}
	free(copy);
}

struct render {
	struct buf *out;
	enum plan_format f;
	int width;
	const char *field;	/* the field heading last written */
};

static void
heading(struct render *r, int level, const char *text)
{
	int w = text_width(text) < r->width ? text_width(text) : r->width;

	if (r->f == PLAN_MARKDOWN) {
		/* The plan's title is the one top-level heading. */
		buf_printf(r->out, "\n%.*s %s\n\n", level + 1, "####", text);
		return;
	}
	buf_printf(r->out, "\n%s\n", text);
	buf_printf(r->out, "%.*s\n", w,
	    level == 1 ? "==============================================================================" :
	    "------------------------------------------------------------------------------");
}

static void
project_out(void *ctx, const struct plan_project *p)
{
	struct render *r = ctx;
	const struct record *pr = p->project;
	const struct kind *k = pr->kind;
	const char *field = field_choice_label(&k->fields[kind_field(k, "field")],
	    pr->value[kind_field(k, "field")]);
	const char *desc = pr->value[kind_field(k, "description")];
	const char *target = pr->value[kind_field(k, "target")];
	char fy[48], yen[32];
	int i;

	if (r->field == NULL || strcmp(r->field, pr->value[kind_field(k, "field")]) != 0) {
		r->field = pr->value[kind_field(k, "field")];
		heading(r, 2, field);
	}
	if (r->f == PLAN_MARKDOWN)
		buf_printf(r->out, "#### %s\n\n", pr->value[0]);	/* under ### field */
	else
		buf_printf(r->out, "■ %s\n", pr->value[0]);
	if (desc != NULL)
		plan_wrap(r->out, desc, r->width, r->f == PLAN_MARKDOWN ? "" : "  ");
	if (target != NULL) {
		buf_printf(r->out, r->f == PLAN_MARKDOWN ? "\n**%s**: " : "  %s: ", _("Target"));
		buf_printf(r->out, "%s\n", target);
	}
	if (p->nyears == 0) {
		buf_printf(r->out, r->f == PLAN_MARKDOWN ? "\n%s\n\n" : "  %s\n", _("Nothing logged yet."));
		return;
	}
	if (r->f == PLAN_MARKDOWN)
		buf_printf(r->out, "\n| %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---:|\n",
		    _("Fiscal year"), _("Activities"), _("Participants"), _("Volunteers"),
		    _("Grant spent"));
	for (i = 0; i < p->nyears; i++) {
		era_format_fy(p->years[i].fy, i18n_lang() == LANG_JA ? ERA_JA : ERA_EN, fy, sizeof fy);
		money_format(p->years[i].spent, yen, sizeof yen);
		if (r->f == PLAN_MARKDOWN)
			buf_printf(r->out, "| %s | %ld | %ld | %ld | ¥%s |\n", fy,
			    p->years[i].activities, p->years[i].participants,
			    p->years[i].volunteers, yen);
		else {
			struct buf row = {0};

			buf_printf(&row, _("%s: activities %ld, participants %ld, volunteers %ld, "
			    "grant spent ¥%s"), fy, p->years[i].activities, p->years[i].participants,
			    p->years[i].volunteers, yen);
			plan_wrap(r->out, buf_str(&row), r->width, "  ");
			buf_free(&row);
		}
	}
	buf_addc(r->out, '\n');
}

bool
plan_render(struct store *s, enum plan_format f, int width, struct buf *out, struct error *err)
{
	struct record_rows plans = {0}, issues = {0};
	struct record_query q = {0};
	struct render r = { out, f, width, NULL };
	const struct record *plan;
	char a[48], b[48];
	int i;
	bool ok = false;

	if (record_list(s, kind_find("plan"), &q, keep, &plans, err) < 0 ||
	    record_list(s, kind_find("issue"), &q, keep, &issues, err) < 0)
		goto out;
	if (plans.n == 0) {
		error_set(err, _("The body has no development plan recorded yet."));
		goto out;
	}
	/* The newest plan is the one in force. */
	plan = &plans.rows[plans.n - 1];
	era_format_fy((int)record_int(plan, 1), i18n_lang() == LANG_JA ? ERA_JA : ERA_EN, a, sizeof a);
	era_format_fy((int)record_int(plan, 2), i18n_lang() == LANG_JA ? ERA_JA : ERA_EN, b, sizeof b);
	{
		struct buf line = {0};

		buf_printf(&line, "%s: %s – %s", _("Period"), a, b);
		if (f == PLAN_MARKDOWN)
			buf_printf(out, "# %s\n\n%s\n", plan->value[0], buf_str(&line));
		else {
			plan_wrap(out, plan->value[0], width, "");
			plan_wrap(out, buf_str(&line), width, "");
		}
		buf_free(&line);
	}
	if (plan->value[4] != NULL)
		buf_printf(out, f == PLAN_MARKDOWN ? "\n%s: %s\n" : "%s: %s\n", _("Adopted on"),
		    plan->value[4]);
	heading(&r, 1, _("Vision"));
	if (plan->value[3] != NULL)
		plan_wrap(out, plan->value[3], width, "");
	heading(&r, 1, _("Issues"));
	for (i = 0; i < issues.n; i++) {
		buf_printf(out, f == PLAN_MARKDOWN ? "%d. %s\n" : "%d. %s\n", i + 1,
		    issues.rows[i].value[0]);
		if (issues.rows[i].value[1] != NULL)
			plan_wrap(out, issues.rows[i].value[1], width, "   ");
	}
	heading(&r, 1, _("Projects"));
	ok = plan_progress(s, project_out, &r, err) >= 0;
out:
	record_rows_free(&plans);
	record_rows_free(&issues);
	return ok;
}
