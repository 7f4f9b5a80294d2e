#!/bin/sh
# The benchmark's data, made once and kept in $BENCH (build/bench): 34
# centers with N years each (kyodo demo, a seed each), city hall's store
# with every center enrolled, and each center's export bundle.  Two demos
# run at a time (the machine has two cores).
set -eu
KYODO=$1
BENCH=$2
YEARS=${YEARS:-10}
CENTERS=${CENTERS:-34}
mkdir -p "$BENCH/centers" "$BENCH/bundles"
export KYODO_TODAY=${KYODO_TODAY:-2026-11-28} LANG=C.UTF-8
if [ ! -f "$BENCH/city.db" ]; then
	"$KYODO" init --db "$BENCH/city.db" --city --name 一関市 >/dev/null
fi
# A city store kept from an older kyodo is given the page size a new one
# gets now (VACUUM keeps its keys and enrolled centers).
rm -f "$BENCH"/probe.db*
"$KYODO" init --db "$BENCH/probe.db" --city --name probe >/dev/null
want=$(sqlite3 "$BENCH/probe.db" "PRAGMA page_size")
rm -f "$BENCH"/probe.db*
if [ "$(sqlite3 "$BENCH/city.db" "PRAGMA page_size")" != "$want" ]; then
	sqlite3 "$BENCH/city.db" "PRAGMA journal_mode=DELETE; PRAGMA page_size=$want; VACUUM;
	    PRAGMA journal_mode=WAL;" >/dev/null
fi
rm -f "$BENCH/city.key"	# kyodo writes no file over another
"$KYODO" key --db "$BENCH/city.db" --out "$BENCH/city.key" >/dev/null
make_center() {	# N
	code=$(printf 'c%02d' "$1")
	db=$BENCH/centers/$code.db
	[ -f "$db" ] && return 0
	"$KYODO" demo --db "$db.part" --years "$YEARS" --seed "$1" --center "$code" \
	    --name "センター$1" >/dev/null
	mv "$db.part" "$db"
}
i=1
while [ "$i" -le "$CENTERS" ]; do
	make_center "$i" &
	j=$((i + 1))
	[ "$j" -le "$CENTERS" ] && make_center "$j"
	wait
	i=$((i + 2))
done
for db in "$BENCH"/centers/c*.db; do
	code=$(basename "$db" .db)
	[ -n "$(ls "$BENCH/bundles/kyodo-$code-to-city-"* 2>/dev/null)" ] && continue
	"$KYODO" key --db "$db" --city "$BENCH/city.key" --replace >/dev/null
	rm -f "$BENCH/$code.key"
	"$KYODO" key --db "$db" --out "$BENCH/$code.key" >/dev/null
	"$KYODO" center add --db "$BENCH/city.db" --code "$code" --name "$code" \
	    --key "$BENCH/$code.key" --replace >/dev/null
	"$KYODO" export --db "$db" --out "$BENCH/bundles" >/dev/null
done
