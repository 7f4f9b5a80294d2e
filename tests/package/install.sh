#!/bin/sh
# make package-test: install the .deb that `make deb` built on a clean
# Debian (a minimal bookworm root made by mmdebstrap from this machine's apt
# mirror), with its dependencies from that mirror, and use it there as the
# kyodo user: --help, init, demo, report monthly.  Then install it again
# (an upgrade) and purge it: the stores in /var/lib/kyodo are never touched.
# Needs root and the mirror; without the mirror it says so and skips.
# Prints TAP and "N passed, N failed".  Not part of make check (minutes).
set -u
: "${BUILD:=build}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEB=$(ls "$ROOT/$BUILD"/deb/kyodo_*_*.deb 2>/dev/null | grep -v dbgsym | head -n 1)
SUITE=${SUITE:-bookworm}
passed=0
failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $1 # $2"; failed=$((failed + 1)); }

if [ -z "$DEB" ]; then echo "package-test: no .deb in $BUILD/deb; run make deb" >&2; exit 1; fi
if [ "$(id -u)" != 0 ]; then echo "package-test: needs root (a chroot)" >&2; exit 1; fi
# The mirror apt uses here, so the test goes where apt-get goes.
MIRROR=$(sed -n 's/^URIs: *\(http[^ ]*debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
[ -n "$MIRROR" ] || MIRROR=$(sed -n 's/^deb \(http[^ ]*\) bookworm main.*/\1/p' /etc/apt/sources.list 2>/dev/null | head -n 1)
: "${MIRROR:=http://deb.debian.org/debian}"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kyodo-pkg.XXXXXX")
CH=$WORK/root
trap 'umount "$CH/proc" 2>/dev/null; rm -rf "$WORK"' EXIT
start=$(date +%s)

# A minimal system with apt; the package and its dependencies go in with
# apt-get, as an admin installs it (apt install ./kyodo_*.deb).
if ! mmdebstrap --quiet --variant=apt "$SUITE" "$CH" "$MIRROR" >"$WORK/log" 2>&1; then
	tail -n 5 "$WORK/log" >&2
	echo "ok - # SKIP the mirror $MIRROR cannot be reached: no clean system to install on"
	echo "0 passed, 0 failed"
	exit 0
fi
ok "a clean $SUITE root ($(($(date +%s) - start)) s)"
mount -t proc proc "$CH/proc"
cp "$DEB" "$CH/tmp/"
in_root() { chroot "$CH" "$@"; }
as_kyodo() { chroot --userspec=kyodo:kyodo "$CH" env HOME=/var/lib/kyodo LANG=C.UTF-8 "$@"; }

t=$(date +%s)
# mmdebstrap leaves no package lists behind: fetch them as an admin would.
in_root apt-get update -q >"$WORK/log" 2>&1 || tail -n 5 "$WORK/log" >&2
if in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "/tmp/$(basename "$DEB")" >"$WORK/log" 2>&1; then
	ok "apt-get install ./$(basename "$DEB") with its dependencies ($(($(date +%s) - t)) s)"
else
	not_ok "apt-get install ./$(basename "$DEB")" "$(tail -n 5 "$WORK/log")"
fi
perm=$(in_root stat -c '%U %G %a' /var/lib/kyodo 2>&1)
[ "$perm" = "kyodo kyodo 700" ] && ok "/var/lib/kyodo: kyodo's, 0700" || not_ok "/var/lib/kyodo: kyodo's, 0700" "$perm"
user=$(in_root getent passwd kyodo)
case $user in
*:/var/lib/kyodo:/usr/sbin/nologin) ok "the kyodo system user: home /var/lib/kyodo, no shell" ;;
*) not_ok "the kyodo system user" "$user" ;;
esac
for f in /usr/bin/kyodo /usr/share/locale/ja/LC_MESSAGES/kyodo.mo /usr/share/man/man1/kyodo.1.gz \
	/usr/share/man/ja/man1/kyodo.1.gz /usr/share/man/man5/kyodo-sync.5.gz \
	/usr/share/bash-completion/completions/kyodo /usr/share/doc/kyodo/README.Debian; do
	[ -f "$CH$f" ] && ok "installed: $f" || not_ok "installed: $f" "missing"
