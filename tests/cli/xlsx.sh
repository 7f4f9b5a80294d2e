#!/bin/sh
# --format xlsx --out FILE: report monthly, report year, grant status and
# list, made from a demo store and read back with openpyxl
# (tests/tools/xlsx_read.py): sheet names, cell values, number formats,
# formulas and the values cached with them, frozen panes, print setup,
# 𠮷 and 髙 intact; and the refusals (a link, a file there, a folder, no
# --out), with nothing left behind.
. "$(dirname "$0")/../lib.sh"
set -u
export KYODO_TODAY=2026-11-28
# kyodo's private folders go here, to see that none is left.
export TMPDIR=$T/tmp
mkdir -p "$TMPDIR"
READ=$(cd "$(dirname "$0")/.." && pwd)/tools/xlsx_read.py
PY=
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import openpyxl' 2>/dev/null; then PY=$p; break; fi
done
if [ -z "$PY" ]; then
	not_ok "setup: python3 with openpyxl" "not installed (make deps installs python3-openpyxl)"
	exit 0
fi

DB=$T/d.db
"$KYODO" demo --db "$DB" --years 2 --lang en >/dev/null 2>&1 || not_ok "setup: demo" "kyodo demo failed"
"$KYODO" add room --db "$DB" --name '髙𠮷ホール' --lang en >/dev/null 2>&1 &&
"$KYODO" add use --db "$DB" --date 2026-10-06 --start 10:00 --end 12:00 --room '髙𠮷ホール' \
	--group '𠮷田 髙橋の会' --category group --people 12 --fee 1500 --lang en >/dev/null 2>&1 ||
	not_ok "setup: a room and a use named with 𠮷 and 髙" "kyodo add failed"

dump() {	# FILE: the workbook's facts into $T/dump
	"$PY" "$READ" "$1" >"$T/dump" 2>"$T/dump.err" || cat "$T/dump.err" >&2
}
has() {	# NAME LINE: the dump has this line exactly
	if grep -qxF -- "$2" "$T/dump"; then ok "$1"; else
		not_ok "$1" "no line '$2'; near: $(grep -F -- "$(printf %s "$2" | cut -c1-24)" "$T/dump" | head -3)"; fi
}
row_of() {	# SHEET TEXT: the row whose column A holds TEXT
	grep -F "cell $1!A" "$T/dump" | grep -F " $2 | " | head -1 | sed 's/^cell [^!]*!A\([0-9]*\) .*/\1/'
}
csv_cell() {	# FILE ROW-FIRST-CELL COLUMN(1-based): a CSV cell
	"$PY" -c 'import csv,sys
for r in csv.reader(open(sys.argv[1], encoding="utf-8")):
    if r and r[0] == sys.argv[2]: print(r[int(sys.argv[3]) - 1]); break' "$@"
}
leftovers() {	# DIR: names kyodo may have left (temporary files and folders)
	ls -A "$1" "$TMPDIR" 2>/dev/null | grep -E '\.part$|kyodo-xlsx' || true
}

# --- report monthly ---
OUT=$T/out-dir
mkdir -p "$OUT"
run "$KYODO" report monthly --db "$DB" --month 2026-10 --format xlsx --out "$OUT/m.xlsx" --lang ja
expect_rc "report monthly xlsx: exit 0" 0
check "report monthly xlsx: nothing on stdout" test ! -s "$T/out"
check "report monthly xlsx: the file is there" test -s "$OUT/m.xlsx"
check "report monthly xlsx: a zip (xlsx) file" test "$(head -c 2 "$OUT/m.xlsx")" = PK
"$KYODO" report monthly --db "$DB" --month 2026-10 --format csv --lang ja >"$T/m.csv"
dump "$OUT/m.xlsx"
S=令和8年10月
has "monthly: the month's sheet (和暦), its meetings and its events" "sheets $S|会議|行事"
has "monthly: the title with the era" "cell $S!A1 利用状況月報 2026-10  令和8年10月 | General | 利用状況月報 2026-10  令和8年10月"
has "monthly: Japanese headings as the CSV's" "cell $S!A4 部屋 | General | 部屋"
has "monthly: heading: fees" "cell $S!G4 使用料 | General | 使用料"
has "monthly: the heading row frozen with the room column" "freeze $S B5"
has "monthly: A4, landscape (wide), one page wide, the heading row on every page" \
	"print $S orientation=landscape paper=9 fit=True fitwidth=1 fitheight=0 titles=\$4:\$4"
