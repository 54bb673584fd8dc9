/* sql_history.h: the statements of app/history.c. */
#ifndef SQL_HISTORY_H
#define SQL_HISTORY_H

#include "db.h"

/* The code list whose label names a stored code of field: one WHEN. */
#define HISTORY_SQL_CODE(field, table, col)                                    \
	"WHEN '" field "' THEN IFNULL((SELECT hc.label FROM " table " hc "     \
	"WHERE hc.code = " col "), " col ") "

/* The code list whose labels name a comma-separated list of codes. */
#define HISTORY_SQL_CODES(field, table, col)                                   \
	"WHEN '" field "' THEN IFNULL((SELECT GROUP_CONCAT(hc.label ORDER BY " \
	"hc.sort_order, hc.code SEPARATOR ', ') FROM " table " hc WHERE "      \
	"FIND_IN_SET(hc.code, " col ")), " col ") "

/*
 * A stored history value col of change_history h (the outer query's
 * alias) as the pages show it, where the database holds the words: a
 * code by its code list's label, a list of income codes by their labels,
 * an account id (the contact person) by the account's name; any other
 * value as stored. history_value_label() (history.h) names the rest
 * (statuses, yes/no, gender) from the domain's tables. For every
 * statement that lists history rows (SQL_HISTORY_LIST, the participation
 * page's items).
 */
#define HISTORY_SQL_VALUE(col)                                                 \
	"CASE h.field WHEN 'contact_id' THEN IFNULL((SELECT hs.display_name "  \
	"FROM staff hs WHERE hs.id = " col "), " col                           \
	") " HISTORY_SQL_CODE("education_code", "code_education",              \
	    col) HISTORY_SQL_CODE("support_time_code", "code_support_time",    \
	    col) HISTORY_SQL_CODE("advise_against_code",                       \
	    "code_advise_against",                                             \
	    col) HISTORY_SQL_CODE("occupation_before_code", "code_occupation", \
	    col) HISTORY_SQL_CODE("occupation_after_code", "code_occupation",  \
	    col) HISTORY_SQL_CODE("end_reason_code", "code_end_reason", col)   \
	    HISTORY_SQL_CODES("income", "code_income", col) HISTORY_SQL_CODES( \
	        "income_after", "code_income", col) "ELSE " col " END"

enum sql_history {
	/* (staff id, record type, record id, field, old, new) */
	SQL_HISTORY_INSERT,
	/* (record type, record id) -> struct history_row (history.h) */
	SQL_HISTORY_LIST,
	SQL_HISTORY__MAX
};

extern const struct db_query sql_history[SQL_HISTORY__MAX];

#endif /* !SQL_HISTORY_H */
