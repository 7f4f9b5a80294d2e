# Shared helpers for the shell test suites (tests/cli, tests/e2e).  Each
# check prints one TAP line, "ok - NAME" or "not ok - NAME # why", which
# tests/run.sh counts.  Suites run with `set -u`; source this first.

: "${BUILD:=build}"
KYODO=$(cd "$(dirname "$0")/../.." && pwd)/$BUILD/kyodo
T=$(mktemp -d "${TMPDIR:-/tmp}/kyodo-test.XXXXXX")
# at_exit CMD: CMD runs when the suite ends, the last added first; then $T
# goes.  (A second `trap … EXIT` would drop what another helper set.)
AT_EXIT=
at_exit() { AT_EXIT="$1; $AT_EXIT"; }
trap 'eval "$AT_EXIT"; rm -rf "$T"' EXIT
export KYODO_LOCALEDIR="$(dirname "$KYODO")/locale"
# Tests read English unless they ask for Japanese.
export LANG=C.UTF-8 LC_ALL= LANGUAGE=
unset KYODO_DB KYODO_TODAY
# make valgrind: every run of kyodo goes through valgrind, its reports kept
# in $VALGRIND_LOGS for the summary.  ncurses.supp hides one ncurses 6.4 bug
# (a read before the line on a 1-column screen); see the file.
if [ -n "${KYODO_VALGRIND:-}" ]; then
	: "${VALGRIND_LOGS:=$(dirname "$KYODO")/valgrind}"
	mkdir -p "$VALGRIND_LOGS"
	printf '#!/bin/sh\nexec valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --suppressions=%s --log-file=%s/vg.%%p.log %s "$@"\n' \
	    "$(cd "$(dirname "$0")/.." && pwd)/valgrind/ncurses.supp" "$VALGRIND_LOGS" "$KYODO" >"$T/kyodo-vg"
	chmod +x "$T/kyodo-vg"
	KYODO=$T/kyodo-vg
fi
# A sanitizer report exits 86, so it is never mistaken for a refusal (1).
# The PDF libraries' process-long caches are not leaks of kyodo's
# (tests/asan/lsan.supp).
export ASAN_OPTIONS="${ASAN_OPTIONS:-exitcode=86}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-exitcode=86}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$(cd "$(dirname "$0")/.." && pwd)/asan/lsan.supp:print_suppressions=0}"
RC=0

ok() { echo "ok - $1"; }

# must WHAT CMD ARGS...: a setup step; a failure is one not-ok line naming
# it, with the start of what the command said.
must() {
	m_what=$1
	shift
	"$@" >"$T/must" 2>&1 || not_ok "setup: $m_what" "$(head -c 300 "$T/must")"
}
not_ok() { echo "not ok - $1 # $2"; }

# run CMD ARGS...: runs, keeping stdout in $T/out, stderr in $T/err, status in $RC.
run() {
	"$@" >"$T/out" 2>"$T/err"
	RC=$?
}

# run_in INPUT CMD ARGS...: as run, with INPUT on standard input.
run_in() {
	input=$1
	shift
	printf '%s' "$input" | "$@" >"$T/out" 2>"$T/err"
	RC=$?
}

expect_rc() {	# NAME STATUS
	if [ "$RC" -eq "$2" ]; then ok "$1"; else not_ok "$1" "exit $RC, expected $2; stderr: $(head -c 300 "$T/err")"; fi
}

expect_out() {	# NAME TEXT: stdout contains TEXT
	if grep -qF -- "$2" "$T/out"; then ok "$1"; else not_ok "$1" "stdout lacks '$2': $(head -c 300 "$T/out")"; fi
}

expect_err() {	# NAME TEXT: stderr contains TEXT
	if grep -qF -- "$2" "$T/err"; then ok "$1"; else not_ok "$1" "stderr lacks '$2': $(head -c 300 "$T/err")"; fi
}

expect_no_out() {	# NAME TEXT: stdout does not contain TEXT
	if grep -qF -- "$2" "$T/out"; then not_ok "$1" "stdout has '$2'"; else ok "$1"; fi
}

check() {	# NAME CMD ARGS...: passes when the command succeeds
	name=$1
	shift
	if "$@" >/dev/null 2>&1; then ok "$name"; else not_ok "$name" "failed: $*"; fi
}
