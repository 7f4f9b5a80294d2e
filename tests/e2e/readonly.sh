#!/bin/sh
# A store the kiosk's user cannot write: the kiosk says so in one
# sentence, keeps what was typed, and saves it with the same F2 once the
# store can be written again, without a restart.  Started on a read-only
# store (the file, then file and folder), the kiosk opens, says the store
# is read-only, makes nothing beside it (no journal, no daily backup),
# refuses a sign-in in one sentence (signing in writes), and signs in once
# the store can be written.  No fault
# switch: real files; as root the kiosk runs as nobody (see
# tests/readonly-lib.sh).
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"
. "$(dirname "$0")/../readonly-lib.sh"
at_exit ro_cleanup

D=$T/ro
DB=$D/r.db
ro_start "$D"
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
rw_file "$DB"
# The kiosk runs as the test user; the checks below run kyodo as the
# owner of $T (root or the user itself), who may always read the store.
KYODO_SELF=$KYODO
KYODO="$RO_AS $RO_KYODO"

# --- made read-only while a staff member types ---
if open_signed_in "$DB"; then ok "signed in"; else not_ok "signed in" "no home"; fi
keys 1
expect_screen "the meetings list" "会議  令和8年11月"
keys F2
expect_screen "a new meeting" "会議  新規"
type_text "14:00"; keys Tab Tab Tab
type_text "読み取り専用でも消えない会議"
ro_file "$DB"
keys F2
# (The message line may cut the store's long test path short.)
expect_screen "a read-only store is said in one sentence" \
    "データファイルに書き込めません（読み取り専用）：/"
expect_screen "what was typed is still in the form" "読み取り専用でも消えない会議"
expect_screen "the form is still open" "会議  新規"
expect_no_screen "nothing says it was saved" "保存しました"
if alive; then ok "the kiosk is still running"; else not_ok "the kiosk is still running" "it ended"; fi
run "$KYODO_SELF" list meeting --db "$DB" --lang en
expect_no_out "nothing was stored" "読み取り専用でも消えない会議"
rw_file "$DB"
keys F2
expect_screen "the same F2 saves once the store can be written" "保存しました"
run "$KYODO_SELF" list meeting --db "$DB" --lang en
expect_out "the meeting is stored" "読み取り専用でも消えない会議"

# one_file: ends the kiosk and waits until the store is one file again
# (the owner's last close folds the journal into it).
one_file() {
	$TMUX_CMD kill-server 2>/dev/null
	i=0
	while [ -e "$DB-wal" ] && [ $i -lt $((WAIT_SECONDS * 20)) ]; do
		"$KYODO_SELF" check --db "$DB" >/dev/null 2>&1
		sleep 0.05
		i=$((i + 1))
	done
}

# --- started on a read-only store file (its folder writable) ---
one_file
rm -rf "$DB.backups"
ro_file "$DB"
before=$(ls -A "$D")
start_kyodo -- --db "$DB"
expect_screen "the kiosk opens on a read-only store and says so" \
    "データファイルが読み取り専用のため、書き込めるようになるまで保存できません。"
expect_screen "the sign-in screen lists the staff" "佐藤 花子"
sign_in 0 1234
expect_screen "signing in says the store cannot be written" \
    "データファイルに書き込めません（読み取り専用）：/"
expect_no_screen "nobody is signed in" "佐藤 花子 ("
if alive; then ok "the kiosk is still running"; else not_ok "the kiosk is still running" "it ended"; fi
check "nothing was made beside the store (no journal, no backup)" test "$(ls -A "$D")" = "$before"
rw_file "$DB"
sign_in 0 1234
expect_screen "once writable, signing in works without a restart" "佐藤 花子 ("
keys 1
expect_screen "the meetings list, read" "読み取り専用でも消えない"
keys F2
expect_screen "a second new meeting" "会議  新規"
type_text "15:00"; keys Tab Tab Tab
type_text "書けるようになった会議"
keys F2
expect_screen "and saving works" "保存しました"
run "$KYODO_SELF" list meeting --db "$DB" --lang en
expect_out "the second meeting is stored" "書けるようになった会議"

# --- started on a store whose file and folder are read-only ---
one_file
ro_file "$DB"
ro_dir "$D"
before=$(ls -A "$D")
start_kyodo -- --db "$DB"
expect_screen "file and folder read-only: the kiosk opens and says so" \
    "データファイルが読み取り専用のため、書き込めるようになるまで保存できません。"
expect_screen "file and folder read-only: the staff are listed" "佐藤 花子"
sign_in 0 1234
expect_screen "file and folder read-only: signing in says the store cannot be written" \
    "データファイルに書き込めません（読み取り専用）：/"
if alive; then ok "file and folder read-only: the kiosk is still running"; else
	not_ok "file and folder read-only: the kiosk is still running" "it ended"; fi
check "file and folder read-only: nothing changed in the folder" test "$(ls -A "$D")" = "$before"
