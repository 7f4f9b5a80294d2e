#!/bin/sh
# kyodo report monthly|year|bookings, grant status and plan show --format pdf: PDFs of
# a real store (the demo's) read back with poppler's tools: the text comes
# out (Japanese, 𠮷 and 髙 in a name, the title, the totals, "1 / N"), every
# font embedded, A4 pages; a long table runs onto more pages, its header
# repeated and no row split; a refused --out (a link, an existing file, a
# folder) leaves nothing behind.  --print is tests/cli/print.sh's, against
# a real CUPS scheduler.
. "$(dirname "$0")/../lib.sh"
set -u

for tool in pdftotext pdffonts pdfinfo; do
	command -v $tool >/dev/null 2>&1 || { not_ok "poppler-utils installed" "$tool missing (make deps)"; exit 1; }
done
export KYODO_TODAY=2026-11-28
DB=$T/demo.db
"$KYODO" demo --db "$DB" >/dev/null 2>&1 || not_ok "setup: demo" "kyodo demo failed"
kyodo() { run "$KYODO" "$@" --db "$DB" --lang en; }
pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
page_text() { pdftotext -layout -f "$2" -l "$2" "$1" - 2>/dev/null; }

# A name with 𠮷 (outside the BMP) and 髙, and enough meetings in October
# to run the month's list of meetings onto more pages.
kyodo add meeting --date 2026-10-10 --start 10:00 --kind other --title "𠮷田 髙志さんを囲む会" --attendees 9
expect_rc "setup: a meeting named with 𠮷 and 髙" 0
i=1
while [ $i -le 60 ]; do
	"$KYODO" add meeting --db "$DB" --lang en --date 2026-10-$(printf %02d $(( (i % 28) + 1 ))) \
	    --start 19:00 --kind other --title "Long list meeting $i" --attendees $i >/dev/null 2>&1
	i=$((i + 1))
done

# --- the monthly report ---
kyodo report monthly --month 2026-10 --format pdf --out "$T/m.pdf"
expect_rc "report monthly --format pdf: exit 0" 0
check "report monthly: the file is a PDF" pdfinfo "$T/m.pdf"
N=$(pages "$T/m.pdf")
if [ "${N:-0}" -ge 3 ]; then ok "report monthly: the long list of meetings runs to $N pages"; else not_ok "report monthly: pages" "$N pages"; fi
if pdfinfo "$T/m.pdf" | grep -q '^Page size: *595.276 x 841.89 pts (A4)'; then ok "report monthly: A4"; else not_ok "report monthly: A4" "$(pdfinfo "$T/m.pdf" | grep 'Page size')"; fi
pdftotext -layout "$T/m.pdf" "$T/m.txt"
for want in "Monthly usage report" "真柴市民センター" "2026-10 (Reiwa 8)" "𠮷田 髙志さんを囲む会" \
    "Uses per room" "Uses by category"; do
	if grep -qF -- "$want" "$T/m.txt"; then ok "report monthly: the PDF says $want"; else not_ok "report monthly: $want" "not in pdftotext's text"; fi
done
# The page numbers, "1 / N" at the foot of the first page, "N / N" of the last.
if page_text "$T/m.pdf" 1 | grep -Eq "^ *1 ?/ ?$N *\$"; then ok "report monthly: page 1 says 1 / $N"; else not_ok "page number 1" "$(page_text "$T/m.pdf" 1 | tail -3)"; fi
if page_text "$T/m.pdf" "$N" | grep -Eq "^ *$N ?/ ?$N *\$"; then ok "report monthly: page $N says $N / $N"; else not_ok "page number $N" "missing"; fi
# The total row: the same figures as the CSV's.
kyodo report monthly --month 2026-10 --format csv
TOTAL=$(tail -n 1 "$T/out" | cut -d, -f2-4 | tr ',' ' ')
if grep -E '^ *Total' "$T/m.txt" | head -n 1 | tr -s ' ' | grep -qF -- "$TOTAL"; then
	ok "report monthly: the total row's uses, users and days as in the CSV ($TOTAL)"
else
	not_ok "report monthly: total row" "CSV $TOTAL, PDF '$(grep -E '^ *Total' "$T/m.txt" | head -n 1)'"
fi
# Every font embedded (pdffonts' emb column), and a Japanese one.
if pdffonts "$T/m.pdf" | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }'; then
	ok "report monthly: every font embedded"
