/* kyodo import-csv KIND — records from a CSV file (an Excel ledger, or the
 * output of `kyodo list KIND --format csv`), checked as the kiosk's form
 * checks them.  The file is read whole and decoded to UTF-8 here; the
 * reading of rows and every decision are core/csvin's.  Refused rows are
 * listed on stderr with their line; the count goes to stdout. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "domain/csvin.h"
#include "base/enc.h"
#include "base/i18n.h"
#include "base/text.h"
#include "kindhelp.h"

static const struct cmd_opt opts[] = {
	{"db", "FILE", N_("the store")},
	{"encoding", "ENC", N_("the file's encoding: utf-8 (default; a BOM is fine) or cp932 (Excel)")},
	{"skip-bad", NULL, N_("import the good rows and list the refused ones, instead of "
	    "refusing the whole file")},
	{NULL, NULL, NULL},
};

/* Reads the whole file into out; false with one sentence printed. */
static bool
read_file(const char *path, struct buf *out)
{
	char block[65536];
	struct stat st;
	ssize_t got;
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		cmd_fail(_("Cannot read %s: %s."), path, strerror(errno));
		return false;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		cmd_fail(_("Cannot read %s: it is a folder, not a file."), path);
		close(fd);
		return false;
	}
	for (;;) {
		got = read(fd, block, sizeof block);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		buf_add(out, block, (size_t)got);
	}
	if (got < 0) {
		cmd_fail(_("Cannot read %s: %s."), path, strerror(errno));
		close(fd);
		return false;
	}
	close(fd);
	return true;
}

/* One line per refused row; the text may quote what the file held, so it
 * is made safe for the terminal. */
static void
print_problems(const struct csvin_result *res)
{
	char *shown;
	size_t i;

	for (i = 0; i < res->nproblems; i++) {
		shown = text_visible(res->problem[i].text);
		fprintf(stderr, "kyodo: ");
		fprintf(stderr, _("Line %zu: %s"), res->problem[i].line, shown);
		fputc('\n', stderr);
		free(shown);
	}
	if (res->bad > res->nproblems)
		fprintf(stderr, P_("kyodo: … and %zu more refused row.\n",
		    "kyodo: … and %zu more refused rows.\n",
		    (unsigned long)(res->bad - res->nproblems)), res->bad - res->nproblems);
}

static int
exec_import_csv(const struct cmd_entry *self, const struct cmd_args *a)
{
	const struct kind *k = kindhelp_kind(self, a->pos[0]);
	const char *encname = cmd_opt(a, "encoding");
	enum encoding enc = ENC_UTF8;
	struct buf raw = {0}, text = {0};
	struct csvin_result *res;
	struct actor who;
	struct error err;
	struct store *s;
	bool ok;

	if (k == NULL)
		return EXIT_USAGE;
	if (a->npos < 2)
		return cmd_usage(self, _("Give the CSV file to import."));
	if (encname != NULL && !encoding_parse(encname, &enc))
		return cmd_usage(self, _("--encoding is utf-8 or cp932."));
	if (!read_file(a->pos[1], &raw)) {
		buf_free(&raw);
		return EXIT_REFUSED;
	}
	ok = decode_to_utf8(enc, raw.data != NULL ? raw.data : "", raw.len, &text, &err);
	buf_free(&raw);
	if (!ok) {
		buf_free(&text);
		return cmd_fail("%s: %s", a->pos[1], err.text);
	}
	s = cmd_open_store(a);
	if (s == NULL) {
		buf_free(&text);
		return EXIT_REFUSED;
	}
	actor_cli(&who);
	res = xmalloc(sizeof *res);
	ok = csvin_import(s, &who, k, buf_str(&text), text.len, cmd_flag(a, "skip-bad"), res,
	    &err);
	buf_free(&text);
	store_close(s);
	print_problems(res);
	if (!ok) {
		free(res);
		return cmd_fail("%s: %s", a->pos[1], err.text);
	}
	printf(P_("Imported %zu row; skipped %zu.\n", "Imported %zu rows; skipped %zu.\n",
	    (unsigned long)res->imported), res->imported, res->bad);
	free(res);
	return EXIT_DONE;
}

const struct cmd_entry cmd_import_csv_entry = {
	.name = "import-csv",
	.synopsis = "KIND --db FILE [--encoding utf-8|cp932] [--skip-bad] FILE",
	.summary = N_("Import records from a CSV file with a header row naming the fields; "
	    "every row is checked as in the kiosk's form."),
	.opts = opts,
	.min_pos = 1,
	.max_pos = 2,
	.exec = exec_import_csv,
	.more_help = kindhelp_print,
};
