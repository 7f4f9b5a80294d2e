/*
 * enc — text out of kyodo in the encoding the reader wants: UTF-8, UTF-8
 * with a byte-order mark (Excel's way to recognise UTF-8), or CP932
 * (Windows-31J, what Excel in Japan opens), through glibc's iconv.
 *
 * A character the target cannot hold (𠮷 in CP932) becomes 〓 and is counted;
 * it is never dropped silently and never leaves a broken byte.
 */
#ifndef KYODO_ENC_H
#define KYODO_ENC_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "error.h"

enum encoding { ENC_UTF8, ENC_UTF8_BOM, ENC_CP932 };

/* "utf-8", "utf-8-bom", "cp932" (also "utf8", "sjis", "shift_jis",
 * "windows-31j"). */
bool encoding_parse(const char *name, enum encoding *out);

struct encoder;

struct encoder *encoder_new(enum encoding e, struct error *err);
void encoder_free(struct encoder *c);
/* Appends the byte-order mark for ENC_UTF8_BOM, nothing otherwise. */
void encoder_start(struct encoder *c, struct buf *out);
/* Appends utf8 converted; returns how many characters became 〓. */
size_t encoder_convert(struct encoder *c, const char *utf8, size_t n, struct buf *out);

/* Converts bytes in encoding e to UTF-8 (dropping a leading BOM).  Refuses
 * a NUL byte (not text at all) and bytes that are not valid in e, naming
 * the line they are on; the output then holds no NUL. */
bool decode_to_utf8(enum encoding e, const char *in, size_t n, struct buf *out,
    struct error *err);

#endif
