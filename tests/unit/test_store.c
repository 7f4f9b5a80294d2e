/* Unit tests for core/store on real SQLite files in a fresh folder per test:
 * creating, opening, refusing, schema, settings, checks and backups. */
#include "unit.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "base/actor.h"
#include "domain/record.h"

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* The first line of the file at path, into out. */
static void
read_file(const char *path, char *out, size_t size)
{
	FILE *f = fopen(path, "r");

	assert_non_null(f);
	if (fgets(out, (int)size, f) == NULL)
		out[0] = '\0';
	fclose(f);
}

/* Sets PRAGMA user_version on the file with a separate raw connection. */
static void
raw_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	char *msg = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		char copy[256];

		snprintf(copy, sizeof copy, "%s", msg ? msg : "?");
		sqlite3_free(msg);
		sqlite3_close(db);
		fail_msg("%s: %s", sql, copy);
	}
	sqlite3_close(db);
}

static long long
raw_int(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st;
	long long v = -1;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return v;
}

static void
add_meeting(struct store *s, const char *date, const char *title)
{
	const struct kind *k = kind_find("meeting");
	struct actor who = {"佐藤 花子", ROLE_CENTER};
	struct record r;
	struct error err;

	record_init(&r, k);
	assert_true(record_set(&r, kind_field(k, "date"), date, &err));
	assert_true(record_set(&r, kind_field(k, "kind"), "board", &err));
	assert_true(record_set(&r, kind_field(k, "title"), title, &err));
	if (!record_insert(s, &who, &r, &err)) {
		record_free(&r);
		fail_msg("record_insert: %s", err.text);
	}
	record_free(&r);
}

