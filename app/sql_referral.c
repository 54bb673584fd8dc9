/* sql_referral.c: statements of the referral pages; see include/sql_referral.h. */
#include "sql_referral.h"

const struct db_query sql_referral[SQL_REFERRAL__MAX] = {
	[SQL_REFERRAL_INSATS_CHOICES] = { "SELECT id, name FROM insats WHERE active = 1 ORDER BY name",
	    1 },
};
