#!/bin/sh
# completion/kyodo.bash, sourced in bash and driven as readline drives it
# (COMP_WORDS, COMP_CWORD): commands, subcommands, kinds, settings, each
# command's options as its --help lists them, a kind's fields, and values.
. "$(dirname "$0")/../lib.sh"
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# The completion calls `kyodo` for a kind's fields: this build's.
PATH=$(dirname "$KYODO"):$PATH
export PATH

complete_words() {	# WORD...: the completions of the last word, one a line
	bash -c '. "$1/completion/kyodo.bash"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_kyodo; printf "%s\n" "${COMPREPLY[@]}"' bash "$ROOT" "$@" | sort -u
}

offers() {	# NAME EXPECTED-WORDS WORD...: the completions hold every expected word
	name=$1
	want=$2
	shift 2
	got=$(complete_words "$@")
	missing=""
	for w in $want; do
		printf '%s\n' "$got" | grep -qxF -- "$w" || missing="$missing $w"
	done
	if [ -z "$missing" ]; then ok "$name"; else not_ok "$name" "lacks$missing; got: $(echo $got)"; fi
}

only() {	# NAME EXPECTED WORD...: the completions are exactly EXPECTED (sorted, spaced)
	name=$1
	want=$2
	shift 2
	got=$(complete_words "$@" | tr '\n' ' ' | sed 's/ $//')
	if [ "$got" = "$want" ]; then ok "$name"; else not_ok "$name" "got '$got', expected '$want'"; fi
}

"$KYODO" --lang en --help | sed -n 's/^  kyodo \([a-z-]*\( [a-z-]*\)\?\)  .*/\1/p' | sed 's/ *$//' >"$T/cmds"
offers "every command of kyodo --help" "$(cut -d' ' -f1 "$T/cmds" | sort -u)" kyodo ""
only "a prefix: re" "report restore" kyodo re
offers "the kiosk's own options" "--db --lang --no-kiosk --help" kyodo --
while read -r cmd; do
	set -- $cmd
	if [ $# -eq 2 ]; then
		offers "kyodo $1 offers $2" "$2" kyodo "$1" ""
	fi
	opts=$("$KYODO" --lang en $cmd --help | sed -n 's/^  \(--[a-z-]*\).*/\1/p')
	offers "kyodo $cmd -- offers every option of its --help" "$opts --help" kyodo $cmd --
done <"$T/cmds"

kinds=$("$KYODO" --lang en add --help | sed -n 's/^Kinds: //p')
check "add --help names the kinds" test -n "$kinds"
only "kyodo add offers the kinds" "$(printf '%s\n' $kinds | sort | tr '\n' ' ' | sed 's/ $//')" kyodo add ""
offers "kyodo list offers the kinds" "$kinds" kyodo list --db x.db ""
only "kyodo add meeting --ti: the kind's field" "--title" kyodo add meeting --db x.db --ti
offers "kyodo add booking --: fields and series options" "--room --date --repeat --skip-taken" kyodo add booking --
only "list --format" "csv ics text xlsx" kyodo list meeting --format ""
only "report monthly --format" "csv pdf text xlsx" kyodo report monthly --db x.db --format ""
only "staff add --role a" "admin" kyodo staff add --role a
only "--lang" "en ja" kyodo --lang ""
only "--encoding" "cp932 utf-8 utf-8-bom" kyodo list use --encoding ""
settings=$("$KYODO" --lang en setting --help | sed -n '/^Settings:/,$s/^  \([a-z_]*\) .*/\1/p')
offers "kyodo setting offers every setting" "$settings" kyodo setting --db x.db ""
: >"$T/store-a.db"
only "--db completes file names" "$T/store-a.db" kyodo check --db "$T/store-"
only "a value is not an option: --month offers nothing" "" kyodo report monthly --month ""
