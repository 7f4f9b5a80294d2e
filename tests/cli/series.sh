#!/bin/sh
# kyodo add booking --repeat … --skip-taken (the free dates booked, each taken
# date named with the group holding it; nothing written when none is free)
# and kyodo booking cancel --following | --all on a series.
. "$(dirname "$0")/../lib.sh"
set -u

DB=$T/s.db
"$KYODO" init --db "$DB" --center higashi --name "東センター" >/dev/null 2>&1 ||
	not_ok "setup: init" "kyodo init failed"
sql() { sqlite3 "$DB" "$1"; }
kyodo() { run "$KYODO" "$@" --db "$DB" --lang en; }
export KYODO_TODAY=2026-09-01

kyodo add room --name "和室" --capacity 20
kyodo add booking --room "和室" --date 2026-10-13 --start 11:00 --end 13:00 --group "書道会"
expect_rc "setup: 書道会 holds 10-13" 0

# --- without --skip-taken: all or nothing, as before ---
kyodo add booking --room "和室" --date 2026-10-06 --start 10:00 --end 12:00 \
	--group "囲碁クラブ" --repeat weekly --count 4
expect_rc "a series with a taken date: exit 1" 1
expect_err "a series with a taken date: names the date" "2026-10-13"
check "a series with a taken date: nothing written" \
	test "$(sql "SELECT count(*) FROM booking WHERE \"group\" = '囲碁クラブ'")" = 0

# --- --skip-taken: the free dates booked, the taken one named with its group ---
kyodo add booking --room "和室" --date 2026-10-06 --start 10:00 --end 12:00 \
	--group "囲碁クラブ" --repeat weekly --count 4 --skip-taken
expect_rc "--skip-taken: exit 0" 0
expect_out "--skip-taken: booked 3" "Booked 3 dates."
expect_out "--skip-taken: says a date was taken" "Skipped 1 date already taken:"
expect_out "--skip-taken: the taken date with its group" "2026-10-13 書道会"
check "--skip-taken: three dates stored, one series" \
	test "$(sql "SELECT count(*) || '|' || count(DISTINCT series) FROM booking WHERE \"group\" = '囲碁クラブ'")" = "3|1"
check "--skip-taken: 10-13 not booked for 囲碁クラブ" \
	test "$(sql "SELECT count(*) FROM booking WHERE \"group\" = '囲碁クラブ' AND date = '2026-10-13'")" = 0

# --- --skip-taken when every date is taken: exit 1, nothing written ---
before=$(sql 'SELECT count(*) FROM booking')
kyodo add booking --room "和室" --date 2026-10-06 --start 10:30 --end 11:30 \
	--group "朝ヨガ" --repeat weekly --count 2 --skip-taken
expect_rc "--skip-taken, every date taken: exit 1" 1
expect_err "--skip-taken, every date taken: says nothing was booked" "Nothing was booked"
check "--skip-taken, every date taken: nothing written" \
	test "$(sql 'SELECT count(*) FROM booking')" = "$before"

# --- --skip-taken alone is a usage error ---
kyodo add booking --room "和室" --date 2026-10-06 --start 13:00 --end 15:00 --group "x" --skip-taken
expect_rc "--skip-taken without --repeat: exit 2" 2

# --- Japanese ---
run "$KYODO" add booking --db "$DB" --room "和室" --date 2026-11-03 --start 13:00 --end 15:00 \
	--group "手芸の会" --repeat weekly --count 2 --skip-taken
expect_rc "ja: a free series with --skip-taken: exit 0" 0

# --- cancel: one, following, all ---
series() {	# GROUP START: books 4 Tuesdays from 12-01, prints nothing
	kyodo add booking --room "和室" --date 2026-12-01 --start "$2" --end "$3" \
		--group "$1" --repeat weekly --count 4
}
nth() { sql "SELECT uuid FROM booking WHERE \"group\" = '$1' ORDER BY date LIMIT 1 OFFSET $2"; }
statuses() { sql "SELECT group_concat(status, ' ') FROM (SELECT status FROM booking WHERE \"group\" = '$1' ORDER BY date)"; }

series "A会" 09:00 10:00
kyodo booking cancel "$(nth A会 1)"
expect_rc "cancel one date: exit 0" 0
expect_out "cancel one date: 1" "Cancelled 1 booking."
check "cancel one date: only the second" test "$(statuses A会)" = "booked cancelled booked booked"

series "B会" 10:00 11:00
kyodo booking cancel "$(nth B会 1)" --following
expect_rc "cancel --following: exit 0" 0
expect_out "cancel --following: 3" "Cancelled 3 bookings."
check "cancel --following: the second and later" test "$(statuses B会)" = "booked cancelled cancelled cancelled"

series "C会" 11:00 12:00
kyodo booking cancel "$(nth C会 1)" --all
expect_rc "cancel --all: exit 0" 0
expect_out "cancel --all: 4" "Cancelled 4 bookings."
check "cancel --all: every date" test "$(statuses C会)" = "cancelled cancelled cancelled cancelled"

series "D会" 13:00 14:00
kyodo booking cancel "$(nth D会 2)" --all --following
expect_rc "cancel --all --following: exit 2" 2
check "cancel --all --following: nothing cancelled" test "$(statuses D会)" = "booked booked booked booked"

kyodo booking cancel --help
expect_out "cancel --help: --all" "--all"
kyodo add --help
expect_out "add --help: --skip-taken" "--skip-taken"
