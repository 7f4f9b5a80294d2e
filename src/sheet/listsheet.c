/* listsheet — see listsheet.h. */
#include "listsheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx.h"
#include "base/i18n.h"

#define HEAD 2
#define ID_WIDTH 8

struct list_out {
	const struct kind *k;
	struct xlsx_sheet *sh;
	const char *center;
	bool deleted;
	int row;
	double *sum;		/* per field */
};

/* Yen and counts are summed, except a count that is a year. */
static bool
summed(const struct field *f)
{
	return f->type == FIELD_YEN || (f->type == FIELD_COUNT && !f->fiscal_year);
}

static bool
each_row(void *ctx, const struct record *r)
{
	struct list_out *o = ctx;
	const struct kind *k = o->k;
	char id[ID_WIDTH + 1];
	int i;

	if (o->center != NULL && strcmp(r->origin, o->center) != 0)
		return true;
	snprintf(id, sizeof id, "%.*s", ID_WIDTH, r->uuid);
	xlsx_text(o->sh, o->row, 0, id, XLSX_TEXT);
	for (i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		const char *v = r->value[i];

		switch (f->type) {
		case FIELD_DATE:
			xlsx_date(o->sh, o->row, 1 + i, v);
			break;
		case FIELD_TIME:
			xlsx_time(o->sh, o->row, 1 + i, v);
			break;
		case FIELD_YEN:
		case FIELD_COUNT:
			if (v != NULL && v[0] != '\0') {
				double n = strtod(v, NULL);

				xlsx_num(o->sh, o->row, 1 + i, n, f->type == FIELD_YEN ? XLSX_YEN :
				    f->fiscal_year ? XLSX_YEAR : XLSX_COUNT);
				o->sum[i] += n;
			}
			break;
		case FIELD_CHOICE:
			if (v != NULL)
				xlsx_text(o->sh, o->row, 1 + i, field_choice_label(f, v), XLSX_TEXT);
			break;
		case FIELD_NOTE:
			xlsx_text(o->sh, o->row, 1 + i, v, XLSX_NOTE);
			break;
		default:
			xlsx_text(o->sh, o->row, 1 + i, v, XLSX_TEXT);
			break;
		}
	}
	if (o->deleted && r->deleted)
		xlsx_text(o->sh, o->row, 1 + k->nfields, _("deleted"), XLSX_TEXT);
	o->row++;
	return true;
}

bool
listsheet_write(struct store *s, const struct kind *k, const struct record_query *q,
    const char *center, const char *title_extra, const char *path, struct error *err)
{
	struct list_out o = {0};
	struct xlsx *x = xlsx_open(path, store_name(s), err);
	char title[256];
	bool any_sum = false;
	long n;
	int i;

	if (x == NULL)
		return false;
	snprintf(title, sizeof title, "%s%s%s", kind_label(k), title_extra != NULL ? "  " : "",
	    title_extra != NULL ? title_extra : "");
	o.k = k;
	o.center = center;
	o.deleted = q->with_deleted;
	o.sh = xlsx_sheet_add(x, kind_label(k), title);
	o.sum = calloc((size_t)k->nfields + 1, sizeof *o.sum);
	if (o.sum == NULL)
		abort();
	xlsx_text(o.sh, HEAD, 0, "ID", XLSX_HEAD);
	for (i = 0; i < k->nfields; i++) {
		xlsx_text(o.sh, HEAD, 1 + i, field_label(&k->fields[i]), XLSX_HEAD);
		any_sum |= summed(&k->fields[i]);
	}
	if (o.deleted)
		xlsx_text(o.sh, HEAD, 1 + k->nfields, _("deleted"), XLSX_HEAD);
	xlsx_head_row(o.sh, HEAD, 1);
	o.row = HEAD + 1;
	n = record_list(s, k, q, each_row, &o, err);
	if (n < 0) {
		free(o.sum);
		xlsx_abort(x);
		return false;
	}
	if (any_sum) {
		xlsx_total_row(o.sh, o.row);
		xlsx_text(o.sh, o.row, 0, _("Total"), XLSX_TEXT);
		for (i = 0; i < k->nfields; i++) {
			const struct field *f = &k->fields[i];

			if (summed(f))
				xlsx_sum(o.sh, o.row, 1 + i, HEAD + 1, 1 + i, o.row - 1, 1 + i,
				    o.sum[i], f->type == FIELD_YEN ? XLSX_YEN : XLSX_COUNT);
			else
				xlsx_text(o.sh, o.row, 1 + i, "", XLSX_TEXT);
		}
	}
	free(o.sum);
	return xlsx_close(x, err);
}
