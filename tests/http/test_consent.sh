# Consent (page_consent.c, consent.c): prepare a secrecy waiver, sign it on
# the tablet (handed over: test_consent_tablet.sh tests the tablet session
# itself), the copy, revoke one party, revoke all on the tablet, expiry
# by date, the SUS consent (paper, tablet, superseded, revoked), entered in
# error, text versions pinned after an admin edit, access, and an access-log
# row for every event. The referral is a fixture made with SQL, for the
# running insats Case Manager Grästorp (personal.cm) from remittent.fk.
. "$(dirname "$0")/lib.sh"

CMI=$(insats_id_of "Case Manager")
FKO=$(org_id_of Försäkringskassan)
TH=$(org_id_of "Trollhättans Stad")
EB=$(org_id_of "Ekonomiskt bistånd (försörjningsstöd)" "Trollhättans Stad")
SOC_ID=$(staff_id_of remittent.soc)

PNR=$(pnr "19$((70 + RANDOM % 25))0$((1 + RANDOM % 9))1$((RANDOM % 9))")
R=$(fixture_referral "$CMI" Samt Yckesson "$PNR")
check "fixture referral created" test -n "$R"

log_in CM personal.cm
log_in RJ remittent.fk
log_in SJ remittent.soc
log_in TJ personal.tramp
log_in FJ forbund
log_in AJ admin

# --- Access: the insats's staff and the remittent; nobody else
expect_status "the insats staff see the consents" 200 -b "$CM" "$BASE/samtycken/ansokan/$R"
expect_body "no consent yet" "Inget samtycke"
expect_body "not covered yet" "<strong>omfattas inte</strong>"
expect_body "no SUS answer: anonymous" "rapporteras anonymt"
expect_header "consent pages are not cached" "Cache-Control: no-store"
expect_status "the remittent who applied sees them" 200 -b "$RJ" "$BASE/samtycken/ansokan/$R"
expect_body "and may take one" "/samtycken/ansokan/$R/ny?typ=sekretess"
q "INSERT INTO referral_coremittent (referral_id, staff_id, organisation_id, name) VALUES ($R, $SOC_ID, $EB, 'Soc Medremittent')"
# (another organisation's: they see the consents once a waiver names their
# organisation, test_privacy_person.sh)
expect_status "a medremittent from another organisation, no waiver yet: 403" 403 -b "$SJ" "$BASE/samtycken/ansokan/$R"
expect_status "and may not prepare one: 403" 403 -b "$SJ" "$BASE/samtycken/ansokan/$R/ny?typ=sekretess"
q "DELETE FROM referral_coremittent WHERE referral_id = $R"
expect_status "another insats's staff: 404" 404 -b "$TJ" "$BASE/samtycken/ansokan/$R"
expect_status "another organisation's remittent: 404" 404 -b "$SJ" "$BASE/samtycken/ansokan/$R"
expect_status "forbund: 403" 403 -b "$FJ" "$BASE/samtycken/ansokan/$R"
eq "reading the consents is in the access log" \
	"$(audits "object_type = 'referral' AND object_id = $R AND detail = 'consents' AND username = 'personal.cm'")" 1

# --- Preparing a waiver: never blanket
expect_status "the waiver form" 200 -b "$CM" "$BASE/samtycken/ansokan/$R/ny?typ=sekretess"
expect_body "the referring organisation is ticked" "id=\"part-o$FKO\" name=\"part\" value=\"o$FKO\" checked"
expect_body "the insats is ticked" "id=\"part-i$CMI\" name=\"part\" value=\"i$CMI\" checked"
expect_body "units are offered one by one" "Trollhättans Stad – Ekonomiskt bistånd (försörjningsstöd)"
expect_status "no categories, no direction, an end in the past: 400" 400 -b "$CM" \
	--data-urlencode "typ=sekretess" --data-urlencode "sprak=sv" --data-urlencode "part=o$FKO" \
	--data-urlencode "syfte=Mitt typade syfte" --data-urlencode "fran=$(day -10)" \
	--data-urlencode "till=$(day -1)" --data-urlencode "satt=surfplatta" \
	--data-urlencode "csrf=$(fetch -b "$CM" "$BASE/start" > /dev/null; form_csrf)" \
	"$BASE/samtycken/ansokan/$R/ny"