has "monthly: the center's name and the title in the page header" "header $S 真柴市民センター|利用状況月報 2026-10  令和8年10月"
has "monthly: page numbers in the footer" "footer $S &P / &N"
R=$(row_of "$S" '髙𠮷ホール')
check "monthly: the room named with 𠮷 and 髙 is there, intact" test -n "$R"
has "monthly: uses as a number" "cell $S!B$R 1 | #,##0 | 1"
has "monthly: fees as a number in yen (¥#,##0), never text" "cell $S!G$R 1500 | ¥#,##0 | 1500"
has "monthly: occupancy as a formula with its value (1 day of 31: 3.2%)" \
	"cell $S!F$R =IF(E$R>0,ROUND(D$R/E$R,3),0) | 0.0% | 0.032"
TR=$(row_of "$S" '合計')
check "monthly: a total row" test -n "$TR"
has "monthly: total uses: a SUM with the CSV's total cached" \
	"cell $S!B$TR =SUM(B5:B$((TR - 1))) | #,##0 | $(csv_cell "$T/m.csv" 合計 2)"
has "monthly: total fees: a SUM in yen with the CSV's total cached" \
	"cell $S!G$TR =SUM(G5:G$((TR - 1))) | ¥#,##0 | $(csv_cell "$T/m.csv" 合計 7)"
has "monthly: column A as wide as 髙𠮷ホール shows (10 columns, wide ones count 2, and 2 more)" \
	"width $S!A 12.7"
check "monthly: meetings listed with Excel dates" grep -q "^cell 会議!A4 date:2026-10-[0-9][0-9] | yyyy-mm-dd | date:" "$T/dump"
check "monthly: meetings' start as Excel times" grep -q "^cell 会議!B4 time:[0-9][0-9]:[0-9][0-9] | hh:mm | time:" "$T/dump"
check "monthly: meetings' attendees summed by a formula" grep -q "^cell 会議!D[0-9]* =SUM(D4:D[0-9]*) | #,##0 | [1-9]" "$T/dump"
has "monthly: the meetings' heading row frozen" "freeze 会議 A4"
check "monthly: no temporary file or folder left" test -z "$(leftovers "$OUT")"

run "$KYODO" report monthly --db "$DB" --month 2026-10 --format xlsx --out "$OUT/m-en.xlsx" --lang en
expect_rc "monthly in English: exit 0" 0
dump "$OUT/m-en.xlsx"
has "monthly in English: the sheet named by the month" "sheets 2026-10 (Reiwa 8)|Meetings|Events"
has "monthly in English: headings" "cell 2026-10 (Reiwa 8)!G4 Fees | General | Fees"

# --- report year: a summary sheet and one sheet per month ---
run "$KYODO" report year --db "$DB" --fy 2025 --format xlsx --out "$OUT/y.xlsx" --lang ja
expect_rc "report year xlsx: exit 0" 0
"$KYODO" report year --db "$DB" --fy 2025 --format csv --lang ja >"$T/y.csv"
dump "$OUT/y.xlsx"
has "year: the summary, then April to March" \
	"sheets 令和7年度|令和7年4月|令和7年5月|令和7年6月|令和7年7月|令和7年8月|令和7年9月|令和7年10月|令和7年11月|令和7年12月|令和8年1月|令和8年2月|令和8年3月"
has "year: the summary's title" "cell 令和7年度!A1 月別の利用回数（令和7年度） | General | 月別の利用回数（令和7年度）"
has "year: months as headings" "cell 令和7年度!B3 4月 | General | 4月"
TR=$(row_of 令和7年度 '合計')
has "year: the year's total a SUM with the CSV's total cached" \
	"cell 令和7年度!N$TR =SUM(N4:N$((TR - 1))) | #,##0 | $(csv_cell "$T/y.csv" 合計 14)"
