#!/bin/sh
# kyodo check and kyodo backup: a sound store passes, a damaged one is
# refused (exit 1, never a crash); a backup is a checked, complete copy.
. "$(dirname "$0")/../lib.sh"
set -u

DB=$T/s.db
"$KYODO" init --db "$DB" --center kita --name "北センター" >/dev/null 2>&1 ||
	not_ok "setup: init" "kyodo init failed"
# Enough rows that the tables span many pages, so damage lands in them.
i=0
while [ $i -lt 60 ]; do
	i=$((i + 1))
	d=$(printf '2026-%02d-%02d' $((i % 12 + 1)) $((i % 28 + 1)))
	"$KYODO" add meeting --db "$DB" --date "$d" --kind board --title "会議 $i $(printf 'x%.0s' $(seq 80))" \
		--agenda "$(printf '議題%.0s' $(seq 300))" >/dev/null 2>&1
	"$KYODO" add use --db "$DB" --date "$d" --room "和室" --category group --group "団体 $i" --fee $i >/dev/null 2>&1
done
check "setup: 60 meetings added" \
	test "$("$KYODO" list meeting --db "$DB" --format csv 2>/dev/null | wc -l)" -eq 61

# no_crash NAME: the last run ended with 0 or 1 and no sanitizer report
# (under `make asan` a memory error also exits 1).
no_crash() {
	if [ "$RC" -le 1 ] && ! grep -qE 'Sanitizer|runtime error' "$T/err"; then
		ok "$1"
	else
		not_ok "$1" "exit $RC; stderr: $(head -c 300 "$T/err")"
	fi
}

# --- check ---
run "$KYODO" check --db "$DB" --lang en
expect_rc "check a sound store: exit 0" 0
expect_out "check a sound store: says sound" "The store is sound"
check "check a sound store: nothing on stderr" test ! -s "$T/err"

run "$KYODO" check --db "$T/none.db" --lang en
expect_rc "check a missing store: exit 1" 1
expect_err "check a missing store: says there is no store" "There is no store"
check "check a missing store: makes no file" test ! -e "$T/none.db"

run "$KYODO" check --lang en --db
expect_rc "check with --db lacking its value: exit 2" 2
run "$KYODO" check --db "$DB" --deep --lang en
expect_rc "check with an unknown option: exit 2" 2

# Damage in the middle of the file: junk bytes over pages 20-23.
size=$(wc -c <"$DB")
check "setup: the store spans more than 30 pages" test "$size" -gt $((30 * 4096))
cp "$DB" "$T/bad1.db"
yes 'kyodo was here, damaging pages' | head -c 16384 |
	dd of="$T/bad1.db" bs=4096 seek=20 count=4 conv=notrunc 2>/dev/null
run "$KYODO" check --db "$T/bad1.db" --lang en
expect_rc "check a store with junk bytes in the middle: exit 1 (not a crash)" 1
no_crash "check junk bytes: no sanitizer report"
check "check damaged store: something said on stderr" test -s "$T/err"
expect_no_out "check damaged store: does not say sound" "sound"

# Zeros over a run of pages.
cp "$DB" "$T/bad2.db"
dd if=/dev/zero of="$T/bad2.db" bs=4096 seek=5 count=10 conv=notrunc 2>/dev/null
run "$KYODO" check --db "$T/bad2.db" --lang en
expect_rc "check a store with zeroed pages: exit 1 (not a crash)" 1
no_crash "check zeroed pages: no sanitizer report"
expect_no_out "check zeroed pages: does not say sound" "sound"

# Cut short.
head -c $((size / 2)) "$DB" >"$T/bad3.db"
run "$KYODO" check --db "$T/bad3.db" --lang en
expect_rc "check a store cut in half: exit 1 (not a crash)" 1
no_crash "check a store cut in half: no sanitizer report"
expect_no_out "check a store cut in half: does not say sound" "sound"

# The SQLite header itself destroyed.
cp "$DB" "$T/bad4.db"
printf 'this is not the header of SQLite' | dd of="$T/bad4.db" conv=notrunc 2>/dev/null
run "$KYODO" check --db "$T/bad4.db" --lang en
expect_rc "check a store with a broken header: exit 1" 1
expect_err "check a broken header: says it is not a kyodo store" "not a kyodo store"

# Other commands on a damaged store refuse or succeed, never crash.
for args in "list meeting" "list use --format csv" "staff list"; do
	# shellcheck disable=SC2086
	run "$KYODO" $args --db "$T/bad1.db" --lang en
	no_crash "$args on a damaged store: exit 0 or 1, not a crash (exit $RC)"
done
run "$KYODO" add meeting --db "$T/bad2.db" --date 2026-04-01 --kind board --title x --lang en
no_crash "add to a damaged store: exit 0 or 1, not a crash (exit $RC)"

