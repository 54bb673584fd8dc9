/* sql_referral.c: statements of the referral module; see
 * include/sql_referral.h. */
#include <stddef.h>

#include "person.h"
#include "referral.h"
#include "referral_decision.h"
#include "referral_dup.h"
#include "sql_access.h"
#include "participant_list.h"
#include "sql_participant_list.h"
#include "sql_participation.h"
#include "sql_referral.h"

static const struct db_field lock_fields[] = {
	DB_FIELD(referral_lock_row, version, "version", DB_F_INT),
	DB_FIELD(referral_lock_row, status, "status", DB_F_STR),
	DB_FIELD(referral_lock_row, gallrad, "gallrad", DB_F_BOOL),
};
static const struct db_record lock_record =
    DB_RECORD(referral_lock_row, lock_fields);

static const struct db_field id_fields[] = {
	DB_FIELD(referral_num, n, "id", DB_F_INT),
};
static const struct db_record id_record = DB_RECORD(referral_num, id_fields);

static const struct db_field email_fields[] = {
	DB_FIELD(referral_text, s, "email", DB_F_STR),
};
static const struct db_record email_record =
    DB_RECORD(referral_text, email_fields);

static const struct db_field pnr_fields[] = {
	DB_FIELD(referral_text, s, "personnummer", DB_F_STR),
};
static const struct db_record pnr_record = DB_RECORD(referral_text, pnr_fields);

/* The person as this referral's remittent recorded them (sql/0022): the
 * parameters of the two referral_person statements, in the order of enum
 * contact_field. */
#define RPERSON_FIELDS                                                         \
	"first_name, last_name, gender, address, postal_code, city, phone, "   \
	"home_municipality, interpreter_needed, interpreter_language, "        \
	"protected_identity"

/* "Parent – Unit", or the name of a top-level organisation. */
#define ORG_LABEL "CONCAT_WS(' – ', po.name, o.name)"

/* The list columns (struct referral_row) and the rule of who reaches a
 * referral; the parameters are the caller's staff id three times (the
 * ways), the caller's organisation three times (the waiver), then the
 * caller's staff id three times (the rule again, so the indexes serve
 * it). */
#define LIST_COLS                                                                \
	"SELECT r.id, r.status, i.short_name AS insats, rp.first_name, "         \
	"rp.last_name, IFNULL(DATE_FORMAT(r.visa_date, '%Y-%m-%d'), '') AS "     \
	"visa_date, DATE_FORMAT(r.created_at, '%Y-%m-%d %H:%i') "                \
	"AS created, IFNULL(DATE_FORMAT(r.submitted_at, '%Y-%m-%d %H:%i'), "     \
	"'') AS submitted, "                                                     \
	"IFNULL(DATE_FORMAT(r.decided_at, '%Y-%m-%d %H:%i'), '') AS decided, "   \
	"COUNT(*) OVER () AS total, "                                            \
	"r.remittent_id = ? AS own, "                                            \
	"EXISTS (SELECT 1 FROM referral_coremittent c WHERE c.referral_id = "    \
	"r.id AND c.staff_id = ?) AS co, "                                       \
	"(o.share_within_unit = 1 AND r.organisation_id = (SELECT "              \
	"organisation_id FROM staff WHERE id = ?)) AS unit, "                    \
	"s.display_name AS remittent, " ACCESS_SQL_WAIVER " AS waiver "          \
	"FROM referral r JOIN person p ON p.id = r.person_id "                   \
	"JOIN referral_person rp ON rp.referral_id = r.id "                      \
	"JOIN insats i ON i.id = r.insats_id "                                   \
	"JOIN organisation o ON o.id = r.organisation_id "                       \
	"JOIN staff s ON s.id = r.remittent_id "                                 \
	"WHERE (r.remittent_id = ? OR EXISTS (SELECT 1 FROM "                    \
	"referral_coremittent c WHERE c.referral_id = r.id AND c.staff_id = ?) " \
	"OR (o.share_within_unit = 1 AND r.organisation_id = "                   \
	"(SELECT organisation_id FROM staff WHERE id = ?))) "                    \
	"AND r.gallrad_at IS NULL "

