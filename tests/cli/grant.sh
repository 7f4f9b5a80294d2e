#!/bin/sh
# kyodo add application|expense, kyodo grant … (the center's moves and the
# city's steps), kyodo plan show and kyodo body show|advance, on real stores:
# a center's and city hall's, with rows carried between them by sqlite3 as
# the monthly file will carry them.
. "$(dirname "$0")/../lib.sh"
set -u

DB=$T/center.db
CITY=$T/city.db
"$KYODO" init --db "$DB" --center mashiba --name "真柴市民センター" >/dev/null 2>&1 ||
	not_ok "setup: init center" "kyodo init failed"
"$KYODO" init --db "$CITY" --city --name "一関市" >/dev/null 2>&1 ||
	not_ok "setup: init city" "kyodo init --city failed"
export KYODO_TODAY=2015-06-10

q() {	# DB SQL: one value
	sqlite3 "$1" "$2"
}

# The rows of TABLE from one store into another, replacing older copies.
carry() {	# FROM TO TABLE
	sqlite3 "$1" ".mode insert $3" "SELECT * FROM $3" |
		sed 's/^INSERT INTO/INSERT OR REPLACE INTO/' | sqlite3 "$2"
}

csv_row() {	# DB ID: the application's row of grant status --format csv
	"$KYODO" grant status --db "$1" --format csv 2>/dev/null | tr -d '\r' | grep "^$2,"
}

# at DATE CMD ARGS...: as run, with today fixed to DATE.
at() {
	KYODO_TODAY=$1
	shift
	run "$@"
	KYODO_TODAY=2015-06-10
}

# --- add application ---
run "$KYODO" add application --db "$DB" --program support --fy 2015 --title "防災訓練" \
	--cost 250000 --requested 166000 --lang en
expect_rc "add application: exit 0" 0
expect_out "add application: prints the summary" "Grant application 防災訓練"
A1=$(cut -f1 "$T/out")
check "add application: stored as a draft of the support program" \
	test "$(q "$DB" "SELECT status || '|' || program_id || '|' || fy || '|' || cost || '|' || requested || '|' || origin FROM application WHERE uuid = '$A1'")" = \
	"draft|00000000-0000-4000-8000-000000000002|2015|250000|166000|mashiba"

count_apps() { q "$DB" "SELECT count(*) FROM application"; }

run "$KYODO" add application --db "$DB" --program consensus --fy 2016 --title "準備会" \
	--cost 30000 --requested 30000 --lang en
expect_rc "consensus in FY2016: exit 1" 1
expect_err "consensus in FY2016: names the year and era" "FY2016 (Heisei 28)"
expect_err "consensus in FY2016: names the program" "consensus"
run "$KYODO" add application --db "$DB" --program consensus --fy 2016 --title "準備会" \
	--cost 30000 --requested 30000 --lang ja
expect_rc "consensus in FY2016 (ja): exit 1" 1
expect_err "consensus in FY2016 (ja): names 平成28年度" "平成28年度"
run "$KYODO" add application --db "$DB" --program support --fy 2015 --title "過大" \
	--cost 250000 --requested 166001 --lang en
expect_rc "above the allowed amount: exit 1" 1
expect_err "above the allowed amount: names the request" "¥166,001"
expect_err "above the allowed amount: names what is allowed" "¥166,000"
run "$KYODO" add application --db "$DB" --program nosuch --fy 2015 --title "不明" \
	--cost 1000 --requested 1000 --lang en
expect_rc "unknown program: exit 1" 1
expect_err "unknown program: names it" "nosuch"
check "refusals: nothing written" test "$(count_apps)" = 1

# --- add expense ---
run "$KYODO" add expense --db "$DB" --application "防災訓練" --date 2015-06-20 \
	--item "チラシ印刷" --amount 50000 --lang en
expect_rc "add expense --application TITLE: exit 0" 0
E1=$(cut -f1 "$T/out")
check "add expense: linked to the application by id" \
	test "$(q "$DB" "SELECT application_id || '|' || amount FROM expense WHERE uuid = '$E1'")" = "$A1|50000"
