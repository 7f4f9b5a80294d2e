#!/bin/sh
# Fiscal years as people name them: a project's years typed as R8 and
# 令和10年度 are stored as 2026 and 2028 and shown again as 令和8年度 and
# 令和10年度; a year the era never had is refused in words.  The command
# line reads the same (令和8, R10, 2026).
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/fy.db
"$KYODO" demo --db "$DB" >/dev/null 2>&1 || { not_ok "demo store" "kyodo demo failed"; exit 1; }

run "$KYODO" add project --db "$DB" --title "見守り強化" --field welfare --fy_from 令和8 \
    --fy_to R10 --lang en
expect_rc "add project with era years: exit 0" 0
run "$KYODO" list project --db "$DB" --lang en
if grep "見守り強化" "$T/out" | grep -q "2026 .*2028"; then ok "stored as 2026 and 2028"
else not_ok "stored as 2026 and 2028" "$(grep 見守り強化 "$T/out")"; fi
run "$KYODO" add project --db "$DB" --title "x" --field welfare --fy_from 平成40 --lang en
expect_rc "平成40: refused" 1
expect_err "in words" "is not a fiscal year"

start_kyodo -- --db "$DB"
wait_for "佐藤 花子" >/dev/null
sign_in 0 1234
wait_for "佐藤 花子 (" >/dev/null
keys 7
wait_for "地域づくり計画" >/dev/null
keys F2
expect_screen "a new project" "新規"
type_text "防災訓練の充実"; keys Tab
keys Tab Tab Tab	# field (its first choice), description, target
type_text "R8"; keys Tab
type_text "令和10年度"
keys F2
expect_screen "saved" "防災訓練の充実"
run "$KYODO" list project --db "$DB" --lang en
if grep "防災訓練の充実" "$T/out" | grep -q "2026 .*2028"; then ok "typed R8 and 令和10年度: 2026 and 2028"
else not_ok "typed R8 and 令和10年度: 2026 and 2028" "$(grep 防災訓練 "$T/out")"; fi
keys Enter
expect_screen "the saved project opens" "防災訓練の充実"
expect_screen "its first year by the era" "令和8年度"
expect_screen "its last year by the era" "令和10年度"
