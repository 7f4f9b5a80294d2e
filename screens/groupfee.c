/* groupfee — see groupfee.h. */
#include "groupfee.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "tui/fmt.h"

static int
F(const struct form *f, const char *name)
{
	return kind_field(f->kind, name);
}

/* The form's kind takes a kind of waiver (a booking), not yen (a use). */
static bool
waiver_is_choice(const struct form *f)
{
	int x = F(f, "exemption");

	return x >= 0 && f->kind->fields[x].type == FIELD_CHOICE;
}

void
groupfee_init(struct groupfee *g, struct app *a, struct form *f, const char *fee_shown)
{
	memset(g, 0, sizeof *g);
	g->fee_shown = fee_shown != NULL ? fee_shown : "";
	if (F(f, "group") < 0 || F(f, "fee") < 0 || F(f, "exemption") < 0 || F(f, "room") < 0)
		return;
	g->on = true;
	/* Without the names the field is plain text, as before. */
	if (group_names_load(app_store(a), &g->names, NULL))
		form_complete_from(f, F(f, "group"), &g->names);
	snprintf(g->last, sizeof g->last, "%s", form_text(f, F(f, "group")));
	g->registered = group_lookup(app_store(a), g->last, &g->info);
}

void
groupfee_free(struct groupfee *g)
{
	group_names_free(&g->names);
}

void
groupfee_follow(struct groupfee *g, struct app *a, struct form *f)
{
	const char *now;
	bool was;

	if (!g->on || strcmp(now = form_text(f, F(f, "group")), g->last) == 0)
		return;
	snprintf(g->last, sizeof g->last, "%s", now);
	was = g->registered;
	g->registered = group_lookup(app_store(a), now, &g->info);
	if (g->registered) {
		if (waiver_is_choice(f))
			form_set(f, F(f, "exemption"), g->info.waiver);
		form_set(f, F(f, "category"), strcmp(g->info.category, "body") == 0 ? "body" :
		    "group");
		/* A booking's contact, when none is typed, is the group's. */
		if (F(f, "contact") >= 0 && form_text(f, F(f, "contact"))[0] == '\0' &&
		    g->info.contact[0] != '\0')
			form_set(f, F(f, "contact"), g->info.contact);
	} else if (was && waiver_is_choice(f)) {
		/* The group's waiver does not stay with a name typed over it. */
		form_set(f, F(f, "exemption"), "none");
	}
}

/* Field name's yen as typed, or -1 when empty or not a number. */
static long long
typed_yen(const struct form *f, const char *name)
{
	const struct field *fd = &f->kind->fields[F(f, name)];
	char *out = NULL;
	long long v = -1;

	if (field_parse(fd, form_text(f, F(f, name)), &out, NULL) && out != NULL)
		v = atoll(out);
	free(out);
	return v;
}

void
groupfee_line(struct groupfee *g, struct app *a, const struct form *f, struct buf *out)
{
	const char *waiver;
	long long fee, waived, typed;
	char y1[32], y2[32], y3[32], why[256] = "";
	int x;

	if (!g->on)
		return;
	x = F(f, "exemption");
	if (waiver_is_choice(f)) {
		/* A booking holds the whole fee and the kind of waiver. */
		typed = typed_yen(f, "fee");
		if (typed >= 0 && (g->fee_shown[0] == '\0' ||
		    strcmp(form_text(f, F(f, "fee")), g->fee_shown) != 0))
			fee = typed;
		else
			fee = group_room_fee(app_store(a), form_text(f, F(f, "room")),
			    form_text(f, F(f, "start")), form_text(f, F(f, "end")));
		waiver = form_text(f, x);
		waived = group_waived(fee, waiver);
		if (strcmp(waiver, "none") != 0)
			snprintf(why, sizeof why, "%s", field_choice_label(&f->kind->fields[x], waiver));
	} else {
		/* A use holds what was charged and what was waived; left
		 * empty, the core fills both in as shown here. */
		long long charged = typed_yen(f, "fee");

		waived = typed_yen(f, "exemption");
		if (charged >= 0) {
			fee = charged + (waived > 0 ? waived : 0);
		} else {
			fee = group_room_fee(app_store(a), form_text(f, F(f, "room")),
			    form_text(f, F(f, "start")), form_text(f, F(f, "end")));
			if (waived < 0 && g->registered)
				waived = group_waived(fee, g->info.waiver);
		}
		if (waived < 0)
			waived = 0;
		if (g->registered && typed_yen(f, "exemption") < 0 && charged < 0)
			snprintf(why, sizeof why, "%s", _(g->info.waiver[0] == 'f' ? "Full waiver" :
			    g->info.waiver[0] == 'h' ? "Half waiver" : "None"));
	}
	if (fee < 0)
		return;
	if (g->registered && why[0] != '\0') {
		char cat[256];
		const char *label = g->info.category;
		int i;

		for (i = 0; group_categories[i].code != NULL; i++)
			if (strcmp(group_categories[i].code, g->info.category) == 0)
				label = _(group_categories[i].label);
		snprintf(cat, sizeof cat, _("%s: %s"), label, why);
		snprintf(why, sizeof why, "%s", cat);
	}
	fmt_yen(fee, y1, sizeof y1);
	fmt_yen(waived, y2, sizeof y2);
	fmt_yen(fee - waived, y3, sizeof y3);
	if (why[0] != '\0')
		buf_printf(out, _("Fee %s, waived %s (%s): %s to pay."), y1, y2, why, y3);
	else
		buf_printf(out, _("Fee %s, waived %s: %s to pay."), y1, y2, y3);
}
