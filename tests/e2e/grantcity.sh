#!/bin/sh
# City hall's grants list keeps its columns and its order after an action:
# deciding one application (d) leaves the headings as they were (the
# programme column stays), the rows where they were (the decided one does
# not jump below those still waiting), and the cursor on the application
# decided; in Japanese (the default) and English, at 80x24.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/c.db
CITY=$T/city.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
for t in 研修旅行事業:300000 花壇整備事業:100000 見守り推進事業:250000 防災訓練事業:120000; do
	"$KYODO" add application --db "$DB" --program activity --fy 2026 --title "${t%%:*}" \
	    --cost "${t##*:}" --requested "${t##*:}" --status applied >/dev/null
done
"$KYODO" init --db "$CITY" --city --name "一関市" >/dev/null 2>&1 ||
	not_ok "city store" "init --city failed"
printf '5555\n' | "$KYODO" staff add --db "$CITY" --name "協働 太郎" --role city --pin-stdin \
    >/dev/null 2>&1
# The center's rows as its file brings them.
sqlite3 "$DB" ".mode insert application" "SELECT * FROM application" | sqlite3 "$CITY"

heading() {	# the list's column headings: the line after "… の申請" / "Applications in"
	screen | sed -n "/$1/{n;p;q}"
}
order() {	# the applications, top to bottom, on one line
	screen | grep -E '^ [ *!] +jonan ' | grep -oE '(研修旅行|花壇整備|見守り推進|防災訓練)' |
	    tr '\n' ' '
}
selected() {	# the application on the selected row: the money panel's title
	screen | grep -oE '^──(研修旅行|花壇整備|見守り推進|防災訓練)事業' | sed 's/^──//'
}

# decide LANG HEAD_RE DOWN AMOUNT: decides the application DOWN rows below the
# first, checking headings, order and the cursor before and after.
decide() {
	lang=$1 head_re=$2 down=$3 amount=$4
	KYODO_ENV=KYODO_NO_BACKUP=1 start_kyodo -- --db "$CITY" --lang "$lang"
	wait_for "協働 太郎" >/dev/null
	sign_in 0 5555
	wait_for "協働 太郎 (" >/dev/null
	keys 8
	wait_for "$head_re" >/dev/null
	# The application DOWN rows below the first, by the list's order.
	target=$(order | tr ' ' '\n' | sed -n "$((down + 1))p")事業
	n=0
	while [ $n -lt "$down" ]; do keys Down; n=$((n + 1)); done
	# Every Down is taken once the money panel names the target.
	i=0
	while [ "$(selected)" != "$target" ] && [ $i -lt $((WAIT_SECONDS * 20)) ]; do
		sleep 0.05
		i=$((i + 1))
	done
	h0=$(heading "$head_re")
	o0=$(order)
	s0=$(selected)
	keys d
	wait_for "$s0" >/dev/null
	keys F2
	wait_for "$s0 ¥$amount" >/dev/null	# the message after the form closed
	sleep 0.3
	h1=$(heading "$head_re")
	o1=$(order)
	s1=$(selected)
	if [ -n "$h0" ] && [ "$h0" = "$h1" ]; then ok "$lang: the headings after d are unchanged"
	else not_ok "$lang: the headings after d are unchanged" "before '$h0' after '$h1'"; fi
	if [ -n "$o0" ] && [ "$o0" = "$o1" ]; then ok "$lang: the rows keep their order"
	else not_ok "$lang: the rows keep their order" "before '$o0' after '$o1'"; fi
	if [ -n "$s0" ] && [ "$s0" = "$s1" ]; then ok "$lang: the cursor stays on $s0"
	else not_ok "$lang: the cursor stays on the application decided" "before '$s0' after '$s1'"; fi
}

decide ja "の申請" 1 "100,000"
check "ja: the program column is there" sh -c "printf '%s' '$h1' | grep -q 制度名"
check "ja: the decision is stored" \
	test "$(sqlite3 "$CITY" "SELECT count(*) FROM decision")" = 1
decide en "Applications in" 2 "120,000"
check "en: the program column is there" sh -c "printf '%s' '$h1' | grep -q Program"
check "en: two decisions stored" \
	test "$(sqlite3 "$CITY" "SELECT count(*) FROM decision")" = 2
