# Backup and restore (README "Säkerhetskopior"): back up the demo database,
# wipe it (database and the app account's grants), restore it in place and
# find the same rows, triggers, grants and access log, and a stack that
# serves from the restored data. A wrong key and a cut-off file are refused
# with the database untouched; the file holds no plaintext personnummer;
# old backups are pruned, capped by gallring.
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
{ cat "$VAR/stegvis.conf"; printf 'backup_dir = %s\nbackup_key_file = %s\n' "$D" "$PUB"; } > "$CONF"

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
	q "SHOW GRANTS FOR 'stegvis'@'localhost'" | sort
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

# --- Wipe, restore, compare --------------------------------------------------
sql_admin "DROP DATABASE stegvis;
	CREATE DATABASE stegvis CHARACTER SET utf8mb4 COLLATE utf8mb4_swedish_ci;
	REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'stegvis'@'localhost'"
eq "wiped: no tables left" "$(q "SELECT COUNT(*) FROM information_schema.TABLES
	WHERE TABLE_SCHEMA = 'stegvis'")" 0
"$BIN" restore -c "$CONF" --key "$KEY" "$F" > "$OUT" 2>&1
rc=$?
eq "stegvis restore succeeds" "$rc" 0
[ "$rc" -eq 0 ] || sed 's/^/# /' "$OUT"
eq "the same rows in every table, the same triggers and grants" "$(state)" "$BEFORE"
eq "the same access log" "$(log_rows "$LAST")" "$LOG_BEFORE"
eq "… plus one row for the restore" "$(audits "id > $LAST AND action = 'admin'
	AND object_type = 'backup' AND detail = 'återläst från ${F##*/}'")" 1
eq "the row added after the backup is gone" "$(marker)" 0
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
# Without table gallring_rule, a scratch one (7 days) shows the cap.
SCRATCH=0
if [ "$(q "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()
	AND TABLE_NAME = 'gallring_rule'")" = 0 ]; then
	q "CREATE TABLE gallring_rule (keep_days INT NOT NULL); INSERT INTO gallring_rule VALUES (7), (400)"
	SCRATCH=1
fi
WANT=$(q "SELECT LEAST(30, GREATEST(1, MIN(keep_days))) FROM gallring_rule")
sleep 1 # a new second: a new file name
"$BIN" backup -c "$CONF" > "$OUT" 2>&1
eq "a second backup succeeds" "$?" 0
[ "$SCRATCH" = 1 ] && q "DROP TABLE gallring_rule"
check "it prunes the backup older than the retention" test ! -e "$D/$OLD"
check "… says so" grep -q "gallrade $OLD" "$OUT"
check "… keeps the recent one and other files" test -e "$F" -a -e "$D/notes.txt"
check "the retention is capped at the shortest gallring rule ($WANT days)" \
	grep -q "sparas $WANT dagar (kortaste gallringsregeln)" "$OUT"
eq "two backups now" "$(ls "$D"/stegvis-*.sql.age | wc -l)" 2

done_testing
