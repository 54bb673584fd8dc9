#!/usr/bin/env bash
# Gallring by rule (stegvis gallring, sql/0033, README "Gallring"). On a
# throw-away database of its own (the demo data, loaded as devstack.sh does,
# plus a record past and one within each rule): records past each rule go
# and younger ones stay; --dry-run changes nothing; a second run removes
# nothing; a run killed half way and run again ends where one clean run
# does; the reports (yearly CSV for the förbund and each insats, the
# Uppföljning Finsam counts) are byte-identical before and after, served by
# a worker of its own on the scratch database; and a dump holds no removed
# personnummer outside the access log.
set -u
. "$(dirname "$0")/lib.sh"

DB=stegvis_gr_$$
DB2=stegvis_gr2_$$
WORK=$(mktemp -d)
at_exit '[ -s "$WORK/serve.pid" ] && kill "$(cat "$WORK/serve.pid")" 2> /dev/null; drop_scratch_db $DB $DB2; rm -rf "$WORK"'
SOCK="$VAR/run/mysqld.sock"
m() { mariadb --no-defaults -S "$SOCK" -u "$(id -un)" -N "$DB" -e "$1"; }
m2() { mariadb --no-defaults -S "$SOCK" -u "$(id -un)" -N "$DB2" -e "$1"; }
dump() { mariadb-dump --no-defaults -S "$SOCK" -u "$(id -un)" --skip-comments --skip-dump-date --skip-extended-insert "$@"; }
HOOKS="$BIN-testhooks"
[ -x "$HOOKS" ] || HOOKS="$ROOT/build/stegvis-testhooks"

mkconf() { # FILE DBNAME
	printf 'db_socket = %s\ndb_name = %s\ndb_password_file = %s\nsocket = %s\nworkers = 1\nviews = %s\nsecure_cookies = no\nstrict_views = yes\nsus_export_dir = %s\n' \
		"$SOCK" "$2" "$VAR/db.pass" "$WORK/fcgi.sock" "$ROOT/views" "$WORK/sus-$2" > "$1"
	mkdir -p "$WORK/sus-$2"
}
mkconf "$WORK/a.conf" "$DB"
mkconf "$WORK/b.conf" "$DB2"

