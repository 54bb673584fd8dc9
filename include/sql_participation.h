/*
 * sql_participation.h: the statements of app/page_participation.c.
 * Parameters in brackets, result columns after the arrow.
 */
#ifndef SQL_PARTICIPATION_H
#define SQL_PARTICIPATION_H

#include "db.h"

enum sql_participation {
	/* (staff id) -> insats id, name, places, participants now
	 * (status inskriven): the insatser the staff member works in */
	SQL_PARTICIPATION_MY_INSATSER,
	SQL_PARTICIPATION__MAX
};

extern const struct db_query sql_participation[SQL_PARTICIPATION__MAX];

#endif /* !SQL_PARTICIPATION_H */
