/*
 * sql_midterm.h: the statements of the mid-term follow-ups (avstämningar,
 * sql/0039) for app/midterm.c. Parameters in brackets.
 */
#ifndef SQL_MIDTERM_H
#define SQL_MIDTERM_H

#include "db.h"

enum sql_midterm {
	SQL_MT_GET,    /* (participation id, id) */
	SQL_MT_LOCK,   /* (participation id, id): FOR UPDATE */
	SQL_MT_BY_KEY, /* (participation id, request key) */
	/* (participation id, held date, attendees, note, staff, key) */
	SQL_MT_INSERT,
	/* (held date, attendees, note, staff, id, version) */
	SQL_MT_UPDATE,
	SQL_MT__MAX
};

extern const struct db_query sql_midterm[SQL_MT__MAX];

#endif /* !SQL_MIDTERM_H */
