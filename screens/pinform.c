/* pinform — see pinform.h. */
#include "pinform.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "domain/staff.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/lineedit.h"

static const struct action_def act_pin_digits = {
	ACT_PIN_DIGITS, "0-9", N_("PIN"),
	N_("In a PIN field: type the digits (shown as dots), Backspace removes one."),
	{ACT_KEYS_NONE},
};

enum pinform_slot { SLOT_NAME, SLOT_ROLE, SLOT_CURRENT, SLOT_NEW, SLOT_AGAIN };

#define SLOTS 5
#define PIN_BYTES (STAFF_PIN_MAX + 1)

struct pinform {
	struct pinform_arg arg;
	char title[256];
	char *note;		/* owned copy */
	int slot[SLOTS], nslots, cur;
	struct lineedit name;
	enum role role;
	char pin[SLOTS][PIN_BYTES];	/* by slot: ASCII digits */
	bool changed;
	char refusal[512];
};

static void *
pinform_init(struct app *a, const void *argp)
{
	const struct pinform_arg *arg = argp;
	struct pinform *p = xcalloc(1, sizeof *p);

	(void)a;
	p->arg = *arg;
	p->arg.title = p->arg.note = NULL;
	snprintf(p->title, sizeof p->title, "%s", arg->title != NULL ? _(arg->title) : "");
	p->note = arg->note != NULL ? xstrdup(_(arg->note)) : NULL;
	lineedit_init(&p->name, NULL, 60);
	p->role = arg->role;
	if (arg->fields & PINFORM_NAME)
		p->slot[p->nslots++] = SLOT_NAME;
	if (arg->fields & PINFORM_ROLE)
		p->slot[p->nslots++] = SLOT_ROLE;
	if (arg->fields & PINFORM_CURRENT)
		p->slot[p->nslots++] = SLOT_CURRENT;
	if (arg->fields & PINFORM_NEW) {
		p->slot[p->nslots++] = SLOT_NEW;
		p->slot[p->nslots++] = SLOT_AGAIN;
	}
	return p;
}

static void
pinform_clear(struct pinform *p, int slot)
{
	sodium_memzero(p->pin[slot], sizeof p->pin[slot]);
}

static void
pinform_done(void *state)
{
	struct pinform *p = state;

	sodium_memzero(p->pin, sizeof p->pin);
	lineedit_free(&p->name);
	free(p->note);
	free(p);
}

static const char *
pinform_label(const struct pinform *p, int slot)
{
	bool own = (p->arg.fields & PINFORM_CURRENT) != 0;

	switch (slot) {
	case SLOT_NAME:
		return _("Name");
	case SLOT_ROLE:
		return _("Role");
	case SLOT_CURRENT:
		return _("Current PIN");
	case SLOT_NEW:
		return own ? _("New PIN") : _("PIN");
	default:
		return own ? _("New PIN again") : _("PIN again");
	}
}

/* Puts the cursor on slot and says why. */
static void
pinform_refuse(struct pinform *p, int slot, const char *why)
{
	int i;

	snprintf(p->refusal, sizeof p->refusal, "%s", why);
	for (i = 0; i < p->nslots; i++)
		if (p->slot[i] == slot)
			p->cur = i;
}

static void
pinform_save(struct app *a, struct pinform *p)
{
	struct pinform_values v;
	struct error err;
	char ascii[PIN_BYTES];
	bool ok;

	if ((p->arg.fields & PINFORM_CURRENT) && p->pin[SLOT_CURRENT][0] == '\0') {
		pinform_refuse(p, SLOT_CURRENT, _("Type your current PIN."));
		return;
	}
	if (p->arg.fields & PINFORM_NEW) {
		ok = staff_pin_valid(p->pin[SLOT_NEW], ascii, &err);
		sodium_memzero(ascii, sizeof ascii);
		if (!ok) {
			pinform_clear(p, SLOT_NEW);
			pinform_clear(p, SLOT_AGAIN);
			pinform_refuse(p, SLOT_NEW, err.text);
			return;
		}
		if (strcmp(p->pin[SLOT_NEW], p->pin[SLOT_AGAIN]) != 0) {
			pinform_clear(p, SLOT_NEW);
			pinform_clear(p, SLOT_AGAIN);
			pinform_refuse(p, SLOT_NEW, _("The two PINs differ: type the new PIN "
			    "twice again."));
			return;
		}
	}
	v.name = lineedit_text(&p->name);
	v.role = p->role;
	v.current = p->pin[SLOT_CURRENT];
	v.pin = p->pin[SLOT_NEW];
	error_clear(&err);
	ok = p->arg.done(a, p->arg.ctx, &v, &err);
	if (!ok) {
		/* Back to the first field; a wrong current PIN is typed again,
		 * the rest stays. */
		pinform_clear(p, SLOT_CURRENT);
		p->cur = 0;
		snprintf(p->refusal, sizeof p->refusal, "%s", err.text);
		return;
	}
	app_close(a);
}

static void
pinform_discard(struct app *a, void *ctx)
{
	(void)ctx;
	app_close(a);
}

int
pinform_digit(struct key k)
{
	if (k.code)
		return -1;
	if (k.ch >= '0' && k.ch <= '9')
		return (int)(k.ch - '0');
	if (k.ch >= 0xFF10 && k.ch <= 0xFF19)
		return (int)(k.ch - 0xFF10);
	return -1;
}

