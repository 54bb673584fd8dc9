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

struct req;

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

/* 1 when password matches hash (a NUL-terminated crypto_pwhash_str). */
int auth_verify(const char *hash, struct str password);

/* NULL when pw is acceptable as a new password for username, else a
 * Swedish message for the form. */
const char *auth_password_problem(struct str username, struct str pw);

#endif /* !AUTH_H */