sql_admin "CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_swedish_ai_ci"
check "a scratch database with the demo data" bash -c '
	exec > "$4" 2>&1; cd "$1" && "$2" migrate -c "$3" && "$2" demo-load -c "$3" &&
	"$2" demo-participants -c "$3" &&
	"$2" questionnaire-import -c "$3" --forbund SOFTLEG conf/questionnaires/*.xml &&
	"$2" questionnaire-import -c "$3" --forbund EXEMPEL conf/questionnaires/*.xml &&
	"$2" demo-questionnaires -c "$3"' _ "$ROOT" "$BIN" "$WORK/a.conf" "$WORK/load.log" ||
	cat "$WORK/load.log"

# --- a record past and one within each rule ----------------------------
# deltagande (1095 days after the end): an ended one well past it, one
# ended within it, and a person with an old participation and a live one.
P_OLD=$(m "SELECT MIN(id) FROM participation WHERE status = 'avslutad' AND end_date < UTC_DATE() - INTERVAL 1200 DAY")
P_NEW=$(m "SELECT MIN(id) FROM participation WHERE status = 'avslutad' AND end_date > UTC_DATE() - INTERVAL 900 DAY")
P_LIVE=$(m "SELECT MIN(id) FROM participation WHERE status = 'inskriven'")
P_TWIN=$(m "SELECT MAX(id) FROM participation WHERE status = 'avslutad' AND end_date < UTC_DATE() - INTERVAL 1200 DAY")
LIVE_PERSON=$(m "SELECT person_id FROM participation WHERE id = $P_LIVE")
# The twin becomes the live participant's earlier participation.
m "UPDATE referral SET person_id = $LIVE_PERSON WHERE id = (SELECT referral_id FROM participation WHERE id = $P_TWIN);
   UPDATE participation SET person_id = $LIVE_PERSON WHERE id = $P_TWIN;
   INSERT INTO participation_midterm (participation_id, held_date, attendees, note)
     SELECT id, start_date, 'Ulla', 'Mår bättre efter Ullas samtal' FROM participation WHERE id = $P_OLD;
   INSERT INTO referral_coremittent (referral_id, organisation_id, name, contact)
     SELECT referral_id, (SELECT MIN(id) FROM organisation), 'Ulla Medremittent', 'ulla@example.se' FROM participation WHERE id = $P_OLD;
   INSERT INTO participation_activity (participation_id, activity, hours_per_week) VALUES ($P_OLD, 'Praktik hos Ulla', 4);
   INSERT INTO change_history (at, staff_id, record_type, record_id, field, old_value, new_value)
     SELECT UTC_TIMESTAMP(3), 1, 'participation', $P_OLD, 'phone', '0701234567', '0707654321';"
# Its summary to the remittent, sent (migration 0040).
m "INSERT INTO participation_summary (participation_id, version_no, state, done_text, free_text, written_by)
   VALUES ($P_OLD, 9, 'skickad', 'Samtal med Ulla', 'Ullas sammanfattning', (SELECT MIN(id) FROM staff))"
OLD_PNR=$(m "SELECT pn.personnummer FROM participation p JOIN person pn ON pn.id = p.person_id WHERE p.id = $P_OLD")
LIVE_PNR=$(m "SELECT personnummer FROM person WHERE id = $LIVE_PERSON")
# ansokan (365 days after the decision): one advised against long ago, one
# lately.
R_OLD=$(m "SELECT MIN(r.id) FROM referral r WHERE r.status IN ('avradd', 'aterford') AND NOT EXISTS (SELECT 1 FROM participation p WHERE p.referral_id = r.id) AND r.decided_at < UTC_TIMESTAMP() - INTERVAL 400 DAY")
R_NEW=$(m "SELECT MAX(r.id) FROM referral r WHERE r.status IN ('avradd', 'aterford') AND NOT EXISTS (SELECT 1 FROM participation p WHERE p.referral_id = r.id) AND r.id <> $R_OLD")
m "UPDATE referral SET decided_at = UTC_TIMESTAMP() - INTERVAL 10 DAY WHERE id = $R_NEW"
# A withdrawn application (issue 15's withdrawal): one withdrawn long ago
# goes, one withdrawn lately stays; the clock is the withdrawal.
R_WOLD=$(m "SELECT MIN(r.id) FROM referral r WHERE r.status = 'inskickad' AND NOT EXISTS (SELECT 1 FROM participation p WHERE p.referral_id = r.id)")
R_WNEW=$(m "SELECT MAX(r.id) FROM referral r WHERE r.status = 'inskickad' AND NOT EXISTS (SELECT 1 FROM participation p WHERE p.referral_id = r.id) AND r.id <> $R_WOLD")
m "UPDATE referral SET status = 'aterkallad', withdrawn_reason = 'Flyttar till Borås', withdrawn_at = UTC_TIMESTAMP() - INTERVAL 400 DAY WHERE id = $R_WOLD;
   UPDATE referral SET status = 'aterkallad', withdrawn_reason = 'Fick arbete', withdrawn_at = UTC_TIMESTAMP() - INTERVAL 10 DAY WHERE id = $R_WNEW"
# samtycke (1095 days after it ended): a revoked one of a live participation.
C_OLD=$(m "SELECT MIN(c.id) FROM consent c JOIN participation p ON p.referral_id = c.referral_id WHERE p.id = $P_LIVE AND c.kind <> 'sus'")
m "UPDATE consent SET state = 'aterkallad', ended_at = UTC_TIMESTAMP() - INTERVAL 1200 DAY WHERE id = $C_OLD"
C_LIVE=$(m "SELECT COUNT(*) FROM consent c JOIN participation p ON p.referral_id = c.referral_id WHERE p.id = $P_LIVE AND c.id <> $C_OLD")
# A SUS consent of a live participation that ended as long ago: its row
# and events stay (its yes or no decides the SUS counts).
C_SUS=$(m "SELECT MIN(c.id) FROM consent c JOIN participation p ON p.referral_id = c.referral_id WHERE p.status = 'inskriven' AND c.kind = 'sus' AND EXISTS (SELECT 1 FROM consent_event e WHERE e.consent_id = c.id)")
m "UPDATE consent SET state = 'aterkallad', ended_at = UTC_TIMESTAMP() - INTERVAL 1200 DAY WHERE id = $C_SUS"
C_SUS_EVENTS=$(m "SELECT COUNT(*) FROM consent_event WHERE consent_id = $C_SUS")
# A history row of the participation within its time.
m "INSERT INTO change_history (at, staff_id, record_type, record_id, field, old_value, new_value)
     SELECT UTC_TIMESTAMP(3), 1, 'participation', $P_NEW, 'phone', '0701111111', '0702222222'"
# enkatsvar (1095 days after sending): a free-text answer in a response of
# the live participation sent long ago, and one sent lately.
FREE=$(m "SELECT MIN(id) FROM questionnaire_item WHERE kind = 'fritext'")
LINKED="FROM questionnaire_response r JOIN participation p ON p.id = r.participation_id WHERE p.status = 'inskriven' AND r.status = 'inskickad'"
Q_OLD=$(m "SELECT MIN(r.id) $LINKED")
Q_NEW=$(m "SELECT MAX(r.id) $LINKED")
m "UPDATE questionnaire_response SET submitted_at = UTC_TIMESTAMP() - INTERVAL 1200 DAY WHERE id = $Q_OLD;
   UPDATE questionnaire_response SET submitted_at = UTC_TIMESTAMP() - INTERVAL 5 DAY WHERE id = $Q_NEW;
   INSERT INTO questionnaire_answer (response_id, item_id, seq, value_text) VALUES ($Q_OLD, $FREE, 1, 'Jag heter Ulla'), ($Q_NEW, $FREE, 1, 'Jag heter Kim');"
# enkatkod (30 days after expiry), sus_dokument (90 days), inloggning (30
# days), atkomstlogg (1825 days).
QN=$(m "SELECT MIN(id) FROM questionnaire")
STAFF=$(m "SELECT MIN(id) FROM staff")
m "INSERT INTO questionnaire_code (code_hash, kind, questionnaire_id, expires_at, forbund_id) VALUES
     (RANDOM_BYTES(32), 'surfplatta', $QN, UTC_TIMESTAMP() - INTERVAL 40 DAY, (SELECT MIN(id) FROM forbund)),
     (RANDOM_BYTES(32), 'surfplatta', $QN, UTC_TIMESTAMP() - INTERVAL 20 DAY, (SELECT MIN(id) FROM forbund));
   INSERT INTO login_failure (username, remote_addr, at) VALUES ('ulla', '10.0.0.1', UTC_TIMESTAMP() - INTERVAL 40 DAY), ('kim', '10.0.0.2', UTC_TIMESTAMP() - INTERVAL 2 DAY);
   INSERT INTO session (token_hash, staff_id, csrf_token, created_at, last_seen_at) VALUES
     (RANDOM_BYTES(32), $STAFF, REPEAT('b', 64), UTC_TIMESTAMP() - INTERVAL 41 DAY, UTC_TIMESTAMP() - INTERVAL 40 DAY);
   INSERT INTO audit_log (at, username, action, object_type, personnummer, remote_addr, request_id) VALUES
     (UTC_TIMESTAMP() - INTERVAL 1900 DAY, 'ulla', 'read', 'participant', '$LIVE_PNR', 'l', 'gr-old'),
     (UTC_TIMESTAMP() - INTERVAL 1700 DAY, 'ulla', 'read', 'participant', '$LIVE_PNR', 'l', 'gr-new');"
check "a SUS batch document" quiet "$BIN" sus-export -c "$WORK/a.conf" --forbund SOFTLEG --out "$WORK/sus.xml"
check "acknowledged by the receiver" quiet "$BIN" sus-export -c "$WORK/a.conf" --forbund SOFTLEG --ack 1
m "UPDATE sus_batch SET created_at = created_at - INTERVAL 100 DAY;
   INSERT INTO sus_batch (forbund_id, batch_no, base_no, created_at, created_via) SELECT forbund_id, 99, 0, UTC_TIMESTAMP(3), 'cli' FROM sus_batch WHERE batch_no = 1;
   INSERT INTO sus_batch_part (forbund_id, batch_no, seq, data) SELECT forbund_id, 99, 0, 'x' FROM sus_batch WHERE batch_no = 1;"
# The same documents as files in sus_export_dir, named as `sus-export
# --forbund` names them, and a file of another name. The demo has two
# active förbund, so an unprefixed file may be either's: gallring leaves it.
F1=$(m "SELECT id FROM forbund WHERE short_name = 'SOFTLEG'")
for n in 000001 000099; do cp "$WORK/sus.xml" "$WORK/sus-$DB/sus-batch-$F1-$n.xml"; done
cp "$WORK/sus.xml" "$WORK/sus-$DB/sus-batch-000001.xml"
: > "$WORK/sus-$DB/anteckningar.txt"
eq "the SUS document holds the old participant's personnummer" \
	"$(m "SELECT COUNT(*) FROM sus_batch_part WHERE batch_no = 1 AND LOCATE('$OLD_PNR', data) > 0")" 1

# --- the reports, from a worker of its own on the scratch database ------
(cd "$ROOT" && exec setsid "$BIN" serve -c "$WORK/a.conf" --pid-file "$WORK/serve.pid" > "$WORK/serve.log" 2>&1 &)
check "the scratch worker listens" wait_for 10 test -S "$WORK/fcgi.sock"
TOK=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
m "INSERT INTO session (token_hash, staff_id, csrf_token, created_at, last_seen_at)
   SELECT UNHEX('$(printf %s "$TOK" | b2sum -l 256 | cut -d' ' -f1)'), id, REPEAT('a', 64), UTC_TIMESTAMP(), UTC_TIMESTAMP()
   FROM staff WHERE username = 'forbund'"
cgi() { # PATH QUERY
	REQUEST_METHOD=GET DOCUMENT_URI=$1 QUERY_STRING=$2 HTTP_COOKIE="stegvis_session=$TOK" \
		REMOTE_ADDR=127.0.0.1 REQUEST_ID=gallring bash "$ROOT/tests/http/fcgi_call.sh" "$WORK/fcgi.sock"
}
# A staff member of the old participation's insats, to edit it.
STOK=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
m "INSERT IGNORE INTO staff_insats (staff_id, insats_id)
   SELECT s.id, p.insats_id FROM staff s, participation p WHERE s.username = 'personal.cm' AND p.id = $P_OLD;
   INSERT INTO session (token_hash, staff_id, csrf_token, created_at, last_seen_at)
   SELECT UNHEX('$(printf %s "$STOK" | b2sum -l 256 | cut -d' ' -f1)'), id, REPEAT('a', 64), UTC_TIMESTAMP(), UTC_TIMESTAMP()
   FROM staff WHERE username = 'personal.cm'"
staff_get() { # PATH
	REQUEST_METHOD=GET DOCUMENT_URI=$1 QUERY_STRING= HTTP_COOKIE="stegvis_session=$STOK" \
		REMOTE_ADDR=127.0.0.1 REQUEST_ID=gallring bash "$ROOT/tests/http/fcgi_call.sh" "$WORK/fcgi.sock"
}
staff_post() { # PATH BODY
	printf %s "$2" | REQUEST_METHOD=POST DOCUMENT_URI=$1 QUERY_STRING= CONTENT_TYPE=application/x-www-form-urlencoded \
		CONTENT_LENGTH=${#2} HTTP_COOKIE="stegvis_session=$STOK" REMOTE_ADDR=127.0.0.1 REQUEST_ID=gallring \
		bash "$ROOT/tests/http/fcgi_call.sh" "$WORK/fcgi.sock"
}
contact_body() { # VERSION: the contact form with the old data typed back
	printf 'csrf=%s&version=%s&fornamn=Ulla&efternamn=Kvar&kon=kvinna&adress=Gamla+gatan+1&postnummer=46132&ort=Vanersborg&telefon=0701234567&kommun=Vanersborg&tolk_sprak=' \
		"$(printf 'a%.0s' $(seq 64))" "$1"
}
reports() { # DIR
	mkdir -p "$1"
	for y in 2021 2023; do
		cgi /rapporter.csv "period=ar&ar=$y" > "$1/all-$y.csv"
		cgi /sus/finsam.csv "fran=$y-01-01&till=$y-12-31" > "$1/finsam-$y.csv"
	done
	for i in $INSATSER; do
		cgi /rapporter.csv "insats=$i&period=ar&ar=2021" > "$1/insats-$i-2021.csv"
	done
}
INSATSER=$(m "SELECT i.id FROM insats i JOIN forbund f ON f.id = i.forbund_id AND f.short_name = 'SOFTLEG' ORDER BY i.id")
reports "$WORK/before"
# The old participation's contact form, opened before gallring.
staff_get "/deltagande/$P_OLD/kontaktuppgifter" > "$WORK/contact-before.html"
STALE_V=$(grep -o 'name="version" value="[0-9]*"' "$WORK/contact-before.html" | head -1 | grep -oE '[0-9]+')
check "the contact form opens before gallring" test -n "$STALE_V"
check "the reports are served (200, figures)" bash -c 'grep -q "^Status: 200" "$1/all-2021.csv" && grep -q "Friska Vindar" "$1/finsam-2021.csv" && ! grep -l "^Status: [45]" "$1"/*.csv' _ "$WORK/before"

# Two create forms' one-time keys (once.h): one past ONCE_KEEP_DAYS (30).
m "INSERT INTO form_once (staff_id, once_key, location, created_at) SELECT MIN(id), REPEAT('a', 32), '/x', UTC_TIMESTAMP() - INTERVAL 31 DAY FROM staff;
	INSERT INTO form_once (staff_id, once_key, location, created_at) SELECT MIN(id), REPEAT('b', 32), '/x', UTC_TIMESTAMP() - INTERVAL 29 DAY FROM staff"

# --- --dry-run changes nothing ------------------------------------------
sums() { m "CHECKSUM TABLE $(m "SELECT GROUP_CONCAT(CONCAT('\`', table_name, '\`') ORDER BY table_name) FROM information_schema.tables WHERE table_schema = '$DB' AND table_type = 'BASE TABLE'")"; }
sums > "$WORK/sum-before"
check "every table is checksummed" test "$(wc -l < "$WORK/sum-before")" -gt 60
"$BIN" gallring -c "$WORK/a.conf" --dry-run > "$WORK/dry.out" 2>&1
sums > "$WORK/sum-dry"
check "--dry-run changes no table" cmp -s "$WORK/sum-before" "$WORK/sum-dry"
check "--dry-run says what would go, per rule" grep -qE '^gallring deltagande: [1-9][0-9]* skulle gallras' "$WORK/dry.out"
# Each förbund by its own rules (sql/0074), and the rows of no förbund by
# the first's inloggning and atkomstlogg rules.
eq "--dry-run prints every rule for each förbund, and the rows of no förbund" \
	"$(grep -c 'skulle gallras' "$WORK/dry.out")" $((8 * $(m "SELECT COUNT(*) FROM forbund") + 2))

# A copy for the run killed half way.
sql_admin "CREATE DATABASE $DB2 CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_swedish_ai_ci; GRANT ALL ON $DB2.* TO 'stegvis'@'localhost'"
dump --routines --triggers "$DB" | mariadb --no-defaults -S "$SOCK" -u "$(id -un)" "$DB2"

# --- the run ----------------------------------------------------------
check "gallring runs" bash -c '"$1" gallring -c "$2" > "$3/run.out" 2>&1' _ "$BIN" "$WORK/a.conf" "$WORK"
check "it says what went, per rule" grep -qE '^gallring deltagande: [1-9][0-9]* gallrade' "$WORK/run.out"
check "the dry run counted what the run removed (participations)" \
	test "$(grep '^gallring deltagande' "$WORK/dry.out" | grep -oE '[0-9]+' | head -1)" = "$(grep '^gallring deltagande' "$WORK/run.out" | grep -oE '[0-9]+' | head -1)"
eq "the run removed the old one-time key, kept the newer one" "$(m "SELECT GROUP_CONCAT(LEFT(once_key, 1)) FROM form_once")" "b"
check "and says so" grep -q '^gallring: 1 formulärnycklar äldre än 30 dagar borttagna' "$WORK/run.out"
"$BIN" gallring -c "$WORK/a.conf" > "$WORK/run2.out" 2>&1
eq "a second run removes nothing" "$(grep -cE ': 0 gallrade' "$WORK/run2.out")/$(grep -c 'gallrade' "$WORK/run2.out")" \
	"$((8 * $(m "SELECT COUNT(*) FROM forbund") + 2))/$((8 * $(m "SELECT COUNT(*) FROM forbund") + 2))"

# --- killed half way, then run again: the same end as one clean run -------
{ (STEGVIS_GALLRING_CRASH_AFTER=40 exec "$HOOKS" gallring -c "$WORK/b.conf" > /dev/null 2>&1); } 2> /dev/null
eq "the test-hook run was killed half way" "$(m2 "SELECT COUNT(*) FROM participation WHERE gallrad_at IS NOT NULL")" 40
check "the rerun completes" quiet "$BIN" gallring -c "$WORK/b.conf"
norm() { # the dump, with the times gallring writes (today) and the name blanked
	dump --skip-triggers "$1" | sed -E "s/'($(date -u +%F)|$(date +%F)) [0-9:.]+'/'T'/g; s/$1/DB/g" |
		grep -av "^/\*" | sed -E "/INSERT INTO .session/d; s/AUTO_INCREMENT=[0-9]+//"
}
norm "$DB" > "$WORK/a.norm"
norm "$DB2" > "$WORK/b.norm"
check "killed and rerun ends in the same state as one clean run" cmp -s "$WORK/a.norm" "$WORK/b.norm" ||
	diff -a "$WORK/a.norm" "$WORK/b.norm" | head -20
eq "the old participation is anonymised" "$(m "SELECT CONCAT_WS('|', p.gallrad_at IS NOT NULL, pe.first_name, pe.phone, pe.address, (SELECT COUNT(*) FROM participation_midterm m WHERE m.participation_id = p.id)) FROM participation p JOIN participation_person pe ON pe.participation_id = p.id WHERE p.id = $P_OLD")" "1|Gallrad|||0"
eq "the participant list's copy of the name went with it (sql/0049's name_key)" \
	"$(m "SELECT name_key FROM participation_order WHERE participation_id = $P_OLD")" "Gallrad Gallrad"
order_ok "after gallring" m
eq "its plan and history are gone" "$(m "SELECT (SELECT COUNT(*) FROM participation_activity WHERE participation_id = $P_OLD) + (SELECT COUNT(*) FROM change_history WHERE record_type = 'participation' AND record_id = $P_OLD)")" 0
eq "its summary's versions, free text and all, are gone" \
	"$(m "SELECT COUNT(*) FROM participation_summary WHERE participation_id = $P_OLD")" 0
eq "its referral's free text and sekretess consents are gone" "$(m "SELECT CONCAT_WS('|', r.gallrad_at IS NOT NULL, r.background, rp.first_name, (SELECT COUNT(*) FROM consent c WHERE c.referral_id = r.id AND c.kind <> 'sus')) FROM participation p JOIN referral r ON r.id = p.referral_id JOIN referral_person rp ON rp.referral_id = r.id WHERE p.id = $P_OLD")" "1||Gallrad|0"
eq "its medremittenter's names and contacts are gone" "$(m "SELECT GROUP_CONCAT(DISTINCT CONCAT(c.name, '|', c.contact)) FROM referral_coremittent c JOIN participation p ON p.referral_id = c.referral_id WHERE p.id = $P_OLD")" "Gallrad|"
eq "its codes, dates and gender stay for the reports" "$(m "SELECT COUNT(*) FROM participation p JOIN participation_person pe ON pe.participation_id = p.id WHERE p.id = $P_OLD AND pe.gender IN ('kvinna', 'man', 'annat') AND p.end_date IS NOT NULL")" 1
eq "the participation within its time stays" "$(m "SELECT CONCAT_WS('|', p.gallrad_at IS NULL, pe.first_name <> 'Gallrad') FROM participation p JOIN participation_person pe ON pe.participation_id = p.id WHERE p.id = $P_NEW")" "1|1"
eq "the live participant keeps the personnummer the live participation needs" "$(m "SELECT personnummer FROM person WHERE id = $LIVE_PERSON")" "$LIVE_PNR"
eq "while their old participation is anonymised" "$(m "SELECT gallrad_at IS NOT NULL FROM participation WHERE id = $P_TWIN")" 1
eq "the old application is anonymised" "$(m "SELECT CONCAT_WS('|', r.gallrad_at IS NOT NULL, r.decision_reason, rp.first_name) FROM referral r JOIN referral_person rp ON rp.referral_id = r.id WHERE r.id = $R_OLD")" "1||Gallrad"
eq "the recent one stays" "$(m "SELECT gallrad_at IS NULL FROM referral WHERE id = $R_NEW")" 1
eq "the application withdrawn long ago is anonymised" "$(m "SELECT CONCAT_WS('|', r.gallrad_at IS NOT NULL, rp.first_name, r.withdrawn_reason) FROM referral r JOIN referral_person rp ON rp.referral_id = r.id WHERE r.id = $R_WOLD")" "1|Gallrad|"
eq "the one withdrawn lately stays" "$(m "SELECT gallrad_at IS NULL FROM referral WHERE id = $R_WNEW")" 1
eq "a removed consent's access-log row names the person's personnummer" "$(m "SELECT COUNT(*) FROM audit_log WHERE username = 'cli:gallring' AND object_type = 'consent' AND object_id = $C_OLD AND personnummer = (SELECT pe.personnummer FROM person pe JOIN participation p ON p.person_id = pe.id WHERE p.id = $P_LIVE)")" 1
eq "the consent revoked long ago is gone with its events" "$(m "SELECT (SELECT COUNT(*) FROM consent WHERE id = $C_OLD) + (SELECT COUNT(*) FROM consent_event WHERE consent_id = $C_OLD)")" 0
eq "the SUS consent that ended as long ago stays, with its events" "$(m "SELECT CONCAT_WS('|', (SELECT COUNT(*) FROM consent WHERE id = $C_SUS), (SELECT COUNT(*) FROM consent_event WHERE consent_id = $C_SUS))")" "1|$C_SUS_EVENTS"
eq "the live participation's other consents stay" "$(m "SELECT COUNT(*) FROM consent c JOIN participation p ON p.referral_id = c.referral_id WHERE p.id = $P_LIVE")" "$C_LIVE"
eq "the old free-text answer is gone, the recent one stays" "$(m "SELECT GROUP_CONCAT(value_text ORDER BY value_text) FROM questionnaire_answer WHERE item_id = $FREE AND response_id IN ($Q_OLD, $Q_NEW)")" "Jag heter Kim"
eq "the old SUS document's file is gone too, the recent one and other files stay (an unprefixed one too: two förbund)" \
	"$(ls "$WORK/sus-$DB" | paste -sd' ')" "anteckningar.txt sus-batch-000001.xml sus-batch-$F1-000099.xml"
eq "expired codes: the old one gone, the recent one kept" "$(m "SELECT COUNT(*) FROM questionnaire_code WHERE expires_at < UTC_TIMESTAMP() - INTERVAL 10 DAY")" 1
eq "login failures: the old one gone" "$(m "SELECT GROUP_CONCAT(username) FROM login_failure")" "kim"
eq "the old session is gone, the test's own two stay" "$(m "SELECT COUNT(*) FROM session")" 2
eq "the old SUS document is gone, the recent one stays" "$(m "SELECT CONCAT_WS('|', (SELECT COUNT(*) FROM sus_batch_part WHERE batch_no = 1), (SELECT doc_purged_at IS NOT NULL FROM sus_batch WHERE batch_no = 1), (SELECT COUNT(*) FROM sus_batch_part WHERE batch_no = 99))")" "0|1|1"
eq "the access log: older than its rule gone, younger kept" "$(m "SELECT GROUP_CONCAT(request_id) FROM audit_log WHERE request_id LIKE 'gr-%'")" "gr-new"
eq "each anonymised record has its access-log row" "$(m "SELECT COUNT(*) FROM audit_log WHERE username = 'cli:gallring' AND object_type = 'participation' AND object_id = $P_OLD AND personnummer = '$OLD_PNR'")" 1
app_sql() { mariadb --no-defaults -S "$SOCK" -u stegvis -p"$(cat "$VAR/db.pass")" -N "$DB" -e "$1" 2> /dev/null; }
eq "the app's account cannot delete consent events, even saying it is gallring" "$(app_sql "SET @stegvis_gallring = 1; DELETE FROM consent_event WHERE consent_id = $C_SUS" > /dev/null; echo $?)" 1
eq "nor the change history" "$(app_sql "SET @stegvis_gallring = 1; DELETE FROM change_history WHERE record_type = 'participation' AND record_id = $P_NEW" > /dev/null; echo $?)" 1
eq "the procedures delete nothing that is not due" "$(app_sql "CALL gallring_history('participation', $P_NEW, @a); CALL gallring_consent_events($C_SUS, @b); CALL gallring_referral_consent_events((SELECT referral_id FROM participation WHERE id = $P_LIVE), @c); SELECT CONCAT_WS('|', @a, @b, @c)")" "0|0|0"
eq "the history and events are still there" "$(m "SELECT CONCAT_WS('|', (SELECT COUNT(*) FROM change_history WHERE record_type = 'participation' AND record_id = $P_NEW), (SELECT COUNT(*) FROM consent_event WHERE consent_id = $C_SUS))")" "1|$C_SUS_EVENTS"
GONE_ITEMS="FROM sus_batch_item i JOIN participation p ON p.id = i.participation_id WHERE p.gallrad_at IS NOT NULL"
check "registrations sent of participations now removed" test "$(m "SELECT COUNT(*) $GONE_ITEMS AND i.action IN ('ny', 'andrad')")" -gt 10
eq "no stored hash of a removed participation is over its personnummer (zeros)" \
	"$(m "SELECT COUNT(*) $GONE_ITEMS AND i.reg_hash IS NOT NULL AND i.reg_hash <> UNHEX(REPEAT('00', 16))")" 0
eq "the others' hashes stay" "$(m "SELECT COUNT(*) FROM sus_batch_item WHERE reg_hash = UNHEX(REPEAT('00', 16))")" "$(m "SELECT COUNT(*) $GONE_ITEMS AND i.reg_hash IS NOT NULL")"
eq "the app's account still cannot delete from the access log" "$(mariadb --no-defaults -S "$SOCK" -u stegvis -p"$(cat "$VAR/db.pass")" -N "$DB" -e "SET @stegvis_gallring_log = 1; DELETE FROM audit_log LIMIT 1" > /dev/null 2>&1; echo $?)" 1

# --- a removed participation takes no change ------------------------------
staff_post "/deltagande/$P_OLD/kontaktuppgifter" "$(contact_body "$STALE_V")" > "$WORK/post-stale.out"
check "the form opened before gallring, posted after, is not saved" bash -c '! grep -q "^Status: 303" "$1"' _ "$WORK/post-stale.out"
staff_get "/deltagande/$P_OLD/kontaktuppgifter" > "$WORK/contact-after.html"
NEW_V=$(grep -o 'name="version" value="[0-9]*"' "$WORK/contact-after.html" | head -1 | grep -oE '[0-9]+')
check "gallring moved the record's version on" test -n "$NEW_V" -a "$NEW_V" != "$STALE_V"
staff_post "/deltagande/$P_OLD/kontaktuppgifter" "$(contact_body "$NEW_V")" > "$WORK/post-new.out"
check "a form opened after gallring is refused too" bash -c '! grep -q "^Status: 303" "$1"' _ "$WORK/post-new.out"
check "with a Swedish reason" grep -q "har gallrats" "$WORK/post-new.out"
eq "and the personal data stays removed" "$(m "SELECT CONCAT_WS('|', first_name, last_name, address, phone) FROM participation_person WHERE participation_id = $P_OLD")" "Gallrad|Gallrad||"
eq "with no history row" "$(m "SELECT COUNT(*) FROM change_history WHERE record_type = 'participation' AND record_id = $P_OLD")" 0

# --- the reports are the same ---------------------------------------------
reports "$WORK/after"
check "every report is byte-identical after gallring" diff -r "$WORK/before" "$WORK/after"

# --- what gallring anonymised is in no list or search staff work from ----
# (it still counts in the reports, above). Sessions on the scratch worker
# for the staff of the old participations' insatser and their remittents.
as_staff() { # USERNAME: prints a new session token of theirs
	local t
	t=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
	m "INSERT INTO session (token_hash, staff_id, csrf_token, created_at, last_seen_at)
	   SELECT UNHEX('$(printf %s "$t" | b2sum -l 256 | cut -d' ' -f1)'), id, REPEAT('a', 64), UTC_TIMESTAMP(), UTC_TIMESTAMP()
	   FROM staff WHERE username = '$1'"
	echo "$t"
}
cgi_as() { # TOKEN PATH [QUERY]: GET; with BODY set in the environment, a POST of it
	local method=GET
	[ -n "${POST_BODY:-}" ] && method=POST
	printf %s "${POST_BODY:-}" | REQUEST_METHOD=$method DOCUMENT_URI=$2 QUERY_STRING=${3:-} \
		CONTENT_TYPE=application/x-www-form-urlencoded CONTENT_LENGTH=${#POST_BODY} \
		HTTP_COOKIE="stegvis_session=$1" REMOTE_ADDR=127.0.0.1 REQUEST_ID=gallring \
		bash "$ROOT/tests/http/fcgi_call.sh" "$WORK/fcgi.sock"
}
# personal.fv works in every insats of the scratch database.
m "INSERT IGNORE INTO staff_insats (staff_id, insats_id) SELECT s.id, i.id FROM staff s JOIN insats i WHERE s.username = 'personal.fv'"
remittent_of() { m "SELECT s.username FROM staff s JOIN referral r ON r.remittent_id = s.id WHERE r.id = $1"; }
gallrad_shown() { grep -c 'Gallrad' "$1"; }
T_OLD=$(as_staff personal.fv)
POST_BODY= cgi_as "$T_OLD" /deltagare "insats=$(m "SELECT insats_id FROM participation WHERE id = $P_OLD")&status=avslutad" > "$WORK/list.html"
eq "the participants list (ended, the old one's insats) is served" "$(grep -c '^Status: 200' "$WORK/list.html")" 1
eq "it shows no anonymised participation" "$(gallrad_shown "$WORK/list.html")/$(grep -c "href=\"/deltagande/$P_OLD\"" "$WORK/list.html")" "0/0"
# Every page of the inbox (ten referrals a page, "Nästa 10" to the rest).
: > "$WORK/inbox.html"
pages=0 next=""
for _ in $(seq 1 1000); do
	POST_BODY= cgi_as "$T_OLD" /inkorg "$next" > "$WORK/inbox-page.html"
	cat "$WORK/inbox-page.html" >> "$WORK/inbox.html"
	pages=$((pages + 1))
	next=$(grep -o 'href="/inkorg?[^"]*" rel="next"' "$WORK/inbox-page.html" | sed 's/^href="\/inkorg?//; s/" rel="next"$//; s/&amp;/\&/g')
	[ -n "$next" ] || break
done
eq "the inbox shows none, on any of its pages" "$(grep -c '^Status: 200' "$WORK/inbox.html")/$(gallrad_shown "$WORK/inbox.html")" "$pages/0"
POST_BODY="csrf=$(printf 'a%.0s' $(seq 64))&personnummer=$LIVE_PNR" cgi_as "$T_OLD" /deltagare/sok > "$WORK/search.html"
eq "a search for a person finds no anonymised participation of theirs" "$(grep -c '^Status: 200' "$WORK/search.html")/$(gallrad_shown "$WORK/search.html")/$(grep -c "href=\"/deltagande/$P_TWIN\"" "$WORK/search.html")" "1/0/0"
T_REM=$(as_staff "$(remittent_of "$R_OLD")")
POST_BODY= cgi_as "$T_REM" /ansokningar > "$WORK/refs.html"
check "the remittent's list is served with rows" grep -q 'href="/ansokningar/[0-9]' "$WORK/refs.html"
eq "it shows no anonymised application" "$(gallrad_shown "$WORK/refs.html")/$(grep -c "href=\"/ansokningar/$R_OLD\"" "$WORK/refs.html")" "0/0"
T_REM2=$(as_staff "$(remittent_of "$(m "SELECT referral_id FROM participation WHERE id = $P_TWIN")")")
POST_BODY="csrf=$(printf 'a%.0s' $(seq 64))&personnummer=$LIVE_PNR" cgi_as "$T_REM2" /ansokningar/sok > "$WORK/refsearch.html"
eq "the remittent's search shows no anonymised application" "$(grep -c '^Status: 200' "$WORK/refsearch.html")/$(gallrad_shown "$WORK/refsearch.html")" "1/0"

# --- SUS: a removed participation is neither withdrawn nor sent again -----
check "the next SUS batch after gallring" quiet "$BIN" sus-export -c "$WORK/a.conf" --forbund SOFTLEG --out "$WORK/sus2.xml"
# (No change to send makes no batch: then there is none after batch 1.)
eq "it has no item of a removed participation" "$(m "SELECT COUNT(*) $GONE_ITEMS AND i.batch_no BETWEEN 2 AND 98")" 0
eq "and withdraws nothing" "$(m "SELECT COALESCE(SUM(n_anonymised), 0) FROM sus_batch WHERE batch_no BETWEEN 2 AND 98")" 0
check "a full replacement after it" quiet "$BIN" sus-export -c "$WORK/a.conf" --forbund SOFTLEG --since 0 --out "$WORK/sus3.xml"
B3=$(m "SELECT MAX(batch_no) FROM sus_batch WHERE batch_no < 99")
eq "it says the receiver keeps each removed registration it holds, and sends none" \
	"$(m "SELECT CONCAT_WS('|', SUM(i.action = 'kvarhallen'), SUM(i.action <> 'kvarhallen')) $GONE_ITEMS AND i.batch_no = $B3")" \
	"$(m "SELECT COUNT(DISTINCT i.participation_id) $GONE_ITEMS AND i.batch_no = 1 AND i.action IN ('ny', 'andrad')")|0"

# --- no removed personnummer in any table but the access log -------------
m "SELECT DISTINCT personnummer FROM audit_log WHERE username = 'cli:gallring' AND personnummer IS NOT NULL AND personnummer NOT IN (SELECT personnummer FROM person)" > "$WORK/gone"
check "some persons were removed whole" test "$(wc -l < "$WORK/gone")" -gt 10
check "the old participation's person is removed whole, or kept for another referral" \
	bash -c 'grep -qx "$1" "$2" || [ "$3" = 1 ]' _ "$OLD_PNR" "$WORK/gone" "$(m "SELECT COUNT(*) FROM person WHERE personnummer = '$OLD_PNR'")"
dump --ignore-table="$DB.audit_log" "$DB" > "$WORK/dump.sql"
: > "$WORK/found"
while read -r p; do
	for f in "$p" "${p:0:8}-${p:8:4}" "${p:2:6}-${p:8:4}"; do
		grep -qF -- "$f" "$WORK/dump.sql" && echo "$f" >> "$WORK/found"
	done
done < "$WORK/gone"
eq "the dump holds none of them outside the access log (12 digits, ÅÅÅÅMMDD-NNNN, ÅÅMMDD-NNNN)" "$(wc -l < "$WORK/found")" 0
eq "the access log still names them" "$(m "SELECT COUNT(DISTINCT personnummer) FROM audit_log WHERE personnummer IN ($(sed "s/.*/'&'/" "$WORK/gone" | paste -sd,))")" "$(wc -l < "$WORK/gone")"

