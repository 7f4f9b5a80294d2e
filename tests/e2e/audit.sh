#!/bin/sh
# The audit log on the kiosk: an administrator reads who changed what and
# when, filters it by typing; other staff do not see it offered at all.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/a.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
"$KYODO" add meeting --db "$DB" --date 2026-11-10 --kind board --title "監査される会議" >/dev/null
"$KYODO" add event --db "$DB" --date 2026-11-11 --field culture --title "文化祭" >/dev/null

# 佐藤 花子 (center staff) is not offered it; a refused read still is
# audited (the command line's own refusal, by a staff actor, is in
# tests/unit/test_audit.c).
if open_signed_in "$DB" --lang en; then ok "staff signs in"; else not_ok "staff signs in" "no home"; fi
expect_no_screen "staff have no audit log entry" "Audit log"
keys a
sleep 0.3
expect_no_screen "a opens nothing for them" "Audit log"
expect_screen "and home stays" "Menu"
sqlite3 "$DB" "INSERT INTO audit (at, actor, action, kind, uuid, summary) VALUES
    ('2026-11-28T09:00:00', '佐藤 花子', 'refused', 'audit', NULL, 'read the audit log')"

# The administrator (second in the name list) reads it.
start_kyodo -- --db "$DB" --lang en
wait_for "管理者" >/dev/null
sign_in 1 9999
wait_for "管理者 (" >/dev/null
keys a
expect_screen "the administrator sees the log" "Audit log"
expect_screen "who made the meeting" "cli:"
expect_screen "the summary names it" "2026-11-10 監査"
expect_screen "the refused read by the staff member is there too" "Refused"
expect_screen "its summary in words, cut between words" "Tried to read the…"
expect_screen "a sign-in by its label" "Signed in"
expect_no_screen "no action codes" "sign-in"
expect_screen "a kind by its label" "Staff account"
type_text "文化祭"
expect_screen "typing filters" "文化祭"
expect_no_screen "the filter hides the rest" "2026-11-10 監査"
keys Escape
expect_screen "Esc clears the filter" "2026-11-10 監査"
keys Escape Escape

# In Japanese (the default): actions and kinds by their labels, and typing a
# label finds its rows.  A deletion, as the kiosk logs it.
sqlite3 "$DB" "INSERT INTO audit (at, actor, action, kind, uuid, summary) VALUES
    ('2026-11-12T01:00:00Z', '佐藤 花子', 'delete', 'event', NULL,
    '2026-11-12 消された行事 removal requested by the organising committee yesterday')"
start_kyodo -- --db "$DB"
wait_for "管理者" >/dev/null
sign_in 1 9999
wait_for "管理者 (" >/dev/null
keys a
expect_screen "the log in Japanese" "操作記録"
expect_screen "a sign-in by its label (ja)" "サインイン"
expect_screen "the refused read (ja)" "拒否"
expect_screen "its summary (ja)" "操作記録を読もうとしました"
expect_screen "a kind by its label (ja)" "行事"
expect_no_screen "no action codes (ja)" "wrong-pin"
expect_no_screen "no kind codes (ja)" "meeting"
expect_screen "a long summary is cut between words" "2026-11-12 消された行事…"
type_text "削除"
expect_screen "typing 削除 finds the deletion" "消された行事"
expect_no_screen "and only it" "監査される会議"
keys Escape
type_text "行事"
expect_screen "typing a kind's label (行事) finds the event" "文化祭"
expect_no_screen "and not the meeting" "監査される会議"

# A long summary read whole with Enter; older pages marked and reached.
keys Escape
type_text "削除"
wait_for "消された行事" >/dev/null
keys Enter
expect_screen "Enter shows the whole summary" "organising committee yesterday"
keys Escape
i=0
while [ $i -lt 40 ]; do
	printf "INSERT INTO audit (at, actor, action, kind, uuid, summary) VALUES ('2026-10-01T0%d:%02d:00Z', 'cli:test', 'add', 'meeting', NULL, '古い記録 %d');\n" $((i / 60)) $((i % 60)) $i
	i=$((i + 1))
done | sqlite3 "$DB"
keys Escape
wait_for "メニュー" >/dev/null
keys a
expect_screen "the log again" "操作記録"
expect_screen "a mark says older entries lie below" "▼"
expect_no_screen "nothing newer above" "▲"
keys NPage
expect_screen "PgDn shows older entries" "古い記録"
expect_screen "a mark says newer entries lie above" "▲"
keys Home
expect_no_screen "Home: the newest again" "▲"
keys End Enter
expect_screen "End selects the page's last row, an old entry (Enter shows it)" "cli:test  追加  古い記録"

# Roles and settings are stored by their codes and read by their labels:
# "佐藤 花子 (center)" as 佐藤 花子 (センター職員), a role change with both
# roles, a setting by its field's label and a choice by its label.
# (A role change is made on the staff screen; its entry as that writes it.)
sqlite3 "$DB" "INSERT INTO audit (at, actor, action, kind, uuid, summary) VALUES
    ('2026-11-29T09:00:00Z', '管理者', 'role', 'staff', NULL,
    '佐藤 花子 (center → secretariat)')"
"$KYODO" setting --db "$DB" idle_minutes 20 >/dev/null 2>&1 ||
	not_ok "setting for the test" "kyodo setting failed"
"$KYODO" setting --db "$DB" open_on_holidays no >/dev/null 2>&1 ||
	not_ok "setting for the test" "kyodo setting failed"
start_kyodo 100 30 -- --db "$DB"
wait_for "管理者" >/dev/null
sign_in 1 9999
wait_for "管理者 (" >/dev/null
keys a
expect_screen "a role change, both roles by label" "佐藤 花子 (センター職員 → 事務局員)"
expect_screen "the idle lock by its label, from its default" "自動ロック（無操作の分数）: 10 → 20"
expect_screen "a holiday rule by its labels" "祝日: 通常どおり開館 → 休館"
expect_no_screen "no setting keys" "idle_minutes"
type_text "佐藤"
expect_screen "a staff member added, with the role's label" "佐藤 花子 (センター職員)"
expect_no_screen "no role codes" "(center"
start_kyodo 100 30 -- --db "$DB" --lang en
wait_for "管理者" >/dev/null
sign_in 1 9999
wait_for "管理者 (" >/dev/null
keys a
expect_screen "en: a role change by labels (cut between words)" "佐藤 花子 (Center staff →…"
expect_screen "en: a setting by its label" "Lock after (minutes idle)"
expect_no_screen "en: no setting keys" "open_on_holidays"

