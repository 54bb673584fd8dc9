# The consent tablet (issue 12, parts 2 and 6).
#  - Handing the tablet over ends the staff session on the device and
#    starts a tablet session for that one consent: its text, signing, the
#    copy and revoking. /deltagare, /inkorg, /deltagande/ID, /ansokningar,
#    another consent's tablet page and every other page give the lock
#    screen and end the tablet session, never data. It locks after 5
#    minutes idle; staff take it back by logging in. The access log records
#    the tablet's actions as the tablet's, naming the consent and who
#    handed it over, not as the staff member's reads.
#  - Two consents, two choices: on the tablet the secrecy waiver (per party
#    or whole) and the SUS consent are revoked each on its own, each choice
#    says in the participant's language what it does, and nothing is
#    revoked without a confirmation.
# Fixtures are made with SQL for the running insats Case Manager Grästorp
# (personal.cm) from remittent.fk at Försäkringskassan.
. "$(dirname "$0")/lib.sh"

CMI=$(insats_id_of "Case Manager")
FKO=$(org_id_of Försäkringskassan)
CM_ID=$(staff_id_of personal.cm)

R=$(fixture_referral "$CMI" Tablett Provsson)
LAST=Provsson
check "fixture referral created" test -n "$R"
# Someone else's participation in the same insats, as in the repro (/deltagande/505).
P=$(q "SELECT p.id FROM participation p JOIN referral r ON r.id = p.referral_id
         WHERE r.insats_id = $CMI ORDER BY p.id LIMIT 1")
P_LAST=$(q "SELECT pe.last_name FROM participation p JOIN referral r ON r.id = p.referral_id
              JOIN participation_person pe ON pe.participation_id = p.id WHERE p.id = $P")
check "a participation of the insats to look for" test -n "$P"

log_in CM personal.cm
st=$(post "$CM" "/samtycken/ansokan/$R/ny" --data-urlencode "typ=sekretess" --data-urlencode "sprak=sv" \
	--data-urlencode "part=o$FKO" --data-urlencode "part=i$CMI" --data-urlencode "kategori=arbete" \
	--data-urlencode "inhamta=1" --data-urlencode "lamna=1" --data-urlencode "syfte=Planera" \
	--data-urlencode "fran=$TODAY" --data-urlencode "till=$(day 60)" --data-urlencode "satt=surfplatta")
eq "a waiver is prepared for the tablet" "$st" 303
C=$(q "SELECT MAX(id) FROM consent WHERE referral_id = $R AND kind = 'sekretess'")
expect_header "to the tablet page" "Location: /samtycken/$C/surfplatta"
# Another consent, of another person, for "another consent's tablet page".
R2=$(fixture_referral "$CMI" Annan Personsson)
M=$(give_waiver_in "$R2" sv)

# --- For staff, the tablet page is the handover, not the participant's page
expect_status "staff open the tablet page" 200 -b "$CM" "$BASE/samtycken/$C/surfplatta"
expect_body "they get the handover page" "Lämna surfplattan till deltagaren"
expect_body "which says they are logged out" "loggas du ut"
check "not the signing form" body_lacks 'class="signature-pad"'
st=$(post "$CM" "/samtycken/$C/surfplatta" --data-urlencode "namn=Tablett Provsson" --data-urlencode "signatur=$SIG")
eq "staff cannot sign in their own session: 403" "$st" 403
eq "still a draft" "$(consent_state "$C")" utkast

# --- The handover
hand_over "$C"
eq "the handover" "$HO_ST" 303
expect_header "goes to the tablet page" "Location: /samtycken/$C/surfplatta"
expect_header "ends the staff session's cookie" "Set-Cookie: stegvis_session=;"
expect_header "and starts the tablet's" "Set-Cookie: stegvis_surfplatta="
eq "one tablet session, for this consent, handed over by personal.cm" \
	"$(q "SELECT CONCAT(COUNT(*), '|', MAX(consent_id), '|', MAX(staff_id)) FROM tablet_session WHERE consent_id = $C")" \
	"1|$C|$CM_ID"
eq "the staff member's session cookie is gone from the device" \
	"$(jar_session "$TJAR")" ""
eq "the handover is the staff member's logout" \
	"$(audits "staff_id = $CM_ID AND action = 'logout' AND detail = 'tablet handed over for consent $C'")" 1

texpect "the tablet shows the consent" 200 "$TJAR" "$BASE/samtycken/$C/surfplatta"
expect_body "with the signing form" 'class="signature-pad"'
expect_body "and its text" "Samtycke till sekretesslättnad"
expect_body "with the idle lock" 'data-idle-seconds="300" data-idle-url="/surfplatta"'
expect_body "also without JavaScript" '<meta http-equiv="refresh" content="300;url=/surfplatta">'
check "no staff navigation" body_lacks "Logga ut"
eq "reading it is logged as the tablet's, not as personal.cm's" \
	"$(audits "object_type = 'consent' AND object_id = $C AND action = 'read' AND staff_id IS NULL
	    AND username = 'surfplatta:personal.cm'
	    AND detail LIKE 'tablet session % for consent $C, handed over by personal.cm (staff $CM_ID): tablet'")" 1
eq "no staff read of it after the handover" \
	"$(audits "object_type = 'consent' AND object_id = $C AND staff_id = $CM_ID AND detail = 'tablet'")" 0

# --- The repro: the address bar reaches nothing else. Each probe on a
# fresh handover, since the first one locks the tablet.
for path in /deltagare /inkorg "/deltagande/$P" /ansokningar "/samtycken/$M/surfplatta" \
	"/samtycken/$M/kopia" "/samtycken/$M/aterkalla" "/samtycken/$C" "/samtycken/ansokan/$R" \
	"/inkorg/$R" /start / /logga-in /admin/logg /rapporter /sus/kvalitet /enkat/sprak; do
	hand_over "$C"
	H=$(tablet_hash "$TJAR")
	texpect "tablet: GET $path" 303 "$TJAR" "$BASE$path"
	locked "tablet: GET $path" "$LAST"
	eq "tablet: GET $path ended the tablet session" "$(tablet_alive "$H")" 0
	check "tablet: GET $path: nothing of the participation either" body_lacks "$P_LAST"
	texpect "tablet: $path locked the tablet: its own page too now" 303 "$TJAR" \
		"$BASE/samtycken/$C/surfplatta"
	check "... which is no longer the tablet page" body_lacks 'class="signature-pad"'
done
eq "each lock is logged as the tablet's" \
	"$(audits "object_id = $C AND action = 'logout' AND username = 'surfplatta:personal.cm'
	    AND detail LIKE '%locked: a page outside the tablet'")" 17
hand_over "$C"
texpect "following the redirect" 200 "$TJAR" -L "$BASE/deltagande/$P"
expect_body "ends on the lock screen" "Personal: logga in"
check "with nothing of the participation" body_lacks "$P_LAST"
hand_over "$C"
PLAN_BEFORE=$(q "SELECT version FROM participation WHERE id = $P")
st=$(tpost "$TJAR" "/deltagande/$P/plan" --data-urlencode "timmar=40")
eq "tablet: a POST to a staff page" "$st" 303
locked "tablet: POST /deltagande/$P/plan" "$LAST"
eq "changed nothing" "$(q "SELECT version FROM participation WHERE id = $P")" "$PLAN_BEFORE"
hand_over "$C"
st=$(tpost "$TJAR" "/samtycken/$M/aterkalla" --data-urlencode "samtycke=$M" --data-urlencode "part=alla" \
	--data-urlencode "bekrafta=ja")
eq "tablet: revoking another consent" "$st" 303
locked "tablet: POST /samtycken/$M/aterkalla" "$LAST"
eq "leaves it in force" "$(consent_state "$M")" aktiv
hand_over "$C"
texpect "a path that is no route at all: 404, as for anyone" 404 "$TJAR" "$BASE/favicon.ico"
check "with nothing of anyone" body_lacks "$LAST"
texpect "and the tablet goes on (a browser asks for /favicon.ico by itself)" 200 \
	"$TJAR" "$BASE/samtycken/$C/surfplatta"

# --- A staff cookie kept from before the handover opens nothing
hand_over "$C"
session OLD personal.cm
TOK=$(jar_session "$OLD")
fetch -b "$OLD" "$BASE/samtycken/$C/surfplatta" > /dev/null
csrf=$(form_csrf)
fetch -b "$OLD" -c "$OLD" --data-urlencode "csrf=$csrf" --data-urlencode "till=surfplatta" \
	"$BASE/samtycken/$C/overlamna" > /dev/null
expect_status "the staff session handed over is ended on the server too" 303 \
	-b "stegvis_session=$TOK" "$BASE/deltagare"
expect_header "to the login page" "Location: /logga-in"

# --- Signing, the copy and the access log, as the tablet
hand_over "$C"
H=$(tablet_hash "$TJAR")
st=$(tfetch "$TJAR" --data-urlencode "csrf=0000" --data-urlencode "namn=Tablett Provsson" \
	--data-urlencode "signatur=$SIG" "$BASE/samtycken/$C/surfplatta")
eq "a wrong CSRF token on the tablet: 403" "$st" 403
eq "not signed" "$(consent_state "$C")" utkast
st=$(tpost "$TJAR" "/samtycken/$C/surfplatta" --data-urlencode "namn=Tablett Provsson" --data-urlencode "signatur=$SIG")
eq "the participant signs on the tablet" "$st" 303
expect_header "to the thanks" "Location: /samtycken/$C/surfplatta?klart=1"
eq "in force" "$(consent_state "$C")" aktiv
eq "the event names who handed the tablet over, how: the tablet" \
	"$(q "SELECT CONCAT(e.how, '|', s.username) FROM consent_event e JOIN staff s ON s.id = e.staff_id
	       WHERE e.consent_id = $C AND e.event = 'givet'")" "surfplatta|personal.cm"
eq "giving is logged as the tablet's" \
	"$(audits "object_id = $C AND action = 'create' AND staff_id IS NULL AND username = 'surfplatta:personal.cm'
	    AND detail LIKE '%for consent $C, handed over by personal.cm%: waiver given'")" 1
texpect "the thanks" 200 "$TJAR" "$BASE/samtycken/$C/surfplatta?klart=1"
expect_body "say to hand the tablet back" "Lämna tillbaka surfplattan till personalen."
texpect "the participant's copy on the tablet" 200 "$TJAR" "$BASE/samtycken/$C/kopia"
expect_body "with the signature" "<path d=\"$SIG\"/>"
eq "printing it is logged as the tablet's" \
	"$(audits "object_id = $C AND action = 'print' AND staff_id IS NULL AND username = 'surfplatta:personal.cm'")" 1

# --- Staff take the tablet back by logging in again
texpect "Klar: the lock screen" 200 "$TJAR" "$BASE/surfplatta"
expect_body "which offers the staff login" 'action="/logga-in"'
check "and shows nothing of the participant" body_lacks "$LAST"
eq "the lock screen ended the tablet session" "$(tablet_alive "$H")" 0
csrf=$(grep -o 'name="csrf" value="[0-9a-f]*' "$BODY" | tail -n 1 | sed 's/.*value="//')
st=$(tfetch "$TJAR" --data-urlencode "csrf=$csrf" --data-urlencode "anvandarnamn=personal.cm" \
	--data-urlencode "losenord=stegvis-demo" "$BASE/logga-in")
eq "staff log in on the lock screen" "$st" 303
texpect "and have their pages again" 200 "$TJAR" "$BASE/deltagare"
# ... also while the tablet session still runs: the login ends it.
hand_over "$C" aterkalla
tfetch "$TJAR" "$BASE/logga-in" > /dev/null
eq "handed over to revoke, now that it is signed" "$HO_ST" 303
eq "GET /logga-in on the tablet locks it" "$(tablet_token "$TJAR")" ""
hand_over "$C" aterkalla
H=$(tablet_hash "$TJAR")
# The login form's double-submit cookie, as a lock screen shown earlier on
# this device would have left it (the tablet cannot reach one now).
LCSRF=$(printf '%064d' 7)
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tstegvis_login\t%s\n' "$LCSRF" >> "$TJAR"
st=$(tfetch "$TJAR" --data-urlencode "csrf=$LCSRF" --data-urlencode "anvandarnamn=personal.cm" \
	--data-urlencode "losenord=stegvis-demo" "$BASE/logga-in")
eq "staff log in while the tablet session runs" "$st" 303
eq "which ends it" "$(tablet_alive "$H")" 0
eq "and clears its cookie" "$(tablet_token "$TJAR")" ""
eq "logged as the tablet's end" \
	"$(audits "object_id = $C AND action = 'logout' AND username = 'surfplatta:personal.cm'
	    AND detail LIKE '%staff logged in on the tablet'")" 1
texpect "the tablet page is the handover page again" 200 "$TJAR" "$BASE/samtycken/$C/aterkalla"
expect_body "for staff" "Lämna surfplattan till deltagaren"

# --- The idle lock: 5 minutes
hand_over "$C" aterkalla
H=$(tablet_hash "$TJAR")
q "UPDATE tablet_session SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 4 MINUTE WHERE token_hash = UNHEX('$H')"
texpect "4 minutes idle: still the tablet" 200 "$TJAR" "$BASE/samtycken/$C/kopia"
eq "... whose session lives on" "$(tablet_alive "$H")" 1
q "UPDATE tablet_session SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 301 SECOND WHERE token_hash = UNHEX('$H')"
texpect "5 minutes idle: locked" 303 "$TJAR" "$BASE/samtycken/$C/kopia"
locked "idle" "$LAST"
eq "the session is gone" "$(tablet_alive "$H")" 0
eq "the idle lock is logged as the tablet's" \
	"$(audits "object_id = $C AND action = 'logout' AND username = 'surfplatta:personal.cm'
	    AND detail LIKE '%tablet locked: idle or too old'")" 1
hand_over "$C" aterkalla
H=$(tablet_hash "$TJAR")
q "UPDATE tablet_session SET created_at = UTC_TIMESTAMP() - INTERVAL 61 MINUTE WHERE token_hash = UNHEX('$H')"
texpect "an hour after the handover: locked, however busy" 303 "$TJAR" "$BASE/samtycken/$C/kopia"
locked "too old" "$LAST"

# --- A draft past its last day: no handover for signing
st=$(post "$CM" "/samtycken/ansokan/$R/ny" --data-urlencode "typ=sekretess" --data-urlencode "sprak=sv" \
	--data-urlencode "part=o$FKO" --data-urlencode "part=i$CMI" --data-urlencode "kategori=planering" \
	--data-urlencode "lamna=1" --data-urlencode "syfte=Planera" --data-urlencode "fran=$TODAY" \
	--data-urlencode "till=$(day 5)" --data-urlencode "satt=surfplatta")
CL=$(q "SELECT MAX(id) FROM consent WHERE referral_id = $R AND kind = 'sekretess'")
q "UPDATE consent SET valid_from = '$(day -9)', valid_until = '$(day -2)' WHERE id = $CL"
expect_status "the handover page of a draft past its last day" 200 -b "$CM" "$BASE/samtycken/$CL/surfplatta"
expect_body "says why not" "Giltighetstiden har redan gått ut."
check "and offers no handover" body_lacks 'id="overlamna"'
hand_over "$CL"
eq "handing it over anyway: 409" "$HO_ST" 409
eq "no tablet session" "$(q "SELECT COUNT(*) FROM tablet_session WHERE consent_id = $CL")" 0

# === Part 6: two consents, two choices ================================
R3=$(fixture_referral "$CMI" Tva Valsson)
LAST=Valsson
W=$(give_waiver_in "$R3" sv)
S=$(give_sus_consent "$R3")
P_FK=$(q "SELECT id FROM consent_party WHERE consent_id = $W AND organisation_id = $FKO")
hand_over "$W" aterkalla
eq "the tablet is handed over to revoke" "$HO_ST" 303
expect_header "to the revocation page" "Location: /samtycken/$W/aterkalla"
texpect "the revocation page" 200 "$TJAR" "$BASE/samtycken/$W/aterkalla"
expect_body "offers the waiver" "<h2 id=\"rv-waiver\">Sekretesslättnad</h2>"
expect_body "per party" "?samtycke=$W&amp;part=$P_FK\">Återkalla för <span lang=\"sv\" dir=\"ltr\">Försäkringskassan"
expect_body "or whole" "?samtycke=$W&amp;part=alla\">Återkalla hela sekretesslättnaden"
expect_body "saying what that does" "Återkallar du hela sekretesslättnaden får insatsen inte längre utbyta uppgifter om dig med någon av parterna. Ditt samtycke till SUS gäller som förut."
expect_body "offers the SUS consent on its own" "?samtycke=$S&amp;part=alla\">Återkalla samtycket till SUS"
expect_body "saying what that does" "Återkallar du samtycket till SUS rapporteras du dit bara anonymt, som en siffra utan personnummer. Sekretesslättnaden gäller som förut."
check "no 'Återkalla allt' that could mean both" body_lacks "Återkalla allt"
texpect "choosing the whole waiver" 200 "$TJAR" "$BASE/samtycken/$W/aterkalla?samtycke=$W&part=alla"
expect_body "asks for confirmation" "Vill du återkalla?"
expect_body "says again what it does" "Ditt samtycke till SUS gäller som förut."
expect_body "with a confirm button" 'id="bekrafta"'
eq "nothing is revoked by choosing" "$(consent_state "$W")|$(consent_state "$S")" "aktiv|aktiv"
st=$(tpost "$TJAR" "/samtycken/$W/aterkalla" --data-urlencode "samtycke=$W" --data-urlencode "part=alla")
eq "a POST without the confirmation" "$st" 200
expect_body "is the confirmation" "Vill du återkalla?"
eq "and revokes nothing" "$(consent_state "$W")|$(consent_state "$S")" "aktiv|aktiv"
st=$(tpost "$TJAR" "/samtycken/$W/aterkalla" --data-urlencode "samtycke=$W" --data-urlencode "part=alla" \
	--data-urlencode "bekrafta=nej")
eq "nor with anything but yes" "$(consent_state "$W")|$(consent_state "$S")" "aktiv|aktiv"
st=$(tpost "$TJAR" "/samtycken/$W/aterkalla" --data-urlencode "samtycke=$W" --data-urlencode "part=alla" \
	--data-urlencode "bekrafta=ja")
eq "confirmed: the whole waiver is revoked" "$st" 303
expect_header "to the thanks" "Location: /samtycken/$W/aterkalla?klart=1"
eq "the waiver is revoked" "$(consent_state "$W")" aterkallad
eq "the SUS consent stays in force" "$(consent_state "$S")" aktiv
eq "logged as the tablet's" \
	"$(audits "object_id = $W AND action = 'update' AND username = 'surfplatta:personal.cm' AND detail LIKE '%: revoked (surfplatta)'")" 1
eq "the event says the tablet" "$(q "SELECT how FROM consent_event WHERE consent_id = $W AND event = 'aterkallat'")" surfplatta
texpect "the thanks" 200 "$TJAR" "$BASE/samtycken/$W/aterkalla?klart=1"
expect_body "says it applies now" "Återkallelsen är registrerad och gäller nu."
texpect "the revocation page again" 200 "$TJAR" "$BASE/samtycken/$W/aterkalla"
check "no longer offers the waiver" body_lacks "rv-waiver"
expect_body "still offers the SUS consent" "Återkalla samtycket till SUS"
st=$(tpost "$TJAR" "/samtycken/$W/aterkalla" --data-urlencode "samtycke=$W" --data-urlencode "part=alla" \
	--data-urlencode "bekrafta=ja")
eq "revoking the waiver twice: 409" "$st" 409
st=$(tpost "$TJAR" "/samtycken/$W/aterkalla" --data-urlencode "samtycke=$S" --data-urlencode "part=alla" \
	--data-urlencode "bekrafta=ja")
eq "then the SUS consent, on its own" "$st" 303
eq "it is revoked" "$(consent_state "$S")" aterkallad
texpect "now" 200 "$TJAR" "$BASE/samtycken/$W/aterkalla"
expect_body "there is nothing left to revoke" "Det finns inget gällande samtycke att återkalla."

# ... and the other way round, handed over for the SUS consent
R4=$(fixture_referral "$CMI" Omvand Ordningsson)
LAST=Ordningsson
W4=$(give_waiver_in "$R4" sv)
S4=$(give_sus_consent "$R4")
P4=$(q "SELECT id FROM consent_party WHERE consent_id = $W4 AND organisation_id = $FKO")
hand_over "$S4" aterkalla
eq "handed over for the SUS consent" "$HO_ST" 303
texpect "its revocation page" 200 "$TJAR" "$BASE/samtycken/$S4/aterkalla"
expect_body "offers the waiver too" "Återkalla hela sekretesslättnaden"
st=$(tpost "$TJAR" "/samtycken/$S4/aterkalla" --data-urlencode "samtycke=$S4" --data-urlencode "part=alla" \
	--data-urlencode "bekrafta=ja")
eq "revoking the SUS consent" "$st" 303
eq "revokes it" "$(consent_state "$S4")" aterkallad
eq "and leaves the waiver in force" "$(consent_state "$W4")" aktiv
eq "with all its parties" "$(q "SELECT COUNT(*) FROM consent_party WHERE consent_id = $W4 AND state = 'aktiv'")" 2
st=$(tpost "$TJAR" "/samtycken/$S4/aterkalla" --data-urlencode "samtycke=$W4" --data-urlencode "part=$P4")
eq "one party, unconfirmed" "$st" 200
expect_body "the confirmation names the party" 'Återkalla för <span lang="sv" dir="ltr">Försäkringskassan'
expect_body "and says what it does" "De andra parterna och ditt samtycke till SUS gäller som förut."
eq "nothing revoked" "$(q "SELECT state FROM consent_party WHERE id = $P4")" aktiv
st=$(tpost "$TJAR" "/samtycken/$S4/aterkalla" --data-urlencode "samtycke=$W4" --data-urlencode "part=$P4" \
	--data-urlencode "bekrafta=ja")
eq "one party, confirmed" "$st" 303
eq "that party is revoked" "$(q "SELECT state FROM consent_party WHERE id = $P4")" aterkallad
eq "the waiver stays in force for the insats" "$(consent_state "$W4")" aktiv
st=$(tpost "$TJAR" "/samtycken/$S4/aterkalla" --data-urlencode "samtycke=$M" --data-urlencode "part=alla" \
	--data-urlencode "bekrafta=ja")
eq "a consent of another application named in the form: 409" "$st" 409
eq "is not touched" "$(consent_state "$M")" aktiv
st=$(tpost "$TJAR" "/samtycken/$S4/aterkalla" --data-urlencode "samtycke=$W4" --data-urlencode "part=999999" \
	--data-urlencode "bekrafta=ja")
eq "a party not of the waiver: 409" "$st" 409

# ... staff recording an oral revocation of the whole waiver
R5=$(fixture_referral "$CMI" Muntlig Personalsson)
W5=$(give_waiver_in "$R5" sv)
S5=$(give_sus_consent "$R5")
expect_status "the staff's consent page" 200 -b "$CM" "$BASE/samtycken/$W5"
expect_body "says the SUS consent is not touched" "Hela sekretesslättnaden (SUS-samtycket påverkas inte)"
st=$(post "$CM" "/samtycken/$W5/aterkalla" --data-urlencode "part=alla" --data-urlencode "hur=surfplatta")
eq "staff cannot record a revocation as made on the tablet: 400" "$st" 400
eq "nothing revoked" "$(consent_state "$W5")" aktiv
st=$(post "$CM" "/samtycken/$W5/aterkalla" --data-urlencode "part=alla" --data-urlencode "hur=muntligt")
eq "staff record an oral revocation of the whole waiver" "$st" 303
eq "the waiver is revoked" "$(consent_state "$W5")" aterkallad
eq "the SUS consent stays in force" "$(consent_state "$S5")" aktiv
st=$(post "$CM" "/samtycken/$S5/aterkalla" --data-urlencode "part=alla" --data-urlencode "hur=skriftligt")
eq "and the SUS consent on its own" "$st" 303
eq "revoked" "$(consent_state "$S5")" aterkallad

# ... in the participant's language: English and Arabic
for lang in en ar; do
	RL=$(fixture_referral "$CMI" Sprak "Sprakssson$lang")
	LAST="Sprakssson$lang"
	WL=$(give_waiver_in "$RL" "$lang")
	SL=$(give_sus_consent "$RL")
	hand_over "$WL" aterkalla
	texpect "$lang: the revocation page" 200 "$TJAR" "$BASE/samtycken/$WL/aterkalla"
	if [ "$lang" = en ]; then
		expect_body "en: in English" '<html lang="en" dir="ltr">'
		expect_body "en: the waiver per party" 'Withdraw for <span lang="sv" dir="ltr">Försäkringskassan'
		expect_body "en: what revoking for one party does" "If you withdraw it for one party, the programme may no longer exchange information about you with that party."
		expect_body "en: the whole waiver" "Withdraw the whole waiver"
		expect_body "en: what that does" "Your consent to SUS stays as it is."
		expect_body "en: the SUS consent on its own" "Withdraw the consent to SUS"
		expect_body "en: what that does" "If you withdraw the consent to SUS, you are reported there only anonymously"
	else
		expect_body "ar: in Arabic, right to left" '<html lang="ar" dir="rtl">'
		expect_body "ar: the waiver per party" 'سحب الموافقة عن <span lang="sv" dir="ltr">Försäkringskassan'
		expect_body "ar: the whole waiver" "سحب الموافقة على رفع السرية بالكامل"
		expect_body "ar: what that does" "فلن يعود بإمكان البرنامج تبادل المعلومات عنك مع أي من الجهات."
		expect_body "ar: the SUS consent on its own" "سحب الموافقة على SUS"
		expect_body "ar: what that does" "فسيتم الإبلاغ عنك هناك بشكل مجهول فقط"
	fi
	st=$(tpost "$TJAR" "/samtycken/$WL/aterkalla" --data-urlencode "samtycke=$SL" --data-urlencode "part=alla")
	eq "$lang: the confirmation" "$st" 200
	if [ "$lang" = en ]; then
		expect_body "en: asks in English" "Do you want to withdraw?"
		expect_body "en: with yes and no" "Yes, withdraw"
	else
		expect_body "ar: asks in Arabic" "هل تريد سحب الموافقة؟"
		expect_body "ar: with yes and no" "نعم، اسحب الموافقة"
	fi
	eq "$lang: nothing revoked yet" "$(consent_state "$WL")|$(consent_state "$SL")" "aktiv|aktiv"
done
done_testing
