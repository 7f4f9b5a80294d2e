#!/bin/sh
# kyodo import against files an attacker crafts: an enrolled center (c1)
# that holds its own secret keys and the city's public key, and so signs
# whatever it likes; and the city, toward a center.  Each file is made by
# tests/tools/craft (written from the file format, no kyodo code) from a
# genuine inner database, changed with the sqlite3 shell, sealed and signed
# with the sender store's own keys.  Every such file must be refused whole:
# exit 1, one sentence in kyodo's words on stderr (no control bytes, no
# SQLite text), the receiving store's data and schema exactly as before,
# within a bounded time and memory, with the store usable meanwhile.
#
# Before the attacks, controls show the crafting is sound: c1's genuine
# inner database re-sealed by craft is taken, and one with a new honest
# row is applied.  The store is put back from a copy after each case, so
# every case starts from the same city.
. "$(dirname "$0")/../lib.sh"
set -u

CRAFT=$(cd "$(dirname "$0")/../.." && pwd)/$BUILD/tests/craft
CITY=$T/city.db
if [ ! -x "$CRAFT" ]; then
	not_ok "craft is built" "$CRAFT is missing (make BUILD=$BUILD $BUILD/tests/craft)"
	exit 1
fi

k() { "$KYODO" --lang en "$@"; }
q() { sqlite3 "$1" "$2"; }	# DB SQL: one value


