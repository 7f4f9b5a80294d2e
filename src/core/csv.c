/* csv — see csv.h. */
#include "csv.h"

#include <string.h>

void
csv_field(struct buf *row, const char *v, bool first)
{
	size_t n;
	const char *p;

	if (!first)
		buf_addc(row, ',');
	if (v == NULL)
		return;
	n = strlen(v);
	if (strpbrk(v, ",\"\r\n") == NULL && (n == 0 || (v[0] != ' ' && v[n - 1] != ' '))) {
		buf_add(row, v, n);
		return;
	}
	buf_addc(row, '"');
	for (p = v; *p != '\0'; p++) {
		if (*p == '"')
			buf_addc(row, '"');
		buf_addc(row, *p);
	}
	buf_addc(row, '"');
}

void
csv_end_row(struct buf *row)
{
	buf_adds(row, "\r\n");
}
