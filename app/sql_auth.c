/* sql_auth.c: statements of sessions, login and audit; see include/sql_auth.h. */
#include "auth.h"
#include "mfa.h"
#include "session.h"
#include "sql_auth.h"
#include "staff.h"

/* Every session lookup returns a session_row (session.c): one record for
 * a staff session, a tablet session and a bearer token. The förbund's host
 * name comes with it (the links it shows, session_base_url()): no round
 * trip of its own. */
#define SESSION_ROW(id, csrf)                                                  \
	"SELECT " id " AS id, " csrf " AS csrf, st.id AS staff_id, "           \
	"st.username, st.display_name, st.organisation_id, st.forbund_id, "    \
	"IFNULL((SELECT fh.public_host FROM forbund fh "                       \
	"WHERE fh.id = st.forbund_id), '') AS forbund_host, "                  \
	"st.installation_admin, "

/* An access-log row (SQL_AUDIT_INSERT and _READ). Its förbund is a
 * parameter, not ":forbund": an anonymous request (a failed login, a
 * questionnaire answered on the kiosk) has none, and a scoped statement
 * would refuse it; 0 stores NULL (audit.c says which förbund). */
#define AUDIT_INSERT_SQL                                                       \
	"INSERT INTO audit_log (at, forbund_id, staff_id, username, action, "  \
	"object_type, object_id, personnummer, remote_addr, request_id, "      \
	"detail) VALUES "                                                      \
	"(UTC_TIMESTAMP(3), NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?)"

/* An account works only while its förbund is active: switching a förbund
 * off (closed, merged into another) locks every one of its accounts, their
 * sessions, tablets and tokens at the next request. The account is `st`. */
#define ST_FORBUND_ACTIVE                                                      \
	" AND EXISTS (SELECT 1 FROM forbund f WHERE f.id = st.forbund_id "     \
	"AND f.active = 1)"

static const struct db_field staff_mark_fields[] = {
	DB_FIELD(staff_mark, id, "id", DB_F_INT),
	DB_FIELD(staff_mark, forbund_id, "forbund_id", DB_F_INT),
	DB_FIELD(staff_mark, is_active, "is_active", DB_F_BOOL),
	DB_FIELD(staff_mark, is_admin, "is_admin", DB_F_BOOL),
	DB_FIELD(staff_mark, is_marked, "is_marked", DB_F_BOOL),
};
const struct db_record staff_mark_record =
    DB_RECORD(staff_mark, staff_mark_fields);

