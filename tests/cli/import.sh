#!/bin/sh
# kyodo import-csv KIND: list output re-imports; CP932 with --encoding cp932
# (refused without it, naming the line); headers in English or Japanese;
# a bad row refuses the whole file (exit 1, nothing written, its line on
# stderr) unless --skip-bad, which imports the good rows; bookings that
# collide inside the file; header and CSV syntax refusals; usage errors.
. "$(dirname "$0")/../lib.sh"
set -u

DB=$T/a.db
DB2=$T/b.db
"$KYODO" init --db "$DB" --center higashi --name "東センター" >/dev/null 2>&1 ||
	not_ok "setup: init a" "kyodo init failed"
"$KYODO" init --db "$DB2" --center nishi --name "西センター" >/dev/null 2>&1 ||
	not_ok "setup: init b" "kyodo init failed"

count() {	# DB TABLE: live rows
	sqlite3 "$1" "SELECT count(*) FROM $2 WHERE deleted = 0"
}

# The CSV listing without its id column (ids differ between stores).
listing() {	# DB KIND
	"$KYODO" list "$2" --db "$1" --format csv --lang en |
		sed -E -e '1s/^id,//' -e 's/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12},//'
}

# --- usage ---
run "$KYODO" import-csv --help --lang en
expect_rc "--help: exit 0" 0
expect_out "--help: shows the usage" "kyodo import-csv KIND --db FILE"
expect_out "--help: explains --skip-bad" "--skip-bad"
run "$KYODO" import-csv meeting --help --lang en
expect_out "KIND --help: lists the kind's fields" "--title"
run "$KYODO" import-csv meeting --db "$DB" --lang en
expect_rc "no FILE: exit 2" 2
expect_err "no FILE: says what is missing" "Give the CSV file"
run "$KYODO" import-csv --db "$DB" --lang en
expect_rc "no KIND and no FILE: exit 2" 2
run "$KYODO" import-csv party --db "$DB" "$T/x.csv" --lang en
expect_rc "unknown kind: exit 2" 2
expect_err "unknown kind: names it" "Unknown kind \"party\""
run "$KYODO" import-csv meeting --db "$DB" --encoding latin1 "$T/x.csv" --lang en
expect_rc "unknown --encoding: exit 2" 2
run "$KYODO" import-csv meeting --db "$DB" a.csv b.csv --lang en
expect_rc "two files: exit 2" 2

# --- missing or unreadable files ---
run "$KYODO" import-csv meeting --db "$DB" "$T/none.csv" --lang en
expect_rc "missing file: exit 1" 1
expect_err "missing file: names it" "Cannot read $T/none.csv"
check "missing file: one line on stderr" test "$(wc -l <"$T/err")" -eq 1
mkdir "$T/adir"
run "$KYODO" import-csv meeting --db "$DB" "$T/adir" --lang en
expect_rc "a folder as FILE: exit 1" 1
expect_err "a folder as FILE: says so" "folder"
printf 'date,kind,title\n2026-04-01,board,x\n' >"$T/ok.csv"
run "$KYODO" import-csv meeting --db "$T/none.db" "$T/ok.csv" --lang en
expect_rc "missing store: exit 1" 1
check "missing store: makes no file" test ! -e "$T/none.db"

# --- round trip: list --format csv → import into another store ---
"$KYODO" add meeting --db "$DB" --date 2026-04-01 --start 10:00 --end 12:00 --kind round-table \
	--title "第1回 円卓会議" --room "大会議室" --attendees 25 --agenda "予算, 決算" \
	--summary "$(printf '承認\n次回は "5月"')" --lang en >/dev/null
"$KYODO" add meeting --db "$DB" --date 2026-04-02 --kind board --title 'Quote "in" title' --lang en >/dev/null
"$KYODO" add meeting --db "$DB" --date 2026-04-03 --start 18:00 --kind other --title "髙橋さん㈱" --lang en >/dev/null
"$KYODO" add meeting --db "$DB" --date 2026-05-01 --kind city --title "市と協議" --attendees 0 --lang en >/dev/null
"$KYODO" list meeting --db "$DB" --format csv >"$T/m.csv"
run "$KYODO" import-csv meeting --db "$DB2" "$T/m.csv" --lang en
expect_rc "round trip: import exit 0" 0
expect_out "round trip: prints the count" "Imported 4 rows; skipped 0."
check "round trip: nothing on stderr" test ! -s "$T/err"
check "round trip: the same listing (ids aside)" \
	test "$(listing "$DB" meeting)" = "$(listing "$DB2" meeting)"