# The store's schema and data, without the logs an import adds (sync_log,
# audit): a refused file must leave this exactly as it was.
snap() {	# DB
	sqlite3 "$1" .schema
	for s_t in $(q "$1" "SELECT name FROM sqlite_master WHERE type = 'table' AND
	    name NOT IN ('sync_log', 'audit') ORDER BY name"); do
		sqlite3 "$1" ".dump $s_t"
	done
}
# keep_base DB / restore DB: a copy of DB to start every case from.
keep_base() { rm -f "$1.base" && sqlite3 "$1" ".backup '$1.base'"; }
restore() { rm -f "$1-wal" "$1-shm" && cp "$1.base" "$1"; }

# What the user sees of stderr, safe for a TAP line.
shown() { head -c 300 "$T/err" | cat -v | tr '\n' '|'; }

# Why $T/err is not one clean sentence naming NAMED (empty when it is).
clean_why() {	# NAMED
	c_why=
	c_n=$(wc -l <"$T/err")
	[ "$c_n" -eq 1 ] || c_why="$c_n lines on stderr;"
	grep -qF -- "$1" "$T/err" || c_why="$c_why does not name the file ('$1');"
	if tr -d '\n' <"$T/err" | LC_ALL=C grep -q '[[:cntrl:]]'; then
		c_why="$c_why a control byte (ESC, CR, …);"
	fi
	if LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$T/err"; then
		c_why="$c_why a C1 control character;"
	fi
	if grep -qiE 'constraint|sqlite|no such (table|column)|syntax error|malformed|file is not a database|interrupted' "$T/err"; then
		c_why="$c_why SQLite's own text;"
	fi
}

# Japanese in the sentence itself (after "kyodo: FILE: <refused>: "): kana
# or kanji, not only the translated prefix, and no English phrase (three
# words in a row) left untranslated.
japanese_sentence() {	# FILE
	sed "s|^kyodo: $1: [^:]*: ||" "$T/err" >"$T/sentence"
	LC_ALL=C grep -q -e "$(printf '\343[\201-\203]')" -e "$(printf '[\344-\351][\200-\277][\200-\277]')" "$T/sentence" &&
		! grep -qE '[A-Za-z]+ +[A-Za-z]+ +[A-Za-z]+' "$T/sentence"
}

# ---- crafting: each case starts from a fresh copy of a genuine inner db ----
NCASE=0
fresh() {	# [GENUINE]: a copy of GENUINE (c1's genuine inner database) in $I
	NCASE=$((NCASE + 1))
	I=$T/inner$NCASE.db
	BROKEN=
	F=
	cp "${1:-$G1}" "$I" 2>/dev/null || BROKEN="no genuine inner database to start from; "
}
sq() {	# SQL...: runs SQL on $I; a failure breaks the case
	sqlite3 "$I" "$@" >"$T/sq.out" 2>&1 || BROKEN="${BROKEN}sqlite3: $(head -c 200 "$T/sq.out"); "
}
val() { sqlite3 "$I" "$1" 2>/dev/null; }
expect_inner() {	# SQL WANT: breaks the case unless SQL on $I gives WANT
	e_got=$(val "$1")
	[ "$e_got" = "$2" ] || BROKEN="${BROKEN}the inner database does not hold what the case needs ($1 gave '$e_got', not '$2'); "
}
# bump TABLE SET: SET on TABLE's first row, as a new version of it (SET
# must leave version alone: of two assignments SQLite keeps the last).
bump() {
	case $2 in *version*) BROKEN="${BROKEN}bump $1: SET names version; "; return ;; esac
	sq "UPDATE \"$1\" SET $2, version = version + 1 WHERE rowid = (SELECT min(rowid) FROM \"$1\"); SELECT changes();"
	[ "$(cat "$T/sq.out")" = 1 ] || BROKEN="${BROKEN}bump $1: $(head -c 100 "$T/sq.out"); "
}
# newrow TABLE UUID SET: a copy of TABLE's first row under UUID, with SET.
newrow() {
	sq "CREATE TEMP TABLE craft_r AS SELECT * FROM \"$1\" LIMIT 1; UPDATE craft_r SET uuid = '$2', $3;
	    INSERT INTO \"$1\" SELECT * FROM craft_r; SELECT changes();"
	[ "$(cat "$T/sq.out")" = 1 ] || BROKEN="${BROKEN}newrow $1: $(head -c 100 "$T/sq.out"); "
}
# retype TABLE SED: TABLE made again from its CREATE statement edited by SED
# (the rows kept), e.g. a column's declared type or collation changed.
retype() {
	r_sql=$(val "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '$1'")
	r_new=$(printf '%s\n' "$r_sql" | sed "$2")
	if [ -z "$r_sql" ] || [ "$r_new" = "$r_sql" ]; then
		BROKEN="${BROKEN}retype $1: '$2' changes nothing in: $r_sql; "
		return
	fi
	sq "ALTER TABLE \"$1\" RENAME TO craft_old; $r_new; INSERT INTO \"$1\" SELECT * FROM craft_old; DROP TABLE craft_old;"
}
# view_of TABLE SET [endless]: TABLE replaced by a view of the same columns
# returning its first row with SET (endless: that row forever).
view_of() {
	sq "CREATE TABLE craft_r AS SELECT * FROM \"$1\" LIMIT 1; UPDATE craft_r SET $2;"
	v_cols=$(val "SELECT group_concat('\"' || name || '\"', ', ') FROM pragma_table_info('$1')")
	v_vals=$(sqlite3 "$I" ".mode insert x" "SELECT * FROM craft_r")
	v_vals=${v_vals#*VALUES(}
	v_vals=${v_vals%);}
	if [ "${3:-}" = endless ]; then
		sq "DROP TABLE craft_r; DROP TABLE \"$1\"; CREATE VIEW \"$1\" ($v_cols) AS
		    WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT $v_vals FROM r;"
	else
		sq "DROP TABLE craft_r; DROP TABLE \"$1\"; CREATE VIEW \"$1\" ($v_cols) AS SELECT $v_vals;"
	fi
	expect_inner "SELECT type FROM sqlite_master WHERE name = '$1'" view
	# The row count the description gives is the view's (craft counts tables only).
	if [ "$(val "SELECT count(*) FROM sqlite_master WHERE name = 'bundle_meta'")" = 1 ]; then
		sq "UPDATE bundle_meta SET value = '1' WHERE key = 'rows_$1';"
	fi
}
# poke OFFSET OCTAL-BYTES: writes bytes into $I's file at OFFSET.
poke() {
	# shellcheck disable=SC2059
	printf "$2" | dd of="$I" bs=1 seek="$1" conv=notrunc 2>/dev/null || BROKEN="${BROKEN}poke $1; "
}
# seal [ARGS]: $I from c1 to the city, in a folder of its own; path in $F.
seal() {
	F=$("$CRAFT" seal --from "$T/c1.db" --to "$T/city.key" --inner "$I" --out "$T/x$NCASE" "$@" 2>"$T/craft.err") ||
		BROKEN="${BROKEN}craft: $(head -c 200 "$T/craft.err"); "
}
# seal_city: $I from the city to c1.
seal_city() {
	F=$("$CRAFT" seal --from "$CITY" --to "$T/c1.key" --inner "$I" --out "$T/x$NCASE" 2>"$T/craft.err") ||
		BROKEN="${BROKEN}craft: $(head -c 200 "$T/craft.err"); "
}

