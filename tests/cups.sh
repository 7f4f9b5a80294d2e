# A real CUPS scheduler of the suite's own, for the printing tests: Debian's
# cupsd, run in the foreground as whoever runs the tests (root or not),
# listening only on a socket under $T, with one raw queue "office" as the
# default printer.  Its device is the paper tray: a backend that keeps each
# job it is sent as $CUPS_TRAY/job-N, the bytes a printer would get.  kyodo
# reaches it through the real lp, told where by CUPS_SERVER.  Source after
# tests/lib.sh; start_cups starts it, and it stops when the suite ends.
#
# cups_reject / cups_accept: the queue refuses new jobs / takes them again.
# cups_pause / cups_resume: the printer stops (jobs wait) / starts again.
# cups_no_printer: the queue deleted, so there is no default destination.

CUPS_DIR=$T/cups
CUPS_TRAY=$CUPS_DIR/tray
CUPS_PID=

cups_stop() {
	[ -n "$CUPS_PID" ] && kill "$CUPS_PID" 2>/dev/null && wait "$CUPS_PID" 2>/dev/null
	CUPS_PID=
}

# start_cups: false, with the reason on stderr, when no scheduler runs.
start_cups() {
	if ! [ -x /usr/sbin/cupsd ] || ! command -v lpadmin >/dev/null 2>&1; then
		echo "cupsd or lpadmin missing (make deps installs cups-daemon and cups-client)" >&2
		return 1
	fi
	mkdir -p "$CUPS_DIR/spool/temp" "$CUPS_DIR/log" "$CUPS_DIR/cache" "$CUPS_TRAY" \
	    "$CUPS_DIR/bin/backend"
	# The system's filters, with the tray as the only backend.
	for d in filter daemon cgi-bin monitor notifier driver; do
		[ -e "/usr/lib/cups/$d" ] && ln -s "/usr/lib/cups/$d" "$CUPS_DIR/bin/$d"
	done
	cat >"$CUPS_DIR/bin/backend/tray" <<'EOF'
#!/bin/sh
# The paper tray: with no arguments, what it is; with a job, keeps it.
if [ $# -eq 0 ]; then echo 'direct tray "Unknown" "Paper tray"'; exit 0; fi
tray=${DEVICE_URI#tray:}
if [ $# -ge 6 ]; then cat "$6" >"$tray/job-$1"; else cat >"$tray/job-$1"; fi
EOF
	# 0700: cupsd running as root runs it as root, not as lp (who cannot
	# reach $T).
	chmod 700 "$CUPS_DIR/bin/backend/tray"
	cat >"$CUPS_DIR/cups-files.conf" <<EOF
ServerRoot $CUPS_DIR
StateDir $CUPS_DIR
ServerBin $CUPS_DIR/bin
CacheDir $CUPS_DIR/cache
DataDir /usr/share/cups
DocumentRoot /usr/share/cups/doc-root
RequestRoot $CUPS_DIR/spool
TempDir $CUPS_DIR/spool/temp
AccessLog $CUPS_DIR/log/access_log
ErrorLog $CUPS_DIR/log/error_log
PageLog $CUPS_DIR/log/page_log
EOF
	cat >"$CUPS_DIR/cupsd.conf" <<EOF
Listen $CUPS_DIR/sock
Browsing Off
WebInterface No
<Policy default>
<Limit All>
Order Allow,Deny
Allow all
</Limit>
</Policy>
EOF
	/usr/sbin/cupsd -f -c "$CUPS_DIR/cupsd.conf" -s "$CUPS_DIR/cups-files.conf" \
	    >"$CUPS_DIR/log/cupsd.out" 2>&1 &
	CUPS_PID=$!
	at_exit cups_stop
	CUPS_SERVER=$CUPS_DIR/sock
	export CUPS_SERVER
	i=0
	until lpstat -r >/dev/null 2>&1; do
		i=$((i + 1))
		if [ $i -gt 100 ]; then
			echo "cupsd did not start: $(tail -n 3 "$CUPS_DIR/log/error_log" \
			    "$CUPS_DIR/log/cupsd.out" 2>/dev/null | tr '\n' ' ')" >&2
			return 1
		fi
		sleep 0.1
	done
	# lpadmin warns that raw queues are deprecated; a raw queue is what
	# hands the tray the document exactly as kyodo wrote it.
	# A scheduler just started on a loaded machine may still drop a
	# connection ("Unable to connect to server"): tried again, a while.
	i=0
	until lpadmin -p office -E -v "tray:$CUPS_TRAY" -m raw >"$CUPS_DIR/log/lpadmin" 2>&1 &&
	    lpadmin -d office >>"$CUPS_DIR/log/lpadmin" 2>&1 &&
	    lpstat -d 2>/dev/null | grep -q ': office$'; do
		i=$((i + 1))
		if [ $i -gt 50 ]; then
			echo "lpadmin could not add the queue: $(tr '\n' ' ' <"$CUPS_DIR/log/lpadmin")" >&2
			return 1
		fi
		sleep 0.1
	done
}

# cups_job ID: the file the tray got for job ID ("office-3"), once the
# scheduler has sent it (it prints in the background).
cups_job() {
	f=$CUPS_TRAY/job-${1##*-}
	i=0
	while [ $i -lt 100 ]; do
		if [ -s "$f" ] && ! lpstat -o office 2>/dev/null | grep -q "^$1 "; then
			echo "$f"
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

cups_reject() { cupsreject office >/dev/null 2>&1; }
cups_pause() { cupsdisable office >/dev/null 2>&1; }
cups_resume() { cupsenable office >/dev/null 2>&1; }
cups_accept() { cupsaccept office >/dev/null 2>&1; }
cups_no_printer() { lpadmin -x office >/dev/null 2>&1; }
