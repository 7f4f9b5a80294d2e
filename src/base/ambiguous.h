/*
 * ambiguous — the characters Unicode calls East Asian Ambiguous width (…,
 * ←, ●, │, ①, ○, ※ …).  A Japanese terminal may draw them two columns wide
 * while the program counts one, and every line after one would shift; in
 * that mode the kiosk draws a one-column stand-in (text_narrow).
 */
#ifndef KYODO_AMBIGUOUS_H
#define KYODO_AMBIGUOUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

bool ambiguous_is(uint32_t cp);

#endif
