#!/usr/bin/env bash
# Each förbund's own gallring rules (sql/0074; README "Gallring"): each
# förbund is its own personuppgiftsansvarig.
#  - The second förbund's admin changes its rules on /admin/gallring; the
#    first förbund's stay as they were, and its admin neither sees nor
#    changes the second's (and the other way round).
#  - `stegvis gallring` removes each förbund's records by its own rules
#    only (a scratch database with the demo data, two förbund with
#    different rules, old records in both); the rows of no förbund by the
#    first förbund's rules; --dry-run says it per förbund.
#  - A förbund made by an INSERT gets the first förbund's current rules.
#  - The migration: an installation with two förbund keeps its rules, and
#    each förbund has them after it, values and versions.
set -u
. "$(dirname "$0")/lib.sh"

F1=$(forbund_id_of SOFTLEG)
F2=$(forbund_id_of EXEMPEL)
check "the demo's two förbund" test -n "$F1" -a -n "$F2"
CODES="deltagande ansokan samtycke enkatsvar enkatkod sus_dokument inloggning atkomstlogg"
# rules F: förbund F's rules as "code=days/version" in order.
rules() { q "SELECT GROUP_CONCAT(code, '=', keep_days, '/', version ORDER BY position) FROM gallring_rule WHERE forbund_id = $1"; }
R1=$(rules "$F1")
R2=$(rules "$F2")
# Put each förbund's values back at exit (versions move on, as any save).
restore_rules() { # F "code=days/version,…"
	local kv
	for kv in $(tr , ' ' <<< "$2"); do
		q "UPDATE gallring_rule SET keep_days = $(cut -d= -f2 <<< "$kv" | cut -d/ -f1) WHERE forbund_id = $1 AND code = '${kv%%=*}'"
	done
}
at_exit "restore_rules $F1 '$R1'; restore_rules $F2 '$R2'"
check "each förbund has all eight rules" test "$(q "SELECT COUNT(*) FROM gallring_rule WHERE forbund_id = $F1")/$(q "SELECT COUNT(*) FROM gallring_rule WHERE forbund_id = $F2")" = 8/8

