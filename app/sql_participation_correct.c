/* sql_participation_correct.c: the corrections' statements; see
 * include/sql_participation_correct.h. */
#include "participation_correct.h"
#include "sql_participation_correct.h"

const struct db_query sql_participation_correct[SQL_PC__MAX] = {
	[SQL_PC_SET_ADMISSION] = { "UPDATE participation SET start_date = ?, "
	                           "contact_id = ?, hours_per_week = ?, "
	                           "version = version + 1 "
	                           "WHERE id = ? AND version = ? "
	                           "AND status IN ('inskriven', 'avslutad')",
	    0, .ncols = 0, .nparams = 5 },
	[SQL_PC_REOPEN] = { "UPDATE participation SET status = 'inskriven', "
	                    "end_date = NULL, end_reason_code = NULL, "
	                    "occupation_after_code = NULL, "
	                    "occupation_after_percent = NULL, "
	                    "summary_due_date = NULL, summary_sent_at = NULL, "
	                    "version = version + 1 "
	                    "WHERE id = ? AND version = ? "
	                    "AND status = 'avslutad'",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_PC_INCOME_AFTER_DELETE] = { "DELETE FROM participation_income_after "
	                                 "WHERE participation_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_PC_MARK_ERROR] = { "UPDATE participation SET "
	                        "status = 'felregistrerad', end_date = ?, "
	                        "end_reason_code = 'felregistrering', "
	                        "summary_due_date = NULL, "
	                        "version = version + 1 "
	                        "WHERE id = ? AND version = ? "
	                        "AND status = 'inskriven'",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_PC_FACTS] = { "SELECT (SELECT MIN(held_date) "
	                   "FROM participation_midterm "
	                   "WHERE participation_id = ?) AS first_midterm, "
	                   "(SELECT MIN(at) FROM participation_extension "
	                   "WHERE participation_id = ?) AS first_extension, "
	                   "(SELECT COALESCE(SUM(hours_per_week), 0) "
	                   "FROM participation_activity "
	                   "WHERE participation_id = ?) AS plan_hours",
	    0, .ncols = 3, .nparams = 3, .rec = &pcorrect_facts_record },
};
