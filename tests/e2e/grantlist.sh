#!/bin/sh
# The grants list with more applications than fit (80x24: ten rows): every
# row can be reached, and ▲/▼ (^/v with ASCII lines) say that rows lie above
# or below; in Japanese (the default) and English.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/l.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
i=1
while [ $i -le 14 ]; do
	"$KYODO" add application --db "$DB" --program activity --fy 2026 \
	    --title "$(printf '事業%02d' $i)" --cost 10000 --requested 10000 >/dev/null
	i=$((i + 1))
done
rows() {	# the list's rows: those naming an application
	screen | grep -E '事業[0-9][0-9]' | grep -vE '^(──|--)'
}

if open_signed_in "$DB"; then ok "signs in (ja)"; else not_ok "signs in (ja)" "no home"; fi
keys 8
expect_screen "the first application" "事業01"
expect_no_screen "the 14th is below the view" "事業14"
if rows | tail -n 1 | grep -q '▼$'; then ok "▼ on the last row in view"; else not_ok "▼ on the last row in view" "$(rows | tail -n 1)"; fi
if screen | grep -q '▲'; then not_ok "no ▲ at the top" "$(screen | grep '▲')"; else ok "no ▲ at the top"; fi
keys End
expect_screen "End reaches the 14th" "事業14"
expect_no_screen "the first is above the view" "事業01"
if rows | head -n 1 | grep -q '▲$'; then ok "▲ on the first row in view"; else not_ok "▲ on the first row in view" "$(rows | head -n 1)"; fi
if screen | grep -q '▼'; then not_ok "no ▼ at the end" "$(screen | grep '▼')"; else ok "no ▼ at the end"; fi
keys Up Up Up Up Up Up Up Up Up Up Up
expect_screen "Up scrolls back" "事業03"
if rows | head -n 1 | grep -q '▲$' && rows | tail -n 1 | grep -q '▼$'; then
	ok "in the middle: ▲ and ▼"
else
	not_ok "in the middle: ▲ and ▼" "$(rows | sed -n '1p;$p')"
fi

# English, ASCII lines: ^ and v.
"$KYODO" setting --db "$DB" ascii_lines 1 >/dev/null
open_signed_in "$DB" --lang en >/dev/null
keys 8
expect_screen "grants (en)" "Applications in FY2026"
if rows | tail -n 1 | grep -q ' v$'; then ok "ASCII: v below"; else not_ok "ASCII: v below" "$(rows | tail -n 1)"; fi
keys End
expect_screen "End (en)" "事業14"
if rows | head -n 1 | grep -q '\^$'; then ok "ASCII: ^ above"; else not_ok "ASCII: ^ above" "$(rows | head -n 1)"; fi
if screen | grep -q '▲\|▼'; then not_ok "ASCII: no ▲/▼" "$(screen | grep '▲\|▼')"; else ok "ASCII: no ▲/▼"; fi