# form_args [code=days…]: the gallring form on the last body, some values
# replaced.
form_args() {
	local c args=() v
	for c in $CODES; do
		v=$(input_value "dagar-$c")
		for kv in "$@"; do [ "${kv%%=*}" = "$c" ] && v=${kv#*=}; done
		args+=(--data-urlencode "dagar-$c=$v" --data-urlencode "version-$c=$(hidden "version-$c")")
	done
	printf '%s\n' "${args[@]}"
}

# --- Each admin its own rules -------------------------------------------
log_in AX admin.exempel
log_in A1 admin
expect_status "the second förbund's admin: the overview" 200 -b "$AX" "$BASE/admin"
expect_body "... links gallring" 'href="/admin/gallring"'
expect_status "the second förbund's admin: /admin/gallring" 200 -b "$AX" "$BASE/admin/gallring"
eq "... shows its own inloggning rule" "$(input_value dagar-inloggning)" "$(q "SELECT keep_days FROM gallring_rule WHERE forbund_id = $F2 AND code = 'inloggning'")"
check "... not the note of the installation's förbund" body_lacks "Förbundet är installationens första aktiva förbund"
mapfile -t FORM < <(form_args inloggning=61 ansokan=700)
AUD=$(audits "object_type = 'gallring_rule' AND forbund_id = $F2")
eq "the second förbund's admin saves its rules" "$(post "$AX" /admin/gallring "${FORM[@]}")" 303
NEW2=$(q "SELECT GROUP_CONCAT(code, '=', keep_days ORDER BY position) FROM gallring_rule WHERE forbund_id = $F2 AND code IN ('ansokan', 'inloggning')")
eq "... its rules changed" "$NEW2" "ansokan=700,inloggning=61"
eq "... the first förbund's rules did not (values and versions)" "$(rules "$F1")" "$R1"
eq "... two access-log rows, of the second förbund" "$(audits "object_type = 'gallring_rule' AND forbund_id = $F2")" $((AUD + 2))
expect_status "the first förbund's admin: /admin/gallring" 200 -b "$A1" "$BASE/admin/gallring"
eq "... shows its own inloggning rule, not the second's" "$(input_value dagar-inloggning)" "$(q "SELECT keep_days FROM gallring_rule WHERE forbund_id = $F1 AND code = 'inloggning'")"
check "... no 61 days anywhere" body_lacks 'value="61"'
expect_body "... the note of the installation's förbund" "Förbundet är installationens första aktiva förbund"
# The first förbund's admin saves (the form names no förbund: the
# session's is the only one it can change); the second's rules stay.
AFTER2=$(rules "$F2")
mapfile -t OWN < <(form_args inloggning=62)
post "$A1" /admin/gallring "${OWN[@]}" > /dev/null
eq "the first förbund's admin's post changes nothing of the second's" "$(rules "$F2")" "$AFTER2"
eq "... but its own" "$(q "SELECT keep_days FROM gallring_rule WHERE forbund_id = $F1 AND code = 'inloggning'")" 62
fetch -b "$AX" "$BASE/admin/gallring" > /dev/null
eq "... the second förbund's page still shows its own" "$(input_value dagar-inloggning)" 61

# --- A new förbund gets the first förbund's current rules ------------------
q "UPDATE gallring_rule SET keep_days = 77, version = version + 1 WHERE forbund_id = $F1 AND code = 'sus_dokument'"
mk_forbund F3 "GALLR$$"
eq "a förbund made by an INSERT has the first förbund's current values" \
	"$(q "SELECT GROUP_CONCAT(code, '=', keep_days ORDER BY position) FROM gallring_rule WHERE forbund_id = $F3")" \
	"$(q "SELECT GROUP_CONCAT(code, '=', keep_days ORDER BY position) FROM gallring_rule WHERE forbund_id = $F1")"
eq "... its own version 1 of each, changed by nobody" \
	"$(q "SELECT CONCAT_WS('|', COUNT(*), SUM(version = 1), SUM(updated_by IS NULL), SUM(keep_days = 77 AND code = 'sus_dokument')) FROM gallring_rule WHERE forbund_id = $F3")" "8|8|8|1"

# --- The run: each förbund by its own rules -------------------------------
DB=stegvis_fgr_$$
DB0=stegvis_fgr0_$$
WORK=$(mktemp -d)
at_exit 'drop_scratch_db $DB $DB0; rm -rf "$WORK"'
SOCK="$VAR/run/mysqld.sock"
m() { mariadb --no-defaults -S "$SOCK" -u "$(id -un)" -N "$DB" -e "$1"; }
printf 'db_socket = %s\ndb_name = %s\ndb_password_file = %s\nsocket = %s\nworkers = 1\nviews = %s\n' \
	"$SOCK" "$DB" "$VAR/db.pass" "$WORK/fcgi.sock" "$ROOT/views" > "$WORK/a.conf"
sql_admin "CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_swedish_ai_ci"
check "a scratch database with the demo data" bash -c '
	exec > "$4" 2>&1; cd "$1" && "$2" migrate -c "$3" && "$2" demo-load -c "$3" &&
	"$2" demo-participants -c "$3" &&
	"$2" questionnaire-import -c "$3" --forbund SOFTLEG conf/questionnaires/*.xml &&
	"$2" questionnaire-import -c "$3" --forbund EXEMPEL conf/questionnaires/*.xml' _ "$ROOT" "$BIN" "$WORK/a.conf" "$WORK/load.log" ||
	cat "$WORK/load.log"
S1=$(m "SELECT id FROM forbund WHERE short_name = 'SOFTLEG'")
S2=$(m "SELECT id FROM forbund WHERE short_name = 'EXEMPEL'")
eq "a new installation's first förbund has the shipped rules" \
	"$(m "SELECT GROUP_CONCAT(code, '=', keep_days ORDER BY position) FROM gallring_rule WHERE forbund_id = $S1")" \
	"deltagande=1095,ansokan=365,samtycke=1095,enkatsvar=1095,enkatkod=30,sus_dokument=90,inloggning=30,atkomstlogg=1825"
# The first förbund keeps the shipped rules; the second keeps everything
# far longer.
m "UPDATE gallring_rule SET keep_days = CASE code WHEN 'enkatkod' THEN 365 WHEN 'inloggning' THEN 365 WHEN 'sus_dokument' THEN 730 ELSE 3650 END WHERE forbund_id = $S2"
ins="JOIN insats i ON i.id = r.insats_id"
# An application advised against in each, 600 days ago.
RA=$(m "SELECT MIN(r.id) FROM referral r $ins WHERE i.forbund_id = $S1 AND r.status IN ('avradd', 'aterford') AND NOT EXISTS (SELECT 1 FROM participation p WHERE p.referral_id = r.id)")
RB=$(m "SELECT MIN(r.id) FROM referral r $ins WHERE i.forbund_id = $S2 AND r.status IN ('avradd', 'aterford') AND NOT EXISTS (SELECT 1 FROM participation p WHERE p.referral_id = r.id)")
# A participation ended in each, 1200 days ago.
PA=$(m "SELECT MIN(p.id) FROM participation p JOIN referral r ON r.id = p.referral_id $ins WHERE i.forbund_id = $S1 AND p.status = 'avslutad'")
PB=$(m "SELECT MIN(p.id) FROM participation p JOIN referral r ON r.id = p.referral_id $ins WHERE i.forbund_id = $S2 AND p.status = 'avslutad'")
check "records of both förbund to age" test -n "$RA" -a -n "$RB" -a -n "$PA" -a -n "$PB"
SA=$(m "SELECT id FROM staff WHERE username = 'admin'")
SB=$(m "SELECT id FROM staff WHERE username = 'admin.exempel'")
m "UPDATE referral SET decided_at = UTC_TIMESTAMP() - INTERVAL 600 DAY WHERE id IN ($RA, $RB);
   UPDATE participation SET start_date = UTC_DATE() - INTERVAL 1500 DAY, planned_end_date = NULL, end_date = UTC_DATE() - INTERVAL 1200 DAY WHERE id IN ($PA, $PB);
   INSERT INTO session (token_hash, staff_id, csrf_token, created_at, last_seen_at) VALUES
     (RANDOM_BYTES(32), $SA, REPEAT('a', 64), UTC_TIMESTAMP() - INTERVAL 41 DAY, UTC_TIMESTAMP() - INTERVAL 40 DAY),
     (RANDOM_BYTES(32), $SB, REPEAT('b', 64), UTC_TIMESTAMP() - INTERVAL 41 DAY, UTC_TIMESTAMP() - INTERVAL 40 DAY);
   INSERT INTO login_failure (username, remote_addr, at) VALUES
     ('admin', '10.0.0.1', UTC_TIMESTAMP() - INTERVAL 40 DAY),
     ('admin.exempel', '10.0.0.2', UTC_TIMESTAMP() - INTERVAL 40 DAY),
     ('ingen.alls', '10.0.0.3', UTC_TIMESTAMP() - INTERVAL 40 DAY);
   INSERT INTO audit_log (at, forbund_id, username, action, object_type, remote_addr, request_id) VALUES
     (UTC_TIMESTAMP() - INTERVAL 1900 DAY, $S1, 'x', 'read', 'participant', 'l', 'fgr-a'),
     (UTC_TIMESTAMP() - INTERVAL 1900 DAY, $S2, 'x', 'read', 'participant', 'l', 'fgr-b'),
     (UTC_TIMESTAMP() - INTERVAL 1900 DAY, NULL, 'x', 'login_failed', 'staff', 'l', 'fgr-none');"
# Each förbund's code opens its own förbund's questionnaire (sql/0075).
QN1=$(m "SELECT MIN(id) FROM questionnaire WHERE forbund_id = $S1")
QN2=$(m "SELECT MIN(id) FROM questionnaire WHERE forbund_id = $S2")
m "INSERT INTO questionnaire_code (code_hash, kind, questionnaire_id, expires_at, forbund_id) VALUES
     (RANDOM_BYTES(32), 'surfplatta', $QN1, UTC_TIMESTAMP() - INTERVAL 40 DAY, $S1),
     (RANDOM_BYTES(32), 'surfplatta', $QN2, UTC_TIMESTAMP() - INTERVAL 40 DAY, $S2)"

"$BIN" gallring -c "$WORK/a.conf" --dry-run > "$WORK/dry.out" 2>&1
eq "--dry-run says each rule per förbund" "$(grep -c ", förbund $S1 SOFTLEG$" "$WORK/dry.out")/$(grep -c ", förbund $S2 EXEMPEL$" "$WORK/dry.out")" 8/8
check "... with each förbund's own days" grep -q "^gallring ansokan: [0-9]* skulle gallras (3650 dagar), förbund $S2 EXEMPEL$" "$WORK/dry.out"
check "... and the rows of no förbund by the first's rule" grep -q "^gallring inloggning: [1-9][0-9]* skulle gallras (30 dagar), utan förbund (förbund $S1:s regel)$" "$WORK/dry.out"
check "gallring runs" bash -c '"$1" gallring -c "$2" > "$3/run.out" 2>&1' _ "$BIN" "$WORK/a.conf" "$WORK" || cat "$WORK/run.out"

gallrad() { m "SELECT gallrad_at IS NOT NULL FROM $1 WHERE id = $2"; }
eq "the first förbund's application past its 365 days is gone" "$(gallrad referral "$RA")" 1
eq "the second's, within its 3650 days, stays" "$(gallrad referral "$RB")" 0
eq "the first förbund's participation past its 1095 days is gone" "$(gallrad participation "$PA")" 1
eq "the second's stays" "$(gallrad participation "$PB")" 0
eq "no participation of the first förbund past its rule is left" \
	"$(m "SELECT COUNT(*) FROM participation p JOIN referral r ON r.id = p.referral_id $ins WHERE i.forbund_id = $S1 AND p.status IN ('avslutad', 'avbruten') AND p.gallrad_at IS NULL AND p.end_date < UTC_DATE() - INTERVAL 1096 DAY")" 0
eq "none of the second förbund within its rule is gone" \
	"$(m "SELECT COUNT(*) FROM participation p JOIN referral r ON r.id = p.referral_id $ins WHERE i.forbund_id = $S2 AND p.gallrad_at IS NOT NULL AND p.end_date >= UTC_DATE() - INTERVAL 3650 DAY")/$(m "SELECT COUNT(*) FROM referral r $ins WHERE i.forbund_id = $S2 AND r.gallrad_at IS NOT NULL AND r.decided_at >= UTC_TIMESTAMP() - INTERVAL 3650 DAY")" "0/0"
eq "sessions: the first förbund's old one gone, the second's kept" "$(m "SELECT GROUP_CONCAT(staff_id ORDER BY staff_id) FROM session")" "$SB"
eq "failed logins: the second förbund's account's kept; the first's and the unknown name's gone" \
	"$(m "SELECT GROUP_CONCAT(username ORDER BY username) FROM login_failure")" "admin.exempel"
eq "the access log: the second förbund's old row kept; the first's and the installation's gone" \
	"$(m "SELECT GROUP_CONCAT(request_id ORDER BY request_id) FROM audit_log WHERE request_id LIKE 'fgr-%'")" "fgr-b"
eq "expired codes: the second förbund's kept" \
	"$(m "SELECT GROUP_CONCAT(forbund_id) FROM questionnaire_code WHERE expires_at < UTC_TIMESTAMP() - INTERVAL 35 DAY")" "$S2"
eq "each removed record's access-log row is of its förbund" \
	"$(m "SELECT COUNT(*) FROM audit_log WHERE username = 'cli:gallring' AND object_type = 'referral' AND object_id = $RA AND forbund_id = $S1")" 1
"$BIN" gallring -c "$WORK/a.conf" > "$WORK/run2.out" 2>&1
eq "a second run removes nothing" "$(grep -E '^gallring [a-z_]+: [1-9]' "$WORK/run2.out" | grep -vc 'atkomstlogg: ')" 0

# --- The migration: two förbund before it, each keeps the rules -------------
m0() { mariadb --no-defaults -S "$SOCK" -u "$(id -un)" -N "$DB0" -e "$1"; }
mkdir "$WORK/sql"
for f in "$ROOT"/sql/0*.sql; do case "$f" in */0074_*) ;; *) cp "$f" "$WORK/sql/" ;; esac; done
cp "$ROOT/sql/demo.sql" "$WORK/sql/"
printf 'db_socket = %s\ndb_name = %s\n' "$SOCK" "$DB0" > "$WORK/m.conf"
sql_admin "CREATE DATABASE $DB0 CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_swedish_ai_ci"
check "migrations up to 0073 and the demo (two förbund)" \
	bash -c 'cd "$1" && "$2" migrate -c m.conf > m.log 2>&1 && "$2" demo-load -c m.conf >> m.log 2>&1' _ "$WORK" "$BIN" ||
	cat "$WORK/m.log"
