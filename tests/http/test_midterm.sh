# Mid-term follow-ups (mittuppföljningar, avstämningar; issue 15 item 4):
# any number per participation, listed on its page with who recorded each;
# adding one carries the form's one-time key, so a retried add never makes
# a second; changing one is versioned (a stale form is 409 with the input
# kept, a retry of a change made answers as it did); the date must be within
# the participation and not in the future (and a corrected start keeps
# them so); each change is in the change
# history and the access log; only while inskriven and only by the insats's
# staff.
. "$(dirname "$0")/lib.sh"

FVI=$(insats_id_of "Friska Vindar 2.0")
FV_ID=$(staff_id_of personal.fv)
log_in FV personal.fv
log_in TR personal.tramp

# admit REFERRAL START PLANNED_END: admitted by personal.fv; prints the
# participation's id.
admit() {
	post "$FV" "/inkorg/$1/beslut" --data "beslut=anta" --data "version=$(ref_version "$1")" \
		--data "startdatum=$2" --data "planerat_slut=$3" --data "kontaktperson=$FV_ID" \
		--data "timmar=8" --data "sysselsattning_fore=annan" > /dev/null
	q "SELECT id FROM participation WHERE referral_id = $1"
}
mt_rows() { q "SELECT COUNT(*) FROM participation_midterm WHERE participation_id = $1"; }
mt_audits() { audits "action = 'update' AND object_type = 'participation' AND object_id = $1 AND detail = 'midterm follow-up'"; }

R=$(new_referral "$FVI" Avsta Mningsson kvinna "$(new_pnr)" 90)
P=$(admit "$R" "$(day -80)" "$(day 40)")
check "fixture: a participation started 80 days ago" test -n "$P"
PV=$(part_version "$P")

# --- Several follow-ups
expect_status "the participation page" 200 -b "$FV" "$BASE/deltagande/$P"
expect_body "none yet" "Ingen mittuppföljning registrerad."
expect_body "a link opens the add form" "href=\"/deltagande/$P?form=mittuppfoljning\""
expect_status "the add form on its own" 200 -b "$FV" "$BASE/deltagande/$P?form=mittuppfoljning"
K1=$(hidden nyckel)
check "the add form carries a one-time key" test "${#K1}" -eq 32
got=$(post "$FV" "/deltagande/$P/mittuppfoljning" --data "nyckel=$K1" --data "datum=$(day -60)" \
	--data-urlencode "deltog=Deltagaren och kontaktpersonen" --data-urlencode "anteckning=Första")
eq "the first follow-up is saved (303)" "$got" 303
expect_header "back to the section" "Location: /deltagande/$P?sparat=1#mittuppfoljning"
expect_status "the page again" 200 -b "$FV" "$BASE/deltagande/$P?sparat=1"
expect_status "the add form again" 200 -b "$FV" "$BASE/deltagande/$P?form=mittuppfoljning"
K2=$(hidden nyckel)
check "with a fresh key" test -n "$K2" -a "$K2" != "$K1"
got=$(post "$FV" "/deltagande/$P/mittuppfoljning" --data "nyckel=$K2" --data "datum=$(day -30)" \
	--data-urlencode "deltog=Deltagaren, remittenten" --data-urlencode "anteckning=Andra")
eq "a second one is saved (303)" "$got" 303
eq "both are stored, recorded by personal.fv" \
	"$(q "SELECT GROUP_CONCAT(CONCAT_WS('|', held_date, attendees, note, recorded_by) ORDER BY held_date SEPARATOR ';') FROM participation_midterm WHERE participation_id = $P")" \
	"$(day -60)|Deltagaren och kontaktpersonen|Första|$FV_ID;$(day -30)|Deltagaren, remittenten|Andra|$FV_ID"
eq "adding leaves the participation's version (no other form goes stale)" "$(part_version "$P")" "$PV"
eq "each is in the change history" "$(q "SELECT GROUP_CONCAT(new_value ORDER BY id SEPARATOR ';') FROM change_history WHERE record_type = 'participation' AND record_id = $P AND field = 'midterm'")" \
	"$(day -60); Deltagaren och kontaktpersonen; Första;$(day -30); Deltagaren, remittenten; Andra"
eq "and in the access log" "$(mt_audits "$P")" 2
expect_status "the page lists both" 200 -b "$FV" "$BASE/deltagande/$P"
expect_body "the first, with who recorded it" "<tr><td data-label=\"Datum\">$(day -60)</td><td data-label=\"Vilka deltog\">Deltagaren och kontaktpersonen</td><td data-label=\"Anteckning\">Första</td><td data-label=\"Registrerad av\">Demo Personal Friska Vindar 2.0</td>"
expect_body "the second" "<td data-label=\"Datum\">$(day -30)</td><td data-label=\"Vilka deltog\">Deltagaren, remittenten</td>"
expect_body "the history names the change" "<td data-label=\"Uppgift\">Mittuppföljning</td>"

