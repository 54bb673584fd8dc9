/* sql_sus.c: statements of the SUS export and its pages; see include/sql_sus.h. */
#include "sql_sus.h"
#include "sql_sus_facts.h"
#include "sus_batch.h"
#include "sus_finsam.h"
#include "sus_quality.h"

/* A number macro as SQL text (LIMIT takes no expression). */
#define SQL_NUM_(n) #n
#define SQL_NUM(n)  SQL_NUM_(n)

/* A SUS consent in force, answered yes (alias c): the consent half of
 * the identity rule below, and the consent whose date is sent. */
#define SUS_CONSENT_GIVEN                                                      \
	"c.kind = 'sus' AND c.state = 'aktiv' AND c.answer = 'ja'"

/* The referral's record of the participant, for SUS_IDENTITY_PERSON: one
 * row or none (its key is the referral). Needs p. */
#define SUS_RP_JOIN                                                            \
	"LEFT JOIN referral_person rp ON rp.referral_id = p.referral_id "

/* The one rule for reporting by identity (sql/0008's header), in two
 * halves: the participation's own conditions (SUS_IDENTITY_PERSON) and a
 * given SUS consent for its referral. SUS_IDENTITY_OK is both; the export
 * reads the consents of a page in one statement (SQL_SUS_CONSENTS) and
 * joins the halves in sus_batch.c (sus_page_consents()), rather than two
 * correlated subqueries per row. Needs the aliases p (participation), pe
 * (participation_person: the insats's record of the participant, the
 * source of every person item but the personnummer and birth year, which
 * come from person pn), i (insats) and rp (SUS_RP_JOIN). Protected
 * identity is the one item both records decide: protected when either
 * says so (no referral record: not by identity), as the consent status
 * box shows it (SQL_CONSENT_REFERRAL). NULL counts as no. */
#define SUS_IDENTITY_PERSON                                                    \
	"(pe.protected_identity = 0 AND rp.protected_identity = 0 "            \
	"AND i.measurement = 'personuppgifter')"
#define SUS_IDENTITY_OK                                                        \
	"(" SUS_IDENTITY_PERSON " AND EXISTS (SELECT 1 FROM consent c "        \
	"WHERE c.referral_id = p.referral_id AND " SUS_CONSENT_GIVEN "))"

/* Not a mistaken registration (status or end reason). Needs p and cer. */
#define SUS_NOT_FELREG                                                         \
	"(p.status <> 'felregistrerad' "                                       \
	"AND COALESCE(cer.outcome, '') <> 'felregistrering')"

/* The date of a given SUS consent (alias c): the paper's date, else the
 * time it was signed (UTC "ÅÅÅÅ-MM-DD HH:MM": sus_batch.c makes it the
 * Swedish day, sus_consent_day()), else its first valid day (NOT NULL).
 * The one sent is the latest consent's (the greatest id). */
#define SUS_CONSENT_DATE                                                       \
	"COALESCE(DATE_FORMAT(c.paper_date, '%Y-%m-%d'), "                     \
	"DATE_FORMAT(c.signed_at, '%Y-%m-%d %H:%i'), "                         \
	"DATE_FORMAT(c.valid_from, '%Y-%m-%d'))"

/* The income lists of SQL_SUS_INCOMES: SUS_INCOME_BEFORE's and
 * SUS_INCOME_AFTER's (sql_sus_facts.h), grouped for a page. */
#define SUS_INCOME_LIST_RI SUS_INCOME_ITEM("ri")
#define SUS_INCOME_LIST_PA SUS_INCOME_ITEM("pa")

/* One sus_batch_item row's parameters, and n of them comma-separated
 * (sus_items.c writes the items in chunks of these sizes). */
#define SUS_ITEM_INS                                                           \
	"INSERT INTO sus_batch_item (participation_id, forbund_id, batch_no, " \
	"action, reg_hash, has_end) VALUES "
#define SUS_ITEM_ROW "(?, :forbund, ?, ?, ?, ?)"
#define SUS_ITEM_ROWS5                                                         \
	SUS_ITEM_ROW ", " SUS_ITEM_ROW ", " SUS_ITEM_ROW ", " SUS_ITEM_ROW     \
	             ", " SUS_ITEM_ROW
#define SUS_ITEM_ROWS10 SUS_ITEM_ROWS5 ", " SUS_ITEM_ROWS5
#define SUS_ITEM_ROWS50                                                        \
	SUS_ITEM_ROWS10 ", " SUS_ITEM_ROWS10 ", " SUS_ITEM_ROWS10              \
	                ", " SUS_ITEM_ROWS10 ", " SUS_ITEM_ROWS10
