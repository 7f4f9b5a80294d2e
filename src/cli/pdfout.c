/* pdfout — see pdfout.h. */
#include "pdfout.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "paper/print.h"

int
pdfout_check(const struct cmd_entry *self, const struct cmd_args *a, bool *pdf)
{
	const char *format = cmd_opt(a, "format"), *out = cmd_opt(a, "out");
	bool print = cmd_flag(a, "print");

	*pdf = format != NULL && strcmp(format, "pdf") == 0;
	/* An Excel workbook takes --out too (xlsxout.c). */
	if (!*pdf && print)
		return cmd_usage(self, _("--print goes with --format pdf."));
	if (!*pdf && out != NULL && (format == NULL || strcmp(format, "xlsx") != 0))
		return cmd_usage(self, _("--out goes with --format xlsx or pdf."));
	if (!*pdf)
		return -1;
	if (out == NULL && !print)
		return cmd_usage(self, _("--format pdf needs --out FILE, --print, or both."));
	if (out != NULL && out[0] == '\0')
		return cmd_usage(self, _("--out takes the name of a new file."));
	if (cmd_opt(a, "encoding") != NULL)
		return cmd_usage(self, _("--encoding goes with --format csv."));
	return -1;
}

int
pdfout_run(const struct cmd_args *a, bool (*make)(void *ctx, const char *path,
    struct error *err), void *ctx)
{
	const char *out = cmd_opt(a, "out");
	char tmp[PATH_MAX], job[128];
	struct error err;
	bool ok;

	if (out != NULL) {
		if (!make(ctx, out, &err))
			return cmd_fail("%s", err.text);
		if (!cmd_flag(a, "print"))
			return EXIT_DONE;
		ok = paper_print(out, job, sizeof job, &err);
	} else {
		if (!paper_print_tmp(tmp, &err))
			return cmd_fail("%s", err.text);
		ok = make(ctx, tmp, &err) && paper_print(tmp, job, sizeof job, &err);
		paper_print_cleanup(tmp);
	}
	if (!ok)
		return cmd_fail("%s", err.text);
	if (job[0] != '\0')
		printf(_("Sent to the printer: job %s.\n"), job);
	else
		printf("%s\n", _("Sent to the printer."));
	if (job[0] != '\0' && paper_print_paused(job))
		fprintf(stderr, "kyodo: %s\n", _("The printer is paused: the document waits and "
		    "prints once the printer is started again; tell whoever looks after it."));
	return EXIT_DONE;
}
