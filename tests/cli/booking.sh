#!/bin/sh
# kyodo add room|booking, booking cancel|check-in, list booking --format ics
# and --room, setting, report monthly|year: rooms, collisions and closed days
# refused with a message naming why, repeating bookings (skipped dates, all or
# nothing), check-in as a facility use, iCalendar (CRLF, TZID), the settings'
# checks, and the report (80 columns, CSV in CP932).
. "$(dirname "$0")/../lib.sh"
set -u

DB=$T/s.db
"$KYODO" init --db "$DB" --center higashi --name "東センター" >/dev/null 2>&1 ||
	not_ok "setup: init" "kyodo init failed"
UUID_RE='^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'

id_of_out() { cut -f1 "$T/out"; }
valid_uuid() { printf '%s\n' "$1" | grep -Eqx "$UUID_RE"; }
sql() { sqlite3 "$DB" "$1"; }
nbookings() { sql 'SELECT count(*) FROM booking'; }
kyodo() { run "$KYODO" "$@" --db "$DB" --lang en; }

# --- rooms ---
kyodo add room --name "和室" --capacity 20 --fee 1000
expect_rc "add room 和室: exit 0" 0
WASHITSU=$(id_of_out)
check "add room: prints a uuid" valid_uuid "$WASHITSU"
expect_out "add room: prints a summary" "Room 和室"
kyodo add room --name "大会議室" --capacity 60
expect_rc "add room 大会議室: exit 0" 0
kyodo add room --name "陶芸室" --active no
expect_rc "add an inactive room: exit 0" 0
kyodo add room --name "和室"
expect_rc "a second room named 和室: exit 1" 1
expect_err "a second room named 和室: says so" "already a room named 和室"
check "a second room named 和室: not written" test "$(sql "SELECT count(*) FROM room WHERE name = '和室'")" = 1
kyodo list room
expect_rc "list room: exit 0" 0
expect_out "list room: 和室 with its capacity and fee" "和室"
expect_out "list room: 大会議室" "大会議室"
check "list room: 和室's row shows 20 and 1000" \
	sh -c "grep '和室' '$T/out' | grep -q '20.*1000'"

# --- a booking ---
kyodo add booking --room "和室" --date 2026-10-06 --start 10:00 --end 12:00 \
	--group "囲碁クラブ" --purpose "例会" --people 10 --fee 1000 --exemption half
expect_rc "add booking: exit 0" 0
B1=$(id_of_out)
check "add booking: prints a uuid" valid_uuid "$B1"
expect_out "add booking: prints a summary" "Booking 2026-10-06 10:00 囲碁クラブ"
check "add booking: stored as booked, linked to the room" \
	test "$(sql "SELECT status || '|' || room_id FROM booking WHERE uuid = '$B1'")" = "booked|$WASHITSU"

# --- refusals: exit 1, a message saying why, nothing written ---
refuse_booking() {	# NAME TEXT1 TEXT2 ARGS...
	what=$1 w1=$2 w2=$3
	shift 3
	before=$(nbookings)
	kyodo add booking "$@"
	expect_rc "$what: exit 1" 1
	expect_err "$what: says '$w1'" "$w1"
	expect_err "$what: says '$w2'" "$w2"
	check "$what: nothing on stdout" test ! -s "$T/out"
	check "$what: nothing written" test "$(nbookings)" = "$before"
}

refuse_booking "collision inside" "囲碁クラブ" "2026-10-06 10:00–12:00" \
	--room "和室" --date 2026-10-06 --start 10:30 --end 11:30 --group "書道会"
refuse_booking "collision across the start" "囲碁クラブ" "2026-10-06 10:00–12:00" \
	--room "和室" --date 2026-10-06 --start 09:00 --end 10:01 --group "書道会"
refuse_booking "collision across the end" "囲碁クラブ" "already booked" \
	--room "和室" --date 2026-10-06 --start 11:00 --end 13:00 --group "書道会"
