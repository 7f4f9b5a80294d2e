#!/bin/sh
# Every command that writes a file (key --out, backup --out, export --out,
# init and demo --db, restore's kept-aside store) against what may stand at
# the name it is given: the store's own path, an existing file, a symbolic
# link to a file, a dangling link, a folder.  Each is refused in one
# sentence (exit 1), nothing is written through a link, nothing replaced,
# and the store is as it was.  Then a name free as it should be: written.
. "$(dirname "$0")/../lib.sh"
set -u

DB=$T/s.db
"$KYODO" init --db "$DB" --center kita --name "北センター" >/dev/null 2>&1 &&
	"$KYODO" add meeting --db "$DB" --date 2026-04-01 --kind board --title "守る会議" \
	    >/dev/null 2>&1 || not_ok "setup: a store with one meeting" "init or add failed"

# The places a writer is pointed at, made afresh for each writer.
targets() {
	rm -rf "$T/w"
	mkdir "$T/w"
	printf 'precious\n' >"$T/w/existing"
	printf 'linked\n' >"$T/w/target"
	ln -s "$T/w/target" "$T/w/link"
	ln -s "$T/w/nowhere" "$T/w/dangling"
	mkdir "$T/w/folder"
}

# state: every byte that must not change — the store, the folder's names,
# each file's content, where each link points.
state() {
	cat "$DB" "$DB-wal" 2>/dev/null | cksum
	ls -A "$T" | grep -vx 'out\|err\|why'
	ls -A "$T/w" "$T/w/folder"
	cat "$T/w/existing" "$T/w/target"
	readlink "$T/w/link" "$T/w/dangling"
}

# refused WRITER WHAT [TEXT] -- CMD...: CMD exits 1 with one line on
# stderr (holding TEXT), and nothing changed.
refused() {
	what="$1: $2"
	text=$3
	shift 4
	before=$(state)
	run "$@" --lang en
	expect_rc "$what: exit 1" 1
	check "$what: one sentence on stderr" test "$(wc -l <"$T/err")" -eq 1
	if [ -n "$text" ]; then expect_err "$what: says why" "$text"; fi
	check "$what: nothing written, nothing replaced" test "$(state)" = "$before"
	check "$what: no dangling link followed" test ! -e "$T/w/nowhere"
}

sound() {	# NAME: the store still reads, its meeting there
	run "$KYODO" check --db "$DB" --lang en
	expect_rc "$1: the store is sound" 0
	run "$KYODO" list meeting --db "$DB" --lang en
	expect_out "$1: the store still holds its meeting" "守る会議"
}

# --- kyodo key --out (it once wrote its key over the store: exit 0) ---
targets
refused key "the store's own path" "is the store itself" -- "$KYODO" key --db "$DB" --out "$DB"
refused key "the store's -wal name" "the store uses beside it" -- \
    "$KYODO" key --db "$DB" --out "$DB-wal"
refused key "an existing file" "already exists" -- "$KYODO" key --db "$DB" --out "$T/w/existing"
refused key "a link to a file" "symbolic link" -- "$KYODO" key --db "$DB" --out "$T/w/link"
refused key "a dangling link" "symbolic link" -- "$KYODO" key --db "$DB" --out "$T/w/dangling"
refused key "a folder" "is a folder" -- "$KYODO" key --db "$DB" --out "$T/w/folder"
sound "key"
run "$KYODO" key --db "$DB" --out "$T/w/new.key" --lang en
expect_rc "key to a new name: exit 0" 0
check "key to a new name: the key file" grep -qx "code: kita" "$T/w/new.key"
check "key to a new name: no temporary file left" test "$(ls -A "$T/w" | grep -c part)" -eq 0

# --- kyodo backup --out ---
targets
refused backup "the store's own path" "is the store itself" -- \
    "$KYODO" backup --db "$DB" --out "$DB"
