# Two förbund in one installation, the questionnaire responses (issue 20,
# sql/0072): every response belongs to a förbund and each förbund's
# activity report counts its own, the anonymous ones without an insats
# (the demo's surveys of managers, board, staff and referrers) too, however
# many förbund are active.
#
# A second förbund is made here in SQL, ACTIVE, with an office, a chief,
# an insats staff member, an insats and one participation. The demo
# chief's questionnaire figures are the same bytes before and after it is
# made. An anonymous questionnaire the second förbund's staff member opens
# for the participation and hands over on a tablet (the tablet's requests
# carry no förbund) counts in the second förbund's report and not in the
# demo's; a personal link the demo's admin made counts in the demo's and
# not in the second's. At the end the second förbund's participation,
# responses and codes go and it is deactivated: later tests see the
# demo's two förbund as the only active ones again.
. "$(dirname "$0")/lib.sh"

P=t_fq_$$
DEMO_F=$(forbund_id_of SOFTLEG)
SNAP=$LIB_TMP/snap
mkdir -p "$SNAP"
YEAR=${TODAY:0:4}
LOG=$VAR/log/stegvis.log
bugs() { grep -c 'BUG' "$LOG" 2> /dev/null || true; }

# The year of the demo's anonymous responses without an insats (sent on
# fixed days by `stegvis demo-questionnaires`).
AYEAR=$(q "SELECT YEAR(MIN(r.submitted_at)) FROM questionnaire_response r
	JOIN questionnaire q ON q.id = r.questionnaire_id
	WHERE q.code = 'chefer' AND r.insats_id IS NULL AND r.status = 'inskickad'")
check "the demo has managers' responses without an insats" test -n "$AYEAR" -a "$AYEAR" != NULL

# The demo chief's questionnaire results of the surveys without an insats,
# the year they were sent, as bytes: snap DIR.
DEMO_URLS=()
for e in chefer styrelse insatspersonal remittent; do
	DEMO_URLS+=("/rapporter.csv?insats=0&period=ar&ar=$AYEAR&enkat=$e"
		"/rapporter?insats=0&period=ar&ar=$AYEAR&enkat=$e")
done
snap() {
	local i=0 u
	mkdir -p "$1"
	for u in "${DEMO_URLS[@]}"; do
		echo "$(aget forbund "$u")" > "$1/$i.status"
		cp "$BODY" "$1/$i"
		i=$((i + 1))
	done
}
# figures FILE: a CSV's questionnaire rows ("enkat": n, mean, share per
# gender and in total).
figures() { grep '^"enkat";' "$1"; }
# answers FILE: the total number of answers to the questionnaire's first
# item in a CSV ("0", a number, or "×" when too few to show).
answers() { grep '^"enkat";' "$1" | head -n 1 | awk -F';' '{ gsub(/"/, ""); print $5 }'; }

eq "the demo's chief logs in" "$(as forbund)" 303
snap "$SNAP/before"
eq "the demo's questionnaire pages answer 200" "$(cat "$SNAP"/before/*.status | sort -u | paste -sd,)" 200
n=$(answers "$SNAP/before/0")
check "... the managers' survey counted, with a number ($n)" test -n "$n" -a "$n" != 0 -a "$n" != "×"

# --- The second förbund, active, with its office, accounts and insats
mk_forbund F2 "FQ$$"
O2=$(office_of "$F2")
mk_account "${P}_chef" "$O2" forbund "Chef Enkätförbundet"
mk_account "${P}_pers" "$O2" insatspersonal "Personal Enkätförbundet"
mk_account "${P}_rem" "$O2" remittent "Remittent Enkätförbundet"
REM=$(staff_id_of "${P}_rem")
q "INSERT INTO insats (forbund_id, host_organisation_id, name, short_name, slug, period_start, places, active)
	VALUES ($F2, $O2, 'Insats $P', 'Kort $P', 'fq-$$', '2020-01-01', 10, 0)"
I2=$(q "SELECT id FROM insats WHERE slug = 'fq-$$'")
q "INSERT INTO staff_insats (staff_id, insats_id) VALUES ($(staff_id_of "${P}_pers"), $I2)"
PNR=$(new_pnr 1980 20)
cleanup() {
	q "DELETE FROM questionnaire_code WHERE insats_id = $I2;
	DELETE FROM questionnaire_response WHERE insats_id = $I2;
	DELETE pp FROM participation_person pp JOIN participation p ON p.id = pp.participation_id
		WHERE p.insats_id = $I2;
	DELETE FROM participation WHERE insats_id = $I2;
	DELETE rp FROM referral_person rp JOIN referral r ON r.id = rp.referral_id WHERE r.insats_id = $I2;
	DELETE FROM referral WHERE insats_id = $I2;
	DELETE FROM person WHERE personnummer = '$PNR';
	UPDATE insats SET active = 0 WHERE forbund_id = $F2;
	UPDATE staff SET active = 0 WHERE forbund_id = $F2;
	UPDATE forbund SET active = 0 WHERE id = $F2"
}
at_exit cleanup
eq "the second förbund is active" "$(q "SELECT COUNT(*) FROM forbund WHERE active = 1 AND id IN ($DEMO_F, $F2)")" 2
check "its participation loads" q "START TRANSACTION;
	INSERT INTO person (personnummer, id_kind, birth_year) VALUES ('$PNR', 'personnummer', ${PNR:0:4});
	SET @p = LAST_INSERT_ID();
	INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status, education_code, support_time_code)
		VALUES (@p, $I2, $REM, $O2, 'antagen', 'gymnasium', '1_4');
	SET @r = LAST_INSERT_ID();
	INSERT INTO referral_person (referral_id, first_name, last_name, gender)
		VALUES (@r, 'Test', 'Enkätförbund', 'man');
	INSERT INTO participation (referral_id, person_id, insats_id, status, start_date)
		VALUES (@r, @p, $I2, 'inskriven', '$(day -30)');
	$PART_PERSON_SQL
	COMMIT;"
