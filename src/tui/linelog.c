/* linelog — see linelog.h. */
#include "linelog.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/buf.h"
#include "draw.h"

void
linelog_clear(struct linelog *l)
{
	int i;

	for (i = 0; i < l->n; i++)
		free(l->lines[i].text);
	free(l->lines);
	l->lines = NULL;
	l->n = 0;
}

/* fmt's text, as long as it comes out; caller frees. */
static char *
format(const char *fmt, va_list ap)
{
	va_list again;
	char *text;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (n < 0)
		return xstrdup("");
	text = xmalloc((size_t)n + 1);
	vsnprintf(text, (size_t)n + 1, fmt, ap);
	return text;
}

void
linelog_add(struct linelog *l, enum tui_attr attr, const char *fmt, ...)
{
	va_list ap;

	l->lines = xreallocarray(l->lines, (size_t)(l->n + 1), sizeof *l->lines);
	va_start(ap, fmt);
	l->lines[l->n].text = format(fmt, ap);
	va_end(ap);
	l->lines[l->n].attr = attr;
	l->n++;
}

int
linelog_rows(const struct linelog *l, int width)
{
	int i, rows = 0;

	for (i = 0; i < l->n; i++)
		rows += draw_wrap_rows(l->lines[i].text, width);
	return rows;
}

int
linelog_draw(const struct linelog *l, int y, int end, int x, int width, int skip)
{
	int i, rows;

	for (i = 0; i < l->n && y < end; i++) {
		rows = draw_wrap_rows(l->lines[i].text, width);
		if (skip >= rows) {
			skip -= rows;
			continue;
		}
		y = draw_wrap(y, end, x, width, l->lines[i].text, skip, l->lines[i].attr);
		skip = 0;
	}
	return y;
}
