/*
 * paginate — where the blocks of a printed document fall on its pages.
 * Pure arithmetic on heights (points), so the rules are unit-tested without
 * drawing: a block never splits (a table row stays whole); a table's header
 * row is drawn above its first row on every page the table reaches; a
 * heading keeps with the block after it; a block taller than a page gets a
 * page of its own (and is cut there: rows are bounded, so this is a guard).
 */
#ifndef KYODO_PAGINATE_H
#define KYODO_PAGINATE_H

#include <stdbool.h>

struct pg_item {
	double h;		/* its height, its gap below included */
	int table;		/* the table it is a row of, or -1 */
	double head_h;		/* that table's header row's height */
	bool keep_next;		/* a heading: moves to the next page with what follows */
	/* out */
	int page;		/* 0-based */
	bool head_before;	/* its table's header row is drawn just above it */
};

/* Places the n items on pages page_h tall; returns the number of pages
 * (at least 1). */
int paginate(struct pg_item *it, int n, double page_h);

#endif