# --- A retry (double click, resend) answers as the first did
got=$(post "$FV" "/deltagande/$P/mittuppfoljning" --data "nyckel=$K2" --data "datum=$(day -30)" \
	--data-urlencode "deltog=Deltagaren, remittenten" --data-urlencode "anteckning=Andra")
eq "a retry with the same key answers 303" "$got" 303
eq "and adds nothing" "$(mt_rows "$P")" 2
eq "nor a history or access-log row" "$(mt_audits "$P")" 2

# --- Bad input: refused with everything typed kept, nothing stored
expect_status "the add form" 200 -b "$FV" "$BASE/deltagande/$P?form=mittuppfoljning"
K3=$(hidden nyckel)
got=$(post "$FV" "/deltagande/$P/mittuppfoljning" --data "nyckel=$K3" --data "datum=$(day 1)" \
	--data-urlencode "deltog=Deltagaren ensam" --data-urlencode "anteckning=Framtid")
eq "a follow-up in the future is 400" "$got" 400
expect_body "with the message" '<p class="error" id="mt-datum-fel">Datumet kan inte ligga i framtiden.</p>'
expect_body "the attendees are kept" 'value="Deltagaren ensam"'
expect_body "the note is kept" '>Framtid</textarea>'
expect_body "and the key, for the retry" "name=\"nyckel\" value=\"$K3\""
got=$(post "$FV" "/deltagande/$P/mittuppfoljning" --data "nyckel=$K3" --data "datum=$(day -81)" --data-urlencode "deltog=Före")
eq "one before the start is 400" "$got" 400
expect_body "with the message" "Datumet kan inte vara före startdatumet ($(day -80))."
got=$(post "$FV" "/deltagande/$P/mittuppfoljning" --data "nyckel=$K3" --data "datum=2025-02-30" --data "deltog=")
eq "no such date and nobody attending: 400" "$got" 400
expect_body "the date's message" '<p class="error" id="mt-datum-fel">'
expect_body "the attendees' message" '<p class="error" id="mt-deltog-fel">'
got=$(post "$FV" "/deltagande/$P/mittuppfoljning" --data "datum=$(day -5)" --data-urlencode "deltog=Utan nyckel")
eq "a form without its key is 400" "$got" 400
expect_body "with a message" "Formuläret är ofullständigt eller ändrat."
expect_body "the typed value kept" 'value="Utan nyckel"'
eq "none of it was stored" "$(mt_rows "$P")" 2

# --- Changing one: versioned
MID=$(q "SELECT id FROM participation_midterm WHERE participation_id = $P AND note = 'Första'")
before=$(audits "action = 'read' AND object_type = 'participation' AND object_id = $P")
expect_status "its page" 200 -b "$FV" "$BASE/deltagande/$P/mittuppfoljning/$MID"
expect_body "shows it in the form" 'value="Deltagaren och kontaktpersonen"'
eq "reading it is logged" "$(audits "action = 'read' AND object_type = 'participation' AND object_id = $P")" $((before + 1))
MV=$(hidden version)
eq "the form carries the row's version" "$MV" 1
got=$(post "$FV" "/deltagande/$P/mittuppfoljning/$MID" --data "version=$MV" --data "datum=$(day -59)" \
	--data-urlencode "deltog=Deltagaren och kontaktpersonen" --data-urlencode "anteckning=Första, rättad")
eq "a change is saved (303)" "$got" 303
eq "it is stored, version 2" "$(q "SELECT CONCAT_WS('|', held_date, note, version) FROM participation_midterm WHERE id = $MID")" "$(day -59)|Första, rättad|2"
eq "the history has before and after" "$(q "SELECT CONCAT(old_value, ' > ', new_value) FROM change_history WHERE record_type = 'participation' AND record_id = $P AND field = 'midterm' ORDER BY id DESC LIMIT 1")" \
	"$(day -60); Deltagaren och kontaktpersonen; Första > $(day -59); Deltagaren och kontaktpersonen; Första, rättad"
eq "and the access log" "$(mt_audits "$P")" 3
got=$(post "$FV" "/deltagande/$P/mittuppfoljning/$MID" --data "version=$MV" --data "datum=$(day -59)" \
	--data-urlencode "deltog=Deltagaren och kontaktpersonen" --data-urlencode "anteckning=Första, rättad")
