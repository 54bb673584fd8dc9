#!/usr/bin/env bash
# sql/0077_sus_question_forbund.sql moves the supplementary SUS questions
# into each förbund without loss: a scratch database with every other migration
# with the demo's two förbund gets two questions (one inactive) and answers
# of a participation of each förbund, then 0077. Each förbund ends with its
# own copy of every question, its answers on its own copies, and a code
# unique within a förbund only.
set -u
. "$(dirname "$0")/lib.sh"

DB=stegvis_migq_$$
WORK=$(mktemp -d)
at_exit 'sql_admin "DROP DATABASE IF EXISTS $DB" > /dev/null 2>&1; rm -rf "$WORK"'
m() { mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" -N "$DB" -e "$1"; }
refused() { ! m "$1" 2> /dev/null; } # the database refuses SQL

mkdir "$WORK/sql"
for f in "$ROOT"/sql/0*.sql; do
	n=$(basename "$f" | cut -c1-4)
	# Every migration but 0077 (as test_migration_person.sh does): the
	# demo's SQL is today's, and later migrations add what it sets.
	[ "$((10#$n))" -ne 77 ] && cp "$f" "$WORK/sql/"
done
cp "$ROOT/sql/demo.sql" "$WORK/sql/"
printf 'db_socket = %s\ndb_name = %s\n' "$VAR/run/mysqld.sock" "$DB" > "$WORK/stegvis.conf"
sql_admin "CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_swedish_ai_ci"
check "every migration but 0077, and the demo, apply to a scratch database" \
	bash -c 'cd "$1" && "$2" migrate -c stegvis.conf > migrate.log 2>&1 && "$2" demo-load -c stegvis.conf >> migrate.log 2>&1' _ "$WORK" "$BIN" ||
	cat "$WORK/migrate.log"
eq "0077 is not applied yet" "$(m "SELECT COUNT(*) FROM schema_version WHERE version = 77")" 0
eq "two förbund" "$(m "SELECT COUNT(*) FROM forbund")" 2
F1=$(m "SELECT MIN(id) FROM forbund")
F2=$(m "SELECT MAX(id) FROM forbund")
# A participation of each förbund (the demo SQL has none): a referral by
# one of its accounts to one of its insatser.
for f in "$F1" "$F2"; do
	m "INSERT INTO person (personnummer, id_kind, birth_year)
		VALUES (CONCAT('19850314', LPAD($f, 4, '0')), 'personnummer', 1985);
	INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status)
		SELECT LAST_INSERT_ID(), (SELECT MIN(id) FROM insats WHERE forbund_id = $f),
		       st.id, st.organisation_id, 'antagen'
		  FROM staff st WHERE st.forbund_id = $f ORDER BY st.id LIMIT 1;
	INSERT INTO participation (referral_id, person_id, insats_id, status, start_date)
		SELECT id, person_id, insats_id, 'inskriven', '2024-02-01' FROM referral WHERE id = LAST_INSERT_ID()"
done
P1=$(m "SELECT MIN(p.id) FROM participation p JOIN insats i ON i.id = p.insats_id WHERE i.forbund_id = $F1")
P2=$(m "SELECT MIN(p.id) FROM participation p JOIN insats i ON i.id = p.insats_id WHERE i.forbund_id = $F2")
check "a participation of each förbund" test -n "$P1" -a "$P1" != NULL -a -n "$P2" -a "$P2" != NULL

check "the old-schema fixture loads" m "
	INSERT INTO sus_question (id, code, label, sort_order, active)
	VALUES (901, 'fraga_a', 'Fråga A', 1, 1), (902, 'fraga_b', 'Fråga B', 2, 0);
	INSERT INTO sus_answer (participation_id, question_id, answer)
	VALUES ($P1, 901, 'ett-a'), ($P1, 902, 'ett-b'), ($P2, 901, 'två-a'), ($P2, 902, 'två-b');"

cp "$ROOT"/sql/0077_*.sql "$WORK/sql/"
check "0077 applies" bash -c 'cd "$1" && "$2" migrate -c stegvis.conf >> migrate.log 2>&1' _ "$WORK" "$BIN" ||
	cat "$WORK/migrate.log"

eq "the first förbund keeps the questions, ids and all" \
	"$(m "SELECT GROUP_CONCAT(CONCAT_WS('|', id, code, label, sort_order, active) ORDER BY id) FROM sus_question WHERE forbund_id = $F1")" \
	"901|fraga_a|Fråga A|1|1,902|fraga_b|Fråga B|2|0"
eq "the second förbund has its own copy of each" \
	"$(m "SELECT GROUP_CONCAT(CONCAT_WS('|', code, label, sort_order, active) ORDER BY code) FROM sus_question WHERE forbund_id = $F2")" \
	"fraga_a|Fråga A|1|1,fraga_b|Fråga B|2|0"
eq "every answer is kept" "$(m "SELECT COUNT(*) FROM sus_answer")" 4
eq "the first förbund's answers on its questions" \
	"$(m "SELECT GROUP_CONCAT(CONCAT(q.code, '=', a.answer) ORDER BY q.code) FROM sus_answer a
		JOIN sus_question q ON q.id = a.question_id WHERE a.participation_id = $P1 AND q.forbund_id = $F1")" \
	"fraga_a=ett-a,fraga_b=ett-b"
eq "the second förbund's answers on its own copies" \
	"$(m "SELECT GROUP_CONCAT(CONCAT(q.code, '=', a.answer) ORDER BY q.code) FROM sus_answer a
		JOIN sus_question q ON q.id = a.question_id WHERE a.participation_id = $P2 AND q.forbund_id = $F2")" \
	"fraga_a=två-a,fraga_b=två-b"
eq "no answer on another förbund's question" \
	"$(m "SELECT COUNT(*) FROM sus_answer a JOIN sus_question q ON q.id = a.question_id
		JOIN participation p ON p.id = a.participation_id JOIN insats i ON i.id = p.insats_id
		WHERE i.forbund_id <> q.forbund_id")" 0
check "a code is unique within its förbund" \
	refused "INSERT INTO sus_question (forbund_id, code, label) VALUES ($F2, 'fraga_a', 'Igen')"
check "a question names its förbund" \
	refused "INSERT INTO sus_question (code, label) VALUES ('fraga_c', 'Utan förbund')"
check "and a real one" \
	refused "INSERT INTO sus_question (forbund_id, code, label) VALUES (999999, 'fraga_c', 'Inget förbund')"
eq "the app's account may still read the questions" \
	"$(m "SELECT COUNT(*) FROM information_schema.table_privileges WHERE table_schema = '$DB' AND grantee LIKE '%stegvis%' AND table_name = 'sus_question' AND privilege_type = 'SELECT'")" 1

done_testing