static void
test_create_mode_and_identity(void **state)
{
	struct unit_fx *fx = *state;
	struct stat st;

	assert_int_equal(stat(fx->path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_string_equal(store_origin(fx->s), "mashiba");
	assert_string_equal(store_name(fx->s), "真柴市民センター");
	assert_int_equal(store_kind(fx->s), STORE_CENTER);
	assert_string_equal(store_path(fx->s), fx->path);
}

static void
test_create_mode_despite_umask(void **state)
{
	char *dir = unit_mkdtemp(), path[4200];
	struct store *s;
	struct error err;
	struct stat st;
	mode_t old = umask(0);

	(void)state;
	unit_path(path, sizeof path, dir, "open.db");
	s = store_create(path, STORE_CENTER, "mashiba", "x", &err);
	assert_non_null(s);
	assert_true(store_set_setting(s, "note", "personal data", &err));
	umask(old);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* The WAL beside it holds the same personal data. */
	unit_path(path, sizeof path, dir, "open.db-wal");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	store_close(s);
	unit_rmdir(dir);
}

static void
test_create_city(void **state)
{
	char *dir = unit_mkdtemp(), path[4200];
	struct store *s;
	struct error err;

	(void)state;
	unit_path(path, sizeof path, dir, "city.db");
	s = store_create(path, STORE_CITY, NULL, "一関市 まちづくり推進課", &err);
	if (s == NULL)
		fail_msg("store_create: %s", err.text);
	assert_int_equal(store_kind(s), STORE_CITY);
	assert_string_equal(store_origin(s), "city");
	store_close(s);
	s = store_open(path, &err);
	assert_non_null(s);
	assert_int_equal(store_kind(s), STORE_CITY);
	assert_string_equal(store_origin(s), "city");
	store_close(s);
	unit_rmdir(dir);
}

static void
test_create_refuses_existing(void **state)
{
	struct unit_fx *fx = *state;
	char other[4200], line[64];
	struct store *s;
	struct error err;

	/* Over a store. */
	error_clear(&err);
	s = store_create(fx->path, STORE_CENTER, "other", "Other", &err);
	assert_null(s);
	assert_contains(err.text, "already exists");
	assert_string_equal(store_origin(fx->s), "mashiba");

	/* Over any other file, which stays as it was. */
	unit_path(other, sizeof other, fx->dir, "notes.txt");
	write_file(other, "keep me\n");
	error_clear(&err);
	s = store_create(other, STORE_CENTER, "other", "Other", &err);
	assert_null(s);
	assert_contains(err.text, "already exists");
	read_file(other, line, sizeof line);
	assert_string_equal(line, "keep me\n");
}

static void
test_create_in_missing_folder(void **state)
{
	char *dir = unit_mkdtemp(), path[4200];
	struct error err;

	(void)state;
	unit_path(path, sizeof path, dir, "no-such-folder/kyodo.db");
	error_clear(&err);
	assert_null(store_create(path, STORE_CENTER, "mashiba", "x", &err));
	assert_contains(err.text, path);
	unit_rmdir(dir);
}

static void
test_open_missing(void **state)
{
	char *dir = unit_mkdtemp(), path[4200];
	struct error err;
	struct stat st;

	(void)state;
	unit_path(path, sizeof path, dir, "nothing.db");
	error_clear(&err);
	assert_null(store_open(path, &err));
	assert_contains(err.text, "no store");
	assert_contains(err.text, path);
	/* Opening does not create it. */
	assert_int_not_equal(stat(path, &st), 0);
	unit_rmdir(dir);
}

static void
test_open_not_sqlite(void **state)
{
	char *dir = unit_mkdtemp(), path[4200];
	struct error err;
	int i;
	FILE *f;

	(void)state;
	unit_path(path, sizeof path, dir, "letter.db");
	f = fopen(path, "w");
	assert_non_null(f);
	for (i = 0; i < 100; i++)
		fputs("This is a letter to the city, not a database at all.\n", f);
	fclose(f);
	error_clear(&err);
	assert_null(store_open(path, &err));
	assert_contains(err.text, "not a kyodo store");
	assert_contains(err.text, "SQLite");
	assert_contains(err.text, path);

	/* A folder is not a store either. */
	error_clear(&err);
	assert_null(store_open(dir, &err));
	assert_contains(err.text, "not a kyodo store");
	unit_rmdir(dir);
}

static void
test_open_foreign_sqlite(void **state)
{
	char *dir = unit_mkdtemp(), path[4200];
	struct error err;

	(void)state;
	unit_path(path, sizeof path, dir, "other-app.db");
	raw_exec(path, "CREATE TABLE t (x); INSERT INTO t VALUES (1)");
	error_clear(&err);
	assert_null(store_open(path, &err));
	assert_contains(err.text, "not a kyodo store");
	/* Left as it was: no kyodo tables added. */
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 0);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM sqlite_master WHERE name = 'setting'"), 0);
	unit_rmdir(dir);
}

static void
check_pragmas(struct store *s)
{
	char mode[32];

	assert_true(store_schema_version() >= 1);
	assert_int_equal(unit_sql_int(s, "PRAGMA user_version"), store_schema_version());
	unit_sql_text(s, "PRAGMA journal_mode", mode, sizeof mode);
	assert_string_equal(mode, "wal");
	assert_int_equal(unit_sql_int(s, "PRAGMA foreign_keys"), 1);
	assert_int_equal(unit_sql_int(s, "PRAGMA synchronous"), 2);	/* FULL */
	assert_true(unit_sql_int(s, "PRAGMA busy_timeout") > 0);
	/* The migrations made the tables. */
	assert_int_equal(unit_sql_int(s, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
	    "AND name IN ('setting', 'staff', 'meeting', 'event', 'facility_use', 'audit')"), 6);
}

static void
test_schema_and_pragmas(void **state)
{
	struct unit_fx *fx = *state;
	struct error err;

	check_pragmas(fx->s);
	store_close(fx->s);
	fx->s = store_open(fx->path, &err);
	if (fx->s == NULL)
		fail_msg("store_open: %s", err.text);
	check_pragmas(fx->s);
	assert_string_equal(store_origin(fx->s), "mashiba");
	assert_string_equal(store_name(fx->s), "真柴市民センター");
}

static void
test_newer_store_refused(void **state)
{
	struct unit_fx *fx = *state;
	char sql[64];
	struct error err;
	int newer = store_schema_version() + 1;

	store_close(fx->s);
	fx->s = NULL;
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", newer);
	raw_exec(fx->path, sql);
	error_clear(&err);
	assert_null(store_open(fx->path, &err));
	assert_contains(err.text, "newer kyodo");
	assert_contains(err.text, fx->path);
	/* Refusing it does not touch its version. */
	assert_int_equal(raw_int(fx->path, "PRAGMA user_version"), newer);
}

/* A schema number no kyodo writes (negative, or far past any) is refused
 * in kyodo's words, never SQLite's "not an error". */
static void
test_nonsense_schema_number_refused(void **state)
{
	static const char *const numbers[] = { "-1", "-2147483648", "2147483647", "10000" };
	struct unit_fx *fx = *state;
	char sql[64];
	struct error err;
	size_t i;

	store_close(fx->s);
	fx->s = NULL;
	for (i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
		snprintf(sql, sizeof sql, "PRAGMA user_version = %s", numbers[i]);
		raw_exec(fx->path, sql);
		error_clear(&err);
		assert_null(store_open(fx->path, &err));
		assert_contains(err.text, "is not a kyodo store");
		assert_contains(err.text, numbers[i]);
		assert_not_contains(err.text, "not an error");
	}
}

/* Constraint failures are said as what they mean, not as SQLite's text
 * naming tables and columns. */
static void
test_constraint_errors_in_kyodos_words(void **state)
{
	static const struct { const char *sql, *want; } cases[] = {
		{ "INSERT INTO setting (key, value) VALUES (NULL, 'x')", "is missing" },
		{ "INSERT INTO setting (key, value) VALUES ('code', 'x')", "already stored" },
		{ "CREATE TEMP TABLE t (a INTEGER CHECK (a > 0)); INSERT INTO t VALUES (0)",
		    "outside what the store accepts" },
		{ "CREATE TEMP TABLE p (id INTEGER PRIMARY KEY); CREATE TEMP TABLE c (p INTEGER "
		    "REFERENCES p(id)); INSERT INTO c VALUES (7)", "not in the store" },
	};
	struct unit_fx *fx = *state;
	struct error err;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_not_equal(sqlite3_exec(store_db(fx->s), cases[i].sql, NULL, NULL, NULL),
		    SQLITE_OK);
		store_sql_error(fx->s, "Saving", &err);
		assert_contains(err.text, "Saving: ");
		assert_contains(err.text, cases[i].want);
		assert_not_contains(err.text, "constraint failed");
		sqlite3_exec(store_db(fx->s), "DROP TABLE IF EXISTS temp.t; DROP TABLE IF EXISTS "
		    "temp.c; DROP TABLE IF EXISTS temp.p", NULL, NULL, NULL);
	}
}

