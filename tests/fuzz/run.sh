#!/bin/bash
# run.sh DIR SECONDS TARGET...: run each libFuzzer target DIR/fuzz_TARGET for
# SECONDS on its corpus (DIR/corpus_TARGET, new inputs, and the seeds in
# tests/fuzz/corpus/TARGET) with its dictionary (tests/fuzz/TARGET.dict,
# else form.dict). A crash does not stop the run: every target is run, and
# the end is one line per target (executions, crash yes/no, the crash
# file). Exit status 1 when any target crashed or was not built. Run from
# the repository root (make fuzz does). Logs: DIR/TARGET.log.
set -u
dir=$1 secs=$2
shift 2
n=$#
echo "== make fuzz: $n targets, ${secs} s each"
declare -a lines
failed=0 i=0
for f in "$@"; do
	i=$((i + 1))
	bin=$dir/fuzz_$f log=$dir/$f.log art=$dir/crashes/$f/
	if [ ! -x "$bin" ]; then
		lines+=("$(printf '%-14s %12s  crash: not built' "$f" -)")
		failed=1
		continue
	fi
	mkdir -p "$dir/corpus_$f" "$art"
	dict=tests/fuzz/$f.dict
	[ -f "$dict" ] || dict=tests/fuzz/form.dict
	echo "[$i/$n] $f"
	"$bin" -max_total_time="$secs" -print_final_stats=1 -dict="$dict" \
		-artifact_prefix="$art" "$dir/corpus_$f" "tests/fuzz/corpus/$f" \
		> "$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	[ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' "$log" | tail -1)
	crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
	if [ "$rc" -ne 0 ] || [ -n "$crash" ]; then
		failed=1
		lines+=("$(printf '%-14s %12s  crash: yes %s' "$f" "${execs:-?}" \
			"${crash:-"(exit $rc, see $log)"}")")
	else
		lines+=("$(printf '%-14s %12s  crash: no' "$f" "${execs:-?}")")
	fi
done
echo "== fuzz results ($n targets; executions, crash)"
printf '%s\n' "${lines[@]}"
exit $failed
