/* sql_referral.c: statements of the referral pages; see include/sql_referral.h. */
#include "sql_referral.h"

/* The person as this referral's remittent recorded them (sql/0022): the
 * columns RG_FIRST .. RG_PROTECTED of SQL_REFERRAL_GET and the parameters of
 * the two referral_person statements, in this order. */
#define RPERSON_FIELDS                                                         \
	"first_name, last_name, gender, address, postal_code, city, phone, "   \
	"home_municipality, interpreter_needed, interpreter_language, "        \
	"protected_identity"

/* Whether the remittent side from organisation ? (twice: the caller's
 * organisation) may see the details of referral r: the rule of
 * consent_details_visible() in app/consent.c, repeated in SQL for the lists
 * (one correlated subquery instead of two statements per row). No waiver
 * given yet: visible. Else the latest signed waiver must be in force or
 * expired (not revoked, not marked in error) and still name the
 * organisation, or its parent, as an active party. */
#define CONSENT_VISIBLE                                                                \
	"COALESCE((SELECT c.state IN ('aktiv', 'utgangen') AND EXISTS (SELECT 1 FROM " \
	"consent_party cp WHERE cp.consent_id = c.id AND cp.state = 'aktiv' "          \
	"AND cp.organisation_id IS NOT NULL AND (cp.organisation_id = ? OR "           \
	"cp.organisation_id = (SELECT o2.parent_id FROM organisation o2 WHERE "        \
	"o2.id = ?))) FROM consent c WHERE c.referral_id = r.id AND c.kind = "         \
	"'sekretess' AND c.signed_how IS NOT NULL AND c.state IN ('aktiv', "           \
	"'aterkallad', 'utgangen', 'felaktig') "                                       \
	"ORDER BY c.signed_at DESC, c.id DESC LIMIT 1), 1)"

/* The list columns (enum ref_list_col) and the visibility rule; the
 * parameters are the caller's staff id, the caller's organisation twice
 * (CONSENT_VISIBLE), then the caller's staff id three times. */
#define LIST_COLS                                                                \
	"SELECT r.id, r.status, i.short_name, rp.first_name, rp.last_name, "     \
	"IFNULL(DATE_FORMAT(r.visa_date, '%Y-%m-%d'), ''), "                     \
	"DATE_FORMAT(r.created_at, '%Y-%m-%d'), "                                \
	"IFNULL(DATE_FORMAT(r.submitted_at, '%Y-%m-%d'), ''), "                  \
	"IFNULL(DATE_FORMAT(r.decided_at, '%Y-%m-%d'), ''), "                    \
	"r.remittent_id = ?, s.display_name, " CONSENT_VISIBLE " AS vis "        \
	"FROM referral r JOIN person p ON p.id = r.person_id "                   \
	"JOIN referral_person rp ON rp.referral_id = r.id "                      \
	"JOIN insats i ON i.id = r.insats_id "                                   \
	"JOIN organisation o ON o.id = r.organisation_id "                       \
	"JOIN staff s ON s.id = r.remittent_id "                                 \
	"WHERE (r.remittent_id = ? OR EXISTS (SELECT 1 FROM "                    \
	"referral_coremittent c WHERE c.referral_id = r.id AND c.staff_id = ?) " \
	"OR (o.share_within_unit = 1 AND r.organisation_id = "                   \
	"(SELECT organisation_id FROM staff WHERE id = ?))) "

