# The log in an outage (issue 18, item 3): with MariaDB stopped under load
# every request fails (a 503), and before the rate limit each failure
# wrote two or three lines (7 466 lines in 12 s once). Now each kind of
# line is written a few times a second per worker and the rest counted in
# one summary line; every distinct cause still shows, and when MariaDB is
# back the workers serve again without a restart.
. "$(dirname "$0")/lib.sh"

LOG=$VAR/log/stegvis.log
MASTER=$(cat "$VAR/run/stegvis.pid")
OUTAGE=4 # seconds of load while the database is down

# hammer SECONDS OUT: GET / over and over (many URLs per curl, so the load
# is the server's, not curl's start-up) until SECONDS have passed; one
# status code per line in OUT.
hammer() {
	local end=$((SECONDS + $1)) urls=()
	for _ in $(seq 50); do urls+=(-o /dev/null "$BASE/"); done
	while [ "$SECONDS" -lt "$end" ]; do
		curl -s -w '%{http_code}\n' --max-time 10 "${urls[@]}" >> "$2"
	done
}
not_200() { grep -vc '^200$' "$1"; }

start_line=$(($(wc -l < "$LOG") + 1))
bash "$ROOT/conf/devstack.sh" db-stop "$VAR"
out=$(mktemp)
at_exit "rm -f '$out'"
hammer "$OUTAGE" "$out" &
h1=$!
hammer "$OUTAGE" "$out" &
h2=$!
hammer "$OUTAGE" "$out" &
h3=$!
wait "$h1" "$h2" "$h3"
requests=$(wc -l < "$out")
failed=$(grep -c '^503$' "$out")
lines=$(tail -n +"$start_line" "$LOG" | wc -l)
echo "# $requests requests in ${OUTAGE} s with the database down, $failed 503s, $lines log lines"
check "the load was real: at least 300 requests, all 503 ($failed of $requests)" \
	test "$requests" -ge 300 -a "$failed" -eq "$requests"
# Per worker and kind of line at most 5 a second plus a summary: a
# handful of kinds (connect, the request's 503) in 3 workers.
check "the log stayed bounded ($lines lines for $requests failed requests)" \
	test "$lines" -le $((3 * 4 * (OUTAGE + 1) * 6)) -a "$lines" -lt $((requests / 4))
check "the cause is in the log" \
	bash -c "tail -n +$start_line '$LOG' | grep -q \"database: connect: Can't connect\""
check "the failed requests are in the log" \
	bash -c "tail -n +$start_line '$LOG' | grep -q 'GET / -> 503'"

# --- The database back: the app recovers by itself, and tells what it held back.
bash "$ROOT/conf/devstack.sh" db-start "$VAR" > /dev/null
: > "$out"
for _ in $(seq 12); do
	curl -s -o /dev/null -w '%{http_code}\n' --max-time 10 "$BASE/" >> "$out"
done
check "database back: every request served again ($(not_200 "$out") of 12 failed)" \
	test "$(not_200 "$out")" -eq 0
check "the server was not restarted" test "$(cat "$VAR/run/stegvis.pid")" = "$MASTER"
# A worker tells what it held back at its first request after the window
# (a second): wait that long and ask each worker once more.
sleep 1.2
for _ in $(seq 12); do curl -s -o /dev/null --max-time 10 "$BASE/"; done
check "the suppressed lines were counted in a summary" \
	wait_for 5 bash -c "tail -n +$start_line '$LOG' | grep -q 'similar lines suppressed, the last: '"
done_testing
