/*
 * verified — writing the monthly file to a stick so that it is either whole
 * under its final name or not there at all: written under a temporary name
 * beside it, fsynced, read back and compared, renamed into place without
 * replacing anything, and the folder fsynced.  A stick pulled out, full, or
 * lying about what it stored leaves no file under the final name.
 *
 * KYODO_FAULT_WRITE_LIMIT=N (tests) makes the write run out of room after
 * N bytes, as a full or pulled stick does.
 */
#ifndef KYODO_VERIFIED_H
#define KYODO_VERIFIED_H

#include <stdbool.h>

#include "base/buf.h"
#include "base/error.h"

/* Writes data as dir/name; path (PATH_MAX) gets the final path.  On
 * failure nothing is left under name and err says why.  Parts left in dir
 * by earlier writes between the same sender and receiver that were cut off
 * are removed first. */
bool verified_write(const char *dir, const char *name, const struct buf *data, char *path,
    struct error *err);

#endif
