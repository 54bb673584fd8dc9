# The SUS registration data on the participation page ("SUS-uppgifter"):
# a participation missing education, income before, occupation before,
# time in public support and folkbokföringskommun is listed on
# /sus/kvalitet with a link to the section; the insats staff fix it there
# (referral, referral_income, person and participation rows, a history row
# per field, one audit row); bad input, a stale form, another insats's
# staff and a remittent are refused with nothing written; the remittent
# sees the new values and who changed them. The kommun is picked from the
# list of Sweden's 290 kommuner (sql/0036); a stored text that names none
# is missing on the page and on /sus/kvalitet in the same words (one rule,
# sus_complete.h). The extents (omfattning) of the occupation and of each
# income, before and after, are entered here too, checked (0..100) with
# the input kept, kept in the history, and sent in a version 2 document
# that validates.
. "$(dirname "$0")/lib.sh"

FVI=$(insats_id_of "Friska Vindar 2.0")
FV_ID=$(staff_id_of personal.fv)

# new_participation STATUS: a person without folkbokföringskommun, an
# admitted referral from remittent.fk to Friska Vindar 2.0 without
# education, support time or income, with a secrecy waiver covering FK,
# and its participation without occupation before. Prints "referral
# participation".
new_participation() {
	local pnr12 r p end=NULL
	pnr12=$(new_pnr)
	[ "$1" = inskriven ] || end="'$(day -5)'"
	r=$(q "INSERT INTO person (personnummer, id_kind, birth_year)
	     VALUES ('$pnr12', 'personnummer', ${pnr12:0:4});
	   INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status, submitted_at,
	     decided_at, decided_by, background, needs, own_goals)
	     VALUES (LAST_INSERT_ID(), $FVI, $SQL_FK_STAFF, $SQL_FK_ORG, 'antagen', UTC_TIMESTAMP() - INTERVAL 40 DAY,
	     UTC_TIMESTAMP() - INTERVAL 35 DAY, $FV_ID, 'Bakgrund SUS', 'Behov SUS', 'Mål SUS');
	   SET @ref = LAST_INSERT_ID();
	   INSERT INTO referral_person (referral_id, first_name, last_name, gender) VALUES (@ref, 'Susan', 'Fältsson', 'kvinna');
	   SELECT @ref;")
	give_waiver "$r" > /dev/null
	p=$(q "INSERT INTO participation (referral_id, person_id, insats_id, status, start_date, end_date, contact_id, hours_per_week)
	     SELECT id, person_id, insats_id, '$1', '$(day -30)', $end, $FV_ID, 8 FROM referral WHERE id = $r;
	   SET @p = LAST_INSERT_ID(); $PART_PERSON_SQL
	   SELECT @p;")
	echo "$r $p"
}

# What the form may change, and what it may not, as one line.
stored() {
	q "SELECT CONCAT_WS('|', IFNULL(r.education_code, '-'), IFNULL(r.support_time_code, '-'),
	     IFNULL((SELECT GROUP_CONCAT(income_code ORDER BY income_code) FROM referral_income WHERE referral_id = r.id), '-'),
	     IFNULL(p.occupation_before_code, '-'), pe.home_municipality,
	     r.version, pe.version, p.version)
	   FROM participation p JOIN referral r ON r.id = p.referral_id JOIN participation_person pe ON pe.participation_id = p.id
	   WHERE p.id = $1"
}
untouched() {
	q "SELECT CONCAT_WS('|', r.status, r.background, r.needs, pe.first_name, pe.last_name, pe.address,
	     p.status, p.start_date, p.hours_per_week, p.contact_id, IFNULL(p.end_date, '-'))
	   FROM participation p JOIN referral r ON r.id = p.referral_id JOIN participation_person pe ON pe.participation_id = p.id
	   WHERE p.id = $1"
}
history_rows() {
	q "SELECT COUNT(*) FROM change_history WHERE (record_type = 'referral' AND record_id = $R)
	     OR (record_type = 'person' AND record_id = $PERSON) OR (record_type = 'participation' AND record_id = $P)"
}
audit_updates() {
	q "SELECT COUNT(*) FROM audit_log WHERE action = 'update' AND object_type = 'participation' AND object_id = $P"
}
read_versions() {
	fetch -b "$FV" "$BASE/deltagande/$P?form=sus" > /dev/null
	V=$(page_version version)
	VR=$(page_version version_ansokan)
	VP=$(page_version version_person)
}