expect_err "add expense before the decision: warned that it is only planned" \
	"warning: The grant is not decided yet: this expense is kept as planned"
check "add expense before the decision: the id alone on stdout" \
	test "$(wc -l <"$T/out")" -eq 1
run "$KYODO" add expense --db "$DB" --application "ない申請" --date 2015-06-20 \
	--item "x" --amount 1 --lang en
expect_rc "add expense to an unknown application: exit 1" 1
expect_err "add expense to an unknown application: names it" "ない申請"

# --- the center's moves ---
run "$KYODO" grant apply --db "$DB" --application "防災訓練" --lang en
expect_rc "grant apply: exit 0" 0
expect_out "grant apply: says Applied" "Applied"
check "grant apply: status applied, applied_on = KYODO_TODAY" \
	test "$(q "$DB" "SELECT status || '|' || applied_on FROM application WHERE uuid = '$A1'")" = "applied|2015-06-10"
run "$KYODO" grant report --db "$DB" --application "防災訓練" --lang en
expect_rc "grant report before a decision: exit 1" 1
expect_err "grant report before a decision: says why" "after the city's grant decision"
check "grant report refused: still applied" \
	test "$(q "$DB" "SELECT status FROM application WHERE uuid = '$A1'")" = applied
run "$KYODO" grant decide --db "$DB" --application "防災訓練" --amount 166000 --lang en
expect_rc "grant decide at a center: exit 1" 1
expect_err "grant decide at a center: only city hall" "Only city hall"
check "grant decide at a center: no decision row" test "$(q "$DB" "SELECT count(*) FROM decision")" = 0
run "$KYODO" grant settle --db "$DB" --application "防災訓練" --amount 1000 --lang en
expect_rc "grant settle at a center: exit 1" 1

# A second application, FY2016, for the year filter and withdrawing.
run "$KYODO" add application --db "$DB" --program activity --fy 2016 --title "夏祭り" \
	--cost 38500 --requested 38000 --status applied --lang en
expect_rc "add application already applied (activity, FY2016): exit 0" 0
A2=$(cut -f1 "$T/out")

# --- grant status ---
run "$KYODO" grant status --db "$DB" --lang en
expect_rc "grant status: exit 0" 0
expect_out "grant status: the title names the center" "真柴市民センター — Grant status"
expect_out "grant status: FY2015 heading with its era" "FY2015 (Heisei 27)"
expect_out "grant status: FY2016 heading with its era" "FY2016 (Heisei 28)"
check "grant status: the application's line (title, program, status, requested)" \
	grep -Eq '^防災訓練 +地域協働体支援事業補助金 +Applied +166,000 +0 +0 +0  Planned ¥50,000$' "$T/out"
expect_no_out "grant status: no program code where people read" " support "
run "$KYODO" grant status --db "$DB" --lang ja --fy 2016
check "grant status (ja): the program's name, cut where it is too long" \
	grep -Eq '^夏祭り +地域協働体活動費補助金… +申請済' "$T/out"
run "$KYODO" grant status --db "$DB" --lang ja
expect_rc "grant status (ja): exit 0" 0
expect_out "grant status (ja): heading 平成27年度" "平成27年度"
expect_out "grant status (ja): heading 平成28年度" "平成28年度"
run "$KYODO" grant status --db "$DB" --format csv
expect_rc "grant status --format csv: exit 0" 0
check "grant status csv: every line ends in CRLF (Excel)" \
	test "$(grep -c "$(printf '\r')\$" "$T/out")" -eq "$(wc -l <"$T/out")"
tr -d '\r' <"$T/out" >"$T/csv"
check "grant status csv: the header" \
	test "$(head -n 1 "$T/csv")" = "id,center,program,fy,title,status,requested,decided,spent,final,paid,remaining,program_name,planned,center_name"