# import_checks NAME DB LANG [LIMIT]: imports $F at DB (under a memory LIMIT
# in KiB when given) and checks the refusal; the store is put back after.
import_checks() {
	i_name=$1 i_db=$2 i_lang=$3 i_limit=${4:-}
	[ "$i_limit" != unlimited ] || i_limit=
	snap "$i_db" >"$T/before"
	if [ -n "$i_limit" ]; then
		run sh -c 'ulimit -v "$1" && shift && exec timeout 60 "$@"' - "$i_limit" \
			"$KYODO" --lang "$i_lang" import --db "$i_db" "$F"
	else
		run timeout 60 "$KYODO" --lang "$i_lang" import --db "$i_db" "$F"
	fi
	snap "$i_db" >"$T/after"
	case $RC in
	1) ok "$i_name: refused (exit 1)" ;;
	124) not_ok "$i_name: refused (exit 1)" "still running after 60 s (killed); stderr: $(shown)" ;;
	134 | 139) not_ok "$i_name: refused (exit 1)" "crashed (exit $RC); stderr: $(shown)" ;;
	*) not_ok "$i_name: refused (exit 1)" "exit $RC; stdout: $(head -c 200 "$T/out" | tr '\n' '|'); stderr: $(shown)" ;;
	esac
	if [ "$i_lang" = en ]; then clean_why "$F: refused: "; else clean_why "$F"; fi
	if [ -z "$c_why" ]; then ok "$i_name: one clean sentence on stderr"
	else not_ok "$i_name: one clean sentence on stderr" "$c_why stderr: $(shown)"; fi
	if [ "$i_lang" = ja ]; then
		if japanese_sentence "$F"; then ok "$i_name: the sentence is in Japanese"
		else not_ok "$i_name: the sentence is in Japanese" "stderr: $(shown)"; fi
	fi
	if cmp -s "$T/before" "$T/after"; then ok "$i_name: the store unchanged"
	else not_ok "$i_name: the store unchanged" "$(diff "$T/before" "$T/after" | grep -a '^[<>]' | head -4 | cut -c 1-160 | cat -v | tr '\n' '|')"; fi
	# ATTACK_VERBOSE=1: what was said, as a TAP comment.
	[ -z "${ATTACK_VERBOSE:-}" ] || echo "# $i_name: exit $RC: $(shown)"
}

# refused NAME [DB [LANG [LIMIT]]]: the crafted $F, imported at DB (the
# city), is refused whole; DB is put back from its base copy after.
refused() {
	r_name=$1 r_db=${2:-$CITY} r_lang=${3:-en}
	if [ -n "$BROKEN" ] || [ ! -s "${F:-}" ]; then
		not_ok "$r_name: setup" "${BROKEN:-no file was crafted}"
		return
	fi
	import_checks "$r_name" "$r_db" "$r_lang" "${4:-}"
	restore "$r_db"
}

# The memory the 'n' cases allow an import (KiB); a sanitizer's shadow
# memory or valgrind needs more than that before kyodo even starts.
MEM=1000000
if [ -n "${KYODO_VALGRIND:-}" ] || LC_ALL=C grep -q __asan_init "$(dirname "$0")/../../$BUILD/kyodo" 2>/dev/null; then
	MEM=unlimited
fi

# ======================= the city, c1 and c2 =======================
must "init city" k init --db "$CITY" --city --name "一関市 まちづくり推進課"
must "city key" k key --db "$CITY" --out "$T/city.key"
for c in c1 c2; do
	must "init $c" k init --db "$T/$c.db" --center "$c" --name "センター$c" --city-key "$T/city.key"
	must "key $c" k key --db "$T/$c.db" --out "$T/$c.key"
	must "enrol $c" k center add --db "$CITY" --code "$c" --name "センター$c" --key "$T/$c.key"
done

id_of() {	# WHAT CMD ARGS...: runs a setup step, leaving the new record's id in $ID
	i_what=$1
	shift
	ID=
	if "$@" >"$T/must" 2>&1; then ID=$(cut -f1 "$T/must" | head -n 1)
	else not_ok "setup: $i_what" "$(head -c 300 "$T/must")"; fi
}
must "c1 room 和室" k add room --db "$T/c1.db" --name 和室 --active yes
must "c1 room 研修室" k add room --db "$T/c1.db" --name 研修室 --active yes
must "c1 meeting" k add meeting --db "$T/c1.db" --date 2026-04-05 --start 10:00 --end 12:00 \
	--kind board --title "運営委員会" --attendees 12
must "c1 booking" k add booking --db "$T/c1.db" --room 和室 --date 2026-04-22 --start 10:00 \
	--end 12:00 --group "料理の会" --category group --exemption none --status booked
must "c1 use" k add use --db "$T/c1.db" --date 2026-04-02 --start 13:00 --end 15:00 --room 和室 \
	--group "囲碁クラブ" --category group --people 8 --fee 1200 --exemption 0
