/*
 * wrap — text cut into lines of a display width, as Japanese is set: the
 * line breaks the writer typed are kept, Latin words break at a space,
 * Japanese between any two characters except that no line starts with a
 * closing mark (、。」) …) or ends with an opening one (「（ …) — the
 * kinsoku rule word processors keep.  Never cuts inside a character.
 */
#ifndef KYODO_WRAP_H
#define KYODO_WRAP_H

#include <stddef.h>

/* Calls each for the lines of text (made visible with text_visible) in at
 * most width display columns (width < 10 counts as 10; a character wider
 * than the line goes alone).  line is not NUL-terminated: len bytes. */
void wrap_lines(const char *text, int width,
    void (*each)(void *ctx, const char *line, size_t len), void *ctx);

#endif
