/* sql_quest.c: statements of the questionnaires; see include/sql_quest.h. */
#include "quest_panel.h"
#include "sql_quest.h"
#include "demo_quest.h"
#include "kiosk.h"
#include "quest.h"
#include "quest_code.h"
#include "quest_response.h"

/* A code opens only while its förbund is active: one switched off
 * (closed, merged into another) is locked as its accounts are
 * (sql_auth.c's ST_FORBUND_ACTIVE), so its tablet codes and personal links
 * answer as an unknown code does and a tablet holding one locks.
 * The code is `c`. */
#define CODE_FORBUND_ACTIVE                                                    \
	"JOIN forbund cf ON cf.id = c.forbund_id AND cf.active = 1 "

/* One code row as struct quest_code (quest_code.c); parameters: the idle
 * seconds of a link, of a tablet. held: a device seen within the idle time
 * of the code's kind holds it. */
#define CODE_SELECT                                                              \
	"SELECT c.id, c.kind, c.questionnaire_id, "                              \
	"IFNULL(c.response_id, '') AS response_id, "                             \
	"IFNULL(c.participation_id, '') AS participation_id, "                   \
	"IFNULL(c.measurement, '') AS measurement, "                             \
	"IFNULL(c.insats_id, '') AS insats_id, "                                 \
	"c.expires_at < UTC_TIMESTAMP() AS expired, "                            \
	"(c.device_hash IS NOT NULL AND c.device_seen_at > "                     \
	"UTC_TIMESTAMP() - INTERVAL IF(c.kind = 'lank', ?, ?) SECOND) AS held, " \
	"c.language, c.sitting, q.anonymity "                                    \
	"FROM questionnaire_code c JOIN questionnaire q ON q.id = c.questionnaire_id " CODE_FORBUND_ACTIVE

#define CODE_BY_HASH CODE_SELECT "WHERE c.code_hash = ?"

/* CODE_SELECT's columns with the linked response, the items and whether
 * the language chosen (the response's, an anonymous code's own) is
 * written right to left (struct kiosk_device, kiosk.c), and their
 * tables; parameters: the idle seconds of a link, of a tablet. */
#define KIOSK_DEVICE_COLS                                                      \
	"c.id, c.kind, c.questionnaire_id, "                                   \
	"IFNULL(c.response_id, '') AS response_id, "                           \
	"IFNULL(c.participation_id, '') AS participation_id, "                 \
	"IFNULL(c.measurement, '') AS measurement, "                           \
	"IFNULL(c.insats_id, '') AS insats_id, "                               \
	"c.expires_at < UTC_TIMESTAMP() AS expired, "                          \
	"(c.device_hash IS NOT NULL AND c.device_seen_at > "                   \
	"UTC_TIMESTAMP() - INTERVAL IF(c.kind = 'lank', ?, ?) SECOND) "        \
	"AS held, c.language, c.sitting, q.anonymity, "                        \
	"r.id IS NOT NULL AS has_resp, "                                       \
	"IFNULL(r.language, '') AS resp_language, "                            \
	"IFNULL(r.status, '') AS resp_status, "                                \
	"IFNULL(r.sitting, 0) AS resp_sitting, "                               \
	"(SELECT COUNT(*) FROM questionnaire_item i "                          \
	"WHERE i.questionnaire_id = c.questionnaire_id) AS nitems, "           \
	"IFNULL((SELECT l.dir = 'rtl' FROM questionnaire_language l "          \
	"WHERE l.questionnaire_id = c.questionnaire_id AND l.lang = "          \
	"IF(q.anonymity = 'anonym', c.language, r.language)), 0) AS rtl "
#define KIOSK_DEVICE_FROM                                                      \
	"FROM questionnaire_code c "                                           \
	"JOIN questionnaire q ON q.id = c.questionnaire_id "                   \
	"LEFT JOIN questionnaire_response r ON r.id = c.response_id " CODE_FORBUND_ACTIVE

/* The shape of item i (struct quest_item_rec without its texts), its id
 * and kind named ID and KIND: what a save needs of it. */
