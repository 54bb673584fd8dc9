# make check-ha's SUS export on a cluster (tests/ha/run.sh runs it; TAP,
# with tests/http/lib.sh): the export's one-at-a-time rule and its rate
# limit are each förbund's, and hold across Galera nodes.
#
# Each node's locks are its own: an export through node 2 does not see the
# lock (sus_state FOR UPDATE NOWAIT) an export through node 1 holds. Both
# number their batch last+1 and write the förbund's sus_state row; Galera
# certifies the first commit and refuses the second (1213), which is not
# run again (its request committed its rate-limit row first): one batch,
# the other a refusal. On one node the second meets the lock at once (409).
# The API's rate check is a transaction of its own (sql/0079), committed
# before the export begins, and under the test hook every commit waits for
# the clock's next whole step: an API export may begin only after another
# (a command's) has made its batch, and then makes the next. Never two
# batches with one number, never a gap.
#
# A round: app hosts 2 (node 2 first) and 3 (node 1 first), the test-hooks
# build committing only on the clock's whole multiples of RACE_STEP_MS, get
# two exports of SOFTLEG each, and `stegvis sus-export` (the test-hooks
# build, the same instants) runs once with a conf listing node 2 first and
# once node 1 first; all at one moment (the commands 0.8 s ahead every
# other round). At least one of the six makes a batch, and the batches the
# round made are numbered last+1, last+2, ... one each (those that began
# after another's batch come later); every other is refused as README's
# "The SUS export" says: 409 with Retry-After (another export holds the
# lock) or 503 with Retry-After (lost at commit), never 500; the command
# exits 1 and writes no file. EXEMPEL's export in the same
# moment, through one of the same nodes, makes its batch (another förbund's
# lock and numbering). Then the batch numbers of each förbund, on every
# node: 1..N, no gap, no duplicate.
#
# The rate limit (SUS_RATE_MAX requests in SUS_RATE_WINDOW_SECONDS per
# förbund, counted in sus_request): used up through nodes 1 and 2 in turn,
# the next request through any of the three nodes is a 429 and is not
# counted; EXEMPEL's own requests still pass.
#
# Environment from run.sh: HA_DIR (its directory: the nodes' sockets),
# HA_TESTHOOKS (build/stegvis-testhooks), RACE_STEP_MS; SUS_ROUNDS (6).
. "$ROOT/tests/http/lib.sh"

ROUNDS=${SUS_ROUNDS:-6}
STEP=${RACE_STEP_MS:?}
HOOKS=${HA_TESTHOOKS:?}
W=${HA_DIR:?}
RATE_MAX=$(sed -n 's/^#define SUS_RATE_MAX *\([0-9]*\)u.*/\1/p' "$ROOT/include/app_limits.h")
BUSY="En annan export eller kvittens pågår"
T=$(mktemp -d)
at_exit "rm -rf '$T'"

F1=$(q "SELECT id FROM forbund WHERE short_name = 'SOFTLEG'")
F2=$(q "SELECT id FROM forbund WHERE short_name = 'EXEMPEL'")
TOK1=$(new_api_token sus-job)
TOK2=$(new_api_token sus-job.exempel)
check "SUS_RATE_MAX read from app_limits.h ($RATE_MAX)" test -n "$RATE_MAX"
q "DELETE FROM sus_request"

# The command line's confs: the app's, with node 2 or node 1 first.
for n in 1 2; do
	others=$(for i in 1 2 3; do [ "$i" = "$n" ] || printf ', %s' "$W/n$i/sock"; done)
	sed -e "s|^db_nodes = .*|db_nodes = $W/n$n/sock$others|" "$VAR/stegvis.conf" > "$T/cli$n.conf"
done

