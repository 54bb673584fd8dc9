# No double participations by accident (issue 15, item 7): the same
# person's open application or ongoing participation in the same insats
# is shown to the insats staff before they decide, and to the remittent
# when applying, each only within what they may see. Referrals of its own
# (fixtures) to Case Manager (personal.cm) from remittent.fk.
. "$(dirname "$0")/lib.sh"

CMI=$(insats_id_of "Case Manager")
FVI=$(insats_id_of "Friska Vindar 2.0")
for u in remittent.fk remittent.soc personal.cm; do eq "$u logs in" "$(as "$u")" 303; done
PN=$(new_pnr 1979 45)
WARN="Personen finns redan i insatsen"

# The first application (open), then a second one for the same person,
# and one to another insats.
R1=$(fixture_referral "$CMI" Dubb "Lettsson$$" "$PN")
give_waiver "$R1" > /dev/null
R2=$(q "INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status, submitted_at)
	SELECT person_id, insats_id, remittent_id, organisation_id, 'inskickad', UTC_TIMESTAMP() FROM referral WHERE id = $R1;
	SET @r = LAST_INSERT_ID();
	INSERT INTO referral_person (referral_id, first_name, last_name, gender) VALUES (@r, 'Dubb', 'Lettsson$$', 'kvinna');
	SELECT @r")
give_waiver "$R2" > /dev/null
R3=$(q "INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status, submitted_at)
	SELECT person_id, $FVI, remittent_id, organisation_id, 'inskickad', UTC_TIMESTAMP() FROM referral WHERE id = $R1;
	SET @r = LAST_INSERT_ID();
	INSERT INTO referral_person (referral_id, first_name, last_name, gender) VALUES (@r, 'Dubb', 'Lettsson$$', 'kvinna');
	SELECT @r")

# --- The insats staff, before deciding
eq "the second application's decision page opens" "$(aget personal.cm "/inkorg/$R2")" 200
expect_body "... warns that the person is already in the insats" "$WARN"
expect_body "... naming the open application, linked" "href=\"/inkorg/$R1\""
expect_body "... as an open application" "Öppen ansökan till"
check "... but not the application to another insats" body_lacks "/inkorg/$R3\""
eq "personal.cm does not reach the one to Friska Vindar" "$(aget personal.cm "/inkorg/$R3")" 404
# Admit the first: now an ongoing participation
eq "the first is admitted" "$(apost personal.cm "/inkorg/$R1/beslut" --data beslut=anta --data "version=$(ref_version "$R1")" \
	--data "startdatum=$TODAY" --data "planerat_slut=$(day 90)" --data "kontaktperson=$(staff_id_of personal.cm)" --data timmar=8)" 303
P1=$(q "SELECT id FROM participation WHERE referral_id = $R1")
aget personal.cm "/inkorg/$R2" > /dev/null
expect_body "the second now shows the ongoing participation" "Pågående deltagande i"
expect_body "... linked to the participation" "href=\"/deltagande/$P1\""
# Once it has ended it no longer counts
q "UPDATE participation SET status = 'avslutad', end_date = DATE('$TODAY') WHERE id = $P1"
aget personal.cm "/inkorg/$R2" > /dev/null
check "an ended participation is no warning" body_lacks "$WARN"
q "UPDATE participation SET status = 'inskriven', end_date = NULL WHERE id = $P1"

# --- The remittent, when applying
before=$(refs)
NEW=(--data-urlencode "personnummer=$(dash "$PN")" --data-urlencode "fornamn=Dubb" \
	--data-urlencode "efternamn=Tredjesson$$" --data "insats=$CMI" --data atgard=spara)
eq "a new application for the same person to the same insats: 409" "$(apost remittent.fk /ansokningar/ny "${NEW[@]}")" 409
expect_body "... warns" "$WARN"
expect_body "... linking their own referral" "href=\"/ansokningar/$R2\""
expect_body "... and the ongoing participation" "Pågående deltagande i"
expect_body "... keeps what was typed" "Tredjesson$$"
expect_body "... offers the box to save anyway" 'name="dubblett_ok"'
eq "... nothing saved" "$(refs)" "$before"
eq "to another insats: saved without a warning" "$(apost remittent.fk /ansokningar/ny \
	--data-urlencode "personnummer=$(dash "$PN")" --data-urlencode "fornamn=Dubb" \
	--data-urlencode "efternamn=Annansson$$" --data "insats=$(insats_id_of "Trampolinen TH")" --data atgard=spara)" 303
eq "ticked 'save anyway': saved" "$(apost remittent.fk /ansokningar/ny "${NEW[@]}" --data dubblett_ok=1)" 303
NEWID=$(loc_id)
eq "... one more referral (and the one above)" "$(refs)" $((before + 2))
# Editing the new draft warns too (its own row left out)
V=$(ref_version "$NEWID")
eq "saving the draft again warns" "$(apost remittent.fk "/ansokningar/$NEWID/andra" --data "version=$V" \
	--data-urlencode "fornamn=Dubb" --data-urlencode "efternamn=Tredjesson$$" --data "insats=$CMI" --data atgard=spara)" 409
check "... without naming itself" bash -c "! sed -n '/id=\"dubbletter\"/,/<\\/div>/p' '$BODY' | grep -q '/ansokningar/$NEWID\"'"
expect_body "... naming the other" "href=\"/ansokningar/$R2\""
eq "... and nothing changed" "$(ref_version "$NEWID")" "$V"

# --- Within their own referrals only: another remittent learns nothing
eq "another remittent, same person and insats: saved, no warning" "$(apost remittent.soc /ansokningar/ny \
	--data-urlencode "personnummer=$(dash "$PN")" --data-urlencode "fornamn=Dubb" \
	--data-urlencode "efternamn=Socsson$$" --data "insats=$CMI" --data atgard=spara)" 303
check "... the answer says nothing of the others" body_lacks "$WARN"
done_testing
