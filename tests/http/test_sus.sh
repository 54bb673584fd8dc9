# The SUS export: the integration job's API (token, batches, acknowledgement,
# rate limit), the consent rules, register quality, Uppföljning Finsam, the
# batch log and the command line (atomic file, crash, re-fetch). Every
# document any step produces is checked with xmllint --schema as well.
. "$(dirname "$0")/lib.sh"
XSD="$ROOT/conf/sus-export-2.xsd" # the default version
CONF="$VAR/stegvis.conf"
WORK=$(mktemp -d)
at_exit 'rm -rf "$WORK"'

token=$(new_api_token sus-job)
sql_admin "DELETE FROM sus_request"
AUTH=(-H "Authorization: Bearer $token")
JOB=$(staff_id_of sus-job)
FVI=$(insats_id_of "Friska Vindar 2.0")

# n_docs: every document fetched is copied here and validated at the end too.
ndoc=0
keep_doc() { ndoc=$((ndoc + 1)); cp "$BODY" "$WORK/doc-$ndoc.xml"; }
# valid FILE: xmllint --schema accepts it.
valid() { xmllint --noout --schema "$XSD" "$1" > /dev/null 2>&1; }
sus() { printf "*[local-name()='%s']" "$1"; }

# new_batch: POST for the next batch; the status in ST; a document is kept
# (not in a subshell: keep_doc counts).
ST=
new_batch() {
	ST=$(fetch -X POST "${AUTH[@]}" "$@" "$BASE/api/sus/batcher")
	if [ "$ST" = 201 ]; then keep_doc; fi
}
ack() { fetch -X POST "${AUTH[@]}" "$BASE/api/sus/batcher/$1/kvittens"; }
batch_header() { grep -i '^X-SUS-Batch:' "$HEAD" | tr -d '\r' | awk '{print $2}'; }

# --- A clean start: acknowledge whatever the shared stack has pending.
for _ in 1 2 3; do
	new_batch
	st=$ST
	[ "$st" = 201 ] || break
	ack "$(batch_header)" > /dev/null
done
check "nothing pending at the start (204 after acknowledging)" test "$st" = 204

# --- Authentication: only the integration account's token, never a session.
expect_status "no token: 401" 401 -X POST "$BASE/api/sus/batcher"
expect_header "a 401 says Bearer" "WWW-Authenticate: Bearer"
check "a 401 body tells nothing" test "$(cat "$BODY")" = "Unauthorized"
expect_status "a malformed token: 401" 401 -H "Authorization: Bearer xyz" "$BASE/api/sus/schema"
expect_status "Bearer without a token: 401" 401 -H "Authorization: Bearer " "$BASE/api/sus/schema"
expect_status "a wrong token: 401" 401 -H "Authorization: Bearer $(printf '%064d' 3)" -X POST "$BASE/api/sus/batcher"
expect_status "Basic auth: 401" 401 -u "sus-job:x" "$BASE/api/sus/batcher/1"
session admin admin
expect_status "an admin session cookie: 401" 401 -b "$admin" "$BASE/api/sus/batcher/1"
expect_status "an admin session cannot acknowledge: 401" 401 -b "$admin" -X POST "$BASE/api/sus/batcher/1/kvittens"
check "nothing leaks in a 401 (no XML, no personnummer)" \
	bash -c "! grep -qE '<|[0-9]{12}' '$BODY'"
before=$(sus_counters)
expect_status "a wrong token cannot create a batch" 401 -H "Authorization: Bearer $(printf '%064d' 4)" -X POST "$BASE/api/sus/batcher"
check "and no batch was made" test "$(sus_counters)" = "$before"

# --- The schema endpoint hands out the XSD.
expect_status "the XSD with the token" 200 "${AUTH[@]}" "$BASE/api/sus/schema"
check "it is the schema file" cmp -s "$BODY" "$XSD"

# --- Pick participations of Friska Vindar 2.0 (insats 1): ended, complete,
# no protected identity, no SUS consent in force (none, a no, or revoked).
pick() {
	sql_admin "SELECT p.id FROM participation p JOIN participation_person pe ON pe.participation_id = p.id
		JOIN referral r ON r.id = p.referral_id
		WHERE p.insats_id = $FVI AND p.status = 'avslutad' AND pe.protected_identity = 0
		AND r.education_code IS NOT NULL AND r.support_time_code IS NOT NULL
		AND p.end_reason_code <> 'felregistrering' AND pe.home_municipality <> ''
		AND EXISTS (SELECT 1 FROM referral_income ri WHERE ri.referral_id = r.id)
		AND EXISTS (SELECT 1 FROM participation_income_after pa WHERE pa.participation_id = p.id)
		AND p.occupation_before_code IS NOT NULL AND p.occupation_after_code IS NOT NULL
		AND NOT EXISTS (SELECT 1 FROM consent c WHERE c.referral_id = p.referral_id AND c.kind = 'sus'
		                AND c.state = 'aktiv' AND c.answer = 'ja')
		ORDER BY p.id LIMIT $1"
}
read -r -a P <<< "$(pick 8 | tr '\n' ' ')"
check "eight complete demo participations to work with" test "${#P[@]}" = 8
reg_count() { xp "$1" "count(//$(sus registrering)[@deltagande='$2'])"; }

