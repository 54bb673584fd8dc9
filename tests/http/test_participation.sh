# The insats staff's pages: the inbox and its decisions, a participant's
# whole path (admit, plan, mid-term follow-up, extension, end, summary),
# the lists and the search, access, audit, history and bad input.
# Fixtures (persons and submitted referrals) are made with SQL, since the
# application form is another feature; the demo accounts are only logged
# in as, and every insats setting changed here is restored.
. "$(dirname "$0")/lib.sh"

FVI=$(insats_id_of "Friska Vindar 2.0")
TRH=$(insats_id_of "Trampolinen TH")
FV_ID=$(staff_id_of personal.fv)
TRAMP_ID=$(staff_id_of personal.tramp)
EB=$(org_id_of "Ekonomiskt bistånd (försörjningsstöd)" "Trollhättans Stad")

log_in FV personal.fv
log_in TR personal.tramp
log_in RJ remittent.fk
log_in FJ forbund
log_in AJ admin

PLACES=$(q "SELECT IFNULL(places, 'NULL') FROM insats WHERE id = $FVI")
at_exit 'q "UPDATE insats SET places = $PLACES WHERE id = $FVI" > /dev/null 2>&1'

PNR1=$(new_pnr)
R1=$(new_referral "$FVI" Testa Vägsson kvinna "$PNR1" 120)
q "INSERT INTO referral_income (referral_id, income_code) VALUES ($R1, 'forsorjningsstod');
   INSERT INTO referral_coremittent (referral_id, organisation_id, name, contact) VALUES ($R1, $EB, 'Medre Mittent', '0520-1');"
check "fixture referral created" test -n "$R1"

# --- The inbox: the new referral, occupancy per insats
NOW=$(q "SELECT COUNT(*) FROM participation WHERE insats_id = $FVI AND status = 'inskriven'")
before=$(audits "object_type = 'referral_list' AND username = 'personal.fv'")
expect_inbox "GET /inkorg" "$FV"
expect_body "the inbox links the new referral" "<a href=\"/inkorg/$R1\">Testa Vägsson</a>"
expect_body "the inbox shows occupancy: inskrivna of places" "<tr><td data-label=\"Insats\">Friska Vindar 2.0</td><td data-label=\"Inskrivna\">$NOW</td><td data-label=\"Platser\">$PLACES</td>"
check "the inbox shows no personnummer" body_lacks "$PNR1"
check "the inbox lists only the caller's insatser" body_lacks "Trampolinen Lilla Edet"
expect_header "personal data is not cached" "Cache-Control: no-store"
eq "viewing the inbox is logged, once a page" "$(audits "object_type = 'referral_list' AND username = 'personal.fv'")" $((before + INBOX_PAGES))
expect_inbox "personal.tramp's inbox" "$TR"
check "does not list a Friska Vindar referral" body_lacks "/inkorg/$R1\""

# --- The referral in full
before=$(audits "action = 'read' AND object_type = 'referral' AND object_id = $R1 AND personnummer = '$PNR1'")
expect_status "GET /inkorg/:id" 200 -b "$FV" "$BASE/inkorg/$R1"
expect_body "shows the personnummer as ÅÅÅÅMMDD-NNNN" "${PNR1:0:8}-${PNR1:8:4}"
expect_body "shows the background" "Bakgrund Vägsson"
expect_body "shows the needs" "Behov av stöd Vägsson"
expect_body "shows the income sources" "Försörjningsstöd (ekonomiskt bistånd)"
expect_body "shows the medremittent" "Medre Mittent"
expect_body "offers the contact persons of the insats" "<option value=\"$FV_ID\" selected>Demo Personal Friska Vindar 2.0</option>"
check "but not staff of other insatser" body_lacks "Demo Personal Trampolinen"
expect_body "shows the occupancy" "Insatsen har $NOW inskrivna av $PLACES platser."
eq "reading the referral writes a read row with the personnummer" \
	"$(audits "action = 'read' AND object_type = 'referral' AND object_id = $R1 AND personnummer = '$PNR1'")" $((before + 1))

V1=$(q "SELECT version FROM referral WHERE id = $R1")
# --- Admit: every error at once, typed values kept, nothing stored
got=$(post "$FV" "/inkorg/$R1/beslut" --data "beslut=anta" --data "version=$V1" --data "startdatum=" \
	--data "planerat_slut=2024-02-30" --data "kontaktperson=" --data "timmar=41")
eq "an admission with errors is 400" "$got" 400
expect_body "start date required" '<p class="error" id="an-start-fel">Fältet måste fyllas i.</p>'
expect_body "no such date" '<p class="error" id="an-slut-fel">Datumet finns inte i kalendern.</p>'
expect_body "contact person required" '<p class="error" id="an-kontakt-fel">Välj en kontaktperson bland insatsens personal.</p>'
expect_body "hours 1..40" '<p class="error" id="an-timmar-fel">Ange ett heltal mellan 1 och 40.</p>'
expect_body "the typed date is kept" 'value="2024-02-30"'
expect_body "the typed hours are kept" 'value="41"'
eq "four inputs are marked aria-invalid" "$(grep -c 'aria-invalid="true"' "$BODY")" 4
got=$(post "$FV" "/inkorg/$R1/beslut" --data "beslut=anta" --data "version=$V1" --data "startdatum=$(day -100)" \
	--data "planerat_slut=$(day -101)" --data "kontaktperson=$TRAMP_ID" --data "timmar=8" --data "sysselsattning_fore=hittepa")
