# The consent rules (include/consent.h) where the referral and participation
# pages enforce them: submitting needs a waiver covering the referring
# organisation or the VISA marker; every decision needs that waiver, in
# force today; the summary needs one that allows disclosure; the remittent
# side sees only that a referral exists once the consent no longer names
# their organisation, in the view, the edit form and the list. Waivers are
# written straight to the database (give_waiver and friends in lib.sh);
# the consent pages themselves have tests of their own.
. "$(dirname "$0")/lib.sh"

MSG_SUBMIT="Ansökan kan inte skickas utan samtycke. Registrera samtycket (sekretesslättnad) först, eller markera att det tas vid VISA-besöket."
MSG_DECIDE="Beslutet sparades inte: ett samtycke (sekretesslättnad) som omfattar remittentens organisation måste registreras innan ansökan kan beslutas."
MSG_SUMMARY="Sammanfattningen skickades inte: det finns inget gällande samtycke"
MSG_HIDDEN="Samtycket omfattar inte din organisation. Uppgifterna i ansökan visas inte."

log_in RJ remittent.fk
log_in FV personal.fv
FK_ORG=$(org_of remittent.fk)
OTHER_ORG=$(q "SELECT id FROM organisation WHERE id <> $FK_ORG AND parent_id IS NULL AND kind <> 'other' ORDER BY id LIMIT 1")
check "two organisations for the parties (test premise)" test -n "$FK_ORG" -a -n "$OTHER_ORG"
INSATS=$(insats_id_of "Friska Vindar 2.0")
FVID=$(staff_id_of personal.fv)

# --- 1. Submitting without a waiver and without the marker is refused
PN=$(pnr 19790505)
NAME="Samtycka$$"
FULL=("personnummer=$(dash "$PN")" "fornamn=$NAME" "efternamn=Gardsson" "kon=kvinna" "adress=Storgatan 3"
	"postnummer=46130" "ort=Trollhättan" "telefon=0520-49 70 01" "kommun=Trollhättan" "insats=$INSATS"
	"visa_datum=$TODAY" "forsorjning=sjukpenning" "sjukskrivning=50" "tid_forsorjning=1_4" "utbildning=gymnasium"
	"bakgrund=Bakgrund $NAME" "mal=Mål $NAME" "behov=Behov $NAME" "provat=Provat $NAME")
before="$(refs) $(persons)"
build FULL "atgard=skicka"
got=$(post "$RJ" /ansokningar/ny "${ARGS[@]}")
eq "submit without waiver or marker: 400" "$got" 400
expect_body "with the consent message next to the field" "<p class=\"error\" id=\"samtycke-vid-visa-fel\">$MSG_SUBMIT</p>"
check "the checkbox is marked invalid" grep -q 'id="samtycke-vid-visa" name="samtycke_vid_visa"[^>]*aria-invalid="true"' "$BODY"
check "the marker's hint explains what it blocks" grep -q 'id="samtycke-vid-visa-tips">[^<]*kan då inte besluta' "$BODY"
kept_all() {
	local miss="" want
	for want in "value=\"$(dash "$PN")\"" "value=\"$NAME\"" 'value="Storgatan 3"' 'value="0520-49 70 01"' \
		"<option value=\"$INSATS\" selected>" "value=\"$TODAY\"" 'name="forsorjning" value="sjukpenning" checked' \
		'<option value="50" selected>' '<option value="1_4" selected>' '<option value="gymnasium" selected>' \
		">Bakgrund $NAME</textarea>" ">Mål $NAME</textarea>" ">Behov $NAME</textarea>" ">Provat $NAME</textarea>"; do
		grep -qF -- "$want" "$BODY" || miss="$miss [$want]"
	done
	[ -z "$miss" ] || echo "missing:$miss" >&2
	[ -z "$miss" ]
}
check "every typed value is kept" kept_all
eq "nothing was written" "$(refs) $(persons)" "$before"
build FULL "atgard=spara"
got=$(post "$RJ" /ansokningar/ny "${ARGS[@]}")
eq "a draft needs neither waiver nor marker (303)" "$got" 303
D=$(loc_id)
D=${D:-0}
eq "the draft is stored without the marker" "$(q "SELECT CONCAT(status, consent_at_visa) FROM referral WHERE id = $D")" "utkast0"

