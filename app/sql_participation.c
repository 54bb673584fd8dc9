/* sql_participation.c: statements of the insats staff's pages; see
 * include/sql_participation.h. */
#include "sql_participation.h"

/* The insatser of staff member ? (the first parameter of every list). */
#define MY_INSATSER                                                            \
	"(SELECT si.insats_id FROM staff_insats si WHERE si.staff_id = ?)"

/* An ended participation whose summary is past due (? = today). */
#define OVERDUE_COND                                                           \
	"(p.status = 'avslutad' AND p.summary_sent_at IS NULL AND "            \
	"p.summary_due_date IS NOT NULL AND p.summary_due_date < ?)"

#define INSKRIVNA(ins)                                                         \
	"(SELECT COUNT(*) FROM participation px WHERE px.insats_id = " ins     \
	" AND px.status = 'inskriven')"

/* The person columns of referral_person and participation_person
 * (sql/0022), in this order: SQL_PARTICIPATION_PERSON_COPY, _LOCK and
 * _UPDATE. */
#define PERSON_FIELDS                                                          \
	"first_name, last_name, gender, address, postal_code, city, phone, "   \
	"home_municipality, interpreter_needed, interpreter_language, "        \
	"protected_identity"

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
 * the participation's status and insats (enum pp_col). */
#define PERSON_RECORD                                                           \
	"SELECT pe.first_name, pe.last_name, pe.gender, pe.address, "           \
	"pe.postal_code, pe.city, pe.phone, pe.home_municipality, "             \
	"pe.interpreter_needed, pe.interpreter_language, "                      \
	"pe.protected_identity, pe.version, pn.personnummer, p.status, i.name " \
	"FROM participation p " JOIN_PARTICIPATION_PERSON                       \
	"JOIN insats i ON i.id = p.insats_id "

#define CODES(table)                                                           \
	"SELECT code, label FROM " table " WHERE active = 1 "                  \
	"ORDER BY sort_order, code"

