# Questionnaires: definitions (the CLI and the admin page), the tablet flow
# through nginx (code, language, one question per screen, save per screen,
# send once), idle lock and resume, a second tablet, expired codes, the
# back button after sending, anonymity, linked measurements and personal
# links. The browser tests (tests/browser/) do the same flow in Chromium.
. "$(dirname "$0")/lib.sh"

TMP=$(mktemp -d)
at_exit 'rm -rf "$TMP"'

# --- Definitions: the shipped files are loaded, complete in every language
for f in "$ROOT"/conf/questionnaires/*.xml; do
	out=$("$BIN" questionnaire-import -c "$VAR/stegvis.conf" --forbund SOFTLEG "$f" 2>&1)
	check "$(basename "$f") is loaded (a second import changes nothing)" grep -q "already loaded" <<< "$out"
done
eq "nine shipped definitions, each active" "$(q "SELECT COUNT(*) FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND is_active = 1 AND is_example = 1")" 9
# Every text ref of a definition exists in every one of its languages.
missing=$(q "SELECT COUNT(*) FROM questionnaire q JOIN questionnaire_language l ON l.questionnaire_id = q.id
	JOIN (SELECT DISTINCT questionnaire_id, ref FROM questionnaire_text) r ON r.questionnaire_id = q.id
	LEFT JOIN questionnaire_text t ON t.questionnaire_id = q.id AND t.ref = r.ref AND t.lang = l.lang
	WHERE t.text IS NULL")
eq "every shipped text is translated into every declared language" "$missing" 0
for code in deltagare_pagaende deltagare_avslut livskvalitet horisontella_principer uppfoljning_6_manader; do
	eq "$code: sv, en, ar, so, fa-AF, ti" \
		"$(q "SELECT GROUP_CONCAT(l.lang ORDER BY l.position) FROM questionnaire_language l JOIN questionnaire q ON q.id = l.questionnaire_id WHERE q.forbund_id = (SELECT MIN(id) FROM forbund) AND q.code = '$code'")" \
		"sv,en,ar,so,fa-AF,ti"
done
eq "Arabic and Dari are right-to-left" "$(q "SELECT GROUP_CONCAT(DISTINCT lang ORDER BY lang) FROM questionnaire_language WHERE dir = 'rtl'")" "ar,fa-AF"

# Invalid files are refused with the line and the reason, and nothing is stored.
before=$(q "SELECT COUNT(*) FROM questionnaire")
sed 's/version="1"/version="9"/; 0,/<t xml:lang="ti">[^<]*<\/t>/s///' "$ROOT/conf/questionnaires/livskvalitet.xml" > "$TMP/missing.xml"
out=$("$BIN" questionnaire-import -c "$VAR/stegvis.conf" --forbund SOFTLEG "$TMP/missing.xml" 2>&1); rc=$?
check "a missing translation is refused" test "$rc" -ne 0
check "... naming the line and the language ($out)" grep -qE 'Rad [0-9]+: Översättning saknas: .* språket ti' <<< "$out"
sed 's/version="1"/version="9"/; s/<scale id="kost" min="1" max="5"/<scale id="kost" min="1" max="50"/' "$ROOT/conf/questionnaires/livskvalitet.xml" > "$TMP/schema.xml"
out=$("$BIN" questionnaire-import -c "$VAR/stegvis.conf" --forbund SOFTLEG "$TMP/schema.xml" 2>&1)
line=$(grep -n 'id="kost"' "$TMP/schema.xml" | cut -d: -f1)
check "a value outside the schema is refused with its line ($out)" grep -q "Rad $line: Filen följer inte schemat" <<< "$out"
printf '<?xml version="1.0"?>\n<!DOCTYPE q [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<q>&x;</q>\n' > "$TMP/xxe.xml"
out=$("$BIN" questionnaire-import -c "$VAR/stegvis.conf" --forbund SOFTLEG "$TMP/xxe.xml" 2>&1)
check "a DOCTYPE (external entity) is refused" grep -q "DOCTYPE" <<< "$out"
sed 's/<title>/<title>\n/; s/Remittenter/Remittenterna/' "$ROOT/conf/questionnaires/remittent.xml" | sed 's/(exempel)/(ändrad)/' > "$TMP/changed.xml"
out=$("$BIN" questionnaire-import -c "$VAR/stegvis.conf" --forbund SOFTLEG "$TMP/changed.xml" 2>&1)
check "changed content under an existing version is refused ($out)" grep -q "nytt versionsnummer" <<< "$out"
eq "nothing was stored by the refused files" "$(q "SELECT COUNT(*) FROM questionnaire")" "$before"

# --- The admin page: load a new version; errors keep the pasted text
log_in AJ admin
expect_status "GET /admin/enkater" 200 -b "$AJ" "$BASE/admin/enkater"
expect_body "the list shows the shipped livskvalitet" "<code>livskvalitet</code> (exempel) <strong>aktiv</strong>"
code=$(post "$AJ" /admin/enkater --data-urlencode "xml@$TMP/missing.xml")
eq "a bad definition on the admin page is a 400" "$code" 400
expect_body "... with the line and reason" "Översättning saknas"
expect_body "... and the pasted XML kept" "id=&quot;livskvalitet&quot; version=&quot;9&quot;"
V=$(q "SELECT MAX(version) + 1 FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'remittent'")
sed "s/id=\"remittent\" version=\"1\"/id=\"remittent\" version=\"$V\"/; s/Insatsen är ett bra stöd/Insatsen ger ett bra stöd/" "$ROOT/conf/questionnaires/remittent.xml" > "$TMP/v2.xml"
old_id=$(q "SELECT id FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'remittent' AND version = 1")
code=$(post "$AJ" /admin/enkater --data-urlencode "xml@$TMP/v2.xml")
eq "a new version loads from the admin page" "$code" 200
expect_body "... and says so" "remittent version $V är inläst"
eq "the new version is the active one" "$(q "SELECT version FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'remittent' AND is_active = 1")" "$V"
eq "the old version is kept unchanged" "$(q "SELECT COUNT(*) FROM questionnaire_item WHERE questionnaire_id = $old_id AND text LIKE 'Insatsen är ett bra stöd%'")" 1

# --- Every text the importer takes fits its column (sql/0024): a title,
# an option and a language name of 1 000 characters are stored whole, not
# a 500 that loses the pasted XML.
LV=$(q "SELECT MAX(version) + 1 FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'remittent'")
LONG=$(printf 'Å%.0s' $(seq 1000))
sed "s/id=\"remittent\" version=\"1\"/id=\"remittent\" version=\"$LV\"/; s/Enkät till remittenter (exempel)/$LONG/; s/>Kvinna</>$LONG</; s/>Svenska</>$LONG</" \
	"$ROOT/conf/questionnaires/remittent.xml" > "$TMP/long.xml"
code=$(post "$AJ" /admin/enkater --data-urlencode "xml@$TMP/long.xml")
eq "a questionnaire with 1 000-character texts loads" "$code" 200
eq "its title is stored whole" "$(q "SELECT CHAR_LENGTH(title) FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'remittent' AND version = $LV")" 1000
eq "its option text too" "$(q "SELECT MAX(CHAR_LENGTH(o.text)) FROM questionnaire_option o JOIN questionnaire_item i ON i.id = o.item_id JOIN questionnaire qq ON qq.id = i.questionnaire_id WHERE qq.forbund_id = (SELECT MIN(id) FROM forbund) AND qq.code = 'remittent' AND qq.version = $LV")" 1000
eq "and the language name" "$(q "SELECT MAX(CHAR_LENGTH(l.name)) FROM questionnaire_language l JOIN questionnaire qq ON qq.id = l.questionnaire_id WHERE qq.forbund_id = (SELECT MIN(id) FROM forbund) AND qq.code = 'remittent' AND qq.version = $LV")" 1000
# The tests below go on with the new version's wording, loaded again.
sed "s/ version=\"[0-9]*\"/ version=\"$((LV + 1))\"/" "$TMP/v2.xml" > "$TMP/back.xml"
code=$(post "$AJ" /admin/enkater --data-urlencode "xml@$TMP/back.xml")
eq "and the ordinary wording loads again after it" "$code" 200

# --- Personal links for the remittent questionnaire
new_id=$(q "SELECT id FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'remittent' AND is_active = 1")
code=$(post "$AJ" "/admin/enkater/$new_id/lankar" --data-urlencode "antal=2")
eq "two personal links are made" "$code" 200
LINK=$(grep -o '/enkat/lank/[0-9a-f]\{64\}' "$BODY" | head -n 1)
LINK2=$(grep -o '/enkat/lank/[0-9a-f]\{64\}' "$BODY" | sed -n 2p)
check "the page shows the links once" test -n "$LINK"
eq "only their hashes are stored" "$(q "SELECT COUNT(*) FROM questionnaire_code WHERE kind = 'lank' AND questionnaire_id = $new_id")" 2
LJ=$(new_jar)
expect_status "a personal link opens a start page" 200 -c "$LJ" -b "$LJ" "$BASE$LINK"
lc=$(form_csrf)
expect_status "starting it goes to the language choice" 303 -c "$LJ" -b "$LJ" --data-urlencode "csrf=$lc" "$BASE$LINK"
eq "... there" "$(location)" "/enkat/sprak"
fetch -c "$LJ" -b "$LJ" --data-urlencode "csrf=$lc" -d sprak=sv "$BASE/enkat/sprak" > /dev/null
fetch -c "$LJ" -b "$LJ" "$BASE/enkat/fraga/1" > /dev/null
check "a computer (link) page has no idle lock" body_lacks "http-equiv=\"refresh\""
fetch -c "$LJ" -b "$LJ" --data-urlencode "csrf=$lc" -d svar=4 -d ga=nasta "$BASE/enkat/fraga/1" > /dev/null
expect_status "sending from a link" 303 -c "$LJ" -b "$LJ" --data-urlencode "csrf=$lc" "$BASE/enkat/skicka"
eq "... thanks without the tablet's return" "$(location)" "/enkat/tack?sprak=sv"
expect_status "the used link is gone" 404 "$BASE$LINK"
check "no log holds the link's token (S2)" bash -c "! grep -rqF '${LINK##*/}' '$VAR'/log/"
# A link keeps its computer for QUEST_LINK_IDLE_SECONDS (4 h), not the
# tablet's 5 minutes: someone else with the link cannot take it over.
LJ2=$(new_jar)
fetch -c "$LJ2" -b "$LJ2" "$BASE$LINK2" > /dev/null
lc=$(form_csrf)
expect_status "the second link starts" 303 -c "$LJ2" -b "$LJ2" --data-urlencode "csrf=$lc" "$BASE$LINK2"
q "UPDATE questionnaire_code SET device_seen_at = device_seen_at - INTERVAL 10 MINUTE WHERE kind = 'lank' AND device_hash IS NOT NULL"
LJ3=$(new_jar)
fetch -c "$LJ3" -b "$LJ3" "$BASE$LINK2" > /dev/null
lc3=$(form_csrf)
expect_status "ten minutes later another computer cannot take the link" 409 -c "$LJ3" -b "$LJ3" --data-urlencode "csrf=$lc3" "$BASE$LINK2"
expect_status "... while the first one goes on" 200 -c "$LJ2" -b "$LJ2" "$BASE/enkat/sprak"

