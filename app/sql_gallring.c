/* sql_gallring.c: statements of gallring and /admin/gallring; see
 * include/sql_gallring.h. */
#include "gallring.h"
#include "sql_gallring.h"

static const struct db_field rule_fields[] = {
	DB_FIELD(gallring_rule_row, code, "code", DB_F_STR),
	DB_FIELD(gallring_rule_row, clock, "clock", DB_F_STR),
	DB_FIELD(gallring_rule_row, keep_days, "keep_days", DB_F_INT),
	DB_FIELD(gallring_rule_row, version, "version", DB_F_INT),
	DB_FIELD(gallring_rule_row, updated_at, "updated_at", DB_F_UTC_TIME),
	DB_FIELD(gallring_rule_row, updated_by, "updated_by", DB_F_STR),
};
const struct db_record gallring_rule_row_record =
    DB_RECORD(gallring_rule_row, rule_fields);

static const struct db_field cand_fields[] = {
	DB_FIELD(gallring_cand, id, "id", DB_F_INT),
	DB_FIELD(gallring_cand, status, "status", DB_F_STR),
	DB_FIELD(gallring_cand, clock, "clock", DB_F_STR),
	DB_FIELD(gallring_cand, referral_id, "referral_id", DB_F_INT),
	DB_FIELD(gallring_cand, person_id, "person_id", DB_F_INT),
	DB_FIELD(
	    gallring_cand, has_participation, "has_participation", DB_F_BOOL),
};
const struct db_record gallring_cand_record =
    DB_RECORD(gallring_cand, cand_fields);

static const struct db_field forbund_fields[] = {
	DB_FIELD(gallring_forbund, id, "id", DB_F_INT),
	DB_FIELD(gallring_forbund, short_name, "short_name", DB_F_STR),
	DB_FIELD(gallring_forbund, sole, "sole", DB_F_BOOL),
	DB_FIELD(gallring_forbund, installation, "installation", DB_F_BOOL),
};
const struct db_record gallring_forbund_record =
    DB_RECORD(gallring_forbund, forbund_fields);

static const struct db_field n_fields[] = {
	DB_FIELD(gallring_n, n, "n", DB_F_INT),
};
const struct db_record gallring_n_record = DB_RECORD(gallring_n, n_fields);

static const struct db_field s_fields[] = {
	DB_FIELD(gallring_s, s, "s", DB_F_STR),
};
const struct db_record gallring_s_record = DB_RECORD(gallring_s, s_fields);

#define DAY(c) "DATE_FORMAT(" c ", '%Y-%m-%d')"
#define AGO    "UTC_DATE() - INTERVAL ? DAY"
#define AGO_TS "UTC_TIMESTAMP() - INTERVAL ? DAY"

/* What is left of a person's record: the words gallring leaves. */
#define GONE_NAME "'Gallrad'"
#define PERSON_ANON                                                            \
	"first_name = " GONE_NAME ", last_name = " GONE_NAME ", "              \
	"address = '', postal_code = '', city = '', phone = '', "              \
	"interpreter_needed = 0, interpreter_language = '', "                  \
	"protected_identity = 1 "

/* Consents of referral ? by kind: the SUS consent's yes or no decides
 * SUS identity and counts, so its row stays (anonymised). */
#define OF_REF_CONSENTS "SELECT c.id FROM consent c WHERE c.referral_id = ?"
#define OF_REF_OTHER    OF_REF_CONSENTS " AND c.kind <> 'sus'"

#define PART_CAND                                                               \
	"SELECT p.id, p.status, " DAY(                                          \
	    "p.end_date") " AS clock, "                                         \
	                  "p.referral_id, p.person_id, 1 AS has_participation " \
	                  "FROM participation p "
#define REF_CAND                                                                                                                          \
	"SELECT r.id, r.status, " DAY(                                                                                                    \
	    "COALESCE(r.decided_at, r.withdrawn_at, r.updated_at)") " AS clock, r.id AS referral_id, r.person_id, EXISTS (SELECT 1 FROM " \
	                                                            "participation p WHERE p.referral_id = r.id) AS has_participation "   \
	                                                            "FROM referral r "
