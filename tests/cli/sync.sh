#!/bin/sh
# kyodo key / center add|list / export / import — the monthly file between
# three centers and city hall, on real stores made by `kyodo init`: a round
# trip (records up, decisions down), idempotence and order, tombstones and
# edits, every kind of bad file refused with the store untouched, failed
# writes, no readable personal data in the file, a moved store, and keys.
. "$(dirname "$0")/../lib.sh"
set -u

export KYODO_TODAY=2026-05-10
M=2026-04
CITY=$T/city.db

k() { "$KYODO" --lang en "$@"; }
q() { sqlite3 "$1" "$2"; }	# DB SQL: one value

# Setup steps must work; when one does not, say so (the checks after it fail).

# The whole store as SQL, to show a refusal changed nothing at all.
dump() { sqlite3 "$1" .dump; }
# The store's data without the logs an import adds (sync_log, audit).
data_dump() {
	for d_t in $(q "$1" "SELECT name FROM sqlite_master WHERE type = 'table' AND
	    name NOT IN ('sync_log', 'audit') ORDER BY name"); do
		sqlite3 "$1" ".dump $d_t"
	done
}

# refused NAME DB FILE [TEXT]: importing FILE into DB exits 1 with one line on
# stderr naming the file with "refused" (and TEXT), nothing on stdout, and
# DB's content exactly as before (not even a log row).
refused() {
	r_name=$1 r_db=$2 r_file=$3 r_text=${4:-}
	dump "$r_db" >"$T/before"
	run "$KYODO" --lang en import --db "$r_db" "$r_file"
	dump "$r_db" >"$T/after"
	r_why=""
	[ "$RC" -eq 1 ] || r_why="exit $RC;"
	[ "$(wc -l <"$T/err")" -eq 1 ] || r_why="$r_why $(wc -l <"$T/err") lines on stderr;"
	grep -qF -- "$r_file: refused: " "$T/err" || r_why="$r_why stderr does not name the file with 'refused';"
	[ -z "$r_text" ] || grep -qF -- "$r_text" "$T/err" || r_why="$r_why stderr lacks '$r_text';"
	[ ! -s "$T/out" ] || r_why="$r_why stdout: $(head -c 100 "$T/out");"
	cmp -s "$T/before" "$T/after" || r_why="$r_why the store changed;"
	if [ -z "$r_why" ]; then ok "$r_name"; else not_ok "$r_name" "$r_why $(head -c 300 "$T/err")"; fi
}

# export_to DB DIR [ARGS]: exports, leaving the path printed in $F.
export_to() {
	mkdir -p "$2"
	e_db=$1 e_dir=$2
	shift 2
	run "$KYODO" --lang en export --db "$e_db" --out "$e_dir" "$@"
	F=$(head -n 1 "$T/out")
}

# The row named ROW (Total, a center, a room) of a monthly report as CSV.
# The names city hall enrolled the centers under: its overview's rows.
center_name() {
	case $1 in c1) echo 一関市民センター ;; c2) echo 真柴市民センター ;; c3) echo 萩荘市民センター ;; esac
}
report_row() {	# DB ROW [ARGS]
	r_db=$1 r_row=$2
	shift 2
	k report monthly --db "$r_db" --month "$M" --format csv "$@" 2>/dev/null | tr -d '\r' |
		grep "^$r_row,"
}
# same_report NAME CENTER: the city's report --center CENTER is CENTER's own.
same_report() {
	k report monthly --db "$T/$2.db" --month "$M" >"$T/own" 2>&1
	k report monthly --db "$CITY" --month "$M" --center "$2" >"$T/there" 2>&1
	if grep -q '^Total ' "$T/own" && cmp -s "$T/own" "$T/there"; then ok "$1"
	else not_ok "$1" "$(diff "$T/own" "$T/there" | head -6 | tr '\n' '|')"; fi
}
# Columns of a report row that add up across centers: uses, users, fees,
# waived, the categories and the slots (not days open or occupancy).
additive() { cut -d, -f2,3,7- ; }

# --- the city and three centers, keys exchanged as staff would ---
must "init city" k init --db "$CITY" --city --name "一関市 まちづくり推進課"
must "city key" k key --db "$CITY" --out "$T/city.key"
for c in c1 c2 c3; do
	must "init $c" k init --db "$T/$c.db" --center "$c" --name "センター$c" --city-key "$T/city.key"
	must "key $c" k key --db "$T/$c.db" --out "$T/$c.key"
done
run k center add --db "$CITY" --code c1 --name "一関市民センター" --key "$T/c1.key"
expect_rc "center add c1: exit 0" 0
expect_out "center add c1: names it and its fingerprint" "Enrolled c1 (一関市民センター), key $(sed -n 's/^fingerprint: //p' "$T/c1.key")"
must "enrol c2" k center add --db "$CITY" --code c2 --name "真柴市民センター" --key "$T/c2.key"
must "enrol c3" k center add --db "$CITY" --code c3 --name "萩荘市民センター" --key "$T/c3.key"
check "three centers enrolled at the city" test "$(q "$CITY" "SELECT group_concat(code) FROM (SELECT code FROM peer ORDER BY code)")" = "c1,c2,c3"
check "each center has the city's key installed" \
	test "$(for c in c1 c2 c3; do q "$T/$c.db" "SELECT code FROM peer"; done | tr '\n' ' ')" = "city city city "

