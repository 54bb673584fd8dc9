/* sql_history.c: statements of the change history; see include/sql_history.h. */
#include "history.h"
#include "sql_history.h"

const struct db_query sql_history[SQL_HISTORY__MAX] = {
	[SQL_HISTORY_INSERT] = { "INSERT INTO change_history (at, staff_id, record_type, record_id, "
	                         "field, old_value, new_value) "
	                         "VALUES (UTC_TIMESTAMP(3), ?, ?, ?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 6 },
	[SQL_HISTORY_LIST] = { "SELECT DATE_FORMAT(h.at, '%Y-%m-%d %H:%i:%s') AS at, "
	                       "s.display_name AS who, h.field, " HISTORY_SQL_VALUE("h.old_value") " AS old_value, " HISTORY_SQL_VALUE(
	                           "h.new_value") " AS new_value "
	                                          "FROM change_history h JOIN staff s ON s.id = h.staff_id "
	                                          "WHERE h.record_type = ? AND h.record_id = ? "
	                                          "ORDER BY h.at DESC, h.id DESC LIMIT 500",
	    1, .ncols = 5, .nparams = 2, .rec = &history_row_record },
};
