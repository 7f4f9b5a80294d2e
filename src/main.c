/*
 * kyodo — the citizen-center kiosk.  Parses the global options, then hands
 * off to a subcommand (src/cli/) or to the kiosk (src/tui/).
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sodium.h>

#include "cli/cli.h"
#include "base/i18n.h"
#include "store/store.h"
#include "tui/tui.h"

#define KYODO_VERSION "0.1.0"

/* Takes --lang out of argv wherever it stands, so every command has it. */
static const char *
take_lang(int *argc, char **argv, bool *bad)
{
	const char *lang = NULL;
	int i, j;

	*bad = false;
	for (i = 1, j = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			for (; i < *argc; i++)
				argv[j++] = argv[i];
			break;
		}
		if (strcmp(argv[i], "--lang") == 0) {
			if (i + 1 >= *argc)
				*bad = true;
			else
				lang = argv[++i];
			continue;
		}
		if (strncmp(argv[i], "--lang=", 7) == 0) {
			lang = argv[i] + 7;
			continue;
		}
		argv[j++] = argv[i];
	}
	*argc = j;
	argv[j] = NULL;
	return lang;
}

static void
usage(FILE *f)
{
	fprintf(f, "%s: kyodo [--db FILE] [--lang ja|en] [--no-kiosk]\n", _("Usage"));
	fprintf(f, "       kyodo COMMAND [--help] ...\n\n");
	fprintf(f, "%s\n\n", _("Without a command, kyodo opens the kiosk on the store."));
	fprintf(f, "%s:\n", _("Commands"));
	cli_print_commands(f, NULL);
}

int
main(int argc, char **argv)
{
	struct tui_options o = { .kiosk = true };
	const char *lang;
	bool bad;
	int i, rc;

	clock_gettime(CLOCK_MONOTONIC, &o.started);
	/* Grow and give back the heap in large steps: SQLite's page cache and
	 * journal otherwise move the break thousands of times a second. */
	mallopt(M_TOP_PAD, 4 << 20);
	mallopt(M_TRIM_THRESHOLD, 8 << 20);
	umask(077);
	lang = take_lang(&argc, argv, &bad);
	if (!i18n_setup(lang) || bad) {
		fprintf(stderr, "kyodo: %s\n", _("--lang is ja or en."));
		return EXIT_USAGE;
	}
	if (sodium_init() < 0) {
		fprintf(stderr, "kyodo: %s\n", _("The cryptography library failed to start."));
		return EXIT_REFUSED;
	}
	if (argc > 1 && argv[1][0] != '-') {
		rc = cli_main(argc - 1, argv + 1);
		if (rc < 0) {
			fprintf(stderr, _("kyodo: unknown command \"%s\".\n"), argv[1]);
			usage(stderr);
			return EXIT_USAGE;
		}
		return rc;
	}
	o.lang_given = lang != NULL;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return EXIT_DONE;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("kyodo %s (schema %d)\n", KYODO_VERSION, store_schema_version());
			return EXIT_DONE;
		} else if (strcmp(argv[i], "--no-kiosk") == 0) {
			o.kiosk = false;
		} else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			o.db = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			o.db = argv[i] + 5;
		} else {
			fprintf(stderr, _("kyodo: unknown option \"%s\".\n"), argv[i]);
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (o.db == NULL) {
		struct cmd_args none = {0};

		o.db = cmd_db_path(&none);
	}
	return tui_run(&o);
}
