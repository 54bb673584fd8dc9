#!/usr/bin/env bash
# tests/harness/selftest.sh: make check's own counting (tap.sh) and the
# plan of tests/http/lib.sh, on small scripts whose outcome is known: a
# script that stops half way must count as failed. Prints TAP.
set -u
DIR=$(cd "$(dirname "$0")" && pwd)
. "$DIR/tap.sh"
LOG=$(mktemp)
W=$(mktemp -d)
trap 'rm -rf "$LOG" "$W"' EXIT
# lib.sh only needs these set; nothing here talks to a stack.
export BASE=http://127.0.0.1:9 VAR=$W BIN=/bin/false ROOT=$(cd "$DIR/../.." && pwd)
LIB="$ROOT/tests/http/lib.sh"
N=0

# case DESC WANT_PASS WANT_FAIL SCRIPT: SCRIPT (bash source) counted by run().
case_() {
	local desc=$1 want="$2 $3" got
	printf '%s\n' "$4" > "$W/t.sh"
	got=$(PASS=0 FAIL=0; run t bash "$W/t.sh" > /dev/null; echo "$PASS $FAIL")
	N=$((N + 1))
	if [ "$got" = "$want" ]; then
		echo "ok - harness: $desc"
	else
		echo "not ok - harness: $desc (passed/failed: got $got, want $want)"
	fi
}

case_ "a whole script passes" 2 0 ". '$LIB'
ok one
check two true
done_testing"
case_ "a script that exits half way fails" 1 1 ". '$LIB'
ok one
exit 0
ok two
done_testing"
case_ "a script that dies on an unset variable fails" 1 1 ". '$LIB'
set -u
ok one
echo \"\$NO_SUCH_VARIABLE\"
ok two
done_testing"
case_ "a script whose own EXIT trap runs still needs its plan" 1 1 ". '$LIB'
trap 'echo cleaned' EXIT
ok one
exit 0
done_testing"
case_ "checks in a subshell count toward the plan" 2 0 ". '$LIB'
ok one
( ok in-a-subshell )
done_testing"
case_ "a check whose line is captured, not printed, fails the plan" 1 1 ". '$LIB'
ok one
x=\$(ok captured)
done_testing"
case_ "a failed check fails, with its plan" 1 1 ". '$LIB'
ok one
check two false
done_testing"
case_ "a leading plan that is not reached fails (a crashed unit test)" 1 1 "printf '1..3\nok 1 - a\n'"
case_ "two leading plans add up (cmocka groups)" 3 0 "printf '1..1\nok 1 - a\n1..2\nok 1 - b\nok 2 - c\n'"
case_ "output without a plan fails" 1 1 "echo 'ok - no plan'"
case_ "a non-zero exit with every check passing fails" 1 1 "printf 'ok - a\n1..1\n'; exit 3"
# at_exit commands run, and the temporary files go.
printf '%s\n' ". '$LIB'" "at_exit 'echo at-exit-ran'" 'echo "$LIB_TMP" > "'"$W"'/tmpdir"' \
	"ok one" "done_testing" > "$W/t.sh"
out=$(bash "$W/t.sh")
N=$((N + 1))
if grep -q at-exit-ran <<< "$out" && [ ! -e "$(cat "$W/tmpdir")" ]; then
	echo "ok - harness: at_exit commands run and lib.sh's files are removed"
else
	echo "not ok - harness: at_exit commands run and lib.sh's files are removed"
fi
# No test script sets its own EXIT trap (it would replace lib.sh's).
N=$((N + 1))
if grep -lE '^[[:space:]]*trap .*EXIT' "$ROOT"/tests/http/test_*.sh > "$W/traps"; then
	echo "not ok - harness: test scripts use at_exit, not trap EXIT: $(tr '\n' ' ' < "$W/traps")"
else
	echo "ok - harness: test scripts use at_exit, not trap EXIT"
fi
# Every test script ends with done_testing.
N=$((N + 1))
bad=$(for f in "$ROOT"/tests/http/test_*.sh; do [ "$(tail -n 1 "$f")" = done_testing ] || echo "${f##*/}"; done)
if [ -z "$bad" ]; then
	echo "ok - harness: every tests/http script ends with done_testing"
else
	echo "not ok - harness: scripts not ending with done_testing: $(echo $bad)"
fi
# free_port draws below the ephemeral range, where no outgoing
# connection can take the port before the listener binds it.
. "$DIR/ports.sh"
N=$((N + 1))
read -r eph eph_hi < /proc/sys/net/ipv4/ip_local_port_range
bad=$(for _ in $(seq 200); do p=$(free_port); [ "$p" -ge 1025 ] && { [ "$p" -lt "$eph" ] || [ "$p" -gt "$eph_hi" ]; } || echo "$p"; done)
if [ -z "$bad" ]; then
	echo "ok - harness: free_port stays out of the ephemeral range ($eph-$eph_hi)"
else
	echo "not ok - harness: free_port gave ports in the ephemeral range: $(echo $bad | head -c 80)"
fi
echo "1..$N"
