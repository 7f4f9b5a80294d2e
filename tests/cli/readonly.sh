#!/bin/sh
# A store this user cannot write (its file, its folder, or both): kyodo
# still reads it (list, check), refuses a write in one sentence (exit 1),
# writes nothing and leaves no file beside it; once the store can be
# written again the same command works.  No fault switch: a real file the
# process cannot write.

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../readonly-lib.sh"
set -u
at_exit ro_cleanup

D=$T/ro
DB=$D/s.db
ro_start "$D"
if ! { "$KYODO" init --db "$DB" --center kita --name "北センター" >/dev/null 2>&1 &&
	"$KYODO" add meeting --db "$DB" --date 2026-11-20 --kind board --title "読める会議" \
	    >/dev/null 2>&1; }; then
	not_ok "setup: a store with one meeting" "init or add failed"
	exit 1
fi
check "setup: the store is one file, nothing beside it" test "$(ls -A "$D")" = "s.db"

# snap: what is in the folder, and every byte of the store and its journal.
snap() {
	ls -A "$D"
	cat "$DB" "$DB-wal" 2>/dev/null | cksum
}

one_line() {	# NAME: stderr is one line
	check "$1" test "$(wc -l <"$T/err")" -eq 1
}

# reads_refuses WHAT: list and check work, add is refused in one sentence,
# and nothing in the folder changes.
reads_refuses() {
	before=$(snap)
	run as_user "$RO_KYODO" list meeting --db "$DB" --lang en
	expect_rc "$1: list works" 0
	expect_out "$1: list shows the stored meeting" "読める会議"
	run as_user "$RO_KYODO" check --db "$DB" --lang en
	expect_rc "$1: check works" 0
	expect_out "$1: check finds the store sound" "The store is sound"
	run as_user "$RO_KYODO" add meeting --db "$DB" --date 2026-11-21 --kind board \
	    --title "書けない会議" --lang en
	expect_rc "$1: add exits 1" 1
	expect_err "$1: add says the store cannot be written, and names it" \
	    "The store cannot be written (read-only): $DB"
	one_line "$1: add says so in one line"
	run as_user "$RO_KYODO" add meeting --db "$DB" --date 2026-11-21 --kind board \
	    --title "書けない会議"
	expect_err "$1: in Japanese too" "データファイルに書き込めません（読み取り専用）：$DB"
	check "$1: nothing written, no file made beside the store" test "$(snap)" = "$before"
}

# The file is read-only, the folder is not (SQLite could make its -shm and
# -wal there; kyodo must not leave them behind).
ro_file "$DB"
reads_refuses "read-only file"

# The file and its folder are read-only.
ro_dir "$D"
reads_refuses "read-only file and folder"

# The file could be written but its folder cannot: SQLite cannot make the
# -wal and -shm a WAL store needs, so this store cannot be written either.
rw_file "$DB"
reads_refuses "read-only folder"

# Changes waiting in a -wal beside a read-only store (a writer stopped dead)
# are read; a -wal that cannot be read is refused in one sentence.
rw_dir "$D"
sh -c 'sqlite3 "$1" "UPDATE meeting SET title = '\''読める会議（WAL）'\''" ".shell kill -9 \$PPID"' \
    sh "$DB" >/dev/null 2>&1
check "setup: changes wait in the -wal" test -s "$DB-wal"
ro_file "$DB"
ro_dir "$D"
before=$(snap)
run as_user "$RO_KYODO" list meeting --db "$DB" --lang en
expect_rc "-wal beside a read-only store: list works" 0
expect_out "-wal beside a read-only store: the waiting change is read" "読める会議（WAL）"
run as_user "$RO_KYODO" add meeting --db "$DB" --date 2026-11-21 --kind board --title "書けない会議" \
    --lang en
expect_rc "-wal beside a read-only store: add exits 1" 1
expect_err "-wal beside a read-only store: add says why" "The store cannot be written (read-only)"
check "-wal beside a read-only store: nothing written" test "$(snap)" = "$before"
chmod 0000 "$DB-wal"
before=$(snap)
run as_user "$RO_KYODO" list meeting --db "$DB" --lang en
expect_rc "unreadable -wal beside a read-only store: refused, exit 1" 1
expect_err "unreadable -wal beside a read-only store: names the file and says read-only" \
    "$DB is read-only for this user, and the changes waiting beside it ($DB-wal) cannot be read."
one_line "unreadable -wal beside a read-only store: one sentence"
check "unreadable -wal beside a read-only store: nothing written" test "$(snap)" = "$before"
chmod 0600 "$DB-wal"

# Writable again: the same command works, and the journal files go when
# the store is closed.
rw_dir "$D"
rw_file "$DB"
run as_user "$RO_KYODO" add meeting --db "$DB" --date 2026-11-21 --kind board --title "書ける会議" \
    --lang en
expect_rc "writable again: add works" 0
run as_user "$RO_KYODO" list meeting --db "$DB" --lang en
expect_out "writable again: the new meeting is stored" "書ける会議"
expect_out "writable again: the change from the -wal is kept" "読める会議（WAL）"
check "writable again: nothing left beside the store" test "$(ls -A "$D")" = "s.db"
