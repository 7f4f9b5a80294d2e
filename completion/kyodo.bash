# bash completion for kyodo: commands, subcommands, kinds, each command's
# options and the values they take.  Installed as
# /usr/share/bash-completion/completions/kyodo; tests/cli/completion.sh
# checks it against `kyodo --help` and each command's --help.

_kyodo_kinds="meeting event use room closed booking body member milestone plan issue project programme application decision expense group"
_kyodo_settings="slots closed_yearly closed_weekday open_on_holidays booking_horizon_months language ascii_lines idle_minutes group_waiver_body group_waiver_registered group_waiver_other"

# The options of a command ("report monthly", "add" ...), as in its --help.
_kyodo_options()
{
	case $1 in
	init) echo "--db --center --city --name --city-key" ;;
	demo) echo "--db --years --seed --center --name" ;;
	"staff add") echo "--db --name --role --pin-stdin" ;;
	"staff list") echo "--db" ;;
	add) echo "--db --repeat --until --count --skip-taken" ;;
	delete|undelete) echo "--db" ;;
	list) echo "--db --month --format --room --center --encoding --deleted --search --out" ;;
	import-csv) echo "--db --encoding --skip-bad" ;;
	"booking cancel") echo "--db --following --all" ;;
	"booking check-in") echo "--db --people" ;;
	"report monthly") echo "--db --month --center --format --encoding --out --print" ;;
	"report year") echo "--db --fy --format --encoding --out --print" ;;
	"report bookings") echo "--db --week --day --format --out --print" ;;
	"grant status") echo "--db --fy --format --encoding --out --print" ;;
	"grant apply"|"grant report"|"grant withdraw") echo "--db --application" ;;
	# The grant commands share one table of options, as do body's (--help
	# lists them all on each).
	"grant decide"|"grant advance"|"grant settle"|"grant pay") echo "--db --application --amount --date --conditions" ;;
	"plan show") echo "--db --format --out --print" ;;
	"body show"|"body advance") echo "--db --override" ;;
	key) echo "--db --out --city --replace --accept-machine" ;;
	"center add") echo "--db --code --name --key --replace" ;;
	"center list") echo "--db" ;;
	export) echo "--db --out --center" ;;
	import|setting|check) echo "--db" ;;
	backup) echo "--db --out" ;;
	restore) echo "--db --from" ;;
	"") echo "--db --lang --no-kiosk --help --version" ;;
	esac
}

# The fields of a kind, read from `kyodo add KIND --help` (lines "  --field").
_kyodo_fields()
{
	"${COMP_WORDS[0]}" --lang en add "$1" --help 2>/dev/null |
		sed -n '/^Fields/,$s/^  \(--[a-z0-9_-]*\).*/\1/p'
}

_kyodo()
{
	local cur prev cmd="" kind="" i w n=0
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=""
	[ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD-1]}

	# The command (one or two words) and, for the record commands, the
	# kind: the first words that are not options or option values.
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		--pin-stdin|--city|--skip-taken|--skip-bad|--deleted|--following|--all|--print|--replace|--accept-machine|--no-kiosk) continue ;;
		--*) ((i++)); continue ;;
		esac
		case $n in
		0) cmd=$w ;;
		1) case $cmd in
		   staff|booking|report|grant|plan|body|center) cmd="$cmd $w" ;;
		   add|delete|undelete|list|import-csv) kind=$w ;;
		   esac ;;
		esac
		((n++))
	done

	# An option's value.
	case $prev in
	--db|--out|--city-key|--city|--key|--from)
		if [ "$prev" = --out ] && [ "$cmd" = export ]; then
			COMPREPLY=($(compgen -d -- "$cur"))
		else
			COMPREPLY=($(compgen -f -- "$cur"))
		fi
		return ;;
	--lang) COMPREPLY=($(compgen -W "ja en" -- "$cur")); return ;;
	--role) COMPREPLY=($(compgen -W "center secretariat city admin" -- "$cur")); return ;;
	--encoding)
		if [ "$cmd" = import-csv ]; then
			COMPREPLY=($(compgen -W "utf-8 cp932" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "utf-8 utf-8-bom cp932" -- "$cur"))
		fi
		return ;;
	--format)
		case $cmd in
		list) w="text csv xlsx ics" ;;
		"report bookings") w="text pdf" ;;
		"plan show") w="text markdown pdf" ;;
		*) w="text csv xlsx pdf" ;;
		esac
		COMPREPLY=($(compgen -W "$w" -- "$cur")); return ;;
	--repeat) COMPREPLY=($(compgen -W "weekly every-2-weeks monthly-nth" -- "$cur")); return ;;
	--name|--center|--code|--years|--seed|--month|--room|--search|--people|--fy|--week|--day|--application|--amount|--date|--conditions|--override|--until|--count)
		return ;;
	esac

	case $n in
	0)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "$(_kyodo_options "")" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "init demo staff add delete undelete list import-csv booking report grant plan body key center export import setting check backup restore" -- "$cur"))
		fi
		return ;;
	1)
		case $cmd in
		staff) w="add list" ;;
		booking) w="cancel check-in" ;;
		report) w="monthly year bookings" ;;
		grant) w="status apply report withdraw decide advance settle pay" ;;
		plan) w="show" ;;
		body) w="show advance" ;;
		center) w="add list" ;;
		add|delete|undelete|list|import-csv) w=$_kyodo_kinds ;;
		setting) w=$_kyodo_settings ;;
		*) w="" ;;
		esac
		if [ -n "$w" ] && [[ $cur != -* ]]; then
			COMPREPLY=($(compgen -W "$w" -- "$cur"))
			return
		fi ;;
	esac
	if [[ $cur == -* ]]; then
		w="$(_kyodo_options "$cmd") --help"
		[ "$cmd" = add ] && [ -n "$kind" ] && w="$w $(_kyodo_fields "$kind")"
		COMPREPLY=($(compgen -W "$w" -- "$cur"))
	elif [ "$cmd" = import ] || [ "$cmd" = import-csv ]; then
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}
complete -F _kyodo kyodo
