# The follow-up six months after the end, answered by the participant on
# the questionnaire tablet (review of issue 17, finding 5; README
# "Uppföljning 6 månader efter avslut"): the staff open a code for the
# follow-up questionnaire only while the follow-up is open and not
# recorded; the participant answers the one question; the send records the
# follow-up once, by the staff member who made the code, with history and
# audit; a resend writes nothing; a staff record already there wins.
. "$(dirname "$0")/lib.sh"

FVI=$(insats_id_of "Friska Vindar 2.0")
FK_REM=$(staff_id_of remittent.fk) FK_ORG=$(org_of remittent.fk)
FV_STAFF=$(staff_id_of personal.fv)
TAG=$$$RANDOM
FQ=$(q "SELECT id FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'uppfoljning_6_manader' AND is_active = 1")
check "the follow-up questionnaire is loaded" test -n "$FQ"

# months N: "ÅÅÅÅ-MM-" of the month N months from this one.
months() { date -d "$(date +%Y-%m)-01 $1 months" +%Y-%m-; }
SERIAL=300
TAKEN=" $(q "SELECT SUBSTRING(personnummer, 9, 3) FROM person WHERE personnummer LIKE '19810416%'" | tr '\n' ' ') "
# mkpart VAR END LAST_NAME: an ended participation of Friska Vindar 2.0
# (end reason arbete), its id in VAR.
mkpart() {
	local s pnr
	while :; do
		SERIAL=$((SERIAL + 1))
		s=$(printf '%03d' "$SERIAL")
		[[ $TAKEN == *" $s "* ]] || break
	done
	pnr="19810416$s$(luhn "810416$s")"
	printf -v "$1" '%s' "$(q "START TRANSACTION;
	INSERT INTO person (personnummer, id_kind, birth_year) VALUES ('$pnr', 'personnummer', 1981);
	SET @p = LAST_INSERT_ID();
	INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status)
	  VALUES (@p, $FVI, $FK_REM, $FK_ORG, 'antagen');
	SET @r = LAST_INSERT_ID();
	INSERT INTO referral_person (referral_id, first_name, last_name, gender) VALUES (@r, 'Surf', '$3', 'kvinna');
	INSERT INTO participation (referral_id, person_id, insats_id, status, start_date, end_date, end_reason_code)
	  VALUES (@r, @p, $FVI, 'avslutad', '2019-01-01', '$2', 'arbete');
	SET @pid = LAST_INSERT_ID();
	$PART_PERSON_SQL
	SELECT @pid; COMMIT;")"
}
mkpart DUE "$(months -6)10" "Dags$TAG"
mkpart SOON "$(months -2)10" "Snart$TAG"
mkpart STAFF "$(months -6)10" "Personal$TAG"
mkpart RACE "$(months -6)10" "Kapp$TAG"
check "the fixture participations exist" test -n "$DUE" -a -n "$SOON" -a -n "$STAFF" -a -n "$RACE"

log_in FV personal.fv
FU_OPEN='name="matning" value="uppfoljning"'

# --- The questionnaire's answers are the follow-up's situations.
expect_status "the follow-up form" 200 -b "$FV" "$BASE/deltagande/$DUE?form=uppfoljning"
eq "the questionnaire's options are the follow-up form's situations, in order" \
	"$(q "SELECT GROUP_CONCAT(o.value ORDER BY o.position) FROM questionnaire_option o JOIN questionnaire_item i ON i.id = o.item_id WHERE i.questionnaire_id = $FQ AND i.item_code = 'situation'")" \
	"$(grep -o 'name="situation" value="[a-z]*"' "$BODY" | sed 's/.*value="//; s/"//' | paste -sd,)"
expect_status "the participation page" 200 -b "$FV" "$BASE/deltagande/$DUE"
expect_body "... lists the follow-up questionnaire" "Uppföljning 6 månader: Ej besvarad"
expect_body "... offers it on the tablet while it is due" "$FU_OPEN"
expect_body "... and says so in the follow-up panel" "Deltagaren kan också svara själv på surfplattan"

