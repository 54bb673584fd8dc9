#!/usr/bin/env bash
# The remittent follows the participation on the application page, within
# the waiver (issue 15 item 1; include/visibility.h VIS_FOLLOW): the start,
# the contact person, the plan, the mid-term follow-ups, the extensions,
# the end and the summary appear only while the waiver in force names the
# caller's organisation, lets the insats disclose and names planering; the
# end reason needs arbete too. Otherwise the page says the participation
# exists and shows not one of them. Each view of the course is one read
# row in the access log, naming the participation.
set -u
. "$(dirname "$0")/lib.sh"

INSATS=$(insats_id_of "Friska Vindar 2.0")
FV_ID=$(staff_id_of personal.fv)
FK_ORG=$(org_of remittent.fk)
SOC_ORG=$(org_of remittent.soc)
log_in FV personal.fv
log_in RJ remittent.fk
log_in SOC remittent.soc

# --- A referral from remittent.fk, admitted by personal.fv, with a plan,
# a mid-term follow-up (and its internal note) and an extension.
PN=$(new_pnr)
R=$(new_referral "$INSATS" Följa "Deltagarsdotter$$" kvinna "$PN" 40)
R=${R:-0}
q "INSERT INTO referral_coremittent (referral_id, staff_id, organisation_id, name)
     VALUES ($R, $(staff_id_of remittent.soc), $SOC_ORG, 'Soc Medremittent')"
START=$(day -30)
eq "personal.fv admits the participant" "$(post "$FV" "/inkorg/$R/beslut" --data "beslut=anta" \
	--data "version=$(ref_version "$R")" --data "startdatum=$START" --data "planerat_slut=$(day 60)" \
	--data "kontaktperson=$FV_ID" --data "timmar=8")" 303
P=$(q "SELECT id FROM participation WHERE referral_id = $R")
P=${P:-0}
check "the participation exists" test "$P" -gt 0
MID=$(day -5)
q "INSERT INTO participation_activity (participation_id, activity, hours_per_week, sort_order)
     VALUES ($P, 'Friskvård i grupp $$', 6, 1);
   INSERT INTO participation_midterm (participation_id, held_date, attendees, note, recorded_by)
     VALUES ($P, '$MID', 'Deltagaren och remittenten $$', 'Intern anteckning $$', $FV_ID);
   INSERT INTO participation_extension (participation_id, old_planned_end, new_planned_end, reason, staff_id, at)
     VALUES ($P, '$(day 60)', '$(day 90)', 'Förlängd för praktik $$', $FV_ID, UTC_TIMESTAMP())"

# What the course shows, each on its own: none may leak when the rule says no.
COURSE=("Startdatum</dt><dd>$START" "Kontaktperson</dt><dd>Demo Personal Friska Vindar 2.0" "personal.fv@stegvis.example"
	"Friskvård i grupp $$" "$MID" "Deltagaren och remittenten $$" "Förlängd för praktik $$" "$(day 90)")
reads() { audits "action = 'read' AND object_type = 'participation' AND object_id = $P"; }
# shows WHO JAR WHAT: the course is on the page, with one read row.
shows() {
	local before c
	before=$(reads)
	expect_status "$1: the application page" 200 -b "$2" "$BASE/ansokningar/$R"
	for c in "${COURSE[@]}"; do expect_body "$1 sees $c ($3)" "$c"; done
	check "$1: not the mid-term note" body_lacks "Intern anteckning $$"
	eq "$1: one read row naming the participation" "$(reads)" $((before + 1))
}
# hides WHO JAR WHAT: the page shows not one item of the course, and
# writes no read of the participation.
hides() {
	local before c
	before=$(reads)
	expect_status "$1: the application page" 200 -b "$2" "$BASE/ansokningar/$R"
	for c in "${COURSE[@]}" "Intern anteckning $$" "/sammanfattning" "Avslutsorsak"; do
		check "$1 does not see $c ($3)" body_lacks "$c"
	done
	eq "$1: no read of the participation ($3)" "$(reads)" "$before"
}

# --- 1. The own remittent under give_waiver's waiver (FK, disclosing,
# arbete and planering, in force).
shows "remittent.fk" "$RJ" "waiver in force"
expect_body "the participation's state in one word" "<dt>Status</dt><dd>Inskriven</dd>"
expect_body "the summary not sent yet" "Inte skickad ännu"
check "no link to a summary yet" body_lacks "/ansokningar/$R/sammanfattning"
# The page's statements (README): with the course shown, and without.
echo "# statements with the course: $(statements_of "$RJ" "/ansokningar/$R")"
W=$(give_waiver "$R" "" 0)
echo "# statements without it: $(statements_of "$RJ" "/ansokningar/$R")"

# --- 2. The medremittent from the municipality, not named: the page that
# says only that the application exists; then named: the course.
hides "remittent.soc" "$SOC" "their organisation not named"
W=$(give_waiver "$R")
add_party "$W" "$SOC_ORG"
shows "remittent.soc" "$SOC" "their organisation named"

# --- 3. Disclosure off: the application's details, the participation
# exists, nothing of its course.
W=$(give_waiver "$R" "" 0)
hides "remittent.fk" "$RJ" "disclose off"
expect_body "the page says the participation exists" "Deltagandet finns (Inskriven)."
expect_body "and why no more is shown" "låter inte insatsen dela mer om deltagandet med din organisation"
expect_body "the application's own details still show" "Bakgrund Deltagarsdotter$$"

# --- 4. A waiver without planering.
W=$(give_waiver "$R")
q "DELETE FROM consent_consent_category WHERE consent_id = $W AND category_code = 'planering'"
hides "remittent.fk" "$RJ" "no planering"

