#!/bin/sh
# The kiosk end to end: bookings.  The month calendar (weekdays, a holiday,
# a closed day, how full a day is), the day grid of rooms × slots, booking a
# free slot from the grid with the form filled in, a collision refused with
# the core's sentence, a weekly class set up from the form (and a repeat that
# skips the New Year closing), checking a booking in (it becomes a facility
# use), cancelling one date and a series from a date on, and a resize down to
# 20×5 and back.  Runs in English.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/b.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
add() {
	"$KYODO" add "$@" --db "$DB" >/dev/null 2>"$T/add.err" ||
		echo "# kyodo add $*: $(cat "$T/add.err")"
}
# Rooms by name: 和室 comes before 大会議室.
add room --name "和室" --capacity 20 --fee 500
add room --name "大会議室" --capacity 60 --fee 1200
add booking --room "大会議室" --date 2026-11-28 --start 09:30 --end 11:30 \
    --group "太極拳クラブ" --people 18
# The same morning slot, after it: two bookings share the cell.
add booking --room "大会議室" --date 2026-11-28 --start 11:30 --end 12:00 --group "会議準備"

# bookings MONTH: the month's bookings as CSV (status last).
bookings() {
	"$KYODO" list booking --db "$DB" --month "$1" --format csv 2>/dev/null | tr -d '\r'
}

if open_signed_in "$DB" --lang en; then ok "signs in"; else not_ok "signs in" "no home"; fi

keys 4
expect_screen "4 opens the booking calendar for this month" "Bookings  November 2026 (Reiwa 8)"
expect_screen "weekday headings" "Sun        Mon        Tue        Wed"
expect_screen "the highlighted day (today) in words, and how full it is" \
    "2026-11-28 (Reiwa 8) Sat  1 of 6 room-slots booked"
expect_screen "how many bookings" "2 bookings"
expect_screen "today is marked" "28*"
expect_screen "a holiday is named" "23 Labour"
expect_screen "a day's fill as a count" "1/6"

keys F6
expect_screen "F6: next month" "Bookings  December 2026 (Reiwa 8)"
expect_screen "the New Year closing is marked" "29 closed"
keys Right
expect_screen "the closed day's reason" "Closed: closed every year 12/29"
keys Enter
expect_screen "the closed day's grid says so" "Closed: closed every year 12/29"
keys n
wait_for "Booking  New" >/dev/null
type_text "年末の会"
keys F2
expect_screen "a closed day is refused with the core's sentence" \
    "Date: the center is closed on 2026-12-29 (closed every year 12/29–1/3)."
keys Escape
wait_for "(y/n)" >/dev/null
keys y Escape
expect_screen "back on the calendar, on the day" "2026-12-29 (Reiwa 8) Tue"
keys F5
expect_screen "F5: back a month" "Bookings  November 2026 (Reiwa 8)"

# 11-29 is the day after the highlighted 28th, 11-30 two days on.
keys Home
expect_screen "Home: the first of the month" "2026-11-01 (Reiwa 8) Sun"
keys End
expect_screen "End: the last of the month" "2026-11-30 (Reiwa 8) Mon"
keys Enter
expect_screen "Enter opens the day's grid" "Bookings  2026-11-30 (Reiwa 8) Mon"
expect_screen "slots are the columns" "Morning 09:00-12:00"
expect_screen "the highlighted slot is free" "和室, Morning: free. n books it."

# --- book a free slot ---
keys n
expect_screen "n opens a new booking" "Booking  New"
expect_screen "the room is filled in" "和室"
expect_screen "the slot's start" "09:00"
expect_screen "the slot's end" "12:00"
expect_screen "the room's fee per slot" "500"
type_text "囲碁の会"
keys F2
expect_screen "saving goes back to the grid" "Saved: Booking 2026-11-30 09:00 囲碁の会"
expect_screen "the booking fills its slot" "│囲碁の会"
bookings 2026-11 >"$T/out"
expect_out "stored with the slot's times" "和室,2026-11-30,09:00,12:00,囲碁の会"
keys Enter
expect_screen "Enter on a booking opens it" "Booking  Edit"
expect_screen "the booking's own values" "囲碁の会"
keys Escape
expect_screen "Esc: the grid" "Bookings  2026-11-30 (Reiwa 8) Mon"

# --- a collision is refused with the core's sentence ---
keys n
expect_screen "booking the same slot again" "Booking  New"
type_text "重複する会"
keys F2
expect_screen "refused, naming who holds the slot" \
    "Room: 和室 is already booked on 2026-11-30 09:00–12:00 by 囲碁の会."
bookings 2026-11 >"$T/out"
expect_no_out "nothing written on refusal" "重複する会"
keys Escape
expect_screen "Esc asks before dropping the form" "Discard the changes? (y/n)"
keys y
expect_screen "back in the grid" "Bookings  2026-11-30 (Reiwa 8) Mon"

# --- a weekly class from the form ---
keys Right
expect_screen "Right: the afternoon slot" "和室, Afternoon: free. n books it."
keys n
expect_screen "a new booking in the afternoon" "13:00"
type_text "英会話教室"
# From the group to the repeat: contact, purpose, category, people, fee,
# waiver, waiver reason, repeat.
keys Down Down Down Down Down Down Down Down
expect_screen "the repeat field" "< Does not repeat >"
keys Right
expect_screen "weekly" "< Weekly >"
keys Down Down
type_text "4"
expect_screen "the repeat in words" "Every week on Mon from 2026-11-30, 4 dates"
keys F2
expect_screen "the count booked is said" "Booked 4 dates."
bookings 2026-12 >"$T/out"
check "three more Mondays in December" test "$(grep -c '英会話教室' "$T/out")" -eq 3
expect_out "a week on" "和室,2026-12-07,13:00,17:00,英会話教室"
keys F6 F6 F6 F6 F6 F6 F6
expect_screen "F6 ×7: a week on" "Bookings  2026-12-07 (Reiwa 8) Mon"
expect_screen "the class is there a week on" "│英会話教室"

