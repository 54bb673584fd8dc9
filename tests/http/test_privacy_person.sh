#!/usr/bin/env bash
# The shared person record (issue 12, part 1): a personnummer links one
# person's referrals and participations, and nothing else crosses between
# organisations. What a remittent records belongs to their referral; the
# insats keeps its own record of the participant; typing a personnummer
# reveals nothing recorded by anyone else, not even that the person exists.
set -u
. "$(dirname "$0")/lib.sh"

log_in FK remittent.fk
log_in SOC remittent.soc
log_in CM personal.cm
INSATS=$(q "SELECT si.insats_id FROM staff_insats si JOIN staff s ON s.id = si.staff_id WHERE s.username = 'personal.cm' LIMIT 1")
CMID=$(staff_id_of personal.cm)

# --- FK applies for Peter, with the address, phone and kommun they know.
PNR=$(pnr "19$((70 + RANDOM % 25))0$((1 + RANDOM % 9))1$((RANDOM % 9))")
FKDATA=("personnummer=$(dash "$PNR")" "fornamn=Peter" "efternamn=Privatsson" "kon=man"
	"adress=Fk-gatan 7" "postnummer=46130" "ort=Fkstad" "telefon=0520-11 11 11" "kommun=Vänersborg"
	"tolk=1" "tolk_sprak=tigrinja" "insats=$INSATS" "visa_datum=$TODAY" "forsorjning=sjukpenning"
	"tid_forsorjning=1_4" "utbildning=gymnasium" "bakgrund=FK:s bakgrund." "mal=FK:s mål."
	"samtycke_vid_visa=1" "atgard=skicka")
ARGS=()
for kv in "${FKDATA[@]}"; do ARGS+=(--data-urlencode "$kv"); done
eq "FK submits an application" "$(post "$FK" /ansokningar/ny "${ARGS[@]}")" 303
RFK=$(loc_id)
check "FK's referral id" test -n "$RFK"
give_waiver "$RFK" > /dev/null
fetch -b "$CM" "$BASE/inkorg/$RFK" > /dev/null
V=$(hidden version)
eq "personal.cm admits it" "$(post "$CM" "/inkorg/$RFK/beslut" --data "beslut=anta" --data "version=$V" \
	--data "startdatum=$TODAY" --data "planerat_slut=$(day 90)" --data "kontaktperson=$CMID" --data "timmar=8")" 303
P=$(q "SELECT id FROM participation WHERE referral_id = $RFK")
check "the participation exists" test -n "$P"
eq "the insats's record starts as the referral's" \
	"$(q "SELECT CONCAT_WS('|', first_name, address, city, phone, home_municipality, interpreter_language) FROM participation_person WHERE participation_id = ${P:-0}")" \
	"Peter|Fk-gatan 7|Fkstad|0520-11 11 11|Vänersborg|tigrinja"
FK_BEFORE=$(q "SELECT CONCAT_WS('|', first_name, last_name, gender, address, postal_code, city, phone, home_municipality, interpreter_needed, interpreter_language, protected_identity) FROM referral_person WHERE referral_id = $RFK")
PP_BEFORE=$(q "SELECT CONCAT_WS('|', first_name, last_name, gender, address, postal_code, city, phone, home_municipality, interpreter_needed, interpreter_language, protected_identity, version) FROM participation_person WHERE participation_id = ${P:-0}")

# --- The repro: remittent.soc types only the personnummer and another first name.
eq "soc saves a draft with the personnummer and a different first name" \
	"$(post "$SOC" /ansokningar/ny --data-urlencode "personnummer=$(dash "$PNR")" --data-urlencode "fornamn=Petter" \
		--data-urlencode "efternamn=Privatsson" --data "insats=$INSATS" --data "atgard=spara")" 303
RSOC=$(loc_id)
check "soc's referral id" test -n "$RSOC"
expect_status "soc's draft page" 200 -b "$SOC" "$BASE/ansokningar/$RSOC"
for leak in "Fk-gatan" "0520-11 11 11" "Fkstad" "Vänersborg" "tigrinja" "Peter "; do
	check "soc's draft shows nothing FK recorded: $leak" body_lacks "$leak"
