/* Unit tests for what the sync screen's key files rest on: the files in a
 * stick's folder that may be a key file (stick_key_files: small regular
 * files by name; no .kyodo, hidden, large, folder or link), and the folder
 * last chosen, kept in the store (synclog_folder). */
#include "unit.h"

#include <sys/stat.h>

#include "sync/keys.h"
#include "sync/stick.h"
#include "sync/synclog.h"

static void
write_file(const char *dir, const char *name, size_t bytes)
{
	char path[4200];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	while (bytes-- > 0)
		fputc('x', f);
	fclose(f);
}

static void
test_key_files(void **state)
{
	char *dir = unit_mkdtemp(), *names[STICK_MAX], path[4200], target[4200];
	struct error err;
	int n;

	(void)state;
	write_file(dir, "city.key", 300);
	write_file(dir, "b jonan.txt", 200);
	write_file(dir, "kyodo-jonan-to-city-20261128-093000.kyodo", 100);
	write_file(dir, ".hidden.key", 100);
	write_file(dir, "photo.jpg", KEYS_FILE_MAX + 1);
	write_file(dir, "edge.key", KEYS_FILE_MAX);
	assert_int_equal(mkdir(unit_path(path, sizeof path, dir, "folder.key"), 0700), 0);
	assert_int_equal(symlink(unit_path(target, sizeof target, dir, "city.key"),
	    unit_path(path, sizeof path, dir, "link.key")), 0);
	n = stick_key_files(dir, KEYS_FILE_MAX, names, &err);
	assert_int_equal(n, 3);
	assert_str(names[0], "b jonan.txt");
	assert_str(names[1], "city.key");
	assert_str(names[2], "edge.key");
	stick_free(names, n);
	unit_rmdir(dir);
}

static void
test_key_files_missing_folder(void **state)
{
	char *names[STICK_MAX];
	struct error err;

	(void)state;
	assert_int_equal(stick_key_files("/nonexistent/kyodo-stick", KEYS_FILE_MAX, names, &err),
	    -1);
	assert_non_null(strstr(err.text, "/nonexistent/kyodo-stick"));
}

static void
test_folder_kept(void **state)
{
	char *dir = unit_mkdtemp(), path[4200], *f;
	struct store *s;
	struct error err;

	(void)state;
	unit_path(path, sizeof path, dir, "c.db");
	s = store_create(path, STORE_CENTER, "jonan", "城南市民センター", &err);
	assert_non_null(s);
	assert_null(synclog_folder(s));
	assert_true(synclog_set_folder(s, "/media/usb0", &err));
	assert_true(synclog_set_folder(s, "/media/usb0", &err));	/* unchanged: no write */
	store_close(s);
	s = store_open(path, &err);
	assert_non_null(s);
	f = synclog_folder(s);
	assert_non_null(f);
	assert_str(f, "/media/usb0");
	free(f);
	store_close(s);
	unit_rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_files),
		cmocka_unit_test(test_key_files_missing_folder),
		cmocka_unit_test(test_folder_kept),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
