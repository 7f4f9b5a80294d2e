#!/bin/sh
# kyodo staff add|list: PIN from stdin, roles, refusals; the PIN is never
# stored or shown in the clear.
. "$(dirname "$0")/../lib.sh"
set -u

DB=$T/s.db
"$KYODO" init --db "$DB" --center kita --name "北センター" >/dev/null 2>&1 ||
	not_ok "setup: init" "kyodo init failed"
PIN=73914682

store_has() {	# TEXT: the store file (or its WAL) holds TEXT
	cat "$DB" "$DB-wal" 2>/dev/null | grep -aqF -- "$1"
}

store_lacks() {	# TEXT: neither the store file nor its WAL holds TEXT
	! store_has "$1"
}

lacks() {	# FILE TEXT: FILE does not hold TEXT
	! grep -qF -- "$2" "$1"
}

staff_count() {
	sqlite3 "$DB" 'SELECT count(*) FROM staff'
}

run_in "$PIN
" "$KYODO" staff add --db "$DB" --name "Sato Hanako" --role secretariat --pin-stdin --lang en
expect_rc "staff add --pin-stdin: exit 0" 0
expect_out "staff add: names who was added" "Added Sato Hanako"
expect_out "staff add: names the role" "Secretariat staff"
check "staff add: the PIN is not on stdout" lacks "$T/out" "$PIN"
check "staff add: the PIN is not on stderr" lacks "$T/err" "$PIN"
check "staff add: the name is in the store file (the grep below can see it)" store_has "Sato Hanako"
check "staff add: the PIN is not in the store file" store_lacks "$PIN"
check "staff add: the stored hash is argon2id" \
	test "$(sqlite3 "$DB" "SELECT pin_hash LIKE '\$argon2id\$%' FROM staff WHERE name = 'Sato Hanako'")" = 1
check "staff add: audited as cli:$(id -un)" \
	test "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE actor = 'cli:$(id -un)' AND action = 'add' AND kind = 'staff'")" = 1
check "staff add: the audit summary holds no PIN" \
	test "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE summary LIKE '%$PIN%'")" = 0

# Every role, and the PIN length bounds (4 and 12 digits).
for role in center city admin; do
	run_in "4826
" "$KYODO" staff add --db "$DB" --name "Member $role" --role "$role" --pin-stdin --lang en
	expect_rc "staff add --role $role: exit 0" 0
done
run_in "123456789012" "$KYODO" staff add --db "$DB" --name "Twelve" --role admin --pin-stdin --lang en
expect_rc "staff add with a 12-digit PIN (no newline): exit 0" 0

run "$KYODO" staff list --db "$DB" --lang en
expect_rc "staff list: exit 0" 0
expect_out "staff list: shows the name" "Sato Hanako"
expect_out "staff list: shows the role" "Secretariat staff"
expect_out "staff list: shows center staff" "Member center"
expect_out "staff list: shows the admin" "Member admin"
expect_no_out "staff list: shows no PIN" "$PIN"
check "staff list: one line per member" test "$(wc -l <"$T/out")" -eq 5
check "staff list: name and role on one line" grep -qE '^Sato Hanako +Secretariat staff$' "$T/out"

# Refusals: nothing is added.
n=$(staff_count)
run_in "1234
" "$KYODO" staff add --db "$DB" --name "X" --role boss --pin-stdin --lang en
expect_rc "staff add --role boss: exit 2" 2
expect_err "staff add --role boss: lists the roles" "center, secretariat, city, admin"

run_in "abcd
" "$KYODO" staff add --db "$DB" --name "Letters" --role center --pin-stdin --lang en
expect_rc "staff add with a PIN of letters: exit 1" 1
expect_err "staff add with a PIN of letters: says what a PIN is" "4 to 12 digits"
expect_no_out "staff add with a PIN of letters: nothing on stdout" "Added"

run_in "123
" "$KYODO" staff add --db "$DB" --name "Short" --role center --pin-stdin --lang en
expect_rc "staff add with a 3-digit PIN: exit 1" 1
expect_err "staff add with a 3-digit PIN: says what a PIN is" "4 to 12 digits"

run_in "1234567890123
" "$KYODO" staff add --db "$DB" --name "Long" --role center --pin-stdin --lang en
expect_rc "staff add with a 13-digit PIN: exit 1" 1
expect_err "staff add with a 13-digit PIN: says what a PIN is" "4 to 12 digits"

run_in "" "$KYODO" staff add --db "$DB" --name "Empty" --role center --pin-stdin --lang en
expect_rc "staff add with nothing on stdin: exit 1" 1
expect_err "staff add with nothing on stdin: says there is no PIN" "No PIN"

run_in "55554444
" "$KYODO" staff add --db "$DB" --name "Sato Hanako" --role center --pin-stdin --lang en
expect_rc "staff add with a name already used: exit 1" 1
expect_err "staff add with a name already used: says so" "already a staff member named Sato Hanako"

run "$KYODO" staff add --db "$DB" --name "NoTty" --role center --lang en </dev/null
expect_rc "staff add with no terminal and no --pin-stdin: exit 2" 2
expect_err "staff add with no terminal: points to --pin-stdin" "--pin-stdin"

run_in "1234
" "$KYODO" staff add --db "$DB" --role center --pin-stdin --lang en
expect_rc "staff add without --name: exit 2" 2
expect_err "staff add without --name: names the options" "--name and --role are required"
run_in "1234
" "$KYODO" staff add --db "$DB" --name "NoRole" --pin-stdin --lang en
expect_rc "staff add without --role: exit 2" 2

check "staff refusals: no staff member was added" test "$(staff_count)" = "$n"
check "staff refusals: the listing still has 5 members" \
	test "$("$KYODO" staff list --db "$DB" --lang en | wc -l)" -eq 5

run_in "1234
" "$KYODO" staff add --db "$T/none.db" --name "X" --role center --pin-stdin --lang en
expect_rc "staff add on a missing store: exit 1" 1
expect_err "staff add on a missing store: says there is no store" "There is no store at $T/none.db"
check "staff add on a missing store: makes no file" test ! -e "$T/none.db"

run "$KYODO" staff list --db "$T/none.db" --lang en
expect_rc "staff list on a missing store: exit 1" 1
expect_err "staff list on a missing store: says there is no store" "There is no store"

run "$KYODO" staff --lang en
expect_rc "staff alone: exit 2" 2
expect_err "staff alone: says a subcommand is needed" "staff needs a command"
expect_err "staff alone: names staff add" "staff add"
expect_err "staff alone: names staff list" "staff list"
run "$KYODO" staff --db "$DB" --lang en
expect_rc "staff with only options: exit 2" 2
run "$KYODO" staff remove --db "$DB" --lang en
expect_rc "staff remove (no such subcommand): exit 2" 2
expect_err "staff remove: names the unknown word" "remove"
