/* sql_summary.c: statements of the summary to the remittent; see
 * include/sql_summary.h. */
#include "sql_summary.h"
#include "summary.h"

static const struct db_field record_fields[] = {
	DB_FIELD(summary_record, id, "id", DB_F_INT),
	DB_FIELD(summary_record, version_no, "version_no", DB_F_INT),
	DB_FIELD(summary_record, version, "version", DB_F_INT),
	DB_FIELD(summary_record, state, "state", DB_F_STR),
	DB_FIELD(summary_record, parts[SP_DONE], "done_text", DB_F_STR),
	DB_FIELD(summary_record, parts[SP_RESULT], "result_text", DB_F_STR),
	DB_FIELD(summary_record, parts[SP_OWN_VIEW], "own_view", DB_F_STR),
	DB_FIELD(summary_record, parts[SP_NEXT_STEP], "next_step", DB_F_STR),
	DB_FIELD(summary_record, parts[SP_NEXT_WHO], "next_who", DB_F_STR),
	DB_FIELD(summary_record, parts[SP_NEXT_BY], "next_by", DB_F_STR),
	DB_FIELD(summary_record, parts[SP_FREE], "free_text", DB_F_STR),
	DB_FIELD(summary_record, written_by, "written_by", DB_F_STR),
	DB_FIELD(summary_record, sent_by, "sent_by", DB_F_STR),
	DB_FIELD(summary_record, sent_at, "sent_at", DB_F_UTC_TIME),
	DB_FIELD(summary_record, superseded, "superseded", DB_F_BOOL),
};
const struct db_record summary_record_record =
    DB_RECORD(summary_record, record_fields);

static const struct db_field num_fields[] = {
	DB_FIELD(summary_num, n, "n", DB_F_INT),
	DB_FIELD(summary_num, flag, "flag", DB_F_BOOL),
};
const struct db_record summary_num_record = DB_RECORD(summary_num, num_fields);

static const struct db_field of_ref_fields[] = {
	DB_FIELD(
	    summary_of_ref, participation_id, "participation_id", DB_F_INT),
	DB_FIELD(summary_of_ref, sent, "sent", DB_F_BOOL),
	DB_FIELD(summary_of_ref, forbund, "forbund", DB_F_STR),
};
const struct db_record summary_of_ref_record =
    DB_RECORD(summary_of_ref, of_ref_fields);

/* One version with its writers' names (SQL_SUM_LIST and its kin). */
#define SUM_COLS                                                               \
	"SELECT s.id AS id, s.version_no AS version_no, "                      \
	"s.version AS version, s.state AS state, "                             \
	"s.done_text AS done_text, s.result_text AS result_text, "             \
	"s.own_view AS own_view, s.next_step AS next_step, "                   \
	"s.next_who AS next_who, "                                             \
	"IFNULL(DATE_FORMAT(s.next_by, '%Y-%m-%d'), '') AS next_by, "          \
	"s.free_text AS free_text, "                                           \
	"IFNULL(w.display_name, '') AS written_by, "                           \
	"IFNULL(sb.display_name, '') AS sent_by, "                             \
	"IFNULL(DATE_FORMAT(s.sent_at, '%Y-%m-%d %H:%i'), '') AS sent_at, "    \
	"(s.state = 'skickad' AND EXISTS (SELECT 1 "                           \
	"FROM participation_summary l "                                        \
	"WHERE l.participation_id = s.participation_id "                       \
	"AND l.state = 'skickad' AND l.version_no > s.version_no)) "           \
	"AS superseded "                                                       \
	"FROM participation_summary s "                                        \
	"LEFT JOIN staff w ON w.id = s.written_by "                            \
	"LEFT JOIN staff sb ON sb.id = s.sent_by "

#define SUM_PARTS                                                              \
	"done_text = ?, result_text = ?, own_view = ?, next_step = ?, "        \
	"next_who = ?, next_by = ?, free_text = ?"

const struct db_query sql_summary[SQL_SUM__MAX] = {
	[SQL_SUM_LIST] = { SUM_COLS "WHERE s.participation_id = ? "
	                            "ORDER BY s.version_no DESC LIMIT 100",
	    1, .ncols = 15, .nparams = 1, .rec = &summary_record_record },
	[SQL_SUM_LIST_SENT] = { SUM_COLS "WHERE s.participation_id = ? "
	                                 "AND s.state = 'skickad' "
	                                 "ORDER BY s.version_no DESC LIMIT 100",
	    1, .ncols = 15, .nparams = 1, .rec = &summary_record_record },
	[SQL_SUM_LATEST_LOCK] = { SUM_COLS "WHERE s.participation_id = ? "
	                                   "ORDER BY s.version_no DESC LIMIT 1 "
	                                   "FOR UPDATE",
	    0, .ncols = 15, .nparams = 1, .rec = &summary_record_record },
	[SQL_SUM_BY_KEY] = { "SELECT COUNT(*) AS n, 0 AS flag "
	                     "FROM participation_summary "
	                     "WHERE participation_id = ? AND request_key = ?",
	    0, .ncols = 2, .nparams = 2, .rec = &summary_num_record },
	[SQL_SUM_INSERT] = { "INSERT INTO participation_summary "
	                     "(participation_id, version_no, state, done_text, "
	                     "result_text, own_view, next_step, next_who, next_by, "
	                     "free_text, written_by, sent_by, sent_at, request_key) "
	                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	                     "IF(? = 'skickad', UTC_TIMESTAMP(), NULL), ?)",
	    0, .ncols = 0, .nparams = 14 },
	[SQL_SUM_UPDATE] = { "UPDATE participation_summary SET " SUM_PARTS
	                     ", written_by = ?, version = version + 1 "
	                     "WHERE id = ? AND version = ? AND state = 'utkast'",
	    0, .ncols = 0, .nparams = 10 },
	[SQL_SUM_SEND] = { "UPDATE participation_summary SET state = 'skickad', "
	                   "sent_by = ?, sent_at = UTC_TIMESTAMP(), "
	                   "version = version + 1 "
	                   "WHERE id = ? AND state = 'utkast'",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_SUM_FIRST_SENT] = { "UPDATE participation SET summary_sent_at = "
	                         "UTC_TIMESTAMP(), version = version + 1 "
	                         "WHERE id = ? AND summary_sent_at IS NULL "
	                         "AND status = 'avslutad'",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_SUM_OF_REFERRAL] = { "SELECT IFNULL(p.id, 0) AS participation_id, "
	                          "EXISTS (SELECT 1 FROM participation_summary s "
	                          "WHERE s.participation_id = p.id "
	                          "AND s.state = 'skickad') AS sent, "
	                          "f.name AS forbund "
	                          "FROM referral r JOIN insats i ON i.id = r.insats_id "
	                          "JOIN forbund f ON f.id = i.forbund_id "
	                          "LEFT JOIN participation p ON p.referral_id = r.id "
	                          "WHERE r.id = ? ORDER BY p.id DESC LIMIT 1",
	    1, .ncols = 3, .nparams = 1, .rec = &summary_of_ref_record },
};
