#!/bin/sh
# kyodo delete KIND ID / kyodo undelete KIND ID: a record named by its id, an
# id prefix or its title is tombstoned and brought back as its next version
# (audited, listed again, found by list --deleted until then); the kind's
# rules on save hold (a room used meanwhile), the wrong kind, a missing or
# live record and usage errors are refused with one sentence; and the
# record brought back travels to city hall in the monthly file as an edit.
. "$(dirname "$0")/../lib.sh"
set -u

DB=$T/s.db
k() { "$KYODO" --lang en "$@"; }
kyodo() { run "$KYODO" "$@" --db "$DB" --lang en; }
sql() { sqlite3 "$DB" "$1"; }

must "init" k init --db "$DB" --center higashi --name "東センター"
kyodo add meeting --date 2026-11-10 --start 10:00 --kind board --title "役員会議" --attendees 12
MEETING=$(cut -f1 "$T/out")

# --- delete ---
kyodo delete meeting "役員会議"
expect_rc "delete by title: exit 0" 0
expect_out "delete: prints the id first" "$MEETING	"
expect_out "delete: says what was deleted" "Deleted: Meeting 2026-11-10 10:00 役員会議"
check "delete: a tombstone, the next version" \
	test "$(sql "SELECT deleted || ',' || version FROM meeting WHERE uuid = '$MEETING'")" = "1,2"
kyodo list meeting
expect_no_out "delete: gone from the list" "役員会議"
kyodo list meeting --deleted
expect_out "delete: list --deleted shows it, marked" "[deleted]"
kyodo delete meeting "役員会議"
expect_rc "delete again: exit 1" 1
expect_err "delete again: no such live meeting" "No Meeting named \"役員会議\"."

# --- undelete ---
kyodo undelete meeting "$(printf %.8s "$MEETING")"
expect_rc "undelete by id prefix: exit 0" 0
expect_out "undelete: says what came back" "$MEETING	Restored: Meeting 2026-11-10 10:00 役員会議"
check "undelete: live, the next version, its values as they were" \
	test "$(sql "SELECT deleted || ',' || version || ',' || attendees FROM meeting WHERE uuid = '$MEETING'")" = "0,3,12"
kyodo list meeting
expect_out "undelete: listed again" "役員会議"
check "undelete: audited by the command line's actor" \
	test "$(sql "SELECT count(*) FROM audit WHERE action = 'undelete' AND uuid = '$MEETING' AND actor LIKE 'cli:%' AND summary LIKE '%役員会議%'")" = 1
kyodo undelete meeting "役員会議"
expect_rc "undelete a live record: exit 1" 1
expect_err "undelete a live record: says none is deleted" "No deleted Meeting named \"役員会議\"."
check "undelete refused: one sentence on stderr" test "$(wc -l <"$T/err")" = 1

# --- by full id, in Japanese ---
run "$KYODO" delete meeting "$MEETING" --db "$DB" --lang ja
expect_rc "ja: delete by id: exit 0" 0
expect_out "ja: says so in Japanese" "削除しました"
run "$KYODO" undelete meeting "$MEETING" --db "$DB" --lang ja
expect_rc "ja: undelete by id: exit 0" 0
expect_out "ja: says so in Japanese" "復元しました"

# --- the rules on save hold ---
must "room" k add room --db "$DB" --name "和室"
kyodo add use --date 2026-11-20 --start 10:00 --end 12:00 --room "和室" --group "書道会" --category group
USE=$(cut -f1 "$T/out")
kyodo delete use "書道会"
expect_rc "delete a use: exit 0" 0
kyodo add use --date 2026-11-20 --start 11:00 --end 12:00 --room "和室" --group "囲碁クラブ" --category group
sql "SELECT * FROM facility_use ORDER BY uuid" >"$T/before"
kyodo undelete use "書道会"
expect_rc "undelete over a later use of the room: exit 1" 1
expect_err "undelete over a later use: the usual sentence" "和室 is already in use on 2026-11-20 11:00–12:00 by 囲碁クラブ."
sql "SELECT * FROM facility_use ORDER BY uuid" >"$T/after"
check "undelete refused: nothing written" cmp -s "$T/before" "$T/after"
check "undelete refused: still deleted" test "$(sql "SELECT deleted FROM facility_use WHERE uuid = '$USE'")" = 1

# --- usage ---
kyodo delete nosuchkind "x"
expect_rc "an unknown kind: exit 2" 2
expect_err "an unknown kind: names the kinds" "kinds are: meeting"
kyodo undelete meeting
expect_rc "no ID: exit 2" 2
kyodo delete event "役員会議"
expect_rc "the wrong kind: exit 1" 1
expect_err "the wrong kind: says none is named so" "No Event named \"役員会議\"."
run "$KYODO" undelete --help --lang en
expect_rc "undelete --help: exit 0" 0
expect_out "undelete --help: its usage" "kyodo undelete KIND ID --db FILE"
run "$KYODO" --help --lang en
expect_out "kyodo --help lists delete" "kyodo delete"
expect_out "kyodo --help lists undelete" "kyodo undelete"

# --- it travels: deleted, then brought back, at city hall ---
CITY=$T/city.db
must "init city" k init --db "$CITY" --city --name "市役所"
must "city key" k key --db "$CITY" --out "$T/city.key"
C=$T/c.db
must "init center" k init --db "$C" --center c1 --name "センター" --city-key "$T/city.key"
must "center key" k key --db "$C" --out "$T/c.key"
must "enrol" k center add --db "$CITY" --code c1 --name "一関市民センター" --key "$T/c.key"
must "meeting" k add meeting --db "$C" --date 2026-11-10 --kind board --title "円卓会議"
send() {	# exports the center's file and takes it in at city hall
	rm -rf "$T/stick"
	mkdir -p "$T/stick"
	k export --db "$C" --out "$T/stick" >"$T/exported" 2>&1 || not_ok "setup: export" "$(cat "$T/exported")"
	k import --db "$CITY" "$(head -n 1 "$T/exported")" >"$T/imported" 2>&1 ||
		not_ok "setup: import" "$(cat "$T/imported")"
}
at_city() { sqlite3 "$CITY" "SELECT deleted || ',' || version FROM meeting WHERE title = '円卓会議'"; }
send
check "city hall has the meeting" test "$(at_city)" = "0,1"
must "delete at the center" k delete meeting "円卓会議" --db "$C"
send
check "city hall has the deletion" test "$(at_city)" = "1,2"
must "undelete at the center" k undelete meeting "円卓会議" --db "$C"
send
check "city hall has it back, as the next version" test "$(at_city)" = "0,3"
