#!/bin/sh
# The kiosk's daily backup never skips in silence: something under today's
# name that is not a copy (a link here) is passed over and the copy takes
# the next name, the link and its file untouched; with every name taken,
# the kiosk says in one line why there is no backup today.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/b.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
printf 'precious\n' >"$T/precious"
mkdir "$DB.backups"
ln -s "$T/precious" "$DB.backups/kyodo-2026-11-28.db"

# wait_file FILE: polls until FILE exists (the copy is made after the first frame).
wait_file() {
	i=0
	while [ ! -f "$1" ] && [ $i -lt $((WAIT_SECONDS * 20)) ]; do sleep 0.05; i=$((i + 1)); done
	[ -f "$1" ]
}

start_kyodo -- --db "$DB"
expect_screen "the kiosk opens" "佐藤 花子"
if wait_file "$DB.backups/kyodo-2026-11-28-2.db"; then
	ok "a link under today's name: the copy takes the next name"
else
	not_ok "a link under today's name: the copy takes the next name" "$(ls -A "$DB.backups")"
fi
check "the link is still a link" test -L "$DB.backups/kyodo-2026-11-28.db"
check "the file it points to is untouched" test "$(cat "$T/precious")" = precious
run "$KYODO" check --db "$DB.backups/kyodo-2026-11-28-2.db" --lang en
expect_rc "the copy is a sound store" 0
expect_no_screen "nothing said about the backup" "バックアップに失敗"

# Every one of today's names taken: the kiosk says so, and still opens.
DB2=$T/c.db
make_store "$DB2" || not_ok "second store" "init or staff add failed"
mkdir "$DB2.backups"
for n in "" -2 -3 -4 -5 -6 -7 -8 -9; do
	ln -s "$T/precious" "$DB2.backups/kyodo-2026-11-28$n.db"
done
start_kyodo -- --db "$DB2"
expect_screen "every name taken: the kiosk says there is no backup today, and why" \
    "今日のバックアップに失敗しました：今日のバックアップの名前はどれも"
expect_screen "every name taken: the kiosk still opens" "佐藤 花子"
check "every name taken: no copy made, the links untouched" \
    test "$(find "$DB2.backups" -type f | wc -l)" -eq 0
check "every name taken: the file they point to is untouched" test "$(cat "$T/precious")" = precious
