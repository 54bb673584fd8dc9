# Faults: killed workers, a restarted database, recycling and reloads.
. "$(dirname "$0")/lib.sh"

MASTER=$(cat "$VAR/run/stegvis.pid")
NWORKERS=3 # tests/run.sh sets workers = 3, max_requests = 150

# load N OUT: N sequential GETs of /, one status code per line in OUT.
load() {
	local n=$1 out=$2
	for _ in $(seq "$n"); do
		curl -s -o /dev/null -w '%{http_code}\n' --max-time 10 "$BASE/" >> "$out"
	done
}
count_not_200() { grep -vc '^200$' "$1"; }
nworkers() { [ "$(pgrep -P "$MASTER" | wc -l)" -eq "$1" ]; }

# --- A worker killed with SIGKILL under load is replaced; others keep serving.
out=$(mktemp)
load 150 "$out" & l1=$!
load 150 "$out" & l2=$!
sleep 0.5
# Workers recycle every 150 requests, so the one picked may have just gone
# by itself: pick again until a kill lands.
for _ in 1 2 3 4 5; do
	victim=$(pgrep -P "$MASTER" | head -n 1)
	kill -KILL "$victim" 2> /dev/null && break
	sleep 0.1
done
wait "$l1" "$l2"
bad=$(count_not_200 "$out")
total=$(wc -l < "$out")
check "requests kept succeeding while a worker was killed ($bad of $total failed)" \
	test "$total" -eq 300 -a "$bad" -le 1
check "the killed worker is gone" bash -c "! kill -0 $victim 2>/dev/null"
check "the master replaced it ($NWORKERS workers)" wait_for 5 nworkers "$NWORKERS"
check "the master logged the death" grep -q "killed by signal 9" "$VAR/log/stegvis.log"
rm -f "$out"

# --- Recycling: a worker exits after max_requests and is replaced unnoticed.
before=$(worker_pids)
out=$(mktemp)
load 250 "$out" & l1=$!
load 250 "$out" & l2=$!
wait "$l1" "$l2"
check "no request failed while workers recycled ($(count_not_200 "$out") failed)" \
	test "$(count_not_200 "$out")" -eq 0
check "workers were recycled after max_requests" bash -c "[ \"$(worker_pids)\" != \"$before\" ]"
check "the pool is back to $NWORKERS workers" wait_for 5 nworkers "$NWORKERS"
rm -f "$out"

# --- SIGHUP: every worker replaced, one at a time, no request dropped.
before=$(worker_pids)
out=$(mktemp)
load 100 "$out" & l1=$!
sleep 0.2
kill -HUP "$MASTER"
wait "$l1"
check "no request failed during a reload ($(count_not_200 "$out") failed)" \
	test "$(count_not_200 "$out")" -eq 0
check "reload logged" wait_for 5 grep -q "reloaded: $NWORKERS workers" "$VAR/log/stegvis.log"
after=$(worker_pids)
common=$(comm -12 <(tr ' ' '\n' <<< "$before" | sed '/^$/d') <(tr ' ' '\n' <<< "$after" | sed '/^$/d') | wc -l)
check "every worker was replaced by the reload" test "$common" -eq 0
rm -f "$out"

# --- A reload with a broken view is refused; the old workers keep serving.
mkdir -p "$VAR/views-broken"
cp -r "$ROOT/views/." "$VAR/views-broken/"
printf '<h1>{{#open}}\nnever closed\n' > "$VAR/views-broken/index.html"
cp "$VAR/stegvis.conf" "$VAR/stegvis.conf.good"
sed -i "s|^views = .*|views = $VAR/views-broken|" "$VAR/stegvis.conf"
before=$(worker_pids)
kill -HUP "$MASTER"
check "a broken view aborts the reload with file and line" \
	wait_for 5 grep -q "reload aborted: views: .*index.html:[0-9]" "$VAR/log/stegvis.log"
expect_status "the old workers still serve" 200 "$BASE/"
check "the old workers were kept" test "$before" = "$(worker_pids)"
cp "$VAR/stegvis.conf.good" "$VAR/stegvis.conf"

# --- A reload whose workers cannot start is aborted, and the master keeps
# the old configuration: a worker that dies later is replaced with it.
sed -i "s|^db_password_file = .*|db_password_file = $VAR/no-such-file|" "$VAR/stegvis.conf"
kill -HUP "$MASTER"
check "a reload whose workers fail is aborted" \
	wait_for 20 grep -q "reload aborted: a worker with the new configuration did not start" "$VAR/log/stegvis.log"
cp "$VAR/stegvis.conf.good" "$VAR/stegvis.conf"
victim=$(pgrep -P "$MASTER" | head -n 1)
kill -KILL "$victim"
check "a worker killed after the aborted reload is replaced" wait_for 10 nworkers "$NWORKERS"
expect_status "and serves with the old configuration" 200 "$BASE/"
check "nothing was started with the broken one since" bash -c \
	"sleep 1; [ \$(grep -c 'no-such-file' '$VAR/log/stegvis.log') -eq 1 ]"

# --- MariaDB stopped: a Swedish 503, then normal service without a restart.
bash "$ROOT/conf/devstack.sh" db-stop "$VAR"
expect_status "database down: 503" 503 "$BASE/"
expect_body "503 page is Swedish" "Tjänsten är tillfälligt otillgänglig"
expect_header "503 says when to retry" "Retry-After:"
expect_status "database down: 503 again, no hang" 503 --max-time 10 "$BASE/"
check "workers survived the database outage" nworkers "$NWORKERS"
bash "$ROOT/conf/devstack.sh" db-start "$VAR" > /dev/null
out=$(mktemp)
load 12 "$out"
check "database back: every request served again ($(count_not_200 "$out") of 12 failed)" \
	test "$(count_not_200 "$out")" -eq 0
check "stegvis was not restarted" test "$(cat "$VAR/run/stegvis.pid")" = "$MASTER"
rm -f "$out"
done_testing
