#!/bin/sh
# kyodo add meeting|event|use: a good record is stored, printed and audited;
# each bad field is refused with a message naming it, and nothing is written.
. "$(dirname "$0")/../lib.sh"
set -u

DB=$T/s.db
"$KYODO" init --db "$DB" --center higashi --name "東センター" >/dev/null 2>&1 ||
	not_ok "setup: init" "kyodo init failed"
UUID_RE='^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'

# snapshot: every kind's CSV and the audit count, to show nothing changed.
snapshot() {
	for k in meeting event use; do
		"$KYODO" list "$k" --db "$DB" --format csv 2>&1
	done
	sqlite3 "$DB" 'SELECT count(*) FROM audit'
}

id_of_out() {	# the id printed by add: the first tab-separated field
	cut -f1 "$T/out"
}

valid_uuid() {
	printf '%s\n' "$1" | grep -Eqx "$UUID_RE"
}

in_csv() {	# KIND TEXT: the CSV listing holds TEXT
	"$KYODO" list "$1" --db "$DB" --format csv 2>/dev/null | grep -qF -- "$2"
}

# --- meeting ---
run "$KYODO" add meeting --db "$DB" --date 2026-04-01 --start 10:00 --end 12:00 \
	--kind round-table --title "第1回 円卓会議" --room "大会議室" --attendees 25 \
	--agenda "予算" --summary "承認" --lang en
expect_rc "add meeting: exit 0" 0
M1=$(id_of_out)
check "add meeting: prints a 36-character uuid first" valid_uuid "$M1"
check "add meeting: prints one line" test "$(wc -l <"$T/out")" -eq 1
expect_out "add meeting: prints a summary (kind, date, start, title)" "Meeting 2026-04-01 10:00 第1回 円卓会議"
check "add meeting: the id and summary are tab-separated" \
	grep -qxF "$M1	Meeting 2026-04-01 10:00 第1回 円卓会議" "$T/out"
check "add meeting: nothing on stderr" test ! -s "$T/err"
check "add meeting: the record is listed with all its fields" \
	in_csv meeting "$M1,2026-04-01,10:00,12:00,round-table,第1回 円卓会議,大会議室,25,予算,承認"
run "$KYODO" list meeting --db "$DB" --lang en
expect_out "add meeting: the text list shows the id prefix" "$(printf %.8s "$M1")"

# The audit row: actor cli:<login>, action add, this kind and uuid.
check "add meeting: audited as cli:$(id -un), action add" \
	test "$(sqlite3 "$DB" "SELECT actor || '|' || action || '|' || kind FROM audit WHERE uuid = '$M1'")" = \
	"cli:$(id -un)|add|meeting"
check "add meeting: the audit summary names the record" \
	test "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE uuid = '$M1' AND summary LIKE '%第1回 円卓会議%'")" = 1
check "add meeting: the row is owned by this center, version 1" \
	test "$(sqlite3 "$DB" "SELECT origin || '|' || version || '|' || deleted FROM meeting WHERE uuid = '$M1'")" = "higashi|1|0"

# --- event ---
run "$KYODO" add event --db "$DB" --date 2026-05-03 --start 09:30 --title "防災訓練" \
	--field safety --organizer "自治会" --participants 120 --volunteers 15 --cost 35000 --lang en
expect_rc "add event: exit 0" 0
E1=$(id_of_out)
check "add event: prints a uuid" valid_uuid "$E1"
expect_out "add event: prints a summary" "Event 2026-05-03 09:30 防災訓練"
check "add event: the record is listed" \
	in_csv event "$E1,2026-05-03,09:30,,防災訓練,safety,自治会,120,15,35000"
check "add event: audited" \
	test "$(sqlite3 "$DB" "SELECT actor || '|' || action FROM audit WHERE uuid = '$E1'")" = "cli:$(id -un)|add"

# --- facility use ---
run "$KYODO" add use --db "$DB" --date 2026-04-02 --start 13:00 --end 15:00 --room "和室" \
	--group "囲碁クラブ" --category group --people 8 --fee 1200 --exemption 0 --lang en
expect_rc "add use: exit 0" 0
U1=$(id_of_out)
check "add use: prints a uuid" valid_uuid "$U1"
expect_out "add use: prints a summary" "Facility use 2026-04-02 13:00"
check "add use: the record is listed" \
	in_csv use "$U1,2026-04-02,13:00,15:00,和室,囲碁クラブ,group,8,1200,0"
check "three adds, three distinct ids" test "$M1" != "$E1" -a "$E1" != "$U1" -a "$M1" != "$U1"

# Only the required fields.
run "$KYODO" add meeting --db "$DB" --date 2026-04-03 --kind other --title "Minimal" --lang en
expect_rc "add meeting with only the required fields: exit 0" 0
check "add meeting minimal: the empty fields stay empty" \
	in_csv meeting "$(id_of_out),2026-04-03,,,other,Minimal,,,,"

