/* kyodo list KIND — records as an aligned table or as CSV for Excel. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "base/csv.h"
#include "base/date.h"
#include "base/enc.h"
#include "base/i18n.h"
#include "domain/ics.h"
#include "domain/search.h"
#include "base/text.h"
#include "kindhelp.h"
#include "sheet/listsheet.h"
#include "xlsxout.h"

static const struct cmd_opt opts[] = {
	{"db", "FILE", N_("the store")},
	{"month", "YYYY-MM", N_("only this month")},
	{"format", "FORMAT", N_("text (default), csv, xlsx (an Excel workbook, with --out), or "
	    "for bookings ics (iCalendar)")},
	{"room", "NAME", N_("only the records of this room")},
	{"center", "CODE", N_("(city) only the records of this center")},
	{"encoding", "ENC", N_("csv: utf-8 (default), utf-8-bom or cp932 (Excel)")},
	{"deleted", NULL, N_("include deleted records (marked)")},
	{"search", "TEXT", N_("records of every month holding each word of TEXT in a text field, "
	    "newest first (katakana, hiragana and full-width letters alike), at most 200")},
	{"out", "FILE", N_("xlsx: the new file to write (never over a file or through a link)")},
	{NULL, NULL, NULL},
};

#define ID_WIDTH 8

struct listing {
	const struct kind *k;
	bool csv, ics;
	char stamp[21];
	struct encoder *enc;
	struct buf out;		/* encoded output, flushed in blocks */
	struct buf row;
	const char *center;	/* city hall: only this origin's rows */
	size_t lost;		/* characters written as 〓 */
	bool failed;
};

static const char *
shown_value(const struct field *f, const char *v)
{
	if (v == NULL)
		return "";
	return f->type == FIELD_CHOICE ? field_choice_label(f, v) : v;
}

static void
emit(struct listing *l, const struct record *r)
{
	size_t lost = encoder_convert(l->enc, buf_str(&l->row), l->row.len, &l->out);
	struct buf sum = {0};

	if (lost > 0 && r != NULL) {
		char *shown;

		record_summary(r, &sum);
		shown = text_visible(buf_str(&sum));
		buf_reset(&sum);
		buf_adds(&sum, shown);
		free(shown);
		fprintf(stderr, P_("kyodo: warning: %s %.8s (%s): %zu character cannot be "
		    "written in this encoding; written as 〓.\n", "kyodo: warning: %s %.8s (%s): "
		    "%zu characters cannot be written in this encoding; written as 〓.\n", lost),
		    l->k->name, r->uuid, buf_str(&sum), lost);
		buf_free(&sum);
	}
	l->lost += lost;
	buf_reset(&l->row);
	if (l->out.len >= 65536) {
		l->failed |= !cmd_write_out(l->out.data, l->out.len);
		buf_reset(&l->out);
	}
}

/* A column is as wide as its field's list width or its label, whichever
 * is wider, so headings are never cut. */
static int
column_width(const struct field *f)
{
	int w = text_width(field_label(f));

	return w > f->width ? w : f->width;
}

static void
header(struct listing *l)
{
	const struct kind *k = l->k;
	int i;

	if (l->ics) {
		return;
	} else if (l->csv) {
		csv_field(&l->row, "id", true);
		for (i = 0; i < k->nfields; i++)
			csv_field(&l->row, k->fields[i].name, false);
		csv_end_row(&l->row);
	} else {
		text_pad(&l->row, "ID", ID_WIDTH, false);
		for (i = 0; i < k->nfields; i++) {
			if (k->fields[i].width == 0)
				continue;
			buf_addc(&l->row, ' ');
			text_pad(&l->row, field_label(&k->fields[i]), column_width(&k->fields[i]),
			    k->fields[i].type == FIELD_YEN || k->fields[i].type == FIELD_COUNT);
		}
		while (l->row.len > 0 && l->row.data[l->row.len - 1] == ' ')
			l->row.data[--l->row.len] = '\0';
		buf_addc(&l->row, '\n');
	}
	emit(l, NULL);
}

