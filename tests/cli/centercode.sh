#!/bin/sh
# Center codes and names, and key files, are input from outside: one rule
# for a code (2-16 of a-z, 0-9 and -, starting with a letter, not "city")
# wherever one enters — init, demo --center, center add (keys_enrol) and a
# key file — and one for a name (valid UTF-8, no control characters,
# trimmed, at most 60 characters).  A malformed, oversized, NUL-holding or
# escape-holding key file is refused whole with one sentence, and nothing
# a file or an argument holds reaches the terminal raw.
. "$(dirname "$0")/../lib.sh"
set -u

CITY=$T/city.db
k() { "$KYODO" --lang en "$@"; }
q() { sqlite3 "$1" "$2"; }


# raw_free NAME: stdout and stderr hold no ESC, BEL, CR, backspace, C1 CSI
# or bidi override: what was given never reaches the terminal as it is.
raw_free() {
	if LC_ALL=C grep -q "$(printf '[\033\007\010\r]')" "$T/out" "$T/err" ||
	    grep -qF "$(printf '\302\233')" "$T/out" "$T/err" ||
	    grep -qF "$(printf '\342\200\256')" "$T/out" "$T/err"; then
		not_ok "$1" "raw control on the terminal: $(od -c "$T/err" | head -3 | tr '\n' ' ')"
	else
		ok "$1"
	fi
}

# one_sentence NAME: exit 1, one line on stderr, nothing on stdout.
one_sentence() {
	o_why=""
	[ "$RC" -eq 1 ] || o_why="exit $RC;"
	[ "$(wc -l <"$T/err")" -eq 1 ] || o_why="$o_why $(wc -l <"$T/err") lines on stderr;"
	[ ! -s "$T/out" ] || o_why="$o_why stdout: $(head -c 100 "$T/out");"
	if [ -z "$o_why" ]; then ok "$1"; else not_ok "$1" "$o_why $(head -c 300 "$T/err")"; fi
}

peers() { q "$CITY" "SELECT count(*) FROM peer"; }
# hexed TEXT: TEXT's first bytes in hex, to name a test by (lib.sh's check
# keeps its own "name", so loops here use nm).
hexed() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | head -c 32; }

must "init city" k init --db "$CITY" --city --name "一関市"
must "city key" k key --db "$CITY" --out "$T/city.key"
must "init c1" k init --db "$T/c1.db" --center c1 --name "センター1" --city-key "$T/city.key"
must "key c1" k key --db "$T/c1.db" --out "$T/c1.key"

# with_code CODE: c1's key file under another code (the fingerprint covers
# the keys only, so it still matches: as someone editing the file would).
with_code() {
	awk -v c="$1" '/^code: / { print "code: " c; next } { print }' "$T/c1.key" >"$T/edited.key"
}

ESC_CODE=$(printf 'c\033[2J')
BEL_CODE=$(printf 'ab\007')

# --- center add: every code store_code_valid refuses, through keys_enrol ---
for code in ../x x/y C1 a "$ESC_CODE" "$BEL_CODE" ab_c 1abc -abc \
    abcdefghijklmnopq "真柴" ""; do
	with_code "$code"
	shown=$(hexed "$code")
	run k center add --db "$CITY" --code "$code" --name "センター" --key "$T/edited.key"
	one_sentence "center add --code '$shown': refused, one sentence"
	raw_free "center add --code '$shown': nothing raw on the terminal"
	check "center add --code '$shown': no center enrolled" test "$(peers)" -eq 0
done
# What a code may be is said, for a code from a file that reads well.
with_code "../x"
run k center add --db "$CITY" --code "../x" --name "センター" --key "$T/edited.key"
expect_err "center add --code ../x: says what a code may be" \
	"is not a center code: use 2-16 of a-z, 0-9 and -, starting with a letter (not \"city\")"
check "center add --code ../x: nothing written outside" test ! -e "$T/x"

# "city" is city hall's own code: a center's key cannot pass for the city's.
with_code city
run k center add --db "$CITY" --code city --name "市役所" --key "$T/edited.key"
one_sentence "center add --code city: refused, one sentence"
expect_err "center add --code city: says it is city hall's code" "\"city\" is city hall's own code"
check "center add --code city: no peer" test "$(peers)" -eq 0

# After all that, a good code still enrols, and export writes in its folder.
run k center add --db "$CITY" --code c1 --name "  センター1  " --key "$T/c1.key"
expect_rc "center add c1: exit 0" 0
check "center add c1: the name kept trimmed" test "$(q "$CITY" "SELECT name FROM peer WHERE code = 'c1'")" = "センター1"
mkdir -p "$T/stick"
run k export --db "$CITY" --out "$T/stick"
expect_rc "export to the enrolled center: exit 0" 0
check "export: one file, in the folder given" test "$(find "$T" -name '*.kyodo' | wc -l)" -eq 1 -a \
	"$(find "$T/stick" -name '*.kyodo' | wc -l)" -eq 1

