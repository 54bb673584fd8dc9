/*
 * sql_public.h: the statements of the public pages (app/page_public.c).
 * Column order of each result is given beside its name.
 */
#ifndef SQL_PUBLIC_H
#define SQL_PUBLIC_H

#include "db.h"

enum sql_public {
	/* id, name, location, target_groups, places, period_start,
	 * period_end, host organisation name: active insatser by name */
	SQL_INSATS_LIST,
	/* insats_id, label, target_numerator, target_denominator */
	SQL_INSATS_GOALS,
	SQL_PUBLIC__MAX
};

extern const struct db_query sql_public[SQL_PUBLIC__MAX];

#endif /* !SQL_PUBLIC_H */
