#!/bin/sh
# The kiosk end to end: rooms.  The list (name, capacity, kind, fee per
# slot, in use), adding a room through the generic form (it then appears in
# the booking form's room pick-list), editing, a duplicate name refused with
# the core's sentence, deleting after asking, filtering by typing, and a
# secretariat staff member, whom the core does not let change rooms, told
# so.  Runs in English.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/r.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
"$KYODO" add room --db "$DB" --name "和室" --capacity 20 --kind "和室" --fee 500 >/dev/null
"$KYODO" add room --db "$DB" --name "物置" >/dev/null
# Sorted after 佐藤 花子 and 管理者: the third name on the sign-in list.
printf '5555\n' | "$KYODO" staff add --db "$DB" --name "鈴木 一郎" --role secretariat \
    --pin-stdin >/dev/null 2>&1

rooms() {	# the rooms as CSV
	"$KYODO" list room --db "$DB" --format csv 2>/dev/null | tr -d '\r'
}

if open_signed_in "$DB" --lang en; then ok "signs in"; else not_ok "signs in" "no home"; fi
keys 0
expect_screen "0 opens the rooms" "Rooms  2 rooms"
expect_screen "the columns" "Capacity Room kind  Fee per slot In use"
expect_screen "a room with its fee" "¥500"

# --- add ---
keys F2
expect_screen "F2: a new room" "Room  New"
# The cursor starts on the name (a room has no date).
type_text "陶芸室"; keys Tab
type_text "１２"; keys Tab
type_text "工芸"; keys Tab
type_text "700"
keys F2
expect_screen "saved" "Saved: Room 陶芸室"
expect_screen "listed" "Rooms  3 rooms"
expect_screen "with its fee" "¥700"
rooms >"$T/out"
expect_out "stored" "陶芸室,12,工芸,700,yes"

# --- edit: the cursor is on the room just saved ---
keys Enter
expect_screen "Enter edits the room" "Room  Edit"
keys Down
keys C-u
type_text "15"
keys F2
expect_screen "back in the list" "Rooms  3 rooms"
rooms >"$T/out"
expect_out "the edit is stored" "陶芸室,15,工芸,700,yes"

# --- a name already taken ---
keys F2
wait_for "Room  New" >/dev/null
type_text "和室"
keys F2
expect_screen "a duplicate name is refused with the core's sentence" \
    "Room name: there is already a room named 和室."
keys Escape
wait_for "(y/n)" >/dev/null
keys y
expect_screen "back in the list" "Rooms  3 rooms"

# --- filter, then delete ---
type_text "物"
expect_screen "typing filters" "Filter: 物"
expect_screen "the filter leaves one" "Rooms  1 room"
keys F4
expect_screen "F4 asks" "Delete \"物置\"? (y/n)"
keys y
expect_screen "deleted" "Deleted: 物置"
keys Escape
expect_screen "Esc clears the filter" "Rooms  2 rooms"
rooms >"$T/out"
expect_no_out "the deleted room is not listed" "物置"

# --- the new room is in the booking form's pick-list ---
keys Escape
expect_screen "home" "This month"
keys 4
expect_screen "the calendar" "Bookings  November 2026"
keys Enter
expect_screen "the day grid lists the new room" "陶芸室"
keys n
expect_screen "a new booking" "Booking  New"
keys Up Up Up Up
expect_screen "on the room" "Left/Right: pick from the list, or type a name."
if screen | grep -q "陶芸室"; then
	not_ok "the form starts on the first room" "$(screen | head -4)"
else
	ok "the form starts on the first room"
fi
keys Right
expect_screen "Right picks the next room: the one just added" "陶芸室"
keys Escape
wait_for "(y/n)" >/dev/null
keys y

# --- a secretariat staff member may look, not change ---
start_kyodo -- --db "$DB" --lang en
wait_for "鈴木 一郎" >/dev/null
sign_in 2 5555
expect_screen "signed in as secretariat" "鈴木 一郎 (Secretariat staff)"
keys 0
expect_screen "told beforehand" "鈴木 一郎 cannot change a Room (role: Secretariat staff)."
keys F2
wait_for "Room  New" >/dev/null
type_text "会議室B"
keys F2
expect_screen "saving is refused with the core's sentence" \
    "鈴木 一郎 cannot change a Room (role: Secretariat staff)."
rooms >"$T/out"
expect_no_out "nothing written" "会議室B"