eq "end before start, a contact from another insats, an unknown code: 400" "$got" 400
expect_body "end before start" "Planerat slut måste vara efter startdatumet."
expect_body "the contact must be the insats's staff" '<p class="error" id="an-kontakt-fel">Välj en kontaktperson bland insatsens personal.</p>'
expect_body "unknown occupation code" '<p class="error" id="an-syss-fel">Välj ett av alternativen i listan.</p>'
expect_body "the start date is kept" "value=\"$(day -100)\""
got=$(post "$FV" "/inkorg/$R1/beslut" --data "beslut=anta" --data "version=$V1" --data "startdatum=$(day -200)" \
	--data "planerat_slut=$(day -10)" --data "kontaktperson=$FV_ID" --data "timmar=8")
eq "a start before the application came in is 400" "$got" 400
expect_body "with its message" "Startdatumet kan inte vara före dagen då ansökan kom in."
eq "nothing was stored" "$(q "SELECT CONCAT(status, version, (SELECT COUNT(*) FROM participation WHERE referral_id = $R1)) FROM referral WHERE id = $R1")" "inskickad${V1}0"
got=$(post "$FV" "/inkorg/$R1/beslut" --data "beslut=hack" --data "version=$V1")
eq "a tampered decision is 400" "$got" 400
expect_body "with a message" "Välj ett av besluten på sidan."
got=$(post "$FV" "/inkorg/$R1/beslut" --data "beslut=aterfor" --data "version=abc" --data "aterfor_motivering=x")
eq "a tampered version is 400" "$got" 400
expect_body "with a message" "Formuläret är ofullständigt eller ändrat."
expect_body "and the typed reason kept" ">x</textarea>"

# --- Admit
got=$(post "$FV" "/inkorg/$R1/beslut" --data "beslut=anta" --data "version=$V1" --data "startdatum=$(day -100)" \
	--data "planerat_slut=$(day -10)" --data "kontaktperson=$FV_ID" --data "timmar=8" --data "sysselsattning_fore=annan")
eq "admitting answers 303" "$got" 303
P1=$(q "SELECT id FROM participation WHERE referral_id = $R1")
expect_header "to the new participation" "Location: /deltagande/$P1?antagen=1"
eq "the participation is stored" "$(q "SELECT CONCAT_WS('|', status, start_date, planned_end_date, contact_id, hours_per_week, occupation_before_code, insats_id) FROM participation WHERE id = $P1")" \
	"inskriven|$(day -100)|$(day -10)|$FV_ID|8|annan|$FVI"
eq "the referral is antagen, decided by personal.fv" "$(q "SELECT CONCAT_WS('|', status, decided_by, decided_at IS NOT NULL, version) FROM referral WHERE id = $R1")" "antagen|$FV_ID|1|$((V1 + 1))"
eq "the decision is in the access log" "$(audits "action = 'update' AND object_type = 'referral' AND object_id = $R1 AND personnummer = '$PNR1' AND detail = 'decision: antagen'")" 1
eq "the new participation is in the access log" "$(audits "action = 'create' AND object_type = 'participation' AND object_id = $P1 AND personnummer = '$PNR1'")" 1
eq "the referral's history has the status change" "$(q "SELECT CONCAT(old_value, '>', new_value) FROM change_history WHERE record_type = 'referral' AND record_id = $R1 AND field = 'status'")" "inskickad>antagen"
eq "the participation's history has its start" "$(q "SELECT new_value FROM change_history WHERE record_type = 'participation' AND record_id = $P1 AND field = 'start_date'")" "$(day -100)"
NOW1=$((NOW + 1))
expect_inbox "the inbox" "$FV"
check "no longer lists the admitted referral" body_lacks "/inkorg/$R1\""
expect_body "and counts one more participant" "<tr><td data-label=\"Insats\">Friska Vindar 2.0</td><td data-label=\"Inskrivna\">$NOW1</td>"

# --- A second decision on the same referral
got=$(post "$FV" "/inkorg/$R1/beslut" --data "beslut=avrada" --data "version=$((V1 + 1))" --data "avrada_orsak=halsa" --data "avrada_motivering=Nej")
eq "a second decision is 409" "$got" 409
expect_body "with a message" "Ansökan är redan beslutad och kan inte beslutas igen."
eq "and changes nothing" "$(q "SELECT CONCAT(status, version) FROM referral WHERE id = $R1")" "antagen$((V1 + 1))"
expect_status "the decided referral shows its decision" 200 -b "$FV" "$BASE/inkorg/$R1"
expect_body "with a link to the participation" "<a href=\"/deltagande/$P1\">Till deltagandet</a>"
check "and no decision forms" body_lacks 'name="beslut"'

