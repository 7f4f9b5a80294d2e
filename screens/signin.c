/*
 * signin — where the kiosk opens and where it returns when locked: pick
 * your name, type your PIN (shown as ● per digit), Enter.  The core counts
 * wrong PINs and locks the account; this screen only says what it decided.
 * A store with no staff opens on its first start instead: Enter asks for
 * the first administrator, who is then signed in.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/i18n.h"
#include "domain/staff.h"
#include "base/text.h"
#include "pinform.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/fmt.h"

static const struct action_def act_sign_in = {
	ACT_SIGN_IN, "Enter", N_("Sign in"),
	N_("Sign in with the chosen name and PIN."), {ACT_KEYS_ENTER},
};

static const struct action_def act_pin = {
	ACT_PIN, "0-9", N_("PIN"), N_("Type your PIN; it is not shown."), {ACT_KEYS_NONE},
};

static const struct action_def act_first_admin = {
	ACT_FIRST_ADMIN, "Enter", N_("Set up"),
	N_("Register the first administrator: a name and a PIN typed twice."), {ACT_KEYS_ENTER},
};

#define PIN_BYTES 64

struct signin {
	struct staff_members list;	/* who can sign in, by name */
	int cur, top;
	char pin[PIN_BYTES];	/* ASCII digits (full-width ones folded) */
	int pin_len;
	char verdict[512];
	bool verdict_error;
	time_t locked_until;	/* for the countdown of a locked account */
	char locked_name[128];
	bool kiosk;
	long long generation;	/* the store's when the list was read */
};

/* Reads the staff who can sign in again, keeping the chosen name. */
static bool
signin_load(struct app *a, struct signin *s)
{
	char chosen[128] = "";
	struct error err;
	int i;

	if (s->list.n > 0)
		snprintf(chosen, sizeof chosen, "%s", s->list.m[s->cur].name);
	s->list.n = 0;
	if (staff_list(app_store(a), staff_members_add, &s->list, &err) < 0) {
		app_error(a, "%s", err.text);
		return false;
	}
	s->generation = store_generation(app_store(a));
	for (i = 0; i < s->list.n; i++)
		if (strcmp(s->list.m[i].name, chosen) == 0)
			s->cur = i;
	if (s->cur >= s->list.n)
		s->cur = s->list.n > 0 ? s->list.n - 1 : 0;
	return true;
}

static void *
signin_init(struct app *a, const void *arg)
{
	struct signin *s = xcalloc(1, sizeof *s);

	(void)arg;
	s->kiosk = app_kiosk(a);
	if (!signin_load(a, s)) {
		staff_members_free(&s->list);
		free(s);
		return NULL;
	}
	return s;
}

static void
signin_enter(struct app *a, void *state)
{
	signin_load(a, state);
}

static void
clear_pin(struct signin *s)
{
	sodium_memzero(s->pin, sizeof s->pin);
	s->pin_len = 0;
}

static void
signin_done(void *state)
{
	struct signin *s = state;

	clear_pin(s);
	staff_members_free(&s->list);
	free(s);
}

static void
say(struct signin *s, bool error, const char *text)
{
	snprintf(s->verdict, sizeof s->verdict, "%s", text);
	s->verdict_error = error;
}

static void
locked_text(struct signin *s)
{
	long left = (long)(s->locked_until - time(NULL));
	char buf[512];

	if (left <= 0) {
		s->locked_until = 0;
		say(s, false, _("You can try again now."));
		return;
	}
	snprintf(buf, sizeof buf, P_("Too many wrong PINs: %s is locked for %ld more second.",
	    "Too many wrong PINs: %s is locked for %ld more seconds.", left),
	    s->locked_name, left);
	say(s, true, buf);
}

