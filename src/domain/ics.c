/* ics — see ics.h. */
#include "ics.h"

#include <string.h>

#include "base/text.h"

/* Appends one content line, escaped text already in line, folded so no
 * physical line passes 75 octets and no character is split. */
static void
put_line(struct buf *out, const char *line)
{
	size_t n = strlen(line), i = 0, used = 0, k;
	uint32_t cp;

	while (i < n) {
		k = utf8_decode(line + i, n - i, &cp);
		if (k == 0)
			k = 1;
		if (used + k > 75) {
			buf_adds(out, "\r\n ");
			used = 1;
		}
		buf_add(out, line + i, k);
		used += k;
		i += k;
	}
	buf_adds(out, "\r\n");
}

static void
escape_into(struct buf *b, const char *v)
{
	for (; v != NULL && *v != '\0'; v++) {
		if (*v == '\\' || *v == ';' || *v == ',')
			buf_addc(b, '\\');
		if (*v == '\n') {
			buf_adds(b, "\\n");
			continue;
		}
		if (*v == '\r')
			continue;
		buf_addc(b, *v);
	}
}

static void
put_text(struct buf *out, const char *name, const char *v)
{
	struct buf line = {0};

	buf_printf(&line, "%s:", name);
	escape_into(&line, v);
	put_line(out, buf_str(&line));
	buf_free(&line);
}

void
ics_begin(struct buf *out, const char *calendar_name)
{
	put_line(out, "BEGIN:VCALENDAR");
	put_line(out, "VERSION:2.0");
	put_line(out, "PRODID:-//kyodo//citizen center kiosk//JA");
	put_line(out, "CALSCALE:GREGORIAN");
	put_text(out, "X-WR-CALNAME", calendar_name);
	put_line(out, "X-WR-TIMEZONE:Asia/Tokyo");
	/* Japan keeps no summer time: one standard rule covers every date. */
	put_line(out, "BEGIN:VTIMEZONE");
	put_line(out, "TZID:Asia/Tokyo");
	put_line(out, "BEGIN:STANDARD");
	put_line(out, "DTSTART:19700101T000000");
	put_line(out, "TZOFFSETFROM:+0900");
	put_line(out, "TZOFFSETTO:+0900");
	put_line(out, "TZNAME:JST");
	put_line(out, "END:STANDARD");
	put_line(out, "END:VTIMEZONE");
}

static const char *
get(const struct record *r, const char *name)
{
	int i = kind_field(r->kind, name);

	return i >= 0 && r->value[i] != NULL ? r->value[i] : "";
}

/* "2026-04-12" and "10:00" → "20260412T100000". */
static void
local_stamp(const char *date, const char *time, char out[16])
{
	const char *d = date, *t = time;

	memcpy(out, d, 4);
	memcpy(out + 4, d + 5, 2);
	memcpy(out + 6, d + 8, 2);
	out[8] = 'T';
	memcpy(out + 9, t, 2);
	memcpy(out + 11, t + 3, 2);
	memcpy(out + 13, "00", 3);
}

void
ics_booking(struct buf *out, const struct record *b, const char *stamp)
{
	struct buf line = {0};
	char start[16], end[16], utc[17];
	const char *purpose = get(b, "purpose");

	if (strlen(get(b, "date")) != 10 || strlen(get(b, "start")) != 5 ||
	    strlen(get(b, "end")) != 5)
		return;
	local_stamp(get(b, "date"), get(b, "start"), start);
	local_stamp(get(b, "date"), get(b, "end"), end);
	/* stamp is "YYYY-MM-DDTHH:MM:SSZ" */
	memcpy(utc, stamp, 4);
	memcpy(utc + 4, stamp + 5, 2);
	memcpy(utc + 6, stamp + 8, 2);
	utc[8] = 'T';
	memcpy(utc + 9, stamp + 11, 2);
	memcpy(utc + 11, stamp + 14, 2);
	memcpy(utc + 13, stamp + 17, 2);
	memcpy(utc + 15, "Z", 2);

	put_line(out, "BEGIN:VEVENT");
	buf_printf(&line, "UID:%s@kyodo", b->uuid);
	put_line(out, buf_str(&line));
	buf_reset(&line);
	buf_printf(&line, "DTSTAMP:%s", utc);
	put_line(out, buf_str(&line));
	buf_reset(&line);
	buf_printf(&line, "DTSTART;TZID=Asia/Tokyo:%s", start);
	put_line(out, buf_str(&line));
	buf_reset(&line);
	buf_printf(&line, "DTEND;TZID=Asia/Tokyo:%s", end);
	put_line(out, buf_str(&line));
	buf_reset(&line);
	buf_adds(&line, "SUMMARY:");
	escape_into(&line, get(b, "group"));
	if (*purpose != '\0') {
		buf_adds(&line, " - ");
		escape_into(&line, purpose);
	}
	put_line(out, buf_str(&line));
	put_text(out, "LOCATION", get(b, "room"));
	buf_reset(&line);
	buf_printf(&line, "SEQUENCE:%lld", b->version - 1);
	put_line(out, buf_str(&line));
	put_line(out, strcmp(get(b, "status"), "cancelled") == 0 ? "STATUS:CANCELLED" :
	    "STATUS:CONFIRMED");
	put_line(out, "END:VEVENT");
	buf_free(&line);
}

void
ics_end(struct buf *out)
{
	put_line(out, "END:VCALENDAR");
}