done

db=/var/lib/kyodo/kyodo.db
if as_kyodo kyodo --help >"$WORK/out" 2>&1 && grep -q "kyodo report monthly" "$WORK/out"; then
	ok "kyodo --help as kyodo"
else
	not_ok "kyodo --help as kyodo" "$(head -c 300 "$WORK/out")"
fi
# Japanese from the installed catalog: LANG=C.UTF-8 and --lang ja.
as_kyodo kyodo --lang ja --help >"$WORK/out" 2>&1
grep -q "使い方" "$WORK/out" && ok "kyodo --lang ja --help: Japanese from /usr/share/locale" ||
	not_ok "kyodo --lang ja --help: Japanese" "$(head -c 300 "$WORK/out")"
as_kyodo kyodo init --db /var/lib/kyodo/center.db --center mashiba --name 真柴市民センター >"$WORK/out" 2>&1 &&
	ok "kyodo init as kyodo" || not_ok "kyodo init as kyodo" "$(head -c 300 "$WORK/out")"
as_kyodo kyodo demo --db "$db" >"$WORK/out" 2>&1 && ok "kyodo demo as kyodo" ||
	not_ok "kyodo demo as kyodo" "$(head -c 300 "$WORK/out")"
as_kyodo env KYODO_DB="$db" kyodo report monthly --month 2026-11 --lang en >"$WORK/out" 2>&1 &&
	grep -q . "$WORK/out" && ok "kyodo report monthly as kyodo (KYODO_DB)" ||
	not_ok "kyodo report monthly as kyodo" "$(head -c 300 "$WORK/out")"
as_kyodo kyodo report monthly --db "$db" --month 2026-11 --format pdf --out /var/lib/kyodo/m.pdf >"$WORK/out" 2>&1 &&
	head -c 5 "$CH/var/lib/kyodo/m.pdf" | grep -q '%PDF-' && ok "kyodo report monthly --format pdf (fonts-noto-cjk)" ||
	not_ok "kyodo report monthly --format pdf" "$(head -c 300 "$WORK/out")"
mode=$(in_root stat -c '%U %a' "$db")
[ "$mode" = "kyodo 600" ] && ok "the store is kyodo's, 0600" || not_ok "the store is kyodo's, 0600" "$mode"
in_root man -w kyodo >/dev/null 2>&1 || in_root test -f /usr/share/man/man1/kyodo.1.gz &&
	ok "man kyodo is found" || not_ok "man kyodo is found" "no page"

# An upgrade (the same package again) and a purge leave the stores as they were.
sum=$(cd "$CH/var/lib/kyodo" && cat kyodo.db center.db | md5sum)
in_root dpkg -i "/tmp/$(basename "$DEB")" >"$WORK/log" 2>&1 &&
	[ "$(cd "$CH/var/lib/kyodo" && cat kyodo.db center.db | md5sum)" = "$sum" ] &&
	ok "reinstalling (an upgrade) leaves the stores untouched" ||
	not_ok "reinstalling leaves the stores untouched" "$(tail -n 3 "$WORK/log")"
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q kyodo >"$WORK/log" 2>&1 &&
	[ ! -e "$CH/usr/bin/kyodo" ] && [ "$(cd "$CH/var/lib/kyodo" && cat kyodo.db center.db | md5sum)" = "$sum" ] &&
	ok "purge removes kyodo and keeps the stores in /var/lib/kyodo" ||
	not_ok "purge keeps the stores" "$(tail -n 3 "$WORK/log")"

echo "# package-test took $(($(date +%s) - start)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
