# Helpers for the end-to-end suites: the real build/kyodo in a detached tmux
# session on its own socket.  Source after tests/lib.sh.  Each suite starts
# the program with start_kyodo, drives it with keys/type, waits for text
# with wait_for (polling capture-pane, never a fixed sleep) and compares
# screens.  The tmux server is killed when the suite ends.

# tests/run.sh runs every tests/e2e/*.sh; alone this file has nothing to do.
if [ -z "${T:-}" ]; then
	return 0 2>/dev/null || exit 0
fi
TMUX_CONF="$T/tmux.conf"
TMUX_N=0
# Kept panes let a test see how the program ended.  (window-size manual,
# which resize-window needs on tmux 3.3, crashes 3.3a's server when set in
# the config file, so start_shell sets it once the session exists.)
printf 'set -g remain-on-exit on\nset -g escape-time 0\nset -g status off\n' >"$TMUX_CONF"
TMUX_CMD=true
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
: "${WAIT_SECONDS:=5}"
# The ASan build is slower, argon2 PIN checks most of all.
case "$BUILD" in *asan*) WAIT_SECONDS=15 ;; esac
# Under valgrind everything is tens of times slower, argon2 most of all.
[ -n "${KYODO_VALGRIND:-}" ] && WAIT_SECONDS=120

tmux_cleanup() {
	$TMUX_CMD kill-server 2>/dev/null || true
}
at_exit tmux_cleanup

# start_kyodo [WIDTH HEIGHT] -- ARGS...: runs kyodo ARGS in a fresh session
# (killing any previous one).  Environment: LANG=C.UTF-8, KYODO_TODAY,
# KYODO_LOCALEDIR, plus $KYODO_ENV (extra VAR=value words).
start_kyodo() {
	w=80
	h=24
	if [ "$1" != "--" ]; then
		w=$1
		h=$2
		shift 2
	fi
	shift
	start_shell "$w" "$h" "$(kyodo_cmd "$@")"
}

# kyodo_cmd ARGS...: the shell command line that runs kyodo with ARGS.
kyodo_cmd() {
	cmd="env LANG=C.UTF-8 LC_ALL= LANGUAGE= TERM=screen KYODO_TODAY=${KYODO_TODAY:-2026-11-28}"
	cmd="$cmd KYODO_LOCALEDIR=$KYODO_LOCALEDIR ${KYODO_ENV:-} $KYODO"
	for a in "$@"; do
		cmd="$cmd '$a'"
	done
	echo "$cmd"
}

# start_shell WIDTH HEIGHT COMMAND: runs COMMAND (sh -c) in a fresh session.
start_shell() {
	# A fresh server (and socket) per run: reusing one just killed races
	# with its shutdown.
	$TMUX_CMD kill-server 2>/dev/null || true
	TMUX_N=$((TMUX_N + 1))
	TMUX_CMD="tmux -L kyodo-$$-$TMUX_N -f $TMUX_CONF"
	LANG=C.UTF-8 $TMUX_CMD new-session -d -x "$1" -y "$2" "$3"
	$TMUX_CMD set-option -g window-size manual >/dev/null 2>&1
}

# keys NAME...: tmux key names (F2 Enter Escape BSpace C-c Down …).
keys() {
	$TMUX_CMD send-keys "$@"
}

# type TEXT: literal UTF-8 text, as an IME commits it.
type_text() {
	$TMUX_CMD send-keys -l "$1"
}

screen() {
	$TMUX_CMD capture-pane -p 2>/dev/null
}

# settle: returns once two captures 10 ms apart agree (at most half a
# second).  tmux reads the program's output in pieces, so the capture that
# first shows the awaited text may hold a frame half drawn; what a test
# reads next must be the whole frame.
settle() {
	$TMUX_CMD capture-pane -p >"$T/settle.a" 2>/dev/null
	n=0
	while [ $n -lt 50 ]; do
		sleep 0.01
		$TMUX_CMD capture-pane -p >"$T/settle.b" 2>/dev/null
		cmp -s "$T/settle.a" "$T/settle.b" && return 0
		mv "$T/settle.b" "$T/settle.a"
		n=$((n + 1))
	done
}