# --- records at the centers (April) ---
U() {	# DB ARGS...: adds a facility use, id in $ID
	u_db=$1
	shift
	run k add use --db "$u_db" "$@"
	[ "$RC" -eq 0 ] || not_ok "setup: add use $*" "$(head -c 300 "$T/err")"
	ID=$(cut -f1 "$T/out")
}
must "c1 room 和室" k add room --db "$T/c1.db" --name 和室 --active yes
must "c1 room 研修室" k add room --db "$T/c1.db" --name 研修室 --active yes
U "$T/c1.db" --date 2026-04-02 --start 13:00 --end 15:00 --room 和室 --group "髙橋 花子" \
	--category group --people 8 --fee 1200 --exemption 0
U "$T/c1.db" --date 2026-04-02 --start 09:00 --end 11:00 --room 研修室 --group "囲碁クラブ" \
	--category individual --people 3 --fee 500 --exemption 100
U "$T/c1.db" --date 2026-04-10 --start 18:30 --end 21:00 --room 和室 --group "センター講座" \
	--category own --people 20 --fee 0 --exemption 0
must "c1 meeting" k add meeting --db "$T/c1.db" --date 2026-04-05 --start 10:00 --end 12:00 \
	--kind board --title "運営委員会 髙橋議長報告" --attendees 12
must "c1 application" k add application --db "$T/c1.db" --program activity --fy 2026 \
	--title "夏祭り" --cost 300000 --requested 200000

must "c2 room" k add room --db "$T/c2.db" --name 大会議室 --active yes
U "$T/c2.db" --date 2026-04-03 --start 13:00 --end 16:00 --room 大会議室 --group "自治会" \
	--category body --people 30 --fee 2000 --exemption 2000
C2_GONE=$ID
U "$T/c2.db" --date 2026-04-17 --start 09:00 --end 12:00 --room 大会議室 --group "体操の会" \
	--category group --people 15 --fee 1500 --exemption 0
must "c2 application" k add application --db "$T/c2.db" --program activity --fy 2026 \
	--title "防災訓練" --cost 250000 --requested 150000
must "c2 apply" k grant apply --db "$T/c2.db" --application "防災訓練"

must "c3 room" k add room --db "$T/c3.db" --name 調理室 --active yes
U "$T/c3.db" --date 2026-04-08 --start 10:00 --end 12:00 --room 調理室 --group "料理の会" \
	--category group --people 10 --fee 800 --exemption 0
run k add booking --db "$T/c3.db" --room 調理室 --date 2026-04-22 --start 10:00 --end 12:00 \
	--group "料理の会" --category group --exemption none --status booked
C3_BOOKING=$(cut -f1 "$T/out")

# --- up: each center's file to the city ---
S1=$T/stick1
for c in c1 c2 c3; do
	export_to "$T/$c.db" "$S1"
	expect_rc "export $c: exit 0" 0
	check "export $c: prints the file, named kyodo-$c-to-city-YYYYMMDD-HHMMSS.kyodo" \
		sh -c 'printf "%s\n" "$1" | grep -Eqx "$2"' - "$F" ".*/kyodo-$c-to-city-[0-9]{8}-[0-9]{6}\\.kyodo"
	check "export $c: the file exists" test -s "$F"
	eval "F1_$c=\$F"
done
check "export: the file is readable by its owner only" test "$(stat -c %a "$F1_c1")" = 600
check "export: no temporary file left" test "$(ls -A "$S1" | grep -vc '\.kyodo$')" = 0
check "export: logged at the center" \
	test "$(q "$T/c1.db" "SELECT direction || '|' || peer || '|' || result FROM sync_log")" = "export|city|ok"

run k import --db "$CITY" "$F1_c1" "$F1_c2" "$F1_c3"
expect_rc "import three files at the city: exit 0" 0
check "import: one result line per file" test "$(wc -l <"$T/out")" -eq 3
check "import: nothing on stderr" test ! -s "$T/err"
for c in c1 c2 c3; do
	eval "f=\$F1_$c"
	check "import: the line for $c names its file and sender" grep -qF "$f: from $c: " "$T/out"
done
expect_out "import c1: counts new rows per table" "$F1_c1: from c1: 7 new, 0 updated, 0 unchanged; room +2 ~0; facility_use +3 ~0; meeting +1 ~0; application +1 ~0"
check "import: the city holds each center's uses under its origin" \
	test "$(q "$CITY" "SELECT group_concat(n) FROM (SELECT origin || ':' || count(*) AS n FROM facility_use GROUP BY origin ORDER BY origin)")" = "c1:3,c2:2,c3:1"
check "import: logged at the city, one row per file" \
	test "$(q "$CITY" "SELECT count(*) FROM sync_log WHERE direction = 'import' AND result = 'ok'")" = 3

