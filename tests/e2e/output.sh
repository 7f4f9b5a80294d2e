#!/bin/sh
# 出力 from the kiosk: on the monthly report (month and fiscal year), the
# grants, the calendar, the day grid, the week and the plan, Ctrl-P writes
# what the screen shows as an Excel workbook or a PDF to the chosen stick
# (a stand-in folder under KYODO_STICK_ROOTS) or to a folder typed in, or
# prints it (through a real CUPS scheduler of the test's own, tests/cups.sh,
# whose paper tray keeps the job; a queue refusing jobs is one sentence on
# the screen); the files read back; a name
# already there (a file or a link) is never replaced: the next name is
# taken.  Japanese and English.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"
. "$(dirname "$0")/../cups.sh"

READ=$(cd "$(dirname "$0")/.." && pwd)/tools/xlsx_read.py
PY=
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import openpyxl' 2>/dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] || not_ok "setup: python3 with openpyxl" "not installed (make deps installs it)"

DB=$T/o.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
"$KYODO" add room --db "$DB" --name "和室" --capacity 20 --fee 500 >/dev/null
"$KYODO" add use --db "$DB" --date 2026-11-10 --start 09:00 --end 12:00 --room "和室" \
	--group "髙橋さんの会" --category group --people 12 >/dev/null
MEDIA=$T/media
STICK=$MEDIA/stick1
mkdir -p "$STICK" "$T/folder"
start_cups 2>"$T/why" || not_ok "setup: a CUPS scheduler" "$(cat "$T/why")"
KYODO_ENV="KYODO_STICK_ROOTS=$MEDIA CUPS_SERVER=$CUPS_SERVER"

open_signed_in "$DB" || not_ok "signs in" "no home"
keys 5
wait_for "月報  令和8年11月" >/dev/null
expect_screen "the report offers output on its bar" "Ctrl-P 出力"
keys C-p
expect_screen "Ctrl-P: what is written, in words" "月報 令和8年11月"
expect_screen "an Excel file first" "< Excel ファイル >"
expect_screen "the stick is listed" "$STICK"
keys Enter
expect_screen "written, and said where" "書き出しました：kyodo-report-2026-11.xlsx"
if [ -n "$PY" ] && "$PY" "$READ" "$STICK/kyodo-report-2026-11.xlsx" >"$T/dump" 2>&1 &&
    grep -q "髙橋\|和室" "$T/dump"; then
	ok "the workbook reads back with the month's rooms"
else
	not_ok "the workbook reads back with the month's rooms" "$(head -5 "$T/dump" 2>&1)"
fi
keys Enter
expect_screen "a second time: the next name, never over the first" "kyodo-report-2026-11-2.xlsx"
ln -s "$T/elsewhere.xlsx" "$STICK/kyodo-report-2026-11-3.xlsx"
keys Enter
expect_screen "a link at a name is passed by, not written through" "kyodo-report-2026-11-4.xlsx"
if [ -e "$T/elsewhere.xlsx" ]; then not_ok "nothing through the link" "written"
else ok "nothing through the link"; fi

# A folder typed in; one that is not there is refused in words.
keys Down
type_text "$T/nowhere"
keys Enter
expect_screen "a missing folder is said" "フォルダ $T/nowhere はありません"
keys C-u
type_text "$T/folder"
keys Enter
expect_screen "written to the folder typed" "書き出しました：kyodo-report-2026-11.xlsx"
expect_screen "the folder is named" "フォルダ：$T/folder"
if [ -f "$T/folder/kyodo-report-2026-11.xlsx" ]; then ok "the file is in the folder"
else not_ok "the file is in the folder" "$(ls "$T/folder")"; fi
keys Escape
wait_for "月報  令和8年11月" >/dev/null

# The fiscal year.
keys y
wait_for "令和8年度" >/dev/null
keys C-p
expect_screen "the year's report" "令和8年度 の報告"
keys Enter
expect_screen "the year written" "kyodo-report-fy2026.xlsx"
keys Escape Escape Escape
wait_for "メニュー" >/dev/null

# The grants, in English.
open_signed_in "$DB" --lang en
keys 8
wait_for "Grants" >/dev/null
keys C-p
expect_screen "en: the grants as a workbook" "Grant applications FY2026"
keys Enter
expect_screen "en: written" "Written: kyodo-grants-fy2026.xlsx"
if [ -f "$STICK/kyodo-grants-fy2026.xlsx" ]; then ok "en: the file is there"
else not_ok "en: the file is there" "$(ls "$STICK")"; fi
keys Escape Escape
wait_for "Menu" >/dev/null

# PDF and printing, in Japanese: the month's report as a PDF on the stick,
# then printed; the booking sheet of a day and of a week; the plan.
open_signed_in "$DB"
keys 5
wait_for "月報  令和8年11月" >/dev/null
keys C-p
wait_for "Excel ファイル" >/dev/null
keys Right
expect_screen "Right: the PDF" "< PDF ファイル >"
keys Enter
expect_screen "the PDF written" "書き出しました：kyodo-report-2026-11.pdf"
if command -v pdftotext >/dev/null 2>&1 && pdftotext "$STICK/kyodo-report-2026-11.pdf" - 2>/dev/null |
    grep -q "和室"; then
	ok "the PDF reads back with the month's rooms"
else
	not_ok "the PDF reads back with the month's rooms" "$(ls "$STICK")"
fi
keys Right
expect_screen "Right again: printing" "< 印刷 >"
keys Enter
expect_screen "sent to the printer, with the scheduler's job" "プリンターへ送りました（ジョブ office-1）"
job=$(cups_job office-1)
if [ -n "$job" ] && pdftotext "$job" - 2>/dev/null | grep -q "和室"; then
	ok "the printer got the report"
