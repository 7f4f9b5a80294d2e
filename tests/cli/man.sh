#!/bin/sh
# The manual pages: each renders without a warning (man -l, as an admin
# reads it, at 80 and 66 columns), and every command and option that
# `kyodo --help` and each command's --help name is in both kyodo(1) pages.
. "$(dirname "$0")/../lib.sh"
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

for page in man/kyodo.1 man/ja/kyodo.1 man/kyodo-sync.5; do
	for width in 80 66; do
		LC_ALL=C.UTF-8 MANWIDTH=$width man --warnings -l "$ROOT/$page" >"$T/out" 2>"$T/err"
		RC=$?
		if [ "$RC" -eq 0 ] && [ ! -s "$T/err" ] && [ -s "$T/out" ]; then
			ok "$page renders at $width columns without warnings"
		else
			not_ok "$page renders at $width columns without warnings" "exit $RC: $(head -c 300 "$T/err")"
		fi
	done
done

# The commands, as `kyodo --help` lists them ("  kyodo report monthly   ...").
"$KYODO" --lang en --help | sed -n 's/^  kyodo \([a-z-]*\( [a-z-]*\)\?\)  .*/\1/p' | sed 's/ *$//' >"$T/cmds"
check "kyodo --help lists commands" test "$(wc -l <"$T/cmds")" -gt 30
for page in man/kyodo.1 man/ja/kyodo.1; do
	# The page's text with roff's minus signs as typed: \- is -.
	sed 's/\\-/-/g' "$ROOT/$page" >"$T/page"
	missing=""
	while read -r cmd; do
		grep -qF -- "kyodo $cmd " "$T/page" || missing="$missing [$cmd]"
		# Every option of the command's --help, somewhere in the page.
		for opt in $("$KYODO" --lang en $cmd --help | sed -n 's/^  \(--[a-z-]*\).*/\1/p'); do
			grep -qF -- "$opt" "$T/page" || missing="$missing [$cmd $opt]"
		done
	done <"$T/cmds"
	for section in "EXIT STATUS|終了ステータス" "ENVIRONMENT|環境変数" "FILES|ファイル" "EXAMPLES|例"; do
		grep -qE "^\.SH ($section)\$" "$T/page" || missing="$missing [.SH $section]"
	done
	for word in KYODO_DB /etc/default/kyodo /var/lib/kyodo .backups LANG; do
		grep -qF -- "$word" "$T/page" || missing="$missing [$word]"
	done
	if [ -z "$missing" ]; then
		ok "$page: every command and option of --help, exit status, environment, files"
	else
		not_ok "$page: every command and option of --help, exit status, environment, files" "missing:$missing"
	fi
done