# --- The participation page; reading it is logged and shown in "who has looked"
before=$(audits "action = 'read' AND object_type = 'participation' AND object_id = $P1 AND personnummer = '$PNR1'")
expect_status "GET /deltagande/:id" 200 -b "$FV" "$BASE/deltagande/$P1?antagen=1"
expect_body "says the referral was admitted" "Ansökan är antagen och deltagandet inskrivet."
expect_body "shows the personnummer" "${PNR1:0:8}-${PNR1:8:4}"
expect_body "shows the contact person" "<dt>Kontaktperson</dt><dd>Demo Personal Friska Vindar 2.0</dd>"
expect_header "is not cached" "Cache-Control: no-store"
eq "reading it writes a read row with the personnummer" \
	"$(audits "action = 'read' AND object_type = 'participation' AND object_id = $P1 AND personnummer = '$PNR1'")" $((before + 1))
expect_body "who has looked: this read, by personal.fv" "(personal.fv)</td><td data-label=\"Vad\">Läste deltagande i Friska Vindar 2.0</td>"
expect_body "who has looked: the admission" "Skapade deltagande i Friska Vindar 2.0"
expect_body "who has looked: the referral read" "Läste ansökan till Friska Vindar 2.0"
expect_body "the change history is shown" "<td data-label=\"Uppgift\">Startdatum</td><td data-label=\"Från\"></td><td data-label=\"Till\">$(day -100)</td>"

# --- The individual plan
V=$(part_version "$P1")
got=$(post "$FV" "/deltagande/$P1/plan" --data "version=$V" --data-urlencode "aktivitet_1=Promenadgrupp" --data "timmar_1=4" \
	--data-urlencode "aktivitet_2=Arbetsträning" --data "timmar_2=6")
eq "saving the plan answers 303" "$got" 303
expect_header "back to the page" "Location: /deltagande/$P1?sparat=1"
eq "the activities are stored" "$(q "SELECT GROUP_CONCAT(CONCAT(activity, ':', hours_per_week) ORDER BY sort_order) FROM participation_activity WHERE participation_id = $P1")" "Promenadgrupp:4,Arbetsträning:6"
eq "the hours per week are their sum" "$(q "SELECT hours_per_week FROM participation WHERE id = $P1")" 10
eq "the plan change is in the history" "$(q "SELECT new_value FROM change_history WHERE record_type = 'participation' AND record_id = $P1 AND field = 'activities'")" "Promenadgrupp (4 h); Arbetsträning (6 h)"
eq "and in the access log" "$(audits "action = 'update' AND object_type = 'participation' AND object_id = $P1 AND detail = 'plan'")" 1
V=$(part_version "$P1")
got=$(post "$FV" "/deltagande/$P1/plan" --data "version=$V" --data-urlencode "aktivitet_1=Simning" --data "timmar_1=30" \
	--data-urlencode "aktivitet_2=Kurs" --data "timmar_2=20")
eq "more than 40 hours in all is 400" "$got" 400
expect_body "with the message" "Sammanlagt högst 40 timmar i veckan (heltid)."
expect_body "the typed activity is kept" 'value="Simning"'
expect_body "the typed hours are kept" 'value="20"'
got=$(post "$FV" "/deltagande/$P1/plan" --data "version=$V" --data-urlencode "aktivitet_1=Yoga" --data "timmar_1=" \
	--data "aktivitet_2=" --data "timmar_2=41")
eq "an activity without hours and 41 hours: 400" "$got" 400
expect_body "hours missing" '<p class="error" id="timmar-1-fel">Ange timmar i veckan för aktiviteten.</p>'
expect_body "hours out of range" '<p class="error" id="timmar-2-fel">Ange ett heltal mellan 1 och 40.</p>'
eq "the plan is unchanged" "$(q "SELECT CONCAT(COUNT(*), '/', (SELECT version FROM participation WHERE id = $P1)) FROM participation_activity WHERE participation_id = $P1")" "2/$V"

# --- Mid-term follow-up (more in test_midterm.sh)
expect_status "the add form" 200 -b "$FV" "$BASE/deltagande/$P1?form=mittuppfoljning"
K1=$(hidden nyckel)
got=$(post "$FV" "/deltagande/$P1/mittuppfoljning" --data "nyckel=$K1" --data "datum=$(day 1)" \
	--data-urlencode "deltog=Deltagaren, remittenten" --data-urlencode "anteckning=Går framåt")
eq "a follow-up in the future is 400" "$got" 400
expect_body "with the message" '<p class="error" id="mt-datum-fel">Datumet kan inte ligga i framtiden.</p>'
expect_body "the typed note is kept" ">Går framåt</textarea>"
expect_body "the typed attendees are kept" 'value="Deltagaren, remittenten"'
got=$(post "$FV" "/deltagande/$P1/mittuppfoljning" --data "nyckel=$K1" --data "datum=$(day -101)" --data "deltog=X")
eq "a follow-up before the start is 400" "$got" 400
expect_body "with the message" "Datumet kan inte vara före startdatumet ($(day -100))."
eq "nothing was stored" "$(q "SELECT CONCAT(COUNT(*), '/', (SELECT version FROM participation WHERE id = $P1)) FROM participation_midterm WHERE participation_id = $P1")" "0/$V"
got=$(post "$FV" "/deltagande/$P1/mittuppfoljning" --data "nyckel=$K1" --data "datum=$(day -50)" \
	--data-urlencode "deltog=Deltagaren, remittenten" --data-urlencode "anteckning=Går framåt")