check "grant status csv: the row, amounts as plain integers" \
	grep -qxF "$A1,mashiba,support,2015,防災訓練,applied,166000,0,0,0,0,0,地域協働体支援事業補助金,50000,真柴市民センター" "$T/csv"
check "grant status csv: the FY2016 row" \
	grep -qxF "$A2,mashiba,activity,2016,夏祭り,applied,38000,0,0,0,0,0,地域協働体活動費補助金（(仮称)地域ゆめづくり交付金）,0,真柴市民センター" "$T/csv"
check "grant status csv: a header and two rows" test "$(wc -l <"$T/csv")" -eq 3
run "$KYODO" grant status --db "$DB" --format csv --fy 2016
check "grant status --fy 2016: only the FY2016 application" \
	test "$(tail -n +2 "$T/out" | tr -d '\r' | cut -d, -f1)" = "$A2"
run "$KYODO" grant status --db "$DB" --fy 2015 --lang en
expect_out "grant status --fy 2015: the FY2015 application" "防災訓練"
expect_no_out "grant status --fy 2015: not the FY2016 one" "夏祭り"
expect_no_out "grant status --fy 2015: no FY2016 heading" "FY2016"
run "$KYODO" grant status --db "$DB" --fy 2017 --lang en
expect_out "grant status --fy 2017: no applications" "No applications."
run "$KYODO" grant status --db "$DB" --fy 15 --lang en
expect_rc "grant status --fy 15: usage error, exit 2" 2

# --- the city's steps ---
carry "$DB" "$CITY" application
check "carried: the city holds the center's application, same id and origin" \
	test "$(q "$CITY" "SELECT origin || '|' || status FROM application WHERE uuid = '$A1'")" = "mashiba|applied"
run "$KYODO" grant decide --db "$CITY" --application "防災訓練" --amount 166001 --lang en
expect_rc "grant decide above the request: exit 1" 1
expect_err "grant decide above the request: names both" "¥166,000"
run "$KYODO" grant decide --db "$CITY" --application "防災訓練" --amount 166000 --lang en
expect_rc "grant decide at the city: exit 0" 0
expect_out "grant decide: Recorded." "Recorded."
check "grant decide: a city-owned decision row" \
	test "$(q "$CITY" "SELECT origin || '|' || center || '|' || decided_amount || '|' || decided_on FROM decision WHERE application = '$A1'")" = "city|mashiba|166000|2015-06-10"
run "$KYODO" grant status --db "$CITY" --lang en
expect_out "grant status --db CITY: a Center column" "Center"
check "grant status --db CITY: decided" \
	grep -Eq '^mashiba +防災訓練 +地域協働体支援事業補助金 +Decided +166,000 +166,000 ' "$T/out"
check "grant status --db CITY csv: decided 166000" \
	test "$(csv_row "$CITY" "$A1" | cut -d, -f6,8)" = "decided,166000"

carry "$CITY" "$DB" decision
check "the decision at the center: decided, remaining 166000 - 50000" \
	test "$(csv_row "$DB" "$A1")" = "$A1,mashiba,support,2015,防災訓練,decided,166000,166000,50000,0,0,116000,地域協働体支援事業補助金,0,真柴市民センター"
# After the decision an expense is spent at once, without a word (on a copy,
# so the amounts below stay as they are).
cp "$DB" "$T/after.db"
run "$KYODO" add expense --db "$T/after.db" --application "防災訓練" --date 2015-07-01 \
	--item "会場費" --amount 6000 --lang en
expect_rc "add expense after the decision: exit 0" 0
check "add expense after the decision: no warning" test ! -s "$T/err"
check "add expense after the decision: counted as spent" \
	test "$(csv_row "$T/after.db" "$A1" | cut -d, -f9,12,14)" = "56000,110000,0"

run "$KYODO" grant advance --db "$CITY" --application "防災訓練" --amount 166001 --lang en
expect_rc "grant advance above the decided amount: exit 1" 1
run "$KYODO" grant advance --db "$CITY" --application "防災訓練" --amount 100000 --lang en
expect_rc "grant advance: exit 0" 0
run "$KYODO" grant settle --db "$CITY" --application "防災訓練" --amount 150000 --lang en
expect_rc "grant settle before the results report: exit 1" 1
expect_err "grant settle before the report: says why" "after the results are reported"

