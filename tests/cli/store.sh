#!/bin/sh
# The store file itself: a store from a newer kyodo is refused by every
# command, untouched; two writers at once wait for each other, losing nothing.
. "$(dirname "$0")/../lib.sh"
set -u

DB=$T/s.db
"$KYODO" init --db "$DB" --center kita --name "北センター" >/dev/null 2>&1 ||
	not_ok "setup: init" "kyodo init failed"
"$KYODO" add meeting --db "$DB" --date 2026-04-01 --kind board --title "Before" >/dev/null 2>&1

# --- a store made by a newer kyodo ---
NEW=$T/newer.db
cp "$DB" "$NEW"
sqlite3 "$NEW" 'PRAGMA user_version=99'
check "setup: user_version raised to 99" test "$(sqlite3 "$NEW" 'PRAGMA user_version')" = 99
sum_before=$(cksum <"$NEW")

newer() {	# NAME ARGS...: kyodo ARGS on the newer store is refused
	what=$1
	shift
	run "$@"
	expect_rc "newer store, $what: exit 1" 1
	expect_err "newer store, $what: says a newer kyodo made it" "was made by a newer kyodo"
	expect_err "newer store, $what: names the file" "$NEW"
	check "newer store, $what: nothing on stdout" test ! -s "$T/out"
}
newer "list meeting" "$KYODO" list meeting --db "$NEW" --lang en
newer "list event --format csv" "$KYODO" list event --db "$NEW" --format csv --lang en
newer "list use --format csv --encoding cp932" "$KYODO" list use --db "$NEW" --format csv --encoding cp932 --lang en
newer "add meeting" "$KYODO" add meeting --db "$NEW" --date 2026-04-02 --kind board --title "After" --lang en
newer "add event" "$KYODO" add event --db "$NEW" --date 2026-04-02 --field safety --title "After" --lang en
newer "add use" "$KYODO" add use --db "$NEW" --date 2026-04-02 --room A --category own --lang en
newer "staff list" "$KYODO" staff list --db "$NEW" --lang en
run_in "4826
" "$KYODO" staff add --db "$NEW" --name "New" --role admin --pin-stdin --lang en
expect_rc "newer store, staff add: exit 1" 1
expect_err "newer store, staff add: says a newer kyodo made it" "was made by a newer kyodo"
newer "check" "$KYODO" check --db "$NEW" --lang en
newer "backup" "$KYODO" backup --db "$NEW" --out "$T/nb.db" --lang en
check "newer store, backup: no backup file made" test ! -e "$T/nb.db"
run env KYODO_DB="$NEW" "$KYODO" list meeting --lang en
expect_rc "newer store via \$KYODO_DB: exit 1" 1
expect_err "newer store via \$KYODO_DB: says a newer kyodo made it" "was made by a newer kyodo"
check "newer store: the file is unchanged by all of that" test "$(cksum <"$NEW")" = "$sum_before"
check "newer store: user_version still 99" test "$(sqlite3 "$NEW" 'PRAGMA user_version')" = 99
check "newer store: still one meeting, nothing added" \
	test "$(sqlite3 "$NEW" 'SELECT count(*) FROM meeting')" = 1
check "newer store: no staff added" test "$(sqlite3 "$NEW" 'SELECT count(*) FROM staff')" = 0

# An SQLite file that is not a kyodo store, for every command.
sqlite3 "$T/other.sqlite" 'CREATE TABLE notes (x); INSERT INTO notes VALUES (1)'
other_sum=$(cksum <"$T/other.sqlite")
for args in "list meeting" "staff list" "check" "backup --out $T/ob.db"; do
	# shellcheck disable=SC2086
	run "$KYODO" $args --db "$T/other.sqlite" --lang en
	expect_rc "foreign SQLite file, $args: exit 1" 1
	expect_err "foreign SQLite file, $args: says it is not a kyodo store" "not a kyodo store"
done
check "foreign SQLite file: left as it was (one table)" \
	test "$(sqlite3 "$T/other.sqlite" "SELECT count(*) FROM sqlite_master")" = 1
