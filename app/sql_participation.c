/* sql_participation.c: statements of the insats staff's pages; see
 * include/sql_participation.h. */
#include "code_labels.h"
#include "overdue.h"
#include "participation.h"
#include "paging.h"
#include "participation_edit.h"
#include "sql_audit_object.h"
#include "referral_decision.h"
#include "sql_access.h"
#include "sql_history.h"
#include "sql_participation.h"
#include "sql_quest.h"
#include "sql_sus_facts.h"

/* A number macro as SQL text. */
#define NUM_(n) #n
#define NUM(n)  NUM_(n)

/* The insatser of staff member ? (the first parameter of every list). */
#define MY_INSATSER                                                            \
	"(SELECT si.insats_id FROM staff_insats si WHERE si.staff_id = ?)"

/* An ended participation whose summary is past due (? = today). */
#define OVERDUE_COND OVERDUE_SQL_SUMMARY

#define INSKRIVNA(ins) SQL_INSATS_INSKRIVNA(ins)

#define NUM_(n) #n
#define NUM(n)  NUM_(n)

/* The inbox in one statement: the insatser (kind 0) of SQL_PARTICIPATION_
 * MY_INSATSER and a page of the referrals (kind 1) of SQL_PARTICIPATION_
 * INBOX, each in its own order (ord), and what is late (kind 2, rows per
 * overdue kind, id: the kind, total: how many). The occupancy is the
 * sum of insats_tally's rows (sql/0049), what is late a few rows of
 * late_tally (sql/0053): neither reads the participations; the count of
 * referrals a few rows of referral_tally (sql/0063). The
 * page is the referrals after a key (paging.h): the referral whose id is
 * given, when it is of the caller's insatser, by its place in the order,
 * which stays when it is decided meanwhile. */
#define INBOX_FETCH 11
_Static_assert(INBOX_FETCH == INBOX_ROWS + 1, "one row more than a page");
/* clang-format off */
/* The rows of kind 2: per overdue kind k with any, how many of the staff
 * member's participations are late in it (id: k, total: how many; two
 * rows of a kind are added up), as SQL_OVERDUE_SHORT counts them (its
 * total), from late_tally (sql/0053) as overdue_tally_window() says: per
 * insats and kind, grain 0 less the months (grain 1) from month_from plus
 * day_sign times the days (grain 2) from day_from to before day_to. Not
 * the late participations: what is read is bounded by the calendar. The
 * first INBOX_SLOTS of the caller's insatser by id each as a constant (an
 * uncorrelated subquery, which MariaDB reads before it plans the ranges),
 * the rest, if any, by a join. Parameters: day_sign, staff id x
 * INBOX_SLOTS, month_from, day_from, day_to; day_sign, month_from,
 * day_from, day_to, staff id, staff id. */
#define INBOX_SLOTS 4
#define INBOX_NTH(n) \
	"(SELECT si.insats_id FROM staff_insats si WHERE si.staff_id = ? " \
	"ORDER BY si.insats_id LIMIT 1 OFFSET " #n ")"
#define INBOX_LATE_ROWS \
	"t.listed = 1 AND (t.grain = 0 " \
	"OR (t.grain = 1 AND t.bucket >= ?) " \
	"OR (t.grain = 2 AND t.bucket >= ? AND t.bucket < ?))"
#define INBOX_LATE_COLS \
	"SELECT 2, t.kind, '', NULL, '', '', '', '', '', '', '', NULL, '', 0, " \
	"SUM(CASE t.grain WHEN 0 THEN t.n WHEN 1 THEN -t.n ELSE ? * t.n END), " \
	"t.kind, NULL, NULL "
#define INBOX_LATE \
	"UNION ALL " INBOX_LATE_COLS "FROM late_tally t " \
	"WHERE t.insats_id IN (" INBOX_NTH(0) ", " INBOX_NTH(1) ", " \
	INBOX_NTH(2) ", " INBOX_NTH(3) ") AND " INBOX_LATE_ROWS " " \
	"GROUP BY t.kind " \
	"UNION ALL " INBOX_LATE_COLS "FROM staff_insats si JOIN late_tally t " \
	"ON t.insats_id = si.insats_id AND " INBOX_LATE_ROWS " " \
	"WHERE si.staff_id = ? AND si.insats_id > " \
	"IFNULL(" INBOX_NTH(3) ", 4294967295) GROUP BY t.kind "
/* The caller's referrals r in the inbox's two statuses (st.st) not
 * gallrade, each by index (insats, status, gallrad_at: ix_referral_inbox,
 * sql/0064): an IN list of statuses would read every referral of the
 * insats. Joined on from staff_insats si. */
#define INBOX_OF \
	"JOIN (SELECT 'inskickad' AS st UNION ALL SELECT 'vantelista') st " \
	"JOIN referral r ON r.insats_id = si.insats_id AND r.status = st.st " \
	"AND r.gallrad_at IS NULL "
/* The inbox's order of referral r (or x): its columns, and as a row. */
#define INBOX_KEY_COLS(r) \
	r ".submitted_at IS NULL, " \
	"IFNULL(" r ".submitted_at, '1000-01-01'), " r ".id"
#define INBOX_KEY(r) "(" INBOX_KEY_COLS(r) ")"
/* The page's referrals y: the first INBOX_FETCH after the key, picked
 * from ix_referral_inbox alone (sql/0064) in the inbox's order (k1, k2,
 * id: the outer query's order), then read with their persons, senders
 * and organisations; the count of all (total) is the sum of
 * referral_tally's rows (sql/0063), not a count of the referrals.
 * Parameters: staff id (the count); staff id, key or 0 twice, staff id. */
#define INBOX_REFERRALS \
	"SELECT STRAIGHT_JOIN 1 AS kind, r.id AS id, " \
	"r.status AS status, IFNULL(DATE_FORMAT(r.submitted_at, " \
	"'%Y-%m-%d %H:%i'), '') AS submitted, pe.first_name AS first_name, " \
	"pe.last_name AS last_name, pe.gender AS gender, " \
	"pn.birth_year AS birth_year, i.name AS insats, " \
	"s.display_name AS remittent, o.name AS org, " \
	"IF(r.status = 'vantelista', IFNULL(DATE_FORMAT(r.decided_at, " \
	"'%Y-%m-%d %H:%i'), ''), '') AS waiting_since, '' AS places, " \
	"0 AS inskrivna, (SELECT IFNULL(SUM(t.n), 0) FROM staff_insats si " \
	"JOIN referral_tally t ON t.insats_id = si.insats_id " \
	"AND t.status IN ('inskickad', 'vantelista') AND t.listed = 1 " \
	"WHERE si.staff_id = ?) AS total, 0 AS ord, y.k1 AS k1, y.k2 AS k2 " \
	"FROM (SELECT STRAIGHT_JOIN r.submitted_at IS NULL AS k1, " \
	"IFNULL(r.submitted_at, '1000-01-01') AS k2, r.id AS id " \
	"FROM staff_insats si " INBOX_OF "WHERE si.staff_id = ? " \
	"AND (? = 0 OR " INBOX_KEY("r") " > (SELECT " INBOX_KEY_COLS("x") \
	" FROM referral x WHERE x.id = ? AND x.insats_id IN " MY_INSATSER ")) " \
	"ORDER BY k1, k2, id LIMIT " NUM(INBOX_FETCH) ") y " \
	"JOIN referral r ON r.id = y.id " JOIN_REFERRAL_PERSON \
	"JOIN insats i ON i.id = r.insats_id " \
	"JOIN staff s ON s.id = r.remittent_id " \
	"JOIN organisation o ON o.id = r.organisation_id "
