#!/bin/sh
# The kiosk at boot (dist/): the systemd unit passes systemd-analyze verify
# and kmscon takes its options; the wrapper reads /etc/default/kyodo as data
# (defaults when it is missing, a bad line refused in words, nothing in it
# run) and starts kyodo, inside uim-fep when the input method is on.  A
# stand-in kyodo and a stand-in uim-fep record what they were given.  The
# sshd snippet for remote terminals passes sshd -t.
. "$(dirname "$0")/../lib.sh"
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
UNIT=$ROOT/dist/systemd/kyodo-kiosk@.service
WRAP=$ROOT/dist/bin/kyodo-kiosk

# --- the unit ---
# An instance of the template, as systemctl enable kyodo-kiosk@tty1 makes it.
mkdir -p "$T/unit"
cp "$UNIT" "$T/unit/kyodo-kiosk@tty1.service"
run systemd-analyze verify --man=no "$T/unit/kyodo-kiosk@tty1.service"
expect_rc "unit: systemd-analyze verify passes" 0
if [ -s "$T/err" ]; then
	not_ok "unit: verify says nothing" "$(head -c 300 "$T/err")"
else
	ok "unit: verify says nothing"
fi
# verify does look: the same unit with kmscon missing fails.
sed 's|/usr/bin/kmscon|/nonexistent/kmscon|' "$UNIT" >"$T/unit/broken@tty1.service"
run systemd-analyze verify --man=no "$T/unit/broken@tty1.service"
if [ "$RC" -ne 0 ]; then ok "unit: verify refuses a missing program"; else not_ok "unit: verify refuses a missing program" "exit 0"; fi

unit_has() {	# NAME LINE: the unit has exactly this line
	if grep -qxF -- "$2" "$UNIT"; then ok "$1"; else not_ok "$1" "no line '$2'"; fi
}
unit_has "unit: restarted whenever it ends" "Restart=always"
unit_has "unit: takes the getty's terminal" "Conflicts=getty@%i.service"
unit_has "unit: on the instance's terminal" "TTYPath=/dev/%I"
unit_has "unit: installed for tty1 by default" "DefaultInstance=tty1"
# ExecStart as one line, continuation lines joined.
EXEC=$(sed -n '/^ExecStart=/,/[^\\]$/p' "$UNIT" | sed 's/\\$//' | tr -d '\n' | tr '\t' ' ' | tr -s ' ' | sed 's/^ExecStart=//')
case $EXEC in
*" --login -- /usr/bin/setpriv --reuid=kyodo --regid=kyodo --init-groups --reset-env -- /usr/libexec/kyodo/kyodo-kiosk")
	ok "unit: runs the wrapper at /usr/libexec/kyodo/kyodo-kiosk as kyodo" ;;
*) not_ok "unit: runs the wrapper at /usr/libexec/kyodo/kyodo-kiosk as kyodo" "ExecStart=$EXEC" ;;
esac
check "unit: setpriv is where the unit says" test -x /usr/bin/setpriv
# kmscon parses the unit's options (with --help it stops there): a misspelt
# option would leave the terminal black at boot.
KMSCON_ARGS=$(printf '%s' "${EXEC%% --login *}" | sed 's/%I/tty1/g; s/\${KYODO_KEYBOARD}/jp/g')
eval "set -- $KMSCON_ARGS"
run "$@" --help
expect_rc "unit: kmscon takes the unit's options" 0
run "$@" --no-such-option --help
if [ "$RC" -ne 0 ]; then ok "unit: kmscon does refuse a wrong option"; else not_ok "unit: kmscon does refuse a wrong option" "exit 0"; fi
check "unit: the font kmscon is told to use is installed" sh -c 'fc-list | grep -q "Noto Sans Mono CJK JP"'

# --- the wrapper ---
# Stand-ins: each writes one argument a line to $T/called, first its name.
cat >"$T/kyodo" <<'EOF'
#!/bin/sh
{ echo kyodo; printf '%s\n' "$@"; echo "LANG=$LANG"; } >"$STANDIN_OUT"
EOF
cat >"$T/fep" <<'EOF'
#!/bin/sh
{ echo uim-fep; printf '%s\n' "$@"; echo "LIBUIM_USER_SCM_FILE=$LIBUIM_USER_SCM_FILE"; } >"$STANDIN_OUT"
cat "$LIBUIM_USER_SCM_FILE" >"$STANDIN_OUT.scm"
EOF
chmod +x "$T/kyodo" "$T/fep"
export STANDIN_OUT="$T/called"

# wrapper DEFAULTS-FILE: runs the wrapper on it with the stand-ins, no terminal.
wrapper() {
	rm -f "$T/called" "$T/called.scm"
	run env KYODO_DEFAULTS="$1" KYODO_BIN="$T/kyodo" KYODO_FEP="$T/fep" LANG=C \
	    sh "$WRAP" </dev/null
}
called() {	# NAME EXPECTED: the stand-in got exactly EXPECTED (lines)
	if [ -f "$T/called" ] && [ "$(cat "$T/called")" = "$2" ]; then
		ok "$1"
	else
		not_ok "$1" "got: $(tr '\n' ' ' <"$T/called" 2>/dev/null)"
	fi
}
not_called() {
	if [ -f "$T/called" ]; then not_ok "$1" "ran: $(tr '\n' ' ' <"$T/called")"; else ok "$1"; fi
}