eq "a retry of that change answers as it did (303)" "$got" 303
eq "writing nothing more" "$(q "SELECT version FROM participation_midterm WHERE id = $MID")/$(mt_audits "$P")" "2/3"
got=$(post "$FV" "/deltagande/$P/mittuppfoljning/$MID" --data "version=$MV" --data "datum=$(day -58)" \
	--data-urlencode "deltog=Bara jag" --data-urlencode "anteckning=Gammal flik")
eq "a stale form is 409" "$got" 409
expect_body "with a clear message" "Någon annan har ändrat uppgifterna medan du arbetade."
expect_body "the typed attendees kept" 'value="Bara jag"'
expect_body "the typed note kept" '>Gammal flik</textarea>'
expect_body "the form now carries the stored version" 'name="version" value="2"'
eq "nothing was overwritten" "$(q "SELECT CONCAT_WS('|', attendees, version) FROM participation_midterm WHERE id = $MID")" "Deltagaren och kontaktpersonen|2"
got=$(post "$FV" "/deltagande/$P/mittuppfoljning/$MID" --data "version=2" --data "datum=$(day 3)" --data-urlencode "deltog=Senare")
eq "a change to the future is 400" "$got" 400
expect_body "with the message, typed kept" 'value="Senare"'
eq "and stores nothing" "$(q "SELECT version FROM participation_midterm WHERE id = $MID")" 2

# --- The corrected start and the follow-ups agree: a follow-up is never
# before the start, whichever of the two is changed
correct_start() {
	post "$FV" "/deltagande/$P/rattelse" --data "version=$(part_version "$P")" --data "startdatum=$1" \
		--data "kontaktperson=$FV_ID" --data "timmar=8"
}
eq "a start after the first follow-up ($(day -59)) is refused (400)" "$(correct_start "$(day -58)")" 400
expect_body "with the message" "Startdatumet kan inte vara efter den första mittuppföljningen ($(day -59))."
eq "a start on its day is saved (303)" "$(correct_start "$(day -59)")" 303
expect_status "the add form" 200 -b "$FV" "$BASE/deltagande/$P?form=mittuppfoljning"
got=$(post "$FV" "/deltagande/$P/mittuppfoljning" --data "nyckel=$(hidden nyckel)" --data "datum=$(day -60)" --data-urlencode "deltog=Före")
eq "and then a follow-up before that start is refused (400)" "$got" 400
expect_body "with the message" "Datumet kan inte vara före startdatumet ($(day -59))."
eq "nothing added" "$(mt_rows "$P")" 2

# --- Only the insats's staff, only its own follow-ups
R2=$(new_referral "$FVI" Annan Deltagarsson kvinna "$(new_pnr)" 30)
P2=$(admit "$R2" "$(day -20)" "$(day 60)")
expect_status "another participation's follow-up id is 404" 404 -b "$FV" "$BASE/deltagande/$P2/mittuppfoljning/$MID"
expect_status "staff of another insats: 404" 404 -b "$TR" "$BASE/deltagande/$P/mittuppfoljning/$MID"
got=$(post "$TR" "/deltagande/$P/mittuppfoljning" --data "nyckel=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" --data "datum=$(day -5)" --data "deltog=X")
eq "nor may they add one (404)" "$got" 404
eq "so nothing was added" "$(mt_rows "$P")" 2

# --- Once ended: listed, no forms, changes refused
q "UPDATE participation SET status = 'avslutad', end_date = '$(day -1)', end_reason_code = 'arbete', version = version + 1 WHERE id = $P"
expect_status "the ended participation's page" 200 -b "$FV" "$BASE/deltagande/$P"
expect_body "still lists the follow-ups" "<td data-label=\"Anteckning\">Första, rättad</td>"
check "without the add form" body_lacks 'action="/deltagande/'"$P"'/mittuppfoljning"'
got=$(post "$FV" "/deltagande/$P/mittuppfoljning" --data "nyckel=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" --data "datum=$(day -5)" --data "deltog=Efter slut")
eq "adding one is 409" "$got" 409
expect_body "with the reason" "Deltagandet är avslutat och kan inte ändras."
got=$(post "$FV" "/deltagande/$P/mittuppfoljning/$MID" --data "version=2" --data "datum=$(day -5)" --data "deltog=Efter slut")
eq "changing one is 409" "$got" 409
eq "nothing changed" "$(mt_rows "$P")/$(q "SELECT version FROM participation_midterm WHERE id = $MID")" "2/2"
check "the server logged no BUG" bash -c "! grep -q 'BUG: ' '$VAR/log/stegvis.log'"
done_testing