expect_body "categories are required" "Välj minst ett slags uppgifter."
expect_body "a direction is required" "Välj hämta in, lämna ut eller båda."
expect_body "an end in the past is refused" "Slutdatumet har redan passerat."
expect_body "the typed purpose is kept" "Mitt typade syfte"
expect_body "the ticked party is kept" "value=\"o$FKO\" checked"
check "the unticked insats stays unticked" body_lacks "value=\"i$CMI\" checked"
eq "nothing was written" "$(q "SELECT COUNT(*) FROM consent WHERE referral_id = $R")" 0
expect_status "a party not in the list: 400" 400 -b "$CM" \
	--data-urlencode "typ=sekretess" --data-urlencode "sprak=sv" --data-urlencode "part=o999999" \
	--data-urlencode "kategori=halsa" --data-urlencode "inhamta=1" --data-urlencode "syfte=S" \
	--data-urlencode "fran=$TODAY" --data-urlencode "till=$(day 30)" --data-urlencode "satt=surfplatta" \
	--data-urlencode "csrf=$(fetch -b "$CM" "$BASE/start" > /dev/null; form_csrf)" \
	"$BASE/samtycken/ansokan/$R/ny"
expect_body "says so" "Välj parterna i listan."

# Försäkringskassan (the remittent's), Trollhättan's ekonomiskt bistånd and
# the insats.
st=$(post "$CM" "/samtycken/ansokan/$R/ny" --data-urlencode "typ=sekretess" --data-urlencode "sprak=sv" \
	--data-urlencode "part=o$FKO" --data-urlencode "part=o$EB" --data-urlencode "part=i$CMI" \
	--data-urlencode "kategori=halsa" --data-urlencode "kategori=arbete" \
	--data-urlencode "inhamta=1" --data-urlencode "lamna=1" --data-urlencode "syfte=Planera insatsen" \
	--data-urlencode "fran=$TODAY" --data-urlencode "till=$(day 90)" --data-urlencode "satt=surfplatta")
eq "a waiver is prepared for the tablet" "$st" 303
C=$(q "SELECT id FROM consent WHERE referral_id = $R AND kind = 'sekretess'")
expect_header "and the tablet opens" "Location: /samtycken/$C/surfplatta"
eq "as a draft" "$(q "SELECT state FROM consent WHERE id = $C")" utkast
eq "with its three parties" "$(q "SELECT COUNT(*) FROM consent_party WHERE consent_id = $C AND state = 'aktiv'")" 3
eq "and two categories" "$(q "SELECT COUNT(*) FROM consent_consent_category WHERE consent_id = $C")" 2
V1=$(q "SELECT t.version FROM consent c JOIN consent_text t ON t.id = c.text_id WHERE c.id = $C")
T1=$(q "SELECT text_id FROM consent WHERE id = $C")
eq "the text shown is frozen from the moment it is prepared" "$(q "SELECT used FROM consent_text WHERE id = $T1")" 1

# --- Signing on the tablet, handed over by personal.cm
hand_over "$C"
eq "the tablet is handed over" "$HO_ST" 303
st=$(tfetch "$TJAR" "$BASE/samtycken/$C/surfplatta")
eq "the tablet page" "$st" 200
expect_body "in Swedish" '<html lang="sv" dir="ltr">'
expect_body "with the text" "Samtycke till sekretesslättnad"
expect_body "the parties named" "Trollhättans Stad – Ekonomiskt bistånd (försörjningsstöd)"
expect_body "the categories named" "Sjukskrivning och hälsa"
expect_body "a signature pad" 'class="signature-pad"'
check "no staff navigation on the tablet" body_lacks "Logga ut"
st=$(tpost "$TJAR" "/samtycken/$C/surfplatta" --data-urlencode "namn=Samt Yckesson" --data-urlencode "signatur=")
eq "signing without a drawn signature: 400" "$st" 400
expect_body "asks for a drawing or the typed name" "Skriv under i rutan, eller skriv ditt fullständiga namn som underskrift."
expect_body "the typed name is kept" 'value="Samt Yckesson"'
st=$(tpost "$TJAR" "/samtycken/$C/surfplatta" --data-urlencode "namn=Samt Yckesson" \
	--data-urlencode 'signatur=M 1 1 L 2 2"/><script>alert(1)</script>')
