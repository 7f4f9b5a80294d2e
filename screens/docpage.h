/*
 * docpage — what the document screens (the body, the plan) share: a page
 * of text (tui/docview) whose selectable items each stand for a record,
 * the selection kept across rebuilds, the record form opened on an item
 * and an item deleted after asking.  The screen builds the lines; the page
 * does the rest.
 */
#ifndef KYODO_SCREENS_DOCPAGE_H
#define KYODO_SCREENS_DOCPAGE_H

#include <stdbool.h>

#include "domain/record.h"
#include "tui/app.h"
#include "tui/docview.h"

struct docpage_item {
	int tag;			/* the screen's own kind of item */
	const struct kind *kind;	/* the record's kind */
	char uuid[37];			/* "" for a record not made yet */
	char code[32];			/* names an item without a record yet */
	char label[160];		/* for questions and messages */
};

struct docpage {
	struct docview doc;
	struct docpage_item *items;
	int nitems, cap;
	char keep[40];		/* the item to select after a rebuild */
	char err[512];
	const char *deleted;	/* the message after a delete (a format) */
	/* Makes the lines again, between docpage_begin and docpage_end. */
	void (*build)(struct app *a, void *owner);
	void *owner;
};

void docpage_init(struct docpage *p, void (*build)(struct app *, void *), void *owner);
void docpage_free(struct docpage *p);
/* Rows the page has: between the title and the message line. */
int docpage_height(void);
/* Starts a rebuild: no lines, no items, no error. */
void docpage_begin(struct docpage *p);
/* Ends it: the kept item selected again, else the view fitted. */
void docpage_end(struct docpage *p);
/* An item; returns its number for docview_add.  NULL strings are "". */
int docpage_add_item(struct docpage *p, int tag, const struct kind *kind, const char *uuid,
    const char *code, const char *label);
/* The selected item, or NULL. */
const struct docpage_item *docpage_selected(const struct docpage *p);
/* Remembers the selected item for the next rebuild. */
void docpage_keep_selected(struct docpage *p);
/* Rebuilds with the selection kept (a screen's enter). */
void docpage_rebuild(struct app *a, struct docpage *p);
/* The record form on uuid of kind (NULL or "": a new one); once saved,
 * the saved record is selected. */
int docpage_open_form(struct app *a, struct docpage *p, const struct kind *kind,
    const char *uuid);
/* Asks question (a format taking the item's label) about deleting the
 * selected item's record; deleted (a format too) is said after. */
int docpage_ask_delete(struct app *a, struct docpage *p, const char *question,
    const char *deleted);
/* Scrolling and moving keys; RES_* bits, 0 when k is none of them. */
int docpage_key(struct docpage *p, struct key k);
/* The title, the page and the page's error on the message line. */
void docpage_draw(struct app *a, const struct docpage *p, const char *title);

#endif
