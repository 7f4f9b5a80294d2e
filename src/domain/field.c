/*
 * field — see field.h.  What a person typed for one field, read into
 * canonical text or refused with a sentence naming the field: whole numbers
 * and yen, choices by code or label, dates, times, and text without
 * controls.  Nothing here reads or writes the store.
 */
#include "field.h"

#include <assert.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/date.h"
#include "base/i18n.h"
#include "base/text.h"

const char *
field_label(const struct field *f)
{
	return _(f->label);
}

const char *
field_choice_label(const struct field *f, const char *code)
{
	const struct choice *c;

	if (f->choices == NULL || code == NULL)
		return code;
	for (c = f->choices; c->code != NULL; c++)
		if (strcmp(c->code, code) == 0)
			return _(c->label);
	return code;
}

/* Reads a whole number from folded text: digits with optional thousands
 * commas; for yen also a leading ¥/￥ or a trailing 円.  Sets *negative when
 * a minus sign leads. */
static bool
parse_whole(const char *folded, bool yen, long long max, long long *out, bool *negative)
{
	const char *p = folded;
	long long v = 0;
	int digits = 0;

	*negative = false;
	if (yen && strncmp(p, "\xC2\xA5", 2) == 0)	/* ¥ */
		p += 2;
	else if (yen && strncmp(p, "\xEF\xBF\xA5", 3) == 0)	/* ￥ */
		p += 3;
	if (*p == '-') {
		*negative = true;
		return false;
	}
	for (; *p != '\0'; p++) {
		if (*p == ',' && digits > 0)
			continue;
		if (*p < '0' || *p > '9')
			break;
		if (v > (max - (*p - '0')) / 10)
			return false;
		v = v * 10 + (*p - '0');
		digits++;
	}
	if (yen && strcmp(p, "\xE5\x86\x86") == 0)	/* 円 */
		p += 3;
	if (digits == 0 || *p != '\0')
		return false;
	*out = v;
	return true;
}

static const char *
choice_codes(const struct field *f, char *buf, size_t size)
{
	const struct choice *c;
	size_t len = 0;

	buf[0] = '\0';
	for (c = f->choices; c->code != NULL && len < size; c++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s", c == f->choices ? "" : ", ",
		    c->code);
	return buf;
}

static bool
parse_choice(const struct field *f, const char *in, char **out, struct error *err)
{
	const struct choice *c;
	char codes[256];

	assert(f->choices != NULL);	/* kinds.c gives every choice field its list */
	for (c = f->choices; c->code != NULL; c++) {
		if (strcmp(in, c->code) == 0 || strcmp(in, c->label) == 0 ||
		    strcmp(in, _(c->label)) == 0) {
			*out = xstrdup(c->code);
			return true;
		}
	}
	error_set(err, _("%s: \"%s\" is not one of: %s."), field_label(f), in,
	    choice_codes(f, codes, sizeof codes));
	return false;
}

static bool
parse_number(const struct field *f, const char *in, char **out, struct error *err)
{
	char *folded = text_fold_ascii(in), num[32];
	bool yen = f->type == FIELD_YEN, negative = false, whole;
	long long v = 0;

	whole = parse_whole(folded, yen, f->max, &v, &negative);
	if (!whole || v < f->min) {
		char *shown = text_visible(in);
		/* A number too large is told its range, not that it is no number
		 * (v means nothing when it was not read whole). */
		bool number = (whole && v < f->min) || (!negative &&
		    parse_whole(folded, yen, LLONG_MAX, &v, &negative));

		in = shown;	/* what the person sees of it, in the sentence */
		if (negative && f->min == 0)
			error_set(err, _("%s: %s cannot be negative."), field_label(f), in);
		else if (yen && number)
			error_set(err, _("%s: %s is more than it takes (up to %lld yen)."),
			    field_label(f), in, f->max);
		else if (yen)
			error_set(err, _("%s: \"%s\" is not an amount in whole yen "
			    "(up to %lld)."), field_label(f), in, f->max);
		else if (number || negative)
			error_set(err, _("%s: %s is outside what it takes (%lld to %lld)."),
			    field_label(f), in, f->min, f->max);
		else
			error_set(err, _("%s: \"%s\" is not a whole number (%lld to %lld)."),
			    field_label(f), in, f->min, f->max);
		free(shown);
		free(folded);
		return false;
	}
	free(folded);
	snprintf(num, sizeof num, "%lld", v);
	*out = xstrdup(num);
	return true;
}