static void
test_settings(void **state)
{
	struct unit_fx *fx = *state;
	struct error err;
	char *v;

	assert_null(store_setting(fx->s, "language"));
	assert_true(store_set_setting(fx->s, "language", "ja", &err));
	v = store_setting(fx->s, "language");
	assert_str(v, "ja");
	free(v);
	assert_true(store_set_setting(fx->s, "language", "en", &err));
	v = store_setting(fx->s, "language");
	assert_str(v, "en");
	free(v);
	assert_true(store_set_setting(fx->s, "greeting", "ようこそ、真柴へ", &err));
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM setting WHERE key = 'language'"), 1);

	/* They last. */
	store_close(fx->s);
	fx->s = store_open(fx->path, &err);
	assert_non_null(fx->s);
	v = store_setting(fx->s, "language");
	assert_str(v, "en");
	free(v);
	v = store_setting(fx->s, "greeting");
	assert_str(v, "ようこそ、真柴へ");
	free(v);
	v = store_setting(fx->s, "code");
	assert_str(v, "mashiba");
	free(v);
}

static void
test_transactions(void **state)
{
	struct unit_fx *fx = *state;
	struct error err;
	char *v;

	assert_true(store_begin(fx->s, &err));
	assert_true(store_set_setting(fx->s, "draft", "1", &err));
	store_rollback(fx->s);
	assert_null(store_setting(fx->s, "draft"));

	assert_true(store_begin(fx->s, &err));
	assert_true(store_set_setting(fx->s, "draft", "2", &err));
	assert_true(store_commit(fx->s, &err));
	v = store_setting(fx->s, "draft");
	assert_str(v, "2");
	free(v);
	/* Rolling back with nothing open is harmless. */
	store_rollback(fx->s);
}

