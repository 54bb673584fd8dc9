# The SUS export as a sequence: a receiver applies every acknowledged
# incremental batch; after each step a full replacement (since=0, never
# acknowledged) replaces what that receiver holds (everything it does not
# carry is dropped), and the result must equal the sum of the batches: the
# same registrations and counts (the held-back rule, README "The SUS
# export"). Covers a registration held back after it was sent, a
# correction after an end whose end data then goes missing, held-back
# counts, kon annat, schema version 1 still served, and the admin's list
# of insatser nobody staffs on /sus/kvalitet. Fixtures live in an insats of
# their own (no staff, not open for referrals), made here by name.
. "$(dirname "$0")/lib.sh"
XSD2="$ROOT/conf/sus-export-2.xsd"
XSD1="$ROOT/conf/sus-export-1.xsd"
WORK=$(mktemp -d)
at_exit 'rm -rf "$WORK"'

token=$(new_api_token sus-job)
q "DELETE FROM sus_request" > /dev/null
AUTH=(-H "Authorization: Bearer $token")
FVI=$(insats_id_of "Friska Vindar 2.0")
FV_ID=$(staff_id_of personal.fv)
RUN=$$$RANDOM

# --- Fixtures: an insats of our own, copied from Friska Vindar 2.0.
q "CREATE TEMPORARY TABLE ti AS SELECT * FROM insats WHERE id = $FVI;
   UPDATE ti SET id = (SELECT MAX(id) + 1 FROM insats), name = 'SUS-sekvens $RUN',
     short_name = 'SUS-sekvens', slug = 'sus-sekvens-$RUN', sus_code = NULL, active = 0;
   INSERT INTO insats SELECT * FROM ti;" > /dev/null
INS=$(insats_id_of "SUS-sekvens $RUN")
HOST=$(q "SELECT o.name FROM insats i JOIN organisation o ON o.id = i.host_organisation_id WHERE i.id = $INS")
check "an insats of our own, nobody staffs it" \
	test -n "$INS" -a "$(q "SELECT COUNT(*) FROM staff_insats WHERE insats_id = $INS")" = 0

# part GENDER STATUS [CONSENT ja|nej|-]: a complete participation in it
# (education, income before, occupation before, support time, kommun; an
# ended one with its end data), with a SUS consent unless "-". Prints it.
part() {
	local pnr12 r p end=NULL rsn=NULL occ=NULL
	pnr12=$(new_pnr)
	if [ "$2" = avslutad ]; then end="'$(day -3)'" rsn="'arbete'" occ="'arbete'"; fi
	r=$(q "INSERT INTO person (personnummer, id_kind, birth_year)
	     VALUES ('$pnr12', 'personnummer', ${pnr12:0:4});
	   INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status, submitted_at,
	     decided_at, decided_by, education_code, support_time_code)
	     VALUES (LAST_INSERT_ID(), $INS, $SQL_FK_STAFF, $SQL_FK_ORG, 'antagen', UTC_TIMESTAMP() - INTERVAL 40 DAY,
	     UTC_TIMESTAMP() - INTERVAL 35 DAY, $FV_ID, 'gymnasium', '1_4');
	   SET @ref = LAST_INSERT_ID();
	   INSERT INTO referral_income (referral_id, income_code, extent_percent) VALUES (@ref, 'sjukpenning', 50), (@ref, 'lon', 25);
	   INSERT INTO referral_person (referral_id, first_name, last_name, gender, home_municipality)
	     VALUES (@ref, 'Sekvens', 'Sussdottir', '$1', 'Vänersborg');
	   SELECT @ref;")
	p=$(q "INSERT INTO participation (referral_id, person_id, insats_id, status, start_date, end_date, contact_id,
	       occupation_before_code, occupation_before_percent, end_reason_code, occupation_after_code, occupation_after_percent)
	     SELECT id, person_id, insats_id, '$2', '$(day -30)', $end, NULL, 'annan', 25, $rsn, $occ, 75
	     FROM referral WHERE id = $r;
	   SET @p = LAST_INSERT_ID(); $PART_PERSON_SQL
	   INSERT INTO participation_income_after (participation_id, income_code, extent_percent)
	     SELECT @p, 'lon', 75 FROM DUAL WHERE '$2' = 'avslutad';
	   SELECT @p;")
	[ "${3:-ja}" = - ] || give_participation_sus_consent "$p" "${3:-ja}" > /dev/null
	echo "$p"
}