refused backup "an existing file" "already exists" -- \
    "$KYODO" backup --db "$DB" --out "$T/w/existing"
refused backup "a link to a file" "symbolic link" -- "$KYODO" backup --db "$DB" --out "$T/w/link"
refused backup "a dangling link" "symbolic link" -- \
    "$KYODO" backup --db "$DB" --out "$T/w/dangling"
refused backup "a folder" "is a folder" -- "$KYODO" backup --db "$DB" --out "$T/w/folder"
sound "backup"
run "$KYODO" backup --db "$DB" --out "$T/w/new.db" --lang en
expect_rc "backup to a new name: exit 0" 0
check "backup to a new name: no temporary file left" test "$(ls -A "$T/w" | grep -c part)" -eq 0

# --- kyodo export --out DIR: the folder must be a folder ---
targets
refused export "the store's own path" "" -- "$KYODO" export --db "$DB" --out "$DB"
refused export "an existing file" "" -- "$KYODO" export --db "$DB" --out "$T/w/existing"
refused export "a link to a file" "" -- "$KYODO" export --db "$DB" --out "$T/w/link"
refused export "a dangling link" "" -- "$KYODO" export --db "$DB" --out "$T/w/dangling"
sound "export"

# --- kyodo init and demo --db: a new store only ---
for cmd in init demo; do
	targets
	if [ "$cmd" = init ]; then set -- init --center nishi --name 西; else set -- demo; fi
	refused "$cmd" "the store's own path" "already exists" -- "$KYODO" "$@" --db "$DB"
	refused "$cmd" "an existing file" "already exists" -- "$KYODO" "$@" --db "$T/w/existing"
	refused "$cmd" "a link to a file" "already exists" -- "$KYODO" "$@" --db "$T/w/link"
	refused "$cmd" "a dangling link" "already exists" -- "$KYODO" "$@" --db "$T/w/dangling"
	refused "$cmd" "a folder" "already exists" -- "$KYODO" "$@" --db "$T/w/folder"
	sound "$cmd"
done

# --- kyodo restore: --db must be a store (or nothing); the backup is only read ---
targets
"$KYODO" backup --db "$DB" --out "$T/b.db" >/dev/null 2>&1
refused restore "an existing file that is no store" "is not a kyodo store" -- \
    "$KYODO" restore --db "$T/w/existing" --from "$T/b.db"
refused restore "a dangling link" "symbolic link" -- \
    "$KYODO" restore --db "$T/w/dangling" --from "$T/b.db"
refused restore "a folder" "is not a kyodo store" -- \
    "$KYODO" restore --db "$T/w/folder" --from "$T/b.db"
refused restore "a link to a file that is no store" "is not a kyodo store" -- \
    "$KYODO" restore --db "$T/w/link" --from "$T/b.db"
sound "restore"
# A store reached through a link is restored where it is; the link stays.
ln -s "$DB" "$T/w/store-link"
b_sum=$(cksum <"$T/b.db")
run "$KYODO" restore --db "$T/w/store-link" --from "$T/b.db" --lang en
expect_rc "restore through a link to the store: exit 0" 0
check "restore through a link: the link is still a link to the store" \
    test "$(readlink "$T/w/store-link")" = "$DB"
check "restore through a link: the store is a file" test -f "$DB" -a ! -L "$DB"
check "restore through a link: the backup was only read" test "$(cksum <"$T/b.db")" = "$b_sum"
check "restore through a link: the store that was there is kept beside it" \
    test "$(ls "$T" | grep -c '^s\.db\.before-restore-')" -eq 1
check "restore through a link: no temporary copy left" test "$(ls -A "$T" | grep -c part)" -eq 0
sound "restore through a link"
run "$KYODO" restore --db "$DB" --from "$T/b.db" --lang en
expect_rc "a second restore: exit 0" 0
check "a second restore: each store kept aside has a name of its own" \
    test "$(ls "$T" | grep -c '^s\.db\.before-restore-')" -eq 2