# --- Not offered outside the window, nor once recorded.
expect_status "one that ended two months ago" 200 -b "$FV" "$BASE/deltagande/$SOON"
check "... is not offered the follow-up on the tablet" body_lacks "$FU_OPEN"
expect_body "... and says from when" "kan registreras från"
eq "a code for it anyway is refused" "$(post "$FV" "/deltagande/$SOON/enkat" -d "enkat=$FQ" -d matning=uppfoljning)" 409
expect_body "... saying why" "kan registreras från"
eq "the staff record one" "$(post "$FV" "/deltagande/$STAFF/uppfoljning" -d situation=annat -d version_uppfoljning=0)" 303
expect_status "... its page" 200 -b "$FV" "$BASE/deltagande/$STAFF"
check "... no longer offers it on the tablet" body_lacks "$FU_OPEN"
expect_body "... and says that the record stands" "Uppföljningen är redan registrerad. Den registreringen gäller"
eq "... a code for it anyway is refused" "$(post "$FV" "/deltagande/$STAFF/enkat" -d "enkat=$FQ" -d matning=uppfoljning)" 409
eq "a start measurement of the follow-up questionnaire is refused" "$(post "$FV" "/deltagande/$DUE/enkat" -d "enkat=$FQ" -d matning=start)" 400
eq "... no code made by any of these" "$(q "SELECT COUNT(*) FROM questionnaire_code WHERE participation_id IN ($SOON, $STAFF, $DUE)")" 0

# answer PID SITUATION: open a code as personal.fv and answer SITUATION on
# a tablet, up to the send screen; T is the tablet's jar.
answer() {
	local code pos
	eq "the staff open a code" "$(post "$FV" "/deltagande/$1/enkat" -d "enkat=$FQ" -d matning=uppfoljning)" 200
	code=$(grep -o 'name="kod" value="[0-9]\{8\}' "$BODY" | sed 's/.*value="//')
	eq "... the code says who opened it" "$(q "SELECT created_by FROM questionnaire_code WHERE participation_id = $1 AND measurement = 'uppfoljning'")" "$FV_STAFF"
	T=$(new_jar)
	tablet "$T"
	fetch -c "$T" -b "$T" --data-urlencode "csrf=$KC" -d "kod=$code" "$BASE/surfplatta" > /dev/null
	fetch -c "$T" -b "$T" --data-urlencode "csrf=$KC" -d sprak=sv "$BASE/enkat/sprak" > /dev/null
	expect_status "the tablet shows the question" 200 -c "$T" -b "$T" "$BASE/enkat/fraga/1"
	expect_body "... in the participant's words" "Vad gör du mest nu?"
	pos=$(q "SELECT o.position FROM questionnaire_option o JOIN questionnaire_item i ON i.id = o.item_id WHERE i.questionnaire_id = $FQ AND i.item_code = 'situation' AND o.value = '$2'")
	eq "the participant answers $2" "$(fetch -c "$T" -b "$T" --data-urlencode "csrf=$KC" -d visad=1 -d "svar=$pos" -d ga=nasta -d "nyckel=$(hidden nyckel)" "$BASE/enkat/fraga/1")" 303
	eq "... and is asked to send" "$(location)" "/enkat/skicka"
	fetch -c "$T" -b "$T" "$BASE/enkat/skicka" > /dev/null
}
fu() { q "SELECT CONCAT_WS('|', situation, version, recorded_by, answered_on_tablet) FROM participation_followup WHERE participation_id = $1"; }
FU_AUDIT="object_type = 'participation' AND object_id = \$P AND detail LIKE 'follow-up 6 months%'"

