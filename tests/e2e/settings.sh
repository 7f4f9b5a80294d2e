#!/bin/sh
# The settings screen as staff and as the administrator: the idle lock's
# limits are stated, a value out of range says the range, staff cannot
# set a lock longer than theirs, and every change is audited with the old
# and the new value (the command line too).  Runs in Japanese.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/s.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }

open_signed_in "$DB" || { not_ok "signs in" "no home"; exit 1; }
keys F8
expect_screen "F8 opens settings" "自動ロック（無操作の分数）"
expect_screen "the limits are stated" "職員は 30 分まで、管理者は 240 分まで"
keys Tab Tab C-u
type_text "999"; keys F2
expect_screen "too large says the range" "999 は範囲外です（1〜240）"
keys C-u
type_text "0"; keys F2
expect_screen "zero says the same range" "0 は範囲外です（1〜240）"
keys C-u
type_text "60"; keys F2
expect_screen "staff cannot set an hour" "30 分を超える自動ロックは、管理者が設定します"
run sqlite3 "$DB" "SELECT count(*) FROM setting WHERE key = 'idle_minutes'"
expect_out "nothing stored on refusal" "0"
keys C-u
type_text "20"; keys F2
expect_screen "20 minutes saved" "設定を保存しました"
run sqlite3 "$DB" "SELECT summary FROM audit WHERE action = 'setting'"
expect_out "the change is audited with its new value, from the default" "idle_minutes: 10 → 20"

# The administrator may set a longer lock.
keys F9
wait_for "佐藤 花子" >/dev/null
sign_in 1 9999
wait_for "管理者 (" >/dev/null
keys F8
expect_screen "settings again" "自動ロック（無操作の分数）"
keys Tab Tab C-u
type_text "120"; keys F2
expect_screen "the administrator's 120 minutes saved" "設定を保存しました"
run sqlite3 "$DB" "SELECT actor || ' ' || summary FROM audit WHERE action = 'setting' ORDER BY id DESC LIMIT 1"
expect_out "audited as the administrator, from 20 to 120" "管理者 idle_minutes: 20 → 120"
run sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'setting' AND summary LIKE 'language%'"
expect_out "the language, saved again unchanged, is audited once" "1"

# The command line goes through the same rules and audit.
run "$KYODO" setting --db "$DB" idle_minutes 45
expect_rc "setting idle_minutes 45: exit 0" 0
run sqlite3 "$DB" "SELECT summary FROM audit WHERE action = 'setting' ORDER BY id DESC LIMIT 1"
expect_out "the command line's change is audited" "idle_minutes: 120 → 45"
run "$KYODO" setting --db "$DB" idle_minutes 0 --lang en
expect_rc "setting idle_minutes 0: refused" 1
expect_err "the refusal says what it takes" "minutes of no input before the kiosk locks (1-240)"
