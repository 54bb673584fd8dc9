# One participant's walk through both user interfaces: the remittent's
# application form (/ansokningar) and the insats staff's pages (/inkorg,
# /deltagande). remittent.fk submits a referral to Friska Vindar 2.0 through
# the form; personal.fv finds it in the inbox, admits it, and carries the
# participation through plan, mid-term follow-up, extension, end and
# summary; the remittent sees the decision. Nothing is made with SQL except
# free places on the insats, which are restored at exit.
. "$(dirname "$0")/lib.sh"

INSATS=$(q "SELECT id FROM insats WHERE name = 'Friska Vindar 2.0' AND active = 1")
check "Friska Vindar 2.0 is an active insats (test premise)" test -n "$INSATS"
INSATS=${INSATS:-0}
check "personal.fv works on Friska Vindar 2.0 (test premise)" \
	test "$(q "SELECT COUNT(*) FROM staff_insats si JOIN staff s ON s.id = si.staff_id WHERE s.username = 'personal.fv' AND si.insats_id = $INSATS")" = 1
FVID=$(staff_id_of personal.fv)

# A free place: raise the places if the demo data fills the insats; restore at exit.
PLACES=$(q "SELECT IFNULL(places, 'NULL') FROM insats WHERE id = $INSATS")
at_exit 'q "UPDATE insats SET places = $PLACES WHERE id = $INSATS" > /dev/null 2>&1'
IN=$(q "SELECT COUNT(*) FROM participation WHERE insats_id = $INSATS AND status = 'inskriven'")
if [ "$PLACES" != NULL ] && [ "$IN" -ge "$PLACES" ]; then
	q "UPDATE insats SET places = $((IN + 5)) WHERE id = $INSATS"
fi

log_in RJ remittent.fk
log_in FV personal.fv

# --- 1. The remittent fills in and submits the application form
PN=$(pnr 19880412)
NAME="Vandra$$"
expect_status "remittent: GET /ansokningar/ny" 200 -b "$RJ" "$BASE/ansokningar/ny"
expect_body "the form offers Friska Vindar 2.0" "<option value=\"$INSATS\">Friska Vindar 2.0</option>"
FULL=("personnummer=$(dash "$PN")" "fornamn=$NAME" "efternamn=Stegsson" "kon=man" "adress=Storgatan 1"
	"postnummer=46130" "ort=Trollhättan" "telefon=0520-49 70 00" "kommun=Trollhättan" "tolk=1"
	"tolk_sprak=arabiska" "insats=$INSATS" "visa_datum=$TODAY" "forsorjning=sjukpenning" "forsorjning=lon"
	"sjukskrivning=50" "anstalld=1" "arbetsgivare=Verkstaden AB" "arbetsgivare_rehab=1" "tid_forsorjning=1_4"
	"utbildning=gymnasium" "bakgrund=Lång sjukskrivning efter olycka." "mal=Tillbaka till arbete på halvtid."
	"behov=Struktur och stöd." "provat=Arbetsträning 2023.")
# No waiver yet: the consent is to be taken at the VISA visit.
build FULL "samtycke_vid_visa=1" "atgard=skicka"
got=$(post "$RJ" /ansokningar/ny "${ARGS[@]}")
eq "remittent: the application is created and submitted in one go (303)" "$got" 303
R=$(loc_id)
check "the redirect names the new referral" test -n "$R"
R=${R:-0}
expect_header "to the view with the submitted notice" "Location: /ansokningar/$R?skickat=1"
eq "stored as inskickad to Friska Vindar 2.0 by remittent.fk" \
	"$(q "SELECT CONCAT_WS('|', r.status, r.submitted_at IS NOT NULL, r.insats_id, s.username, p.personnummer) FROM referral r JOIN staff s ON s.id = r.remittent_id JOIN person p ON p.id = r.person_id WHERE r.id = $R")" \
	"inskickad|1|$INSATS|remittent.fk|$PN"
expect_status "remittent: GET /ansokningar/$R" 200 -b "$RJ" "$BASE/ansokningar/$R"
expect_body "the view shows status inskickad" '<span class="ref-status ref-status-inskickad">Inskickad</span>'
expect_body "the view shows the personnummer" "$(dash "$PN")"
check "the view shows no decision yet" bash -c "! grep -q '<dt>Beslut</dt>' '$BODY'"

