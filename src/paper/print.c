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
#include "base/buf.h"

extern char **environ;

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

/* Runs a CUPS command (argv[0] found on PATH, no shell), its answer and
 * complaint read into answer and why.  Returns its exit status, 127 when
 * it could not be run, -1 when it could not be waited for, or -2 with
 * errno when no process could be made. */
static int
run_cups(char *const argv[], char *answer, size_t asize, char *why, size_t wsize)
{
	static char c_locale[] = "LC_ALL=C";
	int out[2], errp[2], status, n = 0, i, saved;
	char **env;
	pid_t pid;

	answer[0] = why[0] = '\0';
	/* Its complaints are read below: in its own words, untranslated.  The
	 * environment is made here, as the child may only exec. */
	while (environ[n] != NULL)
		n++;
	env = xcalloc((size_t)n + 2, sizeof *env);
	for (i = 0, n = 0; environ[i] != NULL; i++)
		if (strncmp(environ[i], "LC_ALL=", 7) != 0)
			env[n++] = environ[i];
	env[n] = c_locale;
	if (pipe(out) != 0) {
		free(env);
		return -2;
	}
	if (pipe(errp) != 0) {
		saved = errno;
		close(out[0]); close(out[1]);
		free(env);
		errno = saved;
		return -2;
	}
	pid = fork();
	if (pid < 0) {
		saved = errno;
		close(out[0]); close(out[1]); close(errp[0]); close(errp[1]);
		free(env);
		errno = saved;
		return -2;
	}
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		environ = env;
		dup2(out[1], STDOUT_FILENO);
		dup2(errp[1], STDERR_FILENO);
		close(out[0]); close(out[1]); close(errp[0]); close(errp[1]);
		execvp(argv[0], argv);
		_exit(127);
	}
	free(env);
	close(out[1]);
	close(errp[1]);
	/* These write little: the answer first, then the complaint. */
	slurp(out[0], answer, asize);
	slurp(errp[0], why, wsize);
	close(out[0]);
	close(errp[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool
paper_print(const char *path, char *job, size_t size, struct error *err)
{
	char answer[1024], why[1024], arg[PATH_MAX + 2];
	char *argv[] = { "lp", arg, NULL };
	int status;

	job[0] = '\0';
	/* A name starting with '-' would be read as an option. */
	snprintf(arg, sizeof arg, "%s%s", path[0] == '-' ? "./" : "", path);
	status = run_cups(argv, answer, sizeof answer, why, sizeof why);
	if (status == -2) {
		error_set(err, _("The document could not be sent to the printer: %s."),
		    strerror(errno));
		return false;
	}
	if (status == 0) {
		job_id(answer, job, size);
		return true;
	}
	if (status == 127)
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
paper_print_paused(const char *job)
{
	char dest[128], answer[1024], why[256];
	char *argv[] = { "lpstat", "-p", dest, NULL };
	char *dash;

	/* The job id is the printer's name, a dash and a number. */
	snprintf(dest, sizeof dest, "%s", job);
	dash = strrchr(dest, '-');
	if (dash == NULL || dash == dest)
		return false;
	*dash = '\0';
	return run_cups(argv, answer, sizeof answer, why, sizeof why) == 0 &&
	    strstr(answer, " disabled since") != NULL;
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
