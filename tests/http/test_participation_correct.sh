# Corrections of a participation (issue 15 item 5), on /deltagande/:id/
# rattelse: the admission data (start date, contact person, hours a week),
# reopening one ended by mistake (with a reason), marking one felregistrerad
# (with a reason, on any day, also before a future start). Each is
# versioned, refused in Swedish with the input kept, in the change history
# and the access log; and each reaches SUS by the export's change
# detection: a corrected start and a reopening go as a rattelse (a
# reopened one without its utregistrering), a felregistrering withdraws
# what was sent. A corrected start may not pass what is recorded (the
# first follow-up, the first extension) nor move a started participant into
# the future; the hours follow a plan that has activities. Also: a plan of
# twelve activities, "Lägg till rad", the most activities (forty of one
# hour), a double click on "Spara planen".
. "$(dirname "$0")/lib.sh"
WORK=$(mktemp -d)
at_exit 'rm -rf "$WORK"'

FVI=$(insats_id_of "Friska Vindar 2.0")
FV_ID=$(staff_id_of personal.fv)
TRAMP_ID=$(staff_id_of personal.tramp)
log_in FV personal.fv
log_in TR personal.tramp

token=$(new_api_token sus-job)
q "DELETE FROM sus_request" > /dev/null
AUTH=(-H "Authorization: Bearer $token")
sus() { printf "*[local-name()='%s']" "$1"; }
DOC=
ST=
# batch: the next SUS batch into $DOC (status in ST), acknowledged.
batch() {
	q "DELETE FROM sus_request" > /dev/null
	ST=$(fetch -X POST "${AUTH[@]}" "$BASE/api/sus/batcher")
	DOC="$WORK/doc-$(ls "$WORK" | wc -l).xml"
	cp "$BODY" "$DOC"
	if [ "$ST" = 201 ]; then
		fetch -X POST "${AUTH[@]}" "$BASE/api/sus/batcher/$(xp "$DOC" "string(/*/@batch)")/kvittens" > /dev/null
	fi
}
reg() { xp "$DOC" "string(//$(sus registrering)[@deltagande='$1']/$2)"; }
for _ in 1 2 3; do batch; [ "$ST" = 201 ] || break; done
check "SUS: nothing pending at the start" test "$ST" = 204

# complete GENDER START: a participation in Friska Vindar 2.0, contact
# person personal.fv, with everything SUS needs and a SUS consent; prints
# its id.
complete() {
	local pnr12 r p
	pnr12=$(new_pnr)
	r=$(q "INSERT INTO person (personnummer, id_kind, birth_year)
	     VALUES ('$pnr12', 'personnummer', ${pnr12:0:4});
	   INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status, submitted_at,
	     decided_at, decided_by, education_code, support_time_code)
	     VALUES (LAST_INSERT_ID(), $FVI, $SQL_FK_STAFF, $SQL_FK_ORG, 'antagen', UTC_TIMESTAMP() - INTERVAL 40 DAY,
	     UTC_TIMESTAMP() - INTERVAL 35 DAY, $FV_ID, 'gymnasium', '1_4');
	   SET @ref = LAST_INSERT_ID();
	   INSERT INTO referral_income (referral_id, income_code, extent_percent) VALUES (@ref, 'sjukpenning', 50);
	   INSERT INTO referral_person (referral_id, first_name, last_name, gender, home_municipality)
	     VALUES (@ref, 'Rätta', 'Rättelsesson', '$1', 'Vänersborg');
	   SELECT @ref;")
	give_waiver "$r" > /dev/null
	p=$(q "INSERT INTO participation (referral_id, person_id, insats_id, status, start_date, planned_end_date,
	       contact_id, hours_per_week, occupation_before_code, occupation_before_percent)
	     SELECT id, person_id, insats_id, 'inskriven', '$2', '$(day 60)', $FV_ID, 8, 'annan', 25
	     FROM referral WHERE id = $r;
	   SET @p = LAST_INSERT_ID(); $PART_PERSON_SQL
	   SELECT @p;")
	give_participation_sus_consent "$p" ja > /dev/null
	echo "$p"
}
hist_of() { q "SELECT CONCAT_WS('>', IFNULL(old_value, ''), new_value) FROM change_history WHERE record_type = 'participation' AND record_id = $1 AND field = '$2' ORDER BY id DESC LIMIT 1"; }
updates() { audits "action = 'update' AND object_type = 'participation' AND object_id = $1 AND detail = '$2'"; }

P=$(complete kvinna "$(day -30)")
check "fixture: a participation started 30 days ago" test -n "$P"
batch
eq "SUS: it is registered (ny)" "$(reg "$P" @handelse)" ny
eq "SUS: with its start" "$(reg "$P" "$(sus inregistrering)/$(sus startdatum)")" "$(day -30)"

# --- The page
before=$(audits "action = 'read' AND object_type = 'participation' AND object_id = $P")
expect_status "the correction page" 200 -b "$FV" "$BASE/deltagande/$P/rattelse"
expect_body "offers the admission data" 'name="startdatum" type="text" inputmode="numeric" value="'"$(day -30)"'"'
expect_body "offers the insats's staff as contact person" "<option value=\"$FV_ID\" selected>Demo Personal Friska Vindar 2.0</option>"
check "and nobody else" body_lacks "value=\"$TRAMP_ID\""
expect_body "offers marking it felregistrerad" 'action="/deltagande/'"$P"'/felregistrera"'
check "not reopening (it is not ended)" body_lacks '/oppna-igen"'
eq "reading it is logged" "$(audits "action = 'read' AND object_type = 'participation' AND object_id = $P")" $((before + 1))
expect_status "staff of another insats: 404" 404 -b "$TR" "$BASE/deltagande/$P/rattelse"

# --- Correcting the admission data: refusals, input kept, nothing stored
q "UPDATE participation SET version = version + 1 WHERE id = $P" # someone else's save
V=$(part_version "$P")
got=$(post "$FV" "/deltagande/$P/rattelse" --data "version=$V" --data "startdatum=$(day 61)" \
	--data "kontaktperson=$TRAMP_ID" --data "timmar=41")
eq "a start after the planned end, a contact person not of the insats, 41 hours: 400" "$got" 400
expect_body "the start's message" "Startdatumet kan inte vara efter det planerade slutet ($(day 60))."
expect_body "the contact person's message" '<p class="error" id="ad-kontakt-fel">Välj en kontaktperson bland insatsens personal.</p>'
expect_body "the hours' message" '<p class="error" id="ad-timmar-fel">Ange ett heltal mellan 1 och 40.</p>'
expect_body "the typed start kept" "value=\"$(day 61)\""
expect_body "the typed hours kept" 'value="41"'
eq "nothing stored" "$(part_version "$P")" "$V"
got=$(post "$FV" "/deltagande/$P/rattelse" --data "version=$((V - 1))" --data "startdatum=$(day -25)" \
	--data "kontaktperson=$FV_ID" --data "timmar=6")
eq "a stale form is 409" "$got" 409
expect_body "with the message" "Någon annan har ändrat uppgifterna medan du arbetade."
expect_body "the typed value kept" 'value="6"'
got=$(post "$FV" "/deltagande/$P/rattelse" --data "version=$V" --data "startdatum=$(day -25)" \
	--data "kontaktperson=$FV_ID" --data "timmar=6")
eq "a correction is saved (303)" "$got" 303
eq "it is stored" "$(q "SELECT CONCAT_WS('|', start_date, contact_id, hours_per_week, version) FROM participation WHERE id = $P")" \
	"$(day -25)|$FV_ID|6|$((V + 1))"
eq "the history has the old start" "$(hist_of "$P" start_date)" "$(day -30)>$(day -25)"
eq "and the old hours" "$(hist_of "$P" hours_per_week)" "8>6"
eq "the access log has it" "$(updates "$P" "admission corrected")" 1
got=$(post "$FV" "/deltagande/$P/rattelse" --data "version=$((V + 1))" --data "startdatum=$(day -25)" \
	--data "kontaktperson=$FV_ID" --data "timmar=6")
eq "the same again changes nothing (303)" "$got" 303
expect_header "and says so" "oforandrat=1"
eq "no second access-log row" "$(updates "$P" "admission corrected")" 1
batch
eq "SUS: the corrected start goes as a rattelse" "$(reg "$P" @handelse)" rattelse
eq "SUS: with the new start" "$(reg "$P" "$(sus inregistrering)/$(sus startdatum)")" "$(day -25)"

# --- A corrected start against what is recorded (participation_check_start)
S=$(complete kvinna "$(day -30)")
# correct START: posts the admission form of $S with start START (the
# contact person and hours as stored); prints the status.
correct() {
	post "$FV" "/deltagande/$S/rattelse" --data "version=$(part_version "$S")" --data "startdatum=$1" \
		--data "kontaktperson=$FV_ID" --data "timmar=8"
}
eq "started: a start in the future is refused (400)" "$(correct "$(day 1)")" 400
expect_body "with the message" "Deltagaren har redan börjat; startdatumet kan inte ligga i framtiden."
expect_body "the typed start kept" "value=\"$(day 1)\""
q "INSERT INTO participation_extension (participation_id, old_planned_end, new_planned_end, reason, staff_id, at)
     VALUES ($S, '$(day 60)', '$(day 90)', 'Behöver mer tid', $FV_ID, '$(day -10) 12:00:00')" > /dev/null
eq "a start after the day of the first extension: 400" "$(correct "$(day -9)")" 400
expect_body "with the message" "Startdatumet kan inte vara efter dagen för den första förlängningen ($(day -10))."
q "INSERT INTO participation_midterm (participation_id, held_date, attendees, recorded_by, request_key)
     VALUES ($S, '$(day -20)', 'Deltagaren', $FV_ID, REPEAT('a', 32))" > /dev/null
eq "a start after the first mid-term follow-up: 400" "$(correct "$(day -19)")" 400
expect_body "with the message" "Startdatumet kan inte vara efter den första mittuppföljningen ($(day -20))."
eq "nothing stored" "$(q "SELECT start_date FROM participation WHERE id = $S")" "$(day -30)"
eq "a start on the follow-up's day is saved (303)" "$(correct "$(day -20)")" 303
eq "it is stored" "$(q "SELECT start_date FROM participation WHERE id = $S")" "$(day -20)"
# Not started yet: a future start may still move.
N=$(complete man "$(day 10)")
got=$(post "$FV" "/deltagande/$N/rattelse" --data "version=$(part_version "$N")" --data "startdatum=$(day 12)" \
	--data "kontaktperson=$FV_ID" --data "timmar=8")
eq "not started: the start moves further on (303)" "$got" 303

# --- Ended by mistake, then reopened
SENT_UTC="$(day -1) 23:30:00" # the next day in Sweden, summer or winter
SENT_SV=$(TZ=Europe/Stockholm date -d "$SENT_UTC UTC" '+%F %H:%M')
q "UPDATE participation SET status = 'avslutad', end_date = '$(day -2)', end_reason_code = 'arbete',
     occupation_after_code = 'arbete', occupation_after_percent = 75, summary_due_date = '$(day 19)',
     summary_sent_at = '$SENT_UTC', version = version + 1 WHERE id = $P;
   INSERT INTO participation_income_after (participation_id, income_code, extent_percent) VALUES ($P, 'lon', 75);" > /dev/null
batch
eq "SUS: the end goes as an utregistrering" "$(reg "$P" @handelse)" utregistrering
V=$(part_version "$P")
got=$(post "$FV" "/deltagande/$P/rattelse" --data "version=$V" --data "startdatum=$(day -1)" \
	--data "kontaktperson=$FV_ID" --data "timmar=6")
eq "a start after the end: 400" "$got" 400
expect_body "with the message" "Startdatumet kan inte vara efter slutdatumet ($(day -2))."
expect_status "the page of the ended participation" 200 -b "$FV" "$BASE/deltagande/$P/rattelse"
expect_body "offers reopening" 'action="/deltagande/'"$P"'/oppna-igen"'
expect_body "says when the summary was sent, in Swedish time (converted once)" "Sammanfattningen skickades $SENT_SV (svensk tid)."
check "not marking it felregistrerad" body_lacks '/felregistrera"'
got=$(post "$FV" "/deltagande/$P/oppna-igen" --data "version=$V" --data "skal_oppna=   ")
eq "reopening without a reason: 400" "$got" 400
expect_body "with the message" '<p class="error" id="ro-skal-fel">'
eq "still ended" "$(q "SELECT CONCAT(status, version) FROM participation WHERE id = $P")" "avslutad$V"
got=$(post "$FV" "/deltagande/$P/oppna-igen" --data "version=$((V - 1))" --data-urlencode "skal_oppna=Fel deltagare avslutad")
eq "a stale reopen is 409" "$got" 409
expect_body "the typed reason kept" '>Fel deltagare avslutad</textarea>'
got=$(post "$FV" "/deltagande/$P/oppna-igen" --data "version=$V" --data-urlencode "skal_oppna=Fel deltagare avslutad")
eq "reopening with a reason (303)" "$got" 303
eq "inskriven again, the end cleared" \
	"$(q "SELECT CONCAT_WS('|', status, IFNULL(end_date, '-'), IFNULL(end_reason_code, '-'), IFNULL(occupation_after_code, '-'), IFNULL(occupation_after_percent, '-'), IFNULL(summary_due_date, '-'), (SELECT COUNT(*) FROM participation_income_after WHERE participation_id = $P)) FROM participation WHERE id = $P")" \
	"inskriven|-|-|-|-|-|0"
eq "the history keeps the end" "$(hist_of "$P" end_date)/$(hist_of "$P" end_reason_code)/$(hist_of "$P" income_after)" "$(day -2)>/arbete>/lon>"
eq "and the reason" "$(hist_of "$P" reopen_reason)" ">Fel deltagare avslutad"
eq "and the summary's send day, Swedish, as the summary's own row writes it" "$(hist_of "$P" summary_sent_at)" "${SENT_SV:0:10}>"
eq "and the status" "$(hist_of "$P" status)" "avslutad>inskriven"
eq "the access log has it" "$(updates "$P" reopened)" 1
expect_status "the participation page" 200 -b "$FV" "$BASE/deltagande/$P"
expect_body "is open again, with the end form's link" 'href="/deltagande/'"$P"'?form=avslut"'
expect_body "shows the reason in the history" "Fel deltagare avslutad"
got=$(post "$FV" "/deltagande/$P/oppna-igen" --data "version=$((V + 1))" --data-urlencode "skal_oppna=Igen")
eq "reopening an open one is 409" "$got" 409
expect_body "with the reason" "Bara ett avslutat deltagande kan öppnas igen."
batch
eq "SUS: the reopened one goes as a rattelse" "$(reg "$P" @handelse)" rattelse
eq "SUS: without its utregistrering (the end taken back)" "$(xp "$DOC" "count(//$(sus registrering)[@deltagande='$P']/$(sus utregistrering))")" 0

# --- Marked in error after it was sent: SUS withdraws it
V=$(part_version "$P")
got=$(post "$FV" "/deltagande/$P/felregistrera" --data "version=$V" --data "skal_fel=")
eq "marking in error without a reason: 400" "$got" 400
got=$(post "$FV" "/deltagande/$P/felregistrera" --data "version=$V" --data-urlencode "skal_fel=Dubbelregistrerad")
eq "marking in error with a reason (303)" "$got" 303
eq "felregistrerad, ended today" "$(q "SELECT CONCAT_WS('|', status, end_date, end_reason_code) FROM participation WHERE id = $P")" "felregistrerad|$TODAY|felregistrering"
eq "the reason is in the history" "$(hist_of "$P" error_reason)" ">Dubbelregistrerad"
eq "the access log has it" "$(updates "$P" "marked felregistrerad")" 1
expect_status "its correction page" 200 -b "$FV" "$BASE/deltagande/$P/rattelse"
expect_body "offers nothing more" "Deltagandet är felregistrerat; inskrivningsuppgifterna kan inte rättas."
got=$(post "$FV" "/deltagande/$P/rattelse" --data "version=$((V + 1))" --data "startdatum=$(day -25)" \
	--data "kontaktperson=$FV_ID" --data "timmar=6")
eq "correcting a felregistrerad one is 409" "$got" 409
batch
eq "SUS: withdrawn as a felregistrering" "$(xp "$DOC" "string(//$(sus avregistrering)[@deltagande='$P']/@orsak)")" felregistrering

# --- Admitted with a future start: marked in error before it starts
F=$(complete man "$(day 14)")
expect_status "the page of one starting in two weeks" 200 -b "$FV" "$BASE/deltagande/$F/rattelse"
expect_body "says it may be done before the start" "även före startdatumet"
got=$(post "$FV" "/deltagande/$F/felregistrera" --data "version=$(part_version "$F")" --data-urlencode "skal_fel=Fel insats")
eq "marking it in error before its start (303)" "$got" 303
eq "felregistrerad, its end on its start (it never ends before it starts)" \
	"$(q "SELECT CONCAT_WS('|', status, end_date) FROM participation WHERE id = $F")" "felregistrerad|$(day 14)"

# --- A plan of twelve activities; "Lägg till rad" without JavaScript
R=$(complete kvinna "$(day -10)")
expect_status "a new participation's plan form" 200 -b "$FV" "$BASE/deltagande/$R?form=plan"
eq "the plan form shows four rows" "$(grep -c 'name="aktivitet_[0-9]*"' "$BODY")" 4
V=$(part_version "$R")
ARGS=()
for i in $(seq 1 12); do ARGS+=(--data-urlencode "aktivitet_$i=Aktivitet nummer $i" --data "timmar_$i=3"); done
got=$(post "$FV" "/deltagande/$R/plan" --data "version=$V" --data "rader=4" --data "lagg_till=1" "${ARGS[@]:0:16}")
eq "Lägg till rad shows the form again (200)" "$got" 200
eq "with one more row" "$(grep -c 'name="aktivitet_[0-9]*"' "$BODY")" 5
expect_body "what was typed is kept" 'value="Aktivitet nummer 4"'
eq "and nothing is saved" "$(q "SELECT COUNT(*) FROM participation_activity WHERE participation_id = $R")/$(part_version "$R")" "0/$V"
got=$(post "$FV" "/deltagande/$R/plan" --data "version=$V" "${ARGS[@]}")
eq "a plan of twelve activities is saved (303)" "$got" 303
eq "all twelve are stored, in order" "$(q "SELECT CONCAT(COUNT(*), '|', SUM(hours_per_week), '|', GROUP_CONCAT(activity ORDER BY sort_order SEPARATOR ',')) FROM participation_activity WHERE participation_id = $R")" \
	"12|36|$(seq -s, -f 'Aktivitet nummer %g' 1 12)"
expect_status "the page" 200 -b "$FV" "$BASE/deltagande/$R"
expect_body "shows the twelfth" '<td data-label="Aktivitet">Aktivitet nummer 12</td>'
expect_status "the plan form" 200 -b "$FV" "$BASE/deltagande/$R?form=plan"
eq "and the form has room for two more" "$(grep -c 'name="aktivitet_[0-9]*"' "$BODY")" 14
# The hours follow the plan: the correction cannot set others.
expect_status "the correction page" 200 -b "$FV" "$BASE/deltagande/$R/rattelse"
expect_body "says the hours follow the plan" "Timmarna följer planen (summan av dess aktiviteter)."
V=$(part_version "$R")
got=$(post "$FV" "/deltagande/$R/rattelse" --data "version=$V" --data "startdatum=$(day -10)" \
	--data "kontaktperson=$FV_ID" --data "timmar=6")
eq "hours other than the plan's sum are refused (400)" "$got" 400
expect_body "with the message" '<p class="error" id="ad-timmar-fel">Timmarna följer planen (36 i veckan). Ändra planen i stället.</p>'
expect_body "the typed hours kept" 'value="6"'
eq "nothing stored" "$(q "SELECT CONCAT(hours_per_week, '|', version) FROM participation WHERE id = $R")" "36|$V"
got=$(post "$FV" "/deltagande/$R/rattelse" --data "version=$V" --data "startdatum=$(day -10)" \
	--data "kontaktperson=$FV_ID" --data "timmar=36")
eq "the plan's sum is accepted (303)" "$got" 303
V=$(part_version "$R")
got=$(post "$FV" "/deltagande/$R/plan" --data "version=$V" --data "rader=40" --data "lagg_till=1" "${ARGS[@]}")
eq "a 41st row is refused (400)" "$got" 400
expect_body "with the message" "Planen kan ha högst 40 aktiviteter."
expect_body "what was typed is kept" 'value="Aktivitet nummer 12"'
got=$(post "$FV" "/deltagande/$R/plan" --data "version=$V" --data-urlencode "aktivitet_41=För mycket" --data "timmar_41=1" "${ARGS[@]}")
eq "an activity past the fortieth is refused, not dropped (400)" "$got" 400
expect_body "with the message" "Planen kan ha högst 40 aktiviteter."
eq "nothing changed" "$(part_version "$R")" "$V"
# The most activities fit the hours: forty of one hour each.
FULL=()
for i in $(seq 1 40); do FULL+=(--data-urlencode "aktivitet_$i=Steg $i" --data "timmar_$i=1"); done
got=$(post "$FV" "/deltagande/$R/plan" --data "version=$V" "${FULL[@]}")
eq "a plan of forty one-hour activities is saved (303)" "$got" 303
eq "all forty stored, 40 hours" "$(q "SELECT CONCAT(COUNT(*), '|', SUM(hours_per_week)) FROM participation_activity WHERE participation_id = $R")|$(q "SELECT hours_per_week FROM participation WHERE id = $R")" "40|40|40"

# --- "Spara planen" clicked twice: the second answers as the first
V=$(part_version "$R")
plan_rows() { q "SELECT COUNT(*) FROM change_history WHERE record_type = 'participation' AND record_id = $R AND field = 'activities'"; }
H=$(plan_rows)
got=$(post "$FV" "/deltagande/$R/plan" --data "version=$V" "${ARGS[@]}")
eq "the first click saves (303)" "$got" 303
got=$(post "$FV" "/deltagande/$R/plan" --data "version=$V" "${ARGS[@]}")
eq "the second, the same form, answers as the first (303)" "$got" 303
expect_header "back to the participation" "Location: /deltagande/$R?sparat=1"
eq "written once" "$(part_version "$R")|$(plan_rows)" "$((V + 1))|$((H + 1))"
got=$(post "$FV" "/deltagande/$R/plan" --data "version=$V" --data-urlencode "aktivitet_1=Något annat" --data "timmar_1=4")
eq "a stale form asking for another plan is 409" "$got" 409
expect_body "with the message" "Någon annan har ändrat uppgifterna medan du arbetade."
done_testing
