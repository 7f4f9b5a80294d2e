/* paginate — see paginate.h. */
#include "paginate.h"

/* What item i needs on a page where y is used and its table's header was
 * (or was not) drawn yet: itself, with the header when it opens the table
 * on this page. */
static double
need(const struct pg_item *it, int i, int page, int last_table_page[], int ntables)
{
	double h = it[i].h;

	if (it[i].table >= 0 && it[i].table < ntables && last_table_page[it[i].table] != page)
		h += it[i].head_h;
	return h;
}

int
paginate(struct pg_item *it, int n, double page_h)
{
	/* The page each table's header was last drawn on (-1: not yet). */
	int seen[64], i, j, page = 0, ntables = 0;
	double y = 0, h;

	for (i = 0; i < n; i++)
		if (it[i].table >= ntables)
			ntables = it[i].table + 1;
	if (ntables > 64)
		ntables = 64;	/* more tables draw their header on every row's page anyway */
	for (i = 0; i < ntables; i++)
		seen[i] = -1;
	for (i = 0; i < n; i++) {
		h = need(it, i, page, seen, ntables);
		/* A run of headings moves with the first block after it. */
		for (j = i; j + 1 < n && it[j].keep_next; j++)
			h += need(it, j + 1, page, seen, ntables);
		if (y > 0 && y + h > page_h) {
			page++;
			y = 0;
		}
		it[i].page = page;
		it[i].head_before = it[i].table >= 0 &&
		    (it[i].table >= ntables || seen[it[i].table] != page);
		if (it[i].head_before && it[i].table < ntables)
			seen[it[i].table] = page;
		y += it[i].h + (it[i].head_before ? it[i].head_h : 0);
	}
	return page + 1;
}