# wait_for TEXT: polls the screen until it shows TEXT; false (and the screen
# dumped to stderr, for the failure report) after WAIT_SECONDS.
wait_for() {
	i=0
	while [ $i -lt $((WAIT_SECONDS * 20)) ]; do
		if screen | grep -qF -- "$1"; then
			settle
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	echo "# timed out waiting for: $1" >&2
	screen | sed 's/^/# | /' >&2
	return 1
}

# wait_gone TEXT: polls until the screen no longer shows TEXT.
wait_gone() {
	i=0
	while [ $i -lt $((WAIT_SECONDS * 20)) ]; do
		if ! screen | grep -qF -- "$1"; then
			settle
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	echo "# still on screen: $1" >&2
	screen | sed 's/^/# | /' >&2
	return 1
}

# expect_screen NAME TEXT: one TAP line, waiting for TEXT.
expect_screen() {
	if wait_for "$2" 2>"$T/why"; then
		ok "$1"
	else
		not_ok "$1" "screen lacks '$2'"
		sed 's/^/# /' "$T/why"
	fi
}

# expect_screen_re NAME ERE: one TAP line, waiting for a line matching the
# extended regular expression ERE.
expect_screen_re() {
	i=0
	while [ $i -lt $((WAIT_SECONDS * 20)) ]; do
		if screen | grep -Eq -- "$2"; then
			settle
			ok "$1"
			return
		fi
		sleep 0.05
		i=$((i + 1))
	done
	not_ok "$1" "no line matches '$2'"
	screen | sed 's/^/# | /'
}

# expect_no_screen NAME TEXT: one TAP line, waiting for TEXT to leave (a
# screen still drawing the last frame is not a failure; one that keeps
# TEXT for WAIT_SECONDS is).
expect_no_screen() {
	if wait_gone "$2" 2>"$T/why"; then
		ok "$1"
	else
		not_ok "$1" "screen shows '$2'"
		sed 's/^/# /' "$T/why"
	fi
}

resize() {
	$TMUX_CMD resize-window -x "$1" -y "$2"
}

# alive: the program still runs in the pane.
alive() {
	[ "$($TMUX_CMD display-message -p '#{pane_dead}' 2>/dev/null)" = 0 ]
}

# make_store FILE: a center store with one staff member (佐藤 花子, PIN
# 1234, center) and an administrator (管理者, PIN 9999).
make_store() {
	"$KYODO" init --db "$1" --center jonan --name "城南市民センター" >/dev/null 2>&1 &&
		printf '9999\n' | "$KYODO" staff add --db "$1" --name "管理者" --role admin \
		    --pin-stdin >/dev/null 2>&1 &&
		printf '1234\n' | "$KYODO" staff add --db "$1" --name "佐藤 花子" --role center \
		    --pin-stdin >/dev/null 2>&1
}

# sign_in NAME_INDEX PIN: on the sign-in screen (names sorted), moves down
# NAME_INDEX times, types the PIN, Enter.
sign_in() {
	n=$1
	while [ "$n" -gt 0 ]; do
		keys Down
		n=$((n - 1))
	done
	type_text "$2"
	keys Enter
}

# open_signed_in DB [ARGS...]: starts kyodo on DB (80×24) and signs in as
# 佐藤 花子; waits for the home screen's menu (either language).
open_signed_in() {
	db=$1
	shift
	start_kyodo -- --db "$db" "$@"
	wait_for "佐藤 花子" || return 1
	sign_in 0 1234
	# The title bar names who is signed in: "佐藤 花子 (センター職員)".
	wait_for "佐藤 花子 ("
}

# list_rows: the rows of a record list (between headings and message line).
list_rows() {
	screen | sed -n '4,21p'
}
