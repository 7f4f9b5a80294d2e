#!/bin/sh
# kyodo demo: a store full of plausible data, the same for the same seed.
. "$(dirname "$0")/../lib.sh"
set -u
# The demo's dates follow "today"; fix it so two runs can be compared.
export KYODO_TODAY=2026-11-28

run "$KYODO" demo --db "$T/d1.db" --seed 7 --lang en
expect_rc "demo: exit 0" 0
expect_out "demo: names the store made" "Made the demo store $T/d1.db"
expect_out "demo: tells how to sign in" "PIN"
check "demo: file mode 0600" test "$(stat -c %a "$T/d1.db")" = 600

run "$KYODO" check --db "$T/d1.db" --lang en
expect_rc "demo: the store checks sound" 0
expect_out "demo: check says sound" "sound"

for kind in meeting event use; do
	run "$KYODO" list "$kind" --db "$T/d1.db" --format csv --lang en
	expect_rc "demo: list $kind exits 0" 0
	check "demo: the store holds ${kind}s (more than 10)" test "$(wc -l <"$T/out")" -gt 11
done
run "$KYODO" staff list --db "$T/d1.db" --lang en
expect_rc "demo: staff list exits 0" 0
check "demo: the store has staff who can sign in" test -s "$T/out"

# The same seed (and the same today) gives the same records, ids included.
run "$KYODO" demo --db "$T/d2.db" --seed 7 --lang en
expect_rc "demo again with the same seed: exit 0" 0
run "$KYODO" demo --db "$T/d3.db" --seed 8 --years 1 --lang en
expect_rc "demo with another seed and --years 1: exit 0" 0
for kind in meeting event use; do
	"$KYODO" list "$kind" --db "$T/d1.db" --format csv >"$T/a.csv" 2>/dev/null
	"$KYODO" list "$kind" --db "$T/d2.db" --format csv >"$T/b.csv" 2>/dev/null
	"$KYODO" list "$kind" --db "$T/d3.db" --format csv >"$T/c.csv" 2>/dev/null
	check "demo: same seed, identical $kind CSV (and not empty)" \
		sh -c "cmp -s '$T/a.csv' '$T/b.csv' && [ \$(wc -l <'$T/a.csv') -gt 11 ]"
	check "demo: another seed, different $kind CSV" test "$(cksum <"$T/a.csv")" != "$(cksum <"$T/c.csv")"
	check "demo: one year holds fewer ${kind}s than two" \
		test "$(wc -l <"$T/c.csv")" -lt "$(wc -l <"$T/a.csv")"
done

# Refusals.
for years in 0 x 31 -1 ""; do
	run "$KYODO" demo --db "$T/bad.db" --years "$years" --lang en
	expect_rc "demo --years '$years': exit 2" 2
	expect_err "demo --years '$years': says what --years takes" "--years takes a whole number from 1 to 30"
	check "demo --years '$years': no file made" test ! -e "$T/bad.db"
done
run "$KYODO" demo --db "$T/bad.db" --seed abc --lang en
expect_rc "demo --seed abc: exit 2" 2
expect_err "demo --seed abc: names --seed" "--seed"
check "demo --seed abc: no file made" test ! -e "$T/bad.db"

sum_before=$(cksum <"$T/d1.db")
run "$KYODO" demo --db "$T/d1.db" --lang en
expect_rc "demo on an existing file: exit 1" 1
expect_err "demo on an existing file: says it exists" "already exists"
check "demo on an existing file: the file is unchanged" test "$(cksum <"$T/d1.db")" = "$sum_before"

run "$KYODO" demo --lang en
expect_rc "demo without --db: exit 2" 2
expect_err "demo without --db: names --db" "--db is required"

run "$KYODO" demo --db "$T/bad.db" --size big --lang en
expect_rc "demo with an unknown option: exit 2" 2
expect_err "demo with an unknown option: names it" "--size"
check "demo with an unknown option: no file made" test ! -e "$T/bad.db"
