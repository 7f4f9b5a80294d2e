/* seriesask — see seriesask.h. */
#include "seriesask.h"

#include "base/i18n.h"

void
seriesask_choices(struct buf *out, int before, int after, const char *esc)
{
	int all = before + after + 1;

	buf_adds(out, _("1: this date only"));
	buf_adds(out, "   ");
	buf_printf(out, P_("2: this and the %d following date",
	    "2: this and the %d following dates", (unsigned long)after), after);
	buf_adds(out, "   ");
	buf_printf(out, P_("3: all %d date of the series", "3: all %d dates of the series",
	    (unsigned long)all), all);
	buf_printf(out, "   Esc: %s", esc);
}

int
seriesask_key(struct key k)
{
	if (k.code)
		return -1;
	switch (k.ch) {
	case '1': return BOOKING_ONE;
	case '2': return BOOKING_FOLLOWING;
	case '3': return BOOKING_ALL;
	default: return -1;
	}
}
