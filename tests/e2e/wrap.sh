#!/bin/sh
# Nothing is cut at the screen's edge (issue 16), at 80×24 in Japanese and
# English: a field's refusal under a form, a long message over the screen's
# bottom rows (a weekly booking's skipped dates), a weekly booking refused
# for its collisions (a date a line, never "。;"), the help's sentences
# wrapped in their column, and the sync screen's key fingerprint whole.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/w.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
add() {
	"$KYODO" add "$@" --db "$DB" >/dev/null 2>"$T/add.err" ||
		echo "# kyodo add $*: $(cat "$T/add.err")"
}
add room --name "和室" --capacity 20 --fee 500
# The Tuesdays from 2027-01-05 on are taken in 和室's morning (every date
# of the weekly booking below: none is free, so it is refused whole).
for d in 2027-01-05 2027-01-12 2027-01-19 2027-01-26 2027-02-02 2027-02-09 2027-02-16; do
	add booking --room "和室" --date "$d" --start 09:00 --end 12:00 --group "書道会"
done

# expect_whole NAME TEXT: TEXT is on the screen whole, however it wrapped:
# the screen read with its blanks and line breaks taken out.
expect_whole() {
	want=$(printf '%s' "$2" | tr -d ' \n')
	i=0
	while [ $i -lt $((WAIT_SECONDS * 20)) ]; do
		if screen | tr -d ' \n' | grep -qF -- "$want"; then
			ok "$1"
			return
		fi
		sleep 0.05
		i=$((i + 1))
	done
	not_ok "$1" "screen lacks the whole of '$2'"
	screen | sed 's/^/# | /'
}

# --- a form's refusal and its help, Japanese ---
if open_signed_in "$DB"; then ok "ja: signs in"; else not_ok "ja: signs in" "no home"; fi
keys 3
wait_for "施設利用" >/dev/null
keys F2
expect_screen "ja: a new facility use" "施設利用  新規"
keys Up C-u
type_text "2026-04-99"
# Leaving the field checks it; its trouble shows while it is the current one.
keys Down
wait_for "! 日付" >/dev/null
keys Up
expect_whole "ja: a wrong date's sentence, whole" \
    "日付: 「2026-04-99」は正しい日付ではありません（YYYY-MM-DD の形、例: 2026-04-01）。"
keys F1
expect_screen "ja: F1 in the form" "ヘルプ：キー操作"
expect_whole "ja: the text field's help, whole" \
    "文字の項目：入力（IME可）、Backspace で1文字削除、←→/Home/End で移動します。"
expect_whole "ja: the choice's help, whole" \
    "選択項目で、次・前の選択肢に切り替えます（スペースでも可）。"
keys Escape Escape
wait_for "(y/n)" >/dev/null
keys y
expect_screen "ja: back on the list" "絞り込み"
keys F1
wait_for "ヘルプ：キー操作" >/dev/null
keys PageDown	# the filter's help is the list's last, below the search and the date
expect_whole "ja: the list's filter help, whole" \
    "文字を入力すると、その文字を含む記録だけを表示します。Backspace で1文字削除、Esc で解除。"
keys Escape Escape

# --- a weekly booking over the New Year closing: the message wraps ---
KYODO_TODAY=2026-12-27
if open_signed_in "$DB"; then ok "ja: signs in on 12-27"; else not_ok "ja: signs in on 12-27" "no home"; fi
keys 4
wait_for "令和8年12月" >/dev/null
keys Enter
wait_for "令和8年12月27日" >/dev/null
keys n
expect_screen "ja: a new booking" "新規"
type_text "年越しの会"
keys Down Down Down Down Down Down Down Down Right Down Down
type_text "3"
keys F2
expect_whole "ja: the skipped date's reason, whole" \
    "2 日分を予約しました。 休館日のため 1 日分を飛ばしました：2027-01-03 毎年 12/29〜1/3 は休館"

