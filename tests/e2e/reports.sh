#!/bin/sh
# The kiosk end to end: the monthly usage report.  The same numbers as
# `kyodo report monthly --format csv` for the store and month (per room and
# the total), the sections further down (categories, slots, bars per day),
# other months, the fiscal-year view with its era and its numbers checked
# against `kyodo report year`, and at city hall the list of centers with
# Enter opening one center's report.  Beside facility use, the month's
# meetings and events: counted as `kyodo report monthly` counts them and
# listed (title, date, people), at the center and at city hall in the same
# layout, also in Japanese.  Runs in English, then city hall in Japanese.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/r.db
CITY=$T/city.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
add() {
	"$KYODO" add "$@" --db "$DB" >/dev/null 2>"$T/add.err" ||
		echo "# kyodo add $*: $(cat "$T/add.err")"
}
add room --name "和室" --fee 500
add room --name "大会議室" --fee 1200
add use --date 2026-11-02 --start 09:00 --end 12:00 --room "和室" --group "書道の会" \
    --category group --people 12 --fee 500
add use --date 2026-11-09 --start 09:00 --end 12:00 --room "和室" --group "書道の会" \
    --category group --people 10 --fee 500
add use --date 2026-11-09 --start 13:00 --end 16:00 --room "大会議室" --group "子ども教室" \
    --category own --people 25 --exemption 1200
add use --date 2026-11-20 --start 18:00 --end 20:00 --room "大会議室" --group "合唱団" \
    --category group --people 30 --fee 1200
add use --date 2026-10-05 --start 09:00 --end 12:00 --room "和室" --group "十月の会" \
    --category individual --people 3
add use --date 2026-05-05 --start 09:00 --end 12:00 --room "和室" --group "五月の会" \
    --category group --people 7
add meeting --date 2026-11-04 --kind board --title "第7回 役員会" --attendees 12
add meeting --date 2026-11-18 --kind round-table --title "円卓会議 秋" --attendees 31
add meeting --date 2026-10-28 --kind board --title "十月の役員会" --attendees 9
add event --date 2026-11-15 --title "秋の河川清掃" --field environment --participants 64 \
    --volunteers 7
add event --date 2026-11-23 --title "子ども食堂" --field childcare --participants 40 \
    --volunteers 5

# cell ROW COLUMN: one cell of the November report's CSV (row by its
# first cell, column by number).
"$KYODO" report monthly --db "$DB" --month 2026-11 --format csv --lang en 2>/dev/null |
    tr -d '\r' >"$T/report.csv"
cell() {
	awk -F, -v row="$1" -v col="$2" '$1 == row { print $col }' "$T/report.csv"
}

if open_signed_in "$DB" --lang en; then ok "signs in"; else not_ok "signs in" "no home"; fi
keys 5
expect_screen "5 opens this month's report" "Monthly report  November 2026 (Reiwa 8)"
expect_screen "days open, as the CLI counts them" "Days open: $(cell 和室 5)"
expect_screen "the center's own programs" "Center programs: 1 session, 25 attendees"
# Columns on screen: room, uses, users, days used, occupancy, fees, waived;
# in the CSV: room, uses, users, days used, days open, occupancy, fees, waived.
yen() {	# 1234567 → 1,234,567
	echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'
}
row_re() {	# ROW: the row as the screen shows it, from the CSV
	printf ' %s +%s +%s +%s +%s%% +¥%s +¥%s' "$1" "$(cell "$1" 2)" "$(cell "$1" 3)" \
	    "$(cell "$1" 4)" "$(cell "$1" 6)" "$(yen "$(cell "$1" 7)")" "$(yen "$(cell "$1" 8)")"
}
wait_for "Total" >/dev/null
for room in 和室 大会議室 Total; do
	re=$(row_re "$room")
	expect_screen_re "the $room row matches report monthly --format csv" "$re"
done

# Meetings and events beside facility use, as the CSV's total row counts them.
meet="Meetings: $(cell Total 18), attendees in total: $(cell Total 19)"
ev="Events: $(cell Total 20), participants: $(cell Total 21), volunteers: $(cell Total 22)"
[ "$meet" = "Meetings: 2, attendees in total: 43" ] && ok "the CSV counts November's meetings" ||
    not_ok "the CSV counts November's meetings" "$meet"
expect_screen "the month's meetings, counted" "$meet"
expect_screen "the month's events, counted" "$ev"
expect_screen "the month's meetings listed by title" "第7回 役員会"
expect_screen_re "an event's line: title, date, participants, volunteers" "秋の河川清掃 +11-15 [A-Z][a-z]+ +64 +7"
expect_no_screen "another month's meeting is not listed" "十月の役員会"
keys NPage
expect_screen "bars of uses per room, below them" "Uses per room"
keys Home

keys End
expect_screen "End: the bottom of the page, uses per day" "11-30 Mon"
expect_screen "the days' bars" "11-20 Fri"
keys Home
expect_screen "Home: the top again" "Days open"
keys NPage
expect_screen "PgDn: the slots further down" "Uses by time slot"
keys Up Up Up Up Up Up Up Up
expect_screen "Up: the categories" "Uses by category"

