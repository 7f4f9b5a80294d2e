#!/bin/sh
# kyodo init: a center store, a city store, and every refusal.
. "$(dirname "$0")/../lib.sh"
set -u

# --- a center store ---
run "$KYODO" init --db "$T/c.db" --center minami-2 --name "南市民センター" --lang en
expect_rc "init center: exit 0" 0
expect_out "init center: names the store file" "$T/c.db"
expect_out "init center: names the center and its code" "南市民センター (minami-2)"
check "init center: the file exists" test -f "$T/c.db"
check "init center: file mode 0600" test "$(stat -c %a "$T/c.db")" = 600
check "init center: 4 KiB pages" test "$(sqlite3 "$T/c.db" "PRAGMA page_size")" = 4096
check "init center: no stray files beside the store" \
	test "$(ls "$T" | grep -c '^c\.db')" -eq 1

run "$KYODO" check --db "$T/c.db" --lang en
expect_rc "init center: the new store checks sound" 0
run "$KYODO" list meeting --db "$T/c.db" --format csv --lang en
expect_rc "init center: the new store lists" 0
check "init center: the new store holds no meetings (header only)" \
	test "$(wc -l <"$T/out")" -eq 1

# --- a city store ---
run "$KYODO" init --db "$T/city.db" --city --name "真柴市役所" --lang en
expect_rc "init city: exit 0" 0
expect_out "init city: names the store and origin city" "真柴市役所 (city)"
check "init city: file mode 0600" test "$(stat -c %a "$T/city.db")" = 600
run "$KYODO" check --db "$T/city.db" --lang en
expect_rc "init city: the new store checks sound" 0
# City hall's store merges every center in bulk: 64 KiB pages; a center
# writes one record at a time: SQLite's 4 KiB (docs/DECISIONS.md).
check "init city: 64 KiB pages" test "$(sqlite3 "$T/city.db" "PRAGMA page_size")" = 65536
check "init city: write-ahead log" test "$(sqlite3 "$T/city.db" "PRAGMA journal_mode")" = wal

# --- refusals ---
sum_before=$(cksum <"$T/c.db")
run "$KYODO" init --db "$T/c.db" --center other --name "Other" --lang en
expect_rc "init on an existing file: exit 1" 1
expect_err "init on an existing file: says it exists" "already exists"
check "init on an existing file: the file is unchanged" test "$(cksum <"$T/c.db")" = "$sum_before"
check "init on an existing file: nothing on stdout" test ! -s "$T/out"

printf 'not a store\n' >"$T/plain.txt"
run "$KYODO" init --db "$T/plain.txt" --city --name "X" --lang en
expect_rc "init over any existing file: exit 1" 1
check "init over any existing file: content kept" test "$(cat "$T/plain.txt")" = "not a store"

for code in A x ab_c 1abc city "$(printf 'a%.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17)"; do
	run "$KYODO" init --db "$T/bad.db" --center "$code" --name "X" --lang en
	expect_rc "init --center '$code': exit 1" 1
	expect_err "init --center '$code': says it is not a center code" "is not a center code"
	check "init --center '$code': no file made" test ! -e "$T/bad.db"
done
run "$KYODO" init --db "$T/ok16.db" --center abcdefghijklmnop --name "X" --lang en
expect_rc "init --center with 16 characters: accepted" 0

run "$KYODO" init --db "$T/bad.db" --center abc --city --name "X" --lang en
expect_rc "init with both --center and --city: exit 2" 2
expect_err "init with both: says which to give" "either --center CODE or --city"
expect_err "init with both: prints the usage" "Usage: kyodo init"
check "init with both: no file made" test ! -e "$T/bad.db"

run "$KYODO" init --db "$T/bad.db" --name "X" --lang en
expect_rc "init with neither --center nor --city: exit 2" 2
expect_err "init with neither: says which to give" "either --center CODE or --city"
check "init with neither: no file made" test ! -e "$T/bad.db"

run "$KYODO" init --center abc --name "X" --lang en
expect_rc "init without --db: exit 2" 2
expect_err "init without --db: names --db" "--db is required"

run "$KYODO" init --db "$T/bad.db" --center abc --lang en
expect_rc "init without --name: exit 2" 2
expect_err "init without --name: names --name" "--name is required"
check "init without --name: no file made" test ! -e "$T/bad.db"

run "$KYODO" init --db "$T/bad.db" --center abc --name "   " --lang en
expect_rc "init with a blank --name: exit 1" 1
expect_err "init with a blank --name: says the name is required" "required"
check "init with a blank --name: no file made" test ! -e "$T/bad.db"

run "$KYODO" init --db "$T/bad.db" --center abc --name "$(printf 'bad\377name')" --lang en
expect_rc "init with a name that is not UTF-8: exit 1" 1
expect_err "init with a name that is not UTF-8: says so" "UTF-8"
check "init with a name that is not UTF-8: no file made" test ! -e "$T/bad.db"

run "$KYODO" init --db "$T/bad.db" --center abc --name "X" --colour red --lang en
expect_rc "init with an unknown option: exit 2" 2
expect_err "init with an unknown option: names it" "Unknown option: --colour"
check "init with an unknown option: no file made" test ! -e "$T/bad.db"

run "$KYODO" init --db "$T/bad.db" --center abc --name "X" stray --lang en
expect_rc "init with a stray argument: exit 2" 2
expect_err "init with a stray argument: names it" "stray"

run "$KYODO" init --db "$T/nodir/x.db" --center abc --name "X" --lang en
expect_rc "init in a missing folder: exit 1" 1
expect_err "init in a missing folder: names the file" "$T/nodir/x.db"
