#!/usr/bin/env bash
# sql/0022_person_per_referral.sql moves today's data without loss: a
# scratch database is migrated up to 0021 with the demo organisations and
# staff, given a person shared by two organisations' referrals and a
# participation with the old shared row's history, then migrated to 0022.
# Every referral and participation must carry the person's values, the
# history must reach the records of those who wrote it, and the shared row
# must keep only the link.
set -u
. "$(dirname "$0")/lib.sh"

DB=stegvis_mig_$$
WORK=$(mktemp -d)
at_exit 'sql_admin "DROP DATABASE IF EXISTS $DB" > /dev/null 2>&1; rm -rf "$WORK"'
m() { mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" -N "$DB" -e "$1"; }

mkdir "$WORK/sql"
for f in "$ROOT"/sql/0*.sql; do
	# 0049 reads participation_person, which 0022 makes: it comes after,
	# and 0053 (which reads 0049's table) after it; 0063 last, with a
	# write in the middle too.
	case "$f" in */0022_* | */0049_* | */0053_* | */0063_*) continue ;; esac
	cp "$f" "$WORK/sql/"
done
cp "$ROOT/sql/demo.sql" "$WORK/sql/"
printf 'db_socket = %s\ndb_name = %s\n' "$VAR/run/mysqld.sock" "$DB" > "$WORK/stegvis.conf"
sql_admin "CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_swedish_ai_ci"
check "migrations up to 0021 apply to a scratch database" \
	bash -c 'cd "$1" && "$2" migrate -c stegvis.conf > migrate.log 2>&1 && "$2" demo-load -c stegvis.conf >> migrate.log 2>&1' _ "$WORK" "$BIN"
eq "0022 is not applied yet" "$(m "SELECT COUNT(*) FROM schema_version WHERE version = 22")" 0

# Before: one shared row, changed by FK's remittent (2) with their second
# referral and by the Case Manager staff (8) on the SUS page.
check "the old-schema fixture loads" m "
	INSERT INTO person (id, personnummer, id_kind, first_name, last_name, gender, birth_year, address,
	  postal_code, city, phone, home_municipality, interpreter_needed, interpreter_language, protected_identity)
	VALUES (900001, '198503141234', 'personnummer', 'Maria', 'Migrerad', 'kvinna', 1985, 'Gamla vägen 1',
	  '461 30', 'Trollhättan', '0520-1', 'Grästorp', 1, 'arabiska', 1);
	INSERT INTO referral (id, person_id, insats_id, remittent_id, organisation_id, status, created_at)
	VALUES (900001, 900001, 6, 2, 2, 'antagen', '2024-01-01 10:00:00'),
	       (900002, 900001, 6, 3, 10, 'utkast', '2024-03-01 10:00:00');
	INSERT INTO participation (id, referral_id, person_id, insats_id, status, start_date, created_at)
	VALUES (900001, 900001, 900001, 6, 'inskriven', '2024-02-01', '2024-02-01 10:00:00');
	INSERT INTO change_history (at, staff_id, record_type, record_id, field, old_value, new_value)
	VALUES ('2024-03-01 10:00:00.100', 3, 'person', 900001, 'address', 'Fk-gatan 1', 'Gamla vägen 1'),
	       ('2024-04-01 09:00:00.000', 8, 'person', 900001, 'home_municipality', '', 'Grästorp');"

cp "$ROOT/sql/0022_person_per_referral.sql" "$WORK/sql/"
check "0022 applies" bash -c 'cd "$1" && "$2" migrate -c stegvis.conf >> migrate.log 2>&1' _ "$WORK" "$BIN" ||
	cat "$WORK/migrate.log"

ALL="first_name, last_name, gender, address, postal_code, city, phone, home_municipality, interpreter_needed, interpreter_language, protected_identity"
# FK made the person; soc later referred it, typing a new address over FK's;
# the insats then set the kommun. Each record gets its own side's values.
eq "FK's referral: FK's own address back, not the kommun the insats set later" \
	"$(m "SELECT CONCAT_WS('|', $ALL) FROM referral_person WHERE referral_id = 900001")" \
	"Maria|Migrerad|kvinna|Fk-gatan 1|461 30|Trollhättan|0520-1||1|arabiska|1"
eq "soc's referral: what soc typed, and none of FK's contact data" \
	"$(m "SELECT CONCAT_WS('|', $ALL) FROM referral_person WHERE referral_id = 900002")" \
	"Maria|Migrerad|kvinna|Gamla vägen 1|||||1||1"
eq "the participation: the values at admission and the insats's own kommun" \
	"$(m "SELECT CONCAT_WS('|', $ALL) FROM participation_person WHERE participation_id = 900001")" \
	"Maria|Migrerad|kvinna|Fk-gatan 1|461 30|Trollhättan|0520-1|Grästorp|1|arabiska|1"
