# Backup and restore (README "Säkerhetskopior"): back up the demo database,
# wipe it (database and the app account's grants), restore it in place and
# find the same rows, triggers, grants and access log, and a stack that
# serves from the restored data. A wrong key and a cut-off file are refused
# with the database untouched; the file holds no plaintext personnummer;
# old backups are pruned, capped by the case-data gallring rules.
#
# In place, on the shared stack: that is what a real restore does, and the
# rest of make check then runs on the restored database, which proves the
# stack serves after it (the workers keep running through the restore).
. "$(dirname "$0")/lib.sh"

D=$LIB_TMP/backup
KEY=$LIB_TMP/backup.key   # the secret identity, held off the server
PUB=$LIB_TMP/backup.pub   # what the server's conf names
WRONG=$LIB_TMP/wrong.key
CONF=$LIB_TMP/stegvis.conf
OUT=$LIB_TMP/out
age-keygen -o "$KEY" 2> /dev/null
age-keygen -o "$WRONG" 2> /dev/null
age-keygen -y "$KEY" > "$PUB"
{ grep -v '^backup_' "$VAR/stegvis.conf"; printf 'backup_dir = %s\nbackup_key_file = %s\n' "$D" "$PUB"; } > "$CONF"

# Every table's rows but the access log's (a hash of all rows sorted by
# all columns: CHECKSUM TABLE is not stable for tables with generated
# columns), the triggers, the app account's grants: one text to compare.
state() {
	local t n
	q "SELECT TABLE_NAME, COUNT(*) FROM information_schema.COLUMNS
		WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'audit_log'
		GROUP BY TABLE_NAME ORDER BY 1" |
		while read -r t n; do
			echo "$t $(q "SELECT * FROM \`$t\` ORDER BY $(seq -s, "$n")" | md5sum)"
		done
	q "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_STATEMENT FROM information_schema.TRIGGERS
		WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY 1"
	q "SELECT ROUTINE_NAME, ROUTINE_TYPE, SECURITY_TYPE, DEFINER, MD5(ROUTINE_DEFINITION)
		FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY 1"
	# Only the grants on this database (and the account's own line): other
	# tests' scratch databases leave grants of their own behind.
	q "SHOW GRANTS FOR 'stegvis'@'localhost'" | grep -E ' ON (PROCEDURE |FUNCTION )?(`stegvis`|\*\.\*)' | sort
}
# The access log's rows up to id $1, in order.
log_rows() { q "SELECT * FROM audit_log WHERE id <= $1 ORDER BY id"; }
marker() { q "SELECT COUNT(*) FROM login_failure WHERE username = 'backup-test-marker'"; }

# --- Backup ------------------------------------------------------------------
"$BIN" backup -c "$CONF" > "$OUT" 2>&1
eq "stegvis backup succeeds" "$?" 0
F=$(ls "$D"/stegvis-*.sql.age 2> /dev/null | head -n 1)
check "one backup file, named by its UTC time" test "$(ls "$D" | wc -l)" = 1 -a -n "$F"
eq "the file is mode 0600" "$(stat -c %a "$F" 2> /dev/null)" 600
eq "the backup is in the access log" "$(audits "action = 'export' AND object_type = 'backup'
	AND detail = 'säkerhetskopia ${F##*/}'")" 1
BEFORE=$(state)
LAST=$(q "SELECT MAX(id) FROM audit_log")
LOG_BEFORE=$(log_rows "$LAST")
PNR=$(q "SELECT personnummer FROM person ORDER BY id LIMIT 1")
check "the file holds no plaintext personnummer" bash -c '! grep -qaF -- "$1" "$2"' _ "$PNR" "$F"
check "(it is in the decrypted dump)" bash -c 'age -d -i "$1" "$2" | grep -qaF -- "$3"' _ "$KEY" "$F" "$PNR"

# A row that is not in the backup: still there after a refused restore.
q "INSERT INTO login_failure (username, remote_addr, at)
	VALUES ('backup-test-marker', 'local', UTC_TIMESTAMP())"
MARKED=$(state)

# --- Refused before anything changes -----------------------------------------
"$BIN" restore -c "$CONF" --key "$WRONG" "$F" > "$OUT" 2>&1
eq "a wrong key is refused" "$?" 1
check "… saying so in Swedish" grep -q "fel nyckel" "$OUT"
head -c $(($(stat -c %s "$F") * 2 / 3)) "$F" > "$LIB_TMP/cut.age"
"$BIN" restore -c "$CONF" --key "$KEY" "$LIB_TMP/cut.age" > "$OUT" 2>&1
eq "a truncated file is refused" "$?" 1
check "… as damaged or cut off" grep -q "avkortad" "$OUT"
check "… and says the database is untouched" grep -q "databasen är orörd" "$OUT"
"$BIN" restore -c "$CONF" "$F" > "$OUT" 2>&1
eq "the public key alone cannot restore" "$?" 1
eq "the database was not touched" "$(marker)" 1
eq "… nor its tables" "$(state)" "$MARKED"
# The stack is serving (its workers hold connections as the app's
# account): a restore would fail its requests, so it needs --force.
check "(the serving stack is connected as the app's account)" \
	test "$(q "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = 'stegvis'")" -gt 0
"$BIN" restore -c "$CONF" --key "$KEY" "$F" > "$OUT" 2>&1
eq "a restore while the app is connected is refused without --force" "$?" 1
check "… saying to stop the service first" grep -q "Stoppa tjänsten först" "$OUT"
check "… and that the database is untouched" grep -q "databasen är orörd" "$OUT"
eq "… and it is" "$(marker)/$(state)" "1/$MARKED"

# --- Wipe, restore, compare --------------------------------------------------
sql_admin "DROP DATABASE stegvis;
	CREATE DATABASE stegvis CHARACTER SET utf8mb4 COLLATE utf8mb4_swedish_ci;
	REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'stegvis'@'localhost'"
eq "wiped: no tables left" "$(q "SELECT COUNT(*) FROM information_schema.TABLES
	WHERE TABLE_SCHEMA = 'stegvis'")" 0
"$BIN" restore -c "$CONF" --key "$KEY" --force "$F" > "$OUT" 2>&1
rc=$?
eq "stegvis restore --force succeeds" "$rc" 0
[ "$rc" -eq 0 ] || sed 's/^/# /' "$OUT"
eq "the same rows in every table, the same triggers, routines and grants" "$(state)" "$BEFORE"
check "the app's account can call gallring's procedures again" \
	bash -c 'mariadb --no-defaults -S "$1" -u stegvis -p"$(cat "$2")" -N stegvis -e "CALL gallring_history('"'participation'"', 0, @n); SELECT @n" | grep -qx 0' _ "$VAR/run/mysqld.sock" "$VAR/db.pass"
check "(the state names the procedures and their grants)" bash -c 'grep -q "gallring_history.*DEFINER" <<< "$1" && grep -q "EXECUTE ON PROCEDURE .*gallring_history" <<< "$1"' _ "$BEFORE"
eq "the same access log" "$(log_rows "$LAST")" "$LOG_BEFORE"
eq "… plus one row for the restore" "$(audits "id > $LAST AND action = 'admin'
	AND object_type = 'backup' AND detail = 'återläst från ${F##*/}'")" 1
eq "the row added after the backup is gone" "$(marker)" 0
eq "gallring's procedure for the access log is back, with the app's EXECUTE" \
	"$(q "SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = 'stegvis'
	AND ROUTINE_NAME = 'gallring_audit_log'")/$(q "SHOW GRANTS FOR 'stegvis'@'localhost'" | grep -c 'EXECUTE ON PROCEDURE `stegvis`.`gallring_audit_log`')" 1/1
check "the access log is append-only again" \
	bash -c '! mariadb --no-defaults -S "$1" -u "$(id -un)" stegvis -e "DELETE FROM audit_log" 2> /dev/null' _ "$VAR/run/mysqld.sock"

# The running stack serves the restored data, through its own account.
NAME=$(q "SELECT CONCAT(pp.first_name, ' ', pp.last_name) FROM participation_person pp
	JOIN participation p ON p.id = pp.participation_id JOIN insats i ON i.id = p.insats_id
	WHERE i.name = 'Friska Vindar 2.0' ORDER BY pp.participation_id DESC LIMIT 1")
P=$(participation_id_of "$NAME")
log_in J personal.fv
expect_status "a restored participation page is served" 200 -b "$J" "$BASE/deltagande/$P"
expect_body "… with the restored name" "${NAME#* }"

# --- Pruning and the gallring cap --------------------------------------------
OLD=stegvis-20000101T000000Z.sql.age
: > "$D/$OLD"
: > "$D/notes.txt"
# The case-data rules cap the retention (BACKUP_CAPPING_RULES): the SUS
# documents' rule at 14 days does; the sessions' rule at 2 days and the
# codes' at 3 do not. Each förbund has its own rules (sql/0074) and a
# backup holds every förbund's records: the shortest of any förbund's
# caps it, here the last förbund's.
RF=$(q "SELECT MAX(id) FROM forbund")
RULES=$(q "SELECT GROUP_CONCAT(code, '=', keep_days) FROM gallring_rule WHERE forbund_id = $RF AND code IN ('sus_dokument', 'inloggning', 'enkatkod')")
at_exit 'for kv in $(echo "$RULES" | tr , " "); do q "UPDATE gallring_rule SET keep_days = ${kv#*=} WHERE forbund_id = $RF AND code = '"'"'${kv%%=*}'"'"'"; done'
q "UPDATE gallring_rule SET keep_days = CASE code WHEN 'sus_dokument' THEN 14 WHEN 'inloggning' THEN 2 ELSE 3 END
   WHERE forbund_id = $RF AND code IN ('sus_dokument', 'inloggning', 'enkatkod')"
WANT=14
sleep 1 # a new second: a new file name
"$BIN" backup -c "$CONF" > "$OUT" 2>&1
eq "a second backup succeeds" "$?" 0
check "it prunes the backup older than the retention" test ! -e "$D/$OLD"
check "… says so" grep -q "gallrade $OLD" "$OUT"
check "… keeps the recent one and other files" test -e "$F" -a -e "$D/notes.txt"
check "the retention is capped at the shortest case-data gallring rule ($WANT days), not at the sessions' or codes'" \
	grep -q "sparas $WANT dagar (kortaste gallringsregeln för ärenden)" "$OUT"
eq "two backups now" "$(ls "$D"/stegvis-*.sql.age | wc -l)" 2

# --- From the stack's own conf, as `make run` has it (issue 14) ---------------
# conf/devstack.sh gives the stack a key of its own and points its conf at
# the key and at a backup directory inside the stack.
SK=$(sed -n 's/^backup_key_file = //p' "$VAR/stegvis.conf")
SD=$(sed -n 's/^backup_dir = //p' "$VAR/stegvis.conf")
eq "the stack's conf names a key and a directory of its own" "${SK%/*}|${SD%/*}" "$VAR|$VAR"
eq "the stack's key is there, mode 0600" "$(stat -c %a "$SK" 2> /dev/null)" 600
check "… and never in git (make run's var/backup.key is ignored)" git -C "$ROOT" check-ignore -q var/backup.key
"$BIN" gallring -c "$VAR/stegvis.conf" --dry-run > "$OUT" 2>&1
eq "stegvis gallring --dry-run with the stack's conf" "$?" 0
"$BIN" backup -c "$VAR/stegvis.conf" > "$OUT" 2>&1
eq "stegvis backup with the stack's conf" "$?" 0
SF=$(ls "$SD"/stegvis-*.sql.age 2> /dev/null | tail -n 1)
check "… into the stack's directory" test -s "$SF"

# --- The access log written since the backup survives a restore -------------
# (the only record of what was read since, and of what gallring removed).
SLAST=$(age -d -i "$SK" "$SF" | sed -n '1,5s/^-- audit-log-max-id: //p')
eq "the backup records the access log's highest id" "$SLAST" "$(q "SELECT MAX(id) FROM audit_log
	WHERE action = 'export' AND object_type = 'backup' AND detail = 'säkerhetskopia ${SF##*/}'")"
expect_status "(a read after the backup)" 200 -b "$J" "$BASE/deltagande/$P"
q "INSERT INTO audit_log (at, username, action, object_type, object_id, personnummer,
	remote_addr, request_id, detail) VALUES (UTC_TIMESTAMP(3), 'cli:gallring', 'update',
	'participation', 999999999, '197807250010', 'local', 'cli', 'gallrad (backup test)')"
AFTER_MAX=$(q "SELECT MAX(id) FROM audit_log")
AFTER_ROWS=$(q "SELECT * FROM audit_log WHERE id > $SLAST ORDER BY id")
check "(rows after the backup: the read and the gallring row)" test "$((AFTER_MAX - SLAST))" -ge 2
"$BIN" restore -c "$VAR/stegvis.conf" --force "$SF" > "$OUT" 2>&1
rc=$?
eq "stegvis restore with the stack's conf and key" "$rc" 0
[ "$rc" -eq 0 ] || sed 's/^/# /' "$OUT"
eq "the access-log rows written after the backup survive, in order, with their ids" \
	"$(q "SELECT * FROM audit_log WHERE id > $SLAST AND id <= $AFTER_MAX ORDER BY id")" "$AFTER_ROWS"
eq "… then the restore's row" "$(audits "id > $AFTER_MAX AND action = 'admin'
	AND detail = 'återläst från ${SF##*/}'")" 1
eq "… and no keep table is left" "$(q "SELECT COUNT(*) FROM information_schema.TABLES
	WHERE TABLE_SCHEMA = 'stegvis' AND TABLE_NAME = 'restore_audit_keep'")" 0
check "the admin is told to run gallring now" grep -q "Kör stegvis gallring nu" "$OUT"
check "… and that the SUS batch numbers rewound" grep -q "SUS-omgångarnas nummer är tillbaka" "$OUT"
expect_status "the stack serves after it" 200 -b "$J" "$BASE/deltagande/$P"
rm -f "$SF"

# --- A backup older than the log's schema -----------------------------------
# A backup taken before a migration that added a column to the access log
# (as 0067 added forbund_id): the rows written since go back with the
# columns the backup's table has; migrate then adds the rest.
"$BIN" backup -c "$VAR/stegvis.conf" > "$OUT" 2>&1
SF=$(ls "$SD"/stegvis-*.sql.age 2> /dev/null | tail -n 1)
check "a backup" test -s "$SF"
SLAST=$(age -d -i "$SK" "$SF" | sed -n '1,5s/^-- audit-log-max-id: //p')
q "ALTER TABLE audit_log ADD COLUMN restore_test_newer INT NULL DEFAULT 7"
expect_status "(a read after the backup and the newer column)" 200 -b "$J" "$BASE/deltagande/$P"
COLS="id, at, forbund_id, staff_id, username, action, object_type, object_id, personnummer, remote_addr, request_id, detail"
AFTER_MAX=$(q "SELECT MAX(id) FROM audit_log")
AFTER_ROWS=$(q "SELECT $COLS FROM audit_log WHERE id > $SLAST ORDER BY id")
"$BIN" restore -c "$VAR/stegvis.conf" --force "$SF" > "$OUT" 2>&1
rc=$?
eq "a restore of a backup without the log's newest column" "$rc" 0
[ "$rc" -eq 0 ] || sed 's/^/# /' "$OUT"
eq "… keeps the rows written since, with the columns the backup's table has" \
	"$(q "SELECT $COLS FROM audit_log WHERE id > $SLAST AND id <= $AFTER_MAX ORDER BY id")" "$AFTER_ROWS"
eq "… the table is the backup's again" "$(q "SELECT COUNT(*) FROM information_schema.COLUMNS
	WHERE TABLE_SCHEMA = 'stegvis' AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'restore_test_newer'")" 0
eq "… and no keep table is left" "$(q "SELECT COUNT(*) FROM information_schema.TABLES
	WHERE TABLE_SCHEMA = 'stegvis' AND TABLE_NAME = 'restore_audit_keep'")" 0
expect_status "the stack serves after it" 200 -b "$J" "$BASE/deltagande/$P"
rm -f "$SF"

done_testing