#define SUS_ITEM_ROWS100 SUS_ITEM_ROWS50 ", " SUS_ITEM_ROWS50
#define SUS_ITEM_ROWS500                                                       \
	SUS_ITEM_ROWS100 ", " SUS_ITEM_ROWS100 ", " SUS_ITEM_ROWS100           \
	                 ", " SUS_ITEM_ROWS100 ", " SUS_ITEM_ROWS100

const struct db_query sql_sus[SQL_SUS__MAX] = {
	[SQL_SUS_LOCK] = { "SELECT last_batch_no, last_acked_no FROM sus_state "
	                   "WHERE forbund_id = :forbund FOR UPDATE NOWAIT",
	    0, .ncols = 2, .nparams = 0, .rec = &sus_state_record },
	/* One row for any förbund: zeros before its first export. */
	[SQL_SUS_STATE] = { "SELECT COALESCE(s.last_batch_no, 0) AS last_batch_no, "
	                    "COALESCE(s.last_acked_no, 0) AS last_acked_no "
	                    "FROM forbund f LEFT JOIN sus_state s ON s.forbund_id = f.id "
	                    "WHERE f.id = :forbund",
	    1, .ncols = 2, .nparams = 0, .rec = &sus_state_record },
	[SQL_SUS_STATE_ADD] = { "INSERT IGNORE INTO sus_state (forbund_id) "
	                        "VALUES (:forbund)",
	    0, .ncols = 0, .nparams = 0 },
	[SQL_SUS_STATE_SET_LAST] = { "UPDATE sus_state SET last_batch_no = ? "
	                             "WHERE forbund_id = :forbund",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_SUS_STATE_SET_ACKED] = { "UPDATE sus_state SET last_acked_no = ? "
	                              "WHERE forbund_id = :forbund",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_SUS_FORBUND] = { "SELECT id, name, COALESCE(sus_code, '') AS sus_code, "
	                      "COALESCE(org_number, '') AS org_number, "
	                      "DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i:%s') AS now_utc "
	                      "FROM forbund WHERE id = :forbund AND active = 1",
	    1, .ncols = 5, .nparams = 0, .rec = &sus_forbund_record },
	[SQL_SUS_FORBUND_LIST] = { "SELECT id, short_name FROM forbund "
	                           "WHERE active = 1 ORDER BY id",
	    1, .ncols = 2, .nparams = 0, .rec = &sus_forbund_pick_record },
	[SQL_SUS_INSATSER] = { "SELECT id, COALESCE(sus_code, '') AS sus_code, name, description, "
	                       "DATE_FORMAT(period_start, '%Y-%m-%d') AS period_start, "
	                       "COALESCE(DATE_FORMAT(period_end, '%Y-%m-%d'), '') AS period_end, "
	                       "direction, measurement, target_groups "
	                       "FROM insats WHERE forbund_id = :forbund ORDER BY id",
	    1, .ncols = 9, .nparams = 0, .rec = &sus_insats_record },
	[SQL_SUS_BUDGETS] = { "SELECT b.insats_id, b.year, b.planned_participants AS planned, "
	                      "COALESCE(b.budget_sek, -1) AS budget_sek FROM insats_budget_year b "
	                      "JOIN insats i ON i.id = b.insats_id "
	                      "WHERE i.forbund_id = :forbund ORDER BY b.insats_id, b.year",
	    1, .ncols = 4, .nparams = 0, .rec = &sus_budget_record },
	/* STRAIGHT_JOIN: walk participation by its primary key and stop
	 * after the page; driven from insats the server sorted every
	 * participation of the förbund for each page (quadratic). */
	[SQL_SUS_PAGE] = { "SELECT STRAIGHT_JOIN p.id, p.insats_id, "
	                   "NOT " SUS_NOT_FELREG " AS felreg, "
	                   "p.status = 'avslutad' AS ended, "
	                   "DATE_FORMAT(p.start_date, '%Y-%m-%d') AS start_date, "
	                   "COALESCE(DATE_FORMAT(p.end_date, '%Y-%m-%d'), '') AS end_date, "
	                   "pn.personnummer, pe.gender, pn.birth_year, "
	                   "pe.home_municipality, "
	                   "COALESCE(" SUS_KOMMUN_CODE
	                   ", '') AS municipality_code, "
	                   "COALESCE(" SUS_IDENTITY_PERSON
	                   ", 0) AS identity_person, "
	                   "p.gallrad_at IS NOT NULL AS gallrad, "
	                   "COALESCE(ce.sus_code, '') AS education, "
	                   "COALESCE(cst.sus_code, '') AS support_time, "
	                   "COALESCE(cob.sus_code, '') AS occupation_before, "
	                   "COALESCE(cer.sus_code, '') AS end_reason, "
	                   "COALESCE(coa.sus_code, '') AS occupation_after, "
	                   "'' AS income_before, '' AS income_after, "
	                   "COALESCE(CAST(p.occupation_before_percent AS CHAR), '') "
	                   "AS occupation_before_pct, "
	                   "COALESCE(CAST(p.occupation_after_percent AS CHAR), '') "
	                   "AS occupation_after_pct "
	                   "FROM participation p "
	                   "JOIN person pn ON pn.id = p.person_id "
	                   "JOIN participation_person pe ON pe.participation_id = p.id "
	                   "JOIN referral r ON r.id = p.referral_id "
	                   "JOIN insats i ON i.id = p.insats_id " SUS_RP_JOIN
	                       SUS_CODE_JOINS
	                   "WHERE i.forbund_id = :forbund AND p.id > ? ORDER BY p.id LIMIT ?",
	    1, .ncols = 22, .nparams = 2, .rec = &sus_page_record },
	/* Per page, not a subquery per row: the given SUS consents, the
	 * participation's key walked and each referral's consents found by
	 * ix_consent_referral. */
	[SQL_SUS_CONSENTS] = { "SELECT p2.id AS participation_id, c.id AS consent_id, "
	                       "" SUS_CONSENT_DATE " AS consent_date "
	                       "FROM participation p2 STRAIGHT_JOIN insats i2 "
	                       "ON i2.id = p2.insats_id AND i2.forbund_id = :forbund "
	                       "STRAIGHT_JOIN consent c "
	                       "ON c.referral_id = p2.referral_id AND " SUS_CONSENT_GIVEN
	                       " WHERE p2.id BETWEEN ? AND ? ORDER BY p2.id",
	    1, .ncols = 3, .nparams = 2, .rec = &sus_consent_record },
	/* What the receiver holds: of each of the page's participations,
	 * the latest item among the acknowledged batches up to the base. The
	 * latest only: items
	 * are never pruned, so every item would grow with the batches (a
	 * full replacement adds one per registration) and the page's
	 * memory with them. (Not a grouped derived table: as
	 * a prepared statement it found no items in test_sus where the same
	 * SQL run by hand did; not understood, so not used.) */
	[SQL_SUS_BASE_ITEMS] = { "SELECT j.participation_id, j.batch_no, j.action, "
	                         "COALESCE(HEX(j.reg_hash), '') AS hash, j.has_end "
	                         "FROM sus_batch_item j "
	                         "STRAIGHT_JOIN sus_batch sb ON sb.forbund_id = j.forbund_id "
	                         "AND sb.batch_no = j.batch_no "
	                         "WHERE j.participation_id BETWEEN ? AND ? "
	                         "AND j.forbund_id = :forbund "
	                         "AND j.batch_no <= ? AND sb.state = 'kvitterad' "
	                         "AND NOT EXISTS (SELECT 1 FROM sus_batch_item j2 "
	                         "JOIN sus_batch sb2 ON sb2.forbund_id = j2.forbund_id "
	                         "AND sb2.batch_no = j2.batch_no "
	                         "WHERE j2.participation_id = j.participation_id "
	                         "AND j2.forbund_id = j.forbund_id "
	                         "AND j2.batch_no > j.batch_no AND j2.batch_no <= ? "
	                         "AND sb2.state = 'kvitterad') "
	                         "ORDER BY j.participation_id",
	    1, .ncols = 5, .nparams = 4, .rec = &sus_base_item_record },
	/* Both lists in one statement, grouped per participation, rather
	 * than two subqueries per row of the page. */
	[SQL_SUS_INCOMES] = { "SELECT p2.id AS participation_id, 0 AS after_end, " SUS_INCOME_LIST_RI
	                      " AS list "
	                      "FROM participation p2 STRAIGHT_JOIN insats i2 "
	                      "ON i2.id = p2.insats_id AND i2.forbund_id = :forbund "
	                      "STRAIGHT_JOIN referral_income ri "
	                      "ON ri.referral_id = p2.referral_id "
	                      "STRAIGHT_JOIN code_income ci ON ci.code = ri.income_code "
	                      "WHERE ci.sus_code IS NOT NULL AND p2.id BETWEEN ? AND ? "
	                      "GROUP BY p2.id UNION ALL "
	                      "SELECT pa.participation_id, 1, " SUS_INCOME_LIST_PA
	                      " FROM participation_income_after pa "
	                      "STRAIGHT_JOIN participation p3 ON p3.id = pa.participation_id "
	                      "STRAIGHT_JOIN insats i3 "
	                      "ON i3.id = p3.insats_id AND i3.forbund_id = :forbund "
	                      "STRAIGHT_JOIN code_income ci ON ci.code = pa.income_code "
	                      "WHERE ci.sus_code IS NOT NULL "
	                      "AND pa.participation_id BETWEEN ? AND ? "
	                      "GROUP BY pa.participation_id "
	                      "ORDER BY participation_id, after_end",
	    1, .ncols = 3, .nparams = 4, .rec = &sus_income_record },
	[SQL_SUS_ANSWERS] = { "SELECT a.participation_id, q.code AS question, a.answer "
	                      "FROM sus_answer a JOIN sus_question q "
	                      "ON q.id = a.question_id AND q.forbund_id = :forbund "
	                      "JOIN participation p2 ON p2.id = a.participation_id "
	                      "JOIN insats i2 ON i2.id = p2.insats_id AND i2.forbund_id = :forbund "
	                      "WHERE q.active = 1 AND a.answer <> '' "
	                      "AND a.participation_id BETWEEN ? AND ? "
	                      "ORDER BY a.participation_id, q.sort_order, q.code",
	    1, .ncols = 3, .nparams = 2, .rec = &sus_answer_record },
	[SQL_SUS_COUNTS_BASE] = { "SELECT c.insats_id, c.year, c.gender, c.started, c.ended, "
	                          "c.held_started, c.held_ended "
	                          "FROM sus_batch_count c WHERE c.forbund_id = :forbund "
	                          "AND c.batch_no = "
	                          "(SELECT MAX(c2.batch_no) FROM sus_batch_count c2 "
	                          "JOIN sus_batch sb ON sb.forbund_id = c2.forbund_id "
	                          "AND sb.batch_no = c2.batch_no "
	                          "WHERE c2.forbund_id = c.forbund_id "
	                          "AND c2.insats_id = c.insats_id AND c2.year = c.year "
	                          "AND c2.gender = c.gender AND sb.state = 'kvitterad' "
	                          "AND c2.batch_no <= ?) "
	                          "ORDER BY c.insats_id, c.year, c.gender",
	    1, .ncols = 7, .nparams = 1, .rec = &sus_count_record },
	[SQL_SUS_BATCH_INSERT] = { "INSERT INTO sus_batch (forbund_id, batch_no, base_no, "
	                           "created_at, created_by, created_via, acked_when_built, "
	                           "schema_version) VALUES (:forbund, ?, ?, ?, ?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 7 },
	[SQL_SUS_ITEM_INSERT] = { SUS_ITEM_INS SUS_ITEM_ROW, 0, .ncols = 0,
	    .nparams = 5 },
	[SQL_SUS_ITEM_INSERT_5] = { SUS_ITEM_INS SUS_ITEM_ROWS5, 0, .ncols = 0,
	    .nparams = 5 * 5 },
	[SQL_SUS_ITEM_INSERT_50] = { SUS_ITEM_INS SUS_ITEM_ROWS50, 0,
	    .ncols = 0, .nparams = 50 * 5 },
	[SQL_SUS_ITEM_INSERT_500] = { SUS_ITEM_INS SUS_ITEM_ROWS500, 0,
	    .ncols = 0, .nparams = 500 * 5 },
	[SQL_SUS_COUNT_INSERT] = { "INSERT INTO sus_batch_count (forbund_id, batch_no, insats_id, "
	                           "year, gender, started, ended, held_started, held_ended) "
	                           "VALUES (:forbund, ?, ?, ?, ?, ?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 8 },
	[SQL_SUS_PART_INSERT] = { "INSERT INTO sus_batch_part (forbund_id, batch_no, seq, data) "
	                          "VALUES (:forbund, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_SUS_BATCH_FINISH] = { "UPDATE sus_batch SET n_new = ?, n_changed = ?, "
	                           "n_anonymised = ?, n_felreg = ?, n_groups = ?, "
	                           "n_held_back = ?, n_kept = ?, doc_bytes = ?, doc_sha256 = ? "
	                           "WHERE forbund_id = :forbund AND batch_no = ?",
	    0, .ncols = 0, .nparams = 10 },
	/* In personnummer order: the rows go into ix_audit_person (by
	 * personnummer) one after the other instead of at random places. */
	[SQL_SUS_AUDIT_BATCH] = { "INSERT INTO audit_log (at, forbund_id, staff_id, username, "
	                          "action, object_type, object_id, personnummer, remote_addr, "
	                          "request_id, detail) SELECT UTC_TIMESTAMP(3), it.forbund_id, ?, ?, "
	                          "'export', 'participation', it.participation_id, "
	                          "pn.personnummer, ?, ?, ? FROM sus_batch_item it "
	                          "JOIN participation p ON p.id = it.participation_id "
	                          "JOIN person pn ON pn.id = p.person_id "
	                          "WHERE it.forbund_id = :forbund AND it.batch_no = ? "
	                          "AND it.action IN ('ny', 'andrad') "
	                          "ORDER BY pn.personnummer",
	    0, .ncols = 0, .nparams = 6 },
	[SQL_SUS_BATCH_GET] = { "SELECT batch_no, base_no, state, doc_bytes, doc_sha256, "
	                        "doc_purged_at IS NOT NULL AS purged, "
	                        "DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS created, "
	                        "acked_when_built "
	                        "FROM sus_batch WHERE forbund_id = :forbund AND batch_no = ?",
	    1, .ncols = 8, .nparams = 1, .rec = &sus_batch_get_record },
	[SQL_SUS_PART_GET] = { "SELECT data FROM sus_batch_part "
	                       "WHERE forbund_id = :forbund AND batch_no = ? AND seq = ?",
	    1, .ncols = 1, .nparams = 2, .rec = &sus_part_record },
	[SQL_SUS_BATCH_FETCHED] = { "UPDATE sus_batch SET fetches = fetches + 1 "
	                            "WHERE forbund_id = :forbund AND batch_no = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_SUS_BATCH_ACK] = { "UPDATE sus_batch SET state = 'kvitterad', "
	                        "acked_at = UTC_TIMESTAMP(3), acked_by = ? "
	                        "WHERE forbund_id = :forbund AND batch_no = ? AND state = 'ny'",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_SUS_PURGE_PARTS] = { "DELETE sus_batch_part FROM sus_batch_part "
	                          "JOIN sus_batch b ON b.forbund_id = sus_batch_part.forbund_id "
	                          "AND b.batch_no = sus_batch_part.batch_no "
	                          "WHERE b.forbund_id = :forbund AND b.state = 'kvitterad' "
	                          "AND b.acked_at < UTC_TIMESTAMP() - INTERVAL ? DAY",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_SUS_PURGE_MARK] = { "UPDATE sus_batch SET doc_purged_at = UTC_TIMESTAMP() "
	                         "WHERE forbund_id = :forbund AND state = 'kvitterad' "
	                         "AND doc_purged_at IS NULL "
	                         "AND acked_at < UTC_TIMESTAMP() - INTERVAL ? DAY",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_SUS_RATE_TOUCH] = { "SELECT forbund_id AS n, 0 AS retry_after FROM sus_rate "
	                         "WHERE forbund_id = :forbund FOR UPDATE",
	    0, .ncols = 2, .nparams = 0, .rec = &sus_rate_record },
	[SQL_SUS_RATE_SWEEP] = { "DELETE FROM sus_request WHERE forbund_id = :forbund "
	                         "AND at < UTC_TIMESTAMP(3) - INTERVAL ? SECOND",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_SUS_RATE_COUNT] = { "SELECT COUNT(*) AS n, GREATEST(1, COALESCE(? - "
	                         "TIMESTAMPDIFF(SECOND, MIN(at), UTC_TIMESTAMP(3)), 1)) AS retry_after "
	                         "FROM sus_request WHERE forbund_id = :forbund "
	                         "AND at >= UTC_TIMESTAMP(3) - INTERVAL ? SECOND",
	    1, .ncols = 2, .nparams = 2, .rec = &sus_rate_record },
	[SQL_SUS_RATE_INSERT] = { "INSERT INTO sus_request (forbund_id, staff_id, at) "
	                          "VALUES (:forbund, ?, UTC_TIMESTAMP(3))",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_SUS_BATCH_LIST] = { "SELECT b.batch_no, b.base_no, "
	                         "DATE_FORMAT(b.created_at, '%Y-%m-%d %H:%i') AS created, "
	                         "b.created_via, COALESCE(st.username, '') AS by_user, b.state, "
	                         "COALESCE(DATE_FORMAT(b.acked_at, '%Y-%m-%d %H:%i'), '') AS acked, "
	                         "b.n_new, b.n_changed, b.n_anonymised, b.n_felreg, b.n_groups, "
	                         "b.n_held_back, b.doc_bytes, b.doc_sha256, "
	                         "b.doc_purged_at IS NOT NULL AS purged, b.fetches "
	                         "FROM sus_batch b LEFT JOIN staff st ON st.id = b.created_by "
	                         "WHERE b.forbund_id = :forbund "
	                         "ORDER BY b.batch_no DESC LIMIT " SQL_NUM(
	                             SUS_BATCH_LIST_MAX),
	    1, .ncols = 17, .nparams = 0, .rec = &sus_batch_row_record },
	[SQL_SUS_QUALITY] = { "SELECT p.id, i.short_name, pe.first_name, pe.last_name, "
	                      "DATE_FORMAT(p.start_date, '%Y-%m-%d') AS start_date, "
	                      "p.status = 'avslutad' AS ended, " SUS_IDENTITY_OK
	                      " AS identity_ok, " SUS_FACTS_SQL " "
	                      "FROM participation p "
	                      "JOIN staff_insats si ON si.insats_id = p.insats_id "
	                      "AND si.staff_id = ? "
	                      "JOIN participation_person pe ON pe.participation_id = p.id "
	                      "JOIN referral r ON r.id = p.referral_id "
	                      "JOIN insats i ON i.id = p.insats_id "
	                      "AND i.forbund_id = :forbund " SUS_RP_JOIN
	                          SUS_CODE_JOINS "WHERE " SUS_NOT_FELREG
	                      " AND p.gallrad_at IS NULL"
	                      " AND i.measurement = 'personuppgifter' "
	                      "HAVING " SUS_FACTS_SOME_EMPTY
	                      " ORDER BY identity_ok DESC, i.short_name, p.start_date, p.id "
	                      "LIMIT " SQL_NUM(SUS_QUALITY_MAX),
	    1, .ncols = 7 + SUS_FACTS_NCOLS, .nparams = 1,
	    .rec = &sus_quality_record },
	/* Insatser nobody staffs: no active account works in them. One row
	 * per participation that may lack something; sus_quality.c counts. */
	[SQL_SUS_QUALITY_NOSTAFF] = { "SELECT i.id AS insats_id, i.name AS insats_name, "
	                              "o.name AS organisation, " SUS_FACTS_SQL
	                              " "
	                              "FROM participation p "
	                              "JOIN participation_person pe ON pe.participation_id = p.id "
	                              "JOIN referral r ON r.id = p.referral_id "
	                              "JOIN insats i ON i.id = p.insats_id "
	                              "AND i.forbund_id = :forbund "
	                              "JOIN organisation o ON o.id = i.host_organisation_id " SUS_RP_JOIN
	                                  SUS_CODE_JOINS "WHERE " SUS_NOT_FELREG
	                              " AND " SUS_IDENTITY_OK
	                              " AND NOT EXISTS (SELECT 1 FROM staff_insats si "
	                              "JOIN staff s ON s.id = si.staff_id AND s.active = 1 "
	                              "WHERE si.insats_id = p.insats_id) HAVING " SUS_FACTS_SOME_EMPTY
	                              " ORDER BY i.name, i.id",
	    1, .ncols = 3 + SUS_FACTS_NCOLS, .nparams = 0,
	    .rec = &sus_nostaff_fact_record },
	[SQL_SUS_FINSAM] = { "SELECT i.id AS insats_id, i.name AS insats_name, pe.gender, "
	                     "COUNT(*) AS active, SUM(p.start_date >= ?) AS started, "
	                     "SUM(p.status = 'avslutad' AND p.end_date BETWEEN ? AND ?) AS ended "
	                     "FROM participation p "
	                     "JOIN participation_person pe ON pe.participation_id = p.id "
	                     "JOIN insats i ON i.id = p.insats_id AND i.forbund_id = :forbund "
	                     "LEFT JOIN code_end_reason cer ON cer.code = p.end_reason_code "
	                     "WHERE " SUS_NOT_FELREG " AND p.start_date <= ? "
	                     "AND (p.end_date IS NULL OR p.end_date >= ?) "
	                     "GROUP BY i.id, i.name, pe.gender ORDER BY i.name, i.id, pe.gender",
	    1, .ncols = 6, .nparams = 5, .rec = &sus_finsam_record },
};
