# SIGTERM: the master stops its workers, removes socket and pid file and
# exits. Runs last (file name order): the stack's stegvis is gone after it.
. "$(dirname "$0")/lib.sh"

MASTER=$(cat "$VAR/run/stegvis.pid")
workers=$(pgrep -P "$MASTER" | tr '\n' ' ')
expect_status "serving before SIGTERM" 200 "$BASE/"
kill -TERM "$MASTER"
check "the master exits after SIGTERM" wait_for 10 bash -c "! kill -0 $MASTER 2>/dev/null"
check "every worker exited with it" bash -c "for p in $workers; do kill -0 \$p 2>/dev/null && exit 1; done; exit 0"
check "the socket is removed" test ! -e "$VAR/run/stegvis.sock"
check "the pid file is removed" test ! -e "$VAR/run/stegvis.pid"
check "the shutdown is logged" grep -q "stopping: waiting for requests in flight" "$VAR/log/stegvis.log"
expect_status "nginx answers 503 with stegvis stopped" 503 "$BASE/"
expect_body "and the page is Swedish" "Tjänsten är tillfälligt otillgänglig"
done_testing