PID2=$(q "SELECT id FROM participation WHERE insats_id = $I2")

# --- The demo's figures with a second förbund active: the same bytes
snap "$SNAP/after"
bad=""
for ((i = 0; i < ${#DEMO_URLS[@]}; i++)); do
	cmp -s "$SNAP/before/$i" "$SNAP/after/$i" || bad="$bad ${DEMO_URLS[$i]}"
done
eq "the demo's questionnaire pages and CSVs are the same bytes with a second förbund active" "$bad" ""
eq "... the managers' figures as before" "$(figures "$SNAP/after/0")" "$(figures "$SNAP/before/0")"
eq "... the board's figures as before" "$(figures "$SNAP/after/2")" "$(figures "$SNAP/before/2")"
eq "the second förbund's chief logs in" "$(as "${P}_chef")" 303
eq "its managers' results for $AYEAR" "$(aget "${P}_chef" "/rapporter.csv?insats=0&period=ar&ar=$AYEAR&enkat=chefer")" 200
eq "... count none of the demo's responses" "$(answers "$BODY")" 0

# --- An anonymous questionnaire on a tablet, opened by the second
# förbund's staff member and handed over
# Its own copy of the participants' survey (each förbund has its own, sql/0075).
AQ=$(q "SELECT id FROM questionnaire WHERE forbund_id = $F2 AND code = 'deltagare_pagaende' AND is_active = 1")
THIS="/rapporter.csv?insats=0&period=ar&ar=$YEAR&enkat=deltagare_pagaende"
eq "the demo's chief: the participants' survey this year" "$(aget forbund "$THIS")" 200
cp "$BODY" "$SNAP/demo-this"
eq "the second förbund's chief: the same" "$(aget "${P}_chef" "$THIS")" 200
cp "$BODY" "$SNAP/f2-this"
eq "... no response yet" "$(answers "$SNAP/f2-this")" 0
eq "its staff member logs in" "$(as "${P}_pers")" 303
eq "... and opens the participants' survey for a tablet" "$(apost "${P}_pers" "/deltagande/$PID2/enkat" -d "enkat=$AQ")" 200
CODE=$(grep -o 'name="kod" value="[0-9]\{8\}' "$BODY" | sed 's/.*value="//')
KC=$(grep -o 'name="csrf" value="[0-9a-f]*' "$BODY" | tail -n 1 | sed 's/.*value="//')
check "... an 8-digit code" test "${#CODE}" = 8
eq "the code is the second förbund's" "$(q "SELECT forbund_id FROM questionnaire_code WHERE participation_id IS NULL AND insats_id = $I2")" "$F2"
J=$(jar "${P}_pers")
bugs_before=$(bugs)
expect_status "the staff member starts it on the tablet (hands it over)" 303 -c "$J" -b "$J" \
	--data-urlencode "csrf=$KC" -d "kod=$CODE" "$BASE/surfplatta"
expect_status "... and is logged out there" 303 -b "$J" "$BASE/start"
expect_status "the participant chooses Swedish" 303 -c "$J" -b "$J" --data-urlencode "csrf=$KC" -d sprak=sv "$BASE/enkat/sprak"
expect_status "... answers the first question" 303 -c "$J" -b "$J" --data-urlencode "csrf=$KC" -d svar=4 -d ga=nasta "$BASE/enkat/fraga/1"
expect_status "... and sends: no förbund on the tablet, no error" 303 -c "$J" -b "$J" --data-urlencode "csrf=$KC" "$BASE/enkat/skicka"
eq "... thanks" "$(location | cut -d'?' -f1)" "/enkat/tack"
eq "... and nothing refused as a statement without its förbund" "$(bugs)" "$bugs_before"
eq "the response is the second förbund's, of its insats" \
	"$(q "SELECT CONCAT(COUNT(*), '|', IFNULL(MIN(forbund_id), ''), '|', YEAR(MIN(submitted_at)))
		FROM questionnaire_response WHERE questionnaire_id = $AQ AND insats_id = $I2 AND status = 'inskickad'")" "1|$F2|$YEAR"
eq "it counts in the second förbund's report" "$(aget "${P}_chef" "$THIS")" 200
eq "... one answer, too few to show" "$(answers "$BODY")" "×"
eq "the demo's chief: the participants' survey again" "$(aget forbund "$THIS")" 200
check "... it does not count there (the same bytes)" cmp -s "$BODY" "$SNAP/demo-this"

# --- A personal link the demo's admin makes: the demo's
CQ=$(q "SELECT id FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'chefer' AND is_active = 1")
MINE="/rapporter.csv?insats=0&period=ar&ar=$YEAR&enkat=chefer"
eq "the demo's chief: the managers' survey this year" "$(aget forbund "$MINE")" 200
cp "$BODY" "$SNAP/demo-mine"
eq "the second förbund's chief: the same" "$(aget "${P}_chef" "$MINE")" 200
cp "$BODY" "$SNAP/f2-mine"
eq "the demo's admin logs in" "$(as admin)" 303
eq "... and makes a personal link to the managers' survey" "$(apost admin "/admin/enkater/$CQ/lankar" --data-urlencode antal=1)" 200
LINK=$(grep -o '/enkat/lank/[0-9a-f]\{64\}' "$BODY" | head -n 1)
check "... shown" test -n "$LINK"
IDS=$(q "SELECT IFNULL(GROUP_CONCAT(id), 0) FROM questionnaire_response WHERE questionnaire_id = $CQ")
LJ=$(new_jar)
expect_status "the link opens" 200 -c "$LJ" -b "$LJ" "$BASE$LINK"
lc=$(form_csrf)
expect_status "... starts" 303 -c "$LJ" -b "$LJ" --data-urlencode "csrf=$lc" "$BASE$LINK"
expect_status "... in Swedish" 303 -c "$LJ" -b "$LJ" --data-urlencode "csrf=$lc" -d sprak=sv "$BASE/enkat/sprak"
expect_status "... a scale answered" 303 -c "$LJ" -b "$LJ" --data-urlencode "csrf=$lc" -d svar=4 -d ga=nasta "$BASE/enkat/fraga/1"
expect_status "... sent" 303 -c "$LJ" -b "$LJ" --data-urlencode "csrf=$lc" "$BASE/enkat/skicka"
eq "... nothing refused" "$(bugs)" "$bugs_before"
NEW=$(q "SELECT id FROM questionnaire_response WHERE questionnaire_id = $CQ AND id NOT IN ($IDS)")
eq "the link's response is the demo's, without an insats" \
	"$(q "SELECT CONCAT(forbund_id, '|', IFNULL(insats_id, 'NULL'), '|', status) FROM questionnaire_response WHERE id = ${NEW:-0}")" \
	"$DEMO_F|NULL|inskickad"
eq "it counts in the demo's report" "$(aget forbund "$MINE")" 200
check "... which changed" bash -c '! cmp -s "$1" "$2"' _ "$BODY" "$SNAP/demo-mine"
eq "the second förbund's chief: the managers' survey again" "$(aget "${P}_chef" "$MINE")" 200
check "... it does not count there (the same bytes)" cmp -s "$BODY" "$SNAP/f2-mine"

cleanup
AT_EXIT=()
eq "nothing of the second förbund's left" \
	"$(q "SELECT (SELECT COUNT(*) FROM questionnaire_response WHERE forbund_id = $F2)
		+ (SELECT COUNT(*) FROM questionnaire_code WHERE forbund_id = $F2)
		+ (SELECT COUNT(*) FROM participation WHERE insats_id = $I2)
		+ (SELECT COUNT(*) FROM forbund WHERE id = $F2 AND active = 1)")" 0
done_testing