else
	not_ok "report monthly: fonts embedded" "$(pdffonts "$T/m.pdf")"
fi
if pdffonts "$T/m.pdf" | grep -Eq 'NotoSansCJK|IPAexGothic'; then ok "report monthly: set in a Japanese font"; else not_ok "report monthly: Japanese font" "$(pdffonts "$T/m.pdf")"; fi
# The meetings' table on the later pages: its header row on each page, and
# every row whole (its date and title on one line of one page).
p=2
while [ $p -le "$N" ]; do
	page_text "$T/m.pdf" $p >"$T/page"
	if grep -q 'Long list meeting' "$T/page"; then
		if grep -q 'Date.*Time.*Title.*Attendees' "$T/page"; then ok "page $p: the table's header row repeated"; else not_ok "page $p: header" "$(head -c 300 "$T/page")"; fi
	fi
	p=$((p + 1))
done
whole=0
i=1
while [ $i -le 60 ]; do
	n=$(grep -c "2026-10-[0-9][0-9] *19:00 *Long list meeting $i  " "$T/m.txt")
	[ "$n" -eq 1 ] && whole=$((whole + 1))
	i=$((i + 1))
done
if [ $whole -eq 60 ]; then ok "report monthly: each of the 60 rows whole, once"; else not_ok "report monthly: rows whole" "$whole of 60"; fi

# In Japanese (the default): the title and the era.
run "$KYODO" report monthly --db "$DB" --month 2026-10 --format pdf --out "$T/ja.pdf" --lang ja
expect_rc "report monthly in Japanese: exit 0" 0
pdftotext "$T/ja.pdf" "$T/ja.txt"
for want in "真柴市民センター 月報" "令和8年10月" "開館日数" "合計" "部屋別の回数"; do
	if grep -qF -- "$want" "$T/ja.txt"; then ok "Japanese PDF says $want"; else not_ok "Japanese PDF: $want" "missing"; fi
done

# --- the fiscal year ---
kyodo report year --fy 2026 --format pdf --out "$T/y.pdf"
expect_rc "report year --format pdf: exit 0" 0
if pdfinfo "$T/y.pdf" | grep -q '^Page size: *841.89 x 595.276 pts (A4)'; then ok "report year: A4 landscape"; else not_ok "report year: A4" "$(pdfinfo "$T/y.pdf" | grep 'Page size')"; fi
kyodo report year --fy 2026 --format csv
YTOTAL=$(grep '^Total,' "$T/out" | cut -d, -f14 | tr -d '\r')
pdftotext -layout "$T/y.pdf" "$T/y.txt"
if grep -E '^ *Total' "$T/y.txt" | head -n 1 | grep -Eq " $YTOTAL *\$"; then ok "report year: the year's total as in the CSV ($YTOTAL)"; else not_ok "report year: total" "CSV $YTOTAL; PDF $(grep -E '^ *Total' "$T/y.txt" | head -n 1)"; fi
if grep -qF 'FY2026 (Reiwa 8)' "$T/y.txt"; then ok "report year: the fiscal year in the title"; else not_ok "report year: title" "$(head -5 "$T/y.txt")"; fi

# --- grant status with the expenses ---
kyodo grant status --format pdf --out "$T/g.pdf"
expect_rc "grant status --format pdf: exit 0" 0
pdftotext -layout "$T/g.pdf" "$T/g.txt"
for want in "Grant status" "Receipt number" "R2025-101" "Total"; do
	if grep -qF -- "$want" "$T/g.txt"; then ok "grant status PDF says $want"; else not_ok "grant status PDF: $want" "missing"; fi
done

# --- the booking sheet ---
kyodo add booking --room 和室 --date 2026-11-25 --start 09:30 --end 11:30 --group "𠮷野 髙子の会" --category group --exemption none --status booked
expect_rc "setup: a booking for 𠮷野 髙子の会" 0
LONG="真柴地区まちづくり推進協議会 子ども見守り活動 打ち合わせ部会"
kyodo add booking --room 和室 --date 2026-11-24 --start 09:30 --end 11:30 --group "$LONG" --category group --exemption none --status booked
expect_rc "setup: a booking with a long name" 0
kyodo report bookings --week 2026-11-25 --format pdf --out "$T/b.pdf"
expect_rc "report bookings --week --format pdf: exit 0" 0
pdftotext "$T/b.pdf" "$T/b.txt"
for want in "Roombookings" "11/22" "11/28" "𠮷野髙子の会"; do
	if tr -d ' \n' <"$T/b.txt" | grep -qF -- "$want"; then ok "booking sheet says $want"; else not_ok "booking sheet: $want" "missing"; fi
