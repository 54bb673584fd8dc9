# The role matrix: every demo role against every route (role_matrix.txt),
# once for each of the demo's two förbund, each with its own accounts and
# rows (its own consent texts too: BY_NAME_FORBUND, by_name in lib.sh). A
# cell "A/B" is A for the installation's first förbund and B for the other
# (the code lists are managed by the accounts the operator names, sql/0078:
# in the demo the first förbund's admin).
. "$(dirname "$0")/lib.sh"
MATRIX="$(dirname "$0")/role_matrix.txt"
ROLES=(anon remittent insatspersonal forbund admin integration)

# Every route in the table must have a line, so a new route cannot skip this.
while read -r method pattern _; do
	check "route $method $pattern is in the role matrix" \
		grep -qE "^$method +$pattern +" "$MATRIX"
done < <("$BIN" routes | grep -v '^HEAD ')

# roles_for FORBUND: log in as that förbund's account of each role. The
# second förbund's rows stand in for the first's in the matrix's paths:
# its admin, an insats its staff works on, one they do not, a structural one.
declare -A JAR USER RENAME
roles_for() {
	local role
	BY_NAME_FORBUND=$1
	case $1 in
	SOFTLEG)
		USER=([remittent]=remittent.fk [insatspersonal]=personal.fv [forbund]=forbund
			[admin]=admin [integration]=sus-job)
		RENAME=()
		COL=0
		;;
	EXEMPEL)
		USER=([remittent]=remittent.exempel [insatspersonal]=personal.exempel
			[forbund]=forbund.exempel [admin]=admin.exempel [integration]=sus-job.exempel)
		RENAME=([staff:admin]=staff:admin.exempel [org_of:admin]=org_of:admin.exempel
			[insats:friska-vindar-2-0]=insats:steg-framat
			[insats:trampolinen-trollhattan]=insats:arbetstraning-provby
			[insats:praktikplatssamordnare]=insats:arbetsgivarnatverket)
		COL=1
		;;
	esac
	for role in remittent insatspersonal forbund admin; do
		JAR[$role]=$(new_jar)
		login "${JAR[$role]}" "${USER[$role]}" > /dev/null
	done
	JAR[anon]=$(new_jar)
	# The integration account gets a fresh bearer token; only its hash is stored.
	token=$(new_api_token "${USER[integration]}")
}

# renamed PATH: PATH with the first förbund's names swapped for this one's.
renamed() {
	local p=$1 from
	for from in "${!RENAME[@]}"; do
		p=${p//"{$from}"/"{${RENAME[$from]}}"}
	done
	echo "$p"
}

# request ROLE METHOD PATH: the status for that caller.
request() {
	local role=$1 method=$2 path=$3 jar=${JAR[$1]:-} csrf=""
	local -a args=()
	if [ "$role" = integration ]; then
		args=(-H "Authorization: Bearer $token")
	else
		args=(-b "$jar")
	fi
	if [ "$method" = POST ]; then
		if [ "$role" != anon ] && [ "$role" != integration ]; then
			fetch "${args[@]}" "$BASE/start" > /dev/null
			csrf=$(form_csrf)
		fi
		fetch "${args[@]}" --data-urlencode "csrf=$csrf" "$BASE$path"
	else
		fetch "${args[@]}" "$BASE$path"
	fi
}

for F in SOFTLEG EXEMPEL; do
	roles_for "$F"
	check "$F: every role's account is in $F" test "$(q "SELECT COUNT(*) FROM staff s
		JOIN forbund f ON f.id = s.forbund_id AND f.short_name = '$F'
		WHERE s.username IN ('${USER[remittent]}', '${USER[insatspersonal]}', '${USER[forbund]}',
		'${USER[admin]}', '${USER[integration]}')")" = 5
	while read -r method pattern path expected; do
		case "$method" in ''|'#'*) continue ;; esac
		read -r -a want <<< "$expected"
		path=$(renamed "$path")
		for i in "${!ROLES[@]}"; do
			w=${want[$i]}
			[ "$w" = "-" ] && continue
			[[ $w == */* ]] && { [ "$COL" = 0 ] && w=${w%/*} || w=${w#*/}; }
			got=$(request "${ROLES[$i]}" "$method" "$(by_name "$path")")
			check "$F ${ROLES[$i]}: $method $path is $w (got $got)" test "$got" = "$w"
		done
	done < "$MATRIX"
done

# A token that matches no account is simply anonymous.
expect_status "a wrong bearer token is anonymous" 303 -H "Authorization: Bearer $(printf '%064d' 5)" "$BASE/start"
done_testing
