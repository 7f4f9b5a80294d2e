/*
 * i18n — the language people read kyodo in, and the locale it runs under.
 *
 * Messages are English msgids translated by gettext (domain "kyodo").  The
 * language is chosen by kyodo, not left to the locale, because a kiosk may
 * not have ja_JP.UTF-8 generated: an explicit choice, else the language part
 * of LANG, else Japanese.  Character handling always runs in a UTF-8 locale
 * (C.UTF-8 when the user's is missing or not UTF-8).
 */
#ifndef KYODO_I18N_H
#define KYODO_I18N_H

#include <libintl.h>
#include <stdbool.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define P_(s, p, n) ngettext(s, p, n)

enum lang { LANG_JA, LANG_EN };

/* Sets the locale and the message catalog.  lang_opt is "ja", "en" or NULL
 * (then LANG decides).  Returns false if lang_opt names no known language. */
bool i18n_setup(const char *lang_opt);
/* Switches the language later (a setting read from the store). */
bool i18n_set_lang(const char *code);
enum lang i18n_lang(void);
const char *i18n_lang_code(void);
/* True when the locale the user asked for could show UTF-8 text. */
bool i18n_user_locale_utf8(void);
/* Where the catalogs were found ("" when none). */
const char *i18n_localedir(void);

#endif
