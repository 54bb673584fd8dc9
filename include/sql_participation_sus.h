/*
 * sql_participation_sus.h: the writes of the SUS registration data on the
 * participation page (participation_save_sus() in participation_edit.c);
 * what it reads is in SQL_PARTICIPATION_GET, _INCOMES and _CODES (the
 * kommun list among the codes). Parameters in brackets. Every one is
 * scoped to the request's förbund (":forbund", include/db_scope.h) through
 * the insats of the row it writes: another förbund's row is not changed
 * (an UPDATE's affected rows are then 0, an INSERT inserts nothing).
 */
#ifndef SQL_PARTICIPATION_SUS_H
#define SQL_PARTICIPATION_SUS_H

#include "db.h"

enum sql_participation_sus {
	/* (education code or NULL, support time code or NULL, referral id,
	 * version) */
	SQL_PSUS_SET_REFERRAL,
	/* (home municipality, participation id, version): the insats's
	 * record of the person */
	SQL_PSUS_SET_PERSON,
	/* (occupation before code or NULL, its extent or NULL, the extent
	 * after or NULL, id, version): not while felregistrerad */
	SQL_PSUS_SET_OCCUPATION,
	SQL_PSUS_INCOME_DELETE, /* (referral id) */
	SQL_PSUS_INCOME_INSERT, /* (referral id, code, extent or NULL) */
	/* (extent or NULL, participation id, code) */
	SQL_PSUS_INCOME_AFTER_EXTENT,
	SQL_PSUS__MAX
};

extern const struct db_query sql_participation_sus[SQL_PSUS__MAX];

#endif /* !SQL_PARTICIPATION_SUS_H */