# --- 2. Submitting with the marker is accepted and recorded
PN2=$(pnr 19800606)
build FULL "personnummer=$(dash "$PN2")" "fornamn=Visa$$" "samtycke_vid_visa=1" "atgard=skicka"
got=$(post "$RJ" /ansokningar/ny "${ARGS[@]}")
eq "submit with the marker: 303" "$got" 303
R=$(loc_id)
R=${R:-0}
eq "stored inskickad with the marker" "$(q "SELECT CONCAT(status, consent_at_visa) FROM referral WHERE id = $R")" "inskickad1"
eq "the marker is in the change history" \
	"$(q "SELECT CONCAT(old_value, '>', new_value) FROM change_history WHERE record_type = 'referral' AND record_id = $R AND field = 'consent_at_visa'")" ">1"
expect_status "the remittent's view of it (no waiver yet: their own details)" 200 -b "$RJ" "$BASE/ansokningar/$R"
expect_body "shows the application" "Bakgrund $NAME"
expect_body "the history names the marker" "<td data-label=\"Fält\">Samtycket tas vid VISA-besöket</td>"

# --- 3. The draft: a waiver past its dates does not do; one in force
# covering the referring organisation does, without the marker.
expect_status "the draft's edit form" 200 -b "$RJ" "$BASE/ansokningar/$D/andra"
V=$(hidden version)
PV=$(hidden person_version)
check "offers the marker unticked" grep -q 'name="samtycke_vid_visa" value="1" aria-describedby' "$BODY"
WO=$(give_waiver "$D")
q "UPDATE consent SET valid_from = DATE('$TODAY') - INTERVAL 30 DAY, valid_until = DATE('$TODAY') - INTERVAL 1 DAY WHERE id = $WO"
build FULL "personnummer=" "version=$V" "person_version=$PV" "atgard=skicka"
got=$(post "$RJ" "/ansokningar/$D/andra" "${ARGS[@]}")
eq "a waiver past its valid_until: submit refused (400)" "$got" 400
expect_body "with the consent message" "$MSG_SUBMIT"
eq "the draft is unchanged" "$(q "SELECT CONCAT(status, ' ', version) FROM referral WHERE id = $D")" "utkast $V"
W=$(give_waiver "$D")
expect_status "the edit form again" 200 -b "$RJ" "$BASE/ansokningar/$D/andra"
expect_body "says a waiver covers the organisation" "Ett samtycke (sekretesslättnad) som omfattar din organisation finns registrerat."
build FULL "personnummer=" "version=$V" "person_version=$PV" "atgard=skicka"
got=$(post "$RJ" "/ansokningar/$D/andra" "${ARGS[@]}")
eq "with a waiver covering the referring organisation: submitted without the marker (303)" "$got" 303
eq "inskickad, no marker" "$(q "SELECT CONCAT(status, consent_at_visa) FROM referral WHERE id = $D")" "inskickad0"

# --- 4. A decision needs the waiver, whatever the marker says
expect_status "personal.fv opens the marked referral" 200 -b "$FV" "$BASE/inkorg/$R"
expect_body "told up front that the consent is missing" "Samtycke saknas: ansökan kan inte beslutas"
expect_body "and that it is to be taken at the VISA visit" "Remittenten har markerat att samtycket tas vid VISA-besöket."
expect_body "with a link to the consent page" "href=\"/samtycken/ansokan/$R\""
VR=$(hidden version)
reads=$(audits "action = 'read' AND object_type = 'referral' AND object_id = $R AND username = 'personal.fv'")
for d in "beslut=aterfor --data-urlencode aterfor_motivering=Komplettera$$" "beslut=vantelista" \
	"beslut=avrada --data avrada_orsak=halsa --data-urlencode avrada_motivering=Mår$$" \
	"beslut=anta --data startdatum=$TODAY --data planerat_slut=$(day 60) --data kontaktperson=$FVID --data timmar=6"; do
	# shellcheck disable=SC2086
	got=$(post "$FV" "/inkorg/$R/beslut" --data "version=$VR" --data $d)
	eq "${d%% *} without a waiver: 409" "$got" 409
	expect_body "${d%% *}: the message" "$MSG_DECIDE"
	expect_body "${d%% *}: the link to the consent page" "<a href=\"/samtycken/ansokan/$R\">Registrera samtycket</a>"