else
	not_ok "the printer got the report" "tray: $(ls "$CUPS_TRAY")"
fi
if ls -d "${TMPDIR:-/tmp}"/kyodo-print.* 2>/dev/null | while read -r d; do [ "$d" -nt "$DB" ] && echo "$d"; done | grep -q .; then
	not_ok "the document printed is not left behind" "$(ls -d "${TMPDIR:-/tmp}"/kyodo-print.*)"
else
	ok "the document printed is not left behind"
fi
# The printer paused: sent, and the screen says it waits and what to do.
cups_pause
keys Enter
expect_screen "a paused printer: the job is named" "プリンターへ送りました（ジョブ office-2）"
expect_screen "and that the printer is paused" "プリンターが一時停止しています"
cups_resume
if job=$(cups_job office-2); then ok "started again, the printer prints it"
else not_ok "started again, the printer prints it" "tray: $(ls "$CUPS_TRAY")"; fi
# The queue stops taking jobs: one sentence, and the screen stays.
cups_reject
keys Enter
expect_screen "a queue refusing jobs: said in kyodo's words" "プリンターが文書を受け付けませんでした"
expect_screen "and printing can be tried again" "< 印刷 >"
cups_accept
keys Escape Escape
wait_for "メニュー" >/dev/null
keys 4
wait_for "予約  令和8年11月" >/dev/null
expect_screen "the calendar offers output" "Ctrl-P 出力"
keys C-p
expect_screen "the week's booking sheet, a PDF" "予約表（令和8年11月22日(日) からの 1 週間）"
keys Enter
expect_screen "the week's sheet written" "kyodo-bookings-2026-11-22.pdf"
keys Escape Enter
wait_for "予約  令和8年11月28日" >/dev/null
keys C-p
expect_screen "the day's booking sheet" "予約表（令和8年11月28日(土)）"
keys Enter
expect_screen "the day's sheet written" "kyodo-bookings-2026-11-28.pdf"
keys Escape Escape Escape
wait_for "メニュー" >/dev/null
keys 7
wait_for "地域づくり計画" >/dev/null
keys C-p
expect_screen "the plan as a PDF" "< PDF ファイル >"
keys Enter
expect_screen "no plan yet: said in words, nothing written" "まだ地域づくり計画がありません"
if [ ! -e "$STICK/kyodo-plan.pdf" ]; then ok "no plan file left"; else not_ok "no plan file left" "made"; fi

# A record list (会議): the month as listed, its filter and all, as a
# workbook, the only form a list has.
"$KYODO" add meeting --db "$DB" --date 2026-11-05 --start 19:00 --kind board --title "第3回 役員会" \
	--attendees 9 >/dev/null
"$KYODO" add meeting --db "$DB" --date 2026-11-12 --start 19:00 --kind other --title "防災部会" \
	--attendees 5 >/dev/null
open_signed_in "$DB"
keys 1
wait_for "会議  令和8年11月" >/dev/null
expect_screen "the meetings list offers output" "Ctrl-P 出力"
type_text "役員"
expect_no_screen "typing filters the list" "防災部会"
keys C-p
expect_screen "the list with its filter, in words" "会議 令和8年11月（「役員」を含むもの）"
expect_screen "as a workbook" "< Excel ファイル >"
expect_no_screen "no PDF: a list has no paper form" "PDF ファイル"
expect_no_screen "so no format to change on the bar" "Excel/PDF/印刷"
keys Right
expect_screen "Right changes nothing" "< Excel ファイル >"
keys Enter
expect_screen "the list written" "書き出しました：kyodo-meeting-2026-11.xlsx"
if [ -n "$PY" ] && "$PY" "$READ" "$STICK/kyodo-meeting-2026-11.xlsx" >"$T/dump" 2>&1; then
	ok "the list's workbook reads back"
else
	not_ok "the list's workbook reads back" "$(head -5 "$T/dump" 2>&1)"
fi
check "the filtered meeting is its row" grep -qF "cell 会議!F4 第3回 役員会 |" "$T/dump"
if grep -q "防災部会" "$T/dump"; then not_ok "the meeting the filter hides is not in it" "$(grep 防災部会 "$T/dump")"
else ok "the meeting the filter hides is not in it"; fi
check "its title names the month and the filter" \
	grep -qF "cell 会議!A1 会議  令和8年11月（「役員」を含むもの） |" "$T/dump"
check "its attendance totalled by a formula" grep -qF "=SUM(H4:H4) | #,##0 | 9" "$T/dump"
keys Escape
expect_screen "back on the list, its filter kept" "絞り込み：役員"
keys Escape Escape
wait_for "メニュー" >/dev/null

open_signed_in "$DB" --lang en
keys 1
wait_for "Meeting  November 2026" >/dev/null
keys C-p
expect_screen "en: the whole month's list" "Excel file"
expect_no_screen "en: no filter named" "those with"
keys Enter
expect_screen "en: written beside the first, not over it" "Written: kyodo-meeting-2026-11-2.xlsx"
if [ -n "$PY" ] && "$PY" "$READ" "$STICK/kyodo-meeting-2026-11-2.xlsx" >"$T/dump" 2>&1 &&
    grep -q "防災部会" "$T/dump" && grep -q "第3回 役員会" "$T/dump"; then
	ok "en: every meeting of the month in it"
else
	not_ok "en: every meeting of the month in it" "$(grep '!F' "$T/dump" | head -5)"
fi
