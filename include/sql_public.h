/*
 * sql_public.h: the statements of the public pages (app/page_public.c),
 * each filling a record of insats_public.h.
 */
#ifndef SQL_PUBLIC_H
#define SQL_PUBLIC_H

#include "db.h"

enum sql_public {
	/* () -> struct insats_public: the request's förbund's active
	 * insatser by name */
	SQL_INSATS_LIST,
	/* () -> struct insats_public_goal: their goals by insats id, then
	 * order */
	SQL_INSATS_GOALS,
	/* (host name or "") -> struct public_generation: the one row of
	 * public_page_generation, and the förbund of the page (sql/0071) */
	SQL_PUBLIC_GENERATION,
	SQL_PUBLIC__MAX
};

extern const struct db_query sql_public[SQL_PUBLIC__MAX];

#endif /* !SQL_PUBLIC_H */
