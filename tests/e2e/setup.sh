#!/bin/sh
# A new terminal: kyodo started on a data file that does not exist sets it
# up on screen (what it is for, the center's code and name), refuses a bad
# code in words, makes the file (0600) and goes on to the first start (the
# first administrator), with no command named.  A link where the file
# would be is never written through.  City hall's store too; English too.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

mkdir -p "$T/kiosk"
DB=$T/kiosk/center.db
start_kyodo -- --db "$DB"
expect_screen "a missing file opens the setup" "新しいデータファイル"
expect_screen "it says what to do" "F2を押すと"
expect_screen "it names the file" "$DB"
expect_no_screen "no command is named" "kyodo init"
expect_screen "a center by default" "< 市民センター >"
keys F10
expect_screen "F10 asks before quitting" "kyodo を終了しますか"
keys n
keys Tab
type_text "Mashiba"; keys Tab
type_text "真柴市民センター"
keys F2
expect_screen "a bad code is refused in words" "センターの記号として使えません"
if [ -e "$DB" ]; then not_ok "nothing made on refusal" "$(ls -l "$DB")"; else ok "nothing made on refusal"; fi
keys S-Tab C-u
type_text "mashiba"
keys F2
expect_screen "made: the first start follows" "初めての起動です"
expect_screen "and says what was made" "真柴市民センター のデータファイルを作りました"
if [ "$(stat -c %a "$DB" 2>/dev/null)" = 600 ]; then ok "the file is 0600"
else not_ok "the file is 0600" "$(stat -c %a "$DB" 2>&1)"; fi
keys Enter
expect_screen "the administrator's form" "管理者の登録"
type_text "山田 太郎"; keys Tab
type_text "2468"; keys Tab; type_text "2468"; keys Enter
expect_screen "signed in at the new center" "山田 太郎 (管理者)"
expect_screen "the center's name on home" "真柴市民センター"
run "$KYODO" list room --db "$DB" --lang en
expect_rc "the store opens on the command line" 0

# City hall: no code asked for; made as the city's store.
CITY=$T/kiosk/city.db
start_kyodo -- --db "$CITY" --lang en
expect_screen "en: the setup" "New data file"
expect_screen "en: a center by default" "< Citizen center >"
keys Right
expect_screen "en: city hall chosen" "City hall"
keys Tab Tab
type_text "一関市 まちづくり推進課"
keys F2
expect_screen "en: made, the first start follows" "first start"
run "$KYODO" center list --db "$CITY" --lang en
expect_rc "the city's store: center list works" 0

# A link where the file would be: refused, nothing written through it.
ln -s "$T/kiosk/elsewhere.db" "$T/kiosk/link.db"
start_kyodo -- --db "$T/kiosk/link.db"
expect_screen "a dangling link: the setup" "新しいデータファイル"
keys Tab
type_text "hagisho"; keys Tab
type_text "萩荘市民センター"
keys F2
expect_screen "refused: the file is there" "上書きしません"
if [ -e "$T/kiosk/elsewhere.db" ]; then not_ok "nothing written through the link" "made"
else ok "nothing written through the link"; fi
