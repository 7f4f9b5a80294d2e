/* stick — see stick.h. */
#include "stick.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/i18n.h"

#define STAMP_LEN 15	/* YYYYMMDD-HHMMSS */

static bool
is_dir(const char *path, struct stat *st)
{
	return stat(path, st) == 0 && S_ISDIR(st->st_mode);
}

static bool
writable_dir(const char *path)
{
	struct stat st;

	return is_dir(path, &st) && access(path, W_OK | X_OK) == 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The subfolders of dir (not hidden), sorted, as malloc'd paths in *out
 * (caller frees each and the array).  Returns the count. */
static int
subfolders(const char *dir, char ***out)
{
	char **names = NULL, path[PATH_MAX];
	struct dirent *e;
	struct stat st;
	int n = 0, cap = 0;
	DIR *d = opendir(dir);

	*out = NULL;
	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path ||
		    !is_dir(path, &st))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			names = xreallocarray(names, (size_t)cap, sizeof *names);
		}
		names[n++] = xstrdup(path);
	}
	closedir(d);
	if (n > 1)
		qsort(names, (size_t)n, sizeof *names, cmp_str);
	*out = names;
	return n;
}

static void
add(char **out, int max, int *n, const char *path)
{
	if (*n < max && writable_dir(path))
		out[(*n)++] = xstrdup(path);
}

/* The sticks in one root; stand_in: a plain folder counts too. */
static void
find_in(const char *root, bool stand_in, char **out, int max, int *n)
{
	struct stat rs, st, inner;
	char **top, **below;
	int ntop, nbelow, i, j, found;

	if (!is_dir(root, &rs))
		return;
	ntop = subfolders(root, &top);
	for (i = 0; i < ntop; i++) {
		if (!is_dir(top[i], &st))
			continue;
		if (st.st_dev != rs.st_dev) {
			add(out, max, n, top[i]);
			continue;
		}
		nbelow = subfolders(top[i], &below);
		found = 0;
		for (j = 0; j < nbelow; j++) {
			if (is_dir(below[j], &inner) && inner.st_dev != st.st_dev) {
				add(out, max, n, below[j]);
				found++;
			}
			free(below[j]);
		}
		free(below);
		if (stand_in && found == 0)
			add(out, max, n, top[i]);
	}
	for (i = 0; i < ntop; i++)
		free(top[i]);
	free(top);
}

int
stick_find(char **out, int max)
{
	const char *env = getenv("KYODO_STICK_ROOTS");
	bool stand_in = env != NULL && env[0] != '\0';
	char *roots = xstrdup(stand_in ? env : "/media:/run/media"), *root, *save = NULL;
	int n = 0;

	for (root = strtok_r(roots, ":", &save); root != NULL; root = strtok_r(NULL, ":", &save))
		find_in(root, stand_in, out, max, &n);
	free(roots);
	return n;
}

void
stick_free(char **paths, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(paths[i]);
}

bool
stick_file_parse(const char *name, const char *receiver, struct stick_file *f)
{
	size_t len = strlen(name), rl = strlen(receiver), sl, i;
	const char *stamp, *to;

	/* "kyodo-" sender "-to-" receiver "-" stamp ".kyodo", from the end:
	 * a code may hold '-'. */
	if (rl == 0 || len < 6 + 1 + 4 + rl + 1 + STAMP_LEN + 6 || len >= sizeof f->name ||
	    strncmp(name, "kyodo-", 6) != 0 || strcmp(name + len - 6, ".kyodo") != 0)
		return false;
	stamp = name + len - 6 - STAMP_LEN;
	for (i = 0; i < STAMP_LEN; i++)
		if (i == 8 ? stamp[i] != '-' : (stamp[i] < '0' || stamp[i] > '9'))
			return false;
	to = stamp - 1 - rl - 4;
	if (stamp[-1] != '-' || strncmp(to, "-to-", 4) != 0 || strncmp(to + 4, receiver, rl) != 0)
		return false;
	sl = (size_t)(to - (name + 6));
	if (to < name + 6 || sl == 0 || sl >= sizeof f->sender)
		return false;
	memset(f, 0, sizeof *f);
	memcpy(f->name, name, len);
	memcpy(f->sender, name + 6, sl);
	memcpy(f->stamp, stamp, STAMP_LEN);
	return true;
}

static int
cmp_file(const void *a, const void *b)
{
	const struct stick_file *x = a, *y = b;
	int c = strcmp(y->stamp, x->stamp);	/* newest first */

	return c != 0 ? c : strcmp(x->name, y->name);
}

int
stick_files(const char *dir, const char *receiver, struct stick_file **files, int *other,
    struct error *err)
{
	struct stick_file *list = NULL, f;
	struct dirent *e;
	size_t len;
	int n = 0, cap = 0;
	DIR *d = opendir(dir);

	*files = NULL;
	*other = 0;
	if (d == NULL) {
		error_set(err, _("Cannot read the folder %s: %s."), dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len <= 6 || strcmp(e->d_name + len - 6, ".kyodo") != 0)
			continue;
		if (!stick_file_parse(e->d_name, receiver, &f)) {
			(*other)++;
			continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			list = xreallocarray(list, (size_t)cap, sizeof *list);
		}
		list[n++] = f;
	}
	closedir(d);
	if (n > 1)
		qsort(list, (size_t)n, sizeof *list, cmp_file);
	*files = list;
	return n;
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
stick_key_files(const char *dir, long max_bytes, char **out, struct error *err)
{
	struct dirent *e;
	struct stat st;
	char path[PATH_MAX];
	size_t len;
	int n = 0;
	DIR *d = opendir(dir);

	if (d == NULL) {
		error_set(err, _("Cannot read the folder %s: %s."), dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL && n < STICK_MAX) {
		len = strlen(e->d_name);
		if (e->d_name[0] == '.' || (len > 6 && strcmp(e->d_name + len - 6, ".kyodo") == 0))
			continue;
		/* lstat: a link is not followed off the stick. */
		if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path ||
		    lstat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > max_bytes)
			continue;
		out[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	qsort(out, (size_t)n, sizeof out[0], cmp_name);
	return n;
}
