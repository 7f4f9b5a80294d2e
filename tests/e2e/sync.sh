#!/bin/sh
# The sync screen at a center, end to end: a center store made with the
# city's key and a city store it is enrolled at; stand-in sticks are plain
# folders under KYODO_STICK_ROOTS.  Export to a stick (progress, "safe to
# remove", a file the city accepts), the city's decision back (the amount
# shown), a tampered copy refused with the store unchanged, a folder typed
# in, the fingerprint equal to `kyodo key`'s, a moved store (export refused,
# accepted by an administrator only), and resizes down to 1x1.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

k() { "$KYODO" --lang en "$@"; }

CITY=$T/city.db
DB=$T/c.db
MEDIA=$T/media
mkdir -p "$MEDIA/stick1" "$MEDIA/stick2"
must "init city" k init --db "$CITY" --city --name "一関市"
must "city key" k key --db "$CITY" --out "$T/city.key"
must "init center" k init --db "$DB" --center jonan --name "城南市民センター" --city-key "$T/city.key"
must "center key" k key --db "$DB" --out "$T/c.key"
must "enrol" k center add --db "$CITY" --code jonan --name "城南市民センター" --key "$T/c.key"
printf '9999\n' | k staff add --db "$DB" --name "管理者" --role admin --pin-stdin >/dev/null 2>&1
printf '1234\n' | k staff add --db "$DB" --name "佐藤 花子" --role center --pin-stdin >/dev/null 2>&1
must "room" k add room --db "$DB" --name 和室 --active yes
must "meeting" k add meeting --db "$DB" --date 2026-11-05 --kind board --title 役員会
must "application" k add application --db "$DB" --program activity --fy 2026 --title 夏祭り \
	--cost 300000 --requested 200000
must "apply" k grant apply --db "$DB" --application 夏祭り

KYODO_ENV="KYODO_STICK_ROOTS=$MEDIA"
FP=$(k key --db "$DB" | sed 's/^jonan fingerprint //')

if open_signed_in "$DB" --lang en; then ok "signs in"; else not_ok "signs in" "no home"; fi
expect_screen "the center's menu offers sync" " 9 Sync"
keys 9
expect_screen "9 opens the sync screen" "Sync with city hall"
expect_screen "it shows the store's fingerprint, as kyodo key prints it" "Key fingerprint: $FP"
expect_screen "nothing exported yet" "Last export: none yet"
expect_screen "it lists the first stand-in stick" "$MEDIA/stick1"
expect_screen "and the second" "$MEDIA/stick2"

# --- export to stick1 ---
keys Enter
expect_screen "Enter chooses the stick" "Folder: $MEDIA/stick1"
expect_screen "an empty stick says F2 writes the file" "F2 writes this center's file"
keys F2
expect_screen "the progress bar finishes" "100%"
expect_screen "the export says it is safe to remove the stick" "safe to remove the stick"
UP=$(ls "$MEDIA/stick1"/kyodo-jonan-to-city-*.kyodo 2>/dev/null | head -n 1)
check "the file is on the stick" test -s "$UP"
check "no temporary file left on the stick" test "$(ls -A "$MEDIA/stick1" | wc -l)" -eq 1
expect_screen "the result names the file" "$(basename "$UP")"
expect_screen "the last export shows the file" "Last export: "
run k import --db "$CITY" "$UP"
expect_rc "the city accepts the file" 0
expect_out "the city takes the center's rows" "from jonan: 3 new"

# --- the city's decision comes back on stick2 ---
must "decide" k grant decide --db "$CITY" --application 夏祭り --amount 166000
must "city export" k export --db "$CITY" --out "$MEDIA/stick2"
DOWN=$(ls "$MEDIA/stick2"/kyodo-city-to-jonan-*.kyodo 2>/dev/null | head -n 1)
keys Escape
expect_screen "Esc goes back to the stick's folder" "Folder: $MEDIA/stick1"
keys Escape
expect_screen "Esc again: the sticks" "Choose the USB stick"
keys Down Enter
expect_screen "stick2 is chosen" "Folder: $MEDIA/stick2"
expect_screen "the city's file is listed" "$(basename "$DOWN")  from city"
keys Enter
expect_screen "import: one line naming the sender" "from city: 1 new"
expect_screen "import: the decision's table, by its name" "Grant decision: 1 new"
expect_screen "import: the decided amount, with its fiscal year" "FY2026 (Reiwa 8)  夏祭り  Decided: ¥166,000"
expect_screen "import: the last import shows the file" "$(basename "$DOWN")"
run k grant status --db "$DB"
expect_out "the store holds the decision" "166,000"
keys Escape
expect_screen "back in the folder, the file is marked imported" "(imported "

