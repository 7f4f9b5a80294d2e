/* search — see search.h.  The rows are stepped newest first through the
 * date index and folded in C: a kind's ten years (20,000 facility uses) are
 * read in a few tens of milliseconds, and only the first matches are read
 * whole. */
#include "search.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/date.h"
#include "base/fold.h"
#include "base/i18n.h"

bool
search_field(const struct field *f)
{
	return f->type == FIELD_TEXT || f->type == FIELD_NOTE || f->type == FIELD_REF;
}

bool
search_has_words(const char *text)
{
	char *f = fold_text(text != NULL ? text : "");
	bool any = strspn(f, " \t") < strlen(f);

	free(f);
	return any;
}

/* The folded needle split into words, in place; returns how many. */
static int
split_words(char *folded, char **words, int max)
{
	char *w, *save = NULL;
	int n = 0;

	for (w = strtok_r(folded, " \t", &save); w != NULL && n < max;
	    w = strtok_r(NULL, " \t", &save))
		words[n++] = w;
	return n;
}

#define MAX_WORDS 16

bool
search_records(struct store *s, const struct kind *k, const char *text, int year,
    int month, int limit, struct record_rows *out, long *total, struct error *err)
{
	struct buf sql = {0}, hay = {0};
	sqlite3_stmt *st;
	char *needle = fold_text(text != NULL ? text : ""), *words[MAX_WORDS];
	char (*uuids)[37] = NULL, from[11], to[11];
	int nwords = split_words(needle, words, MAX_WORDS), cols = 0, i, rc, nu = 0;
	bool dated = kind_field(k, "date") >= 0 && k->order == NULL, ok = true;
	const char *start = kind_field(k, "start") >= 0 ? "start" : "''";
	struct record r;

	*total = 0;
	if (limit <= 0)
		limit = SEARCH_LIMIT;
	if (nwords == 0) {
		free(needle);
		return true;
	}
	buf_adds(&sql, "SELECT uuid");
	for (i = 0; i < k->nfields; i++)
		if (search_field(&k->fields[i])) {
			buf_printf(&sql, ", \"%s\"", k->fields[i].name);
			cols++;
		}
	buf_printf(&sql, " FROM %s WHERE deleted = 0", k->table);
	if (dated && month > 0)
		buf_adds(&sql, " AND date >= ? AND date < ?");
	if (dated)
		buf_printf(&sql, " ORDER BY date DESC, %s DESC, uuid DESC", start);
	else
		buf_printf(&sql, " ORDER BY %s, uuid", k->order ? k->order : "uuid");
	rc = store_prepare(s, buf_str(&sql), &st);
	buf_free(&sql);
	if (rc != SQLITE_OK) {
		free(needle);
		store_sql_error(s, _("Reading"), err);
		return false;
	}
	if (dated && month > 0) {
		date_month_range(year, month, from, to);
		sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, to, -1, SQLITE_TRANSIENT);
	}
	uuids = xcalloc((size_t)limit, sizeof *uuids);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		buf_reset(&hay);
		/* The fields apart, so a word does not match across two. */
		for (i = 1; i <= cols; i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);

			if (v != NULL)
				fold_append(&hay, v, (size_t)sqlite3_column_bytes(st, i));
			buf_addc(&hay, '\x1f');
		}
		for (i = 0; i < nwords && strstr(buf_str(&hay), words[i]) != NULL; i++)
			;
		if (i < nwords)
			continue;
		if (nu < limit)
			snprintf(uuids[nu++], sizeof uuids[0], "%s",
			    (const char *)sqlite3_column_text(st, 0));
		(*total)++;
	}
	store_done(s, st);
	buf_free(&hay);
	free(needle);
	if (rc != SQLITE_DONE) {
		store_sql_error(s, _("Reading"), err);
		free(uuids);
		return false;
	}
	for (i = 0; i < nu && ok; i++) {
		ok = record_get(s, k, uuids[i], &r, err);
		if (ok) {
			record_rows_add(out, &r);
			record_free(&r);
		}
	}
	free(uuids);
	return ok;
}