check "round trip: the records get new ids" test -z "$(sqlite3 "$DB2" "SELECT uuid FROM meeting" |
	grep -F -f - "$T/m.csv")"
check "round trip: audited as cli:$(id -un)" \
	test "$(sqlite3 "$DB2" "SELECT count(*) FROM audit WHERE kind = 'meeting' AND action = 'add' AND actor = 'cli:$(id -un)'")" = 4

# The same through CP932, as Excel would keep it.
DB3=$T/c.db
"$KYODO" init --db "$DB3" --center minami --name "南センター" >/dev/null 2>&1
"$KYODO" list meeting --db "$DB" --format csv --encoding cp932 >"$T/m932.csv"
run "$KYODO" import-csv meeting --db "$DB3" --encoding cp932 "$T/m932.csv" --lang en
expect_rc "round trip in CP932: exit 0" 0
check "round trip in CP932: the same listing" \
	test "$(listing "$DB" meeting)" = "$(listing "$DB3" meeting)"

# A file with a BOM (utf-8-bom).
"$KYODO" list meeting --db "$DB" --format csv --encoding utf-8-bom >"$T/mbom.csv"
DB4=$T/d.db
"$KYODO" init --db "$DB4" --center kita --name "北センター" >/dev/null 2>&1
run "$KYODO" import-csv meeting --db "$DB4" "$T/mbom.csv" --lang en
expect_rc "a UTF-8 file with a BOM: exit 0" 0
check "a UTF-8 file with a BOM: the same listing" \
	test "$(listing "$DB" meeting)" = "$(listing "$DB4" meeting)"

# --- CP932 from Excel ---
printf 'date,kind,title\r\n2026-06-01,board,髙橋㈱の会\r\n2026-06-02,other,①②\r\n' |
	iconv -f UTF-8 -t CP932 >"$T/sjis.csv"
before=$(count "$DB2" meeting)
run "$KYODO" import-csv meeting --db "$DB2" "$T/sjis.csv" --lang en
expect_rc "CP932 without --encoding: exit 1" 1
expect_err "CP932 without --encoding: names the line" "Line 2"
expect_err "CP932 without --encoding: hints at --encoding cp932" "--encoding cp932"
check "CP932 without --encoding: nothing imported" test "$(count "$DB2" meeting)" = "$before"
run "$KYODO" import-csv meeting --db "$DB2" --encoding cp932 "$T/sjis.csv" --lang en
expect_rc "CP932 with --encoding cp932: exit 0" 0
expect_out "CP932 with --encoding cp932: two rows" "Imported 2 rows; skipped 0."
check "CP932: reads back as UTF-8 (髙橋㈱)" sh -c \
	"'$KYODO' list meeting --db '$DB2' --format csv | grep -qF '2026-06-01,,,board,髙橋㈱の会'"
check "CP932: reads back as UTF-8 (①②)" sh -c \
	"'$KYODO' list meeting --db '$DB2' --format csv | grep -qF '2026-06-02,,,other,①②'"

# --- Japanese and English headers ---
printf '日付,開始,終了,種別,件名\r\n2026-07-01,10:00,11:00,board,和文見出し\r\n' >"$T/ja.csv"
run "$KYODO" import-csv meeting --db "$DB2" "$T/ja.csv" --lang en
expect_rc "Japanese headers, English run: exit 0" 0
check "Japanese headers: the row is in" sh -c \
	"'$KYODO' list meeting --db '$DB2' --format csv | grep -qF '2026-07-01,10:00,11:00,board,和文見出し'"
printf '日付,種別,件名\n2026-07-02,board,日本語で\n' >"$T/ja2.csv"
run "$KYODO" import-csv meeting --db "$DB2" "$T/ja2.csv" --lang ja
expect_rc "Japanese headers, Japanese run: exit 0" 0
printf 'Date,Start,Kind,Title,Attendees\n2026-07-03,9:30,Board meeting,By label,７\n' >"$T/en.csv"
run "$KYODO" import-csv meeting --db "$DB2" "$T/en.csv" --lang ja
expect_rc "English labels, Japanese run: exit 0" 0
check "English labels: values parsed as in the form" sh -c \
	"'$KYODO' list meeting --db '$DB2' --format csv | grep -qF '2026-07-03,09:30,,board,By label,,7'"

# --- a bad row ---
printf 'date,kind,title\n2026-08-01,board,good one\n2026-02-30,board,bad\n2026-08-03,board,good two\n' \
	>"$T/bad.csv"
