/*
 * lineedit-fuzzer — the form editor's key decoder: the input is a stream of
 * keystrokes (UTF-8 characters typed, and control bytes standing for the
 * arrow, Home, End, Backspace and Delete keys).  After every key the text
 * must be valid UTF-8 within its limit and the cursor on a character
 * boundary inside it.
 */
#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The editor is built into the fuzzer: it lives with the kiosk's widgets,
 * not in the core the other targets link. */
#include "tui/lineedit.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check(const struct lineedit *e)
{
	const char *t = lineedit_text(e);
	size_t n = strlen(t);
	uint32_t cp;

	if (!text_is_utf8(t, n) || e->cursor > n || e->first > n)
		abort();
	if (e->cursor < n && utf8_decode(t + e->cursor, n - e->cursor, &cp) == 0)
		abort();
	if (e->max_chars > 0 && text_chars(t) > e->max_chars)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int codes[] = {
		KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END, KEY_BACKSPACE, KEY_DC, KEY_UP, KEY_DOWN,
	};
	struct lineedit e;
	size_t i = 0, k;
	uint32_t cp;

	if (size == 0)
		return 0;
	/* The first byte picks the limit, as forms have fields of every length. */
	lineedit_init(&e, NULL, data[0] % 2 ? (size_t)(data[0] % 40) : 0);
	for (i = 1; i < size;) {
		if (data[i] < 0x10) {
			lineedit_key(&e, (uint32_t)codes[data[i] % 8], true);
			i++;
		} else {
			k = utf8_decode((const char *)data + i, size - i, &cp);
			if (k == 0) {
				/* A byte that is not UTF-8 arrives as itself. */
				cp = data[i];
				k = 1;
			}
			lineedit_key(&e, cp, false);
			i += k;
		}
		check(&e);
		(void)lineedit_view(&e, 1 + (int)(data[0] % 30));
		check(&e);
	}
	lineedit_free(&e);
	return 0;
}
