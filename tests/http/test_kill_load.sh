# The worker pool under repeated faults (issue 18, items 1 and 3): 8
# writers create referral drafts while a worker is SIGKILLed every 0.5 s;
# a pool whose workers cannot start answers 503 itself rather than leave
# the request waiting; a SIGTERM of the master under load serves what is
# queued instead of resetting it.
# The load driver is tests/load/kill_load.mjs (it retries a time-out or a
# 502/503/504 with the same form). Only this stack's workers are killed.
. "$(dirname "$0")/lib.sh"

MASTER=$(cat "$VAR/run/stegvis.pid")
NWORKERS=$(pgrep -P "$MASTER" | wc -l)
TOTAL=${KILL_LOAD_TOTAL:-2000}
P=t_kl_$$
mk_account "$P" "$(org_id_of Försäkringskassan)"
INSATS=$(q "SELECT MIN(id) FROM insats WHERE active = 1")
nworkers() { [ "$(pgrep -P "$MASTER" | wc -l)" -eq "$1" ]; }
# all_ready: every worker is waiting in accept() (started, idle); read
# from /proc (the syscall number of accept: x86_64 43, arm64 202).
ACCEPT=43
[ "$(uname -m)" = aarch64 ] && ACCEPT=202
all_ready() {
	local p n=0
	for p in $(pgrep -P "$MASTER"); do
		[ "$(cut -d' ' -f1 "/proc/$p/syscall" 2> /dev/null)" = "$ACCEPT" ] || return 1
		n=$((n + 1))
	done
	[ "$n" -ge 1 ]
}
# log_since LINE: the server log after line LINE.
log_since() { tail -n +"$(($1 + 1))" "$VAR/log/stegvis.log"; }

# A birth year no person has yet: every draft is a new person, so the
# duplicate-application check (409) never answers instead.
free_year() {
	local y
	for y in $(shuf -i 1901-1939); do
		grep -qx "$y" "$LIB_TMP/years" 2> /dev/null && continue
		if [ "$(q "SELECT COUNT(*) FROM person WHERE personnummer LIKE '$y%'")" = 0 ]; then
			echo "$y" >> "$LIB_TMP/years"
			echo "$y"
			return
		fi
	done
}
# drive RUN [VAR=VALUE…]: the load driver; results in $LIB_TMP/RUN.tsv,
# its summary in $LIB_TMP/RUN.sum (shown as TAP comments).
drive() {
	local run=$1
	shift
	env BASE="$BASE" LOAD_USER="$P" LOAD_INSATS="$INSATS" LOAD_YEAR="$(free_year)" \
		LOAD_RUN="$run" LOAD_OUT="$LIB_TMP/$run.tsv" "$@" \
		node "$ROOT/tests/load/kill_load.mjs" > "$LIB_TMP/$run.sum" 2>&1
}
summary() { sed -n "s/^$2 //p" "$LIB_TMP/$1.sum"; }
# stored RUN: marker TAB rows, for every marker of the run in the database.
stored() {
	q "SELECT address, COUNT(*) FROM referral_person WHERE address LIKE '$1-%' GROUP BY address"
}
# lost RUN: drafts answered 303 whose marker is not stored.
lost() {
	awk -F'\t' 'NR == FNR { n[$1] = $2; next } $2 == 303 && !($1 in n)' \
		<(stored "$1") "$LIB_TMP/$1.tsv" | wc -l
}
duplicates() { stored "$1" | awk -F'\t' '$2 > 1' | wc -l; }