at 2016-02-20 "$KYODO" grant report --db "$DB" --application "防災訓練" --lang en
expect_rc "grant report after the decision: exit 0" 0
expect_out "grant report: says Results reported" "Results reported"
check "grant report: reported_on = KYODO_TODAY" \
	test "$(q "$DB" "SELECT status || '|' || reported_on FROM application WHERE uuid = '$A1'")" = "reported|2016-02-20"
carry "$DB" "$CITY" application
run "$KYODO" grant settle --db "$CITY" --application "防災訓練" --amount 166001 --lang en
expect_rc "grant settle above the decided amount: exit 1" 1
expect_err "grant settle above the decided amount: names both" "¥166,001"
run "$KYODO" grant settle --db "$CITY" --application "防災訓練" --amount 150000 --lang en
expect_rc "grant settle: exit 0" 0
run "$KYODO" grant pay --db "$CITY" --application "防災訓練" --lang en
expect_rc "grant pay without --amount: exit 0" 0
check "grant pay without --amount: final 150,000 less the advance 100,000" \
	test "$(q "$CITY" "SELECT paid_amount FROM decision WHERE application = '$A1'")" = 50000
check "grant status --db CITY csv: paid" \
	test "$(csv_row "$CITY" "$A1" | cut -d, -f6-12)" = "paid,166000,166000,0,150000,50000,150000"

carry "$CITY" "$DB" decision
check "the payment at the center: paid, remaining final - spent" \
	test "$(csv_row "$DB" "$A1")" = "$A1,mashiba,support,2015,防災訓練,paid,166000,166000,50000,150000,50000,100000,地域協働体支援事業補助金,0,真柴市民センター"
run "$KYODO" grant withdraw --db "$DB" --application "防災訓練" --lang en
expect_rc "grant withdraw after payment: exit 1" 1
expect_err "grant withdraw after payment: says it is paid" "paid"

# Withdrawing the other one, then nothing more on it.
run "$KYODO" grant withdraw --db "$DB" --application "夏祭り" --lang en
expect_rc "grant withdraw: exit 0" 0
expect_out "grant withdraw: says Withdrawn" "Withdrawn"
check "grant withdraw: csv status withdrawn" test "$(csv_row "$DB" "$A2" | cut -d, -f6)" = withdrawn
run "$KYODO" grant apply --db "$DB" --application "夏祭り" --lang en
expect_rc "grant apply on a withdrawn application: exit 1" 1
expect_err "grant apply on a withdrawn application: says so" "withdrawn"
run "$KYODO" add expense --db "$DB" --application "夏祭り" --date 2016-07-01 --item x \
	--amount 100 --lang en
expect_rc "add expense on a withdrawn application: exit 1" 1
check "add expense on a withdrawn application: nothing written" \
	test "$(q "$DB" "SELECT count(*) FROM expense")" = 1

# The report reminder from March 1 after the fiscal year.
run "$KYODO" add application --db "$DB" --program support --fy 2015 --title "広報" \
	--cost 30000 --requested 20000 --status applied --lang en
A3=$(cut -f1 "$T/out")
carry "$DB" "$CITY" application
run "$KYODO" grant decide --db "$CITY" --application "広報" --amount 20000 --lang en
carry "$CITY" "$DB" decision
at 2016-02-29 "$KYODO" grant status --db "$DB" --fy 2015 --lang en
expect_no_out "grant status on 2016-02-29: no report due yet" "report due"
at 2016-03-01 "$KYODO" grant status --db "$DB" --fy 2015 --lang en
check "grant status on 2016-03-01: report due on the decided one" \
	grep -Eq '^広報 .*report due$' "$T/out"