# --- a weekly booking refused for its collisions ---
KYODO_TODAY=2027-01-05
if open_signed_in "$DB"; then ok "ja: signs in on 01-05"; else not_ok "ja: signs in on 01-05" "no home"; fi
keys 4
wait_for "令和9年1月" >/dev/null
keys Enter
wait_for "令和9年1月5日" >/dev/null
keys n
expect_screen "ja: a new booking on 01-05" "新規"
type_text "重なる会"
keys Down Down Down Down Down Down Down Down Right Down Down
type_text "7"
keys F2
expect_whole "ja: the refusal's first sentence, whole" "何も予約していません。受け付けられなかった日:"
expect_screen "ja: a refused date a line" "2027-01-12: "
expect_whole "ja: the collision named whole" "は 2027-01-12 09:00–12:00 に 書道会"
expect_screen "ja: the dates that did not fit are counted" "(+"
expect_no_screen "ja: no sentences run together" "。;"
keys Escape
wait_for "(y/n)" >/dev/null
keys y

# --- English: the same refusal, help and message ---
KYODO_TODAY=2026-12-27
if open_signed_in "$DB" --lang en; then ok "en: signs in"; else not_ok "en: signs in" "no home"; fi
keys 3
wait_for "Facility use" >/dev/null
keys F2
expect_screen "en: a new facility use" "Facility use  New"
keys Up C-u
type_text "2026-04-99"
keys Down
wait_for "! Date" >/dev/null
keys Up
expect_whole "en: a wrong date's sentence, whole" \
    'Date: "2026-04-99" is not a valid date (expected YYYY-MM-DD, e.g. 2026-04-01).'
keys F1
expect_screen "en: F1 in the form" "Help: keys"
expect_whole "en: the text field's help, whole" \
    "In a text field: type (an IME works), Backspace removes a character, Left/Right/Home/End move."
keys Escape Escape
wait_for "(y/n)" >/dev/null
keys y Escape
wait_for "Bookings" >/dev/null
keys 4
wait_for "December 2026" >/dev/null
keys Enter
wait_for "2026-12-27 (Reiwa 8)" >/dev/null
keys Right
keys n
expect_screen "en: a new booking" "Booking  New"
type_text "Year-end party"
keys Down Down Down Down Down Down Down Down Right Down Down
type_text "3"
keys F2
expect_whole "en: the skipped date's reason, whole" \
    "Booked 2 dates. Skipped 1 closed date: 2027-01-03 closed every year 12/29–1/3"
keys Escape Escape

# --- the sync screen: the key fingerprint whole, on one row ---
k() { "$KYODO" "$@"; }
CITY=$T/city.db
SDB=$T/s.db
k init --db "$CITY" --city --name "一関市" >/dev/null 2>&1
k key --db "$CITY" --out "$T/city.key" >/dev/null 2>&1
k init --db "$SDB" --center jonan --name "城南市民センター" --city-key "$T/city.key" >/dev/null 2>&1
printf '1234\n' | k staff add --db "$SDB" --name "佐藤 花子" --role center --pin-stdin >/dev/null 2>&1
mkdir -p "$T/media/stick1"
KYODO_ENV="KYODO_STICK_ROOTS=$T/media"
FP=$(k key --db "$SDB" | sed 's/.* //')
KYODO_TODAY=2026-11-28
for lang in en ja; do
	if open_signed_in "$SDB" --lang "$lang"; then ok "$lang: signs in for sync"; else
		not_ok "$lang: signs in for sync" "no home"; fi
	keys 9
	expect_screen "$lang: the sync screen shows the fingerprint whole on one row" "$FP"
	expect_screen "$lang: the sticks are listed below the head" "$T/media/stick1"
	resize 40 12
	expect_screen "$lang: at 40 columns the fingerprint is still whole" "$FP"
	resize 80 24
	[ "$lang" = en ] && continue
	# An export: the last export's file name, whole, on the head's rows.
	keys Enter
	wait_for "stick1" >/dev/null
	keys F2
	wait_for "100%" >/dev/null
	UP=$(ls "$T/media/stick1"/kyodo-jonan-to-city-*.kyodo 2>/dev/null | head -n 1)
	keys Escape
	sleep 0.3
	if screen | sed -n '2,8p' | grep -qF -- "$(basename "$UP")"; then
		ok "$lang: the last export's file name whole in the head"
	else
		not_ok "$lang: the last export's file name whole in the head" "$(basename "$UP")"
		screen | sed 's/^/# | /'
	fi
done
