#!/bin/sh
# Staff accounts without the command line: the first start of an empty
# store registers the administrator (PIN typed twice, hidden) and signs
# them in; the administrator's staff screen adds, deactivates, reactivates,
# changes a role and resets a PIN; anyone changes their own PIN; the
# sign-in list shows staff added meanwhile; no screen names a command.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/s.db
"$KYODO" init --db "$DB" --center jonan --name "城南市民センター" >/dev/null 2>&1 ||
	{ not_ok "store for the test" "init failed"; exit 1; }

# First start (kiosk mode, the default).
start_kyodo -- --db "$DB"
expect_screen "an empty store opens on the first start" "初めての起動です"
expect_no_screen "no command is named" "kyodo staff"
expect_screen "the key bar offers the setup" "管理者を登録"
keys F10
expect_screen "F10 asks before quitting, even in kiosk mode" "kyodo を終了しますか"
keys n
expect_screen "n stays" "初めての起動です"
keys Enter
expect_screen "Enter opens the administrator's form" "初回の設定: 管理者の登録"
expect_screen "which asks the PIN twice" "暗証番号（確認）"
type_text "山田 太郎"; keys Tab
type_text "2468"
expect_screen "the PIN is hidden" "●●●●"
expect_no_screen "its digits never show" "2468"
keys Tab; type_text "2469"; keys Enter
expect_screen "two different PINs are refused" "2回入力した暗証番号が違います"
type_text "2468"; keys Tab; type_text "2468"; keys Enter
expect_screen "the administrator is signed in" "山田 太郎 (管理者)"
expect_screen "the menu offers staff to the administrator" "m 職員"
expect_screen "and changing one's own PIN" "p 暗証番号の変更"
run "$KYODO" staff list --db "$DB" --lang en
expect_out "the administrator is stored" "Administrator"

# The staff screen.
keys m
expect_screen "the staff screen lists the administrator" "山田 太郎"
expect_screen "with the state" "有効"
expect_screen "its key bar: new, deactivate, role, reset" "F6"
keys F2
expect_screen "F2: the new staff member's form" "職員の登録"
type_text "佐藤 花子"; keys Tab
expect_screen "the role starts on center staff" "< センター職員 >"
keys Right
expect_screen "Right chooses the next role" "< 事務局員 >"
keys Left Tab
type_text "1234"; keys Tab; type_text "1234"; keys Enter
expect_screen "added" "佐藤 花子（センター職員）を登録しました"
expect_screen "listed" "佐藤 花子"
keys F4
expect_screen "F4 asks before deactivating" "佐藤 花子 を無効にしますか"
keys y
expect_screen "deactivated" "サインインできなくなりました"
expect_screen "the list says so" "無効"
expect_screen "F4 now reactivates" "有効にする"
keys F4
expect_screen "and asks" "有効にしますか"
keys y
expect_screen "reactivated" "再びサインインできます"
keys F5
expect_screen "F5: the role" "< センター職員 >"
keys Right F2
expect_screen "the role changed" "佐藤 花子 の役割を 事務局員 にしました"
keys F6
expect_screen "F6: a new PIN, twice" "暗証番号（確認）"
type_text "5555"; keys Tab; type_text "5555"; keys Enter
expect_screen "the PIN is reset" "佐藤 花子 の暗証番号を再設定しました"
keys Down F4
expect_screen "the administrator is asked about too" "山田 太郎 を無効にしますか"
keys y
expect_screen "but the last administrator stays" "最後の有効な管理者"
keys F5 Left F2
expect_screen "and keeps the role" "最後の有効な管理者"
keys Escape
expect_screen "Esc asks before dropping a changed form" "破棄しますか"
keys y
wait_for "無効にする" >/dev/null
keys Escape
expect_screen "Esc goes home" "m 職員"

# One's own PIN.
keys p
expect_screen "p: change my PIN" "今の暗証番号"
type_text "1111"; keys Tab; type_text "1357"; keys Tab; type_text "1357"; keys Enter
expect_screen "a wrong current PIN is refused" "今の暗証番号が違います"
type_text "2468"; keys F2
expect_screen "the PIN is changed" "暗証番号を変更しました"
keys F9
expect_screen "F9 locks" "名前を選び"
sign_in 1 2468
expect_screen "the old PIN no longer signs in" "暗証番号が違います"
keys BSpace BSpace BSpace BSpace
type_text "1357"; keys Enter
expect_screen "the new PIN signs in" "m 職員"
keys F9
wait_for "名前を選び" >/dev/null

# Staff added meanwhile appear on the sign-in list without a restart.
printf '4321\n' | "$KYODO" staff add --db "$DB" --name "新人 一郎" --role center \
    --pin-stdin >/dev/null 2>&1
expect_screen "a staff member added meanwhile is listed" "新人 一郎"
sign_in 0 5555
expect_screen "the reset PIN signs in, with the new role" "佐藤 花子 (事務局員)"
expect_no_screen "other roles see no staff screen" "m 職員"
expect_screen "but may change their PIN" "p 暗証番号の変更"

AUDIT=$(sqlite3 "$DB" "SELECT group_concat(action, ' ') FROM audit WHERE kind = 'staff'" 2>/dev/null)
case "$AUDIT" in
*deactivate*reactivate*role*reset-pin*change-pin*) ok "each change is audited" ;;
*) not_ok "each change is audited" "$AUDIT" ;;
esac

# English.
DB2=$T/e.db
"$KYODO" init --db "$DB2" --center jonan --name "Jonan" >/dev/null 2>&1
start_kyodo -- --db "$DB2" --lang en
expect_screen "en: the first start" "This is the first start"
expect_no_screen "en: no command is named" "kyodo staff"
keys Enter
expect_screen "en: the administrator's form" "PIN again"
type_text "Admin"; keys Tab; type_text "2468"; keys Tab; type_text "2468"; keys Enter
expect_screen "en: signed in" "Admin (Administrator)"
expect_screen "en: the staff entry" "m Staff"
keys F10
expect_screen "en: F10 asks" "Quit kyodo?"
