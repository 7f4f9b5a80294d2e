/*
 * writer — the crash test's victim: saves meetings in a loop through the
 * same core path the kiosk's form uses (record_set, record_check,
 * record_insert) and, after each save returns, prints the record's id.
 * Whatever it printed must survive a SIGKILL at any moment.
 *
 * Usage: crash-writer STORE
 */
#include <stdio.h>
#include <stdlib.h>

#include <sodium.h>

#include "base/i18n.h"
#include "domain/record.h"

int
main(int argc, char **argv)
{
	const struct kind *k;
	struct store *s;
	struct actor who = { "crash-writer", ROLE_CENTER };
	struct record r;
	struct error err;
	char title[64], date[16];
	long n;

	if (argc != 2 || sodium_init() < 0)
		return 2;
	i18n_setup("en");
	s = store_open(argv[1], &err);
	if (s == NULL) {
		fprintf(stderr, "crash-writer: %s\n", err.text);
		return 1;
	}
	k = kind_find("meeting");
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (n = 0;; n++) {
		record_init(&r, k);
		snprintf(title, sizeof title, "記録 %ld", n);
		snprintf(date, sizeof date, "2026-%02ld-%02ld", n % 12 + 1, n % 28 + 1);
		if (!record_set(&r, kind_field(k, "date"), date, &err) ||
		    !record_set(&r, kind_field(k, "kind"), "board", &err) ||
		    !record_set(&r, kind_field(k, "title"), title, &err) ||
		    !record_set(&r, kind_field(k, "agenda"), "議題の本文。電源が切れても残ること。", &err) ||
		    !record_insert(s, &who, &r, &err)) {
			fprintf(stderr, "crash-writer: %s\n", err.text);
			record_free(&r);
			store_close(s);
			return 1;
		}
		/* Only now, after the commit returned, is the record "saved". */
		printf("%s\n", r.uuid);
		record_free(&r);
	}
}