must "c1 application" k add application --db "$T/c1.db" --program activity --fy 2026 \
	--title "夏祭り" --cost 300000 --requested 200000
must "c1 expense" k add expense --db "$T/c1.db" --application "夏祭り" --date 2026-04-10 \
	--item "チラシ印刷" --amount 5000
must "c1 apply" k grant apply --db "$T/c1.db" --application "夏祭り"

id_of "c2 room" k add room --db "$T/c2.db" --name 大会議室 --active yes
C2_ROOM=$ID
id_of "c2 meeting" k add meeting --db "$T/c2.db" --date 2026-04-06 --start 19:00 --end 21:00 \
	--kind round-table --title "自治会長会議"
C2_MEETING=$ID
must "c2 booking" k add booking --db "$T/c2.db" --room 大会議室 --date 2026-04-23 --start 13:00 \
	--end 15:00 --group "体操の会" --category group --exemption none --status booked
must "c2 use" k add use --db "$T/c2.db" --date 2026-04-03 --start 13:00 --end 16:00 \
	--room 大会議室 --group "自治会" --category body --people 30 --fee 2000 --exemption 2000
id_of "c2 application" k add application --db "$T/c2.db" --program activity --fy 2026 \
	--title "防災訓練" --cost 250000 --requested 150000
C2_APP=$ID
must "c2 expense" k add expense --db "$T/c2.db" --application "防災訓練" --date 2026-04-12 \
	--item "備品" --amount 8000
must "c2 apply" k grant apply --db "$T/c2.db" --application "防災訓練"

# --- baseline: both files up, the city's decision down to c1 ---
mkdir -p "$T/stick1"
run k export --db "$T/c1.db" --out "$T/stick1"
F1_c1=$(head -n 1 "$T/out")
run k export --db "$T/c2.db" --out "$T/stick1"
F1_c2=$(head -n 1 "$T/out")
run k import --db "$CITY" "$F1_c1" "$F1_c2"
expect_rc "baseline: c1's and c2's files taken at the city" 0
check "baseline: c2's meeting, room and application are at the city" test \
	"$(q "$CITY" "SELECT (SELECT count(*) FROM meeting WHERE uuid = '$C2_MEETING') ||
	    (SELECT count(*) FROM room WHERE uuid = '$C2_ROOM') ||
	    (SELECT count(*) FROM application WHERE uuid = '$C2_APP')")" = 111
must "decide 夏祭り" k grant decide --db "$CITY" --application "夏祭り" --amount 180000
mkdir -p "$T/down"
run k export --db "$CITY" --out "$T/down" --center c1
D_c1=$(head -n 1 "$T/out")
run k import --db "$T/c1.db" "$D_c1"
expect_rc "baseline: the city's file taken at c1" 0
check "baseline: c1 holds the city's decision" test "$(q "$T/c1.db" "SELECT count(*) FROM decision")" = 1

# ===== i. replay: c1's older genuine file after a newer one =====
must "c1 second meeting" k add meeting --db "$T/c1.db" --date 2026-04-19 --start 10:00 \
	--end 11:00 --kind other --title "二回目"
sleep 1	# the newer file's stamp must differ from the older one's
mkdir -p "$T/stick2"
run k export --db "$T/c1.db" --out "$T/stick2"
F2_c1=$(head -n 1 "$T/out")
run k import --db "$CITY" "$F2_c1"
expect_rc "i: c1's newer file taken" 0
snap "$CITY" >"$T/before"
run timeout 60 "$KYODO" --lang en import --db "$CITY" "$F1_c1"
snap "$CITY" >"$T/after"
if { [ "$RC" -eq 0 ] && grep -qE "nothing new|nothing changed" "$T/out"; } || [ "$RC" -eq 1 ]; then
	ok "i: the older file after the newer: nothing new (exit 0) or refused (exit 1)"
else
	not_ok "i: the older file after the newer: nothing new (exit 0) or refused (exit 1)" \
		"exit $RC; stdout: $(head -c 200 "$T/out"); stderr: $(shown)"
fi
check "i: the older file after the newer: the store unchanged" cmp -s "$T/before" "$T/after"
run k center list --db "$CITY"
if grep "^c1 " "$T/out" | grep -qF "$(basename "$F2_c1")"; then
	ok "i: center list still shows c1's newer file as its latest"
else
	not_ok "i: center list still shows c1's newer file as its latest" \
		"want $(basename "$F2_c1"); got: $(grep "^c1 " "$T/out")"
fi