has "year: a room's year summed across its months" "cell 令和7年度!N4 =SUM(B4:M4) | #,##0 | $(sed -n 2p "$T/y.csv" | tr -d '\r' | awk -F, '{ print $14 }')"
has "year: the summary's heading row frozen" "freeze 令和7年度 B4"
"$KYODO" report monthly --db "$DB" --month 2025-06 --format csv --lang ja >"$T/jun.csv"
TR=$(row_of 令和7年6月 '合計')
has "year: June's sheet is June's report (its total fees)" \
	"cell 令和7年6月!G$TR =SUM(G5:G$((TR - 1))) | ¥#,##0 | $(csv_cell "$T/jun.csv" 合計 7)"

# --- grant status ---
run "$KYODO" grant status --db "$DB" --format xlsx --out "$OUT/g.xlsx" --lang ja
expect_rc "grant status xlsx: exit 0" 0
"$KYODO" grant status --db "$DB" --format csv --lang ja >"$T/g.csv"
dump "$OUT/g.xlsx"
has "grants: one sheet" "sheets 補助金の状況"
has "grants: headings" "cell 補助金の状況!E3 申請額 | General | 申請額"
check "grants: the fiscal year in 和暦" grep -q "^cell 補助金の状況!A4 令和[0-9]*年度 | General" "$T/dump"
check "grants: requested in yen, a number" grep -q "^cell 補助金の状況!E4 [0-9][0-9]* | ¥#,##0 | [0-9]" "$T/dump"
REQ=$("$PY" -c 'import csv,sys
print(sum(int(r["requested"]) for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))))' "$T/g.csv")
TR=$(row_of 補助金の状況 '合計')
has "grants: total requested a SUM with the CSV's sum cached" \
	"cell 補助金の状況!E$TR =SUM(E4:E$((TR - 1))) | ¥#,##0 | $REQ"
has "grants: the page header names the center" "header 補助金の状況 真柴市民センター|補助金の状況"

# --- list ---
run "$KYODO" list use --db "$DB" --month 2026-10 --format xlsx --out "$OUT/u.xlsx" --lang ja
expect_rc "list use xlsx: exit 0" 0
dump "$OUT/u.xlsx"
has "list: the kind's label as the sheet" "sheets 施設利用"
has "list: the title names the month" "cell 施設利用!A1 施設利用  令和8年10月 | General | 施設利用  令和8年10月"
has "list: field labels as headings" "cell 施設利用!B3 日付 | General | 日付"
check "list: dates as Excel dates" grep -q "^cell 施設利用!B4 date:2026-10-01 | yyyy-mm-dd | date:2026-10-01" "$T/dump"
check "list: the group named with 𠮷 and 髙, intact" grep -q "^cell 施設利用!F[0-9]* 𠮷田 髙橋の会 | General | 𠮷田 髙橋の会$" "$T/dump"
check "list: choices by their labels" grep -q "^cell 施設利用!G4 [^a-z]* | General" "$T/dump"
check "list: the fee in yen, a number" grep -q "^cell 施設利用!I[0-9]* 1500 | ¥#,##0 | 1500$" "$T/dump"
check "list: people summed by a formula" grep -q "^cell 施設利用!H[0-9]* =SUM(H4:H[0-9]*) | #,##0 | [1-9]" "$T/dump"
run "$KYODO" list meeting --db "$DB" --format xlsx --out "$OUT/mt.xlsx" --lang en
expect_rc "list meeting in English: exit 0" 0
dump "$OUT/mt.xlsx"
has "list in English: the sheet" "sheets Meeting"
has "list in English: headings" "cell Meeting!B3 Date | General | Date"

run "$KYODO" list room --db "$DB" --format xlsx --out "$OUT/r.xlsx" --lang ja
expect_rc "list room xlsx: exit 0" 0
dump "$OUT/r.xlsx"
has "list room: few columns print upright (portrait) on A4, one page wide" \
	"print 部屋 orientation=portrait paper=9 fit=True fitwidth=1 fitheight=0 titles=\$3:\$3"
has "list room: fees per slot in yen" "cell 部屋!E3 使用料（1枠） | General | 使用料（1枠）"

