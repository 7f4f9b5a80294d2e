#!/bin/sh
# Terminals that draw East Asian Ambiguous characters (…, ←, ●, │, ▲, ①)
# two columns wide.  kyodo asks the terminal at start; tmux draws them
# narrow, so the lines stay Unicode.  With the setting forcing the wide
# rule (ascii_lines=1, what the question answers on such a terminal), no
# screen sends a single ambiguous character: every screen is walked on a
# demo store and each frame is checked against Unicode's list (perl's
# \p{East_Asian_Width=Ambiguous}).
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/demo.db
"$KYODO" demo --db "$DB" >/dev/null 2>&1 || { not_ok "demo store" "kyodo demo failed"; exit 1; }
"$KYODO" add meeting --db "$DB" --date 2026-11-28 --kind board --title "①○○町内会 ※注意…" \
    >/dev/null 2>&1

ambiguous() {	# prints the ambiguous characters on the screen, one a line
	screen | perl -CS -ne 'while (/(\p{Ea=A})/g) { printf "U+%04X %s\n", ord $1, $1 }'
}

# Asked at start, tmux says narrow: box lines are drawn.
start_kyodo -- --db "$DB"
wait_for "管理者" >/dev/null
sign_in 1 9999
wait_for "管理者 (" >/dev/null
expect_screen "auto: a narrow terminal keeps the box lines" "│"

# The wide rule, as the setting forces it (or the question finds it).
"$KYODO" setting --db "$DB" ascii_lines 1 >/dev/null
start_kyodo -- --db "$DB"
wait_for "管理者" >/dev/null
clean() {	# NAME: the screen holds no ambiguous character
	found=$(ambiguous | sort -u | tr '\n' ' ')
	if [ -z "$found" ]; then ok "$1: no ambiguous-width character"
	else not_ok "$1: no ambiguous-width character" "found $found"; fi
}
clean "sign-in"
sign_in 1 9999
wait_for "管理者 (" >/dev/null
clean "home"
keys F1; wait_for "F1" >/dev/null; sleep 0.2; clean "help"; keys Escape
for entry in 1 2 3 4 5 6 7 8 9 0 o a m; do
	wait_for "管理者 (" >/dev/null
	keys "$entry"
	sleep 0.4
	clean "menu entry $entry"
	keys F1; sleep 0.3; clean "menu entry $entry, its help"; keys Escape
	sleep 0.2
	keys Escape; sleep 0.2
	# Leave any filter or sub-view to home.
	keys Escape; sleep 0.1
done
# The day grid and a meeting's form with the data's own ①, ○, ※ and ….
keys 4; sleep 0.3; keys Enter; sleep 0.4; clean "the day grid"
keys Escape Escape; sleep 0.2
keys 1; sleep 0.3
expect_screen "the meeting with ① ○ ※ … is listed (stand-ins)" "1oo町内会"
clean "meetings with ambiguous characters in the data"
keys F2; sleep 0.3; clean "a new meeting's form"
keys F8; sleep 0.2
keys Escape; sleep 0.2; keys y 2>/dev/null; sleep 0.2
