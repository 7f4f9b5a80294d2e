/* uses — the facility-use list: the generic record list (records.c) over "use". */
#include "records.h"
#include "screens.h"

static void *
init(struct app *a, const void *arg)
{
	(void)arg;
	return records_init(a, "use");
}

const struct screen screen_uses = {
	.name = "uses",
	.init = init,
	.free = records_free,
	.enter = records_enter,
	.key = records_key,
	.draw = records_draw,
	.actions = records_actions,
};
