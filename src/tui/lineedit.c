/* lineedit — see lineedit.h. */
#include "lineedit.h"

#include <curses.h>
#include <string.h>

#include "base/text.h"

#define CTRL(c) ((c) & 0x1F)

void
lineedit_init(struct lineedit *e, const char *text, size_t max_chars)
{
	memset(e, 0, sizeof *e);
	e->max_chars = max_chars;
	lineedit_set(e, text);
}

void
lineedit_free(struct lineedit *e)
{
	buf_free(&e->text);
	e->cursor = e->first = 0;
}

void
lineedit_set(struct lineedit *e, const char *text)
{
	buf_reset(&e->text);
	if (text != NULL)
		buf_adds(&e->text, text);
	e->cursor = e->text.len;
	e->first = 0;
}

const char *
lineedit_text(const struct lineedit *e)
{
	return buf_str(&e->text);
}

/* Byte length of the character before / at offset i.  Invalid bytes count
 * as one character each, as text_visible() shows them. */
static size_t
prev_len(const struct lineedit *e, size_t i)
{
	const char *s = buf_str(&e->text);
	size_t k = i;

	if (i == 0)
		return 0;
	while (k > 0 && i - k < 4) {
		uint32_t cp;

		k--;
		if (((unsigned char)s[k] & 0xC0) != 0x80)
			return utf8_decode(s + k, i - k, &cp) == i - k ? i - k : 1;
	}
	return 1;
}

static size_t
next_len(const struct lineedit *e, size_t i)
{
	uint32_t cp;
	size_t k;

	if (i >= e->text.len)
		return 0;
	k = utf8_decode(buf_str(&e->text) + i, e->text.len - i, &cp);
	return k == 0 ? 1 : k;
}

static void
cut(struct lineedit *e, size_t from, size_t to)
{
	memmove(e->text.data + from, e->text.data + to, e->text.len - to + 1);
	e->text.len -= to - from;
	if (e->cursor > to)
		e->cursor -= to - from;
	else if (e->cursor > from)
		e->cursor = from;
	if (e->first > e->cursor)
		e->first = e->cursor;
}

static bool
insertable(uint32_t wch)
{
	/* Controls (C0, DEL, C1) are keys, not text; surrogates are not
	 * characters at all. */
	return wch >= 0x20 && wch != 0x7F && !(wch >= 0x80 && wch < 0xA0) &&
	    !(wch >= 0xD800 && wch <= 0xDFFF) && wch <= 0x10FFFF;
}

static enum lineedit_result
insert(struct lineedit *e, uint32_t wch)
{
	struct buf ch = {0};
	size_t n;

	if (e->max_chars > 0 && text_chars(buf_str(&e->text)) >= e->max_chars)
		return LINEEDIT_MOVED;	/* full: swallow the key, change nothing */
	utf8_encode(&ch, wch);
	n = ch.len;
	buf_add(&e->text, ch.data, n);	/* grows; then shift the tail right */
	memmove(e->text.data + e->cursor + n, e->text.data + e->cursor,
	    e->text.len - n - e->cursor);
	memcpy(e->text.data + e->cursor, ch.data, n);
	e->cursor += n;
	buf_free(&ch);
	return LINEEDIT_CHANGED;
}

static enum lineedit_result
move_to(struct lineedit *e, size_t to)
{
	e->cursor = to;
	return LINEEDIT_MOVED;
}

enum lineedit_result
lineedit_key(struct lineedit *e, uint32_t wch, bool is_key_code)
{
	size_t n;

	if (is_key_code) {
		switch (wch) {
		case KEY_LEFT:
			return move_to(e, e->cursor - prev_len(e, e->cursor));
		case KEY_RIGHT:
			return move_to(e, e->cursor + next_len(e, e->cursor));
		case KEY_HOME:
			return move_to(e, 0);
		case KEY_END:
			return move_to(e, e->text.len);
		case KEY_BACKSPACE:
			break;
		case KEY_DC:
			n = next_len(e, e->cursor);
			if (n == 0)
				return LINEEDIT_MOVED;
			cut(e, e->cursor, e->cursor + n);
			return LINEEDIT_CHANGED;
		default:
			return LINEEDIT_IGNORED;
		}
	} else if (insertable(wch)) {
		return insert(e, wch);
	} else {
		switch (wch) {
		case CTRL('A'):
			return move_to(e, 0);
		case CTRL('E'):
			return move_to(e, e->text.len);
		case CTRL('B'):
			return move_to(e, e->cursor - prev_len(e, e->cursor));
		case CTRL('F'):
			return move_to(e, e->cursor + next_len(e, e->cursor));
		case CTRL('U'):
			if (e->cursor == 0)
				return LINEEDIT_MOVED;
			cut(e, 0, e->cursor);
			return LINEEDIT_CHANGED;
		case CTRL('K'):
			if (e->cursor == e->text.len)
				return LINEEDIT_MOVED;
			cut(e, e->cursor, e->text.len);
			return LINEEDIT_CHANGED;
		case CTRL('H'):
		case 0x7F:
			break;
		default:
			return LINEEDIT_IGNORED;
		}
	}
	/* Backspace, in any of its spellings. */
	n = prev_len(e, e->cursor);
	if (n == 0)
		return LINEEDIT_MOVED;
	cut(e, e->cursor - n, e->cursor);
	return LINEEDIT_CHANGED;
}

/* Columns taken by the bytes [from, to). */
static int
span_width(const struct lineedit *e, size_t from, size_t to)
{
	struct buf part = {0};
	int w;

	buf_add(&part, e->text.data + from, to - from);
	w = text_width(buf_str(&part));
	buf_free(&part);
	return w;
}

int
lineedit_view(struct lineedit *e, int width)
{
	int w;

	if (width < 1)
		width = 1;
	if (e->first > e->cursor)
		e->first = e->cursor;
	if (e->text.len == 0)
		return 0;
	/* Keep one column free after the cursor so it has somewhere to sit. */
	while ((w = span_width(e, e->first, e->cursor)) > width - 1 && e->first < e->cursor)
		e->first += next_len(e, e->first);
	return w;
}