/* Another referral of one person to one insats (referral_dup.h). */
#define DUP_COLS                                                               \
	"SELECT r.id, r.status, i.name AS insats, "                            \
	"DATE_FORMAT(r.created_at, '%Y-%m-%d %H:%i') AS created, "             \
	"IFNULL(DATE_FORMAT(r.submitted_at, '%Y-%m-%d %H:%i'), '') "           \
	"AS submitted, "                                                       \
	"IFNULL(pa.id, '') AS participation_id, "                              \
	"IFNULL(pa.status, '') AS participation_status, "                      \
	"IFNULL(DATE_FORMAT(pa.start_date, '%Y-%m-%d'), '') AS start_date, "
#define DUP_FROM                                                               \
	"FROM referral r JOIN person p ON p.id = r.person_id "                 \
	"JOIN insats i ON i.id = r.insats_id "                                 \
	"JOIN organisation o ON o.id = r.organisation_id "                     \
	"LEFT JOIN participation pa ON pa.referral_id = r.id "
#define DUP_WHERE                                                              \
	"AND p.personnummer = ? AND r.insats_id = ? AND r.id <> ? "            \
	"ORDER BY r.created_at DESC, r.id DESC LIMIT 50"

/* The remittent list's orders (enum referral_sort, times two, plus one
 * for descending: paging_order()): one CASE each, the same number ten
 * times as parameters. Nothing from the request reaches the text. */
#define REF_ORDER                                                              \
	"ORDER BY CASE WHEN ? = 0 THEN r.updated_at END, "                     \
	"CASE WHEN ? = 1 THEN r.updated_at END DESC, "                         \
	"CASE WHEN ? = 2 THEN CONCAT(rp.last_name, ' ', rp.first_name) END, "  \
	"CASE WHEN ? = 3 THEN CONCAT(rp.last_name, ' ', rp.first_name) END "   \
	"DESC, CASE WHEN ? = 4 THEN i.short_name END, "                        \
	"CASE WHEN ? = 5 THEN i.short_name END DESC, "                         \
	"CASE WHEN ? = 6 THEN r.created_at END, "                              \
	"CASE WHEN ? = 7 THEN r.created_at END DESC, "                         \
	"CASE WHEN ? = 8 THEN r.submitted_at END, "                            \
	"CASE WHEN ? = 9 THEN r.submitted_at END DESC, r.id DESC"

