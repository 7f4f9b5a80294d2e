#!/bin/sh
# A store this user cannot write (its file, its folder, or both): kyodo
# still reads it (list, check), refuses a write in one sentence (exit 1),
# writes nothing and leaves no file beside it; once the store can be
# written again the same command works.  No fault switch: a real file the
# process cannot write.
#
# The helpers down to "end of the shared helpers" are shared with
# tests/e2e/readonly.sh, which sources this file with RO_HELPERS_ONLY=1
# (after tests/lib.sh) to get them.

# Root may write any file, so when the tests run as root kyodo runs as
# nobody (setpriv, util-linux) and a read-only file or folder is one root
# owns (files mode 0644: nobody may read, not write); as any other user
# kyodo runs as that user and read-only is chmod a-w.
if [ "$(id -u)" -eq 0 ]; then
	RO_AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
else
	RO_AS=""
fi

# as_user CMD ARGS...: runs CMD as the user kyodo runs as in these tests.
as_user() {
	$RO_AS "$@"
}

# ro_setup DIR: makes DIR, a folder that user may write, and lets the user
# through $T to it; RO_KYODO is then the kyodo that user runs.  False when
# it cannot (root without setpriv).
ro_setup() {
	RO_KYODO=$KYODO
	if [ -n "$RO_AS" ]; then
		command -v setpriv >/dev/null 2>&1 || return 1
		chmod 0711 "$T" || return 1
		# make valgrind: nobody's reports go beside root's (the folder
		# sticky, as /tmp) under names of their own, so that a report of
		# root's with the same pid cannot stand in the way.
		if [ -n "${KYODO_VALGRIND:-}" ]; then
			chmod 1777 "$VALGRIND_LOGS" || return 1
			RO_KYODO=$T/kyodo-vg-user
			printf '#!/bin/sh\nexec valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --log-file=%s/vg.user-%%p.log %s "$@"\n' \
			    "$VALGRIND_LOGS" "$(cd "$(dirname "$0")/../.." && pwd)/$BUILD/kyodo" >"$RO_KYODO"
			chmod 0755 "$RO_KYODO" || return 1
		fi
	fi
	mkdir -p "$1" && rw_dir "$1"
}

ro_file() {	# FILE: the user may read FILE but not write it
	if [ -n "$RO_AS" ]; then chown 0:0 "$1" && chmod 0644 "$1"; else chmod 0444 "$1"; fi
}

rw_file() {	# FILE: the user may write FILE
	if [ -n "$RO_AS" ]; then chown 65534:65534 "$1" && chmod 0600 "$1"; else chmod 0600 "$1"; fi
}

ro_dir() {	# DIR: the user may read DIR but make or remove nothing in it
	if [ -n "$RO_AS" ]; then chown 0:0 "$1" && chmod 0755 "$1"; else chmod 0555 "$1"; fi
}

rw_dir() {	# DIR: the user may make files in DIR
	if [ -n "$RO_AS" ]; then chown 65534:65534 "$1" && chmod 0755 "$1"; else chmod 0755 "$1"; fi
}

# ro_cleanup: everything under $T can be removed again (for the EXIT trap;
# a user who is not root cannot empty a folder it made read-only).
ro_cleanup() {
	chmod -R u+rwX "$T" 2>/dev/null
	if [ -n "$RO_AS" ] && [ -n "${KYODO_VALGRIND:-}" ]; then
		chmod 0755 "$VALGRIND_LOGS" 2>/dev/null
	fi
	return 0
}
# --- end of the shared helpers ---
if [ -n "${RO_HELPERS_ONLY:-}" ]; then
	return 0
fi

. "$(dirname "$0")/../lib.sh"
set -u
trap 'ro_cleanup; rm -rf "$T"' EXIT

D=$T/ro
DB=$D/s.db
if ! ro_setup "$D"; then
	not_ok "a folder for a user who is not root" "as root, setpriv (util-linux) is needed"
	exit 1
fi
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