# --- 5. In force, then revoked mid-participation: the next view shows
# nothing more.
W=$(give_waiver "$R")
shows "remittent.fk" "$RJ" "a new waiver"
revoke_waiver "$W"
hides "remittent.fk" "$RJ" "revoked"

# --- 6. Expired: past its last day (before the sweep writes it back,
# and after).
W=$(give_waiver "$R")
q "UPDATE consent SET valid_from = '$(day -20)', valid_until = '$(day -1)' WHERE id = $W"
hides "remittent.fk" "$RJ" "past its last day"
eq "the page's sweep wrote the expiry back" "$(consent_state "$W")" utgangen
hides "remittent.fk" "$RJ" "expired"

# --- 7. The insats no longer a party: nothing may be exchanged.
W=$(give_waiver "$R")
q "UPDATE consent_party SET state = 'aterkallad', revoked_at = UTC_TIMESTAMP()
     WHERE consent_id = $W AND insats_id IS NOT NULL"
hides "remittent.fk" "$RJ" "the insats not a party"

# --- 8. Protected identity: the course, and still no address.
W=$(give_waiver "$R")
q "UPDATE referral_person SET protected_identity = 1 WHERE referral_id = $R"
shows "remittent.fk" "$RJ" "protected identity"
check "no address" body_lacks "Storgatan 1"
q "UPDATE referral_person SET protected_identity = 0 WHERE referral_id = $R"

# --- 9. The remittent who moved to another organisation: the waiver
# names FK, not the municipality they work in now.
U=rem15d_$$
mk_account "$U" "$FK_ORG" remittent "Flytt Remittent"
at_exit "q \"UPDATE referral SET remittent_id = $(staff_id_of remittent.fk) WHERE id = $R;
	DELETE FROM staff_role WHERE staff_id = (SELECT id FROM staff WHERE username = '$U')\""
q "UPDATE referral SET remittent_id = (SELECT id FROM staff WHERE username = '$U') WHERE id = $R"
log_in MOV "$U"
shows "$U at FK" "$MOV" "before the move"
q "UPDATE staff SET organisation_id = $SOC_ORG WHERE username = '$U'"
log_in MOV "$U"
hides "$U at the municipality" "$MOV" "moved"
q "UPDATE referral SET remittent_id = $(staff_id_of remittent.fk) WHERE id = $R"

# --- 10. The end and the summary: the end date, the reason (with
# arbete), the summary sent in Swedish time with a link to it.
W=$(give_waiver "$R")
q "UPDATE participation SET status = 'avslutad', end_date = '$(day -2)', end_reason_code = 'studier',
     summary_due_date = '$(day 19)' WHERE id = $P"
shows "remittent.fk" "$RJ" "ended"
expect_body "the end date" "<dt>Slutdatum</dt><dd>$(day -2)</dd>"
expect_body "the end reason's label" "<dt>Avslutsorsak</dt><dd>Studier</dd>"
q "DELETE FROM consent_consent_category WHERE consent_id = $W AND category_code = 'arbete'"
shows "remittent.fk" "$RJ" "ended, no arbete"
check "no end reason without arbete" body_lacks "<dd>Studier</dd>"
expect_body "says why" "samtycket omfattar inte Arbete och studier"
q "INSERT INTO consent_consent_category (consent_id, category_code) VALUES ($W, 'arbete')"
# The summary went on 2 March (10:15 UTC), while this waiver was the one
# given last (signed the day before).
q "UPDATE consent SET signed_at = '2026-02-01 09:00:00' WHERE referral_id = $R AND id <> $W;
   UPDATE consent SET signed_at = '2026-03-01 09:00:00' WHERE id = $W;
   UPDATE participation SET summary_sent_at = '2026-03-02 10:15:00' WHERE id = $P;
   INSERT INTO participation_summary (participation_id, version_no, state, done_text,
     result_text, own_view, next_step, next_who, written_by, sent_by, sent_at)
   SELECT $P, 1, 'skickad', 'Samtal', 'Studier', 'Bra', 'Studier', 'Deltagaren', s.id, s.id,
     '2026-03-02 10:15:00' FROM staff s WHERE s.username = 'personal.fv'"
shows "remittent.fk" "$RJ" "summary sent"
expect_body "when it was sent, in Swedish time" "Skickad 2026-03-02 11:15 (svensk tid)"
expect_body "the link to the summary" "<a href=\"/ansokningar/$R/sammanfattning\">"
# A correction (version 2) the next day: the page names the latest.
q "INSERT INTO participation_summary (participation_id, version_no, state, done_text,
     result_text, own_view, next_step, next_who, written_by, sent_by, sent_at)
   SELECT $P, 2, 'skickad', 'Samtal', 'Studier', 'Bra', 'Studier', 'Deltagaren', s.id, s.id,
     '2026-03-03 10:15:00' FROM staff s WHERE s.username = 'personal.fv'"
shows "remittent.fk" "$RJ" "a correction sent"
expect_body "the correction's time and number" "Skickad 2026-03-03 11:15 (svensk tid), rättad version 2."
# The summary closes the waiver's case: the page's sweep expired it, and
# what it let the insats send stays readable ...
eq "the waiver expired with its case" "$(consent_state "$W")" utgangen
shows "remittent.fk" "$RJ" "expired with the summary"
expect_body "the link stays" "/ansokningar/$R/sammanfattning"
# ... until the participant revokes it.
q "UPDATE consent SET state = 'aterkallad' WHERE id = $W"
hides "remittent.fk" "$RJ" "revoked after the summary"

done_testing