# A schema edited behind kyodo's back: whatever check says, it does not crash.
cp "$DB" "$T/bad5.db"
sqlite3 "$T/bad5.db" "PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql = replace(sql, 'title      TEXT NOT NULL', 'title TEXT') WHERE name = 'meeting'" 2>/dev/null
run "$KYODO" check --db "$T/bad5.db" --lang en
no_crash "check a store with a tampered schema: exit 0 or 1, not a crash (exit $RC)"

# --- backup ---
run "$KYODO" backup --db "$DB" --out "$T/b1.db" --lang en
expect_rc "backup: exit 0" 0
expect_out "backup: names the file written" "$T/b1.db"
expect_out "backup: says it was checked" "checked"
check "backup: the file exists" test -s "$T/b1.db"
check "backup: file mode 0600" test "$(stat -c %a "$T/b1.db")" = 600
run "$KYODO" check --db "$T/b1.db" --lang en
expect_rc "backup: check accepts the copy" 0
expect_out "backup: check says the copy is sound" "sound"
for kind in meeting event use; do
	"$KYODO" list "$kind" --db "$DB" --format csv >"$T/a.csv" 2>&1
	"$KYODO" list "$kind" --db "$T/b1.db" --format csv >"$T/b.csv" 2>&1
	check "backup: list $kind shows the same records" cmp -s "$T/a.csv" "$T/b.csv"
	check "backup: list $kind from the copy is a CSV listing" grep -q '^id,date,' "$T/b.csv"
done
check "backup: the audit log is copied too (120 rows)" test \
	"$(sqlite3 "$T/b1.db" 'SELECT count(*) FROM audit')" -eq 120
check "backup: the copy is a center store of the same origin" test \
	"$(sqlite3 "$T/b1.db" "SELECT count(*) FROM meeting WHERE origin = 'kita'")" -eq 60

# The copy is independent: a record added to it is not in the original.
"$KYODO" add meeting --db "$T/b1.db" --date 2027-01-01 --kind other --title "Only in the copy" >/dev/null 2>&1
check "backup: the copy is independent of the original" \
	sh -c "! '$KYODO' list meeting --db '$DB' --format csv | grep -q 'Only in the copy'"

# Refusals.
sum_before=$(cksum <"$T/b1.db")
run "$KYODO" backup --db "$DB" --out "$T/b1.db" --lang en
expect_rc "backup to an existing --out: exit 1" 1
expect_err "backup to an existing --out: says it exists" "already exists"
check "backup to an existing --out: that file is unchanged" test "$(cksum <"$T/b1.db")" = "$sum_before"

printf 'precious\n' >"$T/precious.txt"
run "$KYODO" backup --db "$DB" --out "$T/precious.txt" --lang en
expect_rc "backup over any existing file: exit 1" 1
check "backup over any existing file: content kept" test "$(cat "$T/precious.txt")" = precious

run "$KYODO" backup --db "$DB" --lang en
expect_rc "backup without --out: exit 2" 2
expect_err "backup without --out: names --out" "--out is required"

run "$KYODO" backup --db "$DB" --out "$T/nodir/b.db" --lang en
expect_rc "backup into a missing folder: exit 1" 1
expect_err "backup into a missing folder: names the file" "$T/nodir/b.db"

run "$KYODO" backup --db "$T/none.db" --out "$T/b2.db" --lang en
expect_rc "backup of a missing store: exit 1" 1
expect_err "backup of a missing store: says there is no store" "There is no store"
check "backup of a missing store: no backup file left" test ! -e "$T/b2.db"

run "$KYODO" backup --db "$T/bad4.db" --out "$T/b3.db" --lang en
expect_rc "backup of a broken store: exit 1" 1
check "backup of a broken store: no backup file left" test ! -e "$T/b3.db"

run "$KYODO" backup --db "$T/bad1.db" --out "$T/b4.db" --lang en
no_crash "backup of a damaged store: exit 0 or 1, not a crash (exit $RC)"
if [ "$RC" -eq 0 ]; then
	run "$KYODO" check --db "$T/b4.db" --lang en
	expect_rc "backup of a damaged store: the copy, if made, checks sound" 0
else
	check "backup of a damaged store: refused, no file left" test ! -e "$T/b4.db"
fi

# A backup while another process writes: both succeed, the copy is sound.
(
	j=0
	while [ $j -lt 15 ]; do
		j=$((j + 1))
		"$KYODO" add event --db "$DB" --date 2026-07-01 --field culture --title "live $j" >/dev/null 2>&1 || echo fail
	done
) >"$T/writer.log" &
writer=$!
run "$KYODO" backup --db "$DB" --out "$T/live.db" --lang en
wait "$writer"
expect_rc "backup during writes: exit 0" 0
check "backup during writes: the writer lost nothing" test ! -s "$T/writer.log"
run "$KYODO" check --db "$T/live.db" --lang en
expect_rc "backup during writes: the copy checks sound" 0