eq "a signature that is not path data: 400" "$st" 400
eq "still a draft" "$(q "SELECT state FROM consent WHERE id = $C")" utkast
st=$(tpost "$TJAR" "/samtycken/$C/surfplatta" --data-urlencode "namn=Samt Yckesson" --data-urlencode "signatur=$SIG")
eq "signing" "$st" 303
eq "the waiver is in force" "$(q "SELECT state FROM consent WHERE id = $C")" aktiv
eq "signed on the tablet with name and path" \
	"$(q "SELECT CONCAT(signed_how, '|', signer_name, '|', signature_svg) FROM consent WHERE id = $C")" \
	"surfplatta|Samt Yckesson|$SIG"
eq "the text version is frozen" "$(q "SELECT used FROM consent_text WHERE id = $T1")" 1
eq "the thank-you screen" "$(tfetch "$TJAR" "$BASE/samtycken/$C/surfplatta?klart=1")" 200
expect_body "thanks and hand back" "Lämna tillbaka surfplattan till personalen."
st=$(tpost "$TJAR" "/samtycken/$C/surfplatta" --data-urlencode "namn=Någon Annan" --data-urlencode "signatur=$SIG")
eq "signing twice: 409" "$st" 409
eq "stored once" "$(q "SELECT COUNT(*) FROM consent_event WHERE consent_id = $C AND event = 'givet'")" 1
eq "the first signer stays" "$(q "SELECT signer_name FROM consent WHERE id = $C")" "Samt Yckesson"
eq "giving is in the access log, as the tablet's" \
	"$(audits "object_type = 'consent' AND object_id = $C AND action = 'create' AND detail LIKE '%: waiver given'
	    AND username = 'surfplatta:personal.cm'")" 1

eq "the participant's copy" "$(tfetch "$TJAR" "$BASE/samtycken/$C/kopia")" 200
expect_body "holds the drawn signature" "<path d=\"$SIG\"/>"
expect_body "and who signed" "Samt Yckesson"
eq "printing the copy is in the access log" \
	"$(audits "object_type = 'consent' AND object_id = $C AND action = 'print'")" 1

expect_status "the referral's consents now" 200 -b "$CM" "$BASE/samtycken/ansokan/$R"
expect_body "the waiver is in force" '<span class="consent consent-aktiv">Gäller</span>'
expect_body "the referring organisation is covered" "Försäkringskassan: omfattas"

# --- Revoking one party (recorded by staff): the others stay in force
P10=$(q "SELECT id FROM consent_party WHERE consent_id = $C AND organisation_id = $EB")
expect_status "the consent page" 200 -b "$RJ" "$BASE/samtycken/$C"
expect_body "offers revoking one party" "id=\"rv-$P10\" name=\"part\" value=\"$P10\""
st=$(post "$RJ" "/samtycken/$C/aterkalla" --data-urlencode "part=$P10" --data-urlencode "hur=muntligt" \
	--data-urlencode "skal=Ringde och återkallade")
eq "the remittent records an oral revocation of one party" "$st" 303
eq "that party is revoked" "$(q "SELECT state FROM consent_party WHERE id = $P10")" aterkallad
eq "the others are not" "$(q "SELECT COUNT(*) FROM consent_party WHERE consent_id = $C AND state = 'aktiv'")" 2
eq "the waiver stays in force" "$(q "SELECT state FROM consent WHERE id = $C")" aktiv
eq "a 'changed' event with who and how" \
	"$(q "SELECT CONCAT(e.event, '|', e.how, '|', s.username, '|', e.reason) FROM consent_event e JOIN staff s ON s.id = e.staff_id WHERE e.consent_id = $C AND e.party_id = $P10")" \
	"andrat|muntligt|remittent.fk|Ringde och återkallade"
eq "in the access log" \
	"$(audits "object_type = 'consent' AND object_id = $C AND action = 'update' AND detail = 'party $P10 revoked (muntligt)'")" 1
expect_status "the status shows it" 200 -b "$CM" "$BASE/samtycken/ansokan/$R"
expect_body "the revoked party is marked" "Ekonomiskt bistånd (försörjningsstöd) <strong class=\"consent-revoked\">(återkallad)</strong>"
expect_body "Försäkringskassan is still covered" "Försäkringskassan: omfattas"
st=$(post "$RJ" "/samtycken/$C/aterkalla" --data-urlencode "part=$P10" --data-urlencode "hur=muntligt")
eq "revoking the same party again: 409" "$st" 409

