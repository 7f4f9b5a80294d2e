/* stmtcache: the same SQL gets the same statement back, reset and without
 * its old bindings; one in use is never handed out twice; a full cache
 * makes room; errors come back as sqlite3_finalize would give them; the
 * cache works through the store on a real file. */
#include "unit.h"

#include "store/stmtcache.h"

static sqlite3 *
memdb(void)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT UNIQUE); "
	    "INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three')", NULL, NULL, NULL),
	    SQLITE_OK);
	return db;
}

static void
test_same_sql_same_statement(void **state)
{
	sqlite3 *db = memdb();
	struct stmt_cache *c = stmt_cache_new(db);
	sqlite3_stmt *a, *b;

	(void)state;
	assert_int_equal(stmt_cache_prepare(c, "SELECT b FROM t WHERE a = ?", &a), SQLITE_OK);
	sqlite3_bind_int(a, 1, 2);
	assert_int_equal(sqlite3_step(a), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(a, 0), "two");
	/* Left mid-way (a row not read to the end): done resets it. */
	assert_int_equal(stmt_cache_done(c, a), SQLITE_OK);
	assert_int_equal(stmt_cache_prepare(c, "SELECT b FROM t WHERE a = ?", &b), SQLITE_OK);
	assert_ptr_equal(a, b);
	assert_false(sqlite3_stmt_busy(b));
	/* The old binding is gone: NULL matches no row. */
	assert_int_equal(sqlite3_step(b), SQLITE_DONE);
	assert_int_equal(stmt_cache_done(c, b), SQLITE_OK);
	assert_int_equal(stmt_cache_size(c), 1);
	stmt_cache_free(c);
	assert_int_equal(sqlite3_close(db), SQLITE_OK);	/* nothing left open */
}

static void
test_in_use_not_shared(void **state)
{
	sqlite3 *db = memdb();
	struct stmt_cache *c = stmt_cache_new(db);
	sqlite3_stmt *outer, *inner;
	int rows = 0;

	(void)state;
	assert_int_equal(stmt_cache_prepare(c, "SELECT a FROM t ORDER BY a", &outer), SQLITE_OK);
	while (sqlite3_step(outer) == SQLITE_ROW) {
		/* The same question asked while the first is still reading. */
		assert_int_equal(stmt_cache_prepare(c, "SELECT a FROM t ORDER BY a", &inner),
		    SQLITE_OK);
		assert_ptr_not_equal(inner, outer);
		assert_int_equal(stmt_cache_taken(c), 2);
		assert_int_equal(sqlite3_step(inner), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(inner, 0), 1);
		assert_int_equal(stmt_cache_done(c, inner), SQLITE_OK);
		rows++;
	}
	assert_int_equal(rows, 3);
	assert_int_equal(stmt_cache_taken(c), 1);
	assert_int_equal(stmt_cache_done(c, outer), SQLITE_OK);
	assert_int_equal(stmt_cache_taken(c), 0);
	assert_int_equal(stmt_cache_size(c), 2);
	stmt_cache_free(c);
	assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

static void
test_full_cache_makes_room(void **state)
{
	sqlite3 *db = memdb();
	struct stmt_cache *c = stmt_cache_new(db);
	sqlite3_stmt *st, *held[80];
	char sql[64];
	int i;

	(void)state;
	/* 200 different questions: the cache keeps at most its slots. */
	for (i = 0; i < 200; i++) {
		snprintf(sql, sizeof sql, "SELECT %d + a FROM t WHERE a = 1", i);
		assert_int_equal(stmt_cache_prepare(c, sql, &st), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), i + 1);
		assert_int_equal(stmt_cache_done(c, st), SQLITE_OK);
	}
	assert_true(stmt_cache_size(c) > 0 && stmt_cache_size(c) <= 64);
	/* More held at once than there are slots: the extra ones are plain
	 * statements, finalized when given back. */
	for (i = 0; i < 80; i++) {
		snprintf(sql, sizeof sql, "SELECT %d", i);
		assert_int_equal(stmt_cache_prepare(c, sql, &held[i]), SQLITE_OK);
		assert_int_equal(sqlite3_step(held[i]), SQLITE_ROW);
	}
	for (i = 0; i < 80; i++) {
		assert_int_equal(sqlite3_column_int(held[i], 0), i);
		assert_int_equal(stmt_cache_done(c, held[i]), SQLITE_OK);
	}
	assert_int_equal(stmt_cache_size(c), 64);
	stmt_cache_free(c);
	assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

static void
test_errors(void **state)
{
	sqlite3 *db = memdb();
	struct stmt_cache *c = stmt_cache_new(db);
	sqlite3_stmt *st = NULL;

	(void)state;
	assert_int_not_equal(stmt_cache_prepare(c, "SELECT nothing FROM nowhere", &st), SQLITE_OK);
	assert_null(st);
	assert_int_equal(stmt_cache_done(c, NULL), SQLITE_OK);
	assert_int_equal(stmt_cache_size(c), 0);
	/* A constraint failure is reported by done, as finalize reports it. */
	assert_int_equal(stmt_cache_prepare(c, "INSERT INTO t (b) VALUES (?)", &st), SQLITE_OK);
	sqlite3_bind_text(st, 1, "one", -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_CONSTRAINT);
	assert_int_equal(stmt_cache_done(c, st), SQLITE_CONSTRAINT);
	assert_int_equal(sqlite3_errcode(db), SQLITE_CONSTRAINT);
	/* And the statement works again afterwards. */
	assert_int_equal(stmt_cache_prepare(c, "INSERT INTO t (b) VALUES (?)", &st), SQLITE_OK);
	sqlite3_bind_text(st, 1, "four", -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	assert_int_equal(stmt_cache_done(c, st), SQLITE_OK);
	stmt_cache_free(c);
	assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

/* Through the store, on a real file: settings read and written again and
 * again reuse their statements, and a second connection sees the writes. */
static void
test_through_the_store(void **state)
{
	struct unit_fx *fx = *state;
	sqlite3_stmt *a, *b;
	struct error err;
	char *v, key[32];
	sqlite3 *other;
	int i;

	for (i = 0; i < 100; i++) {
		snprintf(key, sizeof key, "%d", i);
		assert_true(store_set_setting(fx->s, "test.key", key, &err));
		v = store_setting(fx->s, "test.key");
		assert_non_null(v);
		assert_string_equal(v, key);
		free(v);
	}
	assert_int_equal(store_prepare(fx->s, "SELECT count(*) FROM setting", &a), SQLITE_OK);
	assert_int_equal(store_done(fx->s, a), SQLITE_OK);
	assert_int_equal(store_prepare(fx->s, "SELECT count(*) FROM setting", &b), SQLITE_OK);
	assert_ptr_equal(a, b);
	assert_int_equal(store_done(fx->s, b), SQLITE_OK);
	assert_int_equal(sqlite3_open(fx->path, &other), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(other, "SELECT value FROM setting WHERE key = "
	    "'test.key'", -1, &a, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(a), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(a, 0), "99");
	sqlite3_finalize(a);
	sqlite3_close(other);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_sql_same_statement),
		cmocka_unit_test(test_in_use_not_shared),
		cmocka_unit_test(test_full_cache_makes_room),
		cmocka_unit_test(test_errors),
		cmocka_unit_test_setup_teardown(test_through_the_store, unit_fx_setup,
		    unit_fx_teardown),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
