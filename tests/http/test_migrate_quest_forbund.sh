#!/usr/bin/env bash
# sql/0075_questionnaire_forbund.sql moves today's questionnaires in
# without loss: a scratch database is migrated up to 0074 with the demo's
# two förbund, given three definitions (the installation's, as before:
# one code in two versions, the newer active, and one more) with items,
# options, texts and languages, responses and answers of both förbund
# (the second's to the older version too), a code of each with draft
# answers and screens, then migrated to 0075. The first förbund keeps its
# rows as they were; the second gets copies of the active definitions and
# of the version its rows point at, and every response, answer, code,
# draft answer and screen of it points at its copies, with the same
# codes, versions, item codes and values. A förbund added after gets the
# active ones only.
set -u
. "$(dirname "$0")/lib.sh"

DB=stegvis_mqf_$$
WORK=$(mktemp -d)
at_exit 'sql_admin "DROP DATABASE IF EXISTS $DB" > /dev/null 2>&1; rm -rf "$WORK"'
m() { mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" -N "$DB" -e "$1"; }

mkdir "$WORK/sql"
for f in "$ROOT"/sql/0*.sql; do
	case "$f" in */0075_*) continue ;; esac
	cp "$f" "$WORK/sql/"
done
cp "$ROOT/sql/demo.sql" "$WORK/sql/"
printf 'db_socket = %s\ndb_name = %s\n' "$VAR/run/mysqld.sock" "$DB" > "$WORK/stegvis.conf"
sql_admin "CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_swedish_ai_ci"
check "migrations up to 0074 apply to a scratch database, with the demo's förbund" \
	bash -c 'cd "$1" && "$2" migrate -c stegvis.conf > migrate.log 2>&1 && "$2" demo-load -c stegvis.conf >> migrate.log 2>&1' _ "$WORK" "$BIN" ||
	cat "$WORK/migrate.log"
eq "0075 is not applied yet" "$(m "SELECT COUNT(*) FROM schema_version WHERE version = 75")" 0
F1=$(m "SELECT MIN(id) FROM forbund")
F2=$(m "SELECT MAX(id) FROM forbund")
check "two förbund" test -n "$F1" -a -n "$F2" -a "$F1" != "$F2"

check "the old-schema fixture loads" m "
	INSERT INTO questionnaire (id, code, version, title, respondent_group, anonymity, default_lang,
	  is_active, source_xml, source_hash, imported_by)
	VALUES (9001, 'tq', 1, 'Test 1', 'deltagare', 'anonym', 'sv', 0, '<a/>', UNHEX(SHA2('a', 256)), 'cli'),
	       (9002, 'tq', 2, 'Test 2', 'deltagare', 'anonym', 'sv', 1, '<b/>', UNHEX(SHA2('b', 256)), 'cli'),
	       (9003, 'ov', 1, 'Övrig', 'chefer', 'anonym', 'sv', 1, '<c/>', UNHEX(SHA2('c', 256)), 'admin');
	INSERT INTO questionnaire_item (id, questionnaire_id, item_code, section_code, position, kind,
	  scale_min, scale_max, text)
	VALUES (9101, 9001, 'a', 's', 1, 'skala', 1, 5, 'A1'),
	       (9102, 9002, 'a', 's', 1, 'skala', 1, 5, 'A2'),
	       (9103, 9002, 'b', 's', 2, 'enval', NULL, NULL, 'B2'),
	       (9104, 9003, 'c', 's', 1, 'skala', 1, 4, 'C');
	INSERT INTO questionnaire_option (item_id, position, value, text)
	VALUES (9103, 1, 'x', 'X'), (9103, 2, 'y', 'Y');
	INSERT INTO questionnaire_language (questionnaire_id, lang, position, name, dir)
	VALUES (9001, 'sv', 1, 'Svenska', 'ltr'), (9002, 'sv', 1, 'Svenska', 'ltr'),
	       (9002, 'ar', 2, 'العربية', 'rtl'), (9003, 'sv', 1, 'Svenska', 'ltr');
	INSERT INTO questionnaire_text (questionnaire_id, ref, lang, text)
	VALUES (9001, 'title', 'sv', 'Test 1'), (9002, 'title', 'sv', 'Test 2'), (9002, 'title', 'ar', 'ت'),
	       (9003, 'title', 'sv', 'Övrig');
	INSERT INTO questionnaire_response (id, questionnaire_id, language, status, submitted_at, forbund_id)
	VALUES (81, 9001, 'sv', 'inskickad', '2024-01-02', $F2), (82, 9002, 'sv', 'inskickad', '2024-02-03', $F2),
	       (83, 9002, 'sv', 'inskickad', '2024-02-04', $F1), (84, 9003, 'sv', 'inskickad', '2024-02-05', $F2);
	INSERT INTO questionnaire_answer (response_id, item_id, seq, value_int, value_text)
	VALUES (81, 9101, 1, 4, NULL), (82, 9102, 1, 3, NULL), (82, 9103, 1, 2, 'y'), (83, 9102, 1, 5, NULL),
	       (84, 9104, 1, 1, NULL);
	INSERT INTO questionnaire_code (id, code_hash, kind, questionnaire_id, expires_at, forbund_id)
	VALUES (71, RANDOM_BYTES(32), 'surfplatta', 9002, UTC_TIMESTAMP() + INTERVAL 1 DAY, $F2),
	       (72, RANDOM_BYTES(32), 'lank', 9003, UTC_TIMESTAMP() + INTERVAL 1 DAY, $F1);
	INSERT INTO questionnaire_draft_answer (code_id, item_id, seq, sitting, value_int, value_text)
	VALUES (71, 9103, 1, 1, 1, 'x'), (72, 9104, 1, 1, 3, NULL);
	INSERT INTO questionnaire_screen (code_id, item_id, saves) VALUES (71, 9102, 2), (71, 9103, 1), (72, 9104, 1);"

