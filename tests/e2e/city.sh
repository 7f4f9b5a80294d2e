#!/bin/sh
# City hall's kiosk end to end: the same program on a city store shows the
# city's menu; the sync screen takes every center's file from a stand-in
# stick (one line each) and writes the return files (every center, or one);
# the centers screen lists the enrolled centers with their last file,
# flagged after 35 days of silence, and opens a center's monthly report
# on the report screen, in the layout the center sees.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

# The log holds the real time of each import: today must be real too.
KYODO_TODAY=$(date +%Y-%m-%d)
export KYODO_TODAY
MONTH=$(date +%Y-%m)
k() { "$KYODO" --lang en "$@"; }

CITY=$T/city.db
MEDIA=$T/media
STICK=$MEDIA/stick1
mkdir -p "$STICK"
must "init city" k init --db "$CITY" --city --name "一関市 まちづくり推進課"
must "city key" k key --db "$CITY" --out "$T/city.key"
printf '2468\n' | k staff add --db "$CITY" --name "市 職員" --role city --pin-stdin >/dev/null 2>&1
for c in jonan mashiba hagisho; do
	must "init $c" k init --db "$T/$c.db" --center "$c" --name "センター$c" --city-key "$T/city.key"
	must "key $c" k key --db "$T/$c.db" --out "$T/$c.key"
done
must "enrol jonan" k center add --db "$CITY" --code jonan --name "城南市民センター" --key "$T/jonan.key"
must "enrol mashiba" k center add --db "$CITY" --code mashiba --name "真柴市民センター" --key "$T/mashiba.key"
must "enrol hagisho" k center add --db "$CITY" --code hagisho --name "萩荘市民センター" --key "$T/hagisho.key"
must "jonan room" k add room --db "$T/jonan.db" --name 和室 --active yes
must "jonan use" k add use --db "$T/jonan.db" --date "$KYODO_TODAY" --start 13:00 --end 15:00 \
	--room 和室 --group "囲碁クラブ" --category group --people 8 --fee 1200 --exemption 0
must "mashiba room" k add room --db "$T/mashiba.db" --name 大会議室 --active yes
must "jonan export" k export --db "$T/jonan.db" --out "$STICK"
must "mashiba export" k export --db "$T/mashiba.db" --out "$STICK"
# hagisho was last heard from long ago.
sqlite3 "$CITY" "INSERT INTO sync_log (at, direction, peer, file, rows, result) VALUES
    ('2020-01-06T01:00:00Z', 'import', 'hagisho', '/old/kyodo-hagisho-to-city-20200106-010000.kyodo', 4, 'ok')"

KYODO_ENV="KYODO_STICK_ROOTS=$MEDIA"
start_kyodo -- --db "$CITY" --lang en
wait_for "市 職員" >/dev/null
sign_in 0 2468
expect_screen "a city staff member signs in" "市 職員 (City division)"
expect_screen "the city's menu: centers" " 1 Centers"
expect_screen "the city's menu: sync" " 9 Sync"
expect_screen "the city's menu: monthly reports" "Monthly reports"
expect_screen "the city's menu: grants" "Grants"
expect_no_screen "no meetings at city hall" "Meetings"
expect_no_screen "no bookings at city hall" "Bookings"
expect_no_screen "no rooms at city hall" "Rooms"
expect_no_screen "no community plan at city hall" "Community plan"
expect_screen "home shows the centers' monthly files, not a center's day" "Monthly files from the centers (! late: 3)"
expect_screen "a center never heard from, by name" "! 城南市民センター  no file yet"
expect_screen "the one silent since 2020" "! 萩荘市民センター  last file 2020-01-06"
expect_no_screen "no meetings panel at city hall" "Meeting (0)"

# --- take the centers' files ---
keys 9
expect_screen "9 opens city hall's sync" "Sync with the centers"
expect_screen "the stand-in stick is listed" "$STICK"
keys Enter
expect_screen "jonan's file is listed" "from jonan"
expect_screen "mashiba's file is listed" "from mashiba"
keys F3
expect_screen "import all: a summary" "2 taken, 0 refused."
expect_screen "import all: a line for jonan" "from jonan: 2 new"
expect_screen "import all: a line for mashiba" "from mashiba: 1 new"
check "the city holds jonan's use" test "$(sqlite3 "$CITY" "SELECT count(*) FROM facility_use WHERE origin = 'jonan'")" = 1

