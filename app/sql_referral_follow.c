/* sql_referral_follow.c: statements of the remittent's follow-up; see
 * include/sql_referral_follow.h. */
#include <stddef.h>

#include "referral_follow.h"
#include "sql_access.h"
#include "sql_referral_follow.h"

/* The three lists in one, kind by kind: o orders within a kind. */
#define RF_ITEMS_UNION                                                         \
	"SELECT 1 AS kind, '' AS d1, '' AS d2, a.activity AS text, "           \
	"a.hours_per_week AS n, LPAD(a.sort_order, 6, '0') AS o, a.id AS i "   \
	"FROM participation_activity a WHERE a.participation_id = ? "          \
	"UNION ALL SELECT 2, DATE_FORMAT(m.held_date, '%Y-%m-%d'), '', "       \
	"m.attendees, 0, DATE_FORMAT(m.held_date, '%Y-%m-%d'), m.id "          \
	"FROM participation_midterm m WHERE m.participation_id = ? "           \
	"UNION ALL SELECT 3, IFNULL(DATE_FORMAT(x.old_planned_end, "           \
	"'%Y-%m-%d'), ''), DATE_FORMAT(x.new_planned_end, '%Y-%m-%d'), "       \
	"x.reason, 0, DATE_FORMAT(x.at, '%Y-%m-%d %H:%i:%s'), x.id "           \
	"FROM participation_extension x WHERE x.participation_id = ?"

const struct db_query sql_referral_follow[SQL_RF__MAX] = {
	[SQL_RF_HEAD] = { "SELECT " ACCESS_SQL_WAIVER_SCOPE " AS scope, "
	                  "pa.id AS participation_id, pa.status, "
	                  "DATE_FORMAT(pa.start_date, '%Y-%m-%d') AS start_date, "
	                  "IFNULL(DATE_FORMAT(pa.planned_end_date, '%Y-%m-%d'), '') "
	                  "AS planned_end, "
	                  "IFNULL(DATE_FORMAT(pa.end_date, '%Y-%m-%d'), '') AS end_date, "
	                  "IFNULL(s.display_name, '') AS contact, "
	                  "IFNULL(s.email, '') AS contact_email, "
	                  "IFNULL(pa.hours_per_week, 0) AS hours, "
	                  "IFNULL(er.label, '') AS end_reason, "
	                  /* the latest version sent: a reopening leaves
	                   * what went out before, a correction is news */
	                  "IFNULL((SELECT DATE_FORMAT(ps.sent_at, '%Y-%m-%d %H:%i') "
	                  "FROM participation_summary ps WHERE ps.participation_id "
	                  "= pa.id AND ps.state = 'skickad' ORDER BY ps.version_no "
	                  "DESC LIMIT 1), '') AS summary_sent, "
	                  "(SELECT COUNT(*) FROM participation_summary ps WHERE "
	                  "ps.participation_id = pa.id AND ps.state = 'skickad') "
	                  "AS summary_versions "
	                  "FROM referral r JOIN participation pa ON pa.referral_id = r.id "
	                  "LEFT JOIN staff s ON s.id = pa.contact_id "
	                  "LEFT JOIN code_end_reason er ON er.code = pa.end_reason_code "
	                  "WHERE r.id = ?",
	    1, .ncols = 12, .nparams = 3, .rec = &referral_follow_record },
	[SQL_RF_ITEMS] = { "SELECT kind, d1, d2, text, n FROM (" RF_ITEMS_UNION
	                   ") u ORDER BY kind, o, i",
	    1, .ncols = 5, .nparams = 3, .rec = &referral_follow_item_record },
};