# --- A worker SIGKILLed every 0.5 s under 8 concurrent writers: the
# oldest, which has served requests, as in the issue.
RUN=kl$$k
: > "$LIB_TMP/kills"
logl=$(wc -l < "$VAR/log/stegvis.log")
(
	# From when the writers are logged in: the drafts are what is measured.
	wait_for 60 test -e "$LIB_TMP/$RUN.ready"
	while :; do
		sleep 0.5
		w=$(pgrep -o -P "$MASTER") && kill -KILL "$w" 2> /dev/null &&
			echo >> "$LIB_TMP/kills"
	done
) &
killer=$!
at_exit "kill $killer 2> /dev/null"
drive "$RUN" LOAD_TOTAL="$TOTAL" LOAD_WRITERS=8 LOAD_READY="$LIB_TMP/$RUN.ready"
kill "$killer" 2> /dev/null
sed 's/^/# /' "$LIB_TMP/$RUN.sum"
echo "# workers killed: $(wc -l < "$LIB_TMP/kills")"
answered=$(summary "$RUN" answered)
created=$(summary "$RUN" created)
n_lost=$(lost "$RUN")
n_dup=$(duplicates "$RUN")
echo "# answered $answered"
echo "# lost $n_lost"
echo "# duplicates $n_dup"
check "workers were killed during the run ($(wc -l < "$LIB_TMP/kills"))" \
	test "$(wc -l < "$LIB_TMP/kills")" -ge 3
check "at least 99.9 % of $TOTAL drafts answered (${answered%/*})" \
	test "$((${answered%/*} * 1000))" -ge "$((TOTAL * 999))"
eq "no acknowledged (303) draft lost" "$n_lost" 0
# Each draft's form carries a one-time key (skapanyckel, include/once.h):
# a retry of a draft that was in fact stored is answered as the first.
eq "no draft stored twice by a retry" "$n_dup" 0
check "every draft created, a retry answered as the first ($created)" \
	test "$((${created:-0} * 1000))" -ge "$((TOTAL * 999))"
# Two drafts that deadlock in MariaDB are both run again (route_run()).
check "no draft answered 500 ($(summary "$RUN" statuses))" \
	bash -c "! grep -q '^statuses.* 500:' '$LIB_TMP/$RUN.sum'"
check "the master survived" kill -0 "$MASTER"
check "the pool is back to $NWORKERS workers" wait_for 10 nworkers "$NWORKERS"
expect_status "and serves" 200 "$BASE/"
# Those killed before they had answered a request (still starting, on a
# busy machine) are start-up failures, and the back-off reached:
echo "# start-up failures among them: $(log_since "$logl" | grep -c 'died before serving')," \
	"longest back-off: $(log_since "$logl" | sed -n 's/.*next start in \([0-9]*\) ms/\1/p' | sort -n | tail -n 1) ms"

# --- A young worker killed after it has served is no start-up failure: a
# fresh pool, every worker serving in turn (accept wakes the longest
# waiting), then all of it killed within its first seconds.
pgrep -P "$MASTER" | xargs -r kill -KILL
wait_for 20 nworkers "$NWORKERS"
wait_for 10 all_ready
for _ in $(seq $((NWORKERS * 10))); do curl -s -o /dev/null "$BASE/logga-in"; done
logl=$(wc -l < "$VAR/log/stegvis.log")
pgrep -P "$MASTER" | xargs -r kill -KILL
check "the pool is refilled at once" wait_for 3 nworkers "$NWORKERS"
eq "workers killed after serving are no start-up failures" \
	"$(log_since "$logl" | grep -c 'died before serving')" 0

# --- Backing off keeps a floor of live workers: every worker is killed
# before it serves anything, three times over, so the back-off climbs past
# a second; one worker (half of the pool) is started at once all the same.
logl=$(wc -l < "$VAR/log/stegvis.log")
climbed() { log_since "$logl" | grep -q 'next start in [0-9]\{4,\} ms'; }
for _ in 1 2 3; do
	wait_for 10 all_ready
	pgrep -P "$MASTER" | xargs -r kill -KILL
done
check "the back-off climbed past a second" wait_for 2 climbed
check "a worker is alive while backing off" wait_for 1 bash -c "[ \$(pgrep -P $MASTER | wc -l) -ge 1 ]"
check "... only the floor: one of $NWORKERS" test "$(pgrep -P "$MASTER" | wc -l)" -lt "$NWORKERS"
expect_status "and serves at once" 200 --max-time 2 "$BASE/"
check "the pool is back to $NWORKERS workers after the back-off" wait_for 15 nworkers "$NWORKERS"

