#!/bin/sh
# Installs the Debian packages kyodo needs that are missing (apt-get, as root).
# Called by `make deps`, `make run`, `make check` and .ci/run, so a clean
# machine needs nothing done by hand.
set -e
PKGS="gcc make pkg-config libncurses-dev libsqlite3-dev sqlite3 libsodium-dev
libcmocka-dev gettext tmux clang libcsv-dev valgrind strace perl libxlsxwriter-dev
python3-openpyxl"
# PDF for paper (src/paper/): cairo and pango lay it out in Noto Sans CJK JP,
# CUPS's lp prints it; poppler-utils reads it back in the tests.
PKGS="$PKGS libcairo2-dev libpango1.0-dev fonts-noto-cjk cups-client poppler-utils"
# The kiosk at boot (dist/): kmscon draws kanji on the Linux console,
# uim-fep with anthy types Japanese there, systemd-analyze checks the unit.
PKGS="$PKGS systemd kmscon uim-fep uim-anthy"
# sshd -t checks the remote terminals' sshd_config.d snippet (dist/ssh/).
PKGS="$PKGS openssh-server"
# The Debian package (make deb, make package-test) and its manual pages
# (tests/cli/man.sh renders them with man-db and groff).
PKGS="$PKGS debhelper dpkg-dev fakeroot lintian mmdebstrap man-db groff-base"
# Without what they recommend (avahi, colord: services a test has no use
# for): the printing tests' own CUPS scheduler (tests/cups.sh).
LEAN="cups-daemon"
missing=""
missing_lean=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
for p in $LEAN; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing_lean="$missing_lean $p"
done
[ -z "$missing$missing_lean" ] && exit 0
echo "deps: installing$missing$missing_lean"
if [ "$(id -u)" != 0 ]; then
	echo "deps: not root; run as root: apt-get install$missing$missing_lean" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
[ -z "$missing" ] || apt-get install -y -qq $missing
[ -z "$missing_lean" ] || apt-get install -y -qq --no-install-recommends $missing_lean