# The city's report: one row per center; totals are the sum of the centers'.
for c in c1 c2 c3; do report_row "$T/$c.db" Total | additive; done >"$T/parts"
SUM=$(awk -F, '{ for (i = 1; i <= NF; i++) s[i] += $i; n = NF } END { for (i = 1; i <= n; i++) printf "%s%d", (i > 1 ? "," : ""), s[i]; print "" }' "$T/parts")
check "report at the city: the centers' own totals are there to add" test "$(wc -l <"$T/parts")" -eq 3
CITY_TOTAL=$(report_row "$CITY" Total | additive)
if [ "$CITY_TOTAL" = "$SUM" ]; then ok "report at the city: total = sum of the centers' totals (uses, users, fees, waived, categories, slots)"
else not_ok "report at the city: total = sum of the centers' totals" "city $CITY_TOTAL, sum $SUM"; fi
check "report at the city: uses 6, users 86, fees 6000, waived 2100" \
	test "$(report_row "$CITY" Total | cut -d, -f2,3,7,8)" = "6,86,6000,2100"
for c in c1 c2 c3; do
	own=$(report_row "$T/$c.db" Total | cut -d, -f2,3,4,7-)
	row=$(report_row "$CITY" "$(center_name "$c")" | cut -d, -f2,3,4,7-)
	# c1 used two rooms on 2026-04-02: its own Total counts room-days (3).
	if [ -n "$own" ] && [ "$own" = "$row" ]; then ok "report at the city: row $c = $c's own Total (uses, users, days used, fees …)"
	else not_ok "report at the city: row $c = $c's own Total (uses, users, days used, fees …)" "city row $row; $c's Total $own"; fi
done
for c in c1 c2 c3; do
	same_report "report --center $c at the city = $c's own report" "$c"
done

# --- an edit travels as a new version: c1 applies its draft ---
check "application at the city: version 1, draft" \
	test "$(q "$CITY" "SELECT version || '|' || status FROM application WHERE title = '夏祭り'")" = "1|draft"
must "c1 apply" k grant apply --db "$T/c1.db" --application "夏祭り"
export_to "$T/c1.db" "$T/stick2"
F2_c1=$F
run k import --db "$CITY" "$F2_c1"
expect_rc "import c1's second file: exit 0" 0
expect_out "import c1's second file: one row updated" "$F2_c1: from c1: 0 new, 1 updated, 6 unchanged; application +0 ~1"
check "application at the city: version rose to 2, applied" \
	test "$(q "$CITY" "SELECT version || '|' || status FROM application WHERE title = '夏祭り'")" = "2|applied"

# --- idempotence: the same file again changes nothing ---
data_dump "$CITY" >"$T/d1"
run k import --db "$CITY" "$F2_c1"
expect_rc "same file twice: exit 0" 0
expect_out "same file twice: the line says nothing new" "0 new, 0 updated, 7 unchanged (nothing new)"
data_dump "$CITY" >"$T/d2"
check "same file twice: the city's data unchanged" cmp -s "$T/d1" "$T/d2"
run k import --db "$CITY" "$F1_c1"
if grep -qF "not newer than the file already taken" "$T/out"; then
	ok "older file after a newer: says it is not newer, nothing changed"
else	# made in the same second as the newer one: judged row by row
	expect_out "older file after a newer: nothing new" "(nothing new)"
fi
check "older file after a newer: the application stays applied, version 2" \
	test "$(q "$CITY" "SELECT version || '|' || status FROM application WHERE title = '夏祭り'")" = "2|applied"
data_dump "$CITY" >"$T/d3"
check "older file after a newer: the city's data unchanged" cmp -s "$T/d1" "$T/d3"

# --- order: file A, then an edit and an addition, file B; B imported before A ---
export_to "$T/c3.db" "$T/stickA"
FA=$F
must "c3 cancels its booking" k booking cancel "$C3_BOOKING" --db "$T/c3.db"
U "$T/c3.db" --date 2026-04-24 --start 13:00 --end 15:00 --room 調理室 --group "親子料理" \
	--category group --people 12 --fee 800 --exemption 0
C3_LATE=$ID
export_to "$T/c3.db" "$T/stickB"
FB=$F
run k import --db "$CITY" "$FB"
expect_rc "B before A: B applies" 0
expect_out "B before A: B brings the cancelled booking as an update" "~1"
run k import --db "$CITY" "$FA"
expect_rc "B before A: A is taken" 0
# A is older than B: it says so (or, made in B's second, is judged row by
# row); either way it changes nothing.
if grep -qF "not newer than the file already taken" "$T/out"; then
	ok "B before A: A changes nothing (older than B)"
else
	expect_out "B before A: A changes nothing" "0 new, 0 updated"
fi
check "B before A: the booking stays cancelled at version 2" \
	test "$(q "$CITY" "SELECT version || '|' || status FROM booking WHERE uuid = '$C3_BOOKING'")" = "2|cancelled"
check "B before A: the use added after A stays" \
	test "$(q "$CITY" "SELECT count(*) FROM facility_use WHERE uuid = '$C3_LATE' AND deleted = 0")" = 1

