#!/bin/sh
# Keys and leaving on the sync screen, end to end (issue 16): at a center
# without the city's key, an administrator registers it from its file on a
# stand-in stick, seeing its fingerprint whole beside the store's own, and
# no message names a command; at city hall an administrator enrolls a
# center from its key file, and it is listed.  Esc leaves each level in one
# press, a typed folder included; the folder last chosen is under the
# cursor next time, after a restart too.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

k() { "$KYODO" --lang en "$@"; }

CITY=$T/city.db
DB=$T/c.db
MEDIA=$T/media
STICK=$MEDIA/stick1
mkdir -p "$STICK" "$MEDIA/stick2"
must "init city" k init --db "$CITY" --city --name "一関市"
must "city key" k key --db "$CITY" --out "$STICK/city.key"
printf '9999\n' | k staff add --db "$CITY" --name "市 管理者" --role admin --pin-stdin >/dev/null 2>&1
printf '2468\n' | k staff add --db "$CITY" --name "市 職員" --role city --pin-stdin >/dev/null 2>&1
# The center has no city key yet.
must "init center" k init --db "$DB" --center jonan --name "城南市民センター"
must "center key" k key --db "$DB" --out "$MEDIA/stick2/jonan.key"
must "another city" k init --db "$T/city2.db" --city --name "別の市"
must "another city's key" k key --db "$T/city2.db" --out "$MEDIA/stick2/newcity.key"
must "other center" k init --db "$T/o.db" --center mashiba --name "真柴"
must "other key" k key --db "$T/o.db" --out "$STICK/other.key"
printf 'kyodo public key 1\ncode: city\n\001\n' >"$STICK/bad.key"
printf '9999\n' | k staff add --db "$DB" --name "管理者" --role admin --pin-stdin >/dev/null 2>&1
printf '1234\n' | k staff add --db "$DB" --name "佐藤 花子" --role center --pin-stdin >/dev/null 2>&1
CITY_FP=$(k key --db "$CITY" | sed 's/^city fingerprint //')
OWN_FP=$(k key --db "$DB" | sed 's/^jonan fingerprint //')
NEW_FP=$(k key --db "$T/city2.db" | sed 's/^city fingerprint //')
KYODO_ENV="KYODO_STICK_ROOTS=$MEDIA"

# --- a center without the city's key: staff are told, in words ---
open_signed_in "$DB" --lang ja >/dev/null
keys 9
expect_screen "ja: no city key: said without a command" "市の鍵がまだ登録されていません"
expect_no_screen "ja: no message names a command" "kyodo key"
keys Enter
expect_screen "ja: the stick is chosen" "フォルダ：$STICK"
expect_screen "ja: F4 is on the bar" "F4 市の鍵"
keys F2
expect_screen "ja: an export without the city's key is refused in words" \
    "書き込めませんでした：市の鍵がまだ登録されていません"
expect_no_screen "ja: the refusal names no command" "kyodo key"
keys Escape
wait_for "F4 市の鍵" >/dev/null
keys F4
expect_screen "ja: center staff are told it is an administrator's" "市の鍵を登録できるのは管理者だけです"

# --- the administrator registers it ---
start_kyodo -- --db "$DB" --lang ja
wait_for "管理者" >/dev/null
sign_in 1 9999
wait_for "管理者 (" >/dev/null
keys 9
wait_for "市の鍵がまだ登録されていません" >/dev/null
keys Enter
wait_for "フォルダ：$STICK" >/dev/null
keys F4
expect_screen "ja: the key files on the stick" "市の鍵のファイルを選んでください"
expect_screen "ja: city.key listed" "city.key"
expect_no_screen "ja: no .kyodo or hidden file" ".kyodo"
keys Enter
expect_screen "ja: a damaged file is refused whole, in kyodo's words" "の公開鍵ファイルではありません。"
keys Down Down Enter
expect_screen "ja: another center's key is not the city's" "other.key は mashiba の鍵で、市の鍵ではありません"
keys Up Enter
expect_screen "ja: the file's fingerprint, whole" "$CITY_FP"
expect_screen "ja: beside this store's own, whole" "$OWN_FP"
expect_screen "ja: asked y/n, the fingerprint in the question" "鍵 $CITY_FP を市の鍵として登録しますか？ (y/n)"
resize 40 12
expect_screen "ja: at 40x12 the file's fingerprint is still whole" "$CITY_FP"
resize 80 24
keys n
sleep 0.2
check "ja: n registers nothing" test "$(sqlite3 "$DB" "SELECT count(*) FROM peer WHERE code = 'city'")" = 0
keys Enter
wait_for "(y/n)" >/dev/null
keys y
expect_screen "ja: registered, with its fingerprint" "市の鍵 $CITY_FP を登録しました"
expect_no_screen "ja: the warning is gone" "市の鍵がまだ登録されていません"
check "the city's key is in the store" test "$(sqlite3 "$DB" "SELECT count(*) FROM peer WHERE code = 'city'")" = 1
check "audited as the command line does" test "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'key-enrol'")" = 1
run k key --db "$DB" --city "$STICK/city.key"
expect_out "kyodo key --city: the same key is there already" "Installed the city's key $CITY_FP."
run k export --db "$DB" --out "$T"
expect_rc "the center can now write its file for the city" 0