# Choices by label as well as by code, values given as --field=value.
run "$KYODO" add meeting --db "$DB" --date=2026-04-04 --kind="Board meeting" --title=Labelled --lang en
expect_rc "add meeting --kind by its label, --opt=value form: exit 0" 0
check "add meeting by label: stores the code" in_csv meeting "$(id_of_out),2026-04-04,,,board,Labelled"

# Full-width input is folded: digits, separators.
run "$KYODO" add meeting --db "$DB" --date ２０２６－０４－０１ --start １０：００ \
	--kind board --title "全角" --attendees １２ --lang en
expect_rc "add with full-width date, time, count: exit 0" 0
check "full-width input: stored as 2026-04-01 / 10:00 / 12" \
	in_csv meeting "$(id_of_out),2026-04-01,10:00,,board,全角,,12,"
run "$KYODO" add use --db "$DB" --date 2026-04-05 --room A --category own --fee "¥1,500" --lang en
expect_rc "add use --fee ¥1,500: exit 0" 0
check "yen with ¥ and a thousands comma: stored as 1500" in_csv use "$(id_of_out),2026-04-05,,,A,,own,,1500,"

# Surrounding blanks are trimmed.
run "$KYODO" add meeting --db "$DB" --date 2026-04-06 --kind board --title "  padded  " --lang en
expect_rc "add with a padded title: exit 0" 0
check "padded title: stored trimmed" in_csv meeting "$(id_of_out),2026-04-06,,,board,padded,"

# Length is counted in characters, not bytes: 100 kanji pass.
t100=$(printf '字%.0s' $(seq 100))
run "$KYODO" add meeting --db "$DB" --date 2026-04-07 --kind board --title "$t100" --lang en
expect_rc "add with a 100-character title (300 bytes): exit 0" 0

# --- refusals: exit 1, a message naming the field, nothing written ---
refuse() {	# NAME WORD1 WORD2 ARGS...: add ARGS must be refused naming WORD1 and WORD2
	what=$1 w1=$2 w2=$3
	shift 3
	before=$(snapshot)
	run "$KYODO" add "$@" --db "$DB" --lang en
	expect_rc "$what: exit 1" 1
	expect_err "$what: names '$w1'" "$w1"
	expect_err "$what: says '$w2'" "$w2"
	check "$what: nothing on stdout" test ! -s "$T/out"
	check "$what: nothing written" test "$(snapshot)" = "$before"
}

refuse "impossible date 2026-02-30" "Date:" "2026-02-30" \
	meeting --date 2026-02-30 --kind board --title x
refuse "date 2026-13-01" "Date:" "not a valid date" \
	meeting --date 2026-13-01 --kind board --title x
refuse "date in another format (04/01/2026)" "Date:" "YYYY-MM-DD" \
	meeting --date 04/01/2026 --kind board --title x
refuse "time 25:00" "Start:" "not a valid time" \
	meeting --date 2026-04-01 --start 25:00 --kind board --title x
refuse "end before start" "End:" "not after the start" \
	meeting --date 2026-04-01 --start 12:00 --end 10:00 --kind board --title x
refuse "end equal to start" "End:" "not after the start" \
	event --date 2026-04-01 --start 12:00 --end 12:00 --field safety --title x
refuse "negative count --attendees -3" "Attendees:" "cannot be negative" \
	meeting --date 2026-04-01 --kind board --title x --attendees -3
refuse "non-numeric count --attendees many" "Attendees:" "not a whole number" \
	meeting --date 2026-04-01 --kind board --title x --attendees many
refuse "count over its limit" "Attendees:" "is outside what it takes (0 to" \
	meeting --date 2026-04-01 --kind board --title x --attendees 10001
refuse "fractional count" "Participants:" "not a whole number" \
	event --date 2026-04-01 --field safety --title x --participants 2.5
refuse "negative yen --fee -100" "Fee:" "cannot be negative" \
	use --date 2026-04-01 --room A --category own --fee -100
refuse "non-numeric yen --fee free" "Fee:" "not an amount in whole yen" \
	use --date 2026-04-01 --room A --category own --fee free
refuse "yen with decimals --cost 10.5" "Cost:" "whole yen" \
	event --date 2026-04-01 --field safety --title x --cost 10.5
refuse "unknown choice --kind party" "Kind:" "round-table" \
	meeting --date 2026-04-01 --kind party --title x
refuse "unknown choice --category vip" "Category:" "individual" \
	use --date 2026-04-01 --room A --category vip
refuse "missing title" "Title:" "required" \
	meeting --date 2026-04-01 --kind board
refuse "blank title" "Title:" "required" \
	meeting --date 2026-04-01 --kind board --title "   "
refuse "missing date" "Date:" "required" \
	event --title x --field safety
refuse "missing room (use)" "Room:" "required" \
	use --date 2026-04-01 --category own
refuse "missing kind" "Kind:" "required" \
	meeting --date 2026-04-01 --title x
refuse "over-long title (101 characters)" "Title:" "at most 100 characters" \
	meeting --date 2026-04-01 --kind board --title "$(printf 'x%.0s' $(seq 101))"