# --- a tombstone travels ---
# There is no delete command on the command line (the kiosk deletes through
# record_delete), so the deletion is made as record_delete makes it:
# deleted = 1, version + 1.
q "$T/c2.db" "UPDATE facility_use SET deleted = 1, version = version + 1 WHERE uuid = '$C2_GONE'"
check "tombstone: the use is listed at the city before" sh -c "\"$KYODO\" list use --db \"$CITY\" --format csv | grep -q \"^$C2_GONE,\""
export_to "$T/c2.db" "$T/stick3"
F3_c2=$F
run k import --db "$CITY" "$F3_c2"
expect_rc "tombstone: import exit 0" 0
check "tombstone: kept at the city as deleted, version 2" \
	test "$(q "$CITY" "SELECT deleted || '|' || version FROM facility_use WHERE uuid = '$C2_GONE'")" = "1|2"
run k list use --db "$CITY" --format csv
expect_no_out "tombstone: gone from the city's list" "$C2_GONE"
check "tombstone: gone from the city's report (c2: 1 use, 15 users)" \
	test "$(report_row "$CITY" "$(center_name c2)" | cut -d, -f2,3)" = "1,15"
same_report "tombstone: report --center c2 at the city = c2's own report" c2

# --- down: the city's decisions, one file per center ---
run k grant decide --db "$CITY" --application "夏祭り" --amount 180000
expect_rc "decide 夏祭り at the city" 0
run k grant decide --db "$CITY" --application "防災訓練" --amount 150000
expect_rc "decide 防災訓練 at the city" 0
S2=$T/stick-down
export_to "$CITY" "$S2"
expect_rc "export at the city: exit 0" 0
check "export at the city: one file per center (3 lines)" test "$(wc -l <"$T/out")" -eq 3
for c in c1 c2 c3; do
	check "export at the city: a file for $c" sh -c "ls \"$S2\" | grep -Eqx 'kyodo-city-to-$c-[0-9]{8}-[0-9]{6}\\.kyodo'"
done
# Carry on with whatever files exist (one center at a time when needed).
for c in c1 c2 c3; do
	ls "$S2" | grep -q "^kyodo-city-to-$c-" || k export --db "$CITY" --out "$S2" --center "$c" >/dev/null 2>&1
	eval "D_$c=\$(ls \"$S2\"/kyodo-city-to-$c-*.kyodo 2>/dev/null | head -n 1)"
done
check "export --center: the city writes each center's file" test -n "$D_c1" -a -n "$D_c2" -a -n "$D_c3"
for c in c1 c2 c3; do
	eval "f=\$D_$c"
	run k import --db "$T/$c.db" "$f"
	expect_rc "import the city's file at $c: exit 0" 0
	expect_out "import at $c: one line from the city" "$f: from city: "
done
run k grant status --db "$T/c1.db" --format csv
check "c1: 夏祭り decided, 180000" sh -c "tr -d '\r' <\"$T/out\" | grep -q ',c1,activity,2026,夏祭り,decided,200000,180000,'"
run k grant status --db "$T/c1.db"
expect_out "c1: grant status says Decided" "Decided"
expect_out "c1: grant status shows ¥180,000" "180,000"
check "c1: only its own decision came" test "$(q "$T/c1.db" "SELECT group_concat(center) FROM decision")" = c1
run k grant status --db "$T/c2.db" --format csv
check "c2: 防災訓練 decided, 150000" sh -c "tr -d '\r' <\"$T/out\" | grep -q ',c2,activity,2026,防災訓練,decided,150000,150000,'"
check "c3: no decision arrived (it has no application)" test "$(q "$T/c3.db" "SELECT count(*) FROM decision")" = 0
run k import --db "$T/c1.db" "$D_c1"
expect_out "the city's file twice at c1: nothing new" "(nothing new)"

run k center list --db "$CITY"
expect_rc "center list: exit 0" 0
check "center list: one line per center" test "$(wc -l <"$T/out")" -eq 3
for c in c1 c2 c3; do
	check "center list: $c with its name" grep -q "^$c  *$(q "$CITY" "SELECT name FROM peer WHERE code = '$c'")" "$T/out"
done
check "center list: c1's last file is the newest taken, not the older one imported after it" grep -q "^c1 .*$(basename "$F2_c1")" "$T/out"
check "center list: c2's last file" grep -q "^c2 .*$(basename "$F3_c2")" "$T/out"
check "center list: c3's last file is the newest (B), though A was imported after it" grep -q "^c3 .*$(basename "$FB")" "$T/out"
expect_no_out "center list: no center flagged as silent" "not heard from"

