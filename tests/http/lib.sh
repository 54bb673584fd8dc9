# tests/http/lib.sh: helpers for HTTP tests against the running private stack.
# Sourced by tests/http/test_*.sh; BASE, VAR, BIN and ROOT come from tests/run.sh.
# Every check prints one "ok - …" or "not ok - …" line.
: "${BASE:?}" "${VAR:?}" "${BIN:?}" "${ROOT:?}"
BODY=$(mktemp)
HEAD=$(mktemp)
trap 'rm -f "$BODY" "$HEAD"' EXIT

ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; }
check() { # DESC then a command: ok when it succeeds
	local desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}

# fetch [curl args…]: status code to stdout; body in $BODY, headers in $HEAD.
fetch() {
	curl -sS -o "$BODY" -D "$HEAD" -w '%{http_code}' --max-time 20 "$@" 2> /dev/null
}

# expect_status DESC WANT [curl args…]
expect_status() {
	local desc=$1 want=$2 got
	shift 2
	got=$(fetch "$@")
	if [ "$got" = "$want" ]; then ok "$desc"; else not_ok "$desc (got $got, want $want)"; fi
}

body_has() { grep -qF -- "$1" "$BODY"; }
header_has() { grep -qiF -- "$1" "$HEAD"; }
# expect_body DESC TEXT: the last fetched body contains TEXT
expect_body() { check "$1" body_has "$2"; }
expect_header() { check "$1" header_has "$2"; }

# raw_get_status HEADER: GET / with one extra header line over a plain
# socket (for headers curl will not send); prints the response status.
raw_get_status() {
	local port=${BASE##*:}
	exec 3<> "/dev/tcp/127.0.0.1/${port%%/*}" || return 1
	printf 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n%s\r\n\r\n' "$1" >&3 2> /dev/null
	head -n 1 <&3 | cut -d' ' -f2
	exec 3<&-
}

# The pids of the current stegvis workers, sorted, space-separated.
worker_pids() {
	pgrep -P "$(cat "$VAR/run/stegvis.pid")" | sort -n | tr '\n' ' '
}

# wait_for SECONDS COMMAND…: retry until the command succeeds.
wait_for() {
	local secs=$1
	shift
	for _ in $(seq $((secs * 10))); do
		"$@" && return 0
		sleep 0.1
	done
	return 1
}
