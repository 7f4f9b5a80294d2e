/* Unit tests for outfile: a new file is written whole or not at all, never
 * over what is there, never through a symbolic link, never over a store
 * (its file, a hard link to it, or a journal name beside it); with
 * OUTFILE_REPLACE the old file stays until the new one is complete. */
#include "unit.h"

#include <fcntl.h>
#include <sys/stat.h>

#include "store/outfile.h"

/* Everything in dir, hidden names included (a temporary file left behind). */
static int
entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

static void
put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* The whole of a small file, or "" when it cannot be read. */
static const char *
slurp(const char *path)
{
	static char text[256];
	FILE *f = fopen(path, "r");
	size_t n = 0;

	text[0] = '\0';
	if (f != NULL) {
		n = fread(text, 1, sizeof text - 1, f);
		fclose(f);
	}
	text[n] = '\0';
	return text;
}

static void
test_writes_a_new_file_whole(void **state)
{
	struct unit_fx *fx = *state;
	char path[PATH_MAX];
	struct error err;
	struct stat st;
	int before = entries(fx->dir);

	unit_path(path, sizeof path, fx->dir, "city.key");
	assert_true(outfile_write(path, "key\n", 4, 0, 0600, &err));
	assert_string_equal(slurp(path), "key\n");
	assert_int_equal(lstat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* Only the file itself: no temporary name left beside it. */
	assert_int_equal(entries(fx->dir), before + 1);
}

/* path is refused with a sentence holding why; nothing in the folder
 * changes (a target's bytes included). */
static void
refused(struct unit_fx *fx, const char *path, int flags, const char *why)
{
	struct outfile of;
	struct error err;
	int before = entries(fx->dir);
	int fd;

	error_clear(&err);
	assert_false(outfile_write(path, "new\n", 4, flags, 0600, &err));
	assert_contains(err.text, why);
	assert_int_equal(entries(fx->dir), before);
	assert_false(outfile_begin(&of, path, flags, 0600, &err));
	assert_int_equal(entries(fx->dir), before);
	if (!(flags & OUTFILE_REPLACE)) {
		fd = outfile_create(path, 0600, &err);
		assert_int_equal(fd, -1);
		assert_contains(err.text, why);
		assert_int_equal(entries(fx->dir), before);
	}
}

static void
test_refuses_what_is_in_the_way(void **state)
{
	struct unit_fx *fx = *state;
	char file[PATH_MAX], sym[PATH_MAX], dangling[PATH_MAX], dir[PATH_MAX];
	char hard[PATH_MAX], target[PATH_MAX], journal[PATH_MAX + 16];
	struct stat st;

	unit_path(file, sizeof file, fx->dir, "precious.txt");
	put(file, "precious\n");
	refused(fx, file, 0, "already exists");
	assert_string_equal(slurp(file), "precious\n");

	unit_path(sym, sizeof sym, fx->dir, "link.key");
	assert_int_equal(symlink(file, sym), 0);
	refused(fx, sym, 0, "symbolic link");
	refused(fx, sym, OUTFILE_REPLACE, "symbolic link");
	assert_string_equal(slurp(file), "precious\n");

	unit_path(dangling, sizeof dangling, fx->dir, "dangling.key");
	unit_path(target, sizeof target, fx->dir, "nowhere.txt");
	assert_int_equal(symlink(target, dangling), 0);
	refused(fx, dangling, 0, "symbolic link");
	refused(fx, dangling, OUTFILE_REPLACE, "symbolic link");
	assert_int_not_equal(lstat(target, &st), 0);

	unit_path(dir, sizeof dir, fx->dir, "folder");
	assert_int_equal(mkdir(dir, 0700), 0);
	refused(fx, dir, 0, "folder");
	refused(fx, dir, OUTFILE_REPLACE, "folder");

	/* The open store, by its name, a hard link, or a journal name. */
	refused(fx, fx->path, 0, "the store itself");
	refused(fx, fx->path, OUTFILE_REPLACE, "the store itself");
	unit_path(hard, sizeof hard, fx->dir, "hard.db");
	assert_int_equal(link(fx->path, hard), 0);
	refused(fx, hard, OUTFILE_REPLACE, "the store itself");
	snprintf(journal, sizeof journal, "%s-journal", fx->path);
	refused(fx, journal, OUTFILE_REPLACE, "the store uses beside it");
	assert_int_equal(store_check(fx->s, NULL, NULL, NULL), 0);
}

static void
test_replace_keeps_the_old_file_until_the_new_is_whole(void **state)
{
	struct unit_fx *fx = *state;
	char path[PATH_MAX];
	struct outfile of;
	struct error err;
	int before;

	unit_path(path, sizeof path, fx->dir, "report.csv");
	put(path, "old\n");
	before = entries(fx->dir);
	assert_true(outfile_begin(&of, path, OUTFILE_REPLACE, 0600, &err));
	assert_int_equal(write(of.fd, "new\n", 4), 4);
	assert_string_equal(slurp(path), "old\n");
	/* Given up: the old file is as it was, the temporary file gone. */
	outfile_abort(&of);
	assert_string_equal(slurp(path), "old\n");
	assert_int_equal(entries(fx->dir), before);
	assert_true(outfile_write(path, "new\n", 4, OUTFILE_REPLACE, 0600, &err));
	assert_string_equal(slurp(path), "new\n");
	assert_int_equal(entries(fx->dir), before);
}

static void
test_a_name_taken_meanwhile_is_not_replaced(void **state)
{
	struct unit_fx *fx = *state;
	char path[PATH_MAX];
	struct outfile of;
	struct error err;
	int before = entries(fx->dir);

	unit_path(path, sizeof path, fx->dir, "late.key");
	assert_true(outfile_begin(&of, path, 0, 0600, &err));
	assert_int_equal(write(of.fd, "mine\n", 5), 5);
	put(path, "theirs\n");
	assert_false(outfile_commit(&of, &err));
	assert_contains(err.text, "already exists");
	assert_string_equal(slurp(path), "theirs\n");
	assert_int_equal(entries(fx->dir), before + 1);
}

static void
test_a_writer_by_name_and_a_log_written_as_it_goes(void **state)
{
	struct unit_fx *fx = *state;
	char path[PATH_MAX], log[PATH_MAX];
	struct outfile of;
	struct error err;
	int fd;

	/* SQLite and the like write the temporary file by its name. */
	unit_path(path, sizeof path, fx->dir, "copy.db");
	assert_true(outfile_begin(&of, path, 0, 0600, &err));
	outfile_detach(&of);
	put(of.tmp, "by name\n");
	assert_true(outfile_commit(&of, &err));
	assert_string_equal(slurp(path), "by name\n");

	unit_path(log, sizeof log, fx->dir, "frames.log");
	fd = outfile_create(log, 0600, &err);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "x\n", 2), 2);
	close(fd);
	assert_string_equal(slurp(log), "x\n");
	assert_int_equal(outfile_create(log, 0600, &err), -1);
	assert_contains(err.text, "already exists");
}

static void
test_rename_new_never_replaces(void **state)
{
	struct unit_fx *fx = *state;
	char a[PATH_MAX], b[PATH_MAX], c[PATH_MAX];

	unit_path(a, sizeof a, fx->dir, "a");
	unit_path(b, sizeof b, fx->dir, "b");
	unit_path(c, sizeof c, fx->dir, "c");
	put(a, "a\n");
	put(b, "b\n");
	assert_false(outfile_rename_new(a, b));
	assert_string_equal(slurp(b), "b\n");
	assert_true(outfile_rename_new(a, c));
	assert_string_equal(slurp(c), "a\n");
	assert_string_equal(slurp(a), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_writes_a_new_file_whole, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_refuses_what_is_in_the_way, unit_fx_setup,
		    unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_replace_keeps_the_old_file_until_the_new_is_whole,
		    unit_fx_setup, unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_a_name_taken_meanwhile_is_not_replaced,
		    unit_fx_setup, unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_a_writer_by_name_and_a_log_written_as_it_goes,
		    unit_fx_setup, unit_fx_teardown),
		cmocka_unit_test_setup_teardown(test_rename_new_never_replaces, unit_fx_setup,
		    unit_fx_teardown),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
