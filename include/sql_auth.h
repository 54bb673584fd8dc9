/*
 * sql_auth.h: statements of sessions, login and the audit log
 * (app/session.c, app/auth.c, app/audit.c). Result columns beside each.
 */
#ifndef SQL_AUTH_H
#define SQL_AUTH_H

#include "db.h"

enum sql_auth {
	/* (token_hash, idle minutes, max hours) -> session id, csrf_token,
	 * staff id, username, display_name, organisation_id,
	 * must_change_password, roles (comma-separated), stale (1 when
	 * last_seen_at is over a minute old), code_pending */
	SQL_SESSION_LOOKUP,
	SQL_SESSION_TOUCH,  /* (session id) */
	SQL_SESSION_INSERT, /* (token_hash, staff id, csrf, remote_addr) */
	SQL_SESSION_DELETE, /* (session id) */
	SQL_SESSION_DELETE_STAFF, /* (staff id, session id to keep or 0) */
	SQL_SESSION_SWEEP,        /* (idle minutes, max hours) */
	/* (idle seconds, max seconds, token_hash) -> tablet session id,
	 * csrf_token, consent id, staff id (who handed it over), staff
	 * username, live (1 while within both limits and the account is
	 * active, else 0) */
	SQL_TABLET_LOOKUP,
	SQL_TABLET_TOUCH, /* (tablet session id) */
	/* (token_hash, consent id, staff id, csrf, remote_addr) */
	SQL_TABLET_INSERT,
	SQL_TABLET_DELETE, /* (tablet session id) */
	SQL_TABLET_SWEEP,  /* (idle seconds, max seconds) */
	/* (username) -> id, password_hash, locked (0/1); active password
	 * accounts only */
	SQL_STAFF_FOR_LOGIN,
	/* (username) -> id; active accounts, for SSO */
	SQL_STAFF_FOR_SSO,
	/* (token_hash) -> id, username, display_name, organisation_id;
	 * active integration accounts */
	SQL_STAFF_FOR_TOKEN,
	SQL_STAFF_LOGIN_FAILED,   /* (lock after N, lock minutes, staff id) */
	SQL_STAFF_LOGIN_OK,       /* (staff id) */
	SQL_LOGIN_FAILURE_INSERT, /* (username, remote_addr) */
	SQL_LOGIN_FAILURES_ADDR,  /* (remote_addr, minutes) -> count */
	SQL_LOGIN_FAILURE_SWEEP,  /* (minutes) */
	SQL_STAFF_PASSWORD,       /* (staff id) -> password_hash, locked */
	SQL_STAFF_SET_PASSWORD,   /* (hash, staff id): clears must_change */
	/* (staff_id, username, action, object_type, object_id,
	 * personnummer, remote_addr, request_id, detail) */
	SQL_AUDIT_INSERT,
	/* (staff id) -> organisation name, parent organisation name or "" */
	SQL_STAFF_ORGANISATION,
	/* (staff id) -> insats id, name, places: the assigned insatser */
	SQL_STAFF_INSATSER,
	/* (staff id) -> totp_secret, totp_pending, totp_last_counter; locks
	 * the row (use inside a transaction) */
	SQL_TOTP_GET,
	SQL_TOTP_SET_PENDING, /* (secret, staff id) */
	SQL_TOTP_ACTIVATE,    /* (step, staff id): pending becomes the secret */
	SQL_TOTP_USED,        /* (step, staff id) */
	SQL_TOTP_DISABLE,     /* (staff id) */
	SQL_AUTH__MAX
};

extern const struct db_query sql_auth[SQL_AUTH__MAX];

#endif /* !SQL_AUTH_H */