# --- refusals: each leaves the receiving store exactly as it was ---
GOOD=$F2_c1
BASE=$(basename "$GOOD")
SIZE=$(wc -c <"$GOOD")
mkdir -p "$T/bad"
# The layout: magic 8, version 4, sender (1+2), receiver (1+4), created 15,
# sealed file key 80, stream header 24, then chunks (length 4 + data), then
# the signature (64).
HDR=35
for pos in 0 4 7 8 9 11 12 13 14 15 17 19 20 22 27 34 \
	$HDR $((HDR + 16)) $((HDR + 31)) $((HDR + 32)) $((HDR + 60)) $((HDR + 79)) \
	$((HDR + 80)) $((HDR + 95)) $((HDR + 103)) \
	$((HDR + 104)) $((HDR + 105)) $((HDR + 107)) $((HDR + 108)) \
	$((SIZE / 5)) $((SIZE / 3)) $((SIZE / 2)) $((SIZE * 2 / 3)) $((SIZE - 200)) \
	$((SIZE - 65)) $((SIZE - 64)) $((SIZE - 50)) $((SIZE - 33)) $((SIZE - 32)) $((SIZE - 1)); do
	cp "$GOOD" "$T/bad/$BASE"
	b=$(od -An -tu1 -j "$pos" -N1 "$GOOD" | tr -d ' ')
	# shellcheck disable=SC2059
	printf "$(printf '\\%03o' $((b ^ 1)))" | dd of="$T/bad/$BASE" bs=1 seek="$pos" conv=notrunc 2>/dev/null
	if cmp -s "$GOOD" "$T/bad/$BASE"; then
		not_ok "one flipped byte at $pos" "the copy did not change"
		continue
	fi
	refused "one flipped byte at $pos of $SIZE: refused, store unchanged" "$CITY" "$T/bad/$BASE"
done

head -c $((SIZE - 100)) "$GOOD" >"$T/bad/$BASE"
refused "truncated file: refused" "$CITY" "$T/bad/$BASE"
head -c 140 "$GOOD" >"$T/bad/$BASE"
refused "file cut inside its header: refused as damaged" "$CITY" "$T/bad/$BASE" "damaged"
head -c 40 "$GOOD" >"$T/bad/$BASE"
refused "file shorter than a signature: refused" "$CITY" "$T/bad/$BASE" "not a kyodo sync file"
: >"$T/bad/$BASE"
refused "empty file: refused as not a kyodo file" "$CITY" "$T/bad/$BASE" "not a kyodo sync file"
head -c 5000 /dev/urandom >"$T/bad/$BASE"
refused "random bytes: refused as not a kyodo file" "$CITY" "$T/bad/$BASE" "not a kyodo sync file"
{ head -c 8 "$GOOD"; head -c 4000 /dev/urandom; } >"$T/bad/$BASE"
refused "the magic, then random bytes: refused" "$CITY" "$T/bad/$BASE"
refused "a file that is not there: refused" "$CITY" "$T/bad/nothing.kyodo" "Cannot read"

cp "$GOOD" "$T/bad/$BASE"
printf '\003\000\000\000' | dd of="$T/bad/$BASE" bs=1 seek=8 conv=notrunc 2>/dev/null
refused "format field changed: refused as damaged, not as a newer kyodo" "$CITY" "$T/bad/$BASE" "damaged or forged"

RENAMED=$(dirname "$GOOD")/kyodo-c1-to-city-20200101-000000.kyodo
cp "$GOOD" "$RENAMED"
refused "a renamed file: refused" "$CITY" "$RENAMED" "renamed"

must "init c4 (not enrolled)" k init --db "$T/c4.db" --center c4 --name "未登録センター" --city-key "$T/city.key"
export_to "$T/c4.db" "$T/stick4"
refused "a file from a center not enrolled: refused" "$CITY" "$F" "not enrolled"

refused "the city's file for c2 imported at c1: refused" "$T/c1.db" "$D_c2" "addressed to c2"
refused "c1's file imported at c2 (wrong direction): refused" "$T/c2.db" "$GOOD" "addressed to city"
refused "the city's file imported at the city: refused" "$CITY" "$D_c1" "addressed to c1"

# A second store made with the code c1 signs with a key the city does not know.
must "init another c1" k init --db "$T/c1b.db" --center c1 --name "偽センター" --city-key "$T/city.key"
must "key of the other c1" k key --db "$T/c1b.db" --out "$T/c1b.key"
must "a record at the other c1" k add room --db "$T/c1b.db" --name 偽室 --active yes
export_to "$T/c1b.db" "$T/stick5"
FORGED=$F
refused "a file signed by another key under c1's code: refused" "$CITY" "$FORGED" "signature"

# --- a link at the file's name is refused, never written through ---
mkdir -p "$T/linked"
now=$(date -u +%s)
for d in 0 1 2 3 4 5; do
	ln -s "$T/linked-target" "$T/linked/kyodo-c1-to-city-$(date -u -d "@$((now + d))" +%Y%m%d-%H%M%S).kyodo"
done
run "$KYODO" --lang en export --db "$T/c1.db" --out "$T/linked"
expect_rc "export over a link at the file's name: refused" 1
expect_err "export over a link: says it does not write through one" "symbolic link"
check "export over a link: nothing written where it points" test ! -e "$T/linked-target"