# --- Answered on the tablet: the send records it, once.
answer "$DUE" studier
eq "... nothing is recorded before the send" "$(q "SELECT COUNT(*) FROM participation_followup WHERE participation_id = $DUE")" 0
eq "the participant sends" "$(fetch -c "$T" -b "$T" --data-urlencode "csrf=$KC" "$BASE/enkat/skicka")" 303
eq "... the follow-up is recorded: studies, version 1, by the staff who made the code, from the tablet" "$(fu "$DUE")" "studier|1|$FV_STAFF|1"
eq "... dated today" "$(q "SELECT followup_date FROM participation_followup WHERE participation_id = $DUE")" "$TODAY"
eq "... in the change history, as the staff's" "$(hist participation "$DUE" uppfoljning_situation)" "|studier|$FV_STAFF"
eq "... and audited once, as the staff's, saying it came from the tablet" \
	"$(q "SELECT CONCAT_WS('|', COUNT(*), MAX(username), MAX(detail)) FROM audit_log WHERE ${FU_AUDIT//\$P/$DUE}")" \
	"1|personal.fv|follow-up 6 months (answered on the tablet)"
eq "the same send again (a second tap, a retry)" "$(fetch -c "$T" -b "$T" --data-urlencode "csrf=$KC" "$BASE/enkat/skicka")" 303
eq "... goes to the lock screen" "$(location)" "/surfplatta"
eq "... one record, still version 1" "$(q "SELECT CONCAT(COUNT(*), '/', MAX(version)) FROM participation_followup WHERE participation_id = $DUE")" "1/1"
eq "... one history row" "$(q "SELECT COUNT(*) FROM change_history WHERE record_type = 'participation' AND record_id = $DUE AND field = 'uppfoljning_situation'")" 1
eq "... one audit row" "$(audits "${FU_AUDIT//\$P/$DUE}")" 1
eq "... one response sent" "$(q "SELECT COUNT(*) FROM questionnaire_response WHERE participation_id = $DUE AND measurement = 'uppfoljning' AND status = 'inskickad'")" 1
expect_status "the participation page" 200 -b "$FV" "$BASE/deltagande/$DUE"
expect_body "... shows it, answered on the tablet" "<dt>Situation efter 6 månader</dt><dd>Studier (registrerad $TODAY av "
expect_body "... by the participant" "besvarad av deltagaren på surfplattan"
expect_body "... the measurement answered" "Uppföljning 6 månader: Besvarad"
check "... not offered again" body_lacks "$FU_OPEN"
eq "a new code for it is refused" "$(post "$FV" "/deltagande/$DUE/enkat" -d "enkat=$FQ" -d matning=uppfoljning)" 409
eq "the staff correct it" "$(post "$FV" "/deltagande/$DUE/uppfoljning" -d situation=arbete -d version_uppfoljning=1)" 303
eq "... their save, no longer the tablet's" "$(fu "$DUE")" "arbete|2|$FV_STAFF|0"

# --- A staff record made while the code is out wins over the answer.
answer "$RACE" arbete
eq "meanwhile the staff record another situation" "$(post "$FV" "/deltagande/$RACE/uppfoljning" -d situation=rehabilitering -d version_uppfoljning=0)" 303
eq "the participant sends" "$(fetch -c "$T" -b "$T" --data-urlencode "csrf=$KC" "$BASE/enkat/skicka")" 303
eq "... the staff's record stands" "$(fu "$RACE")" "rehabilitering|1|$FV_STAFF|0"
eq "... one history row (the staff's)" "$(q "SELECT COUNT(*) FROM change_history WHERE record_type = 'participation' AND record_id = $RACE AND field = 'uppfoljning_situation'")" 1
eq "... the answer is kept as a response" "$(q "SELECT COUNT(*) FROM questionnaire_response WHERE participation_id = $RACE AND measurement = 'uppfoljning' AND status = 'inskickad'")" 1

check "no BUG in the log" bash -c '! grep -q "BUG:" "$1/log/stegvis.log"' _ "$VAR"
done_testing