eq "the person keeps only the link" \
	"$(m "SELECT GROUP_CONCAT(column_name ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = '$DB' AND table_name = 'person'")" \
	"id,personnummer,id_kind,birth_year,created_at,updated_at"
eq "and its personnummer and birth year" "$(m "SELECT CONCAT_WS('|', personnummer, id_kind, birth_year) FROM person WHERE id = 900001")" \
	"198503141234|personnummer|1985"
eq "soc's change of the shared row is now history of soc's referral" \
	"$(m "SELECT CONCAT_WS('|', record_type, record_id, staff_id, old_value, new_value) FROM change_history WHERE field = 'address' AND record_type <> 'person'")" \
	"referral|900002|3|Gamla vägen 1"
eq "without FK's old address: the old value is kept only when soc wrote it too" \
	"$(m "SELECT COUNT(*) FROM change_history WHERE record_type = 'referral' AND old_value = 'Fk-gatan 1'")" 0
eq "the insats staff's change is history of the participation" \
	"$(m "SELECT CONCAT_WS('|', record_type, record_id, staff_id) FROM change_history WHERE field = 'home_municipality' AND record_type <> 'person'")" \
	"participation|900001|8"
eq "the old rows are kept as they were" "$(m "SELECT COUNT(*) FROM change_history WHERE record_type = 'person' AND record_id = 900001")" 2
eq "the app's account may read and write the new tables" \
	"$(m "SELECT COUNT(*) FROM information_schema.table_privileges WHERE table_schema = '$DB' AND grantee LIKE '%stegvis%' AND table_name IN ('referral_person', 'participation_person') AND privilege_type IN ('SELECT', 'INSERT', 'UPDATE')")" 6

# mdl_wait: the migration waits for a metadata lock.
mdl_wait() {
	[ "$(m "SELECT COUNT(*) FROM information_schema.processlist
		WHERE db = '$DB' AND state = 'Waiting for table metadata lock'")" = 1 ]
}
# held_migration NNNN TABLE HOLD WRITE: sql/NNNN_* applied while a session
# holds TABLE's metadata lock (HOLD: a write of no row of TABLE, its
# transaction left open), so the migration stops at its first statement
# that needs TABLE to itself (a CREATE TRIGGER); then the session runs
# WRITE and commits, and the migration goes on.
held_migration() {
	local n=$1 table=$2 hold=$3 write=$4 s_pid m_pid
	cp "$ROOT"/sql/"$n"_*.sql "$WORK/sql/"
	mkfifo "$WORK/$n.in"
	mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" -N -n "$DB" \
		< "$WORK/$n.in" > "$WORK/$n.out" 2>&1 &
	s_pid=$!
	exec 3> "$WORK/$n.in"
	echo "BEGIN; $hold; SELECT 'held';" >&3
	wait_for 10 grep -q held "$WORK/$n.out"
	(cd "$WORK" && "$BIN" migrate -c stegvis.conf >> migrate.log 2>&1) &
	m_pid=$!
	check "$n waits for the session's lock on $table" wait_for 30 mdl_wait
	echo "$write; COMMIT;" >&3
	exec 3>&-
	wait "$s_pid"
	check "$n applies" wait "$m_pid" || cat "$WORK/migrate.log"
}

# sql/0049 on data, while a write comes in the middle of it (the old
# version serves during `stegvis migrate`). A session holds participation's
# metadata lock (a write of no row, its transaction open), so the
# migration stops at the first statement that needs participation to
# itself (a CREATE TRIGGER); then the session changes the fixture's
# participation (gallrad: no longer listed) and commits. Made before the
# fills, the triggers or the fills see it; filled before the triggers were
# made, the tables would keep the fixture listed.
held_migration 0049 participation "UPDATE participation SET gallrad_at = gallrad_at WHERE id = 0" \
	"UPDATE participation SET gallrad_at = '2024-05-01 00:00:00' WHERE id = 900001"
eq "the write in the middle is in participation_order" \
	"$(m "SELECT listed FROM participation_order WHERE participation_id = 900001")" 0

# sql/0053 the same way: a session holds participation_order's metadata
# lock, so the migration stops at its first CREATE TRIGGER; then it makes
# the fixture late (a planned end passed, listed again) and commits. The
# fill must count it.
held_migration 0053 participation_order \
	"UPDATE participation_order SET listed = listed WHERE participation_id = 0" \
	"UPDATE participation SET gallrad_at = NULL, status = 'inskriven', planned_end_date = '2024-06-03'
	WHERE id = 900001"
eq "the write in the middle is in late_tally" \
	"$(m "SELECT n FROM late_tally t JOIN participation p ON p.id = 900001 AND t.insats_id = p.insats_id
		WHERE t.listed = 1 AND t.grain = 2 AND t.bucket = '2024-06-03' AND t.kind = 0")" 1

# sql/0063 the same way: a session holds referral's metadata lock, so the
# migration stops at its first CREATE TRIGGER; then it submits the
# fixture's draft (utkast to inskickad) and commits. The fill must count
# it where it is now, and nowhere where it was.
held_migration 0063 referral "UPDATE referral SET status = status WHERE id = 0" \
	"UPDATE referral SET status = 'inskickad', submitted_at = '2024-03-02 10:00:00' WHERE id = 900002"
eq "the write in the middle is in referral_tally" \
	"$(m "SELECT CONCAT_WS('|', IFNULL((SELECT n FROM referral_tally WHERE insats_id = 6
		AND status = 'inskickad' AND listed = 1), 0), IFNULL((SELECT n FROM referral_tally
		WHERE insats_id = 6 AND status = 'utkast' AND listed = 1), 0))")" \
	"$(m "SELECT CONCAT_WS('|', SUM(status = 'inskickad'), SUM(status = 'utkast')) FROM referral
		WHERE insats_id = 6 AND gallrad_at IS NULL")"
order_ok "after 0049, 0053 and 0063" m
done_testing
