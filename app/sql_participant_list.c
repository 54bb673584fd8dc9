/* sql_participant_list.c: the participant list's statements; see
 * include/sql_participant_list.h and SQL_REFERRAL_PLIST_* in
 * include/sql_referral.h. */
#include "participant_list.h"
#include "sql_participant_list.h"

/* A number macro as SQL text. */
#define NUM_(n) #n
#define NUM(n)  NUM_(n)

/* The caller's insatser (one parameter: staff id). */
#define PL_MINE                                                                \
	"(SELECT si.insats_id FROM staff_insats si WHERE si.staff_id = ?)"

/* The value the list is sorted by first in order o (paging_order(); four
 * parameters: o), of po, p, i (its insats) and s (its contact): "" for
 * the name orders and for what is not set, which sorts as NULL did
 * (first ascending, last descending); dates as text (YYYY-MM-DD). */
#define PL_SV                                                                  \
	"CONVERT(CASE WHEN ? IN (2, 3) THEN i.short_name "                     \
	"WHEN ? IN (4, 5) THEN DATE_FORMAT(p.start_date, '%Y-%m-%d') "         \
	"WHEN ? IN (6, 7) THEN "                                               \
	"IFNULL(DATE_FORMAT(p.planned_end_date, '%Y-%m-%d'), '') "             \
	"WHEN ? IN (8, 9) THEN IFNULL(s.display_name, '') ELSE '' END "        \
	"USING utf8mb4) COLLATE utf8mb4_uca1400_swedish_ai_ci"
#define PL_SV_FROM                                                             \
	"FROM participation_order po "                                         \
	"JOIN participation p ON p.id = po.participation_id "                  \
	"JOIN insats i ON i.id = po.insats_id "                                \
	"LEFT JOIN staff s ON s.id = po.contact_id "

/* The filter's choices: the caller's active insatser (kind 0), then the
 * active insats staff of them (kind 1), each by name (as
 * SQL_PARTICIPATION_MY_INSATSER and SQL_PARTICIPATION_COLLEAGUES), the
 * caller's inactive insatser (kind 3, whose participations the list
 * shows too), and the key of the row a page follows (kind 2: its name
 * key and sort value, only of a participation of the caller's insatser).
 * Parameters: staff id x3, the row's id, order x4, staff id. */
const char sql_plist_options[] =
    "SELECT 0 AS kind, i.id AS id, i.name AS name, '' AS sv "
    "FROM staff_insats si JOIN insats i ON i.id = si.insats_id "
    "WHERE si.staff_id = ? AND i.active = 1 "
    "UNION ALL SELECT DISTINCT 1, s.id, s.display_name, '' "
    "FROM staff_insats si "
    "JOIN staff s ON s.id = si.staff_id AND s.active = 1 "
    "JOIN staff_role sr ON sr.staff_id = s.id "
    "AND sr.role = 'insatspersonal' "
    "WHERE si.insats_id IN " PL_MINE " "
    "UNION ALL SELECT 3, i.id, '', '' "
    "FROM staff_insats si JOIN insats i ON i.id = si.insats_id "
    "WHERE si.staff_id = ? AND i.active = 0 "
    "UNION ALL SELECT 2, po.participation_id, po.name_key, " PL_SV
    " " PL_SV_FROM "WHERE po.participation_id = ? "
    "AND po.insats_id IN " PL_MINE " ORDER BY kind, name, id";

/* The kinds a row is late in as OVERDUE_SQL_MASK says them (three
 * parameters: today), from the days participation_order keeps (sql/0049:
 * its end_late, mid_late and sum_late as el, ml and sl of t, the same
 * rule written a second time; tests/http/test_overdue_order.sh holds the
 * two equal). */
#define PL_LATE_MASK(el, ml, sl)                                               \
	"(IF(" el " < ?, 1, 0) | IF(" ml " < ?, 2, 0) | IF(" sl " < ?, 4, 0))"

/* The filter on po (11 parameters: status or "" twice, contact id or 0
 * twice, gender or "" twice, overdue kinds, today x3, the kinds again). */
