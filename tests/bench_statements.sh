#!/usr/bin/env bash
# tests/bench_statements.sh VAR PORT: the SQL statements one request runs,
# for the start page, the inbox and a participation page, on a running
# private stack (conf/devstack.sh) that nothing else is using. Called by
# tests/bench.sh; runs on its own against `make run`'s stack too:
#   bash tests/bench_statements.sh var 8080
# MariaDB's global 'Questions' counter (statements from clients, prepared
# statement executions included; not COM_STMT_PREPARE/CLOSE, not pings) is
# read before and after one request; what two reads with nothing between
# them differ by is taken off. Each page is requested RUNS times (after one
# request to warm up) and the least count is printed.
set -euo pipefail
VAR=${1:?VAR}
PORT=${2:?PORT}
RUNS=${BENCH_STATEMENT_RUNS:-5}
BASE="http://127.0.0.1:$PORT"
sqla() { mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" -N stegvis -e "$1"; }
questions() { sqla "SHOW GLOBAL STATUS LIKE 'Questions'" | awk '{ print $2 }'; }
JARS=$(mktemp -d)
trap 'rm -rf "$JARS"' EXIT

# login USER: a session in $JARS/USER.
login() {
	local j="$JARS/$1" csrf
	curl -fsS -c "$j" -b "$j" -o "$JARS/login.html" "$BASE/logga-in"
	csrf=$(grep -o 'name="csrf" value="[0-9a-f]*' "$JARS/login.html" | head -n 1 | sed 's/.*value="//')
	curl -fsS -c "$j" -b "$j" -o /dev/null --data-urlencode "csrf=$csrf" \
		--data-urlencode "anvandarnamn=$1" --data-urlencode "losenord=stegvis-demo" "$BASE/logga-in"
}

# The counter's own cost: two reads with nothing between them.
base=999999
for _ in $(seq "$RUNS"); do
	a=$(questions)
	b=$(questions)
	[ $((b - a)) -lt "$base" ] && base=$((b - a))
done

# statements USER PATH: the least number of statements of GET PATH as
# USER ("-": no session) over RUNS requests; "?" when a request fails.
statements() {
	local user=$1 path=$2 jar=() least=999999 a b code
	[ "$user" = - ] || jar=(-b "$JARS/$user")
	curl -sS -o /dev/null "${jar[@]}" "$BASE$path"
	for _ in $(seq "$RUNS"); do
		a=$(questions)
		code=$(curl -sS -o /dev/null -w '%{http_code}' "${jar[@]}" "$BASE$path")
		b=$(questions)
		[ "$code" = 200 ] || { echo "? (HTTP $code)"; return; }
		[ $((b - a - base)) -lt "$least" ] && least=$((b - a - base))
	done
	echo "$least"
}

# A participation of personal.fv's insats, in progress (the lowest id: the
# same page from run to run on the same demo data).
login personal.cm
login personal.fv
part=$(sqla "SELECT MIN(p.id) FROM participation p JOIN staff_insats si ON si.insats_id = p.insats_id
	JOIN staff s ON s.id = si.staff_id WHERE s.username = 'personal.fv' AND p.status = 'inskriven'")
printf '%-44s %s\n' "SQL statements per request (least of $RUNS)" "statements"
printf '%-44s %s\n' "GET / (start page, no session)" "$(statements - /)"
printf '%-44s %s\n' "GET /inkorg (personal.cm)" "$(statements personal.cm /inkorg)"
printf '%-44s %s\n' "GET /deltagande/$part (personal.fv)" "$(statements personal.fv "/deltagande/$part")"
