/* sql_admin.c: statements of the admin pages; see include/sql_admin.h. */
#include "audit.h"
#include "code_list.h"
#include "forbund.h"
#include "organisation.h"
#include "sql_admin.h"
#include "sql_audit_object.h"
#include "staff.h"

/* An account's version for optimistic locking: a digest of everything the
 * edit form changes, as a number (the first 56 bits of a SHA-256: at most
 * 17 digits, so it always fits the forms' 18-digit version field; 60 bits
 * made one account in eight uneditable). Not updated_at, which every login
 * also bumps. */
#define STAFF_VERSION                                                            \
	"CONV(LEFT(SHA2(CONCAT_WS('|', st.organisation_id, st.display_name, "    \
	"IFNULL(st.email, ''), st.active, "                                      \
	"IFNULL((SELECT GROUP_CONCAT(r.role ORDER BY r.role) FROM staff_role r " \
	"WHERE r.staff_id = st.id), ''), "                                       \
	"IFNULL((SELECT GROUP_CONCAT(si.insats_id ORDER BY si.insats_id) "       \
	"FROM staff_insats si WHERE si.staff_id = st.id), '')), 256), 14), "     \
	"16, 10)"
#define STAFF_ROLES                                                            \
	"(SELECT GROUP_CONCAT(r.role ORDER BY r.role) FROM staff_role r "      \
	"WHERE r.staff_id = st.id) AS roles"
/* One account: staff_account (staff.c); _LOCK adds FOR UPDATE. */
#define STAFF_GET                                                                        \
	"SELECT st.id, st.username, st.display_name, "                                   \
	"COALESCE(st.email, '') AS email, st.organisation_id, st.active, " STAFF_ROLES   \
	", " STAFF_VERSION " AS version, "                                               \
	"st.password_hash IS NOT NULL AS has_password, "                                 \
	"st.must_change_password, st.api_token_hash IS NOT NULL AS has_token, "          \
	"COALESCE(DATE_FORMAT(st.last_login_at, '%Y-%m-%d %H:%i'), '') "                 \
	"AS last_login, st.failed_logins, "                                              \
	"COALESCE(st.locked_until > UTC_TIMESTAMP(), 0) AS locked, "                     \
	"COALESCE(DATE_FORMAT(st.locked_until, '%Y-%m-%d %H:%i'), '') AS locked_until, " \
	"st.totp_secret IS NOT NULL AS totp_on, "                                        \
	"st.totp_pending IS NOT NULL AS totp_pending FROM staff st "                     \
	"WHERE st.id = ? AND st.forbund_id = :forbund"

/* The request's förbund as its admin's form shows it: forbund
 * (forbund.c). Its version is a digest of what that form changes (as an
 * account's, 56 bits), not updated_at: the operator's `forbund-set`
 * changes the row too, and a new name or host name is no conflict with
 * the admin's edit. */
#define FORBUND_GET                                                            \
	"SELECT f.id, f.name, f.short_name, "                                  \
	"COALESCE(f.public_host, '') AS public_host, f.active, "               \
	"COALESCE(f.org_number, '') AS org_number, "                           \
	"COALESCE(f.sus_code, '') AS sus_code, f.municipalities, "             \
	"f.description, CONV(LEFT(SHA2(CONCAT_WS('|', "                        \
	"IFNULL(f.org_number, ''), IFNULL(f.sus_code, ''), f.municipalities, " \
	"f.description), 256), 14), 16, 10) AS version "                       \
	"FROM forbund f WHERE f.id = :forbund"

/* Organisations and insatser are only changed here, so updated_at is their
 * version; every save moves it forward by at least a second. */
#define VERSION_OF(t) "DATE_FORMAT(" t ".updated_at, '%Y%m%d%H%i%s') AS version"
#define VERSION_BUMP(t)                                                        \
	"updated_at = GREATEST(UTC_TIMESTAMP(), " t                            \
	".updated_at + INTERVAL 1 SECOND)"
/* One organisation: organisation (organisation.c). */
#define ORG_GET                                                                \
	"SELECT o.id, o.name, o.short_name, o.kind, o.parent_id, "             \
	"o.share_within_unit, o.active, " VERSION_OF(                          \
	    "o") " "                                                           \
	         "FROM organisation o WHERE o.id = ? AND o.forbund_id = :forbund"
