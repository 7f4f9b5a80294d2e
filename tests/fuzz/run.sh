#!/bin/sh
# Builds each tests/fuzz/NAME-fuzzer.c with libFuzzer (clang,
# -fsanitize=fuzzer,address,undefined) against the core objects already
# compiled in BUILD with -fsanitize=fuzzer-no-link (see `make fuzz`), and runs
# it for SECONDS on a copy of tests/fuzz/corpus/NAME/.  Prints the executions
# per target; fails when a target does not build, crashes, leaks or times
# out (the input that did it is kept under BUILD/fuzz-artifacts/NAME/).
# A target that needs sources beyond the core names them in a comment line
# " * fuzz-sources: src/tui/lineedit.c …"; they are compiled with it.
#
#   sh tests/fuzz/run.sh [BUILD] [SECONDS]
set -u
BUILD=${1:-build-fuzz}
SECS=${2:-60}
cd "$(dirname "$0")/../.." || exit 1

objs="$BUILD/migrations.o"
for c in src/base/*.c src/store/*.c src/domain/*.c src/sync/*.c; do
	o=$BUILD/${c%.c}.o
	if [ ! -f "$o" ]; then
		echo "fuzz: $o is missing; build with \`make fuzz\`" >&2
		exit 1
	fi
	objs="$objs $o"
done
libs="$(pkg-config --libs sqlite3 libsodium) -lcsv"
cflags="-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Werror \
	-Wmissing-prototypes -g -O1 -Isrc -I$BUILD $(pkg-config --cflags sqlite3 libsodium)"
# UBSan reports count as crashes; leaks are checked after each input.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
status=0
for src in tests/fuzz/*-fuzzer.c; do
	[ -f "$src" ] || continue
	name=$(basename "$src" .c)
	target=${name%-fuzzer}
	bin=$BUILD/fuzz/$name
	art=$BUILD/fuzz-artifacts/$target/
	log=$BUILD/fuzz/$name.log
	extra=$(sed -n 's/^ \* fuzz-sources: //p' "$src")
	mkdir -p "$BUILD/fuzz" "$art"
	# shellcheck disable=SC2086
	if ! clang $cflags -fsanitize=fuzzer,address,undefined -o "$bin" "$src" $extra $objs $libs; then
		echo "not ok - $name: does not build"
		status=1
		continue
	fi
	corpus=$(mktemp -d "${TMPDIR:-/tmp}/kyodo-corpus.XXXXXX")
	if [ -d "tests/fuzz/corpus/$target" ]; then
		cp tests/fuzz/corpus/"$target"/* "$corpus"/ 2>/dev/null
	fi
	"$bin" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$art" "$corpus" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
	units=$(ls "$corpus" | wc -l)
	rm -rf "$corpus"
	if [ "$rc" -eq 0 ]; then
		echo "ok - $name: ${execs:-?} executions in ${SECS}s ($(( ${execs:-0} / SECS ))/s), $cov, corpus $units"
	else
		echo "not ok - $name: exit $rc after ${execs:-?} executions; log $log; artifacts in $art"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | head -5
		ls "$art"
		status=1
	fi
done
exit $status