# c1's genuine inner database (its newest file), opened as the city could.
G1=$T/genuine-c1.db
must "craft open c1's file" "$CRAFT" open --store "$CITY" --in "$F2_c1" --out "$G1"
check "craft open: c1's genuine inner database holds its two meetings" \
	test "$(q "$G1" "SELECT count(*) FROM meeting")" = 2
GC=$T/genuine-city.db
must "craft open the city's file" "$CRAFT" open --store "$T/c1.db" --in "$D_c1" --out "$GC"
check "craft open: the city's genuine inner database holds its decision" \
	test "$(q "$GC" "SELECT count(*) FROM decision")" = 1
sleep 1	# every crafted file is stamped after c1's last genuine one
keep_base "$CITY"
keep_base "$T/c1.db"

# ===== controls: the crafting itself is sound =====
fresh
seal
run timeout 60 "$KYODO" --lang en import --db "$CITY" "${F:-none}"
if [ -z "$BROKEN" ] && [ "$RC" -eq 0 ] && grep -q "nothing new" "$T/out"; then
	ok "control: c1's genuine inner database re-sealed by craft is taken (nothing new)"
else
	not_ok "control: c1's genuine inner database re-sealed by craft is taken (nothing new)" \
		"$BROKEN exit $RC; stderr: $(shown)"
fi
restore "$CITY"
fresh
newrow meeting "c0a7c0a7-0000-4000-8000-000000000001" "title = '細工した会議', version = 1"
seal
run timeout 60 "$KYODO" --lang en import --db "$CITY" "${F:-none}"
if [ -z "$BROKEN" ] && [ "$RC" -eq 0 ] && [ "$(q "$CITY" "SELECT origin || ' ' || title FROM meeting WHERE
    uuid = 'c0a7c0a7-0000-4000-8000-000000000001'")" = "c1 細工した会議" ]; then
	ok "control: a crafted file with one new honest meeting is taken, the meeting applied"
else
	not_ok "control: a crafted file with one new honest meeting is taken, the meeting applied" \
		"$BROKEN exit $RC; stderr: $(shown)"
fi
restore "$CITY"
fresh "$GC"
seal_city
run timeout 60 "$KYODO" --lang en import --db "$T/c1.db" "${F:-none}"
if [ -z "$BROKEN" ] && [ "$RC" -eq 0 ]; then
	ok "control: the city's genuine inner database re-sealed by craft is taken at c1"
else
	not_ok "control: the city's genuine inner database re-sealed by craft is taken at c1" \
		"$BROKEN exit $RC; stderr: $(shown)"
fi
restore "$T/c1.db"

# ===== a. a view named like a table =====
fresh
view_of meeting "uuid = '$C2_MEETING', origin = 'c1', version = 9000000000000000000"
seal
refused "a1 meeting is a view giving c2's meeting as c1's, version 9e18"
fresh
view_of meeting "uuid = '$C2_MEETING', origin = 'city', version = 9000000000000000000"
seal
refused "a2 meeting is a view giving c2's meeting as the city's, version 9e18"
fresh
view_of meeting "uuid = 'c0a7c0a7-0000-4000-8000-00000000000a', version = 1"
seal
refused "a3 meeting is a view giving one new meeting of c1's"

# ===== b. a collation that makes 'C1' equal 'c1' =====
fresh
retype meeting 's/\([^_a-z]\)origin\("\{0,1\}\) TEXT/\1origin\2 TEXT COLLATE NOCASE/'
newrow meeting "c0a7c0a7-0000-4000-8000-00000000000b" "origin = 'C1', version = 1"
expect_inner "SELECT count(*) FROM meeting WHERE origin = 'c1'" 3
seal
refused "b  meeting made with origin COLLATE NOCASE, a row with origin 'C1'"

# ===== c. an endless view; a trigger; an index of the attacker's own =====
fresh
view_of meeting "title = title" endless
seal
if [ -n "$BROKEN" ] || [ ! -s "${F:-}" ]; then
	not_ok "c1 endless recursive view: setup" "${BROKEN:-no file was crafted}"