static void
try_sign_in(struct app *a, struct signin *s)
{
	const struct staff_member *m;
	struct actor who;
	struct error err;
	enum staff_verdict v;
	int tries;
	long wait;
	char buf[512];

	if (s->list.n == 0)
		return;
	m = &s->list.m[s->cur];
	if (s->pin_len == 0) {
		say(s, true, _("Type your PIN, then Enter."));
		return;
	}
	v = staff_sign_in(app_store(a), m->name, s->pin, time(NULL), &who, &tries, &wait, &err);
	clear_pin(s);
	switch (v) {
	case STAFF_OK:
		app_sign_in(a, &who);
		return;
	case STAFF_WRONG_PIN:
		snprintf(buf, sizeof buf, P_("Wrong PIN. %d try left before the account locks.",
		    "Wrong PIN. %d tries left before the account locks.", tries), tries);
		say(s, true, buf);
		return;
	case STAFF_LOCKED:
		s->locked_until = time(NULL) + wait;
		snprintf(s->locked_name, sizeof s->locked_name, "%s", m->name);
		locked_text(s);
		return;
	case STAFF_UNKNOWN:
		say(s, true, _("This name can no longer sign in."));
		return;
	default:
		say(s, true, err.text);
		return;
	}
}

static void
choose(struct signin *s, int to)
{
	if (to < 0 || to >= s->list.n || to == s->cur)
		return;
	s->cur = to;
	clear_pin(s);
	s->verdict[0] = '\0';
}

/* The first administrator, made and signed in at once. */
static bool
signin_first_done(struct app *a, void *ctx, const struct pinform_values *v,
    struct error *err)
{
	struct actor who;
	long wait;
	int tries;

	(void)ctx;
	if (!staff_add_first_admin(app_store(a), v->name, v->pin, err))
		return false;
	if (staff_sign_in(app_store(a), v->name, v->pin, time(NULL), &who, &tries, &wait,
	    err) != STAFF_OK)
		return false;
	app_sign_in(a, &who);
	return true;
}

static int
signin_key(struct app *a, void *state, struct key k, int act)
{
	struct signin *s = state;
	int d = pinform_digit(k);

	if (act == ACT_FIRST_ADMIN) {
		struct pinform_arg arg = {
			.title = N_("First start: the administrator"),
			.note = N_("The administrator adds the other staff and can reset "
			    "their PINs. Type the name as it will show at sign-in, then a "
			    "PIN of 4 to 12 digits twice."),
			.fields = PINFORM_NAME | PINFORM_NEW,
			.role = ROLE_ADMIN,
			.done = signin_first_done,
		};

		app_push(a, &screen_pin_form, &arg);
		return RES_HANDLED | RES_REDRAW;
	}
	if (s->list.n == 0)
		return 0;
	if (act == ACT_SIGN_IN) {
		try_sign_in(a, s);
		return RES_HANDLED | RES_REDRAW;
	}
	if (d >= 0) {
		if (s->pin_len < STAFF_PIN_MAX) {
			s->pin[s->pin_len++] = (char)('0' + d);
			s->pin[s->pin_len] = '\0';
		}
		return RES_HANDLED | RES_REDRAW;
	}
	if ((k.code && k.ch == KEY_BACKSPACE) || (!k.code && (k.ch == 8 || k.ch == 127))) {
		if (s->pin_len > 0)
			s->pin[--s->pin_len] = '\0';
		return RES_HANDLED | RES_REDRAW;
	}
	if (!k.code && k.ch == 27) {	/* Esc: start the PIN again */
		clear_pin(s);
		return RES_HANDLED | RES_REDRAW;
	}
	if (k.code && k.ch == KEY_UP)
		choose(s, s->cur - 1);
	else if (k.code && k.ch == KEY_DOWN)
		choose(s, s->cur + 1);
	else if (k.code && k.ch == KEY_HOME)
		choose(s, 0);
	else if (k.code && k.ch == KEY_END)
		choose(s, s->list.n - 1);
	else if (!k.code && k.ch >= 0x20)
		say(s, true, _("A PIN is digits only."));
	else
		return 0;
	return RES_HANDLED | RES_REDRAW;
}

static int
signin_tick(struct app *a, void *state)
{
	struct signin *s = state;

	/* Staff added meanwhile (at another kiosk, or on the command line)
	 * show without a restart. */
	if (store_generation(app_store(a)) != s->generation) {
		signin_load(a, s);
		if (s->locked_until == 0)
			return RES_REDRAW;
	}
	if (s->locked_until == 0)
		return 0;
	locked_text(s);
	return RES_REDRAW;
}