# --- The receiver. Its state is a sorted text: "R id inner-elements" per
# registration it holds, "C insats year kon counts" per count group (a
# group of zeros is no group). apply STATE DOC > NEWSTATE applies a batch
# as the XSD says: a full replacement keeps only what it carries (a
# kvarhallen carries what the receiver holds).
apply() {
	awk '
	FILENAME == ARGV[1] { if ($1 == "R") { id = $2; $1 = $2 = ""; reg[id] = substr($0, 3) }
	            else if ($1 == "C") { k = $2 " " $3 " " $4; $1 = $2 = $3 = $4 = ""; cnt[k] = substr($0, 5) }
	            next }
	function attr(s, n,   m) { return match(s, " " n "=\"[^\"]*\"") ? substr(s, RSTART + length(n) + 3, RLENGTH - length(n) - 4) : "" }
	/<susExport / { full = attr($0, "fullstandig") == "true" }
	/<registrering / { cur = attr($0, "deltagande"); buf = ""; next }
	/<\/registrering>/ { nreg[cur] = buf; cur = ""; next }
	cur != "" { t = $0; gsub(/^ +| +$/, "", t); buf = buf t; next }
	/<avregistrering / { del[attr($0, "deltagande")] = 1 }
	/<kvarhallen / { keep[attr($0, "deltagande")] = 1 }
	/<antal / { k = attr($0, "insats") " " attr($0, "ar") " " attr($0, "kon")
	            ncnt[k] = attr($0, "inskrivna") " " attr($0, "avslutade") " " attr($0, "vantandeInskrivna") " " attr($0, "vantandeAvslutade") }
	END {
		if (full) {
			for (id in reg) if (!(id in keep)) delete reg[id]
			for (k in cnt) delete cnt[k]
		}
		for (id in del) delete reg[id]
		for (id in nreg) reg[id] = nreg[id]
		for (k in ncnt) cnt[k] = ncnt[k]
		for (id in reg) print "R " id " " reg[id]
		for (k in cnt) { split(cnt[k], v, " "); if (v[1] + v[2] > 0) print "C " k " " cnt[k] }
	}' "$1" "$2" | sort
}

ST=
DOC=
# batch [curl args]: POST for a batch; its document in $DOC (status in ST).
batch() {
	ST=$(fetch -X POST "${AUTH[@]}" "$@" "$BASE/api/sus/batcher")
	DOC="$WORK/doc-$(ls "$WORK" | wc -l).xml"
	cp "$BODY" "$DOC"
}
batch_no() { xp "$DOC" "string(/*/@batch)"; }
valid2() { xmllint --noout --schema "$XSD2" "$1" > /dev/null 2>&1; }
sus() { printf "*[local-name()='%s']" "$1"; }
INC="$WORK/receiver-inc"
FULL="$WORK/receiver-full"
: > "$WORK/empty"

