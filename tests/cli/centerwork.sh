#!/bin/sh
# City hall reads every center's meetings and events: after the monthly
# files are taken, `kyodo list meeting|event --center CODE` lists one
# center's rows (text and CSV), `report monthly --center CODE` counts them
# and lists them as at that center, and the overview counts each center's.
# --center is refused at a center's store.
. "$(dirname "$0")/../lib.sh"
set -u

CITY=$T/city.db
STICK=$T/stick
mkdir -p "$STICK"
k() { "$KYODO" --lang en "$@"; }

must "init city" k init --db "$CITY" --city --name "一関市"
must "city key" k key --db "$CITY" --out "$T/city.key"
for c in jonan mashiba; do
	must "init $c" k init --db "$T/$c.db" --center "$c" --name "センター$c" --city-key "$T/city.key"
	must "key $c" k key --db "$T/$c.db" --out "$T/$c.key"
	must "enrol $c" k center add --db "$CITY" --code "$c" --name "$c センター" --key "$T/$c.key"
done
must "jonan meeting" k add meeting --db "$T/jonan.db" --date 2026-11-04 --kind board \
    --title "城南 役員会" --attendees 12
must "jonan meeting 2" k add meeting --db "$T/jonan.db" --date 2026-11-18 --kind round-table \
    --title "城南 円卓会議" --attendees 30
must "jonan event" k add event --db "$T/jonan.db" --date 2026-11-15 --title "城南 河川清掃" \
    --field environment --participants 64 --volunteers 7
must "mashiba meeting" k add meeting --db "$T/mashiba.db" --date 2026-11-05 --kind board \
    --title "真柴 役員会" --attendees 9
must "mashiba event" k add event --db "$T/mashiba.db" --date 2026-11-20 --title "真柴 子ども食堂" \
    --field childcare --participants 40 --volunteers 5
must "jonan export" k export --db "$T/jonan.db" --out "$STICK"
must "mashiba export" k export --db "$T/mashiba.db" --out "$STICK"
must "city import" k import --db "$CITY" "$STICK"/*.kyodo

run k list meeting --db "$CITY" --center jonan
expect_rc "list meeting --center at city hall" 0
expect_out "jonan's meetings" "城南 役員会"
expect_out "all of them" "城南 円卓会議"
expect_no_out "not mashiba's" "真柴 役員会"
run k list event --db "$CITY" --center mashiba --format csv
expect_out "list event --center as CSV: mashiba's" "真柴 子ども食堂"
expect_no_out "not jonan's" "城南 河川清掃"
run k list meeting --db "$CITY"
expect_out "without --center: every center's" "真柴 役員会"
expect_out "jonan's too" "城南 役員会"
run k list meeting --db "$T/jonan.db" --center jonan
expect_rc "--center at a center's store: usage" 2
expect_err "says it is for city hall" "--center is for city hall's store."

run k report monthly --db "$CITY" --month 2026-11 --center jonan
expect_out "report --center: jonan's meetings counted" "Meetings: 2, attendees in total: 42"
expect_out "and its events" "Events: 1, participants: 64, volunteers: 7"
expect_out "listed" "2026-11-18 城南 円卓会議"
expect_no_out "not mashiba's" "真柴"
k report monthly --db "$T/jonan.db" --month 2026-11 | sed -n '/^Meetings:/,$p' >"$T/at-center"
k report monthly --db "$CITY" --month 2026-11 --center jonan | sed -n '/^Meetings:/,$p' >"$T/at-city"
if cmp -s "$T/at-center" "$T/at-city"; then
	ok "the city's report for jonan reads as jonan's own"
else
	not_ok "the city's report for jonan reads as jonan's own" "$(diff "$T/at-center" "$T/at-city" | head -5)"
fi
run k report monthly --db "$CITY" --month 2026-11 --format csv
expect_out "the overview's CSV: meetings and events per center" \
    "Meetings held,Meeting attendees,Events held,Event participants,Event volunteers"
if tr -d '\r' <"$T/out" | grep -qE '^jonan センター,.*,2,42,1,64,7$' &&
    tr -d '\r' <"$T/out" | grep -qE '^mashiba センター,.*,1,9,1,40,5$' &&
    tr -d '\r' <"$T/out" | grep -qE '^Total,.*,3,51,2,104,12$'; then
	ok "each center's row and the total count its meetings and events"
else
	not_ok "each center's row and the total count its meetings and events" "$(head -c 400 "$T/out")"
fi

# City hall's copy of one center's month, on paper and in Excel: titled by
# the center's enrolled name, not its code.
if command -v pdftotext >/dev/null 2>&1; then
	run k report monthly --db "$CITY" --month 2026-11 --center jonan --format pdf --out "$T/jonan.pdf"
	expect_rc "the center's month as a PDF at city hall: exit 0" 0
	if pdftotext "$T/jonan.pdf" - | grep -q "jonan センター"; then
		ok "the PDF is titled by the center's name"
	else
		not_ok "the PDF is titled by the center's name" "$(pdftotext "$T/jonan.pdf" - | head -3)"
	fi
fi
PY=
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import openpyxl' 2>/dev/null; then PY=$p; break; fi
done
if [ -n "$PY" ]; then
	run k report monthly --db "$CITY" --month 2026-11 --center jonan --format xlsx --out "$T/jonan.xlsx"
	expect_rc "the center's month as a workbook at city hall: exit 0" 0
	if "$PY" "$(dirname "$0")/../tools/xlsx_read.py" "$T/jonan.xlsx" | grep -q "jonan センター"; then
		ok "the workbook is titled by the center's name"
	else
		not_ok "the workbook is titled by the center's name" "$("$PY" "$(dirname "$0")/../tools/xlsx_read.py" "$T/jonan.xlsx" | head -5)"
	fi
fi