const struct db_query sql_participation[SQL_PARTICIPATION__MAX] = {
	[SQL_PARTICIPATION_MY_INSATSER] = { "SELECT i.id, i.name, IFNULL(i.places, ''), " INSKRIVNA(
	                                        "i.id") " FROM staff_insats si JOIN insats i ON i.id = si.insats_id "
	                                                "WHERE si.staff_id = ? AND i.active = 1 ORDER BY i.name",
	    1, .ncols = 4, .nparams = 1 },
	[SQL_PARTICIPATION_INBOX] = { "SELECT r.id, r.status, IFNULL(DATE_FORMAT(r.submitted_at, '%Y-%m-%d'), ''), "
	                              "pe.first_name, pe.last_name, pe.gender, pn.birth_year, i.name, "
	                              "s.display_name, o.name "
	                              "FROM referral r " JOIN_REFERRAL_PERSON
	                              "JOIN insats i ON i.id = r.insats_id "
	                              "JOIN staff s ON s.id = r.remittent_id "
	                              "JOIN organisation o ON o.id = r.organisation_id "
	                              "WHERE r.status IN ('inskickad', 'vantelista') "
	                              "AND r.insats_id IN " MY_INSATSER " "
	                              "ORDER BY r.submitted_at IS NULL, r.submitted_at, r.id LIMIT 1000",
	    1, .ncols = 10, .nparams = 1 },
	[SQL_PARTICIPATION_REFERRAL_GET] = { "SELECT r.id, r.status, r.version, r.insats_id, i.name, IFNULL(i.places, ''), " INSKRIVNA(
	                                         "r.insats_id") ", "
	                                                        "pn.id, pn.personnummer, pe.first_name, pe.last_name, pe.gender, "
	                                                        "pn.birth_year, pe.address, pe.postal_code, pe.city, pe.phone, "
	                                                        "pe.home_municipality, pe.interpreter_needed, pe.interpreter_language, "
	                                                        "pe.protected_identity, IFNULL(r.visa_date, ''), "
	                                                        "IFNULL(r.sick_leave_percent, ''), r.employed, r.employer, "
	                                                        "r.employer_rehab_responsibility, IFNULL(st.label, ''), "
	                                                        "IFNULL(ed.label, ''), r.background, r.own_goals, r.needs, "
	                                                        "r.tried_before, IFNULL(DATE_FORMAT(r.submitted_at, '%Y-%m-%d %H:%i'), ''), "
	                                                        "IFNULL(DATE_FORMAT(r.decided_at, '%Y-%m-%d %H:%i'), ''), "
	                                                        "IFNULL(ds.display_name, ''), r.decision_reason, IFNULL(aa.label, ''), "
	                                                        "s.display_name, o.name, IFNULL(s.email, ''), "
	                                                        "r.organisation_id, r.consent_at_visa "
	                                                        "FROM referral r " JOIN_REFERRAL_PERSON
	                                                        "JOIN insats i ON i.id = r.insats_id "
	                                                        "JOIN staff s ON s.id = r.remittent_id "
	                                                        "JOIN organisation o ON o.id = r.organisation_id "
	                                                        "LEFT JOIN staff ds ON ds.id = r.decided_by "
	                                                        "LEFT JOIN code_support_time st ON st.code = r.support_time_code "
	                                                        "LEFT JOIN code_education ed ON ed.code = r.education_code "
	                                                        "LEFT JOIN code_advise_against aa ON aa.code = r.advise_against_code "
	                                                        "WHERE r.id = ?",
	    1, .ncols = 42, .nparams = 1 },
	[SQL_PARTICIPATION_REFERRAL_INCOME] = { "SELECT c.label FROM referral_income ri "
	                                        "JOIN code_income c ON c.code = ri.income_code "
	                                        "WHERE ri.referral_id = ? ORDER BY c.sort_order",
	    1, .ncols = 1, .nparams = 1 },
	[SQL_PARTICIPATION_REFERRAL_COREMITTENTS] = { "SELECT c.name, o.name, c.contact FROM referral_coremittent c "
	                                              "JOIN organisation o ON o.id = c.organisation_id "
	                                              "WHERE c.referral_id = ? ORDER BY c.id",
	    1, .ncols = 3, .nparams = 1 },
	[SQL_PARTICIPATION_REFERRAL_PARTICIPATION] = { "SELECT id FROM participation WHERE referral_id = ?",
	    1, .ncols = 1, .nparams = 1 },
	[SQL_PARTICIPATION_INSATS_STAFF] = { "SELECT s.id, s.display_name FROM staff_insats si "
	                                     "JOIN staff s ON s.id = si.staff_id AND s.active = 1 "
	                                     "JOIN staff_role sr ON sr.staff_id = s.id AND sr.role = 'insatspersonal' "
	                                     "WHERE si.insats_id = ? ORDER BY s.display_name, s.id",
	    1, .ncols = 2, .nparams = 1 },
	[SQL_PARTICIPATION_COLLEAGUES] = { "SELECT DISTINCT s.id, s.display_name FROM staff_insats si "
	                                   "JOIN staff s ON s.id = si.staff_id AND s.active = 1 "
	                                   "JOIN staff_role sr ON sr.staff_id = s.id AND sr.role = 'insatspersonal' "
	                                   "WHERE si.insats_id IN " MY_INSATSER
	                                   " ORDER BY s.display_name, s.id",
	    1, .ncols = 2, .nparams = 1 },
	[SQL_PARTICIPATION_CODES_ADVISE] = { CODES("code_advise_against"), 1,
	    .ncols = 2, .nparams = 0 },
	[SQL_PARTICIPATION_CODES_END] = { CODES("code_end_reason"), 1,
	    .ncols = 2, .nparams = 0 },
	[SQL_PARTICIPATION_CODES_OCCUPATION] = { CODES("code_occupation"), 1,
	    .ncols = 2, .nparams = 0 },
	[SQL_PARTICIPATION_CODES_INCOME] = { CODES("code_income"), 1,
	    .ncols = 2, .nparams = 0 },
	[SQL_PARTICIPATION_REFERRAL_LOCK] = { "SELECT status, version, decision_reason, "
	                                      "IFNULL(advise_against_code, '') FROM referral WHERE id = ? FOR UPDATE",
	    0, .ncols = 4, .nparams = 1 },
	[SQL_PARTICIPATION_INSATS_LOCK] = { "SELECT IFNULL(i.places, ''), " INSKRIVNA(
	                                        "i.id") " FROM insats i WHERE i.id = ? FOR UPDATE",
	    0, .ncols = 2, .nparams = 1 },
	[SQL_PARTICIPATION_REFERRAL_DECIDE] = { "UPDATE referral SET status = ?, decided_at = UTC_TIMESTAMP(), "
	                                        "decided_by = ?, decision_reason = ?, advise_against_code = ?, "
	                                        "version = version + 1 "
	                                        "WHERE id = ? AND version = ? AND status IN ('inskickad', 'vantelista')",
	    0, .ncols = 0, .nparams = 6 },
	[SQL_PARTICIPATION_INSERT] = { "INSERT INTO participation (referral_id, person_id, insats_id, status, "
	                               "start_date, planned_end_date, contact_id, hours_per_week, "
	                               "occupation_before_code) VALUES (?, ?, ?, 'inskriven', ?, ?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 8 },
	[SQL_PARTICIPATION_LIST] = { "SELECT p.id, pe.first_name, pe.last_name, pe.gender, i.short_name, p.status, "
	                             "p.start_date, IFNULL(p.planned_end_date, ''), IFNULL(p.end_date, ''), "
	                             "IFNULL(s.display_name, ''), IFNULL(p.summary_due_date, ''), " OVERDUE_COND
	                             ", "
	                             "p.summary_sent_at IS NOT NULL "
	                             "FROM participation p "
	                             "JOIN participation_person pe ON pe.participation_id = p.id "
	                             "JOIN insats i ON i.id = p.insats_id "
	                             "LEFT JOIN staff s ON s.id = p.contact_id "
	                             "WHERE p.insats_id IN " MY_INSATSER " "
	                             "AND (? = 0 OR p.insats_id = ?) "
	                             "AND (? = '' OR p.status = ?) "
	                             "AND (? = 0 OR p.contact_id = ?) "
	                             "AND (? = '' OR pe.gender = ?) "
	                             "AND (? = 0 OR " OVERDUE_COND ") "
	                             "ORDER BY pe.last_name, pe.first_name, p.id LIMIT 1000",
	    1, .ncols = 13, .nparams = 12 },
	[SQL_PARTICIPATION_SEARCH] = { "SELECT r.id, r.status, IFNULL(p.id, ''), IFNULL(p.status, ''), i.name, "
	                               "IFNULL(DATE_FORMAT(r.submitted_at, '%Y-%m-%d'), ''), "
	                               "IFNULL(p.start_date, ''), IFNULL(p.end_date, ''), "
	                               "IFNULL(pp.first_name, rp.first_name), "
	                               "IFNULL(pp.last_name, rp.last_name) "
	                               "FROM person pn JOIN referral r ON r.person_id = pn.id "
	                               "JOIN referral_person rp ON rp.referral_id = r.id "
	                               "JOIN insats i ON i.id = r.insats_id "
	                               "LEFT JOIN participation p ON p.referral_id = r.id "
	                               "LEFT JOIN participation_person pp ON pp.participation_id = p.id "
	                               "WHERE r.insats_id IN " MY_INSATSER " "
	                               "AND pn.personnummer = ? AND r.status <> 'utkast' "
	                               "ORDER BY r.submitted_at DESC, r.id DESC",
	    1, .ncols = 10, .nparams = 2 },
	[SQL_PARTICIPATION_GET] = { "SELECT p.id, p.version, p.status, p.referral_id, p.insats_id, i.name, "
	                            "IFNULL(i.summary_due_days, ''), "
	                            "pn.personnummer, pe.first_name, pe.last_name, pe.gender, pn.birth_year, "
	                            "pe.address, pe.postal_code, pe.city, pe.phone, pe.home_municipality, "
	                            "pe.interpreter_needed, pe.interpreter_language, pe.protected_identity, "
	                            "p.start_date, IFNULL(p.planned_end_date, ''), IFNULL(c.display_name, ''), "
	                            "IFNULL(p.hours_per_week, ''), IFNULL(ob.label, ''), "
	                            "IFNULL(p.midterm_date, ''), p.midterm_note, p.midterm_attendees, "
	                            "IFNULL(p.end_date, ''), IFNULL(p.end_reason_code, ''), IFNULL(er.label, ''), "
	                            "IFNULL(p.occupation_after_code, ''), IFNULL(oa.label, ''), "
	                            "IFNULL(p.summary_due_date, ''), "
	                            "IFNULL(DATE_FORMAT(p.summary_sent_at, '%Y-%m-%d %H:%i'), ''), " OVERDUE_COND
	                            ", "
	                            "s.display_name, o.name, IFNULL(p.contact_id, ''), r.organisation_id "
	                            "FROM participation p " JOIN_PARTICIPATION_PERSON
	                            "JOIN insats i ON i.id = p.insats_id "
	                            "JOIN referral r ON r.id = p.referral_id "
	                            "JOIN staff s ON s.id = r.remittent_id "
	                            "JOIN organisation o ON o.id = r.organisation_id "
	                            "LEFT JOIN staff c ON c.id = p.contact_id "
	                            "LEFT JOIN code_occupation ob ON ob.code = p.occupation_before_code "
	                            "LEFT JOIN code_occupation oa ON oa.code = p.occupation_after_code "
	                            "LEFT JOIN code_end_reason er ON er.code = p.end_reason_code "
	                            "WHERE p.id = ?",
	    1, .ncols = 40, .nparams = 2 },
	[SQL_PARTICIPATION_ACTIVITIES] = { "SELECT activity, hours_per_week FROM participation_activity "
	                                   "WHERE participation_id = ? ORDER BY sort_order, id",
	    1, .ncols = 2, .nparams = 1 },
	[SQL_PARTICIPATION_EXTENSIONS] = { "SELECT DATE_FORMAT(e.at, '%Y-%m-%d %H:%i'), IFNULL(e.old_planned_end, ''), "
	                                   "e.new_planned_end, e.reason, s.display_name "
	                                   "FROM participation_extension e JOIN staff s ON s.id = e.staff_id "
	                                   "WHERE e.participation_id = ? ORDER BY e.at, e.id",
	    1, .ncols = 5, .nparams = 1 },
	[SQL_PARTICIPATION_INCOME_AFTER] = { "SELECT c.code, c.label FROM participation_income_after a "
	                                     "JOIN code_income c ON c.code = a.income_code "
	                                     "WHERE a.participation_id = ? ORDER BY c.sort_order",
	    1, .ncols = 2, .nparams = 1 },
	[SQL_PARTICIPATION_WHO_LOOKED] = { "SELECT DATE_FORMAT(a.at, '%Y-%m-%d %H:%i:%s'), "
	                                   "IFNULL(s.display_name, a.username), a.username, a.action, "
	                                   "a.object_type, IFNULL(a.object_id, '') "
	                                   "FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id "
	                                   /* This file only: not what other
	                                    * organisations did with the same
	                                    * personnummer (their referrals,
	                                    * their searches). */
	                                   "WHERE a.personnummer = ? AND ("
	                                   "(a.object_type = 'participation' AND a.object_id = ?) "
	                                   "OR (a.object_type = 'referral' AND a.object_id = ?) "
	                                   "OR (a.object_type = 'consent' AND (a.object_id = ? OR a.object_id IN "
	                                   "(SELECT c.id FROM consent c WHERE c.referral_id = ?))) "
	                                   "OR (a.object_type = 'person' AND a.staff_id IN "
	                                   "(SELECT si.staff_id FROM staff_insats si WHERE si.insats_id = ?))) "
	                                   "ORDER BY a.at DESC, a.id DESC LIMIT 200",
	    1, .ncols = 6, .nparams = 6 },
	[SQL_PARTICIPATION_LOCK] = { "SELECT version, status FROM participation WHERE id = ? FOR UPDATE",
	    0, .ncols = 2, .nparams = 1 },
	[SQL_PARTICIPATION_ACTIVITIES_DELETE] = { "DELETE FROM participation_activity WHERE participation_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_PARTICIPATION_ACTIVITY_INSERT] = { "INSERT INTO participation_activity (participation_id, activity, "
	                                        "hours_per_week, sort_order) VALUES (?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 4 },
	[SQL_PARTICIPATION_SET_PLAN] = { "UPDATE participation SET hours_per_week = ?, version = version + 1 "
	                                 "WHERE id = ? AND version = ? AND status = 'inskriven'",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_PARTICIPATION_SET_MIDTERM] = { "UPDATE participation SET midterm_date = ?, midterm_note = ?, "
	                                    "midterm_attendees = ?, version = version + 1 "
	                                    "WHERE id = ? AND version = ? AND status = 'inskriven'",
	    0, .ncols = 0, .nparams = 5 },
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
	[SQL_PARTICIPATION_SET_SUMMARY_SENT] = { "UPDATE participation SET summary_sent_at = UTC_TIMESTAMP(), "
	                                         "version = version + 1 WHERE id = ? AND version = ? "
	                                         "AND status = 'avslutad' AND summary_sent_at IS NULL",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_PARTICIPATION_OVERDUE] = { "SELECT p.id, pe.first_name, pe.last_name, i.name, p.summary_due_date "
	                                "FROM participation p "
	                                "JOIN participation_person pe ON pe.participation_id = p.id "
	                                "JOIN insats i ON i.id = p.insats_id "
	                                "WHERE p.insats_id IN " MY_INSATSER
	                                " AND " OVERDUE_COND " "
	                                "ORDER BY p.summary_due_date, p.id LIMIT 200",
	    1, .ncols = 5, .nparams = 2 },
	[SQL_PARTICIPATION_PERSON_COPY] = { "INSERT INTO participation_person (participation_id, " PERSON_FIELDS
	                                    ") SELECT ?, " PERSON_FIELDS
	                                    " FROM referral_person WHERE referral_id = ?",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_PARTICIPATION_PERSON_GET] = { PERSON_RECORD "WHERE p.id = ?", 1,
	    .ncols = 15, .nparams = 1 },
	[SQL_PARTICIPATION_PERSON_LOCK] = { PERSON_RECORD
	    "WHERE p.id = ? FOR UPDATE",
	    0, .ncols = 15, .nparams = 1 },
	[SQL_PARTICIPATION_PERSON_UPDATE] = { "UPDATE participation_person SET first_name = ?, last_name = ?, "
	                                      "gender = ?, address = ?, postal_code = ?, city = ?, phone = ?, "
	                                      "home_municipality = ?, interpreter_needed = ?, "
	                                      "interpreter_language = ?, protected_identity = ?, "
	                                      "version = version + 1 WHERE participation_id = ? AND version = ?",
	    0, .ncols = 0, .nparams = 13 },
};
