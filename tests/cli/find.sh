#!/bin/sh
# kyodo list KIND --search TEXT: every month, newest first, folded for
# kana and width on both sides (the stored text is never folded), at most
# 200 with the rest counted on stderr; --month narrows; text and CSV stay.
. "$(dirname "$0")/../lib.sh"
set -u

DB=$T/s.db
"$KYODO" init --db "$DB" --center nishi --name "西センター" >/dev/null 2>&1 ||
	not_ok "setup: init" "kyodo init failed"

add() {	# KIND ARGS...: adds, prints the new id
	"$KYODO" add "$@" --db "$DB" --lang en | cut -f1
}
p() { printf %.8s "$1"; }

M1=$(add meeting --date 2025-06-10 --kind board --title "カラオケ大会の打合せ" --room "和室")
M2=$(add meeting --date 2026-09-01 --kind board --title "役員会" --summary "カラオケ 機材の件")
M3=$(add meeting --date 2026-11-20 --kind round-table --title "第3回 円卓会議")
E1=$(add event --date 2026-08-01 --field culture --title "夏祭り" --organizer "ＮＰＯ法人ひまわり")
U1=$(add use --date 2024-04-02 --room "和室" --group "ｶﾗｵｹ同好会" --category group --people 8)
U2=$(add use --date 2026-10-02 --room "研修室" --group "囲碁クラブ" --category group --people 5)
check "setup: records added" test -n "$M1" -a -n "$M2" -a -n "$M3" -a -n "$E1" -a -n "$U1" -a -n "$U2"

run "$KYODO" list meeting --db "$DB" --search からおけ --lang en
expect_rc "search: exit 0" 0
expect_out "search: katakana title found by hiragana, in an earlier year" "$(p "$M1") 2025-06-10"
expect_out "search: the summary (a note) is searched too" "$(p "$M2") 2026-09-01"
expect_no_out "search: a record without the word is not listed" "$(p "$M3")"
check "search: newest first" test "$(awk 'NR > 1 { print $2 }' "$T/out" | tr '\n' ' ')" = \
	"2026-09-01 2025-06-10 "
check "search: the table's header row stays" grep -q "^ID  *Date" "$T/out"
check "search: nothing on stderr when all are shown" test ! -s "$T/err"

run "$KYODO" list meeting --db "$DB" --search "からおけ 機材" --lang en
check "search: every word must match (two words, one record)" test "$(wc -l <"$T/out")" -eq 2
expect_out "search: the record holding both words" "$(p "$M2")"

run "$KYODO" list meeting --db "$DB" --search "和室" --lang en
expect_out "search: a room (a reference by name) is searched" "$(p "$M1")"

run "$KYODO" list meeting --db "$DB" --search "board" --lang en
check "search: codes and choice labels are not searched" test "$(wc -l <"$T/out")" -eq 1

run "$KYODO" list event --db "$DB" --search npo --lang en
expect_out "search: full-width ＮＰＯ found by npo (organizer)" "$(p "$E1")"

run "$KYODO" list use --db "$DB" --search カラオケ --lang en
expect_out "search: half-width ｶﾗｵｹ found by katakana (group)" "$(p "$U1") 2024-04-02"
check "search: the stored text is not folded" grep -qF "ｶﾗｵｹ同好会" "$T/out"

run "$KYODO" list meeting --db "$DB" --search カラオケ --month 2026-09 --lang en
check "search --month: only that month" test "$(wc -l <"$T/out")" -eq 2
expect_out "search --month: its record" "$(p "$M2")"

run "$KYODO" list meeting --db "$DB" --search カラオケ --format csv --lang en
expect_rc "search csv: exit 0" 0
check "search csv: header + 2 rows" test "$(wc -l <"$T/out")" -eq 3
check "search csv: the id first, newest first" test "$(sed -n 2p "$T/out" | cut -d, -f1)" = "$M2"

# Deleted records are not found.
sqlite3 "$DB" "UPDATE meeting SET deleted = 1, version = version + 1 WHERE uuid = '$M2'"
run "$KYODO" list meeting --db "$DB" --search カラオケ --lang en
expect_no_out "search: a deleted record is not found" "$(p "$M2")"

# Refusals are usage errors, one sentence.
run "$KYODO" list meeting --db "$DB" --search "  　" --lang en
expect_rc "search blank: usage (2)" 2
expect_err "search blank: says why" "--search needs a word to look for."
run "$KYODO" list meeting --db "$DB" --search x --deleted --lang en
expect_rc "search --deleted: usage (2)" 2
run "$KYODO" list use --db "$DB" --search x --room 和室 --lang en
expect_rc "search --room: usage (2)" 2
expect_err "search --room: says what goes with it" "--search goes with"

# More than 200: the first 200, newest first, and the rest counted.
{
	echo "date,kind,title"
	i=0
	while [ $i -lt 205 ]; do
		printf '2020-%02d-%02d,board,テイレイ会 %d\n' $((i % 12 + 1)) $((i % 28 + 1)) $i
		i=$((i + 1))
	done
} >"$T/many.csv"
"$KYODO" import-csv meeting --db "$DB" "$T/many.csv" >/dev/null 2>&1
run "$KYODO" list meeting --db "$DB" --search ていれい --lang en
check "search many: 200 rows shown" test "$(($(wc -l <"$T/out") - 1))" -eq 200
expect_err "search many: the rest counted on stderr" "5 more records match"

run "$KYODO" list meeting --help
expect_out "help: --search described" "--search"