/* One insats: insats (organisation.c). */
#define INSATS_GET                                                              \
	"SELECT i.id, i.name, i.short_name, i.slug, i.host_organisation_id, "   \
	"i.description, i.location, i.target_groups, i.direction, "             \
	"i.measurement, DATE_FORMAT(i.period_start, '%Y-%m-%d') "               \
	"AS period_start, COALESCE(DATE_FORMAT(i.period_end, '%Y-%m-%d'), '') " \
	"AS period_end, i.places, i.hours_per_week_min, i.hours_per_week_max, " \
	"i.typical_weeks_min, i.typical_weeks_max, i.summary_due_days, "        \
	"i.active, " VERSION_OF(                                                \
	    "i") " FROM insats i "                                              \
	         "WHERE i.id = ? AND i.forbund_id = :forbund"

#define AUDIT_COLS                                                                    \
	"SELECT DATE_FORMAT(a.at, '%Y-%m-%d %H:%i:%s') AS at, a.username, a.action, " \
	"a.object_type, a.object_id, a.personnummer, a.remote_addr, "                 \
	"a.request_id, a.detail, " AUDIT_SQL_OBJECT_WHAT " AS what "                  \
	"FROM audit_log a "
/* A förbund's admin searches its förbund's rows only; the installation's
 * own (forbund_id NULL) are nobody's here. */
#define AUDIT_PERIOD                                                           \
	"AND a.at >= ? AND a.at < ? "                                          \
	"ORDER BY a.at DESC, a.id DESC LIMIT ?"

/* A code list's statements (see sql_admin.h): sus and extra are the
 * _LIST's last two columns, cols and ph the INSERT's optional columns and
 * their placeholders, sets the UPDATE's ("" for none). */
#define CODE_LIST(t, sus, extra)                                               \
	"SELECT code, label, sort_order, active, " sus " AS sus_code, " extra  \
	" AS extra FROM " t " ORDER BY sort_order, code"
#define CODE_INSERT(t, cols, ph)                                               \
	"INSERT INTO " t " (code, label, sort_order, active" cols ") "         \
	"VALUES (?, ?, ?, ?" ph ")"
#define CODE_UPDATE(t, sets)                                                   \
	"UPDATE " t " SET label = ?, sort_order = ?, active = ?" sets          \
	" WHERE code = ?"
#define CODE_SUS "COALESCE(sus_code, '')"

