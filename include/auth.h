/*
 * auth.h: passwords and logging in.
 *
 * Passwords are Argon2id strings from libsodium's crypto_pwhash_str
 * (interactive limits). A login fails with one generic message whatever
 * the reason (unknown user, wrong password, locked account, too many
 * attempts from the address), and takes the same work in each case, so
 * nothing tells whether an account exists. AUTH_LOCK_AFTER failures in a
 * row lock the account for AUTH_LOCK_MINUTES; AUTH_ADDR_MAX_FAILURES from
 * one address within AUTH_ADDR_WINDOW_MINUTES refuse that address too
 * (limits in app_limits.h).
 */
#ifndef AUTH_H
#define AUTH_H

#include "app.h"
#include "str.h"

struct db_record;
struct req;

/* An account as logging in sees it (SQL_STAFF_FOR_LOGIN,
 * SQL_STAFF_PASSWORD). Strings are arena. */
struct auth_account {
	long long id;
	struct str password_hash; /* "" for none; NUL-terminated */
	int locked;               /* locked_until is in the future */
	long long forbund_id;     /* its förbund (a failed login's log row) */
};

/* The failed logins from one address in the window
 * (SQL_LOGIN_FAILURES_ADDR). */
struct auth_failures {
	long long failures;
};

/* The decode tables, for the statements in sql_auth.c. */
extern const struct db_record auth_account_record;
extern const struct db_record auth_failures_record;

/* Initialise libsodium; 1 on success. Call once per process before use. */
int auth_init(void);

/*
 * Check username/password and, on success, return the account in
 * *staff_id (the caller then starts a session). APP_EFORBIDDEN for any
 * failure (already counted and written to the access log); APP_EDB or
 * APP_EUNAVAIL from the database.
 */
enum app_err auth_login(struct req *, struct str username, struct str password,
    long long *staff_id);

/* The account name as typed, normalised: blanks trimmed, ASCII lower-cased,
 * at most 64 bytes, any other byte replaced by '?' (safe to log and to
 * bind). Returns 1 when it could be an account name at all, 0 when not
 * (empty, too long, non-ASCII). *out is arena. */
int auth_username(struct req *, struct str typed, struct str *out);

/* Hash a password into an arena string ($argon2id$...). APP_ENOMEM when
 * the arena or libsodium's memory is short. */
enum app_err auth_hash(struct req *, struct str password, struct str *out);

/* A temporary password (an admin's new account or reset, a new förbund's
 * first admin): 16 random hex digits in groups of four. Arena; STR_NULL
 * when the arena is full. */
struct str auth_temp_password(struct req *);

/* 1 when password matches hash (a NUL-terminated crypto_pwhash_str). */
int auth_verify(const char *hash, struct str password);

/* Active account staff_id's password hash and lock; *found 0 when the
 * account is gone or inactive. */
enum app_err auth_account_get(
    struct req *, long long staff_id, struct auth_account *, int *found);

/* Count one failed proof (a wrong password or code) against account
 * staff_id: AUTH_LOCK_AFTER in a row lock it for AUTH_LOCK_MINUTES. */
enum app_err auth_count_failure(struct req *, long long staff_id);

/* The password form's errors, one per field (NULL when fine). */
struct auth_password_errors {
	const char *current, *next, *repeat;
};

/*
 * The logged-in user changes their password: current must be right (a
 * wrong one counts toward the lockout and is logged; a locked account is
 * refused), next must pass auth_password_problem() and differ from
 * current, repeat must equal next. Any NULL argument is a field not sent.
 * With an error in *pe nothing changes (*changed 0). Else, in one
 * transaction: the new hash, every other session of the account ended and
 * the log row (*changed 1); the caller then rotates this session.
 * APP_EFORBIDDEN when the account is gone or inactive.
 */
enum app_err auth_password_change(struct req *, const struct str *current,
    const struct str *next, const struct str *repeat,
    struct auth_password_errors *pe, int *changed);

/* NULL when pw is acceptable as a new password for username, else a
 * Swedish message for the form. */
const char *auth_password_problem(struct str username, struct str pw);

#endif /* !AUTH_H */
