/*
 * fold — text mapped for matching, never for storing: what a person types
 * to find a record and what the record holds are both folded, then
 * compared.  Katakana becomes hiragana (カイギ and かいぎ meet), half-width
 * katakana full-width (ｶﾞ is が), full-width ASCII half-width (Ａ１ is a1),
 * the ideographic space a space, and Latin letters (ASCII and Latin-1)
 * lower case.  Nothing else changes: ー stays ー, kanji stay kanji.
 */
#ifndef KYODO_FOLD_H
#define KYODO_FOLD_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Appends the folded form of s (n bytes of UTF-8; an invalid byte is
 * copied as it is) to out. */
void fold_append(struct buf *out, const char *s, size_t n);
/* The folded form of s; caller frees. */
char *fold_text(const char *s);
/* True when every word of needle (folded, split at spaces) occurs in
 * haystack (folded).  An empty needle matches nothing. */
bool fold_words_in(const char *needle, const char *haystack);

#endif
