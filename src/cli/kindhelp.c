/* kindhelp — see kindhelp.h. */
#include "kindhelp.h"

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"

/* What a field takes, for the line after its label. */
static const char *
type_hint(const struct field *f, char *out, size_t size)
{
	switch (f->type) {
	case FIELD_DATE: return "YYYY-MM-DD";
	case FIELD_TIME: return "HH:MM";
	case FIELD_YEN: return _("yen");
	case FIELD_COUNT: return _("number");
	case FIELD_CHOICE: return _("one of");
	case FIELD_REF:
		if (strcmp(f->ref, "room") == 0)
			return _("name of a room");
		snprintf(out, size, _("title or id of: %s"), kind_label(kind_find(f->ref)));
		return out;
	case FIELD_TEXT:
	case FIELD_NOTE: break;
	}
	return _("text");
}

static void
print_fields(const struct kind *k)
{
	const struct choice *c;
	struct buf line = {0};
	char left[64], hint[128];
	int i, w = 18;

	/* The option column fits the longest field name, so every name can be
	 * read and typed as shown. */
	for (i = 0; i < k->nfields; i++)
		if ((int)strlen(k->fields[i].name) + 5 > w)
			w = (int)strlen(k->fields[i].name) + 5;
	printf("\n%s (%s):\n", _("Fields"), kind_label(k));
	for (i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];

		buf_reset(&line);
		kindhelp_option(f->name, left, sizeof left);
		text_pad(&line, left, w, false);
		text_pad(&line, field_label(f), 16, false);
		buf_printf(&line, " %s%s", type_hint(f, hint, sizeof hint),
		    f->required ? _(", required") : "");
		if (f->choices != NULL)
			for (c = f->choices; c->code != NULL; c++)
				buf_printf(&line, "%s%s", c == f->choices ? ": " : " | ", c->code);
		printf("%s\n", buf_str(&line));
	}
	buf_free(&line);
}

int
kindhelp_print(const struct cmd_entry *self, const struct cmd_args *a)
{
	const struct kind *const *k;
	const struct kind *one;

	if (a->npos > 0) {
		if ((one = kindhelp_kind(self, a->pos[0])) == NULL)
			return EXIT_USAGE;
		print_fields(one);
		return EXIT_DONE;
	}
	printf("\n%s:", _("Kinds"));
	for (k = kind_all(); *k != NULL; k++)
		printf(" %s", (*k)->name);
	printf("\n%s\n", _("Give a kind before --help to see its fields."));
	return EXIT_DONE;
}

void
kindhelp_option(const char *field, char *out, size_t size)
{
	size_t i;

	snprintf(out, size, "  --%s", field);
	for (i = 0; out[i] != '\0'; i++)
		if (out[i] == '_')
			out[i] = '-';
}

const struct kind *
kindhelp_kind(const struct cmd_entry *self, const char *name)
{
	const struct kind *k = kind_find(name);
	const struct kind *const *all;
	char list[256];
	size_t len = 0;

	if (k != NULL)
		return k;
	list[0] = '\0';
	for (all = kind_all(); *all != NULL && len < sizeof list; all++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
		    all == kind_all() ? "" : ", ", (*all)->name);
	cmd_usage(self, _("Unknown kind \"%s\"; kinds are: %s."), name, list);
	return NULL;
}