keys Left
expect_screen "Left: the month before" "Monthly report  October 2026 (Reiwa 8)"
expect_screen "October's one use" "Center programs: 0 sessions"
keys Right
expect_screen "Right: back" "Monthly report  November 2026 (Reiwa 8)"

# --- the fiscal year ---
"$KYODO" report year --db "$DB" --fy 2026 --format csv --lang en 2>/dev/null |
    tr -d '\r' >"$T/year.csv"
keys y
expect_screen "y: the fiscal year, its era in the heading" "Uses by month  FY2026 (Reiwa 8)"
expect_screen "April first" "Room      4m  5m  6m"
total=$(awk -F, '$1 == "Total" { print $NF }' "$T/year.csv")
wa=$(awk -F, '$1 == "和室" { print $3, $8, $9, $NF }' "$T/year.csv")
expect_screen_re "和室's year matches report year --format csv ($wa)" \
    "^ 和室 +0 +$(echo "$wa" | cut -d' ' -f1) .* $(echo "$wa" | cut -d' ' -f4)\$"
expect_screen_re "the year's total matches ($total)" "^ Total .* $total\$"
ymeet=$(awk -F, '$1 == "Meetings held" { print $NF }' "$T/year.csv")
ypart=$(awk -F, '$1 == "Event participants" { print $8, $9, $NF }' "$T/year.csv")
if [ "$ymeet" = 3 ]; then ok "report year --format csv counts the 3 meetings"; else
	not_ok "report year --format csv counts the 3 meetings" "csv: $ymeet"; fi
expect_screen_re "the year's meetings match report year --format csv ($ymeet)" "^ Meetings held .* $ymeet\$"
expect_screen_re "the year's event participants per month match ($ypart)" \
    "^ Event participants .* $(echo "$ypart" | cut -d' ' -f1) +$(echo "$ypart" | cut -d' ' -f2) .* $(echo "$ypart" | cut -d' ' -f3)\$"
keys Left
expect_screen "Left: the year before" "Uses by month  FY2025 (Reiwa 7)"
keys Right y
expect_screen "y again: back to the month" "Monthly report  November 2026"

# --- city hall: the centers, and one center's report ---
"$KYODO" init --db "$CITY" --city --name "一関市" >/dev/null 2>&1
printf '1234\n' | "$KYODO" staff add --db "$CITY" --name "佐藤 花子" --role city \
    --pin-stdin >/dev/null 2>&1
"$KYODO" key --db "$DB" --out "$T/jonan.key" >/dev/null 2>&1
"$KYODO" center add --db "$CITY" --code jonan --name "城南市民センター" --key "$T/jonan.key" \
    >/dev/null 2>&1 || echo "# center add failed"
for table in room facility_use meeting event; do
	sqlite3 "$DB" ".mode insert $table" "SELECT * FROM $table" | sqlite3 "$CITY"
done
"$KYODO" report monthly --db "$CITY" --month 2026-11 --format csv --lang en 2>/dev/null |
    tr -d '\r' >"$T/city.csv"
city_uses=$(awk -F, '$1 == "城南市民センター" { print $2 }' "$T/city.csv")

if open_signed_in "$CITY" --lang en; then ok "signs in at city hall"; else not_ok "signs in at city hall" "no home"; fi
keys 5
expect_screen "city hall: the month's report lists the centers" "Center "
expect_screen "a center by its name" "城南市民センター"
expect_no_screen "not by its code" "jonan"
expect_screen_re "the chart of uses per center names it too" "^ +城南市民センター +[█▏▎▍▌▋▊▉]+ +$city_uses\$"
expect_screen_re "the center's uses match report monthly at the city ($city_uses)" "^ 城南市民センター +$city_uses "
keys Enter
expect_screen "Enter: that center's own report" " 城南市民センター  November 2026 (Reiwa 8)"
expect_screen "its rooms" "大会議室"
keys Escape
expect_screen "Esc: back to the centers" "Enter: the highlighted center's own report."
keys Escape
keys Escape

# --- city hall in Japanese: the same layout, meetings and events too ---
if open_signed_in "$CITY" --lang ja; then ok "signs in at city hall (ja)"; else not_ok "signs in at city hall (ja)" "no home"; fi
keys 5
expect_screen "ja: the centers' meetings, counted" "会議: 2 回、延べ出席者 43 人"
expect_screen "ja: the centers' events, counted" "行事: 2 回、参加者 104 人、ボランティア 12 人"
expect_screen "ja: a table of meetings and events per center" "会議と行事"
expect_screen_re "ja: the center's row of meetings and events" "^ 城南市民センター +2 +43 +2 +104 +12\$"
keys Enter
expect_screen "ja: Enter opens the center's own report" " 城南市民センター  "
expect_screen "ja: its meetings, counted as at the center" "会議: 2 回、延べ出席者 43 人"
expect_screen "ja: its events" "行事: 2 回、参加者 104 人、ボランティア 12 人"
expect_screen "ja: its meetings listed" "円卓会議 秋"
expect_screen "ja: the list's headings" "出席者数"
keys Down Down Down Down
wait_for "子ども食堂" >/dev/null
expect_screen_re "ja: an event's line: title, date, participants, volunteers" "子ども食堂 +11-23.* +40 +5"
