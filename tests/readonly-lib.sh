# What tests/cli/readonly.sh and tests/e2e/readonly.sh share: a store the
# user running kyodo cannot write.  Sourced after tests/lib.sh.

# Root may write any file, so when the tests run as root kyodo runs as
# nobody (setpriv, util-linux) and a read-only file or folder is one root
# owns (files mode 0644: nobody may read, not write); as any other user
# kyodo runs as that user and read-only is chmod a-w.
if [ "$(id -u)" -eq 0 ]; then
	RO_AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
else
	RO_AS=""
fi

# as_user CMD ARGS...: runs CMD as the user kyodo runs as in these tests.
as_user() {
	$RO_AS "$@"
}

# ro_setup DIR: makes DIR, a folder that user may write, and lets the user
# through $T to it; RO_KYODO is then the kyodo that user runs.  False (with
# RO_WHY) when it cannot.
#
# The clone may sit in a folder nobody else may enter (/root, or under a
# mktemp -d folder, mode 0700): the user then reaches neither build/kyodo
# nor its message catalogs.  So the user runs a copy of both, made in $T
# (under /tmp), which every run of these tests then uses.
ro_setup() {
	RO_KYODO=$KYODO
	RO_WHY=
	if [ -n "$RO_AS" ]; then
		RO_WHY="as root, setpriv (util-linux) is needed"
		command -v setpriv >/dev/null 2>&1 || return 1
		RO_WHY="cannot copy kyodo and its catalogs into $T"
		chmod 0711 "$T" || return 1
		mkdir -p "$T/ro-bin" && chmod 0755 "$T/ro-bin" &&
			cp "$(cd "$(dirname "$0")/../.." && pwd)/$BUILD/kyodo" "$T/ro-bin/kyodo" &&
			cp -R "$KYODO_LOCALEDIR" "$T/ro-bin/locale" &&
			chmod -R a+rX "$T/ro-bin" || return 1
		RO_KYODO=$T/ro-bin/kyodo
		KYODO_LOCALEDIR=$T/ro-bin/locale
		export KYODO_LOCALEDIR
		# make valgrind: nobody's reports go beside root's (the folder
		# sticky, as /tmp) under names of their own, so that a report of
		# root's with the same pid cannot stand in the way.
		if [ -n "${KYODO_VALGRIND:-}" ]; then
			chmod 1777 "$VALGRIND_LOGS" || return 1
			cp "$(cd "$(dirname "$0")/.." && pwd)/valgrind/ncurses.supp" "$T/ro-bin/" &&
				chmod a+r "$T/ro-bin/ncurses.supp" || return 1
			RO_KYODO=$T/ro-bin/kyodo-vg-user
			printf '#!/bin/sh\nexec valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --suppressions=%s --log-file=%s/vg.user-%%p.log %s "$@"\n' \
			    "$T/ro-bin/ncurses.supp" "$VALGRIND_LOGS" "$T/ro-bin/kyodo" >"$RO_KYODO"
			chmod 0755 "$RO_KYODO" || return 1
		fi
		RO_WHY="the user kyodo runs as cannot run $RO_KYODO (is $T in a private folder? set TMPDIR)"
		as_user "$T/ro-bin/kyodo" --help >/dev/null 2>&1 || return 1
		RO_WHY="the user kyodo runs as cannot read the catalogs in $KYODO_LOCALEDIR"
		as_user test -r "$KYODO_LOCALEDIR/ja/LC_MESSAGES/kyodo.mo" || return 1
	fi
	RO_WHY="cannot make $1 for the user kyodo runs as"
	mkdir -p "$1" && rw_dir "$1"
}

ro_file() {	# FILE: the user may read FILE but not write it
	if [ -n "$RO_AS" ]; then chown 0:0 "$1" && chmod 0644 "$1"; else chmod 0444 "$1"; fi
}

rw_file() {	# FILE: the user may write FILE
	if [ -n "$RO_AS" ]; then chown 65534:65534 "$1" && chmod 0600 "$1"; else chmod 0600 "$1"; fi
}

ro_dir() {	# DIR: the user may read DIR but make or remove nothing in it
	if [ -n "$RO_AS" ]; then chown 0:0 "$1" && chmod 0755 "$1"; else chmod 0555 "$1"; fi
}

rw_dir() {	# DIR: the user may make files in DIR
	if [ -n "$RO_AS" ]; then chown 65534:65534 "$1" && chmod 0755 "$1"; else chmod 0755 "$1"; fi
}

# ro_cleanup: everything under $T can be removed again (for the EXIT trap;
# a user who is not root cannot empty a folder it made read-only).
ro_cleanup() {
	chmod -R u+rwX "$T" 2>/dev/null
	if [ -n "$RO_AS" ] && [ -n "${KYODO_VALGRIND:-}" ]; then
		chmod 0755 "$VALGRIND_LOGS" 2>/dev/null
	fi
	return 0
}
# ro_start DIR: ro_setup, or one failed check and the end of the suite.
ro_start() {
	if ! ro_setup "$1"; then
		not_ok "a folder for a user who is not root" "$RO_WHY"
		exit 1
	fi
}