#define CONSENT_CAND                                                           \
	"SELECT c.id, c.state AS status, " DAY(                                \
	    "COALESCE(c.ended_at, c.updated_at)") " AS clock, "                \
	                                          "c.referral_id, (SELECT r.person_id FROM referral r WHERE r.id = c.referral_id) AS person_id, 0 AS has_participation FROM consent c "

/* The request's förbund's records (db_scope.h): a participation's or a
 * referral's by its insats, a consent's by its referral's, a login's by
 * its account's. */
#define OF_FORBUND_INSATS(col)                                                 \
	col " IN (SELECT fi.id FROM insats fi WHERE fi.forbund_id = :forbund)"
#define OF_FORBUND_STAFF(col)                                                  \
	col " IN (SELECT fs.id FROM staff fs WHERE fs.forbund_id = :forbund)"
#define CONSENT_OF_FORBUND                                                     \
	"EXISTS (SELECT 1 FROM referral fr JOIN insats fi "                    \
	"ON fi.id = fr.insats_id WHERE fr.id = c.referral_id "                 \
	"AND fi.forbund_id = :forbund)"

const struct db_query sql_gallring[SQL_GR__MAX] = {
	[SQL_GR_TODAY] = { "SELECT " DAY("UTC_DATE()") " AS s", 1, .ncols = 1,
	    .nparams = 0, .rec = &gallring_s_record },
	[SQL_GR_RULES] = { "SELECT g.code, g.clock, g.keep_days, g.version, "
	                   "COALESCE(DATE_FORMAT(g.updated_at, "
	                   "'%Y-%m-%d %H:%i'), '') AS updated_at, "
	                   "COALESCE(s.username, '') AS updated_by "
	                   "FROM gallring_rule g "
	                   "LEFT JOIN staff s ON s.id = g.updated_by "
	                   "WHERE g.forbund_id = :forbund "
	                   "ORDER BY g.position, g.code",
	    1, .ncols = 6, .nparams = 0, .rec = &gallring_rule_row_record },
	[SQL_GR_RULE_SET] = { "UPDATE gallring_rule SET keep_days = ?, "
	                      "version = version + 1, "
	                      "updated_at = UTC_TIMESTAMP(), updated_by = ? "
	                      "WHERE forbund_id = :forbund AND code = ? "
	                      "AND version = ?",
	    0, .ncols = 0, .nparams = 4 },
	/* The förbund by a subquery, not a join: the row is written even if
	 * the referral were gone (then with none). */
	[SQL_GR_AUDIT] = { "INSERT INTO audit_log (at, forbund_id, staff_id, "
	                   "username, action, object_type, object_id, "
	                   "personnummer, remote_addr, request_id, detail) "
	                   "VALUES (UTC_TIMESTAMP(3), (SELECT i.forbund_id "
	                   "FROM referral r JOIN insats i ON i.id = r.insats_id "
	                   "WHERE r.id = ?), NULL, ?, 'update', ?, ?, "
	                   "NULLIF(?, ''), 'local', ?, ?)",
	    0, .ncols = 0, .nparams = 7 },

	/* --- deltagande ------------------------------------------------ */
	[SQL_GR_PART_PAGE] = { PART_CAND
	    "WHERE p.gallrad_at IS NULL "
	    "AND p.status IN (" GALLRING_PARTICIPATION_STATES ") "
	    "AND p.end_date < " AGO " AND p.id > ? "
	    "AND " OF_FORBUND_INSATS(
	        "p.insats_id") " "
	                       "ORDER BY p.id LIMIT " GALLRING_PAGE_SQL,
	    1, .ncols = 6, .nparams = 2, .rec = &gallring_cand_record },
	[SQL_GR_PART_LOCK] = { PART_CAND
	    "WHERE p.id = ? "
	    "AND p.gallrad_at IS NULL AND " OF_FORBUND_INSATS(
	        "p.insats_id") " FOR UPDATE",
	    0, .ncols = 6, .nparams = 1, .rec = &gallring_cand_record },
	[SQL_GR_PART_ANON] = { "UPDATE participation SET "
	                       "version = version + 1, "
	                       "gallrad_at = UTC_TIMESTAMP() WHERE id = ?",
	    0, .ncols = 0, .nparams = 1 },
	/* The version moves on: a form read before is stale (referral_person
	 * is versioned with its referral, which SQL_GR_REF_ANON bumps). */
	[SQL_GR_PART_PERSON_ANON] = { "UPDATE participation_person SET " PERSON_ANON
	                              ", version = version + 1 "
	                              "WHERE participation_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_PART_ACTIVITY_DEL] = { "DELETE FROM participation_activity "
	                               "WHERE participation_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_PART_EXTENSION_DEL] = { "DELETE FROM participation_extension "
	                                "WHERE participation_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_PART_MIDTERM_DEL] = { "DELETE FROM participation_midterm "
	                              "WHERE participation_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_PART_SUMMARY_DEL] = { "DELETE FROM participation_summary "
	                              "WHERE participation_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_PART_SUS_ANSWER_DEL] = { "DELETE FROM sus_answer "
	                                 "WHERE participation_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_PART_HISTORY_DEL] = { "CALL gallring_history('participation', "
	                              "?, @gallring_n)",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_PART_QCODE_DEL] = { "DELETE FROM questionnaire_code "
	                            "WHERE participation_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_PART_QOPEN_DEL] = { "DELETE FROM questionnaire_response "
	                            "WHERE participation_id = ? "
	                            "AND status = 'pagaende'",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_PART_QFREE_DEL] = { "DELETE a FROM questionnaire_answer a "
	                            "JOIN questionnaire_response r "
	                            "ON r.id = a.response_id "
	                            "JOIN questionnaire_item i ON i.id = a.item_id "
	                            "WHERE r.participation_id = ? "
	                            "AND i.kind = 'fritext'",
	    0, .ncols = 0, .nparams = 1 },

	/* The hash of a registration sent is over the personnummer too, so
	 * it would give the number back to a brute force: zeros instead (a
	 * value the SUS export never compares for a gallrad participation,
	 * sus_batch.c; the same in every run, so a rerun ends the same). */
	[SQL_GR_PART_SUS_HASH] = { "UPDATE sus_batch_item "
	                           "SET reg_hash = UNHEX(REPEAT('00', 16)) "
	                           "WHERE participation_id = ? "
	                           "AND reg_hash IS NOT NULL",
	    0, .ncols = 0, .nparams = 1 },

	/* --- ansokan (and the referral of a participation) ------------- */
	[SQL_GR_REF_PAGE] = { REF_CAND
	    "WHERE r.gallrad_at IS NULL "
	    "AND r.status IN (" GALLRING_REFERRAL_STATES ") "
	    "AND NOT EXISTS (SELECT 1 FROM participation p "
	    "WHERE p.referral_id = r.id) "
	    "AND COALESCE(r.decided_at, r.withdrawn_at, r.updated_at) < " AGO
	    " AND r.id > ? AND " OF_FORBUND_INSATS(
	        "r.insats_id") " ORDER BY r.id LIMIT " GALLRING_PAGE_SQL,
	    1, .ncols = 6, .nparams = 2, .rec = &gallring_cand_record },
	[SQL_GR_REF_LOCK] = { REF_CAND
	    "WHERE r.id = ? "
	    "AND r.gallrad_at IS NULL AND " OF_FORBUND_INSATS(
	        "r.insats_id") " FOR UPDATE",
	    0, .ncols = 6, .nparams = 1, .rec = &gallring_cand_record },
	/* The employer stays only where it is an organisation's name: the
	 * report's "anställda hos" table reads exactly that. */
	[SQL_GR_REF_ANON] = { "UPDATE referral SET background = '', "
	                      "own_goals = '', needs = '', tried_before = '', "
	                      "decision_reason = '', withdrawn_reason = '', "
	                      "employer = IF(EXISTS ("
	                      "SELECT 1 FROM organisation o "
	                      "WHERE o.name = TRIM(referral.employer)), "
	                      "TRIM(employer), ''), "
	                      "version = version + 1, "
	                      "gallrad_at = UTC_TIMESTAMP() WHERE id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_REF_PERSON_ANON] = { "UPDATE referral_person SET " PERSON_ANON
	                             "WHERE referral_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_REF_HISTORY_DEL] = { "CALL gallring_history('referral', ?, "
	                             "@gallring_n)",
	    0, .ncols = 0, .nparams = 1 },
	/* The medremittenter's names and contacts (the organisation, which a
	 * report may count, stays). */
	[SQL_GR_REF_COREMITTENT_ANON] = { "UPDATE referral_coremittent SET "
	                                  "name = " GONE_NAME ", contact = '' "
	                                  "WHERE referral_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_REF_CONSENT_EVENTS_DEL] = { "CALL gallring_referral_consent_"
	                                    "events(?, @gallring_n)",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_REF_CONSENT_TABLET_DEL] = { "DELETE FROM tablet_session "
	                                    "WHERE consent_id IN (" OF_REF_CONSENTS
	                                    ")",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_REF_CONSENT_PARTY_DEL] = { "DELETE FROM consent_party "
	                                   "WHERE consent_id IN (" OF_REF_OTHER
	                                   ")",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_REF_CONSENT_CAT_DEL] = { "DELETE FROM consent_consent_category "
	                                 "WHERE consent_id IN (" OF_REF_OTHER
	                                 ")",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_REF_CONSENT_DEL] = { "DELETE FROM consent WHERE referral_id = ? "
	                             "AND kind <> 'sus'",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_REF_CONSENT_SUS_ANON] = { "UPDATE consent SET signer_name = '', "
	                                  "signature_svg = NULL, "
	                                  "interpreter_language = '', "
	                                  "purpose = '' WHERE referral_id = ? "
	                                  "AND kind = 'sus'",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_PERSON_PNR] = { "SELECT personnummer AS s FROM person "
	                        "WHERE id = ?",
	    1, .ncols = 1, .nparams = 1, .rec = &gallring_s_record },
	[SQL_GR_PERSON_LEFT] = { "SELECT COUNT(*) AS n FROM referral "
	                         "WHERE person_id = ? AND gallrad_at IS NULL",
	    0, .ncols = 1, .nparams = 1, .rec = &gallring_n_record },
	[SQL_GR_PERSON_STARTS] = { "SELECT DISTINCT CAST(DATE_FORMAT(start_date, "
	                           "'%m%d') AS SIGNED) AS n FROM participation "
	                           "WHERE person_id = ?",
	    0, .ncols = 1, .nparams = 1, .rec = &gallring_n_record },
	[SQL_GR_PERSON_ANON] = { "UPDATE person SET personnummer = ? "
	                         "WHERE id = ? AND NOT EXISTS (SELECT 1 FROM "
	                         "person_gallrad g WHERE g.person_id = person.id) "
	                         "AND NOT EXISTS (SELECT 1 FROM referral r "
	                         "WHERE r.person_id = person.id "
	                         "AND r.gallrad_at IS NULL)",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_GR_PERSON_MARK] = { "INSERT INTO person_gallrad (person_id, "
	                         "gallrad_at) VALUES (?, UTC_TIMESTAMP())",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_PERSON_HISTORY_DEL] = { "CALL gallring_history('person', ?, "
	                                "@gallring_n)",
	    0, .ncols = 0, .nparams = 1 },

	/* --- samtycke --------------------------------------------------- */
	/* Not the SUS consent: its row, with its yes or no, decides the SUS
	 * counts as long as the participation stays (README "Gallring"). */
	[SQL_GR_CONSENT_PAGE] = { CONSENT_CAND
	    "WHERE c.state IN (" GALLRING_CONSENT_STATES ") "
	    "AND c.kind <> 'sus' "
	    "AND COALESCE(c.ended_at, c.updated_at) < " AGO
	    " AND c.id > ? AND " CONSENT_OF_FORBUND
	    " ORDER BY c.id LIMIT " GALLRING_PAGE_SQL,
	    1, .ncols = 6, .nparams = 2, .rec = &gallring_cand_record },
	[SQL_GR_CONSENT_LOCK] = { CONSENT_CAND
	    "WHERE c.id = ? "
	    "AND c.kind <> 'sus' AND " CONSENT_OF_FORBUND " FOR UPDATE",
	    0, .ncols = 6, .nparams = 1, .rec = &gallring_cand_record },
	[SQL_GR_CONSENT_EVENTS_DEL] = { "CALL gallring_consent_events(?, "
	                                "@gallring_n)",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_CONSENT_TABLET_DEL] = { "DELETE FROM tablet_session "
	                                "WHERE consent_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_CONSENT_PARTY_DEL] = { "DELETE FROM consent_party "
	                               "WHERE consent_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_CONSENT_CAT_DEL] = { "DELETE FROM consent_consent_category "
	                             "WHERE consent_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_CONSENT_DEL] = { "DELETE FROM consent WHERE id = ?", 0,
	    .ncols = 0, .nparams = 1 },

	/* --- enkatsvar: linked responses ------------------------------- */
	/* Sent: its free-text answers go (no report reads them); never sent,
	 * of a participation that ended: the whole response. */
	[SQL_GR_RESP_PAGE] = { "SELECT r.id, r.status, " DAY(
	                           "IF(r.status = 'inskickad', r.submitted_at, "
	                           "p.end_date)") " AS clock, "
	                                          "0 AS referral_id, 0 AS person_id, "
	                                          "1 AS has_participation "
	                                          "FROM questionnaire_response r "
	                                          "JOIN participation p ON p.id = r.participation_id "
	                                          "WHERE ((r.status = 'inskickad' "
	                                          "AND r.submitted_at < " AGO_TS
	                                          " "
	                                          "AND EXISTS (SELECT 1 FROM questionnaire_answer a "
	                                          "JOIN questionnaire_item i ON i.id = a.item_id "
	                                          "WHERE a.response_id = r.id "
	                                          "AND i.kind = 'fritext')) "
	                                          "OR (r.status = 'pagaende' "
	                                          "AND p.status <> 'inskriven' "
	                                          "AND p.end_date < " AGO ")) "
	                                          "AND r.forbund_id = :forbund "
	                                          "AND r.id > ? ORDER BY r.id LIMIT " GALLRING_PAGE_SQL,
	    1, .ncols = 6, .nparams = 3, .rec = &gallring_cand_record },
	[SQL_GR_RESP_FREE_DEL] = { "DELETE a FROM questionnaire_answer a "
	                           "JOIN questionnaire_item i ON i.id = a.item_id "
	                           "WHERE a.response_id = ? "
	                           "AND i.kind = 'fritext'",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_RESP_OPEN_DEL] = { "DELETE FROM questionnaire_response "
	                           "WHERE id = ? AND status = 'pagaende'",
	    0, .ncols = 0, .nparams = 1 },

	/* --- enkatkod ---------------------------------------------------- */
	[SQL_GR_QCODE_COUNT] = { "SELECT COUNT(*) AS n FROM questionnaire_code "
	                         "WHERE forbund_id = :forbund "
	                         "AND expires_at < " AGO_TS,
	    1, .ncols = 1, .nparams = 1, .rec = &gallring_n_record },
	[SQL_GR_QCODE_DEL] = { "DELETE FROM questionnaire_code "
	                       "WHERE forbund_id = :forbund "
	                       "AND expires_at < " AGO_TS
	                       " ORDER BY id LIMIT ?",
	    0, .ncols = 0, .nparams = 2 },

	/* --- sus_dokument ------------------------------------------------ */
	/* Every förbund, active or not (an inactive one's records still go
	 * by its rules). installation: the installation's first active
	 * förbund (the first of all when none is active), whose rules the
	 * rows of no förbund go by. */
	[SQL_GR_FORBUNDS] = { "SELECT id, short_name, "
	                      "(active = 1 AND (SELECT COUNT(*) "
	                      "FROM forbund f2 WHERE f2.active = 1) = 1) AS sole, "
	                      "(id = COALESCE((SELECT MIN(f3.id) FROM forbund f3 "
	                      "WHERE f3.active = 1), (SELECT MIN(f4.id) "
	                      "FROM forbund f4))) AS installation "
	                      "FROM forbund ORDER BY id",
	    1, .ncols = 4, .nparams = 0, .rec = &gallring_forbund_record },
	[SQL_GR_SUS_PAGE] = { "SELECT batch_no AS id, state AS status, " DAY(
	                          "created_at") " AS clock, 0 AS referral_id, "
	                                        "0 AS person_id, 0 AS has_participation "
	                                        "FROM sus_batch WHERE forbund_id = :forbund "
	                                        "AND doc_purged_at IS NULL "
	                                        "AND created_at < " AGO_TS
	                                        " AND batch_no > ? "
	                                        "ORDER BY batch_no LIMIT " GALLRING_PAGE_SQL,
	    1, .ncols = 6, .nparams = 2, .rec = &gallring_cand_record },
	[SQL_GR_SUS_PARTS_DEL] = { "DELETE FROM sus_batch_part "
	                           "WHERE forbund_id = :forbund AND batch_no = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_SUS_MARK] = { "UPDATE sus_batch SET doc_purged_at = "
	                      "UTC_TIMESTAMP() WHERE forbund_id = :forbund AND batch_no = ? "
	                      "AND doc_purged_at IS NULL",
	    0, .ncols = 0, .nparams = 1 },

	/* --- inloggning -------------------------------------------------- */
	/* The förbund's: its accounts' sessions, tablets, stashes and ended
	 * sessions, failed logins naming one of its accounts, its SUS
	 * requests. */
	[SQL_GR_LOGIN_COUNT] = { "SELECT (SELECT COUNT(*) FROM session "
	                         "WHERE last_seen_at < " AGO_TS
	                         " AND " OF_FORBUND_STAFF(
	                             "staff_id") ") + "
	                                         "(SELECT COUNT(*) FROM tablet_session "
	                                         "WHERE last_seen_at < " AGO_TS
	                                         " AND " OF_FORBUND_STAFF(
	                                             "staff_id") ") + "
	                                                         "(SELECT COUNT(*) FROM login_failure "
	                                                         "WHERE at < " AGO_TS
	                                                         " AND username IN (SELECT fs.username FROM staff fs WHERE fs.forbund_id = :forbund)) + "
	                                                         "(SELECT COUNT(*) FROM form_stash "
	                                                         "WHERE expires_at < " AGO_TS
	                                                         " AND " OF_FORBUND_STAFF(
	                                                             "staff_id") ") + "
	                                                                         "(SELECT COUNT(*) FROM session_ended "
	                                                                         "WHERE ended_at < " AGO_TS
	                                                                         " AND " OF_FORBUND_STAFF(
	                                                                             "staff_id") ") + "
	                                                                                         "(SELECT COUNT(*) FROM sus_request "
	                                                                                         "WHERE at < " AGO_TS
	                                                                                         " AND forbund_id = :forbund) AS n",
	    1, .ncols = 1, .nparams = 6, .rec = &gallring_n_record },
	[SQL_GR_SESSION_DEL] = { "DELETE FROM session WHERE last_seen_at < " AGO_TS
	                         " AND " OF_FORBUND_STAFF(
	                             "staff_id") " ORDER BY id LIMIT ?",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_GR_TABLET_DEL] = { "DELETE FROM tablet_session "
	                        "WHERE last_seen_at < " AGO_TS
	                        " AND " OF_FORBUND_STAFF(
	                            "staff_id") " ORDER BY id LIMIT ?",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_GR_LOGIN_FAILURE_DEL] = { "DELETE FROM login_failure WHERE at < " AGO_TS
	                               " AND username IN (SELECT fs.username "
	                               "FROM staff fs WHERE fs.forbund_id = :forbund) "
	                               "ORDER BY id LIMIT ?",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_GR_FORM_STASH_DEL] = { "DELETE FROM form_stash WHERE expires_at < " AGO_TS
	                            " AND " OF_FORBUND_STAFF(
	                                "staff_id") " ORDER BY id LIMIT ?",
	    0, .ncols = 0, .nparams = 2 },
	/* After the sessions: their trigger writes session_ended rows of
	 * today, which go by this rule later. */
	[SQL_GR_SESSION_ENDED_DEL] = { "DELETE FROM session_ended "
	                               "WHERE ended_at < " AGO_TS
	                               " AND " OF_FORBUND_STAFF(
	                                   "staff_id") " LIMIT ?",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_GR_SUS_REQUEST_DEL] = { "DELETE FROM sus_request WHERE at < " AGO_TS
	                             " AND forbund_id = :forbund ORDER BY id LIMIT ?",
	    0, .ncols = 0, .nparams = 2 },

	/* --- atkomstlogg: only through the procedure (sql/0033, 0074) ---- */
	[SQL_GR_LOG_COUNT] = { "SELECT COUNT(*) AS n FROM audit_log "
	                       "WHERE forbund_id = :forbund AND at < "
	                       "UTC_TIMESTAMP() - INTERVAL GREATEST(?, " GALLRING_LOG_MIN_DAYS_SQL
	                       ") DAY",
	    1, .ncols = 1, .nparams = 1, .rec = &gallring_n_record },
	[SQL_GR_LOG_CALL] = { "CALL gallring_audit_log(:forbund, ?, @gallring_n)",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_GR_LOG_N] = { "SELECT CAST(COALESCE(@gallring_n, 0) AS SIGNED) AS n",
	    1, .ncols = 1, .nparams = 0, .rec = &gallring_n_record },

	/* --- rows of no förbund, by the installation's förbund's rules --- */
	/* inloggning: failed logins naming no account, wrong questionnaire
	 * codes (by address only), form stashes bound to no account. */
	[SQL_GR_NONE_LOGIN_COUNT] = { "SELECT (SELECT COUNT(*) FROM login_failure lf "
	                              "WHERE lf.at < " AGO_TS
	                              " AND NOT EXISTS (SELECT 1 "
	                              "FROM staff fs WHERE fs.username = lf.username)) + "
	                              "(SELECT COUNT(*) FROM questionnaire_code_failure "
	                              "WHERE at < " AGO_TS ") + "
	                              "(SELECT COUNT(*) FROM form_stash "
	                              "WHERE expires_at < " AGO_TS
	                              " AND staff_id IS NULL) AS n",
	    1, .ncols = 1, .nparams = 3, .rec = &gallring_n_record },
	[SQL_GR_NONE_LOGIN_FAILURE_DEL] = { "DELETE FROM login_failure WHERE at < " AGO_TS
	                                    " AND NOT EXISTS (SELECT 1 FROM staff fs "
	                                    "WHERE fs.username = login_failure.username) "
	                                    "ORDER BY id LIMIT ?",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_GR_NONE_QCODE_FAILURE_DEL] = { "DELETE FROM questionnaire_code_failure "
	                                    "WHERE at < " AGO_TS
	                                    " ORDER BY id LIMIT ?",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_GR_NONE_FORM_STASH_DEL] = { "DELETE FROM form_stash WHERE expires_at < " AGO_TS
	                                 " AND staff_id IS NULL ORDER BY id LIMIT ?",
	    0, .ncols = 0, .nparams = 2 },
	/* atkomstlogg: the rows of installation events (forbund_id NULL). */
	[SQL_GR_NONE_LOG_COUNT] = { "SELECT COUNT(*) AS n FROM audit_log "
	                            "WHERE forbund_id IS NULL AND at < "
	                            "UTC_TIMESTAMP() - INTERVAL GREATEST(?, " GALLRING_LOG_MIN_DAYS_SQL
	                            ") DAY",
	    1, .ncols = 1, .nparams = 1, .rec = &gallring_n_record },
	[SQL_GR_NONE_LOG_CALL] = { "CALL gallring_audit_log(NULL, ?, @gallring_n)",
	    0, .ncols = 0, .nparams = 1 },

	/* --- /admin/gallring --------------------------------------------- */
	[SQL_GR_RULES_LOCK] = { "SELECT code, clock, keep_days, version, "
	                        "'' AS updated_at, '' AS updated_by "
	                        "FROM gallring_rule WHERE forbund_id = :forbund "
	                        "ORDER BY position, code FOR UPDATE",
	    0, .ncols = 6, .nparams = 0, .rec = &gallring_rule_row_record },
};