# --- A consent: the participation is registered by identity.
give_participation_sus_consent "${P[0]}"
give_participation_sus_consent "${P[1]}" nej
new_batch
st=$ST
check "a consent gives a new batch (201)" test "$st" = 201
b1=$(batch_header)
doc1="$WORK/doc-$ndoc.xml"
expect_header "Location of the batch" "Location: /api/sus/batcher/$b1"
check "the document follows the XSD" valid "$doc1"
check "the consenting participation is registered as new" \
	test "$(xp "$doc1" "string(//$(sus registrering)[@deltagande='${P[0]}']/@handelse)")" = ny
check "with its personnummer" grep -q "<personnummer>$(pnr_of "${P[0]}")</personnummer>" "$doc1"
check "an ended participation carries its utregistrering" \
	test "$(xp "$doc1" "count(//$(sus registrering)[@deltagande='${P[0]}']/$(sus utregistrering))")" = 1
check "a consent answered no is not registered" test "$(reg_count "$doc1" "${P[1]}")" = 0
check "nor is its personnummer anywhere" bash -c "! grep -q '$(pnr_of "${P[1]}")' '$doc1'"
check "the summary counts the registration" \
	test "$(xp "$doc1" "string(//$(sus summering)/@nya)")" = 1
check "the export is in the access log with the personnummer" \
	test "$(sql_admin "SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND personnummer = '$(pnr_of "${P[0]}")'")" -ge 1

# Fetching again gives the same bytes.
expect_status "the batch can be fetched again" 200 "${AUTH[@]}" "$BASE/api/sus/batcher/$b1"
check "byte for byte the same document" cmp -s "$BODY" "$doc1"
sha=$(grep -i '^X-SUS-SHA256:' "$HEAD" | tr -d '\r' | awk '{print $2}')
check "its SHA-256 header matches" test "$sha" = "$(sha256sum "$doc1" | cut -d' ' -f1)"
expect_status "a batch that does not exist: 404" 404 "${AUTH[@]}" "$BASE/api/sus/batcher/999999"
# HEAD: the headers only, and not a fetch (no count, no access-log rows).
fetches=$(sql_admin "SELECT fetches FROM sus_batch WHERE batch_no = $b1 AND forbund_id = $SUS_DEMO_FORBUND")
logrows=$(sql_admin "SELECT COUNT(*) FROM audit_log WHERE detail LIKE 'SUS-batch $b1 hämtad%'")
expect_status "HEAD on a batch" 200 -I "${AUTH[@]}" "$BASE/api/sus/batcher/$b1"
expect_header "gives its SHA-256" "X-SUS-SHA256: $sha"
expect_header "and its length" "Content-Length: $(stat -c %s "$doc1")"
check "no body (no XML)" bash -c "! grep -q '<' '$BODY'"
check "is not counted as a fetch" test "$(sql_admin "SELECT fetches FROM sus_batch WHERE batch_no = $b1 AND forbund_id = $SUS_DEMO_FORBUND")" = "$fetches"
check "and writes no access-log rows" \
	test "$(sql_admin "SELECT COUNT(*) FROM audit_log WHERE detail LIKE 'SUS-batch $b1 hämtad%'")" = "$logrows"

# --- Not acknowledged: the next batch repeats it (nothing is lost).
give_participation_sus_consent "${P[2]}"
new_batch
b2=$(batch_header)
doc2="$WORK/doc-$ndoc.xml"
check "an unacknowledged batch is repeated in the next one" \
	test "$(reg_count "$doc2" "${P[0]}")" = 1
check "together with the new change" test "$(reg_count "$doc2" "${P[2]}")" = 1
check "built on the same acknowledged batch" \
	test "$(xp "$doc2" "string(/*/@basedOn)")" = "$(xp "$doc1" "string(/*/@basedOn)")"
expect_status "acknowledge the newer batch" 200 "${AUTH[@]}" -X POST "$BASE/api/sus/batcher/$b2/kvittens"
expect_status "acknowledging again is harmless" 200 "${AUTH[@]}" -X POST "$BASE/api/sus/batcher/$b2/kvittens"
expect_body "and says so" "Redan kvitterad"
expect_status "the older batch can no longer be acknowledged (409)" 409 "${AUTH[@]}" -X POST "$BASE/api/sus/batcher/$b1/kvittens"
expect_status "acknowledging a batch that does not exist: 404" 404 "${AUTH[@]}" -X POST "$BASE/api/sus/batcher/999999/kvittens"

# --- Acknowledged batches are not re-sent.
new_batch
check "nothing new after the acknowledgement (204)" test "$ST" = 204

# --- A correction: a registered value changes.
sql_admin "UPDATE participation_person pe JOIN participation p ON p.id = pe.participation_id
	SET pe.home_municipality = 'Vänersborg' WHERE p.id = ${P[2]}"
new_batch
b3=$(batch_header)
doc3="$WORK/doc-$ndoc.xml"
check "a changed value is sent as a correction" \
	test "$(xp "$doc3" "string(//$(sus registrering)[@deltagande='${P[2]}']/@handelse)")" = rattelse
check "with the new value" grep -q "<folkbokforingskommun>1487</folkbokforingskommun>" "$doc3"
check "and nothing else" test "$(xp "$doc3" "count(//$(sus registrering))")" = 1
ack "$b3" > /dev/null

# --- Consent revoked: withdrawn, then counted anonymously.
year=$(sql_admin "SELECT YEAR(start_date) FROM participation WHERE id = ${P[0]}")
gender=$(sql_admin "SELECT pe.gender FROM participation p JOIN participation_person pe ON pe.participation_id = p.id WHERE p.id = ${P[0]}")
# The group as the receiver has it (the latest acknowledged count): it
# holds the anonymous participations and, in version 2, the held-back ones
# never sent.
group_before=$(sql_admin "SELECT c.started FROM sus_batch_count c JOIN sus_batch b ON b.batch_no = c.batch_no AND b.forbund_id = c.forbund_id
	WHERE b.state = 'kvitterad' AND c.insats_id = $FVI AND c.year = $year AND c.gender = '$gender'
	ORDER BY c.batch_no DESC LIMIT 1")
revoke_participation_sus_consent "${P[0]}"
new_batch
b4=$(batch_header)
doc4="$WORK/doc-$ndoc.xml"
check "a revoked consent withdraws the registration in the next batch" \
	test "$(xp "$doc4" "string(//$(sus avregistrering)[@deltagande='${P[0]}']/@orsak)")" = anonymiserad
check "the revoked person's personnummer is not in it" bash -c "! grep -q '$(pnr_of "${P[0]}")' '$doc4'"
check "the anonymous count of the group grows by one" \
	test "$(xp "$doc4" "string(//$(sus antal)[@insats='1' and @ar='$year' and @kon='$gender']/@inskrivna)")" = $((group_before + 1))
check "the batch follows the XSD" valid "$doc4"
ack "$b4" > /dev/null
new_batch
check "the withdrawal is not sent again (204)" test "$ST" = 204

# --- Protected identity: never by identity, even with a consent. Here
# only the referral's record says so (the insats's does not): either is
# enough, as the status box says (sql/0022's two records).
sql_admin "UPDATE referral_person rp JOIN participation p ON p.referral_id = rp.referral_id SET rp.protected_identity = 1 WHERE p.id = ${P[3]}"
give_participation_sus_consent "${P[3]}"
# And a correction beside it, so that a batch is certainly made (a 204
# would leave the previous document to inspect).
sql_admin "UPDATE participation_person pe JOIN participation p ON p.id = pe.participation_id SET pe.home_municipality = 'Uddevalla' WHERE p.id = ${P[2]}"
new_batch
doc5="$WORK/doc-$ndoc.xml"
check "a batch is made beside the protected identity (201)" test "$ST" = 201
check "it is that batch's document" test "$(xp "$doc5" "string(/*/@batch)")" = "$(batch_header)"
check "it holds the correction" grep -q "<folkbokforingskommun>1485</folkbokforingskommun>" "$doc5"
check "protected identity with a consent is not registered" test "$(reg_count "$doc5" "${P[3]}")" = 0
check "nor its personnummer" bash -c "! grep -q '$(pnr_of "${P[3]}")' '$doc5'"
ack "$(batch_header)" > /dev/null

# --- Felregistrering: a registered participation is withdrawn.
give_participation_sus_consent "${P[4]}"
new_batch
ack "$(batch_header)" > /dev/null
sql_admin "UPDATE participation SET status = 'felregistrerad', end_reason_code = 'felregistrering' WHERE id = ${P[4]}"
new_batch
doc6="$WORK/doc-$ndoc.xml"
check "felregistrering withdraws the registration" \
	test "$(xp "$doc6" "string(//$(sus avregistrering)[@deltagande='${P[4]}']/@orsak)")" = felregistrering
ack "$(batch_header)" > /dev/null

# --- Register quality: an incomplete registration is held back.
ref5=$(sql_admin "SELECT referral_id FROM participation WHERE id = ${P[5]}")
edu5=$(sql_admin "SELECT education_code FROM referral WHERE id = $ref5")
sql_admin "UPDATE referral SET education_code = NULL WHERE id = $ref5"
give_participation_sus_consent "${P[5]}"
new_batch
# The participation leaves the anonymous counts (it has a consent), so a
# batch may come, but without it.
if [ "$ST" = 201 ]; then
	check "an incomplete registration is held back, not sent" test "$(reg_count "$WORK/doc-$ndoc.xml" "${P[5]}")" = 0
	check "the batch log counts it as waiting" \
		test "$(sql_admin "SELECT n_held_back FROM sus_batch WHERE batch_no = $(batch_header) AND forbund_id = $SUS_DEMO_FORBUND")" -ge 1
	ack "$(batch_header)" > /dev/null
else
	check "an incomplete registration is held back, not sent (204)" test "$ST" = 204
fi
session fv personal.fv
expect_status "the register quality page" 200 -b "$fv" "$BASE/sus/kvalitet"
expect_body "lists the participation with a link to fix it" "href=\"/deltagande/${P[5]}#sus-uppgifter\""
expect_body "and says what is missing" "utbildning"
expect_body "and that it is held back" "Hålls kvar"
check "the quality page read is in the access log" \
	test "$(sql_admin "SELECT COUNT(*) FROM audit_log WHERE detail = 'SUS-registerkvalitet'")" -ge 1
session tramp personal.tramp
fetch -b "$tramp" "$BASE/sus/kvalitet" > /dev/null
check "another insats's staff do not see it" bash -c "! grep -q 'href=\"/deltagande/${P[5]}#' '$BODY'"
sql_admin "UPDATE referral SET education_code = '$edu5' WHERE id = $ref5"
new_batch
doc7="$WORK/doc-$ndoc.xml"
check "once complete it is sent" test "$(reg_count "$doc7" "${P[5]}")" = 1
b7=$(batch_header)

# --- Validation before handing out: a code outside the schema stops it.
last=$(sus_last_batch)
code5=$(sql_admin "SELECT sus_code FROM code_education WHERE code = '$edu5'")
sql_admin "UPDATE code_education SET sus_code = 'U7' WHERE code = '$edu5'"
sql_admin "UPDATE participation_person pe JOIN participation p ON p.id = pe.participation_id SET pe.home_municipality = 'Grästorp' WHERE p.id = ${P[5]}"
LOG="$VAR/log/stegvis.log"
log_size() { stat -c %s "$LOG"; }
new_log() { tail -c +$(($1 + 1)) "$LOG"; } # new_log SIZE: what came after
logged=$(log_size)
expect_status "an export that fails the XSD is not handed out (500)" 500 -X POST "${AUTH[@]}" "$BASE/api/sus/batcher"
check "and no batch was made" test "$(sus_last_batch)" = "$last"
check "the reason is logged (in this run)" bash -c "tail -c +$((logged + 1)) '$LOG' | grep -q 'följer inte schemat.*element utbildning'"
sql_admin "UPDATE code_education SET sus_code = '$code5' WHERE code = '$edu5'"
# A personnummer the schema refuses: the log and the command line name the
# element and the participation, never the value.
pnr5=$(pnr_of "${P[5]}")
badpnr="18${pnr5:2}"
sql_admin "UPDATE person pe JOIN participation p ON p.person_id = pe.id SET pe.personnummer = '$badpnr' WHERE p.id = ${P[5]}"
logged=$(log_size)
expect_status "a personnummer outside the schema stops the export (500)" 500 -X POST "${AUTH[@]}" "$BASE/api/sus/batcher"
new_log "$logged" > "$WORK/newlog"
check "the log names the element and the participation" \
	grep -q "element personnummer, deltagande ${P[5]}" "$WORK/newlog"
check "but not the personnummer" bash -c "! grep -q '${badpnr:2}' '$WORK/newlog'"
"$BIN" sus-export -c "$CONF" --forbund SOFTLEG --out "$WORK/bad.xml" > "$WORK/cli.out" 2> "$WORK/cli.err"
rc=$?
check "the command line fails on it (status $rc)" test "$rc" -ne 0
check "its message names the element and the participation" \
	grep -q "element personnummer, deltagande ${P[5]}" "$WORK/cli.err"
check "but not the personnummer (cron mails it)" bash -c "! grep -q '${badpnr:2}' '$WORK/cli.err' '$WORK/cli.out'"
check "and writes no file" test ! -e "$WORK/bad.xml"
check "and no batch was made by either" test "$(sus_last_batch)" = "$last"
sql_admin "UPDATE person pe JOIN participation p ON p.person_id = pe.id SET pe.personnummer = '$pnr5' WHERE p.id = ${P[5]}"
check "since that is not acknowledged: 409" test "$(fetch -X POST "${AUTH[@]}" --data 'since=999999' "$BASE/api/sus/batcher")" = 409
check "since that is not a number: 400" test "$(fetch -X POST "${AUTH[@]}" --data 'since=x' "$BASE/api/sus/batcher")" = 400
ack "$b7" > /dev/null

# --- The command line: atomic file, re-fetch, acknowledgement, crash.
sql_admin "DELETE FROM sus_request" # this test itself makes many requests
out="$WORK/cli/sus.xml"
mkdir -p "$WORK/cli"
sql_admin "UPDATE participation_person pe JOIN participation p ON p.id = pe.participation_id SET pe.home_municipality = 'Dals-Ed' WHERE p.id = ${P[5]}"
check "stegvis sus-export writes the next batch" quiet "$BIN" sus-export -c "$CONF" --forbund SOFTLEG --out "$out"
check "the file follows the XSD" valid "$out"
cp "$out" "$WORK/doc-cli.xml"
cb=$(xp "$out" "string(/*/@batch)")
check "it holds the change" grep -q "<folkbokforingskommun>1438</folkbokforingskommun>" "$out"
check "and only the file: no temporary left" test "$(ls -A "$WORK/cli")" = sus.xml
check "--batch fetches the same document again" quiet "$BIN" sus-export -c "$CONF" --forbund SOFTLEG --batch "$cb" --out "$WORK/cli/again.xml"
check "byte for byte" cmp -s "$out" "$WORK/cli/again.xml"
expect_status "over HTTP too" 200 "${AUTH[@]}" "$BASE/api/sus/batcher/$cb"
check "the same bytes as the file" cmp -s "$BODY" "$out"
check "--ack acknowledges it" quiet "$BIN" sus-export -c "$CONF" --forbund SOFTLEG --ack "$cb"
rm -f "$WORK/cli/again.xml"
# A crash mid-export: no partial file, no stray temporary, no batch.
sql_admin "UPDATE participation_person pe JOIN participation p ON p.id = pe.participation_id SET pe.home_municipality = 'Trollhättan' WHERE p.id IN (${P[2]}, ${P[5]})"
# The production binary has no crash hook: the variable does nothing.
check "the installed binary ignores STEGVIS_SUS_CRASH_AFTER" \
	bash -c "STEGVIS_SUS_CRASH_AFTER=1 '$BIN' sus-export -c '$CONF' --forbund SOFTLEG --out '$WORK/nohook.xml' > /dev/null 2>&1 && test -s '$WORK/nohook.xml'"
rm -f "$WORK/nohook.xml"
# The test build has it (make check builds build/stegvis-testhooks).
last=$(sus_last_batch)
{ (STEGVIS_SUS_CRASH_AFTER=1 exec "$BIN-testhooks" sus-export -c "$CONF" --forbund SOFTLEG --out "$WORK/cli/crash.xml" > /dev/null 2>&1); } 2> /dev/null
rc=$?
check "the crash hook kills the export (status $rc)" test "$rc" -ne 0
check "no partial file after a crash" test ! -e "$WORK/cli/crash.xml"
check "no stray temporary after a crash" test "$(ls -A "$WORK/cli")" = sus.xml
check "no batch was recorded by the crashed export" test "$(sus_last_batch)" = "$last"
check "the next export has both changes" quiet "$BIN" sus-export -c "$CONF" --forbund SOFTLEG --out "$WORK/cli/crash.xml"
check "both" test "$(xp "$WORK/cli/crash.xml" "count(//$(sus registrering))")" = 2
cp "$WORK/cli/crash.xml" "$WORK/doc-cli2.xml"
last=$(sus_last_batch)
check "an unwritable --out directory fails" \
	bash -c "! '$BIN' sus-export -c '$CONF' --forbund SOFTLEG --out /proc/sus.xml > /dev/null 2>&1"
check "without a batch (batch $(sus_last_batch) is still the last)" test "$(sus_last_batch)" = "$last"
# From a checkout after `make run`, with no arguments at all: var/stegvis.conf.
mkdir -p "$WORK/checkout"
ln -s "$VAR" "$WORK/checkout/var"
ln -s "$ROOT/conf" "$WORK/checkout/conf"
# The demo has two förbund: with no --forbund the command names them and
# makes no batch; with it, the file in sus_export_dir carries the förbund.
nb=$(xp "$WORK/cli/crash.xml" "string(/*/@batch)")
(cd "$WORK/checkout" && "$BIN" sus-export > "$WORK/noargs.out" 2>&1)
check "with two förbund and no --forbund it refuses" grep -q 'ange vilket med --forbund' "$WORK/noargs.out"
check "... naming both" bash -c "grep -q 'SOFTLEG' '$WORK/noargs.out' && grep -q 'EXEMPEL' '$WORK/noargs.out'"
check "... and makes no batch" test "$(sus_last_batch)" = "$nb"
(cd "$WORK/checkout" && "$BIN" sus-export --forbund SOFTLEG > "$WORK/noargs.out" 2>&1)
F1=$(forbund_id_of SOFTLEG)
check "with only --forbund it uses make run's conf and sus_export_dir" \
	test -s "$VAR/sus/sus-batch-$F1-$(printf '%06d' $((nb + 1))).xml"
check "that file follows the XSD too" valid "$VAR/sus/sus-batch-$F1-$(printf '%06d' $((nb + 1))).xml"
ack $((nb + 1)) > /dev/null
# The rename fails after the batch is committed (--out names a directory):
# the command says which batch it was and how to get it, and fails.
sql_admin "UPDATE participation_person pe JOIN participation p ON p.id = pe.participation_id SET pe.home_municipality = 'Åmål' WHERE p.id = ${P[5]}"
mkdir -p "$WORK/cli/adir/x"
last=$(sus_last_batch)
"$BIN" sus-export -c "$CONF" --forbund SOFTLEG --out "$WORK/cli/adir" > "$WORK/rename.out" 2> "$WORK/rename.err"
rc=$?
check "a failed rename fails the command (status $rc)" test "$rc" -ne 0
check "the batch was recorded" test "$(sus_last_batch)" = $((last + 1))
check "and the message says how to fetch it" grep -q -- "--batch $((last + 1))" "$WORK/rename.err"
check "no stray temporary beside it" test "$(ls -A "$WORK/cli" | grep -c '\.tmp$')" = 0
check "--batch then fetches it" quiet "$BIN" sus-export -c "$CONF" --forbund SOFTLEG --batch $((last + 1)) --out "$WORK/cli/renamed.xml"
check "with the change" grep -q "<folkbokforingskommun>1492</folkbokforingskommun>" "$WORK/cli/renamed.xml"
ack $((last + 1)) > /dev/null

# --- The batch log (admin) and who may see it.
expect_status "the batch log" 200 -b "$admin" "$BASE/admin/sus"
expect_body "lists the batches" "<td>$b7</td>"
expect_body "with the state" "Kvitterad"

# --- Two batches on the same base: the older cannot be acknowledged after
# the newer. Batch A registers P6; then P6's consent is revoked; batch B
# (still on the same base, A is not acknowledged) knows nothing of P6. If A
# then B were acknowledged, the receiver would keep P6's personnummer.
sql_admin "DELETE FROM sus_request"
give_participation_sus_consent "${P[6]}"
new_batch
bA=$(batch_header)
check "batch A registers the new consent" test "$(reg_count "$WORK/doc-$ndoc.xml" "${P[6]}")" = 1
revoke_participation_sus_consent "${P[6]}"
sql_admin "UPDATE participation_person pe JOIN participation p ON p.id = pe.participation_id SET pe.home_municipality = 'Mellerud' WHERE p.id = ${P[2]}"
new_batch
bB=$(batch_header)
docB="$WORK/doc-$ndoc.xml"
check "batch B is made on the same base as A" \
	test "$ST/$(xp "$docB" "string(/*/@basedOn)")" = "201/$(sql_admin "SELECT base_no FROM sus_batch WHERE batch_no = $bA AND forbund_id = $SUS_DEMO_FORBUND")"
check "B says nothing of P6 (the receiver had nothing of it at the base)" \
	bash -c "! grep -q 'deltagande=\"${P[6]}\"' '$docB'"
expect_status "acknowledge A" 200 "${AUTH[@]}" -X POST "$BASE/api/sus/batcher/$bA/kvittens"
expect_status "B, built before A was acknowledged, is refused (409)" 409 "${AUTH[@]}" -X POST "$BASE/api/sus/batcher/$bB/kvittens"
expect_body "with a one-line reason" "skapa en ny batch"
check "A stays the last acknowledged batch" test "$(sql_admin "SELECT last_acked_no FROM sus_state WHERE forbund_id = $SUS_DEMO_FORBUND")" = "$bA"
new_batch
docC="$WORK/doc-$ndoc.xml"
check "the next batch withdraws P6" \
	test "$(xp "$docC" "string(//$(sus avregistrering)[@deltagande='${P[6]}']/@orsak)")" = anonymiserad
check "and carries B's correction" grep -q "<folkbokforingskommun>1461</folkbokforingskommun>" "$docC"
check "without P6's personnummer" bash -c "! grep -q '$(pnr_of "${P[6]}")' '$docC'"
expect_status "and can be acknowledged" 200 "${AUTH[@]}" -X POST "$BASE/api/sus/batcher/$(batch_header)/kvittens"

# --- since: only the last acknowledged batch or 0 (a full replacement). A
# batch on an older base would not withdraw P7, first sent after it.
old=$(sql_admin "SELECT last_acked_no FROM sus_state WHERE forbund_id = $SUS_DEMO_FORBUND")
give_participation_sus_consent "${P[7]}"
new_batch
check "P7 is registered" test "$(reg_count "$WORK/doc-$ndoc.xml" "${P[7]}")" = 1
ack "$(batch_header)" > /dev/null
last_acked=$(sql_admin "SELECT last_acked_no FROM sus_state WHERE forbund_id = $SUS_DEMO_FORBUND")
revoke_participation_sus_consent "${P[7]}"
last=$(sus_last_batch)
check "since an older acknowledged batch: 409" \
	test "$(fetch -X POST "${AUTH[@]}" --data "since=$old" "$BASE/api/sus/batcher")" = 409
check "and no batch was made" test "$(sus_last_batch)" = "$last"
new_batch --data "since=0"
docF="$WORK/doc-$ndoc.xml"
bF=$(batch_header)
check "since=0 gives a full replacement (201)" test "$ST" = 201
check "it says so: basedOn 0, fullstandig true" \
	test "$(xp "$docF" "string(/*/@basedOn)")/$(xp "$docF" "string(/*/@fullstandig)")" = 0/true
check "it withdraws P7, sent after any older base" \
	test "$(xp "$docF" "string(//$(sus avregistrering)[@deltagande='${P[7]}']/@orsak)")" = anonymiserad
check "without P7's personnummer" bash -c "! grep -q '$(pnr_of "${P[7]}")' '$docF'"
check "it carries unchanged registrations too" test "$(reg_count "$docF" "${P[5]}")" = 1
check "and it follows the XSD" valid "$docF"
check "an ordinary batch says fullstandig false" \
	test "$(xp "$docC" "string(/*/@fullstandig)")" = false
expect_status "a full replacement built on the last acknowledged state can be acknowledged" 200 "${AUTH[@]}" -X POST "$BASE/api/sus/batcher/$bF/kvittens"
new_batch
check "after it nothing is pending (204)" test "$ST" = 204
new_batch --data "since=$bF"
check "since the last acknowledged batch is allowed (204: nothing changed)" test "$ST" = 204

# --- One export or acknowledgement at a time, and nobody queues: while
# another holds the lock, 409 with Retry-After at once, never a 500.
sql_admin "DELETE FROM sus_request"
sql_admin "UPDATE participation_person pe JOIN participation p ON p.id = pe.participation_id SET pe.home_municipality = 'Bengtsfors' WHERE p.id = ${P[2]}"
(sql_admin "BEGIN; SELECT last_batch_no FROM sus_state WHERE forbund_id = $SUS_DEMO_FORBUND FOR UPDATE; SELECT SLEEP(6); COMMIT" > /dev/null) &
holder=$!
lock_held() { [ "$(sql_admin "SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE 'SELECT SLEEP(6)%'")" -ge 1 ]; }
check "a session holds the export lock" wait_for 5 lock_held
last=$(sus_last_batch)
expect_status "an export meanwhile: 409 at once, not a queue" 409 -X POST "${AUTH[@]}" "$BASE/api/sus/batcher"
expect_header "with Retry-After" "Retry-After: 5"
expect_body "in Swedish" "En annan export eller kvittens pågår"
expect_body "and English" "Another export or acknowledgement is in progress"
expect_status "an acknowledgement meanwhile: 409 too" 409 "${AUTH[@]}" -X POST "$BASE/api/sus/batcher/$bF/kvittens"
expect_header "with Retry-After" "Retry-After: 5"
"$BIN" sus-export -c "$CONF" --forbund SOFTLEG --out "$WORK/busy.xml" > /dev/null 2> "$WORK/busy.err"
rc=$?
check "the command line fails at once with a message (status $rc)" \
	bash -c "[ $rc -ne 0 ] && grep -q 'pågår' '$WORK/busy.err' && [ ! -e '$WORK/busy.xml' ]"
check "no batch was made meanwhile" test "$(sus_last_batch)" = "$last"
wait "$holder"
# Two exports at once: one may be refused (409), or both run one after the
# other; never a 500.
for i in 1 2; do
	curl -sS -o /dev/null -w '%{http_code}' --max-time 20 -X POST "${AUTH[@]}" "$BASE/api/sus/batcher" > "$WORK/par-$i" 2> /dev/null &
done
wait
par="$(cat "$WORK/par-1") $(cat "$WORK/par-2")"
check "two concurrent exports: 201 and 409, or both served ($par)" \
	bash -c "case '$par' in '201 409'|'409 201'|'201 201'|'201 204'|'204 201') exit 0 ;; *) exit 1 ;; esac"
ack "$(sus_last_batch)" > /dev/null

# --- Retention: documents of batches acknowledged long ago are deleted.
# Acknowledged 91 days ago; nothing has changed since, so the export makes
# no batch (204) and must purge all the same.
sql_admin "UPDATE sus_batch SET acked_at = UTC_TIMESTAMP(3) - INTERVAL 91 DAY WHERE batch_no = $b2 AND forbund_id = $SUS_DEMO_FORBUND"
check "the old document is still there before the export" \
	test "$(sql_admin "SELECT COUNT(*) FROM sus_batch_part WHERE batch_no = $b2 AND forbund_id = $SUS_DEMO_FORBUND")" -ge 1
new_batch
check "nothing changed: no batch (204)" test "$ST" = 204
expect_status "an old acknowledged document is gone (410)" 410 "${AUTH[@]}" "$BASE/api/sus/batcher/$b2"
check "its chunks are deleted" test "$(sql_admin "SELECT COUNT(*) FROM sus_batch_part WHERE batch_no = $b2 AND forbund_id = $SUS_DEMO_FORBUND")" = 0
check "its log row stays" test "$(sql_admin "SELECT COUNT(*) FROM sus_batch WHERE batch_no = $b2 AND doc_purged_at IS NOT NULL AND forbund_id = $SUS_DEMO_FORBUND")" = 1
expect_status "a recent one is still there" 200 "${AUTH[@]}" "$BASE/api/sus/batcher/$b7"
# An acknowledgement purges too, even one that changes nothing.
sql_admin "UPDATE sus_batch SET acked_at = UTC_TIMESTAMP(3) - INTERVAL 91 DAY WHERE batch_no = $b3 AND forbund_id = $SUS_DEMO_FORBUND"
expect_status "acknowledging an acknowledged batch again" 200 "${AUTH[@]}" -X POST "$BASE/api/sus/batcher/$b7/kvittens"
check "purges the document acknowledged 91 days ago" \
	test "$(sql_admin "SELECT COUNT(*) FROM sus_batch_part WHERE batch_no = $b3 AND forbund_id = $SUS_DEMO_FORBUND")/$(sql_admin "SELECT doc_purged_at IS NOT NULL FROM sus_batch WHERE batch_no = $b3 AND forbund_id = $SUS_DEMO_FORBUND")" = 0/1
expect_status "a recent one is still there after it" 200 "${AUTH[@]}" "$BASE/api/sus/batcher/$b7"

# --- Uppföljning Finsam: counts per insats and gender.
session fb forbund
y=$(sql_admin "SELECT YEAR(MIN(start_date)) FROM participation WHERE insats_id = $FVI")
expect_status "Uppföljning Finsam for a year" 200 -b "$fb" "$BASE/sus/finsam?fran=$y-01-01&till=$y-12-31"
expect_body "names the insats" "Friska Vindar 2.0"
expect_status "as CSV" 200 -b "$fb" "$BASE/sus/finsam.csv?fran=$y-01-01&till=$y-12-31"
check "CSV header" test "$(head -n 1 "$BODY" | tr -d '\r')" = '"insats";"period_fran";"period_till";"kon";"deltagare";"nya";"avslutade"'
want=$(sql_admin "SELECT COUNT(*) FROM participation p LEFT JOIN code_end_reason cer ON cer.code = p.end_reason_code
	JOIN insats i ON i.id = p.insats_id AND i.forbund_id = $SUS_DEMO_FORBUND
	WHERE p.status <> 'felregistrerad' AND COALESCE(cer.outcome, '') <> 'felregistrering'
	AND p.start_date <= '$y-12-31' AND (p.end_date IS NULL OR p.end_date >= '$y-01-01')")
got=$(tail -n +2 "$BODY" | tr -d '\r"' | awk -F';' '{ s += $5 } END { print s + 0 }')
check "the CSV counts every participant of the förbund and period ($got = $want)" test "$got" = "$want"
check "no personnummer in the CSV" bash -c "! grep -qE '[0-9]{12}' '$BODY'"
expect_status "a bad period is a Swedish error, not a 500" 200 -b "$fb" "$BASE/sus/finsam?fran=2024-13-01"
expect_body "with the message" "class=\"error\""
expect_status "the CSV with a bad period: 400" 400 -b "$fb" "$BASE/sus/finsam.csv?fran=x"

# --- Rate limit: too many requests in the window -> 429 with Retry-After.
sql_admin "DELETE FROM sus_request"
# 59 requests already in the window (as the database records them), then
# two more over HTTP: the limit is 60.
sql_admin "INSERT INTO sus_request (forbund_id, staff_id, at) SELECT $SUS_DEMO_FORBUND, $JOB, UTC_TIMESTAMP(3) FROM seq_1_to_59"
expect_status "the 60th request in the window is served" 200 "${AUTH[@]}" "$BASE/api/sus/schema"
expect_status "the 61st is refused (429)" 429 "${AUTH[@]}" "$BASE/api/sus/schema"
ra=$(grep -i '^Retry-After:' "$HEAD" | tr -d '\r' | awk '{print $2}')
check "with Retry-After in seconds ($ra)" bash -c "[ '$ra' -ge 1 ] && [ '$ra' -le 600 ]"
check "the 429 says so in one line" grep -q "För många anrop" "$BODY"
expect_status "creating a batch is refused too" 429 -X POST "${AUTH[@]}" "$BASE/api/sus/batcher"
check "the limit is per förbund and in the database" \
	test "$(sql_admin "SELECT COUNT(*) FROM sus_request WHERE forbund_id = $SUS_DEMO_FORBUND")" = 60
sql_admin "DELETE FROM sus_request"
expect_status "after the window it serves again" 200 "${AUTH[@]}" "$BASE/api/sus/schema"
# Requests at the same moment at the limit (sql/0079): 55 in the window,
# then 16 at once: exactly 5 are served, however the workers interleave.
# Three rounds (the old count-then-add let a sixth through in about one
# round of three).
for round in 1 2 3; do
	sql_admin "DELETE FROM sus_request;
		INSERT INTO sus_request (forbund_id, staff_id, at) SELECT $SUS_DEMO_FORBUND, $JOB, UTC_TIMESTAMP(3) FROM seq_1_to_55"
	RATE_DIR=$(mktemp -d "$LIB_TMP/rate.XXXXXX")
	for i in $(seq 1 16); do
		curl -s -o /dev/null -w '%{http_code}\n' "${AUTH[@]}" "$BASE/api/sus/schema" > "$RATE_DIR/$i" &
	done
	wait
	eq "round $round: 16 requests at once with 5 left in the window: 5 served" \
		"$(cat "$RATE_DIR"/* | grep -c '^200$')" 5
	eq "round $round: ... and 11 refused (429), none failed" "$(cat "$RATE_DIR"/* | grep -c '^429$')" 11
	eq "round $round: ... and the window holds exactly the limit" \
		"$(sql_admin "SELECT COUNT(*) FROM sus_request WHERE forbund_id = $SUS_DEMO_FORBUND")" 60
done
sql_admin "DELETE FROM sus_request"

# --- Two given SUS consents for one referral: the latest one's date is
# sent (the consents of a page are read in one statement and merged by
# participation), and when it is revoked, the other one's.
give_participation_sus_consent "${P[6]}"
d6=$(sql_admin "SELECT DATE_FORMAT(start_date, '%Y-%m-%d') FROM participation WHERE id = ${P[6]}")
d6b=$(sql_admin "SELECT DATE_FORMAT(start_date + INTERVAL 3 DAY, '%Y-%m-%d') FROM participation WHERE id = ${P[6]}")
sql_admin "INSERT INTO consent (referral_id, kind, state, answer, text_id, language, valid_from,
	signed_how, paper_date, taken_by, signed_at)
	SELECT c.referral_id, 'sus', 'aktiv', 'ja', c.text_id, 'sv', c.valid_from, 'papper',
	c.paper_date + INTERVAL 3 DAY, c.taken_by, UTC_TIMESTAMP()
	FROM consent c JOIN participation p ON p.referral_id = c.referral_id
	WHERE p.id = ${P[6]} AND c.kind = 'sus'"
samtycke() { xp "$1" "string(//$(sus registrering)[@deltagande='${P[6]}']//$(sus samtyckesdatum))"; }
new_batch
check "two consents: a batch (201)" test "$ST" = 201
check "the latest consent's date is sent ($d6b)" test "$(samtycke "$WORK/doc-$ndoc.xml")" = "$d6b"
ack "$(batch_header)" > /dev/null
sql_admin "UPDATE consent c JOIN participation p ON p.referral_id = c.referral_id
	SET c.state = 'aterkallad', c.ended_at = UTC_TIMESTAMP()
	WHERE p.id = ${P[6]} AND c.kind = 'sus' AND c.paper_date = '$d6b'"
new_batch
check "the latest revoked: a batch (201)" test "$ST" = 201
check "the other consent's date is sent ($d6)" test "$(samtycke "$WORK/doc-$ndoc.xml")" = "$d6"
check "as a correction, still by identity" \
	test "$(xp "$WORK/doc-$ndoc.xml" "string(//$(sus registrering)[@deltagande='${P[6]}']/@handelse)")" = rattelse
ack "$(batch_header)" > /dev/null

# --- Every document this test saw follows the XSD.
bad=0
for f in "$WORK"/doc-*.xml; do valid "$f" || bad=$((bad + 1)); done
check "every export in this test ($(ls "$WORK"/doc-*.xml | wc -l) documents) passes xmllint --schema" test "$bad" = 0
done_testing