done
check "soc's draft has no history from FK (no 'Peter')" body_lacks ">Peter<"
expect_status "soc's edit form" 200 -b "$SOC" "$BASE/ansokningar/$RSOC/andra"
for leak in "Fk-gatan" "0520-11 11 11" "Fkstad" "Vänersborg" "tigrinja"; do
	check "soc's edit form is not prefilled with FK's $leak" body_lacks "$leak"
done
eq "FK's record of the person is unchanged" \
	"$(q "SELECT CONCAT_WS('|', first_name, last_name, gender, address, postal_code, city, phone, home_municipality, interpreter_needed, interpreter_language, protected_identity) FROM referral_person WHERE referral_id = $RFK")" \
	"$FK_BEFORE"
eq "the insats's record is unchanged" \
	"$(q "SELECT CONCAT_WS('|', first_name, last_name, gender, address, postal_code, city, phone, home_municipality, interpreter_needed, interpreter_language, protected_identity, version) FROM participation_person WHERE participation_id = ${P:-0}")" \
	"$PP_BEFORE"
expect_status "FK's application page" 200 -b "$FK" "$BASE/ansokningar/$RFK"
expect_body "still shows Peter" "Peter"
check "and not soc's Petter" body_lacks "Petter"
check "FK's history has no name change" body_lacks "Förnamn</td>"
expect_status "the insats's participation page" 200 -b "$CM" "$BASE/deltagande/$P"
expect_body "shows the insats's Peter" "<h1>Peter Privatsson</h1>"
check "not Petter" body_lacks "Petter"
expect_body "and its address" "Fk-gatan 7"

# --- A full application from soc later: the live participation keeps its address.
SOCDATA=("version=$(q "SELECT version FROM referral WHERE id = $RSOC")" "fornamn=Petter" "efternamn=Privatsson"
	"kon=man" "adress=Soc-vägen 3" "postnummer=46131" "ort=Socby" "telefon=0520-22 22 22" "kommun=Trollhättan"
	"insats=$INSATS" "visa_datum=$TODAY" "forsorjning=forsorjningsstod" "tid_forsorjning=1_4"
	"utbildning=gymnasium" "bakgrund=Socs bakgrund." "mal=Socs mål." "samtycke_vid_visa=1" "atgard=skicka")
ARGS=()
for kv in "${SOCDATA[@]}"; do ARGS+=(--data-urlencode "$kv"); done
eq "soc submits the full application" "$(post "$SOC" "/ansokningar/$RSOC/andra" "${ARGS[@]}")" 303
eq "soc's referral holds soc's record" \
	"$(q "SELECT CONCAT_WS('|', first_name, address, city) FROM referral_person WHERE referral_id = $RSOC")" "Petter|Soc-vägen 3|Socby"
eq "FK's record is still unchanged" \
	"$(q "SELECT CONCAT_WS('|', first_name, last_name, gender, address, postal_code, city, phone, home_municipality, interpreter_needed, interpreter_language, protected_identity) FROM referral_person WHERE referral_id = $RFK")" \
	"$FK_BEFORE"
eq "the live participation's record is still unchanged" \
	"$(q "SELECT CONCAT_WS('|', first_name, last_name, gender, address, postal_code, city, phone, home_municipality, interpreter_needed, interpreter_language, protected_identity, version) FROM participation_person WHERE participation_id = ${P:-0}")" \
	"$PP_BEFORE"
expect_status "FK's page after soc's submission" 200 -b "$FK" "$BASE/ansokningar/$RFK"
check "shows nothing of soc's" body_lacks "Soc-vägen"
eq "soc's changes are history of soc's referral only" \
	"$(q "SELECT COUNT(*) FROM change_history WHERE record_type = 'referral' AND record_id = $RFK AND field IN ('first_name', 'address')")" 0
