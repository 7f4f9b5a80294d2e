#!/bin/sh
# A long day at the terminal: 500 random window sizes from 1×1 to 250×80
# while a list and a form are open, then a normal keystroke session; bytes
# that are not UTF-8, 10 KB pasted into a field, and keys held down at the
# repeat rate.  The program must live through all of it and show the right
# screen at the end.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/s.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
i=1
while [ $i -le 30 ]; do
	"$KYODO" add meeting --db "$DB" --date "2026-11-$(printf %02d $(( (i % 28) + 1 )))" \
	    --kind board --title "嵐の会議 $i" >/dev/null
	i=$((i + 1))
done

if open_signed_in "$DB" --lang en; then ok "signed in"; else not_ok "signed in" "no home"; fi
keys 1
expect_screen "the meetings list" "Meeting  November 2026"

# 500 sizes, drawn from a fixed seed so a failure can be replayed.
awk 'BEGIN { srand(20261128); for (i = 0; i < 500; i++)
	printf "%d %d\n", 1 + int(rand() * 250), 1 + int(rand() * 80) }' >"$T/sizes"
n=0
while read -r w h; do
	resize "$w" "$h"
	n=$((n + 1))
	# Halfway, open the form so both screens meet the storm (at a size
	# that takes keys: a window too small takes none but F10).
	if [ "$n" -eq 250 ]; then
		resize 80 24
		wait_for "Meeting  November 2026" >/dev/null 2>&1	# the size taken in
		keys F2
		wait_for "New" >/dev/null 2>&1
	fi
done <"$T/sizes"
if alive; then ok "alive after $n resizes"; else not_ok "alive after $n resizes" "the program ended"; fi
resize 80 24
# A key sent before kyodo has taken the new size in would meet a window
# too small, which takes no key: wait for the frame first.
wait_for "Meeting  " >/dev/null 2>&1
keys Escape
wait_for "Meeting  November 2026" >/dev/null 2>&1
# Esc may ask before dropping the form; answer so the list is on top.
if screen | grep -q "(y/n)"; then keys y; fi
expect_screen "back at 80×24 the list is drawn whole" "Meeting  November 2026"
expect_screen "with its rows" "嵐の会議"
echo "# storm: $n resizes"

# A normal session after the storm: add a meeting.
keys F2
expect_screen "the form opens" "New"
type_text "10:00"; keys Tab Tab Tab
type_text "嵐のあとの会議"
keys F2
expect_screen "it saves" "Saved"
run "$KYODO" list meeting --db "$DB" --lang en
expect_out "the meeting after the storm is stored" "嵐のあとの会議"

# Bytes that are not UTF-8, typed into a field.
keys F2
expect_screen "another form" "New"
keys Tab Tab Tab
$TMUX_CMD send-keys -H ff fe c3 28 e3 81 80
type_text "後"
if alive; then ok "alive after invalid UTF-8 input"; else not_ok "alive after invalid UTF-8 input" "ended"; fi
# 10 KB pasted into the title (100 characters at most).
head -c 10240 /dev/zero | tr '\0' 'x' >"$T/paste"
type_text "$(cat "$T/paste")"
if alive; then ok "alive after 10 KB pasted"; else not_ok "alive after 10 KB pasted" "ended"; fi
keys F2
# The title is cut at its limit or refused with a sentence; either way the
# program answers and stores nothing broken.
wait_for "Meeting  November 2026" >/dev/null 2>&1 || wait_for "characters" >/dev/null 2>&1
if alive; then ok "answers after the paste"; else not_ok "answers after the paste" "ended"; fi
if "$KYODO" check --db "$DB" >/dev/null 2>&1; then ok "the store is sound"; else not_ok "the store is sound" "check failed"; fi
bad=$(sqlite3 "$DB" "SELECT count(*) FROM meeting WHERE length(title) > 100")
if [ "$bad" -eq 0 ]; then ok "no title past its limit"; else not_ok "no title past its limit" "$bad"; fi
keys Escape
if screen | grep -q "(y/n)"; then keys y; fi
wait_for "Meeting  November 2026" >/dev/null 2>&1

# A key held down: 300 Down and 300 Up at once.
i=0
while [ $i -lt 30 ]; do
	keys Down Down Down Down Down Down Down Down Down Down
	i=$((i + 1))
done
i=0
while [ $i -lt 30 ]; do
	keys Up Up Up Up Up Up Up Up Up Up
	i=$((i + 1))
done
expect_screen "after keys held down the list is still there" "嵐の会議"
if alive; then ok "alive after keys held down"; else not_ok "alive after keys held down" "ended"; fi

# A terminal escape is refused as typed (no form lets anyone type one);
# SQL is stored as typed.  An escape already in a store (written before
# that rule) is shown harmlessly: as a visible symbol, the screen stays.
if "$KYODO" --lang en add meeting --db "$DB" --date 2026-11-27 --kind board \
    --title "$(printf "\033[2Jz")" >/dev/null 2>"$T/esc.err"; then
	not_ok "an escape in a title is refused" "taken"
elif grep -q "control character" "$T/esc.err"; then
	ok "an escape in a title is refused, saying why"
else
	not_ok "an escape in a title is refused, saying why" "$(cat "$T/esc.err")"
fi
"$KYODO" add meeting --db "$DB" --date 2026-11-27 --kind board \
    --title "z x'); DROP TABLE meeting; --" >/dev/null
sqlite3 "$DB" "UPDATE meeting SET title = char(27) || '[2J' || title WHERE title LIKE 'z x%'"
keys 1
wait_for "Meeting  November 2026" >/dev/null
type_text "DROP"
expect_screen "the SQL is shown as typed" "x'); DROP TABLE"
expect_screen "an escape already stored is shown as a symbol" "␛[2Jz"
expect_screen "and the screen was not cleared: the title bar is still there" "Meeting  November 2026"
stored=$(sqlite3 "$DB" "SELECT count(*) FROM meeting WHERE title LIKE '%DROP TABLE%'")
if [ "$stored" -eq 1 ]; then ok "the SQL stored as typed"; else not_ok "the SQL stored as typed" "$stored rows"; fi
