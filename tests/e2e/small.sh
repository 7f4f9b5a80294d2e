#!/bin/sh
# A small terminal (40×12): the home menu scrolls to keep the highlight in
# view and marks the entries above and below, so every entry can be
# reached and opened with the arrows alone.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/s.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
start_kyodo 40 12 -- --db "$DB"
wait_for "佐藤 花子" >/dev/null
sign_in 0 1234
wait_for "佐藤 花子 (" >/dev/null
expect_screen "the menu starts at the top" "1 会議"
expect_screen "a mark says more lie below" "▼"
expect_no_screen "nothing above yet" "▲"
keys Down Down Down Down Down Down Down Down Down Down Down Down Down	# past w, o and g
expect_screen "the highlight's entry scrolled into view" "s 設定"
expect_screen "a mark says entries lie above" "▲"
expect_no_screen "the first entries scrolled out" "1 会議"
keys Enter
expect_screen "Enter opens the entry reached" "自動ロック"
keys Escape
wait_for "メニュー" >/dev/null
keys Up Up Up Up Up Up Up Up Up Up Up Up Up
expect_screen "back at the top" "1 会議"

# The lockout's sentence wraps whole at 40 columns (it was cut mid-word).
cp "$DB" "$T/lock.db"
start_kyodo 40 12 -- --db "$T/lock.db"
wait_for "佐藤 花子" >/dev/null
for pin in 0000 0001 0002 0003 0004; do
	type_text "$pin"
	keys Enter
	sleep 0.5
done
expect_screen "the lockout says how long, whole" "ください"
if screen | tr -d ' \n' | grep -q "秒お待ちください"; then ok "the wait sentence is whole across its rows"
else not_ok "the wait sentence is whole across its rows" "$(screen)"; fi

# Below the smallest size (40×10): the window says so and what it takes; a
# key cannot act on the hidden screen; F10 still quits, after asking.
start_kyodo 20 6 -- --db "$DB"
expect_screen "too small says so" "端末が小さすぎます"
expect_screen "and the least size" "40x10+"
expect_screen "and the one key it takes" "F10: 終了"
sleep 0.2
type_text "1234"; keys Enter
sleep 0.5
resize 80 24
expect_screen "grown again: still the sign-in, nobody signed in by hidden keys" "暗証番号:"
expect_no_screen "no home behind it" "メニュー"
resize 20 6
expect_screen "small again" "端末が小さすぎます"
keys F10
expect_screen "F10 asks" "終了しますか"
keys y
sleep 0.5
if alive; then not_ok "y closes kyodo" "still running"; else ok "y closes kyodo"; fi

# Home's day lists: a line longer than the panel ends in "…", never cut
# without a mark.
"$KYODO" add room --db "$DB" --name "和室" >/dev/null 2>&1
"$KYODO" add use --db "$DB" --date 2026-11-28 --start 09:00 --end 12:00 --room "和室" \
	--group "一関市立真柴小学校ＰＴＡ 読み聞かせボランティア「おはなしの森」" --category group \
	--people 5 >/dev/null 2>&1
start_kyodo 80 24 -- --db "$DB"
wait_for "佐藤 花子" >/dev/null
sign_in 0 1234
wait_for "佐藤 花子 (" >/dev/null
expect_screen_re "a long line on home ends in …" "09:00  一関市立真柴小学校.*…"
