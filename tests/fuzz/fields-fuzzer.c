/*
 * fields-fuzzer — every field parser on any bytes: each field type of each
 * kind (dates with and without full-width digits, times, yen, counts,
 * choices, text), the date/time/month parsers (and the day typed to go to
 * it), folding for search and the display-width text
 * functions.  A parser must never crash, leak or return something that is
 * not valid UTF-8 in canonical form.
 */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/fold.h"
#include "base/i18n.h"
#include "domain/record.h"
#include "base/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	i18n_setup("en");
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct kind *const *k;
	struct error err;
	struct date d;
	char *in, *out, *t;
	int i, minutes, y, m;
	size_t fit;

	in = malloc(size + 1);
	if (in == NULL)
		return 0;
	memcpy(in, data, size);
	in[size] = '\0';	/* what a person can type stops at NUL anyway */
	for (k = kind_all(); *k != NULL; k++) {
		for (i = 0; i < (*k)->nfields; i++) {
			out = NULL;
			if (field_parse(&(*k)->fields[i], in, &out, &err) && out != NULL &&
			    !text_is_utf8(out, strlen(out)))
				abort();	/* a stored value must be valid UTF-8 */
			free(out);
		}
	}
	if (date_parse(in, &d) && !date_valid(d.year, d.month, d.day))
		abort();
	if (time_parse(in, &minutes) && (minutes < 0 || minutes >= 24 * 60))
		abort();
	(void)date_parse_month(in, &y, &m);
	if (date_parse_typed(in, &d) && !date_valid(d.year, d.month, d.day))
		abort();
	/* Folding never grows the text; valid UTF-8 stays valid. */
	t = fold_text(in);
	if (strlen(t) > size || (text_is_utf8(in, strlen(in)) && !text_is_utf8(t, strlen(t))))
		abort();
	(void)fold_words_in(in, t);
	free(t);
	t = text_visible(in);
	if (!text_is_utf8(t, strlen(t)))
		abort();
	fit = text_fit(t, 10, NULL);
	if (fit > strlen(t))
		abort();
	free(t);
	t = text_fold_ascii(in);
	free(t);
	t = text_trim(in);
	free(t);
	(void)text_width(in);
	free(in);
	return 0;
}
