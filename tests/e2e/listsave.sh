#!/bin/sh
# A list after a save and before a delete, as a person reads it: a record
# saved for a day further down the month is brought into view and selected;
# the count follows the month shown; deleting one of two records with the
# same title names its date and time.  Runs in Japanese.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/m.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
# More meetings than the list has rows at 80×24, early in the month.
d=1
while [ $d -le 24 ]; do
	"$KYODO" add meeting --db "$DB" --date "$(printf '2026-11-%02d' $d)" --start 09:00 \
	    --kind board --title "役員会 $d" >/dev/null
	d=$((d + 1))
done
"$KYODO" add meeting --db "$DB" --date 2026-11-25 --start 10:00 --kind board \
    --title "敬老会 準備会" >/dev/null
"$KYODO" add meeting --db "$DB" --date 2026-11-26 --start 14:00 --kind board \
    --title "敬老会 準備会" >/dev/null

open_signed_in "$DB" || { not_ok "signs in" "no home"; exit 1; }
keys 1
expect_screen "the meetings of November" "会議  令和8年11月"
expect_screen "the count names the month shown, not today's" "表示中の月 26 件"
expect_no_screen "役員会 24 is below the first screenful" "役員会 24"
expect_screen "a mark says more rows lie below" "▼"
expect_no_screen "and none above" "▲"

# A new meeting on the 30th sorts last, off the first screenful.
keys F2
expect_screen "a new meeting" "会議  新規"
keys BTab C-u
type_text "2026-11-30"; keys Tab
type_text "18:00"; keys Tab Tab Tab
type_text "月末の反省会"
keys F2
expect_screen "saved" "保存しました"
expect_screen "the saved meeting is in view" "月末の反省会"
expect_screen "now rows lie above" "▲"
keys Enter
expect_screen "and selected: Enter opens it" "会議  編集"
expect_screen "the form holds the saved meeting" "月末の反省会"
keys Escape
wait_for "会議  令和8年11月" >/dev/null
expect_screen "the count follows" "表示中の月 27 件"

# Two meetings share a title: the question says which.
keys Up Up
expect_screen "on the first 敬老会 準備会" "敬老会 準備会"
keys F4
expect_screen "the delete question names the date and time" "「敬老会 準備会」（11-25(水) 10:00）を削除しますか"
keys n

# Another month: the count is that month's.
keys Left
expect_screen "October" "会議  令和8年10月"
expect_screen "October's count" "表示中の月 0 件"

# English.
start_kyodo -- --db "$DB" --lang en
wait_for "佐藤 花子" >/dev/null && sign_in 0 1234
wait_for "佐藤 花子 (" >/dev/null
keys 1
expect_screen "English: the count names the month shown" "FY2026 (Reiwa 8)  27 records in the month"
