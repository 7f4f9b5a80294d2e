#!/bin/sh
# The kiosk and its terminal: refuses a bad store before curses starts,
# survives resizing down to 1x1, shows English with --lang en, ignores
# Ctrl-C/Ctrl-Z/Ctrl-\ in kiosk mode, falls back to English and ASCII
# where Japanese cannot be shown, and gives the terminal back on F10.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/t.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }

run "$KYODO" --db "$T/missing.db"
expect_rc "a missing store: exit 1" 1
expect_err "a missing store: a sentence on stderr" "kyodo: "
cp "$DB" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 999" 2>/dev/null
run "$KYODO" --db "$T/newer.db" --lang en
expect_rc "a newer store: exit 1" 1
expect_err "a newer store: says so" "newer"

# Resize down to 20x5 and 1x1, and back.
open_signed_in "$DB" >/dev/null
resize 20 5
expect_screen "20x5: too small, said in few columns" "端末が小さすぎます"
resize 1 1
sleep 0.3
if alive; then ok "survives 1x1"; else not_ok "survives 1x1" "the program ended"; fi
resize 80 24
expect_screen "80x24 again: home redrawn" "今月（令和8年11月）の件数"
expect_screen "with the key bar" "F10 終了"
resize 120 40
expect_screen "120x40: home redrawn" "今月（令和8年11月）の件数"
keys 1
expect_screen "120x40: list" "会議  令和8年11月"
resize 80 24
expect_screen "list redrawn at 80x24" "会議  令和8年11月"

# Kiosk mode: Ctrl-C, Ctrl-Z and Ctrl-\ do nothing.
keys C-c
keys C-z
keys 'C-\'
sleep 0.3
if alive; then ok "Ctrl-C, Ctrl-Z, Ctrl-\\ do not end the kiosk"; else not_ok "Ctrl-C, Ctrl-Z, Ctrl-\\ do not end the kiosk" "ended"; fi
keys Escape
expect_screen "still responsive after them" "今月（令和8年11月）の件数"

# Help on home: the guides, then the keys from the action table.
keys F1
expect_screen "F1 opens help" "ヘルプ：やり方"
keys End
expect_screen "help lists the menu keys, digits and letters" "数字か文字のキーで"
keys Escape
expect_screen "Esc leaves help" "今月（令和8年11月）の件数"

# F10 quits and the shell gets its terminal back.
start_shell 80 24 "$(kyodo_cmd --db "$DB"); echo EXITED:\$?; sleep 30"
wait_for "佐藤 花子" >/dev/null
sign_in 0 1234
wait_for "佐藤 花子 (" >/dev/null
# Quit from deep in the stack (list, form, help), so every screen is freed
# on the way out (the ASan build fails the exit status on a leak).
keys 1
wait_for "会議  令和8年11月" >/dev/null
keys F2
wait_for "会議  新規" >/dev/null
type_text "書きかけ"
keys F1
wait_for "ヘルプ：キー操作" >/dev/null
keys Escape
wait_for "会議  新規" >/dev/null
keys F10
expect_screen "F10 asks" "kyodo を終了しますか"
keys n
sleep 0.2
if alive && ! screen | grep -q EXITED; then ok "n keeps it running"; else not_ok "n keeps it running" "ended"; fi
keys F10
wait_for "終了しますか" >/dev/null
keys y
expect_screen "y quits with status 0 and the shell runs on" "EXITED:0"

# Outside kiosk mode Ctrl-C quits (cleanly).
start_shell 80 24 "$(kyodo_cmd --db "$DB" --no-kiosk); echo EXITED:\$?; sleep 30"
wait_for "佐藤 花子" >/dev/null
keys C-c
expect_screen "--no-kiosk: Ctrl-C quits cleanly" "EXITED:0"

# English.
start_kyodo -- --db "$DB" --lang en
expect_screen "--lang en: sign-in in English" "Sign in"
expect_screen "--lang en: date in English with the era" "2026-11-28 (Reiwa 8) Sat"

# No colour: still usable.
KYODO_ENV="NO_COLOR=1" open_signed_in "$DB" --lang en >/dev/null
expect_screen "NO_COLOR: home" "This month"
if $TMUX_CMD capture-pane -p -e | grep -q "$(printf '\033')\[[0-9;]*3[0-7]m"; then
	not_ok "NO_COLOR: no colours sent" "colour codes on screen"
else
	ok "NO_COLOR: no colours sent"
fi

# The Linux console cannot show Japanese: English and ASCII lines, said once.
KYODO_ENV="TERM=linux" start_kyodo -- --db "$DB"
expect_screen "Linux console: a notice" "cannot show Japanese"
expect_screen "Linux console: English" "Sign in"
sign_in 0 1234
expect_screen "Linux console: ASCII lines" "  |"
expect_no_screen "Linux console: no box drawing" "│"

# The ascii_lines setting.
sqlite3 "$DB" "INSERT OR REPLACE INTO setting (key, value) VALUES ('ascii_lines', '1')"
open_signed_in "$DB" >/dev/null
expect_screen "ascii_lines=1: ASCII lines" "  |"
expect_no_screen "ascii_lines=1: no box drawing" "│"

# Settings: switch to English and back to Unicode lines.
keys F8
expect_screen "F8 opens settings" "自動ロック（無操作の分数）"
keys Right
expect_screen "language cycles" "< English >"
keys Tab Right
keys F2
expect_screen "saved, and the kiosk speaks English" "Settings saved."
expect_screen "home in English" "This month"
expect_screen "box lines again" "│"
run sqlite3 "$DB" "SELECT value FROM setting WHERE key = 'language'"
expect_out "the language setting is stored" "en"

# A frame reaches the terminal in one piece.  ncurses 6.4 flushes after
# every cursor movement until the first endwin(), which sent a frame in
# some thirty writes; kyodo leaves that mode at start (src/tui/term.c).
# Counted with strace: the writes to the terminal after each key read.
if command -v strace >/dev/null 2>&1 && [ "$KYODO" = "${KYODO%% *}" ]; then
	start_shell 80 24 "strace -o $T/io -e trace=read,write $(kyodo_cmd --db "$DB" --lang ja); sleep 30"
	wait_for "佐藤 花子" >/dev/null
	sign_in 0 1234
	wait_for "佐藤 花子 (" >/dev/null
	keys 1
	wait_for "会議  令和8年11月" >/dev/null
	keys Right
	wait_for "会議  令和8年12月" >/dev/null
	keys Left
	wait_for "会議  令和8年11月" >/dev/null
	keys Escape
	expect_screen "strace: back on home" "今月（令和8年11月）の件数"
	keys F10
	wait_for "終了しますか" >/dev/null
	keys y
	sleep 0.5
	# The most writes between two reads of the keyboard, before the last
	# key (whose answer also gives the terminal back).
	# (The terminal's answer to the width question at start is no key.)
	most=$(awk '/^read\(0, "\\33\[[0-9;]*R"/ { next }
	    /^read\(0,/ { if (n > most) most = n; n = 0; keyed = 1; next }
	    /^write\(1,/ && keyed { n++ } END { print most + 0 }' "$T/io")
	frames=$(grep -c '^write(1,' "$T/io")
	if [ "$frames" -ge 6 ] && [ "$most" -le 2 ]; then
		ok "a frame is one write to the terminal (at most $most after a key)"
	else
		not_ok "a frame is one write to the terminal" "$most writes after one key, $frames in all"
	fi
else
	ok "# SKIP a frame is one write: no strace, or kyodo runs under a wrapper"
fi
