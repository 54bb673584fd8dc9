/*
 * sql_form_stash.h: the statements of app/form_stash.c (forms kept over an
 * ended session). Parameters in brackets, result columns after the arrow.
 */
#ifndef SQL_FORM_STASH_H
#define SQL_FORM_STASH_H

#include "db.h"

/* SQL_FS_OWNER_BY_*: the account whose session (live or ended) it is. */
struct form_stash_owner {
	long long staff_id;
};

enum sql_form_stash {
	SQL_FS_SWEEP,         /* (): every expired row */
	SQL_FS_DELETE_HANDLE, /* (handle) */
	SQL_FS_DELETE_OWN,    /* (handle, staff id) */
	/* (handle, staff id, sealed, minutes) */
	SQL_FS_INSERT,
	/* (handle) -> staff id, whole minutes left,
	 * sealed: unclaimed and unexpired */
	SQL_FS_GET,
	SQL_FS_CLAIM,   /* (handle, staff id): only unclaimed, unexpired */
	SQL_FS_RELEASE, /* (handle, staff id) */
	/* (token hash) -> staff id: the session's account, expired or not
	 * (active accounts only) */
	SQL_FS_OWNER_BY_TOKEN,
	/* (csrf token) -> staff id: the same, by the session's CSRF token */
	SQL_FS_OWNER_BY_CSRF,
	/* (): ended sessions older than a day (sql/0023) */
	SQL_FS_SWEEP_ENDED,
	SQL_FS__MAX
};

extern const struct db_query sql_form_stash[SQL_FS__MAX];

#endif /* !SQL_FORM_STASH_H */