# --- center add: names ---
for nm in "$(printf 'a\033[2Jb')" "$(printf 'a\nb')" "$(printf 'a\tb')" "$(printf 'a\rb')" \
    "$(printf 'a\302\233b')" "$(printf 'a\342\200\256b')" "$(printf 'a\177b')" \
    "$(printf 'bad\377name')" "   " "　" \
    "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"; do
	shown=$(hexed "$nm")
	run k center add --db "$CITY" --code c1 --name "$nm" --key "$T/c1.key"
	one_sentence "center add --name '$shown': refused, one sentence"
	raw_free "center add --name '$shown': nothing raw on the terminal"
	check "center add --name '$shown': the name unchanged" \
		test "$(q "$CITY" "SELECT name FROM peer WHERE code = 'c1'")" = "センター1"
done
run k center add --db "$CITY" --code c1 --name "$(printf 'a\033b')" --key "$T/c1.key"
expect_err "center add --name with ESC: says why" "control character"
run k center add --db "$CITY" --code c1 --name "$(printf '%061d' 0)" --key "$T/c1.key"
expect_err "center add --name of 61 characters: says the limit" "at most 60 characters (this has 61)"
run k center add --db "$CITY" --code c1 --name "   " --key "$T/c1.key"
expect_err "center add --name blank: says a name is required" "required"
SIXTY=一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十
run k center add --db "$CITY" --code c1 --name "$SIXTY" --key "$T/c1.key"
expect_rc "center add --name of 60 kanji: accepted" 0
check "center add --name of 60 kanji: kept whole" \
	test "$(q "$CITY" "SELECT name FROM peer WHERE code = 'c1'")" = "$SIXTY"

# --- init and demo: the same rules ---
for code in ../x x/y C1 a city "$ESC_CODE" "$BEL_CODE"; do
	shown=$(hexed "$code")
	run k init --db "$T/bad.db" --center "$code" --name "X"
	one_sentence "init --center '$shown': refused, one sentence"
	expect_err "init --center '$shown': says what a code may be" "is not a center code: use 2-16"
	raw_free "init --center '$shown': nothing raw on the terminal"
	check "init --center '$shown': no file made" test ! -e "$T/bad.db"
	run k demo --db "$T/bad.db" --center "$code"
	one_sentence "demo --center '$shown': refused, one sentence"
	expect_err "demo --center '$shown': says what a code may be" "is not a center code: use 2-16"
	raw_free "demo --center '$shown': nothing raw on the terminal"
	check "demo --center '$shown': no file made" test ! -e "$T/bad.db"
done
for nm in "$(printf 'a\033[2Jb')" "$(printf 'a\nb')" "$(printf 'a\342\200\256b')" \
    "$(printf '%061d' 0)"; do
	shown=$(hexed "$nm")
	run k init --db "$T/bad.db" --center abc --name "$nm"
	one_sentence "init --name '$shown': refused, one sentence"
	raw_free "init --name '$shown': nothing raw on the terminal"
	check "init --name '$shown': no file made" test ! -e "$T/bad.db"
	run k init --db "$T/bad.db" --city --name "$nm"
	one_sentence "init --city --name '$shown': refused, one sentence"
	check "init --city --name '$shown': no file made" test ! -e "$T/bad.db"
	run k demo --db "$T/bad.db" --name "$nm"
	one_sentence "demo --name '$shown': refused, one sentence"
	raw_free "demo --name '$shown': nothing raw on the terminal"
	check "demo --name '$shown': no file made" test ! -e "$T/bad.db"
done
run k init --db "$T/trim.db" --center trim --name "  真柴市民センター　"
expect_rc "init --name with spaces around: accepted" 0
check "init --name with spaces around: kept trimmed" \
	test "$(q "$T/trim.db" "SELECT value FROM setting WHERE key = 'name'")" = "真柴市民センター"