M1=$(m0 "SELECT MIN(id) FROM forbund")
m0 "UPDATE gallring_rule SET keep_days = 400, version = 4, updated_at = '2026-01-02 03:04:05',
      updated_by = (SELECT id FROM staff WHERE username = 'admin') WHERE code = 'ansokan';
    UPDATE gallring_rule SET keep_days = 45, version = 2 WHERE code = 'inloggning'"
BEFORE=$(m0 "SELECT GROUP_CONCAT(code, '=', keep_days, '/', version, '/', position, '/', clock, '/', COALESCE(updated_at, '') ORDER BY position) FROM gallring_rule")
cp "$ROOT/sql/0074_gallring_forbund.sql" "$WORK/sql/"
check "0074 applies" bash -c 'cd "$1" && "$2" migrate -c m.conf >> m.log 2>&1' _ "$WORK" "$BIN" || cat "$WORK/m.log"
for f in $(m0 "SELECT id FROM forbund ORDER BY id"); do
	eq "förbund $f has today's rules, values and versions" \
		"$(m0 "SELECT GROUP_CONCAT(code, '=', keep_days, '/', version, '/', position, '/', clock, '/', COALESCE(updated_at, '') ORDER BY position) FROM gallring_rule WHERE forbund_id = $f")" "$BEFORE"
done
eq "who changed a rule is kept in the förbund of that account only" \
	"$(m0 "SELECT GROUP_CONCAT(g.forbund_id, ':', COALESCE(s.username, '-') ORDER BY g.forbund_id) FROM gallring_rule g LEFT JOIN staff s ON s.id = g.updated_by WHERE g.code = 'ansokan'")" \
	"$(m0 "SELECT GROUP_CONCAT(id, ':', IF(id = $M1, 'admin', '-') ORDER BY id) FROM forbund")"
eq "no shipped rules wait (the first förbund's are copied)" "$(m0 "SELECT COUNT(*) FROM gallring_rule_default")" 0

done_testing