before=$(count "$DB2" meeting)
audits=$(sqlite3 "$DB2" "SELECT count(*) FROM audit")
run "$KYODO" import-csv meeting --db "$DB2" "$T/bad.csv" --lang en
expect_rc "one bad date: exit 1" 1
expect_err "one bad date: names the line" "Line 3:"
expect_err "one bad date: says why" "2026-02-30"
expect_err "one bad date: says nothing was imported" "Nothing was imported"
check "one bad date: nothing imported" test "$(count "$DB2" meeting)" = "$before"
check "one bad date: nothing audited" test "$(sqlite3 "$DB2" "SELECT count(*) FROM audit")" = "$audits"
check "one bad date: nothing on stdout" test ! -s "$T/out"
run "$KYODO" import-csv meeting --db "$DB2" --skip-bad "$T/bad.csv" --lang en
expect_rc "one bad date, --skip-bad: exit 0" 0
expect_out "--skip-bad: the summary" "Imported 2 rows; skipped 1."
expect_err "--skip-bad: still lists the bad line" "Line 3:"
check "--skip-bad: the good rows are in" test "$(count "$DB2" meeting)" = "$((before + 2))"
check "--skip-bad: not the bad one" test "$(sqlite3 "$DB2" "SELECT count(*) FROM meeting WHERE title = 'bad'")" = 0

# Many bad rows: the listing stops at 50.
{
	echo "date,kind,title"
	i=0
	while [ $i -lt 60 ]; do echo "2026-13-01,board,x$i"; i=$((i + 1)); done
} >"$T/many.csv"
run "$KYODO" import-csv meeting --db "$DB2" "$T/many.csv" --lang en
expect_rc "60 bad rows: exit 1" 1
check "60 bad rows: 50 listed" test "$(grep -c 'Line [0-9]*:' "$T/err")" -eq 50
expect_err "60 bad rows: the rest counted" "… and 10 more refused rows."
expect_err "60 bad rows: the total" "60 rows are refused"

# --- bookings need rooms, and must not collide, in the file either ---
"$KYODO" add room --db "$DB2" --name 和室 --lang en >/dev/null
"$KYODO" add room --db "$DB2" --name 大会議室 --lang en >/dev/null
cat >"$T/book.csv" <<'EOF'
room,date,start,end,group,category
和室,2026-09-01,10:00,11:00,囲碁クラブ,group
和室,2026-09-01,10:30,11:30,将棋クラブ,group
大会議室,2026-09-01,10:30,11:30,自治会,body
EOF
run "$KYODO" import-csv booking --db "$DB2" "$T/book.csv" --lang en
expect_rc "bookings colliding inside the file: exit 1" 1
expect_err "colliding bookings: names the line" "Line 3:"
expect_err "colliding bookings: says it is booked" "already booked"
check "colliding bookings: nothing imported" test "$(count "$DB2" booking)" = 0
run "$KYODO" import-csv booking --db "$DB2" --skip-bad "$T/book.csv" --lang en
expect_rc "colliding bookings, --skip-bad: exit 0" 0
expect_out "colliding bookings, --skip-bad: the summary" "Imported 2 rows; skipped 1."
check "colliding bookings, --skip-bad: status defaults to booked" \
	test "$(sqlite3 "$DB2" "SELECT count(*) FROM booking WHERE status = 'booked' AND room_id IS NOT NULL")" = 2
printf 'room,date,start,end,group\n茶室,2026-09-02,10:00,11:00,x\n' >"$T/book2.csv"
run "$KYODO" import-csv booking --db "$DB2" "$T/book2.csv" --lang en
expect_rc "a booking of an unknown room: exit 1" 1
expect_err "a booking of an unknown room: names it" "茶室"