const struct db_query sql_admin[SQL_ADMIN__MAX] = {
	[SQL_ADMIN_STAFF_LIST] = { "SELECT st.id, st.username, st.display_name, o.name AS organisation, "
	                           "COALESCE(po.name, '') AS parent_organisation, st.active, " STAFF_ROLES
	                           ", st.password_hash IS NOT NULL AS has_password "
	                           "FROM staff st JOIN organisation o ON o.id = st.organisation_id "
	                           "LEFT JOIN organisation po ON po.id = o.parent_id "
	                           "WHERE st.forbund_id = :forbund AND st.active IN (?, ?) "
	                           "ORDER BY st.username",
	    1, .ncols = 8, .nparams = 2, .rec = &staff_row_record },
	[SQL_ADMIN_STAFF_GET] = { STAFF_GET, 1, .ncols = 17, .nparams = 1,
	    .rec = &staff_account_record },
	[SQL_ADMIN_STAFF_LOCK] = { STAFF_GET " FOR UPDATE", 1, .ncols = 17,
	    .nparams = 1, .rec = &staff_account_record },
	[SQL_ADMIN_STAFF_INSATSER] = { "SELECT si.insats_id AS id FROM staff_insats si "
	                               "JOIN staff st ON st.id = si.staff_id "
	                               "AND st.forbund_id = :forbund "
	                               "WHERE si.staff_id = ? ORDER BY si.insats_id",
	    1, .ncols = 1, .nparams = 1, .rec = &staff_id_record },
	[SQL_ADMIN_STAFF_INSERT] = { "INSERT INTO staff (forbund_id, organisation_id, username, "
	                             "display_name, email, password_hash, must_change_password, active) "
	                             "VALUES (:forbund, ?, ?, ?, ?, ?, 1, 1)",
	    0, .ncols = 0, .nparams = 5 },
	[SQL_ADMIN_STAFF_UPDATE] = { "UPDATE staff SET organisation_id = ?, display_name = ?, email = ?, "
	                             "active = ?, password_hash = IF(?, NULL, password_hash), "
	                             "api_token_hash = IF(?, api_token_hash, NULL) "
	                             "WHERE id = ? AND forbund_id = :forbund",
	    0, .ncols = 0, .nparams = 7 },
	[SQL_ADMIN_STAFF_ROLES_PRUNE] = { "DELETE r FROM staff_role r JOIN staff st "
	                                  "ON st.id = r.staff_id AND st.forbund_id = :forbund "
	                                  "WHERE r.staff_id = ? AND FIND_IN_SET(r.role, ?) = 0",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_ADMIN_STAFF_ROLE_ADD] = { "INSERT INTO staff_role (staff_id, role, granted_at) "
	                               "SELECT st.id, x.role, UTC_TIMESTAMP() "
	                               "FROM (SELECT ? AS id, ? AS role) x JOIN staff st "
	                               "ON st.id = x.id AND st.forbund_id = :forbund "
	                               "ON DUPLICATE KEY UPDATE granted_at = staff_role.granted_at",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_ADMIN_STAFF_INSATSER_PRUNE] = { "DELETE si FROM staff_insats si JOIN staff st "
	                                     "ON st.id = si.staff_id AND st.forbund_id = :forbund "
	                                     "WHERE si.staff_id = ? "
	                                     "AND FIND_IN_SET(si.insats_id, ?) = 0",
	    0, .ncols = 0, .nparams = 2 },
	/* The account and the insats both of the förbund. */
	[SQL_ADMIN_STAFF_INSATS_ADD] = { "INSERT INTO staff_insats (staff_id, insats_id, assigned_at) "
	                                 "SELECT st.id, i.id, UTC_TIMESTAMP() FROM staff st "
	                                 "JOIN insats i ON i.forbund_id = st.forbund_id "
	                                 "WHERE st.id = ? AND i.id = ? AND st.forbund_id = :forbund "
	                                 "ON DUPLICATE KEY UPDATE assigned_at = staff_insats.assigned_at",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_ADMIN_STAFF_TEMP_PASSWORD] = { "UPDATE staff SET password_hash = ?, must_change_password = 1, "
	                                    "password_changed_at = UTC_TIMESTAMP(), failed_logins = 0, "
	                                    "locked_until = NULL WHERE id = ? AND forbund_id = :forbund",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_ADMIN_STAFF_SET_TOKEN] = { "UPDATE staff SET api_token_hash = ? "
	                                "WHERE id = ? AND forbund_id = :forbund",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_ADMIN_STAFF_UNLOCK] = { "UPDATE staff SET failed_logins = 0, locked_until = NULL "
	                             "WHERE id = ? AND forbund_id = :forbund "
	                             "AND (failed_logins > 0 OR locked_until IS NOT NULL)",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_ADMIN_STAFF_TOTP_RESET] = { "UPDATE staff SET totp_secret = NULL, totp_pending = NULL, "
	                                 "totp_last_counter = NULL WHERE id = ? AND forbund_id = :forbund "
	                                 "AND (totp_secret IS NOT NULL OR totp_pending IS NOT NULL)",
	    0, .ncols = 0, .nparams = 1 },

	[SQL_ADMIN_ORG_LIST] = { "SELECT o.id, o.name, o.short_name, o.kind, o.parent_id, "
	                         "COALESCE(p.name, '') AS parent_name, o.share_within_unit, o.active, "
	                         "(SELECT COUNT(*) FROM staff st WHERE st.organisation_id = o.id) "
	                         "AS staff_count "
	                         "FROM organisation o LEFT JOIN organisation p ON p.id = o.parent_id "
	                         "WHERE o.forbund_id = :forbund "
	                         "ORDER BY COALESCE(p.name, o.name), o.parent_id IS NOT NULL, o.name",
	    1, .ncols = 9, .nparams = 0, .rec = &org_row_record },
	[SQL_ADMIN_ORG_GET] = { ORG_GET, 1, .ncols = 8, .nparams = 1,
	    .rec = &organisation_record },
	[SQL_ADMIN_ORG_LOCK] = { ORG_GET " FOR UPDATE", 1, .ncols = 8,
	    .nparams = 1, .rec = &organisation_record },
	[SQL_ADMIN_ORG_INSERT] = { "INSERT INTO organisation (forbund_id, parent_id, kind, name, "
	                           "short_name, share_within_unit, active) "
	                           "VALUES (:forbund, ?, ?, ?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 6 },
	[SQL_ADMIN_ORG_UPDATE] = { "UPDATE organisation o SET o.parent_id = ?, o.kind = ?, o.name = ?, "
	                           "o.short_name = ?, o.share_within_unit = ?, o.active = ?, "
	                           "o." VERSION_BUMP(
	                               "o") " WHERE o.id = ? "
	                                    "AND o.forbund_id = :forbund",
	    0, .ncols = 0, .nparams = 7 },

	[SQL_ADMIN_INSATS_LIST] = { "SELECT i.id, i.name, i.slug, o.name AS host, "
	                            "DATE_FORMAT(i.period_start, '%Y-%m-%d') AS period_start, "
	                            "COALESCE(DATE_FORMAT(i.period_end, '%Y-%m-%d'), '') AS period_end, "
	                            "i.places, i.active, i.direction, "
	                            "(SELECT COUNT(*) FROM insats_goal g WHERE g.insats_id = i.id) "
	                            "AS goals, "
	                            "(SELECT COUNT(*) FROM staff_insats si JOIN staff s ON s.id = si.staff_id "
	                            "WHERE si.insats_id = i.id AND s.active = 1) AS staff "
	                            "FROM insats i JOIN organisation o ON o.id = i.host_organisation_id "
	                            "WHERE i.forbund_id = :forbund ORDER BY i.name",
	    1, .ncols = 11, .nparams = 0, .rec = &insats_row_record },
	[SQL_ADMIN_INSATS_GET] = { INSATS_GET, 1, .ncols = 20, .nparams = 1,
	    .rec = &insats_record },
	[SQL_ADMIN_INSATS_LOCK] = { INSATS_GET " FOR UPDATE", 1, .ncols = 20,
	    .nparams = 1, .rec = &insats_record },
	[SQL_ADMIN_INSATS_INSERT] = { "INSERT INTO insats (forbund_id, host_organisation_id, name, "
	                              "short_name, slug, description, location, target_groups, "
	                              "direction, measurement, period_start, period_end, places, "
	                              "hours_per_week_min, hours_per_week_max, typical_weeks_min, "
	                              "typical_weeks_max, summary_due_days, active) "
	                              "VALUES (:forbund, "
	                              "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 18 },
	[SQL_ADMIN_INSATS_UPDATE] = { "UPDATE insats i SET i.host_organisation_id = ?, i.name = ?, "
	                              "i.short_name = ?, i.slug = ?, i.description = ?, "
	                              "i.location = ?, i.target_groups = ?, i.direction = ?, "
	                              "i.measurement = ?, i.period_start = ?, i.period_end = ?, "
	                              "i.places = ?, i.hours_per_week_min = ?, "
	                              "i.hours_per_week_max = ?, i.typical_weeks_min = ?, "
	                              "i.typical_weeks_max = ?, i.summary_due_days = ?, "
	                              "i.active = ?, i." VERSION_BUMP(
	                                  "i") " WHERE i.id = ? AND i.forbund_id = :forbund",
	    0, .ncols = 0, .nparams = 19 },
	[SQL_ADMIN_GOALS] = { "SELECT g.kind, g.label, g.target_numerator, g.target_denominator "
	                      "FROM insats_goal g JOIN insats i ON i.id = g.insats_id "
	                      "AND i.forbund_id = :forbund "
	                      "WHERE g.insats_id = ? ORDER BY g.sort_order, g.id",
	    1, .ncols = 4, .nparams = 1, .rec = &insats_goal_record },
	[SQL_ADMIN_GOALS_DELETE] = { "DELETE g FROM insats_goal g JOIN insats i ON i.id = g.insats_id "
	                             "AND i.forbund_id = :forbund WHERE g.insats_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_ADMIN_GOAL_INSERT] = { "INSERT INTO insats_goal (insats_id, kind, label, target_numerator, "
	                            "target_denominator, sort_order) "
	                            "SELECT i.id, x.kind, x.label, x.num, x.den, x.sort_order "
	                            "FROM (SELECT ? AS id, ? AS kind, ? AS label, ? AS num, "
	                            "? AS den, ? AS sort_order) x JOIN insats i "
	                            "ON i.id = x.id AND i.forbund_id = :forbund",
	    0, .ncols = 0, .nparams = 6 },

	[SQL_ADMIN_AUDIT_BY_PNR] = { AUDIT_COLS
	    "WHERE a.forbund_id = :forbund AND a.personnummer = ? " AUDIT_PERIOD,
	    1, .ncols = 10, .nparams = 4, .rec = &audit_row_record },
	[SQL_ADMIN_AUDIT_BY_STAFF] = { AUDIT_COLS
	    "WHERE a.forbund_id = :forbund AND a.staff_id = ? " AUDIT_PERIOD,
	    1, .ncols = 10, .nparams = 4, .rec = &audit_row_record },
	[SQL_ADMIN_AUDIT_BY_BOTH] = { AUDIT_COLS
	    "WHERE a.forbund_id = :forbund AND a.personnummer = ? "
	    "AND a.staff_id = ? " AUDIT_PERIOD,
	    1, .ncols = 10, .nparams = 5, .rec = &audit_row_record },
	/* SQL_STAFF_BY_USERNAME (sql_auth.c) in the request's förbund:
	 * staff_id_by_username() runs one or the other. */
	[SQL_ADMIN_AUDIT_STAFF] = { "SELECT id FROM staff WHERE username = ? "
	                            "AND active >= ? AND forbund_id = :forbund",
	    1, .ncols = 1, .nparams = 2, .rec = &staff_id_record },

	[SQL_ADMIN_CODE_EDUCATION_LIST] = { CODE_LIST("code_education",
	                                        CODE_SUS, "''"),
	    1, .ncols = 6, .nparams = 0, .rec = &code_entry_record },
	[SQL_ADMIN_CODE_EDUCATION_INSERT] = { CODE_INSERT("code_education",
	                                          ", sus_code", ", ?"),
	    0, .ncols = 0, .nparams = 5 },
	[SQL_ADMIN_CODE_EDUCATION_UPDATE] = { CODE_UPDATE("code_education",
	                                          ", sus_code = ?"),
	    0, .ncols = 0, .nparams = 5 },
	[SQL_ADMIN_CODE_SUPPORT_TIME_LIST] = { CODE_LIST("code_support_time",
	                                           CODE_SUS, "''"),
	    1, .ncols = 6, .nparams = 0, .rec = &code_entry_record },
	[SQL_ADMIN_CODE_SUPPORT_TIME_INSERT] = { CODE_INSERT(
	                                             "code_support_time",
	                                             ", sus_code", ", ?"),
	    0, .ncols = 0, .nparams = 5 },
	[SQL_ADMIN_CODE_SUPPORT_TIME_UPDATE] = { CODE_UPDATE(
	                                             "code_support_time",
	                                             ", sus_code = ?"),
	    0, .ncols = 0, .nparams = 5 },
	[SQL_ADMIN_CODE_OCCUPATION_LIST] = { CODE_LIST("code_occupation",
	                                         CODE_SUS, "''"),
	    1, .ncols = 6, .nparams = 0, .rec = &code_entry_record },
	[SQL_ADMIN_CODE_OCCUPATION_INSERT] = { CODE_INSERT("code_occupation",
	                                           ", sus_code", ", ?"),
	    0, .ncols = 0, .nparams = 5 },
	[SQL_ADMIN_CODE_OCCUPATION_UPDATE] = { CODE_UPDATE("code_occupation",
	                                           ", sus_code = ?"),
	    0, .ncols = 0, .nparams = 5 },
	[SQL_ADMIN_CODE_INCOME_LIST] = { CODE_LIST("code_income", CODE_SUS,
	                                     "public_support"),
	    1, .ncols = 6, .nparams = 0, .rec = &code_entry_record },
	[SQL_ADMIN_CODE_INCOME_INSERT] = { CODE_INSERT("code_income",
	                                       ", sus_code, public_support",
	                                       ", ?, ?"),
	    0, .ncols = 0, .nparams = 6 },
	[SQL_ADMIN_CODE_INCOME_UPDATE] = { CODE_UPDATE("code_income",
	                                       ", sus_code = ?, public_support = ?"),
	    0, .ncols = 0, .nparams = 6 },
	[SQL_ADMIN_CODE_END_REASON_LIST] = { CODE_LIST("code_end_reason",
	                                         CODE_SUS, "outcome"),
	    1, .ncols = 6, .nparams = 0, .rec = &code_entry_record },
	[SQL_ADMIN_CODE_END_REASON_INSERT] = { CODE_INSERT("code_end_reason",
	                                           ", sus_code, outcome",
	                                           ", ?, ?"),
	    0, .ncols = 0, .nparams = 6 },
	[SQL_ADMIN_CODE_END_REASON_UPDATE] = { CODE_UPDATE("code_end_reason",
	                                           ", sus_code = ?, outcome = ?"),
	    0, .ncols = 0, .nparams = 6 },
	[SQL_ADMIN_CODE_ADVISE_AGAINST_LIST] = { CODE_LIST(
	                                             "code_advise_against",
	                                             "''", "''"),
	    1, .ncols = 6, .nparams = 0, .rec = &code_entry_record },
	[SQL_ADMIN_CODE_ADVISE_AGAINST_INSERT] = { CODE_INSERT(
	                                               "code_advise_against",
	                                               "", ""),
	    0, .ncols = 0, .nparams = 4 },
	[SQL_ADMIN_CODE_ADVISE_AGAINST_UPDATE] = { CODE_UPDATE(
	                                               "code_advise_against",
	                                               ""),
	    0, .ncols = 0, .nparams = 4 },
	[SQL_ADMIN_FORBUND_INSERT] = { "INSERT INTO forbund (name, short_name, public_host) "
	                               "VALUES (?, ?, ?)",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_ADMIN_FORBUND_FIRST] = { "SELECT MIN(id) AS id FROM forbund WHERE active = 1",
	    1, .ncols = 1, .nparams = 0, .rec = &forbund_first_record },
	[SQL_ADMIN_FORBUND_HOSTLESS] = { "SELECT MIN(id) AS id FROM forbund "
	                                 "WHERE active = 1 AND public_host IS NULL "
	                                 "HAVING COUNT(*) > 0",
	    1, .ncols = 1, .nparams = 0, .rec = &forbund_first_record },
	[SQL_ADMIN_FORBUND_GET] = { FORBUND_GET, 1, .ncols = 10, .nparams = 0,
	    .rec = &forbund_record },
	[SQL_ADMIN_FORBUND_LOCK] = { FORBUND_GET " FOR UPDATE", 1, .ncols = 10,
	    .nparams = 0, .rec = &forbund_record },
	[SQL_ADMIN_FORBUND_DETAILS_UPDATE] = { "UPDATE forbund SET org_number = ?, sus_code = ?, "
	                                       "municipalities = ?, description = ? "
	                                       "WHERE id = :forbund",
	    0, .ncols = 0, .nparams = 4 },
	[SQL_ADMIN_FORBUND_ALL_LOCK] = { "SELECT id, name, short_name, "
	                                 "COALESCE(public_host, '') AS public_host, active "
	                                 "FROM forbund ORDER BY id FOR UPDATE",
	    1, .ncols = 5, .nparams = 0, .rec = &forbund_brief_record },
	[SQL_ADMIN_FORBUND_SET] = { "UPDATE forbund SET name = ?, short_name = ?, public_host = ?, "
	                            "active = ? WHERE id = ?",
	    0, .ncols = 0, .nparams = 5 },
};