done
BN=$(pages "$T/b.pdf")
if page_text "$T/b.pdf" 1 | grep -Eq "^ *1 ?/ ?$BN *\$"; then ok "booking sheet: 1 / $BN"; else not_ok "booking sheet: page number" "missing"; fi
if [ "$BN" -lt 2 ] || page_text "$T/b.pdf" 2 | grep -q 'Room.*11/22.*11/28'; then ok "booking sheet: the days' header on each page"; else not_ok "booking sheet: header on page 2" "missing"; fi
# The long name is wrapped in its cell, not cut: all of it is there.
if tr -d ' \n' <"$T/b.txt" | grep -qF "$(printf %s "$LONG" | tr -d ' ')"; then ok "booking sheet: a long name wrapped whole in its cell"; else not_ok "booking sheet: long name" "cut"; fi
kyodo report bookings --day 2026-11-25
expect_rc "report bookings --day (text): exit 0" 0
expect_out "report bookings --day: the booking" "𠮷野 髙子の会"
kyodo report bookings --day 2026-11-25 --format pdf --out "$T/b1.pdf"
expect_rc "report bookings --day --format pdf: exit 0" 0
if pdfinfo "$T/b1.pdf" | grep -q '^Pages: *1$'; then ok "report bookings --day: one page"; else not_ok "bookings day pages" "$(pages "$T/b1.pdf")"; fi

# --- the development plan ---
run "$KYODO" plan show --db "$DB" --format pdf --out "$T/p.pdf" --lang ja
expect_rc "plan show --format pdf: exit 0" 0
pdftotext -layout "$T/p.pdf" "$T/p.txt"
for want in "地域づくり計画" "将来像" "子育て応援プロジェクト" "補助金支出額" "1 / " ; do
	if tr -s ' ' <"$T/p.txt" | grep -qF -- "$want" || grep -qF -- "$(printf %s "$want" | tr -d ' ')" "$T/p.txt"; then ok "plan PDF says $want"; else not_ok "plan PDF: $want" "missing"; fi
done
if grep -qF '|' "$T/p.txt" || grep -qF '**' "$T/p.txt" || grep -q '^ *#' "$T/p.txt"; then not_ok "plan PDF: no Markdown marks" "$(grep -F -e '|' -e '**' "$T/p.txt" | head -3)"; else ok "plan PDF: no Markdown marks left"; fi

# --- usage ---
kyodo report monthly --month 2026-10 --out "$T/x.pdf"
expect_rc "--out without --format pdf: usage" 2
kyodo report monthly --month 2026-10 --format pdf
expect_rc "--format pdf without --out or --print: usage" 2
expect_err "--format pdf without --out: says so" "--format pdf needs --out FILE"
kyodo report bookings --format pdf --out "$T/x.pdf"
expect_rc "report bookings without --week or --day: usage" 2

# --- refusals: nothing written over or through, nothing left ---
echo keep >"$T/exists.pdf"
kyodo report monthly --month 2026-10 --format pdf --out "$T/exists.pdf"
expect_rc "an existing file: refused" 1
if [ "$(cat "$T/exists.pdf")" = keep ]; then ok "an existing file: untouched"; else not_ok "existing file" "changed"; fi
ln -s "$T/target.pdf" "$T/link.pdf"
kyodo report monthly --month 2026-10 --format pdf --out "$T/link.pdf"
expect_rc "a symbolic link: refused" 1
if [ ! -e "$T/target.pdf" ]; then ok "a symbolic link: not followed"; else not_ok "link" "target written"; fi
if [ "$(wc -l <"$T/err")" -eq 1 ]; then ok "a refusal is one sentence"; else not_ok "one sentence" "$(cat "$T/err")"; fi
mkdir "$T/folder.pdf"
kyodo report monthly --month 2026-10 --format pdf --out "$T/folder.pdf"
expect_rc "a folder: refused" 1
if ls -a "$T" | grep -q '\.part$'; then not_ok "nothing left behind" "$(ls -a "$T")"; else ok "nothing left behind by a refusal"; fi