eq "no history row on the shared person link" \
	"$(q "SELECT COUNT(*) FROM change_history h JOIN person p ON h.record_type = 'person' AND h.record_id = p.id WHERE p.personnummer = '$PNR'")" 0
eq "one person link for the two referrals" \
	"$(q "SELECT COUNT(DISTINCT person_id) FROM referral WHERE id IN ($RFK, $RSOC)")" 1

# --- The insats's access log of its participant shows this file, not what
# another organisation did with the same personnummer.
eq "soc searches for the personnummer" "$(post "$SOC" /ansokningar/sok --data-urlencode "personnummer=$(dash "$PNR")")" 200
expect_status "the participation page" 200 -b "$CM" "$BASE/deltagande/$P"
expect_body "its log shows the insats's own reads" "(personal.cm)</td><td data-label=\"Vad\">Läste deltagande i $(q "SELECT short_name FROM insats WHERE id = $INSATS")</td>"
check "and nothing soc did (their search, their referral)" body_lacks "(remittent.soc)"

# --- Protected identity: typing the number reveals neither the protection nor
# that the person exists. soc drafts for a person FK recorded as protected and
# for a person nobody has recorded, with the same typed data: the two draft
# pages are the same but for the number and the ids.
PROT=$(pnr 19820305)
ARGS=()
for kv in "personnummer=$(dash "$PROT")" "fornamn=Skyddad" "efternamn=Personsson" "kommun=Hemlighult" \
	"adress=Hemlig väg 1" "skyddad=1" "insats=$INSATS" "atgard=spara"; do ARGS+=(--data-urlencode "$kv"); done
eq "FK drafts for a person with protected identity" "$(post "$FK" /ansokningar/ny "${ARGS[@]}")" 303
FRESH=$(pnr 19820305)
draft_page() { # PNR12 -> the soc draft page, with the number and ids taken out
	post "$SOC" /ansokningar/ny --data-urlencode "personnummer=$(dash "$1")" --data-urlencode "fornamn=Anna" \
		--data-urlencode "efternamn=Andersson" --data "kon=kvinna" --data "insats=$INSATS" --data "atgard=spara" > /dev/null
	local id
	id=$(loc_id)
	fetch -b "$SOC" "$BASE/ansokningar/$id" > /dev/null
	sed -e "s/$(dash "$1")/PNR/g; s/$1/PNR/g; s#/ansokningar/$id#/ansokningar/ID#g; s#/ansokan/$id#/ansokan/ID#g; s/name=\"csrf\" value=\"[0-9a-f]*\"//g" \
		-e 's/[0-9]\{4\}-[0-9]\{2\}-[0-9]\{2\} [0-9]\{2\}:[0-9]\{2\}\(:[0-9]\{2\}\)\{0,1\}/TIME/g' "$BODY"
}
A=$(draft_page "$PROT")
check "the protected person's draft says nothing of the protection" bash -c "! grep -q 'Hemlig' <<< \"\$1\"" _ "$A"
B=$(draft_page "$FRESH")
if [ "$A" = "$B" ]; then
	ok "a known protected person's draft page is the same as an unknown person's"
else
	not_ok "a known protected person's draft page differs from an unknown person's"
	diff <(echo "$A") <(echo "$B") | head -20
fi

# --- The insats keeps its own record, with history; the referral is untouched.
fetch -b "$CM" "$BASE/deltagande/$P/kontaktuppgifter" > /dev/null
PV=$(hidden version)
expect_body "the contact form shows the insats's record" 'value="Fk-gatan 7"'
contact() { # ADDRESS [PHONE]: the contact form's fields with that address
	CDATA=(--data-urlencode "version=$PV" --data-urlencode "fornamn=Peter" --data-urlencode "efternamn=Privatsson"
	--data "kon=man" --data-urlencode "adress=$1" --data "postnummer=461 32" --data-urlencode "ort=Trollhättan"
	--data-urlencode "telefon=${2-0520-33 33 33}" --data-urlencode "kommun=Trollhättan" --data "tolk=1"
	--data-urlencode "tolk_sprak=tigrinja")
}
contact "Nya gatan 2"
eq "personal.cm saves new contact data" "$(post "$CM" "/deltagande/$P/kontaktuppgifter" "${CDATA[@]}")" 303
eq "the insats's record changed" \
	"$(q "SELECT CONCAT_WS('|', address, postal_code, phone, version) FROM participation_person WHERE participation_id = $P")" \
	"Nya gatan 2|461 32|0520-33 33 33|$((PV + 1))"
