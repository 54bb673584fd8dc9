/*
 * sql_referral_follow.h: the statements of the remittent's follow-up of a
 * participation (app/referral_follow.c). Parameters in brackets, result
 * columns after the arrow; dates "ÅÅÅÅ-MM-DD", times "ÅÅÅÅ-MM-DD HH:MM"
 * (UTC), "" for NULL.
 */
#ifndef SQL_REFERRAL_FOLLOW_H
#define SQL_REFERRAL_FOLLOW_H

#include "db.h"

enum sql_referral_follow {
	/* (today, today, referral id) -> struct referral_follow: the
	 * referral's participation, if any, with its contact person and end
	 * reason, and the latest waiver's scope (ACCESS_SQL_WAIVER_SCOPE) */
	SQL_RF_HEAD,
	/* (participation id x3) -> struct referral_follow_item: the plan's
	 * activities, the mid-term follow-ups and the extensions, in one
	 * list, kind by kind in their order */
	SQL_RF_ITEMS,
	SQL_RF__MAX
};

extern const struct db_query sql_referral_follow[SQL_RF__MAX];

#endif /* !SQL_REFERRAL_FOLLOW_H */
