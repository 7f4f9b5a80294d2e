#!/bin/sh
# The layers, held by the #include lines (README, "Working on kyodo"):
#
#   screens/ ─▶ tui/ ─┐
#       │             ├─▶ domain/ ─▶ store/ ─▶ base/
#       ├─▶ sync/ ────┤
#       └─▶ sheet/, paper/┘
#   cli/ ─▶ sync/, sheet/, paper/, domain/ …  main.c ─▶ anything
#
# A layer includes its own headers and those of the layers below it; an
# include that points upward or sideways, or a cycle of modules (x.c or x.h
# including y.h while y includes x, through any path), fails.
set -u
cd "$(dirname "$0")/../.." || exit 1

awk '
function layer_of(path,    n, p) {
	n = split(path, p, "/")
	if (p[1] == "screens") return "screens"
	if (p[1] == "src" && n == 2) return "main"
	return p[2]
}
# The layers each layer may include.
BEGIN {
	may["base"] = " base "
	may["store"] = " store base "
	may["domain"] = " domain store base "
	may["sync"] = " sync domain store base "
	may["tui"] = " tui domain store base "
	may["sheet"] = " sheet domain store base "
	may["paper"] = " paper domain store base "
	may["cli"] = " cli sync sheet paper domain store base "
	may["screens"] = " screens tui sync sheet paper domain store base "
	may["main"] = " main cli tui screens sync sheet paper domain store base "
	bad = 0
}
FNR == 1 {
	from = FILENAME
	fl = layer_of(from)
	mod = from
	sub(/\.[ch]$/, "", mod)
}
/^#include "/ {
	inc = $2
	gsub(/"/, "", inc)
	if (inc ~ /^(migrations|kyodo)\.h$/ && fl == "store") next	# generated beside the build
	if (index(inc, "/") == 0) {
		dir = from
		sub(/\/[^\/]*$/, "", dir)
		target = dir "/" inc
	} else
		target = (inc ~ /^screens\//) ? inc : "src/" inc
	tl = layer_of(target)
	if (index(may[fl], " " tl " ") == 0) {
		printf "not ok - %s includes %s: %s may not include %s\n", from, inc, fl, tl
		bad++
	}
	tm = target
	sub(/\.h$/, "", tm)
	if (tm != mod)
		edge[mod] = edge[mod] " " tm
}
# Depth-first search for a cycle of modules.
function visit(m,    i, n, e) {
	if (state[m] == 1) { cycle = m; return 1 }
	if (state[m] == 2) return 0
	state[m] = 1
	n = split(edge[m], e, " ")
	for (i = 1; i <= n; i++)
		if (visit(e[i])) { if (path == "") path = m; else path = m " -> " path; return 1 }
	state[m] = 2
	return 0
}
END {
	if (bad == 0) print "ok - every include points down the layers"
	found = 0
	for (m in edge) {
		path = ""
		if (visit(m)) {
			printf "not ok - a cycle of includes: %s -> %s\n", path, cycle
			found = 1
			break
		}
	}
	if (!found) print "ok - no cycle of includes between modules"
}
' $(find src screens -name '*.[ch]' | sort)

# SQL stays below: the command line, the kiosk's widgets and its screens
# call the store's and the domain's functions, never SQLite itself.
raw=$(grep -ln 'sqlite3_' src/cli/*.[ch] src/tui/*.[ch] screens/*.[ch] src/main.c 2>/dev/null | tr '\n' ' ')
if [ -z "$raw" ]; then
	echo "ok - no SQLite call above the domain"
else
	echo "not ok - SQLite called above the domain: $raw"
fi

# libxlsxwriter stays behind one helper (src/sheet/xlsx.c): the sheets
# write through it, so formats, widths and the file's way out are one.
lxw=$(grep -ln '#include <xlsxwriter' src/*/*.[ch] src/*.c screens/*.[ch] 2>/dev/null | grep -v '^src/sheet/xlsx\.c$' | tr '\n' ' ')
if [ -z "$lxw" ]; then
	echo "ok - libxlsxwriter is used in src/sheet/xlsx.c alone"
else
	echo "not ok - libxlsxwriter used outside src/sheet/xlsx.c: $lxw"
fi
