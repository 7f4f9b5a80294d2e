#!/bin/sh
# The kiosk end to end: booking series and copies.  A weekly class with one
# date taken: the form names the date and the group holding it and books the
# free dates on y; editing a date of the series asks 1 this date / 2 this and
# the following / 3 all (Esc goes back to the form); the day grid's cancel
# asks the same and cancels this and the following dates; c in the day grid
# copies a booking a week on; F11 in the meetings list copies a meeting to
# today (and, in another month, to the same day of it).  In English, then in
# Japanese, at 80×24.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/s.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
add() {
	"$KYODO" add "$@" --db "$DB" >/dev/null 2>"$T/add.err" ||
		echo "# kyodo add $*: $(cat "$T/add.err")"
}
add room --name "和室" --capacity 20 --fee 500
# 書道会 holds the second Monday of the class to come.
add booking --room "和室" --date 2026-12-07 --start 13:00 --end 17:00 --group "書道会"
add meeting --date 2026-11-20 --start 19:00 --end 20:30 --kind board --title "役員会" \
    --attendees 8
add meeting --date 2026-10-05 --start 10:00 --end 11:00 --kind preparatory --title "準備会"
# A Tuesday morning series for the Japanese cancel.
add booking --room "和室" --date 2026-12-01 --start 09:00 --end 12:00 --group "茶道の会" \
    --repeat weekly --count 3

# rows GROUP: the group's bookings, "date status purpose" a line, by date.
rows() {
	sqlite3 "$DB" "SELECT date || ' ' || status || ' ' || ifnull(purpose, '-') FROM booking \
	    WHERE \"group\" = '$1' ORDER BY date" | tr '\n' ';'
}

if open_signed_in "$DB" --lang en; then ok "signs in"; else not_ok "signs in" "no home"; fi

# --- a weekly class with one date taken: the free dates booked ---
keys 4
wait_for "Bookings  November 2026" >/dev/null
keys End Enter
expect_screen "11-30's grid" "Bookings  2026-11-30 (Reiwa 8) Mon"
keys Right n
expect_screen "a new booking in the afternoon" "Booking  New"
type_text "英会話教室"
# From the group to the repeat: contact, purpose, category, people, fee,
# waiver, waiver reason, repeat; then the number of dates.
keys Down Down Down Down Down Down Down Down Right Down Down
type_text "4"
expect_screen "the repeat in words" "Every week on Mon from 2026-11-30, 4 dates"
keys F2
expect_screen "the taken date is named with its group" \
    "1 date is already taken: 12-07 Mon 書道会. Book the 3 free dates? (y/n)"
check "nothing written before the answer" test "$(rows 英会話教室)" = ""
keys n
expect_screen "n: back on the form" "Booking  New"
check "n: nothing written" test "$(rows 英会話教室)" = ""
keys F2
wait_for "(y/n)" >/dev/null
keys y
expect_screen "y: the free dates booked, the taken one named" \
    "Booked 3 dates. Skipped 1 date already taken: 12-07 Mon 書道会."
check "three dates stored, 12-07 left to 書道会" test "$(rows 英会話教室)" = \
    "2026-11-30 booked -;2026-12-14 booked -;2026-12-21 booked -;"

# --- editing a date of the series asks which dates ---
expect_screen "the class in the grid" "│英会話教室"
keys Enter
expect_screen "Enter opens the booking" "Booking  Edit"
# Room, date, start, end, group, contact, purpose.
keys Down Down Down Down Down Down
type_text "例会"
keys F2
expect_screen "F2 asks which dates" "This booking repeats. Save the change for which dates?"
expect_screen "the three choices" \
    "1: this date only   2: this and the 2 following dates   3: all 3 dates of the"
check "nothing saved while asking" test "$(rows 英会話教室)" = \
    "2026-11-30 booked -;2026-12-14 booked -;2026-12-21 booked -;"
keys Escape
if wait_gone "Save the change for which dates?" 2>/dev/null; then ok "Esc: the question is gone"
else not_ok "Esc: the question is gone" "still asking"; fi
expect_screen "Esc: back to the form" "Booking  Edit"
keys F2
wait_for "Save the change for which dates?" >/dev/null
keys 1
expect_screen "1: saved for this date" "Saved: Booking 2026-11-30 13:00 英会話教室"
check "1: only 11-30 changed" test "$(rows 英会話教室)" = \
    "2026-11-30 booked 例会;2026-12-14 booked -;2026-12-21 booked -;"
keys Enter
wait_for "Booking  Edit" >/dev/null
keys Down Down Down Down Down Down C-u
type_text "発表会"
keys F2
wait_for "Save the change for which dates?" >/dev/null
keys 3
expect_screen "3: saved for every date" "(3 dates)"
check "3: every date changed" test "$(rows 英会話教室)" = \
    "2026-11-30 booked 発表会;2026-12-14 booked 発表会;2026-12-21 booked 発表会;"

# --- cancel this and the following dates in the day grid ---
keys F6 F6 F6 F6 F6 F6 F6 F6 F6 F6 F6 F6 F6 F6
expect_screen "12-14" "Bookings  2026-12-14 (Reiwa 8) Mon"
expect_screen "the class on 12-14" "13:00-17:00  英会話教室  発表会  [Booked]"
keys x
expect_screen "x asks which dates" "Cancel 英会話教室, 12-14 13:00–17:00?"
expect_screen "the three choices" \
    "1: this date only   2: this and the 1 following date   3: all 3 dates of the"