# --- header and syntax refusals ---
printf 'date,colour,kind,title\n2026-10-01,red,board,x\n' >"$T/unknown.csv"
run "$KYODO" import-csv meeting --db "$DB2" --skip-bad "$T/unknown.csv" --lang en
expect_rc "unknown header: exit 1, even with --skip-bad" 1
expect_err "unknown header: names the column" "\"colour\""
expect_err "unknown header: and its place" "column 2"
printf 'date,title\n2026-10-01,x\n' >"$T/noreq.csv"
run "$KYODO" import-csv meeting --db "$DB2" "$T/noreq.csv" --lang en
expect_rc "missing required column: exit 1" 1
expect_err "missing required column: names the field" "Kind (kind)"
printf 'date,kind,title\n2026-10-01,board,a\n2026-10-02,board,"open\n2026-10-03,board,c\n' >"$T/quote.csv"
run "$KYODO" import-csv meeting --db "$DB2" --skip-bad "$T/quote.csv" --lang en
expect_rc "unbalanced quote: exit 1" 1
expect_err "unbalanced quote: names the line" "Line 3"
expect_err "unbalanced quote: says what" "never closed"
printf 'date,kind,title\r\n2026-10-01,board,a\r\n' | tr -d '\n' >"$T/cr.csv"
run "$KYODO" import-csv meeting --db "$DB2" "$T/cr.csv" --lang en
expect_rc "CR-only line ends: exit 0" 0
expect_out "CR-only line ends: one row" "Imported 1 row; skipped 0."
# A NUL byte: the file is not text, said as such with its line, whatever
# the encoding; nothing is written, even of the good rows before it.
printf 'date,kind,title\n2026-10-03,board,good\n2026-10-04,bo\000ard,x\n' >"$T/nul.csv"
NUL_BEFORE=$(sqlite3 "$DB2" "SELECT count(*) FROM meeting")
for enc in utf-8 cp932; do
	run "$KYODO" import-csv meeting --db "$DB2" --encoding "$enc" --skip-bad "$T/nul.csv" --lang en
	expect_rc "a NUL byte ($enc): exit 1" 1
	expect_err "a NUL byte ($enc): names the line" "Line 3"
	expect_err "a NUL byte ($enc): says the file holds one" "the file holds a NUL byte"
	check "a NUL byte ($enc): not blamed on the encoding" sh -c "! grep -q 'not valid' '$T/err'"
	check "a NUL byte ($enc): one sentence on stderr" test "$(wc -l <"$T/err")" -eq 1
	check "a NUL byte ($enc): nothing written" \
		test "$(sqlite3 "$DB2" "SELECT count(*) FROM meeting")" = "$NUL_BEFORE"
done
printf '\377\376d\000a\000t\000e\000\n\000' >"$T/utf16.csv"
run "$KYODO" import-csv meeting --db "$DB2" "$T/utf16.csv" --lang ja
expect_rc "a UTF-16 file: exit 1" 1
expect_err "a UTF-16 file: said in Japanese, with the line" "1 行目: ファイルに NUL バイト"
: >"$T/empty.csv"
run "$KYODO" import-csv meeting --db "$DB2" "$T/empty.csv" --lang en
expect_rc "an empty file: exit 1" 1
expect_err "an empty file: says so" "no header row"

# A 10 MB value is refused by its field, not by a crash.
head -c 10485760 /dev/zero | tr '\0' 'x' >"$T/big.txt"
{ printf 'date,kind,title\n2026-10-05,board,"'; cat "$T/big.txt"; printf '"\n'; } >"$T/big.csv"
run "$KYODO" import-csv meeting --db "$DB2" "$T/big.csv" --lang en
expect_rc "a 10 MB value: exit 1" 1
expect_err "a 10 MB value: refused by the field's limit" "Line 2: Title: at most 100 characters"

# Refusals reach the terminal without raw control characters.
printf 'date,kind,title\n2026-10-06,"\033[2Jx",t\n' >"$T/esc.csv"
run "$KYODO" import-csv meeting --db "$DB2" "$T/esc.csv" --lang en
expect_rc "an escape in a refused value: exit 1" 1
check "an escape in a refused value: not printed raw" \
	test "$(tr -cd '\033' <"$T/err" | wc -c)" -eq 0

# Every kind imports: rooms, closed days, events, facility use.
printf 'name,capacity\n工作室,12\n' >"$T/room.csv"
run "$KYODO" import-csv room --db "$DB2" "$T/room.csv" --lang en
expect_rc "import rooms: exit 0" 0
printf 'date,reason\n2026-11-04,点検\n' >"$T/closed.csv"
run "$KYODO" import-csv closed --db "$DB2" "$T/closed.csv" --lang en
expect_rc "import closed days: exit 0" 0
printf 'date,title,field,participants\n2026-11-03,文化祭,culture,300\n' >"$T/event.csv"
run "$KYODO" import-csv event --db "$DB2" "$T/event.csv" --lang en
expect_rc "import events: exit 0" 0
printf '日付,部屋,利用区分,利用者・団体\n2026-11-05,工作室,group,模型の会\n' >"$T/use.csv"
run "$KYODO" import-csv use --db "$DB2" "$T/use.csv" --lang en
expect_rc "import facility use with Japanese headers: exit 0" 0
check "import facility use: linked to its room" \
	test "$(sqlite3 "$DB2" "SELECT count(*) FROM facility_use WHERE room = '工作室' AND room_id IS NOT NULL")" = 1
