#!/bin/sh
# A full disk while a staff member saves: the kiosk says so in one sentence,
# keeps what was typed, and saves it once there is room again.  Also: a
# command writing to the store while the kiosk is open waits its turn.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/f.db
FLAG=$T/disk-full
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
KYODO_ENV="KYODO_FAULT_FULL=$FLAG"
if open_signed_in "$DB" --lang en; then ok "signed in"; else not_ok "signed in" "no home"; fi
keys 1
expect_screen "the meetings list" "Meeting  November 2026"
keys F2
expect_screen "a new meeting" "New"
type_text "14:00"; keys Tab Tab Tab
type_text "満杯でも消えない会議"
touch "$FLAG"
keys F2
expect_screen "a full disk is said in one sentence" "the disk is full"
expect_screen "what was typed is still in the form" "満杯でも消えない会議"
run "$KYODO" list meeting --db "$DB" --lang en
expect_no_out "nothing was stored" "満杯でも消えない会議"
rm -f "$FLAG"
keys F2
expect_screen "saving again once there is room" "Saved"
run "$KYODO" list meeting --db "$DB" --lang en
expect_out "the meeting is stored" "満杯でも消えない会議"

# The command line adds while the kiosk is open on the same store.
run "$KYODO" add meeting --db "$DB" --date 2026-11-28 --kind board --title "同時に追加" --lang en
expect_rc "a command writes while the kiosk is open" 0
keys F7
expect_screen "the kiosk shows it when the list is read again" "同時に追加"
