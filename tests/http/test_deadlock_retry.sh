# A request whose transaction MariaDB chose as a deadlock victim runs again
# (route_run() in app/route.c), made to happen, not left to chance as in
# test_kill_load.sh. A second session (the mariadb client, one long-lived
# connection fed statement by statement) builds the lock cycle with the
# application's POST /ansokningar/ny:
#   1. the client makes its transaction heavy (a few hundred changed rows
#      of a temporary table), so InnoDB picks the application's lighter
#      one as the victim, and takes the test's person row FOR UPDATE;
#   2. the POST claims its one-time key (its form_once row, locked) and
#      then waits for that person row (SQL_REFERRAL_PERSON_FIND is FOR
#      UPDATE): the test waits until InnoDB shows it waiting on the client;
#   3. the client asks for the POST's form_once row FOR UPDATE: a cycle.
#      InnoDB rolls the POST's transaction back (1213) and the client gets
#      the row; the client then rolls back, and the request, run again,
#      creates the application.
# (The client cannot take the remittent's staff row first: the POST's
# INSERT INTO form_once would then wait for it before it claims anything,
# through the form_once -> staff foreign key, and no cycle closes.)
# Expected: 303, one application, the log's "deadlock, running it again"
# for it and no 500. Three rounds, each with a key and a person of its own.
. "$(dirname "$0")/lib.sh"

P=t_dlk_$$
FK=$(org_id_of Försäkringskassan)
mk_account "${P}_a" "$FK" remittent
A_ID=$(staff_id_of "${P}_a")
INSATS=$(q "SELECT MIN(id) FROM insats WHERE active = 1")
as "${P}_a" > /dev/null
TMPD=$(mktemp -d)
at_exit 'rm -rf "$TMPD"'
log_since() { tail -n +"$(($1 + 1))" "$VAR/log/stegvis.log"; }

# The second session: statements go in through a fifo, its answers (and
# its errors) come out in a file, one line each (-n: unbuffered).
mkfifo "$TMPD/in"
mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" -N -B -n -f stegvis \
	< "$TMPD/in" > "$TMPD/out" 2>&1 &
CLIENT=$!
exec 7> "$TMPD/in"
at_exit 'exec 7>&-; kill "$CLIENT" 2> /dev/null; wait "$CLIENT" 2> /dev/null'
# send SQL…: to the client. said TEXT: the client has answered TEXT.
send() { printf '%s\n' "$@" >&7; }
said() { grep -qxF -- "$1" "$TMPD/out"; }
send "SELECT CONCAT('cid ', CONNECTION_ID());"
wait_for 20 bash -c "grep -q '^cid ' '$TMPD/out'"
CID=$(sed -n 's/^cid //p' "$TMPD/out")
check "the second session is connected" test -n "$CID"
send "CREATE TEMPORARY TABLE ballast (n INT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB;" \
	"INSERT INTO ballast SELECT seq, 0 FROM seq_1_to_400;"
# waits_on_client: a transaction waits for a lock the client holds.
waits_on_client() {
	[ "$(q "SELECT COUNT(*) FROM information_schema.INNODB_LOCK_WAITS w
		JOIN information_schema.INNODB_TRX b ON b.trx_id = w.blocking_trx_id
		WHERE b.trx_mysql_thread_id = $CID")" -gt 0 ]
}
refs_named() { q "SELECT COUNT(*) FROM referral r JOIN referral_person p ON p.referral_id = r.id WHERE p.first_name = '$1'"; }

# try ROUND N: one attempt at the cycle. Its outcome is checked whatever
# happens; it returns 0 when the POST was the deadlock victim and ran
# again (the log says so), 1 when it was not: about one run in six under
# load once had a round whose outcome was right but without the deadlock,
# cause not found. Such an attempt proves nothing either way, so a round
# has up to four attempts and says what the client and the log saw.
try_round() {
	local round=$1 n=$2 PNR KEY CSRF NAME logl outl POST ran
	PNR=$(pnr 19800101)
	q "INSERT INTO person (personnummer, id_kind, birth_year) VALUES ('$PNR', 'personnummer', 1980)"
	aget "${P}_a" /ansokningar/ny > /dev/null
	KEY=$(hidden skapanyckel)
	CSRF=$(form_csrf)
	NAME="Låst${round}x${n}x$$"
	logl=$(wc -l < "$VAR/log/stegvis.log")
	outl=$(wc -l < "$TMPD/out")
	# 1. heavy, and the person row
	send "BEGIN;" "UPDATE ballast SET v = v + 1;" \
		"SELECT id FROM person WHERE personnummer = '$PNR' FOR UPDATE;" \
		"SELECT 'locked $round $n';"
	wait_for 20 said "locked $round $n"
	# 2. the POST claims its key and waits for the person row
	curl -sS -o /dev/null -w '%{http_code}' --max-time 60 -b "$(jar "${P}_a")" \
		--data-urlencode "csrf=$CSRF" --data-urlencode "personnummer=$(dash "$PNR")" \
		--data-urlencode "fornamn=$NAME" --data-urlencode "efternamn=Väntasson" \
		--data "insats=$INSATS" --data "atgard=spara" --data-urlencode "skapanyckel=$KEY" \
		"$BASE/ansokningar/ny" > "$TMPD/code" 2> /dev/null &
	POST=$!
	check "round $round.$n: the POST has claimed its key and waits for the person row" \
		wait_for 20 waits_on_client
	# 3. close the cycle, then let go
	send "SELECT CONCAT('once ', COUNT(*)) FROM form_once WHERE staff_id = $A_ID AND once_key = '$KEY' FOR UPDATE;" \
		"ROLLBACK;" "SELECT 'released $round $n';"
	wait_for 20 said "released $round $n"
	wait "$POST"
	eq "round $round.$n: the client was not the victim" "$(tail -n +"$((outl + 1))" "$TMPD/out" | grep -c ERROR)" 0
	eq "round $round.$n: the POST answers 303, not 500" "$(cat "$TMPD/code")" 303
	eq "round $round.$n: one application" "$(refs_named "$NAME")" 1
	eq "round $round.$n: linked to the waited-for person" \
		"$(q "SELECT COUNT(*) FROM referral r JOIN person p ON p.id = r.person_id JOIN referral_person rp ON rp.referral_id = r.id WHERE rp.first_name = '$NAME' AND p.personnummer = '$PNR'")" 1
	eq "round $round.$n: the key holds its location" \
		"$(q "SELECT location RLIKE '^/ansokningar/[0-9]+[?]sparat=1\$' FROM form_once WHERE staff_id = $A_ID AND once_key = '$KEY'")" 1
	eq "round $round.$n: no 500 in the log" "$(log_since "$logl" | grep -c -- '-> 500')" 0
	ran=$(log_since "$logl" | grep -c 'POST /ansokningar/ny: deadlock, running it again (1)')
	[ "$ran" = 1 ] && return 0
	# What happened instead, for whoever reads the output.
	echo "# round $round.$n: the POST was not the deadlock victim (log lines: $ran); the client said:"
	tail -n +"$((outl + 1))" "$TMPD/out" | sed 's/^/#   /'
	echo "# and the log:"
	log_since "$logl" | sed 's/^/#   /'
	return 1
}

for round in 1 2 3; do
	ran=0
	for n in 1 2 3 4; do
		if try_round "$round" "$n"; then ran=1; break; fi
	done
	eq "round $round: the POST was the deadlock victim and the log says it ran again" "$ran" 1
done

done_testing