eq "a follow-up answers 303" "$got" 303
eq "it is stored" "$(q "SELECT CONCAT_WS('|', held_date, attendees, note) FROM participation_midterm WHERE participation_id = $P1")" "$(day -50)|Deltagaren, remittenten|Går framåt"

# --- Optimistic locking: a form read before the plan was saved
got=$(post "$FV" "/deltagande/$P1/forlangning" --data "version=$((V - 1))" --data "nytt_slut=$(day 40)" --data-urlencode "orsak=Bara jag")
eq "a stale version is 409" "$got" 409
expect_body "with a clear message" "Någon annan har ändrat uppgifterna medan du arbetade."
expect_body "the typed value is kept" 'value="Bara jag"'
expect_body "the new version is in the form" "name=\"version\" value=\"$(part_version "$P1")\""
eq "nothing was overwritten" "$(q "SELECT COUNT(*) FROM participation_extension WHERE participation_id = $P1")" 0

# --- Extension
V=$(part_version "$P1")
got=$(post "$FV" "/deltagande/$P1/forlangning" --data "version=$V" --data "nytt_slut=$(day -10)" --data "orsak=Behöver mer tid")
eq "a new end not after the current one is 400" "$got" 400
expect_body "with the message" "Det nya slutet måste vara efter det nuvarande planerade slutet ($(day -10))."
got=$(post "$FV" "/deltagande/$P1/forlangning" --data "version=$V" --data "nytt_slut=$(day 30)" --data "orsak=")
eq "an extension without a reason is 400" "$got" 400
expect_body "with the message" '<p class="error" id="fl-orsak-fel">Fältet måste fyllas i.</p>'
got=$(post "$FV" "/deltagande/$P1/forlangning" --data "version=$V" --data "nytt_slut=$(day 30)" --data-urlencode "orsak=Behöver mer tid")
eq "an extension answers 303" "$got" 303
eq "the extension row is stored" "$(q "SELECT CONCAT_WS('|', old_planned_end, new_planned_end, reason, staff_id) FROM participation_extension WHERE participation_id = $P1")" \
	"$(day -10)|$(day 30)|Behöver mer tid|$FV_ID"
eq "the planned end moved" "$(q "SELECT planned_end_date FROM participation WHERE id = $P1")" "$(day 30)"
eq "and the change is in the history" "$(q "SELECT CONCAT(old_value, '>', new_value) FROM change_history WHERE record_type = 'participation' AND record_id = $P1 AND field = 'planned_end_date' AND old_value <> ''")" "$(day -10)>$(day 30)"

# --- End: bad input first, nothing stored, nothing lost
V=$(part_version "$P1")
got=$(post "$FV" "/deltagande/$P1/avslut" --data "version=$V" --data "slutdatum=$(day -101)" --data "avslutsorsak=arbete" \
	--data "sysselsattning_efter=arbete" --data "forsorjning_efter=lon" --data "forsorjning_efter=a_kassa")
eq "an end before the start is 400" "$got" 400
expect_body "with the message" '<p class="error" id="en-datum-fel">Datumet kan inte vara före startdatumet'
expect_body "the typed date is kept" "value=\"$(day -101)\""
expect_body "the chosen reason is kept" '<option value="arbete" selected>Arbete</option>'
expect_body "the ticked income sources are kept (1)" 'value="lon" checked'
expect_body "the ticked income sources are kept (2)" 'value="a_kassa" checked'
got=$(post "$FV" "/deltagande/$P1/avslut" --data "version=$V" --data "slutdatum=$(day 2)" --data "avslutsorsak=hittepa" \
	--data "sysselsattning_efter=arbete" --data "forsorjning_efter=bidrag_x")
eq "a future end, unknown end reason and income code: 400" "$got" 400
expect_body "future refused" '<p class="error" id="en-datum-fel">Datumet kan inte ligga i framtiden.</p>'
expect_body "unknown end reason refused" '<p class="error" id="en-orsak-fel">Välj ett av alternativen i listan.</p>'
expect_body "unknown income code refused" '<p class="error" id="en-forsorjning-fel">Välj ett av alternativen i listan.</p>'
got=$(post "$FV" "/deltagande/$P1/avslut" --data "version=$V" --data "slutdatum=$(day -3)" --data "avslutsorsak=arbete")
eq "an end without occupation and income after is 400" "$got" 400
expect_body "occupation required" "Välj sysselsättning efter insatsen."
expect_body "income required" "Välj minst en försörjning efter insatsen."
eq "nothing of the end was stored" "$(q "SELECT CONCAT(status, IFNULL(end_date, 'NULL'), version, (SELECT COUNT(*) FROM participation_income_after WHERE participation_id = $P1)) FROM participation WHERE id = $P1")" "inskrivenNULL${V}0"
got=$(post "$FV" "/deltagande/$P1/avslut" --data "version=$V" --data "slutdatum=$(day -3)" --data "avslutsorsak=arbete" \
	--data "sysselsattning_efter=arbete" --data "forsorjning_efter=lon" --data "forsorjning_efter=a_kassa")