# What each förbund's rows say, by code, version and item code (no ids).
STATE="SELECT CONCAT_WS('|', 'resp', r.id, r.forbund_id, q.code, q.version, r.status, r.submitted_at)
	FROM questionnaire_response r JOIN questionnaire q ON q.id = r.questionnaire_id
	UNION ALL SELECT CONCAT_WS('|', 'ans', a.response_id, q.code, i.item_code, a.seq, a.value_int, a.value_text)
	FROM questionnaire_answer a JOIN questionnaire_response r ON r.id = a.response_id
	JOIN questionnaire q ON q.id = r.questionnaire_id JOIN questionnaire_item i ON i.id = a.item_id
	UNION ALL SELECT CONCAT_WS('|', 'code', c.id, c.forbund_id, q.code, q.version)
	FROM questionnaire_code c JOIN questionnaire q ON q.id = c.questionnaire_id
	UNION ALL SELECT CONCAT_WS('|', 'draft', d.code_id, i.item_code, d.value_int, d.value_text)
	FROM questionnaire_draft_answer d JOIN questionnaire_item i ON i.id = d.item_id
	UNION ALL SELECT CONCAT_WS('|', 'screen', s.code_id, i.item_code, s.saves)
	FROM questionnaire_screen s JOIN questionnaire_item i ON i.id = s.item_id
	ORDER BY 1"
BEFORE=$(m "$STATE")
check "the fixture's state reads" test -n "$BEFORE"

cp "$ROOT/sql/0075_questionnaire_forbund.sql" "$WORK/sql/"
check "0075 applies" bash -c 'cd "$1" && "$2" migrate -c stegvis.conf >> migrate.log 2>&1' _ "$WORK" "$BIN" ||
	cat "$WORK/migrate.log"

eq "every response, answer, code, draft answer and screen says what it said" "$(m "$STATE")" "$BEFORE"
eq "the first förbund keeps the three definitions, the same rows" \
	"$(m "SELECT GROUP_CONCAT(CONCAT_WS(':', id, code, version, is_active) ORDER BY id) FROM questionnaire WHERE forbund_id = $F1")" \
	"9001:tq:1:0,9002:tq:2:1,9003:ov:1:1"
eq "the second förbund: copies of the active ones and of the older version its response points at" \
	"$(m "SELECT GROUP_CONCAT(CONCAT_WS(':', code, version, is_active, HEX(source_hash) = HEX(UNHEX(SHA2(IF(code = 'ov', 'c', IF(version = 1, 'a', 'b')), 256))), imported_by) ORDER BY code, version)
		FROM questionnaire WHERE forbund_id = $F2")" \
	"ov:1:1:1:admin,tq:1:0:1:cli,tq:2:1:1:cli"