#define KIOSK_ITEM_SHAPE(ID, KIND)                                             \
	"i.id AS " ID ", i.item_code, i.kind AS " KIND ", "                    \
	"IFNULL(i.scale_min, '') AS scale_min, "                               \
	"IFNULL(i.scale_max, '') AS scale_max, i.allow_vet_ej, "               \
	"i.allow_ej_aktuellt, IFNULL(i.max_length, '') AS max_length "

/* The key of item i's screen with code cid: its saves, 0 before the
 * first (a code taken before sql/0050 may have no row). */
#define KIOSK_SCREEN_KEY(cid)                                                  \
	"IFNULL((SELECT s.saves FROM questionnaire_screen s "                  \
	"WHERE s.code_id = " cid " AND s.item_id = i.id), 0) AS nyckel "

/* An item screen: the item in a language (struct quest_item_rec) with
 * its options (LEFT JOIN: a row per option, in no order: an ORDER BY
 * costs a temporary table, kiosk_item_load() puts them in order), the
 * title, the intro and the screen's key: struct kiosk_item_row. */
/* clang-format off */
#define KIOSK_ITEM_SQL \
	"SELECT " KIOSK_ITEM_SHAPE("id", "kind") ", " \
	"COALESCE(" TEXT_IN("i.questionnaire_id", \
	    "CONCAT('item.', i.item_code)") ", i.text) AS text, " \
	"IFNULL(" TEXT_IN("i.questionnaire_id", \
	    "CONCAT('item.', i.item_code, '.min')") ", '') AS min_label, " \
	"IFNULL(" TEXT_IN("i.questionnaire_id", \
	    "CONCAT('item.', i.item_code, '.max')") ", '') AS max_label, " \
	"IFNULL(o.position, 0) AS opt_position, " \
	"IFNULL(o.value, '') AS opt_value, " \
	"IFNULL(COALESCE(" TEXT_IN("i.questionnaire_id", \
	    "CONCAT('item.', i.item_code, '.opt.', o.value)") ", o.text), '') " \
	"AS opt_text, " \
	TEXT_OR_DEFAULT("i.questionnaire_id", "'title'") " AS title, " \
	TEXT_OR_DEFAULT("i.questionnaire_id", "'intro'") " AS intro, " \
	KIOSK_SCREEN_KEY("?") \
	"FROM questionnaire_item i " \
	"LEFT JOIN questionnaire_option o ON o.item_id = i.id " \
	"WHERE i.questionnaire_id = ? AND i.position = ?"
/* A save: the device's row with the item at a position, its options
 * (values only) and its screen's key, in one statement: struct
 * kiosk_save_row. No item there: its columns NULL (item_id 0). */
#define KIOSK_SAVE_SQL \
	"SELECT " KIOSK_DEVICE_COLS ", " \
	KIOSK_ITEM_SHAPE("item_id", "item_kind") ", " \
	"IFNULL(o.position, 0) AS opt_position, " \
	"IFNULL(o.value, '') AS opt_value, " \
	KIOSK_SCREEN_KEY("c.id") \
	KIOSK_DEVICE_FROM \
	"LEFT JOIN questionnaire_item i " \
	"ON i.questionnaire_id = c.questionnaire_id AND i.position = ? " \
	"LEFT JOIN questionnaire_option o ON o.item_id = i.id " \
	"WHERE c.device_hash = ?"
/* clang-format on */

/* An item's answer stored over its rows: row 1 (PUT), or the options at
 * the positions given as rows 1.. (PUT_OPTIONS); the rows past those go
 * with SHRINK. The primary key is (owner, item_id, seq). */
/* clang-format off */
#define ANSWER_PUT(table, owner) \
	"INSERT INTO " table " (" owner ", item_id, seq, sitting, " \
	"value_int, value_text, special) VALUES (?, ?, 1, ?, ?, ?, ?) " \
	ANSWER_OVER
#define ANSWER_PUT_OPTIONS(table, owner) \
	"INSERT INTO " table " (" owner ", item_id, seq, sitting, " \
	"value_int, value_text, special) SELECT ?, o.item_id, " \
	"ROW_NUMBER() OVER (ORDER BY o.position), ?, o.position, o.value, " \
	"NULL FROM questionnaire_option o WHERE o.item_id = ? " \
	"AND FIND_IN_SET(o.position, ?) " \
	ANSWER_OVER