refuse_booking "before opening (08:00)" "08:00" "opening hours (09:00–22:00)" \
	--room "和室" --date 2026-10-06 --start 08:00 --end 09:00 --group "朝会"
refuse_booking "after closing (22:30)" "22:30" "opening hours (09:00–22:00)" \
	--room "大会議室" --date 2026-10-06 --start 21:00 --end 22:30 --group "夜会"
refuse_booking "year-end closing (12-30)" "2026-12-30" "12/29" \
	--room "和室" --date 2026-12-30 --start 10:00 --end 12:00 --group "忘年会"
refuse_booking "unknown room" "大ホール" "not on the list" \
	--room "大ホール" --date 2026-10-06 --start 13:00 --end 15:00 --group "書道会"
refuse_booking "a room not in use" "陶芸室" "not in use" \
	--room "陶芸室" --date 2026-10-06 --start 13:00 --end 15:00 --group "陶芸の会"

kyodo add booking --room "和室" --date 2026-10-06 --start 12:00 --end 13:00 --group "書道会"
expect_rc "a booking that starts when another ends: exit 0" 0
kyodo add booking --room "大会議室" --date 2026-10-06 --start 10:00 --end 12:00 --group "自治会"
expect_rc "the same times in another room: exit 0" 0

kyodo add closed --date 2026-10-14 --reason "館内清掃"
expect_rc "add closed day: exit 0" 0
refuse_booking "an added closed day" "2026-10-14" "館内清掃" \
	--room "和室" --date 2026-10-14 --start 10:00 --end 12:00 --group "書道会"

# --- repeating bookings ---
kyodo add closed --date 2026-10-27 --reason "点検"
kyodo add booking --room "和室" --date 2026-10-20 --start 13:00 --end 15:00 --group "書道会" \
	--repeat weekly --until 2026-11-10
expect_rc "--repeat weekly --until: exit 0" 0
expect_out "--repeat weekly --until: 10-20, 11-03, 11-10 booked" "Booked 3 dates."
expect_out "--repeat weekly --until: one date skipped" "Skipped 1 date when the center is closed"
expect_out "--repeat weekly --until: names the skipped date and why" "2026-10-27 点検"
check "--repeat weekly --until: the dates stored, one series" test \
	"$(sql "SELECT group_concat(date, ' ') || '|' || count(DISTINCT series) FROM (SELECT date, series FROM booking WHERE \"group\" = '書道会' AND start = '13:00' ORDER BY date)")" = \
	"2026-10-20 2026-11-03 2026-11-10|1"

kyodo add booking --room "大会議室" --date 2026-11-05 --start 18:00 --end 21:00 --group "合唱団" \
	--repeat every-2-weeks --count 3
expect_rc "--repeat every-2-weeks --count 3: exit 0" 0
expect_out "--repeat every-2-weeks --count 3: Booked 3 dates" "Booked 3 dates."
check "--repeat every-2-weeks: 11-05, 11-19, 12-03" test \
	"$(sql "SELECT group_concat(date, ' ') FROM (SELECT date FROM booking WHERE \"group\" = '合唱団' ORDER BY date)")" = \
	"2026-11-05 2026-11-19 2026-12-03"

# 2026-10-29 is the fifth Thursday: then 12-31 (closed, skipped), none in
# January–March 2027, 04-29, none in May and June, 07-29.
kyodo add booking --room "和室" --date 2026-10-29 --start 10:00 --end 12:00 --group "手芸の会" \
	--repeat monthly-nth --count 4
expect_rc "--repeat monthly-nth --count 4: exit 0" 0
expect_out "--repeat monthly-nth: Booked 3 dates" "Booked 3 dates."
expect_out "--repeat monthly-nth: 2026-12-31 skipped" "2026-12-31"
check "--repeat monthly-nth: 10-29, 2027-04-29, 2027-07-29" test \
	"$(sql "SELECT group_concat(date, ' ') FROM (SELECT date FROM booking WHERE \"group\" = '手芸の会' ORDER BY date)")" = \
	"2026-10-29 2027-04-29 2027-07-29"

