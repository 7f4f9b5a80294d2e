#!/bin/sh
# The kiosk end to end: facility use (a room, a group, a category, people
# and fee) added, edited and deleted; a room that does not exist is refused
# with the field named; the capacity and another use of the room at that time
# are named, and a use given no fee gets the room's.  Runs in Japanese.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/u.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
"$KYODO" add room --db "$DB" --name "和室" >/dev/null 2>&1

if open_signed_in "$DB"; then ok "signs in"; else not_ok "signs in" "no home"; fi
keys 3
expect_screen "3 opens facility use" "施設利用  令和8年11月"
keys F2
expect_screen "a new use" "施設利用  新規"
type_text "09:00"; keys Tab
type_text "12:00"; keys Tab
type_text "どこにもない部屋"; keys Tab
type_text "ヨガ教室"; keys Tab
keys Right Right		# 主催事業 → 地域協働体 → 団体利用
keys Tab
type_text "12"; keys Tab
type_text "500"
keys F2
expect_screen "an unknown room is refused, naming the field" "部屋"
run "$KYODO" list use --db "$DB" --lang en
expect_no_out "nothing written on refusal" "ヨガ教室"
# The cursor is on the room now.
keys C-u
type_text "和室"
keys F2
expect_screen "saved" "保存しました"
expect_screen "listed with its category" "団体利用"
if list_rows | grep -q "ヨガ教室"; then ok "the use is listed"; else not_ok "the use is listed" "$(list_rows)"; fi
run "$KYODO" list use --db "$DB" --lang en --format csv
expect_out "stored" "ヨガ教室"

keys Enter
expect_screen "edit" "施設利用  編集"
keys Down Down Down Down Down Down	# to people
keys C-u
type_text "18"
keys F2
expect_screen "back in the list after the edit" "施設利用  令和8年11月"
run "$KYODO" list use --db "$DB" --lang en --format csv
expect_out "the edit is stored" ",18,"

keys Delete
expect_screen "Delete asks too, naming the date" "「ヨガ教室」（1"
keys y
expect_screen "deleted" "削除しました"
run "$KYODO" list use --db "$DB" --lang en --deleted
if grep -q "ヨガ教室.*\[deleted\]" "$T/out"; then ok "a tombstone remains"; else not_ok "a tombstone remains" "$(cat "$T/out")"; fi

# The rules a booking keeps: another use of the room at that time is named.
"$KYODO" add room --db "$DB" --name "大会議室" --capacity 60 --fee 1200 >/dev/null 2>&1
"$KYODO" add use --db "$DB" --date 2026-11-28 --start 13:00 --end 17:00 --room "大会議室" \
	--group "囲碁クラブ" --category group --people 10 >/dev/null 2>&1
keys F5 F6	# the month again, with the use added outside the kiosk
keys F2
expect_screen "another new use" "施設利用  新規"
type_text "14:00"; keys Tab
type_text "16:00"; keys Tab
type_text "大会議室"; keys Tab
type_text "書道サークル"; keys Tab
keys Right Right
keys Tab
type_text "200"
keys F2
expect_screen "200 people in a room for 60: the capacity is named" "定員（60 人）"
keys C-u
type_text "12"
keys F2
expect_screen "an overlap names the other use and its group" "囲碁クラブ が利用しています"
run "$KYODO" list use --db "$DB" --lang en --format csv
expect_no_out "nothing written on refusal" "書道サークル"
keys S-Tab S-Tab S-Tab S-Tab S-Tab S-Tab
keys C-u
type_text "17:00"; keys Tab
keys C-u
type_text "19:00"
keys F2
expect_screen "saved once clear of the other use" "保存しました"
run "$KYODO" list use --db "$DB" --lang en --format csv
expect_out "the fee is the room's for the one slot 17:00–19:00 reaches (18:00–22:00)" "書道サークル,group,12,1200"

# A use typed before its booking is checked in: the check-in at the day
# grid takes that use (with the headcount typed then), never a second one.
"$KYODO" add booking --db "$DB" --date 2026-11-30 --start 09:00 --end 12:00 --room "大会議室" \
	--group "太極拳の会" --category group >/dev/null 2>&1
"$KYODO" add use --db "$DB" --date 2026-11-30 --start 09:00 --end 11:30 --room "大会議室" \
	--group "太極拳の会" --category group --people 7 >/dev/null 2>&1
keys Escape
wait_for "メニュー" >/dev/null
keys 4
wait_for "予約  令和8年11月" >/dev/null
keys Right Right Enter
expect_screen "the day grid of 11-30" "令和8年11月30日"
keys Down
expect_screen "the booking is under the cursor" "09:00-12:00  太極拳の会"
keys i
expect_screen "the check-in asks how many came" "来館人数"
type_text "9"
keys Enter
expect_screen "checked in" "利用済"
run "$KYODO" list use --db "$DB" --lang en --format csv --month 2026-11
if [ "$(grep -c "太極拳の会" "$T/out")" -eq 1 ] && grep -q "太極拳の会,group,9," "$T/out"; then
	ok "one use for the visit, with the headcount of the check-in"
else
	not_ok "one use for the visit, with the headcount of the check-in" "$(grep "太極拳" "$T/out")"
fi