const struct db_query sql_referral[SQL_REFERRAL__MAX] = {
	[SQL_REFERRAL_INSATS_CHOICES] = { "SELECT i.id, i.name, EXISTS (SELECT 1 FROM staff_insats si "
	                                  "JOIN staff s ON s.id = si.staff_id WHERE si.insats_id = i.id "
	                                  "AND s.active = 1) AS staffed FROM insats i WHERE i.active = 1 "
	                                  "AND i.direction = 'individ' AND i.forbund_id = :forbund "
	                                  "ORDER BY i.name",
	    1, .ncols = 3, .nparams = 0,
	    .rec = &referral_insats_choice_record },
	[SQL_REFERRAL_CODE_EDUCATION] = { "SELECT code, label, active FROM code_education ORDER BY sort_order, code",
	    1, .ncols = 3, .nparams = 0, .rec = &referral_code_record },
	[SQL_REFERRAL_CODE_INCOME] = { "SELECT code, label, active FROM code_income ORDER BY sort_order, code",
	    1, .ncols = 3, .nparams = 0, .rec = &referral_code_record },
	[SQL_REFERRAL_CODE_SUPPORT_TIME] = { "SELECT code, label, active FROM code_support_time ORDER BY sort_order, code",
	    1, .ncols = 3, .nparams = 0, .rec = &referral_code_record },
	[SQL_REFERRAL_ORG_CHOICES] = { "SELECT o.id, " ORG_LABEL
	                               " AS label FROM organisation o "
	                               "LEFT JOIN organisation po ON po.id = o.parent_id "
	                               "WHERE o.forbund_id = :forbund AND o.active = 1 "
	                               "AND (po.id IS NULL OR po.active = 1) "
	                               "ORDER BY IFNULL(po.name, o.name), o.parent_id IS NOT NULL, o.name",
	    1, .ncols = 2, .nparams = 0, .rec = &referral_org_choice_record },
	[SQL_REFERRAL_ORG_NAME] = { "SELECT o.id, " ORG_LABEL
	                            " AS label FROM organisation o "
	                            "LEFT JOIN organisation po ON po.id = o.parent_id WHERE o.id = ? "
	                            "AND o.forbund_id = :forbund",
	    1, .ncols = 2, .nparams = 1, .rec = &referral_org_choice_record },
	[SQL_REFERRAL_STAFF_EMAIL] = { "SELECT IFNULL(email, '') AS email FROM staff WHERE id = ?",
	    1, .ncols = 1, .nparams = 1, .rec = &email_record },
	[SQL_REFERRAL_REMITTENT_BY_USERNAME] = { "SELECT s.id FROM staff s JOIN staff_role sr "
	                                         "ON sr.staff_id = s.id AND sr.role = 'remittent' "
	                                         "WHERE s.username = ? AND s.active = 1 "
	                                         "AND s.forbund_id = :forbund",
	    1, .ncols = 1, .nparams = 1, .rec = &id_record },
	/* Only the link: nothing anybody recorded about the person is read
	 * by personnummer. Locked, so two first referrals of one person
	 * serialise here instead of racing to insert. */
	[SQL_REFERRAL_PERSON_FIND] = { "SELECT id FROM person WHERE personnummer = ? FOR UPDATE",
	    0, .ncols = 1, .nparams = 1, .rec = &person_id_record },
	[SQL_REFERRAL_PERSON_INSERT] = { "INSERT INTO person (personnummer, id_kind, birth_year) "
	                                 "VALUES (?, ?, ?)",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_REFERRAL_RPERSON_INSERT] = { "INSERT INTO referral_person (" RPERSON_FIELDS
	                                  ", referral_id) "
	                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 12 },
	[SQL_REFERRAL_RPERSON_UPDATE] = { "UPDATE referral_person SET first_name = ?, last_name = ?, "
	                                  "gender = ?, address = ?, postal_code = ?, city = ?, phone = ?, "
	                                  "home_municipality = ?, interpreter_needed = ?, "
	                                  "interpreter_language = ?, protected_identity = ? "
	                                  "WHERE referral_id = ?",
	    0, .ncols = 0, .nparams = 12 },
	[SQL_REFERRAL_INSERT] = { "INSERT INTO referral (person_id, insats_id, remittent_id, "
	                          "organisation_id, status, visa_date, sick_leave_percent, employed, "
	                          "employer, employer_rehab_responsibility, support_time_code, "
	                          "education_code, background, own_goals, needs, tried_before, "
	                          "consent_at_visa, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
	                          "?, ?, ?, ?, ?, ?, ?, ?, IF(? = 1, UTC_TIMESTAMP(), NULL))",
	    0, .ncols = 0, .nparams = 18 },
	[SQL_REFERRAL_GET] = { "SELECT r.id, r.status, r.insats_id, i.name AS insats, "
	                       "r.remittent_id, rs.display_name AS remittent, "
	                       "IFNULL(rs.email, '') AS remittent_email, r.organisation_id, "
	                       "o.name AS organisation, IFNULL(po.name, '') AS organisation_parent, "
	                       "IFNULL(DATE_FORMAT(r.visa_date, '%Y-%m-%d'), '') AS visa_date, "
	                       "IFNULL(r.sick_leave_percent, '') AS sick_leave_percent, "
	                       "r.employed, r.employer, r.employer_rehab_responsibility, "
	                       "IFNULL(r.support_time_code, '') AS support_time_code, "
	                       "IFNULL(st.label, '') AS support_time, "
	                       "IFNULL(r.education_code, '') AS education_code, "
	                       "IFNULL(ed.label, '') AS education, r.background, r.own_goals, "
	                       "r.needs, r.tried_before, "
	                       "DATE_FORMAT(r.created_at, '%Y-%m-%d %H:%i') AS created, "
	                       "IFNULL(DATE_FORMAT(r.submitted_at, '%Y-%m-%d %H:%i'), '') AS submitted, "
	                       "IFNULL(DATE_FORMAT(r.decided_at, '%Y-%m-%d %H:%i'), '') AS decided, "
	                       "IFNULL(ds.display_name, '') AS decided_by, r.decision_reason, "
	                       "IFNULL(aa.label, '') AS advise_against, "
	                       "IFNULL(DATE_FORMAT(r.withdrawn_at, '%Y-%m-%d %H:%i'), '') AS withdrawn, "
	                       "r.withdrawn_reason, r.version, "
	                       "r.person_id, p.personnummer, p.id_kind, p.birth_year, "
	                       "rp.first_name, rp.last_name, rp.gender, rp.address, "
	                       "rp.postal_code, rp.city, rp.phone, rp.home_municipality, "
	                       "rp.interpreter_needed, rp.interpreter_language, "
	                       "rp.protected_identity, r.consent_at_visa, " ACCESS_SQL_WAIVER
	                       " AS waiver "
	                       "FROM referral r JOIN person p ON p.id = r.person_id "
	                       "JOIN referral_person rp ON rp.referral_id = r.id "
	                       "JOIN insats i ON i.id = r.insats_id "
	                       "JOIN staff rs ON rs.id = r.remittent_id "
	                       "JOIN organisation o ON o.id = r.organisation_id "
	                       "LEFT JOIN organisation po ON po.id = o.parent_id "
	                       "LEFT JOIN code_support_time st ON st.code = r.support_time_code "
	                       "LEFT JOIN code_education ed ON ed.code = r.education_code "
	                       "LEFT JOIN staff ds ON ds.id = r.decided_by "
	                       "LEFT JOIN code_advise_against aa ON aa.code = r.advise_against_code "
	                       "WHERE r.id = ?",
	    1, .ncols = 49, .nparams = 4, .rec = &referral_record },
	[SQL_REFERRAL_LOCK] = { "SELECT version, status, gallrad_at IS NOT NULL AS gallrad "
	                        "FROM referral WHERE id = ? FOR UPDATE",
	    0, .ncols = 3, .nparams = 1, .rec = &lock_record },
	[SQL_REFERRAL_UPDATE] = { "UPDATE referral SET insats_id = ?, visa_date = ?, "
	                          "sick_leave_percent = ?, employed = ?, employer = ?, "
	                          "employer_rehab_responsibility = ?, support_time_code = ?, "
	                          "education_code = ?, background = ?, own_goals = ?, needs = ?, "
	                          "tried_before = ?, consent_at_visa = ?, status = ?, "
	                          "submitted_at = IF(? = 1, UTC_TIMESTAMP(), submitted_at), "
	                          "version = version + 1 "
	                          "WHERE id = ? AND version = ? AND status IN ('utkast', 'aterford')",
	    0, .ncols = 0, .nparams = 17 },
	[SQL_REFERRAL_INCOME_LIST] = { "SELECT ri.income_code AS code, c.label FROM referral_income ri "
	                               "JOIN code_income c ON c.code = ri.income_code "
	                               "WHERE ri.referral_id = ? ORDER BY c.sort_order, c.code",
	    1, .ncols = 2, .nparams = 1, .rec = &referral_income_record },
	[SQL_REFERRAL_INCOME_DELETE] = { "DELETE FROM referral_income WHERE referral_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_REFERRAL_INCOME_ADD] = { "INSERT INTO referral_income (referral_id, income_code) VALUES (?, ?)",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_REFERRAL_COREM_LIST] = { "SELECT c.organisation_id, c.name, c.contact, "
	                              "IFNULL(s.username, '') AS username, o.name AS org, "
	                              "IFNULL(po.name, '') AS org_parent, " ORG_LABEL
	                              " AS org_label "
	                              "FROM referral_coremittent c "
	                              "JOIN organisation o ON o.id = c.organisation_id "
	                              "LEFT JOIN organisation po ON po.id = o.parent_id "
	                              "LEFT JOIN staff s ON s.id = c.staff_id "
	                              "WHERE c.referral_id = ? ORDER BY c.id",
	    1, .ncols = 7, .nparams = 1, .rec = &referral_corem_record },
	[SQL_REFERRAL_COREM_DELETE] = { "DELETE FROM referral_coremittent WHERE referral_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_REFERRAL_COREM_ADD] = { "INSERT INTO referral_coremittent (referral_id, staff_id, "
	                             "organisation_id, name, contact) VALUES (?, ?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 5 },
	[SQL_REFERRAL_LIST] = { LIST_COLS
	    "AND (? = '' OR r.status = ?) "
	    /* With a status, a row shown as existing only would tell its
	     * decision: the masks of the row's ways (from
	     * include/visibility.h: own, medremittent, unit) leave it out
	     * here, before the LIMIT. */
	    "HAVING (((IF(own, ?, 0) | IF(co, ?, 0) | IF(unit, ?, 0)) "
	    ">> waiver) & 1) = 1 " REF_ORDER " LIMIT 50 OFFSET ?",
	    1, .ncols = 15, .nparams = 25, .rec = &referral_row_record },
	[SQL_REFERRAL_SEARCH] = { LIST_COLS
	    "AND p.personnummer = ? "
	    /* A hit ties the personnummer typed to the row's name: the masks
	     * of the row's ways (referral_search() decides them) keep only the
	     * rows that may be found. */
	    "HAVING (((IF(own, ?, 0) | IF(co, ?, 0) | IF(unit, ?, 0)) "
	    ">> waiver) & 1) = 1 "
	    "ORDER BY r.created_at DESC, r.id DESC LIMIT 501",
	    1, .ncols = 15, .nparams = 13, .rec = &referral_row_record },
	[SQL_REFERRAL_PNR] = { "SELECT p.personnummer FROM referral r "
	                       "JOIN person p ON p.id = r.person_id WHERE r.id = ?",
	    0, .ncols = 1, .nparams = 1, .rec = &pnr_record },
	[SQL_REFERRAL_WITHDRAW] = { "UPDATE referral SET status = 'aterkallad', "
	                            "withdrawn_at = UTC_TIMESTAMP(), withdrawn_reason = ?, "
	                            "version = version + 1 WHERE id = ? AND version = ? "
	                            "AND status IN ('utkast', 'inskickad', 'vantelista', 'aterford')",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_REFERRAL_DUP_REMITTENT] = { DUP_COLS
	    "r.remittent_id = ? AS own, EXISTS (SELECT 1 FROM "
	    "referral_coremittent c WHERE c.referral_id = r.id AND "
	    "c.staff_id = ?) AS co, (o.share_within_unit = 1 AND "
	    "r.organisation_id = (SELECT organisation_id FROM staff WHERE "
	    "id = ?)) AS unit, " ACCESS_SQL_WAIVER " AS waiver " DUP_FROM
	    "WHERE (r.remittent_id = ? OR EXISTS (SELECT 1 FROM "
	    "referral_coremittent c WHERE c.referral_id = r.id AND "
	    "c.staff_id = ?) OR (o.share_within_unit = 1 AND "
	    "r.organisation_id = (SELECT organisation_id FROM staff WHERE "
	    "id = ?))) " DUP_WHERE,
	    1, .ncols = 12, .nparams = 12, .rec = &referral_dup_record },
	[SQL_REFERRAL_DUP_INSATS] = { DUP_COLS
	    "0 AS own, 0 AS co, 0 AS unit, 0 AS waiver " DUP_FROM
	    "WHERE " ACCESS_SQL_INSATS_WAY " " DUP_WHERE,
	    1, .ncols = 12, .nparams = 4, .rec = &referral_dup_record },
	[SQL_REFERRAL_INSATS_OCCUPANCY] = { "SELECT IFNULL(i.places, '') AS places, " SQL_INSATS_INSKRIVNA(
	                                        "i.id") " AS inskrivna FROM insats i WHERE i.id = ? "
	                                                "AND i.forbund_id = :forbund",
	    1, .ncols = 2, .nparams = 1, .rec = &insats_occupancy_record },
	[SQL_REFERRAL_PLIST_OPTIONS] = { sql_plist_options, 1, .ncols = 4,
	    .nparams = 9, .rec = &participant_list_option_record },
	[SQL_REFERRAL_PLIST_NAME_ASC] = { sql_plist_name_asc, 1, .ncols = 14,
	    .nparams = 127, .rec = &participation_row_record },
	[SQL_REFERRAL_PLIST_NAME_DESC] = { sql_plist_name_desc, 1, .ncols = 14,
	    .nparams = 127, .rec = &participation_row_record },
	[SQL_REFERRAL_PLIST_STATUS_ASC] = { sql_plist_status_asc, 1,
	    .ncols = 14, .nparams = 127, .rec = &participation_row_record },
	[SQL_REFERRAL_PLIST_STATUS_DESC] = { sql_plist_status_desc, 1,
	    .ncols = 14, .nparams = 127, .rec = &participation_row_record },
	[SQL_REFERRAL_PLIST_ANY] = { sql_plist_any, 1, .ncols = 14,
	    .nparams = 65, .rec = &participation_row_record },
};