# --- Revoking all on the tablet, as easy as giving
hand_over "$C" aterkalla
eq "the tablet is handed over to revoke" "$HO_ST" 303
eq "the tablet's revoke page" "$(tfetch "$TJAR" "$BASE/samtycken/$C/aterkalla")" 200
expect_body "one button per party in force" 'Återkalla för <span lang="sv" dir="ltr">Försäkringskassan'
check "none for the party already revoked" body_lacks "Återkalla för Trollhättans Stad"
expect_body "and one for the whole waiver" "Återkalla hela sekretesslättnaden"
st=$(tpost "$TJAR" "/samtycken/$C/aterkalla" --data-urlencode "samtycke=$C" --data-urlencode "part=alla" \
	--data-urlencode "bekrafta=ja")
eq "the participant revokes all" "$st" 303
expect_header "to the tablet's confirmation" "Location: /samtycken/$C/aterkalla?klart=1"
eq "the waiver is revoked" "$(q "SELECT state FROM consent WHERE id = $C")" aterkallad
eq "every party with it" "$(q "SELECT COUNT(*) FROM consent_party WHERE consent_id = $C AND state = 'aktiv'")" 0
eq "a 'revoked' event, on the tablet" \
	"$(q "SELECT how FROM consent_event WHERE consent_id = $C AND event = 'aterkallat'")" surfplatta
eq "in the access log" \
	"$(audits "object_type = 'consent' AND object_id = $C AND detail LIKE '%: revoked (surfplatta)'")" 1
eq "the confirmation" "$(tfetch "$TJAR" "$BASE/samtycken/$C/aterkalla?klart=1")" 200
expect_body "says it applies now" "Återkallelsen är registrerad och gäller nu."
st=$(post "$CM" "/samtycken/$C/aterkalla" --data-urlencode "part=alla" --data-urlencode "hur=muntligt")
eq "nothing left to revoke: 409" "$st" 409
st=$(tpost "$TJAR" "/samtycken/$C/aterkalla" --data-urlencode "samtycke=$C" --data-urlencode "part=alla" \
	--data-urlencode "bekrafta=ja")
eq "a double tap on the tablet: 409" "$st" 409
check "and the tablet stays on the tablet page" body_lacks "Logga ut"
expect_body "saying there is nothing left to revoke" "Det finns inget gällande samtycke att återkalla."
expect_status "the remittent no longer covered cannot open the consents: 403" 403 -b "$RJ" "$BASE/samtycken/ansokan/$R"
expect_status "nor one consent" 403 -b "$RJ" "$BASE/samtycken/$C"
expect_status "nor the copy" 403 -b "$RJ" "$BASE/samtycken/$C/kopia"
expect_status "the status" 200 -b "$CM" "$BASE/samtycken/ansokan/$R"
expect_body "shows the revocation" '<span class="consent consent-aterkallad">Återkallat</span>'
expect_body "and the organisation no longer covered" "Försäkringskassan: <strong>omfattas inte</strong>"

# --- Expired by date: written back with an event on the next read
st=$(post "$CM" "/samtycken/ansokan/$R/ny" --data-urlencode "typ=sekretess" --data-urlencode "sprak=sv" \
	--data-urlencode "part=o$FKO" --data-urlencode "part=i$CMI" --data-urlencode "kategori=planering" \
	--data-urlencode "lamna=1" --data-urlencode "syfte=Planera" --data-urlencode "fran=$TODAY" \
	--data-urlencode "till=$(day 10)" --data-urlencode "satt=papper" --data-urlencode "pappersdatum=$TODAY")
eq "a waiver signed on paper is recorded" "$st" 303
C2=$(q "SELECT MAX(id) FROM consent WHERE referral_id = $R AND kind = 'sekretess'")
eq "in force at once, on paper" "$(q "SELECT CONCAT(state, '|', signed_how, '|', paper_date) FROM consent WHERE id = $C2")" "aktiv|papper|$TODAY"
expect_status "covered again" 200 -b "$CM" "$BASE/samtycken/ansokan/$R"
expect_body "covered again" "Försäkringskassan: omfattas"
q "UPDATE consent SET valid_from = '$(day -20)', valid_until = '$(day -1)' WHERE id = $C2"
expect_status "after its last day" 200 -b "$CM" "$BASE/samtycken/ansokan/$R"
expect_body "it shows as expired" '<span class="consent consent-utgangen">Utgånget</span>'
expect_body "and no longer covers" "Försäkringskassan: <strong>omfattas inte</strong>"
eq "expiry is written back" "$(q "SELECT state FROM consent WHERE id = $C2")" utgangen
eq "with an event" "$(q "SELECT CONCAT(event, '|', how) FROM consent_event WHERE consent_id = $C2 AND event = 'utganget'")" "utganget|system"
eq "and in the access log" "$(audits "object_type = 'consent' AND object_id = $C2 AND detail = 'expired'")" 1

