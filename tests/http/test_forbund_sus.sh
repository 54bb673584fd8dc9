# Two förbund in one installation, the SUS export (issue 20): each
# förbund's integration token exports that förbund's participations only,
# under its own numbering; one förbund's one-at-a-time lock and rate limit
# are not in the other's way; the command line names its förbund.
#
# There is no platform admin yet: the second förbund, its office, its
# accounts, an inactive insats and one participant with a SUS consent are
# made here in SQL. At the end its participant and SUS rows are deleted,
# and at exit the förbund deactivated, so the pages not yet scoped by förbund and
# the demo's SUS tests (which count batches and participants) see nothing
# of it.
. "$(dirname "$0")/lib.sh"
CONF="$VAR/stegvis.conf"
WORK=$(mktemp -d)
at_exit 'rm -rf "$WORK"'

P=t_fs_$$
DEMO_F=$(q "SELECT forbund_id FROM staff WHERE username = 'sus-job'")
mk_forbund F2 "TS$$"
check "a second förbund" test -n "$F2"
q "UPDATE forbund SET sus_code = 'SUSTS$$' WHERE id = $F2"
O2=$(office_of "$F2")
mk_account "${P}_job" "$O2" integration "SUS-jobb Testförbundet"
mk_account "${P}_rem" "$O2" remittent "Remittent Testförbundet"
JOB2=$(staff_id_of "${P}_job")
REM2=$(staff_id_of "${P}_rem")
# Inactive from the start: the export sends every insats of the förbund.
q "INSERT INTO insats (forbund_id, host_organisation_id, name, short_name, slug, period_start,
	measurement, active) VALUES ($F2, $O2, 'Insats $P', 'TS $$', 't-fs-$$', '2024-01-01', 'personuppgifter', 0)"
I2=$(q "SELECT id FROM insats WHERE slug = 't-fs-$$'")

# Its participant: complete for SUS, with a SUS consent.
PNR2=$(new_pnr 1970 20)
code() { q "SELECT MIN(code) FROM $1 WHERE sus_code IS NOT NULL"; }
q "INSERT INTO person (personnummer, id_kind, birth_year) VALUES ('$PNR2', 'personnummer', ${PNR2:0:4});
	SET @p = LAST_INSERT_ID();
	INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status, education_code,
	  support_time_code) VALUES (@p, $I2, $REM2, $O2, 'antagen', '$(code code_education)',
	  '$(code code_support_time)');
	SET @r = LAST_INSERT_ID();
	INSERT INTO referral_person (referral_id, first_name, last_name, gender, home_municipality)
	  VALUES (@r, 'Sus', 'Testsson $$', 'kvinna', 'Trollhättan');
	INSERT INTO referral_income (referral_id, income_code) VALUES (@r, '$(code code_income)');
	INSERT INTO participation (referral_id, person_id, insats_id, status, start_date, occupation_before_code)
	  VALUES (@r, @p, $I2, 'inskriven', '2024-02-01', '$(code code_occupation)');
	$PART_PERSON_SQL"
X2=$(q "SELECT p.id FROM participation p JOIN person pn ON pn.id = p.person_id WHERE pn.personnummer = '$PNR2'")
check "its participation" test -n "$X2"
q "INSERT INTO consent (referral_id, kind, state, answer, text_id, language, valid_from, signed_how,
	paper_date, taken_by, signed_at)
	SELECT p.referral_id, 'sus', 'aktiv', 'ja', (SELECT t.id FROM consent_text t
	JOIN insats i ON i.forbund_id = t.forbund_id WHERE i.id = p.insats_id AND t.kind = 'sus'
	AND t.language = 'sv' AND t.is_current = 1), 'sv', p.start_date, 'papper', p.start_date, $REM2,
	UTC_TIMESTAMP() FROM participation p WHERE p.id = $X2"

# Supplementary questions (sql/0077): each förbund its own. The second
# förbund's participant answers its own question and, as a stray row
# would, the demo förbund's question of the same code; only its own goes
# into its document.
q "INSERT INTO sus_question (forbund_id, code, label) VALUES
	($DEMO_F, 'tf_$$', 'Demo förbundets fråga'), ($F2, 'tf_$$', 'Egen fråga'),
	($DEMO_F, 'tf_demo_$$', 'Bara demons fråga');
	INSERT INTO sus_answer (participation_id, question_id, answer)
	SELECT $X2, id, CONCAT('svar-', forbund_id) FROM sus_question WHERE code LIKE 'tf%$$'"