eq "... with their items, options, languages and texts" \
	"$(m "SELECT CONCAT_WS('|',
		(SELECT GROUP_CONCAT(CONCAT(q.code, q.version, i.item_code, i.position, i.kind, i.text) ORDER BY q.code, q.version, i.position)
		 FROM questionnaire_item i JOIN questionnaire q ON q.id = i.questionnaire_id WHERE q.forbund_id = $F2),
		(SELECT GROUP_CONCAT(CONCAT(o.value, o.text) ORDER BY o.position) FROM questionnaire_option o
		 JOIN questionnaire_item i ON i.id = o.item_id JOIN questionnaire q ON q.id = i.questionnaire_id WHERE q.forbund_id = $F2),
		(SELECT GROUP_CONCAT(CONCAT(q.code, q.version, l.lang, l.dir) ORDER BY q.code, q.version, l.position)
		 FROM questionnaire_language l JOIN questionnaire q ON q.id = l.questionnaire_id WHERE q.forbund_id = $F2),
		(SELECT GROUP_CONCAT(CONCAT(q.code, q.version, t.lang, t.text) ORDER BY q.code, q.version, t.lang)
		 FROM questionnaire_text t JOIN questionnaire q ON q.id = t.questionnaire_id WHERE q.forbund_id = $F2))")" \
	"ov1c1skalaC,tq1a1skalaA1,tq2a1skalaA2,tq2b2envalB2|xX,yY|ov1svltr,tq1svltr,tq2svltr,tq2arrtl|ov1svÖvrig,tq1svTest 1,tq2arت,tq2svTest 2"
eq "every row of a förbund points at its own förbund's definition and items" \
	"$(m "SELECT (SELECT COUNT(*) FROM questionnaire_response r JOIN questionnaire q ON q.id = r.questionnaire_id
		WHERE q.forbund_id <> r.forbund_id)
	+ (SELECT COUNT(*) FROM questionnaire_answer a JOIN questionnaire_response r ON r.id = a.response_id
		JOIN questionnaire_item i ON i.id = a.item_id WHERE i.questionnaire_id <> r.questionnaire_id)
	+ (SELECT COUNT(*) FROM questionnaire_code c JOIN questionnaire q ON q.id = c.questionnaire_id
		WHERE q.forbund_id <> c.forbund_id)
	+ (SELECT COUNT(*) FROM questionnaire_draft_answer d JOIN questionnaire_code c ON c.id = d.code_id
		JOIN questionnaire_item i ON i.id = d.item_id WHERE i.questionnaire_id <> c.questionnaire_id)
	+ (SELECT COUNT(*) FROM questionnaire_screen s JOIN questionnaire_code c ON c.id = s.code_id
		JOIN questionnaire_item i ON i.id = s.item_id WHERE i.questionnaire_id <> c.questionnaire_id)")" 0
eq "the first förbund's rows kept their definitions" \
	"$(m "SELECT CONCAT_WS('|', (SELECT questionnaire_id FROM questionnaire_response WHERE id = 83),
		(SELECT questionnaire_id FROM questionnaire_code WHERE id = 72),
		(SELECT item_id FROM questionnaire_draft_answer WHERE code_id = 72))")" "9002|9003|9104"
out=$(m "INSERT INTO questionnaire_code (code_hash, kind, questionnaire_id, expires_at, forbund_id)
	VALUES (RANDOM_BYTES(32), 'lank', 9003, UTC_TIMESTAMP(), $F2)" 2>&1)
check "a code naming another förbund's definition is refused ($out)" grep -q "foreign key constraint fails" <<< "$out"
eq "... nothing stored" "$(m "SELECT COUNT(*) FROM questionnaire_code")" 2

# --- A förbund added after: the first active förbund's active ones
m "INSERT INTO forbund (name, short_name, municipalities) VALUES ('Samordningsförbundet Ny', 'NY$$', 'Testby')"
F3=$(m "SELECT id FROM forbund WHERE short_name = 'NY$$'")
eq "a new förbund gets copies of the first förbund's active definitions" \
	"$(m "SELECT GROUP_CONCAT(CONCAT_WS(':', code, version, is_active) ORDER BY code) FROM questionnaire WHERE forbund_id = $F3")" \
	"ov:1:1,tq:2:1"
eq "... with their items and options" \
	"$(m "SELECT CONCAT_WS('|', (SELECT COUNT(*) FROM questionnaire_item i JOIN questionnaire q ON q.id = i.questionnaire_id WHERE q.forbund_id = $F3),
		(SELECT COUNT(*) FROM questionnaire_option o JOIN questionnaire_item i ON i.id = o.item_id
		 JOIN questionnaire q ON q.id = i.questionnaire_id WHERE q.forbund_id = $F3),
		(SELECT COUNT(*) FROM questionnaire_text t JOIN questionnaire q ON q.id = t.questionnaire_id WHERE q.forbund_id = $F3),
		(SELECT COUNT(*) FROM questionnaire_language l JOIN questionnaire q ON q.id = l.questionnaire_id WHERE q.forbund_id = $F3))")" \
	"3|2|3|3"
done_testing