check "foreign SQLite file: not a byte changed (e.g. not switched to WAL)" \
	test "$(cksum <"$T/other.sqlite")" = "$other_sum"
check "foreign SQLite file: no backup made" test ! -e "$T/ob.db"

# An empty file.
: >"$T/empty.db"
run "$KYODO" list meeting --db "$T/empty.db" --lang en
expect_rc "an empty file as the store: exit 1" 1
expect_err "an empty file as the store: says it is not a kyodo store" "not a kyodo store"
check "an empty file as the store: still empty (not turned into a store)" test ! -s "$T/empty.db"

# --- two writers at once ---
PDB=$T/p.db
"$KYODO" init --db "$PDB" --center para --name "P" >/dev/null 2>&1
writer() {	# N: 20 adds; prints one line per failed add
	n=0
	while [ $n -lt 20 ]; do
		n=$((n + 1))
		"$KYODO" add event --db "$PDB" --date 2026-06-01 --field culture \
			--title "writer $1 no $n" --lang en >/dev/null 2>>"$T/w$1.err" ||
			echo "writer $1 no $n failed"
	done
}
writer 1 >"$T/w1.log" &
p1=$!
writer 2 >"$T/w2.log" &
p2=$!
wait "$p1"
wait "$p2"
check "two writers: every add of writer 1 exited 0" test ! -s "$T/w1.log"
check "two writers: every add of writer 2 exited 0" test ! -s "$T/w2.log"
check "two writers: nothing on stderr" test ! -s "$T/w1.err" -a ! -s "$T/w2.err"
run "$KYODO" list event --db "$PDB" --format csv --lang en
check "two writers: the list holds all 40" test "$(tail -n +2 "$T/out" | wc -l)" -eq 40
check "two writers: 20 from each" \
	test "$(grep -c ',writer 1 no ' "$T/out")" -eq 20 -a "$(grep -c ',writer 2 no ' "$T/out")" -eq 20
check "two writers: 40 distinct ids" test "$(tail -n +2 "$T/out" | cut -d, -f1 | sort -u | wc -l)" -eq 40
check "two writers: 40 audit rows" test "$(sqlite3 "$PDB" "SELECT count(*) FROM audit WHERE action = 'add'")" = 40
run "$KYODO" check --db "$PDB" --lang en
expect_rc "two writers: the store checks sound afterwards" 0

# wait_for FILE: up to 10 s for FILE to appear.
wait_for() {
	k=0
	while [ ! -e "$1" ] && [ $k -lt 100 ]; do
		sleep 0.1
		k=$((k + 1))
	done
	[ -e "$1" ]
}

# A reader inside a transaction does not make a writer fail (WAL).
printf 'BEGIN;\nSELECT count(*) FROM event;\n.shell touch %s\n.shell sleep 1\nCOMMIT;\n' \
	"$T/reading" | sqlite3 "$PDB" >/dev/null 2>&1 &
reader=$!
check "setup: the reader holds its transaction" wait_for "$T/reading"
run "$KYODO" add event --db "$PDB" --date 2026-06-02 --field culture --title "beside a reader" --lang en
expect_rc "add while another process reads: exit 0" 0
wait "$reader"

# Another process holding the write lock for a second: add waits for it
# (busy timeout) instead of failing.
printf 'BEGIN IMMEDIATE;\n.shell touch %s\n.shell sleep 1\n.shell touch %s\nROLLBACK;\n' \
	"$T/locked" "$T/releasing" | sqlite3 "$PDB" >/dev/null 2>&1 &
locker=$!
check "setup: the other process holds the write lock" wait_for "$T/locked"
run "$KYODO" add event --db "$PDB" --date 2026-06-03 --field culture --title "after a lock" --lang en
expect_rc "add while another process holds the write lock: exit 0" 0
check "add waited until the lock was being released" test -e "$T/releasing"
wait "$locker"
check "add after the lock: the record is there" \
	sh -c "'$KYODO' list event --db '$PDB' --format csv | grep -q ',after a lock,'"