else
	snap "$CITY" >"$T/before"
	( timeout 60 "$KYODO" --lang en import --db "$CITY" "$F" >"$T/out" 2>"$T/err"
	  echo $? >"$T/bg.rc" ) &
	bg=$!
	sleep 2
	timeout 10 "$KYODO" --lang en list meeting --db "$CITY" >"$T/list.out" 2>"$T/list.err"
	lrc=$?
	wait "$bg"
	RC=$(cat "$T/bg.rc")
	snap "$CITY" >"$T/after"
	if [ "$lrc" -eq 0 ] && [ -s "$T/list.out" ]; then
		ok "c1 endless recursive view: the city lists its meetings meanwhile (exit 0 within 10 s)"
	else
		not_ok "c1 endless recursive view: the city lists its meetings meanwhile (exit 0 within 10 s)" \
			"exit $lrc$([ "$lrc" -eq 124 ] && echo ' (killed after 10 s)'); $(head -c 200 "$T/list.err")"
	fi
	case $RC in
	1) ok "c1 endless recursive view: refused (exit 1)" ;;
	124) not_ok "c1 endless recursive view: refused (exit 1)" "still running after 60 s (killed)" ;;
	*) not_ok "c1 endless recursive view: refused (exit 1)" "exit $RC; stderr: $(shown)" ;;
	esac
	clean_why "$F: refused: "
	if [ -z "$c_why" ]; then ok "c1 endless recursive view: one clean sentence on stderr"
	else not_ok "c1 endless recursive view: one clean sentence on stderr" "$c_why stderr: $(shown)"; fi
	check "c1 endless recursive view: the store unchanged" cmp -s "$T/before" "$T/after"
	[ -z "${ATTACK_VERBOSE:-}" ] || echo "# c1 endless recursive view: exit $RC: $(shown)"
	restore "$CITY"
fi
fresh
sq "CREATE TRIGGER craft_t AFTER INSERT ON meeting BEGIN DELETE FROM room; END;"
expect_inner "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'" 1
seal
refused "c2 a trigger of the file's own"
fresh
sq "CREATE INDEX craft_i ON meeting (title, uuid);"
expect_inner "SELECT count(*) FROM sqlite_master WHERE name = 'craft_i'" 1
seal
refused "c3 an index of the file's own"

# ===== d. values a form would never take =====
fresh
bump facility_use "date = '2026-04-2147483000'"
seal
refused "d1 a facility use dated 2026-04-2147483000"
fresh
bump facility_use "date = '2026-04-32'"
seal
refused "d2 a facility use dated 2026-04-32"
fresh
bump facility_use "start = '15:00', \"end\" = '13:00'"
seal
refused "d3 a facility use ending before it starts"
fresh
bump facility_use "fee = 9223372036854775807"
seal
refused "d4 a facility use with a fee of 9223372036854775807"
fresh
bump facility_use "people = -1"
seal
refused "d5 a facility use of -1 people"
fresh
bump meeting "title = CAST(X'E4BC9AFF8BE8ADB0' AS TEXT)"
expect_inner "SELECT count(*) FROM meeting WHERE hex(title) = 'E4BC9AFF8BE8ADB0'" 1
seal
refused "d6 a meeting title that is not UTF-8"
fresh
bump meeting "title = replace(hex(zeroblob(50000)), '0', 'あ')"
expect_inner "SELECT max(length(title)) FROM meeting" 100000
seal
refused "d7 a meeting title of 100,000 characters"
fresh
retype facility_use 's/\([^_a-z]\)date\("\{0,1\}\) TEXT/\1date\2 INTEGER/'
bump facility_use "date = 20260402"
expect_inner "SELECT count(*) FROM facility_use WHERE typeof(date) = 'integer'" 1
seal
refused "d8 a facility use whose date is an INTEGER, not TEXT"

# ===== e. references to what c1 does not own, or to nothing =====
fresh
bump expense "application_id = '$C2_APP'"
seal
refused "e1 an expense of c2's application"
fresh
bump booking "room_id = '$C2_ROOM'"
seal
refused "e2 a booking of c2's room"
fresh
bump booking "room_id = 'c0a7c0a7-0000-4000-8000-0000000000e3'"
seal
refused "e3 a booking of a room that does not exist"
refused "e3 (ja) a booking of a room that does not exist" "$CITY" ja

# ===== f. rows c1 does not own =====
fresh
newrow meeting "c0a7c0a7-0000-4000-8000-0000000000f1" "origin = 'city', version = 1"
seal
refused "f1 a meeting with origin 'city'"
fresh
newrow meeting "c0a7c0a7-0000-4000-8000-0000000000f2" "origin = 'c2', version = 1"
seal
refused "f2 a meeting with origin 'c2'"

# ===== g. versions and times out of reach =====
fresh
# (not bump: its own "version = version + 1" would be the assignment kept)
sq "UPDATE meeting SET version = version + 1000000000000000 WHERE rowid = (SELECT min(rowid) FROM meeting)"
seal
refused "g1 a meeting whose version jumps by 10^15"
fresh
sq "UPDATE meeting SET version = 0 WHERE rowid = (SELECT min(rowid) FROM meeting)"
seal
refused "g2 a meeting at version 0"
fresh
sq "UPDATE meeting SET version = -5 WHERE rowid = (SELECT min(rowid) FROM meeting)"
seal
refused "g3 a meeting at a negative version"
fresh
bump meeting "updated_at = '9999-12-31T23:59:59Z'"
seal
refused "g4 a meeting updated in the year 9999"

