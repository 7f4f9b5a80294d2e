/*
 * verified — see verified.h.  Only files in a folder: no store, no crypto.
 */
#include "verified.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "store/outfile.h"

/* The bytes a file may take before the "stick" is full: KYODO_FAULT_WRITE_LIMIT,
 * so tests can pull the stick out or fill it without a real one, else no
 * limit.  Read once per file written, not once per process: test_sync.c
 * sets and clears it between exports in one process. */
static size_t
write_limit(void)
{
	const char *limit = getenv("KYODO_FAULT_WRITE_LIMIT");

	if (limit == NULL || *limit == '\0')
		return SIZE_MAX;
	return (size_t)strtoull(limit, NULL, 10);
}

/* write(2), but out of room (ENOSPC) once *written reaches cap. */
static ssize_t
limited_write(int fd, const void *p, size_t n, size_t cap, size_t *written)
{
	ssize_t w;

	if (*written >= cap) {
		errno = ENOSPC;
		return -1;
	}
	if (n > cap - *written)
		n = cap - *written;
	w = write(fd, p, n);
	if (w > 0)
		*written += (size_t)w;
	return w;
}

/* Removes the ".kyodo-A-to-B-….kyodo.part" files an interrupted write of the
 * same sender and receiver left in dir (a stick pulled out, the power cut). */
static void
remove_parts(const char *dir, const char *name)
{
	char prefix[128], path[PATH_MAX];
	const char *stamp = strrchr(name, '-');
	size_t n, len;
	struct dirent *e;
	DIR *d;

	/* "kyodo-c1-to-city-20261128-101010.kyodo": the part before the date. */
	if (stamp == NULL)
		return;
	for (stamp--; stamp > name && *stamp != '-'; stamp--)
		;
	snprintf(prefix, sizeof prefix, ".%.*s", (int)(stamp - name + 1), name);
	n = strlen(prefix);
	d = opendir(dir);
	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (strncmp(e->d_name, prefix, n) == 0 && len > 5 &&
		    strcmp(e->d_name + len - 5, ".part") == 0) {
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			unlink(path);
		}
	}
	closedir(d);
}

/* Writes data to a new file tmp (never through a link) and fsyncs it;
 * false with errno set. */
static bool
write_new(const char *tmp, const struct buf *data)
{
	size_t off = 0, written = 0, cap = write_limit();
	ssize_t w;
	int fd, saved;

	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);
	if (fd < 0)
		return false;
	while (off < data->len) {
		w = limited_write(fd, data->data + off, data->len - off, cap, &written);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		off += (size_t)w;
	}
	if (fsync(fd) != 0)
		goto fail;
	close(fd);
	return true;
fail:
	saved = errno;
	close(fd);
	errno = saved;
	return false;
}

/* Reads tmp back: true when it holds data and nothing more.  A stick that
 * lies about what it stored is caught here (errno EIO). */
static bool
reads_back(const char *tmp, const struct buf *data)
{
	unsigned char *back = xmalloc(data->len + 1);
	size_t off = 0;
	ssize_t w;
	int fd, saved;
	bool same;

	fd = open(tmp, O_RDONLY);
	if (fd < 0) {
		saved = errno;
		free(back);
		errno = saved;
		return false;
	}
	/* One byte more than written: a longer file is not the same. */
	while (off <= data->len) {
		w = read(fd, back + off, data->len + 1 - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	close(fd);
	same = off == data->len && memcmp(back, data->data, data->len) == 0;
	free(back);
	if (!same)
		errno = EIO;
	return same;
}

/* The rename is only durable once the folder itself is on the stick. */
static void
fsync_folder(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

bool
verified_write(const char *dir, const char *name, const struct buf *data, char *path,
    struct error *err)
{
	char tmp[PATH_MAX], final[PATH_MAX];
	struct stat st;
	int saved;

	snprintf(final, sizeof final, "%s/%s", dir, name);
	snprintf(tmp, sizeof tmp, "%s/.%s.part", dir, name);
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		error_set(err, _("%s is not a folder (is the stick plugged in?)."), dir);
		return false;
	}
	/* Nothing there, not even a link: a file is never written over or
	 * through one (outfile.h). */
	if (!outfile_check(final, 0, err))
		return false;
	remove_parts(dir, name);	/* left by earlier writes that were cut off */
	if (!write_new(tmp, data) || !reads_back(tmp, data) || !outfile_rename_new(tmp, final)) {
		saved = errno;
		unlink(tmp);
		error_set(err, _("Could not write the file to %s: %s. Nothing was left under "
		    "its name."), dir, strerror(saved));
		return false;
	}
	fsync_folder(dir);
	snprintf(path, PATH_MAX, "%s", final);
	return true;
}