FEP_DEFAULT="uim-fep
-u
anthy-utf8
-s
lastline
-e
$T/kyodo
--db
/var/lib/kyodo/kyodo.db
LIBUIM_USER_SCM_FILE=/dev/fd/3"

wrapper "$T/none"
expect_rc "wrapper: no settings file: starts" 0
called "wrapper: no settings file: the defaults (no --lang), inside uim-fep with anthy" "$FEP_DEFAULT"
if grep -qF '(define-key anthy-on-key? '"'"'("zenkaku-hankaku" "<Control>\\"))' "$T/called.scm" 2>/dev/null &&
    grep -qF 'anthy-off-key?' "$T/called.scm"; then
	ok "wrapper: 半角/全角 and Ctrl-\\ switch the input method (given to uim on fd 3)"
else
	not_ok "wrapper: 半角/全角 and Ctrl-\\ switch the input method (given to uim on fd 3)" "$(cat "$T/called.scm" 2>/dev/null)"
fi

wrapper "$ROOT/dist/default/kyodo"
expect_rc "wrapper: the shipped /etc/default/kyodo: starts" 0
called "wrapper: the shipped /etc/default/kyodo says the defaults" "$FEP_DEFAULT"

cat >"$T/d1" <<'EOF'
# a comment, then a blank line

   KYODO_DB="/srv/kyodo/城南 センター.db"   
KYODO_LANG=en
KYODO_IM='off'
KYODO_KEYBOARD=us
EOF
wrapper "$T/d1"
expect_rc "wrapper: input method off: starts" 0
called "wrapper: input method off: kyodo alone, quoted path with a space kept whole, UTF-8 locale" "kyodo
--db
/srv/kyodo/城南 センター.db
--lang
en
LANG=C.UTF-8"

printf 'KYODO_LANG=\nKYODO_IM=off' >"$T/d2"	# no newline at the end
wrapper "$T/d2"
called "wrapper: empty language: no --lang (the store's setting); a last line without newline read" "kyodo
--db
/var/lib/kyodo/kyodo.db
LANG=C.UTF-8"

# refused SETTINGS-LINE WORDS: that one line makes the wrapper refuse, in
# words naming the line, without starting anything.
refused() {
	printf '# kiosk\nKYODO_IM=off\n%s\n' "$1" >"$T/bad"
	wrapper "$T/bad"
	expect_rc "refused: $1: exit 78" 78
	expect_err "refused: $1: says why" "$2"
	expect_err "refused: $1: names the line" "line 3"
	expect_err "refused: $1: in Japanese too" "設定ファイル"
	not_called "refused: $1: nothing started"
}
refused "KYODO_LANG=fr" "KYODO_LANG must be ja or en"
refused "KYODO_IM=yes" "KYODO_IM must be on or off, not 'yes'"
refused "KYODO_DB=kyodo.db" "KYODO_DB must be the full path of the store"
refused "KYODO_DBB=/var/lib/kyodo/kyodo.db" "unknown setting 'KYODO_DBB'"
refused "KYODO_KEYBOARD=jp;us" "KYODO_KEYBOARD must be a keyboard layout name"
refused "kyodo db is here" "is not a setting (KEY=value)"
refused 'KYODO_DB=/tmp/$(touch '"$T"'/pwned)' "write the value alone"
refused 'KYODO_DB="/a/b.db"x"' "write the value alone"
if [ -e "$T/pwned" ]; then not_ok "refused: nothing in the file is run" "pwned"; else ok "refused: nothing in the file is run"; fi
printf 'KYODO_LANG=ja\rKYODO_IM=off\n' >"$T/cr"
wrapper "$T/cr"
expect_rc "refused: a control character in a line" 78

touch "$T/unreadable"
chmod 000 "$T/unreadable"
if [ "$(id -u)" != 0 ]; then
	wrapper "$T/unreadable"
	expect_rc "refused: an unreadable settings file" 78
	expect_err "refused: an unreadable settings file: says so" "cannot be read"
fi

# --- remote terminals: the sshd_config.d snippet ---
# sshd -t needs its privilege separation directory, as at boot.
[ -d /run/sshd ] || mkdir -p /run/sshd 2>/dev/null
ssh-keygen -q -t ed25519 -N '' -f "$T/hostkey" >/dev/null 2>&1
printf 'Include %s\n' "$ROOT/dist/ssh/kyodo-kiosk.conf" >"$T/sshd_config"
run /usr/sbin/sshd -t -f "$T/sshd_config" -h "$T/hostkey"
expect_rc "ssh: sshd -t takes the snippet" 0
run /usr/sbin/sshd -T -f "$T/sshd_config" -h "$T/hostkey" -C user=kiosk,host=counter,addr=192.0.2.10
expect_out "ssh: the kiosk account gets the kiosk, as kyodo" "forcecommand /usr/bin/sudo -n -u kyodo /usr/libexec/kyodo/kyodo-kiosk"
expect_out "ssh: the kiosk account forwards nothing" "disableforwarding yes"
expect_out "ssh: the kiosk account signs in by key only" "passwordauthentication no"
run /usr/sbin/sshd -T -f "$T/sshd_config" -h "$T/hostkey" -C user=admin,host=counter,addr=192.0.2.10
expect_out "ssh: other accounts are left alone" "forcecommand none"