eq "ending answers 303" "$got" 303
eq "the end is stored, summary due 21 days after the end" \
	"$(q "SELECT CONCAT_WS('|', status, end_date, end_reason_code, occupation_after_code, summary_due_date, summary_sent_at IS NULL) FROM participation WHERE id = $P1")" \
	"avslutad|$(day -3)|arbete|arbete|$(day 18)|1"
eq "the income sources after are stored" "$(q "SELECT GROUP_CONCAT(income_code ORDER BY income_code) FROM participation_income_after WHERE participation_id = $P1")" "a_kassa,lon"
eq "the end is in the history" "$(q "SELECT CONCAT(old_value, '>', new_value) FROM change_history WHERE record_type = 'participation' AND record_id = $P1 AND field = 'status' AND old_value <> ''")" "inskriven>avslutad"
got=$(post "$FV" "/deltagande/$P1/plan" --data "version=$(part_version "$P1")" --data "aktivitet_1=X" --data "timmar_1=4")
eq "an ended participation's plan cannot change: 409" "$got" 409
expect_body "with a message" "Deltagandet är avslutat och kan inte ändras."
expect_status "the page of the ended participation" 200 -b "$FV" "$BASE/deltagande/$P1"
expect_body "shows the summary due date" "<dt>Senast</dt><dd>$(day 18)</dd>"
expect_body "links to the summary" "/deltagande/$P1/sammanfattning"

# --- The summary to the remittent (the document: test_summary.sh)
got=$(send_summary "$FV" "$P1")
eq "sending the summary answers 303" "$got" 303
eq "it is stored" "$(q "SELECT summary_sent_at IS NOT NULL FROM participation WHERE id = $P1")" 1

# --- Overdue summaries: an ended participation past due and not sent
PNR2=$(new_pnr)
R2=$(new_referral "$FVI" Sena Sammansson man "$PNR2" 300)
got=$(post "$FV" "/inkorg/$R2/beslut" --data "beslut=anta" --data "version=1" --data "startdatum=$(day -250)" \
	--data "planerat_slut=$(day -60)" --data "kontaktperson=$FV_ID" --data "timmar=6")
eq "a second participant is admitted" "$got" 303
P2=$(q "SELECT id FROM participation WHERE referral_id = $R2")
got=$(post "$FV" "/deltagande/$P2/avslut" --data "version=$(part_version "$P2")" --data "slutdatum=$(day -30)" --data "avslutsorsak=studier" \
	--data "sysselsattning_efter=studier" --data "forsorjning_efter=studiemedel")
eq "and ended 30 days ago" "$got" 303
eq "its summary was due 9 days ago" "$(q "SELECT summary_due_date FROM participation WHERE id = $P2")" "$(day -9)"
expect_inbox "the inbox" "$FV"
expect_body "counts the overdue summaries with a link" '<a href="/deltagare?forsenad=sammanfattning">'
expect_status "the list of overdue summaries" 200 -b "$FV" "$BASE/deltagare?status=avslutad&forsenad=sammanfattning"
expect_body "has the overdue one" "<a href=\"/deltagande/$P2\">Sammansson, Sena</a>"
check "and not the sent one" body_lacks "<a href=\"/deltagande/$P1\">"
expect_inbox "personal.tramp's inbox" "$TR"
check "does not show Friska Vindar's overdue summary" body_lacks "/deltagande/$P2\""

# --- Avråda (with a code) and återföra (reason required)
PNR3=$(new_pnr)
R3=$(new_referral "$FVI" Avra Dasson kvinna "$PNR3" 5)
got=$(post "$FV" "/inkorg/$R3/beslut" --data "beslut=avrada" --data "version=1" --data "avrada_orsak=" --data-urlencode "avrada_motivering=Mår inte bra")
eq "advising against without a code is 400" "$got" 400
expect_body "with the message" '<p class="error" id="av-orsak-fel">Fältet måste fyllas i.</p>'
expect_body "the typed reason is kept" ">Mår inte bra</textarea>"
got=$(post "$FV" "/inkorg/$R3/beslut" --data "beslut=avrada" --data "version=1" --data "avrada_orsak=okand_kod" --data-urlencode "avrada_motivering=Mår inte bra")
eq "an unknown advise-against code is 400" "$got" 400
expect_body "with the message" '<p class="error" id="av-orsak-fel">Välj ett av alternativen i listan.</p>'
eq "nothing changed" "$(q "SELECT CONCAT(status, version) FROM referral WHERE id = $R3")" "inskickad1"
got=$(post "$FV" "/inkorg/$R3/beslut" --data "beslut=avrada" --data "version=1" --data "avrada_orsak=halsa" --data-urlencode "avrada_motivering=Mår inte bra just nu")
eq "advising against answers 303" "$got" 303
expect_header "back to the referral" "Location: /inkorg/$R3?sparat=1"
eq "the referral is avrådd with code and reason" "$(q "SELECT CONCAT_WS('|', status, advise_against_code, decision_reason, decided_by) FROM referral WHERE id = $R3")" "avradd|halsa|Mår inte bra just nu|$FV_ID"
eq "with history" "$(q "SELECT COUNT(*) FROM change_history WHERE record_type = 'referral' AND record_id = $R3 AND field IN ('status', 'advise_against_code', 'decision_reason')")" 3
expect_status "the decided referral" 200 -b "$FV" "$BASE/inkorg/$R3?sparat=1"
expect_body "shows the decision" "<dt>Skäl</dt><dd>Hälsan hindrar deltagande just nu</dd>"

