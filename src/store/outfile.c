/* outfile — see outfile.h. */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "base/i18n.h"
#include "storelock.h"

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif

/* The part of a temporary name taken from the final one: enough to tell
 * whose it is, short of the 255-byte limit on a name. */
#define TMP_BASE_MAX 100

static void
refuse_existing(const char *path, const struct stat *st, int flags, struct error *err)
{
	if (S_ISLNK(st->st_mode))
		error_set(err, _("%s is a symbolic link; kyodo does not write through one."), path);
	else if (S_ISDIR(st->st_mode))
		error_set(err, _("%s is a folder; give the name of a new file."), path);
	else if (storelock_is_store(st->st_dev, st->st_ino))
		error_set(err, _("%s is the store itself; kyodo will not write over it."), path);
	else if (!S_ISREG(st->st_mode))
		error_set(err, _("%s is not a plain file; kyodo will not write to it."), path);
	else if (!(flags & OUTFILE_REPLACE))
		error_set(err, _("%s already exists; kyodo will not replace it."), path);
}

/* What is at a name may not be written over (with flags): only a plain
 * file that is no store, and only with OUTFILE_REPLACE. */
static bool
in_the_way(const struct stat *st, int flags)
{
	return !S_ISREG(st->st_mode) || storelock_is_store(st->st_dev, st->st_ino) ||
	    !(flags & OUTFILE_REPLACE);
}

/* A store's own name, or a journal SQLite may make beside it at any
 * moment (so it is refused even before it exists). */
static bool
names_store(const char *path, struct error *err)
{
	switch (storelock_names_store(path)) {
	case STORELOCK_NAMES_STORE:
		error_set(err, _("%s is the store itself; kyodo will not write over it."), path);
		return true;
	case STORELOCK_NAMES_SIDE:
		error_set(err, _("%s is a name the store uses beside it; kyodo will not write "
		    "there."), path);
		return true;
	}
	return false;
}

bool
outfile_check(const char *path, int flags, struct error *err)
{
	struct stat st;

	if (path == NULL || *path == '\0') {
		error_set(err, "%s", _("Give the name of the file to write."));
		return false;
	}
	if (names_store(path, err))
		return false;
	if (lstat(path, &st) == 0) {
		if (!in_the_way(&st, flags))
			return true;
		refuse_existing(path, &st, flags, err);
		return false;
	}
	if (errno != ENOENT) {
		error_set(err, _("Cannot write %s: %s"), path, strerror(errno));
		return false;
	}
	return true;
}

/* Splits path into its folder (into dir) and its last name. */
static const char *
split(const char *path, char *dir, size_t size)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL) {
		snprintf(dir, size, ".");
		return path;
	}
	snprintf(dir, size, "%.*s", slash == path ? 1 : (int)(slash - path), path);
	return slash + 1;
}

int
outfile_temp(const char *beside, mode_t mode, char *tmp, struct error *err)
{
	char dir[PATH_MAX];
	const char *base = split(beside, dir, sizeof dir);
	unsigned char r[4];
	int n = (int)strlen(base), fd, i;

	/* Cut at a character's start, so the name stays valid UTF-8. */
	if (n > TMP_BASE_MAX)
		for (n = TMP_BASE_MAX; n > 0 && ((unsigned char)base[n] & 0xC0) == 0x80; n--)
			;
	for (i = 0; i < 100; i++) {
		randombytes_buf(r, sizeof r);
		if (snprintf(tmp, PATH_MAX, "%s/.%.*s.%02x%02x%02x%02x.part", dir, n, base,
		    r[0], r[1], r[2], r[3]) >= PATH_MAX) {
			error_set(err, _("Cannot write %s: %s"), beside, strerror(ENAMETOOLONG));
			tmp[0] = '\0';
			return -1;
		}
		fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
		if (fd >= 0)
			return fd;
		if (errno != EEXIST)
			break;
	}
	error_set(err, _("Cannot write %s: %s"), beside, strerror(errno));
	tmp[0] = '\0';
	return -1;
}