# --- failed writes leave no file and change nothing ---
mkdir -p "$T/full"
dump "$T/c1.db" >"$T/before"
run env KYODO_FAULT_WRITE_LIMIT=1000 "$KYODO" --lang en export --db "$T/c1.db" --out "$T/full"
dump "$T/c1.db" >"$T/after"
expect_rc "stick full after 1000 bytes: exit 1" 1
expect_err "stick full: says the file could not be written" "Could not write the file"
check "stick full: one line on stderr" test "$(wc -l <"$T/err")" -eq 1
check "stick full: no file under a final name" test "$(ls "$T/full" | grep -c '\.kyodo$')" = 0
check "stick full: no temporary file left" test -z "$(ls -A "$T/full")"
check "stick full: the store unchanged" cmp -s "$T/before" "$T/after"
run env KYODO_FAULT_WRITE_LIMIT=0 "$KYODO" --lang en export --db "$T/c1.db" --out "$T/full"
check "stick full at once: exit 1, no file" test "$RC" -eq 1 -a -z "$(ls -A "$T/full")"

dump "$T/c1.db" >"$T/before"
run k export --db "$T/c1.db" --out "$T/no-such-stick"
dump "$T/c1.db" >"$T/after"
expect_rc "missing folder: exit 1" 1
expect_err "missing folder: names it" "$T/no-such-stick is not a folder"
check "missing folder: nothing made" test ! -e "$T/no-such-stick"
check "missing folder: the store unchanged" cmp -s "$T/before" "$T/after"
if [ "$(id -u)" -eq 0 ]; then
	ok "read-only folder: exit 1 # SKIP root writes to a 555 folder"
else
	mkdir -p "$T/ro"
	chmod 555 "$T/ro"
	run k export --db "$T/c1.db" --out "$T/ro"
	expect_rc "read-only folder: exit 1" 1
	expect_err "read-only folder: says why" "Could not write the file to $T/ro"
	check "read-only folder: nothing there" test -z "$(ls -A "$T/ro")"
	chmod 755 "$T/ro"
fi

# --- no readable personal data in the file ---
for word in "髙橋 花子" "運営委員会 髙橋議長報告" "囲碁クラブ" "センターc1"; do
	n=$(LC_ALL=C grep -c -F -- "$word" "$T/c1.db" "$T/c1.db-wal" 2>/dev/null | awk -F: '{ s += $NF } END { print s + 0 }')
	if [ "$n" -eq 0 ]; then not_ok "no plaintext: '$word'" "not even in the store, so the check proves nothing"; continue; fi
	check "no plaintext of '$word' in c1's file" test "$(LC_ALL=C grep -c -F -- "$word" "$GOOD")" = 0
done
check "no plaintext of the decision's application in the city's file" \
	test "$(LC_ALL=C grep -c -F -- "夏祭り" "$D_c1")" = 0
check "no SQLite header in the file" test "$(LC_ALL=C grep -c -F -- "SQLite format 3" "$GOOD")" = 0

# --- a store moved to another machine ---
mkdir -p "$T/moved"
dump "$T/c2.db" >"$T/before"
run env KYODO_MACHINE_ID=other "$KYODO" --lang en export --db "$T/c2.db" --out "$T/moved"
expect_rc "moved store: export refused" 1
expect_err "moved store: names the store" "センターc2"
expect_err "moved store: says how to accept it" "kyodo key --accept-machine"
check "moved store: no file written" test -z "$(ls -A "$T/moved")"
dump "$T/c2.db" >"$T/after"
check "moved store: the store unchanged" cmp -s "$T/before" "$T/after"
run env KYODO_MACHINE_ID=other "$KYODO" --lang en key --db "$T/c2.db" --accept-machine
expect_rc "accept-machine: exit 0" 0
check "accept-machine: audited" test "$(q "$T/c2.db" "SELECT count(*) FROM audit WHERE action = 'machine-moved' AND summary = 'other'")" = 1
run env KYODO_MACHINE_ID=other "$KYODO" --lang en export --db "$T/c2.db" --out "$T/moved"
expect_rc "accepted store: export works" 0
run k export --db "$T/c2.db" --out "$T/moved2"
expect_rc "back on the first machine: refused until accepted again" 1
must "accept back" k key --db "$T/c2.db" --accept-machine

# --- keys ---
run k key --db "$T/c1.db"
expect_rc "key: exit 0" 0
check "key: prints the fingerprint, 24 hex digits in groups of 4" \
	grep -Eqx 'c1 fingerprint [0-9A-F]{4}(-[0-9A-F]{4}){5}' "$T/out"
FP1=$(sed 's/^c1 fingerprint //' "$T/out")
check "key --out: the file has the same fingerprint line" grep -qx "fingerprint: $FP1" "$T/c1.key"
check "key --out: the file names the code" grep -qx "code: c1" "$T/c1.key"
check "key --out: the file holds no secret (4 fields + name + first line)" test "$(wc -l <"$T/c1.key")" -eq 6
run k key --db "$T/c1b.db"
check "key: another store with the same code has another fingerprint" test "$(sed 's/^c1 fingerprint //' "$T/out")" != "$FP1"

# One character changed in the signing key: the fingerprint no longer matches.
awk '/^sign: / { c = substr($0, 12, 1); $0 = substr($0, 1, 11) (c == "A" ? "B" : "A") substr($0, 13) } { print }' \
	"$T/c3.key" >"$T/c3-bad.key"
