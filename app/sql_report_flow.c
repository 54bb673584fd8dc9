/* sql_report_flow.c: statements of the step-by-step path; see
 * include/sql_report_flow.h. */
#include "sql_report_flow.h"

/* The path of participation p (insats pi) as a join, not a subquery per
 * participation (most people have one participation: the join finds
 * nothing for them at the cost of one index look-up): every other
 * participation q of the same person in another of the förbund's
 * individual insatser, ranked with ROW_NUMBER() in the order of the
 * choice; the first (k = 1) is the one. q.id is unique, so the order is
 * total and the first the same as ORDER BY ... LIMIT 1 would pick. */
#define PATH_JOIN(cond)                                                        \
	"JOIN participation q ON q.person_id = p.person_id "                   \
	"AND q.insats_id <> p.insats_id AND " cond " "                         \
	"JOIN insats qi ON qi.id = q.insats_id "                               \
	"AND qi.forbund_id = pi.forbund_id AND qi.direction = 'individ' "

/* The predecessor: the latest ended before p started. */
#define PREDECESSOR_RANK                                                       \
	"ROW_NUMBER() OVER (PARTITION BY p.id ORDER BY " FLOW_PRED_ORDER ")"
#define PREDECESSOR_JOIN PATH_JOIN(FLOW_PRED_COND)

/* The successor: the first begun on or after p's end. */
#define SUCCESSOR_RANK                                                         \
	"ROW_NUMBER() OVER (PARTITION BY p.id ORDER BY " FLOW_SUCC_ORDER ")"
#define SUCCESSOR_JOIN PATH_JOIN(FLOW_SUCC_COND)

static const struct db_field insats_fields[] = {
	DB_FIELD(report_flow_insats_row, id, "id", DB_F_INT),
	DB_FIELD(report_flow_insats_row, name, "name", DB_F_STR),
	DB_FIELD(report_flow_insats_row, forbund_id, "forbund_id", DB_F_INT),
	DB_FIELD(report_flow_insats_row, start, "period_start", DB_F_STR),
	DB_FIELD(report_flow_insats_row, end, "period_end", DB_F_STR),
};
const struct db_record report_flow_insats_record =
    DB_RECORD(report_flow_insats_row, insats_fields);

static const struct db_field from_fields[] = {
	DB_FIELD(report_flow_row, from_id, "from_id", DB_F_INT),
	DB_FIELD(report_flow_row, to_id, "to_id", DB_F_INT),
	DB_FIELD(report_flow_row, gender, "gender", DB_F_STR),
	DB_FIELD(report_flow_row, n, "n", DB_F_INT),
};
const struct db_record report_flow_from_record =
    DB_RECORD(report_flow_row, from_fields);

static const struct db_field to_fields[] = {
	DB_FIELD(report_flow_row, from_id, "from_id", DB_F_INT),
	DB_FIELD(report_flow_row, to_id, "to_id", DB_F_INT),
	DB_FIELD(report_flow_row, gender, "gender", DB_F_STR),
	DB_FIELD(report_flow_row, n, "n", DB_F_INT),
};
const struct db_record report_flow_to_record =
    DB_RECORD(report_flow_row, to_fields);

static const struct db_field base_fields[] = {
	DB_FIELD(report_flow_base_row, insats_id, "insats_id", DB_F_INT),
	DB_FIELD(report_flow_base_row, gender, "gender", DB_F_STR),
	DB_FIELD(report_flow_base_row, n, "n", DB_F_INT),
	DB_FIELD(report_flow_base_row, n_ended, "n_ended", DB_F_INT),
};
const struct db_record report_flow_base_record =
    DB_RECORD(report_flow_base_row, base_fields);

const struct db_query sql_report_flow[SQL_FLOW__MAX] = {
	[SQL_FLOW_INSATSER] = { "SELECT i.id, i.name, i.forbund_id, "
	                        "CAST(i.period_start AS CHAR) AS period_start, "
	                        "IFNULL(CAST(i.period_end AS CHAR), '') "
	                        "AS period_end FROM insats i "
	                        "WHERE i.direction = 'individ' "
	                        "AND i.forbund_id = :forbund "
	                        "ORDER BY i.name, i.id",
	    1, .ncols = 5, .nparams = 0, .rec = &report_flow_insats_record },
	[SQL_FLOW_FROM] = { "SELECT x.from_id, x.to_id, pe.gender, "
	                    "COUNT(*) AS n FROM (SELECT p.id AS pid, "
	                    "p.insats_id AS to_id, q.insats_id AS from_id, " PREDECESSOR_RANK
	                    " AS k "
	                    "FROM participation p "
	                    "JOIN insats pi ON pi.id = p.insats_id "
	                    "AND pi.forbund_id = :forbund " PREDECESSOR_JOIN
	                    "WHERE p.status <> 'felregistrerad' "
	                    "AND p.start_date <= ? AND (p.end_date IS NULL "
	                    "OR p.end_date >= ?) AND (? = 0 OR p.insats_id = ?)"
	                    ") x JOIN participation_person pe "
	                    "ON pe.participation_id = x.pid "
	                    "WHERE x.k = 1 "
	                    "GROUP BY x.from_id, x.to_id, pe.gender",
	    1, .ncols = 4, .nparams = 4, .rec = &report_flow_from_record },
	[SQL_FLOW_TO] = { "SELECT x.from_id, x.to_id, pe.gender, "
	                  "COUNT(*) AS n FROM (SELECT p.id AS pid, "
	                  "p.insats_id AS from_id, q.insats_id AS to_id, " SUCCESSOR_RANK
	                  " AS k "
	                  "FROM participation p "
	                  "JOIN insats pi ON pi.id = p.insats_id "
	                  "AND pi.forbund_id = :forbund " SUCCESSOR_JOIN
	                  "WHERE p.status = 'avslutad' "
	                  "AND p.end_date BETWEEN ? AND ? "
	                  "AND (? = 0 OR p.insats_id = ?)) x "
	                  "JOIN participation_person pe "
	                  "ON pe.participation_id = x.pid "
	                  "WHERE x.k = 1 "
	                  "GROUP BY x.from_id, x.to_id, pe.gender",
	    1, .ncols = 4, .nparams = 4, .rec = &report_flow_to_record },
	[SQL_FLOW_BASE] = { "SELECT p.insats_id, pe.gender, COUNT(*) AS n, "
	                    "SUM(p.status = 'avslutad' AND p.end_date <= ?) "
	                    "AS n_ended FROM participation p "
	                    "JOIN insats pi ON pi.id = p.insats_id "
	                    "AND pi.forbund_id = :forbund "
	                    "JOIN participation_person pe "
	                    "ON pe.participation_id = p.id "
	                    "WHERE p.status <> 'felregistrerad' "
	                    "AND p.start_date <= ? AND (p.end_date IS NULL "
	                    "OR p.end_date >= ?) "
	                    "GROUP BY p.insats_id, pe.gender",
	    1, .ncols = 4, .nparams = 3, .rec = &report_flow_base_record },
};
