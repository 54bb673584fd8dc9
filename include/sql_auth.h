/*
 * sql_auth.h: statements of sessions, login and the audit log
 * (app/session.c, app/auth.c, app/audit.c). Result columns beside each.
 */
#ifndef SQL_AUTH_H
#define SQL_AUTH_H

#include "db.h"

enum sql_auth {
	/* (idle seconds, max seconds, token_hash) -> session_row (session.c),
	 * a row per role held (one row, role '', for none; folded in C): a
	 * live staff session of an active account; stale when last seen over
	 * a minute ago */
	SQL_SESSION_LOOKUP,
	SQL_SESSION_TOUCH, /* (session id) */
	/* (token_hash, staff id, csrf, remote_addr, code_pending) */
	SQL_SESSION_INSERT,
	SQL_SESSION_DELETE,       /* (session id) */
	SQL_SESSION_DELETE_STAFF, /* (staff id, session id to keep or 0) */
	SQL_SESSION_SWEEP,        /* (idle seconds, max seconds) */
	/* (idle seconds, max seconds, token_hash) -> session_row: a tablet
	 * session (who handed it over as staff, its consent), live while
	 * within both limits and the account is active; always stale */
	SQL_TABLET_LOOKUP,
	SQL_TABLET_TOUCH, /* (tablet session id) */
	/* (token_hash, staff id, csrf, remote_addr, consent id) */
	SQL_TABLET_INSERT,
	SQL_TABLET_DELETE, /* (tablet session id) */
	SQL_TABLET_SWEEP,  /* (idle seconds, max seconds) */
	/* (token_hash) -> session_row of an active integration account (no
	 * session id, no CSRF token) */
	SQL_STAFF_FOR_TOKEN,
	/* (username) -> auth_account (auth.c): active password accounts */
	SQL_STAFF_FOR_LOGIN,
	/* (username, 1 for active accounts only or 0 for any) -> staff_id */
	SQL_STAFF_BY_USERNAME,
	SQL_STAFF_LOGIN_FAILED,   /* (lock after N, lock minutes, staff id) */
	SQL_STAFF_LOGIN_OK,       /* (staff id) */
	SQL_LOGIN_FAILURE_INSERT, /* (username, remote_addr) */
	/* (remote_addr, minutes) -> auth_failures */
	SQL_LOGIN_FAILURES_ADDR,
	SQL_LOGIN_FAILURE_SWEEP, /* (minutes) */
	/* (staff id) -> auth_account of an active account (any password) */
	SQL_STAFF_PASSWORD,
	SQL_STAFF_SET_PASSWORD, /* (hash, staff id): clears must_change */
	/* (forbund_id or 0 for none, staff_id, username, action,
	 * object_type, object_id, personnummer, remote_addr, request_id,
	 * detail) */
	SQL_AUDIT_INSERT,
	/* the same for a read or a search (log_only: a request that lost a
	 * race runs again, and logs its read again, db.h) */
	SQL_AUDIT_INSERT_READ,
	/* (staff id) -> staff_home: organisation name, parent's or "" */
	SQL_STAFF_ORGANISATION,
	/* (staff id) -> staff_insats: the assigned active insatser */
	SQL_STAFF_INSATSER,
	/* (staff id) -> mfa_state (mfa.c) of an active account; locks the
	 * row (use inside a transaction) */
	SQL_TOTP_GET,
	SQL_TOTP_SET_PENDING, /* (secret, staff id) */
	SQL_TOTP_ACTIVATE,    /* (step, staff id): pending becomes the secret */
	SQL_TOTP_USED,        /* (step, staff id) */
	SQL_TOTP_DISABLE,     /* (staff id) */
	/* () -> staff_id: the marked accounts that can manage the
	 * installation's settings now (active admins of an active förbund),
	 * locked */
	SQL_STAFF_MARKED_LOCK,
	/* (username) -> staff_mark (forbund.c): the account, active or not,
	 * locked */
	SQL_STAFF_MARK_LOCK,
	SQL_STAFF_MARK_SET, /* (1 or 0, staff id): sql/0078's mark */
	SQL_AUTH__MAX
};

/* An account as `stegvis installation-admin` decides on it. */
struct staff_mark {
	long long id, forbund_id;
	int is_active, is_admin, is_marked;
};
extern const struct db_record staff_mark_record;

extern const struct db_query sql_auth[SQL_AUTH__MAX];

#endif /* !SQL_AUTH_H */
