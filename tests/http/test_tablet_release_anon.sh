# A tablet lost or broken while it holds an anonymous questionnaire's code
# (issue 16, part 4, review): nothing links an anonymous code to the
# participation, so the staff type the code they opened; it is released
# only within the insats of the participation page, the audit names the
# insats and nothing of the participant, and no code of another insats, a
# linked code or a mistyped one is touched.
. "$(dirname "$0")/lib.sh"

log_in FV personal.fv
log_in TR personal.tramp
FV_INSATS=$(insats_id_of "Friska Vindar 2.0")
PID=$(q "SELECT p.id FROM participation p WHERE p.insats_id = $FV_INSATS AND p.status = 'inskriven' ORDER BY p.id LIMIT 1 OFFSET 2")
AQ=$(q "SELECT id FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'deltagare_pagaende' AND is_active = 1")
check "a participation and an anonymous questionnaire" test -n "$PID" -a -n "$AQ"

post "$FV" "/deltagande/$PID/enkat" -d "enkat=$AQ" > /dev/null
CODE=$(grep -o 'name="kod" value="[0-9]\{8\}' "$BODY" | sed 's/.*value="//')
check "staff get an anonymous code" test "${#CODE}" = 8
CID=$(q "SELECT MAX(id) FROM questionnaire_code WHERE questionnaire_id = $AQ AND insats_id = $FV_INSATS AND participation_id IS NULL")
held() { q "SELECT device_hash IS NOT NULL FROM questionnaire_code WHERE id = $CID"; }
release() { post "$1" "/deltagande/$PID/enkat/slapp" --data-urlencode "anonym_kod=$2"; }
audits() { q "SELECT COUNT(*) FROM audit_log WHERE detail LIKE 'tablet released (anonymous%'"; }
A0=$(audits)

expect_status "the participation page" 200 -b "$FV" "$BASE/deltagande/$PID"
expect_body "... offers the release by the code for the anonymous questionnaire" 'name="anonym_kod"'

T1=$(new_jar)
T2=$(new_jar)
tablet "$T1"
expect_status "tablet 1 opens the questionnaire" 303 -c "$T1" -b "$T1" --data-urlencode "csrf=$KC" -d "kod=$CODE" "$BASE/surfplatta"
tablet "$T2"
expect_status "tablet 2 is refused while tablet 1 holds it" 409 -c "$T2" -b "$T2" --data-urlencode "csrf=$KC" -d "kod=$CODE" "$BASE/surfplatta"

expect_status "without CSRF it is refused" 403 -b "$FV" -d "anonym_kod=$CODE" "$BASE/deltagande/$PID/enkat/slapp"
eq "staff of another insats get not found" "$(release "$TR" "$CODE")" 404
eq "a code not of eight digits is a clear 400" "$(release "$FV" "1234")" 400
expect_body "... in Swedish" "Skriv enkätkoden med åtta siffror"
WRONG=$(printf '%08d' $(( (10#$CODE + 1) % 100000000 )))
eq "a code nobody holds is a 400 that says so" "$(release "$FV" "$WRONG")" 400
expect_body "... in Swedish" "Ingen surfplatta håller en öppen anonym enkätkod"
# The code of another insats's participation page (Trampolinen's staff
# have their own participations): not released from there.
TPID=$(q "SELECT p.id FROM participation p WHERE p.insats_id = $(insats_id_of "Trampolinen TH") AND p.status = 'inskriven' ORDER BY p.id LIMIT 1")
eq "from another insats's participation the code is not found" \
	"$(post "$TR" "/deltagande/$TPID/enkat/slapp" --data-urlencode "anonym_kod=$CODE")" 400
eq "... tablet 1 still holds it" "$(held)" 1
eq "... nothing audited" "$(audits)" "$A0"

eq "the staff let go of tablet 1, the code typed as shown" "$(release "$FV" "${CODE:0:4} ${CODE:4:4}")" 303
eq "... back to the participation with a notice" "$(location)" "/deltagande/$PID?slappt=1"
eq "... released" "$(held)" 0
eq "audited once" "$(audits)" "$((A0 + 1))"
eq "... against the insats, with nothing of the participant or the code" \
	"$(q "SELECT CONCAT(object_type, ' ', object_id, ' ', IFNULL(personnummer, ''), '|', detail) FROM audit_log WHERE detail LIKE 'tablet released (anonymous%' ORDER BY id DESC LIMIT 1")" \
	"insats $FV_INSATS |tablet released (anonymous questionnaire code)"
eq "... the code row still links to no participation" "$(q "SELECT participation_id IS NULL FROM questionnaire_code WHERE id = $CID")" 1
eq "a second release: nothing held now" "$(release "$FV" "$CODE")" 400

tablet "$T2"
expect_status "tablet 2 takes the code at once" 303 -c "$T2" -b "$T2" --data-urlencode "csrf=$KC" -d "kod=$CODE" "$BASE/surfplatta"

done_testing
