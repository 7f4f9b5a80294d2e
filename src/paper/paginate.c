/* paginate — see paginate.h. */
#include "paginate.h"

#include <stdlib.h>

/* What item i needs on the current page: itself, with its table's header
 * when the table has not drawn it on this page yet. */
static double
need(const struct pg_item *it, int i, int page, const int *seen)
{
	double h = it[i].h;

	if (it[i].table >= 0 && (seen == NULL || seen[it[i].table] != page))
		h += it[i].head_h;
	return h;
}

int
paginate(struct pg_item *it, int n, double page_h)
{
	/* The page each table's header was last drawn on (-1: not yet); without
	 * memory for it, every row is taken to need its header. */
	int *seen, i, j, page = 0, ntables = 0;
	double y = 0, h;

	for (i = 0; i < n; i++)
		if (it[i].table >= ntables)
			ntables = it[i].table + 1;
	seen = malloc((size_t)(ntables > 0 ? ntables : 1) * sizeof *seen);
	for (i = 0; seen != NULL && i < ntables; i++)
		seen[i] = -1;
	for (i = 0; i < n; i++) {
		h = need(it, i, page, seen);
		/* A run of headings moves with the first block after it. */
		for (j = i; j + 1 < n && it[j].keep_next; j++)
			h += need(it, j + 1, page, seen);
		if (y > 0 && y + h > page_h) {
			page++;
			y = 0;
		}
		it[i].page = page;
		it[i].head_before = it[i].table >= 0 && (seen == NULL || seen[it[i].table] != page);
		if (it[i].head_before && seen != NULL)
			seen[it[i].table] = page;
		y += it[i].h + (it[i].head_before ? it[i].head_h : 0);
	}
	free(seen);
	return page + 1;
}