static void
signin_draw(struct app *a, void *state)
{
	struct signin *s = state;
	struct date today = date_today();
	char title[256], day[128], bullets[PIN_BYTES * 3 + 1] = "";
	int y = 2, rows, i, namew = 0, w, list_bottom, vrows;

	fmt_date_long(today, day, sizeof day);
	snprintf(title, sizeof title, "kyodo  %s", store_name(app_store(a)));
	draw_bar(0, title, day, ATTR_TITLE);
	draw_text(y++, 2, COLS - 3, _("Sign in"), ATTR_HEADER);
	if (s->list.n == 0) {
		draw_wrap(y + 1, draw_lines() - 2, 2, COLS - 3, _("This is the first start: nobody "
		    "can sign in yet. Press Enter to register the administrator, who then "
		    "adds the other staff. F10 closes kyodo."), 0, ATTR_NOTICE);
		return;
	}
	vrows = s->verdict[0] != '\0' ? draw_wrap_rows(s->verdict, COLS - 5) : 1;
	/* On a short screen the verdict (why one cannot sign in yet) is read
	 * whole before the instructions are. */
	if (draw_lines() - 2 - y - 2 - 4 - vrows >= 0) {
		w = draw_wrap(y, draw_lines() - 2, 2, COLS - 3, _("Choose your name with Up/Down, type "
		    "your PIN, press Enter."), 0, ATTR_NORMAL);
		y = w + 1;
	}
	/* The list takes what the PIN line and the verdict, wrapped whole,
	 * leave. */
	rows = draw_lines() - 2 - y - 3 - vrows;
	if (rows < 1)
		rows = 1;
	if (s->cur < s->top)
		s->top = s->cur;
	if (s->cur >= s->top + rows)
		s->top = s->cur - rows + 1;
	for (i = 0; i < s->list.n; i++)
		if ((w = text_width(s->list.m[i].name)) > namew)
			namew = w;
	for (i = s->top; i < s->list.n && i < s->top + rows; i++) {
		enum tui_attr at = i == s->cur ? ATTR_SELECTED : ATTR_NORMAL;

		draw_fill(y, 4, COLS - 8, at);
		draw_pad(y, 5, namew, s->list.m[i].name, false, at);
		draw_text(y, 5 + namew + 3, COLS - namew - 17, role_label(s->list.m[i].role), at);
		y++;
	}
	list_bottom = y;
	y = list_bottom + 1;
	for (i = 0; i < s->pin_len; i++)
		strcat(bullets, draw_bullet());
	w = draw_text(y, 4, COLS - 5, _("PIN: "), ATTR_HEADER);
	draw_text(y, 4 + w, COLS - 5 - w, bullets, ATTR_NORMAL);
	app_cursor(a, y, 4 + w + text_width(bullets));
	if (s->verdict[0] != '\0')
		draw_wrap(y + 2, draw_lines() - 2, 4, COLS - 5, s->verdict, 0,
		    s->verdict_error ? ATTR_ERROR : ATTR_NOTICE);
}

static const struct action_def *const *
signin_actions(void *state)
{
	static const struct action_def *const kiosk[] = {
		&act_help, &act_sign_in, &act_move, &act_pin, NULL,
	};
	/* Outside kiosk mode F10 quits from here too; in kiosk mode only a
	 * signed-in staff member can close the kiosk. */
	static const struct action_def *const dev[] = {
		&act_help, &act_quit, &act_sign_in, &act_move, &act_pin, NULL,
	};
	/* The first start can be left in kiosk mode too: nobody could. */
	static const struct action_def *const first[] = {
		&act_help, &act_first_admin, &act_quit, NULL,
	};
	const struct signin *s = state;

	if (s->list.n == 0)
		return first;
	return s->kiosk ? kiosk : dev;
}

const struct screen screen_signin = {
	.name = "signin",
	.init = signin_init,
	.free = signin_done,
	.enter = signin_enter,
	.key = signin_key,
	.draw = signin_draw,
	.tick = signin_tick,
	.actions = signin_actions,
};
