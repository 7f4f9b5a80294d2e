#!/bin/sh
# The community body's screen end to end (English): the profile made in
# the kiosk, a milestone recorded on the checklist with its date, the
# support open at the stage, the next stage refused with milestones
# missing and taken with a reason the core audits, then taken plainly once
# every milestone is done; member organisations added and deleted; a role
# that may not write the body's records gets the core's sentence.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/b.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
q() { sqlite3 "$DB" "$1"; }

if open_signed_in "$DB" --lang en; then ok "signs in"; else not_ok "signs in" "no home"; fi
expect_no_screen "home: no body, no stage line" "Community body  Stage"
keys 6
expect_screen "6 opens the body's screen" "No community body is recorded yet"
expect_screen "the checklist is there before the body" "[ ] Preparatory committee formed"

# The profile, through the generic form.
keys Enter
expect_screen "Enter opens the body's form" "Community body  New"
type_text "城南まちづくり協議会"; keys Tab
type_text "城南地区"
keys F2
expect_screen "the profile shows the name" "Body name                 城南まちづくり協議会"
expect_screen "a new body is at stage 1" "Stage 1: founding  (0 of 3 done)  (current stage)"
expect_screen "the support open at stage 1" "Consensus-building subsidy"
check "the body is stored" test "$(q "SELECT name || '|' || stage FROM body")" = "城南まちづくり協議会|1"

# A milestone done, from the checklist: Enter asks the date.
keys Down
keys Enter
expect_screen "Enter on an open milestone asks its date" "When was it done?"
expect_screen "the milestone is chosen" "* Milestone  Preparatory committee formed"
keys C-u
type_text "2026-04-10"
keys F2
expect_screen "the checklist ticks it with the date and era" \
	"[x] Preparatory committee formed     2026-04-10 (Reiwa 8)"
expect_screen "the stage counts it" "Stage 1: founding  (1 of 3 done)"
check "the milestone is stored" \
	test "$(q "SELECT code || '|' || date FROM milestone WHERE deleted = 0")" = "preparatory-committee|2026-04-10"

# Next stage with two milestones missing: the core refuses, the reason
# moves it on anyway and goes into the audit.
keys F6
expect_screen "F6 with milestones missing: the core's sentence" \
	"Stage 1 has 1 of 3 milestones done; record the rest, or give a reason"
expect_screen "and the override asks for the reason" "Reason"
keys Escape
expect_screen "Esc stays at the stage" "Stage 1: founding  (1 of 3 done)  (current stage)"
check "Esc changed nothing" test "$(q "SELECT stage FROM body")" = 1
keys F6
wait_for "give a reason" >/dev/null
keys F2
expect_screen "an empty reason is refused" "Reason: required."
type_text "設立総会で承認済み"
keys F2
expect_screen "moved on with the reason" "The body is now at stage 2 (reason kept in the audit log)."
expect_screen "the profile shows stage 2" "Stage 2: building the organization"
expect_screen "the support open at stage 2" "Support from the city at stage 2"
check "stored at stage 2" test "$(q "SELECT stage FROM body")" = 2
check "the override is audited with its reason" \
	test "$(q "SELECT count(*) FROM audit WHERE action = 'stage-override' AND summary LIKE '%設立総会で承認済み%'")" = 1

# Every milestone of stage 2 done (logged elsewhere): F6 asks, y moves on.
for m in secretariat awareness survey plan-adopted; do
	"$KYODO" add milestone --db "$DB" --code $m --date 2026-05-01 >/dev/null
done
keys Escape
wait_for "1 Meetings" >/dev/null
keys 6
wait_for "Stages and milestones" >/dev/null
keys NPage
expect_screen "the checklist shows milestones logged elsewhere" "Stage 2: building the organization  (4 of 4 done)"
keys F6
expect_screen "F6 with every milestone done asks" "Move the body on to stage 3? (y/n)"
keys n
check "n keeps the stage" test "$(q "SELECT stage FROM body")" = 2
keys F6
wait_for "Move the body on" >/dev/null
keys y
expect_screen "y moves on" "The body is now at stage 3."
check "stored at stage 3" test "$(q "SELECT stage FROM body")" = 3
keys F6
expect_screen "at stage 3 the core says it is the last" "The body is at the last stage already."

# Member organisations: add through the generic form, delete after asking.
keys F2
expect_screen "F2 adds a member" "Member organization  New"
type_text "城南第一自治会"; keys Tab
keys F2
expect_screen "the member is listed with its type" "城南第一自治会"
expect_screen "the heading counts it" "Member organizations (1)"
keys F4
expect_screen "F4 asks before deleting" "Delete \"城南第一自治会\"? (y/n)"
keys y
expect_screen "deleted" "Member organizations (0)"
check "a tombstone remains" test "$(q "SELECT deleted FROM member")" = 1

# Undo a milestone: F4 on a ticked one.
keys Home
keys Down
keys F4
expect_screen "F4 on a ticked milestone asks" "Mark \"Preparatory committee formed\" as not done? (y/n)"
keys y
expect_screen "the milestone is open again" "[ ] Preparatory committee formed"

keys Escape
expect_screen "home shows the body's stage" "Community body  Stage 3: practice"

# 120x40 and a resize down to 1x1 and back.
resize 120 40
expect_screen "120x40" "Community body  Stage 3: practice"
keys 6
expect_screen "the body's screen at 120x40" "Member organizations (0)"
resize 1 1
sleep 0.2
resize 80 24
if alive; then ok "survives a resize to 1x1"; else not_ok "survives a resize to 1x1" "died"; fi
expect_screen "redrawn at 80x24" "Stages and milestones"

# A role that may not write the body's records: the core's sentence.
printf '5555\n' | "$KYODO" staff add --db "$DB" --name "市 担当" --role city --pin-stdin >/dev/null 2>&1
start_kyodo -- --db "$DB" --lang en
wait_for "市 担当" >/dev/null
sign_in 1 5555
wait_for "市 担当 (" >/dev/null
keys 6
wait_for "Stages and milestones" >/dev/null
keys F2
wait_for "Member organization  New" >/dev/null
type_text "役割外の団体"; keys Tab
keys F2
expect_screen "the city's role is refused with the core's sentence" \
	"cannot change a Member organization (role: City division)"
check "nothing written" test "$(q "SELECT count(*) FROM member WHERE name = '役割外の団体'")" = 0