# --- at city hall: one row per center, the grants with their center ---
"$KYODO" init --db "$T/city.db" --city --name '一関市 & 髙𠮷' >/dev/null 2>&1 || not_ok "setup: city" "init failed"
run "$KYODO" report monthly --db "$T/city.db" --month 2026-10 --format xlsx --out "$OUT/c.xlsx" --lang ja
expect_rc "city: report monthly xlsx: exit 0" 0
dump "$OUT/c.xlsx"
has "city: one sheet, no meetings' or events' sheets" "sheets 令和8年10月"
has "city: rows are centers" "cell 令和8年10月!A4 センター | General | センター"
has "city: no center yet: the totals are zeros" "cell 令和8年10月!B5 0 | #,##0 | 0"
has "city: an & in the name doubled in the page header (Excel shows one)" "header 令和8年10月 一関市 && 髙𠮷|利用状況月報 2026-10  令和8年10月"
run "$KYODO" grant status --db "$T/city.db" --fy 2026 --format xlsx --out "$OUT/cg.xlsx" --lang ja
expect_rc "city: grant status xlsx: exit 0" 0
dump "$OUT/cg.xlsx"
has "city: the grants name their center first" "cell 補助金の状況!A3 センター | General | センター"
has "city: --fy in the title" "cell 補助金の状況!A1 補助金の状況  令和8年度 | General | 補助金の状況  令和8年度"
has "city: grants on A4, landscape (wide)" "print 補助金の状況 orientation=landscape paper=9 fit=True fitwidth=1 fitheight=0 titles=\$3:\$3"

# --- refusals: one sentence, exit 1 (2 for usage), nothing written ---
echo keep >"$OUT/there.xlsx"
run "$KYODO" report monthly --db "$DB" --month 2026-10 --format xlsx --out "$OUT/there.xlsx" --lang en
expect_rc "an existing file: refused (exit 1)" 1
expect_err "an existing file: said" "already exists; kyodo will not replace it."
check "an existing file: left as it was" test "$(cat "$OUT/there.xlsx")" = keep
check "an existing file: one line on stderr" test "$(wc -l <"$T/err")" -eq 1

ln -s "$OUT/target.xlsx" "$OUT/link.xlsx"
run "$KYODO" report year --db "$DB" --fy 2025 --format xlsx --out "$OUT/link.xlsx" --lang en
expect_rc "a link: refused (exit 1)" 1
expect_err "a link: said" "is a symbolic link; kyodo does not write through one."
check "a link: nothing written through it" test ! -e "$OUT/target.xlsx"
check "a link: still the link" test -L "$OUT/link.xlsx"

mkdir "$OUT/folder.xlsx"
run "$KYODO" grant status --db "$DB" --format xlsx --out "$OUT/folder.xlsx" --lang en
expect_rc "a folder: refused (exit 1)" 1
expect_err "a folder: said" "is a folder; give the name of a new file."

run "$KYODO" list use --db "$DB" --format xlsx --out "$T/no/such/dir/u.xlsx" --lang en
expect_rc "a missing folder: refused (exit 1)" 1
expect_err "a missing folder: said" "Cannot write"

run "$KYODO" report monthly --db "$DB" --month 2026-10 --format xlsx --lang en
expect_rc "xlsx without --out: usage (exit 2)" 2
expect_err "xlsx without --out: said in words" "--format xlsx writes a file: give its name with --out FILE."
check "xlsx without --out: nothing on stdout" test ! -s "$T/out"
run "$KYODO" list use --db "$DB" --format xlsx --lang en
expect_rc "list xlsx without --out: usage (exit 2)" 2
run "$KYODO" grant status --db "$DB" --format xlsx --lang en
expect_rc "grant status xlsx without --out: usage (exit 2)" 2
run "$KYODO" report year --db "$DB" --fy 2025 --out "$OUT/x.xlsx" --lang en
expect_rc "--out without xlsx: usage (exit 2)" 2
expect_err "--out without xlsx or pdf: said" "--out goes with --format xlsx or pdf."
run "$KYODO" report monthly --db "$DB" --month 2026-10 --format xlsx --out "$OUT/e.xlsx" --encoding cp932 --lang en
expect_rc "--encoding with xlsx: usage (exit 2)" 2
check "refusals: no file made" test ! -e "$OUT/x.xlsx" -a ! -e "$OUT/e.xlsx"
check "refusals: no temporary file or folder left" test -z "$(leftovers "$OUT")"

run "$KYODO" report monthly --help --lang en
expect_out "--help: xlsx and --out" "--out FILE"