refuse "over-long title (101 kanji)" "Title:" "this has 101" \
	meeting --date 2026-04-01 --kind board --title "${t100}字"
refuse "invalid UTF-8 in the title" "Title:" "not valid UTF-8" \
	meeting --date 2026-04-01 --kind board --title "$(printf 'ab\377cd')"
refuse "invalid UTF-8 in the group" "User or group:" "not valid UTF-8" \
	use --date 2026-04-01 --room A --category own --group "$(printf '\202\240')"

# Usage errors: exit 2, nothing written.
before=$(snapshot)
run "$KYODO" add meeting --db "$DB" --date 2026-04-01 --kind board --title x --colour red --lang en
expect_rc "unknown field --colour: exit 2" 2
expect_err "unknown field --colour: names it" "no field --colour"
expect_err "unknown field --colour: points to the help" "kyodo add meeting --help"
run "$KYODO" add event --db "$DB" --date 2026-04-01 --field safety --title x --kind board --lang en
expect_rc "a meeting's field on an event (--kind): exit 2" 2
expect_err "a meeting's field on an event: names it" "--kind"
run "$KYODO" add party --db "$DB" --date 2026-04-01 --title x --lang en
expect_rc "unknown kind party: exit 2" 2
expect_err "unknown kind party: names it" "Unknown kind \"party\""
expect_err "unknown kind party: lists the kinds" "meeting, event, use"
run "$KYODO" add --db "$DB" --lang en
expect_rc "add without a kind: exit 2" 2
run "$KYODO" add meeting --db "$DB" --date 2026-04-01 --kind board --title --lang en
expect_rc "add with a field lacking its value: exit 2" 2
expect_err "a field lacking its value: names it" "--title needs a value"
run "$KYODO" add meeting event --db "$DB" --lang en
expect_rc "add with two kinds: exit 2" 2
check "usage errors: nothing written" test "$(snapshot)" = "$before"

# The store must exist and be a kyodo store.
run "$KYODO" add meeting --db "$T/none.db" --date 2026-04-01 --kind board --title x --lang en
expect_rc "add to a missing store: exit 1" 1
expect_err "add to a missing store: says there is no store there" "There is no store at $T/none.db"
check "add to a missing store: makes no file" test ! -e "$T/none.db"
run "$KYODO" add meeting --db "$T/nodir/none.db" --date 2026-04-01 --kind board --title x --lang en
expect_rc "add to a store in a missing folder: exit 1" 1
expect_err "add to a store in a missing folder: names the path" "$T/nodir/none.db"

printf 'Date,Title\r\n2026-04-01,x\r\n' >"$T/notes.csv"
run "$KYODO" add meeting --db "$T/notes.csv" --date 2026-04-01 --kind board --title x --lang en
expect_rc "add to a file that is not SQLite: exit 1" 1
expect_err "add to a non-SQLite file: says it is not a kyodo store" "not a kyodo store"
check "add to a non-SQLite file: the file is unchanged" \
	test "$(cat "$T/notes.csv")" = "$(printf 'Date,Title\r\n2026-04-01,x\r\n')"

sqlite3 "$T/other.sqlite" 'CREATE TABLE t (x)'
run "$KYODO" add meeting --db "$T/other.sqlite" --date 2026-04-01 --kind board --title x --lang en
expect_rc "add to an SQLite file that is not a kyodo store: exit 1" 1
expect_err "add to another SQLite file: says it is not a kyodo store" "not a kyodo store"
check "add to another SQLite file: no kyodo tables made in it" \
	test "$(sqlite3 "$T/other.sqlite" "SELECT count(*) FROM sqlite_master WHERE name = 'meeting'")" = 0

mkdir "$T/adir"
run "$KYODO" add meeting --db "$T/adir" --date 2026-04-01 --kind board --title x --lang en
expect_rc "add with a folder as --db: exit 1" 1
expect_err "add with a folder as --db: says it is not a kyodo store" "not a kyodo store"

# The store from $KYODO_DB when --db is not given.
run env KYODO_DB="$DB" "$KYODO" add event --date 2026-06-01 --field culture --title "From env" --lang en
expect_rc "add with the store from \$KYODO_DB: exit 0" 0
check "add with \$KYODO_DB: the record is in that store" in_csv event "From env"

# Control characters in a one-line field: either refused, or never echoed
# raw (a newline would split the "id<TAB>summary" line scripts read; an
# escape would drive the terminal).
run "$KYODO" add meeting --db "$DB" --date 2026-04-08 --kind board --title "$(printf 'line1\nline2')" --lang en
check "a newline in the title: refused, or the add prints one line" \
	test "$RC" -eq 1 -o "$(wc -l <"$T/out")" -eq 1
run "$KYODO" add meeting --db "$DB" --date 2026-04-08 --kind board --title "$(printf 'a\033[2Jb')" --lang en
check "an escape in the title: refused, or not printed raw" \
	test "$RC" -eq 1 -o "$(tr -cd '\033' <"$T/out" | wc -c)" -eq 0