done
post "$FV" "/inkorg/$R/beslut" --data "version=$VR" --data "beslut=aterfor" --data-urlencode "aterfor_motivering=Komplettera målen$$" > /dev/null
expect_body "the typed reason is kept" ">Komplettera målen$$</textarea>"
eq "nothing was decided" "$(q "SELECT CONCAT(status, ' ', version, ' ', decided_at IS NULL, ' ', (SELECT COUNT(*) FROM participation WHERE referral_id = $R)) FROM referral WHERE id = $R")" "inskickad $VR 1 0"
check "each refusal still logged the read of the referral" \
	test "$(audits "action = 'read' AND object_type = 'referral' AND object_id = $R AND username = 'personal.fv'")" -ge $((reads + 5))

# Expired by date: valid_until in the past.
WX=$(give_waiver "$R")
q "UPDATE consent SET valid_from = DATE('$TODAY') - INTERVAL 30 DAY, valid_until = DATE('$TODAY') - INTERVAL 1 DAY WHERE id = $WX"
got=$(post "$FV" "/inkorg/$R/beslut" --data "version=$VR" --data "beslut=vantelista")
eq "a waiver past its valid_until: decision refused (409)" "$got" 409
eq "still nothing decided" "$(q "SELECT status FROM referral WHERE id = $R")" inskickad
eq "the expiry is written back when the page is read" "$(q "SELECT state FROM consent WHERE id = $WX")" utgangen
# Revoked.
WR=$(give_waiver "$R")
revoke_waiver "$WR"
got=$(post "$FV" "/inkorg/$R/beslut" --data "version=$VR" --data "beslut=vantelista")
eq "a revoked waiver: decision refused (409)" "$got" 409
# Naming another organisation only.
WO2=$(give_waiver "$R" "$OTHER_ORG")
got=$(post "$FV" "/inkorg/$R/beslut" --data "version=$VR" --data "beslut=vantelista")
eq "a waiver naming only another organisation: decision refused (409)" "$got" 409
# A waiver in force covering the referring organisation.
WR2=$(give_waiver "$R")
expect_status "the referral page after the waiver" 200 -b "$FV" "$BASE/inkorg/$R"
check "no longer says the consent is missing" body_lacks "Samtycke saknas: ansökan kan inte beslutas"
got=$(post "$FV" "/inkorg/$R/beslut" --data "version=$VR" --data "beslut=vantelista")
eq "with the waiver the decision goes through (303)" "$got" 303
eq "the referral waits" "$(q "SELECT status FROM referral WHERE id = $R")" vantelista
eq "the decision is audited" \
	"$(audits "action = 'update' AND object_type = 'referral' AND object_id = $R AND detail = 'decision: vantelista'")" 1

# --- 5. The summary needs a waiver that allows disclosure
PN3=$(pnr 19750707)
R3=$(q "INSERT INTO person (personnummer, id_kind, birth_year)
	  VALUES ('$PN3', 'personnummer', 1975);
	INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status, submitted_at, decided_at, decided_by)
	  VALUES (LAST_INSERT_ID(), $INSATS, (SELECT id FROM staff WHERE username = 'remittent.fk'), $FK_ORG, 'antagen',
	  UTC_TIMESTAMP() - INTERVAL 60 DAY, UTC_TIMESTAMP() - INTERVAL 50 DAY, $FVID);
	SET @ref = LAST_INSERT_ID();
	INSERT INTO referral_person (referral_id, first_name, last_name, gender, address, city) VALUES (@ref, 'Summa$$', 'Riesson', 'man', 'Storgatan 5', 'Trollhättan');
	SELECT @ref;")
