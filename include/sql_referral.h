/*
 * sql_referral.h: the statements of app/page_referral.c.
 * Parameters in brackets, result columns after the arrow.
 */
#ifndef SQL_REFERRAL_H
#define SQL_REFERRAL_H

#include "db.h"

enum sql_referral {
	/* -> id, name: the active insatser a remittent may refer to */
	SQL_REFERRAL_INSATS_CHOICES,
	SQL_REFERRAL__MAX
};

extern const struct db_query sql_referral[SQL_REFERRAL__MAX];

#endif /* !SQL_REFERRAL_H */
