#!/bin/sh
# --print against a real CUPS scheduler (tests/cups.sh: Debian's cupsd on a
# socket of the suite's own, a raw queue whose paper tray keeps each job):
# the report reaches the tray whole, kyodo names the scheduler's job, a
# kept --out file is the one printed, the temporary copy goes; a queue
# that refuses jobs and a computer with no printer are each one sentence
# and exit 1, whatever language lp speaks; without lp at all, one sentence.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../cups.sh"
set -u

command -v pdftotext >/dev/null 2>&1 || { not_ok "poppler-utils installed" "pdftotext missing (make deps)"; exit 1; }
export KYODO_TODAY=2026-11-28
DB=$T/demo.db
must "a demo store" "$KYODO" demo --db "$DB"
must "a meeting named with 𠮷 and 髙" "$KYODO" add meeting --db "$DB" --date 2026-10-10 \
    --start 10:00 --kind other --title "𠮷田 髙志さんを囲む会" --attendees 9
if start_cups 2>"$T/why"; then ok "a CUPS scheduler of the test's own runs"; else
	not_ok "a CUPS scheduler" "$(cat "$T/why")"; exit 1; fi

job_of() { sed -n 's/.*job \([A-Za-z0-9_-]*\)\..*/\1/p' "$T/out"; }

run "$KYODO" report monthly --db "$DB" --lang en --month 2026-10 --format pdf --print
expect_rc "--print: exit 0" 0
job=$(job_of)
case "$job" in office-[0-9]*) ok "--print: names the scheduler's job ($job)" ;;
*) not_ok "--print: names the scheduler's job" "$(cat "$T/out")" ;; esac
if f=$(cups_job "$job"); then ok "--print: the job reached the printer"; else not_ok "--print: the job reached the printer" "$(lpstat -o 2>&1; ls "$CUPS_TRAY")"; fi
if pdftotext "${f:-/dev/null}" - 2>/dev/null | grep -qF '𠮷田 髙志さんを囲む会'; then
	ok "--print: the printer got the month's report, 𠮷 and 髙 whole"
else
	not_ok "--print: the printer got the report" "$(head -c 100 "${f:-/dev/null}" | od -c | head -n 2)"
fi
if ls -d "${TMPDIR:-/tmp}"/kyodo-print.* 2>/dev/null | while read -r d; do [ "$d" -nt "$DB" ] && echo "$d"; done | grep -q .; then
	not_ok "--print: the temporary copy is removed" "$(ls -d "${TMPDIR:-/tmp}"/kyodo-print.*)"
else
	ok "--print: the temporary copy is removed"
fi

run "$KYODO" report bookings --db "$DB" --lang en --week 2026-11-25 --format pdf --print --out "$T/week.pdf"
expect_rc "--print --out: exit 0" 0
job=$(job_of)
f=$(cups_job "$job")
if [ -n "$f" ] && cmp -s "$f" "$T/week.pdf"; then ok "--print --out: the file kept is the one printed"; else not_ok "--print --out" "job '$job', tray '$f'"; fi

# A paused printer takes the job and holds it: printed, with a warning.
cups_pause
run "$KYODO" report monthly --db "$DB" --lang en --month 2026-10 --format pdf --print
expect_rc "a paused printer: exit 0 (the job is in its queue)" 0
job=$(job_of)
expect_err "a paused printer: says so, and what to do" "The printer is paused: the document waits"
if lpstat -o office 2>/dev/null | grep -q "^$job "; then ok "a paused printer: the job waits in the queue"
else not_ok "a paused printer: the job waits in the queue" "$(lpstat -o 2>&1)"; fi
run env LANG=ja_JP.UTF-8 LC_ALL= "$KYODO" report monthly --db "$DB" --lang ja --month 2026-10 --format pdf --print
expect_err "ja: a paused printer" "プリンターが一時停止しています"
cups_resume
if f=$(cups_job "$job") && pdftotext "$f" - 2>/dev/null | grep -qF '𠮷田'; then ok "started again, the printer prints it"
else not_ok "started again, the printer prints it" "$(lpstat -o 2>&1; ls "$CUPS_TRAY")"; fi
run "$KYODO" report monthly --db "$DB" --lang en --month 2026-10 --format pdf --print
check "a printer that runs: no warning" test ! -s "$T/err"

# The queue refuses new jobs.
cups_reject
run "$KYODO" report year --db "$DB" --lang en --fy 2026 --format pdf --print
expect_rc "a queue refusing jobs: exit 1" 1
expect_err "a queue refusing jobs: in kyodo's words" "The printer did not take the document"
check "a queue refusing jobs: one sentence" test "$(wc -l <"$T/err")" -eq 1
run env LANG=ja_JP.UTF-8 LC_ALL= "$KYODO" report year --db "$DB" --lang ja --fy 2026 --format pdf --print
expect_rc "ja: a queue refusing jobs: exit 1" 1
expect_err "ja: in kyodo's Japanese" "プリンターが文書を受け付けませんでした"
cups_accept

# No printer on this computer.
cups_no_printer
run "$KYODO" grant status --db "$DB" --lang en --format pdf --print
expect_rc "no printer: exit 1" 1
expect_err "no printer: says so" "No printer is set up on this computer"
check "no printer: one sentence" test "$(wc -l <"$T/err")" -eq 1
run env LANG=ja_JP.UTF-8 LC_ALL= "$KYODO" grant status --db "$DB" --lang ja --format pdf --print
expect_rc "ja: no printer: exit 1" 1
expect_err "ja: no printer: says so" "プリンターが設定されていません"

# The scheduler gone: no printer either.
cups_stop
run "$KYODO" report monthly --db "$DB" --lang en --month 2026-10 --format pdf --print
expect_rc "no scheduler: exit 1" 1
expect_err "no scheduler: no printer is set up" "No printer is set up on this computer"

# No lp at all (cups-client not installed).
mkdir "$T/bin-none"
PATH="$T/bin-none" run "$KYODO" report year --db "$DB" --lang en --fy 2026 --format pdf --print
expect_rc "no lp at all: exit 1" 1
expect_err "no lp at all: says so" "cannot print"
