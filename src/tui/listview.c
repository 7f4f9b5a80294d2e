/* listview — see listview.h. */
#include "listview.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"

/* A row's place in list order: (date, start, uuid), as record_list pages. */
struct anchor {
	char date[16];
	char start[8];
	char uuid[37];
};

struct fetch {
	struct record *out;
	int n, max;
};

static bool
collect(void *ctx, const struct record *r)
{
	struct fetch *f = ctx;

	if (f->n >= f->max)
		return false;
	record_copy(&f->out[f->n++], r);
	return f->n < f->max;
}

static void
anchor_of(const struct listview *lv, const struct record *r, struct anchor *a)
{
	int d = kind_field(lv->kind, "date"), s = kind_field(lv->kind, "start");
	const char *dv = d >= 0 ? r->value[d] : NULL, *sv = s >= 0 ? r->value[s] : NULL;

	memset(a, 0, sizeof *a);
	memcpy(a->date, dv != NULL ? dv : "", strnlen(dv != NULL ? dv : "", sizeof a->date - 1));
	memcpy(a->start, sv != NULL ? sv : "", strnlen(sv != NULL ? sv : "", sizeof a->start - 1));
	memcpy(a->uuid, r->uuid, sizeof a->uuid);
}

/* Up to limit records after a (before it when backward; a NULL a means
 * the start, or the end when backward) into out, in list order.  Returns
 * how many, or -1 (lv->err set). */
static int
fetch(struct listview *lv, const struct anchor *a, bool backward, int limit,
    struct record *out)
{
	struct record_query q = {0};
	struct fetch f = {out, 0, limit};
	struct record tmp;
	int i;

	if (limit <= 0)
		return 0;
	q.year = lv->year;
	q.month = lv->month;
	q.contains = lv->filter;
	q.backward = backward;
	q.limit = limit;
	if (a != NULL) {
		q.after_date = a->date;
		q.after_start = a->start;
		q.after_uuid = a->uuid;
	}
	if (record_list(lv->store, lv->kind, &q, collect, &f, &lv->err) < 0) {
		lv->failed = true;
		for (i = 0; i < f.n; i++)
			record_free(&out[i]);
		return -1;
	}
	lv->failed = false;
	if (backward) {
		for (i = 0; i < f.n / 2; i++) {
			tmp = out[i];
			out[i] = out[f.n - 1 - i];
			out[f.n - 1 - i] = tmp;
		}
	}
	return f.n;
}

static void
clear_rows(struct listview *lv)
{
	int i;

	for (i = 0; i < lv->n; i++)
		record_free(&lv->rows[i]);
	lv->n = 0;
	lv->cursor = 0;
}

/* Whether rows lie above the first row in view and below the last: one
 * row looked for on each side, after the rows in view changed. */
static void
probe(struct listview *lv)
{
	struct record one;
	struct anchor a;

	lv->more_above = lv->more_below = false;
	if (lv->n == 0)
		return;
	anchor_of(lv, &lv->rows[0], &a);
	if (fetch(lv, &a, true, 1, &one) == 1) {
		lv->more_above = true;
		record_free(&one);
	}
	anchor_of(lv, &lv->rows[lv->n - 1], &a);
	if (fetch(lv, &a, false, 1, &one) == 1) {
		lv->more_below = true;
		record_free(&one);
	}
}

void
listview_init(struct listview *lv, struct store *s, const struct kind *k, int year,
    int month, int height)
{
	memset(lv, 0, sizeof *lv);
	lv->store = s;
	lv->kind = k;
	lv->year = year;
	lv->month = month;
	lv->height = height < 1 ? 1 : height;
	lv->rows = xcalloc((size_t)lv->height, sizeof *lv->rows);
	listview_top(lv);
}

void
listview_free(struct listview *lv)
{
	clear_rows(lv);
	free(lv->rows);
	free(lv->filter);
	lv->rows = NULL;
	lv->filter = NULL;
}

void
listview_top(struct listview *lv)
{
	int n;

	clear_rows(lv);
	n = fetch(lv, NULL, false, lv->height, lv->rows);
	lv->n = n < 0 ? 0 : n;
	probe(lv);
}

void
listview_bottom(struct listview *lv)
{
	int n;

	clear_rows(lv);
	n = fetch(lv, NULL, true, lv->height, lv->rows);
	lv->n = n < 0 ? 0 : n;
	lv->cursor = lv->n > 0 ? lv->n - 1 : 0;
	probe(lv);
}

void
listview_set_month(struct listview *lv, int year, int month)
{
	lv->year = year;
	lv->month = month;
	listview_top(lv);
}

void
listview_set_filter(struct listview *lv, const char *filter)
{
	free(lv->filter);
	lv->filter = filter != NULL && *filter != '\0' ? xstrdup(filter) : NULL;
	listview_top(lv);
}

const struct record *
listview_current(const struct listview *lv)
{
	return lv->n > 0 ? &lv->rows[lv->cursor] : NULL;
}

/* Shows the rows around anchor k (which may no longer exist) with the
 * cursor p rows down, on uuid when given and found. */