# --- 2. The insats staff find it in the inbox and open it
expect_inbox "personal.fv: GET /inkorg" "$FV"
expect_body "the inbox lists the submitted referral" "<a href=\"/inkorg/$R\">$NAME Stegsson</a>"
check "the inbox shows no personnummer" bash -c "! grep -qF '${PN:0:8}' '$BODY'"
expect_status "personal.fv: GET /inkorg/$R" 200 -b "$FV" "$BASE/inkorg/$R"
expect_body "the staff see the personnummer" "$(dash "$PN")"
expect_body "the staff see the remittent's background" "Lång sjukskrivning efter olycka."
expect_body "the staff see the participant's own goals" "Tillbaka till arbete på halvtid."
expect_body "the staff see the income sources" "Sjukpenning eller rehabiliteringspenning"
expect_body "the admission form is offered" 'name="beslut" value="anta"'
V=$(hidden version)
eq "the decision form carries the referral's version" "$V" "$(q "SELECT version FROM referral WHERE id = $R")"

# --- 3. The waiver is taken at the VISA visit (straight into the
# database here; the consent pages have tests of their own), then admit.
W=$(give_waiver "$R")
check "a waiver covering the remittent's organisation" test -n "$W"
# --- Admit: start today
got=$(post "$FV" "/inkorg/$R/beslut" --data "beslut=anta" --data "version=$V" --data "startdatum=$TODAY" \
	--data "planerat_slut=$(day 30)" --data "kontaktperson=$FVID" --data "timmar=8" --data "sysselsattning_fore=annan")
eq "personal.fv admits the referral (303)" "$got" 303
P=$(q "SELECT id FROM participation WHERE referral_id = $R")
check "a participation exists" test -n "$P"
P=${P:-0}
expect_header "to the new participation" "Location: /deltagande/$P?antagen=1"
eq "the participation is inskriven from today" \
	"$(q "SELECT CONCAT_WS('|', status, start_date, planned_end_date, contact_id, insats_id) FROM participation WHERE id = $P")" \
	"inskriven|$TODAY|$(day 30)|$FVID|$INSATS"
eq "the referral is antagen, decided by personal.fv" "$(q "SELECT CONCAT_WS('|', status, decided_by) FROM referral WHERE id = $R")" "antagen|$FVID"
expect_inbox "personal.fv: the inbox after the decision" "$FV"
check "no longer lists the admitted referral" bash -c "! grep -qF '/inkorg/$R\"' '$BODY'"

# --- 4. The remittent sees the decision
expect_status "remittent: GET /ansokningar/$R after the decision" 200 -b "$RJ" "$BASE/ansokningar/$R"
expect_body "the status is antagen" 'ref-status-antagen'
expect_body "the decision is shown" "<dt>Beslut</dt><dd>Antagen till insatsen</dd>"
expect_body "with who decided" "av Demo Personal Friska Vindar 2.0"
check "and it can no longer be edited" bash -c "! grep -q 'ansokningar/$R/andra' '$BODY'"

# --- 5. The participation page and the individual plan
expect_status "personal.fv: GET /deltagande/$P" 200 -b "$FV" "$BASE/deltagande/$P?antagen=1"
expect_body "says the referral was admitted" "Ansökan är antagen och deltagandet inskrivet."
expect_body "shows the participant's personnummer" "$(dash "$PN")"
expect_body "links to the plan form" "href=\"/deltagande/$P?form=plan\""
expect_status "personal.fv: the plan form" 200 -b "$FV" "$BASE/deltagande/$P?form=plan"
V=$(hidden version)
check "the form carries the participation's version" test -n "$V"
got=$(post "$FV" "/deltagande/$P/plan" --data "version=$V" --data-urlencode "aktivitet_1=Promenadgrupp" --data "timmar_1=4" \
	--data-urlencode "aktivitet_2=Arbetsträning" --data "timmar_2=6")
eq "saving the plan (303)" "$got" 303
eq "the plan is stored" "$(q "SELECT GROUP_CONCAT(CONCAT(activity, ':', hours_per_week) ORDER BY sort_order) FROM participation_activity WHERE participation_id = $P")" \
	"Promenadgrupp:4,Arbetsträning:6"

