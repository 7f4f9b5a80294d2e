/* kyodo key / center add|list / export / import — the monthly file to and
 * from city hall, and the keys that make it safe to carry. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


#include "cli.h"
#include "base/date.h"
#include "base/i18n.h"
#include "sync/keys.h"
#include "store/outfile.h"
#include "sync/sync.h"
#include "sync/synclog.h"
#include "store/tuning.h"
#include "base/text.h"

/* A key file is public: readable by all, like the file it replaces.  Never
 * over an existing file, through a link, or over the store (outfile.h). */
static bool
write_text(const char *path, const char *text)
{
	struct error err;

	if (!outfile_write(path, text, strlen(text), 0, 0644, &err)) {
		cmd_fail("%s", err.text);
		return false;
	}
	return true;
}

static const struct cmd_opt key_opts[] = {
	{"db", "FILE", N_("the store")},
	{"out", "FILE", N_("write this store's public key (with its fingerprint) to FILE")},
	{"city", "FILE", N_("at a center: install the city's public key from FILE")},
	{"replace", NULL, N_("with --city: replace a different key already installed")},
	{"accept-machine", NULL, N_("accept this machine as the store's own (after a move)")},
	{NULL, NULL, NULL},
};

static int
exec_key(const struct cmd_entry *self, const struct cmd_args *a)
{
	const char *out = cmd_opt(a, "out"), *city = cmd_opt(a, "city");
	struct public_key k;
	struct buf text = {0};
	struct actor who;
	struct error err;
	struct store *s;
	char fp[32], *shown;
	int rc = EXIT_DONE;

	if (out != NULL && city != NULL)
		return cmd_usage(self, _("Give --out or --city, not both."));
	s = cmd_open_store(a);
	if (s == NULL)
		return EXIT_REFUSED;
	actor_cli(&who);
	if (cmd_flag(a, "accept-machine")) {
		if (!keys_accept_machine(s, &who, &err))
			rc = cmd_fail("%s", err.text);
		else
			printf("%s\n", _("This machine is now the store's own."));
	} else if (city != NULL) {
		shown = text_visible(city);
		if (store_kind(s) != STORE_CENTER)
			rc = cmd_fail(_("Only a center installs the city's key."));
		else if (!keys_read_file(city, &k, &err))
			rc = cmd_fail("%s", err.text);
		else if (strcmp(k.code, "city") != 0)
			rc = cmd_fail(_("%s is the key of %s, not of the city."), shown, k.code);
		else if (!keys_enrol(s, &who, &k, cmd_flag(a, "replace"), &err))
			rc = cmd_fail("%s", err.text);
		else {
			keys_fingerprint(&k, fp);
			printf(_("Installed the city's key %s.\n"), fp);
		}
		free(shown);
	} else if (!keys_own(s, &k, &err)) {
		rc = cmd_fail("%s", err.text);
	} else {
		keys_fingerprint(&k, fp);
		if (out != NULL) {
			keys_write_file(&k, &text);
			if (!write_text(out, buf_str(&text)))
				rc = EXIT_REFUSED;
		}
		if (rc == EXIT_DONE)
			printf("%s %s %s\n", k.code, _("fingerprint"), fp);
		buf_free(&text);
	}
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_key_entry = {
	.name = "key",
	.synopsis = "--db FILE [--out FILE | --city FILE [--replace] | --accept-machine]",
	.summary = N_("Show this store's key fingerprint, write its public key, or install the "
	    "city's."),
	.opts = key_opts,
	.exec = exec_key,
};

static const struct cmd_opt center_opts[] = {
	{"db", "FILE", N_("the city's store")},
	{"code", "CODE", N_("the center's code, as in its key file")},
	{"name", "NAME", N_("the center's name")},
	{"key", "FILE", N_("the center's public key file")},
	{"replace", NULL, N_("replace a different key already enrolled")},
	{NULL, NULL, NULL},
};

static int
exec_center_add(const struct cmd_entry *self, const struct cmd_args *a)
{
	const char *code = cmd_opt(a, "code"), *name = cmd_opt(a, "name"), *key = cmd_opt(a, "key");
	struct public_key k;
	struct actor who;
	struct error err;
	struct store *s;
	char fp[32];
	int rc = EXIT_DONE;

	if (code == NULL || name == NULL || key == NULL)
		return cmd_usage(self, _("--code, --name and --key are required."));
	if (!keys_read_file(key, &k, &err))
		return cmd_fail("%s", err.text);
	/* The code and the file's name as typed may hold anything. */
	if (strcmp(k.code, code) != 0) {
		char *shown_key = text_visible(key), *shown_code = text_visible(code);

		rc = cmd_fail(_("%s is the key of %s, not of %s."), shown_key, k.code, shown_code);
		free(shown_key);
		free(shown_code);
		return rc;
	}
	snprintf(k.name, sizeof k.name, "%s", name);
	s = cmd_open_store(a);
	if (s == NULL)
		return EXIT_REFUSED;
	actor_cli(&who);
	if (store_kind(s) != STORE_CITY)
		rc = cmd_fail(_("Centers are enrolled at city hall's store."));
	else if (!keys_enrol(s, &who, &k, cmd_flag(a, "replace"), &err))
		rc = cmd_fail("%s", err.text);
	else {
		char *shown_name = text_visible(name);

		keys_fingerprint(&k, fp);
		printf(_("Enrolled %s (%s), key %s.\n"), code, shown_name, fp);
		free(shown_name);
	}
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_center_add_entry = {
	.name = "center add",
	.synopsis = "--db CITY --code CODE --name NAME --key FILE [--replace]",
	.summary = N_("(city) Enrol a center's public key."),
	.opts = center_opts,
	.exec = exec_center_add,
};

static const struct cmd_opt center_list_opts[] = {
	{"db", "FILE", N_("the city's store")},
	{NULL, NULL, NULL},
};

struct center_lines {
	struct buf line;
};

static void
print_center(void *ctx, const struct synclog_center *c)
{
	struct center_lines *l = ctx;
	char *code = text_visible(c->code), *name = text_visible(c->name);
	char *file = text_visible(c->heard ? synclog_basename(c->last.file) : "");

	buf_reset(&l->line);
	text_pad(&l->line, code, 12, false);
	buf_addc(&l->line, ' ');
	text_pad(&l->line, name, 20, false);
	buf_printf(&l->line, " %.10s %6ld  %s%s", c->heard ? c->last.at : "-",
	    c->heard ? c->last.rows : 0, file, c->late ? _("  not heard from in 35 days") : "");
	printf("%s\n", buf_str(&l->line));
	free(code);
	free(name);
	free(file);
}

static int
exec_center_list(const struct cmd_entry *self, const struct cmd_args *a)
{
	struct store *s = cmd_open_store(a);
	struct center_lines l = {{0}};
	struct error err;
	int rc = EXIT_DONE;

	(void)self;
	if (s == NULL)
		return EXIT_REFUSED;
	if (synclog_centers(s, date_today(), print_center, &l, &err) < 0)
		rc = cmd_fail("%s", _("Cannot read the enrolled centers."));
	buf_free(&l.line);
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_center_list_entry = {
	.name = "center list",
	.synopsis = "--db CITY",
	.summary = N_("(city) Each enrolled center's last file, flagged after 35 days of silence."),
	.opts = center_list_opts,
	.exec = exec_center_list,
};

static void
show_progress(void *ctx, const char *what, long done, long total)
{
	int width = 30, filled = total > 0 ? (int)(done * width / total) : width, i;

	(void)ctx;
	fprintf(stderr, "\r[");
	for (i = 0; i < width; i++)
		fputc(i < filled ? '#' : '.', stderr);
	fprintf(stderr, "] %-40.40s", what);
	if (done >= total)
		fputc('\n', stderr);
	fflush(stderr);
}

static const struct cmd_opt export_opts[] = {
	{"db", "FILE", N_("the store")},
	{"out", "DIR", N_("the folder to write to (the USB stick)")},
	{"center", "CODE", N_("(city) only the file for this center")},
	{NULL, NULL, NULL},
};

/* Each enrolled center's code, NUL-separated, into a buf. */
static void
collect_code(void *ctx, const struct synclog_center *c)
{
	buf_add(ctx, c->code, strlen(c->code) + 1);
}

static int
exec_export(const struct cmd_entry *self, const struct cmd_args *a)
{
	const char *dir = cmd_opt(a, "out"), *center = cmd_opt(a, "center");
	struct sync_progress p = { isatty(STDERR_FILENO) ? show_progress : NULL, NULL };
	char path[PATH_MAX];
	struct actor who;
	struct error err;
	struct store *s;
	struct buf codes = {0};
	size_t off;
	int rc = EXIT_DONE, n = 0;

	if (dir == NULL)
		return cmd_usage(self, _("--out is required."));
	s = cmd_open_store(a);
	if (s == NULL)
		return EXIT_REFUSED;
	actor_cli(&who);
	if (store_kind(s) == STORE_CENTER) {
		if (center != NULL)
			rc = cmd_usage(self, _("--center is for city hall's store."));
		else if (!sync_export(s, &who, "city", dir, path, &p, &err))
			rc = cmd_fail("%s", err.text);
		else
			printf("%s\n", path);
		store_close(s);
		return rc;
	}
	/* The codes first: an export attaches a database, which SQLite refuses
	 * while a statement on the connection is still running. */
	if (synclog_centers(s, date_today(), collect_code, &codes, &err) < 0) {
		store_close(s);
		return cmd_fail("%s", _("Cannot read the enrolled centers."));
	}
	for (off = 0; off < codes.len; off += strlen(codes.data + off) + 1) {
		if (center != NULL && strcmp(center, codes.data + off) != 0)
			continue;
		n++;
		if (!sync_export(s, &who, codes.data + off, dir, path, &p, &err))
			rc = cmd_fail("%s: %s", codes.data + off, err.text);
		else
			printf("%s\n", path);
	}
	buf_free(&codes);
	store_close(s);
	if (n == 0 && center != NULL) {
		char *shown = text_visible(center);

		rc = cmd_fail(_("No center %s is enrolled."), shown);
		free(shown);
		return rc;
	}
	if (n == 0)
		return cmd_fail("%s", _("No center is enrolled yet (kyodo center add)."));
	return rc;
}

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.synopsis = "--db FILE --out DIR [--center CODE]",
	.summary = N_("Write the file(s) for the other side to a folder (the USB stick)."),
	.opts = export_opts,
	.exec = exec_export,
};

static const struct cmd_opt import_opts[] = {
	{"db", "FILE", N_("the store")},
	{NULL, NULL, NULL},
};

static void
print_result(const char *path, const struct sync_result *r)
{
	char *shown = text_visible(path);
	int i;

	if (r->stale) {
		printf(_("%s: from %s: not newer than the file already taken from %s (made "
		    "%.4s-%.2s-%.2s %.2s:%.2s UTC); nothing changed.\n"), shown, r->sender, r->sender,
		    r->last_taken, r->last_taken + 4, r->last_taken + 6, r->last_taken + 9,
		    r->last_taken + 11);
		free(shown);
		return;
	}
	printf(_("%s: from %s: %ld new, %ld updated, %ld unchanged"), shown, r->sender, r->added,
	    r->updated, r->unchanged);
	if (r->removed > 0)
		printf(_(", %ld no longer held by the city"), r->removed);
	if (r->added + r->updated + r->removed == 0)
		printf(" (%s)", _("nothing new"));
	for (i = 0; i < r->ntables; i++)
		if (r->t[i].added + r->t[i].updated > 0)
			printf("; %s +%ld ~%ld", r->t[i].table, r->t[i].added, r->t[i].updated);
	printf("\n");
	free(shown);
}

static int
exec_import(const struct cmd_entry *self, const struct cmd_args *a)
{
	struct sync_progress p = { isatty(STDERR_FILENO) ? show_progress : NULL, NULL };
	struct sync_result *res;
	struct error *errs;
	struct actor who;
	bool *ok;
	struct store *s;
	int i, rc = EXIT_DONE;

	(void)self;
	s = cmd_open_store(a);
	if (s == NULL)
		return EXIT_REFUSED;
	actor_cli(&who);
	/* City hall imports every center's full snapshot at once: rows keyed by
	 * random ids land all over the tables, so give SQLite room to keep the
	 * pages it is working on (a command, not the kiosk, whose memory stays
	 * small). */
	store_cache_kib(s, 262144);
	res = xcalloc((size_t)a->npos, sizeof *res);
	ok = xcalloc((size_t)a->npos, sizeof *ok);
	errs = xcalloc((size_t)a->npos, sizeof *errs);
	sync_import_files(s, &who, a->pos, a->npos, res, ok, errs, &p);
	for (i = 0; i < a->npos; i++) {
		if (ok[i])
			print_result(a->pos[i], &res[i]);
		else {
			char *shown = text_visible(a->pos[i]);

			fprintf(stderr, _("kyodo: %s: refused: %s\n"), shown, errs[i].text);
			free(shown);
			rc = EXIT_REFUSED;
		}
	}
	free(res);
	free(ok);
	free(errs);
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.synopsis = "--db FILE BUNDLE...",
	.summary = N_("Check and apply files from the other side; one result line per file."),
	.opts = import_opts,
	.min_pos = 1,
	.max_pos = CMD_MAX_ARGS,
	.exec = exec_import,
};