# --- key files from outside ---
# Each bad file is offered three ways: center add at the city, key --city
# at a center, init --city-key; each is refused with one sentence, shows
# nothing raw, and changes nothing.
bad_key() {	# WHAT FILE TEXT
	b_what=$1 b_file=$2 b_text=$3
	q "$CITY" "SELECT code, name, hex(sign_pk) FROM peer ORDER BY code" >"$T/city-before"
	run k center add --db "$CITY" --code c1 --name "センター1" --key "$b_file" --replace
	one_sentence "$b_what: center add refused, one sentence"
	raw_free "$b_what: center add shows nothing raw"
	[ -z "$b_text" ] || expect_err "$b_what: center add says why" "$b_text"
	q "$CITY" "SELECT code, name, hex(sign_pk) FROM peer ORDER BY code" >"$T/city-after"
	check "$b_what: the city's peers unchanged" cmp -s "$T/city-before" "$T/city-after"
	q "$T/c1.db" "SELECT code, name, hex(sign_pk) FROM peer" >"$T/c1-before"
	run k key --db "$T/c1.db" --city "$b_file" --replace
	one_sentence "$b_what: key --city refused, one sentence"
	raw_free "$b_what: key --city shows nothing raw"
	q "$T/c1.db" "SELECT code, name, hex(sign_pk) FROM peer" >"$T/c1-after"
	check "$b_what: the center's city key unchanged" cmp -s "$T/c1-before" "$T/c1-after"
	run k init --db "$T/bad.db" --center c9 --name "X" --city-key "$b_file"
	one_sentence "$b_what: init --city-key refused, one sentence"
	raw_free "$b_what: init --city-key shows nothing raw"
	[ -z "$b_text" ] || expect_err "$b_what: init --city-key says why" "$b_text"
	check "$b_what: init --city-key made no store" test ! -e "$T/bad.db"
}
# For key --city and init the file must be the city's: use its key, spoiled.
spoil() {	# FILE AWK-PROGRAM: city.key through awk
	awk "$2" "$T/city.key" >"$1"
}
spoil "$T/esc-name.key" '/^name: / { printf "name: \033]0;pwned\007\033[2J\n"; next } { print }'
bad_key "a key file with escapes in its name" "$T/esc-name.key" "control character"
spoil "$T/bidi-name.key" '/^name: / { print "name: 一関市\342\200\256gpj.exe"; next } { print }'
bad_key "a key file with a bidi override in its name" "$T/bidi-name.key" "control character"
spoil "$T/c1-name.key" '/^name: / { print "name: 一関市\302\233" "31m"; next } { print }'
bad_key "a key file with a C1 control" "$T/c1-name.key" "control character"
spoil "$T/esc-line.key" '{ print } END { printf "\033[31mnote: hello\n" }'
bad_key "a key file with an escape on a line of its own" "$T/esc-line.key" "control character"
spoil "$T/tab.key" '/^code: / { print "code:\tcity"; next } { print }'
bad_key "a key file with a tab" "$T/tab.key" "control character"
spoil "$T/extra.key" '{ print } END { print "comment: hello" }'
bad_key "a key file with an unknown line" "$T/extra.key" "not a kyodo public key file"
spoil "$T/twice.key" '{ print } /^code: / { print "code: c1" }'
bad_key "a key file naming its code twice" "$T/twice.key" "not a kyodo public key file"
spoil "$T/noname.key" '!/^name: /'
bad_key "a key file without a name" "$T/noname.key" "not a kyodo public key file"
spoil "$T/nocolon.key" '{ print } NR == 2 { print "garbage" }'
bad_key "a key file with a line that is not label: value" "$T/nocolon.key" "not a kyodo public key file"
spoil "$T/latin1.key" '/^name: / { print "name: \377\376"; next } { print }'
bad_key "a key file that is not UTF-8" "$T/latin1.key" "not a kyodo public key file"
spoil "$T/badcode.key" '/^code: / { print "code: ../../etc"; next } { print }'
bad_key "a key file whose code is a path" "$T/badcode.key" "is not a center code"
{ cat "$T/city.key"; head -c 100000 /dev/zero | tr '\0' 'x'; printf '\n'; } >"$T/big.key"
bad_key "a 100 KB key file" "$T/big.key" "too large"
{ cat "$T/city.key"; printf 'name: %05000d\n' 0; } >"$T/big2.key"
bad_key "a key file just over 4 KB" "$T/big2.key" "too large"
head -c 3000 /dev/urandom >"$T/random.key"
bad_key "random bytes" "$T/random.key" ""
{ head -n 1 "$T/city.key"; printf '\000'; tail -n +2 "$T/city.key"; } >"$T/nul-mid.key"
bad_key "a key file with a NUL after its first line" "$T/nul-mid.key" ""
# A NUL after everything a key file holds: what reads it as bytes sees it.
{ cat "$T/city.key"; printf '\000\033[2J'; } >"$T/nul-end.key"
run k init --db "$T/bad.db" --center c9 --name "X" --city-key "$T/nul-end.key"
one_sentence "a NUL after a whole key file: init --city-key refused"
expect_err "a NUL after a whole key file: says it holds a NUL byte" "NUL byte"
check "a NUL after a whole key file: no store made" test ! -e "$T/bad.db"

# The good files still read, CRLF line ends included.
sed 's/$/\r/' "$T/city.key" >"$T/crlf.key"
run k init --db "$T/crlf.db" --center crlf --name "X" --city-key "$T/crlf.key"
expect_rc "a key file with CRLF line ends: accepted" 0
check "a key file with CRLF line ends: the city's key installed" \
	test "$(q "$T/crlf.db" "SELECT code || ' ' || name FROM peer")" = "city 一関市"