#define INBOX_PAGE_SQL \
	"SELECT kind, id, status, submitted, first_name, last_name, gender, " \
	"birth_year, insats, remittent, org, waiting_since, places, " \
	"inskrivna, total FROM (" \
	"SELECT 0 AS kind, i.id AS id, '' AS status, NULL AS submitted, " \
	"'' AS first_name, '' AS last_name, '' AS gender, '' AS birth_year, " \
	"i.name AS insats, '' AS remittent, '' AS org, " \
	"NULL AS waiting_since, IFNULL(i.places, '') AS places, " \
	"(SELECT IFNULL(SUM(t.n), 0) FROM insats_tally t " \
	"WHERE t.insats_id = i.id AND t.status = 'inskriven') AS inskrivna, " \
	"0 AS total, ROW_NUMBER() OVER (ORDER BY i.name) AS ord, " \
	"NULL AS k1, NULL AS k2 " \
	"FROM staff_insats si JOIN insats i ON i.id = si.insats_id " \
	"WHERE si.staff_id = ? AND i.active = 1 " \
	"UNION ALL " INBOX_REFERRALS \
	INBOX_LATE ") u " \
	"ORDER BY kind, ord, k1, k2, id"
/* clang-format on */

/* The person columns of referral_person and participation_person
 * (sql/0022), in this order: SQL_PARTICIPATION_PERSON_COPY. */
#define PERSON_FIELDS                                                          \
	"first_name, last_name, gender, address, postal_code, city, phone, "   \
	"home_municipality, interpreter_needed, interpreter_language, "        \
	"protected_identity"

/* The same of pe, as CONTACT_DB_FIELDS() (include/contact.h) reads them. */
#define PE_CONTACT                                                             \
	"pe.first_name AS first_name, pe.last_name AS last_name, "             \
	"pe.gender AS gender, pe.address AS address, "                         \
	"pe.postal_code AS postal_code, pe.city AS city, pe.phone AS phone, "  \
	"pe.home_municipality AS home_municipality, "                          \
	"pe.interpreter_needed AS interpreter_needed, "                        \
	"pe.interpreter_language AS interpreter_language, "                    \
	"pe.protected_identity AS protected_identity"

/* Each person item from one source: the personnummer and birth year from
 * person pn, everything recorded from the referral's record (referral_person,
 * as the remittent recorded it) or, once admitted, the insats's own
 * (participation_person). */
#define JOIN_REFERRAL_PERSON                                                   \
	"JOIN person pn ON pn.id = r.person_id "                               \
	"JOIN referral_person pe ON pe.referral_id = r.id "
#define JOIN_PARTICIPATION_PERSON                                              \
	"JOIN person pn ON pn.id = p.person_id "                               \
	"JOIN participation_person pe ON pe.participation_id = p.id "

/* The insats's record of the person with its version, the personnummer and
 * the participation's status and insats (struct participation_person). */
#define PERSON_RECORD                                                          \
	"SELECT " PE_CONTACT ", pe.version AS version, "                       \
	"pn.personnummer AS personnummer, p.status AS status, "                \
	"i.name AS insats, p.gallrad_at IS NOT NULL AS gallrad "               \
	"FROM participation p " JOIN_PARTICIPATION_PERSON                      \
	"JOIN insats i ON i.id = p.insats_id "

/* Every code of every list the forms use (enum participation_codes), with
 * the list's table name; the advice codes have no SUS code; the kommuner
 * (code_municipality: code, name) are SCB's codes, in name order. */
#define CODES_ALL                                                              \
	"SELECT 'code_advise_against' AS list, code, label, active, "          \
	"0 AS has_sus, sort_order FROM code_advise_against UNION ALL "         \
	"SELECT 'code_end_reason', code, label, active, "                      \
	"sus_code IS NOT NULL, sort_order FROM code_end_reason UNION ALL "     \
	"SELECT 'code_occupation', code, label, active, "                      \
	"sus_code IS NOT NULL, sort_order FROM code_occupation UNION ALL "     \
	"SELECT 'code_income', code, label, active, "                          \
	"sus_code IS NOT NULL, sort_order FROM code_income UNION ALL "         \
	"SELECT 'code_education', code, label, active, "                       \
	"sus_code IS NOT NULL, sort_order FROM code_education UNION ALL "      \
	"SELECT 'code_support_time', code, label, active, "                    \
	"sus_code IS NOT NULL, sort_order FROM code_support_time UNION ALL "   \
	"SELECT 'code_municipality', code, name, active, 1, "                  \
	"ROW_NUMBER() OVER (ORDER BY name) FROM code_municipality"

/* SQL_PARTICIPATION_CODE_LABELS: the code lists of enum code_list
 * (include/code_list.h) as the worker keeps them (code_labels.h), each in
 * its order, after the generation they are read under (list -1): one
 * statement, one read view. The advice codes have no SUS code. */
/* clang-format off */
#define CODE_LABELS_OF(n, table, sus)                                          \
	" UNION ALL SELECT " NUM(n) ", code, label, IFNULL(" sus ", ''), "     \
	sus " IS NOT NULL, sort_order, '' FROM " table
#define CODE_LABELS_SQL                                                        \
	"SELECT -1 AS list, '' AS code, '' AS label, '' AS sus, "              \
	"0 AS has_sus, 0 AS sort_order, CAST(gen AS CHAR) AS gen "             \
	"FROM code_label_generation WHERE id = 1"                              \
	CODE_LABELS_OF(CODE_LIST_EDUCATION_N, "code_education", "sus_code")    \
	CODE_LABELS_OF(CODE_LIST_INCOME_N, "code_income", "sus_code")          \
	CODE_LABELS_OF(CODE_LIST_SUPPORT_TIME_N, "code_support_time",          \
	    "sus_code")                                                        \
	CODE_LABELS_OF(CODE_LIST_OCCUPATION_N, "code_occupation", "sus_code")  \
	CODE_LABELS_OF(CODE_LIST_END_REASON_N, "code_end_reason", "sus_code")  \
	CODE_LABELS_OF(CODE_LIST_ADVISE_AGAINST_N, "code_advise_against",      \
	    "NULL")                                                            \
	" ORDER BY list, sort_order, code"