check "grant status on 2016-03-01: not on the paid one" \
	grep -Eq '^防災訓練 .*Paid .*[0-9]$' "$T/out"
check "the decided one at the center: csv says decided" \
	test "$(csv_row "$DB" "$A3" | cut -d, -f6,8)" = "decided,20000"

# --- kyodo add decision: the same rules as the city's steps ---
run "$KYODO" add application --db "$DB" --program support --fy 2015 --title "見守り" \
	--cost 90000 --requested 60000 --status applied --lang en
A4=$(cut -f1 "$T/out")
run "$KYODO" add application --db "$DB" --program support --fy 2015 --title "下書き" \
	--cost 90000 --requested 60000 --lang en
A5=$(cut -f1 "$T/out")
carry "$DB" "$CITY" application
decisions() { q "$CITY" "SELECT * FROM decision ORDER BY uuid" | md5sum; }
before=$(decisions)
add_decision() {	# APPLICATION CENTER AMOUNT [MORE OPTIONS...]
	app=$1 center=$2 amount=$3
	shift 3
	run "$KYODO" add decision --db "$CITY" --application "$app" --center "$center" \
		--decided-amount "$amount" --decided-on 2015-07-01 "$@" --lang en
}
add_decision 00000000-0000-4000-8000-0000000000aa mashiba 1000
expect_rc "add decision, no such application: exit 1" 1
expect_err "add decision, no such application: says so" "there is no grant application"
check "add decision, no such application: one sentence" test "$(wc -l <"$T/err")" -eq 1
add_decision "$A4" hagisho 60000
expect_rc "add decision for another center: exit 1" 1
expect_err "add decision for another center: names the owner" "belongs to mashiba, not to hagisho"
add_decision "$A4" mashiba 60001
expect_rc "add decision above the request: exit 1" 1
expect_err "add decision above the request: names both amounts" "¥60,001 is more than was requested (¥60,000)"
add_decision "$A4" mashiba 60000 --paid-amount 60000 --paid-on 2015-07-02
expect_rc "add decision paid before settled: exit 1" 1
expect_err "add decision paid before settled: says why" "paid only once its amount is settled"
add_decision "$A4" mashiba 60000 --settled-on 2015-06-01 --final-amount 60000
expect_rc "add decision already settled: exit 1" 1
expect_err "add decision already settled: not before the results report" "after the results are reported"
add_decision "$A5" mashiba 60000
expect_rc "add decision on a draft: exit 1" 1
expect_err "add decision on a draft: only on an applied one" "applied"
add_decision "$A1" mashiba 1000
expect_rc "add decision, a second for the application: exit 1" 1
expect_err "add decision, a second: kyodo's sentence" "already has a grant decision"
check "add decision, a second: not SQLite's words" test "$(grep -c UNIQUE "$T/err")" = 0
check "add decision refusals: the city's decisions unchanged" test "$(decisions)" = "$before"
add_decision "$A4" mashiba 60000 --conditions "報告書を提出すること"
expect_rc "add decision: exit 0" 0
check "add decision: the row's id is the application's" test "$(cut -f1 "$T/out")" = "$A4"
check "add decision: stored as the city's, for the application's center" \
	test "$(q "$CITY" "SELECT uuid || '|' || origin || '|' || center || '|' || decided_amount FROM decision WHERE application = '$A4'")" = "$A4|city|mashiba|60000"
before=$(decisions)
add_decision "$A4" mashiba 50000
expect_rc "add decision again: exit 1" 1
expect_err "add decision again: already decided" "already has a grant decision"
check "add decision again: unchanged" test "$(decisions)" = "$before"
run "$KYODO" grant advance --db "$CITY" --application "$A4" --amount 30000 --date 2015-06-30 --lang en
expect_rc "grant advance dated before the decision: exit 1" 1
expect_err "grant advance dated before the decision: names the field" "Advance paid on"
run "$KYODO" grant advance --db "$CITY" --application "$A4" --amount 30000 --date 2015-07-10 --lang en
expect_rc "grant advance on the added decision: exit 0" 0
run "$KYODO" grant decide --db "$CITY" --application "$A4" --amount 55000 --lang en
expect_rc "grant decide still changes the decision: exit 0" 0
check "grant decide: the same row, amount changed, advance kept" \
	test "$(q "$CITY" "SELECT count(*) || '|' || max(decided_amount) || '|' || max(advance_amount) FROM decision WHERE application = '$A4'")" = "1|55000|30000"
