#!/bin/sh
# Language choice and the Japanese messages.
#
# Checks named "ja: ..." assert Japanese text from locale/ja.po; they use
# only these labels: Date=日付 Start=開始 End=終了 Title=件名
# Attendees=出席者数 Participants=参加者数 Fee=使用料 Cost=経費 Meeting=会議
# Event=行事 Facility use=施設利用 Round table=円卓会議.
# The rest checks how the language is chosen: --lang anywhere on the
# command line, else the language part of LANG, else Japanese.
. "$(dirname "$0")/../lib.sh"
set -u

DB=$T/s.db
"$KYODO" init --db "$DB" --center minami --name "南センター" >/dev/null 2>&1 ||
	not_ok "setup: init" "kyodo init failed"

# --- ja: output of add ---
run "$KYODO" add meeting --db "$DB" --date 2026-04-01 --start 10:00 --end 12:00 \
	--kind round-table --title "第1回" --room "大会議室" --attendees 25 --lang ja
expect_rc "ja: add meeting: exit 0" 0
M1=$(cut -f1 "$T/out")
expect_out "ja: add meeting: the summary names 会議" "	会議 2026-04-01 10:00 第1回"
run "$KYODO" add event --db "$DB" --date 2026-04-15 --field culture --title "夏祭り" \
	--participants 300 --cost 50000 --lang ja
expect_rc "ja: add event: exit 0" 0
expect_out "ja: add event: the summary names 行事" "	行事 2026-04-15 夏祭り"
run "$KYODO" add use --db "$DB" --date 2026-04-02 --room "和室" --category group --fee 1200 --lang ja
expect_rc "ja: add use: exit 0" 0
expect_out "ja: add use: the summary names 施設利用" "	施設利用 2026-04-02"

# A choice may be given by its Japanese label; the code is stored.
run "$KYODO" add meeting --db "$DB" --date 2026-04-03 --kind 円卓会議 --title "ラベル" --attendees 5 --lang ja
expect_rc "ja: add --kind 円卓会議 (the label): exit 0" 0
check "ja: --kind 円卓会議 is stored as round-table" \
	sh -c "'$KYODO' list meeting --db '$DB' --format csv | grep -qF ',2026-04-03,,,round-table,ラベル,'"

# --- ja: the text list ---
run "$KYODO" list meeting --db "$DB" --lang ja
expect_rc "ja: list meeting: exit 0" 0
for label in 日付 開始 終了 件名 出席者数; do
	check "ja: list meeting: the header has $label" sh -c "head -n 1 '$T/out' | grep -qF '$label'"
done
check "ja: list meeting: the header is in order 日付 開始 終了 … 件名 … 出席者数" \
	sh -c "head -n 1 '$T/out' | grep -q '^ID  *日付  *開始  *終了  *.*件名  *.*出席者数\$'"
expect_out "ja: list meeting: the choice shown as 円卓会議" "10:00 12:00 円卓会議"
expect_no_out "ja: list meeting: no English label left" "Round table"
check "ja: list meeting: rows as wide as the header (display columns)" \
	test "$(while IFS= read -r l; do printf '%s' "$l" | wc -L; done <"$T/out" | sort -u | wc -l)" -eq 1
run "$KYODO" list event --db "$DB" --lang ja
expect_out "ja: list event: the header has 参加者数" "参加者数"
expect_out "ja: list event: the header has 経費" "経費"
run "$KYODO" list use --db "$DB" --lang ja
expect_out "ja: list use: the header has 使用料" "使用料"

# CSV headers are field names whatever the language (scripts rely on them).
run "$KYODO" list meeting --db "$DB" --format csv --lang ja
check "list --format csv under --lang ja: the header is still field names" \
	test "$(head -n 1 "$T/out")" = "$(printf 'id,date,start,end,kind,title,room,attendees,agenda,summary,project\r')"
check "list --format csv under --lang ja: choices are codes" grep -q "^$M1,2026-04-01,10:00,12:00,round-table," "$T/out"

