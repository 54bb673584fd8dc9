# The role matrix: every demo role against every route (role_matrix.txt).
. "$(dirname "$0")/lib.sh"
MATRIX="$(dirname "$0")/role_matrix.txt"
ROLES=(anon remittent insatspersonal forbund admin integration)
declare -A USER=([remittent]=remittent.fk [insatspersonal]=personal.fv \
	[forbund]=forbund [admin]=admin)

# Every route in the table must have a line, so a new route cannot skip this.
while read -r method pattern _; do
	check "route $method $pattern is in the role matrix" \
		grep -qE "^$method +$pattern +" "$MATRIX"
done < <("$BIN" routes | grep -v '^HEAD ')

declare -A JAR
for role in remittent insatspersonal forbund admin; do
	JAR[$role]=$(new_jar)
	login "${JAR[$role]}" "${USER[$role]}" > /dev/null
done
JAR[anon]=$(new_jar)
# The integration account gets a fresh bearer token; only its hash is stored.
token=$(new_api_token sus-job)

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

while read -r method pattern path expected; do
	case "$method" in ''|'#'*) continue ;; esac
	read -r -a want <<< "$expected"
	for i in "${!ROLES[@]}"; do
		[ "${want[$i]}" = "-" ] && continue
		got=$(request "${ROLES[$i]}" "$method" "$(by_name "$path")")
		check "${ROLES[$i]}: $method $path is ${want[$i]} (got $got)" test "$got" = "${want[$i]}"
	done
done < "$MATRIX"

# A token that matches no account is simply anonymous.
expect_status "a wrong bearer token is anonymous" 303 -H "Authorization: Bearer $(printf '%064d' 5)" "$BASE/start"
done_testing