# --- a removed person's stand-in is shown as "Gallrad" ------------------
# On the stack's own database: a participation of Friska Vindar 2.0 whose
# person gallring forgot (the stand-in and the mark, as forget_person()
# writes them), put back at exit.
SP=$(q "SELECT p.id FROM participation p JOIN insats i ON i.id = p.insats_id
	WHERE i.name = 'Friska Vindar 2.0' ORDER BY p.id DESC LIMIT 1")
# as_removed PERSON: the stand-in (the real number with the check digit
# turned wrong: never a valid one) and the mark; both put back at exit.
as_removed() {
	local pnr
	pnr=$(q "SELECT personnummer FROM person WHERE id = $1")
	at_exit "q \"DELETE FROM person_gallrad WHERE person_id = $1; UPDATE person SET personnummer = '$pnr' WHERE id = $1\""
	SSTAND=${pnr:0:11}$(((${pnr:11:1} + 5) % 10))
	q "UPDATE person SET personnummer = '$SSTAND' WHERE id = $1;
		INSERT INTO person_gallrad (person_id, gallrad_at) VALUES ($1, UTC_TIMESTAMP())"
}
as_removed "$(q "SELECT person_id FROM participation WHERE id = $SP")"
log_in SJ personal.fv
for u in "/deltagande/$SP|<dt>Personnummer</dt><dd>Gallrad</dd>" \
	"/deltagande/$SP/kontaktuppgifter|Personnummer Gallrad" "/deltagande/$SP/atkomstlogg|Personnummer Gallrad"; do
	expect_status "${u%%|*} is served" 200 -b "$SJ" "$BASE${u%%|*}"
	expect_body "… showing the removed person's number as Gallrad" "${u#*|}"
	check "… never the stand-in" body_lacks "${SSTAND:0:8}-${SSTAND:8:4}"
done
# A referral not (yet) a participation: its page shows the number.
SREF=$(q "SELECT MAX(r.id) FROM referral r WHERE r.status = 'inskickad'
	AND NOT EXISTS (SELECT 1 FROM participation p WHERE p.referral_id = r.id)
	AND r.person_id <> (SELECT person_id FROM participation WHERE id = $SP)")
as_removed "$(q "SELECT person_id FROM referral WHERE id = $SREF")"
log_in SR "$(q "SELECT s.username FROM referral r JOIN staff s ON s.id = r.remittent_id WHERE r.id = $SREF")"
expect_status "the referral page is served" 200 -b "$SR" "$BASE/ansokningar/$SREF"
expect_body "… showing Gallrad" "</dt><dd>Gallrad</dd>"
check "… never the stand-in" body_lacks "${SSTAND:0:8}-${SSTAND:8:4}"

[ -n "${GR_KEEP:-}" ] && cp "$WORK"/*.html "$WORK"/*.out "$GR_KEEP"/
[ -n "${GR_KEEP:-}" ] && cp "$WORK"/*.norm "$GR_KEEP"/
done_testing