static void
reload_at(struct listview *lv, const struct anchor *k, int p, const char *uuid)
{
	struct record *before = xcalloc((size_t)p + 1, sizeof *before);
	struct anchor first;
	int b, n, i;
	bool from_start;

	clear_rows(lv);
	b = fetch(lv, k, true, p + 1, before);
	if (b < 0) {
		free(before);
		return;
	}
	/* Fewer than p+1 rows before k: the view starts at the list's start. */
	from_start = b <= p;
	if (!from_start)
		anchor_of(lv, &before[0], &first);
	for (i = 0; i < b; i++)
		record_free(&before[i]);
	free(before);
	n = fetch(lv, from_start ? NULL : &first, false, lv->height, lv->rows);
	lv->n = n < 0 ? 0 : n;
	if (lv->n < lv->height && !from_start) {
		/* Near the end: fill the view from the bottom instead. */
		clear_rows(lv);
		n = fetch(lv, NULL, true, lv->height, lv->rows);
		lv->n = n < 0 ? 0 : n;
	}
	lv->cursor = 0;
	for (i = 0; uuid != NULL && i < lv->n; i++)
		if (strcmp(lv->rows[i].uuid, uuid) == 0)
			break;
	if (uuid != NULL && i < lv->n)
		lv->cursor = i;
	else if (lv->n > 0)
		lv->cursor = p < lv->n ? p : lv->n - 1;
	/* A view that does not reach the end must be full. */
	if (lv->n == 0)
		lv->cursor = 0;
	probe(lv);
}

void
listview_reload(struct listview *lv, const char *uuid)
{
	const struct record *cur = listview_current(lv);
	struct anchor k;
	char keep[37];
	int p = lv->cursor;

	if (cur == NULL) {
		listview_top(lv);
		return;
	}
	anchor_of(lv, cur, &k);
	memcpy(keep, cur->uuid, sizeof keep);
	reload_at(lv, &k, p, uuid != NULL ? uuid : keep);
}

void
listview_show(struct listview *lv, const struct record *r)
{
	struct anchor k;

	anchor_of(lv, r, &k);
	reload_at(lv, &k, lv->cursor, r->uuid);
}

void
listview_set_height(struct listview *lv, int height)
{
	const struct record *cur = listview_current(lv);
	struct anchor k;
	int p;

	if (height < 1)
		height = 1;
	if (height == lv->height)
		return;
	if (cur != NULL)
		anchor_of(lv, cur, &k);
	p = lv->cursor < height ? lv->cursor : height - 1;
	clear_rows(lv);
	free(lv->rows);
	lv->height = height;
	lv->rows = xcalloc((size_t)height, sizeof *lv->rows);
	if (cur != NULL)
		reload_at(lv, &k, p, k.uuid);
	else
		listview_top(lv);
}

void
listview_down(struct listview *lv)
{
	struct record next;
	struct anchor a;

	if (lv->n == 0)
		return;
	if (lv->cursor < lv->n - 1) {
		lv->cursor++;
		return;
	}
	anchor_of(lv, &lv->rows[lv->n - 1], &a);
	if (fetch(lv, &a, false, 1, &next) != 1)
		return;
	if (lv->n == lv->height) {
		record_free(&lv->rows[0]);
		memmove(&lv->rows[0], &lv->rows[1], (size_t)(lv->n - 1) * sizeof *lv->rows);
		lv->n--;
	}
	lv->rows[lv->n++] = next;
	lv->cursor = lv->n - 1;
	probe(lv);
}

void
listview_up(struct listview *lv)
{
	struct record prev;
	struct anchor a;

	if (lv->n == 0)
		return;
	if (lv->cursor > 0) {
		lv->cursor--;
		return;
	}
	anchor_of(lv, &lv->rows[0], &a);
	if (fetch(lv, &a, true, 1, &prev) != 1)
		return;
	if (lv->n == lv->height) {
		record_free(&lv->rows[lv->n - 1]);
		lv->n--;
	}
	memmove(&lv->rows[1], &lv->rows[0], (size_t)lv->n * sizeof *lv->rows);
	lv->rows[0] = prev;
	lv->n++;
	lv->cursor = 0;
	probe(lv);
}

void
listview_page_down(struct listview *lv)
{
	struct record *all;
	struct anchor a;
	int m, total, start, target, i;

	if (lv->n == 0)
		return;
	all = xcalloc((size_t)(lv->n + lv->height), sizeof *all);
	memcpy(all, lv->rows, (size_t)lv->n * sizeof *all);
	anchor_of(lv, &lv->rows[lv->n - 1], &a);
	m = fetch(lv, &a, false, lv->height, all + lv->n);
	if (m <= 0) {
		lv->cursor = lv->n - 1;
		free(all);
		return;
	}
	total = lv->n + m;
	start = total > lv->height ? total - lv->height : 0;
	target = lv->cursor + lv->height;
	if (target > total - 1)
		target = total - 1;
	for (i = 0; i < start; i++)
		record_free(&all[i]);
	lv->n = total - start;
	memcpy(lv->rows, all + start, (size_t)lv->n * sizeof *all);
	lv->cursor = target - start;
	free(all);
	probe(lv);
}

void
listview_page_up(struct listview *lv)
{
	struct record *all;
	struct anchor a;
	int m, total, keep, target, i;

	if (lv->n == 0)
		return;
	all = xcalloc((size_t)(lv->n + lv->height), sizeof *all);
	anchor_of(lv, &lv->rows[0], &a);
	m = fetch(lv, &a, true, lv->height, all);
	if (m <= 0) {
		lv->cursor = 0;
		free(all);
		return;
	}
	memcpy(all + m, lv->rows, (size_t)lv->n * sizeof *all);
	total = m + lv->n;
	keep = total < lv->height ? total : lv->height;
	target = lv->cursor + m - lv->height;
	if (target < 0)
		target = 0;
	for (i = keep; i < total; i++)
		record_free(&all[i]);
	lv->n = keep;
	memcpy(lv->rows, all, (size_t)keep * sizeof *all);
	lv->cursor = target;
	free(all);
	probe(lv);
}
