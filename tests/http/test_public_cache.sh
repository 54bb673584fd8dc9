# The workers' copy of the anonymous start page (issue 19, app/public_cache.c):
# every worker keeps GET / and serves it again while the database's public
# page generation (sql/0045) is unchanged. A change to an insats (through
# the admin form, or by SQL), a goal or a host organisation's name shows
# on the very next request on every worker: many requests, none stale.
# Signed-in staff never get the kept page, and a database outage is a 503
# as before.
. "$(dirname "$0")/lib.sh"

N=24 # requests per round: eight or so for each of the three workers
TMPD=$(mktemp -d)

# Our own stegvis (lib.sh): each of its three workers keeps the page from
# one round to the next.
own_stegvis "$TMPD"

export TMPD

# Rounds of N anonymous GET / (round, with, both, change: lib.sh).
OWN_FETCH=own_root

# A client that sends the empty stdin record after the params (cgi-fcgi,
# unlike nginx) still gets every answer: the worker reads that record
# before it closes (app/worker.c). Without it, about one call in three
# here found the connection closed and read nothing.
lost=0
for _ in $(seq 300); do
	env -i REQUEST_METHOD=GET DOCUMENT_URI=/ QUERY_STRING= REMOTE_ADDR=127.0.0.1 \
		cgi-fcgi -bind -connect "$TMPD/own.sock" < /dev/null 2> /dev/null \
		| grep -q '^Status: 200' || lost=$((lost + 1))
done
eq "300 plain cgi-fcgi calls, each answered" "$lost" 0
# A client that never ends its stdin holds a worker for a moment at most:
# it gets its answer and the close, and the workers serve on.
perl "$ROOT/tests/http/fcgi_no_stdin.pl" "$TMPD/own.sock" > "$TMPD/no-stdin"
eq "a client that never ends its stdin gets its answer and the close" \
	"$(grep -c -e '^Status: 200' -e '^end$' "$TMPD/no-stdin")" 2

eq "admin logs in" "$(as admin)" 303
TH=$(org_id_of "Trollhättans Stad")

# An organisation and an insats of this test's own, through the admin forms.
ORG="Cacheenheten $$"
eq "an organisation of our own" "$(apost admin /admin/organisationer/ny --data-urlencode "namn=$ORG" \
	--data "kortnamn=CE" --data "typ=unit" --data "overordnad=$TH" --data "aktiv=1")" 303
OID=$(q "SELECT id FROM organisation WHERE name = '$ORG'")
slug=cache-$$
fields=(--data-urlencode "kortnamn=Cache $$" --data "slug=$slug" --data "huvudman=$OID"
	--data-urlencode "beskrivning=Prov" --data-urlencode "plats=Storgatan 1" --data-urlencode "malgrupp=Unga vuxna"
	--data "inriktning=individ" --data "matmetod=personuppgifter" --data "start=2024-01-01"
	--data "slut=" --data "platser=713" --data "timmar_min=" --data "timmar_max="
	--data "veckor_min=" --data "veckor_max=" --data "sammanfattning_dagar=" --data "aktiv=1"
	--data "mal1_typ=arbete" --data-urlencode "mal1_text=Till arbete $$" --data "mal1_taljare=3" --data "mal1_namnare=10")

new_insats() {
	eq "the insats is created through the admin form" \
		"$(apost admin /admin/insatser/ny --data-urlencode "namn=Cacheinsatsen $$" "${fields[@]}")" 303
}
change "created" "" "Cacheinsatsen $$" new_insats
IID=$(q "SELECT id FROM insats WHERE slug = '$slug'")

edit_insats() {
	aget admin "/admin/insatser/$IID" > /dev/null
	eq "the insats is renamed through the admin form" "$(apost admin "/admin/insatser/$IID" \
		--data-urlencode "version=$(hidden version)" --data-urlencode "namn=Cacheinsatsen ändrad $$" "${fields[@]}")" 303
}
change "admin form" "Cacheinsatsen $$<" "Cacheinsatsen ändrad $$<" edit_insats
change "insats by SQL" "<dd>713</dd>" "<dd>817</dd>" q "UPDATE insats SET places = 817 WHERE id = $IID"
change "goal by SQL" "Till arbete $$" "Till studier $$" \
	q "UPDATE insats_goal SET label = 'Till studier $$' WHERE insats_id = $IID"
change "host name" "$ORG" "Cacheenheten ny $$" \
	q "UPDATE organisation SET name = 'Cacheenheten ny $$' WHERE id = $OID"

# A worker that has the page reads one statement: the generation.
check "a worker with the page runs one statement for GET / ($(statements_of "$(new_jar)" /))" \
	test "$(statements_of "$(new_jar)" /)" = 1

# Signed-in staff get the page with their name and form token, never the
# kept one; anonymous visitors after them never get theirs.
expect_status "signed in: GET / is 200" 200 -b "$(jar admin)" "$BASE/"
expect_body "with the logout form" 'action="/logga-ut"'
expect_body "and the insats" "Cacheinsatsen ändrad $$"
for i in $(seq 12); do curl -s "$BASE/" > "$TMPD/anon-$i"; done
eq "anonymous after them: no answer has the logout form" \
	"$(grep -lF 'action="/logga-ut"' "$TMPD"/anon-* | wc -l)" 0
eq "anonymous after them: every answer has the insats" \
	"$(grep -lF "Cacheinsatsen ändrad $$" "$TMPD"/anon-* | wc -l)" 12
expect_status "an unknown session cookie: 200" 200 -b "stegvis_session=0123456789abcdef" "$BASE/"
expect_body "the public page" "Cacheinsatsen ändrad $$"

# A database outage is a 503, not the kept page, on every worker.
bash "$ROOT/conf/devstack.sh" db-stop "$VAR"
at_exit "bash '$ROOT/conf/devstack.sh' db-start '$VAR' > /dev/null"
eq "database down: no answer is a 200" "$(round outage)" "$N"
eq "database down: every answer is a 503" "$(grep -l '^Status: 503' "$TMPD/outage"/* | wc -l)" "$N"
eq "database down: all three workers answered" "$(wc -l < "$TMPD/outage.workers")" 3
bash "$ROOT/conf/devstack.sh" db-start "$VAR" > /dev/null
check "database back: GET / is 200 again" wait_for 20 bash -c \
	"[ \"\$(curl -s -o /dev/null -w '%{http_code}' '$BASE/')\" = 200 ]"

# Not public any more: gone from the page on every worker.
change "deactivated" "Cacheinsatsen ändrad $$" "" q "UPDATE insats SET active = 0 WHERE id = $IID"

done_testing