# sqln N SQL: on node N.
sqln() { mariadb --no-defaults -S "$W/n$1/sock" -u "$(id -un)" -N stegvis -e "$2"; }
# batches F: förbund F's batches, count and highest number, once the node
# read has applied every commit of the cluster (wsrep_sync_wait).
batches() {
	q "SET SESSION wsrep_sync_wait = 1;
		SELECT COUNT(*), COALESCE(MAX(batch_no), 0) FROM sus_batch WHERE forbund_id = $1" | tr '\t' ' '
}
# export HOST TOKEN OUT: POST /api/sus/batcher (a full replacement, so
# never empty) through HOST; "status batch retry-after" into OUT.
export_via() {
	local host=$1 tok=$2 out=$3 code
	code=$(curl -sS -o "$out.body" -D "$out.head" -w '%{http_code}' --max-time 60 \
		-H "X-HA-Host: $host" -H "Authorization: Bearer $tok" --data since=0 \
		"$BASE/api/sus/batcher" 2> /dev/null)
	echo "$code $(hdr "$out.head" x-sus-batch) $(hdr "$out.head" retry-after)" > "$out"
}
# hdr FILE NAME: the header NAME's value in FILE, "-" when it has none.
hdr() {
	local v
	v=$(awk -v h="$2:" 'tolower($1) == h { print $2 }' "$1" | tr -d '\r')
	echo "${v:--}"
}
# cli NODE OUT: stegvis sus-export of SOFTLEG through NODE first; "exit
# batch" into OUT, its output in OUT.log, its file OUT.xml.
cli_via() {
	local node=$1 out=$2 rc
	STEGVIS_COMMIT_ALIGN_MS=$STEP "$HOOKS" sus-export -c "$T/cli$node.conf" --forbund SOFTLEG \
		--since 0 --out "$out.xml" > "$out.log" 2>&1
	rc=$?
	echo "$rc $(sed -n 's/^stegvis: batch \([0-9]*\) .*/\1/p' "$out.log")" > "$out"
}
to_step() {
	local ms
	ms=$(($(date +%s%3N) % STEP))
	sleep "$(awk -v w=$((STEP - ms + 100)) 'BEGIN { printf "%.3f", w / 1000 }')"
}

declare -A TALLY=()
for k in $(seq "$ROUNDS"); do
	read -r n1 max1 <<< "$(batches "$F1")"
	read -r n2 _ <<< "$(batches "$F2")"
	ex=$((2 + k % 2)) # EXEMPEL through host 2 or 3 by turns
	to_step
	cli_via 2 "$T/e$k" &
	cli_via 1 "$T/f$k" &
	# Every other round the commands a head start: they take the locks.
	[ $((k % 2)) = 1 ] && sleep 0.8
	export_via 2 "$TOK1" "$T/a$k" &
	export_via 3 "$TOK1" "$T/b$k" &
	export_via 2 "$TOK1" "$T/c$k" &
	export_via 3 "$TOK1" "$T/d$k" &
	export_via "$ex" "$TOK2" "$T/x$k" &
	wait
	made=0 bad="" nos=""
	for c in a b c d; do
		read -r code no retry < "$T/$c$k"
		case "$code" in
		201)
			made=$((made + 1)) nos="$nos $no"
			TALLY["201 (a batch)"]=$((${TALLY["201 (a batch)"]:-0} + 1))
			;;
		409)
			TALLY["409 (the lock, on the same node)"]=$((${TALLY["409 (the lock, on the same node)"]:-0} + 1))
			grep -qF "$BUSY" "$T/$c$k.body" && [ "$retry" != - ] || bad="$bad $c:409-without-text-or-Retry-After"
			;;
		503)
			TALLY["503 (lost at commit, another node)"]=$((${TALLY["503 (lost at commit, another node)"]:-0} + 1))
			[ "$retry" != - ] || bad="$bad $c:503-without-Retry-After"
			;;
		*) bad="$bad $c:$code" ;;
		esac
	done
	for c in e f; do
		read -r rc no < "$T/$c$k"
		if [ "$rc" = 0 ] && [ -n "$no" ] && [ -s "$T/$c$k.xml" ]; then
			made=$((made + 1)) nos="$nos $no"
			TALLY["command: a batch"]=$((${TALLY["command: a batch"]:-0} + 1))
		elif [ "$rc" = 1 ] && [ ! -e "$T/$c$k.xml" ]; then
			if grep -qF "pågår" "$T/$c$k.log"; then
				TALLY["command: exit 1, another export running"]=$((${TALLY["command: exit 1, another export running"]:-0} + 1))
			else
				TALLY["command: exit 1, lost at commit"]=$((${TALLY["command: exit 1, lost at commit"]:-0} + 1))
			fi
		else
			bad="$bad $c:exit-$rc"
		fi
	done
	TALLY["batches in a round: $made"]=$((${TALLY["batches in a round: $made"]:-0} + 1))
	check "round $k: of four exports through nodes 2 and 1 and two commands, at least one makes a batch ($made)" \
		test "$made" -ge 1
	eq "round $k: ... numbered from $((max1 + 1)) on, one number each" \
		"$(tr ' ' '\n' <<< "$nos" | sed '/^$/d' | sort -n | tr '\n' ' ')" \
		"$(seq -s ' ' $((max1 + 1)) $((max1 + made))) "
	eq "round $k: ... and as many more in the database" \
		"$(batches "$F1")" "$((n1 + made)) $((max1 + made))"
	eq "round $k: the others refused as documented (409 or 503 with Retry-After; exit 1, no file)" "${bad:-none}" none
	read -r code _ < "$T/x$k"
	eq "round $k: EXEMPEL's export in the same moment through host $ex makes its batch" \
		"$code $(batches "$F2" | cut -d' ' -f1)" "201 $((n2 + 1))"