# --- A draft whose last day has passed cannot be signed
st=$(post "$CM" "/samtycken/ansokan/$R/ny" --data-urlencode "typ=sekretess" --data-urlencode "sprak=sv" \
	--data-urlencode "part=o$FKO" --data-urlencode "part=i$CMI" --data-urlencode "kategori=planering" \
	--data-urlencode "lamna=1" --data-urlencode "syfte=Planera" --data-urlencode "fran=$TODAY" \
	--data-urlencode "till=$(day 5)" --data-urlencode "satt=surfplatta")
CL=$(q "SELECT MAX(id) FROM consent WHERE referral_id = $R AND kind = 'sekretess'")
hand_over "$CL" # while it can still be signed
q "UPDATE consent SET valid_from = '$(day -9)', valid_until = '$(day -2)' WHERE id = $CL"
eq "the tablet page of a draft past its last day" "$(tfetch "$TJAR" "$BASE/samtycken/$CL/surfplatta")" 200
expect_body "says it can no longer be signed" "Samtycket kan inte längre skrivas under."
check "and offers no signing form" body_lacks 'id="signera"'
st=$(tpost "$TJAR" "/samtycken/$CL/surfplatta" --data-urlencode "namn=Samt Yckesson" --data-urlencode "signatur=$SIG")
eq "signing it anyway: 409" "$st" 409
eq "it stays a draft" "$(q "SELECT state FROM consent WHERE id = $CL")" utkast
st=$(post "$CM" "/samtycken/$CL/papper" --data-urlencode "pappersdatum=$TODAY")
eq "nor can it be recorded from paper: 409" "$st" 409
expect_body "saying why" "Giltighetstiden har redan gått ut."

# --- The SUS consent: separate, yes or no, superseded by a new answer
st=$(post "$CM" "/samtycken/ansokan/$R/ny" --data-urlencode "typ=sus" --data-urlencode "sprak=sv" \
	--data-urlencode "fran=$TODAY" --data-urlencode "satt=papper" --data-urlencode "pappersdatum=$TODAY")
eq "a SUS consent on paper without the answer: 400" "$st" 400
expect_body "asks for the answer" "Ange deltagarens svar: ja eller nej."
st=$(post "$CM" "/samtycken/ansokan/$R/ny" --data-urlencode "typ=sus" --data-urlencode "sprak=sv" \
	--data-urlencode "fran=$TODAY" --data-urlencode "satt=papper" --data-urlencode "pappersdatum=$(day 1)" \
	--data-urlencode "svar=nej")
eq "a paper dated tomorrow: 400" "$st" 400
st=$(post "$CM" "/samtycken/ansokan/$R/ny" --data-urlencode "typ=sus" --data-urlencode "sprak=sv" \
	--data-urlencode "fran=$TODAY" --data-urlencode "satt=papper" --data-urlencode "pappersdatum=$TODAY" \
	--data-urlencode "svar=nej")
eq "a SUS 'no' on paper" "$st" 303
S1=$(q "SELECT MAX(id) FROM consent WHERE referral_id = $R AND kind = 'sus'")
eq "stored as no, in force" "$(q "SELECT CONCAT(state, '|', answer) FROM consent WHERE id = $S1")" "aktiv|nej"
expect_status "status" 200 -b "$CM" "$BASE/samtycken/ansokan/$R"
expect_body "SUS no: anonymous" "Nej: rapporteras anonymt"
st=$(post "$CM" "/samtycken/ansokan/$R/ny" --data-urlencode "typ=sus" --data-urlencode "sprak=ar" \
	--data-urlencode "fran=$TODAY" --data-urlencode "satt=surfplatta")