run "$KYODO" add decision --db "$DB" --application "$A4" --center mashiba \
	--decided-amount 60000 --decided-on 2015-07-01 --lang en
expect_rc "add decision at a center: exit 1" 1
expect_err "add decision at a center: only city hall" "Only city hall"

# --- plan show ---
P=$T/plan.db
"$KYODO" init --db "$P" --center mashiba --name "真柴市民センター" >/dev/null 2>&1
run "$KYODO" plan show --db "$P" --lang en
expect_rc "plan show without a plan: exit 1" 1
expect_err "plan show without a plan: says so" "no development plan"
"$KYODO" add plan --db "$P" --title "真柴地域づくり計画" --fy_from 2015 --fy_to 2019 \
	--vision "誰もが安心して暮らせるまち" --adopted_on 2015-03-20 >/dev/null 2>&1
"$KYODO" add issue --db "$P" --title "担い手不足" --description "若い世代が少ない" >/dev/null 2>&1
"$KYODO" add project --db "$P" --title "防災マップ" --field safety --target "全12地区" >/dev/null 2>&1
"$KYODO" add project --db "$P" --title "見守り" --field welfare >/dev/null 2>&1
run "$KYODO" add event --db "$P" --date 2015-04-01 --title "まち歩き" --field safety \
	--participants 30 --volunteers 5 --project "防災マップ" --lang en
expect_rc "add event --project NAME: exit 0" 0
check "add event --project: linked by id" \
	test "$(q "$P" "SELECT count(*) FROM event e JOIN project p ON p.uuid = e.project_id WHERE p.title = '防災マップ'")" = 1
"$KYODO" add event --db "$P" --date 2016-03-31 --title "報告会" --field safety \
	--participants 10 --volunteers 2 --project "防災マップ" >/dev/null 2>&1
"$KYODO" add meeting --db "$P" --date 2015-06-01 --kind board --title "検討会" \
	--attendees 12 --project "防災マップ" >/dev/null 2>&1
"$KYODO" add event --db "$P" --date 2016-04-01 --title "配布" --field safety \
	--participants 7 --volunteers 1 --project "防災マップ" >/dev/null 2>&1
before=$(q "$P" "SELECT count(*) FROM event")
run "$KYODO" add event --db "$P" --date 2015-05-01 --title "x" --field safety \
	--project "ない事業" --lang en
expect_rc "add event --project with an unknown project: exit 1" 1
expect_err "unknown project: names it" "ない事業"
expect_err "unknown project: lists the projects" "防災マップ"
check "unknown project: nothing written" test "$(q "$P" "SELECT count(*) FROM event")" = "$before"

run "$KYODO" plan show --db "$P" --lang en
expect_rc "plan show: exit 0" 0
check "plan show: the title first" test "$(head -n 1 "$T/out")" = "真柴地域づくり計画"
expect_out "plan show: the period in eras" "Period: FY2015 (Heisei 27) – FY2019 (Reiwa 1)"
expect_out "plan show: the vision" "誰もが安心して暮らせるまち"
expect_out "plan show: the issue" "1. 担い手不足"
expect_out "plan show: the project" "■ 防災マップ"
check "plan show: FY2015 progress (3 activities, 52 participants, 7 volunteers)" \
	grep -Eq '^  FY2015 \(Heisei 27\): activities 3, participants 52, volunteers 7, grant' "$T/out"
check "plan show: FY2016 progress" \
	grep -Eq '^  FY2016 \(Heisei 28\): activities 1, participants 7, volunteers 1, grant' "$T/out"
