/* meetings — the meeting list: the generic record list (records.c) over "meeting". */
#include "records.h"
#include "screens.h"

static void *
init(struct app *a, const void *arg)
{
	(void)arg;
	return records_init(a, "meeting");
}

const struct screen screen_meetings = {
	.name = "meetings",
	.init = init,
	.free = records_free,
	.enter = records_enter,
	.key = records_key,
	.draw = records_draw,
	.actions = records_actions,
};
