/*
 * search — finding records of a kind in every month: the words typed are
 * looked for in the kind's text fields (search_field: one-line text, notes
 * and the names of rooms referred to; never codes or numbers), each word
 * somewhere in them, folded on both sides (base/fold.h) so カイギ finds
 * かいぎ and ＮＰＯ finds npo.  What is stored is never folded.
 */
#ifndef KYODO_SEARCH_H
#define KYODO_SEARCH_H

#include <stdbool.h>

#include "base/error.h"
#include "record.h"
#include "store/store.h"

/* The most records a search hands back; the rest are only counted. */
#define SEARCH_LIMIT 200

/* True when field f is searched: text, notes, references by name. */
bool search_field(const struct field *f);
/* True when text holds a word to look for (not only blanks). */
bool search_has_words(const char *text);

/* The live records of k that hold every word of text, newest first (date,
 * then start, descending), at most limit of them (limit <= 0:
 * SEARCH_LIMIT) added to out; *total gets how many match in all.  month 0:
 * every month (year ignored), else that month of year.  False with err
 * when the store could not be read. */
bool search_records(struct store *s, const struct kind *k, const char *text, int year,
    int month, int limit, struct record_rows *out, long *total, struct error *err);

#endif
