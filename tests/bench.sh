#!/usr/bin/env bash
# make bench: a private stack, then wrk against the DB-backed insats list
# (GET /) and against a static file of the same size served by the same
# nginx. Prints requests/s and p50/p99 latency for both, and their ratio.
# A benchmark, not a test: it asserts nothing.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:?build dir}
cd "$ROOT"
sh conf/deps.sh wrk
DURATION=${BENCH_SECONDS:-10}
CONNS=${BENCH_CONNECTIONS:-16}

VAR=$(mktemp -d /tmp/stegvis-bench.XXXXXX)
PORT=$((20000 + RANDOM % 20000))
STATIC="$ROOT/views/static/bench-same-size.html"
cleanup() { bash conf/devstack.sh stop "$VAR" > /dev/null 2>&1 || true; rm -rf "$VAR" "$STATIC"; }
trap cleanup EXIT

bash conf/devstack.sh start "$VAR" "$PORT" "$BUILD/stegvis" > /dev/null
curl -fsS "http://127.0.0.1:$PORT/" > "$STATIC"
size=$(wc -c < "$STATIC")

# bench NAME URL: one wrk run; prints "NAME rps p50 p99" (latencies in ms).
bench() {
	local out
	out=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency "$2")
	awk -v name="$1" '
		function ms(v) {
			if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
			if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
			if (v ~ /s$/)  return substr(v, 1, length(v) - 1) * 1000
			return v
		}
		$1 == "50%" { p50 = ms($2) }
		$1 == "99%" { p99 = ms($2) }
		$1 == "Requests/sec:" { rps = $2 }
		/Non-2xx/ { bad = $NF }
		END { printf "%s %.0f %.3f %.3f %s\n", name, rps, p50, p99, bad + 0 }
	' <<< "$out"
}

echo "Stegvis benchmark: wrk, 2 threads, $CONNS connections, ${DURATION}s each, $(nproc) cores"
echo "page size: $size bytes (the static file is a copy of the page)"
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/static/bench-same-size.html"
read -r _ drps dp50 dp99 dbad < <(bench dynamic "http://127.0.0.1:$PORT/")
read -r _ srps sp50 sp99 sbad < <(bench static "http://127.0.0.1:$PORT/static/bench-same-size.html")
printf '%-28s %10s %10s %10s %8s\n' "" "req/s" "p50 ms" "p99 ms" "non-2xx"
printf '%-28s %10s %10s %10s %8s\n' "GET / (MariaDB, views)" "$drps" "$dp50" "$dp99" "$dbad"
printf '%-28s %10s %10s %10s %8s\n' "static file, same size" "$srps" "$sp50" "$sp99" "$sbad"
awk -v d="$drps" -v s="$srps" 'BEGIN { if (s > 0) printf "dynamic/static throughput ratio: %.2f\n", d / s }'
