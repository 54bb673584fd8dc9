/* sql_participation.c: statements of the insats staff's pages; see
 * include/sql_participation.h. */
#include "sql_participation.h"

const struct db_query sql_participation[SQL_PARTICIPATION__MAX] = {
	[SQL_PARTICIPATION_MY_INSATSER] = { "SELECT i.id, i.name, i.places, "
	                                    "(SELECT COUNT(*) FROM participation p WHERE p.insats_id = i.id "
	                                    "AND p.status = 'inskriven') "
	                                    "FROM staff_insats si JOIN insats i ON i.id = si.insats_id "
	                                    "WHERE si.staff_id = ? AND i.active = 1 ORDER BY i.name",
	    1 },
};
