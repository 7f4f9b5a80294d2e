#!/bin/sh
# Opening hours and closed days on the kiosk, no command line: center staff
# set the weekly closing day and the time slots, which bookings then keep;
# a wrong value names its field; single closed days are listed and added
# from the same screen; the body's secretariat does not see the entry.
# Runs in Japanese, with a look in English.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/h.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
printf '5678\n' | "$KYODO" staff add --db "$DB" --name "鈴木 一郎" --role secretariat \
    --pin-stdin >/dev/null 2>&1
"$KYODO" add room --db "$DB" --name "和室" --capacity 24 >/dev/null 2>&1

open_signed_in "$DB" || { not_ok "signs in" "no home"; exit 1; }
expect_screen "center staff see the entry" "o 開館時間・休館日"
keys o
expect_screen "o opens the opening hours" "開館時間と休館日"
expect_screen "the slots as stored (the default)" "09:00-12:00,13:00-17:00,18:00-22:00"
expect_screen "the rules are explained" "12-29..01-03"
# A wrong slot names its field and saves nothing.
keys C-u
type_text "夜"
keys F2
expect_screen "a wrong slot is refused" "slots"
run sqlite3 "$DB" "SELECT count(*) FROM setting WHERE key = 'slots'"
expect_out "nothing stored" "0"
keys C-u
type_text "09:00-12:00,13:00-17:00"
keys Tab Right Right	# 定休日: なし → 日曜日 → 月曜日
expect_screen "the weekly closing day is chosen by name" "月曜日"
keys F2
expect_screen "saved" "開館時間と休館日を保存しました"
run sqlite3 "$DB" "SELECT value FROM setting WHERE key = 'closed_weekday'"
expect_out "Monday stored" "1"
run sqlite3 "$DB" "SELECT summary FROM audit WHERE action = 'setting' ORDER BY id"
expect_out "the closing day's change is audited" "closed_weekday:  → 1"
expect_out "the slots' change is audited, from the default" "slots: 09:00-12:00,13:00-17:00,18:00-22:00 → 09:00-12:00,13:00-17:00"
# Bookings keep it: a Monday is refused, the evening slot is gone.
run "$KYODO" add booking --db "$DB" --room 和室 --date 2026-11-30 --start 13:00 --end 17:00 \
    --group 会 --category group --lang en
expect_rc "a booking on a Monday is refused" 1
expect_err "because the center is closed" "closed"
run "$KYODO" add booking --db "$DB" --room 和室 --date 2026-12-01 --start 18:00 --end 22:00 \
    --group 会 --category group --lang en
expect_rc "the evening slot is no longer open" 1

# F5: the single closed days, added here.
keys o
expect_screen "back in the opening hours" "開館時間と休館日"
expect_screen "Monday is shown as chosen" "月曜日"
keys F5
expect_screen "F5 lists the closed days of the month" "休館日  令和8年11月"
keys F2
expect_screen "a new closed day" "休館日  新規"
type_text "臨時休館（点検）"
keys F2
expect_screen "the closed day is saved" "臨時休館（点検）"
keys Escape
expect_screen "Esc back to the opening hours" "開館時間と休館日"
keys Escape
expect_screen "Esc home" "メニュー"

# The secretariat has no such entry, and o does nothing.
keys F9
wait_for "佐藤 花子" >/dev/null
sign_in 2 5678
wait_for "鈴木 一郎 (" >/dev/null
expect_no_screen "the secretariat does not see it" "開館時間・休館日"
expect_no_screen "nor the audit log" "操作記録"
keys o
sleep 0.3
expect_no_screen "o opens nothing for them" "開館時間と休館日"

# English.
start_kyodo -- --db "$DB" --lang en
wait_for "佐藤 花子" >/dev/null && sign_in 0 1234
wait_for "佐藤 花子 (" >/dev/null
keys o
expect_screen "English title" "Opening hours and closed days"
expect_screen "English: the closing day by name" "Monday"
