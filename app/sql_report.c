/* sql_report.c: statements of the activity report; see include/sql_report.h. */
#include "report_pass.h"
#include "report_quest_pairs.h"
#include "report_scope.h"
#include "sql_report.h"
#include "sql_report_flow.h"
#include "sql_report_people.h"

/* Participations overlapping the period, in scope: (end, start, ins, ins). */
#define IN_PERIOD                                                              \
	"p.status <> 'felregistrerad' AND p.start_date <= ? AND "              \
	"(p.end_date IS NULL OR p.end_date >= ?) AND "                         \
	"(? = 0 OR p.insats_id = ?)"

/* Ended in the period: (start, end, ins, ins). */
#define ENDED_IN_PERIOD                                                        \
	"p.status = 'avslutad' AND p.end_date BETWEEN ? AND ? AND "            \
	"(? = 0 OR p.insats_id = ?)"

/* Each person item from one source (README, "Who sees what of a person"):
 * the birth year from the personnummer (person pn), the gender from the
 * insats's record of the participant (participation_person pe). */
#define FROM_P                                                                 \
	"FROM participation p JOIN person pn ON pn.id = p.person_id "          \
	"JOIN participation_person pe ON pe.participation_id = p.id "

/* p's insats, to keep the request's förbund's participations only
 * (db_scope.h): one look-up in the index of (id, forbund_id), read alone.
 * Left to itself MariaDB reads the förbund's insatser from the index led
 * by forbund_id for every participation and keeps the one (~6 % more CPU
 * for the pass at 100 000 participations). */
#define SCOPE_IX "FORCE INDEX (uq_insats_id_forbund) "

/* The request's förbund's participations only, after p (the pass reads p
 * in id order). */
#define FROM_PR                                                                \
	FROM_P "JOIN referral r ON r.id = p.referral_id "                      \
	       "STRAIGHT_JOIN insats pin " SCOPE_IX "ON pin.id = p.insats_id " \
	       "AND pin.forbund_id = :forbund "

/* An organisation's label in the medremittent table (report_people.c):
 * its names from the top down. */
#define ORG_LABEL "CONCAT_WS(' – ', o2.name, o1.name, o.name)"

/* An income state: the code when there is exactly one, "*" for several,
 * "" for none; t the table, k its key column, v the owner's id. */
#define PASS_STATE(t, k, v)                                                    \
	"(SELECT IF(COUNT(*) > 1, '*', IFNULL(MAX(x.income_code), '')) "       \
	"FROM " t " x WHERE x." k " = " v ")"

/* The insats of p's predecessor or successor (sql_report_flow.h), 0 for
 * none; only for a person with another participation (a cheap look-up
 * first: most have none). By the id, not the insats: the person index
 * holds the id, so the look-up reads no row (~15 % of the pass's CPU on
 * 100k participations); the ordered look-up still requires another
 * insats. p is the request's förbund's (the pass's join), so its
 * förbund is :forbund: no look-up of p's insats. */
#define PASS_PATH(cond, order)                                                 \
	"IF(EXISTS (SELECT 1 FROM participation q2 "                           \
	"WHERE q2.person_id = p.person_id AND q2.id <> p.id), "                \
	"IFNULL((SELECT q.insats_id FROM participation q "                     \
	"JOIN insats qi ON qi.id = q.insats_id "                               \
	"AND qi.forbund_id = :forbund AND qi.direction = 'individ' "           \
	"WHERE q.person_id = p.person_id AND q.insats_id <> p.insats_id "      \
	"AND " cond " ORDER BY " order " LIMIT 1), 0), 0)"

/* The participations of a range [?, ?) of ids that the questionnaire's
 * start/end pairs may count (report_quest_pairs.h), each once: kind 1
 * those whose end measurement (of a linked version of the questionnaire
 * ?) was sent in the period, by the responses, but for those that ended
 * in the period (NULL-safe); kind 0 those that ended (avslutad) in the
 * period, by the primary key. Which of kind 0 count, and how, the C
 * decides from their responses (an end measurement sent in the period,
 * one sent another time, none): no per-row look-up of the end
 * measurement here. Both in id order from an index led by the id (0070's
 * for the responses, read first: STRAIGHT_JOIN, else MariaDB reads the
 * range's participations and looks each one's responses up); by the
 * period's indexes MariaDB would read the whole period's entries again
 * for every range. The request's förbund's participations only. (lo, hi, from, to, code, ins, ins, from, to, lo, hi,
 * from, to, ins, ins) */