#define ANSWER_OVER \
	"ON DUPLICATE KEY UPDATE sitting = VALUES(sitting), " \
	"value_int = VALUES(value_int), value_text = VALUES(value_text), " \
	"special = VALUES(special)"
#define ANSWER_SHRINK(table, owner) \
	"DELETE FROM " table " WHERE " owner " = ? AND item_id = ? AND seq > ?"
/* clang-format on */

/* A text of questionnaire qid by ref in lang (?), else in its default
 * language, else "". */
/* clang-format off */
#define TEXT_OR_DEFAULT(qid, ref) \
	"COALESCE(" TEXT_IN(qid, ref) ", (SELECT t.text FROM " \
	"questionnaire_text t JOIN questionnaire q ON q.id = " \
	"t.questionnaire_id WHERE t.questionnaire_id = " qid " AND t.ref = " \
	ref " AND t.lang = q.default_lang), '')"
/* clang-format on */

/* One definition as struct quest_info (quest.c). */
#define DEF_SELECT                                                             \
	"SELECT id, code, version, title, respondent_group, anonymity, "       \
	"is_active, default_lang FROM questionnaire "

/* The text ref in lang, else the default language's. */
#define TEXT_IN(qid, ref)                                                          \
	"(SELECT t.text FROM questionnaire_text t WHERE t.questionnaire_id = " qid \
	" AND t.ref = " ref " AND t.lang = ?)"

