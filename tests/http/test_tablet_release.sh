# A tablet lost or broken while it holds a participant's questionnaire
# code: insats staff let go of it from the participation page (issue 16,
# part 4), audited, so the participant goes on on another tablet at once
# instead of after the 5 minutes idle.
. "$(dirname "$0")/lib.sh"

log_in FV personal.fv
log_in TR personal.tramp
FV_INSATS=$(insats_id_of "Friska Vindar 2.0")
PID=$(q "SELECT p.id FROM participation p WHERE p.insats_id = $FV_INSATS AND p.status = 'inskriven'
	AND NOT EXISTS (SELECT 1 FROM questionnaire_response r WHERE r.participation_id = p.id)
	AND NOT EXISTS (SELECT 1 FROM questionnaire_code c WHERE c.participation_id = p.id)
	ORDER BY p.id DESC LIMIT 1")
LQ=$(q "SELECT id FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'livskvalitet' AND is_active = 1")
check "a participation without questionnaires" test -n "$PID"

post "$FV" "/deltagande/$PID/enkat" -d "enkat=$LQ" -d matning=start > /dev/null
CODE=$(grep -o 'name="kod" value="[0-9]\{8\}' "$BODY" | sed 's/.*value="//')
check "staff get a code" test "${#CODE}" = 8
CID=$(q "SELECT id FROM questionnaire_code WHERE participation_id = $PID")

# Nothing holds it yet: no button, and a release changes nothing.
expect_status "the participation page" 200 -b "$FV" "$BASE/deltagande/$PID"
check "... offers no release while no tablet holds the code" body_lacks "Släpp surfplattan"
eq "a release with nothing held" "$(post "$FV" "/deltagande/$PID/enkat/slapp" -d "kod=$CID")" 303
eq "... says so" "$(location)" "/deltagande/$PID?ej_hallen=1"

# Tablet 1 takes the code, then is "lost": tablet 2 is refused.
T1=$(new_jar)
T2=$(new_jar)
tablet "$T1"
expect_status "tablet 1 opens the questionnaire" 303 -c "$T1" -b "$T1" --data-urlencode "csrf=$KC" -d "kod=$CODE" "$BASE/surfplatta"
tablet "$T2"
expect_status "tablet 2 is refused while tablet 1 holds the code" 409 -c "$T2" -b "$T2" --data-urlencode "csrf=$KC" -d "kod=$CODE" "$BASE/surfplatta"

expect_status "the participation page" 200 -b "$FV" "$BASE/deltagande/$PID"
expect_body "... says a tablet holds the code" "En surfplatta håller koden."
expect_body "... and offers to let it go" "Släpp surfplattan (borttappad eller trasig)"
expect_body "... for this code" "name=\"kod\" value=\"$CID\""

# Only the insats's own staff, with the form's token.
expect_status "without CSRF it is refused" 403 -b "$FV" -d "kod=$CID" "$BASE/deltagande/$PID/enkat/slapp"
eq "staff of another insats get not found" "$(post "$TR" "/deltagande/$PID/enkat/slapp" -d "kod=$CID")" 404
eq "a code of another participation is not released" \
	"$(post "$FV" "/deltagande/$PID/enkat/slapp" -d "kod=999999999")" 303
eq "... nothing was held there" "$(location)" "/deltagande/$PID?ej_hallen=1"
eq "... tablet 1 still holds it" "$(q "SELECT device_hash IS NOT NULL FROM questionnaire_code WHERE id = $CID")" 1
eq "a missing code is a clear 400" "$(post "$FV" "/deltagande/$PID/enkat/slapp")" 400
expect_body "... in Swedish" "Välj vilken surfplatta som ska släppas"

eq "the staff let go of tablet 1" "$(post "$FV" "/deltagande/$PID/enkat/slapp" -d "kod=$CID")" 303
eq "... back to the participation with a notice" "$(location)" "/deltagande/$PID?slappt=1"
expect_status "the participation page" 200 -b "$FV" "$BASE/deltagande/$PID?slappt=1"
expect_body "... says it is done" "Surfplattan har släppt enkätkoden."
check "... and offers no release any more" body_lacks "Släpp surfplattan (borttappad"
eq "it is audited against the participation" \
	"$(q "SELECT COUNT(*) FROM audit_log WHERE username = 'personal.fv' AND object_type = 'participation' AND object_id = $PID AND detail = 'tablet released'")" 1

tablet "$T2"
expect_status "tablet 2 now takes the code at once" 303 -c "$T2" -b "$T2" --data-urlencode "csrf=$KC" -d "kod=$CODE" "$BASE/surfplatta"
expect_status "tablet 1, if it turns up, has nothing" 303 -c "$T1" -b "$T1" "$BASE/enkat/fraga/1"
eq "... it goes to the lock screen" "$(location)" "/surfplatta"

done_testing