# --- Esc: one press a level; the folder remembered ---
keys Escape
expect_screen "ja: Esc from the folder: the sticks" "USB メモリを選ぶか"
keys Down Down
type_text "/no/such"
keys Escape
expect_screen "ja: Esc with a typed folder leaves at once" "メニュー"
keys 9
wait_for "USB メモリを選ぶか" >/dev/null
keys Down Enter
expect_screen "ja: stick2 chosen" "フォルダ：$MEDIA/stick2"
keys Escape Escape
wait_for "メニュー" >/dev/null
keys 9
wait_for "USB メモリを選ぶか" >/dev/null
keys Enter
expect_screen "ja: the folder last chosen is under the cursor" "フォルダ：$MEDIA/stick2"
start_kyodo -- --db "$DB" --lang en
wait_for "管理者" >/dev/null
sign_in 1 9999
wait_for "管理者 (" >/dev/null
keys 9
wait_for "Choose the USB stick" >/dev/null
keys Enter
expect_screen "en: after a restart too (kept in the store)" "Folder: $MEDIA/stick2"
keys F4
wait_for "Choose the city's key file" >/dev/null
keys Enter
expect_screen "en: a center's key is not the city's" "jonan.key is the key of jonan, not of the city."
keys Down Enter
expect_screen "en: another city key: the one registered now is shown too" "Registered now: $CITY_FP"
expect_screen "en: replacing is asked" "Replace the city's key registered here with the key"
expect_screen "en: naming the new key" "$NEW_FP? (y/n)"
keys n
keys Escape
expect_screen "en: Esc from the check: the key files" "Choose the city's key file"
check "en: n keeps the city's key" test "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE summary LIKE '%$NEW_FP%'")" = 0
keys Escape
expect_screen "en: Esc from the key files: the folder" "Folder: $MEDIA/stick2"
expect_screen "en: F4 on the bar" "F4 City's key"

# --- city hall enrolls a center ---
start_kyodo -- --db "$CITY" --lang en
wait_for "市 職員" >/dev/null
sign_in 1 2468
wait_for "市 職員 (" >/dev/null
keys 9
wait_for "Sync with the centers" >/dev/null
keys Down Enter
wait_for "Folder: $MEDIA/stick2" >/dev/null
keys F2
expect_screen "en: no center yet, said without a command" "No center is enrolled yet: enroll one"
expect_no_screen "en: no command named" "kyodo center"
keys F4
expect_screen "en: city staff are told it is an administrator's" "Only an administrator enrolls a center"
start_kyodo -- --db "$CITY" --lang ja
wait_for "市 管理者" >/dev/null
sign_in 0 9999
wait_for "市 管理者 (" >/dev/null
keys 9
wait_for "USB メモリを選ぶか" >/dev/null
keys Enter
expect_screen "ja: city hall's store remembers the folder the city staff chose" "フォルダ：$MEDIA/stick2"
keys F4
expect_screen "ja: the center's key files" "センターの鍵のファイルを選んでください"
keys Enter
expect_screen "ja: the code and name to check" "コード："
keys Up C-u
type_text "mashiba"
keys Enter Enter
expect_screen "ja: a code not the file's is refused" "jonan.key は jonan の鍵で、mashiba の鍵ではありません"
keys Up C-u
type_text "jonan"
keys Down C-u
type_text "城南市民センター"
keys Enter
expect_screen "ja: the center's fingerprint, whole" "$OWN_FP"
expect_screen "ja: the city's own, whole" "$CITY_FP"
expect_screen "ja: asked y/n" "jonan (城南市民センター) を鍵"
expect_screen "ja: naming the key" "を鍵 $OWN_FP で登録しますか？"
keys y
expect_screen "ja: enrolled, with its fingerprint" "jonan (城南市民センター) を鍵 $OWN_FP で登録しました"
expect_screen "ja: listed among the centers" "jonan  城南市民センター"
run k center list --db "$CITY"
expect_out "kyodo center list shows it" "jonan"
check "audited as kyodo center add is" test "$(sqlite3 "$CITY" "SELECT count(*) FROM audit WHERE action = 'key-enrol'")" = 1
keys Escape
expect_screen "ja: Esc from the centers: the folder" "フォルダ：$MEDIA/stick2"
keys Escape
expect_screen "ja: Esc: the sticks" "USB メモリを選ぶか"
keys Escape
expect_screen "ja: Esc: home" "メニュー"
