#!/usr/bin/env bash
# Labels, not codes (issue 21, item 9): every log, history and list row
# names what was read or changed, in Swedish. The participant's access log
# names the object ("Läste samtycke N", never "annat"); the participation's
# and the referral's change history name fields, statuses, code-list
# values, yes/no flags and accounts by their labels (never "inskriven",
# "gymnasium", "1" or an account id); the seeded waiting list says since
# when.
set -u
. "$(dirname "$0")/lib.sh"

CMI=$(insats_id_of "Case Manager")
CMID=$(staff_id_of personal.cm)
CMNAME=$(q "SELECT display_name FROM staff WHERE id = $CMID")
log_in CM personal.cm
log_in FK remittent.fk

# A submitted referral with a waiver; the remittent's history has a code
# and a yes/no flag, the participation's the status and the contact person.
R=$(new_referral "$CMI" Etikett Labelsson kvinna "$(pnr 19850505)" 1)
C=$(q "SELECT id FROM consent WHERE referral_id = $R ORDER BY id DESC LIMIT 1")
FKID=$(staff_id_of remittent.fk)
q "INSERT INTO change_history (at, staff_id, record_type, record_id, field, old_value, new_value) VALUES
   (UTC_TIMESTAMP(3), $FKID, 'referral', $R, 'education_code', '', 'gymnasium'),
   (UTC_TIMESTAMP(3), $FKID, 'referral', $R, 'consent_at_visa', '0', '1'),
   (UTC_TIMESTAMP(3), $FKID, 'referral', $R, 'income', '', 'sjukpenning,lon')"
fetch -b "$CM" "$BASE/inkorg/$R" > /dev/null
V=$(hidden version)
eq "personal.cm admits it" "$(post "$CM" "/inkorg/$R/beslut" --data "beslut=anta" --data "version=$V" \
	--data "startdatum=$TODAY" --data "planerat_slut=$(day 90)" --data "kontaktperson=$CMID" --data "timmar=8")" 303
P=$(q "SELECT id FROM participation WHERE referral_id = $R")
check "the participation exists" test -n "$P"
expect_status "personal.cm reads the consent" 200 -b "$CM" "$BASE/samtycken/$C"

expect_status "the participation page" 200 -b "$CM" "$BASE/deltagande/$P"
# The access log: every object named.
SIGNED=$(q "SELECT DATE_FORMAT(signed_at, '%Y-%m-%d') FROM consent WHERE id = $C")
INSNAME=$(q "SELECT short_name FROM insats WHERE id = $CMI")
expect_body "the log names the consent read" "<td data-label=\"Vad\">Läste samtycke till sekretesslättnad, signerat $SIGNED</td>"
expect_body "and the participation read" "<td data-label=\"Vad\">Läste deltagande i $INSNAME</td>"
check "by what they are, not their numbers" body_lacks "<td data-label=\"Vad\">Läste samtycke $C</td>"
check "no row says 'annat'" body_lacks "data-label=\"Vad\">Läste annat"
check "no row reads 'Annat'" body_lacks "data-label=\"Vad\">Annat"
# The change history: the status and the contact person by their labels.
row() { echo "<td data-label=\"Uppgift\">$1</td><td data-label=\"Från\">$2</td><td data-label=\"Till\">$3</td>"; }
expect_body "the status by its label" "$(row Status "" "Inskriven")"
expect_body "the contact person by name" "$(row Kontaktperson "" "$CMNAME")"
check "not the account id" body_lacks "$(row "Kontaktperson (konto-id)" "" "$CMID")"
check "no field says konto-id" body_lacks "konto-id"
# The SUS history on the same page: the referral's codes by their labels.
EDU=$(q "SELECT label FROM code_education WHERE code = 'gymnasium'")
expect_body "the education by its label" "$(row Utbildning "" "$EDU")"
INC=$(q "SELECT GROUP_CONCAT(label ORDER BY sort_order, code SEPARATOR ', ') FROM code_income WHERE code IN ('sjukpenning', 'lon')")
expect_body "the income sources by their labels" "$(row "Försörjning före" "" "$INC")"

# The referral's history, as the remittent sees it.
expect_status "the referral page" 200 -b "$FK" "$BASE/ansokningar/$R"
hrow() { echo "<td data-label=\"Fält\">$1</td><td data-label=\"Från\" class=\"pre\">$2</td><td data-label=\"Till\" class=\"pre\">$3</td>"; }
expect_body "the referral's education by its label" "$(hrow Utbildning "" "$EDU")"
expect_body "a yes/no flag as Nej/Ja" "$(hrow "Samtycket tas vid VISA-besöket" Nej Ja)"
expect_body "the income by their labels" "$(hrow Försörjning "" "$INC")"

# The seeded waiting list: since when.
W=$(q "SELECT r.id FROM referral r WHERE r.status = 'vantelista' AND r.insats_id = $CMI ORDER BY r.id LIMIT 1")
check "a seeded waiting-list referral" test -n "$W"
expect_status "its inbox page" 200 -b "$CM" "$BASE/inkorg/$W"
expect_body "says since when" "Ansökan står på väntelista sedan $(se_time "$(q "SELECT DATE_FORMAT(decided_at, '%Y-%m-%d %H:%i') FROM referral WHERE id = $W")")"
check "never 'sedan (svensk tid)' without a date" body_lacks "sedan  (svensk tid)"
# The admin's access log: objects named without personal data, details in
# Swedish (old rows too: their stored text is mapped when shown).
log_in AJ admin
PNR12=$(q "SELECT p.personnummer FROM referral r JOIN person p ON p.id = r.person_id WHERE r.id = $R")
q "INSERT INTO audit_log (at, forbund_id, staff_id, username, action, object_type, personnummer, remote_addr, request_id, detail)
   VALUES (UTC_TIMESTAMP(), (SELECT forbund_id FROM staff WHERE id = $FKID), $FKID, 'remittent.fk', 'read', 'referral_list', '$PNR12', '127.0.0.1', 'test-labels', 'list: 293 rows')"
expect_status "the admin searches the log by the personnummer" 200 -b "$AJ" "$BASE/admin/logg?personnummer=$(dash "$PNR12")"
expect_body "a referral by its insats and number" "Ansökan till $INSNAME (nr $R)"
expect_body "a consent by its kind and date" "Samtycke till sekretesslättnad, signerat $SIGNED (nr $C)"
expect_body "a decision in Swedish" "<td>Beslut: antagen</td>"
expect_body "an old row's detail in Swedish" "<td>Lista: 293 rader</td>"
check "no English detail left" body_lacks "<td>decision: "
check "nor the old row's English" body_lacks "<td>list: 293 rows</td>"
check "no personal data in the object column" body_lacks "Etikett"
done_testing
