#!/bin/sh
# The grants screens end to end (English): the programmes; an application
# made in the kiosk, refused when its programme is not open in the year or
# the request passes what the programme allows (the core's sentence,
# nothing written); applied; the city's decision arriving as a city-owned
# row; expenses added, edited and deleted while the gauge follows (spent,
# remaining, the share, the warning past the decided amount); the results
# report due near the year's end; results reported; withdrawn; ASCII
# lines; the home screen's balance.  At city hall: every center's
# applications, the waiting one marked, decided from the screen.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/g.db
CITY=$T/city.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
q() { sqlite3 "$DB" "$1"; }
"$KYODO" add application --db "$DB" --program activity --fy 2026 --title "研修旅行事業" \
    --cost 300000 --requested 300000 >/dev/null

if open_signed_in "$DB" --lang en; then ok "signs in"; else not_ok "signs in" "no home"; fi
keys 8
expect_screen "8 opens grants in this fiscal year" "Grants  FY2026 (Reiwa 8)"
expect_screen_re "a program: name, limit, rate, years" \
	"^  地域協働体支援事業補助金 +¥200,000 +2/3 FY2014–2015"
expect_screen_re "a program without a limit, still open" "活動費補助金.* no limit +100% FY2015–"
expect_no_screen "no program codes" "support "
expect_screen "the year's application" "研修旅行事業"

# A new application in the kiosk: the programme open this year is chosen.
keys F2
expect_screen "F2 opens a new application" "Grant application  New"
expect_screen_re "the program open this year is filled in" "Program +activity"
expect_screen_re "its name beside its code" "Program +activity +地域協働体活動費補助金"
expect_screen_re "the year shown is filled in, by the era" "Fiscal year +FY2026 \\(Reiwa 8\\)"
type_text "花壇整備事業"; keys Tab
type_text "100000"; keys Tab
type_text "100000"
keys F2
expect_screen "saved" "Saved: Grant application 花壇整備事業"
expect_screen_re "listed as a draft" "花壇整備事業 .* Draft "
expect_screen "not decided yet: requested and spent" "Requested ¥100,000  Spent ¥0  (not decided yet)"

# An expense before the decision: kept as planned, with a warning before
# and after saving; not spent, so no total counts it.
keys Home
expect_screen_re "the draft selected" "^ +研修旅行事業"
keys e
expect_screen "e opens a new expense for the draft" "Expense  New  (研修旅行事業)"
expect_screen "the form warns that it is only planned" "The grant is not decided yet: this expense is"
keys Tab
type_text "下見交通費"; keys Tab
type_text "12000"
keys F2
expect_screen "saved as planned, said so" "Saved as planned: Expense 2026-11-28 下見交通費"
expect_screen "planned, not spent" "Requested ¥300,000  Spent ¥0  Planned ¥12,000  (not decided yet)"
expect_screen_re "the year's spent total leaves it out" "Decided ¥0  Spent ¥0"
check "the expense is stored" test "$(q "SELECT amount FROM expense WHERE item = '下見交通費'")" = 12000
keys Enter
expect_screen "the page says the expenses are planned" \
	"Expenses (1)  planned ¥12,000: not spent until the city decides"
keys Escape
wait_for "Grants  FY2026" >/dev/null
keys Down
expect_screen_re "back on the new one" "^ +花壇整備事業"

# Refusals: the core's sentence, nothing written.
keys F2
wait_for "Grant application  New" >/dev/null
keys Up Up			# from the title to the programme
keys C-u
type_text "support"; keys Tab Tab
type_text "準備会"; keys Tab
type_text "30000"; keys Tab
type_text "20000"
keys F2
expect_screen "a program not open in the year: the core's sentence" \
	"Fiscal year: the program support is not open in FY2026 (Reiwa 8)."
check "nothing written" test "$(q "SELECT count(*) FROM application")" = 2
keys Escape
wait_for "Discard the changes?" >/dev/null
keys y
keys F2
wait_for "Grant application  New" >/dev/null
type_text "過大申請"; keys Tab
type_text "38500"; keys Tab
type_text "39000"
keys F2
expect_screen "a request above what the program allows: the core's sentence" \
	"Requested: ¥39,000 is more than the program allows for this cost (¥38,000)."
check "nothing written" test "$(q "SELECT count(*) FROM application")" = 2
keys Escape
wait_for "Discard the changes?" >/dev/null
keys y
wait_for "Grants  FY2026" >/dev/null

