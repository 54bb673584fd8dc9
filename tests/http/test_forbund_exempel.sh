#!/usr/bin/env bash
# The demo's second förbund on a tablet, and a förbund switched off
# (issue 20, several förbund).
#  - A consent tablet handed over by the second förbund's insats staff
#    works in that förbund: it shows the consent, its access-log rows are
#    the second förbund's, and the first förbund's consent on it is the
#    lock screen, never data.
#  - Its admin's overview links no installation setting (the code lists:
#    the accounts the operator names, sql/0078, in the demo the first
#    förbund's admin; 403 for any other); the first's admin's does.
#    Both link their own consent texts (test_forbund_consent_text.sh) and
#    gallring rules (test_forbund_gallring.sh).
#  - Switching a förbund off locks every way in at the next request: a
#    session already logged in, a new login, the tablet and the
#    integration token. The first förbund's accounts never notice.
#    Switched on again, the accounts work again.
set -u
. "$(dirname "$0")/lib.sh"

F2=$(forbund_id_of EXEMPEL)
check "the demo's second förbund" test -n "$F2"
# Whatever happens below, the förbund is on again for the tests after.
at_exit "q 'UPDATE forbund SET active = 1 WHERE id = $F2'"
SF=$(insats_id_of "Steg framåt")
RX_ID=$(staff_id_of remittent.exempel)
RX_ORG=$(org_of remittent.exempel)

# A submitted referral to Steg framåt from the förbund's own remittent.
PN=$(pnr "19$((60 + RANDOM % 30))0$((1 + RANDOM % 9))1$((RANDOM % 9))")
R=$(q "INSERT INTO person (personnummer, id_kind, birth_year) VALUES ('$PN', 'personnummer', ${PN:0:4})
	ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id);
	INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status, submitted_at)
	VALUES (LAST_INSERT_ID(), $SF, $RX_ID, $RX_ORG, 'inskickad', UTC_TIMESTAMP());
	SET @ref = LAST_INSERT_ID();
	INSERT INTO referral_person (referral_id, first_name, last_name, gender) VALUES (@ref, 'Exempla', 'Tablettsson', 'kvinna');
	SELECT @ref;")
check "a referral in the second förbund" test -n "$R"

# --- The tablet, handed over by the second förbund's insats staff
log_in PX personal.exempel
st=$(post "$PX" "/samtycken/ansokan/$R/ny" --data-urlencode "typ=sekretess" --data-urlencode "sprak=sv" \
	--data-urlencode "part=o$RX_ORG" --data-urlencode "part=i$SF" --data-urlencode "kategori=arbete" \
	--data-urlencode "inhamta=1" --data-urlencode "lamna=1" --data-urlencode "syfte=Planera" \
	--data-urlencode "fran=$TODAY" --data-urlencode "till=$(day 60)" --data-urlencode "satt=surfplatta")
eq "personal.exempel prepares a waiver for the tablet" "$st" 303
C=$(q "SELECT MAX(id) FROM consent WHERE referral_id = $R AND kind = 'sekretess'")
hand_over "$C" surfplatta personal.exempel
eq "and hands the tablet over" "$HO_ST" 303
texpect "the tablet shows the consent" 200 "$TJAR" "$BASE/samtycken/$C/surfplatta"
expect_body "with the signing form" 'class="signature-pad"'
eq "reading it is logged as the tablet's, in the second förbund" \
	"$(audits "object_type = 'consent' AND object_id = $C AND action = 'read'
	    AND username = 'surfplatta:personal.exempel' AND forbund_id = $F2")" 1
eq "... and nothing of it in the first förbund's log" \
	"$(audits "object_type = 'consent' AND object_id = $C AND (forbund_id IS NULL OR forbund_id <> $F2)")" 0
# The first förbund's consent, asked for on this tablet.
C1=$(q "SELECT MIN(c.id) FROM consent c JOIN referral r ON r.id = c.referral_id
	JOIN insats i ON i.id = r.insats_id WHERE i.forbund_id <> $F2")
N1=$(q "SELECT rp.last_name FROM consent c JOIN referral_person rp ON rp.referral_id = c.referral_id WHERE c.id = $C1")
texpect "the first förbund's consent on it: not shown" 303 "$TJAR" "$BASE/samtycken/$C1/surfplatta"
locked "tablet: the first förbund's consent" "$N1"

# --- The admin overview
log_in AX admin.exempel
expect_status "the second förbund's admin: the overview" 200 -b "$AX" "$BASE/admin"
check "... links no installation setting" bash -c "! grep -qE 'href=\"/admin/kodlistor\"' '$BODY'"
expect_body "... but its own consent texts" 'href="/admin/samtyckestexter"'
expect_body "... and its own gallring rules" 'href="/admin/gallring"'
expect_body "... and says whose they are" "sköts av de administratörer som installationens driftansvarige har utsett"
expect_body "... but links its own accounts" 'href="/admin/konton"'
log_in A1 admin
expect_status "the first förbund's admin: the overview" 200 -b "$A1" "$BASE/admin"
expect_body "... links the code lists" 'href="/admin/kodlistor"'
expect_body "... the consent texts" 'href="/admin/samtyckestexter"'
expect_body "... and gallring" 'href="/admin/gallring"'
check "... without the note for other förbund" body_lacks "sköts av administratören"

# --- The förbund switched off
hand_over "$C" surfplatta personal.exempel
texpect "a new handover: the tablet shows the consent" 200 "$TJAR" "$BASE/samtycken/$C/surfplatta"
log_in RX remittent.exempel
expect_status "remittent.exempel is logged in" 200 -b "$RX" "$BASE/start"
token=$(new_api_token sus-job.exempel)
expect_status "sus-job.exempel's token works" 200 -H "Authorization: Bearer $token" "$BASE/api/sus/schema"
log_in FK remittent.fk

q "UPDATE forbund SET active = 0 WHERE id = $F2"
expect_status "switched off: the session already logged in goes to the login page" 303 -b "$RX" "$BASE/start"
expect_header "... the login page" "Location: /logga-in"
expect_status "... and shows no application" 303 -b "$RX" "$BASE/ansokningar"
J=$(new_jar)
check "a new login is refused" test "$(login "$J" remittent.exempel)" != 303
expect_body "... with the message for any name or password that is wrong" "Inloggningen misslyckades"
texpect "the tablet: the lock screen" 303 "$TJAR" "$BASE/samtycken/$C/surfplatta"
locked "tablet, förbund switched off" "Tablettsson"
expect_status "the integration token: anonymous" 401 -H "Authorization: Bearer $token" "$BASE/api/sus/schema"
expect_status "the first förbund's remittent works on" 200 -b "$FK" "$BASE/start"

q "UPDATE forbund SET active = 1 WHERE id = $F2"
J=$(new_jar)
eq "switched on again: remittent.exempel logs in" "$(login "$J" remittent.exempel)" 303
expect_status "... and sees the start page" 200 -b "$J" "$BASE/start"
expect_status "... and the token works again" 200 -H "Authorization: Bearer $token" "$BASE/api/sus/schema"
done_testing
