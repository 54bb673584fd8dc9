/* sql_access.c: statements of the access rules; see include/sql_access.h. */
#include "sql_access.h"

const struct db_query sql_access[SQL_ACCESS__MAX] = {
	/*
	 * The four ways in, computed together; the WHERE keeps only rows
	 * reachable one way or another. The role flags gate each way, so a
	 * remittent role does not open the insats way or the reverse.
	 */
	[SQL_ACCESS_REFERRAL] = { "SELECT own, co, unit, ins FROM ("
	                          " SELECT r.remittent_id = ? AS own,"
	                          " EXISTS (SELECT 1 FROM referral_coremittent c"
	                          "  WHERE c.referral_id = r.id AND c.staff_id = ?) AS co,"
	                          " (o.share_within_unit = 1 AND r.organisation_id ="
	                          "  (SELECT organisation_id FROM staff WHERE id = ?)) AS unit,"
	                          " (r.status <> 'utkast' AND EXISTS (SELECT 1 FROM staff_insats si"
	                          "  WHERE si.staff_id = ? AND si.insats_id = r.insats_id)) AS ins,"
	                          " ? AS is_rem, ? AS is_ins"
	                          " FROM referral r JOIN organisation o ON o.id = r.organisation_id"
	                          " WHERE r.id = ?) x "
	                          "WHERE (is_rem AND (own OR co OR unit)) OR (is_ins AND ins)",
	    1, .ncols = 4, .nparams = 7 },
	[SQL_ACCESS_PARTICIPATION_REFERRAL] = { "SELECT referral_id FROM participation WHERE id = ?",
	    1, .ncols = 1, .nparams = 1 },
	[SQL_ACCESS_INSATS_ACTIVE] = { "SELECT 1 FROM insats WHERE id = ? AND active = 1",
	    1, .ncols = 1, .nparams = 1 },
};
