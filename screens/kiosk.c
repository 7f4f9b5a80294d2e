/*
 * kiosk — tui_run(): hands the kiosk's own screens to the app loop, so
 * src/tui/ never depends on screens/.
 */
#include "screens.h"
#include "tui/tui.h"

static const struct app_screens kiosk_screens = {
	.signin = &screen_signin,
	.home = &screen_home,
	.help = &screen_help,
	.settings = &screen_settings,
	.setup = &screen_setup,
};

int
tui_run(const struct tui_options *o)
{
	return app_run(o, &kiosk_screens);
}