check "altered key file: differs in one character" test "$(cmp -l "$T/c3.key" "$T/c3-bad.key" | wc -l)" -eq 1
dump "$CITY" >"$T/before"
run k center add --db "$CITY" --code c3 --name "萩荘市民センター" --key "$T/c3-bad.key"
expect_rc "altered key file: refused" 1
expect_err "altered key file: says it was altered" "fingerprint does not match"
dump "$CITY" >"$T/after"
check "altered key file: the city unchanged" cmp -s "$T/before" "$T/after"
sed 's/^box: ./box: !/' "$T/c3.key" >"$T/c3-bad.key"
run k center add --db "$CITY" --code c3 --name "萩荘市民センター" --key "$T/c3-bad.key"
expect_rc "key file with a broken box key: refused" 1
printf 'hello\n' >"$T/junk.key"
run k center add --db "$CITY" --code c3 --name x --key "$T/junk.key"
expect_rc "not a key file: refused" 1
expect_err "not a key file: says so" "not a kyodo public key file"

run k key --db "$T/c1.db" --city "$T/c2.key"
expect_rc "key --city with a center's key: refused" 1
expect_err "key --city with a center's key: names whose key it is" "key of c2, not of the city"
run k key --db "$CITY" --city "$T/city.key"
expect_rc "key --city at the city: refused" 1
run k init --db "$T/c5.db" --center c5 --name x --city-key "$T/c1.key"
expect_rc "init --city-key with a center's key: refused" 1
check "init --city-key with a center's key: no store made" test ! -e "$T/c5.db"
run k key --db "$T/c1.db" --city "$T/city.key"
expect_rc "key --city with the same city key again: exit 0" 0
run k key --db "$T/c1.db" --city "$T/c1b.key"
expect_rc "key --city with a center's key named c1: refused" 1

dump "$CITY" >"$T/before"
run k center add --db "$CITY" --code c1 --name "偽センター" --key "$T/c1b.key"
expect_rc "another key for c1: refused without --replace" 1
expect_err "another key for c1: says it is enrolled with another key" "c1 is enrolled with another key"
dump "$CITY" >"$T/after"
check "another key for c1: the city unchanged" cmp -s "$T/before" "$T/after"
run k center add --db "$CITY" --code c2 --name "真柴" --key "$T/c1.key"
expect_rc "c1's key enrolled as c2: refused" 1
run k center add --db "$CITY" --code c1 --name "一関市民センター" --key "$T/c1.key"
expect_rc "the same key again: exit 0" 0
run k center add --db "$CITY" --code c1 --name "偽センター" --key "$T/c1b.key" --replace
expect_rc "another key for c1 with --replace: exit 0" 0
run k import --db "$CITY" "$FORGED"
expect_rc "after --replace: the other c1's file is taken" 0
refused "after --replace: the first c1's file is refused" "$CITY" "$GOOD" "signature"
must "replace back" k center add --db "$CITY" --code c1 --name "一関市民センター" --key "$T/c1.key" --replace
run k import --db "$CITY" "$GOOD"
expect_rc "replaced back: c1's file is taken again" 0

# --- the city's view of a center stays the center's own ---
# A room a center did not use this month is still a row of its own report.
must "c2 room 児童室" k add room --db "$T/c2.db" --name 児童室 --active yes
export_to "$T/c2.db" "$T/stick6"
must "import c2 (児童室)" k import --db "$CITY" "$F"
same_report "report --center c2 = c2's own report with an unused room" c2
# A day c1 closes is not a day c3 closes.
must "c1 closed day" k add closed --db "$T/c1.db" --date 2026-04-29 --reason "館内工事"
export_to "$T/c1.db" "$T/stick7"
must "import c1 (closed day)" k import --db "$CITY" "$F"
check "closed day at c1: c1's own report has 29 days open" \
	test "$(report_row "$T/c1.db" 和室 | cut -d, -f5)" = 29
check "closed day at c1: the city's report for c1 has 29 days open" \
	test "$(report_row "$CITY" 和室 --center c1 | cut -d, -f5)" = 29
check "closed day at c1: the city's report for c3 keeps 30 days open, as c3's own" \
	test "$(report_row "$CITY" 調理室 --center c3 | cut -d, -f5)" = "$(report_row "$T/c3.db" 調理室 | cut -d, -f5)"

# Every center has a 和室: c3 adds one too, and its file must still be taken.
must "c3 room 和室" k add room --db "$T/c3.db" --name 和室 --active yes
export_to "$T/c3.db" "$T/stick8"
run k import --db "$CITY" "$F"
expect_rc "two centers with a room of the same name: c3's file is taken" 0
check "two centers with a room of the same name: both rooms at the city" \
	test "$(q "$CITY" "SELECT count(*) FROM room WHERE name = '和室' AND deleted = 0")" = 2

# --- a center put back from its backup: what it does next still reaches the city ---
run k add booking --db "$T/c2.db" --room 大会議室 --date 2026-04-25 --start 13:00 --end 15:00 \
	--group "体操の会" --category group --exemption none --status booked
