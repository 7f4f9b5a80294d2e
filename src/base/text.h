/*
 * text — UTF-8 text as people type it and as terminals show it.
 *
 * Display widths come from the C library's wcwidth(), so the process must run
 * with a UTF-8 LC_CTYPE (i18n_setup() sees to that).  No function here cuts a
 * string inside a character.  Returned strings are malloc'd; caller frees.
 */
#ifndef KYODO_TEXT_H
#define KYODO_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Decodes one character at s (n bytes available).  Returns its length in
 * bytes, or 0 when the bytes there are not valid UTF-8 (overlongs,
 * surrogates and values past U+10FFFF are invalid). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Appends the UTF-8 form of cp. */
void utf8_encode(struct buf *b, uint32_t cp);

bool text_is_utf8(const char *s, size_t n);
/* Number of characters (code points) in valid UTF-8 s. */
size_t text_chars(const char *s);
/* Copy without leading and trailing white space (ASCII and U+3000). */
char *text_trim(const char *s);
/* Copy with full-width ASCII (０-９, Ａ-Ｚ, ：, －, ／, ，, ￥ …) folded to ASCII
 * and dash-like characters (−, ‐, ー …) to '-', for parsing numbers, dates
 * and times that an IME typed. */
char *text_fold_ascii(const char *s);

/* Columns s takes on screen as text_visible() would show it. */
int text_width(const char *s);
/* Width of one character as shown (controls are shown as one column). */
int text_char_width(uint32_t cp);
/* True for a character no terminal should be sent as is: C0 and C1
 * controls, DEL, the bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E,
 * U+2066–U+2069) and the line and paragraph separators (U+2028, U+2029). */
bool text_is_control(uint32_t cp);
/* The first character of s (n bytes of UTF-8) that text_is_control names
 * and allowed (ASCII controls that are fine here, e.g. "\n\t") does not
 * list, or the first byte that does not decode; NULL when there is none. */
const char *text_find_control(const char *s, size_t n, const char *allowed);
/* Copy safe to send to a terminal: C0 controls and DEL become visible
 * symbols (␛, ␊, ␡ …), the rest of text_is_control and invalid bytes
 * U+FFFD, so nothing it returns moves the cursor, changes the terminal's
 * state or reorders the line. */
char *text_visible(const char *s);
/* s with each East Asian Ambiguous character that takes one column (…, ←,
 * ●, ①, ※ …) replaced by a one-column ASCII stand-in, for a terminal that
 * draws them two columns wide; widths are unchanged.  Caller frees. */
char *text_narrow(const char *s);
/* Bytes of the longest prefix of s that fits in width columns; the width it
 * takes is stored in *used when used is not NULL. */
size_t text_fit(const char *s, int width, int *used);
/* Appends s (made visible) to out in exactly width columns: cut with an
 * ellipsis when too long, padded with spaces (on the left if right_align). */
void text_pad(struct buf *out, const char *s, int width, bool right_align);
/* The ellipsis used by text_pad: "…" or, in ASCII mode, "~". */
void text_set_ascii(bool ascii);
bool text_ascii(void);

#endif
