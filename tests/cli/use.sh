#!/bin/sh
# kyodo add use|booking: a facility use keeps a booking's rules — opening
# hours, closed days, no overlap with another use or another group's booking
# of the room, the room's capacity — each refusal one sentence naming the
# other record or the capacity, exit 1, nothing written; a use repeating a
# booking's check-in is refused as that check-in; fees come from the room.
. "$(dirname "$0")/../lib.sh"
set -u

DB=$T/s.db
"$KYODO" init --db "$DB" --center higashi --name "東センター" >/dev/null 2>&1 ||
	not_ok "setup: init" "kyodo init failed"
id_of_out() { cut -f1 "$T/out"; }
sql() { sqlite3 "$DB" "$1"; }
nuses() { sql 'SELECT count(*) FROM facility_use'; }
kyodo() { run "$KYODO" "$@" --db "$DB" --lang en; }

kyodo add room --name "和室" --capacity 24 --fee 500
kyodo add room --name "大会議室" --capacity 60 --fee 1200

refuse() {	# NAME SENTENCE ARGS...: add use ARGS is refused with SENTENCE
	what=$1 sentence=$2
	shift 2
	before=$(nuses)
	kyodo add use "$@"
	expect_rc "$what: exit 1" 1
	expect_err "$what: says why" "$sentence"
	check "$what: nothing on stdout" test ! -s "$T/out"
	check "$what: nothing written" test "$(nuses)" = "$before"
}

refuse "use on closed 12-30" \
	"Date: the center is closed on 2026-12-30 (closed every year 12/29–1/3)." \
	--date 2026-12-30 --start 10:00 --end 12:00 --room 和室 --group 囲碁クラブ --category group
refuse "use before opening" "Start: 07:00–10:00 is outside the opening hours (09:00–22:00)." \
	--date 2026-12-01 --start 07:00 --end 10:00 --room 和室 --group 囲碁クラブ --category group
refuse "200 people in 和室" "People: 200 is more than the capacity of 和室 (24)." \
	--date 2026-12-01 --start 10:00 --end 12:00 --room 和室 --group 囲碁クラブ --category group \
	--people 200

kyodo add use --date 2026-12-02 --start 13:00 --end 17:00 --room 大会議室 --group 囲碁クラブ \
	--category group --people 20
expect_rc "a use of 大会議室 13:00–17:00: exit 0" 0
U=$(id_of_out)
check "the use got the room's fee for one slot" \
	test "$(sql "SELECT fee FROM facility_use WHERE uuid = '$U'")" = 1200
refuse "an overlapping use of 大会議室" \
	"Room: 大会議室 is already in use on 2026-12-02 13:00–17:00 by 囲碁クラブ." \
	--date 2026-12-02 --start 15:00 --end 18:00 --room 大会議室 --group 書道サークル --category group
kyodo add use --date 2026-12-02 --start 17:00 --end 19:00 --room 大会議室 --group 書道サークル \
	--category group
expect_rc "a use from when the other ends: exit 0" 0

kyodo add booking --room 和室 --date 2026-12-03 --start 13:00 --end 19:00 --group 郷土史研究会
expect_rc "a booking 13:00–19:00 with no fee: exit 0" 0
B=$(id_of_out)
check "the booking got the room's fee for two slots" \
	test "$(sql "SELECT fee FROM booking WHERE uuid = '$B'")" = 1000
refuse "a use over another group's booking" \
	"Room: 和室 is already booked on 2026-12-03 13:00–19:00 by 郷土史研究会." \
	--date 2026-12-03 --start 14:00 --end 15:00 --room 和室 --group 囲碁クラブ --category group
kyodo booking check-in "$B" --people 10
expect_rc "the booking checked in: exit 0" 0
refuse "the check-in typed again by hand" \
	"This use is already recorded: the booking of 郷土史研究会 on 2026-12-03 13:00–19:00 was checked in." \
	--date 2026-12-03 --start 13:00 --end 19:00 --room 和室 --group 郷土史研究会 --category group \
	--people 10
kyodo report monthly --month 2026-12 --format csv
check "the report counts the checked-in booking once: 和室 1 use, 10 people, ¥1,000" \
	grep -q "^和室,1,10,1,.*,1000,0," "$T/out"

# In Japanese too, one sentence.
run "$KYODO" add use --db "$DB" --lang ja --date 2026-12-30 --room 和室 --category group
expect_rc "ja: closed day: exit 1" 1
expect_err "ja: closed day in Japanese" "休館"
