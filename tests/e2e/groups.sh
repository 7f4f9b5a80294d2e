#!/bin/sh
# The kiosk end to end: the register of user groups (利用団体).  Center
# staff keep it from the home menu (g): a group added with its reading,
# representative, contact and category (a reading in kanji and a name
# already registered refused with the core's sentence), typing filters,
# F4 deletes; the waivers of each category shown under the list.  Booking
# a room, typing the first kana of a group's reading lists it under the
# field; Down and Enter pick it; its category sets the waiver and the form
# shows the fee, the waiver and what is left to pay before saving; the
# check-in records the use with the waiver, and the month's report sums it.
# The use form completes the same way (katakana finds a reading in
# hiragana).  Japanese, then English; 80×24.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/g.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
"$KYODO" add room --db "$DB" --name "和室" --capacity 24 --fee 500 >/dev/null 2>&1
printf '5555\n' | "$KYODO" staff add --db "$DB" --name "鈴木 一郎" --role secretariat \
    --pin-stdin >/dev/null 2>&1
csv() { "$KYODO" list "$1" --db "$DB" --format csv 2>/dev/null | tr -d '\r'; }

if open_signed_in "$DB"; then ok "signs in"; else not_ok "signs in" "no home"; fi
expect_screen "the home menu offers the register" "g 利用団体"
keys g
expect_screen "g opens the register" "利用団体  0 団体"
expect_screen "an empty register says how to begin" "登録された団体はまだありません"
expect_screen "the waivers of each category are shown" "登録団体 半額減免"

# --- add a group; a reading in kanji is refused ---
keys F2
expect_screen "F2: a new group" "利用団体  新規"
type_text "山びこ会"; keys Tab
type_text "山彦会"; keys Tab
type_text "山田 一郎"; keys Tab
type_text "0191-22-1234"; keys Tab
keys Right Right		# その他 → 地域協働体 → 登録団体
expect_screen "the category chosen" "< 登録団体 >"
keys F2
expect_screen "a reading in kanji is refused" "よみがなはかなで書いてください"
keys C-u
type_text "やまびこかい"
keys F2
expect_screen "saved" "保存しました"
expect_screen "listed" "利用団体  1 団体"
if list_rows | grep -q "山びこ会 *やまびこかい *山田 一郎 *0191-22-1234 *登録団体"; then
	ok "the row shows every field"
else
	not_ok "the row shows every field" "$(list_rows)"
fi

# --- the same name again is refused ---
keys F2
wait_for "利用団体  新規" >/dev/null
type_text "山びこ会"
keys F2
expect_screen "a name already registered is refused" "山びこ会 という団体はすでに登録されています"
keys Escape
wait_for "(y/n)" >/dev/null
keys y
expect_screen "back in the register" "利用団体  1 団体"

# --- another, filtered, deleted ---
keys F2
wait_for "利用団体  新規" >/dev/null
type_text "八幡太鼓"; keys Tab
type_text "やはただいこ"
keys F2
expect_screen "a second group" "利用団体  2 団体"
type_text "八"
expect_screen "typing filters" "絞り込み：八"
expect_screen "the filter leaves one" "利用団体  1 団体"
keys F4
wait_for "(y/n)" >/dev/null
keys y
expect_screen "F4 deletes" "削除しました"
keys Escape
expect_screen "Esc clears the filter" "利用団体  1 団体"
csv group >"$T/out"
expect_no_out "the deleted group is gone" "八幡太鼓"