P3=$(q "INSERT INTO participation (referral_id, person_id, insats_id, status, start_date, planned_end_date, contact_id,
	  hours_per_week, end_date, end_reason_code, occupation_after_code, summary_due_date)
	  SELECT id, person_id, insats_id, 'avslutad', DATE('$TODAY') - INTERVAL 40 DAY, DATE('$TODAY') - INTERVAL 5 DAY, $FVID, 6,
	  DATE('$TODAY') - INTERVAL 5 DAY, 'arbete', 'arbete', DATE('$TODAY') + INTERVAL 16 DAY FROM referral WHERE id = $R3;
	SET @p = LAST_INSERT_ID(); $PART_PERSON_SQL
	SELECT @p;")
check "an ended participation awaiting its summary (fixture)" test -n "$P3"
sent() { q "SELECT summary_sent_at IS NOT NULL FROM participation WHERE id = $P3"; }
S1=$(give_waiver "$R3" "" 0)
expect_status "the participation page" 200 -b "$FV" "$BASE/deltagande/$P3"
expect_body "says up front the summary cannot go out" "Sammanfattningen kan inte skickas till remittenten"
got=$(send_summary "$FV" "$P3")
eq "a waiver without disclosure: summary refused (409)" "$got" 409
expect_body "with the message" "$MSG_SUMMARY"
eq "not marked sent" "$(sent)" 0
S2=$(give_waiver "$R3")
revoke_waiver "$S2"
got=$(send_summary "$FV" "$P3")
eq "a revoked waiver that allowed disclosure: summary refused (409)" "$got" 409
eq "still not sent" "$(sent)" 0
S3=$(give_waiver "$R3")
expect_status "the page with a waiver allowing disclosure" 200 -b "$FV" "$BASE/deltagande/$P3"
check "no longer says it cannot go out" body_lacks "Sammanfattningen kan inte skickas till remittenten"
got=$(send_summary "$FV" "$P3")
eq "with it the summary is marked sent (303)" "$got" 303
eq "sent" "$(sent)" 1
expect_status "the page after the summary" 200 -b "$FV" "$BASE/deltagande/$P3"
eq "the waivers closed with the participation are written back as expired" \
	"$(q "SELECT state FROM consent WHERE id = $S3")" utgangen

# --- 6. The remittent's view after their organisation's party is revoked,
# while another organisation's party stays in force
expect_status "the remittent views D (waiver in force)" 200 -b "$RJ" "$BASE/ansokningar/$D"
expect_body "the details are shown" "Bakgrund $NAME"
add_party "$W" "$OTHER_ORG"
revoke_party "$W" "$FK_ORG"
eq "the waiver stays aktiv, the other party in force" \
	"$(q "SELECT CONCAT(c.state, ' ', p.state) FROM consent c JOIN consent_party p ON p.consent_id = c.id AND p.organisation_id = $OTHER_ORG WHERE c.id = $W")" "aktiv aktiv"
reads=$(audits "action = 'read' AND object_type = 'referral' AND object_id = $D AND username = 'remittent.fk' AND personnummer = '$PN'")
expect_status "the remittent views D after the revocation: 200" 200 -b "$RJ" "$BASE/ansokningar/$D"
expect_body "the statement" "$MSG_HIDDEN"
expect_body "the person's name" "$NAME Gardsson"
expect_body "the insats" "Friska Vindar 2.0"
hidden_ok() {
	local leak=""
	for t in "Bakgrund $NAME" "Mål $NAME" "Behov $NAME" "$(dash "$PN")" "Storgatan 3" "0520-49 70 01" \
		"Ändringshistorik" "<dt>Beslut</dt>" "Inskickad" "Sjukpenning"; do
		grep -qF -- "$t" "$BODY" && leak="$leak [$t]"
	done
	[ -z "$leak" ] || echo "shown:$leak" >&2
	[ -z "$leak" ]
}
check "no application fields, personnummer, address, decision or history" hidden_ok
eq "the read is still logged, with the personnummer" \
	"$(audits "action = 'read' AND object_type = 'referral' AND object_id = $D AND username = 'remittent.fk' AND personnummer = '$PN'")" $((reads + 1))
