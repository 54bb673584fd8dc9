/* sql_public.c: statements of the public pages; see include/sql_public.h. */
#include "insats_public.h"
#include "sql_public.h"

const struct db_query sql_public[SQL_PUBLIC__MAX] = {
	[SQL_INSATS_LIST] = { "SELECT i.id, i.name, i.location, i.target_groups, i.places, "
	                      "DATE_FORMAT(i.period_start, '%Y-%m-%d') AS period_start, "
	                      "DATE_FORMAT(i.period_end, '%Y-%m-%d') AS period_end, "
	                      "o.name AS host "
	                      "FROM insats i JOIN organisation o ON o.id = i.host_organisation_id "
	                      "WHERE i.forbund_id = :forbund AND i.active = 1 ORDER BY i.name",
	    1, .ncols = 8, .nparams = 0, .rec = &insats_public_record },
	[SQL_INSATS_GOALS] = { "SELECT g.insats_id, g.label, g.target_numerator AS numerator, "
	                       "g.target_denominator AS denominator, "
	                       "g.target_denominator = 100 AS percent "
	                       "FROM insats_goal g JOIN insats i ON i.id = g.insats_id "
	                       "WHERE i.forbund_id = :forbund AND i.active = 1 "
	                       "ORDER BY g.insats_id, g.sort_order, g.id",
	    1, .ncols = 5, .nparams = 0, .rec = &insats_public_goal_record },
	/* In the same round trip: the förbund whose page the host name is (0
	 * when that förbund is inactive), else, when no förbund has the
	 * name, the one active förbund without a host name, else 0. */
	[SQL_PUBLIC_GENERATION] = { "SELECT CAST(g.gen AS CHAR) AS gen, "
	                            "COALESCE((SELECT IF(f.active = 1, f.id, 0) FROM forbund f "
	                            "WHERE f.public_host = ?), "
	                            "(SELECT MIN(f.id) FROM forbund f WHERE f.active = 1 AND f.public_host IS NULL "
	                            "HAVING COUNT(*) = 1), 0) AS forbund_id "
	                            "FROM public_page_generation g WHERE g.id = 1",
	    1, .ncols = 2, .nparams = 1, .rec = &public_generation_record },
};
