#!/bin/sh
# Help that teaches: F1 (or h) on the home screen opens short task guides
# naming the keys, then the home screen's keys; F1 elsewhere lists the
# screen's keys.  Home says when the monthly file to city hall is due or
# late.  City hall gets its own guides.  Japanese and English.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/g.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
open_signed_in "$DB" || not_ok "signs in" "no home"
expect_screen "home: the monthly file is due (never sent)" "市への月のファイル：月末までに（9 同期）"
keys F1
expect_screen "F1 on home: the guides" "ヘルプ：やり方"
expect_screen "a meeting's guide" "会議を記録する"
expect_screen "its steps name the keys" "F2（新規）で入力の画面が開きます"
expect_screen "a booking's guide" "予約を受ける"
keys Down Down
expect_screen "the monthly file's guide" "月末の USB ファイル"
keys End
expect_screen "the grant report's guide" "補助金の実績報告"
expect_screen "then the home screen's keys" "ホーム画面のキー"
expect_screen "a key with its sentence" "サインアウトして画面をロックします"
keys Escape
wait_for "メニュー" >/dev/null
keys h
expect_screen "h opens the guides too" "ヘルプ：やり方"
keys Escape
keys 1
wait_for "会議  令和8年11月" >/dev/null
keys F1
expect_screen "F1 elsewhere: that screen's keys" "ヘルプ：キー操作"
keys Escape Escape

# The file sent this month, then a month without one, then late.
sqlite3 "$DB" "INSERT INTO sync_log (at, direction, peer, file, rows, result)
    VALUES ('2026-11-02T01:00:00Z', 'export', 'city', 'x.kyodo', 0, 'ok')"
open_signed_in "$DB"
expect_screen "sent this month" "市への月のファイル：11-02(月) 書出し済み"
KYODO_TODAY=2026-12-05
open_signed_in "$DB"
expect_screen "a new month: due, with the last one" "市への月のファイル：月末まで（前回 11-02(月)）"
KYODO_TODAY=2027-01-10
open_signed_in "$DB"
expect_screen "more than 35 days: late" "市への月のファイル：遅れ（前回から 69 日）"
unset KYODO_TODAY

open_signed_in "$DB" --lang en
keys F1
expect_screen "en: the guides" "Help: how to"
expect_screen "en: record a meeting" "Record a meeting"
expect_screen "en: steps" "F2 (New) opens the form"

# City hall's guides.
CITY=$T/city.db
"$KYODO" init --db "$CITY" --city --name "一関市" >/dev/null 2>&1
printf '9999\n' | "$KYODO" staff add --db "$CITY" --name "市 職員" --role admin --pin-stdin >/dev/null 2>&1
start_kyodo -- --db "$CITY"
wait_for "市 職員" >/dev/null
sign_in 0 9999
wait_for "市 職員 (" >/dev/null
keys F1
expect_screen "city hall: its guides" "各センターの月のファイルを取り込む"
expect_screen "city hall: deciding a grant" "補助金の交付決定"
expect_no_screen "not the center's" "会議を記録する"