/* A fiscal year as the era names it (令和8, R8, 令和8年度, FY2026) or
 * as a number; stored as its Western year, as a number is. */
static bool
parse_fiscal_year(const struct field *f, const char *in, char **out, struct error *err)
{
	char *folded = text_fold_ascii(in), num[16];
	int fy;
	bool digits = folded[0] != '\0' && strspn(folded, "0123456789") == strlen(folded);

	if (digits || !era_parse_fy(folded, &fy)) {
		free(folded);
		if (digits)
			return parse_number(f, in, out, err);
		{
			char *shown = text_visible(in);

			error_set(err, _("%s: \"%s\" is not a fiscal year (for example 令和8, R8 "
			    "or 2026)."), field_label(f), shown);
			free(shown);
		}
		return false;
	}
	free(folded);
	snprintf(num, sizeof num, "%d", fy);
	return parse_number(f, num, out, err);
}

/* Line breaks as kyodo keeps them: "\n", whatever the keyboard or the
 * spreadsheet sent ("\r\n", "\r"). */
static void
unify_breaks(char *t)
{
	char *w = t;

	for (; *t != '\0'; t++) {
		if (*t == '\r') {
			*w++ = '\n';
			if (t[1] == '\n')
				t++;
		} else
			*w++ = *t;
	}
	*w = '\0';
}

bool
field_parse(const struct field *f, const char *input, char **out, struct error *err)
{
	char *t, *shown = NULL, canon[16];
	struct date d;
	int minutes;
	size_t n;
	bool ok = true;

	assert(f != NULL && input != NULL);
	*out = NULL;
	if (!text_is_utf8(input, strlen(input))) {
		error_set(err, _("%s: the text is not valid UTF-8 (a wrong encoding?)."),
		    field_label(f));
		return false;
	}
	t = text_trim(input);
	if (*t == '\0') {
		free(t);
		return true;
	}
	switch (f->type) {
	case FIELD_TEXT:
	case FIELD_NOTE:
	case FIELD_REF:
		if (f->type == FIELD_NOTE)
			unify_breaks(t);
		n = text_chars(t);
		if (f->type != FIELD_NOTE && strpbrk(t, "\r\n") != NULL) {
			error_set(err, _("%s: one line only (no line breaks)."), field_label(f));
			ok = false;
		} else if (text_find_control(t, strlen(t),
		    f->type == FIELD_NOTE ? "\n\t" : "") != NULL) {
			error_set(err, _("%s: holds a control character (an escape, a tab …); "
			    "give it as plain text."), field_label(f));
			ok = false;
		} else if (f->max > 0 && n > (size_t)f->max) {
			error_set(err, _("%s: at most %lld characters (this has %zu)."),
			    field_label(f), f->max, n);
			ok = false;
		} else {
			*out = t;
			t = NULL;
		}
		break;
	case FIELD_DATE:
		if (date_parse(t, &d)) {
			date_format(d, canon);
			*out = xstrdup(canon);
		} else {
			shown = text_visible(t);
			error_set(err, _("%s: \"%s\" is not a valid date "
			    "(expected YYYY-MM-DD, e.g. 2026-04-01)."), field_label(f), shown);
			ok = false;
		}
		break;
	case FIELD_TIME:
		if (time_parse(t, &minutes)) {
			time_format(minutes, canon);
			*out = xstrdup(canon);
		} else {
			shown = text_visible(t);
			error_set(err, _("%s: \"%s\" is not a valid time "
			    "(expected HH:MM, e.g. 09:30)."), field_label(f), shown);
			ok = false;
		}
		break;
	case FIELD_YEN:
	case FIELD_COUNT:
		ok = f->fiscal_year ? parse_fiscal_year(f, t, out, err) :
		    parse_number(f, t, out, err);
		break;
	case FIELD_CHOICE:
		ok = parse_choice(f, t, out, err);
		break;
	}
	free(t);
	free(shown);
	return ok;
}
