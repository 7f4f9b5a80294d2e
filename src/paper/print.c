/* print — see print.h. */
#include "print.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/i18n.h"

/* Reads all of fd into out (at most size - 1 bytes kept). */
static void
slurp(int fd, char *out, size_t size)
{
	size_t n = 0;
	ssize_t r;
	char junk[256];

	for (;;) {
		if (n + 1 < size)
			r = read(fd, out + n, size - 1 - n);
		else
			r = read(fd, junk, sizeof junk);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		if (n + 1 < size)
			n += (size_t)r;
	}
	out[n] = '\0';
}

/* The job id in lp's answer, "request id is office-42 (1 file(s))". */
static void
job_id(const char *answer, char *job, size_t size)
{
	const char *p = strstr(answer, "request id is ");
	size_t n = 0;

	job[0] = '\0';
	if (p == NULL || size == 0)
		return;
	p += strlen("request id is ");
	while (p[n] != '\0' && p[n] != ' ' && p[n] != '\n' && n + 1 < size)
		n++;
	memcpy(job, p, n);
	job[n] = '\0';
}

bool
paper_print(const char *path, char *job, size_t size, struct error *err)
{
	int out[2], errp[2], status;
	char answer[1024], why[1024], arg[PATH_MAX + 2];
	pid_t pid;

	job[0] = '\0';
	/* A name starting with '-' would be read as an option. */
	snprintf(arg, sizeof arg, "%s%s", path[0] == '-' ? "./" : "", path);
	if (pipe(out) != 0 || pipe(errp) != 0) {
		error_set(err, _("The document could not be sent to the printer: %s."),
		    strerror(errno));
		return false;
	}
	pid = fork();
	if (pid < 0) {
		error_set(err, _("The document could not be sent to the printer: %s."),
		    strerror(errno));
		close(out[0]); close(out[1]); close(errp[0]); close(errp[1]);
		return false;
	}
	if (pid == 0) {
		char *argv[] = { "lp", arg, NULL };

		signal(SIGPIPE, SIG_DFL);
		/* lp's complaints are read below: in its own words, untranslated. */
		setenv("LC_ALL", "C", 1);
		dup2(out[1], STDOUT_FILENO);
		dup2(errp[1], STDERR_FILENO);
		close(out[0]); close(out[1]); close(errp[0]); close(errp[1]);
		execvp("lp", argv);
		_exit(127);
	}
	close(out[1]);
	close(errp[1]);
	/* lp writes little: its answer first, then its complaint. */
	slurp(out[0], answer, sizeof answer);
	slurp(errp[0], why, sizeof why);
	close(out[0]);
	close(errp[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			status = -1;
			break;
		}
	if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		job_id(answer, job, size);
		return true;
	}
	if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 127)
		error_set(err, "%s", _("This computer cannot print: its printing system (CUPS) "
		    "is not installed; ask whoever looks after it."));
	else if (strstr(why, "No default destination") != NULL ||
	    strstr(why, "does not exist") != NULL || strstr(why, "not connect") != NULL ||
	    strstr(why, "cheduler is not running") != NULL)
		error_set(err, "%s", _("No printer is set up on this computer; ask whoever looks "
		    "after it to add one."));
	else
		error_set(err, "%s", _("The printer did not take the document; check that it is "
		    "on and has paper, then try again."));
	return false;
}

bool
paper_print_tmp(char *path, struct error *err)
{
	const char *base = getenv("TMPDIR");
	char dir[PATH_MAX - 16];	/* room for "/kyodo.pdf" */

	if (base == NULL || base[0] != '/')
		base = "/tmp";
	if ((size_t)snprintf(dir, sizeof dir, "%s/kyodo-print.XXXXXX", base) >= sizeof dir ||
	    mkdtemp(dir) == NULL) {
		error_set(err, _("No room for the document to print: %s."), strerror(errno));
		return false;
	}
	snprintf(path, PATH_MAX, "%s/kyodo.pdf", dir);
	return true;
}

void
paper_print_cleanup(const char *path)
{
	char dir[PATH_MAX], *slash;

	unlink(path);
	snprintf(dir, sizeof dir, "%s", path);
	slash = strrchr(dir, '/');
	if (slash != NULL) {
		*slash = '\0';
		rmdir(dir);
	}
}