PNR4=$(new_pnr)
R4=$(new_referral "$FVI" Åter Försson man "$PNR4" 5)
got=$(post "$FV" "/inkorg/$R4/beslut" --data "beslut=aterfor" --data "version=1" --data "aterfor_motivering=")
eq "sending back without a reason is 400" "$got" 400
expect_body "with the message" '<p class="error" id="at-motivering-fel">Fältet måste fyllas i.</p>'
eq "nothing changed" "$(q "SELECT CONCAT(status, version, decided_at IS NULL) FROM referral WHERE id = $R4")" "inskickad11"
long=$(head -c 2001 /dev/zero | tr '\0' 'a')
got=$(post "$FV" "/inkorg/$R4/beslut" --data "beslut=aterfor" --data "version=1" --data "aterfor_motivering=$long")
eq "a reason over 2000 characters is 400" "$got" 400
expect_body "with the message" "Högst 2000 tecken."
got=$(post "$FV" "/inkorg/$R4/beslut" --data "beslut=aterfor" --data "version=1" --data-urlencode "aterfor_motivering=Behöver först en utredning hos FK")
eq "sending back answers 303" "$got" 303
eq "the referral is återförd" "$(q "SELECT CONCAT_WS('|', status, decision_reason) FROM referral WHERE id = $R4")" "aterford|Behöver först en utredning hos FK"

# --- A full insats refuses admission; the waiting list
PNR5=$(new_pnr)
R5=$(new_referral "$FVI" Full Platsson kvinna "$PNR5" 5)
N=$(q "SELECT COUNT(*) FROM participation WHERE insats_id = $FVI AND status = 'inskriven'")
q "UPDATE insats SET places = $N WHERE id = $FVI"
expect_inbox "the inbox of a full insats" "$FV"
expect_body "shows it full" "<tr><td data-label=\"Insats\">Friska Vindar 2.0</td><td data-label=\"Inskrivna\">$N</td><td data-label=\"Platser\">$N</td><td data-label=\"Läge\"><strong>Full</strong></td></tr>"
got=$(post "$FV" "/inkorg/$R5/beslut" --data "beslut=anta" --data "version=1" --data "startdatum=$TODAY" \
	--data "planerat_slut=$(day 90)" --data "kontaktperson=$FV_ID" --data "timmar=8")
eq "admitting to a full insats is refused (409)" "$got" 409
expect_body "with the message" "Insatsen är full ($N av $N platser). Sätt ansökan på väntelista."
expect_body "the typed start date is kept" "value=\"$TODAY\""
eq "no participation, referral unchanged" "$(q "SELECT CONCAT(status, version, (SELECT COUNT(*) FROM participation WHERE referral_id = $R5)) FROM referral WHERE id = $R5")" "inskickad10"
got=$(post "$FV" "/inkorg/$R5/beslut" --data "beslut=vantelista" --data "version=1")
eq "the waiting list answers 303" "$got" 303
eq "the referral waits" "$(q "SELECT status FROM referral WHERE id = $R5")" "vantelista"
expect_inbox "the inbox" "$FV"
expect_body "still lists the waiting referral" "<a href=\"/inkorg/$R5\">Full Platsson</a>"
expect_body "marked Väntelista, since the Swedish day it was put there" "<td data-label=\"Status\">Väntelista sedan $(se_time "$(q "SELECT DATE_FORMAT(decided_at, '%Y-%m-%d %H:%i') FROM referral WHERE id = $R5")" | cut -c1-10)</td>"
q "UPDATE insats SET places = $PLACES WHERE id = $FVI"
got=$(post "$FV" "/inkorg/$R5/beslut" --data "beslut=anta" --data "version=2" --data "startdatum=$TODAY" \
	--data "planerat_slut=$(day 90)" --data "kontaktperson=$FV_ID" --data "timmar=8")
eq "with a place free again it is admitted from the waiting list" "$got" 303
P5=$(q "SELECT id FROM participation WHERE referral_id = $R5")
check "its participation exists" test -n "$P5"

# --- Felregistrering: status felregistrerad, no summary due
got=$(post "$FV" "/deltagande/$P5/avslut" --data "version=$(part_version "$P5")" --data "slutdatum=$TODAY" --data "avslutsorsak=felregistrering")
eq "a felregistrering needs no occupation or income" "$got" 303
eq "status felregistrerad, no summary due" "$(q "SELECT CONCAT_WS('|', status, IFNULL(summary_due_date, 'NULL')) FROM participation WHERE id = $P5")" "felregistrerad|NULL"