# --- 6. Mid-term follow-up today
expect_status "personal.fv: the page after the plan" 200 -b "$FV" "$BASE/deltagande/$P?sparat=1"
expect_status "personal.fv: the mid-term follow-up form" 200 -b "$FV" "$BASE/deltagande/$P?form=mittuppfoljning"
got=$(post "$FV" "/deltagande/$P/mittuppfoljning" --data "nyckel=$(hidden nyckel)" --data "datum=$TODAY" \
	--data-urlencode "deltog=Deltagaren, remittenten" --data-urlencode "anteckning=Går framåt")
eq "the mid-term follow-up (303)" "$got" 303
eq "it is stored" "$(q "SELECT CONCAT_WS('|', held_date, attendees, note) FROM participation_midterm WHERE participation_id = $P")" \
	"$TODAY|Deltagaren, remittenten|Går framåt"

# --- 7. Extension of the planned end
expect_status "personal.fv: the extension form" 200 -b "$FV" "$BASE/deltagande/$P?form=forlangning"
V=$(hidden version)
got=$(post "$FV" "/deltagande/$P/forlangning" --data "version=$V" --data "nytt_slut=$(day 60)" --data-urlencode "orsak=Behöver mer tid")
eq "the extension (303)" "$got" 303
eq "the planned end moved, the extension recorded" \
	"$(q "SELECT CONCAT_WS('|', p.planned_end_date, e.old_planned_end, e.new_planned_end, e.reason) FROM participation p JOIN participation_extension e ON e.participation_id = p.id WHERE p.id = $P")" \
	"$(day 60)|$(day 30)|$(day 60)|Behöver mer tid"

# --- 8. End today, reason arbete
expect_status "personal.fv: the end form" 200 -b "$FV" "$BASE/deltagande/$P?form=avslut"
V=$(hidden version)
got=$(post "$FV" "/deltagande/$P/avslut" --data "version=$V" --data "slutdatum=$TODAY" --data "avslutsorsak=arbete" \
	--data "sysselsattning_efter=arbete" --data "forsorjning_efter=lon")
eq "ending the participation (303)" "$got" 303
expect_status "personal.fv: the page of the ended participation" 200 -b "$FV" "$BASE/deltagande/$P"
expect_body "shows the summary due date, 21 days after the end" "<dt>Senast</dt><dd>$(day 21)</dd>"
expect_body "links to the summary" "/deltagande/$P/sammanfattning"

# --- 9. The summary sent
got=$(send_summary "$FV" "$P")
eq "sending the summary (303)" "$got" 303

# --- 10. The database
eq "database: the participation is avslutad today with end reason arbete" \
	"$(q "SELECT CONCAT_WS('|', status, end_date, end_reason_code, occupation_after_code, summary_due_date) FROM participation WHERE id = $P")" \
	"avslutad|$TODAY|arbete|arbete|$(day 21)"
eq "database: summary_sent_at is set" "$(q "SELECT summary_sent_at IS NOT NULL FROM participation WHERE id = $P")" 1
eq "database: the income after is stored" "$(q "SELECT GROUP_CONCAT(income_code) FROM participation_income_after WHERE participation_id = $P")" lon
eq "database: the referral is still antagen" "$(q "SELECT status FROM referral WHERE id = $R")" antagen
check "audit: remittent.fk has READ rows for the personnummer" \
	test "$(audits "action = 'read' AND username = 'remittent.fk' AND personnummer = '$PN'")" -ge 2
check "audit: personal.fv has READ rows for the personnummer" \
	test "$(audits "action = 'read' AND username = 'personal.fv' AND personnummer = '$PN'")" -ge 2
# The remittent reads the participation's course on the application page
# as the waiver allows (issue 15 item 1): logged as a read of it.
eq "audit: the remittent's reads are of the referral and its participation" \
	"$(q "SELECT GROUP_CONCAT(DISTINCT object_type ORDER BY object_type) FROM audit_log WHERE action = 'read' AND username = 'remittent.fk' AND personnummer = '$PN'")" \
	"participation,referral"
eq "audit: the staff read both the referral and the participation" \
	"$(q "SELECT GROUP_CONCAT(DISTINCT object_type ORDER BY object_type) FROM audit_log WHERE action = 'read' AND username = 'personal.fv' AND personnummer = '$PN'")" \
	"participation,referral"
eq "audit: the decision by personal.fv" \
	"$(audits "action = 'update' AND object_type = 'referral' AND object_id = $R AND username = 'personal.fv' AND personnummer = '$PN' AND detail = 'decision: antagen'")" 1
done_testing
