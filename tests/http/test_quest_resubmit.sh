# A kiosk screen sent again stores its answer once and never puts an older
# answer back over a newer one (issue 16, part 3, without JavaScript): the
# form's key ("nyckel", sql/0026) is how many times the item has been saved
# with the code, and a save with a key that is no longer current writes
# nothing and goes on as the first one did.
. "$(dirname "$0")/lib.sh"

log_in FV personal.fv
FV_INSATS=$(insats_id_of "Friska Vindar 2.0")
PID=$(q "SELECT p.id FROM participation p WHERE p.insats_id = $FV_INSATS AND p.status = 'inskriven'
	AND NOT EXISTS (SELECT 1 FROM questionnaire_response r WHERE r.participation_id = p.id)
	AND NOT EXISTS (SELECT 1 FROM questionnaire_code c WHERE c.participation_id = p.id)
	ORDER BY p.id DESC LIMIT 1")
LQ=$(q "SELECT id FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'livskvalitet' AND is_active = 1")
check "a participation without questionnaires" test -n "$PID"
post "$FV" "/deltagande/$PID/enkat" -d "enkat=$LQ" -d matning=start > /dev/null
CODE=$(grep -o 'name="kod" value="[0-9]\{8\}' "$BODY" | sed 's/.*value="//')
CID=$(q "SELECT id FROM questionnaire_code WHERE participation_id = $PID")
T=$(new_jar)
tablet "$T"
fetch -c "$T" -b "$T" --data-urlencode "csrf=$KC" -d "kod=$CODE" "$BASE/surfplatta" > /dev/null
fetch -c "$T" -b "$T" --data-urlencode "csrf=$KC" -d sprak=sv "$BASE/enkat/sprak" > /dev/null
RID=$(q "SELECT response_id FROM questionnaire_code WHERE id = $CID")
VAS=$(q "SELECT i.id FROM questionnaire_item i WHERE i.questionnaire_id = $LQ AND i.position = 1")
# The VAS answer(s) stored: "rows value".
vas() { q "SELECT CONCAT(COUNT(*), ' ', IFNULL(MAX(value_int), '-')) FROM questionnaire_answer WHERE response_id = $RID AND item_id = $VAS"; }
# screen N [curl args]: send screen N's form; the status.
screen() {
	local n=$1
	shift
	fetch -c "$T" -b "$T" --data-urlencode "csrf=$KC" -d visad=1 "$@" "$BASE/enkat/fraga/$n"
}

expect_status "question 1" 200 -c "$T" -b "$T" "$BASE/enkat/fraga/1"
K0=$(hidden nyckel)
eq "the screen comes with its key: never saved yet" "$K0" 0
eq "an answer is saved" "$(screen 1 -d svar=30 -d ga=nasta -d "nyckel=$K0")" 303
eq "... and goes on" "$(location)" "/enkat/fraga/2"
eq "... once" "$(vas)" "1 30"
eq "the same form sent again (a reload, a retry) goes on as the first did" \
	"$(screen 1 -d svar=30 -d ga=nasta -d "nyckel=$K0")" 303
eq "... to the same place" "$(location)" "/enkat/fraga/2"
eq "... and stores nothing twice" "$(vas)" "1 30"
eq "a form without a key (a client of before) is saved as before" "$(screen 1 -d svar=30 -d ga=nasta)" 303
eq "... replacing the answer: still one" "$(vas)" "1 30"

# Back to question 1 and a newer answer; then the first form again.
expect_status "question 1 again" 200 -c "$T" -b "$T" "$BASE/enkat/fraga/1"
K1=$(hidden nyckel)
check "... with a new key" test "$K1" != "$K0"
eq "a newer answer is saved" "$(screen 1 -d svar=80 -d ga=nasta -d "nyckel=$K1")" 303
eq "... once" "$(vas)" "1 80"
eq "the newer form sent again goes on" "$(screen 1 -d svar=80 -d ga=nasta -d "nyckel=$K1")" 303
eq "... storing nothing twice" "$(vas)" "1 80"
# A form shown before the item's last save that gives another answer (the
# participant chose again while the first try's reply was lost, or an
# older page came back) never moves on as if it were kept: the screen
# comes back with the answer stored and says so, with the current key.
eq "the older form sent again does not go on" "$(screen 1 -d svar=30 -d ga=nasta -d "nyckel=$K0")" 409
eq "... nor puts the older answer back" "$(vas)" "1 80"
expect_body "... it says the answer was saved before it was changed" "Ditt svar sparades innan du ändrade det."
check "... and shows the stored answer" grep -q 'name="svar" type="number"[^>]*value="80"' "$BODY"
KC1=$(hidden nyckel)
eq "... with the current key" "$KC1" "$(q "SELECT saves FROM questionnaire_screen WHERE code_id = $CID AND item_id = $VAS")"
eq "an older 'skip' sent again does not go on either" "$(screen 1 -d ga=hoppa -d "nyckel=$K0")" 409
eq "... nor removes the newer answer" "$(vas)" "1 80"
eq "a newer answer sent again with a key behind does not go on" "$(screen 1 -d svar=55 -d ga=nasta -d "nyckel=$K1")" 409
eq "... the answer stays" "$(vas)" "1 80"
eq "chosen again with the screen shown: saved" "$(screen 1 -d svar=55 -d ga=nasta -d "nyckel=$KC1")" 303
eq "... the newest answer kept" "$(vas)" "1 55"
eq "in the participant's language: Somali" "$(fetch -c "$T" -b "$T" --data-urlencode "csrf=$KC" -d sprak=so "$BASE/enkat/sprak")" 303
eq "... an older form, another answer" "$(screen 1 -d svar=30 -d ga=nasta -d "nyckel=$K0")" 409
expect_body "... told in Somali" "Jawaabtaada waa la kaydiyay intaadan beddelin."
fetch -c "$T" -b "$T" --data-urlencode "csrf=$KC" -d sprak=sv "$BASE/enkat/sprak" > /dev/null
KNOW=$(q "SELECT saves FROM questionnaire_screen WHERE code_id = $CID AND item_id = $VAS")
eq "a key ahead of any we gave is a 400" "$(screen 1 -d svar=10 -d ga=nasta -d "nyckel=$((KNOW + 1))")" 400
eq "... nothing stored" "$(vas)" "1 55"
eq "a key we never gave is a 400" "$(screen 1 -d svar=10 -d ga=nasta -d nyckel=x1)" 400
expect_body "... with the screen's error" "Svaret kunde inte sparas."
eq "... nothing stored" "$(vas)" "1 55"
K2=$(hidden nyckel)
eq "... the screen shown again has the current key" "$K2" "$(q "SELECT saves FROM questionnaire_screen WHERE code_id = $CID AND item_id = $VAS")"

# The keys go with the code: nothing of them outlives the sending.
fetch -c "$T" -b "$T" "$BASE/enkat/skicka" > /dev/null
eq "sent" "$(fetch -c "$T" -b "$T" --data-urlencode "csrf=$KC" "$BASE/enkat/skicka")" 303
eq "... the screens' keys are gone with the code" "$(q "SELECT COUNT(*) FROM questionnaire_screen WHERE code_id = $CID")" 0
eq "... the answer sent is the newer one" "$(vas)" "1 55"

done_testing
