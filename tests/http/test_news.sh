# News since the last visit (issue 15, item 13; include/news.h): a first
# login says there is nothing earlier; the next one names the last visit
# in Swedish time and lists what happened on the remittent's own
# applications since (decisions, starts, ends, summaries), never another
# remittent's application, nothing decided before the last visit, and
# nothing whose details the waiver no longer lets them see. The insats
# staff see the applications new to their insatser since. A remittent of
# the test's own (so earlier logins of the demo accounts do not matter).
. "$(dirname "$0")/lib.sh"

TAG=$$
# An insats of the test's own (room for everyone) and its staff member.
q "INSERT INTO insats (forbund_id, host_organisation_id, name, short_name, slug, period_start, places, active)
	SELECT forbund_id, host_organisation_id, 'Nytt $TAG', 'Nytt$TAG', 'nytt-$TAG', '2020-01-01', 100, 1
	FROM insats WHERE short_name = 'Case Manager'"
CMI=$(lookup_one "insats nytt-$TAG" "SELECT id FROM insats WHERE slug = 'nytt-$TAG'")
at_exit "q \"DELETE FROM staff_insats WHERE insats_id = $CMI; UPDATE insats SET active = 0 WHERE id = $CMI\""
S="nyper$TAG"
mk_account "$S" "$(q "SELECT host_organisation_id FROM insats WHERE id = $CMI")" insatspersonal
CM=$(staff_id_of "$S")
q "INSERT INTO staff_insats (staff_id, insats_id) VALUES ($CM, $CMI)"
R="nyrem$TAG"
mk_account "$R" "$(org_of remittent.fk)"
RID=$(staff_id_of "$R")
eq "the insats's staff member logs in" "$(as "$S")" 303

# ref_of REMITTENT_ID LAST [DAYS_AGO]: a submitted referral to the
# insats by that remittent, with a waiver naming their organisation;
# prints its id.
ref_of() {
	local id
	id=$(q "INSERT INTO person (personnummer, id_kind, birth_year)
		VALUES ('$(new_pnr 1970 30)', 'personnummer', 1980);
	  INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status, submitted_at)
		SELECT LAST_INSERT_ID(), $CMI, id, organisation_id, 'inskickad', UTC_TIMESTAMP() - INTERVAL ${3:-60} DAY
		FROM staff WHERE id = $1;
	  SET @r = LAST_INSERT_ID();
	  INSERT INTO referral_person (referral_id, first_name, last_name, gender) VALUES (@r, 'Ny', '$2', 'man');
	  SELECT @r")
	give_waiver "$id" > /dev/null
	echo "$id"
}
# decide ID ACTION [args]: the staff member decides; prints the status.
decide() {
	local id=$1 what=$2
	shift 2
	apost "$S" "/inkorg/$id/beslut" --data "beslut=$what" --data "version=$(ref_version "$id")" "$@"
}
admit() {
	decide "$1" anta --data "startdatum=$2" --data "planerat_slut=$(day 60)" --data "kontaktperson=$CM" --data timmar=8
}
# row_of ID: the news row linking to referral ID in the last body.
row_of() { grep -o "<tr><td data-label=\"Datum\">[^<]*</td><td data-label=\"Händelse\">[^<]*</td><td data-label=\"Deltagare\"><a href=\"/ansokningar/$1\">" "$BODY"; }
has_row() { grep -qF "<td data-label=\"Händelse\">$2</td><td data-label=\"Deltagare\"><a href=\"/ansokningar/$1\">" "$BODY"; }
no_link() { ! grep -q "href=\"/ansokningar/$1\"" "$BODY"; }

# Before the first login: B decided (must never show: before any visit),
# E admitted (it will end between the visits).
B=$(ref_of "$RID" "Fore$TAG")
E=$(ref_of "$RID" "Slut$TAG")
eq "B is advised against before the first login" "$(decide "$B" avrada --data avrada_orsak=halsa --data-urlencode "avrada_motivering=Inte nu")" 303
eq "E is admitted before the first login" "$(admit "$E" "$(day -30)")" 303
PE=$(q "SELECT id FROM participation WHERE referral_id = $E")

# --- The first login
eq "the remittent logs in for the first time" "$(as "$R")" 303
eq "the start page" "$(aget "$R" /start)" 200
expect_body "says there is nothing earlier to compare with" "Det här är din första inloggning"
check "lists nothing" no_link "$B"

# --- Between two visits
eq "the remittent logs in again" "$(as "$R")" 303
PREV=$(q "SELECT DATE_FORMAT(previous_login_at, '%Y-%m-%d %H:%i:%s') FROM staff WHERE id = $RID")
SHOWN=$(TZ=Europe/Stockholm date -d "$PREV UTC" '+%F %H:%M')
# The decisions below come a second later than the visit at least.
sleep 1
A=$(ref_of "$RID" "Anta$TAG")
W=$(ref_of "$RID" "Vant$TAG")
O=$(ref_of "$(staff_id_of remittent.soc)" "Annan$TAG")
H=$(ref_of "$RID" "Dold$TAG")
eq "A is admitted, starting today" "$(admit "$A" "$TODAY")" 303
eq "W goes to the waiting list" "$(decide "$W" vantelista)" 303
eq "another remittent's application is admitted" "$(admit "$O" "$TODAY")" 303
eq "H is admitted" "$(admit "$H" "$TODAY")" 303
# G's waiver does not name planering: its decision is news, its start
# (the participation's course, VIS_FOLLOW) is not.
G=$(ref_of "$RID" "Utanplan$TAG")
eq "G is admitted" "$(admit "$G" "$TODAY")" 303
q "DELETE FROM consent_consent_category WHERE category_code = 'planering' AND consent_id IN
     (SELECT id FROM consent WHERE referral_id = $G AND kind = 'sekretess')"
