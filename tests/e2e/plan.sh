#!/bin/sh
# The plan's screen end to end: it reads as the plan does (title and
# period, the vision wrapped by display width, the issues, the projects by
# field with their progress per fiscal year); an event linked to a project
# from the events screen's pick-list shows in that project's progress;
# issues, projects and the plan itself are added and edited through the
# generic form; the page scrolls, and survives 120x40, 1x1 and Japanese.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/p.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
q() { sqlite3 "$DB" "$1"; }
add() {
	"$KYODO" add "$@" --db "$DB" >/dev/null 2>"$T/add.err" ||
		echo "# kyodo add $*: $(cat "$T/add.err")"
}

VISION="みんなで支え合い、笑顔でつながる城南。子どもから高齢者まで、誰もが安心して暮らし続けられる地域を、住民の手でつくります。最後の一文はここで終わる。"
add plan --title "城南地区 地域づくり計画" --fy_from 2026 --fy_to 2030 --vision "$VISION" \
    --adopted_on 2026-03-20
add issue --title "高齢化と一人暮らし世帯の増加" --description "65歳以上が4割を超えた。"
add project --title "見守りネットワークづくり" --field welfare --target "協力員 60人" \
    --description "一人暮らしの高齢者を地域で見守る。" --fy_from 2026 --fy_to 2030
add project --title "花と緑のまちづくり" --field environment
add event --date 2025-10-05 --title "見守り研修会" --field welfare --participants 30 \
    --volunteers 5 --project "見守りネットワークづくり"
PROJECT=$(q "SELECT uuid FROM project WHERE title = '見守りネットワークづくり'")

if open_signed_in "$DB" --lang en; then ok "signs in"; else not_ok "signs in" "no home"; fi
keys 7
expect_screen "7 opens the plan" "Community plan"
expect_screen "the plan's title" "城南地区 地域づくり計画"
expect_screen "its period and adoption with the era" "Period: FY2026–2030   Adopted on: 2026-03-20 (Reiwa 8)"
expect_screen "the vision's heading" "Vision"
expect_screen "the vision starts on its line" "みんなで支え合い、笑顔でつながる城南。"
# The vision is wider than the screen: wrapped, not cut, so its end shows.
expect_screen "the vision wraps: its end is on screen" "ここで終わる。"
if screen | grep -q "みんなで支え合い.*ここで終わる"; then
	not_ok "the vision takes more than one line" "one line"
else
	ok "the vision takes more than one line"
fi
expect_screen "an issue, numbered" "1. 高齢化と一人暮らし世帯の増加"
expect_screen "its description under it" "65歳以上が4割を超えた。"

keys End
expect_screen "End shows the projects" "Projects"
expect_screen "a project under its field" "見守りネットワークづくり"
expect_screen "the field heading" "Welfare"
expect_screen_re "the progress table of the year with the event" \
	"FY2025 \(Reiwa 7\) +1 +30 +5 +¥0"
expect_screen "a project with nothing logged says so" "Nothing logged yet."
expect_no_screen "nothing yet in FY2026" "FY2026 (Reiwa 8)  "

# Link an event to the project from the events screen (menu 2).
keys Escape
wait_for "1 Meetings" >/dev/null
keys 2
wait_for "Event  November 2026" >/dev/null
keys F2
wait_for "Event  New" >/dev/null
type_text "10:00"; keys Tab Tab
type_text "見守り交流会"; keys Tab
keys Right; keys Tab		# field: Welfare
keys Tab			# organizer
type_text "40"; keys Tab
type_text "6"; keys Tab
keys Tab			# cost
keys Right			# the pick-list: 花と緑のまちづくり (environment first)
expect_screen "the project field offers the plan's projects" "花と緑のまちづくり"
keys Right
expect_screen "Right picks the next project" "Plan project  見守りネットワークづくり"
keys F2
expect_screen "the event is saved" "Saved: "
check "the event is linked to the project by id" \
	test "$(q "SELECT project_id FROM event WHERE title = '見守り交流会'")" = "$PROJECT"
keys Escape
wait_for "1 Meetings" >/dev/null
keys 7
wait_for "Community plan" >/dev/null
keys End
expect_screen_re "the project's progress now has FY2026 with the event" \
	"FY2026 \(Reiwa 8\) +1 +40 +6 +¥0"
expect_screen_re "FY2025 is unchanged" "FY2025 \(Reiwa 7\) +1 +30 +5 +¥0"

# Add an issue (i) and a project (F2) through the generic form.
keys i
expect_screen "i opens a new issue" "Plan issue  New"
type_text "地域行事の担い手不足"
keys F2
expect_screen "the new issue is listed second" "2. 地域行事の担い手不足"
keys F2
expect_screen "F2 opens a new project" "Plan project  New"
type_text "子育て応援プロジェクト"; keys Tab
keys Right Right Right Right	# Safety → … → Childcare
expect_screen "the field is chosen" "< Childcare >"
keys F2
expect_screen "the new project shows" "子育て応援プロジェクト"
expect_screen "under its field" "Childcare"
check "stored" test "$(q "SELECT field FROM project WHERE title = '子育て応援プロジェクト'")" = childcare

# Edit the plan itself: Home puts the cursor on its title.
keys Home
keys Enter
expect_screen "Enter on the title edits the plan" "Development plan  Edit"
keys C-u
type_text "城南地区 地域づくり計画（改訂）"
keys F2
expect_screen "the new title shows" "城南地区 地域づくり計画（改訂）"
# Edit an issue: Down from the title goes to the first issue.
keys Down
keys Enter
expect_screen "Enter on an issue edits it" "Plan issue  Edit"
keys Escape
wait_for "Community plan" >/dev/null

# Scrolling: PgDn and PgUp move a page.
keys PageDown
expect_screen "PgDn shows the projects" "Projects"
keys PageUp PageUp
expect_screen "PgUp back to the top" "城南地区 地域づくり計画（改訂）"

resize 120 40
expect_screen "120x40: the vision and the projects on one page" "見守りネットワークづくり"
resize 1 1
sleep 0.2
resize 80 24
if alive; then ok "survives a resize to 1x1"; else not_ok "survives a resize to 1x1" "died"; fi
expect_screen "redrawn at 80x24" "Community plan"

# In Japanese the fiscal years have their era.
open_signed_in "$DB" --lang ja >/dev/null
keys 7
expect_screen "Japanese: the period in the era" "令和8〜12年度"
keys End
expect_screen "Japanese: the year rows in the era" "令和7年度"