# --- A pool whose workers cannot start: a second master of its own on a
# socket of its own, whose database password file is missing. It backs off
# (no fork storm) and answers a Swedish 503 itself.
sed -e "s|^socket = .*|socket = $VAR/run/broken.sock|" \
	-e "s|^db_password_file = .*|db_password_file = $VAR/no-such-file|" \
	"$VAR/stegvis.conf" > "$VAR/broken.conf"
(cd "$ROOT" && exec setsid "$BIN" serve -c "$VAR/broken.conf" \
	--pid-file "$VAR/run/broken.pid") < /dev/null > "$VAR/log/broken.log" 2>&1 &
at_exit "kill -TERM \$(cat '$VAR/run/broken.pid' 2> /dev/null) 2> /dev/null"
check "the broken pool's master starts" wait_for 10 test -S "$VAR/run/broken.sock"
sleep 2
fcgi_get() {
	env -i REQUEST_METHOD=GET SCRIPT_NAME=/ REQUEST_URI=/ SERVER_PROTOCOL=HTTP/1.1 \
		timeout 5 bash "$ROOT/tests/http/fcgi_call.sh" "$VAR/run/broken.sock"
}
t0=$(date +%s%N)
got=$(fcgi_get)
ms=$((($(date +%s%N) - t0) / 1000000))
# Answered, not left waiting for a worker that never comes (the call gives
# up after 5 s). How soon is not asserted: a worker still starting when
# the request comes is waited for, and on a busy machine that took 4.5 s.
check "with no worker, a request is answered 503 (in $ms ms)" grep -q '^Status: 503' <<< "$got"
check "... with the Swedish page" grep -q 'Tjänsten är tillfälligt otillgänglig' <<< "$got"
check "... and Retry-After" grep -qi '^Retry-After:' <<< "$got"
starts=$(grep -c 'exited with 78' "$VAR/log/broken.log")
check "workers that fail at start back off, no fork storm ($starts starts in 2 s)" \
	test "$starts" -ge 2 -a "$starts" -le 12
kill -TERM "$(cat "$VAR/run/broken.pid")"
check "the broken pool's master stops" wait_for 20 test ! -e "$VAR/run/broken.pid"

# --- SIGTERM of the master under load: it stops taking connections (nginx
# answers 503 at once), its workers serve what is queued, then it exits.
# No request that reached the socket is reset: nginx logs none.
RUN=kl$$t
errs=$(wc -l < "$VAR/log/nginx-error.log")
drive "$RUN" LOAD_TOTAL=600 LOAD_WRITERS=8 LOAD_TRIES=1 &
driver=$!
some_stored() { [ -n "$(stored "$RUN")" ]; }
wait_for 30 some_stored
sleep 0.3
kill -TERM "$MASTER"
check "the master exits after SIGTERM" wait_for 40 bash -c "! kill -0 $MASTER 2> /dev/null"
wait "$driver"
stegvis_start
sed 's/^/# /' "$LIB_TMP/$RUN.sum"
tail -n +"$((errs + 1))" "$VAR/log/nginx-error.log" > "$LIB_TMP/term-errors"
resets=$(grep -cE 'prematurely closed|reset by peer|Broken pipe' "$LIB_TMP/term-errors")
refused=$(grep -cE 'connect\(\) to unix:.* failed' "$LIB_TMP/term-errors")
echo "# after SIGTERM: $resets reset in flight, $refused refused at connect (503)"
eq "no request that reached the socket was reset" "$resets" 0
check "requests after the stop were refused at connect, so nginx answered 503" test "$refused" -ge 1
eq "no acknowledged (303) draft lost" "$(lost "$RUN")" 0
check "stegvis serves again after a start" wait_for 10 bash -c \
	"[ \"\$(curl -s -o /dev/null -w '%{http_code}' '$BASE/')\" = 200 ]"
done_testing
