/*
 * outfile — the one way kyodo makes a file for a person to take away (a
 * key, a backup, a bundle, a report).  A new file is written under a
 * temporary name beside its final one and put in place only when complete,
 * without ever replacing what is there; or, for a file written as it goes
 * (a log), created with O_CREAT|O_EXCL|O_NOFOLLOW.  Either way:
 *
 *   - a symbolic link at the final name, even a dangling one, is refused,
 *     never followed;
 *   - a folder, or anything already there, is refused (with OUTFILE_REPLACE
 *     an existing plain file is replaced, and the old file stays whole
 *     until the new one is complete);
 *   - a store this process has open, or a name SQLite uses beside it
 *     (-wal, -shm, -journal), is refused, replace or not;
 *
 * each with one sentence in err.  Nothing is left under the final name by
 * a write that fails.
 */
#ifndef KYODO_OUTFILE_H
#define KYODO_OUTFILE_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "base/error.h"

/* flags */
#define OUTFILE_REPLACE 1	/* an existing plain file may be replaced */

struct outfile {
	char path[PATH_MAX];	/* the final name */
	char tmp[PATH_MAX];	/* the temporary name beside it ("" when none) */
	int fd;			/* open read-write on tmp; -1 once detached */
	int flags;
};

/* Whether kyodo may write path: false with the one sentence why. */
bool outfile_check(const char *path, int flags, struct error *err);

/* Checks path, then makes a new, empty temporary file beside it (named
 * ".NAME.XXXXXXXX.part", mode & ~umask) and opens it on of->fd.  Write
 * through of->fd; or detach and let another writer (SQLite) write of->tmp
 * by name.  Every outfile_begin ends with outfile_commit or outfile_abort. */
bool outfile_begin(struct outfile *of, const char *path, int flags, mode_t mode,
    struct error *err);
/* Closes of->fd (for a writer that opens of->tmp itself: a descriptor kept
 * open beside SQLite's would drop its locks when closed later). */
void outfile_detach(struct outfile *of);
/* Makes the file durable (fsync) and puts it under its final name: never
 * over an existing name (renameat2 RENAME_NOREPLACE, else link), or, with
 * OUTFILE_REPLACE, over the plain file checked again just before; then
 * syncs the folder.  On failure the temporary file is removed and err says
 * why. */
bool outfile_commit(struct outfile *of, struct error *err);
/* Removes the temporary file; nothing is left under either name. */
void outfile_abort(struct outfile *of);

/* All of data to a new file at path: begin, write, commit. */
bool outfile_write(const char *path, const void *data, size_t len, int flags, mode_t mode,
    struct error *err);
/* A file written as it goes: created at path itself with
 * O_CREAT|O_EXCL|O_NOFOLLOW (never replacing) after the same checks.
 * Returns the descriptor (write-only), or -1 with err. */
int outfile_create(const char *path, mode_t mode, struct error *err);

/* A new file beside `beside` under a name of its own (".NAME.XXXXXXXX.part",
 * O_EXCL, never a name in use); its name into tmp (PATH_MAX).  For work
 * files that are not output (restore's copy of the backup).  Returns the
 * descriptor (read-write), or -1 with err. */
int outfile_temp(const char *beside, mode_t mode, char *tmp, struct error *err);
/* Renames from to to, failing (errno EEXIST) when to exists, whatever it
 * is (a symbolic link is not followed): renameat2 RENAME_NOREPLACE, or on
 * a kernel or file system without it, link then unlink. */
bool outfile_rename_new(const char *from, const char *to);

#endif