# --- ja: refusals name the field in Japanese ---
before=$("$KYODO" list meeting --db "$DB" --format csv 2>&1)
run "$KYODO" add meeting --db "$DB" --date 2026-02-30 --kind board --title x --lang ja
expect_rc "ja: impossible date: exit 1" 1
expect_err "ja: impossible date: names 日付" "日付"
expect_err "ja: impossible date: quotes the value" "2026-02-30"
check "ja: impossible date: nothing on stdout" test ! -s "$T/out"
run "$KYODO" add meeting --db "$DB" --date 2026-04-01 --start 12:00 --end 10:00 --kind board --title x --lang ja
expect_rc "ja: end before start: exit 1" 1
expect_err "ja: end before start: names 終了" "終了"
run "$KYODO" add meeting --db "$DB" --date 2026-04-01 --kind board --lang ja
expect_rc "ja: missing title: exit 1" 1
expect_err "ja: missing title: names 件名" "件名"
run "$KYODO" add meeting --db "$DB" --date 2026-04-01 --kind board --title x --attendees -3 --lang ja
expect_rc "ja: negative attendees: exit 1" 1
expect_err "ja: negative attendees: names 出席者数" "出席者数"
run "$KYODO" add use --db "$DB" --date 2026-04-01 --room A --category own --fee -100 --lang ja
expect_rc "ja: negative fee: exit 1" 1
expect_err "ja: negative fee: names 使用料" "使用料"
run "$KYODO" add event --db "$DB" --date 2026-04-01 --field safety --title x --cost abc --lang ja
expect_rc "ja: non-numeric cost: exit 1" 1
expect_err "ja: non-numeric cost: names 経費" "経費"
run "$KYODO" add event --db "$DB" --date 2026-04-01 --field safety --title x --participants many --lang ja
expect_rc "ja: non-numeric participants: exit 1" 1
expect_err "ja: non-numeric participants: names 参加者数" "参加者数"
run "$KYODO" add meeting --db "$DB" --date 2026-04-01 --start 9時 --kind board --title x --lang ja
expect_rc "ja: a bad start time: exit 1" 1
expect_err "ja: a bad start time: names 開始" "開始"
check "ja: refusals wrote nothing" \
	test "$("$KYODO" list meeting --db "$DB" --format csv 2>&1)" = "$before"

# --- ja: help names the kinds ---
run "$KYODO" add meeting --help --lang ja
expect_rc "ja: add meeting --help: exit 0" 0
expect_out "ja: add meeting --help: the fields of 会議" "(会議)"
expect_out "ja: add meeting --help: the Date field as 日付" "日付"
expect_out "ja: add meeting --help: the option names stay --date" "--date"
run "$KYODO" add event --help --lang ja
expect_out "ja: add event --help: the fields of 行事" "(行事)"
run "$KYODO" add use --help --lang ja
expect_out "ja: add use --help: the fields of 施設利用" "(施設利用)"

# --- how the language is chosen ---
# LANG names no language: Japanese, the kiosk's home language.
run env -u LANG -u LC_ALL -u LANGUAGE "$KYODO" list meeting --db "$DB"
expect_rc "ja: LANG unset: exit 0" 0
check "ja: LANG unset: Japanese (日付)" sh -c "head -n 1 '$T/out' | grep -qF 日付"
run env LANG=C.UTF-8 "$KYODO" list meeting --db "$DB"
check "ja: LANG=C.UTF-8: Japanese (日付)" sh -c "head -n 1 '$T/out' | grep -qF 日付"
run env LANG=ja_JP.UTF-8 "$KYODO" list meeting --db "$DB"
check "ja: LANG=ja_JP.UTF-8 (maybe not generated): Japanese (日付)" sh -c "head -n 1 '$T/out' | grep -qF 日付"
run env LANG=en_US.UTF-8 "$KYODO" list meeting --db "$DB"
expect_rc "LANG=en_US.UTF-8: exit 0" 0
check "LANG=en_US.UTF-8: English (Date)" sh -c "head -n 1 '$T/out' | grep -q '^ID  *Date  *Start'"
run env LANG=ja_JP.UTF-8 "$KYODO" list meeting --db "$DB" --lang en
check "--lang en beats LANG=ja_JP.UTF-8" sh -c "head -n 1 '$T/out' | grep -q '^ID  *Date  *Start'"
run env LANG=en_US.UTF-8 "$KYODO" list meeting --db "$DB" --lang ja
check "ja: --lang ja beats LANG=en_US.UTF-8" sh -c "head -n 1 '$T/out' | grep -qF 日付"

# --lang anywhere on the command line, with a space or =.
run "$KYODO" --lang en list meeting --db "$DB"
expect_rc "--lang before the command: exit 0" 0
check "--lang before the command: English" sh -c "head -n 1 '$T/out' | grep -q '^ID  *Date'"
run "$KYODO" list --lang en meeting --db "$DB"
expect_rc "--lang between command and kind: exit 0" 0
check "--lang between command and kind: English" sh -c "head -n 1 '$T/out' | grep -q '^ID  *Date'"
run "$KYODO" list meeting --db "$DB" --lang=en
check "--lang=en: English" sh -c "head -n 1 '$T/out' | grep -q '^ID  *Date'"
run "$KYODO" list meeting --db "$DB" --lang=ja
check "ja: --lang=ja: Japanese" sh -c "head -n 1 '$T/out' | grep -qF 日付"
run "$KYODO" add meeting --lang en --db "$DB" --date 2026-02-30 --kind board --title x
expect_rc "--lang in the middle of add's fields: still a refusal, exit 1" 1
expect_err "--lang in the middle of add's fields: English message" "Date: \"2026-02-30\" is not a valid date"

run "$KYODO" list meeting --db "$DB" --lang fr
expect_rc "--lang fr: exit 2" 2
expect_err "--lang fr: says which languages" "ja"
check "--lang fr: nothing on stdout" test ! -s "$T/out"
run "$KYODO" list meeting --db "$DB" --lang
expect_rc "--lang without a value: exit 2" 2