# --- the return files ---
RET=$MEDIA/stick2
mkdir -p "$RET"
keys Escape Escape
expect_screen "back to the sticks" "Choose the USB stick"
expect_screen "the return stick appears" "$RET"
keys Down Enter
expect_screen "the return stick is chosen" "Folder: $RET"
expect_screen "it holds nothing for city hall" "No file addressed to city hall here"
keys F2
expect_screen "F2 asks for which center" "Write the file for which center?"
expect_screen "all of them first" "All centers (3)"
keys Enter
expect_screen "every center's file is written" "Every file is on the stick and checked: it is safe to remove the stick."
for c in jonan mashiba hagisho; do
	check "a return file for $c" sh -c "ls \"$RET\" | grep -q '^kyodo-city-to-$c-'"
	f=$(ls "$RET"/kyodo-city-to-$c-*.kyodo 2>/dev/null | head -n 1)
	run k import --db "$T/$c.db" "$f"
	expect_rc "$c accepts its return file" 0
done
mkdir -p "$MEDIA/stick3"
keys Escape Escape
wait_for "Choose the USB stick" >/dev/null
wait_for "$MEDIA/stick3" >/dev/null
keys Down Down Enter
expect_screen "the third stick is chosen" "Folder: $MEDIA/stick3"
keys F2
wait_for "All centers" >/dev/null
# Centers by code: hagisho, jonan, mashiba.
keys Down Down Down Enter
expect_screen "one center's file is written" "mashiba: written and checked"
check "only mashiba's file on that stick" sh -c "ls \"$MEDIA/stick3\" | grep -qx 'kyodo-city-to-mashiba-.*\\.kyodo' && test \$(ls \"$MEDIA/stick3\" | wc -l) -eq 1"

# --- the centers ---
keys Escape Escape Escape
expect_screen "back home" "Menu"
keys 1
expect_screen "1 opens the centers" "3 centers enrolled"
expect_screen "the overview counts the late one" "1 not heard from in 35 days"
expect_screen "jonan with its name" "城南市民センター"
expect_screen "jonan's last import is today" "$KYODO_TODAY"
expect_screen "hagisho is flagged" "no file in 35 days"
if screen | grep "jonan" | grep -q "no file in 35 days"; then
	not_ok "jonan is not flagged" "$(screen | grep jonan)"
else
	ok "jonan is not flagged"
fi
if screen | grep "mashiba" | grep -qE " 1( |\$)"; then ok "mashiba's row counts its rows"; else not_ok "mashiba's row counts its rows" "$(screen | grep mashiba)"; fi
type_text "真柴"
expect_screen "typing filters the centers" "Filter: 真柴"
expect_no_screen "the filter hides the others" "城南市民センター"
keys Escape
expect_screen "Esc clears the filter" "城南市民センター"
keys Down
keys Enter
# The report screen, in the layout the center itself sees.
MONTH_EN=$(LC_ALL=C date +'%B %Y')
expect_screen "Enter shows the center's monthly report" "A center's monthly report."
expect_screen "the report names the center, not its code" " 城南市民センター  $MONTH_EN"
expect_screen "the report holds jonan's room" "和室"
expect_screen "and its use" "Total"
expect_screen "with the center's meetings and events, as at the center" \
    "Meetings: 0, attendees in total: 0"
keys F5
wait_for "A center's monthly report." >/dev/null
keys F6
expect_screen "F5/F6 change the month and come back" " 城南市民センター  $MONTH_EN"
k report monthly --db "$CITY" --month "$MONTH" --center jonan --format csv | tr -d '\r' >"$T/report"
line=$(awk -F, '$1 == "和室" { printf "^ 和室 +%s +%s +%s ", $2, $3, $4 }' "$T/report")
expect_screen_re "the screen shows the report's numbers, as kyodo report prints them" "$line"
resize 1 1
resize 3 2
expect_screen "from 1x1 to 3x2: the notice, cut to fit" "Ter"
resize 120 40
expect_screen "at 120x40 the report still shows" "A center's monthly report."
if alive; then ok "survives resizes down to 1x1"; else not_ok "survives resizes down to 1x1" "the program ended"; fi
