/* storelock — see storelock.h. */
#include "storelock.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/i18n.h"

/* A store whose file was replaced between our look and our lock (a restore
 * finishing) is looked at again; a few rounds are plenty. */
#define RETRIES 8
#define POLL_MS 50

struct storelock {
	dev_t dev;
	ino_t ino;
	int fd;			/* holds the flock; closed with the last hold */
	int refs;
	bool exclusive;
	char real[PATH_MAX];	/* the file's full path, symbolic links resolved */
	struct storelock *next;
};

static struct storelock *held;

static struct storelock *
find(dev_t dev, ino_t ino)
{
	struct storelock *l;

	for (l = held; l != NULL; l = l->next)
		if (l->dev == dev && l->ino == ino)
			return l;
	return NULL;
}

static struct storelock *
add(const char *path, int fd, const struct stat *st, bool exclusive)
{
	struct storelock *l = xcalloc(1, sizeof *l);

	l->dev = st->st_dev;
	l->ino = st->st_ino;
	l->fd = fd;
	l->refs = 1;
	l->exclusive = exclusive;
	if (realpath(path, l->real) == NULL)
		snprintf(l->real, sizeof l->real, "%s", path);
	l->next = held;
	held = l;
	return l;
}

static bool
same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* Opens the file at path for its lock; st is what path names now.  -1 with
 * err when it cannot be opened. */