# A repeat that meets another booking: nothing at all is booked.
before=$(nbookings)
kyodo add booking --room "和室" --date 2026-09-29 --start 11:00 --end 12:00 --group "将棋会" \
	--repeat weekly --count 3
expect_rc "a repeat with a collision: exit 1" 1
expect_err "a repeat with a collision: names the date" "2026-10-06"
expect_err "a repeat with a collision: names the other booking" "囲碁クラブ"
expect_err "a repeat with a collision: says nothing was booked" "Nothing was booked"
check "a repeat with a collision: nothing written" test "$(nbookings)" = "$before"
check "a repeat with a collision: not even 09-29" \
	test "$(sql "SELECT count(*) FROM booking WHERE \"group\" = '将棋会'")" = 0

before=$(nbookings)
kyodo add booking --room "和室" --date 2026-11-17 --start 10:00 --end 12:00 --group "x" --repeat weekly
expect_rc "--repeat without --until or --count: exit 2" 2
kyodo add booking --room "和室" --date 2026-11-17 --start 10:00 --end 12:00 --group "x" \
	--repeat weekly --until 2026-12-01 --count 2
expect_rc "--repeat with both --until and --count: exit 2" 2
kyodo add booking --room "和室" --date 2026-11-17 --start 10:00 --end 12:00 --group "x" \
	--repeat daily --count 2
expect_rc "--repeat daily: exit 2" 2
kyodo add booking --room "和室" --date 2026-11-17 --start 10:00 --end 12:00 --group "x" --count 2
expect_rc "--count without --repeat: exit 2" 2
# --until before --date: the rule gives no dates; a usage error, and no
# claim that the center is closed (2026-11-17 is an open Tuesday).
kyodo add booking --room "和室" --date 2026-11-17 --start 10:00 --end 12:00 --group "x" \
	--repeat weekly --until 2026-11-01
expect_rc "--until before --date: exit 2" 2
check "--until before --date: does not say the center is closed" \
	sh -c "! grep -q 'closed' '$T/err'"
kyodo add meeting --date 2026-11-17 --kind board --title "役員会" --repeat weekly --count 2
expect_rc "--repeat on a meeting: exit 2" 2
expect_err "--repeat on a meeting: says only bookings repeat" "Only a booking can repeat"
check "usage errors: nothing written" test "$(nbookings)" = "$before"
check "usage errors: no meeting written" test "$(sql 'SELECT count(*) FROM meeting')" = 0

# --- cancel ---
C2=$(sql "SELECT uuid FROM booking WHERE \"group\" = '合唱団' AND date = '2026-11-19'")
kyodo booking cancel "$C2" --following
expect_rc "booking cancel --following: exit 0" 0
expect_out "booking cancel --following: two cancelled" "Cancelled 2 bookings."
check "booking cancel --following: 11-05 stays, 11-19 and 12-03 cancelled" test \
	"$(sql "SELECT group_concat(date || ':' || status, ' ') FROM (SELECT date, status FROM booking WHERE \"group\" = '合唱団' ORDER BY date)")" = \
	"2026-11-05:booked 2026-11-19:cancelled 2026-12-03:cancelled"
kyodo add booking --room "大会議室" --date 2026-11-19 --start 18:00 --end 20:00 --group "吹奏楽"
expect_rc "a cancelled slot can be booked again: exit 0" 0
S1=$(sql "SELECT uuid FROM booking WHERE \"group\" = '書道会' AND date = '2026-11-03'")
kyodo booking cancel "$(printf %.8s "$S1")"
expect_rc "booking cancel by id prefix: exit 0" 0
expect_out "booking cancel: one cancelled" "Cancelled 1 booking."
check "booking cancel: only that date" test \
	"$(sql "SELECT group_concat(date || ':' || status, ' ') FROM (SELECT date, status FROM booking WHERE \"group\" = '書道会' AND start = '13:00' ORDER BY date)")" = \
	"2026-10-20:booked 2026-11-03:cancelled 2026-11-10:booked"
