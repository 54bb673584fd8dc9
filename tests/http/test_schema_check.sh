# The check of every statement against the schema (app/db.c): the master
# runs it once before it forks, so that the workers' connections need not;
# a schema that does not match must still stop the workers with the
# statement named, not be hidden by the master's check (issue 19).
. "$(dirname "$0")/lib.sh"

stop_stegvis() {
	local master
	master=$(cat "$VAR/run/stegvis.pid")
	kill -TERM "$master"
	wait_for 40 bash -c "! kill -0 $master 2> /dev/null"
}
log_since() { tail -n +"$(($1 + 1))" "$VAR/log/stegvis.log"; }
status_of_start() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE/"; }

check "the stack's stegvis stops" stop_stegvis
mark=$(wc -l < "$VAR/log/stegvis.log")
sql_admin "ALTER TABLE report_text RENAME COLUMN indikatorer TO indikatorer_x"
stegvis_start
named() { log_since "$mark" | grep -q "database: prepare .*indikatorer"; }
check "a worker names the statement that no longer prepares" wait_for 20 named
code=$(status_of_start)
check "and nothing is served from the mismatched schema (got $code)" test "$code" != 200

check "the stegvis with the mismatch stops" stop_stegvis
sql_admin "ALTER TABLE report_text RENAME COLUMN indikatorer_x TO indikatorer"
mark=$(wc -l < "$VAR/log/stegvis.log")
prepares() { sql_admin "SHOW GLOBAL STATUS LIKE 'Com_stmt_prepare'" | awk '{ print $2 }'; }
p0=$(prepares)
stegvis_start
serves() { [ "$(status_of_start)" = 200 ]; }
check "with the schema right again the start page answers 200" wait_for 20 serves
eq "and no worker complains about a statement" "$(log_since "$mark" | grep -c 'database: ')" 0

# The check ran once, in the master: a worker forked later (this one after
# a SIGKILL) prepares only what its requests use, not every statement again.
p1=$(prepares)
started=$((p1 - p0))
master=$(cat "$VAR/run/stegvis.pid")
victim=$(pgrep -P "$master" | head -1)
kill -KILL "$victim"
replaced() { [ "$(pgrep -P "$master" | wc -l)" -ge 3 ] && ! kill -0 "$victim" 2> /dev/null; }
check "the killed worker is replaced" wait_for 20 replaced
check "which serves" wait_for 20 serves
respawn=$(($(prepares) - p1))
echo "# prepares: $started for the start with 3 workers, $respawn for a new worker"
check "a new worker does not check every statement again ($respawn, start $started)" \
	test $((respawn * 4)) -lt "$started"

# A reload checks again (a migration may have run before it): onto a
# schema that does not match, the new worker fails and the reload is
# aborted, the old workers serving on; once it matches, a reload goes
# through.
mark=$(wc -l < "$VAR/log/stegvis.log")
sql_admin "ALTER TABLE report_text RENAME COLUMN indikatorer TO indikatorer_x"
kill -HUP "$master"
aborted() { log_since "$mark" | grep -q "reload aborted: a worker with the new configuration did not start"; }
check "a reload onto a mismatched schema is aborted" wait_for 30 aborted
check "and the old workers serve on" serves
sql_admin "ALTER TABLE report_text RENAME COLUMN indikatorer_x TO indikatorer"
mark=$(wc -l < "$VAR/log/stegvis.log")
kill -HUP "$master"
reloaded() { log_since "$mark" | grep -q "reloaded: "; }
check "with the schema right again a reload goes through" wait_for 30 reloaded
check "and serves" wait_for 20 serves
done_testing