B2=$(cut -f1 "$T/out")
export_to "$T/c2.db" "$T/stick9"
must "import c2 (booking)" k import --db "$CITY" "$F"
must "backup c2" k backup --db "$T/c2.db" --out "$T/c2-backup.db"
must "c2 cancels" k booking cancel "$B2" --db "$T/c2.db"
export_to "$T/c2.db" "$T/stick10"
must "import c2 (cancelled)" k import --db "$CITY" "$F"
run k restore --db "$T/c2.db" --from "$T/c2-backup.db"
expect_rc "restore c2 from its backup" 0
run env KYODO_TODAY=2026-04-25 "$KYODO" --lang en booking check-in "$B2" --db "$T/c2.db" --people 14
expect_rc "restored c2 checks the booking in" 0
check "restored c2: the booking is used" test "$(q "$T/c2.db" "SELECT status FROM booking WHERE uuid = '$B2'")" = used
export_to "$T/c2.db" "$T/stick11"
run k import --db "$CITY" "$F"
expect_rc "restored c2's file: taken" 0
check "restored c2's file: the city shows the booking as c2 does (used)" \
	test "$(q "$CITY" "SELECT status FROM booking WHERE uuid = '$B2'")" = used

# --- many files in one command: applied nine to a transaction, each file
# standing or falling alone ---
must "c1 meeting (batch)" k add meeting --db "$T/c1.db" --date 2026-04-26 --start 10:00 --end 11:00 \
	--title "まとめて会議" --kind board
export_to "$T/c1.db" "$T/stick12"
FB1=$F
must "c3 meeting (batch)" k add meeting --db "$T/c3.db" --date 2026-04-27 --start 10:00 --end 11:00 \
	--title "まとめて会議" --kind board
export_to "$T/c3.db" "$T/stick12"
FB3=$F
mkdir -p "$T/bad12"
cp "$FB3" "$T/bad12/"
BADB=$T/bad12/$(basename "$FB3")
printf 'x' | dd of="$BADB" bs=1 seek=$(($(wc -c <"$BADB") / 2)) conv=notrunc 2>/dev/null
# Twelve names: c1's file, then c1's again six times, the damaged one tenth
# (the second transaction), c3's eleventh and c1's once more.
run k import --db "$CITY" "$FB1" "$FB1" "$FB1" "$FB1" "$FB1" "$FB1" "$FB1" "$FB1" "$FB1" \
	"$BADB" "$FB3" "$FB1"
expect_rc "twelve files, one damaged: exit 1" 1
check "twelve files: the damaged one alone is refused, by name" \
	sh -c 'test "$(wc -l <"$1")" -eq 1 && grep -qF "$2: refused: " "$1"' - "$T/err" "$BADB"
check "twelve files: eleven result lines" test "$(wc -l <"$T/out")" -eq 11
check "twelve files: c1's file applied once (1 new), then nothing new eight times" \
	sh -c 'test "$(grep -c "from c1: 1 new, 0 updated" "$1")" -eq 1 &&
	    test "$(grep -c "from c1: 0 new, 0 updated" "$1")" -eq 9' - "$T/out"
check "twelve files: c3's file, after the refused one, applied" grep -qF "$FB3: from c3: 1 new, 0 updated" "$T/out"
check "twelve files: both meetings at the city" \
	test "$(q "$CITY" "SELECT count(*) FROM meeting WHERE title = 'まとめて会議'")" = 2
# The log keeps each sender's latest file: c1's once (its repeats brought
# nothing and are not newer), c3's once.
check "twelve files: logged once per file that was new (2)" \
	test "$(q "$CITY" "SELECT count(*) FROM sync_log WHERE file IN ('$FB1', '$FB3')")" = 2
check "twelve files: nothing of the damaged file logged" \
	test "$(q "$CITY" "SELECT count(*) FROM sync_log WHERE file = '$BADB'")" = 0
# A full disk: no file of the batch is taken, and the store is as it was.
must "c3 meeting (full disk)" k add meeting --db "$T/c3.db" --date 2026-04-28 --start 10:00 --end 11:00 \
	--title "満杯の日" --kind board
export_to "$T/c3.db" "$T/stick13"
: >"$T/full-flag"
dump "$CITY" >"$T/before13"
run env KYODO_FAULT_FULL="$T/full-flag" "$KYODO" --lang en import --db "$CITY" "$FB1" "$F"
dump "$CITY" >"$T/after13"
rm -f "$T/full-flag"
expect_rc "two files on a full disk: exit 1" 1
check "two files on a full disk: both refused, saying the disk is full" \
	sh -c 'test "$(grep -c "refused: .*the disk is full" "$1")" -eq 2' - "$T/err"
check "two files on a full disk: the store unchanged" cmp -s "$T/before13" "$T/after13"
run k import --db "$CITY" "$F"
expect_rc "the same file once there is room: taken" 0
check "the same file once there is room: the meeting arrives" \
	test "$(q "$CITY" "SELECT count(*) FROM meeting WHERE title = '満杯の日'")" = 1
