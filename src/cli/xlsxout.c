/* xlsxout — see xlsxout.h. */
#include "xlsxout.h"

#include <string.h>

#include "base/i18n.h"

bool
xlsxout_wanted(const struct cmd_entry *self, const struct cmd_args *a, const char **out,
    int *rc)
{
	const char *format = cmd_opt(a, "format");
	bool xlsx = format != NULL && strcmp(format, "xlsx") == 0;

	*out = cmd_opt(a, "out");
	*rc = -1;
	if (!xlsx) {
		/* A PDF takes --out too (pdfout.c). */
		if (*out != NULL && (format == NULL || strcmp(format, "pdf") != 0))
			*rc = cmd_usage(self, _("--out goes with --format xlsx or pdf."));
		return false;
	}
	if (*out == NULL || (*out)[0] == '\0')
		*rc = cmd_usage(self, _("--format xlsx writes a file: give its name with --out "
		    "FILE."));
	else if (cmd_opt(a, "encoding") != NULL)
		*rc = cmd_usage(self, _("--encoding goes with --format csv."));
	return *rc < 0;
}

int
xlsxout_done(bool ok, const struct error *err)
{
	return ok ? EXIT_DONE : cmd_fail("%s", err->text);
}

int
xlsxout_write_fy(const struct cmd_args *a, bool (*write)(struct store *s, int fy,
    const char *path, struct error *err), int fy, const char *out)
{
	struct store *s = cmd_open_store(a);
	struct error err;
	bool ok;

	if (s == NULL)
		return EXIT_REFUSED;
	ok = write(s, fy, out, &err);
	store_close(s);
	return xlsxout_done(ok, &err);
}