/* clang-format on */
/* enum code_list's values as SQL text. */
#define CODE_LIST_EDUCATION_N      0
#define CODE_LIST_INCOME_N         1
#define CODE_LIST_SUPPORT_TIME_N   2
#define CODE_LIST_OCCUPATION_N     3
#define CODE_LIST_END_REASON_N     4
#define CODE_LIST_ADVISE_AGAINST_N 5
_Static_assert(CODE_LIST_EDUCATION == CODE_LIST_EDUCATION_N &&
        CODE_LIST_INCOME == CODE_LIST_INCOME_N &&
        CODE_LIST_SUPPORT_TIME == CODE_LIST_SUPPORT_TIME_N &&
        CODE_LIST_OCCUPATION == CODE_LIST_OCCUPATION_N &&
        CODE_LIST_END_REASON == CODE_LIST_END_REASON_N &&
        CODE_LIST_ADVISE_AGAINST == CODE_LIST_ADVISE_AGAINST_N &&
        CODE_LIST__MAX == 6,
    "CODE_LABELS_SQL's list numbers are enum code_list's");

/* The access log of one participant's file: this file only, not what
 * other organisations did with the same personnummer (their referrals,
 * their searches). LOOKED_SCOPE joins (after LOOKED_JOINS, which joins a
 * consent row as ac) the staff_insats row of (the row's account, insats
 * ?): a search by a colleague of the insats; LOOKED_WHERE then takes the
 * file's rows (personnummer, participation id, referral id x3). A consent
 * of the referral is ac's; IN subqueries in their place were each
 * materialized in a temporary table of their own on every execution.
 * FORCE INDEX: without it MariaDB read the insats's staff_insats rows into
 * a join buffer and sorted the person's whole log. One definition for the
 * page's latest reads (LOOKED_ITEMS) and the whole log's pages
 * (LOOKED_NEWEST, LOOKED_PAGE), so the two show the same rows. */
#define LOOKED_SCOPE                                                           \
	"LEFT JOIN staff_insats asi FORCE INDEX (PRIMARY) "                    \
	"ON a.object_type = 'person' AND asi.insats_id = ? "                   \
	"AND asi.staff_id = a.staff_id "
#define LOOKED_WHERE                                                           \
	"WHERE a.personnummer = ? AND ("                                       \
	"(a.object_type = 'participation' AND a.object_id = ?) "               \
	"OR (a.object_type = 'referral' AND a.object_id = ?) "                 \
	"OR (a.object_type = 'consent' AND (a.object_id = ? "                  \
	"OR ac.referral_id = ?)) "                                             \
	"OR (a.object_type = 'person' AND asi.staff_id IS NOT NULL)) "
/* What a row of the file's access log names, as AUDIT_SQL_OBJECT_WHAT
 * (include/sql_audit_object.h) says it for the types LOOKED_WHERE lets
 * through: a consent, a referral and a participation (a person has no
 * words). Their rows are joined once (LOOKED_JOINS) where the shared
 * expression had a subquery per type for the optimizer to plan on every
 * execution; staff, organisation and insats rows are not in a file's
 * log. */
#define LOOKED_JOINS                                                           \
	"LEFT JOIN staff s ON s.id = a.staff_id "                              \
	"LEFT JOIN consent ac ON a.object_type = 'consent' "                   \
	"AND ac.id = a.object_id "                                             \
	"LEFT JOIN participation ap ON a.object_type = 'participation' "       \
	"AND ap.id = a.object_id "                                             \
	"LEFT JOIN referral ar ON ar.id = "                                    \
	"IF(a.object_type = 'referral', a.object_id, ap.referral_id) "         \
	"LEFT JOIN insats ai ON ai.id = ar.insats_id "
#define LOOKED_WHAT                                                            \
	"IFNULL(CASE a.object_type "                                           \
	"WHEN 'consent' THEN IF(ac.id IS NULL, NULL, CONCAT('till ', "         \
	"IF(ac.kind = 'sus', 'SUS-registrering', 'sekretesslättnad'), "       \
	"IFNULL(CONCAT(', signerat ', DATE_FORMAT(ac.signed_at, "              \
	"'%Y-%m-%d')), ''))) "                                                 \
	"WHEN 'referral' THEN CONCAT('till ', ai.short_name) "                 \
	"WHEN 'participation' THEN CONCAT('i ', ai.short_name) END, '')"
#define LOOKED_COLS                                                            \
	"DATE_FORMAT(a.at, '%Y-%m-%d %H:%i:%s') AS at, "                       \
	"IFNULL(s.display_name, a.username) AS who, a.username AS username, "  \
	"a.action AS action, a.object_type AS object_type, " LOOKED_WHAT       \
	" AS what"

/* A page of the access log and one more (LIMIT takes no expression). */
#define ACCESS_FETCH 101
_Static_assert(ACCESS_FETCH == PARTICIPATION_ACCESS_PAGE + 1,
    "ACCESS_FETCH is one more than a page");

/* clang-format off */

/* The access-log page (participation_access_load()): a page of
 * PARTICIPATION_ACCESS_PAGE rows and one more (there are more), by
 * ix_audit_person (personnummer, at, id). The newest first; or those
 * before (cmp "<", newest first) or after (">", oldest first) the row of
 * audit_log id ? (k, a constant table: its time is a constant of the range
 * read). */
#define LOOKED_NEWEST                                                          \
	"SELECT " LOOKED_COLS ", a.id AS id "                                  \
	"FROM audit_log a FORCE INDEX (ix_audit_person) "                      \
	LOOKED_JOINS LOOKED_SCOPE LOOKED_WHERE                                 \
	"ORDER BY a.at DESC, a.id DESC "                                       \
	"LIMIT " NUM(ACCESS_FETCH)
#define LOOKED_PAGE(cmp, dir)                                                  \
	"SELECT " LOOKED_COLS ", a.id AS id FROM audit_log k "                 \
	"JOIN audit_log a FORCE INDEX (ix_audit_person) "                      \
	LOOKED_JOINS LOOKED_SCOPE LOOKED_WHERE                                 \
	"AND k.id = ? AND (a.at " cmp " k.at "                                 \
	"OR (a.at = k.at AND a.id " cmp " k.id)) "                             \
	"ORDER BY a.at " dir ", a.id " dir " "                                 \
	"LIMIT " NUM(ACCESS_FETCH)

/* clang-format on */

/* SQL_PARTICIPATION_ITEMS: the lists of the participation's page as rows
 * of (kind, n, o2, a..f), kind as enum part_item in participation.c, in
 * one round trip instead of eight; the questionnaires' panel too (kinds
 * 13 to 15, QUEST_SQL_PANEL_ITEMS: its own statement was a round trip
 * more). Each list is ordered by its own keys n, o2 (numbers: a
 * newest-first list negates them) and a, so that no
 * branch needs a window function: each window, and each derived table a
 * LIMIT sat in, was a temporary table of its own on every execution, most
 * of the statement's cost even for a participation with nothing in its
 * lists. The statement is a bare UNION ALL, sorted by those keys in C
 * (participation_page_load()): wrapped to be ordered here, it was one
 * more derived table, ~40 % of its CPU.
 * The latest rows of a long list are picked by its index (ORDER BY ...
 * LIMIT in the branch), so no branch reads more rows as the file grows.
 *
 * The items' text columns are binary strings (the same bytes): their
 * sources have several collations (the tables', the connection's for
 * DATE_FORMAT, ascii_bin for codes), which a UNION may not mix. */