eq "a SUS consent in Arabic for the tablet" "$st" 303
S2=$(q "SELECT MAX(id) FROM consent WHERE referral_id = $R AND kind = 'sus'")
hand_over "$S2"
eq "the Arabic tablet page" "$(tfetch "$TJAR" "$BASE/samtycken/$S2/surfplatta")" 200
expect_body "right to left" '<html lang="ar" dir="rtl">'
expect_body "in Arabic" "الموافقة على التسجيل في نظام SUS"
st=$(tpost "$TJAR" "/samtycken/$S2/surfplatta" --data-urlencode "namn=سامت" --data-urlencode "signatur=$SIG")
eq "no answer chosen: 400" "$st" 400
expect_body "asked in Arabic" "اختر نعم أو لا."
st=$(tpost "$TJAR" "/samtycken/$S2/surfplatta" --data-urlencode "namn=سامت" --data-urlencode "signatur=$SIG" \
	--data-urlencode "svar=ja")
eq "the participant answers yes" "$st" 303
eq "yes, in force" "$(q "SELECT CONCAT(state, '|', answer) FROM consent WHERE id = $S2")" "aktiv|ja"
eq "the earlier 'no' is replaced" "$(q "SELECT state FROM consent WHERE id = $S1")" aterkallad
eq "with a reason in its history" \
	"$(q "SELECT reason FROM consent_event WHERE consent_id = $S1 AND event = 'aterkallat'")" "Ersatt av ett nytt samtycke av samma slag, givet vid samma tillfälle."
expect_status "status, as the insats staff" 200 -b "$CM" "$BASE/samtycken/ansokan/$R"
expect_body "SUS yes: with personnummer" "Gäller</span> – rapporteras med personnummer"
expect_status "status, as the remittent" 200 -b "$RJ" "$BASE/samtycken/ansokan/$R"
expect_body "SUS yes" "Gäller</span>"
check "without how it is reported: that also depends on the insats's record" \
	bash -c "! grep -qE 'rapporteras (med personnummer|anonymt)' '$BODY'"
q "UPDATE referral_person SET protected_identity = 1 WHERE referral_id = $R"
expect_status "status with protected identity" 200 -b "$CM" "$BASE/samtycken/ansokan/$R"
expect_body "SUS yes but protected identity: anonymous" "Gäller</span> – rapporteras anonymt"
q "UPDATE referral_person SET protected_identity = 0 WHERE referral_id = $R"
st=$(post "$RJ" "/samtycken/$S2/aterkalla" --data-urlencode "part=alla" --data-urlencode "hur=skriftligt")
eq "a written revocation of the SUS consent" "$st" 303
eq "revoked" "$(q "SELECT state FROM consent WHERE id = $S2")" aterkallad
expect_status "status" 200 -b "$CM" "$BASE/samtycken/ansokan/$R"
expect_body "SUS revoked: anonymous" "Återkallat</span> – rapporteras anonymt"

# --- Entered in error
st=$(post "$CM" "/samtycken/ansokan/$R/ny" --data-urlencode "typ=sus" --data-urlencode "sprak=sv" \
	--data-urlencode "fran=$TODAY" --data-urlencode "satt=surfplatta")
S3=$(q "SELECT MAX(id) FROM consent WHERE referral_id = $R AND kind = 'sus'")
st=$(post "$CM" "/samtycken/$S3/felaktig" --data-urlencode "skal=")
eq "in error without a reason: 400" "$st" 400
st=$(post "$CM" "/samtycken/$S3/felaktig" --data-urlencode "skal=Fel person vid surfplattan")
eq "marked in error with a reason" "$st" 303
eq "kept, as felaktig" "$(q "SELECT state FROM consent WHERE id = $S3")" felaktig
eq "with the reason" "$(q "SELECT CONCAT(how, '|', reason) FROM consent_event WHERE consent_id = $S3 AND event = 'felaktigt'")" "personal|Fel person vid surfplattan"
st=$(post "$SJ" "/samtycken/$S3/felaktig" --data-urlencode "skal=Inte min")
eq "another organisation's remittent cannot touch it: 404" "$st" 404
eq "nothing is ever deleted" "$(q "SELECT COUNT(*) FROM consent WHERE referral_id = $R")" 6
eq "the app account may not edit the event log" \
	"$(sql_app "UPDATE consent_event SET reason = 'x' WHERE consent_id = $C" | grep -c 'command denied')" 1
eq "nor may an administrator" \
	"$(sql_admin "UPDATE consent_event SET reason = 'x' WHERE consent_id = $C" 2>&1 | grep -c 'append-only')" 1

