#!/usr/bin/env bash
# tests/bench_statements.sh VAR PORT: the SQL statements one request runs,
# for the start page, the inbox, a participation page, the participant
# list and the kiosk answer save (a POST), on a running private stack
# (conf/devstack.sh) that nothing else is using. Called by tests/bench.sh;
# runs on its own against `make run`'s stack too:
#   bash tests/bench_statements.sh var 8080
# MariaDB's global 'Questions' counter (statements from clients, prepared
# statement executions included; not COM_STMT_PREPARE/CLOSE, not pings) is
# read before and after one request; what two reads with nothing between
# them differ by is taken off. Each request is made RUNS times (after one
# to warm up) and the least count is printed.
# BENCH_PART: the participation to show (default: the busiest of
# personal.fv's, tests/bench/lib.sh). With BENCH_STATEMENTS_OUT set, also
# writes "key count" lines there (key: index, deltagande, inkorg,
# deltagare, kiosk) for tests/bench.sh's summary.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VAR=${1:?VAR}
PORT=${2:?PORT}
RUNS=${BENCH_STATEMENT_RUNS:-5}
BASE="http://127.0.0.1:$PORT"
JARS=$(mktemp -d)
trap 'rm -rf "$JARS"' EXIT
# shellcheck source=tests/bench/lib.sh
. "$ROOT/tests/bench/lib.sh"
questions() { sqla "SHOW GLOBAL STATUS LIKE 'Questions'" | awk '{ print $2 }'; }
OUT=${BENCH_STATEMENTS_OUT:-/dev/null}

# The counter's own cost: two reads with nothing between them.
base=999999
for _ in $(seq "$RUNS"); do
	a=$(questions)
	b=$(questions)
	[ $((b - a)) -lt "$base" ] && base=$((b - a))
done

# statements JAR WANT PATH [CURL ARGS]: the least number of statements of
# one request of PATH with the cookies of JAR ("-": none) over RUNS
# requests, which must answer WANT (HTTP status); "?" when one does not.
# CURL ARGS such as -d make it a POST.
statements() {
	local jar=$1 want=$2 path=$3 cookie=() least=999999 a b code
	shift 3
	[ "$jar" = - ] || cookie=(-H "Cookie: $(bench_cookie "$jar")")
	curl -sS -o /dev/null "${cookie[@]}" "$@" "$BASE$path"
	for _ in $(seq "$RUNS"); do
		a=$(questions)
		code=$(curl -sS -o /dev/null -w '%{http_code}' "${cookie[@]}" "$@" "$BASE$path")
		b=$(questions)
		[ "$code" = "$want" ] || { echo "? (HTTP $code)"; return; }
		[ $((b - a - base)) -lt "$least" ] && least=$((b - a - base))
	done
	echo "$least"
}

# row KEY LABEL COUNT: one line of the table (and of OUT).
row() {
	printf '%-48s %s\n' "$2" "$3"
	echo "$1 $3" >> "$OUT"
}

bench_login personal.cm
bench_login personal.fv
part=${BENCH_PART:-$(bench_busy_participation)}
bench_kiosk || echo "(the kiosk session could not be set up)"
printf '%-48s %s\n' "SQL statements per request (least of $RUNS)" "statements"
row index "GET / (start page, no session)" "$(statements - 200 /)"
row inkorg "GET /inkorg (personal.cm)" "$(statements "$JARS/personal.cm" 200 /inkorg)"
row deltagande "GET /deltagande/$part (personal.fv)" \
	"$(statements "$JARS/personal.fv" 200 "/deltagande/$part")"
row deltagare "GET /deltagare (personal.fv)" "$(statements "$JARS/personal.fv" 200 /deltagare)"
row kiosk "POST /enkat/fraga/1 (kiosk answer save)" \
	"$(statements "$JARS/kiosk" 303 /enkat/fraga/1 -d "${KIOSK_BODY:-}")"