#define B(x) "CAST(" x " AS BINARY)"

/* A DATETIME(3) as a number that sorts as it does, negated (newest
 * first). */
#define DESC_AT(at)                                                            \
	"-(TO_SECONDS(" at ") * 1000 + MICROSECOND(" at ") DIV 1000)"

/* clang-format off */

/* One change_history list (record type, id ?), newest first: the latest
 * ? rows, by index ix read backwards (extra: more conditions on h), each
 * value as val(column) shows it, with the row's id (the key of the
 * history page's older pages). */
#define HISTORY_ITEMS(kind, type, ix, extra, val)                              \
	"(SELECT " kind ", " DESC_AT("h.at") ", -h.id, "                       \
	B("DATE_FORMAT(h.at, '%Y-%m-%d %H:%i:%s')") ", "                       \
	B("s.display_name") ", " B("h.field") ", "                             \
	B(val("h.old_value")) ", " B(val("h.new_value")) ", " B("h.id") " "    \
	"FROM change_history h FORCE INDEX (" ix ") "                          \
	"JOIN staff s ON s.id = h.staff_id "                                   \
	"WHERE h.record_type = '" type "' AND h.record_id = ? " extra          \
	"ORDER BY h.at DESC, h.id DESC LIMIT ?)"

/* A change history value col as the page's statements give it: an
 * account id (the contact person) by the account's name, any other value
 * as stored. The codes' labels (HISTORY_SQL_VALUE's other cases: 22
 * subqueries in the two history branches to plan on every execution) are
 * named in C from the worker's copy of the code lists
 * (history_named() in participation.c, code_labels.h). */
#define HISTORY_STAFF_VALUE(col)                                               \
	"CASE h.field WHEN 'contact_id' THEN IFNULL((SELECT hs.display_name "  \
	"FROM staff hs WHERE hs.id = " col "), " col ") ELSE " col " END"
#define AS_IS(col) col

/* One income list: code, label, has a SUS code, extent ("" none) of the
 * income table aliased t. */
#define INCOME_ITEMS(kind, t, from)                                            \
	"(SELECT " kind ", c.sort_order, 0, " B("c.code") ", "                 \
	B("c.label") ", " B("c.sus_code IS NOT NULL") ", "                     \
	B("IFNULL(" t ".extent_percent, '')") ", '', '' " from ")"

/* The latest PARTICIPATION_PAGE_LOOKED reads of the file, newest first:
 * by ix_audit_person (personnummer, at, id) read backwards, which stops
 * after that many (ix_audit_at, which the optimizer may prefer for the
 * ORDER BY, would read the whole log's newest rows of everyone). */
#define LOOKED_ITEMS                                                           \
	"(SELECT 7, " DESC_AT("a.at") ", -a.id, "                              \
	B("DATE_FORMAT(a.at, '%Y-%m-%d %H:%i:%s')") ", "                       \
	B("IFNULL(s.display_name, a.username)") ", " B("a.username") ", "      \
	B("a.action") ", " B("a.object_type") ", "                             \
	B(LOOKED_WHAT) " "                                                     \
	"FROM audit_log a FORCE INDEX (ix_audit_person) "                      \
	LOOKED_JOINS LOOKED_SCOPE LOOKED_WHERE                      \
	"ORDER BY a.at DESC, a.id DESC LIMIT "                                 \
	NUM(PARTICIPATION_PAGE_LOOKED) ")"

/* The forms' code lists, only in the statement for a page that shows a
 * form (SQL_PARTICIPATION_ITEMS_FORMS): the page without one does not
 * plan this branch on every execution. */
#define CODE_ITEMS                                                             \
	" UNION ALL (SELECT 8, ROW_NUMBER() OVER (ORDER BY k.list, "           \
	"k.sort_order, k.code), 0, " B("k.list") ", " B("k.code") ", "         \
	B("k.label") ", " B("k.active") ", " B("k.has_sus") ", '' "            \
	"FROM (" CODES_ALL ") k)"

/* The mid-term follow-ups (sql/0039, midterm.h): held date, attendees,
 * note, who recorded it, id, version; the latest ? held, oldest first. */
#define MIDTERM_ITEMS                                                          \
	"(SELECT 9, TO_DAYS(m.held_date), m.id, " B("m.held_date") ", "        \
	B("m.attendees") ", " B("m.note") ", "                                 \
	B("IFNULL(ms.display_name, '')") ", " B("m.id") ", "                   \
	B("m.version") " FROM participation_midterm m "                        \
	"FORCE INDEX (ix_midterm_participation) "                              \
	"LEFT JOIN staff ms ON ms.id = m.recorded_by "                         \
	"WHERE m.participation_id = ? "                                        \
	"ORDER BY m.held_date DESC, m.id DESC LIMIT ?)"

/* The six-month follow-up as SQL_FU_GET reads it (version, situation,
 * date, recorded by, the end reason's outcome, answered on the tablet),
 * one row; and the newest summary version (number, state), none when
 * there is none. */
#define FU_SUM_ITEMS                                                           \
	"(SELECT 10, 1, 0, " B("IFNULL(f.version, 0)") ", "                    \
	B("IFNULL(f.situation, '')") ", "                                      \
	B("IFNULL(DATE_FORMAT(f.followup_date, '%Y-%m-%d'), '')") ", "         \
	B("IFNULL(fs.display_name, '')") ", " B("IFNULL(fc.outcome, '')")      \
	", " B("IFNULL(f.answered_on_tablet, 0)") " FROM participation fp "    \
	"LEFT JOIN code_end_reason fc ON fc.code = fp.end_reason_code "        \
	"LEFT JOIN participation_followup f ON f.participation_id = fp.id "    \
	"LEFT JOIN staff fs ON fs.id = f.recorded_by WHERE fp.id = ?) "        \
	"UNION ALL (SELECT 11, 1, 0, " B("su.version_no") ", "                 \
	B("su.state") ", '', '', '', '' FROM participation_summary su "        \
	"WHERE su.participation_id = ? ORDER BY su.version_no DESC LIMIT 1)"