static int
pinform_field_key(struct pinform *p, struct key k)
{
	int slot = p->slot[p->cur], d = pinform_digit(k);
	char *pin = p->pin[slot];
	size_t n = strlen(pin);

	if (slot == SLOT_NAME) {
		if (lineedit_key(&p->name, k.ch, k.code) == LINEEDIT_IGNORED)
			return 0;
		p->changed = true;
		return RES_HANDLED | RES_REDRAW;
	}
	if (slot == SLOT_ROLE) {
		if ((k.code && k.ch == KEY_RIGHT) || (!k.code && k.ch == ' '))
			p->role = (enum role)((p->role + 1) % (ROLE_ADMIN + 1));
		else if (k.code && k.ch == KEY_LEFT)
			p->role = (enum role)((p->role + ROLE_ADMIN) % (ROLE_ADMIN + 1));
		else
			return 0;
		p->changed = true;
		return RES_HANDLED | RES_REDRAW;
	}
	if (d >= 0) {
		if (n < STAFF_PIN_MAX) {
			pin[n] = (char)('0' + d);
			pin[n + 1] = '\0';
		}
	} else if ((k.code && k.ch == KEY_BACKSPACE) || (!k.code && (k.ch == 8 || k.ch == 127))) {
		if (n > 0)
			pin[n - 1] = '\0';
	} else if (!k.code && k.ch >= 0x20) {
		snprintf(p->refusal, sizeof p->refusal, "%s", _("A PIN is digits only."));
	} else {
		return 0;
	}
	p->changed = true;
	return RES_HANDLED | RES_REDRAW;
}

static int
pinform_key(struct app *a, void *state, struct key k, int act)
{
	struct pinform *p = state;
	bool enter = !k.code ? k.ch == '\r' || k.ch == '\n' : k.ch == KEY_ENTER;

	if (act == ACT_SAVE || (enter && p->cur == p->nslots - 1)) {
		p->refusal[0] = '\0';
		pinform_save(a, p);
		return RES_HANDLED | RES_REDRAW;
	}
	if (act == ACT_CANCEL) {
		if (!p->changed)
			return RES_POP;
		app_confirm(a, _("Discard what was typed? (y/n)"), pinform_discard, p);
		return RES_HANDLED | RES_REDRAW;
	}
	if (enter || (!k.code && k.ch == '\t') || (k.code && k.ch == KEY_DOWN)) {
		if (p->cur < p->nslots - 1)
			p->cur++;
		return RES_HANDLED | RES_REDRAW;
	}
	if ((k.code && k.ch == KEY_BTAB) || (k.code && k.ch == KEY_UP)) {
		if (p->cur > 0)
			p->cur--;
		return RES_HANDLED | RES_REDRAW;
	}
	return pinform_field_key(p, k);
}

static void
pinform_draw(struct app *a, void *state)
{
	struct pinform *p = state;
	char value[PIN_BYTES * 4 + 1], shown[256];
	int y = 2, i, j, w, labelw = 0, slot, vx, cx = -1, cy = -1;
	enum tui_attr at;

	app_draw_title(a, p->title);
	if (p->note != NULL)
		y = draw_wrap(y, draw_lines() - 4 - 2 * p->nslots, 2, COLS - 3, p->note, 0, ATTR_NOTICE) + 1;
	for (i = 0; i < p->nslots; i++)
		if ((w = text_width(pinform_label(p, p->slot[i]))) > labelw)
			labelw = w;
	vx = 2 + labelw + 2;
	for (i = 0; i < p->nslots && y < draw_lines() - 2; i++, y++) {
		slot = p->slot[i];
		at = i == p->cur ? ATTR_SELECTED : ATTR_NORMAL;
		draw_pad(y, 2, labelw, pinform_label(p, slot), false, ATTR_HEADER);
		if (slot == SLOT_NAME) {
			w = lineedit_view(&p->name, COLS - vx - 2 > 1 ? COLS - vx - 2 : 1);
			draw_fill(y, vx, COLS - vx - 1, at);
			draw_text(y, vx, COLS - vx - 2, lineedit_text(&p->name) + p->name.first, at);
			if (i == p->cur) {
				cy = y;
				cx = vx + w;
			}
			continue;
		}
		if (slot == SLOT_ROLE) {
			snprintf(shown, sizeof shown, "< %s >", role_label(p->role));
			draw_fill(y, vx, COLS - vx - 1, at);
			draw_text(y, vx, COLS - vx - 2, shown, at);
			continue;
		}
		value[0] = '\0';
		for (j = 0; p->pin[slot][j] != '\0'; j++)
			strcat(value, draw_bullet());
		draw_fill(y, vx, COLS - vx - 1, at);
		w = draw_text(y, vx, COLS - vx - 2, value, at);
		if (i == p->cur) {
			cy = y;
			cx = vx + w;
		}
	}
	if (p->refusal[0] != '\0')
		draw_wrap(y + 1, draw_lines() - 2, 2, COLS - 3, p->refusal, 0, ATTR_ERROR);
	if (cy >= 0)
		app_cursor(a, cy, cx);
}

static const struct action_def *const *
pinform_actions(void *state)
{
	static const struct action_def *const with_role[] = {
		&act_help, &act_save, &act_cancel, &act_quit, &act_next_field, &act_prev_field,
		&act_edit_text, &act_choice, &act_pin_digits, NULL,
	};
	static const struct action_def *const plain[] = {
		&act_help, &act_save, &act_cancel, &act_quit, &act_next_field, &act_prev_field,
		&act_edit_text, &act_pin_digits, NULL,
	};
	const struct pinform *p = state;

	return (p->arg.fields & PINFORM_ROLE) ? with_role : plain;
}

const struct screen screen_pin_form = {
	.name = "pin-form",
	.init = pinform_init,
	.free = pinform_done,
	.key = pinform_key,
	.draw = pinform_draw,
	.actions = pinform_actions,
};