#define QUEST_SET                                                              \
	"SELECT r.participation_id AS pid, 1 AS kind "                         \
	"FROM questionnaire_response r "                                       \
	"FORCE INDEX (ix_qresponse_participation) "                            \
	"STRAIGHT_JOIN questionnaire q ON q.id = r.questionnaire_id "          \
	"STRAIGHT_JOIN participation p ON p.id = r.participation_id "          \
	"STRAIGHT_JOIN insats pin " SCOPE_IX "ON pin.id = p.insats_id "        \
	"AND pin.forbund_id = :forbund "                                       \
	"WHERE r.participation_id >= ? AND r.participation_id < ? "            \
	"AND r.status = 'inskickad' AND r.measurement = 'slut' "               \
	"AND r.submitted_at >= ? "                                             \
	"AND r.submitted_at < CAST(? AS DATE) + INTERVAL 1 DAY "               \
	"AND q.code = ? AND q.anonymity = 'kopplad' "                          \
	"AND p.status <> 'felregistrerad' AND (? = 0 OR p.insats_id = ?) "     \
	"AND NOT (p.status = 'avslutad' AND p.end_date IS NOT NULL "           \
	"AND p.end_date BETWEEN ? AND ?) "                                     \
	"GROUP BY r.participation_id "                                         \
	"UNION ALL SELECT p.id, 0 FROM participation p FORCE INDEX (PRIMARY) " \
	"STRAIGHT_JOIN insats pin " SCOPE_IX "ON pin.id = p.insats_id "        \
	"AND pin.forbund_id = :forbund "                                       \
	"WHERE p.id >= ? AND p.id < ? AND " ENDED_IN_PERIOD
#define SIX "?, ?, ?, ?, ?, ?"

static const struct db_field code_fields[] = {
	DB_FIELD(report_code_row, code, "code", DB_F_STR),
	DB_FIELD(report_code_row, label, "label", DB_F_STR),
	DB_FIELD(report_code_row, active, "active", DB_F_BOOL),
};
const struct db_record report_code_record =
    DB_RECORD(report_code_row, code_fields);

static const struct db_field budget_fields[] = {
	DB_FIELD(report_budget_row, month, "month", DB_F_STR),
	DB_FIELD(report_budget_row, places, "places", DB_F_STR),
};
const struct db_record report_budget_record =
    DB_RECORD(report_budget_row, budget_fields);

static const struct db_field goal_fields[] = {
	DB_FIELD(report_goal_row, kind, "kind", DB_F_STR),
	DB_FIELD(report_goal_row, label, "label", DB_F_STR),
	DB_FIELD(
	    report_goal_row, target_numerator, "target_numerator", DB_F_INT),
	DB_FIELD(report_goal_row, target_denominator, "target_denominator",
	    DB_F_INT),
};
const struct db_record report_goal_record =
    DB_RECORD(report_goal_row, goal_fields);

static const struct db_field quest_item_fields[] = {
	DB_FIELD(report_quest_item_row, code, "code", DB_F_STR),
	DB_FIELD(report_quest_item_row, kind, "kind", DB_F_STR),
	DB_FIELD(report_quest_item_row, lo, "lo", DB_F_INT),
	DB_FIELD(report_quest_item_row, hi, "hi", DB_F_INT),
	DB_FIELD(report_quest_item_row, text, "text", DB_F_STR),
};
const struct db_record report_quest_item_record =
    DB_RECORD(report_quest_item_row, quest_item_fields);

static const struct db_field quest_answer_fields[] = {
	DB_FIELD(report_quest_answer_row, code, "code", DB_F_STR),
	DB_FIELD(report_quest_answer_row, gender, "gender", DB_F_STR),
	DB_FIELD(report_quest_answer_row, n, "n", DB_F_INT),
	DB_FIELD(report_quest_answer_row, sum, "sum", DB_F_INT),
	DB_FIELD(report_quest_answer_row, top, "top", DB_F_INT),
};
const struct db_record report_quest_answer_record =
    DB_RECORD(report_quest_answer_row, quest_answer_fields);