#define ITEMS_SQL(codes)                                                       \
	"(SELECT 1 AS kind, sort_order AS n, id AS o2, "                       \
	B("activity") " AS a, " B("hours_per_week") " AS b, '' AS c, "         \
	"'' AS d, '' AS e, '' AS f FROM participation_activity "               \
	"WHERE participation_id = ?) "                                         \
	"UNION ALL (SELECT 2, TO_SECONDS(e.at), e.id, "                        \
	B("DATE_FORMAT(e.at, '%Y-%m-%d %H:%i')") ", "                          \
	B("IFNULL(e.old_planned_end, '')") ", " B("e.new_planned_end") ", "    \
	B("e.reason") ", " B("s.display_name") ", '' "                         \
	"FROM participation_extension e "                                      \
	"FORCE INDEX (ix_extension_participation_at) "                         \
	"JOIN staff s ON s.id = e.staff_id WHERE e.participation_id = ? "      \
	"ORDER BY e.at DESC, e.id DESC LIMIT ?) "                              \
	"UNION ALL " INCOME_ITEMS("3", "ri",                                   \
	    "FROM referral_income ri JOIN code_income c "                      \
	    "ON c.code = ri.income_code WHERE ri.referral_id = ?")             \
	" UNION ALL " INCOME_ITEMS("4", "ia",                                  \
	    "FROM participation_income_after ia JOIN code_income c "           \
	    "ON c.code = ia.income_code WHERE ia.participation_id = ?")        \
	" UNION ALL " HISTORY_ITEMS("5", "participation",                      \
	    "ix_history_record", "", HISTORY_STAFF_VALUE)                      \
	" UNION ALL " HISTORY_ITEMS("6", "referral", "ix_history_sus",         \
	    "AND h.sus_field = 1 ", AS_IS)                                     \
	" UNION ALL " HISTORY_ITEMS("12", "participation", "ix_history_sus",   \
	    "AND h.sus_field = 1 ", AS_IS)                                     \
	" UNION ALL " LOOKED_ITEMS codes                                       \
	" UNION ALL " MIDTERM_ITEMS " UNION ALL " FU_SUM_ITEMS                  \
	" UNION ALL " QUEST_SQL_PANEL_ITEMS("13", "14", "15")

/* SQL_PARTICIPATION_HISTORY_OLDER: the participation's (?) change history
 * before its row k (id ?), newest first, ? rows, as the items' kind 5:
 * the history page's older pages (keyset, as the access log's). */
#define HISTORY_OLDER_SQL                                                      \
	"SELECT 5 AS kind, " DESC_AT("h.at") " AS n, -h.id AS o2, "            \
	B("DATE_FORMAT(h.at, '%Y-%m-%d %H:%i:%s')") " AS a, "                  \
	B("s.display_name") " AS b, " B("h.field") " AS c, "                   \
	B(HISTORY_STAFF_VALUE("h.old_value")) " AS d, "                        \
	B(HISTORY_STAFF_VALUE("h.new_value")) " AS e, " B("h.id") " AS f "     \
	"FROM change_history k "                                               \
	"JOIN change_history h FORCE INDEX (ix_history_record) "               \
	"ON h.record_type = k.record_type AND h.record_id = k.record_id "      \
	"AND (h.at < k.at OR (h.at = k.at AND h.id < k.id)) "                  \
	"JOIN staff s ON s.id = h.staff_id "                                   \
	"WHERE k.id = ? AND k.record_type = 'participation' "                  \
	"AND k.record_id = ? ORDER BY h.at DESC, h.id DESC LIMIT ?"

/* clang-format on */

/* SQL_PARTICIPATION_GET: the participation's page, SUS data included:
 * the SUS facts as every SUS statement reads them (SUS_FACTS_SQL,
 * include/sql_sus_facts.h), for sus_complete_check() to decide. The codes'
 * labels and SUS codes are '' here: participation_load() names them from
 * the worker's copy of the code lists (code_labels.h), kept under the
 * code label generation read here as code_gen (sql/0054); five code table
 * joins were planned on every execution. The income facts are '' too:
 * the page makes them from its lists statement's incomes
 * (participation_page_load()); four GROUP_CONCAT subqueries were. The
 * generation's row LEFT JOINed: without it the lists cannot be read
 * (an error, logged), not a participation that is not found. */
/* clang-format off */
#define GET_SQL                                                                \
	"SELECT p.id AS id, p.version AS version, p.status AS status, "        \
	"p.referral_id AS referral_id, p.insats_id AS insats_id, "             \
	"i.name AS insats, IFNULL(i.summary_due_days, '') AS due_days, "       \
	"pn.personnummer AS personnummer, " PE_CONTACT ", "                    \
	"pn.birth_year AS birth_year, p.start_date AS start_date, "            \
	"IFNULL(p.planned_end_date, '') AS planned_end, "                      \
	"IFNULL(c.display_name, '') AS contact, "                              \
	"IFNULL(p.contact_id, '') AS contact_id, "                             \
	"IFNULL(p.hours_per_week, '') AS hours_per_week, "                     \
	"p.target_group AS target_group, i.target_groups AS target_groups, "   \
	"IFNULL(p.end_date, '') AS end_date, "                                 \
	"IFNULL(p.end_reason_code, '') AS end_reason_code, "                   \
	"'' AS end_reason, "                                                   \
	"IFNULL(p.occupation_after_code, '') AS occ_after_code, "              \
	"'' AS occ_after, "                                                    \
	"IFNULL(p.summary_due_date, '') AS summary_due, "                      \
	"IFNULL(DATE_FORMAT(p.summary_sent_at, '%Y-%m-%d %H:%i'), '') "        \
	"AS summary_sent, " OVERDUE_COND " AS overdue, "                       \
	"s.display_name AS remittent, o.name AS remittent_org, "               \
	"r.organisation_id AS ref_org_id, "                                    \
	"r.version AS ref_version, pe.version AS person_version, "             \
	"IFNULL(r.education_code, '') AS edu_code, "                           \
	"'' AS edu_label, "                                                    \
	"IFNULL(r.support_time_code, '') AS support_code, "                    \
	"'' AS support_label, "                                                \
	"IFNULL(p.occupation_before_code, '') AS occ_before_code, "            \
	"'' AS occ_before, "                                                   \
	"i.measurement AS measurement, "                                       \
	"IFNULL(p.occupation_before_percent, '') AS occ_before_pct, "          \
	"IFNULL(p.occupation_after_percent, '') AS occ_after_pct, "            \
	SUS_FACTS_SQL_OF(SUS_FACTS_NO_CODE_SUS, SUS_FACTS_NO_INCOMES) ", "     \
	ACCESS_SQL_INSATS_WAY " AS staff_reaches, "                            \
	"CAST(g.gen AS CHAR) AS code_gen "                                     \
	"FROM participation p " JOIN_PARTICIPATION_PERSON                      \
	"JOIN insats i ON i.id = p.insats_id "                                 \
	"JOIN referral r ON r.id = p.referral_id "                             \
	"JOIN staff s ON s.id = r.remittent_id "                               \
	"JOIN organisation o ON o.id = r.organisation_id "                     \
	"LEFT JOIN staff c ON c.id = p.contact_id "                            \
	"LEFT JOIN code_label_generation g ON g.id = 1 "                       \
	"WHERE p.id = ?"
/* clang-format on */

/* SQL_PARTICIPATION_REFERRAL_GET: the referral as the decision page shows
 * it. */