# --- a repeat over the New Year closing skips the closed day ---
keys F6 F6 F6 F6 F6 F6 F6 F6 F6 F6 F6 F6 F6 F6 F6
expect_screen "to 12-22" "Bookings  2026-12-22 (Reiwa 8) Tue"
keys Down Left
expect_screen "大会議室 in the morning" "大会議室, Morning: free. n books it."
keys n
expect_screen "a new booking" "Booking  New"
type_text "年末年始の会"
keys Down Down Down Down Down Down Down Down Right Down Down
type_text "3"
keys F2
expect_screen "booked around the closing, the skipped date named" \
    "Booked 2 dates. Skipped 1 closed date: 2026-12-29 closed every year 12/29"
run "$KYODO" list booking --db "$DB" --month 2027-01 --format csv
expect_out "the third date is in January" "大会議室,2027-01-05,09:00,12:00,年末年始の会"

# --- check a booking in ---
keys Escape
expect_screen "Esc: the calendar" "Bookings  December 2026"
keys F7
expect_screen "F7: today" "2026-11-28 (Reiwa 8) Sat"
keys Enter
expect_screen "today's grid" "Bookings  2026-11-28 (Reiwa 8) Sat"
keys Down
expect_screen "a shared slot shows the first and how many more" "│太極拳クラブ +1"
expect_screen "the slot's bookings, in full" "09:30-11:30  太極拳クラブ  18 people  [Booked]"
expect_screen "both are listed" "11:30-12:00  会議準備  [Booked]"
keys Tab
expect_screen "Tab: the next booking in the slot" "> 11:30-12:00  会議準備"
keys Tab
expect_screen "Tab again: back to the first" "> 09:30-11:30  太極拳クラブ"
keys i
expect_screen "i asks how many came" "How many came (太極拳クラブ, 11-28 09:30–11:30)?"
keys C-u
type_text "１７"		# full-width, as an IME types it
keys Enter
expect_screen "checked in" "Recorded as facility use: 太極拳クラブ, 11-28 09:30–11:30, 17 people."
expect_screen "the booking is used now" "[Used]"
keys i
expect_screen "a used booking cannot be checked in again" \
    "This booking is Used; only a booked one can be checked in."
keys Escape Escape
expect_screen "home" "This month"
keys 3
expect_screen "facility use list" "Facility use  November 2026"
expect_screen "the check-in is a facility use" "太極拳クラブ"
run "$KYODO" list use --db "$DB" --month 2026-11 --format csv
expect_out "with the real headcount" "太極拳クラブ,group,17"
keys Escape

# --- cancel: one date, then a series from a date on ---
keys 4
expect_screen "the calendar again" "Bookings  November 2026"
keys End Enter
expect_screen "11-30" "Bookings  2026-11-30 (Reiwa 8) Mon"
keys x
expect_screen "x asks before cancelling" "Cancel the booking 囲碁の会, 11-30 09:00–12:00? (y/n)"
keys n
expect_screen "n keeps it" "│囲碁の会"
keys x
wait_for "(y/n)" >/dev/null
keys y
expect_screen "cancelled" "Cancelled 1 booking: 囲碁の会"
expect_screen "the slot is free again" "和室, Morning: free. n books it."
keys F6 F6 F6 F6 F6 F6 F6 Right
expect_screen "12-07, the class" "13:00-17:00  英会話教室"
keys x
expect_screen "a repeating booking: this date, the following or all" \
    "1: this date only   2: this and the 2 following dates   3: all 4 dates of the"
keys Escape
expect_screen "Esc keeps it" "13:00-17:00  英会話教室  [Booked]"
keys x
wait_for "following dates" >/dev/null
keys 2
expect_screen "the date and the following cancelled" "Cancelled 3 bookings: 英会話教室"
bookings 2026-12 >"$T/out"
check "every December date of the class cancelled" \
    test "$(grep '英会話教室' "$T/out" | grep -c ',cancelled$')" -eq 3
bookings 2026-11 >"$T/out"
expect_out "the first date stays booked" "和室,2026-11-30,13:00,17:00,英会話教室"

# --- resize on the calendar ---
keys Escape
expect_screen "back on the calendar" "Bookings  December 2026"
resize 20 5
expect_screen "20x5: too small" "Terminal too small"
resize 1 1
sleep 0.2
if alive; then ok "1x1: still running"; else not_ok "1x1: still running" "the program ended"; fi
resize 80 24
expect_screen "back to 80x24: the calendar" "Bookings  December 2026 (Reiwa 8)"
expect_screen "the weekdays again" "Sun        Mon"
if alive; then ok "survives the resizes"; else not_ok "survives the resizes" "the program ended"; fi

# --- the fee filled in follows the times chosen ---
keys Enter
wait_for "Bookings  2026-12-01" >/dev/null 2>&1 || wait_for "Bookings  2026-" >/dev/null
keys n
expect_screen "a new booking with the slot's fee" "Booking  New"
keys BTab C-u
type_text "17:00"; keys Tab
type_text "長い講座"
keys F2
expect_screen "saved" "長い講座"
run "$KYODO" list booking --db "$DB" --month 2026-12 --format csv
if grep "長い講座" "$T/out" | grep -q ",1000,"; then ok "two slots: the fee is two slots' (¥1,000), not the one filled in"
else not_ok "two slots: the fee is two slots' (¥1,000), not the one filled in" "$(grep 長い講座 "$T/out")"; fi
