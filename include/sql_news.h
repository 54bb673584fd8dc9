/*
 * sql_news.h: the statements of the news since the last visit
 * (app/news.c).
 */
#ifndef SQL_NEWS_H
#define SQL_NEWS_H

#include "db.h"

enum sql_news {
	/* (staff id) -> struct news_since: the login before the current
	 * one, "" when none */
	SQL_NEWS_SINCE,
	/* (staff id x3, organisation id x3, today (Swedish) x2, staff id
	 * x3, the details masks of the ways own, medremittent and unit,
	 * since (UTC), today, the day of since (Swedish), since, since,
	 * since) -> struct news_row: what happened on the referrals the
	 * caller reaches and may see the details of, with the ways, the
	 * waiver and its scope (news.c keeps a start, an end or a summary
	 * only where VIS_FOLLOW allows), newest first, at most
	 * NEWS_SQL_ROWS */
	SQL_NEWS_REMITTENT,
	/* (staff id, since (UTC)) -> struct news_referral: the applications
	 * submitted to the staff member's insatser since, not withdrawn,
	 * newest first, at most NEWS_MAX_ROWS */
	SQL_NEWS_REFERRALS,
	SQL_NEWS__MAX
};

extern const struct db_query sql_news[SQL_NEWS__MAX];

#endif /* !SQL_NEWS_H */
