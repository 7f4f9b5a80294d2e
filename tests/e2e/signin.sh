#!/bin/sh
# Signing in at the kiosk: the PIN is never shown (● per digit), wrong
# PINs say how many tries are left, the fifth locks the account for a
# while, the right PIN opens home; F9 and the idle timer lock the kiosk
# again, and a half-typed form is not saved.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/s.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }

start_kyodo -- --db "$DB"
expect_screen "opens on sign-in" "サインイン"
expect_screen "lists staff by name" "佐藤 花子"
expect_screen "with their role" "センター職員"
type_text "12"
expect_screen "PIN shown as one ● per digit" "暗証番号: ●●"
expect_no_screen "PIN digits never shown" "暗証番号: 12"
keys BSpace
expect_screen "Backspace removes a digit" "暗証番号: ●"
keys BSpace

# The administrator (second in the list) gets wrong PINs.
keys Down
type_text "1111"; keys Enter
expect_screen "wrong PIN: four tries left" "あと 4 回"
type_text "1111"; keys Enter
expect_screen "wrong PIN: three tries left" "あと 3 回"
type_text "1111"; keys Enter
type_text "1111"; keys Enter
expect_screen "wrong PIN: one try left" "あと 1 回"
type_text "1111"; keys Enter
expect_screen "the fifth locks the account" "ロック中です"
expect_screen "for a number of seconds" "秒お待ちください"
type_text "9999"; keys Enter
expect_screen "even the right PIN waits while locked" "ロック中です"
# The count lives in the store: a restart does not lift the lock.
start_kyodo -- --db "$DB"
wait_for "佐藤 花子" >/dev/null
keys Down
type_text "9999"; keys Enter
expect_screen "the lock survives a restart" "ロック中です"

# Another account is not affected.
keys Up
type_text "1234"; keys Enter
expect_screen "the right PIN signs in" "佐藤 花子 (センター職員)"
expect_screen "home shows today with the era" "令和8年11月28日(土)"

# F9 locks.
keys F9
expect_screen "F9 returns to sign-in" "サインイン"
sign_in 0 1234
expect_screen "signs in again" "佐藤 花子 (センター職員)"

# Idle lock: a 2-second timer for the test; a half-typed meeting is lost.
KYODO_ENV="KYODO_IDLE_SECONDS=2" open_signed_in "$DB" >/dev/null
keys 1
wait_for "会議  令和8年11月" >/dev/null
keys F2
wait_for "会議  新規" >/dev/null
type_text "10:00"; keys Tab Tab Tab
type_text "書きかけの会議"
expect_screen "idle time locks the kiosk" "操作がなかったためロックしました"
expect_screen "back on sign-in" "サインイン"
run "$KYODO" list meeting --db "$DB" --lang en
expect_no_out "the half-typed form was not saved" "書きかけの会議"
expect_screen "the lock says the form is kept, and for whom" "保存していない入力は 佐藤 花子"

# Another person signing in does not see it; its owner gets it back.
printf '5678\n' | "$KYODO" staff add --db "$DB" --name "鈴木 一郎" --role secretariat \
    --pin-stdin >/dev/null 2>&1
wait_for "鈴木 一郎" >/dev/null
sign_in 2 5678
wait_for "鈴木 一郎 (" >/dev/null
expect_no_screen "someone else does not see 佐藤 花子's form" "書きかけの会議"
keys F9
wait_for "サインイン" >/dev/null
sign_in 0 1234
expect_screen "佐藤 花子 gets the form back" "書きかけの会議"
expect_screen "as the new meeting it was" "会議  新規"
expect_screen "with a word on it" "ロック前の保存していない入力を戻しました"
keys F2
expect_screen "and saves it" "保存しました"
run "$KYODO" list meeting --db "$DB" --lang en
expect_out "the kept form is stored once saved" "書きかけの会議"
