#!/bin/sh
# Sums the valgrind logs of `make valgrind`: one line per run that reported
# an error or a definite leak, then a total.  Exits 1 when there is any.
dir=${1:-build/valgrind}
runs=0
bad=0
for f in "$dir"/vg.*.log; do
	[ -f "$f" ] || continue
	runs=$((runs + 1))
	if grep -qE 'Invalid (read|write)|uninitialised|definitely lost: [1-9]|ERROR SUMMARY: [1-9]' "$f"; then
		bad=$((bad + 1))
		echo "valgrind: $f:"
		grep -E 'Invalid|uninitialised|definitely lost|ERROR SUMMARY' "$f" | head -5 | sed 's/^/  /'
	fi
done
echo "valgrind: $runs runs of kyodo, $bad with errors or definite leaks"
[ "$bad" -eq 0 ]
