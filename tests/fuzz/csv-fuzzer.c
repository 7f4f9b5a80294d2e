/*
 * csv-fuzzer — CSV import on any bytes, as UTF-8 or CP932 and for every
 * record kind: decoding, parsing with libcsv, mapping the header and
 * checking each row.  The import must refuse or import, never crash, leak
 * or leave the store unsound.  The input as one cell must also come back
 * from csv_field's formula guard through csv_unguard unchanged.  The store is made anew every 256 inputs so
 * it stays small.
 */
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "base/csv.h"
#include "domain/csvin.h"
#include "base/enc.h"
#include "base/i18n.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static char path[256];
static struct store *store;
static unsigned uses;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (sodium_init() < 0)
		abort();
	i18n_setup("en");
	setlocale(LC_ALL, "C.UTF-8");
	snprintf(path, sizeof path, "/tmp/kyodo-csv-fuzz-%ld.db", (long)getpid());
	return 0;
}

static void
fresh_store(void)
{
	struct error err;
	char side[300];

	store_close(store);
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	store = store_create(path, STORE_CENTER, "fuzz", "fuzz", &err);
	if (store == NULL)
		abort();
	uses = 0;
}

/* What csv_field writes before a cell, csv_unguard takes off: no more, no
 * less, whatever the cell. */
static void
guard_round_trip(const uint8_t *data, size_t size)
{
	char *cell = malloc(size + 2);

	if (cell == NULL)
		abort();
	cell[0] = '\'';
	memcpy(cell + 1, data, size);
	cell[size + 1] = '\0';
	if (strcmp(csv_unguard(csv_guarded(cell + 1) ? cell : cell + 1), cell + 1) != 0)
		abort();
	free(cell);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct kind *const *all = kind_all();
	const struct kind *k;
	struct actor who = {"fuzz", ROLE_ADMIN};
	struct csvin_result res;
	struct buf utf8 = {0};
	struct error err;
	int nkinds = 0;

	if (size < 1)
		return 0;
	guard_round_trip(data, size);
	if (store == NULL || ++uses > 256)
		fresh_store();
	while (all[nkinds] != NULL)
		nkinds++;
	/* The first byte picks the kind, the encoding and --skip-bad. */
	k = all[data[0] % nkinds];
	if (decode_to_utf8(data[0] & 0x40 ? ENC_CP932 : ENC_UTF8, (const char *)data + 1,
	    size - 1, &utf8, &err))
		(void)csvin_import(store, &who, k, buf_str(&utf8), utf8.len, (data[0] & 0x80) != 0,
		    &res, &err);
	buf_free(&utf8);
	if (store_check(store, NULL, NULL, &err) != 0)
		abort();
	return 0;
}