log_in FV personal.fv
log_in TR personal.tramp
log_in RJ remittent.fk
restore() { q "UPDATE code_education SET active = 1 WHERE code = 'okand'" > /dev/null 2>&1; }
at_exit restore

read -r R P <<< "$(new_participation inskriven)"
PERSON=$(q "SELECT person_id FROM participation WHERE id = $P")
check "fixture participation created" test -n "$P"
BEFORE_UNTOUCHED=$(untouched "$P")

# --- The register quality page lists it, linking to the section.
expect_status "the register quality page" 200 -b "$FV" "$BASE/sus/kvalitet"
expect_body "lists the participation with a link to its SUS section" "href=\"/deltagande/$P#sus-uppgifter\""
check "and says what is missing" grep -qF "<td data-label=\"Saknas\">utbildning, försörjning före, sysselsättning före, tid i offentlig försörjning, folkbokföringskommun</td>" "$BODY"
expect_body "and where to fix it" "anger du under SUS-uppgifter på deltagandets sida"

# --- The section on the participation page.
expect_status "the participation page" 200 -b "$FV" "$BASE/deltagande/$P"
expect_body "has the section" '<h2 id="sus-uppgifter">SUS-uppgifter</h2>'
expect_body "says what is missing" "<strong>Saknas för SUS:</strong> utbildning, försörjning före, sysselsättning före, tid i offentlig försörjning, folkbokföringskommun."
eq "marks each missing value" "$(grep -c '<strong class="late">Saknas</strong>' "$BODY")" 5
expect_body "links to the form" "href=\"/deltagande/$P?form=sus\""
expect_status "the form on its own" 200 -b "$FV" "$BASE/deltagande/$P?form=sus"
expect_body "has the form" "action=\"/deltagande/$P/sus-uppgifter\""
expect_body "offers the education codes" '<option value="gymnasium">Gymnasium</option>'
expect_body "offers the income codes as checkboxes" 'name="forsorjning_fore" value="a_kassa">'
read_versions
check "the form carries the three versions" test -n "$V" -a -n "$VR" -a -n "$VP"
S0=$(stored "$P")
H0=$(history_rows)
A0=$(audit_updates)

GOOD=(utbildning=gymnasium tid_forsorjning=1_4 forsorjning_fore=a_kassa sysselsattning_fore=arbetssokande
	folkbokforingskommun=1487)
# form [key=value|+key=value|key=]...: GOOD with the page's versions.
form() {
	local -a with_versions=("${GOOD[@]}" "version=$V" "version_ansokan=$VR" "version_person=$VP")
	build with_versions "$@"
}