# ===== k. a table name holding ESC[2J =====
fresh
ESC=$(printf '\033')
sq "CREATE TABLE \"x${ESC}[2Jx\" (a TEXT); INSERT INTO \"x${ESC}[2Jx\" VALUES ('x');"
expect_inner "SELECT count(*) FROM sqlite_master WHERE name = 'x' || char(27) || '[2Jx'" 1
seal
refused "k  a table named x ESC[2J x"
refused "k  (ja) a table named x ESC[2J x" "$CITY" ja

# ===== l. a damaged format field =====
fresh
seal --garble-format
refused "l1 the format field garbled (XOR 0xAA00)"
fresh
seal --format 43521
refused "l2 format 43521"

# ===== m. the inner database's own header =====
fresh
sq "PRAGMA user_version = -1;"
expect_inner "PRAGMA user_version" -1
seal
refused "m1 inner database with user_version -1"
fresh
poke 16 '\003\000'	# page size 768: not a power of two
seal --keep-meta
refused "m2 inner database whose page size reads 768"
fresh
poke 28 '\177\377\377\377'	# database size in pages: 2^31 - 1
seal --keep-meta
refused "m3 inner database whose header says 2^31 - 1 pages"
fresh
poke 32 '\177\377\377\377\000\017\102\100'	# freelist: trunk page 2^31 - 1, 1,000,000 pages
seal --keep-meta
refused "m4 inner database with a freelist out of the file"

# ===== n. 300 MB =====
fresh
seal
if [ -z "$BROKEN" ]; then
	# The header of a valid file (magic, format, codes, stamp, sealed key,
	# stream header: 139 bytes), then 300 MB of random bytes, unsigned.
	N1=$F
	head -c 139 "$N1" >"$T/n1.head"
	{ cat "$T/n1.head"; head -c 300000000 /dev/urandom; } >"$T/n1.kyodo" && mv "$T/n1.kyodo" "$N1"
	check "n1 setup: the file is 300 MB" test "$(wc -c <"$N1")" -eq 300000139