static bool
each_row(void *ctx, const struct record *r)
{
	struct listing *l = ctx;
	const struct kind *k = l->k;
	int i;

	if (l->center != NULL && strcmp(r->origin, l->center) != 0)
		return true;
	if (l->ics) {
		ics_booking(&l->row, r, l->stamp);
	} else if (l->csv) {
		csv_field(&l->row, r->uuid, true);
		for (i = 0; i < k->nfields; i++)
			csv_field(&l->row, r->value[i], false);
		csv_end_row(&l->row);
	} else {
		buf_printf(&l->row, "%.*s", ID_WIDTH, r->uuid);
		for (i = 0; i < k->nfields; i++) {
			const struct field *f = &k->fields[i];

			if (f->width == 0)
				continue;
			buf_addc(&l->row, ' ');
			text_pad(&l->row, shown_value(f, r->value[i]), column_width(f),
			    f->type == FIELD_YEN || f->type == FIELD_COUNT);
		}
		if (r->deleted)
			buf_printf(&l->row, " [%s]", _("deleted"));
		/* Trailing blanks help nobody reading the output. */
		while (l->row.len > 0 && l->row.data[l->row.len - 1] == ' ')
			l->row.data[--l->row.len] = '\0';
		buf_addc(&l->row, '\n');
	}
	emit(l, r);
	return !l->failed;
}

/* The records that hold every word of text, newest first, at most
 * SEARCH_LIMIT; how many more match is said on stderr, so the output stays
 * a table or a CSV file.  Returns the rows written, -1 with err. */
static long
list_search(struct store *s, struct listing *l, const char *text, const struct record_query *q,
    struct error *err)
{
	struct record_rows rows = {0};
	long total, n = 0;
	int i;

	if (!search_records(s, l->k, text, q->year, q->month, SEARCH_LIMIT, &rows, &total, err)) {
		record_rows_free(&rows);
		return -1;
	}
	for (i = 0; i < rows.n && each_row(l, &rows.rows[i]); i++)
		n++;
	if (total > rows.n)
		fprintf(stderr, P_("kyodo: %ld more record matches; add a word or --month to "
		    "narrow the search.\n", "kyodo: %ld more records match; add a word or --month "
		    "to narrow the search.\n", (unsigned long)(total - rows.n)), total - rows.n);
	record_rows_free(&rows);
	return n;
}

/* The records as a workbook at out (listsheet.h); the month and the room
 * follow the kind in its title. */
static int
list_xlsx(const struct cmd_entry *self, const struct cmd_args *a, const struct kind *k,
    const struct record_query *q, const char *month, const char *out)
{
	const char *center = cmd_opt(a, "center"), *room = cmd_opt(a, "room");
	struct error err;
	char extra[256], era[64];
	struct store *s;
	bool ok;
	int rc;

	if ((s = cmd_open_store_for_center(self, a, &rc)) == NULL)
		return rc;
	extra[0] = '\0';
	if (month != NULL) {
		era_format_month(q->year, q->month, i18n_lang() == LANG_JA ? ERA_JA : ERA_EN, era,
		    sizeof era);
		snprintf(extra, sizeof extra, "%s", era);
	}
	if (room != NULL)
		snprintf(extra + strlen(extra), sizeof extra - strlen(extra), "%s%s",
		    extra[0] != '\0' ? "  " : "", room);
	ok = listsheet_write(s, k, q, center, extra[0] != '\0' ? extra : NULL, out, &err);
	store_close(s);
	return xlsxout_done(ok, &err);
}

