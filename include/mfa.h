/*
 * mfa.h: an account's second factor (tvåstegsverifiering): its stored
 * state, a code checked against it, enrolment and turning it off. The codes
 * themselves are include/totp.h's.
 *
 * An account has at most one active secret and, while enrolling, one
 * pending secret shown as a QR code until a code from it turns it on. A
 * code is accepted once: the time step it belongs to is stored and a step
 * not after it is refused (mfa_step_fresh(), unit-tested in
 * tests/unit/test_mfa.c). A wrong code at login counts toward the same
 * lockout as a wrong password.
 */
#ifndef MFA_H
#define MFA_H

#include <stdint.h>

#include "app.h"
#include "str.h"

struct db_record;
struct req;

/* The second factor of an account (SQL_TOTP_GET). Strings are arena. */
struct mfa_state {
	struct str secret;   /* the active secret's bytes, "" when off */
	struct str pending;  /* the secret being enrolled, "" when none */
	long long last_step; /* the last step used, -1 when none */
};

extern const struct db_record mfa_state_record; /* for sql_auth.c */

/* 1 when a code from the app may be used at time step step: only a step
 * after the last one used (a code is good once). */
int mfa_step_fresh(long long last_step, uint64_t step);

/* 1 when account staff_id (active) has a second factor on, so that a
 * password opens only the code page. */
enum app_err mfa_due(struct req *, long long staff_id, int *due);

/* The outcome of a code typed at login. */
enum mfa_login {
	MFA_LOGIN_OK,     /* right: the step is used, the login may finish */
	MFA_LOGIN_WRONG,  /* wrong or used: counted and logged; try again */
	MFA_LOGIN_LOCKED, /* wrong, and the account is now locked or gone */
};

/* Check code for the logged-in user whose code is still due, in one
 * transaction with its log row; *out says how it went. */
enum app_err mfa_login_code(struct req *, struct str code, enum mfa_login *out);

/*
 * What the logged-in user's enrolment page shows: *on 1 when the second
 * factor is on; else *pending is the secret to enrol with (arena), made
 * and stored now when there is none, so the page shows the same one until
 * it is used. APP_EFORBIDDEN when the account is gone.
 */
enum app_err mfa_enrolment(struct req *, int *on, struct str *pending);

/* Turn the logged-in user's second factor on (enable: code from the
 * pending secret) or off (code from the active one), with its log row, in
 * one transaction. *ok 0 when the code is not right (nothing changed). */
enum app_err mfa_change(struct req *, int enable, struct str code, int *ok);

#endif /* !MFA_H */