fi
refused "n1 300 MB of random bytes after a valid header (1 GB of memory)" "$CITY" en "$MEM"
rm -f "$T/x$NCASE"/*
fresh
head -c 300000000 /dev/urandom >"$I"
seal --keep-meta
refused "n2 300 MB of random bytes, encrypted and signed by c1 (1 GB of memory)" "$CITY" en "$MEM"
rm -f "$I" "$T/x$NCASE"/*
# Under a limit of the file's size (64 MB today): past it, a file is
# refused unread, so these reach decryption and the inner reader.
fresh
head -c 60000000 /dev/urandom >"$I"
seal --keep-meta
refused "n3 60 MB of random bytes, encrypted and signed by c1 (1 GB of memory)" "$CITY" en "$MEM"
rm -f "$I" "$T/x$NCASE"/*
# 60 MB of well-formed rows (c1's facility use 300,000 times under new ids):
# data a center could send, so it may be taken or refused, but the import
# must end within 60 s in 1 GB, without a crash, saying one thing.
fresh
sq "CREATE TEMP TABLE craft_r AS SELECT * FROM facility_use LIMIT 1;
    WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 300000)
    INSERT INTO facility_use SELECT craft_r.* FROM craft_r, r;
    UPDATE facility_use SET uuid = printf('%08x-0000-4000-8000-%012x', rowid, rowid)
    WHERE rowid > (SELECT min(rowid) FROM facility_use);"
expect_inner "SELECT count(DISTINCT uuid) FROM facility_use" 300001
seal
if [ -n "$BROKEN" ] || [ ! -s "${F:-}" ]; then
	not_ok "n4 60 MB of well-formed rows: setup" "${BROKEN:-no file was crafted}"
else
	check "n4 setup: the file is over 40 MB" test "$(wc -c <"$F")" -gt 40000000
	snap "$CITY" >"$T/before"
	run sh -c 'ulimit -v "$1" && shift && exec timeout 60 "$@"' - "$MEM" "$KYODO" --lang en import --db "$CITY" "$F"
	case $RC in
	0)
		ok "n4 60 MB of well-formed rows (1 GB of memory): ends, exit 0 or 1"
		check "n4 60 MB of well-formed rows: taken, its rows are all there" \
			test "$(q "$CITY" "SELECT count(*) FROM facility_use WHERE origin = 'c1'")" -ge 300001
		;;
	1)
		ok "n4 60 MB of well-formed rows (1 GB of memory): ends, exit 0 or 1"
		clean_why "$F: refused: "
		if [ -z "$c_why" ]; then ok "n4 60 MB of well-formed rows: refused in one clean sentence"
		else not_ok "n4 60 MB of well-formed rows: refused in one clean sentence" "$c_why stderr: $(shown)"; fi
		snap "$CITY" >"$T/after"
		check "n4 60 MB of well-formed rows: refused, the store unchanged" cmp -s "$T/before" "$T/after"
		;;
	124) not_ok "n4 60 MB of well-formed rows (1 GB of memory): ends, exit 0 or 1" "still running after 60 s (killed)" ;;
	*) not_ok "n4 60 MB of well-formed rows (1 GB of memory): ends, exit 0 or 1" "exit $RC; stderr: $(shown)" ;;
	esac
	[ -z "${ATTACK_VERBOSE:-}" ] || echo "# n4: exit $RC: $(head -c 200 "$T/out") $(shown)"
	restore "$CITY"
fi
rm -f "$I" "$T/x$NCASE"/*

# ===== o. the city's direction: decisions c1 must not take =====
fresh "$GC"
bump decision "application = '$C2_APP'"
seal_city
refused "o1 a decision (for c1) on c2's application" "$T/c1.db"
fresh "$GC"
bump decision "application = '$C2_APP', center = 'c2'"
seal_city
refused "o2 a decision for c2 on c2's application, sent to c1" "$T/c1.db"
fresh "$GC"
bump decision "decided_amount = 200001"
seal_city
refused "o3 a decision above the application's request (200,001 of 200,000)" "$T/c1.db"

# ===== j. a batch: a good file from c2 and a bad one from c1 =====
must "c2 batch meeting" k add meeting --db "$T/c2.db" --date 2026-04-28 --start 10:00 --end 11:00 \
	--kind board --title "まとめ会議"
mkdir -p "$T/stick3"
run k export --db "$T/c2.db" --out "$T/stick3"
GOOD=$(head -n 1 "$T/out")
fresh
bump booking "room_id = 'c0a7c0a7-0000-4000-8000-0000000000a1'"
seal
BAD=$F
if [ -n "$BROKEN" ] || [ ! -s "${BAD:-}" ] || [ ! -s "${GOOD:-}" ]; then
	not_ok "j setup" "${BROKEN:-a file is missing}"
else
	q "$CITY" "SELECT * FROM booking WHERE origin = 'c1' ORDER BY uuid" >"$T/c1-before"
	run timeout 60 "$KYODO" --lang en import --db "$CITY" "$GOOD" "$BAD"
	q "$CITY" "SELECT * FROM booking WHERE origin = 'c1' ORDER BY uuid" >"$T/c1-after"
	expect_rc "j  good c2 + bad c1: exit 1" 1
	check "j  good c2 + bad c1: c2's file applied (its new meeting at the city)" \
		test "$(q "$CITY" "SELECT count(*) FROM meeting WHERE title = 'まとめ会議' AND origin = 'c2'")" = 1
	expect_out "j  good c2 + bad c1: stdout names the good file" "$GOOD: from c2: "
	clean_why "$BAD: refused: "
	if [ -z "$c_why" ]; then ok "j  good c2 + bad c1: one clean sentence names the bad file"
	else not_ok "j  good c2 + bad c1: one clean sentence names the bad file" "$c_why stderr: $(shown)"; fi
	check "j  good c2 + bad c1: c1's bookings at the city unchanged" cmp -s "$T/c1-before" "$T/c1-after"
	restore "$CITY"
fi

# ===== h. stamps in the future =====
for stamp in "$(date -u -d "@$(($(date +%s) + 2 * 86400))" +%Y%m%d-%H%M%S)" 99991231-235959; do
	fresh
	seal --created "$stamp"
	refused "h  a file stamped $stamp (now $(date -u +%Y%m%d-%H%M%S))"
	# The store was put back; say also what the city would have believed.
	if [ -z "$BROKEN" ] && [ -s "${F:-}" ]; then
		run timeout 60 "$KYODO" --lang en import --db "$CITY" "$F"
		run k center list --db "$CITY"
		if grep "^c1 " "$T/out" | grep -qF "$(basename "$F2_c1")"; then
			ok "h  after the file stamped $stamp: center list still shows c1's latest genuine file"
		else
			not_ok "h  after the file stamped $stamp: center list still shows c1's latest genuine file" \
				"got: $(grep "^c1 " "$T/out")"
		fi
		restore "$CITY"
	fi
done
