#!/usr/bin/env bash
# The edges of who sees a referral (review of issue 21, items 7-12):
#  - a remittent who moves to another organisation keeps their own
#    referral (before any waiver: the referring side's rule), and is not
#    called a medremittent;
#  - a medremittent who also works in another insats does not reach the
#    insats's record of a participant (the contact details) through the
#    referral;
#  - the page that shows only that a referral exists tells a medremittent
#    who was never named nothing untrue ("inte längre", "återkallat").
set -u
. "$(dirname "$0")/lib.sh"

U=rem21_$$
FK_ORG=$(org_of remittent.fk)
SOC_ORG=$(org_of remittent.soc)
INSATS=$(insats_id_of "Friska Vindar 2.0")
mk_account "$U" "$FK_ORG" remittent "Rut Flyttare"
at_exit "q \"DELETE FROM staff_role WHERE staff_id = (SELECT id FROM staff WHERE username = '$U')\""

# --- 1. A draft by a remittent at FK, who then moves to the municipality.
log_in RJ "$U"
PN=$(pnr 19811111)
eq "the remittent saves a draft" "$(post "$RJ" /ansokningar/ny \
	--data-urlencode "personnummer=$(dash "$PN")" --data-urlencode "fornamn=Flytt$$" \
	--data-urlencode "efternamn=Remissdotter" --data-urlencode "kon=kvinna" \
	--data-urlencode "insats=$INSATS" --data-urlencode "bakgrund=Flyttens bakgrund $$." \
	--data-urlencode "atgard=spara")" 303
R=$(loc_id)
R=${R:-0}
check "its id" test "$R" -gt 0
q "UPDATE staff SET organisation_id = $SOC_ORG WHERE username = '$U'"
log_in RJ "$U"
expect_status "after the move: their own referral" 200 -b "$RJ" "$BASE/ansokningar/$R"
expect_body "with its details" "Flyttens bakgrund $$."
check "not called a medremittent" body_lacks "medremittent"
check "no 'not yet' statement" body_lacks "Inget samtycke omfattar din organisation"
expect_status "its edit form" 200 -b "$RJ" "$BASE/ansokningar/$R/andra"
expect_body "with what they wrote" "Flyttens bakgrund $$."
expect_status "its consents" 200 -b "$RJ" "$BASE/samtycken/ansokan/$R"
expect_status "the list of drafts" 200 -b "$RJ" "$BASE/ansokningar?status=utkast"
expect_body "lists it" "/ansokningar/$R\""
check "with its status" body_lacks "Samtycke saknas"

# --- 2. A dual-role account (remittent and insats staff in Case Manager)
# named as medremittent on a referral to Friska Vindar with a
# participation: the referral is theirs to look at as the waiver allows,
# the insats's record of the person is not.
D=dual21_$$
mk_account "$D" "$SOC_ORG" remittent "Dubbel Roll"
q "INSERT INTO staff_role (staff_id, role) SELECT id, 'insatspersonal' FROM staff WHERE username = '$D';
   INSERT INTO staff_insats (staff_id, insats_id) SELECT id, $(insats_id_of "Case Manager") FROM staff WHERE username = '$D'"
at_exit "q \"DELETE FROM staff_role WHERE staff_id = (SELECT id FROM staff WHERE username = '$D')\""
P=$(participation_id_of "Lars Gustafsson")
P=${P:-0}
PR=$(q "SELECT referral_id FROM participation WHERE id = $P")
PPN=$(q "SELECT p.personnummer FROM participation pa JOIN referral r ON r.id = pa.referral_id JOIN person p ON p.id = r.person_id WHERE pa.id = $P")
q "INSERT INTO referral_coremittent (referral_id, staff_id, organisation_id, name)
     SELECT $PR, id, $SOC_ORG, 'Dubbel Roll' FROM staff WHERE username = '$D'"
at_exit "q \"DELETE FROM referral_coremittent WHERE referral_id = $PR AND name = 'Dubbel Roll'\""
eq "the dual-role account logs in" "$(as "$D")" 303
eq "it reaches the referral as medremittent" "$(aget "$D" "/ansokningar/$PR")" 200
eq "the participation's contact details: 404" "$(aget "$D" "/deltagande/$P/kontaktuppgifter")" 404
check "with no personnummer" body_lacks "$(dash "$PPN")"
check "nor the 12 digits" body_lacks "$PPN"
eq "nor can it save them: 404" "$(apost "$D" "/deltagande/$P/kontaktuppgifter" --data "version=1" \
	--data-urlencode "telefon=0701-234567")" 404
eq "the participation page: 404" "$(aget "$D" "/deltagande/$P")" 404

# --- 3. A medremittent from another organisation, never named by the
# waiver: the page says what is true.
RCO=$(fixture_referral "$INSATS" Aldrig Namngiven)
q "UPDATE referral SET background = 'Aldrig namngivens bakgrund.' WHERE id = $RCO;
   INSERT INTO referral_coremittent (referral_id, staff_id, organisation_id, name)
     VALUES ($RCO, $(staff_id_of remittent.soc), $SOC_ORG, 'Soc Medremittent')"
log_in SOC remittent.soc
W=$(give_waiver "$RCO")
expect_status "a waiver naming FK only: the medremittent's page" 200 -b "$SOC" "$BASE/ansokningar/$RCO"
check "no details" body_lacks "Aldrig namngivens bakgrund."
expect_body "told their organisation is not a party" "Samtycket omfattar inte din organisation."
expect_body "in the latest waiver" "Din organisation är inte part i deltagarens senaste samtycke"
check "not told it 'no longer' covers them" body_lacks "inte längre"
check "nor that anything was revoked" body_lacks "återkallat"
revoke_waiver "$W"
expect_status "after revocation" 200 -b "$SOC" "$BASE/ansokningar/$RCO"
expect_body "told the participant revoked it" "Deltagaren har återkallat samtycket."
check "still no details" body_lacks "Aldrig namngivens bakgrund."
done_testing