done
for o in "${!TALLY[@]}"; do echo "# SOFTLEG exports over $ROUNDS rounds: ${TALLY[$o]} x $o"; done | sort

# Each förbund's batch numbers, on every node: 1..N, N its sus_state's.
for f in "$F1" "$F2"; do
	for n in 1 2 3; do
		got=$(sqln "$n" "SELECT CONCAT(COUNT(*), ' ', COUNT(DISTINCT batch_no), ' ', COALESCE(MIN(batch_no), 0),
			' ', COALESCE(MAX(batch_no), 0)) FROM sus_batch WHERE forbund_id = $f")
		last=$(sqln "$n" "SELECT last_batch_no FROM sus_state WHERE forbund_id = $f")
		read -r cnt _ <<< "$got"
		eq "förbund $f on node $n: batches numbered 1..$cnt, no gap, no duplicate, the last sus_state's" \
			"$got $last" "$cnt $cnt 1 $cnt $cnt"
	done
done

# ---- The rate limit, across nodes -----------------------------------------
head_via() {
	curl -sS -o /dev/null -I -w '%{http_code}' --max-time 20 -H "X-HA-Host: $1" \
		-H "Authorization: Bearer $2" "$BASE/api/sus/batcher/1" 2> /dev/null
}
used=$(q "SELECT COUNT(*) FROM sus_request WHERE forbund_id = $F1")
eq "the rounds' exports were counted in the rate limit" "$used" $((ROUNDS * 4))
bad=0
for i in $(seq $((RATE_MAX - used))); do
	[ "$(head_via $((2 + i % 2)) "$TOK1")" = 200 ] || bad=$((bad + 1))
done
eq "up to $RATE_MAX requests, through nodes 2 and 1 by turns: all 200" "$bad" 0
for h in 3 2 4; do
	code=$(fetch -I -H "X-HA-Host: $h" -H "Authorization: Bearer $TOK1" "$BASE/api/sus/batcher/1")
	eq "the next through host $h (node $(case $h in 3) echo 1 ;; 2) echo 2 ;; 4) echo 3 ;; esac)): 429 with Retry-After" \
		"$code $([ "$(hdr "$HEAD" retry-after)" != - ] && echo retry)" "429 retry"
done
read -r before _ <<< "$(batches "$F1")"
code=$(fetch -H "X-HA-Host: 3" -H "Authorization: Bearer $TOK1" --data since=0 "$BASE/api/sus/batcher")
eq "an export through node 1 then: 429, no batch" "$code $(batches "$F1" | cut -d' ' -f1)" "429 $before"
eq "the refused requests are not counted" "$(q "SELECT COUNT(*) FROM sus_request WHERE forbund_id = $F1")" "$RATE_MAX"
eq "EXEMPEL's job through the same nodes is not limited by SOFTLEG's" \
	"$(head_via 3 "$TOK2") $(head_via 2 "$TOK2")" "200 200"
q "DELETE FROM sus_request"

done_testing
