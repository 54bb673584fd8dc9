#!/usr/bin/env bash
# make check: the whole stack from scratch in a throw-away directory, then
# every test. Each test prints TAP: "ok - …" / "not ok - …" lines and a
# plan "1..N"; tests/harness/tap.sh counts them (a test without its plan
# stopped early and fails) and this ends with "N passed, N failed".
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:?build dir}
BIN="$BUILD/stegvis"
cd "$ROOT"

PASS=0
FAIL=0
LOG=$(mktemp)
. tests/harness/tap.sh

. tests/harness/ports.sh

echo "== harness"
run harness bash tests/harness/selftest.sh

echo "== lint"
run lint bash -c 'if sh tests/lint.sh; then echo "ok - make lint (clang-format, banned calls)"
	else echo "not ok - make lint (clang-format, banned calls)"; fi; echo 1..1'

echo "== views"
run check-views bash -c 'if "$1" check-views views; then echo "ok - every view in views/ compiles"
	else echo "not ok - every view in views/ compiles"; fi; echo 1..1' _ "$BIN"

echo "== unit tests"
export CMOCKA_MESSAGE_OUTPUT=TAP
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	case "$t" in *.o|*.d) continue ;; esac
	run "$(basename "$t")" "$t"
done

echo "== fuzz corpora replayed"
for r in "$BUILD"/tests/replay_*; do
	case "$r" in *.o|*.d) continue ;; esac
	name=${r##*/replay_}
	run "replay $name" "$r" "tests/fuzz/corpus/$name"
done

echo "== HTTP tests against a private stack"
# active_forbund: the ids of the stack's active förbund, sorted, one a
# line. Which are active decides the plain address's public page and
# sus-export's default förbund, so a test that leaves a förbund of its own
# active (or the demo's off) changes what every later test sees.
active_forbund() {
	mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" -N stegvis \
		-e "SELECT id FROM forbund WHERE active = 1 ORDER BY id" 2>&1
}
# forbund_kept NAME, after test NAME: a failure naming NAME and the
# förbund it left active (or inactive) when the active förbund are not
# those recorded after the demo was loaded (ACTIVE_FORBUND). Only the test
# that changed them is named, not every test after it (ACTIVE_LAST: the
# set after the test before).
forbund_kept() {
	local now on off
	now=$(active_forbund)
	if [ "$now" != "$ACTIVE_FORBUND" ] && [ "$now" != "$ACTIVE_LAST" ]; then
		# comm wants text order; the ids come in numeric order.
		on=$(comm -13 <(sort <<< "$ACTIVE_FORBUND") <(sort <<< "$now") | paste -sd, -)
		off=$(comm -23 <(sort <<< "$ACTIVE_FORBUND") <(sort <<< "$now") | paste -sd, -)
		echo "not ok - $1 left förbund active that were not: ${on:-none};" \
			"inactive that were active: ${off:-none} (active after the demo was loaded:" \
			"$(paste -sd, - <<< "$ACTIVE_FORBUND"))"
		FAIL=$((FAIL + 1))
	fi
	ACTIVE_LAST=$now
}
VAR=$(mktemp -d /tmp/stegvis-check.XXXXXX)
# Interrupted or not, the stack goes: its daemons run in their own sessions
# and would not get the terminal's Ctrl-C.
trap 'bash conf/devstack.sh stop "$VAR" > /dev/null 2>&1; rm -rf "$VAR" "$LOG"' EXIT
trap 'exit 130' INT TERM
PORT=$(free_port)
# Small numbers so recycling and the pool are exercised by the tests.
# Strict views (include/view.h): a {{value}} no handler bound logs a BUG
# line, which fails the run below. On for every run; `make check
# STRICT_VIEWS=no` turns it off while you chase something else.
STRICT_VIEWS=${STRICT_VIEWS:-yes}
# The demo people as they stood on one day (demo.h): every draw depends on
# the day, and tests that name the demo's figures (test_report_flow.sh,
# test_privacy_report.sh) were written against this one. Move it forward
# only together with them.
export STEGVIS_DEMO_AS_OF=${STEGVIS_DEMO_AS_OF:-2026-12-07}
export STEGVIS_EXTRA_CONF=$'workers = 3\nmax_requests = 150\n'"strict_views = $STRICT_VIEWS"
# The stack's own processes: leaks at exit are not what we test there.
ASAN_OPTIONS=detect_leaks=0 bash conf/devstack.sh start "$VAR" "$PORT" "$BIN" > "$LOG" 2>&1
rc=$?
cat "$LOG"
if [ "$rc" -ne 0 ]; then
	echo "not ok - private stack starts"
	FAIL=$((FAIL + 1))
	tail -n 30 "$VAR"/log/*.log 2> /dev/null
else
	echo "ok - private stack starts on port $PORT"
	PASS=$((PASS + 1))
	# With the demo loaded: what every test must leave as it found it.
	ACTIVE_FORBUND=$(active_forbund)
	ACTIVE_LAST=$ACTIVE_FORBUND
	if [ -z "$ACTIVE_FORBUND" ] || grep -qvxE '[0-9]+' <<< "$ACTIVE_FORBUND"; then
		echo "not ok - no active förbund after the demo was loaded: $ACTIVE_FORBUND"
		FAIL=$((FAIL + 1))
	fi
	for t in tests/http/test_*.sh; do
		# test_zz_* stop the stack: the browser tests run before them.
		case "$t" in */test_zz_*) continue ;; esac
		echo "-- $t"
		run "$t" env BASE="http://127.0.0.1:$PORT" VAR="$VAR" BIN="$BIN" \
			ROOT="$ROOT" ASAN_OPTIONS=detect_leaks=0 bash "$t"
		forbund_kept "$t"
	done
	# Browser tests (tests/browser/run.sh: every test_*.mjs in headless
	# Chromium). Their output (screenshots) is kept in OUT after the run.
	OUT="$ROOT/build/test-output"
	rm -rf "$OUT/screenshots"
	mkdir -p "$OUT"
	echo "== browser tests (output kept in $OUT)"
	run browser env BASE="http://127.0.0.1:$PORT" VAR="$VAR" BIN="$BIN" \
		ROOT="$ROOT" OUT="$OUT" bash tests/browser/run.sh
	forbund_kept "the browser tests"
	for t in tests/http/test_zz_*.sh; do
		echo "-- $t"
		run "$t" env BASE="http://127.0.0.1:$PORT" VAR="$VAR" BIN="$BIN" \
			ROOT="$ROOT" ASAN_OPTIONS=detect_leaks=0 bash "$t"
		forbund_kept "$t"
	done