eq "and says what was shown" \
	"$(q "SELECT detail FROM audit_log WHERE action = 'read' AND object_type = 'referral' AND object_id = $D AND username = 'remittent.fk' ORDER BY id DESC LIMIT 1")" \
	"consent: existence only"
# The list: the row is there, its decision is not.
q "UPDATE referral SET status = 'antagen', decided_at = UTC_TIMESTAMP(), decided_by = $FVID, version = version + 1 WHERE id = $D"
# (The start page, where post takes its token, logs its news list too.)
LISTS=$(audits "action = 'read' AND object_type = 'referral_list' AND username = 'remittent.fk' AND detail NOT LIKE 'news: %'")
expect_status "the remittent's list" 200 -b "$RJ" "$BASE/ansokningar"
check "lists D with its status masked" grep -q "ansokningar/$D\">$NAME Gardsson</a></td><td data-label=\"Insats\">[^<]*</td><td data-label=\"Status\"><span class=\"ref-status ref-status-samtycke\">Samtycke saknas</span>" "$BODY"
check "and the marked referral R with its status" grep -q "ansokningar/$R\">Visa$$ Gardsson</a></td><td data-label=\"Insats\">[^<]*</td><td data-label=\"Status\"><span class=\"ref-status ref-status-vantelista\">Väntelista</span>" "$BODY"
expect_status "the list filtered on antagen" 200 -b "$RJ" "$BASE/ansokningar?status=antagen"
check "does not tell D's decision" body_lacks "/ansokningar/$D\""
post "$RJ" /ansokningar/sok --data-urlencode "personnummer=$(dash "$PN")" > /dev/null
check "the search masks the status too" grep -q "ansokningar/$D\">$NAME Gardsson</a></td><td data-label=\"Insats\">[^<]*</td><td data-label=\"Status\"><span class=\"ref-status ref-status-samtycke\">Samtycke saknas</span>" "$BODY"
check "the lists and the search write their audit rows" \
	test "$(audits "action = 'read' AND object_type = 'referral_list' AND username = 'remittent.fk' AND detail NOT LIKE 'news: %'")" -eq $((LISTS + 2))

# The whole waiver revoked: R.
expect_status "the remittent views R with the waiver in force" 200 -b "$RJ" "$BASE/ansokningar/$R"
expect_body "details shown" "Bakgrund $NAME"
revoke_waiver "$WR2"
expect_status "after the whole waiver is revoked" 200 -b "$RJ" "$BASE/ansokningar/$R"
expect_body "only the statement" "$MSG_HIDDEN"
check "no details" body_lacks "Bakgrund $NAME"

# The edit form is refused the same way: a draft with a waiver, revoked.
PN4=$(pnr 19810808)
build FULL "personnummer=$(dash "$PN4")" "fornamn=Utkast$$" "atgard=spara"
got=$(post "$RJ" /ansokningar/ny "${ARGS[@]}")
D2=$(loc_id)
D2=${D2:-0}
eq "another draft" "$got" 303
expect_status "its edit form" 200 -b "$RJ" "$BASE/ansokningar/$D2/andra"
V=$(hidden version)
PV=$(hidden person_version)
W4=$(give_waiver "$D2")
revoke_waiver "$W4"
expect_status "the edit form after the revocation: 403" 403 -b "$RJ" "$BASE/ansokningar/$D2/andra"
expect_body "with the statement" "$MSG_HIDDEN"
check "and no form" body_lacks 'name="bakgrund"'
build FULL "personnummer=" "fornamn=Utkast$$" "version=$V" "person_version=$PV" "bakgrund=Ändrad$$" "atgard=spara"
got=$(post "$RJ" "/ansokningar/$D2/andra" "${ARGS[@]}")
eq "saving it after the revocation: 403" "$got" 403
expect_body "with the statement" "$MSG_HIDDEN"
eq "nothing changed" "$(q "SELECT CONCAT(version, ' ', background) FROM referral WHERE id = $D2")" "$V Bakgrund $NAME"
done_testing
