/* csv — see csv.h. */
#include "csv.h"

#include <string.h>

/* A cell a spreadsheet reads as a number and nothing else: -?digits(.digits)?.
 * Negative amounts (a grant's remaining money) stay numbers in Excel. */
static bool
plain_number(const char *v)
{
	const char *p = v;

	if (*p == '-')
		p++;
	if (*p < '0' || *p > '9')
		return false;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

bool
csv_guarded(const char *v)
{
	const char *p = v;

	/* Apostrophes in front count too: otherwise '=x written as is would
	 * read back as =x. */
	while (*p == '\'')
		p++;
	return *p != '\0' && strchr("=+-@\t\r", *p) != NULL && !plain_number(p);
}

const char *
csv_unguard(const char *cell)
{
	return cell[0] == '\'' && csv_guarded(cell + 1) ? cell + 1 : cell;
}

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
		if (csv_guarded(v))
			buf_addc(row, '\'');
		buf_add(row, v, n);
		return;
	}
	buf_addc(row, '"');
	if (csv_guarded(v))
		buf_addc(row, '\'');
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
