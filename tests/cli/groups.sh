#!/bin/sh
# kyodo add|list group: the register of user groups (利用団体) — a name
# unique among the center's live groups, a reading in kana, a category; the
# waiver each category brings is a setting (defaults: the body full,
# registered groups half, others none); a use of a registered group given
# no fee gets its category's waiver, a walk-in none; the month's 減免額
# follows; the group travels to city hall in the center's file.
. "$(dirname "$0")/../lib.sh"
set -u

DB=$T/s.db
"$KYODO" init --db "$DB" --center higashi --name "東センター" >/dev/null 2>&1 ||
	not_ok "setup: init" "kyodo init failed"
sql() { sqlite3 "$DB" "$1"; }
ngroups() { sql 'SELECT count(*) FROM user_group'; }
kyodo() { run "$KYODO" "$@" --db "$DB" --lang en; }

kyodo add room --name "和室" --capacity 24 --fee 500
kyodo add group --name 山びこ会 --reading やまびこかい --representative "山田 一郎" \
	--contact 0191-22-1234 --category registered
expect_rc "add group 山びこ会: exit 0" 0
expect_out "add group: says what was added" "User group 山びこ会"
kyodo add group --name 東地域協働体 --reading ヒガシ --category body
expect_rc "add group of the body: exit 0" 0

refuse() {	# NAME SENTENCE ARGS...: add group ARGS is refused with SENTENCE
	what=$1 sentence=$2
	shift 2
	before=$(ngroups)
	kyodo add group "$@"
	expect_rc "$what: exit 1" 1
	expect_err "$what: says why" "$sentence"
	check "$what: nothing written" test "$(ngroups)" = "$before"
}
refuse "the same name again" "Group name: there is already a group named 山びこ会." \
	--name 山びこ会
refuse "a reading in kanji" "Reading (kana): write the reading in kana" \
	--name 囲碁の会 --reading 囲碁のかい
refuse "an unknown category" "Group category" --name 囲碁の会 --category vip
refuse "no name" "Group name" --reading いご

kyodo list group
expect_rc "list group: exit 0" 0
expect_out "list: heading" "Group category"
expect_out "list: 山びこ会 with its reading and contact" "やまびこかい"
expect_out "list: the category by its label" "Registered"
kyodo list group --format csv
expect_out "csv: the fields" "id,name,reading,representative,contact,category"
expect_out "csv: the category code" "0191-22-1234,registered"
run "$KYODO" list group --db "$DB"
expect_out "ja: the category in Japanese" "登録団体"
kyodo add group --help
expect_out "add group --help: the categories" "body | registered | other"

# The waivers are settings: checked and audited.
kyodo setting group_waiver_registered quarter
expect_rc "a waiver that is no rate: exit 1" 1
expect_err "a waiver that is no rate: says what it takes" "none, half or full"
kyodo setting group_waiver_other half
expect_rc "others half: exit 0" 0
check "the change is audited" test "$(sql "SELECT count(*) FROM audit WHERE summary = \
'group_waiver_other: none → half'")" = 1
kyodo setting group_waiver_other none

use() {	# GROUP DATE: a use of 和室 09:00–12:00 (one slot of 500)
	kyodo add use --date "$2" --start 09:00 --end 12:00 --room 和室 --group "$1" \
		--category group --people 5
	expect_rc "use by $1: exit 0" 0
}
use 山びこ会 2026-11-04
use 東地域協働体 2026-11-05
use 通りすがりの方 2026-11-06
check "山びこ会 (registered) pays half" test "$(sql "SELECT fee || '/' || exemption FROM \
facility_use WHERE \"group\" = '山びこ会'")" = "250/250"
check "the body pays nothing" test "$(sql "SELECT fee || '/' || exemption FROM \
facility_use WHERE \"group\" = '東地域協働体'")" = "0/500"
check "a walk-in pays the room's fee" test "$(sql "SELECT fee || '/' || ifnull(exemption, '') \
FROM facility_use WHERE \"group\" = '通りすがりの方'")" = "500/"
kyodo report monthly --month 2026-11 --format csv
expect_out "the month's waived total" "750"

# The register goes to city hall in the center's file, like the rooms.
"$KYODO" init --db "$T/city.db" --city --name 一関市 >/dev/null 2>&1
"$KYODO" key --db "$T/city.db" --out "$T/city.key" >/dev/null 2>&1
"$KYODO" key --db "$DB" --city "$T/city.key" >/dev/null 2>&1
"$KYODO" key --db "$DB" --out "$T/center.key" >/dev/null 2>&1
"$KYODO" center add --db "$T/city.db" --code higashi --name 東センター --key "$T/center.key" \
	>/dev/null 2>&1
mkdir -p "$T/usb"
kyodo export --out "$T/usb"
expect_rc "export: exit 0" 0
run "$KYODO" import --db "$T/city.db" --lang en "$T"/usb/*.kyodo
expect_rc "city imports the file: exit 0" 0
check "city hall holds the center's groups" test "$(sqlite3 "$T/city.db" "SELECT group_concat(\
name || ':' || category, ' ') FROM (SELECT * FROM user_group WHERE origin = 'higashi' ORDER BY \
name)")" = "山びこ会:registered 東地域協働体:body"