# --- Text versions: an admin edit never changes what was signed
expect_status "the admin's texts" 200 -b "$AJ" "$BASE/admin/samtyckestexter"
expect_body "lists the used Swedish waiver text" "<a href=\"/admin/samtyckestexter/$T1\">Samtycke till sekretesslättnad</a>"
st=$(post "$AJ" "/admin/samtyckestexter/$T1" --data-urlencode "titel=Samtycke till sekretesslättnad (reviderad)" \
	--data-urlencode "text=Ny lydelse. Andra stycket.")
eq "the admin edits the used text" "$st" 303
eq "the signed version is untouched" "$(q "SELECT CONCAT(version, '|', is_current, '|', title) FROM consent_text WHERE id = $T1")" \
	"$V1|0|Samtycke till sekretesslättnad"
eq "the edit is the next version, current" \
	"$(q "SELECT COUNT(*) FROM consent_text WHERE forbund_id = (SELECT forbund_id FROM staff WHERE username = 'admin')
	      AND kind = 'sekretess' AND language = 'sv' AND version = $((V1 + 1)) AND is_current = 1")" 1
expect_status "the signed consent" 200 -b "$CM" "$BASE/samtycken/$C"
expect_body "still shows the text version it was signed with" "Texten deltagaren såg (version $V1)"
check "not the new wording" body_lacks "Ny lydelse."
st=$(post "$CM" "/samtycken/ansokan/$R/ny" --data-urlencode "typ=sekretess" --data-urlencode "sprak=sv" \
	--data-urlencode "part=o$FKO" --data-urlencode "kategori=planering" --data-urlencode "lamna=1" \
	--data-urlencode "syfte=Planera" --data-urlencode "fran=$TODAY" --data-urlencode "till=$(day 10)" \
	--data-urlencode "satt=surfplatta")
C3=$(q "SELECT MAX(id) FROM consent WHERE referral_id = $R AND kind = 'sekretess'")
hand_over "$C3"
eq "a new consent on the tablet" "$(tfetch "$TJAR" "$BASE/samtycken/$C3/surfplatta")" 200
expect_body "gets the new version" "Samtycke till sekretesslättnad (reviderad)"
eq "the database refuses to change a used text" \
	"$(sql_app "UPDATE consent_text SET body = 'x' WHERE id = $T1" | grep -c 'never changed')" 1
eq "the admin's edit is in the access log" "$(audits "object_type = 'consent_text' AND object_id = $T1 AND detail = 'new version'")" 1
st=$(post "$AJ" "/admin/samtyckestexter/ny" --data-urlencode "typ=sus" --data-urlencode "sprak=fi" \
	--data-urlencode "titel=Suostumus SUS" --data-urlencode "text=Esimerkkiteksti.")
eq "a text in a new language" "$st" 303
eq "is version 1 of Finnish" "$(q "SELECT CONCAT(version, '|', is_current) FROM consent_text WHERE kind = 'sus' AND language = 'fi'
	AND forbund_id = (SELECT forbund_id FROM staff WHERE username = 'admin')")" "1|1"
st=$(post "$AJ" "/admin/samtyckestexter/ny" --data-urlencode "typ=sus" --data-urlencode "sprak=Somali!" \
	--data-urlencode "titel=X" --data-urlencode "text=Y")
eq "a malformed language code: 400" "$st" 400
expect_body "kept what was typed" "Somali!"

# --- An expired waiver can still be revoked (it decides what the remittent
# side sees), and a party from another consent is refused
eq "the paper waiver is expired" "$(q "SELECT state FROM consent WHERE id = $C2")" utgangen
expect_status "an expired waiver still shows the remittent the application" 200 -b "$RJ" "$BASE/samtycken/ansokan/$R"
st=$(post "$CM" "/samtycken/$C2/aterkalla" --data-urlencode "part=$P10" --data-urlencode "hur=muntligt")
eq "a party of another consent: 409" "$st" 409
st=$(post "$CM" "/samtycken/$C2/aterkalla" --data-urlencode "part=alla" --data-urlencode "hur=skriftligt")
eq "revoking the expired waiver" "$st" 303
eq "it is revoked" "$(q "SELECT state FROM consent WHERE id = $C2")" aterkallad
expect_status "the remittent now sees no consents" 403 -b "$RJ" "$BASE/samtycken/ansokan/$R"