# --- Other insatser: not found, never forbidden
PNR6=$(new_pnr)
R6=$(new_referral "$FVI" Annan Insatsson man "$PNR6" 5)
expect_status "personal.tramp: a Friska Vindar participation is 404" 404 -b "$TR" "$BASE/deltagande/$P1"
expect_status "personal.tramp: a Friska Vindar referral is 404" 404 -b "$TR" "$BASE/inkorg/$R6"
got=$(post "$TR" "/inkorg/$R6/beslut" --data "beslut=vantelista" --data "version=1")
eq "personal.tramp: deciding it is 404" "$got" 404
got=$(post "$TR" "/deltagande/$P2/sammanfattning" --data "atgard=spara" --data "version=0" --data "versionsnr=0")
eq "personal.tramp: changing the participation is 404" "$got" 404
eq "and changed nothing" "$(q "SELECT CONCAT((SELECT status FROM referral WHERE id = $R6), (SELECT summary_sent_at IS NULL FROM participation WHERE id = $P2))")" "inskickad1"
expect_status "a draft referral is 404 to insats staff" 404 -b "$FV" "$BASE/inkorg/$(q "SELECT id FROM referral WHERE insats_id = $FVI AND status = 'utkast' LIMIT 1")"
expect_status "a malformed id is 404" 404 -b "$FV" "$BASE/deltagande/1x"
check "personal.tramp's reads were not logged as reads of the person" \
	test "$(audits "username = 'personal.tramp' AND personnummer IN ('$PNR1', '$PNR6')")" = 0

# --- Other roles: 403 on every route
bad=""
for j in "$RJ:remittent" "$FJ:forbund" "$AJ:admin"; do
	jar=${j%%:*}
	for path in /inkorg "/inkorg/$R6" /deltagare "/deltagande/$P1"; do
		got=$(fetch -b "$jar" "$BASE$path")
		[ "$got" = 403 ] || bad="$bad ${j#*:}:GET:$path=$got"
	done
	for path in "/inkorg/$R6/beslut" /deltagare/sok "/deltagande/$P2/plan" "/deltagande/$P2/sammanfattning"; do
		got=$(post "$jar" "$path" --data "beslut=vantelista" --data "version=1" --data "personnummer=$PNR1")
		[ "$got" = 403 ] || bad="$bad ${j#*:}:POST:$path=$got"
	done
done
eq "remittent, forbund and admin get 403 on every route" "$bad" ""
eq "and changed nothing" "$(q "SELECT status FROM referral WHERE id = $R6")" "inskickad"

# --- The participant list and its filters
before=$(audits "object_type = 'participation_list' AND username = 'personal.fv' AND detail LIKE 'participant list:%'")
expect_status "GET /deltagare (current participants)" 200 -b "$FV" "$BASE/deltagare"
check "lists no ended participation by default" body_lacks "/deltagande/$P1\""
check "shows no personnummer" body_lacks "${PNR1:0:8}-"
eq "viewing the list is logged" "$(audits "object_type = 'participation_list' AND username = 'personal.fv' AND detail LIKE 'participant list:%'")" $((before + 1))
# 50 a page (test_lists.sh): by name from the end, Vägsson is on the first
expect_status "all statuses, women" 200 -b "$FV" "$BASE/deltagare?status=alla&kon=kvinna&insats=$FVI&kontakt=$FV_ID&sortera=namn&ordning=fallande"
expect_body "lists the ended participation of a woman" "<a href=\"/deltagande/$P1\">Vägsson, Testa</a>"
check "but not a man" body_lacks "/deltagande/$P2\""
expect_body "the filter is kept" '<option value="kvinna" selected>Kvinnor</option>'
expect_status "an unknown status filter is 400" 400 -b "$FV" "$BASE/deltagare?status=bogus"
expect_body "with a message" '<p class="error" id="f-status-fel">Välj ett av alternativen.</p>'
expect_status "another insats as filter is 400" 400 -b "$FV" "$BASE/deltagare?insats=$TRH"
expect_body "with a message" '<p class="error" id="f-insats-fel">Välj ett av alternativen i listan.</p>'