# step NAME: the next incremental batch, applied and acknowledged (none
# when nothing changed), then a full replacement applied as a true
# replacement of what the receiver holds: both must hold the same. The incremental document stays in $STEPDOC.
STEPDOC=
step() {
	batch
	STEPDOC=
	if [ "$ST" = 201 ]; then
		STEPDOC=$DOC
		check "$1: the batch follows sus-export-2.xsd" valid2 "$DOC"
		apply "$INC" "$DOC" > "$INC.new" && mv "$INC.new" "$INC"
		eq "$1: acknowledged" "$(fetch -X POST "${AUTH[@]}" "$BASE/api/sus/batcher/$(batch_no)/kvittens")" 200
	fi
	batch --data since=0
	check "$1: the full replacement follows sus-export-2.xsd" valid2 "$DOC"
	apply "$INC" "$DOC" > "$FULL"
	if cmp -s "$INC" "$FULL"; then ok "$1: the full replacement equals the sum of the batches"
	else not_ok "$1: the full replacement equals the sum of the batches"; diff "$INC" "$FULL" | head -5 | sed 's/^/# /'; fi
}
held() { grep -c "^R $1 " "$INC"; }
reg_of() { grep "^R $1 " "$INC"; }
group() { grep "^C $INS $1 $2 " "$INC" | cut -d' ' -f5-; }
YEAR=$(date -d "$(day -30)" +%Y)

# --- The receiver starts from a full replacement of everything.
batch --data since=0
check "the first full replacement follows sus-export-2.xsd" valid2 "$DOC"
apply "$WORK/empty" "$DOC" > "$INC"
eq "acknowledged" "$(fetch -X POST "${AUTH[@]}" "$BASE/api/sus/batcher/$(batch_no)/kvittens")" 200

