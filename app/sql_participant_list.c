/* sql_participant_list.c: the participant list's statements; see
 * include/sql_participant_list.h and SQL_REFERRAL_PLIST_* in
 * include/sql_referral.h. */
#include "overdue.h"
#include "sql_participant_list.h"

/* The caller's insatser (one parameter: staff id). */
#define PL_MINE                                                                \
	"(SELECT si.insats_id FROM staff_insats si WHERE si.staff_id = ?)"

/* The filter's choices: the caller's active insatser, then the active
 * insats staff of them, each by name (as SQL_PARTICIPATION_MY_INSATSER
 * and SQL_PARTICIPATION_COLLEAGUES). */
const char sql_plist_options[] =
    "SELECT 0 AS kind, i.id AS id, i.name AS name "
    "FROM staff_insats si JOIN insats i ON i.id = si.insats_id "
    "WHERE si.staff_id = ? AND i.active = 1 "
    "UNION ALL SELECT DISTINCT 1, s.id, s.display_name "
    "FROM staff_insats si "
    "JOIN staff s ON s.id = si.staff_id AND s.active = 1 "
    "JOIN staff_role sr ON sr.staff_id = s.id "
    "AND sr.role = 'insatspersonal' "
    "WHERE si.insats_id IN " PL_MINE " ORDER BY kind, name, id";

/* The list's orders, as SQL_PARTICIPATION_LIST's (paging_order(), ten
 * times), then by name and id: the same name expression, collation and
 * order as the list had. The insats's and the contact's names are read
 * only when the list is sorted by them. */
#define PL_NAME "CONCAT(pe.last_name, ' ', pe.first_name)"
#define PL_INSATS                                                              \
	"(SELECT oi.short_name FROM insats oi WHERE oi.id = p.insats_id)"
#define PL_CONTACT                                                             \
	"(SELECT os.display_name FROM staff os WHERE os.id = p.contact_id)"
#define PL_ORDER                                                               \
	"ORDER BY CASE WHEN ? = 1 THEN " PL_NAME " END DESC, "                 \
	"CASE WHEN ? = 2 THEN " PL_INSATS " END, "                             \
	"CASE WHEN ? = 3 THEN " PL_INSATS " END DESC, "                        \
	"CASE WHEN ? = 4 THEN p.start_date END, "                              \
	"CASE WHEN ? = 5 THEN p.start_date END DESC, "                         \
	"CASE WHEN ? = 6 THEN p.planned_end_date END, "                        \
	"CASE WHEN ? = 7 THEN p.planned_end_date END DESC, "                   \
	"CASE WHEN ? = 8 THEN " PL_CONTACT " END, "                            \
	"CASE WHEN ? = 9 THEN " PL_CONTACT " END DESC, "                       \
	"CASE WHEN ? >= 0 THEN " PL_NAME " END, p.id"

#define PL_JOIN "JOIN participation_person pe ON pe.participation_id = p.id "

/* The rows the list's filter selects (14 parameters: staff id, insats id
 * or 0 twice, status or "" twice, contact id or 0 twice, gender or ""
 * twice, overdue kinds, today x3, the kinds again). */
#define PL_WHERE                                                               \
	"WHERE p.insats_id IN " PL_MINE " AND p.gallrad_at IS NULL "           \
	"AND (? = 0 OR p.insats_id = ?) "                                      \
	"AND (? = '' OR p.status = ?) "                                        \
	"AND (? = 0 OR p.contact_id = ?) "                                     \
	"AND (? = '' OR EXISTS (SELECT 1 FROM participation_person g "         \
	"WHERE g.participation_id = p.id AND g.gender = ?)) "                  \
	"AND (? = 0 OR (" OVERDUE_SQL_MASK " & ?) <> 0) "

/* The page: k, the page's ids from the filter's and the order's columns
 * (the caller's insatser by index), then those rows in full with their
 * overdue kinds; c, the matches counted up to a bound, from the
 * participation's indexes where the filter allows. */
const char sql_plist_page[] =
    "SELECT p.id AS id, pe.first_name AS first_name, "
    "pe.last_name AS last_name, pe.gender AS gender, "
    "i.short_name AS insats, p.status AS status, "
    "p.start_date AS start_date, "
    "IFNULL(p.planned_end_date, '') AS planned_end, "
    "IFNULL(p.end_date, '') AS end_date, "
    "IFNULL(s.display_name, '') AS contact, "
    "IFNULL(p.summary_due_date, '') AS summary_due, " OVERDUE_SQL_MASK
    " AS overdue, p.summary_sent_at IS NOT NULL AS summary_sent, "
    "c.total AS total "
    "FROM (SELECT p.id AS id FROM participation p " PL_JOIN PL_WHERE PL_ORDER
    " LIMIT 50 OFFSET ?) k "
    "JOIN participation p ON p.id = k.id " PL_JOIN
    "JOIN insats i ON i.id = p.insats_id "
    "LEFT JOIN staff s ON s.id = p.contact_id "
    "JOIN (SELECT COUNT(*) AS total FROM (SELECT 1 AS one "
    "FROM participation p " PL_WHERE "LIMIT ?) b) c " PL_ORDER;
