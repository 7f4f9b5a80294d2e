/* money — see money.h. */
#include "money.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

void
money_format(long long yen, char *out, size_t size)
{
	char digits[32], tmp[48];
	unsigned long long v = yen < 0 ? 0ULL - (unsigned long long)yen : (unsigned long long)yen;
	size_t n, i, j = 0;

	snprintf(digits, sizeof digits, "%llu", v);
	n = strlen(digits);
	if (yen < 0)
		tmp[j++] = '-';
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			tmp[j++] = ',';
		tmp[j++] = digits[i];
	}
	tmp[j] = '\0';
	snprintf(out, size, "%s", tmp);
}

void
money_cell(struct buf *b, long long yen, int width)
{
	char t[32];

	buf_addc(b, ' ');
	money_format(yen, t, sizeof t);
	text_pad(b, t, width, true);
}
