#!/bin/sh
# The audit log on the kiosk: an administrator reads who changed what and
# when, filters it by typing; other staff are told it is not theirs to read.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/a.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
"$KYODO" add meeting --db "$DB" --date 2026-11-10 --kind board --title "監査される会議" >/dev/null
"$KYODO" add event --db "$DB" --date 2026-11-11 --field culture --title "文化祭" >/dev/null

# 佐藤 花子 (center staff) is refused.
if open_signed_in "$DB" --lang en; then ok "staff signs in"; else not_ok "staff signs in" "no home"; fi
keys a
expect_screen "the audit screen opens" "Audit log"
expect_screen "staff are refused in one sentence" "Only an administrator can read the audit log."
keys Escape

# The administrator (second in the name list) reads it.
start_kyodo -- --db "$DB" --lang en
wait_for "管理者" >/dev/null
sign_in 1 9999
wait_for "管理者 (" >/dev/null
keys a
expect_screen "the administrator sees the log" "Audit log"
expect_screen "who made the meeting" "cli:"
expect_screen "the summary names it" "2026-11-10 監査"
expect_screen "the refused read by the staff member is there too" "refused"
type_text "文化祭"
expect_screen "typing filters" "文化祭"
expect_no_screen "the filter hides the rest" "2026-11-10 監査"
keys Escape
expect_screen "Esc clears the filter" "2026-11-10 監査"