keys 2
expect_screen "2: this and the following cancelled" "Cancelled 2 bookings: 英会話教室"
check "11-30 stays, 12-14 and 12-21 cancelled" test "$(rows 英会話教室)" = \
    "2026-11-30 booked 発表会;2026-12-14 cancelled 発表会;2026-12-21 cancelled 発表会;"

# --- c copies a booking a week on ---
keys F5 F5 F5 F5 F5 F5 F5
expect_screen "12-07" "Bookings  2026-12-07 (Reiwa 8) Mon"
expect_screen "書道会 on 12-07" "13:00-17:00  書道会"
expect_screen "c is on the key bar" "c Copy +1 week"
keys c
expect_screen "c: a new booking, a copy" "Booking  New (copy)"
expect_screen "a week on" "2026-12-14"
expect_screen "the group copied" "書道会"
check "nothing saved before F2" test "$(rows 書道会)" = "2026-12-07 booked -;"
keys F2
expect_screen "F2 saves the copy" "Saved: Booking 2026-12-14 13:00 書道会"
expect_screen "the grid shows the new week" "Bookings  2026-12-14 (Reiwa 8) Mon"
check "two 書道会 bookings a week apart" test "$(rows 書道会)" = \
    "2026-12-07 booked -;2026-12-14 booked -;"

# --- F11 copies a meeting from the list ---
keys Escape Escape
wait_for "This month" >/dev/null
keys 1
expect_screen "meetings" "Meeting  November 2026"
expect_screen "F11 is on the key bar" "F11 Copy"
keys F11
expect_screen "F11: a new meeting, a copy" "Meeting  New (copy)"
expect_screen "dated today" "2026-11-28"
expect_screen "the title copied" "役員会"
keys F2
expect_screen "saved" "Saved: Meeting 2026-11-28 19:00 役員会"
check "two meetings listed" test "$(list_rows | grep -c '役員会')" -eq 2
check "two meetings stored" test "$(sqlite3 "$DB" "SELECT count(*) FROM meeting WHERE title = '役員会' AND attendees = 8")" -eq 2
# In another month's list, the same day of that month.
keys F5
expect_screen "October" "Meeting  October 2026"
expect_screen "October's meeting" "準備会"
keys F11
expect_screen "a copy in October" "Meeting  New (copy)"
expect_screen "the same day of October" "2026-10-28"
expect_screen "the title copied" "準備会"
keys Escape
expect_screen "Esc: nothing typed, back to the list" "Meeting  October 2026"
check "the October copy not saved" test "$(sqlite3 "$DB" "SELECT count(*) FROM meeting WHERE title = '準備会'")" -eq 1
keys Escape Escape
if alive; then ok "still running"; else not_ok "still running" "the program ended"; fi

# --- Japanese ---
if open_signed_in "$DB"; then ok "ja: signs in"; else not_ok "ja: signs in" "no home"; fi
keys 1
expect_screen "ja: meetings" "会議"
expect_screen "ja: F11 on the key bar" "F11 複写"
keys F11
expect_screen "ja: a copy" "会議  新規（複写）"
keys F2
expect_screen "ja: saved" "保存しました"
check "ja: three meetings listed" test "$(list_rows | grep -c '役員会')" -eq 3
keys Escape
wait_for "佐藤 花子 (" >/dev/null
keys 4
wait_for "令和8年11月28日" >/dev/null
# 11-23 (a holiday, open): a weekly series of three, 11-30 and 12-07 taken.
keys Left Left Left Left Left Enter
expect_screen "ja: 11-23's grid" "令和8年11月23日(月)"
keys Right n
expect_screen "ja: a new booking" "予約  新規"
type_text "手芸の会"
keys Down Down Down Down Down Down Down Down Right Down Down
type_text "3"
keys F2
expect_screen "ja: the taken dates named with their groups" "2 日分はすでに予約があります"
expect_screen "ja: 英会話教室 holds 11-30" "英会話教室"
expect_screen "ja: asks to book the free date" "空いている 1 日分を予約しますか？ (y/n)"
keys y
expect_screen "ja: booked, the taken dates listed" "予約済みのため 2 日分を飛ばしました"
check "ja: only 11-23 booked" test "$(rows 手芸の会)" = "2026-11-23 booked -;"
# 12-01, a Tuesday morning of 茶道の会's series: cancel every date.
keys F6 F6 F6 F6 F6 F6 F6 F6 Left
expect_screen "ja: 12-01" "令和8年12月1日(火)"
expect_screen "ja: the c key on the bar" "c 翌週へ複写"
keys x
expect_screen "ja: x asks which dates" "1: この日だけ   2: この日以降（あと 2 日）   3: すべて（3 日分）"
keys 3
expect_screen "ja: every date cancelled" "3 件の予約を取り消しました：茶道の会"
check "ja: 3: the three dates cancelled" test "$(rows 茶道の会)" = \
    "2026-12-01 cancelled -;2026-12-08 cancelled -;2026-12-15 cancelled -;"
if alive; then ok "ja: still running"; else not_ok "ja: still running" "the program ended"; fi