# --- Marking a signed waiver in error does not give the details back
W=$(give_waiver "$R")
expect_status "a new waiver naming Försäkringskassan: the remittent sees again" 200 -b "$RJ" "$BASE/samtycken/ansokan/$R"
st=$(post "$RJ" "/samtycken/$W/felaktig" --data-urlencode "skal=Fel blankett")
eq "the remittent marks it in error" "$st" 303
expect_status "and then no longer sees the consents" 403 -b "$RJ" "$BASE/samtycken/ansokan/$R"
expect_status "nor the application's details" 200 -b "$RJ" "$BASE/ansokningar/$R"
expect_body "only that it exists" "Samtycket omfattar inte din organisation."
expect_body "and why" "Det senaste samtycket är markerat som felaktigt."

# --- A member named as a party covers its units
R2=$(q "INSERT INTO person (personnummer, id_kind, birth_year)
          VALUES ('$(pnr 19800202)', 'personnummer', 1980);
        INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status, submitted_at)
          VALUES (LAST_INSERT_ID(), $CMI, $SOC_ID, $EB, 'inskickad', UTC_TIMESTAMP());
        SET @ref = LAST_INSERT_ID();
        INSERT INTO referral_person (referral_id, first_name, last_name, gender) VALUES (@ref, 'Enhet', 'Testsson', 'man');
        SELECT @ref;")
W2=$(give_waiver "$R2" "$TH")
expect_status "a unit's referral under a waiver naming its municipality" 200 -b "$CM" "$BASE/samtycken/ansokan/$R2"
expect_body "the unit is covered" "Trollhättans Stad – Ekonomiskt bistånd (försörjningsstöd): omfattas"

# --- The insats itself revoked as a party: the waiver no longer covers
# anyone, since the insats may exchange nothing
IP=$(q "SELECT id FROM consent_party WHERE consent_id = $W2 AND insats_id IS NOT NULL")
st=$(post "$CM" "/samtycken/$W2/aterkalla" --data-urlencode "part=$IP" --data-urlencode "hur=muntligt")
eq "the insats is revoked as a party" "$st" 303
expect_status "status" 200 -b "$CM" "$BASE/samtycken/ansokan/$R2"
expect_body "the unit is no longer covered" "Trollhättans Stad – Ekonomiskt bistånd (försörjningsstöd): <strong>omfattas inte</strong>"

# --- Two tablets signing two drafts of one referral at the same moment:
# serialised on the referral, so no error and exactly one waiver in force
draft() {
	post "$CM" "/samtycken/ansokan/$R2/ny" --data-urlencode "typ=sekretess" --data-urlencode "sprak=sv" \
		--data-urlencode "part=o$TH" --data-urlencode "part=i$CMI" --data-urlencode "kategori=planering" \
		--data-urlencode "lamna=1" --data-urlencode "syfte=Planera" --data-urlencode "fran=$TODAY" \
		--data-urlencode "till=$(day 20)" --data-urlencode "satt=surfplatta" > /dev/null
	q "SELECT MAX(id) FROM consent WHERE referral_id = $R2 AND kind = 'sekretess'"
}
DA=$(draft)
DB=$(draft)
hand_over "$DA"
JA=$TJAR
hand_over "$DB"
JB=$TJAR
for d in "$DA:$JA" "$DB:$JB"; do
	jar=${d#*:}
	d=${d%%:*}
	curl -sS -o /dev/null -w '%{http_code}\n' --max-time 20 -b "$jar" --data-urlencode "csrf=$(tablet_csrf "$jar")" \
		--data-urlencode "namn=Enhet Testsson" --data-urlencode "signatur=$SIG" \
		"$BASE/samtycken/$d/surfplatta" > "$BODY.$d" &
done
wait
eq "both signings succeed" "$(cat "$BODY.$DA" "$BODY.$DB" | sort -u | tr '\n' ' ')" "303 "
rm -f "$BODY.$DA" "$BODY.$DB"
eq "exactly one waiver in force for the referral" \
	"$(q "SELECT COUNT(*) FROM consent WHERE referral_id = $R2 AND kind = 'sekretess' AND state = 'aktiv'")" 1
eq "the other and the earlier one replaced" \
	"$(q "SELECT COUNT(*) FROM consent WHERE referral_id = $R2 AND kind = 'sekretess' AND state = 'aterkallad'")" 2
done_testing