#define REFERRAL_GET_SQL                                                                                     \
	"SELECT r.id AS id, r.status AS status, r.version AS version, "                                      \
	"r.insats_id AS insats_id, i.name AS insats, "                                                       \
	"IFNULL(i.places, '') AS places, " INSKRIVNA(                                                        \
	    "r.insats_id") " AS inskrivna, pn.id AS person_id, pn.personnummer AS personnummer, " PE_CONTACT \
	                   ", pn.birth_year AS birth_year, "                                                 \
	                   "IFNULL(r.visa_date, '') AS visa_date, "                                          \
	                   "IFNULL(r.sick_leave_percent, '') AS sick_leave, "                                \
	                   "r.employed AS employed, r.employer AS employer, "                                \
	                   "r.employer_rehab_responsibility AS employer_rehab, "                             \
	                   "IFNULL(st.label, '') AS support_time, "                                          \
	                   "IFNULL(ed.label, '') AS education, r.background AS background, "                 \
	                   "r.own_goals AS own_goals, r.needs AS needs, "                                    \
	                   "r.tried_before AS tried_before, "                                                \
	                   "IFNULL(DATE_FORMAT(r.submitted_at, '%Y-%m-%d %H:%i'), '') "                      \
	                   "AS submitted, "                                                                  \
	                   "IFNULL(DATE_FORMAT(r.decided_at, '%Y-%m-%d %H:%i'), '') "                        \
	                   "AS decided_at, IFNULL(ds.display_name, '') AS decided_by, "                      \
	                   "r.decision_reason AS decision_reason, "                                          \
	                   "IFNULL(aa.label, '') AS advise_label, s.display_name AS remittent, "             \
	                   "o.name AS remittent_org, IFNULL(s.email, '') AS remittent_email, "               \
	                   "r.organisation_id AS org_id, r.consent_at_visa AS consent_at_visa, "             \
	                   "IFNULL(pa.id, '') AS participation_id "                                          \
	                   "FROM referral r " JOIN_REFERRAL_PERSON                                           \
	                   "JOIN insats i ON i.id = r.insats_id "                                            \
	                   "JOIN staff s ON s.id = r.remittent_id "                                          \
	                   "JOIN organisation o ON o.id = r.organisation_id "                                \
	                   "LEFT JOIN staff ds ON ds.id = r.decided_by "                                     \
	                   "LEFT JOIN code_support_time st ON st.code = r.support_time_code "                \
	                   "LEFT JOIN code_education ed ON ed.code = r.education_code "                      \
	                   "LEFT JOIN code_advise_against aa ON aa.code = r.advise_against_code "            \
	                   "LEFT JOIN participation pa ON pa.referral_id = r.id "                            \
	                   "WHERE r.id = ?"

#define STAFF_OPTIONS                                                          \
	"JOIN staff s ON s.id = si.staff_id AND s.active = 1 "                 \
	"JOIN staff_role sr ON sr.staff_id = s.id "                            \
	"AND sr.role = 'insatspersonal' "

/* The participant list's orders (enum participation_sort times two, plus
 * one for descending: paging_order()), the same number ten times as
 * parameters; then by name. Nothing from the request reaches the text. */
#define PART_NAME "CONCAT(pe.last_name, ' ', pe.first_name)"
#define PART_ORDER                                                             \
	"ORDER BY CASE WHEN ? = 1 THEN " PART_NAME " END DESC, "               \
	"CASE WHEN ? = 2 THEN i.short_name END, "                              \
	"CASE WHEN ? = 3 THEN i.short_name END DESC, "                         \
	"CASE WHEN ? = 4 THEN p.start_date END, "                              \
	"CASE WHEN ? = 5 THEN p.start_date END DESC, "                         \
	"CASE WHEN ? = 6 THEN p.planned_end_date END, "                        \
	"CASE WHEN ? = 7 THEN p.planned_end_date END DESC, "                   \
	"CASE WHEN ? = 8 THEN s.display_name END, "                            \
	"CASE WHEN ? = 9 THEN s.display_name END DESC, "                       \
	"CASE WHEN ? >= 0 THEN " PART_NAME " END, p.id"