expect_out "plan show: a project with nothing logged" "Nothing logged yet."
run "$KYODO" plan show --db "$P" --format markdown --lang en
expect_rc "plan show --format markdown: exit 0" 0
check "plan show markdown: a '# ' title" test "$(head -n 1 "$T/out")" = "# 真柴地域づくり計画"
check "plan show markdown: the FY2015 table row" \
	grep -qxF "| FY2015 (Heisei 27) | 3 | 52 | 7 | ¥0 |" "$T/out"
check "plan show markdown: the FY2016 table row" \
	grep -qxF "| FY2016 (Heisei 28) | 1 | 7 | 1 | ¥0 |" "$T/out"
check "plan show markdown: one table row per year" test "$(grep -c '^| FY' "$T/out")" -eq 2
run "$KYODO" plan show --db "$P" --format html --lang en
expect_rc "plan show --format html: usage error, exit 2" 2

# --- body show / advance ---
run "$KYODO" body show --db "$P" --lang en
expect_rc "body show without a body: exit 0" 0
expect_out "body show without a body: says so" "(no community body recorded yet)"
expect_out "body show: stage 1" "Stage 1 of 3"
run "$KYODO" body advance --db "$P" --lang en
expect_rc "body advance without a body: exit 1" 1
"$KYODO" add body --db "$P" --name "真柴まちづくり協議会" >/dev/null 2>&1
run "$KYODO" add body --db "$P" --name "もう一つ" --lang en
expect_rc "a second body: exit 1" 1
expect_err "a second body: says there is one" "already"
run "$KYODO" add milestone --db "$P" --code preparatory-committee --date 2014-06-01 --lang en
expect_rc "add milestone: exit 0" 0
run "$KYODO" add milestone --db "$P" --code preparatory-committee --date 2014-07-01 --lang en
expect_rc "the same milestone again: exit 1" 1
run "$KYODO" body show --db "$P" --lang en
expect_out "body show: the body's name" "真柴まちづくり協議会"
expect_out "body show: stage 1 milestones, 1 of 3" "Stage 1 milestones (1 of 3 done):"
expect_out "body show: the milestone done, with its date" "[x] Preparatory committee formed  2014-06-01"
expect_out "body show: a milestone not done" "[ ] Body founded"
expect_out "body show: stage 1 support" "limit ¥50,000"
run "$KYODO" body advance --db "$P" --lang en
expect_rc "body advance with milestones missing: exit 1" 1
expect_err "body advance refused: how many are done" "1 of 3"
check "body advance refused: still stage 1" test "$(q "$P" "SELECT stage FROM body")" = 1
run "$KYODO" body advance --db "$P" --override "市と協議のうえ先行" --lang en
expect_rc "body advance --override: exit 0" 0
expect_out "body advance --override: the new stage" "The body is now at stage 2."
check "body advance --override: stage 2 stored" test "$(q "$P" "SELECT stage FROM body")" = 2
check "body advance --override: audited with the reason" \
	test "$(q "$P" "SELECT count(*) FROM audit WHERE action = 'stage-override' AND summary LIKE '%市と協議のうえ先行%'")" = 1
run "$KYODO" body show --db "$P" --lang en
expect_out "body show: stage 2" "Stage 2 of 3"
expect_out "body show: stage 2 support" "Secretariat staff"
for m in secretariat awareness survey plan-adopted; do
	"$KYODO" add milestone --db "$P" --code "$m" --date 2015-03-01 >/dev/null 2>&1
done
run "$KYODO" body advance --db "$P" --lang en
expect_rc "body advance with stage 2's milestones done: exit 0" 0
expect_out "body advance: stage 3" "The body is now at stage 3."
check "body advance without override: no new override audit" \
	test "$(q "$P" "SELECT count(*) FROM audit WHERE action = 'stage-override'")" = 1
run "$KYODO" body advance --db "$P" --override "x" --lang en
expect_rc "body advance past stage 3: exit 1" 1
expect_err "body advance past stage 3: the last stage" "last stage"
