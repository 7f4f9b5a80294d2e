#!/bin/sh
# The kiosk end to end: a staff member logs a meeting with a Japanese title,
# finds it in the month's list, filters, edits and deletes it (a tombstone
# stays); a refused form writes nothing.  Runs in Japanese.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/m.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
"$KYODO" add meeting --db "$DB" --date 2026-11-10 --kind board --title "役員会議" >/dev/null

if open_signed_in "$DB"; then ok "signs in and reaches home"; else not_ok "signs in and reaches home" "no home"; fi

keys 1
expect_screen "1 opens the meetings of this month with the era" "会議  令和8年11月"
expect_screen "the list shows the month's meeting" "役員会議"

keys F2
expect_screen "F2 opens a new meeting" "会議  新規"
expect_screen "the date is today in the list's month" "2026-11-28"
# The cursor starts on the start time.
type_text "10:00"; keys Tab
type_text "１２：００"; keys Tab	# full-width, as an IME types it
keys Tab			# kind: 円卓会議 (the first choice)
type_text "第5回円卓会議"; keys Tab
type_text "大会議室"; keys Tab
type_text "２５"
keys F2
expect_screen "saving says so" "保存しました"
if list_rows | grep -q "第5回円卓会議"; then ok "the new meeting is in the list"; else not_ok "the new meeting is in the list" "$(list_rows)"; fi
run "$KYODO" list meeting --db "$DB" --lang en
expect_out "stored with the Japanese title" "第5回円卓会議"
expect_out "full-width time accepted as 12:00" "12:00"
expect_out "full-width number accepted" "25"

# Edit: the cursor is on the record just saved.
keys Enter
expect_screen "Enter opens the meeting for editing" "会議  編集"
keys Down Down Down Down	# to the title
keys C-u
type_text "第5回円卓会議（改）"
keys BSpace
type_text "）"
keys C-s
expect_screen "Ctrl-S saves the edit" "第5回円卓会議（改）"
run "$KYODO" list meeting --db "$DB" --lang en
expect_out "the edit is stored" "第5回円卓会議（改）"
expect_no_out "the old title is gone" "第5回円卓会議 "

# Filter by typing; Esc clears.
type_text "円卓"
expect_screen "typing filters" "絞り込み：円卓"
sleep 0.2
if list_rows | grep -q "役員会議"; then not_ok "filter hides others" "$(list_rows)"; else ok "filter hides others"; fi
if list_rows | grep -q "第5回円卓会議"; then ok "filter keeps matches"; else not_ok "filter keeps matches" "$(list_rows)"; fi
keys Escape
expect_screen "Esc clears the filter" "役員会議"

# A refused form: end before start.
keys F2
expect_screen "a second new meeting" "会議  新規"
type_text "15:00"; keys Tab
type_text "14:00"; keys Tab Tab
type_text "時間の誤り"
keys F2
expect_screen "refusal names the field" "終了: 14:00"
expect_screen "refusal says what is wrong" "より後になっていません"
run "$KYODO" list meeting --db "$DB" --lang en
expect_no_out "nothing written on refusal" "時間の誤り"
keys Escape
expect_screen "Esc on a changed form asks" "変更を破棄しますか"
keys y
expect_screen "discarding returns to the list" "会議  令和8年11月"

# Delete with confirmation.
keys End
keys F4
expect_screen "F4 asks before deleting, naming the date and time" "「第5回円卓会議（改）」（11-28(土) 10:00）を削除しますか"
keys n
sleep 0.2
if list_rows | grep -q "第5回円卓会議（改）"; then ok "n keeps it"; else not_ok "n keeps it" "$(list_rows)"; fi
keys F4
wait_for "を削除しますか" >/dev/null
keys y
expect_screen "deleting says so" "削除しました"
# (The message, wrapped over the list's last rows, names it.)
if list_rows | grep -v "削除しました" | grep -q "第5回円卓会議"; then not_ok "deleted meeting leaves the list" "$(list_rows)"; else ok "deleted meeting leaves the list"; fi
run "$KYODO" list meeting --db "$DB" --lang en
expect_no_out "deleted meeting is not listed" "第5回円卓会議"
run "$KYODO" list meeting --db "$DB" --lang en --deleted
if grep -q "第5回円卓会議（改）.*\[deleted\]" "$T/out"; then ok "a tombstone remains"; else not_ok "a tombstone remains" "$(cat "$T/out")"; fi

# Months: ← and → change the month, shown with the era.
keys Left
expect_screen "Left shows the previous month" "会議  令和8年10月"
keys F6 F6
expect_screen "F6 shows the next month" "会議  令和8年12月"
keys Escape
expect_screen "Esc goes back home" "今月（令和8年11月）の件数"