/* KYODO_FAULT_FULL is read when a store is opened; the flag file it names
 * is looked for at each transaction, as tests/e2e/diskfull.sh makes and
 * removes it under a running kiosk. */
static void
test_fault_full_switch(void **state)
{
	struct unit_fx *fx = *state;
	char flag[4200];
	struct store *s;
	struct error err;

	unit_path(flag, sizeof flag, fx->dir, "full-flag");
	setenv("KYODO_FAULT_FULL", flag, 1);
	s = store_open(fx->path, &err);
	unsetenv("KYODO_FAULT_FULL");	/* read at the open: this changes nothing now */
	assert_non_null(s);
	assert_true(store_begin(s, &err));
	store_rollback(s);
	write_file(flag, "");
	assert_false(store_begin(s, &err));
	assert_contains(err.text, "the disk is full");
	/* A store opened before the switch was set never looks for the file. */
	assert_true(store_begin(fx->s, &err));
	store_rollback(fx->s);
	unlink(flag);
	assert_true(store_begin(s, &err));
	store_rollback(s);
	store_close(s);
}

static void
test_waits_for_other_writer(void **state)
{
	struct unit_fx *fx = *state;
	struct error err;
	int fds[2], status = -1;
	char c = 0, *v;
	pid_t pid;

	/* Another process takes the write lock and holds it a moment; a write
	 * here waits for it instead of failing with "busy". */
	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		sqlite3 *db = NULL;
		int rc = 1;

		close(fds[0]);
		if (sqlite3_open(fx->path, &db) == SQLITE_OK &&
		    sqlite3_exec(db, "BEGIN IMMEDIATE; INSERT INTO setting VALUES "
		    "('other', 'was here')", NULL, NULL, NULL) == SQLITE_OK) {
			(void)!write(fds[1], "L", 1);
			usleep(300 * 1000);
			rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK;
		}
		sqlite3_close(db);
		_exit(rc);
	}
	close(fds[1]);
	assert_int_equal(read(fds[0], &c, 1), 1);
	close(fds[0]);
	assert_int_equal(c, 'L');
	if (!store_set_setting(fx->s, "mine", "too", &err))
		fail_msg("store_set_setting while another holds the lock: %s", err.text);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	v = store_setting(fx->s, "other");
	assert_str(v, "was here");
	free(v);
}

static void
count_problem(void *ctx, const char *problem)
{
	(void)problem;
	(*(int *)ctx)++;
}

static void
test_check_sound_store(void **state)
{
	struct unit_fx *fx = *state;
	struct error err;
	int reported = 0;

	add_meeting(fx->s, "2026-04-01", "第1回 円卓会議");
	assert_int_equal(store_check(fx->s, count_problem, &reported, &err), 0);
	assert_int_equal(reported, 0);
	assert_int_equal(store_check(fx->s, NULL, NULL, &err), 0);
}

/* Names of the files in dir other than those named, counted. */
static int
other_files(const char *dir, const char *const *known)
{
	struct dirent *e;
	DIR *d = opendir(dir);
	int n = 0, i;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		bool found = e->d_name[0] == '.' && (e->d_name[1] == '\0' ||
		    (e->d_name[1] == '.' && e->d_name[2] == '\0'));

		for (i = 0; !found && known[i] != NULL; i++)
			found = strcmp(e->d_name, known[i]) == 0;
		if (!found) {
			fprintf(stderr, "# unexpected file %s\n", e->d_name);
			n++;
		}
	}
	closedir(d);
	return n;
}