# Apply (a), after asking.
A=$(q "SELECT uuid FROM application WHERE title = '花壇整備事業'")
keys a
expect_screen "a asks before applying" "Apply to the city for \"花壇整備事業\"? (y/n)"
keys y
expect_screen_re "applied" "花壇整備事業 .* Applied "
expect_screen "waiting for the city" "Applied: the city's decision arrives with its file."
check "stored as applied today" \
	test "$(q "SELECT status || '|' || applied_on FROM application WHERE uuid = '$A'")" = "applied|2026-11-28"
keys d
expect_screen "d at a center: only city hall decides (the core's sentence)" "Only city hall decides on grants"
check "no decision written" test "$(q "SELECT count(*) FROM decision")" = 0

# The city's decision arrives (as the city's file brings it: a city row).
q "INSERT INTO decision (uuid, origin, version, updated_at, deleted, created_by, updated_by,
    application, center, decided_amount, decided_on) VALUES
    ('4f3e2d1c-0000-4000-8000-00000000d001', 'city', 1, '2026-06-01T00:00:00Z', 0, 'city',
    'city', '$A', 'jonan', 80000, '2026-06-01')"
keys F5 F6			# another year and back: read again
expect_screen_re "decided" "花壇整備事業 .* Decided "
expect_screen_re "the program by its name, not its code" "花壇整備事業 +地域協働体活動費補[^ ]*… +Decided "
expect_screen "the gauge's amounts" "Decided ¥80,000  Spent ¥0  Remaining ¥80,000"
expect_screen_re "the gauge is empty at 0%" "░+ +0%"

# An expense on the selected application (e): the application filled in.
keys e
expect_screen "e opens a new expense for it" "Expense  New  (花壇整備事業)"
expect_screen_re "the application is filled in" "Application +花壇整備事業"
keys Tab
type_text "花苗"; keys Tab
type_text "50000"
keys F2
expect_screen "the gauge follows: spent and remaining" "Decided ¥80,000  Spent ¥50,000  Remaining ¥30,000"
expect_screen_re "the share" "█+[▏▎▍▌▋▊▉]?░+ +62%"

# The application's page: the city's part read-only, the expenses listed.
keys Enter
expect_screen "Enter opens the application" "Grant application  花壇整備事業"
expect_screen "the page names the program in full" "地域協働体活動費補助金（(仮称)地域ゆめづくり交付金）"
expect_no_screen "and not by its code" "activity"
expect_screen "the city's decision, read-only" "From the city (read-only): Decided on 2026-06-01"
expect_screen "its expenses" "Expenses (1)  total ¥50,000"
keys F2
expect_screen "F2 adds an expense here" "Expense  New  (花壇整備事業)"
keys C-u
type_text "2026-11-30"; keys Tab	# after the first: last in the list
type_text "肥料"; keys Tab
type_text "40000"
keys F2
expect_screen "spending past the decided amount warns" "! Spending passes the decided amount by ¥10,000."
expect_screen "the remaining goes negative" "Remaining -¥10,000"
expect_screen_re "the gauge is full and marked" "█+! +112%"
keys End
keys F3
expect_screen "F3 edits the expense" "Expense  Edit"
keys Down Down Down		# to the amount
keys C-u
type_text "20000"
keys F2
expect_screen "after the edit: remaining" "Spent ¥70,000  Remaining ¥10,000"
expect_no_screen "no warning any more" "Spending passes"
keys F4
expect_screen "F4 asks before deleting" "Delete \"肥料\"? (y/n)"
keys y
expect_screen "deleted" "Expenses (1)  total ¥50,000"
check "amounts stored" test "$(q "SELECT sum(amount) FROM expense WHERE deleted = 0 AND application_id = '$A'")" = 50000
keys Escape
wait_for "Grants  FY2026" >/dev/null

# The home screen: the year's balance (decided − spent).
keys Escape
expect_screen "home: this year's grant balance" "Grant balance FY2026 (Reiwa 8): ¥30,000"

# Near the year's end the results report is due.
KYODO_TODAY=2027-03-05 open_signed_in "$DB" --lang en >/dev/null
keys 8
wait_for "Grants  FY2026" >/dev/null
keys Down
expect_screen "the report is due in March" \
	"! The results report is due: the fiscal year ends on 2027-03-31 (Reiwa 9)."