eq "with a history row per field under the participation" \
	"$(q "SELECT GROUP_CONCAT(field ORDER BY field) FROM change_history WHERE record_type = 'participation' AND record_id = $P AND field IN ('address', 'postal_code', 'phone', 'city', 'home_municipality', 'first_name')")" \
	"address,city,home_municipality,phone,postal_code"
eq "FK's referral is untouched by the insats" \
	"$(q "SELECT CONCAT_WS('|', first_name, last_name, gender, address, postal_code, city, phone, home_municipality, interpreter_needed, interpreter_language, protected_identity) FROM referral_person WHERE referral_id = $RFK")" \
	"$FK_BEFORE"
contact "Tredje gatan"
eq "a second save from the old version is 409" "$(post "$CM" "/deltagande/$P/kontaktuppgifter" "${CDATA[@]}")" 409
expect_body "with the typed value kept" 'value="Tredje gatan"'
expect_body "and the conflict said" "Någon annan har ändrat kontaktuppgifterna"
eq "and nothing saved" "$(q "SELECT address FROM participation_person WHERE participation_id = $P")" "Nya gatan 2"
eq "a bad postal code is 400" "$(post "$CM" "/deltagande/$P/kontaktuppgifter" --data-urlencode "version=$((PV + 1))" \
	--data-urlencode "fornamn=Peter" --data-urlencode "efternamn=Privatsson" --data "kon=man" --data "postnummer=12" \
	--data-urlencode "adress=Fjärde gatan")" 400
expect_body "with the message" "Ange postnumret som fem siffror"
expect_body "and the typed address kept" 'value="Fjärde gatan"'
# Protected identity on the insats's record: the form no longer shows the
# address and phone, and leaving them empty keeps what is stored.
PV=$(q "SELECT version FROM participation_person WHERE participation_id = $P")
contact "Nya gatan 2"
eq "personal.cm marks the person as protected" \
	"$(post "$CM" "/deltagande/$P/kontaktuppgifter" "${CDATA[@]}" --data "skyddad=1")" 303
expect_status "the contact form of a protected person" 200 -b "$CM" "$BASE/deltagande/$P/kontaktuppgifter"
expect_body "says the address is not shown" "adress och telefon visas inte"
check "and does not show it" body_lacks "Nya gatan 2"
check "nor the phone" body_lacks "0520-33 33 33"
PV=$(q "SELECT version FROM participation_person WHERE participation_id = $P")
contact "" ""
eq "a save with the hidden fields left empty" \
	"$(post "$CM" "/deltagande/$P/kontaktuppgifter" "${CDATA[@]}" --data "skyddad=1")" 303
eq "keeps the stored address and phone" \
	"$(q "SELECT CONCAT_WS('|', address, phone, protected_identity) FROM participation_person WHERE participation_id = $P")" \
	"Nya gatan 2|0520-33 33 33|1"
# A participation marked in error keeps its record as it was.
q "UPDATE participation SET status = 'felregistrerad', end_date = DATE('$TODAY') WHERE id = $P"
PV=$(q "SELECT version FROM participation_person WHERE participation_id = $P")
contact "Efter felregistrering"
eq "a save on a participation marked in error is 409" "$(post "$CM" "/deltagande/$P/kontaktuppgifter" "${CDATA[@]}")" 409
expect_body "saying why" "felregistrerat"
expect_body "with the typed address kept" 'value="Efter felregistrering"'
eq "and nothing saved" "$(q "SELECT version FROM participation_person WHERE participation_id = $P")" "$PV"
expect_status "another insats's staff cannot open it (404)" 404 -b "$(j=$(new_jar); login "$j" personal.fv > /dev/null; echo "$j")" \
	"$BASE/deltagande/$P/kontaktuppgifter"
