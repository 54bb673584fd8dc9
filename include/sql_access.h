/*
 * sql_access.h: the statements of app/access.c. Each returns one row with
 * the ways the caller reaches the record, or no row when it cannot.
 */
#ifndef SQL_ACCESS_H
#define SQL_ACCESS_H

#include "db.h"

enum sql_access {
	/* (referral id, staff id x4, is remittent, is insatspersonal)
	 * -> own, coremittent, unit, insats (0/1 each) */
	SQL_ACCESS_REFERRAL,
	/* (participation id) -> referral id */
	SQL_ACCESS_PARTICIPATION_REFERRAL,
	/* (insats id) -> 1 when it exists and is active */
	SQL_ACCESS_INSATS_ACTIVE,
	SQL_ACCESS__MAX
};

extern const struct db_query sql_access[SQL_ACCESS__MAX];

#endif /* !SQL_ACCESS_H */