static int
open_for_lock(const char *path, struct stat *st, struct error *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);

	if (fd < 0 || fstat(fd, st) != 0) {
		error_set(err, _("Cannot open the store %s: %s"), path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

/* The file at path is still the one fd has open: nothing replaced it while
 * we waited for the lock. */
static bool
still_there(const char *path, const struct stat *locked)
{
	struct stat now;

	return stat(path, &now) == 0 && same_file(&now, locked);
}

/* flock with LOCK_NB, retried while a signal interrupts it.  A file system
 * that has no flock (ENOLCK, EINVAL) counts as locked: kyodo still works
 * there, without the guard. */
static int
try_flock(int fd, int op)
{
	int rc;

	do
		rc = flock(fd, op | LOCK_NB);
	while (rc != 0 && errno == EINTR);
	if (rc != 0 && (errno == ENOLCK || errno == EINVAL || errno == EOPNOTSUPP))
		return 0;
	return rc;
}

struct storelock *
storelock_share(const char *path, int wait_ms, struct error *err)
{
	struct storelock *l;
	struct stat st, fst;
	char who[256];
	int fd, tries, waited;

	for (tries = 0; tries < RETRIES; tries++) {
		if (stat(path, &st) == 0 && (l = find(st.st_dev, st.st_ino)) != NULL) {
			l->refs++;
			return l;
		}
		fd = open_for_lock(path, &fst, err);
		if (fd < 0)
			return NULL;
		for (waited = 0; try_flock(fd, LOCK_SH) != 0; waited += POLL_MS) {
			if (errno != EWOULDBLOCK || waited >= wait_ms) {
				if (!storelock_holders(fst.st_dev, fst.st_ino, who, sizeof who))
					snprintf(who, sizeof who, "%s", _("another program"));
				error_set(err, _("%s is being restored or updated by %s; try again "
				    "when it is done."), path, who);
				close(fd);
				return NULL;
			}
			sleep_ms(POLL_MS);
		}
		if (still_there(path, &fst))
			return add(path, fd, &fst, false);
		close(fd);	/* replaced meanwhile: lock the new file */
	}
	error_set(err, _("%s keeps being replaced by another program; try again."), path);
	return NULL;
}

static void
set_refused(const char *path, dev_t dev, ino_t ino, const char *refused, struct error *err)
{
	char who[256];

	if (!storelock_holders(dev, ino, who, sizeof who))
		snprintf(who, sizeof who, "%s", _("another program"));
	error_set(err, refused, path, who);
}

struct storelock *
storelock_exclusive(const char *path, const char *refused, struct error *err)
{
	struct storelock *l;
	struct stat st, fst;
	int fd, tries;

	for (tries = 0; tries < RETRIES; tries++) {
		if (stat(path, &st) == 0 && (l = find(st.st_dev, st.st_ino)) != NULL) {
			set_refused(path, st.st_dev, st.st_ino, refused, err);
			return NULL;
		}
		fd = open_for_lock(path, &fst, err);
		if (fd < 0)
			return NULL;
		if (try_flock(fd, LOCK_EX) != 0) {
			close(fd);
			set_refused(path, fst.st_dev, fst.st_ino, refused, err);
			return NULL;
		}
		if (still_there(path, &fst))
			return add(path, fd, &fst, true);
		close(fd);
	}
	error_set(err, _("%s keeps being replaced by another program; try again."), path);
	return NULL;
}

bool
storelock_upgrade(struct storelock *l, const char *path, const char *refused,
    struct error *err)
{
	int waited;

	if (l->exclusive)
		return true;
	if (l->refs == 1 && try_flock(l->fd, LOCK_EX) == 0) {
		l->exclusive = true;
		return true;
	}
	/* A refused conversion may have dropped the shared lock (flock(2)):
	 * take it again before saying no. */
	for (waited = 0; try_flock(l->fd, LOCK_SH) != 0 && waited < 15000; waited += POLL_MS)
		sleep_ms(POLL_MS);
	set_refused(path, l->dev, l->ino, refused, err);
	return false;
}

void
storelock_downgrade(struct storelock *l)
{
	/* Nobody else can hold it while we hold it exclusive: this never waits. */
	if (l->exclusive && try_flock(l->fd, LOCK_SH) == 0)
		l->exclusive = false;
}

void
storelock_release(struct storelock *l)
{
	struct storelock **p;

	if (l == NULL || --l->refs > 0)
		return;
	for (p = &held; *p != NULL; p = &(*p)->next)
		if (*p == l) {
			*p = l->next;
			break;
		}
	close(l->fd);	/* the flock goes with the descriptor */
	free(l);
}

bool
storelock_is_store(dev_t dev, ino_t ino)
{
	return find(dev, ino) != NULL;
}

/* path in full with its folder's symbolic links resolved, whether or not
 * path itself exists; false when its folder does not. */
static bool
resolve(const char *path, char *out)
{
	char dir[PATH_MAX], real[PATH_MAX];
	const char *slash = strrchr(path, '/'), *base;

	if (realpath(path, out) != NULL)
		return true;
	if (slash == NULL) {
		snprintf(dir, sizeof dir, ".");
		base = path;
	} else {
		snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
		base = slash + 1;
	}
	if (realpath(dir, real) == NULL)
		return false;
	return snprintf(out, PATH_MAX, "%.*s%s%s", PATH_MAX - 2, real,
	    strcmp(real, "/") == 0 ? "" : "/", base) < PATH_MAX;
}

int
storelock_names_store(const char *path)
{
	static const char *const side[] = { "", "-wal", "-shm", "-journal" };
	char full[PATH_MAX];
	struct storelock *l;
	size_t n, i;

	if (!resolve(path, full))
		return 0;
	for (l = held; l != NULL; l = l->next) {
		n = strlen(l->real);
		if (strncmp(full, l->real, n) != 0)
			continue;
		for (i = 0; i < sizeof side / sizeof side[0]; i++)
			if (strcmp(full + n, side[i]) == 0)
				return i == 0 ? STORELOCK_NAMES_STORE : STORELOCK_NAMES_SIDE;
	}
	return 0;
}

/* One line of /proc/locks: "1: FLOCK  ADVISORY  READ  1234 08:01:5678 0 EOF";
 * a waiting request has "->" before FLOCK.  The pid of a held flock on the
 * file, or 0. */
static long
lock_line_pid(const char *line, dev_t dev, ino_t ino)
{
	unsigned int maj, min;
	unsigned long i;
	long pid;
	const char *p = strstr(line, " FLOCK ");

	if (p == NULL || strstr(line, "->") != NULL)
		return 0;
	p = strpbrk(p + 7, "0123456789-");	/* past ADVISORY and READ/WRITE */
	if (p == NULL || sscanf(p, "%ld %x:%x:%lu", &pid, &maj, &min, &i) != 4)
		return 0;
	if (maj != major(dev) || min != minor(dev) || i != (unsigned long)ino)
		return 0;
	return pid;
}

static void
program_name(long pid, char *out, size_t size)
{
	char path[64];
	FILE *f;
	size_t n;

	snprintf(path, sizeof path, "/proc/%ld/comm", pid);
	out[0] = '\0';
	f = fopen(path, "r");
	if (f != NULL) {
		if (fgets(out, (int)size, f) == NULL)
			out[0] = '\0';
		fclose(f);
	}
	n = strcspn(out, "\n");
	out[n] = '\0';
	if (n == 0)
		snprintf(out, size, "%s", _("a program"));
}

bool
storelock_holders(dev_t dev, ino_t ino, char *out, size_t size)
{
	FILE *f = fopen("/proc/locks", "r");
	struct buf list = {0};
	char line[256], name[64];
	long pid, pids[16], self = (long)getpid();
	int n = 0, i, own = 0;

	if (f == NULL)
		return false;
	while (fgets(line, sizeof line, f) != NULL && n < 16) {
		pid = lock_line_pid(line, dev, ino);
		if (pid == self)
			own = 1;
		else if (pid > 0)
			pids[n++] = pid;
	}
	fclose(f);
	/* This process is named only when nobody else holds the store. */
	if (n == 0 && own)
		pids[n++] = self;
	if (n == 0)
		return false;
	for (i = 0; i < n; i++)
		buf_printf(&list, "%s%ld", i > 0 ? ", " : "", pids[i]);
	program_name(pids[0], name, sizeof name);
	snprintf(out, size, n == 1 ? _("%s (process %s)") : _("%s (processes %s)"), name,
	    buf_str(&list));
	buf_free(&list);
	return true;
}
