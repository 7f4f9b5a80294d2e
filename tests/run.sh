#!/bin/sh
# Runs every suite — the cmocka unit tests, the command-line tests and the
# end-to-end tests in tmux — and ends with one line "N passed, N failed".
# Every suite speaks TAP ("ok …" / "not ok …"); a suite that dies without
# saying so counts as one failure.  The failures, with the last lines each
# failing suite printed, are said again just above the summary, so that a
# log cut to its tail (as CI shows it) still tells what failed and why.
: "${BUILD:=build}"
export BUILD
cd "$(dirname "$0")/.." || exit 1
passed=0
failed=0
log=$(mktemp)
failures=$(mktemp)

tally() {	# SUITE-NAME STATUS
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - $1 exited with status $2"
		f=1
	fi
	grep '^not ok ' "$log" | sed "s|^|  $1: |"
	if [ "$f" -ne 0 ]; then
		{
			echo "== $1: $f failed; what it printed last:"
			grep '^not ok ' "$log" | sed 's/^/  /'
			tail -n 25 "$log" | sed 's/^/  | /'
		} >>"$failures"
	fi
	echo "$1: $p passed, $f failed"
	passed=$((passed + p))
	failed=$((failed + f))
}

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	CMOCKA_MESSAGE_OUTPUT=TAP "$t" >"$log" 2>&1
	tally "unit/$(basename "$t")" $?
done
for t in tests/cli/*.sh tests/crash/*.sh tests/e2e/*.sh; do
	[ -f "$t" ] || continue
	sh "$t" >"$log" 2>&1
	tally "$t" $?
done
if [ -s "$failures" ]; then
	echo
	echo "What failed:"
	cat "$failures"
	echo
fi
rm -f "$log" "$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
