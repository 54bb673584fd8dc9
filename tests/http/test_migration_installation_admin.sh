#!/usr/bin/env bash
# sql/0078: who manages the installation's settings. An installation
# migrated from before keeps today's managers, the active admins of its
# first active förbund, and nobody else; on a new installation the first
# förbund's admin (`stegvis forbund-add` on an empty database) is the one,
# and a later förbund's admin is not. Scratch databases: the shared
# stack's is not touched.
set -u
. "$(dirname "$0")/lib.sh"

DB=stegvis_ia_$$
DB2=stegvis_ia2_$$
WORK=$(mktemp -d)
at_exit "drop_scratch_db $DB $DB2; rm -rf '$WORK'"
m() { mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" -N "$1" -e "$2"; }

# --- An installation from before 0078, with two förbund.
mkdir "$WORK/sql" "$WORK/all"
for f in "$ROOT"/sql/0*.sql; do
	cp "$f" "$WORK/all/"
	case "$f" in */0078_*) continue ;; esac
	cp "$f" "$WORK/sql/"
done
printf 'db_socket = %s\ndb_name = %s\n' "$VAR/run/mysqld.sock" "$DB" > "$WORK/stegvis.conf"
sql_admin "CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_swedish_ai_ci"
check "the migrations before 0078 apply to a scratch database" \
	bash -c 'cd "$1" && "$2" migrate -c stegvis.conf > migrate.log 2>&1' _ "$WORK" "$BIN"
# Förbund 1 was switched off; 2 is the first active one, 3 another.
m "$DB" "INSERT INTO forbund (id, name, short_name, public_host, active) VALUES
	(1, 'Förbund Ett', 'ETT', 'ett.test', 0), (2, 'Förbund Två', 'TVA', NULL, 1), (3, 'Förbund Tre', 'TRE', 'tre.test', 1);
  INSERT INTO organisation (id, forbund_id, kind, name) VALUES (1, 1, 'other', 'Kansli 1'), (2, 2, 'other', 'Kansli 2'),
	(3, 3, 'other', 'Kansli 3');
  INSERT INTO staff (id, forbund_id, organisation_id, username, display_name, email, active) VALUES
	(1, 1, 1, 'admin.ett', 'A', '', 1), (2, 2, 2, 'admin.tva', 'A', '', 1), (3, 2, 2, 'gammal.tva', 'A', '', 0),
	(4, 2, 2, 'chef.tva', 'A', '', 1), (5, 3, 3, 'admin.tre', 'A', '', 1);
  INSERT INTO staff_role (staff_id, role) VALUES (1, 'admin'), (2, 'admin'), (3, 'admin'), (4, 'forbund'), (5, 'admin')"
cp "$WORK/all/"0078_*.sql "$WORK/sql/"
check "0078 applies" bash -c 'cd "$1" && "$2" migrate -c stegvis.conf >> migrate.log 2>&1' _ "$WORK" "$BIN" ||
	cat "$WORK/migrate.log"
eq "the first active förbund's active admin manages the installation's settings, nobody else" \
	"$(m "$DB" "SELECT GROUP_CONCAT(username ORDER BY id) FROM staff WHERE installation_admin = 1")" admin.tva

# --- A new installation: forbund-add on an empty database.
printf 'db_socket = %s\ndb_name = %s\ndb_password_file = %s\n' "$VAR/run/mysqld.sock" "$DB2" "$VAR/db.pass" > "$WORK/new.conf"
sql_admin "CREATE DATABASE $DB2 CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_swedish_ai_ci"
check "a new installation migrates" \
	bash -c 'cd "$1" && rm -rf sql && cp -r all sql && "$2" migrate -c new.conf > new.log 2>&1' _ "$WORK" "$BIN"
(cd "$WORK" && "$BIN" forbund-add -c new.conf --name "Samordningsförbundet Första" --short FORSTA \
	--admin forsta.admin --admin-name "Första Admin" > add1.out 2>&1)
eq "its first förbund is added" "$?" 0
(cd "$WORK" && "$BIN" forbund-add -c new.conf --name "Samordningsförbundet Andra" --short ANDRA \
	--host andra.test --admin andra.admin --admin-name "Andra Admin" > add2.out 2>&1)
eq "and a second" "$?" 0
eq "the first förbund's admin manages the installation's settings, the second's does not" \
	"$(m "$DB2" "SELECT GROUP_CONCAT(CONCAT(username, '=', installation_admin) ORDER BY id) FROM staff")" \
	"forsta.admin=1,andra.admin=0"
eq "the first's creation says so in the access log" \
	"$(m "$DB2" "SELECT COUNT(*) FROM audit_log WHERE username = 'cli:forbund-add' AND detail LIKE '%admin forsta.admin (installation admin):%'")" 1

done_testing