kyodo booking cancel "no-such-booking"
expect_rc "booking cancel of an unknown booking: exit 1" 1

# --- check-in ---
kyodo booking check-in "$B1" --people 12
expect_rc "booking check-in: exit 0" 0
U1=$(id_of_out)
check "booking check-in: prints the use's uuid" valid_uuid "$U1"
check "booking check-in: the use points at the booking" \
	test "$(sql "SELECT booking FROM facility_use WHERE uuid = '$U1'")" = "$B1"
check "booking check-in: 12 people, 1000 yen half waived" \
	test "$(sql "SELECT people || '|' || fee || '|' || exemption FROM facility_use WHERE uuid = '$U1'")" = "12|500|500"
check "booking check-in: the booking is used" \
	test "$(sql "SELECT status FROM booking WHERE uuid = '$B1'")" = used
kyodo list use
expect_rc "list use: exit 0" 0
expect_out "list use: shows the checked-in use" "囲碁クラブ"
check "list use: its row shows 12 people" sh -c "grep '囲碁クラブ' '$T/out' | grep -q ' 12 '"
kyodo booking check-in "$B1" --people 12
expect_rc "checking in twice: exit 1" 1
expect_err "checking in twice: says it is used" "Used"
check "checking in twice: one use only" test "$(sql 'SELECT count(*) FROM facility_use')" = 1
kyodo booking cancel "$B1"
expect_rc "cancelling a checked-in booking: exit 1" 1
check "cancelling a checked-in booking: it stays used" \
	test "$(sql "SELECT status FROM booking WHERE uuid = '$B1'")" = used
kyodo booking check-in "$C2" --people 5
expect_rc "checking in a cancelled booking: exit 1" 1
kyodo booking check-in "$B1"
expect_rc "check-in without --people: exit 2" 2

# --- iCalendar ---
kyodo list booking --format ics
expect_rc "list booking --format ics: exit 0" 0
cp "$T/out" "$T/cal.ics"
check "ics: starts with BEGIN:VCALENDAR" test "$(head -n1 "$T/cal.ics")" = "$(printf 'BEGIN:VCALENDAR\r')"
check "ics: ends with END:VCALENDAR" test "$(tail -n1 "$T/cal.ics")" = "$(printf 'END:VCALENDAR\r')"
check "ics: every line ends in CRLF" \
	test "$(grep -c "$(printf '\r')\$" "$T/cal.ics")" = "$(wc -l <"$T/cal.ics")"
check "ics: the file ends in CRLF" test "$(tail -c 2 "$T/cal.ics" | od -An -c | tr -d ' ')" = '\r\n'
check "ics: no line over 75 octets" \
	sh -c "LC_ALL=C awk '{ sub(/\r\$/, \"\"); if (length(\$0) > 75) bad = 1 } END { exit bad }' '$T/cal.ics'"
check "ics: DTSTART in Asia/Tokyo" grep -q "^DTSTART;TZID=Asia/Tokyo:20261006T100000" "$T/cal.ics"
check "ics: the time zone is defined" grep -q "^TZID:Asia/Tokyo" "$T/cal.ics"
check "ics: a cancelled booking is STATUS:CANCELLED" grep -q "^STATUS:CANCELLED" "$T/cal.ics"
check "ics: one event per booking" \
	test "$(grep -c '^BEGIN:VEVENT' "$T/cal.ics")" = "$(nbookings)"
check "ics: the booking's uid" grep -q "^UID:$B1@kyodo" "$T/cal.ics"
kyodo list meeting --format ics
expect_rc "--format ics for meetings: exit 2" 2
expect_err "--format ics for meetings: says it is for bookings" "for bookings"

