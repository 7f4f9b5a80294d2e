/* wrap — see wrap.h. */
#include "wrap.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"

/* Characters a Japanese line does not start with (closing brackets and
 * punctuation, small kana, the long-vowel mark) and ones it does not end
 * with (opening brackets): the rule of 禁則処理 as word processors keep it. */
static const char *const no_start =
	"、。，．・：；？！ー…‥）」』】〕〉》］｝〙〗゛゜ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
	",.:;?!)]}%";
static const char *const no_end = "（「『【〔〈《［｛〘〖([{";

static bool
in_set(const char *set, const char *p)
{
	uint32_t cp, c;
	size_t k, n = strlen(set);

	if (utf8_decode(p, strlen(p), &cp) == 0)
		return false;
	for (; *set != '\0'; set += k, n -= k) {
		if ((k = utf8_decode(set, n, &c)) == 0)
			return false;
		if (c == cp)
			return true;
	}
	return false;
}

/* The byte where the character before p (within line) starts. */
static const char *
prev_char(const char *line, const char *p)
{
	if (p <= line)
		return line;
	do
		p--;
	while (p > line && ((unsigned char)*p & 0xC0) == 0x80);
	return p;
}

/* Where to end a line of text at p that may take width columns: as much
 * as fits, back to a space for Latin words, and moved back a character
 * or two so that no line starts with a closing mark or ends with an
 * opening one.  Always at least one character. */
static size_t
line_end(const char *p, int width)
{
	size_t cut = text_fit(p, width, NULL), sp;
	const char *e;
	int guard;

	if (*p == '\0')
		return 0;	/* an empty line stays one */
	if (cut == 0) {
		/* A character wider than the line: it goes alone. */
		uint32_t cp;
		size_t k = utf8_decode(p, strlen(p), &cp);

		return k > 0 ? k : 1;
	}
	if (p[cut] == '\0')
		return cut;
	/* Latin words break at a space; Japanese anywhere. */
	for (sp = cut; sp > 0 && p[sp] != ' '; sp--)
		;
	if (sp > cut / 2)
		return sp;
	for (guard = 0; guard < 2; guard++) {
		e = prev_char(p, p + cut);
		if (e > p && (in_set(no_start, p + cut) || in_set(no_end, e)))
			cut = (size_t)(e - p);
	}
	return cut;
}

void
wrap_lines(const char *text, int width,
    void (*each)(void *ctx, const char *line, size_t len), void *ctx)
{
	char *copy = xstrdup(text), *line, *next, *vis, *p;
	size_t keep;

	if (width < 10)
		width = 10;
	for (line = copy; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		vis = text_visible(line);
		p = vis;
		do {
			keep = line_end(p, width);
			each(ctx, p, keep);
			p += keep;
			while (*p == ' ')
				p++;
		} while (*p != '\0');
		free(vis);
	}
	free(copy);
}