const struct db_query sql_referral[SQL_REFERRAL__MAX] = {
	[SQL_REFERRAL_INSATS_CHOICES] = { "SELECT id, name FROM insats WHERE active = 1 ORDER BY name",
	    1, .ncols = 2, .nparams = 0 },
	[SQL_REFERRAL_CODE_EDUCATION] = { "SELECT code, label, active FROM code_education ORDER BY sort_order, code",
	    1, .ncols = 3, .nparams = 0 },
	[SQL_REFERRAL_CODE_INCOME] = { "SELECT code, label, active FROM code_income ORDER BY sort_order, code",
	    1, .ncols = 3, .nparams = 0 },
	[SQL_REFERRAL_CODE_SUPPORT_TIME] = { "SELECT code, label, active FROM code_support_time ORDER BY sort_order, code",
	    1, .ncols = 3, .nparams = 0 },
	[SQL_REFERRAL_ORG_CHOICES] = { "SELECT o.id, o.name, IFNULL(p.name, '') FROM organisation o "
	                               "LEFT JOIN organisation p ON p.id = o.parent_id "
	                               "WHERE o.active = 1 AND (p.id IS NULL OR p.active = 1) "
	                               "ORDER BY IFNULL(p.name, o.name), o.parent_id IS NOT NULL, o.name",
	    1, .ncols = 3, .nparams = 0 },
	[SQL_REFERRAL_ORG_NAME] = { "SELECT o.name, IFNULL(p.name, '') FROM organisation o "
	                            "LEFT JOIN organisation p ON p.id = o.parent_id WHERE o.id = ?",
	    1, .ncols = 2, .nparams = 1 },
	[SQL_REFERRAL_STAFF_EMAIL] = { "SELECT IFNULL(email, '') FROM staff WHERE id = ?",
	    1, .ncols = 1, .nparams = 1 },
	[SQL_REFERRAL_REMITTENT_BY_USERNAME] = { "SELECT s.id FROM staff s JOIN staff_role sr "
	                                         "ON sr.staff_id = s.id AND sr.role = 'remittent' "
	                                         "WHERE s.username = ? AND s.active = 1",
	    1, .ncols = 1, .nparams = 1 },
	/* Only the link: nothing anybody recorded about the person is read
	 * by personnummer. Locked, so two first referrals of one person
	 * serialise here instead of racing to insert. */
	[SQL_REFERRAL_PERSON_FIND] = { "SELECT id FROM person WHERE personnummer = ? FOR UPDATE",
	    0, .ncols = 1, .nparams = 1 },
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
	[SQL_REFERRAL_GET] = { "SELECT r.id, r.status, r.person_id, r.insats_id, i.name, "
	                       "r.remittent_id, rs.display_name, IFNULL(rs.email, ''), "
	                       "r.organisation_id, o.name, IFNULL(po.name, ''), "
	                       "IFNULL(DATE_FORMAT(r.visa_date, '%Y-%m-%d'), ''), "
	                       "IFNULL(r.sick_leave_percent, ''), r.employed, r.employer, "
	                       "r.employer_rehab_responsibility, IFNULL(r.support_time_code, ''), "
	                       "IFNULL(st.label, ''), IFNULL(r.education_code, ''), "
	                       "IFNULL(ed.label, ''), r.background, r.own_goals, r.needs, "
	                       "r.tried_before, DATE_FORMAT(r.created_at, '%Y-%m-%d %H:%i'), "
	                       "IFNULL(DATE_FORMAT(r.submitted_at, '%Y-%m-%d %H:%i'), ''), "
	                       "IFNULL(DATE_FORMAT(r.decided_at, '%Y-%m-%d %H:%i'), ''), "
	                       "IFNULL(ds.display_name, ''), r.decision_reason, "
	                       "IFNULL(aa.label, ''), r.version, "
	                       "p.personnummer, p.id_kind, p.birth_year, rp.first_name, "
	                       "rp.last_name, rp.gender, rp.address, rp.postal_code, rp.city, "
	                       "rp.phone, rp.home_municipality, rp.interpreter_needed, "
	                       "rp.interpreter_language, rp.protected_identity, "
	                       "r.consent_at_visa "
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
	    1, .ncols = 46, .nparams = 1 },
	[SQL_REFERRAL_LOCK] = { "SELECT version, status, remittent_id, person_id FROM referral "
	                        "WHERE id = ? FOR UPDATE",
	    0, .ncols = 4, .nparams = 1 },
	[SQL_REFERRAL_UPDATE] = { "UPDATE referral SET insats_id = ?, visa_date = ?, "
	                          "sick_leave_percent = ?, employed = ?, employer = ?, "
	                          "employer_rehab_responsibility = ?, support_time_code = ?, "
	                          "education_code = ?, background = ?, own_goals = ?, needs = ?, "
	                          "tried_before = ?, consent_at_visa = ?, status = ?, "
	                          "submitted_at = IF(? = 1, UTC_TIMESTAMP(), submitted_at), "
	                          "version = version + 1 "
	                          "WHERE id = ? AND version = ? AND status IN ('utkast', 'aterford')",
	    0, .ncols = 0, .nparams = 17 },
	[SQL_REFERRAL_INCOME_LIST] = { "SELECT ri.income_code, c.label FROM referral_income ri "
	                               "JOIN code_income c ON c.code = ri.income_code "
	                               "WHERE ri.referral_id = ? ORDER BY c.sort_order, c.code",
	    1, .ncols = 2, .nparams = 1 },
	[SQL_REFERRAL_INCOME_DELETE] = { "DELETE FROM referral_income WHERE referral_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_REFERRAL_INCOME_ADD] = { "INSERT INTO referral_income (referral_id, income_code) VALUES (?, ?)",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_REFERRAL_COREM_LIST] = { "SELECT c.organisation_id, c.name, c.contact, "
	                              "IFNULL(s.username, ''), o.name, IFNULL(po.name, '') "
	                              "FROM referral_coremittent c "
	                              "JOIN organisation o ON o.id = c.organisation_id "
	                              "LEFT JOIN organisation po ON po.id = o.parent_id "
	                              "LEFT JOIN staff s ON s.id = c.staff_id "
	                              "WHERE c.referral_id = ? ORDER BY c.id",
	    1, .ncols = 6, .nparams = 1 },
	[SQL_REFERRAL_COREM_DELETE] = { "DELETE FROM referral_coremittent WHERE referral_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_REFERRAL_COREM_ADD] = { "INSERT INTO referral_coremittent (referral_id, staff_id, "
	                             "organisation_id, name, contact) VALUES (?, ?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 5 },
	[SQL_REFERRAL_LIST] = { LIST_COLS
	    "AND (? = '' OR r.status = ?) "
	    /* A status filter would tell the decision of a hidden row. */
	    "HAVING (? = '' OR vis = 1) "
	    "ORDER BY r.updated_at DESC, r.id DESC LIMIT 501",
	    1, .ncols = 12, .nparams = 9 },
	[SQL_REFERRAL_SEARCH] = { LIST_COLS
	    "AND p.personnummer = ? "
	    "ORDER BY r.created_at DESC, r.id DESC LIMIT 501",
	    1, .ncols = 12, .nparams = 7 },
};