# --- --room ---
kyodo list booking --room "和室"
expect_rc "list booking --room 和室: exit 0" 0
expect_out "--room 和室: 囲碁クラブ listed" "囲碁クラブ"
expect_out "--room 和室: 手芸の会 listed" "手芸の会"
expect_no_out "--room 和室: 大会議室's 合唱団 not listed" "合唱団"
expect_no_out "--room 和室: 大会議室's 自治会 not listed" "自治会"
kyodo list booking --room "大会議室" --format ics
expect_rc "list booking --room 大会議室 --format ics: exit 0" 0
expect_out "--room with ics: 合唱団" "合唱団"
expect_no_out "--room with ics: not 囲碁クラブ" "囲碁クラブ"
kyodo list event --room "和室"
expect_rc "--room for a kind without a room: exit 2" 2

# --- settings ---
kyodo setting
expect_rc "setting: exit 0" 0
expect_out "setting: lists slots" "slots="
expect_out "setting: lists closed_weekday" "closed_weekday="
expect_out "setting: lists booking_horizon_months" "booking_horizon_months="
kyodo setting booking_horizon_months 3
expect_rc "setting booking_horizon_months 3: exit 0" 0
kyodo setting booking_horizon_months
expect_rc "setting KEY: exit 0" 0
check "setting KEY: prints the value" test "$(cat "$T/out")" = "booking_horizon_months=3"
kyodo setting closed_weekday 9
expect_rc "setting closed_weekday 9: exit 1" 1
expect_err "setting closed_weekday 9: says why" "closed_weekday: \"9\" is not valid"
kyodo setting slots "12:00-09:00"
expect_rc "setting slots backwards: exit 1" 1
expect_err "setting slots backwards: names the key" "slots"
kyodo setting open_on_holidays maybe
expect_rc "setting open_on_holidays maybe: exit 1" 1
kyodo setting booking_horizon_months 0
expect_rc "setting booking_horizon_months 0: exit 1" 1
check "refused settings: not saved" \
	test "$(sql "SELECT group_concat(key || '=' || value) FROM setting WHERE key IN ('closed_weekday', 'slots', 'open_on_holidays', 'booking_horizon_months')")" = "booking_horizon_months=3"
kyodo setting colour red
expect_rc "setting an unknown key: exit 2" 2
expect_err "setting an unknown key: names it" "colour"

# The horizon, with today fixed: 2026-11-28 + 3 months = 2027-02-28.
export KYODO_TODAY=2026-11-28
refuse_booking "4 months ahead with a 3-month horizon" "2027-03-28" "2027-02-28" \
	--room "和室" --date 2027-03-28 --start 10:00 --end 12:00 --group "遠い会"
kyodo add booking --room "和室" --date 2027-01-28 --start 10:00 --end 12:00 --group "近い会"
expect_rc "2 months ahead with a 3-month horizon: exit 0" 0
kyodo setting booking_horizon_months ""
expect_rc "setting booking_horizon_months to empty: exit 0" 0
kyodo add booking --room "和室" --date 2027-03-28 --start 10:00 --end 12:00 --group "遠い会"
expect_rc "no horizon: 4 months ahead accepted" 0
unset KYODO_TODAY

kyodo setting closed_weekday 1
expect_rc "setting closed_weekday 1: exit 0" 0
refuse_booking "a Monday when Mondays are closed" "2026-11-16" "Monday" \
	--room "和室" --date 2026-11-16 --start 10:00 --end 12:00 --group "月曜会"
kyodo setting closed_weekday ""
kyodo setting open_on_holidays no
refuse_booking "a holiday when holidays are closed" "2026-11-23" "Labour Thanksgiving Day" \
	--room "和室" --date 2026-11-23 --start 10:00 --end 12:00 --group "祝日会"
kyodo setting open_on_holidays yes

# --- the monthly report ---
# October 2026: 31 days, closed 10-14 and 10-27: 29 days open.  Uses: the
# check-in (和室 10-06, 12 people, 500 charged, 500 waived) and these.
kyodo add use --date 2026-10-06 --start 13:00 --end 16:00 --room "和室" --group "書道会" \
	--category group --people 8 --fee 1000