#define PL_FILTER                                                              \
	"AND po.listed = 1 "                                                   \
	"AND (? = '' OR po.status = ?) "                                       \
	"AND (? = 0 OR po.contact_id = ?) "                                    \
	"AND (? = '' OR po.gender = ?) "                                       \
	"AND (? = 0 OR (" PL_LATE_MASK(                                        \
	    "po.end_late", "po.mid_late", "po.sum_late") " & ?) <> 0) "

/* A candidate's late days, carried to the page's columns (PL_COLS): the
 * row of po is read for the filter anyway, and the page then needs no
 * look-up of mid-term follow-ups per row. */
#define PL_DAYS "po.end_late AS el, po.mid_late AS ml, po.sum_late AS sl"

/* One insats's candidates in name order, read in index order ix from the
 * key on (ix_po_status_name with a status, else ix_po_name: MariaDB may
 * take the one without the status for a status and read past the page's
 * rows; 17 parameters: staff id, insats id, the filter's 11, key or 0,
 * the key's name twice, its id). The insats is the caller's or none. */
#define PL_SLOT(cmp, dir, ix)                                                  \
	"(SELECT po.participation_id AS id, po.name_key AS nk, " PL_DAYS " "   \
	"FROM participation_order po FORCE INDEX (" ix ") "                    \
	"WHERE po.insats_id = (SELECT si.insats_id FROM staff_insats si "      \
	"WHERE si.staff_id = ? AND si.insats_id = ?) " PL_FILTER               \
	"AND (? = 0 OR po.name_key " cmp " ? OR (po.name_key = ? "             \
	"AND po.participation_id " cmp " ?)) "                                 \
	"ORDER BY po.name_key " dir ", po.participation_id " dir " "           \
	"LIMIT " NUM(PARTICIPANT_LIST_FETCH) ")"
#define PL_SLOTS(cmp, dir, ix)                                                 \
	PL_SLOT(cmp, dir, ix)                                                  \
	" UNION ALL " PL_SLOT(cmp, dir, ix) " UNION ALL " PL_SLOT(cmp, dir,    \
	    ix) " UNION ALL " PL_SLOT(cmp, dir, ix) " UNION ALL " PL_SLOT(cmp, \
	    dir, ix) " UNION ALL " PL_SLOT(cmp, dir, ix)

/* The page's columns of k (its ids) with their rows, and c (the count). */
#define PL_COLS                                                                \
	"SELECT p.id AS id, pe.first_name AS first_name, "                     \
	"pe.last_name AS last_name, pe.gender AS gender, "                     \
	"i.short_name AS insats, p.status AS status, "                         \
	"p.start_date AS start_date, "                                         \
	"IFNULL(p.planned_end_date, '') AS planned_end, "                      \
	"IFNULL(p.end_date, '') AS end_date, "                                 \
	"IFNULL(s.display_name, '') AS contact, "                              \
	"IFNULL(p.summary_due_date, '') AS summary_due, " PL_LATE_MASK("k.el", \
	    "k.ml", "k.sl") " AS overdue, "                                    \
	                    "p.summary_sent_at IS NOT NULL AS summary_sent, "  \
	                    "c.total AS total "
#define PL_JOINS                                                               \
	"JOIN participation p ON p.id = k.id "                                 \
	"JOIN participation_person pe ON pe.participation_id = p.id "          \
	"JOIN insats i ON i.id = p.insats_id "                                 \
	"LEFT JOIN staff s ON s.id = p.contact_id "

/* The count, from the same table and filter as the page (22
 * parameters): without a contact, gender or overdue filter (1: plain)
 * the sum of insats_tally's rows, exact, else the matches up to a
 * bound. Parameters: plain, staff id, insats id or 0 twice, status or ""
 * twice, plain, staff id, insats id or 0 twice, the filter's 11, the
 * bound + 1. */