expect_status "nor can the remittent (403)" 403 -b "$FK" "$BASE/deltagande/$P/kontaktuppgifter"
# --- A medremittent from another organisation (issue 21, item 7): the
# referring organisation's own rule (details before any waiver, the
# "samtycke vid VISA" marker) does not extend to them; they pass the same
# waiver test as everyone else. remittent.soc is named as medremittent on
# an FK referral sent with the VISA marker.
SOCORG=$(org_of remittent.soc)
RCO=$(fixture_referral "$INSATS" Medra Remissdotter)
q "UPDATE referral SET consent_at_visa = 1, background = 'Medremissens bakgrund.' WHERE id = $RCO;
   INSERT INTO referral_coremittent (referral_id, staff_id, organisation_id, name)
     VALUES ($RCO, $(staff_id_of remittent.soc), $SOCORG, 'Soc Medremittent')"
PCO=$(q "SELECT p.personnummer FROM referral r JOIN person p ON p.id = r.person_id WHERE r.id = $RCO")
medrem_search() { # how many hits on RCO a search for its personnummer gives soc
	post "$SOC" /ansokningar/sok --data-urlencode "personnummer=$(dash "$PCO")" > /dev/null
	grep -c "href=\"/ansokningar/$RCO\"" "$BODY"
}
medrem_sees() { # WHEN: what the medremittent sees of RCO, and FK
	if [ "$2" = details ]; then
		eq "$1: a search for the personnummer finds it" "$(medrem_search)" 1
	else
		eq "$1: a search for the personnummer does not tie it to the name" "$(medrem_search)" 0
	fi
	expect_status "$1: the medremittent's page" 200 -b "$SOC" "$BASE/ansokningar/$RCO"
	if [ "$2" = details ]; then
		expect_body "$1: the medremittent sees the application" "Medremissens bakgrund."
		expect_body "$1: told they see it as medremittent" "Du ser ansökan som medremittent"
		expect_status "$1: and its consents" 200 -b "$SOC" "$BASE/samtycken/ansokan/$RCO"
	else
		check "$1: the medremittent does not see the application" body_lacks "Medremissens bakgrund."
		expect_body "$1: only that it exists" "<dt>Insats</dt>"
		expect_body "$1: told why" "$3"
		expect_status "$1: nor its consents (403)" 403 -b "$SOC" "$BASE/samtycken/ansokan/$RCO"
	fi
}
medrem_sees "no waiver yet" existence "Inget samtycke omfattar din organisation ännu."
expect_status "no waiver yet: FK, the referring organisation, sees it" 200 -b "$FK" "$BASE/ansokningar/$RCO"
expect_body "no waiver yet: FK sees the details" "Medremissens bakgrund."
fetch -b "$SOC" "$BASE/ansokningar" > /dev/null
expect_body "no waiver yet: the medremittent's list shows only that it exists" "Samtycke saknas"
eq "the hidden page is in the access log" \
	"$(audits "object_type = 'referral' AND object_id = $RCO AND username = 'remittent.soc' AND detail = 'consent: existence only'")" 1
CCO=$(give_waiver "$RCO")
medrem_sees "a waiver naming FK only" existence "Din organisation är inte part i deltagarens senaste samtycke"
check "a waiver naming FK only: not told it no longer covers them" body_lacks "inte längre"
check "a waiver naming FK only: nor that it was revoked" body_lacks "återkallat"
add_party "$CCO" "$SOCORG"
medrem_sees "the waiver names the medremittent's organisation" details
revoke_waiver "$CCO"
medrem_sees "after revocation" existence "Deltagaren har återkallat samtycket."
expect_status "after revocation: FK too sees only that it exists" 200 -b "$FK" "$BASE/ansokningar/$RCO"
check "after revocation: FK does not see the details" body_lacks "Medremissens bakgrund."
done_testing
