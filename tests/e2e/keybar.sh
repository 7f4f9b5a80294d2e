#!/bin/sh
# The key bar shows every key a screen takes, each as "key label" whole:
# on two rows (or more) when one is not enough, never a label cut or a key
# left out.  F7 (today), Enter, Tab and Ctrl-U among them.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/k.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
"$KYODO" add room --db "$DB" --name "和室" --capacity 20 >/dev/null
"$KYODO" add booking --db "$DB" --room "和室" --date 2026-11-28 --start 10:00 --end 12:00 \
    --group "太極拳の会" >/dev/null

# bar_rows N: the screen's last N rows.
bar_rows() {
	screen | tail -n "$1"
}

open_signed_in "$DB" || not_ok "signs in" "no home"
expect_screen "home: Enter opens, on the bar" "Enter 開く"
expect_screen "home: key and label apart" "F1 ヘルプ"

keys 1
expect_screen "meetings: F7 today is on the bar" "F7 今日"
if bar_rows 2 | grep -q "F2 新規" && bar_rows 2 | grep -q "Esc 戻る" &&
    bar_rows 2 | grep -q "F10 終了"; then
	ok "meetings: every key on two rows at 80 columns"
else
	not_ok "meetings: every key on two rows at 80 columns" "$(bar_rows 2)"
fi
keys F2
expect_screen "a form: Ctrl-U on the bar" "Ctrl-U 消去"
keys Tab Tab Tab Tab
type_text "消える件名"
expect_screen "typed in the title" "消える件名"
keys C-u
wait_gone "消える件名" >/dev/null
expect_no_screen "Ctrl-U clears what was typed" "消える件名"
keys Escape
wait_for "変更を破棄" >/dev/null && keys y
keys Escape
wait_for "メニュー" >/dev/null

keys 4
wait_for "予約  令和8年11月" >/dev/null
expect_screen "calendar: F7 today" "F7 今日"
keys Enter
expect_screen "day grid: Tab for the next booking in a slot" "Tab 次予約"
expect_screen "day grid: Enter opens a booking" "Enter 開く"
keys Escape Escape
wait_for "メニュー" >/dev/null

keys 9
expect_screen "sync: Ctrl-U clears the folder typed" "Ctrl-U 消去"
type_text "/tmp/どこか"
expect_screen "a folder typed" "/tmp/どこか"
keys C-u
wait_gone "/tmp/どこか" >/dev/null
expect_no_screen "Ctrl-U cleared it" "/tmp/どこか"
keys Escape
wait_for "メニュー" >/dev/null

# English: the key and its label apart, never run together.
start_kyodo -- --db "$DB" --lang en
wait_for "佐藤 花子" >/dev/null
sign_in 0 1234
wait_for "Menu" >/dev/null
keys 1
expect_screen "en: F1 Help apart" "F1 Help"
expect_screen "en: F7 Today" "F7 Today"
expect_no_screen "en: no key run into its label" "F1Help"

# A wide window takes the bar on fewer rows; a small one on as many as it needs,
# every label whole.
start_kyodo 120 40 -- --db "$DB"
wait_for "佐藤 花子" >/dev/null
sign_in 0 1234
wait_for "メニュー" >/dev/null
keys 1
wait_for "F7 今日" >/dev/null
if bar_rows 2 | grep -q "F1 ヘルプ" && bar_rows 2 | grep -q "Esc 戻る" &&
    ! bar_rows 3 | head -n 1 | grep -q "F1 ヘルプ"; then
	ok "120x40: the list's bar on two rows at the most"
else
	not_ok "120x40: the list's bar on two rows at the most" "$(bar_rows 3)"
fi
resize 40 12
wait_for "F10 終了" >/dev/null
for k in "F1 ヘルプ" "F2 新規" "F7 今日" "F8 日付へ" "/ 検索" "F11 複写" "F10 終了" "Esc 戻る"; do
	if bar_rows 5 | grep -qF "$k"; then ok "40x12: '$k' whole on the bar"
	else not_ok "40x12: '$k' whole on the bar" "$(bar_rows 5)"; fi
done