# --- A participation on the staff side: a linked start measurement
log_in FV personal.fv
PID=$(q "SELECT p.id FROM participation p WHERE p.insats_id = $(insats_id_of "Friska Vindar 2.0") AND p.status = 'inskriven'
	AND NOT EXISTS (SELECT 1 FROM questionnaire_response r WHERE r.participation_id = p.id) ORDER BY p.id LIMIT 1")
LQ=$(q "SELECT id FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'livskvalitet' AND is_active = 1")
AQ=$(q "SELECT id FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'deltagare_pagaende' AND is_active = 1")
expect_status "the participation page" 200 -b "$FV" "$BASE/deltagande/$PID"
expect_body "it offers the start measurement on a tablet" "Öppna Startmätning på surfplatta"
expect_body "... and shows it unanswered" "Startmätning: Ej besvarad"
# new_code JAR QID [MEASUREMENT]: a tablet code for $PID; prints it.
new_code() {
	post "$1" "/deltagande/$PID/enkat" -d "enkat=$2" ${3:+-d "matning=$3"} > /dev/null
	grep -o 'name="kod" value="[0-9]\{8\}' "$BODY" | sed 's/.*value="//'
}
CODE=$(new_code "$FV" "$LQ" start)
check "staff get an 8-digit code" test "${#CODE}" = 8
eq "the code is logged against the participation" \
	"$(q "SELECT COUNT(*) FROM audit_log WHERE username = 'personal.fv' AND object_type = 'participation' AND object_id = $PID AND detail LIKE 'questionnaire code: livskvalitet start'")" 1

T1=$(new_jar)
T2=$(new_jar)
tablet "$T1"
expect_header "the lock screen is never cached" "Cache-Control: no-store"
expect_status "a wrong code is refused" 400 -c "$T1" -b "$T1" --data-urlencode "csrf=$KC" -d kod=00000000 "$BASE/surfplatta"
expect_body "... in Swedish" "Koden finns inte"
expect_status "a code without CSRF is refused" 403 -c "$T1" -b "$T1" -d "kod=$CODE" "$BASE/surfplatta"
expect_status "the code opens the questionnaire (typed with a space)" 303 -c "$T1" -b "$T1" --data-urlencode "csrf=$KC" --data-urlencode "kod=${CODE:0:4} ${CODE:4}" "$BASE/surfplatta"
eq "... at the language choice" "$(location)" "/enkat/sprak"
expect_status "the language page" 200 -c "$T1" -b "$T1" "$BASE/enkat/sprak"
expect_body "languages are named in their own script" 'lang="ar" dir="rtl" class="kiosk-lang">العربية</button>'
expect_body "... Tigrinya too" '>ትግርኛ</button>'
check "... never as flags" body_lacks "flag"
expect_header "a question page is never cached" "Cache-Control: no-store"
fetch -c "$T1" -b "$T1" --data-urlencode "csrf=$KC" -d sprak=sv "$BASE/enkat/sprak" > /dev/null
eq "choosing Swedish goes to question 1" "$(location)" "/enkat/fraga/1"
expect_status "question 1" 200 -c "$T1" -b "$T1" "$BASE/enkat/fraga/1"
expect_body "the page is Swedish, left to right" '<html lang="sv" dir="ltr">'
expect_body "progress is shown" "Fråga 1 av 6"
expect_body "the VAS field has no preset value" 'type="number" inputmode="numeric" min="0" max="100" step="1" value=""'
expect_body "the tablet returns to the lock when idle (no JS)" 'http-equiv="refresh" content="300;url=/surfplatta"'
expect_status "a VAS of 101 is refused" 400 -c "$T1" -b "$T1" --data-urlencode "csrf=$KC" -d svar=101 -d ga=nasta "$BASE/enkat/fraga/1"
expect_body "... with the typed value kept" 'value="101"'
expect_status "a VAS answer is saved" 303 -c "$T1" -b "$T1" --data-urlencode "csrf=$KC" -d svar=42 -d ga=nasta "$BASE/enkat/fraga/1"
RID=$(q "SELECT id FROM questionnaire_response WHERE participation_id = $PID AND measurement = 'start'")
eq "... at once, on the response linked to the participation" "$(q "SELECT value_int FROM questionnaire_answer WHERE response_id = $RID")" 42
fetch -c "$T1" -b "$T1" --data-urlencode "csrf=$KC" -d ga=hoppa "$BASE/enkat/fraga/2" > /dev/null
eq "skipping goes on" "$(location)" "/enkat/fraga/3"
fetch -c "$T1" -b "$T1" --data-urlencode "csrf=$KC" -d svar=vet_ej -d ga=nasta "$BASE/enkat/fraga/3" > /dev/null
eq "vet ej is stored as special" "$(q "SELECT special FROM questionnaire_answer a JOIN questionnaire_item i ON i.id = a.item_id WHERE a.response_id = $RID AND i.item_code = 'kost'")" "vet_ej"
expect_status "a scale value outside 1-5 is refused" 400 -c "$T1" -b "$T1" --data-urlencode "csrf=$KC" -d svar=6 -d ga=nasta "$BASE/enkat/fraga/4"

# A second tablet cannot take the code while the first one holds it.
tablet "$T2"
expect_status "the code on a second tablet is refused" 409 -c "$T2" -b "$T2" --data-urlencode "csrf=$KC" -d "kod=$CODE" "$BASE/surfplatta"
expect_body "... in Swedish" "används just nu på en annan surfplatta"
check "... and the lock screen shows nothing of the answers" body_lacks "Livskvalitet"

# Idle: the first tablet is let go; the same code resumes where it was.
# A new sitting (B2, linked too): the answers given before are kept and
# counted but not shown on any screen (they are health self-ratings).
eq "the answers of the first sitting are on the response" "$(q "SELECT COUNT(*) FROM questionnaire_answer WHERE response_id = $RID")" 2
q "UPDATE questionnaire_code SET device_seen_at = device_seen_at - INTERVAL 10 MINUTE WHERE response_id = $RID"
expect_status "after the idle time the tablet's page goes to the lock" 303 -c "$T1" -b "$T1" "$BASE/enkat/fraga/4"
eq "... the lock screen" "$(location)" "/surfplatta"
expect_status "the lock screen" 200 -c "$T2" -b "$T2" "$BASE/surfplatta"
check "... shows nothing of the previous respondent" body_lacks "Livskvalitet"
KC=$(form_csrf)
expect_status "the same code resumes (on any tablet now)" 303 -c "$T2" -b "$T2" --data-urlencode "csrf=$KC" -d "kod=$CODE" "$BASE/surfplatta"
eq "... at the first unanswered question" "$(location)" "/enkat/fraga/2"
expect_status "the first question, answered before the idle lock" 200 -c "$T2" -b "$T2" "$BASE/enkat/fraga/1"
check "... does not show the earlier answer (42)" body_lacks 'value="42"'
expect_body "... its VAS is empty" 'min="0" max="100" step="1" value=""'
expect_status "the third, answered vet ej before" 200 -c "$T2" -b "$T2" "$BASE/enkat/fraga/3"
check "... shows no answer chosen" body_lacks " checked>"
expect_status "the old tablet has nothing" 303 -c "$T1" -b "$T1" "$BASE/enkat/fraga/1"
expect_status "the empty VAS screen sent on (Nästa)" 303 -c "$T2" -b "$T2" --data-urlencode "csrf=$KC" -d visad=1 -d svar= -d ga=nasta "$BASE/enkat/fraga/1"
eq "... does not clear the answer it did not show" "$(q "SELECT value_int FROM questionnaire_answer a JOIN questionnaire_item i ON i.id = a.item_id WHERE a.response_id = $RID AND i.position = 1")" 42
expect_status "the send page" 200 -c "$T2" -b "$T2" "$BASE/enkat/skicka"
expect_body "... counts the earlier answers" "Du har svarat på 2 av 6 frågor."
fetch -c "$T2" -b "$T2" --data-urlencode "csrf=$KC" -d svar=2 -d ga=nasta "$BASE/enkat/fraga/3" > /dev/null
eq "answering an earlier question again replaces its answer" "$(q "SELECT CONCAT(IFNULL(value_int, ''), IFNULL(special, '')) FROM questionnaire_answer a JOIN questionnaire_item i ON i.id = a.item_id WHERE a.response_id = $RID AND i.item_code = 'kost'")" 2
expect_status "... which this sitting shows again" 200 -c "$T2" -b "$T2" "$BASE/enkat/fraga/3"
expect_body "... checked" 'value="2" checked'
fetch -c "$T2" -b "$T2" --data-urlencode "csrf=$KC" -d svar=4 -d ga=nasta "$BASE/enkat/fraga/4" > /dev/null
expect_status "the send page" 200 -c "$T2" -b "$T2" "$BASE/enkat/skicka"
expect_body "... counts the answers of both sittings" "Du har svarat på 3 av 6 frågor."

# Send twice (a double tap): stored once.
fetch -c "$T2" -b "$T2" --data-urlencode "csrf=$KC" "$BASE/enkat/skicka" > /dev/null
eq "sending goes to the thanks page" "$(location)" "/enkat/tack?sprak=sv&surfplatta=1"
cp "$T2" "$TMP/stale"
expect_status "sending again" 303 -c "$T2" -b "$T2" --data-urlencode "csrf=$KC" "$BASE/enkat/skicka"
eq "... only reaches the lock screen" "$(location)" "/surfplatta"
eq "the response is sent once" "$(q "SELECT CONCAT(status, ' ', COUNT(*)) FROM questionnaire_response WHERE participation_id = $PID GROUP BY status")" "inskickad 1"
eq "the answers are stored once" "$(q "SELECT COUNT(*) FROM questionnaire_answer WHERE response_id = $RID")" 3
eq "... those of the first sitting and of the second" "$(q "SELECT GROUP_CONCAT(CONCAT(i.position, '=', IFNULL(a.value_int, a.special)) ORDER BY i.position) FROM questionnaire_answer a JOIN questionnaire_item i ON i.id = a.item_id WHERE a.response_id = $RID")" "1=42,3=2,4=4"
eq "the participation's gender is copied onto it" "$(q "SELECT r.gender = pe.gender FROM questionnaire_response r JOIN participation p ON p.id = r.participation_id JOIN participation_person pe ON pe.participation_id = p.id WHERE r.id = $RID")" 1
eq "... and its insats" "$(q "SELECT insats_id FROM questionnaire_response WHERE id = $RID")" 1
eq "the code is consumed" "$(q "SELECT COUNT(*) FROM questionnaire_code WHERE response_id = $RID")" 0
eq "the send's access-log row is the response's förbund's (the kiosk's request has none)" \
	"$(q "SELECT forbund_id FROM audit_log WHERE username = 'deltagare'
	AND detail LIKE 'questionnaire response $RID % sent for participation $PID'")" \
	"$(q "SELECT i.forbund_id FROM insats i WHERE i.id = 1")"
expect_status "the back button after sending (the old cookie)" 303 -b "$TMP/stale" "$BASE/enkat/fraga/4"
eq "... reaches only the lock screen" "$(location)" "/surfplatta"
expect_status "... and the send page too" 303 -b "$TMP/stale" "$BASE/enkat/skicka"
expect_status "the thanks page" 200 "$BASE/enkat/tack?sprak=ar&surfplatta=1"
expect_body "... in the respondent's language and direction" '<html lang="ar" dir="rtl">'
expect_body "... returning to the lock screen in that language by itself" 'content="20;url=/surfplatta?sprak=ar"'
expect_body "... and by \"Klar\"" 'href="/surfplatta?sprak=ar" class="kiosk-primary'
tablet "$T1"
expect_status "a used code is refused" 400 -c "$T1" -b "$T1" --data-urlencode "csrf=$KC" -d "kod=$CODE" "$BASE/surfplatta"
expect_status "the participation page" 200 -b "$FV" "$BASE/deltagande/$PID"
expect_body "... shows the start measurement answered" "Startmätning: Besvarad $TODAY"
expect_body "... and still offers the end measurement" "Öppna Slutmätning på surfplatta"
code=$(post "$FV" "/deltagande/$PID/enkat" -d "enkat=$LQ" -d matning=start)
eq "an answered measurement cannot be opened again" "$code" 409

# --- An expired code
CODE2=$(new_code "$FV" "$LQ" slut)
q "UPDATE questionnaire_code SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE participation_id = $PID AND measurement = 'slut'"
tablet "$T1"
expect_status "an expired code is refused" 400 -c "$T1" -b "$T1" --data-urlencode "csrf=$KC" -d "kod=$CODE2" "$BASE/surfplatta"
expect_body "... saying so" "Koden har gått ut"

# --- An anonymous questionnaire, started by the staff on the tablet itself
CODE3=$(new_code "$FV" "$AQ")
KC=$(grep -o 'name="csrf" value="[0-9a-f]*' "$BODY" | tail -n 1 | sed 's/.*value="//')
expect_status "staff start it on this tablet" 303 -c "$FV" -b "$FV" --data-urlencode "csrf=$KC" -d "kod=$CODE3" "$BASE/surfplatta"
expect_status "... which logs them out" 303 -b "$FV" "$BASE/start"
eq "... to the login page" "$(location | cut -c1-9)" "/logga-in"
fetch -c "$FV" -b "$FV" --data-urlencode "csrf=$KC" -d sprak=so "$BASE/enkat/sprak" > /dev/null
expect_status "a Somali question page" 200 -c "$FV" -b "$FV" "$BASE/enkat/fraga/1"
expect_body "... with the Somali words" ">Xiga</button>"
expect_body "... in Somali" '<html lang="so" dir="ltr">'
n=$(q "SELECT COUNT(*) FROM questionnaire_item WHERE questionnaire_id = $AQ")
kon=$(q "SELECT position FROM questionnaire_item WHERE questionnaire_id = $AQ AND background = 'kon'")
fetch -c "$FV" -b "$FV" --data-urlencode "csrf=$KC" -d svar=5 -d ga=nasta "$BASE/enkat/fraga/1" > /dev/null
fetch -c "$FV" -b "$FV" --data-urlencode "csrf=$KC" --data-urlencode "svar=Tack för allt $$" -d ga=nasta "$BASE/enkat/fraga/5" > /dev/null
fetch -c "$FV" -b "$FV" --data-urlencode "csrf=$KC" -d svar=2 -d ga=nasta "$BASE/enkat/fraga/$kon" > /dev/null
eq "while it is answered there is no response row" "$(q "SELECT COUNT(*) FROM questionnaire_response WHERE questionnaire_id = $AQ AND status = 'pagaende'")" 0
CID3=$(q "SELECT MAX(c.id) FROM questionnaire_code c WHERE c.questionnaire_id = $AQ AND c.device_hash IS NOT NULL")
eq "... the answers are a draft of the code" "$(q "SELECT COUNT(DISTINCT item_id) FROM questionnaire_draft_answer WHERE code_id = $CID3")" 3
fetch -c "$FV" -b "$FV" --data-urlencode "csrf=$KC" "$BASE/enkat/skicka" > /dev/null
ARID=$(q "SELECT r.id FROM questionnaire_response r JOIN questionnaire_answer a ON a.response_id = r.id WHERE r.questionnaire_id = $AQ AND a.value_text = 'Tack för allt $$'")
eq "the anonymous response is sent" "$(q "SELECT status FROM questionnaire_response WHERE id = $ARID")" inskickad
eq "... with no participation" "$(q "SELECT IFNULL(participation_id, 'NULL') FROM questionnaire_response WHERE id = $ARID")" NULL
eq "... no code pointing at it" "$(q "SELECT COUNT(*) FROM questionnaire_code WHERE response_id = $ARID")" 0
eq "... the background answer (man) copied for the reports" "$(q "SELECT CONCAT(gender, ' ', insats_id, ' ', language) FROM questionnaire_response WHERE id = $ARID")" "man 1 so"
eq "... and only the date of sending" "$(q "SELECT TIME(submitted_at) FROM questionnaire_response WHERE id = $ARID")" "00:00:00"
eq "... the three answers moved onto it" "$(q "SELECT COUNT(*) FROM questionnaire_answer WHERE response_id = $ARID")" 3
eq "... the draft gone with the code" "$(q "SELECT COUNT(*) FROM questionnaire_draft_answer WHERE code_id = $CID3")-$(q "SELECT COUNT(*) FROM questionnaire_code WHERE id = $CID3")" 0-0

# --- Anonymity: two codes made A then B, typed A then B, sent B then A.
# Nothing stored may tell which response came from which code.
FV=$(new_jar)
eq "personal.fv logs in again" "$(login "$FV" personal.fv)" 303
CA=$(new_code "$FV" "$AQ")
CB=$(new_code "$FV" "$AQ")
anon_before=$(q "SELECT COUNT(*) FROM questionnaire_response WHERE participation_id IS NULL")
TA=$(new_jar); TB=$(new_jar); TC=$(new_jar)
# start JAR CODE LANG: type the code on a fresh tablet, choose the language.
start() {
	tablet "$1"
	fetch -c "$1" -b "$1" --data-urlencode "csrf=$KC" -d "kod=$2" "$BASE/surfplatta" > /dev/null
	fetch -c "$1" -b "$1" --data-urlencode "csrf=$KC" -d "sprak=$3" "$BASE/enkat/sprak" > /dev/null
}
start "$TA" "$CA" sv
KA=$KC
fetch -c "$TA" -b "$TA" --data-urlencode "csrf=$KA" --data-urlencode "svar=hemligt A $$" -d ga=nasta "$BASE/enkat/fraga/5" > /dev/null
start "$TB" "$CB" en
KB=$KC
fetch -c "$TB" -b "$TB" --data-urlencode "csrf=$KB" --data-urlencode "svar=svar B $$" -d ga=nasta "$BASE/enkat/fraga/5" > /dev/null
eq "two anonymous questionnaires being answered made no response rows" "$(q "SELECT COUNT(*) FROM questionnaire_response WHERE participation_id IS NULL")" "$anon_before"
eq "... and their codes point at no response" "$(q "SELECT COUNT(*) FROM questionnaire_code WHERE questionnaire_id = $AQ AND response_id IS NOT NULL")" 0

# B2: the code is idle on tablet A; whoever types it now resumes after the
# answers given, but is not shown them.
q "UPDATE questionnaire_code SET device_seen_at = device_seen_at - INTERVAL 10 MINUTE WHERE questionnaire_id = $AQ AND language = 'sv' AND device_hash IS NOT NULL"
tablet "$TC"
expect_status "an idle anonymous code is resumed on another tablet" 303 -c "$TC" -b "$TC" --data-urlencode "csrf=$KC" -d "kod=$CA" "$BASE/surfplatta"
eq "... at the first unanswered question" "$(location)" "/enkat/fraga/1"
expect_status "... the answered question" 200 -c "$TC" -b "$TC" "$BASE/enkat/fraga/5"
check "... does not show the earlier answer" body_lacks "hemligt A $$"
expect_status "... the send page" 200 -c "$TC" -b "$TC" "$BASE/enkat/skicka"
expect_body "... counts it" "Du har svarat på 1 av $n frågor."
expect_status "... its empty screen sent on (Nästa)" 303 -c "$TC" -b "$TC" --data-urlencode "csrf=$KC" -d visad=1 -d svar= -d ga=nasta "$BASE/enkat/fraga/5"
eq "... does not clear the answer it did not show" "$(q "SELECT COUNT(*) FROM questionnaire_draft_answer WHERE value_text = 'hemligt A $$'")" 1
fetch -c "$TC" -b "$TC" --data-urlencode "csrf=$KC" -d svar=3 -d ga=nasta "$BASE/enkat/fraga/1" > /dev/null
expect_status "... an answer given now" 200 -c "$TC" -b "$TC" "$BASE/enkat/fraga/1"
expect_body "... is shown again in the same sitting" 'value="3" checked'

# Sent B first, then A (from tablet C).
fetch -c "$TB" -b "$TB" --data-urlencode "csrf=$KB" "$BASE/enkat/skicka" > /dev/null
fetch -c "$TC" -b "$TC" --data-urlencode "csrf=$KC" "$BASE/enkat/skicka" > /dev/null
RA=$(q "SELECT response_id FROM questionnaire_answer WHERE value_text = 'hemligt A $$'")
RB=$(q "SELECT response_id FROM questionnaire_answer WHERE value_text = 'svar B $$'")
check "both are sent ($RA, $RB)" test -n "$RA" -a -n "$RB"
eq "... with the earlier answer kept" "$(q "SELECT COUNT(*) FROM questionnaire_answer WHERE response_id = $RA")" 2
eq "response ids are not a counter" "$(q "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN ('questionnaire_response', 'questionnaire_answer', 'questionnaire_draft_answer') AND EXTRA LIKE '%auto_increment%'")" 0
eq "... answers have no id of their own" "$(q "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'questionnaire_answer' AND COLUMN_NAME = 'id'")" 0
# A random id below 10^18 is below 10^9 once in 10^9: a counter always is.
check "... both ids are random, not small ($RA, $RB)" test "${#RA}" -ge 10 -a "${#RB}" -ge 10
eq "... sent the same day, the same stamp" "$(q "SELECT COUNT(DISTINCT submitted_at) FROM questionnaire_response WHERE id IN ($RA, $RB)")" 1
eq "only questionnaire_answer and questionnaire_code refer to responses" "$(q "SELECT GROUP_CONCAT(DISTINCT TABLE_NAME ORDER BY TABLE_NAME) FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME = 'questionnaire_response'")" "questionnaire_answer,questionnaire_code"
eq "... and no code refers to an anonymous response" "$(q "SELECT COUNT(*) FROM questionnaire_code c JOIN questionnaire_response r ON r.id = c.response_id WHERE r.participation_id IS NULL")" 0
eq "no log line names either response" "$(q "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%$RA%' OR detail LIKE '%$RB%'")" 0
check "... nor the app's log" bash -c "! grep -qE '$RA|$RB' '$VAR'/log/*.log"

# B6: two tablets typing the same code at once: one wins, the other is told
# it is in use; one response at most.
bad=0
for i in 1 2 3 4; do
	C=$(new_code "$FV" "$AQ")
	J1=$(new_jar); J2=$(new_jar)
	tablet "$J1"; K1=$KC
	tablet "$J2"; K2=$KC
	curl -sS -o /dev/null -w '%{http_code}\n' -c "$J1" -b "$J1" --data-urlencode "csrf=$K1" -d "kod=$C" "$BASE/surfplatta" > "$TMP/r1" &
	curl -sS -o /dev/null -w '%{http_code}\n' -c "$J2" -b "$J2" --data-urlencode "csrf=$K2" -d "kod=$C" "$BASE/surfplatta" > "$TMP/r2" &
	wait
	got=$(cat "$TMP/r1" "$TMP/r2" | sort | tr '\n' ' ')
	[ "$got" = "303 409 " ] || { bad=$((bad + 1)); echo "# round $i: $got"; }
done
eq "the same code typed on two tablets at once: one 303, one 409, every time" "$bad" 0
PID2=$(q "SELECT p.id FROM participation p WHERE p.insats_id = $(insats_id_of "Friska Vindar 2.0") AND p.status = 'inskriven'
	AND NOT EXISTS (SELECT 1 FROM questionnaire_response r WHERE r.participation_id = p.id) ORDER BY p.id LIMIT 1")
PID_SAVE=$PID; PID=$PID2
C=$(new_code "$FV" "$LQ" start)
PID=$PID_SAVE
J1=$(new_jar); J2=$(new_jar)
tablet "$J1"; K1=$KC
tablet "$J2"; K2=$KC
curl -sS -o /dev/null -w '%{http_code}\n' -c "$J1" -b "$J1" --data-urlencode "csrf=$K1" -d "kod=$C" "$BASE/surfplatta" > "$TMP/r1" &
curl -sS -o /dev/null -w '%{http_code}\n' -c "$J2" -b "$J2" --data-urlencode "csrf=$K2" -d "kod=$C" "$BASE/surfplatta" > "$TMP/r2" &
wait
eq "... a linked code too (no 400)" "$(cat "$TMP/r1" "$TMP/r2" | sort | tr '\n' ' ')" "303 409 "
eq "... with one response" "$(q "SELECT COUNT(*) FROM questionnaire_response WHERE participation_id = $PID2")" 1

# S5: saving and sending at once: no error, and nothing saved after sending.
MAXC=$(q "SELECT MAX(id) FROM questionnaire_code")
bad=0
for i in 1 2 3; do
	C=$(new_code "$FV" "$AQ")
	J=$(new_jar)
	start "$J" "$C" sv
	fetch -c "$J" -b "$J" --data-urlencode "csrf=$KC" -d svar=2 -d ga=nasta "$BASE/enkat/fraga/1" > /dev/null
	curl -sS -o /dev/null -w '%{http_code}\n' -b "$J" --data-urlencode "csrf=$KC" --data-urlencode "svar=sent$i" -d ga=nasta "$BASE/enkat/fraga/5" > "$TMP/r1" &
	curl -sS -o /dev/null -w '%{http_code}\n' -b "$J" --data-urlencode "csrf=$KC" "$BASE/enkat/skicka" > "$TMP/r2" &
	wait
	got=$(cat "$TMP/r1" "$TMP/r2" | tr '\n' ' ')
	[ "$got" = "303 303 " ] || { bad=$((bad + 1)); echo "# round $i: $got"; }
done
eq "an answer saved while the questionnaire is sent: no error" "$bad" 0
eq "... and no draft left behind" "$(q "SELECT COUNT(*) FROM questionnaire_draft_answer WHERE code_id > $MAXC")" 0

# B4: wrong codes are counted before the code is looked at, per address
# (IPv6 per /64, see test_quest_xml), and over all addresses per minute.
q "DELETE FROM questionnaire_code_failure"
GOOD=$(new_code "$FV" "$AQ")
TL=$(new_jar)
tablet "$TL"
bad=0
for i in $(seq 1 30); do
	code=$(fetch -c "$TL" -b "$TL" --data-urlencode "csrf=$KC" -d "kod=0000$(printf %04d "$i")" "$BASE/surfplatta")
	[ "$code" = 400 ] || bad=$((bad + 1))
done
eq "30 wrong codes are each refused as wrong" "$bad" 0
expect_status "the 31st is refused as too many" 429 -c "$TL" -b "$TL" --data-urlencode "csrf=$KC" -d kod=00009999 "$BASE/surfplatta"
expect_body "... in Swedish" "För många felaktiga koder. Vänta en stund och försök igen."
expect_status "... a right code too, while it lasts" 429 -c "$TL" -b "$TL" --data-urlencode "csrf=$KC" -d "kod=$GOOD" "$BASE/surfplatta"
q "DELETE FROM questionnaire_code_failure"
# Many at once: each attempt is written before it is counted, so no more
# than 30 are looked at.
for i in $(seq 1 40); do
	curl -sS -o /dev/null -w '%{http_code}\n' -b "$TL" --data-urlencode "csrf=$KC" -d "kod=0001$(printf %04d "$i")" "$BASE/surfplatta" > "$TMP/p$i" &
done
wait
eq "40 wrong codes at once: at most 30 looked at, the rest refused" "$(cat "$TMP"/p* | sort | uniq -c | awk '{printf "%s:%s ", $2, ($2 == 400 && $1 <= 30) || $2 == 429 ? "ok" : $1}')" "400:ok 429:ok "
q "DELETE FROM questionnaire_code_failure"
q "INSERT INTO questionnaire_code_failure (remote_addr, at) SELECT CONCAT('10.9.', seq DIV 256, '.', seq MOD 256), UTC_TIMESTAMP() FROM seq_1_to_301"
expect_status "over 300 wrong codes in a minute from anywhere: every code refused" 429 -c "$TL" -b "$TL" --data-urlencode "csrf=$KC" -d "kod=$GOOD" "$BASE/surfplatta"
check "... with a warning in the log" grep -q "wrong codes in the last minute" "$VAR/log/stegvis.log"
q "DELETE FROM questionnaire_code_failure"
expect_status "afterwards the right code opens" 303 -c "$TL" -b "$TL" --data-urlencode "csrf=$KC" -d "kod=$GOOD" "$BASE/surfplatta"
eq "... and was not counted as wrong" "$(q "SELECT COUNT(*) FROM questionnaire_code_failure")" 0

# S6: free text is limited in characters, as the textarea counts them.
C=$(new_code "$FV" "$AQ")
J=$(new_jar)
start "$J" "$C" ar
FPOS=$(q "SELECT position FROM questionnaire_item WHERE questionnaire_id = $AQ AND kind = 'fritext' ORDER BY position LIMIT 1")
ML=$(q "SELECT max_length FROM questionnaire_item WHERE questionnaire_id = $AQ AND kind = 'fritext' ORDER BY position LIMIT 1")
ar_ok=$(printf 'ش%.0s' $(seq 1 "$ML"))
expect_status "$ML Arabic letters (twice as many bytes) fit a $ML-character field" 303 -c "$J" -b "$J" --data-urlencode "csrf=$KC" --data-urlencode "svar=$ar_ok" -d ga=nasta "$BASE/enkat/fraga/$FPOS"
expect_status "... one more does not" 400 -c "$J" -b "$J" --data-urlencode "csrf=$KC" --data-urlencode "svar=${ar_ok}ش" -d ga=nasta "$BASE/enkat/fraga/$FPOS"
done_testing
