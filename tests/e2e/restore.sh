#!/bin/sh
# kyodo restore and a running kiosk: while the kiosk (and a command-line
# writer) has the store open, restore is refused in one sentence naming the
# kiosk's process, and every save either reported is in the store
# afterwards.  Once the kiosk is closed, restore puts the backup back (and
# audits it), and the kiosk simply opens the restored store.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/r.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
"$KYODO" add meeting --db "$DB" --date 2026-11-02 --kind board --title "バックアップ前の会議" \
    >/dev/null 2>&1
"$KYODO" backup --db "$DB" --out "$T/before.db" >/dev/null 2>&1 ||
	not_ok "setup: a backup" "kyodo backup failed"

run "$KYODO" restore --help --lang en
expect_out "restore --help says what happens with a kiosk running" \
    "restore changes nothing"
run "$KYODO" restore --help
expect_out "restore --help in Japanese too" "開いている間は何も変えず"

# new_meeting TIME TITLE: the kiosk's form for a new meeting, saved.
new_meeting() {
	keys F2
	wait_for "会議  新規" >/dev/null
	type_text "$1"; keys Tab Tab Tab
	type_text "$2"
	keys F2
}

stored() {	# NAME TITLE: the store holds a meeting titled TITLE
	run "$KYODO" list meeting --db "$DB" --lang en
	expect_out "$1" "$2"
}

# --- the kiosk holds the store: restore is refused, nothing is lost ---
if open_signed_in "$DB"; then ok "the kiosk is signed in"; else not_ok "the kiosk is signed in" "no home"; fi
keys 1
expect_screen "the meetings list" "会議  令和8年11月"
new_meeting "10:00" "窓口で保存した会議A"
expect_screen "the kiosk saves A" "保存しました"

# A writer on the command line saves meetings while restore is tried.
(
	n=0
	while [ $n -lt 8 ]; do
		n=$((n + 1))
		if "$KYODO" add meeting --db "$DB" --date 2026-11-20 --kind other \
		    --title "コマンドで保存した会議$n" >/dev/null 2>&1; then
			echo "コマンドで保存した会議$n"
		fi
	done
) >"$T/writer.saved" &
writer=$!
run "$KYODO" restore --db "$DB" --from "$T/before.db" --lang en
wait "$writer"
expect_rc "restore while the kiosk is open: exit 1" 1
expect_err "restore while the kiosk is open: says the store is open" "$DB is open in"
check "restore while the kiosk is open: one sentence" test "$(wc -l <"$T/err")" -eq 1
# "kyodo (process 123)", or with the writer's too "(processes 123, 456)".
kiosk=
for pid in $(sed -n 's/.*(process[es]* \([0-9, ]*\)).*/\1/p' "$T/err" | tr ',' ' '); do
	# The kiosk is the one started with nothing but options.
	args=$(cat "/proc/$pid/cmdline" 2>/dev/null | tr '\0' ' ')
	case "$args" in *" --db $DB "*) case "$args" in *" add "*) ;; *) kiosk=$pid ;; esac ;; esac
done
if [ -n "$kiosk" ]; then
	ok "restore while the kiosk is open: names the kiosk's process"
else
	not_ok "restore while the kiosk is open: names the kiosk's process" "$(cat "$T/err")"
fi
check "restore while the kiosk is open: no copy and no kept-aside store made" \
    test "$(ls -A "$T" | grep -c 'part$\|before-restore')" -eq 0
run "$KYODO" restore --db "$DB" --from "$T/before.db"
expect_err "restore while the kiosk is open: in Japanese too" "が開いているため、そちらを閉じてから戻してください。"

if alive; then ok "the kiosk still runs"; else not_ok "the kiosk still runs" "it ended"; fi
new_meeting "11:00" "窓口で保存した会議B"
expect_screen "the kiosk saves B after the refused restore" "保存しました"
stored "the kiosk's A is in the store" "窓口で保存した会議A"
stored "the kiosk's B is in the store" "窓口で保存した会議B"
check "the writer saved every meeting" test "$(wc -l <"$T/writer.saved")" -eq 8
lost=0
while read -r title; do
	grep -qF -- "$title" "$T/out" || lost=$((lost + 1))
done <"$T/writer.saved"
check "every meeting the writer reported saved is in the store" test "$lost" -eq 0
check "no restore in the audit log" \
    test "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'restore'")" -eq 0

# --- the kiosk closed: restore works, and says where the old store went ---
keys F10
wait_for "終了しますか" >/dev/null
keys y
i=0
while alive && [ $i -lt $((WAIT_SECONDS * 20)) ]; do sleep 0.05; i=$((i + 1)); done
if alive; then not_ok "the kiosk quits" "still running"; else ok "the kiosk quits"; fi
run "$KYODO" restore --db "$DB" --from "$T/before.db" --lang en
expect_rc "restore with the kiosk closed: exit 0" 0
expect_out "restore with the kiosk closed: says where the store that was there is" \
    "the store that was there is kept as"
aside=$(ls "$T" | grep '^r\.db\.before-restore-' | head -1)
check "restore: the store that was there is kept aside" test -n "$aside"
run "$KYODO" list meeting --db "$T/$aside" --lang en
expect_out "the kept-aside store has the kiosk's saves" "窓口で保存した会議B"
expect_out "the kept-aside store has the writer's saves" "コマンドで保存した会議8"
run "$KYODO" list meeting --db "$DB" --lang en
expect_out "the restored store has the backup's meeting" "バックアップ前の会議"
expect_no_out "the restored store is the backup's" "窓口で保存した会議A"
check "restore is in the restored store's audit log" \
    test "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'restore' AND summary LIKE '%before.db%'")" -eq 1

# --- the kiosk opens the restored store as any other ---
if open_signed_in "$DB"; then ok "the kiosk opens the restored store"; else
	not_ok "the kiosk opens the restored store" "no home"; fi
keys 1
expect_screen "its meetings are the backup's" "バックアップ前の会議"
expect_no_screen "without the meetings made after the backup" "窓口で保存した会議A"
new_meeting "13:00" "復元後に保存した会議C"
expect_screen "and it saves" "保存しました"
stored "the save after the restore is in the store" "復元後に保存した会議C"
