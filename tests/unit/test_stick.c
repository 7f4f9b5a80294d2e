/* Unit tests for core/stick: reading the file names sync.c writes (codes
 * may hold '-'), listing a folder's files addressed to a store newest
 * first, and finding stand-in sticks under KYODO_STICK_ROOTS. */
#include "unit.h"

#include <ftw.h>
#include <sys/stat.h>

#include "sync/stick.h"

static void
test_parse(void **state)
{
	struct stick_file f;

	(void)state;
	assert_true(stick_file_parse("kyodo-jonan-to-city-20261128-093000.kyodo", "city", &f));
	assert_str(f.sender, "jonan");
	assert_str(f.stamp, "20261128-093000");
	assert_str(f.name, "kyodo-jonan-to-city-20261128-093000.kyodo");
	assert_true(stick_file_parse("kyodo-city-to-jonan-20261128-093000.kyodo", "jonan", &f));
	assert_str(f.sender, "city");
	/* Codes with '-', even "-to-", are read from the end. */
	assert_true(stick_file_parse("kyodo-kita-1-to-city-20261128-093000.kyodo", "city", &f));
	assert_str(f.sender, "kita-1");
	assert_true(stick_file_parse("kyodo-a-to-b-to-city-20261128-093000.kyodo", "city", &f));
	assert_str(f.sender, "a-to-b");
	assert_true(stick_file_parse("kyodo-city-to-minami-2-20261128-093000.kyodo", "minami-2", &f));
	assert_str(f.sender, "city");

	assert_false(stick_file_parse("kyodo-jonan-to-city-20261128-093000.kyodo", "jonan", &f));
	assert_false(stick_file_parse("kyodo-city-to-jonan-20261128-093000.kyodo", "nan", &f));
	assert_false(stick_file_parse("kyodo-jonan-to-city-20261128-093000.kyod", "city", &f));
	assert_false(stick_file_parse("kyodo-jonan-to-city-2026112-0930000.kyodo", "city", &f));
	assert_false(stick_file_parse("kyodo-jonan-to-city-2026112X-093000.kyodo", "city", &f));
	assert_false(stick_file_parse("kyodo-jonan-to-city20261128-093000.kyodo", "city", &f));
	assert_false(stick_file_parse("kyodo--to-city-20261128-093000.kyodo", "city", &f));
	assert_false(stick_file_parse("kyodo-jonan-city-20261128-093000.kyodo", "city", &f));
	assert_false(stick_file_parse("jonan-to-city-20261128-093000.kyodo", "city", &f));
	assert_false(stick_file_parse("kyodo-abcdefghijklmnopq-to-city-20261128-093000.kyodo",
	    "city", &f));	/* a sender longer than a code */
	assert_false(stick_file_parse(".kyodo", "city", &f));
	assert_false(stick_file_parse("", "city", &f));
	assert_false(stick_file_parse("kyodo-jonan-to-city-20261128-093000.kyodo", "", &f));
}

static void
touch(const char *dir, const char *name)
{
	char path[4200];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("x", f);
	fclose(f);
}

static void
sub(const char *dir, const char *name)
{
	char path[4200];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	assert_int_equal(mkdir(path, 0700), 0);
}

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void
rm_tree(char *dir)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

static void
test_files_newest_first(void **state)
{
	char *dir = unit_mkdtemp();
	struct stick_file *files;
	struct error err;
	int n, other;

	(void)state;
	touch(dir, "kyodo-jonan-to-city-20261001-090000.kyodo");
	touch(dir, "kyodo-mashiba-to-city-20261128-093000.kyodo");
	touch(dir, "kyodo-jonan-to-city-20261128-093000.kyodo");
	touch(dir, "kyodo-city-to-jonan-20261128-100000.kyodo");	/* not for the city */
	touch(dir, "kyodo-jonan-to-city-20261128-093000.kyodo.tmp");
	touch(dir, "notes.txt");
	n = stick_files(dir, "city", &files, &other, &err);
	assert_int_equal(n, 3);
	assert_int_equal(other, 1);
	assert_str(files[0].name, "kyodo-jonan-to-city-20261128-093000.kyodo");
	assert_str(files[1].name, "kyodo-mashiba-to-city-20261128-093000.kyodo");
	assert_str(files[2].name, "kyodo-jonan-to-city-20261001-090000.kyodo");
	free(files);

	n = stick_files(dir, "jonan", &files, &other, &err);
	assert_int_equal(n, 1);
	assert_int_equal(other, 3);
	assert_str(files[0].sender, "city");
	free(files);

	n = stick_files(dir, "hagisho", &files, &other, &err);
	assert_int_equal(n, 0);
	assert_null(files);
	assert_int_equal(other, 4);
	rm_tree(dir);
}

static void
test_files_missing_folder(void **state)
{
	struct stick_file *files;
	struct error err;
	int other;

	(void)state;
	assert_int_equal(stick_files("/nonexistent/kyodo-stick", "city", &files, &other, &err), -1);
	assert_null(files);
	assert_contains(err.text, "/nonexistent/kyodo-stick");
}

static void
test_find_stand_ins(void **state)
{
	char *a = unit_mkdtemp(), *b = unit_mkdtemp(), roots[9000], want[4200];
	char *found[STICK_MAX];
	int n, i;

	(void)state;
	sub(a, "usb2");
	sub(a, "usb1");
	sub(a, ".hidden");
	touch(a, "a-file");
	sub(b, "stick");
	snprintf(roots, sizeof roots, "%s:/nonexistent/kyodo-root:%s", a, b);
	setenv("KYODO_STICK_ROOTS", roots, 1);
	n = stick_find(found, STICK_MAX);
	assert_int_equal(n, 3);
	snprintf(want, sizeof want, "%s/usb1", a);
	assert_str(found[0], want);
	snprintf(want, sizeof want, "%s/usb2", a);
	assert_str(found[1], want);
	snprintf(want, sizeof want, "%s/stick", b);
	assert_str(found[2], want);
	stick_free(found, n);

	/* No more than asked for. */
	n = stick_find(found, 2);
	assert_int_equal(n, 2);
	stick_free(found, n);

	/* The default roots: whatever is mounted there, folders only. */
	unsetenv("KYODO_STICK_ROOTS");
	n = stick_find(found, STICK_MAX);
	for (i = 0; i < n; i++) {
		struct stat st;

		assert_int_equal(stat(found[i], &st), 0);
		assert_true(S_ISDIR(st.st_mode));
	}
	stick_free(found, n);
	rm_tree(a);
	rm_tree(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_files_newest_first),
		cmocka_unit_test(test_files_missing_folder),
		cmocka_unit_test(test_find_stand_ins),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
