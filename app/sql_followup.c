/* sql_followup.c: statements of the six-month follow-up; see
 * include/sql_followup.h. */
#include "followup.h"
#include "sql_followup.h"

/* The due date as the rule counts it (followup.h: end + 6 months, clamped
 * to the month's end, as DATE_ADD does). */
#define FU_DUE_DATE                                                            \
	"DATE_ADD(p.end_date, INTERVAL " FOLLOWUP_MONTHS_SQL " MONTH)"

static const struct db_field record_fields[] = {
	DB_FIELD(followup_record, version, "version", DB_F_INT),
	DB_FIELD(followup_record, situation, "situation", DB_F_STR),
	DB_FIELD(followup_record, date, "date", DB_F_STR),
	DB_FIELD(followup_record, recorded_by, "recorded_by", DB_F_STR),
	DB_FIELD(followup_record, outcome, "outcome", DB_F_STR),
	DB_FIELD(followup_record, tablet, "tablet", DB_F_BOOL),
};
const struct db_record followup_record_record =
    DB_RECORD(followup_record, record_fields);

static const struct db_field lock_fields[] = {
	DB_FIELD(followup_lock, status, "status", DB_F_STR),
	DB_FIELD(followup_lock, end_date, "end_date", DB_F_STR),
	DB_FIELD(followup_lock, personnummer, "personnummer", DB_F_STR),
	DB_FIELD(followup_lock, situation, "situation", DB_F_STR),
	DB_FIELD(followup_lock, version, "version", DB_F_INT),
	DB_FIELD(followup_lock, gallrad, "gallrad", DB_F_BOOL),
};
const struct db_record followup_lock_record =
    DB_RECORD(followup_lock, lock_fields);

static const struct db_field due_fields[] = {
	DB_FIELD(followup_due_row, id, "id", DB_F_INT),
	DB_FIELD(followup_due_row, first_name, "first_name", DB_F_STR),
	DB_FIELD(followup_due_row, last_name, "last_name", DB_F_STR),
	DB_FIELD(followup_due_row, insats, "insats", DB_F_STR),
	DB_FIELD(followup_due_row, end_date, "end_date", DB_F_STR),
	DB_FIELD(followup_due_row, due_date, "due_date", DB_F_STR),
};
const struct db_record followup_due_row_record =
    DB_RECORD(followup_due_row, due_fields);

static const struct db_field source_fields[] = {
	DB_FIELD(followup_tablet_source, staff_id, "staff_id", DB_F_INT),
	DB_FIELD(followup_tablet_source, username, "username", DB_F_STR),
	DB_FIELD(
	    followup_tablet_source, display_name, "display_name", DB_F_STR),
	DB_FIELD(followup_tablet_source, situation, "situation", DB_F_STR),
};
const struct db_record followup_tablet_source_record =
    DB_RECORD(followup_tablet_source, source_fields);

/* The participation and its follow-up (SQL_FU_LOCK, SQL_FU_STATE). */
#define FU_STATE                                                               \
	"SELECT p.status AS status, "                                          \
	"IFNULL(DATE_FORMAT(p.end_date, '%Y-%m-%d'), '') AS end_date, "        \
	"pn.personnummer AS personnummer, "                                    \
	"IFNULL(f.situation, '') AS situation, "                               \
	"IFNULL(f.version, 0) AS version, "                                    \
	"p.gallrad_at IS NOT NULL AS gallrad "                                 \
	"FROM participation p "                                                \
	"JOIN person pn ON pn.id = p.person_id "                               \
	"LEFT JOIN participation_followup f ON f.participation_id = p.id "     \
	"WHERE p.id = ?"

const struct db_query sql_followup[SQL_FU__MAX] = {
	[SQL_FU_GET] = { "SELECT IFNULL(f.version, 0) AS version, "
	                 "IFNULL(f.situation, '') AS situation, "
	                 "IFNULL(DATE_FORMAT(f.followup_date, '%Y-%m-%d'), '') AS date, "
	                 "IFNULL(s.display_name, '') AS recorded_by, "
	                 "IFNULL(c.outcome, '') AS outcome, "
	                 "IFNULL(f.answered_on_tablet, 0) AS tablet "
	                 "FROM participation p "
	                 "LEFT JOIN code_end_reason c ON c.code = p.end_reason_code "
	                 "LEFT JOIN participation_followup f ON f.participation_id = p.id "
	                 "LEFT JOIN staff s ON s.id = f.recorded_by "
	                 "WHERE p.id = ?",
	    1, .ncols = 6, .nparams = 1, .rec = &followup_record_record },
	[SQL_FU_LOCK] = { FU_STATE " FOR UPDATE", 0, .ncols = 6, .nparams = 1,
	    .rec = &followup_lock_record },
	[SQL_FU_INSERT] = { "INSERT INTO participation_followup "
	                    "(participation_id, situation, followup_date, recorded_by) "
	                    "VALUES (?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 4 },
	[SQL_FU_UPDATE] = { "UPDATE participation_followup SET situation = ?, "
	                    "followup_date = ?, recorded_by = ?, answered_on_tablet = 0, "
	                    "version = version + 1 "
	                    "WHERE participation_id = ? AND version = ?",
	    0, .ncols = 0, .nparams = 5 },
	[SQL_FU_DUE] = { "SELECT p.id AS id, pe.first_name AS first_name, "
	                 "pe.last_name AS last_name, i.name AS insats, "
	                 "DATE_FORMAT(p.end_date, '%Y-%m-%d') AS end_date, "
	                 "DATE_FORMAT(" FU_DUE_DATE ", '%Y-%m-%d') AS due_date "
	                 "FROM participation p "
	                 "JOIN participation_person pe ON pe.participation_id = p.id "
	                 "JOIN insats i ON i.id = p.insats_id "
	                 "LEFT JOIN participation_followup f ON f.participation_id = p.id "
	                 "WHERE p.insats_id IN (SELECT si.insats_id FROM staff_insats si "
	                 "WHERE si.staff_id = ?) AND p.status = 'avslutad' "
	                 "AND p.gallrad_at IS NULL "
	                 "AND f.participation_id IS NULL "
	                 "AND " FU_DUE_DATE " BETWEEN ? AND ? "
	                 "ORDER BY p.end_date, p.id LIMIT 200",
	    1, .ncols = 6, .nparams = 3, .rec = &followup_due_row_record },
	[SQL_FU_STATE] = { FU_STATE, 1, .ncols = 6, .nparams = 1,
	    .rec = &followup_lock_record },
	[SQL_FU_TABLET_SOURCE] = { "SELECT IFNULL(c.created_by, 0) AS staff_id, "
	                           "IFNULL(s.username, '') AS username, "
	                           "IFNULL(s.display_name, '') AS display_name, "
	                           "IFNULL((SELECT a.value_text FROM questionnaire_answer a "
	                           "JOIN questionnaire_item i ON i.id = a.item_id "
	                           "WHERE a.response_id = ? AND i.item_code = 'situation' "
	                           "AND a.special IS NULL ORDER BY a.seq LIMIT 1), '') AS situation "
	                           "FROM questionnaire_code c "
	                           "LEFT JOIN staff s ON s.id = c.created_by WHERE c.id = ?",
	    0, .ncols = 4, .nparams = 2,
	    .rec = &followup_tablet_source_record },
	[SQL_FU_INSERT_TABLET] = { "INSERT INTO participation_followup "
	                           "(participation_id, situation, followup_date, recorded_by, "
	                           "answered_on_tablet) VALUES (?, ?, ?, ?, 1)",
	    0, .ncols = 0, .nparams = 4 },
};
