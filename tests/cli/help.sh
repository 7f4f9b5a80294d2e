#!/bin/sh
# --help on every command, the fields and choices of each kind, the list of
# commands, and wrong usage in general (exit 2).
. "$(dirname "$0")/../lib.sh"
set -u

helps() {	# NAME ARGS...: kyodo ARGS --help exits 0 with a usage on stdout
	what=$1
	shift
	run "$KYODO" "$@" --help --lang en
	expect_rc "$what --help: exit 0" 0
	expect_out "$what --help: prints Usage" "Usage: kyodo"
	check "$what --help: nothing on stderr" test ! -s "$T/err"
}
helps "init" init
expect_out "init --help: the synopsis" "Usage: kyodo init --db FILE (--center CODE | --city) --name NAME"
expect_out "init --help: describes --center" "--center CODE"
expect_out "init --help: describes --city" "--city"
helps "demo" demo
expect_out "demo --help: describes --years" "--years N"
expect_out "demo --help: describes --seed" "--seed N"
helps "staff add" staff add
expect_out "staff add --help: describes --pin-stdin" "--pin-stdin"
expect_out "staff add --help: names the roles" "center, secretariat, city or admin"
helps "staff list" staff list
helps "staff" staff
helps "add" add
expect_out "add --help: lists the kinds" "meeting event use"
helps "list" list
expect_out "list --help: describes --month" "--month YYYY-MM"
expect_out "list --help: names the encodings" "utf-8-bom or cp932"
helps "list meeting" list meeting
helps "check" check
helps "backup" backup
expect_out "backup --help: describes --out" "--out FILE"

# --help wins over everything else that is missing or wrong.
run "$KYODO" add meeting --help --db "$T/none.db" --lang en
expect_rc "add meeting --help with a missing store: exit 0" 0
run "$KYODO" init --city --center x --help --lang en
expect_rc "init --help with conflicting options: exit 0" 0
check "--help made no file" test ! -e "$T/none.db"

# The fields of each kind, in order, with their types and choices.
fields_listed() {	# the --options listed under "Fields (...)" in $T/out
	sed -n '/^Fields (/,$p' "$T/out" | grep -o '^  --[a-z]*' | tr -d ' ' | tr '\n' ' '
}
helps "add meeting" add meeting
check "add meeting --help: the fields, --date to --summary, in order" test \
	"$(fields_listed)" = \
	"--date --start --end --kind --title --room --attendees --agenda --summary --project "
expect_out "add meeting --help: date is YYYY-MM-DD and required" "YYYY-MM-DD, required"
expect_out "add meeting --help: time is HH:MM" "HH:MM"
expect_out "add meeting --help: the choices of --kind" "round-table | board | preparatory | city | other"
expect_out "add meeting --help: the title is required text" "text, required"
expect_out "add meeting --help: attendees is a number" "number"
helps "add event" add event
check "add event --help: the fields in order" test \
	"$(fields_listed)" = \
	"--date --start --end --title --field --organizer --participants --volunteers --cost --project "
expect_out "add event --help: the choices of --field" "safety | welfare | environment | culture | childcare | learning | other"
expect_out "add event --help: cost is yen" "yen"
helps "add use" add use
check "add use --help: the fields in order" test \
	"$(fields_listed)" = \
	"--date --start --end --room --group --category --people --fee --exemption "
expect_out "add use --help: the choices of --category" "own | body | group | individual | city"

# kyodo --help: the commands.
run "$KYODO" --help --lang en
expect_rc "kyodo --help: exit 0" 0
expect_out "kyodo --help: Usage" "Usage: kyodo"
for c in "init" "demo" "staff add" "staff list" "add" "list" "check" "backup"; do
	check "kyodo --help: lists kyodo $c" grep -q "^  kyodo $c  *[A-Z]" "$T/out"
done
check "kyodo --help: nothing on stderr" test ! -s "$T/err"
run "$KYODO" -h --lang en
expect_rc "kyodo -h: exit 0" 0
expect_out "kyodo -h: Usage" "Usage: kyodo"
run "$KYODO" --version
expect_rc "kyodo --version: exit 0" 0
check "kyodo --version: one line, kyodo and a version" grep -Eq '^kyodo [0-9]+\.[0-9]+' "$T/out"

# Unknown command: exit 2, said on stderr, stdout left clean.
run "$KYODO" frobnicate --db "$T/x.db" --lang en
expect_rc "unknown command: exit 2" 2
expect_err "unknown command: names it" "unknown command \"frobnicate\""
expect_err "unknown command: shows the usage" "Usage: kyodo"
check "unknown command: nothing on stdout (the usage goes to stderr)" test ! -s "$T/out"
check "unknown command: no store made" test ! -e "$T/x.db"
run "$KYODO" --frobnicate --lang en
expect_rc "unknown global option: exit 2" 2
expect_err "unknown global option: names it" "--frobnicate"
check "unknown global option: nothing on stdout" test ! -s "$T/out"

# Wrong usage in general: exit 2 with the command's usage line and a hint.
run "$KYODO" list meeting extra --db "$T/x.db" --lang en
expect_rc "a stray argument: exit 2" 2
expect_err "a stray argument: names it" "Unexpected argument: extra"
expect_err "a stray argument: the usage line" "Usage: kyodo list KIND"
expect_err "a stray argument: where to look" "Try: kyodo list --help"
run "$KYODO" check --db "$T/x.db" --format csv --lang en
expect_rc "an option of another command: exit 2" 2
expect_err "an option of another command: names it" "Unknown option: --format"
run "$KYODO" backup --db "$T/x.db" --out --lang en
expect_rc "an option without its value: exit 2" 2
expect_err "an option without its value: names it" "--out needs a value"
run "$KYODO" check -- --db "$T/x.db" --lang en
expect_rc "arguments after --: positional, so exit 2 for check" 2

# Every kind's help shows each option name whole (never cut with …), so
# it can be typed as shown.
run "$KYODO" add --help --lang en
kinds=$(sed -n 's/^Kinds: //p' "$T/out")
check "add --help: a Kinds line" test -n "$kinds"
for k in $kinds; do
	run "$KYODO" add "$k" --help --lang en
	expect_rc "add $k --help: exit 0" 0
	check "add $k --help: every field option shown whole" \
		sh -c "! sed -n '/^Fields (/,\$p' '$T/out' | grep -q '^  --[^ ]*…'"
	check "add $k --help: every field listed is accepted by add (no unknown-field refusal)" \
		sh -c "for o in \$(sed -n '/^Fields (/,\$p' '$T/out' | grep -o '^  --[a-z_-]*'); do
			'$KYODO' add '$k' --db '$T/none.db' \$o x --lang en 2>&1 | grep -q 'has no field' && exit 1
		done; exit 0"
done

# A kind that does not exist is said to be unknown, not answered with the
# general help.
run "$KYODO" add nosuchkind --help --lang en
expect_rc "add nosuchkind --help: exit 2" 2
expect_err "add nosuchkind --help: names the unknown kind" 'Unknown kind "nosuchkind"'
# A reference says what it names; options are spelled with dashes.
run "$KYODO" add expense --help --lang en
expect_out "add expense --help: the application is named as one" "title or id of: Grant application"
expect_no_out "add expense --help: not a room" "name of a room"
run "$KYODO" add booking --help --lang en
expect_out "add booking --help: --exemption-reason with a dash" "--exemption-reason"
expect_no_out "add booking --help: no underscore" "--exemption_reason"