# --- book a room: the first kana of the reading finds the group ---
keys Escape
wait_for "g 利用団体" >/dev/null
keys 4
wait_for "予約  令和8年11月" >/dev/null
keys Enter
wait_for "n で予約します" >/dev/null
keys n
expect_screen "a new booking" "予約  新規"
type_text "や"
expect_screen "the group is listed under the field" "山びこ会  やまびこかい  登録団体"
expect_screen "how to pick is said" "↓↑ で一覧から名前を選び"
keys Down Enter
expect_screen "its category sets the waiver" "半額減免"
expect_screen "the group's contact is filled in" "山田 一郎 0191-22-1234"
expect_no_screen "the list closes" "やまびこかい  登録団体"
expect_screen "the fee and the waiver are shown before saving" \
    "使用料 ¥500、減免 ¥250（登録団体 半額減免）、お支払い ¥250。"
keys F2
expect_screen "the booking is saved" "保存しました"
csv booking >"$T/out"
expect_out "stored with the group's contact, the fee and the half waiver" \
    ",山びこ会,山田 一郎 0191-22-1234,,group,,500,half,,booked"
keys i
wait_for "来館人数" >/dev/null
type_text "8"
keys Enter
expect_screen "checked in" "施設利用として記録しました"
csv use >"$T/out"
expect_out "the use holds what was charged and what was waived" ",山びこ会,group,8,250,250"

# --- a walk-in: any name is kept, no waiver ---
keys Right		# the afternoon
keys n
wait_for "予約  新規" >/dev/null
type_text "佐々木さん"
expect_screen "a name not registered: the room's fee" "使用料 ¥500、減免 ¥0、お支払い ¥500。"
keys F2
expect_screen "saved as typed" "保存しました"
csv booking >"$T/out"
expect_out "the walk-in's booking" ",佐々木さん,,,group,,500,none,,booked"

# --- the use form completes too; katakana finds the reading ---
keys Escape
wait_for "予約  令和8年11月" >/dev/null
keys Escape
wait_for "g 利用団体" >/dev/null
keys 3
wait_for "施設利用  令和8年11月" >/dev/null
keys F2
wait_for "施設利用  新規" >/dev/null
type_text "18:00"; keys Tab
type_text "21:00"; keys Tab
type_text "和室"; keys Tab
type_text "ヤマ"
expect_screen "katakana finds the reading in hiragana" "山びこ会  やまびこかい"
keys Down Enter
expect_screen "the use's fee and waiver shown" "使用料 ¥500、減免 ¥250（登録団体 半額減免）"
keys F2
expect_screen "the use is saved" "保存しました"
csv use >"$T/out"
expect_out "the use got the waiver" "2026-11-28,18:00,21:00,和室,山びこ会,group,,250,250"

# --- the month's report sums the waivers ---
keys Escape
wait_for "g 利用団体" >/dev/null
keys 5
expect_screen "the report" "月報  令和8年11月"
expect_screen "the waived total" "¥500"

# --- English ---
start_kyodo -- --db "$DB" --lang en
wait_for "佐藤 花子" >/dev/null
sign_in 0 1234
wait_for "佐藤 花子 (" >/dev/null
expect_screen "en: the menu entry" "g User groups"
keys g
expect_screen "en: the register" "User groups  1 group"
expect_screen "en: the category" "Registered group"
expect_screen "en: the waivers" "Registered group: Half waiver"
keys Escape
wait_for "g User groups" >/dev/null
keys 4
wait_for "Bookings  November 2026" >/dev/null
keys Enter
wait_for "Bookings  2026-11-28" >/dev/null
keys Right Right	# the evening
keys n
expect_screen "en: a new booking" "Booking  New"
type_text "やまび"
expect_screen "en: listed" "山びこ会  やまびこかい  Registered group"
keys Down Enter
expect_screen "en: the fee shown" \
    "Fee ¥500, waived ¥250 (Registered group: Half waiver): ¥250 to pay."
keys F2
expect_screen "en: saved" "Saved"

# --- the body's secretariat does not keep the register ---
start_kyodo -- --db "$DB"
wait_for "佐藤 花子" >/dev/null
sign_in 2 5555
wait_for "鈴木 一郎 (" >/dev/null
expect_no_screen "secretariat: no register in the menu" "利用団体"
