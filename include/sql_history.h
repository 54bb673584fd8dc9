/* sql_history.h: the statements of app/history.c. */
#ifndef SQL_HISTORY_H
#define SQL_HISTORY_H

#include "db.h"

enum sql_history {
	/* (staff id, record type, record id, field, old, new) */
	SQL_HISTORY_INSERT,
	/* (record type, record id) -> struct history_row (history.h) */
	SQL_HISTORY_LIST,
	SQL_HISTORY__MAX
};

extern const struct db_query sql_history[SQL_HISTORY__MAX];

#endif /* !SQL_HISTORY_H */