# --- a tampered copy, same name, on stick3 ---
mkdir -p "$MEDIA/stick3"
cp "$DOWN" "$MEDIA/stick3/"
BAD=$MEDIA/stick3/$(basename "$DOWN")
printf 'X' | dd of="$BAD" bs=1 seek=300 conv=notrunc 2>/dev/null
check "the copy differs from the file" sh -c "! cmp -s \"$DOWN\" \"$BAD\""
keys Escape
expect_screen "the new stick appears without a key" "$MEDIA/stick3"
keys Down Down Enter
expect_screen "stick3 is chosen" "Folder: $MEDIA/stick3"
sqlite3 "$DB" .dump >"$T/before"
keys Enter
expect_screen "the tampered file is refused" "refused: "
expect_screen "with the core's sentence" "does not match city's key"
expect_screen "the store is said to be unchanged" "The store is unchanged."
sqlite3 "$DB" .dump >"$T/after"
check "the store is unchanged" cmp -s "$T/before" "$T/after"

# --- a folder typed in ---
mkdir -p "$T/elsewhere"
keys Escape Escape
expect_screen "back to the sticks" "Choose the USB stick"
type_text "$T/nowhere"
keys Enter
expect_screen "a typed folder that is not there is refused" "$T/nowhere is not a folder"
keys C-u
type_text "$T/elsewhere"
keys Enter
expect_screen "a typed folder is used" "Folder: $T/elsewhere"
keys F2
expect_screen "export to the typed folder" "safe to remove the stick"
check "the file is in the typed folder" sh -c "ls \"$T/elsewhere\" | grep -q '^kyodo-jonan-to-city-'"

# --- resizes ---
resize 1 1
resize 3 2
expect_screen "from 1x1 to 3x2: the notice, cut to fit" "Ter"
resize 40 10
expect_screen "at 40x10 the result still shows" "Result"
resize 120 40
expect_screen "at 120x40 the whole path shows" "Written and checked: $T/elsewhere/kyodo-jonan-to-city-"
resize 80 24
if alive; then ok "survives resizes down to 1x1"; else not_ok "survives resizes down to 1x1" "the program ended"; fi

# --- no stick at all ---
mkdir -p "$T/empty"
KYODO_ENV="KYODO_STICK_ROOTS=$T/empty"
open_signed_in "$DB" --lang en >/dev/null
keys 9
expect_screen "no stick: says so" "No USB stick found"

# --- a store moved to another machine ---
KYODO_ENV="KYODO_STICK_ROOTS=$MEDIA KYODO_MACHINE_ID=another-machine"
open_signed_in "$DB" --lang en >/dev/null
keys 9
expect_screen "moved: the screen says so" "Another machine: export refused"
expect_screen "moved: the accept key is offered" "F7 Accept machine"
keys Enter
expect_screen "after a restart the folder typed last is under the cursor" "Folder: $T/elsewhere"
keys Escape
wait_for "Choose the USB stick" >/dev/null
keys Up Up Up Enter
expect_screen "moved: stick1 chosen" "Folder: $MEDIA/stick1"
N1=$(ls "$MEDIA/stick1" | wc -l)
keys F2
expect_screen "moved: the export is refused with the core's sentence" "made on another machine"
expect_screen "moved: the screen says F7 accepts it" "kiosk; then an administrator accepts it here"
expect_no_screen "moved: no command named" "kyodo key"
check "moved: no file written" test "$(ls "$MEDIA/stick1" | wc -l)" -eq "$N1"
keys Escape
keys F7
expect_screen "moved: center staff cannot accept the machine" "Only an administrator"
start_kyodo -- --db "$DB" --lang en
wait_for "管理者" >/dev/null
sign_in 1 9999
wait_for "管理者 (" >/dev/null
keys 9
wait_for "Another machine" >/dev/null
keys F7
expect_screen "moved: the administrator is asked" "Accept this machine as 城南市民センター's kiosk? (y/n)"
keys y
expect_screen "moved: accepted" "This machine is now the store's own."
expect_no_screen "moved: the warning is gone" "Another machine"
keys Enter
expect_screen "accepted: the stick chosen last is under the cursor" "Folder: $MEDIA/stick1"
keys F2
expect_screen "accepted: the export works" "safe to remove the stick"
check "accepted: audited" test "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'machine-moved'")" = 1