# --- Search by personnummer: POST only, audited
expect_status "the search is not a GET (no personnummer in URLs)" 405 -b "$FV" "$BASE/deltagare/sok"
before=$(audits "action = 'search' AND personnummer = '$PNR1'")
got=$(post "$FV" /deltagare/sok --data "personnummer=${PNR1:0:8}-${PNR1:8:4}")
eq "searching answers 200" "$got" 200
expect_body "finds the participation" "<a href=\"/deltagande/$P1\">Avslutad</a>"
expect_body "and its referral" "<a href=\"/inkorg/$R1\">Antagen</a>"
eq "the search is in the access log with the personnummer" "$(audits "action = 'search' AND personnummer = '$PNR1' AND username = 'personal.fv'")" $((before + 1))
got=$(post "$FV" /deltagare/sok --data "personnummer=${PNR1:2:6}${PNR1:8:4}")
eq "the ten-digit form works too" "$got" 200
expect_body "(same hit)" "<a href=\"/deltagande/$P1\">"
got=$(post "$TR" /deltagare/sok --data "personnummer=$PNR1")
eq "personal.tramp's search answers 200" "$got" 200
expect_body "with no hits outside the caller's insatser" "Ingen ansökan eller deltagande med det personnumret i dina insatser."
check "and nothing of the person" body_lacks "Vägsson"
before=$(audits "action = 'search'")
got=$(post "$FV" /deltagare/sok --data "personnummer=12345")
eq "a malformed personnummer is 400" "$got" 400
expect_body "with the message" '<p class="error" id="s-pnr-fel">Ange personnumret som ÅÅÅÅMMDD-NNNN.</p>'
expect_body "the typed value is kept" 'value="12345"'
eq "and nothing is searched or logged" "$(audits "action = 'search'")" "$before"
expect_status "who has looked now shows the search" 200 -b "$FV" "$BASE/deltagande/$P1"
expect_body "(search row)" "Sökte på personnumret"

# --- The access log: the page shows the latest reads and links to the whole
# log, its own page under the same access rule, read and logged like the page.
looked_rows() { sed -n '/id="vem-har-tittat"/,$p' "$BODY" | grep -c '^<tr><td data-label="När (svensk tid)">'; }
expect_body "the page links to the whole access log" "<a href=\"/deltagande/$P1/atkomstlogg\">Hela åtkomstloggen</a>"
eq "and lists the latest 10 reads" "$(looked_rows)" 10
before=$(audits "action = 'read' AND object_type = 'participation' AND object_id = $P1 AND personnummer = '$PNR1' AND detail = 'access log'")
expect_status "GET /deltagande/:id/atkomstlogg" 200 -b "$FV" "$BASE/deltagande/$P1/atkomstlogg"
expect_header "is not cached" "Cache-Control: no-store"
eq "reading it writes a read row with the personnummer" \
	"$(audits "action = 'read' AND object_type = 'participation' AND object_id = $P1 AND personnummer = '$PNR1' AND detail = 'access log'")" $((before + 1))
all=$(audits "personnummer = '$PNR1' AND ((object_type = 'participation' AND object_id = $P1) OR (object_type = 'referral' AND object_id = $R1) OR (object_type = 'consent' AND object_id IN (SELECT id FROM consent WHERE referral_id = $R1)) OR (object_type = 'person' AND username = 'personal.fv'))")
eq "it lists every row of the file" "$(grep -c '^<tr><td data-label="När (svensk tid)">' "$BODY")" "$all"
expect_body "with this read first" "<tbody>
<tr><td data-label=\"När (UTC)\">$(se_time "$(q "SELECT DATE_FORMAT(MAX(at), '%Y-%m-%d %H:%i:%s') FROM audit_log WHERE object_type = 'participation' AND object_id = $P1 AND detail = 'access log'")")</td><td data-label=\"Vem\">Demo Personal Friska Vindar 2.0 (personal.fv)</td><td data-label=\"Vad\">Läste deltagande $P1</td></tr>"
expect_body "the admission" "Skapade deltagande i Friska Vindar 2.0"
expect_body "the referral read" "Läste ansökan till Friska Vindar 2.0"
expect_body "the search" "Sökte på personnumret"
expect_body "and links back" "<a href=\"/deltagande/$P1#vem-har-tittat\">Tillbaka till deltagandet</a>"
expect_status "personal.tramp: another insats's access log is 404" 404 -b "$TR" "$BASE/deltagande/$P1/atkomstlogg"
expect_status "the remittent: 403" 403 -b "$RJ" "$BASE/deltagande/$P1/atkomstlogg"

# --- CSRF
V=$(part_version "$P2")
expect_status "a POST without the CSRF token is 403" 403 -b "$FV" --data "version=$V" --data "aktivitet_1=X" --data "timmar_1=4" "$BASE/deltagande/$P2/plan"
expect_status "a decision without the CSRF token is 403" 403 -b "$FV" --data "beslut=vantelista" --data "version=1" "$BASE/inkorg/$R6/beslut"
eq "and nothing changed" "$(q "SELECT CONCAT((SELECT version FROM participation WHERE id = $P2), (SELECT status FROM referral WHERE id = $R6))")" "${V}inskickad"

# The start page: insats staff see their inbox links and the late summaries.
session sj personal.fv
expect_status "personal.fv's start page" 200 -b "$sj" "$BASE/start"
expect_body "links to the inbox" 'href="/inkorg"'
expect_body "lists summaries past due" "Sammanfattningar som inte skickats i tid"
session rj remittent.fk
expect_status "remittent.fk's start page" 200 -b "$rj" "$BASE/start"
expect_body "links to the referrals" 'href="/ansokningar/ny"'
check "and shows no insats staff list" bash -c "! grep -q 'Sammanfattningar som inte skickats i tid' '$BODY'"
# The kept counts (referral_tally too) as the rows after the changes.
order_ok "after the decisions (referral_tally)"
done_testing