const struct db_query sql_quest[SQL_QUEST__MAX] = {
	[SQL_QUEST_DEF_FIND] = { "SELECT id, source_hash = ? AS same_content FROM questionnaire "
	                         "WHERE code = ? AND version = ? AND forbund_id = :forbund",
	    1, .ncols = 2, .nparams = 3, .rec = &quest_stored_record },
	[SQL_QUEST_DEF_MAX_VERSION] = { "SELECT IFNULL(MAX(version), '') AS n FROM questionnaire WHERE code = ? "
	                                "AND forbund_id = :forbund",
	    1, .ncols = 1, .nparams = 1, .rec = &quest_number_record },
	[SQL_QUEST_DEF_INSERT] = { "INSERT INTO questionnaire (code, version, title, respondent_group, "
	                           "anonymity, default_lang, is_example, source_xml, source_hash, imported_by, "
	                           "forbund_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, :forbund)",
	    0, .ncols = 0, .nparams = 10 },
	[SQL_QUEST_DEF_DEACTIVATE] = { "UPDATE questionnaire SET is_active = 0 WHERE code = ? "
	                               "AND forbund_id = :forbund",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_QUEST_DEF_ACTIVATE] = { "UPDATE questionnaire SET is_active = 1 WHERE id = ? "
	                             "AND forbund_id = :forbund",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_QUEST_LANG_INSERT] = { "INSERT INTO questionnaire_language (questionnaire_id, lang, position, "
	                            "name, dir) VALUES (?, ?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 5 },
	[SQL_QUEST_ITEM_INSERT] = { "INSERT INTO questionnaire_item (questionnaire_id, item_code, section_code, "
	                            "position, kind, scale_min, scale_max, allow_vet_ej, allow_ej_aktuellt, "
	                            "max_length, is_background, background, text) "
	                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 13 },
	[SQL_QUEST_OPTION_INSERT] = { "INSERT INTO questionnaire_option (item_id, position, value, text) "
	                              "VALUES (?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 4 },
	[SQL_QUEST_TEXT_INSERT] = { "INSERT INTO questionnaire_text (questionnaire_id, ref, lang, text) "
	                            "VALUES (?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 4 },
	[SQL_QUEST_DEF_LIST] = { "SELECT q.id, q.code, q.version, q.title, q.respondent_group, q.anonymity, "
	                         "q.is_active, q.is_example, DATE_FORMAT(q.imported_at, '%Y-%m-%d %H:%i') AS imported, "
	                         "(SELECT GROUP_CONCAT(l.lang ORDER BY l.position SEPARATOR ', ') "
	                         " FROM questionnaire_language l WHERE l.questionnaire_id = q.id) AS langs, "
	                         "(SELECT COUNT(*) FROM questionnaire_item i WHERE i.questionnaire_id = q.id) AS items, "
	                         "(SELECT COUNT(*) FROM questionnaire_response r WHERE r.questionnaire_id = q.id "
	                         " AND r.status = 'inskickad') AS answers "
	                         "FROM questionnaire q WHERE q.forbund_id = :forbund "
	                         "ORDER BY q.code, q.version DESC LIMIT 500",
	    1, .ncols = 12, .nparams = 0, .rec = &quest_info_row_record },
	[SQL_QUEST_DEF_GET] = { DEF_SELECT
	    "WHERE id = ? AND forbund_id = :forbund",
	    1, .ncols = 8, .nparams = 1, .rec = &quest_info_record },
	[SQL_QUEST_LANGS] = { "SELECT lang, name, dir, dir = 'rtl' AS rtl FROM questionnaire_language "
	                      "WHERE questionnaire_id = ? ORDER BY position",
	    1, .ncols = 4, .nparams = 1, .rec = &quest_language_record },
	[SQL_QUEST_ITEM_COUNT] = { "SELECT COUNT(*) AS n FROM questionnaire_item WHERE questionnaire_id = ?",
	    1, .ncols = 1, .nparams = 1, .rec = &quest_number_record },
	[SQL_QUEST_OPTIONS] = { "SELECT o.position, o.value, "
	                        "COALESCE(" TEXT_IN("i.questionnaire_id",
	                            "CONCAT('item.', i.item_code, '.opt.', o.value)") ", o.text) AS text "
	                                                                              "FROM questionnaire_option o JOIN questionnaire_item i ON i.id = o.item_id "
	                                                                              "WHERE o.item_id = ? ORDER BY o.position",
	    1, .ncols = 3, .nparams = 2, .rec = &quest_option_record },
	[SQL_QUEST_CODE_INSERT] = { "INSERT INTO questionnaire_code (code_hash, kind, questionnaire_id, "
	                            "response_id, participation_id, measurement, insats_id, expires_at, "
	                            "created_by, forbund_id) "
	                            "VALUES (?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP() + INTERVAL ? MINUTE"
	                            ", ?, :forbund)",
	    0, .ncols = 0, .nparams = 9 },
	[SQL_QUEST_CODE_BY_HASH] = { CODE_BY_HASH, 1, .ncols = 12, .nparams = 3,
	    .rec = &quest_code_record },
	[SQL_QUEST_CODE_BY_HASH_LOCK] = { CODE_BY_HASH " FOR UPDATE", 0,
	    .ncols = 12, .nparams = 3, .rec = &quest_code_record },
	[SQL_QUEST_CODE_BY_DEVICE] = { CODE_SELECT "WHERE c.device_hash = ?", 1,
	    .ncols = 12, .nparams = 3, .rec = &quest_code_record },
	[SQL_QUEST_CODE_BIND] = { "UPDATE questionnaire_code SET device_hash = ?, device_seen_at = UTC_TIMESTAMP(), "
	                          "response_id = ?, sitting = sitting + 1 WHERE id = ?",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_QUEST_CODE_TOUCH] = { "UPDATE questionnaire_code SET device_seen_at = UTC_TIMESTAMP() WHERE id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_QUEST_CODE_UNBIND] = { "UPDATE questionnaire_code SET device_hash = NULL, device_seen_at = NULL "
	                            "WHERE device_hash = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_QUEST_CODE_LOCK] = { "SELECT id AS n FROM questionnaire_code WHERE id = ? FOR UPDATE",
	    0, .ncols = 1, .nparams = 1, .rec = &quest_number_record },
	[SQL_QUEST_CODE_LOCK_MINE] = { "SELECT id AS n FROM questionnaire_code WHERE id = ? AND device_hash = ? FOR UPDATE",
	    0, .ncols = 1, .nparams = 2, .rec = &quest_number_record },
	[SQL_QUEST_CODE_SET_LANG] = { "UPDATE questionnaire_code SET language = ? WHERE id = ?",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_QUEST_CODE_DELETE] = { "DELETE FROM questionnaire_code WHERE id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_QUEST_CODE_DELETE_FOR] = { "DELETE FROM questionnaire_code WHERE participation_id = ? AND measurement = ?",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_QUEST_CODE_SWEEP] = { "DELETE FROM questionnaire_code WHERE expires_at < UTC_TIMESTAMP() - INTERVAL 30 DAY",
	    0, .ncols = 0, .nparams = 0 },
	[SQL_QUEST_FAIL_INSERT] = { "INSERT INTO questionnaire_code_failure (remote_addr, at) "
	                            "VALUES (?, UTC_TIMESTAMP())",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_QUEST_FAIL_COUNT] = { "SELECT COUNT(*) AS n FROM questionnaire_code_failure WHERE remote_addr = ? "
	                           "AND at > UTC_TIMESTAMP() - INTERVAL ? MINUTE",
	    0, .ncols = 1, .nparams = 2, .rec = &quest_number_record },
	[SQL_QUEST_FAIL_COUNT_ALL] = { "SELECT COUNT(*) AS n FROM questionnaire_code_failure "
	                               "WHERE at > UTC_TIMESTAMP() - INTERVAL 1 MINUTE",
	    0, .ncols = 1, .nparams = 0, .rec = &quest_number_record },
	[SQL_QUEST_FAIL_DELETE] = { "DELETE FROM questionnaire_code_failure WHERE id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_QUEST_FAIL_SWEEP] = { "DELETE FROM questionnaire_code_failure "
	                           "WHERE at < UTC_TIMESTAMP() - INTERVAL ? MINUTE",
	    0, .ncols = 0, .nparams = 1 },
	/* The owner from the code row, never from the handler: the tablet
	 * that sends an anonymous response has no förbund of its own. */
	[SQL_QUEST_RESP_INSERT] = { "INSERT INTO questionnaire_response (id, questionnaire_id, participation_id, "
	                            "measurement, insats_id, language, forbund_id) "
	                            "SELECT ?, c.questionnaire_id, c.participation_id, c.measurement, "
	                            "c.insats_id, ?, COALESCE(i.forbund_id, c.forbund_id) "
	                            "FROM questionnaire_code c LEFT JOIN insats i ON i.id = c.insats_id "
	                            "WHERE c.id = ?",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_QUEST_RESP_GET] = { "SELECT r.questionnaire_id, r.language, r.status, q.anonymity, "
	                         "r.sitting "
	                         "FROM questionnaire_response r JOIN questionnaire q ON q.id = r.questionnaire_id "
	                         "WHERE r.id = ?",
	    1, .ncols = 5, .nparams = 1, .rec = &quest_response_record },
	[SQL_QUEST_RESP_NEW_SITTING] = { "UPDATE questionnaire_response SET sitting = sitting + 1 "
	                                 "WHERE id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_QUEST_RESP_SET_LANG] = { "UPDATE questionnaire_response SET language = ? WHERE id = ?",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_QUEST_RESP_FIND_LINKED] = { "SELECT r.id, r.status FROM questionnaire_response r "
	                                 "JOIN questionnaire q ON q.id = r.questionnaire_id "
	                                 "WHERE r.participation_id = ? AND r.measurement = ? AND q.code = "
	                                 "(SELECT q2.code FROM questionnaire q2 WHERE q2.id = ?) "
	                                 "ORDER BY r.status = 'inskickad' DESC, r.id LIMIT 1",
	    1, .ncols = 2, .nparams = 3, .rec = &quest_response_ref_record },
	[SQL_QUEST_RESP_SUBMIT] = { "UPDATE questionnaire_response r JOIN questionnaire q ON q.id = r.questionnaire_id "
	                            "LEFT JOIN participation p ON p.id = r.participation_id "
	                            "LEFT JOIN person pn ON pn.id = p.person_id "
	                            "LEFT JOIN participation_person pe ON pe.participation_id = p.id "
	                            "SET r.status = 'inskickad', "
	                            "r.submitted_at = IF(q.anonymity = 'anonym', UTC_DATE(), UTC_TIMESTAMP()), "
	                            "r.insats_id = COALESCE(p.insats_id, r.insats_id), "
	                            "r.gender = COALESCE(pe.gender, (SELECT a.value_text FROM questionnaire_answer a "
	                            "  JOIN questionnaire_item i ON i.id = a.item_id WHERE a.response_id = r.id "
	                            "  AND i.background = 'kon' AND a.special IS NULL LIMIT 1)), "
	                            "r.age_band = COALESCE((SELECT a.value_text FROM questionnaire_answer a "
	                            "  JOIN questionnaire_item i ON i.id = a.item_id WHERE a.response_id = r.id "
	                            "  AND i.background = 'aldersgrupp' AND a.special IS NULL LIMIT 1), "
	                            "  CASE WHEN pn.birth_year IS NULL THEN NULL "
	                            "  WHEN YEAR(UTC_DATE()) - pn.birth_year < 30 THEN 'under30' "
	                            "  WHEN YEAR(UTC_DATE()) - pn.birth_year < 45 THEN '30-44' "
	                            "  WHEN YEAR(UTC_DATE()) - pn.birth_year <= 65 THEN '45-65' ELSE 'over65' END) "
	                            "WHERE r.id = ? AND r.status = 'pagaende'",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_QUEST_ANSWERS] = { "SELECT IFNULL(value_int, '') AS value_int, value_int IS NOT NULL AS has_int, "
	                        "IFNULL(value_text, '') AS value_text, IFNULL(special, '') AS special "
	                        "FROM questionnaire_answer WHERE response_id = ? AND item_id = ? "
	                        "AND sitting = ? ORDER BY seq",
	    1, .ncols = 4, .nparams = 3, .rec = &quest_answer_record },
	[SQL_QUEST_ANSWER_DELETE] = { "DELETE FROM questionnaire_answer WHERE response_id = ? AND item_id = ?",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_QUEST_ANSWER_CLEAR] = { "DELETE FROM questionnaire_answer WHERE response_id = ? AND item_id = ? "
	                             "AND sitting = ?",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_QUEST_ANSWER_INSERT] = { "INSERT INTO questionnaire_answer (response_id, item_id, seq, sitting, "
	                              "value_int, value_text, special) VALUES (?, ?, ?, ?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 7 },
	[SQL_QUEST_ANSWERED_COUNT] = { "SELECT COUNT(DISTINCT item_id) AS n FROM questionnaire_answer WHERE response_id = ?",
	    1, .ncols = 1, .nparams = 1, .rec = &quest_number_record },
	[SQL_QUEST_FIRST_UNANSWERED] = { "SELECT IFNULL(MIN(i.position), '') AS n FROM questionnaire_item i "
	                                 "JOIN questionnaire_response r ON r.questionnaire_id = i.questionnaire_id "
	                                 "WHERE r.id = ? AND NOT EXISTS (SELECT 1 FROM questionnaire_answer a "
	                                 "WHERE a.response_id = r.id AND a.item_id = i.id)",
	    1, .ncols = 1, .nparams = 1, .rec = &quest_number_record },
	[SQL_QUEST_DRAFT_ANSWERS] = { "SELECT IFNULL(value_int, '') AS value_int, value_int IS NOT NULL AS has_int, "
	                              "IFNULL(value_text, '') AS value_text, IFNULL(special, '') AS special "
	                              "FROM questionnaire_draft_answer WHERE code_id = ? AND item_id = ? "
	                              "AND sitting = ? ORDER BY seq",
	    1, .ncols = 4, .nparams = 3, .rec = &quest_answer_record },
	[SQL_QUEST_DRAFT_DELETE] = { "DELETE FROM questionnaire_draft_answer WHERE code_id = ? AND item_id = ?",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_QUEST_DRAFT_CLEAR] = { "DELETE FROM questionnaire_draft_answer WHERE code_id = ? AND item_id = ? "
	                            "AND sitting = ?",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_QUEST_DRAFT_COUNT] = { "SELECT COUNT(DISTINCT item_id) AS n FROM questionnaire_draft_answer WHERE code_id = ?",
	    1, .ncols = 1, .nparams = 1, .rec = &quest_number_record },
	[SQL_QUEST_DRAFT_FIRST_UNANSWERED] = { "SELECT IFNULL(MIN(i.position), '') AS n FROM questionnaire_item i "
	                                       "WHERE i.questionnaire_id = ? AND NOT EXISTS (SELECT 1 FROM "
	                                       "questionnaire_draft_answer a WHERE a.code_id = ? AND a.item_id = i.id)",
	    1, .ncols = 1, .nparams = 2, .rec = &quest_number_record },
	[SQL_QUEST_DRAFT_MOVE] = { "INSERT INTO questionnaire_answer (response_id, item_id, seq, value_int, "
	                           "value_text, special) SELECT ?, item_id, seq, value_int, value_text, special "
	                           "FROM questionnaire_draft_answer WHERE code_id = ?",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_QUEST_PARTICIPATION] = { "SELECT p.insats_id, pe.personnummer, p.status FROM participation p "
	                              "JOIN person pe ON pe.id = p.person_id WHERE p.id = ?",
	    1, .ncols = 3, .nparams = 1, .rec = &quest_participation_record },
	[SQL_QUEST_DEMO_COUNT] = { "SELECT COUNT(*) AS n FROM questionnaire_response WHERE status = 'inskickad'",
	    1, .ncols = 1, .nparams = 0, .rec = &quest_number_record },
	[SQL_QUEST_DEMO_PARTICIPATIONS] = { "SELECT p.id, p.status, p.insats_id, i.forbund_id, pe.gender, "
	                                    "pn.birth_year, p.start_date, IFNULL(p.end_date, '') AS end_date "
	                                    "FROM participation p JOIN insats i ON i.id = p.insats_id "
	                                    "JOIN person pn ON pn.id = p.person_id "
	                                    "JOIN participation_person pe ON pe.participation_id = p.id "
	                                    "WHERE p.status IN ('inskriven', 'avslutad') ORDER BY p.id",
	    1, .ncols = 8, .nparams = 0, .rec = &demo_quest_part_record },
	[SQL_QUEST_DEMO_QID] = { "SELECT id AS n FROM questionnaire WHERE code = ? AND forbund_id = ? "
	                         "AND is_active = 1",
	    1, .ncols = 1, .nparams = 2, .rec = &quest_number_record },
	[SQL_QUEST_DEMO_ITEMS] = { "SELECT id, kind, IFNULL(scale_min, '') AS scale_min, IFNULL(scale_max, '') AS scale_max, "
	                           "IFNULL(background, '') AS background FROM questionnaire_item "
	                           "WHERE questionnaire_id = ? ORDER BY position",
	    1, .ncols = 5, .nparams = 1, .rec = &demo_quest_item_record },
	[SQL_QUEST_DEMO_BACKDATE] = { "UPDATE questionnaire_response r JOIN questionnaire q ON q.id = r.questionnaire_id "
	                              "SET r.submitted_at = IF(q.anonymity = 'anonym', ?, "
	                              "TIMESTAMP(?, '10:30:00')) WHERE r.id = ?",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_QUEST_DEMO_RESP_INSERT] = { "INSERT INTO questionnaire_response (id, questionnaire_id, "
	                                 "participation_id, measurement, insats_id, language, forbund_id) "
	                                 "VALUES (?, ?, ?, ?, ?, ?, COALESCE((SELECT i.forbund_id FROM insats i "
	                                 "WHERE i.id = ?), (SELECT MIN(f.id) FROM forbund f)))",
	    0, .ncols = 0, .nparams = 7 },
	[SQL_QUEST_CODE_RELEASE] = { "UPDATE questionnaire_code SET device_hash = NULL, "
	                             "device_seen_at = NULL WHERE id = ? AND participation_id = ? "
	                             "AND device_hash IS NOT NULL AND expires_at > UTC_TIMESTAMP()",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_QUEST_SCREEN_KEY] = { "SELECT IFNULL((SELECT saves FROM questionnaire_screen WHERE code_id = ? "
	                           "AND item_id = ?), 0) AS n",
	    1, .ncols = 1, .nparams = 2, .rec = &quest_number_record },
	[SQL_QUEST_SCREEN_SAVED] = { "INSERT INTO questionnaire_screen (code_id, item_id, saves) VALUES (?, ?, 1) "
	                             "ON DUPLICATE KEY UPDATE saves = saves + 1",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_QUEST_CODE_RELEASE_ANON] = { "UPDATE questionnaire_code SET device_hash = NULL, "
	                                  "device_seen_at = NULL WHERE id = ? AND participation_id IS NULL "
	                                  "AND insats_id = ? AND device_hash IS NOT NULL "
	                                  "AND expires_at > UTC_TIMESTAMP()",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_QUEST_KIOSK_DEVICE] = { "SELECT " KIOSK_DEVICE_COLS
	                                 KIOSK_DEVICE_FROM
	                             "WHERE c.device_hash = ?",
	    1, .ncols = 18, .nparams = 3, .rec = &kiosk_device_record },
	[SQL_QUEST_KIOSK_ITEM] = { KIOSK_ITEM_SQL, 1, .ncols = 17, .nparams = 9,
	    .rec = &kiosk_item_row_record },
	/* The subquery is no locking read: it reads the screen row as
	     * committed when it runs, which is after the code row is locked
	     * (it depends on c.id), as SQL_QUEST_SCREEN_KEY after
	     * SQL_QUEST_CODE_LOCK_MINE read it. */
	[SQL_QUEST_CODE_LOCK_KEY] = { "SELECT IFNULL((SELECT s.saves FROM questionnaire_screen s "
	                              "WHERE s.code_id = c.id AND s.item_id = ?), 0) AS n "
	                              "FROM questionnaire_code c WHERE c.id = ? AND c.device_hash = ? "
	                              "FOR UPDATE",
	    0, .ncols = 1, .nparams = 3, .rec = &quest_number_record },
	[SQL_QUEST_KIOSK_SAVE] = { KIOSK_SAVE_SQL, 1, .ncols = 29, .nparams = 4,
	    .rec = &kiosk_save_row_record },
	[SQL_QUEST_SCREEN_OPEN] = { "INSERT INTO questionnaire_screen (code_id, item_id, saves) "
	                            "SELECT ?, i.id, 0 FROM questionnaire_item i "
	                            "WHERE i.questionnaire_id = ? "
	                            "ON DUPLICATE KEY UPDATE saves = saves",
	    0, .ncols = 0, .nparams = 2 },
	/* The code row first, as the send locks it (then deletes it and its
	 * screen rows): no save waits on the send the other way round. */
	[SQL_QUEST_SCREEN_CLAIM] = { "UPDATE questionnaire_code c STRAIGHT_JOIN questionnaire_screen s "
	                             "ON s.code_id = c.id AND s.item_id = ? "
	                             "SET c.device_seen_at = UTC_TIMESTAMP(), s.saves = s.saves + 1 "
	                             "WHERE c.id = ? AND c.device_hash = ? AND (? < 0 OR s.saves = ?)",
	    0, .ncols = 0, .nparams = 5 },
	[SQL_QUEST_ANSWER_PUT] = { ANSWER_PUT(
	                               "questionnaire_answer", "response_id"),
	    0, .ncols = 0, .nparams = 6 },
	[SQL_QUEST_ANSWER_PUT_OPTIONS] = { ANSWER_PUT_OPTIONS(
	                                       "questionnaire_answer",
	                                       "response_id"),
	    0, .ncols = 0, .nparams = 4 },
	[SQL_QUEST_ANSWER_SHRINK] = { ANSWER_SHRINK("questionnaire_answer",
	                                  "response_id"),
	    0, .ncols = 0, .nparams = 3 },
	[SQL_QUEST_DRAFT_PUT] = { ANSWER_PUT(
	                              "questionnaire_draft_answer", "code_id"),
	    0, .ncols = 0, .nparams = 6 },
	[SQL_QUEST_DRAFT_PUT_OPTIONS] = { ANSWER_PUT_OPTIONS(
	                                      "questionnaire_draft_answer",
	                                      "code_id"),
	    0, .ncols = 0, .nparams = 4 },
	[SQL_QUEST_DRAFT_SHRINK] = { ANSWER_SHRINK("questionnaire_draft_answer",
	                                 "code_id"),
	    0, .ncols = 0, .nparams = 3 },
	[SQL_QUEST_DEMO_FIRST_FORBUND] = { "SELECT MIN(id) AS n FROM forbund HAVING n IS NOT NULL",
	    1, .ncols = 1, .nparams = 0, .rec = &quest_number_record },
	[SQL_QUEST_RESP_FORBUND] = { "SELECT forbund_id AS n FROM questionnaire_response "
	                             "WHERE id = ?",
	    0, .ncols = 1, .nparams = 1, .rec = &quest_number_record },
};
