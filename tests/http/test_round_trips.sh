# Round trips: a personal page loads its entity graph in a few statements
# (issue 13). Counted with MariaDB's own counter around one request.
. "$(dirname "$0")/lib.sh"

J=$(new_jar)
login "$J" personal.fv > /dev/null
# A participation of personal.fv's insats, in progress.
part=$(sql_admin "SELECT MIN(p.id) FROM participation p JOIN staff_insats si
	ON si.insats_id = p.insats_id JOIN staff s ON s.id = si.staff_id
	WHERE s.username = 'personal.fv' AND p.status = 'inskriven'")

n=$(statements_of "$J" "/deltagande/$part")
# 5 (issue 19 asks 6 at most): the panel's statement folded into the lists'
# must not come apart again.
check "GET /deltagande/:id runs at most 5 statements (ran $n)" \
	test "$n" != "?" -a "$n" -le 5
n=$(statements_of "$J" /inkorg)
check "GET /inkorg runs at most 6 statements (ran $n)" \
	test "$n" != "?" -a "$n" -le 6
# The start page is a dashboard of lists (issue 15: the news since the
# last visit with its own look-up of that visit, and the overdue lists with
# their audit row come on top of the six-month follow-ups): at most 9.
n=$(statements_of "$J" /start)
check "GET /start runs at most 9 statements (ran $n)" \
	test "$n" != "?" -a "$n" -le 9

done_testing