kyodo add use --date 2026-10-20 --start 18:00 --end 21:00 --room "大会議室" --group "市民講座" \
	--category own --people 30
kyodo report monthly --month 2026-10
expect_rc "report monthly --month 2026-10: exit 0" 0
cp "$T/out" "$T/report.txt"
expect_out "report: days open 31 - 2 closed" "Days open: 29"
# 和室: 2 uses, 12 + 8 = 20 people, 1 day, 1/29 = 3.4%, 500 + 1000 = 1,500 charged, 500 waived.
check "report: 和室's row" \
	sh -c "grep '^和室' '$T/report.txt' | head -n1 | tr -s ' ' | grep -qx '和室 2 20 1 3.4% 1,500 500'"
check "report: the total row" \
	sh -c "grep '^Total' '$T/report.txt' | head -n1 | tr -s ' ' | grep -qx 'Total 3 50 2 3.4% 1,500 500'"
expect_out "report: the center's own programs" "1 session, 30 attendees"
check "report: every line at most 80 columns (English)" \
	test "$(LC_ALL=C.UTF-8 wc -L <"$T/report.txt")" -le 80
run "$KYODO" report monthly --month 2026-10 --db "$DB" --lang ja
expect_rc "report monthly in Japanese: exit 0" 0
expect_out "report in Japanese: the era" "令和8年10月"
check "report: every line at most 80 columns (Japanese)" \
	test "$(LC_ALL=C.UTF-8 wc -L <"$T/out")" -le 80

kyodo report monthly --month 2026-10 --format csv --encoding cp932
expect_rc "report monthly --format csv --encoding cp932: exit 0" 0
cp "$T/out" "$T/report.csv"
check "csv: every line ends in CRLF" \
	test "$(grep -c "$(printf '\r')\$" "$T/report.csv")" = "$(wc -l <"$T/report.csv")"
check "csv: a header, 2 rooms and the total" test "$(wc -l <"$T/report.csv")" -eq 4
check "csv: 和室 in CP932 (98 61 8E BA)" \
	sh -c "LC_ALL=C grep -q \"\$(printf '\\230\\141\\216\\272'),2,20,1,29,3.4,1500,500\" '$T/report.csv'"
check "csv: no UTF-8 和室" sh -c "! LC_ALL=C grep -qF '和室' '$T/report.csv'"
kyodo report monthly --month 2026-10 --format csv
check "csv in UTF-8: the total row" grep -q "^Total,3,50,2,58,3.4,1500,500," "$T/out"

kyodo report year --fy 2026
expect_rc "report year --fy 2026: exit 0" 0
expect_out "report year: names the fiscal year" "FY2026"
# October is the 7th column (April first): 和室 2 uses, 大会議室 1.
check "report year: 和室 has 2 uses in October" \
	sh -c "grep '^和室' '$T/out' | tr -s ' ' | grep -qx '和室 0 0 0 0 0 0 2 0 0 0 0 0 2'"
check "report year: every line at most 80 columns" test "$(LC_ALL=C.UTF-8 wc -L <"$T/out")" -le 80
kyodo report year --fy 2026 --format csv
expect_rc "report year --format csv: exit 0" 0
check "report year csv: the total row" grep -q "^Total,0,0,0,0,0,0,3,0,0,0,0,0,3" "$T/out"

kyodo report monthly --month 2026-13
expect_rc "report monthly --month 2026-13: exit 2" 2
expect_err "bad --month: says the form" "YYYY-MM"
kyodo report monthly
expect_rc "report monthly without --month: exit 2" 2
kyodo report monthly --month 2026-10 --format xml
expect_rc "report monthly --format xml: exit 2" 2
kyodo report monthly --month 2026-10 --encoding cp932
expect_rc "report monthly --encoding without csv: exit 2" 2
kyodo report year --fy 26x
expect_rc "report year --fy 26x: exit 2" 2
kyodo report year
expect_rc "report year without --fy: exit 2" 2