fi
bash conf/devstack.sh stop "$VAR" > /dev/null 2>&1
# Sanitizer reports from the server processes fail the run.
if grep -l -E 'ERROR: AddressSanitizer|runtime error:' "$VAR"/log/stegvis.log > /dev/null 2>&1; then
	echo "not ok - sanitizer reports in the server log:"
	grep -E -A5 'ERROR: AddressSanitizer|runtime error:' "$VAR/log/stegvis.log" | head -40
	FAIL=$((FAIL + 1))
else
	echo "ok - no sanitizer reports in the server log"
	PASS=$((PASS + 1))
fi
# A worker that crashed (SIGSEGV 11, SIGABRT 6, SIGBUS 7, SIGFPE 8; the
# master logs each death) fails the run too, though a client retried or
# the master replaced it: no test sends these signals.
if grep -q -E 'worker [0-9]+ killed by signal (6|7|8|11)$' "$VAR"/log/stegvis.log 2> /dev/null; then
	echo "not ok - workers crashed:"
	grep -E 'worker [0-9]+ killed by signal (6|7|8|11)$' "$VAR/log/stegvis.log" | head -20
	FAIL=$((FAIL + 1))
else
	echo "ok - no worker crashed"
	PASS=$((PASS + 1))
fi
# A bug the server caught in itself (a query read past its columns, a
# view key nobody set) fails the run the same way.
if grep -q -E 'BUG: ' "$VAR"/log/stegvis.log 2> /dev/null; then
	echo "not ok - the server logged bugs:"
	grep -E 'BUG: ' "$VAR/log/stegvis.log" | sed 's/.*BUG: /BUG: /' | sort | uniq -c | sort -rn | head -40
	FAIL=$((FAIL + 1))
else
	echo "ok - no bugs logged by the server"
	PASS=$((PASS + 1))
fi
rm -rf "$VAR" "$LOG"

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
