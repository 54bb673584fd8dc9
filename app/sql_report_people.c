/* sql_report_people.c: statements of the activity report's people tables;
 * see include/sql_report_people.h. */
#include "sql_report_people.h"

/* Participations overlapping the period, in scope: (end, start, ins, ins);
 * as sql_report.c's. */
#define RP_IN_PERIOD                                                           \
	"p.status <> 'felregistrerad' AND p.start_date <= ? AND "              \
	"(p.end_date IS NULL OR p.end_date >= ?) AND "                         \
	"(? = 0 OR p.insats_id = ?)"

/* Ended in the period: (start, end, ins, ins). */
#define RP_ENDED                                                               \
	"p.status = 'avslutad' AND p.end_date BETWEEN ? AND ? AND "            \
	"(? = 0 OR p.insats_id = ?)"

/* The person items from one source each (README, "Who sees what of a
 * person"): the date of birth from the personnummer (person pn, RP_BIRTH),
 * the gender from the insats's record (participation_person pe). The
 * referral's id is p.referral_id; referral r (RP_R) only where a column
 * of it is read. person_id and referral_id are NOT NULL foreign keys, so
 * leaving a join out counts the same rows (one pass less per row). */
#define RP_FROM                                                                \
	"FROM participation p "                                                \
	"JOIN participation_person pe ON pe.participation_id = p.id "
#define RP_R "JOIN referral r ON r.id = p.referral_id "

static const struct db_field code_fields[] = {
	DB_FIELD(rp_code_row, code, "code", DB_F_STR),
	DB_FIELD(rp_code_row, label, "label", DB_F_STR),
	DB_FIELD(rp_code_row, active, "active", DB_F_BOOL),
};
const struct db_record rp_code_record = DB_RECORD(rp_code_row, code_fields);

static const struct db_field group_time_fields[] = {
	DB_FIELD(rp_group_time_row, gender, "gender", DB_F_STR),
	DB_FIELD(rp_group_time_row, insats_id, "insats_id", DB_F_INT),
	DB_FIELD(rp_group_time_row, insats, "insats", DB_F_STR),
	DB_FIELD(rp_group_time_row, target_group, "target_group", DB_F_STR),
	DB_FIELD(rp_group_time_row, n, "n", DB_F_INT),
	DB_FIELD(rp_group_time_row, sum_days, "sum_days", DB_F_INT),
	DB_FIELD(rp_group_time_row, within6, "within6", DB_F_INT),
	DB_FIELD(rp_group_time_row, within12, "within12", DB_F_INT),
};
const struct db_record rp_group_time_record =
    DB_RECORD(rp_group_time_row, group_time_fields);

/* clang-format off */
const struct db_query sql_report_people[SQL_RP__MAX] = {
	[SQL_RP_INCOME_CODES] = {
	    "SELECT code, label, active FROM code_income "
	    "ORDER BY sort_order, code",
	    1, .ncols = 3, .nparams = 0, .rec = &rp_code_record },
	[SQL_RP_GROUP_TIME] = {
	    "SELECT pe.gender, i.id AS insats_id, i.short_name AS insats, "
	    "p.target_group, COUNT(*) AS n, "
	    "SUM(DATEDIFF(p.end_date, p.start_date)) AS sum_days, "
	    "SUM(p.end_date <= p.start_date + INTERVAL 6 MONTH) AS within6, "
	    "SUM(p.end_date <= p.start_date + INTERVAL 12 MONTH) AS within12 "
	    RP_FROM "JOIN insats i ON i.id = p.insats_id "
	    "AND i.forbund_id = :forbund "
	    "WHERE " RP_ENDED " GROUP BY pe.gender, i.id, i.short_name, "
	    "p.target_group ORDER BY i.short_name, i.id, p.target_group = '', "
	    "p.target_group",
	    1, .ncols = 8, .nparams = 4, .rec = &rp_group_time_record },
};
/* clang-format on */