T1=$(new_api_token sus-job)
T2=$(new_api_token "${P}_job")
A1=(-H "Authorization: Bearer $T1")
A2=(-H "Authorization: Bearer $T2")
q "DELETE FROM sus_request"
pnrs() { grep -oE '<([a-z]+:)?personnummer>[0-9]+' "$1" | sed 's/.*>//' | sort -u | tr '\n' ' '; }
# A full replacement of the demo förbund first (never acknowledged, so
# never built on): the demo has a batch number the second has not yet.
expect_status "the demo förbund's full replacement" 201 -X POST "${A1[@]}" --data since=0 "$BASE/api/sus/batcher"
demo_before=$(sus_counters)

# --- Both export at once: the demo's full replacement and the second's
# first batch, side by side.
curl -s -o "$WORK/demo.xml" -D "$WORK/demo.head" -w '%{http_code}' -X POST "${A1[@]}" --data since=0 \
	"$BASE/api/sus/batcher" > "$WORK/demo.status" &
demo_pid=$!
st2=$(curl -s -o "$WORK/f2.xml" -D "$WORK/f2.head" -w '%{http_code}' -X POST "${A2[@]}" "$BASE/api/sus/batcher")
wait "$demo_pid"
eq "the second förbund's export: 201" "$st2" 201
eq "the demo förbund's export beside it: 201" "$(cat "$WORK/demo.status")" 201
hdr() { tr -d '\r' < "$1" | sed -n -E "s/^$2: *//Ip"; }
eq "the second förbund's first batch is its number 1" "$(hdr "$WORK/f2.head" X-SUS-Batch)" 1
check "it follows the XSD" quiet xmllint --noout --schema "$ROOT/conf/sus-export-2.xsd" "$WORK/f2.xml"
eq "it registers its own participant and no one else" "$(pnrs "$WORK/f2.xml")" "$PNR2 "
eq "... as one registration, its participation" \
	"$(xp "$WORK/f2.xml" "string(//*[local-name()='registrering']/@deltagande)")|$(xp "$WORK/f2.xml" "count(//*[local-name()='registrering'])")" "$X2|1"
DPNRS=$(pnrs "$WORK/demo.xml")
check "the demo's full replacement registers demo participants" test -n "$DPNRS"
bad=""
for d in $DPNRS; do grep -q "$d" "$WORK/f2.xml" && bad="$bad $d"; done
eq "none of their personnummer is in the second förbund's document" "$bad" ""
eq "its participant's answers: only to its own question" \
	"$(xp "$WORK/f2.xml" "count(//*[local-name()='svar'])")|$(xp "$WORK/f2.xml" "string(//*[local-name()='svar']/@fraga)")|$(xp "$WORK/f2.xml" "string(//*[local-name()='svar'])")" \
	"1|tf_$$|svar-$F2"
eq "its insatser are its own" "$(xp "$WORK/f2.xml" "count(//*[local-name()='insats'])")|$(xp "$WORK/f2.xml" "string(//*[local-name()='insats']/@id)")" "1|$I2"
check "it is the second förbund's document (its SUS code)" grep -q "SUSTS$$" "$WORK/f2.xml"
eq "no other insats is named in it" "$(grep -oE 'insats="[0-9]+"' "$WORK/f2.xml" | grep -v "insats=\"$I2\"")" ""
check "the demo's document never holds the second förbund's participant" bash -c "! grep -q '$PNR2' '$WORK/demo.xml'"
check "... nor its insats" bash -c "! grep -qE 'id=\"$I2\"|insats=\"$I2\"' '$WORK/demo.xml'"
eq "the demo's numbering went on by one" "$(sus_last_batch)" "$((${demo_before%/*} + 1))"
eq "the second förbund numbers its own batches" "$(sus_counters "$F2")" "1/0"
eq "the access log names the second's participant for its export, no one else" \
	"$(q "SELECT GROUP_CONCAT(DISTINCT personnummer) FROM audit_log WHERE staff_id = $JOB2 AND personnummer IS NOT NULL")" "$PNR2"

# --- Batches by number: each förbund's own.
DLAST=$(sus_last_batch)
expect_status "the second's batch 1 again" 200 "${A2[@]}" "$BASE/api/sus/batcher/1"
check "... is its own document, byte for byte" cmp -s "$BODY" "$WORK/f2.xml"
d2=$(q "SELECT CONCAT(state, fetches) FROM sus_batch WHERE forbund_id = $DEMO_F AND batch_no = 2")
check "the demo förbund has a batch 2" test -n "$d2"
expect_status "the second has none: 404" 404 "${A2[@]}" "$BASE/api/sus/batcher/2"
expect_status "... and cannot acknowledge it: 404" 404 -X POST "${A2[@]}" "$BASE/api/sus/batcher/2/kvittens"
eq "the demo's batch 2 is as it was" "$(q "SELECT CONCAT(state, fetches) FROM sus_batch WHERE forbund_id = $DEMO_F AND batch_no = 2")" "$d2"
expect_status "the demo's batch 1 is the demo's" 200 "${A1[@]}" "$BASE/api/sus/batcher/1"
check "... not the second's" bash -c "! cmp -s '$BODY' '$WORK/f2.xml' && ! grep -q '$PNR2' '$BODY'"

# --- One at a time, per förbund: the demo's lock held, the second
# exports (its unacknowledged batch is made again); the demo waits (409).
(q "BEGIN; SELECT last_batch_no FROM sus_state WHERE forbund_id = $DEMO_F FOR UPDATE; SELECT SLEEP(6); COMMIT" > /dev/null) &
holder=$!
lock_held() { [ "$(q "SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE 'SELECT SLEEP(6)%'")" -ge 1 ]; }
check "a session holds the demo förbund's export lock" wait_for 5 lock_held
expect_status "the second förbund exports meanwhile (201)" 201 -X POST "${A2[@]}" "$BASE/api/sus/batcher"
eq "... as its batch 2" "$(hdr "$HEAD" X-SUS-Batch)" 2
"$BIN" sus-export -c "$CONF" --forbund "TS$$" --out "$WORK/cli-held.xml" > "$WORK/cli-held.out" 2>&1
eq "the command line exports the second förbund meanwhile (exit 0)" "$?" 0
expect_status "and the job acknowledges its batch 3 (200)" 200 -X POST "${A2[@]}" "$BASE/api/sus/batcher/3/kvittens"
expect_status "the demo förbund's export meanwhile: 409" 409 -X POST "${A1[@]}" "$BASE/api/sus/batcher"
expect_status "... and its acknowledgement: 409" 409 -X POST "${A1[@]}" "$BASE/api/sus/batcher/$DLAST/kvittens"
wait "$holder"
eq "the second förbund: its batches 1 to 3, 3 acknowledged" "$(sus_counters "$F2")" "3/3"
check "the command line's batch holds only its participant" test "$(pnrs "$WORK/cli-held.xml")" = "$PNR2 "
(q "BEGIN; SELECT last_batch_no FROM sus_state WHERE forbund_id = $F2 FOR UPDATE; SELECT SLEEP(6); COMMIT" > /dev/null) &
holder=$!
check "a session holds the second förbund's export lock" wait_for 5 lock_held
st=$(fetch -X POST "${A1[@]}" "$BASE/api/sus/batcher")
check "the demo förbund exports meanwhile, not 409 ($st)" test "$st" = 201 -o "$st" = 204
expect_status "the second förbund's export: 409" 409 -X POST "${A2[@]}" "$BASE/api/sus/batcher"
wait "$holder"

# --- The rate limit, per förbund: the demo's window full, the second is
# served; the second's full, the demo is.
q "DELETE FROM sus_request"
q "INSERT INTO sus_request (forbund_id, staff_id, at) SELECT $DEMO_F, id, UTC_TIMESTAMP(3)
	FROM staff, seq_1_to_60 WHERE username = 'sus-job'"
expect_status "the demo förbund is over its limit: 429" 429 "${A1[@]}" "$BASE/api/sus/schema"
expect_status "the second förbund is served: 200" 200 "${A2[@]}" "$BASE/api/sus/schema"
q "DELETE FROM sus_request"
q "INSERT INTO sus_request (forbund_id, staff_id, at) SELECT $F2, $JOB2, UTC_TIMESTAMP(3) FROM seq_1_to_60"
expect_status "the second förbund over its limit: 429" 429 "${A2[@]}" "$BASE/api/sus/schema"
expect_status "the demo förbund is served: 200" 200 "${A1[@]}" "$BASE/api/sus/schema"
q "DELETE FROM sus_request"

# --- The command line names its förbund when there are several.
"$BIN" sus-export -c "$CONF" --out "$WORK/none.xml" > "$WORK/none.out" 2>&1
eq "without --forbund, with two active förbund: exit 1" "$?" 1
check "... saying to name one, listing them" grep -q -- "--forbund" "$WORK/none.out"
check "... the second among them" grep -q "TS$$" "$WORK/none.out"
check "... and no file" test ! -e "$WORK/none.xml"
"$BIN" sus-export -c "$CONF" --forbund "nosuch$$" --out "$WORK/none.xml" > "$WORK/none.out" 2>&1
eq "an unknown förbund: exit 1" "$?" 1
check "... and no file" test ! -e "$WORK/none.xml"
"$BIN" sus-export -c "$CONF" --forbund "$F2" --since 0 > "$WORK/cli.out" 2>&1
eq "--forbund by id, a full replacement: exit 0" "$?" 0
dir=$(sed -n -E 's/^sus_export_dir *= *//p' "$CONF")
f="$dir/sus-batch-$F2-000004.xml"
check "the file's name carries the förbund's id" test -s "$f"
check "it holds only the second förbund's participant" test "$(pnrs "$f")" = "$PNR2 "
rm -f "$f"
out=$("$BIN" sus-export -c "$CONF" --forbund "TS$$" --ack 4 2>&1)
check "--ack acknowledges the second förbund's batch ($out)" test "$(sus_counters "$F2")" = "4/4"
eq "the demo's acknowledged batch is untouched by it" "$(sus_counters | cut -d/ -f2)" "${demo_before#*/}"

# --- The batch log: each admin its own förbund's.
mk_account "${P}_admin" "$O2" admin "Admin Testförbundet"
eq "the second förbund's admin logs in" "$(as "${P}_admin")" 303
aget "${P}_admin" /admin/sus > /dev/null
expect_body "its batch log has its numbering" "Senaste batch: 4. Senast kvitterad: 4."
eq "... and lists its 4 batches" "$(grep -c '^<tr>$' "$BODY")" 4
check "... none made by the demo's account" body_lacks "<td>sus-job</td>"
aget admin /admin/sus > /dev/null
check "the demo admin's batch log lists none of the second's" body_lacks "<td>${P}_job</td>"

# --- Off again: nothing of the second förbund left for later tests.
q "DELETE FROM sus_batch_item WHERE forbund_id = $F2;
	DELETE FROM sus_batch_count WHERE forbund_id = $F2;
	DELETE FROM sus_batch_part WHERE forbund_id = $F2;
	DELETE FROM sus_batch WHERE forbund_id = $F2;
	DELETE FROM sus_state WHERE forbund_id = $F2;
	DELETE FROM sus_answer WHERE participation_id = $X2;
	DELETE FROM sus_question WHERE code LIKE 'tf%$$';
	DELETE c FROM consent c JOIN participation p ON p.referral_id = c.referral_id WHERE p.id = $X2;
	DELETE FROM participation_person WHERE participation_id = $X2;
	DELETE FROM participation WHERE id = $X2;
	DELETE ri FROM referral_income ri JOIN referral r ON r.id = ri.referral_id WHERE r.insats_id = $I2;
	DELETE rp FROM referral_person rp JOIN referral r ON r.id = rp.referral_id WHERE r.insats_id = $I2;
	DELETE FROM referral WHERE insats_id = $I2;
	DELETE FROM person WHERE personnummer = '$PNR2'"
eq "nothing of its participant is left" "$(q "SELECT COUNT(*) FROM participation WHERE insats_id = $I2")" 0
done_testing
