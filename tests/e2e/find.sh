#!/bin/sh
# Finding anything (issue 17): in a record list, / searches every month —
# a meeting months back found by typing its katakana word in hiragana,
# Enter opens its month with it selected, Esc comes back; the results
# scroll with ▲/▼.  F8 goes to a date typed as 令和, R8.12.3, ISO or 12/3
# in a list, the booking calendar and the day grid; a date it cannot read
# is refused with the forms shown.  Japanese and English, 80×24 and 120×40.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/f.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
export KYODO_TODAY=2026-11-28
"$KYODO" add meeting --db "$DB" --date 2026-06-12 --kind board --title "カラオケ大会の打合せ" \
    --room 和室 >/dev/null
"$KYODO" add meeting --db "$DB" --date 2026-06-20 --kind board --title "防災訓練の相談" >/dev/null
"$KYODO" add meeting --db "$DB" --date 2026-11-10 --kind board --title "役員会議" >/dev/null
"$KYODO" add meeting --db "$DB" --date 2025-03-02 --kind round-table --title "円卓会議" \
    --summary "ｶﾗｵｹ機材の購入" >/dev/null
# Forty more of one word, for a results list longer than the screen.
{
	echo "date,kind,title"
	i=1
	while [ $i -le 40 ]; do
		printf '2024-%02d-%02d,board,テイレイ会 第%d回\n' $((i % 12 + 1)) $((i % 20 + 5)) $i
		i=$((i + 1))
	done
} >"$T/many.csv"
"$KYODO" import-csv meeting --db "$DB" "$T/many.csv" >/dev/null 2>&1 ||
	not_ok "setup: import" "import-csv failed"
unset KYODO_TODAY

if open_signed_in "$DB"; then ok "ja: signs in"; else not_ok "ja: signs in" "no home"; fi
keys 1
expect_screen "ja: the meetings of this month" "会議  令和8年11月"
expect_screen "ja: the key bar shows / 検索" "/ 検索"
expect_screen "ja: the key bar shows F8 日付へ" "F8 日付へ"

# Typing still filters the month.
type_text "役員"
expect_screen "ja: typing filters the month as before" "絞り込み：役員"
keys Escape
expect_screen "ja: Esc clears the filter" "文字を入力すると絞り込みます"

# / searches every month; hiragana finds the katakana title and the
# half-width katakana summary.
keys /
expect_screen "ja: / opens the search" "会議の検索（すべての月）"
expect_screen "ja: the search says what to do" "探す語を入力してください"
type_text "からおけ"
expect_screen "ja: typing shows what it finds, counted" "2 件見つかりました（新しい順）"
expect_screen "ja: a meeting months back found by its katakana word, with its date" \
    "令和8年6月12日"
expect_screen "ja: the half-width ｶﾗｵｹ of a summary found too, with its year" "令和7年3月2日"
if screen | grep -n "令和8年6月12日" | grep -q "^5:"; then ok "ja: newest first"; else
	not_ok "ja: newest first" "$(screen | sed -n 4,7p)"; fi
expect_no_screen "ja: a meeting without the word is not listed" "防災訓練"
keys Enter
expect_screen "ja: Enter opens the meeting's month" "会議  令和8年6月"
expect_screen "ja: the month's list shows it" "カラオケ大会の打合せ"
expect_screen "ja: and the month's other meeting" "防災訓練の相談"
keys F3
expect_screen "ja: the found meeting is the one selected (F3 edits it)" "会議  編集"
expect_screen "ja: its title in the form" "カラオケ大会の打合せ"
keys Escape
expect_screen "ja: back to the list" "会議  令和8年6月"

# The filter's words start the search; Esc leaves the list as it was.
type_text "防災"
expect_screen "ja: filter typed" "絞り込み：防災"
keys /
expect_screen "ja: / takes the filter's words" "検索：防災"
expect_screen "ja: and finds with them" "1 件見つかりました"
keys Escape
expect_screen "ja: Esc returns to the list" "絞り込み：防災"
expect_screen "ja: in the same month" "会議  令和8年6月"
keys Escape

# A long list of results scrolls to every row, with ▲/▼.
keys /
type_text "ていれい"
expect_screen "ja: forty found" "40 件見つかりました"
expect_screen "ja: ▼ says more lie below" "▼"
expect_no_screen "ja: no ▲ at the top" "▲"
i=0
while [ $i -lt 39 ]; do keys Down; i=$((i + 1)); done
expect_screen "ja: the oldest row is reached" "テイレイ会 第12回"
expect_screen "ja: ▲ says more lie above" "▲"
keys Enter
expect_screen "ja: Enter on the last row opens its month" "会議  令和6年1月"
expect_screen "ja: its meeting in the list" "テイレイ会 第12回"

# F8 in the list: to a date, by 和暦; a bad date refused in words.
keys F8
expect_screen "ja: F8 asks for a date" "日付へ"
expect_screen "ja: the forms are shown" "R8.12.3"
type_text "13/45"
keys Enter
expect_screen "ja: a bad date is refused in words" "「13/45」は日付として読めません"
keys C-u
type_text "令和8年6月20日"
keys Enter
expect_screen "ja: the list goes to the date's month" "会議  令和8年6月"
keys F3
expect_screen "ja: the cursor on the date's meeting" "防災訓練の相談"
keys Escape
wait_for "会議  令和8年6月" >/dev/null
keys Escape
expect_screen "ja: back home" "佐藤 花子 ("

# The calendar: F8, R-form; then the day grid: F8, ISO.
keys 4
expect_screen "ja: the booking calendar" "令和8年11月"
expect_screen "ja: the calendar's bar shows F8 日付へ" "F8 日付へ"
keys F8
type_text "R9.1.15"
keys Enter
expect_screen "ja: the calendar goes to the month" "令和9年1月"
expect_screen "ja: with the day highlighted" "令和9年1月15日(金)"
keys Enter
expect_screen "ja: Enter opens that day's grid" "令和9年1月15日"
keys F8
type_text "2026-12-03"
keys Enter
expect_screen "ja: the day grid goes to the date" "令和8年12月3日"
keys Escape
expect_screen "ja: the calendar follows the grid's day" "令和8年12月3日(木)"
keys F8
type_text "12/24"
keys Enter
expect_screen "ja: 12/3-style: this year" "令和8年12月24日(木)"

# English, 80×24: the words, the search and a date.
if open_signed_in "$DB" --lang en; then ok "en: signs in"; else not_ok "en: signs in" "no home"; fi
keys 1
expect_screen "en: the key bar shows / Search" "/ Search"
expect_screen "en: and F8 Go to date" "F8 Go to date"
keys /
expect_screen "en: the search's title" "Meeting: search every month"
type_text "ｶﾗｵｹ"
expect_screen "en: half-width typed finds full-width, counted" "2 records found, newest first."
expect_screen "en: dates with the year" "2026-06-12 Fri"
keys Down Enter
expect_screen "en: Enter opens the month" "March 2025"
keys F8
type_text "tomorrow"
keys Enter
expect_screen "en: a bad date is refused in words" "\"tomorrow\" is not a day kyodo can read."
expect_screen "en: naming the forms" "or 12/3 for this year"
keys C-u
type_text "2026-06-01"
keys Enter
expect_screen "en: to the date's month" "June 2026"

# 120×40: the search has room for its columns; nothing is cut.
resize 120 40
keys /
type_text "からおけ"
expect_screen "120x40: found" "2 records found"
expect_screen "120x40: the title whole" "カラオケ大会の打合せ"
keys Escape
resize 80 24
keys Escape
expect_screen "en: back home" "佐藤 花子 ("
