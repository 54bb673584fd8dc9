/*
 * sql_overdue.h: the statements of the overdue lists (app/overdue.c); the
 * rule's SQL conditions are in include/overdue.h.
 */
#ifndef SQL_OVERDUE_H
#define SQL_OVERDUE_H

#include "db.h"

enum sql_overdue {
	/* (staff id, today) x OVERDUE__MAX, one pair per kind in enum
	 * order -> struct overdue_row: per kind the OVERDUE_SHORT_ROWS
	 * participations of the staff member's insatser late the longest,
	 * each with the kind's total */
	SQL_OVERDUE_SHORT,
	SQL_OVERDUE__MAX
};

extern const struct db_query sql_overdue[SQL_OVERDUE__MAX];

#endif /* !SQL_OVERDUE_H */