static int
exec_list(const struct cmd_entry *self, const struct cmd_args *a)
{
	const struct kind *k = kindhelp_kind(self, a->pos[0]);
	const char *format = cmd_opt(a, "format"), *month = cmd_opt(a, "month");
	const char *encname = cmd_opt(a, "encoding"), *search = cmd_opt(a, "search"), *out;
	struct record_query q = {0};
	struct listing l = {0};
	enum encoding enc = ENC_UTF8;
	struct error err;
	struct store *s;
	long n;
	int rc;
	bool xlsx;

	if (k == NULL)
		return EXIT_USAGE;
	l.k = k;
	xlsx = xlsxout_wanted(self, a, &out, &rc);
	if (!xlsx && rc >= 0)
		return rc;
	if (xlsx)
		format = NULL;
	if (format != NULL && strcmp(format, "csv") != 0 && strcmp(format, "text") != 0 &&
	    strcmp(format, "ics") != 0)
		return cmd_usage(self, _("--format is text, csv, xlsx or ics."));
	l.csv = format != NULL && strcmp(format, "csv") == 0;
	l.ics = format != NULL && strcmp(format, "ics") == 0;
	if (l.ics && strcmp(k->name, "booking") != 0)
		return cmd_usage(self, _("--format ics is for bookings."));
	if (cmd_opt(a, "room") != NULL) {
		if (kind_field(k, "room") < 0)
			return cmd_usage(self, _("A %s has no room."), k->name);
		q.eq_field = "room";
		q.eq_value = cmd_opt(a, "room");
	}
	if (month != NULL && !kind_dated(k))
		return cmd_usage(self, _("--month goes with kinds that have a date."));
	if (encname != NULL && !encoding_parse(encname, &enc))
		return cmd_usage(self, _("--encoding is utf-8, utf-8-bom or cp932."));
	if (encname != NULL && !l.csv)
		return cmd_usage(self, _("--encoding goes with --format csv."));
	if (month != NULL && !date_parse_month(month, &q.year, &q.month))
		return cmd_usage(self, _("--month takes YYYY-MM, e.g. 2026-04."));
	q.with_deleted = cmd_flag(a, "deleted");
	if (search != NULL && !search_has_words(search))
		return cmd_usage(self, _("--search needs a word to look for."));
	if (search != NULL && (q.with_deleted || q.eq_field != NULL || cmd_opt(a, "center")))
		return cmd_usage(self, _("--search goes with --month, --format and --encoding only."));
	if (search != NULL && xlsx)
		return cmd_usage(self, _("--search goes with --format text, csv or ics."));
	if (xlsx)
		return list_xlsx(self, a, k, &q, month, out);
	l.enc = encoder_new(enc, &err);
	if (l.enc == NULL)
		return cmd_fail("%s", err.text);
	s = cmd_open_store_for_center(self, a, &rc);
	if (s == NULL) {
		encoder_free(l.enc);
		return rc;
	}
	l.center = cmd_opt(a, "center");
	encoder_start(l.enc, &l.out);
	if (l.ics) {
		date_now_utc(l.stamp);
		ics_begin(&l.row, store_name(s));
		emit(&l, NULL);
	}
	header(&l);
	if (search != NULL)
		n = list_search(s, &l, search, &q, &err);
	else
		n = record_list(s, k, &q, each_row, &l, &err);
	if (n >= 0 && l.ics) {
		ics_end(&l.row);
		emit(&l, NULL);
	}
	if (n >= 0 && !l.failed && l.out.len > 0)
		l.failed = !cmd_write_out(l.out.data, l.out.len);
	buf_free(&l.out);
	buf_free(&l.row);
	encoder_free(l.enc);
	store_close(s);
	if (n < 0)
		return cmd_fail("%s", err.text);
	return l.failed ? EXIT_REFUSED : EXIT_DONE;
}

const struct cmd_entry cmd_list_entry = {
	.name = "list",
	.synopsis = "KIND --db FILE [--month YYYY-MM] [--room NAME] [--center CODE] "
	    "[--format text|csv|xlsx|ics] [--encoding ENC] [--out FILE] [--search TEXT]",
	.summary = N_("List records by date. CSV has a header row and each record's id first."),
	.opts = opts,
	.min_pos = 1,
	.max_pos = 1,
	.exec = exec_list,
	.more_help = kindhelp_print,
};