# --- Bad input: every error at once, everything typed kept, nothing written.
form utbildning=hittepa +forsorjning_fore=bogus tid_forsorjning= sysselsattning_fore=arbete
got=$(post "$FV" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "an unknown code is 400" "$got" 400
expect_body "the education error" '<p class="error" id="sus-utbildning-fel">Välj ett av alternativen i listan.</p>'
expect_body "the income error" '<p class="error" id="sus-forsorjning-fel">Välj ett av alternativen i listan.</p>'
expect_body "the summary" "Uppgifterna sparades inte. Rätta felen nedan."
expect_body "the picked kommun is kept" '<option value="1487" selected>Vänersborg</option>'
expect_body "the ticked income is kept" 'value="a_kassa" checked>'
expect_body "the chosen occupation is kept" '<option value="arbete" selected>Arbete</option>'
eq "the education select is marked aria-invalid" "$(grep -c 'aria-invalid="true"' "$BODY")" 1
eq "nothing was written" "$(stored "$P")" "$S0"
eq "no history row" "$(history_rows)" "$H0"
eq "no audit row of a change" "$(audit_updates)" "$A0"

q "UPDATE code_education SET active = 0 WHERE code = 'okand'"
form utbildning=okand
got=$(post "$FV" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "a deactivated code is 400" "$got" 400
expect_body "with its message" '<p class="error" id="sus-utbildning-fel">Välj ett av alternativen i listan.</p>'
check "and is not offered" body_lacks '<option value="okand"'
q "UPDATE code_education SET active = 1 WHERE code = 'okand'"
form folkbokforingskommun=9999
got=$(post "$FV" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "a kommun not in the list is 400" "$got" 400
expect_body "with a message next to it" '<p class="error" id="sus-kommun-fel">Välj en kommun i listan.</p>'
form version_ansokan=abc
got=$(post "$FV" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "a tampered version is 400" "$got" 400
expect_body "with a message" "Formuläret är ofullständigt eller ändrat."
eq "still nothing written" "$(stored "$P")|$(history_rows)|$(audit_updates)" "$S0|$H0|$A0"

# --- Access: another insats's staff 404, a remittent 403 (route role).
form
got=$(post "$TR" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "another insats's staff get 404" "$got" 404
got=$(post "$RJ" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "a remittent gets 403" "$got" 403
eq "neither wrote anything" "$(stored "$P")|$(history_rows)" "$S0|$H0"

# --- Stale forms: 409 with the typed values kept, nothing written.
q "UPDATE participation SET version = version + 1 WHERE id = $P"
got=$(post "$FV" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "a stale participation version is 409" "$got" 409
expect_body "with the conflict message" "Någon annan har ändrat uppgifterna medan du arbetade."
expect_body "the picked kommun kept" '<option value="1487" selected>Vänersborg</option>'
expect_body "the typed education kept" '<option value="gymnasium" selected>Gymnasium</option>'
S1=$(stored "$P")
read_versions
form
q "UPDATE participation_person SET version = version + 1 WHERE participation_id = $P"
got=$(post "$FV" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "a stale person version is 409" "$got" 409
q "UPDATE referral SET version = version + 1 WHERE id = $R"
read_versions
form version_ansokan=$((VR - 1))
got=$(post "$FV" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "a stale referral version is 409" "$got" 409
expect_body "the ticked income kept" 'value="a_kassa" checked>'
eq "no history row after the conflicts" "$(history_rows)" "$H0"
eq "no audit row of a change" "$(audit_updates)" "$A0"

# --- The fix.
read_versions
S1=$(stored "$P")
build GOOD "version=$V" "version_ansokan=$VR" "version_person=$VP" +forsorjning_fore=forsorjningsstod \
	+status=avslutad +background=Hackat +first_name=Hackat +education_code=okand
got=$(post "$FV" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "a valid save answers 303" "$got" 303
expect_header "back to the section" "Location: /deltagande/$P?sparat=1#sus-uppgifter"
eq "the values are stored on referral, income, participation and the insats's record of the person" "$(stored "$P")" \
	"gymnasium|1_4|a_kassa,forsorjningsstod|arbetssokande|Vänersborg|$((VR + 1))|$((VP + 1))|$((V + 1))"
eq "nothing else changed" "$(untouched "$P")" "$BEFORE_UNTOUCHED"
eq "history: education on the referral, by personal.fv" "$(hist referral "$R" education_code)" "|gymnasium|$FV_ID"
eq "history: support time on the referral" "$(hist referral "$R" support_time_code)" "|1_4|$FV_ID"
eq "history: income before on the referral" "$(hist referral "$R" income)" "|a_kassa,forsorjningsstod|$FV_ID"
eq "history: kommun on the insats's record of the person (the participation)" "$(hist participation "$P" home_municipality)" "|Vänersborg|$FV_ID"
eq "history: occupation before on the participation" "$(hist participation "$P" occupation_before_code)" "|arbetssokande|$FV_ID"
eq "five history rows in all" "$(history_rows)" $((H0 + 5))
eq "one audit row of the change" "$(audit_updates)" $((A0 + 1))
eq "the audit row names the person and what" \
	"$(q "SELECT CONCAT_WS('|', a.personnummer = pe.personnummer, a.detail, a.username) FROM audit_log a JOIN person pe ON pe.id = $PERSON WHERE a.action = 'update' AND a.object_type = 'participation' AND a.object_id = $P")" \
	"1|SUS data|personal.fv"

expect_status "the page after saving" 200 -b "$FV" "$BASE/deltagande/$P?sparat=1"
expect_body "says it is complete" "Alla uppgifter som SUS-registreringen behöver finns."
check "marks nothing missing" body_lacks '<strong class="late">Saknas'
expect_body "shows who changed the referral's data" "<td data-label=\"Vem\">Demo Personal Friska Vindar 2.0</td><td data-label=\"Uppgift\">Folkbokföringskommun</td><td data-label=\"Från\"></td><td data-label=\"Till\">Vänersborg</td>"
expect_status "the register quality page" 200 -b "$FV" "$BASE/sus/kvalitet"
check "no longer lists the participation" body_lacks "href=\"/deltagande/$P#sus-uppgifter\""

# --- The remittent sees the corrected values and who changed them.
expect_status "the remittent's view of the referral" 200 -b "$RJ" "$BASE/ansokningar/$R"
expect_body "shows the education" "<dt>Högsta utbildning</dt><dd>Gymnasium</dd>"
expect_body "shows the support time" "<dt>Tid i offentlig försörjning</dt><dd>1–4 år</dd>"
# The kommun is the insats's own record of the person (sql/0022): the
# remittent's referral keeps what the remittent recorded.
check "not the insats's kommun: their referral keeps its own record" body_lacks "<dd>Vänersborg</dd>"
expect_body "shows the income" "Arbetslöshetsersättning (a-kassa)"
expect_body "the history names the staff member" "Demo Personal Friska Vindar 2.0"

# --- A stored value cannot be emptied; the same values again write nothing.
read_versions
S2=$(stored "$P")
build GOOD "version=$V" "version_ansokan=$VR" "version_person=$VP" utbildning= folkbokforingskommun= forsorjning_fore=
got=$(post "$FV" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "emptying stored values is 400" "$got" 400
expect_body "education" '<p class="error" id="sus-utbildning-fel">Uppgiften är sparad och kan inte tömmas här.'
expect_body "income" '<p class="error" id="sus-forsorjning-fel">Försörjningen före är sparad och kan inte tömmas här.'
eq "nothing written" "$(stored "$P")" "$S2"
build GOOD "version=$V" "version_ansokan=$VR" "version_person=$VP" +forsorjning_fore=forsorjningsstod
got=$(post "$FV" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "saving the same values answers 303" "$got" 303
expect_header "saying nothing changed" "Location: /deltagande/$P?oforandrat=1#sus-uppgifter"
eq "and writes nothing" "$(stored "$P")|$(history_rows)|$(audit_updates)" "$S2|$((H0 + 5))|$((A0 + 1))"

# --- A retry of a successful save (double click, resend): the versions
# are stale now, but what is stored is what was posted, so it answers as
# the first did, writing nothing; a stale form that differs is still 409.
read_versions
S4=$(stored "$P")
build GOOD "version=$V" "version_ansokan=$VR" "version_person=$VP" +forsorjning_fore=forsorjningsstod tid_forsorjning=5_9
got=$(post "$FV" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "a change is saved (303)" "$got" 303
S5=$(stored "$P")
H5=$(history_rows)
A5=$(audit_updates)
check "and moved the versions on" test "$S5" != "$S4"
got=$(post "$FV" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "the same form again answers 303, not 409" "$got" 303
expect_header "back to the section" "Location: /deltagande/$P?sparat=1#sus-uppgifter"
eq "and writes nothing" "$(stored "$P")|$(history_rows)|$(audit_updates)" "$S5|$H5|$A5"
build GOOD "version=$V" "version_ansokan=$VR" "version_person=$VP" +forsorjning_fore=forsorjningsstod tid_forsorjning=1_4
got=$(post "$FV" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "the old versions with other values are still 409" "$got" 409
eq "with nothing written" "$(stored "$P")|$(history_rows)" "$S5|$H5"
read_versions
build GOOD "version=$V" "version_ansokan=$VR" "version_person=$VP" +forsorjning_fore=forsorjningsstod
got=$(post "$FV" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "set back (303)" "$got" 303

# --- Every kommun in Sweden (sql/0036): 290, with their SCB codes.
eq "code_municipality holds Sweden's 290 kommuner" "$(q "SELECT COUNT(*) FROM code_municipality")" 290
eq "a few codes and names" "$(q "SELECT GROUP_CONCAT(CONCAT(code, ' ', name) ORDER BY code SEPARATOR '|')
	FROM code_municipality WHERE code IN ('0114', '0180', '0331', '0980', '1280', '1488', '2023', '2584')")" \
	"0114 Upplands Väsby|0180 Stockholm|0331 Heby|0980 Gotland|1280 Malmö|1488 Trollhättan|2023 Malung-Sälen|2584 Kiruna"
eq "per län: Stockholm 26, Skåne 33, Västra Götaland 49, Norrbotten 14" \
	"$(q "SELECT GROUP_CONCAT(n ORDER BY l SEPARATOR ' ') FROM (SELECT LEFT(code, 2) AS l, COUNT(*) AS n
	  FROM code_municipality WHERE LEFT(code, 2) IN ('01', '12', '14', '25') GROUP BY l) x")" "26 33 49 14"
expect_status "the form offers them all" 200 -b "$FV" "$BASE/deltagande/$P?form=sus"
eq "290 kommuner to pick from" "$(grep -c '^<option value="[0-9]\{4\}"' "$BODY")" 290
expect_body "the stored one picked" '<option value="1487" selected>Vänersborg</option>'

# --- A kommun that names no SCB code: the page and /sus/kvalitet name
# the same missing field, in the same words; picking it from the list
# fixes it. An old text that does name one ("trollhättan kommun") counts.
KMISS="folkbokföringskommun (finns inte i kommunlistan)"
q "UPDATE participation_person SET home_municipality = 'Trollhätan' WHERE participation_id = $P"
expect_status "the form with the misspelt kommun" 200 -b "$FV" "$BASE/deltagande/$P?form=sus"
expect_body "names it missing, and why" "<strong>Saknas för SUS:</strong> $KMISS."
expect_body "shows the stored text" "<dt>Folkbokföringskommun</dt><dd>Trollhätan <strong class=\"late\">Saknas: finns inte i kommunlistan</strong></dd>"
expect_body "offers to keep it, readable" '<option value="">Behåll ”Trollhätan”</option>'
expect_status "the register quality page" 200 -b "$FV" "$BASE/sus/kvalitet"
expect_body "lists it with the same words" "href=\"/deltagande/$P#sus-uppgifter\""
check "the same missing field, in the same words" grep -qF "<td data-label=\"Saknas\">$KMISS</td>" "$BODY"
read_versions
build GOOD "version=$V" "version_ansokan=$VR" "version_person=$VP" folkbokforingskommun= +forsorjning_fore=forsorjningsstod
got=$(post "$FV" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "keeping it (the empty choice) writes nothing" "$got|$(q "SELECT home_municipality FROM participation_person WHERE participation_id = $P")" "303|Trollhätan"
read_versions
build GOOD "version=$V" "version_ansokan=$VR" "version_person=$VP" folkbokforingskommun=1488 +forsorjning_fore=forsorjningsstod
got=$(post "$FV" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "picking Trollhättan from the list saves" "$got" 303
eq "the kommun's name is stored" "$(q "SELECT home_municipality FROM participation_person WHERE participation_id = $P")" "Trollhättan"
eq "history: from the text to the kommun" "$(q "SELECT CONCAT(old_value, '>', new_value) FROM change_history WHERE record_type = 'participation' AND record_id = $P AND field = 'home_municipality' ORDER BY id DESC LIMIT 1")" "Trollhätan>Trollhättan"
expect_status "the page" 200 -b "$FV" "$BASE/deltagande/$P"
expect_body "is complete again" "Alla uppgifter som SUS-registreringen behöver finns."
q "UPDATE participation_person SET home_municipality = 'trollhättan kommun' WHERE participation_id = $P"
expect_status "an old free text that names a kommun" 200 -b "$FV" "$BASE/deltagande/$P?form=sus"
expect_body "counts as that kommun" "Alla uppgifter som SUS-registreringen behöver finns."
expect_body "and is picked in the list" '<option value="1488" selected>Trollhättan</option>'
expect_status "the register quality page" 200 -b "$FV" "$BASE/sus/kvalitet"
check "does not list it either" body_lacks "href=\"/deltagande/$P#sus-uppgifter\""

# --- Extents (omfattning): 0..100 whole percent, the input kept.
extents() {
	q "SELECT CONCAT_WS('|', IFNULL(p.occupation_before_percent, '-'), IFNULL(p.occupation_after_percent, '-'),
	     (SELECT GROUP_CONCAT(CONCAT(income_code, ':', IFNULL(extent_percent, '-')) ORDER BY income_code)
	      FROM referral_income WHERE referral_id = p.referral_id),
	     IFNULL((SELECT GROUP_CONCAT(CONCAT(income_code, ':', IFNULL(extent_percent, '-')) ORDER BY income_code)
	      FROM participation_income_after WHERE participation_id = p.id), '-'))
	   FROM participation p WHERE p.id = $1"
}
read_versions
expect_body "a number for each stored income before" 'name="forsorjning_fore_omfattning_kod" value="a_kassa"'
E0=$(extents "$P")
H1=$(history_rows)
build GOOD "version=$V" "version_ansokan=$VR" "version_person=$VP" +forsorjning_fore=forsorjningsstod \
	sysselsattning_fore_omfattning=150 forsorjning_fore_omfattning_kod=a_kassa forsorjning_fore_omfattning=abc \
	+forsorjning_fore_omfattning_kod=forsorjningsstod +forsorjning_fore_omfattning=40
got=$(post "$FV" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "an extent over 100 or not a number is 400" "$got" 400
expect_body "the occupation's error" '<p class="error" id="sus-syss-omf-fel">Ange ett heltal mellan 0 och 100: omfattningen i procent av heltid (100 = 40 timmar i veckan).</p>'
expect_body "the income's error, next to it" '<p class="error" id="sus-omf-fore-a_kassa-fel">Ange ett heltal mellan 0 och 100'
expect_body "the typed 150 kept" 'name="sysselsattning_fore_omfattning" type="text" inputmode="numeric" size="4" value="150"'
expect_body "the typed abc kept" 'name="forsorjning_fore_omfattning" type="text" inputmode="numeric" size="4" value="abc"'
expect_body "the valid 40 kept" 'name="forsorjning_fore_omfattning" type="text" inputmode="numeric" size="4" value="40"'
eq "nothing written" "$(extents "$P")|$(history_rows)" "$E0|$H1"
# A malformed form: two numbers for one income. The page comes back with
# a message and everything typed kept, nothing written.
build GOOD "version=$V" "version_ansokan=$VR" "version_person=$VP" +forsorjning_fore=forsorjningsstod \
	sysselsattning_fore_omfattning=35 forsorjning_fore_omfattning_kod=a_kassa forsorjning_fore_omfattning=45 \
	+forsorjning_fore_omfattning=55 tid_forsorjning=5_9
got=$(post "$FV" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "two numbers for one income is 400" "$got" 400
expect_body "with the summary" "Uppgifterna sparades inte. Rätta felen nedan."
expect_body "and a message on the incomes' extents" '<p class="error" id="sus-omf-fore-fel">Omfattningen av försörjningen före kunde inte läsas'
expect_body "the typed occupation extent kept" 'name="sysselsattning_fore_omfattning" type="text" inputmode="numeric" size="4" value="35"'
expect_body "the first typed income extent kept" 'name="forsorjning_fore_omfattning" type="text" inputmode="numeric" size="4" value="45"'
expect_body "the chosen support time kept" '<option value="5_9" selected>'
eq "nothing written" "$(extents "$P")|$(history_rows)" "$E0|$H1"
build GOOD "version=$V" "version_ansokan=$VR" "version_person=$VP" +forsorjning_fore=forsorjningsstod \
	sysselsattning_fore_omfattning=50 forsorjning_fore_omfattning_kod=a_kassa forsorjning_fore_omfattning=40 \
	+forsorjning_fore_omfattning_kod=forsorjningsstod +forsorjning_fore_omfattning=
got=$(post "$FV" "/deltagande/$P/sus-uppgifter" "${ARGS[@]}")
eq "valid extents are saved (303)" "$got" 303
eq "stored: occupation 50 %, a-kassa 40 %, försörjningsstöd not recorded" "$(extents "$P")" "50|-|a_kassa:40,forsorjningsstod:-|-"
eq "history: the occupation's extent" "$(hist participation "$P" occupation_before_percent)" "|50|$FV_ID"
eq "history: the incomes' extents on the referral" "$(hist referral "$R" income_extent)" "|a_kassa:40|$FV_ID"
expect_status "the page" 200 -b "$FV" "$BASE/deltagande/$P"
expect_body "shows the occupation's extent" ", omfattning 50 %"
expect_body "and the income's" "Arbetslöshetsersättning (a-kassa) (40 %)"
expect_body "still complete: an extent is not required" "Alla uppgifter som SUS-registreringen behöver finns."
expect_body "the history names the extent in words" '<td data-label="Uppgift">Sysselsättning före, omfattning (%)</td><td data-label="Från"></td><td data-label="Till">50</td>'
expect_body "and the incomes' extents" '<td data-label="Uppgift">Försörjning före, omfattning (%)</td><td data-label="Från"></td><td data-label="Till">a_kassa:40</td>'

# --- An ended participation: the extents after too, and a version 2
# document that carries what was entered validates against the XSD.
read -r R3 P3 <<< "$(new_participation avslutad)"
q "UPDATE participation SET end_reason_code = 'arbete', occupation_after_code = 'arbete' WHERE id = $P3;
   INSERT INTO participation_income_after (participation_id, income_code) VALUES ($P3, 'lon')" > /dev/null
give_participation_sus_consent "$P3" ja > /dev/null
fetch -b "$FV" "$BASE/deltagande/$P3?form=sus" > /dev/null
expect_body "an ended participation offers the extents after" 'name="forsorjning_efter_omfattning_kod" value="lon"'
build GOOD "version=$(page_version version)" "version_ansokan=$(page_version version_ansokan)" "version_person=$(page_version version_person)" \
	sysselsattning_fore_omfattning=25 forsorjning_fore_omfattning_kod=a_kassa forsorjning_fore_omfattning=60 \
	sysselsattning_efter_omfattning=75 forsorjning_efter_omfattning_kod=lon forsorjning_efter_omfattning=101
got=$(post "$FV" "/deltagande/$P3/sus-uppgifter" "${ARGS[@]}")
eq "an extent after over 100 is 400" "$got" 400
expect_body "with its error" '<p class="error" id="sus-omf-efter-lon-fel">Ange ett heltal mellan 0 och 100'
eq "nothing written" "$(extents "$P3")" "-|-|lon:-"
build GOOD "version=$(page_version version)" "version_ansokan=$(page_version version_ansokan)" "version_person=$(page_version version_person)" \
	sysselsattning_fore_omfattning=25 sysselsattning_efter_omfattning=75 \
	forsorjning_efter_omfattning_kod=lon forsorjning_efter_omfattning=75
got=$(post "$FV" "/deltagande/$P3/sus-uppgifter" "${ARGS[@]}")
eq "the before data and the extents after are saved" "$got" 303
eq "stored" "$(extents "$P3")" "25|75|a_kassa:-|lon:75"
eq "history: the income after's extent" "$(hist participation "$P3" income_after_extent)" "|lon:75|$FV_ID"
fetch -b "$FV" "$BASE/deltagande/$P3?form=sus" > /dev/null
build GOOD "version=$(page_version version)" "version_ansokan=$(page_version version_ansokan)" "version_person=$(page_version version_person)" \
	sysselsattning_fore_omfattning=25 sysselsattning_efter_omfattning=75 \
	forsorjning_fore_omfattning_kod=a_kassa forsorjning_fore_omfattning=60 \
	forsorjning_efter_omfattning_kod=lon forsorjning_efter_omfattning=75
got=$(post "$FV" "/deltagande/$P3/sus-uppgifter" "${ARGS[@]}")
eq "an extent for an income before saved later" "$got|$(extents "$P3")" "303|25|75|a_kassa:60|lon:75"
token=$(new_api_token sus-job)
q "DELETE FROM sus_request" > /dev/null
DOC=$(mktemp)
at_exit "rm -f '$DOC'"
got=$(fetch -X POST -H "Authorization: Bearer $token" --data since=0 "$BASE/api/sus/batcher")
cp "$BODY" "$DOC"
eq "a full replacement (never acknowledged)" "$got" 201
check "follows sus-export-2.xsd" quiet xmllint --noout --schema "$ROOT/conf/sus-export-2.xsd" "$DOC"
REG="//*[local-name()='registrering'][@deltagande='$P3']"
xp() { xmllint --xpath "$1" "$DOC" 2>/dev/null; }
eq "it carries the entered extents: occupation before" "$(xp "string($REG//*[local-name()='sysselsattningFore']/@omfattning)")" 25
eq "income before" "$(xp "string($REG//*[local-name()='forsorjningFore']/*/@omfattning)")" 60
eq "occupation after" "$(xp "string($REG//*[local-name()='sysselsattningEfter']/@omfattning)")" 75
eq "income after" "$(xp "string($REG//*[local-name()='forsorjningEfter']/*/@omfattning)")" 75

# --- An ended participation can be fixed too; a mistaken one cannot.
read -r R2 P2 <<< "$(new_participation avslutad)"
fetch -b "$FV" "$BASE/deltagande/$P2?form=sus" > /dev/null
expect_body "an ended participation has the form" "action=\"/deltagande/$P2/sus-uppgifter\""
expect_body "and says the end data are missing too" "avslutsorsak, sysselsättning efter, försörjning efter"
build GOOD "version=$(page_version version)" "version_ansokan=$(page_version version_ansokan)" "version_person=$(page_version version_person)"
got=$(post "$FV" "/deltagande/$P2/sus-uppgifter" "${ARGS[@]}")
eq "and is saved (303)" "$got" 303
eq "with its values" "$(stored "$P2" | cut -d'|' -f1-5)" "gymnasium|1_4|a_kassa|arbetssokande|Vänersborg"
q "UPDATE participation SET status = 'felregistrerad', version = version + 1 WHERE id = $P2"
fetch -b "$FV" "$BASE/deltagande/$P2" > /dev/null
check "a felregistrerad participation has no form" body_lacks "action=\"/deltagande/$P2/sus-uppgifter\""
S3=$(stored "$P2")
build GOOD "version=$(page_version version)" "version_ansokan=1" "version_person=1" utbildning=grundskola
got=$(post "$FV" "/deltagande/$P2/sus-uppgifter" "${ARGS[@]}")
eq "and a save is refused (409)" "$got" 409
eq "with nothing written" "$(stored "$P2")" "$S3"
done_testing