# H's waiver is then revoked: the remittent sees only that H exists.
revoke_waiver "$(q "SELECT id FROM consent WHERE referral_id = $H AND kind = 'sekretess'")"
eq "E's participation is ended" "$(apost "$S" "/deltagande/$PE/avslut" --data "version=$(part_version "$PE")" \
	--data "slutdatum=$TODAY" --data avslutsorsak=studier --data sysselsattning_efter=studier --data forsorjning_efter=studiemedel)" 303
eq "and its summary sent" "$(send_summary "$(jar "$S")" "$PE")" 303

# --- The third visit (a second after the last change: the change
# history's times have milliseconds, the login's whole seconds, so a
# change in the login's own second would be news at the fourth visit too)
sleep 1
eq "the remittent logs in a third time" "$(as "$R")" 303
eq "the start page" "$(aget "$R" /start)" 200
check "no longer says first login" body_lacks "Det här är din första inloggning"
expect_body "names the last visit in Swedish time" "Ditt förra besök: $SHOWN (svensk tid)."
check "A's admission" has_row "$A" "Beslut: Antagen"
check "A's start, dated today" bash -c "grep -qF '<tr><td data-label=\"Datum\">$TODAY</td><td data-label=\"Händelse\">Start</td><td data-label=\"Deltagare\"><a href=\"/ansokningar/$A\">' '$BODY'"
check "W on the waiting list" has_row "$W" "Beslut: Väntelista"
check "E's end" has_row "$E" "Avslut"
check "E's summary" has_row "$E" "Sammanfattning skickad"
check "a decision's time is labelled Swedish time" bash -c "grep -o '<td data-label=\"Datum\">[^<]*</td><td data-label=\"Händelse\">Beslut: Antagen</td><td data-label=\"Deltagare\"><a href=\"/ansokningar/$A\">' '$BODY' | grep -q '(svensk tid)'"
check "not another remittent's application" no_link "$O"
check "not one decided before the last visit" no_link "$B"
check "not one whose waiver was revoked" no_link "$H"
check "G's admission (the referral's details)" has_row "$G" "Beslut: Antagen"
check "but not G's start (no planering in the waiver)" bash -c "! grep -qF '<td data-label=\"Händelse\">Start</td><td data-label=\"Deltagare\"><a href=\"/ansokningar/$G\">' '$BODY'"
check "E's admission was before the last visit" bash -c "! grep -qF 'Beslut: Antagen</td><td data-label=\"Deltagare\"><a href=\"/ansokningar/$E\">' '$BODY'"
eq "the read is in the access log" "$(audits "staff_id = $RID AND object_type = 'referral_list' AND detail LIKE 'news: %'")" 1

# --- The fourth visit: nothing new
eq "the remittent logs in a fourth time" "$(as "$R")" 303
eq "the start page" "$(aget "$R" /start)" 200
expect_body "says nothing is new" "Inget nytt på dina ansökningar."

# --- The insats staff: applications new since their last visit
eq "the staff member logs in (a visit)" "$(as "$S")" 303
sleep 1
N=$(ref_of "$RID" "Inkom$TAG" 0)
F=$(fixture_referral "$(insats_id_of "Friska Vindar 2.0")" Ny "Annaninsats$TAG" "" inskickad 0)
WD=$(ref_of "$RID" "Aterkallad$TAG" 0)
q "UPDATE referral SET status = 'aterkallad', withdrawn_at = UTC_TIMESTAMP() WHERE id = $WD"
eq "the staff member logs in again" "$(as "$S")" 303
eq "the staff member's start page" "$(aget "$S" /start)" 200
expect_body "lists the new application to their insats" "href=\"/inkorg/$N\""
check "not the one to Friska Vindar" body_lacks "href=\"/inkorg/$F\""
check "not the withdrawn one" body_lacks "href=\"/inkorg/$WD\""
check "not the ones submitted before the last visit" body_lacks "href=\"/inkorg/$A\""

# --- A long absence: remittent.fk (the demo's busiest) sees the newest
# NEWS_MAX_ROWS items and is told that there are more.
q "UPDATE staff SET last_login_at = '2000-01-01 00:00:00' WHERE username = 'remittent.fk'"
log_in RF remittent.fk
expect_status "remittent.fk's start page after a long absence" 200 -b "$RF" "$BASE/start"
eq "lists the newest 100 items" "$(grep -c '<td data-label="Händelse">' "$BODY")" 100
expect_body "and says there are more" "Visar de 100 senaste händelserna. Äldre finns på respektive ansökan."

done_testing