static const struct db_field quest_value_fields[] = {
	DB_FIELD(report_quest_value_row, pid, "pid", DB_F_INT),
	DB_FIELD(report_quest_value_row, gender, "gender", DB_F_STR),
	DB_FIELD(report_quest_value_row, kind, "kind", DB_F_BOOL),
	DB_FIELD(report_quest_value_row, rid, "rid", DB_F_INT),
	DB_FIELD(report_quest_value_row, at_end, "at_end", DB_F_BOOL),
	DB_FIELD(report_quest_value_row, end_in, "end_in", DB_F_BOOL),
	DB_FIELD(report_quest_value_row, item, "item", DB_F_INT),
	DB_FIELD(report_quest_value_row, v, "v", DB_F_INT),
};
const struct db_record report_quest_value_record =
    DB_RECORD(report_quest_value_row, quest_value_fields);

static const struct db_field quest_item_id_fields[] = {
	DB_FIELD(report_quest_item_id_row, id, "id", DB_F_INT),
	DB_FIELD(report_quest_item_id_row, item, "item", DB_F_INT),
};
const struct db_record report_quest_item_id_record =
    DB_RECORD(report_quest_item_id_row, quest_item_id_fields);

static const struct db_field max_fields[] = {
	DB_FIELD(report_max_row, n, "n", DB_F_INT),
};
const struct db_record report_max_record =
    DB_RECORD(report_max_row, max_fields);

static const struct db_field pass_fields[] = {
	DB_FIELD(report_pass_row, id, "id", DB_F_INT),
	DB_FIELD(report_pass_row, gender, "gender", DB_F_STR),
	DB_FIELD(report_pass_row, birth_year, "birth_year", DB_F_INT),
	DB_FIELD(report_pass_row, edu, "edu", DB_F_STR),
	DB_FIELD(report_pass_row, support, "support", DB_F_STR),
	DB_FIELD(report_pass_row, start, "start", DB_F_STR),
	DB_FIELD(report_pass_row, end, "end", DB_F_STR),
	DB_FIELD(report_pass_row, ended, "ended", DB_F_BOOL),
	DB_FIELD(report_pass_row, org, "org", DB_F_INT),
	DB_FIELD(report_pass_row, outcome, "outcome", DB_F_STR),
	DB_FIELD(report_pass_row, insats_id, "insats_id", DB_F_INT),
	DB_FIELD(report_pass_row, age, "age", DB_F_INT),
	DB_FIELD(report_pass_row, incomes, "incomes", DB_F_STR),
	DB_FIELD(report_pass_row, state_after, "state_after", DB_F_STR),
	DB_FIELD(report_pass_row, coremittents, "coremittents", DB_F_STR),
	DB_FIELD(report_pass_row, pred, "pred", DB_F_INT),
	DB_FIELD(report_pass_row, succ, "succ", DB_F_INT),
	DB_FIELD(report_pass_row, fu_done, "fu_done", DB_F_BOOL),
	DB_FIELD(report_pass_row, fu_situation, "fu_situation", DB_F_STR),
	DB_FIELD(report_pass_row, employer_tops, "employer_tops", DB_F_STR),
};
const struct db_record report_pass_record =
    DB_RECORD(report_pass_row, pass_fields);

static const struct db_field pass_org_fields[] = {
	DB_FIELD(report_pass_org, id, "id", DB_F_INT),
	DB_FIELD(report_pass_org, top, "top", DB_F_INT),
	DB_FIELD(report_pass_org, topname, "topname", DB_F_STR),
	DB_FIELD(report_pass_org, label, "label", DB_F_STR),
	DB_FIELD(report_pass_org, lrank, "lrank", DB_F_INT),
	DB_FIELD(report_pass_org, toplevel, "toplevel", DB_F_BOOL),
	DB_FIELD(report_pass_org, name, "name", DB_F_STR),
	DB_FIELD(report_pass_org, trank, "trank", DB_F_INT),
};
const struct db_record report_pass_org_record =
    DB_RECORD(report_pass_org, pass_org_fields);