bool
outfile_begin(struct outfile *of, const char *path, int flags, mode_t mode, struct error *err)
{
	of->fd = -1;
	of->tmp[0] = '\0';
	of->flags = flags;
	if (!outfile_check(path, flags, err))
		return false;
	if (snprintf(of->path, sizeof of->path, "%s", path) >= (int)sizeof of->path) {
		error_set(err, _("Cannot write %s: %s"), path, strerror(ENAMETOOLONG));
		return false;
	}
	of->fd = outfile_temp(path, mode, of->tmp, err);
	return of->fd >= 0;
}

void
outfile_detach(struct outfile *of)
{
	if (of->fd >= 0)
		close(of->fd);
	of->fd = -1;
}

void
outfile_abort(struct outfile *of)
{
	outfile_detach(of);
	if (of->tmp[0] != '\0')
		unlink(of->tmp);
	of->tmp[0] = '\0';
}

bool
outfile_rename_new(const char *from, const char *to)
{
#ifdef SYS_renameat2
	if (syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
		return true;
	if (errno != ENOSYS && errno != EINVAL)
		return false;
#endif
	/* No renameat2 here: link never replaces a name either. */
	if (link(from, to) != 0)
		return false;
	unlink(from);
	return true;
}

static void
sync_folder(const char *path)
{
	char dir[PATH_MAX];
	int fd;

	split(path, dir, sizeof dir);
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* With OUTFILE_REPLACE, what is at the final name now, just before it is
 * replaced: still a plain file that is not a store (or nothing). */
static bool
may_replace(const struct outfile *of, struct error *err)
{
	struct stat st;

	if (names_store(of->path, err))
		return false;
	if (lstat(of->path, &st) != 0 || !in_the_way(&st, of->flags))
		return true;
	refuse_existing(of->path, &st, of->flags, err);
	return false;
}

bool
outfile_commit(struct outfile *of, struct error *err)
{
	int fd = of->fd >= 0 ? of->fd : open(of->tmp, O_RDONLY | O_CLOEXEC);
	bool placed;

	if (fd < 0 || fsync(fd) != 0) {
		error_set(err, _("Cannot write %s: %s"), of->path, strerror(errno));
		if (fd >= 0 && fd != of->fd)
			close(fd);
		outfile_abort(of);
		return false;
	}
	if (fd != of->fd)
		close(fd);
	outfile_detach(of);
	if (of->flags & OUTFILE_REPLACE) {
		if (!may_replace(of, err)) {
			outfile_abort(of);
			return false;
		}
		placed = rename(of->tmp, of->path) == 0;
	} else {
		placed = outfile_rename_new(of->tmp, of->path);
	}
	if (!placed) {
		if (errno == EEXIST)
			error_set(err, _("%s already exists; kyodo will not replace it."), of->path);
		else
			error_set(err, _("Cannot write %s: %s"), of->path, strerror(errno));
		outfile_abort(of);
		return false;
	}
	of->tmp[0] = '\0';
	sync_folder(of->path);
	return true;
}

bool
outfile_write(const char *path, const void *data, size_t len, int flags, mode_t mode,
    struct error *err)
{
	struct outfile of;
	const char *p = data;
	ssize_t w;

	if (!outfile_begin(&of, path, flags, mode, err))
		return false;
	while (len > 0) {
		w = write(of.fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			error_set(err, _("Cannot write %s: %s"), path,
			    strerror(w < 0 ? errno : ENOSPC));
			outfile_abort(&of);
			return false;
		}
		p += w;
		len -= (size_t)w;
	}
	return outfile_commit(&of, err);
}

int
outfile_create(const char *path, mode_t mode, struct error *err)
{
	int fd;

	if (!outfile_check(path, 0, err))
		return -1;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
	if (fd < 0 && errno == EEXIST)
		error_set(err, _("%s already exists; kyodo will not replace it."), path);
	else if (fd < 0)
		error_set(err, _("Cannot write %s: %s"), path, strerror(errno));
	return fd;
}
