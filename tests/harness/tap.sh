# tests/harness/tap.sh: how make check counts a test's output. Sourced by
# tests/run.sh and tests/harness/selftest.sh; the caller sets PASS, FAIL
# and LOG (a scratch file).
#
# A test prints TAP lines, "ok …" and "not ok …", and a plan "1..N":
# lib.sh's done_testing prints it last, cmocka and the replay drivers first,
# each browser test last. A test whose plans do not add up to the number of
# its ok and not ok lines (or that printed none) stopped early, and fails.

# tap_plan_problem FILE: nothing when FILE's plans add up to its ok and not
# ok lines; otherwise what is wrong, on one line.
tap_plan_problem() {
	awk '
		/^1\.\.[0-9]+([ \t]|$)/ { plans++; planned += substr($1, 4) }
		/^(ok|not ok)([ \t]|$)/ { ran++ }
		END {
			if (plans == 0)
				print "printed no TAP plan: it stopped before its end"
			else if (planned != ran)
				printf "planned %d tests but ran %d: it stopped before its end\n", planned, ran
		}' "$1"
}

# run NAME CMD…: run CMD, show its output, add its ok and not ok lines to
# PASS and FAIL. A missing or wrong plan is one more failure; so is a
# non-zero exit status when no failure was reported.
run() {
	local name=$1 rc before_fail problem
	shift
	before_fail=$FAIL
	"$@" > "$LOG" 2>&1
	rc=$?
	cat "$LOG"
	PASS=$((PASS + $(grep -cE '^ok([ \t]|$)' "$LOG")))
	FAIL=$((FAIL + $(grep -cE '^not ok([ \t]|$)' "$LOG")))
	problem=$(tap_plan_problem "$LOG")
	if [ -n "$problem" ]; then
		echo "not ok - $name $problem"
		FAIL=$((FAIL + 1))
	elif [ "$rc" -ne 0 ] && [ "$FAIL" -eq "$before_fail" ]; then
		echo "not ok - $name exited with status $rc"
		FAIL=$((FAIL + 1))
	fi
}
