#!/bin/sh
# Power cuts: kill the writer with SIGKILL at random moments, and after each
# kill check that the store is sound, that every record the writer reported
# as saved is there, and that no record is half-written (each has its audit
# entry, written in the same transaction).  KILLS sets the number (make
# check runs the short form, make crash the long one).
. "$(dirname "$0")/../lib.sh"

KILLS=${KILLS:-50}
WRITER=$(dirname "$KYODO")/tests/crash-writer
DB=$T/crash.db
"$KYODO" init --db "$DB" --center crash --name 停電試験 >/dev/null || exit 1
lost=0
bad=0
kills=0
i=0
while [ "$i" -lt "$KILLS" ]; do
	i=$((i + 1))
	"$WRITER" "$DB" >>"$T/saved" 2>>"$T/writer.err" &
	pid=$!
	# A random moment between 5 and 150 ms.
	delay=$(awk -v s="$i$$" 'BEGIN { srand(s); printf "%.3f", 0.005 + rand() * 0.145 }')
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
	wait "$pid" 2>/dev/null
	if ! "$KYODO" check --db "$DB" --lang en >/dev/null 2>"$T/check.err"; then
		bad=$((bad + 1))
		echo "# after kill $i: $(cat "$T/check.err")"
	fi
done
# Every id the writer printed as saved (a line cut by the kill is not an id).
grep -E '^[0-9a-f-]{36}$' "$T/saved" | sort -u >"$T/ids"
sqlite3 "$DB" "SELECT uuid FROM meeting" | sort -u >"$T/stored"
lost=$(comm -23 "$T/ids" "$T/stored" | wc -l)
half=$(sqlite3 "$DB" "SELECT count(*) FROM meeting m WHERE title IS NULL OR agenda IS NULL OR
	NOT EXISTS (SELECT 1 FROM audit a WHERE a.uuid = m.uuid AND a.action = 'add')")
saved=$(wc -l <"$T/ids")
echo "# crash: $kills kills, $saved records reported saved, $lost lost, $half half-written, $bad unsound checks"
if [ "$kills" -ge "$KILLS" ]; then ok "crash: $kills kills"; else not_ok "crash: $KILLS kills" "only $kills"; fi
if [ "$saved" -gt 0 ]; then ok "crash: the writer saved records ($saved)"; else not_ok "crash: the writer saved records" "none: $(head -c 300 "$T/writer.err")"; fi
if [ "$bad" -eq 0 ]; then ok "crash: kyodo check passes after every kill"; else not_ok "crash: kyodo check after every kill" "$bad failed"; fi
if [ "$lost" -eq 0 ]; then ok "crash: no saved record lost"; else not_ok "crash: no saved record lost" "$lost lost"; fi
if [ "$half" -eq 0 ]; then ok "crash: no half-written record"; else not_ok "crash: no half-written record" "$half"; fi
