#!/bin/sh
# The stick pulled, the power cut: kill `kyodo export` with SIGKILL at
# random moments.  Afterwards every file under a final name on the stick
# must be a whole, verified bundle (city hall imports it), a leftover is at
# most a .part file the next export removes, and the center's store holds
# the same records as before.  KILLS sets the number.
. "$(dirname "$0")/../lib.sh"

KILLS=${KILLS:-12}
C=$T/center.db
CITY=$T/city.db
STICK=$T/stick
mkdir -p "$STICK"
"$KYODO" init --db "$CITY" --city --name 一関市 >/dev/null &&
	"$KYODO" key --db "$CITY" --out "$T/city.key" >/dev/null &&
	KYODO_TODAY=2026-11-28 "$KYODO" demo --db "$C" --years 1 --center c1 --name 一 >/dev/null &&
	"$KYODO" key --db "$C" --city "$T/city.key" >/dev/null &&
	"$KYODO" key --db "$C" --out "$T/c1.key" >/dev/null &&
	"$KYODO" center add --db "$CITY" --code c1 --name 一 --key "$T/c1.key" >/dev/null ||
	{ not_ok "stores for the test" "setup failed"; exit 1; }
records() {
	sqlite3 "$C" "SELECT (SELECT count(*) || '/' || sum(version) FROM meeting) || ' ' ||
	    (SELECT count(*) || '/' || sum(version) FROM facility_use) || ' ' ||
	    (SELECT count(*) || '/' || sum(version) FROM booking) || ' ' ||
	    (SELECT count(*) || '/' || sum(version) FROM application)"
}
before=$(records)
# How long one export takes here: the kills land within that span.
a=$(date +%s%3N)
"$KYODO" export --db "$C" --out "$T/probe" >/dev/null 2>&1 || mkdir -p "$T/probe"
"$KYODO" export --db "$C" --out "$T/probe" >/dev/null 2>&1
b=$(date +%s%3N)
span=$((b - a))
[ "$span" -lt 20 ] && span=20
kills=0
i=0
while [ "$i" -lt "$KILLS" ]; do
	i=$((i + 1))
	"$KYODO" export --db "$C" --out "$STICK" >/dev/null 2>&1 &
	pid=$!
	delay=$(awk -v s="$i$$" -v ms="$span" 'BEGIN { srand(s); printf "%.3f", rand() * ms * 0.6 / 1000 }')
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
	wait "$pid" 2>/dev/null
	sleep 1.05	# file names carry the second: one export a second
done
finals=0
broken=0
for f in "$STICK"/*.kyodo; do
	[ -f "$f" ] || continue
	finals=$((finals + 1))
	cp "$CITY" "$T/check.db"
	if ! "$KYODO" import --db "$T/check.db" "$f" >/dev/null 2>&1; then
		broken=$((broken + 1))
		echo "# $f does not verify"
	fi
	rm -f "$T/check.db" "$T/check.db-wal" "$T/check.db-shm"
done
parts=$(ls -a "$STICK" | grep -c '\.part$')
after=$(records)
echo "# export: $kills kills, $finals whole files, $parts part files left, $broken broken"
if [ "$kills" -ge 1 ]; then ok "export: $kills kills"; else not_ok "export: kills" "none landed"; fi
if [ "$broken" -eq 0 ]; then ok "export: every file under a final name verifies"; else not_ok "export: every final file verifies" "$broken broken"; fi
if [ "$parts" -le 1 ]; then ok "export: at most one .part left (the next export removes it)"; else not_ok "export: .part files" "$parts"; fi
if [ "$before" = "$after" ]; then ok "export: the store's records are unchanged"; else not_ok "export: store unchanged" "$before → $after"; fi
if "$KYODO" check --db "$C" >/dev/null 2>&1; then ok "export: the store is sound"; else not_ok "export: store sound" "check failed"; fi
# A whole export afterwards clears any part file and lands.
if "$KYODO" export --db "$C" --out "$STICK" >/dev/null 2>&1 &&
    [ "$(ls -a "$STICK" | grep -c '\.part$')" -eq 0 ]; then
	ok "export: the next export lands and leaves no part file"
else
	not_ok "export: the next export" "failed or left a part file"
fi
