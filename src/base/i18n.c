/* i18n — see i18n.h. */
#include "i18n.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

static enum lang current = LANG_JA;
static bool user_utf8;
static char localedir[PATH_MAX];

static bool
has_catalog(const char *dir)
{
	char path[PATH_MAX + 64];
	struct stat st;

	snprintf(path, sizeof path, "%s/ja/LC_MESSAGES/kyodo.mo", dir);
	return stat(path, &st) == 0;
}

/* The build tree keeps catalogs beside the binary (build/locale); an
 * installed kyodo has them under PREFIX/share/locale. */
static void
find_localedir(void)
{
	const char *env = getenv("KYODO_LOCALEDIR");
	char exe[PATH_MAX], *slash;
	ssize_t n;

	if (env != NULL && *env != '\0') {
		snprintf(localedir, sizeof localedir, "%s", env);
		return;
	}
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash != NULL) {
			*slash = '\0';
			snprintf(localedir, sizeof localedir, "%.*s/locale", PATH_MAX - 16, exe);
			if (has_catalog(localedir))
				return;
			snprintf(localedir, sizeof localedir, "%.*s/../share/locale", PATH_MAX - 32, exe);
			if (has_catalog(localedir))
				return;
		}
	}
	snprintf(localedir, sizeof localedir, "%s", LOCALEDIR);
}

static bool
parse_lang(const char *code, enum lang *out)
{
	if (code == NULL)
		return false;
	if (strncmp(code, "ja", 2) == 0) {
		*out = LANG_JA;
		return true;
	}
	if (strncmp(code, "en", 2) == 0) {
		*out = LANG_EN;
		return true;
	}
	return false;
}

bool
i18n_set_lang(const char *code)
{
	enum lang l;

	if (!parse_lang(code, &l))
		return false;
	current = l;
	/* gettext follows LANGUAGE whenever the message locale is not "C". */
	setenv("LANGUAGE", l == LANG_JA ? "ja" : "en", 1);
	/* Tells libintl its cached translations are stale. */
	textdomain("kyodo");
	return true;
}

bool
i18n_setup(const char *lang_opt)
{
	const char *cs, *env_lang;
	enum lang l = LANG_JA;

	if (setlocale(LC_ALL, "") == NULL)
		setlocale(LC_ALL, "C");
	cs = nl_langinfo(CODESET);
	user_utf8 = cs != NULL && strcmp(cs, "UTF-8") == 0;
	if (!user_utf8 || strcmp(setlocale(LC_MESSAGES, NULL), "C") == 0 ||
	    strcmp(setlocale(LC_MESSAGES, NULL), "POSIX") == 0) {
		/* A missing or non-UTF-8 locale: handle characters as UTF-8 all
		 * the same, and let LANGUAGE pick the catalog. */
		if (setlocale(LC_ALL, "C.UTF-8") == NULL)
			setlocale(LC_ALL, "C");
	}
	find_localedir();
	bindtextdomain("kyodo", localedir);
	bind_textdomain_codeset("kyodo", "UTF-8");
	textdomain("kyodo");

	if (lang_opt != NULL) {
		if (!parse_lang(lang_opt, &l)) {
			i18n_set_lang("ja");
			return false;
		}
	} else {
		env_lang = getenv("LC_ALL");
		if (env_lang == NULL || *env_lang == '\0')
			env_lang = getenv("LC_MESSAGES");
		if (env_lang == NULL || *env_lang == '\0')
			env_lang = getenv("LANG");
		if (!parse_lang(env_lang, &l))
			l = LANG_JA;
	}
	return i18n_set_lang(l == LANG_JA ? "ja" : "en");
}

enum lang
i18n_lang(void)
{
	return current;
}

const char *
i18n_lang_code(void)
{
	return current == LANG_JA ? "ja" : "en";
}

bool
i18n_user_locale_utf8(void)
{
	return user_utf8;
}

const char *
i18n_localedir(void)
{
	return localedir;
}
