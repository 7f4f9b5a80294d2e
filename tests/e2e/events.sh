#!/bin/sh
# The kiosk end to end, in English (--lang en): an event with a Japanese
# name, a choice cycled with Right, yen typed with ¥ and commas; edited,
# then deleted to a tombstone.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/e.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }

if open_signed_in "$DB" --lang en; then ok "signs in (English)"; else not_ok "signs in (English)" "no home"; fi
expect_screen "English home menu" "2 Events"

keys 2
expect_screen "2 opens the events of the month" "Event  November 2026 (Reiwa 8)"
expect_screen "an empty month says how to add" "No records in this month. F2 adds one."
keys F2
expect_screen "F2 opens a new event" "Event  New"
type_text "13:00"; keys Tab
type_text "16:00"; keys Tab
type_text "秋の文化祭"; keys Tab
keys Right Right Right		# Safety → Welfare → Environment → Culture
expect_screen "Right cycles the choice" "< Culture >"
keys Tab
type_text "文化部"; keys Tab
type_text "120"; keys Tab
type_text "8"; keys Tab
type_text "¥12,000"
keys F2
expect_screen "saved" "Saved: "
expect_screen "the event is listed with its field" "Culture"
# At 80 columns the cost column is left out for the name; wider, it shows.
resize 120 40
expect_screen "yen shown with separators when wide enough" "¥12,000"
resize 80 24
expect_screen "back at 80x24" "Culture"
run "$KYODO" list event --db "$DB" --lang en --format csv
expect_out "stored: name" "秋の文化祭"
expect_out "stored: cost in whole yen" "12000"

keys F3
expect_screen "F3 edits" "Event  Edit"
keys Down Down Down Down Down Down	# to participants
keys C-u
type_text "150"
keys F2
expect_screen "the edit shows" "150"
# "150" shows in the form as typed: the list is read once the form closed.
wait_gone "Event  Edit" >/dev/null
run "$KYODO" list event --db "$DB" --lang en --format csv
expect_out "the edit is stored" "150"

keys F4
expect_screen "delete asks, naming the date" "Delete \"秋の文化祭\" (1"
keys y
expect_screen "deleted" "Deleted: "
expect_screen "the list is empty again" "No records in this month."
run "$KYODO" list event --db "$DB" --lang en --deleted
if grep -q "秋の文化祭.*\[deleted\]" "$T/out"; then ok "a tombstone remains"; else not_ok "a tombstone remains" "$(cat "$T/out")"; fi

# The organizer (主催) completes as one types: from the register of user
# groups (by reading) and from organizers of earlier events.
"$KYODO" add group --db "$DB" --name "山びこ会" --reading "やまびこかい" --category registered \
	>/dev/null 2>&1 || not_ok "a group for the test" "kyodo add group failed"
"$KYODO" add event --db "$DB" --date 2026-11-02 --field culture --title "文化講座" \
	--organizer "郷土芸能保存会" >/dev/null 2>&1 || not_ok "an event for the test" "add failed"
keys F2
expect_screen "another new event" "Event  New"
keys Tab Tab Tab Tab
type_text "ヤマ"
expect_screen "the register's group by its reading, in katakana too" "山びこ会"
keys Down Enter
expect_no_screen "the list closes" "やまびこかい"
keys C-u
type_text "郷土"
expect_screen "an earlier event's organizer" "郷土芸能保存会"
keys Escape
keys Escape
wait_for "Discard" >/dev/null && keys y