static void
test_backup(void **state)
{
	static const char *const known[] = {
		"kyodo.db", "kyodo.db-wal", "kyodo.db-shm", "backup.db", NULL,
	};
	struct unit_fx *fx = *state;
	const struct kind *k = kind_find("meeting");
	char path[4200], *v;
	struct store *copy;
	struct error err;
	struct stat st;
	int i;

	for (i = 1; i <= 5; i++) {
		char date[32], title[32];

		snprintf(date, sizeof date, "2026-04-%02d", i);
		snprintf(title, sizeof title, "会議 %d", i);
		add_meeting(fx->s, date, title);
	}
	assert_true(store_set_setting(fx->s, "language", "ja", &err));
	unit_path(path, sizeof path, fx->dir, "backup.db");
	if (!store_backup(fx->s, path, &err))
		fail_msg("store_backup: %s", err.text);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* No temporary file is left behind. */
	assert_int_equal(other_files(fx->dir, known), 0);
	/* One file in rollback-journal mode: header bytes 18 and 19 are 1, not
	 * 2 as in WAL mode. */
	{
		unsigned char head[100];
		FILE *f = fopen(path, "rb");

		assert_non_null(f);
		assert_int_equal(fread(head, 1, sizeof head, f), sizeof head);
		fclose(f);
		assert_memory_equal(head, "SQLite format 3", 16);
		assert_int_equal(head[18], 1);
		assert_int_equal(head[19], 1);
	}

	copy = store_open(path, &err);
	if (copy == NULL)
		fail_msg("store_open(backup): %s", err.text);
	assert_int_equal(record_count(copy, k, 0, 0, &err), 5);
	assert_int_equal(unit_sql_int(copy, "SELECT count(*) FROM audit"),
	    unit_sql_int(fx->s, "SELECT count(*) FROM audit"));
	/* The same rows, not just as many. */
	assert_int_equal(unit_sql_int(fx->s, "SELECT count(*) FROM meeting"), 5);
	{
		char a[4096], b[4096];

		unit_sql_text(fx->s, "SELECT group_concat(uuid || title || version, ',') FROM "
		    "(SELECT * FROM meeting ORDER BY uuid)", a, sizeof a);
		unit_sql_text(copy, "SELECT group_concat(uuid || title || version, ',') FROM "
		    "(SELECT * FROM meeting ORDER BY uuid)", b, sizeof b);
		assert_string_equal(a, b);
	}
	assert_string_equal(store_origin(copy), "mashiba");
	v = store_setting(copy, "language");
	assert_str(v, "ja");
	free(v);
	store_close(copy);
}

static void
test_backup_refuses_existing(void **state)
{
	struct unit_fx *fx = *state;
	char path[4200], line[64];
	struct error err;

	unit_path(path, sizeof path, fx->dir, "backup.db");
	write_file(path, "yesterday's backup\n");
	error_clear(&err);
	assert_false(store_backup(fx->s, path, &err));
	assert_contains(err.text, "already exists");
	read_file(path, line, sizeof line);
	assert_string_equal(line, "yesterday's backup\n");

	/* A backup over the store itself is refused too, and says so. */
	error_clear(&err);
	assert_false(store_backup(fx->s, fx->path, &err));
	assert_contains(err.text, "the store itself");
}

static void
test_code_valid(void **state)
{
	(void)state;
	assert_true(store_code_valid("mashiba"));
	assert_true(store_code_valid("ab"));
	assert_true(store_code_valid("a-1"));
	assert_true(store_code_valid("hiraizumi-2nd"));
	assert_true(store_code_valid("abcdefghijklmnop"));	/* 16 */
	assert_false(store_code_valid("abcdefghijklmnopq"));	/* 17 */
	assert_false(store_code_valid("a"));
	assert_false(store_code_valid(""));
	assert_false(store_code_valid("city"));
	assert_false(store_code_valid("1abc"));
	assert_false(store_code_valid("-abc"));
	assert_false(store_code_valid("Mashiba"));
	assert_false(store_code_valid("ma_shiba"));
	assert_false(store_code_valid("ma shiba"));
	assert_false(store_code_valid("真柴"));
	assert_false(store_code_valid("ab/c"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create_mode_and_identity, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test(test_create_mode_despite_umask),
		cmocka_unit_test(test_create_city),
		cmocka_unit_test_setup_teardown(test_create_refuses_existing, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test(test_create_in_missing_folder),
		cmocka_unit_test(test_open_missing),
		cmocka_unit_test(test_open_not_sqlite),
		cmocka_unit_test(test_open_foreign_sqlite),
		cmocka_unit_test_setup_teardown(test_schema_and_pragmas, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_newer_store_refused, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_nonsense_schema_number_refused, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_constraint_errors_in_kyodos_words, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_settings, unit_fx_setup, unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_transactions, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_fault_full_switch, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_waits_for_other_writer, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_check_sound_store, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_backup, unit_fx_setup, unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_backup_refuses_existing, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test(test_code_valid),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
