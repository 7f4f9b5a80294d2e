#!/bin/sh
# Undoing a delete in the kiosk: a staff member deletes a meeting in the
# 会議 list (the message says where to get it back), opens 最近削除したもの
# from home, sees it with its kind, date and when it went, restores it after
# a y/n naming it, and finds it back in the list; a use restored over the
# room's later use is refused in words; a long list shows ▼/▲.  Japanese,
# then English.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/u.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
"$KYODO" add meeting --db "$DB" --date 2026-11-10 --start 10:00 --kind board --title "役員会議" >/dev/null
"$KYODO" add room --db "$DB" --name "和室" >/dev/null
"$KYODO" add use --db "$DB" --date 2026-11-20 --start 10:00 --end 12:00 --room "和室" \
    --group "書道会" --category group >/dev/null
"$KYODO" delete use "書道会" --db "$DB" >/dev/null
"$KYODO" add use --db "$DB" --date 2026-11-20 --start 11:00 --end 12:00 --room "和室" \
    --group "囲碁クラブ" --category group >/dev/null
# Rows in the list follow the deletion time; a second apart keeps the order plain.
sleep 1

if open_signed_in "$DB"; then ok "signs in and reaches home"; else not_ok "signs in and reaches home" "no home"; fi
expect_screen "home offers the recently deleted list with its key" "d 最近削除したもの"

keys 1
expect_screen "1 opens the meetings" "会議  令和8年11月"
keys F4
expect_screen "F4 asks before deleting" "「役員会議」（11-10(火) 10:00）を削除しますか"
keys y
expect_screen "deleting says so" "削除しました"
expect_screen "and says where to get it back" "(d) から復元できます"
sleep 0.2
# (The message below the list names it.)
if screen | sed -n 4,18p | grep -q "役員会議"; then not_ok "the meeting leaves the list" "$(screen)"; else ok "the meeting leaves the list"; fi
keys Escape
expect_screen "Esc goes home" "今月（令和8年11月）の件数"

keys d
expect_screen "d opens the recently deleted list" "最近削除したもの"
expect_screen "its headings" "削除日時"
# The newest deletion first: the meeting, then the use deleted before.
row1=$(screen | sed -n 4p)
row2=$(screen | sed -n 5p)
case "$row1" in *会議*2026-11-10\ 10:00*役員会議*) ok "the meeting first, with kind, date and title" ;;
*) not_ok "the meeting first, with kind, date and title" "$row1" ;; esac
case "$row2" in *施設利用*2026-11-20\ 10:00*書道会*) ok "the older deletion below it" ;;
*) not_ok "the older deletion below it" "$row2" ;; esac
if printf '%s\n' "$row1" | grep -Eq '[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} *$'; then
	ok "when it was deleted, at the end of the row"
else
	not_ok "when it was deleted, at the end of the row" "$row1"
fi
expect_screen "the bar shows Enter restores" "Enter 復元"

keys Enter
expect_screen "Enter asks, naming the record with its date and time" \
    "会議「役員会議」（2026-11-10 10:00）を復元しますか"
keys n
sleep 0.2
expect_screen "n keeps it in the list" "役員会議"
keys Enter
wait_for "を復元しますか" >/dev/null
keys y
expect_screen "restoring says so" "復元しました"
sleep 0.2
if screen | sed -n 4,20p | grep -q "役員会議"; then
	not_ok "it leaves the recently deleted list" "$(screen)"
else
	ok "it leaves the recently deleted list"
fi
run "$KYODO" list meeting --db "$DB" --lang en
expect_out "stored live again" "役員会議"

# The use: its room is taken meanwhile.
keys Enter
expect_screen "the use's turn" "施設利用「書道会」（2026-11-20 10:00）を復元しますか"
keys y
expect_screen "refused, in words" "復元できません"
expect_screen "naming what stands in the way" "囲碁クラブ"
expect_screen "the use stays deleted" "書道会"

keys Escape
expect_screen "Esc goes home" "今月（令和8年11月）の件数"
keys 1
expect_screen "the meeting is back in the 会議 list" "役員会議"
keys Escape
wait_for "今月" >/dev/null

# A long list: more rows than the screen shows.
i=1
while [ $i -le 25 ]; do
	"$KYODO" add event --db "$DB" --date 2026-10-$(printf %02d $i) --title "行事$i" \
	    --field other >/dev/null 2>&1
	"$KYODO" delete event "行事$i" --db "$DB" >/dev/null 2>&1
	i=$((i + 1))
done
keys d
expect_screen "the list again" "行事"
expect_screen "▼ says more rows lie below" "▼"
keys End
expect_screen "End goes to the last row" "書道会"
expect_screen "▲ says rows lie above" "▲"
keys Escape
expect_screen "Esc goes home again" "今月（令和8年11月）の件数"

# English.  (Deletion times are to the second: the next one comes after.)
sleep 1
"$KYODO" add meeting --db "$DB" --date 2026-11-12 --start 14:00 --kind board --title "Board" >/dev/null
if open_signed_in "$DB" --lang en; then ok "en: signs in"; else not_ok "en: signs in" "no home"; fi
expect_screen "en: the menu entry" "d Recently deleted"
keys 1
expect_screen "en: the meetings" "Meeting  November 2026"
keys Down
keys F4
wait_for "Delete \"Board\"" >/dev/null
keys y
expect_screen "en: deleting says where to get it back" "brings it back."
keys Escape
wait_for "This month" >/dev/null
keys d
expect_screen "en: the list" "Deleted at"
row1=$(screen | sed -n 4p)
case "$row1" in *Meeting*2026-11-12\ 14:00*Board*) ok "en: the meeting first" ;;
*) not_ok "en: the meeting first" "$row1" ;; esac
keys Enter
expect_screen "en: asks" "Restore the Meeting \"Board\" (2026-11-12 14:00)? (y/n)"
keys y
expect_screen "en: restored" "Restored: Meeting 2026-11-12 14:00 Board"
keys Escape
wait_for "This month" >/dev/null
keys 1
expect_screen "en: back in the list" "Board"
