/* recordlist — see recordlist.h. */
#include "recordlist.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/text.h"
#include "tui/draw.h"
#include "tui/fmt.h"

#define MIN_TITLE 12

/* Columns of a date cell ("11-28(土)", "11-28 Sat"): the same for every
 * day in a language. */
int
recordlist_date_width(void)
{
	char buf[64];

	fmt_date_short("2026-11-28", buf, sizeof buf);
	return text_width(buf);
}

int
recordlist_layout(const struct kind *k, int width, struct recordlist_column *cols)
{
	int base[RECORD_MAX_FIELDS], n = 0, total = 0, i, title = -1, w, lw;

	for (i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];

		if (f->width == 0)
			continue;
		base[n] = f->type == FIELD_DATE ? recordlist_date_width() : f->width;
		lw = text_width(field_label(f));
		if (f->type == FIELD_CHOICE)
			for (w = 0; f->choices[w].code != NULL; w++)
				if (text_width(_(f->choices[w].label)) > lw)
					lw = text_width(_(f->choices[w].label));
		w = lw > base[n] ? lw : base[n];
		cols[n].field = i;
		cols[n].width = w;
		cols[n].right = f->type == FIELD_YEN || f->type == FIELD_COUNT;
		if (i == kind_title(k))
			title = n;
		total += w + (n > 0);
		n++;
	}
	for (i = n - 1; i >= 0 && total > width; i--) {
		int cut = cols[i].width - base[i];

		if (cut > total - width)
			cut = total - width;
		cols[i].width -= cut;
		total -= cut;
	}
	if (total > width && title >= 0) {
		int cut = total - width, room = cols[title].width - MIN_TITLE;

		if (cut > room)
			cut = room > 0 ? room : 0;
		cols[title].width -= cut;
		total -= cut;
	}
	while (total > width && n > 1 && n - 1 != title) {
		total -= cols[n - 1].width + 1;
		n--;
	}
	if (total < width && title >= 0)
		cols[title].width += width - total;
	return n;
}

void
recordlist_cell(const struct field *f, const char *v, char *out, size_t size)
{
	if (v == NULL)
		out[0] = '\0';
	else if (f->type == FIELD_DATE)
		fmt_date_short(v, out, size);
	else if (f->type == FIELD_CHOICE)
		snprintf(out, size, "%s", field_choice_label(f, v));
	else if (f->type == FIELD_YEN)
		fmt_yen(strtoll(v, NULL, 10), out, size);
	else
		snprintf(out, size, "%s", v);
}

void
recordlist_draw_heading(int y, const struct kind *k, const struct recordlist_column *cols,
    int n)
{
	int j, x;

	for (j = 0, x = 1; j < n; x += cols[j].width + 1, j++)
		draw_pad(y, x, cols[j].width, field_label(&k->fields[cols[j].field]),
		    cols[j].right, ATTR_HEADER);
}

void
recordlist_draw_row(int y, const struct record *rec, const struct recordlist_column *cols,
    int n, bool selected)
{
	enum tui_attr at = selected ? ATTR_SELECTED : ATTR_NORMAL;
	char buf[512];
	int j, x;

	if (selected)
		draw_fill(y, 0, COLS, at);
	for (j = 0, x = 1; j < n; x += cols[j].width + 1, j++) {
		recordlist_cell(&rec->kind->fields[cols[j].field], rec->value[cols[j].field], buf,
		    sizeof buf);
		/* The selected row was filled above. */
		draw_pad_on_blank(y, x, cols[j].width, buf, cols[j].right, at, selected);
	}
}

int
recordlist_filter_key(struct lineedit *filter, struct key k, bool arrows)
{
	if (k.code && k.ch != KEY_BACKSPACE && !(arrows && (k.ch == KEY_LEFT || k.ch == KEY_RIGHT)))
		return 0;
	if (!k.code && k.ch < 0x20 && k.ch != 8)
		return 0;
	if (lineedit_key(filter, k.ch, k.code) != LINEEDIT_CHANGED)
		return RECORDLIST_TAKEN;
	return RECORDLIST_FILTERED;
}

bool
recordlist_delete(struct app *a, const struct kind *k, const char *uuid, struct buf *summary)
{
	struct record rec;
	struct error err;
	bool ok;

	if (!record_get(app_store(a), k, uuid, &rec, &err)) {
		app_error(a, "%s", err.text);
		return false;
	}
	ok = record_delete(app_store(a), app_actor(a), &rec, &err);
	if (!ok)
		app_error(a, "%s", err.text);
	else if (summary != NULL)
		record_summary(&rec, summary);
	record_free(&rec);
	return ok;
}
