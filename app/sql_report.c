/* sql_report.c: statements of the activity report; see include/sql_report.h. */
#include "sql_report.h"

/* Participations overlapping the period, in scope: (end, start, ins, ins). */
#define IN_PERIOD                                                              \
	"p.status <> 'felregistrerad' AND p.start_date <= ? AND "              \
	"(p.end_date IS NULL OR p.end_date >= ?) AND "                         \
	"(? = 0 OR p.insats_id = ?)"

/* Ended in the period: (start, end, ins, ins). */
#define ENDED_IN_PERIOD                                                        \
	"p.status = 'avslutad' AND p.end_date BETWEEN ? AND ? AND "            \
	"(? = 0 OR p.insats_id = ?)"

#define FROM_P "FROM participation p JOIN person pe ON pe.id = p.person_id "

#define FROM_PR FROM_P "JOIN referral r ON r.id = p.referral_id "

const struct db_query sql_report[SQL_REPORT__MAX] = {
	[SQL_REPORT_INSATSER] = { "SELECT i.id, i.name, i.period_start, "
	                          "IFNULL(i.period_end, '') FROM insats i "
	                          "WHERE i.direction = 'individ' AND (? = 0 OR "
	                          "i.id IN (SELECT si.insats_id FROM "
	                          "staff_insats si WHERE si.staff_id = ?)) "
	                          "ORDER BY i.name, i.id",
	    1 },
	[SQL_REPORT_COUNTS] = { "SELECT pe.gender, COUNT(*), "
	                        "SUM(p.start_date >= ?), "
	                        "SUM(p.status = 'avslutad' AND p.end_date <= ?) " FROM_P
	                        "WHERE " IN_PERIOD " GROUP BY pe.gender",
	    1 },
	[SQL_REPORT_AGE] = { "SELECT pe.gender, CASE "
	                     "WHEN YEAR(p.start_date) - pe.birth_year < 30 THEN 0 "
	                     "WHEN YEAR(p.start_date) - pe.birth_year < 45 THEN 1 "
	                     "WHEN YEAR(p.start_date) - pe.birth_year <= 65 THEN 2 "
	                     "ELSE 3 END AS band, COUNT(*) " FROM_P
	                     "WHERE " IN_PERIOD " GROUP BY pe.gender, band",
	    1 },
	[SQL_REPORT_EDUCATION] = { "SELECT pe.gender, IFNULL(r.education_code, '') AS c, "
	                           "COUNT(*) " FROM_PR "WHERE " IN_PERIOD
	                           " GROUP BY pe.gender, c",
	    1 },
	[SQL_REPORT_SUPPORT] = { "SELECT pe.gender, IFNULL(r.support_time_code, '') AS c, "
	                         "COUNT(*) " FROM_PR "WHERE " IN_PERIOD
	                         " GROUP BY pe.gender, c",
	    1 },
	[SQL_REPORT_REFERRER] = { "SELECT pe.gender, COALESCE(o2.id, o1.id, o.id) AS top, "
	                          "COALESCE(o2.name, o1.name, o.name) AS topname, "
	                          "COUNT(*) " FROM_PR
	                          "JOIN organisation o ON o.id = r.organisation_id "
	                          "LEFT JOIN organisation o1 ON o1.id = o.parent_id "
	                          "LEFT JOIN organisation o2 ON o2.id = o1.parent_id "
	                          "WHERE " IN_PERIOD
	                          " GROUP BY pe.gender, top, topname "
	                          "ORDER BY topname, top",
	    1 },
	[SQL_REPORT_CODES_EDUCATION] = { "SELECT code, label, active FROM code_education "
	                                 "ORDER BY sort_order, code",
	    1 },
	[SQL_REPORT_CODES_SUPPORT] = { "SELECT code, label, active FROM code_support_time "
	                               "ORDER BY sort_order, code",
	    1 },
	[SQL_REPORT_OUTCOME] = { "SELECT pe.gender, IFNULL(c.outcome, '') AS o, COUNT(*) " FROM_P
	                         "LEFT JOIN code_end_reason c ON c.code = p.end_reason_code "
	                         "WHERE " ENDED_IN_PERIOD
	                         " GROUP BY pe.gender, o",
	    1 },
	[SQL_REPORT_DURATION] = { "SELECT DISTINCT pe.gender, "
	                          "COUNT(*) OVER (PARTITION BY pe.gender), "
	                          "SUM(DATEDIFF(p.end_date, p.start_date)) OVER (PARTITION BY pe.gender), "
	                          "MEDIAN(DATEDIFF(p.end_date, p.start_date)) OVER (PARTITION BY pe.gender), "
	                          "MEDIAN(DATEDIFF(p.end_date, p.start_date)) OVER () " FROM_P
	                          "WHERE " ENDED_IN_PERIOD,
	    1 },
	[SQL_REPORT_MONTHS] = { /* Participations first, then their months: one
	                         * scan instead of one per month. */
	    "WITH RECURSIVE m (ms) AS (SELECT CAST(? AS DATE) "
	    "UNION ALL SELECT ms + INTERVAL 1 MONTH FROM m "
	    "WHERE ms + INTERVAL 1 MONTH <= ?) "
	    "SELECT STRAIGHT_JOIN DATE_FORMAT(m.ms, '%Y-%m'), pe.gender, COUNT(*), "
	    "SUM(DATEDIFF(LEAST(IFNULL(p.end_date, ?), LAST_DAY(m.ms), ?), "
	    "GREATEST(p.start_date, m.ms, ?)) + 1) "
	    "FROM participation p JOIN person pe ON pe.id = p.person_id "
	    "JOIN m ON p.start_date <= LEAST(LAST_DAY(m.ms), ?) AND "
	    "(p.end_date IS NULL OR p.end_date >= GREATEST(m.ms, ?)) "
	    "WHERE p.status <> 'felregistrerad' AND p.start_date <= ? "
	    "AND (p.end_date IS NULL OR p.end_date >= ?) "
	    "AND (? = 0 OR p.insats_id = ?) "
	    "GROUP BY m.ms, pe.gender ORDER BY m.ms",
	    1 },
	[SQL_REPORT_BUDGET] = { "WITH RECURSIVE m (ms) AS (SELECT CAST(? AS DATE) "
	                        "UNION ALL SELECT ms + INTERVAL 1 MONTH FROM m "
	                        "WHERE ms + INTERVAL 1 MONTH <= ?) "
	                        "SELECT DATE_FORMAT(m.ms, '%Y-%m'), "
	                        "SUM(COALESCE(b.places, i.places)) "
	                        "FROM m JOIN insats i ON i.direction = 'individ' "
	                        "AND i.period_start <= LAST_DAY(m.ms) "
	                        "AND (i.period_end IS NULL OR i.period_end >= m.ms) "
	                        "LEFT JOIN insats_budget_year b ON b.insats_id = i.id "
	                        "AND b.year = YEAR(m.ms) "
	                        "WHERE (? = 0 OR i.id = ?) GROUP BY m.ms ORDER BY m.ms",
	    1 },
	[SQL_REPORT_GOALS_INSATS] = { "SELECT kind, label, target_numerator, "
	                              "target_denominator FROM insats_goal "
	                              "WHERE insats_id = ? ORDER BY sort_order, id",
	    1 },
	[SQL_REPORT_GOALS_FORBUND] = { "SELECT g.kind, g.label, g.target_numerator, "
	                               "g.target_denominator FROM forbund_goal g "
	                               "JOIN organisation o ON o.forbund_id = g.forbund_id "
	                               "JOIN staff s ON s.organisation_id = o.id "
	                               "WHERE s.id = ? ORDER BY g.sort_order, g.id",
	    1 },
};