expect_screen_re "and the list marks it" "^ ! +花壇整備事業"

# Report the results (r), after asking.
keys r
expect_screen "r asks" "Report the results of \"花壇整備事業\"? (y/n)"
keys y
expect_screen_re "results reported" "花壇整備事業 .* Results reported "
expect_no_screen "not due any more" "results report is due"

# Withdraw the other one (w): n keeps it, y withdraws.
keys Home
expect_screen_re "the draft is selected" "研修旅行事業"
keys w
expect_screen "w asks" "Withdraw \"研修旅行事業\"? (y/n)"
keys n
check "n keeps it" test "$(q "SELECT status FROM application WHERE title = '研修旅行事業'")" = draft
keys w
wait_for "Withdraw \"" >/dev/null
keys y
expect_screen_re "withdrawn" "研修旅行事業 .* Withdrawn "

# ASCII lines: the gauge in # and '.'.
"$KYODO" setting --db "$DB" ascii_lines 1 >/dev/null
open_signed_in "$DB" --lang en >/dev/null
keys 8
keys Down
expect_screen_re "ASCII gauge" "^ #+\.+ +62%"
"$KYODO" setting --db "$DB" ascii_lines 0 >/dev/null

# 120x40, and a resize to 1x1 and back.
resize 120 40
expect_screen "120x40" "Grant programs"
resize 1 1
sleep 0.2
resize 80 24
if alive; then ok "survives a resize to 1x1"; else not_ok "survives a resize to 1x1" "died"; fi
expect_screen "redrawn at 80x24" "Applications in FY2026 (Reiwa 8)"

# --- City hall: every center's applications; the division decides. ---
"$KYODO" add application --db "$DB" --program activity --fy 2026 --title "見守り推進事業" \
    --cost 250000 --requested 250000 --status applied >/dev/null
B=$(q "SELECT uuid FROM application WHERE title = '見守り推進事業'")
"$KYODO" init --db "$CITY" --city --name "一関市" >/dev/null 2>&1 ||
	not_ok "city store" "init --city failed"
printf '5555\n' | "$KYODO" staff add --db "$CITY" --name "協働 太郎" --role city --pin-stdin \
    >/dev/null 2>&1
# The center's rows as its file brings them: uuid and origin kept.
sqlite3 "$DB" ".mode insert application" "SELECT * FROM application WHERE title IN ('花壇整備事業', '見守り推進事業')" |
	sqlite3 "$CITY"
check "the city holds the center's rows" \
	test "$(sqlite3 "$CITY" "SELECT origin FROM application WHERE uuid = '$B'")" = jonan

KYODO_ENV=KYODO_NO_BACKUP=1 start_kyodo -- --db "$CITY" --lang en
wait_for "協働 太郎" >/dev/null
sign_in 0 5555
wait_for "協働 太郎 (" >/dev/null
keys 8
expect_screen "the city's grants screen" "Grants  FY2026 (Reiwa 8)"
expect_screen_re "the center column and the waiting mark, first" "^ \* jonan +見守り推進事業 +Applied"
expect_screen_re "the other center row" "jonan +花壇整備事業"
expect_screen "waiting for the decision" "* Waiting for the city's decision."
expect_no_screen "no new application at city hall" "F2New"
keys d
expect_screen "d opens the decision" "Decide  見守り推進事業"
expect_screen "what was asked" "asks for ¥250,000 for an eligible cost of ¥250,000"
expect_screen_re "the amount asked is filled in" "Decided amount +250000"
keys C-u
type_text "260000"
keys F2
expect_screen "more than requested: the core's sentence" \
	"The decided amount ¥260,000 is more than was requested (¥250,000)."
check "nothing written" test "$(sqlite3 "$CITY" "SELECT count(*) FROM decision")" = 0
keys C-u
type_text "200000"; keys Tab Tab
type_text "領収書を添付すること"
keys F2
expect_screen "decided" "Decide: 見守り推進事業 ¥200,000"
expect_screen_re "the list shows it decided" "jonan +見守り推進事業 +Decided"
check "the decision is the city's row" \
	test "$(sqlite3 "$CITY" "SELECT origin || '|' || center || '|' || decided_amount || '|' || decided_on || '|' || conditions FROM decision WHERE application = '$B'")" = \
	"city|jonan|200000|2026-11-28|領収書を添付すること"
expect_screen "the city may now pay an advance" "v Advance"