const struct db_query sql_report[SQL_REPORT__MAX] = {
	[SQL_REPORT_INSATSER] = { "SELECT i.id, i.name, i.period_start, "
	                          "IFNULL(i.period_end, '') AS period_end "
	                          "FROM insats i WHERE i.forbund_id = :forbund "
	                          "AND (? = 0 OR " /* structural too: 17d */
	                          "i.id IN (SELECT si.insats_id FROM "
	                          "staff_insats si WHERE si.staff_id = ?)) "
	                          "ORDER BY i.name, i.id",
	    1, .ncols = 4, .nparams = 2, .rec = &report_insats_record },
	[SQL_REPORT_CODES_EDUCATION] = { "SELECT code, label, active FROM code_education "
	                                 "ORDER BY sort_order, code",
	    1, .ncols = 3, .nparams = 0, .rec = &report_code_record },
	[SQL_REPORT_CODES_SUPPORT] = { "SELECT code, label, active FROM code_support_time "
	                               "ORDER BY sort_order, code",
	    1, .ncols = 3, .nparams = 0, .rec = &report_code_record },
	[SQL_REPORT_BUDGET] = { "WITH RECURSIVE m (ms) AS (SELECT CAST(? AS DATE) "
	                        "UNION ALL SELECT ms + INTERVAL 1 MONTH FROM m "
	                        "WHERE ms + INTERVAL 1 MONTH <= ?) "
	                        "SELECT DATE_FORMAT(m.ms, '%Y-%m') AS month, "
	                        "SUM(COALESCE(b.places, i.places)) AS places "
	                        "FROM m JOIN insats i ON i.direction = 'individ' "
	                        "AND i.forbund_id = :forbund "
	                        "AND i.period_start <= LAST_DAY(m.ms) "
	                        "AND (i.period_end IS NULL OR i.period_end >= m.ms) "
	                        "LEFT JOIN insats_budget_year b ON b.insats_id = i.id "
	                        "AND b.year = YEAR(m.ms) "
	                        "WHERE (? = 0 OR i.id = ?) GROUP BY m.ms ORDER BY m.ms",
	    1, .ncols = 2, .nparams = 4, .rec = &report_budget_record },
	[SQL_REPORT_GOALS_INSATS] = { "SELECT g.kind, g.label, g.target_numerator, "
	                              "g.target_denominator FROM insats_goal g "
	                              "JOIN insats i ON i.id = g.insats_id "
	                              "AND i.forbund_id = :forbund "
	                              "WHERE g.insats_id = ? ORDER BY g.sort_order, g.id",
	    1, .ncols = 4, .nparams = 1, .rec = &report_goal_record },
	[SQL_REPORT_GOALS_FORBUND] = { "SELECT g.kind, g.label, g.target_numerator, "
	                               "g.target_denominator FROM forbund_goal g "
	                               "WHERE g.forbund_id = :forbund "
	                               "ORDER BY g.sort_order, g.id",
	    1, .ncols = 4, .nparams = 0, .rec = &report_goal_record },
	[SQL_REPORT_QUESTS] = { "SELECT q.code, q.title FROM questionnaire q "
	                        "WHERE q.forbund_id = :forbund AND q.is_active = 1 AND EXISTS (SELECT 1 FROM "
	                        "questionnaire_item i WHERE i.questionnaire_id = q.id "
	                        "AND i.kind IN ('skala', 'vas')) ORDER BY q.title, q.code",
	    1, .ncols = 2, .nparams = 0, .rec = &report_quest_record },
	[SQL_REPORT_QUEST_ITEMS] = { "SELECT i.item_code AS code, i.kind AS kind, "
	                             "IFNULL(i.scale_min, 0) AS lo, "
	                             "IFNULL(i.scale_max, 0) AS hi, i.text AS text "
	                             "FROM questionnaire_item i "
	                             "WHERE i.questionnaire_id = (SELECT q.id FROM questionnaire q "
	                             "WHERE q.code = ? AND q.forbund_id = :forbund "
	                             "ORDER BY q.is_active DESC, q.version DESC "
	                             "LIMIT 1) AND i.kind IN ('skala', 'vas') ORDER BY i.position",
	    1, .ncols = 5, .nparams = 1, .rec = &report_quest_item_record },
	[SQL_REPORT_QUEST_ANSWERS] = { "SELECT i.item_code AS code, IFNULL(r.gender, '') AS gender, "
	                               "COUNT(*) AS n, SUM(a.value_int) AS sum, SUM(a.value_int >= "
	                               "IF(i.kind = 'vas', ?, i.scale_max - ? + 1)) AS top "
	                               "FROM questionnaire q "
	                               "JOIN questionnaire_response r ON r.questionnaire_id = q.id "
	                               "JOIN questionnaire_answer a ON a.response_id = r.id "
	                               "JOIN questionnaire_item i ON i.id = a.item_id "
	                               "WHERE q.code = ? AND r.status = 'inskickad' "
	                               "AND r.submitted_at >= ? "
	                               "AND r.submitted_at < CAST(? AS DATE) + INTERVAL 1 DAY "
	                               "AND (? = 0 OR r.insats_id = ?) "
	                               "AND r.forbund_id = :forbund "
	                               "AND i.kind IN ('skala', 'vas') AND a.special IS NULL "
	                               "AND a.value_int IS NOT NULL "
	                               "GROUP BY i.item_code, r.gender",
	    1, .ncols = 5, .nparams = 7, .rec = &report_quest_answer_record },
	/* The answers' items by id (SQL_REPORT_QUEST_ITEM_IDS, mapped in C):
	 * no look-up of the item per answer. Unordered: report_quest.c sorts
	 * a range's rows by participation (no filesort here). */
	[SQL_REPORT_QUEST_VALUES] = { "SELECT x.pid, pe.gender, x.kind, "
	    "IFNULL(r2.id, 0) AS rid, "
	    "IFNULL(r2.measurement = 'slut', 0) AS at_end, "
	    "IFNULL(r2.measurement = 'slut' AND r2.submitted_at >= ? "
	    "AND r2.submitted_at < CAST(? AS DATE) + INTERVAL 1 DAY, 0) "
	    "AS end_in, IFNULL(a.item_id, 0) AS item, "
	    "IFNULL(a.value_int, 0) AS v FROM (" QUEST_SET ") x "
	    "JOIN participation_person pe ON pe.participation_id = x.pid "
	    "LEFT JOIN (questionnaire_response r2 "
	    "FORCE INDEX (ix_qresponse_participation) JOIN questionnaire q2 "
	    "ON q2.id = r2.questionnaire_id AND q2.anonymity = 'kopplad' "
	    "AND q2.code = ? LEFT JOIN questionnaire_answer a "
	    "ON a.response_id = r2.id AND a.special IS NULL "
	    "AND a.value_int IS NOT NULL) "
	    "ON r2.participation_id = x.pid AND r2.status = 'inskickad' "
	    "AND r2.measurement IN ('start', 'slut')",
	    1, .ncols = 8, .nparams = 18, .rec = &report_quest_value_record },
	[SQL_REPORT_QUEST_ITEM_IDS] = { "SELECT i.id, "
	    "FIELD(i.item_code, " SIX ") AS item FROM questionnaire_item i "
	    "JOIN questionnaire q ON q.id = i.questionnaire_id "
	    "AND q.forbund_id = :forbund "
	    "WHERE FIELD(i.item_code, " SIX ") > 0",
	    1, .ncols = 2, .nparams = 12, .rec = &report_quest_item_id_record },
	/* Backwards by the primary key to the förbund's newest: at once for
	 * the förbund with the newest participations, past every newer
	 * one of other förbund's otherwise. */
	[SQL_REPORT_MAX_PARTICIPATION] = { "SELECT IFNULL((SELECT p.id FROM participation p "
	                                   "STRAIGHT_JOIN insats i " SCOPE_IX "ON i.id = p.insats_id "
	                                   "AND i.forbund_id = :forbund "
	                                   "ORDER BY p.id DESC LIMIT 1), 0) AS n",
	    1, .ncols = 1, .nparams = 0, .rec = &report_max_record },
	[SQL_REPORT_PASS] = { /* One page by id: the primary key bounds each
	                       * page's reading, whatever the period. */
	    "SELECT p.id, pe.gender, IFNULL(pn.birth_year, 0) AS birth_year, "
	    "IFNULL(r.education_code, '') AS edu, "
	    "IFNULL(r.support_time_code, '') AS support, "
	    "CAST(p.start_date AS CHAR) AS start, "
	    "IFNULL(CAST(p.end_date AS CHAR), '') AS end, "
	    "p.status = 'avslutad' AS ended, r.organisation_id AS org, "
	    "IFNULL(c.outcome, '') AS outcome, p.insats_id, "
	    RP_AGE " AS age, "
	    "(SELECT IFNULL(GROUP_CONCAT(x.income_code SEPARATOR ','), '') "
	    "FROM referral_income x WHERE x.referral_id = p.referral_id) "
	    "AS incomes, IF(p.status = 'avslutad' AND p.end_date "
	    "BETWEEN ? AND ?, "
	    PASS_STATE("participation_income_after", "participation_id", "p.id")
	    ", '') AS state_after, (SELECT IFNULL(GROUP_CONCAT("
	    "rc.organisation_id SEPARATOR ','), '') "
	    "FROM referral_coremittent rc WHERE rc.referral_id = p.referral_id) "
	    "AS coremittents, "
	    "IF(?, " PASS_PATH(FLOW_PRED_COND, FLOW_PRED_ORDER) ", 0) AS pred, "
	    "IF(? AND p.status = 'avslutad' AND p.end_date BETWEEN ? AND ?, "
	    PASS_PATH(FLOW_SUCC_COND, FLOW_SUCC_ORDER) ", 0) AS succ, "
	    "f.participation_id IS NOT NULL AS fu_done, "
	    "IFNULL(f.situation, '') AS fu_situation, "
	    "IF(p.status = 'avslutad' AND p.end_date BETWEEN ? AND ? "
	    "AND r.employed = 1 AND TRIM(r.employer) <> '', "
	    "(SELECT IFNULL(GROUP_CONCAT(COALESCE(o2.id, o1.id, o.id) "
	    "SEPARATOR ','), '') FROM referral_coremittent rc "
	    "JOIN organisation o ON o.id = rc.organisation_id "
	    "LEFT JOIN organisation o1 ON o1.id = o.parent_id "
	    "LEFT JOIN organisation o2 ON o2.id = o1.parent_id "
	    "WHERE rc.referral_id = p.referral_id "
	    "AND TRIM(r.employer) IN (o.name, o1.name, o2.name)), '') "
	    "AS employer_tops " FROM_PR
	    "LEFT JOIN code_end_reason c ON c.code = p.end_reason_code "
	    "LEFT JOIN participation_followup f ON f.participation_id = p.id "
	    "WHERE " IN_PERIOD " AND p.id > ? ORDER BY p.id LIMIT ?",
	    1, .ncols = 20, .nparams = 14, .rec = &report_pass_record },
	/* The label and its order are the medremittent table's (the
	 * medremittenter from the pass), the top-level organisations' order
	 * its employees' rows': sorted here, in the collation. */
	[SQL_REPORT_ORGS] = { "SELECT o.id, COALESCE(o2.id, o1.id, o.id) AS top, "
	                      "COALESCE(o2.name, o1.name, o.name) AS topname, "
	                      ORG_LABEL " AS label, ROW_NUMBER() OVER "
	                      "(ORDER BY " ORG_LABEL ", o.id) - 1 AS lrank, "
	                      "o.parent_id IS NULL AS toplevel, o.name, "
	                      "ROW_NUMBER() OVER (PARTITION BY o.parent_id IS NULL "
	                      "ORDER BY o.name, o.id) - 1 AS trank "
	                      "FROM organisation o "
	                      "LEFT JOIN organisation o1 ON o1.id = o.parent_id "
	                      "LEFT JOIN organisation o2 ON o2.id = o1.parent_id "
	                      "WHERE o.forbund_id = :forbund "
	                      "ORDER BY topname, top, o.id",
	    1, .ncols = 8, .nparams = 0, .rec = &report_pass_org_record },
};