#define PL_COUNT                                                               \
	"JOIN (SELECT (SELECT IFNULL(SUM(t.n), 0) FROM insats_tally t "        \
	"WHERE ? = 1 AND t.listed = 1 AND t.insats_id IN " PL_MINE " "         \
	"AND (? = 0 OR t.insats_id = ?) AND (? = '' OR t.status = ?)) + "      \
	"(SELECT COUNT(*) FROM (SELECT 1 AS one "                              \
	"FROM participation_order po WHERE ? = 0 "                             \
	"AND po.insats_id IN " PL_MINE " "                                     \
	"AND (? = 0 OR po.insats_id = ?) " PL_FILTER                           \
	"LIMIT ?) b) AS total) c "

/* The page in name order: the slots (PARTICIPANT_LIST_SLOTS of them, 17
 * parameters each), their first PARTICIPANT_LIST_FETCH, those rows
 * (three parameters: today), the count's 22. */
#define PL_NAME_PAGE(cmp, dir, ix)                                             \
	PL_COLS "FROM (SELECT id, nk, el, ml, sl FROM (" PL_SLOTS(cmp, dir,    \
	    ix) ") u "                                                         \
	        "ORDER BY nk " dir ", id " dir                                 \
	        " LIMIT " NUM(PARTICIPANT_LIST_FETCH) ") k " PL_JOINS PL_COUNT \
	                                              "ORDER BY k.nk " dir     \
	                                              ", k.id " dir

const char sql_plist_name_asc[] = PL_NAME_PAGE(">", "ASC", "ix_po_name");
const char sql_plist_name_desc[] = PL_NAME_PAGE("<", "DESC", "ix_po_name");
const char sql_plist_status_asc[] =
    PL_NAME_PAGE(">", "ASC", "ix_po_status_name");
const char sql_plist_status_desc[] =
    PL_NAME_PAGE("<", "DESC", "ix_po_status_name");

/* Any order o (paging_order()): by the sort value (PL_SV, the odd
 * orders descending), then by name key and id (both descending in order
 * 1, the name descending, else ascending). Four parameters: o. */
#define PL_ORDER(sv, nk, id)                                                   \
	"ORDER BY CASE WHEN ? % 2 = 1 THEN " sv " END DESC, "                  \
	"CASE WHEN ? % 2 = 0 THEN " sv " END, "                                \
	"CASE WHEN ? = 1 THEN " nk " END DESC, "                               \
	"CASE WHEN ? = 1 THEN " id " END DESC, " nk ", " id

/* After the key (14 parameters: key or 0, o, its sort value, o, its sort
 * value, its sort value, o, its name key twice, its id, o, its name key
 * twice, its id), in PL_ORDER. */
#define PL_AFTER                                                               \
	"(? = 0 OR (? % 2 = 1 AND d.sv < ?) OR (? % 2 = 0 AND d.sv > ?) "      \
	"OR (d.sv = ? AND ((? = 1 AND (d.nk < ? OR (d.nk = ? AND d.id < ?))) " \
	"OR (? <> 1 AND (d.nk > ? OR (d.nk = ? AND d.id > ?))))))"

/* The page in any order, for every order but the name's or for more of
 * the caller's insatser than the slots: the matches of the caller's
 * insatser (o x4, staff id, insats id or 0 twice, the filter's 11), after
 * the key (14), in order (o x4), their first PARTICIPANT_LIST_FETCH,
 * those rows (today x3), the count's 22, in order (o x4). */
const char sql_plist_any[] = PL_COLS
    "FROM (SELECT d.id AS id, d.nk AS nk, d.sv AS sv, d.el AS el, "
    "d.ml AS ml, d.sl AS sl FROM ("
    "SELECT po.participation_id AS id, po.name_key AS nk, " PL_DAYS ", " PL_SV
    " AS sv " PL_SV_FROM "WHERE po.insats_id IN " PL_MINE " "
    "AND (? = 0 OR po.insats_id = ?) " PL_FILTER ") d "
    "WHERE " PL_AFTER " " PL_ORDER("d.sv", "d.nk", "d.id") " LIMIT " NUM(
        PARTICIPANT_LIST_FETCH) ") k " PL_JOINS PL_COUNT PL_ORDER("k.sv",
        "k.nk", "k.id");
