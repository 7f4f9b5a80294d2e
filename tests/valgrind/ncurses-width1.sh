#!/bin/sh
# ncurses-width1.sh BIN [DIR]: is the ncurses read that ncurses.supp hides
# still there?  Runs BIN (the reproducer, ncurses-width1.c) with --self in a
# private tmux server under valgrind, once without the suppression file and,
# when the read shows, once with it; prints one line.  Logs go to DIR
# (BIN-logs by default).
# Always exits 0: the line is the answer, a buggy ncurses is no failure.
bin=$1
dir=${2:-$bin-logs}
supp=$(cd "$(dirname "$0")" && pwd)/ncurses.supp
sock=kyodo-ncw1-$$
say() { echo "ncurses 1-column read (tests/valgrind/ncurses.supp): $*"; }

if ! command -v tmux >/dev/null 2>&1 || ! command -v valgrind >/dev/null 2>&1; then
	say "not checked, needs tmux and valgrind"
	exit 0
fi
mkdir -p "$dir"

# run NAME [VALGRIND-OPTION]: one run, TERM=screen as in the e2e suites;
# false unless valgrind finished within 30 s.
run() {
	rm -f "$dir/$1.log" "$dir/$1.err"
	tmux -L "$sock" -f /dev/null new-session -d -x 80 -y 24 \
	    "env TERM=screen valgrind ${2:-} --log-file=$dir/$1.log $bin --self 2>$dir/$1.err" || return 1
	i=0
	while ! grep -q 'ERROR SUMMARY' "$dir/$1.log" 2>/dev/null && [ $i -lt 600 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	tmux -L "$sock" kill-server 2>/dev/null
	grep -q 'ERROR SUMMARY' "$dir/$1.log" 2>/dev/null
}

if ! run bare; then
	say "not checked, the reproducer did not finish (see $dir)"
	exit 0
fi
version=$(head -n 1 "$dir/bare.err")
case $version in
*"no resize"*)
	say "not checked, $version"
	exit 0 ;;
esac
if ! grep -q 'Invalid read' "$dir/bare.log"; then
	say "GONE in $version: the suppression is stale, remove it"
elif run supp "--suppressions=$supp" && grep -q 'ERROR SUMMARY: 0 errors' "$dir/supp.log"; then
	say "still there in $version, suppressed"
else
	say "still there in $version, and the suppression no longer matches it (see $dir)"
fi
exit 0