const struct db_query sql_participation[SQL_PARTICIPATION__MAX] = {
	[SQL_PARTICIPATION_MY_INSATSER] = { "SELECT i.id AS id, i.name AS name, "
	                                    "IFNULL(i.places, '') AS places, " INSKRIVNA(
	                                        "i.id") " AS inskrivna FROM staff_insats si "
	                                                "JOIN insats i ON i.id = si.insats_id "
	                                                "WHERE si.staff_id = ? AND i.active = 1 ORDER BY i.name",
	    1, .ncols = 4, .nparams = 1, .rec = &my_insats_record },
	[SQL_PARTICIPATION_INBOX] = { "SELECT r.id AS id, r.status AS status, "
	                              "IFNULL(DATE_FORMAT(r.submitted_at, '%Y-%m-%d %H:%i'), '') AS submitted, "
	                              "pe.first_name AS first_name, pe.last_name AS last_name, "
	                              "pe.gender AS gender, pn.birth_year AS birth_year, i.name AS insats, "
	                              "s.display_name AS remittent, o.name AS org, "
	                              "IF(r.status = 'vantelista', IFNULL(DATE_FORMAT(r.decided_at, "
	                              "'%Y-%m-%d %H:%i'), ''), '') AS waiting_since "
	                              "FROM referral r " JOIN_REFERRAL_PERSON
	                              "JOIN insats i ON i.id = r.insats_id "
	                              "JOIN staff s ON s.id = r.remittent_id "
	                              "JOIN organisation o ON o.id = r.organisation_id "
	                              "WHERE r.status IN ('inskickad', 'vantelista') "
	                              "AND r.gallrad_at IS NULL "
	                              "AND r.insats_id IN " MY_INSATSER " "
	                              "ORDER BY r.submitted_at IS NULL, r.submitted_at, r.id LIMIT 1000",
	    1, .ncols = 11, .nparams = 1, .rec = &inbox_row_record },
	[SQL_PARTICIPATION_REFERRAL_GET] = { REFERRAL_GET_SQL, 1, .ncols = 43,
	    .nparams = 1, .rec = &decision_referral_record },
	[SQL_PARTICIPATION_REFERRAL_INCOME] = { "SELECT '' AS phase, c.code AS code, c.label AS label, "
	                                        "c.sus_code IS NOT NULL AS has_sus, "
	                                        "IFNULL(ri.extent_percent, '') AS extent FROM referral_income ri "
	                                        "JOIN code_income c ON c.code = ri.income_code "
	                                        "WHERE ri.referral_id = ? ORDER BY c.sort_order",
	    1, .ncols = 5, .nparams = 1, .rec = &participation_income_record },
	[SQL_PARTICIPATION_REFERRAL_COREMITTENTS] = { "SELECT c.name AS name, o.name AS org, c.contact AS contact "
	                                              "FROM referral_coremittent c "
	                                              "JOIN organisation o ON o.id = c.organisation_id "
	                                              "WHERE c.referral_id = ? ORDER BY c.id",
	    1, .ncols = 3, .nparams = 1, .rec = &referral_coremittent_record },
	[SQL_PARTICIPATION_INSATS_STAFF] = { "SELECT s.id AS id, s.display_name AS name "
	                                     "FROM staff_insats si " STAFF_OPTIONS
	                                     "WHERE si.insats_id = ? ORDER BY s.display_name, s.id",
	    1, .ncols = 2, .nparams = 1, .rec = &staff_option_record },
	[SQL_PARTICIPATION_COLLEAGUES] = { "SELECT DISTINCT s.id AS id, s.display_name AS name "
	                                   "FROM staff_insats si " STAFF_OPTIONS
	                                   "WHERE si.insats_id IN " MY_INSATSER
	                                   " ORDER BY s.display_name, s.id",
	    1, .ncols = 2, .nparams = 1, .rec = &staff_option_record },
	[SQL_PARTICIPATION_CODES] = { "SELECT list, code, label, active, has_sus FROM (" CODES_ALL
	                              ") k ORDER BY list, sort_order, code",
	    1, .ncols = 5, .nparams = 0, .rec = &code_row_record },
	[SQL_PARTICIPATION_REFERRAL_LOCK] = { "SELECT r.status AS status, r.version AS version, "
	                                      "r.decision_reason AS decision_reason, "
	                                      "IFNULL(r.advise_against_code, '') AS advise_code, "
	                                      "r.gallrad_at IS NOT NULL AS gallrad "
	                                      "FROM referral r WHERE r.id = ? FOR UPDATE",
	    0, .ncols = 5, .nparams = 1, .rec = &referral_lock_record },
	[SQL_PARTICIPATION_INSATS_LOCK] = { "SELECT IFNULL(i.places, '') AS places, " INSKRIVNA(
	                                        "i.id") " AS inskrivna FROM insats i WHERE i.id = ? FOR UPDATE",
	    0, .ncols = 2, .nparams = 1, .rec = &insats_occupancy_record },
	[SQL_PARTICIPATION_REFERRAL_DECIDE] = { "UPDATE referral SET status = ?, decided_at = UTC_TIMESTAMP(), "
	                                        "decided_by = ?, decision_reason = ?, advise_against_code = ?, "
	                                        "version = version + 1 "
	                                        "WHERE id = ? AND version = ? AND status IN ('inskickad', 'vantelista')",
	    0, .ncols = 0, .nparams = 6 },
	[SQL_PARTICIPATION_INSERT] = { "INSERT INTO participation (referral_id, person_id, insats_id, status, "
	                               "start_date, planned_end_date, contact_id, hours_per_week, "
	                               "occupation_before_code) VALUES (?, ?, ?, 'inskriven', ?, ?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 8 },
	[SQL_PARTICIPATION_LIST] = { "SELECT p.id AS id, pe.first_name AS first_name, pe.last_name AS last_name, "
	                             "pe.gender AS gender, i.short_name AS insats, p.status AS status, "
	                             "p.start_date AS start_date, IFNULL(p.planned_end_date, '') AS planned_end, "
	                             "IFNULL(p.end_date, '') AS end_date, IFNULL(s.display_name, '') AS contact, "
	                             "IFNULL(p.summary_due_date, '') AS summary_due, " OVERDUE_SQL_MASK
	                             " AS overdue, p.summary_sent_at IS NOT NULL AS summary_sent, "
	                             "COUNT(*) OVER () AS total "
	                             "FROM participation p "
	                             "JOIN participation_person pe ON pe.participation_id = p.id "
	                             "JOIN insats i ON i.id = p.insats_id "
	                             "LEFT JOIN staff s ON s.id = p.contact_id "
	                             "WHERE p.insats_id IN " MY_INSATSER " "
	                             "AND p.gallrad_at IS NULL "
	                             "AND (? = 0 OR p.insats_id = ?) "
	                             "AND (? = '' OR p.status = ?) "
	                             "AND (? = 0 OR p.contact_id = ?) "
	                             "AND (? = '' OR pe.gender = ?) "
	                             "AND (? = 0 OR (" OVERDUE_SQL_MASK
	                             " & ?) <> 0) " PART_ORDER
	                             " LIMIT 50 OFFSET ?",
	    1, .ncols = 14, .nparams = 28, .rec = &participation_row_record },
	[SQL_PARTICIPATION_SEARCH] = { "SELECT r.id AS referral_id, r.status AS referral_status, "
	                               "IFNULL(p.id, '') AS participation_id, IFNULL(p.status, '') AS status, "
	                               "i.name AS insats, "
	                               "IFNULL(DATE_FORMAT(r.submitted_at, '%Y-%m-%d %H:%i'), '') AS submitted, "
	                               "IFNULL(p.start_date, '') AS start_date, IFNULL(p.end_date, '') AS end_date, "
	                               "IFNULL(pp.first_name, rp.first_name) AS first_name, "
	                               "IFNULL(pp.last_name, rp.last_name) AS last_name "
	                               "FROM person pn JOIN referral r ON r.person_id = pn.id "
	                               "JOIN referral_person rp ON rp.referral_id = r.id "
	                               "JOIN insats i ON i.id = r.insats_id "
	                               "LEFT JOIN participation p ON p.referral_id = r.id "
	                               "LEFT JOIN participation_person pp ON pp.participation_id = p.id "
	                               "WHERE r.insats_id IN " MY_INSATSER " "
	                               "AND pn.personnummer = ? AND r.status <> 'utkast' "
	                               "AND r.gallrad_at IS NULL "
	                               "AND (r.status <> 'aterkallad' OR r.submitted_at IS NOT NULL) "
	                               "ORDER BY r.submitted_at DESC, r.id DESC",
	    1, .ncols = 10, .nparams = 2, .rec = &participation_hit_record },
	[SQL_PARTICIPATION_SEARCH_NAME] = { "SELECT r.id AS referral_id, r.status AS referral_status, "
	                                    "IFNULL(p.id, '') AS participation_id, IFNULL(p.status, '') AS status, "
	                                    "i.name AS insats, "
	                                    "IFNULL(DATE_FORMAT(r.submitted_at, '%Y-%m-%d %H:%i'), '') AS submitted, "
	                                    "IFNULL(p.start_date, '') AS start_date, IFNULL(p.end_date, '') AS end_date, "
	                                    "IFNULL(pp.first_name, rp.first_name) AS first_name, "
	                                    "IFNULL(pp.last_name, rp.last_name) AS last_name "
	                                    "FROM referral r "
	                                    "JOIN referral_person rp ON rp.referral_id = r.id "
	                                    "JOIN insats i ON i.id = r.insats_id "
	                                    "LEFT JOIN participation p ON p.referral_id = r.id "
	                                    "LEFT JOIN participation_person pp ON pp.participation_id = p.id "
	                                    "WHERE r.insats_id IN " MY_INSATSER
	                                    " "
	                                    "AND r.status <> 'utkast' AND r.gallrad_at IS NULL "
	                                    "AND (r.status <> 'aterkallad' OR r.submitted_at IS NOT NULL) "
	                                    "AND (CONCAT(rp.first_name, ' ', rp.last_name) LIKE ? "
	                                    "OR CONCAT(IFNULL(pp.first_name, ''), ' ', IFNULL(pp.last_name, '')) LIKE ?) "
	                                    "ORDER BY r.submitted_at DESC, r.id DESC LIMIT 101",
	    1, .ncols = 10, .nparams = 3, .rec = &participation_hit_record },
	[SQL_PARTICIPATION_CODE_LABELS] = { CODE_LABELS_SQL, 1, .ncols = 7,
	    .nparams = 0, .rec = &code_label_row_record },
	[SQL_PARTICIPATION_GET] = { GET_SQL, 1, .ncols = 51 + SUS_FACTS_NCOLS,
	    .nparams = 3, .rec = &participation_record },
	[SQL_PARTICIPATION_ITEMS] = { ITEMS_SQL(""), 1, .ncols = 9,
	    .nparams = 25, .rec = &participation_item_record },
	[SQL_PARTICIPATION_ITEMS_FORMS] = { ITEMS_SQL(CODE_ITEMS), 1,
	    .ncols = 9, .nparams = 25, .rec = &participation_item_record },
	[SQL_PARTICIPATION_HISTORY_OLDER] = { HISTORY_OLDER_SQL, 1, .ncols = 9,
	    .nparams = 3, .rec = &participation_item_record },
	[SQL_PARTICIPATION_ACTIVITIES] = { "SELECT activity AS activity, hours_per_week AS hours "
	                                   "FROM participation_activity "
	                                   "WHERE participation_id = ? ORDER BY sort_order, id",
	    1, .ncols = 2, .nparams = 1,
	    .rec = &participation_activity_record },
	[SQL_PARTICIPATION_INCOMES] = { "SELECT phase, code, label, has_sus, extent FROM ("
	                                "SELECT 'fore' AS phase, c.code, c.label, "
	                                "c.sus_code IS NOT NULL AS has_sus, "
	                                "IFNULL(ri.extent_percent, '') AS extent, c.sort_order FROM referral_income ri "
	                                "JOIN code_income c ON c.code = ri.income_code WHERE ri.referral_id = ? "
	                                "UNION ALL SELECT 'efter', c.code, c.label, c.sus_code IS NOT NULL, "
	                                "IFNULL(a.extent_percent, ''), "
	                                "c.sort_order FROM participation_income_after a "
	                                "JOIN code_income c ON c.code = a.income_code "
	                                "WHERE a.participation_id = ?) u "
	                                "ORDER BY phase DESC, sort_order, code",
	    1, .ncols = 5, .nparams = 2, .rec = &participation_income_record },
	[SQL_PARTICIPATION_WHO_LOOKED] = { LOOKED_NEWEST, 1, .ncols = 7,
	    .nparams = 6, .rec = &participation_access_record },
	[SQL_PARTICIPATION_WHO_LOOKED_OLDER] = { LOOKED_PAGE("<", "DESC"), 1,
	    .ncols = 7, .nparams = 7, .rec = &participation_access_record },
	[SQL_PARTICIPATION_WHO_LOOKED_NEWER] = { LOOKED_PAGE(">", "ASC"), 1,
	    .ncols = 7, .nparams = 7, .rec = &participation_access_record },
	[SQL_PARTICIPATION_LOCK] = { "SELECT p.version AS version, p.status AS status, "
	                             "p.summary_sent_at IS NOT NULL AS summary_sent, "
	                             "pn.personnummer AS personnummer, r.version AS ref_version, "
	                             "pe.version AS person_version, "
	                             "(p.gallrad_at IS NOT NULL "
	                             "OR r.gallrad_at IS NOT NULL) AS gallrad "
	                             "FROM participation p " JOIN_PARTICIPATION_PERSON
	                             "JOIN referral r ON r.id = p.referral_id "
	                             "WHERE p.id = ? FOR UPDATE",
	    0, .ncols = 7, .nparams = 1, .rec = &participation_lock_record },
	[SQL_PARTICIPATION_ACTIVITIES_DELETE] = { "DELETE FROM participation_activity WHERE participation_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_PARTICIPATION_ACTIVITY_INSERT] = { "INSERT INTO participation_activity (participation_id, activity, "
	                                        "hours_per_week, sort_order) VALUES (?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 4 },
	[SQL_PARTICIPATION_SET_PLAN] = { "UPDATE participation SET hours_per_week = ?, version = version + 1 "
	                                 "WHERE id = ? AND version = ? AND status = 'inskriven'",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_PARTICIPATION_EXTENSION_INSERT] = { "INSERT INTO participation_extension (participation_id, old_planned_end, "
	                                         "new_planned_end, reason, staff_id, at) "
	                                         "VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())",
	    0, .ncols = 0, .nparams = 5 },
	[SQL_PARTICIPATION_SET_PLANNED_END] = { "UPDATE participation SET planned_end_date = ?, version = version + 1 "
	                                        "WHERE id = ? AND version = ? AND status = 'inskriven'",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_PARTICIPATION_SET_END] = { "UPDATE participation SET status = ?, end_date = ?, end_reason_code = ?, "
	                                "occupation_after_code = ?, summary_due_date = ?, version = version + 1 "
	                                "WHERE id = ? AND version = ? AND status = 'inskriven'",
	    0, .ncols = 0, .nparams = 7 },
	[SQL_PARTICIPATION_INCOME_AFTER_DELETE] = { "DELETE FROM participation_income_after WHERE participation_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_PARTICIPATION_INCOME_AFTER_INSERT] = { "INSERT INTO participation_income_after (participation_id, income_code) "
	                                            "VALUES (?, ?)",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_PARTICIPATION_PERSON_COPY] = { "INSERT INTO participation_person (participation_id, " PERSON_FIELDS
	                                    ") SELECT ?, " PERSON_FIELDS
	                                    " FROM referral_person WHERE referral_id = ?",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_PARTICIPATION_PERSON_GET] = { PERSON_RECORD "WHERE p.id = ?", 1,
	    .ncols = 16, .nparams = 1, .rec = &participation_person_record },
	[SQL_PARTICIPATION_PERSON_LOCK] = { PERSON_RECORD
	    "WHERE p.id = ? FOR UPDATE",
	    0, .ncols = 16, .nparams = 1, .rec = &participation_person_record },
	[SQL_PARTICIPATION_PERSON_UPDATE] = { "UPDATE participation_person SET first_name = ?, last_name = ?, "
	                                      "gender = ?, address = ?, postal_code = ?, city = ?, phone = ?, "
	                                      "home_municipality = ?, interpreter_needed = ?, "
	                                      "interpreter_language = ?, protected_identity = ?, "
	                                      "version = version + 1 WHERE participation_id = ? AND version = ?",
	    0, .ncols = 0, .nparams = 13 },
	[SQL_PARTICIPATION_SET_TARGET_GROUP] = { "UPDATE participation SET target_group = ?, "
	                                         "version = version + 1 WHERE id = ? AND version = ? "
	                                         "AND status IN ('inskriven', 'avslutad')",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_PARTICIPATION_INBOX_PAGE] = { INBOX_PAGE_SQL, 1, .ncols = 15,
	    .nparams = 20, .rec = &inbox_page_row_record },
};
