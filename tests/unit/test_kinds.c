/* Unit tests for the kind table (core/kinds.c) against the schema the
 * migrations make: every kind's table holds the meta columns, a column per
 * field of the declared type, an id column per reference and a column per
 * link; every name the table gives (title, references, links) is one that
 * exists; the sync description derived from it covers every kind once, each
 * after the kinds it refers to. */
#include "unit.h"

#include "sync/bundle.h"
#include "domain/record.h"

/* The declared type of table.column, or "" when there is no such column;
 * notnull is set from the schema. */
static void
column_type(struct store *s, const char *table, const char *column, char *type, size_t size,
    bool *notnull)
{
	sqlite3_stmt *st;

	type[0] = '\0';
	*notnull = false;
	assert_int_equal(sqlite3_prepare_v2(store_db(s), "SELECT type, \"notnull\" FROM "
	    "pragma_table_info(?1) WHERE name = ?2", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(type, size, "%s", (const char *)sqlite3_column_text(st, 0));
		*notnull = sqlite3_column_int(st, 1) != 0;
	}
	sqlite3_finalize(st);
}

static void
expect_column(struct store *s, const struct kind *k, const char *column, const char *want)
{
	char type[32];
	bool notnull;

	column_type(s, k->table, column, type, sizeof type, &notnull);
	if (strcmp(type, want) != 0)
		fail_msg("%s.%s: declared \"%s\", the kind wants \"%s\"", k->table, column, type,
		    want);
}

static void
test_every_kind_matches_its_table(void **state)
{
	struct unit_fx *fx = *state;
	const struct kind *const *k;
	char id[64], type[32];
	bool notnull;
	int i, n = 0, wrong = 0;

	for (k = kind_all(); *k != NULL; k++, n++) {
		static const char *const meta[][2] = {
			{"uuid", "TEXT"}, {"origin", "TEXT"}, {"version", "INTEGER"},
			{"updated_at", "TEXT"}, {"deleted", "INTEGER"}, {"created_by", "TEXT"},
			{"updated_by", "TEXT"},
		};

		for (i = 0; i < (int)(sizeof meta / sizeof meta[0]); i++)
			expect_column(fx->s, *k, meta[i][0], meta[i][1]);
		for (i = 0; i < (*k)->nfields; i++) {
			const struct field *f = &(*k)->fields[i];
			bool number = f->type == FIELD_YEN || f->type == FIELD_COUNT;

			expect_column(fx->s, *k, f->name, number ? "INTEGER" : "TEXT");
			/* A column the schema keeps NOT NULL is a field the form
			 * requires, or one with a value of its own. */
			column_type(fx->s, (*k)->table, f->name, type, sizeof type, &notnull);
			if (notnull && !f->required && f->dflt == NULL) {
				fprintf(stderr, "%s.%s is NOT NULL but not required\n", (*k)->table,
				    f->name);
				wrong++;
			}
			if (f->type == FIELD_TEXT || f->type == FIELD_NOTE || f->type == FIELD_REF)
				assert_true(f->max > 0);
			if (f->type == FIELD_CHOICE)
				assert_non_null(f->choices);
			if (f->type == FIELD_REF) {
				assert_non_null(kind_find(f->ref));
				snprintf(id, sizeof id, "%s_id", f->name);
				expect_column(fx->s, *k, id, "TEXT");
			}
		}
		for (i = 0; i < (*k)->nlinks; i++) {
			expect_column(fx->s, *k, (*k)->links[i].column, "TEXT");
			if ((*k)->links[i].ref != NULL)
				assert_non_null(kind_find((*k)->links[i].ref));
		}
		assert_non_null((*k)->title);
		assert_true(kind_field(*k, (*k)->title) >= 0);
		assert_int_equal(kind_title(*k), kind_field(*k, (*k)->title));
		assert_true((*k)->nfields <= RECORD_MAX_FIELDS);
	}
	assert_true(n <= KIND_MAX);
	assert_int_equal(wrong, 0);
}

/* The sync description: every kind travels one way, once, after the kinds
 * it refers to that travel the same way. */
static void
test_sync_covers_every_kind(void **state)
{
	const struct bundle_table *t;
	const struct kind *const *k;
	int side, n, i, j, f, seen;

	(void)state;
	for (k = kind_all(); *k != NULL; k++) {
		seen = 0;
		for (side = 0; side < 2; side++) {
			n = bundle_tables(side == 1, &t);
			for (i = 0; i < n; i++)
				if (t[i].kind == *k) {
					seen++;
					assert_int_equal((*k)->city_owned, side == 1);
				}
		}
		if (seen != 1)
			fail_msg("kind %s travels %d times", (*k)->name, seen);
	}
	for (side = 0; side < 2; side++) {
		n = bundle_tables(side == 1, &t);
		for (i = 0; i < n; i++)
			for (f = 0; f < t[i].kind->nfields; f++) {
				const struct field *fl = &t[i].kind->fields[f];

				if (fl->type != FIELD_REF)
					continue;
				for (j = i; j < n; j++)
					if (strcmp(t[j].kind->name, fl->ref) == 0)
						fail_msg("%s refers to %s, which comes after it",
						    t[i].kind->name, fl->ref);
			}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_kind_matches_its_table, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test(test_sync_covers_every_kind),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
