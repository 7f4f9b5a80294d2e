#!/bin/sh
# Screenshot tests: the home screen of a store made here, at 80x24 with the
# date fixed, compared line for line with tests/e2e/expected/ (trailing
# spaces stripped), in English and in Japanese.  To accept a deliberate
# change: UPDATE=1 sh tests/e2e/screen.sh, then review the diff.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

EXPECTED=$(dirname "$0")/expected
DB=$T/h.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
add() {
	"$KYODO" add "$@" --db "$DB" >/dev/null 2>"$T/add.err" ||
		echo "# kyodo add $*: $(cat "$T/add.err")"
}
add room --name "大会議室"
add room --name "和室"
add meeting --date 2026-11-28 --start 10:00 --end 12:00 --kind round-table \
    --title "第5回円卓会議" --room "大会議室" --attendees 25
add meeting --date 2026-11-05 --kind board --title "役員会"
add event --date 2026-11-28 --start 13:00 --title "秋の文化祭" --field culture
add event --date 2026-11-15 --title "防災訓練" --field safety
add use --date 2026-11-28 --start 09:00 --end 12:00 --room "和室" --group "ヨガ教室" \
    --category group --people 12
add use --date 2026-11-28 --start 18:00 --room "大会議室" --group "郷土史研究会" \
    --category group
add use --date 2026-11-02 --room "和室" --category individual

compare() {	# NAME FILE
	screen | sed 's/ *$//' >"$T/got"
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$T/got" "$2"
	fi
	if diff -u "$2" "$T/got" >"$T/diff"; then
		ok "$1"
	else
		not_ok "$1" "differs from $2"
		sed 's/^/# /' "$T/diff"
	fi
}

open_signed_in "$DB" --lang en >/dev/null
wait_for "This month" >/dev/null
compare "home at 80x24 in English" "$EXPECTED/home-80x24.txt"

open_signed_in "$DB" --lang ja >/dev/null
wait_for "今月" >/dev/null
compare "home at 80x24 in Japanese" "$EXPECTED/home-80x24.ja.txt"

keys 1
wait_for "会議  令和8年11月" >/dev/null
compare "meetings at 80x24 in Japanese" "$EXPECTED/meetings-80x24.ja.txt"
