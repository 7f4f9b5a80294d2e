/* enc — see enc.h. */
#include "enc.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "text.h"

#define GETA_UTF8 "\xE3\x80\x93"	/* 〓, the stand-in for a lost character */

struct encoder {
	enum encoding enc;
	iconv_t cd;
};

bool
encoding_parse(const char *name, enum encoding *out)
{
	static const struct {
		const char *name;
		enum encoding enc;
	} names[] = {
		{"utf-8", ENC_UTF8}, {"utf8", ENC_UTF8},
		{"utf-8-bom", ENC_UTF8_BOM}, {"utf8-bom", ENC_UTF8_BOM},
		{"cp932", ENC_CP932}, {"windows-31j", ENC_CP932},
		{"sjis", ENC_CP932}, {"shift_jis", ENC_CP932}, {"shift-jis", ENC_CP932},
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcasecmp(name, names[i].name) == 0) {
			*out = names[i].enc;
			return true;
		}
	}
	return false;
}

struct encoder *
encoder_new(enum encoding e, struct error *err)
{
	struct encoder *c = xcalloc(1, sizeof *c);

	c->enc = e;
	c->cd = (iconv_t)-1;
	if (e == ENC_CP932) {
		c->cd = iconv_open("CP932", "UTF-8");
		if (c->cd == (iconv_t)-1) {
			error_set(err, _("This system cannot convert text to CP932 (iconv)."));
			free(c);
			return NULL;
		}
	}
	return c;
}

void
encoder_free(struct encoder *c)
{
	if (c == NULL)
		return;
	if (c->cd != (iconv_t)-1)
		iconv_close(c->cd);
	free(c);
}

void
encoder_start(struct encoder *c, struct buf *out)
{
	if (c->enc == ENC_UTF8_BOM)
		buf_adds(out, "\xEF\xBB\xBF");
}

/* Converts one piece that iconv accepts as a whole; false if it refused. */
static bool
convert_piece(iconv_t cd, const char *p, size_t n, struct buf *out)
{
	char tmp[256], *in = (char *)p, *o;
	size_t inleft = n, outleft;

	while (inleft > 0) {
		o = tmp;
		outleft = sizeof tmp;
		if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1 && errno != E2BIG) {
			iconv(cd, NULL, NULL, NULL, NULL);
			return false;
		}
		buf_add(out, tmp, sizeof tmp - outleft);
	}
	return true;
}

size_t
encoder_convert(struct encoder *c, const char *utf8, size_t n, struct buf *out)
{
	size_t i = 0, k, lost = 0, mark;
	uint32_t cp;

	if (c->enc != ENC_CP932) {
		/* Invalid input bytes still become 〓, never pass through. */
		while (i < n) {
			k = utf8_decode(utf8 + i, n - i, &cp);
			if (k == 0) {
				buf_adds(out, GETA_UTF8);
				lost++;
				i++;
			} else {
				buf_add(out, utf8 + i, k);
				i += k;
			}
		}
		return lost;
	}
	/* One character at a time, so a character iconv refuses is replaced
	 * alone and the output never holds half a character. */
	while (i < n) {
		k = utf8_decode(utf8 + i, n - i, &cp);
		mark = out->len;
		if (k == 0 || !convert_piece(c->cd, utf8 + i, k, out)) {
			out->len = mark;
			if (out->data != NULL)
				out->data[mark] = '\0';
			convert_piece(c->cd, GETA_UTF8, 3, out);
			lost++;
			i += k == 0 ? 1 : k;
			continue;
		}
		i += k;
	}
	return lost;
}

/* The line byte pos is on, counting CRLF, LF and CR alone as line ends, as
 * csvin does (CR and LF are never part of a CP932 character). */
static size_t
line_of(const char *in, size_t pos)
{
	size_t line = 1, i;

	for (i = 0; i < pos; i++)
		if (in[i] == '\n' || (in[i] == '\r' && (i + 1 >= pos || in[i + 1] != '\n')))
			line++;
	return line;
}

bool
decode_to_utf8(enum encoding e, const char *in, size_t n, struct buf *out, struct error *err)
{
	char tmp[1024], *ip, *o;
	const char *nul;
	size_t inleft, outleft, bad;
	uint32_t cp;
	iconv_t cd;

	if (n >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0) {
		in += 3;
		n -= 3;
		e = ENC_UTF8;
	}
	/* A NUL is no character of UTF-8 or CP932 text (in CP932 no byte of a
	 * two-byte character is 0), so the raw bytes tell: say that, rather
	 * than blame the encoding.  Excel's "Unicode text" is UTF-16, full of
	 * them. */
	nul = memchr(in, '\0', n);
	if (nul != NULL) {
		error_set(err, _("Line %zu: the file holds a NUL byte, so it is not text (a "
		    "binary file, or text saved as UTF-16?)."), line_of(in, (size_t)(nul - in)));
		return false;
	}
	if (e != ENC_CP932) {
		for (bad = 0; bad < n;) {
			size_t k = utf8_decode(in + bad, n - bad, &cp);

			if (k == 0) {
				error_set(err, _("Line %zu: the text is not valid UTF-8 "
				    "(try --encoding cp932)."), line_of(in, bad));
				return false;
			}
			bad += k;
		}
		buf_add(out, in, n);
		return true;
	}
	cd = iconv_open("UTF-8", "CP932");
	if (cd == (iconv_t)-1) {
		error_set(err, _("This system cannot convert text from CP932 (iconv)."));
		return false;
	}
	ip = (char *)in;
	inleft = n;
	while (inleft > 0) {
		o = tmp;
		outleft = sizeof tmp;
		if (iconv(cd, &ip, &inleft, &o, &outleft) == (size_t)-1 && errno != E2BIG) {
			error_set(err, _("Line %zu: the text is not valid CP932."),
			    line_of(in, (size_t)(ip - in)));
			iconv_close(cd);
			return false;
		}
		buf_add(out, tmp, sizeof tmp - outleft);
	}
	iconv_close(cd);
	return true;
}