const struct db_query sql_auth[SQL_AUTH__MAX] = {
	/* A row per role held (roles: one name, '' for none), folded in C
	 * (session.c): the correlated GROUP_CONCAT was a subquery and a
	 * temporary table on every request. Read on every request, so a role
	 * removed or an account deactivated counts at the next one. */
	[SQL_SESSION_LOOKUP] = { SESSION_ROW("s.id",
	                             "s.csrf_token") "st.must_change_password, "
	                                             "IFNULL(r.role, '') AS roles, "
	                                             "s.last_seen_at < UTC_TIMESTAMP() - INTERVAL 1 MINUTE AS stale, "
	                                             "s.code_pending, 0 AS consent_id, 1 AS live "
	                                             "FROM session s JOIN staff st ON st.id = s.staff_id "
	                                             "LEFT JOIN staff_role r ON r.staff_id = st.id "
	                                             "WHERE s.last_seen_at > UTC_TIMESTAMP() - INTERVAL ? SECOND "
	                                             "AND s.created_at > UTC_TIMESTAMP() - INTERVAL ? SECOND "
	                                             "AND s.token_hash = ? AND st.active = 1" ST_FORBUND_ACTIVE,
	    1, .ncols = 15, .nparams = 3, .rec = &session_row_record },
	[SQL_SESSION_TOUCH] = { "UPDATE session SET last_seen_at = UTC_TIMESTAMP() WHERE id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_SESSION_INSERT] = { "INSERT INTO session (token_hash, staff_id, csrf_token, created_at, "
	                         "last_seen_at, remote_addr, code_pending) "
	                         "VALUES (?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(), ?, ?)",
	    0, .ncols = 0, .nparams = 5 },
	[SQL_SESSION_DELETE] = { "DELETE FROM session WHERE id = ?", 0,
	    .ncols = 0, .nparams = 1 },
	[SQL_SESSION_DELETE_STAFF] = { "DELETE FROM session WHERE staff_id = ? AND id <> ?",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_SESSION_SWEEP] = { "DELETE FROM session "
	                        "WHERE last_seen_at < UTC_TIMESTAMP() - INTERVAL ? SECOND "
	                        "OR created_at < UTC_TIMESTAMP() - INTERVAL ? SECOND",
	    0, .ncols = 0, .nparams = 2 },
	/* Touched on every request (stale 1): the idle lock counts from the
	 * last one. */
	[SQL_TABLET_LOOKUP] = { SESSION_ROW("t.id",
	                            "t.csrf_token") "0 AS must_change_password, '' AS roles, 1 AS stale, "
	                                            "0 AS code_pending, t.consent_id, "
	                                            "(st.active = 1" ST_FORBUND_ACTIVE
	                                            " AND t.last_seen_at > UTC_TIMESTAMP() - INTERVAL ? SECOND "
	                                            "AND t.created_at > UTC_TIMESTAMP() - INTERVAL ? SECOND) AS live "
	                                            "FROM tablet_session t JOIN staff st ON st.id = t.staff_id "
	                                            "WHERE t.token_hash = ?",
	    1, .ncols = 15, .nparams = 3, .rec = &session_row_record },
	[SQL_TABLET_TOUCH] = { "UPDATE tablet_session SET last_seen_at = UTC_TIMESTAMP() WHERE id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_TABLET_INSERT] = { "INSERT INTO tablet_session (token_hash, staff_id, csrf_token, "
	                        "remote_addr, consent_id, created_at, last_seen_at) "
	                        "VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	    0, .ncols = 0, .nparams = 5 },
	[SQL_TABLET_DELETE] = { "DELETE FROM tablet_session WHERE id = ?", 0,
	    .ncols = 0, .nparams = 1 },
	[SQL_TABLET_SWEEP] = { "DELETE FROM tablet_session "
	                       "WHERE last_seen_at < UTC_TIMESTAMP() - INTERVAL ? SECOND "
	                       "OR created_at < UTC_TIMESTAMP() - INTERVAL ? SECOND",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_STAFF_FOR_TOKEN] = { SESSION_ROW("0",
	                              "''") "0 AS must_change_password, 'integration' AS roles, "
	                                    "0 AS stale, 0 AS code_pending, 0 AS consent_id, 1 AS live "
	                                    "FROM staff st JOIN staff_role r ON r.staff_id = st.id "
	                                    "AND r.role = 'integration' "
	                                    "WHERE st.api_token_hash = ? AND st.active = 1" ST_FORBUND_ACTIVE,
	    1, .ncols = 15, .nparams = 1, .rec = &session_row_record },
	[SQL_STAFF_FOR_LOGIN] = { "SELECT id, password_hash, "
	                          "COALESCE(locked_until > UTC_TIMESTAMP(), 0) AS locked, forbund_id "
	                          "FROM staff st WHERE username = ? AND active = 1 "
	                          "AND password_hash IS NOT NULL" ST_FORBUND_ACTIVE,
	    1, .ncols = 4, .nparams = 1, .rec = &auth_account_record },
	/* Active: the account and its förbund (SSO finds the account here,
	 * and a switched-off förbund's must not even get a session row). */
	[SQL_STAFF_BY_USERNAME] = { "SELECT id FROM staff st WHERE username = ? "
	                            "AND (st.active = 1" ST_FORBUND_ACTIVE
	                            ") >= ?",
	    1, .ncols = 1, .nparams = 2, .rec = &staff_id_record },
	/* locked_until first: assignments are evaluated left to right. */
	[SQL_STAFF_LOGIN_FAILED] = { "UPDATE staff SET locked_until = IF(failed_logins + 1 >= ?, "
	                             "UTC_TIMESTAMP() + INTERVAL ? MINUTE, locked_until), "
	                             "failed_logins = failed_logins + 1 WHERE id = ?",
	    0, .ncols = 0, .nparams = 3 },
	/* previous_login_at first: assignments are evaluated left to right. */
	[SQL_STAFF_LOGIN_OK] = { "UPDATE staff SET failed_logins = 0, locked_until = NULL, "
	                         "previous_login_at = last_login_at, "
	                         "last_login_at = UTC_TIMESTAMP() WHERE id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_LOGIN_FAILURE_INSERT] = { "INSERT INTO login_failure (username, remote_addr, at) "
	                               "VALUES (?, ?, UTC_TIMESTAMP())",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_LOGIN_FAILURES_ADDR] = { "SELECT COUNT(*) AS failures FROM login_failure "
	                              "WHERE remote_addr = ? "
	                              "AND at > UTC_TIMESTAMP() - INTERVAL ? MINUTE",
	    1, .ncols = 1, .nparams = 2, .rec = &auth_failures_record },
	[SQL_LOGIN_FAILURE_SWEEP] = { "DELETE FROM login_failure "
	                              "WHERE at < UTC_TIMESTAMP() - INTERVAL ? MINUTE",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_STAFF_PASSWORD] = { "SELECT id, password_hash, "
	                         "COALESCE(locked_until > UTC_TIMESTAMP(), 0) AS locked, forbund_id "
	                         "FROM staff st WHERE id = ? AND active = 1" ST_FORBUND_ACTIVE,
	    1, .ncols = 4, .nparams = 1, .rec = &auth_account_record },
	[SQL_STAFF_SET_PASSWORD] = { "UPDATE staff SET password_hash = ?, must_change_password = 0, "
	                             "password_changed_at = UTC_TIMESTAMP(), failed_logins = 0, "
	                             "locked_until = NULL WHERE id = ?",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_AUDIT_INSERT] = { AUDIT_INSERT_SQL, 0, .ncols = 0, .nparams = 10 },
	[SQL_AUDIT_INSERT_READ] = { AUDIT_INSERT_SQL, 0, .ncols = 0,
	    .nparams = 10, .log_only = 1 },
	[SQL_STAFF_ORGANISATION] = { "SELECT o.name AS organisation, "
	                             "COALESCE(po.name, '') AS parent_organisation FROM staff st "
	                             "JOIN organisation o ON o.id = st.organisation_id "
	                             "LEFT JOIN organisation po ON po.id = o.parent_id WHERE st.id = ?",
	    1, .ncols = 2, .nparams = 1, .rec = &staff_home_record },
	[SQL_STAFF_INSATSER] = { "SELECT i.id, i.name, i.places "
	                         "FROM staff_insats si "
	                         "JOIN insats i ON i.id = si.insats_id "
	                         "WHERE si.staff_id = ? AND i.active = 1 ORDER BY i.name",
	    1, .ncols = 3, .nparams = 1, .rec = &staff_insats_record },
	/* NULLs as "" (no secret, none pending) and -1 (no step used yet). */
	[SQL_TOTP_GET] = { "SELECT COALESCE(totp_secret, '') AS secret, "
	                   "COALESCE(totp_pending, '') AS pending, "
	                   "COALESCE(totp_last_counter, -1) AS last_step FROM staff "
	                   "WHERE id = ? AND active = 1 FOR UPDATE",
	    0, .ncols = 3, .nparams = 1, .rec = &mfa_state_record },
	[SQL_TOTP_SET_PENDING] = { "UPDATE staff SET totp_pending = ? WHERE id = ?",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_TOTP_ACTIVATE] = { "UPDATE staff SET totp_secret = totp_pending, totp_pending = NULL, "
	                        "totp_last_counter = ? WHERE id = ?",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_TOTP_USED] = { "UPDATE staff SET totp_last_counter = ? WHERE id = ?",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_TOTP_DISABLE] = { "UPDATE staff SET totp_secret = NULL, totp_pending = NULL, "
	                       "totp_last_counter = NULL WHERE id = ?",
	    0, .ncols = 0, .nparams = 1 },
	/* The accounts that can manage the settings now (marked, active,
	 * admins, of an active förbund), locked first: two operators
	 * unmarking the last two at once cannot both go through. */
	[SQL_STAFF_MARKED_LOCK] = { "SELECT st.id FROM staff st "
	                            "JOIN staff_role r ON r.staff_id = st.id AND r.role = 'admin' "
	                            "JOIN forbund f ON f.id = st.forbund_id AND f.active = 1 "
	                            "WHERE st.installation_admin = 1 AND st.active = 1 FOR UPDATE",
	    0, .ncols = 1, .nparams = 0, .rec = &staff_id_record },
	/* Any account: an inactive one may still be unmarked. */
	[SQL_STAFF_MARK_LOCK] = { "SELECT st.id, st.forbund_id, st.active AS is_active, "
	                          "EXISTS (SELECT 1 FROM staff_role r WHERE r.staff_id = st.id "
	                          "AND r.role = 'admin') AS is_admin, "
	                          "st.installation_admin AS is_marked "
	                          "FROM staff st WHERE st.username = ? FOR UPDATE",
	    0, .ncols = 5, .nparams = 1, .rec = &staff_mark_record },
	[SQL_STAFF_MARK_SET] = { "UPDATE staff SET installation_admin = ? WHERE id = ?",
	    0, .ncols = 0, .nparams = 2 },
};
