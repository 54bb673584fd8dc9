# The SUS export writes its items in multi-row INSERTs (sus_items.h:
# chunks of 500, the rest in 50s, 5s and 1s) and its access-log rows in one
# INSERT ... SELECT. A batch of more than two chunks writes every item and
# access-log row exactly once; a failure after the first chunk was written
# leaves nothing of the batch. On a database of its own on the stack's
# server (migrated, demo data, generated participants), so the shared demo
# database is untouched.
. "$(dirname "$0")/lib.sh"
DB=stegvis_suschunks
WORK=$(mktemp -d)
CONF="$WORK/stegvis.conf"
ADMIN=(--socket "$VAR/run/mysqld.sock" --admin-user "$(id -un)")
sd() { mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" -N "$DB" -e "$1"; }
at_exit 'sql_admin "DROP DATABASE IF EXISTS $DB"; rm -rf "$WORK"'

sql_admin "DROP DATABASE IF EXISTS $DB;
	CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_swedish_ci"
grep -v '^db_name\|^sus_export_dir' "$VAR/stegvis.conf" > "$CONF"
printf 'db_name = %s\nsus_export_dir = %s\n' "$DB" "$WORK" >> "$CONF"
check "its database is migrated" quiet "$BIN" migrate -c "$CONF" "${ADMIN[@]}"
check "with the demo data" quiet "$BIN" demo-load -c "$CONF" "${ADMIN[@]}"
check "and generated participants" quiet "$BIN" demo-participants -c "$CONF" \
	"${ADMIN[@]}" --count 2300 --force --seed 19
# A SUS consent for everyone who lacks one (as make bench does).
sd "INSERT INTO consent (referral_id, kind, state, answer, text_id, language,
	valid_from, signed_how, paper_date, taken_by, signed_at)
	SELECT p.referral_id, 'sus', 'aktiv', 'ja', (SELECT t.id FROM consent_text t
	JOIN insats i ON i.forbund_id = t.forbund_id WHERE i.id = p.insats_id
	AND t.kind = 'sus' AND t.language = 'sv' AND t.is_current = 1), 'sv',
	p.start_date, 'papper', p.start_date, (SELECT MIN(id) FROM staff), UTC_TIMESTAMP()
	FROM participation p WHERE NOT EXISTS (SELECT 1 FROM consent c
	WHERE c.referral_id = p.referral_id AND c.kind = 'sus')"
items() { sd "SELECT COUNT(*) FROM sus_batch_item"; }
people_rows() { sd "SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND object_type = 'participation'"; }
state() { sd "SELECT CONCAT(COALESCE(MAX(last_batch_no), 0), '/', COALESCE(MAX(last_acked_no), 0)) FROM sus_state"; }

# --- A failure in the middle: the 601st item of the batch is refused, after
# the first chunk of 500 was written in its own statement.
mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" "$DB" <<'SQL'
DELIMITER //
CREATE TRIGGER sus_chunk_fail BEFORE INSERT ON sus_batch_item FOR EACH ROW
IF (SELECT COUNT(*) FROM sus_batch_item WHERE batch_no = NEW.batch_no) >= 600
THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'test: refused'; END IF//
DELIMITER ;
SQL
eq "(the refusing trigger is there)" "$(sd "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = '$DB' AND TRIGGER_NAME = 'sus_chunk_fail'")" 1
before_state=$(state)
before_log=$(sd "SELECT COUNT(*) FROM audit_log")
"$BIN" sus-export -c "$CONF" --forbund SOFTLEG --out "$WORK/fail.xml" > "$WORK/fail.out" 2>&1
eq "the export fails when an item chunk fails" "$?" 1
check "… at the registrations" grep -q "vid registreringar" "$WORK/fail.out"
check "no file" test ! -e "$WORK/fail.xml"
eq "no batch" "$(sd "SELECT COUNT(*) FROM sus_batch")" 0
eq "no item (the first chunk is rolled back too)" "$(items)" 0
eq "no stored document" "$(sd "SELECT COUNT(*) FROM sus_batch_part")" 0
eq "no count group" "$(sd "SELECT COUNT(*) FROM sus_batch_count")" 0
eq "no access-log row" "$(sd "SELECT COUNT(*) FROM audit_log")" "$before_log"
eq "the numbering is as before" "$(state)" "$before_state"
sd "DROP TRIGGER sus_chunk_fail"

# --- The same batch, whole.
check "the export succeeds" quiet "$BIN" sus-export -c "$CONF" --forbund SOFTLEG --out "$WORK/b1.xml"
reg=$(xmllint --xpath "count(//*[local-name()='registrering'])" "$WORK/b1.xml")
check "more than two chunks of registrations ($reg)" test "$reg" -gt 1200
check "and not a multiple of 50 (a remainder in 5s and 1s)" test $((reg % 50)) -ne 0 -o $((reg % 5)) -ne 0
eq "one item per registration" "$(items)" "$reg"
eq "each participation once" "$(sd "SELECT COUNT(DISTINCT participation_id) FROM sus_batch_item")" "$reg"
grep -o ' deltagande="[0-9]*"' "$WORK/b1.xml" | tr -dc '0-9\n' | sort -n > "$WORK/doc.ids"
sd "SELECT participation_id FROM sus_batch_item ORDER BY participation_id" > "$WORK/items.ids"
check "the items are the document's registrations" cmp -s "$WORK/doc.ids" "$WORK/items.ids"
eq "as new, with their hashes" "$(sd "SELECT COUNT(*) FROM sus_batch_item WHERE action = 'ny' AND reg_hash IS NOT NULL")" "$reg"
eq "one access-log row per registration" "$(people_rows)" "$reg"
eq "for each participation once" "$(sd "SELECT COUNT(DISTINCT object_id) FROM audit_log WHERE action = 'export' AND object_type = 'participation'")" "$reg"
eq "every item has its access-log row" "$(sd "SELECT COUNT(*) FROM sus_batch_item it WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.object_type = 'participation' AND a.action = 'export' AND a.object_id = it.participation_id)")" 0
eq "the batch says so" "$(sd "SELECT n_new FROM sus_batch WHERE batch_no = 1")" "$reg"

# --- Withdrawals are items too: acknowledged, then 3 consents revoked.
check "acknowledged" quiet "$BIN" sus-export -c "$CONF" --forbund SOFTLEG --ack 1
sd "UPDATE consent SET state = 'aterkallad' WHERE kind = 'sus' AND referral_id IN
	(SELECT referral_id FROM (SELECT p.referral_id FROM participation p
	JOIN sus_batch_item it ON it.participation_id = p.id ORDER BY p.id LIMIT 3) x)"
check "the next export succeeds" quiet "$BIN" sus-export -c "$CONF" --forbund SOFTLEG --out "$WORK/b2.xml"
eq "three withdrawals in its document" "$(xmllint --xpath "count(//*[local-name()='avregistrering'])" "$WORK/b2.xml")" 3
eq "three items of batch 2" "$(sd "SELECT COUNT(*) FROM sus_batch_item WHERE batch_no = 2 AND action = 'anonymiserad'")" 3
done_testing