P1=$(part kvinna inskriven)
P2=$(part man avslutad)
P3=$(part kvinna inskriven)
q "UPDATE referral SET education_code = NULL WHERE id = (SELECT referral_id FROM participation WHERE id = $P3)"
P4=$(part annat avslutad)
P5=$(part annat inskriven -)
step "new registrations"
eq "P1 is registered" "$(held "$P1")" 1
check "P2 with its utregistrering" bash -c "grep '^R $P2 ' '$INC' | grep -q '<utregistrering>'"
eq "P3 (education missing) is not registered" "$(held "$P3")" 0
check "version 2: the kommun as its SCB code" bash -c "grep '^R $P1 ' '$INC' | grep -q '<folkbokforingskommun>1487</folkbokforingskommun>'"
check "the date of the SUS consent" bash -c "grep '^R $P1 ' '$INC' | grep -q '<samtyckesdatum>$(day -30)</samtyckesdatum>'"
check "each income source with its extent" bash -c "grep '^R $P1 ' '$INC' | grep -q '<forsorjning omfattning=\"50\">F01</forsorjning><forsorjning omfattning=\"25\">F09</forsorjning>'"
check "the occupation before and after with its extent" bash -c "grep '^R $P2 ' '$INC' | grep -q '<sysselsattningFore omfattning=\"25\">S4</sysselsattningFore>.*<sysselsattningEfter omfattning=\"75\">S1</sysselsattningEfter>'"
check "kon annat is sent as stated" bash -c "grep '^R $P4 ' '$INC' | grep -q '<kon>annat</kon>'"
eq "kon annat is a count group of its own (P5, anonymous)" "$(group "$YEAR" annat)" "1 0 0 0"
eq "held back, never sent: P3 is counted, marked as held back" "$(group "$YEAR" kvinna)" "1 0 1 0"
check "the summary says what is held back" \
	test "$(xp "$STEPDOC" "string(//$(sus summering)/@vantandeRegistreringar)")" -ge 1

# --- 1. A registration held back after it was sent: P1's education emptied.
R1=$(reg_of "$P1")
q "UPDATE referral SET education_code = NULL WHERE id = (SELECT referral_id FROM participation WHERE id = $P1)"
step "a sent registration is held back"
eq "the batch says kvarhallen for P1" "$(xp "$STEPDOC" "count(//$(sus kvarhallen)[@deltagande='$P1'])")" 1
eq "and sends no registration of it" "$(xp "$STEPDOC" "count(//$(sus registrering)[@deltagande='$P1'])")" 0
eq "the receiver keeps P1 as last sent" "$(reg_of "$P1")" "$R1"
eq "P1 is not counted as well" "$(group "$YEAR" kvinna)" "1 0 1 0"
check "the full replacement carries it as kvarhallen" \
	test "$(xp "$DOC" "count(//$(sus kvarhallen)[@deltagande='$P1'])")" = 1
check "and counts it in its summary" test "$(xp "$DOC" "string(//$(sus summering)/@kvarhallna)")" -ge 1
q "UPDATE participation_person SET home_municipality = 'Trollhättan' WHERE participation_id = $P4"
step "another change meanwhile"
eq "kvarhallen is said once in the incremental batches" "$(xp "$STEPDOC" "count(//$(sus kvarhallen))")" 0
eq "the full replacement still keeps P1" "$(grep -c "^R $P1 " "$FULL")" 1
# Version 1 has no kvarhallen: its full replacement is refused, not wrong.
expect_status "a version 1 full replacement while a sent registration is held back: 409" 409 \
	-X POST "${AUTH[@]}" --data since=0 --data schema=1 "$BASE/api/sus/batcher"
expect_body "saying why" "kvarhallen"
q "UPDATE referral SET education_code = 'gymnasium' WHERE id = (SELECT referral_id FROM participation WHERE id = $P1)"
step "complete again"
eq "P1 is sent again as a correction" "$(xp "$STEPDOC" "string(//$(sus registrering)[@deltagande='$P1']/@handelse)")" rattelse

# --- 2. A correction after an end, whose end data then goes missing.
R2=$(reg_of "$P2")
q "UPDATE participation_person SET home_municipality = 'Trollhättan' WHERE participation_id = $P2;
   DELETE FROM participation_income_after WHERE participation_id = $P2"
step "a correction whose end data went missing"
eq "the correction is held back, not sent without its end" \
	"$(xp "$STEPDOC" "count(//$(sus registrering)[@deltagande='$P2'])")/$(xp "$STEPDOC" "count(//$(sus kvarhallen)[@deltagande='$P2'])")" 0/1
eq "the receiver keeps the end it had" "$(reg_of "$P2")" "$R2"
q "INSERT INTO participation_income_after (participation_id, income_code) VALUES ($P2, 'lon')"
step "the end data is back"
check "the correction comes with its end" bash -c "grep '^R $P2 ' '$INC' | grep -q '<folkbokforingskommun>1488</folkbokforingskommun>.*<utregistrering>'"

# --- 3. Held back, never sent: counted until complete, then registered.
q "UPDATE referral SET education_code = 'gymnasium' WHERE id = (SELECT referral_id FROM participation WHERE id = $P3)"
step "the held-back registration is complete"
eq "P3 is registered as new" "$(xp "$STEPDOC" "string(//$(sus registrering)[@deltagande='$P3']/@handelse)")" ny
eq "and leaves the counts" "$(group "$YEAR" kvinna)" ""
# A kommun without an SCB code holds it back too (version 2).
q "UPDATE participation_person SET home_municipality = 'Hittepå' WHERE participation_id = $P3"
step "a kommun without a code"
eq "is held back (kvarhallen)" "$(xp "$STEPDOC" "count(//$(sus kvarhallen)[@deltagande='$P3'])")" 1

# A consent signed on the tablet (no paper date) at 00:30 Swedish time
# on 2 March (23:30 UTC on the 1st) is dated the Swedish day.
P6=$(part kvinna inskriven -)
q "INSERT INTO consent (referral_id, kind, state, answer, text_id, language, valid_from,
     signed_how, taken_by, signed_at)
   SELECT p.referral_id, 'sus', 'aktiv', 'ja',
     (SELECT t.id FROM consent_text t JOIN insats i ON i.forbund_id = t.forbund_id
       WHERE i.id = p.insats_id AND t.kind = 'sus' AND t.language = 'sv' AND t.is_current = 1),
     'sv', p.start_date, 'surfplatta', $FV_ID, '2026-03-01 23:30:00'
   FROM participation p WHERE p.id = $P6"
step "a consent signed on the tablet at night"
check "its samtyckesdatum is the Swedish day" bash -c "grep '^R $P6 ' '$INC' | grep -q '<samtyckesdatum>2026-03-02</samtyckesdatum>'"

# --- Version 1 is still served to a job that asks for it.
batch --data schema=1
check "schema=1: a batch (201)" test "$ST" = 201
check "in version 1's namespace" test "$(xp "$DOC" "namespace-uri(/*)")" = "urn:stegvis:sus-export:1"
check "valid against sus-export-1.xsd" quiet xmllint --noout --schema "$XSD1" "$DOC"
check "with the kommun's name" grep -q '<folkbokforingskommun>Hittepå</folkbokforingskommun>' "$DOC"
ST=$(fetch -X POST "${AUTH[@]}" -H 'X-SUS-Schema: 1' "$BASE/api/sus/batcher")
check "the header X-SUS-Schema: 1 asks for it too" test "$ST/$(xp "$BODY" "string(/*/@version)")" = 201/1.0
expect_status "schema=3 is refused (400)" 400 -X POST "${AUTH[@]}" --data schema=3 "$BASE/api/sus/batcher"
expect_status "the version 1 schema" 200 "${AUTH[@]}" "$BASE/api/sus/schema?schema=1"
check "is sus-export-1.xsd" cmp -s "$BODY" "$XSD1"
expect_status "the default schema" 200 "${AUTH[@]}" "$BASE/api/sus/schema"
check "is sus-export-2.xsd" cmp -s "$BODY" "$XSD2"
check "the command line: --schema 1" quiet "$BIN" sus-export -c "$VAR/stegvis.conf" --forbund SOFTLEG --schema 1 --out "$WORK/cli1.xml"
check "its file follows sus-export-1.xsd" quiet xmllint --noout --schema "$XSD1" "$WORK/cli1.xml"

# --- 6. Held-back cases in an insats nobody staffs: the admin sees counts.
log_in ADM admin
expect_status "the batch log links the admin to it" 200 -b "$ADM" "$BASE/admin/sus"
expect_body "(its no-staff list)" "href=\"/sus/kvalitet#utan-personal\""
expect_status "the admin opens /sus/kvalitet" 200 -b "$ADM" "$BASE/sus/kvalitet"
row=$(grep -A5 "<td data-label=\"Insats\">SUS-sekvens $RUN</td>" "$BODY" | tr -d '\n')
check "lists the insats nobody staffs" test -n "$row"
HOST_HTML=${HOST//&/&amp;}
if [[ "$row" == *"Värdorganisationen $HOST_HTML"* ]]; then ok "with whom to ask (its host organisation)"
else not_ok "with whom to ask (its host organisation $HOST)"; fi
eq "and how many are held back (P3)" "$(printf '%s' "$row" | grep -o '<td data-label="Hålls kvar">[0-9]*' | grep -o '[0-9]*$')" 1
expect_body "and a link to staff it" "href=\"/admin/insatser/$INS\""
check "without personal data" bash -c "! grep -q 'Sussdottir' '$BODY' && ! grep -q 'href=\"/deltagande/' '$BODY'"
log_in FV personal.fv
fetch -b "$FV" "$BASE/sus/kvalitet" > /dev/null
check "insats staff do not get the admin's list" bash -c "! grep -q 'insatser-utan-personal' '$BODY'"

# Leave the stack as found: nothing of ours pending, P1-P5 out of the way.
q "UPDATE participation SET status = 'felregistrerad', end_date = COALESCE(end_date, start_date)
   WHERE insats_id = $INS" > /dev/null
batch
[ "$ST" = 201 ] && fetch -X POST "${AUTH[@]}" "$BASE/api/sus/batcher/$(batch_no)/kvittens" > /dev/null
done_testing
