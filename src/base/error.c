/* error — see error.h. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>

void
error_set(struct error *err, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof err->text, fmt, ap);
	va_end(ap);
	err->field = -1;
}

void
error_clear(struct error *err)
{
	if (err == NULL)
		return;
	err->text[0] = '\0';
	err->field = -1;
}

void
error_field(struct error *err, int field)
{
	if (err != NULL)
		err->field = field;
}
