/*
 * stick — the USB stick the monthly file travels on: where sticks are
 * mounted, and the kyodo files in a folder that are addressed to a store.
 * Only looks; never writes (sync.c writes and reads the files).
 *
 * A stick is a writable mount point (a folder on another device than the
 * folder it is in) directly under /media or /run/media, or one level
 * below (/media/usb0, /media/USER/LABEL, /run/media/USER/LABEL).
 * KYODO_STICK_ROOTS, folders separated by ':', replaces /media:/run/media;
 * there a plain writable folder directly in a root, with no mount point
 * under it, stands in for a stick, so tests need no real one.
 */
#ifndef KYODO_STICK_H
#define KYODO_STICK_H

#include <stdbool.h>

#include "base/error.h"

#define STICK_MAX 32

/* The sticks, in root order and by path within a root: up to max
 * malloc'd paths into out.  Returns the count. */
int stick_find(char **out, int max);
void stick_free(char **paths, int n);

struct stick_file {
	char name[256];		/* without folder */
	char sender[17];
	char stamp[16];		/* YYYYMMDD-HHMMSS (UTC), as in the name */
};

/* True when name is kyodo-<sender>-to-<receiver>-YYYYMMDD-HHMMSS.kyodo for
 * this receiver; fills f. */
bool stick_file_parse(const char *name, const char *receiver, struct stick_file *f);

/* The files in dir addressed to receiver, newest first, as a malloc'd
 * array in *files (caller frees; NULL when none); *other counts the other
 * .kyodo files there.  Returns the count, or -1 when dir cannot be read
 * (err says why). */
int stick_files(const char *dir, const char *receiver, struct stick_file **files, int *other,
    struct error *err);

/* The files in dir that may be a public key file: regular, not hidden,
 * not a .kyodo file, at most max_bytes (a key file is a few hundred);
 * by name, up to STICK_MAX malloc'd names (without folder) into out.  Only
 * the name and size are looked at: the file itself is read by
 * keys_read_file when chosen.  Returns the count, or -1 (err says why). */
int stick_key_files(const char *dir, long max_bytes, char **out, struct error *err);

#endif
