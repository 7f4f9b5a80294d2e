/* events — the event list: the generic record list (records.c) over "event". */
#include "records.h"
#include "screens.h"

static void *
init(struct app *a, const void *arg)
{
	(void)arg;
	return records_init(a, "event");
}

const struct screen screen_events = {
	.name = "events",
	.init = init,
	.free = records_free,
	.enter = records_enter,
	.key = records_key,
	.draw = records_draw,
	.actions = records_actions,
};
