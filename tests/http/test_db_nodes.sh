# Several database nodes (conf's db_nodes, include/db_nodes.h; issue 20):
# our own stegvis lists two MariaDB servers, a throw-away node A (a copy
# of the stack's database, its insatser marked) and the stack's own. The
# workers use A; when A is killed (SIGKILL, as a node dies) a request gets
# a 503 at most, never a 500, and the workers move to the next node, log
# the move and stay there; a worker started while A is dead goes straight
# to the next one. Galera itself is `make check-ha`'s; this is the app's
# side of it, on one machine.
. "$(dirname "$0")/lib.sh"

N=24 # requests per round: eight or so for each of the three workers
TMPD=$(mktemp -d)
A=$TMPD/a
mkdir -p "$A/data" "$A/tmp"

# Node A: its own mariadbd on a socket of its own, no TCP.
rootopt=()
[ "$(id -u)" -eq 0 ] && rootopt=(--user=root)
mariadb-install-db --no-defaults "${rootopt[@]}" --datadir="$A/data" \
	--auth-root-authentication-method=socket --auth-root-socket-user="$(id -un)" \
	--skip-test-db > "$A/install.log" 2>&1
(setsid mariadbd --no-defaults "${rootopt[@]}" --datadir="$A/data" --socket="$A/sock" \
	--pid-file="$A/pid" --skip-networking --log-error="$A/err.log" --tmpdir="$A/tmp" \
	--innodb-buffer-pool-size=32M --character-set-server=utf8mb4 \
	--collation-server=utf8mb4_swedish_ci < /dev/null > /dev/null 2>&1 &)
at_exit "kill -KILL \$(cat '$A/pid' 2> /dev/null) 2> /dev/null; true"
qa() { mariadb --no-defaults -S "$A/sock" -u "$(id -un)" -N "$@"; }
check "node A starts" wait_for 30 bash -c "mariadb --no-defaults -S '$A/sock' -u '$(id -un)' -e 'SELECT 1' > /dev/null 2>&1"

# The stack's schema (triggers and procedures too) and the public page's data; the
# application's account with its password and table grants.
dump() { mariadb-dump --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" "$@"; }
qa -e "CREATE DATABASE stegvis CHARACTER SET utf8mb4 COLLATE utf8mb4_swedish_ci"
{ dump --no-data --routines stegvis; dump --no-create-info --skip-triggers stegvis \
	forbund organisation insats insats_goal public_page_generation; } | qa stegvis
qa -e "CREATE USER 'stegvis'@'localhost' IDENTIFIED BY '$(cat "$VAR/db.pass")'"
q "SHOW GRANTS FOR 'stegvis'@'localhost'" | grep -v '^GRANT USAGE' | sed 's/$/;/' | qa
MARK="[nod A $$]"
qa stegvis -e "UPDATE insats SET name = CONCAT(name, ' $MARK') WHERE active = 1"
eq "node A has the stack's insatser, marked" \
	"$(qa stegvis -e "SELECT COUNT(*) FROM insats WHERE name LIKE '%$MARK'")" \
	"$(q "SELECT COUNT(*) FROM insats WHERE active = 1")"

own_stegvis "$TMPD" "db_nodes = $A/sock, $VAR/run/mysqld.sock"

export TMPD
OWN_FETCH=own_root # lib.sh

eq "node A up: every answer is 200" "$(round a-up)" 0
eq "... from node A" "$(with a-up "$MARK")" "$N"
eq "... all three workers on it" "$(wc -l < "$TMPD/a-up.workers")" 3

# Node A dies.
kill -KILL "$(cat "$A/pid")"
check "node A is gone" wait_for 10 bash -c "! kill -0 $(cat "$A/pid") 2> /dev/null"
round a-dead > /dev/null
eq "node A killed: no answer is a 500" "$(grep -l '^Status: 500' "$TMPD/a-dead"/* | wc -l)" 0
bad=$(grep -L '^Status: 200' "$TMPD/a-dead"/* | wc -l)
check "... at most one 503 a worker while they move ($bad)" test "$bad" -le 3
eq "... the others are 503 or 200" "$(grep -L '^Status: \(200\|503\)' "$TMPD/a-dead"/* | wc -l)" 0
eq "then every answer is 200" "$(round moved)" 0
eq "... from the stack's node" "$(with moved "$MARK")" 0
eq "... all three workers on it" "$(wc -l < "$TMPD/moved.workers")" 3
check "the move is logged" grep -qF "database: now on node $VAR/run/mysqld.sock (was $A/sock)" \
	"$VAR/log/stegvis.log"

# A worker started while node A is dead: straight to the next node.
victim=$(echo "$WORKERS" | cut -d' ' -f1)
kill -KILL "$victim"
check "the master replaces a killed worker" wait_for 10 bash -c \
	"[ \$(pgrep -P $OWN | wc -l) = 3 ] && ! pgrep -P $OWN | grep -qx $victim"
WORKERS=$(pgrep -P "$OWN" | sort -n | tr '\n' ' ')
eq "with a new worker: every answer is 200" "$(round fresh)" 0
eq "... none from node A" "$(with fresh "$MARK")" 0
eq "... all three workers served" "$(wc -l < "$TMPD/fresh.workers")" 3

done_testing
